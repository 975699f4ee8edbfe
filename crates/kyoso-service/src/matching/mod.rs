//! Needs, offers and matches on someone's behalf, and the ranking of
//! candidates for a need.
//!
//! Who may do what:
//! - A need is read like any record (its visibility and owner); the person
//!   or organization who posted it, its owner's officers and admins manage
//!   it, and they alone see and move its matches.
//! - Ranking proposes only records shared with the network whose people
//!   agreed to processing; it is for signed-in members and the command
//!   line. Warm paths pass only through records the asker may read.
//! - An offer is managed by its provider's officers (or its owner's).
//! - A person proposed for a need may accept or decline an introduction.

mod baseline;
mod catalogue;
pub mod eval;
mod files;
mod people;
mod topic;
mod words;

use std::collections::HashMap;

use kyoso_domain::{
    AuditAction, Candidate, MatchFilter, NeedFilter, OfferFilter, Poster, StoredMatch, StoredNeed,
    StoredOffer,
};
use kyoso_domain::{
    CandidateKind, CountryCode, CourseMode, EntityKind, LanguageCode, MatchMove, MatchStatus,
    Names, Need, NeedKind, NeedStatus, Offer, RecordKind, RecordRef, References as _, SectorCode,
    Seek, Timestamp, Uid, Usd,
};
use kyoso_matching::{CandidateId, FactorKind, LanguageNeed, Ranked, Weights};
use kyoso_store::{BulkOptions, Table, TrackRecord};
use serde::Serialize;

use crate::Kyoso;
use crate::access::{Action, Resource, require};
use crate::network::NodeSummary;
use crate::programs::{Change, audit};
use crate::registry::{json, not_found};
use crate::{Caller, ServiceError};

pub use catalogue::CatalogueCache;
pub(crate) use catalogue::catalogue_cache;
use catalogue::{Sides, SmallCandidate};
use people::{Found, country_number, language_number};
pub use people::{MatchingCache, People, PeopleIndex};
use topic::{Met, NeedRead, Terms};
pub use words::{course_mode_name, explain, explain_holds, seek_name, usd_amount};

/// The most candidates one ranking returns.
pub const MAX_TOP: usize = 100;
/// How far from a need's poster a candidate counts as near.
pub const NEAR_HOPS: u8 = 3;
/// Days before its deadline that a need's owner is reminded.
pub const REMIND_DAYS: i64 = 7;

fn invalid(field: &str, message: impl Into<String>) -> ServiceError {
    ServiceError::Invalid {
        field: Some(field.into()),
        message: message.into(),
    }
}

fn require_member(caller: &Caller) -> Result<(), ServiceError> {
    match caller {
        Caller::Anonymous => Err(ServiceError::Unauthenticated),
        _ => Ok(()),
    }
}

// --- needs ---

/// Whether the caller manages `need`: its poster, its owner's officers, admins.
pub fn manages_need(caller: &Caller, need: &StoredNeed) -> bool {
    caller.may(Action::Update, &Resource::need(need))
}

impl Kyoso {
    pub async fn need(&self, caller: &Caller, uid: Uid) -> Result<StoredNeed, ServiceError> {
        let store = &self.store;
        let need = store.need(uid).await?.ok_or(not_found("need"))?;
        require(caller, Action::Read, &Resource::need(&need), "need")?;
        Ok(need)
    }

    pub async fn needs(
        &self,
        caller: &Caller,
        filter: &NeedFilter,
        limit: i64,
    ) -> Result<Vec<StoredNeed>, ServiceError> {
        let store = &self.store;
        Ok(store
            .needs(filter, &caller.scope(), limit.clamp(1, 500))
            .await?)
    }

    /// Who posts a need: the one it names, which the caller must be or
    /// manage; else the caller's organization (officers) or person (members).
    async fn poster_of(
        &self,
        caller: &Caller,
        need: &Need<Option<RecordRef>>,
    ) -> Result<(Poster, Option<Uid>), ServiceError> {
        let store = &self.store;
        let Some(reference) = need.references().into_iter().next() else {
            if let Some((_, org)) = caller.managed_organization() {
                return Ok((
                    Poster {
                        kind: EntityKind::Organization,
                        uid: org,
                    },
                    Some(org),
                ));
            }
            if let Some(person) = caller.user().and_then(|u| u.person) {
                let owner = store
                    .person(person)
                    .await?
                    .and_then(|p| p.owner)
                    .map(|o| o.uid);
                return Ok((
                    Poster {
                        kind: EntityKind::Person,
                        uid: person,
                    },
                    owner,
                ));
            }
            return Err(invalid(
                "posted_by",
                "name who posts the need (a person or an organization)",
            ));
        };
        // Whoever it names must be one the caller may read, and then one they
        // may act for.
        let (kind, uid) = self.readable_reference_kind(caller, reference).await?;
        match kind {
            RecordKind::Organization => {
                let org = self.organization(caller, uid).await?;
                if !caller.may(Action::Update, &Resource::organization(&org)) {
                    return Err(invalid(
                        "posted_by",
                        "you may post only for an organization you manage",
                    ));
                }
                let owner = org.owner.as_ref().map(|o| o.uid);
                Ok((
                    Poster {
                        kind: EntityKind::Organization,
                        uid,
                    },
                    owner.or(Some(uid)),
                ))
            }
            _ => {
                let person = self.person(caller, uid).await?;
                if !caller.may(Action::Update, &Resource::person(&person)) {
                    return Err(invalid(
                        "posted_by",
                        "you may post only for yourself or people you manage",
                    ));
                }
                Ok((
                    Poster {
                        kind: EntityKind::Person,
                        uid,
                    },
                    person.owner.as_ref().map(|o| o.uid),
                ))
            }
        }
    }

    pub async fn post_need(
        &self,
        caller: &Caller,
        need: Need<Option<RecordRef>>,
    ) -> Result<StoredNeed, ServiceError> {
        let store = &self.store;
        require_member(caller)?;
        let (poster, owner) = self.poster_of(caller, &need).await?;
        if need.deadline.is_some_and(|d| d < self.today()) {
            return Err(invalid("deadline", "the deadline has passed already"));
        }
        let need = with_poster(need, poster);
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        let uid = writer.insert_need(&need, owner).await?;
        audit(
            &mut writer,
            caller,
            Change {
                action: AuditAction::Create,
                table: "needs",
                record: uid,
                organization: owner,
                before: None,
                after: json(&need),
            },
        )
        .await?;
        self.commit(writer).await?;
        store.need(uid).await?.ok_or(not_found("need"))
    }
}

