//! Programs that train and dispatch people, their cohorts, and the people
//! who take part in them.

use serde::{Deserialize, Serialize};

use crate::entity::keyword_enum;
use crate::{
    CountryCode, LanguageSkill, Names, PartialDate, SectorCode, Text, TieKind, ValueError,
    Visibility,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgramType {
    TrainingInJapan,
    OverseasTraining,
    ExpertDispatch,
    Internship,
    TechnicalInternTraining,
    DemonstrationProject,
    PreDepartureTraining,
    SeminarSeries,
}

keyword_enum!(ProgramType, "a program type (training_in_japan, overseas_training, expert_dispatch, internship, technical_intern_training, demonstration_project, pre_departure_training, seminar_series)", {
    TrainingInJapan => "training_in_japan",
    OverseasTraining => "overseas_training",
    ExpertDispatch => "expert_dispatch",
    Internship => "internship",
    TechnicalInternTraining => "technical_intern_training",
    DemonstrationProject => "demonstration_project",
    PreDepartureTraining => "pre_departure_training",
    SeminarSeries => "seminar_series",
});

impl ProgramType {
    /// Whether participants travel to Japan and come back: their journey
    /// passes through pre-departure and return.
    pub fn is_in_japan(self) -> bool {
        matches!(
            self,
            ProgramType::TrainingInJapan
                | ProgramType::Internship
                | ProgramType::TechnicalInternTraining
        )
    }
}

/// TPA's four stages of development cooperation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DevelopmentStage {
    TechnologyTransfer,
    Promotion,
    Diffusion,
    Education,
}

keyword_enum!(DevelopmentStage, "a development stage (technology_transfer, promotion, diffusion, education)", {
    TechnologyTransfer => "technology_transfer",
    Promotion => "promotion",
    Diffusion => "diffusion",
    Education => "education",
});

/// Where a program's money comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FundingSource {
    /// Official development assistance.
    Oda,
    Private,
    /// kyoso's own donations-and-grants fund.
    Fund,
}

keyword_enum!(FundingSource, "a funding source (oda, private or fund)", {
    Oda => "oda",
    Private => "private",
    Fund => "fund",
});

/// A Sustainable Development Goal, or one of its targets: "8", "8.2", "9.b".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SdgTarget {
    goal: u8,
    target: Option<String>,
}

impl SdgTarget {
    pub fn parse(input: &str) -> Result<SdgTarget, ValueError> {
        const EXPECTED: &str = "an SDG goal (1-17) or target such as 8.2 or 9.b";
        let input = input.trim();
        let (goal, target) = match input.split_once('.') {
            Some((goal, target)) => (goal, Some(target)),
            None => (input, None),
        };
        let goal: u8 = goal
            .parse()
            .ok()
            .filter(|g| (1..=17).contains(g))
            .ok_or_else(|| ValueError::invalid(input, EXPECTED))?;
        let target = match target {
            None => None,
            Some(t)
                if (1..=2).contains(&t.len())
                    && (t.bytes().all(|b| b.is_ascii_digit()) && t != "0"
                        || t.len() == 1 && t.bytes().all(|b| (b'a'..=b'g').contains(&b))) =>
            {
                Some(t.to_owned())
            }
            Some(_) => return Err(ValueError::invalid(input, EXPECTED)),
        };
        Ok(SdgTarget { goal, target })
    }

    pub fn goal(&self) -> u8 {
        self.goal
    }
}

impl std::fmt::Display for SdgTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.target {
            Some(t) => write!(f, "{}.{t}", self.goal),
            None => write!(f, "{}", self.goal),
        }
    }
}

impl TryFrom<String> for SdgTarget {
    type Error = ValueError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        SdgTarget::parse(&value)
    }
}

impl From<SdgTarget> for String {
    fn from(value: SdgTarget) -> String {
        value.to_string()
    }
}

