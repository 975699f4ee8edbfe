//! `kyoso needs` and `kyoso match`: the demo's needs listed, one ranked
//! with its reasons in words and warm paths, as text and JSON, and refusals.

use kyoso_testkit::{TestDb, engines};
use serde_json::Value;

use crate::{kyoso, ok};

#[tokio::test]
async fn a_need_is_ranked_on_the_command_line() {
    for engine in engines() {
        let db = TestDb::new(engine).await;
        ok(&db.url, &["demo", "--people", "400", "--seed", "2"]);
        let open = ok(&db.url, &["needs", "list", "--status", "open"]);
        assert!(
            open.contains("Kaizen trainer") && !open.contains("Lean automation"),
            "{open}"
        );
        // The demo accepted an introduction for it: matched.
        let listed = ok(&db.url, &["needs", "list", "--status", "matched"]);
        let line = listed
            .lines()
            .find(|l| l.contains("Lean automation"))
            .unwrap_or_else(|| panic!("{listed}"));
        let id = line.split_whitespace().next().unwrap();

        let text = ok(&db.url, &["match", id, "--top", "5", "--explain"]);
        assert!(text.contains("the best 5 of"), "{text}");
        assert!(text.contains("  1. "), "{text}");
        assert!(text.contains("skills"), "{text}");
        assert!(
            text.contains("skills asked for"),
            "reasons in words: {text}"
        );
        assert!(text.contains("warm path:"), "{text}");
        let japanese = ok(
            &db.url,
            &["match", id, "--top", "3", "--explain", "--lang", "ja"],
        );
        assert!(japanese.contains("スキル"), "{japanese}");

        let json: Value =
            serde_json::from_str(&ok(&db.url, &["match", id, "--top", "3", "--json"])).unwrap();
        let candidates = json["candidates"].as_array().unwrap();
        assert_eq!(candidates.len(), 3);
        let scores: Vec<f64> = candidates
            .iter()
            .map(|c| c["score"].as_f64().unwrap())
            .collect();
        assert!(
            scores.windows(2).all(|w| w[0] >= w[1]),
            "best first: {scores:?}"
        );
        let again: Value =
            serde_json::from_str(&ok(&db.url, &["match", id, "--top", "3", "--json"])).unwrap();
        assert_eq!(
            json["candidates"], again["candidates"],
            "the same ranking twice"
        );

        let weighted: Value = serde_json::from_str(&ok(
            &db.url,
            &[
                "match",
                id,
                "--top",
                "3",
                "--json",
                "--weights",
                "network=0,track_record=0",
            ],
        ))
        .unwrap();
        assert_eq!(weighted["weights"]["network"], 0.0);

        let refused = kyoso(&db.url, &["match", id, "--weights", "charm=2"]);
        assert!(!refused.status.success());
        assert!(String::from_utf8_lossy(&refused.stderr).contains("charm"));
        let unknown = kyoso(&db.url, &["match", "0191e2b4-7c2a-7000-8000-000000000000"]);
        assert!(!unknown.status.success());
        assert!(String::from_utf8_lossy(&unknown.stderr).contains("need not found"));
        let swept = ok(&db.url, &["needs", "sweep"]);
        assert!(swept.contains("0 needs expired"), "{swept}");
        assert!(
            swept.contains("Kaizen trainer"),
            "the need due in five days is reminded: {swept}"
        );
    }
}
