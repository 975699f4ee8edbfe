use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize};
use time::{Date, Month, OffsetDateTime, UtcOffset, format_description::well_known::Rfc3339};

use crate::ValueError;

/// A date known to the year, the month or the day: "1972", "1972-04",
/// "1972-04-01". Old ties are often known only to the year ("studied in
/// Japan in 1968"), and a record must not invent a precision it lacks.
///
/// Dates order as their text does: "1972" < "1972-04" < "1972-04-01".
#[derive(Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

impl PartialDate {
    pub const MIN_YEAR: i32 = 1850;
    pub const MAX_YEAR: i32 = 2200;

    pub fn parse(input: &str) -> Result<PartialDate, ValueError> {
        const EXPECTED: &str = "a date as YYYY, YYYY-MM or YYYY-MM-DD";
        let input = input.trim();
        let bad = || ValueError::invalid(input, EXPECTED);
        let mut parts = input.split('-');
        let number = |part: Option<&str>, len: usize| -> Result<Option<u32>, ValueError> {
            match part {
                None => Ok(None),
                Some(p) if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| bad())
                }
                Some(_) => Err(bad()),
            }
        };
        let year = number(parts.next(), 4)?.ok_or_else(bad)?;
        let month = number(parts.next(), 2)?;
        let day = number(parts.next(), 2)?;
        if parts.next().is_some() {
            return Err(bad());
        }
        // The parts are at most four digits, so they fit.
        PartialDate::new(year as i32, month.map(|m| m as u8), day.map(|d| d as u8))
            .map_err(|_| bad())
    }

    /// A whole date, YYYY-MM-DD: a year or a month alone is refused.
    pub fn parse_day(input: &str) -> Result<Date, ValueError> {
        let date = PartialDate::parse(input)?;
        match date.day() {
            Some(_) => Ok(date.first_day()),
            None => Err(ValueError::Rule(format!(
                "{} is not a whole date (YYYY-MM-DD)",
                input.trim()
            ))),
        }
    }

    pub fn new(year: i32, month: Option<u8>, day: Option<u8>) -> Result<PartialDate, ValueError> {
        if !(PartialDate::MIN_YEAR..=PartialDate::MAX_YEAR).contains(&year) {
            return Err(ValueError::Rule(format!(
                "year {year} is outside {}-{}",
                PartialDate::MIN_YEAR,
                PartialDate::MAX_YEAR
            )));
        }
        if let Some(m) = month {
            let month = Month::try_from(m)
                .map_err(|_| ValueError::Rule(format!("month {m} does not exist")))?;
            if let Some(d) = day {
                Date::from_calendar_date(year, month, d).map_err(|_| {
                    ValueError::Rule(format!("{year}-{m:02}-{d:02} does not exist"))
                })?;
            }
        } else if day.is_some() {
            return Err(ValueError::Rule("a day needs a month".into()));
        }
        Ok(PartialDate { year, month, day })
    }

    pub fn from_date(date: Date) -> PartialDate {
        PartialDate {
            year: date.year(),
            month: Some(date.month() as u8),
            day: Some(date.day()),
        }
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn month(&self) -> Option<u8> {
        self.month
    }

    pub fn day(&self) -> Option<u8> {
        self.day
    }

    /// The first day the date may mean.
    pub fn first_day(&self) -> Date {
        let month = self
            .month
            .and_then(|m| Month::try_from(m).ok())
            .unwrap_or(Month::January);
        let day = self.day.unwrap_or(1);
        Date::from_calendar_date(self.year, month, day).unwrap_or(Date::MIN)
    }

    /// The last day the date may mean: "1972" ends on 1972-12-31.
    pub fn last_day(&self) -> Date {
        let month = self
            .month
            .and_then(|m| Month::try_from(m).ok())
            .unwrap_or(Month::December);
        let day = self.day.unwrap_or_else(|| month.length(self.year));
        Date::from_calendar_date(self.year, month, day).unwrap_or(Date::MAX)
    }

    fn key(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PartialDate({self})")
    }
}

impl TryFrom<String> for PartialDate {
    type Error = ValueError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        PartialDate::parse(&value)
    }
}

impl From<PartialDate> for String {
    fn from(value: PartialDate) -> Self {
        value.to_string()
    }
}

