//! Search over the registry: people, organizations, needs, offers,
//! programs, lessons and questions in one index (`kyoso-search`), read through the shared text
//! analysis and vocabulary, restricted inside the query to what the caller
//! may read (the same keys as [`crate::access`]'s read scope: visibility,
//! the owning organization, one's own record).
//!
//! The index is a read model kept like the others: read whole from the
//! store at the first question and again when the change feed says the
//! records it holds changed; the database stays the truth.

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use kyoso_domain::{OfferKind, Visibility as RecordVisibility};
use kyoso_search::{Audience, Part, Role, SearchDoc, SearchIndex, Visibility};
use kyoso_store::{ReadScope, Store};
use kyoso_text::Vocabulary;

pub use kyoso_search::{
    Collection, EvalReport, Facets, Fragment, Hit, Judged, Scores, SearchQuery, SearchResults,
};

use crate::kept::Kept;
use crate::{Caller, Kyoso, ServiceError};

/// The kinds a search may be narrowed to.
pub const KINDS: [&str; 9] = [
    "person",
    "organization",
    "event",
    "need",
    "technology",
    "company",
    "program",
    "lesson",
    "question",
];

/// Most results on one page.
pub const MAX_LIMIT: usize = 100;
/// The longest query read.
pub const MAX_QUERY_CHARS: usize = 500;

/// The vocabulary shipped with kyoso, read once.
pub fn vocabulary() -> Arc<Vocabulary> {
    static VOCABULARY: OnceLock<Arc<Vocabulary>> = OnceLock::new();
    Arc::clone(VOCABULARY.get_or_init(|| Arc::new(Vocabulary::builtin())))
}

/// The names of the skills, trades, practices, technologies and equipment
/// the vocabulary knows, in `language` (else in English), sorted: what
/// forms suggest as a skill is typed.
pub fn skill_suggestions(language: &str) -> Arc<[String]> {
    static SUGGESTIONS: OnceLock<
        std::sync::Mutex<std::collections::HashMap<String, Arc<[String]>>>,
    > = OnceLock::new();
    let cache = SUGGESTIONS.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(found) = cache.get(language) {
        return Arc::clone(found);
    }
    let vocabulary = vocabulary();
    let mut names: Vec<String> = vocabulary
        .concepts()
        .iter()
        .filter(|c| {
            matches!(
                c.kind.as_str(),
                "skill" | "trade" | "practice" | "technology" | "equipment"
            )
        })
        .filter_map(|c| {
            c.names(language)
                .first()
                .or_else(|| c.names("en").first())
                .cloned()
        })
        .collect();
    names.sort();
    names.dedup();
    let names: Arc<[String]> = names.into();
    cache.insert(language.to_owned(), Arc::clone(&names));
    names
}

/// The registry's search index, as last read.
#[derive(Debug)]
pub struct RegistrySearch {
    index: SearchIndex,
}

pub(crate) type SearchCache = Kept<RegistrySearch>;

pub(crate) fn search_cache() -> SearchCache {
    Kept::with_loader(|store| Box::pin(RegistrySearch::read(store)))
}

fn failed(error: kyoso_search::SearchError) -> ServiceError {
    ServiceError::Failed(error.to_string())
}

impl RegistrySearch {
    async fn read(store: Store) -> Result<RegistrySearch, ServiceError> {
        let docs = registry_docs(&store).await?;
        tokio::task::spawn_blocking(move || {
            let index = SearchIndex::in_memory(vocabulary()).map_err(failed)?;
            for chunk in docs.chunks(10_000) {
                index.put(chunk).map_err(failed)?;
            }
            index.commit().map_err(failed)?;
            Ok(RegistrySearch { index })
        })
        .await
        .map_err(|e| ServiceError::Failed(format!("indexing stopped: {e}")))?
    }
}

fn visibility(v: RecordVisibility) -> Visibility {
    match v {
        RecordVisibility::Public => Visibility::Public,
        RecordVisibility::Network => Visibility::Network,
        RecordVisibility::Private => Visibility::Private,
    }
}

/// A record's names, each once, joined for a title.
fn joined_names<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for name in names {
        if !name.is_empty() && !seen.contains(&name) {
            seen.push(name);
        }
    }
    seen.join(" / ")
}

fn part(role: Role, text: impl Into<String>) -> Part {
    Part {
        role,
        language: String::new(),
        text: text.into(),
    }
}

