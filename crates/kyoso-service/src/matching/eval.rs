//! Judged matching sets (`kyoso-match-eval/1`, described in
//! `docs/FORMATS.md`): candidates and needs in the import formats, a small
//! network, and graded judgements. A set is loaded into a scratch database
//! through the imports and the service's own writes, every need is ranked
//! as the API ranks it, and the figures are given per need kind, language
//! and split.

use std::collections::{BTreeMap, HashMap};
use std::io::Write as _;
use std::path::Path;

use kyoso_domain::{RecordKind, RecordRef, RowError, Uid};
use kyoso_exchange::{cohort_from_json, need_from_json, offer_from_json};
use kyoso_matching::Weights;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::exchange::{ImportOptions, ImportOutcome, Records};
use crate::progress::NoProgress;
use crate::{Caller, Kyoso, ServiceError};

/// The format a set names.
pub const FORMAT: &str = "kyoso-match-eval/1";

/// How many candidates of each ranking are judged.
const DEPTH: usize = 10;

/// A judged matching set.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchSet {
    pub format: String,
    #[serde(default)]
    pub description: Option<String>,
    /// Objects as `kyoso import organizations` reads them.
    #[serde(default)]
    pub organizations: Vec<Map<String, Value>>,
    /// Objects as `kyoso import people` reads them; each has an
    /// `external_id`, which judgements name.
    #[serde(default)]
    pub people: Vec<Map<String, Value>>,
    #[serde(default)]
    pub ties: Vec<Map<String, Value>>,
    /// Offers as the API takes them, each with a `key` judgements name.
    #[serde(default)]
    pub offers: Vec<KeyedOffer>,
    /// Objects as `kyoso import programs` reads them: the programs whose
    /// cohorts answer training needs.
    #[serde(default)]
    pub programs: Vec<Map<String, Value>>,
    /// Cohorts as the API takes them, each with its program (external id)
    /// and a `key` judgements name. Only cohorts yet to start take
    /// applications, and so are ranked.
    #[serde(default)]
    pub cohorts: Vec<KeyedCohort>,
    /// Organizations with more than this many member, alumni and
    /// attendance ties are hubs; the installation's default if absent.
    #[serde(default)]
    pub hub_ties: Option<usize>,
    pub needs: Vec<JudgedNeed>,
}

/// An offer and the key judgements name it by.
#[derive(Debug, Clone, Deserialize)]
pub struct KeyedOffer {
    pub key: String,
    #[serde(flatten)]
    pub offer: Map<String, Value>,
}

/// A cohort, its program and the key judgements name it by.
#[derive(Debug, Clone, Deserialize)]
pub struct KeyedCohort {
    pub key: String,
    pub program: String,
    #[serde(flatten)]
    pub cohort: Map<String, Value>,
}

/// A need as the API takes it, and how its candidates are judged.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgedNeed {
    pub key: String,
    /// The language the need is written in; by default, told from its title.
    #[serde(default)]
    pub language: Option<String>,
    /// "tuning" or "heldout" (any name: figures are given per split).
    #[serde(default)]
    pub split: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    pub need: Map<String, Value>,
    /// Candidate key → grade: 3 exactly what is wanted, 2 highly relevant,
    /// 1 somewhat, 0 not (candidates not listed are 0 too).
    pub judgements: BTreeMap<String, u8>,
    /// Candidates that break one of the need's hard constraints: none of
    /// them may be proposed.
    #[serde(default)]
    pub breaks: Vec<String>,
}

