//! A participant's journey through a program: the states, the moves the
//! rules allow between them, and a history that only grows.
//!
//! A journey is its list of entries. An entry either moves the participant
//! to a next state or retracts the latest move still in effect (a mistake
//! corrected). Nothing is ever edited or removed, so the history shows what
//! was recorded, by whom and when, including the mistakes.

use std::fmt;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::entity::keyword_enum;
use crate::{Text, ValueError};

/// Where a participant stands in a program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JourneyState {
    Applied,
    Selected,
    PreDeparture,
    Active,
    Completed,
    Returned,
    FollowUp,
    Withdrawn,
    Rejected,
}

keyword_enum!(JourneyState, "a journey state (applied, selected, pre_departure, active, completed, returned, follow_up, withdrawn, rejected)", {
    Applied => "applied",
    Selected => "selected",
    PreDeparture => "pre_departure",
    Active => "active",
    Completed => "completed",
    Returned => "returned",
    FollowUp => "follow_up",
    Withdrawn => "withdrawn",
    Rejected => "rejected",
});

impl JourneyState {
    /// Where every journey begins.
    pub const START: JourneyState = JourneyState::Applied;

    /// The states a participant may move to from this one.
    ///
    /// Pre-departure training is skipped by programs held at home (overseas
    /// training, seminars), and returning by those with nowhere to return
    /// from, so both may be passed over.
    pub fn next(self) -> &'static [JourneyState] {
        use JourneyState::*;
        match self {
            Applied => &[Selected, Rejected, Withdrawn],
            Selected => &[PreDeparture, Active, Withdrawn],
            PreDeparture => &[Active, Withdrawn],
            Active => &[Completed, Withdrawn],
            Completed => &[Returned, FollowUp],
            Returned => &[FollowUp],
            FollowUp | Withdrawn | Rejected => &[],
        }
    }

    pub fn can_move_to(self, to: JourneyState) -> bool {
        self.next().contains(&to)
    }

    /// Whether the participant has finished the program itself.
    pub fn has_completed(self) -> bool {
        matches!(
            self,
            JourneyState::Completed | JourneyState::Returned | JourneyState::FollowUp
        )
    }

    /// Whether nothing can follow.
    pub fn is_final(self) -> bool {
        self.next().is_empty()
    }
}

/// What one journey entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum JourneyAction {
    /// The participant moved to `to`.
    Move { to: JourneyState },
    /// The move recorded as entry `entry` was a mistake: the participant is
    /// back where they were before it.
    Retract { entry: u32 },
}

/// One entry of a journey's history: numbered from 1, dated, attributed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JourneyEntry {
    pub number: u32,
    #[serde(flatten)]
    pub action: JourneyAction,
    /// The day it happened (not when it was recorded).
    pub on: Date,
    /// Who recorded it: `user:EMAIL`, `cli`, an import file.
    pub by: Text,
    pub note: Option<Text>,
}

/// Why a journey entry was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JourneyError {
    /// The move is not one the rules allow from where the participant is.
    NotAllowed {
        from: JourneyState,
        to: JourneyState,
    },
    /// Only the latest move still in effect may be retracted.
    NotRetractable { entry: u32, latest: Option<u32> },
    /// A move dated before the move it follows.
    BeforePrevious { on: Date, previous: Date },
    /// A retraction needs a reason.
    ReasonRequired,
}

impl fmt::Display for JourneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JourneyError::NotAllowed { from, to } => {
                let allowed: Vec<&str> = from.next().iter().map(|s| s.as_str()).collect();
                if allowed.is_empty() {
                    write!(f, "cannot move from {from} to {to}: {from} is final")
                } else {
                    write!(
                        f,
                        "cannot move from {from} to {to}; from {from} a participant may move to {}",
                        allowed.join(", ")
                    )
                }
            }
            JourneyError::NotRetractable {
                entry,
                latest: Some(latest),
            } => write!(
                f,
                "entry {entry} cannot be retracted; only the latest move in effect (entry {latest}) can"
            ),
            JourneyError::NotRetractable {
                entry,
                latest: None,
            } => write!(f, "entry {entry} cannot be retracted; no move is in effect"),
            JourneyError::BeforePrevious { on, previous } => {
                write!(f, "is dated {on}, before the move it follows ({previous})")
            }
            JourneyError::ReasonRequired => {
                write!(f, "a retraction needs a note saying why")
            }
        }
    }
}

impl std::error::Error for JourneyError {}

impl From<JourneyError> for ValueError {
    fn from(error: JourneyError) -> ValueError {
        ValueError::Rule(error.to_string())
    }
}

