//! The pages in a real browser: headless Chromium driven over WebDriver.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them).
//! Without them the test says so and passes, unless
//! `KYOSO_BROWSER_TESTS=required`, as the test command sets it. Screenshots
//! are written to `KYOSO_SCREENSHOTS` (default: `target/screenshots`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failed unwrap is a failed test"
)]

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use kyoso_domain::Role;
use kyoso_service::{Caller, DemoOptions, Kyoso, NoProgress};
use kyoso_testkit::Engine;
use kyoso_testkit::TestDb;
use kyoso_web::{AppState, Limits};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
const PASSWORD: &str = "correct horse battery staple";

struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn screenshots() -> PathBuf {
    let dir = std::env::var_os("KYOSO_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(
                std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "../../target".into()),
            )
            .join("screenshots")
        });
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Clicks the element `locator` finds.
async fn click(client: &Client, locator: Locator<'_>) {
    client.find(locator).await.unwrap().click().await.unwrap();
}

/// The element `locator` finds.
async fn element(client: &Client, locator: Locator<'_>) -> fantoccini::elements::Element {
    client.find(locator).await.unwrap()
}

/// Chooses the option of value `value` in the select of id `id`.
async fn choose(client: &Client, id: &str, value: &str) {
    let select = element(client, Locator::Id(id)).await;
    select.select_by_value(value).await.unwrap();
}

/// Chooses the option shown as `label` in the select `locator` finds: by
/// name, as a reader does.
async fn choose_named(client: &Client, locator: Locator<'_>, label: &str) {
    let select = element(client, locator).await;
    select.select_by_label(label).await.unwrap();
}

/// Types `text` into the element `locator` finds.
async fn type_into(client: &Client, locator: Locator<'_>, text: &str) {
    client
        .find(locator)
        .await
        .unwrap()
        .send_keys(text)
        .await
        .unwrap();
}

/// Waits until the element `locator` finds shows `text`. Right after a
/// click the browser may still show the page before, with an element that
/// matches too, so finding the element alone proves nothing.
async fn wait_for_text(client: &Client, locator: Locator<'_>, text: &str) {
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    loop {
        if let Ok(element) = client.find(locator).await
            && let Ok(shown) = element.text().await
            && shown.contains(text)
        {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no {locator:?} showing {text:?} within 15 s"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn shot(client: &Client, name: &str) {
    let png = client.screenshot().await.unwrap();
    std::fs::write(screenshots().join(format!("{name}.png")), png).unwrap();
}

async fn browser() -> Option<(Driver, Client)> {
    if !std::path::Path::new(CHROMEDRIVER).exists() || !std::path::Path::new(CHROMIUM).exists() {
        assert_ne!(
            std::env::var("KYOSO_BROWSER_TESTS").as_deref(),
            Ok("required"),
            "KYOSO_BROWSER_TESTS=required but chromium or chromedriver is missing"
        );
        eprintln!("note: chromium or chromedriver is missing; the browser test is skipped");
        return None;
    }
    let port = free_port();
    let driver = Driver(
        Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let profile = tempfile_dir();
    let capabilities: serde_json::Map<String, serde_json::Value> = serde_json::from_value(serde_json::json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1100,1300", format!("--user-data-dir={}", profile.display()),
            ]
        }
    }))
    .unwrap();
    for _ in 0..50 {
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let attempt = ClientBuilder::new(connector)
            .capabilities(capabilities.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await;
        match attempt {
            Ok(client) => return Some((driver, client)),
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
    panic!("chromedriver did not start");
}

fn tempfile_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kyoso-chromium-{}", kyoso_domain::Uid::new()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The server on a random port over a fresh SQLite database holding the
/// small demo network; it stops when dropped.
struct DemoServer {
    kyoso: Kyoso,
    base: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    _db: TestDb,
}

impl DemoServer {
    async fn start() -> DemoServer {
        let db = TestDb::new(Engine::Sqlite).await;
        let kyoso = Kyoso::open(&db.url).await.unwrap();
        kyoso
            .demo(
                DemoOptions {
                    people: 300,
                    seed: 3,
                },
                &NoProgress,
            )
            .await
            .unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let limits = Limits::default();
        let app = kyoso_web::router(AppState::new(kyoso.clone(), false), &limits);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            kyoso_web::serve(listener, app, &limits, async {
                let _ = stopped.await;
            })
            .await
            .unwrap();
        });
        DemoServer {
            kyoso,
            base,
            stop: Some(stop),
            _db: db,
        }
    }
}

impl Drop for DemoServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Signs out and waits for the page that follows: going elsewhere before
/// it arrives may cancel the sign-out, or let its redirect land late.
async fn sign_out(client: &Client) {
    click(client, Locator::Css("#sign-out")).await;
    client
        .wait()
        .for_element(Locator::Css("#sign-in-link"))
        .await
        .unwrap();
}