/// Every record of the registry, as the index sees it.
async fn registry_docs(store: &Store) -> Result<Vec<SearchDoc>, ServiceError> {
    let everything = ReadScope {
        everything: true,
        ..ReadScope::default()
    };
    let mut docs = Vec::new();
    let snapshot = store.network_snapshot().await?;
    let people: std::collections::HashMap<_, _> = store
        .matching_people()
        .await?
        .into_iter()
        .map(|p| (p.uid, p))
        .collect();
    for (node, record) in snapshot.nodes.iter().enumerate() {
        let [native, latin, japanese] = snapshot.names.get(node as u32);
        let owner = record
            .owner
            .and_then(|o| snapshot.nodes.get(o as usize))
            .map(|o| o.uid.to_string());
        let mut readers: Vec<String> = owner.into_iter().collect();
        readers.push(record.uid.to_string());
        let mut parts = vec![part(Role::Title, joined_names([native, latin, japanese]))];
        let mut countries: Vec<String> = record
            .country
            .iter()
            .map(|c| c.as_str().to_owned())
            .collect();
        let mut sectors: Vec<String> = record.sector.iter().map(ToString::to_string).collect();
        let kind = match record.kind {
            kyoso_domain::EntityKind::Person => "person",
            kyoso_domain::EntityKind::Organization => "organization",
            kyoso_domain::EntityKind::Event => "event",
        };
        if let Some(person) = people.get(&record.uid) {
            let skills: Vec<&str> = person.skills.iter().map(|s| s.as_str()).collect();
            if !skills.is_empty() {
                parts.push(part(Role::Tags, skills.join(" · ")));
            }
            for country in &person.countries {
                if !countries.iter().any(|c| c == country.as_str()) {
                    countries.push(country.as_str().to_owned());
                }
            }
            sectors = person.sectors.iter().map(ToString::to_string).collect();
        }
        docs.push(SearchDoc {
            id: record.uid.to_string(),
            kind: kind.into(),
            visibility: visibility(record.visibility),
            owners: readers,
            language: String::new(),
            countries,
            sectors,
            parts,
        });
    }
    for need in store
        .needs(&Default::default(), &everything, i64::MAX)
        .await?
    {
        let n = &need.need;
        let mut parts = vec![part(Role::Title, n.title.as_str())];
        let skills: Vec<&str> = n
            .skills
            .iter()
            .chain(&n.required_skills)
            .map(|s| s.as_str())
            .collect();
        if !skills.is_empty() {
            parts.push(part(Role::Tags, skills.join(" · ")));
        }
        if let Some(description) = &n.description {
            parts.push(part(Role::Body, description.as_str()));
        }
        docs.push(SearchDoc {
            id: need.uid.to_string(),
            kind: "need".into(),
            visibility: visibility(n.visibility),
            owners: need
                .owner
                .iter()
                .chain([&n.posted_by.uid])
                .map(ToString::to_string)
                .collect(),
            language: String::new(),
            countries: n.country.iter().map(|c| c.as_str().to_owned()).collect(),
            sectors: n.sectors.iter().map(ToString::to_string).collect(),
            parts,
        });
    }
    for offer in store
        .offers(&Default::default(), &everything, i64::MAX)
        .await?
    {
        let o = &offer.offer;
        let mut parts = vec![part(Role::Title, o.title.as_str())];
        let keywords: Vec<&str> = o.keywords.iter().map(|s| s.as_str()).collect();
        if !keywords.is_empty() {
            parts.push(part(Role::Tags, keywords.join(" · ")));
        }
        if let Some(description) = &o.description {
            parts.push(part(Role::Body, description.as_str()));
        }
        docs.push(SearchDoc {
            id: offer.uid.to_string(),
            kind: match o.kind {
                OfferKind::Technology => "technology",
                OfferKind::Partnership => "company",
            }
            .into(),
            visibility: visibility(o.visibility),
            owners: offer
                .owner
                .iter()
                .chain([&o.provider])
                .map(ToString::to_string)
                .collect(),
            language: String::new(),
            countries: o.countries.iter().map(|c| c.as_str().to_owned()).collect(),
            sectors: o.sectors.iter().map(ToString::to_string).collect(),
            parts,
        });
    }
    let mut after = 0;
    loop {
        let page = store.list_programs(None, &everything, after, 1000).await?;
        let Some(last) = page.last() else { break };
        after = last.id;
        for program in &page {
            let p = &program.record;
            let mut parts = vec![part(
                Role::Title,
                joined_names(
                    [&p.names.native, &p.names.latin, &p.names.japanese]
                        .into_iter()
                        .flatten()
                        .map(|n| n.as_str()),
                ),
            )];
            if let Some(description) = &p.description {
                parts.push(part(Role::Body, description.as_str()));
            }
            docs.push(SearchDoc {
                id: program.uid.to_string(),
                kind: "program".into(),
                visibility: visibility(p.visibility),
                owners: program.owner.iter().map(|o| o.uid.to_string()).collect(),
                language: String::new(),
                countries: p.countries.iter().map(|c| c.as_str().to_owned()).collect(),
                sectors: p.sectors.iter().map(ToString::to_string).collect(),
                parts,
            });
        }
    }
    docs.extend(store.all_lessons().await?.iter().map(lesson_doc));
    docs.extend(store.all_questions().await?.iter().map(question_doc));
    Ok(docs)
}

