//! The OpenAPI document as served: the handlers' annotations (`openapi.rs`)
//! completed with what they cannot say by themselves, in one place, so that
//! the document says exactly what is valid.
//!
//! - Fields are named the same in files, forms and the API, so a field's
//!   rule is stated once, by its name: countries and sectors as their code
//!   lists, keywords as the domain's enums, dates, references and texts as
//!   patterns and lengths. The code lists come from `kyoso_domain`, the
//!   same ones the parsers check against.
//! - Every operation lists every status it can answer: its successes from
//!   its annotation, and the catalogued errors its kind of request can meet
//!   (a body: 413, 415, 422; an id in the path: 404; ...).
//! - Every request body carries an example that is valid on the
//!   demonstration network.

use std::sync::OnceLock;

use kyoso_domain::{
    CountryCode, DevelopmentStage, EntityKind, Event, EventKind, FollowUpChannel, FollowUpStatus,
    FundingSource, Gender, GrievanceCategory, GrievanceStatus, JourneyState, LanguageCode, Lesson,
    MatchOutcome, MatchStatus, Need, NeedKind, Offer, OfferKind, OrganisationType, OutcomeKind,
    ParticipantRole, Person, ProgramType, SectorCode, Seek, Skill, TieKind, TitpPhase,
    TranslationStatus, Visibility, WebAddress, codelist,
};
use serde_json::{Map, Value, json};
use utoipa::OpenApi;

use crate::openapi::ApiDoc;

/// The document, built once.
pub(crate) fn document() -> &'static Value {
    static DOCUMENT: OnceLock<Value> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or(Value::Null);
        complete(&mut doc);
        doc
    })
}

fn complete(doc: &mut Value) {
    if let Some(schemas) = doc
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        for (name, schema) in schemas.iter_mut() {
            complete_schema(name, schema);
        }
        schemas.insert("RecordRef".into(), record_ref());
    }
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for (method, operation) in item.iter_mut() {
            complete_operation(path, method, operation);
        }
    }
}

// --- values, by field name ---

/// A string whose values are `values`; nullable if `nullable`.
fn one_of(values: Vec<String>, nullable: bool) -> Value {
    let mut values: Vec<Value> = values.into_iter().map(Value::String).collect();
    if nullable {
        values.push(Value::Null);
        json!({"type": ["string", "null"], "enum": values})
    } else {
        json!({"type": "string", "enum": values})
    }
}

fn keywords<T>(all: &[T], as_str: fn(&T) -> &'static str) -> Vec<String> {
    all.iter().map(|k| as_str(k).to_owned()).collect()
}

fn countries() -> Vec<String> {
    codelist::countries()
        .items()
        .iter()
        .filter(|c| CountryCode::parse(&c.code).is_ok())
        .map(|c| c.code.clone())
        .collect()
}

fn sectors() -> Vec<String> {
    codelist::sectors()
        .items()
        .iter()
        .filter(|c| SectorCode::parse(&c.code).is_ok())
        .map(|c| c.code.clone())
        .collect()
}

/// ISO 639-1 codes kyoso knows.
fn languages() -> Vec<String> {
    codelist::languages()
        .items()
        .iter()
        .filter(|c| LanguageCode::parse(&c.code).is_ok())
        .map(|c| c.code.clone())
        .collect()
}

fn organisation_types() -> Vec<String> {
    codelist::organisation_types()
        .items()
        .iter()
        .filter(|c| OrganisationType::parse(&c.code).is_ok())
        .map(|c| c.code.clone())
        .collect()
}

/// `language:level`: Japanese by JLPT or native, others by CEFR or native;
/// `must` allows a need's form: up to three joined by `|` (any one will
/// do) and the trailing `!` of a requirement that must hold.
fn language_pattern(must: bool) -> String {
    let others: Vec<String> = codelist::languages()
        .items()
        .iter()
        .filter(|c| c.code != "ja" && LanguageCode::parse(&c.code).is_ok())
        .map(|c| c.code.clone())
        .collect();
    let one = format!(
        "(ja:(native|N[1-5])|({}):(native|[ABC][12]))",
        others.join("|")
    );
    if must {
        // A need's requirement: up to three of which any one will do.
        format!("^{one}(\\|{one}){{0,2}}!?$")
    } else {
        format!("^{one}$")
    }
}

