//! The vocabulary of the field: concepts (skills, trades, technologies,
//! sectors, equipment, practices) with their names in many languages, so
//! that a query or a skill in one language meets a text in another.
//!
//! It is data: the files in `vocabulary/` ship with kyoso, and an
//! installation adds its own file in the same format (`[[concept]]` tables,
//! see `docs/FORMATS.md`). A term that names more than one concept is a
//! homonym; each sense lists the concepts (or words) that signal it, and a
//! homonym whose sense the text around it does not settle stands for itself
//! only.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::analyze::{Analysis, Script, analyze};

/// The languages a concept may be named in, in the order files list them.
pub const LANGUAGES: [&str; 7] = ["en", "ja", "th", "vi", "id", "es", "pt"];

/// The files shipped with kyoso.
const BUILTIN: [(&str, &str); 7] = [
    (
        "manufacturing.toml",
        include_str!("../vocabulary/manufacturing.toml"),
    ),
    (
        "quality-maintenance.toml",
        include_str!("../vocabulary/quality-maintenance.toml"),
    ),
    (
        "construction.toml",
        include_str!("../vocabulary/construction.toml"),
    ),
    ("agrifood.toml", include_str!("../vocabulary/agrifood.toml")),
    ("services.toml", include_str!("../vocabulary/services.toml")),
    (
        "places-and-bodies.toml",
        include_str!("../vocabulary/places-and-bodies.toml"),
    ),
    (
        "people-and-work.toml",
        include_str!("../vocabulary/people-and-work.toml"),
    ),
];

/// One concept as a vocabulary file writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    pub key: String,
    /// skill, trade, technology, sector, equipment, material, practice, topic.
    pub kind: String,
    /// Keys of wider concepts ("lubrication-management" is narrower than
    /// "lubrication").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub broader: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub en: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ja: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub th: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vi: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub id: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub es: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pt: Vec<String>,
    /// Abbreviations, matched only when written in capitals ("PM", "GAP").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub abbr: Vec<String>,
    /// What settles this sense of a homonym: keys of concepts, or words in
    /// any language, found near it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signals: Vec<String>,
}

impl Concept {
    /// Its names in `language` (one of [`LANGUAGES`]).
    pub fn names(&self, language: &str) -> &[String] {
        match language {
            "en" => &self.en,
            "ja" => &self.ja,
            "th" => &self.th,
            "vi" => &self.vi,
            "id" => &self.id,
            "es" => &self.es,
            "pt" => &self.pt,
            _ => &[],
        }
    }

    fn names_mut(&mut self, language: &str) -> Option<&mut Vec<String>> {
        Some(match language {
            "en" => &mut self.en,
            "ja" => &mut self.ja,
            "th" => &mut self.th,
            "vi" => &mut self.vi,
            "id" => &mut self.id,
            "es" => &mut self.es,
            "pt" => &mut self.pt,
            _ => return None,
        })
    }

    /// Its first name in `language`, else in English, else its key.
    pub fn label(&self, language: &str) -> &str {
        self.names(language)
            .first()
            .or_else(|| self.en.first())
            .map_or(self.key.as_str(), String::as_str)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    concept: Vec<Concept>,
}

#[derive(Debug, Serialize)]
struct FileOut<'a> {
    concept: &'a [Concept],
}

/// A vocabulary file that cannot be read, or that breaks a rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {message}")]
pub struct VocabularyError {
    pub file: String,
    pub message: String,
}

/// A concept, by its place in the vocabulary.
pub type ConceptId = u32;
/// A distinct written form, by its place in the vocabulary.
pub type TermId = u32;

#[derive(Debug, Clone)]
enum Form {
    /// Words in Latin script, folded: matched word by word.
    Words(Vec<String>),
    /// Japanese or Thai (or mixed): matched inside the normalized text.
    Run(String),
}

#[derive(Debug, Clone)]
struct Term {
    form: Form,
    /// What the file wrote, first seen.
    written: String,
    concepts: Vec<ConceptId>,
    abbreviation: bool,
}

/// Where a text names a term of the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub term: TermId,
    /// Byte range in [`Analysis::normalized`].
    pub start: usize,
    pub end: usize,
    /// The concepts it stands for here: one, or the senses its context
    /// settles; empty when it is a homonym whose sense is not settled.
    pub concepts: Vec<ConceptId>,
}

