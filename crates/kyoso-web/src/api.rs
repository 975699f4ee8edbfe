//! The JSON API under `/api/v1`. Records have the same shape as kyoso's JSON
//! files (see docs/FORMATS.md): a flat object whose keys are the file
//! columns. Handlers only translate: parse, call one use case, render.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Path, Query, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use kyoso_domain::{
    CountryCode, Event, EventKind, Incoming, LanguageCode, LanguageLevel, OrganisationType,
    Organization, Person, RecordRef, SectorCode, Skill, Text, Tie, TieKind, Timestamp, Uid,
};
use kyoso_domain::{EventFilter, OrganizationFilter, PeopleFilter, TieFilter};
use kyoso_exchange::{Defaults, Exportable, Record, from_json, to_json};
use kyoso_service::protection;
use kyoso_service::registry::Page;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::auth::ApiCaller;
use crate::error::{ApiError, Code, ErrorBody};

pub(crate) type ApiResult = Result<Response, ApiError>;

/// A JSON object body: `Content-Type: application/json`, an object at the
/// top, within the body limit. Every other body is a catalogued error.
pub(crate) struct JsonObject(pub Map<String, Value>);

impl<S: Send + Sync> FromRequest<S> for JsonObject {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                v.split(';')
                    .next()
                    .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"))
            });
        if !is_json {
            return Err(ApiError::new(
                Code::UnsupportedMediaType,
                "send a JSON object with Content-Type: application/json",
            ));
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::new(Code::PayloadTooLarge, "the body is too large")
                } else {
                    ApiError::new(Code::BadRequest, "the body could not be read")
                }
            })?;
        match serde_json::from_slice::<Value>(&bytes) {
            Ok(Value::Object(object)) => Ok(JsonObject(object)),
            Ok(_) => Err(ApiError::new(
                Code::BadRequest,
                "the body must be a JSON object",
            )),
            Err(err) => Err(ApiError::new(
                Code::BadRequest,
                format!("the body is not valid JSON: {err}"),
            )),
        }
    }
}

/// Query parameters, with their faults as catalogued errors.
pub(crate) struct Params<T>(pub T);

impl<T: serde::de::DeserializeOwned + Send> axum::extract::FromRequestParts<AppState>
    for Params<T>
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(value)| Params(value))
            .map_err(|rejection| ApiError::new(Code::BadRequest, rejection.body_text()))
    }
}

pub(crate) fn id(text: &str, what: &str) -> Result<Uid, ApiError> {
    // An id that cannot exist is simply not found.
    Uid::parse(text).map_err(|_| ApiError::not_found(what))
}

fn parse<T>(
    field: &str,
    value: Option<&str>,
    parse: impl FnOnce(&str) -> Result<T, kyoso_domain::ValueError>,
) -> Result<Option<T>, ApiError> {
    value
        .filter(|v| !v.trim().is_empty())
        .map(|v| parse(v).map_err(|e| ApiError::field(Code::InvalidField, field, e.to_string())))
        .transpose()
}

fn defaults(caller: &kyoso_service::Caller) -> Result<Defaults, ApiError> {
    Ok(Defaults {
        owner: None,
        asserted_by: Text::line(&caller.actor(), 200)
            .map_err(|e| ApiError::new(Code::Internal, e.to_string()))?,
        asserted_at: Timestamp::now(),
    })
}

/// A record in its JSON shape.
fn record<E: Exportable>(record: &E) -> Value {
    Value::Object(to_json(record))
}

fn page_json<E: Exportable>(page: &Page<E>) -> Value {
    let items: Vec<Value> = page.items.iter().map(record).collect();
    serde_json::json!({ "items": items, "next": page.next })
}

/// Writes need a signed-in caller: without a token, the answer is 401.
pub(crate) fn require_user(caller: &kyoso_service::Caller) -> Result<(), ApiError> {
    match caller {
        kyoso_service::Caller::Anonymous => {
            Err(ApiError::new(Code::Unauthenticated, "give a bearer token"))
        }
        _ => Ok(()),
    }
}

