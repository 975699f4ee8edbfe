//! `kyoso-web-bench`: the web application under load, beside a bare axum
//! route measured in the same run.
//!
//! The database is the demo network at `--people` people (SQLite, made once
//! and kept in `--work`). Each server runs in a process of its own, started
//! from this binary, so that its memory is its own:
//!
//! - **full**: kyoso's router and server exactly as `kyoso serve` runs them
//!   (every middleware, the access rules, an officer's bearer token);
//! - **bare**: the peer, one axum route with no middleware that reads the
//!   same person from the same store and writes the same JSON.
//!
//! The load generator is `wrk` on loopback; its Lua script picks random
//! records. Rounds alternate between the servers so that a busy machine
//! slows both alike. Timings are reported, never judged.
//!
//! Run: `cargo run --release -p kyoso-bench --bin kyoso-web-bench`

#![forbid(unsafe_code)]
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a benchmark reports on standard output"
)]

use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

use anyhow::{Context, bail, ensure};
use axum::extract::{Path as UrlPath, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use clap::{Parser, ValueEnum};
use kyoso_domain::Uid;
use kyoso_domain::{PeopleFilter, Role};
use kyoso_service::Kyoso;
use kyoso_service::{Caller, DemoOptions, NoProgress};
use kyoso_store::Store;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
struct Args {
    /// People in the demo database.
    #[arg(long, default_value_t = 1_000_000)]
    people: u64,
    /// Seconds of load in each measured round.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Measured rounds per server (they alternate).
    #[arg(long, default_value_t = 3)]
    rounds: u32,
    /// Open connections for the throughput runs.
    #[arg(long, default_value_t = 32)]
    connections: u32,
    /// Where the database and the load scripts are kept.
    #[arg(long, default_value = "target/bench-web")]
    work: PathBuf,
    /// Internal: run one server on `--database` and print its address.
    #[arg(long, hide = true, value_enum)]
    serve: Option<ServerKind>,
    #[arg(long, hide = true)]
    database: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ServerKind {
    Full,
    Bare,
}

impl ServerKind {
    fn flag(self) -> &'static str {
        match self {
            ServerKind::Full => "full",
            ServerKind::Bare => "bare",
        }
    }

    fn name(self) -> &'static str {
        match self {
            ServerKind::Full => "kyoso, full middleware",
            ServerKind::Bare => "peer: bare axum route",
        }
    }
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    match (args.serve, args.database.as_deref()) {
        (Some(kind), Some(database)) => runtime.block_on(serve(kind, database)),
        (Some(_), None) => bail!("--serve needs --database"),
        (None, _) => runtime.block_on(bench(&args)),
    }
}

/// One server, as a child process: prints `listening ADDR`, serves until
/// standard input closes.
async fn serve(kind: ServerKind, database: &str) -> anyhow::Result<()> {
    let store = Store::open(database).await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    println!("listening {}", listener.local_addr()?);
    let stdin_closed = async {
        let _ = tokio::task::spawn_blocking(|| {
            let mut sink = String::new();
            while std::io::stdin().read_line(&mut sink).is_ok_and(|n| n > 0) {}
        })
        .await;
    };
    match kind {
        ServerKind::Full => {
            // As `kyoso serve` logs: warnings only.
            tracing_subscriber::fmt()
                .with_env_filter(tracing_subscriber::EnvFilter::new("warn,sqlx=error"))
                .with_writer(std::io::stderr)
                .init();
            let limits = kyoso_web::Limits::default();
            let kyoso = Kyoso::open(database).await?;
            let app = kyoso_web::router(kyoso_web::AppState::new(kyoso.clone(), false), &limits);
            // As `kyoso serve` does: the read models are read at start,
            // while the first requests are already answered.
            tokio::spawn(async move {
                match kyoso.warm_up().await {
                    Ok(w) => println!(
                        "warm {} {} {} {:.3} {:.3}",
                        w.records,
                        w.ties,
                        w.people_indexed,
                        w.network.as_secs_f64(),
                        w.people.as_secs_f64()
                    ),
                    Err(error) => println!("warm failed {error}"),
                }
            });
            kyoso_web::serve(listener, app, &limits, stdin_closed).await?;
        }
        ServerKind::Bare => {
            let app = axum::Router::new()
                .route("/api/v1/people/{id}", axum::routing::get(bare_person))
                .with_state(store);
            axum::serve(listener, app)
                .with_graceful_shutdown(stdin_closed)
                .await?;
        }
    }
    Ok(())
}

