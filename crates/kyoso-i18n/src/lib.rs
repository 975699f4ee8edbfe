//! Every text a person reads, in English, Japanese, Thai and Vietnamese,
//! from Fluent message files compiled into the binary
//! (`locales/{en,ja,th,vi}/*.ftl`). The web pages, the reasons of a ranking
//! and the command line all read them from here.
//!
//! A translator edits the `.ftl` files alone. A test fails on a message
//! missing in any language, on a placeholder one language has and another
//! has not, and on a file that does not parse.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Ja,
    Th,
    Vi,
}

/// The message files, by language, in a fixed order.
const FILES: [&str; 9] = [
    "web",
    "matching",
    "network",
    "programs",
    "reasons",
    "cli",
    "codes",
    "search",
    "knowledge",
];

macro_rules! sources {
    ($lang:literal) => {
        [
            include_str!(concat!("../locales/", $lang, "/web.ftl")),
            include_str!(concat!("../locales/", $lang, "/matching.ftl")),
            include_str!(concat!("../locales/", $lang, "/network.ftl")),
            include_str!(concat!("../locales/", $lang, "/programs.ftl")),
            include_str!(concat!("../locales/", $lang, "/reasons.ftl")),
            include_str!(concat!("../locales/", $lang, "/cli.ftl")),
            include_str!(concat!("../locales/", $lang, "/codes.ftl")),
            include_str!(concat!("../locales/", $lang, "/search.ftl")),
            include_str!(concat!("../locales/", $lang, "/knowledge.ftl")),
        ]
    };
}

const SOURCES: [[&str; FILES.len()]; 4] = [
    sources!("en"),
    sources!("ja"),
    sources!("th"),
    sources!("vi"),
];

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Ja, Lang::Th, Lang::Vi];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
            Lang::Th => "th",
            Lang::Vi => "vi",
        }
    }

    /// The language of a code ("en", "ja-JP", "TH"); none for another.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(primary))
    }

    /// The first supported language of an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        header
            .split(',')
            .filter_map(|part| part.split(';').next())
            .find_map(|tag| Lang::from_code(tag.trim()))
    }

    /// The language of the command line's environment (`LC_ALL`,
    /// `LC_MESSAGES`, `LANG`), English if none is supported.
    pub fn from_environment(env: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| env(name))
            .find(|value| !value.is_empty())
            .and_then(|value| Lang::from_code(&value))
            .unwrap_or_default()
    }

    /// The language's own name, for a language switcher.
    pub fn own_name(self) -> &'static str {
        self.text("web-language-own-name")
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The message `id`, which takes no arguments. A missing message
    /// shows its id (and fails the tests that look for missing ones).
    pub fn text(self, id: &str) -> &'static str {
        match MESSAGES[self.index()].texts.get(id) {
            Some(text) => text,
            None => leak(id.to_owned()),
        }
    }

    /// The message `id` with its arguments.
    pub fn format(self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let messages = &MESSAGES[self.index()];
        let Some(pattern) = messages.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(*text),
                Arg::Number(number) => FluentValue::from(*number),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        messages
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// Whether there is a message `id`.
    pub fn has(self, id: &str) -> bool {
        MESSAGES[self.index()].bundle.has_message(id)
    }

    /// An OECD DAC 5-digit sector's name.
    pub fn sector(self, code: u32) -> Option<&'static str> {
        self.optional(&format!("sector-{code}"))
    }

    /// An OECD DAC 3-digit sector category's name.
    pub fn sector_category(self, code: u32) -> Option<&'static str> {
        self.optional(&format!("sector-category-{code}"))
    }

    /// An ISO 639-1 language's name.
    pub fn language(self, code: &str) -> Option<&'static str> {
        self.optional(&format!("language-{code}"))
    }

    /// A language level's name ("native", "N2", "B1", ...).
    pub fn level(self, level: &str) -> Option<&'static str> {
        self.optional(&format!("level-{level}"))
    }

    fn optional(self, id: &str) -> Option<&'static str> {
        MESSAGES[self.index()].texts.get(id).copied()
    }
}

impl FromStr for Lang {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_code(s).ok_or(())
    }
}

/// An argument of a message.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Text(&'a str),
    /// A number: plural forms are chosen by it.
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Arg<'a> {
        Arg::Text(text)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Arg<'a> {
        Arg::Text(text)
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless, reason = "counts shown to people")]
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64, f64);

/// One language's messages.
struct Messages {
    bundle: FluentBundle<FluentResource>,
    /// Every message formatted without arguments, formatted once.
    texts: HashMap<String, &'static str>,
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

static MESSAGES: LazyLock<[Messages; 4]> = LazyLock::new(|| Lang::ALL.map(load));

fn load(lang: Lang) -> Messages {
    let locale = lang
        .code()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // Pages and terminals show the text as it is: no invisible marks.
    bundle.set_use_isolating(false);
    let mut ids = Vec::new();
    for source in SOURCES[lang.index()] {
        // A file that does not parse fails the tests (`every_file_parses`);
        // what parsed is used.
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        ids.extend(message_ids(&resource));
        // A duplicate id fails the tests (`ids_are_unique`).
        bundle.add_resource_overriding(resource);
    }
    let mut texts = HashMap::with_capacity(ids.len());
    for id in ids {
        if let Some(pattern) = bundle.get_message(&id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned();
            texts.insert(id, leak(text));
        }
    }
    Messages { bundle, texts }
}

fn message_ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests;
