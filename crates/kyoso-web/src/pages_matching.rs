//! The pages of matching: needs (the list, posting one, a need with its
//! ranked candidates and introductions), the technology catalogue, the
//! match pipeline and assignment rounds with their fairness charts.

use askama::Template;
use axum::Form;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;

use crate::i18n::Interface as _;
use crate::redirect::see_other;
use kyoso_domain::{
    CandidateKind, CourseMode, EntityKind, MatchOutcome, MatchStatus, NeedKind, NeedStatus,
    OfferKind, RowError, Seek, Uid,
};
use kyoso_domain::{NeedFilter, StoredMatch, StoredNeed, StoredOffer};
use kyoso_exchange::{need_from_json, offer_from_json};
use kyoso_service::assignment::{Mode, RoundOutcome};
use kyoso_service::matching::{self, Ranking};
use kyoso_service::{Caller, ServiceError};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::AppState;
use crate::api_matching::{assign_csv, offer_filter, read_move};
use crate::auth::PageContext;
use crate::forms::{self, Field, Values};
use crate::i18n::Lang;
use crate::i18n_matching::MatchingTexts;
use crate::pages::{Chrome, FormPage, chrome_for, error_page, parse_id, refuse_csrf, render_page};
use crate::view::{self, Choice};

/// One colour per factor, in the order of `kyoso_matching::FactorKind`.
const FACTOR_COLOURS: [&str; 7] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
];

fn factor_colour(factor: &str) -> &'static str {
    let at = [
        "skills",
        "sectors",
        "languages",
        "country",
        "availability",
        "track_record",
        "network",
    ]
    .iter()
    .position(|f| *f == factor)
    .unwrap_or(0);
    FACTOR_COLOURS[at]
}

fn options<T: Copy>(
    all: &[T],
    value: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
    selected: &str,
    any: Option<&str>,
) -> Vec<Choice> {
    any.map(|any| Choice {
        value: String::new(),
        label: any.to_owned(),
        selected: selected.is_empty(),
    })
    .into_iter()
    .chain(all.iter().map(|&item| Choice {
        value: value(item).to_owned(),
        label: label(item).to_owned(),
        selected: value(item) == selected,
    }))
    .collect()
}

/// A change of a need or its matches refused: the need's page again with
/// the rule that refused it, or the error page for anything else.
async fn refused(state: &AppState, ctx: &PageContext, need: Uid, error: ServiceError) -> Response {
    match fault_text(error) {
        Ok(message) => {
            need_view(
                state,
                ctx,
                need,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                Some(message),
            )
            .await
        }
        Err(error) => error_page(ctx, error),
    }
}

fn fault_text(error: ServiceError) -> Result<String, ServiceError> {
    match error {
        ServiceError::Invalid { field, message } => Ok(match field {
            Some(field) => format!("{field}: {message}"),
            None => message,
        }),
        ServiceError::Conflict(message) => Ok(message),
        other => Err(other),
    }
}

/// A service's refusal of a form as the form's field faults; anything
/// else stays an error for the error page.
pub(crate) fn field_faults(error: ServiceError) -> Result<Vec<RowError>, ServiceError> {
    match error {
        ServiceError::Invalid { field, message } => Ok(vec![RowError::new(
            0,
            field.as_deref().unwrap_or("title"),
            message,
        )]),
        other => Err(other),
    }
}

/// A form page posting to `action` (and back to it on cancel).
fn form_page(
    ctx: &PageContext,
    status: StatusCode,
    title: &'static str,
    section: &'static str,
    action: &str,
    fields: Vec<Field>,
    errors: Vec<RowError>,
) -> Response {
    let page = FormPage {
        chrome: chrome_for(ctx, title, section),
        action: action.into(),
        cancel: action.into(),
        fields,
        errors,
        delete: None,
    };
    render_page(ctx, status, &page)
}

// --- the list of needs ---

#[derive(Debug, Deserialize)]
pub(crate) struct NeedsQuery {
    status: Option<String>,
    kind: Option<String>,
    country: Option<String>,
    q: Option<String>,
}

struct NeedRow {
    href: String,
    title: String,
    kind: &'static str,
    country: String,
    status: &'static str,
    deadline: String,
}

#[derive(Template)]
#[template(path = "needs.html")]
struct NeedsPage {
    chrome: Chrome,
    rows: Vec<NeedRow>,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    countries: Vec<Choice>,
    q: String,
    /// Needs the viewer manages that are about to expire: (link, title, reminder).
    expiring: Vec<(String, String, String)>,
    can_post: bool,
}

fn need_row(n: &StoredNeed, mt: &MatchingTexts, lang: Lang) -> NeedRow {
    NeedRow {
        href: format!("/needs/{}", n.uid),
        title: n.need.title.to_string(),
        kind: mt.need_kind(n.need.kind),
        country: view::country(n.need.country, lang),
        status: mt.need_status(n.status),
        deadline: n.need.deadline.map(|d| d.to_string()).unwrap_or_default(),
    }
}

pub(crate) async fn needs_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<NeedsQuery>,
) -> Response {
    let lang = ctx.lang;
    let mt = lang.matching_texts();
    let text = |v: &Option<String>| v.as_deref().unwrap_or_default().trim().to_owned();
    let (status, kind, country, q) = (
        text(&query.status),
        text(&query.kind),
        text(&query.country),
        text(&query.q),
    );
    let filter = NeedFilter {
        status: status.parse().ok(),
        kind: kind.parse().ok(),
        country: kyoso_domain::CountryCode::parse(&country).ok(),
        posted_by: None,
        text: kyoso_domain::Text::query(&q).ok().flatten(),
    };
    let needs = match state.kyoso.needs(&ctx.caller, &filter, 200).await {
        Ok(needs) => needs,
        Err(err) => return error_page(&ctx, err),
    };
    let soon = time::OffsetDateTime::now_utc().date() + time::Duration::days(matching::REMIND_DAYS);
    let expiring = needs
        .iter()
        .filter(|n| n.status.is_active() && matching::manages_need(&ctx.caller, n))
        .filter(|n| n.need.deadline.is_some_and(|d| d <= soon))
        .map(|n| {
            (
                format!("/needs/{}", n.uid),
                n.need.title.to_string(),
                mt.expires_soon.replace(
                    "{date}",
                    &n.need.deadline.map(|d| d.to_string()).unwrap_or_default(),
                ),
            )
        })
        .collect();
    let page = NeedsPage {
        chrome: chrome_for(&ctx, mt.needs, "needs"),
        rows: needs.iter().map(|n| need_row(n, mt, lang)).collect(),
        kinds: options(
            NeedKind::ALL,
            |k| k.as_str(),
            |k| mt.need_kind(k),
            &kind,
            Some(mt.any),
        ),
        statuses: options(
            NeedStatus::ALL,
            |s| s.as_str(),
            |s| mt.need_status(s),
            &status,
            Some(mt.any),
        ),
        countries: view::country_choices(lang, &country),
        q,
        expiring,
        can_post: !matches!(ctx.caller, Caller::Anonymous),
    };
    render_page(&ctx, StatusCode::OK, &page)
}

