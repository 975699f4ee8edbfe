//! The tables rows are written to, their columns in write order, and the SQL
//! that writes them on each engine.

use std::collections::HashMap;
use std::fmt;
use std::fmt::Write as _;
use std::str::FromStr;
use std::sync::{Arc, Mutex, OnceLock};

use crate::Engine;

/// The registry's tables that records are imported into and exported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    Organizations,
    People,
    Ties,
    Events,
}

impl Table {
    /// The tables of the registry files, in the order a load needs them.
    pub const ALL: [Table; 3] = [Table::Organizations, Table::People, Table::Ties];

    pub fn name(&self) -> &'static str {
        match self {
            Table::Organizations => "organizations",
            Table::People => "people",
            Table::Ties => "ties",
            Table::Events => "events",
        }
    }

    /// The columns a write sets, in the order values are given. The local
    /// key `id` is left to the database.
    pub(crate) fn columns(&self) -> &'static [Column] {
        match self {
            Table::Organizations => ORGANIZATION_COLUMNS,
            Table::People => PERSON_COLUMNS,
            Table::Ties => TIE_COLUMNS,
            Table::Events => EVENT_COLUMNS,
        }
    }

    /// The indexes whose keys a bulk load meets in no particular order:
    /// external ids come in whatever order a file has, and a tie's uid is
    /// mostly a hash of its content. People's and organizations' uids are
    /// UUIDv7, ordered by creation, so they are not among them.
    pub(crate) fn unordered_indexes(&self) -> &'static [&'static str] {
        match self {
            Table::Organizations => &["organizations_external_id"],
            Table::People => &["people_external_id"],
            Table::Ties => &["ties_uid", "ties_external_id"],
            Table::Events => &["events_external_id"],
        }
    }

    pub(crate) fn column_list(&self) -> String {
        let names: Vec<&str> = self.columns().iter().map(|c| c.name).collect();
        names.join(", ")
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Table {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "organizations" => Ok(Table::Organizations),
            "people" => Ok(Table::People),
            "ties" => Ok(Table::Ties),
            "events" => Ok(Table::Events),
            other => Err(format!(
                "unknown table \"{other}\": expected people, organizations, ties or events"
            )),
        }
    }
}

const fn c(name: &'static str, kind: Kind) -> Column {
    Column { name, kind }
}

const ORGANIZATION_COLUMNS: &[Column] = &[
    c("uid", Kind::Uid),
    c("external_id", Kind::Text),
    c("owner_id", Kind::Int),
    c("name_native", Kind::Text),
    c("name_latin", Kind::Text),
    c("name_japanese", Kind::Text),
    c("acronym", Kind::Text),
    c("org_type", Kind::Int),
    c("country", Kind::Text),
    c("sectors", Kind::Json),
    c("parent_id", Kind::Int),
    c("website", Kind::Text),
    c("visibility", Kind::Text),
    c("created_at", Kind::Time),
    c("updated_at", Kind::Time),
];

const PERSON_COLUMNS: &[Column] = &[
    c("uid", Kind::Uid),
    c("external_id", Kind::Text),
    c("owner_id", Kind::Int),
    c("name_native", Kind::Text),
    c("name_latin", Kind::Text),
    c("name_japanese", Kind::Text),
    c("gender", Kind::Text),
    c("residence", Kind::Text),
    c("nationality", Kind::Text),
    c("languages", Kind::Json),
    c("skills", Kind::Json),
    c("sectors", Kind::Json),
    c("available_mentoring", Kind::Bool),
    c("available_dispatch", Kind::Bool),
    c("email", Kind::Text),
    c("phone", Kind::Text),
    c("bio", Kind::Text),
    c("consent_processing", Kind::Bool),
    c("consent_contact", Kind::Bool),
    c("consent_public_listing", Kind::Bool),
    c("visibility", Kind::Text),
    c("created_at", Kind::Time),
    c("updated_at", Kind::Time),
    c("available_from", Kind::Text),
    c("experience_countries", Kind::Json),
    c("available_training", Kind::Bool),
];

const TIE_COLUMNS: &[Column] = &[
    c("uid", Kind::Uid),
    c("external_id", Kind::Text),
    c("owner_id", Kind::Int),
    c("kind", Kind::Text),
    c("from_person_id", Kind::Int),
    c("from_org_id", Kind::Int),
    c("to_person_id", Kind::Int),
    c("to_org_id", Kind::Int),
    c("start_date", Kind::Text),
    c("end_date", Kind::Text),
    c("strength", Kind::Real),
    c("role", Kind::Text),
    c("note", Kind::Text),
    c("asserted_by", Kind::Text),
    c("asserted_at", Kind::Time),
    c("visibility", Kind::Text),
    c("created_at", Kind::Time),
    c("updated_at", Kind::Time),
    c("to_event_id", Kind::Int),
    c("event_id", Kind::Int),
];

const EVENT_COLUMNS: &[Column] = &[
    c("uid", Kind::Uid),
    c("external_id", Kind::Text),
    c("owner_id", Kind::Int),
    c("name_native", Kind::Text),
    c("name_latin", Kind::Text),
    c("name_japanese", Kind::Text),
    c("kind", Kind::Text),
    c("start_date", Kind::Text),
    c("end_date", Kind::Text),
    c("place", Kind::Text),
    c("country", Kind::Text),
    c("organizer_id", Kind::Int),
    c("visibility", Kind::Text),
    c("created_at", Kind::Time),
    c("updated_at", Kind::Time),
];

#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub(crate) name: &'static str,
    pub(crate) kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Uid,
    Int,
    Real,
    Bool,
    Text,
    Json,
    Time,
}