/// A participant's journey: its history, and the state it leads to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journey {
    entries: Vec<JourneyEntry>,
}

impl Journey {
    /// A journey from entries read back from storage, checked entry by entry.
    pub fn from_entries(entries: Vec<JourneyEntry>) -> Result<Journey, JourneyError> {
        let mut journey = Journey::default();
        for entry in entries {
            journey.check(&entry.action, entry.on, entry.note.as_ref())?;
            journey.entries.push(entry);
        }
        Ok(journey)
    }

    pub fn entries(&self) -> &[JourneyEntry] {
        &self.entries
    }

    /// The moves in effect, oldest first: every move not retracted.
    pub fn effective(&self) -> Vec<&JourneyEntry> {
        let mut effective: Vec<&JourneyEntry> = Vec::new();
        for entry in &self.entries {
            match entry.action {
                JourneyAction::Move { .. } => effective.push(entry),
                JourneyAction::Retract { .. } => {
                    effective.pop();
                }
            }
        }
        effective
    }

    /// Where the participant stands now.
    pub fn state(&self) -> JourneyState {
        self.effective()
            .last()
            .map_or(JourneyState::START, |entry| match entry.action {
                JourneyAction::Move { to } => to,
                JourneyAction::Retract { .. } => JourneyState::START,
            })
    }

    /// The day the participant reached their current state, if by a move.
    pub fn since(&self) -> Option<Date> {
        self.effective().last().map(|e| e.on)
    }

    /// The day the latest move in effect to `state` happened.
    pub fn reached(&self, state: JourneyState) -> Option<Date> {
        self.effective()
            .into_iter()
            .rev()
            .find(|e| e.action == JourneyAction::Move { to: state })
            .map(|e| e.on)
    }

    /// Checks `action` against the journey as it stands, without recording it.
    pub fn check(
        &self,
        action: &JourneyAction,
        on: Date,
        note: Option<&Text>,
    ) -> Result<(), JourneyError> {
        let effective = self.effective();
        match *action {
            JourneyAction::Move { to } => {
                let from = self.state();
                if !from.can_move_to(to) {
                    return Err(JourneyError::NotAllowed { from, to });
                }
                if let Some(previous) = effective.last().map(|e| e.on)
                    && on < previous
                {
                    return Err(JourneyError::BeforePrevious { on, previous });
                }
                Ok(())
            }
            JourneyAction::Retract { entry } => {
                let latest = effective.last().map(|e| e.number);
                if latest != Some(entry) {
                    return Err(JourneyError::NotRetractable { entry, latest });
                }
                if note.is_none_or(|n| n.as_str().trim().is_empty()) {
                    return Err(JourneyError::ReasonRequired);
                }
                Ok(())
            }
        }
    }

    /// Records `action` if the rules allow it; the history only grows.
    pub fn record(
        &mut self,
        action: JourneyAction,
        on: Date,
        by: Text,
        note: Option<Text>,
    ) -> Result<&JourneyEntry, JourneyError> {
        self.check(&action, on, note.as_ref())?;
        let number = self.entries.last().map_or(1, |e| e.number + 1);
        self.entries.push(JourneyEntry {
            number,
            action,
            on,
            by,
            note,
        });
        Ok(&self.entries[self.entries.len() - 1])
    }
}

impl Journey {
    /// The journey as one cell of a file, entries in order:
    /// `selected 2024-02-01; active 2024-04-01; retract 2 2024-04-03: wrong cohort`.
    /// Moves keep their state and day, retractions their entry, day and
    /// reason; who recorded an entry, and a move's note, stay in kyoso.
    pub fn to_line(&self) -> String {
        let entries: Vec<String> = self
            .entries
            .iter()
            .map(|e| match e.action {
                JourneyAction::Move { to } => format!("{to} {}", e.on),
                JourneyAction::Retract { entry } => {
                    let reason = e.note.as_ref().map_or("", |n| n.as_str());
                    // A reason cannot hold the separator of entries.
                    format!(
                        "retract {entry} {}: {}",
                        e.on,
                        reason.replace([';', '\n'], ",")
                    )
                }
            })
            .collect();
        entries.join("; ")
    }

