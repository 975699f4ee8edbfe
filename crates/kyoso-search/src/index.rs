//! The tantivy index: what is stored, how a record becomes index terms, and
//! the writer.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex, RwLock};

use kyoso_text::{Vocabulary, analyze, bigrams};
use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::columnar::StrColumn;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    FAST, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::tokenizer::{PreTokenizedString, Token};
use tantivy::{
    DocAddress, DocId, Index, IndexReader, IndexWriter, ReloadPolicy, Score, SegmentReader,
    TantivyDocument, Term,
};

use crate::rank::{DocReading, Ranker};
use crate::{Audience, Facets, SearchDoc, SearchQuery, SearchResults};

/// The index could not be opened, written or read.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("search index: {0}")]
    Directory(String),
    #[error("search index: a stored record cannot be read: {0}")]
    Stored(#[from] serde_json::Error),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub(crate) id: Field,
    pub(crate) kind: Field,
    pub(crate) visibility: Field,
    pub(crate) owner: Field,
    pub(crate) country: Field,
    pub(crate) sector: Field,
    pub(crate) language: Field,
    /// Normalized words, English stemmed.
    pub(crate) words: Field,
    /// The same without the marks of Latin letters.
    pub(crate) folded: Field,
    /// Character bigrams of Japanese and Thai.
    pub(crate) grams: Field,
    /// The record as given, to read again and show.
    pub(crate) stored: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let analysed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let fields = Fields {
        id: builder.add_text_field("id", STRING | STORED),
        kind: builder.add_text_field("kind", STRING | FAST),
        visibility: builder.add_text_field("visibility", STRING),
        owner: builder.add_text_field("owner", STRING),
        country: builder.add_text_field("country", STRING | FAST),
        sector: builder.add_text_field("sector", STRING | FAST),
        language: builder.add_text_field("language", STRING | FAST),
        words: builder.add_text_field("words", analysed.clone()),
        folded: builder.add_text_field("folded", analysed.clone()),
        grams: builder.add_text_field("grams", analysed),
        stored: builder.add_text_field("stored", STORED),
    };
    (builder.build(), fields)
}

/// The search index, and the one writer that changes it.
pub struct SearchIndex {
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    pub(crate) fields: Fields,
    vocabulary: RwLock<Arc<Vocabulary>>,
    /// Candidates read again, kept between queries (cleared when large).
    /// Keyed by the searcher's generation too: after a commit an address
    /// names another record, and a search that began before the commit
    /// may still be storing what it read.
    readings: Mutex<HashMap<(u64, DocAddress), Arc<DocReading>>>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").finish_non_exhaustive()
    }
}

const WRITER_MEMORY: usize = 64 * 1024 * 1024;
const READINGS_KEPT: usize = 50_000;

