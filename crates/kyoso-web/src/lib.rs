//! kyoso's web application and JSON API: the only crate that knows HTTP.
//!
//! [`router`] builds every route with its middleware; [`serve`] runs it on a
//! listener with the limits of [`Limits`]. Handlers translate requests into
//! one use case of `kyoso-service` each, and its result into a page or JSON.

#![forbid(unsafe_code)]

mod api;
mod api_aftercare;
mod api_knowledge;
mod api_matching;
mod api_network;
mod api_programs;
mod api_search;
mod auth;
mod contract;
mod error;
mod forms;
mod i18n;
mod i18n_matching;
mod i18n_network;
mod i18n_programs;
mod network;
mod openapi;
mod pages;
mod pages_knowledge;
mod pages_matching;
mod pages_network;
mod pages_programs;
mod pages_search;
mod redirect;
mod reference;
mod server;
mod view;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};

use crate::redirect::see_other;
use axum::routing::{delete, get, post, put};
use kyoso_service::Kyoso;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use error::Code;
pub use server::{Limits, serve};

/// What handlers share.
#[derive(Debug, Clone)]
pub struct AppState {
    /// kyoso's use cases: the one way in.
    pub kyoso: Kyoso,
    pub(crate) sign_ins: Arc<auth::SignInLimiter>,
    /// Mark cookies Secure: set when kyoso is served over HTTPS.
    pub secure_cookies: bool,
}

impl AppState {
    pub fn new(kyoso: Kyoso, secure_cookies: bool) -> AppState {
        AppState {
            kyoso,
            sign_ins: Arc::default(),
            secure_cookies,
        }
    }
}

/// The Content-Security-Policy of every response: nothing inline, nothing
/// from elsewhere, never framed.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

#[derive(Clone, Default)]
struct CountingRequestId(Arc<AtomicU64>);

impl MakeRequestId for CountingRequestId {
    fn make_request_id<B>(&mut self, _request: &axum::http::Request<B>) -> Option<RequestId> {
        let n = self.0.fetch_add(1, Ordering::Relaxed);
        HeaderValue::from_str(&format!("{n:x}"))
            .ok()
            .map(RequestId::new)
    }
}

async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/style.css"),
    )
        .into_response()
}

async fn openapi_json() -> Response {
    axum::Json(contract::document()).into_response()
}

async fn api_not_found() -> Response {
    error::ApiError::new(Code::NotFound, "no such endpoint").into_response()
}

/// Errors the layers below the handlers produce (time-outs, body limits,
/// unknown methods) get the API's JSON shape on API paths.
async fn catalogue_errors(request: Request, next: Next) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !api || is_json || response.status().is_success() || response.status().is_redirection() {
        return response;
    }
    let code = match response.status() {
        StatusCode::REQUEST_TIMEOUT => Code::Timeout,
        StatusCode::PAYLOAD_TOO_LARGE => Code::PayloadTooLarge,
        StatusCode::METHOD_NOT_ALLOWED => Code::MethodNotAllowed,
        StatusCode::NOT_FOUND => Code::NotFound,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => Code::UnsupportedMediaType,
        StatusCode::UNPROCESSABLE_ENTITY | StatusCode::BAD_REQUEST => Code::BadRequest,
        status if status.is_server_error() => Code::Internal,
        _ => Code::BadRequest,
    };
    error::ApiError::new(code, code.as_str().replace('_', " ")).into_response()
}

