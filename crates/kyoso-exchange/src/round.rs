//! An assignment round in CSV: one row per candidate pair, the host's
//! capacity and the participant's country and gender repeated on each of
//! their rows, so that a round is one sheet a coordinator can edit.
//!
//! ```text
//! participant,host,score,capacity,participant_preference,host_preference,country,gender
//! TH-2024-001,Sakai Precision,0.82,3,,,TH,female
//! ```
//!
//! `score` (what the optimal mode maximizes) and the two preferences (what
//! the stable mode ranks by; each defaults to `score`) are numbers with up
//! to six decimals. Every fault is named by line and column, and a round
//! with any fault is refused whole.

use std::collections::HashMap;
use std::io::Read;

use kyoso_domain::{CountryCode, Gender, RowError};

use crate::ReadError;

/// The columns of a round file; the first four are required.
pub const ROUND_COLUMNS: [&str; 8] = [
    "participant",
    "host",
    "score",
    "capacity",
    "participant_preference",
    "host_preference",
    "country",
    "gender",
];

/// The most a score may be, so that a round's total stays exact.
pub const MAX_ROUND_SCORE: f64 = 1_000_000.0;
/// The most a host may take.
pub const MAX_CAPACITY: u32 = 100_000;

#[derive(Debug, Clone, PartialEq)]
pub struct RoundParticipant {
    pub id: String,
    pub country: Option<CountryCode>,
    pub gender: Option<Gender>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RoundHost {
    pub id: String,
    pub capacity: u32,
}

/// A pair, by index into the round's participants and hosts; scores in
/// millionths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundPair {
    pub participant: u32,
    pub host: u32,
    pub score: i64,
    pub participant_preference: i64,
    pub host_preference: i64,
    /// The line it was read from.
    pub line: u64,
}

/// A round as read: participants and hosts in order of first mention.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Round {
    pub participants: Vec<RoundParticipant>,
    pub hosts: Vec<RoundHost>,
    pub pairs: Vec<RoundPair>,
}

/// Reads a round from CSV. `Err(ReadError)` when the file cannot be read as
/// CSV at all; `Ok(Err(faults))` lists every bad row.
pub fn read_round(input: impl Read) -> Result<Result<Round, Vec<RowError>>, ReadError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(input);
    let headers = reader.headers().map_err(|e| ReadError::Header {
        line: 1,
        message: e.to_string(),
    })?;
    let mut column = HashMap::new();
    for (at, name) in headers.iter().enumerate() {
        let name = name
            .trim()
            .trim_start_matches('\u{feff}')
            .to_ascii_lowercase();
        if !ROUND_COLUMNS.contains(&name.as_str()) {
            return Err(ReadError::Header {
                line: 1,
                message: format!(
                    "unknown column \"{name}\"; a round has {}",
                    ROUND_COLUMNS.join(", ")
                ),
            });
        }
        if column.insert(name.clone(), at).is_some() {
            return Err(ReadError::Header {
                line: 1,
                message: format!("the column \"{name}\" appears twice"),
            });
        }
    }
    for required in &ROUND_COLUMNS[..4] {
        if !column.contains_key(*required) {
            return Err(ReadError::Header {
                line: 1,
                message: format!("the column \"{required}\" is required"),
            });
        }
    }
    let mut round = Round::default();
    let mut faults = Vec::new();
    let mut participant_at: HashMap<String, (u32, u64)> = HashMap::new();
    let mut host_at: HashMap<String, (u32, u64)> = HashMap::new();
    let mut pair_at: HashMap<(u32, u32), u64> = HashMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| ReadError::Syntax {
            line: e.position().map_or(0, |p| p.line()),
            message: e.to_string(),
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let cell = |name: &str| {
            column
                .get(name)
                .and_then(|&at| record.get(at))
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        let mut fault =
            |field: &str, message: String| faults.push(RowError::new(line, field, message));
        let participant = cell("participant");
        let host = cell("host");
        if participant.is_none() {
            fault("participant", "is required".into());
        }
        if host.is_none() {
            fault("host", "is required".into());
        }
        let score = number(cell("score"), "score", &mut fault);
        let participant_preference = match cell("participant_preference") {
            Some(v) => number(Some(v), "participant_preference", &mut fault),
            None => score,
        };
        let host_preference = match cell("host_preference") {
            Some(v) => number(Some(v), "host_preference", &mut fault),
            None => score,
        };
        let capacity = match cell("capacity").map(str::parse::<u32>) {
            None => {
                fault("capacity", "is required".into());
                None
            }
            Some(Ok(c)) if c <= MAX_CAPACITY => Some(c),
            Some(_) => {
                fault(
                    "capacity",
                    format!("is not a whole number from 0 to {MAX_CAPACITY}"),
                );
                None
            }
        };
        let country = match cell("country").map(CountryCode::parse) {
            None => None,
            Some(Ok(c)) => Some(c),
            Some(Err(e)) => {
                fault("country", e.to_string());
                None
            }
        };
        let gender = match cell("gender").map(str::parse::<Gender>) {
            None => None,
            Some(Ok(g)) => Some(g),
            Some(Err(e)) => {
                fault("gender", e.to_string());
                None
            }
        };
        let (Some(participant), Some(host), Some(score), Some(pp), Some(hp), Some(capacity)) = (
            participant,
            host,
            score,
            participant_preference,
            host_preference,
            capacity,
        ) else {
            continue;
        };
        let p = match participant_at.get(participant) {
            Some(&(index, first)) => {
                let known = &round.participants[index as usize];
                if country.is_some() && known.country.is_some() && known.country != country {
                    fault(
                        "country",
                        format!("differs from line {first}, where {participant} first appears"),
                    );
                }
                if gender.is_some() && known.gender.is_some() && known.gender != gender {
                    fault(
                        "gender",
                        format!("differs from line {first}, where {participant} first appears"),
                    );
                }
                let known = &mut round.participants[index as usize];
                known.country = known.country.or(country);
                known.gender = known.gender.or(gender);
                index
            }
            None => {
                let index = round.participants.len() as u32;
                participant_at.insert(participant.to_owned(), (index, line));
                round.participants.push(RoundParticipant {
                    id: participant.to_owned(),
                    country,
                    gender,
                });
                index
            }
        };
        let h = match host_at.get(host) {
            Some(&(index, first)) => {
                if round.hosts[index as usize].capacity != capacity {
                    fault(
                        "capacity",
                        format!(
                            "is {capacity}, but line {first} gives {host} a capacity of {}",
                            round.hosts[index as usize].capacity
                        ),
                    );
                }
                index
            }
            None => {
                let index = round.hosts.len() as u32;
                host_at.insert(host.to_owned(), (index, line));
                round.hosts.push(RoundHost {
                    id: host.to_owned(),
                    capacity,
                });
                index
            }
        };
        if let Some(first) = pair_at.insert((p, h), line) {
            fault(
                "host",
                format!("{participant} and {host} are already paired on line {first}"),
            );
            continue;
        }
        round.pairs.push(RoundPair {
            participant: p,
            host: h,
            score,
            participant_preference: pp,
            host_preference: hp,
            line,
        });
    }
    Ok(if faults.is_empty() {
        Ok(round)
    } else {
        Err(faults)
    })
}

