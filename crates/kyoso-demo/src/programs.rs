//! The demonstration programs and their participants' journeys, after the
//! sources: AOTS training courses across the decades, technical intern
//! cohorts from Viet Nam and Indonesia placed with Japanese SMEs, TNI
//! students interning in Sakai, a STePP-style demonstration project,
//! experts dispatched by JICA, and returnees who found work or founded
//! enterprises.

use kyoso_domain::{
    Cohort, CountryCode, CourseMode, Currency, Demonstration, DevelopmentStage, Funder,
    FundingSource, Incoming, JourneyState, Milestone, Money, Names, Outcome, OutcomeKind,
    PartialDate, ParticipantRole, Participation, Program, ProgramType, RecordRef, SdgTarget,
    SectorCode, Text, TitpPhase, TitpPlacement, Uid, Visibility, add_months,
};
use time::{Date, Duration, Month};

use crate::rng::Rng;
use crate::{Demo, Kind};

/// A program with its cohorts and participants.
#[derive(Debug, Clone)]
pub struct DemoProgram {
    pub program: Incoming<Program<RecordRef>>,
    pub cohorts: Vec<(Uid, Cohort<RecordRef>)>,
    pub participations: Vec<DemoParticipation>,
}

/// A participation and everything recorded along its journey.
#[derive(Debug, Clone)]
pub struct DemoParticipation {
    pub participation: Incoming<Participation<RecordRef>>,
    pub applied_on: Date,
    /// The moves, in order, each with its day.
    pub moves: Vec<(JourneyState, Date)>,
    pub placements: Vec<TitpPlacement<RecordRef>>,
    pub outcome: Option<Outcome<RecordRef>>,
}

/// How a program's participants are chosen and what their journeys are.
struct Plan {
    external_id: &'static str,
    latin: &'static str,
    japanese: &'static str,
    program_type: ProgramType,
    organizer: &'static str,
    partners: &'static [&'static str],
    funders: &'static [(&'static str, FundingSource)],
    countries: &'static [&'static str],
    sectors: &'static [&'static str],
    sdgs: &'static [&'static str],
    stage: DevelopmentStage,
    role: ParticipantRole,
    /// Cohorts: (name, first day, length in months).
    cohorts: &'static [(&'static str, (i32, u8), u32)],
}

const PLANS: &[Plan] = &[
    Plan {
        external_id: "AOTS-KAIZEN",
        latin: "Kaizen and 5S for Manufacturing Managers",
        japanese: "製造業管理者のための改善・5S研修",
        program_type: ProgramType::TrainingInJapan,
        organizer: "AOTS",
        partners: &["TPA"],
        funders: &[("METI", FundingSource::Oda)],
        countries: &["TH", "VN", "ID", "PH", "MY"],
        sectors: &["32120"],
        sdgs: &["8.2", "9.2"],
        stage: DevelopmentStage::TechnologyTransfer,
        role: ParticipantRole::Trainee,
        cohorts: &[
            ("1975 autumn", (1975, 10), 4),
            ("1988 spring", (1988, 4), 4),
            ("2001 autumn", (2001, 10), 3),
            ("2014 spring", (2014, 4), 3),
            ("2025 autumn", (2025, 10), 3),
            ("2026 spring", (2026, 4), 3),
        ],
    },
    Plan {
        external_id: "TITP-MACHINING",
        latin: "Technical intern training: machining and metal press",
        japanese: "技能実習（機械加工・金属プレス）",
        program_type: ProgramType::TechnicalInternTraining,
        organizer: "@supervising",
        partners: &["ESUHAI"],
        funders: &[],
        countries: &["VN", "ID"],
        sectors: &["32120"],
        sdgs: &["8.5", "8.8"],
        stage: DevelopmentStage::TechnologyTransfer,
        role: ParticipantRole::TechnicalIntern,
        cohorts: &[
            ("Hanoi, April 2019", (2019, 4), 36),
            ("Jakarta, October 2021", (2021, 10), 36),
            ("Ho Chi Minh City, April 2024", (2024, 4), 36),
        ],
    },
    Plan {
        external_id: "TNI-SAKAI-INTERN",
        latin: "TNI internships with Sakai manufacturers",
        japanese: "TNI学生の堺市企業インターンシップ",
        program_type: ProgramType::Internship,
        organizer: "TNI",
        partners: &["TPA"],
        funders: &[("TPA", FundingSource::Private)],
        countries: &["TH"],
        sectors: &["11420", "32120"],
        sdgs: &["4.4"],
        stage: DevelopmentStage::Education,
        role: ParticipantRole::Intern,
        cohorts: &[("Summer 2023", (2023, 6), 2), ("Summer 2025", (2025, 6), 2)],
    },
    Plan {
        external_id: "JICA-EXPERTS-SME",
        latin: "SME promotion experts",
        japanese: "中小企業振興専門家派遣",
        program_type: ProgramType::ExpertDispatch,
        organizer: "JICA",
        partners: &[],
        funders: &[("JICA", FundingSource::Oda)],
        countries: &["JP"],
        sectors: &["32130"],
        sdgs: &["8.3", "17.9"],
        stage: DevelopmentStage::Promotion,
        role: ParticipantRole::Expert,
        cohorts: &[("2022–2024 assignments", (2022, 4), 24)],
    },
];

