//! What a skill, a keyword or a text stands for in matching: its own words
//! (an exact match) and the concepts of the shared vocabulary it names, so
//! that "bôi trơn", "潤滑" and "lubrication" meet. A homonym whose sense
//! the words around it do not settle stands for its own words only.

use std::collections::HashMap;
use std::sync::Arc;

use kyoso_domain::{Script, Skill, script_of};
use kyoso_text::{ConceptId, Vocabulary, analyze};

/// Concepts that say where or with whom, not what: countries, languages,
/// bodies and roles have factors of their own or say nothing of the work.
fn is_topic(key: &str) -> bool {
    const NOT_TOPICS: [&str; 17] = [
        "asean",
        "jica",
        "aots",
        "jetro",
        "otit",
        "unido-itpo",
        "alumni-society",
        "development-cooperation",
        "study-in-japan",
        "engineer",
        "expert",
        "supervisor",
        "manager",
        "trainee",
        "training",
        "seminar",
        "business-partner",
    ];
    !key.starts_with("country-") && !key.ends_with("-language") && !NOT_TOPICS.contains(&key)
}

/// Abbreviations of the field that are also common words: in a skill kept
/// in lower case, "car" is a car, not a corrective action request.
const ALSO_WORDS: [&str; 4] = ["car", "cam", "she", "pos"];

/// A skill as the vocabulary should read it. Skills are kept in lower case,
/// and the vocabulary matches an abbreviation only in capitals (so that
/// "pm" in running text is not preventive maintenance): a word of a skill
/// that is an abbreviation of the field ("haccp", "plc") is put back in
/// capitals.
fn as_tag(vocabulary: &Vocabulary, skill: &str) -> String {
    let mut out = String::with_capacity(skill.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if !word.is_empty()
            && !ALSO_WORDS.contains(&word.to_ascii_lowercase().as_str())
            && vocabulary.is_abbreviation(word)
        {
            out.push_str(&word.to_ascii_uppercase());
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in skill.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The most further topics a need's text adds to what it asks.
const MOST_TOPICS: usize = 6;

/// Skills, keywords and concepts interned to the numbers an index uses.
pub(crate) struct Terms {
    vocabulary: Arc<Vocabulary>,
    literal: HashMap<String, u32>,
    concepts: HashMap<ConceptId, u32>,
    /// The concept of each concept term: `concepts` the other way round.
    concept_of: HashMap<u32, ConceptId>,
    /// Each skill written, by its literal term: the skill and the concept
    /// terms it stands for (with their wider concepts).
    written: HashMap<u32, (String, Box<[u32]>)>,
    next: u32,
    /// Where the index reads words too (offers and courses, whose texts are
    /// few): the words of candidates' keywords and texts, by normal form, so
    /// that a skill the vocabulary does not know is still met by its words.
    words: Option<Words>,
}

/// The words candidates' texts hold, and how many candidates hold each.
#[derive(Debug, Default)]
struct Words {
    terms: HashMap<String, u32>,
    holders: HashMap<u32, u32>,
    candidates: u32,
}

/// A word held by more than this share of candidates says too little of a
/// skill to stand for it.
const MOST_WORD_SHARE: f64 = 0.25;

impl std::fmt::Debug for Terms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Terms")
            .field("literal", &self.literal.len())
            .field("concepts", &self.concepts.len())
            .finish_non_exhaustive()
    }
}

impl Default for Terms {
    fn default() -> Terms {
        Terms::new(crate::search::vocabulary())
    }
}

/// What a need asks, in terms.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Asked {
    pub(crate) skills: Vec<u32>,
    pub(crate) required: Vec<u32>,
    pub(crate) topics: Vec<u32>,
}

/// A need's skill as the vocabulary reads it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SkillRead {
    pub(crate) written: String,
    /// The concept its head names: of several, the last in a head-final
    /// language, the first in a head-initial one; else the longest.
    pub(crate) main: Option<ConceptId>,
    /// The other concepts it names.
    pub(crate) further: Vec<ConceptId>,
}

/// A need as the vocabulary reads it: read once, asked of every index.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct NeedRead {
    pub(crate) skills: Vec<SkillRead>,
    pub(crate) required: Vec<SkillRead>,
    /// The concepts its title and description name.
    pub(crate) text: Vec<ConceptId>,
}