/// A score in millionths: finite, at most six decimals, within
/// ±[`MAX_ROUND_SCORE`].
fn number(value: Option<&str>, field: &str, fault: &mut impl FnMut(&str, String)) -> Option<i64> {
    let Some(text) = value else {
        fault(field, "is required".into());
        return None;
    };
    let decimals = text.split_once('.').map_or(0, |(_, d)| d.len());
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= MAX_ROUND_SCORE && decimals <= 6 => {
            Some((v * 1_000_000.0).round() as i64)
        }
        _ => {
            fault(
                field,
                format!(
                    "\"{text}\" is not a number from -{MAX_ROUND_SCORE} to {MAX_ROUND_SCORE} with at most six decimals"
                ),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Round, Vec<RowError>> {
        read_round(text.as_bytes()).unwrap()
    }

    #[test]
    fn a_round_reads_its_people_hosts_and_pairs() {
        let round = read(
            "\u{feff}Participant,HOST,score,capacity,country,gender\n\
             TH-1,Sakai Precision,0.82,2,TH,female\n\
             TH-1,Osaka Dies,0.5,1,,\n\
             VN-7,Sakai Precision,0.9,2,VN,male\n",
        )
        .unwrap();
        assert_eq!(round.participants.len(), 2);
        assert_eq!(round.hosts[0].capacity, 2);
        assert_eq!(round.pairs[0].score, 820_000);
        assert_eq!(round.pairs[0].participant_preference, 820_000);
        assert_eq!(round.participants[0].country.unwrap().as_str(), "TH");
        assert_eq!(round.pairs[2].line, 4);
    }

    #[test]
    fn every_fault_is_named_by_line_and_column() {
        let faults = read(
            "participant,host,score,capacity,country\n\
             TH-1,A,0.5,2,TH\n\
             TH-1,A,0.7,2,TH\n\
             TH-2,A,x,3,XX\n\
             ,B,1e400,-1,\n\
             TH-1,C,0.5,1,VN\n\
             TH-3,C,0.1234567,1,\n",
        )
        .unwrap_err();
        let named: Vec<(u64, &str)> = faults
            .iter()
            .map(|f| (f.line, f.field.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            named,
            vec![
                (3, "host"),
                (4, "score"),
                (4, "country"),
                (5, "participant"),
                (5, "score"),
                (5, "capacity"),
                (6, "country"),
                (7, "score"),
            ],
            "{faults:?}"
        );
        assert!(
            faults[0].message.contains("line 2"),
            "{}",
            faults[0].message
        );
    }

    #[test]
    fn a_wrong_header_is_refused_before_any_row() {
        for (text, needle) in [
            ("participant,host,score\nA,B,1\n", "capacity"),
            ("participant,host,score,capacity,colour\n", "colour"),
            ("participant,host,host,score,capacity\n", "twice"),
        ] {
            let err = read_round(text.as_bytes()).unwrap_err();
            assert!(err.to_string().contains(needle), "{err}");
        }
        let err = read_round("participant,host,score,capacity\nA,B,1\n".as_bytes()).unwrap_err();
        assert!(err.to_string().starts_with("line 2"), "{err}");
    }
}
