//! The search page: one box over every kind of record, facets to narrow
//! it by following a link (kinds, countries, sectors and languages named
//! in the reader's language), and snippets with what answered the query
//! marked. It asks the same use case as `GET /api/v1/search`, so a record
//! the visitor may not read is neither shown nor counted.

use std::sync::LazyLock;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use kyoso_domain::{CountryCode, SectorCode};
use kyoso_service::search::{self, SearchQuery, SearchResults};
use serde::Deserialize;

use crate::AppState;
use crate::auth::PageContext;
use crate::i18n::{Arg, Lang};
use crate::pages::{Chrome, chrome_for, error_page, render_page};
use crate::view;

/// Results on one page.
const PER_PAGE: usize = 20;
/// The last page one may turn to (the API passes over 1,000 at most).
const LAST_PAGE: usize = 1000 / PER_PAGE;

#[derive(Debug)]
pub(crate) struct SearchTexts {
    title: &'static str,
    intro: &'static str,
    query: &'static str,
    placeholder: &'static str,
    button: &'static str,
    nothing: &'static str,
    empty: &'static str,
    narrow: &'static str,
    clear: &'static str,
    remove_filter: &'static str,
    translated: &'static str,
    translated_hint: &'static str,
    matched: &'static str,
    previous: &'static str,
    next: &'static str,
}

fn load(lang: Lang) -> SearchTexts {
    SearchTexts {
        title: lang.text("search-title"),
        intro: lang.text("search-intro"),
        query: lang.text("search-query"),
        placeholder: lang.text("search-placeholder"),
        button: lang.text("search-button"),
        nothing: lang.text("search-nothing"),
        empty: lang.text("search-empty"),
        narrow: lang.text("search-narrow"),
        clear: lang.text("search-clear"),
        remove_filter: lang.text("search-remove-filter"),
        translated: lang.text("search-translated"),
        translated_hint: lang.text("search-translated-hint"),
        matched: lang.text("search-matched"),
        previous: lang.text("search-previous"),
        next: lang.text("search-next"),
    }
}

static LOADED: LazyLock<[SearchTexts; 4]> = LazyLock::new(|| Lang::ALL.map(load));

fn texts(lang: Lang) -> &'static SearchTexts {
    &LOADED[lang as usize]
}

/// The page's address line: the query and at most one value per facet.
#[derive(Debug, Default, Clone, Deserialize)]
pub(crate) struct SearchForm {
    #[serde(default)]
    q: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    sector: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    page: String,
}

/// The facets, in the order the page shows them.
#[derive(Debug, Clone, Copy)]
enum Facet {
    Kind,
    Country,
    Sector,
    Language,
}

impl Facet {
    const ALL: [Facet; 4] = [Facet::Kind, Facet::Country, Facet::Sector, Facet::Language];

    fn heading(self, lang: Lang) -> &'static str {
        lang.text(match self {
            Facet::Kind => "search-facet-kind",
            Facet::Country => "search-facet-country",
            Facet::Sector => "search-facet-sector",
            Facet::Language => "search-facet-language",
        })
    }

    fn id(self) -> &'static str {
        match self {
            Facet::Kind => "kind",
            Facet::Country => "country",
            Facet::Sector => "sector",
            Facet::Language => "language",
        }
    }

    fn chosen(self, form: &SearchForm) -> &str {
        match self {
            Facet::Kind => &form.kind,
            Facet::Country => &form.country,
            Facet::Sector => &form.sector,
            Facet::Language => &form.language,
        }
    }

    fn choose(self, form: &mut SearchForm, value: String) {
        *match self {
            Facet::Kind => &mut form.kind,
            Facet::Country => &mut form.country,
            Facet::Sector => &mut form.sector,
            Facet::Language => &mut form.language,
        } = value;
    }

    fn counted(self, results: &SearchResults) -> &[(String, u64)] {
        let facets = &results.facets;
        match self {
            Facet::Kind => &facets.kind,
            Facet::Country => &facets.country,
            Facet::Sector => &facets.sector,
            Facet::Language => &facets.language,
        }
    }

    /// A value's name in the reader's language; `None` for a value kyoso
    /// cannot name (never shown as a bare code).
    fn label(self, value: &str, lang: Lang) -> Option<String> {
        match self {
            Facet::Kind => search::KINDS
                .contains(&value)
                .then(|| lang.text(&format!("search-kinds-{value}")).to_owned()),
            Facet::Country => CountryCode::parse(value)
                .ok()
                .map(|c| view::country(Some(c), lang)),
            Facet::Sector => SectorCode::parse(value)
                .ok()
                .map(|c| lang.sector(c.code()).unwrap_or_else(|| c.name()).to_owned()),
            Facet::Language => lang.language(value).map(str::to_owned),
        }
    }
}