impl MatchSet {
    /// Reads a set, naming what is wrong with it.
    pub fn parse(text: &str) -> Result<MatchSet, String> {
        let set: MatchSet = serde_json::from_str(text)
            .map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))?;
        if set.format != FORMAT {
            return Err(format!("format: \"{}\" is not \"{FORMAT}\"", set.format));
        }
        let mut keys = std::collections::HashSet::new();
        for (at, person) in set.people.iter().enumerate() {
            let Some(Value::String(key)) = person.get("external_id") else {
                return Err(format!("people[{at}]: external_id: required"));
            };
            if !keys.insert(key.as_str()) {
                return Err(format!("people[{at}]: external_id: \"{key}\" is taken"));
            }
        }
        for (at, offer) in set.offers.iter().enumerate() {
            if !keys.insert(offer.key.as_str()) {
                return Err(format!("offers[{at}]: key: \"{}\" is taken", offer.key));
            }
        }
        for (at, cohort) in set.cohorts.iter().enumerate() {
            if !keys.insert(cohort.key.as_str()) {
                return Err(format!("cohorts[{at}]: key: \"{}\" is taken", cohort.key));
            }
        }
        let mut needs = std::collections::HashSet::new();
        for need in &set.needs {
            if !needs.insert(need.key.as_str()) {
                return Err(format!("needs: {}: key: taken", need.key));
            }
            let named = need.judgements.keys().chain(&need.breaks);
            if let Some(unknown) = named.into_iter().find(|k| !keys.contains(k.as_str())) {
                return Err(format!(
                    "needs: {}: no candidate has the key \"{unknown}\"",
                    need.key
                ));
            }
            if let Some((key, grade)) = need.judgements.iter().find(|(_, g)| **g > 3) {
                return Err(format!(
                    "needs: {}: judgements: {key}: grade {grade} is not 0 to 3",
                    need.key
                ));
            }
        }
        Ok(set)
    }
}

/// One need's ranking, judged.
#[derive(Debug, Clone, Serialize)]
pub struct JudgedRanking {
    pub key: String,
    pub kind: String,
    pub language: String,
    pub split: String,
    /// The share of the first ten graded 2 or 3.
    pub precision: f64,
    pub ndcg: f64,
    /// Candidates in the first ten that break a hard constraint.
    pub breakers: Vec<String>,
    /// The first ten keys proposed.
    pub top: Vec<String>,
}

/// Mean figures over a group of needs.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct MatchScores {
    pub needs: usize,
    pub precision_at_10: f64,
    pub ndcg_at_10: f64,
    /// Hard-constraint breakers in the first ten, summed over the needs.
    pub breakers: usize,
}

/// Figures per need kind, language and split, and overall.
#[derive(Debug, Clone, Serialize)]
pub struct MatchReport {
    pub overall: MatchScores,
    pub by_kind: BTreeMap<String, MatchScores>,
    pub by_language: BTreeMap<String, MatchScores>,
    pub by_split: BTreeMap<String, MatchScores>,
    pub needs: Vec<JudgedRanking>,
    /// The baselines beside kyoso's own figures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baselines: Option<Box<Baselines>>,
}

impl MatchReport {
    fn of(needs: Vec<JudgedRanking>) -> MatchReport {
        let mean = |group: &[&JudgedRanking]| MatchScores {
            needs: group.len(),
            precision_at_10: group.iter().map(|n| n.precision).sum::<f64>()
                / group.len().max(1) as f64,
            ndcg_at_10: group.iter().map(|n| n.ndcg).sum::<f64>() / group.len().max(1) as f64,
            breakers: group.iter().map(|n| n.breakers.len()).sum(),
        };
        let by = |name: fn(&JudgedRanking) -> &str| {
            let mut groups: BTreeMap<String, Vec<&JudgedRanking>> = BTreeMap::new();
            for need in &needs {
                groups.entry(name(need).to_owned()).or_default().push(need);
            }
            groups
                .into_iter()
                .map(|(key, group)| (key, mean(&group)))
                .collect()
        };
        let all: Vec<&JudgedRanking> = needs.iter().collect();
        MatchReport {
            overall: mean(&all),
            by_kind: by(|n| &n.kind),
            by_language: by(|n| &n.language),
            by_split: by(|n| &n.split),
            needs,
            baselines: None,
        }
    }
}

/// The language a need is written in, told from the scripts of its title
/// as the text analysis tells them: Thai, Japanese (kana and kanji),
/// Vietnamese marks, else English.
fn language_of(text: &str) -> &'static str {
    use kyoso_text::{Script, script_of};
    if text.chars().any(|c| script_of(c) == Script::Thai) {
        "th"
    } else if text.chars().any(|c| script_of(c) == Script::Cjk) {
        "ja"
    } else if text.chars().any(|c| "ăâđêôơưĂÂĐÊÔƠƯ".contains(c))
        || text.chars().any(|c| ('\u{1EA0}'..='\u{1EF9}').contains(&c))
    {
        "vi"
    } else {
        "en"
    }
}

