//! `kyoso-bench`: the import and demo benchmarks of the foundation.
//!
//! Every figure is printed beside a named peer measured in the same run on
//! the same rows: a naive import (one sqlx `INSERT` per row, in one
//! transaction) and, on PostgreSQL, a bare `COPY FROM STDIN` into the same
//! table with the same indexes. Timings are reported, never judged: the
//! benchmark does not fail because a machine is slow.
//!
//! Run: `cargo run --release -p kyoso-bench -- --people 1000000`
//! (PostgreSQL is included when `KYOSO_TEST_POSTGRES_URL` is set).

#![forbid(unsafe_code)]
#![allow(
    clippy::print_stdout,
    reason = "a benchmark reports on standard output"
)]

mod memory;

use memory::status_kb;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Parser;
use kyoso_domain::{Person, Timestamp, Uid};
use kyoso_exchange::{Defaults, Format, Item, Reader};
use kyoso_service::{DemoOptions, ImportOptions, ImportOutcome, Kyoso, NoProgress, Records};
use kyoso_store::Engine;
use kyoso_testkit::TestDb;
use sqlx::Connection;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
struct Args {
    /// People in the import file.
    #[arg(long, default_value_t = 1_000_000)]
    people: u64,
    /// People for the demo benchmark; 0 skips it.
    #[arg(long, default_value_t = 1_000_000)]
    demo_people: u64,
    /// Rows for the naive peer (it is slow; its rate is what is compared).
    #[arg(long, default_value_t = 100_000)]
    naive_rows: u64,
    /// Where to write the generated files.
    #[arg(long, default_value = "target/bench")]
    work: PathBuf,
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    std::fs::create_dir_all(&args.work)?;
    let file = args.work.join(format!("people-{}.csv", args.people));
    let changed = args
        .work
        .join(format!("people-{}-changed.csv", args.people));
    write_people(&file, args.people, "")?;
    write_people(&changed, args.people, "updated")?;
    let bytes = std::fs::metadata(&file)?.len();
    println!(
        "import file: {} people, {:.0} MB, {:.0} bytes a row, external ids in random order",
        args.people,
        bytes as f64 / 1e6,
        bytes as f64 / args.people as f64
    );

    let naive_rows = parse_only(&file, args.naive_rows as usize)?;

    let mut engines = vec![Engine::Sqlite];
    if std::env::var("KYOSO_TEST_POSTGRES_URL").is_ok_and(|u| !u.is_empty()) {
        engines.push(Engine::Postgres);
    }
    for engine in engines {
        println!("\n{engine:?}");
        let db = TestDb::new(engine).await;
        // Opening makes the schema the peer copies into.
        let kyoso = Kyoso::open(&db.url).await?;
        let peer = match engine {
            Engine::Sqlite => None,
            Engine::Postgres => Some(bare_copy(&db.url, &file, args.people).await?),
        };
        let fresh = import(&kyoso, &file, "import into an empty table", args.people).await?;
        if let Some(copy) = peer {
            println!("    = {:.2}× the bare COPY", fresh / copy);
        }
        import(&kyoso, &file, "upsert, every row unchanged", args.people).await?;
        import(&kyoso, &changed, "upsert, every row changed", args.people).await?;
        let check = Instant::now();
        let report = kyoso.check(&kyoso_service::Caller::Cli).await?;
        println!(
            "  db check: {} ({:.1} s)",
            if report.is_ok() { "ok" } else { "PROBLEMS" },
            check.elapsed().as_secs_f64()
        );
        kyoso.close().await;
        let naive = naive(engine, &naive_rows).await?;
        println!(
            "    import into an empty table is {:.1}× the naive import",
            fresh / naive
        );
    }

    if args.demo_people > 0 {
        println!("\nkyoso demo --people {} (SQLite)", args.demo_people);
        let db = TestDb::new(Engine::Sqlite).await;
        let kyoso = Kyoso::open(&db.url).await?;
        let started = Instant::now();
        reset_peak_memory();
        let summary = kyoso
            .demo(
                DemoOptions {
                    people: args.demo_people,
                    seed: 1,
                },
                &NoProgress,
            )
            .await?;
        let c = summary.counts;
        println!(
            "  {:.1} s for {} organizations, {} people, {} ties; peak memory {}",
            started.elapsed().as_secs_f64(),
            c.organizations,
            c.people,
            c.ties,
            peak_memory()
        );
        kyoso.close().await;
    }
    Ok(())
}

