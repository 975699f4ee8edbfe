//! What a query asks, and how well a record answers it.
//!
//! A query is read into units: each concept of the vocabulary it names (with
//! the words it was named by), and each other word. A record answers a unit
//! through the query's own words (best: unchanged, in its title), through
//! their folded or misspelt forms, or through another name of the concept
//! in any language, a narrower concept, or (weakly) a wider one. A homonym
//! in the record counts only in the sense the record's own words settle.

use std::collections::HashSet;

use kyoso_text::{Analysis, ConceptId, Script, Vocabulary, analyze};
use tantivy::collector::Count;
use tantivy::query::{
    BooleanQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use crate::index::Fields;
use crate::{Fragment, Hit, Role, SearchDoc};

/// How much a match in each role says.
fn role_weight(role: Role) -> f32 {
    match role {
        Role::Title => 1.0,
        Role::Tags => 0.92,
        Role::Body => 0.75,
    }
}

/// Strengths of the ways a record answers a unit.
const EXACT: f32 = 1.0;
const FOLDED: f32 = 0.97;
const SAME_CONCEPT: f32 = 0.95;
const NARROWER: f32 = 0.8;
const FUZZY: f32 = 0.6;
/// Japanese or Thai words of the query all found, but not in one piece.
const MOST_OF_A_RUN: f32 = 0.8;
const WIDER: f32 = 0.3;
/// A query word found in a record where it means something else.
const OTHER_SENSE: f32 = 0.15;
/// The index's own score, as a tie-breaker among equal answers.
const RETRIEVAL_SHARE: f32 = 0.08;
/// Terms of a concept and its narrower ones asked of the index, at most.
const TERMS_PER_UNIT: usize = 256;

/// One thing the query asks.
#[derive(Debug)]
struct Unit {
    /// The query's words for it.
    literal: Analysis,
    /// The concepts it names (its settled senses); none for a plain word or
    /// a homonym whose sense the query does not settle.
    concepts: Vec<ConceptId>,
    /// The concepts' narrower ones, which answer it too.
    narrower: HashSet<ConceptId>,
    /// The concepts' wider ones.
    wider: HashSet<ConceptId>,
    /// The index query that finds records holding it.
    query: Box<dyn Query>,
    /// How the unit is shown in a hit's reasons.
    label: String,
    /// Japanese or Thai written without spaces: its character bigrams,
    /// which a record may hold most of where it words it a little
    /// differently.
    grams: Vec<String>,
    /// Countries its concepts are (ISO codes): a record about one of them
    /// names it.
    countries: Vec<String>,
    /// Two words that follow each other in the query: a record where they
    /// do too answers it (a phrase, or a Vietnamese word of two syllables).
    pair: bool,
    /// Its concepts are the field's senses of a homonym the query left
    /// open: met through them, it counts less.
    assumed: bool,
    /// A word that is one of a pair.
    in_pair: bool,
}

/// For each further part of a record that answers a unit (at most three).
const REPEATED: f32 = 0.03;
/// A word the query wrote without marks, found only with them, in a query
/// whose other words have theirs.
const UNMARKED_IN_MARKED: f32 = 0.3;
/// The most concepts a word that is part of their names may stand for.
const CONCEPTS_AROUND: usize = 3;
/// A sense the query did not settle, met in a record.
const ASSUMED_SENSE: f32 = 0.8;

/// What a record's country fields say, weighed as its tags.
const COUNTRY_FIELD: f32 = SAME_CONCEPT;
/// How much a pair of words weighs beside its words.
const PAIR_SHARE: f32 = 0.5;
/// How much more a unit the vocabulary knows weighs than a plain word.
const CONCEPT_WEIGHT: f32 = 1.5;
/// In Vietnamese a word is often two syllables: each alone says less.
const SYLLABLE_SHARE: f32 = 0.2;

/// A query, read.
pub(crate) struct Ranker<'v> {
    vocabulary: &'v Vocabulary,
    units: Vec<Unit>,
    /// The query reads as Vietnamese: its pairs of syllables are its words.
    syllabic: bool,
    /// The query is written with the marks of its letters: a word typed
    /// without them ("may", to sew) is not the marked one ("máy", machine).
    marked: bool,
}