fn with_poster<R>(need: Need<R>, poster: Poster) -> Need<Poster> {
    Need {
        kind: need.kind,
        posted_by: poster,
        title: need.title,
        description: need.description,
        skills: need.skills,
        required_skills: need.required_skills,
        sectors: need.sectors,
        country: need.country,
        require_country: need.require_country,
        languages: need.languages,
        require_available: need.require_available,
        min_readiness: need.min_readiness,
        deployed: need.deployed,
        seeks: need.seeks,
        investment_usd: need.investment_usd,
        available_by: need.available_by,
        course_mode: need.course_mode,
        located_in: need.located_in,
        deadline: need.deadline,
        visibility: need.visibility,
    }
}

impl Kyoso {
    /// Replaces what a need asks for; who posted it stays.
    pub async fn update_need(
        &self,
        caller: &Caller,
        uid: Uid,
        changed: Need<Option<RecordRef>>,
    ) -> Result<StoredNeed, ServiceError> {
        let store = &self.store;
        let before = self.need(caller, uid).await?;
        require(caller, Action::Update, &Resource::need(&before), "need")?;
        let changed = with_poster(changed, before.need.posted_by);
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        writer.update_need(uid, &changed).await?;
        // A need whose deadline moved into the future is open again.
        if before.status == NeedStatus::Expired
            && changed.deadline.is_none_or(|d| d >= self.today())
        {
            writer.set_need_status(uid, NeedStatus::Open).await?;
        }
        audit(
            &mut writer,
            caller,
            Change {
                action: AuditAction::Update,
                table: "needs",
                record: uid,
                organization: before.owner,
                before: json(&before.need),
                after: json(&changed),
            },
        )
        .await?;
        self.commit(writer).await?;
        store.need(uid).await?.ok_or(not_found("need"))
    }

    /// Closes a need, or opens it again.
    pub async fn set_need_status(
        &self,
        caller: &Caller,
        uid: Uid,
        status: NeedStatus,
    ) -> Result<StoredNeed, ServiceError> {
        let store = &self.store;
        let before = self.need(caller, uid).await?;
        require(caller, Action::Move, &Resource::need(&before), "need")?;
        match status {
            NeedStatus::Expired => return Err(invalid("status", "needs expire by their deadline")),
            NeedStatus::Open | NeedStatus::Matched
                if before.need.deadline.is_some_and(|d| d < self.today()) =>
            {
                return Err(invalid(
                    "deadline",
                    "move the deadline first; it has passed",
                ));
            }
            _ => {}
        }
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        writer.set_need_status(uid, status).await?;
        audit(
            &mut writer,
            caller,
            Change {
                action: AuditAction::Update,
                table: "needs",
                record: uid,
                organization: before.owner,
                before: Some(serde_json::json!({"status": before.status})),
                after: Some(serde_json::json!({"status": status})),
            },
        )
        .await?;
        self.commit(writer).await?;
        store.need(uid).await?.ok_or(not_found("need"))
    }
}

/// What a sweep of deadlines did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Sweep {
    /// Needs whose deadline passed: now expired.
    pub expired: Vec<Uid>,
    /// Needs about to expire whose owners are reminded.
    pub reminded: Vec<StoredNeed>,
}

impl Kyoso {
    /// Expires needs whose deadline passed and reminds the owners of those
    /// due within [`REMIND_DAYS`] (once a week at most), as of `today`. Each
    /// change is in the audit log, which the owners' officers read.
    pub async fn sweep_deadlines(
        &self,
        caller: &Caller,
        today: time::Date,
    ) -> Result<Sweep, ServiceError> {
        let store = &self.store;
        require(caller, Action::Update, &Resource::Installation, "need")?;
        let now = Timestamp::now();
        let week_ago = Timestamp::from_offset_date_time(
            now.offset_date_time() - time::Duration::days(REMIND_DAYS),
        );
        let due = store
            .needs_to_remind(today + time::Duration::days(REMIND_DAYS), week_ago)
            .await?;
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        let expired = writer.expire_needs(today).await?;
        // Each in its owner's audit log, which the owner's officers read.
        for &(uid, owner) in &expired {
            audit(
                &mut writer,
                caller,
                Change {
                    action: AuditAction::Update,
                    table: "needs",
                    record: uid,
                    organization: owner,
                    before: None,
                    after: Some(serde_json::json!({"status": "expired"})),
                },
            )
            .await?;
        }
        let expired: Vec<Uid> = expired.into_iter().map(|(uid, _)| uid).collect();
        let reminded: Vec<StoredNeed> = due
            .into_iter()
            .filter(|n| !expired.contains(&n.uid))
            .collect();
        for need in &reminded {
            writer.mark_reminded(need.uid, now).await?;
            audit(
                &mut writer,
                caller,
                Change {
                    action: AuditAction::Update,
                    table: "needs",
                    record: need.uid,
                    organization: need.owner,
                    before: None,
                    after: Some(serde_json::json!({"reminder": format!(
                        "\"{}\" expires on {}: extend its deadline or close it",
                        need.need.title,
                        need.need.deadline.map(|d| d.to_string()).unwrap_or_default()
                    )})),
                },
            )
            .await?;
        }
        self.commit(writer).await?;
        Ok(Sweep { expired, reminded })
    }
}

// --- offers ---

impl Kyoso {
    pub async fn offer(&self, caller: &Caller, uid: Uid) -> Result<StoredOffer, ServiceError> {
        let store = &self.store;
        let offer = store.offer(uid).await?.ok_or(not_found("offer"))?;
        require(caller, Action::Read, &Resource::offer(&offer), "offer")?;
        Ok(offer)
    }

    pub async fn offers(
        &self,
        caller: &Caller,
        filter: &OfferFilter,
        limit: i64,
    ) -> Result<Vec<StoredOffer>, ServiceError> {
        let store = &self.store;
        Ok(store
            .offers(filter, &caller.scope(), limit.clamp(1, 500))
            .await?)
    }

