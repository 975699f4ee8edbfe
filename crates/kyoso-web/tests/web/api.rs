use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{TestApp, code, on_every_engine};

async fn health_and_documents(app: &TestApp) {
    let (status, body) = app.get("/healthz", "anonymous").await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("ok"))
    );
    let (status, doc) = app.get("/api/v1/openapi.json", "anonymous").await;
    assert_eq!(status, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    assert!(doc["paths"]["/api/v1/people/{id}"]["get"].is_object());
    let page = app
        .client
        .get(app.url("/api"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("/api/v1/people/{id}"));
    assert!(
        !page.contains("src=\"http"),
        "the reference page fetches nothing from elsewhere"
    );
}

async fn people_are_listed_filtered_and_paged(app: &TestApp) {
    let (status, page) = app.get("/api/v1/people?limit=7", "admin").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["items"].as_array().unwrap().len(), 7);
    let next = page["next"].as_str().unwrap();
    let (_, second) = app
        .get(&format!("/api/v1/people?limit=7&after={next}"), "admin")
        .await;
    assert_ne!(page["items"][0]["id"], second["items"][0]["id"]);

    let (_, thai) = app
        .get("/api/v1/people?country=TH&limit=200", "admin")
        .await;
    let thai = thai["items"].as_array().unwrap();
    assert!(!thai.is_empty());
    assert!(thai.iter().all(|p| p["residence"] == "TH"));

    let (_, speakers) = app
        .get("/api/v1/people?language=ja&level=N2&limit=200", "admin")
        .await;
    for person in speakers["items"].as_array().unwrap() {
        let levels: Vec<&str> = person["languages"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|l| l.as_str().unwrap().strip_prefix("ja:"))
            .collect();
        assert!(
            levels.iter().any(|l| ["N1", "N2", "native"].contains(l)),
            "{levels:?}"
        );
    }

    let (_, welders) = app
        .get("/api/v1/people?skill=Welding&limit=200", "admin")
        .await;
    for person in welders["items"].as_array().unwrap() {
        assert!(
            person["skills"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s == "welding")
        );
    }
    let first = &thai[0];
    let fragment: String = first["name_latin"]
        .as_str()
        .unwrap()
        .chars()
        .skip(1)
        .take(4)
        .collect();
    let (_, found) = app
        .get(
            &format!("/api/v1/people?q={}&limit=200", fragment.to_lowercase()),
            "admin",
        )
        .await;
    assert!(
        found["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == first["id"])
    );
}

async fn the_error_catalogue(app: &TestApp) {
    let (status, body) = app.get("/api/v1/people?country=XX", "admin").await;
    assert_eq!(
        (status, code(&body), body["error"]["field"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_field",
            Some("country")
        )
    );
    let (status, body) = app.get("/api/v1/people?limit=abc", "admin").await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::BAD_REQUEST, "bad_request")
    );
    let (status, body) = app.get("/api/v1/people/not-an-id", "admin").await;
    assert_eq!((status, code(&body)), (StatusCode::NOT_FOUND, "not_found"));
    let (status, body) = app
        .get(
            &format!("/api/v1/people/{}", kyoso_domain::Uid::new()),
            "admin",
        )
        .await;
    assert_eq!((status, code(&body)), (StatusCode::NOT_FOUND, "not_found"));
    let (status, body) = app.get("/api/v1/nothing-here", "admin").await;
    assert_eq!((status, code(&body)), (StatusCode::NOT_FOUND, "not_found"));

    let response = app
        .request(Method::POST, "/api/v1/people", "officer")
        .body("{\"name_latin\": ")
        .header("content-type", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(code(&response.json().await.unwrap()), "bad_request");
    let response = app
        .request(Method::POST, "/api/v1/people", "officer")
        .body("name=x")
        .header("content-type", "text/plain")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(
        code(&response.json().await.unwrap()),
        "unsupported_media_type"
    );
    let response = app
        .request(Method::PATCH, "/api/v1/people", "officer")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(code(&response.json().await.unwrap()), "method_not_allowed");

    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/people",
            "officer",
            &json!({"name_latin": "Ann", "residence": "XX", "languages": ["ja:B2"], "colour": 1}),
        )
        .await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_field")
    );
    assert_eq!(body["error"]["field"], "colour");
    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/people",
            "officer",
            &json!({"name_latin": "Ann", "residence": "XX", "languages": ["ja:B2"]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = std::iter::once(body["error"]["field"].as_str().unwrap())
        .chain(
            body["error"]["more"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["field"].as_str().unwrap()),
        )
        .collect();
    assert_eq!(fields, ["residence", "languages"], "{body}");
}

async fn records_are_created_updated_and_deleted_with_an_audit_trail(app: &TestApp) {
    let (status, person) = app
        .send(Method::POST, "/api/v1/people", "officer", &json!({
            "name_native": "สมหญิง รักไทย", "name_latin": "Somying Rakthai", "residence": "TH",
            "languages": ["th:native", {"language": "ja", "level": "N3"}], "skills": ["Kaizen"], "visibility": "private"
        }))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{person}");
    assert_eq!(
        person["owner"], "TPA",
        "an officer's records belong to their organization"
    );
    assert_eq!(person["skills"], json!(["kaizen"]));
    let id = person["id"].as_str().unwrap().to_owned();

    let mut changed = person.clone();
    changed["residence"] = json!("JP");
    for key in ["id", "created_at", "updated_at", "owner", "external_id"] {
        changed.as_object_mut().unwrap().remove(key);
    }
    let (status, updated) = app
        .send(
            Method::PUT,
            &format!("/api/v1/people/{id}"),
            "officer",
            &changed,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    assert_eq!(updated["residence"], "JP");
    assert_eq!(updated["created_at"], person["created_at"]);

    let (status, tie) = app
        .send(Method::POST, "/api/v1/ties", "officer", &json!({"kind": "member_of", "from_type": "person", "from": id, "to_type": "organization", "to": "TPA", "start": "2024-04"}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{tie}");
    let (_, ties) = app
        .get(&format!("/api/v1/people/{id}/ties"), "officer")
        .await;
    assert_eq!(ties["items"].as_array().unwrap().len(), 1);

    let (status, audit) = app.get("/api/v1/audit", "officer").await;
    assert_eq!(status, StatusCode::OK);
    let actions: Vec<&str> = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        &actions[..3],
        ["create", "update", "create"]
            .iter()
            .rev()
            .copied()
            .collect::<Vec<_>>()
            .as_slice()
    );
    let update = &audit["items"][1];
    assert_eq!(update["before"]["residence"], "TH");
    assert_eq!(update["after"]["residence"], "JP");
    // Trails name people by id only.
    let (_, me) = app.get("/api/v1/me", "officer").await;
    assert_eq!(
        update["actor"],
        format!("user:{}", me["id"].as_str().unwrap())
    );
    let (status, _) = app.get("/api/v1/audit", "aots_officer").await;
    assert_eq!(status, StatusCode::OK);
    let (_, other) = app.get("/api/v1/audit", "aots_officer").await;
    assert!(
        other["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["record"] != Value::String(id.clone())),
        "AOTS does not see TPA's audit"
    );
    let (status, body) = app.get("/api/v1/audit", "coordinator").await;
    assert_eq!((status, code(&body)), (StatusCode::FORBIDDEN, "forbidden"));

    let response = app
        .request(Method::DELETE, &format!("/api/v1/people/{id}"), "officer")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let (status, _) = app.get(&format!("/api/v1/people/{id}"), "officer").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, audit) = app.get("/api/v1/audit", "admin").await;
    assert_eq!(audit["items"][0]["action"], "delete");
}

async fn ties_are_listed_filtered_and_changed_but_keep_their_ends(app: &TestApp) {
    let (status, person) = app
        .send(
            Method::POST,
            "/api/v1/people",
            "officer",
            &json!({
                "name_latin": "Anong Srisuk", "residence": "TH", "visibility": "private"
            }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{person}");
    let id = person["id"].as_str().unwrap().to_owned();
    let mut ids = Vec::new();
    for (kind, to, start) in [
        ("member_of", "TPA", "2019"),
        ("trained_at", "AOTS", "2015-06"),
    ] {
        let (status, tie) = app
            .send(Method::POST, "/api/v1/ties", "officer", &json!({
                "kind": kind, "from_type": "person", "from": id, "to_type": "organization", "to": to, "start": start,
                "visibility": "private"
            }))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{tie}");
        ids.push(tie["id"].as_str().unwrap().to_owned());
    }

    let (status, all) = app.get(&format!("/api/v1/ties?end={id}"), "officer").await;
    assert_eq!(status, StatusCode::OK, "{all}");
    assert_eq!(all["items"].as_array().unwrap().len(), 2);
    let (_, trained) = app
        .get(&format!("/api/v1/ties?end={id}&kind=trained_at"), "officer")
        .await;
    assert_eq!(trained["items"].as_array().unwrap().len(), 1);
    assert_eq!(trained["items"][0]["to"], "AOTS");
    let (_, page) = app
        .get("/api/v1/ties?kind=member_of&limit=3", "admin")
        .await;
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert!(items.iter().all(|t| t["kind"] == "member_of"));
    assert!(page["next"].is_string());
    let (status, body) = app.get("/api/v1/ties?kind=knows", "officer").await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_field")
    );
    assert_eq!(body["error"]["field"], "kind");
    // Another organization's officer sees none of TPA's private ties.
    let (_, theirs) = app
        .get(&format!("/api/v1/ties?end={id}"), "aots_officer")
        .await;
    assert_eq!(theirs["items"], json!([]));

    let path = format!("/api/v1/ties/{}", ids[0]);
    let change = |fields: Value| {
        let mut body = json!({
            "kind": "member_of", "from_type": "person", "from": id, "to_type": "organization", "to": "TPA",
            "start": "2019", "visibility": "private"
        });
        for (key, value) in fields.as_object().unwrap() {
            body[key] = value.clone();
        }
        body
    };
    let (status, updated) = app
        .send(
            Method::PUT,
            &path,
            "officer",
            &change(json!({"role": "treasurer", "end": "2023-03"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    assert_eq!(updated["role"], "treasurer");
    assert_eq!(updated["end"], "2023-03");
    assert_eq!(updated["id"], ids[0]);
    let (status, body) = app
        .send(
            Method::PUT,
            &path,
            "officer",
            &change(json!({"kind": "employed_by"})),
        )
        .await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_field"),
        "{body}"
    );
    assert_eq!(body["error"]["field"], "kind");
    let (status, body) = app
        .send(
            Method::PUT,
            &path,
            "officer",
            &change(json!({"to": "AOTS"})),
        )
        .await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_field"),
        "{body}"
    );
    assert_eq!(body["error"]["field"], "to");
    let (status, body) = app
        .send(
            Method::PUT,
            &path,
            "officer",
            &change(json!({"end": "2001"})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "ends before it starts: {body}"
    );
    let (status, body) = app
        .send(
            Method::PUT,
            &path,
            "aots_officer",
            &change(json!({"role": "spy"})),
        )
        .await;
    assert_eq!((status, code(&body)), (StatusCode::NOT_FOUND, "not_found"));
    let (_, audit) = app.get("/api/v1/audit", "officer").await;
    let update = &audit["items"][0];
    assert_eq!(update["action"], "update");
    assert_eq!(update["before"]["role"], Value::Null);
    assert_eq!(update["after"]["role"], "treasurer");
}

async fn people_get_their_data_and_admins_erase(app: &TestApp) {
    let me = app.member_person;
    let (status, data) = app
        .get(&format!("/api/v1/people/{me}/data"), "member")
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(data["person"]["id"], me.to_string());
    assert!(data["ties"].is_array());
    let (status, _) = app
        .get(&format!("/api/v1/people/{me}/data"), "officer")
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "only the person (or an admin) gets their data; the officer may read the record"
    );

    let response = app
        .request(
            Method::POST,
            &format!("/api/v1/people/{me}/erase"),
            "coordinator",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::FORBIDDEN,
        "erasure is for admins and the owner's officers"
    );
    let (before_counts, _) = (
        app.kyoso.counts(&kyoso_service::Caller::Cli).await.unwrap(),
        (),
    );
    let response = app
        .request(Method::POST, &format!("/api/v1/people/{me}/erase"), "admin")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let erased: Value = response.json().await.unwrap();
    assert_eq!(erased["name_latin"], "Erased person");
    assert!(
        erased.get("email").is_none()
            && erased.get("external_id").is_none()
            && erased.get("name_native").is_none()
    );
    assert!(
        erased.get("residence").is_some(),
        "aggregate figures keep the country"
    );
    assert_eq!(
        app.kyoso.counts(&kyoso_service::Caller::Cli).await.unwrap(),
        before_counts,
        "the person and their ties still count"
    );
    let (_, audit) = app.get("/api/v1/audit", "admin").await;
    assert_eq!(audit["items"][0]["action"], "erase");
    assert!(
        audit["items"][0]["before"].is_null(),
        "the audit log keeps no erased data"
    );
}

async fn tokens_that_are_unknown_expired_or_revoked_are_refused(app: &TestApp) {
    let response = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth("kyoso_0000")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(code(&response.json().await.unwrap()), "unauthenticated");
    let (status, me) = app.get("/api/v1/me", "officer").await;
    assert_eq!(
        (status, me["role"].as_str()),
        (StatusCode::OK, Some("officer"))
    );

    let (id, token) = app
        .kyoso
        .create_token("officer@example.org", "short", Some(0))
        .await
        .unwrap();
    let response = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "expired");
    let _ = id;
    let (id, token) = app
        .kyoso
        .create_token("officer@example.org", "revoked", None)
        .await
        .unwrap();
    assert_eq!(
        app.client
            .get(app.url("/api/v1/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert!(app.kyoso.revoke_token(id).await.unwrap());
    let response = app
        .client
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "revoked");
}

mod cases {
    use super::*;
    on_every_engine!(
        health_and_documents,
        people_are_listed_filtered_and_paged,
        the_error_catalogue,
        records_are_created_updated_and_deleted_with_an_audit_trail,
        ties_are_listed_filtered_and_changed_but_keep_their_ends,
        people_get_their_data_and_admins_erase,
        tokens_that_are_unknown_expired_or_revoked_are_refused,
    );
}
