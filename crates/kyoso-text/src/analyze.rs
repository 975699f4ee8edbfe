//! Words out of text, in any of the scripts kyoso's members write in.

use std::sync::OnceLock;

use icu_segmenter::WordSegmenter;
use icu_segmenter::options::WordBreakInvariantOptions;
use rust_stemmers::{Algorithm, Stemmer};

use crate::normalize::{fold_marks, normalize, script_of};

/// How a word is written, as far as analysis cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Script {
    /// Latin letters (English, Vietnamese, Indonesian, ...), digits and
    /// everything that separates words with spaces.
    Latin,
    /// Han, hiragana, katakana.
    Cjk,
    Thai,
}

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Normalized; English words stemmed ("bearings" → "bear").
    pub exact: String,
    /// `exact` without the marks of Latin letters, then stemmed.
    pub folded: String,
    pub script: Script,
    /// Where the word is in [`Analysis::normalized`], in bytes.
    pub start: usize,
    pub end: usize,
    /// Written all in capitals, as abbreviations are ("PM", "GAP").
    pub capitals: bool,
    /// A word that says little by itself ("the", "の", "และ").
    pub stopword: bool,
}

/// A text, read.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// The text as given, canonically composed (NFC): what is shown.
    pub source: String,
    /// The whole text in normal form (see [`normalize`]).
    pub normalized: String,
    pub words: Vec<Word>,
    /// For each character of `source`: where it starts in `normalized`, and
    /// in `source`.
    offsets: Vec<(usize, usize)>,
}

impl Analysis {
    /// The folded forms of the words that carry meaning.
    pub fn content_words(&self) -> impl Iterator<Item = &Word> {
        self.words.iter().filter(|w| !w.stopword)
    }

    /// Whether `needle` occurs in the text: for Japanese and Thai,
    /// anywhere; for words in Latin script, as whole words.
    pub fn contains_phrase(&self, needle: &Analysis) -> bool {
        self.find_phrase(needle).is_some()
    }

    /// Where `needle` first occurs (see [`Analysis::contains_phrase`]), as a
    /// byte range of `normalized`.
    pub fn find_phrase(&self, needle: &Analysis) -> Option<(usize, usize)> {
        if needle.words.is_empty() {
            return None;
        }
        if needle.words.iter().all(|w| w.script == Script::Latin) {
            let wanted: Vec<&str> = needle.words.iter().map(|w| w.folded.as_str()).collect();
            return self
                .words
                .windows(wanted.len())
                .find(|window| window.iter().zip(&wanted).all(|(w, n)| w.folded == *n))
                .map(|window| (window[0].start, window[window.len() - 1].end));
        }
        let compact: String = needle.normalized.split_whitespace().collect();
        self.normalized
            .find(&compact)
            .map(|at| (at, at + compact.len()))
    }

    /// The byte offset in `source` of a byte offset in `normalized` (the
    /// start of the character it falls in).
    pub fn source_offset(&self, normalized_at: usize) -> usize {
        match self.offsets.binary_search_by_key(&normalized_at, |o| o.0) {
            Ok(i) => self.offsets[i].1,
            Err(0) => 0,
            Err(i) if i >= self.offsets.len() && normalized_at >= self.normalized.len() => {
                self.source.len()
            }
            Err(i) => self.offsets[i - 1].1,
        }
    }
}

fn segmenter() -> icu_segmenter::WordSegmenterBorrowed<'static> {
    WordSegmenter::new_auto(WordBreakInvariantOptions::default())
}

fn english() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Reads `text` into words.
pub fn analyze(text: &str) -> Analysis {
    let source: String = unicode_normalization::UnicodeNormalization::nfc(text).collect();
    let mut capitals_at = Vec::new();
    let mut normalized = String::with_capacity(source.len());
    let mut offsets = Vec::with_capacity(source.len());
    // Character by character, so that every normalized offset leads back
    // to the character shown.
    let mut one = [0u8; 4];
    for (at, c) in source.char_indices() {
        let before = normalized.len();
        offsets.push((before, at));
        normalized.push_str(&normalize(c.encode_utf8(&mut one)));
        if c.is_uppercase() {
            capitals_at.push(before);
        }
    }
    let mut words = Vec::new();
    let segments = segmenter().segment_str(&normalized);
    let mut start = 0;
    for (end, kind) in segments.iter_with_word_type() {
        if end == 0 {
            continue;
        }
        let piece = &normalized[start..end];
        if kind.is_word_like() {
            push_word(&mut words, piece, start, &capitals_at);
        }
        start = end;
    }
    Analysis {
        source,
        normalized,
        words,
        offsets,
    }
}