/// Writes `rows` as JSON, one object per line.
fn write_lines(path: &Path, rows: &[Map<String, Value>]) -> std::io::Result<()> {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path)?);
    for row in rows {
        serde_json::to_writer(&mut file, row)?;
        file.write_all(b"\n")?;
    }
    file.flush()
}

/// A section's rows refused by its import: a line of the scratch file is
/// one row of the section, counted from 0.
fn rejected(section: &str, errors: &[RowError]) -> ServiceError {
    let said: Vec<String> = errors
        .iter()
        .map(|e| {
            format!(
                "[{}] {}{}",
                e.line.saturating_sub(1),
                e.field
                    .as_deref()
                    .map(|f| format!("{f}: "))
                    .unwrap_or_default(),
                e.message
            )
        })
        .collect();
    ServiceError::Invalid {
        field: Some(section.into()),
        message: said.join("; "),
    }
}

fn faults(section: &str, key: &str, errors: Vec<RowError>) -> ServiceError {
    let said: Vec<String> = errors
        .iter()
        .map(|e| match &e.field {
            Some(field) => format!("{field}: {}", e.message),
            None => e.message.clone(),
        })
        .collect();
    ServiceError::Invalid {
        field: Some(format!("{section}: {key}")),
        message: said.join("; "),
    }
}

impl Kyoso {
    /// Loads `set` into this (empty, scratch) database, ranks every need
    /// with `weights` and judges the first ten. `scratch` is a directory for the files
    /// the imports read.
    pub async fn evaluate_matching(
        &self,
        set: &MatchSet,
        scratch: &Path,
        weights: Weights,
    ) -> Result<MatchReport, ServiceError> {
        let caller = Caller::Cli;
        if let Some(ties) = set.hub_ties {
            self.set_hub_ties(ties);
        }
        for (records, section, rows) in [
            (Records::Organizations, "organizations", &set.organizations),
            (Records::People, "people", &set.people),
            (Records::Ties, "ties", &set.ties),
        ] {
            if rows.is_empty() {
                continue;
            }
            let path = scratch.join(format!("{section}.json"));
            write_lines(&path, rows).map_err(|error| ServiceError::Io {
                path: path.clone(),
                error,
            })?;
            let outcome = self
                .import(records, &path, &ImportOptions::default(), &NoProgress)
                .await?;
            if let ImportOutcome::Rejected { errors, .. } = outcome {
                return Err(rejected(section, &errors));
            }
        }
        if !set.programs.is_empty() {
            let path = scratch.join("programs.json");
            write_lines(&path, &set.programs).map_err(|error| ServiceError::Io {
                path: path.clone(),
                error,
            })?;
            if let ImportOutcome::Rejected { errors, .. } =
                self.import_programs(&path, &NoProgress).await?
            {
                return Err(rejected("programs", &errors));
            }
        }
        let mut key_of: HashMap<Uid, String> = HashMap::new();
        for cohort in &set.cohorts {
            let program = RecordRef::parse(&cohort.program).map_err(|e| ServiceError::Invalid {
                field: Some(format!("cohorts: {}: program", cohort.key)),
                message: e.to_string(),
            })?;
            let parsed = cohort_from_json(cohort.cohort.clone(), program, 0)
                .map_err(|e| faults("cohorts", &cohort.key, e))?;
            let stored = self.create_cohort(&caller, parsed).await?;
            key_of.insert(stored.uid, cohort.key.clone());
        }
        for person in &set.people {
            if let Some(Value::String(key)) = person.get("external_id") {
                let (_, uid) = self.find(&caller, &[RecordKind::Person], key).await?;
                key_of.insert(uid, key.clone());
            }
        }
        for offer in &set.offers {
            let parsed = offer_from_json(offer.offer.clone(), 0)
                .map_err(|e| faults("offers", &offer.key, e))?;
            let stored = self.create_offer(&caller, parsed).await?;
            key_of.insert(stored.uid, offer.key.clone());
        }
        let mut posted = Vec::with_capacity(set.needs.len());
        for judged in &set.needs {
            let need = need_from_json(judged.need.clone(), 0)
                .map_err(|e| faults("needs", &judged.key, e))?;
            let language = judged
                .language
                .clone()
                .unwrap_or_else(|| language_of(need.title.as_str()).to_owned());
            let kind = need.kind;
            let stored = self.post_need(&caller, need).await?;
            posted.push((judged, stored.uid, kind, language));
        }
        let mut rankings = Vec::with_capacity(posted.len());
        for (judged, uid, kind, language) in posted {
            let ranking = self.rank(&caller, uid, DEPTH, weights).await?;
            let top: Vec<String> = ranking
                .candidates
                .iter()
                .map(|c| {
                    key_of
                        .get(&c.candidate.uid)
                        .cloned()
                        .unwrap_or_else(|| c.candidate.uid.to_string())
                })
                .collect();
            rankings.push(JudgedRanking::of(judged, kind.as_str(), language, top));
        }
        let mut report = MatchReport::of(rankings);
        report.baselines = Some(Box::new(Baselines::of(set, &report.needs)));
        Ok(report)
    }
}

