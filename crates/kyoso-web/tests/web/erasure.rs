//! Erasure leaves nothing behind: after a person asks for it and an officer
//! carries it out, no table — every table and column the schema has — and
//! no answer of the API holds any of their personal data.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{PASSWORD, TestApp, code, on_every_engine};

const NAME: &str = "Zephyrine Quokka-Lindqvist";
const NATIVE: &str = "เซฟิรีน ควอกกา";
const JAPANESE: &str = "ゼフィリーン・クオッカ";
const EMAIL: &str = "zephyrine.quokka@example.org";
const PHONE: &str = "+66 81 555 0199";
const BIO: &str = "Restores antique looms in a workshop near Wat Phra Singh.";
const EXTERNAL: &str = "ERASE-ME-7731";
const LOGIN: &str = "zephyrine.login@example.org";

/// Every value that must be gone.
const ERASED: &[&str] = &[NAME, NATIVE, JAPANESE, EMAIL, PHONE, BIO, EXTERNAL, LOGIN];

async fn post(app: &TestApp, role: &str, path: &str, body: Value) -> Value {
    let (status, answer) = app.send(Method::POST, path, role, &body).await;
    assert!(status.is_success(), "{path}: {status} {answer}");
    answer
}

fn id(value: &Value) -> String {
    value["id"]
        .as_str()
        .or(value["uid"].as_str())
        .unwrap()
        .to_owned()
}

/// Every text of every column of every table, from the schema, that
/// contains `value`: (table, column).
async fn where_in_the_database(app: &TestApp, value: &str) -> Vec<String> {
    let columns: Vec<String> = match app.db.engine {
        kyoso_testkit::Engine::Sqlite => app
            .db
            .texts(
                "SELECT m.name || '.' || c.name FROM sqlite_master m, pragma_table_info(m.name) c \
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
            )
            .await,
        kyoso_testkit::Engine::Postgres => {
            app.db
                .texts(
                    "SELECT table_name || '.' || column_name FROM information_schema.columns \
                     WHERE table_schema = 'public'",
                )
                .await
        }
    };
    assert!(columns.len() > 100, "the schema's columns: {columns:?}");
    let escaped = value.replace('\'', "''");
    // One query: every column of every table that holds the value.
    let checks: Vec<String> = columns
        .iter()
        .map(|column| {
            let (table, name) = column.split_once('.').unwrap();
            let contains = match app.db.engine {
                kyoso_testkit::Engine::Sqlite => {
                    format!("instr(CAST(\"{name}\" AS TEXT), '{escaped}') > 0")
                }
                kyoso_testkit::Engine::Postgres => {
                    format!("strpos(\"{name}\"::text, '{escaped}') > 0")
                }
            };
            format!("SELECT '{column}' FROM \"{table}\" WHERE {contains}")
        })
        .collect();
    let mut found = app.db.texts(&checks.join(" UNION ")).await;
    found.sort();
    found.dedup();
    found
}

