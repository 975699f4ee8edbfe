//! Writing rows on SQLite through the connection's own handle.
//!
//! sqlx hands each statement to a worker thread with its parameters copied
//! into shared buffers; for bulk loads that costs more than SQLite's own
//! work. Here a batch is written on the locked handle instead: multi-row
//! `INSERT`s prepared once, each value bound by reference and stepped,
//! which is several times faster and still inside the caller's transaction.

use rusqlite::ToSql;
use rusqlite::types::{ToSqlOutput, ValueRef};
use sqlx::sqlite::LockedSqliteHandle;

use crate::table::{self, Key};
use crate::value::Value;
use crate::{Engine, StoreError, Table};

/// Rows per statement: enough that opening and closing the statement's
/// cursors is spread thin, few enough to stay well under SQLite's
/// parameter limit.
const ROWS_PER_STATEMENT: usize = 256;

impl ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(i) => ToSqlOutput::Borrowed(ValueRef::Integer(*i)),
            Value::Real(r) => ToSqlOutput::Borrowed(ValueRef::Real(*r)),
            Value::Bool(b) => ToSqlOutput::Borrowed(ValueRef::Integer(i64::from(*b))),
            Value::Text(s) | Value::Json(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Value::Uid(u) => ToSqlOutput::Borrowed(ValueRef::Blob(u.as_bytes())),
            Value::Time(t) => ToSqlOutput::Borrowed(ValueRef::Integer(t.unix_micros())),
        })
    }
}

/// Runs `write` on a rusqlite connection that borrows the handle sqlx has
/// locked for the caller (`SqliteConnection::lock_handle`): the lock guard
/// is borrowed for the whole call, so only a holder of the lock can get
/// here. Every statement `write` prepares is finalized before this returns.
#[allow(
    unsafe_code,
    reason = "borrowing sqlx's locked connection handle, see SAFETY"
)]
pub(crate) fn with_connection<T>(
    handle: &mut LockedSqliteHandle<'_>,
    write: impl FnOnce(&rusqlite::Connection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    // SAFETY: sqlx's lock guard, held by the caller for the whole call,
    // guarantees that its worker thread makes no call on this handle or its
    // statements meanwhile. `from_handle` does not take ownership: dropping
    // the rusqlite connection leaves the handle open, and the statements
    // `write` prepares borrow the connection, so they are finalized before
    // it is dropped here.
    let conn = unsafe { rusqlite::Connection::from_handle(handle.as_raw_handle().as_ptr()) }?;
    write(&conn)
}

/// Inserts (or upserts, by `key`) `rows` of `table` on `handle`; returns the
/// number of rows inserted or changed.
pub(crate) fn insert(
    handle: &mut LockedSqliteHandle<'_>,
    table: Table,
    key: Key,
    rows: &[Vec<Value>],
) -> Result<u64, StoreError> {
    with_connection(handle, |conn| {
        execute_in_chunks(
            conn,
            rows,
            ROWS_PER_STATEMENT,
            |n| table::insert_sql(Engine::Sqlite, table, n, key).to_string(),
            |row, values| values.iter().try_for_each(|value| row.push(value)),
        )
    })
}

/// Binds one row's values, in column order, to a multi-row statement.
pub(crate) struct RowBinder<'s, 'c> {
    statement: &'s mut rusqlite::Statement<'c>,
    index: usize,
}

impl RowBinder<'_, '_> {
    pub(crate) fn push(&mut self, value: &dyn ToSql) -> rusqlite::Result<()> {
        self.index += 1;
        self.statement.raw_bind_parameter(self.index, value)
    }
}

/// Inserts `rows` into `columns` (a column list, `"a, b, c"`) of `table`,
/// `per_statement` rows a statement, `bind` binding each row's values in
/// column order. `verb` begins the statement: `INSERT OR ROLLBACK` or
/// `INSERT OR IGNORE`, because a multi-row statement that could abort
/// halfway makes SQLite journal every page it touches in case it must undo
/// the statement alone, and these never do.
pub(crate) fn insert_rows<T>(
    conn: &rusqlite::Connection,
    verb: &str,
    table: &str,
    columns: &str,
    per_statement: usize,
    rows: &[T],
    bind: impl FnMut(&mut RowBinder<'_, '_>, &T) -> rusqlite::Result<()>,
) -> Result<(), StoreError> {
    let placeholders = format!("({})", vec!["?"; columns.split(',').count()].join(", "));
    let sql = |rows: usize| {
        format!(
            "{verb} INTO {table} ({columns}) VALUES {}",
            vec![placeholders.as_str(); rows].join(", ")
        )
    };
    execute_in_chunks(conn, rows, per_statement, sql, bind).map(|_| ())
}

/// Runs `sql(n)`, a statement of `n` rows, over `rows` in chunks of
/// `per_statement` (and one shorter for the rest), `bind` binding each
/// row. The full-size statement is prepared once. Returns the rows changed.
fn execute_in_chunks<T>(
    conn: &rusqlite::Connection,
    rows: &[T],
    per_statement: usize,
    sql: impl Fn(usize) -> String,
    mut bind: impl FnMut(&mut RowBinder<'_, '_>, &T) -> rusqlite::Result<()>,
) -> Result<u64, StoreError> {
    let mut affected = 0;
    let mut full: Option<rusqlite::Statement<'_>> = None;
    for chunk in rows.chunks(per_statement) {
        let mut partial;
        let statement = if chunk.len() == per_statement {
            match &mut full {
                Some(statement) => statement,
                None => full.insert(conn.prepare(&sql(per_statement))?),
            }
        } else {
            partial = conn.prepare(&sql(chunk.len()))?;
            &mut partial
        };
        let mut binder = RowBinder {
            statement,
            index: 0,
        };
        for row in chunk {
            bind(&mut binder, row)?;
        }
        affected += binder.statement.raw_execute()? as u64;
    }
    Ok(affected)
}