/// An amount of money in a currency's smallest unit: yen, cents, satang.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    pub amount: i64,
    /// ISO 4217, upper case: JPY, USD, THB.
    pub currency: Currency,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency([u8; 3]);

impl Currency {
    pub fn parse(input: &str) -> Result<Currency, ValueError> {
        let code = input.trim().to_ascii_uppercase();
        match code.as_bytes() {
            [a, b, c] if [a, b, c].iter().all(|x| x.is_ascii_uppercase()) => {
                Ok(Currency([*a, *b, *c]))
            }
            _ => Err(ValueError::invalid(
                input,
                "a currency code such as JPY, USD or THB",
            )),
        }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }
}

impl TryFrom<String> for Currency {
    type Error = ValueError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Currency::parse(&value)
    }
}

impl From<Currency> for String {
    fn from(value: Currency) -> String {
        value.as_str().to_owned()
    }
}

/// An organization that pays for a program, and with what kind of money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Funder<R> {
    pub organization: R,
    pub source: FundingSource,
}

/// A technology demonstration project (as in UNIDO ITPO Tokyo's STePP): a
/// Japanese company shows its technology working in a partner country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Demonstration<R> {
    /// The company that provides the technology.
    pub provider: R,
    pub technology: Text,
    pub recipient_country: CountryCode,
    pub local_partner: Option<R>,
    /// What is to be reached, and when.
    pub milestones: Vec<Milestone>,
    /// What was reported: "water supply for 1,200 households".
    pub results: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub due: PartialDate,
    pub title: Text,
    pub reached: Option<PartialDate>,
}

/// A program that trains or dispatches people, or demonstrates a technology.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Program<R> {
    pub names: Names,
    pub program_type: ProgramType,
    pub organizer: R,
    pub partners: Vec<R>,
    pub funders: Vec<Funder<R>>,
    pub countries: Vec<CountryCode>,
    pub sectors: Vec<SectorCode>,
    pub sdgs: Vec<SdgTarget>,
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    pub budget: Option<Money>,
    pub stage: Option<DevelopmentStage>,
    pub description: Option<Text>,
    pub demonstration: Option<Demonstration<R>>,
    pub visibility: Visibility,
}

impl<R> Program<R> {
    pub const MAX_DESCRIPTION_CHARS: usize = 4000;

    /// Checks the rules that join the fields.
    pub fn check(&self) -> Result<(), (&'static str, ValueError)> {
        if let Some(end) = self.end
            && end.last_day() < self.start.first_day()
        {
            return Err((
                "end",
                ValueError::Rule(format!("it ends ({end}) before it starts ({})", self.start)),
            ));
        }
        match (&self.demonstration, self.program_type) {
            (None, ProgramType::DemonstrationProject) => Err((
                "provider",
                ValueError::Rule(
                    "a demonstration project names its provider, technology and recipient country"
                        .into(),
                ),
            )),
            (Some(_), other) if other != ProgramType::DemonstrationProject => Err((
                "provider",
                ValueError::Rule(format!(
                    "only a demonstration project names a provider, not a {other} program"
                )),
            )),
            _ => Ok(()),
        }
    }

    /// The tie a participant who completes this program gains with its
    /// organizer, if any: trainees are `trained_at`, interns are
    /// `hosted_intern` (from the host's side).
    pub fn completion_tie(&self) -> Option<TieKind> {
        match self.program_type {
            ProgramType::TrainingInJapan
            | ProgramType::OverseasTraining
            | ProgramType::PreDepartureTraining
            | ProgramType::SeminarSeries
            | ProgramType::TechnicalInternTraining => Some(TieKind::TrainedAt),
            ProgramType::Internship => Some(TieKind::HostedIntern),
            ProgramType::ExpertDispatch | ProgramType::DemonstrationProject => None,
        }
    }
}

