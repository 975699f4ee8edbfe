//! `kyoso assign`: a round from a CSV file, in both modes, and a bad file
//! refused whole.

use crate::{kyoso, ok, path};

fn round(dir: &std::path::Path, text: &str) -> std::path::PathBuf {
    let file = dir.join("round.csv");
    std::fs::write(&file, text).unwrap();
    file
}

#[test]
fn a_round_is_assigned_with_reasons_and_fairness() {
    let dir = tempfile::tempdir().unwrap();
    // Two places at Sakai, one at Osaka; Chi has no candidate.
    let file = round(
        dir.path(),
        "participant,host,score,capacity,participant_preference,host_preference,country,gender\n\
         Somchai,Sakai Precision,0.9,2,0.5,0.9,TH,male\n\
         Somchai,Osaka Dies,0.8,1,0.9,0.2,TH,male\n\
         Lan,Sakai Precision,0.7,2,,,VN,female\n\
         Lan,Osaka Dies,0.1,1,,,VN,female\n\
         Mai,Sakai Precision,0.6,2,,,VN,female\n\
         Chi,Nowhere,0,0,,,VN,female\n",
    );
    // No database is needed: none is created.
    let url = format!("sqlite://{}", dir.path().join("unused.db").display());
    let out = ok(
        &url,
        &["assign", path(&file), "--mode", "optimal", "--json"],
    );
    assert!(!dir.path().join("unused.db").exists());
    let outcome: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(outcome["placed"], 3);
    assert_eq!(
        outcome["total_score"], 2.1,
        "Somchai at Osaka, Lan and Mai at Sakai"
    );
    let chi = &outcome["placements"][3];
    assert_eq!(chi["participant"], "Chi");
    assert_eq!(chi["reason"], "not_worth_it");
    let women = outcome["fairness"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["by"] == "gender" && g["group"] == "female")
        .unwrap();
    assert_eq!(
        (women["participants"].as_u64(), women["placed"].as_u64()),
        (Some(3), Some(2))
    );

    let written = dir.path().join("placed.csv");
    let text = ok(
        &url,
        &[
            "assign",
            path(&file),
            "--mode",
            "stable",
            "-o",
            path(&written),
        ],
    );
    assert!(
        text.contains("(stable mode): 3 of 4 participants placed"),
        "{text}"
    );
    assert!(text.contains("fairness:"), "{text}");
    let placed = std::fs::read_to_string(&written).unwrap();
    assert!(
        placed.starts_with("participant,host,score,reason\n"),
        "{placed}"
    );
    // The same file, the same answer.
    let again = ok(&url, &["assign", path(&file), "--mode", "stable", "--json"]);
    let twice = ok(&url, &["assign", path(&file), "--mode", "stable", "--json"]);
    assert_eq!(again, twice);
}

#[test]
fn a_bad_round_is_refused_with_every_fault_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = round(
        dir.path(),
        "participant,host,score,capacity\n\
         A,H,0.5,2\n\
         B,H,lots,3\n\
         C,H,0.5,-2\n",
    );
    let out = kyoso("sqlite://unused.db", &["assign", path(&file)]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("round.csv:3: score:"), "{stderr}");
    assert!(stderr.contains("round.csv:4: capacity:"), "{stderr}");
    assert!(
        stderr.contains("2 errors; nothing was assigned"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}
