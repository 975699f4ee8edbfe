//! Who may read and do what: every permission decision kyoso makes is
//! [`decide`]`(caller, action, resource)`, in this module, and nowhere else.
//! `docs/ACCESS.md` is this table written out for people.
//!
//! - An administrator, and the command line, may do anything.
//! - Officers and coordinators read their organization's private records
//!   and what the network shares, and write their organization's records.
//!   Officers also read its audit log, handle the grievances of the interns
//!   it supervises, and carry out erasures of the people it keeps.
//! - Members read what the network shares and their own profile, and edit
//!   their own profile.
//! - Anonymous visitors read public records only, and write nothing.
//!
//! The rule for every resource: a record that does not exist and a record
//! the caller may not read get the same answer (not found), so that ids
//! cannot be probed; a record the caller may read but not change or move
//! is forbidden. Anonymous callers asking to change anything are asked to
//! sign in, whatever they name.

use kyoso_domain::{
    EntityKind, Event, Link, Organization, Person, Program, Stored, Tie, Uid, Visibility,
};
use kyoso_domain::{Role, StoredLesson, StoredNeed, StoredOffer, StoredQuestion, User};
use kyoso_store::ReadScope;

use crate::ServiceError;

/// Who is asking.
#[derive(Debug, Clone)]
pub enum Caller {
    Anonymous,
    User(User),
    /// The `kyoso` command line, run by whoever runs the installation.
    Cli,
}

/// What the caller wants to do with a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Read,
    /// Add a record under the resource: a new record owned by an
    /// organization, a cohort or participant in a program, a visit or an
    /// outcome under a participation, a match for a need.
    Create,
    Update,
    Delete,
    /// Move it along its lifecycle: a journey, a need's status, a match.
    Move,
    /// Accept or decline an introduction, as the candidate.
    Answer,
    /// Remove a person's personal data for good.
    Erase,
    /// Read everything kept about a person, to hand it to them.
    Export,
}

impl Action {
    pub const ALL: [Action; 8] = [
        Action::Read,
        Action::Create,
        Action::Update,
        Action::Delete,
        Action::Move,
        Action::Answer,
        Action::Erase,
        Action::Export,
    ];
}

/// What the rules look at of one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    pub uid: Uid,
    /// The organization whose officers and coordinators manage it.
    pub owner: Option<Uid>,
    pub visibility: Visibility,
}

/// Who posted a need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostedBy {
    pub kind: EntityKind,
    pub uid: Uid,
}

/// The resources the rules know, each with the facts its decisions need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resource {
    Person(Facts),
    Organization(Facts),
    /// A tie, and whether the caller may read both of its ends.
    Tie {
        tie: Facts,
        ends_readable: bool,
    },
    /// A new record the caller would own: a person, an organization, a
    /// tie, a program, an offer (`owner` is the owner it would get).
    NewRecord {
        owner: Option<Uid>,
    },
    Program(Facts),
    /// A cohort: it is read and run as its program is.
    Cohort {
        program: Facts,
    },
    /// A participation in `program` of `person`, whose technical intern
    /// training is supervised now (latest placement) by `supervising`.
    Participation {
        program: Facts,
        person: Uid,
        supervising: Option<Uid>,
    },
    /// The monitoring visits of a participation (see [`Resource::Participation`]).
    Visits {
        program: Facts,
        person: Uid,
        supervising: Option<Uid>,
    },
    /// A confidential grievance of `person`, handled by `supervising`.
    Grievance {
        person: Uid,
        supervising: Uid,
    },
    Need {
        need: Facts,
        posted_by: PostedBy,
    },
    /// An offer by `provider`.
    Offer {
        offer: Facts,
        provider: Uid,
    },
    /// A match of a need; `candidate` is the person proposed, or the
    /// provider of the offer proposed (none for a course).
    Match {
        need: Facts,
        posted_by: PostedBy,
        candidate: Option<(EntityKind, Uid)>,
    },
    /// A lesson learned, kept by its owner's officers and coordinators.
    Lesson(Facts),
    /// An event of the network, kept by its owner's officers and
    /// coordinators.
    Event(Facts),
    /// A question to the network asked by `asker`; answering it is
    /// creating under it, accepting an answer is moving it.
    Question {
        question: Facts,
        asker: Uid,
    },
    /// The audit log of an organization (of everything, if none).
    AuditLog {
        organization: Option<Uid>,
    },
    /// Deadlines of every need, swept for the whole installation.
    Installation,
}

