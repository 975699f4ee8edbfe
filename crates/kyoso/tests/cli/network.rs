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
