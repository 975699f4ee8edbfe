//! Assignment rounds: participants to hosts from a round file, by maximum
//! total score or by deferred acceptance, with who got nothing and why,
//! and how fairly places fell by country and by gender.

use std::path::Path;

use kyoso_domain::RowError;
use kyoso_exchange::{Round, read_round};
pub use kyoso_matching::Mode;
use kyoso_matching::{Candidate, Instance, Unassigned};
use serde::Serialize;

use crate::ServiceError;

/// One participant's outcome.
#[derive(Debug, Clone, Serialize)]
pub struct Placement {
    pub participant: String,
    pub host: Option<String>,
    /// The pair's score, when placed.
    pub score: Option<f64>,
    /// Why not placed: `no_candidates`, `hosts_full` or `not_worth_it`.
    pub reason: Option<&'static str>,
}

/// How one group of participants fared.
#[derive(Debug, Clone, Serialize)]
pub struct GroupShare {
    /// `country` or `gender`.
    pub by: &'static str,
    pub group: String,
    pub participants: usize,
    pub placed: usize,
    /// The mean score of the group's placements.
    pub mean_score: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoundOutcome {
    pub mode: &'static str,
    pub participants: usize,
    pub hosts: usize,
    pub capacity: u64,
    pub placed: usize,
    pub total_score: f64,
    pub placements: Vec<Placement>,
    pub fairness: Vec<GroupShare>,
}

fn reason(why: Unassigned) -> &'static str {
    match why {
        Unassigned::NoCandidates => "no_candidates",
        Unassigned::HostsFull => "hosts_full",
        Unassigned::NotWorthIt => "not_worth_it",
    }
}

/// Reads the round at `path` and assigns it. Bad rows come back as data,
/// every one of them, and nothing is assigned.
pub fn assign_round(
    path: &Path,
    mode: Mode,
) -> Result<Result<RoundOutcome, Vec<RowError>>, ServiceError> {
    let file = std::fs::File::open(path).map_err(|error| ServiceError::Io {
        path: path.to_owned(),
        error,
    })?;
    let round = match read_round(std::io::BufReader::new(file)) {
        Ok(Ok(round)) => round,
        Ok(Err(faults)) => return Ok(Err(faults)),
        Err(error) => {
            return Err(ServiceError::Read {
                path: path.to_owned(),
                error,
            });
        }
    };
    assign(&round, mode).map(Ok)
}

/// Assigns a round already read.
pub fn assign(round: &Round, mode: Mode) -> Result<RoundOutcome, ServiceError> {
    let instance = Instance {
        participants: round.participants.len(),
        capacities: round.hosts.iter().map(|h| h.capacity).collect(),
        candidates: round
            .pairs
            .iter()
            .map(|p| Candidate {
                participant: p.participant,
                host: p.host,
                score: p.score,
                participant_score: p.participant_preference,
                host_score: p.host_preference,
            })
            .collect(),
    };
    let result = kyoso_matching::assign(&instance, mode).map_err(|e| ServiceError::Invalid {
        field: None,
        message: e.to_string(),
    })?;
    let scores: std::collections::HashMap<(u32, u32), i64> = round
        .pairs
        .iter()
        .map(|p| ((p.participant, p.host), p.score))
        .collect();
    let score_of =
        |participant: u32, host: u32| scores.get(&(participant, host)).map(|&s| s as f64 / 1e6);
    let why: std::collections::HashMap<u32, Unassigned> =
        result.unassigned.iter().copied().collect();
    let placements: Vec<Placement> = round
        .participants
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let host = result.host_of[i];
            Placement {
                participant: p.id.clone(),
                host: host.map(|h| round.hosts[h as usize].id.clone()),
                score: host.and_then(|h| score_of(i as u32, h)),
                reason: host
                    .is_none()
                    .then(|| why.get(&(i as u32)).copied().map(reason))
                    .flatten(),
            }
        })
        .collect();
    let mut groups: std::collections::BTreeMap<(&'static str, String), (usize, usize, f64)> =
        std::collections::BTreeMap::new();
    for (p, placement) in round.participants.iter().zip(&placements) {
        let keys = [
            ("country", p.country.map(|c| c.as_str().to_owned())),
            ("gender", p.gender.map(|g| g.to_string())),
        ];
        for (by, group) in keys {
            let Some(group) = group else { continue };
            let entry = groups.entry((by, group)).or_default();
            entry.0 += 1;
            if let Some(score) = placement.score {
                entry.1 += 1;
                entry.2 += score;
            }
        }
    }
    let fairness = groups
        .into_iter()
        .map(|((by, group), (participants, placed, total))| GroupShare {
            by,
            group,
            participants,
            placed,
            mean_score: (placed > 0).then(|| total / placed as f64),
        })
        .collect();
    Ok(RoundOutcome {
        mode: match mode {
            Mode::Optimal => "optimal",
            Mode::Stable => "stable",
        },
        participants: round.participants.len(),
        hosts: round.hosts.len(),
        capacity: round.hosts.iter().map(|h| u64::from(h.capacity)).sum(),
        placed: placements.iter().filter(|p| p.host.is_some()).count(),
        total_score: result.total_score as f64 / 1e6,
        placements,
        fairness,
    })
}
