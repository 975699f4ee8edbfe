//! Databases made by earlier versions of kyoso open with today's code: the
//! migrations carry them forward and nothing in them is lost or broken.
//! Each schema change adds the database of the version before it to
//! `tests/fixtures/upgrade` (see its README).

use std::path::PathBuf;

use kyoso_domain::Uid;
use kyoso_store::Engine;
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
            check_upgraded(&db.url, db.dir());
        }
    }
}
