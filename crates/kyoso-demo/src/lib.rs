//! A realistic, deterministic demonstration network.
//!
//! The real organizations of the sources (AOTS and its alumni societies, TPA
//! and TNI, JTECS, ESUHAI, Devnet International, JICA, UNIDO ITPO Tokyo, METI,
//! Thailand's Ministry of Industry, Osaka Prefecture University, Sakai and its
//! Chamber of Commerce, ...) and generated companies, universities and people
//! in 27 countries, with names in their own scripts and careers that follow
//! the paths the sources describe: Thai students of the 1960s and 70s who
//! studied in Japan and founded TPA; AOTS ex-trainees in Japanese-affiliated
//! firms; technical interns placed with Japanese SMEs who came home to work
//! or to found an enterprise; TNI students interning in Sakai; Japanese
//! experts who mentor them.
//!
//! Every record is a pure function of (seed, index): a person can be made
//! without making the ones before, so a network of millions streams in
//! constant memory, and the same seed always gives the same network.

#![forbid(unsafe_code)]

mod countries;
pub mod matching;
mod organizations;
mod programs;
mod rng;

use std::collections::{BTreeSet, HashMap};

use kyoso_domain::{
    Availability, Consent, Contact, CountryCode, Email, Endpoint, EntityKind, Event, EventKind,
    ExternalId, Gender, Incoming, LanguageSkill, Names, OrganisationType, Organization,
    PartialDate, Person, Phone, RecordRef, SectorCode, Skill, Strength, Text, Tie, TieKind,
    Timestamp, Uid, Visibility, WebAddress,
};

use crate::countries::{COUNTRIES, Country, Part, full_name};
use crate::organizations::{Org, Role};
use crate::rng::Rng;

pub use crate::programs::{DemoParticipation, DemoProgram};

/// The year the demonstration network is "now".
const NOW_YEAR: i64 = 2026;

/// Streams of random numbers, one per purpose, so that changing how one
/// thing is generated does not change the others.
const PROFILE: u64 = 1;
const DETAILS: u64 = 2;
const TIES: u64 = 3;
/// The stream of attendance draws: apart from the uids' streams (4 to 8,
/// 20) and the programs' (9, 10).
const EVENTS: u64 = 21;

/// An event of the demonstration network, and who attends it.
struct DemoEvent {
    external_id: &'static str,
    latin: &'static str,
    native: Option<&'static str>,
    japanese: Option<&'static str>,
    kind: EventKind,
    start: &'static str,
    end: Option<&'static str>,
    place: &'static str,
    country: &'static str,
    organizer: &'static str,
    visibility: Visibility,
    /// Whether a person of this profile is among those who may attend, and
    /// the chance that they did.
    attendee: fn(&Profile) -> bool,
    chance: f64,
    /// Whether attendees recorded meeting one another there.
    meetings: bool,
}

/// A convention most AOTS alumni attended (a hub by its size on a demo of
/// thousands), and two smaller meetings where people met.
const DEMO_EVENTS: &[DemoEvent] = &[
    DemoEvent {
        external_id: "DEMO-E-AOTS-CONVENTION-2019",
        latin: "AOTS Global Alumni Convention 2019",
        native: None,
        japanese: Some("AOTS世界同窓会大会2019"),
        kind: EventKind::AlumniGathering,
        start: "2019-10-01",
        end: Some("2019-10-03"),
        place: "Tokyo",
        country: "JP",
        organizer: "AOTS",
        visibility: Visibility::Public,
        attendee: |p| p.path == Path::Trainee && p.year <= 2019,
        chance: 0.6,
        meetings: false,
    },
    DemoEvent {
        external_id: "DEMO-E-TPA-KAIZEN-2023",
        latin: "TPA Kaizen Seminar 2023",
        native: Some("สัมมนาไคเซ็น ส.ส.ท. 2566"),
        japanese: Some("TPA改善セミナー2023"),
        kind: EventKind::Seminar,
        start: "2023-06-14",
        end: None,
        place: "Bangkok",
        country: "TH",
        organizer: "TPA",
        visibility: Visibility::Network,
        attendee: |p| p.country.code == "TH" && p.year <= 2023,
        chance: 0.1,
        meetings: true,
    },
    DemoEvent {
        external_id: "DEMO-E-HANOI-MATCHING-2024",
        latin: "Viet Nam-Japan Business Matching Hanoi 2024",
        native: Some("Kết nối kinh doanh Việt Nam-Nhật Bản Hà Nội 2024"),
        japanese: Some("日越ビジネスマッチング・ハノイ2024"),
        kind: EventKind::BusinessMatching,
        start: "2024-09-18",
        end: Some("2024-09-19"),
        place: "Hanoi",
        country: "VN",
        organizer: "JETRO",
        visibility: Visibility::Network,
        attendee: |p| p.country.code == "VN" && p.year <= 2024,
        chance: 0.06,
        meetings: true,
    },
];