/// An instant in UTC, to the microsecond: the precision both database
/// engines keep, so that a record reads back exactly as it was written.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    pub fn now() -> Timestamp {
        Timestamp::from_offset_date_time(OffsetDateTime::now_utc())
    }

    pub fn from_offset_date_time(at: OffsetDateTime) -> Timestamp {
        let at = at.to_offset(UtcOffset::UTC);
        let micros = at.microsecond();
        Timestamp(at.replace_microsecond(micros).unwrap_or(at))
    }

    pub fn from_unix_micros(micros: i64) -> Option<Timestamp> {
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(micros) * 1000)
            .ok()
            .map(Timestamp)
    }

    pub fn unix_micros(&self) -> i64 {
        // Within the years a timestamp can hold, micros fit in an i64.
        (self.0.unix_timestamp_nanos() / 1000) as i64
    }

    pub fn parse(input: &str) -> Result<Timestamp, ValueError> {
        OffsetDateTime::parse(input.trim(), &Rfc3339)
            .map(Timestamp::from_offset_date_time)
            .map_err(|_| {
                ValueError::invalid(
                    input,
                    "a time in RFC 3339 form, such as 2024-05-01T09:30:00Z",
                )
            })
    }

    pub fn offset_date_time(&self) -> OffsetDateTime {
        self.0
    }

    pub fn date(&self) -> Date {
        self.0.date()
    }
}

impl Timestamp {
    /// The RFC 3339 text, `YYYY-MM-DDTHH:MM:SS.ffffffZ`, written without
    /// the formatting machinery: bulk loads write two per row.
    pub fn rfc3339(&self) -> [u8; 27] {
        let t = self.0;
        let mut out = *b"0000-00-00T00:00:00.000000Z";
        let mut put = |at: usize, width: usize, mut value: u32| {
            for i in (at..at + width).rev() {
                out[i] = b'0' + (value % 10) as u8;
                value /= 10;
            }
        };
        put(0, 4, t.year().clamp(0, 9999) as u32);
        put(5, 2, t.month() as u32);
        put(8, 2, u32::from(t.day()));
        put(11, 2, u32::from(t.hour()));
        put(14, 2, u32::from(t.minute()));
        put(17, 2, u32::from(t.second()));
        put(20, 6, t.microsecond());
        out
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.rfc3339();
        f.write_str(std::str::from_utf8(&text).map_err(|_| fmt::Error)?)
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({self})")
    }
}

impl TryFrom<String> for Timestamp {
    type Error = ValueError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Timestamp::parse(&value)
    }
}

impl From<Timestamp> for String {
    fn from(value: Timestamp) -> Self {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn partial_dates_parse_at_three_precisions() {
        for text in ["1972", "1972-04", "1972-04-01", "2000-02-29"] {
            assert_eq!(PartialDate::parse(text).unwrap().to_string(), text);
        }
        for bad in [
            "72",
            "1972-4",
            "1972-13",
            "1972-02-30",
            "2001-02-29",
            "1972-04-01-01",
            "",
            "1700",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn partial_dates_span_their_precision() {
        let year = PartialDate::parse("1972").unwrap();
        assert_eq!(year.first_day().to_string(), "1972-01-01");
        assert_eq!(year.last_day().to_string(), "1972-12-31");
        let month = PartialDate::parse("2024-02").unwrap();
        assert_eq!(month.last_day().to_string(), "2024-02-29");
    }

    #[test]
    fn timestamps_round_trip_through_text_at_microsecond_precision() {
        let t = Timestamp::parse("2024-05-01T09:30:00.123456789+07:00").unwrap();
        assert_eq!(t.to_string(), "2024-05-01T02:30:00.123456Z");
        assert_eq!(Timestamp::parse(&t.to_string()).unwrap(), t);
        assert_eq!(Timestamp::from_unix_micros(t.unix_micros()).unwrap(), t);
    }

    proptest! {
        #[test]
        fn partial_date_order_is_text_order(a in 1850i32..2200, am in 0u8..13, b in 1850i32..2200, bm in 0u8..13) {
            let a = PartialDate::new(a, (am > 0).then_some(am), None).unwrap();
            let b = PartialDate::new(b, (bm > 0).then_some(bm), None).unwrap();
            prop_assert_eq!(a.cmp(&b), a.to_string().cmp(&b.to_string()));
        }
    }
}