/// How many concepts and terms a vocabulary has, per language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub concepts: usize,
    /// Language → (concepts named in it, names).
    pub languages: BTreeMap<String, (usize, usize)>,
    pub abbreviations: usize,
    /// Terms naming more than one concept.
    pub homonyms: usize,
}

/// The concepts of the field and how to find them in text.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    concepts: Vec<Concept>,
    by_key: HashMap<String, ConceptId>,
    broader: Vec<Vec<ConceptId>>,
    narrower: Vec<Vec<ConceptId>>,
    terms: Vec<Term>,
    /// Terms of each concept.
    terms_of: Vec<Vec<TermId>>,
    /// Latin-script terms by their first folded word.
    by_first_word: HashMap<String, Vec<TermId>>,
    /// Japanese and Thai terms by their first character.
    by_first_char: HashMap<char, Vec<TermId>>,
    /// Signals of each concept: concepts, and words read as text.
    signal_concepts: Vec<Vec<ConceptId>>,
    signal_words: Vec<Vec<Analysis>>,
}

impl Vocabulary {
    /// The vocabulary kyoso ships with.
    pub fn builtin() -> Vocabulary {
        Vocabulary::from_files(&BUILTIN).unwrap_or_default()
    }

    /// The shipped vocabulary extended by an installation's own file:
    /// concepts with a new key are added, names and signals of a known key
    /// are added to it.
    pub fn builtin_with(name: &str, text: &str) -> Result<Vocabulary, VocabularyError> {
        let mut files: Vec<(&str, &str)> = BUILTIN.to_vec();
        files.push((name, text));
        Vocabulary::from_files(&files)
    }

