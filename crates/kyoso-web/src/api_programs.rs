//! The JSON API of programs, cohorts, participations and journeys.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use kyoso_domain::{
    Cohort, ExternalId, Incoming, JourneyAction, JourneyState, Link, PartialDate, ParticipantRole,
    Participation, Program, RecordRef, Stored, Text, Uid, ValueError,
};
use kyoso_domain::{PARTICIPATION_NOTE_CHARS, ParticipantCard, StoredParticipation};
use kyoso_service::programs;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::{ApiResult, JsonObject, Params, id, require_user};
use crate::auth::ApiCaller;
use crate::error::{ApiError, Code, ErrorBody};
use kyoso_exchange::FieldFaults;

/// The name a reference is shown by: its external id where it has one.
fn reference(link: &Link) -> Value {
    match &link.external_id {
        Some(external) => Value::String(external.to_string()),
        None => Value::String(link.uid.to_string()),
    }
}

fn optional_reference(link: Option<&Link>) -> Value {
    link.map_or(Value::Null, reference)
}

fn text(t: Option<&Text>) -> Value {
    t.map_or(Value::Null, |t| Value::String(t.to_string()))
}

pub(crate) fn program_json(p: &Stored<Program<Link>>) -> Value {
    let mut object = kyoso_exchange::program_to_json(p);
    object.insert("created_at".into(), json!(p.created_at));
    object.insert("updated_at".into(), json!(p.updated_at));
    Value::Object(object)
}

/// A program body of the API: the programs file's object, without the
/// identity kyoso gives.
fn read_program(
    mut body: serde_json::Map<String, Value>,
) -> Result<Incoming<Program<RecordRef>>, ApiError> {
    for field in ["id", "created_at", "updated_at"] {
        if body.remove(field).is_some_and(|v| !v.is_null()) {
            return Err(ApiError::field(
                Code::InvalidField,
                field,
                "is set by kyoso and may not be sent",
            ));
        }
    }
    kyoso_exchange::program_from_json(body, 0).map_err(ApiError::fields)
}

pub(crate) fn cohort_json(c: &Stored<Cohort<Link>>) -> Value {
    json!({
        "id": c.uid,
        "program": reference(&c.record.program),
        "name": c.record.name,
        "start": c.record.start,
        "end": c.record.end,
        "capacity": c.record.capacity,
        "apply_by": c.record.apply_by.map(|d| d.to_string()),
        "mode": c.record.mode.map(|m| m.as_str()),
        "languages": c.record.languages.iter().map(|l| l.to_string()).collect::<Vec<_>>(),
    })
}

pub(crate) fn participation_json(p: &StoredParticipation) -> Value {
    let r = &p.stored.record;
    let journey: Vec<Value> = p
        .journey
        .entries()
        .iter()
        .map(|e| {
            let mut entry = json!({"number": e.number, "on": e.on.to_string(), "by": e.by, "note": text(e.note.as_ref())});
            match e.action {
                JourneyAction::Move { to } => {
                    entry["action"] = json!("move");
                    entry["to"] = json!(to);
                }
                JourneyAction::Retract { entry: retracted } => {
                    entry["action"] = json!("retract");
                    entry["entry"] = json!(retracted);
                }
            }
            entry
        })
        .collect();
    json!({
        "id": p.stored.uid,
        "external_id": p.stored.external_id,
        "person": p.stored.record.person.uid,
        "program": p.stored.record.program.uid,
        "cohort": r.cohort.as_ref().map(|c| c.uid),
        "role": r.role,
        "host": optional_reference(r.host.as_ref()),
        "note": text(r.note.as_ref()),
        "state": p.journey.state(),
        "since": p.journey.since().map(|d| d.to_string()),
        "next": p.journey.state().next(),
        "journey": journey,
    })
}

pub(crate) fn card_json(c: &ParticipantCard) -> Value {
    json!({
        "participation": c.participation,
        "person": c.person,
        "name_native": c.name_native,
        "name_latin": c.name_latin,
        "name_japanese": c.name_japanese,
        "role": c.role,
        "state": c.state,
        "since": c.since.map(|d| d.to_string()),
        "program": c.program,
    })
}

// --- reading bodies ---

/// Reads a JSON body into `T`, its faults as the catalogue's.
pub(crate) fn from_body<T: serde::de::DeserializeOwned>(
    body: serde_json::Map<String, Value>,
) -> Result<T, ApiError> {
    kyoso_exchange::from_object(body, 0).map_err(ApiError::fields)
}