/// A people file of plain registry rows, as a program's trainee list would
/// be: about 140 bytes a row once stored, external ids shuffled.
fn write_people(path: &Path, people: u64, bio: &str) -> anyhow::Result<()> {
    if path.exists() {
        return Ok(());
    }
    const SKILLS: &[&str] = &[
        "welding",
        "cad",
        "kaizen",
        "lean manufacturing",
        "quality control",
        "plc programming",
        "cnc machining",
        "5s",
    ];
    const COUNTRIES: &[&str] = &["TH", "VN", "ID", "PH", "MM", "JP", "IN", "BD", "LK", "NP"];
    let partial = path.with_extension("partial");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&partial)?);
    writeln!(
        out,
        "external_id,name_latin,residence,languages,skills,email,bio"
    )?;
    // A fixed odd multiplier modulo a power of two visits every index once,
    // in an order that looks random.
    let span = people.next_power_of_two();
    let mut line = String::new();
    for i in 0..span {
        let id = (i.wrapping_mul(0x9E37_79B9_7F4A_7C15 | 1)) & (span - 1);
        if id >= people {
            continue;
        }
        line.clear();
        let skill = |k: u64| SKILLS[(k % SKILLS.len() as u64) as usize];
        let _ = writeln!(
            line,
            "AOTS-{id:08},Trainee Number {id},{},ja:N{},{}; {},trainee{id}@example.org,{bio}",
            COUNTRIES[(id % COUNTRIES.len() as u64) as usize],
            id % 5 + 1,
            skill(id),
            skill(id / 8 + 1),
        );
        out.write_all(line.as_bytes())?;
    }
    out.flush()?;
    drop(out);
    std::fs::rename(partial, path)?;
    Ok(())
}

/// Reading and validating alone: the ceiling for any import.
/// Keeps the first `keep` people for the naive peer.
fn parse_only(path: &Path, keep: usize) -> anyhow::Result<Vec<Person>> {
    let started = Instant::now();
    let defaults = Defaults {
        owner: None,
        asserted_by: kyoso_domain::Text::line("bench", 10)?,
        asserted_at: Timestamp::now(),
    };
    let reader = Reader::<Person>::new(std::fs::File::open(path)?, Format::Csv, defaults)?;
    let mut people = Vec::new();
    let mut count = 0u64;
    for item in reader {
        match item? {
            Item::Record(r) => {
                count += 1;
                if people.len() < keep {
                    people.push(r.record);
                }
            }
            Item::Invalid(errors) => anyhow::bail!("bench file is invalid: {errors:?}"),
        }
    }
    report(
        "read and validate only (no database)",
        count,
        started.elapsed(),
        None,
    );
    Ok(people)
}

async fn import(kyoso: &Kyoso, path: &Path, what: &str, rows: u64) -> anyhow::Result<f64> {
    reset_peak_memory();
    let started = Instant::now();
    let outcome = kyoso
        .import(
            Records::People,
            path,
            &ImportOptions::default(),
            &NoProgress,
        )
        .await?;
    let elapsed = started.elapsed();
    let ImportOutcome::Committed(summary) = outcome else {
        anyhow::bail!("the bench import was refused: {outcome:?}");
    };
    anyhow::ensure!(summary.received == rows, "{summary:?}");
    Ok(report(what, rows, elapsed, Some(peak_memory())))
}

fn report(what: &str, rows: u64, elapsed: Duration, memory: Option<String>) -> f64 {
    let rate = rows as f64 / elapsed.as_secs_f64();
    let memory = memory
        .map(|m| format!(", peak memory {m}"))
        .unwrap_or_default();
    println!(
        "  {what:<40} {:>8.0} rows/s ({:.2} s{memory})",
        rate,
        elapsed.as_secs_f64()
    );
    rate
}

