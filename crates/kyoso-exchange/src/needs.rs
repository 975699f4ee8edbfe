//! Needs and offers as JSON objects (the API's bodies, and files of them):
//! every field checked, every fault named.

use kyoso_domain::{
    CountryCode, CourseMode, Deployment, Incoming, LanguageRequirement, LanguageSkill, Need,
    NeedKind, Offer, OfferKind, PartialDate, Readiness, RecordRef, RowError, SdgTarget, SectorCode,
    Seek, Skill, Text, Visibility, normalize_set, parse_usd,
};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::fields::Fields;
use crate::parse::{BodyField, body_record};
use crate::{Defaults, FieldFaults, Record, from_object};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NeedFile {
    kind: Option<String>,
    posted_by: Option<String>,
    title: Option<String>,
    description: Option<String>,
    #[serde(default)]
    skills: Vec<String>,
    #[serde(default)]
    required_skills: Vec<String>,
    #[serde(default)]
    sectors: Vec<String>,
    country: Option<String>,
    #[serde(default)]
    require_country: bool,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    require_available: bool,
    /// A number in JSON, or text ("7", "TRL 7") from a form.
    min_readiness: Option<Value>,
    deployed: Option<String>,
    #[serde(default)]
    seeks: Vec<String>,
    /// A number in JSON, or text ("2,500,000") from a form.
    investment_usd: Option<Value>,
    course_mode: Option<String>,
    #[serde(default)]
    located_in: Vec<String>,
    available_by: Option<String>,
    deadline: Option<String>,
    visibility: Option<String>,
}

/// A level or an amount as JSON carries it: a number, or text ("TRL 7",
/// "2,500,000") from a form.
fn number_text(value: &Option<Value>) -> Option<String> {
    match value {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => Some(other.to_string()),
    }
}

/// Reads a need. `posted_by` is `None` when the object names no poster
/// (the caller posts it).
pub fn need_from_json(
    object: Map<String, Value>,
    line: u64,
) -> Result<Need<Option<RecordRef>>, Vec<RowError>> {
    let body: NeedFile = from_object(object, line)?;
    let mut f = FieldFaults::new(line);
    let kind = f.required("kind", body.kind.as_deref(), |s| s.parse::<NeedKind>());
    let posted_by = f.value("posted_by", body.posted_by.as_deref(), RecordRef::parse);
    let title = f.required("title", body.title.as_deref(), |s| {
        Text::line(s, Need::<()>::MAX_TITLE_CHARS)
    });
    let description = f.value("description", body.description.as_deref(), |s| {
        Text::multiline(s, Need::<()>::MAX_DESCRIPTION_CHARS)
    });
    let skills = set(
        &mut f,
        "skills",
        &body.skills,
        Skill::parse,
        Need::<()>::MAX_SKILLS,
    );
    let required_skills = set(
        &mut f,
        "required_skills",
        &body.required_skills,
        Skill::parse,
        Need::<()>::MAX_SKILLS,
    );
    let sectors = set(
        &mut f,
        "sectors",
        &body.sectors,
        SectorCode::parse,
        Need::<()>::MAX_SECTORS,
    );
    let country = f.value("country", body.country.as_deref(), CountryCode::parse);
    let languages = f.list("languages", &body.languages, LanguageRequirement::parse);
    if languages.len() > Need::<()>::MAX_LANGUAGES {
        f.fault(
            "languages",
            format!("at most {} languages", Need::<()>::MAX_LANGUAGES),
        );
    }
    let min_readiness = f.value(
        "min_readiness",
        number_text(&body.min_readiness).as_deref(),
        Readiness::parse,
    );
    let deployed = f.value("deployed", body.deployed.as_deref(), Deployment::parse);
    let seeks = set(&mut f, "seeks", &body.seeks, Seek::parse, Seek::ALL.len());
    let investment_usd = f.value(
        "investment_usd",
        number_text(&body.investment_usd).as_deref(),
        parse_usd,
    );
    let course_mode = f.value("course_mode", body.course_mode.as_deref(), |s| {
        s.parse::<CourseMode>()
    });
    let located_in = set(
        &mut f,
        "located_in",
        &body.located_in,
        CountryCode::parse,
        Need::<()>::MAX_LOCATED_IN,
    );
    let available_by = f.value(
        "available_by",
        body.available_by.as_deref(),
        PartialDate::parse_day,
    );
    let deadline = f.value("deadline", body.deadline.as_deref(), PartialDate::parse_day);
    let visibility = visibility(&mut f, body.visibility.as_deref());
    let need = match (kind, title) {
        (Some(kind), Some(title)) => Some(Need {
            kind,
            posted_by,
            title,
            description,
            skills,
            required_skills,
            sectors,
            country,
            require_country: body.require_country,
            languages,
            require_available: body.require_available,
            min_readiness,
            deployed,
            seeks,
            investment_usd,
            course_mode,
            located_in,
            available_by,
            deadline,
            visibility,
        }),
        _ => None,
    };
    if let Some(need) = &need
        && let Err((field, error)) = need.check()
    {
        f.fault(field, error.to_string());
    }
    f.done(need)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OfferFile {
    kind: Option<String>,
    provider: Option<String>,
    title: Option<String>,
    description: Option<String>,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(default)]
    sectors: Vec<String>,
    #[serde(default)]
    sdgs: Vec<String>,
    readiness: Option<Value>,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    seeks: Vec<String>,
    /// Numbers in JSON, or text ("2,500,000") from a form.
    invests_from_usd: Option<Value>,
    invests_up_to_usd: Option<Value>,
    #[serde(default)]
    languages: Vec<String>,
    capacity: Option<String>,
    visibility: Option<String>,
}

