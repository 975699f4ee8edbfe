//! `kyoso export participations` and `kyoso import participations`: a file
//! round-trips unchanged, may add to journeys, never rewrites them, and a bad
//! file changes nothing.

use kyoso_testkit::{TestDb, engines};
use serde_json::{Value, json};

use crate::{kyoso, ok, path};

fn export(url: &str, file: &std::path::Path) -> Vec<Value> {
    ok(url, &["export", "participations", "-o", path(file)]);
    let text = std::fs::read_to_string(file).unwrap();
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Array(items)) => items,
        _ => text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect(),
    }
}

fn write(file: &std::path::Path, rows: &[Value]) {
    std::fs::write(file, serde_json::to_string_pretty(rows).unwrap()).unwrap();
}

#[tokio::test]
async fn participations_round_trip_grow_their_journeys_and_refuse_rewrites() {
    for engine in engines() {
        let db = TestDb::new(engine).await;
        ok(&db.url, &["demo", "--people", "400", "--seed", "4"]);
        let first = db.path("first.json");
        let rows = export(&db.url, &first);
        assert!(
            rows.len() > 20,
            "the demo has participations: {}",
            rows.len()
        );
        let out = ok(&db.url, &["import", "participations", path(&first)]);
        assert!(
            out.contains(&format!(": 0 added, 0 updated, {} unchanged", rows.len())),
            "{out}"
        );

        // Add a step to one returnee's journey, and a new participant.
        let mut grown = rows.clone();
        let returnee = grown
            .iter()
            .position(|r| {
                r["journey"]
                    .as_str()
                    .unwrap_or("")
                    .ends_with(|c: char| c.is_ascii_digit())
                    && r["journey"].as_str().unwrap_or("").contains("returned")
            })
            .expect("a returnee");
        let journey = grown[returnee]["journey"].as_str().unwrap().to_owned();
        if !journey.contains("follow_up") {
            grown[returnee]["journey"] = json!(format!("{journey}; follow_up 2026-06-01"));
        }
        grown.push(json!({
            "external_id": "IMPORT-KAIZEN-1", "person": "DEMO-P-0000001", "program": "AOTS-KAIZEN",
            "role": "trainee", "applied_on": "2024-01-10",
            "journey": "selected 2024-02-01; active 2024-04-01; completed 2024-06-28"
        }));
        let second = db.path("second.json");
        write(&second, &grown);
        let out = ok(&db.url, &["import", "participations", path(&second)]);
        assert!(out.contains(": 1 added,"), "{out}");
        let after = export(&db.url, &db.path("after.json"));
        assert_eq!(after.len(), rows.len() + 1);
        let added = after
            .iter()
            .find(|r| r["external_id"] == "IMPORT-KAIZEN-1")
            .expect("the new participation");
        assert_eq!(
            added["journey"],
            "selected 2024-02-01; active 2024-04-01; completed 2024-06-28"
        );
        let ties = db.path("ties.csv");
        ok(&db.url, &["export", "ties", "-o", path(&ties)]);
        let ties = std::fs::read_to_string(&ties).unwrap();
        assert!(
            ties.lines().any(|l| l.contains("trained_at")
                && l.contains("DEMO-P-0000001")
                && l.contains("2024-04-01")),
            "completing implies the training tie"
        );

        // A file that rewrites history, breaks the rules or names nobody
        // changes nothing, and says where.
        let mut bad = after.clone();
        let rewritten = bad
            .iter()
            .position(|r| r["journey"].as_str().unwrap_or("").contains("selected"))
            .unwrap();
        bad[rewritten]["journey"] = json!("rejected 2001-01-01");
        bad.push(json!({
            "external_id": "IMPORT-BAD-1", "person": "DEMO-P-0000002", "program": "AOTS-KAIZEN",
            "role": "trainee", "applied_on": "2024-01-10",
            "journey": "selected 2024-02-01; completed 2024-03-01"
        }));
        bad.push(json!({
            "external_id": "IMPORT-BAD-2", "person": "NOBODY-HERE", "program": "AOTS-KAIZEN",
            "role": "trainee", "applied_on": "2024-01-10"
        }));
        let bad_file = db.path("bad.json");
        write(&bad_file, &bad);
        let out = kyoso(&db.url, &["import", "participations", path(&bad_file)]);
        assert!(!out.status.success());
        let errors = String::from_utf8_lossy(&out.stderr);
        assert!(
            errors.contains("journey: entry 2: cannot move from selected to completed"),
            "{errors}"
        );
        assert!(errors.contains("never rewritten"), "{errors}");
        assert!(errors.contains("NOBODY-HERE"), "{errors}");
        assert!(errors.contains("nothing was imported"), "{errors}");
        assert_eq!(
            export(&db.url, &db.path("unchanged.json")),
            after,
            "nothing changed"
        );

        // Two participations that imply the same tie share it; it goes only
        // when neither implies it any more.
        let twin = |n: u32, journey: &str| {
            json!({
                "external_id": format!("IMPORT-TWIN-{n}"), "person": "DEMO-P-0000003",
                "program": "AOTS-KAIZEN", "role": "trainee", "applied_on": "2024-01-10",
                "journey": journey
            })
        };
        let completed = "selected 2024-02-01; active 2024-04-02; completed 2024-06-28";
        let retracted = format!("{completed}; retract 3 2024-07-01: recorded by mistake");
        let twin_ties = |name: &str| {
            let file = db.path(name);
            ok(&db.url, &["export", "ties", "-o", path(&file)]);
            std::fs::read_to_string(&file)
                .unwrap()
                .lines()
                .filter(|l| {
                    l.contains("trained_at")
                        && l.contains("DEMO-P-0000003")
                        && l.contains("2024-04-02")
                })
                .count()
        };
        // The second twin comes in a later file, as a new participation.
        for (step, twins, expected) in [
            ("first", vec![completed], 1),
            ("both", vec![completed, completed], 1),
            ("one", vec![retracted.as_str(), completed], 1),
            ("neither", vec![retracted.as_str(), retracted.as_str()], 0),
        ] {
            let file = db.path(&format!("twins-{step}.json"));
            let rows: Vec<Value> = (1..).zip(twins).map(|(n, j)| twin(n, j)).collect();
            write(&file, &rows);
            ok(&db.url, &["import", "participations", path(&file)]);
            assert_eq!(
                twin_ties(&format!("twin-ties-{step}.csv")),
                expected,
                "{step} complete"
            );
        }
        assert!(ok(&db.url, &["db", "check"]).starts_with("ok:"));
    }
}

