//! The pages: signing in, CSRF, the directory and profiles render.

use reqwest::StatusCode;

use crate::{PASSWORD, TestApp, on_every_engine};

/// The value of the hidden CSRF field of the first form on a page.
pub(crate) fn csrf(html: &str) -> String {
    let at =
        html.find("name=\"csrf\" value=\"").expect("a CSRF field") + "name=\"csrf\" value=\"".len();
    html[at..].split('"').next().unwrap().to_owned()
}

pub(crate) async fn sign_in(
    app: &TestApp,
    client: &reqwest::Client,
    email: &str,
    password: &str,
) -> StatusCode {
    let page = client
        .get(app.url("/sign-in"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf(&page);
    client
        .post(app.url("/sign-in"))
        .form(&[
            ("email", email),
            ("password", password),
            ("csrf", token.as_str()),
        ])
        .send()
        .await
        .unwrap()
        .status()
}

pub(crate) fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

async fn signing_in_and_out(app: &TestApp) {
    let client = new_client();
    assert_eq!(
        sign_in(app, &client, "officer@example.org", "wrong password!").await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        sign_in(app, &client, "officer@example.org", PASSWORD).await,
        StatusCode::SEE_OTHER
    );
    let home = client
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(home.contains("officer@example.org"), "signed in");
    let token = csrf(&home);
    let response = client
        .post(app.url("/sign-out"))
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let home = client
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!home.contains("officer@example.org"), "signed out");
}

async fn forms_without_the_csrf_token_are_refused(app: &TestApp) {
    let client = new_client();
    // No token at all, and a token that is not this visitor's.
    let response = client
        .post(app.url("/sign-in"))
        .form(&[("email", "officer@example.org"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        sign_in(app, &client, "officer@example.org", PASSWORD).await,
        StatusCode::SEE_OTHER
    );
    let me = app.member_person;
    let response = client
        .post(app.url(&format!("/people/{me}/delete")))
        .form(&[("csrf", "0".repeat(64).as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = client
        .post(app.url(&format!("/people/{me}")))
        .form(&[("name_latin", "Hijacked")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let (_, person) = app.get(&format!("/api/v1/people/{me}"), "admin").await;
    assert_ne!(person["name_latin"], "Hijacked");
}

async fn ties_are_edited_and_deleted_through_their_form(app: &TestApp) {
    let me = app.member_person;
    let (status, tie) = app
        .send(reqwest::Method::POST, "/api/v1/ties", "officer", &serde_json::json!({
            "kind": "trained_at", "from": me.to_string(), "to_type": "organization", "to": "AOTS",
            "start": "2018-04"
        }))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{tie}");
    let id = tie["id"].as_str().unwrap().to_owned();
    let client = new_client();
    assert_eq!(
        sign_in(app, &client, "officer@example.org", PASSWORD).await,
        StatusCode::SEE_OTHER
    );
    let profile = client
        .get(app.url(&format!("/people/{me}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        profile.contains(&format!("/ties/{id}/edit")),
        "the profile links the tie's form"
    );
    let form = client
        .get(app.url(&format!("/ties/{id}/edit")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(form.contains("id=\"field-kind\""), "the kind is shown");
    assert!(
        !form.contains("<select name=\"kind\""),
        "but not offered for change"
    );
    let token = csrf(&form);
    let fields = |end: &'static str| {
        vec![
            ("csrf", token.clone()),
            ("kind", "trained_at".to_owned()),
            ("from_type", "person".to_owned()),
            ("from", me.to_string()),
            ("to_type", "organization".to_owned()),
            (
                "to",
                tie["to_uid"]
                    .as_str()
                    .map_or("AOTS".to_owned(), str::to_owned),
            ),
            ("start", "2018-04".to_owned()),
            ("end", end.to_owned()),
            ("role", "kaizen course".to_owned()),
            ("visibility", "network".to_owned()),
        ]
    };
    let refused = client
        .post(app.url(&format!("/ties/{id}")))
        .form(&fields("2017"))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.unwrap();
    assert!(
        html.contains("id=\"error-end\""),
        "the end date's error is by its field"
    );
    let saved = client
        .post(app.url(&format!("/ties/{id}")))
        .form(&fields("2018-06"))
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (_, stored) = app.get(&format!("/api/v1/ties/{id}"), "admin").await;
    assert_eq!(stored["end"], "2018-06");
    assert_eq!(stored["role"], "kaizen course");

    // The member cannot change the tie TPA's officer recorded.
    let member = new_client();
    sign_in(app, &member, "member@example.org", PASSWORD).await;
    let response = member
        .get(app.url(&format!("/ties/{id}/edit")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    let deleted = client
        .post(app.url(&format!("/ties/{id}/delete")))
        .form(&[("csrf", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), StatusCode::SEE_OTHER);
    let (status, _) = app.get(&format!("/api/v1/ties/{id}"), "admin").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn sign_in_attempts_are_limited(app: &TestApp) {
    let client = new_client();
    for _ in 0..5 {
        assert_eq!(
            sign_in(app, &client, "coordinator@example.org", "not the password").await,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        sign_in(app, &client, "coordinator@example.org", PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

async fn pages_render_in_every_language(app: &TestApp) {
    let client = new_client();
    assert_eq!(
        sign_in(app, &client, "admin@example.org", PASSWORD).await,
        StatusCode::SEE_OTHER
    );
    let me = app.member_person;
    for (lang, word) in [
        ("en", "People"),
        ("ja", "人物"),
        ("th", "บุคคล"),
        ("vi", "Cá nhân"),
    ] {
        let response = client
            .get(app.url(&format!("/lang/{lang}?next=/people")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        for path in [
            "/",
            "/people?country=TH",
            "/organizations",
            &format!("/people/{me}"),
            &format!("/people/{me}/edit"),
            "/audit",
            "/api",
        ] {
            let response = client.get(app.url(path)).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{lang} {path}");
            let csp = response.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .to_owned();
            assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"));
            let html = response.text().await.unwrap();
            assert!(html.contains(word), "{lang} {path} lacks {word}");
            assert!(!html.contains("<script"), "no scripts on {path}");
        }
    }
    let svg = client
        .get(app.url(&format!("/people/{me}/network.svg")))
        .send()
        .await
        .unwrap();
    assert_eq!(
        svg.headers()["content-type"],
        "image/svg+xml; charset=utf-8"
    );
    assert!(svg.text().await.unwrap().starts_with("<svg"));
    // Open redirects are not followed.
    let response = client
        .get(app.url("/lang/ja?next=//evil.example/"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["location"], "/");
}

mod cases {
    use super::*;
    on_every_engine!(
        signing_in_and_out,
        forms_without_the_csrf_token_are_refused,
        ties_are_edited_and_deleted_through_their_form,
        sign_in_attempts_are_limited,
        pages_render_in_every_language
    );
}