/// The forms' sector selects: a need or an offer names up to three sectors
/// by name on a page (more through the API or a file).
const SECTOR_FIELDS: [&str; 3] = ["sectors", "sectors_2", "sectors_3"];

/// The offer form's country selects: where a technology is in use, or the
/// markets a company seeks (more through the API or a file).
const COUNTRY_FIELDS: [&str; 4] = ["countries", "countries_2", "countries_3", "countries_4"];

/// One of the [`COUNTRY_FIELDS`], every country named in the reader's
/// language.
fn country_select(lang: Lang, name: &'static str, selected: &str) -> Field {
    let mt = lang.matching_texts();
    let field = forms::select(
        name,
        if name == COUNTRY_FIELDS[0] {
            mt.offer_countries
        } else {
            mt.another_country
        },
        forms::with_empty(view::country_choices(lang, selected), "—"),
    );
    if name == COUNTRY_FIELDS[0] {
        forms::with_hint(field, mt.offer_countries_hint)
    } else {
        field
    }
}

/// One of the [`SECTOR_FIELDS`], every sector named in the reader's language.
fn sector_select(lang: Lang, name: &'static str, selected: &str) -> Field {
    let mt = lang.matching_texts();
    let label = if name == SECTOR_FIELDS[0] {
        mt.sectors
    } else {
        mt.another_sector
    };
    forms::select(name, label, view::sector_choices(lang, selected, "—"))
}

/// One of the [`LANGUAGE_ROWS`]: its language, least level and "must
/// hold", and after the first, whether it will do as well as the row above.
fn language_row(lang: Lang, at: usize, v: &Values) -> Vec<Field> {
    let mt = lang.matching_texts();
    let on = |k: &str| v.get(k).is_some_and(|v| v == "true" || v == "on");
    let get = |k: &str| v.get(k).map(String::as_str).unwrap_or_default();
    let (language, level, must, or) = LANGUAGE_ROWS[at];
    let label = if at == 0 {
        mt.languages
    } else {
        mt.another_language
    };
    let mut fields = vec![
        forms::select(language, label, view::language_choices(lang, get(language))),
        forms::select(level, mt.least_level, view::level_choices(lang, get(level))),
    ];
    if let Some(or) = or {
        fields.push(forms::checkbox(or, mt.or_above, on(or)));
    }
    fields.push(forms::checkbox(must, mt.must_hold, on(must)));
    fields
}

/// One of the [`LANGUAGE_ROWS`] as the offer form shows it: a language the
/// company works in (or gives support in) and its level.
fn spoken_row(lang: Lang, at: usize, v: &Values) -> Vec<Field> {
    let mt = lang.matching_texts();
    let get = |k: &str| v.get(k).map(String::as_str).unwrap_or_default();
    let (language, level, _, _) = LANGUAGE_ROWS[at];
    let label = if at == 0 {
        mt.works_in
    } else {
        mt.another_language
    };
    vec![
        forms::select(language, label, view::language_choices(lang, get(language))),
        forms::select(
            level,
            lang.texts().level,
            view::level_choices(lang, get(level)),
        ),
    ]
}

/// Technology readiness levels to choose from, none chosen at first.
fn readiness_choices(selected: &str) -> Vec<Choice> {
    forms::with_empty(
        (1..=9)
            .map(|l| Choice {
                value: l.to_string(),
                label: format!("TRL {l}"),
                selected: selected == l.to_string(),
            })
            .collect(),
        "—",
    )
}

// --- posting a need ---

const NEED_CHECKBOXES: &[&str] = &[
    "require_country",
    "require_available",
    "must_1",
    "must_2",
    "must_3",
    "or_2",
    "or_3",
];

/// The need form's language rows: a language, the least level and whether
/// it must hold, each chosen by name; a row after the first may say it will
/// do as well as the row above ("Thai B2 or English C1"). The first row is
/// named `languages`, so that a fault in any row shows there.
const LANGUAGE_ROWS: [(&str, &str, &str, Option<&str>); 3] = [
    ("languages", "level_1", "must_1", None),
    ("language_2", "level_2", "must_2", Some("or_2")),
    ("language_3", "level_3", "must_3", Some("or_3")),
];

const NEED_LISTS: &[&str] = &[
    "skills",
    "required_skills",
    "sectors",
    "languages",
    "located_in",
];

/// The need form's selects of where candidates must be based.
const LOCATED_FIELDS: [&str; 3] = ["located_in", "located_in_2", "located_in_3"];
const OFFER_LISTS: &[&str] = &["keywords", "sectors", "countries", "languages"];

/// The forms' checkboxes of what a company or a need seeks in a partner,
/// one for each [`Seek`], under a heading named `seeks`.
const SEEK_FIELDS: [(Seek, &str); 12] = [
    (Seek::JointVenture, "seeks_joint_venture"),
    (Seek::TechnicalCooperation, "seeks_technical_cooperation"),
    (Seek::LicenceOut, "seeks_licence_out"),
    (Seek::LicenceIn, "seeks_licence_in"),
    (Seek::Demonstration, "seeks_demonstration"),
    (Seek::Buyer, "seeks_buyer"),
    (Seek::Supplier, "seeks_supplier"),
    (Seek::Distributor, "seeks_distributor"),
    (Seek::ContractManufacturing, "seeks_contract_manufacturing"),
    (Seek::OffshoreDevelopment, "seeks_offshore_development"),
    (Seek::Investment, "seeks_investment"),
    (Seek::Investing, "seeks_investing"),
];

/// The forms' checkboxes of the Sustainable Development Goals, one for
/// each goal, by number.
const SDG_FIELDS: [&str; 17] = [
    "sdg_1", "sdg_2", "sdg_3", "sdg_4", "sdg_5", "sdg_6", "sdg_7", "sdg_8", "sdg_9", "sdg_10",
    "sdg_11", "sdg_12", "sdg_13", "sdg_14", "sdg_15", "sdg_16", "sdg_17",
];

/// The goals an offer serves, each by name under a heading named `sdgs`.
fn sdg_fields(lang: Lang, v: &Values) -> Vec<Field> {
    let mt = lang.matching_texts();
    let mut fields = vec![forms::with_hint(
        forms::heading("sdgs", mt.sdgs),
        mt.sdgs_hint,
    )];
    fields.extend(SDG_FIELDS.iter().zip(1..).map(|(&name, goal)| {
        forms::checkbox(
            name,
            lang.text(&format!("matching-sdg-{goal}")),
            v.get(name).is_some_and(|v| v == "on" || v == "true"),
        )
    }));
    fields
}

