//! Who is calling: bearer tokens for the API, session cookies for pages;
//! CSRF tokens for forms; a limit on sign-in attempts.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use kyoso_service::{Caller, accounts};

use crate::AppState;
use crate::error::{ApiError, Code};
use crate::i18n::Lang;

pub(crate) const SESSION_COOKIE: &str = "kyoso_session";
pub(crate) const CSRF_COOKIE: &str = "kyoso_csrf";
pub(crate) const LANG_COOKIE: &str = "kyoso_lang";

/// A cookie's value from the request's `Cookie` headers.
pub(crate) fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, and Secure when the
/// installation is served over HTTPS.
pub(crate) fn set_cookie(name: &str, value: &str, max_age_seconds: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_seconds}{secure}")
}

/// Compares secrets in time that does not depend on where they differ.
pub(crate) fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The API's caller: a bearer token's user, or anonymous. A token that is
/// given but not valid (unknown, expired, revoked) is refused, not ignored.
#[derive(Debug, Clone)]
pub(crate) struct ApiCaller(pub Caller);

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(value) = parts.headers.get(header::AUTHORIZATION) else {
            return Ok(ApiCaller(Caller::Anonymous));
        };
        let token = value
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or_else(|| {
                ApiError::new(Code::Unauthenticated, "use \"Authorization: Bearer TOKEN\"")
            })?;
        match state.kyoso.token_user(token).await? {
            Some(user) => Ok(ApiCaller(Caller::User(user))),
            None => Err(ApiError::new(
                Code::Unauthenticated,
                "the token is unknown, expired or revoked",
            )),
        }
    }
}

/// The page's caller, language and CSRF token.
#[derive(Debug, Clone)]
pub(crate) struct PageContext {
    pub(crate) caller: Caller,
    pub(crate) lang: Lang,
    /// The token forms must carry back: the session's, or for an anonymous
    /// visitor the one in their CSRF cookie.
    pub(crate) csrf: String,
    /// A fresh CSRF cookie to set, when the visitor had none.
    pub(crate) new_csrf_cookie: Option<String>,
    pub(crate) session_token: Option<String>,
    pub(crate) path: String,
}

impl PageContext {
    /// Whether a form's CSRF field is the one this visitor was given.
    pub(crate) fn csrf_ok(&self, field: &str) -> bool {
        self.new_csrf_cookie.is_none() && !self.csrf.is_empty() && same_secret(&self.csrf, field)
    }
}

impl FromRequestParts<AppState> for PageContext {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let session_token = cookie(&parts.headers, SESSION_COOKIE).filter(|t| t.len() == 64);
        let session = match &session_token {
            Some(token) => state.kyoso.session_user(token).await?,
            None => None,
        };
        let chosen = cookie(&parts.headers, LANG_COOKIE).and_then(|l| l.parse().ok());
        let from_account = session
            .as_ref()
            .and_then(|(user, _)| user.language.parse().ok());
        let from_browser = parts
            .headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Lang::from_accept_language);
        let lang = chosen.or(from_account).or(from_browser).unwrap_or_default();
        let path = parts.uri.path().to_owned();
        Ok(match session {
            Some((user, csrf)) => PageContext {
                caller: Caller::User(user),
                lang,
                csrf,
                new_csrf_cookie: None,
                session_token,
                path,
            },
            None => {
                let existing = cookie(&parts.headers, CSRF_COOKIE).filter(|c| c.len() == 64);
                let (csrf, new_csrf_cookie) = match existing {
                    Some(csrf) => (csrf, None),
                    None => {
                        let fresh = accounts::random_secret()?;
                        (fresh.clone(), Some(fresh))
                    }
                };
                PageContext {
                    caller: Caller::Anonymous,
                    lang,
                    csrf,
                    new_csrf_cookie,
                    session_token: None,
                    path,
                }
            }
        })
    }
}

/// Counts failed sign-ins by client address and by account, and refuses
/// more than `MAX_FAILURES` in `WINDOW` for either.
#[derive(Debug, Default)]
pub(crate) struct SignInLimiter {
    failures: Mutex<HashMap<String, (Instant, u32)>>,
}

const MAX_FAILURES: u32 = 5;
const WINDOW: Duration = Duration::from_secs(60);

impl SignInLimiter {
    fn keys(ip: IpAddr, email: &str) -> [String; 2] {
        [
            format!("ip:{ip}"),
            format!("email:{}", email.trim().to_lowercase()),
        ]
    }

    pub(crate) fn allowed(&self, ip: IpAddr, email: &str) -> bool {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        failures.retain(|_, (since, _)| now.duration_since(*since) < WINDOW);
        Self::keys(ip, email).iter().all(|key| {
            failures
                .get(key)
                .is_none_or(|(_, count)| *count < MAX_FAILURES)
        })
    }

    pub(crate) fn failed(&self, ip: IpAddr, email: &str) {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        for key in Self::keys(ip, email) {
            let entry = failures.entry(key).or_insert((now, 0));
            entry.1 += 1;
        }
    }

    pub(crate) fn succeeded(&self, ip: IpAddr, email: &str) {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        for key in Self::keys(ip, email) {
            failures.remove(&key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_among_many() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, "a=1; kyoso_lang=th; b=2".parse().unwrap());
        assert_eq!(cookie(&headers, "kyoso_lang").as_deref(), Some("th"));
        assert_eq!(cookie(&headers, "kyoso"), None);
    }

    #[test]
    fn sign_ins_are_limited_per_address_and_per_account() {
        let limiter = SignInLimiter::default();
        let ip = IpAddr::from([10, 0, 0, 1]);
        for _ in 0..MAX_FAILURES {
            assert!(limiter.allowed(ip, "a@example.org"));
            limiter.failed(ip, "a@example.org");
        }
        assert!(!limiter.allowed(ip, "a@example.org"));
        assert!(!limiter.allowed(ip, "b@example.org"), "the same address");
        assert!(
            !limiter.allowed(IpAddr::from([10, 0, 0, 2]), "A@example.org "),
            "the same account"
        );
        assert!(limiter.allowed(IpAddr::from([10, 0, 0, 2]), "b@example.org"));
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "ab"));
    }
}
