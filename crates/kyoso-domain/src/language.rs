use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::{ValueError, codelist};

/// An ISO 639-1 language code ("ja", "th", "vi") from the IATI Language list.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageCode([u8; 2]);

impl LanguageCode {
    pub const JAPANESE: LanguageCode = LanguageCode(*b"ja");
    pub const ENGLISH: LanguageCode = LanguageCode(*b"en");

    pub fn parse(input: &str) -> Result<LanguageCode, ValueError> {
        const HINT: &str = " (expected an ISO 639-1 code such as ja, th or vi)";
        let code = input.trim().to_ascii_lowercase();
        let bytes: [u8; 2] = code
            .as_bytes()
            .try_into()
            .map_err(|_| ValueError::unknown("language", input, HINT))?;
        match codelist::languages().get(&code) {
            Some(item) if item.active => Ok(LanguageCode(bytes)),
            _ => Err(ValueError::unknown("language", input, HINT)),
        }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    pub fn name(&self) -> &'static str {
        codelist::languages()
            .get(self.as_str())
            .map_or("", |item| item.name.as_str())
    }
}

impl fmt::Display for LanguageCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for LanguageCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LanguageCode({})", self.as_str())
    }
}

impl TryFrom<String> for LanguageCode {
    type Error = ValueError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        LanguageCode::parse(&value)
    }
}

impl From<LanguageCode> for String {
    fn from(value: LanguageCode) -> Self {
        value.as_str().to_owned()
    }
}

/// Japanese-Language Proficiency Test levels, N1 the highest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Jlpt {
    N1,
    N2,
    N3,
    N4,
    N5,
}

/// Common European Framework of Reference levels, C2 the highest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cefr {
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

/// How well someone speaks a language: JLPT levels for Japanese, CEFR levels
/// for the others, or native for any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LanguageLevel {
    Native,
    Jlpt(Jlpt),
    Cefr(Cefr),
}

impl LanguageLevel {
    /// A comparable proficiency from 1 (beginner) to 7 (native), so that
    /// "at least N2" and "at least B2" can be asked the same way. JLPT N1 sits
    /// with C1 and N5 with A1, following the Japan Foundation's comparison.
    pub fn rank(&self) -> u8 {
        match self {
            LanguageLevel::Native => 7,
            LanguageLevel::Cefr(c) => match c {
                Cefr::A1 => 1,
                Cefr::A2 => 2,
                Cefr::B1 => 3,
                Cefr::B2 => 4,
                Cefr::C1 => 5,
                Cefr::C2 => 6,
            },
            LanguageLevel::Jlpt(j) => match j {
                Jlpt::N5 => 1,
                Jlpt::N4 => 2,
                Jlpt::N3 => 3,
                Jlpt::N2 => 4,
                Jlpt::N1 => 5,
            },
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            LanguageLevel::Native => "native",
            LanguageLevel::Jlpt(j) => match j {
                Jlpt::N1 => "N1",
                Jlpt::N2 => "N2",
                Jlpt::N3 => "N3",
                Jlpt::N4 => "N4",
                Jlpt::N5 => "N5",
            },
            LanguageLevel::Cefr(c) => match c {
                Cefr::A1 => "A1",
                Cefr::A2 => "A2",
                Cefr::B1 => "B1",
                Cefr::B2 => "B2",
                Cefr::C1 => "C1",
                Cefr::C2 => "C2",
            },
        }
    }
}

impl FromStr for LanguageLevel {
    type Err = ValueError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        const EXPECTED: &str = "a language level (native, JLPT N1-N5 or CEFR A1-C2)";
        let level = match input.trim().to_ascii_uppercase().as_str() {
            "NATIVE" => LanguageLevel::Native,
            "N1" => LanguageLevel::Jlpt(Jlpt::N1),
            "N2" => LanguageLevel::Jlpt(Jlpt::N2),
            "N3" => LanguageLevel::Jlpt(Jlpt::N3),
            "N4" => LanguageLevel::Jlpt(Jlpt::N4),
            "N5" => LanguageLevel::Jlpt(Jlpt::N5),
            "A1" => LanguageLevel::Cefr(Cefr::A1),
            "A2" => LanguageLevel::Cefr(Cefr::A2),
            "B1" => LanguageLevel::Cefr(Cefr::B1),
            "B2" => LanguageLevel::Cefr(Cefr::B2),
            "C1" => LanguageLevel::Cefr(Cefr::C1),
            "C2" => LanguageLevel::Cefr(Cefr::C2),
            _ => return Err(ValueError::invalid(input, EXPECTED)),
        };
        Ok(level)
    }
}

