//! Every cell of `docs/ACCESS.md` through the real API: each role × each
//! kind of record × own organization or another's × private, network or
//! public × read, list, create, update, delete and move, compared with what
//! [`decide`] says.

use kyoso_domain::{Role, Uid, User, Visibility};
use kyoso_service::access::decide;
use kyoso_service::access_table::Kind;
use kyoso_service::{Action, Caller, Decision, Resource};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{KyosoForTests, TestApp, on_every_engine};

const ROLES: [&str; 5] = ["anonymous", "member", "coordinator", "officer", "admin"];
const VISIBILITIES: [Visibility; 3] =
    [Visibility::Private, Visibility::Network, Visibility::Public];

fn path(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "/api/v1/people",
        Kind::Organization => "/api/v1/organizations",
        Kind::Tie => "/api/v1/ties",
        Kind::Program => "/api/v1/programs",
        Kind::Need => "/api/v1/needs",
        Kind::Offer => "/api/v1/offers",
        Kind::Lesson => "/api/v1/lessons",
        Kind::Event => "/api/v1/events",
    }
}

/// The world the records of the matrix live in.
struct World {
    tpa: Uid,
    aots: Uid,
    /// A public person and organization, the ends of the matrix's ties.
    person: String,
    organization: String,
}

impl World {
    fn body(&self, kind: Kind, owner: Uid, visibility: Visibility) -> Value {
        let owner_id = owner.to_string();
        match kind {
            Kind::Person => json!({
                "name_latin": "Matrix Person", "owner": owner_id, "visibility": visibility
            }),
            Kind::Organization => json!({
                "name_latin": "Matrix Organization", "org_type": "21", "owner": owner_id,
                "visibility": visibility
            }),
            Kind::Tie => json!({
                "kind": "member_of", "from_type": "person", "from": self.person,
                "to_type": "organization", "to": self.organization, "start": "2020",
                "owner": owner_id, "visibility": visibility
            }),
            Kind::Program => json!({
                "program_type": "training_in_japan", "name_latin": "Matrix Program",
                "organizer": owner_id, "owner": owner_id, "start": "2025", "visibility": visibility
            }),
            Kind::Need => json!({
                "kind": "expertise", "title": "Matrix need", "skills": ["matrix"],
                "posted_by": owner_id, "visibility": visibility
            }),
            Kind::Offer => json!({
                "kind": "technology", "title": "Matrix offer", "readiness": 7,
                "keywords": ["matrix"], "sectors": ["31120"], "countries": ["TH"],
                "seeks": ["licence"], "provider": owner_id, "visibility": visibility
            }),
            Kind::Lesson => json!({
                "title": "Matrix lesson", "language": "en", "practice": "Kaizen circles",
                "adaptation": "Held in Thai, weekly", "organization": owner_id,
                "visibility": visibility
            }),
            Kind::Event => json!({
                "name_latin": "Matrix Seminar", "kind": "seminar", "start": "2025-03-04",
                "organizer": owner_id, "owner": owner_id, "visibility": visibility
            }),
        }
    }

    /// Where the list that would show records of `kind` owned by `owner`
    /// is read.
    fn list(&self, kind: Kind, owner: Uid) -> String {
        match kind {
            Kind::Person | Kind::Organization => format!("{}?q=matrix&limit=200", path(kind)),
            Kind::Tie => format!("/api/v1/ties?end={}&limit=200", self.person),
            Kind::Program => format!("/api/v1/programs?organizer={owner}&limit=200"),
            Kind::Need | Kind::Offer => format!("{}?q=matrix&limit=200", path(kind)),
            Kind::Lesson => format!("{}?limit=500", path(kind)),
            Kind::Event => format!("{}?organizer={owner}&limit=200", path(kind)),
        }
    }
}

/// The callers the test users are, as `decide` sees them.
fn caller(app: &TestApp, role: &str, tpa: Uid) -> Caller {
    let user = |role, organization: Option<Uid>, person| {
        Caller::User(User {
            uid: Uid::new(),
            email: String::new(),
            role,
            organization: organization.map(|o| (0, o)),
            person,
            language: "en".into(),
        })
    };
    match role {
        "anonymous" => Caller::Anonymous,
        "member" => user(Role::Member, Some(tpa), Some(app.member_person)),
        "coordinator" => user(Role::Coordinator, Some(tpa), None),
        "officer" => user(Role::Officer, Some(tpa), None),
        _ => user(Role::Admin, None, None),
    }
}

/// What the service knows of a record, as the rules see it.
async fn resource(app: &TestApp, kind: Kind, id: &str) -> Resource {
    let uid = Uid::parse(id).unwrap();
    let k = &app.kyoso;
    match kind {
        Kind::Person => Resource::person(&k.person(&Caller::Cli, uid).await.unwrap()),
        Kind::Organization => {
            Resource::organization(&k.organization(&Caller::Cli, uid).await.unwrap())
        }
        Kind::Tie => Resource::tie(&k.tie(&Caller::Cli, uid).await.unwrap(), true),
        Kind::Program => Resource::program(&k.program(&Caller::Cli, uid).await.unwrap()),
        Kind::Need => Resource::need(&k.need(&Caller::Cli, uid).await.unwrap()),
        Kind::Offer => Resource::offer(&k.offer(&Caller::Cli, uid).await.unwrap()),
        Kind::Lesson => Resource::lesson(&k.lesson(&Caller::Cli, uid).await.unwrap()),
        Kind::Event => Resource::event(&k.event(&Caller::Cli, uid).await.unwrap()),
    }
}

