//! `kyoso eval search` on the judged collection in the repository, `kyoso
//! search` on a demo database, and a bad collection refused by name.

use crate::{kyoso, ok, path};

fn collection() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/search/collection.json")
}

#[test]
fn the_judged_collection_is_scored_per_language_and_split() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("unused.db").display());
    let out = ok(&url, &["eval", "search", path(&collection()), "--json"]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    for language in ["en", "ja", "th", "vi"] {
        assert!(
            report["by_language"][language]["queries"].as_u64().unwrap() >= 20,
            "{language}"
        );
    }
    assert_eq!(report["by_split"]["heldout"]["queries"], 25);
    // A floor under today's figures, not a target: a change that loses
    // much of what search understands fails here.
    let ndcg = report["overall"]["ndcg_at_10"].as_f64().unwrap();
    assert!(ndcg > 0.75, "nDCG@10 {ndcg}");
    assert!(
        !dir.path().join("unused.db").exists(),
        "no database is made"
    );
}

#[test]
fn a_bad_collection_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.json");
    std::fs::write(
        &file,
        "{\"format\": \"kyoso-search-eval/1\", \"records\": [], \"queries\": [{\"key\": \"q\"}]}",
    )
    .unwrap();
    let url = format!("sqlite://{}", dir.path().join("unused.db").display());
    let out = kyoso(&url, &["eval", "search", path(&file)]);
    assert!(!out.status.success());
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(
        error.contains("bad.json") && error.contains("line 1"),
        "{error}"
    );
}

#[test]
fn the_demo_is_found_across_languages() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("demo.db").display());
    ok(&url, &["demo", "--people", "300"]);
    let out = ok(&url, &["search", "溶接", "--kind", "person", "--json"]);
    let results: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(results["total"].as_u64().unwrap() > 0, "{results}");
    assert!(
        results["hits"][0]["matched"][0]
            .as_str()
            .unwrap()
            .contains("溶接"),
        "{results}"
    );
    let coverage = ok(&url, &["search", "vocabulary", "--coverage"]);
    assert!(coverage.lines().count() >= 5, "{coverage}");
}

#[test]
fn a_reader_that_stops_reading_stops_kyoso_quietly() {
    use std::io::BufRead as _;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("unused.db").display());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kyoso"))
        .args(["search", "vocabulary"])
        .env("KYOSO_DATABASE_URL", &url)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader goes, as `| head -1` would.
    let out = child.wait_with_output().unwrap();
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(!error.contains("panicked"), "{error}");
    assert_eq!(out.status.code(), Some(141), "stopped as by a closed pipe");
    assert!(!first.is_empty());
}