/// A value of a facet: following it turns the filter on, or off if on.
#[derive(Debug)]
struct FacetValue {
    label: String,
    count: u64,
    href: String,
    chosen: bool,
}

#[derive(Debug)]
struct FacetView {
    id: &'static str,
    heading: &'static str,
    values: Vec<FacetValue>,
}

/// One record found, as the page shows it.
#[derive(Debug)]
struct HitView {
    href: String,
    kind: &'static str,
    title: Vec<(String, bool)>,
    language: String,
    translated: bool,
    snippet: Vec<(String, bool)>,
    matched: String,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    chrome: Chrome,
    st: &'static SearchTexts,
    form: SearchForm,
    asked: bool,
    found: String,
    showing: String,
    hits: Vec<HitView>,
    facets: Vec<FacetView>,
    clear_href: Option<String>,
    previous_href: Option<String>,
    next_href: Option<String>,
}

impl SearchForm {
    fn href(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        for (name, value) in [
            ("q", self.q.as_str()),
            ("kind", &self.kind),
            ("country", &self.country),
            ("sector", &self.sector),
            ("language", &self.language),
            ("page", &self.page),
        ] {
            if !value.is_empty() {
                pairs.push((name, value));
            }
        }
        match serde_urlencoded::to_string(&pairs) {
            Ok(line) if !line.is_empty() => format!("/search?{line}"),
            _ => "/search".to_owned(),
        }
    }

    fn page_number(&self) -> usize {
        self.page
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| *n >= 1)
            .unwrap_or(1)
            .min(LAST_PAGE)
    }

    /// The same search on another page.
    fn on_page(&self, page: usize) -> String {
        let mut form = self.clone();
        form.page = if page <= 1 {
            String::new()
        } else {
            page.to_string()
        };
        form.href()
    }

    fn has_filters(&self) -> bool {
        Facet::ALL.iter().any(|f| !f.chosen(self).is_empty())
    }

    /// What the form asks, kept within what the search takes: a value that
    /// is not one of a facet's is dropped rather than refused, as a link
    /// someone edited by hand deserves.
    fn query(&self, lang: Lang) -> SearchQuery {
        let one = |facet: Facet| -> Vec<String> {
            let value = facet.chosen(self).trim();
            match facet.label(value, lang) {
                Some(_) => vec![match facet {
                    Facet::Country => value.to_uppercase(),
                    _ => value.to_owned(),
                }],
                None => Vec::new(),
            }
        };
        SearchQuery {
            text: self.q.chars().take(search::MAX_QUERY_CHARS).collect(),
            reader: Some(lang.code().to_owned()),
            kinds: one(Facet::Kind),
            countries: one(Facet::Country),
            sectors: one(Facet::Sector),
            languages: one(Facet::Language),
            limit: PER_PAGE,
            offset: (self.page_number() - 1) * PER_PAGE,
        }
    }
}

fn fragments(marked: &[search::Fragment]) -> Vec<(String, bool)> {
    marked.iter().map(|f| (f.text.clone(), f.hit)).collect()
}

/// Where a record found is shown.
fn record_href(kind: &str, id: &str) -> String {
    match kind {
        "person" => format!("/people/{id}"),
        "organization" => format!("/organizations/{id}"),
        "event" => format!("/events/{id}"),
        "need" => format!("/needs/{id}"),
        "program" => format!("/programs/{id}"),
        _ => format!("/offers#offer-{id}"),
    }
}

fn facet_views(form: &SearchForm, results: &SearchResults, lang: Lang) -> Vec<FacetView> {
    Facet::ALL
        .iter()
        .map(|&facet| {
            let chosen = facet.chosen(form);
            let values = facet
                .counted(results)
                .iter()
                .filter_map(|(value, count)| {
                    let label = facet.label(value, lang)?;
                    let is_chosen = value.eq_ignore_ascii_case(chosen);
                    let mut next = form.clone();
                    next.page.clear();
                    facet.choose(
                        &mut next,
                        if is_chosen {
                            String::new()
                        } else {
                            value.clone()
                        },
                    );
                    Some(FacetValue {
                        label,
                        count: *count,
                        href: next.href(),
                        chosen: is_chosen,
                    })
                })
                .take(12)
                .collect();
            FacetView {
                id: facet.id(),
                heading: facet.heading(lang),
                values,
            }
        })
        .filter(|f| !f.values.is_empty())
        .collect()
}