/// A record read again for scoring and showing.
#[derive(Debug)]
pub(crate) struct DocReading {
    doc: SearchDoc,
    parts: Vec<PartReading>,
}

#[derive(Debug)]
struct PartReading {
    role: Role,
    language: String,
    analysis: Analysis,
    /// (start, end, concepts) of each vocabulary term, senses settled.
    mentions: Vec<(usize, usize, Vec<ConceptId>)>,
    /// Its Japanese and Thai character bigrams.
    grams: HashSet<String>,
}

impl DocReading {
    pub(crate) fn new(doc: SearchDoc, vocabulary: &Vocabulary) -> DocReading {
        let parts = doc
            .parts
            .iter()
            .map(|part| {
                let analysis = analyze(&part.text);
                let mentions: Vec<(usize, usize, Vec<ConceptId>)> = vocabulary
                    .find(&analysis)
                    .into_iter()
                    .map(|m| (m.start, m.end, m.concepts))
                    .collect();
                let grams = kyoso_text::bigrams(&analysis.normalized)
                    .into_iter()
                    .map(|g| g.0)
                    .collect();
                PartReading {
                    role: part.role,
                    language: part.language.clone(),
                    analysis,
                    mentions,
                    grams,
                }
            })
            .collect();
        DocReading { doc, parts }
    }
}