    async fn provider_of(
        &self,
        caller: &Caller,
        offer: &Offer<Option<RecordRef>>,
    ) -> Result<(Uid, Option<Uid>), ServiceError> {
        let uid = match offer.references().into_iter().next() {
            Some(reference) => self.readable_reference(caller, reference).await?,
            None => caller
                .managed_organization()
                .map(|(_, org)| org)
                .ok_or_else(|| invalid("provider", "name the organization that provides it"))?,
        };
        let org = self.organization(caller, uid).await?;
        if !caller.may(Action::Update, &Resource::organization(&org)) {
            return Err(invalid(
                "provider",
                "you may list offers only for an organization you manage",
            ));
        }
        let owner = org.owner.as_ref().map(|o| o.uid);
        Ok((uid, owner.or(Some(uid))))
    }
}

fn with_provider<R>(offer: Offer<R>, provider: Uid) -> Offer<Uid> {
    Offer {
        kind: offer.kind,
        provider,
        title: offer.title,
        description: offer.description,
        keywords: offer.keywords,
        sectors: offer.sectors,
        sdgs: offer.sdgs,
        readiness: offer.readiness,
        countries: offer.countries,
        seeks: offer.seeks,
        invests_from_usd: offer.invests_from_usd,
        invests_up_to_usd: offer.invests_up_to_usd,
        languages: offer.languages,
        capacity: offer.capacity,
        visibility: offer.visibility,
    }
}

impl Kyoso {
    pub async fn create_offer(
        &self,
        caller: &Caller,
        offer: Offer<Option<RecordRef>>,
    ) -> Result<StoredOffer, ServiceError> {
        let store = &self.store;
        require_member(caller)?;
        let (provider, owner) = self.provider_of(caller, &offer).await?;
        let offer = with_provider(offer, provider);
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        let uid = writer.insert_offer(&offer, owner).await?;
        audit(
            &mut writer,
            caller,
            Change {
                action: AuditAction::Create,
                table: "offers",
                record: uid,
                organization: owner,
                before: None,
                after: json(&offer),
            },
        )
        .await?;
        self.commit(writer).await?;
        store.offer(uid).await?.ok_or(not_found("offer"))
    }

    pub async fn update_offer(
        &self,
        caller: &Caller,
        uid: Uid,
        changed: Offer<Option<RecordRef>>,
    ) -> Result<StoredOffer, ServiceError> {
        let store = &self.store;
        let before = self.offer(caller, uid).await?;
        require(caller, Action::Update, &Resource::offer(&before), "offer")?;
        let changed = with_provider(changed, before.offer.provider);
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        writer.update_offer(uid, &changed).await?;
        audit(
            &mut writer,
            caller,
            Change {
                action: AuditAction::Update,
                table: "offers",
                record: uid,
                organization: before.owner,
                before: json(&before.offer),
                after: json(&changed),
            },
        )
        .await?;
        self.commit(writer).await?;
        store.offer(uid).await?.ok_or(not_found("offer"))
    }

    pub async fn delete_offer(&self, caller: &Caller, uid: Uid) -> Result<(), ServiceError> {
        let store = &self.store;
        let before = self.offer(caller, uid).await?;
        require(caller, Action::Delete, &Resource::offer(&before), "offer")?;
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        writer.delete_offer(uid).await?;
        audit(
            &mut writer,
            caller,
            Change {
                action: AuditAction::Delete,
                table: "offers",
                record: uid,
                organization: before.owner,
                before: json(&before.offer),
                after: None,
            },
        )
        .await?;
        self.commit(writer).await?;
        Ok(())
    }
}

// --- ranking ---

/// Reads weights written `skills=0.5,network=0.2`: the factors named
/// change, the others keep their defaults.
pub fn parse_weights(text: &str) -> Result<Weights, ServiceError> {
    let mut weights = Weights::default();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (name, value) = part
            .split_once('=')
            .or_else(|| part.split_once(':'))
            .ok_or_else(|| invalid("weights", format!("\"{part}\" is not factor=weight")))?;
        let value: f64 = value
            .trim()
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && (0.0..=10.0).contains(v))
            .ok_or_else(|| {
                invalid(
                    "weights",
                    format!("\"{value}\" is not a weight from 0 to 10"),
                )
            })?;
        let slot = match name.trim() {
            "skills" => &mut weights.skills,
            "sectors" => &mut weights.sectors,
            "languages" => &mut weights.languages,
            "country" => &mut weights.country,
            "availability" => &mut weights.availability,
            "track_record" => &mut weights.track_record,
            "network" => &mut weights.network,
            other => {
                let known: Vec<&str> = FactorKind::ALL.iter().map(|k| k.as_str()).collect();
                return Err(invalid(
                    "weights",
                    format!("no factor \"{other}\"; factors are {}", known.join(", ")),
                ));
            }
        };
        *slot = value;
    }
    Ok(weights)
}

/// One factor of a score, and what it saw.
#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    pub factor: &'static str,
    pub weight: f64,
    pub value: f64,
    pub contribution: f64,
    #[serde(flatten)]
    pub detail: Detail,
}

/// What a factor saw, for the words that explain it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case", tag = "detail")]
pub enum Detail {
    Skills {
        /// The need's skills the candidate meets, in any words.
        held: Vec<String>,
        asked: usize,
        /// Those met in other words than asked: a synonym or a translation
        /// the vocabulary knows, or a narrower skill.
        through: Vec<Through>,
        /// Topics of the need's title and description the candidate's own
        /// words name too (keys of the vocabulary's concepts).
        topics: Vec<String>,
    },
    Sectors {
        exact: bool,
        related: bool,
    },
    Languages {
        languages: Vec<LanguageFit>,
    },
    Country {
        country: Option<CountryCode>,
        known: bool,
    },
    Availability {
        available: bool,
        kind: NeedKind,
    },
    TrackRecord {
        matches: u32,
        successes: u32,
        concluded: u32,
    },
    Network {
        hops: Option<u8>,
    },
}

