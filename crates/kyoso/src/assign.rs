//! `kyoso assign`: an assignment round from a CSV file, its outcome on the
//! terminal (or as JSON), and who got what in a CSV file.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use kyoso_service::assignment::{self, Mode};

pub(crate) fn run(
    file: &Path,
    mode: Mode,
    output: Option<&Path>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let outcome = match assignment::assign_round(file, mode)? {
        Ok(outcome) => outcome,
        Err(faults) => {
            for fault in &faults {
                match &fault.field {
                    Some(field) => eprintln!(
                        "{}:{}: {field}: {}",
                        file.display(),
                        fault.line,
                        fault.message
                    ),
                    None => eprintln!("{}:{}: {}", file.display(), fault.line, fault.message),
                }
            }
            let plural = if faults.len() == 1 { "" } else { "s" };
            eprintln!(
                "{}: {} error{plural}; nothing was assigned",
                file.display(),
                faults.len()
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    if let Some(path) = output {
        let mut out = csv::Writer::from_path(path)?;
        out.write_record(["participant", "host", "score", "reason"])?;
        for p in &outcome.placements {
            out.write_record([
                p.participant.as_str(),
                p.host.as_deref().unwrap_or(""),
                &p.score.map(|s| s.to_string()).unwrap_or_default(),
                p.reason.unwrap_or(""),
            ])?;
        }
        out.flush()?;
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&outcome)?);
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} ({} mode): {} of {} participants placed with {} hosts ({} places); total score {:.6} ({:.2} s)",
        file.display(),
        outcome.mode,
        outcome.placed,
        outcome.participants,
        outcome.hosts,
        outcome.capacity,
        outcome.total_score,
        started.elapsed().as_secs_f64()
    )?;
    let unplaced: Vec<_> = outcome
        .placements
        .iter()
        .filter(|p| p.host.is_none())
        .collect();
    if !unplaced.is_empty() {
        writeln!(out, "not placed:")?;
        for p in unplaced.iter().take(50) {
            let why = match p.reason {
                Some("no_candidates") => "no candidate host",
                Some("hosts_full") => "every candidate host was filled by others",
                Some("not_worth_it") => "no pair with a score above 0",
                _ => "",
            };
            writeln!(out, "  {}: {why}", p.participant)?;
        }
        if unplaced.len() > 50 {
            writeln!(out, "  ... and {} more", unplaced.len() - 50)?;
        }
    }
    if !outcome.fairness.is_empty() {
        writeln!(out, "fairness:")?;
        for g in &outcome.fairness {
            writeln!(
                out,
                "  {:<8} {:<8} {:>6} of {:>6} placed ({:>5.1}%), mean score {}",
                g.by,
                g.group,
                g.placed,
                g.participants,
                100.0 * g.placed as f64 / g.participants.max(1) as f64,
                g.mean_score.map_or("–".into(), |m| format!("{m:.4}"))
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
