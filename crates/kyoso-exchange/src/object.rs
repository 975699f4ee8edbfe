//! Objects read from JSON by their own rules (API bodies, programs files):
//! every fault kept, named by field, with the line the object starts on.

use kyoso_domain::{RowError, ValueError};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// Reads `object` into `T`; a field unknown or of the wrong type is named.
pub fn from_object<T: DeserializeOwned>(
    object: Map<String, Value>,
    line: u64,
) -> Result<T, Vec<RowError>> {
    serde_json::from_value(Value::Object(object)).map_err(|e| {
        let message = e.to_string();
        // serde names an unknown or mistyped field in backquotes.
        let field = message.split('`').nth(1).map(str::to_owned);
        vec![RowError {
            line,
            field,
            message,
        }]
    })
}

/// Collects the faults of one JSON object, field by field, so that all are
/// reported at once, each with the line the object starts on.
#[derive(Debug)]
pub struct FieldFaults {
    line: u64,
    errors: Vec<RowError>,
}

impl FieldFaults {
    pub fn new(line: u64) -> FieldFaults {
        FieldFaults {
            line,
            errors: Vec::new(),
        }
    }

    pub fn fault(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push(RowError::new(self.line, field, message));
    }

    pub fn value<T>(
        &mut self,
        field: &str,
        raw: Option<&str>,
        parse: impl FnOnce(&str) -> Result<T, ValueError>,
    ) -> Option<T> {
        let raw = raw.filter(|r| !r.trim().is_empty())?;
        match parse(raw) {
            Ok(value) => Some(value),
            Err(error) => {
                self.fault(field, error.to_string());
                None
            }
        }
    }

    pub fn required<T>(
        &mut self,
        field: &str,
        raw: Option<&str>,
        parse: impl FnOnce(&str) -> Result<T, ValueError>,
    ) -> Option<T> {
        if raw.is_none_or(|r| r.trim().is_empty()) {
            self.fault(field, "is required");
            return None;
        }
        self.value(field, raw, parse)
    }

    pub fn list<T>(
        &mut self,
        field: &str,
        raw: &[String],
        parse: impl Fn(&str) -> Result<T, ValueError>,
    ) -> Vec<T> {
        raw.iter()
            .filter_map(|r| self.value(field, Some(r), &parse))
            .collect()
    }

    pub fn done<T>(self, value: Option<T>) -> Result<T, Vec<RowError>> {
        match value {
            Some(value) if self.errors.is_empty() => Ok(value),
            _ if self.errors.is_empty() => {
                Err(vec![RowError::row(self.line, "the object is incomplete")])
            }
            _ => Err(self.errors),
        }
    }
}
