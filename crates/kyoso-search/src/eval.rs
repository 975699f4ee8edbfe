//! Judged collections (`kyoso-search-eval/1`): records of any searchable
//! kind, queries with their language and graded judgements, and the
//! measures reported on them. The format is in `docs/FORMATS.md`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Part, Role, SearchDoc, Visibility};

/// The format a collection names.
pub const FORMAT: &str = "kyoso-search-eval/1";

/// A judged collection.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Collection {
    pub format: String,
    #[serde(default)]
    pub description: Option<String>,
    pub records: Vec<EvalRecord>,
    pub queries: Vec<EvalQuery>,
}

/// A record of a collection: common fields, and those of its kind.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvalRecord {
    pub key: String,
    pub kind: String,
    pub language: String,
    pub title: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub sectors: Vec<String>,
    /// People.
    #[serde(default)]
    pub headline: Option<String>,
    /// People and needs.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Offers (technologies, companies).
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Documents: manual, report, training material, ...
    #[serde(default)]
    pub document_type: Option<String>,
    /// Programs.
    #[serde(default)]
    pub program_type: Option<String>,
    /// Lessons: the original practice, its adaptation, the context, the result.
    #[serde(default)]
    pub practice: Option<String>,
    #[serde(default)]
    pub adaptation: Option<String>,
    #[serde(default)]
    pub context: Option<String>,
    #[serde(default)]
    pub result: Option<String>,
    /// Questions: the members' answers.
    #[serde(default)]
    pub answers: Vec<String>,
    #[serde(default)]
    pub translations: Vec<EvalTranslation>,
}

/// A record's title and text in another language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvalTranslation {
    pub language: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub text: String,
}

/// A query, its filters and its judgements.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvalQuery {
    pub key: String,
    pub language: String,
    pub text: String,
    /// Only records of this kind, or in this country, are asked for.
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    /// "heldout" or "tuning" (any name: figures are given per split).
    #[serde(default)]
    pub split: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// Record key → grade: 3 exactly what is wanted, 2 highly relevant, 1
    /// somewhat, 0 not (records not listed are 0 too).
    pub judgements: BTreeMap<String, u8>,
}

impl Collection {
    /// Reads a collection, naming what is wrong with it.
    pub fn parse(text: &str) -> Result<Collection, String> {
        let collection: Collection = serde_json::from_str(text)
            .map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))?;
        if collection.format != FORMAT {
            return Err(format!(
                "format: \"{}\" is not \"{FORMAT}\"",
                collection.format
            ));
        }
        let keys: std::collections::HashSet<&str> =
            collection.records.iter().map(|r| r.key.as_str()).collect();
        if keys.len() != collection.records.len() {
            return Err("records: two records have the same key".into());
        }
        for query in &collection.queries {
            if let Some(unknown) = query.judgements.keys().find(|k| !keys.contains(k.as_str())) {
                return Err(format!(
                    "queries: {}: judgements: no record has the key \"{unknown}\"",
                    query.key
                ));
            }
            if let Some((key, grade)) = query.judgements.iter().find(|(_, g)| **g > 3) {
                return Err(format!(
                    "queries: {}: judgements: {key}: grade {grade} is not 0 to 3",
                    query.key
                ));
            }
        }
        Ok(collection)
    }
}

impl EvalRecord {
    /// The record as the index sees it, readable by everyone.
    pub fn to_search_doc(&self) -> SearchDoc {
        let own = |role: Role, text: &str| Part {
            role,
            language: self.language.clone(),
            text: text.to_owned(),
        };
        let mut parts = vec![own(Role::Title, &self.title)];
        let tags: Vec<&str> = self
            .headline
            .iter()
            .map(String::as_str)
            .chain(self.skills.iter().map(String::as_str))
            .chain(self.keywords.iter().map(String::as_str))
            .collect();
        if !tags.is_empty() {
            parts.push(own(Role::Tags, &tags.join(" · ")));
        }
        let body: Vec<&str> = std::iter::once(self.text.as_str())
            .chain(
                [
                    &self.practice,
                    &self.adaptation,
                    &self.context,
                    &self.result,
                ]
                .into_iter()
                .flatten()
                .map(String::as_str),
            )
            .chain(self.answers.iter().map(String::as_str))
            .filter(|t| !t.is_empty())
            .collect();
        if !body.is_empty() {
            parts.push(own(Role::Body, &body.join("\n")));
        }
        for translation in &self.translations {
            let translated = |role: Role, text: &str| Part {
                role,
                language: translation.language.clone(),
                text: text.to_owned(),
            };
            if !translation.title.is_empty() {
                parts.push(translated(Role::Title, &translation.title));
            }
            if !translation.text.is_empty() {
                parts.push(translated(Role::Body, &translation.text));
            }
        }
        SearchDoc {
            id: self.key.clone(),
            kind: self.kind.clone(),
            visibility: Visibility::Public,
            owners: Vec::new(),
            language: self.language.clone(),
            countries: self.country.iter().cloned().collect(),
            sectors: self.sectors.clone(),
            parts,
        }
    }
}

