//! [`decide`] written out for people: `docs/ACCESS.md` is [`markdown`]'s
//! output, and a test fails when the two differ. The same cases are walked
//! through the real API by the web tests (`tests/web/matrix.rs`).

use kyoso_domain::{EntityKind, Role, Uid, User, Visibility};

use crate::access::{Action, Caller, Decision, Facts, PostedBy, Resource, decide};

/// The callers of the table: one of each role, the managers of the "own"
/// organization, the member one of its people.
#[derive(Debug, Clone)]
pub struct Cast {
    pub own: Uid,
    pub other: Uid,
    /// The member's own person record.
    pub me: Uid,
    pub callers: Vec<(&'static str, Caller)>,
}

impl Cast {
    pub fn new() -> Cast {
        let (own, other, me) = (Uid::new(), Uid::new(), Uid::new());
        let user = |role, organization: Option<Uid>, person| {
            Caller::User(User {
                uid: Uid::new(),
                email: String::new(),
                role,
                organization: organization.map(|o| (1, o)),
                person,
                language: "en".into(),
            })
        };
        Cast {
            own,
            other,
            me,
            callers: vec![
                ("anonymous", Caller::Anonymous),
                ("member", user(Role::Member, Some(own), Some(me))),
                ("coordinator", user(Role::Coordinator, Some(own), None)),
                ("officer", user(Role::Officer, Some(own), None)),
                ("admin", user(Role::Admin, None, None)),
            ],
        }
    }
}

impl Default for Cast {
    fn default() -> Cast {
        Cast::new()
    }
}

/// The kinds of record the table covers, and what may be done to each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Organization,
    Tie,
    Program,
    Need,
    Offer,
    Lesson,
    Event,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Person,
        Kind::Organization,
        Kind::Tie,
        Kind::Program,
        Kind::Need,
        Kind::Offer,
        Kind::Lesson,
        Kind::Event,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Person => "People",
            Kind::Organization => "Organizations",
            Kind::Tie => "Ties",
            Kind::Program => "Programs",
            Kind::Need => "Needs",
            Kind::Offer => "Offers",
            Kind::Lesson => "Lessons learned",
            Kind::Event => "Events",
        }
    }

    /// The actions on one record of this kind, besides reading.
    pub fn actions(self) -> &'static [Action] {
        match self {
            Kind::Person
            | Kind::Organization
            | Kind::Tie
            | Kind::Offer
            | Kind::Lesson
            | Kind::Event => &[Action::Update, Action::Delete],
            Kind::Program => &[Action::Update],
            Kind::Need => &[Action::Update, Action::Move],
        }
    }

    /// A record of this kind owned by `owner` (posted or provided by it,
    /// for needs and offers), shared as `visibility`.
    pub fn record(self, uid: Uid, owner: Uid, visibility: Visibility) -> Resource {
        let facts = Facts {
            uid,
            owner: Some(owner),
            visibility,
        };
        match self {
            Kind::Person => Resource::Person(facts),
            Kind::Organization => Resource::Organization(facts),
            Kind::Tie => Resource::Tie {
                tie: facts,
                ends_readable: true,
            },
            Kind::Program => Resource::Program(facts),
            Kind::Need => Resource::Need {
                need: facts,
                posted_by: PostedBy {
                    kind: EntityKind::Organization,
                    uid: owner,
                },
            },
            Kind::Offer => Resource::Offer {
                offer: facts,
                provider: owner,
            },
            Kind::Lesson => Resource::Lesson(facts),
            Kind::Event => Resource::Event(facts),
        }
    }

    /// What creating a record of this kind for `owner` asks: a new record
    /// the caller would own, or — for needs and offers — acting for the
    /// organization that posts or provides it (a shared organization).
    pub fn creation(self, owner: Uid) -> (Action, Resource) {
        match self {
            Kind::Need | Kind::Offer => (
                Action::Update,
                Resource::Organization(Facts {
                    uid: owner,
                    owner: None,
                    visibility: Visibility::Public,
                }),
            ),
            _ => (Action::Create, Resource::NewRecord { owner: Some(owner) }),
        }
    }
}

fn action_name(action: Action) -> &'static str {
    match action {
        Action::Read => "read",
        Action::Create => "create",
        Action::Update => "update",
        Action::Delete => "delete",
        Action::Move => "move",
        Action::Answer => "answer",
        Action::Erase => "erase",
        Action::Export => "export",
    }
}

const VISIBILITIES: [Visibility; 3] =
    [Visibility::Private, Visibility::Network, Visibility::Public];

