use std::path::PathBuf;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum ServiceError {
    #[error(transparent)]
    Store(#[from] kyoso_store::StoreError),
    // The cause is part of the message, not a source, so that it is shown once.
    #[error("{path}: {error}")]
    Read {
        path: PathBuf,
        error: kyoso_exchange::ReadError,
    },
    #[error("{path}: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{0}")]
    Failed(String),
    /// A value was refused; `field` names it.
    #[error("{}{message}", field.as_deref().map(|f| format!("{f}: ")).unwrap_or_default())]
    Invalid {
        field: Option<String>,
        message: String,
    },
    /// There is no such record, or the caller may not see it.
    #[error("{0} not found")]
    NotFound(&'static str),
    /// The caller may see the record but not do this to it.
    #[error("not allowed")]
    Forbidden,
    /// Signing in failed, or a session or token is not valid.
    #[error("not signed in")]
    Unauthenticated,
    #[error("{0}")]
    Conflict(String),
}