/// A hard constraint of the need, and what the candidate holds for it.
/// Only candidates for whom every one holds are proposed.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case", tag = "constraint")]
pub enum Holds {
    /// A required skill, held in the candidate's own words `by`.
    RequiredSkill { skill: String, by: String },
    /// A language that must be spoken (any one of `asked`), held at `held`.
    Language {
        asked: Vec<LanguageLevel>,
        held: LanguageLevel,
    },
    /// Has lived or worked in the country.
    Country { country: CountryCode },
    /// Based in one of the countries the need asks: a person's residence,
    /// a company's or a provider's country.
    LocatedIn { country: CountryCode },
    /// Available for the kind of work.
    Available { kind: NeedKind },
    /// Available by the day asked: from `from`, or now.
    AvailableBy {
        #[serde(serialize_with = "iso_day")]
        by: time::Date,
        #[serde(serialize_with = "iso_day_if_any")]
        from: Option<time::Date>,
    },
    /// A technology at least this ready.
    Readiness { least: u8, held: u8 },
    /// A technology in use `abroad` or in a country, as it is in `countries`.
    Deployed {
        asked: String,
        countries: Vec<CountryCode>,
    },
    /// A company on the other side of the deal: it seeks `held`, which
    /// answers what the need seeks (`asked`). `from` names its country when
    /// only that tells the sides apart (both seek a joint venture).
    Deal {
        asked: Vec<Seek>,
        held: Vec<Seek>,
        from: Option<CountryCode>,
    },
    /// An investor whose investments span the amount sought.
    InvestmentSize {
        asked: Usd,
        from: Option<Usd>,
        up_to: Option<Usd>,
    },
    /// An investor in the need's sectors (these, by DAC category).
    InvestsInSectors { sectors: Vec<SectorCode> },
    /// An investor in the need's country.
    InvestsInCountry { country: CountryCode },
    /// A course open to participants from the need's country.
    Eligible { country: CountryCode },
    /// A course taught in a language the participants speak, needing at
    /// least `level`.
    TaughtIn {
        language: LanguageCode,
        level: String,
    },
    /// A course taught as the need asks.
    Mode { mode: CourseMode },
    /// A course with seats left.
    SeatsLeft { seats: u32 },
    /// A course taking applications until `day`.
    ApplyBy {
        #[serde(serialize_with = "iso_day")]
        day: time::Date,
    },
}

/// A day as `YYYY-MM-DD`, as the API writes days.
fn iso_day<S: serde::Serializer>(day: &time::Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(day)
}

fn iso_day_if_any<S: serde::Serializer>(day: &Option<time::Date>, s: S) -> Result<S::Ok, S::Error> {
    match day {
        Some(day) => s.collect_str(day),
        None => s.serialize_none(),
    }
}

/// A language at a level, as a reason shows it.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageLevel {
    pub language: LanguageCode,
    pub level: String,
}