fn push_word(words: &mut Vec<Word>, piece: &str, start: usize, capitals_at: &[usize]) {
    let script = piece
        .chars()
        .map(script_of)
        .find(|s| *s != Script::Latin)
        .unwrap_or(Script::Latin);
    let end = start + piece.len();
    let letters = piece.chars().filter(|c| c.is_alphabetic()).count();
    // One capital alone is no abbreviation, unless digits go with it ("5S", "8D").
    let capitals = (letters > 1 || letters == 1 && piece.chars().any(|c| c.is_ascii_digit()))
        && capitals_at
            .iter()
            .filter(|at| (start..end).contains(*at))
            .count()
            == letters;
    let (exact, folded) = match script {
        Script::Latin => {
            let folded = fold_marks(piece);
            (stem(piece), stem(&folded))
        }
        _ => (piece.to_owned(), piece.to_owned()),
    };
    let stopword = is_stopword(piece);
    words.push(Word {
        exact,
        folded,
        script,
        start,
        end,
        capitals,
        stopword,
    });
}

fn stem(word: &str) -> String {
    if word.bytes().all(|b| b.is_ascii_lowercase()) && word.len() > 3 {
        english().stem(word).into_owned()
    } else {
        word.to_owned()
    }
}

/// Character bigrams of the Japanese and Thai runs of a normalized text: the
/// units that find a word inside a text written without spaces, however
/// either side was segmented. A run of one character is its own unit.
pub fn bigrams(normalized: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = normalized.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let script = script_of(chars[i].1);
        if script == Script::Latin {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && script_of(chars[j].1) == script {
            j += 1;
        }
        if j - i == 1 {
            out.push((chars[i].1.to_string(), chars[i].0));
        }
        for k in i..j.saturating_sub(1) {
            let mut gram = String::new();
            gram.push(chars[k].1);
            gram.push(chars[k + 1].1);
            out.push((gram, chars[k].0));
        }
        i = j;
    }
    out
}