fn created(value: Value) -> Response {
    (StatusCode::CREATED, Json(value)).into_response()
}

/// The record's body, read with the file format's rules. A record sent to
/// update may not change its identity.
fn read_body<T: Record>(
    object: Map<String, Value>,
    caller: &kyoso_service::Caller,
) -> Result<Incoming<T>, ApiError> {
    from_json::<T>(object, &defaults(caller)?).map_err(ApiError::fields)
}

/// The identity fields a record may not carry in through the API: its id
/// and times are kyoso's. The id the record is read with stands in for the
/// one kyoso gives a new record (or is the updated record's own).
fn strip_identity(object: &mut Map<String, Value>, id: Uid) -> Result<(), ApiError> {
    for field in ["id", "created_at", "updated_at"] {
        if object.remove(field).is_some_and(|v| !v.is_null()) {
            return Err(ApiError::field(
                Code::InvalidField,
                field,
                "is set by kyoso and may not be sent",
            ));
        }
    }
    object.insert("id".into(), Value::String(id.to_string()));
    Ok(())
}

// --- health ---

#[utoipa::path(get, path = "/healthz", tag = "service", responses((status = 200, description = "The server and its database answer")))]
pub(crate) async fn healthz(State(state): State<AppState>) -> ApiResult {
    state.kyoso.health().await?;
    Ok(Json(serde_json::json!({"status": "ok"})).into_response())
}

// --- people ---

/// The JSON shape of a person (the columns of a people file).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[allow(
    dead_code,
    reason = "documents the shape; the records are read by kyoso-exchange"
)]
pub(crate) struct PersonJson {
    /// kyoso's id (UUID); set by kyoso.
    id: Option<String>,
    /// The id in the system the record came from.
    external_id: Option<String>,
    /// The owning organization (external id or id).
    owner: Option<String>,
    /// The name in the person's own script. One of the two names is required.
    name_native: Option<String>,
    /// The name in Latin letters.
    name_latin: Option<String>,
    /// The Japanese name, or the katakana reading.
    name_japanese: Option<String>,
    /// female, male or other.
    gender: Option<String>,
    /// ISO 3166-1 alpha-2.
    residence: Option<String>,
    nationality: Option<String>,
    /// `ja:N2`, `th:native`, `en:B2`, or objects `{"language": "ja", "level": "N2"}`.
    languages: Vec<String>,
    skills: Vec<String>,
    /// OECD DAC 5-digit purpose codes.
    sectors: Vec<String>,
    available_mentoring: Option<bool>,
    available_dispatch: Option<bool>,
    /// Trains others, as a trainer or instructor: answers training needs.
    available_training: Option<bool>,
    /// YYYY-MM-DD: the first day they can take up work, where that is not now.
    available_from: Option<String>,
    /// ISO 3166-1 alpha-2: the countries they have lived or worked in,
    /// beside their residence.
    #[serde(default)]
    experience_countries: Vec<String>,
    email: Option<String>,
    phone: Option<String>,
    bio: Option<String>,
    consent_processing: Option<bool>,
    consent_contact: Option<bool>,
    consent_public_listing: Option<bool>,
    /// private, network or public.
    visibility: Option<String>,
    created_at: Option<String>,
    updated_at: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct PeopleQuery {
    /// Country of residence (ISO 3166-1 alpha-2).
    country: Option<String>,
    /// Owned by or tied to this organization (id).
    organization: Option<String>,
    skill: Option<String>,
    /// OECD DAC 5-digit purpose code.
    sector: Option<String>,
    /// ISO 639-1 code.
    language: Option<String>,
    /// With `language`: the least level (JLPT N1–N5, CEFR A1–C2, native).
    level: Option<String>,
    /// Part of a name, in any script.
    q: Option<String>,
    /// The `next` of the previous page.
    after: Option<String>,
    /// At most 200; 50 by default.
    limit: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct PeoplePage {
    items: Vec<PersonJson>,
    /// Give as `after` for the next page; null on the last page.
    next: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/people", tag = "people", params(PeopleQuery),
    responses((status = 200, body = PeoplePage), (status = "4XX", body = ErrorBody)),
    security((), ("bearer" = [])))]
pub(crate) async fn list_people(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Params(q): Params<PeopleQuery>,
) -> ApiResult {
    let language = parse("language", q.language.as_deref(), LanguageCode::parse)?;
    let level = parse("level", q.level.as_deref(), |l| l.parse::<LanguageLevel>())?;
    if level.is_some() && language.is_none() {
        return Err(ApiError::field(
            Code::InvalidField,
            "level",
            "needs a language",
        ));
    }
    let filter = PeopleFilter {
        country: parse("country", q.country.as_deref(), CountryCode::parse)?,
        organization: parse("organization", q.organization.as_deref(), Uid::parse)?,
        skill: parse("skill", q.skill.as_deref(), Skill::parse)?,
        sector: parse("sector", q.sector.as_deref(), SectorCode::parse)?,
        language: language.map(|l| (l, level)),
        text: parse("q", q.q.as_deref(), Text::query)?.flatten(),
    };
    let page = state
        .kyoso
        .people(&caller, &filter, q.after.as_deref(), q.limit)
        .await?;
    Ok(Json(page_json(&page)).into_response())
}

#[utoipa::path(get, path = "/api/v1/people/{id}", tag = "people", params(("id" = String, Path, description = "The person's id")),
    responses((status = 200, body = PersonJson), (status = 404, body = ErrorBody)), security((), ("bearer" = [])))]
