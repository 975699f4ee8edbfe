//! Writing many rows in one transaction: imports, the demo network, and
//! (with a batch of one) every single-record save.
//!
//! The writer resolves references (owners, parents, the ends of ties) to
//! local keys, matches rows to existing records by uid or external id, and
//! writes in the fastest way each engine offers: multi-row `INSERT` on
//! SQLite, `COPY` on PostgreSQL. Into an empty table it can drop the
//! secondary indexes and rebuild them at the end, which is several times
//! faster than maintaining them row by row.
//!
//! Nothing is visible to others until [`BulkWriter::commit`]; a writer that
//! is dropped, or meets a row error, rolls everything back.

use kyoso_domain::BulkSummary;
use std::collections::{HashMap, HashSet};

use kyoso_domain::{
    EntityKind, Event, ExternalId, Incoming, Link, Organization, Person, RecordRef, RowError, Tie,
    Timestamp, Uid,
};
use sqlx::{AssertSqlSafe, Postgres, Sqlite, Transaction};
use uuid::Uuid;

use crate::registry::{RowMeta, event_values, organization_values, person_values, tie_values};
use crate::table::Key;
use crate::value::Value;
use crate::{Engine, Pool, Store, StoreError, Table};

/// References looked up per query.
const REFS_PER_QUERY: usize = 500;
/// A reference cache is emptied when it grows past this many entries.
const REF_CACHE_LIMIT: usize = 1_000_000;

#[derive(Debug, Clone, Copy, Default)]
pub struct BulkOptions {
    /// When the table is empty, drop its secondary indexes for the load and
    /// rebuild them at commit. Only for writers that load many rows.
    pub fast_empty_load: bool,
    /// Many rows go into tables that hold rows already: a large page
    /// cache keeps the indexes they touch in memory. On a SQLite file the
    /// writer's connection does not check foreign keys, so the caller must
    /// find every record its rows refer to (in this transaction, which
    /// holds the write lock) and must not rely on cascading deletes.
    pub many_rows: bool,
}

pub(crate) enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
    /// Committed or rolled back; only `Drop` sees it.
    Ended,
}

impl Tx {
    fn engine(&self) -> Engine {
        match self {
            Tx::Sqlite(_) | Tx::Ended => Engine::Sqlite,
            Tx::Postgres(_) => Engine::Postgres,
        }
    }
}

impl std::fmt::Debug for Tx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Tx::Sqlite(_) => "Tx::Sqlite",
            Tx::Postgres(_) => "Tx::Postgres",
            Tx::Ended => "Tx::Ended",
        })
    }
}

/// Runs the same code on whichever transaction the writer holds.
macro_rules! on_tx {
    ($tx:expr, $conn:ident => $body:expr) => {
        match $tx {
            $crate::bulk::Tx::Sqlite($conn) => $body,
            $crate::bulk::Tx::Postgres($conn) => $body,
            $crate::bulk::Tx::Ended => unreachable!("a bulk writer is used after it ended"),
        }
    };
}
pub(crate) use on_tx;

/// Rows of another table that name a record and keep it from going.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Use {
    pub table: String,
    /// The column that names it: `organizer_id`.
    pub column: String,
    pub count: i64,
}

impl std::fmt::Display for Use {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let role = self.column.trim_end_matches("_id").replace('_', " ");
        let table = self.table.replace('_', " ");
        write!(f, "{} in {table} (as {role})", self.count)
    }
}

/// A referenced record, found.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Resolved {
    id: i64,
    link: Link,
}

impl PartialOrd for Resolved {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Resolved {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.link.uid.cmp(&other.link.uid)
    }
}

/// References to one table already looked up in this transaction, found or not.
#[derive(Debug)]
struct RefCache {
    table: Table,
    entries: HashMap<String, Option<Resolved>>,
}

impl RefCache {
    fn new(table: Table) -> RefCache {
        RefCache {
            table,
            entries: HashMap::new(),
        }
    }

    fn get(&self, reference: &RecordRef) -> Option<&Resolved> {
        self.entries
            .get(reference.as_str())
            .and_then(Option::as_ref)
    }

    /// Looks up the references not yet known: by external id first, then,
    /// for those that spell one, by uid.
    async fn resolve<'a>(
        &mut self,
        tx: &mut Tx,
        references: impl Iterator<Item = &'a RecordRef>,
    ) -> Result<(), StoreError> {
        let mut missing: Vec<&str> = references
            .map(RecordRef::as_str)
            .filter(|r| !self.entries.contains_key(*r))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        if missing.is_empty() {
            return Ok(());
        }
        if self.entries.len() + missing.len() > REF_CACHE_LIMIT {
            self.entries.clear();
        }
        let engine = tx.engine();
        let select = format!("SELECT id, uid, external_id FROM {}", self.table);
        for chunk in missing.chunks(REFS_PER_QUERY) {
            let sql = format!(
                "{select} WHERE external_id IN ({})",
                placeholders(engine, chunk.len())
            );
            let rows: Vec<(i64, Uuid, Option<String>)> = on_tx!(tx, conn => {
                let mut query = sqlx::query_as(AssertSqlSafe(sql));
                for reference in chunk {
                    query = query.bind(*reference);
                }
                query.fetch_all(&mut **conn).await?
            });
            self.insert_found(rows, |_, external_id| external_id.map(str::to_owned));
        }
        let by_uid: Vec<Uuid> = missing
            .iter()
            .filter(|r| !self.entries.contains_key(**r))
            .filter_map(|r| Uid::parse(r).ok())
            .map(|uid| uid.uuid())
            .collect();
        for chunk in by_uid.chunks(REFS_PER_QUERY) {
            let sql = format!(
                "{select} WHERE uid IN ({})",
                placeholders(engine, chunk.len())
            );
            let rows: Vec<(i64, Uuid, Option<String>)> = on_tx!(tx, conn => {
                let mut query = sqlx::query_as(AssertSqlSafe(sql));
                for uid in chunk {
                    query = query.bind(*uid);
                }
                query.fetch_all(&mut **conn).await?
            });
            self.insert_found(rows, |uid, _| Some(uid.to_string()));
        }
        for reference in missing {
            self.entries.entry(reference.to_owned()).or_insert(None);
        }
        Ok(())
    }

    fn insert_found(
        &mut self,
        rows: Vec<(i64, Uuid, Option<String>)>,
        key: impl Fn(Uid, Option<&str>) -> Option<String>,
    ) {
        for (id, uid, external_id) in rows {
            let uid = Uid::from_uuid(uid);
            let Some(key) = key(uid, external_id.as_deref()) else {
                continue;
            };
            let link = Link {
                uid,
                external_id: external_id.and_then(|e| ExternalId::parse(&e).ok()),
            };
            self.entries.insert(key, Some(Resolved { id, link }));
        }
    }

    /// Fills the cache with every record of the table, under its external id
    /// (or, for a record without one, its uid): one scan instead of a lookup
    /// per batch, for large loads whose references point at records already
    /// written. A reference in the other form is still looked up.
    async fn preload(&mut self, tx: &mut Tx) -> Result<(), StoreError> {
        let sql = format!("SELECT id, uid, external_id FROM {}", self.table);
        let rows: Vec<(i64, Uuid, Option<String>)> = on_tx!(tx, conn => {
            sqlx::query_as(AssertSqlSafe(sql)).fetch_all(&mut **conn).await?
        });
        self.entries.clear();
        self.entries.reserve(rows.len());
        self.insert_found(rows, |uid, external_id| {
            Some(external_id.map_or_else(|| uid.to_string(), str::to_owned))
        });
        Ok(())
    }
}

