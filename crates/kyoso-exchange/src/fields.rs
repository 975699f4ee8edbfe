//! The columns of one row, whatever the file format, and the CSV source.

use std::borrow::Cow;
use std::io::{BufRead, BufReader, Read};

use kyoso_domain::RowError;

use crate::ReadError;

/// One row's columns, by name. Absent and empty columns are `None`.
pub(crate) trait Fields {
    fn line(&self) -> u64;
    fn text(&self, column: &'static str) -> Result<Option<Cow<'_, str>>, RowError>;
    /// A column holding several values: `;`-separated in CSV, an array in JSON.
    fn list(&self, column: &'static str) -> Result<Vec<String>, RowError>;
    fn flag(&self, column: &'static str) -> Result<Option<bool>, RowError> {
        self.text(column)?
            .map(|text| parse_flag(self.line(), column, &text))
            .transpose()
    }
    fn number(&self, column: &'static str) -> Result<Option<f64>, RowError> {
        self.text(column)?
            .map(|text| {
                text.trim().parse::<f64>().map_err(|_| {
                    RowError::new(self.line(), column, format!("\"{text}\" is not a number"))
                })
            })
            .transpose()
    }
}

pub(crate) fn parse_flag(line: u64, column: &str, text: &str) -> Result<bool, RowError> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "yes" | "y" | "1" => Ok(true),
        "false" | "no" | "n" | "0" => Ok(false),
        _ => Err(RowError::new(
            line,
            column,
            format!("\"{text}\" is not true or false (also accepted: yes/no, 1/0)"),
        )),
    }
}

pub(crate) fn split_list(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The first characters that make a spreadsheet run a cell as a formula.
pub(crate) const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// Undoes the export's guard: `'=SUM(A1)` reads back as `=SUM(A1)`.
fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => text,
    }
}

/// Reads CSV rows: UTF-8, with or without a byte-order mark, fields quoted
/// as needed (a quoted field may hold line breaks), a header naming columns.
pub(crate) struct CsvSource {
    reader: csv::Reader<Box<dyn Read + Send>>,
    /// For each of the record type's columns, its position in the file.
    positions: Vec<Option<usize>>,
    names: &'static [&'static str],
    width: usize,
    record: csv::ByteRecord,
}

impl CsvSource {
    pub(crate) fn new(
        input: Box<dyn Read + Send>,
        names: &'static [&'static str],
        required: &[&[&'static str]],
    ) -> Result<CsvSource, ReadError> {
        let mut buffered = BufReader::with_capacity(1 << 16, input);
        if buffered.fill_buf()?.starts_with(b"\xEF\xBB\xBF") {
            buffered.consume(3);
        }
        let input: Box<dyn Read + Send> = Box::new(buffered);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(true)
            .from_reader(input);
        let header = reader
            .byte_headers()
            .map_err(|e| header_error(e.to_string()))?
            .clone();
        if header.is_empty() {
            return Err(header_error(
                "the file is empty: a header line naming the columns is required".into(),
            ));
        }
        let mut positions = vec![None; names.len()];
        let mut problems = Vec::new();
        for (at, raw) in header.iter().enumerate() {
            let Ok(name) = std::str::from_utf8(raw) else {
                problems.push(format!(
                    "column {} of the header is not valid UTF-8",
                    at + 1
                ));
                continue;
            };
            let name = name.trim().to_ascii_lowercase();
            match names.iter().position(|known| *known == name) {
                Some(i) if positions[i].is_some() => {
                    problems.push(format!("column \"{name}\" appears twice"));
                }
                Some(i) => positions[i] = Some(at),
                None => problems.push(format!("unknown column \"{name}\"")),
            }
        }
        for group in required {
            let present = group.iter().any(|col| {
                names
                    .iter()
                    .position(|n| n == col)
                    .is_some_and(|i| positions[i].is_some())
            });
            if !present {
                problems.push(match group {
                    [one] => format!("column \"{one}\" is required"),
                    many => format!("one of the columns {} is required", quoted(many)),
                });
            }
        }
        if !problems.is_empty() {
            return Err(header_error(format!(
                "{}; the columns are {}",
                problems.join("; "),
                quoted(names)
            )));
        }
        Ok(CsvSource {
            reader,
            positions,
            names,
            width: header.len(),
            record: csv::ByteRecord::new(),
        })
    }

    /// Reads the next row and hands it to `parse`; `None` at the end.
    pub(crate) fn next_row<X>(
        &mut self,
        parse: impl FnOnce(&dyn Fields) -> X,
    ) -> Option<Result<Result<X, Vec<RowError>>, ReadError>> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => return None,
            Ok(true) => {}
            Err(err) => {
                let line = err.position().map_or(0, csv::Position::line);
                return Some(match err.into_kind() {
                    csv::ErrorKind::Io(io) => Err(ReadError::Io(io)),
                    other => Err(ReadError::Syntax {
                        line,
                        message: format!("{other:?}"),
                    }),
                });
            }
        }
        let line = self.record.position().map_or(0, csv::Position::line);
        if self.record.len() != self.width {
            return Some(Ok(Err(vec![RowError::row(
                line,
                format!(
                    "has {} fields but the header has {}: a line cut short, or a stray comma",
                    self.record.len(),
                    self.width
                ),
            )])));
        }
        let row = CsvRow {
            line,
            record: &self.record,
            positions: &self.positions,
            names: self.names,
        };
        Some(Ok(Ok(parse(&row))))
    }
}

fn header_error(message: String) -> ReadError {
    ReadError::Header { line: 1, message }
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

struct CsvRow<'a> {
    line: u64,
    record: &'a csv::ByteRecord,
    positions: &'a [Option<usize>],
    names: &'static [&'static str],
}

impl Fields for CsvRow<'_> {
    fn line(&self) -> u64 {
        self.line
    }

    fn text(&self, column: &'static str) -> Result<Option<Cow<'_, str>>, RowError> {
        // Column names are the same static strings as the record type's
        // list, so comparing addresses usually finds them without comparing
        // text; the text comparison is the fallback.
        let index = self
            .names
            .iter()
            .position(|n| std::ptr::eq(n.as_ptr(), column.as_ptr()))
            .or_else(|| self.names.iter().position(|n| *n == column));
        let Some(at) = index.and_then(|i| self.positions[i]) else {
            return Ok(None);
        };
        let raw = self.record.get(at).unwrap_or_default();
        let text = std::str::from_utf8(raw)
            .map_err(|_| RowError::new(self.line, column, "is not valid UTF-8"))?;
        let text = unguard(text.trim_matches(|c: char| c == ' ' || c == '\u{feff}'));
        Ok((!text.trim().is_empty()).then_some(Cow::Borrowed(text)))
    }

    fn list(&self, column: &'static str) -> Result<Vec<String>, RowError> {
        Ok(self
            .text(column)?
            .map(|t| split_list(&t))
            .unwrap_or_default())
    }
}