/// The peer's handler: the same store read and the same JSON as kyoso's
/// `GET /api/v1/people/{id}`, with nothing around it.
async fn bare_person(State(store): State<Store>, UrlPath(id): UrlPath<String>) -> Response {
    let Ok(uid) = Uid::parse(&id) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match store.person(uid).await {
        Ok(Some(person)) => axum::Json(kyoso_exchange::to_json(&person)).into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

async fn bench(args: &Args) -> anyhow::Result<()> {
    if Command::new("wrk").arg("--version").output().is_err() {
        println!("wrk is not installed: the web benchmark needs it (Debian package wrk)");
        return Ok(());
    }
    std::fs::create_dir_all(&args.work)?;
    let database_path = args.work.join(format!("demo-{}.sqlite", args.people));
    let database = format!("sqlite://{}", database_path.display());
    let fixtures = prepare(&database_path, &database, args).await?;
    let titp = prepare_programs(&database_path, &database, args.people).await?;
    let script = args.work.join("paths.lua");
    std::fs::write(&script, WRK_SCRIPT)?;

    println!(
        "\nGET /api/v1/people/{{id}} as an officer with a bearer token; {} random people; \
         wrk, {} connections, {} s rounds",
        fixtures.person_paths_count, args.connections, args.seconds
    );
    let mut full = Server::start(ServerKind::Full, &database)?;
    let bare = Server::start(ServerKind::Bare, &database)?;
    let auth = format!("Authorization: Bearer {}", fixtures.token);
    let load = |server: &Server, seconds: u64, connections: u32, paths: &Path, header: &str| {
        wrk(&server.addr, &script, paths, header, seconds, connections)
    };
    // Warm both: page cache, prepared statements, connection pools.
    for server in [&full, &bare] {
        load(server, 2, args.connections, &fixtures.person_paths, &auth)?;
    }
    let mut results: Vec<(ServerKind, Vec<Load>)> = vec![
        (ServerKind::Bare, Vec::new()),
        (ServerKind::Full, Vec::new()),
    ];
    for _ in 0..args.rounds {
        for (kind, runs) in &mut results {
            let server = if *kind == ServerKind::Full {
                &full
            } else {
                &bare
            };
            runs.push(load(
                server,
                args.seconds,
                args.connections,
                &fixtures.person_paths,
                &auth,
            )?);
        }
    }
    let mut medians = Vec::new();
    for (kind, runs) in &results {
        let median = median_by_rate(runs);
        println!("  {:<26} {}", kind.name(), median.describe());
        medians.push(median);
    }
    if let [bare_run, full_run] = medians.as_slice() {
        println!(
            "    = {:.2}× the bare route's requests/s",
            full_run.rate() / bare_run.rate()
        );
    }
    println!("  server memory: {}", full.memory());
    println!("  peer's memory: {}", bare.memory());
    drop(bare);

    println!(
        "\nGET /people?country=…&skill=… (directory page, HTML) signed in as an officer; \
         {} filter pairs taken from the data; wrk, 4 connections",
        fixtures.directory_paths_count
    );
    let cookie = format!("Cookie: kyoso_session={}", fixtures.session);
    load(&full, 2, 4, &fixtures.directory_paths, &cookie)?;
    let page = load(&full, args.seconds, 4, &fixtures.directory_paths, &cookie)?;
    println!("  {:<26} {}", "directory page", page.describe());
    println!("  server memory: {}", full.memory());

    println!(
        "\nGET /api/v1/needs/{{id}}/matches?top=20 (ranked candidates with reasons and warm paths) \
         as an officer; the demo's {} needs; wrk, 4 connections",
        fixtures.need_paths_count
    );
    // The server read its models at start; it says when and how long.
    let warm = full.next_line()?;
    let fields: Vec<&str> = warm.split_whitespace().collect();
    match fields.as_slice() {
        ["warm", records, ties, people, network, indexed] => println!(
            "  read models at start: the network ({records} records, {ties} ties) in {network} s; \
             the people index ({people} people) in {indexed} s"
        ),
        _ => bail!("the server could not read its models: {warm}"),
    }
    println!("  server memory after warm-up: {}", full.memory());
    load(&full, 2, 2, &fixtures.need_paths, &auth)?;
    let ranking = load(&full, args.seconds, 4, &fixtures.need_paths, &auth)?;
    println!("  {:<26} {}", "as served (memo)", ranking.describe());
    let fresh = load(&full, args.seconds, 4, &fixtures.varied_need_paths, &auth)?;
    println!("  {:<26} {}", "every question new", fresh.describe());
    let fresh2 = load(&full, args.seconds, 2, &fixtures.varied_need_paths, &auth)?;
    println!("  {:<26} {}", "  … with 2 connections", fresh2.describe());
    println!("  server memory: {}", full.memory());
    changes_reach_rankings(&full, &database, &fixtures).await?;

    println!(
        "\nTechnical intern training at national scale: {} participations in one program",
        titp.participations
    );
    match titp.import_rate {
        Some((rate, peer)) => {
            println!(
                "  import: {rate:.0} rows/s (kyoso import participations, JSON, one transaction, committed)"
            );
            println!(
                "  peer: {peer:.0} rows/s (SQLite's own INSERT … SELECT of the same rows from generated data, \
                 rolled back: nothing parsed, looked up, checked or committed)"
            );
            println!("    = {:.2}× the peer's rows/s", rate / peer);
        }
        None => println!("  import: done in an earlier run ({})", titp.kept_rate),
    }
    let officer = format!("Cookie: kyoso_session={}", titp.session);
    for (what, path) in [
        (
            format!("cohort board ({} participants)", titp.board_size),
            titp.board_path.clone(),
        ),
        ("officer's work list".to_owned(), titp.work_path.clone()),
    ] {
        load(&full, 2, 4, &path, &officer)?;
        let run = load(&full, args.seconds, 4, &path, &officer)?;
        println!("  {what:<34} {}", run.describe());
    }
    println!("  server memory: {}", full.memory());
    Ok(())
}

/// The technical intern training part of the benchmark: a program with
/// participations for two in five people, one cohort of 500 on its board,
/// and an officer of the supervising organization that runs it.
struct TitpFixtures {
    participations: u64,
    /// kyoso's rate and the peer's, when this run imported.
    import_rate: Option<(f64, f64)>,
    kept_rate: String,
    board_size: usize,
    board_path: PathBuf,
    work_path: PathBuf,
    session: String,
}

const TITP_EMAIL: &str = "bench-titp-officer@example.org";

async fn prepare_programs(
    path: &Path,
    database: &str,
    people: u64,
) -> anyhow::Result<TitpFixtures> {
    let store = Store::open(database).await?;
    let kyoso = Kyoso::open(database).await?;
    let external =
        kyoso_domain::ExternalId::parse("TITP-MACHINING").map_err(|e| anyhow::anyhow!("{e}"))?;
    let program_uid = store
        .program_by_external_id(&external)
        .await?
        .context("the demo has no technical intern training program")?;
    let program = store.program(program_uid).await?.context("the program")?;
    let organizer = program.record.organizer.record_ref().to_string();
    let marker = path.with_extension("titp");
    let count = (people * 2 / 5).max(500);
    let (import_rate, kept_rate, cohort) = if let Ok(kept) = std::fs::read_to_string(&marker) {
        let (cohort, rate) = kept.split_once(' ').context("the marker")?;
        (
            None,
            rate.trim().to_owned(),
            kyoso_domain::Uid::parse(cohort).map_err(|e| anyhow::anyhow!("{e}"))?,
        )
    } else {
        kyoso
            .add_user(
                TITP_EMAIL,
                BENCH_PASSWORD,
                Role::Officer,
                Some(&organizer),
                None,
            )
            .await?;
        let cohort = kyoso
            .create_cohort(
                &Caller::Cli,
                kyoso_domain::Cohort {
                    program: kyoso_domain::RecordRef::to_record(program_uid, None),
                    name: kyoso_domain::Text::line("Bench cohort, Da Nang, April 2024", 200)?,
                    start: kyoso_domain::PartialDate::parse("2024-04")?,
                    end: None,
                    capacity: Some(500),
                    apply_by: None,
                    mode: None,
                    languages: Vec::new(),
                },
            )
            .await?;
        let file = path.with_extension("titp.json");
        write_titp_file(
            &file,
            count,
            people,
            &program_uid.to_string(),
            &cohort.uid.to_string(),
        )?;
        let started = Instant::now();
        let outcome = kyoso
            .import_participations(&file, None, &NoProgress)
            .await?;
        let rate = count as f64 / started.elapsed().as_secs_f64();
        let kyoso_service::ImportOutcome::Committed(_) = outcome else {
            anyhow::bail!("the bench participations were refused: {outcome:?}");
        };
        let peer = sqlite_insert_select_rate(database, count, people, program_uid).await?;
        std::fs::write(
            &marker,
            format!(
                "{} {rate:.0} rows/s, {:.2}× SQLite's own INSERT … SELECT",
                cohort.uid,
                rate / peer
            ),
        )?;
        (Some((rate, peer)), String::new(), cohort.uid)
    };
    let session = kyoso.sign_in(TITP_EMAIL, BENCH_PASSWORD).await?;
    let board_size = store.cohort_board(cohort).await?.len();
    store.close().await;
    let board_path = path.with_extension("board.txt");
    std::fs::write(&board_path, format!("/cohorts/{cohort}\n"))?;
    let work_path = path.with_extension("work.txt");
    std::fs::write(&work_path, "/work\n")?;
    Ok(TitpFixtures {
        participations: count,
        import_rate,
        kept_rate,
        board_size,
        board_path,
        work_path,
        session: session.token,
    })
}

/// The peer of the participations import: SQLite itself writing the same
/// rows (participations, their journey entries, the ties completing implies
/// and their links) with one `INSERT … SELECT` a table from generated data,
/// with foreign keys and CHECKs off as for kyoso's loader, in one
/// transaction that is rolled back. Returns participations a second.
async fn sqlite_insert_select_rate(
    database: &str,
    count: u64,
    people: u64,
    program: Uid,
) -> anyhow::Result<f64> {
    use sqlx::Connection as _;
    use std::str::FromStr as _;
    let options = sqlx::sqlite::SqliteConnectOptions::from_str(database)?.foreign_keys(false);
    let mut conn = sqlx::SqliteConnection::connect_with(&options).await?;
    for pragma in [
        "PRAGMA cache_size = -1048576",
        "PRAGMA ignore_check_constraints = ON",
        "PRAGMA temp_store = MEMORY",
    ] {
        sqlx::query(pragma).execute(&mut conn).await?;
    }
    sqlx::query(
        "CREATE TEMP TABLE peer_rows AS WITH RECURSIVE n(i) AS \
         (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $1) \
         SELECT i, randomblob(16) AS uid, randomblob(16) AS tie_uid FROM n",
    )
    .bind(count as i64)
    .execute(&mut conn)
    .await?;
    // Keys after the last ones, as kyoso's loader gives them.
    sqlx::query(
        "CREATE TEMP TABLE base AS SELECT (SELECT coalesce(max(id), 0) FROM participations) AS p, \
         (SELECT coalesce(max(id), 0) FROM ties) AS t, (SELECT min(id) FROM people) AS person, \
         pr.id AS program, pr.organizer_id AS organizer, pr.owner_id AS owner \
         FROM programs pr WHERE pr.uid = $1",
    )
    .bind(program.uuid())
    .execute(&mut conn)
    .await?;
    let started = Instant::now();
    sqlx::query("BEGIN IMMEDIATE").execute(&mut conn).await?;
    // The bench file's pattern: a tenth applying, a tenth selected, a tenth
    // active, the rest returned (five entries, and a tie).
    let statements = [
        "INSERT INTO participations (id, uid, external_id, program_id, cohort_id, person_id, role, host_id, \
         note, applied_on, state, state_since, follow_up_due, created_at, updated_at) \
         SELECT b.p + r.i + 1, r.uid, 'PEER-' || r.i, b.program, NULL, b.person + (r.i * 7919 % $1), \
         'technical_intern', NULL, NULL, '2023-01-10', \
         CASE r.i % 10 WHEN 0 THEN 'applied' WHEN 1 THEN 'selected' WHEN 2 THEN 'active' ELSE 'returned' END, \
         '2024-04-03', CASE WHEN r.i % 10 >= 3 THEN '2024-04-03' END, 0, 0 FROM peer_rows r, base b",
        "INSERT INTO journey_entries (participation_id, number, action, to_state, retracts, on_date, \
         recorded_by, note, recorded_at) \
         SELECT b.p + r.i + 1, k.n, 'move', CASE k.n WHEN 1 THEN 'selected' WHEN 2 THEN 'pre_departure' \
         WHEN 3 THEN 'active' WHEN 4 THEN 'completed' ELSE 'returned' END, NULL, '2023-02-01', 'import:peer', NULL, 0 \
         FROM peer_rows r, base b, (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 \
         UNION ALL SELECT 5) k \
         WHERE k.n <= CASE r.i % 10 WHEN 0 THEN 0 WHEN 1 THEN 1 WHEN 2 THEN 3 ELSE 5 END \
         ORDER BY 1, 2",
        "INSERT INTO ties (id, uid, external_id, owner_id, kind, from_person_id, from_org_id, to_person_id, \
         to_org_id, start_date, end_date, strength, role, note, asserted_by, asserted_at, visibility, \
         created_at, updated_at) \
         SELECT b.t + r.i + 1, r.tie_uid, NULL, b.owner, 'trained_at', b.person + (r.i * 7919 % $1), NULL, \
         NULL, b.organizer, '2023-04-01', NULL, NULL, NULL, NULL, 'kyoso:programs', 0, 'network', 0, 0 \
         FROM peer_rows r, base b WHERE r.i % 10 >= 3",
        "INSERT INTO participation_ties (participation_id, tie_id) \
         SELECT b.p + r.i + 1, b.t + r.i + 1 FROM peer_rows r, base b WHERE r.i % 10 >= 3",
    ];
    for statement in statements {
        sqlx::query(statement)
            .bind(people.max(1) as i64)
            .execute(&mut conn)
            .await?;
    }
    let elapsed = started.elapsed().as_secs_f64();
    sqlx::query("ROLLBACK").execute(&mut conn).await?;
    conn.close().await?;
    Ok(count as f64 / elapsed)
}

/// Technical interns at every stage: the first 500 in the bench cohort,
/// some applying, most returned (many long ago and never followed up).
fn write_titp_file(
    path: &Path,
    count: u64,
    people: u64,
    program: &str,
    cohort: &str,
) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(out, "[")?;
    for i in 0..count {
        let person = (i.wrapping_mul(7919)) % people.max(1);
        let journey = match i % 10 {
            0 => "",
            1 => "selected 2023-02-01",
            2 => "selected 2023-02-01; pre_departure 2023-03-10; active 2023-04-01",
            _ => {
                "selected 2023-02-01; pre_departure 2023-03-10; active 2023-04-01; completed 2024-03-29; returned 2024-04-03"
            }
        };
        let cohort = if i < 500 {
            format!(", \"cohort\": \"{cohort}\"")
        } else {
            String::new()
        };
        let comma = if i + 1 < count { "," } else { "" };
        writeln!(
            out,
            "{{\"external_id\": \"BENCH-TITP-{i:07}\", \"person\": \"DEMO-P-{person:07}\", \"program\": \"{program}\"{cohort}, \
             \"role\": \"technical_intern\", \"applied_on\": \"2023-01-10\", \"journey\": \"{journey}\"}}{comma}"
        )?;
    }
    writeln!(out, "]")?;
    out.flush()?;
    Ok(())
}

/// What the load needs: paths to request, and credentials.
struct Fixtures {
    person_paths: PathBuf,
    person_paths_count: usize,
    directory_paths: PathBuf,
    directory_paths_count: usize,
    need_paths: PathBuf,
    /// The same needs with weights that differ every time.
    varied_need_paths: PathBuf,
    need_paths_count: usize,
    token: String,
    session: String,
}

/// People picked at random to be read: enough that the reads spread over
/// the whole file rather than a few cached pages.
const SAMPLED_PEOPLE: usize = 10_000;

const BENCH_EMAIL: &str = "bench-officer@tpa.example";
const BENCH_PASSWORD: &str = "bench-password-1";

/// Makes the demo database once, and an officer to act as.
async fn prepare(path: &Path, database: &str, args: &Args) -> anyhow::Result<Fixtures> {
    let ready = path.with_extension("ready");
    // A database kept from an earlier version whose schema this one cannot
    // bring up to date is made anew.
    if ready.exists() && Store::open(database).await.is_err() {
        println!("the kept database is of an earlier schema; making it anew");
        let _ = std::fs::remove_file(&ready);
    }
    if !ready.exists() {
        let _ = std::fs::remove_file(path);
        // What was made in the database before goes with it.
        let _ = std::fs::remove_file(path.with_extension("titp"));
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        println!("making the demo database: {} people…", args.people);
        let started = Instant::now();
        let store = Store::open(database).await?;
        let kyoso = Kyoso::open(database).await?;
        kyoso
            .demo(
                DemoOptions {
                    people: args.people,
                    seed: 1,
                },
                &NoProgress,
            )
            .await?;
        kyoso
            .add_user(
                BENCH_EMAIL,
                BENCH_PASSWORD,
                Role::Officer,
                Some("TPA"),
                None,
            )
            .await?;
        store.close().await;
        std::fs::write(&ready, "")?;
        println!("  made in {:.1} s", started.elapsed().as_secs_f64());
    }
    let store = Store::open(database).await?;
    let kyoso = Kyoso::open(database).await?;
    let counts = store.counts().await?;
    println!(
        "database: {} organizations, {} people, {} ties ({:.0} MB)",
        counts.organizations,
        counts.people,
        counts.ties,
        std::fs::metadata(path)?.len() as f64 / 1e6
    );
    let session = kyoso.sign_in(BENCH_EMAIL, BENCH_PASSWORD).await?;
    let caller = Caller::User(session.user.clone());
    let (_, token) = kyoso
        .create_token(BENCH_EMAIL, "bench", Some(1))
        .await
        .context("making the bench token")?;

    // Random people the officer may read, and filter pairs found among them.
    let mut random = Lcg(0x2545_F491_4F6C_DD1D);
    let mut person_paths = String::new();
    let mut pairs = std::collections::BTreeSet::new();
    let max_key = counts.people;
    let mut people = 0;
    for _ in 0..SAMPLED_PEOPLE {
        let after = (random.next() % max_key.max(1) as u64) as i64;
        let page = kyoso
            .people(
                &caller,
                &PeopleFilter::default(),
                Some(&after.to_string()),
                Some(1),
            )
            .await?;
        let Some(person) = page.items.first() else {
            continue;
        };
        people += 1;
        let _ = writeln!(person_paths, "/api/v1/people/{}", person.uid);
        if let (Some(country), Some(skill)) =
            (person.record.residence, person.record.skills.first())
            && pairs.len() < 200
        {
            pairs.insert(format!(
                "/people?{}",
                serde_urlencoded::to_string([
                    ("country", country.to_string()),
                    ("skill", skill.to_string())
                ])?
            ));
        }
    }
    ensure!(
        people > 0,
        "the officer can read nobody in the bench database"
    );
    ensure!(
        !pairs.is_empty(),
        "no person has both a country and a skill"
    );
    // The demo's needs, whose candidates the officer asks for. A database
    // kept from before needs existed gets them now.
    let everything = kyoso_store::ReadScope {
        everything: true,
        ..Default::default()
    };
    let filter = kyoso_domain::NeedFilter::default();
    if store.needs(&filter, &everything, 1).await?.is_empty() {
        let today = time::OffsetDateTime::now_utc().date();
        for need in kyoso_demo::matching::needs(today) {
            kyoso.post_need(&Caller::Cli, need).await?;
        }
    }
    let needs = store.needs(&filter, &everything, 100).await?;
    let mut need_paths = String::new();
    let mut varied_paths = String::new();
    for need in &needs {
        let _ = writeln!(need_paths, "/api/v1/needs/{}/matches?top=20", need.uid);
        // Another weight each time: a question the server cannot have
        // remembered (more of them than its memo holds).
        for i in 0..60 {
            let _ = writeln!(
                varied_paths,
                "/api/v1/needs/{}/matches?top=20&weights=skills={:.3}",
                need.uid,
                0.30 + f64::from(i) * 0.001
            );
        }
    }
    store.close().await;

    let person_file = args.work.join("people-paths.txt");
    std::fs::write(&person_file, person_paths)?;
    let directory_file = args.work.join("directory-paths.txt");
    let directory: Vec<String> = pairs.into_iter().collect();
    std::fs::write(&directory_file, directory.join("\n") + "\n")?;
    let need_file = args.work.join("need-paths.txt");
    std::fs::write(&need_file, need_paths)?;
    let varied_file = args.work.join("need-paths-varied.txt");
    std::fs::write(&varied_file, varied_paths)?;
    Ok(Fixtures {
        need_paths: need_file,
        varied_need_paths: varied_file,
        need_paths_count: needs.len(),
        person_paths: person_file,
        person_paths_count: people,
        directory_paths: directory_file,
        directory_paths_count: directory.len(),
        token,
        session: session.token,
    })
}

/// A tiny deterministic generator: the same people are picked every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 11
    }
}