fn placeholders(engine: Engine, n: usize) -> String {
    match engine {
        Engine::Sqlite => vec!["?"; n].join(", "),
        Engine::Postgres => (1..=n)
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn unknown_ref(line: u64, field: &str, what: &str, reference: &RecordRef) -> RowError {
    RowError::new(
        line,
        field,
        format!("no {what} has the external id or id \"{reference}\""),
    )
}

/// People turned into rows, all but their owners: the part of a write that
/// needs no database, so that it can run beside the writer.
#[derive(Debug)]
pub struct PreparedPeople {
    rows: Vec<PreparedPerson>,
}

#[derive(Debug)]
struct PreparedPerson {
    prepared: Prepared,
    given_uid: Option<Uid>,
    owner: Option<RecordRef>,
}

impl PreparedPeople {
    pub fn new(rows: Vec<Incoming<Person>>) -> PreparedPeople {
        let now = Timestamp::now();
        let rows = rows
            .into_iter()
            .map(|row| {
                let meta = RowMeta {
                    uid: row.uid.unwrap_or_default(),
                    external_id: row.external_id,
                    owner_id: None,
                    created_at: row.created_at.unwrap_or(now),
                    updated_at: row.updated_at.unwrap_or(now),
                };
                PreparedPerson {
                    prepared: Prepared {
                        line: row.line,
                        key: Key::None,
                        uid: meta.uid,
                        values: person_values(&meta, &row.record),
                        external_id: meta.external_id,
                    },
                    given_uid: row.uid,
                    owner: row.owner,
                }
            })
            .collect();
        PreparedPeople { rows }
    }
}

/// A row ready to be written.
#[derive(Debug)]
struct Prepared {
    line: u64,
    key: Key,
    uid: Uid,
    external_id: Option<ExternalId>,
    values: Vec<Value>,
}

/// How a written row is found again.
#[derive(Debug, Clone)]
enum RowIdentity {
    Uid(Uid),
    ExternalId(ExternalId),
}

/// An organization's reference to another organization that was not found
/// when the row was written: it may be further down the same file.
#[derive(Debug)]
struct Deferred {
    line: u64,
    row: RowIdentity,
    column: &'static str,
    reference: RecordRef,
}

/// Writes rows of one table in one transaction. See the module docs.
#[derive(Debug)]
pub struct BulkWriter {
    engine: Engine,
    pub(crate) tx: Tx,
    table: Table,
    fast: bool,
    dropped_indexes: Vec<String>,
    organizations: RefCache,
    people: RefCache,
    events: RefCache,
    deferred: Vec<Deferred>,
    organization_lines: HashMap<String, u64>,
    natural_ties_seen: HashSet<u64>,
    /// The highest local key before this writer: rows above it are new.
    /// (Keys only grow, and a writer deletes nothing.)
    last_id_before: Option<i64>,
    received: u64,
    affected: u64,
    failed: bool,
    /// What this writer appended to the change feed; one that appended
    /// nothing appends its table as changed at commit.
    changes: Vec<crate::Change>,
    stage_created: bool,
    /// The SQLite connection's settings were relaxed for a load and must be
    /// restored before it returns to the pool.
    relaxed: bool,
}

impl Store {
    /// Starts a bulk write into `table`.
    pub async fn bulk(&self, table: Table, options: BulkOptions) -> Result<BulkWriter, StoreError> {
        let mut tx = match &self.pool {
            // IMMEDIATE takes the write lock now, so the transaction cannot
            // fail later on a lock upgrade when another writer got in first.
            Pool::Sqlite(pool) => {
                let pool = match (&self.unchecked_loads, options.many_rows) {
                    (Some(unchecked), true) => unchecked,
                    _ => pool,
                };
                Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?)
            }
            Pool::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        };
        let relaxed = (options.fast_empty_load || options.many_rows) && matches!(tx, Tx::Sqlite(_));
        if let (Tx::Sqlite(conn), true) = (&mut tx, relaxed) {
            // A large page cache keeps index pages in memory during the load.
            sqlx::query("PRAGMA cache_size = -1048576")
                .execute(&mut **conn)
                .await?;
            // Every value written was checked by the domain types already,
            // so SQLite need not test the CHECK constraints again per row.
            // The writer turns both settings back however it ends: at commit
            // or rollback, or, if dropped, in a task of its own.
            sqlx::query("PRAGMA ignore_check_constraints = ON")
                .execute(&mut **conn)
                .await?;
        }
        let last_sql = format!("SELECT max(id) FROM {table}");
        let last_id_before: Option<i64> = on_tx!(&mut tx, conn => {
            sqlx::query_scalar(AssertSqlSafe(last_sql)).fetch_one(&mut **conn).await?
        });
        let mut writer = BulkWriter {
            engine: self.engine(),
            tx,
            table,
            fast: options.fast_empty_load && last_id_before.is_none(),
            dropped_indexes: Vec::new(),
            organizations: RefCache::new(Table::Organizations),
            people: RefCache::new(Table::People),
            events: RefCache::new(Table::Events),
            deferred: Vec::new(),
            organization_lines: HashMap::new(),
            natural_ties_seen: HashSet::new(),
            relaxed,
            last_id_before,
            received: 0,
            affected: 0,
            failed: false,
            changes: Vec::new(),
            stage_created: false,
        };
        if writer.fast {
            writer.drop_secondary_indexes().await?;
        }
        Ok(writer)
    }
}

impl BulkWriter {
    /// Whether a row error has been met: nothing more is written, and the
    /// writer can only be rolled back.
    pub fn failed(&self) -> bool {
        self.failed
    }

    /// Stops writing: the input was refused elsewhere. References are still
    /// looked up, so that every unknown one can be reported.
    pub fn stop_writing(&mut self) {
        self.failed = true;
    }

    async fn drop_secondary_indexes(&mut self) -> Result<(), StoreError> {
        let name = self.table.name();
        let indexes: Vec<(String, String)> = match &mut self.tx {
            Tx::Sqlite(conn) => {
                sqlx::query_as(
                    "SELECT name, sql FROM sqlite_master \
                     WHERE type = 'index' AND tbl_name = $1 AND sql IS NOT NULL",
                )
                .bind(name)
                .fetch_all(&mut **conn)
                .await?
            }
            Tx::Postgres(conn) => {
                sqlx::query_as(
                    "SELECT i.indexname::text, i.indexdef FROM pg_indexes i \
                     WHERE i.schemaname = current_schema() AND i.tablename = $1 \
                     AND NOT EXISTS (SELECT 1 FROM pg_constraint c \
                                     WHERE c.conname = i.indexname AND c.contype = 'p')",
                )
                .bind(name)
                .fetch_all(&mut **conn)
                .await?
            }
            Tx::Ended => unreachable!("a bulk writer is used after it ended"),
        };
        // Only indexes whose keys arrive in no particular order are worth
        // dropping: sorting them once at the end beats inserting at random.
        // Keys that arrive in order (time-ordered uids, a few repeated
        // countries or owners) append cheaply as rows come.
        let unordered = self.table.unordered_indexes();
        let indexes: Vec<(String, String)> = indexes
            .into_iter()
            .filter(|(name, _)| unordered.contains(&name.as_str()))
            .collect();
        tracing::info!(table = %self.table, indexes = indexes.len(), "dropping indexes for the load");
        for (index, create) in indexes {
            let drop = format!("DROP INDEX {index}");
            on_tx!(&mut self.tx, conn => {
                sqlx::query(AssertSqlSafe(drop)).execute(&mut **conn).await?;
            });
            self.dropped_indexes.push(create);
        }
        Ok(())
    }

    /// Loads every person (or organization) into the reference cache, for
    /// loads that will refer to most of them.
    pub async fn preload_references(&mut self, table: Table) -> Result<(), StoreError> {
        match table {
            Table::People => self.people.preload(&mut self.tx).await,
            Table::Organizations => self.organizations.preload(&mut self.tx).await,
            Table::Events => self.events.preload(&mut self.tx).await,
            Table::Ties => Ok(()),
        }
    }

    /// The key a row is matched on, or an error if it has none.
    fn key_for(
        &self,
        line: u64,
        uid: Option<Uid>,
        external_id: Option<&ExternalId>,
    ) -> Result<Key, RowError> {
        if self.fast {
            return match (uid, external_id) {
                (None, None) => Err(no_identity(line)),
                _ => Ok(Key::None),
            };
        }
        match (uid, external_id) {
            (Some(_), _) => Ok(Key::Uid),
            (None, Some(_)) => Ok(Key::ExternalId),
            (None, None) => Err(no_identity(line)),
        }
    }

    fn meta<T>(&self, row: &Incoming<T>, owner_id: Option<i64>, now: Timestamp) -> RowMeta {
        RowMeta {
            uid: row.uid.unwrap_or_default(),
            external_id: row.external_id.clone(),
            owner_id,
            created_at: row.created_at.unwrap_or(now),
            updated_at: row.updated_at.unwrap_or(now),
        }
    }

    fn owner_id<T>(
        &self,
        row: &Incoming<T>,
        errors: &mut Vec<RowError>,
    ) -> Result<Option<i64>, ()> {
        match &row.owner {
            None => Ok(None),
            Some(reference) => match self.organizations.get(reference) {
                Some(found) => Ok(Some(found.id)),
                None => {
                    errors.push(unknown_ref(row.line, "owner", "organization", reference));
                    Err(())
                }
            },
        }
    }

    /// Writes people. Returns the rows refused, if any; after a refusal
    /// nothing more is written.
    pub async fn write_people(
        &mut self,
        rows: Vec<Incoming<Person>>,
    ) -> Result<Vec<RowError>, StoreError> {
        self.write_prepared_people(PreparedPeople::new(rows)).await
    }

    /// Writes people prepared with [`PreparedPeople::new`], which callers
    /// may run on another thread while this writer is busy.
    pub async fn write_prepared_people(
        &mut self,
        people: PreparedPeople,
    ) -> Result<Vec<RowError>, StoreError> {
        self.received += people.rows.len() as u64;
        let owners: Vec<&RecordRef> = people
            .rows
            .iter()
            .filter_map(|r| r.owner.as_ref())
            .collect();
        self.organizations
            .resolve(&mut self.tx, owners.into_iter())
            .await?;
        let owner_slot = Table::People
            .columns()
            .iter()
            .position(|c| c.name == "owner_id")
            .unwrap_or(2);
        let mut errors = Vec::new();
        let mut prepared = Vec::with_capacity(people.rows.len());
        for mut row in people.rows {
            if let Some(reference) = &row.owner {
                match self.organizations.get(reference) {
                    Some(found) => row.prepared.values[owner_slot] = Value::Int(found.id),
                    None => {
                        errors.push(unknown_ref(
                            row.prepared.line,
                            "owner",
                            "organization",
                            reference,
                        ));
                        continue;
                    }
                }
            }
            match self.key_for(
                row.prepared.line,
                row.given_uid,
                row.prepared.external_id.as_ref(),
            ) {
                Ok(key) => row.prepared.key = key,
                Err(error) => {
                    errors.push(error);
                    continue;
                }
            }
            prepared.push(row.prepared);
        }
        self.flush(prepared, errors).await
    }

    /// Writes organizations. A parent or owner not found yet is looked up
    /// again by [`BulkWriter::resolve_deferred`], since it may come later in
    /// the same file.
    pub async fn write_organizations(
        &mut self,
        rows: Vec<Incoming<Organization<RecordRef>>>,
    ) -> Result<Vec<RowError>, StoreError> {
        self.received += rows.len() as u64;
        let references: Vec<&RecordRef> = rows
            .iter()
            .flat_map(|r| r.owner.iter().chain(r.record.parent.iter()))
            .collect();
        self.organizations
            .resolve(&mut self.tx, references.into_iter())
            .await?;
        let now = Timestamp::now();
        let mut errors = Vec::new();
        let mut prepared = Vec::with_capacity(rows.len());
        for row in rows {
            let key = match self.key_for(row.line, row.uid, row.external_id.as_ref()) {
                Ok(key) => key,
                Err(error) => {
                    errors.push(error);
                    continue;
                }
            };
            let identity = match (&row.uid, &row.external_id) {
                (Some(uid), _) => RowIdentity::Uid(*uid),
                (None, Some(external_id)) => RowIdentity::ExternalId(external_id.clone()),
                (None, None) => continue,
            };
            let is_self = |reference: &RecordRef| {
                Some(reference.as_str()) == row.external_id.as_ref().map(ExternalId::as_str)
                    || reference.as_uid().is_some_and(|uid| Some(uid) == row.uid)
            };
            if row.record.parent.as_ref().is_some_and(is_self) {
                errors.push(RowError::new(
                    row.line,
                    "parent",
                    "an organization cannot be its own parent",
                ));
                continue;
            }
            let mut lookup = |column: &'static str, reference: Option<&RecordRef>| {
                let reference = reference?;
                match self.organizations.get(reference) {
                    Some(found) => Some(found.id),
                    None => {
                        self.deferred.push(Deferred {
                            line: row.line,
                            row: identity.clone(),
                            column,
                            reference: reference.clone(),
                        });
                        None
                    }
                }
            };
            let owner_id = lookup("owner_id", row.owner.as_ref());
            let parent_id = lookup("parent_id", row.record.parent.as_ref());
            let meta = self.meta(&row, owner_id, now);
            let seen_as = match &identity {
                RowIdentity::Uid(uid) => uid.to_string(),
                RowIdentity::ExternalId(id) => id.as_str().to_owned(),
            };
            self.organization_lines.insert(seen_as, row.line);
            let organization = row.record.map_ref(|_| parent_id);
            prepared.push(Prepared {
                line: row.line,
                key,
                uid: meta.uid,
                values: organization_values(&meta, &organization),
                external_id: meta.external_id,
            });
        }
        self.flush(prepared, errors).await
    }

    /// Writes events. Their owners and organizers must exist already.
    pub async fn write_events(
        &mut self,
        rows: Vec<Incoming<Event<RecordRef>>>,
    ) -> Result<Vec<RowError>, StoreError> {
        self.received += rows.len() as u64;
        let references: Vec<&RecordRef> = rows
            .iter()
            .flat_map(|r| r.owner.iter().chain(r.record.organizer.iter()))
            .collect();
        self.organizations
            .resolve(&mut self.tx, references.into_iter())
            .await?;
        let now = Timestamp::now();
        let mut errors = Vec::new();
        let mut prepared = Vec::with_capacity(rows.len());
        for row in rows {
            let key = match self.key_for(row.line, row.uid, row.external_id.as_ref()) {
                Ok(key) => key,
                Err(error) => {
                    errors.push(error);
                    continue;
                }
            };
            let Ok(owner_id) = self.owner_id(&row, &mut errors) else {
                continue;
            };
            let organizer_id = match &row.record.organizer {
                None => None,
                Some(reference) => match self.organizations.get(reference) {
                    Some(found) => Some(found.id),
                    None => {
                        errors.push(unknown_ref(
                            row.line,
                            "organizer",
                            "organization",
                            reference,
                        ));
                        continue;
                    }
                },
            };
            if let Err(e) = row.record.check() {
                errors.push(RowError::row(row.line, e.to_string()));
                continue;
            }
            let meta = self.meta(&row, owner_id, now);
            let event = Event {
                organizer: organizer_id,
                ..row.record.map_ref(|_| 0)
            };
            prepared.push(Prepared {
                line: row.line,
                key,
                uid: meta.uid,
                values: event_values(&meta, &event),
                external_id: meta.external_id,
            });
        }
        self.flush(prepared, errors).await
    }

    /// Writes ties. A tie with neither an id nor an external id is the same
    /// tie as another of the same kind, ends and start date (and event).
    pub async fn write_ties(
        &mut self,
        rows: Vec<Incoming<Tie<RecordRef>>>,
    ) -> Result<Vec<RowError>, StoreError> {
        self.write_ties_returning_uids(rows)
            .await
            .map(|(errors, _)| errors)
    }

    /// Writes ties and returns the uid each was stored under, in order.
    pub async fn write_ties_returning_uids(
        &mut self,
        rows: Vec<Incoming<Tie<RecordRef>>>,
    ) -> Result<(Vec<RowError>, Vec<Uid>), StoreError> {
        self.received += rows.len() as u64;
        let ends = |kind: EntityKind| {
            rows.iter()
                .flat_map(|r| [&r.record.from, &r.record.to])
                .filter(move |end| end.kind == kind)
                .map(|end| &end.key)
        };
        self.people
            .resolve(&mut self.tx, ends(EntityKind::Person))
            .await?;
        let org_refs =
            ends(EntityKind::Organization).chain(rows.iter().filter_map(|r| r.owner.as_ref()));
        self.organizations.resolve(&mut self.tx, org_refs).await?;
        let event_refs =
            ends(EntityKind::Event).chain(rows.iter().filter_map(|r| r.record.event.as_ref()));
        self.events.resolve(&mut self.tx, event_refs).await?;

        let now = Timestamp::now();
        let mut errors = Vec::new();
        let mut prepared = Vec::with_capacity(rows.len());
        let mut uids = Vec::with_capacity(rows.len());
        for row in rows {
            let Ok(owner_id) = self.owner_id(&row, &mut errors) else {
                continue;
            };
            let find = |field: &str, end: &kyoso_domain::Endpoint<RecordRef>| {
                let (cache, what) = match end.kind {
                    EntityKind::Person => (&self.people, "person"),
                    EntityKind::Organization => (&self.organizations, "organization"),
                    EntityKind::Event => (&self.events, "event"),
                };
                cache
                    .get(&end.key)
                    .cloned()
                    .ok_or_else(|| unknown_ref(row.line, field, what, &end.key))
            };
            let (from, to) = match (find("from", &row.record.from), find("to", &row.record.to)) {
                (Ok(from), Ok(to)) => (from, to),
                (from, to) => {
                    errors.extend(from.err());
                    errors.extend(to.err());
                    continue;
                }
            };
            if from.link.uid == to.link.uid {
                errors.push(RowError::row(
                    row.line,
                    "a tie cannot join a record to itself",
                ));
                continue;
            }
            let event = match &row.record.event {
                None => None,
                Some(reference) => match self.events.get(reference) {
                    Some(found) => Some(found.clone()),
                    None => {
                        errors.push(unknown_ref(row.line, "event", "event", reference));
                        continue;
                    }
                },
            };
            // The ends, then the event, in the order `map_ref` visits them.
            let mut found = [Some(from), Some(to), event].into_iter().flatten();
            let tie = row
                .record
                .clone()
                .map_ref(|_| found.next().unwrap_or_else(|| unreachable!()));
            let tie = tie.canonical();
            let natural = (row.uid.is_none() && row.external_id.is_none())
                .then(|| tie.clone().map_ref(|end| end.link.uid).natural_uid());
            if let Some(uid) = natural
                && !self.natural_ties_seen.insert(fold(uid))
            {
                errors.push(RowError::row(
                    row.line,
                    "repeats an earlier row: the same kind of tie between the same records from the same date (at the same event)",
                ));
                continue;
            }
            let key = match natural {
                Some(_) if self.fast => Key::None,
                Some(_) => Key::Uid,
                None => match self.key_for(row.line, row.uid, row.external_id.as_ref()) {
                    Ok(key) => key,
                    Err(error) => {
                        errors.push(error);
                        continue;
                    }
                },
            };
            let mut meta = self.meta(&row, owner_id, now);
            if let Some(uid) = natural {
                meta.uid = uid;
            }
            uids.push(meta.uid);
            prepared.push(Prepared {
                line: row.line,
                key,
                uid: meta.uid,
                values: tie_values(&meta, &tie.map_ref(|end| end.id)),
                external_id: meta.external_id,
            });
        }
        Ok((self.flush(prepared, errors).await?, uids))
    }

    /// Checks what only the database can tell, then writes, unless this or
    /// an earlier batch had errors.
    async fn flush(
        &mut self,
        rows: Vec<Prepared>,
        mut errors: Vec<RowError>,
    ) -> Result<Vec<RowError>, StoreError> {
        if !self.fast && !self.failed {
            errors.extend(self.check_external_ids(&rows).await?);
        }
        if !errors.is_empty() {
            self.failed = true;
            errors.sort_by_key(|e| e.line);
            return Ok(errors);
        }
        if self.failed {
            return Ok(errors);
        }
        let mut groups: [(Key, Vec<Vec<Value>>); 3] = [
            (Key::None, Vec::new()),
            (Key::Uid, Vec::new()),
            (Key::ExternalId, Vec::new()),
        ];
        for row in rows {
            if let Some((_, group)) = groups.iter_mut().find(|(key, _)| *key == row.key) {
                group.push(row.values);
            }
        }
        for (key, group) in groups {
            if !group.is_empty() {
                self.affected += self.write(key, group).await?;
            }
        }
        Ok(errors)
    }

    /// A row matched by uid that also carries an external id must not take
    /// an external id that another record holds.
    async fn check_external_ids(&mut self, rows: &[Prepared]) -> Result<Vec<RowError>, StoreError> {
        let claimed: Vec<&Prepared> = rows
            .iter()
            .filter(|r| r.key == Key::Uid && r.external_id.is_some())
            .collect();
        let mut errors = Vec::new();
        let engine = self.engine;
        for chunk in claimed.chunks(REFS_PER_QUERY) {
            let sql = format!(
                "SELECT uid, external_id FROM {} WHERE external_id IN ({})",
                self.table,
                placeholders(engine, chunk.len())
            );
            let holders: Vec<(Uuid, String)> = on_tx!(&mut self.tx, conn => {
                let mut query = sqlx::query_as(AssertSqlSafe(sql));
                for row in chunk {
                    query = query.bind(row.external_id.as_ref().map(ExternalId::as_str));
                }
                query.fetch_all(&mut **conn).await?
            });
            let holders: HashMap<String, Uid> = holders
                .into_iter()
                .map(|(uid, external_id)| (external_id, Uid::from_uuid(uid)))
                .collect();
            for row in chunk {
                let external_id = row
                    .external_id
                    .as_ref()
                    .map(ExternalId::as_str)
                    .unwrap_or_default();
                if let Some(holder) = holders.get(external_id)
                    && *holder != row.uid
                {
                    errors.push(RowError::new(
                        row.line,
                        "external_id",
                        format!("external id \"{external_id}\" already belongs to another record ({holder})"),
                    ));
                }
            }
        }
        Ok(errors)
    }

    async fn write(&mut self, key: Key, rows: Vec<Vec<Value>>) -> Result<u64, StoreError> {
        let mut affected = 0;
        match &mut self.tx {
            Tx::Sqlite(conn) => {
                let mut handle = conn.lock_handle().await?;
                affected += crate::sqlite::rows::insert(&mut handle, self.table, key, &rows)?;
            }
            Tx::Postgres(conn) => {
                affected += crate::postgres::copy::write_rows(
                    conn,
                    self.table,
                    key,
                    &rows,
                    &mut self.stage_created,
                )
                .await?;
            }
            Tx::Ended => unreachable!("a bulk writer is used after it ended"),
        }
        Ok(affected)
    }

    /// Appends to the change feed that the record `record` of `table`
    /// changed (many of its records, if none), in this transaction.
    pub async fn changed(&mut self, table: &str, record: Option<Uid>) -> Result<(), StoreError> {
        let seq: i64 = on_tx!(&mut self.tx, conn => {
            sqlx::query_scalar(
                "INSERT INTO changes (at, record_table, record_uid) VALUES ($1, $2, $3) RETURNING seq",
            )
            .bind(crate::value::DbTime(kyoso_domain::Timestamp::now()))
            .bind(table)
            .bind(record.map(|r| r.uuid()))
            .fetch_one(&mut **conn)
            .await?
        });
        self.changes.push(crate::Change {
            seq,
            table: table.to_owned(),
            record,
        });
        Ok(())
    }

    /// What this writer has appended to the change feed so far.
    pub fn changes(&self) -> &[crate::Change] {
        &self.changes
    }

    /// Writes an audit entry, and its record to the change feed, in this
    /// writer's transaction: the change and its entry are committed
    /// together or not at all.
    pub async fn audit(&mut self, entry: &kyoso_domain::AuditEntry) -> Result<(), StoreError> {
        self.changed(&entry.table, Some(entry.record)).await?;
        let sql = "INSERT INTO audit_log (at, actor, organization_id, action, record_table, record_uid, before, after) \
                   VALUES ($1, $2, (SELECT id FROM organizations WHERE uid = $3), $4, $5, $6, $7, $8)";
        let organization = entry.organization.map(|o| o.uuid());
        on_tx!(&mut self.tx, conn => {
            sqlx::query(sql)
                .bind(crate::value::DbTime(entry.at))
                .bind(&entry.actor)
                .bind(organization)
                .bind(entry.action.as_str())
                .bind(&entry.table)
                .bind(entry.record.uuid())
                .bind(entry.before.as_ref().map(sqlx::types::Json))
                .bind(entry.after.as_ref().map(sqlx::types::Json))
                .execute(&mut **conn)
                .await?;
        });
        Ok(())
    }

    /// Deletes the record `uid` of this writer's table; ties to it go too.
    pub async fn delete(&mut self, uid: Uid) -> Result<bool, StoreError> {
        let sql = format!("DELETE FROM {} WHERE uid = $1", self.table);
        let deleted = on_tx!(&mut self.tx, conn => {
            sqlx::query(AssertSqlSafe(sql)).bind(uid.uuid()).execute(&mut **conn).await?.rows_affected()
        });
        Ok(deleted > 0)
    }

    /// What still names the record `uid` of this writer's table and would
    /// stop its deletion: each referring table and column (read from the
    /// schema: the foreign keys that restrict deletion), with how many of
    /// its rows name it. Empty when the record may go.
    pub async fn still_used_by(&mut self, uid: Uid) -> Result<Vec<Use>, StoreError> {
        let target = self.table.name();
        let keys: Vec<(String, String)> = match &mut self.tx {
            Tx::Sqlite(conn) => sqlx::query_as(
                "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f \
                 WHERE m.type = 'table' AND f.\"table\" = $1 \
                 AND f.on_delete IN ('RESTRICT', 'NO ACTION') ORDER BY m.name, f.\"from\"",
            )
            .bind(target)
            .fetch_all(&mut **conn)
            .await?,
            Tx::Postgres(conn) => sqlx::query_as(
                "SELECT cl.relname::text, att.attname::text FROM pg_constraint con \
                 JOIN pg_class cl ON cl.oid = con.conrelid \
                 JOIN pg_class ref ON ref.oid = con.confrelid \
                 JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = ANY (con.conkey) \
                 WHERE con.contype = 'f' AND ref.relname = $1 AND con.confdeltype IN ('r', 'a') \
                 ORDER BY 1, 2",
            )
            .bind(target)
            .fetch_all(&mut **conn)
            .await?,
            Tx::Ended => unreachable!("a bulk writer is used after it ended"),
        };
        let mut uses = Vec::new();
        for (table, column) in keys {
            // Names from the schema itself, not from outside.
            let sql = format!(
                "SELECT count(*) FROM {table} WHERE {column} = (SELECT id FROM {target} WHERE uid = $1)"
            );
            let count: i64 = on_tx!(&mut self.tx, conn => {
                sqlx::query_scalar(AssertSqlSafe(sql)).bind(uid.uuid()).fetch_one(&mut **conn).await?
            });
            if count > 0 {
                uses.push(Use {
                    table,
                    column,
                    count,
                });
            }
        }
        Ok(uses)
    }

    /// Forgets the external id of the person `uid` (erasure: it may identify them).
    pub async fn clear_external_id(&mut self, uid: Uid) -> Result<(), StoreError> {
        let sql = format!(
            "UPDATE {} SET external_id = NULL WHERE uid = $1",
            self.table
        );
        on_tx!(&mut self.tx, conn => {
            sqlx::query(AssertSqlSafe(sql)).bind(uid.uuid()).execute(&mut **conn).await?;
        });
        Ok(())
    }

    /// Removes the free-text role and note of every tie of the person `uid`,
    /// keeping the ties themselves (erasure: aggregate figures need them).
    pub async fn strip_tie_notes(&mut self, uid: Uid) -> Result<(), StoreError> {
        let sql = "UPDATE ties SET role = NULL, note = NULL WHERE \
                   from_person_id = (SELECT id FROM people WHERE uid = $1) \
                   OR to_person_id = (SELECT id FROM people WHERE uid = $1)";
        on_tx!(&mut self.tx, conn => {
            sqlx::query(sql).bind(uid.uuid()).execute(&mut **conn).await?;
        });
        Ok(())
    }

    /// Flags the organization or event `uid` (of this writer's table) as a
    /// hub of the network, or clears the flag; whether that changed anything.
    pub async fn set_network_hub(&mut self, uid: Uid, flagged: bool) -> Result<bool, StoreError> {
        let sql = format!(
            "UPDATE {} SET network_hub = $1 WHERE uid = $2 AND network_hub <> $1",
            self.table
        );
        let changed = on_tx!(&mut self.tx, conn => {
            sqlx::query(AssertSqlSafe(sql))
                .bind(flagged)
                .bind(uid.uuid())
                .execute(&mut **conn)
                .await?
                .rows_affected()
        });
        Ok(changed > 0)
    }

    /// Reads a person inside this writer's transaction: the state a change
    /// starts from, for the audit log.
    pub async fn read_person(
        &mut self,
        uid: Uid,
    ) -> Result<Option<kyoso_domain::Stored<Person>>, StoreError> {
        let sql = format!("{} WHERE p.uid = $1", crate::read::PERSON_SELECT);
        let row = on_tx!(&mut self.tx, conn => {
            sqlx::query_as::<_, crate::read::PersonRow>(AssertSqlSafe(sql)).bind(uid.uuid()).fetch_optional(&mut **conn).await?
        });
        row.map(crate::read::PersonRow::into_stored).transpose()
    }

    pub async fn read_organization(
        &mut self,
        uid: Uid,
    ) -> Result<Option<kyoso_domain::Stored<Organization<Link>>>, StoreError> {
        let sql = format!("{} WHERE o.uid = $1", crate::read::ORGANIZATION_SELECT);
        let row = on_tx!(&mut self.tx, conn => {
            sqlx::query_as::<_, crate::read::OrganizationRow>(AssertSqlSafe(sql)).bind(uid.uuid()).fetch_optional(&mut **conn).await?
        });
        row.map(crate::read::OrganizationRow::into_stored)
            .transpose()
    }

    pub async fn read_event(
        &mut self,
        uid: Uid,
    ) -> Result<Option<kyoso_domain::Stored<Event<Link>>>, StoreError> {
        let sql = format!("{} WHERE e.uid = $1", crate::read::EVENT_SELECT);
        let row = on_tx!(&mut self.tx, conn => {
            sqlx::query_as::<_, crate::read::EventRow>(AssertSqlSafe(sql)).bind(uid.uuid()).fetch_optional(&mut **conn).await?
        });
        row.map(crate::read::EventRow::into_stored).transpose()
    }

    pub async fn read_tie(
        &mut self,
        uid: Uid,
    ) -> Result<Option<kyoso_domain::Stored<Tie<Link>>>, StoreError> {
        let sql = format!("{} WHERE t.uid = $1", crate::read::TIE_SELECT);
        let row = on_tx!(&mut self.tx, conn => {
            sqlx::query_as::<_, crate::read::TieRow>(AssertSqlSafe(sql)).bind(uid.uuid()).fetch_optional(&mut **conn).await?
        });
        row.map(crate::read::TieRow::into_stored).transpose()
    }

    /// Looks up the references that were not found when their rows were
    /// written, and checks that no organization has become its own ancestor.
    /// Call before [`BulkWriter::commit`].
    pub async fn resolve_deferred(&mut self) -> Result<Vec<RowError>, StoreError> {
        if self.table != Table::Organizations || self.failed {
            return Ok(Vec::new());
        }
        let mut errors = Vec::new();
        let deferred = std::mem::take(&mut self.deferred);
        self.organizations.entries.clear();
        self.organizations
            .resolve(&mut self.tx, deferred.iter().map(|d| &d.reference))
            .await?;
        for item in &deferred {
            let Some(found) = self.organizations.get(&item.reference) else {
                let field = item.column.trim_end_matches("_id");
                errors.push(unknown_ref(
                    item.line,
                    field,
                    "organization",
                    &item.reference,
                ));
                continue;
            };
            let (column, row_key) = match &item.row {
                RowIdentity::Uid(uid) => ("uid", Value::Uid(*uid)),
                RowIdentity::ExternalId(id) => ("external_id", Value::Text(id.as_str().to_owned())),
            };
            let sql = format!(
                "UPDATE organizations SET {} = $1 WHERE {column} = $2",
                item.column
            );
            let id = found.id;
            match &mut self.tx {
                Tx::Sqlite(conn) => {
                    sqlx::query(AssertSqlSafe(sql))
                        .bind(id)
                        .bind(row_key)
                        .execute(&mut **conn)
                        .await?;
                }
                Tx::Postgres(conn) => {
                    let sql = sql.replace("$2", if column == "uid" { "$2::uuid" } else { "$2" });
                    let mut text = String::new();
                    row_key.pg_text(&mut text);
                    sqlx::query(AssertSqlSafe(sql))
                        .bind(id)
                        .bind(text)
                        .execute(&mut **conn)
                        .await?;
                }
                Tx::Ended => unreachable!("a bulk writer is used after it ended"),
            }
        }
        errors.extend(self.check_parent_cycles().await?);
        if !errors.is_empty() {
            self.failed = true;
        }
        Ok(errors)
    }

    async fn check_parent_cycles(&mut self) -> Result<Vec<RowError>, StoreError> {
        let rows: Vec<(i64, i64, Uuid, Option<String>)> = on_tx!(&mut self.tx, conn => {
            sqlx::query_as(
                "SELECT id, parent_id, uid, external_id FROM organizations WHERE parent_id IS NOT NULL",
            )
            .fetch_all(&mut **conn)
            .await?
        });
        let parent: HashMap<i64, i64> = rows.iter().map(|(id, p, _, _)| (*id, *p)).collect();
        let names: HashMap<i64, (String, Option<&String>)> = rows
            .iter()
            .map(|(id, _, uid, ext)| (*id, (Uid::from_uuid(*uid).to_string(), ext.as_ref())))
            .collect();
        let mut errors = Vec::new();
        let mut in_reported_cycle = HashSet::new();
        let mut starts: Vec<i64> = parent.keys().copied().collect();
        starts.sort_unstable();
        for start in starts {
            if in_reported_cycle.contains(&start) {
                continue;
            }
            let mut cycle = vec![start];
            let mut at = start;
            let closed = loop {
                match parent.get(&at) {
                    Some(&next) if next == start => break true,
                    Some(&next) if cycle.len() <= parent.len() && !cycle.contains(&next) => {
                        cycle.push(next);
                        at = next;
                    }
                    _ => break false,
                }
            };
            if !closed {
                continue;
            }
            in_reported_cycle.extend(cycle.iter().copied());
            // Name the cycle by the members' external ids (or uids), and
            // blame the first of them that this input wrote.
            let labels: Vec<&str> = cycle
                .iter()
                .filter_map(|id| names.get(id))
                .map(|(uid, ext)| ext.map_or(uid.as_str(), |e| e.as_str()))
                .collect();
            let line = cycle
                .iter()
                .filter_map(|id| names.get(id))
                .find_map(|(uid, ext)| {
                    ext.and_then(|e| self.organization_lines.get(e.as_str()))
                        .or_else(|| self.organization_lines.get(uid))
                })
                .copied()
                .unwrap_or(0);
            errors.push(RowError::new(
                line,
                "parent",
                format!(
                    "parents form a cycle ({} → {}): an organization would be its own ancestor",
                    labels.join(" → "),
                    labels.first().copied().unwrap_or_default()
                ),
            ));
        }
        errors.sort_by_key(|e| e.line);
        Ok(errors)
    }

    /// Rebuilds any dropped indexes and commits. Refused if a row error was
    /// met: then only [`BulkWriter::rollback`] remains.
    pub async fn commit(self) -> Result<BulkSummary, StoreError> {
        Ok(self.commit_recorded().await?.0)
    }

    /// [`BulkWriter::commit`], saying too what the write appended to the
    /// change feed.
    pub async fn commit_recorded(
        mut self,
    ) -> Result<(BulkSummary, Vec<crate::Change>), StoreError> {
        if self.failed {
            self.tx_rollback().await?;
            return Err(StoreError::Conflict(
                "the input had errors; nothing was written".into(),
            ));
        }
        let started = std::time::Instant::now();
        for create in std::mem::take(&mut self.dropped_indexes) {
            let result = on_tx!(&mut self.tx, conn => {
                sqlx::query(AssertSqlSafe(create)).execute(&mut **conn).await.map(|_| ())
            });
            if let Err(err) = result {
                let err = StoreError::from(err);
                if err.is_unique_violation() {
                    return Err(StoreError::Conflict(format!(
                        "two rows of the input for {} have the same id or external id",
                        self.table
                    )));
                }
                return Err(err);
            }
        }
        let inserted = if self.fast {
            self.affected
        } else {
            let new_sql = format!("SELECT count(*) FROM {} WHERE id > $1", self.table);
            let after = self.last_id_before.unwrap_or(0);
            let new: i64 = on_tx!(&mut self.tx, conn => {
                sqlx::query_scalar(AssertSqlSafe(new_sql)).bind(after).fetch_one(&mut **conn).await?
            });
            u64::try_from(new).unwrap_or(0)
        };
        tracing::info!(table = %self.table, elapsed = ?started.elapsed(), "indexes rebuilt and counted");
        if self.changes.is_empty() {
            let table = self.table.name();
            self.changed(table, None).await?;
        }
        self.restore_settings().await?;
        match std::mem::replace(&mut self.tx, Tx::Ended) {
            Tx::Sqlite(conn) => conn.commit().await?,
            Tx::Postgres(mut conn) => {
                // Delivered when the transaction commits: other processes
                // read the feed at once.
                sqlx::query("SELECT pg_notify('kyoso_changes', '')")
                    .execute(&mut *conn)
                    .await?;
                conn.commit().await?
            }
            Tx::Ended => {}
        }
        tracing::info!(table = %self.table, elapsed = ?started.elapsed(), "committed");
        let summary = BulkSummary {
            received: self.received,
            inserted,
            updated: self.affected.saturating_sub(inserted),
            unchanged: self.received.saturating_sub(self.affected),
        };
        Ok((summary, std::mem::take(&mut self.changes)))
    }

    pub async fn rollback(self) -> Result<(), StoreError> {
        self.tx_rollback().await
    }

    async fn tx_rollback(mut self) -> Result<(), StoreError> {
        self.restore_settings().await?;
        match std::mem::replace(&mut self.tx, Tx::Ended) {
            Tx::Sqlite(conn) => conn.rollback().await?,
            Tx::Postgres(conn) => conn.rollback().await?,
            Tx::Ended => {}
        }
        Ok(())
    }

    /// Puts back the connection settings a load relaxed.
    async fn restore_settings(&mut self) -> Result<(), StoreError> {
        if let (Tx::Sqlite(conn), true) = (&mut self.tx, self.relaxed) {
            restore(conn).await?;
            self.relaxed = false;
        }
        Ok(())
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }
}