    /// Reads vocabulary files, in order.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Vocabulary, VocabularyError> {
        let mut concepts: Vec<Concept> = Vec::new();
        let mut by_key: HashMap<String, ConceptId> = HashMap::new();
        for (name, text) in files {
            let error = |message: String| VocabularyError {
                file: (*name).to_owned(),
                message,
            };
            let file: File = toml::from_str(text).map_err(|e| error(e.to_string()))?;
            for concept in file.concept {
                check_concept(&concept).map_err(error)?;
                match by_key.get(&concept.key) {
                    Some(&id) => merge_into(&mut concepts[id as usize], concept),
                    None => {
                        by_key.insert(concept.key.clone(), concepts.len() as ConceptId);
                        concepts.push(concept);
                    }
                }
            }
        }
        for concept in &concepts {
            if let Some(missing) = concept
                .broader
                .iter()
                .find(|key| !by_key.contains_key(*key))
            {
                return Err(VocabularyError {
                    file: files.last().map_or("", |f| f.0).to_owned(),
                    message: format!(
                        "concept \"{}\": broader concept \"{missing}\" is not in the vocabulary",
                        concept.key
                    ),
                });
            }
        }
        Ok(Vocabulary::index(concepts, by_key))
    }

    fn index(concepts: Vec<Concept>, by_key: HashMap<String, ConceptId>) -> Vocabulary {
        let n = concepts.len();
        let mut vocabulary = Vocabulary {
            broader: vec![Vec::new(); n],
            narrower: vec![Vec::new(); n],
            terms_of: vec![Vec::new(); n],
            signal_concepts: vec![Vec::new(); n],
            signal_words: vec![Vec::new(); n],
            ..Vocabulary::default()
        };
        let mut by_form: HashMap<String, TermId> = HashMap::new();
        for (id, concept) in concepts.iter().enumerate() {
            let id = id as ConceptId;
            for key in &concept.broader {
                let wider = by_key[key];
                if wider != id {
                    vocabulary.broader[id as usize].push(wider);
                    vocabulary.narrower[wider as usize].push(id);
                }
            }
            let names = LANGUAGES
                .iter()
                .flat_map(|language| concept.names(language))
                .map(|name| (name, false))
                .chain(concept.abbr.iter().map(|name| (name, true)));
            let names = names.flat_map(|(name, abbreviation)| {
                let mut forms: Vec<Form> = form_of(name).into_iter().collect();
                if let Some(Form::Run(run)) = forms.first() {
                    let longer = with_connectors(run);
                    forms.extend(without_connectors(run).into_iter().map(Form::Run));
                    forms.extend(longer.into_iter().map(Form::Run));
                }
                forms
                    .into_iter()
                    .map(move |form| (name, abbreviation, form))
            });
            for (name, abbreviation, form) in names {
                let form_key = match &form {
                    Form::Words(words) => format!("w:{}:{abbreviation}", words.join(" ")),
                    Form::Run(run) => format!("r:{run}"),
                };
                let term = *by_form.entry(form_key).or_insert_with(|| {
                    vocabulary.terms.push(Term {
                        form: form.clone(),
                        written: name.clone(),
                        concepts: Vec::new(),
                        abbreviation,
                    });
                    (vocabulary.terms.len() - 1) as TermId
                });
                let entry = &mut vocabulary.terms[term as usize];
                if !entry.concepts.contains(&id) {
                    entry.concepts.push(id);
                    vocabulary.terms_of[id as usize].push(term);
                }
            }
            for signal in &concept.signals {
                match by_key.get(signal) {
                    Some(&other) => vocabulary.signal_concepts[id as usize].push(other),
                    None => vocabulary.signal_words[id as usize].push(analyze(signal)),
                }
            }
        }
        for (id, term) in vocabulary.terms.iter().enumerate() {
            match &term.form {
                Form::Words(words) => vocabulary
                    .by_first_word
                    .entry(words[0].clone())
                    .or_default()
                    .push(id as TermId),
                Form::Run(run) => {
                    if let Some(first) = run.chars().next() {
                        vocabulary
                            .by_first_char
                            .entry(first)
                            .or_default()
                            .push(id as TermId)
                    }
                }
            }
        }
        vocabulary.concepts = concepts;
        vocabulary.by_key = by_key;
        vocabulary
    }

    pub fn len(&self) -> usize {
        self.concepts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty()
    }

    pub fn concept(&self, id: ConceptId) -> &Concept {
        &self.concepts[id as usize]
    }

    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    pub fn by_key(&self, key: &str) -> Option<ConceptId> {
        self.by_key.get(key).copied()
    }

    /// The concept's own terms.
    pub fn terms_of(&self, id: ConceptId) -> &[TermId] {
        &self.terms_of[id as usize]
    }

    /// How a term is written.
    pub fn written(&self, term: TermId) -> &str {
        &self.terms[term as usize].written
    }

    /// Whether a term names more than one concept, one of them a sense.
    pub fn is_homonym(&self, term: TermId) -> bool {
        let concepts = &self.terms[term as usize].concepts;
        concepts.len() > 1 && concepts.iter().any(|&c| self.is_sense(c))
    }

    /// The concepts a term names.
    pub fn senses(&self, term: TermId) -> &[ConceptId] {
        &self.terms[term as usize].concepts
    }

    /// Wider concepts, nearest first, each once.
    pub fn ancestors(&self, id: ConceptId) -> Vec<ConceptId> {
        self.closure(id, &self.broader)
    }

    /// Narrower concepts, nearest first, each once.
    pub fn descendants(&self, id: ConceptId) -> Vec<ConceptId> {
        self.closure(id, &self.narrower)
    }

    /// Directly narrower concepts.
    pub fn narrower(&self, id: ConceptId) -> &[ConceptId] {
        &self.narrower[id as usize]
    }

    /// Directly wider concepts.
    pub fn broader(&self, id: ConceptId) -> &[ConceptId] {
        &self.broader[id as usize]
    }

    fn closure(&self, id: ConceptId, edges: &[Vec<ConceptId>]) -> Vec<ConceptId> {
        let mut seen = HashSet::from([id]);
        let mut out = Vec::new();
        let mut frontier = vec![id];
        while !frontier.is_empty() {
            let mut next = Vec::new();
            for at in frontier {
                for &other in &edges[at as usize] {
                    if seen.insert(other) {
                        out.push(other);
                        next.push(other);
                    }
                }
            }
            frontier = next;
        }
        out
    }

    /// Every term of the vocabulary `text` names, longest first where two
    /// overlap, with the senses of homonyms settled by the rest of the text.
    pub fn find(&self, text: &Analysis) -> Vec<Mention> {
        let mut found = self.raw_mentions(text);
        // Longest first; a shorter mention inside a longer one goes.
        found.sort_by_key(|m| (std::cmp::Reverse(m.end - m.start), m.start));
        let mut kept: Vec<Mention> = Vec::new();
        for mention in found {
            if kept
                .iter()
                .all(|k| mention.end <= k.start || mention.start >= k.end)
            {
                kept.push(mention);
            }
        }
        kept.sort_by_key(|m| m.start);
        self.settle(text, &mut kept);
        kept
    }

    fn raw_mentions(&self, text: &Analysis) -> Vec<Mention> {
        let mut found = Vec::new();
        let words = &text.words;
        for (i, word) in words.iter().enumerate() {
            if word.script != Script::Latin {
                continue;
            }
            for &term in self.by_first_word.get(&word.folded).into_iter().flatten() {
                let entry = &self.terms[term as usize];
                let Form::Words(wanted) = &entry.form else {
                    continue;
                };
                let Some(window) = words.get(i..i + wanted.len()) else {
                    continue;
                };
                let same = window
                    .iter()
                    .zip(wanted)
                    .all(|(w, t)| w.script == Script::Latin && w.folded == *t);
                if same && (!entry.abbreviation || window.iter().all(|w| w.capitals)) {
                    found.push(Mention {
                        term,
                        start: window[0].start,
                        end: window[window.len() - 1].end,
                        concepts: entry.concepts.clone(),
                    });
                }
            }
        }
        let normalized = text.normalized.as_str();
        for (at, c) in normalized.char_indices() {
            let Some(terms) = self.by_first_char.get(&c) else {
                continue;
            };
            for &term in terms {
                let entry = &self.terms[term as usize];
                let Form::Run(run) = &entry.form else {
                    continue;
                };
                // A run that mixes scripts was written with its spaces
                // taken out; the text may keep them ("ซ่อมบำรุงเครื่อง CNC").
                let end = if run.chars().any(|c| c.is_ascii_alphanumeric()) {
                    run_end(&normalized[at..], run).map(|len| at + len)
                } else {
                    normalized[at..]
                        .starts_with(run.as_str())
                        .then(|| at + run.len())
                };
                let Some(end) = end else {
                    continue;
                };
                // One character is a word only where segmentation says so.
                if run.chars().count() == 1 && !words.iter().any(|w| w.start == at && w.end == end)
                {
                    continue;
                }
                found.push(Mention {
                    term,
                    start: at,
                    end,
                    concepts: entry.concepts.clone(),
                });
            }
        }
        found
    }

    /// Settles each homonym by the concepts and words around it: the senses
    /// whose signals the text holds stay (with the concepts that share the
    /// form and are no senses); with none, the mention stands for its own
    /// words only.
    fn settle(&self, text: &Analysis, mentions: &mut [Mention]) {
        let mut context: HashSet<ConceptId> = HashSet::new();
        for mention in mentions.iter().filter(|m| !self.is_homonym(m.term)) {
            for &concept in &mention.concepts {
                context.insert(concept);
                context.extend(self.ancestors(concept));
            }
        }
        for mention in mentions.iter_mut().filter(|m| self.is_homonym(m.term)) {
            let settled: Vec<ConceptId> = mention
                .concepts
                .iter()
                .copied()
                .filter(|&sense| !self.is_sense(sense) || self.signalled(sense, text, &context))
                .collect();
            mention.concepts = settled;
        }
    }

    /// Whether a concept is one sense of a homonym: it says what signals it.
    /// Concepts that share a written form without signals (stemming makes
    /// "lubrication" and "lubricant" one form) all stand for it.
    pub fn is_sense(&self, id: ConceptId) -> bool {
        !self.signal_concepts[id as usize].is_empty() || !self.signal_words[id as usize].is_empty()
    }

    /// Whether `text` (whose settled concepts are `context`) signals `sense`.
    pub fn signalled(
        &self,
        sense: ConceptId,
        text: &Analysis,
        context: &HashSet<ConceptId>,
    ) -> bool {
        let i = sense as usize;
        self.signal_concepts[i].iter().any(|c| context.contains(c))
            || self.signal_words[i]
                .iter()
                .any(|words| text.contains_phrase(words))
    }

    /// The concepts whose longer names hold `text` whole ("สั่นสะเทือน"
    /// inside "การวิเคราะห์การสั่นสะเทือน", "vibration" inside "vibration
    /// analysis"), if there are at most `most` of them: a word that is no
    /// name by itself but a part of few.
    pub fn concepts_around(&self, text: &Analysis, most: usize) -> Vec<ConceptId> {
        let Some(form) = form_of(&text.source) else {
            return Vec::new();
        };
        let mut found: Vec<ConceptId> = Vec::new();
        for term in &self.terms {
            let holds = match (&form, &term.form) {
                (Form::Words(part), Form::Words(whole)) => {
                    whole.len() > part.len()
                        && whole.windows(part.len()).any(|w| w == part.as_slice())
                }
                (Form::Run(part), Form::Run(whole)) => {
                    part.chars().count() >= 2
                        && whole.len() > part.len()
                        && whole.contains(part.as_str())
                }
                _ => false,
            };
            if holds && !term.abbreviation {
                for &concept in &term.concepts {
                    if !found.contains(&concept) {
                        found.push(concept);
                        if found.len() > most {
                            return Vec::new();
                        }
                    }
                }
            }
        }
        found
    }

    /// Whether `word` (one word in Latin letters, in any case) is an
    /// abbreviation of the vocabulary ("plc", "haccp").
    pub fn is_abbreviation(&self, word: &str) -> bool {
        let analysis = analyze(word);
        let [only] = analysis.words.as_slice() else {
            return false;
        };
        self.by_first_word
            .get(&only.folded)
            .into_iter()
            .flatten()
            .any(|&term| {
                let entry = &self.terms[term as usize];
                entry.abbreviation && matches!(&entry.form, Form::Words(words) if words.len() == 1)
            })
    }

    /// Whether a term written in Japanese or Thai.
    pub fn is_run(&self, term: TermId) -> bool {
        matches!(self.terms[term as usize].form, Form::Run(_))
    }

    /// The term as matched: folded words, or the run of characters.
    pub fn form(&self, term: TermId) -> (bool, Vec<String>) {
        match &self.terms[term as usize].form {
            Form::Words(words) => (false, words.clone()),
            Form::Run(run) => (true, vec![run.clone()]),
        }
    }

    /// Concepts and terms per language.
    pub fn coverage(&self) -> Coverage {
        let mut languages = BTreeMap::new();
        for language in LANGUAGES {
            let named = self
                .concepts
                .iter()
                .filter(|c| !c.names(language).is_empty())
                .count();
            let names: usize = self.concepts.iter().map(|c| c.names(language).len()).sum();
            if names > 0 {
                languages.insert(language.to_owned(), (named, names));
            }
        }
        Coverage {
            concepts: self.concepts.len(),
            languages,
            abbreviations: self.concepts.iter().map(|c| c.abbr.len()).sum(),
            homonyms: (0..self.terms.len() as TermId)
                .filter(|&t| self.is_homonym(t))
                .count(),
        }
    }

    /// The whole vocabulary as one file, to edit and import again.
    pub fn to_toml(&self) -> String {
        toml::to_string(&FileOut {
            concept: &self.concepts,
        })
        .unwrap_or_default()
    }
}

