//! The pages of programs: the list, a program with its figures and cohorts,
//! a cohort's board, a participant's journey, and the officer's work list.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;

use crate::i18n::Interface as _;
use crate::redirect::see_other;
use kyoso_domain::{
    FollowUp, FollowUpChannel, FollowUpStatus, GrievanceCategory, GrievanceStatus, MonitoringVisit,
    Outcome, OutcomeKind, RecordRef, TitpPhase, TitpPlacement,
};
use kyoso_domain::{JourneyAction, JourneyState, Link, PartialDate, Program, Text, Uid};
use kyoso_domain::{PARTICIPATION_NOTE_CHARS, ParticipantCard, StoredParticipation};
use kyoso_service::programs;
use kyoso_service::{Action, Resource, ServiceError};
use serde::Deserialize;

use crate::AppState;
use crate::auth::PageContext;
use crate::forms::Values;
use crate::i18n::Lang;
use crate::pages::{Chrome, chrome_for, error_page, parse_id, refuse_csrf, render_page};
use crate::view;

/// A person's name in the reader's script, from a card.
fn card_name(card: &ParticipantCard, lang: Lang) -> String {
    let text = |s: &Option<String>| s.as_deref().and_then(|s| Text::line(s, 400).ok());
    match kyoso_domain::Names::new(
        text(&card.name_native),
        text(&card.name_latin),
        text(&card.name_japanese),
    ) {
        Ok(names) => view::names(&names, lang).0,
        Err(_) => card.person.to_string(),
    }
}

fn program_name(p: &Program<Link>, lang: Lang) -> String {
    view::names(&p.names, lang).0
}

#[derive(Debug)]
struct ProgramRow {
    id: Uid,
    name: String,
    kind: String,
    period: String,
}

fn period(start: PartialDate, end: Option<PartialDate>) -> String {
    match end {
        Some(end) => format!("{start} – {end}"),
        None => format!("{start} –"),
    }
}

