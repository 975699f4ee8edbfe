//! The JSON API of needs, offers, rankings, matches and assignment rounds.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use kyoso_domain::{
    CountryCode, MatchMove, MatchOutcome, MatchStatus, NeedKind, NeedStatus, OfferKind, Readiness,
    SectorCode, Seek, Text, Uid,
};
use kyoso_domain::{NeedFilter, OfferFilter, StoredMatch};
use kyoso_exchange::{FieldFaults, need_from_json, offer_from_json};
use kyoso_service::assignment::{self, Mode};
use kyoso_service::matching;
use kyoso_service::words::ranking_json;
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::{ApiResult, JsonObject, Params, id, require_user};
use crate::api_programs::from_body;
use crate::auth::ApiCaller;
use crate::error::{ApiError, Code, ErrorBody};
use crate::i18n::Lang;

/// A query parameter read by `parse`, if given; its fault names it.
pub(crate) fn optional<T>(
    field: &str,
    value: Option<&str>,
    parse: impl FnOnce(&str) -> Result<T, kyoso_domain::ValueError>,
) -> Result<Option<T>, ApiError> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| parse(v).map_err(|e| ApiError::field(Code::InvalidField, field, e.to_string())))
        .transpose()
}

/// How many records a list answers with: 1 to 500, 100 if not given.
pub(crate) fn limit(value: Option<&str>) -> Result<i64, ApiError> {
    Ok(optional("limit", value, |v| {
        v.parse::<i64>()
            .ok()
            .filter(|n| (1..=500).contains(n))
            .ok_or_else(|| {
                kyoso_domain::ValueError::Rule("must be a whole number from 1 to 500".into())
            })
    })?
    .unwrap_or(100))
}

/// A need as the API takes it (read by `kyoso_exchange::need_from_json`),
/// described for the OpenAPI document.
#[derive(Debug, Deserialize, ToSchema)]
#[allow(
    dead_code,
    reason = "documents the shape; needs are read by kyoso-exchange"
)]
#[serde(deny_unknown_fields)]
pub(crate) struct NeedBody {
    /// expertise, technology, business_partner, training, mentoring or investment.
    kind: String,
    /// The person or organization posting it (id or external id); the
    /// caller's organization, or the caller, if not given.
    posted_by: Option<String>,
    title: String,
    description: Option<String>,
    /// Skills that score.
    #[serde(default)]
    skills: Vec<String>,
    /// Skills every candidate must have.
    #[serde(default)]
    required_skills: Vec<String>,
    /// OECD DAC 5-digit purpose codes.
    #[serde(default)]
    sectors: Vec<String>,
    /// Where the work is (ISO 3166 code).
    country: Option<String>,
    /// Leave out candidates with no time in `country`.
    #[serde(default)]
    require_country: bool,
    /// `ja:N2` scores; `th:native!` (with `!`) must hold.
    #[serde(default)]
    languages: Vec<String>,
    /// Leave out candidates not available.
    #[serde(default)]
    require_available: bool,
    /// A technology need: leave out technologies less ready than this
    /// (technology readiness level 1-9).
    min_readiness: Option<u8>,
    /// A technology need: leave out technologies not yet in use where
    /// asked: `abroad` (anywhere outside Japan) or a country (ISO 3166 code).
    deployed: Option<String>,
    /// A technology, business-partner or investment need: what the poster
    /// seeks in a partner (joint_venture, technical_cooperation, licence_out,
    /// licence_in, demonstration, buyer, supplier, distributor,
    /// contract_manufacturing, offshore_development, investment,
    /// investing). Only companies seeking the other side of the deal are
    /// proposed.
    #[serde(default)]
    seeks: Vec<String>,
    /// An investment need: the investment sought, in whole US dollars.
    investment_usd: Option<u64>,
    /// A need for people: YYYY-MM-DD; people available only later are left
    /// out.
    available_by: Option<String>,
    /// A training need: how the course must be taught: in_japan, in_country
    /// (a course taught in both serves either), both, or online.
    course_mode: Option<String>,
    /// ISO 3166-1 alpha-2: where a candidate must be based (a person's
    /// residence, a company's or a technology provider's country); any
    /// country if empty.
    #[serde(default)]
    located_in: Vec<String>,
    /// YYYY-MM-DD; the need expires after it.
    deadline: Option<String>,
    /// private, network or public; network by default.
    visibility: Option<String>,
}