/// A skill asked, met in the candidate's own words.
#[derive(Debug, Clone, Serialize)]
pub struct Through {
    pub skill: String,
    pub by: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageFit {
    pub language: LanguageCode,
    pub asked: String,
    /// The level held, if any.
    pub held: Option<String>,
    pub must: bool,
    /// Other languages that would do as well, as the candidate holds them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub or: Vec<LanguageFit>,
}

/// A local alumnus who can champion a technology in the need's country.
#[derive(Debug, Clone, Serialize)]
pub struct Champion {
    pub person: NodeSummary,
    pub score: f64,
    /// Steps from the technology's provider, if near.
    pub hops_from_provider: Option<u8>,
}

/// A candidate for a need, ranked, with the reasons.
#[derive(Debug, Clone, Serialize)]
pub struct RankedCandidate {
    pub rank: usize,
    pub candidate: Candidate,
    /// A person's or provider's names; an offer's or cohort's title.
    pub title: String,
    pub names: Option<Names>,
    pub country: Option<CountryCode>,
    pub score: f64,
    pub reasons: Vec<Reason>,
    /// Steps from the need's poster, if within [`NEAR_HOPS`].
    pub hops: Option<u8>,
    /// The warmest path from the need's poster, poster first.
    pub path: Vec<NodeSummary>,
    /// An offer's provider, a cohort's organizer.
    pub provider: Option<NodeSummary>,
    pub champion: Option<Champion>,
    /// The match made with this candidate already, if any.
    pub matched: Option<MatchSummary>,
    /// Each hard constraint of the need, as the candidate holds it.
    pub constraints: Vec<Holds>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatchSummary {
    pub uid: Uid,
    pub status: MatchStatus,
}

#[derive(Debug, Clone, Serialize)]
pub struct Ranking {
    pub need: StoredNeed,
    pub candidates: Vec<RankedCandidate>,
    /// How many candidates of the need's kind there are in all.
    pub pool: usize,
    pub weights: WeightsView,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct WeightsView {
    pub skills: f64,
    pub sectors: f64,
    pub languages: f64,
    pub country: f64,
    pub availability: f64,
    pub track_record: f64,
    pub network: f64,
}

impl From<Weights> for WeightsView {
    fn from(w: Weights) -> WeightsView {
        WeightsView {
            skills: w.skills,
            sectors: w.sectors,
            languages: w.languages,
            country: w.country,
            availability: w.availability,
            track_record: w.track_record,
            network: w.network,
        }
    }
}

/// A need as the vocabulary reads it: its skills, title and description.
fn read_need(need: &Need<Poster>) -> NeedRead {
    let mut text = vec![need.title.as_str()];
    text.extend(need.description.as_ref().map(|d| d.as_str()));
    NeedRead::of(&need.skills, &need.required_skills, &text)
}

fn query_of(
    need: &Need<Poster>,
    read: &NeedRead,
    terms: &Terms,
    with_languages: bool,
) -> kyoso_matching::Need {
    let asked = terms.ask(read);
    kyoso_matching::Need {
        skills: asked.skills,
        required_skills: asked.required,
        topics: asked.topics,
        sectors: need.sectors.iter().map(|s| s.code()).collect(),
        country: need.country.map(country_number),
        require_country: need.require_country,
        languages: if with_languages {
            need.languages
                .iter()
                .map(|l| LanguageNeed {
                    language: language_number(l.skill.language()),
                    level: l.skill.level().rank(),
                    must: l.must,
                    or: l
                        .or
                        .map(|o| o.map(|o| (language_number(o.language()), o.level().rank()))),
                })
                .collect()
        } else {
            Vec::new()
        },
        require_available: need.require_available,
    }
}

impl Kyoso {
    /// The best `top` candidates for need `uid`, with their reasons, warm
    /// paths and, for a technology, a local champion.
    pub async fn rank(
        &self,
        caller: &Caller,
        uid: Uid,
        top: usize,
        weights: Weights,
    ) -> Result<Ranking, ServiceError> {
        require_member(caller)?;
        if !(1..=MAX_TOP).contains(&top) {
            return Err(invalid("top", format!("must be from 1 to {MAX_TOP}")));
        }
        let catalogue = self.catalogue.get(&self.store).await?;
        let need = catalogue
            .needs
            .get(&uid)
            .filter(|need| caller.may(Action::Read, &Resource::need(need)))
            .cloned()
            .ok_or(not_found("need"))?;
        self.ranking(caller, need, Question::Top(top), weights)
            .await
    }
}

/// What a ranking is asked: the best few, or how one candidate scores.
#[derive(Debug, Clone, Copy)]
enum Question {
    Top(usize),
    One(Uid),
}

impl Kyoso {
    async fn ranking(
        &self,
        caller: &Caller,
        need: StoredNeed,
        question: Question,
        weights: Weights,
    ) -> Result<Ranking, ServiceError> {
        let store = &self.store;
        let loaded = self.network.get(store).await?;
        let catalogue = self.catalogue.get(store).await?;
        if catalogue.day.is_some_and(|day| day != self.today()) {
            // Courses that started since take no applications.
            self.catalogue.stale();
        }
        let scope = caller.scope();
        let poster = need.need.posted_by.uid;
        let near = loaded.near(&scope, poster, NEAR_HOPS, self.today());
        let no_matches = HashMap::new();
        let existing = if manages_need(caller, &need) {
            catalogue.matches.get(&need.uid).unwrap_or(&no_matches)
        } else {
            &no_matches
        };
        let kind = need.need.kind;
        let read = catalogue.read_of(&need);
        let mut candidates = Vec::new();
        let mut pool = 0;
        // Training needs are answered by trainers as by courses.
        let by_people = kind.candidates() == CandidateKind::Person || kind == NeedKind::Training;
        let by_catalogue = kind.candidates() != CandidateKind::Person;
        if by_people {
            let people = self.matching.get(store).await?;
            let mentoring = kind == NeedKind::Mentoring;
            let training = kind == NeedKind::Training;
            pool += people.len();
            let query = |terms: &Terms| {
                let mut query = query_of(&need.need, &read, terms, true);
                // Whether a trainer trains is their availability.
                query.require_available &= !training;
                query
            };
            let hops = |uid: Uid| {
                if uid == poster {
                    None
                } else {
                    loaded.hops(&near, uid)
                }
            };
            let found: Vec<Found<'_>> = match question {
                // The poster is not their own candidate.
                Question::Top(top) => people
                    .top(mentoring, &query, top + 1, &weights, &hops, &|facts| {
                        // Not a trainer who trains as asked, not based
                        // where asked, or not available by the day asked.
                        (training && !(facts.trains && facts.trains_as_asked(&need.need)))
                            || !based_in(&need.need.located_in, facts.residence)
                            || need
                                .need
                                .available_by
                                .zip(facts.available_from)
                                .is_some_and(|(by, from)| from > by)
                    })
                    .into_iter()
                    .filter(|f| f.uid != poster)
                    .take(top)
                    .collect(),
                Question::One(person) => people
                    .score(mentoring, &query, person, &weights, hops(person))
                    .into_iter()
                    .collect(),
            };
            for (at, found) in found.iter().enumerate() {
                let facts = found.facts();
                let resource = Resource::Person(crate::access::Facts {
                    uid: found.uid,
                    owner: facts.owner,
                    visibility: facts.visibility,
                });
                if !caller.may(Action::Read, &resource) {
                    continue;
                }
                let Some(names) = loaded
                    .summary_of(caller, found.uid)
                    .map(|s| s.names)
                    .or_else(|| people.names_of(found.uid).cloned())
                else {
                    continue;
                };
                let reasons = person_reasons(&need.need, &read, found);
                let skills = found
                    .index
                    .experts
                    .profile(found.ranked.candidate)
                    .map_or(&[][..], |p| &p.skills);
                let mut constraints = skills_held(&read, &found.index.terms, skills);
                constraints.extend(person_holds(&need.need, facts));
                candidates.push(RankedCandidate {
                    rank: at + 1,
                    candidate: Candidate {
                        kind: CandidateKind::Person,
                        uid: found.uid,
                    },
                    title: names.display("en").to_string(),
                    names: Some(names),
                    country: facts.residence,
                    score: found.ranked.score,
                    reasons,
                    hops: found.ranked.hops,
                    path: Vec::new(),
                    provider: None,
                    champion: None,
                    matched: existing.get(&found.uid).cloned(),
                    constraints,
                });
            }
        }
        if by_catalogue {
            let small = catalogue.answering(kind);
            pool += small.index.len();
            let query = query_of(&need.need, &read, &small.terms, false);
            // A provider that posted the need itself is no introduction away.
            let hops = |id: CandidateId| {
                loaded
                    .hops(&near, small.candidates[id as usize].provider)
                    .filter(|&h| h > 0)
            };
            // What the need asks of an offer holds, whatever the score.
            let poster_country = loaded.country_of(&scope, poster);
            let sides = |found: &SmallCandidate| Sides {
                poster: poster_country,
                provider: loaded.country_of(&scope, found.provider),
            };
            let breaks = |id: CandidateId| {
                let found = &small.candidates[id as usize];
                found.holds(&need.need, sides(found)).is_none()
            };
            let ranked = match question {
                Question::Top(top) => small
                    .index
                    .top_except(&query, top, &weights, &hops, &breaks),
                Question::One(wanted) => small
                    .candidates
                    .iter()
                    .position(|c| c.candidate.uid == wanted)
                    .and_then(|id| {
                        small.index.score(
                            &query,
                            id as CandidateId,
                            &weights,
                            hops(id as CandidateId),
                        )
                    })
                    .into_iter()
                    .collect(),
            };
            let champions = if kind == NeedKind::Technology {
                self.champions(&need.need, &read).await?
            } else {
                Vec::new()
            };
            for (at, r) in ranked.iter().enumerate() {
                let found = &small.candidates[r.candidate as usize];
                let provider = loaded.summary_of(caller, found.provider);
                let held = small
                    .index
                    .profile(r.candidate)
                    .map(held_terms)
                    .unwrap_or_default();
                let skills = small
                    .index
                    .profile(r.candidate)
                    .map_or(&[][..], |p| &p.skills);
                let mut constraints = skills_held(&read, &small.terms, skills);
                constraints.extend(found.holds(&need.need, sides(found)).unwrap_or_default());
                let reasons = small_reasons(
                    &need.need,
                    &read,
                    &small.terms,
                    &held,
                    r,
                    found,
                    catalogue
                        .records
                        .get(&found.candidate.uid)
                        .copied()
                        .unwrap_or_default(),
                );
                let champion = match best_champion(
                    &champions,
                    &loaded,
                    &scope,
                    found.provider,
                    self.today(),
                ) {
                    Some((uid, score, hops)) => {
                        loaded.summary_of(caller, uid).map(|person| Champion {
                            person,
                            score,
                            hops_from_provider: hops,
                        })
                    }
                    None => None,
                };
                candidates.push(RankedCandidate {
                    rank: at + 1,
                    candidate: found.candidate,
                    title: found.title.clone(),
                    names: None,
                    country: provider.as_ref().and_then(|p| p.country),
                    score: r.score,
                    reasons,
                    hops: r.hops,
                    path: Vec::new(),
                    provider,
                    champion,
                    matched: existing.get(&found.candidate.uid).cloned(),
                    constraints,
                });
            }
        }
        if by_people && by_catalogue {
            // Trainers and courses in one ranking: by score, then by a key
            // that does not depend on the order of loading.
            candidates.sort_by(|a, b| {
                b.score
                    .total_cmp(&a.score)
                    .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
                    .then_with(|| a.candidate.uid.cmp(&b.candidate.uid))
            });
            if let Question::Top(top) = question {
                candidates.truncate(top);
            }
            for (at, candidate) in candidates.iter_mut().enumerate() {
                candidate.rank = at + 1;
            }
        }
        // The chains to the near ones, through records the caller may read:
        // shortest, strongest ties first. The profile's "How can I reach them?"
        // weighs every chain by strength and age.
        for candidate in &mut candidates {
            if candidate.hops.is_none() {
                continue;
            }
            let target = match &candidate.provider {
                Some(provider) => provider.uid,
                None => candidate.candidate.uid,
            };
            candidate.path = loaded.chain(caller, &near, target);
        }
        Ok(Ranking {
            need,
            candidates,
            pool,
            weights: weights.into(),
        })
    }