#[derive(Template)]
#[template(path = "programs.html")]
struct ProgramsPage {
    chrome: Chrome,
    programs: Vec<ProgramRow>,
    next: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct ListQuery {
    after: Option<String>,
}

pub(crate) async fn programs_list(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(q): Query<ListQuery>,
) -> Response {
    let pt = ctx.lang.program_texts();
    let page = match state
        .kyoso
        .programs(&ctx.caller, None, q.after.as_deref(), Some(50))
        .await
    {
        Ok(page) => page,
        Err(err) => return error_page(&ctx, err),
    };
    let rows = page
        .items
        .iter()
        .map(|p| ProgramRow {
            id: p.uid,
            name: program_name(&p.record, ctx.lang),
            kind: pt.program_type(p.record.program_type).to_owned(),
            period: period(p.record.start, p.record.end),
        })
        .collect();
    let next = page.next.map(|after| format!("/programs?after={after}"));
    render_page(
        &ctx,
        StatusCode::OK,
        &ProgramsPage {
            chrome: chrome_for(&ctx, pt.programs, "programs"),
            programs: rows,
            next,
        },
    )
}

/// One bar of the figures chart.
#[derive(Debug)]
struct Bar {
    label: String,
    count: i64,
    y: i64,
    width: i64,
}

#[derive(Debug)]
struct CohortRow {
    id: Uid,
    name: String,
    period: String,
    capacity: String,
}

#[derive(Template)]
#[template(path = "program.html")]
struct ProgramPage {
    chrome: Chrome,
    facts: Vec<(&'static str, String)>,
    description: String,
    sdgs: Vec<u8>,
    bars: Vec<Bar>,
    chart_height: i64,
    total: i64,
    cohorts: Vec<CohortRow>,
}

/// The width of the figures chart's bars at most, in SVG units.
const BAR_SPACE: i64 = 360;

pub(crate) async fn program_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let lang = ctx.lang;
    let pt = lang.program_texts();
    let result = async {
        let uid = parse_id(&id)?;
        let program = state.kyoso.program(&ctx.caller, uid).await?;
        let figures = state.kyoso.program_figures(&ctx.caller, uid).await?;
        let cohorts = state.kyoso.cohorts(&ctx.caller, uid).await?;
        Ok::<_, ServiceError>((program, figures, cohorts))
    }
    .await;
    let (program, figures, cohorts) = match result {
        Ok(found) => found,
        Err(err) => return error_page(&ctx, err),
    };
    let r = &program.record;
    let org_name = |link: &Link| {
        link.external_id
            .as_ref()
            .map_or_else(|| link.uid.to_string(), ToString::to_string)
    };
    let mut facts: Vec<(&'static str, String)> = vec![
        (pt.program_type, pt.program_type(r.program_type).to_owned()),
        (pt.organizer, org_name(&r.organizer)),
        (pt.period, period(r.start, r.end)),
    ];
    let mut fact = |label: &'static str, value: String| {
        if !value.is_empty() {
            facts.push((label, value));
        }
    };
    fact(
        pt.partners,
        r.partners
            .iter()
            .map(org_name)
            .collect::<Vec<_>>()
            .join(", "),
    );
    fact(
        pt.funders,
        r.funders
            .iter()
            .map(|f| format!("{} ({})", org_name(&f.organization), pt.source(f.source)))
            .collect::<Vec<_>>()
            .join(", "),
    );
    fact(
        pt.countries,
        r.countries
            .iter()
            .map(|c| view::country(Some(*c), lang))
            .collect::<Vec<_>>()
            .join(", "),
    );
    fact(
        ctx.lang.texts().sectors,
        view::sectors(&r.sectors, ctx.lang),
    );
    fact(
        pt.stage,
        r.stage.map(|s| pt.stage(s).to_owned()).unwrap_or_default(),
    );
    fact(
        pt.budget,
        r.budget
            .map(|b| format!("{} {}", group_thousands(b.amount), b.currency.as_str()))
            .unwrap_or_default(),
    );
    fact(
        pt.sdgs,
        r.sdgs
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    );
    if let Some(d) = &r.demonstration {
        fact(pt.provider, org_name(&d.provider));
        fact(pt.technology, d.technology.to_string());
        fact(pt.countries, view::country(Some(d.recipient_country), lang));
        fact(
            pt.local_partner,
            d.local_partner.as_ref().map(org_name).unwrap_or_default(),
        );
        fact(
            pt.milestones,
            d.milestones
                .iter()
                .map(|m| match m.reached {
                    Some(on) => format!("{} ✓ {on}", m.title),
                    None => format!("{} ({})", m.title, m.due),
                })
                .collect::<Vec<_>>()
                .join("; "),
        );
        fact(
            pt.results,
            d.results
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        );
    }
    let total: i64 = figures.iter().map(|(_, n)| n).sum();
    let most = figures.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let bars: Vec<Bar> = JourneyState::ALL
        .iter()
        .enumerate()
        .map(|(i, state)| {
            let count = figures
                .iter()
                .find(|(s, _)| s == state)
                .map_or(0, |(_, n)| *n);
            Bar {
                label: pt.state(*state).to_owned(),
                count,
                y: i as i64 * 26,
                width: count * BAR_SPACE / most,
            }
        })
        .collect();
    let mut goals: Vec<u8> = r.sdgs.iter().map(|s| s.goal()).collect();
    goals.dedup();
    let page = ProgramPage {
        chrome: chrome_for(&ctx, program_name(r, lang), "programs"),
        facts,
        description: r
            .description
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        sdgs: goals,
        chart_height: bars.len() as i64 * 26,
        bars,
        total,
        cohorts: cohorts
            .iter()
            .map(|c| CohortRow {
                id: c.uid,
                name: c.record.name.to_string(),
                period: period(c.record.start, c.record.end),
                capacity: c.record.capacity.map(|n| n.to_string()).unwrap_or_default(),
            })
            .collect(),
    };
    render_page(&ctx, StatusCode::OK, &page)
}

fn group_thousands(amount: i64) -> String {
    let digits = amount.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if amount < 0 { format!("-{out}") } else { out }
}

// --- the cohort board ---