/// A program as the API takes it: the object of a programs file (read by
/// `kyoso_exchange::program_from_json`), described here for the OpenAPI
/// document.
#[derive(Debug, Deserialize, ToSchema)]
#[allow(
    dead_code,
    reason = "documents the shape; programs are read by kyoso-exchange"
)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProgramBody {
    external_id: Option<String>,
    /// training_in_japan, overseas_training, expert_dispatch, internship,
    /// technical_intern_training, demonstration_project,
    /// pre_departure_training or seminar_series.
    program_type: String,
    name_native: Option<String>,
    name_latin: Option<String>,
    name_japanese: Option<String>,
    /// The organizing organization (id or external id).
    organizer: String,
    #[serde(default)]
    partners: Vec<String>,
    #[serde(default)]
    funders: Vec<FunderBody>,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    sectors: Vec<String>,
    /// SDG goals and targets: "8", "8.2", "9.b".
    #[serde(default)]
    sdgs: Vec<String>,
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    start: String,
    end: Option<String>,
    budget: Option<BudgetBody>,
    /// technology_transfer, promotion, diffusion or education.
    stage: Option<String>,
    description: Option<String>,
    demonstration: Option<DemonstrationBody>,
    /// private, network or public; network by default.
    visibility: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "documents the shape")]
pub(crate) struct FunderBody {
    organization: String,
    /// oda, private or fund.
    source: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "documents the shape")]
pub(crate) struct BudgetBody {
    /// In the currency's smallest unit (yen, cents).
    amount: i64,
    /// ISO 4217: JPY, USD, THB.
    currency: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "documents the shape")]
pub(crate) struct DemonstrationBody {
    provider: String,
    technology: String,
    recipient_country: String,
    local_partner: Option<String>,
    #[serde(default)]
    milestones: Vec<MilestoneBody>,
    results: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "documents the shape")]
pub(crate) struct MilestoneBody {
    due: String,
    title: String,
    reached: Option<String>,
}

// --- programs ---

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ProgramsQuery {
    /// Programs of this organizer only (id).
    organizer: Option<String>,
    after: Option<String>,
    limit: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/programs", tag = "programs", params(ProgramsQuery),
    responses((status = 200, description = "A page of programs: items and next"), (status = "4XX", body = ErrorBody)),
    security((), ("bearer" = [])))]
pub(crate) async fn list_programs(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Params(q): Params<ProgramsQuery>,
) -> ApiResult {
    let organizer = match q.organizer.as_deref().filter(|o| !o.is_empty()) {
        Some(o) => Some(
            Uid::parse(o)
                .map_err(|e| ApiError::field(Code::InvalidField, "organizer", e.to_string()))?,
        ),
        None => None,
    };
    let page = state
        .kyoso
        .programs(&caller, organizer, q.after.as_deref(), q.limit)
        .await?;
    let items: Vec<Value> = page.items.iter().map(program_json).collect();
    Ok(Json(json!({"items": items, "next": page.next})).into_response())
}

#[utoipa::path(get, path = "/api/v1/programs/{id}", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, description = "The program, with how many participants stand in each journey state"), (status = 404, body = ErrorBody)),
    security((), ("bearer" = [])))]
pub(crate) async fn get_program(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    let uid = id(&uid, "program")?;
    let program = state.kyoso.program(&caller, uid).await?;
    let figures = state.kyoso.program_figures(&caller, uid).await?;
    let mut body = program_json(&program);
    body["participants"] = figures
        .iter()
        .map(|(state, n)| (state.as_str().to_owned(), json!(n)))
        .collect::<serde_json::Map<_, _>>()
        .into();
    Ok(Json(body).into_response())
}