    /// Local champions for a technology need: people in the need's country who
    /// have been in Japan (Japanese, or tied to a Japanese organization), best
    /// fit first.
    async fn champions(
        &self,
        need: &Need<Poster>,
        read: &NeedRead,
    ) -> Result<Vec<(Uid, f64)>, ServiceError> {
        let japan = CountryCode::parse("JP").map_err(|e| ServiceError::Failed(e.to_string()))?;
        // In Japan, everyone has been in Japan: no champion to single out.
        if need.country.is_none_or(|c| c == japan) {
            return Ok(Vec::new());
        }
        let people = self.matching.get(&self.store).await?;
        let query = |terms: &Terms| {
            let mut query = query_of(need, read, terms, true);
            query.require_country = true;
            query.require_available = false;
            query
        };
        let japan = country_number(japan);
        let poster = need.posted_by.uid;
        let ranked = people.top(false, &query, 60, &Weights::default(), &|_| None, &|_| {
            false
        });
        Ok(ranked
            .into_iter()
            .filter(|found| {
                people
                    .profile(found.uid)
                    .is_some_and(|p| p.countries.contains(&japan))
            })
            .map(|found| (found.uid, found.ranked.score))
            .filter(|(uid, _)| *uid != poster)
            .take(10)
            .collect())
    }
}

/// The champion for a technology of `provider`: the best fit, and one the
/// provider already knows before an equal stranger.
fn best_champion(
    champions: &[(Uid, f64)],
    network: &crate::network::LoadedNetwork,
    scope: &kyoso_store::ReadScope,
    provider: Uid,
    today: time::Date,
) -> Option<(Uid, f64, Option<u8>)> {
    if champions.is_empty() {
        return None;
    }
    let near = network.near(scope, provider, 2, today);
    // A champion the provider already knows is worth a step of fit.
    let (uid, score, hops) = champions
        .iter()
        .map(|&(uid, score)| {
            let hops = network.hops(&near, uid);
            (uid, score, hops)
        })
        .max_by(|a, b| {
            let value = |c: &(Uid, f64, Option<u8>)| c.1 + if c.2.is_some() { 0.1 } else { 0.0 };
            value(a).total_cmp(&value(b)).then_with(|| b.0.cmp(&a.0))
        })?;
    Some((uid, score, hops))
}

fn factor_reason(f: &kyoso_matching::Factor, detail: Detail) -> Reason {
    Reason {
        factor: f.kind.as_str(),
        weight: f.weight,
        value: f.value,
        contribution: f.contribution,
        detail,
    }
}

/// How a candidate whose skills are `held` (terms, sorted; not the topics
/// of their text, which never meet a required skill) meets each required
/// skill.
fn skills_held(read: &NeedRead, terms: &Terms, held: &[u32]) -> Vec<Holds> {
    read.required
        .iter()
        .filter_map(|skill| {
            terms.meets(held, skill).map(|met| Holds::RequiredSkill {
                skill: skill.written.clone(),
                by: match met {
                    Met::Exactly => skill.written.clone(),
                    Met::Through(by) => by,
                },
            })
        })
        .collect()
}

/// How `languages` meet a language the need requires: the first of its
/// options spoken at the level asked or above; `None` if none is.
pub(super) fn speaks(
    requirement: &kyoso_domain::LanguageRequirement,
    languages: &[kyoso_domain::LanguageSkill],
) -> Option<Holds> {
    let held = requirement.options().find_map(|asked| {
        languages
            .iter()
            .find(|h| h.language() == asked.language() && h.level().rank() >= asked.level().rank())
    })?;
    Some(Holds::Language {
        asked: requirement
            .options()
            .map(|o| LanguageLevel {
                language: o.language(),
                level: o.level().as_str().to_owned(),
            })
            .collect(),
        held: LanguageLevel {
            language: held.language(),
            level: held.level().as_str().to_owned(),
        },
    })
}

/// Whether a candidate based in `country` is where `located_in` asks
/// (anywhere, if it names no country).
fn based_in(located_in: &[CountryCode], country: Option<CountryCode>) -> bool {
    located_in.is_empty() || country.is_some_and(|c| located_in.contains(&c))
}

/// What a person holds of a need's other hard constraints.
fn person_holds(need: &Need<Poster>, facts: &people::PersonFacts) -> Vec<Holds> {
    let mut holds: Vec<Holds> = need
        .languages
        .iter()
        .filter(|l| l.must)
        .filter_map(|requirement| speaks(requirement, &facts.languages))
        .collect();
    if need.require_country
        && let Some(country) = need.country
    {
        holds.push(Holds::Country { country });
    }
    if !need.located_in.is_empty()
        && let Some(country) = facts.residence
    {
        holds.push(Holds::LocatedIn { country });
    }
    // A trainer answers a training need only as one.
    if need.require_available || need.kind == NeedKind::Training {
        holds.push(Holds::Available { kind: need.kind });
    }
    if need.kind == NeedKind::Training
        && let Some(mode) = need.course_mode
    {
        holds.push(Holds::Mode { mode });
    }
    if let Some(by) = need.available_by {
        holds.push(Holds::AvailableBy {
            by,
            from: facts.available_from,
        });
    }
    holds
}

/// Every term a candidate holds, skills and the topics of their text,
/// sorted.
fn held_terms(profile: &kyoso_matching::Profile) -> Vec<u32> {
    let mut held: Vec<u32> = profile
        .skills
        .iter()
        .chain(&profile.topics)
        .copied()
        .collect();
    held.sort_unstable();
    held
}

/// What the skills factor saw: the skills asked that the candidate (whose
/// terms are `held`, sorted) meets, in which words, and the topics of the
/// need's text they share.
fn skills_detail(need: &Need<Poster>, read: &NeedRead, terms: &Terms, held: &[u32]) -> Detail {
    let mut asked: Vec<&topic::SkillRead> = read.skills.iter().chain(&read.required).collect();
    asked.sort_by(|a, b| a.written.cmp(&b.written));
    asked.dedup_by(|a, b| a.written == b.written);
    let mut met = Vec::new();
    let mut through = Vec::new();
    for skill in &asked {
        match terms.meets_asked(held, skill) {
            Some(Met::Exactly) => met.push(skill.written.clone()),
            Some(Met::Through(by)) => {
                met.push(skill.written.clone());
                through.push(Through {
                    skill: skill.written.clone(),
                    by,
                });
            }
            None => {}
        }
    }
    let topics = terms.topics_held(held, &query_of(need, read, terms, false).topics);
    Detail::Skills {
        held: met,
        asked: asked.len(),
        through,
        topics,
    }
}

fn person_reasons(need: &Need<Poster>, read: &NeedRead, found: &Found<'_>) -> Vec<Reason> {
    let ranked = &found.ranked;
    let record = found.record();
    let languages = &found.facts().languages;
    ranked
        .factors
        .iter()
        .map(|f| {
            let detail = match f.kind {
                FactorKind::Skills => skills_detail(
                    need,
                    read,
                    &found.index.terms,
                    &found
                        .index
                        .experts
                        .profile(ranked.candidate)
                        .map(held_terms)
                        .unwrap_or_default(),
                ),
                FactorKind::Sectors => Detail::Sectors {
                    exact: f.value >= 1.0,
                    related: f.value > 0.0 && f.value < 1.0,
                },
                FactorKind::Languages => Detail::Languages {
                    languages: need
                        .languages
                        .iter()
                        .map(|l| {
                            let fit = |asked: kyoso_domain::LanguageSkill| LanguageFit {
                                language: asked.language(),
                                asked: asked.level().as_str().to_owned(),
                                held: languages
                                    .iter()
                                    .find(|h| h.language() == asked.language())
                                    .map(|h| h.level().as_str().to_owned()),
                                must: l.must,
                                or: Vec::new(),
                            };
                            LanguageFit {
                                or: l.or.iter().flatten().map(|&o| fit(o)).collect(),
                                ..fit(l.skill)
                            }
                        })
                        .collect(),
                },
                FactorKind::Country => Detail::Country {
                    country: need.country,
                    known: f.value > 0.0,
                },
                FactorKind::Availability => Detail::Availability {
                    available: f.value > 0.0,
                    kind: need.kind,
                },
                FactorKind::TrackRecord => Detail::TrackRecord {
                    matches: record.matches,
                    successes: record.successes,
                    concluded: record.concluded,
                },
                FactorKind::Network => Detail::Network { hops: ranked.hops },
            };
            factor_reason(f, detail)
        })
        .collect()
}

fn small_reasons(
    need: &Need<Poster>,
    read: &NeedRead,
    terms: &Terms,
    held: &[u32],
    ranked: &Ranked,
    found: &SmallCandidate,
    record: TrackRecord,
) -> Vec<Reason> {
    ranked
        .factors
        .iter()
        // Offers and cohorts speak no languages; the factor says nothing of them.
        .filter(|f| f.kind != FactorKind::Languages)
        .map(|f| {
            let detail = match f.kind {
                FactorKind::Skills => skills_detail(need, read, terms, held),
                FactorKind::Sectors => Detail::Sectors {
                    exact: f.value >= 1.0,
                    related: f.value > 0.0 && f.value < 1.0,
                },
                FactorKind::Country => Detail::Country {
                    country: need.country,
                    known: need.country.is_some_and(|c| found.countries.contains(&c)),
                },
                FactorKind::Availability => Detail::Availability {
                    available: f.value > 0.0,
                    kind: need.kind,
                },
                FactorKind::TrackRecord => Detail::TrackRecord {
                    matches: record.matches,
                    successes: record.successes,
                    concluded: record.concluded,
                },
                FactorKind::Network | FactorKind::Languages => {
                    Detail::Network { hops: ranked.hops }
                }
            };
            factor_reason(f, detail)
        })
        .collect()
}

// --- matches ---

impl Kyoso {
    /// The need `uid`, if the caller may see and move its matches.
    async fn need_managed(&self, caller: &Caller, uid: Uid) -> Result<StoredNeed, ServiceError> {
        let need = self.need(caller, uid).await?;
        require(caller, Action::Update, &Resource::need(&need), "need")?;
        Ok(need)
    }