impl SearchIndex {
    /// An index held in memory only.
    pub fn in_memory(vocabulary: Arc<Vocabulary>) -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema();
        SearchIndex::over(Index::create_in_ram(schema), fields, vocabulary)
    }

    /// The index in `directory`, made there if it is not yet.
    pub fn open(directory: &Path, vocabulary: Arc<Vocabulary>) -> Result<SearchIndex, SearchError> {
        std::fs::create_dir_all(directory)
            .map_err(|e| SearchError::Directory(format!("{}: {e}", directory.display())))?;
        let (schema, fields) = schema();
        let dir = tantivy::directory::MmapDirectory::open(directory)
            .map_err(|e| SearchError::Directory(format!("{}: {e}", directory.display())))?;
        let index = match Index::open_or_create(dir, schema.clone()) {
            Ok(index) => index,
            // Made by another version: the database is the truth, start over.
            Err(_) => {
                std::fs::remove_dir_all(directory).ok();
                std::fs::create_dir_all(directory)
                    .map_err(|e| SearchError::Directory(format!("{}: {e}", directory.display())))?;
                let dir = tantivy::directory::MmapDirectory::open(directory)
                    .map_err(|e| SearchError::Directory(format!("{}: {e}", directory.display())))?;
                Index::create(dir, schema, tantivy::IndexSettings::default())?
            }
        };
        SearchIndex::over(index, fields, vocabulary)
    }

    fn over(
        index: Index,
        fields: Fields,
        vocabulary: Arc<Vocabulary>,
    ) -> Result<SearchIndex, SearchError> {
        let writer = index.writer_with_num_threads(1, WRITER_MEMORY)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            reader,
            writer: Mutex::new(writer),
            fields,
            vocabulary: RwLock::new(vocabulary),
            readings: Mutex::new(HashMap::new()),
        })
    }

    /// The vocabulary queries are read with.
    pub fn vocabulary(&self) -> Arc<Vocabulary> {
        self.vocabulary
            .read()
            .map(|v| Arc::clone(&v))
            .unwrap_or_default()
    }

    /// Reads queries with another vocabulary from now on; nothing is
    /// indexed again.
    pub fn set_vocabulary(&self, vocabulary: Arc<Vocabulary>) {
        if let Ok(mut kept) = self.vocabulary.write() {
            *kept = vocabulary;
        }
        self.forget_readings();
    }

    /// How many records the index holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Adds records, or replaces those with the same id. Seen by searches
    /// after the next [`SearchIndex::commit`].
    pub fn put(&self, docs: &[SearchDoc]) -> Result<(), SearchError> {
        let writer = self
            .writer
            .lock()
            .map_err(|_| SearchError::Directory("writer poisoned".into()))?;
        for doc in docs {
            writer.delete_term(Term::from_field_text(self.fields.id, &doc.id));
            writer.add_document(self.document(doc)?)?;
        }
        Ok(())
    }

    /// Removes records by id.
    pub fn remove(&self, ids: &[String]) -> Result<(), SearchError> {
        let writer = self
            .writer
            .lock()
            .map_err(|_| SearchError::Directory("writer poisoned".into()))?;
        for id in ids {
            writer.delete_term(Term::from_field_text(self.fields.id, id));
        }
        Ok(())
    }

    /// Removes every record.
    pub fn clear(&self) -> Result<(), SearchError> {
        let writer = self
            .writer
            .lock()
            .map_err(|_| SearchError::Directory("writer poisoned".into()))?;
        writer.delete_all_documents()?;
        Ok(())
    }

    /// Makes what was put and removed visible to searches.
    pub fn commit(&self) -> Result<(), SearchError> {
        {
            let mut writer = self
                .writer
                .lock()
                .map_err(|_| SearchError::Directory("writer poisoned".into()))?;
            writer.commit()?;
        }
        self.reader.reload()?;
        self.forget_readings();
        Ok(())
    }

    /// Commits, then rewrites every segment that still holds removed
    /// records, so that no copy of them stays on disk (erasure).
    pub fn purge(&self) -> Result<(), SearchError> {
        self.commit()?;
        let searcher = self.reader.searcher();
        let with_deletes: Vec<_> = searcher
            .segment_readers()
            .iter()
            .filter(|segment| segment.num_deleted_docs() > 0)
            .map(|segment| segment.segment_id())
            .collect();
        let mut writer = self
            .writer
            .lock()
            .map_err(|_| SearchError::Directory("writer poisoned".into()))?;
        if !with_deletes.is_empty() {
            writer.merge(&with_deletes).wait()?;
        }
        writer.garbage_collect_files().wait()?;
        drop(writer);
        self.reader.reload()?;
        self.forget_readings();
        Ok(())
    }

    fn forget_readings(&self) {
        if let Ok(mut readings) = self.readings.lock() {
            readings.clear();
        }
    }

    fn document(&self, doc: &SearchDoc) -> Result<TantivyDocument, SearchError> {
        let f = &self.fields;
        let mut out = TantivyDocument::default();
        out.add_text(f.id, &doc.id);
        out.add_text(f.kind, &doc.kind);
        out.add_text(f.visibility, doc.visibility.as_str());
        for owner in &doc.owners {
            out.add_text(f.owner, owner);
        }
        for country in &doc.countries {
            out.add_text(f.country, country);
        }
        for sector in &doc.sectors {
            out.add_text(f.sector, sector);
        }
        let mut languages: Vec<&str> = vec![doc.language.as_str()];
        for part in &doc.parts {
            if !part.language.is_empty() && !languages.contains(&part.language.as_str()) {
                languages.push(&part.language);
            }
        }
        for language in languages.iter().filter(|l| !l.is_empty()) {
            out.add_text(f.language, language);
        }
        let (mut words, mut folded, mut grams) = (Vec::new(), Vec::new(), Vec::new());
        let mut position = 0;
        for part in &doc.parts {
            let analysis = analyze(&part.text);
            for word in &analysis.words {
                words.push(token(&word.exact, position, word.start, word.end));
                folded.push(token(&word.folded, position, word.start, word.end));
                position += 1;
            }
            for (at, (gram, offset)) in bigrams(&analysis.normalized).into_iter().enumerate() {
                let len = gram.len();
                grams.push(token(&gram, position + at, offset, offset + len));
            }
            // A gap, so that no phrase runs from one part into the next.
            position += analysis.normalized.chars().count() + 8;
        }
        for (field, tokens) in [(f.words, words), (f.folded, folded), (f.grams, grams)] {
            out.add_pre_tokenized_text(
                field,
                PreTokenizedString {
                    text: String::new(),
                    tokens,
                },
            );
        }
        out.add_text(f.stored, serde_json::to_string(doc)?);
        Ok(out)
    }

    /// Answers `query` for `audience`: the records it may read, best first,
    /// with facets counted over every record found.
    pub fn search(
        &self,
        query: &SearchQuery,
        audience: &Audience,
    ) -> Result<SearchResults, SearchError> {
        let searcher = self.reader.searcher();
        let vocabulary = self.vocabulary();
        let ranker = Ranker::new(&vocabulary, &self.fields, &query.text);
        let filters = self.filters(query, audience);
        let found: Box<dyn Query> = match ranker.retrieval() {
            Some(retrieval) => {
                let mut clauses = vec![(Occur::Must, retrieval)];
                clauses.extend(filters.iter().map(|q| (Occur::Must, q.box_clone())));
                Box::new(BooleanQuery::new(clauses))
            }
            None if filters.is_empty() => Box::new(AllQuery),
            None => Box::new(BooleanQuery::new(
                filters
                    .iter()
                    .map(|q| (Occur::Must, q.box_clone()))
                    .collect(),
            )),
        };
        let depth = (query.offset + query.limit).max(1) * 4 + 100;
        let facets = FacetCounts {
            fields: ["kind", "country", "sector", "language"],
        };
        let (top, total, counted) = searcher.search(
            &*found,
            &(TopDocs::with_limit(depth).order_by_score(), Count, facets),
        )?;
        let weights = ranker.unit_weights(&searcher, &filters)?;
        let mut scored = Vec::with_capacity(top.len());
        let best = top.first().map_or(1.0, |t| t.0.max(f32::EPSILON));
        for (score, address) in top {
            let reading = self.reading(&searcher, address, &vocabulary)?;
            scored.push(ranker.score(&reading, &weights, score / best, query.reader.as_deref()));
        }
        scored.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        let hits = scored
            .into_iter()
            .skip(query.offset)
            .take(query.limit)
            .collect();
        Ok(SearchResults {
            total: total as u64,
            hits,
            facets: counted,
        })
    }

    fn reading(
        &self,
        searcher: &tantivy::Searcher,
        address: DocAddress,
        vocabulary: &Vocabulary,
    ) -> Result<Arc<DocReading>, SearchError> {
        let key = (searcher.generation().generation_id(), address);
        if let Some(known) = self.readings.lock().ok().and_then(|r| r.get(&key).cloned()) {
            return Ok(known);
        }
        let stored: TantivyDocument = searcher.doc(address)?;
        let json = stored
            .get_first(self.fields.stored)
            .and_then(|v| v.as_str())
            .unwrap_or("{}");
        let doc: SearchDoc = serde_json::from_str(json)?;
        let reading = Arc::new(DocReading::new(doc, vocabulary));
        if let Ok(mut readings) = self.readings.lock() {
            if readings.len() >= READINGS_KEPT {
                readings.clear();
            }
            readings.insert(key, Arc::clone(&reading));
        }
        Ok(reading)
    }

    /// The query's filters and the asker's reach, as index terms.
    fn filters(&self, query: &SearchQuery, audience: &Audience) -> Vec<Box<dyn Query>> {
        let f = &self.fields;
        let mut filters: Vec<Box<dyn Query>> = Vec::new();
        for (field, values) in [
            (f.kind, &query.kinds),
            (f.country, &query.countries),
            (f.sector, &query.sectors),
            (f.language, &query.languages),
        ] {
            if !values.is_empty() {
                filters.push(any_of(field, values));
            }
        }
        if !audience.everything {
            let mut reach = vec![Term::from_field_text(f.visibility, "public")];
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            if audience.network {
                reach.push(Term::from_field_text(f.visibility, "network"));
            }
            for term in reach {
                clauses.push((
                    Occur::Should,
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                ));
            }
            for organization in &audience.organizations {
                clauses.push((
                    Occur::Should,
                    Box::new(TermQuery::new(
                        Term::from_field_text(f.owner, organization),
                        IndexRecordOption::Basic,
                    )),
                ));
            }
            filters.push(Box::new(BooleanQuery::new(clauses)));
        }
        filters
    }
}

