use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{ValueError, codelist};

/// An OECD DAC 5-digit purpose code ("32120" industrial development), active
/// in the IATI Sector list.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct SectorCode(u32);

impl SectorCode {
    pub fn parse(input: &str) -> Result<SectorCode, ValueError> {
        const HINT: &str = " (expected an OECD DAC 5-digit purpose code such as 32120)";
        let code = input.trim();
        let number: u32 = match code.parse() {
            Ok(n) if code.len() == 5 => n,
            _ => return Err(ValueError::unknown("sector", input, HINT)),
        };
        match codelist::sectors().get(code) {
            Some(item) if item.active => Ok(SectorCode(number)),
            Some(_) => Err(ValueError::WithdrawnCode {
                list: "sector",
                code: code.to_owned(),
            }),
            None => Err(ValueError::unknown("sector", input, HINT)),
        }
    }

    pub fn code(&self) -> u32 {
        self.0
    }

    /// The 3-digit DAC category ("321" industry).
    pub fn category(&self) -> u32 {
        self.0 / 100
    }

    pub fn name(&self) -> &'static str {
        codelist::sectors()
            .get(&self.to_string())
            .map_or("", |item| item.name.as_str())
    }
}

impl fmt::Display for SectorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:05}", self.0)
    }
}

impl fmt::Debug for SectorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SectorCode({self})")
    }
}

impl TryFrom<String> for SectorCode {
    type Error = ValueError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        SectorCode::parse(&value)
    }
}

impl From<SectorCode> for String {
    fn from(value: SectorCode) -> Self {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn active_codes_parse() {
        let s = SectorCode::parse("32120").unwrap();
        assert_eq!(s.to_string(), "32120");
        assert_eq!(s.category(), 321);
        assert_eq!(s.name(), "Industrial development");
    }

    #[test]
    fn bad_codes_are_refused() {
        assert!(SectorCode::parse("321").is_err());
        assert!(SectorCode::parse("99999").is_err());
        assert!(SectorCode::parse("abcde").is_err());
        assert!(matches!(
            SectorCode::parse("11321"),
            Err(ValueError::WithdrawnCode { .. })
        ));
    }
}
