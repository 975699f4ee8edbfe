use serde::Serialize;

use crate::{ExternalId, RecordRef, Timestamp, Uid};

/// A record as it arrives from a file or a form, before the store gives it
/// its place. Its identity is its `uid` when it has one, else its external id.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming<T> {
    /// Where it came from: the line in a file, 0 for a form.
    pub line: u64,
    pub uid: Option<Uid>,
    pub external_id: Option<ExternalId>,
    /// The organization whose record this is.
    pub owner: Option<RecordRef>,
    pub created_at: Option<Timestamp>,
    pub updated_at: Option<Timestamp>,
    pub record: T,
}

impl<T> Incoming<T> {
    pub fn new(record: T) -> Incoming<T> {
        Incoming {
            line: 0,
            uid: None,
            external_id: None,
            owner: None,
            created_at: None,
            updated_at: None,
            record,
        }
    }
}

/// What was wrong with one row of input, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowError {
    pub line: u64,
    /// The column or field, when the fault is in one.
    pub field: Option<String>,
    pub message: String,
}

impl RowError {
    pub fn new(line: u64, field: impl Into<String>, message: impl Into<String>) -> RowError {
        RowError {
            line,
            field: Some(field.into()),
            message: message.into(),
        }
    }

    pub fn row(line: u64, message: impl Into<String>) -> RowError {
        RowError {
            line,
            field: None,
            message: message.into(),
        }
    }
}

/// A reference to a stored record as it is shown and exported: the kyoso id,
/// and the external id where there is one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Link {
    pub uid: Uid,
    pub external_id: Option<ExternalId>,
}

impl Link {
    pub fn record_ref(&self) -> RecordRef {
        RecordRef::to_record(self.uid, self.external_id.as_ref())
    }
}

/// A record as stored: its keys, owner and times around the record itself.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stored<T> {
    /// The local key: stable within this database, used for paging.
    #[serde(skip)]
    pub id: i64,
    pub uid: Uid,
    pub external_id: Option<ExternalId>,
    pub owner: Option<Link>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(flatten)]
    pub record: T,
}

impl<T> Stored<T> {
    pub fn link(&self) -> Link {
        Link {
            uid: self.uid,
            external_id: self.external_id.clone(),
        }
    }
}
