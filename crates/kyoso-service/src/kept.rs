//! A read of the registry kept in memory and read again when the change
//! feed says the records it holds changed: the packed network, the indexed
//! people, the catalogue of needs and offers.
//!
//! The feed's follower ([`crate::feed`]) and this process's own writes call
//! [`Kept::stale`]; the next question then starts a read in the background.
//! A read that took little time last time ([`Kept::WAIT_FOR`] at most) is
//! waited for, so that a write is seen by the next question; a long one
//! (the network of a million records) is not: questions are answered from
//! the last read meanwhile. Only the very first question always waits.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use kyoso_store::Store;

use crate::ServiceError;

/// Reads the whole thing from the store.
pub(crate) type Loader<T> = Box<
    dyn Fn(Store) -> Pin<Box<dyn Future<Output = Result<T, ServiceError>> + Send>> + Send + Sync,
>;

pub struct Kept<T> {
    load: Loader<T>,
    current: std::sync::Mutex<Option<Arc<T>>>,
    /// Held by whoever reads; the first questions wait on it.
    loading: tokio::sync::Mutex<()>,
    /// Bumped each time the records changed.
    generation: AtomicU64,
    /// The generation the current read saw; watched by questions waiting
    /// for a fresh read.
    read_at: tokio::sync::watch::Sender<u64>,
    /// How long the last read took, in microseconds.
    last_took: AtomicU64,
    refreshing: AtomicBool,
}

impl<T> std::fmt::Debug for Kept<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kept")
            .field("generation", &self.generation)
            .finish_non_exhaustive()
    }
}

impl<T: Send + Sync + 'static> Kept<T> {
    /// A read quicker than this is waited for when stale.
    pub const WAIT_FOR: Duration = Duration::from_millis(250);

    pub(crate) fn with_loader(
        load: impl Fn(Store) -> Pin<Box<dyn Future<Output = Result<T, ServiceError>> + Send>>
        + Send
        + Sync
        + 'static,
    ) -> Kept<T> {
        Kept {
            load: Box::new(load),
            current: std::sync::Mutex::new(None),
            loading: tokio::sync::Mutex::new(()),
            generation: AtomicU64::new(0),
            read_at: tokio::sync::watch::Sender::new(0),
            last_took: AtomicU64::new(u64::MAX),
            refreshing: AtomicBool::new(false),
        }
    }

    fn current(&self) -> std::sync::MutexGuard<'_, Option<Arc<T>>> {
        // A panic while holding the lock leaves only a cache behind.
        self.current.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The last read, if there was one, as it stands.
    pub(crate) fn loaded(&self) -> Option<Arc<T>> {
        self.current().clone()
    }

    /// Whether a read is under way now.
    pub(crate) fn is_refreshing(&self) -> bool {
        self.refreshing.load(Ordering::Acquire)
    }

    /// The records changed: the next question reads them again.
    pub(crate) fn stale(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }

    /// How many times the records changed so far.
    pub(crate) fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// The generation the current read saw.
    pub(crate) fn read_generation(&self) -> u64 {
        *self.read_at.borrow()
    }

    fn is_stale(&self) -> bool {
        *self.read_at.borrow() != self.generation.load(Ordering::Acquire)
    }

    /// The last read from `store`; read now if never read. A stale read is
    /// read again in the background, and waited for if that is quick.
    pub(crate) async fn get(self: &Arc<Self>, store: &Store) -> Result<Arc<T>, ServiceError> {
        let known = self.current().clone();
        let Some(current) = known else {
            return self.first_read(store).await;
        };
        if !self.is_stale() {
            return Ok(current);
        }
        let wanted = self.generation.load(Ordering::Acquire);
        self.refresh_in_background(store);
        let quick = Duration::from_micros(self.last_took.load(Ordering::Acquire)) <= Self::WAIT_FOR;
        if quick {
            let mut read_at = self.read_at.subscribe();
            let fresh = read_at.wait_for(|&at| at >= wanted);
            if tokio::time::timeout(Self::WAIT_FOR * 2, fresh)
                .await
                .is_ok()
            {
                return Ok(self.current().clone().unwrap_or(current));
            }
        }
        Ok(current)
    }

    fn refresh_in_background(self: &Arc<Self>, store: &Store) {
        if self.refreshing.swap(true, Ordering::AcqRel) {
            return;
        }
        let (kept, store) = (Arc::clone(self), store.clone());
        tokio::spawn(async move {
            let _reading = kept.loading.lock().await;
            // Changes made while reading are read by the next round.
            while kept.is_stale() {
                if let Err(error) = kept.load(&store).await {
                    tracing::warn!(%error, "reading the records again failed; the last read stays");
                    break;
                }
            }
            kept.refreshing.store(false, Ordering::Release);
        });
    }

    async fn first_read(self: &Arc<Self>, store: &Store) -> Result<Arc<T>, ServiceError> {
        // The read runs as a task of its own: a question given up (a client
        // gone, a request timed out) must not abandon a read that the next
        // question would then begin again.
        let (kept, store) = (Arc::clone(self), store.clone());
        tokio::spawn(async move {
            let _reading = kept.loading.lock().await;
            // Someone else may have read it while this question waited.
            if let Some(current) = kept.current().as_ref() {
                return Ok(current.clone());
            }
            kept.load(&store).await
        })
        .await
        .map_err(|e| ServiceError::Failed(format!("reading the records failed: {e}")))?
    }

    async fn load(&self, store: &Store) -> Result<Arc<T>, ServiceError> {
        // The generation first: a change made while reading shows at the
        // next question.
        let generation = self.generation.load(Ordering::Acquire);
        let started = Instant::now();
        let value = Arc::new((self.load)(store.clone()).await?);
        *self.current() = Some(value.clone());
        let took = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
        self.last_took.store(took, Ordering::Release);
        self.read_at.send_replace(generation);
        Ok(value)
    }
}
