//! The command line: what each subcommand takes, and how its result is shown.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use kyoso_domain::RecordRef;
use kyoso_exchange::Format;
use kyoso_service::{Caller, Kyoso, Records};
use kyoso_service::{DemoOptions, ImportOptions, ImportOutcome};

use crate::progress::Bar;
use crate::say::say;

/// kyoso: a registry and living network of the people and organizations who
/// carry Japanese technical know-how abroad.
#[derive(Debug, Parser)]
#[command(name = "kyoso", version, about, long_about = None, max_term_width = 100)]
pub(crate) struct Cli {
    /// The database: sqlite://FILE (created if missing) or postgres://USER@HOST/DB
    /// [env: KYOSO_DATABASE_URL; kyoso.toml: database; default: sqlite://kyoso.db].
    #[arg(long, global = true)]
    database: Option<String>,

    /// The settings file [env: KYOSO_CONFIG; default: ./kyoso.toml if there is one].
    #[arg(long, global = true)]
    config: Option<PathBuf>,

    /// No progress bars.
    #[arg(long, short, global = true)]
    quiet: bool,

    /// Log what is being done (set KYOSO_LOG for finer control).
    #[arg(long, short, global = true)]
    pub(crate) verbose: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the web application and the JSON API.
    Serve {
        /// Address to listen on [env: KYOSO_ADDR; kyoso.toml: serve.addr;
        /// default: 127.0.0.1:8080].
        #[arg(long)]
        addr: Option<std::net::SocketAddr>,
        /// Fill an empty database with the demonstration network first, and
        /// print the demo accounts to sign in with.
        #[arg(long)]
        demo: bool,
        /// Mark cookies Secure, when kyoso is reached over HTTPS [env:
        /// KYOSO_SECURE_COOKIES; kyoso.toml: serve.secure_cookies].
        #[arg(long)]
        secure_cookies: bool,
        /// Most connections served at once [env: KYOSO_MAX_CONNECTIONS;
        /// kyoso.toml: serve.max_connections; default: 1024].
        #[arg(long)]
        max_connections: Option<usize>,
    },
    /// Print the effective settings (kyoso.toml, then KYOSO_* variables,
    /// then flags), each with where it came from; passwords masked.
    Config,
    /// Manage user accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage API tokens for scripts.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Fill the database with a realistic demonstration network.
    ///
    /// The real organizations of Japan's network-based cooperation (AOTS and
    /// its alumni societies, TPA, TNI, JTECS, ESUHAI, JICA, UNIDO ITPO Tokyo,
    /// ...) and generated companies, universities and people in 27 countries.
    /// The same seed always gives the same network; running it again changes
    /// nothing.
    Demo {
        /// How many people.
        #[arg(long, default_value_t = 5_000)]
        people: u64,
        /// Which network: another seed, other people.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Import records from a CSV or JSON file, all or nothing.
    ///
    /// Rows are matched to existing records by id, else by external_id, so
    /// importing a file twice changes nothing. If any row is bad, every bad
    /// row is listed (line and column) and nothing is changed. Import
    /// organizations first, then people, then ties.
    Import {
        /// What the file holds.
        table: TableArg,
        /// The file: .csv, or .json / .jsonl.
        file: PathBuf,
        /// The file's format, if its name does not tell.
        #[arg(long)]
        format: Option<FormatArg>,
        /// The organization (external id or id) that owns rows naming none.
        #[arg(long)]
        owner: Option<String>,
    },
    /// Export records to a CSV or JSON file that imports back unchanged.
    Export {
        table: TableArg,
        /// Where to write; standard output if not given.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The format; by default from the output's name, else CSV.
        #[arg(long)]
        format: Option<FormatArg>,
    },
    /// Assign participants to hosts from a round file (CSV), by the largest
    /// total score or by deferred acceptance.
    ///
    /// One row per candidate pair: participant, host, score, capacity (the
    /// host's), and optionally participant_preference and host_preference
    /// (what the stable mode ranks by; each defaults to score), country and
    /// gender (the participant's, for the fairness summary). A bad file is
    /// refused whole, every fault named by line and column. The same file
    /// always gives the same assignment.
    Assign {
        /// The round: a CSV file.
        file: PathBuf,
        #[arg(long, default_value = "optimal")]
        mode: ModeArg,
        /// Write who got what to this CSV file (participant,host,score,reason).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Print the whole outcome as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Rank the candidates for a need: experts, technologies, partners or
    /// courses, each with its score and, with --explain, every factor of it
    /// and the warm path from the need's poster.
    Match {
        /// The need's id.
        need: String,
        /// How many candidates, 1 to 100.
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u16).range(1..=100))]
        top: u16,
        /// Show each factor's weight, value and contribution, in words.
        #[arg(long)]
        explain: bool,
        /// Change weights: skills=0.5,network=0.2 (factors: skills, sectors,
        /// languages, country, availability, track_record, network).
        #[arg(long)]
        weights: Option<String>,
        /// The language of the reasons: en, ja, th or vi (by default the
        /// terminal's, from LC_ALL, LC_MESSAGES or LANG).
        #[arg(long)]
        lang: Option<String>,
        /// Print the ranking as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Needs: expire those past their deadline, remind owners of those due.
    Needs {
        #[command(subcommand)]
        command: NeedsCommand,
    },
    /// Ask the network: warm introduction paths, brokers, communities, growth.
    Network {
        #[command(subcommand)]
        command: crate::network::NetworkCommand,
    },
    /// Find records in any of the four languages: people, organizations,
    /// needs, technologies, companies, programs, lessons, questions.
    Search(crate::search::SearchArgs),
    /// Judge how well kyoso works on a judged collection.
    Eval {
        #[command(subcommand)]
        command: crate::search::EvalCommand,
    },
    /// Look after the database.
    Db {
        #[command(subcommand)]
        command: DbCommand,
    },
}