/// One line of text: no control character, not blank.
fn line(max: usize) -> Value {
    json!({"type": "string", "minLength": 1, "maxLength": max, "pattern": "^[^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f][^\\u0000-\\u001f\\u007f]*$"})
}

/// Text of several lines.
fn lines(max: usize) -> Value {
    json!({"type": "string", "minLength": 1, "maxLength": max, "pattern": "\\S"})
}

const DATE: &str = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";
const DAY: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";

/// A record named by its id or external id.
fn record_ref() -> Value {
    json!({
        "type": "string", "minLength": 1, "maxLength": 128,
        "pattern": "^[^\\s\\u0000-\\u001f\\u007f]([^\\u0000-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f])?$",
        "description": "A record's id (UUID) or external id, e.g. \"TPA\"",
        "example": "TPA"
    })
}

/// What may be sought: every [`Seek`], and the words earlier versions
/// wrote for some, still read.
fn seek_words() -> Vec<String> {
    let mut words = keywords(Seek::ALL, Seek::as_str);
    words.extend(
        Seek::EARLIER_WORDS
            .iter()
            .map(|(word, _)| (*word).to_owned()),
    );
    words
}

/// The rule of a field, by its name (and the schema it is in, where the
/// name alone does not say).
fn field_rule(schema: &str, field: &str) -> Option<Value> {
    let skill = {
        let mut rule = line(Skill::MAX_CHARS);
        rule["pattern"] = json!(
            "^[^;\\u0000-\\u001f\\u007f]*[^;\\s\\u0000-\\u001f\\u007f][^;\\u0000-\\u001f\\u007f]*$"
        );
        rule
    };
    let rule = match (schema, field) {
        ("LessonBody" | "QuestionBody", "sectors") => {
            json!({"type": "array", "items": one_of(sectors(), false), "maxItems": Lesson::<()>::MAX_SECTORS, "uniqueItems": true})
        }
        ("LessonBody" | "QuestionBody" | "AnswerBody", "language") => one_of(languages(), false),
        ("TranslationBody", "language") => one_of(languages(), true),
        ("TranslationBody", "status") => {
            one_of(keywords(&TranslationStatus::ALL, |t| t.as_str()), false)
        }
        ("TranslationBody", "practice" | "adaptation") => lines(4000),
        ("TranslationBody", "context" | "result") => nullable(lines(4000)),
        ("LessonBody", "technology") => json!({"$ref": "#/components/schemas/RecordRef"}),
        ("LessonBody", "people") => {
            json!({"type": "array", "items": {"$ref": "#/components/schemas/RecordRef"}, "maxItems": Lesson::<()>::MAX_PEOPLE})
        }
        ("LessonBody", "practice" | "adaptation") | ("AnswerBody", "body") => lines(4000),
        ("LessonBody", "context" | "result") | ("QuestionBody", "body") => nullable(lines(4000)),
        ("QuestionBody", "visibility") => one_of(vec!["network".into(), "public".into()], true),
        ("AcceptBody", "answer") => json!({"type": "string", "format": "uuid"}),
        (_, "residence" | "nationality" | "country") => one_of(countries(), true),
        (_, "recipient_country") => one_of(countries(), false),
        ("OfferBody", "countries") => {
            json!({"type": "array", "items": one_of(countries(), false), "maxItems": Offer::<()>::MAX_COUNTRIES, "uniqueItems": true})
        }
        (_, "countries") => {
            json!({"type": "array", "items": one_of(countries(), false), "uniqueItems": true})
        }
        ("NeedBody", "located_in") => {
            json!({"type": "array", "items": one_of(countries(), false), "maxItems": Need::<()>::MAX_LOCATED_IN, "uniqueItems": true})
        }
        ("PersonJson", "experience_countries") => {
            json!({"type": "array", "items": one_of(countries(), false), "maxItems": Person::MAX_EXPERIENCE_COUNTRIES, "uniqueItems": true})
        }
        ("NeedBody", "sectors") => {
            json!({"type": "array", "items": one_of(sectors(), false), "maxItems": Need::<()>::MAX_SECTORS, "uniqueItems": true})
        }
        ("OfferBody", "sectors") => {
            json!({"type": "array", "items": one_of(sectors(), false), "maxItems": Offer::<()>::MAX_SECTORS, "uniqueItems": true})
        }
        (_, "sectors") => {
            json!({"type": "array", "items": one_of(sectors(), false), "maxItems": Person::MAX_SECTORS, "uniqueItems": true})
        }
        (_, "org_type") => one_of(organisation_types(), false),
        (_, "visibility") => one_of(keywords(Visibility::ALL, Visibility::as_str), true),
        (_, "gender") => one_of(keywords(Gender::ALL, Gender::as_str), true),
        ("PersonJson", "languages") => {
            json!({"type": "array", "items": {"type": "string", "pattern": language_pattern(false)}, "maxItems": Person::MAX_LANGUAGES})
        }
        ("CohortBody", "languages") => {
            json!({"type": "array", "items": {"type": "string", "pattern": language_pattern(false)}, "maxItems": kyoso_domain::Cohort::<()>::MAX_LANGUAGES})
        }
        ("OfferBody", "languages") => {
            json!({"type": "array", "items": {"type": "string", "pattern": language_pattern(false)}, "maxItems": kyoso_domain::Offer::<()>::MAX_LANGUAGES})
        }
        ("CohortBody", "mode") | ("NeedBody", "course_mode") => one_of(
            keywords(
                kyoso_domain::CourseMode::ALL,
                kyoso_domain::CourseMode::as_str,
            ),
            true,
        ),
        ("NeedBody", "languages") => {
            json!({"type": "array", "items": {"type": "string", "pattern": language_pattern(true)}, "maxItems": Need::<()>::MAX_LANGUAGES})
        }
        ("PersonJson", "skills") => {
            json!({"type": "array", "items": skill, "maxItems": Person::MAX_SKILLS})
        }
        ("OfferBody", "keywords") => {
            json!({"type": "array", "items": skill, "maxItems": Offer::<()>::MAX_KEYWORDS})
        }
        (_, "skills" | "required_skills" | "keywords") => {
            json!({"type": "array", "items": skill, "maxItems": Need::<()>::MAX_SKILLS})
        }
        (_, "sdgs") => {
            json!({"type": "array", "items": {"type": "string", "pattern": "^([1-9]|1[0-7])(\\.([1-9][0-9]?|[a-g]))?$"}, "uniqueItems": true})
        }
        (_, "email") => json!({"type": ["string", "null"], "format": "email", "maxLength": 254}),
        (_, "phone") => json!({"type": ["string", "null"], "pattern": "^[0-9 +\\-().]{5,40}$"}),
        // As `WebAddress::parse` reads it: letters of any script, none of
        // the characters no address holds.
        (_, "website") => json!({
            "type": ["string", "null"],
            "maxLength": WebAddress::MAX_CHARS,
            "pattern": "^https?://[^\\s/?#\"<>\\\\^`{}|\\u0000-\\u001f\\u007f]+([/?#][^\\s\"<>\\\\^`{}|\\u0000-\\u001f\\u007f]*)?$"
        }),
        (_, "name_native" | "name_latin" | "name_japanese") => nullable(line(200)),
        (_, "acronym") => nullable(line(30)),
        (_, "title" | "technology" | "job_category" | "name") => line(200),
        (_, "bio" | "description" | "note" | "findings" | "actions" | "reason" | "results") => {
            nullable(lines(4000))
        }
        (_, "capacity" | "role") if schema != "ParticipationBody" => nullable(line(200)),
        (_, "external_id") => nullable(line(128)),
        (_, "start" | "end" | "due" | "reached") if schema != "PlacementBody" => {
            json!({"type": ["string", "null"], "pattern": DATE, "example": "2025-04"})
        }
        ("PlacementBody", "start" | "end")
        | (
            _,
            "raised_on" | "deadline" | "applied_on" | "apply_by" | "available_from"
            | "available_by",
        ) => {
            json!({"type": ["string", "null"], "format": "date", "pattern": DAY})
        }
        ("OutcomeBody", "on") => json!({"type": "string", "pattern": DATE}),
        (_, "on") => json!({"type": ["string", "null"], "format": "date", "pattern": DAY}),
        (
            _,
            "owner" | "parent" | "organizer" | "provider" | "local_partner" | "person" | "program"
            | "cohort" | "host" | "supervising" | "implementing" | "organization" | "posted_by"
            | "from" | "to" | "candidate" | "asked_by" | "answered_by" | "event",
        ) if schema.ends_with("Body") && schema != "JourneyBody"
            || matches!(
                schema,
                "PersonJson" | "OrganizationJson" | "TieJson" | "EventJson"
            ) =>
        {
            json!({"$ref": "#/components/schemas/RecordRef"})
        }
        (_, "partners") => {
            json!({"type": "array", "items": {"$ref": "#/components/schemas/RecordRef"}})
        }
        ("TieJson", "kind") => one_of(keywords(TieKind::ALL, TieKind::as_str), false),
        ("TieJson", "from_type" | "to_type") => {
            one_of(keywords(EntityKind::ALL, EntityKind::as_str), true)
        }
        ("TieJson", "strength") => json!({"type": ["number", "null"], "minimum": 0, "maximum": 1}),
        ("EventJson", "kind") => one_of(keywords(EventKind::ALL, EventKind::as_str), false),
        ("EventJson", "place") => nullable(line(Event::<()>::MAX_PLACE_CHARS)),
        ("NeedBody", "kind") => one_of(keywords(NeedKind::ALL, NeedKind::as_str), false),
        ("OfferBody", "kind") => one_of(keywords(OfferKind::ALL, OfferKind::as_str), false),
        ("OfferBody" | "NeedBody", "seeks") => {
            json!({"type": "array", "items": one_of(seek_words(), false), "uniqueItems": true})
        }
        ("NeedBody", "investment_usd")
        | ("OfferBody", "invests_from_usd" | "invests_up_to_usd") => {
            json!({"type": ["integer", "null"], "minimum": 0, "maximum": kyoso_domain::MAX_USD})
        }
        ("NeedBody", "deployed") => {
            let mut places = vec!["abroad".to_owned()];
            places.extend(countries());
            one_of(places, true)
        }
        ("OfferBody", "readiness") | ("NeedBody", "min_readiness") => {
            json!({"type": ["integer", "null"], "minimum": 1, "maximum": 9})
        }
        ("ProgramBody", "program_type") => {
            one_of(keywords(ProgramType::ALL, ProgramType::as_str), false)
        }
        ("ProgramBody", "stage") => one_of(
            keywords(DevelopmentStage::ALL, DevelopmentStage::as_str),
            true,
        ),
        ("FunderBody", "source") => {
            one_of(keywords(FundingSource::ALL, FundingSource::as_str), false)
        }
        ("BudgetBody", "currency") => json!({"type": "string", "pattern": "^[A-Za-z]{3}$"}),
        ("BudgetBody", "amount") => json!({"type": "integer", "minimum": 0}),
        ("CohortBody", "capacity") => json!({"type": ["integer", "null"], "minimum": 1}),
        ("ParticipationBody", "role") => one_of(
            keywords(ParticipantRole::ALL, ParticipantRole::as_str),
            false,
        ),
        ("PlacementBody", "phase") => one_of(keywords(TitpPhase::ALL, TitpPhase::as_str), false),
        ("GrievanceBody", "category") => one_of(
            keywords(GrievanceCategory::ALL, GrievanceCategory::as_str),
            false,
        ),
        ("GrievanceEventBody", "status") => one_of(
            keywords(GrievanceStatus::ALL, GrievanceStatus::as_str),
            true,
        ),
        ("FollowUpBody", "channel") => one_of(
            keywords(FollowUpChannel::ALL, FollowUpChannel::as_str),
            false,
        ),
        ("FollowUpBody", "status") => {
            one_of(keywords(FollowUpStatus::ALL, FollowUpStatus::as_str), false)
        }
        ("OutcomeBody", "kind") => one_of(keywords(OutcomeKind::ALL, OutcomeKind::as_str), false),
        ("OutcomeBody", "jobs_created" | "people_supported") => {
            json!({"type": ["integer", "null"], "minimum": 0})
        }
        ("MoveBody", "status") => one_of(keywords(MatchStatus::ALL, MatchStatus::as_str), false),
        ("MoveBody", "outcome") => one_of(keywords(MatchOutcome::ALL, MatchOutcome::as_str), true),
        ("NeedStatusBody", "status") => one_of(
            vec!["open".into(), "matched".into(), "closed".into()],
            false,
        ),
        ("JourneyBody", "action") => one_of(vec!["move".into(), "retract".into()], false),
        ("JourneyBody", "to") => one_of(keywords(JourneyState::ALL, JourneyState::as_str), true),
        ("JourneyBody", "entry") => json!({"type": ["integer", "null"], "minimum": 1}),
        _ => return None,
    };
    Some(rule)
}

