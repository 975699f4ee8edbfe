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
    Invalid(String),
}