/// What is sought, each by name: a heading that says what the choice does,
/// and a checkbox for each [`Seek`].
fn seek_fields(lang: Lang, v: &Values, hint: &'static str) -> Vec<Field> {
    let mt = lang.matching_texts();
    let mut fields = vec![forms::with_hint(forms::heading("seeks", mt.seeks), hint)];
    fields.extend(SEEK_FIELDS.iter().map(|&(seek, name)| {
        forms::checkbox(
            name,
            mt.seek(seek),
            v.get(name).is_some_and(|v| v == "on" || v == "true"),
        )
    }));
    fields
}

/// The need form's rows of skills, one each.
fn need_skill_rows() -> &'static [&'static str] {
    forms::row_names("skills", kyoso_domain::Need::<()>::MAX_SKILLS)
}

fn required_skill_rows() -> &'static [&'static str] {
    forms::row_names("required_skills", kyoso_domain::Need::<()>::MAX_SKILLS)
}

/// The offer form's rows of keywords, one each.
fn keyword_rows() -> &'static [&'static str] {
    forms::row_names("keywords", kyoso_domain::Offer::<()>::MAX_KEYWORDS)
}

/// Lists whose items are free words, which may hold commas themselves
/// ("CNC programming (Fanuc, Mazak)"): split at ";" and line breaks only.
const WORD_LISTS: &[&str] = &["skills", "required_skills", "keywords"];

/// A submitted form as the JSON object the readers take: lists split at
/// commas (words at ";"), checkboxes as booleans.
fn form_object(values: &Values, lists: &[&str], checkboxes: &[&str]) -> Map<String, Value> {
    let mut object = forms::to_object(values, checkboxes);
    // The language rows become requirements as files write them: `th:B2!`,
    // and a row that will do as well as the one above joins it: `th:B2|en:C1!`.
    let mut groups: Vec<(Vec<String>, bool)> = Vec::new();
    for (language, level, must, or) in LANGUAGE_ROWS {
        let level = object.remove(level);
        let must = object.remove(must) == Some(Value::Bool(true));
        let joins = or.is_some_and(|or| object.remove(or) == Some(Value::Bool(true)));
        if let Some(Value::String(language)) = object.remove(language) {
            let level = level.as_ref().and_then(Value::as_str).unwrap_or_default();
            let option = format!("{language}:{level}");
            match groups.last_mut() {
                Some((options, group_must)) if joins => {
                    options.push(option);
                    *group_must |= must;
                }
                _ => groups.push((vec![option], must)),
            }
        }
    }
    let languages: Vec<String> = groups
        .into_iter()
        .map(|(options, must)| format!("{}{}", options.join("|"), if must { "!" } else { "" }))
        .collect();
    if !languages.is_empty() {
        object.insert("languages".into(), Value::String(languages.join(",")));
    }
    // Skills and keywords, one a row, and the sectors and countries chosen
    // by name, one a select, become lists.
    forms::gather_selects(&mut object, "skills", need_skill_rows(), ";");
    forms::gather_selects(&mut object, "required_skills", required_skill_rows(), ";");
    forms::gather_selects(&mut object, "keywords", keyword_rows(), ";");
    forms::gather_selects(&mut object, "sectors", &SECTOR_FIELDS, ",");
    forms::gather_selects(&mut object, "countries", &COUNTRY_FIELDS, ",");
    forms::gather_selects(&mut object, "located_in", &LOCATED_FIELDS, ",");
    // The goals, one checkbox each, become one list.
    let goals: Vec<Value> = SDG_FIELDS
        .iter()
        .zip(1..)
        .filter(|(name, _)| {
            object
                .remove(**name)
                .is_some_and(|on| on == "on" || on == "true")
        })
        .map(|(_, goal): (&&str, u32)| Value::String(goal.to_string()))
        .collect();
    if !goals.is_empty() {
        object.insert("sdgs".into(), Value::Array(goals));
    }
    // What is sought, one checkbox each, becomes one list.
    let seeks: Vec<Value> = SEEK_FIELDS
        .iter()
        .filter(|(_, name)| {
            object
                .remove(*name)
                .is_some_and(|on| on == "on" || on == "true")
        })
        .map(|(seek, _)| Value::String(seek.as_str().to_owned()))
        .collect();
    if !seeks.is_empty() {
        object.insert("seeks".into(), Value::Array(seeks));
    }
    for name in lists {
        if let Some(Value::String(text)) = object.remove(*name) {
            let separators: &[char] = if WORD_LISTS.contains(name) {
                &[';', '；', '\n']
            } else {
                &[',', '、', ';', '\n']
            };
            let items: Vec<Value> = text
                .split(separators)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| Value::String(s.to_owned()))
                .collect();
            object.insert((*name).to_owned(), Value::Array(items));
        }
    }
    object
}

fn need_fields(lang: Lang, v: &Values, errors: &[RowError]) -> Vec<Field> {
    let mt = lang.matching_texts();
    let t = lang.texts();
    let get = |k: &str| v.get(k).map(String::as_str).unwrap_or_default();
    let mut fields = vec![
        forms::select(
            "kind",
            mt.kind,
            options(
                NeedKind::ALL,
                |k| k.as_str(),
                |k| mt.need_kind(k),
                get("kind"),
                None,
            ),
        ),
        forms::text("title", mt.title, get("title")),
        forms::textarea("description", mt.description, get("description")),
    ];
    fields.extend(forms::word_rows(
        need_skill_rows(),
        (mt.skills, t.another_skill),
        t.word_rows_hint,
        v,
    ));
    fields.extend(forms::word_rows(
        required_skill_rows(),
        (mt.required_skills, mt.another_required_skill),
        t.word_rows_hint,
        v,
    ));
    fields.extend([
        sector_select(lang, SECTOR_FIELDS[0], get(SECTOR_FIELDS[0])),
        sector_select(lang, SECTOR_FIELDS[1], get(SECTOR_FIELDS[1])),
        sector_select(lang, SECTOR_FIELDS[2], get(SECTOR_FIELDS[2])),
        forms::select(
            "country",
            mt.country,
            forms::with_empty(view::country_choices(lang, get("country")), ""),
        ),
        forms::checkbox(
            "require_country",
            mt.require_country,
            get("require_country") == "true",
        ),
    ]);
    // Where candidates must be based, each country chosen by name.
    fields.extend(LOCATED_FIELDS.iter().enumerate().map(|(at, &name)| {
        let field = forms::select(
            name,
            if at == 0 {
                mt.located_in
            } else {
                mt.or_located_in
            },
            forms::with_empty(view::country_choices(lang, get(name)), "—"),
        );
        if at == 0 {
            forms::with_hint(field, mt.located_in_hint)
        } else {
            field
        }
    }));
    // Languages chosen by name, each with its least level and whether it must hold.
    for row in 0..LANGUAGE_ROWS.len() {
        fields.extend(language_row(lang, row, v));
    }
    fields.extend([
        forms::checkbox(
            "require_available",
            mt.require_available,
            get("require_available") == "true",
        ),
        forms::with_hint(
            Field {
                kind: "date",
                ..forms::text("available_by", mt.available_by, get("available_by"))
            },
            mt.people_only,
        ),
        forms::with_hint(
            forms::select(
                "min_readiness",
                mt.min_readiness,
                readiness_choices(get("min_readiness")),
            ),
            mt.technology_only,
        ),
        forms::with_hint(
            forms::select("deployed", mt.deployed_in, {
                let mut places = vec![Choice {
                    value: "abroad".into(),
                    label: mt.deployed_abroad.into(),
                    selected: get("deployed") == "abroad",
                }];
                places.extend(view::country_choices(lang, get("deployed")));
                forms::with_empty(places, "—")
            }),
            mt.technology_only,
        ),
    ]);
    fields.push(forms::with_hint(
        forms::select(
            "course_mode",
            mt.course_mode,
            forms::with_empty(
                CourseMode::ALL
                    .iter()
                    .map(|&mode| Choice {
                        value: mode.as_str().to_owned(),
                        label: matching::course_mode_name(mode, lang).to_owned(),
                        selected: get("course_mode") == mode.as_str(),
                    })
                    .collect(),
                "—",
            ),
        ),
        mt.training_only,
    ));
    fields.extend(seek_fields(lang, v, mt.seeks_hint));
    fields.extend([
        forms::with_hint(
            forms::text("investment_usd", mt.investment_usd, get("investment_usd")),
            "2,500,000",
        ),
        Field {
            kind: "date",
            ..forms::text("deadline", mt.deadline, get("deadline"))
        },
        forms::visibility(
            t,
            if get("visibility").is_empty() {
                "network"
            } else {
                get("visibility")
            },
        ),
    ]);
    forms::suggest_words(&mut fields, lang);
    forms::attach(&mut fields, errors);
    fields
}

