//! Search through the API: what a caller may not read is never found nor
//! counted, a query in one language finds a record in another, and bad
//! parameters are named.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{TestApp, code, on_every_engine};

async fn person(app: &TestApp, role: &str, name: &str, visibility: &str) -> String {
    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/people",
            role,
            &json!({"name_latin": name, "visibility": visibility, "skills": ["welding"],
                    "consent_processing": true}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_str().unwrap().to_owned()
}

fn ids(body: &Value) -> Vec<&str> {
    body["hits"]
        .as_array()
        .map(|h| h.iter().filter_map(|h| h["id"].as_str()).collect())
        .unwrap_or_default()
}

async fn a_private_record_is_never_found_nor_counted(app: &TestApp) {
    let private = person(app, "aots_officer", "Quillfeather Zanzibarov", "private").await;
    let public = person(app, "aots_officer", "Quillfeather Public", "public").await;
    let path = "/api/v1/search?q=Quillfeather&kind=person";
    for role in ["admin", "aots_officer"] {
        let (status, body) = app.get(path, role).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert!(ids(&body).contains(&private.as_str()), "{role}: {body}");
        assert_eq!(body["total"], 2, "{role}: {body}");
    }
    for role in ["officer", "coordinator", "member", "anonymous"] {
        let (status, body) = app.get(path, role).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(ids(&body), [public.as_str()], "{role}: {body}");
        assert_eq!(body["total"], 1, "{role}: {body}");
        assert_eq!(
            body["facets"]["kind"],
            json!([{"value": "person", "count": 1}]),
            "{role}"
        );
        assert!(!body.to_string().contains("Zanzibarov"), "{role}: {body}");
    }
}

async fn a_query_in_one_language_finds_a_record_in_another(app: &TestApp) {
    let welder = person(app, "officer", "Marisol Weldwright", "network").await;
    for q in ["溶接", "การเชื่อม", "hàn", "welder"] {
        let (status, body) = app
            .get(
                &format!("/api/v1/search?q={q}&kind=person&limit=100&lang=ja"),
                "member",
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{q}: {body}");
        assert!(ids(&body).contains(&welder.as_str()), "{q}: {body}");
        let hit = body["hits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["id"] == welder.as_str())
            .unwrap();
        assert!(
            hit["snippet"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["hit"] == true),
            "{q}: {hit}"
        );
    }
}

async fn events_are_found_as_the_reader_may_see_them(app: &TestApp) {
    for (role, name, visibility) in [
        ("officer", "Quillwater Kaizen Forum", "network"),
        ("aots_officer", "Quillwater Closed Retreat", "private"),
    ] {
        let (status, body) = app
            .send(
                Method::POST,
                "/api/v1/events",
                role,
                &json!({"name_latin": name, "name_native": "เวทีไคเซ็น ควิลวอเตอร์", "kind": "seminar",
                    "start": "2026-02-03", "country": "TH", "visibility": visibility}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let (status, body) = app
        .get("/api/v1/search?q=Quillwater&kind=event", "officer")
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let hits = body["hits"].as_array().unwrap();
    assert_eq!(
        hits.len(),
        1,
        "the other organization's private event is not found: {body}"
    );
    assert_eq!(hits[0]["kind"], "event");
    assert!(
        hits[0]["title"]
            .as_str()
            .unwrap()
            .contains("Quillwater Kaizen Forum"),
        "{body}"
    );
    let kinds = body["facets"]["kind"].to_string();
    assert!(
        kinds.contains("event") && !kinds.contains("\"count\":2"),
        "{kinds}"
    );
}

async fn bad_parameters_are_named(app: &TestApp) {
    for (path, field) in [
        ("/api/v1/search?q=a%00b", "q"),
        ("/api/v1/search?q=x&limit=0", "limit"),
        ("/api/v1/search?q=x&limit=101", "limit"),
        ("/api/v1/search?q=x&offset=-1", "offset"),
        ("/api/v1/search?q=x&kind=spaceship", "kind"),
        ("/api/v1/search?q=x&lang=fr", "lang"),
    ] {
        let (status, body) = app.get(path, "anonymous").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {body}");
        assert_eq!(code(&body), "invalid_field", "{path}");
        assert_eq!(body["error"]["field"], field, "{path}");
    }
    let long = "a".repeat(501);
    let (status, _) = app
        .get(&format!("/api/v1/search?q={long}"), "anonymous")
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

mod cases {
    use super::*;
    on_every_engine!(
        a_private_record_is_never_found_nor_counted,
        a_query_in_one_language_finds_a_record_in_another,
        events_are_found_as_the_reader_may_see_them,
        bad_parameters_are_named,
    );
}