/// Reads an offer. `provider` is `None` when the object names none (the
/// caller's organization provides it).
pub fn offer_from_json(
    object: Map<String, Value>,
    line: u64,
) -> Result<Offer<Option<RecordRef>>, Vec<RowError>> {
    let body: OfferFile = from_object(object, line)?;
    let mut f = FieldFaults::new(line);
    let kind = f.required("kind", body.kind.as_deref(), |s| s.parse::<OfferKind>());
    let provider = f.value("provider", body.provider.as_deref(), RecordRef::parse);
    let title = f.required("title", body.title.as_deref(), |s| {
        Text::line(s, Offer::<()>::MAX_TITLE_CHARS)
    });
    let description = f.value("description", body.description.as_deref(), |s| {
        Text::multiline(s, Offer::<()>::MAX_DESCRIPTION_CHARS)
    });
    let keywords = set(
        &mut f,
        "keywords",
        &body.keywords,
        Skill::parse,
        Offer::<()>::MAX_KEYWORDS,
    );
    let sectors = set(
        &mut f,
        "sectors",
        &body.sectors,
        SectorCode::parse,
        Offer::<()>::MAX_SECTORS,
    );
    let sdgs = set(&mut f, "sdgs", &body.sdgs, SdgTarget::parse, 17 * 10);
    let readiness = f.value(
        "readiness",
        number_text(&body.readiness).as_deref(),
        Readiness::parse,
    );
    let countries = set(
        &mut f,
        "countries",
        &body.countries,
        CountryCode::parse,
        Offer::<()>::MAX_COUNTRIES,
    );
    let seeks = set(&mut f, "seeks", &body.seeks, Seek::parse, Seek::ALL.len());
    let invests_from_usd = f.value(
        "invests_from_usd",
        number_text(&body.invests_from_usd).as_deref(),
        parse_usd,
    );
    let invests_up_to_usd = f.value(
        "invests_up_to_usd",
        number_text(&body.invests_up_to_usd).as_deref(),
        parse_usd,
    );
    let languages = languages_once(
        &mut f,
        "languages",
        &body.languages,
        Offer::<()>::MAX_LANGUAGES,
    );
    let capacity = f.value("capacity", body.capacity.as_deref(), |s| {
        Text::line(s, Offer::<()>::MAX_CAPACITY_CHARS)
    });
    let visibility = visibility(&mut f, body.visibility.as_deref());
    let offer = match (kind, title) {
        (Some(kind), Some(title)) => Some(Offer {
            kind,
            provider,
            title,
            description,
            keywords,
            sectors,
            sdgs,
            readiness,
            countries,
            seeks,
            invests_from_usd,
            invests_up_to_usd,
            languages,
            capacity,
            visibility,
        }),
        _ => None,
    };
    if let Some(offer) = &offer
        && let Err((field, error)) = offer.check()
    {
        f.fault(field, error.to_string());
    }
    f.done(offer)
}

