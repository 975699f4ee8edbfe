//! Point reads on a SQLite file through a connection of the calling
//! thread's own, without a hop to sqlx's worker thread.
//!
//! A read by key takes microseconds in SQLite; handing it to another thread
//! and back costs many times that. Here the read runs where it is asked for
//! (a web request's thread), on a read-only connection that thread keeps.
//! Only for reads by key: anything that may take long goes through sqlx.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use kyoso_domain::Uid;
use rusqlite::{OpenFlags, OptionalExtension};
use sqlx::types::Json;

use crate::StoreError;
use crate::read::{self, PersonRow};
use crate::value::DbTime;

thread_local! {
    static CONNECTIONS: RefCell<HashMap<PathBuf, rusqlite::Connection>> = RefCell::new(HashMap::new());
}

/// Connections a thread keeps at most (one per database file it reads).
const PER_THREAD: usize = 8;

/// How much of the database file a read connection maps into memory.
pub(crate) const MMAP_BYTES: i64 = 1 << 30;

#[derive(Debug, Clone)]
pub(crate) struct FastReads {
    path: PathBuf,
}

impl FastReads {
    /// For a SQLite database in a file; `None` for memory databases.
    pub(crate) fn for_file(path: &Path) -> Option<FastReads> {
        let text = path.to_string_lossy();
        if text.is_empty() || text.contains(":memory:") {
            return None;
        }
        let path = std::fs::canonicalize(path).ok()?;
        Some(FastReads { path })
    }

    pub(crate) fn with<T, E>(
        &self,
        read: impl FnOnce(&rusqlite::Connection) -> Result<T, E>,
    ) -> Result<T, StoreError>
    where
        StoreError: From<E>,
    {
        CONNECTIONS.with(|cell| {
            let mut connections = cell.borrow_mut();
            if !connections.contains_key(&self.path) {
                if connections.len() >= PER_THREAD {
                    connections.clear();
                }
                let conn = rusqlite::Connection::open_with_flags(
                    &self.path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                conn.busy_timeout(Duration::from_secs(5))?;
                // Pages read through a memory map are not copied into each
                // connection's own cache; the kernel's page cache serves
                // every thread at once.
                conn.pragma_update(None, "mmap_size", MMAP_BYTES)?;
                connections.insert(self.path.clone(), conn);
            }
            let conn = connections
                .get(&self.path)
                .ok_or_else(|| StoreError::NotFound { what: "connection" })?;
            Ok(read(conn)?)
        })
    }

    pub(crate) fn person(&self, uid: Uid) -> Result<Option<PersonRow>, StoreError> {
        self.with(|conn| {
            let mut statement = conn.prepare_cached(&read::PERSON_BY_UID)?;
            statement
                .query_row([uid.as_bytes().as_slice()], |row| {
                    let json = |i: usize| -> rusqlite::Result<Json<serde_json::Value>> {
                        let text: String = row.get(i)?;
                        serde_json::from_str(&text).map(Json).map_err(|e| {
                            rusqlite::Error::FromSqlConversionFailure(
                                i,
                                rusqlite::types::Type::Text,
                                Box::new(e),
                            )
                        })
                    };
                    let uuid = |i: usize| -> rusqlite::Result<Option<uuid::Uuid>> {
                        let bytes: Option<Vec<u8>> = row.get(i)?;
                        Ok(bytes.and_then(|b| uuid::Uuid::from_slice(&b).ok()))
                    };
                    let time = |i: usize| -> rusqlite::Result<DbTime> {
                        let micros: i64 = row.get(i)?;
                        kyoso_domain::Timestamp::from_unix_micros(micros)
                            .map(DbTime)
                            .ok_or(rusqlite::Error::IntegralValueOutOfRange(i, micros))
                    };
                    Ok(PersonRow {
                        id: row.get(0)?,
                        uid: uuid(1)?.unwrap_or_default(),
                        external_id: row.get(2)?,
                        owner_uid: uuid(3)?,
                        owner_external_id: row.get(4)?,
                        name_native: row.get(5)?,
                        name_latin: row.get(6)?,
                        name_japanese: row.get(7)?,
                        gender: row.get(8)?,
                        residence: row.get(9)?,
                        nationality: row.get(10)?,
                        languages: json(11)?,
                        skills: json(12)?,
                        sectors: json(13)?,
                        available_mentoring: row.get(14)?,
                        available_dispatch: row.get(15)?,
                        email: row.get(16)?,
                        phone: row.get(17)?,
                        bio: row.get(18)?,
                        consent_processing: row.get(19)?,
                        consent_contact: row.get(20)?,
                        consent_public_listing: row.get(21)?,
                        visibility: row.get(22)?,
                        created_at: time(23)?,
                        updated_at: time(24)?,
                        available_from: row.get(25)?,
                        experience_countries: json(26)?,
                        available_training: row.get(27)?,
                    })
                })
                .optional()
        })
    }
}