#[derive(Debug)]
struct Card {
    participation: Uid,
    person: Uid,
    name: String,
    role: String,
    since: String,
    /// The states the participant may move to: (state, label).
    moves: Vec<(&'static str, &'static str)>,
}

#[derive(Debug)]
struct Column {
    state: &'static str,
    label: &'static str,
    cards: Vec<Card>,
}

#[derive(Template)]
#[template(path = "board.html")]
struct BoardPage {
    chrome: Chrome,
    program: Uid,
    program_name: String,
    columns: Vec<Column>,
    can_move: bool,
    today: String,
    notice: bool,
}

#[derive(Deserialize)]
pub(crate) struct NoticeQuery {
    saved: Option<String>,
}

pub(crate) async fn board(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Query(notice): Query<NoticeQuery>,
) -> Response {
    let lang = ctx.lang;
    let pt = lang.program_texts();
    let result = async {
        let uid = parse_id(&id)?;
        let (cohort, cards) = state.kyoso.cohort_board(&ctx.caller, uid).await?;
        let program = state
            .kyoso
            .program(&ctx.caller, cohort.record.program.uid)
            .await?;
        Ok::<_, ServiceError>((cohort, cards, program))
    }
    .await;
    let (cohort, cards, program) = match result {
        Ok(found) => found,
        Err(err) => return error_page(&ctx, err),
    };
    let can_move = ctx.caller.may(Action::Create, &Resource::program(&program));
    let columns = JourneyState::ALL
        .iter()
        .map(|state| Column {
            state: state.as_str(),
            label: pt.state(*state),
            cards: cards
                .iter()
                .filter(|c| c.state == *state)
                .map(|c| Card {
                    participation: c.participation,
                    person: c.person,
                    name: card_name(c, lang),
                    role: pt.role(c.role).to_owned(),
                    since: c.since.map(|d| d.to_string()).unwrap_or_default(),
                    moves: state
                        .next()
                        .iter()
                        .map(|s| (s.as_str(), pt.state(*s)))
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let title = format!(
        "{} · {}",
        program_name(&program.record, lang),
        cohort.record.name
    );
    let page = BoardPage {
        chrome: chrome_for(&ctx, title, "programs"),
        program: program.uid,
        program_name: program_name(&program.record, lang),
        columns,
        can_move,
        today: kyoso_domain::Timestamp::now().date().to_string(),
        notice: notice.saved.is_some(),
    };
    render_page(&ctx, StatusCode::OK, &page)
}

// --- a participant's journey ---

#[derive(Debug)]
struct Step {
    number: u32,
    on: String,
    what: String,
    by: String,
    note: String,
    retracted: bool,
}

#[derive(Template)]
#[template(path = "participation.html")]
struct ParticipationPage {
    chrome: Chrome,
    id: Uid,
    person: Uid,
    person_name: String,
    program: Uid,
    program_name: String,
    cohort: Option<Uid>,
    role: String,
    state: String,
    applied: String,
    steps: Vec<Step>,
    moves: Vec<(&'static str, &'static str)>,
    can_move: bool,
    latest: Option<u32>,
    today: String,
    error: String,
    /// Technical intern training placements: phase, period, supervising, host, job.
    placements: Vec<[String; 5]>,
    can_place: bool,
    /// (date, findings, actions, recorded by)
    visits: Vec<[String; 4]>,
    can_visit: bool,
    /// (link, date, category, status)
    grievances: Vec<[String; 4]>,
    can_raise: bool,
    /// (date, channel, status, note)
    follow_ups: Vec<[String; 4]>,
    /// (what, date, organization, figures)
    outcomes: Vec<[String; 4]>,
    after_program: bool,
    phases: Vec<(&'static str, &'static str)>,
    categories: Vec<(&'static str, &'static str)>,
    channels: Vec<(&'static str, &'static str)>,
    follow_up_statuses: Vec<(&'static str, &'static str)>,
    outcome_kinds: Vec<(&'static str, &'static str)>,
}

async fn participation_view(
    state: &AppState,
    ctx: &PageContext,
    found: &StoredParticipation,
    error: String,
) -> Result<ParticipationPage, ServiceError> {
    let lang = ctx.lang;
    let pt = lang.program_texts();
    let record = &found.stored.record;
    let person_name = match state.kyoso.person(&ctx.caller, record.person.uid).await {
        Ok(person) => view::names(&person.record.names, lang).0,
        Err(_) => record.person.uid.to_string(),
    };
    let program = state
        .kyoso
        .program(&ctx.caller, record.program.uid)
        .await
        .ok();
    let can_move = program
        .as_ref()
        .is_some_and(|p| ctx.caller.may(Action::Create, &Resource::program(p)));
    let journey = &found.journey;
    let in_effect: Vec<u32> = journey.effective().iter().map(|e| e.number).collect();
    let steps = journey
        .entries()
        .iter()
        .map(|e| Step {
            number: e.number,
            on: e.on.to_string(),
            what: match e.action {
                JourneyAction::Move { to } => pt.state(to).to_owned(),
                JourneyAction::Retract { entry } => format!("{} {entry}", pt.retraction_of),
            },
            by: e.by.to_string(),
            note: e.note.as_ref().map(ToString::to_string).unwrap_or_default(),
            retracted: matches!(e.action, JourneyAction::Move { .. })
                && !in_effect.contains(&e.number),
        })
        .collect();
    let state_now = journey.state();
    let uid = found.stored.uid;
    let placement_list = state.kyoso.placements(&ctx.caller, uid).await?;
    let outcome_list = state.kyoso.outcomes(&ctx.caller, uid).await?;
    // Organizations by name in the reader's script, where the reader may see them.
    let mut org_names = std::collections::HashMap::new();
    let links = placement_list
        .iter()
        .flat_map(|p| [&p.supervising, &p.implementing])
        .chain(
            outcome_list
                .iter()
                .filter_map(|o| o.outcome.organization.as_ref()),
        );
    for link in links {
        if !org_names.contains_key(&link.uid)
            && let Ok(found) = state.kyoso.organization(&ctx.caller, link.uid).await
        {
            org_names.insert(link.uid, view::organization_row(&found, lang).name);
        }
    }
    let org = |link: &Link| {
        org_names.get(&link.uid).cloned().unwrap_or_else(|| {
            link.external_id
                .as_ref()
                .map_or_else(|| link.uid.to_string(), ToString::to_string)
        })
    };
    let placements: Vec<[String; 5]> = placement_list
        .iter()
        .map(|p| {
            [
                p.phase.as_str().to_uppercase(),
                format!("{} – {}", p.start, p.end),
                org(&p.supervising),
                org(&p.implementing),
                p.job_category.to_string(),
            ]
        })
        .collect();
    let (can_visit, handles_grievances) = state.kyoso.supervision_rights(&ctx.caller, uid).await?;
    // The participant reads their journey, not the reports on their host.
    let visits = match state.kyoso.monitoring_visits(&ctx.caller, uid).await {
        Err(ServiceError::Forbidden) => Vec::new(),
        other => other?,
    };
    let visits = visits
        .iter()
        .map(|v| {
            [
                v.visit.on.to_string(),
                v.visit.findings.to_string(),
                v.visit
                    .actions
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                v.recorded_by.clone(),
            ]
        })
        .collect();
    let grievances = state
        .kyoso
        .grievances_of(&ctx.caller, uid)
        .await?
        .iter()
        .map(|g| {
            [
                format!("/grievances/{}", g.uid),
                g.raised_on.to_string(),
                pt.category(g.category).to_owned(),
                pt.grievance_status(g.status).to_owned(),
            ]
        })
        .collect();
    let is_participant = ctx
        .caller
        .user()
        .is_some_and(|u| u.person == Some(record.person.uid));
    let follow_ups = state
        .kyoso
        .follow_ups(&ctx.caller, uid)
        .await?
        .iter()
        .map(|f| {
            [
                f.follow_up.on.to_string(),
                pt.channel(f.follow_up.channel).to_owned(),
                pt.follow_up_status(f.follow_up.status).to_owned(),
                f.follow_up
                    .note
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let outcomes = outcome_list
        .iter()
        .map(|o| {
            let r = &o.outcome;
            let mut figures = Vec::new();
            if let Some(jobs) = r.jobs_created {
                figures.push(format!("{}: {jobs}", pt.jobs_created));
            }
            if let Some(people) = r.people_supported {
                figures.push(format!("{}: {people}", pt.people_supported));
            }
            if r.japanese_affiliated == Some(true) {
                figures.push(pt.japanese_affiliated.to_owned());
            }
            [
                pt.outcome(r.kind).to_owned(),
                r.on.to_string(),
                r.organization.as_ref().map(org).unwrap_or_default(),
                figures.join(" · "),
            ]
        })
        .collect();
    let is_titp = program.as_ref().is_some_and(|p| {
        p.record.program_type == kyoso_domain::ProgramType::TechnicalInternTraining
    }) && record.role == kyoso_domain::ParticipantRole::TechnicalIntern;
    let has_placements = !placements.is_empty();
    Ok(ParticipationPage {
        chrome: chrome_for(ctx, format!("{person_name} · {}", pt.journey), "programs"),
        id: found.stored.uid,
        person: record.person.uid,
        person_name,
        program: record.program.uid,
        program_name: program
            .as_ref()
            .map(|p| program_name(&p.record, lang))
            .unwrap_or_default(),
        cohort: record.cohort.as_ref().map(|c| c.uid),
        role: pt.role(record.role).to_owned(),
        state: pt.state(state_now).to_owned(),
        applied: format!("{} · {}", found.applied_on, pt.state(JourneyState::Applied)),
        steps,
        moves: state_now
            .next()
            .iter()
            .map(|s| (s.as_str(), pt.state(*s)))
            .collect(),
        can_move,
        latest: in_effect.last().copied(),
        today: kyoso_domain::Timestamp::now().date().to_string(),
        error,
        placements,
        can_place: can_move && is_titp,
        visits,
        can_visit: can_visit && has_placements,
        grievances,
        can_raise: has_placements && (is_participant || handles_grievances),
        follow_ups,
        outcomes,
        after_program: can_move && state_now.has_completed(),
        phases: kyoso_domain::TitpPhase::ALL
            .iter()
            .map(|p| (p.as_str(), p.as_str()))
            .collect(),
        categories: GrievanceCategory::ALL
            .iter()
            .map(|c| (c.as_str(), pt.category(*c)))
            .collect(),
        channels: FollowUpChannel::ALL
            .iter()
            .map(|c| (c.as_str(), pt.channel(*c)))
            .collect(),
        follow_up_statuses: FollowUpStatus::ALL
            .iter()
            .map(|c| (c.as_str(), pt.follow_up_status(*c)))
            .collect(),
        outcome_kinds: OutcomeKind::ALL
            .iter()
            .map(|c| (c.as_str(), pt.outcome(*c)))
            .collect(),
    })
}

pub(crate) async fn participation_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let result = async {
        let uid = parse_id(&id)?;
        let found = state.kyoso.participation(&ctx.caller, uid).await?;
        participation_view(&state, &ctx, &found, String::new()).await
    }
    .await;
    match result {
        Ok(page) => render_page(&ctx, StatusCode::OK, &page),
        Err(err) => error_page(&ctx, err),
    }
}

/// A move or a retraction sent from a board or a journey page.
pub(crate) async fn journey_post(
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
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or_default().trim();
    let on = match PartialDate::parse(get("on")) {
        Ok(date) if date.day().is_some() => date.first_day(),
        _ => kyoso_domain::Timestamp::now().date(),
    };
    let note = Text::multiline(get("note"), PARTICIPATION_NOTE_CHARS)
        .ok()
        .filter(|n| !n.as_str().is_empty());
    let action = match get("action") {
        "retract" => get("entry")
            .parse()
            .ok()
            .map(|entry| JourneyAction::Retract { entry }),
        _ => get("to").parse().ok().map(|to| JourneyAction::Move { to }),
    };
    let outcome = match action {
        Some(action) => {
            state
                .kyoso
                .record_journey(&ctx.caller, uid, action, on, note)
                .await
        }
        None => Err(ServiceError::Invalid {
            field: Some("to".into()),
            message: "choose the next step".into(),
        }),
    };
    match outcome {
        Ok(_) => {
            // Back where the move was made: the board, or the journey page.
            let back = get("back");
            let back = if back.starts_with("/cohorts/") {
                format!("{back}?saved=1")
            } else {
                format!("/participations/{uid}")
            };
            see_other(&back)
        }
        Err(ServiceError::Invalid { message, .. }) => {
            // Show the journey with the rule that refused the step.
            let result = async {
                let found = state.kyoso.participation(&ctx.caller, uid).await?;
                participation_view(&state, &ctx, &found, message).await
            }
            .await;
            match result {
                Ok(page) => render_page(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &page),
                Err(err) => error_page(&ctx, err),
            }
        }
        Err(err) => error_page(&ctx, err),
    }
}

// --- placements, visits, grievances, follow-ups, outcomes ---

/// What a form on a journey page records.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Record {
    Placement,
    Visit,
    Grievance,
    FollowUp,
    Outcome,
}

/// Reads and records one of the forms of a journey page; a refusal shows
/// the page again with the reason.
async fn record_form(
    state: &AppState,
    ctx: &PageContext,
    uid: Uid,
    what: Record,
    values: &Values,
) -> Result<(), ServiceError> {
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or_default().trim();
    let invalid = |field: &str, e: kyoso_domain::ValueError| ServiceError::Invalid {
        field: Some(field.into()),
        message: format!("{field}: {e}"),
    };
    let date = |field: &str| -> Result<time::Date, ServiceError> {
        let parsed = PartialDate::parse(get(field)).map_err(|e| invalid(field, e))?;
        if parsed.day().is_none() {
            return Err(ServiceError::Invalid {
                field: Some(field.into()),
                message: format!("{field}: give a whole date"),
            });
        }
        Ok(parsed.first_day())
    };
    let text = |field: &str| -> Result<Option<Text>, ServiceError> {
        let raw = get(field);
        if raw.is_empty() {
            return Ok(None);
        }
        Text::multiline(raw, kyoso_domain::AFTERCARE_TEXT_CHARS)
            .map(Some)
            .map_err(|e| invalid(field, e))
    };
    let required = |field: &str| -> Result<Text, ServiceError> {
        text(field)?.ok_or_else(|| ServiceError::Invalid {
            field: Some(field.into()),
            message: format!("{field}: is required"),
        })
    };
    let caller = &ctx.caller;

    match what {
        Record::Placement => {
            let placement = TitpPlacement {
                phase: get("phase")
                    .parse::<TitpPhase>()
                    .map_err(|e| invalid("phase", e))?,
                start: date("start")?,
                end: date("end")?,
                supervising: RecordRef::parse(get("supervising"))
                    .map_err(|e| invalid("supervising", e))?,
                implementing: RecordRef::parse(get("implementing"))
                    .map_err(|e| invalid("implementing", e))?,
                job_category: Text::line(get("job_category"), 200)
                    .map_err(|e| invalid("job_category", e))?,
            };
            state.kyoso.add_placement(caller, uid, placement).await?;
        }
        Record::Visit => {
            let visit = MonitoringVisit {
                on: date("on")?,
                findings: required("findings")?,
                actions: text("actions")?,
            };
            state.kyoso.record_visit(caller, uid, visit).await?;
        }
        Record::Grievance => {
            let category = get("category")
                .parse::<GrievanceCategory>()
                .map_err(|e| invalid("category", e))?;
            let on = date("on").unwrap_or_else(|_| kyoso_domain::Timestamp::now().date());
            state
                .kyoso
                .raise_grievance(caller, uid, category, required("description")?, on)
                .await?;
        }
        Record::FollowUp => {
            let follow_up = FollowUp {
                on: date("on")?,
                channel: get("channel").parse().map_err(|e| invalid("channel", e))?,
                status: get("status").parse().map_err(|e| invalid("status", e))?,
                note: text("note")?,
            };
            state.kyoso.record_follow_up(caller, uid, follow_up).await?;
        }
        Record::Outcome => {
            let organization = match get("organization") {
                "" => None,
                raw => Some(RecordRef::parse(raw).map_err(|e| invalid("organization", e))?),
            };
            let count = |field: &str| -> Result<Option<u32>, ServiceError> {
                match get(field) {
                    "" => Ok(None),
                    raw => raw.parse().map(Some).map_err(|_| ServiceError::Invalid {
                        field: Some(field.into()),
                        message: format!("{field}: \"{raw}\" is not a whole number"),
                    }),
                }
            };
            let outcome = Outcome {
                kind: get("kind")
                    .parse::<OutcomeKind>()
                    .map_err(|e| invalid("kind", e))?,
                on: PartialDate::parse(get("on")).map_err(|e| invalid("on", e))?,
                organization,
                japanese_affiliated: values.contains_key("japanese_affiliated").then_some(true),
                jobs_created: count("jobs_created")?,
                people_supported: count("people_supported")?,
                note: text("note")?,
            };
            state.kyoso.record_outcome(caller, uid, outcome).await?;
        }
    }
    Ok(())
}

/// A form of a journey page: `/participations/{id}/{placements|visits|
/// grievances|follow-ups|outcomes}`.
pub(crate) async fn record_post(
    State(state): State<AppState>,
    ctx: PageContext,
    Path((id, what)): Path<(String, String)>,
    Form(values): Form<Values>,
) -> Response {
    let what = match what.as_str() {
        "placements" => Record::Placement,
        "visits" => Record::Visit,
        "grievances" => Record::Grievance,
        "follow-ups" => Record::FollowUp,
        "outcomes" => Record::Outcome,
        _ => return error_page(&ctx, ServiceError::NotFound("page")),
    };
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let uid = match parse_id(&id) {
        Ok(uid) => uid,
        Err(err) => return error_page(&ctx, err),
    };
    match record_form(&state, &ctx, uid, what, &values).await {
        Ok(()) => see_other(&format!("/participations/{uid}")),
        Err(ServiceError::Invalid { message, .. }) => {
            let result = async {
                let found = state.kyoso.participation(&ctx.caller, uid).await?;
                participation_view(&state, &ctx, &found, message).await
            }
            .await;
            match result {
                Ok(page) => render_page(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &page),
                Err(err) => error_page(&ctx, err),
            }
        }
        Err(err) => error_page(&ctx, err),
    }
}

// --- a grievance ---

#[derive(Template)]
#[template(path = "grievance.html")]
struct GrievancePage {
    chrome: Chrome,
    id: Uid,
    participation: Uid,
    raised_on: String,
    category: &'static str,
    description: String,
    status: &'static str,
    /// (when, who, status, note)
    trail: Vec<[String; 4]>,
    handles: bool,
    statuses: Vec<(&'static str, &'static str, bool)>,
}

pub(crate) async fn grievance_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
) -> Response {
    let pt = ctx.lang.program_texts();
    let result = async {
        let uid = parse_id(&id)?;
        let grievance = state.kyoso.grievance(&ctx.caller, uid).await?;
        let (_, handles) = state
            .kyoso
            .supervision_rights(&ctx.caller, grievance.participation)
            .await?;
        Ok::<_, ServiceError>((grievance, handles))
    }
    .await;
    let (g, handles) = match result {
        Ok(found) => found,
        Err(err) => return error_page(&ctx, err),
    };
    let page = GrievancePage {
        chrome: chrome_for(&ctx, pt.grievances, "programs"),
        id: g.uid,
        participation: g.participation,
        raised_on: g.raised_on.to_string(),
        category: pt.category(g.category),
        description: g.description.to_string(),
        status: pt.grievance_status(g.status),
        trail: g
            .events
            .iter()
            .map(|e| {
                [
                    e.at.to_string()
                        .chars()
                        .take(16)
                        .collect::<String>()
                        .replace('T', " "),
                    e.actor.clone(),
                    pt.grievance_status(e.status).to_owned(),
                    e.note.as_ref().map(ToString::to_string).unwrap_or_default(),
                ]
            })
            .collect(),
        handles,
        statuses: GrievanceStatus::ALL
            .iter()
            .map(|s| (s.as_str(), pt.grievance_status(*s), *s == g.status))
            .collect(),
    };
    render_page(&ctx, StatusCode::OK, &page)
}

pub(crate) async fn grievance_trail_post(
    State(state): State<AppState>,
    ctx: PageContext,
    Path(id): Path<String>,
    Form(values): Form<Values>,
) -> Response {
    if !ctx.csrf_ok(values.get("csrf").map(String::as_str).unwrap_or_default()) {
        return refuse_csrf(&ctx);
    }
    let get = |k: &str| values.get(k).map(String::as_str).unwrap_or_default().trim();
    let result = async {
        let uid = parse_id(&id)?;
        let status = get("status").parse::<GrievanceStatus>().ok();
        let note = Text::multiline(get("note"), kyoso_domain::AFTERCARE_TEXT_CHARS)
            .ok()
            .filter(|n| !n.as_str().is_empty());
        state
            .kyoso
            .update_grievance(&ctx.caller, uid, status, note)
            .await?;
        Ok::<_, ServiceError>(uid)
    }
    .await;
    match result {
        Ok(uid) => see_other(&format!("/grievances/{uid}")),
        Err(err) => error_page(&ctx, err),
    }
}

// --- the work list ---

#[derive(Debug)]
struct WorkRow {
    participation: Uid,
    name: String,
    role: String,
    since: String,
}

#[derive(Template)]
#[template(path = "work.html")]
struct WorkPage {
    chrome: Chrome,
    applications: Vec<WorkRow>,
    overdue: Vec<WorkRow>,
    /// Months without a follow-up after which a returnee is overdue.
    months: u32,
    max_months: u32,
    overdue_hint: String,
    /// (link, raised on, category, status)
    grievances: Vec<[String; 4]>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct WorkQuery {
    months: Option<String>,
}

pub(crate) async fn work_list(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<WorkQuery>,
) -> Response {
    let lang = ctx.lang;
    let pt = lang.program_texts();
    let today = kyoso_domain::Timestamp::now().date();
    // A period out of range shows the usual one.
    let months = query
        .months
        .as_deref()
        .and_then(|m| m.trim().parse().ok())
        .filter(|m| (1..=programs::MAX_FOLLOW_UP_MONTHS).contains(m))
        .unwrap_or(programs::FOLLOW_UP_MONTHS);
    let list = match state.kyoso.work_list(&ctx.caller, today, months, 200).await {
        Ok(list) => list,
        Err(err) => return error_page(&ctx, err),
    };
    let rows = |cards: &[ParticipantCard]| {
        cards
            .iter()
            .map(|c| WorkRow {
                participation: c.participation,
                name: card_name(c, lang),
                role: pt.role(c.role).to_owned(),
                since: c.since.map(|d| d.to_string()).unwrap_or_default(),
            })
            .collect()
    };
    let page = WorkPage {
        chrome: chrome_for(&ctx, pt.work_list, "work"),
        applications: rows(&list.applications),
        overdue: rows(&list.overdue_follow_ups),
        months,
        max_months: programs::MAX_FOLLOW_UP_MONTHS,
        overdue_hint: pt.overdue_hint.replace("{months}", &months.to_string()),
        grievances: list
            .open_grievances
            .iter()
            .map(|g| {
                [
                    format!("/grievances/{}", g.uid),
                    g.raised_on.to_string(),
                    pt.category(g.category).to_owned(),
                    pt.grievance_status(g.status).to_owned(),
                ]
            })
            .collect(),
    };
    render_page(&ctx, StatusCode::OK, &page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budgets_are_grouped_by_thousands() {
        assert_eq!(group_thousands(12_000_000), "12,000,000");
        assert_eq!(group_thousands(950), "950");
        assert_eq!(group_thousands(-1_500), "-1,500");
    }

    #[test]
    fn a_program_period_is_open_until_it_ends() {
        let start = PartialDate::parse("2025-04").unwrap();
        assert_eq!(period(start, None), "2025-04 –");
        assert_eq!(
            period(start, Some(PartialDate::parse("2026-03").unwrap())),
            "2025-04 – 2026-03"
        );
    }
}
