//! Any text, asked of a small index in every language's reading: errors
//! are fine, panics are not, and what is found holds only records the
//! asker may read, with snippets cut at characters.
#![no_main]

use std::sync::{Arc, OnceLock};

use kyoso_search::{Audience, Part, Role, SearchDoc, SearchIndex, SearchQuery, Visibility};
use kyoso_text::Vocabulary;

fn doc(id: &str, visibility: Visibility, language: &str, title: &str, body: &str) -> SearchDoc {
    let part = |role, text: &str| Part {
        role,
        language: language.to_owned(),
        text: text.to_owned(),
    };
    SearchDoc {
        id: id.to_owned(),
        kind: "lesson".to_owned(),
        visibility,
        owners: Vec::new(),
        language: language.to_owned(),
        countries: vec!["TH".to_owned()],
        sectors: vec!["32120".to_owned()],
        parts: vec![part(Role::Title, title), part(Role::Body, body)],
    }
}

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let index = SearchIndex::in_memory(Arc::new(Vocabulary::builtin())).expect("an index");
        index
            .put(&[
                doc("en", Visibility::Public, "en", "Lubrication of press bearings", "Grease every 8 hours."),
                doc("ja", Visibility::Public, "ja", "設備の潤滑管理", "フォークリフトの点検と溶接の基本。"),
                doc("th", Visibility::Public, "th", "การหล่อลื่นเครื่องจักร", "รถยกและการเชื่อมในโรงงาน"),
                doc("vi", Visibility::Public, "vi", "Bôi trơn máy ép", "Xe nâng và hàn trong nhà máy."),
                doc("private", Visibility::Private, "en", "Private lubrication notes", "Not for the public."),
            ])
            .expect("put");
        index.commit().expect("commit");
        index
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let analysis = kyoso_text::analyze(text);
    for word in &analysis.words {
        assert!(word.start <= word.end && word.end <= analysis.normalized.len());
    }
    for reader in ["en", "ja", "th", "vi"] {
        let query = SearchQuery {
            text: text.chars().take(500).collect(),
            reader: Some(reader.to_owned()),
            limit: 10,
            ..SearchQuery::default()
        };
        if let Ok(found) = index().search(&query, &Audience::public()) {
            assert!(found.hits.iter().all(|hit| hit.id != "private"));
            assert!(found.total <= 4);
        }
    }
});