fn nullable(mut rule: Value) -> Value {
    rule["type"] = json!(["string", "null"]);
    rule
}

/// Fields kyoso sets: shown in answers, never sent.
const READ_ONLY: &[&str] = &["id", "created_at", "updated_at", "asserted_at"];

fn complete_schema(name: &str, schema: &mut Value) {
    let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
        return;
    };
    let is_record = matches!(
        name,
        "PersonJson" | "OrganizationJson" | "TieJson" | "EventJson"
    );
    for (field, property) in properties.iter_mut() {
        let description = property.get("description").cloned();
        if is_record && READ_ONLY.contains(&field.as_str()) {
            property["readOnly"] = json!(true);
            continue;
        }
        if let Some(mut rule) = field_rule(name, field) {
            if let (Some(description), Some(rule)) = (description, rule.as_object_mut()) {
                rule.insert("description".into(), description);
            }
            *property = rule;
        }
    }
    if name == "PersonJson" {
        // One of the two names is required.
        schema["anyOf"] = json!([
            {"required": ["name_native"], "properties": {"name_native": {"type": "string"}}},
            {"required": ["name_latin"], "properties": {"name_latin": {"type": "string"}}}
        ]);
    }
    if name == "OrganizationJson" || name == "EventJson" {
        schema["anyOf"] = json!([
            {"required": ["name_native"], "properties": {"name_native": {"type": "string"}}},
            {"required": ["name_latin"], "properties": {"name_latin": {"type": "string"}}}
        ]);
    }
    if let Some(example) = example(name) {
        schema["example"] = example;
    }
}

