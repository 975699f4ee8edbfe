//! One story of the registry, told against every engine this run covers:
//! SQLite always, PostgreSQL when the test server is configured.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a failed unwrap is a failed test"
)]

use kyoso_domain::{
    Availability, Consent, Contact, CountryCode, Endpoint, EntityKind, ExternalId, Incoming, Names,
    OrganisationType, Organization, PartialDate, Person, RecordRef, SectorCode, Skill, Text, Tie,
    TieKind, Timestamp, Visibility,
};
use kyoso_store::{BulkOptions, Store, StoreError, Table};
use kyoso_testkit::TestDb;

fn text(s: &str) -> Text {
    Text::line(s, 200).unwrap()
}

fn org(
    latin: &str,
    acronym: &str,
    country: Option<&str>,
    parent: Option<&str>,
) -> Organization<RecordRef> {
    Organization {
        names: Names::new(None, Some(text(latin)), None).unwrap(),
        acronym: Some(text(acronym)),
        org_type: OrganisationType::NATIONAL_NGO,
        country: country.map(|c| CountryCode::parse(c).unwrap()),
        sectors: vec![SectorCode::parse("32120").unwrap()],
        parent: parent.map(|p| RecordRef::parse(p).unwrap()),
        website: None,
        visibility: Visibility::Public,
    }
}

fn person(native: &str, latin: &str, country: &str) -> Person {
    Person {
        names: Names::new(Some(text(native)), Some(text(latin)), None).unwrap(),
        gender: None,
        residence: Some(CountryCode::parse(country).unwrap()),
        nationality: Some(CountryCode::parse(country).unwrap()),
        languages: vec![kyoso_domain::LanguageSkill::parse("ja:N2").unwrap()],
        skills: vec![Skill::parse("lean manufacturing").unwrap()],
        sectors: vec![SectorCode::parse("32120").unwrap()],
        availability: Availability {
            mentoring: true,
            dispatch: false,
            training: false,
        },
        available_from: None,
        experience_countries: Vec::new(),
        contact: Contact::default(),
        bio: None,
        consent: Consent {
            processing: true,
            contact: true,
            public_listing: false,
        },
        visibility: Visibility::Network,
    }
}

fn incoming<T>(external_id: &str, owner: Option<&str>, record: T) -> Incoming<T> {
    Incoming {
        external_id: Some(ExternalId::parse(external_id).unwrap()),
        owner: owner.map(|o| RecordRef::parse(o).unwrap()),
        ..Incoming::new(record)
    }
}

fn tie(
    kind: TieKind,
    from: (EntityKind, &str),
    to: (EntityKind, &str),
    start: &str,
) -> Tie<RecordRef> {
    Tie {
        kind,
        from: Endpoint {
            kind: from.0,
            key: RecordRef::parse(from.1).unwrap(),
        },
        to: Endpoint {
            kind: to.0,
            key: RecordRef::parse(to.1).unwrap(),
        },
        start: PartialDate::parse(start).unwrap(),
        end: None,
        strength: None,
        role: None,
        note: None,
        asserted_by: text("test"),
        asserted_at: Timestamp::now(),
        visibility: Visibility::Network,
        event: None,
    }
}

const P: EntityKind = EntityKind::Person;
const O: EntityKind = EntityKind::Organization;