pub(crate) async fn new_need(ctx: PageContext) -> Response {
    if matches!(ctx.caller, Caller::Anonymous) {
        return see_other("/sign-in");
    }
    let mt = ctx.lang.matching_texts();
    let fields = need_fields(ctx.lang, &Values::new(), &[]);
    form_page(
        &ctx,
        StatusCode::OK,
        mt.post_need,
        "needs",
        "/needs",
        fields,
        Vec::new(),
    )
}

pub(crate) async fn create_need(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let mt = ctx.lang.matching_texts();
    let object = form_object(&values, NEED_LISTS, NEED_CHECKBOXES);
    let result = match need_from_json(object, 0) {
        Ok(need) => state
            .kyoso
            .post_need(&ctx.caller, need)
            .await
            .map_err(field_faults),
        Err(errors) => Err(Ok(errors)),
    };
    match result {
        Ok(need) => see_other(&format!("/needs/{}", need.uid)),
        Err(Ok(errors)) => {
            let mut shown = values.clone();
            for name in NEED_CHECKBOXES {
                let on = values.get(*name).is_some_and(|v| v == "on" || v == "true");
                shown.insert((*name).to_owned(), on.to_string());
            }
            let fields = need_fields(ctx.lang, &shown, &errors);
            form_page(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                mt.post_need,
                "needs",
                "/needs",
                fields,
                errors,
            )
        }
        Err(Err(err)) => error_page(&ctx, err),
    }
}

// --- a need and its candidates ---

struct ReasonView {
    label: &'static str,
    colour: &'static str,
    words: String,
    contribution: String,
    weight: String,
}

struct PathStepView {
    name: String,
    href: String,
}

