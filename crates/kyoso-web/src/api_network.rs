//! The JSON API of network analytics: warm paths, hubs, brokers,
//! communities and growth. Every question needs a signed-in caller.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use kyoso_domain::{CountryCode, Link, Stored, Tie};
use kyoso_service::network::{self, BrokerQuestion, COMMUNITY_BUDGET, GroupSelector, Interval};
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::IntoParams;

use crate::AppState;
use crate::api::{ApiResult, Params, id, require_user};
use crate::api_programs::day;
use crate::auth::ApiCaller;
use crate::error::{ApiError, Code, ErrorBody};

/// An optional query value, its fault naming the parameter.
fn optional<T>(
    field: &str,
    value: Option<&str>,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Result<Option<T>, ApiError> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| parse(v).map_err(|e| ApiError::field(Code::InvalidField, field, e)))
        .transpose()
}

fn as_of(value: Option<&str>) -> Result<Option<time::Date>, ApiError> {
    optional("as_of", value, |v| day(v).map_err(|e| e.to_string()))
}

fn count(field: &str, value: Option<&str>, default: usize, max: usize) -> Result<usize, ApiError> {
    Ok(optional(field, value, |v| {
        v.parse::<usize>()
            .ok()
            .filter(|n| (1..=max).contains(n))
            .ok_or_else(|| format!("must be a whole number from 1 to {max}"))
    })?
    .unwrap_or(default))
}

pub(crate) use kyoso_service::words::node_json;

