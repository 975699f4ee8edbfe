//! The JSON API of search: one query over people, organizations, needs,
//! offers, programs, lessons and questions, in any of the four languages. Anonymous callers
//! find public records only; nothing a caller may not read is found or
//! counted.

use axum::Json;
use axum::extract::State;
use axum::response::IntoResponse;
use kyoso_service::search::{self, SearchQuery, SearchResults};
use serde::Deserialize;
use serde_json::{Value, json};
use utoipa::IntoParams;

use crate::AppState;
use crate::api::{ApiResult, Params};
use crate::auth::ApiCaller;
use crate::error::{ApiError, Code, ErrorBody};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct SearchParams {
    /// What to look for, in any language, at most 500 characters: "潤滑",
    /// "boi tron", "welding inspector Thailand". Empty: every record, by
    /// the filters.
    q: Option<String>,
    /// Only these kinds, separated by commas: person, organization, event,
    /// need, technology, company, program, lesson, question.
    #[param(example = "person,organization")]
    kind: Option<String>,
    /// Only records about these countries, ISO 3166 codes separated by
    /// commas.
    #[param(example = "TH,VN")]
    country: Option<String>,
    /// Only records of these OECD DAC sectors (5-digit codes), separated by
    /// commas.
    #[param(example = "32120")]
    sector: Option<String>,
    /// The reader's language for titles and snippets: en, ja, th or vi.
    #[param(example = "ja")]
    lang: Option<String>,
    /// How many records, 1 to 100 (10 if not given).
    limit: Option<String>,
    /// How many of the best to pass over, 0 to 1000 (0 if not given).
    offset: Option<String>,
}

fn list(value: Option<&str>, upper: bool) -> Vec<String> {
    value
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| {
            if upper {
                v.to_uppercase()
            } else {
                v.to_owned()
            }
        })
        .collect()
}

fn number(
    field: &str,
    value: Option<&str>,
    default: usize,
    range: std::ops::RangeInclusive<usize>,
) -> Result<usize, ApiError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(default),
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| range.contains(n))
            .ok_or_else(|| {
                ApiError::field(
                    Code::InvalidField,
                    field,
                    format!(
                        "must be a whole number from {} to {}",
                        range.start(),
                        range.end()
                    ),
                )
            }),
    }
}

pub(crate) fn results_json(results: &SearchResults) -> Value {
    let facet = |values: &[(String, u64)]| {
        values
            .iter()
            .map(|(value, count)| json!({"value": value, "count": count}))
            .collect::<Vec<_>>()
    };
    json!({
        "total": results.total,
        "hits": results.hits.iter().map(|h| json!({
            "id": h.id,
            "kind": h.kind,
            "score": h.score,
            "title": h.title,
            "title_marked": h.title_marked.iter().map(|f| json!({"text": f.text, "hit": f.hit})).collect::<Vec<_>>(),
            "language": h.language,
            "translated": h.translated,
            "snippet": h.snippet.iter().map(|f| json!({"text": f.text, "hit": f.hit})).collect::<Vec<_>>(),
            "matched": h.matched,
        })).collect::<Vec<_>>(),
        "facets": {
            "kind": facet(&results.facets.kind),
            "country": facet(&results.facets.country),
            "sector": facet(&results.facets.sector),
            "language": facet(&results.facets.language),
        },
    })
}

#[utoipa::path(get, path = "/api/v1/search", tag = "search", params(SearchParams),
    responses((status = 200, description = "The records found that the caller may read, best first, with highlighted snippets and facets counted over every record found"),
        (status = "4XX", body = ErrorBody)), security((), ("bearer" = [])))]
pub(crate) async fn search(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Params(params): Params<SearchParams>,
) -> ApiResult {
    let lang = params
        .lang
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty());
    if let Some(lang) = lang
        && !["en", "ja", "th", "vi"].contains(&lang)
    {
        return Err(ApiError::field(
            Code::InvalidField,
            "lang",
            "must be en, ja, th or vi",
        ));
    }
    let query = SearchQuery {
        text: params.q.unwrap_or_default(),
        reader: lang.map(str::to_owned),
        kinds: list(params.kind.as_deref(), false),
        countries: list(params.country.as_deref(), true),
        sectors: list(params.sector.as_deref(), false),
        languages: Vec::new(),
        limit: number("limit", params.limit.as_deref(), 10, 1..=search::MAX_LIMIT)?,
        offset: number("offset", params.offset.as_deref(), 0, 0..=1000)?,
    };
    let results = state.kyoso.search(&caller, &query).await?;
    Ok(Json(results_json(&results)).into_response())
}
