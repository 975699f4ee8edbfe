//! SQL assembled at run time (filters, scopes) with its parameters kept
//! beside it, numbered for the engine at hand.

use sqlx::postgres::PgArguments;
use sqlx::query::QueryAs;
use sqlx::sqlite::SqliteArguments;
use sqlx::{Postgres, Sqlite};
use uuid::Uuid;

use crate::Engine;

#[derive(Debug, Clone)]
pub(crate) enum Bind {
    Text(String),
    Int(i64),
    Uid(Uuid),
    Date(time::Date),
    Time(kyoso_domain::Timestamp),
    /// A text or NULL.
    OptionalText(Option<String>),
    /// A whole number or NULL.
    OptionalInt(Option<i64>),
    /// A list of texts: several placeholders on SQLite, one array on PostgreSQL.
    TextList(Vec<String>),
}

#[derive(Debug)]
pub(crate) struct Sql {
    pub(crate) engine: Engine,
    pub(crate) text: String,
    binds: Vec<Bind>,
}

impl Sql {
    pub(crate) fn new(engine: Engine, text: impl Into<String>) -> Sql {
        Sql {
            engine,
            text: text.into(),
            binds: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, text: &str) -> &mut Sql {
        self.text.push_str(text);
        self
    }

    /// Appends a placeholder for `value`.
    pub(crate) fn bind(&mut self, value: Bind) -> &mut Sql {
        match (&value, self.engine) {
            (Bind::TextList(items), Engine::Sqlite) => {
                let items = items.clone();
                for (i, item) in items.into_iter().enumerate() {
                    if i > 0 {
                        self.text.push_str(", ");
                    }
                    self.binds.push(Bind::Text(item));
                    self.text.push('?');
                }
                return self;
            }
            (Bind::TextList(_), Engine::Postgres) => {
                self.binds.push(value);
                let n = self.binds.len();
                self.text.push_str(&format!("${n}::text[]"));
                return self;
            }
            _ => {}
        }
        self.binds.push(value);
        match self.engine {
            Engine::Sqlite => self.text.push('?'),
            Engine::Postgres => {
                let n = self.binds.len();
                self.text.push_str(&format!("${n}"));
            }
        }
        self
    }

    pub(crate) fn sqlite_as<T>(&self) -> QueryAs<'_, Sqlite, T, SqliteArguments>
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>,
    {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(self.text.as_str()));
        for bind in &self.binds {
            query = match bind {
                Bind::Text(t) => query.bind(t.as_str()),
                Bind::Int(i) => query.bind(*i),
                Bind::Uid(u) => query.bind(*u),
                Bind::Date(d) => query.bind(*d),
                Bind::Time(t) => query.bind(crate::value::DbTime(*t)),
                Bind::OptionalText(t) => query.bind(t.clone()),
                Bind::OptionalInt(i) => query.bind(*i),
                Bind::TextList(_) => query,
            };
        }
        query
    }

    /// The statement for SQLite, for statements that return no rows.
    pub(crate) fn sqlite_query(&self) -> sqlx::query::Query<'_, Sqlite, SqliteArguments> {
        let mut query = sqlx::query(sqlx::AssertSqlSafe(self.text.as_str()));
        for bind in &self.binds {
            query = match bind {
                Bind::Text(t) => query.bind(t.as_str()),
                Bind::Int(i) => query.bind(*i),
                Bind::Uid(u) => query.bind(*u),
                Bind::Date(d) => query.bind(*d),
                Bind::Time(t) => query.bind(crate::value::DbTime(*t)),
                Bind::OptionalText(t) => query.bind(t.clone()),
                Bind::OptionalInt(i) => query.bind(*i),
                Bind::TextList(_) => query,
            };
        }
        query
    }

    pub(crate) fn postgres_query(&self) -> sqlx::query::Query<'_, Postgres, PgArguments> {
        let mut query = sqlx::query(sqlx::AssertSqlSafe(self.text.as_str()));
        for bind in &self.binds {
            query = match bind {
                Bind::Text(t) => query.bind(t.as_str()),
                Bind::Int(i) => query.bind(*i),
                Bind::Uid(u) => query.bind(*u),
                Bind::Date(d) => query.bind(*d),
                Bind::Time(t) => query.bind(crate::value::DbTime(*t)),
                Bind::OptionalText(t) => query.bind(t.clone()),
                Bind::OptionalInt(i) => query.bind(*i),
                Bind::TextList(items) => query.bind(items.clone()),
            };
        }
        query
    }

    pub(crate) fn postgres_as<T>(&self) -> QueryAs<'_, Postgres, T, PgArguments>
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>,
    {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(self.text.as_str()));
        for bind in &self.binds {
            query = match bind {
                Bind::Text(t) => query.bind(t.as_str()),
                Bind::Int(i) => query.bind(*i),
                Bind::Uid(u) => query.bind(*u),
                Bind::Date(d) => query.bind(*d),
                Bind::Time(t) => query.bind(crate::value::DbTime(*t)),
                Bind::OptionalText(t) => query.bind(t.clone()),
                Bind::OptionalInt(i) => query.bind(*i),
                Bind::TextList(items) => query.bind(items.clone()),
            };
        }
        query
    }
}
