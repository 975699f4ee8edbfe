//! The real `kyoso` binary, run as a user would, against fresh databases.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failed unwrap is a failed test"
)]

mod assign;
mod crash;
mod erasure;
mod exchange;
mod knowledge;
mod matching;
mod network;
mod participations;
mod search;
mod upgrade;

use std::path::Path;
use std::process::{Command, Output};

/// Runs `kyoso` with `args` against the database at `url`.
pub(crate) fn kyoso(url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kyoso"))
        .args(args)
        .arg("--quiet")
        .env("KYOSO_DATABASE_URL", url)
        .env_remove("KYOSO_LOG")
        .output()
        .expect("run kyoso")
}

/// Runs `kyoso` and insists that it succeeds; returns its standard output.
pub(crate) fn ok(url: &str, args: &[&str]) -> String {
    let out = kyoso(url, args);
    assert!(
        out.status.success(),
        "kyoso {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

pub(crate) fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}