/// A lesson: its title, then the practice, its adaptation, the context and
/// the result, as one text.
fn lesson_doc(stored: &kyoso_domain::StoredLesson) -> SearchDoc {
    let l = &stored.lesson;
    let mut parts = vec![part(Role::Title, l.title.as_str())];
    for text in [
        Some(&l.practice),
        Some(&l.adaptation),
        l.context.as_ref(),
        l.result.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        parts.push(part(Role::Body, text.as_str()));
    }
    // Found through any of its translations, and shown in the reader's.
    for t in &stored.translations {
        let translated = |role, text: &kyoso_domain::Text| Part {
            role,
            language: t.language.to_string(),
            text: text.as_str().to_owned(),
        };
        parts.push(translated(Role::Title, &t.title));
        for text in [
            Some(&t.practice),
            Some(&t.adaptation),
            t.context.as_ref(),
            t.result.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            parts.push(translated(Role::Body, text));
        }
    }
    SearchDoc {
        id: stored.uid.to_string(),
        kind: "lesson".into(),
        visibility: visibility(l.visibility),
        owners: stored.owner.iter().map(ToString::to_string).collect(),
        language: l.language.to_string(),
        countries: l.country.iter().map(|c| c.as_str().to_owned()).collect(),
        sectors: l.sectors.iter().map(ToString::to_string).collect(),
        parts,
    }
}

/// A question: its title and words, then its answers, the accepted one
/// first.
fn question_doc(stored: &kyoso_domain::StoredQuestion) -> SearchDoc {
    let mut parts = vec![part(Role::Title, stored.title.as_str())];
    if let Some(body) = &stored.body {
        parts.push(part(Role::Body, body.as_str()));
    }
    let mut answers: Vec<&kyoso_domain::StoredAnswer> = stored.answers.iter().collect();
    answers.sort_by_key(|a| !a.accepted);
    for answer in answers {
        parts.push(Part {
            role: Role::Body,
            language: answer.language.to_string(),
            text: answer.body.as_str().to_owned(),
        });
    }
    SearchDoc {
        id: stored.uid.to_string(),
        kind: "question".into(),
        visibility: visibility(stored.visibility),
        owners: stored
            .owner
            .iter()
            .chain([&stored.asked_by])
            .map(ToString::to_string)
            .collect(),
        language: stored.language.to_string(),
        countries: stored
            .country
            .iter()
            .map(|c| c.as_str().to_owned())
            .collect(),
        sectors: stored.sectors.iter().map(ToString::to_string).collect(),
        parts,
    }
}

/// What `caller` may read, as the index's keys.
fn audience(caller: &Caller) -> Audience {
    let scope = caller.scope();
    let mut organizations: Vec<String> = scope
        .organization
        .iter()
        .map(|(_, uid)| uid.to_string())
        .collect();
    organizations.extend(scope.person.iter().map(ToString::to_string));
    Audience {
        everything: scope.everything,
        network: scope.network,
        organizations,
    }
}

/// Checks a query's words and filters, naming the field at fault.
fn check(query: &SearchQuery) -> Result<(), ServiceError> {
    let invalid = |field: &str, message: String| ServiceError::Invalid {
        field: Some(field.into()),
        message,
    };
    if query.text.chars().count() > MAX_QUERY_CHARS {
        return Err(invalid(
            "q",
            format!("at most {MAX_QUERY_CHARS} characters"),
        ));
    }
    if query
        .text
        .chars()
        .any(|c| c.is_control() && !c.is_whitespace())
    {
        return Err(invalid("q", "control characters are not allowed".into()));
    }
    if let Some(kind) = query.kinds.iter().find(|k| !KINDS.contains(&k.as_str())) {
        return Err(invalid(
            "kind",
            format!("\"{kind}\" is not one of {}", KINDS.join(", ")),
        ));
    }
    if query.limit == 0 || query.limit > MAX_LIMIT {
        return Err(invalid("limit", format!("from 1 to {MAX_LIMIT}")));
    }
    Ok(())
}