/// A group who take part in a program together: "Kaizen for SMEs, 2024
/// autumn", "TITP machining, Hanoi, April 2025".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cohort<R> {
    pub program: R,
    pub name: Text,
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    pub capacity: Option<u32>,
    /// The last day applications are taken; after it the course answers
    /// no training need.
    pub apply_by: Option<time::Date>,
    /// Where it is taught.
    pub mode: Option<CourseMode>,
    /// The languages it is taught in, each with the least level a
    /// participant needs to follow it ("ja:N3", "en:B1").
    pub languages: Vec<LanguageSkill>,
}

impl<R> Cohort<R> {
    pub const MAX_LANGUAGES: usize = 6;
}

/// Where a course is taught.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CourseMode {
    InJapan,
    /// In the participants' own country.
    InCountry,
    /// Partly in Japan, partly in the participants' country.
    Both,
    Online,
}

keyword_enum!(CourseMode, "a course mode (in_japan, in_country, both, online)", {
    InJapan => "in_japan",
    InCountry => "in_country",
    Both => "both",
    Online => "online",
});

impl CourseMode {
    /// Whether a course taught this way is taught as `asked`: a course
    /// both in Japan and in the country serves either, and a need for both.
    pub fn serves(self, asked: CourseMode) -> bool {
        match asked {
            CourseMode::InJapan => matches!(self, CourseMode::InJapan | CourseMode::Both),
            CourseMode::InCountry => matches!(self, CourseMode::InCountry | CourseMode::Both),
            CourseMode::Both | CourseMode::Online => self == asked,
        }
    }
}

/// The part a person plays in a program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantRole {
    Trainee,
    Intern,
    TechnicalIntern,
    Expert,
    Mentor,
    Lecturer,
}

keyword_enum!(ParticipantRole, "a role (trainee, intern, technical_intern, expert, mentor, lecturer)", {
    Trainee => "trainee",
    Intern => "intern",
    TechnicalIntern => "technical_intern",
    Expert => "expert",
    Mentor => "mentor",
    Lecturer => "lecturer",
});

impl ParticipantRole {
    /// Whether the role goes through the journey of a learner (the others
    /// teach or advise, and gain no `trained_at` tie).
    pub fn is_learner(self) -> bool {
        matches!(
            self,
            ParticipantRole::Trainee | ParticipantRole::Intern | ParticipantRole::TechnicalIntern
        )
    }
}

/// A person's taking part in a program, in one of its cohorts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participation<R> {
    pub person: R,
    pub program: R,
    pub cohort: Option<R>,
    pub role: ParticipantRole,
    /// The host of an intern, where the program is not the host's own.
    pub host: Option<R>,
    pub note: Option<Text>,
}

/// A participation as files carry it: who, in what, since when, and the
/// journey so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolment<R> {
    pub participation: Participation<R>,
    /// The day the person applied: where every journey begins.
    pub applied_on: time::Date,
    pub journey: crate::Journey,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdg_targets_are_goals_and_their_targets() {
        for ok in ["8", "8.2", "9.b", "17.19", " 4.4 "] {
            assert!(SdgTarget::parse(ok).is_ok(), "{ok}");
        }
        for bad in ["0", "18", "8.", "8.0", "8.z", "8.2.1", "eight", ""] {
            assert!(SdgTarget::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(SdgTarget::parse("9.b").unwrap().to_string(), "9.b");
    }

    #[test]
    fn currencies_are_three_letters() {
        assert_eq!(Currency::parse("jpy").unwrap().as_str(), "JPY");
        assert!(Currency::parse("YEN!").is_err());
    }
}

/// Where a grievance stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GrievanceStatus {
    Open,
    InProgress,
    Resolved,
    Closed,
}

keyword_enum!(GrievanceStatus, "a grievance status (open, in_progress, resolved, closed)", {
    Open => "open",
    InProgress => "in_progress",
    Resolved => "resolved",
    Closed => "closed",
});

impl GrievanceStatus {
    /// Whether someone still has to act on it.
    pub fn is_open(self) -> bool {
        matches!(self, GrievanceStatus::Open | GrievanceStatus::InProgress)
    }
}

