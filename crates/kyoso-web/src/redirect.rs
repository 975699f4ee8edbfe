//! Every redirect the application answers goes through [`see_other`], which
//! only ever sends the browser to a path of this site.

use axum::response::{IntoResponse, Redirect, Response};

/// `303 See Other` to `target` if it is a path of this site, else home.
pub(crate) fn see_other(target: &str) -> Response {
    #[allow(
        clippy::disallowed_methods,
        reason = "the one place a redirect is made, after the target is checked"
    )]
    Redirect::to(same_site(target).unwrap_or("/")).into_response()
}

/// `target` if it can only name a path of this site: it begins with one
/// `/`, and has no backslash, no control character (browsers drop tabs and
/// line breaks, so `/\t/evil.example` would become `//evil.example`) and no
/// character a `Location` header cannot carry.
pub(crate) fn same_site(target: &str) -> Option<&str> {
    let mut chars = target.chars();
    let first = chars.next()?;
    let second = chars.next();
    let safe = first == '/'
        && !matches!(second, Some('/' | '\\'))
        && !target
            .chars()
            .any(|c| c == '\\' || c.is_control() || c.is_whitespace() && c != ' ')
        && target.is_ascii();
    safe.then_some(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_paths_of_this_site_pass() {
        for ok in [
            "/",
            "/people?country=TH",
            "/cohorts/1?saved=1#board",
            "/a/b c",
        ] {
            assert_eq!(same_site(ok), Some(ok), "{ok:?}");
        }
        for bad in [
            "",
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "/%09/evil.example\t",
            "/\r\nSet-Cookie: x=1",
            "/\n/evil.example",
            "https://evil.example",
            "evil.example",
            "javascript:alert(1)",
            "/a\u{7f}",
            "/a\u{85}b",
            "/\u{2028}/x",
            "/ü",
        ] {
            assert_eq!(same_site(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_foreign_target_goes_home() {
        let response = see_other("/\t/evil.example");
        assert_eq!(response.headers()["location"], "/");
        let response = see_other("/people/1#ties");
        assert_eq!(response.headers()["location"], "/people/1#ties");
    }
}
