//! Erasures are recorded, listed, and replayed on a database restored from
//! a backup made before them.

use kyoso_testkit::{TestDb, engines};

use crate::{kyoso, ok, path};

#[tokio::test]
async fn erasures_are_replayed_after_a_restore() {
    // A file copy is the backup here: SQLite only.
    let Some(engine) = engines().into_iter().next() else {
        return;
    };
    let db = TestDb::new(engine).await;
    ok(&db.url, &["demo", "--people", "200", "--seed", "4"]);
    let file = db.path("kyoso.db");
    let backup = db.path("backup.db");
    ok(&db.url, &["db", "check"]);
    std::fs::copy(&file, &backup).unwrap();

    let erased = ok(&db.url, &["db", "erase", "DEMO-P-0000007"]);
    assert!(erased.starts_with("erased "), "{erased}");
    let list = ok(&db.url, &["db", "erasures"]);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines[0], "person,erased_at,erased_by");
    assert_eq!(lines.len(), 2, "{list}");
    assert!(lines[1].ends_with(",cli"), "{list}");
    let listed = db.path("erasures.csv");
    std::fs::write(&listed, &list).unwrap();

    // The backup comes back, and with it the person. A restore replaces
    // the database's files: a write-ahead log left by the erasing process
    // (not yet folded into the file when a process is slow to close) must
    // not be replayed onto the restored file.
    std::fs::copy(&backup, &file).unwrap();
    for stale in ["kyoso.db-wal", "kyoso.db-shm"] {
        let _ = std::fs::remove_file(db.path(stale));
    }
    let people = db.path("people.csv");
    ok(&db.url, &["export", "people", "-o", path(&people)]);
    assert!(
        std::fs::read_to_string(&people)
            .unwrap()
            .contains("DEMO-P-0000007")
    );
    let replayed = ok(&db.url, &["db", "replay-erasures", path(&listed)]);
    assert!(
        replayed.starts_with("1 of 1 listed erased again"),
        "{replayed}"
    );
    ok(&db.url, &["export", "people", "-o", path(&people)]);
    assert!(
        !std::fs::read_to_string(&people)
            .unwrap()
            .contains("DEMO-P-0000007")
    );
    let again = ok(&db.url, &["db", "replay-erasures", path(&listed)]);
    assert!(
        again.starts_with("0 of 1"),
        "replaying twice changes nothing: {again}"
    );

    let bad = db.path("bad.csv");
    std::fs::write(&bad, "person\nnot-an-id\n").unwrap();
    let out = kyoso(&db.url, &["db", "replay-erasures", path(&bad)]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.csv:2: person"), "{stderr}");
}