    /// Proposes a candidate for a need — "ask for an introduction" — scored
    /// as the ranking scores it; the reasons are kept with the match.
    pub async fn propose(
        &self,
        caller: &Caller,
        need_uid: Uid,
        candidate: Uid,
    ) -> Result<StoredMatch, ServiceError> {
        let store = &self.store;
        let need = self.need_managed(caller, need_uid).await?;
        if !need.status.is_active() {
            return Err(invalid("need", format!("the need is {}", need.status)));
        }
        // The candidate's score and reasons, as a ranking shows them, whether
        // or not they are among the best.
        let kind = need.need.kind.candidates();
        let found = self
            .ranking(
                caller,
                need.clone(),
                Question::One(candidate),
                Weights::default(),
            )
            .await?
            .candidates
            .into_iter()
            .next()
            .ok_or_else(|| {
                invalid(
                    "candidate",
                    format!("no {kind} with the id \"{candidate}\" can answer this need"),
                )
            })?;
        let (score, reasons, champion) = (
            found.score,
            serde_json::to_value(&found.reasons).unwrap_or_default(),
            found.champion.map(|ch| ch.person.uid),
        );
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        let Some(uid) = writer
            .insert_match(
                need_uid,
                Candidate {
                    kind,
                    uid: candidate,
                },
                champion,
                score,
                &reasons,
                &caller.actor(),
            )
            .await?
        else {
            return Err(ServiceError::Conflict(
                "this candidate is proposed for the need already".into(),
            ));
        };
        audit(
            &mut writer,
            caller,
            Change {
                action: AuditAction::Create,
                table: "matches",
                record: uid,
                organization: need.owner,
                before: None,
                after: Some(
                    serde_json::json!({"need": need_uid, "candidate": candidate, "score": score}),
                ),
            },
        )
        .await?;
        self.commit(writer).await?;
        store.find_match(uid).await?.ok_or(not_found("match"))
    }

