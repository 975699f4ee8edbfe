//! What kyoso does on PostgreSQL beyond portable SQL: bulk writes by
//! `COPY`. The feature modules call these behind the same functions they
//! offer on SQLite.

pub(crate) mod copy;