impl<'v> Ranker<'v> {
    pub(crate) fn new(vocabulary: &'v Vocabulary, fields: &Fields, text: &str) -> Ranker<'v> {
        let analysis = analyze(text);
        let mentions = vocabulary.find(&analysis);
        let mut units = Vec::new();
        let mut covered = vec![false; analysis.words.len()];
        for mention in &mentions {
            let literal = analyze(
                &analysis.source
                    [analysis.source_offset(mention.start)..analysis.source_offset(mention.end)],
            );
            for (i, word) in analysis.words.iter().enumerate() {
                if word.start >= mention.start && word.end <= mention.end {
                    covered[i] = true;
                }
            }
            if literal.words.iter().all(|w| w.stopword) && mention.concepts.is_empty() {
                continue;
            }
            let mut concepts = mention.concepts.clone();
            let assumed = concepts.is_empty() && vocabulary.is_homonym(mention.term);
            if assumed {
                // A homonym the query does not settle is read in the
                // field's senses (a press machine, not the press), below
                // the records that hold the very word; a record still has
                // to settle that sense itself.
                concepts = vocabulary
                    .senses(mention.term)
                    .iter()
                    .copied()
                    .filter(|&c| vocabulary.concept(c).kind != "topic")
                    .collect();
            }
            let mut narrower = HashSet::new();
            let mut wider = HashSet::new();
            for &concept in &concepts {
                narrower.extend(vocabulary.descendants(concept));
                wider.extend(vocabulary.broader(concept).iter().copied());
            }
            let query = unit_query(vocabulary, fields, &literal, &concepts, &narrower);
            let label = literal.source.clone();
            let countries = concepts
                .iter()
                .filter_map(|&c| vocabulary.concept(c).key.strip_prefix("country-"))
                .map(str::to_uppercase)
                .collect();
            units.push(Unit {
                literal,
                concepts,
                narrower,
                wider,
                query,
                label,
                grams: Vec::new(),
                countries,
                pair: false,
                assumed,
                in_pair: false,
            });
        }
        // The other words: each Latin one a unit; Japanese and Thai ones
        // that touch, one unit (their segmentation is least sure).
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut previous_plain: Option<usize> = None;
        for (i, word) in analysis.words.iter().enumerate() {
            if covered[i] || word.stopword {
                continue;
            }
            if word.script != Script::Latin {
                match runs.last_mut() {
                    Some(run) if run.1 == word.start => run.1 = word.end,
                    _ => runs.push((word.start, word.end)),
                }
                continue;
            }
            let source = &analysis.source
                [analysis.source_offset(word.start)..analysis.source_offset(word.end)];
            units.push(plain_unit(vocabulary, fields, source, false));
            if let Some(previous) = previous_plain.filter(|&p| p + 1 == i) {
                let from = analysis.source_offset(analysis.words[previous].start);
                let mut pair = plain_unit(
                    vocabulary,
                    fields,
                    &analysis.source[from..analysis.source_offset(word.end)],
                    false,
                );
                pair.pair = true;
                let singles = units.len() - 1;
                units[singles].in_pair = true;
                if let Some(previous_single) = units[..singles].iter_mut().rev().find(|u| !u.pair) {
                    previous_single.in_pair = true;
                }
                units.push(pair);
            }
            previous_plain = Some(i);
        }
        for (start, end) in runs {
            let source =
                &analysis.source[analysis.source_offset(start)..analysis.source_offset(end)];
            // A lone kana is a particle or an ending, not a word asked for.
            if source.chars().count() == 1 && !is_han(source) {
                continue;
            }
            units.push(plain_unit(vocabulary, fields, source, true));
        }
        let latin: Vec<&kyoso_text::Word> = analysis
            .content_words()
            .filter(|w| w.script == Script::Latin && !w.exact.bytes().all(|b| b.is_ascii_digit()))
            .collect();
        let marked = analysis.source.chars().any(|c| {
            c.is_alphabetic() && !c.is_ascii() && kyoso_text::script_of(c) == Script::Latin
        });
        let short = latin.len() >= 3
            && latin.iter().map(|w| w.folded.len()).sum::<usize>() <= latin.len() * 4;
        Ranker {
            vocabulary,
            units,
            syllabic: marked || short,
            marked,
        }
    }

    /// The index query that gathers candidates: any unit.
    pub(crate) fn retrieval(&self) -> Option<Box<dyn Query>> {
        if self.units.is_empty() {
            return None;
        }
        Some(Box::new(BooleanQuery::new(
            self.units
                .iter()
                .map(|u| (Occur::Should, u.query.box_clone()))
                .collect(),
        )))
    }

    /// How much each unit weighs: the rarer among the records the asker may
    /// read, the more (inverse document frequency).
    pub(crate) fn unit_weights(
        &self,
        searcher: &Searcher,
        filters: &[Box<dyn Query>],
    ) -> tantivy::Result<Vec<f32>> {
        let total = searcher.num_docs().max(1) as f32;
        self.units
            .iter()
            .map(|unit| {
                let mut clauses = vec![(Occur::Must, unit.query.box_clone())];
                clauses.extend(filters.iter().map(|f| (Occur::Must, f.box_clone())));
                let found = searcher.search(&BooleanQuery::new(clauses), &Count)? as f32;
                let idf = (1.0 + (total - found + 0.5) / (found + 0.5)).ln();
                let share = match (unit.pair, self.syllabic) {
                    (true, true) => 1.0,
                    (true, false) => PAIR_SHARE,
                    (false, true) if unit.in_pair => SYLLABLE_SHARE,
                    (false, _) => 1.0,
                };
                // A term of the field's vocabulary says more of what is asked
                // than a word of everyday language beside it.
                let topic = if unit.concepts.is_empty() || unit.assumed {
                    1.0
                } else {
                    CONCEPT_WEIGHT
                };
                Ok(idf.clamp(0.3, 8.0) * share * topic)
            })
            .collect()
    }

    /// How well `reading` answers the query: the weighted share of units it
    /// answers and how directly, with the index's score to break ties.
    pub(crate) fn score(
        &self,
        reading: &DocReading,
        weights: &[f32],
        retrieval: f32,
        reader: Option<&str>,
    ) -> Hit {
        let mut total = 0.0;
        let mut answered = 0.0;
        let mut matched = Vec::new();
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        for (unit, &weight) in self.units.iter().zip(weights) {
            total += weight;
            let mut best = 0.0f32;
            let mut how = None;
            if unit
                .countries
                .iter()
                .any(|c| reading.doc.countries.contains(c))
            {
                best = COUNTRY_FIELD * role_weight(Role::Tags);
                how = unit.concepts.first().copied();
            }
            let mut parts_answering = 0;
            for (p, part) in reading.parts.iter().enumerate() {
                let (strength, span, through) = self.answer(unit, part);
                if strength > 0.0 {
                    parts_answering += 1;
                }
                let strength = strength * role_weight(part.role);
                if strength > best {
                    best = strength;
                    how = through;
                }
                if let Some((start, end)) = span {
                    spans.push((p, start, end));
                }
            }
            // A record that speaks of it in several places is more about it.
            if best > 0.0 {
                best += REPEATED * (parts_answering.min(4) as f32 - 1.0).max(0.0);
            }
            answered += weight * best;
            if best > 0.0 && !unit.pair {
                let through = how.map(|concept| {
                    self.vocabulary
                        .concept(concept)
                        .label(reader.unwrap_or("en"))
                });
                matched.push(match through {
                    Some(name) if name != unit.label => format!("{} = {name}", unit.label),
                    _ => unit.label.clone(),
                });
            }
        }
        let coverage = if total > 0.0 { answered / total } else { 0.0 };
        let score = coverage * (1.0 - RETRIEVAL_SHARE) + retrieval * RETRIEVAL_SHARE;
        let shown = show(reading, reader, &spans);
        Hit {
            id: reading.doc.id.clone(),
            kind: reading.doc.kind.clone(),
            score,
            title: shown.title.iter().map(|f| f.text.as_str()).collect(),
            title_marked: shown.title,
            language: shown.language,
            translated: shown.translated,
            snippet: shown.snippet,
            matched,
        }
    }

    /// How strongly one part answers one unit, where, and through which
    /// concept if not through the query's own words.
    fn answer(
        &self,
        unit: &Unit,
        part: &PartReading,
    ) -> (f32, Option<(usize, usize)>, Option<ConceptId>) {
        let mut best = 0.0f32;
        let mut span = None;
        let mut through = None;
        if let Some((start, end)) = part.analysis.find_phrase(&unit.literal) {
            let exact = unit
                .literal
                .words
                .iter()
                .all(|q| part.analysis.words.iter().any(|w| w.exact == q.exact));
            let mut strength = match (exact, self.marked) {
                (true, _) => EXACT,
                (false, false) => FOLDED,
                (false, true) => UNMARKED_IN_MARKED,
            };
            // The query's word, meaning something else here.
            if !unit.concepts.is_empty()
                && let Some(m) = part.mentions.iter().find(|m| m.0 <= start && end <= m.1)
                && !m.2.is_empty()
                && !m
                    .2
                    .iter()
                    .any(|c| unit.concepts.contains(c) || unit.narrower.contains(c))
            {
                strength = OTHER_SENSE;
            }
            best = strength;
            span = Some((start, end));
        }
        if best < SAME_CONCEPT && !unit.concepts.is_empty() {
            for (start, end, concepts) in &part.mentions {
                let strength = if concepts.iter().any(|c| unit.concepts.contains(c)) {
                    SAME_CONCEPT
                } else if concepts.iter().any(|c| unit.narrower.contains(c)) {
                    NARROWER
                } else if concepts.iter().any(|c| unit.wider.contains(c)) {
                    WIDER
                } else {
                    continue;
                };
                let strength = if unit.assumed {
                    strength * ASSUMED_SENSE
                } else {
                    strength
                };
                if strength > best {
                    best = strength;
                    span = Some((*start, *end));
                    through = concepts
                        .iter()
                        .copied()
                        .find(|c| unit.concepts.contains(c))
                        .or(unit.concepts.first().copied());
                }
            }
        }
        if best < FOLDED && unit.grams.len() > 2 {
            let held = unit
                .grams
                .iter()
                .filter(|g| part.grams.contains(*g))
                .count();
            let share = held as f32 / unit.grams.len() as f32;
            if share >= 0.5 && MOST_OF_A_RUN * share * share > best {
                best = MOST_OF_A_RUN * share * share;
            }
        }
        if best < FUZZY
            && let Some(at) = fuzzy_find(unit, part)
        {
            best = FUZZY;
            span = Some(at);
        }
        (best, span, through)
    }
}

fn plain_unit(vocabulary: &Vocabulary, fields: &Fields, source: &str, run: bool) -> Unit {
    let literal = analyze(source);
    // A word that is no name of the vocabulary but part of the names of a
    // few concepts stands for them, as an unsettled homonym does.
    let around = if literal.words.iter().all(|w| w.stopword) {
        Vec::new()
    } else {
        vocabulary.concepts_around(&literal, CONCEPTS_AROUND)
    };
    if !around.is_empty() {
        let mut narrower = HashSet::new();
        let mut wider = HashSet::new();
        for &concept in &around {
            narrower.extend(vocabulary.descendants(concept));
            wider.extend(vocabulary.broader(concept).iter().copied());
        }
        let query = unit_query(vocabulary, fields, &literal, &around, &narrower);
        let grams = if run {
            kyoso_text::bigrams(&literal.normalized)
                .into_iter()
                .map(|g| g.0)
                .collect()
        } else {
            Vec::new()
        };
        return Unit {
            literal,
            concepts: around,
            narrower,
            wider,
            query,
            label: source.to_owned(),
            grams,
            countries: Vec::new(),
            pair: false,
            assumed: true,
            in_pair: false,
        };
    }
    let grams: Vec<String> = if run {
        kyoso_text::bigrams(&literal.normalized)
            .into_iter()
            .map(|g| g.0)
            .collect()
    } else {
        Vec::new()
    };
    let mut query = unit_query(vocabulary, fields, &literal, &[], &HashSet::new());
    if grams.len() > 2 {
        let some: Vec<(Occur, Box<dyn Query>)> = grams
            .iter()
            .map(|g| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(fields.grams, g),
                    IndexRecordOption::WithFreqs,
                ));
                (Occur::Should, q)
            })
            .collect();
        query = Box::new(DisjunctionMaxQuery::with_tie_breaker(
            vec![query, Box::new(BooleanQuery::new(some))],
            0.1,
        ));
    }
    Unit {
        literal,
        concepts: Vec::new(),
        narrower: HashSet::new(),
        wider: HashSet::new(),
        query,
        label: source.to_owned(),
        grams,
        countries: Vec::new(),
        pair: false,
        assumed: false,
        in_pair: false,
    }
}

