use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::ValueError;

/// Human text after the edge: Unicode NFC (so that a Vietnamese name typed
/// with combining marks equals the same name typed precomposed), trimmed,
/// without control characters, within a length limit.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Text(String);

impl Text {
    /// One line of text: runs of whitespace become one space.
    pub fn line(input: &str, max_chars: usize) -> Result<Text, ValueError> {
        let mut out = String::with_capacity(input.len());
        // Most text is already NFC (all ASCII is); only the rest is recomposed.
        let normal = unicode_normalization::is_nfc_quick(input.chars())
            == unicode_normalization::IsNormalized::Yes;
        for word in input.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            if normal {
                out.push_str(word);
            } else {
                out.extend(word.nfc());
            }
        }
        Text::checked(out, max_chars, |_| false)
    }

    /// The longest text a search may ask for.
    pub const MAX_QUERY_CHARS: usize = 200;

    /// What someone typed to search with: one line, or nothing when it is
    /// blank. A control character is refused, never passed on to be
    /// matched differently by each database engine.
    pub fn query(input: &str) -> Result<Option<Text>, ValueError> {
        if input.trim().is_empty() && !input.chars().any(char::is_control) {
            return Ok(None);
        }
        Text::line(input, Text::MAX_QUERY_CHARS).map(Some)
    }

    /// Several lines of text (a biography, a note): line breaks are kept, as
    /// `\n`, and tabs are allowed.
    pub fn multiline(input: &str, max_chars: usize) -> Result<Text, ValueError> {
        let joined = input.replace("\r\n", "\n");
        let trimmed = joined.trim();
        let out: String = if unicode_normalization::is_nfc_quick(trimmed.chars())
            == unicode_normalization::IsNormalized::Yes
        {
            trimmed.to_owned()
        } else {
            trimmed.nfc().collect()
        };
        Text::checked(out, max_chars, |c| c == '\n' || c == '\t')
    }

    fn checked(
        out: String,
        max_chars: usize,
        allowed_control: impl Fn(char) -> bool,
    ) -> Result<Text, ValueError> {
        if out.is_empty() {
            return Err(ValueError::Required);
        }
        if out.chars().any(|c| c.is_control() && !allowed_control(c)) {
            return Err(ValueError::ControlCharacter);
        }
        let len = if out.len() <= max_chars {
            out.len()
        } else {
            out.chars().count()
        };
        if len > max_chars {
            return Err(ValueError::TooLong {
                len,
                max: max_chars,
            });
        }
        Ok(Text(out))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl<'de> Deserialize<'de> for Text {
    /// Deserialized text is held to the loosest limit; entity fields that
    /// need a tighter one check it again in their own constructors.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Text::multiline(&raw, 10_000).map_err(serde::de::Error::custom)
    }
}

/// The writing systems kyoso tells apart when it picks a name to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Latin,
    Japanese,
    Thai,
    Other,
}

/// The script of a name, judged by its first letter that is not punctuation.
pub fn script_of(text: &str) -> Script {
    let Some(c) = text.chars().find(|c| c.is_alphabetic()) else {
        return Script::Other;
    };
    match c as u32 {
        0x0041..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF66..=0xFF9F => Script::Japanese,
        0x0E00..=0x0E7F => Script::Thai,
        _ => Script::Other,
    }
}

/// A person's or an organization's names: in their own script (ไทย, Tiếng
/// Việt, 日本語, বাংলা, ...), in Latin letters, and in Japanese (a Japanese
/// name, or the katakana reading of a foreign one). At least the native or
/// the Latin form is present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latin: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub japanese: Option<Text>,
}

impl Names {
    pub const MAX_CHARS: usize = 200;

    pub fn new(
        native: Option<Text>,
        latin: Option<Text>,
        japanese: Option<Text>,
    ) -> Result<Names, ValueError> {
        if native.is_none() && latin.is_none() {
            return Err(ValueError::Rule(
                "a name is required, in the native script or in Latin letters".into(),
            ));
        }
        if let Some(latin) = &latin
            && script_of(latin) != Script::Latin
        {
            return Err(ValueError::Rule(format!(
                "the Latin-letter name \"{latin}\" is not in Latin letters"
            )));
        }
        Ok(Names {
            native,
            latin,
            japanese,
        })
    }

