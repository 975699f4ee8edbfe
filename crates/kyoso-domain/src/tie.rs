use std::fmt;

use serde::{Deserialize, Serialize};

use crate::entity::keyword_enum;
use crate::{EntityKind, PartialDate, Text, Timestamp, Uid, ValueError, Visibility};

/// What a tie says about its two ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TieKind {
    /// A person studied at a university or school.
    StudiedAt,
    /// A person was trained at (or by) an organization: an AOTS course, a
    /// JICA training, a technical intern's host company.
    TrainedAt,
    EmployedBy,
    /// A person or an organization (an alumni society in its federation)
    /// belongs to an organization.
    MemberOf,
    Founded,
    /// A person mentored another.
    Mentored,
    /// An organization hosted a person as an intern or technical intern.
    HostedIntern,
    /// Two organizations, or a person and an organization, work together;
    /// it runs both ways.
    PartneredWith,
    /// A supervising organization oversees an implementing one (or a person).
    Supervises,
    /// Two people met, at an event or a seminar; it runs both ways. The
    /// tie may name the event.
    MetAt,
    /// A person or an organization took part in an event.
    Attended,
}

keyword_enum!(TieKind, "a tie kind (studied_at, trained_at, employed_by, member_of, founded, mentored, hosted_intern, partnered_with, supervises, met_at, attended)", {
    StudiedAt => "studied_at",
    TrainedAt => "trained_at",
    EmployedBy => "employed_by",
    MemberOf => "member_of",
    Founded => "founded",
    Mentored => "mentored",
    HostedIntern => "hosted_intern",
    PartneredWith => "partnered_with",
    Supervises => "supervises",
    MetAt => "met_at",
    Attended => "attended",
});

impl TieKind {
    /// Whether the tie reads the same both ways (A partnered with B is B
    /// partnered with A). Such ties are stored once, in a canonical order.
    pub fn is_symmetric(&self) -> bool {
        matches!(self, TieKind::PartneredWith | TieKind::MetAt)
    }

    /// The kinds of record each end may be, as (from, to) pairs.
    pub fn allowed_ends(&self) -> &'static [(EntityKind, EntityKind)] {
        use EntityKind::{Event as E, Organization as O, Person as P};
        match self {
            TieKind::StudiedAt | TieKind::TrainedAt | TieKind::EmployedBy => &[(P, O)],
            TieKind::MemberOf | TieKind::Founded => &[(P, O), (O, O)],
            TieKind::Mentored | TieKind::MetAt => &[(P, P)],
            TieKind::HostedIntern => &[(O, P)],
            // A person may partner with an organization too: a consultant
            // with a company, an expert with an alumni society.
            TieKind::PartneredWith => &[(O, O), (P, O), (O, P)],
            TieKind::Supervises => &[(O, O), (O, P), (P, P)],
            TieKind::Attended => &[(P, E), (O, E)],
        }
    }

    pub fn allows(&self, from: EntityKind, to: EntityKind) -> bool {
        self.allowed_ends().contains(&(from, to))
    }

    /// Whether a tie of this kind may name the event it came from.
    pub fn names_event(&self) -> bool {
        matches!(self, TieKind::MetAt)
    }
}

/// How strong a tie is, from 0 (barely) to 1 (close), as its asserter judged.
#[derive(Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Strength(f64);

impl Strength {
    pub fn new(value: f64) -> Result<Strength, ValueError> {
        if value.is_finite() && (0.0..=1.0).contains(&value) {
            Ok(Strength(value))
        } else {
            Err(ValueError::Rule(format!(
                "strength {value} is outside 0 to 1"
            )))
        }
    }

    pub fn parse(input: &str) -> Result<Strength, ValueError> {
        let value: f64 = input
            .trim()
            .parse()
            .map_err(|_| ValueError::invalid(input, "a number from 0 to 1"))?;
        Strength::new(value)
    }

    pub fn value(&self) -> f64 {
        self.0
    }
}

impl Eq for Strength {}

impl fmt::Display for Strength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Strength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Strength({})", self.0)
    }
}

impl TryFrom<f64> for Strength {
    type Error = ValueError;
    fn try_from(value: f64) -> Result<Self, Self::Error> {
        Strength::new(value)
    }
}

impl From<Strength> for f64 {
    fn from(value: Strength) -> Self {
        value.0
    }
}

