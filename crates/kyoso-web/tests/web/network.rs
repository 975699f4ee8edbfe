//! Network analytics over the API: warm paths through visible records only,
//! brokers, communities and growth, on the demo network.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{TestApp, code, on_every_engine};

async fn person(app: &TestApp, owner_role: &str, name: &str, visibility: &str) -> String {
    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/people",
            owner_role,
            &json!({"name_latin": name, "visibility": visibility, "residence": "TH"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_str().unwrap().to_owned()
}

async fn met(app: &TestApp, a: &str, b: &str, year: &str, visibility: &str) {
    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/ties",
            "admin",
            &json!({"kind": "met_at", "from": a, "to": b, "start": year, "strength": 0.8, "visibility": visibility}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

/// The names along each path of a path answer.
fn chains(body: &Value) -> Vec<Vec<String>> {
    body["paths"]
        .as_array()
        .unwrap_or_else(|| panic!("no paths: {body}"))
        .iter()
        .map(|p| {
            p["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n["names"]["latin"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .collect()
}

async fn warm_paths_pass_only_through_what_the_asker_may_see(app: &TestApp) {
    // Start -- Hidden -- Goal is short, but Hidden is private to TPA;
    // Start -- Open1 -- Open2 -- Goal is long and shared. A private tie
    // joins Start and Goal directly: no analysis uses it.
    let start = person(app, "officer", "Path Start", "network").await;
    let hidden = person(app, "officer", "Path Hidden", "private").await;
    let open1 = person(app, "aots_officer", "Path Open One", "network").await;
    let open2 = person(app, "aots_officer", "Path Open Two", "network").await;
    let goal = person(app, "aots_officer", "Path Goal", "network").await;
    met(app, &start, &hidden, "2020", "network").await;
    met(app, &hidden, &goal, "2021", "network").await;
    met(app, &start, &open1, "1990", "network").await;
    met(app, &open1, &open2, "1991", "network").await;
    met(app, &open2, &goal, "1992", "network").await;
    met(app, &start, &goal, "2022", "private").await;

    let path = format!("/api/v1/network/path?from={start}&to={goal}&k=3");
    let (status, body) = app.get(&path, "officer").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let seen = chains(&body);
    assert_eq!(
        seen[0],
        ["Path Start", "Path Hidden", "Path Goal"],
        "TPA's officer sees TPA's private record: {body}"
    );
    assert_eq!(
        seen[1],
        ["Path Start", "Path Open One", "Path Open Two", "Path Goal"]
    );
    assert_eq!(body["paths"][0]["introductions"], 1);
    assert_eq!(body["paths"][0]["steps"][0]["ties"][0]["kind"], "met_at");
    assert_eq!(body["paths"][0]["steps"][0]["ties"][0]["start"], "2020");

    for role in ["aots_officer", "member"] {
        let (status, body) = app.get(&path, role).await;
        assert_eq!(status, StatusCode::OK, "{role}: {body}");
        let seen = chains(&body);
        assert!(
            seen.iter()
                .all(|chain| !chain.contains(&"Path Hidden".to_owned())),
            "{role} may not see the private record: {body}"
        );
        assert_eq!(
            seen[0],
            ["Path Start", "Path Open One", "Path Open Two", "Path Goal"]
        );
    }

    // As of 2000, only the old chain had begun.
    let (_, body) = app
        .get(&format!("{path}&as_of=2000-01-01"), "officer")
        .await;
    assert_eq!(chains(&body).len(), 1, "{body}");
    assert_eq!(body["as_of"], "2000-01-01");

    // Asking from a record one may not see is asking about nothing.
    let (status, body) = app
        .get(
            &format!("/api/v1/network/path?from={hidden}&to={goal}"),
            "aots_officer",
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(code(&body), "not_found");

    // Without a token there is no network to ask.
    let (status, body) = app.get(&path, "anonymous").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");

    for (query, field) in [
        (format!("from={start}&to={goal}&k=0"), "k"),
        (format!("from={start}&to={goal}&k=11"), "k"),
        (format!("to={goal}"), "from"),
        (format!("from={start}&to={goal}&as_of=2020"), "as_of"),
    ] {
        let (status, body) = app
            .get(&format!("/api/v1/network/path?{query}"), "member")
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{query}: {body}");
        assert_eq!(body["error"]["field"], field, "{query}: {body}");
    }
}

async fn organization(app: &TestApp, role: &str, name: &str, visibility: &str) -> String {
    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/organizations",
            role,
            &json!({"name_latin": name, "org_type": "22", "country": "TH", "visibility": visibility}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_str().unwrap().to_owned()
}

async fn member(app: &TestApp, person: &str, organization: &str, year: &str) {
    let (status, body) = app
        .send(
            Method::POST,
            "/api/v1/ties",
            "admin",
            &json!({"kind": "member_of", "from": person, "from_type": "person", "to": organization,
                "to_type": "organization", "start": year, "visibility": "network"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

async fn an_administrator_flags_a_hub_that_then_introduces_only_members_of_one_year(app: &TestApp) {
    let society = organization(app, "officer", "Hub Test Society", "network").await;
    let early = person(app, "officer", "Hub Early", "network").await;
    let same_year = person(app, "officer", "Hub Same Year", "network").await;
    let later = person(app, "officer", "Hub Later", "network").await;
    member(app, &early, &society, "1990").await;
    member(app, &same_year, &society, "1990-11").await;
    member(app, &later, &society, "2010").await;
    let path = |to: &str| format!("/api/v1/network/path?from={early}&to={to}&k=2");

    let (status, body) = app.get(&path(&later), "member").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        chains(&body)[0],
        ["Hub Early", "Hub Test Society", "Hub Later"]
    );
    assert_eq!(body["paths"][0]["nodes"][1]["hub"], false, "{body}");

    // Only an administrator decides what the whole network treats as a hub;
    // an organization one may not read is not there to flag.
    let flag = format!("/api/v1/network/hubs/{society}");
    for (role, expected) in [
        ("anonymous", StatusCode::UNAUTHORIZED),
        ("officer", StatusCode::FORBIDDEN),
        ("member", StatusCode::FORBIDDEN),
    ] {
        let (status, body) = app.send(Method::PUT, &flag, role, &json!({})).await;
        assert_eq!(status, expected, "{role}: {body}");
    }
    let hidden = organization(app, "officer", "Hub Test Private", "private").await;
    let (status, body) = app
        .send(
            Method::PUT,
            &format!("/api/v1/network/hubs/{hidden}"),
            "aots_officer",
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (status, body) = app.send(Method::PUT, &flag, "admin", &json!({})).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");

    // Everyone signed in sees the hub; only an administrator, who may read
    // every tie, how many ties it has.
    for (role, ties) in [("member", Value::Null), ("admin", json!(3))] {
        let (status, body) = app.get("/api/v1/network/hubs", role).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["hub_ties"], 1000, "{body}");
        let listed = body["hubs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["record"]["id"] == society.as_str())
            .unwrap_or_else(|| panic!("the flagged society is listed: {body}"))
            .clone();
        assert_eq!(listed["flagged"], true);
        assert_eq!(listed["ties"], ties, "{role}");
    }

    // Twenty years apart, the society introduces nobody; the same year, it does.
    let (_, body) = app.get(&path(&later), "member").await;
    assert_eq!(body["paths"], json!([]), "{body}");
    let (_, body) = app.get(&path(&same_year), "member").await;
    assert_eq!(
        chains(&body)[0],
        ["Hub Early", "Hub Test Society", "Hub Same Year"]
    );
    assert_eq!(body["paths"][0]["nodes"][1]["hub"], true, "{body}");

    let (status, body) = app.send(Method::DELETE, &flag, "admin", &json!({})).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (_, body) = app.get(&path(&later), "member").await;
    assert_eq!(
        chains(&body)[0],
        ["Hub Early", "Hub Test Society", "Hub Later"]
    );
}

async fn event(app: &TestApp, role: &str, body: Value) -> String {
    let (status, body) = app.send(Method::POST, "/api/v1/events", role, &body).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["id"].as_str().unwrap().to_owned()
}

async fn tie(app: &TestApp, role: &str, body: Value) -> (StatusCode, Value) {
    app.send(Method::POST, "/api/v1/ties", role, &body).await
}

async fn events_are_records_people_attend_and_meet_at(app: &TestApp) {
    let society = organization(app, "officer", "Event Test Society", "network").await;
    let forum = event(
        app,
        "officer",
        json!({"name_latin": "Kaizen Forum Bangkok", "name_native": "เวทีไคเซ็น กรุงเทพฯ",
            "kind": "seminar", "start": "2019-11-05", "end": "2019-11-06", "place": "Bangkok",
            "country": "TH", "organizer": society}),
    )
    .await;
    let (status, body) = app.get(&format!("/api/v1/events/{forum}"), "member").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["kind"], "seminar");
    assert_eq!(body["organizer"], society.as_str());
    assert_eq!(
        body["visibility"], "network",
        "events are shared by default"
    );
    let (_, body) = app
        .get(&format!("/api/v1/events?organizer={society}"), "member")
        .await;
    assert_eq!(body["items"].as_array().unwrap().len(), 1, "{body}");

    for (bad, field) in [
        (
            json!({"name_latin": "Backwards", "kind": "seminar", "start": "2019-11-05", "end": "2019-11-04"}),
            "end",
        ),
        (
            json!({"name_latin": "Party", "kind": "party", "start": "2019"}),
            "kind",
        ),
        (
            json!({"name_latin": "Nowhere", "kind": "seminar", "start": "2019", "organizer": "NO-SUCH-ORG"}),
            "organizer",
        ),
    ] {
        let (status, body) = app
            .send(Method::POST, "/api/v1/events", "officer", &bad)
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}: {body}");
        assert_eq!(body["error"]["field"], field, "{bad}: {body}");
    }

    // People attend it; the event joins them as any record does.
    let (ana, ben, chai) = (
        person(app, "officer", "Event Ana", "network").await,
        person(app, "officer", "Event Ben", "network").await,
        person(app, "officer", "Event Chai", "network").await,
    );
    let mut attendance = Vec::new();
    for who in [&ana, &ben] {
        let (status, body) = tie(
            app,
            "officer",
            json!({"kind": "attended", "from_type": "person", "from": who, "to_type": "event",
                "to": forum, "start": "2019-11-05", "visibility": "network"}),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        assert_eq!(body["to_type"], "event");
        attendance.push(body["id"].as_str().unwrap().to_owned());
    }
    let (status, body) = app
        .get(&format!("/api/v1/events/{forum}/ties"), "member")
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["items"].as_array().unwrap().len(), 2, "{body}");
    let path = format!("/api/v1/network/path?from={ana}&to={ben}&k=1");
    let (status, body) = app.get(&path, "member").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        chains(&body)[0],
        ["Event Ana", "Kaizen Forum Bangkok", "Event Ben"]
    );
    assert_eq!(body["paths"][0]["nodes"][1]["kind"], "event", "{body}");

    // Two meetings on one day at two events are two ties (in files too,
    // where a tie without an id is known by its kind, ends, date and event).
    let fair = event(
        app,
        "officer",
        json!({"name_latin": "Osaka Monozukuri Fair", "kind": "trade_fair", "start": "2019-11-05", "country": "JP"}),
    )
    .await;
    let meeting = |at: &str| {
        json!({"kind": "met_at", "from": ana, "to": chai, "start": "2019-11-05", "event": at,
            "visibility": "network"})
    };
    let mut met_ids = Vec::new();
    for at in [&forum, &fair] {
        let (status, body) = tie(app, "officer", meeting(at)).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        assert_eq!(body["event"], at.as_str(), "{body}");
        met_ids.push(body["id"].as_str().unwrap().to_owned());
    }
    assert_ne!(met_ids[0], met_ids[1]);
    let (status, body) = tie(
        app,
        "officer",
        json!({"kind": "mentored", "from": ana, "to": chai, "start": "2019-11-05", "event": forum}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["field"], "event", "{body}");

    // An event one may not read is not there: not to read, not to name, and
    // a meeting at it names no event to those who may not see it.
    let hidden = event(
        app,
        "aots_officer",
        json!({"name_latin": "AOTS Closed Retreat", "kind": "workshop", "start": "2019-11-05",
            "visibility": "private"}),
    )
    .await;
    let (status, _) = app
        .get(&format!("/api/v1/events/{hidden}"), "officer")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = tie(app, "officer", meeting(&hidden)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["field"], "event", "{body}");
    let (status, body) = tie(app, "admin", meeting(&hidden)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let at_hidden = body["id"].as_str().unwrap().to_owned();
    let (status, body) = app
        .get(&format!("/api/v1/ties/{at_hidden}"), "officer")
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.get("event").is_none(), "{body}");
    let (_, body) = app
        .get(&format!("/api/v1/ties/{at_hidden}"), "aots_officer")
        .await;
    assert_eq!(body["event"], hidden.as_str(), "{body}");

    // A large event is a hub no walk passes through: being there together
    // says nothing narrower. Those who met there are joined by their meeting.
    let flag = format!("/api/v1/network/hubs/{forum}");
    let (status, body) = app.send(Method::PUT, &flag, "admin", &json!({})).await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (_, body) = app.get("/api/v1/network/hubs", "member").await;
    let listed = body["hubs"].as_array().unwrap();
    assert!(
        listed
            .iter()
            .any(|h| h["record"]["id"] == forum.as_str() && h["record"]["kind"] == "event"),
        "{body}"
    );
    let (_, body) = app.get(&path, "member").await;
    assert_eq!(body["paths"], json!([]), "{body}");
    let (_, body) = app
        .get(
            &format!("/api/v1/network/path?from={ana}&to={chai}&k=1"),
            "member",
        )
        .await;
    assert_eq!(chains(&body)[0], ["Event Ana", "Event Chai"]);
    let (status, _) = app.send(Method::DELETE, &flag, "admin", &json!({})).await;
    assert_eq!(status, StatusCode::NO_CONTENT);

    // Deleting the event takes its attendance with it; meetings there stay.
    let (status, body) = app
        .send(
            Method::DELETE,
            &format!("/api/v1/events/{forum}"),
            "aots_officer",
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (status, body) = app
        .send(
            Method::DELETE,
            &format!("/api/v1/events/{forum}"),
            "officer",
            &json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (status, _) = app
        .get(&format!("/api/v1/ties/{}", attendance[0]), "admin")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = app
        .get(&format!("/api/v1/ties/{}", met_ids[0]), "admin")
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.get("event").is_none(), "{body}");
}

async fn brokers_communities_and_growth_describe_the_demo_network(app: &TestApp) {
    let (status, body) = app.get("/api/v1/network/brokers?top=10", "member").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["exact"], true, "a small network is measured exactly");
    assert_eq!(body["error_bound"], 0.0);
    let brokers = body["brokers"].as_array().unwrap();
    assert_eq!(brokers.len(), 10);
    let scores: Vec<f64> = brokers
        .iter()
        .map(|b| b["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(scores[0] > 0.0 && scores[0] <= 1.0);

    let (_, body) = app
        .get("/api/v1/network/brokers?top=5&country=TH", "member")
        .await;
    for broker in body["brokers"].as_array().unwrap() {
        assert_eq!(broker["node"]["country"], "TH", "{body}");
    }

    let (status, body) = app
        .get(
            "/api/v1/network/brokers?from=country:TH,kind:person&to=country:JP,type:academic&samples=3",
            "member",
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["between"]["to"],
        "kind:organization,country:JP,type:academic"
    );
    assert_eq!(body["exact"], false);
    assert!(body["error_bound"].as_f64().unwrap() > 0.0);

    for (query, field) in [
        ("from=country:TH", "to"),
        ("from=colour:red&to=country:JP", "from"),
        ("samples=0", "samples"),
        ("country=XX", "country"),
    ] {
        let (status, body) = app
            .get(&format!("/api/v1/network/brokers?{query}"), "member")
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{query}: {body}");
        assert_eq!(body["error"]["field"], field, "{query}: {body}");
    }

    let (status, body) = app.get("/api/v1/network/communities", "member").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let modularity = body["modularity"].as_f64().unwrap();
    assert!((0.2..1.0).contains(&modularity), "{body}");
    assert!(body["count"].as_u64().unwrap() > 1);
    let sizes: Vec<u64> = body["communities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["size"].as_u64().unwrap())
        .collect();
    assert!(
        sizes.windows(2).all(|w| w[0] >= w[1]),
        "largest first: {sizes:?}"
    );
    assert!(body["core"]["k"].as_u64().unwrap() >= 2, "{}", body["core"]);
    assert!(!body["core"]["members"].as_array().unwrap().is_empty());

    let (status, body) = app.get("/api/v1/network/growth", "member").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let periods = body["periods"].as_array().unwrap();
    assert!(periods.len() > 10, "the demo spans decades: {body}");
    let members: Vec<u64> = periods
        .iter()
        .map(|p| p["members"].as_u64().unwrap())
        .collect();
    assert!(members.windows(2).all(|w| w[0] <= w[1]), "{members:?}");
    let added: u64 = periods
        .iter()
        .map(|p| p["new_members"].as_u64().unwrap())
        .sum();
    assert_eq!(added, *members.last().unwrap());
    assert!(
        periods
            .iter()
            .all(|p| p["largest_group"].as_u64() <= p["members"].as_u64())
    );
    assert!(!body["countries"].as_array().unwrap().is_empty());

    let (_, body) = app
        .get(
            "/api/v1/network/growth?interval=month&as_of=1990-06-30",
            "member",
        )
        .await;
    let last = body["periods"].as_array().unwrap().last().unwrap()["period"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(last.len() == 7 && last.as_str() <= "1990-06", "{last}");

    let (status, body) = app
        .get("/api/v1/network/growth?interval=week", "member")
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["field"], "interval");

    for path in ["brokers", "communities", "growth"] {
        let (status, _) = app
            .get(&format!("/api/v1/network/{path}"), "anonymous")
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
    }
    let (_, doc) = app.get("/api/v1/openapi.json", "anonymous").await;
    for path in ["path", "brokers", "communities", "growth"] {
        assert!(
            doc["paths"][format!("/api/v1/network/{path}")]["get"].is_object(),
            "{path} is documented"
        );
    }
}

mod cases {
    use super::*;
    on_every_engine!(
        warm_paths_pass_only_through_what_the_asker_may_see,
        an_administrator_flags_a_hub_that_then_introduces_only_members_of_one_year,
        events_are_records_people_attend_and_meet_at,
        brokers_communities_and_growth_describe_the_demo_network,
    );
}