fn check_concept(concept: &Concept) -> Result<(), String> {
    let key_ok = !concept.key.is_empty()
        && concept.key.len() <= 80
        && concept
            .key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !key_ok {
        return Err(format!(
            "concept \"{}\": key: lower-case letters, digits and hyphens, at most 80",
            concept.key
        ));
    }
    let names = LANGUAGES
        .iter()
        .flat_map(|l| concept.names(l))
        .chain(&concept.abbr);
    for name in names {
        if name.trim().is_empty()
            || name.chars().count() > 120
            || name.chars().any(char::is_control)
        {
            return Err(format!(
                "concept \"{}\": the name \"{name}\" must be 1 to 120 printable characters",
                concept.key
            ));
        }
    }
    Ok(())
}

fn merge_into(known: &mut Concept, more: Concept) {
    for language in LANGUAGES {
        let names: Vec<String> = more.names(language).to_vec();
        if let Some(list) = known.names_mut(language) {
            for name in names {
                if !list.contains(&name) {
                    list.push(name);
                }
            }
        }
    }
    for (list, extra) in [
        (&mut known.abbr, more.abbr),
        (&mut known.broader, more.broader),
        (&mut known.signals, more.signals),
    ] {
        for item in extra {
            if !list.contains(&item) {
                list.push(item);
            }
        }
    }
}

