//! kyoso's storage: one API over embedded SQLite (the default) and
//! PostgreSQL, chosen by the database URL.
//!
//! Only this crate knows SQL. Each query is written once where the SQL can be
//! portable and compiled for both engines by the `dispatch!` macro;
//! engine-specific code is kept to what needs it: bulk loading (batched
//! multi-row inserts on SQLite, `COPY` on PostgreSQL) and integrity checks.
//! Migrations are embedded, forward-only, one directory per engine, paired by
//! name.
//!
//! Values go in through `value::Value` (one encoding per engine) and come
//! out through typed row structs, converted back into domain types and
//! checked on the way, so that a damaged database is reported, not trusted.

mod accounts;
mod aftercare;
mod audit;
mod bulk;
mod changes;
mod check;
mod directory;
mod erasure;
mod error;
mod knowledge;
mod matching;
mod network;

mod postgres;
mod programs;
mod query;
mod read;
mod registry;
mod sqlite;
mod table;
mod trail;
#[cfg(any(test, feature = "test-support"))]
mod unaudited;
mod value;

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

pub use accounts::{Credentials, NewUser, TOKEN_CACHE, TokenInfo};

pub use bulk::{BulkOptions, BulkWriter, PreparedPeople, Use};
pub use changes::Change;
pub use directory::ReadScope;
pub use error::StoreError;
pub use programs::{Found, ImpliedTie, NewParticipation};

pub use knowledge::LessonFilter;
pub use matching::{MatchingPerson, OpenCohort, TrackRecord};
pub use network::{NetworkSnapshot, NodeNames, SnapshotNode, SnapshotTie};
pub use table::Table;

/// The database engines kyoso runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Engine {
    Sqlite,
    Postgres,
}

#[derive(Debug, Clone)]
pub(crate) enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs the same code against whichever pool the store holds; the body is
/// compiled once per engine, so each query is type-checked for both.
macro_rules! dispatch {
    ($store:expr, $pool:ident => $body:expr) => {
        match &$store.pool {
            $crate::Pool::Sqlite($pool) => $body,
            $crate::Pool::Postgres($pool) => $body,
        }
    };
}
pub(crate) use dispatch;

/// A handle on the database. Cheap to clone; clones share one pool.
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) pool: Pool,
    pub(crate) tokens: std::sync::Arc<accounts::TokenCache>,
    /// Reads by key on the calling thread, for a SQLite file.
    pub(crate) fast_reads: Option<crate::sqlite::fast_read::FastReads>,
    /// For loads of many rows that find every record they refer to
    /// themselves, on a SQLite file: a connection that does not check
    /// foreign keys again row by row (see `BulkOptions::many_rows`).
    pub(crate) unchecked_loads: Option<SqlitePool>,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

impl Store {
    /// Opens the database at `url` and brings its schema up to date.
    ///
    /// `sqlite://kyoso.db` (created if missing), `sqlite::memory:`, or
    /// `postgres://user@host/database`.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        let store = Store::connect(url).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Opens the database without touching its schema.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        let connect_error = |source| StoreError::Connect {
            url: redact(url),
            source,
        };
        let mut fast_reads = None;
        let mut unchecked_loads = None;
        let pool = if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)
                .map_err(connect_error)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .foreign_keys(true)
                // FULL: a commit that returned is on disk, even if the
                // machine loses power right after.
                .synchronous(SqliteSynchronous::Full)
                .busy_timeout(Duration::from_secs(10))
                .pragma("temp_store", "memory")
                // Reads come from the kernel's page cache through a map
                // instead of being copied into every connection's cache.
                .pragma(
                    "mmap_size",
                    crate::sqlite::fast_read::MMAP_BYTES.to_string(),
                )
                .page_size(16384);
            let path = options.get_filename().to_owned();
            // An in-memory database exists once per connection: keep one.
            // Otherwise a few: SQLite writes one at a time, and every extra
            // connection is a thread the cores switch between.
            let max = if url.contains(":memory:") { 1 } else { 4 };
            let pool = Pool::Sqlite(
                SqlitePoolOptions::new()
                    .max_connections(max)
                    .connect_with(options.clone())
                    .await
                    .map_err(connect_error)?,
            );
            fast_reads = crate::sqlite::fast_read::FastReads::for_file(&path);
            if fast_reads.is_some() {
                unchecked_loads = Some(
                    SqlitePoolOptions::new()
                        .max_connections(1)
                        .connect_lazy_with(options.foreign_keys(false)),
                );
            }
            pool
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let options = PgConnectOptions::from_str(url).map_err(connect_error)?;
            Pool::Postgres(
                PgPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(30))
                    .connect_with(options)
                    .await
                    .map_err(connect_error)?,
            )
        } else {
            return Err(StoreError::UnsupportedUrl(redact(url)));
        };
        Ok(Store {
            pool,
            tokens: Default::default(),
            fast_reads,
            unchecked_loads,
        })
    }

    pub fn engine(&self) -> Engine {
        match self.pool {
            Pool::Sqlite(_) => Engine::Sqlite,
            Pool::Postgres(_) => Engine::Postgres,
        }
    }

    /// Applies the migrations this build knows and the database lacks.
    /// Returns how many were applied.
    pub async fn migrate(&self) -> Result<usize, StoreError> {
        let before = self.applied_migrations().await?;
        match &self.pool {
            Pool::Sqlite(pool) => SQLITE_MIGRATIONS.run(pool).await?,
            Pool::Postgres(pool) => POSTGRES_MIGRATIONS.run(pool).await?,
        }
        let after = self.applied_migrations().await?;
        Ok(after.saturating_sub(before))
    }

    async fn applied_migrations(&self) -> Result<usize, StoreError> {
        let exists: bool = dispatch!(self, pool => {
            let sql = match self.engine() {
                Engine::Sqlite => "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = '_sqlx_migrations')",
                Engine::Postgres => "SELECT to_regclass('_sqlx_migrations') IS NOT NULL",
            };
            sqlx::query_scalar(sql).fetch_one(pool).await?
        });
        if !exists {
            return Ok(0);
        }
        let count: i64 = dispatch!(self, pool => {
            sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations WHERE success")
                .fetch_one(pool)
                .await?
        });
        Ok(usize::try_from(count).unwrap_or(0))
    }

    pub async fn close(&self) {
        if let Some(unchecked) = &self.unchecked_loads {
            unchecked.close().await;
        }
        dispatch!(self, pool => pool.close().await);
    }
}

/// A database URL with any password replaced, fit for messages and logs.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((userinfo, host)) = rest.split_once('@') else {
        return url.to_owned();
    };
    match userinfo.split_once(':') {
        Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact("postgres://kyoso:s3cret@db.example.org/kyoso"),
            "postgres://kyoso:***@db.example.org/kyoso"
        );
        assert_eq!(
            redact("postgres://postgres@127.0.0.1/test"),
            "postgres://postgres@127.0.0.1/test"
        );
        assert_eq!(redact("sqlite://kyoso.db"), "sqlite://kyoso.db");
    }
}
