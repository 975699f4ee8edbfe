//! Who may read and write what: the one place kyoso's access rules live.
//!
//! - An administrator, and the command line, may do anything.
//! - Officers and coordinators read their organization's private records
//!   and what the network shares, and write their organization's records.
//! - Members read what the network shares and their own profile, and edit
//!   their own profile.
//! - Anonymous visitors read public records only, and write nothing.
//!
//! A record the caller may not read does not exist for them (not found,
//! never "forbidden"), so that ids cannot be probed.

use kyoso_domain::{Uid, Visibility};
use kyoso_store::{ReadScope, Role, User};

/// Who is asking.
#[derive(Debug, Clone)]
pub enum Caller {
    Anonymous,
    User(User),
    /// The `kyoso` command line, run by whoever runs the installation.
    Cli,
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

    /// What the caller may read, for the store to apply.
    pub fn scope(&self) -> ReadScope {
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

    pub fn can_read(&self, record: Uid, owner: Option<Uid>, visibility: Visibility) -> bool {
        self.scope().allows(record, owner, visibility)
    }

    /// May write a record owned by `owner` (a new record: the owner it
    /// would get).
    pub fn can_write(&self, owner: Option<Uid>) -> bool {
        if self.is_admin() {
            return true;
        }
        match (self.managed_organization(), owner) {
            (Some((_, mine)), Some(owner)) => mine == owner,
            _ => false,
        }
    }

    /// May edit the person `uid`: as a manager of their owner, or as that person.
    pub fn can_edit_person(&self, uid: Uid, owner: Option<Uid>) -> bool {
        self.can_write(owner) || self.user().is_some_and(|u| u.person == Some(uid))
    }

    /// May edit the organization `uid`: its owner's managers, or its own.
    pub fn can_edit_organization(&self, uid: Uid, owner: Option<Uid>) -> bool {
        self.can_write(owner)
            || self
                .managed_organization()
                .is_some_and(|(_, mine)| mine == uid)
    }

    /// May read the audit log of `organization` (of everything, if `None`).
    pub fn can_read_audit(&self, organization: Option<Uid>) -> bool {
        if self.is_admin() {
            return true;
        }
        match (self, organization) {
            (Caller::User(user), Some(org)) => {
                user.role == Role::Officer && user.organization.map(|(_, uid)| uid) == Some(org)
            }
            _ => false,
        }
    }

    /// How the audit log names the caller.
    pub fn actor(&self) -> String {
        match self {
            Caller::Anonymous => "anonymous".into(),
            Caller::Cli => "cli".into(),
            Caller::User(user) => format!("user:{}", user.email),
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

    #[test]
    fn the_access_matrix() {
        use Visibility::*;
        let (tpa, aots) = (Uid::new(), Uid::new());
        let me = Uid::new();
        let record = Uid::new();
        let officer = user(Role::Officer, Some(tpa), None);
        let coordinator = user(Role::Coordinator, Some(tpa), None);
        let member = user(Role::Member, Some(tpa), Some(me));
        let admin = user(Role::Admin, None, None);
        let anonymous = Caller::Anonymous;

        // Reads: (caller, owner, visibility) → allowed.
        let cases = [
            (&anonymous, Some(tpa), Public, true),
            (&anonymous, Some(tpa), Network, false),
            (&anonymous, Some(tpa), Private, false),
            (&member, Some(aots), Network, true),
            (&member, Some(tpa), Private, false),
            (&officer, Some(tpa), Private, true),
            (&officer, Some(aots), Private, false),
            (&coordinator, Some(tpa), Private, true),
            (&coordinator, Some(aots), Private, false),
            (&admin, Some(aots), Private, true),
        ];
        for (caller, owner, visibility, allowed) in cases {
            assert_eq!(
                caller.can_read(record, owner, visibility),
                allowed,
                "{caller:?} {visibility:?}"
            );
        }
        assert!(
            member.can_read(me, Some(tpa), Private),
            "a member reads their own profile"
        );

        // Writes.
        assert!(officer.can_write(Some(tpa)));
        assert!(!officer.can_write(Some(aots)));
        assert!(!officer.can_write(None));
        assert!(!member.can_write(Some(tpa)));
        assert!(member.can_edit_person(me, Some(tpa)));
        assert!(!member.can_edit_person(record, Some(tpa)));
        assert!(!anonymous.can_write(Some(tpa)));
        assert!(admin.can_write(None));
        assert!(officer.can_edit_organization(tpa, Some(aots)));

        // The audit log.
        assert!(officer.can_read_audit(Some(tpa)));
        assert!(!officer.can_read_audit(Some(aots)));
        assert!(!officer.can_read_audit(None));
        assert!(!coordinator.can_read_audit(Some(tpa)));
        assert!(admin.can_read_audit(None));
    }
}