    /// What the access rules look at of a match: its need, and who answers
    /// for its candidate (the person proposed, or the offer's provider).
    async fn match_resource(&self, found: &StoredMatch) -> Result<Resource, ServiceError> {
        let store = &self.store;
        let need = store.need(found.need).await?.ok_or(not_found("match"))?;
        let candidate = match found.candidate.kind {
            CandidateKind::Person => Some((EntityKind::Person, found.candidate.uid)),
            CandidateKind::Offer => store
                .offer(found.candidate.uid)
                .await?
                .map(|offer| (EntityKind::Organization, offer.offer.provider)),
            CandidateKind::Cohort => None,
        };
        let Resource::Need { need, posted_by } = Resource::need(&need) else {
            return Err(not_found("match"));
        };
        Ok(Resource::Match {
            need,
            posted_by,
            candidate,
        })
    }

    pub async fn find_match(&self, caller: &Caller, uid: Uid) -> Result<StoredMatch, ServiceError> {
        let store = &self.store;
        let found = store.find_match(uid).await?.ok_or(not_found("match"))?;
        require(
            caller,
            Action::Read,
            &self.match_resource(&found).await?,
            "match",
        )?;
        Ok(found)
    }

    /// Moves a match along its lifecycle. The need's managers make every
    /// move; the candidate may accept or decline an introduction. Accepting
    /// marks the need matched; an outcome enters the candidate's track record.
    pub async fn move_match(
        &self,
        caller: &Caller,
        uid: Uid,
        step: MatchMove,
    ) -> Result<StoredMatch, ServiceError> {
        let store = &self.store;
        let found = self.find_match(caller, uid).await?;
        let need = store.need(found.need).await?.ok_or(not_found("need"))?;
        let resource = self.match_resource(&found).await?;
        // The candidate may answer an introduction: accept it or decline it.
        let answers = found.status == MatchStatus::Introduced
            && matches!(step.to, MatchStatus::Accepted | MatchStatus::Declined)
            && caller.may(Action::Answer, &resource);
        if !answers {
            require(caller, Action::Move, &resource, "match")?;
        }
        step.check(found.status)
            .map_err(|(field, error)| invalid(field, error.to_string()))?;
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        writer
            .match_event(
                uid,
                step.to,
                step.outcome,
                step.note.as_ref(),
                &caller.actor(),
            )
            .await?;
        if step.to == MatchStatus::Accepted && need.status == NeedStatus::Open {
            writer
                .set_need_status(need.uid, NeedStatus::Matched)
                .await?;
        }
        audit(
            &mut writer,
            caller,
            Change {
                action: AuditAction::Update,
                table: "matches",
                record: uid,
                organization: need.owner,
                before: Some(serde_json::json!({"status": found.status})),
                after: Some(
                    serde_json::json!({"status": step.to, "outcome": step.outcome, "note": step.note}),
                ),
            },
        )
        .await?;
        self.commit(writer).await?;
        store.find_match(uid).await?.ok_or(not_found("match"))
    }

    /// The match pipeline an officer follows: the matches of their
    /// organization's needs (every need's, for an admin), by status.
    pub async fn pipeline(&self, caller: &Caller) -> Result<Vec<StoredMatch>, ServiceError> {
        let store = &self.store;
        let owner = if caller.is_admin() {
            None
        } else {
            Some(
                caller
                    .managed_organization()
                    .map(|(_, org)| org)
                    .ok_or(ServiceError::Forbidden)?,
            )
        };
        Ok(store
            .matches(
                &MatchFilter {
                    owner,
                    ..MatchFilter::default()
                },
                1000,
            )
            .await?)
    }

    /// The matches of one need, for those who manage it.
    pub async fn matches_of(
        &self,
        caller: &Caller,
        need: Uid,
    ) -> Result<Vec<StoredMatch>, ServiceError> {
        let store = &self.store;
        self.need_managed(caller, need).await?;
        Ok(store
            .matches(
                &MatchFilter {
                    need: Some(need),
                    ..MatchFilter::default()
                },
                1000,
            )
            .await?)
    }

    /// How a candidate of any kind is named in lists: a person's or
    /// organization's names, an offer's title, a cohort's name.
    pub async fn candidate_title(
        &self,
        caller: &Caller,
        candidate: Candidate,
        lang: &str,
    ) -> String {
        match candidate.kind {
            CandidateKind::Person => self
                .person(caller, candidate.uid)
                .await
                .map(|p| p.record.names.display(lang).to_string())
                .unwrap_or_else(|_| "—".into()),
            CandidateKind::Offer => self
                .offer(caller, candidate.uid)
                .await
                .map(|o| o.offer.title.to_string())
                .unwrap_or_else(|_| "—".into()),
            CandidateKind::Cohort => {
                let Ok(cohort) = self.cohort(caller, candidate.uid).await else {
                    return "—".into();
                };
                match self.program(caller, cohort.record.program.uid).await {
                    Ok(program) => format!(
                        "{} — {}",
                        program.record.names.display(lang),
                        cohort.record.name
                    ),
                    Err(_) => cohort.record.name.to_string(),
                }
            }
        }
    }
}