struct CandidateView {
    rank: usize,
    uid: Uid,
    title: String,
    href: String,
    country: String,
    score: String,
    /// The score as stacked bars: (x, width, colour).
    bars: Vec<(f64, f64, &'static str)>,
    reasons: Vec<ReasonView>,
    /// Each hard constraint of the need, in words, as the candidate holds it.
    constraints: Vec<String>,
    path: Vec<PathStepView>,
    provider: Option<PathStepView>,
    champion: Option<PathStepView>,
    matched: Option<&'static str>,
}

struct MatchView {
    uid: Uid,
    candidate: String,
    status: &'static str,
    outcome: String,
    score: String,
    moves: Vec<Choice>,
    can_move: bool,
    last_note: String,
}

#[derive(Template)]
#[template(path = "need.html")]
struct NeedPage {
    chrome: Chrome,
    uid: Uid,
    title: String,
    kind: &'static str,
    status: &'static str,
    status_code: &'static str,
    description: String,
    facts: Vec<(&'static str, String)>,
    candidates: Vec<CandidateView>,
    intro: String,
    manages: bool,
    signed_in: bool,
    matches: Vec<MatchView>,
    outcomes: Vec<Choice>,
    notice: Option<String>,
    error: Option<String>,
}

fn record_href(kind: CandidateKind, uid: Uid) -> String {
    match kind {
        CandidateKind::Person => view::href(EntityKind::Person, uid),
        CandidateKind::Offer => format!("/offers#offer-{uid}"),
        CandidateKind::Cohort => format!("/cohorts/{uid}"),
    }
}

fn node_view(node: &kyoso_service::network::NodeSummary, lang: Lang) -> PathStepView {
    PathStepView {
        name: view::names(&node.names, lang).0,
        href: view::href(node.kind, node.uid),
    }
}

fn candidates_view(ranking: &Ranking, lang: Lang) -> Vec<CandidateView> {
    let mt = lang.matching_texts();
    ranking
        .candidates
        .iter()
        .map(|c| {
            let mut x = 0.0;
            let bars = c
                .reasons
                .iter()
                .filter(|r| r.contribution > 0.0)
                .map(|r| {
                    let width = (r.contribution * 240.0 * 100.0).round() / 100.0;
                    let bar = (x, width, factor_colour(r.factor));
                    x += width;
                    bar
                })
                .collect();
            CandidateView {
                rank: c.rank,
                uid: c.candidate.uid,
                title: match &c.names {
                    Some(names) => view::names(names, lang).0,
                    None => c.title.clone(),
                },
                href: record_href(c.candidate.kind, c.candidate.uid),
                country: view::country(c.country, lang),
                score: format!("{:.3}", c.score),
                bars,
                reasons: c
                    .reasons
                    .iter()
                    .map(|r| ReasonView {
                        label: mt.factor(r.factor),
                        colour: factor_colour(r.factor),
                        words: matching::explain(r, lang),
                        contribution: format!("{:+.3}", r.contribution),
                        weight: format!("{:.0}%", r.weight * 100.0),
                    })
                    .collect(),
                constraints: c
                    .constraints
                    .iter()
                    .map(|h| matching::explain_holds(h, lang))
                    .collect(),
                path: if c.path.len() > 1 {
                    let len = c.path.len();
                    (c.path.iter().enumerate())
                        .map(|(at, n)| PathStepView {
                            name: kyoso_service::words::chain_name(n, at, len, lang),
                            href: view::href(n.kind, n.uid),
                        })
                        .collect()
                } else {
                    Vec::new()
                },
                provider: c.provider.as_ref().map(|p| node_view(p, lang)),
                champion: c.champion.as_ref().map(|ch| node_view(&ch.person, lang)),
                matched: c.matched.as_ref().map(|m| mt.match_status(m.status)),
            }
        })
        .collect()
}

#[derive(Debug, Deserialize)]
pub(crate) struct NeedPageQuery {
    saved: Option<String>,
}

pub(crate) async fn need_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Query(query): Query<NeedPageQuery>,
) -> Response {
    let uid = match parse_id(&id) {
        Ok(uid) => uid,
        Err(err) => return error_page(&ctx, err),
    };
    let notice = query
        .saved
        .is_some()
        .then(|| ctx.lang.texts().saved.to_owned());
    need_view(&state, &ctx, uid, StatusCode::OK, notice, None).await
}

async fn need_view(
    state: &AppState,
    ctx: &PageContext,
    uid: Uid,
    status: StatusCode,
    notice: Option<String>,
    error: Option<String>,
) -> Response {
    let lang = ctx.lang;
    let mt = lang.matching_texts();
    let need = match state.kyoso.need(&ctx.caller, uid).await {
        Ok(need) => need,
        Err(err) => return error_page(ctx, err),
    };
    let signed_in = !matches!(ctx.caller, Caller::Anonymous);
    let manages = matching::manages_need(&ctx.caller, &need);
    let (candidates, intro) = if signed_in && need.status.is_active() {
        match state
            .kyoso
            .rank(&ctx.caller, uid, 20, Default::default())
            .await
        {
            Ok(ranking) => {
                let intro = mt
                    .candidates_intro
                    .replace("{n}", &ranking.candidates.len().to_string())
                    .replace("{pool}", &ranking.pool.to_string());
                (candidates_view(&ranking, lang), intro)
            }
            Err(err) => return error_page(ctx, err),
        }
    } else {
        (Vec::new(), String::new())
    };
    let matches = if manages {
        match state.kyoso.matches_of(&ctx.caller, uid).await {
            Ok(found) => {
                let mut views = Vec::new();
                for m in found {
                    views.push(match_view(state, ctx, &m, true).await);
                }
                views
            }
            Err(err) => return error_page(ctx, err),
        }
    } else {
        Vec::new()
    };
    let n = &need.need;
    let join = |items: Vec<String>| items.join(", ");
    let mut facts = vec![(mt.country, view::country(n.country, lang))];
    if !n.skills.is_empty() {
        facts.push((
            mt.skills,
            join(n.skills.iter().map(|s| s.to_string()).collect()),
        ));
    }
    if !n.required_skills.is_empty() {
        facts.push((
            mt.required_skills,
            join(n.required_skills.iter().map(|s| s.to_string()).collect()),
        ));
    }
    if !n.sectors.is_empty() {
        facts.push((mt.sectors, view::sectors(&n.sectors, lang)));
    }
    if !n.languages.is_empty() {
        facts.push((
            mt.languages,
            join(
                n.languages
                    .iter()
                    .map(|l| {
                        // "Thai B2 or English C1": any one will do.
                        let level = l
                            .options()
                            .map(|o| view::language_level(o.language(), o.level().as_str(), lang))
                            .collect::<Vec<_>>()
                            .join(lang.text("reasons-language-or"));
                        if l.must {
                            format!("{level} ({})", lang.text("matching-language-must"))
                        } else {
                            level
                        }
                    })
                    .collect(),
            ),
        ));
    }
    if let Some(least) = n.min_readiness {
        facts.push((mt.min_readiness, format!("TRL {}", least.level())));
    }
    if let Some(deployed) = n.deployed {
        let place = match deployed {
            kyoso_domain::Deployment::Abroad => mt.deployed_abroad.to_owned(),
            kyoso_domain::Deployment::In(country) => view::country(Some(country), lang),
        };
        facts.push((mt.deployed_in, place));
    }
    if !n.seeks.is_empty() {
        let seeks: Vec<&str> = n.seeks.iter().map(|&s| mt.seek(s)).collect();
        facts.push((mt.seeks, seeks.join(", ")));
    }
    if let Some(by) = n.available_by {
        facts.push((mt.available_by, by.to_string()));
    }
    if let Some(mode) = n.course_mode {
        facts.push((
            mt.course_mode,
            matching::course_mode_name(mode, lang).to_owned(),
        ));
    }
    if !n.located_in.is_empty() {
        let places: Vec<String> = n
            .located_in
            .iter()
            .map(|&c| view::country(Some(c), lang))
            .collect();
        facts.push((mt.located_in, places.join(", ")));
    }
    if let Some(amount) = n.investment_usd {
        facts.push((mt.investment_usd, matching::usd_amount(amount, lang)));
    }
    if let Some(deadline) = n.deadline {
        facts.push((mt.deadline, deadline.to_string()));
    }
    let soon = time::OffsetDateTime::now_utc().date() + time::Duration::days(matching::REMIND_DAYS);
    let notice = notice
        .or_else(|| {
            (manages && need.status.is_active() && n.deadline.is_some_and(|d| d <= soon)).then(
                || {
                    mt.expires_soon.replace(
                        "{date}",
                        &n.deadline.map(|d| d.to_string()).unwrap_or_default(),
                    )
                },
            )
        })
        .or_else(|| (need.status == NeedStatus::Expired).then(|| mt.expired_note.to_owned()));
    let page = NeedPage {
        chrome: chrome_for(ctx, n.title.to_string(), "needs"),
        uid,
        title: n.title.to_string(),
        kind: mt.need_kind(n.kind),
        status: mt.need_status(need.status),
        status_code: need.status.as_str(),
        description: n
            .description
            .as_ref()
            .map(|d| d.to_string())
            .unwrap_or_default(),
        facts,
        candidates,
        intro,
        manages,
        signed_in,
        matches,
        outcomes: options(
            MatchOutcome::ALL,
            |o| o.as_str(),
            |o| mt.outcome(o),
            "",
            Some("—"),
        ),
        notice,
        error,
    };
    render_page(ctx, status, &page)
}

async fn match_view(
    state: &AppState,
    ctx: &PageContext,
    m: &StoredMatch,
    can_move: bool,
) -> MatchView {
    let mt = ctx.lang.matching_texts();
    MatchView {
        uid: m.uid,
        candidate: state
            .kyoso
            .candidate_title(&ctx.caller, m.candidate, ctx.lang.code())
            .await,
        status: mt.match_status(m.status),
        outcome: m
            .outcome
            .map(|o| mt.outcome(o).to_owned())
            .unwrap_or_default(),
        score: format!("{:.3}", m.score),
        moves: m
            .status
            .next()
            .iter()
            .map(|&s| Choice {
                value: s.as_str().to_owned(),
                label: mt.match_status(s).to_owned(),
                selected: false,
            })
            .collect(),
        can_move: can_move && !m.status.is_final(),
        last_note: m
            .events
            .iter()
            .rev()
            .find_map(|e| e.note.as_ref().map(|n| n.to_string()))
            .unwrap_or_default(),
    }
}

/// "Ask for an introduction": proposes the candidate.
pub(crate) async fn introduce_post(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let (need, candidate) = match (
        parse_id(&id),
        parse_id(
            values
                .get("candidate")
                .map(String::as_str)
                .unwrap_or_default(),
        ),
    ) {
        (Ok(need), Ok(candidate)) => (need, candidate),
        (Err(err), _) | (_, Err(err)) => return error_page(&ctx, err),
    };
    match state.kyoso.propose(&ctx.caller, need, candidate).await {
        Ok(_) => see_other(&format!("/needs/{need}?saved=1#introductions")),
        Err(err) => refused(&state, &ctx, need, err).await,
    }
}

/// Closes a need or opens it again.
pub(crate) async fn need_status_post(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let uid = match parse_id(&id) {
        Ok(uid) => uid,
        Err(err) => return error_page(&ctx, err),
    };
    let status = values
        .get("status")
        .and_then(|s| s.parse::<NeedStatus>().ok())
        .unwrap_or(NeedStatus::Closed);
    match state.kyoso.set_need_status(&ctx.caller, uid, status).await {
        Ok(_) => see_other(&format!("/needs/{uid}?saved=1")),
        Err(err) => refused(&state, &ctx, uid, err).await,
    }
}

/// Moves a match; back to the need, or to the pipeline.
pub(crate) async fn move_post(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let uid = match parse_id(&id) {
        Ok(uid) => uid,
        Err(err) => return error_page(&ctx, err),
    };
    let get = |k: &str| {
        values
            .get(k)
            .map(String::as_str)
            .filter(|v| !v.trim().is_empty())
    };
    let found = match state.kyoso.find_match(&ctx.caller, uid).await {
        Ok(found) => found,
        Err(err) => return error_page(&ctx, err),
    };
    let result = match read_move(get("status"), get("outcome"), get("note")) {
        Ok(step) => state.kyoso.move_match(&ctx.caller, uid, step).await,
        Err(errors) => Err(ServiceError::Invalid {
            field: errors[0].field.clone(),
            message: errors[0].message.clone(),
        }),
    };
    let to_board = get("back") == Some("/matches");
    match result {
        Ok(_) if to_board => see_other("/matches?saved=1"),
        Ok(_) => see_other(&format!("/needs/{}?saved=1#introductions", found.need)),
        Err(err) => refused(&state, &ctx, found.need, err).await,
    }
}

// --- the pipeline ---

struct PipelineColumn {
    status: &'static str,
    code: &'static str,
    cards: Vec<PipelineCard>,
}

struct PipelineCard {
    need_href: String,
    need: String,
    view: MatchView,
}

#[derive(Template)]
#[template(path = "pipeline.html")]
struct PipelinePage {
    chrome: Chrome,
    columns: Vec<PipelineColumn>,
    outcomes: Vec<Choice>,
    saved: bool,
}

pub(crate) async fn pipeline_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<NeedPageQuery>,
) -> Response {
    let mt = ctx.lang.matching_texts();
    let found = match state.kyoso.pipeline(&ctx.caller).await {
        Ok(found) => found,
        Err(err) => return error_page(&ctx, err),
    };
    let mut titles: std::collections::HashMap<Uid, String> = std::collections::HashMap::new();
    let mut columns: Vec<PipelineColumn> = MatchStatus::PIPELINE
        .iter()
        .map(|&s| PipelineColumn {
            status: mt.match_status(s),
            code: s.as_str(),
            cards: Vec::new(),
        })
        .collect();
    for m in &found {
        if let std::collections::hash_map::Entry::Vacant(slot) = titles.entry(m.need) {
            slot.insert(match state.kyoso.need(&ctx.caller, m.need).await {
                Ok(n) => n.need.title.to_string(),
                Err(_) => String::new(),
            });
        }
        let view = match_view(&state, &ctx, m, true).await;
        if let Some(column) = columns.iter_mut().find(|c| c.code == m.status.as_str()) {
            column.cards.push(PipelineCard {
                need_href: format!("/needs/{}", m.need),
                need: titles[&m.need].clone(),
                view,
            });
        }
    }
    let page = PipelinePage {
        chrome: chrome_for(&ctx, mt.pipeline, "needs"),
        columns,
        outcomes: options(
            MatchOutcome::ALL,
            |o| o.as_str(),
            |o| mt.outcome(o),
            "",
            Some("—"),
        ),
        saved: query.saved.is_some(),
    };
    render_page(&ctx, StatusCode::OK, &page)
}