async fn restore(conn: &mut Transaction<'static, Sqlite>) -> Result<(), sqlx::Error> {
    sqlx::query("PRAGMA ignore_check_constraints = OFF")
        .execute(&mut **conn)
        .await?;
    sqlx::query("PRAGMA cache_size = -2000")
        .execute(&mut **conn)
        .await?;
    Ok(())
}

impl Drop for BulkWriter {
    /// A writer dropped before it ended rolls back; if it relaxed its
    /// connection's settings, a task restores them first, so that no other
    /// user of the connection inherits them.
    fn drop(&mut self) {
        if !self.relaxed {
            return;
        }
        let Tx::Sqlite(mut conn) = std::mem::replace(&mut self.tx, Tx::Ended) else {
            return;
        };
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(async move {
                    if let Err(err) = restore(&mut conn).await {
                        tracing::error!(error = %err, "could not restore a connection's settings after a load");
                    }
                    let _ = conn.rollback().await;
                });
            }
            // No runtime: the process is ending, and the connection with it.
            Err(_) => drop(conn),
        }
    }
}

fn no_identity(line: u64) -> RowError {
    RowError::row(
        line,
        "a row needs an id or an external_id, so that importing it again updates it instead of adding it twice",
    )
}

/// The 64 bits of a name-based uid that the duplicate check keeps.
fn fold(uid: Uid) -> u64 {
    let bytes = uid.as_bytes();
    let mut high = [0; 8];
    high.copy_from_slice(&bytes[..8]);
    let mut low = [0; 8];
    low.copy_from_slice(&bytes[8..]);
    u64::from_le_bytes(high) ^ u64::from_le_bytes(low)
}

