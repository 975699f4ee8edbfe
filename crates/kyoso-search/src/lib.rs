//! kyoso's search: one index over records of every kind (people,
//! organizations, needs, offers, programs, documents, lessons, questions),
//! read through `kyoso-text`, so that a query in one language finds a record
//! written in another.
//!
//! Finding runs in two steps. The index (tantivy) gathers candidates: every
//! record that holds a word of the query, a word's folded or misspelt form,
//! or a name of a concept the query speaks of — restricted, inside the
//! query, to what the asker may read. Then each candidate is read again with
//! the current vocabulary and scored by how much of the query it answers and
//! how directly (the exact words in the title above a translation in the
//! body), so that the vocabulary applies at query time and an edit needs no
//! reindex.
//!
//! The index is a copy: the database is the truth, and the service that
//! owns this index feeds it every write.

mod eval;
mod index;
mod rank;

use serde::{Deserialize, Serialize};

pub use eval::{
    Collection, EvalQuery, EvalRecord, EvalReport, FORMAT, Judged, Scores, ndcg_at, recall_at,
};
pub use index::{SearchError, SearchIndex};

/// Who may read a record, as the index keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Anyone, signed in or not.
    Public,
    /// Every member of the network.
    Network,
    /// The organizations that own it.
    Private,
}

impl Visibility {
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Network => "network",
            Visibility::Private => "private",
        }
    }
}

/// What a part of a record is, for how much a match in it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A title or a name.
    Title,
    /// Skills, keywords, a headline: short and chosen.
    Tags,
    /// Descriptions, biographies, a document's text, answers.
    Body,
}

/// One piece of a record's text, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub role: Role,
    /// ISO 639-1, or empty when unknown.
    pub language: String,
    pub text: String,
}

/// A record as the index sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDoc {
    /// The record's id: unique across kinds.
    pub id: String,
    /// person, organization, need, technology, company, program, document,
    /// lesson, question.
    pub kind: String,
    pub visibility: Visibility,
    /// The organizations that may read it whatever its visibility.
    pub owners: Vec<String>,
    /// The language it was written in.
    pub language: String,
    pub countries: Vec<String>,
    pub sectors: Vec<String>,
    /// Its texts, in its own language and in translations.
    pub parts: Vec<Part>,
}

/// Whom a search answers: what they may read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Audience {
    /// Administrators read everything.
    pub everything: bool,
    /// Signed-in members read what is shared with the network.
    pub network: bool,
    /// And what their organizations own.
    pub organizations: Vec<String>,
}

impl Audience {
    /// Anonymous visitors: public records only.
    pub fn public() -> Audience {
        Audience::default()
    }

    pub fn everything() -> Audience {
        Audience {
            everything: true,
            network: true,
            organizations: Vec::new(),
        }
    }
}

/// A question to the index.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchQuery {
    pub text: String,
    /// The reader's language: titles and snippets are shown in it where the
    /// record has it.
    pub reader: Option<String>,
    /// Only these kinds, countries, sectors, languages (none: all).
    pub kinds: Vec<String>,
    pub countries: Vec<String>,
    pub sectors: Vec<String>,
    pub languages: Vec<String>,
    pub limit: usize,
    pub offset: usize,
}

/// A stretch of a snippet; `hit` marks what answers the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fragment {
    pub text: String,
    pub hit: bool,
}

/// One record found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub id: String,
    pub kind: String,
    pub score: f32,
    pub title: String,
    /// The title again, with what answers the query marked.
    pub title_marked: Vec<Fragment>,
    /// The language of `title` and `snippet`.
    pub language: String,
    /// Whether they are shown in a language other than the record's own.
    pub translated: bool,
    pub snippet: Vec<Fragment>,
    /// What of the query it answers, in words: the query's terms, and the
    /// concepts met through another name ("潤滑 = lubrication").
    pub matched: Vec<String>,
}

/// How many of the records found are of each kind, country, sector,
/// language.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Facets {
    pub kind: Vec<(String, u64)>,
    pub country: Vec<(String, u64)>,
    pub sector: Vec<(String, u64)>,
    pub language: Vec<(String, u64)>,
}

/// The answer to a search.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchResults {
    /// Records that match, all told.
    pub total: u64,
    pub hits: Vec<Hit>,
    pub facets: Facets,
}
