//! Reading the change feed (written by [`BulkWriter::changed`], in the
//! transaction of each write), and waking up when another process wrote:
//! PostgreSQL's `LISTEN`, SQLite's `data_version`.

use std::time::Duration;

use kyoso_domain::Uid;
use uuid::Uuid;

use crate::{Pool, Store, StoreError, dispatch};

/// One entry of the feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub seq: i64,
    pub table: String,
    /// The record changed; none when many records of the table were.
    pub record: Option<Uid>,
}

/// How often a SQLite database is asked whether another process wrote.
const SQLITE_POLL: Duration = Duration::from_millis(100);

impl Store {
    /// The feed's entries after `seq`, in order, at most `limit`.
    pub async fn changes_after(&self, seq: i64, limit: i64) -> Result<Vec<Change>, StoreError> {
        let rows: Vec<(i64, String, Option<Uuid>)> = dispatch!(self, pool => {
            sqlx::query_as(
                "SELECT seq, record_table, record_uid FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2",
            )
            .bind(seq)
            .bind(limit)
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(seq, table, record)| Change {
                seq,
                table,
                record: record.map(Uid::from_uuid),
            })
            .collect())
    }

    /// The newest entry's number (0 for an empty feed).
    pub async fn last_change(&self) -> Result<i64, StoreError> {
        Ok(dispatch!(self, pool => {
            sqlx::query_scalar::<_, Option<i64>>("SELECT max(seq) FROM changes")
                .fetch_one(pool)
                .await?
        })
        .unwrap_or(0))
    }

    /// Whether a number missing from the feed may still appear: on
    /// PostgreSQL, while some transaction that wrote is still open (it may
    /// hold the number); never on SQLite, whose writers commit one at a
    /// time in the order they number.
    pub async fn gap_may_fill(&self) -> Result<bool, StoreError> {
        match &self.pool {
            Pool::Postgres(pool) => Ok(sqlx::query_scalar::<_, i64>(
                "SELECT count(*) FROM unnest(pg_snapshot_xip(pg_current_snapshot()))",
            )
            .fetch_one(pool)
            .await?
                > 0),
            Pool::Sqlite(_) => Ok(false),
        }
    }

    /// Calls `written` whenever another process (or this one) may have
    /// written, for as long as `go_on` says: on PostgreSQL at each
    /// notification of a commit, on SQLite when the file's `data_version`
    /// moves (checked every 100 ms).
    pub async fn watch_writes(
        &self,
        written: impl Fn() + Send,
        go_on: impl Fn() -> bool + Send,
    ) -> Result<(), StoreError> {
        match &self.pool {
            Pool::Postgres(pool) => {
                let mut listener = sqlx::postgres::PgListener::connect_with(pool).await?;
                listener.listen("kyoso_changes").await?;
                while go_on() {
                    // A dropped connection is reconnected by `try_recv`;
                    // after one, a notification may have been lost: the
                    // follower's own timer covers it.
                    if let Ok(received) =
                        tokio::time::timeout(Duration::from_secs(1), listener.try_recv()).await
                    {
                        received?;
                        written();
                    }
                }
                Ok(())
            }
            Pool::Sqlite(pool) => {
                // A connection of its own, out of the pool: the pool can
                // close while this one watches.
                let mut conn = pool.acquire().await?.detach();
                let mut last: Option<i64> = None;
                while go_on() {
                    let version: i64 = sqlx::query_scalar("PRAGMA data_version")
                        .fetch_one(&mut conn)
                        .await?;
                    if last.is_some_and(|l| l != version) {
                        written();
                    }
                    last = Some(version);
                    tokio::time::sleep(SQLITE_POLL).await;
                }
                Ok(())
            }
        }
    }
}
