//! The SQLite fast paths of the bulk writer, kept together.

use kyoso_domain::{EntityKind, JourneyEntry, RecordRef, Timestamp, Uid};

use crate::StoreError;
use crate::programs::{
    ENTRIES_PER_STATEMENT, Found, ImpliedTie, LINKS_PER_STATEMENT, NewParticipation,
    PARTICIPATIONS_PER_STATEMENT, TIES_PER_STATEMENT, awaits_follow_up, entry_columns, sqlite_date,
};

pub(crate) fn insert_participations_sqlite(
    conn: &rusqlite::Connection,
    rows: &[NewParticipation],
    now: Timestamp,
) -> Result<Vec<i64>, StoreError> {
    // The writer holds the write lock, so the keys after the last one are
    // free: given here, many rows go in one statement and each row's key
    // is known without asking.
    let last: i64 = conn.query_row(
        "SELECT coalesce(max(id), 0) FROM participations",
        [],
        |row| row.get(0),
    )?;
    let keys: Vec<i64> = (1..=rows.len() as i64).map(|n| last + n).collect();
    let now = now.unix_micros();
    let keyed: Vec<(i64, &NewParticipation)> = keys.iter().copied().zip(rows).collect();
    crate::sqlite::rows::insert_rows(
        conn,
        "INSERT OR ROLLBACK",
        "participations",
        "id, uid, external_id, program_id, cohort_id, person_id, role, host_id, note, applied_on, \
         state, state_since, follow_up_due, created_at, updated_at",
        PARTICIPATIONS_PER_STATEMENT,
        &keyed,
        |row, (key, p)| {
            let state = p.journey.state();
            let since = sqlite_date(p.journey.since().unwrap_or(p.applied_on));
            row.push(key)?;
            row.push(&&p.uid.as_bytes()[..])?;
            row.push(&p.external_id.as_ref().map(|e| e.as_str()))?;
            row.push(&p.program)?;
            row.push(&p.cohort)?;
            row.push(&p.person)?;
            row.push(&p.role.as_str())?;
            row.push(&p.host)?;
            row.push(&p.note.as_ref().map(|n| n.as_str()))?;
            row.push(&sqlite_date(p.applied_on))?;
            row.push(&state.as_str())?;
            row.push(&since)?;
            row.push(&awaits_follow_up(state).then_some(&since))?;
            row.push(&now)?;
            row.push(&now)
        },
    )?;
    let entries: Vec<(i64, &JourneyEntry)> = keys
        .iter()
        .zip(rows)
        .flat_map(|(key, row)| row.journey.entries().iter().map(move |e| (*key, e)))
        .collect();
    insert_journey_entries_sqlite(conn, &entries, now)?;
    Ok(keys)
}

pub(crate) fn insert_journey_entries_sqlite(
    conn: &rusqlite::Connection,
    entries: &[(i64, &JourneyEntry)],
    recorded_at: i64,
) -> Result<(), StoreError> {
    // A refused row ends the whole transaction, which an import would
    // roll back anyway.
    crate::sqlite::rows::insert_rows(
        conn,
        "INSERT OR ROLLBACK",
        "journey_entries",
        "participation_id, number, action, to_state, retracts, on_date, recorded_by, note, recorded_at",
        ENTRIES_PER_STATEMENT,
        entries,
        |row, (key, entry)| {
            let (action, to_state, retracts) = entry_columns(entry);
            row.push(key)?;
            row.push(&i64::from(entry.number))?;
            row.push(&action)?;
            row.push(&to_state)?;
            row.push(&retracts)?;
            row.push(&sqlite_date(entry.on))?;
            row.push(&entry.by.as_str())?;
            row.push(&entry.note.as_ref().map(|n| n.as_str()))?;
            row.push(&recorded_at)
        },
    )
}

/// [`BulkWriter::find_many`] on SQLite: one prepared lookup a reference,
/// which on a connection of the calling thread costs less than batching
/// through sqlx.
pub(crate) fn find_many_sqlite(
    conn: &rusqlite::Connection,
    table: &'static str,
    references: &[&RecordRef],
) -> rusqlite::Result<Found> {
    use rusqlite::OptionalExtension as _;
    let mut by_uid = conn.prepare(&format!("SELECT id, uid FROM {table} WHERE uid = ?1"))?;
    // Cohorts have no external ids.
    let mut by_external_id = (table != "cohorts")
        .then(|| {
            conn.prepare(&format!(
                "SELECT id, uid FROM {table} WHERE external_id = ?1"
            ))
        })
        .transpose()?;
    let found_row = |row: &rusqlite::Row<'_>| -> rusqlite::Result<(i64, Uid)> {
        Ok((row.get(0)?, Uid::from_bytes(row.get(1)?)))
    };
    let mut found = Found::new();
    for reference in references {
        let mut hit = match reference.as_uid() {
            Some(uid) => by_uid
                .query_row([&uid.as_bytes()[..]], found_row)
                .optional()?,
            None => None,
        };
        // An external id may look like an id.
        if let (None, Some(statement)) = (hit, &mut by_external_id) {
            hit = statement
                .query_row([reference.as_str()], found_row)
                .optional()?;
        }
        if let Some(hit) = hit {
            found.insert(reference.as_str().to_owned(), hit);
        }
    }
    Ok(found)
}

