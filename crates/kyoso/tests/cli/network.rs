//! `kyoso network`: paths, brokers, communities and growth on the demo
//! network, as text and as JSON, and its refusals.

use kyoso_testkit::{TestDb, engines};
use serde_json::Value;

use crate::{kyoso, ok};

fn json(url: &str, args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.push("--json");
    serde_json::from_str(&ok(url, &args)).expect("JSON output")
}

#[tokio::test]
async fn the_network_answers_on_the_command_line() {
    for engine in engines() {
        let db = TestDb::new(engine).await;
        ok(&db.url, &["demo", "--people", "400", "--seed", "2"]);

        // From a Thai alumnus to AOTS and to the Japanese side.
        let paths = json(&db.url, &["network", "path", "TPA", "AOTS", "-k", "2"]);
        let found = paths["paths"].as_array().unwrap();
        assert!(!found.is_empty(), "{paths}");
        let first = &found[0];
        assert_eq!(
            first["nodes"].as_array().unwrap().len(),
            first["steps"].as_array().unwrap().len() + 1
        );
        assert!(first["cost"].as_f64().unwrap() >= 1.0);
        let text = ok(&db.url, &["network", "path", "TPA", "AOTS"]);
        assert!(text.starts_with("1. "), "{text}");
        assert!(text.contains("Technology Promotion Association"), "{text}");

        let brokers = json(&db.url, &["network", "brokers", "--top", "5"]);
        assert_eq!(brokers["exact"], true);
        assert_eq!(brokers["brokers"].as_array().unwrap().len(), 5);
        let thai = json(
            &db.url,
            &["network", "brokers", "--top", "3", "--country", "TH"],
        );
        for broker in thai["brokers"].as_array().unwrap() {
            assert_eq!(broker["node"]["country"], "TH");
        }
        let between = ok(
            &db.url,
            &[
                "network",
                "brokers",
                "--from",
                "country:TH,type:private",
                "--to",
                "country:JP,type:academic",
            ],
        );
        assert!(between.contains("on shortest paths from"), "{between}");

        let communities = json(&db.url, &["network", "communities", "--top", "3"]);
        assert!(communities["modularity"].as_f64().unwrap() > 0.2);
        assert!(communities["core"]["size"].as_u64().unwrap() > 0);
        let text = ok(&db.url, &["network", "communities"]);
        assert!(text.contains("modularity"), "{text}");

        let by_country = ok(&db.url, &["network", "growth", "--by", "country"]);
        assert!(
            by_country.lines().any(|l| l.starts_with("TH ")),
            "{by_country}"
        );
        let monthly = json(
            &db.url,
            &[
                "network",
                "growth",
                "--interval",
                "month",
                "--as-of",
                "1999-12-31",
            ],
        );
        let last = monthly["periods"].as_array().unwrap().last().unwrap();
        assert!(last["period"].as_str().unwrap() <= "1999-12", "{last}");

        // Refusals name what is wrong and exit non-zero.
        for (args, needle) in [
            (vec!["network", "path", "TPA", "NOBODY"], "NOBODY"),
            (
                vec!["network", "path", "TPA", "AOTS", "-k", "0"],
                "k: must be from 1 to",
            ),
            (vec!["network", "brokers", "--from", "country:TH"], "--to"),
            (
                vec![
                    "network",
                    "brokers",
                    "--from",
                    "colour:red",
                    "--to",
                    "country:JP",
                ],
                "colour",
            ),
            (vec!["network", "growth", "--as-of", "1999"], "--as-of"),
        ] {
            let out = kyoso(&db.url, &args);
            assert!(!out.status.success(), "{args:?} succeeded");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.contains(needle), "{args:?}: {stderr}");
        }
    }
}