impl JudgedRanking {
    /// The first ten `top` proposed for `judged`, judged.
    fn of(judged: &JudgedNeed, kind: &str, language: String, top: Vec<String>) -> JudgedRanking {
        let relevant = top
            .iter()
            .filter(|k| judged.judgements.get(*k).is_some_and(|&g| g >= 2))
            .count();
        JudgedRanking {
            key: judged.key.clone(),
            kind: kind.to_owned(),
            language,
            split: judged.split.clone().unwrap_or_else(|| "all".into()),
            precision: relevant as f64 / DEPTH as f64,
            ndcg: kyoso_search::ndcg_at(DEPTH, &top, &judged.judgements),
            breakers: top
                .iter()
                .filter(|k| judged.breaks.contains(k))
                .cloned()
                .collect(),
            top,
        }
    }
}

/// The same needs ranked by BM25 over the candidates' own words, and by
/// BM25 with perfect hard filters (see `baseline.rs`).
#[derive(Debug, Clone, Serialize)]
pub struct Baselines {
    pub bm25: MatchReport,
    pub bm25_filtered: MatchReport,
}

impl Baselines {
    /// `ranked` gives each need's kind and language as kyoso's ranking
    /// judged them.
    fn of(set: &MatchSet, ranked: &[JudgedRanking]) -> Baselines {
        let pools = super::baseline::Pool::all(set);
        let mut bm25 = Vec::new();
        let mut filtered = Vec::new();
        for (judged, ranking) in set.needs.iter().zip(ranked) {
            let Some(pool) = pools.get(ranking.kind.as_str()) else {
                continue;
            };
            let language = ranking.language.clone();
            let none = std::collections::HashSet::new();
            let top = pool.rank(judged, &none, DEPTH);
            bm25.push(JudgedRanking::of(
                judged,
                &ranking.kind,
                language.clone(),
                top,
            ));
            let breakers: std::collections::HashSet<&str> =
                judged.breaks.iter().map(String::as_str).collect();
            let top = pool.rank(judged, &breakers, DEPTH);
            filtered.push(JudgedRanking::of(judged, &ranking.kind, language, top));
        }
        Baselines {
            bm25: MatchReport::of(bm25),
            bm25_filtered: MatchReport::of(filtered),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_need_s_language_is_told_from_its_script() {
        assert_eq!(language_of("ต้องการผู้เชี่ยวชาญงานเชื่อม"), "th");
        assert_eq!(language_of("溶接の専門家を探しています"), "ja");
        assert_eq!(language_of("Cần chuyên gia bảo trì"), "vi");
        assert_eq!(language_of("Welding expert for a Thai plant"), "en");
    }

    #[test]
    fn a_set_naming_an_unknown_candidate_is_refused() {
        let text = r#"{"format": "kyoso-match-eval/1",
            "people": [{"external_id": "p1"}],
            "needs": [{"key": "n1", "need": {}, "judgements": {"p2": 3}}]}"#;
        let err = MatchSet::parse(text).unwrap_err();
        assert!(err.contains("\"p2\""), "{err}");
        let text = text.replace("\"p2\": 3", "\"p1\": 4");
        let err = MatchSet::parse(&text).unwrap_err();
        assert!(err.contains("grade 4"), "{err}");
    }
}
