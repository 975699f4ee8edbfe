//! Fresh databases for tests: a SQLite file in a temporary directory, or a
//! PostgreSQL database of its own, dropped when the test is done.
//!
//! PostgreSQL tests run when `KYOSO_TEST_POSTGRES_URL` names a server (an
//! administrative database on it, e.g. `postgres://postgres@127.0.0.1/postgres`).
//! When `KYOSO_TEST_POSTGRES=required` is also set, as the test command sets
//! it, a missing server fails the tests instead of skipping PostgreSQL.

#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};

pub use kyoso_store::Engine;
use kyoso_store::Store;
use sqlx::Connection;

/// The engines this test run covers.
pub fn engines() -> Vec<Engine> {
    let mut engines = vec![Engine::Sqlite];
    if postgres_admin_url().is_some() {
        engines.push(Engine::Postgres);
    } else if std::env::var("KYOSO_TEST_POSTGRES").as_deref() == Ok("required") {
        panic!("KYOSO_TEST_POSTGRES=required but KYOSO_TEST_POSTGRES_URL is not set");
    } else {
        eprintln!("note: KYOSO_TEST_POSTGRES_URL is not set; PostgreSQL is not tested");
    }
    engines
}

fn postgres_admin_url() -> Option<String> {
    std::env::var("KYOSO_TEST_POSTGRES_URL")
        .ok()
        .filter(|url| !url.is_empty())
}

/// A database that exists for one test.
#[derive(Debug)]
pub struct TestDb {
    pub engine: Engine,
    pub url: String,
    dir: tempfile::TempDir,
    postgres: Option<(String, String)>,
}

impl TestDb {
    pub async fn new(engine: Engine) -> TestDb {
        let dir = tempfile::tempdir().expect("temporary directory");
        match engine {
            Engine::Sqlite => TestDb {
                engine,
                url: format!("sqlite://{}", dir.path().join("kyoso.db").display()),
                dir,
                postgres: None,
            },
            Engine::Postgres => {
                let admin = postgres_admin_url().expect("KYOSO_TEST_POSTGRES_URL");
                let name = format!("kyoso_test_{}", uuid::Uuid::now_v7().simple());
                let mut conn = sqlx::PgConnection::connect(&admin)
                    .await
                    .expect("connect to the PostgreSQL test server");
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut conn)
                    .await
                    .expect("create a test database");
                let url = with_database(&admin, &name);
                TestDb {
                    engine,
                    url,
                    dir,
                    postgres: Some((admin, name)),
                }
            }
        }
    }

    /// Opens (and migrates) the database.
    pub async fn store(&self) -> Store {
        Store::open(&self.url)
            .await
            .expect("open the test database")
    }

    /// Runs a script of SQL statements (a `pg_dump --inserts` file, say)
    /// on the PostgreSQL database, before kyoso opens it.
    pub async fn load_postgres_script(&self, script: &str) {
        assert_eq!(self.engine, Engine::Postgres, "a PostgreSQL script");
        let mut conn = sqlx::PgConnection::connect(&self.url)
            .await
            .expect("connect to the test database");
        sqlx::raw_sql(sqlx::AssertSqlSafe(script))
            .execute(&mut conn)
            .await
            .expect("load the script");
    }

    /// Runs statements on the database directly, behind kyoso's back (to
    /// shape a database of an earlier version before kyoso opens it).
    pub async fn execute(&self, sql: &str) {
        match self.engine {
            Engine::Sqlite => {
                let mut conn = sqlx::SqliteConnection::connect(&self.url)
                    .await
                    .expect("connect to the test database");
                sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
                    .execute(&mut conn)
                    .await
                    .expect("run the statements");
            }
            Engine::Postgres => self.load_postgres_script(sql).await,
        }
    }

    /// The first column of every row a query returns, as text.
    pub async fn texts(&self, query: &str) -> Vec<String> {
        match self.engine {
            Engine::Sqlite => {
                let mut conn = sqlx::SqliteConnection::connect(&self.url)
                    .await
                    .expect("connect to the test database");
                sqlx::query_scalar(sqlx::AssertSqlSafe(query))
                    .fetch_all(&mut conn)
                    .await
                    .expect("run the query")
            }
            Engine::Postgres => {
                let mut conn = sqlx::PgConnection::connect(&self.url)
                    .await
                    .expect("connect to the test database");
                sqlx::query_scalar(sqlx::AssertSqlSafe(query))
                    .fetch_all(&mut conn)
                    .await
                    .expect("run the query")
            }
        }
    }

    /// A directory for the test's files, removed with the database.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some((admin, name)) = self.postgres.take() else {
            return;
        };
        // Drop may run inside a runtime, so the cleanup gets a thread and a
        // runtime of its own.
        let cleanup = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            runtime.block_on(async {
                if let Ok(mut conn) = sqlx::PgConnection::connect(&admin).await {
                    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                    )))
                    .execute(&mut conn)
                    .await;
                }
            });
        });
        let _ = cleanup.join();
    }
}

/// The same server URL with another database name.
fn with_database(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let server = match base.rfind('/') {
        Some(slash) if slash > base.find("://").map_or(0, |i| i + 2) => &base[..slash],
        _ => base,
    };
    match query {
        Some(query) => format!("{server}/{database}?{query}"),
        None => format!("{server}/{database}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_names_are_swapped() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(with_database("postgres://h", "x"), "postgres://h/x");
        assert_eq!(
            with_database("postgres://h/db?sslmode=disable", "x"),
            "postgres://h/x?sslmode=disable"
        );
    }
}