pub(crate) async fn search_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(form): Query<SearchForm>,
) -> Response {
    let lang = ctx.lang;
    let st = texts(lang);
    let asked = !form.q.trim().is_empty() || form.has_filters();
    let query = form.query(lang);
    let results = if asked {
        match state.kyoso.search(&ctx.caller, &query).await {
            Ok(results) => results,
            Err(error) => return error_page(&ctx, error),
        }
    } else {
        SearchResults {
            total: 0,
            hits: Vec::new(),
            facets: Default::default(),
        }
    };
    let hits: Vec<HitView> = results
        .hits
        .iter()
        .map(|hit| HitView {
            href: record_href(&hit.kind, &hit.id),
            kind: if search::KINDS.contains(&hit.kind.as_str()) {
                lang.text(&format!("cli-search-kind-{}", hit.kind))
            } else {
                ""
            },
            title: fragments(&hit.title_marked),
            language: hit.language.clone(),
            translated: hit.translated,
            snippet: fragments(&hit.snippet),
            matched: hit.matched.join(" · "),
        })
        .collect();
    let page = form.page_number();
    let first = query.offset + 1;
    let last = query.offset + hits.len();
    let total = results.total as usize;
    let showing = if total > hits.len() {
        lang.format(
            "search-showing",
            &[
                ("from", Arg::Number(first as f64)),
                ("to", Arg::Number(last as f64)),
                ("total", Arg::Number(total as f64)),
            ],
        )
    } else {
        String::new()
    };
    let page_view = SearchPage {
        chrome: chrome_for(&ctx, st.title, "search"),
        st,
        found: lang.format("search-found", &[("count", Arg::Number(total as f64))]),
        showing,
        hits,
        facets: facet_views(&form, &results, lang),
        clear_href: form.has_filters().then(|| {
            SearchForm {
                q: form.q.clone(),
                ..SearchForm::default()
            }
            .href()
        }),
        previous_href: (page > 1).then(|| form.on_page(page - 1)),
        next_href: (last < total && page < LAST_PAGE).then(|| form.on_page(page + 1)),
        asked,
        form,
    };
    render_page(&ctx, StatusCode::OK, &page_view)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_links_keep_the_query_and_toggle_one_filter() {
        let form = SearchForm {
            q: "潤滑 & oil".into(),
            country: "TH".into(),
            page: "3".into(),
            ..SearchForm::default()
        };
        assert_eq!(
            form.href(),
            "/search?q=%E6%BD%A4%E6%BB%91+%26+oil&country=TH&page=3"
        );
        assert_eq!(
            form.on_page(1),
            "/search?q=%E6%BD%A4%E6%BB%91+%26+oil&country=TH"
        );
        let results = SearchResults {
            total: 2,
            hits: Vec::new(),
            facets: kyoso_service::search::Facets {
                country: vec![("TH".into(), 2), ("ZZ".into(), 1)],
                kind: vec![("person".into(), 2), ("nonsense".into(), 1)],
                ..Default::default()
            },
        };
        let views = facet_views(&form, &results, Lang::En);
        let kinds = views.iter().find(|f| f.id == "kind").unwrap();
        assert_eq!(
            kinds.values.len(),
            1,
            "a value kyoso cannot name is not shown"
        );
        assert_eq!(kinds.values[0].label, "People");
        assert!(kinds.values[0].href.contains("kind=person"));
        assert!(
            !kinds.values[0].href.contains("page="),
            "a new filter starts at page 1"
        );
        let countries = views.iter().find(|f| f.id == "country").unwrap();
        assert_eq!(countries.values.len(), 1);
        assert!(countries.values[0].chosen);
        assert!(
            !countries.values[0].href.contains("country="),
            "following a chosen value turns it off"
        );
    }

    #[test]
    fn hand_edited_values_are_dropped_not_obeyed() {
        let form = SearchForm {
            kind: "secret".into(),
            country: "th".into(),
            sector: "99999999".into(),
            language: "xx".into(),
            page: "100000".into(),
            ..SearchForm::default()
        };
        let query = form.query(Lang::Ja);
        assert!(query.kinds.is_empty() && query.sectors.is_empty() && query.languages.is_empty());
        assert_eq!(query.countries, vec!["TH".to_owned()]);
        assert_eq!(query.offset, (LAST_PAGE - 1) * PER_PAGE);
        assert_eq!(query.reader.as_deref(), Some("ja"));
    }
}
