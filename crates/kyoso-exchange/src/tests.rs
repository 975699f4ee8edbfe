use std::io::Cursor;

use kyoso_domain::{
    Incoming, Link, Organization, Person, RecordRef, RowError, Stored, Text, Tie, Timestamp, Uid,
};
use proptest::prelude::*;

use super::*;

fn defaults() -> Defaults {
    Defaults {
        owner: None,
        asserted_by: Text::line("import:test.csv", 100).unwrap(),
        asserted_at: Timestamp::parse("2026-01-01T00:00:00Z").unwrap(),
    }
}

fn read<T: Record>(
    input: &str,
    format: Format,
) -> Result<(Vec<Incoming<T>>, Vec<RowError>), ReadError> {
    read_bytes(input.as_bytes().to_vec(), format)
}

fn read_bytes<T: Record>(
    input: Vec<u8>,
    format: Format,
) -> Result<(Vec<Incoming<T>>, Vec<RowError>), ReadError> {
    let reader = Reader::<T>::new(Cursor::new(input), format, defaults())?;
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for item in reader {
        match item? {
            Item::Record(r) => records.push(r),
            Item::Invalid(e) => errors.extend(e),
        }
    }
    Ok((records, errors))
}

fn brief(errors: &[RowError]) -> Vec<String> {
    errors
        .iter()
        .map(|e| {
            format!(
                "{}:{}: {}",
                e.line,
                e.field.as_deref().unwrap_or("-"),
                e.message
            )
        })
        .collect()
}

#[test]
fn people_csv_with_bom_quotes_and_lists() {
    let csv = "\u{feff}external_id,name_native,name_latin,residence,languages,skills,sectors,bio,available_mentoring\n\
               TPA-1,สมชาย ใจดี,Somchai Jaidee,th,ja:N2; en:B2,Lean  Manufacturing;welding,32120,\"Line one\nline two\",yes\n";
    let (people, errors) = read::<Person>(csv, Format::Csv).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    let p = &people[0];
    assert_eq!(p.line, 2);
    assert_eq!(p.external_id.as_ref().unwrap().as_str(), "TPA-1");
    assert_eq!(p.record.names.display("th"), "สมชาย ใจดี");
    assert_eq!(p.record.residence.unwrap().as_str(), "TH");
    assert_eq!(p.record.languages.len(), 2);
    let skills: Vec<_> = p.record.skills.iter().map(|s| s.as_str()).collect();
    assert_eq!(skills, ["lean manufacturing", "welding"]);
    assert_eq!(
        p.record.bio.as_ref().unwrap().as_str(),
        "Line one\nline two"
    );
    assert!(p.record.availability.mentoring);
    assert_eq!(p.record.visibility, kyoso_domain::Visibility::Private);
}

#[test]
fn every_bad_row_is_reported_with_line_and_column() {
    let csv = "external_id,name_latin,residence,sectors,email\n\
               A1,Ann,XX,32120,a@example.org\n\
               A2,Bo,TH,99999,not-an-email\n\
               A3,Cy,TH\n\
               A1,Di,JP,,\n\
               ,,,,\n";
    let (people, errors) = read::<Person>(csv, Format::Csv).unwrap();
    assert!(people.iter().all(|p| p.line == 5) || people.is_empty());
    assert_eq!(
        brief(&errors),
        [
            "2:residence: unknown country code \"XX\" (expected an ISO 3166-1 alpha-2 code such as TH or JP)",
            "3:sectors: unknown sector code \"99999\" (expected an OECD DAC 5-digit purpose code such as 32120)",
            "3:email: \"not-an-email\" is not an e-mail address such as name@example.org",
            "4:-: has 3 fields but the header has 5: a line cut short, or a stray comma",
            "6:name_native: a name is required, in the native script or in Latin letters",
            "6:external_id: an id or an external_id is required, so that importing the file again updates the record instead of adding it twice",
        ]
    );
    // Row 5 repeats A1, but A1 was refused on row 2, so it is not a repeat.
    assert_eq!(people.len(), 1);
}

#[test]
fn a_repeated_id_names_the_first_line() {
    let csv = "external_id,name_latin\nA1,Ann\nA2,Bo\nA1,Ann again\n";
    let (_, errors) = read::<Person>(csv, Format::Csv).unwrap();
    assert_eq!(
        brief(&errors),
        ["4:external_id: \"A1\" is already on line 2; each record may appear once"]
    );
}

