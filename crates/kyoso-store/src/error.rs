use thiserror::Error;

/// What went wrong in the store. Database errors keep their cause for the
/// log; callers show users the message, never the SQL.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("cannot open the database at {url}")]
    Connect {
        url: String,
        #[source]
        source: sqlx::Error,
    },
    #[error("unsupported database URL {0}: use sqlite://FILE or postgres://...")]
    UnsupportedUrl(String),
    #[error("the database schema could not be brought up to date")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error")]
    Database(#[from] sqlx::Error),
    /// From the direct SQLite path of bulk writes.
    #[error("database error")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{what} not found")]
    NotFound { what: &'static str },
    #[error("{0}")]
    Conflict(String),
    /// A record was refused; `field` names the part at fault.
    #[error("{}{message}", field.as_deref().map(|f| format!("{f}: ")).unwrap_or_default())]
    Invalid {
        field: Option<String>,
        message: String,
    },
    /// A value read back from the database broke a domain rule: the
    /// database was changed behind kyoso's back, or is damaged.
    #[error("damaged record in {table} (id {id}): {field}: {message}")]
    Damaged {
        table: &'static str,
        id: i64,
        field: &'static str,
        message: String,
    },
}

impl StoreError {
    /// Whether the database refused the write because a unique key is taken.
    pub fn is_unique_violation(&self) -> bool {
        match self {
            StoreError::Database(sqlx::Error::Database(err)) => err.is_unique_violation(),
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(err, _)) => {
                err.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                    || err.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
            }
            _ => false,
        }
    }
}