    /// Reads a journey cell, every entry checked by the rules as if it were
    /// being recorded now, by `by`.
    pub fn from_line(line: &str, by: &Text) -> Result<Journey, ValueError> {
        const EXPECTED: &str = "journey entries such as \"selected 2024-02-01; active 2024-04-01\" or \"retract 2 2024-04-03: reason\"";
        let mut journey = Journey::default();
        for (i, part) in line
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .enumerate()
        {
            let (head, reason) = match part.split_once(':') {
                Some((head, reason)) => (head.trim(), Some(reason.trim())),
                None => (part, None),
            };
            let words: Vec<&str> = head.split_whitespace().collect();
            let day = |text: &str| -> Result<Date, ValueError> {
                let date = crate::PartialDate::parse(text)?;
                match date.day() {
                    Some(_) => Ok(date.first_day()),
                    None => Err(ValueError::Rule(format!(
                        "entry {}: {text} is not a whole date",
                        i + 1
                    ))),
                }
            };
            let (action, on, note) = match words.as_slice() {
                ["retract", entry, on] => {
                    let entry = entry
                        .parse::<u32>()
                        .map_err(|_| ValueError::invalid(part, EXPECTED))?;
                    let note = reason
                        .filter(|r| !r.is_empty())
                        .map(|r| Text::line(r, 2000))
                        .transpose()?;
                    (JourneyAction::Retract { entry }, day(on)?, note)
                }
                [state, on] if reason.is_none() => {
                    let to = state.parse::<JourneyState>()?;
                    (JourneyAction::Move { to }, day(on)?, None)
                }
                _ => return Err(ValueError::invalid(part, EXPECTED)),
            };
            journey
                .record(action, on, by.clone(), note)
                .map_err(|e| ValueError::Rule(format!("entry {}: {e}", i + 1)))?;
        }
        Ok(journey)
    }

    /// Whether this journey's entries begin with every entry of `earlier`
    /// (same actions on the same days): the history was only added to.
    pub fn extends(&self, earlier: &Journey) -> bool {
        earlier.entries.len() <= self.entries.len()
            && earlier
                .entries
                .iter()
                .zip(&self.entries)
                .all(|(a, b)| a.action == b.action && a.on == b.on)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn by() -> Text {
        Text::line("user:officer@aots.example", 200).unwrap()
    }

    fn reason() -> Option<Text> {
        Some(Text::line("recorded by mistake", 200).unwrap())
    }

    fn go(journey: &mut Journey, to: JourneyState, on: Date) -> Result<u32, JourneyError> {
        journey
            .record(JourneyAction::Move { to }, on, by(), None)
            .map(|e| e.number)
    }

    #[test]
    fn a_training_journey_from_application_to_follow_up() {
        use JourneyState::*;
        let mut journey = Journey::default();
        assert_eq!(journey.state(), Applied);
        let mut on = date!(2024 - 01 - 10);
        for to in [
            Selected,
            PreDeparture,
            Active,
            Completed,
            Returned,
            FollowUp,
        ] {
            go(&mut journey, to, on).unwrap();
            on = on.next_day().unwrap();
        }
        assert_eq!(journey.state(), FollowUp);
        assert_eq!(journey.reached(Active), Some(date!(2024 - 01 - 12)));
        assert!(journey.state().is_final());
    }

    #[test]
    fn an_illegal_move_names_where_the_participant_is_and_may_go() {
        let mut journey = Journey::default();
        let error = go(&mut journey, JourneyState::Completed, date!(2024 - 01 - 01)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "cannot move from applied to completed; from applied a participant may move to selected, rejected, withdrawn"
        );
        assert!(
            journey.entries().is_empty(),
            "a refused move records nothing"
        );
    }

    #[test]
    fn a_mistake_is_retracted_by_a_new_entry() {
        use JourneyState::*;
        let mut journey = Journey::default();
        go(&mut journey, Selected, date!(2024 - 02 - 01)).unwrap();
        let wrong = go(&mut journey, Withdrawn, date!(2024 - 02 - 02)).unwrap();
        let refused = journey.record(
            JourneyAction::Retract { entry: wrong },
            date!(2024 - 02 - 03),
            by(),
            None,
        );
        assert_eq!(refused.unwrap_err(), JourneyError::ReasonRequired);
        journey
            .record(
                JourneyAction::Retract { entry: wrong },
                date!(2024 - 02 - 03),
                by(),
                reason(),
            )
            .unwrap();
        assert_eq!(journey.state(), Selected);
        assert_eq!(
            journey.entries().len(),
            3,
            "the mistake stays in the history"
        );
        let error = journey
            .record(
                JourneyAction::Retract { entry: wrong },
                date!(2024 - 02 - 04),
                by(),
                reason(),
            )
            .unwrap_err();
        assert_eq!(
            error,
            JourneyError::NotRetractable {
                entry: wrong,
                latest: Some(1)
            }
        );
    }

    #[test]
    fn moves_do_not_go_back_in_time() {
        let mut journey = Journey::default();
        go(&mut journey, JourneyState::Selected, date!(2024 - 03 - 01)).unwrap();
        let error = go(&mut journey, JourneyState::Active, date!(2024 - 02 - 01)).unwrap_err();
        assert!(error.to_string().contains("before the move it follows"));
    }

    #[test]
    fn a_journey_reads_back_from_its_line() {
        use JourneyState::*;
        let mut journey = Journey::default();
        go(&mut journey, Selected, date!(2024 - 02 - 01)).unwrap();
        go(&mut journey, Withdrawn, date!(2024 - 02 - 02)).unwrap();
        journey
            .record(
                JourneyAction::Retract { entry: 2 },
                date!(2024 - 02 - 03),
                by(),
                reason(),
            )
            .unwrap();
        go(&mut journey, Active, date!(2024 - 04 - 01)).unwrap();
        let line = journey.to_line();
        assert_eq!(
            line,
            "selected 2024-02-01; withdrawn 2024-02-02; retract 2 2024-02-03: recorded by mistake; active 2024-04-01"
        );
        let back = Journey::from_line(&line, &by()).unwrap();
        assert_eq!(back.to_line(), line);
        assert_eq!(back.state(), Active);
        assert!(back.extends(&journey) && journey.extends(&back));
        let error =
            Journey::from_line("selected 2024-02-01; completed 2024-03-01", &by()).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("entry 2: cannot move from selected to completed"),
            "{error}"
        );
        assert!(Journey::from_line("selected 2024-02", &by()).is_err());
        assert!(Journey::from_line("flying 2024-02-01", &by()).is_err());
        assert!(Journey::from_line("", &by()).unwrap().entries().is_empty());
    }