pub(crate) fn add_implied_ties_sqlite(
    conn: &rusqlite::Connection,
    implied: &[ImpliedTie],
    now: Timestamp,
) -> Result<(), StoreError> {
    let mut organization_id = conn.prepare("SELECT id FROM organizations WHERE uid = ?1")?;
    // Implied ties join people to the few organizations that run programs.
    let mut organizations: std::collections::HashMap<Uid, i64> = std::collections::HashMap::new();
    let mut organization_key = |uid: Uid| -> Result<i64, StoreError> {
        if let Some(key) = organizations.get(&uid) {
            return Ok(*key);
        }
        let key = organization_id
            .query_row([&uid.as_bytes()[..]], |row| row.get(0))
            .map_err(|error| match error {
                rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound {
                    what: "organization",
                },
                other => other.into(),
            })?;
        organizations.insert(uid, key);
        Ok(key)
    };
    let mut uids = Vec::with_capacity(implied.len());
    let mut rows = Vec::with_capacity(implied.len());
    let mut written_uids = Vec::with_capacity(implied.len());
    let mut writing = std::collections::HashSet::new();
    for implied in implied {
        let uid = implied.tie.natural_uid();
        uids.push(uid);
        // Two participations may imply the same tie: written once.
        if !writing.insert(uid) {
            continue;
        }
        written_uids.push(uid);
        let tie = &implied.tie;
        let mut end_key = |end: &kyoso_domain::Endpoint<Uid>| match end.kind {
            EntityKind::Person => Ok(implied.person),
            EntityKind::Organization => organization_key(end.key),
            // A participation implies ties to people and organizations only.
            EntityKind::Event => Err(StoreError::NotFound { what: "event" }),
        };
        let mut ends = [end_key(&tie.from)?, end_key(&tie.to)?].into_iter();
        let owner_id = implied.owner.map(&mut organization_key).transpose()?;
        let keyed = tie
            .clone()
            .map_ref(|_| ends.next().unwrap_or_else(|| unreachable!()));
        let meta = crate::registry::RowMeta {
            uid,
            external_id: None,
            owner_id,
            created_at: now,
            updated_at: now,
        };
        rows.push(crate::registry::tie_values(&meta, &keyed));
    }
    // As for participations, the keys after the last one are free.
    let last: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM ties", [], |row| {
        row.get(0)
    })?;
    let key_of: std::collections::HashMap<Uid, i64> = written_uids
        .iter()
        .enumerate()
        .map(|(n, uid)| (*uid, last + 1 + n as i64))
        .collect();
    // A tie kyoso has already is left as it is: its insert is ignored
    // (its uid is taken). The values are the domain's, so no other
    // constraint can be what is ignored; and ignoring, unlike aborting,
    // keeps SQLite from journaling each statement's changes.
    let keyed: Vec<(i64, Vec<crate::value::Value>)> = (last + 1..).zip(rows).collect();
    crate::sqlite::rows::insert_rows(
        conn,
        "INSERT OR IGNORE",
        "ties",
        &format!("id, {}", crate::Table::Ties.column_list()),
        TIES_PER_STATEMENT,
        &keyed,
        |row, (key, values)| {
            row.push(key)?;
            values.iter().try_for_each(|value| row.push(value))
        },
    )?;
    // Only the ties written here are linked: one kyoso had before is not
    // taken over.
    let mut written = std::collections::HashSet::new();
    {
        let mut select = conn.prepare("SELECT id FROM ties WHERE id > ?1")?;
        let mut found = select.query([last])?;
        while let Some(row) = found.next()? {
            written.insert(row.get::<_, i64>(0)?);
        }
    }
    let mut links = Vec::with_capacity(implied.len());
    // A tie that was there and that other participations imply is shared.
    let mut share = conn.prepare(
        "INSERT OR IGNORE INTO participation_ties (participation_id, tie_id) \
         SELECT ?1, t.id FROM ties t WHERE t.uid = ?2 \
         AND EXISTS (SELECT 1 FROM participation_ties pt WHERE pt.tie_id = t.id)",
    )?;
    for (implied, uid) in implied.iter().zip(&uids) {
        match key_of.get(uid) {
            Some(id) if written.contains(id) => links.push([implied.participation, *id]),
            _ => {
                share.execute(rusqlite::params![
                    implied.participation,
                    &uid.as_bytes()[..]
                ])?;
            }
        }
    }
    crate::sqlite::rows::insert_rows(
        conn,
        "INSERT OR ROLLBACK",
        "participation_ties",
        "participation_id, tie_id",
        LINKS_PER_STATEMENT,
        &links,
        |row, [participation, tie]| {
            row.push(participation)?;
            row.push(tie)
        },
    )
}