#[tokio::test]
async fn programs_round_trip_through_json_and_bad_ones_are_named() {
    let engines = engines();
    let source = TestDb::new(engines[0]).await;
    ok(&source.url, &["demo", "--people", "300", "--seed", "5"]);
    let programs = source.path("programs.json");
    ok(&source.url, &["export", "programs", "-o", path(&programs)]);
    let organizations = source.path("organizations.csv");
    ok(
        &source.url,
        &["export", "organizations", "-o", path(&organizations)],
    );
    let exported = std::fs::read(&programs).unwrap();
    let count = serde_json::from_slice::<Vec<Value>>(&exported)
        .unwrap()
        .len();
    assert!(count >= 5, "the demo's programs: {count}");
    let out = ok(&source.url, &["import", "programs", path(&programs)]);
    assert!(
        out.contains(&format!(": 0 added, 0 updated, {count} unchanged")),
        "{out}"
    );

    for engine in engines {
        let copy = TestDb::new(engine).await;
        ok(
            &copy.url,
            &["import", "organizations", path(&organizations)],
        );
        let out = ok(&copy.url, &["import", "programs", path(&programs)]);
        assert!(out.contains(&format!(": {count} added")), "{out}");
        let again = copy.path("again.json");
        ok(&copy.url, &["export", "programs", "-o", path(&again)]);
        assert!(
            std::fs::read(&again).unwrap() == exported,
            "the copy on {engine:?} exports the same programs"
        );

        let bad = copy.path("bad.json");
        std::fs::write(
            &bad,
            r#"[
{"program_type": "seminar_series", "name_latin": "Fine", "organizer": "TPA", "start": "2025"},
{"program_type": "seminar_series", "name_latin": "Wrong goal", "organizer": "TPA", "start": "2025",
 "sdgs": ["18"]},
{"program_type": "seminar_series", "name_latin": "Nobody organizes", "organizer": "NOBODY", "start": "2025"}
]"#,
        )
        .unwrap();
        let out = kyoso(&copy.url, &["import", "programs", path(&bad)]);
        assert!(!out.status.success());
        let errors = String::from_utf8_lossy(&out.stderr);
        assert!(errors.contains("bad.json:3: sdgs:"), "{errors}");
        assert!(errors.contains("bad.json:5: organizer:"), "{errors}");
        let after = copy.path("after.json");
        ok(&copy.url, &["export", "programs", "-o", path(&after)]);
        assert!(
            std::fs::read(&after).unwrap() == exported,
            "nothing changed"
        );
    }
}
