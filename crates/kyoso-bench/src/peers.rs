//! Peer libraries from PyPI, for the benchmarks that measure kyoso beside
//! them: a virtual environment under the benchmark's work directory, made
//! on first use, and a script that answers in JSON.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::Context as _;
use serde_json::Value;

/// A Python in `work/peers-venv` that can import every module of
/// `imports`, installing `packages` from PyPI if it cannot yet.
pub(crate) fn python(work: &Path, imports: &[&str], packages: &[&str]) -> anyhow::Result<PathBuf> {
    let venv = work.join("peers-venv");
    let python = venv.join("bin/python");
    let check = format!("import {}", imports.join(", "));
    let ready = Command::new(&python)
        .args(["-c", &check])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ready {
        if !python.exists() {
            run(Command::new("python3").args(["-m", "venv"]).arg(&venv))
                .context("making a Python virtual environment")?;
        }
        run(Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
            ])
            .args(packages))
        .with_context(|| format!("installing {} from PyPI", packages.join(" and ")))?;
    }
    let versions = format!(
        "{check}; print(' · '.join(m.__name__ + ' ' + getattr(m, '__version__', '?') for m in ({},)))",
        imports.join(", ")
    );
    let output = Command::new(&python).args(["-c", &versions]).output()?;
    println!("peers: {}", String::from_utf8_lossy(&output.stdout).trim());
    Ok(python)
}

fn run(command: &mut Command) -> anyhow::Result<()> {
    let output = command
        .output()
        .with_context(|| format!("running {command:?}"))?;
    anyhow::ensure!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr).trim()
    );
    Ok(())
}

/// Runs `script` (its text, written under `work` as `name`) with `args`
/// and reads its JSON answer.
pub(crate) fn ask(
    python: &Path,
    work: &Path,
    name: &str,
    script: &str,
    args: &[String],
) -> anyhow::Result<Value> {
    let path = work.join(name);
    std::fs::write(&path, script)?;
    let output = Command::new(python)
        .arg(&path)
        .args(args)
        .output()
        .context("running the peer")?;
    anyhow::ensure!(
        output.status.success(),
        "the peer failed: {}",
        String::from_utf8_lossy(&output.stderr).trim()
    );
    Ok(serde_json::from_slice(&output.stdout)?)
}