impl Facts {
    fn of<T>(stored: &Stored<T>, visibility: Visibility) -> Facts {
        Facts {
            uid: stored.uid,
            owner: stored.owner.as_ref().map(|o| o.uid),
            visibility,
        }
    }
}

impl Resource {
    pub fn person(person: &Stored<Person>) -> Resource {
        Resource::Person(Facts::of(person, person.record.visibility))
    }

    pub fn organization(org: &Stored<Organization<Link>>) -> Resource {
        Resource::Organization(Facts::of(org, org.record.visibility))
    }

    /// A tie; `ends_readable`: whether the caller may read both ends (true
    /// of every tie the service handed them).
    pub fn tie(tie: &Stored<Tie<Link>>, ends_readable: bool) -> Resource {
        Resource::Tie {
            tie: Facts::of(tie, tie.record.visibility),
            ends_readable,
        }
    }

    pub fn event(event: &Stored<Event<Link>>) -> Resource {
        Resource::Event(Facts::of(event, event.record.visibility))
    }

    pub fn program(program: &Stored<Program<Link>>) -> Resource {
        Resource::Program(Facts::of(program, program.record.visibility))
    }

    pub fn need(need: &StoredNeed) -> Resource {
        Resource::Need {
            need: Facts {
                uid: need.uid,
                owner: need.owner,
                visibility: need.need.visibility,
            },
            posted_by: PostedBy {
                kind: need.need.posted_by.kind,
                uid: need.need.posted_by.uid,
            },
        }
    }

    pub fn lesson(lesson: &StoredLesson) -> Resource {
        Resource::Lesson(Facts {
            uid: lesson.uid,
            owner: lesson.owner,
            visibility: lesson.lesson.visibility,
        })
    }

    pub fn question(question: &StoredQuestion) -> Resource {
        Resource::Question {
            question: Facts {
                uid: question.uid,
                owner: question.owner,
                visibility: question.visibility,
            },
            asker: question.asked_by,
        }
    }

    pub fn offer(offer: &StoredOffer) -> Resource {
        Resource::Offer {
            offer: Facts {
                uid: offer.uid,
                owner: offer.owner,
                visibility: offer.offer.visibility,
            },
            provider: offer.offer.provider,
        }
    }
}

/// What [`decide`] says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    /// Answered exactly as a record that does not exist.
    NotFound,
    /// The caller may read it, but not do this.
    Forbidden,
    /// An anonymous caller asked to change something: sign in first.
    SignIn,
}

/// The one permission decision: may `caller` do `action` to `resource`?
pub fn decide(caller: &Caller, action: Action, resource: &Resource) -> Decision {
    if caller.is_admin() {
        return Decision::Allowed;
    }
    if action != Action::Read && matches!(caller, Caller::Anonymous) {
        return Decision::SignIn;
    }
    if !may_read(caller, resource) {
        return Decision::NotFound;
    }
    // Reading what one may see is allowed, but for the visits of a
    // participation (its participant sees it, not the visits to their
    // host) and an audit log (its officers read it).
    let allowed = match (action, resource) {
        (Action::Read, Resource::Visits { .. } | Resource::AuditLog { .. }) => {
            may(caller, action, resource)
        }
        (Action::Read, _) => true,
        _ => may(caller, action, resource),
    };
    if allowed {
        Decision::Allowed
    } else {
        Decision::Forbidden
    }
}

/// [`decide`] as the service answers: `Ok`, or the error to return.
/// `what` names the resource in a not-found answer.
pub fn require(
    caller: &Caller,
    action: Action,
    resource: &Resource,
    what: &'static str,
) -> Result<(), ServiceError> {
    match decide(caller, action, resource) {
        Decision::Allowed => Ok(()),
        Decision::NotFound => Err(ServiceError::NotFound(what)),
        Decision::Forbidden => Err(ServiceError::Forbidden),
        Decision::SignIn => Err(ServiceError::Unauthenticated),
    }
}

