//! JSON input: a top-level array of objects, or one object per line. The
//! file is split into its top-level values by a small scanner that counts
//! lines, so that each record is parsed on its own (memory stays bounded)
//! and every error names the line its record starts on.

use std::borrow::Cow;
use std::io::{BufReader, Bytes, Read};
use std::iter::Peekable;

use kyoso_domain::RowError;
use serde_json::{Map, Value};

use crate::ReadError;
use crate::fields::{Fields, parse_flag, split_list};

/// A top-level object and the line it starts on, or why it is not one.
pub(crate) type LinedObject = (u64, Result<Map<String, Value>, RowError>);

/// The largest record accepted, in bytes.
const MAX_RECORD_BYTES: usize = 1 << 20;

pub(crate) struct JsonSource {
    bytes: Peekable<Bytes<BufReader<Box<dyn Read + Send>>>>,
    names: &'static [&'static str],
    line: u64,
    started: bool,
    in_array: bool,
    finished: bool,
    buffer: Vec<u8>,
}

enum Scan {
    Value { line: u64 },
    End,
}

impl JsonSource {
    pub(crate) fn new(input: Box<dyn Read + Send>, names: &'static [&'static str]) -> JsonSource {
        JsonSource {
            bytes: BufReader::with_capacity(1 << 16, input).bytes().peekable(),
            names,
            line: 1,
            started: false,
            in_array: false,
            finished: false,
            buffer: Vec::new(),
        }
    }

    pub(crate) fn next_row<X>(
        &mut self,
        parse: impl FnOnce(&dyn Fields) -> X,
    ) -> Option<Result<Result<X, Vec<RowError>>, ReadError>> {
        if self.finished {
            return None;
        }
        let line = match self.scan() {
            Ok(Scan::Value { line }) => line,
            Ok(Scan::End) => {
                self.finished = true;
                return None;
            }
            Err(err) => {
                self.finished = true;
                return Some(Err(err));
            }
        };
        let object = match serde_json::from_slice::<Value>(&self.buffer) {
            Ok(Value::Object(object)) => object,
            Ok(_) => {
                return Some(Ok(Err(vec![RowError::row(
                    line,
                    "expected an object {...}",
                )])));
            }
            Err(err) => {
                let at = line + err.line().saturating_sub(1) as u64;
                return Some(Ok(Err(vec![RowError::row(
                    at,
                    format!("not valid JSON: {err}"),
                )])));
            }
        };
        let unknown: Vec<&str> = object
            .keys()
            .map(String::as_str)
            .filter(|key| !self.names.contains(key))
            .collect();
        if !unknown.is_empty() {
            let errors = unknown
                .into_iter()
                .map(|key| RowError::new(line, key, "unknown field"))
                .collect();
            return Some(Ok(Err(errors)));
        }
        let row = JsonRow { line, object };
        Some(Ok(Ok(parse(&row))))
    }

    /// The next top-level object whole, with the line it starts on: for
    /// records that nest (programs), read by their own rules.
    pub(crate) fn next_object(&mut self) -> Option<Result<LinedObject, ReadError>> {
        if self.finished {
            return None;
        }
        let line = match self.scan() {
            Ok(Scan::Value { line }) => line,
            Ok(Scan::End) => {
                self.finished = true;
                return None;
            }
            Err(err) => {
                self.finished = true;
                return Some(Err(err));
            }
        };
        Some(Ok((
            line,
            match serde_json::from_slice::<Value>(&self.buffer) {
                Ok(Value::Object(object)) => Ok(object),
                Ok(_) => Err(RowError::row(line, "expected an object {...}")),
                Err(err) => Err(RowError::row(
                    line + err.line().saturating_sub(1) as u64,
                    format!("not valid JSON: {err}"),
                )),
            },
        )))
    }

    fn next_byte(&mut self) -> Result<Option<u8>, ReadError> {
        let byte = self.bytes.next().transpose()?;
        if byte == Some(b'\n') {
            self.line += 1;
        }
        Ok(byte)
    }

    fn skip_whitespace(&mut self) -> Result<Option<u8>, ReadError> {
        loop {
            match self.bytes.peek() {
                Some(Ok(b' ' | b'\t' | b'\r' | b'\n')) => {
                    self.next_byte()?;
                }
                Some(Ok(byte)) => return Ok(Some(*byte)),
                Some(Err(_)) => return self.next_byte(),
                None => return Ok(None),
            }
        }
    }

    fn syntax(&self, message: impl Into<String>) -> ReadError {
        ReadError::Syntax {
            line: self.line,
            message: message.into(),
        }
    }

    /// Finds the next top-level value and copies it into the buffer.
    fn scan(&mut self) -> Result<Scan, ReadError> {
        if !self.started {
            self.started = true;
            if self.bytes.peek().is_some_and(|b| matches!(b, Ok(0xEF))) {
                for expected in [0xEF, 0xBB, 0xBF] {
                    if self.next_byte()? != Some(expected) {
                        return Err(self.syntax("the file starts with a broken byte-order mark"));
                    }
                }
            }
            if self.skip_whitespace()? == Some(b'[') {
                self.next_byte()?;
                self.in_array = true;
                if self.skip_whitespace()? == Some(b']') {
                    self.next_byte()?;
                    return self.end_of_array();
                }
                return self.value();
            }
        } else if self.in_array {
            match self.skip_whitespace()? {
                Some(b',') => {
                    self.next_byte()?;
                }
                Some(b']') => {
                    self.next_byte()?;
                    return self.end_of_array();
                }
                Some(_) => return Err(self.syntax("expected \",\" or \"]\" between records")),
                None => return Err(self.syntax("the file ends inside the array (truncated?)")),
            }
        }
        if self.skip_whitespace()?.is_none() {
            if self.in_array {
                return Err(self.syntax("the file ends inside the array (truncated?)"));
            }
            return Ok(Scan::End);
        }
        self.value()
    }

    fn end_of_array(&mut self) -> Result<Scan, ReadError> {
        match self.skip_whitespace()? {
            None => Ok(Scan::End),
            Some(_) => Err(self.syntax("text after the closing \"]\"")),
        }
    }

    /// Copies one value: an object or array up to its matching bracket, a
    /// string, or a bare word or number.
    fn value(&mut self) -> Result<Scan, ReadError> {
        self.buffer.clear();
        let line = self.line;
        let mut depth = 0usize;
        let mut in_string = false;
        let mut escaped = false;
        loop {
            if !in_string && depth == 0 && !self.buffer.is_empty() {
                let at_boundary = match self.bytes.peek() {
                    None => true,
                    Some(Ok(b)) => {
                        b" \t\r\n,]".contains(b)
                            || self
                                .buffer
                                .last()
                                .is_some_and(|l| matches!(l, b'}' | b']' | b'"'))
                    }
                    Some(Err(_)) => false,
                };
                if at_boundary {
                    return Ok(Scan::Value { line });
                }
            }
            let Some(byte) = self.next_byte()? else {
                return Err(ReadError::Syntax {
                    line,
                    message: "the file ends inside this record (truncated?)".into(),
                });
            };
            if self.buffer.len() >= MAX_RECORD_BYTES {
                return Err(ReadError::Syntax {
                    line,
                    message: format!("a record is larger than {MAX_RECORD_BYTES} bytes"),
                });
            }
            self.buffer.push(byte);
            if in_string {
                match (escaped, byte) {
                    (true, _) => escaped = false,
                    (false, b'\\') => escaped = true,
                    (false, b'"') => in_string = false,
                    _ => {}
                }
                continue;
            }
            match byte {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth = depth.checked_sub(1).ok_or_else(|| ReadError::Syntax {
                        line: self.line,
                        message: format!("unexpected \"{}\"", byte as char),
                    })?;
                }
                _ => {}
            }
        }
    }
}

