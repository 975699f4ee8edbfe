//! The pages people use: server-rendered, plain HTML and CSS, no scripts.
//! Handlers translate requests into one use case each and render the result.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::i18n::Interface as _;
use crate::redirect::see_other;
use kyoso_domain::ErasureStatus;
use kyoso_domain::{
    CountryCode, EntityKind, LanguageCode, Link, Organization, Person, RecordRef, Skill, Stored,
    Text, Tie, Timestamp, Uid,
};
use kyoso_domain::{OrganizationFilter, PeopleFilter};
use kyoso_exchange::{Defaults, from_json};
use kyoso_service::protection;
use kyoso_service::registry::Page;
use kyoso_service::{Action, Caller, Resource, ServiceError, accounts};
use serde::Deserialize;
use std::net::SocketAddr;

use crate::AppState;
use crate::auth::{self, PageContext, set_cookie};
use crate::forms::{self, Field, Values};
use crate::i18n::{Lang, Texts};
use crate::network::{self, Neighbor};
use crate::view::{self, Choice, OrganizationRow, PersonRow, TieGroup};

/// What every page shows around its content.
#[derive(Debug)]
pub(crate) struct Chrome {
    pub(crate) lang: Lang,
    pub(crate) t: &'static Texts,
    pub(crate) title: String,
    pub(crate) section: &'static str,
    pub(crate) user_email: Option<String>,
    pub(crate) csrf: String,
    pub(crate) can_audit: bool,
    pub(crate) languages: [Lang; 4],
    pub(crate) path: String,
    /// The texts of the program pages (and of the nav link to them).
    pub(crate) pt: &'static crate::i18n_programs::ProgramTexts,
    /// Runs an organization's programs: sees the work list.
    pub(crate) can_manage: bool,
    /// The texts of the network pages.
    pub(crate) nt: &'static crate::i18n_network::NetworkTexts,
    /// Signed in: sees the network pages.
    pub(crate) signed_in: bool,
    /// The texts of the matching pages.
    pub(crate) mt: &'static crate::i18n_matching::MatchingTexts,
    /// The name of the knowledge pages, for the nav link.
    pub(crate) knowledge: &'static str,
}

pub(crate) fn chrome_for(
    ctx: &PageContext,
    title: impl Into<String>,
    section: &'static str,
) -> Chrome {
    chrome(ctx, title, section)
}

fn chrome(ctx: &PageContext, title: impl Into<String>, section: &'static str) -> Chrome {
    let can_audit =
        ctx.caller.user().is_some() && ctx.caller.may(Action::Read, &ctx.caller.audit_log());
    Chrome {
        lang: ctx.lang,
        t: ctx.lang.texts(),
        title: title.into(),
        section,
        user_email: ctx.caller.user().map(|u| u.email.clone()),
        csrf: ctx.csrf.clone(),
        can_audit,
        languages: Lang::ALL,
        path: ctx.path.clone(),
        pt: ctx.lang.program_texts(),
        can_manage: ctx.caller.managed_organization().is_some(),
        nt: ctx.lang.network_texts(),
        signed_in: !matches!(ctx.caller, Caller::Anonymous),
        mt: ctx.lang.matching_texts(),
        knowledge: ctx.lang.text("knowledge-title"),
    }
}

pub(crate) fn render_page(ctx: &PageContext, status: StatusCode, page: &impl Template) -> Response {
    render(ctx, status, page)
}

/// Renders a page, setting the visitor's CSRF cookie if they had none.
fn render(ctx: &PageContext, status: StatusCode, page: &impl Template) -> Response {
    let html = match page.render() {
        Ok(html) => html,
        Err(err) => {
            tracing::error!(error = %err, "a page failed to render");
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                "the page could not be shown",
            )
                .into_response();
        }
    };
    let mut response = (status, axum::response::Html(html)).into_response();
    if let Some(csrf) = &ctx.new_csrf_cookie
        && let Ok(value) =
            HeaderValue::from_str(&set_cookie(auth::CSRF_COOKIE, csrf, 86_400, false))
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: Chrome,
    message: String,
}

/// A service error as a page: not found, forbidden, or a general failure.
pub(crate) fn error_page(ctx: &PageContext, error: ServiceError) -> Response {
    let t = ctx.lang.texts();
    let (status, message) = match error {
        ServiceError::NotFound(_) => (StatusCode::NOT_FOUND, t.not_found.to_owned()),
        ServiceError::Forbidden => (StatusCode::FORBIDDEN, t.forbidden.to_owned()),
        ServiceError::Unauthenticated => return see_other("/sign-in"),
        ServiceError::Invalid { message, .. } => (StatusCode::BAD_REQUEST, message),
        other => {
            tracing::error!(error = %other, "page failed");
            (StatusCode::INTERNAL_SERVER_ERROR, t.error_title.to_owned())
        }
    };
    render(
        ctx,
        status,
        &ErrorPage {
            chrome: chrome(ctx, t.error_title, ""),
            message,
        },
    )
}

pub(crate) fn refuse_csrf(ctx: &PageContext) -> Response {
    let t = ctx.lang.texts();
    let page = ErrorPage {
        chrome: chrome(ctx, t.error_title, ""),
        message: "The form was out of date or did not come from this site. Go back, reload the page and try again.".into(),
    };
    render(ctx, StatusCode::FORBIDDEN, &page)
}

pub(crate) fn parse_id(text: &str) -> Result<Uid, ServiceError> {
    Uid::parse(text).map_err(|_| ServiceError::NotFound("record"))
}

// --- home ---

#[derive(Debug)]
struct Activity {
    when: String,
    action: String,
    label: String,
    detail: String,
    href: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    chrome: Chrome,
    counts: kyoso_domain::Counts,
    activity: Vec<Activity>,
}