/// A body valid on the demonstration network, for each body schema.
fn example(schema: &str) -> Option<Value> {
    Some(match schema {
        "PersonJson" => json!({
            "name_latin": "Somchai Prasert", "name_native": "สมชาย ประเสริฐ",
            "gender": "male", "residence": "TH", "nationality": "TH",
            "languages": ["th:native", "ja:N2", "en:B2"], "skills": ["kaizen", "welding"],
            "sectors": ["32120"], "available_mentoring": true, "email": "somchai@example.org",
            "consent_processing": true, "visibility": "network"
        }),
        "OrganizationJson" => json!({
            "name_latin": "Chiang Mai Weavers' Cooperative", "org_type": "22", "country": "TH",
            "sectors": ["32130"], "parent": "TPA", "visibility": "network"
        }),
        "TieJson" => json!({
            "kind": "member_of", "from_type": "organization", "from": "TNI",
            "to_type": "organization", "to": "TPA", "start": "2007", "visibility": "network"
        }),
        "EventJson" => json!({
            "name_latin": "Kaizen Forum Bangkok", "name_native": "เวทีไคเซ็น กรุงเทพฯ",
            "kind": "seminar", "start": "2026-11-05", "end": "2026-11-06", "place": "Bangkok",
            "country": "TH", "organizer": "TPA", "visibility": "network"
        }),
        "ProgramBody" => json!({
            "program_type": "training_in_japan", "name_latin": "Kaizen for Thai SMEs",
            "organizer": "TPA", "partners": ["AOTS"], "funders": [{"organization": "AOTS", "source": "oda"}],
            "countries": ["TH"], "sectors": ["32120"], "sdgs": ["8", "9.2"],
            "start": "2025-04", "end": "2026-03", "budget": {"amount": 12000000, "currency": "JPY"},
            "visibility": "network"
        }),
        "CohortBody" => json!({"name": "2025 spring", "start": "2025-04-07", "capacity": 20}),
        "ParticipationBody" => json!({
            "person": "DEMO-P-0000001", "program": "AOTS-KAIZEN-1972", "role": "trainee",
            "applied_on": "2025-01-15"
        }),
        "JourneyBody" => {
            json!({"action": "move", "to": "selected", "on": "2025-02-01", "note": "passed the interview"})
        }
        "PlacementBody" => json!({
            "phase": "i", "start": "2025-04-01", "end": "2026-03-31", "supervising": "AOTS",
            "implementing": "TNI", "job_category": "machining (lathe)"
        }),
        "VisitBody" => {
            json!({"on": "2025-10-05", "findings": "Overtime records incomplete", "actions": "Keep daily time sheets"})
        }
        "GrievanceBody" => {
            json!({"category": "working_hours", "description": "Overtime in March was not paid"})
        }
        "GrievanceEventBody" => {
            json!({"status": "in_progress", "note": "Spoke with the host company"})
        }
        "FollowUpBody" => {
            json!({"on": "2025-12-01", "channel": "phone", "status": "reached", "note": "Running a parts workshop"})
        }
        "OutcomeBody" => {
            json!({"kind": "employed", "on": "2025-11", "organization": "TNI", "japanese_affiliated": true})
        }
        "NeedBody" => json!({
            "kind": "expertise", "title": "Lean automation for a Thai SME",
            "description": "A coach for our press line", "skills": ["lean manufacturing", "kaizen"],
            "sectors": ["32120"], "country": "TH", "languages": ["th:B2", "ja:N3"], "visibility": "network"
        }),
        "OfferBody" => json!({
            "kind": "technology", "title": "Compact membrane bioreactor",
            "description": "Wastewater treatment for towns of 500 to 5,000 people",
            "keywords": ["wastewater treatment"], "sectors": ["14022"], "sdgs": ["6.3"], "readiness": 8,
            "countries": ["VN"], "seeks": ["licence", "demonstration"], "visibility": "network"
        }),
        "LessonBody" => json!({
            "title": "5S in a Vietnamese seafood plant", "language": "en",
            "practice": "5S as a Japanese press shop runs it: red tags, daily sweeps, a monthly audit.",
            "adaptation": "Red tags became photos on a shared board; each shift audits another's line.",
            "context": "A plant of 400 workers on three shifts, cold and wet floors.",
            "result": "Slips fell by half in six months; changeovers took 20 minutes less.",
            "country": "VN", "sectors": ["31320"], "organization": "TPA", "visibility": "network"
        }),
        "QuestionBody" => json!({
            "title": "Who can repair a Fanuc controller near Hanoi?", "language": "en",
            "body": "Our 2004 lathe stops with alarm 401.", "country": "VN",
            "asked_by": "DEMO-P-0000001", "visibility": "network"
        }),
        "AnswerBody" => json!({
            "body": "A returned trainee in Bac Ninh repairs them; ask the alumni society.",
            "language": "en", "answered_by": "DEMO-P-0000002"
        }),
        "TranslationBody" => json!({
            "status": "translated",
            "title": "ベトナムの水産加工場での5S",
            "practice": "日本のプレス工場の5S：赤札、毎日の清掃、月一回の監査。",
            "adaptation": "赤札の代わりに共有ボードの写真を使い、各シフトが別のシフトのラインを監査する。"
        }),
        "AcceptBody" => json!({"answer": "0190f3a2-7c4e-7d3a-9b1e-2f6d8c4a5b10"}),
        "NeedStatusBody" => json!({"status": "closed"}),
        "ProposeBody" => json!({"candidate": "DEMO-P-0000001"}),
        "MoveBody" => json!({"status": "introduced", "note": "introduced by email"}),
        "ErasureDecisionBody" => {
            json!({"decision": "postpone", "reason": "The funder keeps the records until the final report in March."})
        }
        _ => return None,
    })
}

