//! The API's fixed catalogue of errors. Each has a stable snake_case code
//! that clients may rely on, an HTTP status, a message, and where it helps
//! the field at fault. Internal causes are logged, never sent.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use kyoso_service::ServiceError;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    BadRequest,
    InvalidField,
    Unauthenticated,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    Conflict,
    PayloadTooLarge,
    UnsupportedMediaType,
    RateLimited,
    Timeout,
    Internal,
}

impl Code {
    pub const ALL: [Code; 12] = [
        Code::BadRequest,
        Code::InvalidField,
        Code::Unauthenticated,
        Code::Forbidden,
        Code::NotFound,
        Code::MethodNotAllowed,
        Code::Conflict,
        Code::PayloadTooLarge,
        Code::UnsupportedMediaType,
        Code::RateLimited,
        Code::Timeout,
        Code::Internal,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Code::BadRequest => "bad_request",
            Code::InvalidField => "invalid_field",
            Code::Unauthenticated => "unauthenticated",
            Code::Forbidden => "forbidden",
            Code::NotFound => "not_found",
            Code::MethodNotAllowed => "method_not_allowed",
            Code::Conflict => "conflict",
            Code::PayloadTooLarge => "payload_too_large",
            Code::UnsupportedMediaType => "unsupported_media_type",
            Code::RateLimited => "rate_limited",
            Code::Timeout => "timeout",
            Code::Internal => "internal",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Code::BadRequest => StatusCode::BAD_REQUEST,
            Code::InvalidField => StatusCode::UNPROCESSABLE_ENTITY,
            Code::Unauthenticated => StatusCode::UNAUTHORIZED,
            Code::Forbidden => StatusCode::FORBIDDEN,
            Code::NotFound => StatusCode::NOT_FOUND,
            Code::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Code::Conflict => StatusCode::CONFLICT,
            Code::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Code::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Code::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Code::Timeout => StatusCode::REQUEST_TIMEOUT,
            Code::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// An error as the API returns it.
#[derive(Debug, Clone)]
pub(crate) struct ApiError {
    pub(crate) code: Code,
    pub(crate) message: String,
    pub(crate) field: Option<String>,
    /// The line of an uploaded file the fault is on.
    pub(crate) line: Option<u64>,
    /// Further field faults, when a record had several.
    pub(crate) more: Vec<FieldFault>,
}

/// `{"error": {"code": "...", "message": "...", "field": "..."}}`
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ErrorBody {
    pub(crate) error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ErrorDetail {
    /// One of: bad_request, invalid_field, unauthenticated, forbidden,
    /// not_found, method_not_allowed, conflict, payload_too_large,
    /// unsupported_media_type, rate_limited, timeout, internal.
    pub(crate) code: &'static str,
    pub(crate) message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) field: Option<String>,
    /// The line of an uploaded file (a round's CSV) the fault is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) line: Option<u64>,
    /// Further faults when several fields were wrong at once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) more: Vec<FieldFault>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub(crate) struct FieldFault {
    pub(crate) field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) line: Option<u64>,
    pub(crate) message: String,
}

impl ApiError {
    pub(crate) fn new(code: Code, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
            field: None,
            line: None,
            more: Vec::new(),
        }
    }

    pub(crate) fn field(
        code: Code,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> ApiError {
        ApiError {
            code,
            message: message.into(),
            field: Some(field.into()),
            line: None,
            more: Vec::new(),
        }
    }

    /// Every fault of a record that failed validation.
    pub(crate) fn fields(errors: Vec<kyoso_domain::RowError>) -> ApiError {
        let mut faults = errors.into_iter().map(|e| FieldFault {
            field: e.field,
            line: (e.line > 0).then_some(e.line),
            message: e.message,
        });
        let first = faults.next().unwrap_or(FieldFault {
            field: None,
            line: None,
            message: "invalid".into(),
        });
        ApiError {
            code: Code::InvalidField,
            message: first.message,
            field: first.field,
            line: first.line,
            more: faults.collect(),
        }
    }

    pub(crate) fn not_found(what: &str) -> ApiError {
        ApiError::new(Code::NotFound, format!("{what} not found"))
    }
}

/// The faults in words, every one named by its field: for pages that
/// show an API error.
impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let faults = std::iter::once((self.line, &self.field, &self.message))
            .chain(self.more.iter().map(|m| (m.line, &m.field, &m.message)));
        for (i, (line, field, message)) in faults.enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            if let Some(line) = line {
                write!(f, "line {line}, ")?;
            }
            match field {
                Some(field) => write!(f, "{field}: {message}")?,
                None => f.write_str(message)?,
            }
        }
        Ok(())
    }
}

impl From<ServiceError> for ApiError {
    fn from(error: ServiceError) -> Self {
        match error {
            ServiceError::Invalid { field, message } => ApiError {
                code: Code::InvalidField,
                message,
                field,
                line: None,
                more: Vec::new(),
            },
            ServiceError::NotFound(what) => ApiError::not_found(what),
            ServiceError::Forbidden => ApiError::new(Code::Forbidden, "you may not do this"),
            ServiceError::Unauthenticated => {
                ApiError::new(Code::Unauthenticated, "sign in, or give a valid token")
            }
            ServiceError::Conflict(message) => ApiError::new(Code::Conflict, message),
            other => {
                tracing::error!(error = %other, cause = ?std::error::Error::source(&other), "request failed");
                ApiError::new(Code::Internal, "something went wrong on our side")
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.as_str(),
                message: self.message,
                field: self.field,
                line: self.line,
                more: self.more,
            },
        };
        (self.code.status(), Json(body)).into_response()
    }
}