/// The path that brought someone into the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Path {
    /// Studied at a Japanese university in the 1960s-70s; a founder.
    Pioneer,
    /// Trained in Japan by AOTS.
    Trainee,
    /// A technical intern trainee, placed with a Japanese SME.
    Intern,
    /// A TNI student; some interned in Sakai.
    TniGraduate,
    /// Trained by JICA.
    JicaFellow,
    /// Studied in Japan more recently.
    JapanStudent,
    /// A Japanese engineer: an SME's or a retired expert, a mentor.
    Expert,
}

#[derive(Debug, Clone)]
struct Profile {
    country: &'static Country,
    given: &'static Part,
    family: &'static Part,
    born: i64,
    path: Path,
    /// The year the person's tie to Japan began.
    year: i64,
}

/// Skills and the sector each belongs to.
const SKILLS: &[(&str, &str)] = &[
    ("lean manufacturing", "32120"),
    ("kaizen", "32120"),
    ("5s", "32120"),
    ("quality control", "32120"),
    ("total productive maintenance", "32120"),
    ("cad", "32120"),
    ("cnc machining", "32120"),
    ("welding", "32120"),
    ("plc programming", "32120"),
    ("industrial automation", "32120"),
    ("mold design", "32120"),
    ("calibration", "32120"),
    ("robotics", "32120"),
    ("iot", "22040"),
    ("electronics assembly", "32172"),
    ("automotive parts", "32120"),
    ("food processing", "32161"),
    ("textile production", "32163"),
    ("sme consulting", "32130"),
    ("business management", "25010"),
    ("entrepreneurship", "32130"),
    ("japanese language teaching", "11330"),
    ("vocational training", "11330"),
    ("nursing care", "12220"),
    ("agriculture", "31120"),
    ("construction", "32310"),
    ("logistics", "21010"),
    ("water treatment", "14020"),
    ("solar power", "23230"),
    ("waste management", "14050"),
];

/// The demonstration network for a number of people and a seed.
#[derive(Debug)]
pub struct Demo {
    seed: u64,
    people: u64,
    organizations: Vec<Org>,
    /// Organizations by role and country, as indexes into `organizations`.
    catalog: HashMap<(Kind, Option<&'static str>), Vec<usize>>,
    weights: Vec<u32>,
    created_at: Timestamp,
}

/// The roles people's ties are drawn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    JapaneseUniversity,
    Sme,
    SakaiSme,
    AffiliatedCompany,
    LocalCompany,
    LocalUniversity,
    Sending,
    Supervising,
    StartUp,
}

