//! The PostgreSQL fast paths of the bulk writer: COPY, kept together.

use kyoso_domain::Timestamp;
use sqlx::{AssertSqlSafe, Postgres, Transaction};
use uuid::Uuid;

use crate::programs::{
    NewParticipation, ROWS_PER_ARRAY_STATEMENT, awaits_follow_up, entry_columns,
};
use crate::table::{self, Key};
use crate::value::{DbTime, Value};
use crate::{Engine, StoreError, Table};
use kyoso_domain::JourneyEntry;

pub(crate) async fn insert_participations_postgres(
    conn: &mut sqlx::PgConnection,
    rows: &[NewParticipation],
    now: Timestamp,
) -> Result<Vec<i64>, StoreError> {
    let now = DbTime(now);
    let mut keys = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(ROWS_PER_ARRAY_STATEMENT) {
        let column = |pick: &dyn Fn(&NewParticipation) -> Option<String>| -> Vec<Option<String>> {
            chunk.iter().map(pick).collect()
        };
        let since = |row: &NewParticipation| row.journey.since().unwrap_or(row.applied_on);
        let returned: Vec<(i64, Uuid)> = sqlx::query_as(
            "INSERT INTO participations (uid, external_id, program_id, cohort_id, person_id, role, host_id, \
             note, applied_on, state, state_since, follow_up_due, created_at, updated_at) \
             SELECT v.*, $13, $13 FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::bigint[], \
             $5::bigint[], $6::text[], $7::bigint[], $8::text[], $9::date[], $10::text[], $11::date[], \
             $12::date[]) AS v RETURNING id, uid",
        )
        .bind(chunk.iter().map(|r| r.uid.uuid()).collect::<Vec<_>>())
        .bind(column(&|r| r.external_id.as_ref().map(|e| e.as_str().to_owned())))
        .bind(chunk.iter().map(|r| r.program).collect::<Vec<_>>())
        .bind(chunk.iter().map(|r| r.cohort).collect::<Vec<_>>())
        .bind(chunk.iter().map(|r| r.person).collect::<Vec<_>>())
        .bind(chunk.iter().map(|r| r.role.as_str()).collect::<Vec<_>>())
        .bind(chunk.iter().map(|r| r.host).collect::<Vec<_>>())
        .bind(column(&|r| r.note.as_ref().map(|n| n.as_str().to_owned())))
        .bind(chunk.iter().map(|r| r.applied_on).collect::<Vec<_>>())
        .bind(chunk.iter().map(|r| r.journey.state().as_str()).collect::<Vec<_>>())
        .bind(chunk.iter().map(since).collect::<Vec<_>>())
        .bind(
            chunk
                .iter()
                .map(|r| awaits_follow_up(r.journey.state()).then(|| since(r)))
                .collect::<Vec<_>>(),
        )
        .bind(now)
        .fetch_all(&mut *conn)
        .await?;
        let by_uid: std::collections::HashMap<Uuid, i64> =
            returned.into_iter().map(|(id, uid)| (uid, id)).collect();
        let first = keys.len();
        for row in chunk {
            keys.push(*by_uid.get(&row.uid.uuid()).ok_or(StoreError::NotFound {
                what: "participation",
            })?);
        }
        let entries: Vec<(i64, &JourneyEntry)> = keys[first..]
            .iter()
            .zip(chunk)
            .flat_map(|(key, row)| row.journey.entries().iter().map(move |e| (*key, e)))
            .collect();
        let columns: Vec<_> = entries.iter().map(|(_, e)| entry_columns(e)).collect();
        sqlx::query(
            "INSERT INTO journey_entries (participation_id, number, action, to_state, retracts, on_date, \
             recorded_by, note, recorded_at) \
             SELECT v.*, $9 FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], \
             $6::date[], $7::text[], $8::text[]) AS v",
        )
        .bind(entries.iter().map(|(key, _)| *key).collect::<Vec<_>>())
        .bind(entries.iter().map(|(_, e)| i64::from(e.number)).collect::<Vec<_>>())
        .bind(columns.iter().map(|c| c.0).collect::<Vec<_>>())
        .bind(columns.iter().map(|c| c.1).collect::<Vec<_>>())
        .bind(columns.iter().map(|c| c.2).collect::<Vec<_>>())
        .bind(entries.iter().map(|(_, e)| e.on).collect::<Vec<_>>())
        .bind(entries.iter().map(|(_, e)| e.by.as_str()).collect::<Vec<_>>())
        .bind(
            entries
                .iter()
                .map(|(_, e)| e.note.as_ref().map(|n| n.as_str()))
                .collect::<Vec<_>>(),
        )
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(keys)
}

/// Rows in `COPY` text form, with the staging table's key column if asked.
pub(crate) fn copy_rows(rows: &[Vec<Value>], key_by_uid: Option<bool>) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows.len() * 256);
    let mut scratch = String::new();
    for row in rows {
        for (i, value) in row.iter().enumerate() {
            if i > 0 {
                out.push(b'\t');
            }
            value.write_copy_field(&mut scratch, &mut out);
        }
        if let Some(by_uid) = key_by_uid {
            out.extend_from_slice(if by_uid { b"\tt" } else { b"\tf" });
        }
        out.push(b'\n');
    }
    out
}

/// Below this many rows a write is an `INSERT`; above, a `COPY`.
const COPY_THRESHOLD: usize = 64;

/// Writes `rows` of `into` in the transaction `conn`: an `INSERT` for a
/// few rows, a `COPY` for many, through a staging table merged by `key`
/// when rows may exist already. Returns the rows inserted or changed.
pub(crate) async fn write_rows(
    conn: &mut Transaction<'static, Postgres>,
    into: Table,
    key: Key,
    rows: &[Vec<Value>],
    stage_created: &mut bool,
) -> Result<u64, StoreError> {
    if rows.len() < COPY_THRESHOLD {
        let sql = table::insert_sql(Engine::Postgres, into, rows.len(), key);
        let mut query = sqlx::query(AssertSqlSafe(sql));
        let mut text = String::new();
        for value in rows.iter().flatten() {
            text.clear();
            let bound = value.pg_text(&mut text).then(|| text.clone());
            query = query.bind(bound);
        }
        return Ok(query.execute(&mut **conn).await?.rows_affected());
    }
    if key == Key::None {
        let mut copy = conn.copy_in_raw(&table::copy_sql(into)).await?;
        copy.send(copy_rows(rows, None)).await?;
        return Ok(copy.finish().await?);
    }
    let stage = table::stage_name(into);
    if !*stage_created {
        let create = format!("{} ON COMMIT DROP", table::create_stage_sql(into));
        sqlx::query(AssertSqlSafe(create))
            .execute(&mut **conn)
            .await?;
        *stage_created = true;
    }
    sqlx::query(AssertSqlSafe(format!("TRUNCATE {stage}")))
        .execute(&mut **conn)
        .await?;
    let mut copy = conn.copy_in_raw(&table::copy_stage_sql(into)).await?;
    copy.send(copy_rows(rows, Some(key == Key::Uid))).await?;
    copy.finish().await?;
    let merge = table::merge_stage_sql(into, key);
    Ok(sqlx::query(AssertSqlSafe(merge))
        .execute(&mut **conn)
        .await?
        .rows_affected())
}