/// Every route, with its middleware.
pub fn router(state: AppState, limits: &Limits) -> Router {
    let api = Router::new()
        .route("/people", get(api::list_people).post(api::create_person))
        .route(
            "/people/{id}",
            get(api::get_person)
                .put(api::update_person)
                .delete(api::delete_person),
        )
        .route("/people/{id}/ties", get(api::person_ties))
        .route("/people/{id}/data", get(api::person_data))
        .route("/people/{id}/erase", post(api::erase_person))
        .route("/people/{id}/erasure-requests", post(api::request_erasure))
        .route("/erasure-requests", get(api::erasure_requests))
        .route("/erasure-requests/{id}", post(api::decide_erasure))
        .route(
            "/organizations",
            get(api::list_organizations).post(api::create_organization),
        )
        .route(
            "/organizations/{id}",
            get(api::get_organization)
                .put(api::update_organization)
                .delete(api::delete_organization),
        )
        .route("/organizations/{id}/ties", get(api::organization_ties))
        .route("/events", get(api::list_events).post(api::create_event))
        .route(
            "/events/{id}",
            get(api::get_event)
                .put(api::update_event)
                .delete(api::delete_event),
        )
        .route("/events/{id}/ties", get(api::event_ties))
        .route("/ties", get(api::list_ties).post(api::create_tie))
        .route(
            "/ties/{id}",
            get(api::get_tie)
                .put(api::update_tie)
                .delete(api::delete_tie),
        )
        .route(
            "/programs",
            get(api_programs::list_programs).post(api_programs::create_program),
        )
        .route(
            "/programs/{id}",
            get(api_programs::get_program).put(api_programs::update_program),
        )
        .route(
            "/programs/{id}/cohorts",
            get(api_programs::list_cohorts).post(api_programs::create_cohort),
        )
        .route("/cohorts/{id}/board", get(api_programs::cohort_board))
        .route("/participations", post(api_programs::create_participation))
        .route("/participations/{id}", get(api_programs::get_participation))
        .route(
            "/participations/{id}/journey",
            post(api_programs::record_journey),
        )
        .route(
            "/people/{id}/participations",
            get(api_programs::person_participations),
        )
        .route("/work-list", get(api_programs::work_list))
        .route(
            "/participations/{id}/placements",
            get(api_aftercare::list_placements).post(api_aftercare::add_placement),
        )
        .route(
            "/participations/{id}/visits",
            get(api_aftercare::list_visits).post(api_aftercare::record_visit),
        )
        .route(
            "/participations/{id}/grievances",
            get(api_aftercare::list_grievances).post(api_aftercare::raise_grievance),
        )
        .route("/grievances/{id}", get(api_aftercare::get_grievance))
        .route(
            "/grievances/{id}/trail",
            post(api_aftercare::update_grievance),
        )
        .route(
            "/participations/{id}/follow-ups",
            get(api_aftercare::list_follow_ups).post(api_aftercare::record_follow_up),
        )
        .route(
            "/participations/{id}/outcomes",
            get(api_aftercare::list_outcomes).post(api_aftercare::record_outcome),
        )
        .route("/outcomes/{id}", delete(api_aftercare::withdraw_outcome))
        .route("/search", get(api_search::search))
        .route(
            "/lessons",
            get(api_knowledge::list_lessons).post(api_knowledge::create_lesson),
        )
        .route(
            "/lessons/{id}",
            get(api_knowledge::get_lesson)
                .put(api_knowledge::update_lesson)
                .delete(api_knowledge::delete_lesson),
        )
        .route(
            "/lessons/{id}/translations/{language}",
            put(api_knowledge::translate_lesson).delete(api_knowledge::remove_lesson_translation),
        )
        .route(
            "/questions",
            get(api_knowledge::list_questions).post(api_knowledge::ask),
        )
        .route(
            "/questions/{id}",
            get(api_knowledge::get_question).delete(api_knowledge::withdraw_question),
        )
        .route("/questions/{id}/answers", post(api_knowledge::answer))
        .route("/questions/{id}/accepted", post(api_knowledge::accept))
        .route("/network/path", get(api_network::path))
        .route("/network/hubs", get(api_network::hubs))
        .route(
            "/network/hubs/{id}",
            put(api_network::flag_hub).delete(api_network::unflag_hub),
        )
        .route("/network/brokers", get(api_network::brokers))
        .route("/network/communities", get(api_network::communities))
        .route("/network/growth", get(api_network::growth))
        .route(
            "/needs",
            get(api_matching::list_needs).post(api_matching::create_need),
        )
        .route(
            "/needs/{id}",
            get(api_matching::get_need).put(api_matching::update_need),
        )
        .route("/needs/{id}/status", post(api_matching::set_need_status))
        .route(
            "/needs/{id}/matches",
            get(api_matching::rank).post(api_matching::propose),
        )
        .route("/needs/{id}/proposals", get(api_matching::need_matches))
        .route("/matches", get(api_matching::pipeline))
        .route("/matches/{id}", get(api_matching::get_match))
        .route("/matches/{id}/moves", post(api_matching::move_match))
        .route(
            "/offers",
            get(api_matching::list_offers).post(api_matching::create_offer),
        )
        .route(
            "/offers/{id}",
            get(api_matching::get_offer)
                .put(api_matching::update_offer)
                .delete(api_matching::delete_offer),
        )
        .route("/assignment-rounds", post(api_matching::assign_round))
        .route("/me", get(api::me))
        .route("/audit", get(api::audit))
        .route("/openapi.json", get(openapi_json))
        .fallback(api_not_found);

    let pages = Router::new()
        .route("/", get(pages::home))
        .route("/sign-in", get(pages::sign_in_page).post(pages::sign_in))
        .route("/sign-out", post(pages::sign_out))
        .route("/lang/{code}", get(pages::choose_language))
        .route("/people", get(pages::people).post(pages::create_person))
        .route("/people/new", get(pages::new_person))
        .route(
            "/people/{id}",
            get(pages::person).post(pages::update_person),
        )
        .route("/people/{id}/edit", get(pages::edit_person))
        .route("/people/{id}/delete", post(pages::delete_person))
        .route("/people/{id}/erasure-request", post(pages::request_erasure))
        .route("/erasure-requests", get(pages::erasure_requests))
        .route("/erasure-requests/{id}", post(pages::decide_erasure))
        .route("/people/{id}/network.svg", get(pages::person_network))
        .route("/people/{id}/data.json", get(pages::person_data))
        .route(
            "/organizations",
            get(pages::organizations).post(pages::create_organization),
        )
        .route("/organizations/new", get(pages::new_organization))
        .route(
            "/organizations/{id}",
            get(pages::organization).post(pages::update_organization),
        )
        .route("/organizations/{id}/edit", get(pages::edit_organization))
        .route("/events/{id}", get(pages::event))
        .route("/ties/new", get(pages::new_tie))
        .route("/ties", post(pages::create_tie))
        .route("/ties/{id}", post(pages::update_tie))
        .route("/ties/{id}/edit", get(pages::edit_tie))
        .route("/ties/{id}/delete", post(pages::delete_tie))
        .route("/audit", get(pages::audit))
        .route(
            "/network",
            get(|| async { see_other("/network/communities") }),
        )
        .route("/search", get(pages_search::search_page))
        .route("/knowledge", get(pages_knowledge::knowledge_page))
        .route("/lessons", post(pages_knowledge::create_lesson))
        .route("/lessons/new", get(pages_knowledge::new_lesson))
        .route(
            "/lessons/{id}",
            get(pages_knowledge::lesson_page).post(pages_knowledge::update_lesson),
        )
        .route("/lessons/{id}/edit", get(pages_knowledge::edit_lesson))
        .route("/lessons/{id}/delete", post(pages_knowledge::delete_lesson))
        .route("/questions", post(pages_knowledge::create_question))
        .route("/questions/new", get(pages_knowledge::new_question))
        .route("/questions/{id}", get(pages_knowledge::question_page))
        .route(
            "/questions/{id}/answers",
            post(pages_knowledge::answer_post),
        )
        .route(
            "/questions/{id}/accepted",
            post(pages_knowledge::accept_post),
        )
        .route(
            "/questions/{id}/delete",
            post(pages_knowledge::withdraw_post),
        )
        .route("/network/path", get(pages_network::path_page))
        .route("/network/brokers", get(pages_network::brokers_page))
        .route("/network/communities", get(pages_network::communities_page))
        .route("/network/growth", get(pages_network::growth_page))
        .route(
            "/needs",
            get(pages_matching::needs_page).post(pages_matching::create_need),
        )
        .route("/needs/new", get(pages_matching::new_need))
        .route("/needs/{id}", get(pages_matching::need_page))
        .route(
            "/needs/{id}/introductions",
            post(pages_matching::introduce_post),
        )
        .route("/needs/{id}/status", post(pages_matching::need_status_post))
        .route("/matches", get(pages_matching::pipeline_page))
        .route("/matches/{id}/moves", post(pages_matching::move_post))
        .route(
            "/offers",
            get(pages_matching::offers_page).post(pages_matching::create_offer),
        )
        .route("/offers/new", get(pages_matching::new_offer))
        .route(
            "/assign",
            get(pages_matching::assign_page).post(pages_matching::assign_post),
        )
        .route("/programs", get(pages_programs::programs_list))
        .route("/programs/{id}", get(pages_programs::program_page))
        .route("/cohorts/{id}", get(pages_programs::board))
        .route(
            "/participations/{id}",
            get(pages_programs::participation_page),
        )
        .route(
            "/participations/{id}/journey",
            post(pages_programs::journey_post),
        )
        .route("/work", get(pages_programs::work_list))
        .route(
            "/participations/{id}/{record}",
            post(pages_programs::record_post),
        )
        .route(
            "/grievances/{id}",
            get(pages_programs::grievance_page).post(pages_programs::grievance_trail_post),
        )
        .route("/api", get(reference::reference))
        .route("/static/style.css", get(stylesheet))
        .route("/healthz", get(api::healthz));

    let request_id = HeaderName::from_static("x-request-id");
    Router::new()
        .merge(pages)
        .nest("/api/v1", api)
        .with_state(state)
        .layer(RequestBodyLimitLayer::new(limits.body_limit))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits.request_timeout,
        ))
        .layer(middleware::from_fn(catalogue_errors))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(TraceLayer::new_for_http())
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(SetRequestIdLayer::new(
            request_id,
            CountingRequestId::default(),
        ))
}

/// How long a graceful shutdown waits by default.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);
