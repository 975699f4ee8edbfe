//! Values on their way into the database, and the one column type that
//! needs an encoding of its own on each engine (time).

use std::fmt::Write as _;

use kyoso_domain::{Timestamp, Uid};
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgTypeInfo, PgValueRef, Postgres};
use sqlx::sqlite::{Sqlite, SqliteArgumentsBuffer, SqliteTypeInfo, SqliteValueRef};
use sqlx::{Decode, Encode, Type};
use time::OffsetDateTime;

/// One column value of a row being written. SQLite binds it natively;
/// PostgreSQL receives its text form (through `COPY`, or as a text parameter
/// cast to the column's type), which keeps one encoding for both paths.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Bool(bool),
    Text(String),
    Uid(Uid),
    /// JSON text: TEXT on SQLite, JSONB on PostgreSQL.
    Json(String),
    Time(Timestamp),
}

impl Value {
    pub(crate) fn text(value: Option<impl ToString>) -> Value {
        value.map_or(Value::Null, |v| Value::Text(v.to_string()))
    }

    /// Text copied as it is: cheaper than `text`, which formats.
    pub(crate) fn str(value: Option<&str>) -> Value {
        value.map_or(Value::Null, |v| Value::Text(v.to_owned()))
    }

    pub(crate) fn id(value: Option<i64>) -> Value {
        value.map_or(Value::Null, Value::Int)
    }

    pub(crate) fn json<T: serde::Serialize>(value: &T) -> Value {
        // Serializing plain domain data to a string cannot fail.
        Value::Json(serde_json::to_string(value).unwrap_or_else(|_| "null".into()))
    }

    /// The value's text form for PostgreSQL, `None` for NULL.
    pub(crate) fn pg_text(&self, out: &mut String) -> bool {
        match self {
            Value::Null => return false,
            Value::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Value::Real(r) => {
                let _ = write!(out, "{r}");
            }
            Value::Bool(b) => out.push(if *b { 't' } else { 'f' }),
            Value::Text(s) | Value::Json(s) => out.push_str(s),
            Value::Uid(u) => {
                let _ = write!(out, "{u}");
            }
            Value::Time(t) => out.push_str(std::str::from_utf8(&t.rfc3339()).unwrap_or_default()),
        }
        true
    }

    /// Appends the value as one field of a `COPY ... FROM STDIN` text row.
    pub(crate) fn write_copy_field(&self, scratch: &mut String, out: &mut Vec<u8>) {
        scratch.clear();
        if !self.pg_text(scratch) {
            out.extend_from_slice(b"\\N");
            return;
        }
        for byte in scratch.bytes() {
            match byte {
                b'\\' => out.extend_from_slice(b"\\\\"),
                b'\t' => out.extend_from_slice(b"\\t"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                _ => out.push(byte),
            }
        }
    }
}

impl Type<Sqlite> for Value {
    fn type_info() -> SqliteTypeInfo {
        <String as Type<Sqlite>>::type_info()
    }
}

impl<'q> Encode<'q, Sqlite> for Value {
    fn encode_by_ref(&self, buf: &mut SqliteArgumentsBuffer) -> Result<IsNull, BoxDynError> {
        match self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(i) => <i64 as Encode<Sqlite>>::encode_by_ref(i, buf),
            Value::Real(r) => <f64 as Encode<Sqlite>>::encode_by_ref(r, buf),
            Value::Bool(b) => <i64 as Encode<Sqlite>>::encode(i64::from(*b), buf),
            Value::Text(s) | Value::Json(s) => <String as Encode<Sqlite>>::encode_by_ref(s, buf),
            Value::Uid(u) => <uuid::Uuid as Encode<Sqlite>>::encode(u.uuid(), buf),
            Value::Time(t) => <i64 as Encode<Sqlite>>::encode(t.unix_micros(), buf),
        }
    }
}

/// A timestamp column: INTEGER microseconds since the epoch on SQLite,
/// TIMESTAMPTZ on PostgreSQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DbTime(pub(crate) Timestamp);

impl Type<Sqlite> for DbTime {
    fn type_info() -> SqliteTypeInfo {
        <i64 as Type<Sqlite>>::type_info()
    }
}

impl<'r> Decode<'r, Sqlite> for DbTime {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        let micros = <i64 as Decode<Sqlite>>::decode(value)?;
        Timestamp::from_unix_micros(micros)
            .map(DbTime)
            .ok_or_else(|| format!("time {micros} is out of range").into())
    }
}

impl<'q> Encode<'q, Sqlite> for DbTime {
    fn encode_by_ref(&self, buf: &mut SqliteArgumentsBuffer) -> Result<IsNull, BoxDynError> {
        <i64 as Encode<Sqlite>>::encode(self.0.unix_micros(), buf)
    }
}

impl<'q> Encode<'q, Postgres> for DbTime {
    fn encode_by_ref(
        &self,
        buf: &mut sqlx::postgres::PgArgumentBuffer,
    ) -> Result<IsNull, BoxDynError> {
        <OffsetDateTime as Encode<Postgres>>::encode(self.0.offset_date_time(), buf)
    }
}

impl Type<Postgres> for DbTime {
    fn type_info() -> PgTypeInfo {
        <OffsetDateTime as Type<Postgres>>::type_info()
    }
}

impl<'r> Decode<'r, Postgres> for DbTime {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        let at = <OffsetDateTime as Decode<Postgres>>::decode(value)?;
        Ok(DbTime(Timestamp::from_offset_date_time(at)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy_field(value: Value) -> String {
        let mut out = Vec::new();
        value.write_copy_field(&mut String::new(), &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn copy_text_escapes_what_copy_would_split_on() {
        assert_eq!(copy_field(Value::Null), "\\N");
        assert_eq!(
            copy_field(Value::Text("a\tb\nc\\d\re".into())),
            "a\\tb\\nc\\\\d\\re"
        );
        assert_eq!(
            copy_field(Value::Json(r#"["a\"b"]"#.into())),
            r#"["a\\"b"]"#
        );
        assert_eq!(copy_field(Value::Bool(true)), "t");
        assert_eq!(copy_field(Value::Int(-3)), "-3");
    }
}