/// Words that carry little meaning by themselves, in the four languages.
pub fn is_stopword(word: &str) -> bool {
    const WORDS: &[&str] = &[
        // English
        "a",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "has",
        "have",
        "how",
        "i",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "the",
        "their",
        "to",
        "was",
        "we",
        "what",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "with",
        "you",
        "your",
        "any",
        "about",
        "into",
        "that",
        "this",
        "there",
        "these",
        "those",
        "should",
        "would",
        "could",
        "us",
        "my",
        "me",
        "some",
        "someone",
        "anyone",
        "find",
        "looking",
        "need",
        "needs",
        "want",
        "get",
        "use",
        "using",
        "used",
        "way",
        "ways",
        "why",
        "also",
        "than",
        "more",
        // Japanese particles and endings (hiragana after normalization)
        "の",
        "を",
        "に",
        "は",
        "が",
        "で",
        "と",
        "へ",
        "や",
        "も",
        "から",
        "まで",
        "より",
        "など",
        "について",
        "における",
        "による",
        "ための",
        "ため",
        "する",
        "した",
        "して",
        "します",
        "ます",
        "です",
        "でした",
        "ある",
        "いる",
        "こと",
        "もの",
        "よう",
        "か",
        "ね",
        "よ",
        "な",
        "た",
        "て",
        "れ",
        "られる",
        "された",
        "さ",
        "せる",
        "どう",
        "どの",
        "どこ",
        "なに",
        "何",
        "だれ",
        "誰",
        "いい",
        "ない",
        "たい",
        "できる",
        "この",
        "その",
        "あの",
        "それ",
        "これ",
        // Thai
        "ที่",
        "และ",
        "ของ",
        "ใน",
        "ได้",
        "เป็น",
        "มี",
        "ให้",
        "กับ",
        "จาก",
        "ว่า",
        "อย่างไร",
        "ไหม",
        "บ้าง",
        "หรือ",
        "แล้ว",
        "จะ",
        "ก็",
        "นี้",
        "นั้น",
        "โดย",
        "เพื่อ",
        "ซึ่ง",
        "ไม่",
        "คือ",
        "ใคร",
        "อะไร",
        "ยังไง",
        "ครับ",
        "ค่ะ",
        "คะ",
        "หา",
        "ต้องการ",
        "สำหรับ",
        "ความ",
        "การ",
        "แบบ",
        // Vietnamese
        "và",
        "của",
        "cho",
        "các",
        "những",
        "là",
        "có",
        "được",
        "trong",
        "với",
        "một",
        "để",
        "này",
        "khi",
        "thì",
        "đã",
        "sẽ",
        "không",
        "nào",
        "gì",
        "ai",
        "như",
        "thế",
        "làm",
        "sao",
        "cần",
        "tìm",
        "về",
        "ở",
        "tại",
        "từ",
        "người",
        // Indonesian
        "dan",
        "yang",
        "di",
        "ke",
        "dari",
        "untuk",
        "dengan",
        "ini",
        "itu",
    ];
    static NORMALIZED: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    // Compared in normal form: NFKC writes Thai ำ as two characters.
    NORMALIZED
        .get_or_init(|| WORDS.iter().map(|w| normalize(w)).collect())
        .contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(text: &str) -> Vec<String> {
        analyze(text).words.into_iter().map(|w| w.exact).collect()
    }

    #[test]
    fn english_is_stemmed_and_vietnamese_folded() {
        assert_eq!(exact("Welding inspections"), ["weld", "inspect"]);
        let vi = analyze("bôi trơn");
        assert_eq!(vi.words[0].exact, "bôi");
        assert_eq!(vi.words[0].folded, "boi");
        assert_eq!(analyze("boi tron").words[1].folded, vi.words[1].folded);
    }

    #[test]
    fn japanese_and_thai_are_segmented() {
        let ja = analyze("設備の潤滑管理");
        assert!(ja.words.len() >= 3, "{:?}", ja.words);
        assert!(ja.words.iter().any(|w| w.stopword && w.exact == "の"));
        // NFKC writes ำ as two characters: the list is compared in that form.
        assert!(is_stopword(&normalize("สำหรับ")));
        let th = analyze("การบำรุงรักษาเครื่องจักร");
        assert!(th.words.len() >= 2, "{:?}", th.words);
        assert!(th.words.iter().all(|w| w.script == Script::Thai));
    }

    #[test]
    fn abbreviations_are_told_by_their_capitals() {
        let words = analyze("PM and Pm and pm").words;
        assert!(words[0].capitals);
        assert!(!words[2].capitals);
        assert!(!words[4].capitals);
    }

    #[test]
    fn bigrams_cover_runs_without_spaces() {
        let grams: Vec<String> = bigrams(&normalize("潤滑 oil ลูกปืน"))
            .into_iter()
            .map(|g| g.0)
            .collect();
        assert_eq!(grams[0], "潤滑");
        assert!(grams.contains(&"ลู".to_owned()));
        assert!(!grams.iter().any(|g| g.contains('o')));
    }

    #[test]
    fn phrases_are_found_as_words_or_inside_runs() {
        let text = analyze("Bearings of the gearbox; 潤滑管理台帳");
        assert!(text.contains_phrase(&analyze("bearing")));
        assert!(text.contains_phrase(&analyze("潤滑管理")));
        assert!(!text.contains_phrase(&analyze("gear")));
        let (start, end) = text.find_phrase(&analyze("潤滑管理")).expect("found");
        assert_eq!(
            &text.source[text.source_offset(start)..text.source_offset(end)],
            "潤滑管理"
        );
        let kana = analyze("ＣＮＣのフォークリフト");
        let (start, end) = kana.find_phrase(&analyze("ふぉーくりふと")).expect("found");
        assert_eq!(
            &kana.source[kana.source_offset(start)..kana.source_offset(end)],
            "フォークリフト"
        );
    }
}