pub(crate) async fn get_person(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    let person = state.kyoso.person(&caller, id(&uid, "person")?).await?;
    Ok(Json(record(&person)).into_response())
}

#[utoipa::path(post, path = "/api/v1/people", tag = "people", request_body = PersonJson,
    responses((status = 201, body = PersonJson), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn create_person(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    JsonObject(mut body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    strip_identity(&mut body, Uid::new())?;
    let person = read_body::<Person>(body, &caller)?;
    let created_person = state.kyoso.create_person(&caller, person).await?;
    Ok(created(record(&created_person)))
}

#[utoipa::path(put, path = "/api/v1/people/{id}", tag = "people", params(("id" = String, Path)), request_body = PersonJson,
    responses((status = 200, body = PersonJson), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn update_person(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(mut body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "person")?;
    strip_identity(&mut body, uid)?;
    // Identity and ownership are not changed by an update.
    body.remove("external_id");
    body.remove("owner");
    let person = read_body::<Person>(body, &caller)?;
    let updated = state
        .kyoso
        .update_person(&caller, uid, person.record)
        .await?;
    Ok(Json(record(&updated)).into_response())
}

#[utoipa::path(delete, path = "/api/v1/people/{id}", tag = "people", params(("id" = String, Path)),
    responses((status = 204), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn delete_person(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    require_user(&caller)?;
    state
        .kyoso
        .delete_person(&caller, id(&uid, "person")?)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(get, path = "/api/v1/people/{id}/data", tag = "people", params(("id" = String, Path, description = "The person's id (UUID)")),
    responses((status = 200, body = SubjectDataJson, description = "Everything kyoso holds about the person: for the person themself"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub(crate) async fn person_data(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    require_user(&caller)?;
    let data = state
        .kyoso
        .subject_data(&caller, id(&uid, "person")?)
        .await?;
    Ok(Json(subject_json(&data)).into_response())
}

/// Everything kyoso holds about a person, as exported to them.
#[derive(Debug, Serialize, ToSchema)]
#[allow(
    dead_code,
    reason = "documents the shape; the JSON is built by subject_json"
)]
pub(crate) struct SubjectDataJson {
    person: PersonJson,
    ties: Vec<TieJson>,
    /// Their participations in programs: program, state and journey.
    participations: Vec<Value>,
    /// The matches they were proposed for.
    matches: Vec<Value>,
    erasure_requests: Vec<ErasureRequestJson>,
    /// The audit log's entries about their record.
    audit: Vec<Value>,
}

pub(crate) fn subject_json(data: &protection::SubjectData) -> Value {
    serde_json::json!({
        "person": record(&data.person),
        "ties": data.ties.iter().map(record).collect::<Vec<_>>(),
        "participations": data.participations,
        "matches": data.matches,
        "erasure_requests": data.erasure_requests,
        "audit": data.audit,
    })
}

#[utoipa::path(post, path = "/api/v1/people/{id}/erase", tag = "people", params(("id" = String, Path, description = "The person's id (UUID)")),
    responses((status = 200, body = PersonJson, description = "The record as it stands after the erasure"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub(crate) async fn erase_person(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    require_user(&caller)?;
    let erased = state
        .kyoso
        .erase_person(&caller, id(&uid, "person")?)
        .await?;
    Ok(Json(record(&erased)).into_response())
}

/// A request to erase a person's record.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ErasureRequestJson {
    #[schema(format = Uuid)]
    id: String,
    /// The person whose record is to be erased.
    #[schema(format = Uuid)]
    person: String,
    #[schema(format = DateTime)]
    requested_at: String,
    /// pending, postponed (see `reason`) or done.
    #[schema(pattern = "^(pending|postponed|done)$")]
    status: String,
    /// Why it cannot be carried out yet.
    reason: Option<String>,
    #[schema(format = DateTime)]
    decided_at: Option<String>,
}

fn erasure_request_json(r: &protection::ErasureRequestData) -> Value {
    serde_json::json!({
        "id": r.id,
        "person": r.person,
        "requested_at": r.requested_at.to_string(),
        "status": r.status,
        "reason": r.reason,
        "decided_at": r.decided_at.map(|t| t.to_string()),
    })
}

#[utoipa::path(post, path = "/api/v1/people/{id}/erasure-requests", tag = "people", params(("id" = String, Path, description = "Your own person record's id (UUID)")),
    responses((status = 201, body = ErasureRequestJson, description = "The request, pending (or the one already open)"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("bearer" = [])))]
pub(crate) async fn request_erasure(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    require_user(&caller)?;
    let request = state
        .kyoso
        .request_erasure(&caller, id(&uid, "person")?)
        .await?;
    Ok((StatusCode::CREATED, Json(erasure_request_json(&request))).into_response())
}

/// Erasure requests to carry out.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ErasureRequestsPage {
    items: Vec<ErasureRequestJson>,
}

#[utoipa::path(get, path = "/api/v1/erasure-requests", tag = "people",
    responses((status = 200, body = ErasureRequestsPage, description = "Requests not yet carried out: every one for an admin, those of the organization's people for an officer"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("bearer" = [])))]
pub(crate) async fn erasure_requests(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
) -> ApiResult {
    require_user(&caller)?;
    let requests = state.kyoso.erasure_requests(&caller).await?;
    let items: Vec<Value> = requests.iter().map(erasure_request_json).collect();
    Ok(Json(serde_json::json!({ "items": items })).into_response())
}

/// What is done about an erasure request.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(
    dead_code,
    reason = "documents the shape; the body is read field by field"
)]
#[schema(example = json!({"decision": "postpone", "reason": "The funder requires the records until the final report in March."}))]
pub(crate) struct ErasureDecisionBody {
    /// carry_out (erase the record now) or postpone (record why not yet).
    #[schema(pattern = "^(carry_out|postpone)$")]
    decision: String,
    /// Why it cannot be carried out yet: required to postpone.
    #[schema(min_length = 1, max_length = 1000)]
    reason: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/erasure-requests/{id}", tag = "people", params(("id" = String, Path, description = "The request's id (UUID)")),
    request_body = ErasureDecisionBody,
    responses((status = 200, body = ErasureRequestJson, description = "The request as it now stands"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("bearer" = [])))]
pub(crate) async fn decide_erasure(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let request = id(&uid, "erasure request")?;
    let decision = match body.get("decision").and_then(Value::as_str) {
        Some("carry_out") => protection::ErasureDecision::CarryOut,
        Some("postpone") => {
            let reason = body.get("reason").and_then(Value::as_str).ok_or_else(|| {
                ApiError::field(
                    Code::InvalidField,
                    "reason",
                    "say why it cannot be carried out yet",
                )
            })?;
            let reason = Text::multiline(reason, 1000)
                .map_err(|e| ApiError::field(Code::InvalidField, "reason", e.to_string()))?;
            protection::ErasureDecision::Postpone(reason)
        }
        _ => {
            return Err(ApiError::field(
                Code::InvalidField,
                "decision",
                "is carry_out or postpone",
            ));
        }
    };
    if let Some(extra) = body
        .keys()
        .find(|k| !["decision", "reason"].contains(&k.as_str()))
    {
        return Err(ApiError::field(
            Code::InvalidField,
            extra,
            "is not a field of a decision",
        ));
    }
    let request = state
        .kyoso
        .decide_erasure(&caller, request, decision)
        .await?;
    Ok(Json(erasure_request_json(&request)).into_response())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct PageQuery {
    after: Option<String>,
    limit: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/people/{id}/ties", tag = "ties", params(("id" = String, Path), PageQuery),
    responses((status = 200, body = TiesPage), (status = "4XX", body = ErrorBody)), security((), ("bearer" = [])))]
pub(crate) async fn person_ties(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    Params(q): Params<PageQuery>,
) -> ApiResult {
    let uid = id(&uid, "person")?;
    state.kyoso.person(&caller, uid).await?;
    let page = state
        .kyoso
        .ties_of(&caller, uid, q.after.as_deref(), q.limit)
        .await?;
    Ok(Json(page_json(&page)).into_response())
}

// --- organizations ---

/// The JSON shape of an organization (the columns of an organizations file).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[allow(
    dead_code,
    reason = "documents the shape; the records are read by kyoso-exchange"
)]
pub(crate) struct OrganizationJson {
    id: Option<String>,
    external_id: Option<String>,
    owner: Option<String>,
    name_native: Option<String>,
    name_latin: Option<String>,
    name_japanese: Option<String>,
    acronym: Option<String>,
    /// IATI OrganisationType code (10 government, 22 national NGO, 80 academic, ...).
    org_type: String,
    country: Option<String>,
    sectors: Vec<String>,
    /// The organization it belongs to (external id or id).
    parent: Option<String>,
    website: Option<String>,
    visibility: Option<String>,
    created_at: Option<String>,
    updated_at: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct OrganizationsQuery {
    country: Option<String>,
    /// IATI OrganisationType code.
    r#type: Option<String>,
    sector: Option<String>,
    /// Sub-organizations of this one (id).
    parent: Option<String>,
    q: Option<String>,
    after: Option<String>,
    limit: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct OrganizationsPage {
    items: Vec<OrganizationJson>,
    next: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/organizations", tag = "organizations", params(OrganizationsQuery),
    responses((status = 200, body = OrganizationsPage), (status = "4XX", body = ErrorBody)), security((), ("bearer" = [])))]
pub(crate) async fn list_organizations(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Params(q): Params<OrganizationsQuery>,
) -> ApiResult {
    let filter = OrganizationFilter {
        country: parse("country", q.country.as_deref(), CountryCode::parse)?,
        org_type: parse("type", q.r#type.as_deref(), OrganisationType::parse)?,
        sector: parse("sector", q.sector.as_deref(), SectorCode::parse)?,
        parent: parse("parent", q.parent.as_deref(), Uid::parse)?,
        text: parse("q", q.q.as_deref(), Text::query)?.flatten(),
    };
    let page = state
        .kyoso
        .organizations(&caller, &filter, q.after.as_deref(), q.limit)
        .await?;
    Ok(Json(page_json(&page)).into_response())
}

#[utoipa::path(get, path = "/api/v1/organizations/{id}", tag = "organizations", params(("id" = String, Path)),
    responses((status = 200, body = OrganizationJson), (status = 404, body = ErrorBody)), security((), ("bearer" = [])))]