pub(crate) async fn home(State(state): State<AppState>, ctx: PageContext) -> Response {
    let t = ctx.lang.texts();
    let counts = match state.kyoso.counts(&ctx.caller).await {
        Ok(counts) => counts,
        Err(err) => return error_page(&ctx, err),
    };
    // Those who may read the audit log see the latest changes; everyone
    // else the newest people they may see.
    let activity = match state.kyoso.audit_log(&ctx.caller, None).await {
        Ok(entries) => entries
            .into_iter()
            .take(12)
            .map(|(_, e)| Activity {
                when: e
                    .at
                    .to_string()
                    .chars()
                    .take(16)
                    .collect::<String>()
                    .replace('T', " "),
                action: e.action.as_str().to_owned(),
                label: format!("{} {}", e.table, short_uid(e.record)),
                detail: e.actor,
                href: record_href(&e.table, e.record),
            })
            .collect(),
        Err(_) => match state.kyoso.recent_people(&ctx.caller, 12).await {
            Ok(people) => people
                .iter()
                .map(|p| {
                    let row = view::person_row(p, ctx.lang);
                    Activity {
                        when: p.created_at.to_string().chars().take(10).collect(),
                        action: String::new(),
                        label: row.name,
                        detail: row.country,
                        href: format!("/people/{}", p.uid),
                    }
                })
                .collect(),
            Err(err) => return error_page(&ctx, err),
        },
    };
    render(
        &ctx,
        StatusCode::OK,
        &HomePage {
            chrome: chrome(&ctx, t.home, "home"),
            counts,
            activity,
        },
    )
}

fn short_uid(uid: Uid) -> String {
    uid.to_string().chars().take(8).collect()
}

fn record_href(table: &str, uid: Uid) -> String {
    match table {
        "people" => format!("/people/{uid}"),
        "organizations" => format!("/organizations/{uid}"),
        _ => format!("/api/v1/ties/{uid}"),
    }
}

// --- signing in and out ---

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage {
    chrome: Chrome,
    email: String,
    failure: Option<&'static str>,
}

pub(crate) async fn sign_in_page(ctx: PageContext) -> Response {
    let t = ctx.lang.texts();
    render(
        &ctx,
        StatusCode::OK,
        &SignInPage {
            chrome: chrome(&ctx, t.sign_in, ""),
            email: String::new(),
            failure: None,
        },
    )
}

#[derive(Deserialize)]
pub(crate) struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf: String,
}

pub(crate) async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ctx: PageContext,
    Form(form): Form<SignInForm>,
) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return refuse_csrf(&ctx);
    }
    let t = ctx.lang.texts();
    let ip = peer.ip();
    let again = |status, failure| {
        render(
            &ctx,
            status,
            &SignInPage {
                chrome: chrome(&ctx, t.sign_in, ""),
                email: form.email.clone(),
                failure: Some(failure),
            },
        )
    };
    if !state.sign_ins.allowed(ip, &form.email) {
        return again(StatusCode::TOO_MANY_REQUESTS, t.too_many_attempts);
    }
    match state.kyoso.sign_in(&form.email, &form.password).await {
        Ok(session) => {
            state.sign_ins.succeeded(ip, &form.email);
            let mut response = see_other("/");
            let cookie = set_cookie(
                auth::SESSION_COOKIE,
                &session.token,
                accounts::SESSION_DAYS * 86_400,
                state.secure_cookies,
            );
            if let Ok(value) = HeaderValue::from_str(&cookie) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
            response
        }
        Err(ServiceError::Unauthenticated) => {
            state.sign_ins.failed(ip, &form.email);
            again(StatusCode::UNAUTHORIZED, t.sign_in_failed)
        }
        Err(err) => error_page(&ctx, err),
    }
}

#[derive(Deserialize)]
pub(crate) struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

pub(crate) async fn sign_out(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(form): Form<CsrfForm>,
) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return refuse_csrf(&ctx);
    }
    if let Some(token) = &ctx.session_token
        && let Err(err) = state.kyoso.sign_out(token).await
    {
        return error_page(&ctx, err);
    }
    let mut response = see_other("/");
    if let Ok(value) = HeaderValue::from_str(&set_cookie(
        auth::SESSION_COOKIE,
        "",
        0,
        state.secure_cookies,
    )) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

#[derive(Deserialize)]
pub(crate) struct LangQuery {
    next: Option<String>,
}

