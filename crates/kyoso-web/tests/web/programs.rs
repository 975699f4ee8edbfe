//! Programs, cohorts and journeys through the API: the rules of the
//! journey, the ties it implies, and who may see and change what.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{TestApp, code, on_every_engine};

/// A private training program of TPA with one cohort; returns their ids.
pub(crate) async fn program_with_cohort(app: &TestApp) -> (String, String) {
    let (status, program) = app
        .send(Method::POST, "/api/v1/programs", "officer", &json!({
            "program_type": "training_in_japan",
            "name_latin": "Kaizen for Thai SMEs", "name_japanese": "タイ中小企業のための改善研修",
            "organizer": "TPA", "partners": ["AOTS"],
            "funders": [{"organization": "AOTS", "source": "oda"}],
            "countries": ["TH"], "sectors": ["32120"], "sdgs": ["8", "9.2"],
            "start": "2025-04", "end": "2026-03",
            "budget": {"amount": 12000000, "currency": "jpy"},
            "stage": "technology_transfer", "visibility": "private"
        }))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{program}");
    assert_eq!(program["owner"], "TPA");
    assert_eq!(program["partners"], json!(["AOTS"]));
    assert_eq!(program["budget"]["currency"], "JPY");
    let id = program["id"].as_str().unwrap().to_owned();
    let (status, cohort) = app
        .send(
            Method::POST,
            &format!("/api/v1/programs/{id}/cohorts"),
            "officer",
            &json!({"name": "2025 spring", "start": "2025-04-07", "capacity": 20}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{cohort}");
    (id, cohort["id"].as_str().unwrap().to_owned())
}

pub(crate) async fn step(app: &TestApp, participation: &str, body: Value) -> (StatusCode, Value) {
    app.send(
        Method::POST,
        &format!("/api/v1/participations/{participation}/journey"),
        "officer",
        &body,
    )
    .await
}

async fn trained_at_ties(app: &TestApp, person: &str) -> Vec<Value> {
    let (_, ties) = app
        .get(
            &format!("/api/v1/ties?end={person}&kind=trained_at"),
            "admin",
        )
        .await;
    ties["items"].as_array().unwrap().clone()
}

async fn a_journey_follows_the_rules_and_implies_its_tie(app: &TestApp) {
    let (program, cohort) = program_with_cohort(app).await;
    let person = app.member_person.to_string();
    let before = trained_at_ties(app, &person).await.len();
    let (status, participation) = app
        .send(
            Method::POST,
            "/api/v1/participations",
            "officer",
            &json!({
                "person": person, "program": program, "cohort": cohort, "role": "trainee",
                "applied_on": "2025-01-15"
            }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{participation}");
    assert_eq!(participation["state"], "applied");
    let id = participation["id"].as_str().unwrap().to_owned();

    let (status, body) = step(
        app,
        &id,
        json!({"action": "move", "to": "completed", "on": "2025-02-01"}),
    )
    .await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_field")
    );
    assert_eq!(
        body["error"]["message"],
        "cannot move from applied to completed; from applied a participant may move to selected, rejected, withdrawn"
    );
    for (to, on) in [
        ("selected", "2025-02-01"),
        ("pre_departure", "2025-03-10"),
        ("active", "2025-04-07"),
        ("completed", "2025-09-30"),
    ] {
        let (status, body) = step(app, &id, json!({"action": "move", "to": to, "on": on})).await;
        assert_eq!(status, StatusCode::OK, "{to}: {body}");
        assert_eq!(body["state"], to);
    }
    let ties = trained_at_ties(app, &person).await;
    assert_eq!(ties.len(), before + 1, "completing implies trained_at");
    let tie = ties.iter().find(|t| t["start"] == "2025-04-07").unwrap();
    assert_eq!(tie["end"], "2025-09-30");
    assert_eq!(tie["to"], "TPA");

    // A mistake is retracted by a new entry, with a reason; the tie goes.
    let (status, body) = step(app, &id, json!({"action": "retract", "entry": 4})).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a retraction needs a note: {body}"
    );
    let (status, body) = step(
        app,
        &id,
        json!({"action": "retract", "entry": 4, "note": "completion was entered early"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["state"], "active");
    assert_eq!(
        body["journey"].as_array().unwrap().len(),
        5,
        "the history keeps the mistake"
    );
    assert_eq!(trained_at_ties(app, &person).await.len(), before);
    let (status, _) = step(
        app,
        &id,
        json!({"action": "move", "to": "completed", "on": "2025-10-03"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        trained_at_ties(app, &person).await.len(),
        before + 1,
        "and comes back, once"
    );

    let (status, board) = app
        .get(&format!("/api/v1/cohorts/{cohort}/board"), "officer")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(board["states"]["completed"].as_array().unwrap().len(), 1);
    let (_, figures) = app
        .get(&format!("/api/v1/programs/{program}"), "officer")
        .await;
    assert_eq!(figures["participants"]["completed"], 1);

    // The participant reads their own journey; nobody outside does.
    let (status, own) = app
        .get(&format!("/api/v1/participations/{id}"), "member")
        .await;
    assert_eq!(status, StatusCode::OK, "{own}");
    assert_eq!(own["journey"][0]["to"], "selected");
    for outsider in ["aots_officer", "anonymous"] {
        let (status, _) = app
            .get(&format!("/api/v1/participations/{id}"), outsider)
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{outsider}");
        let (status, _) = app
            .get(&format!("/api/v1/programs/{program}"), outsider)
            .await;
        assert_eq!(
            status,
            StatusCode::NOT_FOUND,
            "{outsider} reads a private program"
        );
    }
    let response = app
        .request(
            Method::POST,
            &format!("/api/v1/participations/{id}/journey"),
            "aots_officer",
        )
        .json(&json!({"action": "move", "to": "returned"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let response = app
        .request(
            Method::POST,
            &format!("/api/v1/participations/{id}/journey"),
            "member",
        )
        .json(&json!({"action": "move", "to": "returned"}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "a participant does not move themself"
    );

    let (_, audit) = app.get("/api/v1/audit", "officer").await;
    assert!(
        audit["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["record_table"] == "participations" || e["table"] == "participations"),
        "journey entries are audited: {audit}"
    );
}

async fn withdrawing_removes_the_implied_tie_and_work_lists_show_applicants(app: &TestApp) {
    let (program, cohort) = program_with_cohort(app).await;
    let (_, people) = app
        .get("/api/v1/people?country=TH&limit=3", "officer")
        .await;
    let people: Vec<String> = people["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect();
    let mut ids = Vec::new();
    for person in &people {
        let (status, body) = app
            .send(
                Method::POST,
                "/api/v1/participations",
                "officer",
                &json!({
                    "person": person, "program": program, "cohort": cohort, "role": "trainee",
                    "applied_on": "2025-01-20"
                }),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        ids.push(body["id"].as_str().unwrap().to_owned());
    }
    let (status, list) = app.get("/api/v1/work-list", "officer").await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let waiting: Vec<&str> = list["applications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["participation"].as_str().unwrap())
        .collect();
    for id in &ids {
        assert!(waiting.contains(&id.as_str()), "{id} waits for review");
    }
    let (status, _) = app.get("/api/v1/work-list", "member").await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (status, body) = step(
        app,
        &ids[0],
        json!({"action": "move", "to": "rejected", "on": "2025-02-01"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = step(
        app,
        &ids[0],
        json!({"action": "move", "to": "selected", "on": "2025-02-02"}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("rejected is final"),
        "{body}"
    );

    // Completed with a tie, the completion retracted, then withdrawn.
    let person = &people[1];
    let before = trained_at_ties(app, person).await.len();
    for (to, on) in [
        ("selected", "2025-02-01"),
        ("active", "2025-04-07"),
        ("completed", "2025-09-30"),
    ] {
        let (status, body) =
            step(app, &ids[1], json!({"action": "move", "to": to, "on": on})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    assert_eq!(trained_at_ties(app, person).await.len(), before + 1);
    step(
        app,
        &ids[1],
        json!({"action": "retract", "entry": 3, "note": "left before the end"}),
    )
    .await;
    let (status, body) = step(
        app,
        &ids[1],
        json!({"action": "move", "to": "withdrawn", "on": "2025-08-01"}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(trained_at_ties(app, person).await.len(), before);
}

async fn bad_programs_are_refused_field_by_field(app: &TestApp) {
    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/programs",
            "officer",
            &json!({
                "program_type": "demonstration_project", "name_latin": "Solar pumps",
                "organizer": "NOBODY", "start": "2025", "sdgs": ["18"], "countries": ["XX"]
            }),
        )
        .await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_field"),
        "{body}"
    );
    let fields: Vec<&str> = std::iter::once(&body["error"])
        .chain(body["error"]["more"].as_array().unwrap().iter())
        .filter_map(|f| f["field"].as_str())
        .collect();
    assert!(
        fields.contains(&"sdgs") && fields.contains(&"countries"),
        "{body}"
    );

    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/programs",
            "officer",
            &json!({
                "program_type": "demonstration_project", "name_latin": "Solar pumps",
                "organizer": "NOBODY", "start": "2025"
            }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        matches!(
            body["error"]["field"].as_str(),
            Some("provider" | "organizer")
        ),
        "{body}"
    );

    let (status, body) = app
        .send(Method::POST, "/api/v1/programs", "officer", &json!({
            "program_type": "seminar_series", "name_latin": "x", "organizer": "TPA", "start": "2025",
            "surprise": true
        }))
        .await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_field")
    );
    assert_eq!(body["error"]["field"], "surprise");

    let (status, _) = app
        .send(Method::POST, "/api/v1/programs", "anonymous", &json!({}))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = app
        .send(Method::POST, "/api/v1/programs", "member", &json!({
            "program_type": "seminar_series", "name_latin": "Mine", "organizer": "TPA", "start": "2025"
        }))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "members do not run programs");
}

async fn the_board_moves_participants_by_the_rules_in_every_language(app: &TestApp) {
    use crate::PASSWORD;
    use crate::pages::{csrf, new_client, sign_in};

    let (program, cohort) = program_with_cohort(app).await;
    let person = app.member_person.to_string();
    let (_, participation) = app
        .send(
            Method::POST,
            "/api/v1/participations",
            "officer",
            &json!({
                "person": person, "program": program, "cohort": cohort, "role": "trainee",
                "applied_on": "2025-01-15"
            }),
        )
        .await;
    let id = participation["id"].as_str().unwrap().to_owned();
    let client = new_client();
    assert_eq!(
        sign_in(app, &client, "officer@example.org", PASSWORD).await,
        StatusCode::SEE_OTHER
    );
    let page = |path: String| {
        let client = client.clone();
        let url = app.url(&path);
        async move {
            let response = client.get(url).send().await.unwrap();
            (response.status(), response.text().await.unwrap())
        }
    };
    for (lang, word) in [
        ("en", "Applied"),
        ("ja", "応募"),
        ("th", "สมัครแล้ว"),
        ("vi", "Đã nộp đơn"),
    ] {
        client
            .get(app.url(&format!("/lang/{lang}?next=/")))
            .send()
            .await
            .unwrap();
        for path in [
            format!("/cohorts/{cohort}"),
            format!("/programs/{program}"),
            format!("/participations/{id}"),
            "/work".to_owned(),
            "/programs".to_owned(),
        ] {
            let (status, html) = page(path.clone()).await;
            assert_eq!(status, StatusCode::OK, "{lang} {path}");
            if path.starts_with("/cohorts") {
                assert!(
                    html.contains(word),
                    "{lang}: the board names its columns: {word}"
                );
            }
        }
    }
    client.get(app.url("/lang/en?next=/")).send().await.unwrap();

    // The officer sets the follow-up period; a wrong one shows the usual.
    let (_, work) = page("/work?months=18".to_owned()).await;
    assert!(work.contains(r#"value="18""#), "the period asked for");
    assert!(work.contains("more than 18 months ago"), "and its hint");
    let (_, work) = page("/work?months=999".to_owned()).await;
    assert!(work.contains(r#"value="6""#), "out of range: six months");

    let (_, board) = page(format!("/cohorts/{cohort}")).await;
    assert!(
        board.contains(&format!("/participations/{id}/journey")),
        "the card has its move form"
    );
    assert!(
        board.contains(r#"<option value="selected">"#),
        "selected is offered from applied"
    );
    assert!(
        !board.contains(r#"<option value="completed">"#),
        "completed is not"
    );
    let token = csrf(&board);
    let post = |fields: Vec<(&'static str, String)>| {
        let client = client.clone();
        let url = app.url(&format!("/participations/{id}/journey"));
        async move { client.post(url).form(&fields).send().await.unwrap() }
    };
    let refused = post(vec![("action", "move".into()), ("to", "selected".into())]).await;
    assert_eq!(
        refused.status(),
        StatusCode::FORBIDDEN,
        "a form without its CSRF token"
    );
    let moved = post(vec![
        ("csrf", token.clone()),
        ("action", "move".into()),
        ("to", "selected".into()),
        ("on", "2025-02-01".into()),
        ("back", format!("/cohorts/{cohort}")),
    ])
    .await;
    assert_eq!(moved.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        moved.headers()["location"].to_str().unwrap(),
        format!("/cohorts/{cohort}?saved=1")
    );
    let illegal = post(vec![
        ("csrf", token.clone()),
        ("action", "move".into()),
        ("to", "returned".into()),
        ("on", "2025-02-02".into()),
    ])
    .await;
    assert_eq!(illegal.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = illegal.text().await.unwrap();
    assert!(
        html.contains("cannot move from selected to returned"),
        "the rule is shown"
    );
    let (_, timeline) = page(format!("/participations/{id}")).await;
    assert!(
        timeline.contains("2025-02-01"),
        "the step is on the timeline"
    );

    // The member sees their journey but cannot move it.
    let member = new_client();
    sign_in(app, &member, "member@example.org", PASSWORD).await;
    let response = member
        .get(app.url(&format!("/participations/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(
        !html.contains(r#"id="move""#),
        "no move form for the participant"
    );
    let response = member.get(app.url("/work")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

mod cases {
    use super::*;

    on_every_engine!(
        a_journey_follows_the_rules_and_implies_its_tie,
        withdrawing_removes_the_implied_tie_and_work_lists_show_applicants,
        bad_programs_are_refused_field_by_field,
        the_board_moves_participants_by_the_rules_in_every_language,
    );
}
