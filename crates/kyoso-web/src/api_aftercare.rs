//! The JSON API of placements, monitoring visits, grievances, follow-ups
//! and outcomes.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use kyoso_domain::{AFTERCARE_TEXT_CHARS, Grievance};
use kyoso_domain::{
    FollowUp, FollowUpChannel, FollowUpStatus, GrievanceCategory, GrievanceStatus, MonitoringVisit,
    Outcome, OutcomeKind, PartialDate, RecordRef, Text, TitpPhase, TitpPlacement,
};
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::AppState;
use crate::api::{ApiResult, JsonObject, id, require_user};
use crate::api_programs::{day, from_body};
use crate::auth::ApiCaller;
use crate::error::{ApiError, ErrorBody};
use kyoso_exchange::FieldFaults;

fn multiline(s: &str) -> Result<Text, kyoso_domain::ValueError> {
    Text::multiline(s, AFTERCARE_TEXT_CHARS)
}

pub(crate) fn grievance_json(g: &Grievance) -> Value {
    json!({
        "id": g.uid,
        "participation": g.participation,
        "person": g.person,
        "supervising": g.supervising,
        "raised_on": g.raised_on.to_string(),
        "category": g.category,
        "description": g.description,
        "status": g.status,
        "trail": g.events.iter().map(|e| json!({
            "number": e.number, "at": e.at, "actor": e.actor, "status": e.status, "note": e.note,
        })).collect::<Vec<_>>(),
    })
}

// --- placements ---

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlacementBody {
    /// i, ii or iii.
    phase: String,
    /// First day, YYYY-MM-DD.
    start: String,
    /// Last day, YYYY-MM-DD.
    end: String,
    /// The supervising organization (id or external id).
    supervising: String,
    /// The implementing (host) organization.
    implementing: String,
    job_category: String,
}

#[utoipa::path(get, path = "/api/v1/participations/{id}/placements", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, description = "A technical intern's placements"), (status = 404, body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn list_placements(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    let placements = state
        .kyoso
        .placements(&caller, id(&uid, "participation")?)
        .await?;
    Ok(Json(json!({"items": placements})).into_response())
}

