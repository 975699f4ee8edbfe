//! Needs, offers, rankings, the match lifecycle and assignment rounds over
//! the API, on the demo network with planted candidates.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{TestApp, code, on_every_engine};

/// Skills no demo person has, so that only planted candidates hold them.
const ALPHA: &str = "matching test alpha";
const BETA: &str = "matching test beta";
const GAMMA: &str = "matching test gamma";
const DELTA: &str = "matching test delta";
const EPSILON: &str = "matching test epsilon";

async fn person(app: &TestApp, fields: Value) -> String {
    let (status, body) = app
        .send(Method::POST, "/api/v1/people", "officer", &fields)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_str().unwrap().to_owned()
}

async fn tie(app: &TestApp, kind: &str, from: &str, to: &str) {
    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/ties",
            "admin",
            &json!({"kind": kind, "from": from, "to": to, "start": "2019", "strength": 0.9, "visibility": "network"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

struct Planted {
    best: String,
    partial: String,
    private: String,
    unconsented: String,
}

/// Four people holding the test skills: the best fit (tied to TPA), one
/// with a skill less and no Thai, one private to TPA, one who did not
/// agree to processing.
async fn plant(app: &TestApp) -> Planted {
    let shared = |name: &str, skills: Vec<&str>, languages: Vec<&str>| {
        json!({
            "name_latin": name, "residence": "TH", "skills": skills, "languages": languages,
            "sectors": ["32120"], "available_dispatch": true, "consent_processing": true,
            "visibility": "network",
        })
    };
    let best = person(
        app,
        shared(
            "Planted Best",
            vec![ALPHA, BETA],
            vec!["th:native", "ja:N2"],
        ),
    )
    .await;
    let partial = person(app, shared("Planted Partial", vec![ALPHA], vec!["ja:N1"])).await;
    let mut private = shared(
        "Planted Private",
        vec![ALPHA, BETA],
        vec!["th:native", "ja:N1"],
    );
    private["visibility"] = json!("private");
    let private = person(app, private).await;
    let mut unconsented = shared(
        "Planted Unconsented",
        vec![ALPHA, BETA],
        vec!["th:native", "ja:N1"],
    );
    unconsented["consent_processing"] = json!(false);
    let unconsented = person(app, unconsented).await;
    let tpa_id = tpa_uid(app).await;
    tie(app, "employed_by", &best, &tpa_id).await;
    Planted {
        best,
        partial,
        private,
        unconsented,
    }
}

async fn tpa_uid(app: &TestApp) -> String {
    use crate::KyosoForTests;
    app.kyoso.uid_of("TPA").await.to_string()
}

async fn post_need(app: &TestApp, role: &str, need: Value) -> String {
    let (status, body) = app.send(Method::POST, "/api/v1/needs", role, &need).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["status"], "open");
    body["uid"].as_str().unwrap().to_owned()
}

fn expert_need() -> Value {
    json!({
        "kind": "expertise",
        "title": "Lean automation for a Thai SME",
        "description": "ラインの自動化を支援できる専門家を探しています。",
        "skills": [ALPHA, BETA],
        "sectors": ["32120"],
        "country": "TH",
        "languages": ["th:B2", "ja:N3"],
        "deadline": "2099-12-31",
    })
}

fn ids(body: &Value) -> Vec<String> {
    body["candidates"]
        .as_array()
        .unwrap_or_else(|| panic!("no candidates: {body}"))
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn a_need_ranks_planted_experts_with_reasons_and_warm_paths(app: &TestApp) {
    let planted = plant(app).await;
    let need = post_need(app, "officer", expert_need()).await;
    let (status, body) = app
        .get(
            &format!("/api/v1/needs/{need}/matches?top=20&lang=ja"),
            "officer",
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let ranked = ids(&body);
    assert_eq!(ranked[0], planted.best, "{body}");
    // Between the best and the one holding half the skills asked, only
    // people whose own skills name what the need's text speaks of
    // (automation), who are nearer and speak Thai.
    let partial_at = ranked
        .iter()
        .position(|id| *id == planted.partial)
        .unwrap_or_else(|| panic!("{body}"));
    for between in &body["candidates"].as_array().unwrap()[1..partial_at] {
        let skills = &between["reasons"][0];
        assert_eq!(skills["factor"], "skills");
        assert_eq!(
            skills["topics"],
            json!(["industrial-automation"]),
            "{between}"
        );
    }
    assert!(
        !ranked.contains(&planted.private),
        "private records are never proposed"
    );
    assert!(
        !ranked.contains(&planted.unconsented),
        "nor people who did not agree to processing"
    );
    let best = &body["candidates"][0];
    let reasons = best["reasons"].as_array().unwrap();
    assert_eq!(reasons.len(), 7, "every factor is a reason: {best}");
    let total: f64 = reasons
        .iter()
        .map(|r| r["contribution"].as_f64().unwrap())
        .sum();
    assert!(
        (total - best["score"].as_f64().unwrap()).abs() < 1e-9,
        "the reasons add up to the score"
    );
    for r in reasons {
        let words = r["words"].as_str().unwrap();
        assert!(
            !words.is_empty() && !words.is_ascii(),
            "reasons in Japanese: {words}"
        );
    }
    let skills = reasons.iter().find(|r| r["factor"] == "skills").unwrap();
    assert_eq!(skills["held"], json!([ALPHA, BETA]));
    assert_eq!(best["hops"], 1, "tied to the poster, TPA");
    let path: Vec<&str> = best["path"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["names"]["latin"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(path.last(), Some(&"Planted Best"), "{path:?}");
    assert_eq!(path.len(), 2, "{path:?}");

    // A language that must hold leaves out who lacks it; the ranking stays
    // deterministic.
    let mut strict = expert_need();
    strict["languages"] = json!(["th:native!"]);
    strict["required_skills"] = json!([ALPHA]);
    let strict = post_need(app, "officer", strict).await;
    let (_, body) = app
        .get(&format!("/api/v1/needs/{strict}/matches"), "officer")
        .await;
    let ranked = ids(&body);
    assert_eq!(ranked[0], planted.best);
    // Each constraint, as the best holds it.
    let held = &body["candidates"][0]["constraints"];
    assert_eq!(held[0]["constraint"], "required_skill", "{held}");
    assert_eq!(held[0]["by"], ALPHA);
    assert_eq!(held[1]["constraint"], "language", "{held}");
    assert_eq!(held[1]["held"]["level"], "native");
    assert!(
        !ranked.contains(&planted.partial),
        "no Thai, no place: {ranked:?}"
    );
    let (_, again) = app
        .get(&format!("/api/v1/needs/{strict}/matches"), "officer")
        .await;
    assert_eq!(ids(&again), ranked, "the same question, the same answer");

    // Weights are the caller's to change; a wrong one is named.
    let (status, body) = app
        .get(
            &format!("/api/v1/needs/{need}/matches?weights=skills=0,languages=1"),
            "member",
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["weights"]["skills"], 0.0);
    assert_eq!(
        ids(&body)[0],
        planted.best,
        "native Thai and N2 win on languages alone"
    );
    let (status, body) = app
        .get(
            &format!("/api/v1/needs/{need}/matches?weights=charm=1"),
            "member",
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["field"], "weights", "{body}");
    let (status, _) = app
        .get(&format!("/api/v1/needs/{need}/matches?top=0"), "member")
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = app
        .get(&format!("/api/v1/needs/{need}/matches"), "anonymous")
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

async fn needs_are_read_and_managed_by_the_right_people(app: &TestApp) {
    let need = post_need(app, "officer", expert_need()).await;
    let mut public = expert_need();
    public["visibility"] = json!("public");
    public["title"] = json!("A public need");
    let public = post_need(app, "officer", public).await;
    let mut private = expert_need();
    private["visibility"] = json!("private");
    let private = post_need(app, "officer", private).await;

    let (status, body) = app.get(&format!("/api/v1/needs/{need}"), "member").await;
    assert_eq!(
        status,
        StatusCode::OK,
        "members read what the network shares"
    );
    assert_eq!(body["posted_by"]["kind"], "organization");
    assert_eq!(body["deadline"], "2099-12-31");
    assert_eq!(
        app.get(&format!("/api/v1/needs/{need}"), "anonymous")
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!("/api/v1/needs/{public}"), "anonymous")
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        app.get(&format!("/api/v1/needs/{private}"), "aots_officer")
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!("/api/v1/needs/{private}"), "coordinator")
            .await
            .0,
        StatusCode::OK
    );
    let (_, list) = app
        .get("/api/v1/needs?kind=expertise&q=public", "anonymous")
        .await;
    let titles: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, vec!["A public need"]);

    // Only those who manage a need change it.
    let mut changed = expert_need();
    changed["title"] = json!("Lean automation, changed");
    let (status, _) = app
        .send(
            Method::PUT,
            &format!("/api/v1/needs/{need}"),
            "aots_officer",
            &changed,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = app
        .send(
            Method::PUT,
            &format!("/api/v1/needs/{need}"),
            "officer",
            &changed,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["title"], "Lean automation, changed");
    assert_eq!(
        app.get(&format!("/api/v1/needs/{need}/proposals"), "aots_officer")
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    let (status, body) = app
        .send(
            Method::POST,
            &format!("/api/v1/needs/{need}/status"),
            "officer",
            &json!({"status": "closed"}),
        )
        .await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("closed"))
    );
    let (status, body) = app
        .send(
            Method::POST,
            &format!("/api/v1/needs/{need}/status"),
            "officer",
            &json!({"status": "expired"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");

    // A member posts as themselves.
    let mine = post_need(app, "member", json!({"kind": "mentoring", "title": "A mentor for my first year back", "sectors": ["32120"]})).await;
    let (_, body) = app.get(&format!("/api/v1/needs/{mine}"), "member").await;
    assert_eq!(body["posted_by"]["uid"], app.member_person.to_string());

    // Bad input is refused whole, every field named.
    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/needs",
            "officer",
            &json!({"kind": "cooking", "title": "", "country": "XX", "languages": ["ja:B2"], "deadline": "soon"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(code(&body), "invalid_field");
    let mut fields = vec![
        body["error"]["field"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    ];
    fields.extend(
        body["error"]["more"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["field"].as_str().unwrap_or_default().to_owned()),
    );
    for field in ["kind", "title", "country", "languages", "deadline"] {
        assert!(
            fields.iter().any(|f| f == field),
            "{field} not named: {body}"
        );
    }
    let mut past = expert_need();
    past["deadline"] = json!("2001-01-01");
    let (status, body) = app
        .send(Method::POST, "/api/v1/needs", "officer", &past)
        .await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("deadline"))
    );
    let (status, _) = app
        .send(Method::POST, "/api/v1/needs", "anonymous", &expert_need())
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

async fn move_to(app: &TestApp, id: &str, role: &str, body: Value) -> (StatusCode, Value) {
    app.send(
        Method::POST,
        &format!("/api/v1/matches/{id}/moves"),
        role,
        &body,
    )
    .await
}

async fn the_match_lifecycle_moves_only_forward(app: &TestApp) {
    let planted = plant(app).await;
    let need = post_need(app, "officer", expert_need()).await;
    let ask = json!({"candidate": planted.best});
    let (status, proposed) = app
        .send(
            Method::POST,
            &format!("/api/v1/needs/{need}/matches"),
            "officer",
            &ask,
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{proposed}");
    assert_eq!(proposed["status"], "proposed");
    assert!(
        proposed["score"].as_f64().unwrap() > 0.5,
        "scored as the ranking scores: {proposed}"
    );
    assert_eq!(proposed["reasons"].as_array().unwrap().len(), 7);
    let id = proposed["uid"].as_str().unwrap();
    let (status, _) = app
        .send(
            Method::POST,
            &format!("/api/v1/needs/{need}/matches"),
            "officer",
            &ask,
        )
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "one match per candidate and need"
    );
    // An organization cannot answer an expert need.
    let tpa = tpa_uid(app).await;
    let (status, body) = app
        .send(
            Method::POST,
            &format!("/api/v1/needs/{need}/matches"),
            "officer",
            &json!({"candidate": tpa}),
        )
        .await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("candidate")),
        "{body}"
    );
    let (status, _) = app
        .send(
            Method::POST,
            &format!("/api/v1/needs/{need}/matches"),
            "aots_officer",
            &ask,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, ranking) = app
        .get(&format!("/api/v1/needs/{need}/matches"), "officer")
        .await;
    assert_eq!(
        ranking["candidates"][0]["match"]["status"], "proposed",
        "the ranking shows the pipeline"
    );

    let (status, body) = move_to(app, id, "officer", json!({"status": "collaborating"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["field"], "status");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("introduced or declined"),
        "{body}"
    );
    assert_eq!(
        move_to(app, id, "officer", json!({"status": "introduced"}))
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        move_to(app, id, "aots_officer", json!({"status": "accepted"}))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    let (status, _) = move_to(
        app,
        id,
        "officer",
        json!({"status": "accepted", "note": "Starts in May"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (_, need_now) = app.get(&format!("/api/v1/needs/{need}"), "officer").await;
    assert_eq!(
        need_now["status"], "matched",
        "an accepted match marks the need"
    );
    assert_eq!(
        move_to(app, id, "officer", json!({"status": "collaborating"}))
            .await
            .0,
        StatusCode::OK
    );
    let (status, body) = move_to(app, id, "officer", json!({"status": "concluded"})).await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("outcome"))
    );
    let (status, done) = move_to(
        app,
        id,
        "officer",
        json!({"status": "concluded", "outcome": "hired"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done["outcome"], "hired");
    let trail: Vec<&str> = done["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        trail,
        [
            "proposed",
            "introduced",
            "accepted",
            "collaborating",
            "concluded"
        ]
    );
    assert_eq!(
        move_to(
            app,
            id,
            "officer",
            json!({"status": "declined", "note": "x"})
        )
        .await
        .0,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // A second candidate declined, with the reason kept.
    let (_, other) = app
        .send(
            Method::POST,
            &format!("/api/v1/needs/{need}/matches"),
            "officer",
            &json!({"candidate": planted.partial}),
        )
        .await;
    let other = other["uid"].as_str().unwrap();
    let (status, body) = move_to(app, other, "officer", json!({"status": "declined"})).await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("note"))
    );
    let (status, body) = move_to(
        app,
        other,
        "officer",
        json!({"status": "declined", "note": "No time this year"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // TPA's pipeline holds these two beside the demo's own.
    let (_, pipeline) = app.get("/api/v1/matches", "officer").await;
    let ours = pipeline["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["need"] == need.as_str())
        .count();
    assert_eq!(ours, 2, "{pipeline}");
    let (_, theirs) = app.get("/api/v1/matches", "aots_officer").await;
    assert_eq!(
        theirs["items"].as_array().unwrap().len(),
        0,
        "another organization's pipeline is its own"
    );
    assert_eq!(
        app.get("/api/v1/matches", "member").await.0,
        StatusCode::FORBIDDEN
    );
}

async fn technology_needs_match_offers_with_a_local_champion(app: &TestApp) {
    let tpa = tpa_uid(app).await;
    let offer = json!({
        "kind": "technology",
        "title": "Compact membrane bioreactor",
        "description": "Wastewater treatment for towns of 500 to 5,000 people.",
        "keywords": ["wastewater treatment", ALPHA],
        "sectors": ["14022"],
        "sdgs": ["6", "6.3"],
        "readiness": 8,
        "countries": ["VN", "ID"],
        "seeks": ["licence", "demonstration"],
        "visibility": "public",
    });
    let (status, listed) = app
        .send(Method::POST, "/api/v1/offers", "officer", &offer)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{listed}");
    assert_eq!(
        listed["provider"], tpa,
        "the officer's organization provides it"
    );
    let offer_id = listed["uid"].as_str().unwrap().to_owned();
    let (status, _) = app
        .send(Method::POST, "/api/v1/offers", "member", &offer)
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "members list no offers"
    );
    let mut bad = offer.clone();
    bad["readiness"] = json!(12);
    let (status, body) = app
        .send(Method::POST, "/api/v1/offers", "officer", &bad)
        .await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("readiness"))
    );

    let (_, found) = app
        .get(
            "/api/v1/offers?q=towns&min_readiness=7&country=VN",
            "anonymous",
        )
        .await;
    assert_eq!(found["items"].as_array().unwrap().len(), 1, "{found}");
    let (_, none) = app
        .get("/api/v1/offers?q=towns&min_readiness=9", "anonymous")
        .await;
    assert_eq!(none["items"].as_array().unwrap().len(), 0);
    assert_eq!(
        app.send(
            Method::DELETE,
            &format!("/api/v1/offers/{offer_id}"),
            "aots_officer",
            &json!({})
        )
        .await
        .0,
        StatusCode::FORBIDDEN
    );

    // A Vietnamese alumnus of a Japanese organization, tied to TPA.
    let champion = person(
        app,
        json!({"name_latin": "Planted Champion", "residence": "VN", "nationality": "VN",
               "skills": [ALPHA], "sectors": ["14022"], "consent_processing": true, "visibility": "network"}),
    )
    .await;
    let aots = {
        use crate::KyosoForTests;
        app.kyoso.uid_of("AOTS").await.to_string()
    };
    tie(app, "trained_at", &champion, &aots).await;
    tie(app, "employed_by", &champion, &tpa).await;
    let need = post_need(
        app,
        "aots_officer",
        json!({"kind": "technology", "title": "Wastewater treatment for a delta town",
               "skills": ["wastewater treatment", ALPHA], "sectors": ["14022"], "country": "VN"}),
    )
    .await;
    let (status, body) = app
        .get(
            &format!("/api/v1/needs/{need}/matches?top=5"),
            "aots_officer",
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let top = &body["candidates"][0];
    assert_eq!(top["id"], offer_id.as_str(), "{body}");
    assert_eq!(top["kind"], "offer");
    assert_eq!(top["provider"]["id"], tpa.as_str());
    assert_eq!(top["champion"]["person"]["id"], champion.as_str(), "{top}");
    assert_eq!(top["champion"]["hops_from_provider"], 1);

    // What a technology need asks of a technology holds whatever the
    // score: the bioreactor is TRL 8 and in use in Viet Nam and Indonesia.
    for (least, deployed, proposed) in [
        (8, "abroad", true),
        (8, "ID", true),
        (9, "VN", false),
        (8, "TH", false),
    ] {
        let need = post_need(
            app,
            "aots_officer",
            json!({"kind": "technology", "title": "Wastewater treatment for a delta town",
                   "skills": ["wastewater treatment", ALPHA], "sectors": ["14022"], "country": "VN",
                   "min_readiness": least, "deployed": deployed}),
        )
        .await;
        let (_, body) = app
            .get(
                &format!("/api/v1/needs/{need}/matches?top=5"),
                "aots_officer",
            )
            .await;
        assert_eq!(
            ids(&body).contains(&offer_id),
            proposed,
            "TRL {least}, {deployed}: {body}"
        );
        assert_eq!(body["need"]["min_readiness"], least);
        assert_eq!(body["need"]["deployed"], deployed);
        if proposed {
            // Each constraint is shown as the candidate holds it.
            let offer = body["candidates"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["id"] == offer_id.as_str())
                .unwrap();
            let held: Vec<&str> = offer["constraints"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h["constraint"].as_str().unwrap())
                .collect();
            assert_eq!(held, ["readiness", "deployed"], "{offer}");
            assert_eq!(offer["constraints"][0]["held"], 8);
            assert!(
                offer["constraints"][0]["words"]
                    .as_str()
                    .unwrap()
                    .contains("TRL 8"),
                "{offer}"
            );
        }
    }
    // Only a technology need asks it.
    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/needs",
            "aots_officer",
            &json!({"kind": "expertise", "title": "Wastewater operator", "skills": ["wastewater treatment"],
                    "min_readiness": 7}),
        )
        .await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("min_readiness")),
        "{body}"
    );
}

/// The constraints a ranked candidate holds, by name.
fn constraints_of<'a>(body: &'a Value, id: &str) -> Vec<&'a Value> {
    body["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .map(|c| c["constraints"].as_array().unwrap().iter().collect())
        .unwrap_or_default()
}

async fn deals_are_answered_from_the_other_side(app: &TestApp) {
    // TPA (Thailand) looks for partners; companies seek sides of deals.
    let mut offers = std::collections::HashMap::new();
    for (key, provider, seeks, extra) in [
        ("seeks buyers", "AOTS", json!(["buyer"]), json!({})),
        (
            "seeks a supplier too",
            "AOTS",
            json!(["supplier"]),
            json!({}),
        ),
        (
            "seeks a joint venture",
            "AOTS",
            json!(["joint_venture"]),
            json!({}),
        ),
        (
            "seeks a joint venture at home",
            "TPA",
            json!(["joint_venture"]),
            json!({}),
        ),
        (
            "invests in Thailand",
            "AOTS",
            json!(["investing"]),
            json!({"invests_from_usd": 100000, "invests_up_to_usd": "1,000,000", "countries": ["TH"]}),
        ),
        (
            "invests only big",
            "AOTS",
            json!(["investing"]),
            json!({"invests_from_usd": 2000000, "countries": ["TH"]}),
        ),
        (
            "invests in Viet Nam",
            "AOTS",
            json!(["investing"]),
            json!({"invests_up_to_usd": 1000000, "countries": ["VN"]}),
        ),
    ] {
        let mut offer = json!({
            "kind": "partnership", "provider": provider, "title": format!("Partner that {key}"),
            "keywords": [GAMMA], "sectors": ["32120"], "seeks": seeks, "visibility": "network",
        });
        offer
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let (status, listed) = app
            .send(Method::POST, "/api/v1/offers", "admin", &offer)
            .await;
        assert_eq!(status, StatusCode::CREATED, "{key}: {listed}");
        offers.insert(key, listed["uid"].as_str().unwrap().to_owned());
    }
    let proposed = |body: &Value| -> Vec<&str> {
        let ids = ids(body);
        let mut found: Vec<&str> = offers
            .iter()
            .filter(|(_, id)| ids.contains(id))
            .map(|(key, _)| *key)
            .collect();
        found.sort_unstable();
        found
    };

    // A supplier is sought: companies seeking buyers answer; one that seeks
    // a supplier itself stands on the poster's side.
    let need = post_need(
        app,
        "officer",
        json!({"kind": "business_partner", "title": "Second source of machined parts",
               "skills": [GAMMA], "sectors": ["32120"], "country": "TH", "seeks": ["supplier"]}),
    )
    .await;
    let (_, body) = app
        .get(&format!("/api/v1/needs/{need}/matches?top=20"), "officer")
        .await;
    assert_eq!(proposed(&body), ["seeks buyers"], "{body}");
    assert_eq!(body["need"]["seeks"], json!(["supplier"]));
    let held = constraints_of(&body, &offers["seeks buyers"]);
    assert_eq!(held[0]["constraint"], "deal", "{held:?}");
    assert_eq!(held[0]["held"], json!(["buyer"]));
    assert!(
        held[0]["words"].as_str().unwrap().contains("Buyers"),
        "{held:?}"
    );

    // Both sides seek a joint venture: the one at home in Thailand is on
    // the poster's side.
    let need = post_need(
        app,
        "officer",
        json!({"kind": "business_partner", "title": "Joint venture for a machining plant",
               "skills": [GAMMA], "sectors": ["32120"], "seeks": ["joint_venture"]}),
    )
    .await;
    let (_, body) = app
        .get(&format!("/api/v1/needs/{need}/matches?top=20"), "officer")
        .await;
    assert_eq!(proposed(&body), ["seeks a joint venture"], "{body}");
    let held = constraints_of(&body, &offers["seeks a joint venture"]);
    assert_eq!(held[0]["from"], "JP", "{held:?}");

    // An investment: investors in the country, the sector and the size.
    let need = post_need(
        app,
        "officer",
        json!({"kind": "investment", "title": "Investment in a machining plant",
               "skills": [GAMMA], "sectors": ["32130"], "country": "TH",
               "seeks": ["investment"], "investment_usd": "500,000"}),
    )
    .await;
    let (_, body) = app
        .get(&format!("/api/v1/needs/{need}/matches?top=20"), "officer")
        .await;
    assert_eq!(proposed(&body), ["invests in Thailand"], "{body}");
    assert_eq!(body["need"]["investment_usd"], 500000);
    let held: Vec<&str> = constraints_of(&body, &offers["invests in Thailand"])
        .iter()
        .map(|h| h["constraint"].as_str().unwrap())
        .collect();
    assert_eq!(
        held,
        [
            "deal",
            "investment_size",
            "invests_in_sectors",
            "invests_in_country"
        ]
    );

    // A language the need must have holds companies that state their
    // working languages; one silent on them is not held.
    let mut speaking = std::collections::HashMap::new();
    for (key, languages) in [
        ("works in Thai", json!(["ja:native", "th:B2"])),
        ("works in English", json!(["ja:native", "en:C1"])),
        ("says nothing", json!([])),
    ] {
        let (status, listed) = app
            .send(
                Method::POST,
                "/api/v1/offers",
                "admin",
                &json!({"kind": "partnership", "provider": "AOTS", "title": format!("Press maker that {key}"),
                        "keywords": ["hydraulic press tuning"], "languages": languages}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{key}: {listed}");
        speaking.insert(key, listed["uid"].as_str().unwrap().to_owned());
    }
    let need = post_need(
        app,
        "officer",
        json!({"kind": "business_partner", "title": "Partner for press lines",
               "skills": ["hydraulic press tuning"], "languages": ["th:B1|en:C2!"]}),
    )
    .await;
    let (_, body) = app
        .get(&format!("/api/v1/needs/{need}/matches?top=20"), "officer")
        .await;
    let found = ids(&body);
    assert!(found.contains(&speaking["works in Thai"]), "{body}");
    assert!(found.contains(&speaking["says nothing"]), "{body}");
    assert!(!found.contains(&speaking["works in English"]), "{body}");
    let held = constraints_of(&body, &speaking["works in Thai"]);
    assert!(
        held.iter()
            .any(|h| h["constraint"] == "language" && h["held"]["level"] == "B2"),
        "{held:?}"
    );
    let (status, answer) = app
        .send(
            Method::POST,
            "/api/v1/offers",
            "admin",
            &json!({"kind": "partnership", "provider": "AOTS", "title": "Twice Thai",
                    "keywords": ["x"], "languages": ["th:B2", "th:C1"]}),
        )
        .await;
    assert_eq!(
        (status, answer["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("languages")),
        "{answer}"
    );

    // A partner based in Japan: the companies of AOTS, not TPA's.
    let need = post_need(
        app,
        "officer",
        json!({"kind": "business_partner", "title": "A Japanese machining partner",
               "skills": [GAMMA], "located_in": ["JP"]}),
    )
    .await;
    let (_, body) = app
        .get(&format!("/api/v1/needs/{need}/matches?top=20"), "officer")
        .await;
    let found = proposed(&body);
    assert!(found.contains(&"seeks buyers"), "{body}");
    assert!(
        !found.contains(&"seeks a joint venture at home"),
        "TPA is in Thailand: {body}"
    );
    let held = constraints_of(&body, &offers["seeks buyers"]);
    assert!(
        held.iter()
            .any(|h| h["constraint"] == "located_in" && h["country"] == "JP"),
        "{held:?}"
    );

    // Only the needs and offers that deal say so, and amounts are amounts.
    for (path, body, field) in [
        (
            "/api/v1/needs",
            json!({"kind": "expertise", "title": "Machinist", "skills": [GAMMA], "seeks": ["supplier"]}),
            "seeks",
        ),
        (
            "/api/v1/needs",
            json!({"kind": "business_partner", "title": "Parts", "skills": [GAMMA], "investment_usd": 5}),
            "investment_usd",
        ),
        (
            "/api/v1/needs",
            json!({"kind": "investment", "title": "Money", "skills": [GAMMA], "investment_usd": "a lot"}),
            "investment_usd",
        ),
        (
            "/api/v1/needs",
            json!({"kind": "business_partner", "title": "Parts", "skills": [GAMMA], "seeks": ["friendship"]}),
            "seeks",
        ),
        (
            "/api/v1/offers",
            json!({"kind": "partnership", "provider": "AOTS", "title": "Buyer", "keywords": [GAMMA],
                   "seeks": ["buyer"], "invests_up_to_usd": 1000}),
            "invests_from_usd",
        ),
        (
            "/api/v1/offers",
            json!({"kind": "partnership", "provider": "AOTS", "title": "Investor", "keywords": [GAMMA],
                   "seeks": ["investing"], "invests_from_usd": 1000, "invests_up_to_usd": 10}),
            "invests_up_to_usd",
        ),
    ] {
        let (status, answer) = app.send(Method::POST, path, "admin", &body).await;
        assert_eq!(
            (status, answer["error"]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
            "{body}: {answer}"
        );
    }
}

async fn courses_are_held_to_what_a_training_need_asks(app: &TestApp) {
    // A network program for Thailand and Viet Nam; its cohorts differ in how
    // and in what they are taught.
    let (status, program) = app
        .send(
            Method::POST,
            "/api/v1/programs",
            "officer",
            &json!({
                "program_type": "training_in_japan", "name_latin": format!("Course on {DELTA}"),
                "organizer": "TPA", "countries": ["TH", "VN"], "sectors": ["32130"],
                "description": DELTA, "start": "2098", "visibility": "network"
            }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{program}");
    let program = program["id"].as_str().unwrap().to_owned();
    let mut cohorts = std::collections::HashMap::new();
    for (name, extra) in [
        (
            "online in Thai",
            json!({"mode": "online", "languages": ["th:native", "en:B2"]}),
        ),
        (
            "in Japan in Japanese",
            json!({"mode": "in_japan", "languages": ["ja:N3"]}),
        ),
        (
            "online in English",
            json!({"mode": "online", "languages": ["en:B2"]}),
        ),
        (
            "online, closed",
            json!({"mode": "online", "apply_by": "2020-01-31"}),
        ),
        (
            "online, one seat",
            json!({"mode": "online", "capacity": 1, "apply_by": "2098-01-31"}),
        ),
    ] {
        let mut cohort = json!({"name": name, "start": "2099-04-01"});
        cohort
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let (status, created) = app
            .send(
                Method::POST,
                &format!("/api/v1/programs/{program}/cohorts"),
                "officer",
                &cohort,
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{name}: {created}");
        assert_eq!(created["mode"], cohort["mode"], "{created}");
        cohorts.insert(name, created["id"].as_str().unwrap().to_owned());
    }
    let proposed = |body: &Value| -> Vec<&str> {
        let ids = ids(body);
        let mut found: Vec<&str> = cohorts
            .iter()
            .filter(|(_, id)| ids.contains(id))
            .map(|(key, _)| *key)
            .collect();
        found.sort_unstable();
        found
    };
    let rank = |need: Value| async move {
        let need = post_need(app, "officer", need).await;
        app.get(&format!("/api/v1/needs/{need}/matches?top=20"), "officer")
            .await
            .1
    };

    // Online, for Thai speakers only: the course taught in Thai and those
    // silent on language; not the one in Japan, nor the closed one.
    let body = rank(
        json!({"kind": "training", "title": "Online course for supervisors",
        "skills": [DELTA], "country": "TH", "languages": ["th:native!"], "course_mode": "online"}),
    )
    .await;
    assert_eq!(
        proposed(&body),
        ["online in Thai", "online, one seat"],
        "{body}"
    );
    assert_eq!(body["need"]["course_mode"], "online");
    let held: Vec<&str> = constraints_of(&body, &cohorts["online in Thai"])
        .iter()
        .map(|h| h["constraint"].as_str().unwrap())
        .collect();
    assert_eq!(held, ["eligible", "taught_in", "mode"], "{body}");
    let seats = constraints_of(&body, &cohorts["online, one seat"]);
    assert_eq!(seats[2]["seats"], 1, "{seats:?}");
    assert!(
        seats[2]["words"]
            .as_str()
            .unwrap()
            .contains("One seat left"),
        "{seats:?}"
    );

    // English B1 is below what the English course needs; Indonesia is not
    // eligible at all.
    let body = rank(json!({"kind": "training", "title": "Course in English",
        "skills": [DELTA], "country": "VN", "languages": ["en:B1!"], "course_mode": "online"}))
    .await;
    assert_eq!(proposed(&body), ["online, one seat"], "{body}");
    let body = rank(json!({"kind": "training", "title": "Course for Indonesia",
        "skills": [DELTA], "country": "ID"}))
    .await;
    assert!(proposed(&body).is_empty(), "{body}");

    // Trainers answer training needs beside the courses, as trainers only,
    // and speaking what the need says must be spoken.
    let mut trainers = std::collections::HashMap::new();
    for (key, languages, trains) in [
        ("Thai trainer", json!(["th:native", "ja:N2"]), true),
        ("English trainer", json!(["en:C1"]), true),
        ("Thai non-trainer", json!(["th:native"]), false),
    ] {
        let id = person(
            app,
            json!({"name_latin": key, "skills": [DELTA], "languages": languages,
                   "available_training": trains, "consent_processing": true, "visibility": "network"}),
        )
        .await;
        trainers.insert(key, id);
    }
    let body = rank(
        json!({"kind": "training", "title": "Supervisor training in Thai",
        "skills": [DELTA], "country": "TH", "languages": ["th:B2!"]}),
    )
    .await;
    let found = ids(&body);
    assert!(found.contains(&trainers["Thai trainer"]), "{body}");
    assert!(!found.contains(&trainers["English trainer"]), "{body}");
    assert!(!found.contains(&trainers["Thai non-trainer"]), "{body}");
    assert!(
        !proposed(&body).is_empty(),
        "courses are ranked beside trainers: {body}"
    );
    let trainer = body["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == trainers["Thai trainer"].as_str())
        .unwrap();
    assert_eq!(trainer["kind"], "person", "{trainer}");
    let held = constraints_of(&body, &trainers["Thai trainer"]);
    assert!(
        held.iter().any(|h| h["constraint"] == "available"
            && h["words"].as_str().unwrap().contains("Trains others")),
        "{held:?}"
    );
    let ranks: Vec<u64> = body["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["rank"].as_u64().unwrap())
        .collect();
    assert_eq!(ranks, (1..=ranks.len() as u64).collect::<Vec<_>>());

    // The one seat taken, that cohort is full.
    let (status, taken) = app
        .send(
            Method::POST,
            "/api/v1/participations",
            "officer",
            &json!({"person": app.member_person.to_string(), "program": program,
                    "cohort": cohorts["online, one seat"], "role": "trainee", "applied_on": "2026-01-15"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{taken}");
    let body = rank(json!({"kind": "training", "title": "Online course",
        "skills": [DELTA], "country": "TH", "course_mode": "online"}))
    .await;
    assert_eq!(
        proposed(&body),
        ["online in English", "online in Thai"],
        "{body}"
    );

    // Only a training need asks how a course is taught.
    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/needs",
            "officer",
            &json!({"kind": "expertise", "title": "Trainer", "skills": [DELTA], "course_mode": "online"}),
        )
        .await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("course_mode")),
        "{body}"
    );
}

async fn people_are_held_to_when_and_where_they_can_work(app: &TestApp) {
    // Three experts of one skill: one free now who has worked in Viet Nam,
    // one free from the spring, one free only next year.
    let expert = |name: &str, extra: Value| {
        let mut fields = json!({
            "name_latin": name, "residence": "TH", "skills": [EPSILON], "sectors": ["32120"],
            "available_dispatch": true, "consent_processing": true, "visibility": "network",
        });
        fields
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        fields
    };
    let now = person(
        app,
        expert("Free Now", json!({"experience_countries": ["VN", "LA"]})),
    )
    .await;
    let spring = person(
        app,
        expert("Free In Spring", json!({"available_from": "2098-03-01"})),
    )
    .await;
    let later = person(
        app,
        expert("Free Later", json!({"available_from": "2099-01-15"})),
    )
    .await;
    let (_, read) = app.get(&format!("/api/v1/people/{now}"), "officer").await;
    assert_eq!(read["experience_countries"], json!(["LA", "VN"]), "{read}");
    let (_, read) = app.get(&format!("/api/v1/people/{later}"), "officer").await;
    assert_eq!(read["available_from"], "2099-01-15", "{read}");

    let rank = |need: Value| async move {
        let need = post_need(app, "officer", need).await;
        app.get(&format!("/api/v1/needs/{need}/matches?top=20"), "officer")
            .await
            .1
    };
    let body = rank(json!({"kind": "expertise", "title": "Expert by April",
        "skills": [EPSILON], "available_by": "2098-04-01"}))
    .await;
    let proposed = ids(&body);
    assert!(
        proposed.contains(&now) && proposed.contains(&spring),
        "{body}"
    );
    assert!(!proposed.contains(&later), "not available by April: {body}");
    let held = constraints_of(&body, &spring);
    assert_eq!(held[0]["constraint"], "available_by", "{held:?}");
    assert_eq!(held[0]["from"], "2098-03-01");
    assert!(
        held[0]["words"].as_str().unwrap().contains("2098-03-01"),
        "{held:?}"
    );

    // Experience in Viet Nam recorded on the profile meets a need that
    // requires it, though they live in Thailand.
    let body = rank(
        json!({"kind": "expertise", "title": "Expert who knows Viet Nam",
        "skills": [EPSILON], "country": "VN", "require_country": true}),
    )
    .await;
    let proposed = ids(&body);
    assert_eq!(proposed.first(), Some(&now));
    assert!(
        !proposed.contains(&spring) && !proposed.contains(&later),
        "they live in Thailand and name no other country"
    );

    // Where they must be based is where they live: the three live in
    // Thailand, none in Viet Nam.
    let body = rank(
        json!({"kind": "expertise", "title": "Expert based in Thailand",
        "skills": [EPSILON], "located_in": ["TH", "LA"]}),
    )
    .await;
    let proposed = ids(&body);
    assert!(
        proposed.contains(&now) && proposed.contains(&later),
        "{body}"
    );
    let held = constraints_of(&body, &now);
    assert!(
        held.iter()
            .any(|h| h["constraint"] == "located_in" && h["country"] == "TH"),
        "{held:?}"
    );
    let body = rank(
        json!({"kind": "expertise", "title": "Expert based in Viet Nam",
        "skills": [EPSILON], "located_in": ["VN"]}),
    )
    .await;
    assert!(
        !ids(&body).contains(&now),
        "experience in Viet Nam is not living there: {body}"
    );

    // Only a need for people asks it; a date is a date.
    for (body, field) in [
        (
            json!({"kind": "training", "title": "Course", "skills": [EPSILON], "available_by": "2098-04-01"}),
            "available_by",
        ),
        (
            json!({"kind": "expertise", "title": "Expert", "skills": [EPSILON], "available_by": "April"}),
            "available_by",
        ),
    ] {
        let (status, answer) = app
            .send(Method::POST, "/api/v1/needs", "officer", &body)
            .await;
        assert_eq!(
            (status, answer["error"]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field)),
            "{answer}"
        );
    }
    let (status, answer) = app
        .send(
            Method::POST,
            "/api/v1/people",
            "officer",
            &expert("Nowhere", json!({"experience_countries": ["XX"]})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
}

async fn assignment_rounds_over_the_api(app: &TestApp) {
    let csv = "participant,host,score,capacity,country,gender\n\
               an,sakai-seiki,9,1,VN,female\n\
               an,osaka-mold,4,2,VN,female\n\
               binh,sakai-seiki,8,1,VN,male\n\
               citra,osaka-mold,7,2,ID,female\n\
               dewi,nowhere-yet,0,0,ID,female\n";
    let post = |mode: &str, body: &'static str| {
        app.request(
            Method::POST,
            &format!("/api/v1/assignment-rounds?mode={mode}"),
            "officer",
        )
        .header("content-type", "text/csv")
        .body(body)
        .send()
    };
    let response = post("optimal", csv).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let outcome: Value = response.json().await.unwrap();
    assert_eq!(outcome["placed"], 3, "{outcome}");
    assert_eq!(
        outcome["total_score"], 19.0,
        "an with osaka (4) and binh with sakai (8) beat an with sakai: {outcome}"
    );
    let dewi = outcome["placements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["participant"] == "dewi")
        .unwrap();
    assert!(
        dewi["host"].is_null() && dewi["reason"].is_string(),
        "{dewi}"
    );
    assert!(
        outcome["fairness"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["by"] == "gender")
    );
    let stable: Value = post("stable", csv).await.unwrap().json().await.unwrap();
    assert_eq!(stable["mode"], "stable");
    let response = post("optimal", "participant,host,score,capacity\nan,x,lots,1\n")
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["line"], 2, "{body}");
    assert_eq!(body["error"]["field"], "score", "{body}");
    let response = post("greedy", "participant,host,score,capacity\n")
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

/// Outcomes enter the track record: a candidate with a success ranks above
/// an equal one without, once the index is read again.
async fn outcomes_feed_the_track_record(app: &TestApp) {
    let twin = |name: &str| {
        json!({"name_latin": name, "residence": "TH", "skills": [ALPHA], "sectors": ["32120"],
               "consent_processing": true, "visibility": "network"})
    };
    let first = person(app, twin("Twin One")).await;
    let second = person(app, twin("Twin Two")).await;
    let need = post_need(
        app,
        "officer",
        json!({"kind": "expertise", "title": "Twins", "skills": [ALPHA], "country": "TH"}),
    )
    .await;
    let caller = kyoso_service::Caller::Cli;
    let need_uid = kyoso_domain::Uid::parse(&need).unwrap();
    let rank = || async {
        app.kyoso
            .rank(&caller, need_uid, 2, Default::default())
            .await
            .unwrap()
            .candidates
            .iter()
            .map(|c| (c.candidate.uid.to_string(), c.score))
            .collect::<Vec<_>>()
    };
    let before = rank().await;
    assert_eq!(before[0].1, before[1].1, "twins score alike: {before:?}");
    let later = if before[0].0 == first {
        &second
    } else {
        &first
    };
    let (_, proposed) = app
        .send(
            Method::POST,
            &format!("/api/v1/needs/{need}/matches"),
            "officer",
            &json!({"candidate": later}),
        )
        .await;
    let id = proposed["uid"].as_str().unwrap();
    for step in [
        json!({"status": "introduced"}),
        json!({"status": "accepted"}),
        json!({"status": "concluded", "outcome": "agreement_signed"}),
    ] {
        assert_eq!(move_to(app, id, "officer", step).await.0, StatusCode::OK);
    }
    // The index is read again behind the questions: the last read answers
    // until the new one is ready.
    let mut waited = 0;
    let after = loop {
        let after = rank().await;
        if &after[0].0 == later {
            break after;
        }
        waited += 1;
        assert!(
            waited < 100,
            "a success never lifted the candidate: {after:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert!(after[0].1 > after[1].1);
}

/// Deadlines: a need past its deadline expires; one due soon reminds its owner once.
async fn needs_expire_and_owners_are_reminded(app: &TestApp) {
    let today = time::OffsetDateTime::now_utc().date();
    let soon = post_need(
        app,
        "officer",
        json!({"kind": "training", "title": "Due soon", "sectors": ["32120"],
        "deadline": (today + time::Duration::days(3)).to_string()}),
    )
    .await;
    let later = post_need(
        app,
        "officer",
        json!({"kind": "training", "title": "Due later", "sectors": ["32120"],
        "deadline": (today + time::Duration::days(60)).to_string()}),
    )
    .await;
    let cli = kyoso_service::Caller::Cli;
    let sweep = app.kyoso.sweep_deadlines(&cli, today).await.unwrap();
    let reminded: Vec<String> = sweep.reminded.iter().map(|n| n.uid.to_string()).collect();
    assert!(
        reminded.contains(&soon) && !reminded.contains(&later),
        "{reminded:?}"
    );
    let again = app.kyoso.sweep_deadlines(&cli, today).await.unwrap();
    assert!(again.reminded.is_empty(), "reminded once a week at most");
    // Ten days on, the first has expired.
    let sweep = app
        .kyoso
        .sweep_deadlines(&cli, today + time::Duration::days(10))
        .await
        .unwrap();
    // (The demo's own need due in five days expires too.)
    let expired: Vec<String> = sweep.expired.iter().map(|u| u.to_string()).collect();
    assert!(
        expired.contains(&soon) && !expired.contains(&later),
        "{expired:?}"
    );
    let (_, body) = app.get(&format!("/api/v1/needs/{soon}"), "officer").await;
    assert_eq!(body["status"], "expired");
    let officer = app.get("/api/v1/audit", "officer").await.1;
    assert!(
        officer.to_string().contains("extend its deadline"),
        "the reminder is in the owner's audit log"
    );
    assert!(
        officer.to_string().contains(r#"{"status":"expired"}"#),
        "so is the expiry: {officer}"
    );
}

mod cases {
    use super::*;
    on_every_engine!(
        a_need_ranks_planted_experts_with_reasons_and_warm_paths,
        needs_are_read_and_managed_by_the_right_people,
        the_match_lifecycle_moves_only_forward,
        technology_needs_match_offers_with_a_local_champion,
        deals_are_answered_from_the_other_side,
        courses_are_held_to_what_a_training_need_asks,
        people_are_held_to_when_and_where_they_can_work,
        assignment_rounds_over_the_api,
        outcomes_feed_the_track_record,
        needs_expire_and_owners_are_reminded,
    );
}