/// Words that join two nouns and are as often left out: 食の安全 is
/// 食安全 too, ความปลอดภัยของอาหาร is ความปลอดภัยอาหาร.
const CONNECTORS: [&str; 4] = ["の", "ของ", "ด้าน", "ในการ"];

/// A Japanese or Thai name without its connecting words, if it has any
/// between two other characters.
fn without_connectors(run: &str) -> Option<String> {
    let mut out = run.to_owned();
    for connector in CONNECTORS {
        let inside: Vec<usize> = out
            .match_indices(connector)
            .map(|(at, _)| at)
            .filter(|&at| at > 0 && at + connector.len() < out.len())
            .collect();
        for at in inside.into_iter().rev() {
            out.replace_range(at..at + connector.len(), "");
        }
    }
    (out != run && out.chars().count() >= 2).then_some(out)
}

/// A four-kanji compound of two words written as a phrase: 排水処理 is
/// also 排水の処理 and, before a verb, 排水を処理(する).
fn with_connectors(run: &str) -> Vec<String> {
    let chars: Vec<char> = run.chars().collect();
    let kanji = |c: &char| ('\u{4E00}'..='\u{9FFF}').contains(c);
    if chars.len() != 4 || !chars.iter().all(kanji) {
        return Vec::new();
    }
    let (first, second): (String, String) =
        (chars[..2].iter().collect(), chars[2..].iter().collect());
    ["の", "を"]
        .iter()
        .map(|connector| format!("{first}{connector}{second}"))
        .collect()
}

