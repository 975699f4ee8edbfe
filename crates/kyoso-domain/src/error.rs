use thiserror::Error;

/// Why a value from outside was refused. The caller adds the field name; the
/// message says what was wrong and, where it helps, what would be accepted.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ValueError {
    #[error("is required")]
    Required,
    #[error("is too long ({len} characters; at most {max})")]
    TooLong { len: usize, max: usize },
    #[error("contains a control character")]
    ControlCharacter,
    #[error("unknown {list} code \"{code}\"{hint}")]
    UnknownCode {
        list: &'static str,
        code: String,
        hint: &'static str,
    },
    #[error("{list} code \"{code}\" was withdrawn from the code list")]
    WithdrawnCode { list: &'static str, code: String },
    #[error("\"{value}\" is not {expected}")]
    Invalid {
        value: String,
        expected: &'static str,
    },
    #[error("{0}")]
    Rule(String),
}

impl ValueError {
    pub(crate) fn invalid(value: &str, expected: &'static str) -> ValueError {
        ValueError::Invalid {
            value: shorten(value),
            expected,
        }
    }

    pub(crate) fn unknown(list: &'static str, code: &str, hint: &'static str) -> ValueError {
        ValueError::UnknownCode {
            list,
            code: shorten(code),
            hint,
        }
    }
}

/// Error messages quote the bad value, but never a whole paragraph of it.
fn shorten(value: &str) -> String {
    const MAX: usize = 60;
    match value.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_owned(),
    }
}