/// The table as markdown, from [`decide`] alone.
pub fn markdown() -> String {
    let cast = Cast::new();
    let mut out = String::from(HEADER);
    for kind in Kind::ALL {
        out.push_str(&format!("\n## {}\n\n", kind.name()));
        out.push_str("| caller | create for own | create for other |");
        for side in ["own", "other"] {
            for visibility in VISIBILITIES {
                out.push_str(&format!(" {side}, {visibility} |"));
            }
        }
        if kind == Kind::Person {
            out.push_str(" the member's own record |");
        }
        out.push('\n');
        let columns = 2 + 6 + usize::from(kind == Kind::Person);
        out.push_str(&format!("|---|{}\n", "---|".repeat(columns)));
        for (name, caller) in &cast.callers {
            out.push_str(&format!("| {name} |"));
            for owner in [cast.own, cast.other] {
                let (action, resource) = kind.creation(owner);
                out.push_str(&format!(" {} |", answer(decide(caller, action, &resource))));
            }
            for owner in [cast.own, cast.other] {
                for visibility in VISIBILITIES {
                    let record = kind.record(Uid::new(), owner, visibility);
                    out.push_str(&format!(" {} |", cell(caller, kind, &record)));
                }
            }
            if kind == Kind::Person {
                let own = kind.record(cast.me, cast.own, Visibility::Private);
                out.push_str(&format!(" {} |", cell(caller, kind, &own)));
            }
            out.push('\n');
        }
    }
    out.push_str(FOOTER);
    out
}

/// What a caller may do to one record: the actions allowed, or how a
/// refused read answers.
fn cell(caller: &Caller, kind: Kind, record: &Resource) -> String {
    match decide(caller, Action::Read, record) {
        Decision::Allowed => {}
        refused => return answer(refused).to_owned(),
    }
    let mut allowed = vec!["read"];
    allowed.extend(
        kind.actions()
            .iter()
            .filter(|&&action| decide(caller, action, record) == Decision::Allowed)
            .map(|&action| action_name(action)),
    );
    allowed.join(", ")
}

fn answer(decision: Decision) -> &'static str {
    match decision {
        Decision::Allowed => "yes",
        Decision::NotFound => "not found",
        Decision::Forbidden => "no",
        Decision::SignIn => "sign in",
    }
}

const HEADER: &str = "# Who may do what

This table is written by `kyoso_service::access_table::markdown` from the one
permission decision every use case asks (`kyoso_service::access::decide`);
a test fails when this file and the code differ, and another walks every
cell through the real API on SQLite and on PostgreSQL.

Callers: an *anonymous* visitor; a *member* (a person of the own
organization, signed in); a *coordinator* and an *officer* of the own
organization; an *admin* (the command line acts as one). Records belong to
the caller's own organization or to another, and are *private* (their
organization only), shared with the *network* (signed-in callers) or
*public*. A need is posted, and an offer provided, by the organization it
belongs to.

A cell lists what the caller may do to such a record. *not found*: the
record answers exactly as one that does not exist (a read, a write, a
reference to it in another record alike), so ids cannot be probed. *no*:
the caller may read it but not change it (403). *sign in*: an anonymous
caller asked to change something (401). Creating a need or an offer for an
organization one does not manage is refused as an invalid `posted_by` or
`provider` (422).
";

const FOOTER: &str = "
## Beyond this table

- **Cohorts** are read and run as their program is.
- **Participations and journeys**: read by the participant, by the managers
  of the program's organization and by the officers of the organization
  that supervises the intern now; moved by the program's managers.
- **Monitoring visits**: read and recorded by the program's managers and the
  supervising officers; not by the participant.
- **Grievances** are confidential: the trainee and the supervising officers
  raise them, the supervising officers handle them; those who run the
  program see none.
- **Matches** of a need: seen and moved by those who manage the need; the
  person proposed (or the officers of the offer's provider) may accept or
  decline an introduction.
- **Questions to the network** are shared with the network or the public,
  never private. Anyone signed in with a profile may answer; the asker, and
  the managers of the organization that keeps the asker's record, accept an
  answer or withdraw the question.
- **Audit log**: an organization's officers read its entries; admins read
  all.
- **Erasure** of a person: officers of the organization that keeps the
  record, and admins. **Export** of one's data: the person themselves.
- **Rankings** are for signed-in callers; warm paths pass only through
  records the caller may read, through an organization that is a hub only
  between ties begun within a year of each other, and through an event that
  is a hub never.
- **Hubs**: signed-in callers list the hubs they may read; only admins flag
  an organization or an event as a hub or clear the flag (a decision for the
  whole installation); a record the caller may not read is not found.
- **Ties to events**: a tie is read only by those who may read both its
  ends, the event included; a `met_at` tie naming an event the reader may
  not read is shown naming no event, and a write may name only an event
  its writer may read.
";

#[cfg(test)]
mod tests {
    #[test]
    fn docs_access_md_is_the_table() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/ACCESS.md");
        let written = super::markdown();
        if std::env::var_os("KYOSO_WRITE_DOCS").is_some() {
            std::fs::write(&path, &written).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
        let kept = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            kept == written,
            "docs/ACCESS.md is not the access table; run KYOSO_WRITE_DOCS=1 cargo test -p kyoso-service access_table"
        );
    }
}
