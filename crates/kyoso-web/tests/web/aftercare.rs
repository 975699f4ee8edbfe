//! Technical intern training placements and the five-year rule, grievances
//! that only their trainee, the supervising officers and admins see,
//! monitoring visits, follow-ups and outcomes with the ties they imply.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::programs::{program_with_cohort, step};
use crate::{TestApp, code, on_every_engine};

/// A technical intern training program of TPA, the member as its intern.
async fn technical_intern(app: &TestApp) -> String {
    let (status, program) = app
        .send(
            Method::POST,
            "/api/v1/programs",
            "officer",
            &json!({
                "program_type": "technical_intern_training", "name_latin": "TITP machining, Hanoi",
                "organizer": "TPA", "countries": ["VN"], "start": "2020-04", "visibility": "network"
            }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{program}");
    let (status, participation) = app
        .send(Method::POST, "/api/v1/participations", "officer", &json!({
            "person": app.member_person.to_string(), "program": program["id"], "role": "technical_intern",
            "applied_on": "2019-10-01"
        }))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{participation}");
    participation["id"].as_str().unwrap().to_owned()
}

async fn place(
    app: &TestApp,
    id: &str,
    phase: &str,
    start: &str,
    end: &str,
) -> (StatusCode, Value) {
    app.send(
        Method::POST,
        &format!("/api/v1/participations/{id}/placements"),
        "officer",
        &json!({"phase": phase, "start": start, "end": end, "supervising": "AOTS",
                "implementing": "TNI", "job_category": "machining (lathe)"}),
    )
    .await
}

async fn placements_keep_the_five_year_rule(app: &TestApp) {
    let id = technical_intern(app).await;
    let (status, body) = place(app, &id, "ii", "2020-04-01", "2021-03-31").await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_field"),
        "{body}"
    );
    assert_eq!(body["error"]["field"], "phase");
    let (status, body) = place(app, &id, "i", "2020-04-01", "2021-04-15").await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "phase i is at most a year: {body}"
    );
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("12 months"),
        "{body}"
    );
    for (phase, start, end) in [
        ("i", "2020-04-01", "2021-03-31"),
        ("ii", "2021-04-01", "2023-03-31"),
        ("iii", "2023-05-01", "2025-04-30"),
    ] {
        let (status, body) = place(app, &id, phase, start, end).await;
        assert_eq!(status, StatusCode::CREATED, "{phase}: {body}");
    }
    let (status, body) = place(app, &id, "iii", "2025-05-01", "2025-06-30").await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "past five years: {body}"
    );
    let (_, placements) = app
        .get(
            &format!("/api/v1/participations/{id}/placements"),
            "officer",
        )
        .await;
    assert_eq!(placements["items"].as_array().unwrap().len(), 3);
    let (status, _) = place(app, &id, "i", "2030-01-01", "2030-02-01").await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "phases do not start over"
    );

    // The supervising organization's officer records a monitoring visit.
    let (status, body) = app
        .send(Method::POST, &format!("/api/v1/participations/{id}/visits"), "aots_officer", &json!({
            "on": "2020-10-05", "findings": "Overtime records incomplete", "actions": "Host to keep daily time sheets"
        }))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (_, visits) = app
        .get(&format!("/api/v1/participations/{id}/visits"), "officer")
        .await;
    assert_eq!(
        visits["items"][0]["findings"],
        "Overtime records incomplete"
    );
    let (status, _) = app
        .get(&format!("/api/v1/participations/{id}/visits"), "member")
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "visit reports are for those who supervise, not the intern"
    );
    let (status, _) = app
        .send(
            Method::POST,
            &format!("/api/v1/participations/{id}/visits"),
            "member",
            &json!({
                "on": "2020-10-06", "findings": "All fine"
            }),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

async fn grievances_are_seen_only_by_the_trainee_the_supervisors_and_admins(app: &TestApp) {
    let id = technical_intern(app).await;
    let (status, body) = app
        .send(
            Method::POST,
            &format!("/api/v1/participations/{id}/grievances"),
            "member",
            &json!({
                "category": "wages", "description": "No overtime pay"
            }),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no placement yet: {body}"
    );
    place(app, &id, "i", "2020-04-01", "2021-03-31").await;

    let (status, grievance) = app
        .send(Method::POST, &format!("/api/v1/participations/{id}/grievances"), "member", &json!({
            "category": "wages", "description": "Overtime in March was not paid", "raised_on": "2020-11-02"
        }))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{grievance}");
    let gid = grievance["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/grievances/{gid}");

    for allowed in ["member", "aots_officer", "admin"] {
        let (status, body) = app.get(&path, allowed).await;
        assert_eq!(status, StatusCode::OK, "{allowed}: {body}");
        assert_eq!(body["description"], "Overtime in March was not paid");
    }
    // Those who run the program but do not supervise, a coordinator, an
    // outsider: for them it does not exist.
    for refused in ["officer", "coordinator", "anonymous"] {
        let (status, body) = app.get(&path, refused).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{refused}: {body}");
        let (_, list) = app
            .get(&format!("/api/v1/participations/{id}/grievances"), refused)
            .await;
        assert!(
            list["items"]
                .as_array()
                .is_none_or(|items| items.is_empty()),
            "{refused}: {list}"
        );
    }
    let (status, _) = app
        .send(
            Method::POST,
            &format!("{path}/trail"),
            "officer",
            &json!({"status": "closed"}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // The trainee adds a note but does not close it; the supervisor acts.
    let (status, _) = app
        .send(
            Method::POST,
            &format!("{path}/trail"),
            "member",
            &json!({"status": "closed"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = app
        .send(
            Method::POST,
            &format!("{path}/trail"),
            "member",
            &json!({"note": "April too"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = app
        .send(
            Method::POST,
            &format!("{path}/trail"),
            "aots_officer",
            &json!({
                "status": "in_progress", "note": "Visit to the host booked"
            }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "in_progress");
    let trail: Vec<&str> = body["trail"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        trail,
        ["open", "open", "in_progress"],
        "the grievance keeps its own trail"
    );

    let (_, work) = app.get("/api/v1/work-list", "aots_officer").await;
    assert_eq!(work["open_grievances"][0]["id"], gid.as_str());
    let (_, work) = app.get("/api/v1/work-list", "officer").await;
    assert_eq!(work["open_grievances"], json!([]));
    for reader in ["officer", "aots_officer"] {
        let (_, audit) = app.get("/api/v1/audit", reader).await;
        assert!(
            !audit.to_string().contains("Overtime in March"),
            "the audit log {reader} reads does not carry grievances"
        );
    }
}

async fn outcomes_imply_ties_and_follow_ups_clear_the_overdue_list(app: &TestApp) {
    let (program, cohort) = program_with_cohort(app).await;
    let person = app.member_person.to_string();
    let (_, participation) = app
        .send(Method::POST, "/api/v1/participations", "officer", &json!({
            "person": person, "program": program, "cohort": cohort, "role": "trainee", "applied_on": "2023-01-10"
        }))
        .await;
    let id = participation["id"].as_str().unwrap().to_owned();
    let (status, body) = app
        .send(
            Method::POST,
            &format!("/api/v1/participations/{id}/follow-ups"),
            "officer",
            &json!({
                "on": "2023-02-01", "channel": "phone", "status": "reached"
            }),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "not before the program ends: {body}"
    );
    for (to, on) in [
        ("selected", "2023-02-01"),
        ("active", "2023-04-03"),
        ("completed", "2023-09-29"),
        ("returned", "2023-10-01"),
    ] {
        let (status, body) = step(app, &id, json!({"action": "move", "to": to, "on": on})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (_, work) = app.get("/api/v1/work-list", "officer").await;
    let overdue = |work: &Value| {
        work["overdue_follow_ups"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["participation"] == id.as_str())
    };
    assert!(
        overdue(&work),
        "returned in 2023, never followed up: {work}"
    );
    // The officer sets the period: five years is not yet overdue.
    let (_, work) = app.get("/api/v1/work-list?months=60", "officer").await;
    assert!(!overdue(&work), "within five years: {work}");
    assert_eq!(work["follow_up_months"], 60);
    for months in ["0", "61", "soon"] {
        let (status, body) = app
            .get(&format!("/api/v1/work-list?months={months}"), "officer")
            .await;
        assert!(status.is_client_error(), "months={months}: {body}");
        assert!(body.to_string().contains("months"), "{body}");
    }
    let today = time::OffsetDateTime::now_utc().date().to_string();
    let (status, body) = app
        .send(Method::POST, &format!("/api/v1/participations/{id}/follow-ups"), "officer", &json!({
            "on": today, "channel": "visit", "status": "reached", "note": "Running a parts workshop"
        }))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (_, work) = app.get("/api/v1/work-list", "officer").await;
    assert!(!overdue(&work), "followed up today");

    let (status, body) = app
        .send(
            Method::POST,
            &format!("/api/v1/participations/{id}/outcomes"),
            "officer",
            &json!({
                "kind": "founded", "on": "2024-06"
            }),
        )
        .await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_field")
    );
    assert_eq!(body["error"]["field"], "organization");
    let before = founded_ties(app, &person).await;
    let (status, outcome) = app
        .send(Method::POST, &format!("/api/v1/participations/{id}/outcomes"), "officer", &json!({
            "kind": "founded", "on": "2024-06", "organization": "TNI", "jobs_created": 12, "people_supported": 40
        }))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{outcome}");
    assert_eq!(
        founded_ties(app, &person).await,
        before + 1,
        "founding implies the tie"
    );
    let (_, outcomes) = app
        .get(&format!("/api/v1/participations/{id}/outcomes"), "member")
        .await;
    assert_eq!(outcomes["items"][0]["jobs_created"], 12);
    let response = app
        .request(
            Method::DELETE,
            &format!("/api/v1/outcomes/{}", outcome["id"].as_str().unwrap()),
            "officer",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        founded_ties(app, &person).await,
        before,
        "and the tie goes with it"
    );
}

async fn founded_ties(app: &TestApp, person: &str) -> usize {
    let (_, ties) = app
        .get(&format!("/api/v1/ties?end={person}&kind=founded"), "admin")
        .await;
    ties["items"].as_array().unwrap().len()
}

async fn the_grievance_form_and_page_keep_the_secret(app: &TestApp) {
    use crate::PASSWORD;
    use crate::pages::{csrf, new_client, sign_in};

    let id = technical_intern(app).await;
    place(app, &id, "i", "2020-04-01", "2021-03-31").await;
    let member = new_client();
    sign_in(app, &member, "member@example.org", PASSWORD).await;
    let page = member
        .get(app.url(&format!("/participations/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(r#"id="grievance-form""#),
        "the trainee may raise one"
    );
    assert!(
        !page.contains(r#"id="visit-form""#),
        "but does not record visits"
    );
    let response = member
        .post(app.url(&format!("/participations/{id}/grievances")))
        .form(&[
            ("csrf", csrf(&page).as_str()),
            ("category", "housing"),
            ("description", "Six people share one room"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, list) = app
        .get(&format!("/api/v1/participations/{id}/grievances"), "admin")
        .await;
    let gid = list["items"][0]["id"].as_str().unwrap().to_owned();

    let read = |role: &'static str| {
        let app_url = app.url(&format!("/grievances/{gid}"));
        async move {
            let client = new_client();
            sign_in(app, &client, &format!("{role}@example.org"), PASSWORD).await;
            let response = client.get(app_url).send().await.unwrap();
            let status = response.status();
            (status, response.text().await.unwrap())
        }
    };
    let (status, html) = read("aots_officer").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Six people share one room"));
    for refused in ["officer", "coordinator"] {
        let (status, html) = read(refused).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{refused}");
        assert!(!html.contains("Six people"), "{refused}");
        let (_, journey) = {
            let client = new_client();
            sign_in(app, &client, &format!("{refused}@example.org"), PASSWORD).await;
            let response = client
                .get(app.url(&format!("/participations/{id}")))
                .send()
                .await
                .unwrap();
            (response.status(), response.text().await.unwrap())
        };
        assert!(
            !journey.contains(&gid),
            "{refused} sees no trace of it on the journey page"
        );
    }
}

mod cases {
    use super::*;

    on_every_engine!(
        placements_keep_the_five_year_rule,
        grievances_are_seen_only_by_the_trainee_the_supervisors_and_admins,
        outcomes_imply_ties_and_follow_ups_clear_the_overdue_list,
        the_grievance_form_and_page_keep_the_secret,
    );
}
