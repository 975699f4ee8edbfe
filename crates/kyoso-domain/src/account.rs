//! Accounts: who signs in, and what they may do.

use serde::Serialize;

use crate::Uid;

/// What a user may do, widest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The whole installation.
    Admin,
    /// Their organization's records, and its audit log.
    Officer,
    /// Their organization's records.
    Coordinator,
    /// Their own profile, and what the network may see.
    Member,
}

impl Role {
    pub fn as_str(&self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Officer => "officer",
            Role::Coordinator => "coordinator",
            Role::Member => "member",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "admin" => Some(Role::Admin),
            "officer" => Some(Role::Officer),
            "coordinator" => Some(Role::Coordinator),
            "member" => Some(Role::Member),
            _ => None,
        }
    }
}

/// A signed-in user as the rest of kyoso sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub uid: Uid,
    pub email: String,
    pub role: Role,
    /// The organization they act for: (local key, uid).
    pub organization: Option<(i64, Uid)>,
    /// Their own person record, if they have one.
    pub person: Option<Uid>,
    pub language: String,
}