/// One end of a tie: the kind of record and how it is referred to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Endpoint<R> {
    pub kind: EntityKind,
    pub key: R,
}

/// A typed, dated tie between two records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tie<R> {
    pub kind: TieKind,
    pub from: Endpoint<R>,
    pub to: Endpoint<R>,
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    pub strength: Option<Strength>,
    /// The part played: "president", "plant manager", "lecturer".
    pub role: Option<Text>,
    pub note: Option<Text>,
    /// Who said this tie exists: a user, a program's records, an import file.
    pub asserted_by: Text,
    pub asserted_at: Timestamp,
    pub visibility: Visibility,
    /// The event two people met at, for a `met_at` tie: two meetings on one
    /// day at two events are two ties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<R>,
}

impl<R: Ord> Tie<R> {
    pub const MAX_ROLE_CHARS: usize = 200;
    pub const MAX_NOTE_CHARS: usize = 1000;

    /// Checks the rules that join the fields: the ends fit the kind, a tie
    /// does not join a record to itself, and it does not end before it starts.
    pub fn check(&self) -> Result<(), ValueError> {
        if !self.kind.allows(self.from.kind, self.to.kind) {
            let allowed: Vec<String> = self
                .kind
                .allowed_ends()
                .iter()
                .map(|(f, t)| format!("{f} → {t}"))
                .collect();
            return Err(ValueError::Rule(format!(
                "a {} tie cannot run {} → {}; it runs {}",
                self.kind,
                self.from.kind,
                self.to.kind,
                allowed.join(" or ")
            )));
        }
        if self.from == self.to {
            return Err(ValueError::Rule(
                "a tie cannot join a record to itself".into(),
            ));
        }
        if self.event.is_some() && !self.kind.names_event() {
            return Err(ValueError::Rule(format!(
                "a {} tie names no event; only met_at ties do",
                self.kind
            )));
        }
        if let Some(end) = self.end
            && end.last_day() < self.start.first_day()
        {
            return Err(ValueError::Rule(format!(
                "it ends ({end}) before it starts ({})",
                self.start
            )));
        }
        Ok(())
    }

    /// Puts the ends of a symmetric tie in canonical order, so that "A met B"
    /// and "B met A" are the same tie.
    pub fn canonical(mut self) -> Self {
        if self.kind.is_symmetric() && self.to < self.from {
            std::mem::swap(&mut self.from, &mut self.to);
        }
        self
    }

    pub fn map_ref<S>(self, mut f: impl FnMut(R) -> S) -> Tie<S> {
        Tie {
            kind: self.kind,
            from: Endpoint {
                kind: self.from.kind,
                key: f(self.from.key),
            },
            to: Endpoint {
                kind: self.to.kind,
                key: f(self.to.key),
            },
            start: self.start,
            end: self.end,
            strength: self.strength,
            role: self.role,
            note: self.note,
            asserted_by: self.asserted_by,
            asserted_at: self.asserted_at,
            visibility: self.visibility,
            event: self.event.map(f),
        }
    }

    /// Whether the tie held on `date`.
    pub fn active_on(&self, date: time::Date) -> bool {
        self.start.first_day() <= date && self.end.is_none_or(|end| date <= end.last_day())
    }
}

