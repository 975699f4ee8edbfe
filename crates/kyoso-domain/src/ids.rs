use std::cell::Cell;
use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::text::string_newtype;
use crate::{Text, ValueError};

/// The stable, globally unique id every record carries, beside any local key,
/// so that records can move between kyoso installations without colliding.
/// New records get a UUIDv7 (time-ordered); a record whose identity follows
/// from its content (a tie without an id of its own) gets a UUIDv5 of it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Uid(Uuid);

impl Uid {
    /// The namespace of kyoso's name-based ids.
    const NAMESPACE: Uuid = Uuid::from_u128(0x6b79_6f73_6f00_4e00_8000_0000_0000_0001);

    pub fn new() -> Uid {
        // The random part comes from a per-thread generator seeded once from
        // the system's random source: ids are made by the million in bulk
        // loads, and a system call for each one would dominate the cost.
        thread_local! {
            static STATE: Cell<u64> = Cell::new(u64::from_le_bytes(
                Uuid::now_v7().as_bytes()[8..].try_into().unwrap_or([7; 8]),
            ));
        }
        let random = STATE.with(|state| {
            let next = || {
                let s = state.get().wrapping_add(0x9E37_79B9_7F4A_7C15);
                state.set(s);
                let mut z = s;
                z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                z ^ (z >> 31)
            };
            let mut bytes = [0; 10];
            bytes[..8].copy_from_slice(&next().to_le_bytes());
            bytes[8..].copy_from_slice(&next().to_le_bytes()[..2]);
            bytes
        });
        let millis = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        Uid(uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid())
    }

    /// The same `name` always gives the same id, in every installation.
    pub fn from_name(name: &str) -> Uid {
        Uid(Uuid::new_v5(&Uid::NAMESPACE, name.as_bytes()))
    }

    pub fn parse(input: &str) -> Result<Uid, ValueError> {
        Uuid::try_parse(input.trim())
            .map(Uid)
            .map_err(|_| ValueError::invalid(input, "a kyoso id (a UUID)"))
    }

    pub fn from_uuid(uuid: Uuid) -> Uid {
        Uid(uuid)
    }

    pub fn uuid(&self) -> Uuid {
        self.0
    }

    pub fn from_bytes(bytes: [u8; 16]) -> Uid {
        Uid(Uuid::from_bytes(bytes))
    }

    pub fn as_bytes(&self) -> &[u8; 16] {
        self.0.as_bytes()
    }
}

impl Default for Uid {
    fn default() -> Self {
        Uid::new()
    }
}

impl fmt::Display for Uid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0.hyphenated(), f)
    }
}

impl fmt::Debug for Uid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Uid({})", self.0.hyphenated())
    }
}

/// The id a record has in the system it was imported from (a member number,
/// a trainee number). Importing a row with a known external id updates that
/// record instead of adding another.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ExternalId(String);
string_newtype!(ExternalId);

impl ExternalId {
    pub const MAX_CHARS: usize = 128;

    pub fn parse(input: &str) -> Result<ExternalId, ValueError> {
        let text = Text::line(input, ExternalId::MAX_CHARS)?;
        Ok(ExternalId(text.as_str().to_owned()))
    }
}

/// How a file refers to another record: by its external id, or, for a record
/// that has none, by its kyoso id. The external id is tried first.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct RecordRef(String);
string_newtype!(RecordRef);

impl RecordRef {
    pub fn parse(input: &str) -> Result<RecordRef, ValueError> {
        ExternalId::parse(input).map(|id| RecordRef(id.0))
    }

    /// The reference a record is exported under.
    pub fn to_record(uid: Uid, external_id: Option<&ExternalId>) -> RecordRef {
        match external_id {
            Some(id) => RecordRef(id.0.clone()),
            None => RecordRef(uid.to_string()),
        }
    }

    /// The kyoso id this reference spells, if it spells one.
    pub fn as_uid(&self) -> Option<Uid> {
        Uid::parse(&self.0).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(
        clippy::disallowed_methods,
        reason = "a plain test, with no runtime to block"
    )]
    fn new_ids_are_time_ordered_and_name_ids_are_stable() {
        let a = Uid::new();
        std::thread::sleep(std::time::Duration::from_millis(2));
        let b = Uid::new();
        assert!(a < b);
        assert_eq!(a.uuid().get_version_num(), 7);
        let many: std::collections::HashSet<Uid> = (0..10_000).map(|_| Uid::new()).collect();
        assert_eq!(many.len(), 10_000);
        assert_eq!(Uid::from_name("tie:x"), Uid::from_name("tie:x"));
        assert_ne!(Uid::from_name("tie:x"), Uid::from_name("tie:y"));
        assert_eq!(Uid::parse(&a.to_string()).unwrap(), a);
    }

    #[test]
    fn external_ids_are_trimmed_lines() {
        assert_eq!(ExternalId::parse(" AOTS-1 ").unwrap().as_str(), "AOTS-1");
        assert!(ExternalId::parse("").is_err());
        assert!(ExternalId::parse(&"x".repeat(129)).is_err());
    }
}
