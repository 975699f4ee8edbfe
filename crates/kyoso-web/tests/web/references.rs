//! Every reference in every write, as declared beside the write types
//! (`kyoso_domain::REFERENCE_FIELDS`): naming a record the writer may not
//! read gets exactly the answer an unknown id gets — status, code, field
//! and words — and writes nothing; naming one they may read is accepted.
//! A write declared later fails here until it has a probe.

use kyoso_domain::{REFERENCE_FIELDS, RecordKind, ReferenceField};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::{TestApp, on_every_engine};

/// Records of AOTS that TPA's officer may not read, and records of their
/// own to name instead, by kind.
struct Records {
    /// A second person the member's profile may meet.
    colleague: String,
    private: Vec<(RecordKind, String)>,
    readable: Vec<(RecordKind, String)>,
    /// TPA's program and cohort, a technical intern training participation
    /// and a completed one, a need: what the probes write under.
    program: String,
    titp_participation: String,
    completed_participation: String,
    need: String,
    /// A question asked of the network, to answer.
    question: String,
}

async fn created(app: &TestApp, role: &str, path: &str, body: Value) -> String {
    let (status, answer) = app.send(Method::POST, path, role, &body).await;
    assert_eq!(status, StatusCode::CREATED, "{path}: {answer}");
    answer["id"]
        .as_str()
        .or(answer["uid"].as_str())
        .unwrap_or_else(|| panic!("{path}: no id in {answer}"))
        .to_owned()
}

