//! The `kyoso` binary: parses the command line, sets up logging, opens the
//! database and hands over to the use cases in `kyoso-service`. Nothing here
//! knows SQL, file formats or rules; it only translates and reports.

#![forbid(unsafe_code)]
#![allow(clippy::print_stdout, clippy::print_stderr, reason = "a CLI's output")]

mod assign;
mod cli;
mod config;
mod matching;
mod network;
mod progress;
mod say;
mod search;
mod serve;

use std::process::ExitCode;

use clap::Parser;

/// Bulk loads allocate on one thread and free on another, where the
/// system allocator contends; mimalloc does not.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The exit status of a process stopped by a closed pipe (128 + SIGPIPE).
const CLOSED_PIPE: i32 = 141;

/// A reader that stops reading (`kyoso search … | head`) made the output
/// fail; that is their choice, not a fault: stop quietly, as other tools
/// do, rather than report a panic.
fn stop_quietly_on_a_closed_pipe() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(CLOSED_PIPE);
        }
        report(info);
    }));
}

fn main() -> ExitCode {
    stop_quietly_on_a_closed_pipe();
    let cli = cli::Cli::parse();
    let config = match config::Config::load(&cli.flags(), &|name| std::env::var(name).ok()) {
        Ok(config) => config,
        Err(err) => {
            eprintln!("{}", say::say!("cli-error", error = &format!("{err:#}")));
            return ExitCode::from(2);
        }
    };
    let default_filter = if cli.verbose {
        "info,sqlx=warn"
    } else {
        "warn,sqlx=error"
    };
    let filter = config
        .log
        .value
        .as_deref()
        .and_then(|log| tracing_subscriber::EnvFilter::try_new(log).ok())
        .unwrap_or_else(|| tracing_subscriber::EnvFilter::new(default_filter));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    for name in config::unknown_environment(std::env::vars().map(|(name, _)| name)) {
        tracing::warn!("{name} is not a setting of kyoso (see `kyoso config`); it is ignored");
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!(
                "{}",
                say::say!("cli-error-cannot-start", error = &err.to_string())
            );
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(cli::run(cli, config)) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("{}", say::say!("cli-error", error = &err.to_string()));
            for cause in err.chain().skip(1) {
                eprintln!(
                    "  {}",
                    say::say!("cli-error-caused-by", cause = &cause.to_string())
                );
            }
            ExitCode::FAILURE
        }
    }
}
