//! `Kyoso`: the one way into kyoso's use cases. It owns the store, the read
//! models kept in memory and the clock; every use case is a method that
//! takes the `Caller` it acts for. The web application and the command
//! line hold a `Kyoso` and call nothing else.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use kyoso_domain::BulkSummary;
use kyoso_store::{BulkWriter, Store};

use kyoso_domain::{CheckReport, RecordKind, RecordRef, Uid};

use crate::feed::Feed;
use crate::matching::{CatalogueCache, MatchingCache, catalogue_cache};
use crate::network::{DEFAULT_HUB_TIES, NetworkCache};
use crate::{Caller, ServiceError};

/// kyoso's use cases over one database.
#[derive(Debug, Clone)]
pub struct Kyoso {
    pub(crate) store: Store,
    /// The network as analytics and matching see it.
    pub(crate) network: Arc<NetworkCache>,
    /// The people matching ranks, indexed.
    pub(crate) matching: Arc<MatchingCache>,
    /// Needs, offers, open cohorts, matches and track records.
    pub(crate) catalogue: Arc<CatalogueCache>,
    /// Every record, indexed for search.
    pub(crate) search: Arc<crate::search::SearchCache>,
    /// Where the read models stand in the change feed.
    pub(crate) feed: Arc<Feed>,
    pub(crate) clock: Clock,
    /// How many member, alumni and attendance ties make an organization a
    /// hub, as the network is next read.
    hub_ties: Arc<AtomicUsize>,
}

/// Where "today" comes from: the system's clock, or a fixed day (tests,
/// replaying a past state).
#[derive(Debug, Clone, Copy, Default)]
pub enum Clock {
    #[default]
    System,
    Fixed(time::Date),
}

impl Clock {
    pub fn today(&self) -> time::Date {
        match self {
            Clock::System => time::OffsetDateTime::now_utc().date(),
            Clock::Fixed(day) => *day,
        }
    }
}

impl Kyoso {
    /// Opens (and migrates) the database at `url`: `sqlite://FILE` or
    /// `postgres://...`.
    pub async fn open(url: &str) -> Result<Kyoso, ServiceError> {
        Ok(Kyoso::over(Store::open(url).await?))
    }

    pub(crate) fn over(store: Store) -> Kyoso {
        let hub_ties = Arc::new(AtomicUsize::new(DEFAULT_HUB_TIES));
        let kyoso = Kyoso {
            store,
            network: Arc::new(NetworkCache::new(Arc::clone(&hub_ties))),
            hub_ties,
            matching: Arc::new(MatchingCache::new()),
            catalogue: Arc::new(catalogue_cache()),
            search: Arc::new(crate::search::search_cache()),
            feed: Arc::default(),
            clock: Clock::System,
        };
        kyoso.follow_feed();
        kyoso
    }

    /// Commits a write, and tells the read models of this process at once.
    pub(crate) async fn commit(&self, writer: BulkWriter) -> Result<BulkSummary, ServiceError> {
        let (summary, changes) = writer.commit_recorded().await?;
        self.apply_written(&changes).await;
        Ok(summary)
    }

    /// The same kyoso, taking organizations with more than `ties` member,
    /// alumni and attendance ties as hubs (see `kyoso_network::hubs`).
    pub fn with_hub_ties(self, ties: usize) -> Kyoso {
        self.set_hub_ties(ties);
        self
    }

    pub(crate) fn set_hub_ties(&self, ties: usize) {
        if self.hub_ties.swap(ties, Ordering::AcqRel) != ties {
            self.network.stale();
        }
    }

    /// The same kyoso, with `clock` for "today".
    pub fn with_clock(mut self, clock: Clock) -> Kyoso {
        self.clock = clock;
        self
    }

    pub fn today(&self) -> time::Date {
        self.clock.today()
    }

    /// Closes the database's connections, letting work in progress finish.
    pub async fn close(&self) {
        self.feed.close().await;
        self.store.close().await;
    }

    /// Checks the database: the engine's own check, foreign keys, the
    /// registry's rules, and every record read back. Administrators only.
    pub async fn check(&self, caller: &Caller) -> Result<CheckReport, ServiceError> {
        if !caller.is_admin() {
            return Err(ServiceError::Forbidden);
        }
        Ok(self.store.check().await?)
    }

    /// Whether any account exists yet.
    pub async fn has_users(&self) -> Result<bool, ServiceError> {
        Ok(self.store.user_count().await? > 0)
    }

    /// The record `reference` (an external id or an id) names, of one of
    /// `kinds`, if `caller` may read it; refused as the reference of a write
    /// would be.
    pub async fn find(
        &self,
        caller: &Caller,
        kinds: &'static [RecordKind],
        reference: &str,
    ) -> Result<(RecordKind, Uid), ServiceError> {
        let key = RecordRef::parse(reference).map_err(|e| ServiceError::Invalid {
            field: None,
            message: e.to_string(),
        })?;
        for &kind in kinds {
            if let Some(uid) = self.find_readable(caller, kind, &key).await? {
                return Ok((kind, uid));
            }
        }
        let kinds: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
        Err(ServiceError::Invalid {
            field: None,
            message: format!(
                "no {} has the external id or id \"{reference}\"",
                kinds.join(" or ")
            ),
        })
    }
}

/// What reading the kept read models took: the network, and the people
/// matching ranks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WarmUp {
    pub records: usize,
    pub ties: usize,
    pub people_indexed: usize,
    pub network: std::time::Duration,
    pub people: std::time::Duration,
}

impl Kyoso {
    /// Reads the read models kept in memory now, rather than at the first
    /// question that needs them; says what that took.
    pub async fn warm_up(&self) -> Result<WarmUp, ServiceError> {
        let started = std::time::Instant::now();
        let network = self.network.get(&self.store).await?;
        let network_took = started.elapsed();
        let started = std::time::Instant::now();
        let people = self.matching.get(&self.store).await?;
        Ok(WarmUp {
            records: network.node_count(),
            ties: network.tie_count(),
            people_indexed: people.len(),
            network: network_took,
            people: started.elapsed(),
        })
    }
}

/// A database URL with its password hidden, for messages and logs.
pub fn redact_url(url: &str) -> String {
    kyoso_store::redact(url)
}