#[derive(Debug, Subcommand)]
enum NeedsCommand {
    /// List needs, newest first: id, kind, status, deadline, title.
    List {
        /// open, matched, closed or expired.
        #[arg(long)]
        status: Option<String>,
    },
    /// Expire needs past their deadline; list (and record) reminders for
    /// those due within a week.
    Sweep,
}

#[derive(Debug, Subcommand)]
enum DbCommand {
    /// Bring the schema up to date (every command does this as it opens).
    Migrate,
    /// Check integrity: the engine's own check, foreign keys, the registry's
    /// rules, and every record read back. Exits non-zero on any problem.
    Check,
    /// Erase a person's personal data for good (external id or id): their
    /// record keeps only what aggregate figures need.
    Erase { person: String },
    /// List every erasure carried out (CSV: person,erased_at,erased_by).
    /// Keep the list beside the backups: after restoring a backup older than
    /// an erasure, `kyoso db replay-erasures` carries it out again.
    Erasures,
    /// Carry out again the erasures listed in a file of `kyoso db erasures`
    /// on a database restored from a backup.
    ReplayErasures { file: PathBuf },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Add a user; the password is read from standard input.
    Add {
        email: String,
        /// The organization they act for (external id or id); admins need none.
        #[arg(long)]
        org: Option<String>,
        #[arg(long, value_enum)]
        role: RoleArg,
        /// Their own person record (external id or id), for members.
        #[arg(long)]
        person: Option<String>,
    },
    /// Give a user another role; running servers see it within a second.
    Role {
        email: String,
        #[arg(long, value_enum)]
        role: RoleArg,
        /// The organization they act for (external id or id); admins need none.
        #[arg(long)]
        org: Option<String>,
    },
    /// Disable a user: their sessions and tokens stop working within a second.
    Disable { email: String },
    /// Enable a disabled user again.
    Enable { email: String },
}