// --- operations ---

/// A query parameter's rule, by name (and path where the name alone does
/// not say).
fn parameter_rule(path: &str, name: &str) -> Option<Value> {
    Some(match (path, name) {
        (_, "limit")
            if ["/needs", "/offers", "/lessons", "/questions"]
                .iter()
                .any(|list| path.ends_with(list)) =>
        {
            json!({"type": "integer", "minimum": 1, "maximum": 500})
        }
        (_, "limit") => json!({"type": "integer", "minimum": 1, "maximum": 200}),
        (_, "after") => json!({"type": "string", "pattern": "^[0-9]+$"}),
        (_, "before") => json!({"type": "integer", "minimum": 1}),
        (_, "country") => one_of(countries(), false),
        (_, "sector") => one_of(sectors(), false),
        (_, "type") => one_of(organisation_types(), false),
        (_, "skill") => field_rule("", "skills")?["items"].clone(),
        (p, "language") if p.contains("/translations/") => one_of(languages(), false),
        (_, "language") => json!({"type": "string", "pattern": "^[a-z]{2}$"}),
        (_, "level") => json!({"type": "string", "pattern": "^(native|N[1-5]|[ABC][12])$"}),
        (_, "q") => line(kyoso_domain::Text::MAX_QUERY_CHARS),
        (_, "as_of") => json!({"type": "string", "format": "date", "pattern": DAY}),
        (p, "from" | "to") if p.contains("/network/path") => {
            json!({"type": "string", "format": "uuid"})
        }
        (_, "organization" | "parent" | "end" | "organizer" | "posted_by" | "provider") => {
            json!({"type": "string", "format": "uuid"})
        }
        (_, "lang") => one_of(
            vec!["en".into(), "ja".into(), "th".into(), "vi".into()],
            false,
        ),
        (p, "top") if p.contains("/matches") => {
            json!({"type": "integer", "minimum": 1, "maximum": 100})
        }
        (_, "top") => json!({"type": "integer", "minimum": 1, "maximum": 200}),
        (_, "k") => json!({"type": "integer", "minimum": 1, "maximum": 10}),
        (_, "samples") => json!({"type": "integer", "minimum": 1, "maximum": 1024}),
        (_, "interval") => one_of(vec!["month".into(), "year".into()], false),
        (_, "months") => json!({"type": "integer", "minimum": 1, "maximum": 60}),
        (_, "mode") => one_of(vec!["optimal".into(), "stable".into()], false),
        (_, "min_readiness") => json!({"type": "integer", "minimum": 1, "maximum": 9}),
        (p, "kind") if p.ends_with("/needs") => {
            one_of(keywords(NeedKind::ALL, NeedKind::as_str), false)
        }
        (p, "kind") if p.ends_with("/offers") => {
            one_of(keywords(OfferKind::ALL, OfferKind::as_str), false)
        }
        (p, "kind") if p.ends_with("/ties") => {
            one_of(keywords(TieKind::ALL, TieKind::as_str), false)
        }
        (p, "status") if p.ends_with("/needs") => one_of(
            vec![
                "open".into(),
                "matched".into(),
                "closed".into(),
                "expired".into(),
            ],
            false,
        ),
        (_, "seeks") => one_of(seek_words(), false),
        (_, "open") => one_of(vec!["true".into(), "false".into()], false),
        (_, "id") => json!({"type": "string", "format": "uuid"}),
        _ => return None,
    })
}

