//! Lessons learned through files: imported all or nothing with every fault
//! named by line and field, exported so that they import back unchanged,
//! and found by `kyoso search` in another language.

use crate::{kyoso, ok, path};

#[test]
fn lessons_import_export_and_import_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("kb.db").display());
    ok(&url, &["demo", "--people", "300"]);
    let before = dir.path().join("before.json");
    ok(&url, &["export", "lessons", "--output", path(&before)]);
    let demo: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&before).unwrap()).unwrap();
    let demo = demo.as_array().unwrap().len();
    let file = dir.path().join("lessons.json");
    std::fs::write(
        &file,
        r#"[
{"title": "Kaizen circles in a Thai auto-parts plant", "language": "en",
 "practice": "Quality circles meeting weekly after the shift, as in Toyota's suppliers.",
 "adaptation": "Circles met in paid time, in Thai, with the line leader as facilitator.",
 "result": "Defects per million fell from 900 to 310 in a year.",
 "country": "TH", "sectors": ["32120"], "organization": "TPA", "visibility": "public",
 "translations": [{"language": "th", "status": "reviewed", "title": "กลุ่มไคเซ็นในโรงงานชิ้นส่วนยานยนต์",
   "practice": "กลุ่มคุณภาพประชุมทุกสัปดาห์หลังเลิกกะ", "adaptation": "ประชุมในเวลางานเป็นภาษาไทย"}]},
{"title": "ベトナムの縫製工場での5S", "language": "ja",
 "practice": "日本の工場での5S活動。", "adaptation": "写真付きのチェックリストで毎日確認した。",
 "country": "VN", "organization": "TPA"}
]"#,
    )
    .unwrap();
    ok(&url, &["import", "lessons", path(&file)]);

    // Found in Thai and Vietnamese through the vocabulary.
    for query in ["ไคเซ็น", "5S"] {
        let out = ok(&url, &["search", query, "--kind", "lesson", "--json"]);
        let results: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(
            results["total"].as_u64().unwrap() >= 1,
            "{query}: {results}"
        );
    }

    let exported = dir.path().join("out.json");
    ok(&url, &["export", "lessons", "--output", path(&exported)]);
    let rows: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&exported).unwrap()).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), demo + 2);
    ok(&url, &["import", "lessons", path(&exported)]);
    let after = dir.path().join("after.json");
    ok(&url, &["export", "lessons", "--output", path(&after)]);
    assert_eq!(
        std::fs::read_to_string(&exported).unwrap(),
        std::fs::read_to_string(&after).unwrap(),
        "importing an export changes nothing"
    );
}

#[test]
fn a_bad_lessons_file_changes_nothing_and_names_each_fault() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("kb.db").display());
    ok(&url, &["demo", "--people", "300"]);
    let before = dir.path().join("before.json");
    ok(&url, &["export", "lessons", "--output", path(&before)]);
    let file = dir.path().join("bad.json");
    std::fs::write(
        &file,
        r#"[
{"title": "A good one", "language": "en", "practice": "a", "adaptation": "b"},
{"title": "", "language": "en", "practice": "a", "adaptation": "b"},
{"title": "Names nobody", "language": "en", "practice": "a", "adaptation": "b",
 "program": "NO-SUCH-PROGRAM"}
]"#,
    )
    .unwrap();
    let out = kyoso(&url, &["import", "lessons", path(&file)]);
    assert!(!out.status.success());
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("3") && said.contains("title"), "{said}");
    assert!(said.contains("4") && said.contains("program"), "{said}");
    assert!(said.contains("bad.json:3: title"), "{said}");
    assert!(said.contains("bad.json:4: program"), "{said}");
    let exported = dir.path().join("out.json");
    ok(&url, &["export", "lessons", "--output", path(&exported)]);
    assert_eq!(
        std::fs::read_to_string(&before).unwrap(),
        std::fs::read_to_string(&exported).unwrap(),
        "nothing was imported"
    );
}