/// The status an answer of `decide` must be given as.
fn status_of(decision: Decision, allowed: StatusCode) -> StatusCode {
    match decision {
        Decision::Allowed => allowed,
        Decision::NotFound => StatusCode::NOT_FOUND,
        Decision::Forbidden => StatusCode::FORBIDDEN,
        Decision::SignIn => StatusCode::UNAUTHORIZED,
    }
}

async fn create(
    app: &TestApp,
    world: &World,
    kind: Kind,
    owner: Uid,
    visibility: Visibility,
) -> String {
    let body = world.body(kind, owner, visibility);
    let (status, answer) = app.send(Method::POST, path(kind), "admin", &body).await;
    assert_eq!(status, StatusCode::CREATED, "{kind:?}: {answer}");
    id_of(&answer)
}

/// A record's id in an answer: `id`, or `uid` for needs and offers.
fn id_of(answer: &Value) -> String {
    answer["id"]
        .as_str()
        .or(answer["uid"].as_str())
        .unwrap_or_else(|| panic!("no id in {answer}"))
        .to_owned()
}

async fn every_cell_of_the_access_table(app: &TestApp) {
    let tpa = app.kyoso.uid_of("TPA").await;
    let aots = app.kyoso.uid_of("AOTS").await;
    let (_, person) = app
        .send(
            Method::POST,
            "/api/v1/people",
            "admin",
            &json!({"name_latin": "Matrix End", "visibility": "public"}),
        )
        .await;
    let (_, organization) = app
        .send(
            Method::POST,
            "/api/v1/organizations",
            "admin",
            &json!({"name_latin": "Matrix End Organization", "org_type": "21", "visibility": "public"}),
        )
        .await;
    let world = World {
        tpa,
        aots,
        person: id_of(&person),
        organization: id_of(&organization),
    };
    let mut cells = 0;
    for kind in Kind::ALL {
        for owner in [world.tpa, world.aots] {
            for visibility in VISIBILITIES {
                let id = create(app, &world, kind, owner, visibility).await;
                let record = resource(app, kind, &id).await;
                let body = world.body(kind, owner, visibility);
                for role in ROLES {
                    let who = caller(app, role, tpa);
                    let case = format!("{role} {kind:?} of {owner} {visibility}");
                    // Read, and the list.
                    let read = decide(&who, Action::Read, &record);
                    let (status, answer) = app.get(&format!("{}/{id}", path(kind)), role).await;
                    assert_eq!(
                        status,
                        status_of(read, StatusCode::OK),
                        "read: {case}: {answer}"
                    );
                    let (status, listed) = app.get(&world.list(kind, owner), role).await;
                    if status == StatusCode::OK {
                        let shown = listed["items"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .any(|item| id_of(item) == id);
                        assert_eq!(shown, read == Decision::Allowed, "list: {case}");
                    } else {
                        // Lists of needs and offers are for members.
                        assert_eq!(status, StatusCode::UNAUTHORIZED, "list: {case}");
                        assert_eq!(role, "anonymous", "list: {case}");
                    }
                    // Update with the same values.
                    let update = decide(&who, Action::Update, &record);
                    let (status, answer) = app
                        .send(Method::PUT, &format!("{}/{id}", path(kind)), role, &body)
                        .await;
                    assert_eq!(
                        status,
                        status_of(update, StatusCode::OK),
                        "update: {case}: {answer}"
                    );
                    // Move: close the need, and open it again.
                    if kind == Kind::Need {
                        let decided = decide(&who, Action::Move, &record);
                        let status_path = format!("/api/v1/needs/{id}/status");
                        let (status, answer) = app
                            .send(
                                Method::POST,
                                &status_path,
                                role,
                                &json!({"status": "closed"}),
                            )
                            .await;
                        assert_eq!(
                            status,
                            status_of(decided, StatusCode::OK),
                            "move: {case}: {answer}"
                        );
                        let (status, _) = app
                            .send(
                                Method::POST,
                                &status_path,
                                "admin",
                                &json!({"status": "open"}),
                            )
                            .await;
                        assert_eq!(status, StatusCode::OK);
                    }
                    // Delete a copy of its own.
                    if kind.actions().contains(&Action::Delete) {
                        let copy = create(app, &world, kind, owner, visibility).await;
                        let copied = resource(app, kind, &copy).await;
                        let decided = decide(&who, Action::Delete, &copied);
                        let (status, answer) = app
                            .send(
                                Method::DELETE,
                                &format!("{}/{copy}", path(kind)),
                                role,
                                &json!({}),
                            )
                            .await;
                        assert_eq!(
                            status,
                            status_of(decided, StatusCode::NO_CONTENT),
                            "delete: {case}: {answer}"
                        );
                    }
                    // Create one for this owner.
                    if visibility == Visibility::Network {
                        let (action, target) = match kind {
                            // Posting or providing acts for the organization.
                            Kind::Need | Kind::Offer => (
                                Action::Update,
                                resource(app, Kind::Organization, &owner.to_string()).await,
                            ),
                            _ => kind.creation(owner),
                        };
                        let decided = decide(&who, action, &target);
                        let expected = match (kind, decided) {
                            (
                                Kind::Need | Kind::Offer,
                                Decision::Forbidden | Decision::NotFound,
                            ) => StatusCode::UNPROCESSABLE_ENTITY,
                            _ => status_of(decided, StatusCode::CREATED),
                        };
                        let (status, answer) =
                            app.send(Method::POST, path(kind), role, &body).await;
                        assert_eq!(status, expected, "create: {case}: {answer}");
                    }
                    cells += 1;
                }
            }
        }
    }
    assert_eq!(
        cells,
        ROLES.len() * Kind::ALL.len() * 2 * VISIBILITIES.len()
    );
}

mod cases {
    use super::*;
    on_every_engine!(every_cell_of_the_access_table);
}
