//! The follower of the change feed: what kyoso keeps in memory (the network,
//! the people matching ranks, the catalogue of needs and offers) learns of
//! every write from the `changes` sequence the store appends to in each
//! write's transaction.
//!
//! A write through this process wakes the follower at once; writes of other
//! processes wake it through PostgreSQL's `LISTEN` or SQLite's
//! `data_version` (every 100 ms); a timer wakes it every second regardless.
//! Entries are applied in sequence order. A gap (a number handed out to a
//! transaction that has not committed yet) is waited for, not skipped, for
//! up to [`GAP_WAIT`]: after that the transaction is taken as rolled back.

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::{Duration, Instant};

use kyoso_domain::Uid;
use kyoso_store::Change;

use crate::Kyoso;

/// How long a gap in the sequence is waited for.
pub(crate) const GAP_WAIT: Duration = Duration::from_secs(5);
/// The longest the follower sleeps without a wake-up.
const TICK: Duration = Duration::from_secs(1);
/// Entries read at a time.
const BATCH: i64 = 10_000;

/// Where the follower stands, and how to wake it.
#[derive(Debug, Default)]
pub(crate) struct Feed {
    /// The last entry applied.
    pub(crate) applied: AtomicI64,
    /// Entries this process applied as it wrote them: the follower passes
    /// them over.
    applied_here: std::sync::Mutex<HashSet<i64>>,
    wake: tokio::sync::Notify,
    started: AtomicBool,
    /// Set when kyoso closes: the follower and the watcher stop.
    closed: AtomicBool,
    /// The watcher, awaited at close: its connection must be closed before
    /// the database's last one is (SQLite checkpoints its log then).
    watcher: std::sync::Mutex<Option<tokio::task::JoinHandle<()>>>,
}

/// What a batch of entries changed, by read model.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Changed {
    /// People, organizations or ties: the network.
    pub(crate) network: bool,
    /// People whose matching profile may have changed; all of them if
    /// `all_people`.
    pub(crate) people: BTreeSet<Uid>,
    pub(crate) all_people: bool,
    /// Ties (their ends' countries may count for matching).
    pub(crate) ties: BTreeSet<Uid>,
    /// Matches (their people's track records move).
    pub(crate) matches: BTreeSet<Uid>,
    /// Needs, offers, matches, programs, cohorts, participations: the
    /// catalogue.
    pub(crate) catalogue: bool,
    /// Lessons or questions, many at once: search reads them all again.
    pub(crate) knowledge: bool,
    /// Records search updates one by one: (table, record).
    pub(crate) searched: BTreeSet<(String, Uid)>,
}

impl Changed {
    pub(crate) fn of(changes: &[Change]) -> Changed {
        let mut changed = Changed::default();
        for change in changes {
            match change.table.as_str() {
                "people" => {
                    changed.network = true;
                    match change.record {
                        Some(uid) => {
                            changed.people.insert(uid);
                        }
                        None => changed.all_people = true,
                    }
                }
                "organizations" | "events" => changed.network = true,
                "ties" => {
                    changed.network = true;
                    match change.record {
                        Some(uid) => {
                            changed.ties.insert(uid);
                        }
                        None => changed.all_people = true,
                    }
                }
                "matches" => {
                    changed.catalogue = true;
                    match change.record {
                        Some(uid) => {
                            changed.matches.insert(uid);
                        }
                        None => changed.all_people = true,
                    }
                }
                "needs" | "offers" | "programs" | "cohorts" | "participations" | "outcomes" => {
                    changed.catalogue = true
                }
                // Search follows lessons and questions record by record; an
                // answer is recorded on its question as well.
                "lessons" | "questions" => match change.record {
                    Some(uid) => {
                        changed.searched.insert((change.table.clone(), uid));
                    }
                    None => changed.knowledge = true,
                },
                _ => {}
            }
        }
        changed
    }

    fn is_empty(&self) -> bool {
        *self == Changed::default()
    }
}