#[cfg(test)]
mod tests {
    use kyoso_domain::{Names, Person, Text, Visibility};

    use super::*;

    fn person(external_id: &str) -> Incoming<Person> {
        let names = Names::new(None, Some(Text::line("Ann", 10).unwrap()), None).unwrap();
        Incoming {
            external_id: Some(ExternalId::parse(external_id).unwrap()),
            ..Incoming::new(Person {
                names,
                gender: None,
                residence: None,
                nationality: None,
                languages: Vec::new(),
                skills: Vec::new(),
                sectors: Vec::new(),
                availability: Default::default(),
                available_from: None,
                experience_countries: Vec::new(),
                contact: Default::default(),
                bio: None,
                consent: Default::default(),
                visibility: Visibility::Network,
            })
        }
    }

    #[tokio::test]
    async fn a_connection_a_bulk_writer_used_checks_constraints_again() {
        // One connection, so the raw insert below reuses the writer's.
        let store = Store::open("sqlite::memory:").await.unwrap();
        for end in ["commit", "rollback", "drop"] {
            let mut writer = store
                .bulk(Table::People, BulkOptions::default())
                .await
                .unwrap();
            assert!(
                writer
                    .write_people(vec![person(end)])
                    .await
                    .unwrap()
                    .is_empty()
            );
            match end {
                "commit" => drop(writer.commit().await.unwrap()),
                "rollback" => writer.rollback().await.unwrap(),
                _ => drop(writer),
            }
            let Pool::Sqlite(pool) = &store.pool else {
                unreachable!()
            };
            let refused = sqlx::query(
                "INSERT INTO people (uid, name_latin, visibility, created_at, updated_at) \
                 VALUES (randomblob(16), 'Bad', 'secret', 0, 0)",
            )
            .execute(pool)
            .await;
            assert!(
                refused.is_err(),
                "after {end}, a CHECK constraint was not enforced"
            );
        }
    }
}