    /// The name to show a reader of `lang` ("en", "ja", "th", "vi"): the one
    /// in the reader's script where the record has it, else the Latin form,
    /// else the native form.
    pub fn display(&self, lang: &str) -> &str {
        let native_script = self.native.as_deref().map(script_of);
        let readable_native = match lang {
            "ja" => {
                if let Some(japanese) = &self.japanese {
                    return japanese;
                }
                native_script == Some(Script::Japanese)
            }
            "th" => native_script == Some(Script::Thai),
            // Vietnamese is written in Latin letters with its own marks.
            "vi" | "en" => native_script == Some(Script::Latin),
            _ => false,
        };
        if readable_native && let Some(native) = &self.native {
            return native;
        }
        self.latin
            .as_deref()
            .or(self.native.as_deref())
            .unwrap_or_default()
    }
}

/// A skill tag, normalized so that "Lean  Manufacturing" and "lean
/// manufacturing" are one tag: NFKC, lower case, single spaces.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Skill(String);

impl Skill {
    /// Long enough for "CNC programming (Fanuc, Mazak, Okuma) for aerospace parts".
    pub const MAX_CHARS: usize = 100;

    pub fn parse(input: &str) -> Result<Skill, ValueError> {
        let folded: String = if input.is_ascii() {
            input.to_ascii_lowercase()
        } else {
            input.nfkc().flat_map(char::to_lowercase).collect()
        };
        let text = Text::line(&folded, Skill::MAX_CHARS)?;
        // ";" separates skills in files and forms; a comma may be part of one.
        if text.contains(';') {
            return Err(ValueError::invalid(
                input,
                "one skill (separate skills with \";\")",
            ));
        }
        Ok(Skill(text.0))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Skill {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Skill {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Skill({:?})", self.0)
    }
}

impl TryFrom<String> for Skill {
    type Error = ValueError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Skill::parse(&value)
    }
}

impl From<Skill> for String {
    fn from(value: Skill) -> Self {
        value.0
    }
}

macro_rules! string_newtype {
    ($name:ident) => {
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "({:?})"), self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = ValueError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                $name::parse(&value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }
    };
}
pub(crate) use string_newtype;

/// An e-mail address, checked for shape (one `@`, a dotted domain, no
/// spaces); the domain is lower-cased.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);
string_newtype!(Email);

impl Email {
    pub fn parse(input: &str) -> Result<Email, ValueError> {
        const EXPECTED: &str = "an e-mail address such as name@example.org";
        let input = input.trim();
        let Some((local, domain)) = input.rsplit_once('@') else {
            return Err(ValueError::invalid(input, EXPECTED));
        };
        let shape_ok = !local.is_empty()
            && local.len() <= 64
            && input.len() <= 254
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && !input.contains(|c: char| c.is_whitespace() || c.is_control())
            && !domain.contains('@');
        if !shape_ok {
            return Err(ValueError::invalid(input, EXPECTED));
        }
        Ok(Email(format!("{local}@{}", domain.to_lowercase())))
    }
}

/// A telephone number as people write it: digits, spaces, `+ - ( ) .`.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);
string_newtype!(Phone);

impl Phone {
    pub fn parse(input: &str) -> Result<Phone, ValueError> {
        const EXPECTED: &str = "a telephone number such as +66 2 123 4567";
        let text = Text::line(input, 40)?;
        let digits = text.chars().filter(char::is_ascii_digit).count();
        let shape_ok = (5..=20).contains(&digits)
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || " +-().".contains(c));
        if !shape_ok {
            return Err(ValueError::invalid(input, EXPECTED));
        }
        Ok(Phone(text.0))
    }
}

/// A web address: http or https, with a host.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct WebAddress(String);
string_newtype!(WebAddress);

impl WebAddress {
    pub const MAX_CHARS: usize = 500;
    /// Characters no web address holds, besides spaces and controls.
    pub const NEVER: &'static str = "\"<>\\^`{}|";