/// Runs `kyoso` with `KYOSO_HUB_TIES` set, insisting that it succeeds.
fn with_hub_ties(url: &str, hub_ties: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kyoso"))
        .args(args)
        .arg("--quiet")
        .env("KYOSO_DATABASE_URL", url)
        .env("KYOSO_HUB_TIES", hub_ties)
        .env_remove("KYOSO_LOG")
        .output()
        .expect("run kyoso");
    assert!(
        out.status.success(),
        "kyoso {args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[tokio::test]
async fn a_path_passes_through_a_hub_only_between_ties_begun_within_a_year() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, lines: &[serde_json::Value]| {
        let path = dir.path().join(name);
        let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        std::fs::write(&path, text.join("\n")).unwrap();
        path
    };
    let organizations = write(
        "organizations.json",
        &[
            serde_json::json!({"external_id": "agency", "name_latin": "Overseas Training Agency",
            "org_type": "60", "country": "JP", "visibility": "network"}),
        ],
    );
    let person = |id: &str, name: &str| {
        serde_json::json!({"external_id": id, "name_latin": name, "residence": "TH",
            "visibility": "network"})
    };
    let people = write(
        "people.json",
        &[
            person("anong", "Anong"),
            person("boon", "Boonsri"),
            person("chai", "Chaiwat"),
            person("dao", "Dao"),
        ],
    );
    let trained = |who: &str, year: &str| {
        serde_json::json!({"kind": "trained_at", "from_type": "person", "to_type": "organization",
            "from": who, "to": "agency", "start": year, "visibility": "network"})
    };
    let ties = write(
        "ties.json",
        &[
            trained("anong", "1995"),
            trained("boon", "1995"),
            trained("chai", "2018"),
            trained("dao", "2018"),
        ],
    );
    for engine in engines() {
        let db = TestDb::new(engine).await;
        for (records, file) in [
            ("organizations", &organizations),
            ("people", &people),
            ("ties", &ties),
        ] {
            ok(&db.url, &["import", records, crate::path(file)]);
        }
        let path = |hub_ties: &str, to: &str| -> Value {
            let out = with_hub_ties(
                &db.url,
                hub_ties,
                &["network", "path", "anong", to, "-k", "3", "--json"],
            );
            serde_json::from_str(&out).unwrap()
        };
        // Four alumni: with more than three ties the agency is a hub.
        let same_intake = path("3", "boon");
        let nodes = same_intake["paths"][0]["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), 3, "{same_intake}");
        assert_eq!(nodes[1]["hub"], true, "{same_intake}");
        let decades_apart = path("3", "chai");
        assert_eq!(
            decades_apart["paths"],
            serde_json::json!([]),
            "{decades_apart}"
        );
        // Below the threshold the agency introduces anyone it trained.
        let small = path("4", "chai");
        assert_eq!(small["paths"][0]["nodes"][1]["hub"], false, "{small}");
        // The words say why a step through a hub counts.
        let text = with_hub_ties(&db.url, "3", &["network", "path", "anong", "boon"]);
        assert!(text.contains("a hub: this step counts"), "{text}");

        // An administrator may make a hub of a body of any size.
        let listed = with_hub_ties(&db.url, "100", &["network", "hubs", "--flag", "agency"]);
        assert!(listed.contains("Overseas Training Agency"), "{listed}");
        assert_eq!(path("100", "chai")["paths"], serde_json::json!([]));
        let hubs: Value = serde_json::from_str(&with_hub_ties(
            &db.url,
            "100",
            &["network", "hubs", "--json"],
        ))
        .unwrap();
        assert_eq!(hubs["hub_ties"], 100, "{hubs}");
        assert_eq!(hubs["hubs"][0]["flagged"], true, "{hubs}");
        assert_eq!(hubs["hubs"][0]["ties"], 4, "{hubs}");
        with_hub_ties(&db.url, "100", &["network", "hubs", "--unflag", "agency"]);
        assert_eq!(path("100", "chai")["paths"][0]["nodes"][1]["hub"], false);
    }
}
