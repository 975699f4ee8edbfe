//! Records as kyoso keeps them, beyond `Stored<T>`: needs, offers and
//! matches with their trails, the records of technical intern training and
//! after return, participations with their journeys, erasures, counts.

use serde::Serialize;

use crate::{
    CandidateKind, EntityKind, ExternalId, FollowUp, GrievanceCategory, GrievanceStatus, Journey,
    JourneyState, Link, MatchOutcome, MatchStatus, MonitoringVisit, Need, NeedStatus, Offer,
    Outcome, ParticipantRole, Participation, Stored, Text, Timestamp, Uid,
};

/// Who posted a need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Poster {
    pub kind: EntityKind,
    pub uid: Uid,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredNeed {
    pub uid: Uid,
    /// The key it is known by in the files it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<ExternalId>,
    /// The organization whose officers manage it.
    pub owner: Option<Uid>,
    pub status: NeedStatus,
    #[serde(flatten)]
    pub need: Need<Poster>,
    /// When the owner was last reminded that it is about to expire.
    pub reminded_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredOffer {
    pub uid: Uid,
    /// The key it is known by in the files it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<ExternalId>,
    pub owner: Option<Uid>,
    #[serde(flatten)]
    pub offer: Offer<Uid>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// What answers a need in a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Candidate {
    pub kind: CandidateKind,
    pub uid: Uid,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredMatch {
    pub uid: Uid,
    pub need: Uid,
    pub candidate: Candidate,
    /// For a technology: the alumnus who champions it in the need's country.
    pub champion: Option<Uid>,
    pub score: f64,
    /// The score's factors when the match was proposed.
    pub reasons: serde_json::Value,
    pub status: MatchStatus,
    pub outcome: Option<MatchOutcome>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Its trail, oldest first (read with one match only).
    pub events: Vec<MatchEvent>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchEvent {
    pub number: u32,
    pub at: Timestamp,
    pub actor: String,
    pub status: MatchStatus,
    pub outcome: Option<MatchOutcome>,
    pub note: Option<Text>,
}

/// The longest free text of a visit, grievance, follow-up or outcome.
pub const AFTERCARE_TEXT_CHARS: usize = 4000;

/// A monitoring visit as recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredVisit {
    pub uid: Uid,
    pub visit: MonitoringVisit,
    pub recorded_by: String,
}

/// A grievance, and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Grievance {
    pub uid: Uid,
    pub participation: Uid,
    pub person: Uid,
    /// The supervising organization whose officers handle it.
    pub supervising: Uid,
    pub raised_on: time::Date,
    pub category: GrievanceCategory,
    pub description: Text,
    pub status: GrievanceStatus,
    /// Its trail, oldest first (read with the grievance alone).
    pub events: Vec<GrievanceEvent>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GrievanceEvent {
    pub number: u32,
    pub at: Timestamp,
    pub actor: String,
    pub status: GrievanceStatus,
    pub note: Option<Text>,
}

/// A follow-up as recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredFollowUp {
    pub uid: Uid,
    pub follow_up: FollowUp,
    pub recorded_by: String,
}

/// An outcome as recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredOutcome {
    pub uid: Uid,
    pub outcome: Outcome<Link>,
    pub recorded_by: String,
}

/// The longest a cohort's name may be.
pub const COHORT_NAME_CHARS: usize = 200;

/// The longest note a participation or journey entry may carry.
pub const PARTICIPATION_NOTE_CHARS: usize = 2000;

/// A participation with its journey.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredParticipation {
    pub stored: Stored<Participation<Link>>,
    pub applied_on: time::Date,
    pub journey: Journey,
}

/// One participant on a cohort board or in a list.
#[derive(Debug, Clone, PartialEq)]
pub struct ParticipantCard {
    pub participation: Uid,
    pub person: Uid,
    pub name_native: Option<String>,
    pub name_latin: Option<String>,
    pub name_japanese: Option<String>,
    pub role: ParticipantRole,
    pub state: JourneyState,
    pub since: Option<time::Date>,
    pub program: Uid,
}

/// How many participants of a program stand in each state.
pub type StateCounts = Vec<(JourneyState, i64)>;

/// How many records each table holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub organizations: i64,
    pub people: i64,
    pub ties: i64,
    pub events: i64,
}

/// What a check found. An empty `problems` list means the database is sound.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckReport {
    pub problems: Vec<String>,
    /// How many records were read back and checked.
    pub checked: Counts,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// What stands in for erased text.
pub const ERASED: &str = "[erased]";

/// One erasure carried out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erasure {
    pub person: Uid,
    pub at: Timestamp,
    /// Who carried it out, as trails name them (`user:<id>`, `cli`).
    pub by: String,
}

/// A person's request to have their record erased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasureRequest {
    pub uid: Uid,
    pub person: Uid,
    /// The organization that keeps the person's record.
    pub owner: Option<Uid>,
    pub requested_at: Timestamp,
    pub requested_by: String,
    pub status: ErasureStatus,
    /// Why it cannot be carried out yet.
    pub reason: Option<String>,
    pub decided_at: Option<Timestamp>,
    pub decided_by: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErasureStatus {
    Pending,
    Postponed,
    Done,
}

impl ErasureStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ErasureStatus::Pending => "pending",
            ErasureStatus::Postponed => "postponed",
            ErasureStatus::Done => "done",
        }
    }

    pub fn parse(text: &str) -> ErasureStatus {
        match text {
            "postponed" => ErasureStatus::Postponed,
            "done" => ErasureStatus::Done,
            _ => ErasureStatus::Pending,
        }
    }
}

/// What a committed bulk write did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BulkSummary {
    pub received: u64,
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}