impl Feed {
    /// Wakes the follower: this process has just written.
    pub(crate) fn written(&self) {
        self.wake.notify_one();
    }

    /// Entries this process has applied already.
    fn applied_here(&self) -> std::sync::MutexGuard<'_, HashSet<i64>> {
        self.applied_here.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Stops the follower and the watcher, and waits for the watcher to
    /// let go of its connection.
    pub(crate) async fn close(&self) {
        self.closed.store(true, Ordering::Release);
        self.wake.notify_one();
        let watcher = self
            .watcher
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(watcher) = watcher {
            let _ = tokio::time::timeout(std::time::Duration::from_secs(2), watcher).await;
        }
    }

    fn is_closed(&self) -> bool {
        self.closed.load(Ordering::Acquire)
    }
}

impl Kyoso {
    /// Starts following the feed (once), from its current end: what is
    /// already in the store is what the read models will read.
    pub(crate) fn follow_feed(&self) {
        if tokio::runtime::Handle::try_current().is_err() {
            return;
        }
        if self.feed.started.swap(true, Ordering::AcqRel) {
            return;
        }
        let kyoso = self.clone();
        {
            let watcher = kyoso.clone();
            let handle = tokio::spawn(async move {
                let feed = Arc::clone(&watcher.feed);
                let result = watcher
                    .store
                    .watch_writes(|| feed.wake.notify_one(), || !feed.is_closed())
                    .await;
                if let Err(error) = result {
                    tracing::warn!(%error, "watching for other processes' writes stopped");
                }
            });
            *self.feed.watcher.lock().unwrap_or_else(|e| e.into_inner()) = Some(handle);
            tokio::spawn(async move {
                match kyoso.store.last_change().await {
                    Ok(last) => kyoso.feed.applied.store(last, Ordering::Release),
                    Err(error) => tracing::warn!(%error, "reading the change feed failed"),
                }
                kyoso.follow().await;
            });
        }
    }

    /// Applies what this process has just committed, before the follower
    /// would: the writer's next question sees its write.
    pub(crate) async fn apply_written(&self, changes: &[Change]) {
        {
            let applied = self.feed.applied.load(Ordering::Acquire);
            let mut here = self.feed.applied_here();
            here.retain(|&seq| seq > applied);
            here.extend(changes.iter().map(|c| c.seq).filter(|&seq| seq > applied));
        }
        self.apply(changes).await;
        self.feed.written();
    }

    async fn follow(self) {
        let mut gap_since: Option<Instant> = None;
        loop {
            let _ = tokio::time::timeout(TICK, self.feed.wake.notified()).await;
            if self.feed.is_closed() {
                return;
            }
            match self.catch_up(&mut gap_since).await {
                Ok(()) => {}
                Err(error) => tracing::warn!(%error, "following the change feed failed"),
            }
        }
    }

    /// Applies every entry after the last applied, in order, up to a gap.
    async fn catch_up(&self, gap_since: &mut Option<Instant>) -> Result<(), crate::ServiceError> {
        loop {
            let applied = self.feed.applied.load(Ordering::Acquire);
            let entries = self.store.changes_after(applied, BATCH).await?;
            let Some(first) = entries.first() else {
                return Ok(());
            };
            let (ready, waiting) = contiguous(applied, &entries);
            if ready.is_empty() {
                // The next number has not committed: wait for it, a while,
                // if a transaction that may hold it is still open.
                let since = *gap_since.get_or_insert_with(Instant::now);
                if since.elapsed() < GAP_WAIT && self.store.gap_may_fill().await? {
                    return Ok(());
                }
                tracing::debug!(
                    seq = applied + 1,
                    "a gap in the change feed was not filled (a write rolled back); going on"
                );
                *gap_since = None;
                self.apply(std::slice::from_ref(first)).await;
                self.feed.applied.store(first.seq, Ordering::Release);
                continue;
            }
            *gap_since = None;
            let last = ready.last().map_or(applied, |c| c.seq);
            let ready: Vec<Change> = {
                let mut here = self.feed.applied_here();
                ready
                    .iter()
                    .filter(|c| !here.remove(&c.seq))
                    .cloned()
                    .collect()
            };
            self.apply(&ready).await;
            self.feed.applied.store(last, Ordering::Release);
            if waiting || entries.len() < BATCH as usize {
                return Ok(());
            }
        }
    }

