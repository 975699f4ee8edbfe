//! `kyoso assign`: an assignment round from a CSV file, its outcome on the
//! terminal (or as JSON), and who got what in a CSV file.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use kyoso_service::assignment::{self, Mode};

use crate::say::say;

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
            eprintln!(
                "{}",
                say!(
                    "cli-assign-refused",
                    file = &file.display().to_string(),
                    errors = faults.len()
                )
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
    let summary = say!(
        "cli-assign-summary",
        file = &file.display().to_string(),
        mode = &outcome.mode.to_string(),
        placed = outcome.placed,
        participants = outcome.participants,
        hosts = outcome.hosts,
        places = outcome.capacity,
        score = &format!("{:.6}", outcome.total_score),
        seconds = &format!("{:.2}", started.elapsed().as_secs_f64()),
    );
    writeln!(out, "{summary}")?;
    let unplaced: Vec<_> = outcome
        .placements
        .iter()
        .filter(|p| p.host.is_none())
        .collect();
    if !unplaced.is_empty() {
        writeln!(out, "{}", say!("cli-assign-not-placed"))?;
        for p in unplaced.iter().take(50) {
            let why = match p.reason {
                Some("no_candidates") => say!("cli-assign-reason-no-candidates"),
                Some("hosts_full") => say!("cli-assign-reason-hosts-full"),
                Some("not_worth_it") => say!("cli-assign-reason-not-worth-it"),
                _ => String::new(),
            };
            writeln!(out, "  {}: {why}", p.participant)?;
        }
        if unplaced.len() > 50 {
            writeln!(
                out,
                "  {}",
                say!("cli-and-more", count = unplaced.len() - 50)
            )?;
        }
    }
    if !outcome.fairness.is_empty() {
        writeln!(out, "{}", say!("cli-assign-fairness"))?;
        for g in &outcome.fairness {
            let row = say!(
                "cli-assign-fairness-row",
                by = &format!("{:<8}", g.by),
                group = &format!("{:<8}", g.group),
                placed = &format!("{:>6}", g.placed),
                participants = &format!("{:>6}", g.participants),
                share = &format!(
                    "{:>5.1}",
                    100.0 * g.placed as f64 / g.participants.max(1) as f64
                ),
                mean = &g.mean_score.map_or("–".into(), |m| format!("{m:.4}")),
            );
            writeln!(out, "  {row}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
