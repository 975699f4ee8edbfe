//! The real server on a random port against a fresh database, on every
//! engine this run covers.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failed unwrap is a failed test"
)]

mod access;
mod aftercare;
mod api;
mod erasure;
mod hostile;
mod knowledge;
mod matching;
mod matrix;
mod network;
mod pages;
mod probe;
mod programs;
mod references;
mod search;

use std::net::SocketAddr;
use std::time::Duration;

use kyoso_domain::{PeopleFilter, RecordKind, Role, Uid};
use kyoso_service::{Caller, DemoOptions, Kyoso, NoProgress};
use kyoso_testkit::Engine;
use kyoso_testkit::TestDb;
use kyoso_web::{AppState, Limits};
use reqwest::StatusCode;
use serde_json::Value;

pub(crate) const PASSWORD: &str = "correct horse battery staple";

/// A running server with a small demo network and one user of each role.
pub(crate) struct TestApp {
    pub(crate) addr: SocketAddr,
    pub(crate) kyoso: Kyoso,
    /// Bearer tokens by role name.
    pub(crate) tokens: std::collections::HashMap<&'static str, String>,
    /// The member's own person record.
    pub(crate) member_person: Uid,
    pub(crate) client: reqwest::Client,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    pub(crate) db: TestDb,
}

impl TestApp {
    pub(crate) async fn start(engine: Engine) -> TestApp {
        TestApp::start_with(engine, Limits::default()).await
    }

    pub(crate) async fn start_with(engine: Engine, limits: Limits) -> TestApp {
        let db = TestDb::new(engine).await;
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
        let tpa = kyoso.uid_of("TPA").await;
        let filter = PeopleFilter {
            organization: Some(tpa),
            ..Default::default()
        };
        let member_person = kyoso
            .people(&Caller::Cli, &filter, None, Some(1))
            .await
            .unwrap()
            .items[0]
            .uid;
        let mut tokens = std::collections::HashMap::new();
        for (name, role, org, person) in [
            ("admin", Role::Admin, None, None),
            ("officer", Role::Officer, Some("TPA"), None),
            ("coordinator", Role::Coordinator, Some("TPA"), None),
            ("aots_officer", Role::Officer, Some("AOTS"), None),
            ("member", Role::Member, Some("TPA"), Some(member_person)),
        ] {
            let email = format!("{name}@example.org");
            kyoso
                .add_user(&email, PASSWORD, role, org, person)
                .await
                .unwrap();
            let (_, token) = kyoso.create_token(&email, "test", None).await.unwrap();
            tokens.insert(name, token);
        }
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let app = kyoso_web::router(AppState::new(kyoso.clone(), false), &limits);
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            kyoso_web::serve(listener, app, &limits, async {
                let _ = rx.await;
            })
            .await
            .unwrap();
        });
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(30))
            .build()
            .unwrap();
        TestApp {
            addr,
            kyoso,
            tokens,
            member_person,
            client,
            shutdown: Some(tx),
            db,
        }
    }

    pub(crate) fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// A request as `role` ("anonymous" sends no token).
    pub(crate) fn request(
        &self,
        method: reqwest::Method,
        path: &str,
        role: &str,
    ) -> reqwest::RequestBuilder {
        let request = self.client.request(method, self.url(path));
        match self.tokens.get(role) {
            Some(token) => request.bearer_auth(token),
            None => request,
        }
    }

    pub(crate) async fn get(&self, path: &str, role: &str) -> (StatusCode, Value) {
        let response = self
            .request(reqwest::Method::GET, path, role)
            .send()
            .await
            .unwrap();
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    pub(crate) async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        role: &str,
        body: &Value,
    ) -> (StatusCode, Value) {
        let response = self
            .request(method, path, role)
            .json(body)
            .send()
            .await
            .unwrap();
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// The error code of a catalogued error body.
pub(crate) fn code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or("")
}

macro_rules! on_every_engine {
    ($($name:ident),* $(,)?) => {$(
        #[tokio::test(flavor = "multi_thread")]
        async fn $name() {
            for engine in kyoso_testkit::engines() {
                let app = crate::TestApp::start(engine).await;
                super::$name(&app).await;
            }
        }
    )*};
}
pub(crate) use on_every_engine;

/// What tests ask of kyoso besides the API.
pub(crate) trait KyosoForTests {
    /// The uid of the organization or person with external id `external`.
    async fn uid_of(&self, external: &str) -> Uid;
}

impl KyosoForTests for Kyoso {
    async fn uid_of(&self, external: &str) -> Uid {
        const EITHER: &[RecordKind] = &[RecordKind::Organization, RecordKind::Person];
        self.find(&Caller::Cli, EITHER, external).await.unwrap().1
    }
}