/// A server child process; stopped when dropped.
struct Server {
    child: Child,
    addr: String,
    /// What the server prints after its address.
    output: BufReader<std::process::ChildStdout>,
}

impl Server {
    fn start(kind: ServerKind, database: &str) -> anyhow::Result<Server> {
        let mut child = Command::new(std::env::current_exe()?)
            .args(["--serve", kind.flag()])
            .args(["--database", database])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let stdout = child.stdout.take().context("the server's output")?;
        let mut output = BufReader::new(stdout);
        let mut line = String::new();
        output.read_line(&mut line)?;
        let Some(addr) = line.trim().strip_prefix("listening ") else {
            bail!("the {} server did not start: {line:?}", kind.name());
        };
        Ok(Server {
            addr: addr.to_owned(),
            child,
            output,
        })
    }

    /// The next line the server prints.
    fn next_line(&mut self) -> anyhow::Result<String> {
        let mut line = String::new();
        self.output.read_line(&mut line)?;
        Ok(line.trim().to_owned())
    }

    /// Resident and peak memory, from the kernel's view of the process.
    fn memory(&self) -> String {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
                .map_or_else(|| "?".to_owned(), |kb| format!("{} MiB", kb / 1024))
        };
        format!(
            "{} resident ({} of it the process's own, {} mapped database pages), {} at peak",
            field("VmRSS:"),
            field("RssAnon:"),
            field("RssFile:"),
            field("VmHWM:")
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // Closing standard input asks for a graceful stop; the load is over,
        // so no connection holds it up.
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

/// What one wrk run measured.
#[derive(Debug, Clone, Copy)]
struct Load {
    requests: u64,
    seconds: f64,
    p50_ms: f64,
    p99_ms: f64,
    max_ms: f64,
}

impl Load {
    fn rate(&self) -> f64 {
        self.requests as f64 / self.seconds
    }

    fn describe(&self) -> String {
        format!(
            "{:>7.0} requests/s, p50 {:.2} ms, p99 {:.2} ms, max {:.1} ms",
            self.rate(),
            self.p50_ms,
            self.p99_ms,
            self.max_ms
        )
    }
}

fn median_by_rate(runs: &[Load]) -> Load {
    let mut sorted = runs.to_vec();
    sorted.sort_by(|a, b| a.rate().total_cmp(&b.rate()));
    sorted[sorted.len() / 2]
}

/// Requests the paths in `paths` (one a line, in a random order per thread)
/// and reports what came back. Every answer must be a 2xx.
const WRK_SCRIPT: &str = r#"
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 7919)
end
local paths = {}
local i = 0
function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  i = (offset or 0) % #paths
end
function request()
  i = i % #paths + 1
  return wrk.format(nil, paths[i])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d status_errors=%d socket_errors=%d p50_us=%.0f p99_us=%.0f max_us=%.0f\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99), latency.max))
