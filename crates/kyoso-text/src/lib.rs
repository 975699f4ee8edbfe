//! kyoso's text analysis: one way to read text, shared by search and
//! matching. Pure: no IO, no clock.
//!
//! - [`normalize`]: Unicode NFKC, case folding, katakana folded to hiragana;
//!   [`fold_marks`] drops the marks of Latin letters ("bôi trơn" → "boi tron").
//! - [`analyze`]: words in any script (ICU's word segmentation, whose
//!   dictionaries for Japanese and Thai are compiled in), English stemmed,
//!   each word in an exact and a folded form, and the character bigrams of
//!   Japanese and Thai runs (so that a query meets a text however either was
//!   segmented).
//! - [`Vocabulary`]: the concepts of the field with their names in many
//!   languages; finds the concepts a text speaks of and settles homonyms by
//!   the concepts around them.

mod analyze;
mod normalize;
mod vocabulary;

pub use analyze::{Analysis, Script, Word, analyze, bigrams, is_stopword};
pub use normalize::{fold_marks, normalize, script_of};
pub use vocabulary::{
    Concept, ConceptId, Coverage, LANGUAGES, Mention, TermId, Vocabulary, VocabularyError,
};
