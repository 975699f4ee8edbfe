//! Any text, asked in any reader's language, is answered without a panic,
//! finds no record the asker may not read, and marks its snippets at
//! character boundaries (the fuzz target `search_query` asks the same at
//! length).

#![allow(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

use std::sync::{Arc, OnceLock};

use kyoso_search::{Audience, Part, Role, SearchDoc, SearchIndex, SearchQuery, Visibility};
use kyoso_text::Vocabulary;
use proptest::prelude::*;

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
        let index = SearchIndex::in_memory(Arc::new(Vocabulary::builtin())).unwrap();
        index
            .put(&[
                doc(
                    "en",
                    Visibility::Public,
                    "en",
                    "Lubrication of press bearings",
                    "Grease every 8 hours; 5S first.",
                ),
                doc(
                    "ja",
                    Visibility::Public,
                    "ja",
                    "設備の潤滑管理",
                    "フォークリフトの点検と溶接の基本。",
                ),
                doc(
                    "th",
                    Visibility::Public,
                    "th",
                    "การหล่อลื่นเครื่องจักร",
                    "รถยกและการเชื่อมในโรงงาน",
                ),
                doc(
                    "vi",
                    Visibility::Public,
                    "vi",
                    "Bôi trơn máy ép",
                    "Xe nâng và hàn trong nhà máy.",
                ),
                doc(
                    "private",
                    Visibility::Private,
                    "en",
                    "Private lubrication notes",
                    "Not for the public.",
                ),
            ])
            .unwrap();
        index.commit().unwrap();
        index
    })
}

/// Text mixing the scripts and the marks kyoso reads, and anything else.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,40}",
        proptest::collection::vec(
            prop_oneof![
                Just("潤滑".to_owned()),
                Just("じゅんかつ".to_owned()),
                Just("การหล่อลื่น".to_owned()),
                Just("bôi trơn".to_owned()),
                Just("boi tron".to_owned()),
                Just("lubrication".to_owned()),
                Just(" ".to_owned()),
                Just("\u{0301}".to_owned()),
                Just("ｶﾞ".to_owned()),
                Just("\"".to_owned()),
                "[a-zA-Z0-9]{1,12}",
            ],
            0..8,
        )
        .prop_map(|parts| parts.concat()),
    ]
}

proptest! {
    #[test]
    fn any_query_is_answered_within_what_the_asker_may_read(query in text(), reader in 0usize..4) {
        let query = SearchQuery {
            text: query,
            reader: Some(["en", "ja", "th", "vi"][reader].to_owned()),
            limit: 10,
            ..SearchQuery::default()
        };
        let found = index().search(&query, &Audience::public()).unwrap();
        prop_assert!(found.total <= 4);
        for hit in &found.hits {
            prop_assert!(hit.id != "private");
            let title: String = hit.title_marked.iter().map(|f| f.text.as_str()).collect();
            prop_assert_eq!(&title, &hit.title);
        }
    }
}
