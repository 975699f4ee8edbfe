//! What an outside probe found, kept closed: one regression test per
//! finding, on every engine.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{TestApp, code, on_every_engine};

/// `next` names only a path of this site; anything else goes home, and no
/// target makes the server fail.
async fn redirects_stay_on_this_site(app: &TestApp) {
    for (next, expected) in [
        ("/people", "/people"),
        ("/%09/evil.example", "/"),
        ("//evil.example", "/"),
        ("/%5Cevil.example", "/"),
        ("https://evil.example/", "/"),
        ("/%0d%0aSet-Cookie:%20x=1", "/"),
        ("/%E2%80%A8/evil.example", "/"),
    ] {
        let response = app
            .client
            .get(app.url(&format!("/lang/ja?next={next}")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{next}");
        assert_eq!(response.headers()["location"], expected, "{next}");
    }
}

/// A control character in a search is refused the same way on every
/// engine, never matched as everything or failing the server.
async fn control_characters_in_searches_are_refused(app: &TestApp) {
    for path in [
        "/api/v1/people?q=%00",
        "/api/v1/people?q=a%00b",
        "/api/v1/organizations?q=%07",
        "/api/v1/needs?q=%00",
        "/api/v1/offers?q=%1b",
    ] {
        for role in ["anonymous", "officer"] {
            let (status, body) = app.get(path, role).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path} {body}");
            assert_eq!(code(&body), "invalid_field", "{path}");
            assert_eq!(body["error"]["field"], "q", "{path}");
        }
    }
    let page = app
        .client
        .get(app.url("/people?q=%00"))
        .send()
        .await
        .unwrap();
    assert!(!page.status().is_server_error(), "{}", page.status());
}

async fn create(app: &TestApp, path: &str, body: Value) -> String {
    let (status, answer) = app.send(Method::POST, path, "admin", &body).await;
    assert_eq!(status, StatusCode::CREATED, "{path}: {answer}");
    answer["id"]
        .as_str()
        .or(answer["uid"].as_str())
        .unwrap()
        .to_owned()
}

async fn uid_of(app: &TestApp, acronym: &str) -> String {
    let (_, found) = app
        .get(&format!("/api/v1/organizations?q={acronym}"), "admin")
        .await;
    found["items"][0]["id"].as_str().unwrap().to_owned()
}

/// Every filter, count and list sees only records and ties the asker may
/// read: AOTS's private records never show to TPA's officer, a member or
/// an anonymous visitor, whatever they filter by.
async fn filters_and_counts_see_only_what_the_asker_may_read(app: &TestApp) {
    let before = home_counts(app).await;
    let aots = uid_of(app, "AOTS").await;
    let tni = uid_of(app, "TNI").await;
    let tpa = uid_of(app, "TPA").await;
    let hidden_person = create(app, "/api/v1/people", json!({
        "name_latin": "Probe Hidden Somchai", "owner": "AOTS", "visibility": "private",
        "residence": "TH", "skills": ["probe rare skill"], "sectors": ["31120"], "languages": ["th:native"]
    })).await;
    let hidden_org = create(app, "/api/v1/organizations", json!({
        "name_latin": "Probe Hidden Cooperative", "org_type": "21", "owner": "AOTS", "visibility": "private",
        "country": "TH", "sectors": ["31120"], "parent": tpa
    })).await;
    // Shared with the network, but tied to TNI only by AOTS's private tie.
    let shared = create(
        app,
        "/api/v1/people",
        json!({
            "name_latin": "Probe Shared Nguyen", "owner": "AOTS", "visibility": "network"
        }),
    )
    .await;
    let hidden_tie = create(app, "/api/v1/ties", json!({
        "kind": "member_of", "from_type": "person", "from": shared, "to_type": "organization", "to": tni,
        "start": "2020", "owner": "AOTS", "visibility": "private"
    })).await;
    let hidden_need = create(
        app,
        "/api/v1/needs",
        json!({
            "kind": "expertise", "title": "Probe hidden need", "skills": ["probe rare skill"],
            "country": "TH", "posted_by": aots, "visibility": "private"
        }),
    )
    .await;
    let hidden_offer = create(app, "/api/v1/offers", json!({
        "kind": "technology", "title": "Probe hidden technology", "readiness": 7, "keywords": ["probe rare skill"],
        "sectors": ["31120"], "countries": ["TH"], "seeks": ["licence"], "provider": aots, "visibility": "private"
    })).await;
    let hidden_program = create(app, "/api/v1/programs", json!({
        "program_type": "training_in_japan", "name_latin": "Probe hidden course", "organizer": "AOTS",
        "owner": "AOTS", "start": "2025", "visibility": "private"
    })).await;
    let hidden = [
        &hidden_person,
        &hidden_org,
        &hidden_tie,
        &hidden_need,
        &hidden_offer,
        &hidden_program,
    ];

    let filters = [
        "/api/v1/people?country=TH&limit=200",
        "/api/v1/people?skill=probe%20rare%20skill",
        "/api/v1/people?sector=31120&limit=200",
        "/api/v1/people?language=th&level=native&limit=200",
        "/api/v1/people?q=Probe",
        &format!("/api/v1/people?organization={tni}&limit=200"),
        &format!("/api/v1/people?organization={aots}&limit=200"),
        &format!("/api/v1/people?organization={hidden_org}"),
        "/api/v1/organizations?country=TH&limit=200",
        "/api/v1/organizations?type=21&limit=200",
        "/api/v1/organizations?sector=31120&limit=200",
        &format!("/api/v1/organizations?parent={tpa}&limit=200"),
        "/api/v1/organizations?q=Probe",
        &format!("/api/v1/ties?end={shared}"),
        &format!("/api/v1/ties?end={tni}&kind=member_of&limit=200"),
        &format!("/api/v1/people/{shared}/ties"),
        &format!("/api/v1/programs?organizer={aots}&limit=200"),
        "/api/v1/needs?country=TH&limit=500",
        "/api/v1/needs?kind=expertise&limit=500",
        "/api/v1/needs?q=Probe",
        &format!("/api/v1/needs?posted_by={aots}"),
        "/api/v1/offers?kind=technology&limit=500",
        "/api/v1/offers?q=Probe",
        &format!("/api/v1/offers?provider={aots}"),
        "/api/v1/offers?sector=31120",
        "/api/v1/offers?country=TH&seeks=licence&min_readiness=5",
    ];
    for role in ["officer", "member", "anonymous"] {
        for path in &filters {
            let (status, body) = app.get(path, role).await;
            assert!(
                status.is_success() || status == StatusCode::NOT_FOUND,
                "{role} {path}: {status} {body}"
            );
            let text = body.to_string();
            for uid in hidden {
                assert!(
                    !text.contains(uid.as_str()),
                    "{role} {path} shows {uid}: {text}"
                );
            }
            assert!(!text.contains("Probe Hidden"), "{role} {path}: {text}");
            if path.contains(&tni) && path.contains("people") {
                assert!(
                    !text.contains(&shared),
                    "{role}: a person tied to TNI only by a private tie is not TNI's: {text}"
                );
            }
        }
    }
    // The admin sees them all, and the counts tell the same story.
    let (_, all) = app.get("/api/v1/people?q=Probe", "admin").await;
    assert!(all.to_string().contains(&hidden_person));
    let after = home_counts(app).await;
    assert_eq!(
        after["anonymous"], before["anonymous"],
        "public counts stay"
    );
    assert_ne!(
        after["admin"], before["admin"],
        "an admin counts everything"
    );
}

/// Deleting a record that others still name is a conflict that says what
/// names it, on both engines, and changes nothing.
async fn deleting_a_record_still_used_names_the_users(app: &TestApp) {
    let org = create(
        app,
        "/api/v1/organizations",
        json!({
            "name_latin": "Probe Organizer", "org_type": "21", "visibility": "network"
        }),
    )
    .await;
    create(app, "/api/v1/programs", json!({
        "program_type": "training_in_japan", "name_latin": "Probe program", "organizer": org, "start": "2025"
    })).await;
    let response = app
        .request(
            Method::DELETE,
            &format!("/api/v1/organizations/{org}"),
            "admin",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let body: Value = response.json().await.unwrap();
    assert_eq!(code(&body), "conflict");
    let message = body["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("1 in programs (as organizer)"),
        "{message}"
    );
    let (status, _) = app
        .get(&format!("/api/v1/organizations/{org}"), "admin")
        .await;
    assert_eq!(status, StatusCode::OK, "nothing was deleted");
}

/// Not found when the caller may not read it (or it does not exist),
/// forbidden when they may read it but not do this; and the supervising
/// organization's officers read the visits they record.
async fn unreadable_is_not_found_and_readable_is_forbidden(app: &TestApp) {
    let unknown = kyoso_domain::Uid::new().to_string();
    let erase = |id: String, role: &'static str| async move {
        app.request(Method::POST, &format!("/api/v1/people/{id}/erase"), role)
            .send()
            .await
            .unwrap()
            .status()
    };
    let aots_private = create(
        app,
        "/api/v1/people",
        json!({
            "name_latin": "Probe Private", "owner": "AOTS", "visibility": "private"
        }),
    )
    .await;
    let shared = create(
        app,
        "/api/v1/people",
        json!({
            "name_latin": "Probe Shared", "owner": "AOTS", "visibility": "network"
        }),
    )
    .await;
    for role in ["member", "officer", "coordinator"] {
        assert_eq!(
            erase(unknown.clone(), role).await,
            StatusCode::NOT_FOUND,
            "{role}"
        );
        assert_eq!(
            erase(aots_private.clone(), role).await,
            StatusCode::NOT_FOUND,
            "{role}"
        );
        assert_eq!(
            erase(shared.clone(), role).await,
            StatusCode::FORBIDDEN,
            "{role}"
        );
    }
    assert_eq!(
        erase(unknown.clone(), "anonymous").await,
        StatusCode::UNAUTHORIZED
    );

    // A technical intern of TPA's, supervised by AOTS.
    let program = create(app, "/api/v1/programs", json!({
        "program_type": "technical_intern_training", "name_latin": "Probe TITP", "organizer": "TPA",
        "owner": "TPA", "start": "2020-04", "visibility": "private"
    })).await;
    let participation = create(
        app,
        "/api/v1/participations",
        json!({
            "person": app.member_person.to_string(), "program": program, "role": "technical_intern",
            "applied_on": "2019-10-01"
        }),
    )
    .await;
    for path in [
        format!("/api/v1/participations/{unknown}/grievances"),
        format!("/api/v1/participations/{participation}/grievances"),
        format!("/api/v1/participations/{participation}/visits"),
    ] {
        let (status, body) = app.get(&path, "aots_officer").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}: {body}");
    }
    let (status, body) = app
        .send(
            Method::POST,
            &format!("/api/v1/participations/{participation}/placements"),
            "officer",
            &json!({"phase": "i", "start": "2020-04-01", "end": "2021-03-31", "supervising": "AOTS",
                "implementing": "TNI", "job_category": "machining"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let visits = format!("/api/v1/participations/{participation}/visits");
    let (status, body) = app
        .send(
            Method::POST,
            &visits,
            "aots_officer",
            &json!({"on": "2020-10-05", "findings": "Probe findings"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, body) = app.get(&visits, "aots_officer").await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the supervising officer reads the visits: {body}"
    );
    assert_eq!(body["items"][0]["findings"], "Probe findings");
    let (status, _) = app.get(&visits, "member").await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "the intern reads the journey, not the visits"
    );
}

/// A token revoked, a user disabled or a role changed by another process
/// (another server, the command line) takes effect here within a second.
async fn revocations_and_role_changes_reach_every_process_within_a_second(app: &TestApp) {
    use std::time::{Duration, Instant};
    let other_process = kyoso_service::Kyoso::open(&app.db.url).await.unwrap();
    let me = |token: String| async move {
        let response = app
            .client
            .get(app.url("/api/v1/me"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        let status = response.status();
        (
            status,
            response.json::<Value>().await.unwrap_or(Value::Null),
        )
    };
    let until = |what: &'static str, started: Instant| {
        let elapsed = started.elapsed();
        eprintln!("{what} seen by the server after {} ms", elapsed.as_millis());
        assert!(elapsed < Duration::from_secs(1), "{what}: {elapsed:?}");
    };

    let (id, token) = app
        .kyoso
        .create_token("coordinator@example.org", "probe", None)
        .await
        .unwrap();
    assert_eq!(me(token.clone()).await.1["role"], "coordinator");
    other_process
        .set_role(
            "coordinator@example.org",
            kyoso_domain::Role::Officer,
            Some("TPA"),
        )
        .await
        .unwrap();
    let started = Instant::now();
    while me(token.clone()).await.1["role"] != "officer" {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the role never changed"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    until("a role change", started);

    other_process.revoke_token(id).await.unwrap();
    let started = Instant::now();
    while me(token.clone()).await.0 != StatusCode::UNAUTHORIZED {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the token still works"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    until("a revocation", started);

    let (_, token) = app
        .kyoso
        .create_token("coordinator@example.org", "probe", None)
        .await
        .unwrap();
    assert_eq!(me(token.clone()).await.0, StatusCode::OK);
    other_process
        .set_disabled("coordinator@example.org", true)
        .await
        .unwrap();
    let started = Instant::now();
    while me(token.clone()).await.0 != StatusCode::UNAUTHORIZED {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the disabled user's token still works"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    until("a disabled user", started);
    other_process.close().await;
}

/// The figures the home page shows each role.
async fn home_counts(app: &TestApp) -> Value {
    let mut counts = serde_json::Map::new();
    for role in ["admin", "anonymous"] {
        let client = crate::pages::new_client();
        if role == "admin" {
            crate::pages::sign_in(app, &client, "admin@example.org", crate::PASSWORD).await;
        }
        let page = client
            .get(app.url("/"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let figures: Vec<String> = page
            .split("<strong>")
            .skip(1)
            .filter_map(|s| s.split("</strong>").next())
            .map(str::to_owned)
            .collect();
        counts.insert(role.into(), json!(figures));
    }
    Value::Object(counts)
}

mod cases {
    use super::*;
    on_every_engine!(
        redirects_stay_on_this_site,
        control_characters_in_searches_are_refused,
        filters_and_counts_see_only_what_the_asker_may_read,
        deleting_a_record_still_used_names_the_users,
        unreadable_is_not_found_and_readable_is_forbidden,
        revocations_and_role_changes_reach_every_process_within_a_second,
    );
}
