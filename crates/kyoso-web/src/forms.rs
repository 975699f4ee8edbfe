//! Forms for people, organizations and ties: the fields a page shows, and the
//! JSON object a submitted form becomes, read with the same rules as files
//! and the API so that a form's errors name the same fields.

use std::collections::HashMap;

use kyoso_domain::{EntityKind, Link, Organization, Person, RowError, Stored, Tie, TieKind};
use serde_json::{Map, Value};

use crate::i18n::{Lang, Texts};
use crate::view::{Choice, country_choices};

/// One field of a form, as shown.
#[derive(Debug, Clone)]
pub(crate) struct Field {
    pub(crate) name: &'static str,
    pub(crate) label: &'static str,
    /// text, select, checkbox, textarea, hidden, heading (over a group of
    /// checkboxes), or fixed (shown, sent back unchanged: the one option's
    /// label is what is shown).
    pub(crate) kind: &'static str,
    pub(crate) value: String,
    pub(crate) hint: &'static str,
    pub(crate) error: String,
    pub(crate) options: Vec<Choice>,
}

pub(crate) fn text(name: &'static str, label: &'static str, value: &str) -> Field {
    Field {
        name,
        label,
        kind: "text",
        value: value.to_owned(),
        hint: "",
        error: String::new(),
        options: Vec::new(),
    }
}