#[derive(Debug, Subcommand)]
enum TokenCommand {
    /// Create a token for a user's scripts and print it once.
    Create {
        email: String,
        /// What the token is for.
        #[arg(long, default_value = "script")]
        name: String,
        /// Days until it expires; never, if not given.
        #[arg(long)]
        days: Option<i64>,
    },
    /// Revoke a token by its id.
    Revoke { id: String },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RoleArg {
    Admin,
    Officer,
    Coordinator,
    Member,
}

impl From<RoleArg> for kyoso_domain::Role {
    fn from(value: RoleArg) -> Self {
        match value {
            RoleArg::Admin => kyoso_domain::Role::Admin,
            RoleArg::Officer => kyoso_domain::Role::Officer,
            RoleArg::Coordinator => kyoso_domain::Role::Coordinator,
            RoleArg::Member => kyoso_domain::Role::Member,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum TableArg {
    People,
    Organizations,
    Ties,
    /// Events people and organizations attended (load them before the
    /// ties that name them).
    Events,
    /// People's participations in programs, with their journeys.
    Participations,
    /// Programs (JSON only: their funders and milestones nest).
    Programs,
    /// Lessons learned (JSON only); a row with an `id` changes that lesson.
    Lessons,
    /// Needs, as the API takes them (posted_by names the poster); a row
    /// with an `id` or a known `external_id` changes that need.
    Needs,
    /// Technology and partnership offers, as the API takes them (provider
    /// names the company); rows are matched as needs' are.
    Offers,
}

impl TableArg {
    /// The registry table, for the records the bulk writer loads.
    fn registry_table(self) -> Option<Records> {
        match self {
            TableArg::People => Some(Records::People),
            TableArg::Organizations => Some(Records::Organizations),
            TableArg::Ties => Some(Records::Ties),
            TableArg::Events => Some(Records::Events),
            TableArg::Participations
            | TableArg::Programs
            | TableArg::Lessons
            | TableArg::Needs
            | TableArg::Offers => None,
        }
    }

    /// The table's name, in the reader's language.
    fn label(self) -> String {
        match self {
            TableArg::People => say!("cli-table-people"),
            TableArg::Organizations => say!("cli-table-organizations"),
            TableArg::Ties => say!("cli-table-ties"),
            TableArg::Events => say!("cli-table-events"),
            TableArg::Participations => say!("cli-table-participations"),
            TableArg::Programs => say!("cli-table-programs"),
            TableArg::Lessons => say!("cli-table-lessons"),
            TableArg::Needs => say!("cli-table-needs"),
            TableArg::Offers => say!("cli-table-offers"),
        }
    }
}

async fn export_records(
    kyoso: &Kyoso,
    table: TableArg,
    format: Format,
    out: Box<dyn Write + Send>,
    progress: &Bar,
) -> Result<kyoso_service::ExportSummary, kyoso_service::ServiceError> {
    match (table, table.registry_table()) {
        (_, Some(table)) => kyoso.export(table, format, out, progress).await,
        (TableArg::Programs, None) => kyoso.export_programs(out, progress).await,
        (TableArg::Lessons, None) => kyoso.export_lessons(out, progress).await,
        (TableArg::Needs, None) => {
            kyoso
                .export_needs(&Caller::Cli, format, out, progress)
                .await
        }
        (TableArg::Offers, None) => {
            kyoso
                .export_offers(&Caller::Cli, format, out, progress)
                .await
        }
        (_, None) => kyoso.export_participations(format, out, progress).await,
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ModeArg {
    /// The largest total score (a minimum-cost flow).
    Optimal,
    /// Participant-proposing deferred acceptance: no participant and host
    /// would both rather have each other.
    Stable,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FormatArg {
    Csv,
    Json,
}

impl From<FormatArg> for Format {
    fn from(value: FormatArg) -> Self {
        match value {
            FormatArg::Csv => Format::Csv,
            FormatArg::Json => Format::Json,
        }
    }
}

impl Cli {
    /// What the flags say of the settings.
    pub(crate) fn flags(&self) -> crate::config::Flags {
        let mut flags = crate::config::Flags {
            config: self.config.clone(),
            database: self.database.clone(),
            ..Default::default()
        };
        if let Command::Serve {
            addr,
            secure_cookies,
            max_connections,
            ..
        } = &self.command
        {
            flags.addr = *addr;
            flags.secure_cookies = secure_cookies.then_some(true);
            flags.max_connections = *max_connections;
        }
        flags
    }
}

pub(crate) async fn run(cli: Cli, config: crate::config::Config) -> anyhow::Result<ExitCode> {
    if let Command::Config = cli.command {
        print!("{}", config.describe());
        return Ok(ExitCode::SUCCESS);
    }
    let database = config.database.value.clone();
    // A round file needs no database: nothing is opened or created.
    if let Command::Assign {
        file,
        mode,
        output,
        json,
    } = &cli.command
    {
        let mode = match mode {
            ModeArg::Optimal => kyoso_service::assignment::Mode::Optimal,
            ModeArg::Stable => kyoso_service::assignment::Mode::Stable,
        };
        return crate::assign::run(file, mode, output.as_deref(), *json);
    }
    if let Command::Eval { command } = &cli.command {
        return crate::search::eval(command).await;
    }
    if let Command::Search(args) = &cli.command
        && let Some(answer) = crate::search::run_without_database(args)
    {
        return answer;
    }
    let progress = Bar::new(cli.quiet);
    let kyoso = Kyoso::open(&database)
        .await
        .with_context(|| {
            say!(
                "cli-opening-database",
                database = &kyoso_service::redact_url(&database)
            )
        })?
        .with_hub_ties(config.hub_ties.value);
    let code = match cli.command {
        Command::Serve { demo, .. } => {
            if demo {
                crate::serve::prepare_demo(&kyoso, &progress).await?;
            }
            crate::serve::run(
                kyoso.clone(),
                config.addr.value,
                config.secure_cookies.value,
                config.max_connections.value,
            )
            .await?;
            ExitCode::SUCCESS
        }
        Command::User {
            command:
                UserCommand::Add {
                    email,
                    org,
                    role,
                    person,
                },
        } => {
            let password = crate::serve::read_password()?;
            let person = match person {
                Some(reference) => Some(crate::serve::find_person(&kyoso, &reference).await?),
                None => None,
            };
            let user = kyoso
                .add_user(&email, &password, role.into(), org.as_deref(), person)
                .await?;
            println!(
                "{}",
                say!(
                    "cli-user-added",
                    email = &user.email,
                    role = user.role.as_str()
                )
            );
            ExitCode::SUCCESS
        }
        Command::User {
            command: UserCommand::Role { email, role, org },
        } => {
            kyoso.set_role(&email, role.into(), org.as_deref()).await?;
            println!(
                "{}",
                say!(
                    "cli-user-role-set",
                    email = &email,
                    role = kyoso_domain::Role::from(role).as_str()
                )
            );
            ExitCode::SUCCESS
        }
        Command::User {
            command: UserCommand::Disable { email },
        } => {
            kyoso.set_disabled(&email, true).await?;
            println!("{}", say!("cli-user-disabled", email = &email));
            ExitCode::SUCCESS
        }
        Command::User {
            command: UserCommand::Enable { email },
        } => {
            kyoso.set_disabled(&email, false).await?;
            println!("{}", say!("cli-user-enabled", email = &email));
            ExitCode::SUCCESS
        }
        Command::Token {
            command: TokenCommand::Create { email, name, days },
        } => {
            let (id, secret) = kyoso.create_token(&email, &name, days).await?;
            eprintln!(
                "{}",
                say!("cli-token-created", id = &id.to_string(), email = &email)
            );
            println!("{secret}");
            ExitCode::SUCCESS
        }
        Command::Token {
            command: TokenCommand::Revoke { id },
        } => {
            let id = kyoso_domain::Uid::parse(&id).map_err(|e| anyhow::anyhow!("id: {e}"))?;
            if kyoso.revoke_token(id).await? {
                println!("{}", say!("cli-token-revoked"));
                ExitCode::SUCCESS
            } else {
                eprintln!("{}", say!("cli-token-not-found"));
                ExitCode::FAILURE
            }
        }
        Command::Search(args) => crate::search::run(&kyoso, args).await?,
        Command::Assign { .. } | Command::Config | Command::Eval { .. } => {
            unreachable!("answered before the database is opened")
        }
        Command::Network { command } => {
            crate::network::run(&kyoso, command, &progress).await?;
            ExitCode::SUCCESS
        }
        Command::Match {
            need,
            top,
            explain,
            weights,
            lang,
            json,
        } => {
            let args = crate::matching::MatchArgs {
                need,
                top: usize::from(top),
                explain,
                weights,
                lang,
                json,
            };
            crate::matching::rank(&kyoso, args, &progress).await?;
            ExitCode::SUCCESS
        }
        Command::Needs {
            command: NeedsCommand::Sweep,
        } => {
            crate::matching::sweep(&kyoso).await?;
            ExitCode::SUCCESS
        }
        Command::Needs {
            command: NeedsCommand::List { status },
        } => {
            crate::matching::list(&kyoso, status.as_deref()).await?;
            ExitCode::SUCCESS
        }
        Command::Demo { people, seed } => {
            let started = std::time::Instant::now();
            let summary = kyoso.demo(DemoOptions { people, seed }, &progress).await?;
            let c = summary.counts;
            println!(
                "{}",
                say!(
                    "cli-demo-summary",
                    seed = seed,
                    database = &kyoso_service::redact_url(&database),
                    organizations = c.organizations,
                    people = c.people,
                    ties = c.ties,
                    seconds = &format!("{:.1}", started.elapsed().as_secs_f64()),
                )
            );
            for (what, s) in [
                (say!("cli-table-organizations"), summary.organizations),
                (say!("cli-table-people"), summary.people),
                (say!("cli-table-ties"), summary.ties),
            ] {
                let counts = say!(
                    "cli-write-counts",
                    added = s.inserted,
                    updated = s.updated,
                    unchanged = s.unchanged
                );
                println!("  {what:<13} {counts}");
            }
            ExitCode::SUCCESS
        }
        Command::Import {
            table,
            file,
            format,
            owner,
        } => {
            let owner = owner
                .map(|o| RecordRef::parse(&o))
                .transpose()
                .map_err(|e| anyhow::anyhow!("--owner: {e}"))?;
            let options = ImportOptions {
                format: format.map(Into::into),
                owner,
            };
            let started = std::time::Instant::now();
            let outcome = match (table, table.registry_table()) {
                (_, Some(table)) => kyoso.import(table, &file, &options, &progress).await?,
                (TableArg::Programs, None) => kyoso.import_programs(&file, &progress).await?,
                (TableArg::Lessons, None) => kyoso.import_lessons(&file, &progress).await?,
                (TableArg::Needs, None) => {
                    kyoso
                        .import_needs(&Caller::Cli, &file, &options, &progress)
                        .await?
                }
                (TableArg::Offers, None) => {
                    kyoso
                        .import_offers(&Caller::Cli, &file, &options, &progress)
                        .await?
                }
                (_, None) => {
                    kyoso
                        .import_participations(&file, options.format, &progress)
                        .await?
                }
            };
            match outcome {
                ImportOutcome::Committed(s) => {
                    let seconds = started.elapsed().as_secs_f64();
                    println!(
                        "{}",
                        say!(
                            "cli-import-done",
                            file = &file.display().to_string(),
                            rows = s.received,
                            added = s.inserted,
                            updated = s.updated,
                            unchanged = s.unchanged,
                            seconds = &format!("{seconds:.1}"),
                            rate = &format!("{:.0}", s.received as f64 / seconds.max(1e-9)),
                        )
                    );
                    ExitCode::SUCCESS
                }
                ImportOutcome::Rejected { errors, total } => {
                    for e in &errors {
                        match &e.field {
                            Some(field) => {
                                eprintln!("{}:{}: {field}: {}", file.display(), e.line, e.message)
                            }
                            None => eprintln!("{}:{}: {}", file.display(), e.line, e.message),
                        }
                    }
                    if total > errors.len() as u64 {
                        let more = total - errors.len() as u64;
                        eprintln!("{}", say!("cli-and-more", count = more));
                    }
                    eprintln!(
                        "{}",
                        say!(
                            "cli-import-refused",
                            file = &file.display().to_string(),
                            errors = total
                        )
                    );
                    ExitCode::FAILURE
                }
            }
        }
        Command::Export {
            table,
            output,
            format,
        } => {
            let format = format
                .map(Into::into)
                .or_else(|| output.as_deref().map(Format::from_path))
                .unwrap_or(Format::Csv);
            match output {
                Some(path) => export_to_file(&kyoso, table, format, &path, &progress).await?,
                None => {
                    let out = Box::new(std::io::stdout());
                    export_records(&kyoso, table, format, out, &progress).await?;
                }
            }
            ExitCode::SUCCESS
        }
        Command::Db {
            command: DbCommand::Migrate,
        } => {
            // Opening the store has already applied what was missing.
            println!(
                "{}",
                say!(
                    "cli-db-migrated",
                    database = &kyoso_service::redact_url(&database)
                )
            );
            ExitCode::SUCCESS
        }
        Command::Db {
            command: DbCommand::Erase { person },
        } => {
            let uid = crate::serve::find_person(&kyoso, &person).await?;
            kyoso.erase_person(&kyoso_service::Caller::Cli, uid).await?;
            println!("{}", say!("cli-db-erased", id = &uid.to_string()));
            ExitCode::SUCCESS
        }
        Command::Db {
            command: DbCommand::Erasures,
        } => {
            let erasures = kyoso.erasures(&kyoso_service::Caller::Cli).await?;
            let mut out = csv::Writer::from_writer(std::io::stdout().lock());
            out.write_record(["person", "erased_at", "erased_by"])?;
            for erasure in erasures {
                out.write_record([
                    erasure.person.to_string(),
                    erasure.at.to_string(),
                    erasure.by,
                ])?;
            }
            out.flush()?;
            ExitCode::SUCCESS
        }
        Command::Db {
            command: DbCommand::ReplayErasures { file },
        } => {
            let mut reader = csv::Reader::from_path(&file)
                .with_context(|| say!("cli-reading-file", file = &file.display().to_string()))?;
            let mut people = Vec::new();
            for (i, row) in reader.records().enumerate() {
                let row = row.with_context(|| format!("{}:{}", file.display(), i + 2))?;
                let cell = row.get(0).unwrap_or_default();
                let uid = kyoso_domain::Uid::parse(cell)
                    .map_err(|e| anyhow::anyhow!("{}:{}: person: {e}", file.display(), i + 2))?;
                people.push(uid);
            }
            let erased = kyoso
                .replay_erasures(&kyoso_service::Caller::Cli, &people)
                .await?;
            println!(
                "{}",
                say!("cli-db-replayed", erased = erased, listed = people.len())
            );
            ExitCode::SUCCESS
        }
        Command::Db {
            command: DbCommand::Check,
        } => {
            let report = kyoso.check(&kyoso_service::Caller::Cli).await?;
            let c = report.checked;
            if report.is_ok() {
                println!(
                    "{}",
                    say!(
                        "cli-db-check-ok",
                        organizations = c.organizations,
                        people = c.people,
                        ties = c.ties,
                        events = c.events
                    )
                );
                ExitCode::SUCCESS
            } else {
                for problem in &report.problems {
                    println!(
                        "{}",
                        say!("cli-db-check-problem", problem = &problem.to_string())
                    );
                }
                println!(
                    "{}",
                    say!("cli-db-check-problems", count = report.problems.len())
                );
                ExitCode::FAILURE
            }
        }
    };
    kyoso.close().await;
    Ok(code)
}

/// Writes beside the target and renames, so that a failed export never
/// leaves a half-written file under the name asked for.
async fn export_to_file(
    kyoso: &Kyoso,
    table: TableArg,
    format: Format,
    path: &Path,
    progress: &Bar,
) -> anyhow::Result<()> {
    let partial = path.with_extension(format!(
        "{}.partial",
        path.extension().and_then(|e| e.to_str()).unwrap_or("out")
    ));
    let file = File::create(&partial)
        .with_context(|| say!("cli-creating-file", file = &partial.display().to_string()))?;
    let summary = export_records(kyoso, table, format, Box::new(SyncOnDrop(file)), progress).await;
    let summary = match summary {
        Ok(summary) => summary,
        Err(err) => {
            let _ = std::fs::remove_file(&partial);
            return Err(err.into());
        }
    };
    std::fs::rename(&partial, path)
        .with_context(|| say!("cli-renaming-file", file = &path.display().to_string()))?;
    eprintln!(
        "{}",
        say!(
            "cli-export-done",
            file = &path.display().to_string(),
            count = summary.records,
            table = &table.label()
        )
    );
    Ok(())
}

/// A file that is flushed to disk when writing ends.
struct SyncOnDrop(File);

impl Write for SyncOnDrop {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()?;
        self.0.sync_all()
    }
}