impl Tie<Uid> {
    /// The id of a tie that has none of its own: the same kind between the
    /// same records from the same date, at the same event if it names one,
    /// is the same tie.
    pub fn natural_uid(&self) -> Uid {
        let name = format!(
            "tie:{}:{}:{}:{}",
            self.kind, self.from.key, self.to.key, self.start
        );
        // A tie naming no event keeps the id it had before ties named events.
        Uid::from_name(&match self.event {
            Some(event) => format!("{name}:{event}"),
            None => name,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tie(kind: TieKind, from: EntityKind, to: EntityKind) -> Tie<u32> {
        Tie {
            kind,
            from: Endpoint { kind: from, key: 2 },
            to: Endpoint { kind: to, key: 1 },
            start: PartialDate::parse("1972").unwrap(),
            end: None,
            strength: None,
            role: None,
            note: None,
            asserted_by: Text::line("test", 10).unwrap(),
            asserted_at: Timestamp::now(),
            visibility: Visibility::Network,
            event: None,
        }
    }

    #[test]
    fn ends_must_fit_the_kind() {
        use EntityKind::{Organization as O, Person as P};
        assert!(tie(TieKind::StudiedAt, P, O).check().is_ok());
        let err = tie(TieKind::StudiedAt, O, P).check().unwrap_err();
        assert_eq!(
            err.to_string(),
            "a studied_at tie cannot run organization → person; it runs person → organization"
        );
        assert!(tie(TieKind::HostedIntern, O, P).check().is_ok());
        assert!(tie(TieKind::MemberOf, O, O).check().is_ok());
        // A person partners with an organization, either way round.
        for (from, to) in [(P, O), (O, P), (O, O)] {
            let t = tie(TieKind::PartneredWith, from, to);
            assert!(t.clone().check().is_ok());
            assert!(t.canonical().check().is_ok());
        }
        assert!(tie(TieKind::PartneredWith, P, P).check().is_err());
    }

    #[test]
    fn a_tie_cannot_end_before_it_starts_or_loop() {
        let mut t = tie(TieKind::Mentored, EntityKind::Person, EntityKind::Person);
        t.end = Some(PartialDate::parse("1971-12").unwrap());
        assert!(t.check().is_err());
        t.end = Some(PartialDate::parse("1972-01").unwrap());
        assert!(t.check().is_ok());
        t.to.key = 2;
        assert!(t.check().is_err());
    }

    #[test]
    fn people_and_organizations_attend_events_and_meet_at_them() {
        use EntityKind::{Event as E, Organization as O, Person as P};
        assert!(tie(TieKind::Attended, P, E).check().is_ok());
        assert!(tie(TieKind::Attended, O, E).check().is_ok());
        assert!(tie(TieKind::Attended, E, P).check().is_err());
        assert!(tie(TieKind::MemberOf, P, E).check().is_err());
        let mut met = tie(TieKind::MetAt, P, P);
        met.event = Some(7);
        assert!(met.check().is_ok());
        let mut mentored = tie(TieKind::Mentored, P, P);
        mentored.event = Some(7);
        assert_eq!(
            mentored.check().unwrap_err().to_string(),
            "a mentored tie names no event; only met_at ties do"
        );
    }

    #[test]
    fn two_meetings_on_one_day_at_two_events_are_two_ties() {
        let met = |event: Option<Uid>| Tie {
            kind: TieKind::MetAt,
            from: Endpoint {
                kind: EntityKind::Person,
                key: Uid::from_name("a"),
            },
            to: Endpoint {
                kind: EntityKind::Person,
                key: Uid::from_name("b"),
            },
            start: PartialDate::parse("2019-11-05").unwrap(),
            end: None,
            strength: None,
            role: None,
            note: None,
            asserted_by: Text::line("test", 10).unwrap(),
            asserted_at: Timestamp::now(),
            visibility: Visibility::Network,
            event,
        };
        let (seminar, fair) = (Uid::from_name("seminar"), Uid::from_name("fair"));
        let ids = [None, Some(seminar), Some(fair)].map(|e| met(e).natural_uid());
        assert_ne!(ids[0], ids[1]);
        assert_ne!(ids[1], ids[2]);
        assert_eq!(met(Some(fair)).natural_uid(), ids[2]);
    }

    #[test]
    fn symmetric_ties_have_one_order() {
        let t = tie(TieKind::MetAt, EntityKind::Person, EntityKind::Person).canonical();
        assert_eq!((t.from.key, t.to.key), (1, 2));
        let t = tie(TieKind::Mentored, EntityKind::Person, EntityKind::Person).canonical();
        assert_eq!((t.from.key, t.to.key), (2, 1));
    }

    #[test]
    fn activity_on_a_date_respects_precision() {
        let mut t = tie(TieKind::Mentored, EntityKind::Person, EntityKind::Person);
        t.end = Some(PartialDate::parse("1975").unwrap());
        let d = |s: &str| PartialDate::parse(s).unwrap().first_day();
        assert!(!t.active_on(d("1971-12-31")));
        assert!(t.active_on(d("1972-01-01")));
        assert!(t.active_on(d("1975-12-31")));
        assert!(!t.active_on(d("1976-01-01")));
    }

    #[test]
    fn strength_is_between_zero_and_one() {
        assert!(Strength::parse("0.5").is_ok());
        assert!(Strength::parse("1.5").is_err());
        assert!(Strength::parse("NaN").is_err());
    }
}
