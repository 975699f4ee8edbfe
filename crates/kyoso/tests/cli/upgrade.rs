//! Databases made by earlier versions of kyoso open with today's code: the
//! migrations carry them forward and nothing in them is lost or broken.
//! Each schema change adds the database of the version before it to
//! `tests/fixtures/upgrade` (see its README).

use std::path::PathBuf;

use kyoso_domain::Uid;
use kyoso_testkit::Engine;
use kyoso_testkit::{TestDb, engines};

use crate::ok;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/upgrade")
        .join(name)
}

/// The schema versions that have a fixture on both engines.
const VERSIONS: &[&str] = &["0005"];

/// What each fixture holds (`kyoso demo --people 300 --seed 3`: 220 organizations, 300 people, 1,200 ties, 8 needs).
fn check_upgraded(url: &str, dir: &std::path::Path) {
    let report = ok(url, &["db", "check"]);
    assert!(
        report.starts_with("ok: 220 organizations, 300 people"),
        "{report}"
    );
    for (what, rows) in [("organizations", 220), ("people", 300), ("ties", 1200)] {
        let file = dir.join(format!("{what}.csv"));
        ok(url, &["export", what, "-o", file.to_str().unwrap()]);
        let lines = std::fs::read_to_string(&file).unwrap().lines().count();
        assert_eq!(lines, rows + 1, "{what} after the upgrade");
    }
    let needs = ok(url, &["needs", "list"]);
    assert_eq!(needs.lines().count(), 8, "{needs}");
    for line in needs.lines() {
        let id = line.split_whitespace().next().unwrap();
        Uid::parse(id).unwrap_or_else(|_| panic!("{line}"));
    }
}

#[tokio::test]
async fn databases_of_earlier_versions_are_migrated_forward() {
    for engine in engines() {
        for version in VERSIONS {
            let db = TestDb::new(engine).await;
            match engine {
                Engine::Sqlite => {
                    let file = db.path("kyoso.db");
                    std::fs::copy(fixture(&format!("schema-{version}-sqlite.db")), &file).unwrap();
                }
                Engine::Postgres => {
                    let script =
                        std::fs::read_to_string(fixture(&format!("schema-{version}-postgres.sql")))
                            .unwrap();
                    db.load_postgres_script(&script).await;
                }
            }
            // What the code of 0005 wrote of a user: their email, in trails.
            db.execute(
                "INSERT INTO audit_log (at, actor, action, record_table, record_uid) \
                 SELECT at, 'user:officer@tpa.example', action, record_table, record_uid \
                 FROM audit_log WHERE actor = 'cli' LIMIT 1; \
                 INSERT INTO audit_log (at, actor, action, record_table, record_uid) \
                 SELECT at, 'user:gone@example.org', action, record_table, record_uid \
                 FROM audit_log WHERE actor = 'cli' LIMIT 1;",
            )
            .await;
            check_upgraded(&db.url, db.dir());
            let actors = db
                .texts(
                    "SELECT DISTINCT actor FROM audit_log WHERE actor LIKE 'user:%' ORDER BY actor",
                )
                .await;
            assert_eq!(actors.len(), 2, "{actors:?}");
            assert!(
                actors.iter().all(|a| !a.contains('@')),
                "trails name users by id only: {actors:?}"
            );
            assert!(actors.contains(&"user:removed".to_owned()), "{actors:?}");
            let officer = db
                .texts("SELECT email FROM users WHERE email = 'officer@tpa.example'")
                .await;
            assert_eq!(officer.len(), 1);
        }
    }
}