/// Whether the caller may read `resource` at all.
fn may_read(caller: &Caller, resource: &Resource) -> bool {
    let scope = caller.scope();
    let sees = |f: &Facts| scope.allows(f.uid, f.owner, f.visibility);
    match resource {
        Resource::Person(f) | Resource::Program(f) => sees(f),
        Resource::Organization(f) => sees(f) || caller.manages(Some(f.uid)),
        Resource::Tie { tie, ends_readable } => sees(tie) && *ends_readable,
        Resource::NewRecord { .. } | Resource::Installation => true,
        Resource::Cohort { program } => sees(program),
        Resource::Participation {
            program,
            person,
            supervising,
        }
        | Resource::Visits {
            program,
            person,
            supervising,
        } => {
            caller.is_person(*person)
                || caller.manages(program.owner)
                || supervising.is_some_and(|s| caller.is_officer_of(s))
        }
        Resource::Grievance {
            person,
            supervising,
        } => caller.is_person(*person) || caller.is_officer_of(*supervising),
        Resource::Need { need, posted_by } => sees(need) || caller.manages_need(need, posted_by),
        Resource::Offer { offer, provider } => {
            sees(offer) || caller.manages_offer(offer, *provider)
        }
        Resource::Lesson(f) | Resource::Event(f) => sees(f) || caller.manages(f.owner),
        Resource::Question { question, asker } => {
            sees(question) || caller.is_person(*asker) || caller.manages(question.owner)
        }
        Resource::Match {
            need,
            posted_by,
            candidate,
        } => caller.manages_need(need, posted_by) || caller.is_candidate(*candidate),
        // That an organization keeps an audit log is no secret; who may
        // read it is the question (`may`).
        Resource::AuditLog { .. } => true,
    }
}

/// Whether a caller who may read `resource` may also do `action` to it.
fn may(caller: &Caller, action: Action, resource: &Resource) -> bool {
    use Action::*;
    match (resource, action) {
        (Resource::Person(f), Update) => caller.manages(f.owner) || caller.is_person(f.uid),
        (Resource::Person(f), Delete) => caller.manages(f.owner),
        (Resource::Person(f), Erase) => f.owner.is_some_and(|o| caller.is_officer_of(o)),
        (Resource::Person(f), Export) => caller.is_person(f.uid),
        (Resource::Organization(f), Update) => {
            caller.manages(f.owner) || caller.manages(Some(f.uid))
        }
        (Resource::Organization(f), Delete) => caller.manages(f.owner),
        (Resource::Tie { tie, .. }, Update | Delete) => caller.manages(tie.owner),
        (Resource::NewRecord { owner }, Create) => caller.manages(*owner),
        (Resource::Program(f), Update | Create) | (Resource::Cohort { program: f }, Create) => {
            caller.manages(f.owner)
        }
        (Resource::Participation { program, .. }, Move | Create) => caller.manages(program.owner),
        (
            Resource::Visits {
                program,
                supervising,
                ..
            },
            Read | Create,
        ) => caller.manages(program.owner) || supervising.is_some_and(|s| caller.is_officer_of(s)),
        // Raising a grievance: the trainee, or the supervising officers on
        // their behalf (those who run the program see none).
        (
            Resource::Grievance {
                person,
                supervising,
            },
            Create | Update,
        ) => caller.is_person(*person) || caller.is_officer_of(*supervising),
        (Resource::Grievance { supervising, .. }, Move) => caller.is_officer_of(*supervising),
        (Resource::Need { need, posted_by }, Update | Move | Create) => {
            caller.manages_need(need, posted_by)
        }
        (Resource::Offer { offer, provider }, Update | Delete) => {
            caller.manages_offer(offer, *provider)
        }
        (
            Resource::Match {
                need, posted_by, ..
            },
            Move,
        ) => caller.manages_need(need, posted_by),
        (Resource::Match { candidate, .. }, Answer) => caller.is_candidate(*candidate),
        (Resource::Lesson(f) | Resource::Event(f), Update | Delete) => caller.manages(f.owner),
        // Anyone signed in with a profile may answer; the asker, and the
        // managers of their record, accept an answer or withdraw the
        // question.
        (Resource::Question { .. }, Create) => caller.user().is_some_and(|u| u.person.is_some()),
        (Resource::Question { question, asker }, Move | Delete) => {
            caller.is_person(*asker) || caller.manages(question.owner)
        }
        (Resource::AuditLog { organization }, Read) => {
            organization.is_some_and(|org| caller.is_officer_of(org))
        }
        _ => false,
    }
}

