//! `kyoso-matching`: who fits a need, and who goes where.
//!
//! No IO, deterministic: the same input always gives the same answer.
//!
//! [`mod@rank`] finds the best candidates for a need from an inverted index and
//! keeps every part of each score as a reason.
//!
//! [`mod@assign`] places participants (technical interns, mentees) with hosts
//! (host companies, mentors) that can take a limited number each: a caller
//! builds an [`Instance`] (participants and hosts numbered `0..n`, each
//! host's capacity, and the candidate pairs left once hard constraints were
//! applied, with their scores) and asks [`assign()`] for either the
//! assignment of maximum total score ([`Mode::Optimal`]) or the
//! participant-proposing stable one ([`Mode::Stable`]). The same candidates
//! in any order give the same [`Assignment`].

pub mod assign;
pub mod rank;

pub use assign::{
    Assignment, Candidate, Instance, InstanceError, MAX_HOSTS, MAX_PARTICIPANTS, MAX_SCORE, Mode,
    Unassigned, assign,
};
pub use rank::{
    CandidateId, Factor, FactorKind, Index, LanguageNeed, Need, Profile, Ranked, Term, Weights,
};