/// Chooses the interface language, remembers it, and goes back.
pub(crate) async fn choose_language(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(code): Path<String>,
    Query(query): Query<LangQuery>,
) -> Response {
    let Ok(lang) = code.parse::<Lang>() else {
        return error_page(&ctx, ServiceError::NotFound("language"));
    };
    if let Some(_user) = ctx.caller.user()
        && let Err(err) = state.kyoso.set_language(&ctx.caller, lang.code()).await
    {
        return error_page(&ctx, err);
    }
    // Only paths of this site: never an address elsewhere.
    let mut response = see_other(query.next.as_deref().unwrap_or("/"));
    if let Ok(value) = HeaderValue::from_str(&set_cookie(
        auth::LANG_COOKIE,
        lang.code(),
        365 * 86_400,
        state.secure_cookies,
    )) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

// --- people ---

#[derive(Debug, Default, Deserialize)]
pub(crate) struct PeopleFilters {
    #[serde(default)]
    q: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    skill: String,
    #[serde(default)]
    sector: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    level: String,
    after: Option<String>,
}

#[derive(Template)]
#[template(path = "people.html")]
struct PeoplePage {
    chrome: Chrome,
    filters: PeopleFilters,
    countries: Vec<Choice>,
    people: Vec<PersonRow>,
    next: Option<String>,
    error: Option<String>,
    can_create: bool,
}

fn people_filter(f: &PeopleFilters) -> Result<PeopleFilter, String> {
    let given = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    let fault = |field: &str, e: kyoso_domain::ValueError| format!("{field}: {e}");
    let language = given(&f.language)
        .map(|l| LanguageCode::parse(&l))
        .transpose()
        .map_err(|e| fault("language", e))?;
    let level = given(&f.level)
        .map(|l| l.parse())
        .transpose()
        .map_err(|e| fault("level", e))?;
    Ok(PeopleFilter {
        country: given(&f.country)
            .map(|c| CountryCode::parse(&c))
            .transpose()
            .map_err(|e| fault("country", e))?,
        organization: None,
        skill: given(&f.skill)
            .map(|s| Skill::parse(&s))
            .transpose()
            .map_err(|e| fault("skill", e))?,
        sector: given(&f.sector)
            .map(|s| kyoso_domain::SectorCode::parse(&s))
            .transpose()
            .map_err(|e| fault("sector", e))?,
        language: language.map(|l| (l, level)),
        text: Text::query(&f.q).map_err(|e| fault("q", e))?,
    })
}

pub(crate) async fn people(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(filters): Query<PeopleFilters>,
) -> Response {
    let t = ctx.lang.texts();
    let (people, next, error) = match people_filter(&filters) {
        Ok(filter) => match state
            .kyoso
            .people(&ctx.caller, &filter, filters.after.as_deref(), Some(50))
            .await
        {
            Ok(page) => {
                let next = page.next.as_ref().map(|after| {
                    let mut query = serde_urlencoded::to_string([
                        ("q", filters.q.as_str()),
                        ("country", filters.country.as_str()),
                        ("skill", filters.skill.as_str()),
                        ("sector", filters.sector.as_str()),
                        ("language", filters.language.as_str()),
                        ("level", filters.level.as_str()),
                    ])
                    .unwrap_or_default();
                    query.push_str(&format!("&after={after}"));
                    format!("/people?{query}")
                });
                (
                    page.items
                        .iter()
                        .map(|p| view::person_row(p, ctx.lang))
                        .collect(),
                    next,
                    None,
                )
            }
            Err(ServiceError::Invalid { field, message }) => (
                Vec::new(),
                None,
                Some(format!(
                    "{}{message}",
                    field.map(|f| format!("{f}: ")).unwrap_or_default()
                )),
            ),
            Err(err) => return error_page(&ctx, err),
        },
        Err(message) => (Vec::new(), None, Some(message)),
    };
    let page = PeoplePage {
        countries: view::country_choices(ctx.lang, &filters.country.to_uppercase()),
        chrome: chrome(&ctx, t.people, "people"),
        filters,
        people,
        next,
        error,
        can_create: ctx.caller.may_create_records(),
    };
    render(&ctx, StatusCode::OK, &page)
}

#[derive(Debug)]
struct PersonView {
    id: Uid,
    name: String,
    other_names: String,
    facts: Vec<(&'static str, String)>,
    bio: String,
}

#[derive(Template)]
#[template(path = "person.html")]
struct PersonPage {
    chrome: Chrome,
    person: PersonView,
    ties: Vec<TieGroup>,
    /// The programs they take or took part in: (journey link, program, role, state).
    participations: Vec<(String, String, &'static str, &'static str)>,
    can_edit: bool,
    can_delete: bool,
    is_self: bool,
    /// The person's own erasure request, as they see it: (pending, reason why not yet).
    erasure: Option<(bool, String)>,
    notice: Option<&'static str>,
    reach: Option<crate::pages_network::ReachView>,
}

/// The names of the records at the other ends of ties, in the reader's script.
async fn end_names(
    state: &AppState,
    caller: &Caller,
    ties: &[Stored<Tie<Link>>],
    me: Uid,
    lang: Lang,
) -> HashMap<Uid, String> {
    let mut names = HashMap::new();
    for tie in ties {
        let (kind, uid) = view::other_end(&tie.record, me);
        if names.contains_key(&uid) {
            continue;
        }
        names.insert(uid, record_name(state, caller, kind, uid, lang).await);
    }
    names
}

/// A profile's ties grouped by kind, each named in the reader's script and
/// offered for editing where the reader may change it.
async fn tie_groups(
    state: &AppState,
    ctx: &PageContext,
    ties: &[Stored<Tie<Link>>],
    me: Uid,
) -> Vec<view::TieGroup> {
    let names = end_names(state, &ctx.caller, ties, me, ctx.lang).await;
    view::group_ties(
        ties,
        me,
        &|uid| names.get(&uid).cloned().unwrap_or_default(),
        &|tie| ctx.caller.may(Action::Update, &Resource::tie(tie, true)),
        ctx.lang.texts(),
    )
}

/// The name of a person, organization or event in the reader's script, or
/// a short id where the caller may not see the record.
async fn record_name(
    state: &AppState,
    caller: &Caller,
    kind: EntityKind,
    uid: Uid,
    lang: Lang,
) -> String {
    let name = match kind {
        EntityKind::Person => state
            .kyoso
            .person(caller, uid)
            .await
            .ok()
            .map(|p| view::names(&p.record.names, lang).0),
        EntityKind::Organization => state.kyoso.organization(caller, uid).await.ok().map(|o| {
            let (name, _) = view::names(&o.record.names, lang);
            match &o.record.acronym {
                Some(acronym) if !name.contains(acronym.as_str()) => {
                    format!("{name} ({acronym})")
                }
                _ => name,
            }
        }),
        EntityKind::Event => (state.kyoso.event(caller, uid).await.ok())
            .map(|e| view::names(&e.record.names, lang).0),
    };
    name.unwrap_or_else(|| short_uid(uid))
}

/// The ties a profile shows: the first hundred the reader may see.
const PROFILE_TIES: i64 = 100;

#[derive(Deserialize)]
pub(crate) struct NoticeQuery {
    saved: Option<String>,
}

pub(crate) async fn person(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Query(notice): Query<NoticeQuery>,
) -> Response {
    let t = ctx.lang.texts();
    let result = async {
        let uid = parse_id(&id)?;
        let person = state.kyoso.person(&ctx.caller, uid).await?;
        let ties = state
            .kyoso
            .ties_of(&ctx.caller, uid, None, Some(PROFILE_TIES))
            .await?;
        Ok::<_, ServiceError>((person, ties))
    }
    .await;
    let (person, ties) = match result {
        Ok(found) => found,
        Err(err) => return error_page(&ctx, err),
    };
    let groups = tie_groups(&state, &ctx, &ties.items, person.uid).await;
    let p = &person.record;
    let lang = ctx.lang;
    let mut facts: Vec<(&'static str, String)> = Vec::new();
    let mut fact = |label: &'static str, value: String| {
        if !value.is_empty() {
            facts.push((label, value));
        }
    };
    fact(t.residence, view::country(p.residence, lang));
    fact(t.nationality, view::country(p.nationality, lang));
    fact(
        t.experience_countries,
        p.experience_countries
            .iter()
            .map(|&c| view::country(Some(c), lang))
            .collect::<Vec<_>>()
            .join(", "),
    );
    fact(
        t.available_from,
        p.available_from.map(|d| d.to_string()).unwrap_or_default(),
    );
    fact(
        t.gender,
        p.gender.map(|g| t.gender(g).to_owned()).unwrap_or_default(),
    );
    fact(t.languages, view::languages(&p.languages, lang));
    fact(
        t.skills,
        p.skills
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    );
    fact(t.sectors, view::sectors(&p.sectors, lang));
    if p.availability.mentoring {
        fact(t.available_mentoring, "✓".into());
    }
    if p.availability.dispatch {
        fact(t.available_dispatch, "✓".into());
    }
    if p.availability.training {
        fact(t.available_training, "✓".into());
    }
    // Contact details only for those who manage the record, the person, or
    // when the person agreed to be contacted by the network.
    let can_edit = ctx.caller.may(Action::Update, &Resource::person(&person));
    if can_edit || (p.consent.contact && ctx.caller.user().is_some()) {
        fact(
            t.email,
            p.contact
                .email
                .as_ref()
                .map(|e| e.to_string())
                .unwrap_or_default(),
        );
        fact(
            t.phone,
            p.contact
                .phone
                .as_ref()
                .map(|e| e.to_string())
                .unwrap_or_default(),
        );
    }
    if can_edit {
        fact(t.visibility, t.visibility(p.visibility).to_owned());
    }
    let pt = lang.program_texts();
    let mut participations = Vec::new();
    let mut program_names: HashMap<Uid, String> = HashMap::new();
    for card in state
        .kyoso
        .participations_of(&ctx.caller, person.uid)
        .await
        .unwrap_or_default()
    {
        // Several participations may share a program: read each once.
        let program = match program_names.get(&card.program) {
            Some(name) => String::clone(name),
            None => {
                let name = state
                    .kyoso
                    .program(&ctx.caller, card.program)
                    .await
                    .map(|p| view::names(&p.record.names, lang).0)
                    .unwrap_or_default();
                program_names.insert(card.program, name.clone());
                name
            }
        };
        participations.push((
            format!("/participations/{}", card.participation),
            program,
            pt.role(card.role),
            pt.state(card.state),
        ));
    }
    let (name, other_names) = view::names(&p.names, lang);
    let reach = crate::pages_network::reach(&state, &ctx, person.uid, None).await;
    let is_self = ctx
        .caller
        .user()
        .is_some_and(|u| u.person == Some(person.uid));
    let erasure = if is_self {
        state
            .kyoso
            .own_erasure_request(&ctx.caller, person.uid)
            .await
            .ok()
            .flatten()
            .filter(|r| r.status != ErasureStatus::Done)
            .map(|r| {
                (
                    r.status == ErasureStatus::Pending,
                    r.reason.unwrap_or_default(),
                )
            })
    } else {
        None
    };
    let page = PersonPage {
        reach,
        chrome: chrome(&ctx, name.clone(), "people"),
        person: PersonView {
            id: person.uid,
            name,
            other_names,
            facts,
            bio: p.bio.as_deref().unwrap_or_default().to_owned(),
        },
        ties: groups,
        participations,
        can_edit,
        can_delete: ctx.caller.may(Action::Delete, &Resource::person(&person)),
        is_self,
        erasure,
        notice: notice.saved.map(|_| t.saved),
    };
    render(&ctx, StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub(crate) struct LangParam {
    lang: Option<String>,
}

/// A person's ego network as SVG.
pub(crate) async fn person_network(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Query(q): Query<LangParam>,
) -> Response {
    let lang = q.lang.and_then(|l| l.parse().ok()).unwrap_or(ctx.lang);
    let t = lang.texts();
    let result = async {
        let uid = parse_id(&id)?;
        let person = state.kyoso.person(&ctx.caller, uid).await?;
        let ties = state
            .kyoso
            .ties_of(&ctx.caller, uid, None, Some(PROFILE_TIES))
            .await?;
        Ok::<_, ServiceError>((person, ties))
    }
    .await;
    let (person, ties) = match result {
        Ok(found) => found,
        Err(err) => return error_page(&ctx, err),
    };
    let names = end_names(&state, &ctx.caller, &ties.items, person.uid, lang).await;
    let neighbors = ties
        .items
        .iter()
        .map(|s| {
            let (kind, uid) = view::other_end(&s.record, person.uid);
            Neighbor {
                uid,
                kind,
                name: names.get(&uid).cloned().unwrap_or_default(),
                tie: s.record.kind,
                tie_label: t.tie_kind(s.record.kind).to_owned(),
                strength: s.record.strength.map(|v| v.value()),
            }
        })
        .collect();
    let (name, _) = view::names(&person.record.names, lang);
    let svg = network::draw(
        (person.uid, &name),
        neighbors,
        format!("{} — {name}", t.network),
    );
    match svg.render() {
        Ok(body) => (
            [(header::CONTENT_TYPE, "image/svg+xml; charset=utf-8")],
            body,
        )
            .into_response(),
        Err(err) => {
            tracing::error!(error = %err, "network drawing failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Everything kyoso holds about the signed-in person, as a JSON download.
pub(crate) async fn person_data(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let data = match async { state.kyoso.subject_data(&ctx.caller, parse_id(&id)?).await }.await {
        Ok(data) => data,
        Err(err) => return error_page(&ctx, err),
    };
    let body = serde_json::to_string_pretty(&crate::api::subject_json(&data)).unwrap_or_default();
    (
        [
            (
                header::CONTENT_TYPE,
                "application/json; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"kyoso-{id}.json\""),
            ),
        ],
        body,
    )
        .into_response()
}

#[derive(Template)]
#[template(path = "form.html")]
pub(crate) struct FormPage {
    pub(crate) chrome: Chrome,
    pub(crate) action: String,
    pub(crate) cancel: String,
    pub(crate) fields: Vec<Field>,
    pub(crate) errors: Vec<kyoso_domain::RowError>,
    /// Where the record's delete button posts, on forms that offer one.
    pub(crate) delete: Option<String>,
}

fn defaults(caller: &Caller) -> Defaults {
    Defaults {
        owner: None,
        asserted_by: Text::line(&caller.actor(), 200)
            .unwrap_or_else(|_| Text::line("web", 10).unwrap_or_else(|_| unreachable!())),
        asserted_at: Timestamp::now(),
    }
}

/// Reads a submitted form as a record, the way files and the API are read.
fn read_form<T: kyoso_exchange::Record>(
    mut object: serde_json::Map<String, serde_json::Value>,
    caller: &Caller,
) -> Result<kyoso_domain::Incoming<T>, Vec<kyoso_domain::RowError>> {
    // The form carries no identity; kyoso gives it one.
    object.insert(
        "id".into(),
        serde_json::Value::String(Uid::new().to_string()),
    );
    from_json::<T>(object, &defaults(caller))
}

pub(crate) async fn new_person(ctx: PageContext) -> Response {
    let t = ctx.lang.texts();
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
    let values = Values::from([("consent_processing".to_owned(), "true".to_owned())]);
    let page = FormPage {
        chrome: chrome(&ctx, t.new_person, "people"),
        action: "/people".into(),
        cancel: "/people".into(),
        fields: forms::person_fields(t, ctx.lang, &values, &[]),
        errors: Vec::new(),
        delete: None,
    };
    render(&ctx, StatusCode::OK, &page)
}

pub(crate) async fn create_person(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let t = ctx.lang.texts();
    let refused = |errors: Vec<kyoso_domain::RowError>| {
        let page = FormPage {
            chrome: chrome(&ctx, t.new_person, "people"),
            action: "/people".into(),
            cancel: "/people".into(),
            fields: forms::person_fields(t, ctx.lang, &values, &errors),
            errors,
            delete: None,
        };
        render(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &page)
    };
    let incoming = match read_form::<Person>(forms::person_object(&values), &ctx.caller) {
        Ok(incoming) => incoming,
        Err(errors) => return refused(errors),
    };
    match state.kyoso.create_person(&ctx.caller, incoming).await {
        Ok(created) => see_other(&format!("/people/{}?saved=1", created.uid)),
        Err(ServiceError::Invalid { field, message }) => refused(vec![kyoso_domain::RowError {
            line: 0,
            field,
            message,
        }]),
        Err(err) => error_page(&ctx, err),
    }
}

pub(crate) async fn edit_person(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let t = ctx.lang.texts();
    let person = match async { state.kyoso.person(&ctx.caller, parse_id(&id)?).await }.await {
        Ok(person) => person,
        Err(err) => return error_page(&ctx, err),
    };
    if !ctx.caller.may(Action::Update, &Resource::person(&person)) {
        return error_page(&ctx, ServiceError::Forbidden);
    }
    let (name, _) = view::names(&person.record.names, ctx.lang);
    let page = FormPage {
        chrome: chrome(&ctx, format!("{} — {name}", t.edit), "people"),
        action: format!("/people/{}", person.uid),
        cancel: format!("/people/{}", person.uid),
        fields: forms::person_fields(t, ctx.lang, &forms::values_of_person(&person.record), &[]),
        errors: Vec::new(),
        delete: None,
    };
    render(&ctx, StatusCode::OK, &page)
}

pub(crate) async fn update_person(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let t = ctx.lang.texts();
    let uid = match parse_id(&id) {
        Ok(uid) => uid,
        Err(err) => return error_page(&ctx, err),
    };
    let refused = |errors: Vec<kyoso_domain::RowError>| {
        let page = FormPage {
            chrome: chrome(&ctx, t.edit, "people"),
            action: format!("/people/{uid}"),
            cancel: format!("/people/{uid}"),
            fields: forms::person_fields(t, ctx.lang, &values, &errors),
            errors,
            delete: None,
        };
        render(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &page)
    };
    let incoming = match read_form::<Person>(forms::person_object(&values), &ctx.caller) {
        Ok(incoming) => incoming,
        Err(errors) => return refused(errors),
    };
    match state
        .kyoso
        .update_person(&ctx.caller, uid, incoming.record)
        .await
    {
        Ok(updated) => see_other(&format!("/people/{}?saved=1", updated.uid)),
        Err(ServiceError::Invalid { field, message }) => refused(vec![kyoso_domain::RowError {
            line: 0,
            field,
            message,
        }]),
        Err(err) => error_page(&ctx, err),
    }
}

/// The signed-in person asks for their own record to be erased.
pub(crate) async fn request_erasure(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return refuse_csrf(&ctx);
    }
    match async {
        state
            .kyoso
            .request_erasure(&ctx.caller, parse_id(&id)?)
            .await
    }
    .await
    {
        Ok(request) => see_other(&format!("/people/{}?saved=1", request.person)),
        Err(err) => error_page(&ctx, err),
    }
}

#[derive(Template)]
#[template(path = "erasure_requests.html")]
struct ErasureRequestsPage {
    chrome: Chrome,
    /// (request id, person link, person's name, asked on, reason why not yet)
    requests: Vec<(Uid, String, String, String, String)>,
    notice: Option<&'static str>,
}

/// The erasure requests an officer (or an admin) carries out.
pub(crate) async fn erasure_requests(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(notice): Query<NoticeQuery>,
) -> Response {
    let t = ctx.lang.texts();
    let requests = match state.kyoso.erasure_requests(&ctx.caller).await {
        Ok(requests) => requests,
        Err(err) => return error_page(&ctx, err),
    };
    let mut rows = Vec::with_capacity(requests.len());
    for request in requests {
        let name = match state.kyoso.person(&ctx.caller, request.person).await {
            Ok(person) => view::names(&person.record.names, ctx.lang).0,
            Err(_) => short_uid(request.person),
        };
        rows.push((
            request.id,
            format!("/people/{}", request.person),
            name,
            request.requested_at.to_string().chars().take(10).collect(),
            request.reason.unwrap_or_default(),
        ));
    }
    let page = ErasureRequestsPage {
        chrome: chrome(&ctx, t.erasure_requests, "erasure"),
        requests: rows,
        notice: notice.saved.map(|_| t.saved),
    };
    render(&ctx, StatusCode::OK, &page)
}

#[derive(Deserialize)]
pub(crate) struct ErasureDecisionForm {
    csrf: String,
    decision: String,
    #[serde(default)]
    reason: String,
}

/// Carries out an erasure request, or records why not yet.
pub(crate) async fn decide_erasure(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Form(form): Form<ErasureDecisionForm>,
) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return refuse_csrf(&ctx);
    }
    let result = async {
        let decision = match form.decision.as_str() {
            "carry_out" => protection::ErasureDecision::CarryOut,
            _ => protection::ErasureDecision::Postpone(
                Text::multiline(&form.reason, 1000).map_err(|e| ServiceError::Invalid {
                    field: Some("reason".into()),
                    message: e.to_string(),
                })?,
            ),
        };
        state
            .kyoso
            .decide_erasure(&ctx.caller, parse_id(&id)?, decision)
            .await
    }
    .await;
    match result {
        Ok(_) => see_other("/erasure-requests?saved=1"),
        Err(err) => error_page(&ctx, err),
    }
}

pub(crate) async fn delete_person(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return refuse_csrf(&ctx);
    }
    match async { state.kyoso.delete_person(&ctx.caller, parse_id(&id)?).await }.await {
        Ok(()) => see_other("/people"),
        Err(err) => error_page(&ctx, err),
    }
}

// --- organizations ---

#[derive(Debug, Default, Deserialize)]
pub(crate) struct OrganizationFilters {
    #[serde(default)]
    q: String,
    #[serde(default)]
    country: String,
    after: Option<String>,
}

#[derive(Template)]
#[template(path = "organizations.html")]
struct OrganizationsPage {
    chrome: Chrome,
    q: String,
    countries: Vec<Choice>,
    organizations: Vec<OrganizationRow>,
    next: Option<String>,
    can_create: bool,
}

pub(crate) async fn organizations(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(filters): Query<OrganizationFilters>,
) -> Response {
    let t = ctx.lang.texts();
    let filter = OrganizationFilter {
        country: CountryCode::parse(&filters.country).ok(),
        text: Text::query(&filters.q).ok().flatten(),
        ..OrganizationFilter::default()
    };
    let page: Page<_> = match state
        .kyoso
        .organizations(&ctx.caller, &filter, filters.after.as_deref(), Some(50))
        .await
    {
        Ok(page) => page,
        Err(err) => return error_page(&ctx, err),
    };
    let next = page.next.as_ref().map(|after| {
        let query = serde_urlencoded::to_string([
            ("q", filters.q.as_str()),
            ("country", filters.country.as_str()),
            ("after", after.as_str()),
        ])
        .unwrap_or_default();
        format!("/organizations?{query}")
    });
    let view = OrganizationsPage {
        chrome: chrome(&ctx, t.organizations, "organizations"),
        countries: view::country_choices(ctx.lang, &filters.country.to_uppercase()),
        q: filters.q,
        organizations: page
            .items
            .iter()
            .map(|o| view::organization_row(o, ctx.lang))
            .collect(),
        next,
        can_create: ctx.caller.may_create_records(),
    };
    render(&ctx, StatusCode::OK, &view)
}

#[derive(Debug)]
struct OrganizationView {
    id: Uid,
    name: String,
    other_names: String,
    facts: Vec<(&'static str, String)>,
}

#[derive(Debug)]
struct Group {
    heading: String,
    items: Vec<view::TieItem>,
}

#[derive(Template)]
#[template(path = "organization.html")]
struct OrganizationPage {
    chrome: Chrome,
    org: OrganizationView,
    groups: Vec<Group>,
    can_edit: bool,
    notice: Option<&'static str>,
    reach: Option<crate::pages_network::ReachView>,
}

pub(crate) async fn organization(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Query(notice): Query<NoticeQuery>,
) -> Response {
    let t = ctx.lang.texts();
    let lang = ctx.lang;
    let result = async {
        let uid = parse_id(&id)?;
        let org = state.kyoso.organization(&ctx.caller, uid).await?;
        let ties = state
            .kyoso
            .ties_of(&ctx.caller, uid, None, Some(PROFILE_TIES))
            .await?;
        let children = state
            .kyoso
            .organizations(
                &ctx.caller,
                &OrganizationFilter {
                    parent: Some(uid),
                    ..OrganizationFilter::default()
                },
                None,
                Some(100),
            )
            .await?;
        let parent = match &org.record.parent {
            Some(link) => state.kyoso.organization(&ctx.caller, link.uid).await.ok(),
            None => None,
        };
        Ok::<_, ServiceError>((org, ties, children, parent))
    }
    .await;
    let (org, ties, children, parent) = match result {
        Ok(found) => found,
        Err(err) => return error_page(&ctx, err),
    };
    let mut groups: Vec<Group> = tie_groups(&state, &ctx, &ties.items, org.uid)
        .await
        .into_iter()
        .map(|g| Group {
            heading: g.heading,
            items: g.ties,
        })
        .collect();
    if !children.items.is_empty() {
        groups.insert(
            0,
            Group {
                heading: t.sub_organizations.to_owned(),
                items: children
                    .items
                    .iter()
                    .map(|c| view::TieItem {
                        href: format!("/organizations/{}", c.uid),
                        other: view::organization_row(c, lang).name,
                        dates: view::country(c.record.country, lang),
                        detail: String::new(),
                        edit: None,
                    })
                    .collect(),
            },
        );
    }
    let r = &org.record;
    let mut facts: Vec<(&'static str, String)> = Vec::new();
    let mut fact = |label: &'static str, value: String| {
        if !value.is_empty() {
            facts.push((label, value));
        }
    };
    fact(
        t.acronym,
        r.acronym.as_deref().unwrap_or_default().to_owned(),
    );
    fact(t.org_type, view::org_type(r.org_type, lang));
    fact(t.country, view::country(r.country, lang));
    fact(t.sectors, view::sectors(&r.sectors, lang));
    fact(
        t.parent,
        parent
            .map(|p| view::organization_row(&p, lang).name)
            .unwrap_or_default(),
    );
    fact(
        t.website,
        r.website
            .as_ref()
            .map(|w| w.to_string())
            .unwrap_or_default(),
    );
    let (name, other_names) = view::names(&r.names, lang);
    let reach = crate::pages_network::reach(&state, &ctx, org.uid, None).await;
    let page = OrganizationPage {
        reach,
        chrome: chrome(&ctx, name.clone(), "organizations"),
        org: OrganizationView {
            id: org.uid,
            name,
            other_names,
            facts,
        },
        groups,
        can_edit: ctx
            .caller
            .may(Action::Update, &Resource::organization(&org)),
        notice: notice.saved.map(|_| t.saved),
    };
    render(&ctx, StatusCode::OK, &page)
}

/// An event's page: what it was, and who took part that the reader may see.
pub(crate) async fn event(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let t = ctx.lang.texts();
    let lang = ctx.lang;
    let result = async {
        let uid = parse_id(&id)?;
        let event = state.kyoso.event(&ctx.caller, uid).await?;
        let ties = state
            .kyoso
            .ties_of(&ctx.caller, uid, None, Some(PROFILE_TIES))
            .await?;
        let organizer = match &event.record.organizer {
            Some(link) => state.kyoso.organization(&ctx.caller, link.uid).await.ok(),
            None => None,
        };
        Ok::<_, ServiceError>((event, ties, organizer))
    }
    .await;
    let (event, ties, organizer) = match result {
        Ok(found) => found,
        Err(err) => return error_page(&ctx, err),
    };
    let groups: Vec<Group> = tie_groups(&state, &ctx, &ties.items, event.uid)
        .await
        .into_iter()
        .map(|g| Group {
            heading: g.heading,
            items: g.ties,
        })
        .collect();
    let r = &event.record;
    let mut facts: Vec<(&'static str, String)> = Vec::new();
    let mut fact = |label: &'static str, value: String| {
        if !value.is_empty() {
            facts.push((label, value));
        }
    };
    fact(
        t.event_kind,
        lang.text(&format!("event-kind-{}", r.kind.as_str().replace('_', "-")))
            .to_owned(),
    );
    let dates = match r.end {
        Some(end) if end != r.start => format!("{} – {end}", r.start),
        _ => r.start.to_string(),
    };
    fact(t.event_dates, dates);
    fact(
        t.event_place,
        r.place.as_deref().unwrap_or_default().to_owned(),
    );
    fact(t.country, view::country(r.country, lang));
    fact(
        t.event_organizer,
        organizer
            .map(|o| view::organization_row(&o, lang).name)
            .unwrap_or_default(),
    );
    let (name, other_names) = view::names(&r.names, lang);
    let page = OrganizationPage {
        reach: None,
        chrome: chrome(&ctx, name.clone(), "organizations"),
        org: OrganizationView {
            id: event.uid,
            name,
            other_names,
            facts,
        },
        groups,
        // Events are changed through the API and files for now.
        can_edit: false,
        notice: None,
    };
    render(&ctx, StatusCode::OK, &page)
}

const ORGANIZATION_CHECKBOXES: &[&str] = &[];

pub(crate) async fn new_organization(ctx: PageContext) -> Response {
    let t = ctx.lang.texts();
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
    let page = FormPage {
        chrome: chrome(&ctx, t.new_organization, "organizations"),
        action: "/organizations".into(),
        cancel: "/organizations".into(),
        fields: forms::organization_fields(t, ctx.lang, &Values::new(), &[]),
        errors: Vec::new(),
        delete: None,
    };
    render(&ctx, StatusCode::OK, &page)
}

pub(crate) async fn create_organization(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let t = ctx.lang.texts();
    let refused = |errors: Vec<kyoso_domain::RowError>| {
        let page = FormPage {
            chrome: chrome(&ctx, t.new_organization, "organizations"),
            action: "/organizations".into(),
            cancel: "/organizations".into(),
            fields: forms::organization_fields(t, ctx.lang, &values, &errors),
            errors,
            delete: None,
        };
        render(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &page)
    };
    let incoming = match read_form::<Organization<RecordRef>>(
        forms::to_object(&values, ORGANIZATION_CHECKBOXES),
        &ctx.caller,
    ) {
        Ok(incoming) => incoming,
        Err(errors) => return refused(errors),
    };
    match state.kyoso.create_organization(&ctx.caller, incoming).await {
        Ok(created) => see_other(&format!("/organizations/{}?saved=1", created.uid)),
        Err(ServiceError::Invalid { field, message }) => refused(vec![kyoso_domain::RowError {
            line: 0,
            field,
            message,
        }]),
        Err(err) => error_page(&ctx, err),
    }
}

pub(crate) async fn edit_organization(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let t = ctx.lang.texts();
    let org = match async { state.kyoso.organization(&ctx.caller, parse_id(&id)?).await }.await {
        Ok(org) => org,
        Err(err) => return error_page(&ctx, err),
    };
    if !ctx
        .caller
        .may(Action::Update, &Resource::organization(&org))
    {
        return error_page(&ctx, ServiceError::Forbidden);
    }
    let page = FormPage {
        chrome: chrome(&ctx, t.edit, "organizations"),
        action: format!("/organizations/{}", org.uid),
        cancel: format!("/organizations/{}", org.uid),
        fields: forms::organization_fields(t, ctx.lang, &forms::values_of_organization(&org), &[]),
        errors: Vec::new(),
        delete: None,
    };
    render(&ctx, StatusCode::OK, &page)
}

pub(crate) async fn update_organization(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let t = ctx.lang.texts();
    let uid = match parse_id(&id) {
        Ok(uid) => uid,
        Err(err) => return error_page(&ctx, err),
    };
    let refused = |errors: Vec<kyoso_domain::RowError>| {
        let page = FormPage {
            chrome: chrome(&ctx, t.edit, "organizations"),
            action: format!("/organizations/{uid}"),
            cancel: format!("/organizations/{uid}"),
            fields: forms::organization_fields(t, ctx.lang, &values, &errors),
            errors,
            delete: None,
        };
        render(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &page)
    };
    let incoming = match read_form::<Organization<RecordRef>>(
        forms::to_object(&values, ORGANIZATION_CHECKBOXES),
        &ctx.caller,
    ) {
        Ok(incoming) => incoming,
        Err(errors) => return refused(errors),
    };
    match state
        .kyoso
        .update_organization(&ctx.caller, uid, incoming.record)
        .await
    {
        Ok(updated) => see_other(&format!("/organizations/{}?saved=1", updated.uid)),
        Err(ServiceError::Invalid { field, message }) => refused(vec![kyoso_domain::RowError {
            line: 0,
            field,
            message,
        }]),
        Err(err) => error_page(&ctx, err),
    }
}

// --- ties ---

#[derive(Deserialize)]
pub(crate) struct NewTieQuery {
    from: Option<String>,
}

pub(crate) async fn new_tie(ctx: PageContext, Query(q): Query<NewTieQuery>) -> Response {
    let t = ctx.lang.texts();
    if ctx.caller.user().is_none() {
        return error_page(&ctx, ServiceError::Unauthenticated);
    }
    let values = Values::from([
        ("from".to_owned(), q.from.unwrap_or_default()),
        ("from_type".to_owned(), "person".to_owned()),
    ]);
    let page = FormPage {
        chrome: chrome(&ctx, t.new_tie, "people"),
        action: "/ties".into(),
        cancel: "/people".into(),
        fields: forms::tie_fields(t, &values, &[], None),
        errors: Vec::new(),
        delete: None,
    };
    render(&ctx, StatusCode::OK, &page)
}

/// Where a tie's pages lead back to: the record it starts from.
fn tie_home(tie: &Tie<impl std::fmt::Display>) -> String {
    match tie.from.kind {
        EntityKind::Person => format!("/people/{}#ties", tie.from.key),
        EntityKind::Organization => format!("/organizations/{}#ties", tie.from.key),
        EntityKind::Event => format!("/events/{}", tie.from.key),
    }
}

fn refused_form(
    ctx: &PageContext,
    title: &'static str,
    action: String,
    cancel: String,
    fields: Vec<Field>,
    errors: Vec<kyoso_domain::RowError>,
) -> Response {
    let page = FormPage {
        chrome: chrome(ctx, title, "people"),
        action,
        cancel,
        fields,
        errors,
        delete: None,
    };
    render(ctx, StatusCode::UNPROCESSABLE_ENTITY, &page)
}

fn service_fault(field: Option<String>, message: String) -> Vec<kyoso_domain::RowError> {
    vec![kyoso_domain::RowError {
        line: 0,
        field,
        message,
    }]
}

pub(crate) async fn create_tie(
    State(state): State<AppState>,
    ctx: PageContext,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let t = ctx.lang.texts();
    let refused = |errors: Vec<kyoso_domain::RowError>| {
        let fields = forms::tie_fields(t, &values, &errors, None);
        refused_form(
            &ctx,
            t.new_tie,
            "/ties".into(),
            "/people".into(),
            fields,
            errors,
        )
    };
    let incoming = match read_form::<Tie<RecordRef>>(forms::to_object(&values, &[]), &ctx.caller) {
        Ok(incoming) => incoming,
        Err(errors) => return refused(errors),
    };
    let back = tie_home(&incoming.record);
    match state.kyoso.create_tie(&ctx.caller, incoming).await {
        Ok(_) => see_other(&back.replace("#ties", "?saved=1#ties")),
        Err(ServiceError::Invalid { field, message }) => refused(service_fault(field, message)),
        Err(err) => error_page(&ctx, err),
    }
}

/// The names of a tie's ends, for its edit form.
async fn fixed_ends(state: &AppState, ctx: &PageContext, tie: &Tie<Link>) -> forms::FixedEnds {
    let name = |end: &kyoso_domain::Endpoint<Link>| {
        record_name(state, &ctx.caller, end.kind, end.key.uid, ctx.lang)
    };
    forms::FixedEnds {
        from: name(&tie.from).await,
        to: name(&tie.to).await,
    }
}

/// The tie `id` if the caller may change it.
async fn writable_tie(
    state: &AppState,
    ctx: &PageContext,
    id: &str,
) -> Result<Stored<Tie<Link>>, ServiceError> {
    let tie = state.kyoso.tie(&ctx.caller, parse_id(id)?).await?;
    if !ctx.caller.may(Action::Update, &Resource::tie(&tie, true)) {
        return Err(if ctx.caller.user().is_some() {
            ServiceError::Forbidden
        } else {
            ServiceError::Unauthenticated
        });
    }
    Ok(tie)
}

pub(crate) async fn edit_tie(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let t = ctx.lang.texts();
    let tie = match writable_tie(&state, &ctx, &id).await {
        Ok(tie) => tie,
        Err(err) => return error_page(&ctx, err),
    };
    let ends = fixed_ends(&state, &ctx, &tie.record).await;
    let values = forms::values_of_tie(&tie.record);
    let page = FormPage {
        chrome: chrome(&ctx, t.edit_tie, "people"),
        action: format!("/ties/{}", tie.uid),
        cancel: tie_home(&tie.record.clone().map_ref(|l| l.uid)),
        fields: forms::tie_fields(t, &values, &[], Some(&ends)),
        errors: Vec::new(),
        delete: Some(format!("/ties/{}/delete", tie.uid)),
    };
    render(&ctx, StatusCode::OK, &page)
}

pub(crate) async fn update_tie(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let t = ctx.lang.texts();
    let before = match writable_tie(&state, &ctx, &id).await {
        Ok(tie) => tie,
        Err(err) => return error_page(&ctx, err),
    };
    let ends = fixed_ends(&state, &ctx, &before.record).await;
    let home = tie_home(&before.record.clone().map_ref(|l| l.uid));
    let refused = |errors: Vec<kyoso_domain::RowError>| {
        let fields = forms::tie_fields(t, &values, &errors, Some(&ends));
        refused_form(
            &ctx,
            t.edit_tie,
            format!("/ties/{}", before.uid),
            home.clone(),
            fields,
            errors,
        )
    };
    let incoming = match read_form::<Tie<RecordRef>>(forms::to_object(&values, &[]), &ctx.caller) {
        Ok(incoming) => incoming,
        Err(errors) => return refused(errors),
    };
    match state
        .kyoso
        .update_tie(&ctx.caller, before.uid, incoming.record)
        .await
    {
        Ok(_) => see_other(&home.replace("#ties", "?saved=1#ties")),
        Err(ServiceError::Invalid { field, message }) => refused(service_fault(field, message)),
        Err(err) => error_page(&ctx, err),
    }
}

pub(crate) async fn delete_tie(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let tie = match writable_tie(&state, &ctx, &id).await {
        Ok(tie) => tie,
        Err(err) => return error_page(&ctx, err),
    };
    match state.kyoso.delete_tie(&ctx.caller, tie.uid).await {
        Ok(()) => see_other(&tie_home(&tie.record.map_ref(|l| l.uid))),
        Err(err) => error_page(&ctx, err),
    }
}

// --- audit ---

#[derive(Debug)]
struct AuditRow {
    when: String,
    who: String,
    action: String,
    label: String,
    href: String,
    change: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    chrome: Chrome,
    entries: Vec<AuditRow>,
    next: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct AuditQuery {
    before: Option<i64>,
}

/// The fields that differ between two versions of a record.
fn changed_fields(before: Option<&serde_json::Value>, after: Option<&serde_json::Value>) -> String {
    let (Some(serde_json::Value::Object(b)), Some(serde_json::Value::Object(a))) = (before, after)
    else {
        return String::new();
    };
    let mut keys: Vec<&String> = a
        .keys()
        .chain(b.keys())
        .filter(|k| *k != "updated_at" && a.get(*k) != b.get(*k))
        .collect();
    keys.sort();
    keys.dedup();
    keys.iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) async fn audit(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(q): Query<AuditQuery>,
) -> Response {
    let t = ctx.lang.texts();
    if ctx.caller.user().is_none() {
        return error_page(&ctx, ServiceError::Unauthenticated);
    }
    let entries = match state.kyoso.audit_log(&ctx.caller, q.before).await {
        Ok(entries) => entries,
        Err(err) => return error_page(&ctx, err),
    };
    let next = (entries.len() == 100)
        .then(|| entries.last().map(|(id, _)| format!("/audit?before={id}")))
        .flatten();
    let rows = entries
        .into_iter()
        .map(|(_, e)| AuditRow {
            when: e
                .at
                .to_string()
                .chars()
                .take(19)
                .collect::<String>()
                .replace('T', " "),
            who: e.actor.clone(),
            action: e.action.as_str().to_owned(),
            label: format!("{} {}", e.table, short_uid(e.record)),
            href: record_href(&e.table, e.record),
            change: changed_fields(e.before.as_ref(), e.after.as_ref()),
        })
        .collect();
    render(
        &ctx,
        StatusCode::OK,
        &AuditPage {
            chrome: chrome(&ctx, t.audit_log, "audit"),
            entries: rows,
            next,
        },
    )
}