    /// Tells each read model what changed.
    async fn apply(&self, entries: &[Change]) {
        let changed = Changed::of(entries);
        if changed.is_empty() {
            return;
        }
        if changed.network {
            self.network.stale();
        }
        if changed.network
            || changed.catalogue
            || changed.knowledge
            || !changed.people.is_empty()
            || changed.all_people
        {
            self.search.stale();
        }
        if changed.catalogue {
            self.catalogue.stale();
        }
        if !changed.searched.is_empty() {
            self.follow_in_search(&changed.searched).await;
        }
        let some_people =
            !changed.people.is_empty() || !changed.ties.is_empty() || !changed.matches.is_empty();
        if changed.all_people {
            self.matching.stale();
        } else if some_people && let Err(error) = self.refresh_people(&changed).await {
            tracing::warn!(%error, "reading changed people failed; all are read again");
            self.matching.stale();
        }
    }

    /// Reads again the people whose matching profile `changed` touched.
    async fn refresh_people(&self, changed: &Changed) -> Result<(), crate::ServiceError> {
        let mut people: Vec<Uid> = changed.people.iter().copied().collect();
        let ties: Vec<Uid> = changed.ties.iter().copied().collect();
        let (ends, all_found) = self.store.people_tied_by(&ties).await?;
        if !all_found {
            // A deleted tie's ends are not known any more.
            self.matching.stale();
            return Ok(());
        }
        people.extend(ends);
        let matches: Vec<Uid> = changed.matches.iter().copied().collect();
        people.extend(self.store.people_matched_in(&matches).await?);
        people.sort();
        people.dedup();
        // The catalogue was marked stale with the matches: read afresh.
        let catalogue = self.catalogue.get(&self.store).await?;
        self.matching
            .refresh(&self.store, &people, &catalogue.records)
            .await
    }
}

/// The entries that follow `applied` without a gap, and whether a gap
/// holds the rest back.
fn contiguous(applied: i64, entries: &[Change]) -> (&[Change], bool) {
    match (applied + 1..)
        .zip(entries)
        .position(|(expected, entry)| entry.seq != expected)
    {
        Some(at) => (&entries[..at], true),
        None => (entries, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(seq: i64, table: &str) -> Change {
        Change {
            seq,
            table: table.into(),
            record: Some(Uid::new()),
        }
    }

    #[test]
    fn a_gap_holds_back_what_follows_it() {
        let entries = [change(4, "people"), change(5, "ties"), change(7, "needs")];
        let (ready, waiting) = contiguous(3, &entries);
        assert_eq!(ready.len(), 2);
        assert!(waiting);
        let (ready, waiting) = contiguous(2, &entries);
        assert!(ready.is_empty() && waiting, "3 has not committed yet");
        let (ready, waiting) = contiguous(3, &entries[..2]);
        assert_eq!((ready.len(), waiting), (2, false));
    }

    #[test]
    fn changes_reach_the_models_that_keep_them() {
        let person = change(1, "people");
        let changed = Changed::of(&[person.clone(), change(2, "offers")]);
        assert!(changed.network && changed.catalogue && !changed.all_people);
        assert!(changed.people.contains(&person.record.unwrap()));
        let import = Change {
            seq: 3,
            table: "people".into(),
            record: None,
        };
        assert!(Changed::of(&[import]).all_people);
        assert!(Changed::of(&[change(4, "audit_log")]).is_empty());
    }
}