impl fmt::Display for LanguageLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A language someone speaks and how well. Japanese is graded by JLPT (or
/// native), every other language by CEFR (or native).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "LanguageSkillFields", into = "LanguageSkillFields")]
pub struct LanguageSkill {
    language: LanguageCode,
    level: LanguageLevel,
}

impl LanguageSkill {
    pub fn new(language: LanguageCode, level: LanguageLevel) -> Result<LanguageSkill, ValueError> {
        match (language == LanguageCode::JAPANESE, level) {
            (true, LanguageLevel::Cefr(_)) => Err(ValueError::Rule(format!(
                "Japanese is graded by JLPT level (N1-N5) or native, not {level}"
            ))),
            (false, LanguageLevel::Jlpt(_)) => Err(ValueError::Rule(format!(
                "JLPT level {level} applies to Japanese only; grade {} by CEFR (A1-C2) or native",
                language.name()
            ))),
            _ => Ok(LanguageSkill { language, level }),
        }
    }

    /// Parses the compact form used in CSV files: `ja:N2`, `th:native`, `en:B2`.
    pub fn parse(input: &str) -> Result<LanguageSkill, ValueError> {
        let Some((language, level)) = input.split_once(':') else {
            return Err(ValueError::invalid(
                input,
                "a language with its level, such as ja:N2, th:native or en:B2",
            ));
        };
        LanguageSkill::new(LanguageCode::parse(language)?, level.parse()?)
    }

    pub fn language(&self) -> LanguageCode {
        self.language
    }

    pub fn level(&self) -> LanguageLevel {
        self.level
    }
}

impl fmt::Display for LanguageSkill {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.language, self.level)
    }
}

#[derive(Serialize, Deserialize)]
struct LanguageSkillFields {
    language: String,
    level: String,
}

impl TryFrom<LanguageSkillFields> for LanguageSkill {
    type Error = ValueError;
    fn try_from(value: LanguageSkillFields) -> Result<Self, Self::Error> {
        LanguageSkill::new(LanguageCode::parse(&value.language)?, value.level.parse()?)
    }
}

impl From<LanguageSkill> for LanguageSkillFields {
    fn from(value: LanguageSkill) -> Self {
        LanguageSkillFields {
            language: value.language.to_string(),
            level: value.level.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_form_round_trips() {
        for text in ["ja:N2", "th:native", "en:B2", "vi:C1", "ja:native"] {
            assert_eq!(LanguageSkill::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(
            LanguageSkill::parse(" JA : n1 ").unwrap().to_string(),
            "ja:N1"
        );
    }

    #[test]
    fn japanese_takes_jlpt_and_the_others_take_cefr() {
        let err = LanguageSkill::parse("ja:B2").unwrap_err();
        assert!(err.to_string().contains("JLPT"), "{err}");
        let err = LanguageSkill::parse("th:N3").unwrap_err();
        assert!(err.to_string().contains("Thai"), "{err}");
    }

    #[test]
    fn bad_forms_are_refused() {
        assert!(LanguageSkill::parse("ja").is_err());
        assert!(LanguageSkill::parse("xx:B2").is_err());
        assert!(LanguageSkill::parse("en:fluent").is_err());
    }

    #[test]
    fn ranks_compare_across_scales() {
        let n2: LanguageLevel = "N2".parse().unwrap();
        let b2: LanguageLevel = "B2".parse().unwrap();
        assert_eq!(n2.rank(), b2.rank());
        assert!(LanguageLevel::Native.rank() > "C2".parse::<LanguageLevel>().unwrap().rank());
    }

    #[test]
    fn json_form() {
        let skill = LanguageSkill::parse("ja:N2").unwrap();
        let json = serde_json::to_string(&skill).unwrap();
        assert_eq!(json, r#"{"language":"ja","level":"N2"}"#);
        assert_eq!(serde_json::from_str::<LanguageSkill>(&json).unwrap(), skill);
        assert!(
            serde_json::from_str::<LanguageSkill>(r#"{"language":"ja","level":"C1"}"#).is_err()
        );
    }
}