/// The naive peer: one sqlx `INSERT` per row, all in one transaction, into
/// a fresh table with the same indexes.
async fn naive(engine: Engine, people: &[Person]) -> anyhow::Result<f64> {
    let db = TestDb::new(engine).await;
    db.store().await.close().await;
    let now = Timestamp::now();
    let started = Instant::now();
    macro_rules! run {
        ($conn:expr, $sql:expr, $time:expr) => {{
            let mut tx = $conn.begin().await?;
            for (i, p) in people.iter().enumerate() {
                let languages: Vec<String> = p.languages.iter().map(ToString::to_string).collect();
                let skills: Vec<&str> = p.skills.iter().map(|s| s.as_str()).collect();
                sqlx::query($sql)
                    .bind(Uid::new().uuid())
                    .bind(format!("AOTS-{i:08}"))
                    .bind(p.names.latin.as_deref())
                    .bind(p.residence.map(|c| c.to_string()))
                    .bind(sqlx::types::Json(languages))
                    .bind(sqlx::types::Json(skills))
                    .bind(p.contact.email.as_ref().map(|e| e.as_str().to_owned()))
                    .bind($time)
                    .bind($time)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
        }};
    }
    const SQL: &str = "INSERT INTO people (uid, external_id, name_latin, residence, languages, skills, email, \
                       visibility, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'private', $8, $9)";
    match engine {
        Engine::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(&db.url).await?;
            run!(conn, SQL, now.unix_micros());
        }
        Engine::Postgres => {
            let mut conn = sqlx::PgConnection::connect(&db.url).await?;
            run!(conn, SQL, now.offset_date_time());
        }
    }
    Ok(report(
        "naive: one INSERT per row (sqlx)",
        people.len() as u64,
        started.elapsed(),
        None,
    ))
}

/// The PostgreSQL peer: the same rows, already in COPY text, sent by a bare
/// `COPY FROM STDIN` into the people table with its indexes in place.
async fn bare_copy(url: &str, path: &Path, rows: u64) -> anyhow::Result<f64> {
    let text = copy_text(path)?;
    let mut conn = sqlx::PgConnection::connect(url).await.context("connect")?;
    let started = Instant::now();
    let mut tx = conn.begin().await?;
    let mut copy = tx
        .copy_in_raw(
            "COPY people (uid, external_id, name_latin, residence, languages, skills, email, bio, \
             visibility, created_at, updated_at) FROM STDIN",
        )
        .await?;
    copy.send(text.as_bytes()).await?;
    let copied = copy.finish().await?;
    tx.commit().await?;
    let elapsed = started.elapsed();
    anyhow::ensure!(copied == rows, "copied {copied}");
    let rate = report("peer: bare COPY FROM STDIN", rows, elapsed, None);
    sqlx::query("TRUNCATE people CASCADE")
        .execute(&mut conn)
        .await?;
    conn.close().await?;
    Ok(rate)
}

/// The import file's rows in COPY text form, made outside the timing.
fn copy_text(path: &Path) -> anyhow::Result<String> {
    let defaults = Defaults {
        owner: None,
        asserted_by: kyoso_domain::Text::line("bench", 10)?,
        asserted_at: Timestamp::now(),
    };
    let now = Timestamp::now().to_string();
    let mut out = String::new();
    for item in Reader::<Person>::new(std::fs::File::open(path)?, Format::Csv, defaults)? {
        let Item::Record(r) = item? else { continue };
        let p = r.record;
        let languages: Vec<String> = p.languages.iter().map(|l| format!("\"{l}\"")).collect();
        let skills: Vec<String> = p.skills.iter().map(|s| format!("\"{s}\"")).collect();
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t[{}]\t[{}]\t{}\t{}\tprivate\t{now}\t{now}",
            Uid::new(),
            r.external_id.map(|e| e.to_string()).unwrap_or_default(),
            p.names.latin.as_deref().unwrap_or_default(),
            p.residence.map(|c| c.to_string()).unwrap_or_default(),
            languages.join(","),
            skills.join(","),
            p.contact
                .email
                .map_or_else(|| "\\N".to_owned(), |e| e.to_string()),
            p.bio.map_or_else(|| "\\N".to_owned(), |b| b.to_string()),
        );
    }
    Ok(out)
}

/// Resets the process's peak resident size (Linux), so that each stage's
/// peak is its own.
fn reset_peak_memory() {
    memory::reset_peak_memory();
    BASELINE.store(status_kb("VmRSS:"), std::sync::atomic::Ordering::Relaxed);
}

static BASELINE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The peak resident size since the last reset, beyond what was resident then.
fn peak_memory() -> String {
    let baseline = BASELINE.load(std::sync::atomic::Ordering::Relaxed);
    let peak = status_kb("VmHWM:");
    format!("+{} MiB", peak.saturating_sub(baseline) / 1024)
}