pub(crate) struct JsonRow {
    pub(crate) line: u64,
    pub(crate) object: Map<String, Value>,
}

impl JsonRow {
    fn wrong_type(&self, column: &str, expected: &str) -> RowError {
        RowError::new(self.line, column, format!("expected {expected}"))
    }
}

impl Fields for JsonRow {
    fn line(&self) -> u64 {
        self.line
    }

    fn text(&self, column: &'static str) -> Result<Option<Cow<'_, str>>, RowError> {
        match self.object.get(column) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(Cow::Borrowed(s.as_str()))),
            Some(Value::Number(n)) => Ok(Some(Cow::Owned(n.to_string()))),
            Some(Value::Bool(b)) => Ok(Some(Cow::Owned(b.to_string()))),
            Some(_) => Err(self.wrong_type(column, "a text value")),
        }
    }

    fn list(&self, column: &'static str) -> Result<Vec<String>, RowError> {
        match self.object.get(column) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::String(s)) => Ok(split_list(s)),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| match item {
                    Value::String(s) => Ok(s.trim().to_owned()),
                    Value::Number(n) => Ok(n.to_string()),
                    // A language as {"language": "ja", "level": "N2"}.
                    Value::Object(o) => match (o.get("language"), o.get("level")) {
                        (Some(Value::String(l)), Some(Value::String(v))) if o.len() == 2 => {
                            Ok(format!("{l}:{v}"))
                        }
                        _ => Err(self.wrong_type(column, "{\"language\": ..., \"level\": ...}")),
                    },
                    _ => Err(self.wrong_type(column, "a list of text values")),
                })
                .collect(),
            Some(_) => Err(self.wrong_type(column, "a list")),
        }
    }

    fn flag(&self, column: &'static str) -> Result<Option<bool>, RowError> {
        match self.object.get(column) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(Value::String(s)) => parse_flag(self.line, column, s).map(Some),
            Some(_) => Err(self.wrong_type(column, "true or false")),
        }
    }

    fn number(&self, column: &'static str) -> Result<Option<f64>, RowError> {
        match self.object.get(column) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => n
                .as_f64()
                .map(Some)
                .ok_or_else(|| self.wrong_type(column, "a number")),
            Some(Value::String(s)) => s
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| self.wrong_type(column, "a number")),
            Some(_) => Err(self.wrong_type(column, "a number")),
        }
    }
}