fn tie_json(tie: &Stored<Tie<Link>>) -> Value {
    let t = &tie.record;
    json!({
        "id": tie.uid,
        "kind": t.kind,
        "from": t.from.key.uid,
        "to": t.to.key.uid,
        "start": t.start.to_string(),
        "end": t.end.map(|d| d.to_string()),
        "strength": t.strength.map(f64::from),
        "role": t.role,
    })
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct PathQuery {
    /// The person or organization asking for an introduction (id).
    from: Option<String>,
    /// The person or organization to reach (id).
    to: Option<String>,
    /// How many paths, 1 to 10 (3 if not given).
    k: Option<String>,
    /// The network as it stood on this day, YYYY-MM-DD (today if not given).
    as_of: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/network/path", tag = "network", params(PathQuery),
    responses((status = 200, description = "The best warm introduction paths, cheapest first, each step with the ties that make it; a node marked hub is passed through only between two ties to it begun within a year of each other"),
        (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn path(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Params(query): Params<PathQuery>,
) -> ApiResult {
    require_user(&caller)?;
    let end = |value: Option<&String>, field: &str| match value.map(|v| v.trim()) {
        None | Some("") => Err(ApiError::field(Code::InvalidField, field, "is required")),
        Some(v) => id(v, field),
    };
    let from = end(query.from.as_ref(), "from")?;
    let to = end(query.to.as_ref(), "to")?;
    let k = count("k", query.k.as_deref(), 3, network::MAX_PATHS)?;
    let as_of = as_of(query.as_of.as_deref())?;
    let found = state.kyoso.warm_paths(&caller, from, to, k, as_of).await?;
    let paths: Vec<Value> = found
        .paths
        .iter()
        .map(|p| {
            json!({
                "cost": p.cost,
                "introductions": p.nodes.len().saturating_sub(2),
                "nodes": p.nodes.iter().map(node_json).collect::<Vec<_>>(),
                "steps": p.steps.iter().map(|s| json!({
                    "ties": s.ties.iter().map(tie_json).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    Ok(Json(json!({
        "from": node_json(&found.from),
        "to": node_json(&found.to),
        "as_of": found.as_of.map(|d| d.to_string()),
        "paths": paths,
    }))
    .into_response())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct BrokersQuery {
    /// How many brokers, 1 to 200 (20 if not given).
    top: Option<String>,
    /// Only brokers in this country (ISO 3166 code).
    country: Option<String>,
    /// Brokerage between two groups only: the group paths start from,
    /// as `country:TH,type:private,sector:321,kind:organization` (any part may be left out).
    from: Option<String>,
    /// The group paths lead to (same form as `from`).
    to: Option<String>,
    /// Sampled source records, 1 to 1024; by default exact up to 50,000
    /// records and sampled above.
    samples: Option<String>,
    /// The network as it stood on this day, YYYY-MM-DD.
    as_of: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/network/brokers", tag = "network", params(BrokersQuery),
    responses((status = 200, description = "Who bridges otherwise separate parts of the network: betweenness, exact or sampled with its error bound"),
        (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn brokers(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Params(query): Params<BrokersQuery>,
) -> ApiResult {
    require_user(&caller)?;
    let group = |field: &str, value: Option<&str>| {
        optional(field, value, |v| {
            GroupSelector::parse(v, field).map_err(|e| match e {
                kyoso_service::ServiceError::Invalid { message, .. } => message,
                other => other.to_string(),
            })
        })
    };
    let between = match (
        group("from", query.from.as_deref())?,
        group("to", query.to.as_deref())?,
    ) {
        (Some(from), Some(to)) => Some((from, to)),
        (None, None) => None,
        (Some(_), None) => {
            return Err(ApiError::field(
                Code::InvalidField,
                "to",
                "is required with from",
            ));
        }
        (None, Some(_)) => {
            return Err(ApiError::field(
                Code::InvalidField,
                "from",
                "is required with to",
            ));
        }
    };
    let question = BrokerQuestion {
        top: count("top", query.top.as_deref(), 20, 200)?,
        country: optional("country", query.country.as_deref(), |v| {
            CountryCode::parse(v).map_err(|e| e.to_string())
        })?,
        between,
        samples: optional("samples", query.samples.as_deref(), |v| {
            v.parse::<usize>()
                .map_err(|_| "must be a whole number".to_owned())
        })?,
        as_of: as_of(query.as_of.as_deref())?,
    };
    let found = state.kyoso.brokers(&caller, &question).await?;
    Ok(Json(json!({
        "nodes": found.nodes,
        "ties": found.ties,
        "exact": found.exact,
        "sources": found.sources,
        "error_bound": found.error_bound,
        "confidence": found.confidence,
        "as_of": found.as_of.map(|d| d.to_string()),
        "between": found.between.as_ref().map(|(a, b)| json!({"from": a, "to": b})),
        "brokers": found.brokers.iter().map(|b| json!({
            "rank": b.rank,
            "node": node_json(&b.node),
            "score": b.score,
            "half_width": b.half_width,
            "degree": b.degree,
            "countries": b.countries.iter().map(|(c, n)| json!({"country": c.as_str(), "ties": n})).collect::<Vec<_>>(),
            "organization_types": b.families.iter().map(|(f, n)| json!({"type": f.as_str(), "ties": n})).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    }))
    .into_response())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct CommunitiesQuery {
    /// How many communities to describe, largest first, 1 to 200 (20 if not given).
    top: Option<String>,
    /// The network as it stood on this day, YYYY-MM-DD.
    as_of: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/network/communities", tag = "network", params(CommunitiesQuery),
    responses((status = 200, description = "Communities (Louvain, with modularity), the core group (the k-core of highest k), and a map to draw"),
        (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn communities(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Params(query): Params<CommunitiesQuery>,
) -> ApiResult {
    require_user(&caller)?;
    let top = count("top", query.top.as_deref(), 20, 200)?;
    let as_of = as_of(query.as_of.as_deref())?;
    let found = state
        .kyoso
        .communities(&caller, as_of, top, COMMUNITY_BUDGET)
        .await?;
    Ok(Json(json!({
        "nodes": found.nodes,
        "ties": found.ties,
        "count": found.count,
        "modularity": found.modularity,
        "levels": found.levels,
        "complete": found.complete,
        "as_of": found.as_of.map(|d| d.to_string()),
        "communities": found.communities.iter().map(|c| json!({
            "number": c.number,
            "size": c.size,
            "ties_inside": c.ties_inside,
            "countries": c.countries.iter().map(|(c, n)| json!({"country": c.as_str(), "members": n})).collect::<Vec<_>>(),
            "leading": c.leading.iter().map(node_json).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "core": {
            "k": found.core.k,
            "size": found.core.size,
            "members": found.core.members.iter().map(node_json).collect::<Vec<_>>(),
        },
    }))
    .into_response())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct GrowthQuery {
    /// `month` or `year` (`year` if not given).
    interval: Option<String>,
    /// Count up to this day, YYYY-MM-DD.
    as_of: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/network/growth", tag = "network", params(GrowthQuery),
    responses((status = 200, description = "New members and ties per period, overall and by country, and how the network's reach grew"),
        (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn growth(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Params(query): Params<GrowthQuery>,
) -> ApiResult {
    require_user(&caller)?;
    let interval = match query.interval.as_deref().map(str::trim) {
        None | Some("") => Interval::Year,
        Some(text) => text.parse::<Interval>()?,
    };
    let as_of = as_of(query.as_of.as_deref())?;
    let found = state.kyoso.growth(&caller, interval, as_of).await?;
    Ok(Json(json!({
        "interval": found.interval,
        "as_of": found.as_of.map(|d| d.to_string()),
        "periods": found.periods,
        "countries": found.countries.iter().map(|c| json!({
            "country": c.country.as_str(),
            "members": c.members,
            "ties": c.ties,
            "first_period": c.first_period,
            "new_members": c.new_members,
        })).collect::<Vec<_>>(),
    }))
    .into_response())
}

#[utoipa::path(get, path = "/api/v1/network/hubs", tag = "network",
    responses((status = 200, description = "The hubs of the network the caller may read, most member, alumni, intern and attendance ties first: organizations and events with more of them than the installation's hub_ties, and those an administrator flagged; their number of ties (private ones included) is given to administrators only, null to others. A warm path passes through an organization that is a hub only between two ties to it begun within a year of each other, and through an event that is a hub never (people who met there are joined by a met_at tie naming it)"),
        (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn hubs(State(state): State<AppState>, ApiCaller(caller): ApiCaller) -> ApiResult {
    require_user(&caller)?;
    let found = state.kyoso.hubs(&caller).await?;
    let hubs: Vec<Value> = found
        .hubs
        .iter()
        .map(|hub| {
            json!({
                "record": node_json(&hub.record),
                "ties": hub.ties,
                "flagged": hub.flagged,
            })
        })
        .collect();
    Ok(Json(json!({ "hub_ties": found.hub_ties, "hubs": hubs })).into_response())
}

#[utoipa::path(put, path = "/api/v1/network/hubs/{id}", tag = "network", params(("id" = String, Path)),
    responses((status = 204, description = "The organization or event is flagged as a hub, whatever its size (administrators only)"),
        (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn flag_hub(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    set_hub(state, caller, &uid, true).await
}

#[utoipa::path(delete, path = "/api/v1/network/hubs/{id}", tag = "network", params(("id" = String, Path)),
    responses((status = 204, description = "The organization's or event's flag is cleared: it is a hub again only by its size (administrators only)"),
        (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn unflag_hub(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    set_hub(state, caller, &uid, false).await
}

async fn set_hub(
    state: AppState,
    caller: kyoso_service::Caller,
    uid: &str,
    flagged: bool,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(uid, "organization")?;
    state.kyoso.flag_hub(&caller, uid, flagged).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
