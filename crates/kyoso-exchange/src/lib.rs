//! kyoso's file formats: people, organizations and ties as CSV and JSON.
//!
//! Reading turns each row into a validated [`Incoming`] record or into the
//! list of everything wrong with it (line and column named), and goes on to
//! the next row, so that one pass reports every bad row. Whole-file faults
//! (a header with an unknown column, JSON that is not JSON) stop the read.
//! Input is streamed: memory does not grow with the file, beyond the keys
//! kept to catch duplicates.
//!
//! Writing produces files that read back into the same records. CSV cells
//! that a spreadsheet would run as a formula are written with a leading `'`,
//! which reading removes again.
//!
//! This crate does no IO of its own: it reads from any `Read` and writes to
//! any `Write` it is given.

#![forbid(unsafe_code)]

mod fields;
mod json;
mod knowledge;
mod needs;
mod object;
mod parse;
mod programs;
mod round;
mod write;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};
use std::io::Read;
use std::marker::PhantomData;
use std::path::Path;

use kyoso_domain::{Incoming, RecordRef, RowError, Text, Timestamp};

pub use knowledge::{
    LessonReader, LessonRow, answer_from_json, lesson_from_json, lesson_row, lesson_to_json,
    lesson_translation_from_json, question_from_json,
};
pub use needs::{need_from_json, offer_from_json};
pub use object::{FieldFaults, from_object};
pub use parse::Record;
pub use programs::{ProgramReader, cohort_from_json, program_from_json, program_to_json};
pub use round::{
    MAX_CAPACITY, MAX_ROUND_SCORE, ROUND_COLUMNS, Round, RoundHost, RoundPair, RoundParticipant,
    read_round,
};
pub use write::{Exportable, Writer, to_json};

/// Reads one record from a JSON object with the file columns as keys (the
/// shape of the API): the record, or every fault found, each naming its field.
pub fn from_json<T: Record>(
    object: serde_json::Map<String, serde_json::Value>,
    defaults: &Defaults,
) -> Result<Incoming<T>, Vec<RowError>> {
    let unknown: Vec<RowError> = object
        .keys()
        .filter(|key| !T::COLUMNS.contains(&key.as_str()))
        .map(|key| RowError::new(0, key.as_str(), "unknown field"))
        .collect();
    if !unknown.is_empty() {
        return Err(unknown);
    }
    T::parse(&json::JsonRow { line: 0, object }, defaults)
}

/// The file formats kyoso reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    /// A JSON array of objects, or one object per line (JSON Lines).
    Json,
}

impl Format {
    /// The format a file name suggests: `.json` and `.jsonl` are JSON,
    /// anything else CSV.
    pub fn from_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("json") || ext.eq_ignore_ascii_case("jsonl") => {
                Format::Json
            }
            _ => Format::Csv,
        }
    }
}

/// What a row that does not say otherwise gets.
#[derive(Debug, Clone)]
pub struct Defaults {
    /// The organization whose records these are.
    pub owner: Option<RecordRef>,
    /// Who asserts the ties of the file, e.g. `import:alumni-2024.csv`.
    pub asserted_by: Text,
    /// When the ties of the file were asserted.
    pub asserted_at: Timestamp,
}

/// One row read: a record, or what was wrong with it.
#[derive(Debug)]
pub enum Item<T> {
    Record(Incoming<T>),
    Invalid(Vec<RowError>),
}

/// A fault that stops reading the file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("line {line}: {message}")]
    Header { line: u64, message: String },
    #[error("line {line}: {message}")]
    Syntax { line: u64, message: String },
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
}

/// Reads records of type `T` from CSV or JSON, one row at a time.
pub struct Reader<T: Record> {
    source: Source,
    defaults: Defaults,
    seen: Seen,
    _record: PhantomData<T>,
}

impl<T: Record> std::fmt::Debug for Reader<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader").finish_non_exhaustive()
    }
}

enum Source {
    Csv(fields::CsvSource),
    Json(json::JsonSource),
}

impl<T: Record> Reader<T> {
    /// Starts reading; for CSV this reads and checks the header.
    pub fn new(
        input: impl Read + Send + 'static,
        format: Format,
        defaults: Defaults,
    ) -> Result<Reader<T>, ReadError> {
        let source = match format {
            Format::Csv => Source::Csv(fields::CsvSource::new(
                Box::new(input),
                T::COLUMNS,
                T::REQUIRED,
            )?),
            Format::Json => Source::Json(json::JsonSource::new(Box::new(input), T::COLUMNS)),
        };
        Ok(Reader {
            source,
            defaults,
            seen: Seen::default(),
            _record: PhantomData,
        })
    }

    fn item(&mut self, parsed: Result<Incoming<T>, Vec<RowError>>) -> Item<T> {
        match parsed {
            Ok(record) => match self.seen.check(&record) {
                Ok(()) => Item::Record(record),
                Err(error) => Item::Invalid(vec![error]),
            },
            Err(errors) => Item::Invalid(errors),
        }
    }
}

impl<T: Record> Iterator for Reader<T> {
    type Item = Result<Item<T>, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        let defaults = &self.defaults;
        let parsed = match &mut self.source {
            Source::Csv(source) => source.next_row(|row| T::parse(row, defaults)),
            Source::Json(source) => source.next_row(|row| T::parse(row, defaults)),
        };
        Some(parsed?.map(|parsed| self.item(parsed.and_then(|record| record))))
    }
}

/// The identities met so far, to refuse a record that appears twice in one
/// file. Keys are kept as 128-bit hashes with the line they were met on.
#[derive(Default)]
struct Seen {
    lines: HashMap<u128, u64, BuildHasherDefault<PreHashed>>,
}

/// The keys of [`Seen`] are hashes already; hashing them again is waste.
#[derive(Default)]
struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u128(&mut self, value: u128) {
        self.0 = value as u64;
    }
}

impl Seen {
    fn check<T>(&mut self, record: &Incoming<T>) -> Result<(), RowError> {
        let mut fresh = |field: &str, kind: u8, key: &str| -> Result<(), RowError> {
            match self.lines.insert(hash128(kind, key), record.line) {
                None => Ok(()),
                Some(first) => {
                    // Keep pointing at the first occurrence.
                    self.lines.insert(hash128(kind, key), first);
                    Err(RowError::new(
                        record.line,
                        field,
                        format!(
                            "\"{key}\" is already on line {first}; each record may appear once"
                        ),
                    ))
                }
            }
        };
        if let Some(uid) = record.uid {
            fresh("id", b'u', &uid.to_string())?;
        }
        if let Some(external_id) = &record.external_id {
            fresh("external_id", b'e', external_id.as_str())?;
        }
        Ok(())
    }
}

fn hash128(kind: u8, key: &str) -> u128 {
    let half = |salt: u8| {
        let mut hasher = DefaultHasher::new();
        (salt, kind, key).hash(&mut hasher);
        hasher.finish()
    };
    (u128::from(half(0)) << 64) | u128::from(half(1))
}

#[cfg(test)]
mod tests;