fn date(year: i32, month: u8) -> Date {
    Date::from_calendar_date(year, Month::try_from(month).unwrap_or(Month::January), 1)
        .unwrap_or(Date::MIN)
}

fn text(s: &str) -> Text {
    Text::line(s, 400).unwrap_or_else(|e| unreachable!("demo text is valid: {e}"))
}

fn reference(id: &str) -> RecordRef {
    RecordRef::parse(id).unwrap_or_else(|_| unreachable!("demo ids are valid"))
}

impl Demo {
    /// The demonstration programs. Their participants are demo people of
    /// the program's countries; how many grows with the network, to a cap.
    pub fn programs(&self) -> Vec<DemoProgram> {
        let today = self.created_at.date();
        let per_cohort = (self.people / 200).clamp(3, 120);
        let mut programs = Vec::new();
        let mut next_person = 0u64;
        for (p, plan) in PLANS.iter().enumerate() {
            let mut rng = Rng::for_item(self.seed, 9, p as u64);
            let organizer = match plan.organizer {
                "@supervising" => self
                    .pick(&mut rng, Kind::Supervising, Some("JP"))
                    .external_id
                    .clone(),
                id => id.to_owned(),
            };
            let program_uid = self.uid("program", p as u64);
            let first = plan.cohorts.first().map_or((2020, 1), |c| c.1);
            let last = plan.cohorts.last().map_or((2020, 1), |c| c.1);
            let record = Program {
                names: Names::new(None, Some(text(plan.latin)), Some(text(plan.japanese)))
                    .unwrap_or_else(|e| unreachable!("{e}")),
                program_type: plan.program_type,
                organizer: reference(&organizer),
                partners: plan.partners.iter().map(|id| reference(id)).collect(),
                funders: plan
                    .funders
                    .iter()
                    .map(|(id, source)| Funder {
                        organization: reference(id),
                        source: *source,
                    })
                    .collect(),
                countries: plan
                    .countries
                    .iter()
                    .filter_map(|c| CountryCode::parse(c).ok())
                    .collect(),
                sectors: plan
                    .sectors
                    .iter()
                    .filter_map(|s| SectorCode::parse(s).ok())
                    .collect(),
                sdgs: plan
                    .sdgs
                    .iter()
                    .filter_map(|s| SdgTarget::parse(s).ok())
                    .collect(),
                start: PartialDate::new(first.0, Some(first.1), None)
                    .unwrap_or_else(|e| unreachable!("{e}")),
                end: Some(
                    PartialDate::new(last.0 + 3, Some(3), None)
                        .unwrap_or_else(|e| unreachable!("{e}")),
                ),
                budget: Currency::parse("JPY").ok().map(|currency| Money {
                    amount: 20_000_000 + rng.below(80) as i64 * 1_000_000,
                    currency,
                }),
                stage: Some(plan.stage),
                description: None,
                demonstration: None,
                visibility: Visibility::Network,
            };
            let mut program = Incoming::new(record);
            program.uid = Some(program_uid);
            program.external_id = kyoso_domain::ExternalId::parse(plan.external_id).ok();
            program.owner = Some(reference(&organizer));

            let mut cohorts = Vec::new();
            let mut participations = Vec::new();
            for (c, (name, (year, month), months)) in plan.cohorts.iter().enumerate() {
                let cohort_uid = self.uid("cohort", (p * 100 + c) as u64);
                let start = date(*year, *month);
                let end = add_months(start, *months) - Duration::days(1);
                cohorts.push((
                    cohort_uid,
                    Cohort {
                        program: RecordRef::to_record(program_uid, None),
                        name: text(name),
                        start: PartialDate::from_date(start),
                        end: Some(PartialDate::from_date(end)),
                        capacity: Some(per_cohort as u32 + 5),
                        apply_by: Some(start - Duration::days(60)),
                        mode: Some(match plan.program_type {
                            ProgramType::OverseasTraining => CourseMode::InCountry,
                            _ => CourseMode::InJapan,
                        }),
                        // Taught in Japanese, with interpretation into English.
                        languages: ["ja:N4", "en:B1"]
                            .into_iter()
                            .filter_map(|l| kyoso_domain::LanguageSkill::parse(l).ok())
                            .collect(),
                    },
                ));
                let people = self.people_of(plan.countries, per_cohort, &mut next_person);
                for (k, person) in people.into_iter().enumerate() {
                    let index = (p * 1_000_000 + c * 10_000 + k) as u64;
                    participations.push(self.journey(
                        plan,
                        &organizer,
                        program_uid,
                        cohort_uid,
                        person,
                        index,
                        (start, end),
                        today,
                    ));
                }
            }
            programs.push(DemoProgram {
                program,
                cohorts,
                participations,
            });
        }
        programs.push(self.demonstration_project());
        programs
    }

