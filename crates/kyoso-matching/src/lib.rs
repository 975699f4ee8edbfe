//! `kyoso-matching`: who fits a need, and who goes where.
//!
//! No IO, deterministic: the same input always gives the same answer.
//! [`rank`] finds the best candidates for a need from an inverted index and
//! keeps every part of each score as a reason.

pub mod rank;

pub use rank::{
    CandidateId, Factor, FactorKind, Index, LanguageNeed, Need, Profile, Ranked, Term, Weights,
};
