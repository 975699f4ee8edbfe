//! The knowledge pages: lessons learned (the practice carried from Japan,
//! its adaptation, the context, the result) and questions to the network
//! with their answers. Every choice is made from names in the reader's
//! language; the forms are read by the same readers as the API's bodies.

use std::sync::LazyLock;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use kyoso_domain::{
    CountryCode, LanguageCode, RowError, SectorCode, StoredLesson, StoredQuestion, Uid,
};
use kyoso_exchange::{answer_from_json, lesson_from_json, question_from_json};
use kyoso_service::knowledge::LessonFilter;
use kyoso_service::{Action, Caller, Resource, ServiceError};
use serde::Deserialize;

use crate::AppState;
use crate::auth::PageContext;
use crate::forms::{self, Field, Values};
use crate::i18n::{Arg, Lang};
use crate::pages::{Chrome, FormPage, chrome_for, error_page, parse_id, refuse_csrf, render_page};
use crate::pages_matching::field_faults;
use crate::redirect::see_other;
use crate::view::{self, Choice};

#[derive(Debug)]
pub(crate) struct KnowledgeTexts {
    title: &'static str,
    intro: &'static str,
    lessons: &'static str,
    questions: &'static str,
    record_lesson: &'static str,
    ask: &'static str,
    no_lessons: &'static str,
    no_questions: &'static str,
    search: &'static str,
    every_country: &'static str,
    every_sector: &'static str,
    show: &'static str,
    practice: &'static str,
    adaptation: &'static str,
    context: &'static str,
    result: &'static str,
    lesson_title: &'static str,
    written_in: &'static str,
    adapted_in: &'static str,
    sector: &'static str,
    kept_by: &'static str,
    technology: &'static str,
    program: &'static str,
    people: &'static str,
    edit: &'static str,
    edit_lesson: &'static str,
    asked_by: &'static str,
    asked_on: &'static str,
    open: &'static str,
    settled: &'static str,
    accepted: &'static str,
    accept: &'static str,
    your_answer: &'static str,
    send_answer: &'static str,
    question: &'static str,
    question_details: &'static str,
    withdraw: &'static str,
    answer_needs_profile: &'static str,
    translation: &'static str,
}

fn load(lang: Lang) -> KnowledgeTexts {
    KnowledgeTexts {
        title: lang.text("knowledge-title"),
        intro: lang.text("knowledge-intro"),
        lessons: lang.text("knowledge-lessons"),
        questions: lang.text("knowledge-questions"),
        record_lesson: lang.text("knowledge-record-lesson"),
        ask: lang.text("knowledge-ask"),
        no_lessons: lang.text("knowledge-no-lessons"),
        no_questions: lang.text("knowledge-no-questions"),
        search: lang.text("knowledge-search"),
        every_country: lang.text("knowledge-every-country"),
        every_sector: lang.text("knowledge-every-sector"),
        show: lang.text("knowledge-show"),
        practice: lang.text("knowledge-practice"),
        adaptation: lang.text("knowledge-adaptation"),
        context: lang.text("knowledge-context"),
        result: lang.text("knowledge-result"),
        lesson_title: lang.text("knowledge-lesson-title"),
        written_in: lang.text("knowledge-written-in"),
        adapted_in: lang.text("knowledge-adapted-in"),
        sector: lang.text("knowledge-sector"),
        kept_by: lang.text("knowledge-kept-by"),
        technology: lang.text("knowledge-technology"),
        program: lang.text("knowledge-program"),
        people: lang.text("knowledge-people"),
        edit: lang.text("knowledge-edit"),
        edit_lesson: lang.text("knowledge-edit-lesson"),
        asked_by: lang.text("knowledge-asked-by"),
        asked_on: lang.text("knowledge-asked-on"),
        open: lang.text("knowledge-open"),
        settled: lang.text("knowledge-settled"),
        accepted: lang.text("knowledge-accepted"),
        accept: lang.text("knowledge-accept"),
        your_answer: lang.text("knowledge-your-answer"),
        send_answer: lang.text("knowledge-send-answer"),
        question: lang.text("knowledge-question"),
        question_details: lang.text("knowledge-question-details"),
        withdraw: lang.text("knowledge-withdraw"),
        answer_needs_profile: lang.text("knowledge-answer-needs-profile"),
        translation: lang.text("search-translated"),
    }
}