/// A need's fields as files hold them, beside the envelope.
const NEED_BODY: &[(&str, BodyField)] = &[
    ("kind", BodyField::Text),
    ("posted_by", BodyField::Text),
    ("title", BodyField::Text),
    ("description", BodyField::Text),
    ("skills", BodyField::List),
    ("required_skills", BodyField::List),
    ("sectors", BodyField::List),
    ("country", BodyField::Text),
    ("require_country", BodyField::Flag),
    ("languages", BodyField::List),
    ("require_available", BodyField::Flag),
    ("available_by", BodyField::Text),
    ("min_readiness", BodyField::Text),
    ("deployed", BodyField::Text),
    ("seeks", BodyField::List),
    ("investment_usd", BodyField::Text),
    ("course_mode", BodyField::Text),
    ("located_in", BodyField::List),
    ("deadline", BodyField::Text),
    ("visibility", BodyField::Text),
];

/// A need in a file: the fields the API takes, beside `id` or
/// `external_id` (which record a row changes), and what an export adds.
impl Record for Need<Option<RecordRef>> {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "external_id",
        "owner",
        "kind",
        "posted_by",
        "title",
        "description",
        "skills",
        "required_skills",
        "sectors",
        "country",
        "require_country",
        "languages",
        "require_available",
        "available_by",
        "min_readiness",
        "deployed",
        "seeks",
        "investment_usd",
        "course_mode",
        "located_in",
        "deadline",
        "visibility",
        "created_at",
        "updated_at",
    ];
    const REQUIRED: &'static [&'static [&'static str]] = &[&["kind"], &["title"]];

    #[allow(private_interfaces, reason = "rows are read only inside this crate")]
    fn parse(fields: &dyn Fields, defaults: &Defaults) -> Result<Incoming<Self>, Vec<RowError>> {
        body_record(fields, defaults, NEED_BODY, need_from_json)
    }
}

/// An offer's fields as files hold them, beside the envelope.
const OFFER_BODY: &[(&str, BodyField)] = &[
    ("kind", BodyField::Text),
    ("provider", BodyField::Text),
    ("title", BodyField::Text),
    ("description", BodyField::Text),
    ("keywords", BodyField::List),
    ("sectors", BodyField::List),
    ("sdgs", BodyField::List),
    ("readiness", BodyField::Text),
    ("countries", BodyField::List),
    ("seeks", BodyField::List),
    ("invests_from_usd", BodyField::Text),
    ("invests_up_to_usd", BodyField::Text),
    ("languages", BodyField::List),
    ("capacity", BodyField::Text),
    ("visibility", BodyField::Text),
];

/// An offer in a file, as a need is.
impl Record for Offer<Option<RecordRef>> {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "external_id",
        "owner",
        "kind",
        "provider",
        "title",
        "description",
        "keywords",
        "sectors",
        "sdgs",
        "readiness",
        "countries",
        "seeks",
        "invests_from_usd",
        "invests_up_to_usd",
        "languages",
        "capacity",
        "visibility",
        "created_at",
        "updated_at",
    ];
    const REQUIRED: &'static [&'static [&'static str]] = &[&["kind"], &["title"]];

    #[allow(private_interfaces, reason = "rows are read only inside this crate")]
    fn parse(fields: &dyn Fields, defaults: &Defaults) -> Result<Incoming<Self>, Vec<RowError>> {
        body_record(fields, defaults, OFFER_BODY, offer_from_json)
    }
}

/// Shared with the network unless said otherwise.
fn visibility(f: &mut FieldFaults, raw: Option<&str>) -> Visibility {
    f.value("visibility", raw, |s| s.parse::<Visibility>())
        .unwrap_or(Visibility::Network)
}

/// A list read item by item, sorted, without repeats, and not too long.
/// Languages each at a level ("ja:N3", "en:B2"), each language once.
pub(crate) fn languages_once(
    f: &mut FieldFaults,
    field: &str,
    raw: &[String],
    max: usize,
) -> Vec<LanguageSkill> {
    let languages = f.list(field, raw, LanguageSkill::parse);
    if languages.len() > max {
        f.fault(field, format!("at most {max} languages"));
    }
    let mut spoken: Vec<_> = languages.iter().map(|l| l.language()).collect();
    spoken.sort();
    if spoken.windows(2).any(|w| w[0] == w[1]) {
        f.fault(field, "each language once");
    }
    languages
}

