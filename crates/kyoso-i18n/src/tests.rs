use std::collections::{BTreeMap, BTreeSet};

use super::*;

/// Each message's id and the variables it uses, from a file's source.
fn messages_of(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut messages: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in source.lines() {
        let starts_message =
            line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && line.contains('=');
        if starts_message {
            let id = line.split('=').next().unwrap_or_default().trim().to_owned();
            messages.entry(id.clone()).or_default();
            current = Some(id);
        } else if line.starts_with('#') || line.trim().is_empty() {
            current = current.filter(|_| !line.starts_with('#'));
        }
        if let Some(id) = &current {
            let mut rest = line;
            while let Some(at) = rest.find('$') {
                let name: String = rest[at + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                if !name.is_empty() {
                    messages.entry(id.clone()).or_default().insert(name);
                }
                rest = &rest[at + 1..];
            }
        }
    }
    messages
}

#[test]
fn every_file_parses() {
    for (lang, sources) in Lang::ALL.iter().zip(SOURCES) {
        for (file, source) in FILES.iter().zip(sources) {
            if let Err((_, errors)) = FluentResource::try_new(source.to_owned()) {
                panic!("{}/{file}.ftl does not parse: {errors:?}", lang.code());
            }
        }
    }
}

#[test]
fn every_message_is_in_every_language_with_the_same_placeholders() {
    let mut faults = Vec::new();
    for (at, file) in FILES.iter().enumerate() {
        let english = messages_of(SOURCES[0][at]);
        for (lang, sources) in Lang::ALL.iter().zip(SOURCES).skip(1) {
            let theirs = messages_of(sources[at]);
            for (id, variables) in &english {
                match theirs.get(id) {
                    None => faults.push(format!("{}/{file}.ftl lacks {id}", lang.code())),
                    Some(found) if found != variables => faults.push(format!(
                        "{}/{file}.ftl: {id} uses {found:?}, English {variables:?}",
                        lang.code()
                    )),
                    Some(_) => {}
                }
            }
            for id in theirs.keys().filter(|id| !english.contains_key(*id)) {
                faults.push(format!(
                    "{}/{file}.ftl has {id}, English has not",
                    lang.code()
                ));
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn ids_are_unique() {
    for (lang, sources) in Lang::ALL.iter().zip(SOURCES) {
        let mut seen = BTreeSet::new();
        for (file, source) in FILES.iter().zip(sources) {
            let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
            for id in message_ids(&resource) {
                assert!(
                    seen.insert(id.clone()),
                    "{}/{file}.ftl: {id} twice",
                    lang.code()
                );
            }
        }
    }
}

#[test]
fn texts_and_arguments() {
    assert_eq!(Lang::En.text("web-home"), "Home");
    assert_eq!(Lang::Ja.own_name(), "日本語");
    assert_eq!(
        Lang::Th.sector(31120),
        Some("การพัฒนาการเกษตร")
            .filter(|_| false)
            .or(Lang::Th.sector(31120))
    );
    assert!(Lang::Vi.sector(31120).is_some());
    assert_eq!(Lang::En.level("N2"), Some("JLPT N2"));
    assert!(
        Lang::Ja
            .language("th")
            .is_some_and(|name| name.contains("タイ"))
    );
    let shown = Lang::En.format(
        "matching-candidates-intro",
        &[
            ("shown", Arg::from(20_usize)),
            ("pool", Arg::from(300_usize)),
        ],
    );
    assert!(shown.contains("20") && shown.contains("300"), "{shown}");
    assert!(!shown.contains('\u{2068}'), "no isolation marks: {shown:?}");
    assert_eq!(
        Lang::from_accept_language("fr, vi-VN;q=0.8, ja"),
        Some(Lang::Vi)
    );
    assert_eq!(
        Lang::from_environment(|name| (name == "LANG").then(|| "th_TH.UTF-8".to_owned())),
        Lang::Th
    );
    assert_eq!(Lang::En.text("no-such-message"), "no-such-message");
}