fn any_of(field: Field, values: &[String]) -> Box<dyn Query> {
    Box::new(BooleanQuery::new(
        values
            .iter()
            .map(|value| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(field, value),
                    IndexRecordOption::Basic,
                ));
                (Occur::Should, q)
            })
            .collect(),
    ))
}

fn token(text: &str, position: usize, from: usize, to: usize) -> Token {
    Token {
        offset_from: from,
        offset_to: to,
        position,
        text: text.to_owned(),
        position_length: 1,
    }
}

/// Counts the values of string fields over every record found.
struct FacetCounts {
    fields: [&'static str; 4],
}

struct SegmentFacets {
    columns: Vec<Option<StrColumn>>,
    /// Per field: counts by term ordinal.
    counts: Vec<HashMap<u64, u64>>,
}

impl Collector for FacetCounts {
    type Fruit = Facets;
    type Child = SegmentFacets;

    fn for_segment(&self, _: u32, segment: &SegmentReader) -> tantivy::Result<SegmentFacets> {
        let fast = segment.fast_fields();
        let columns = self
            .fields
            .iter()
            .map(|name| fast.str(name).ok().flatten())
            .collect();
        Ok(SegmentFacets {
            columns,
            counts: vec![HashMap::new(); self.fields.len()],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<BTreeMap<String, u64>>>) -> tantivy::Result<Facets> {
        let mut merged: Vec<BTreeMap<String, u64>> = vec![BTreeMap::new(); self.fields.len()];
        for fruit in fruits {
            for (into, from) in merged.iter_mut().zip(fruit) {
                for (value, count) in from {
                    *into.entry(value).or_default() += count;
                }
            }
        }
        let mut sorted = merged.into_iter().map(|counts| {
            let mut list: Vec<(String, u64)> = counts.into_iter().collect();
            list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            list
        });
        let mut next = || sorted.next().unwrap_or_default();
        Ok(Facets {
            kind: next(),
            country: next(),
            sector: next(),
            language: next(),
        })
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = Vec<BTreeMap<String, u64>>;

    fn collect(&mut self, doc: DocId, _: Score) {
        for (column, counts) in self.columns.iter().zip(&mut self.counts) {
            if let Some(column) = column {
                for ord in column.term_ords(doc) {
                    *counts.entry(ord).or_default() += 1;
                }
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.columns
            .iter()
            .zip(self.counts)
            .map(|(column, counts)| {
                let mut named = BTreeMap::new();
                if let Some(column) = column {
                    for (ord, count) in counts {
                        let mut value = String::new();
                        if column.ord_to_str(ord, &mut value).unwrap_or(false) {
                            named.insert(value, count);
                        }
                    }
                }
                named
            })
            .collect()
    }
}
