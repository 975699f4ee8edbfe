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

/// A small judged set: a need in English met by skills written in Thai,
/// Japanese and Vietnamese, a homonym that must not meet it, and three
/// people whose scores tie.
fn small_set(reversed: bool) -> String {
    let person = |key: &str, name: &str, skills: &str| {
        format!(
            r#"{{"external_id": "{key}", "owner": "org-a", "name_latin": "{name}", "residence": "TH",
                "languages": ["th:native"], "skills": [{skills}], "available_dispatch": true,
                "consent_processing": true, "visibility": "network"}}"#
        )
    };
    let mut people = [
        person("p-th", "Somchai Jaidee", r#""การหล่อลื่น""#),
        person(
            "p-ja",
            "Yamada Taro",
            r#""潤滑管理", "CNC programming (Fanuc, Mazak)""#,
        ),
        person("p-vi", "Nguyen Thi Mai", r#""bôi trơn""#),
        person("p-weld", "Arun Saetang", r#""tig welding""#),
        person("p-tie-c", "Chai C", r#""packaging""#),
        person("p-tie-a", "Chai A", r#""packaging""#),
        person("p-tie-b", "Chai B", r#""packaging""#),
    ];
    if reversed {
        people.reverse();
    }
    format!(
        r#"{{"format": "kyoso-match-eval/1",
  "organizations": [{{"external_id": "org-a", "name_latin": "Rayong Plant", "org_type": "70", "country": "TH", "visibility": "network"}}],
  "people": [{}],
  "programs": [
    {{"external_id": "prog-lube", "program_type": "training_in_japan", "name_latin": "Plant maintenance course",
      "organizer": "org-a", "start": "2027", "countries": ["TH", "VN"], "sectors": ["32120"],
      "description": "Lubrication management and vibration analysis for maintenance engineers"}},
    {{"external_id": "prog-care", "program_type": "training_in_japan", "name_latin": "Elderly care course",
      "organizer": "org-a", "start": "2027", "countries": ["TH"], "sectors": ["12230"],
      "description": "Care work for older people"}}
  ],
  "offers": [
    {{"key": "o-lube-ready", "kind": "technology", "provider": "org-a", "title": "Automatic lubricator",
      "keywords": ["automatic lubrication"], "sectors": ["32120"], "readiness": 8, "countries": ["JP", "VN"]}},
    {{"key": "o-lube-lab", "kind": "technology", "provider": "org-a", "title": "Lubricant sensor prototype",
      "keywords": ["lubrication monitoring"], "sectors": ["32120"], "readiness": 4, "countries": ["VN"]}},
    {{"key": "o-lube-home", "kind": "technology", "provider": "org-a", "title": "Grease pump",
      "keywords": ["lubrication"], "sectors": ["32120"], "readiness": 9, "countries": ["JP"]}}
  ],
  "cohorts": [
    {{"key": "c-lube", "program": "prog-lube", "name": "Spring intake", "start": "2099-04-01", "capacity": 20}},
    {{"key": "c-lube-past", "program": "prog-lube", "name": "First intake", "start": "2020-04-01"}},
    {{"key": "c-care", "program": "prog-care", "name": "Spring intake", "start": "2099-04-01"}}
  ],
  "needs": [
    {{"key": "lube", "split": "heldout", "need": {{"kind": "expertise", "posted_by": "org-a", "title": "Lubrication expert", "skills": ["lubrication"]}},
      "judgements": {{"p-th": 3, "p-ja": 3, "p-vi": 3, "p-weld": 0}}, "breaks": ["p-weld"]}},
    {{"key": "pack", "need": {{"kind": "expertise", "posted_by": "org-a", "title": "Packaging line", "skills": ["packaging"]}},
      "judgements": {{"p-tie-a": 2, "p-tie-b": 2, "p-tie-c": 2}}}},
    {{"key": "lube-thai-or-english", "need": {{"kind": "expertise", "posted_by": "org-a", "title": "Lubrication",
      "skills": ["lubrication"], "languages": ["en:C1|th:B2!"]}}, "judgements": {{}}}},
    {{"key": "lube-vietnamese-or-japanese", "need": {{"kind": "expertise", "posted_by": "org-a", "title": "Lubrication",
      "skills": ["lubrication"], "languages": ["vi:B2|ja:N3!"]}}, "judgements": {{}}}},
    {{"key": "train-lube", "need": {{"kind": "training", "posted_by": "org-a", "title": "การฝึกอบรมการหล่อลื่นสำหรับช่างซ่อมบำรุง",
      "sectors": ["32120"]}}, "judgements": {{"c-lube": 3, "c-care": 0}}}},
    {{"key": "tech-lube", "need": {{"kind": "technology", "posted_by": "org-a", "title": "Lubrication technology",
      "skills": ["lubrication"], "min_readiness": "TRL 7", "deployed": "abroad"}},
      "judgements": {{"o-lube-ready": 3}}, "breaks": ["o-lube-lab", "o-lube-home"]}}
  ]}}"#,
        people.join(",\n")
    )
}

#[test]
fn a_judged_set_is_scored_and_ranks_alike_in_any_load_order() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("unused.db").display());
    let mut tops = Vec::new();
    for reversed in [false, true] {
        let file = dir.path().join(format!("set-{reversed}.json"));
        std::fs::write(&file, small_set(reversed)).unwrap();
        let out = ok(&url, &["eval", "match", file.to_str().unwrap(), "--json"]);
        let report: Value = serde_json::from_str(&out).unwrap();
        // Met in Thai, Japanese and Vietnamese, through the vocabulary.
        assert_eq!(report["by_split"]["heldout"]["ndcg_at_10"], 1.0, "{report}");
        assert_eq!(report["overall"]["breakers"], 0, "{report}");
        let lube = &report["needs"][0]["top"];
        assert_eq!(lube.as_array().unwrap().len(), 3, "{report}");
        tops.push(report["needs"][1]["top"].clone());
    }
    assert_eq!(tops[0], tops[1], "equal scores rank by a key of the data");
    // Either language will do: Thai holders pass "English C1 or Thai B2";
    // nobody here speaks Vietnamese or Japanese.
    let file = dir.path().join("set-true.json");
    let out = ok(&url, &["eval", "match", file.to_str().unwrap(), "--json"]);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        report["needs"][2]["top"].as_array().unwrap().len(),
        3,
        "{report}"
    );
    assert_eq!(report["needs"][3]["top"], serde_json::json!([]), "{report}");
    // A course found by what its program teaches, in another language; one
    // that has started takes no applications, and care work is no answer.
    assert_eq!(
        report["needs"][4]["top"],
        serde_json::json!(["c-lube"]),
        "{report}"
    );
    // Only a technology ready enough and in use outside Japan.
    assert_eq!(
        report["needs"][5]["top"],
        serde_json::json!(["o-lube-ready"]),
        "{report}"
    );
    assert_eq!(
        tops[0],
        serde_json::json!(["p-tie-a", "p-tie-b", "p-tie-c"])
    );
    let file = dir.path().join("set-false.json");
    let text = ok(&url, &["eval", "match", file.to_str().unwrap()]);
    assert!(text.contains("expertise: 4 needs, P@10"), "{text}");
    // Beside kyoso, BM25 alone and with perfect hard filters.
    assert!(
        text.contains("BM25 over the candidates' own words")
            && text.contains("BM25 with perfect hard filters"),
        "{text}"
    );
    let out = ok(&url, &["eval", "match", file.to_str().unwrap(), "--json"]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    for baseline in ["bm25", "bm25_filtered"] {
        assert!(
            report["baselines"][baseline]["overall"]["ndcg_at_10"].is_number(),
            "{report}"
        );
    }
    assert_eq!(
        report["baselines"]["bm25_filtered"]["overall"]["breakers"], 0,
        "{report}"
    );
    assert!(
        !dir.path().join("unused.db").exists(),
        "no database is made"
    );
}

#[test]
fn a_bad_judged_set_is_refused_naming_the_need_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.json");
    let set = small_set(false).replace(
        r#""Packaging line", "skills": ["packaging"]"#,
        r#""Packaging line", "skills": ["a;b"]"#,
    );
    std::fs::write(&file, set).unwrap();
    let url = format!("sqlite://{}", dir.path().join("unused.db").display());
    let out = kyoso(&url, &["eval", "match", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let error = String::from_utf8_lossy(&out.stderr);
    assert!(
        error.contains("bad.json") && error.contains("needs: pack") && error.contains("skills"),
        "{error}"
    );
}

/// Needs and offers come and go in CSV and JSON files: what an export
/// writes imports back unchanged, a file imported twice adds nothing, and a
/// file with a bad row is refused whole, each fault named by line and field.
#[tokio::test]
async fn needs_and_offers_travel_in_files_all_or_nothing() {
    for engine in engines() {
        let db = TestDb::new(engine).await;
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str| dir.path().join(name).display().to_string();
        ok(&db.url, &["demo", "--people", "300"]);
        let needs = at("needs.csv");
        std::fs::write(
            &needs,
            "external_id,kind,posted_by,title,skills,required_skills,languages,country,deadline,min_readiness,seeks,investment_usd\n\
             W-1,expertise,DEMO-CO-00001,\"Welding inspector, TIG and MIG\",\"CNC programming (Fanuc, Mazak); quality control\",tig welding,th:B2|en:C1!,TH,2099-03-01,,,\n\
             W-2,technology,DEMO-CO-00001,Membrane wastewater treatment,water treatment,,,VN,2099-03-01,TRL 7,licence_in,\n\
             W-3,investment,DEMO-CO-00002,ลงทุนโรงงานแปรรูปผลไม้,food processing,,,TH,2099-05-05,,investment,\"2,500,000\"\n",
        )
        .unwrap();
        let said = ok(&db.url, &["import", "needs", &needs]);
        assert!(said.contains("3 added"), "{said}");
        let said = ok(&db.url, &["import", "needs", &needs]);
        assert!(said.contains("3 unchanged"), "{said}");

        let offers = at("offers.json");
        std::fs::write(
            &offers,
            r#"[{"external_id": "O-1", "kind": "technology", "provider": "DEMO-CO-00003",
                 "title": "膜分離活性汚泥装置", "keywords": ["water treatment"], "readiness": 8,
                 "countries": ["VN"], "seeks": ["licence_out"], "languages": ["ja:native", "en:B2"]},
                {"external_id": "O-2", "kind": "partnership", "provider": "DEMO-CO-00004",
                 "title": "Investor in fruit processing", "sectors": ["32161"], "seeks": ["investing"],
                 "invests_from_usd": 1000000, "invests_up_to_usd": 5000000, "countries": ["TH"]}]"#,
        )
        .unwrap();
        let said = ok(&db.url, &["import", "offers", &offers]);
        assert!(said.contains("2 added"), "{said}");

        // Every need and offer, out and back in, in both formats.
        for (table, file) in [
            ("needs", "all-needs.csv"),
            ("needs", "all-needs.json"),
            ("offers", "all-offers.csv"),
            ("offers", "all-offers.json"),
        ] {
            let file = at(file);
            ok(&db.url, &["export", table, "--output", &file]);
            let said = ok(&db.url, &["import", table, &file]);
            assert!(
                said.contains(" 0 added, 0 updated"),
                "{table} {file}: {said}"
            );
        }
        let exported = std::fs::read_to_string(at("all-offers.json")).unwrap();
        assert!(
            exported.contains(r#""languages":["ja:native","en:B2"]"#)
                && exported.contains(r#""invests_up_to_usd":5000000"#),
            "{exported}"
        );
        let exported = std::fs::read_to_string(at("all-needs.csv")).unwrap();
        assert!(
            exported.contains("\"cnc programming (fanuc, mazak); quality control\"")
                && exported.contains("th:B2|en:C1!"),
            "{exported}"
        );

        // One bad row refuses the file; the good rows are not added.
        let bad = at("bad.csv");
        std::fs::write(
            &bad,
            "external_id,kind,posted_by,title,skills,min_readiness,deadline\n\
             B-1,expertise,DEMO-CO-00001,A good one,welding,,2099-01-01\n\
             B-2,technology,DEMO-CO-00001,Too ready,water treatment,TRL 12,2099-01-01\n\
             B-3,expertise,NO-SUCH-ORG,Nobody posts it,welding,,2099-01-01\n\
             B-4,expertise,DEMO-CO-00001,Past,welding,,2001-01-01\n",
        )
        .unwrap();
        let out = kyoso(&db.url, &["import", "needs", &bad]);
        assert!(!out.status.success());
        let said = String::from_utf8_lossy(&out.stderr);
        for fault in [
            "bad.csv:3: min_readiness",
            "bad.csv:4: posted_by",
            "bad.csv:5: deadline",
        ] {
            assert!(said.contains(fault), "{fault}: {said}");
        }
        let listed = ok(&db.url, &["needs", "list"]);
        assert!(!listed.contains("A good one"), "{listed}");
    }
}