    /// Up to `count` people living in one of `countries`, from `next` on.
    fn people_of(&self, countries: &[&str], count: u64, next: &mut u64) -> Vec<u64> {
        let wanted: Vec<CountryCode> = countries
            .iter()
            .filter_map(|c| CountryCode::parse(c).ok())
            .collect();
        let mut found = Vec::new();
        let mut looked = 0;
        while found.len() < count as usize && looked < self.people {
            let index = *next % self.people.max(1);
            *next += 1;
            looked += 1;
            let person = self.person(index);
            if person.record.residence.is_some_and(|r| wanted.contains(&r)) {
                found.push(index);
            }
        }
        found
    }

    #[allow(clippy::too_many_arguments, reason = "one participant's whole story")]
    fn journey(
        &self,
        plan: &Plan,
        organizer: &str,
        program: Uid,
        cohort: Uid,
        person: u64,
        index: u64,
        (start, end): (Date, Date),
        today: Date,
    ) -> DemoParticipation {
        let mut rng = Rng::for_item(self.seed, 10, index);
        let applied_on = start - Duration::days(90 + rng.below(30) as i64);
        let mut moves = Vec::new();
        let go = |state: JourneyState, on: Date, moves: &mut Vec<(JourneyState, Date)>| {
            if on <= today {
                moves.push((state, on));
                true
            } else {
                false
            }
        };
        let roll = rng.below(100);
        let in_japan = plan.program_type.is_in_japan();
        let mut placements = Vec::new();
        let mut outcome = None;
        let mut host = None;
        'story: {
            if roll < 5 {
                go(
                    JourneyState::Rejected,
                    applied_on + Duration::days(30),
                    &mut moves,
                );
                break 'story;
            }
            if !go(
                JourneyState::Selected,
                applied_on + Duration::days(30),
                &mut moves,
            ) {
                break 'story;
            }
            if roll < 9 {
                go(
                    JourneyState::Withdrawn,
                    applied_on + Duration::days(45),
                    &mut moves,
                );
                break 'story;
            }
            if in_japan
                && !go(
                    JourneyState::PreDeparture,
                    start - Duration::days(21),
                    &mut moves,
                )
            {
                break 'story;
            }
            if !go(JourneyState::Active, start, &mut moves) {
                break 'story;
            }
            if plan.program_type == ProgramType::TechnicalInternTraining {
                let supervising = reference(organizer);
                let implementing = self.pick(&mut rng, Kind::Sme, None).external_id.clone();
                host = Some(reference(&implementing));
                let phase_one_end = add_months(start, 12) - Duration::days(1);
                placements.push(TitpPlacement {
                    phase: TitpPhase::I,
                    start,
                    end: phase_one_end,
                    supervising: supervising.clone(),
                    implementing: reference(&implementing),
                    job_category: text("machining (lathe), metal press"),
                });
                if end > phase_one_end {
                    placements.push(TitpPlacement {
                        phase: TitpPhase::Ii,
                        start: phase_one_end + Duration::days(1),
                        end,
                        supervising,
                        implementing: reference(&implementing),
                        job_category: text("machining (lathe), metal press"),
                    });
                }
            }
            if plan.program_type == ProgramType::Internship {
                host = Some(reference(
                    &self
                        .pick(&mut rng, Kind::SakaiSme, None)
                        .external_id
                        .clone(),
                ));
            }
            if roll < 12 {
                go(
                    JourneyState::Withdrawn,
                    start + Duration::days(40),
                    &mut moves,
                );
                break 'story;
            }
            if !go(JourneyState::Completed, end, &mut moves) {
                break 'story;
            }
            if in_japan && !go(JourneyState::Returned, end + Duration::days(5), &mut moves) {
                break 'story;
            }
            let settled = end + Duration::days(200);
            if settled <= today && plan.role != ParticipantRole::Expert {
                outcome = Some(self.outcome(&mut rng, settled));
                if rng.chance(0.6) {
                    go(JourneyState::FollowUp, settled, &mut moves);
                }
            }
        }
        let mut participation = Incoming::new(Participation {
            person: Demo::person_ref(person),
            program: RecordRef::to_record(program, None),
            cohort: Some(RecordRef::to_record(cohort, None)),
            role: plan.role,
            host,
            note: None,
        });
        participation.uid = Some(self.uid("participation", index));
        DemoParticipation {
            participation,
            applied_on,
            moves,
            placements,
            outcome,
        }
    }

    /// What became of a returnee: most found work, many with Japanese
    /// affiliates; some founded an enterprise; some teach.
    fn outcome(&self, rng: &mut Rng, on: Date) -> Outcome<RecordRef> {
        let roll = rng.below(100);
        let on = PartialDate::new(on.year(), Some(on.month() as u8), None)
            .unwrap_or_else(|e| unreachable!("{e}"));
        let (kind, organization, japanese_affiliated) = if roll < 55 {
            let affiliated = rng.chance(0.5);
            let kind = if affiliated {
                Kind::AffiliatedCompany
            } else {
                Kind::LocalCompany
            };
            (
                OutcomeKind::Employed,
                Some(self.pick(rng, kind, None).external_id.clone()),
                Some(affiliated),
            )
        } else if roll < 70 {
            (
                OutcomeKind::Founded,
                Some(self.pick(rng, Kind::StartUp, None).external_id.clone()),
                None,
            )
        } else if roll < 85 {
            (OutcomeKind::BecameTrainer, None, None)
        } else {
            (OutcomeKind::ContributedKnowledge, None, None)
        };
        let founded = kind == OutcomeKind::Founded;
        Outcome {
            kind,
            on,
            organization: organization.map(|id| reference(&id)),
            japanese_affiliated,
            jobs_created: founded.then(|| 3 + rng.below(40) as u32),
            people_supported: founded.then(|| 10 + rng.below(150) as u32),
            note: None,
        }
    }

    /// A STePP-style demonstration project of UNIDO ITPO Tokyo.
    fn demonstration_project(&self) -> DemoProgram {
        let mut rng = Rng::for_item(self.seed, 9, 99);
        let provider = self.pick(&mut rng, Kind::Sme, None).external_id.clone();
        let local = self
            .pick(&mut rng, Kind::LocalCompany, Some("KH"))
            .external_id
            .clone();
        let milestone = |due: &str, title: &str, reached: Option<&str>| Milestone {
            due: PartialDate::parse(due).unwrap_or_else(|e| unreachable!("{e}")),
            title: text(title),
            reached: reached.and_then(|r| PartialDate::parse(r).ok()),
        };
        let record = Program {
            names: Names::new(
                None,
                Some(text("Solar-powered water purification for rural Cambodia")),
                Some(text("カンボジア農村部における太陽光浄水技術の実証")),
            )
            .unwrap_or_else(|e| unreachable!("{e}")),
            program_type: ProgramType::DemonstrationProject,
            organizer: reference("UNIDO-ITPO-TOKYO"),
            partners: vec![reference("JICA")],
            funders: vec![Funder {
                organization: reference("JICA"),
                source: FundingSource::Oda,
            }],
            countries: CountryCode::parse("KH").into_iter().collect(),
            sectors: SectorCode::parse("14020").into_iter().collect(),
            sdgs: ["6.1", "7.2"]
                .iter()
                .filter_map(|s| SdgTarget::parse(s).ok())
                .collect(),
            start: PartialDate::parse("2024-04").unwrap_or_else(|e| unreachable!("{e}")),
            end: PartialDate::parse("2026-03").ok(),
            budget: Currency::parse("USD").ok().map(|currency| Money {
                amount: 45_000_000,
                currency,
            }),
            stage: Some(DevelopmentStage::Diffusion),
            description: None,
            demonstration: Some(Demonstration {
                provider: reference(&provider),
                technology: text("Solar-powered membrane water purification units"),
                recipient_country: CountryCode::parse("KH").unwrap_or_else(|e| unreachable!("{e}")),
                local_partner: Some(reference(&local)),
                milestones: vec![
                    milestone(
                        "2024-09",
                        "Units installed in three villages",
                        Some("2024-11"),
                    ),
                    milestone(
                        "2025-06",
                        "Water quality certified by the ministry",
                        Some("2025-08"),
                    ),
                    milestone(
                        "2026-03",
                        "Local assembly and maintenance team trained",
                        None,
                    ),
                ],
                results: Some(text("Safe drinking water for about 1,200 households")),
            }),
            visibility: Visibility::Public,
        };
        let mut program = Incoming::new(record);
        program.uid = Some(self.uid("program", 99));
        program.external_id = kyoso_domain::ExternalId::parse("STEPP-SOLAR-WATER").ok();
        program.owner = Some(reference("UNIDO-ITPO-TOKYO"));
        DemoProgram {
            program,
            cohorts: Vec::new(),
            participations: Vec::new(),
        }
    }
}