fn error(description: &str) -> Value {
    json!({
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
    })
}

fn complete_operation(path: &str, method: &str, operation: &mut Value) {
    let has_body = operation.get("requestBody").is_some();
    let mut has_query = false;
    let mut has_path_id = false;
    if let Some(parameters) = operation
        .get_mut("parameters")
        .and_then(Value::as_array_mut)
    {
        for parameter in parameters.iter_mut() {
            let name = parameter["name"].as_str().unwrap_or_default().to_owned();
            match parameter["in"].as_str() {
                Some("query") => has_query = true,
                Some("path") => has_path_id = true,
                _ => {}
            }
            if let Some(rule) = parameter_rule(path, &name) {
                parameter["schema"] = rule;
            }
            if path.contains("/network/path") && (name == "from" || name == "to") {
                parameter["required"] = json!(true);
            }
        }
    }
    let is_write = method != "get";
    let signed_in_only = operation
        .get("security")
        .and_then(Value::as_array)
        .is_some_and(|s| !s.iter().any(|r| r.as_object().is_some_and(Map::is_empty)));
    let Some(responses) = operation
        .get_mut("responses")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    responses.remove("4XX");
    let mut add = |status: &str, description: &str| {
        responses
            .entry(status.to_owned())
            .or_insert_with(|| error(description));
    };
    if path.starts_with("/api/") {
        add(
            "401",
            "unauthenticated: the bearer token is unknown, expired or revoked (or, where one is needed, missing)",
        );
        add("408", "timeout: the request took too long");
        add("500", "internal: something failed on the server's side");
    }
    if has_query || has_body {
        add(
            "400",
            "bad_request: a query parameter or the body is not of the type it must be",
        );
        add(
            "422",
            "invalid_field: a value breaks a rule; `field` names it",
        );
    }
    if has_body {
        add("413", "payload_too_large: the body is over the limit");
        add(
            "415",
            "unsupported_media_type: send Content-Type: application/json",
        );
    }
    if has_path_id {
        add(
            "404",
            "not_found: no such record, or one the caller may not read",
        );
    }
    if is_write || signed_in_only {
        add("403", "forbidden: the caller may read this but not do it");
    }
    if is_write && method != "put" {
        add(
            "409",
            "conflict: the record is in a state that refuses this, or still used by others",
        );
    }
    if path.contains("/network/") || path.ends_with("/matches") && method == "get" {
        add("403", "forbidden: the caller may read this but not do it");
    }
    if path.contains("/network/path") {
        add(
            "404",
            "not_found: no such record, or one the caller may not read",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_states_its_errors_and_every_body_an_example() {
        let doc = document();
        let mut operations = 0;
        for (path, item) in doc["paths"].as_object().unwrap() {
            for (method, operation) in item.as_object().unwrap() {
                operations += 1;
                let responses = operation["responses"].as_object().unwrap();
                assert!(!responses.contains_key("4XX"), "{method} {path}");
                if path.starts_with("/api/") {
                    for status in ["401", "500"] {
                        assert!(responses.contains_key(status), "{method} {path} {status}");
                    }
                }
                if let Some(schema) =
                    operation.pointer("/requestBody/content/application~1json/schema/$ref")
                {
                    let name = schema.as_str().unwrap().rsplit('/').next().unwrap();
                    assert!(
                        doc["components"]["schemas"][name]["example"].is_object(),
                        "{method} {path}: no example for {name}"
                    );
                }
            }
        }
        assert!(operations >= 85, "{operations}");
    }

    #[test]
    fn code_lists_become_enums() {
        let doc = document();
        let person = &doc["components"]["schemas"]["PersonJson"]["properties"];
        assert!(person["residence"]["enum"].as_array().unwrap().len() > 240);
        assert!(person["sectors"]["items"]["enum"].as_array().unwrap().len() > 250);
        assert_eq!(person["id"]["readOnly"], true);
        let pattern = person["languages"]["items"]["pattern"].as_str().unwrap();
        assert!(
            pattern.starts_with("^(ja:(native|N[1-5])|(aa|ab|"),
            "{pattern}"
        );
    }
}
