//! What an outside probe found, kept closed: one regression test per
//! finding, on every engine.

use reqwest::StatusCode;

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

mod cases {
    use super::*;
    on_every_engine!(
        redirects_stay_on_this_site,
        control_characters_in_searches_are_refused,
    );
}
