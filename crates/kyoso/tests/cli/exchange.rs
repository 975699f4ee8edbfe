use kyoso_testkit::{TestDb, engines};

use crate::{kyoso, ok, path};

/// Exports every table of `url` into `dir` under `prefix`.
fn export_all(url: &str, dir: &std::path::Path, prefix: &str) -> Vec<Vec<u8>> {
    [
        ("organizations", "csv"),
        ("people", "csv"),
        ("events", "csv"),
        ("ties", "json"),
    ]
    .iter()
    .map(|(table, ext)| {
        let file = dir.join(format!("{prefix}-{table}.{ext}"));
        ok(url, &["export", table, "-o", path(&file)]);
        std::fs::read(&file).unwrap()
    })
    .collect()
}

#[tokio::test]
async fn demo_export_and_import_into_an_empty_database_reproduces_it_exactly() {
    let engines = engines();
    let source = TestDb::new(engines[0]).await;
    let out = ok(&source.url, &["demo", "--people", "400", "--seed", "9"]);
    assert!(out.contains("400 people"), "{out}");
    assert!(ok(&source.url, &["db", "check"]).starts_with("ok:"));
    let original = export_all(&source.url, source.dir(), "a");

    // Into every engine, SQLite and PostgreSQL alike.
    for engine in engines {
        let copy = TestDb::new(engine).await;
        for (table, ext) in [
            ("organizations", "csv"),
            ("people", "csv"),
            ("events", "csv"),
            ("ties", "json"),
        ] {
            let file = source.path(&format!("a-{table}.{ext}"));
            let out = ok(&copy.url, &["import", table, path(&file)]);
            assert!(out.contains("added, 0 updated, 0 unchanged"), "{out}");
        }
        assert!(ok(&copy.url, &["db", "check"]).starts_with("ok:"));
        let again = export_all(&copy.url, copy.dir(), "b");
        for (a, b) in original.iter().zip(&again) {
            assert!(a == b, "the export of the copy on {engine:?} differs");
        }
        // Importing the same files again changes nothing.
        let file = source.path("a-people.csv");
        let out = ok(&copy.url, &["import", "people", path(&file)]);
        assert!(out.contains(": 0 added, 0 updated, 400 unchanged"), "{out}");
    }
}

#[tokio::test]
async fn a_bad_file_changes_nothing_and_every_fault_is_named() {
    for engine in engines() {
        let db = TestDb::new(engine).await;
        ok(&db.url, &["demo", "--people", "50"]);
        let before = export_all(&db.url, db.dir(), "before");
        let bad = db.path("bad.csv");
        std::fs::write(
            &bad,
            "external_id,name_latin,residence,languages,owner\n\
             NEW-1,Good Row,TH,th:native,TPA\n\
             NEW-2,Bad Country,XX,,\n\
             NEW-3,Bad Level,VN,ja:B2,\n\
             NEW-4,Unknown Owner,VN,,NOBODY\n\
             NEW-1,Repeated,TH,,\n\
             NEW-5,Cut short\n",
        )
        .unwrap();
        let out = kyoso(&db.url, &["import", "people", path(&bad)]);
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8(out.stderr).unwrap();
        for expected in [
            "bad.csv:3: residence: unknown country code \"XX\"",
            "bad.csv:4: languages: Japanese is graded by JLPT level (N1-N5) or native, not B2",
            "bad.csv:5: owner: no organization has the external id or id \"NOBODY\"",
            "bad.csv:6: external_id: \"NEW-1\" is already on line 2",
            "bad.csv:7: has 2 fields but the header has 5",
            "5 errors; nothing was imported",
        ] {
            assert!(
                stderr.contains(expected),
                "missing {expected:?} in:\n{stderr}"
            );
        }

        let wrong_header = db.path("header.csv");
        std::fs::write(&wrong_header, "external_id,full_name\nA,B\n").unwrap();
        let out = kyoso(&db.url, &["import", "people", path(&wrong_header)]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("line 1: unknown column \"full_name\"")
        );

        let invalid_utf8 = db.path("latin1.csv");
        std::fs::write(&invalid_utf8, b"external_id,name_latin\nA,Jos\xe9\n").unwrap();
        let out = kyoso(&db.url, &["import", "people", path(&invalid_utf8)]);
        assert!(
            String::from_utf8_lossy(&out.stderr)
                .contains("latin1.csv:2: name_latin: is not valid UTF-8")
        );

        let truncated = db.path("cut.json");
        std::fs::write(
            &truncated,
            "[{\"external_id\": \"A\", \"name_latin\": \"Ann\"},\n{\"external_id\": \"B\", \"name",
        )
        .unwrap();
        let out = kyoso(&db.url, &["import", "people", path(&truncated)]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            String::from_utf8_lossy(&out.stderr)
                .contains("line 2: the file ends inside this record")
        );

        let ties = db.path("ties.csv");
        std::fs::write(
            &ties,
            "kind,from,to,start\nmentored,DEMO-P-0000001,NOBODY,2020\n",
        )
        .unwrap();
        let out = kyoso(&db.url, &["import", "ties", path(&ties)]);
        assert!(
            String::from_utf8_lossy(&out.stderr)
                .contains("ties.csv:2: to: no person has the external id or id \"NOBODY\"")
        );

        assert_eq!(
            before,
            export_all(&db.url, db.dir(), "after"),
            "the database changed on {engine:?}"
        );
    }
}

#[tokio::test]
async fn exported_cells_do_not_run_as_spreadsheet_formulas() {
    let db = TestDb::new(engines()[0]).await;
    let file = db.path("people.csv");
    std::fs::write(&file, "external_id,name_latin,phone,bio\nA1,Ann,+66 2 123 4567,\"=HYPERLINK(\"\"http://evil.example\"\")\"\n").unwrap();
    ok(&db.url, &["import", "people", path(&file)]);
    let out = ok(&db.url, &["export", "people"]);
    assert!(out.contains(",'+66 2 123 4567,"), "{out}");
    assert!(out.contains("'=HYPERLINK"), "{out}");
    // And the guarded file imports back to the same values.
    let exported = db.path("exported.csv");
    std::fs::write(&exported, &out).unwrap();
    let again = ok(&db.url, &["import", "people", path(&exported)]);
    assert!(again.contains("1 unchanged"), "{again}");
}