fn is_han(text: &str) -> bool {
    text.chars()
        .all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c))
}

/// Whether one long Latin word of the unit is in the part misspelt by one
/// or two letters.
fn fuzzy_find(unit: &Unit, part: &PartReading) -> Option<(usize, usize)> {
    let [word] = unit.literal.words.as_slice() else {
        return None;
    };
    let distance = typo_distance(&word.folded)?;
    part.analysis
        .words
        .iter()
        .find(|w| {
            w.script == Script::Latin && edit_distance(&w.folded, &word.folded) <= distance as usize
        })
        .map(|w| (w.start, w.end))
}

/// Misspellings tolerated in a word: none in short ones.
fn typo_distance(word: &str) -> Option<u8> {
    if !word.is_ascii() || word.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    match word.len() {
        0..=5 => None,
        6..=9 => Some(1),
        _ => Some(2),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 2 {
        return 3;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            current[j + 1] = (previous[j] + cost)
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// The index query for one unit: its words as written, folded and
/// misspelt, and every name of its concepts and their narrower ones.
fn unit_query(
    vocabulary: &Vocabulary,
    fields: &Fields,
    literal: &Analysis,
    concepts: &[ConceptId],
    narrower: &HashSet<ConceptId>,
) -> Box<dyn Query> {
    let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
    let latin = literal.words.iter().all(|w| w.script == Script::Latin);
    if latin {
        let exact: Vec<String> = literal.words.iter().map(|w| w.exact.clone()).collect();
        let folded: Vec<String> = literal.words.iter().map(|w| w.folded.clone()).collect();
        alternatives.push(sequence(fields.words, &exact));
        alternatives.push(sequence(fields.folded, &folded));
        if let [word] = literal.words.as_slice()
            && let Some(distance) = typo_distance(&word.folded)
        {
            alternatives.push(Box::new(FuzzyTermQuery::new(
                Term::from_field_text(fields.folded, &word.folded),
                distance,
                true,
            )));
        }
    } else {
        alternatives.push(run_query(fields, &literal.normalized));
    }
    // The concepts' own names first, then their narrower ones, nearest
    // first, so that the cap drops the most distant.
    let mut terms = Vec::new();
    let mut seen = HashSet::new();
    let nearest_first = concepts.iter().copied().chain(
        concepts
            .iter()
            .flat_map(|&c| vocabulary.descendants(c))
            .filter(|c| narrower.contains(c)),
    );
    for concept in nearest_first {
        for &term in vocabulary.terms_of(concept) {
            if seen.insert(term) {
                terms.push(term);
            }
        }
    }
    for term in terms.into_iter().take(TERMS_PER_UNIT) {
        let (run, form) = vocabulary.form(term);
        alternatives.push(if run {
            run_query(fields, &form[0])
        } else {
            sequence(fields.folded, &form)
        });
    }
    Box::new(DisjunctionMaxQuery::with_tie_breaker(alternatives, 0.1))
}

fn sequence(field: Field, words: &[String]) -> Box<dyn Query> {
    let terms: Vec<Term> = words
        .iter()
        .map(|w| Term::from_field_text(field, w))
        .collect();
    match terms.len() {
        0 => Box::new(tantivy::query::EmptyQuery),
        1 => Box::new(TermQuery::new(
            terms[0].clone(),
            IndexRecordOption::WithFreqs,
        )),
        _ => Box::new(PhraseQuery::new(terms)),
    }
}

/// Japanese or Thai found inside a text: its bigrams in a row.
fn run_query(fields: &Fields, normalized: &str) -> Box<dyn Query> {
    let compact: String = normalized.split_whitespace().collect();
    let grams: Vec<String> = kyoso_text::bigrams(&compact)
        .into_iter()
        .map(|g| g.0)
        .collect();
    if grams.is_empty() {
        let words: Vec<String> = analyze(&compact)
            .words
            .into_iter()
            .map(|w| w.folded)
            .collect();
        return sequence(fields.folded, &words);
    }
    sequence(fields.grams, &grams)
}

/// What a hit shows: its title and a snippet, in the reader's language
/// where the record has it, with what answers the query marked in both.
struct Shown {
    title: Vec<Fragment>,
    language: String,
    translated: bool,
    snippet: Vec<Fragment>,
}

fn show(reading: &DocReading, reader: Option<&str>, spans: &[(usize, usize, usize)]) -> Shown {
    let own = reading.doc.language.as_str();
    let language = reader
        .filter(|r| reading.parts.iter().any(|p| p.language == *r))
        .unwrap_or(own);
    // Where each part's hits are, in its source text.
    let hits_in = |index: usize| -> Vec<(usize, usize)> {
        let analysis = &reading.parts[index].analysis;
        spans
            .iter()
            .filter(|s| s.0 == index)
            .map(|s| (analysis.source_offset(s.1), analysis.source_offset(s.2)))
            .collect()
    };
    // The part of a role to show: one in the reader's language before one
    // in another, and among those one that answers the query first.
    let best = |roles: &[Role]| {
        reading
            .parts
            .iter()
            .enumerate()
            .filter(|(_, p)| roles.contains(&p.role))
            .max_by_key(|(index, p)| {
                (
                    p.language == language,
                    spans.iter().any(|s| s.0 == *index),
                    p.role == roles[0],
                    std::cmp::Reverse(*index),
                )
            })
    };
    let title = best(&[Role::Title])
        .map(|(index, part)| marked(&part.analysis.source, &hits_in(index), 0, usize::MAX))
        .unwrap_or_default();
    let snippet = best(&[Role::Body, Role::Tags])
        .map(|(index, part)| snippet(&part.analysis.source, &hits_in(index)))
        .unwrap_or_default();
    Shown {
        title,
        language: language.to_owned(),
        translated: language != own,
        snippet,
    }
}

/// Characters of a snippet around its first hit.
const SNIPPET_CHARS: usize = 180;

fn snippet(text: &str, hits: &[(usize, usize)]) -> Vec<Fragment> {
    let mut hits: Vec<(usize, usize)> = hits
        .iter()
        .copied()
        .filter(|(s, e)| s < e && *e <= text.len())
        .collect();
    hits.sort_unstable();
    let first = hits.first().map_or(0, |h| h.0);
    // Start a little before the first hit, on a character boundary.
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let first_char = chars.iter().position(|(at, _)| *at >= first).unwrap_or(0);
    let start_char = first_char.saturating_sub(SNIPPET_CHARS / 4);
    let end_char = (start_char + SNIPPET_CHARS).min(chars.len());
    let start = chars.get(start_char).map_or(0, |c| c.0);
    let end = chars.get(end_char).map_or(text.len(), |c| c.0);
    let mut out = Vec::new();
    if start > 0 {
        out.push(Fragment {
            text: "…".into(),
            hit: false,
        });
    }
    out.extend(marked(text, &hits, start, end));
    if end < text.len() {
        out.push(Fragment {
            text: "…".into(),
            hit: false,
        });
    }
    out
}

/// `text[start..end]` (`end` past the text: to its end) in stretches, the
/// sorted `hits` inside it marked.
fn marked(text: &str, hits: &[(usize, usize)], start: usize, end: usize) -> Vec<Fragment> {
    let end = end.min(text.len());
    let mut hits: Vec<(usize, usize)> = hits
        .iter()
        .copied()
        .filter(|(s, e)| s < e && *e <= text.len())
        .filter(|(s, e)| text.is_char_boundary(*s) && text.is_char_boundary(*e))
        .collect();
    hits.sort_unstable();
    let mut out = Vec::new();
    let mut at = start;
    for (s, e) in hits {
        if s < at || e > end {
            continue;
        }
        if s > at {
            out.push(Fragment {
                text: text[at..s].to_owned(),
                hit: false,
            });
        }
        out.push(Fragment {
            text: text[s..e].to_owned(),
            hit: true,
        });
        at = e;
    }
    if at < end {
        out.push(Fragment {
            text: text[at..end].to_owned(),
            hit: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_count_in_long_words_only() {
        assert_eq!(edit_distance("lubrication", "lubricaton"), 1);
        assert_eq!(typo_distance("weld"), None);
        assert_eq!(typo_distance("maintenance"), Some(2));
    }

    #[test]
    fn snippets_mark_hits_and_keep_character_boundaries() {
        let text = "設備の潤滑管理について説明します。";
        let at = text.find("潤滑").unwrap();
        let fragments = snippet(text, &[(at, at + "潤滑".len())]);
        assert!(fragments.iter().any(|f| f.hit && f.text == "潤滑"));
        let joined: String = fragments.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(joined, text);
    }
}