#[test]
fn header_faults_stop_the_read() {
    let err = read::<Person>("external_id,nmae_latin\nA1,Ann\n", Format::Csv).unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with("line 1: unknown column \"nmae_latin\""),
        "{message}"
    );
    assert!(message.contains("one of the columns \"name_native\", \"name_latin\" is required"));
    assert!(read::<Person>("", Format::Csv).is_err());
    let err = read::<Person>("external_id,name_latin,name_latin\n", Format::Csv).unwrap_err();
    assert!(err.to_string().contains("appears twice"));
}

#[test]
fn invalid_utf8_is_named() {
    let mut input = b"external_id,name_latin\nA1,".to_vec();
    input.extend_from_slice(&[0xff, 0xfe]);
    input.extend_from_slice(b"\nA2,Bo\n");
    let (people, errors) = read_bytes::<Person>(input, Format::Csv).unwrap();
    assert_eq!(brief(&errors), ["2:name_latin: is not valid UTF-8"]);
    assert_eq!(people.len(), 1);
}

#[test]
fn json_arrays_and_lines() {
    let array = r#"[
{"external_id": "A1", "name_latin": "Ann", "languages": [{"language": "ja", "level": "N1"}], "skills": ["CAD"], "consent_contact": true},
{"external_id": "A2", "name_native": "山田 花子", "residence": "JP"}
]"#;
    let (people, errors) = read::<Person>(array, Format::Json).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(people.iter().map(|p| p.line).collect::<Vec<_>>(), [2, 3]);
    assert_eq!(people[0].record.languages[0].to_string(), "ja:N1");
    assert!(people[0].record.consent.contact);

    let lines = "{\"external_id\": \"A1\", \"name_latin\": \"Ann\"}\n\n{\"external_id\": \"A2\", \"name_latin\": \"Bo\", \"colour\": 1}\n{\"external_id\": \"A3\", \"name_latin\": 7, \"residence\": []}\n";
    let (people, errors) = read::<Person>(lines, Format::Json).unwrap();
    assert_eq!(people.len(), 1);
    assert_eq!(
        brief(&errors),
        [
            "3:colour: unknown field",
            "4:name_latin: the Latin-letter name \"7\" is not in Latin letters",
            "4:residence: expected a text value"
        ]
    );
}

#[test]
fn truncated_json_is_a_syntax_error_with_a_line() {
    let err = read::<Person>(
        "[\n{\"external_id\": \"A1\", \"name_latin\": \"Ann\"},\n{\"external_id\": \"A",
        Format::Json,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 3: the file ends inside this record (truncated?)"
    );
    let err = read::<Person>(
        "[{\"external_id\": \"A1\", \"name_latin\": \"Ann\"}",
        Format::Json,
    )
    .unwrap_err();
    assert!(err.to_string().contains("ends inside the array"));
    let (_, errors) = read::<Person>("[{\"external_id\": tru}]", Format::Json).unwrap();
    assert!(errors[0].message.starts_with("not valid JSON"));
}

#[test]
fn tie_ends_default_from_the_kind() {
    let csv = "kind,from_type,from,to_type,to,start,end,strength\n\
               studied_at,,P1,,TOKYO-TECH,1968,1972,0.8\n\
               member_of,,P1,,AOTS,1975,,\n\
               mentored,,P1,,P1,2001,,\n\
               met_at,,P1,,P2,2019,2018,\n\
               studied_at,person,P1,person,P2,1968,,\n\
               attended,,P1,,EV1,2019,,\n";
    let (ties, errors) = read::<Tie<RecordRef>>(csv, Format::Csv).unwrap();
    assert_eq!(ties.len(), 1);
    assert_eq!(ties[0].record.asserted_by.as_str(), "import:test.csv");
    assert_eq!(
        ties[0].record.to.kind,
        kyoso_domain::EntityKind::Organization
    );
    assert_eq!(
        brief(&errors),
        [
            "3:from_type: is required for member_of ties (person or organization)",
            "4:to: a tie cannot join a record to itself",
            "5:end: it ends (2018) before it starts (2019)",
            "6:kind: a studied_at tie cannot run person → person; it runs person → organization",
            "7:from_type: is required for attended ties (person or organization)",
        ]
    );
}

fn stored<T>(record: T, external_id: Option<&str>) -> Stored<T> {
    Stored {
        id: 1,
        uid: Uid::new(),
        external_id: external_id.map(|e| kyoso_domain::ExternalId::parse(e).unwrap()),
        owner: Some(Link {
            uid: Uid::new(),
            external_id: None,
        }),
        created_at: Timestamp::parse("2024-01-02T03:04:05.123456Z").unwrap(),
        updated_at: Timestamp::parse("2025-01-02T03:04:05Z").unwrap(),
        record,
    }
}