impl Caller {
    pub fn user(&self) -> Option<&User> {
        match self {
            Caller::User(user) => Some(user),
            _ => None,
        }
    }

    pub fn is_admin(&self) -> bool {
        match self {
            Caller::Cli => true,
            Caller::User(user) => user.role == Role::Admin,
            Caller::Anonymous => false,
        }
    }

    /// The organization whose records the caller manages, if any.
    pub fn managed_organization(&self) -> Option<(i64, Uid)> {
        match self {
            Caller::User(user) if matches!(user.role, Role::Officer | Role::Coordinator) => {
                user.organization
            }
            _ => None,
        }
    }

    /// What the caller may read, for the store to apply: the read rule of
    /// people, organizations, ties, programs, needs and offers, as SQL.
    /// A test holds it to [`decide`].
    pub(crate) fn scope(&self) -> ReadScope {
        match self {
            Caller::Anonymous => ReadScope::default(),
            Caller::Cli => ReadScope {
                everything: true,
                ..ReadScope::default()
            },
            Caller::User(user) => ReadScope {
                everything: user.role == Role::Admin,
                network: true,
                organization: self.managed_organization(),
                person: user.person,
            },
        }
    }

    /// The organization whose officer the caller is: the supervising
    /// organization whose grievances they handle.
    pub fn officer_of(&self) -> Option<Uid> {
        self.user()
            .filter(|u| u.role == Role::Officer)
            .and_then(|u| u.organization.map(|(_, org)| org))
    }

    /// Whether [`decide`] allows the caller `action` on `resource`: what
    /// pages ask to choose which buttons to show.
    pub fn may(&self, action: Action, resource: &Resource) -> bool {
        decide(self, action, resource) == Decision::Allowed
    }

    /// Whether the caller may create records of their own organization
    /// (admins: of any).
    pub fn may_create_records(&self) -> bool {
        self.may(
            Action::Create,
            &Resource::NewRecord {
                owner: self.managed_organization().map(|(_, org)| org),
            },
        )
    }

    /// The audit log the caller reads: everything for an administrator,
    /// their organization's for an officer.
    pub fn audit_log(&self) -> Resource {
        Resource::AuditLog {
            organization: if self.is_admin() {
                None
            } else {
                self.user().and_then(|u| u.organization).map(|(_, org)| org)
            },
        }
    }

    /// Whether the caller manages records owned by `owner`: an admin, or
    /// an officer or coordinator of that organization.
    fn manages(&self, owner: Option<Uid>) -> bool {
        self.is_admin()
            || matches!((self.managed_organization(), owner), (Some((_, mine)), Some(owner)) if mine == owner)
    }

    /// Whether the caller is an officer of `organization` (coordinators and
    /// members are not).
    fn is_officer_of(&self, organization: Uid) -> bool {
        self.officer_of() == Some(organization)
    }

    fn is_person(&self, person: Uid) -> bool {
        self.user().is_some_and(|u| u.person == Some(person))
    }

    /// A need is managed by its poster (the person, or the organization's
    /// officers and coordinators) and by its owner's.
    fn manages_need(&self, need: &Facts, posted_by: &PostedBy) -> bool {
        self.manages(need.owner)
            || match posted_by.kind {
                EntityKind::Person => self.is_person(posted_by.uid),
                EntityKind::Organization => self.manages(Some(posted_by.uid)),
                EntityKind::Event => false,
            }
    }

    fn manages_offer(&self, offer: &Facts, provider: Uid) -> bool {
        self.manages(offer.owner) || self.manages(Some(provider))
    }

    fn is_candidate(&self, candidate: Option<(EntityKind, Uid)>) -> bool {
        match candidate {
            Some((EntityKind::Person, person)) => self.is_person(person),
            Some((EntityKind::Organization, provider)) => self.manages(Some(provider)),
            Some((EntityKind::Event, _)) | None => false,
        }
    }

