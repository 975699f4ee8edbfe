use std::collections::{BTreeSet, HashMap, HashSet};

use kyoso_domain::EntityKind;

use super::*;

#[test]
fn the_same_seed_gives_the_same_network() {
    let a = Demo::new(2_000, 7);
    let b = Demo::new(2_000, 7);
    for i in [0, 1, 999, 1_999] {
        assert_eq!(a.person(i), b.person(i));
        assert_eq!(a.ties_of(i), b.ties_of(i));
    }
    assert_eq!(a.organizations(), b.organizations());
    assert_ne!(a.person(5).record, Demo::new(2_000, 8).person(5).record);
}

#[test]
fn people_are_valid_and_spread_over_many_countries_and_scripts() {
    let demo = Demo::new(5_000, 1);
    let mut countries = HashSet::new();
    let mut scripts = HashSet::new();
    for i in 0..5_000 {
        let p = demo.person(i).record;
        countries.insert(p.nationality.unwrap());
        if let Some(native) = &p.names.native {
            scripts.insert(format!(
                "{:?}",
                native.chars().next().map(|c| c as u32 / 0x80)
            ));
        }
        kyoso_domain::check_languages(&p.languages).unwrap();
        assert!(!p.skills.is_empty());
    }
    assert!(countries.len() >= 20, "{}", countries.len());
    assert!(scripts.len() >= 8, "{scripts:?}");
}

#[test]
fn every_language_and_sector_is_in_the_code_lists() {
    for country in COUNTRIES {
        kyoso_domain::LanguageCode::parse(country.language).unwrap();
        kyoso_domain::CountryCode::parse(country.code).unwrap();
    }
    for (skill, sector) in SKILLS {
        Skill::parse(skill).unwrap();
        SectorCode::parse(sector).unwrap();
    }
    // Organizations' sectors are checked when they are made.
    assert!(Demo::new(100, 1).organizations().len() > 100);
}

#[test]
fn ties_fit_their_kinds_refer_to_known_records_and_do_not_repeat() {
    let demo = Demo::new(3_000, 3);
    let orgs: HashSet<String> = demo
        .organizations()
        .into_iter()
        .map(|o| o.external_id.unwrap().as_str().to_owned())
        .collect();
    let events: HashSet<String> = demo
        .events()
        .into_iter()
        .map(|e| e.external_id.unwrap().as_str().to_owned())
        .collect();
    let mut keys = HashSet::new();
    let mut kinds = HashMap::new();
    let all = (0..3_000)
        .flat_map(|i| demo.ties_of(i))
        .chain(demo.organization_ties());
    for tie in all {
        let t = tie.record.canonical();
        t.check().unwrap();
        for end in [&t.from, &t.to] {
            match end.kind {
                EntityKind::Organization => assert!(orgs.contains(end.key.as_str()), "{}", end.key),
                EntityKind::Person => assert!(end.key.as_str().starts_with("DEMO-P-")),
                EntityKind::Event => assert!(events.contains(end.key.as_str()), "{}", end.key),
            }
        }
        assert!(
            keys.insert((t.kind, t.from.clone(), t.to.clone(), t.start)),
            "{t:?}"
        );
        *kinds.entry(t.kind).or_insert(0) += 1;
    }
    assert_eq!(
        kinds.len(),
        TieKind::ALL.len(),
        "every kind of tie appears: {kinds:?}"
    );
    let per_person = keys.len() as f64 / 3_000.0;
    assert!((3.0..7.0).contains(&per_person), "{per_person}");
}

#[test]
fn the_thai_pioneers_founded_tpa() {
    let demo = Demo::new(20_000, 1);
    let founders: BTreeSet<u64> = (0..20_000)
        .filter(|&i| {
            demo.ties_of(i)
                .iter()
                .any(|t| t.record.kind == TieKind::Founded && t.record.to.key.as_str() == "TPA")
        })
        .collect();
    assert!(founders.len() > 20, "{}", founders.len());
    for i in founders.iter().take(5) {
        let ties = demo.ties_of(*i);
        let studied = ties
            .iter()
            .find(|t| t.record.kind == TieKind::StudiedAt)
            .unwrap();
        assert!((1960..=1977).contains(&studied.record.start.year()));
    }
}