fn set<T: Ord>(
    f: &mut FieldFaults,
    field: &str,
    raw: &[String],
    parse: impl Fn(&str) -> Result<T, kyoso_domain::ValueError>,
    max: usize,
) -> Vec<T> {
    let items = f.list(field, raw, parse);
    match normalize_set(items, max, field) {
        Ok(items) => items,
        Err(error) => {
            f.fault(field, error.to_string());
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_s_columns_are_the_envelope_and_the_api_s_fields() {
        for (columns, body) in [
            (<Need<Option<RecordRef>> as Record>::COLUMNS, NEED_BODY),
            (<Offer<Option<RecordRef>> as Record>::COLUMNS, OFFER_BODY),
        ] {
            let mut expected = vec!["id", "external_id", "owner"];
            expected.extend(body.iter().map(|(name, _)| *name));
            expected.extend(["created_at", "updated_at"]);
            assert_eq!(columns, expected.as_slice());
        }
    }
    use serde_json::json;

    fn object(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(map) => map,
            _ => unreachable!("tests pass objects"),
        }
    }

    #[test]
    fn a_need_reads_with_its_constraints() {
        let need = need_from_json(
            object(json!({
                "kind": "expertise",
                "title": "Lean automation for a Thai SME",
                "skills": ["lean automation", "Kaizen", "kaizen"],
                "required_skills": ["plc"],
                "sectors": ["32130"],
                "country": "TH",
                "require_country": true,
                "languages": ["th:native!", "ja:N3"],
                "deadline": "2027-03-31",
            })),
            1,
        )
        .unwrap();
        assert_eq!(need.kind, NeedKind::Expertise);
        assert_eq!(need.skills.len(), 2, "skills fold case and repeat once");
        assert!(need.languages[0].must && !need.languages[1].must);
        assert_eq!(need.visibility, Visibility::Network);
        assert_eq!(need.posted_by, None);
    }

    #[test]
    fn every_fault_of_a_need_is_named() {
        let errors = need_from_json(
            object(json!({
                "kind": "cooking",
                "title": "",
                "country": "XX",
                "languages": ["ja:B2"],
                "deadline": "next week",
            })),
            7,
        )
        .unwrap_err();
        let fields: Vec<_> = errors.iter().filter_map(|e| e.field.as_deref()).collect();
        for field in ["kind", "title", "country", "languages", "deadline"] {
            assert!(fields.contains(&field), "{field} not named in {errors:?}");
        }
        assert!(errors.iter().all(|e| e.line == 7));
    }

    #[test]
    fn a_need_to_match_on_nothing_is_refused() {
        let errors = need_from_json(
            object(json!({"kind": "mentoring", "title": "Anyone", "require_country": true})),
            1,
        )
        .unwrap_err();
        let fields: Vec<_> = errors.iter().filter_map(|e| e.field.as_deref()).collect();
        assert!(
            fields.contains(&"country") || fields.contains(&"skills"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_technology_states_its_readiness() {
        let offer = offer_from_json(
            object(json!({
                "kind": "technology",
                "title": "Membrane bioreactor for small towns",
                "keywords": ["wastewater treatment"],
                "sectors": ["14022"],
                "sdgs": ["6", "6.3"],
                "readiness": 8,
                "countries": ["VN", "ID"],
                "seeks": ["licence", "demonstration"],
            })),
            1,
        )
        .unwrap();
        assert_eq!(offer.readiness.map(Readiness::level), Some(8));
        assert_eq!(offer.seeks, vec![Seek::LicenceOut, Seek::Demonstration]);
        let errors = offer_from_json(
            object(
                json!({"kind": "technology", "title": "X", "keywords": ["y"], "readiness": "12"}),
            ),
            3,
        )
        .unwrap_err();
        assert_eq!(errors[0].field.as_deref(), Some("readiness"));
        assert!(
            offer_from_json(
                object(json!({"kind": "technology", "title": "X", "keywords": ["y"]})),
                1
            )
            .is_err()
        );
    }

    #[test]
    fn unknown_fields_are_refused_by_name() {
        let errors =
            need_from_json(object(json!({"kind": "expertise", "titel": "x"})), 2).unwrap_err();
        assert_eq!(errors[0].field.as_deref(), Some("titel"));
    }
}
