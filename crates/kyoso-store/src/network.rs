//! The network in one read, for analytics: every person, organization and
//! event as a numbered node, every tie as an edge between two numbers.

use futures_util::TryStreamExt as _;
use kyoso_domain::{
    CountryCode, EntityKind, OrganisationType, PartialDate, SectorCode, TieKind, Uid, Visibility,
};
use uuid::Uuid;

use crate::{Store, StoreError, dispatch};

/// A record of the network: people are numbered first, then organizations,
/// then events.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotNode {
    pub uid: Uid,
    pub kind: EntityKind,
    pub visibility: Visibility,
    /// The node of the organization that owns the record.
    pub owner: Option<u32>,
    /// Where a person lives; an organization's country.
    pub country: Option<CountryCode>,
    /// An organization's IATI type.
    pub org_type: Option<OrganisationType>,
    /// The first sector the record lists.
    pub sector: Option<SectorCode>,
}

/// A tie between two nodes, as dated and weighed as analytics need it.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotTie {
    pub from: u32,
    pub to: u32,
    pub kind: TieKind,
    /// The tie's strength in `0.0..=1.0`, if recorded.
    pub strength: Option<f32>,
    /// The first day of the tie's start, as days since 1970-01-01.
    pub since: i32,
    pub visibility: Visibility,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct NetworkSnapshot {
    pub nodes: Vec<SnapshotNode>,
    pub ties: Vec<SnapshotTie>,
    /// Every node's names, packed.
    pub names: NodeNames,
}

/// Every node's names (native script, Latin letters, Japanese) packed in
/// one text: a million records' names cost their characters and twelve
/// bytes each, not three allocations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NodeNames {
    text: String,
    /// Where node `n`'s native, Latin and Japanese names end in `text`.
    ends: Vec<[u32; 3]>,
}

impl NodeNames {
    fn push(&mut self, native: Option<&str>, latin: Option<&str>, japanese: Option<&str>) {
        let mut ends = [0u32; 3];
        for (end, name) in ends.iter_mut().zip([native, latin, japanese]) {
            self.text.push_str(name.unwrap_or_default());
            *end = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        }
        self.ends.push(ends);
    }

    /// Node `node`'s names: native, Latin, Japanese (empty where none).
    pub fn get(&self, node: u32) -> [&str; 3] {
        let Some(ends) = self.ends.get(node as usize) else {
            return ["", "", ""];
        };
        let mut start = match node.checked_sub(1) {
            Some(previous) => self.ends[previous as usize][2] as usize,
            None => 0,
        };
        ends.map(|end| {
            let name = self.text.get(start..end as usize).unwrap_or_default();
            start = end as usize;
            name
        })
    }

    /// Bytes held.
    pub fn bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * 12
    }
}

/// Node numbers by local key, for one table.
#[derive(Default)]
struct Numbering {
    by_id: Vec<u32>,
}

impl Numbering {
    const NONE: u32 = u32::MAX;

    fn get(&self, id: Option<i64>) -> Option<u32> {
        let id = usize::try_from(id?).ok()?;
        self.by_id.get(id).copied().filter(|n| *n != Self::NONE)
    }

    fn set(&mut self, id: i64, node: u32) {
        let Ok(id) = usize::try_from(id) else { return };
        if self.by_id.len() <= id {
            self.by_id.resize(id + 1, Self::NONE);
        }
        self.by_id[id] = node;
    }
}

/// The Julian day number of 1970-01-01, the snapshot's day zero.
const JULIAN_DAY_OF_1970_01_01: i32 = 2_440_588;

type RecordRow = (
    i64,
    Uuid,
    String,
    Option<i64>,
    Option<String>,
    Option<i64>,
    Option<String>,
    [Option<String>; 3],
);
/// A record's row as sqlx reads it.
type RecordRowSql = (
    i64,
    Uuid,
    String,
    Option<i64>,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);