// --- the catalogue ---

#[derive(Debug, Deserialize)]
pub(crate) struct OffersQuery {
    kind: Option<String>,
    sector: Option<String>,
    country: Option<String>,
    seeks: Option<String>,
    min_readiness: Option<String>,
    q: Option<String>,
}

struct OfferCard {
    uid: Uid,
    kind: &'static str,
    title: String,
    provider: String,
    provider_href: String,
    description: String,
    readiness: Option<u8>,
    sdgs: Vec<String>,
    countries: String,
    countries_label: &'static str,
    seeks: String,
    keywords: String,
    capacity: String,
    /// The least and the most a company seeking to invest puts in.
    invests: String,
    /// The languages it works in, each at its level.
    languages: String,
}

#[derive(Template)]
#[template(path = "offers.html")]
struct OffersPage {
    chrome: Chrome,
    cards: Vec<OfferCard>,
    kinds: Vec<Choice>,
    seeks: Vec<Choice>,
    countries: Vec<Choice>,
    readiness: Vec<Choice>,
    q: String,
    sector: String,
    can_list: bool,
    error: Option<String>,
}

async fn offer_card(state: &AppState, ctx: &PageContext, o: &StoredOffer) -> OfferCard {
    let lang = ctx.lang;
    let mt = lang.matching_texts();
    let provider = match state
        .kyoso
        .organization(&ctx.caller, o.offer.provider)
        .await
    {
        Ok(org) => view::names(&org.record.names, lang).0,
        Err(_) => String::new(),
    };
    OfferCard {
        uid: o.uid,
        kind: mt.offer_kind(o.offer.kind),
        title: o.offer.title.to_string(),
        provider,
        provider_href: view::href(EntityKind::Organization, o.offer.provider),
        description: o
            .offer
            .description
            .as_ref()
            .map(|d| d.to_string())
            .unwrap_or_default(),
        readiness: o.offer.readiness.map(|r| r.level()),
        sdgs: o.offer.sdgs.iter().map(|s| s.to_string()).collect(),
        countries: o
            .offer
            .countries
            .iter()
            .map(|&c| view::country(Some(c), lang))
            .collect::<Vec<_>>()
            .join(", "),
        countries_label: match o.offer.kind {
            OfferKind::Technology => mt.deployed_in,
            OfferKind::Partnership => mt.markets_sought,
        },
        seeks: o
            .offer
            .seeks
            .iter()
            .map(|&s| mt.seek(s))
            .collect::<Vec<_>>()
            .join(", "),
        keywords: o
            .offer
            .keywords
            .iter()
            .map(|k| k.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        capacity: o
            .offer
            .capacity
            .as_ref()
            .map(|c| c.to_string())
            .unwrap_or_default(),
        languages: view::languages(&o.offer.languages, ctx.lang),
        invests: match (o.offer.invests_from_usd, o.offer.invests_up_to_usd) {
            (None, None) => String::new(),
            (from, up_to) => {
                let amount = |a: Option<u64>| {
                    a.map(|a| matching::usd_amount(a, ctx.lang))
                        .unwrap_or_default()
                };
                format!("{} – {}", amount(from), amount(up_to))
            }
        },
    }
}

pub(crate) async fn offers_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<OffersQuery>,
) -> Response {
    let lang = ctx.lang;
    let mt = lang.matching_texts();
    let text = |v: &Option<String>| v.as_deref().unwrap_or_default().trim().to_owned();
    let (kind, sector, country, seeks, min_readiness, q) = (
        text(&query.kind),
        text(&query.sector),
        text(&query.country),
        text(&query.seeks),
        text(&query.min_readiness),
        text(&query.q),
    );
    let nonempty = |s: &String| (!s.is_empty()).then(|| s.clone());
    let (offers, error) = match offer_filter(
        nonempty(&kind).as_deref(),
        None,
        nonempty(&sector).as_deref(),
        nonempty(&country).as_deref(),
        nonempty(&seeks).as_deref(),
        nonempty(&min_readiness).as_deref(),
        nonempty(&q).as_deref(),
    ) {
        Ok(filter) => match state.kyoso.offers(&ctx.caller, &filter, 200).await {
            Ok(offers) => (offers, None),
            Err(err) => return error_page(&ctx, err),
        },
        Err(err) => (Vec::new(), Some(err.to_string())),
    };
    let mut cards = Vec::with_capacity(offers.len());
    for o in &offers {
        cards.push(offer_card(&state, &ctx, o).await);
    }
    let levels: Vec<(String, String)> = (1..=9)
        .map(|l| (l.to_string(), format!("TRL {l}")))
        .collect();
    let page = OffersPage {
        chrome: chrome_for(&ctx, mt.catalogue, "offers"),
        cards,
        kinds: options(
            OfferKind::ALL,
            |k| k.as_str(),
            |k| mt.offer_kind(k),
            &kind,
            Some(mt.any),
        ),
        seeks: options(
            Seek::ALL,
            |s| s.as_str(),
            |s| mt.seek(s),
            &seeks,
            Some(mt.any),
        ),
        countries: view::country_choices(lang, &country),
        readiness: std::iter::once(Choice {
            value: String::new(),
            label: mt.any.to_owned(),
            selected: min_readiness.is_empty(),
        })
        .chain(levels.into_iter().map(|(value, label)| Choice {
            selected: value == min_readiness,
            value,
            label,
        }))
        .collect(),
        q,
        sector,
        can_list: ctx.caller.may_create_records(),
        error,
    };
    render_page(&ctx, StatusCode::OK, &page)
}

