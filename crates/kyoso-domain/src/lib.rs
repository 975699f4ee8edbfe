//! The kyoso domain: validated value types, the registry's entities (people,
//! organizations, ties), programs and participants' journeys, and the code
//! lists they are checked against.
//!
//! Everything here is plain data and pure functions. This crate must never do
//! IO, know about SQL or HTTP, or depend on a runtime: the store, the web and
//! the CLI all build on it, and its types are what they trust after the edge.
//!
//! Values from outside are made once, through a `parse` constructor that
//! returns a [`ValueError`] saying what was wrong; after that, code trusts them.

#![forbid(unsafe_code)]

mod account;
mod audit;
pub mod codelist;
mod country;
mod date;
mod entity;
mod error;
mod event;
mod ids;
mod incoming;
mod journey;
mod knowledge;
mod language;
mod matching;
mod org_type;
mod program;
mod query;
mod records;
mod reference;
mod sector;
mod text;
mod tie;
mod titp;

pub use account::{Role, User};
pub use audit::{AuditAction, AuditEntry};
pub use country::CountryCode;
pub use date::{PartialDate, Timestamp};
pub use entity::{
    Availability, Consent, Contact, EntityKind, Gender, Organization, Person, Visibility,
    check_languages, normalize_set,
};
pub use error::ValueError;
pub use event::{Event, EventKind};
pub use ids::{ExternalId, RecordRef, Uid};
pub use incoming::{Incoming, Link, RowError, Stored};
pub use journey::{Journey, JourneyAction, JourneyEntry, JourneyError, JourneyState};
pub use knowledge::{
    Answer, Lesson, LessonText, LessonTranslation, Question, StoredAnswer, StoredLesson,
    StoredQuestion, TranslationStatus,
};
pub use language::{Cefr, Jlpt, LanguageCode, LanguageLevel, LanguageSkill};
pub use matching::{
    CandidateKind, DealFit, Deployment, LanguageRequirement, MAX_USD, MatchMove, MatchOutcome,
    MatchStatus, Need, NeedKind, NeedStatus, Offer, OfferKind, Readiness, Seek, Usd, deal_fit,
    parse_usd,
};
pub use org_type::OrganisationType;
pub use program::{
    Cohort, CourseMode, Currency, Demonstration, DevelopmentStage, Enrolment, FollowUp,
    FollowUpChannel, FollowUpStatus, Funder, FundingSource, GrievanceCategory, GrievanceStatus,
    Milestone, Money, MonitoringVisit, Outcome, OutcomeKind, ParticipantRole, Participation,
    Program, ProgramType, SdgTarget,
};
pub use query::{
    EventFilter, MatchFilter, NeedFilter, OfferFilter, OrganizationFilter, PeopleFilter, TieFilter,
};
pub use records::{
    AFTERCARE_TEXT_CHARS, BulkSummary, COHORT_NAME_CHARS, Candidate, CheckReport, Counts, ERASED,
    Erasure, ErasureRequest, ErasureStatus, Grievance, GrievanceEvent, MatchEvent,
    PARTICIPATION_NOTE_CHARS, ParticipantCard, Poster, StateCounts, StoredFollowUp, StoredMatch,
    StoredNeed, StoredOffer, StoredOutcome, StoredParticipation, StoredVisit,
};
pub use reference::{
    Proposal, RecordKind, Reference, ReferenceField, References, WRITES as REFERENCE_FIELDS,
};
pub use sector::SectorCode;
pub use text::{Email, Names, Phone, Script, Skill, Text, WebAddress, script_of};
pub use tie::{Endpoint, Strength, Tie, TieKind};
pub use titp::{TITP_MAX_MONTHS, TitpPhase, TitpPlacement, add_months, check_titp_plan};