#[utoipa::path(post, path = "/api/v1/participations/{id}/placements", tag = "programs", params(("id" = String, Path)), request_body = PlacementBody,
    responses((status = 201, description = "The placements, the new one included"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn add_placement(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "participation")?;
    let body: PlacementBody = from_body(body)?;
    let mut f = FieldFaults::new(0);
    let phase = f.required("phase", Some(&body.phase), |s| s.parse::<TitpPhase>());
    let start = f.required("start", Some(&body.start), day);
    let end = f.required("end", Some(&body.end), day);
    let supervising = f.required("supervising", Some(&body.supervising), RecordRef::parse);
    let implementing = f.required("implementing", Some(&body.implementing), RecordRef::parse);
    let job_category = f.required("job_category", Some(&body.job_category), |s| {
        Text::line(s, TitpPlacement::<RecordRef>::MAX_JOB_CATEGORY_CHARS)
    });
    let placement = match (phase, start, end, supervising, implementing, job_category) {
        (
            Some(phase),
            Some(start),
            Some(end),
            Some(supervising),
            Some(implementing),
            Some(job_category),
        ) => Some(TitpPlacement {
            phase,
            start,
            end,
            supervising,
            implementing,
            job_category,
        }),
        _ => None,
    };
    let placement = f.done(placement).map_err(ApiError::fields)?;
    let placements = state.kyoso.add_placement(&caller, uid, placement).await?;
    Ok((StatusCode::CREATED, Json(json!({"items": placements}))).into_response())
}

// --- monitoring visits ---

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct VisitBody {
    /// YYYY-MM-DD.
    on: String,
    findings: String,
    actions: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/participations/{id}/visits", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, description = "Monitoring visits, for those who may see them"), (status = 404, body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn list_visits(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    let visits = state
        .kyoso
        .monitoring_visits(&caller, id(&uid, "participation")?)
        .await?;
    let items: Vec<Value> = visits
        .iter()
        .map(|v| json!({"id": v.uid, "on": v.visit.on.to_string(), "findings": v.visit.findings, "actions": v.visit.actions, "recorded_by": v.recorded_by}))
        .collect();
    Ok(Json(json!({"items": items})).into_response())
}

#[utoipa::path(post, path = "/api/v1/participations/{id}/visits", tag = "programs", params(("id" = String, Path)), request_body = VisitBody,
    responses((status = 201, description = "The visit's id"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn record_visit(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "participation")?;
    let body: VisitBody = from_body(body)?;
    let mut f = FieldFaults::new(0);
    let on = f.required("on", Some(&body.on), day);
    let findings = f.required("findings", Some(&body.findings), multiline);
    let actions = f.value("actions", body.actions.as_deref(), multiline);
    let visit = f
        .done(on.zip(findings).map(|(on, findings)| MonitoringVisit {
            on,
            findings,
            actions,
        }))
        .map_err(ApiError::fields)?;
    let visit = state.kyoso.record_visit(&caller, uid, visit).await?;
    Ok((StatusCode::CREATED, Json(json!({"id": visit}))).into_response())
}

// --- grievances ---

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct GrievanceBody {
    /// wages, working_hours, safety, housing, harassment, contract, health or other.
    category: String,
    description: String,
    /// YYYY-MM-DD; today if left out.
    raised_on: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/participations/{id}/grievances", tag = "grievances", params(("id" = String, Path)),
    responses((status = 200, description = "The grievances the caller may see"), (status = 404, body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn list_grievances(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    require_user(&caller)?;
    let grievances = state
        .kyoso
        .grievances_of(&caller, id(&uid, "participation")?)
        .await?;
    let items: Vec<Value> = grievances.iter().map(grievance_json).collect();
    Ok(Json(json!({"items": items})).into_response())
}

#[utoipa::path(post, path = "/api/v1/participations/{id}/grievances", tag = "grievances", params(("id" = String, Path)), request_body = GrievanceBody,
    responses((status = 201, description = "The grievance"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn raise_grievance(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "participation")?;
    let body: GrievanceBody = from_body(body)?;
    let mut f = FieldFaults::new(0);
    let category = f.required("category", Some(&body.category), |s| {
        s.parse::<GrievanceCategory>()
    });
    let description = f.required("description", Some(&body.description), multiline);
    let raised_on = f
        .value("raised_on", body.raised_on.as_deref(), day)
        .unwrap_or_else(|| kyoso_domain::Timestamp::now().date());
    let (category, description) = f
        .done(category.zip(description))
        .map_err(ApiError::fields)?;
    let grievance = state
        .kyoso
        .raise_grievance(&caller, uid, category, description, raised_on)
        .await?;
    Ok((StatusCode::CREATED, Json(grievance_json(&grievance))).into_response())
}

#[utoipa::path(get, path = "/api/v1/grievances/{id}", tag = "grievances", params(("id" = String, Path)),
    responses((status = 200, description = "The grievance and its trail"), (status = 404, body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn get_grievance(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    let grievance = state
        .kyoso
        .grievance(&caller, id(&uid, "grievance")?)
        .await?;
    Ok(Json(grievance_json(&grievance)).into_response())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct GrievanceEventBody {
    /// open, in_progress, resolved or closed; unchanged if left out.
    status: Option<String>,
    note: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/grievances/{id}/trail", tag = "grievances", params(("id" = String, Path)), request_body = GrievanceEventBody,
    responses((status = 200, description = "The grievance and its trail"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn update_grievance(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "grievance")?;
    let body: GrievanceEventBody = from_body(body)?;
    let mut f = FieldFaults::new(0);
    let status = f.value("status", body.status.as_deref(), |s| {
        s.parse::<GrievanceStatus>()
    });
    let note = f.value("note", body.note.as_deref(), multiline);
    f.done(Some(())).map_err(ApiError::fields)?;
    let grievance = state
        .kyoso
        .update_grievance(&caller, uid, status, note)
        .await?;
    Ok(Json(grievance_json(&grievance)).into_response())
}

// --- follow-ups and outcomes ---

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FollowUpBody {
    /// YYYY-MM-DD.
    on: String,
    /// visit, phone, email, online, survey or event.
    channel: String,
    /// reached, unreachable or declined.
    status: String,
    note: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/participations/{id}/follow-ups", tag = "programs", params(("id" = String, Path)), request_body = FollowUpBody,
    responses((status = 201, description = "The follow-up's id"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn record_follow_up(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "participation")?;
    let body: FollowUpBody = from_body(body)?;
    let mut f = FieldFaults::new(0);
    let on = f.required("on", Some(&body.on), day);
    let channel = f.required("channel", Some(&body.channel), |s| {
        s.parse::<FollowUpChannel>()
    });
    let status = f.required("status", Some(&body.status), |s| {
        s.parse::<FollowUpStatus>()
    });
    let note = f.value("note", body.note.as_deref(), multiline);
    let follow_up = match (on, channel, status) {
        (Some(on), Some(channel), Some(status)) => Some(FollowUp {
            on,
            channel,
            status,
            note,
        }),
        _ => None,
    };
    let follow_up = f.done(follow_up).map_err(ApiError::fields)?;
    let created = state
        .kyoso
        .record_follow_up(&caller, uid, follow_up)
        .await?;
    Ok((StatusCode::CREATED, Json(json!({"id": created}))).into_response())
}

#[utoipa::path(get, path = "/api/v1/participations/{id}/follow-ups", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, description = "Follow-ups, oldest first"), (status = 404, body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn list_follow_ups(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    let items = state
        .kyoso
        .follow_ups(&caller, id(&uid, "participation")?)
        .await?;
    let items: Vec<Value> = items
        .iter()
        .map(|f| json!({"id": f.uid, "on": f.follow_up.on.to_string(), "channel": f.follow_up.channel,
                        "status": f.follow_up.status, "note": f.follow_up.note, "recorded_by": f.recorded_by}))
        .collect();
    Ok(Json(json!({"items": items})).into_response())
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct OutcomeBody {
    /// employed, promoted, founded, became_trainer or contributed_knowledge.
    kind: String,
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    on: String,
    /// The employer, or the enterprise founded (id or external id).
    organization: Option<String>,
    japanese_affiliated: Option<bool>,
    jobs_created: Option<u32>,
    people_supported: Option<u32>,
    note: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/participations/{id}/outcomes", tag = "programs", params(("id" = String, Path)), request_body = OutcomeBody,
    responses((status = 201, description = "The outcome's id"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn record_outcome(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "participation")?;
    let body: OutcomeBody = from_body(body)?;
    let outcome = read_outcome(&body)?;
    let created = state.kyoso.record_outcome(&caller, uid, outcome).await?;
    Ok((StatusCode::CREATED, Json(json!({"id": created}))).into_response())
}

fn read_outcome(body: &OutcomeBody) -> Result<Outcome<RecordRef>, ApiError> {
    let mut f = FieldFaults::new(0);
    let kind = f.required("kind", Some(&body.kind), |s| s.parse::<OutcomeKind>());
    let on = f.required("on", Some(&body.on), PartialDate::parse);
    let organization = f.value(
        "organization",
        body.organization.as_deref(),
        RecordRef::parse,
    );
    let note = f.value("note", body.note.as_deref(), multiline);
    let outcome = kind.zip(on).map(|(kind, on)| Outcome {
        kind,
        on,
        organization,
        japanese_affiliated: body.japanese_affiliated,
        jobs_created: body.jobs_created,
        people_supported: body.people_supported,
        note,
    });
    if let Some(Err((field, error))) = outcome.as_ref().map(Outcome::check) {
        f.fault(field, error.to_string());
    }
    f.done(outcome).map_err(ApiError::fields)
}

#[utoipa::path(get, path = "/api/v1/participations/{id}/outcomes", tag = "programs", params(("id" = String, Path)),
    responses((status = 200, description = "Outcomes, oldest first"), (status = 404, body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn list_outcomes(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    let items = state
        .kyoso
        .outcomes(&caller, id(&uid, "participation")?)
        .await?;
    let items: Vec<Value> = items
        .iter()
        .map(|o| {
            let r = &o.outcome;
            json!({"id": o.uid, "kind": r.kind, "on": r.on,
                   "organization": r.organization.as_ref().map(|l| l.external_id.as_ref().map_or_else(|| l.uid.to_string(), ToString::to_string)),
                   "japanese_affiliated": r.japanese_affiliated, "jobs_created": r.jobs_created,
                   "people_supported": r.people_supported, "note": r.note, "recorded_by": o.recorded_by})
        })
        .collect();
    Ok(Json(json!({"items": items})).into_response())
}

#[utoipa::path(delete, path = "/api/v1/outcomes/{id}", tag = "programs", params(("id" = String, Path)),
    responses((status = 204), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn withdraw_outcome(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    require_user(&caller)?;
    state
        .kyoso
        .withdraw_outcome(&caller, id(&uid, "outcome")?)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
