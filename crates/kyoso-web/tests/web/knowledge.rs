//! Knowledge through the API: lessons learned kept by an organization,
//! questions asked, answered and settled by members, both found by search
//! in other languages, and a private lesson of another organization never
//! read, listed, found nor counted.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{TestApp, code, on_every_engine};

async fn created(app: &TestApp, role: &str, path: &str, body: Value) -> Value {
    let (status, answer) = app.send(Method::POST, path, role, &body).await;
    assert_eq!(status, StatusCode::CREATED, "{path}: {answer}");
    answer
}

fn hit_ids(body: &Value) -> Vec<&str> {
    body["hits"]
        .as_array()
        .map(|h| h.iter().filter_map(|h| h["id"].as_str()).collect())
        .unwrap_or_default()
}

fn lesson(title: &str, visibility: &str) -> Value {
    json!({
        "title": title,
        "language": "vi",
        "practice": "5S như một xưởng dập ở Nhật Bản: thẻ đỏ, vệ sinh hằng ngày, kiểm tra hằng tháng.",
        "adaptation": "Thẻ đỏ thành ảnh chụp trên bảng chung; mỗi ca kiểm tra dây chuyền của ca khác.",
        "context": "Nhà máy chế biến thủy sản 400 công nhân, sàn lạnh và ướt.",
        "result": "Tai nạn trượt ngã giảm một nửa trong sáu tháng.",
        "country": "VN", "sectors": ["31320"], "visibility": visibility
    })
}