impl Kyoso {
    /// Searches the records `caller` may read: nothing else is found,
    /// counted or shown in a facet.
    pub async fn search(
        &self,
        caller: &Caller,
        query: &SearchQuery,
    ) -> Result<SearchResults, ServiceError> {
        check(query)?;
        let kept = self.search.get(&self.store).await?;
        let audience = audience(caller);
        let query = query.clone();
        tokio::task::spawn_blocking(move || kept.index.search(&query, &audience).map_err(failed))
            .await
            .map_err(|e| ServiceError::Failed(format!("search stopped: {e}")))?
    }

    /// Reads the whole registry into the search index again, now.
    pub async fn reindex(&self) -> Result<u64, ServiceError> {
        self.search.stale();
        let kept = self.search.get(&self.store).await?;
        Ok(kept.index.len())
    }
}

impl Kyoso {
    /// Puts the lessons and questions that changed into the index as they
    /// are now, or takes them out if they are gone (purging the segments
    /// that held them, so that nothing deleted lingers). An index not read
    /// yet will read them with the rest.
    pub(crate) async fn follow_in_search(&self, records: &BTreeSet<(String, kyoso_domain::Uid)>) {
        let Some(kept) = self.search.loaded() else {
            // A first read may be under way, begun before these changed.
            self.search.stale();
            return;
        };
        let mut put = Vec::new();
        let mut gone = Vec::new();
        for (table, uid) in records {
            let found = match table.as_str() {
                "lessons" => self
                    .store
                    .lesson(*uid)
                    .await
                    .map(|l| l.as_ref().map(lesson_doc)),
                "questions" => self
                    .store
                    .question(*uid)
                    .await
                    .map(|q| q.as_ref().map(question_doc)),
                _ => continue,
            };
            match found {
                Ok(Some(doc)) => put.push(doc),
                Ok(None) => gone.push(uid.to_string()),
                Err(error) => {
                    tracing::warn!(%error, "search could not read a changed record; reading all again");
                    self.search.stale();
                    return;
                }
            }
        }
        let updated = tokio::task::spawn_blocking(move || {
            kept.index.put(&put)?;
            kept.index.remove(&gone)?;
            if gone.is_empty() {
                kept.index.commit()
            } else {
                kept.index.purge()
            }
        })
        .await;
        if !matches!(updated, Ok(Ok(()))) {
            tracing::warn!("search could not follow a change; reading all again");
            self.search.stale();
        }
        // A read under way may have begun before these records changed.
        if self.search.is_refreshing() {
            self.search.stale();
        }
    }
}

/// Runs a judged collection: its records go into a scratch index read with
/// the shipped vocabulary, and every query runs through the same search as
/// the API's, as an administrator (with the query's kind and country as
/// filters).
pub fn evaluate(collection: &Collection) -> Result<EvalReport, ServiceError> {
    let index = SearchIndex::in_memory(vocabulary()).map_err(failed)?;
    let docs: Vec<SearchDoc> = collection
        .records
        .iter()
        .map(|r| r.to_search_doc())
        .collect();
    index.put(&docs).map_err(failed)?;
    index.commit().map_err(failed)?;
    let mut judged = Vec::with_capacity(collection.queries.len());
    for query in &collection.queries {
        let asked = query.search_query();
        let found = index
            .search(&asked, &Audience::everything())
            .map_err(failed)?;
        judged.push(query.judge(found.hits.into_iter().map(|h| h.id).collect()));
    }
    Ok(EvalReport::of(judged))
}

/// The shipped vocabulary as one file, and its coverage.
pub fn vocabulary_file() -> String {
    vocabulary().to_toml()
}

pub use kyoso_text::Coverage;

/// How many concepts and names per language the vocabulary has.
pub fn vocabulary_coverage() -> Coverage {
    vocabulary().coverage()
}

#[cfg(test)]
mod suggestion_tests {
    use super::skill_suggestions;

    #[test]
    fn skills_are_suggested_in_the_reader_s_language() {
        let thai = skill_suggestions("th");
        assert!(thai.iter().any(|s| s == "การเชื่อม"), "{:?}", &thai[..20]);
        let english = skill_suggestions("en");
        assert!(english.iter().any(|s| s == "welding"));
        // Sectors and topics are chosen elsewhere, not typed as skills.
        assert!(
            english.len() > 500 && english.len() < 1200,
            "{}",
            english.len()
        );
        assert!(english.windows(2).all(|w| w[0] < w[1]));
    }
}