fn offer_fields(lang: Lang, v: &Values, errors: &[RowError]) -> Vec<Field> {
    let mt = lang.matching_texts();
    let t = lang.texts();
    let get = |k: &str| v.get(k).map(String::as_str).unwrap_or_default();
    let mut fields = vec![
        forms::select(
            "kind",
            mt.kind,
            options(
                OfferKind::ALL,
                |k| k.as_str(),
                |k| mt.offer_kind(k),
                get("kind"),
                None,
            ),
        ),
        forms::text("title", mt.title, get("title")),
        forms::textarea("description", mt.description, get("description")),
    ];
    fields.extend(forms::word_rows(
        keyword_rows(),
        (mt.keywords, mt.another_keyword),
        t.word_rows_hint,
        v,
    ));
    fields.extend([
        sector_select(lang, SECTOR_FIELDS[0], get(SECTOR_FIELDS[0])),
        sector_select(lang, SECTOR_FIELDS[1], get(SECTOR_FIELDS[1])),
        sector_select(lang, SECTOR_FIELDS[2], get(SECTOR_FIELDS[2])),
    ]);
    fields.extend(sdg_fields(lang, v));
    fields.push(forms::select(
        "readiness",
        mt.readiness,
        readiness_choices(get("readiness")),
    ));
    fields.extend(
        COUNTRY_FIELDS
            .iter()
            .map(|&name| country_select(lang, name, get(name))),
    );
    fields.extend(seek_fields(lang, v, mt.seeks_offer_hint));
    for row in 0..LANGUAGE_ROWS.len() {
        fields.extend(spoken_row(lang, row, v));
    }
    fields.extend([
        forms::with_hint(
            forms::text(
                "invests_from_usd",
                mt.invests_from_usd,
                get("invests_from_usd"),
            ),
            mt.investing_only,
        ),
        forms::with_hint(
            forms::text(
                "invests_up_to_usd",
                mt.invests_up_to_usd,
                get("invests_up_to_usd"),
            ),
            mt.investing_only,
        ),
        forms::text("capacity", mt.capacity, get("capacity")),
        forms::visibility(
            t,
            if get("visibility").is_empty() {
                "public"
            } else {
                get("visibility")
            },
        ),
    ]);
    forms::suggest_words(&mut fields, lang);
    forms::attach(&mut fields, errors);
    fields
}

pub(crate) async fn new_offer(ctx: PageContext) -> Response {
    if !(ctx.caller.may_create_records()) {
        return error_page(
            &ctx,
            if ctx.caller.user().is_some() {
                ServiceError::Forbidden
            } else {
                ServiceError::Unauthenticated
            },
        );
    }
    let mt = ctx.lang.matching_texts();
    let fields = offer_fields(ctx.lang, &Values::new(), &[]);
    form_page(
        &ctx,
        StatusCode::OK,
        mt.list_offer,
        "offers",
        "/offers",
        fields,
        Vec::new(),
    )
}

