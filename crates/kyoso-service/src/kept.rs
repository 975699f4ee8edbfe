//! A read of the whole registry kept in memory and read again when the
//! records change: the packed network, the indexed people.
//!
//! Once `max_age` has passed since the read was last found current, the
//! next question checks in the background whether the records changed
//! ([`Store::network_version`]) and reads them again only if so, or after
//! [`Kept::RELOAD_AFTER`] regardless (for changes no mark shows).
//! Questions are answered from the last read meanwhile; only the very first
//! question waits for a read.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use kyoso_store::Store;

use crate::ServiceError;

/// Reads the whole thing from the store.
pub(crate) type Loader<T> =
    fn(Store) -> Pin<Box<dyn Future<Output = Result<T, ServiceError>> + Send>>;

pub struct Kept<T> {
    max_age: Duration,
    load: Loader<T>,
    current: std::sync::Mutex<Option<Current<T>>>,
    /// Held by whoever reads; the first questions wait on it.
    loading: tokio::sync::Mutex<()>,
    refreshing: AtomicBool,
}

struct Current<T> {
    value: Arc<T>,
    version: [i64; 4],
    loaded: Instant,
    checked: Instant,
}

impl<T> Clone for Current<T> {
    fn clone(&self) -> Self {
        Current {
            value: Arc::clone(&self.value),
            version: self.version,
            loaded: self.loaded,
            checked: self.checked,
        }
    }
}

impl<T> std::fmt::Debug for Kept<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kept")
            .field("max_age", &self.max_age)
            .finish_non_exhaustive()
    }
}

impl<T: Send + Sync + 'static> Kept<T> {
    /// A read older than this is made again even if no mark moved.
    pub const RELOAD_AFTER: Duration = Duration::from_secs(3600);

    pub(crate) fn with_loader(max_age: Duration, load: Loader<T>) -> Kept<T> {
        Kept {
            max_age,
            load,
            current: std::sync::Mutex::new(None),
            loading: tokio::sync::Mutex::new(()),
            refreshing: AtomicBool::new(false),
        }
    }

    fn current(&self) -> std::sync::MutexGuard<'_, Option<Current<T>>> {
        // A panic while holding the lock leaves only a cache behind.
        self.current.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The last read from `store`; read now if never read.
    pub async fn get(self: &Arc<Self>, store: &Store) -> Result<Arc<T>, ServiceError> {
        let known = self.current().clone();
        if let Some(current) = known {
            if current.checked.elapsed() >= self.max_age
                && !self.refreshing.swap(true, Ordering::AcqRel)
            {
                let (kept, store, known) = (Arc::clone(self), store.clone(), current.clone());
                tokio::spawn(async move {
                    let _reading = kept.loading.lock().await;
                    if let Err(error) = kept.refresh(&store, &known).await {
                        tracing::warn!(%error, "checking the records for changes failed; the last read stays");
                    }
                    kept.refreshing.store(false, Ordering::Release);
                });
            }
            return Ok(current.value);
        }
        // The read runs as a task of its own: a question given up (a client
        // gone, a request timed out) must not abandon a read that the next
        // question would then begin again.
        let (kept, store) = (Arc::clone(self), store.clone());
        tokio::spawn(async move {
            let _reading = kept.loading.lock().await;
            // Someone else may have read it while this question waited.
            if let Some(current) = kept.current().as_ref() {
                return Ok(current.value.clone());
            }
            kept.load(&store).await
        })
        .await
        .map_err(|e| ServiceError::Failed(format!("reading the records failed: {e}")))?
    }

    /// Reads again if the records changed or the read is old.
    async fn refresh(&self, store: &Store, known: &Current<T>) -> Result<(), ServiceError> {
        let version = store.network_version().await?;
        if version == known.version && known.loaded.elapsed() < Self::RELOAD_AFTER {
            if let Some(current) = self.current().as_mut() {
                current.checked = Instant::now();
            }
            return Ok(());
        }
        self.load(store).await.map(|_| ())
    }

    async fn load(&self, store: &Store) -> Result<Arc<T>, ServiceError> {
        // The mark first: a change made while reading shows at the next check.
        let version = store.network_version().await?;
        let value = Arc::new((self.load)(store.clone()).await?);
        let now = Instant::now();
        *self.current() = Some(Current {
            value: value.clone(),
            version,
            loaded: now,
            checked: now,
        });
        Ok(value)
    }
}