async fn a_lesson_is_kept_found_across_languages_and_guarded(app: &TestApp) {
    let shared = created(
        app,
        "officer",
        "/api/v1/lessons",
        lesson("Áp dụng 5S tại nhà máy chế biến thủy sản", "network"),
    )
    .await;
    let id = shared["uid"].as_str().unwrap().to_owned();
    assert_eq!(shared["country"], "VN");
    assert!(
        shared["owner"].is_string(),
        "kept by the officer's organization"
    );

    // Members read it and find it in their own language; anonymous
    // visitors do not, since it is for the network.
    for q in [
        "5S",
        "5S活動",
        "5ส",
        "seafood processing",
        "chế biến thủy sản",
        "che bien thuy san",
    ] {
        let (status, body) = app
            .get(&format!("/api/v1/search?q={q}&kind=lesson"), "member")
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert!(hit_ids(&body).contains(&id.as_str()), "{q}: {body}");
    }
    let (status, _) = app.get(&format!("/api/v1/lessons/{id}"), "anonymous").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Members may not change it; its officers may.
    let (status, _) = app
        .send(
            Method::PUT,
            &format!("/api/v1/lessons/{id}"),
            "member",
            &lesson("Changed", "network"),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = app
        .send(
            Method::PUT,
            &format!("/api/v1/lessons/{id}"),
            "officer",
            &lesson("5S trong nhà máy thủy sản: bản sửa", "public"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["visibility"], "public");

    // A private lesson of AOTS is neither read, listed, found nor counted
    // by TPA's people.
    let private = created(
        app,
        "aots_officer",
        "/api/v1/lessons",
        lesson("Bí quyết riêng của AOTS về 5S thủy sản", "private"),
    )
    .await;
    let private_id = private["uid"].as_str().unwrap();
    for role in ["officer", "member", "anonymous"] {
        let (status, body) = app
            .get(&format!("/api/v1/lessons/{private_id}"), role)
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{role}: {body}");
        let (_, listed) = app.get("/api/v1/lessons?country=VN", role).await;
        assert!(!listed.to_string().contains(private_id), "{role}");
        let (_, found) = app.get("/api/v1/search?q=AOTS 5S&kind=lesson", role).await;
        assert!(!found.to_string().contains(private_id), "{role}: {found}");
        assert!(!found.to_string().contains("Bí quyết"), "{role}: {found}");
    }
    let (_, found) = app
        .get("/api/v1/search?q=5S&kind=lesson", "aots_officer")
        .await;
    assert!(hit_ids(&found).contains(&private_id), "{found}");

    // Deleting it takes it out of search.
    let (status, _) = app
        .send(
            Method::DELETE,
            &format!("/api/v1/lessons/{id}"),
            "officer",
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, found) = app.get("/api/v1/search?q=5S&kind=lesson", "admin").await;
    assert!(!hit_ids(&found).contains(&id.as_str()), "{found}");

    // Bad input names its fields and writes nothing.
    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/lessons",
            "officer",
            &json!({"title": "", "language": "xx", "practice": "5S"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let said = body.to_string();
    for field in ["title", "language", "adaptation"] {
        assert!(said.contains(field), "{field}: {said}");
    }
}

async fn a_member_asks_another_answers_and_the_asker_accepts(app: &TestApp) {
    // The member asks as themselves.
    let question = created(
        app,
        "member",
        "/api/v1/questions",
        json!({"title": "フォークリフトの安全講習はどこで受けられますか", "language": "ja",
               "body": "タイの工場で新人に教えたいです。", "country": "TH"}),
    )
    .await;
    let id = question["uid"].as_str().unwrap().to_owned();
    assert_eq!(question["asked_by"], app.member_person.to_string());
    assert_eq!(question["visibility"], "network");

    // A private question is refused, by name.
    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/questions",
            "member",
            &json!({"title": "Secret", "language": "en", "visibility": "private"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("visibility"), "{body}");

    // An officer without a profile cannot answer as themselves, but may
    // write down the answer of a person their organization keeps.
    let (status, body) = app
        .send(
            Method::POST,
            &format!("/api/v1/questions/{id}/answers"),
            "officer",
            &json!({"body": "Ask TPA", "language": "en"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let expert = created(
        app,
        "officer",
        "/api/v1/people",
        json!({"name_latin": "Preecha Forkliftwise", "visibility": "network"}),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let answered = created(
        app,
        "officer",
        &format!("/api/v1/questions/{id}/answers"),
        json!({"body": "TPA runs a forklift safety course in Bangkok every month (รถยก).",
               "language": "en", "answered_by": expert}),
    )
    .await;
    let answer = answered["answers"][0]["uid"].as_str().unwrap().to_owned();
    assert_eq!(answered["answers"][0]["accepted"], false);

    // An answer by a person whose record is private to AOTS does not name
    // them to those who may not read it.
    let private_expert = created(
        app,
        "aots_officer",
        "/api/v1/people",
        json!({"name_latin": "Private Forklift Trainer", "visibility": "private"}),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let with_private = created(
        app,
        "aots_officer",
        &format!("/api/v1/questions/{id}/answers"),
        json!({"body": "AOTS can run the course on site.", "language": "en",
               "answered_by": private_expert}),
    )
    .await;
    assert_eq!(with_private["answers"][1]["by"], private_expert.as_str());
    let (_, read) = app.get(&format!("/api/v1/questions/{id}"), "member").await;
    assert_eq!(read["answers"][1]["by"], Value::Null, "{read}");
    assert!(!read.to_string().contains(&private_expert), "{read}");
    let (_, listed) = app.get("/api/v1/questions", "member").await;
    assert!(!listed.to_string().contains(&private_expert));

    // Only the asker (or the keepers of their record) settles it.
    let (status, _) = app
        .send(
            Method::POST,
            &format!("/api/v1/questions/{id}/accepted"),
            "aots_officer",
            &json!({"answer": answer}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = app
        .send(
            Method::POST,
            &format!("/api/v1/questions/{id}/accepted"),
            "member",
            &json!({"answer": kyoso_domain::Uid::new().to_string()}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(code(&body), "invalid_field");
    let (status, settled) = app
        .send(
            Method::POST,
            &format!("/api/v1/questions/{id}/accepted"),
            "member",
            &json!({"answer": answer}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{settled}");
    assert_eq!(settled["answers"][0]["accepted"], true);
    let (_, open) = app.get("/api/v1/questions?open=true", "member").await;
    assert!(
        !open.to_string().contains(&id),
        "a settled question is not open"
    );

    // The question is found through its answer, and in Thai and English.
    for q in ["forklift", "รถยก", "xe nâng", "Bangkok"] {
        let (_, body) = app
            .get(&format!("/api/v1/search?q={q}&kind=question"), "member")
            .await;
        assert!(hit_ids(&body).contains(&id.as_str()), "{q}: {body}");
    }
    // Not by anonymous visitors: it is asked of the network.
    let (_, body) = app
        .get("/api/v1/search?q=forklift&kind=question", "anonymous")
        .await;
    assert!(!hit_ids(&body).contains(&id.as_str()), "{body}");

    // The asker withdraws it; it is gone with its answers.
    let (status, _) = app
        .send(
            Method::DELETE,
            &format!("/api/v1/questions/{id}"),
            "member",
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = app.get(&format!("/api/v1/questions/{id}"), "member").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn a_lesson_is_read_and_found_in_its_translations(app: &TestApp) {
    let lesson = created(
        app,
        "officer",
        "/api/v1/lessons",
        json!({"title": "Andon cords on a Thai sewing line", "language": "en",
               "practice": "An andon cord stops the line when a fault is seen.",
               "adaptation": "A bell on each table instead of a cord; the leader comes within a minute.",
               "visibility": "network"}),
    )
    .await;
    let id = lesson["uid"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/lessons/{id}/translations/ja");
    let translation = json!({"status": "draft", "title": "縫製ラインの呼び鈴",
                             "practice": "異常を見たらアンドンの紐でラインを止める。",
                             "adaptation": "紐の代わりに各台に呼び鈴を置き、班長が一分以内に来る。"});
    // Only those who keep the lesson translate it, and not into its own language.
    let (status, _) = app.send(Method::PUT, &path, "member", &translation).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = app
        .send(
            Method::PUT,
            &format!("/api/v1/lessons/{id}/translations/en"),
            "officer",
            &translation,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, body) = app
        .send(
            Method::PUT,
            &path,
            "officer",
            &json!({"status": "perfect", "title": "x", "practice": "x", "adaptation": "x"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("status"), "{body}");
    let (status, body) = app.send(Method::PUT, &path, "officer", &translation).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["translations"][0]["language"], "ja");
    assert_eq!(body["translations"][0]["status"], "draft");

    // Found through words only the translation has, and shown in it to a
    // Japanese reader, marked as a translation.
    let (_, found) = app
        .get("/api/v1/search?q=呼び鈴&kind=lesson&lang=ja", "member")
        .await;
    let hit = found["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == id.as_str())
        .unwrap_or_else(|| panic!("{found}"));
    assert_eq!(hit["title"], "縫製ラインの呼び鈴");
    assert_eq!(hit["translated"], true);
    let (_, found) = app
        .get("/api/v1/search?q=andon&kind=lesson&lang=en", "member")
        .await;
    let hit = found["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == id.as_str())
        .unwrap_or_else(|| panic!("{found}"));
    assert_eq!(hit["title"], "Andon cords on a Thai sewing line");
    assert_eq!(hit["translated"], false);

    // Removed, it is no longer found through it.
    let (status, body) = app.send(Method::DELETE, &path, "officer", &json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["translations"], json!([]));
    let (_, found) = app
        .get("/api/v1/search?q=呼び鈴&kind=lesson", "member")
        .await;
    assert!(!hit_ids(&found).contains(&id.as_str()), "{found}");
    let (status, _) = app.send(Method::DELETE, &path, "officer", &json!({})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

mod cases {
    use super::*;
    on_every_engine!(a_lesson_is_kept_found_across_languages_and_guarded);
    on_every_engine!(a_member_asks_another_answers_and_the_asker_accepts);
    on_every_engine!(a_lesson_is_read_and_found_in_its_translations);
}