impl Kind {
    fn pg_type(self) -> &'static str {
        match self {
            Kind::Uid => "uuid",
            Kind::Int => "bigint",
            Kind::Real => "double precision",
            Kind::Bool => "boolean",
            Kind::Text => "text",
            Kind::Json => "jsonb",
            Kind::Time => "timestamptz",
        }
    }
}

/// Which unique key an upsert matches existing rows on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Key {
    /// A plain insert: the table is known to hold none of the rows.
    None,
    Uid,
    ExternalId,
}

impl Key {
    fn column(self) -> Option<&'static str> {
        match self {
            Key::None => None,
            Key::Uid => Some("uid"),
            Key::ExternalId => Some("external_id"),
        }
    }
}

/// `ON CONFLICT` clause that updates a matched row only if something in it
/// changed, so that writing the same row twice changes nothing, not even
/// `updated_at`. The row keeps its uid and creation time.
fn conflict_clause(table: Table, key: Key, out: &mut String) {
    let Some(key_column) = key.column() else {
        return;
    };
    let updated: Vec<&str> = table
        .columns()
        .iter()
        .map(|c| c.name)
        .filter(|&name| name != key_column && name != "uid" && name != "created_at")
        .collect();
    let _ = write!(out, " ON CONFLICT ({key_column}) DO UPDATE SET ");
    for (i, name) in updated.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "{name} = excluded.{name}");
    }
    out.push_str(" WHERE ");
    let compared = updated.iter().filter(|&&name| name != "updated_at");
    for (i, name) in compared.enumerate() {
        if i > 0 {
            out.push_str(" OR ");
        }
        let _ = write!(
            out,
            "{t}.{name} IS DISTINCT FROM excluded.{name}",
            t = table.name()
        );
    }
}

type SqlCache = Mutex<HashMap<(Engine, Table, usize, Key), Arc<str>>>;

/// `INSERT INTO table (...) VALUES (...), ... [ON CONFLICT ...]` for `rows`
/// rows, with numbered placeholders (cast to the column type on PostgreSQL,
/// which receives text). Built once per shape and kept.
pub(crate) fn insert_sql(engine: Engine, table: Table, rows: usize, key: Key) -> Arc<str> {
    static CACHE: OnceLock<SqlCache> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut cache = cache
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    cache
        .entry((engine, table, rows, key))
        .or_insert_with(|| {
            let columns = table.columns();
            let mut sql = format!("INSERT INTO {table} ({}) VALUES ", table.column_list());
            let mut n = 0;
            for row in 0..rows {
                sql.push_str(if row == 0 { "(" } else { ", (" });
                for (i, column) in columns.iter().enumerate() {
                    n += 1;
                    if i > 0 {
                        sql.push_str(", ");
                    }
                    match engine {
                        // Anonymous placeholders: SQLite looks up a numbered
                        // one's name in a list, which for the thousands of
                        // parameters of a batch costs quadratic time.
                        Engine::Sqlite => sql.push('?'),
                        Engine::Postgres => {
                            let _ = write!(sql, "${n}::{}", column.kind.pg_type());
                        }
                    }
                }
                sql.push(')');
            }
            conflict_clause(table, key, &mut sql);
            sql.into()
        })
        .clone()
}

/// PostgreSQL: `COPY` straight into the table.
pub(crate) fn copy_sql(table: Table) -> String {
    format!("COPY {table} ({}) FROM STDIN", table.column_list())
}

/// PostgreSQL: the staging table an upsert is copied into first, with a
/// column saying which key each row matches on.
pub(crate) fn stage_name(table: Table) -> String {
    format!("kyoso_stage_{table}")
}

pub(crate) fn create_stage_sql(table: Table) -> String {
    let mut sql = format!("CREATE TEMP TABLE IF NOT EXISTS {} (", stage_name(table));
    for column in table.columns() {
        let _ = write!(sql, "{} {}, ", column.name, column.kind.pg_type());
    }
    sql.push_str("key_by_uid boolean NOT NULL)");
    sql
}

pub(crate) fn copy_stage_sql(table: Table) -> String {
    format!(
        "COPY {} ({}, key_by_uid) FROM STDIN",
        stage_name(table),
        table.column_list()
    )
}

/// Moves staged rows with one kind of key into the table.
pub(crate) fn merge_stage_sql(table: Table, key: Key) -> String {
    let by_uid = key == Key::Uid;
    let mut sql = format!(
        "INSERT INTO {table} ({cols}) SELECT {cols} FROM {stage} WHERE key_by_uid = {by_uid}",
        cols = table.column_list(),
        stage = stage_name(table),
    );
    conflict_clause(table, key, &mut sql);
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upserts_change_only_what_differs() {
        let sql = insert_sql(Engine::Sqlite, Table::Organizations, 2, Key::ExternalId);
        assert!(sql.starts_with("INSERT INTO organizations (uid, external_id, owner_id"));
        assert!(sql.contains("), (?, ?, "));
        assert!(
            sql.contains("ON CONFLICT (external_id) DO UPDATE SET owner_id = excluded.owner_id")
        );
        assert!(!sql.contains("uid = excluded.uid"));
        assert!(!sql.contains("created_at = excluded"));
        assert!(sql.contains("updated_at = excluded.updated_at WHERE"));
        assert!(!sql.contains("updated_at IS DISTINCT"));
        let pg = insert_sql(Engine::Postgres, Table::People, 1, Key::None);
        assert!(pg.contains("$1::uuid, $2::text"));
        assert!(!pg.contains("ON CONFLICT"));
    }

    #[test]
    fn every_table_names_its_columns_once() {
        for table in Table::ALL {
            let mut names: Vec<_> = table.columns().iter().map(|c| c.name).collect();
            let len = names.len();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), len, "{table}");
            assert_eq!(table.columns()[0].name, "uid");
        }
    }
}