/// The names of a list's rows on a form: `base`, then `base_2` to
/// `base_{most}`, made once for each list.
pub(crate) fn row_names(base: &'static str, most: usize) -> &'static [&'static str] {
    static MADE: std::sync::OnceLock<
        std::sync::Mutex<std::collections::HashMap<&'static str, &'static [&'static str]>>,
    > = std::sync::OnceLock::new();
    let mut made = MADE
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    made.entry(base).or_insert_with(|| {
        let names: Vec<&'static str> = std::iter::once(base)
            .chain((2..=most).map(|at| &*Box::leak(format!("{base}_{at}").into_boxed_str())))
            .collect();
        Box::leak(names.into_boxed_slice())
    })
}

/// A list of words (skills, keywords) as rows of one word each, suggested
/// from the vocabulary (see [`suggest_words`]): the rows filled, two more,
/// at least four. A row may still hold several, separated by ";".
pub(crate) fn word_rows(
    names: &[&'static str],
    labels: (&'static str, &'static str),
    hint: &'static str,
    v: &Values,
) -> Vec<Field> {
    let get = |k: &str| v.get(k).map(String::as_str).unwrap_or_default();
    let last = names
        .iter()
        .rposition(|n| !get(n).trim().is_empty())
        .map_or(0, |at| at + 1);
    let shown = (last + 2).clamp(4, names.len());
    names
        .iter()
        .take(shown)
        .enumerate()
        .map(|(at, &name)| {
            let field = Field {
                kind: "word",
                ..text(name, if at == 0 { labels.0 } else { labels.1 }, get(name))
            };
            if at == 0 {
                with_hint(field, hint)
            } else {
                field
            }
        })
        .collect()
}

/// Gives the form's first word row the vocabulary's names in the reader's
/// language, as one list every word row of the page suggests from.
pub(crate) fn suggest_words(fields: &mut [Field], lang: Lang) {
    if let Some(first) = fields.iter_mut().find(|f| f.kind == "word") {
        first.options = kyoso_service::search::skill_suggestions(lang.code())
            .iter()
            .map(|name| Choice {
                value: name.clone(),
                label: name.clone(),
                selected: false,
            })
            .collect();
    }
}

pub(crate) fn with_hint(mut field: Field, hint: &'static str) -> Field {
    field.hint = hint;
    field
}

pub(crate) fn textarea(name: &'static str, label: &'static str, value: &str) -> Field {
    Field {
        kind: "textarea",
        ..text(name, label, value)
    }
}

pub(crate) fn checkbox(name: &'static str, label: &'static str, on: bool) -> Field {
    Field {
        kind: "checkbox",
        value: on.to_string(),
        ..text(name, label, "")
    }
}

/// A heading over the fields that follow (a group of checkboxes): it sends
/// nothing, and faults of the group's field `name` show under it.
pub(crate) fn heading(name: &'static str, label: &'static str) -> Field {
    Field {
        kind: "heading",
        ..text(name, label, "")
    }
}

pub(crate) fn select(name: &'static str, label: &'static str, options: Vec<Choice>) -> Field {
    let value = options
        .iter()
        .find(|o| o.selected)
        .map(|o| o.value.clone())
        .unwrap_or_default();
    Field {
        kind: "select",
        value,
        options,
        ..text(name, label, "")
    }
}

pub(crate) fn choices(values: &[(&str, &str)], selected: &str, empty: Option<&str>) -> Vec<Choice> {
    empty
        .map(|label| Choice {
            value: String::new(),
            label: label.to_owned(),
            selected: selected.is_empty(),
        })
        .into_iter()
        .chain(values.iter().map(|(value, label)| Choice {
            value: (*value).to_owned(),
            label: (*label).to_owned(),
            selected: *value == selected,
        }))
        .collect()
}

pub(crate) fn with_empty(mut options: Vec<Choice>, label: &str) -> Vec<Choice> {
    let none_selected = !options.iter().any(|o| o.selected);
    options.insert(
        0,
        Choice {
            value: String::new(),
            label: label.to_owned(),
            selected: none_selected,
        },
    );
    options
}

pub(crate) fn visibility(t: &Texts, selected: &str) -> Field {
    let options = choices(
        &[
            ("private", t.vis_private),
            ("network", t.vis_network),
            ("public", t.vis_public),
        ],
        selected,
        None,
    );
    select("visibility", t.visibility, options)
}

/// A form's submitted values, by field name.
pub(crate) type Values = HashMap<String, String>;

pub(crate) fn values_of_person(p: &Person) -> Values {
    let mut v = Values::new();
    let mut put = |k: &str, s: String| {
        v.insert(k.to_owned(), s);
    };
    put(
        "name_native",
        p.names.native.as_deref().unwrap_or_default().to_owned(),
    );
    put(
        "name_latin",
        p.names.latin.as_deref().unwrap_or_default().to_owned(),
    );
    put(
        "name_japanese",
        p.names.japanese.as_deref().unwrap_or_default().to_owned(),
    );
    put(
        "gender",
        p.gender.map(|g| g.to_string()).unwrap_or_default(),
    );
    put(
        "residence",
        p.residence.map(|c| c.to_string()).unwrap_or_default(),
    );
    put(
        "nationality",
        p.nationality.map(|c| c.to_string()).unwrap_or_default(),
    );
    for ((language, level), spoken) in LANGUAGE_FIELDS.iter().zip(&p.languages) {
        put(language, spoken.language().to_string());
        put(level, spoken.level().as_str().to_owned());
    }
    for (name, skill) in skill_rows().iter().zip(&p.skills) {
        put(name, skill.to_string());
    }
    for (name, sector) in SECTOR_FIELDS.iter().zip(&p.sectors) {
        put(name, sector.to_string());
    }
    for (name, country) in EXPERIENCE_FIELDS.iter().zip(&p.experience_countries) {
        put(name, country.to_string());
    }
    put(
        "available_from",
        p.available_from.map(|d| d.to_string()).unwrap_or_default(),
    );
    put("available_mentoring", p.availability.mentoring.to_string());
    put("available_dispatch", p.availability.dispatch.to_string());
    put("available_training", p.availability.training.to_string());
    put(
        "email",
        p.contact
            .email
            .as_ref()
            .map(|e| e.to_string())
            .unwrap_or_default(),
    );
    put(
        "phone",
        p.contact
            .phone
            .as_ref()
            .map(|e| e.to_string())
            .unwrap_or_default(),
    );
    put("bio", p.bio.as_deref().unwrap_or_default().to_owned());
    put("consent_processing", p.consent.processing.to_string());
    put("consent_contact", p.consent.contact.to_string());
    put(
        "consent_public_listing",
        p.consent.public_listing.to_string(),
    );
    put("visibility", p.visibility.to_string());
    v
}

/// The person form's language rows, a language and its level each chosen
/// by name: one more than they speak, at least three.
const LANGUAGE_FIELDS: [(&str, &str); Person::MAX_LANGUAGES] = [
    ("languages", "level_1"),
    ("language_2", "level_2"),
    ("language_3", "level_3"),
    ("language_4", "level_4"),
    ("language_5", "level_5"),
    ("language_6", "level_6"),
    ("language_7", "level_7"),
    ("language_8", "level_8"),
    ("language_9", "level_9"),
    ("language_10", "level_10"),
    ("language_11", "level_11"),
    ("language_12", "level_12"),
    ("language_13", "level_13"),
    ("language_14", "level_14"),
    ("language_15", "level_15"),
    ("language_16", "level_16"),
    ("language_17", "level_17"),
    ("language_18", "level_18"),
    ("language_19", "level_19"),
    ("language_20", "level_20"),
];

/// The person form's skill rows, one skill each.
fn skill_rows() -> &'static [&'static str] {
    row_names("skills", Person::MAX_SKILLS)
}

/// The person form's sector selects: one more than they name, at least
/// three.
const SECTOR_FIELDS: [&str; Person::MAX_SECTORS] = [
    "sectors",
    "sectors_2",
    "sectors_3",
    "sectors_4",
    "sectors_5",
    "sectors_6",
    "sectors_7",
    "sectors_8",
    "sectors_9",
    "sectors_10",
    "sectors_11",
    "sectors_12",
    "sectors_13",
    "sectors_14",
    "sectors_15",
    "sectors_16",
    "sectors_17",
    "sectors_18",
    "sectors_19",
    "sectors_20",
];

/// How many of a form's repeated fields to show: those filled, one more,
/// at least three.
fn rows_shown(filled: impl Iterator<Item = bool>, most: usize) -> usize {
    let last = filled
        .enumerate()
        .filter(|(_, filled)| *filled)
        .map(|(at, _)| at + 1)
        .last()
        .unwrap_or(0);
    (last + 1).clamp(3, most)
}

/// Repeated selects of one list (`names`), as many as [`rows_shown`]
/// says: the first labelled `labels.0`, the others `labels.1`.
fn select_rows(
    names: &[&'static str],
    labels: (&'static str, &'static str),
    v: &Values,
    choices: impl Fn(&str) -> Vec<Choice>,
) -> Vec<Field> {
    let get = |k: &str| v.get(k).map(String::as_str).unwrap_or_default();
    let shown = rows_shown(names.iter().map(|n| !get(n).is_empty()), names.len());
    names
        .iter()
        .take(shown)
        .enumerate()
        .map(|(at, &name)| {
            let label = if at == 0 { labels.0 } else { labels.1 };
            select(name, label, choices(get(name)))
        })
        .collect()
}

/// The person form's selects of the countries they have lived or worked
/// in: one more than they name, at least three.
const EXPERIENCE_FIELDS: [&str; Person::MAX_EXPERIENCE_COUNTRIES] = [
    "experience_countries",
    "experience_countries_2",
    "experience_countries_3",
    "experience_countries_4",
    "experience_countries_5",
    "experience_countries_6",
    "experience_countries_7",
    "experience_countries_8",
    "experience_countries_9",
    "experience_countries_10",
];

const PERSON_CHECKBOXES: &[&str] = &[
    "available_mentoring",
    "available_dispatch",
    "available_training",
    "consent_processing",
    "consent_contact",
    "consent_public_listing",
];

pub(crate) fn person_fields(t: &Texts, lang: Lang, v: &Values, errors: &[RowError]) -> Vec<Field> {
    let get = |k: &str| v.get(k).map(String::as_str).unwrap_or_default();
    let on = |k: &str| matches!(get(k), "true" | "on");
    let mut fields = vec![
        text("name_native", t.name_native, get("name_native")),
        text("name_latin", t.name_latin, get("name_latin")),
        text("name_japanese", t.name_japanese, get("name_japanese")),
        select(
            "gender",
            t.gender,
            choices(
                &[("female", t.female), ("male", t.male), ("other", t.other)],
                get("gender"),
                Some("—"),
            ),
        ),
        select(
            "residence",
            t.residence,
            with_empty(country_choices(lang, get("residence")), "—"),
        ),
        select(
            "nationality",
            t.nationality,
            with_empty(country_choices(lang, get("nationality")), "—"),
        ),
    ];
    // Languages, sectors and countries by name.
    let shown = rows_shown(
        LANGUAGE_FIELDS.iter().map(|(l, _)| !get(l).is_empty()),
        LANGUAGE_FIELDS.len(),
    );
    for (at, &(language, level)) in LANGUAGE_FIELDS.iter().enumerate().take(shown) {
        let label = if at == 0 {
            t.languages
        } else {
            t.another_language
        };
        fields.push(select(
            language,
            label,
            crate::view::language_choices(lang, get(language)),
        ));
        fields.push(select(
            level,
            t.level,
            crate::view::level_choices(lang, get(level)),
        ));
    }
    fields.extend(word_rows(
        skill_rows(),
        (t.skills, t.another_skill),
        t.word_rows_hint,
        v,
    ));
    fields.extend(select_rows(
        &SECTOR_FIELDS,
        (t.sectors, t.another_sector),
        v,
        |selected| crate::view::sector_choices(lang, selected, "—"),
    ));
    fields.extend(select_rows(
        &EXPERIENCE_FIELDS,
        (t.experience_countries, t.another_country),
        v,
        |selected| with_empty(country_choices(lang, selected), "—"),
    ));
    fields.push(Field {
        kind: "date",
        ..text("available_from", t.available_from, get("available_from"))
    });
    fields.extend([
        checkbox(
            "available_mentoring",
            t.available_mentoring,
            on("available_mentoring"),
        ),
        checkbox(
            "available_dispatch",
            t.available_dispatch,
            on("available_dispatch"),
        ),
        checkbox(
            "available_training",
            t.available_training,
            on("available_training"),
        ),
        text("email", t.email, get("email")),
        text("phone", t.phone, get("phone")),
        textarea("bio", t.bio, get("bio")),
        checkbox(
            "consent_processing",
            t.consent_processing,
            on("consent_processing"),
        ),
        checkbox("consent_contact", t.consent_contact, on("consent_contact")),
        checkbox(
            "consent_public_listing",
            t.consent_public_listing,
            on("consent_public_listing"),
        ),
        visibility(
            t,
            if get("visibility").is_empty() {
                "network"
            } else {
                get("visibility")
            },
        ),
    ]);
    suggest_words(&mut fields, lang);
    attach(&mut fields, errors);
    fields
}

pub(crate) fn values_of_organization(o: &Stored<Organization<Link>>) -> Values {
    let r = &o.record;
    let mut v = Values::new();
    v.insert(
        "name_native".into(),
        r.names.native.as_deref().unwrap_or_default().to_owned(),
    );
    v.insert(
        "name_latin".into(),
        r.names.latin.as_deref().unwrap_or_default().to_owned(),
    );
    v.insert(
        "name_japanese".into(),
        r.names.japanese.as_deref().unwrap_or_default().to_owned(),
    );
    v.insert(
        "acronym".into(),
        r.acronym.as_deref().unwrap_or_default().to_owned(),
    );
    v.insert("org_type".into(), r.org_type.to_string());
    v.insert(
        "country".into(),
        r.country.map(|c| c.to_string()).unwrap_or_default(),
    );
    v.insert(
        "sectors".into(),
        r.sectors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; "),
    );
    v.insert(
        "parent".into(),
        r.parent
            .as_ref()
            .map(|p| p.uid.to_string())
            .unwrap_or_default(),
    );
    v.insert(
        "website".into(),
        r.website
            .as_ref()
            .map(|w| w.to_string())
            .unwrap_or_default(),
    );
    v.insert("visibility".into(), r.visibility.to_string());
    v
}

pub(crate) fn organization_fields(
    t: &Texts,
    lang: Lang,
    v: &Values,
    errors: &[RowError],
) -> Vec<Field> {
    let get = |k: &str| v.get(k).map(String::as_str).unwrap_or_default();
    let types: Vec<(String, String)> = kyoso_domain::codelist::organisation_types()
        .active()
        .map(|item| (item.code.clone(), format!("{} — {}", item.code, item.name)))
        .collect();
    let type_refs: Vec<(&str, &str)> = types
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let mut fields = vec![
        text("name_native", t.name_native, get("name_native")),
        text("name_latin", t.name_latin, get("name_latin")),
        text("name_japanese", t.name_japanese, get("name_japanese")),
        text("acronym", t.acronym, get("acronym")),
        select(
            "org_type",
            t.org_type,
            choices(&type_refs, get("org_type"), Some("—")),
        ),
        select(
            "country",
            t.country,
            with_empty(country_choices(lang, get("country")), "—"),
        ),
        with_hint(text("sectors", t.sectors, get("sectors")), "32120; 11330"),
        text("parent", t.parent, get("parent")),
        text("website", t.website, get("website")),
        visibility(
            t,
            if get("visibility").is_empty() {
                "public"
            } else {
                get("visibility")
            },
        ),
    ];
    attach(&mut fields, errors);
    fields
}

pub(crate) fn attach(fields: &mut [Field], errors: &[RowError]) {
    for error in errors {
        let name = error.field.as_deref().unwrap_or("name_latin");
        // Faults of identity columns belong to the first field.
        let target = fields.iter().position(|f| f.name == name).unwrap_or(0);
        let field = &mut fields[target];
        if !field.error.is_empty() {
            field.error.push_str("; ");
        }
        field.error.push_str(&error.message);
    }
}

/// A submitted form as the JSON object the record readers take: empty
/// fields left out, checkboxes as booleans.
pub(crate) fn to_object(values: &Values, checkboxes: &[&str]) -> Map<String, Value> {
    let mut object = Map::new();
    for (name, value) in values {
        if name == "csrf" || checkboxes.contains(&name.as_str()) {
            continue;
        }
        if !value.trim().is_empty() {
            object.insert(name.clone(), Value::String(value.clone()));
        }
    }
    for name in checkboxes {
        let on = values.get(*name).is_some_and(|v| v == "on" || v == "true");
        object.insert((*name).to_owned(), Value::Bool(on));
    }
    object
}

pub(crate) fn person_object(values: &Values) -> Map<String, Value> {
    let mut object = to_object(values, PERSON_CHECKBOXES);
    // The language rows become languages as files write them: `th:native`.
    let mut languages = Vec::new();
    for (language, level) in LANGUAGE_FIELDS {
        let level = object.remove(level);
        if let Some(Value::String(language)) = object.remove(language) {
            let level = level.as_ref().and_then(Value::as_str).unwrap_or_default();
            languages.push(format!("{language}:{level}"));
        }
    }
    if !languages.is_empty() {
        object.insert("languages".into(), Value::String(languages.join(";")));
    }
    gather_selects(&mut object, "skills", skill_rows(), ";");
    gather_selects(&mut object, "sectors", &SECTOR_FIELDS, ";");
    gather_selects(&mut object, "experience_countries", &EXPERIENCE_FIELDS, ";");
    object
}

/// The items of one list chosen by name, one a select, as one value of
/// the list in `object`, joined by `separator` as the reader splits it.
pub(crate) fn gather_selects(
    object: &mut Map<String, Value>,
    list: &str,
    selects: &[&str],
    separator: &str,
) {
    let chosen: Vec<String> = selects
        .iter()
        .filter_map(|name| object.remove(*name))
        .filter_map(|value| value.as_str().map(str::to_owned))
        .collect();
    if !chosen.is_empty() {
        object.insert(list.into(), Value::String(chosen.join(separator)));
    }
}

// --- ties ---

/// A tie's kind and ends as its edit form shows them: they cannot change.
#[derive(Debug, Clone)]
pub(crate) struct FixedEnds {
    pub(crate) from: String,
    pub(crate) to: String,
}

pub(crate) fn values_of_tie(tie: &Tie<Link>) -> Values {
    let end_type = |kind: EntityKind| kind.as_str();
    let optional = |value: Option<String>| value.unwrap_or_default();
    Values::from([
        ("kind".into(), tie.kind.as_str().to_owned()),
        ("from_type".into(), end_type(tie.from.kind).to_owned()),
        ("from".into(), tie.from.key.uid.to_string()),
        ("to_type".into(), end_type(tie.to.kind).to_owned()),
        ("to".into(), tie.to.key.uid.to_string()),
        ("start".into(), tie.start.to_string()),
        ("end".into(), optional(tie.end.map(|d| d.to_string()))),
        (
            "strength".into(),
            optional(tie.strength.map(|s| s.value().to_string())),
        ),
        (
            "role".into(),
            optional(tie.role.as_ref().map(|r| r.to_string())),
        ),
        (
            "note".into(),
            optional(tie.note.as_ref().map(|n| n.to_string())),
        ),
        ("visibility".into(), tie.visibility.to_string()),
        (
            "event".into(),
            optional(tie.event.as_ref().map(|e| e.uid.to_string())),
        ),
    ])
}

fn fixed(name: &'static str, label: &'static str, value: &str, shown: &str) -> Field {
    Field {
        kind: "fixed",
        options: vec![Choice {
            value: value.to_owned(),
            label: shown.to_owned(),
            selected: true,
        }],
        ..text(name, label, value)
    }
}

fn hidden(name: &'static str, value: &str) -> Field {
    Field {
        kind: "hidden",
        ..text(name, "", value)
    }
}

/// The fields of a tie's form; with `fixed`, the kind and ends are shown
/// but not offered for change.
pub(crate) fn tie_fields(
    t: &Texts,
    v: &Values,
    errors: &[RowError],
    fixed_ends: Option<&FixedEnds>,
) -> Vec<Field> {
    let get = |k: &str| v.get(k).map(String::as_str).unwrap_or_default();
    let entity = |selected: &str, ends: &[(&'static str, &'static str)]| {
        choices(
            ends,
            if selected.is_empty() {
                "person"
            } else {
                selected
            },
            None,
        )
    };
    let starts = [("person", t.people), ("organization", t.organizations)];
    // Only the "to" end may be an event: people and organizations attend.
    let ends = [
        ("person", t.people),
        ("organization", t.organizations),
        ("event", t.events),
    ];
    let mut fields = match fixed_ends {
        Some(ends) => {
            let kind_label = get("kind")
                .parse::<TieKind>()
                .map(|k| t.tie_kind(k))
                .unwrap_or_default();
            vec![
                fixed("kind", t.kind, get("kind"), kind_label),
                hidden("from_type", get("from_type")),
                fixed("from", t.from, get("from"), &ends.from),
                hidden("to_type", get("to_type")),
                fixed("to", t.to, get("to"), &ends.to),
                hidden("event", get("event")),
            ]
        }
        None => {
            let kinds: Vec<(&str, &str)> = TieKind::ALL
                .iter()
                .map(|k| (k.as_str(), t.tie_kind(*k)))
                .collect();
            vec![
                select("kind", t.kind, choices(&kinds, get("kind"), None)),
                select("from_type", t.from, entity(get("from_type"), &starts)),
                text("from", t.from, get("from")),
                select("to_type", t.to, entity(get("to_type"), &ends)),
                text("to", t.to, get("to")),
                text("event", t.met_at_event, get("event")),
            ]
        }
    };
    fields.extend([
        with_hint(
            text("start", t.start, get("start")),
            "YYYY, YYYY-MM, YYYY-MM-DD",
        ),
        with_hint(text("end", t.end, get("end")), "YYYY, YYYY-MM, YYYY-MM-DD"),
        with_hint(text("strength", t.strength, get("strength")), "0–1"),
        text("role", t.role, get("role")),
        textarea("note", t.note, get("note")),
        visibility(
            t,
            if get("visibility").is_empty() {
                "network"
            } else {
                get("visibility")
            },
        ),
    ]);
    attach(&mut fields, errors);
    fields
}