type TieRow = (
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    String,
    Option<f64>,
    String,
    String,
    Option<i64>,
);

/// The records' queries, SQLite's then PostgreSQL's: they differ only in
/// how the first sector is taken from the JSON list.
pub(crate) const PEOPLE_SQL: [&str; 2] = [
    "SELECT id, uid, visibility, owner_id, residence, NULL, json_extract(sectors, '$[0]'), \
     name_native, name_latin, name_japanese FROM people ORDER BY id",
    "SELECT id, uid, visibility, owner_id, residence, NULL::BIGINT, sectors->>0, \
     name_native, name_latin, name_japanese FROM people ORDER BY id",
];
pub(crate) const ORGANIZATIONS_SQL: [&str; 2] = [
    "SELECT id, uid, visibility, owner_id, country, org_type, json_extract(sectors, '$[0]'), \
     name_native, name_latin, name_japanese FROM organizations ORDER BY id",
    "SELECT id, uid, visibility, owner_id, country, org_type::BIGINT, sectors->>0, \
     name_native, name_latin, name_japanese FROM organizations ORDER BY id",
];
const EVENTS_SQL: [&str; 2] = [
    "SELECT id, uid, visibility, owner_id, country, NULL, NULL, \
     name_native, name_latin, name_japanese FROM events ORDER BY id",
    "SELECT id, uid, visibility, owner_id, country, NULL::BIGINT, NULL::TEXT, \
     name_native, name_latin, name_japanese FROM events ORDER BY id",
];
/// Each kind of record and its query, in the order nodes are numbered.
pub(crate) const RECORDS_SQL: [(EntityKind, [&str; 2]); 3] = [
    (EntityKind::Person, PEOPLE_SQL),
    (EntityKind::Organization, ORGANIZATIONS_SQL),
    (EntityKind::Event, EVENTS_SQL),
];
pub(crate) const TIES_SQL: &str = "SELECT from_person_id, from_org_id, to_person_id, to_org_id, kind, strength, \
     start_date, visibility, to_event_id FROM ties";

/// Builds a snapshot from rows as each engine reads them: records first,
/// people before organizations, then ties.
#[derive(Default)]
pub(crate) struct Assembly {
    snapshot: NetworkSnapshot,
    people: Numbering,
    organizations: Numbering,
    events: Numbering,
    /// Each node's owner by local key: organizations are numbered after
    /// people, so owners are resolved once all are.
    owners: Vec<Option<i64>>,
}

impl Assembly {
    pub(crate) fn record(&mut self, kind: EntityKind, row: RecordRow) -> Result<(), StoreError> {
        let (id, uid, visibility, owner, country, org_type, sector, [native, latin, japanese]) =
            row;
        let node = u32::try_from(self.snapshot.nodes.len()).map_err(|_| StoreError::Invalid {
            field: None,
            message: "the network has more records than a snapshot can number".into(),
        })?;
        match kind {
            EntityKind::Person => self.people.set(id, node),
            EntityKind::Organization => self.organizations.set(id, node),
            EntityKind::Event => self.events.set(id, node),
        }
        self.owners.push(owner);
        self.snapshot.nodes.push(SnapshotNode {
            uid: Uid::from_uuid(uid),
            kind,
            visibility: parse(table_of(kind), id, "visibility", &visibility)?,
            owner: None,
            country: country.as_deref().and_then(|c| CountryCode::parse(c).ok()),
            org_type: org_type
                .and_then(|t| u8::try_from(t).ok())
                .and_then(|t| OrganisationType::parse(&t.to_string()).ok()),
            sector: sector.as_deref().and_then(|s| SectorCode::parse(s).ok()),
        });
        self.snapshot
            .names
            .push(native.as_deref(), latin.as_deref(), japanese.as_deref());
        Ok(())
    }