/// Where `run` (written without spaces) ends if `text` begins with it,
/// spaces between its characters allowed, in bytes of `text`.
fn run_end(text: &str, run: &str) -> Option<usize> {
    let mut wanted = run.chars().peekable();
    for (at, c) in text.char_indices() {
        let Some(&next) = wanted.peek() else {
            return Some(at);
        };
        if c == next {
            wanted.next();
        } else if !(c.is_whitespace() && at > 0) {
            return None;
        }
    }
    wanted.peek().is_none().then_some(text.len())
}

fn form_of(name: &str) -> Option<Form> {
    let analysis = analyze(name);
    if analysis.words.is_empty() {
        return None;
    }
    if analysis.words.iter().all(|w| w.script == Script::Latin) {
        Some(Form::Words(
            analysis.words.into_iter().map(|w| w.folded).collect(),
        ))
    } else {
        Some(Form::Run(analysis.normalized.split_whitespace().collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_known_in_any_case_and_words_are_not() {
        let vocabulary = Vocabulary::builtin();
        assert!(vocabulary.is_abbreviation("plc"));
        assert!(vocabulary.is_abbreviation("HACCP"));
        assert!(!vocabulary.is_abbreviation("welding"));
        assert!(!vocabulary.is_abbreviation("plc programming"));
    }

    #[test]
    fn a_run_may_be_spaced_in_the_text() {
        assert_eq!(run_end("ab c d", "abc"), Some(4));
        assert_eq!(run_end("abc", "abc"), Some(3));
        assert_eq!(run_end(" abc", "abc"), None);
        assert_eq!(run_end("abx", "abc"), None);
        assert_eq!(run_end("ab", "abc"), None);
        let vocabulary = Vocabulary::builtin();
        assert_eq!(
            concepts_in(&vocabulary, "ซ่อมบำรุงเครื่อง CNC"),
            ["machine-tool-maintenance"]
        );
    }

    fn concepts_in(vocabulary: &Vocabulary, text: &str) -> Vec<String> {
        vocabulary
            .find(&analyze(text))
            .into_iter()
            .flat_map(|m| m.concepts)
            .map(|c| vocabulary.concept(c).key.clone())
            .collect()
    }

    #[test]
    fn the_shipped_files_load_and_cover_four_languages() {
        let vocabulary = Vocabulary::from_files(&BUILTIN).expect("the shipped vocabulary loads");
        let coverage = vocabulary.coverage();
        assert!(coverage.concepts > 1000, "{coverage:?}");
        for language in ["en", "ja", "th", "vi"] {
            assert!(
                coverage.languages[language].0 > 1000,
                "{language}: {coverage:?}"
            );
        }
    }

    #[test]
    fn one_concept_in_four_languages() {
        let vocabulary = Vocabulary::builtin();
        for text in ["lubrication", "潤滑", "การหล่อลื่น", "bôi trơn", "boi tron"]
        {
            assert!(
                concepts_in(&vocabulary, text)
                    .iter()
                    .any(|k| k.contains("lubrication")),
                "{text}: {:?}",
                concepts_in(&vocabulary, text)
            );
        }
        let forklift: Vec<Vec<String>> = ["forklift", "フォークリフト", "รถยก", "xe nâng"]
            .iter()
            .map(|t| concepts_in(&vocabulary, t))
            .collect();
        assert!(
            forklift.iter().all(|k| !k.is_empty() && *k == forklift[0]),
            "{forklift:?}"
        );
    }

    #[test]
    fn a_homonym_takes_the_sense_its_context_signals() {
        let vocabulary = Vocabulary::builtin();
        let gearbox = concepts_in(&vocabulary, "the bearing of the gearbox runs hot");
        assert!(
            gearbox.contains(&"bearing-machine-element".to_owned()),
            "{gearbox:?}"
        );
        let alone = concepts_in(&vocabulary, "bearing");
        assert!(
            !alone.contains(&"bearing-machine-element".to_owned()),
            "{alone:?}"
        );
    }

    #[test]
    fn abbreviations_match_in_capitals_only() {
        let vocabulary = Vocabulary::builtin();
        assert!(!concepts_in(&vocabulary, "CMMS rollout").is_empty());
        assert!(concepts_in(&vocabulary, "cmms").is_empty() || vocabulary.by_key("cmms").is_some());
    }

    #[test]
    fn an_installation_file_extends_and_a_bad_one_is_named() {
        let extra =
            "[[concept]]\nkey = \"lubrication\"\nkind = \"skill\"\nen = [\"oiling rounds\"]\n";
        let vocabulary = Vocabulary::builtin_with("site.toml", extra).expect("extends");
        assert!(concepts_in(&vocabulary, "oiling rounds").contains(&"lubrication".to_owned()));
        let bad = Vocabulary::builtin_with(
            "site.toml",
            "[[concept]]\nkey = \"Bad Key\"\nkind = \"x\"\n",
        );
        let error = bad.expect_err("a bad key is refused");
        assert_eq!(error.file, "site.toml");
        assert!(error.message.contains("Bad Key"), "{error}");
        let unknown = Vocabulary::builtin_with(
            "site.toml",
            "[[concept]]\nkey = \"k\"\nkind = \"x\"\nbroader = [\"nowhere\"]\n",
        );
        assert!(
            unknown
                .expect_err("unknown broader")
                .message
                .contains("nowhere")
        );
    }

    #[test]
    fn connecting_words_may_be_left_out() {
        assert_eq!(without_connectors("食の安全").as_deref(), Some("食安全"));
        assert_eq!(
            without_connectors("ความปลอดภัยของอาหาร").as_deref(),
            Some("ความปลอดภัยอาหาร")
        );
        assert_eq!(without_connectors("ของเสีย"), None);
        assert_eq!(
            with_connectors("排水処理"),
            vec!["排水の処理", "排水を処理"]
        );
        assert!(with_connectors("排水処理施設").is_empty());
        assert!(with_connectors("フォーク").is_empty());
        let vocabulary = Vocabulary::builtin();
        assert!(concepts_in(&vocabulary, "ความปลอดภัยอาหาร").contains(&"food-safety".to_owned()));
    }

    #[test]
    fn a_part_of_few_names_stands_for_their_concepts() {
        let vocabulary = Vocabulary::builtin();
        let around = vocabulary.concepts_around(&analyze("สั่นสะเทือน"), 3);
        let keys: Vec<&str> = around
            .iter()
            .map(|&c| vocabulary.concept(c).key.as_str())
            .collect();
        assert!(keys.iter().any(|k| k.contains("vibration")), "{keys:?}");
        // A word inside many names stands for none of them.
        assert!(
            vocabulary
                .concepts_around(&analyze("management"), 3)
                .is_empty()
        );
    }

    #[test]
    fn the_exported_file_reads_back_the_same() {
        let vocabulary = Vocabulary::builtin();
        let again = Vocabulary::from_files(&[("all.toml", &vocabulary.to_toml())]).expect("reads");
        assert_eq!(again.concepts(), vocabulary.concepts());
    }
}