impl NeedRead {
    pub(crate) fn of(skills: &[Skill], required: &[Skill], text: &[&str]) -> NeedRead {
        let vocabulary = crate::search::vocabulary();
        let read = |skill: &Skill| {
            let mut mentions = mentions(&vocabulary, &as_tag(&vocabulary, skill.as_str()));
            // A compound's head names what it is: "seafood processing
            // wastewater" is wastewater, 水産加工排水 is 排水 (both end
            // with their head); "bảo trì máy CNC", การซ่อมบำรุงเครื่องจักร
            // begin with it.
            if let Some(head) = head_of(skill.as_str(), &mentions) {
                let found = mentions.remove(head);
                mentions.insert(0, found);
            }
            let mut mentions = mentions.into_iter().map(|(_, _, concepts)| concepts);
            let main = mentions.next().map(|concepts| concepts[0]);
            SkillRead {
                written: skill.to_string(),
                main,
                further: mentions.flatten().collect(),
            }
        };
        NeedRead {
            skills: skills.iter().map(read).collect(),
            required: required.iter().map(read).collect(),
            text: text
                .iter()
                .flat_map(|t| mentions(&vocabulary, t))
                .flat_map(|(_, _, concepts)| concepts)
                .collect(),
        }
    }
}

/// Every concept `text` names that is a topic, each mention's longest
/// reading first, with the mention's length in characters and where it
/// ends.
fn mentions(vocabulary: &Vocabulary, text: &str) -> Vec<(usize, usize, Vec<ConceptId>)> {
    let analysis = analyze(text);
    let mut found: Vec<(usize, usize, Vec<ConceptId>)> = vocabulary
        .find(&analysis)
        .into_iter()
        .map(|m| {
            let concepts: Vec<ConceptId> = m
                .concepts
                .into_iter()
                .filter(|&c| is_topic(&vocabulary.concept(c).key))
                .collect();
            // In characters: a word in kanji is no less specific than one
            // in Latin letters for taking three bytes a character.
            let length = analysis.normalized[m.start..m.end].chars().count();
            (length, m.end, concepts)
        })
        .filter(|(_, _, concepts)| !concepts.is_empty())
        .collect();
    found.sort_by_key(|(length, _, _)| std::cmp::Reverse(*length));
    found
}

/// Which of a skill's mentions (longest first) is its head, where it names
/// several apart: the last in a head-final language (English, Japanese),
/// the first in a head-initial one (Thai, Vietnamese, as written with its
/// marks). None where the longest mention is the only one.
fn head_of(skill: &str, mentions: &[(usize, usize, Vec<ConceptId>)]) -> Option<usize> {
    if mentions.len() < 2 {
        return None;
    }
    let head_initial = matches!(script_of(skill), Script::Thai) || is_vietnamese(skill);
    // Mentions come longest first: of two ending together, the longer.
    let by_end = mentions
        .iter()
        .enumerate()
        .map(|(i, (_, end, _))| (i, *end));
    let head = if head_initial {
        by_end.min_by_key(|&(i, end)| (end, i))
    } else {
        by_end.max_by_key(|&(i, end)| (end, std::cmp::Reverse(i)))
    };
    head.map(|(i, _)| i)
}

/// Whether a Latin-script text carries Vietnamese letters.
fn is_vietnamese(text: &str) -> bool {
    text.chars()
        .any(|c| "ăâđêôơưĂÂĐÊÔƠƯ".contains(c) || ('\u{1EA0}'..='\u{1EF9}').contains(&c))
}

/// How a candidate meets a skill asked.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Met {
    /// In the very words asked.
    Exactly,
    /// Through a word of their own that names the same concept.
    Through(String),
}

impl Terms {
    pub(crate) fn new(vocabulary: Arc<Vocabulary>) -> Terms {
        Terms {
            vocabulary,
            literal: HashMap::new(),
            concepts: HashMap::new(),
            concept_of: HashMap::new(),
            written: HashMap::new(),
            next: 0,
            words: None,
        }
    }