pub(crate) async fn create_offer(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let mt = ctx.lang.matching_texts();
    let object = form_object(&values, OFFER_LISTS, &[]);
    let result = match offer_from_json(object, 0) {
        Ok(offer) => state
            .kyoso
            .create_offer(&ctx.caller, offer)
            .await
            .map_err(field_faults),
        Err(errors) => Err(Ok(errors)),
    };
    match result {
        Ok(offer) => see_other(&format!("/offers#offer-{}", offer.uid)),
        Err(Ok(errors)) => {
            let fields = offer_fields(ctx.lang, &values, &errors);
            form_page(
                &ctx,
                StatusCode::UNPROCESSABLE_ENTITY,
                mt.list_offer,
                "offers",
                "/offers",
                fields,
                errors,
            )
        }
        Err(Err(err)) => error_page(&ctx, err),
    }
}

// --- assignment rounds ---

struct FairnessChart {
    title: &'static str,
    /// (label, placed share 0..1 as bar width, text)
    rows: Vec<(String, f64, String, String)>,
    height: usize,
}

struct PlacementRow {
    participant: String,
    host: String,
    score: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "assign.html")]
struct AssignPage {
    chrome: Chrome,
    csv: String,
    optimal: bool,
    summary: Option<Vec<(&'static str, String)>>,
    charts: Vec<FairnessChart>,
    rows: Vec<PlacementRow>,
    error: Option<String>,
}

pub(crate) async fn assign_page(ctx: PageContext) -> Response {
    if matches!(ctx.caller, Caller::Anonymous) {
        return see_other("/sign-in");
    }
    let mt = ctx.lang.matching_texts();
    let page = AssignPage {
        chrome: chrome_for(&ctx, mt.assignment, "needs"),
        csv: "participant,host,score,capacity,country,gender\n".into(),
        optimal: true,
        summary: None,
        charts: Vec::new(),
        rows: Vec::new(),
        error: None,
    };
    render_page(&ctx, StatusCode::OK, &page)
}

fn fairness_charts(outcome: &RoundOutcome, mt: &MatchingTexts) -> Vec<FairnessChart> {
    [("country", mt.by_country), ("gender", mt.by_gender)]
        .into_iter()
        .filter_map(|(by, title)| {
            let rows: Vec<(String, f64, String, String)> = outcome
                .fairness
                .iter()
                .filter(|g| g.by == by)
                .map(|g| {
                    let share = if g.participants == 0 {
                        0.0
                    } else {
                        g.placed as f64 / g.participants as f64
                    };
                    (
                        g.group.clone(),
                        (share * 300.0).round(),
                        format!("{}/{} ({:.0}%)", g.placed, g.participants, share * 100.0),
                        g.mean_score
                            .map(|s| format!("{s:.2}"))
                            .unwrap_or_else(|| "—".into()),
                    )
                })
                .collect();
            (!rows.is_empty()).then(|| FairnessChart {
                title,
                height: rows.len() * 22 + 4,
                rows,
            })
        })
        .collect()
}

pub(crate) async fn assign_post(
    State(_state): State<AppState>,
    ctx: PageContext,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    if matches!(ctx.caller, Caller::Anonymous) {
        return see_other("/sign-in");
    }
    let mt = ctx.lang.matching_texts();
    let csv = values.get("csv").cloned().unwrap_or_default();
    let mode = if values.get("mode").map(String::as_str) == Some("stable") {
        Mode::Stable
    } else {
        Mode::Optimal
    };
    let mut page = AssignPage {
        chrome: chrome_for(&ctx, mt.assignment, "needs"),
        csv: csv.clone(),
        optimal: mode == Mode::Optimal,
        summary: None,
        charts: Vec::new(),
        rows: Vec::new(),
        error: None,
    };
    match assign_csv(Bytes::from(csv.into_bytes()), mode).await {
        Ok(outcome) => {
            page.summary = Some(vec![
                (mt.participants, outcome.participants.to_string()),
                (mt.hosts, outcome.hosts.to_string()),
                (mt.places, outcome.capacity.to_string()),
                (mt.placed, outcome.placed.to_string()),
                (mt.total_score, format!("{:.2}", outcome.total_score)),
            ]);
            page.charts = fairness_charts(&outcome, mt);
            page.rows = outcome
                .placements
                .iter()
                .map(|p| PlacementRow {
                    participant: p.participant.clone(),
                    host: p.host.clone().unwrap_or_default(),
                    score: p.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
                    reason: match p.reason {
                        Some("no_candidates") => mt.no_candidates_reason.to_owned(),
                        Some("hosts_full") => mt.hosts_full_reason.to_owned(),
                        Some("not_worth_it") => mt.not_worth_it_reason.to_owned(),
                        Some(other) => other.to_owned(),
                        None => String::new(),
                    },
                })
                .collect();
            render_page(&ctx, StatusCode::OK, &page)
        }
        Err(err) => {
            page.error = Some(err.to_string());
            render_page(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn submitted(pairs: &[(&str, &str)]) -> Values {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn language_rows_become_requirements_with_either_or_groups() {
        // Thai B2 or English C1, one of which must hold; Japanese N3 scores.
        let object = form_object(
            &submitted(&[
                ("languages", "th"),
                ("level_1", "B2"),
                ("language_2", "en"),
                ("level_2", "C1"),
                ("or_2", "on"),
                ("must_2", "on"),
                ("language_3", "ja"),
                ("level_3", "N3"),
                ("seeks_supplier", "on"),
            ]),
            NEED_LISTS,
            NEED_CHECKBOXES,
        );
        assert_eq!(
            object["languages"],
            serde_json::json!(["th:B2|en:C1!", "ja:N3"])
        );
        assert_eq!(object["seeks"], serde_json::json!(["supplier"]));
        // Nothing of the rows is left for the reader to refuse.
        for row in ["or_2", "or_3", "must_1", "level_3", "seeks_supplier"] {
            assert!(!object.contains_key(row), "{row}: {object:?}");
        }
        let need = need_from_json(
            {
                let mut object = object;
                object.insert("kind".into(), "business_partner".into());
                object.insert("title".into(), "Parts".into());
                object.insert("skills".into(), serde_json::json!(["machining"]));
                object
            },
            0,
        )
        .unwrap();
        assert_eq!(need.languages[0].to_string(), "th:B2|en:C1!");
        // The goals an offer serves, chosen by name, become their numbers.
        let offer = form_object(
            &submitted(&[("sdg_6", "on"), ("sdg_17", "on"), ("countries_2", "VN")]),
            OFFER_LISTS,
            &[],
        );
        assert_eq!(offer["sdgs"], serde_json::json!(["6", "17"]));
        assert_eq!(offer["countries"], serde_json::json!(["VN"]));
        // A first row marked "or" has nothing above it to join.
        let alone = form_object(
            &submitted(&[("language_2", "vi"), ("level_2", "B1"), ("or_2", "on")]),
            NEED_LISTS,
            NEED_CHECKBOXES,
        );
        assert_eq!(alone["languages"], serde_json::json!(["vi:B1"]));
    }
}