async fn sign_in(client: &Client, base: &str, email: &str) {
    client.goto(&format!("{base}/sign-in")).await.unwrap();
    type_into(client, Locator::Css("input[name=email]"), email).await;
    type_into(client, Locator::Css("input[name=password]"), PASSWORD).await;
    click(client, Locator::Css("form.card button[type=submit]")).await;
    client
        .wait()
        .for_element(Locator::Css(".who"))
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn an_officer_signs_in_searches_edits_a_profile_and_switches_language() {
    let Some((_driver, client)) = browser().await else {
        return;
    };

    let server = DemoServer::start().await;
    let (store, base) = (&server.kyoso, server.base.clone());
    store
        .add_user(
            "officer@tpa.example",
            PASSWORD,
            Role::Officer,
            Some("TPA"),
            None,
        )
        .await
        .unwrap();
    let (_, tpa) = store
        .find(
            &Caller::Cli,
            &[kyoso_domain::RecordKind::Organization],
            "TPA",
        )
        .await
        .unwrap();
    let filter = kyoso_domain::PeopleFilter {
        organization: Some(tpa),
        country: Some(kyoso_domain::CountryCode::parse("TH").unwrap()),
        ..Default::default()
    };
    let person = store
        .people(&Caller::Cli, &filter, None, Some(1))
        .await
        .unwrap()
        .items
        .remove(0);
    let latin = person.record.names.latin.as_deref().unwrap().to_owned();

    // A tie the officer recorded, so that the profile offers its form.
    let (_, token) = store
        .create_token("officer@tpa.example", "test", None)
        .await
        .unwrap();
    let created = reqwest::Client::new()
        .post(format!("{base}/api/v1/ties"))
        .bearer_auth(&token)
        .json(&serde_json::json!({
            "kind": "trained_at", "from_type": "person", "from": person.uid.to_string(),
            "to_type": "organization", "to": "AOTS", "start": "2016-09", "role": "5S and kaizen course"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), reqwest::StatusCode::CREATED);
    // A program of TPA's with a cohort and the person as an applicant.
    let api = |path: &str, body: serde_json::Value| {
        reqwest::Client::new()
            .post(format!("{base}{path}"))
            .bearer_auth(&token)
            .json(&body)
            .send()
    };
    let program: serde_json::Value = api(
        "/api/v1/programs",
        serde_json::json!({
            "program_type": "training_in_japan", "name_latin": "Production management for Thai SMEs",
            "name_japanese": "タイ中小企業のための生産管理研修", "organizer": "TPA",
            "countries": ["TH"], "sdgs": ["8.2", "9"], "start": "2025-04"
        }),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let program_id = program["id"].as_str().unwrap().to_owned();
    let cohort: serde_json::Value = api(
        &format!("/api/v1/programs/{program_id}/cohorts"),
        serde_json::json!({"name": "2025 spring", "start": "2025-04"}),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let cohort_id = cohort["id"].as_str().unwrap().to_owned();
    let joined = api(
        "/api/v1/participations",
        serde_json::json!({"person": person.uid.to_string(), "program": program_id, "cohort": cohort_id, "role": "trainee"}),
    )
    .await
    .unwrap();
    assert_eq!(joined.status(), reqwest::StatusCode::CREATED);

    // Sign in.
    client.goto(&format!("{base}/sign-in")).await.unwrap();
    type_into(
        &client,
        Locator::Css("input[name=email]"),
        "officer@tpa.example",
    )
    .await;
    type_into(&client, Locator::Css("input[name=password]"), PASSWORD).await;
    shot(&client, "01-sign-in").await;
    click(&client, Locator::Css("form.card button[type=submit]")).await;
    let who = client
        .wait()
        .for_element(Locator::Css(".who"))
        .await
        .unwrap();
    assert!(who.text().await.unwrap().contains("officer@tpa.example"));
    shot(&client, "02-home").await;

    // Search the directory by a part of the name.
    client.goto(&format!("{base}/people")).await.unwrap();
    let fragment: String = latin.split_whitespace().next().unwrap().to_owned();
    type_into(&client, Locator::Id("search"), &fragment).await;
    click(&client, Locator::Css("form.filters button")).await;
    wait_for_text(&client, Locator::Id("people"), &fragment).await;
    shot(&client, "03-directory").await;

    // Open the profile, edit it with a mistake, then fix it.
    client
        .goto(&format!("{base}/people/{}", person.uid))
        .await
        .unwrap();
    shot(&client, "04-profile").await;
    click(&client, Locator::Id("edit")).await;
    client
        .wait()
        .for_element(Locator::Id("field-languages"))
        .await
        .unwrap();
    // Languages are chosen by name, a row each: Japanese goes in its own
    // row if they have one, else in the first empty one.
    let mut japanese = None;
    for row in 1..=20 {
        let (language, level) = if row == 1 {
            ("field-languages".to_owned(), "field-level_1".to_owned())
        } else {
            (
                format!("field-language_{row}"),
                format!("field-level_{row}"),
            )
        };
        let Ok(select) = client.find(Locator::Id(&language)).await else {
            break;
        };
        let value = select.prop("value").await.unwrap().unwrap_or_default();
        if value == "ja" || (value.is_empty() && japanese.is_none()) {
            japanese = Some((language, level));
            if value == "ja" {
                break;
            }
        }
    }
    let (language, level) = japanese.expect("a row for Japanese");
    choose(&client, &language, "ja").await;
    choose(&client, &level, "B2").await;
    click(&client, Locator::Id("save")).await;
    let error = client
        .wait()
        .for_element(Locator::Id("error-languages"))
        .await
        .unwrap();
    assert!(
        error.text().await.unwrap().contains("JLPT"),
        "the field error names the rule"
    );
    assert!(client.find(Locator::Id("form-error")).await.is_ok());
    shot(&client, "05-field-error").await;
    choose(&client, &level, "N2").await;
    click(&client, Locator::Id("save")).await;
    let notice = client
        .wait()
        .for_element(Locator::Css(".notice"))
        .await
        .unwrap();
    assert!(!notice.text().await.unwrap().is_empty());
    let saved = store.person(&Caller::Cli, person.uid).await.unwrap();
    assert!(
        saved
            .record
            .languages
            .iter()
            .any(|l| l.to_string() == "ja:N2")
    );

    // In Thai the profile form names languages, levels, sectors and
    // countries in Thai: the person now names Japan where they have worked.
    client
        .goto(&format!("{base}/lang/th?next=/people/{}/edit", person.uid))
        .await
        .unwrap();
    wait_for_text(
        &client,
        Locator::Css("label[for=field-experience_countries]"),
        "เคยอาศัยหรือทำงานใน",
    )
    .await;
    choose_named(&client, Locator::Id("field-experience_countries"), "ญี่ปุ่น").await;
    shot(&client, "05c-profile-form-th").await;
    click(&client, Locator::Id("save")).await;
    client
        .wait()
        .for_element(Locator::Css(".notice"))
        .await
        .unwrap();
    let saved = store.person(&Caller::Cli, person.uid).await.unwrap();
    assert_eq!(
        saved.record.experience_countries,
        [kyoso_domain::CountryCode::parse("JP").unwrap()]
    );
    client
        .goto(&format!("{base}/lang/en?next=/people/{}", person.uid))
        .await
        .unwrap();

    // A tie's form shows its kind and ends without offering to change them.
    click(&client, Locator::Css("a.edit-tie")).await;
    client
        .wait()
        .for_element(Locator::Css("p#field-kind"))
        .await
        .unwrap();
    shot(&client, "05b-tie-form").await;
    client.back().await.unwrap();

    // Move the participant along the cohort board, step by step; the
    // profile then shows the training tie that completing implies.
    click(&client, Locator::Id("work-link")).await;
    wait_for_text(&client, Locator::Id("applications"), &latin).await;
    shot(&client, "08-work-list").await;
    client
        .goto(&format!("{base}/cohorts/{cohort_id}"))
        .await
        .unwrap();
    shot(&client, "09-board").await;
    for state in ["selected", "pre_departure", "active", "completed"] {
        let form = client
            .wait()
            .for_element(Locator::Css("form.move"))
            .await
            .unwrap();
        form.find(Locator::Css("select[name=to]"))
            .await
            .unwrap()
            .select_by_value(state)
            .await
            .unwrap();
        form.find(Locator::Css("button[type=submit]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for_text(&client, Locator::Id(&format!("state-{state}")), &latin).await;
    }
    shot(&client, "10-board-completed").await;

    // Record what came after: the returnee founded an enterprise.
    click(&client, Locator::Css("#state-completed .card-item a.small")).await;
    let outcome = client
        .wait()
        .for_element(Locator::Id("outcome-form"))
        .await
        .unwrap();
    outcome
        .find(Locator::Css("select[name=kind]"))
        .await
        .unwrap()
        .select_by_value("founded")
        .await
        .unwrap();
    outcome
        .find(Locator::Css("input[name=organization]"))
        .await
        .unwrap()
        .send_keys("TNI")
        .await
        .unwrap();
    outcome
        .find(Locator::Css("input[name=jobs_created]"))
        .await
        .unwrap()
        .send_keys("12")
        .await
        .unwrap();
    outcome
        .find(Locator::Id("record-outcome"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, Locator::Id("outcomes"), "12").await;
    shot(&client, "10b-journey-with-outcome").await;
    client
        .goto(&format!("{base}/people/{}", person.uid))
        .await
        .unwrap();
    wait_for_text(
        &client,
        Locator::Id("ties"),
        "Production management for Thai SMEs",
    )
    .await;
    wait_for_text(&client, Locator::Id("participations"), "Completed").await;
    wait_for_text(&client, Locator::Id("ties"), "Founded").await;
    shot(&client, "11-profile-with-training").await;

    // Switch to Japanese and to Thai.
    for (lang, word) in [("ja", "人物"), ("th", "บุคคล")] {
        click(
            &client,
            Locator::Css(&format!("nav.languages a[lang={lang}]")),
        )
        .await;
        wait_for_text(&client, Locator::Css("nav.main"), word).await;
        shot(&client, &format!("06-profile-{lang}")).await;
    }

    // Sign out.
    click(&client, Locator::Id("sign-out")).await;
    client
        .wait()
        .for_element(Locator::Id("sign-in-link"))
        .await
        .unwrap();
    shot(&client, "07-signed-out").await;

    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_member_finds_how_to_reach_someone_and_reads_the_network() {
    let Some((_driver, client)) = browser().await else {
        return;
    };
    let server = DemoServer::start().await;
    let (store, base) = (&server.kyoso, server.base.clone());
    let in_country = |code: &str| kyoso_domain::PeopleFilter {
        country: Some(kyoso_domain::CountryCode::parse(code).unwrap()),
        ..Default::default()
    };
    // Records shared with the network, as any member sees them.
    let shared = |filter| async move {
        let page = store
            .people(&Caller::Cli, &filter, None, Some(200))
            .await
            .unwrap();
        page.items
            .into_iter()
            .find(|p| p.record.visibility != kyoso_domain::Visibility::Private)
            .unwrap()
    };
    let me = shared(in_country("TH")).await;
    let them = shared(in_country("JP")).await;
    store
        .add_user(
            "member@tpa.example",
            PASSWORD,
            Role::Member,
            Some("TPA"),
            Some(me.uid),
        )
        .await
        .unwrap();
    sign_in(&client, &base, "member@tpa.example").await;

    // Their profile shows the warm paths from mine, drawn.
    client
        .goto(&format!("{base}/people/{}", them.uid))
        .await
        .unwrap();
    let first = client
        .wait()
        .for_element(Locator::Css("#reach #path-1 svg"))
        .await
        .unwrap();
    let drawn = first.find_all(Locator::Css("circle, rect")).await.unwrap();
    assert!(drawn.len() >= 2, "a path has two ends at least");
    client
        .execute("document.getElementById('reach').scrollIntoView()", vec![])
        .await
        .unwrap();
    shot(&client, "20-profile-reach").await;

    // With the demo's large bodies taken as hubs, a path through one is
    // marked, and the page says why it counts, in Thai.
    let _ = store.clone().with_hub_ties(20);
    let (_, tpa) = store
        .find(
            &Caller::Cli,
            &[kyoso_domain::RecordKind::Organization],
            "TPA",
        )
        .await
        .unwrap();
    let member = Caller::User(kyoso_domain::User {
        uid: kyoso_domain::Uid::new(),
        email: String::new(),
        role: Role::Member,
        organization: Some((0, tpa)),
        person: Some(me.uid),
        language: "th".into(),
    });
    let everyone = store
        .people(&Caller::Cli, &Default::default(), None, Some(200))
        .await
        .unwrap();
    let mut through_hub = None;
    for person in everyone.items.iter().filter(|p| p.uid != me.uid) {
        let found = store.warm_paths(&member, me.uid, person.uid, 1, None).await;
        let Ok(found) = found else {
            continue;
        };
        let passes = |path: &kyoso_service::network::WarmPath| {
            let last = path.nodes.len() - 1;
            (path.nodes.iter().enumerate()).any(|(i, n)| n.hub && i > 0 && i < last)
        };
        if found.paths.first().is_some_and(passes) {
            through_hub = Some(person.uid);
            break;
        }
    }
    let through_hub = through_hub.expect("a path through a hub on the demo network");
    client
        .goto(&format!("{base}/lang/th?next=/people/{through_hub}"))
        .await
        .unwrap();
    let mark = client
        .wait()
        .for_element(Locator::Css("#reach #path-1 .hub-mark"))
        .await
        .unwrap();
    assert_eq!(mark.text().await.unwrap(), "ศูนย์กลาง");
    let note = element(&client, Locator::Css("#reach #path-1 .hub-note")).await;
    assert!(note.text().await.unwrap().contains("หนึ่งปี"));
    client
        .execute("document.getElementById('reach').scrollIntoView()", vec![])
        .await
        .unwrap();
    shot(&client, "20-profile-reach-hub-th").await;

    // An event's page: what it was and who attended, in Thai and Japanese.
    let seminar = store
        .events(
            &Caller::Cli,
            &kyoso_domain::EventFilter {
                kind: Some(kyoso_domain::EventKind::Seminar),
                ..Default::default()
            },
            None,
            Some(10),
        )
        .await
        .unwrap()
        .items
        .into_iter()
        .next()
        .expect("the demo's seminar");
    for (lang, name, organizer, attended) in [
        ("th", "สัมมนาไคเซ็น ส.ส.ท. 2566", "ผู้จัด", "เข้าร่วม"),
        ("ja", "TPA改善セミナー2023", "主催", "参加"),
    ] {
        client
            .goto(&format!("{base}/lang/{lang}?next=/events/{}", seminar.uid))
            .await
            .unwrap();
        wait_for_text(&client, Locator::Css("h1"), name).await;
        let facts = element(&client, Locator::Css("dl.facts")).await;
        let facts = facts.text().await.unwrap();
        assert!(
            facts.contains(organizer) && facts.contains("2023-06-14"),
            "{facts}"
        );
        let page = element(&client, Locator::Css("article.profile")).await;
        assert!(page.text().await.unwrap().contains(attended));
        shot(&client, &format!("20-event-{lang}")).await;
    }
    client
        .goto(&format!("{base}/lang/en?next=/"))
        .await
        .unwrap();

    // Communities with their map, brokers, growth: in all four languages.
    for (lang, word) in [
        ("en", "Communities"),
        ("ja", "コミュニティ"),
        ("th", "ชุมชน"),
        ("vi", "Cộng đồng"),
    ] {
        client
            .goto(&format!("{base}/lang/{lang}?next=/network/communities"))
            .await
            .unwrap();
        wait_for_text(&client, Locator::Css("h1"), word).await;
        let dots = client
            .find_all(Locator::Css("#community-map circle, #community-map rect"))
            .await
            .unwrap();
        assert!(dots.len() > 10, "the map draws the communities");
        shot(&client, &format!("21-communities-{lang}")).await;
    }
    for lang in ["en", "th"] {
        client
            .goto(&format!("{base}/lang/{lang}?next=/network/brokers"))
            .await
            .unwrap();
        let rows = client
            .wait()
            .for_element(Locator::Css("#brokers tbody tr"))
            .await
            .unwrap();
        assert!(!rows.text().await.unwrap().is_empty());
        shot(&client, &format!("22-brokers-{lang}")).await;
    }
    client
        .goto(&format!(
            "{base}/network/brokers?from=country:TH,kind:person&to=country:JP"
        ))
        .await
        .unwrap();
    client
        .wait()
        .for_element(Locator::Css("#brokers tbody tr"))
        .await
        .unwrap();
    client
        .goto(&format!(
            "{base}/network/brokers?from=colour:red&to=country:JP"
        ))
        .await
        .unwrap();
    wait_for_text(&client, Locator::Id("broker-error"), "colour").await;
    for lang in ["en", "ja", "vi"] {
        client
            .goto(&format!("{base}/lang/{lang}?next=/network/growth"))
            .await
            .unwrap();
        let charts = client
            .wait()
            .for_element(Locator::Css(".growth-chart svg"))
            .await
            .unwrap();
        assert!(
            !charts
                .find_all(Locator::Css("rect, polyline"))
                .await
                .unwrap()
                .is_empty()
        );
        shot(&client, &format!("23-growth-{lang}")).await;
    }
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn an_officer_posts_a_need_asks_for_an_introduction_and_follows_the_pipeline() {
    let Some((_driver, client)) = browser().await else {
        return;
    };
    let server = DemoServer::start().await;
    let (store, base) = (&server.kyoso, server.base.clone());
    store
        .add_user(
            "officer@tpa.example",
            PASSWORD,
            Role::Officer,
            Some("TPA"),
            None,
        )
        .await
        .unwrap();
    sign_in(&client, &base, "officer@tpa.example").await;

    // The demo's needs are listed, one due soon with its reminder.
    client.goto(&format!("{base}/needs")).await.unwrap();
    wait_for_text(&client, Locator::Css("#needs"), "Lean automation").await;
    wait_for_text(&client, Locator::Css("main"), "Kaizen trainer").await;
    shot(&client, "30-needs").await;

    // Post a need: the form names a bad field, then takes the corrected one.
    click(&client, Locator::Id("post-need")).await;
    type_into(
        &client,
        Locator::Id("field-title"),
        "Robot cell set-up for a Rayong plant",
    )
    .await;
    type_into(
        &client,
        Locator::Id("field-skills"),
        "robotics; industrial automation; plc programming",
    )
    .await;
    // The sector is chosen by its name.
    choose_named(
        &client,
        Locator::Id("field-sectors"),
        "Industrial development",
    )
    .await;
    // Languages by name, each with its least level: Japanese at a CEFR
    // level is refused with the rule named.
    choose(&client, "field-languages", "th").await;
    choose(&client, "field-level_1", "B2").await;
    choose(&client, "field-language_2", "ja").await;
    choose(&client, "field-level_2", "B2").await;
    client
        .find(Locator::Id("field-country"))
        .await
        .unwrap()
        .select_by_value("TH")
        .await
        .unwrap();
    click(&client, Locator::Id("save")).await;
    wait_for_text(&client, Locator::Id("error-languages"), "JLPT").await;
    shot(&client, "31-need-form-error").await;
    choose(&client, "field-level_2", "N3").await;
    click(&client, Locator::Id("save")).await;
    wait_for_text(&client, Locator::Id("need-title"), "Robot cell").await;

    // Ranked candidates, each with its reasons and, when near, a warm path.
    let first = client
        .wait()
        .for_element(Locator::Css("#candidates li.candidate"))
        .await
        .unwrap();
    let reasons = first.find_all(Locator::Css(".reasons li")).await.unwrap();
    assert_eq!(reasons.len(), 7, "every factor of the score is told");
    assert!(
        !first
            .find_all(Locator::Css(".score-bar rect"))
            .await
            .unwrap()
            .is_empty()
    );
    shot(&client, "32-need-candidates-en").await;
    let asked = first.attr("id").await.unwrap().unwrap();
    first
        .find(Locator::Css("button.ask-introduction"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(&client, Locator::Css("#match-list"), "").await;
    let row = client
        .find(Locator::Css("#match-list tbody tr"))
        .await
        .unwrap();
    assert!(row.text().await.unwrap().contains("Proposed"));
    assert!(
        client
            .find(Locator::Css(&format!("#{asked} .badge")))
            .await
            .is_ok(),
        "the candidate shows as in the pipeline"
    );
    // Introduce them.
    row.find(Locator::Css("select[name=status]"))
        .await
        .unwrap()
        .select_by_value("introduced")
        .await
        .unwrap();
    row.find(Locator::Css("form.move button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_text(
        &client,
        Locator::Css("#match-list .match-status"),
        "Introduced",
    )
    .await;

    // The same page in Japanese and Thai: reasons in words, names in script.
    let need_path = client.current_url().await.unwrap().path().to_owned();
    for (lang, word) in [("ja", "スキル"), ("th", "ทักษะ"), ("vi", "Kỹ năng")] {
        client
            .goto(&format!("{base}/lang/{lang}?next={need_path}"))
            .await
            .unwrap();
        wait_for_text(&client, Locator::Css("#candidates"), word).await;
        shot(&client, &format!("33-need-candidates-{lang}")).await;
    }
    client
        .goto(&format!("{base}/lang/en?next=/matches"))
        .await
        .unwrap();
    wait_for_text(&client, Locator::Id("column-introduced"), "Robot cell").await;
    shot(&client, "34-pipeline").await;

    // The technology catalogue, searched.
    client
        .goto(&format!("{base}/offers?q=wastewater"))
        .await
        .unwrap();
    wait_for_text(&client, Locator::Id("offers"), "membrane bioreactor").await;
    client
        .goto(&format!("{base}/lang/ja?next=/offers"))
        .await
        .unwrap();
    wait_for_text(&client, Locator::Id("offers"), "TRL").await;
    shot(&client, "35-catalogue-ja").await;

    // A technology need: the technology, its provider and a local champion.
    let needs = store
        .needs(
            &Caller::Cli,
            &kyoso_domain::NeedFilter {
                text: kyoso_domain::Text::query("industrial estate").unwrap(),
                ..Default::default()
            },
            1,
        )
        .await
        .unwrap();
    client
        .goto(&format!("{base}/lang/en?next=/needs/{}", needs[0].uid))
        .await
        .unwrap();
    wait_for_text(&client, Locator::Css("#candidates"), "membrane bioreactor").await;
    shot(&client, "36-technology-need").await;

    // An assignment round pasted in, with its fairness chart.
    client.goto(&format!("{base}/assign")).await.unwrap();
    let csv = client.find(Locator::Id("round-csv")).await.unwrap();
    csv.clear().await.unwrap();
    csv.send_keys(
        "participant,host,score,capacity,country,gender\nan,sakai-seiki,9,1,VN,female\nan,osaka-mold,4,2,VN,female\nbinh,sakai-seiki,8,1,VN,male\ncitra,osaka-mold,7,2,ID,female\ndewi,osaka-mold,1,2,ID,female\n",
    )
    .await
    .unwrap();
    click(&client, Locator::Id("assign")).await;
    wait_for_text(&client, Locator::Id("round-summary"), "19.00").await;
    assert!(
        !client
            .find_all(Locator::Css("figure.chart svg rect"))
            .await
            .unwrap()
            .is_empty()
    );
    shot(&client, "37-assignment-round").await;

    // In Thai and Japanese the need form names sectors, languages and
    // levels in the reader's language: a Thai officer posts a need choosing
    // each by its Thai name.
    client
        .goto(&format!("{base}/lang/th?next=/needs/new"))
        .await
        .unwrap();
    wait_for_text(
        &client,
        Locator::Css("label[for=field-sectors_2]"),
        "สาขาอื่น",
    )
    .await;
    type_into(
        &client,
        Locator::Id("field-title"),
        "ผู้เชี่ยวชาญการเชื่อม TIG สำหรับโรงงานชลบุรี",
    )
    .await;
    type_into(&client, Locator::Id("field-skills"), "การเชื่อมทิก").await;
    // Each skill in a box of its own, suggested from the vocabulary's Thai
    // names.
    type_into(&client, Locator::Id("field-skills_2"), "การหล่อลื่น").await;
    let suggested = client
        .find_all(Locator::Css("datalist#known-words option[value='การเชื่อม']"))
        .await
        .unwrap();
    assert_eq!(suggested.len(), 1, "Thai skill names are suggested");
    shot(&client, "38a-need-skills-th").await;
    assert_eq!(
        client
            .find(Locator::Id("field-skills_2"))
            .await
            .unwrap()
            .attr("list")
            .await
            .unwrap()
            .as_deref(),
        Some("known-words")
    );
    for (id, label) in [
        ("field-sectors", "การพัฒนาอุตสาหกรรม"),
        ("field-languages", "ภาษาไทย"),
    ] {
        choose_named(&client, Locator::Id(id), label).await;
    }
    choose(&client, "field-level_1", "B1").await;
    click(&client, Locator::Css("#field-must_1")).await;
    // English B2 will do as well as Thai.
    choose_named(&client, Locator::Id("field-language_2"), "ภาษาอังกฤษ").await;
    choose(&client, "field-level_2", "B2").await;
    click(&client, Locator::Css("#field-or_2")).await;
    shot(&client, "38-need-form-th").await;
    click(&client, Locator::Id("save")).await;
    wait_for_text(&client, Locator::Id("need-title"), "การเชื่อม TIG").await;
    let facts = client
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(facts.contains("การพัฒนาอุตสาหกรรม"), "{facts}");
    assert!(facts.contains(" หรือ "), "Thai or English: {facts}");
    assert!(
        facts.contains("การเชื่อมทิก") && facts.contains("การหล่อลื่น"),
        "both skills: {facts}"
    );
    client
        .goto(&format!("{base}/lang/ja?next=/needs/new"))
        .await
        .unwrap();
    wait_for_text(
        &client,
        Locator::Css("label[for=field-sectors_2]"),
        "ほかの分野",
    )
    .await;
    wait_for_text(
        &client,
        Locator::Css("label[for=field-level_1]"),
        "最低水準",
    )
    .await;
    shot(&client, "39-need-form-ja").await;
    // A business-partner need says which side of the deal it is on, chosen
    // by name: a supplier is sought.
    choose(&client, "field-kind", "business_partner").await;
    type_into(
        &client,
        Locator::Id("field-title"),
        "精密切削部品の調達先を探しています",
    )
    .await;
    type_into(&client, Locator::Id("field-skills"), "精密切削加工").await;
    wait_for_text(&client, Locator::Id("field-seeks"), "求めるもの").await;
    click(&client, Locator::Css("#field-seeks_supplier")).await;
    shot(&client, "40-deal-need-form-ja").await;
    click(&client, Locator::Id("save")).await;
    wait_for_text(&client, Locator::Id("need-title"), "精密切削部品").await;
    let facts = client
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(facts.contains("仕入先・サプライヤー"), "{facts}");

    // A company lists what it offers, choosing markets and what it seeks by
    // their Japanese names.
    client.goto(&format!("{base}/offers/new")).await.unwrap();
    wait_for_text(
        &client,
        Locator::Css("label[for=field-countries_2]"),
        "ほかの国",
    )
    .await;
    choose(&client, "field-kind", "partnership").await;
    type_into(
        &client,
        Locator::Id("field-title"),
        "精密切削部品の受託加工",
    )
    .await;
    type_into(&client, Locator::Id("field-keywords"), "精密切削加工").await;
    for (id, label) in [
        ("field-countries", "ベトナム"),
        ("field-countries_2", "インドネシア"),
    ] {
        choose_named(&client, Locator::Id(id), label).await;
    }
    click(&client, Locator::Css("#field-seeks_buyer")).await;
    click(&client, Locator::Css("#field-sdg_9")).await;
    shot(&client, "41-offer-form-ja").await;
    click(&client, Locator::Id("save")).await;
    wait_for_text(&client, Locator::Css("main"), "精密切削部品の受託加工").await;
    let listed = client
        .find(Locator::Css("main"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        listed.contains("ベトナム") && listed.contains("インドネシア"),
        "{listed}"
    );
    assert!(listed.contains("買い手・顧客"), "{listed}");
    let goals = client.find_all(Locator::Css("span.sdg")).await.unwrap();
    let mut shown = Vec::new();
    for goal in goals {
        shown.push(goal.text().await.unwrap());
    }
    assert!(shown.iter().any(|g| g == "9"), "{shown:?}");
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_member_searches_in_four_languages_and_narrows_by_facets() {
    let Some((_driver, client)) = browser().await else {
        return;
    };
    let server = DemoServer::start().await;
    let base = server.base.clone();
    server
        .kyoso
        .add_user(
            "member@tpa.example",
            PASSWORD,
            Role::Member,
            Some("TPA"),
            None,
        )
        .await
        .unwrap();
    sign_in(&client, &base, "member@tpa.example").await;

    // The same need, asked for in each language, from the box in the header.
    for (lang, query, heading) in [
        ("en", "wastewater treatment", "Search"),
        ("ja", "排水処理", "検索"),
        ("th", "บำบัดน้ำเสีย", "ค้นหา"),
        ("vi", "xu ly nuoc thai", "Tìm kiếm"),
    ] {
        client
            .goto(&format!("{base}/lang/{lang}?next=/people"))
            .await
            .unwrap();
        type_into(
            &client,
            Locator::Css("form.quick-search input[name=q]"),
            query,
        )
        .await;
        client
            .form(Locator::Css("form.quick-search"))
            .await
            .unwrap()
            .submit_direct()
            .await
            .unwrap();
        wait_for_text(&client, Locator::Css("main h1"), heading).await;
        let titles = client
            .find_all(Locator::Css("#hits .hit-head a"))
            .await
            .unwrap();
        let mut found = Vec::new();
        for title in &titles {
            found.push(title.text().await.unwrap());
        }
        assert!(
            found
                .first()
                .is_some_and(|t| t.to_lowercase().contains("wastewater")),
            "{lang}: {query} finds the wastewater need first, not {found:?}"
        );
        let marked = client.find_all(Locator::Css("#hits mark")).await.unwrap();
        assert!(!marked.is_empty(), "{lang}: what answered is marked");
        shot(&client, &format!("40-search-{lang}")).await;
    }

    // Narrowing to one kind by following its name, then clearing it.
    client
        .goto(&format!("{base}/lang/en?next=/search%3Fq%3Dfactory"))
        .await
        .unwrap();
    wait_for_text(&client, Locator::Css("main h1"), "Search").await;
    let before = client
        .find(Locator::Css("#found"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    click(
        &client,
        Locator::Css("#facet-kind a[href*='kind=technology']"),
    )
    .await;
    client
        .wait()
        .for_element(Locator::Css("#facet-kind a[aria-current]"))
        .await
        .unwrap();
    let badges = client.find_all(Locator::Css("#hits .badge")).await.unwrap();
    assert!(!badges.is_empty());
    for badge in badges {
        assert_eq!(badge.text().await.unwrap(), "technology");
    }
    let after = client
        .find(Locator::Css("#found"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_ne!(before, after, "the count follows the filter");
    shot(&client, "41-search-facet").await;
    click(&client, Locator::Css("#clear-filters")).await;
    client
        .wait()
        .for_element(Locator::Css("#facet-kind"))
        .await
        .unwrap();
    assert!(
        client
            .find_all(Locator::Css("#facet-kind a[aria-current]"))
            .await
            .unwrap()
            .is_empty()
    );

    // Nothing found says so, in the reader's language.
    client
        .goto(&format!("{base}/lang/th?next=/search%3Fq%3Dzzqxv"))
        .await
        .unwrap();
    wait_for_text(&client, Locator::Css("#nothing"), "ไม่พบรายการ").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_officer_records_a_lesson_and_members_ask_answer_and_settle_a_question() {
    let Some((_driver, client)) = browser().await else {
        return;
    };
    let server = DemoServer::start().await;
    let (kyoso, base) = (&server.kyoso, server.base.clone());
    kyoso
        .add_user(
            "officer@tpa.example",
            PASSWORD,
            Role::Officer,
            Some("TPA"),
            None,
        )
        .await
        .unwrap();
    // Two members with profiles of their own: one asks, one answers.
    let (_, tpa) = kyoso
        .find(
            &Caller::Cli,
            &[kyoso_domain::RecordKind::Organization],
            "TPA",
        )
        .await
        .unwrap();
    let filter = kyoso_domain::PeopleFilter {
        organization: Some(tpa),
        ..Default::default()
    };
    let people = kyoso
        .people(&Caller::Cli, &filter, None, Some(2))
        .await
        .unwrap()
        .items;
    for (email, person) in [
        ("asker@tpa.example", people[0].uid),
        ("expert@tpa.example", people[1].uid),
    ] {
        kyoso
            .add_user(email, PASSWORD, Role::Member, Some("TPA"), Some(person))
            .await
            .unwrap();
    }

    // The officer records a lesson in Thai, choosing the country and the
    // sector by their names.
    sign_in(&client, &base, "officer@tpa.example").await;
    client
        .goto(&format!("{base}/lang/th?next=/knowledge"))
        .await
        .unwrap();
    wait_for_text(&client, Locator::Css("main h1"), "คลังความรู้").await;
    click(&client, Locator::Css("#record-lesson")).await;
    type_into(
        &client,
        Locator::Css("#field-title"),
        "กิจกรรม 5ส ในโรงงานแปรรูปอาหารทะเลที่ระยอง",
    )
    .await;
    client
        .find(Locator::Css("#field-language"))
        .await
        .unwrap()
        .select_by_value("th")
        .await
        .unwrap();
    type_into(
        &client,
        Locator::Css("#field-practice"),
        "5ส แบบโรงงานปั๊มโลหะในญี่ปุ่น: ป้ายแดง ทำความสะอาดทุกวัน ตรวจทุกเดือน",
    )
    .await;
    type_into(
        &client,
        Locator::Css("#field-adaptation"),
        "ใช้ภาพถ่ายบนบอร์ดแทนป้ายแดง และให้แต่ละกะตรวจไลน์ของกะอื่น",
    )
    .await;
    type_into(
        &client,
        Locator::Css("#field-result"),
        "อุบัติเหตุลื่นล้มลดลงครึ่งหนึ่งในหกเดือน",
    )
    .await;
    choose_named(&client, Locator::Css("#field-country"), "ไทย").await;
    client
        .find(Locator::Css("#field-sectors"))
        .await
        .unwrap()
        .select_by_value("32161")
        .await
        .unwrap();
    click(&client, Locator::Css("#save")).await;
    client
        .wait()
        .for_element(Locator::Css("#steps"))
        .await
        .unwrap();
    let steps = client.find_all(Locator::Css("#steps .step")).await.unwrap();
    assert_eq!(steps.len(), 3, "practice, adaptation and result");
    let facts = client
        .find(Locator::Css("#lesson-facts"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(facts.contains("ไทย"), "{facts}");
    shot(&client, "50-lesson-th").await;
    // A Japanese reader sees it in its Japanese translation, marked as one,
    // and may ask for the original.
    let lesson = client.current_url().await.unwrap().to_string();
    let uid = kyoso_domain::Uid::parse(lesson.rsplit('/').next().unwrap()).unwrap();
    kyoso
        .translate_lesson(
            &Caller::Cli,
            uid,
            kyoso_domain::LessonTranslation {
                language: kyoso_domain::LanguageCode::parse("ja").unwrap(),
                status: kyoso_domain::TranslationStatus::Reviewed,
                title: kyoso_domain::Text::line("ラヨーンの水産加工場での5S活動", 200).unwrap(),
                practice: kyoso_domain::Text::multiline(
                    "日本の金属プレス工場の5S：赤札、毎日の清掃、毎月の監査。",
                    4000,
                )
                .unwrap(),
                adaptation: kyoso_domain::Text::multiline(
                    "赤札の代わりに掲示板の写真を使い、各シフトが別のシフトのラインを監査する。",
                    4000,
                )
                .unwrap(),
                context: None,
                result: Some(
                    kyoso_domain::Text::multiline("半年で転倒事故が半分になった。", 4000).unwrap(),
                ),
            },
        )
        .await
        .unwrap();
    client
        .goto(&format!("{base}/lang/ja?next=/lessons/{uid}"))
        .await
        .unwrap();
    wait_for_text(&client, Locator::Css("main h1"), "ラヨーンの水産加工場").await;
    wait_for_text(&client, Locator::Css("#translation-note"), "タイ語").await;
    shot(&client, "53-lesson-translated-ja").await;
    click(&client, Locator::Css("#other-reading")).await;
    wait_for_text(&client, Locator::Css("main h1"), "กิจกรรม 5ส").await;
    client
        .goto(&format!("{base}/lang/th?next=/knowledge"))
        .await
        .unwrap();
    // Found by search, in English, through the vocabulary.
    client
        .goto(&format!(
            "{base}/search?q=seafood%20processing%205S&kind=lesson"
        ))
        .await
        .unwrap();
    wait_for_text(&client, Locator::Css("#hits"), "5ส").await;
    sign_out(&client).await;

    // A member asks in Japanese.
    sign_in(&client, &base, "asker@tpa.example").await;
    client
        .goto(&format!("{base}/lang/ja?next=/questions/new"))
        .await
        .unwrap();
    type_into(
        &client,
        Locator::Css("#field-title"),
        "ラヨーンでフォークリフトの安全講習を受けられる所はありますか",
    )
    .await;
    type_into(
        &client,
        Locator::Css("#field-body"),
        "新人のオペレーター三人に受けさせたいです。",
    )
    .await;
    click(&client, Locator::Css("#save")).await;
    client
        .wait()
        .for_element(Locator::Css("#question-status"))
        .await
        .unwrap();
    let question = client.current_url().await.unwrap().to_string();
    sign_out(&client).await;

    // Another member answers, in Thai.
    sign_in(&client, &base, "expert@tpa.example").await;
    client.goto(&question).await.unwrap();
    type_into(
        &client,
        Locator::Css("#answer-body"),
        "สมาคมศิษย์เก่ามีหลักสูตรขับรถยกอย่างปลอดภัยที่ระยองทุกเดือน",
    )
    .await;
    client
        .find(Locator::Css("#answer-language"))
        .await
        .unwrap()
        .select_by_value("th")
        .await
        .unwrap();
    click(&client, Locator::Css("#send-answer")).await;
    wait_for_text(&client, Locator::Css("#answers"), "รถยก").await;
    assert!(
        client
            .find_all(Locator::Css("button.accept"))
            .await
            .unwrap()
            .is_empty(),
        "only the asker accepts"
    );
    sign_out(&client).await;

    // The asker accepts it; the question shows as answered.
    sign_in(&client, &base, "asker@tpa.example").await;
    client.goto(&question).await.unwrap();
    click(&client, Locator::Css("button.accept")).await;
    client
        .wait()
        .for_element(Locator::Css(".answer.accepted"))
        .await
        .unwrap();
    wait_for_text(&client, Locator::Css("#question-status"), "解決済み").await;
    shot(&client, "51-question-ja").await;
    client.goto(&format!("{base}/knowledge")).await.unwrap();
    wait_for_text(&client, Locator::Css("#questions"), "解決済み").await;
    wait_for_text(&client, Locator::Css("#lessons"), "5ส").await;
    shot(&client, "52-knowledge-ja").await;
}