impl Demo {
    pub fn new(people: u64, seed: u64) -> Demo {
        let organizations = organizations::organizations(people);
        let mut catalog: HashMap<(Kind, Option<&'static str>), Vec<usize>> = HashMap::new();
        for (i, org) in organizations.iter().enumerate() {
            let kinds: &[Kind] = match org.role {
                Role::JapaneseUniversity => &[Kind::JapaneseUniversity],
                Role::JapaneseSme { sakai: true } => &[Kind::Sme, Kind::SakaiSme],
                Role::JapaneseSme { sakai: false } => &[Kind::Sme],
                Role::LocalCompany {
                    japanese_affiliated: true,
                } => &[Kind::AffiliatedCompany, Kind::LocalCompany],
                Role::LocalCompany {
                    japanese_affiliated: false,
                } => &[Kind::LocalCompany],
                Role::LocalUniversity => &[Kind::LocalUniversity],
                Role::Sending => &[Kind::Sending],
                Role::Supervising => &[Kind::Supervising],
                Role::StartUp => &[Kind::StartUp],
                Role::Real | Role::AlumniSociety | Role::Federation => &[],
            };
            for &kind in kinds {
                catalog.entry((kind, None)).or_default().push(i);
                catalog.entry((kind, org.country)).or_default().push(i);
            }
        }
        // Tokyo Tech is where the Thai pioneers studied.
        if let Some(i) = organizations
            .iter()
            .position(|o| o.external_id == "TOKYO-TECH")
        {
            catalog
                .entry((Kind::JapaneseUniversity, None))
                .or_default()
                .push(i);
        }
        Demo {
            seed,
            people,
            organizations,
            catalog,
            weights: COUNTRIES.iter().map(|c| c.weight).collect(),
            created_at: Timestamp::parse("2026-01-05T00:00:00Z")
                .unwrap_or_else(|_| Timestamp::now()),
        }
    }

    pub fn people(&self) -> u64 {
        self.people
    }

    /// A time near the demo's "now", different for each record.
    fn time(&self, offset: u64) -> Timestamp {
        Timestamp::from_unix_micros(self.created_at.unix_micros() + offset as i64 * 1_000)
            .unwrap_or(self.created_at)
    }

    /// A record's id: a UUIDv7 for the record's creation time, with random
    /// bits from the seed, so that it is deterministic and, like every kyoso
    /// id made at creation, ordered by time.
    fn uid(&self, kind: &str, index: u64) -> Uid {
        let stream = match kind {
            "org" => 4,
            "program" => 6,
            "cohort" => 7,
            "participation" => 8,
            "event" => 20,
            _ => 5,
        };
        let mut rng = Rng::for_item(self.seed, stream, index);
        let mut random = [0u8; 10];
        random[..8].copy_from_slice(&rng.next().to_le_bytes());
        random[8..].copy_from_slice(&rng.next().to_le_bytes()[..2]);
        let millis = (self.time(index).unix_micros() / 1_000) as u64;
        Uid::from_uuid(uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid())
    }

    pub fn person_external_id(index: u64) -> String {
        format!("DEMO-P-{index:07}")
    }

    fn person_ref(index: u64) -> RecordRef {
        RecordRef::parse(&Demo::person_external_id(index)).unwrap_or_else(|_| unreachable!())
    }

    fn org_ref(id: &str) -> RecordRef {
        RecordRef::parse(id).unwrap_or_else(|_| unreachable!("demo ids are valid"))
    }

    fn pick(&self, rng: &mut Rng, kind: Kind, country: Option<&'static str>) -> &Org {
        let list = self
            .catalog
            .get(&(kind, country))
            .filter(|l| !l.is_empty())
            .or_else(|| self.catalog.get(&(kind, None)))
            .unwrap_or_else(|| unreachable!("every kind has organizations"));
        &self.organizations[*rng.pick(list)]
    }

    // --- organizations ---

    /// Every organization, parents before children.
    pub fn organizations(&self) -> Vec<Incoming<Organization<RecordRef>>> {
        self.organizations
            .iter()
            .enumerate()
            .map(|(i, org)| {
                let line = |s: &str| Text::line(s, Names::MAX_CHARS).ok();
                let record = Organization {
                    names: Names::new(
                        org.native.as_deref().and_then(line),
                        line(&org.latin),
                        org.japanese.as_deref().and_then(line),
                    )
                    .unwrap_or_else(|e| unreachable!("demo names are valid: {e}")),
                    acronym: org.acronym.and_then(|a| Text::line(a, 30).ok()),
                    org_type: OrganisationType::parse(org.org_type)
                        .unwrap_or(OrganisationType::OTHER),
                    country: org.country.and_then(|c| CountryCode::parse(c).ok()),
                    sectors: sectors(org.sectors),
                    parent: org.parent.as_deref().map(Demo::org_ref),
                    website: org.website.and_then(|w| WebAddress::parse(w).ok()),
                    visibility: Visibility::Public,
                };
                Incoming {
                    line: 0,
                    uid: Some(self.uid("org", i as u64)),
                    external_id: ExternalId::parse(&org.external_id).ok(),
                    owner: None,
                    created_at: Some(self.time(i as u64)),
                    updated_at: Some(self.time(i as u64)),
                    record,
                }
            })
            .collect()
    }

    /// The demonstration's events.
    pub fn events(&self) -> Vec<Incoming<Event<RecordRef>>> {
        DEMO_EVENTS
            .iter()
            .enumerate()
            .map(|(i, event)| {
                let line = |s: &str| Text::line(s, Names::MAX_CHARS).ok();
                let date = |d: &str| {
                    PartialDate::parse(d).unwrap_or_else(|e| unreachable!("demo date {d}: {e}"))
                };
                let record = Event {
                    names: Names::new(
                        event.native.and_then(line),
                        line(event.latin),
                        event.japanese.and_then(line),
                    )
                    .unwrap_or_else(|e| unreachable!("demo names are valid: {e}")),
                    kind: event.kind,
                    start: date(event.start),
                    end: event.end.map(date),
                    place: line(event.place),
                    country: CountryCode::parse(event.country).ok(),
                    organizer: Some(Demo::org_ref(event.organizer)),
                    visibility: event.visibility,
                };
                Incoming {
                    line: 0,
                    uid: Some(self.uid("event", i as u64)),
                    external_id: ExternalId::parse(event.external_id).ok(),
                    owner: Some(Demo::org_ref(event.organizer)),
                    created_at: Some(self.time(i as u64)),
                    updated_at: Some(self.time(i as u64)),
                    record,
                }
            })
            .collect()
    }

    /// Whether person `index` attended event `at` of [`DEMO_EVENTS`]: a
    /// pure function of the seed and the index, so that others can know it
    /// too. Each person's draws come in the events' order.
    fn attends(&self, index: u64, at: usize) -> bool {
        let event = &DEMO_EVENTS[at];
        if !(event.attendee)(&self.profile(index)) {
            return false;
        }
        let mut rng = Rng::for_item(self.seed, EVENTS, index);
        (DEMO_EVENTS[..=at].iter())
            .map(|e| rng.chance(e.chance))
            .last()
            .unwrap_or(false)
    }

    /// The events person `index` attended, and the earlier attendees they
    /// met there.
    fn event_ties(&self, index: u64) -> Vec<Incoming<Tie<RecordRef>>> {
        let me = (EntityKind::Person, Demo::person_ref(index));
        let mut rng = Rng::for_item(self.seed, EVENTS, index.wrapping_add(1 << 40));
        let mut ties = Vec::new();
        for (at, event) in DEMO_EVENTS.iter().enumerate() {
            if !self.attends(index, at) {
                continue;
            }
            let date = |d: &str| PartialDate::parse(d).unwrap_or_else(|e| unreachable!("{e}"));
            let start = date(event.start);
            let venue = (
                EntityKind::Event,
                RecordRef::parse(event.external_id).unwrap_or_else(|e| unreachable!("{e}")),
            );
            ties.push(self.person_tie(
                TieKind::Attended,
                me.clone(),
                venue.clone(),
                start,
                event.end.map(date),
                None,
            ));
            if !event.meetings || index == 0 {
                continue;
            }
            if let Some(peer) = (0..40)
                .map(|_| rng.below(index))
                .find(|&j| self.attends(j, at))
            {
                let mut met = self.person_tie(
                    TieKind::MetAt,
                    me.clone(),
                    (EntityKind::Person, Demo::person_ref(peer)),
                    start,
                    None,
                    None,
                );
                met.record.event = Some(venue.1);
                ties.push(met);
            }
        }
        ties
    }

    /// The ties between organizations the sources tell of, and generated
    /// partnerships and supervision.
    pub fn organization_ties(&self) -> Vec<Incoming<Tie<RecordRef>>> {
        let o = EntityKind::Organization;
        let mut ties = vec![
            self.tie(TieKind::Founded, (o, "TPA"), (o, "TNI"), "2007", None),
            self.tie(
                TieKind::PartneredWith,
                (o, "JTECS"),
                (o, "TPA"),
                "1973",
                Some("JTECS mobilized Japanese ODA and private support for TPA"),
            ),
            self.tie(
                TieKind::PartneredWith,
                (o, "TNI"),
                (o, "OPU"),
                "2010",
                Some("internship programme for senior TNI students"),
            ),
            self.tie(
                TieKind::PartneredWith,
                (o, "TNI"),
                (o, "SAKAI-CCI"),
                "2010",
                Some("internships at Sakai SMEs"),
            ),
            self.tie(
                TieKind::PartneredWith,
                (o, "TNI"),
                (o, "SAKAI-CITY"),
                "2010",
                None,
            ),
            self.tie(
                TieKind::PartneredWith,
                (o, "METI"),
                (o, "MOI-TH"),
                "2022-01-13",
                Some("framework on co-creation for innovative and sustainable growth"),
            ),
            self.tie(
                TieKind::PartneredWith,
                (o, "JICA"),
                (o, "ESUHAI"),
                "2016",
                Some("overseas investment and loan for facilities"),
            ),
            self.tie(
                TieKind::PartneredWith,
                (o, "DEVNET"),
                (o, "ICIC"),
                "2018",
                Some("monitoring of technical intern training"),
            ),
            self.tie(
                TieKind::MemberOf,
                (o, "TPA"),
                (o, "AOTS-FED-SEA"),
                "1997",
                None,
            ),
            self.tie(
                TieKind::PartneredWith,
                (o, "AOTS"),
                (o, "WNF"),
                "1997-09",
                Some("AOTS manages the WNF fund for the alumni societies"),
            ),
            self.tie(
                TieKind::PartneredWith,
                (o, "MOFA-JP"),
                (o, "UNIDO-ITPO-TOKYO"),
                "2020",
                Some("STePP demonstration projects"),
            ),
        ];
        for org in &self.organizations {
            match org.role {
                Role::AlumniSociety => {
                    if let Some(parent) = &org.parent {
                        ties.push(self.tie(
                            TieKind::MemberOf,
                            (o, &org.external_id),
                            (o, parent),
                            "1998",
                            None,
                        ));
                    }
                    ties.push(self.tie(
                        TieKind::PartneredWith,
                        (o, "AOTS"),
                        (o, &org.external_id),
                        "1990",
                        None,
                    ));
                }
                Role::Supervising => {
                    let mut rng = Rng::for_item(self.seed, TIES, u64::MAX - ties.len() as u64);
                    for _ in 0..3 {
                        let sme = self.pick(&mut rng, Kind::Sme, None).external_id.clone();
                        let year = rng.range(2012, 2024).to_string();
                        ties.push(self.tie(
                            TieKind::Supervises,
                            (o, &org.external_id),
                            (o, &sme),
                            &year,
                            None,
                        ));
                    }
                }
                Role::JapaneseSme { .. } if org.external_id.ends_with('0') => {
                    // Some SMEs demonstrate their technology abroad with UNIDO.
                    ties.push(self.tie(
                        TieKind::PartneredWith,
                        (o, "UNIDO-ITPO-TOKYO"),
                        (o, &org.external_id),
                        "2021",
                        Some("STePP demonstration project"),
                    ));
                }
                _ => {}
            }
        }
        let mut seen = BTreeSet::new();
        ties.retain(|t| {
            seen.insert((
                t.record.kind,
                t.record.from.key.clone(),
                t.record.to.key.clone(),
                t.record.start,
            ))
        });
        ties
    }

    fn tie(
        &self,
        kind: TieKind,
        from: (EntityKind, &str),
        to: (EntityKind, &str),
        start: &str,
        note: Option<&str>,
    ) -> Incoming<Tie<RecordRef>> {
        let date =
            PartialDate::parse(start).unwrap_or_else(|_| unreachable!("demo dates are valid"));
        self.person_tie(
            kind,
            (from.0, Demo::org_ref(from.1)),
            (to.0, Demo::org_ref(to.1)),
            date,
            None,
            note,
        )
    }

    fn person_tie(
        &self,
        kind: TieKind,
        from: (EntityKind, RecordRef),
        to: (EntityKind, RecordRef),
        start: PartialDate,
        end: Option<PartialDate>,
        note: Option<&str>,
    ) -> Incoming<Tie<RecordRef>> {
        Incoming {
            line: 0,
            uid: None,
            external_id: None,
            owner: None,
            created_at: Some(self.created_at),
            updated_at: Some(self.created_at),
            record: Tie {
                kind,
                from: Endpoint {
                    kind: from.0,
                    key: from.1,
                },
                to: Endpoint {
                    kind: to.0,
                    key: to.1,
                },
                start,
                end,
                strength: None,
                role: None,
                note: note.and_then(|n| Text::multiline(n, 1000).ok()),
                asserted_by: Text::line("kyoso demo", 50).unwrap_or_else(|_| unreachable!()),
                asserted_at: self.created_at,
                visibility: Visibility::Network,
                event: None,
            },
        }
    }

    // --- people ---

    fn profile(&self, index: u64) -> Profile {
        let mut rng = Rng::for_item(self.seed, PROFILE, index);
        let country = &COUNTRIES[rng.weighted(&self.weights)];
        let given = rng.pick(country.given);
        let family = rng.pick(country.family);
        let path = if country.code == "JP" {
            Path::Expert
        } else {
            let intern = if country.sends_interns { 30 } else { 0 };
            let tni = if country.code == "TH" { 12 } else { 0 };
            let pioneer = if country.code == "TH" { 3 } else { 1 };
            [
                Path::Pioneer,
                Path::Trainee,
                Path::Intern,
                Path::TniGraduate,
                Path::JicaFellow,
                Path::JapanStudent,
            ][rng.weighted(&[pioneer, 40, intern, tni, 10, 8])]
        };
        let (born, year) = match path {
            Path::Pioneer => {
                let born = rng.range(1940, 1953);
                (born, born + rng.range(20, 24))
            }
            Path::Intern => {
                let born = rng.range(1988, 2004);
                (born, (born + rng.range(19, 24)).min(NOW_YEAR - 1))
            }
            Path::TniGraduate => {
                let born = rng.range(1989, 2005);
                (born, born + 18)
            }
            Path::Expert => {
                let born = rng.range(1945, 1990);
                (born, born + 23)
            }
            _ => {
                let born = rng.range(1950, 1999);
                (born, (born + rng.range(24, 40)).clamp(1975, NOW_YEAR - 1))
            }
        };
        Profile {
            country,
            given,
            family,
            born,
            path,
            year,
        }
    }

    /// The person at `index`.
    pub fn person(&self, index: u64) -> Incoming<Person> {
        let profile = self.profile(index);
        let mut rng = Rng::for_item(self.seed, DETAILS, index);
        let country = profile.country;
        let (native, latin, kana) = full_name(country, profile.given, profile.family);
        let line = |s: &str| Text::line(s, Names::MAX_CHARS).ok();
        let names = Names::new(
            native.as_deref().and_then(line),
            line(&latin),
            kana.as_deref().and_then(line),
        )
        .unwrap_or_else(|e| unreachable!("demo names are valid: {e}"));

        let own_language = LanguageSkill::parse(&format!("{}:native", country.language)).ok();
        let japanese = match profile.path {
            Path::Expert => "native",
            Path::Pioneer | Path::JapanStudent => *rng.pick(&["N1", "N1", "N2"]),
            Path::TniGraduate => *rng.pick(&["N2", "N3", "N3"]),
            Path::Intern => *rng.pick(&["N3", "N4", "N4", "N2"]),
            Path::Trainee | Path::JicaFellow => *rng.pick(&["N3", "N4", "N5", "N5"]),
        };
        let mut languages: Vec<LanguageSkill> = own_language.into_iter().collect();
        if country.language != "ja" {
            languages.extend(LanguageSkill::parse(&format!("ja:{japanese}")));
        }
        if country.language != "en" && rng.chance(0.6) {
            languages.extend(LanguageSkill::parse(&format!(
                "en:{}",
                rng.pick(&["B1", "B2", "B2", "C1"])
            )));
        } else if country.language == "en" {
            languages.clear();
            languages.extend(LanguageSkill::parse("en:native"));
            languages.extend(LanguageSkill::parse(&format!("ja:{japanese}")));
        }

        let skill_count = rng.range(2, 5) as usize;
        let mut skills = BTreeSet::new();
        let mut sector_codes = BTreeSet::new();
        for _ in 0..skill_count {
            let (skill, sector) = rng.pick(SKILLS);
            skills.insert(Skill::parse(skill).unwrap_or_else(|_| unreachable!()));
            if sector_codes.len() < 2 {
                sector_codes.insert(*sector);
            }
        }
        let sectors = sectors(&sector_codes.into_iter().collect::<Vec<_>>());

        let public_listing = rng.chance(0.2);
        let visibility = if public_listing {
            Visibility::Public
        } else if rng.chance(0.8) {
            Visibility::Network
        } else {
            Visibility::Private
        };
        let ascii: String = latin
            .chars()
            .filter_map(|c| match c {
                'a'..='z' | '0'..='9' => Some(c),
                'A'..='Z' => Some(c.to_ascii_lowercase()),
                ' ' | '-' => Some('.'),
                _ => None,
            })
            .collect();
        let email = rng
            .chance(0.6)
            .then(|| Email::parse(&format!("{ascii}.{index}@example.org")).ok())
            .flatten();
        let phone = rng
            .chance(0.3)
            .then(|| {
                let number = rng.range(10_000_000, 99_999_999);
                Phone::parse(&format!(
                    "{} {} {}",
                    country.phone,
                    number / 10_000,
                    number % 10_000
                ))
                .ok()
            })
            .flatten();
        let senior = NOW_YEAR - profile.born >= 45;
        let availability = Availability {
            mentoring: senior && rng.chance(0.6) || profile.path == Path::Pioneer,
            dispatch: profile.path == Path::Expert && rng.chance(0.4),
            // Senior engineers and AOTS alumni who teach at home; chosen
            // by index, so that the rest of the network stays as it was.
            training: senior
                && matches!(profile.path, Path::Expert | Path::Trainee)
                && index.is_multiple_of(3),
        };
        let bio = match profile.path {
            Path::Pioneer => Some(format!(
                "Studied engineering in Japan from {}; one of the founding generation of the Japan alumni network at home.",
                profile.year
            )),
            Path::Expert if senior => Some(format!(
                "Engineer since {}; advises partner companies abroad on {}.",
                profile.year,
                skills.iter().next().map_or("manufacturing", |s| s.as_str())
            )),
            Path::Intern if profile.year + 3 < NOW_YEAR => Some(format!(
                "Technical intern trainee in Japan from {}; returned home in {}.",
                profile.year,
                profile.year + 3
            )),
            _ => None,
        }
        .and_then(|b| Text::multiline(&b, Person::MAX_BIO_CHARS).ok());

        let person = Person {
            names,
            gender: Some(if profile.given.female {
                Gender::Female
            } else {
                Gender::Male
            }),
            residence: CountryCode::parse(
                if profile.path == Path::Intern && profile.year + 3 > NOW_YEAR {
                    "JP"
                } else {
                    country.code
                },
            )
            .ok(),
            nationality: CountryCode::parse(country.code).ok(),
            languages,
            skills: skills.into_iter().collect(),
            sectors,
            availability,
            available_from: None,
            // Those who studied or trained in Japan have lived there.
            experience_countries: match profile.path {
                Path::Pioneer | Path::Intern if profile.year + 3 <= NOW_YEAR => {
                    CountryCode::parse("JP").ok().into_iter().collect()
                }
                _ => Vec::new(),
            },
            contact: Contact { email, phone },
            bio,
            consent: Consent {
                processing: true,
                contact: rng.chance(0.7),
                public_listing,
            },
            visibility,
        };
        Incoming {
            line: 0,
            uid: Some(self.uid("person", index)),
            external_id: ExternalId::parse(&Demo::person_external_id(index)).ok(),
            owner: Some(Demo::org_ref(self.owner(&profile))),
            created_at: Some(self.time(index)),
            updated_at: Some(self.time(index)),
            record: person,
        }
    }

    /// The organization that keeps a person's record.
    fn owner(&self, profile: &Profile) -> &'static str {
        match (profile.path, profile.country.code) {
            (Path::Expert, _) => "AOTS",
            (Path::TniGraduate, _) => "TNI",
            (Path::JicaFellow, _) => "JICA",
            (Path::Intern, "VN") => "ESUHAI",
            (Path::Intern, _) => "ICIC",
            (_, "TH") => "TPA",
            _ => "AOTS",
        }
    }