    /// Terms that read the words of candidates' texts too (see
    /// [`Terms::words_of`]).
    pub(crate) fn with_words() -> Terms {
        Terms {
            words: Some(Words::default()),
            ..Terms::default()
        }
    }

    /// The words that carry meaning in `text`, in normal form (stemmed),
    /// each with the word as written: in Latin script from three letters,
    /// in other scripts from two characters.
    fn content_words(text: &str) -> Vec<(String, String)> {
        let analysis = analyze(text);
        analysis
            .content_words()
            .filter(|w| {
                let chars = w.exact.chars().count();
                let latin = w.exact.is_ascii();
                !w.exact.chars().all(|c| c.is_ascii_digit()) && chars >= if latin { 3 } else { 2 }
            })
            .map(|w| {
                let written = analysis.normalized.get(w.start..w.end).unwrap_or(&w.exact);
                (w.exact.clone(), written.to_owned())
            })
            .collect()
    }

    /// One candidate's word terms for all its `texts` (keywords, title,
    /// description), counted once each; none where these terms read no words.
    pub(crate) fn words_of(&mut self, texts: &[&str]) -> Vec<u32> {
        let Some(words) = &mut self.words else {
            return Vec::new();
        };
        let mut held: Vec<u32> = Vec::new();
        for text in texts {
            for (word, _) in Terms::content_words(text) {
                let term = match words.terms.get(&word) {
                    Some(&term) => term,
                    None => {
                        let term = Terms::number(&mut self.next);
                        words.terms.insert(word, term);
                        term
                    }
                };
                held.push(term);
            }
        }
        held.sort_unstable();
        held.dedup();
        for &term in &held {
            *words.holders.entry(term).or_default() += 1;
        }
        words.candidates += 1;
        held
    }