/// nDCG at `k`: gains 2^grade − 1, the ideal order from every judgement.
pub fn ndcg_at(k: usize, ranked: &[String], judgements: &BTreeMap<String, u8>) -> f64 {
    let gain = |grade: u8| f64::from((1u32 << grade) - 1);
    let discount = |rank: usize| 1.0 / ((rank + 2) as f64).log2();
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .map(|(rank, key)| gain(judgements.get(key).copied().unwrap_or(0)) * discount(rank))
        .sum();
    let mut ideal: Vec<u8> = judgements.values().copied().filter(|g| *g > 0).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let best: f64 = ideal
        .iter()
        .take(k)
        .enumerate()
        .map(|(rank, g)| gain(*g) * discount(rank))
        .sum();
    if best == 0.0 { 1.0 } else { dcg / best }
}

/// Recall at `k`: the relevant records (grade 1 or more) found in the first
/// `k`, out of as many as could be (at most `k`).
pub fn recall_at(k: usize, ranked: &[String], judgements: &BTreeMap<String, u8>) -> f64 {
    let relevant = judgements.values().filter(|g| **g > 0).count();
    if relevant == 0 {
        return 1.0;
    }
    let found = ranked
        .iter()
        .take(k)
        .filter(|key| judgements.get(*key).is_some_and(|g| *g > 0))
        .count();
    found as f64 / relevant.min(k) as f64
}

impl EvalQuery {
    /// The search a person would make: the query's words in its language,
    /// narrowed by its kind and country, the first ten.
    pub fn search_query(&self) -> crate::SearchQuery {
        crate::SearchQuery {
            text: self.text.clone(),
            reader: Some(self.language.clone()),
            kinds: self.kind.iter().cloned().collect(),
            countries: self.country.iter().cloned().collect(),
            limit: 10,
            ..crate::SearchQuery::default()
        }
    }

    /// Judges the keys found, best first.
    pub fn judge(&self, found: Vec<String>) -> Judged {
        Judged {
            key: self.key.clone(),
            language: self.language.clone(),
            split: self.split.clone().unwrap_or_else(|| "all".into()),
            ndcg: ndcg_at(10, &found, &self.judgements),
            recall: recall_at(10, &found, &self.judgements),
            top: found.into_iter().take(10).collect(),
        }
    }
}

/// One query's answer, judged.
#[derive(Debug, Clone, Serialize)]
pub struct Judged {
    pub key: String,
    pub language: String,
    pub split: String,
    pub ndcg: f64,
    pub recall: f64,
    /// The first ten keys found.
    pub top: Vec<String>,
}

/// Mean figures over a group of queries.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Scores {
    pub queries: usize,
    pub ndcg_at_10: f64,
    pub recall_at_10: f64,
}

/// Figures per language, per split and overall.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    pub overall: Scores,
    pub by_language: BTreeMap<String, Scores>,
    pub by_split: BTreeMap<String, Scores>,
    pub queries: Vec<Judged>,
}

impl EvalReport {
    pub fn of(queries: Vec<Judged>) -> EvalReport {
        let mean = |group: &[&Judged]| Scores {
            queries: group.len(),
            ndcg_at_10: group.iter().map(|q| q.ndcg).sum::<f64>() / group.len().max(1) as f64,
            recall_at_10: group.iter().map(|q| q.recall).sum::<f64>() / group.len().max(1) as f64,
        };
        let all: Vec<&Judged> = queries.iter().collect();
        let mut by_language: BTreeMap<String, Vec<&Judged>> = BTreeMap::new();
        let mut by_split: BTreeMap<String, Vec<&Judged>> = BTreeMap::new();
        for q in &queries {
            by_language.entry(q.language.clone()).or_default().push(q);
            by_split.entry(q.split.clone()).or_default().push(q);
        }
        EvalReport {
            overall: mean(&all),
            by_language: by_language
                .iter()
                .map(|(k, v)| (k.clone(), mean(v)))
                .collect(),
            by_split: by_split.iter().map(|(k, v)| (k.clone(), mean(v))).collect(),
            queries,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ndcg_is_one_for_the_ideal_order_and_less_otherwise() {
        let judgements = BTreeMap::from([
            ("a".to_owned(), 3),
            ("b".to_owned(), 1),
            ("c".to_owned(), 0),
        ]);
        let ideal = vec!["a".to_owned(), "b".to_owned()];
        assert!((ndcg_at(10, &ideal, &judgements) - 1.0).abs() < 1e-9);
        let worse = vec!["c".to_owned(), "b".to_owned(), "a".to_owned()];
        assert!(ndcg_at(10, &worse, &judgements) < 0.7);
        assert_eq!(recall_at(10, &worse, &judgements), 1.0);
        assert_eq!(recall_at(1, &worse, &judgements), 0.0);
    }

    #[test]
    fn a_bad_collection_is_named() {
        let error = Collection::parse(r#"{"format":"x","records":[],"queries":[]}"#).unwrap_err();
        assert!(error.contains("format"), "{error}");
        let error = Collection::parse(
            r#"{"format":"kyoso-search-eval/1","records":[],"queries":[{"key":"q","language":"en","text":"t","judgements":{"nope":1}}]}"#,
        )
        .unwrap_err();
        assert!(error.contains("nope"), "{error}");
    }
}