    /// The ties that start from the person at `index`: their studies,
    /// training, work and memberships, and ties to people before them.
    pub fn ties_of(&self, index: u64) -> Vec<Incoming<Tie<RecordRef>>> {
        let profile = self.profile(index);
        let mut rng = Rng::for_item(self.seed, TIES, index);
        let me = (EntityKind::Person, Demo::person_ref(index));
        let org = |id: &str| (EntityKind::Organization, Demo::org_ref(id));
        let year = |y: i64| {
            PartialDate::new(y.clamp(1950, NOW_YEAR) as i32, None, None)
                .unwrap_or_else(|_| unreachable!())
        };
        let month = |y: i64, m: i64| {
            PartialDate::new(
                y.clamp(1950, NOW_YEAR) as i32,
                Some(m.clamp(1, 12) as u8),
                None,
            )
            .unwrap_or_else(|_| unreachable!())
        };
        let country = Some(profile.country.code);
        let society = match profile.country.code {
            "TH" => "TPA".to_owned(),
            "JP" => "AOTS".to_owned(),
            code => format!("AOTS-AS-{code}"),
        };
        let mut ties = Vec::new();
        let mut add = |kind,
                       from: (EntityKind, RecordRef),
                       to: (EntityKind, RecordRef),
                       start,
                       end,
                       note: Option<&str>| {
            ties.push(self.person_tie(kind, from, to, start, end, note));
        };
        let y = profile.year;
        match profile.path {
            Path::Pioneer => {
                let university = if rng.chance(0.5) {
                    "TOKYO-TECH"
                } else {
                    &self
                        .pick(&mut rng, Kind::JapaneseUniversity, None)
                        .external_id
                };
                add(
                    TieKind::StudiedAt,
                    me.clone(),
                    org(university),
                    year(y),
                    Some(year(y + 4)),
                    None,
                );
                if profile.country.code == "TH" && y + 4 <= 1975 {
                    add(
                        TieKind::Founded,
                        me.clone(),
                        org("TPA"),
                        year(1973),
                        None,
                        Some("founding member"),
                    );
                    if rng.chance(0.3) {
                        add(
                            TieKind::MemberOf,
                            me.clone(),
                            org("JTECS"),
                            year(y + 8),
                            None,
                            None,
                        );
                    }
                } else if profile.country.code == "TH" {
                    add(
                        TieKind::MemberOf,
                        me.clone(),
                        org("TPA"),
                        year(y + 5),
                        None,
                        None,
                    );
                    if rng.chance(0.3) {
                        add(
                            TieKind::MemberOf,
                            me.clone(),
                            org("JTECS"),
                            year(y + 8),
                            None,
                            None,
                        );
                    }
                } else {
                    add(
                        TieKind::Founded,
                        me.clone(),
                        org(&society),
                        year(y + rng.range(8, 20)),
                        None,
                        Some("founding member"),
                    );
                }
                let employer = self
                    .pick(&mut rng, Kind::LocalUniversity, country)
                    .external_id
                    .clone();
                add(
                    TieKind::EmployedBy,
                    me.clone(),
                    org(&employer),
                    year(y + 5),
                    Some(year(y + 40)),
                    None,
                );
            }
            Path::Trainee => {
                let start = month(y, rng.range(1, 10));
                add(
                    TieKind::TrainedAt,
                    me.clone(),
                    org("AOTS"),
                    start,
                    Some(month(y, rng.range(11, 12))),
                    None,
                );
                add(
                    TieKind::MemberOf,
                    me.clone(),
                    org(&society),
                    year(y + 1),
                    None,
                    None,
                );
                let employer = self
                    .pick(&mut rng, Kind::AffiliatedCompany, country)
                    .external_id
                    .clone();
                add(
                    TieKind::EmployedBy,
                    me.clone(),
                    org(&employer),
                    year(y - rng.range(1, 4)),
                    None,
                    None,
                );
            }
            Path::Intern => {
                let sending = if profile.country.code == "VN" && rng.chance(0.5) {
                    "ESUHAI".to_owned()
                } else {
                    self.pick(&mut rng, Kind::Sending, country)
                        .external_id
                        .clone()
                };
                add(
                    TieKind::TrainedAt,
                    me.clone(),
                    org(&sending),
                    month(y - 1, rng.range(3, 9)),
                    Some(month(y - 1, 12)),
                    Some("pre-departure training"),
                );
                let host = self.pick(&mut rng, Kind::Sme, None).external_id.clone();
                let years = if rng.chance(0.3) { 5 } else { 3 };
                let end = (y + years <= NOW_YEAR).then(|| year(y + years));
                add(
                    TieKind::HostedIntern,
                    org(&host),
                    me.clone(),
                    year(y),
                    end,
                    Some("technical intern training"),
                );
                let supervisor = self
                    .pick(&mut rng, Kind::Supervising, None)
                    .external_id
                    .clone();
                add(
                    TieKind::Supervises,
                    org(&supervisor),
                    me.clone(),
                    year(y),
                    end,
                    None,
                );
                if y + years < NOW_YEAR {
                    if rng.chance(0.12) {
                        let start_up = self
                            .pick(&mut rng, Kind::StartUp, country)
                            .external_id
                            .clone();
                        add(
                            TieKind::Founded,
                            me.clone(),
                            org(&start_up),
                            year(y + years + 1),
                            None,
                            Some("founded after returning home"),
                        );
                    } else if rng.chance(0.6) {
                        let employer = self
                            .pick(&mut rng, Kind::AffiliatedCompany, country)
                            .external_id
                            .clone();
                        add(
                            TieKind::EmployedBy,
                            me.clone(),
                            org(&employer),
                            year(y + years),
                            None,
                            None,
                        );
                    }
                    if rng.chance(0.4) {
                        add(
                            TieKind::MemberOf,
                            me.clone(),
                            org(&society),
                            year(y + years + 1),
                            None,
                            None,
                        );
                    }
                }
            }
            Path::TniGraduate => {
                let end = (y + 4 <= NOW_YEAR).then(|| year(y + 4));
                add(
                    TieKind::StudiedAt,
                    me.clone(),
                    org("TNI"),
                    year(y),
                    end,
                    None,
                );
                if y + 3 <= NOW_YEAR && rng.chance(0.3) {
                    let host = self
                        .pick(&mut rng, Kind::SakaiSme, None)
                        .external_id
                        .clone();
                    add(
                        TieKind::HostedIntern,
                        org(&host),
                        me.clone(),
                        month(y + 3, 7),
                        Some(month(y + 3, 9)),
                        Some("Sakai internship programme with Osaka Prefecture University"),
                    );
                    if y + 4 < NOW_YEAR && rng.chance(0.2) {
                        add(
                            TieKind::EmployedBy,
                            me.clone(),
                            org(&host),
                            year(y + 4),
                            None,
                            Some("came back to work at the host company"),
                        );
                    }
                } else if y + 4 < NOW_YEAR {
                    let employer = self
                        .pick(&mut rng, Kind::AffiliatedCompany, country)
                        .external_id
                        .clone();
                    add(
                        TieKind::EmployedBy,
                        me.clone(),
                        org(&employer),
                        year(y + 4),
                        None,
                        None,
                    );
                }
            }
            Path::JicaFellow => {
                add(
                    TieKind::TrainedAt,
                    me.clone(),
                    org("JICA"),
                    month(y, rng.range(1, 9)),
                    Some(month(y, rng.range(10, 12))),
                    None,
                );
                let employer = self
                    .pick(&mut rng, Kind::LocalUniversity, country)
                    .external_id
                    .clone();
                add(
                    TieKind::EmployedBy,
                    me.clone(),
                    org(&employer),
                    year(y - 3),
                    None,
                    None,
                );
            }
            Path::JapanStudent => {
                let university = self
                    .pick(&mut rng, Kind::JapaneseUniversity, None)
                    .external_id
                    .clone();
                let end = (y + 2 <= NOW_YEAR).then(|| year(y + 2));
                add(
                    TieKind::StudiedAt,
                    me.clone(),
                    org(&university),
                    year(y),
                    end,
                    None,
                );
                let employer = self
                    .pick(&mut rng, Kind::LocalCompany, country)
                    .external_id
                    .clone();
                add(
                    TieKind::EmployedBy,
                    me.clone(),
                    org(&employer),
                    year(y + 2),
                    None,
                    None,
                );
                if rng.chance(0.5) {
                    add(
                        TieKind::MemberOf,
                        me.clone(),
                        org(&society),
                        year(y + 3),
                        None,
                        None,
                    );
                }
            }
            Path::Expert => {
                let employer = self.pick(&mut rng, Kind::Sme, None).external_id.clone();
                let retired = profile.born + 65;
                let end = (retired < NOW_YEAR).then(|| year(retired));
                add(
                    TieKind::EmployedBy,
                    me.clone(),
                    org(&employer),
                    year(y),
                    end,
                    None,
                );
                if rng.chance(0.3) {
                    add(
                        TieKind::MemberOf,
                        me.clone(),
                        org("AOTS"),
                        year(y + 15),
                        None,
                        Some("registered expert"),
                    );
                }
            }
        }

        // Ties to people who came before: a Japanese mentor, peers met at
        // seminars and courses.
        let mut others = BTreeSet::new();
        if profile.path != Path::Expert
            && rng.chance(0.3)
            && let Some(mentor) =
                self.earlier(&mut rng, index, |p| p.path == Path::Expert && p.year <= y)
        {
            others.insert((TieKind::Mentored, mentor));
        }
        let peers = rng.weighted(&[3, 4, 2, 1]);
        for _ in 0..peers {
            if let Some(peer) =
                self.earlier(&mut rng, index, |p| p.country.code == profile.country.code)
            {
                others.insert((TieKind::MetAt, peer));
            }
        }
        for (kind, other) in others {
            let them = (EntityKind::Person, Demo::person_ref(other));
            let since = y.max(self.profile(other).year);
            let start = year(rng.range(since, (since + 10).min(NOW_YEAR)));
            match kind {
                TieKind::Mentored => add(kind, them, me.clone(), start, None, None),
                _ => add(
                    kind,
                    me.clone(),
                    them,
                    start,
                    None,
                    Some(*rng.pick(&[
                        "AOTS alumni seminar",
                        "networking event",
                        "same training course",
                        "alumni society annual meeting",
                    ])),
                ),
            }
        }
        for tie in &mut ties {
            if rng.chance(0.5) {
                tie.record.strength = Strength::new(f64::from(rng.range(2, 10) as u8) / 10.0).ok();
            }
        }
        ties.extend(self.event_ties(index));
        ties
    }

    /// An earlier person who fits, found by a few random tries.
    fn earlier(&self, rng: &mut Rng, index: u64, fits: impl Fn(&Profile) -> bool) -> Option<u64> {
        if index == 0 {
            return None;
        }
        (0..12)
            .map(|_| rng.below(index))
            .find(|&j| fits(&self.profile(j)))
    }
}

fn sectors(codes: &[&str]) -> Vec<SectorCode> {
    let mut sectors: Vec<SectorCode> = codes
        .iter()
        .map(|c| SectorCode::parse(c).unwrap_or_else(|e| unreachable!("demo sector {c}: {e}")))
        .collect();
    sectors.sort();
    sectors.dedup();
    sectors
}

#[cfg(test)]
mod tests;

/// The demonstration's lessons learned and questions to the network, as
/// the API takes them: `{"lessons": [...], "questions": [{"question": ...,
/// "answers": [...]}]}`, naming demo people by their external ids.
pub const KNOWLEDGE: &str = include_str!("../data/knowledge.json");