fn round_trip<E: Exportable>(records: &[E], format: Format) -> Vec<Incoming<E::Record>> {
    let mut writer = Writer::new::<E::Record>(Vec::new(), format).unwrap();
    for record in records {
        writer.write(record).unwrap();
    }
    let bytes = writer.finish().unwrap();
    let (read, errors) = read_bytes::<E::Record>(bytes, format).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    read
}

#[test]
fn written_files_read_back_into_the_same_records() {
    let csv = "external_id,name_native,name_latin,name_japanese,gender,residence,nationality,languages,skills,sectors,available_dispatch,email,phone,bio,consent_processing,visibility\n\
               A1,Nguyễn Thị Mai,Nguyen Thi Mai,グエン・ティ・マイ,female,VN,VN,vi:native; ja:N3,welding; =cmd,32120; 25010,true,mai@example.vn,+84 24 3826 4567,\"@home\n\tindented\",true,network\n";
    let (people, errors) = read::<Person>(csv, Format::Csv).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    let original = stored(people[0].record.clone(), Some("A1"));
    for format in [Format::Csv, Format::Json] {
        let back = round_trip(std::slice::from_ref(&original), format);
        assert_eq!(back[0].record, original.record, "{format:?}");
        assert_eq!(back[0].uid, Some(original.uid));
        assert_eq!(back[0].created_at, Some(original.created_at));
        assert_eq!(back[0].updated_at, Some(original.updated_at));
        assert_eq!(
            back[0].owner,
            Some(original.owner.as_ref().unwrap().record_ref())
        );
    }
}

#[test]
fn spreadsheet_formulas_are_defused_in_csv() {
    let csv = "external_id,name_latin,phone,bio\nA1,Ann,+66 2 123 4567,=HYPERLINK(\"http://x\")\n";
    let (people, _) = read::<Person>(csv, Format::Csv).unwrap();
    let mut writer = Writer::new::<Person>(Vec::new(), Format::Csv).unwrap();
    writer
        .write(&stored(people[0].record.clone(), Some("A1")))
        .unwrap();
    let out = String::from_utf8(writer.finish().unwrap()).unwrap();
    assert!(out.contains(",'+66 2 123 4567,"), "{out}");
    assert!(out.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{out}");
}

#[test]
fn organizations_and_ties_round_trip() {
    let csv = "external_id,name_latin,acronym,org_type,country,parent,website\nTPA,Technology Promotion Association,TPA,22,TH,AOTS,https://www.tpa.or.th/\n";
    let (orgs, errors) = read::<Organization<RecordRef>>(csv, Format::Csv).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    let parent = Link {
        uid: Uid::new(),
        external_id: Some(kyoso_domain::ExternalId::parse("AOTS").unwrap()),
    };
    let org = stored(
        orgs[0].record.clone().map_ref(|_| parent.clone()),
        Some("TPA"),
    );
    for format in [Format::Csv, Format::Json] {
        let back = round_trip(std::slice::from_ref(&org), format);
        assert_eq!(back[0].record.parent.as_ref().unwrap().as_str(), "AOTS");
        assert_eq!(back[0].record.names, org.record.names);
    }

    let csv = "kind,from,to,start,strength,note\nstudied_at,P1,TT,1968-04,0.75,\"Tokyo, 1968\"\n";
    let (ties, errors) = read::<Tie<RecordRef>>(csv, Format::Csv).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    let p1 = Link {
        uid: Uid::new(),
        external_id: None,
    };
    let tie = stored(ties[0].record.clone().map_ref(|_| p1.clone()), None);
    for format in [Format::Csv, Format::Json] {
        let back = round_trip(std::slice::from_ref(&tie), format);
        assert_eq!(back[0].record.from.key.as_str(), p1.uid.to_string());
        assert_eq!(back[0].record.strength, tie.record.strength);
        assert_eq!(back[0].record.note, tie.record.note);
        assert_eq!(back[0].uid, Some(tie.uid));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Whatever the bytes, reading ends without a panic.
    #[test]
    fn any_input_is_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400), json in any::<bool>()) {
        let format = if json { Format::Json } else { Format::Csv };
        let mut input = if json { b"[{\"external_id\":".to_vec() } else { b"external_id,name_latin,languages,kind\n".to_vec() };
        input.extend(bytes);
        let _ = read_bytes::<Person>(input.clone(), format);
        let _ = read_bytes::<Tie<RecordRef>>(input, format);
    }
}
