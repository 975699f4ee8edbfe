//! An import killed with SIGKILL at a random moment leaves a database that
//! passes `kyoso db check`, with every acknowledged import present in full
//! and the killed one either all there or not there at all.

use std::fmt::Write as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use kyoso_service::{Caller, Kyoso};
use kyoso_testkit::{TestDb, engines};

use crate::{ok, path};

const NEW_ROWS: usize = 2_000;
const UPDATED_ROWS: usize = 1_000;

/// A people file for `trial`: new people, and new biographies for people of
/// the base file.
fn trial_file(trial: usize) -> String {
    let mut csv = String::from("external_id,name_latin,residence,skills,bio\n");
    for k in 0..NEW_ROWS {
        let _ = writeln!(
            csv,
            "T{trial}-{k},Trial Person {k},TH,welding; cad,new in trial {trial}"
        );
    }
    for k in 0..UPDATED_ROWS {
        let _ = writeln!(
            csv,
            "BASE-{k},Base Person {k},VN,kaizen,updated in trial {trial}"
        );
    }
    csv
}

fn base_file() -> String {
    let mut csv = String::from("external_id,name_latin,residence,skills,bio\n");
    for k in 0..NEW_ROWS + UPDATED_ROWS {
        let _ = writeln!(csv, "BASE-{k},Base Person {k},VN,kaizen,base");
    }
    csv
}

/// A small deterministic generator for kill times; the seed is printed so
/// that a failing run can be repeated.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

/// Starts an import and kills it after `delay`; returns whether it finished first.
async fn import_killed_after(url: &str, file: &std::path::Path, delay: Duration) -> bool {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kyoso"))
        .args(["import", "people", path(file), "--quiet"])
        .env("KYOSO_DATABASE_URL", url)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start kyoso");
    let deadline = Instant::now() + delay;
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status.success();
        }
        if Instant::now() >= deadline {
            // Child::kill sends SIGKILL on Unix: no chance to clean up.
            let _ = child.kill();
            let status = child.wait().expect("wait");
            return status.success();
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}

async fn count(kyoso: &Kyoso, prefix: &str, rows: usize, bio: &str) -> usize {
    let mut found = 0;
    for k in 0..rows {
        let reference = format!("{prefix}{k}");
        let Ok((_, uid)) = kyoso
            .find(
                &Caller::Cli,
                &[kyoso_domain::RecordKind::Person],
                &reference,
            )
            .await
        else {
            continue;
        };
        let person = kyoso.person(&Caller::Cli, uid).await.unwrap();
        if person.record.bio.as_deref() == Some(bio) {
            found += 1;
        }
    }
    found
}

/// One trial: an import of its own file killed after `delay`, then the
/// database checked whole. Returns whether the kill came before the commit.
async fn trial_killed_after(
    db: &TestDb,
    trial: usize,
    delay: Duration,
    seed: u64,
    acknowledged: &mut Vec<usize>,
) -> bool {
    let file = db.path(&format!("trial-{trial}.csv"));
    std::fs::write(&file, trial_file(trial)).unwrap();
    let done = import_killed_after(&db.url, &file, delay).await;
    assert!(
        ok(&db.url, &["db", "check"]).starts_with("ok:"),
        "trial {trial} (seed {seed}) left a damaged database"
    );
    let kyoso = Kyoso::open(&db.url).await.unwrap();
    let new = count(
        &kyoso,
        &format!("T{trial}-"),
        NEW_ROWS,
        &format!("new in trial {trial}"),
    )
    .await;
    let updated = count(
        &kyoso,
        "BASE-",
        UPDATED_ROWS,
        &format!("updated in trial {trial}"),
    )
    .await;
    assert!(
        (new, updated) == (0, 0) || (new, updated) == (NEW_ROWS, UPDATED_ROWS),
        "trial {trial} (seed {seed}): a partial import: {new} new, {updated} updated"
    );
    if done {
        assert_eq!(
            new, NEW_ROWS,
            "trial {trial}: an acknowledged import is missing"
        );
    }
    let killed = new != NEW_ROWS;
    if !killed {
        acknowledged.push(trial);
    }
    for &earlier in acknowledged.iter() {
        let kept = count(
            &kyoso,
            &format!("T{earlier}-"),
            50,
            &format!("new in trial {earlier}"),
        )
        .await;
        assert_eq!(
            kept, 50,
            "trial {earlier}'s rows were lost in trial {trial}"
        );
    }
    kyoso.close().await;
    killed
}

async fn crash_trials(engine: kyoso_testkit::Engine, trials: usize, seed: u64) {
    let db = TestDb::new(engine).await;
    let mut rng = Lcg(seed);
    let base = db.path("base.csv");
    std::fs::write(&base, base_file()).unwrap();

    // First, kills during a load into an empty table (the path that drops
    // and rebuilds indexes), until one gets through.
    let started = Instant::now();
    ok(&db.url, &["import", "people", path(&base)]);
    let full = started.elapsed();
    let fresh = TestDb::new(engine).await;
    for _ in 0..3 {
        let delay = Duration::from_millis(rng.below(full.as_millis() as u64 + 1));
        let done = import_killed_after(&fresh.url, &base, delay).await;
        assert!(ok(&fresh.url, &["db", "check"]).starts_with("ok:"));
        let kyoso = Kyoso::open(&fresh.url).await.unwrap();
        let present = kyoso.counts(&Caller::Cli).await.unwrap().people;
        kyoso.close().await;
        assert!(
            present == 0 || present == 3_000,
            "a partial load: {present} people"
        );
        assert!(!done || present == 3_000, "an acknowledged load is missing");
    }

    // Kill times span a trial's own import (a smaller file than the base),
    // timed on a database of its own: spread over the base's, most kills
    // would come after the commit on a fast machine.
    let probe = db.path("probe.csv");
    std::fs::write(&probe, trial_file(trials)).unwrap();
    let started = Instant::now();
    ok(&fresh.url, &["import", "people", path(&probe)]);
    let one_trial = started.elapsed();

    let mut acknowledged = Vec::new();
    let mut killed = 0;
    for trial in 0..trials {
        let delay = Duration::from_millis(rng.below(one_trial.as_millis() as u64 * 3 / 2 + 1));
        if trial_killed_after(&db, trial, delay, seed, &mut acknowledged).await {
            killed += 1;
        }
    }
    // On a machine fast enough that every kill came after the commit, a few
    // more trials with earlier kills, so that a kill mid-import is tried.
    for trial in trials..trials * 2 {
        if killed > 0 {
            break;
        }
        let delay = Duration::from_millis(rng.below(one_trial.as_millis() as u64 / 2 + 1));
        if trial_killed_after(&db, trial, delay, seed, &mut acknowledged).await {
            killed += 1;
        }
    }
    eprintln!(
        "{engine:?}: {trials} trials (seed {seed}): {killed} killed before commit, {} committed",
        acknowledged.len()
    );
    assert!(
        killed > 0,
        "no import was killed before it committed: the kill times are too late"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn imports_killed_at_random_moments_lose_nothing_committed() {
    let seed = std::env::var("KYOSO_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_secs())
        });
    for engine in engines() {
        let trials = if engine == kyoso_testkit::Engine::Sqlite {
            24
        } else {
            10
        };
        crash_trials(engine, trials, seed).await;
    }
}