/// An offer as the API takes it (read by `kyoso_exchange::offer_from_json`).
#[derive(Debug, Deserialize, ToSchema)]
#[allow(
    dead_code,
    reason = "documents the shape; offers are read by kyoso-exchange"
)]
#[serde(deny_unknown_fields)]
pub(crate) struct OfferBody {
    /// technology or partnership.
    kind: String,
    /// The providing organization (id or external id); the caller's if not given.
    provider: Option<String>,
    title: String,
    description: Option<String>,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(default)]
    sectors: Vec<String>,
    /// SDG goals or targets: "6", "6.3".
    #[serde(default)]
    sdgs: Vec<String>,
    /// Technology readiness level 1-9 (technologies only).
    readiness: Option<u8>,
    /// A technology: countries deployed in; a partnership: markets sought.
    #[serde(default)]
    countries: Vec<String>,
    /// What the company seeks in a partner: joint_venture,
    /// technical_cooperation, licence_out, licence_in, demonstration, buyer,
    /// supplier, distributor, contract_manufacturing, offshore_development,
    /// investment (in itself) or investing (in an enterprise). The earlier
    /// words licence, sale, supply and distribution read as licence_out,
    /// buyer, buyer and distributor.
    #[serde(default)]
    seeks: Vec<String>,
    /// A company seeking to invest: the least it invests in one
    /// enterprise, in whole US dollars.
    invests_from_usd: Option<u64>,
    /// A company seeking to invest: the most it invests in one enterprise.
    invests_up_to_usd: Option<u64>,
    /// The languages the company works in, or the technology's provider
    /// gives support in, each at its level: "en:C1", "th:B2", "ja:native".
    /// A need that must have a language holds an offer stating any.
    #[serde(default)]
    languages: Vec<String>,
    capacity: Option<String>,
    visibility: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NeedStatusBody {
    /// open, matched or closed.
    status: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProposeBody {
    /// The candidate (person, offer or cohort id) to introduce.
    candidate: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct MoveBody {
    /// introduced, accepted, declined, collaborating or concluded.
    status: String,
    /// To conclude: agreement_signed, demonstration_done, hired or no_result.
    outcome: Option<String>,
    /// Why, when declining; any note otherwise.
    note: Option<String>,
}

// --- needs ---

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct NeedsQuery {
    /// open, matched, closed or expired.
    status: Option<String>,
    kind: Option<String>,
    country: Option<String>,
    /// Posted by this person or organization (id).
    posted_by: Option<String>,
    /// Part of the title or description.
    q: Option<String>,
    /// 1 to 500 (100 if not given).
    limit: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/needs", tag = "matching", params(NeedsQuery),
    responses((status = 200, description = "Needs the caller may read, newest first"), (status = "4XX", body = ErrorBody)))]
pub(crate) async fn list_needs(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Params(query): Params<NeedsQuery>,
) -> ApiResult {
    let filter = NeedFilter {
        status: optional("status", query.status.as_deref(), |s| {
            s.parse::<NeedStatus>()
        })?,
        kind: optional("kind", query.kind.as_deref(), |s| s.parse::<NeedKind>())?,
        country: optional("country", query.country.as_deref(), CountryCode::parse)?,
        posted_by: optional("posted_by", query.posted_by.as_deref(), Uid::parse)?,
        text: optional("q", query.q.as_deref(), Text::query)?.flatten(),
    };
    let needs = state
        .kyoso
        .needs(&caller, &filter, limit(query.limit.as_deref())?)
        .await?;
    Ok(Json(json!({"items": needs})).into_response())
}

#[utoipa::path(post, path = "/api/v1/needs", tag = "matching", request_body = NeedBody,
    responses((status = 201, description = "The need, open"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn create_need(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let need = need_from_json(body, 0).map_err(ApiError::fields)?;
    let stored = state.kyoso.post_need(&caller, need).await?;
    Ok((StatusCode::CREATED, Json(json!(stored))).into_response())
}

#[utoipa::path(get, path = "/api/v1/needs/{id}", tag = "matching", params(("id" = String, Path)),
    responses((status = 200, description = "A need"), (status = 404, body = ErrorBody)))]
pub(crate) async fn get_need(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    let need = state.kyoso.need(&caller, id(&uid, "need")?).await?;
    Ok(Json(json!(need)).into_response())
}

#[utoipa::path(put, path = "/api/v1/needs/{id}", tag = "matching", params(("id" = String, Path)), request_body = NeedBody,
    responses((status = 200, description = "The need, changed"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn update_need(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "need")?;
    let need = need_from_json(body, 0).map_err(ApiError::fields)?;
    let stored = state.kyoso.update_need(&caller, uid, need).await?;
    Ok(Json(json!(stored)).into_response())
}

#[utoipa::path(post, path = "/api/v1/needs/{id}/status", tag = "matching", params(("id" = String, Path)), request_body = NeedStatusBody,
    responses((status = 200, description = "The need, closed or open again"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn set_need_status(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "need")?;
    let body: NeedStatusBody = from_body(body)?;
    let status = optional("status", Some(&body.status), |s| s.parse::<NeedStatus>())?
        .ok_or_else(|| ApiError::field(Code::InvalidField, "status", "is required"))?;
    let stored = state.kyoso.set_need_status(&caller, uid, status).await?;
    Ok(Json(json!(stored)).into_response())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct RankQuery {
    /// How many candidates, 1 to 100 (20 if not given).
    top: Option<String>,
    /// Weights to change, as `skills=0.5,network=0.2`; see the README for
    /// the factors and their defaults.
    weights: Option<String>,
    /// The language of the reasons in words: en, ja, th or vi (en if not given).
    lang: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/needs/{id}/matches", tag = "matching", params(("id" = String, Path), RankQuery),
    responses((status = 200, description = "The best candidates, with scores, reasons and warm paths"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn rank(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    Params(query): Params<RankQuery>,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "need")?;
    let top = optional("top", query.top.as_deref(), |v| {
        v.parse::<usize>()
            .ok()
            .filter(|n| (1..=matching::MAX_TOP).contains(n))
            .ok_or_else(|| {
                kyoso_domain::ValueError::Rule("must be a whole number from 1 to 100".into())
            })
    })?
    .unwrap_or(20);
    let weights = match query.weights.as_deref() {
        Some(text) => matching::parse_weights(text)?,
        None => Default::default(),
    };
    let lang = query
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_default();
    let ranking = state.kyoso.rank(&caller, uid, top, weights).await?;
    Ok(Json(ranking_json(&ranking, lang)).into_response())
}

pub(crate) fn match_json(m: &StoredMatch) -> Value {
    json!(m)
}

#[utoipa::path(post, path = "/api/v1/needs/{id}/matches", tag = "matching", params(("id" = String, Path)), request_body = ProposeBody,
    responses((status = 201, description = "The match, proposed: an introduction asked for"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn propose(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let need = id(&uid, "need")?;
    let body: ProposeBody = from_body(body)?;
    let candidate = kyoso_domain::Uid::parse(body.candidate.trim())
        .map_err(|e| ApiError::field(Code::InvalidField, "candidate", e.to_string()))?;
    let found = state.kyoso.propose(&caller, need, candidate).await?;
    Ok((StatusCode::CREATED, Json(match_json(&found))).into_response())
}

#[utoipa::path(get, path = "/api/v1/needs/{id}/proposals", tag = "matching", params(("id" = String, Path)),
    responses((status = 200, description = "The need's matches, for those who manage it"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn need_matches(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    require_user(&caller)?;
    let found = state.kyoso.matches_of(&caller, id(&uid, "need")?).await?;
    Ok(Json(json!({"items": found})).into_response())
}

// --- matches ---

#[utoipa::path(get, path = "/api/v1/matches", tag = "matching",
    responses((status = 200, description = "The pipeline: matches of the caller's organization's needs, most recently moved first"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn pipeline(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
) -> ApiResult {
    require_user(&caller)?;
    let found = state.kyoso.pipeline(&caller).await?;
    Ok(Json(json!({"items": found})).into_response())
}

#[utoipa::path(get, path = "/api/v1/matches/{id}", tag = "matching", params(("id" = String, Path)),
    responses((status = 200, description = "A match and its trail"), (status = 404, body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn get_match(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    require_user(&caller)?;
    let found = state.kyoso.find_match(&caller, id(&uid, "match")?).await?;
    Ok(Json(match_json(&found)).into_response())
}

/// Reads a move of a match: from the API's JSON or a page's form.
pub(crate) fn read_move(
    status: Option<&str>,
    outcome: Option<&str>,
    note: Option<&str>,
) -> Result<MatchMove, Vec<kyoso_domain::RowError>> {
    let mut f = FieldFaults::new(0);
    let to = f.required("status", status, |s| s.parse::<MatchStatus>());
    let outcome = f.value("outcome", outcome, |s| s.parse::<MatchOutcome>());
    let note = f.value("note", note, |s| {
        Text::multiline(s, MatchMove::MAX_NOTE_CHARS)
    });
    f.done(to.map(|to| MatchMove { to, outcome, note }))
}

#[utoipa::path(post, path = "/api/v1/matches/{id}/moves", tag = "matching", params(("id" = String, Path)), request_body = MoveBody,
    responses((status = 200, description = "The match, moved"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn move_match(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "match")?;
    let body: MoveBody = from_body(body)?;
    let step = read_move(
        Some(&body.status),
        body.outcome.as_deref(),
        body.note.as_deref(),
    )
    .map_err(ApiError::fields)?;
    let moved = state.kyoso.move_match(&caller, uid, step).await?;
    Ok(Json(match_json(&moved)).into_response())
}

// --- offers ---

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct OffersQuery {
    /// technology or partnership.
    kind: Option<String>,
    /// The providing organization (id).
    provider: Option<String>,
    /// A DAC 5-digit sector.
    sector: Option<String>,
    /// Deployed in, or seeking, this country.
    country: Option<String>,
    /// What the provider seeks: licence, joint_venture, sale, ...
    seeks: Option<String>,
    /// At least this readiness level (1-9).
    min_readiness: Option<String>,
    /// Part of the title, description or keywords.
    q: Option<String>,
    limit: Option<String>,
}

pub(crate) fn offer_filter(
    kind: Option<&str>,
    provider: Option<&str>,
    sector: Option<&str>,
    country: Option<&str>,
    seeks: Option<&str>,
    min_readiness: Option<&str>,
    q: Option<&str>,
) -> Result<OfferFilter, ApiError> {
    Ok(OfferFilter {
        kind: optional("kind", kind, |s| s.parse::<OfferKind>())?,
        provider: optional("provider", provider, Uid::parse)?,
        sector: optional("sector", sector, SectorCode::parse)?,
        country: optional("country", country, CountryCode::parse)?,
        seeks: optional("seeks", seeks, Seek::parse)?,
        min_readiness: optional("min_readiness", min_readiness, Readiness::parse)?,
        text: optional("q", q, Text::query)?.flatten(),
    })
}

#[utoipa::path(get, path = "/api/v1/offers", tag = "matching", params(OffersQuery),
    responses((status = 200, description = "Technology listings and companies seeking partners"), (status = "4XX", body = ErrorBody)))]
pub(crate) async fn list_offers(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Params(query): Params<OffersQuery>,
) -> ApiResult {
    let filter = offer_filter(
        query.kind.as_deref(),
        query.provider.as_deref(),
        query.sector.as_deref(),
        query.country.as_deref(),
        query.seeks.as_deref(),
        query.min_readiness.as_deref(),
        query.q.as_deref(),
    )?;
    let offers = state
        .kyoso
        .offers(&caller, &filter, limit(query.limit.as_deref())?)
        .await?;
    Ok(Json(json!({"items": offers})).into_response())
}

#[utoipa::path(post, path = "/api/v1/offers", tag = "matching", request_body = OfferBody,
    responses((status = 201, description = "The offer, listed"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn create_offer(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let offer = offer_from_json(body, 0).map_err(ApiError::fields)?;
    let stored = state.kyoso.create_offer(&caller, offer).await?;
    Ok((StatusCode::CREATED, Json(json!(stored))).into_response())
}

#[utoipa::path(get, path = "/api/v1/offers/{id}", tag = "matching", params(("id" = String, Path)),
    responses((status = 200, description = "An offer"), (status = 404, body = ErrorBody)))]
pub(crate) async fn get_offer(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    let offer = state.kyoso.offer(&caller, id(&uid, "offer")?).await?;
    Ok(Json(json!(offer)).into_response())
}

#[utoipa::path(put, path = "/api/v1/offers/{id}", tag = "matching", params(("id" = String, Path)), request_body = OfferBody,
    responses((status = 200, description = "The offer, changed"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn update_offer(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "offer")?;
    let offer = offer_from_json(body, 0).map_err(ApiError::fields)?;
    let stored = state.kyoso.update_offer(&caller, uid, offer).await?;
    Ok(Json(json!(stored)).into_response())
}

#[utoipa::path(delete, path = "/api/v1/offers/{id}", tag = "matching", params(("id" = String, Path)),
    responses((status = 204, description = "The offer, withdrawn"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn delete_offer(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    require_user(&caller)?;
    state
        .kyoso
        .delete_offer(&caller, id(&uid, "offer")?)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

// --- assignment rounds ---

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct RoundQuery {
    /// optimal (the largest total score) or stable (deferred acceptance);
    /// optimal if not given.
    mode: Option<String>,
}

pub(crate) fn mode(value: Option<&str>) -> Result<Mode, ApiError> {
    match value.map(str::trim) {
        None | Some("") | Some("optimal") => Ok(Mode::Optimal),
        Some("stable") => Ok(Mode::Stable),
        Some(other) => Err(ApiError::field(
            Code::InvalidField,
            "mode",
            format!("\"{other}\" is not a mode; use optimal or stable"),
        )),
    }
}

/// The most bytes of a round file the API and the page take.
pub(crate) const MAX_ROUND_BYTES: usize = 16 * 1024 * 1024;

/// Reads and assigns a round file on a blocking thread.
pub(crate) async fn assign_csv(
    csv: Bytes,
    mode: Mode,
) -> Result<assignment::RoundOutcome, ApiError> {
    if csv.len() > MAX_ROUND_BYTES {
        return Err(ApiError::new(
            Code::PayloadTooLarge,
            "the round file is over 16 MiB",
        ));
    }
    tokio::task::spawn_blocking(move || {
        let round = match kyoso_exchange::read_round(&csv[..]) {
            Ok(Ok(round)) => round,
            Ok(Err(faults)) => return Err(ApiError::fields(faults)),
            Err(error) => return Err(ApiError::new(Code::InvalidField, error.to_string())),
        };
        assignment::assign(&round, mode).map_err(ApiError::from)
    })
    .await
    .map_err(|e| ApiError::new(Code::Internal, format!("the assignment failed: {e}")))?
}

#[utoipa::path(post, path = "/api/v1/assignment-rounds", tag = "matching", params(RoundQuery),
    request_body(content = String, content_type = "text/csv", description = "participant,host,score,capacity[,participant_preference,host_preference,country,gender]",
        example = "participant,host,score,capacity\nDEMO-P-0000001,TNI,0.9,2\nDEMO-P-0000002,TNI,0.7,2\nDEMO-P-0000002,TPA,0.8,1\n"),
    responses((status = 200, description = "Who got which host, who got none and why, and the fairness summary"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn assign_round(
    ApiCaller(caller): ApiCaller,
    Params(query): Params<RoundQuery>,
    body: Bytes,
) -> ApiResult {
    require_user(&caller)?;
    let mode = mode(query.mode.as_deref())?;
    let outcome = assign_csv(body, mode).await?;
    Ok(Json(json!(outcome)).into_response())
}
