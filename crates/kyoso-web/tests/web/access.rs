//! For each role, which reads and writes are allowed and which refused,
//! on records of the caller's own organization and of another.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::{TestApp, code, on_every_engine};

/// Creates a person owned by the organization `owner_role` manages.
async fn person(app: &TestApp, owner_role: &str, visibility: &str) -> String {
    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/people",
            owner_role,
            &json!({"name_latin": "Test Person", "visibility": visibility}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_str().unwrap().to_owned()
}

async fn the_access_matrix(app: &TestApp) {
    let tpa_private = person(app, "officer", "private").await;
    let tpa_network = person(app, "officer", "network").await;
    let tpa_public = person(app, "officer", "public").await;
    let aots_private = person(app, "aots_officer", "private").await;
    let aots_network = person(app, "aots_officer", "network").await;

    // Reads: (role, record, expected status).
    let reads = [
        ("anonymous", &tpa_public, StatusCode::OK),
        ("anonymous", &tpa_network, StatusCode::NOT_FOUND),
        ("anonymous", &tpa_private, StatusCode::NOT_FOUND),
        ("member", &tpa_network, StatusCode::OK),
        ("member", &tpa_private, StatusCode::NOT_FOUND),
        ("officer", &tpa_private, StatusCode::OK),
        ("coordinator", &tpa_private, StatusCode::OK),
        ("officer", &aots_private, StatusCode::NOT_FOUND),
        ("coordinator", &aots_private, StatusCode::NOT_FOUND),
        ("officer", &aots_network, StatusCode::OK),
        ("admin", &aots_private, StatusCode::OK),
    ];
    for (role, id, expected) in reads {
        let (status, body) = app.get(&format!("/api/v1/people/{id}"), role).await;
        assert_eq!(status, expected, "{role} reading {id}: {body}");
        if status == StatusCode::NOT_FOUND {
            assert_eq!(code(&body), "not_found");
            assert!(
                body.get("name_latin").is_none(),
                "a refused read gives nothing away"
            );
        }
    }

    // Lists never show what the reader may not see.
    let (_, listed) = app
        .get("/api/v1/people?q=test%20person&limit=200", "officer")
        .await;
    let ids: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&tpa_private.as_str()) && ids.contains(&aots_network.as_str()));
    assert!(!ids.contains(&aots_private.as_str()));
    let (_, listed) = app
        .get("/api/v1/people?q=test%20person&limit=200", "anonymous")
        .await;
    let ids: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [tpa_public.as_str()]);

    // Writes: (role, record, expected status of an update).
    // An update replaces the record; each keeps its visibility here.
    let writes = [
        ("anonymous", &tpa_public, "public", StatusCode::UNAUTHORIZED),
        ("member", &tpa_network, "network", StatusCode::FORBIDDEN),
        (
            "aots_officer",
            &tpa_private,
            "private",
            StatusCode::NOT_FOUND,
        ),
        (
            "aots_officer",
            &tpa_network,
            "network",
            StatusCode::FORBIDDEN,
        ),
        ("coordinator", &tpa_private, "private", StatusCode::OK),
        ("officer", &tpa_network, "network", StatusCode::OK),
        ("admin", &aots_private, "private", StatusCode::OK),
    ];
    for (role, id, visibility, expected) in writes {
        let update = json!({"name_latin": "Renamed Person", "visibility": visibility});
        let (status, body) = app
            .send(Method::PUT, &format!("/api/v1/people/{id}"), role, &update)
            .await;
        assert_eq!(status, expected, "{role} updating {id}: {body}");
    }
    let me = app.member_person.to_string();
    let (status, body) = app
        .send(
            Method::PUT,
            &format!("/api/v1/people/{me}"),
            "member",
            &json!({"name_latin": "My Own Name", "visibility": "private"}),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a member edits their own profile: {body}"
    );

    // Deletes.
    for (role, id, expected) in [
        ("member", &me, StatusCode::FORBIDDEN),
        ("aots_officer", &tpa_private, StatusCode::NOT_FOUND),
        ("aots_officer", &tpa_network, StatusCode::FORBIDDEN),
        ("officer", &tpa_public, StatusCode::NO_CONTENT),
    ] {
        let response = app
            .request(Method::DELETE, &format!("/api/v1/people/{id}"), role)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), expected, "{role} deleting {id}");
    }

    // Creating for another organization is refused.
    let (status, _) = app
        .send(
            Method::POST,
            "/api/v1/people",
            "officer",
            &json!({"name_latin": "Elsewhere", "owner": "AOTS"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = app
        .send(
            Method::POST,
            "/api/v1/people",
            "member",
            &json!({"name_latin": "Nobody's"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/people",
            "anonymous",
            &json!({"name_latin": "Anon"}),
        )
        .await;
    assert_eq!(
        (status, code(&body)),
        (StatusCode::UNAUTHORIZED, "unauthenticated")
    );

    // A tie may not point at a record the caller cannot see.
    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/ties",
            "officer",
            &json!({"kind": "mentored", "from": tpa_private, "to": aots_private, "start": "2020"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
}

mod cases {
    use super::*;
    on_every_engine!(the_access_matrix);
}