    pub(crate) fn tie(&mut self, row: TieRow) -> Result<(), StoreError> {
        let (from_person, from_org, to_person, to_org, kind, strength, start, visibility, to_event) =
            row;
        let end = |person, org, event| {
            self.people
                .get(person)
                .or_else(|| self.organizations.get(org))
                .or_else(|| self.events.get(event))
        };
        // A tie whose end is gone (being erased) is left out.
        let (Some(from), Some(to)) = (
            end(from_person, from_org, None),
            end(to_person, to_org, to_event),
        ) else {
            return Ok(());
        };
        let since = PartialDate::parse(&start)
            .map(|d| d.first_day().to_julian_day() - JULIAN_DAY_OF_1970_01_01)
            .unwrap_or(0);
        self.snapshot.ties.push(SnapshotTie {
            from,
            to,
            kind: parse("ties", 0, "kind", &kind)?,
            strength: strength.map(|s| s as f32),
            since,
            visibility: parse("ties", 0, "visibility", &visibility)?,
        });
        Ok(())
    }

    pub(crate) fn finish(mut self) -> NetworkSnapshot {
        for (node, owner) in self.snapshot.nodes.iter_mut().zip(self.owners) {
            node.owner = self.organizations.get(owner);
        }
        self.snapshot
    }
}

impl Store {
    /// The organizations and events an administrator flagged as hubs of the
    /// network.
    pub async fn flagged_hubs(&self) -> Result<Vec<Uid>, StoreError> {
        let rows: Vec<Uuid> = dispatch!(self, pool => {
            sqlx::query_scalar(
                "SELECT uid FROM organizations WHERE network_hub = $1 \
                 UNION ALL SELECT uid FROM events WHERE network_hub = $1",
            )
                .bind(true)
                .fetch_all(pool)
                .await?
        });
        Ok(rows.into_iter().map(Uid::from_uuid).collect())
    }

    /// Reads every person, organization and tie. Rows are streamed, so
    /// the memory held is the snapshot's own. On a SQLite file they are
    /// read on a blocking thread through a connection of its own, several
    /// times faster than through sqlx for millions of rows.
    pub async fn network_snapshot(&self) -> Result<NetworkSnapshot, StoreError> {
        if let Some(reads) = self.fast_reads.clone() {
            return tokio::task::spawn_blocking(move || {
                reads.with(crate::sqlite::reads::read_sqlite)
            })
            .await
            .map_err(|e| StoreError::Invalid {
                field: None,
                message: format!("the snapshot's reader stopped: {e}"),
            })?;
        }
        let mut assembly = Assembly::default();
        for (kind, sql) in RECORDS_SQL {
            let sql = match self.engine() {
                crate::Engine::Sqlite => sql[0],
                crate::Engine::Postgres => sql[1],
            };
            dispatch!(self, pool => {
                let mut rows = sqlx::query_as::<_, RecordRowSql>(sql).fetch(pool);
                while let Some(row) = rows.try_next().await? {
                    let (id, uid, visibility, owner, country, org_type, sector, native, latin, japanese) = row;
                    assembly.record(kind, (id, uid, visibility, owner, country, org_type, sector, [native, latin, japanese]))?;
                }
            });
        }
        dispatch!(self, pool => {
            let mut rows = sqlx::query_as::<_, TieRow>(TIES_SQL).fetch(pool);
            while let Some(row) = rows.try_next().await? {
                assembly.tie(row)?;
            }
        });
        Ok(assembly.finish())
    }
}

fn table_of(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "people",
        EntityKind::Organization => "organizations",
        EntityKind::Event => "events",
    }
}

fn parse<T: std::str::FromStr>(
    table: &'static str,
    id: i64,
    field: &'static str,
    text: &str,
) -> Result<T, StoreError>
where
    T::Err: std::fmt::Display,
{
    text.parse().map_err(|e: T::Err| StoreError::Damaged {
        table,
        id,
        field,
        message: e.to_string(),
    })
}