pub(crate) async fn get_organization(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    let org = state
        .kyoso
        .organization(&caller, id(&uid, "organization")?)
        .await?;
    Ok(Json(record(&org)).into_response())
}

#[utoipa::path(post, path = "/api/v1/organizations", tag = "organizations", request_body = OrganizationJson,
    responses((status = 201, body = OrganizationJson), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn create_organization(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    JsonObject(mut body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    strip_identity(&mut body, Uid::new())?;
    let org = read_body::<Organization<RecordRef>>(body, &caller)?;
    let created_org = state.kyoso.create_organization(&caller, org).await?;
    Ok(created(record(&created_org)))
}

#[utoipa::path(put, path = "/api/v1/organizations/{id}", tag = "organizations", params(("id" = String, Path)), request_body = OrganizationJson,
    responses((status = 200, body = OrganizationJson), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn update_organization(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(mut body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "organization")?;
    strip_identity(&mut body, uid)?;
    body.remove("external_id");
    body.remove("owner");
    let org = read_body::<Organization<RecordRef>>(body, &caller)?;
    let updated = state
        .kyoso
        .update_organization(&caller, uid, org.record)
        .await?;
    Ok(Json(record(&updated)).into_response())
}

#[utoipa::path(delete, path = "/api/v1/organizations/{id}", tag = "organizations", params(("id" = String, Path)),
    responses((status = 204), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn delete_organization(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    require_user(&caller)?;
    state
        .kyoso
        .delete_organization(&caller, id(&uid, "organization")?)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(get, path = "/api/v1/organizations/{id}/ties", tag = "ties", params(("id" = String, Path), PageQuery),
    responses((status = 200, body = TiesPage), (status = "4XX", body = ErrorBody)), security((), ("bearer" = [])))]
pub(crate) async fn organization_ties(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    Params(q): Params<PageQuery>,
) -> ApiResult {
    let uid = id(&uid, "organization")?;
    state.kyoso.organization(&caller, uid).await?;
    let page = state
        .kyoso
        .ties_of(&caller, uid, q.after.as_deref(), q.limit)
        .await?;
    Ok(Json(page_json(&page)).into_response())
}

// --- events ---

/// The JSON shape of an event (the columns of an events file).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[allow(
    dead_code,
    reason = "documents the shape; the records are read by kyoso-exchange"
)]
pub(crate) struct EventJson {
    id: Option<String>,
    external_id: Option<String>,
    owner: Option<String>,
    name_native: Option<String>,
    name_latin: Option<String>,
    name_japanese: Option<String>,
    /// conference, seminar, workshop, training, trade_fair, study_tour,
    /// alumni_gathering, business_matching or other.
    kind: String,
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    start: String,
    end: Option<String>,
    /// Where it is held: a venue, a city (at most 200 characters).
    place: Option<String>,
    /// ISO 3166-1 alpha-2; none for an event held online.
    country: Option<String>,
    /// The organization that holds it (external id or id).
    organizer: Option<String>,
    /// private, network (the default) or public.
    visibility: Option<String>,
    created_at: Option<String>,
    updated_at: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct EventsPage {
    items: Vec<EventJson>,
    next: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct EventsQuery {
    /// ISO 3166-1 alpha-2.
    country: Option<String>,
    /// One kind of event only.
    kind: Option<String>,
    /// Held by this organization (id).
    organizer: Option<String>,
    after: Option<String>,
    limit: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/events", tag = "events", params(EventsQuery),
    responses((status = 200, body = EventsPage), (status = "4XX", body = ErrorBody)), security((), ("bearer" = [])))]
pub(crate) async fn list_events(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Params(q): Params<EventsQuery>,
) -> ApiResult {
    let filter = EventFilter {
        country: parse("country", q.country.as_deref(), CountryCode::parse)?,
        kind: parse("kind", q.kind.as_deref(), str::parse::<EventKind>)?,
        organizer: parse("organizer", q.organizer.as_deref(), Uid::parse)?,
    };
    let page = state
        .kyoso
        .events(&caller, &filter, q.after.as_deref(), q.limit)
        .await?;
    Ok(Json(page_json(&page)).into_response())
}

#[utoipa::path(get, path = "/api/v1/events/{id}", tag = "events", params(("id" = String, Path)),
    responses((status = 200, body = EventJson), (status = 404, body = ErrorBody)), security((), ("bearer" = [])))]
pub(crate) async fn get_event(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    let event = state.kyoso.event(&caller, id(&uid, "event")?).await?;
    Ok(Json(record(&event)).into_response())
}

#[utoipa::path(post, path = "/api/v1/events", tag = "events", request_body = EventJson,
    responses((status = 201, body = EventJson), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn create_event(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    JsonObject(mut body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    strip_identity(&mut body, Uid::new())?;
    let event = read_body::<Event<RecordRef>>(body, &caller)?;
    let created_event = state.kyoso.create_event(&caller, event).await?;
    Ok(created(record(&created_event)))
}

#[utoipa::path(put, path = "/api/v1/events/{id}", tag = "events", params(("id" = String, Path)), request_body = EventJson,
    responses((status = 200, body = EventJson), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn update_event(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(mut body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "event")?;
    strip_identity(&mut body, uid)?;
    body.remove("external_id");
    body.remove("owner");
    let event = read_body::<Event<RecordRef>>(body, &caller)?;
    let updated = state.kyoso.update_event(&caller, uid, event.record).await?;
    Ok(Json(record(&updated)).into_response())
}

#[utoipa::path(delete, path = "/api/v1/events/{id}", tag = "events", params(("id" = String, Path)),
    responses((status = 204, description = "The event is gone, and its attendance with it; meetings that named it name no event now"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn delete_event(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    require_user(&caller)?;
    state
        .kyoso
        .delete_event(&caller, id(&uid, "event")?)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(get, path = "/api/v1/events/{id}/ties", tag = "ties", params(("id" = String, Path), PageQuery),
    responses((status = 200, body = TiesPage), (status = "4XX", body = ErrorBody)), security((), ("bearer" = [])))]
pub(crate) async fn event_ties(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    Params(q): Params<PageQuery>,
) -> ApiResult {
    let uid = id(&uid, "event")?;
    state.kyoso.event(&caller, uid).await?;
    let page = state
        .kyoso
        .ties_of(&caller, uid, q.after.as_deref(), q.limit)
        .await?;
    Ok(Json(page_json(&page)).into_response())
}

// --- ties ---

/// The JSON shape of a tie (the columns of a ties file).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[allow(
    dead_code,
    reason = "documents the shape; the records are read by kyoso-exchange"
)]
pub(crate) struct TieJson {
    id: Option<String>,
    external_id: Option<String>,
    owner: Option<String>,
    /// studied_at, trained_at, employed_by, member_of, founded, mentored,
    /// hosted_intern, partnered_with, supervises, met_at, attended.
    kind: String,
    /// person or organization; may be left out where the kind allows one pair.
    from_type: Option<String>,
    from: String,
    /// person, organization or event (attended ties end at an event).
    to_type: Option<String>,
    to: String,
    /// YYYY, YYYY-MM or YYYY-MM-DD.
    start: String,
    end: Option<String>,
    strength: Option<f64>,
    role: Option<String>,
    note: Option<String>,
    asserted_by: Option<String>,
    asserted_at: Option<String>,
    visibility: Option<String>,
    created_at: Option<String>,
    updated_at: Option<String>,
    /// For a met_at tie: the event the two met at (external id or id). Two
    /// meetings on one day at two events are two ties.
    event: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct TiesPage {
    items: Vec<TieJson>,
    next: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct TiesQuery {
    /// A person's or organization's id: their ties, at either end.
    end: Option<String>,
    /// One kind of tie only.
    kind: Option<String>,
    /// The `next` of the previous page.
    after: Option<String>,
    /// At most 200; 50 by default.
    limit: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/ties", tag = "ties", params(TiesQuery),
    responses((status = 200, body = TiesPage), (status = "4XX", body = ErrorBody)), security((), ("bearer" = [])))]
pub(crate) async fn list_ties(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Params(q): Params<TiesQuery>,
) -> ApiResult {
    let filter = TieFilter {
        end: parse("end", q.end.as_deref(), Uid::parse)?,
        kind: parse("kind", q.kind.as_deref(), |k| k.parse::<TieKind>())?,
    };
    let page = state
        .kyoso
        .ties(&caller, &filter, q.after.as_deref(), q.limit)
        .await?;
    Ok(Json(page_json(&page)).into_response())
}

#[utoipa::path(get, path = "/api/v1/ties/{id}", tag = "ties", params(("id" = String, Path)),
    responses((status = 200, body = TieJson), (status = 404, body = ErrorBody)), security((), ("bearer" = [])))]
pub(crate) async fn get_tie(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    let tie = state.kyoso.tie(&caller, id(&uid, "tie")?).await?;
    Ok(Json(record(&tie)).into_response())
}

#[utoipa::path(post, path = "/api/v1/ties", tag = "ties", request_body = TieJson,
    responses((status = 201, body = TieJson), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn create_tie(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    JsonObject(mut body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    strip_identity(&mut body, Uid::new())?;
    let tie = read_body::<Tie<RecordRef>>(body, &caller)?;
    let created_tie = state.kyoso.create_tie(&caller, tie).await?;
    Ok(created(record(&created_tie)))
}

#[utoipa::path(put, path = "/api/v1/ties/{id}", tag = "ties", params(("id" = String, Path)), request_body = TieJson,
    responses((status = 200, body = TieJson), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn update_tie(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(mut body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "tie")?;
    strip_identity(&mut body, uid)?;
    body.remove("external_id");
    body.remove("owner");
    let tie = read_body::<Tie<RecordRef>>(body, &caller)?;
    let updated = state.kyoso.update_tie(&caller, uid, tie.record).await?;
    Ok(Json(record(&updated)).into_response())
}

#[utoipa::path(delete, path = "/api/v1/ties/{id}", tag = "ties", params(("id" = String, Path)),
    responses((status = 204), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn delete_tie(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    require_user(&caller)?;
    state.kyoso.delete_tie(&caller, id(&uid, "tie")?).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

// --- account and audit ---

#[utoipa::path(get, path = "/api/v1/me", tag = "account",
    responses((status = 200, description = "The signed-in user"), (status = 401, body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn me(ApiCaller(caller): ApiCaller) -> ApiResult {
    let user = caller
        .user()
        .ok_or_else(|| ApiError::new(Code::Unauthenticated, "give a bearer token"))?;
    Ok(Json(serde_json::json!({
        "id": user.uid,
        "email": user.email,
        "role": user.role,
        "organization": user.organization.map(|(_, uid)| uid),
        "person": user.person,
    }))
    .into_response())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct AuditQuery {
    /// Entries older than this entry id.
    before: Option<i64>,
}

#[utoipa::path(get, path = "/api/v1/audit", tag = "account", params(AuditQuery),
    responses((status = 200, description = "Audit entries, newest first"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn audit(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Params(q): Params<AuditQuery>,
) -> ApiResult {
    if caller.user().is_none() {
        return Err(ApiError::new(Code::Unauthenticated, "give a bearer token"));
    }
    let entries = state.kyoso.audit_log(&caller, q.before).await?;
    let items: Vec<Value> = entries
        .into_iter()
        .map(|(entry_id, entry)| {
            let mut value = serde_json::to_value(entry).unwrap_or(Value::Null);
            if let Value::Object(object) = &mut value {
                object.insert("entry".into(), Value::from(entry_id));
            }
            value
        })
        .collect();
    Ok(Json(serde_json::json!({ "items": items })).into_response())
}