async fn records(app: &TestApp) -> Records {
    let aots_org = created(
        app,
        "admin",
        "/api/v1/organizations",
        json!({"name_latin": "AOTS private partner", "org_type": "70", "owner": "AOTS", "visibility": "private"}),
    )
    .await;
    let aots_person = created(
        app,
        "admin",
        "/api/v1/people",
        json!({"name_latin": "AOTS private trainee", "owner": "AOTS", "visibility": "private"}),
    )
    .await;
    let aots_program = created(
        app,
        "admin",
        "/api/v1/programs",
        json!({"program_type": "training_in_japan", "name_latin": "AOTS private course",
               "organizer": "AOTS", "owner": "AOTS", "start": "2025-04", "visibility": "private"}),
    )
    .await;
    let aots_cohort = created(
        app,
        "admin",
        &format!("/api/v1/programs/{aots_program}/cohorts"),
        json!({"name": "2025 spring", "start": "2025-04-07"}),
    )
    .await;
    let aots_offer = created(
        app,
        "admin",
        "/api/v1/offers",
        json!({"kind": "technology", "title": "AOTS private technology", "readiness": 6, "keywords": ["solar pumps"], "provider": "AOTS", "visibility": "private"}),
    )
    .await;
    let aots_event = created(
        app,
        "admin",
        "/api/v1/events",
        json!({"name_latin": "AOTS private retreat", "kind": "workshop", "start": "2025-05",
               "owner": "AOTS", "visibility": "private"}),
    )
    .await;
    let event = created(
        app,
        "officer",
        "/api/v1/events",
        json!({"name_latin": "TPA kaizen seminar", "kind": "seminar", "start": "2025-06"}),
    )
    .await;

    let tpa_person = app.member_person.to_string();
    let program = created(
        app,
        "officer",
        "/api/v1/programs",
        json!({"program_type": "internship", "name_latin": "Sakai internship",
               "organizer": "TPA", "start": "2025-04", "visibility": "network"}),
    )
    .await;
    let cohort = created(
        app,
        "officer",
        &format!("/api/v1/programs/{program}/cohorts"),
        json!({"name": "2025 spring", "start": "2025-04-07"}),
    )
    .await;
    let offer = created(
        app,
        "officer",
        "/api/v1/offers",
        json!({"kind": "technology", "title": "TPA calibration service", "readiness": 9, "keywords": ["calibration"], "visibility": "network"}),
    )
    .await;
    let titp = created(
        app,
        "officer",
        "/api/v1/programs",
        json!({"program_type": "technical_intern_training", "name_latin": "TITP machining",
               "organizer": "TPA", "start": "2020-04", "visibility": "network"}),
    )
    .await;
    let titp_participation = created(
        app,
        "officer",
        "/api/v1/participations",
        json!({"person": tpa_person, "program": titp, "role": "technical_intern", "applied_on": "2019-10-01"}),
    )
    .await;
    let completed_participation = created(
        app,
        "officer",
        "/api/v1/participations",
        json!({"person": tpa_person, "program": program, "role": "intern", "applied_on": "2023-01-10"}),
    )
    .await;
    for (to, on) in [
        ("selected", "2023-02-01"),
        ("active", "2023-04-03"),
        ("completed", "2023-09-29"),
    ] {
        let (status, body) = app
            .send(
                Method::POST,
                &format!("/api/v1/participations/{completed_participation}/journey"),
                "officer",
                &json!({"action": "move", "to": to, "on": on}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let need = created(
        app,
        "officer",
        "/api/v1/needs",
        json!({"kind": "expertise", "title": "Kaizen coach for a Thai SME", "skills": ["kaizen"]}),
    )
    .await;
    let question = created(
        app,
        "member",
        "/api/v1/questions",
        json!({"title": "Who calibrates torque wrenches in Rayong?", "language": "en"}),
    )
    .await;
    let tpa = app.get("/api/v1/organizations?q=TPA", "officer").await.1["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let colleague = created(
        app,
        "officer",
        "/api/v1/people",
        json!({"name_latin": "TPA colleague", "visibility": "network"}),
    )
    .await;
    Records {
        colleague,
        private: vec![
            (RecordKind::Person, aots_person),
            (RecordKind::Organization, aots_org),
            (RecordKind::Program, aots_program),
            (RecordKind::Cohort, aots_cohort),
            (RecordKind::Offer, aots_offer),
            (RecordKind::Event, aots_event),
        ],
        readable: vec![
            (RecordKind::Person, tpa_person),
            (RecordKind::Organization, tpa),
            (RecordKind::Program, program.clone()),
            (RecordKind::Cohort, cohort),
            (RecordKind::Offer, offer),
            (RecordKind::Event, event),
        ],
        program,
        titp_participation,
        completed_participation,
        need,
        question,
    }
}

/// A write naming `reference` in `field`: method, path and body.
type Probe = (Method, String, Value);

/// The probe of every declared reference field; `None` only where the
/// field cannot name a record of `kind`.
fn probe(
    records: &Records,
    field: &ReferenceField,
    kind: RecordKind,
    reference: &str,
) -> Option<Probe> {
    let person = records.readable[0].1.as_str();
    let post = |path: &str, body: Value| Some((Method::POST, path.to_owned(), body));
    let end = |kind: RecordKind| match kind {
        RecordKind::Person => "person",
        RecordKind::Event => "event",
        _ => "organization",
    };
    match (field.write, field.field) {
        ("organization", "parent") => post(
            "/api/v1/organizations",
            json!({"name_latin": "Probe society", "org_type": "22", "parent": reference}),
        ),
        ("tie", "from") => post(
            "/api/v1/ties",
            json!({"kind": "member_of", "from_type": end(kind), "from": reference,
                   "to_type": "organization", "to": "TPA", "start": "2020"}),
        )
        .filter(|_| kind == RecordKind::Person),
        ("tie", "to") => post(
            "/api/v1/ties",
            json!({"kind": match kind {
                       RecordKind::Person => "mentored",
                       RecordKind::Event => "attended",
                       _ => "member_of",
                   },
                   "from_type": "person", "from": person, "to_type": end(kind), "to": reference, "start": "2020"}),
        ),
        ("tie", "event") => post(
            "/api/v1/ties",
            json!({"kind": "met_at", "from": person, "to": records.colleague, "start": "2020",
                   "event": reference}),
        ),
        ("event", "organizer") => post(
            "/api/v1/events",
            json!({"name_latin": "Probe seminar", "kind": "seminar", "start": "2025", "organizer": reference}),
        ),
        ("program", "organizer") => post(
            "/api/v1/programs",
            json!({"program_type": "training_in_japan", "name_latin": "Probe course",
                   "organizer": reference, "start": "2025"}),
        ),
        ("program", "partners") => post(
            "/api/v1/programs",
            json!({"program_type": "training_in_japan", "name_latin": "Probe course",
                   "organizer": "TPA", "partners": [reference], "start": "2025"}),
        ),
        ("program", "funders") => post(
            "/api/v1/programs",
            json!({"program_type": "training_in_japan", "name_latin": "Probe course", "organizer": "TPA",
                   "funders": [{"organization": reference, "source": "oda"}], "start": "2025"}),
        ),
        ("program", "provider") => post(
            "/api/v1/programs",
            json!({"program_type": "demonstration_project", "name_latin": "Probe demonstration",
                   "organizer": "TPA", "start": "2025", "demonstration": {
                       "provider": reference, "technology": "Solar pumps", "recipient_country": "TH"}}),
        ),
        ("program", "local_partner") => post(
            "/api/v1/programs",
            json!({"program_type": "demonstration_project", "name_latin": "Probe demonstration",
                   "organizer": "TPA", "start": "2025", "demonstration": {
                       "provider": "TPA", "local_partner": reference, "technology": "Solar pumps",
                       "recipient_country": "TH"}}),
        ),
        ("cohort", "program") => post(
            &format!("/api/v1/programs/{reference}/cohorts"),
            json!({"name": "Probe cohort", "start": "2025-10-01"}),
        ),
        ("participation", "person") => post(
            "/api/v1/participations",
            json!({"person": reference, "program": records.program, "role": "intern", "applied_on": "2025-01-15"}),
        ),
        ("participation", "program") => post(
            "/api/v1/participations",
            json!({"person": person, "program": reference, "role": "intern", "applied_on": "2025-01-15"}),
        ),
        ("participation", "cohort") => post(
            "/api/v1/participations",
            json!({"person": person, "program": records.program, "cohort": reference,
                   "role": "intern", "applied_on": "2025-01-15"}),
        ),
        ("participation", "host") => post(
            "/api/v1/participations",
            json!({"person": person, "program": records.program, "host": reference,
                   "role": "intern", "applied_on": "2025-01-15"}),
        ),
        ("placement", "supervising") => post(
            &format!(
                "/api/v1/participations/{}/placements",
                records.titp_participation
            ),
            json!({"phase": "i", "start": "2020-04-01", "end": "2021-03-31", "supervising": reference,
                   "implementing": "TPA", "job_category": "machining"}),
        ),
        ("placement", "implementing") => post(
            &format!(
                "/api/v1/participations/{}/placements",
                records.titp_participation
            ),
            json!({"phase": "ii", "start": "2021-04-01", "end": "2023-03-31", "supervising": "TPA",
                   "implementing": reference, "job_category": "machining"}),
        ),
        ("outcome", "organization") => post(
            &format!(
                "/api/v1/participations/{}/outcomes",
                records.completed_participation
            ),
            json!({"kind": "employed", "on": "2024-01", "organization": reference}),
        ),
        ("need", "posted_by") => post(
            "/api/v1/needs",
            json!({"kind": "expertise", "title": "Probe need", "skills": ["kaizen"], "posted_by": reference}),
        ),
        ("offer", "provider") => post(
            "/api/v1/offers",
            json!({"kind": "technology", "title": "Probe technology", "readiness": 5, "keywords": ["probe"], "provider": reference}),
        ),
        ("match", "candidate") => post(
            &format!("/api/v1/needs/{}/matches", records.need),
            json!({"candidate": reference}),
        ),
        ("lesson", field) => {
            let mut body = json!({"title": "Probe lesson", "language": "en",
                                  "practice": "Kaizen", "adaptation": "Weekly, in Thai"});
            body[field] = if field == "people" {
                json!([reference])
            } else {
                json!(reference)
            };
            post("/api/v1/lessons", body)
        }
        ("question", "asked_by") => post(
            "/api/v1/questions",
            json!({"title": "Probe question", "language": "en", "asked_by": reference}),
        ),
        ("answer", "answered_by") => post(
            &format!("/api/v1/questions/{}/answers", records.question),
            json!({"body": "Probe answer", "language": "en", "answered_by": reference}),
        ),
        (write, field) => panic!("no probe for {write}.{field}: add one to this test"),
    }
}

/// What an answer says, with the id named replaced, so that answers about
/// two ids can be compared.
fn answer(status: StatusCode, body: &Value, reference: &str) -> String {
    format!("{status} {body}").replace(reference, "{id}")
}

async fn a_record_one_may_not_read_is_named_as_an_unknown_one(app: &TestApp) {
    let records = records(app).await;
    let mut probed = 0;
    for fields in REFERENCE_FIELDS {
        for field in *fields {
            for &kind in field.kinds {
                let private = &records.private.iter().find(|(k, _)| *k == kind).unwrap().1;
                let unknown = kyoso_domain::Uid::new().to_string();
                let Some((method, path, body)) = probe(&records, field, kind, private) else {
                    continue;
                };
                let (status, said) = app.send(method.clone(), &path, "officer", &body).await;
                assert!(
                    status.is_client_error(),
                    "{}.{} naming AOTS's private {kind} was accepted: {status} {said}",
                    field.write,
                    field.field
                );
                let (method, path, body) = probe(&records, field, kind, &unknown).unwrap();
                let (unknown_status, unknown_said) =
                    app.send(method, &path, "officer", &body).await;
                assert!(
                    said.to_string().contains(private.as_str()) || status == StatusCode::NOT_FOUND,
                    "{}.{}: the refusal is not about the record named: {said}",
                    field.write,
                    field.field
                );
                assert_eq!(
                    answer(status, &said, private),
                    answer(unknown_status, &unknown_said, &unknown),
                    "{}.{} answers a private {kind} unlike an unknown one",
                    field.write,
                    field.field
                );
                probed += 1;
            }
        }
    }
    assert!(probed >= 20, "only {probed} probes ran");

    // The same writes naming records the officer may read go through (but
    // for an introduction, whose candidate must be one the ranking finds).
    for fields in REFERENCE_FIELDS {
        for field in *fields {
            if (field.write, field.field) == ("match", "candidate") {
                continue;
            }
            let kind = field.kinds[field.kinds.len() - 1];
            let readable = &records.readable.iter().find(|(k, _)| *k == kind).unwrap().1;
            let Some((method, path, body)) = probe(&records, field, kind, readable) else {
                continue;
            };
            let (status, said) = app.send(method, &path, "officer", &body).await;
            assert!(
                status.is_success(),
                "{}.{} naming a readable {kind}: {status} {said}",
                field.write,
                field.field
            );
        }
    }
}

mod cases {
    use super::*;
    on_every_engine!(a_record_one_may_not_read_is_named_as_an_unknown_one);
}