end
"#;

fn wrk(
    addr: &str,
    script: &Path,
    paths: &Path,
    header: &str,
    seconds: u64,
    connections: u32,
) -> anyhow::Result<Load> {
    let output = Command::new("wrk")
        .args(["-t2", &format!("-c{connections}"), &format!("-d{seconds}s")])
        .args(["--timeout", "5s", "-H", header, "-s"])
        .arg(script)
        .arg(format!("http://{addr}"))
        .arg("--")
        .arg(paths)
        .output()
        .context("running wrk")?;
    let text = String::from_utf8_lossy(&output.stdout);
    let Some(result) = text.lines().find_map(|l| l.strip_prefix("RESULT ")) else {
        bail!(
            "wrk gave no result: {text}{}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    let field = |name: &str| -> anyhow::Result<f64> {
        result
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
            .and_then(|v| v.parse().ok())
            .with_context(|| format!("wrk's result lacks {name}: {result}"))
    };
    let failed = field("status_errors")? + field("socket_errors")?;
    ensure!(
        failed == 0.0,
        "{failed} requests failed or were answered with an error: {result}"
    );
    Ok(Load {
        requests: field("requests")? as u64,
        seconds: field("duration_us")? / 1e6,
        p50_ms: field("p50_us")? / 1e3,
        p99_ms: field("p99_us")? / 1e3,
        max_ms: field("max_us")? / 1e3,
    })
}

/// How soon a change to a person shows in a ranking served by `full`:
/// a person made a perfect fit for one of the demo's expertise needs,
/// written once by another process (as `kyoso import` would) and once
/// through the server's own API, and the ranking asked every 10 ms until
/// they appear. Each person is put back as they were afterwards.
async fn changes_reach_rankings(
    full: &Server,
    database: &str,
    fixtures: &Fixtures,
) -> anyhow::Result<()> {
    use kyoso_domain::{NeedFilter, NeedKind, NeedStatus, Stored};
    let kyoso = Kyoso::open(database).await?;
    let admin = "bench-admin@kyoso.example";
    let _ = kyoso
        .add_user(admin, "bench admin password", Role::Admin, None, None)
        .await;
    let (_, token) = kyoso.create_token(admin, "bench", Some(1)).await?;
    let filter = NeedFilter {
        kind: Some(NeedKind::Expertise),
        status: Some(NeedStatus::Open),
        ..NeedFilter::default()
    };
    let Some(need) = kyoso
        .needs(&Caller::Cli, &filter, 50)
        .await?
        .into_iter()
        .next()
    else {
        println!("  (no open expertise need: change visibility not measured)");
        return Ok(());
    };
    let ranking_path = format!("/api/v1/needs/{}/matches?top=20", need.uid);
    let ranked = |body: &str, uid: Uid| body.contains(&uid.to_string());
    let shown = http(&full.addr, "GET", &ranking_path, &token, None)?;
    let people: Vec<Uid> = std::fs::read_to_string(&fixtures.person_paths)?
        .lines()
        .filter_map(|line| line.rsplit('/').next().and_then(|id| Uid::parse(id).ok()))
        .filter(|&uid| !ranked(&shown, uid))
        .take(2)
        .collect();
    println!(
        "\nA change to a person seen in a ranking (the person made the best fit for a need; \
         the ranking asked every 10 ms)"
    );
    for (how, uid) in [
        "written by another process",
        "written through the server's API",
    ]
    .into_iter()
    .zip(people)
    {
        let before = kyoso.person(&Caller::Cli, uid).await?;
        let mut fit = before.record.clone();
        let asked = need.need.skills.iter().chain(&need.need.required_skills);
        fit.skills = asked.cloned().collect();
        fit.sectors = need.need.sectors.clone();
        fit.languages = need.need.languages.iter().map(|l| l.skill).collect();
        fit.residence = need.need.country.or(fit.residence);
        fit.availability.dispatch = true;
        fit.consent.processing = true;
        fit.visibility = kyoso_domain::Visibility::Network;
        let started = Instant::now();
        if how.contains("API") {
            let mut body = kyoso_exchange::to_json(&Stored {
                record: fit,
                ..before.clone()
            });
            // What kyoso sets itself is not sent.
            for set_by_kyoso in ["id", "created_at", "updated_at"] {
                body.remove(set_by_kyoso);
            }
            let body = serde_json::Value::Object(body).to_string();
            http(
                &full.addr,
                "PUT",
                &format!("/api/v1/people/{uid}"),
                &token,
                Some(&body),
            )?;
        } else {
            kyoso.update_person(&Caller::Cli, uid, fit).await?;
        }
        let seen = loop {
            if ranked(&http(&full.addr, "GET", &ranking_path, &token, None)?, uid) {
                break Some(started.elapsed());
            }
            if started.elapsed().as_secs() >= 10 {
                break None;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        };
        match seen {
            Some(after) => println!("  {how:<34} seen after {:.0} ms", after.as_secs_f64() * 1e3),
            None => println!("  {how:<34} not seen within 10 s"),
        }
        kyoso
            .update_person(&Caller::Cli, uid, before.record)
            .await?;
    }
    kyoso.close().await;
    Ok(())
}

/// One HTTP/1.1 request on a connection of its own; the body of a 2xx
/// answer.
fn http(
    addr: &str,
    method: &str,
    path: &str,
    token: &str,
    body: Option<&str>,
) -> anyhow::Result<String> {
    use std::io::{Read as _, Write as _};
    let mut stream = std::net::TcpStream::connect(addr)?;
    let body = body.unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer)?;
    let status = answer.split_whitespace().nth(1).unwrap_or_default();
    ensure!(
        status.starts_with('2'),
        "{method} {path}: {}",
        answer.lines().next().unwrap_or_default().to_owned()
            + " "
            + answer
                .split_once("\r\n\r\n")
                .map(|(_, b)| b)
                .unwrap_or_default()
    );
    Ok(answer
        .split_once("\r\n\r\n")
        .map(|(_, body)| body.to_owned())
        .unwrap_or_default())
}