    fn any_state() -> impl Strategy<Value = JourneyState> {
        proptest::sample::select(JourneyState::ALL)
    }

    #[derive(Debug, Clone)]
    enum Call {
        Move(JourneyState, u8),
        Retract(u32, bool),
    }

    fn any_call() -> impl Strategy<Value = Call> {
        prop_oneof![
            3 => (any_state(), 0u8..3).prop_map(|(s, days)| Call::Move(s, days)),
            1 => (1u32..12, any::<bool>()).prop_map(|(e, why)| Call::Retract(e, why)),
        ]
    }

    proptest! {
        /// Whatever is asked, the moves in effect are a path the rules
        /// allow, dated in order; a refused call records nothing; and the
        /// history only grows, each entry kept as it was.
        #[test]
        fn no_sequence_of_calls_reaches_an_illegal_state(calls in proptest::collection::vec(any_call(), 0..40)) {
            let mut journey = Journey::default();
            let mut on = date!(2020 - 01 - 01);
            for call in calls {
                let before = journey.entries().to_vec();
                let result = match call {
                    Call::Move(to, days) => {
                        // Now and then a date before the last one.
                        let day = if days == 0 { on.previous_day().unwrap() } else { on };
                        on = on.next_day().unwrap();
                        journey.record(JourneyAction::Move { to }, day, by(), None).map(|_| ())
                    }
                    Call::Retract(entry, why) => journey
                        .record(JourneyAction::Retract { entry }, on, by(), if why { reason() } else { None })
                        .map(|_| ()),
                };
                let after = journey.entries();
                prop_assert!(after.starts_with(&before), "history only grows");
                prop_assert_eq!(after.len(), before.len() + usize::from(result.is_ok()));

                let mut state = JourneyState::START;
                let mut last_day: Option<Date> = None;
                for entry in journey.effective() {
                    let JourneyAction::Move { to } = entry.action else {
                        prop_assert!(false, "only moves are in effect");
                        continue;
                    };
                    prop_assert!(state.can_move_to(to), "{} -> {}", state, to);
                    prop_assert!(last_day.is_none_or(|d| d <= entry.on));
                    state = to;
                    last_day = Some(entry.on);
                }
                prop_assert_eq!(state, journey.state());
                prop_assert_eq!(Journey::from_entries(after.to_vec()), Ok(journey.clone()), "a stored history reads back the same");
            }
            // And a file's line of it reads back to the same entries.
            let line = journey.to_line();
            let read = Journey::from_line(&line, &by());
            prop_assert!(read.as_ref().is_ok_and(|r| r.extends(&journey) && journey.extends(r)), "{line}: {read:?}");
        }
    }
}