async fn story(store: &Store) {
    assert_eq!(store.counts().await.unwrap().people, 0);

    // Organizations, one of them under a parent that is saved first.
    let aots = store
        .save_organization(incoming(
            "AOTS",
            None,
            org("AOTS", "AOTS", Some("JP"), None),
        ))
        .await
        .unwrap();
    let tpa = store
        .save_organization(incoming(
            "TPA",
            None,
            org("Technology Promotion Association", "TPA", Some("TH"), None),
        ))
        .await
        .unwrap();
    let society = store
        .save_organization(incoming(
            "AOTS-TH",
            Some("AOTS"),
            org(
                "AOTS Alumni Society of Thailand",
                "AAS-TH",
                Some("TH"),
                Some("AOTS"),
            ),
        ))
        .await
        .unwrap();
    assert_eq!(society.record.parent.as_ref().unwrap().uid, aots.uid);
    assert_eq!(society.owner.as_ref().unwrap().uid, aots.uid);
    assert_eq!(tpa.record.country.unwrap().as_str(), "TH");

    // An unknown parent is refused, naming the field.
    let err = store
        .save_organization(incoming("X", None, org("X", "X", None, Some("NOPE"))))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::Invalid { field: Some(f), .. } if f == "parent"),
        "{err}"
    );

    // People, owned by TPA.
    let somchai = store
        .save_person(incoming(
            "TPA-1",
            Some("TPA"),
            person("สมชาย ใจดี", "Somchai Jaidee", "TH"),
        ))
        .await
        .unwrap();
    let an = store
        .save_person(incoming(
            "TPA-2",
            Some("TPA"),
            person("Lê Văn An", "Le Van An", "VN"),
        ))
        .await
        .unwrap();
    assert_eq!(somchai.owner.as_ref().unwrap().uid, tpa.uid);
    assert_eq!(somchai.record, person("สมชาย ใจดี", "Somchai Jaidee", "TH"));
    let read = store.person(somchai.uid).await.unwrap().unwrap();
    assert_eq!(read, somchai);
    let by_external = store
        .person_by_external_id(&ExternalId::parse("TPA-2").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(by_external.uid, an.uid);

    // Saving the same content again changes nothing, not even the time.
    let again = store
        .save_person(Incoming {
            uid: Some(somchai.uid),
            ..incoming(
                "TPA-1",
                Some("TPA"),
                person("สมชาย ใจดี", "Somchai Jaidee", "TH"),
            )
        })
        .await
        .unwrap();
    assert_eq!(again.updated_at, somchai.updated_at);
    assert_eq!(again.created_at, somchai.created_at);
    // A change is kept, and moves updated_at.
    let mut moved = person("สมชาย ใจดี", "Somchai Jaidee", "TH");
    moved.residence = Some(CountryCode::parse("JP").unwrap());
    let changed = store
        .save_person(Incoming {
            uid: Some(somchai.uid),
            ..incoming("TPA-1", Some("TPA"), moved)
        })
        .await
        .unwrap();
    assert_eq!(changed.record.residence.unwrap().as_str(), "JP");
    assert!(changed.updated_at > somchai.updated_at);
    assert_eq!(changed.created_at, somchai.created_at);
    assert_eq!(store.counts().await.unwrap().people, 2);

    // An external id cannot be taken from another record.
    let err = store
        .save_person(Incoming {
            uid: Some(an.uid),
            ..incoming("TPA-1", None, person("Lê Văn An", "Le Van An", "VN"))
        })
        .await
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("already belongs to another record"),
        "{err}"
    );

    // Ties, by external id and by uid; a symmetric tie is one tie either way round.
    let studied = store
        .save_tie(Incoming::new(tie(
            TieKind::MemberOf,
            (P, "TPA-1"),
            (O, "TPA"),
            "1973",
        )))
        .await
        .unwrap();
    assert_eq!(studied.record.to.key.uid, tpa.uid);
    let met = store
        .save_tie(Incoming::new(tie(
            TieKind::MetAt,
            (P, "TPA-1"),
            (P, &an.uid.to_string()),
            "2019-11-02",
        )))
        .await
        .unwrap();
    let met_again = store
        .save_tie(Incoming::new(tie(
            TieKind::MetAt,
            (P, "TPA-2"),
            (P, "TPA-1"),
            "2019-11-02",
        )))
        .await
        .unwrap();
    assert_eq!(met.uid, met_again.uid);
    assert_eq!(store.counts().await.unwrap().ties, 2);
    let err = store
        .save_tie(Incoming::new(tie(
            TieKind::Mentored,
            (P, "TPA-1"),
            (P, "NOBODY"),
            "2020",
        )))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::Invalid { field: Some(f), .. } if f == "to"),
        "{err}"
    );

    let ties = store.ties_of(P, somchai.uid).await.unwrap();
    assert_eq!(ties.len(), 2);
    assert_eq!(ties[0].record.kind, TieKind::MemberOf);
    assert_eq!(store.ties_of(O, tpa.uid).await.unwrap().len(), 1);
    // The ties joining two records, asked from either end.
    for (a, b) in [
        ((P, somchai.uid), (O, tpa.uid)),
        ((O, tpa.uid), (P, somchai.uid)),
    ] {
        let joining = store.ties_joining(a, b).await.unwrap();
        assert_eq!(joining.len(), 1);
        assert_eq!(joining[0].record.kind, TieKind::MemberOf);
    }
    assert!(
        store
            .ties_joining((P, an.uid), (O, tpa.uid))
            .await
            .unwrap()
            .is_empty()
    );

    // The whole network in one read: people numbered first, then
    // organizations, each tie between two numbers.
    let snapshot = store.network_snapshot().await.unwrap();
    let uids: Vec<_> = snapshot.nodes.iter().map(|n| n.uid).collect();
    assert_eq!(
        uids,
        vec![somchai.uid, an.uid, aots.uid, tpa.uid, society.uid]
    );
    assert_eq!(snapshot.nodes[0].kind, EntityKind::Person);
    assert_eq!(snapshot.nodes[0].owner, Some(3), "owned by TPA");
    assert_eq!(snapshot.nodes[0].country.unwrap().as_str(), "JP");
    assert_eq!(snapshot.nodes[4].owner, Some(2), "owned by AOTS");
    assert_eq!(snapshot.nodes[3].country.unwrap().as_str(), "TH");
    assert_eq!(
        snapshot.nodes[3].org_type,
        Some(OrganisationType::NATIONAL_NGO)
    );
    assert_eq!(snapshot.nodes[0].org_type, None);
    for node in [0, 3] {
        assert_eq!(snapshot.nodes[node].sector, SectorCode::parse("32120").ok());
    }
    assert_eq!(snapshot.ties.len(), 2);
    let member = snapshot
        .ties
        .iter()
        .find(|t| t.kind == TieKind::MemberOf)
        .unwrap();
    assert_eq!((member.from, member.to, member.since), (0, 3, 1096));
    let met = snapshot
        .ties
        .iter()
        .find(|t| t.kind == TieKind::MetAt)
        .unwrap();
    assert_eq!(
        ([met.from.min(met.to), met.from.max(met.to)], met.since),
        ([0, 1], 18202)
    );

    // Deleting a person removes their ties.
    assert!(store.delete_person(an.uid).await.unwrap());
    assert!(!store.delete_person(an.uid).await.unwrap());
    assert_eq!(store.counts().await.unwrap().ties, 1);

    let report = store.check().await.unwrap();
    assert!(report.is_ok(), "{:?}", report.problems);
    assert_eq!(report.checked.people, 1);
}