    /// How the audit log and every trail name the caller: by id only, so
    /// that no trail holds personal data (see docs/DATA-PROTECTION.md).
    pub fn actor(&self) -> String {
        match self {
            Caller::Anonymous => "anonymous".into(),
            Caller::Cli => "cli".into(),
            Caller::User(user) => format!("user:{}", user.uid),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role, org: Option<Uid>, person: Option<Uid>) -> Caller {
        Caller::User(User {
            uid: Uid::new(),
            email: "x@example.org".into(),
            role,
            organization: org.map(|o| (1, o)),
            person,
            language: "en".into(),
        })
    }

    fn facts(owner: Option<Uid>, visibility: Visibility) -> Facts {
        Facts {
            uid: Uid::new(),
            owner,
            visibility,
        }
    }

    /// The SQL scope the store applies is the read rule of `decide`, for
    /// every kind of caller, owner and visibility.
    #[test]
    fn the_store_scope_is_the_read_rule() {
        let (tpa, aots) = (Uid::new(), Uid::new());
        let me = Uid::new();
        let callers = [
            Caller::Anonymous,
            Caller::Cli,
            user(Role::Admin, None, None),
            user(Role::Officer, Some(tpa), None),
            user(Role::Coordinator, Some(tpa), None),
            user(Role::Member, Some(tpa), Some(me)),
            user(Role::Member, None, None),
        ];
        for caller in &callers {
            for owner in [None, Some(tpa), Some(aots)] {
                for visibility in [Visibility::Private, Visibility::Network, Visibility::Public] {
                    for uid in [me, Uid::new()] {
                        let f = Facts {
                            uid,
                            owner,
                            visibility,
                        };
                        let sql = caller.scope().allows(uid, owner, visibility);
                        for resource in [Resource::Person(f), Resource::Program(f)] {
                            let decided = decide(caller, Action::Read, &resource);
                            assert_eq!(
                                decided == Decision::Allowed,
                                sql,
                                "{caller:?} {resource:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_access_matrix() {
        use Visibility::*;
        let (tpa, aots) = (Uid::new(), Uid::new());
        let me = Uid::new();
        let officer = user(Role::Officer, Some(tpa), None);
        let coordinator = user(Role::Coordinator, Some(tpa), None);
        let member = user(Role::Member, Some(tpa), Some(me));
        let admin = user(Role::Admin, None, None);
        let anonymous = Caller::Anonymous;

        let read = |caller: &Caller, owner, visibility| {
            decide(
                caller,
                Action::Read,
                &Resource::Person(facts(owner, visibility)),
            )
        };
        assert_eq!(read(&anonymous, Some(tpa), Public), Decision::Allowed);
        assert_eq!(read(&anonymous, Some(tpa), Network), Decision::NotFound);
        assert_eq!(read(&member, Some(aots), Network), Decision::Allowed);
        assert_eq!(read(&member, Some(tpa), Private), Decision::NotFound);
        assert_eq!(read(&officer, Some(tpa), Private), Decision::Allowed);
        assert_eq!(read(&officer, Some(aots), Private), Decision::NotFound);
        assert_eq!(read(&coordinator, Some(tpa), Private), Decision::Allowed);
        assert_eq!(read(&admin, Some(aots), Private), Decision::Allowed);
        let own = Resource::Person(Facts {
            uid: me,
            owner: Some(tpa),
            visibility: Private,
        });
        assert_eq!(decide(&member, Action::Read, &own), Decision::Allowed);
        assert_eq!(decide(&member, Action::Update, &own), Decision::Allowed);
        assert_eq!(decide(&member, Action::Export, &own), Decision::Allowed);
        assert_eq!(decide(&member, Action::Erase, &own), Decision::Forbidden);

        // Readable but not theirs: forbidden; unreadable: not found.
        let aots_shared = Resource::Person(facts(Some(aots), Network));
        let aots_private = Resource::Person(facts(Some(aots), Private));
        assert_eq!(
            decide(&officer, Action::Delete, &aots_shared),
            Decision::Forbidden
        );
        assert_eq!(
            decide(&officer, Action::Delete, &aots_private),
            Decision::NotFound
        );
        assert_eq!(
            decide(&officer, Action::Erase, &aots_private),
            Decision::NotFound
        );
        assert_eq!(
            decide(&anonymous, Action::Delete, &aots_private),
            Decision::SignIn
        );
        let tpa_person = Resource::Person(facts(Some(tpa), Private));
        assert_eq!(
            decide(&officer, Action::Erase, &tpa_person),
            Decision::Allowed
        );
        assert_eq!(
            decide(&coordinator, Action::Erase, &tpa_person),
            Decision::Forbidden
        );

        // New records belong to the caller's organization.
        let new = |owner| Resource::NewRecord { owner };
        assert_eq!(
            decide(&officer, Action::Create, &new(Some(tpa))),
            Decision::Allowed
        );
        assert_eq!(
            decide(&officer, Action::Create, &new(Some(aots))),
            Decision::Forbidden
        );
        assert_eq!(
            decide(&member, Action::Create, &new(Some(tpa))),
            Decision::Forbidden
        );
        assert_eq!(
            decide(&admin, Action::Create, &new(None)),
            Decision::Allowed
        );
        // An organization is edited by its owner's managers and its own.
        let tpa_itself = Resource::Organization(Facts {
            uid: tpa,
            owner: Some(aots),
            visibility: Private,
        });
        assert_eq!(
            decide(&officer, Action::Update, &tpa_itself),
            Decision::Allowed
        );

        // The audit log: officers of the organization, and admins.
        let log = |organization| Resource::AuditLog { organization };
        assert_eq!(
            decide(&officer, Action::Read, &log(Some(tpa))),
            Decision::Allowed
        );
        assert_eq!(
            decide(&officer, Action::Read, &log(Some(aots))),
            Decision::Forbidden
        );
        assert_eq!(
            decide(&coordinator, Action::Read, &log(Some(tpa))),
            Decision::Forbidden
        );
        assert_eq!(decide(&admin, Action::Read, &log(None)), Decision::Allowed);
    }

    #[test]
    fn participations_visits_and_grievances() {
        let (tpa, aots, union) = (Uid::new(), Uid::new(), Uid::new());
        let trainee = Uid::new();
        let runner = user(Role::Coordinator, Some(tpa), None);
        let supervisor = user(Role::Officer, Some(union), None);
        let supervisor_coordinator = user(Role::Coordinator, Some(union), None);
        let stranger = user(Role::Officer, Some(aots), None);
        let intern = user(Role::Member, None, Some(trainee));
        let program = facts(Some(tpa), Visibility::Network);
        let participation = Resource::Participation {
            program,
            person: trainee,
            supervising: Some(union),
        };
        let visits = Resource::Visits {
            program,
            person: trainee,
            supervising: Some(union),
        };
        let grievance = Resource::Grievance {
            person: trainee,
            supervising: union,
        };
        use Action::*;
        use Decision::*;
        for (caller, on_participation, on_visits, raise, handle) in [
            (
                &runner,
                [Allowed, Allowed],
                [Allowed, Allowed],
                NotFound,
                NotFound,
            ),
            (
                &supervisor,
                [Allowed, Forbidden],
                [Allowed, Allowed],
                Allowed,
                Allowed,
            ),
            (
                &supervisor_coordinator,
                [NotFound, NotFound],
                [NotFound, NotFound],
                NotFound,
                NotFound,
            ),
            (
                &stranger,
                [NotFound, NotFound],
                [NotFound, NotFound],
                NotFound,
                NotFound,
            ),
            (
                &intern,
                [Allowed, Forbidden],
                [Forbidden, Forbidden],
                Allowed,
                Forbidden,
            ),
        ] {
            assert_eq!(
                [Read, Move].map(|a| decide(caller, a, &participation)),
                on_participation,
                "{caller:?}"
            );
            assert_eq!(
                [Read, Create].map(|a| decide(caller, a, &visits)),
                on_visits,
                "{caller:?}"
            );
            assert_eq!(decide(caller, Create, &grievance), raise, "{caller:?}");
            assert_eq!(decide(caller, Move, &grievance), handle, "{caller:?}");
        }
    }
}