    pub fn parse(input: &str) -> Result<WebAddress, ValueError> {
        const EXPECTED: &str = "a web address starting with https:// or http://";
        let input = input.trim();
        let rest = input
            .strip_prefix("https://")
            .or_else(|| input.strip_prefix("http://"))
            .ok_or_else(|| ValueError::invalid(input, EXPECTED))?;
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        // Letters of any script are allowed (an internationalized address);
        // what no web address holds is not.
        let shape_ok = !host.is_empty()
            && input.chars().count() <= WebAddress::MAX_CHARS
            && !input.contains(|c: char| {
                c.is_whitespace() || c.is_control() || WebAddress::NEVER.contains(c)
            });
        if !shape_ok {
            return Err(ValueError::invalid(input, EXPECTED));
        }
        Ok(WebAddress(input.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> Text {
        Text::line(s, 200).unwrap()
    }

    #[test]
    fn text_is_nfc_trimmed_and_single_spaced() {
        // "bền" typed with a combining grave accent.
        let decomposed = "be\u{0302}\u{0300}n  vu\u{031B}\u{0303}ng ";
        assert_eq!(line(decomposed).as_str(), "bền vững");
        assert_eq!(Text::line(" ", 10), Err(ValueError::Required));
        assert_eq!(
            Text::line("a\u{0007}b", 10),
            Err(ValueError::ControlCharacter)
        );
        assert!(matches!(
            Text::line("abcdef", 5),
            Err(ValueError::TooLong { len: 6, max: 5 })
        ));
        assert_eq!(Text::multiline("a\r\nb", 10).unwrap().as_str(), "a\nb");
    }

    #[test]
    fn names_need_native_or_latin_and_the_latin_one_must_be_latin() {
        assert!(Names::new(None, None, Some(line("ソムチャイ"))).is_err());
        assert!(Names::new(None, Some(line("สมชาย")), None).is_err());
        assert!(Names::new(Some(line("สมชาย")), None, None).is_ok());
    }

    #[test]
    fn names_are_shown_in_the_readers_script() {
        let thai = Names::new(
            Some(line("สมชาย ใจดี")),
            Some(line("Somchai Jaidee")),
            Some(line("ソムチャイ・ジャイディー")),
        )
        .unwrap();
        assert_eq!(thai.display("th"), "สมชาย ใจดี");
        assert_eq!(thai.display("ja"), "ソムチャイ・ジャイディー");
        assert_eq!(thai.display("en"), "Somchai Jaidee");
        assert_eq!(thai.display("vi"), "Somchai Jaidee");

        let viet = Names::new(Some(line("Lê Văn An")), Some(line("Le Van An")), None).unwrap();
        assert_eq!(viet.display("vi"), "Lê Văn An");
        assert_eq!(viet.display("ja"), "Le Van An");

        let japanese =
            Names::new(Some(line("山田 花子")), Some(line("Yamada Hanako")), None).unwrap();
        assert_eq!(japanese.display("ja"), "山田 花子");
        assert_eq!(japanese.display("th"), "Yamada Hanako");
    }

    #[test]
    fn skills_are_normalized() {
        assert_eq!(
            Skill::parse("  Lean   Manufacturing ").unwrap().as_str(),
            "lean manufacturing"
        );
        assert_eq!(Skill::parse("ＣＡＤ").unwrap().as_str(), "cad");
        assert!(Skill::parse("welding; cad").is_err());
        assert!(Skill::parse("").is_err());
    }

    #[test]
    fn contact_details() {
        assert_eq!(
            Email::parse("A.B@Example.ORG").unwrap().as_str(),
            "A.B@example.org"
        );
        for bad in ["a", "a@b", "a@.b", "a @b.c", "@b.c", "a@b..c"] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
        assert!(Phone::parse("+66 (2) 123-4567").is_ok());
        assert!(Phone::parse("call me").is_err());
        assert!(WebAddress::parse("https://www.tpa.or.th/").is_ok());
        assert!(WebAddress::parse("javascript:alert(1)").is_err());
        assert!(WebAddress::parse("https://").is_err());
        // An internationalized address, as the OpenAPI document allows.
        assert!(WebAddress::parse("https://ตัวอย่าง.ไทย/เกี่ยวกับ").is_ok());
        for bad in ["https://a|b", "https://a b", "https://a\\b", "https://a<b>"] {
            assert!(WebAddress::parse(bad).is_err(), "{bad}");
        }
    }
}
