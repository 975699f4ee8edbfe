//! The audit log's entries: every create, update, delete and erase, with
//! who did it (by id), when, and the record before and after.

use serde::Serialize;

use crate::{Timestamp, Uid};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Create,
    Update,
    Delete,
    Erase,
}

impl AuditAction {
    pub fn as_str(&self) -> &'static str {
        match self {
            AuditAction::Create => "create",
            AuditAction::Update => "update",
            AuditAction::Delete => "delete",
            AuditAction::Erase => "erase",
        }
    }
}

/// One change, as recorded.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub at: Timestamp,
    /// Who: `user:EMAIL`, or `cli` for the command line.
    pub actor: String,
    pub action: AuditAction,
    pub table: String,
    pub record: Uid,
    /// The organization that owns the record (so that its officers see it).
    pub organization: Option<Uid>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}