static LOADED: LazyLock<[KnowledgeTexts; 4]> = LazyLock::new(|| Lang::ALL.map(load));

fn texts(lang: Lang) -> &'static KnowledgeTexts {
    &LOADED[lang as usize]
}

/// The languages a lesson or a question is most often written in, first
/// the interface's four.
const WRITTEN_IN: [&str; 14] = [
    "en", "ja", "th", "vi", "id", "ms", "km", "lo", "my", "tl", "zh", "ko", "es", "pt",
];

fn language_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    WRITTEN_IN
        .iter()
        .map(|code| Choice {
            value: (*code).to_owned(),
            label: lang.language(code).unwrap_or(code).to_owned(),
            selected: *code == selected,
        })
        .collect()
}

fn language_name(code: LanguageCode, lang: Lang) -> String {
    let code = code.to_string();
    lang.language(&code).map_or(code, str::to_owned)
}

fn sector_names(codes: &[SectorCode], lang: Lang) -> String {
    codes
        .iter()
        .map(|c| lang.sector(c.code()).unwrap_or_else(|| c.name()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A person's name as the caller may read it; nothing if they may not.
async fn person_link(state: &AppState, ctx: &PageContext, uid: Uid) -> Option<(String, String)> {
    let person = state.kyoso.person(&ctx.caller, uid).await.ok()?;
    Some((
        view::names(&person.record.names, ctx.lang).0,
        format!("/people/{uid}"),
    ))
}

/// The first characters of a text, cut at a character.
fn excerpt(text: &str, chars: usize) -> String {
    let mut out: String = text.chars().take(chars).collect();
    if text.chars().count() > chars {
        out.push('…');
    }
    out
}

// --- the knowledge page ---

#[derive(Debug, Default, Deserialize)]
pub(crate) struct KnowledgeQuery {
    #[serde(default)]
    country: String,
    #[serde(default)]
    sector: String,
}

struct LessonCard {
    href: String,
    title: String,
    language: String,
    translated: bool,
    place: String,
    practice: String,
    adaptation: String,
}

struct QuestionRow {
    href: String,
    title: String,
    language: String,
    settled: bool,
    answers: String,
    asked_on: String,
}

#[derive(Template)]
#[template(path = "knowledge.html")]
struct KnowledgePage {
    chrome: Chrome,
    kt: &'static KnowledgeTexts,
    lessons: Vec<LessonCard>,
    questions: Vec<QuestionRow>,
    countries: Vec<Choice>,
    sectors: Vec<Choice>,
    may_record: bool,
    may_ask: bool,
}

fn answer_count(count: usize, lang: Lang) -> String {
    lang.format(
        "knowledge-answer-count",
        &[("count", Arg::Number(count as f64))],
    )
}

pub(crate) async fn knowledge_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<KnowledgeQuery>,
) -> Response {
    let lang = ctx.lang;
    let kt = texts(lang);
    let filter = LessonFilter {
        country: CountryCode::parse(query.country.trim()).ok(),
        sector: SectorCode::parse(query.sector.trim()).ok(),
    };
    let lessons = match state.kyoso.lessons(&ctx.caller, &filter, 100).await {
        Ok(lessons) => lessons,
        Err(error) => return error_page(&ctx, error),
    };
    let questions = match state.kyoso.questions(&ctx.caller, false, 50).await {
        Ok(questions) => questions,
        Err(error) => return error_page(&ctx, error),
    };
    let lessons = lessons
        .iter()
        .map(|stored| {
            let l = &stored.lesson;
            let shown = LanguageCode::parse(lang.code())
                .ok()
                .and_then(|reader| stored.in_language(reader))
                .or_else(|| stored.in_language(l.language))
                .expect("a lesson has its own text");
            let mut place = vec![view::country(l.country, lang)];
            place.push(sector_names(&l.sectors, lang));
            place.retain(|p| !p.is_empty());
            LessonCard {
                href: format!("/lessons/{}", stored.uid),
                title: shown.title.to_string(),
                language: shown.language.to_string(),
                translated: shown.status.is_some(),
                place: place.join(" · "),
                practice: excerpt(shown.practice.as_str(), 140),
                adaptation: excerpt(shown.adaptation.as_str(), 180),
            }
        })
        .collect();
    let questions = questions
        .iter()
        .map(|q| QuestionRow {
            href: format!("/questions/{}", q.uid),
            title: q.title.to_string(),
            language: q.language.to_string(),
            settled: q.accepted().is_some(),
            answers: answer_count(q.answers.len(), lang),
            asked_on: q.created_at.to_string().chars().take(10).collect(),
        })
        .collect();
    let mut countries = view::country_choices(lang, query.country.trim());
    countries.insert(
        0,
        Choice {
            value: String::new(),
            label: kt.every_country.to_owned(),
            selected: query.country.trim().is_empty(),
        },
    );
    let page = KnowledgePage {
        chrome: chrome_for(&ctx, kt.title, "knowledge"),
        kt,
        lessons,
        questions,
        countries,
        sectors: view::sector_choices(lang, query.sector.trim(), kt.every_sector),
        may_record: ctx.caller.may_create_records(),
        may_ask: ctx.caller.user().is_some(),
    };
    render_page(&ctx, StatusCode::OK, &page)
}

// --- a lesson ---

struct Step {
    heading: &'static str,
    text: String,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct LessonQuery {
    /// Shows the lesson as written, not in the reader's language.
    #[serde(default)]
    original: String,
}

#[derive(Template)]
#[template(path = "lesson.html")]
struct LessonPage {
    chrome: Chrome,
    kt: &'static KnowledgeTexts,
    uid: Uid,
    title: String,
    language: String,
    /// Shown in a translation: what it says of itself.
    translation_note: Option<String>,
    /// Where the other reading is (the original, or the translation).
    other_reading: Option<(String, &'static str)>,
    steps: Vec<Step>,
    facts: Vec<(&'static str, String, Option<String>)>,
    people: Vec<(String, String)>,
    may_edit: bool,
}

pub(crate) async fn lesson_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Query(query): Query<LessonQuery>,
) -> Response {
    let lang = ctx.lang;
    let kt = texts(lang);
    let lesson = match parse_id(&id) {
        Ok(uid) => state.kyoso.lesson(&ctx.caller, uid).await,
        Err(error) => Err(error),
    };
    let stored = match lesson {
        Ok(stored) => stored,
        Err(error) => return error_page(&ctx, error),
    };
    let l = &stored.lesson;
    // In the reader's language where the lesson has it, else as written.
    let translated = LanguageCode::parse(lang.code())
        .ok()
        .and_then(|reader| stored.in_language(reader))
        .filter(|text| text.status.is_some());
    let wants_original = !query.original.is_empty();
    let shown = match translated {
        Some(text) if !wants_original => text,
        _ => stored
            .in_language(l.language)
            .expect("a lesson has its own text"),
    };
    let translation_note = shown.status.map(|status| {
        lang.format(
            "knowledge-translation-note",
            &[
                (
                    "status",
                    Arg::Text(lang.text(&format!("knowledge-status-{}", status.as_str()))),
                ),
                ("original", Arg::Text(&language_name(l.language, lang))),
            ],
        )
    });
    let other_reading = translated.map(|_| {
        if wants_original {
            (
                format!("/lessons/{}", stored.uid),
                lang.text("knowledge-show-translation"),
            )
        } else {
            (
                format!("/lessons/{}?original=1", stored.uid),
                lang.text("knowledge-show-original"),
            )
        }
    });
    let mut steps = vec![
        Step {
            heading: kt.practice,
            text: shown.practice.to_string(),
        },
        Step {
            heading: kt.adaptation,
            text: shown.adaptation.to_string(),
        },
    ];
    for (heading, text) in [(kt.context, shown.context), (kt.result, shown.result)] {
        if let Some(text) = text {
            steps.push(Step {
                heading,
                text: text.to_string(),
            });
        }
    }
    let mut facts: Vec<(&'static str, String, Option<String>)> =
        vec![(kt.written_in, language_name(l.language, lang), None)];
    if l.country.is_some() {
        facts.push((kt.adapted_in, view::country(l.country, lang), None));
    }
    if !l.sectors.is_empty() {
        facts.push((kt.sector, sector_names(&l.sectors, lang), None));
    }
    if let Some(owner) = stored.owner
        && let Ok(org) = state.kyoso.organization(&ctx.caller, owner).await
    {
        facts.push((
            kt.kept_by,
            view::names(&org.record.names, lang).0,
            Some(format!("/organizations/{owner}")),
        ));
    }
    if let Some(offer) = l.technology
        && let Ok(offer) = state.kyoso.offer(&ctx.caller, offer).await
    {
        facts.push((
            kt.technology,
            offer.offer.title.to_string(),
            Some(format!("/offers#offer-{}", offer.uid)),
        ));
    }
    if let Some(program) = l.program
        && let Ok(found) = state.kyoso.program(&ctx.caller, program).await
    {
        facts.push((
            kt.program,
            view::names(&found.record.names, lang).0,
            Some(format!("/programs/{program}")),
        ));
    }
    let mut people = Vec::new();
    for uid in &l.people {
        if let Some(link) = person_link(&state, &ctx, *uid).await {
            people.push(link);
        }
    }
    let page = LessonPage {
        chrome: chrome_for(&ctx, shown.title.to_string(), "knowledge"),
        kt,
        uid: stored.uid,
        title: shown.title.to_string(),
        language: shown.language.to_string(),
        translation_note,
        other_reading,
        steps,
        facts,
        people,
        may_edit: ctx.caller.may(Action::Update, &Resource::lesson(&stored)),
    };
    render_page(&ctx, StatusCode::OK, &page)
}

fn lesson_fields(lang: Lang, v: &Values, errors: &[RowError]) -> Vec<Field> {
    let kt = texts(lang);
    let t = crate::i18n::Interface::texts(lang);
    let get = |k: &str| v.get(k).map(String::as_str).unwrap_or_default();
    let written_in = if get("language").is_empty() {
        lang.code()
    } else {
        get("language")
    };
    let mut countries = view::country_choices(lang, get("country"));
    countries = forms::with_empty(countries, "—");
    let mut fields = vec![
        forms::text("title", kt.lesson_title, get("title")),
        forms::select(
            "language",
            kt.written_in,
            language_choices(lang, written_in),
        ),
        forms::textarea("practice", kt.practice, get("practice")),
        forms::textarea("adaptation", kt.adaptation, get("adaptation")),
        forms::textarea("context", kt.context, get("context")),
        forms::textarea("result", kt.result, get("result")),
        forms::select("country", kt.adapted_in, countries),
        forms::select(
            "sectors",
            kt.sector,
            view::sector_choices(lang, get("sectors"), "—"),
        ),
        forms::visibility(
            t,
            if get("visibility").is_empty() {
                "network"
            } else {
                get("visibility")
            },
        ),
    ];
    forms::attach(&mut fields, errors);
    fields
}

/// A form as the JSON object the readers take; `lists`: fields that are
/// one choice on the page and a list in the record.
fn form_object(values: &Values, lists: &[&str]) -> serde_json::Map<String, serde_json::Value> {
    let mut object = forms::to_object(values, &[]);
    for name in lists {
        if let Some(value) = object.remove(*name) {
            object.insert((*name).to_owned(), serde_json::Value::Array(vec![value]));
        }
    }
    object
}

#[allow(clippy::too_many_arguments, reason = "a form page is these parts")]
fn form_page(
    ctx: &PageContext,
    status: StatusCode,
    title: &'static str,
    action: String,
    cancel: String,
    fields: Vec<Field>,
    errors: Vec<RowError>,
    delete: Option<String>,
) -> Response {
    let page = FormPage {
        chrome: chrome_for(ctx, title, "knowledge"),
        action,
        cancel,
        fields,
        errors,
        delete,
    };
    render_page(ctx, status, &page)
}

fn refusal(ctx: &PageContext) -> ServiceError {
    if ctx.caller.user().is_some() {
        ServiceError::Forbidden
    } else {
        ServiceError::Unauthenticated
    }
}

pub(crate) async fn new_lesson(ctx: PageContext) -> Response {
    if !ctx.caller.may_create_records() {
        return error_page(&ctx, refusal(&ctx));
    }
    let kt = texts(ctx.lang);
    let fields = lesson_fields(ctx.lang, &Values::new(), &[]);
    form_page(
        &ctx,
        StatusCode::OK,
        kt.record_lesson,
        "/lessons".into(),
        "/knowledge".into(),
        fields,
        Vec::new(),
        None,
    )
}

pub(crate) async fn create_lesson(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let result = match lesson_from_json(form_object(&values, &["sectors"]), 0) {
        Ok(lesson) => state
            .kyoso
            .create_lesson(&ctx.caller, lesson)
            .await
            .map_err(field_faults),
        Err(errors) => Err(Ok(errors)),
    };
    match result {
        Ok(lesson) => see_other(&format!("/lessons/{}", lesson.uid)),
        Err(Ok(errors)) => form_page(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            texts(ctx.lang).record_lesson,
            "/lessons".into(),
            "/knowledge".into(),
            lesson_fields(ctx.lang, &values, &errors),
            errors,
            None,
        ),
        Err(Err(error)) => error_page(&ctx, error),
    }
}

fn values_of_lesson(stored: &StoredLesson) -> Values {
    let l = &stored.lesson;
    let mut v = Values::new();
    v.insert("title".into(), l.title.to_string());
    v.insert("language".into(), l.language.to_string());
    v.insert("practice".into(), l.practice.to_string());
    v.insert("adaptation".into(), l.adaptation.to_string());
    for (name, text) in [("context", &l.context), ("result", &l.result)] {
        if let Some(text) = text {
            v.insert(name.into(), text.to_string());
        }
    }
    if let Some(country) = l.country {
        v.insert("country".into(), country.to_string());
    }
    if let Some(sector) = l.sectors.first() {
        v.insert("sectors".into(), sector.to_string());
    }
    v.insert("visibility".into(), l.visibility.as_str().into());
    v
}

/// The lesson `id` if the caller may change it.
async fn editable(
    state: &AppState,
    ctx: &PageContext,
    id: &str,
) -> Result<StoredLesson, ServiceError> {
    let stored = state.kyoso.lesson(&ctx.caller, parse_id(id)?).await?;
    if !ctx.caller.may(Action::Update, &Resource::lesson(&stored)) {
        return Err(refusal(ctx));
    }
    Ok(stored)
}

pub(crate) async fn edit_lesson(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let stored = match editable(&state, &ctx, &id).await {
        Ok(stored) => stored,
        Err(error) => return error_page(&ctx, error),
    };
    form_page(
        &ctx,
        StatusCode::OK,
        texts(ctx.lang).edit_lesson,
        format!("/lessons/{}", stored.uid),
        format!("/lessons/{}", stored.uid),
        lesson_fields(ctx.lang, &values_of_lesson(&stored), &[]),
        Vec::new(),
        Some(format!("/lessons/{}/delete", stored.uid)),
    )
}

/// The lesson's links to records the form does not show, kept as they
/// are on a change made through the form.
fn keep_links(object: &mut serde_json::Map<String, serde_json::Value>, stored: &StoredLesson) {
    let l = &stored.lesson;
    if let Some(technology) = l.technology {
        object.insert("technology".into(), technology.to_string().into());
    }
    if let Some(program) = l.program {
        object.insert("program".into(), program.to_string().into());
    }
    let people: Vec<serde_json::Value> = l.people.iter().map(|p| p.to_string().into()).collect();
    object.insert("people".into(), people.into());
    if let Some(rest) = l.sectors.get(1..)
        && let Some(serde_json::Value::Array(chosen)) = object.get_mut("sectors")
    {
        for sector in rest {
            let sector = serde_json::Value::from(sector.to_string());
            if !chosen.contains(&sector) {
                chosen.push(sector);
            }
        }
    }
}

pub(crate) async fn update_lesson(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let stored = match editable(&state, &ctx, &id).await {
        Ok(stored) => stored,
        Err(error) => return error_page(&ctx, error),
    };
    let mut object = form_object(&values, &["sectors"]);
    keep_links(&mut object, &stored);
    let result = match lesson_from_json(object, 0) {
        Ok(lesson) => state
            .kyoso
            .update_lesson(&ctx.caller, stored.uid, lesson)
            .await
            .map_err(field_faults),
        Err(errors) => Err(Ok(errors)),
    };
    match result {
        Ok(lesson) => see_other(&format!("/lessons/{}", lesson.uid)),
        Err(Ok(errors)) => form_page(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            texts(ctx.lang).edit_lesson,
            format!("/lessons/{}", stored.uid),
            format!("/lessons/{}", stored.uid),
            lesson_fields(ctx.lang, &values, &errors),
            errors,
            Some(format!("/lessons/{}/delete", stored.uid)),
        ),
        Err(Err(error)) => error_page(&ctx, error),
    }
}

pub(crate) async fn delete_lesson(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let deleted = match parse_id(&id) {
        Ok(uid) => state.kyoso.delete_lesson(&ctx.caller, uid).await,
        Err(error) => Err(error),
    };
    match deleted {
        Ok(()) => see_other("/knowledge"),
        Err(error) => error_page(&ctx, error),
    }
}

// --- a question ---

struct AnswerView {
    uid: Uid,
    by: Option<(String, String)>,
    body: String,
    language: String,
    accepted: bool,
    on: String,
}

#[derive(Template)]
#[template(path = "question.html")]
struct QuestionPage {
    chrome: Chrome,
    kt: &'static KnowledgeTexts,
    uid: Uid,
    title: String,
    body: String,
    language: String,
    asked_by: Option<(String, String)>,
    asked_on: String,
    place: String,
    settled: bool,
    answers_heading: String,
    answers: Vec<AnswerView>,
    may_accept: bool,
    may_answer: bool,
    may_withdraw: bool,
    languages: Vec<Choice>,
    error: Option<String>,
}

async fn question_view(
    state: &AppState,
    ctx: &PageContext,
    stored: StoredQuestion,
    status: StatusCode,
    error: Option<String>,
) -> Response {
    let lang = ctx.lang;
    let kt = texts(lang);
    let resource = Resource::question(&stored);
    let mut answers = Vec::with_capacity(stored.answers.len());
    // The accepted answer first, then the others oldest first.
    let mut ordered: Vec<_> = stored.answers.iter().collect();
    ordered.sort_by_key(|a| !a.accepted);
    for a in ordered {
        answers.push(AnswerView {
            uid: a.uid,
            by: person_link(state, ctx, a.by).await,
            body: a.body.to_string(),
            language: a.language.to_string(),
            accepted: a.accepted,
            on: a.created_at.to_string().chars().take(10).collect(),
        });
    }
    let mut place = vec![view::country(stored.country, lang)];
    place.push(sector_names(&stored.sectors, lang));
    place.retain(|p| !p.is_empty());
    let page = QuestionPage {
        chrome: chrome_for(ctx, stored.title.to_string(), "knowledge"),
        kt,
        uid: stored.uid,
        title: stored.title.to_string(),
        body: stored
            .body
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        language: stored.language.to_string(),
        asked_by: person_link(state, ctx, stored.asked_by).await,
        asked_on: stored.created_at.to_string().chars().take(10).collect(),
        place: place.join(" · "),
        settled: stored.accepted().is_some(),
        answers_heading: answer_count(stored.answers.len(), lang),
        answers,
        may_accept: ctx.caller.may(Action::Move, &resource),
        may_answer: matches!(&ctx.caller, Caller::User(u) if u.person.is_some())
            && ctx.caller.may(Action::Create, &resource),
        may_withdraw: ctx.caller.may(Action::Delete, &resource),
        languages: language_choices(lang, lang.code()),
        error,
    };
    render_page(ctx, status, &page)
}

pub(crate) async fn question_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let found = match parse_id(&id) {
        Ok(uid) => state.kyoso.question(&ctx.caller, uid).await,
        Err(error) => Err(error),
    };
    match found {
        Ok(stored) => question_view(&state, &ctx, stored, StatusCode::OK, None).await,
        Err(error) => error_page(&ctx, error),
    }
}

fn question_fields(lang: Lang, v: &Values, errors: &[RowError]) -> Vec<Field> {
    let kt = texts(lang);
    let t = crate::i18n::Interface::texts(lang);
    let get = |k: &str| v.get(k).map(String::as_str).unwrap_or_default();
    let written_in = if get("language").is_empty() {
        lang.code()
    } else {
        get("language")
    };
    let countries = forms::with_empty(view::country_choices(lang, get("country")), "—");
    let visibility = forms::choices(
        &[("network", t.vis_network), ("public", t.vis_public)],
        if get("visibility").is_empty() {
            "network"
        } else {
            get("visibility")
        },
        None,
    );
    let mut fields = vec![
        forms::text("title", kt.question, get("title")),
        forms::textarea("body", kt.question_details, get("body")),
        forms::select(
            "language",
            kt.written_in,
            language_choices(lang, written_in),
        ),
        forms::select("country", kt.adapted_in, countries),
        forms::select(
            "sectors",
            kt.sector,
            view::sector_choices(lang, get("sectors"), "—"),
        ),
        forms::select("visibility", t.visibility, visibility),
    ];
    forms::attach(&mut fields, errors);
    fields
}

pub(crate) async fn new_question(ctx: PageContext) -> Response {
    if ctx.caller.user().is_none() {
        return error_page(&ctx, ServiceError::Unauthenticated);
    }
    let kt = texts(ctx.lang);
    form_page(
        &ctx,
        StatusCode::OK,
        kt.ask,
        "/questions".into(),
        "/knowledge".into(),
        question_fields(ctx.lang, &Values::new(), &[]),
        Vec::new(),
        None,
    )
}

pub(crate) async fn create_question(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let result = match question_from_json(form_object(&values, &["sectors"]), 0) {
        Ok(question) => state
            .kyoso
            .ask(&ctx.caller, question)
            .await
            .map_err(field_faults),
        Err(errors) => Err(Ok(errors)),
    };
    match result {
        Ok(question) => see_other(&format!("/questions/{}", question.uid)),
        Err(Ok(errors)) => form_page(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            texts(ctx.lang).ask,
            "/questions".into(),
            "/knowledge".into(),
            question_fields(ctx.lang, &values, &errors),
            errors,
            None,
        ),
        Err(Err(error)) => error_page(&ctx, error),
    }
}

/// A change of a question refused: its page again with the words that
/// refused it, or the error page for anything else.
async fn refused(
    state: &AppState,
    ctx: &PageContext,
    question: Uid,
    error: ServiceError,
) -> Response {
    match error {
        ServiceError::Invalid { message, .. } => {
            match state.kyoso.question(&ctx.caller, question).await {
                Ok(stored) => {
                    question_view(
                        state,
                        ctx,
                        stored,
                        StatusCode::UNPROCESSABLE_ENTITY,
                        Some(message),
                    )
                    .await
                }
                Err(error) => error_page(ctx, error),
            }
        }
        other => error_page(ctx, other),
    }
}

pub(crate) async fn answer_post(
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
        Err(error) => return error_page(&ctx, error),
    };
    let answered = match answer_from_json(forms::to_object(&values, &[]), 0) {
        Ok(answer) => state.kyoso.answer(&ctx.caller, uid, answer).await,
        Err(errors) => Err(ServiceError::Invalid {
            field: errors.first().and_then(|e| e.field.clone()),
            message: errors
                .iter()
                .map(|e| e.message.clone())
                .collect::<Vec<_>>()
                .join("; "),
        }),
    };
    match answered {
        Ok(_) => see_other(&format!("/questions/{uid}#answers")),
        Err(error) => refused(&state, &ctx, uid, error).await,
    }
}

pub(crate) async fn accept_post(
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
        Err(error) => return error_page(&ctx, error),
    };
    let answer = values
        .get("answer")
        .and_then(|a| Uid::parse(a).ok())
        .unwrap_or_else(Uid::new);
    match state.kyoso.accept_answer(&ctx.caller, uid, answer).await {
        Ok(_) => see_other(&format!("/questions/{uid}#answers")),
        Err(error) => refused(&state, &ctx, uid, error).await,
    }
}

pub(crate) async fn withdraw_post(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let withdrawn = match parse_id(&id) {
        Ok(uid) => state.kyoso.withdraw_question(&ctx.caller, uid).await,
        Err(error) => Err(error),
    };
    match withdrawn {
        Ok(()) => see_other("/knowledge"),
        Err(error) => error_page(&ctx, error),
    }
}