async fn a_persons_erasure_leaves_nothing_behind(app: &TestApp) {
    // The person, kept by TPA, with everything that can be said of them.
    let person = post(app, "officer", "/api/v1/people", json!({
        "external_id": EXTERNAL, "name_latin": NAME, "name_native": NATIVE, "name_japanese": JAPANESE,
        "email": EMAIL, "phone": PHONE, "bio": BIO, "residence": "TH", "gender": "female",
        "skills": ["loom restoration"], "languages": ["th:native"], "sectors": ["32120"],
        "available_dispatch": true, "consent_processing": true, "consent_contact": true,
        "visibility": "network"
    })).await;
    let person = id(&person);
    let (status, _) = app
        .send(Method::PUT, &format!("/api/v1/people/{person}"), "officer", &json!({
            "external_id": EXTERNAL, "name_latin": NAME, "name_native": NATIVE, "name_japanese": JAPANESE,
            "email": EMAIL, "phone": PHONE, "bio": format!("{BIO} Since 2019."), "residence": "TH",
            "skills": ["loom restoration"], "languages": ["th:native"], "sectors": ["32120"],
            "available_dispatch": true, "consent_processing": true, "visibility": "network"
        }))
        .await;
    assert_eq!(status, StatusCode::OK);
    let tie = post(app, "officer", "/api/v1/ties", json!({
        "kind": "member_of", "from_type": "person", "from": person, "to_type": "organization", "to": "TPA",
        "start": "2019", "role": "treasurer", "note": format!("{NAME} joined after the Sakai internship")
    })).await;
    let tie = id(&tie);

    // A program she completed, with notes on her journey and an outcome.
    let program = id(&post(
        app,
        "officer",
        "/api/v1/programs",
        json!({
            "program_type": "training_in_japan", "name_latin": "Looms of Japan", "organizer": "TPA",
            "start": "2023", "visibility": "network"
        }),
    )
    .await);
    let participation = id(&post(
        app,
        "officer",
        "/api/v1/participations",
        json!({
            "person": person, "program": program, "role": "trainee", "applied_on": "2023-01-10",
            "note": format!("Call {PHONE} before the visit")
        }),
    )
    .await);
    for (to, on) in [
        ("selected", "2023-02-01"),
        ("active", "2023-04-03"),
        ("completed", "2023-09-29"),
        ("returned", "2023-10-01"),
    ] {
        post(
            app,
            "officer",
            &format!("/api/v1/participations/{participation}/journey"),
            json!({
                "action": "move", "to": to, "on": on, "note": format!("{NAME}: {to}")
            }),
        )
        .await;
    }
    let outcome = id(&post(
        app,
        "officer",
        &format!("/api/v1/participations/{participation}/outcomes"),
        json!({
            "kind": "founded", "on": "2024-06", "organization": "TNI", "jobs_created": 3,
            "note": format!("{NAME} opened her workshop")
        }),
    )
    .await);
    post(app, "officer", &format!("/api/v1/participations/{participation}/follow-ups"), json!({
        "on": "2024-07-01", "channel": "email", "status": "reached", "note": format!("wrote to {EMAIL}")
    })).await;

    // A technical intern placement with a visit and a grievance.
    let titp = id(&post(app, "officer", "/api/v1/programs", json!({
        "program_type": "technical_intern_training", "name_latin": "TITP weaving", "organizer": "TPA",
        "start": "2020-04", "visibility": "network"
    })).await);
    let intern = id(&post(app, "officer", "/api/v1/participations", json!({
        "person": person, "program": titp, "role": "technical_intern", "applied_on": "2019-10-01"
    })).await);
    post(
        app,
        "officer",
        &format!("/api/v1/participations/{intern}/placements"),
        json!({
            "phase": "i", "start": "2020-04-01", "end": "2021-03-31", "supervising": "AOTS",
            "implementing": "TNI", "job_category": "weaving"
        }),
    )
    .await;
    post(app, "aots_officer", &format!("/api/v1/participations/{intern}/visits"), json!({
        "on": "2020-10-05", "findings": format!("{NAME} works unpaid overtime"), "actions": format!("phone {PHONE}")
    })).await;
    let grievance = id(&post(
        app,
        "aots_officer",
        &format!("/api/v1/participations/{intern}/grievances"),
        json!({
            "category": "wages", "description": format!("{NAME} ({PHONE}) was not paid for March")
        }),
    )
    .await);
    post(
        app,
        "aots_officer",
        &format!("/api/v1/grievances/{grievance}/trail"),
        json!({
            "status": "in_progress", "note": format!("spoke with {NAME}")
        }),
    )
    .await;

    // A need she posted, and one she was proposed for.
    let her_need = id(&post(
        app,
        "officer",
        "/api/v1/needs",
        json!({
            "kind": "mentoring", "title": format!("A mentor for {NAME}"), "skills": ["weaving"],
            "description": format!("Write to {EMAIL}"), "posted_by": person
        }),
    )
    .await);
    let need = id(&post(
        app,
        "officer",
        "/api/v1/needs",
        json!({
            "kind": "expertise", "title": "Loom restoration for a Chiang Mai cooperative",
            "skills": ["loom restoration"], "country": "TH"
        }),
    )
    .await);
    let proposed = post(
        app,
        "officer",
        &format!("/api/v1/needs/{need}/matches"),
        json!({"candidate": person}),
    )
    .await;
    let matched = id(&proposed);
    post(
        app,
        "officer",
        &format!("/api/v1/matches/{matched}/moves"),
        json!({
            "status": "introduced", "note": format!("introduced {NAME} by phone {PHONE}")
        }),
    )
    .await;

    // Her own account: she asks for the erasure.
    app.kyoso
        .add_user(
            LOGIN,
            PASSWORD,
            kyoso_domain::Role::Member,
            Some("TPA"),
            Some(kyoso_domain::Uid::parse(&person).unwrap()),
        )
        .await
        .unwrap();
    let (_, token) = app.kyoso.create_token(LOGIN, "mine", None).await.unwrap();
    let asked = app
        .client
        .post(app.url(&format!("/api/v1/people/{person}/erasure-requests")))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(asked.status(), StatusCode::CREATED);
    let request = asked.json::<Value>().await.unwrap();
    assert_eq!(request["status"], "pending");
    let (status, mine) = app
        .client
        .get(app.url(&format!("/api/v1/people/{person}/data")))
        .bearer_auth(&token)
        .send()
        .await
        .map(|r| (r.status(), r))
        .unwrap();
    assert_eq!(status, StatusCode::OK);
    let mine: Value = mine.json().await.unwrap();
    assert_eq!(mine["person"]["name_latin"], NAME);
    assert_eq!(mine["participations"].as_array().unwrap().len(), 2);
    assert_eq!(mine["matches"].as_array().unwrap().len(), 1);
    assert_eq!(mine["erasure_requests"][0]["status"], "pending");

    // The audit log named her until now, in the entries written before.
    assert!(!where_in_the_database(app, NAME).await.is_empty());

    // Her officer sees the request; another organization's does not.
    let (_, pending) = app.get("/api/v1/erasure-requests", "officer").await;
    let request_id = pending["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["person"] == person.as_str())
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .expect("the officer sees the request");
    let (_, theirs) = app.get("/api/v1/erasure-requests", "aots_officer").await;
    assert!(!theirs.to_string().contains(&person));
    let (status, body) = app
        .send(
            Method::POST,
            &format!("/api/v1/erasure-requests/{request_id}"),
            "aots_officer",
            &json!({"decision": "carry_out"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, body) = app
        .send(
            Method::POST,
            &format!("/api/v1/erasure-requests/{request_id}"),
            "officer",
            &json!({"decision": "postpone"}),
        )
        .await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("reason"))
    );
    let postponed = post(app, "officer", &format!("/api/v1/erasure-requests/{request_id}"), json!({
        "decision": "postpone", "reason": "The funder keeps the records until the final report in March."
    })).await;
    assert_eq!(postponed["status"], "postponed");
    let done = post(
        app,
        "officer",
        &format!("/api/v1/erasure-requests/{request_id}"),
        json!({"decision": "carry_out"}),
    )
    .await;
    assert_eq!(done["status"], "done");
    let (status, body) = app
        .send(
            Method::POST,
            &format!("/api/v1/erasure-requests/{request_id}"),
            "officer",
            &json!({"decision": "carry_out"}),
        )
        .await;
    assert_eq!((status, code(&body)), (StatusCode::CONFLICT, "conflict"));

    // Her account went with her record.
    let gone = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(gone.status(), StatusCode::UNAUTHORIZED);

    // No table holds any of it.
    for value in ERASED {
        let found = where_in_the_database(app, value).await;
        assert!(found.is_empty(), "{value:?} is still in {found:?}");
    }

    // No answer of the API holds any of it: every GET of the document,
    // with each record of hers in its path.
    let (_, document) = app.get("/api/v1/openapi.json", "anonymous").await;
    let ids = [
        &person,
        &tie,
        &participation,
        &intern,
        &outcome,
        &grievance,
        &her_need,
        &need,
        &matched,
        &program,
        &titp,
    ];
    let mut answers = 0;
    for (path, operations) in document["paths"].as_object().unwrap() {
        if operations.get("get").is_none() {
            continue;
        }
        let paths: Vec<String> = if path.contains('{') {
            ids.iter().map(|id| path.replace("{id}", id)).collect()
        } else {
            vec![format!("{path}?limit=200")]
        };
        for path in paths {
            for role in ["admin", "officer"] {
                let response = app.request(Method::GET, &path, role).send().await.unwrap();
                let body = response.text().await.unwrap();
                answers += 1;
                for value in ERASED {
                    assert!(
                        !body.contains(value),
                        "{role} GET {path} answers {value:?}: {body}"
                    );
                }
            }
        }
    }
    assert!(answers > 100, "{answers} answers read");
    let (_, audit) = app.get("/api/v1/audit", "admin").await;
    assert_eq!(audit["items"][0]["action"], "erase");
    let (_, record) = app.get(&format!("/api/v1/people/{person}"), "admin").await;
    assert_eq!(record["residence"], "TH", "figures keep the country");
    assert_eq!(record["name_latin"], "Erased person");
    let (_, erasures) = app
        .get(&format!("/api/v1/people/{person}/participations"), "admin")
        .await;
    assert!(
        erasures.to_string().contains(&participation),
        "participations stay, as counts"
    );
}

/// On the pages: the member asks from their own profile, their officer
/// postpones with a reason the member then reads, and erases.
async fn erasure_is_asked_for_and_carried_out_on_the_pages(app: &TestApp) {
    use crate::pages::{csrf, new_client, sign_in};
    let member = new_client();
    sign_in(app, &member, "member@example.org", PASSWORD).await;
    let me = app.member_person;
    let profile = member
        .get(app.url(&format!("/people/{me}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        profile.contains(r#"id="ask-erasure""#),
        "the member may ask"
    );
    let token = csrf(&profile);
    let asked = member
        .post(app.url(&format!("/people/{me}/erasure-request")))
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(asked.status(), StatusCode::SEE_OTHER);
    let officer = new_client();
    sign_in(app, &officer, "officer@example.org", PASSWORD).await;
    let list = officer
        .get(app.url("/erasure-requests"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let at = list
        .find("action=\"/erasure-requests/")
        .expect("the officer sees the request")
        + "action=\"/erasure-requests/".len();
    let request = list[at..].split('"').next().unwrap().to_owned();
    let token = csrf(&list);
    let forged = officer
        .post(app.url(&format!("/erasure-requests/{request}")))
        .form(&[("csrf", "forged"), ("decision", "carry_out")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN, "CSRF is checked");
    let postponed = officer
        .post(app.url(&format!("/erasure-requests/{request}")))
        .form(&[
            ("csrf", token.as_str()),
            ("decision", "postpone"),
            ("reason", "The grant report due in March needs the records."),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(postponed.status(), StatusCode::SEE_OTHER);
    let profile = member
        .get(app.url(&format!("/people/{me}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(profile.contains("The grant report due in March needs the records."));
    let erased = officer
        .post(app.url(&format!("/erasure-requests/{request}")))
        .form(&[("csrf", token.as_str()), ("decision", "carry_out")])
        .send()
        .await
        .unwrap();
    assert_eq!(erased.status(), StatusCode::SEE_OTHER);
    let (_, person) = app.get(&format!("/api/v1/people/{me}"), "admin").await;
    assert_eq!(person["name_latin"], "Erased person");
}

mod cases {
    use super::*;
    on_every_engine!(
        a_persons_erasure_leaves_nothing_behind,
        erasure_is_asked_for_and_carried_out_on_the_pages,
    );
}
