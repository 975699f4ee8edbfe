//! Events as records of the network: a conference, a seminar, an alumni
//! gathering. People and organizations attend them (`attended` ties), and
//! a `met_at` tie may name the event two people met at.

use serde::{Deserialize, Serialize};

use crate::entity::keyword_enum;
use crate::{CountryCode, Names, PartialDate, Text, ValueError, Visibility};

/// What kind of gathering an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Conference,
    Seminar,
    Workshop,
    /// A training course held as one event: a week's kaizen training.
    Training,
    TradeFair,
    /// A visit of factories, farms or sites, in Japan or abroad.
    StudyTour,
    /// An alumni society's meeting, reunion or convention.
    AlumniGathering,
    /// A meeting of partners arranged to make business matches.
    BusinessMatching,
    Other,
}

keyword_enum!(EventKind, "an event kind (conference, seminar, workshop, training, trade_fair, study_tour, alumni_gathering, business_matching, other)", {
    Conference => "conference",
    Seminar => "seminar",
    Workshop => "workshop",
    Training => "training",
    TradeFair => "trade_fair",
    StudyTour => "study_tour",
    AlumniGathering => "alumni_gathering",
    BusinessMatching => "business_matching",
    Other => "other",
});

/// An event people and organizations take part in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event<R> {
    pub names: Names,
    pub kind: EventKind,
    pub start: PartialDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// Where it is held: a venue, a city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Text>,
    /// The country it is held in; none for one held online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// The organization that holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organizer: Option<R>,
    pub visibility: Visibility,
}

impl<R> Event<R> {
    pub const MAX_PLACE_CHARS: usize = 200;

    /// Checks the rules that join the fields: it does not end before it
    /// starts.
    pub fn check(&self) -> Result<(), ValueError> {
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

    pub fn map_ref<S>(self, f: impl FnOnce(R) -> S) -> Event<S> {
        Event {
            names: self.names,
            kind: self.kind,
            start: self.start,
            end: self.end,
            place: self.place,
            country: self.country,
            organizer: self.organizer.map(f),
            visibility: self.visibility,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(start: &str, end: Option<&str>) -> Event<u32> {
        Event {
            names: Names::new(
                None,
                Some(Text::line("AOTS Alumni Convention", 200).unwrap()),
                None,
            )
            .unwrap(),
            kind: EventKind::AlumniGathering,
            start: PartialDate::parse(start).unwrap(),
            end: end.map(|e| PartialDate::parse(e).unwrap()),
            place: None,
            country: None,
            organizer: None,
            visibility: Visibility::Network,
        }
    }

    #[test]
    fn an_event_does_not_end_before_it_starts() {
        assert!(event("2019-11-05", Some("2019-11-07")).check().is_ok());
        assert!(event("2019-11", Some("2019-11-01")).check().is_ok());
        let err = event("2019-11-05", Some("2019-11-04")).check().unwrap_err();
        assert_eq!(
            err.to_string(),
            "it ends (2019-11-04) before it starts (2019-11-05)"
        );
    }

    #[test]
    fn kinds_read_as_written() {
        assert_eq!(
            "Trade_Fair".parse::<EventKind>().unwrap(),
            EventKind::TradeFair
        );
        assert!("party".parse::<EventKind>().is_err());
    }
}
