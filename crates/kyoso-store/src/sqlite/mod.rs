//! What kyoso does on SQLite beyond portable SQL: bulk writes on the
//! connection's own handle, and reads of many rows (or by key) through
//! connections of their own. The feature modules call these behind the
//! same functions they offer on PostgreSQL.

pub(crate) mod fast_read;
pub(crate) mod programs;
pub(crate) mod reads;
pub(crate) mod rows;