/// What a grievance is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GrievanceCategory {
    Wages,
    WorkingHours,
    Safety,
    Housing,
    Harassment,
    Contract,
    Health,
    Other,
}

keyword_enum!(GrievanceCategory, "a grievance category (wages, working_hours, safety, housing, harassment, contract, health, other)", {
    Wages => "wages",
    WorkingHours => "working_hours",
    Safety => "safety",
    Housing => "housing",
    Harassment => "harassment",
    Contract => "contract",
    Health => "health",
    Other => "other",
});

/// How a returnee was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpChannel {
    Visit,
    Phone,
    Email,
    Online,
    Survey,
    Event,
}

keyword_enum!(FollowUpChannel, "a follow-up channel (visit, phone, email, online, survey, event)", {
    Visit => "visit",
    Phone => "phone",
    Email => "email",
    Online => "online",
    Survey => "survey",
    Event => "event",
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpStatus {
    Reached,
    Unreachable,
    Declined,
}

keyword_enum!(FollowUpStatus, "a follow-up status (reached, unreachable, declined)", {
    Reached => "reached",
    Unreachable => "unreachable",
    Declined => "declined",
});

/// What became of a participant after the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    Employed,
    Promoted,
    Founded,
    BecameTrainer,
    ContributedKnowledge,
}

keyword_enum!(OutcomeKind, "an outcome (employed, promoted, founded, became_trainer, contributed_knowledge)", {
    Employed => "employed",
    Promoted => "promoted",
    Founded => "founded",
    BecameTrainer => "became_trainer",
    ContributedKnowledge => "contributed_knowledge",
});

impl OutcomeKind {
    /// The tie an outcome with an organization implies, from the person.
    pub fn implied_tie(self) -> Option<TieKind> {
        match self {
            OutcomeKind::Employed | OutcomeKind::Promoted => Some(TieKind::EmployedBy),
            OutcomeKind::Founded => Some(TieKind::Founded),
            OutcomeKind::BecameTrainer | OutcomeKind::ContributedKnowledge => None,
        }
    }

    /// Whether the outcome names an organization: an employer, a company founded.
    pub fn needs_organization(self) -> bool {
        matches!(
            self,
            OutcomeKind::Employed | OutcomeKind::Promoted | OutcomeKind::Founded
        )
    }
}

/// A follow-up with a participant after the program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub on: time::Date,
    pub channel: FollowUpChannel,
    pub status: FollowUpStatus,
    pub note: Option<Text>,
}

/// An outcome of a participation, as reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome<R> {
    pub kind: OutcomeKind,
    pub on: PartialDate,
    /// The employer, or the enterprise founded.
    pub organization: Option<R>,
    /// Whether the employer is a Japanese-affiliated company.
    pub japanese_affiliated: Option<bool>,
    /// For an enterprise founded: the jobs it created.
    pub jobs_created: Option<u32>,
    /// For an enterprise founded: the people it supports (families included).
    pub people_supported: Option<u32>,
    pub note: Option<Text>,
}

impl<R> Outcome<R> {
    pub fn check(&self) -> Result<(), (&'static str, ValueError)> {
        if self.kind.needs_organization() && self.organization.is_none() {
            return Err((
                "organization",
                ValueError::Rule(format!(
                    "an outcome \"{}\" names the organization",
                    self.kind
                )),
            ));
        }
        if self.kind != OutcomeKind::Founded
            && (self.jobs_created.is_some() || self.people_supported.is_some())
        {
            return Err((
                "jobs_created",
                ValueError::Rule(
                    "jobs and people supported belong to an enterprise founded".into(),
                ),
            ));
        }
        Ok(())
    }
}

/// A supervising organization's visit to a technical intern's host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonitoringVisit {
    pub on: time::Date,
    pub findings: Text,
    /// What the host or the supervisor is to do about the findings.
    pub actions: Option<Text>,
}