    /// The word of `skill` few enough candidates hold to stand for it, the
    /// rarest first; with the word itself.
    fn telling_word(&self, skill: &str) -> Option<(u32, String)> {
        let words = self.words.as_ref()?;
        let most = (f64::from(words.candidates) * MOST_WORD_SHARE).max(3.0);
        Terms::content_words(skill)
            .into_iter()
            .filter_map(|(w, written)| words.terms.get(&w).map(|&t| (t, written)))
            .filter_map(|(t, w)| words.holders.get(&t).map(|&n| (n, t, w)))
            .filter(|&(n, _, _)| f64::from(n) <= most)
            .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.2.cmp(&b.2)))
            .map(|(_, t, w)| (t, w))
    }

    fn number(next: &mut u32) -> u32 {
        let number = *next;
        *next += 1;
        number
    }

    fn concept_term(&mut self, concept: ConceptId) -> u32 {
        if let Some(&term) = self.concepts.get(&concept) {
            return term;
        }
        let term = Terms::number(&mut self.next);
        self.concepts.insert(concept, term);
        self.concept_of.insert(term, concept);
        term
    }

    /// The concepts `text` names and the wider ones they belong to, two
    /// steps up: "tig welding" holds arc welding and welding, not all of
    /// metalworking and manufacturing, which would say little and hold
    /// nearly everyone.
    fn concepts_with_wider(&self, text: &str) -> Vec<ConceptId> {
        let mut out = Vec::new();
        for (_, _, concepts) in mentions(&self.vocabulary, text) {
            for concept in concepts {
                out.push(concept);
                for &wider in self.vocabulary.broader(concept) {
                    out.push(wider);
                    out.extend(self.vocabulary.broader(wider));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// A candidate's terms for one of their skills: the skill itself and
    /// every concept it names, with the wider ones.
    pub(crate) fn intern(&mut self, skill: &Skill) -> Vec<u32> {
        if let Some(&term) = self.literal.get(skill.as_str()) {
            let mut terms = vec![term];
            terms.extend(self.written[&term].1.iter());
            return terms;
        }
        let term = Terms::number(&mut self.next);
        self.literal.insert(skill.to_string(), term);
        let concepts: Box<[u32]> = self
            .concepts_with_wider(&as_tag(&self.vocabulary, skill.as_str()))
            .into_iter()
            .map(|c| self.concept_term(c))
            .collect();
        let mut terms = vec![term];
        terms.extend(concepts.iter());
        self.written.insert(term, (skill.to_string(), concepts));
        terms
    }

    /// A candidate's terms for their text (a title, a description): the
    /// concepts it names, with the wider ones.
    pub(crate) fn intern_text(&mut self, text: &str) -> Vec<u32> {
        self.concepts_with_wider(text)
            .into_iter()
            .map(|c| self.concept_term(c))
            .collect()
    }

    /// The term a need's skill is met by: the most specific concept it
    /// names, else its own words; and the further concepts it names.
    /// A skill nobody holds gets a number of its own, so that it still
    /// counts in the share asked.
    fn asked_skill(&self, skill: &SkillRead, unknown: &mut u32) -> (u32, Vec<u32>) {
        let mut known = |term: Option<&u32>| {
            term.copied().unwrap_or_else(|| {
                *unknown -= 1;
                *unknown
            })
        };
        let term = match skill.main {
            Some(main) => known(self.concepts.get(&main)),
            None => known(self.literal.get(&skill.written)),
        };
        let further = skill
            .further
            .iter()
            .filter_map(|c| self.concepts.get(c).copied())
            .collect();
        (term, further)
    }

    /// What a need asks: its skills (met by the concept they name, in any
    /// language, or else by their own words), and the topics of its title
    /// and description that someone here holds.
    pub(crate) fn ask(&self, need: &NeedRead) -> Asked {
        let mut unknown = u32::MAX;
        let mut further = Vec::new();
        let mut terms_of = |skills: &[SkillRead], by_words: bool| {
            let mut terms: Vec<u32> = skills
                .iter()
                .map(|s| match self.telling_word_of(s).filter(|_| by_words) {
                    Some((word, _)) => word,
                    None => {
                        let (term, more) = self.asked_skill(s, &mut unknown);
                        further.extend(more);
                        term
                    }
                })
                .collect();
            terms.sort_unstable();
            terms.dedup();
            terms
        };
        // A skill both asked and required counts once, as required. A skill
        // that names no concept and that nobody holds in its very words is
        // met by its most telling word, where candidates' words are read;
        // a required one only in its words or its concept.
        let required = terms_of(&need.required, false);
        let skills: Vec<u32> = terms_of(&need.skills, true)
            .into_iter()
            .filter(|t| !required.contains(t))
            .collect();
        further.extend(need.text.iter().filter_map(|c| self.concepts.get(c)));
        let mut topics: Vec<u32> = Vec::new();
        for term in further {
            if !skills.contains(&term) && !required.contains(&term) && !topics.contains(&term) {
                topics.push(term);
            }
        }
        topics.truncate(MOST_TOPICS);
        topics.sort_unstable();
        Asked {
            skills,
            required,
            topics,
        }
    }

    /// For a skill that names no concept and that nobody holds in its very
    /// words, the word that stands for it, where candidates' words are read.
    fn telling_word_of(&self, skill: &SkillRead) -> Option<(u32, String)> {
        if skill.main.is_some() || self.literal.contains_key(&skill.written) {
            return None;
        }
        self.telling_word(&skill.written)
    }

    /// How a candidate with `terms` (sorted) meets a skill asked, if they
    /// do: as [`Terms::meets`], or through the word that stands for a skill
    /// the vocabulary does not know.
    pub(crate) fn meets_asked(&self, terms: &[u32], skill: &SkillRead) -> Option<Met> {
        self.meets(terms, skill).or_else(|| {
            self.telling_word_of(skill)
                .filter(|(word, _)| terms.binary_search(word).is_ok())
                .map(|(_, written)| Met::Through(written))
        })
    }

    /// How a candidate with `terms` (sorted) meets `skill`, if they do.
    pub(crate) fn meets(&self, terms: &[u32], skill: &SkillRead) -> Option<Met> {
        if let Some(term) = self.literal.get(&skill.written)
            && terms.binary_search(term).is_ok()
        {
            return Some(Met::Exactly);
        }
        let mut unknown = u32::MAX;
        let (asked, _) = self.asked_skill(skill, &mut unknown);
        if terms.binary_search(&asked).is_err() {
            return None;
        }
        // The candidate's own skill that names the concept, if one does; a
        // concept from their text is named by its label.
        let own = terms.iter().find_map(|t| {
            self.written
                .get(t)
                .filter(|(_, concepts)| concepts.contains(&asked))
                .map(|(written, _)| written.clone())
        });
        Some(Met::Through(own.unwrap_or_else(|| self.label(asked, "en"))))
    }

    /// The concepts among `topics` a candidate with `terms` holds, by key.
    pub(crate) fn topics_held(&self, terms: &[u32], topics: &[u32]) -> Vec<String> {
        topics
            .iter()
            .filter(|t| terms.binary_search(t).is_ok())
            .filter_map(|t| self.concept_of(*t))
            .map(|c| self.vocabulary.concept(c).key.clone())
            .collect()
    }

    fn concept_of(&self, term: u32) -> Option<ConceptId> {
        self.concept_of.get(&term).copied()
    }

    fn label(&self, term: u32, language: &str) -> String {
        self.concept_of(term)
            .map(|c| self.vocabulary.concept(c).label(language).to_owned())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skill(text: &str) -> Skill {
        Skill::parse(text).unwrap()
    }

    fn read(text: &str) -> SkillRead {
        NeedRead::of(&[skill(text)], &[], &[]).skills.remove(0)
    }

    #[test]
    fn a_compound_skill_is_read_by_its_head_in_each_language() {
        let v = crate::search::vocabulary();
        let key = |c: Option<ConceptId>| c.map(|c| v.concept(c).key.clone());
        // Wastewater of seafood processing, head last in English and
        // first in Vietnamese and Thai; the modifier stays a topic.
        for text in [
            "seafood processing wastewater",
            "xử lý nước thải chế biến thủy sản",
            "น้ำเสียจากโรงงานแปรรูปอาหารทะเล",
        ] {
            let read = read(text);
            assert_eq!(
                key(read.main).as_deref(),
                Some("wastewater-treatment"),
                "{text}"
            );
            let further: Vec<Option<String>> = read.further.iter().map(|&c| key(Some(c))).collect();
            assert!(
                further.contains(&Some("seafood-processing".into())),
                "{text}: {further:?}"
            );
        }
        // One concept named whole is read as it was.
        assert_eq!(
            key(read("CNC保全").main).as_deref(),
            Some("machine-tool-maintenance")
        );
        assert!(is_vietnamese("bảo trì máy CNC") && !is_vietnamese("bao tri may CNC"));
    }

    fn holder(terms: &mut Terms, skills: &[&str]) -> Vec<u32> {
        let mut held: Vec<u32> = skills
            .iter()
            .flat_map(|s| terms.intern(&skill(s)))
            .collect();
        held.sort_unstable();
        held.dedup();
        held
    }

    #[test]
    fn a_skill_the_vocabulary_does_not_know_is_met_by_its_telling_word() {
        let mut terms = Terms::with_words();
        let texts = [
            "Activated sludge process for dairy wastewater",
            "Membrane bioreactor for factory wastewater",
            "Septic tank for households and wastewater reuse",
        ];
        let held: Vec<Vec<u32>> = texts.iter().map(|t| terms.words_of(&[t])).collect();
        let need = NeedRead::of(&[skill("activated sludge")], &[], &[]);
        assert!(
            need.skills[0].main.is_none(),
            "a concept now: pick another skill"
        );
        let asked = terms.ask(&need);
        // "sludge" is held by one text in three, "activated" too: the
        // rarest word stands for the skill, not "wastewater", held by all.
        assert_eq!(asked.skills.len(), 1);
        assert!(held[0].binary_search(&asked.skills[0]).is_ok());
        assert!(held[1].binary_search(&asked.skills[0]).is_err());
        let met = terms.meets_asked(&held[0], &need.skills[0]);
        assert!(
            matches!(&met, Some(Met::Through(w)) if w == "activated" || w == "sludge"),
            "{met:?}"
        );
        // Never for a required skill, nor where words are not read.
        let required = terms.ask(&NeedRead::of(&[], &[skill("activated sludge")], &[]));
        assert!(held[0].binary_search(&required.required[0]).is_err());
        let plain = Terms::default();
        assert!(plain.ask(&need).skills[0] > 1_000_000);
    }

    #[test]
    fn a_skill_asked_in_one_language_is_met_in_another() {
        let mut terms = Terms::default();
        let thai = holder(&mut terms, &["การหล่อลื่น", "งานเชื่อม"]);
        let vietnamese = holder(&mut terms, &["bôi trơn"]);
        let japanese = holder(&mut terms, &["フォークリフト"]);
        let asked = terms.ask(&NeedRead::of(&[skill("lubrication")], &[], &[]));
        assert_eq!(asked.skills.len(), 1);
        for held in [&thai, &vietnamese] {
            assert!(held.binary_search(&asked.skills[0]).is_ok());
        }
        assert!(japanese.binary_search(&asked.skills[0]).is_err());
        assert_eq!(
            terms.meets(&vietnamese, &read("lubrication")),
            Some(Met::Through("bôi trơn".into()))
        );
        assert_eq!(
            terms.meets(&vietnamese, &read("bôi trơn")),
            Some(Met::Exactly)
        );
        assert_eq!(terms.meets(&japanese, &read("lubrication")), None);
    }

    #[test]
    fn abbreviations_in_skills_kept_in_lower_case_are_read_as_such() {
        let mut terms = Terms::default();
        let thai = holder(&mut terms, &["ระบบ haccp"]);
        let asked = terms.ask(&NeedRead::of(&[], &[skill("HACCP")], &[]));
        assert!(thai.binary_search(&asked.required[0]).is_ok(), "{asked:?}");
        let driver = holder(&mut terms, &["car maintenance"]);
        let asked = terms.ask(&NeedRead::of(&[skill("corrective action")], &[], &[]));
        assert!(driver.binary_search(&asked.skills[0]).is_err());
    }

    #[test]
    fn a_narrower_skill_meets_a_wider_one_and_not_the_other_way() {
        let mut terms = Terms::default();
        let tig = holder(&mut terms, &["tig welding"]);
        let welder = holder(&mut terms, &["welding"]);
        let wide = terms.ask(&NeedRead::of(&[skill("溶接")], &[], &[]));
        assert!(tig.binary_search(&wide.skills[0]).is_ok());
        let narrow = terms.ask(&NeedRead::of(&[skill("TIG welding")], &[], &[]));
        assert!(welder.binary_search(&narrow.skills[0]).is_err());
    }

    #[test]
    fn the_text_of_a_need_adds_topics_but_not_places_or_roles() {
        let mut terms = Terms::default();
        let held = holder(&mut terms, &["forklift", "total productive maintenance"]);
        let asked = terms.ask(&NeedRead::of(
            &[],
            &[],
            &["Expert in Japan to train forklift operators in Thailand on TPM"],
        ));
        assert_eq!(asked.topics.len(), 2, "{asked:?}");
        assert_eq!(terms.topics_held(&held, &asked.topics).len(), 2);
    }

    #[test]
    fn a_skill_nobody_holds_still_counts_and_each_once() {
        let mut terms = Terms::default();
        holder(&mut terms, &["welding"]);
        let asked = terms.ask(&NeedRead::of(
            &[skill("zzz unheard"), skill("zzz other")],
            &[skill("welding")],
            &[],
        ));
        assert_eq!(asked.skills.len(), 2);
        assert_eq!(asked.required.len(), 1);
        // Asked in other words and required: still required.
        let asked = terms.ask(&NeedRead::of(&[skill("溶接")], &[skill("welding")], &[]));
        assert_eq!((asked.skills.len(), asked.required.len()), (0, 1));
        assert!(asked.skills.iter().all(|t| *t > 1_000_000));
    }
}
#[cfg(test)]
mod probe {
    #[test]
    #[ignore]
    fn print_concepts() {
        let v = crate::search::vocabulary();
        for text in std::env::var("PROBE").unwrap().split('|') {
            let tag = super::as_tag(&v, text);
            let found: Vec<String> = super::mentions(&v, &tag)
                .into_iter()
                .flat_map(|(_, _, c)| c)
                .flat_map(|c| {
                    let mut all = vec![v.concept(c).key.clone()];
                    all.extend(
                        v.ancestors(c)
                            .into_iter()
                            .map(|a| format!("^{}", v.concept(a).key)),
                    );
                    all
                })
                .collect();
            println!("{text} [{tag}] => {found:?}");
        }
    }
}
