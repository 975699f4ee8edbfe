//! The JSON API of knowledge: lessons learned, and questions to the
//! network with their answers.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use kyoso_domain::{CountryCode, SectorCode};
use kyoso_exchange::{
    answer_from_json, lesson_from_json, lesson_translation_from_json, question_from_json,
};
use kyoso_service::knowledge::LessonFilter;
use serde::Deserialize;
use serde_json::json;
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::{ApiResult, JsonObject, Params, id, require_user};
use crate::api_matching::{limit, optional};
use crate::auth::ApiCaller;
use crate::error::{ApiError, Code, ErrorBody};

/// A lesson learned as the API takes it (read by
/// `kyoso_exchange::lesson_from_json`).
#[derive(Debug, Deserialize, ToSchema)]
#[allow(
    dead_code,
    reason = "documents the shape; lessons are read by kyoso-exchange"
)]
#[serde(deny_unknown_fields)]
pub(crate) struct LessonBody {
    title: String,
    /// The language it is written in (ISO 639-1).
    language: String,
    /// The practice as it was done where it came from.
    practice: String,
    /// What was changed to make it work here.
    adaptation: String,
    /// Where and for whom: the plant, its people, the constraints.
    context: Option<String>,
    /// What came of it.
    result: Option<String>,
    /// Where it was adapted.
    country: Option<String>,
    #[serde(default)]
    sectors: Vec<String>,
    /// The organization that keeps it (id or external id); the caller's own if not given.
    organization: Option<String>,
    /// The technology it came with (an offer's id).
    technology: Option<String>,
    /// The program it came from.
    program: Option<String>,
    /// The people it came from.
    #[serde(default)]
    people: Vec<String>,
    visibility: Option<String>,
}

/// A lesson's text in another language than its own, made elsewhere:
/// kyoso never translates.
#[derive(Debug, Deserialize, ToSchema)]
#[allow(
    dead_code,
    reason = "documents the shape; translations are read by kyoso-exchange"
)]
#[serde(deny_unknown_fields)]
pub(crate) struct TranslationBody {
    /// The language (ISO 639-1); the address's if not given.
    language: Option<String>,
    /// draft (not checked by anyone), translated (by a person) or reviewed (checked by a second person).
    status: String,
    title: String,
    practice: String,
    adaptation: String,
    context: Option<String>,
    result: Option<String>,
}

/// A question to the network.
#[derive(Debug, Deserialize, ToSchema)]
#[allow(
    dead_code,
    reason = "documents the shape; questions are read by kyoso-exchange"
)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuestionBody {
    title: String,
    body: Option<String>,
    /// The language it is written in (ISO 639-1).
    language: String,
    country: Option<String>,
    #[serde(default)]
    sectors: Vec<String>,
    /// The person asking: the caller's own profile if not given, or a person whose record the caller's organization keeps.
    asked_by: Option<String>,
    /// network or public: a question is never private.
    visibility: Option<String>,
}

/// An answer to a question.
#[derive(Debug, Deserialize, ToSchema)]
#[allow(
    dead_code,
    reason = "documents the shape; answers are read by kyoso-exchange"
)]
#[serde(deny_unknown_fields)]
pub(crate) struct AnswerBody {
    body: String,
    /// The language it is written in (ISO 639-1).
    language: String,
    /// The person answering: the caller's own profile if not given, or a person whose record the caller's organization keeps.
    answered_by: Option<String>,
}

/// The answer that settles a question.
#[derive(Debug, Deserialize, ToSchema)]
#[allow(
    dead_code,
    reason = "documents the shape; the handler reads the one field"
)]
#[serde(deny_unknown_fields)]
pub(crate) struct AcceptBody {
    /// The answer's id.
    answer: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct LessonsQuery {
    /// Only lessons adapted in this country.
    country: Option<String>,
    /// Only lessons of this sector.
    sector: Option<String>,
    /// How many, 1 to 500 (100 if not given).
    limit: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct QuestionsQuery {
    /// true: only questions no answer settled yet.
    open: Option<String>,
    /// How many, 1 to 500 (100 if not given).
    limit: Option<String>,
}

#[utoipa::path(get, path = "/api/v1/lessons", tag = "knowledge", params(LessonsQuery),
    responses((status = 200, description = "Lessons learned the caller may read, most recently changed first"), (status = "4XX", body = ErrorBody)), security((), ("bearer" = [])))]
pub(crate) async fn list_lessons(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Params(query): Params<LessonsQuery>,
) -> ApiResult {
    let filter = LessonFilter {
        country: optional("country", query.country.as_deref(), CountryCode::parse)?,
        sector: optional("sector", query.sector.as_deref(), SectorCode::parse)?,
    };
    let lessons = state
        .kyoso
        .lessons(&caller, &filter, limit(query.limit.as_deref())?)
        .await?;
    Ok(Json(json!({"items": lessons})).into_response())
}

#[utoipa::path(post, path = "/api/v1/lessons", tag = "knowledge", request_body = LessonBody,
    responses((status = 201, description = "The lesson, recorded"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn create_lesson(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let lesson = lesson_from_json(body, 0).map_err(ApiError::fields)?;
    let stored = state.kyoso.create_lesson(&caller, lesson).await?;
    Ok((StatusCode::CREATED, Json(json!(stored))).into_response())
}

#[utoipa::path(get, path = "/api/v1/lessons/{id}", tag = "knowledge", params(("id" = String, Path)),
    responses((status = 200, description = "A lesson learned"), (status = 404, body = ErrorBody)), security((), ("bearer" = [])))]
pub(crate) async fn get_lesson(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    let lesson = state.kyoso.lesson(&caller, id(&uid, "lesson")?).await?;
    Ok(Json(json!(lesson)).into_response())
}