async fn bulk_upserts(store: &Store) {
    let rows = |bio: &str| -> Vec<Incoming<Person>> {
        (0..1200)
            .map(|i| {
                let mut p = person("Nguyễn Thị Mai", "Nguyen Thi Mai", "VN");
                if i == 7 {
                    p.bio = Some(Text::multiline(bio, 100).unwrap());
                }
                Incoming {
                    line: i + 2,
                    ..incoming(&format!("VN-{i}"), None, p)
                }
            })
            .collect()
    };
    // Into an empty table, fast: indexes dropped and rebuilt.
    let mut writer = store
        .bulk(
            Table::People,
            BulkOptions {
                fast_empty_load: true,
                ..BulkOptions::default()
            },
        )
        .await
        .unwrap();
    assert!(writer.write_people(rows("first")).await.unwrap().is_empty());
    let summary = writer.commit().await.unwrap();
    assert_eq!(
        (summary.inserted, summary.updated, summary.unchanged),
        (1200, 0, 0)
    );
    assert!(store.check().await.unwrap().is_ok());

    // The same rows again change nothing; one changed row is one update.
    for (bio, expected) in [("first", (0, 0, 1200)), ("second", (0, 1, 1199))] {
        let mut writer = store
            .bulk(
                Table::People,
                BulkOptions {
                    fast_empty_load: true,
                    ..BulkOptions::default()
                },
            )
            .await
            .unwrap();
        assert!(writer.write_people(rows(bio)).await.unwrap().is_empty());
        let s = writer.commit().await.unwrap();
        assert_eq!((s.inserted, s.updated, s.unchanged), expected, "{bio}");
    }

    // A batch with an error writes nothing, and the whole writer is refused.
    let mut writer = store
        .bulk(Table::People, BulkOptions::default())
        .await
        .unwrap();
    let mut bad = rows("third");
    bad[3].owner = Some(RecordRef::parse("NO-SUCH-ORG").unwrap());
    let errors = writer.write_people(bad).await.unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, 5);
    assert_eq!(errors[0].field.as_deref(), Some("owner"));
    assert!(writer.failed());
    assert!(writer.commit().await.is_err());
    let mai = store
        .person_by_external_id(&ExternalId::parse("VN-7").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(mai.record.bio.unwrap().as_str(), "second");

    // Dropped without commit: rolled back.
    let mut writer = store
        .bulk(Table::People, BulkOptions::default())
        .await
        .unwrap();
    let extra = vec![incoming(
        "VN-NEW",
        None,
        person("Trần Văn Bình", "Tran Van Binh", "VN"),
    )];
    assert!(writer.write_people(extra).await.unwrap().is_empty());
    writer.rollback().await.unwrap();
    assert_eq!(store.counts().await.unwrap().people, 1200);
}

