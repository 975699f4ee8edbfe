use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{ValueError, codelist};

/// An ISO 3166-1 alpha-2 country code that is active in the IATI Country list.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Accepts the code in any letter case ("th" is Thailand); refuses codes
    /// that are unknown or withdrawn.
    pub fn parse(input: &str) -> Result<CountryCode, ValueError> {
        const HINT: &str = " (expected an ISO 3166-1 alpha-2 code such as TH or JP)";
        let code = input.trim().to_ascii_uppercase();
        let bytes: [u8; 2] = code
            .as_bytes()
            .try_into()
            .map_err(|_| ValueError::unknown("country", input, HINT))?;
        match codelist::countries().get(&code) {
            Some(item) if item.active => Ok(CountryCode(bytes)),
            Some(_) => Err(ValueError::WithdrawnCode {
                list: "country",
                code,
            }),
            None => Err(ValueError::unknown("country", input, HINT)),
        }
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII letters from the code list get in.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The country's name in one of the interface languages ("en", "ja",
    /// "th", "vi"), falling back to English.
    pub fn name(&self, lang: &str) -> &'static str {
        match codelist::country_names(self.as_str()) {
            Some(names) => match lang {
                "ja" => &names.ja,
                "th" => &names.th,
                "vi" => &names.vi,
                _ => &names.en,
            },
            None => codelist::countries()
                .get(self.as_str())
                .map_or("", |item| item.name.as_str()),
        }
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CountryCode({})", self.as_str())
    }
}

impl TryFrom<String> for CountryCode {
    type Error = ValueError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        CountryCode::parse(&value)
    }
}

impl From<CountryCode> for String {
    fn from(value: CountryCode) -> Self {
        value.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes_in_any_case() {
        assert_eq!(CountryCode::parse("th").unwrap().as_str(), "TH");
        assert_eq!(CountryCode::parse(" VN ").unwrap().as_str(), "VN");
        assert_eq!(CountryCode::parse("XK").unwrap().as_str(), "XK");
    }

    #[test]
    fn unknown_and_withdrawn_codes_are_refused_with_the_code_named() {
        let err = CountryCode::parse("XX").unwrap_err();
        assert!(
            err.to_string().contains("unknown country code \"XX\""),
            "{err}"
        );
        assert!(CountryCode::parse("THA").is_err());
        assert!(CountryCode::parse("").is_err());
        assert!(matches!(
            CountryCode::parse("AN"),
            Err(ValueError::WithdrawnCode { .. })
        ));
    }

    #[test]
    fn names_in_the_interface_languages() {
        let jp = CountryCode::parse("JP").unwrap();
        assert_eq!(jp.name("ja"), "日本");
        assert_eq!(jp.name("en"), "Japan");
        assert_eq!(CountryCode::parse("XK").unwrap().name("th"), "Kosovo");
    }
}