#[utoipa::path(post, path = "/api/v1/programs", tag = "programs", request_body = ProgramBody,
    responses((status = 201, description = "The program"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn create_program(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let incoming = read_program(body)?;
    let created = state.kyoso.create_program(&caller, incoming).await?;
    Ok((StatusCode::CREATED, Json(program_json(&created))).into_response())
}

#[utoipa::path(put, path = "/api/v1/programs/{id}", tag = "programs", params(("id" = String, Path)), request_body = ProgramBody,
    responses((status = 200, description = "The program"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn update_program(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(mut body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "program")?;
    // Identity and ownership are not changed by an update.
    body.remove("external_id");
    body.remove("owner");
    let program = read_program(body)?.record;
    let updated = state.kyoso.update_program(&caller, uid, program).await?;
    Ok(Json(program_json(&updated)).into_response())
}

// --- cohorts ---

/// A cohort as the API takes it (read by `kyoso_exchange::cohort_from_json`),
/// described for the OpenAPI document.
#[derive(Debug, Deserialize, ToSchema)]
#[allow(
    dead_code,
    reason = "documents the shape; cohorts are read by kyoso-exchange"
)]
#[serde(deny_unknown_fields)]
pub(crate) struct CohortBody {
    name: String,
    start: String,
    end: Option<String>,
    capacity: Option<u32>,
    /// YYYY-MM-DD: the last day applications are taken.
    apply_by: Option<String>,
    /// Where it is taught: in_japan, in_country (the participants'), both
    /// or online.
    mode: Option<String>,
    /// The languages it is taught in, each with the least level a
    /// participant needs to follow: "ja:N3", "en:B1", "th:native".
    #[serde(default)]
    languages: Vec<String>,
}

#[utoipa::path(get, path = "/api/v1/programs/{id}/cohorts", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, description = "The program's cohorts"), (status = 404, body = ErrorBody)), security((), ("bearer" = [])))]
pub(crate) async fn list_cohorts(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    let cohorts = state.kyoso.cohorts(&caller, id(&uid, "program")?).await?;
    let items: Vec<Value> = cohorts.iter().map(cohort_json).collect();
    Ok(Json(json!({"items": items})).into_response())
}

#[utoipa::path(post, path = "/api/v1/programs/{id}/cohorts", tag = "programs", params(("id" = String, Path)), request_body = CohortBody,
    responses((status = 201, description = "The cohort"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn create_cohort(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let program = id(&uid, "program")?;
    let cohort = kyoso_exchange::cohort_from_json(body, RecordRef::to_record(program, None), 0)
        .map_err(ApiError::fields)?;
    let created = state.kyoso.create_cohort(&caller, cohort).await?;
    Ok((StatusCode::CREATED, Json(cohort_json(&created))).into_response())
}

#[utoipa::path(get, path = "/api/v1/cohorts/{id}/board", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, description = "The cohort and its participants by journey state"), (status = 404, body = ErrorBody)), security((), ("bearer" = [])))]
pub(crate) async fn cohort_board(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    let (cohort, cards) = state
        .kyoso
        .cohort_board(&caller, id(&uid, "cohort")?)
        .await?;
    let mut columns = serde_json::Map::new();
    for state in JourneyState::ALL {
        let in_state: Vec<Value> = cards
            .iter()
            .filter(|c| c.state == *state)
            .map(card_json)
            .collect();
        columns.insert(state.as_str().to_owned(), Value::Array(in_state));
    }
    Ok(Json(json!({"cohort": cohort_json(&cohort), "states": columns})).into_response())
}

// --- participations ---

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ParticipationBody {
    external_id: Option<String>,
    person: String,
    program: String,
    cohort: Option<String>,
    /// trainee, intern, technical_intern, expert, mentor or lecturer.
    role: String,
    host: Option<String>,
    note: Option<String>,
    /// The day of application (YYYY-MM-DD); today if left out.
    applied_on: Option<String>,
}

pub(crate) fn day(raw: &str) -> Result<time::Date, ValueError> {
    PartialDate::parse_day(raw)
}

#[utoipa::path(post, path = "/api/v1/participations", tag = "programs", request_body = ParticipationBody,
    responses((status = 201, description = "The participation, its journey begun"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn create_participation(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let body: ParticipationBody = from_body(body)?;
    let mut f = FieldFaults::new(0);
    let external_id = f.value(
        "external_id",
        body.external_id.as_deref(),
        ExternalId::parse,
    );
    let person = f.required("person", Some(&body.person), RecordRef::parse);
    let program = f.required("program", Some(&body.program), RecordRef::parse);
    let cohort = f.value("cohort", body.cohort.as_deref(), RecordRef::parse);
    let role = f.required("role", Some(&body.role), |s| s.parse::<ParticipantRole>());
    let host = f.value("host", body.host.as_deref(), RecordRef::parse);
    let note = f.value("note", body.note.as_deref(), |s| {
        Text::multiline(s, PARTICIPATION_NOTE_CHARS)
    });
    let on = f
        .value("applied_on", body.applied_on.as_deref(), day)
        .unwrap_or_else(|| kyoso_domain::Timestamp::now().date());
    let participation = match (person, program, role) {
        (Some(person), Some(program), Some(role)) => Some(Participation {
            person,
            program,
            cohort,
            role,
            host,
            note,
        }),
        _ => None,
    };
    let participation = f.done(participation).map_err(ApiError::fields)?;
    let mut incoming = Incoming::new(participation);
    incoming.external_id = external_id;
    let created = state.kyoso.add_participant(&caller, incoming, on).await?;
    Ok((StatusCode::CREATED, Json(participation_json(&created))).into_response())
}

#[utoipa::path(get, path = "/api/v1/participations/{id}", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, description = "The participation and its whole journey"), (status = 404, body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn get_participation(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    let found = state
        .kyoso
        .participation(&caller, id(&uid, "participation")?)
        .await?;
    Ok(Json(participation_json(&found)).into_response())
}

/// A journey entry: a move to a next state, or the retraction of the
/// latest move in effect.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct JourneyBody {
    /// move or retract.
    action: String,
    /// With move: the next state.
    to: Option<String>,
    /// With retract: the number of the entry retracted.
    entry: Option<u32>,
    /// The day it happened (YYYY-MM-DD); today if left out.
    on: Option<String>,
    /// Required with retract: why.
    note: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/participations/{id}/journey", tag = "programs", params(("id" = String, Path)), request_body = JourneyBody,
    responses((status = 200, description = "The participation after the entry"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn record_journey(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "participation")?;
    let body: JourneyBody = from_body(body)?;
    let mut f = FieldFaults::new(0);
    let action = match body.action.as_str() {
        "move" => f
            .required("to", body.to.as_deref(), |s| s.parse::<JourneyState>())
            .map(|to| JourneyAction::Move { to }),
        "retract" => match body.entry {
            Some(entry) => Some(JourneyAction::Retract { entry }),
            None => {
                f.fault("entry", "is required to retract");
                None
            }
        },
        other => {
            f.fault("action", format!("\"{other}\" is not move or retract"));
            None
        }
    };
    let on = f
        .value("on", body.on.as_deref(), day)
        .unwrap_or_else(|| kyoso_domain::Timestamp::now().date());
    let note = f.value("note", body.note.as_deref(), |s| {
        Text::multiline(s, PARTICIPATION_NOTE_CHARS)
    });
    let action = f.done(action).map_err(ApiError::fields)?;
    let updated = state
        .kyoso
        .record_journey(&caller, uid, action, on, note)
        .await?;
    Ok(Json(participation_json(&updated)).into_response())
}

#[utoipa::path(get, path = "/api/v1/people/{id}/participations", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, description = "The programs a person takes or took part in"), (status = 404, body = ErrorBody)), security((), ("bearer" = [])))]
pub(crate) async fn person_participations(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    let cards = state
        .kyoso
        .participations_of(&caller, id(&uid, "person")?)
        .await?;
    let items: Vec<Value> = cards.iter().map(card_json).collect();
    Ok(Json(json!({"items": items})).into_response())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct WorkListQuery {
    /// Months without a follow-up after which a returnee is overdue
    /// (1 to 60; 6 if not given).
    months: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/work-list", tag = "programs", params(WorkListQuery),
    responses((status = 200, description = "Applications to review and overdue follow-ups of the caller's organization"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn work_list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Params(query): Params<WorkListQuery>,
) -> ApiResult {
    require_user(&caller)?;
    let today = kyoso_domain::Timestamp::now().date();
    let months = match query.months.as_deref() {
        None | Some("") => programs::FOLLOW_UP_MONTHS,
        // Out of range, or not a number: the service names the field.
        Some(text) => text.trim().parse().unwrap_or(0),
    };
    let list = state.kyoso.work_list(&caller, today, months, 200).await?;
    Ok(Json(json!({
        "applications": list.applications.iter().map(card_json).collect::<Vec<_>>(),
        "overdue_follow_ups": list.overdue_follow_ups.iter().map(card_json).collect::<Vec<_>>(),
        "open_grievances": list.open_grievances.iter().map(crate::api_aftercare::grievance_json).collect::<Vec<_>>(),
        "follow_up_months": months,
    }))
    .into_response())
}
