//! The baselines a judged matching set is ranked by beside kyoso: BM25 over
//! each candidate's own words (the words of kyoso's text analysis, without
//! the vocabulary and without constraints), and the same BM25 with perfect
//! hard filters (the candidates the set marks as breaking a constraint of
//! the need taken out). They say how much of kyoso's figure the words
//! alone would give.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::eval::{JudgedNeed, MatchSet};

/// BM25's usual constants.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// A candidate as BM25 sees it: its key, and how often each word occurs.
struct Document {
    key: String,
    words: HashMap<String, u32>,
    length: u32,
}

/// The candidates of one kind, with what BM25 needs of the whole pool.
pub(super) struct Pool {
    documents: Vec<Document>,
    /// In how many documents each word occurs.
    frequency: HashMap<String, u32>,
    mean_length: f64,
}

/// The words of `text` as kyoso's analysis reads them, folded, without the
/// words that say little.
fn words(text: &str) -> Vec<String> {
    kyoso_text::analyze(text)
        .words
        .into_iter()
        .filter(|w| !w.stopword)
        .map(|w| w.folded)
        .collect()
}

fn strings<'a>(object: &'a Map<String, Value>, fields: &[&str]) -> Vec<&'a str> {
    let mut found = Vec::new();
    for field in fields {
        match object.get(*field) {
            Some(Value::String(text)) => found.push(text.as_str()),
            Some(Value::Array(items)) => found.extend(items.iter().filter_map(Value::as_str)),
            _ => {}
        }
    }
    found
}

impl Pool {
    fn of(candidates: Vec<(String, String)>) -> Pool {
        let documents: Vec<Document> = candidates
            .into_iter()
            .map(|(key, text)| {
                let mut counts = HashMap::new();
                let mut length = 0;
                for word in words(&text) {
                    *counts.entry(word).or_insert(0) += 1;
                    length += 1;
                }
                Document {
                    key,
                    words: counts,
                    length,
                }
            })
            .collect();
        let mut frequency: HashMap<String, u32> = HashMap::new();
        for document in &documents {
            for word in document.words.keys() {
                *frequency.entry(word.clone()).or_insert(0) += 1;
            }
        }
        let mean_length = documents.iter().map(|d| f64::from(d.length)).sum::<f64>()
            / documents.len().max(1) as f64;
        Pool {
            documents,
            frequency,
            mean_length,
        }
    }

    /// The pools of a set, by the need kind they answer.
    pub(super) fn all(set: &MatchSet) -> HashMap<&'static str, Pool> {
        let people = |only_trainers: bool| {
            set.people
                .iter()
                .filter(|p| {
                    !only_trainers || p.get("available_training") == Some(&Value::Bool(true))
                })
                .filter_map(|p| {
                    let key = p.get("external_id")?.as_str()?.to_owned();
                    Some((key, strings(p, &["skills", "bio"]).join("\n")))
                })
                .collect::<Vec<_>>()
        };
        let offers = |kind: &str| {
            set.offers
                .iter()
                .filter(|o| o.offer.get("kind").and_then(Value::as_str) == Some(kind))
                .map(|o| {
                    let text = strings(&o.offer, &["title", "description", "keywords"]);
                    (o.key.clone(), text.join("\n"))
                })
                .collect::<Vec<_>>()
        };
        let programs: HashMap<&str, &Map<String, Value>> = set
            .programs
            .iter()
            .filter_map(|p| Some((p.get("external_id")?.as_str()?, p)))
            .collect();
        let mut courses: Vec<(String, String)> = set
            .cohorts
            .iter()
            .map(|c| {
                let mut text = strings(&c.cohort, &["name", "description"]);
                if let Some(program) = programs.get(c.program.as_str()) {
                    text.extend(strings(
                        program,
                        &["name_latin", "name_native", "description"],
                    ));
                }
                (c.key.clone(), text.join("\n"))
            })
            .collect();
        courses.extend(people(true));
        HashMap::from([
            ("expertise", Pool::of(people(false))),
            ("mentoring", Pool::of(people(false))),
            ("technology", Pool::of(offers("technology"))),
            ("business_partner", Pool::of(offers("partnership"))),
            ("investment", Pool::of(offers("partnership"))),
            ("training", Pool::of(courses)),
        ])
    }

    /// The first `depth` keys by BM25 for `need`'s words, leaving out
    /// `excluded`; equal scores by key.
    pub(super) fn rank(
        &self,
        need: &JudgedNeed,
        excluded: &HashSet<&str>,
        depth: usize,
    ) -> Vec<String> {
        let query = words(
            &strings(
                &need.need,
                &["title", "description", "skills", "required_skills"],
            )
            .join("\n"),
        );
        let count = self.documents.len() as f64;
        let mut scored: Vec<(f64, &str)> = self
            .documents
            .iter()
            .filter(|d| !excluded.contains(d.key.as_str()))
            .filter_map(|d| {
                let norm = K1 * (1.0 - B + B * f64::from(d.length) / self.mean_length.max(1.0));
                let score: f64 = query
                    .iter()
                    .filter_map(|word| {
                        let tf = f64::from(*d.words.get(word)?);
                        let df = f64::from(self.frequency.get(word).copied().unwrap_or(0));
                        let idf = (1.0 + (count - df + 0.5) / (df + 0.5)).ln();
                        Some(idf * tf * (K1 + 1.0) / (tf + norm))
                    })
                    .sum();
                (score > 0.0).then_some((score, d.key.as_str()))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        scored
            .into_iter()
            .take(depth)
            .map(|(_, key)| key.to_owned())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rarer_shared_word_ranks_first() {
        let pool = Pool::of(vec![
            ("welder".into(), "TIG welding for food plants".into()),
            ("painter".into(), "spray painting for food plants".into()),
            ("cook".into(), "food food food".into()),
        ]);
        let need = JudgedNeed {
            key: "n".into(),
            language: None,
            split: None,
            note: None,
            need: serde_json::json!({"title": "TIG welding"})
                .as_object()
                .unwrap()
                .clone(),
            judgements: Default::default(),
            breaks: Vec::new(),
        };
        assert_eq!(pool.rank(&need, &HashSet::new(), 10), ["welder"]);
        assert!(pool.rank(&need, &HashSet::from(["welder"]), 10).is_empty());
    }
}
