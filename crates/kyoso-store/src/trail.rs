//! The append-only trails — a journey's entries, a grievance's events, a
//! match's events — written one way: the next entry under its record,
//! numbered after the last, in the writer's transaction. Two writers that
//! number the same entry collide on the trail's unique key; the second is
//! told the record changed meanwhile. Triggers refuse changes to entries.

use kyoso_domain::{Timestamp, Uid};

use crate::StoreError;
use crate::bulk::BulkWriter;
use crate::query::{Bind, Sql};

/// One trail: its table, and the record each entry is under.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Trail {
    pub(crate) entries: &'static str,
    /// The table of the record the trail is of, and the entries' column
    /// naming it.
    pub(crate) record: &'static str,
    pub(crate) record_column: &'static str,
    /// What a collision tells the writer.
    pub(crate) changed_meanwhile: &'static str,
}

pub(crate) const JOURNEY: Trail = Trail {
    entries: "journey_entries",
    record: "participations",
    record_column: "participation_id",
    changed_meanwhile: "the journey changed while this entry was recorded; look again",
};

pub(crate) const GRIEVANCE: Trail = Trail {
    entries: "grievance_events",
    record: "grievances",
    record_column: "grievance_id",
    changed_meanwhile: "the grievance changed meanwhile; look again",
};

pub(crate) const MATCH: Trail = Trail {
    entries: "match_events",
    record: "matches",
    record_column: "match_id",
    changed_meanwhile: "the match changed meanwhile; look again",
};

/// Where an entry goes in its trail.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Number {
    /// After the last entry.
    Next,
    /// This number, worked out by the caller from the trail it read.
    Given(u32),
}

impl BulkWriter {
    /// Appends an entry with `values` (column, value) to `trail` under the
    /// record `record`, stamped `at`.
    pub(crate) async fn append_to_trail(
        &mut self,
        trail: Trail,
        record: Uid,
        number: Number,
        at: (&'static str, Timestamp),
        values: Vec<(&'static str, Bind)>,
    ) -> Result<(), StoreError> {
        let Trail {
            entries,
            record: records,
            record_column,
            ..
        } = trail;
        let mut columns = vec![record_column, "number", at.0];
        columns.extend(values.iter().map(|(column, _)| *column));
        let mut sql = Sql::new(
            self.engine(),
            format!(
                "INSERT INTO {entries} ({}) SELECT r.id, ",
                columns.join(", ")
            ),
        );
        match number {
            Number::Next => sql.push(&format!(
                "coalesce((SELECT max(e.number) FROM {entries} e WHERE e.{record_column} = r.id), 0) + 1"
            )),
            Number::Given(n) => sql.bind(Bind::Int(i64::from(n))),
        };
        sql.push(", ");
        sql.bind(Bind::Time(at.1));
        for (_, value) in values {
            sql.push(", ");
            sql.bind(value);
        }
        sql.push(&format!(" FROM {records} r WHERE r.uid = "));
        sql.bind(Bind::Uid(record.uuid()));
        match self.execute_sql(&sql).await {
            Err(error) if error.is_unique_violation() => {
                Err(StoreError::Conflict(trail.changed_meanwhile.into()))
            }
            other => other,
        }
    }
}