#[utoipa::path(put, path = "/api/v1/lessons/{id}", tag = "knowledge", params(("id" = String, Path)), request_body = LessonBody,
    responses((status = 200, description = "The lesson, changed"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn update_lesson(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "lesson")?;
    let lesson = lesson_from_json(body, 0).map_err(ApiError::fields)?;
    let stored = state.kyoso.update_lesson(&caller, uid, lesson).await?;
    Ok(Json(json!(stored)).into_response())
}

#[utoipa::path(delete, path = "/api/v1/lessons/{id}", tag = "knowledge", params(("id" = String, Path)),
    responses((status = 204, description = "The lesson, deleted"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn delete_lesson(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    require_user(&caller)?;
    state
        .kyoso
        .delete_lesson(&caller, id(&uid, "lesson")?)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(get, path = "/api/v1/questions", tag = "knowledge", params(QuestionsQuery),
    responses((status = 200, description = "Questions the caller may read, most recently active first, with their answers"), (status = "4XX", body = ErrorBody)), security((), ("bearer" = [])))]
pub(crate) async fn list_questions(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Params(query): Params<QuestionsQuery>,
) -> ApiResult {
    let open = optional("open", query.open.as_deref(), |v| match v {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(kyoso_domain::ValueError::Rule(
            "must be true or false".into(),
        )),
    })?
    .unwrap_or(false);
    let questions = state
        .kyoso
        .questions(&caller, open, limit(query.limit.as_deref())?)
        .await?;
    Ok(Json(json!({"items": questions})).into_response())
}

#[utoipa::path(post, path = "/api/v1/questions", tag = "knowledge", request_body = QuestionBody,
    responses((status = 201, description = "The question, asked"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn ask(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let question = question_from_json(body, 0).map_err(ApiError::fields)?;
    let stored = state.kyoso.ask(&caller, question).await?;
    Ok((StatusCode::CREATED, Json(json!(stored))).into_response())
}

#[utoipa::path(get, path = "/api/v1/questions/{id}", tag = "knowledge", params(("id" = String, Path)),
    responses((status = 200, description = "A question with its answers, oldest first"), (status = 404, body = ErrorBody)), security((), ("bearer" = [])))]
pub(crate) async fn get_question(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    let question = state.kyoso.question(&caller, id(&uid, "question")?).await?;
    Ok(Json(json!(question)).into_response())
}

#[utoipa::path(delete, path = "/api/v1/questions/{id}", tag = "knowledge", params(("id" = String, Path)),
    responses((status = 204, description = "The question, withdrawn with its answers"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn withdraw_question(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
) -> ApiResult {
    require_user(&caller)?;
    state
        .kyoso
        .withdraw_question(&caller, id(&uid, "question")?)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(post, path = "/api/v1/questions/{id}/answers", tag = "knowledge", params(("id" = String, Path)), request_body = AnswerBody,
    responses((status = 201, description = "The question with the new answer"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn answer(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let question = id(&uid, "question")?;
    let answer = answer_from_json(body, 0).map_err(ApiError::fields)?;
    let stored = state.kyoso.answer(&caller, question, answer).await?;
    Ok((StatusCode::CREATED, Json(json!(stored))).into_response())
}

#[utoipa::path(post, path = "/api/v1/questions/{id}/accepted", tag = "knowledge", params(("id" = String, Path)), request_body = AcceptBody,
    responses((status = 200, description = "The question, settled by the answer"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn accept(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(uid): Path<String>,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let question = id(&uid, "question")?;
    let answer = body
        .get("answer")
        .and_then(|v| v.as_str())
        .and_then(|v| kyoso_domain::Uid::parse(v).ok())
        .ok_or_else(|| ApiError::field(Code::InvalidField, "answer", "name an answer by its id"))?;
    if let Some(unknown) = body.keys().find(|k| k.as_str() != "answer") {
        return Err(ApiError::field(
            Code::InvalidField,
            unknown,
            "is not a field of this body",
        ));
    }
    let stored = state.kyoso.accept_answer(&caller, question, answer).await?;
    Ok(Json(json!(stored)).into_response())
}

#[utoipa::path(put, path = "/api/v1/lessons/{id}/translations/{language}", tag = "knowledge",
    params(("id" = String, Path), ("language" = String, Path, description = "ISO 639-1")), request_body = TranslationBody,
    responses((status = 200, description = "The lesson, with its text in that language"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn translate_lesson(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path((uid, language)): Path<(String, String)>,
    JsonObject(body): JsonObject,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "lesson")?;
    let translation =
        lesson_translation_from_json(body, 0, Some(language.as_str())).map_err(ApiError::fields)?;
    let stored = state
        .kyoso
        .translate_lesson(&caller, uid, translation)
        .await?;
    Ok(Json(json!(stored)).into_response())
}

#[utoipa::path(delete, path = "/api/v1/lessons/{id}/translations/{language}", tag = "knowledge",
    params(("id" = String, Path), ("language" = String, Path, description = "ISO 639-1")),
    responses((status = 200, description = "The lesson, without its text in that language"), (status = "4XX", body = ErrorBody)), security(("bearer" = [])))]
pub(crate) async fn remove_lesson_translation(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path((uid, language)): Path<(String, String)>,
) -> ApiResult {
    require_user(&caller)?;
    let uid = id(&uid, "lesson")?;
    let language = kyoso_domain::LanguageCode::parse(&language)
        .map_err(|_| ApiError::from(kyoso_service::ServiceError::NotFound("translation")))?;
    let stored = state
        .kyoso
        .remove_lesson_translation(&caller, uid, language)
        .await?;
    Ok(Json(json!(stored)).into_response())
}