async fn organization_references(store: &Store) {
    // A parent further down the same batch is found at the end.
    let mut writer = store
        .bulk(Table::Organizations, BulkOptions::default())
        .await
        .unwrap();
    let rows = vec![
        Incoming {
            line: 2,
            ..incoming(
                "SOC-TH",
                None,
                org("Society TH", "STH", Some("TH"), Some("FED-ASEAN")),
            )
        },
        Incoming {
            line: 3,
            ..incoming("FED-ASEAN", None, org("Federation", "FED", None, None))
        },
    ];
    assert!(writer.write_organizations(rows).await.unwrap().is_empty());
    assert!(writer.resolve_deferred().await.unwrap().is_empty());
    writer.commit().await.unwrap();
    let society = store
        .organization_by_external_id(&ExternalId::parse("SOC-TH").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        society.record.parent.unwrap().external_id.unwrap().as_str(),
        "FED-ASEAN"
    );

    // Making the federation a child of its own member is a cycle.
    let mut writer = store
        .bulk(Table::Organizations, BulkOptions::default())
        .await
        .unwrap();
    let rows = vec![Incoming {
        line: 9,
        ..incoming(
            "FED-ASEAN",
            None,
            org("Federation", "FED", None, Some("SOC-TH")),
        )
    }];
    assert!(writer.write_organizations(rows).await.unwrap().is_empty());
    let errors = writer.resolve_deferred().await.unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].message.contains("own ancestor"));
    writer.rollback().await.unwrap();
    assert!(store.check().await.unwrap().is_ok());
}

/// SQLite rebuilds `ties` to let them end at events: run again over a
/// database with ties (as after a crash before it was recorded), the
/// rebuild keeps every tie, its id and what names it.
#[tokio::test]
async fn the_events_migration_rebuilds_ties_losing_nothing() {
    let db = TestDb::new(kyoso_store::Engine::Sqlite).await;
    let store = db.store().await;
    for key in ["AOTS", "TPA"] {
        store
            .save_organization(incoming(key, None, org(key, key, Some("JP"), None)))
            .await
            .unwrap();
    }
    let somchai = store
        .save_person(incoming(
            "P1",
            Some("TPA"),
            person("สมชาย", "Somchai", "TH"),
        ))
        .await
        .unwrap();
    let trained = store
        .save_tie(incoming(
            "T1",
            Some("TPA"),
            tie(TieKind::TrainedAt, (P, "P1"), (O, "AOTS"), "1972"),
        ))
        .await
        .unwrap();
    let before = store.counts().await.unwrap();
    store.close().await;

    let path = db.path("kyoso.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(include_str!("../../migrations/sqlite/0018_events.sql"))
        .unwrap();
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0);
    drop(conn);

    let store = db.store().await;
    assert_eq!(store.counts().await.unwrap(), before);
    let read = store.tie(trained.uid).await.unwrap().unwrap();
    assert_eq!(read.record, trained.record);
    assert_eq!(read.record.from.key.uid, somchai.uid);
    // People still go with their ties.
    let mut writer = store
        .bulk(Table::People, BulkOptions::default())
        .await
        .unwrap();
    assert!(writer.delete(somchai.uid).await.unwrap());
    writer.commit().await.unwrap();
    assert!(store.tie(trained.uid).await.unwrap().is_none());
    assert!(store.check().await.unwrap().is_ok());
    store.close().await;
}

macro_rules! on_every_engine {
    ($($name:ident),* $(,)?) => {$(
        #[tokio::test]
        async fn $name() {
            for engine in kyoso_testkit::engines() {
                let db = TestDb::new(engine).await;
                let store = db.store().await;
                super::$name(&store).await;
                store.close().await;
            }
        }
    )*};
}

mod on_every_engine {
    use super::*;
    on_every_engine!(story, bulk_upserts, organization_references);
}
