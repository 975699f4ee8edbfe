//! The pages of the network: warm paths (on every profile, and on a page of
//! their own), brokers, communities with their map, and growth charts.
//! Drawings are inline SVG laid out here; their text is escaped by the
//! templates like any other.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;

use crate::i18n::Interface as _;
use crate::redirect::see_other;
use kyoso_domain::{CountryCode, EntityKind, Uid};
use kyoso_service::network::{
    self, BrokerQuestion, COMMUNITY_BUDGET, CommunityMap, GroupSelector, Interval, NodeSummary,
    WarmPath, WarmPaths,
};
use kyoso_service::words::describe;
use kyoso_service::{Caller, ServiceError};
use serde::Deserialize;

use crate::AppState;
use crate::auth::PageContext;
use crate::i18n::Lang;
use crate::pages::{Chrome, chrome_for, error_page, render_page};
use crate::view;

/// A tenth of a pixel is precision enough, and keeps pages small.
fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn short(name: &str, max: usize) -> String {
    match name.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &name[..cut]),
        None => name.to_owned(),
    }
}

/// Colours for communities, told apart by eye; they cycle past ten.
const PALETTE: [&str; 10] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac",
];

fn palette(index: usize) -> &'static str {
    PALETTE[index % PALETTE.len()]
}

fn name(node: &NodeSummary, lang: Lang) -> String {
    node.names.display(lang.code()).to_owned()
}

fn date_field(text: Option<&str>) -> Result<Option<time::Date>, ServiceError> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => crate::api_programs::day(text)
            .map(Some)
            .map_err(|e| ServiceError::Invalid {
                field: Some("as_of".into()),
                message: e.to_string(),
            }),
    }
}

// --- warm paths ---

#[derive(Debug)]
pub(crate) struct ChainNode {
    pub(crate) x: f64,
    pub(crate) label: String,
    pub(crate) title: String,
    pub(crate) href: String,
    pub(crate) organization: bool,
    /// The word marking a hub the path passes through.
    pub(crate) hub: Option<&'static str>,
}

#[derive(Debug)]
pub(crate) struct ChainLink {
    pub(crate) x1: f64,
    pub(crate) x2: f64,
    /// Where the label sits; it rises over a step that skips a record.
    pub(crate) label_x: f64,
    pub(crate) label_y: f64,
    pub(crate) label: String,
    /// The whole of what joins the step, where the label is cut short.
    pub(crate) title: String,
    pub(crate) arc: bool,
}

#[derive(Debug)]
pub(crate) struct PathView {
    pub(crate) number: usize,
    pub(crate) summary: String,
    /// Why a step through a hub counts, if the path takes one.
    pub(crate) hub_note: Option<&'static str>,
    pub(crate) width: u32,
    pub(crate) nodes: Vec<ChainNode>,
    pub(crate) links: Vec<ChainLink>,
}

/// Warm paths to one record, ready to show.
#[derive(Debug)]
pub(crate) struct ReachView {
    pub(crate) to: Uid,
    pub(crate) from_value: String,
    pub(crate) intro: String,
    pub(crate) paths: Vec<PathView>,
    /// Whether paths were asked for: a start was known.
    pub(crate) asked: bool,
}

const CHAIN_STEP: f64 = 190.0;
const CHAIN_MARGIN: f64 = 95.0;

fn path_view(number: usize, path: &WarmPath, lang: Lang) -> PathView {
    let nt = lang.network_texts();
    let x = |i: usize| CHAIN_MARGIN + CHAIN_STEP * i as f64;
    let last = path.nodes.len().saturating_sub(1);
    let nodes = path
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| ChainNode {
            x: x(i),
            label: short(&name(n, lang), 18),
            title: format!("{} {}", name(n, lang), view::country(n.country, lang)),
            href: view::href(n.kind, n.uid),
            organization: n.kind == EntityKind::Organization,
            hub: (n.hub && i > 0 && i < last).then_some(nt.hub),
        })
        .collect();
    let steps = describe(path, lang);
    let through_hub = steps.iter().any(|step| step.through_hub);
    let links = steps
        .into_iter()
        .map(|step| {
            let arc = step.to - step.from > 1;
            ChainLink {
                x1: x(step.from),
                x2: x(step.to),
                label_x: round((x(step.from) + x(step.to)) / 2.0),
                label_y: if arc { 22.0 } else { 52.0 },
                label: short(&step.text, 44),
                title: step.text,
                arc,
            }
        })
        .collect();
    let hops = path.nodes.len().saturating_sub(2);
    let summary = if hops == 0 {
        nt.direct.to_owned()
    } else {
        format!("{hops} {} · {} {:.2}", nt.introductions, nt.cost, path.cost)
    };
    PathView {
        number,
        summary,
        hub_note: through_hub.then_some(nt.hub_note),
        width: (2.0 * CHAIN_MARGIN + CHAIN_STEP * (path.nodes.len().max(2) - 1) as f64) as u32,
        nodes,
        links,
    }
}

fn reach_view(found: &WarmPaths, from_value: String, lang: Lang) -> ReachView {
    let nt = lang.network_texts();
    ReachView {
        to: found.to.uid,
        from_value,
        intro: nt.reach_intro.replace("{from}", &name(&found.from, lang)),
        paths: found
            .paths
            .iter()
            .enumerate()
            .map(|(i, p)| path_view(i + 1, p, lang))
            .collect(),
        asked: true,
    }
}

/// The "how can I reach them" block of a profile: paths from the viewer's
/// own person record, or from the record named by `from`. None for an
/// anonymous visitor.
pub(crate) async fn reach(
    state: &AppState,
    ctx: &PageContext,
    to: Uid,
    from: Option<&str>,
) -> Option<ReachView> {
    let user = ctx.caller.user()?;
    let from_value = from.map(str::trim).filter(|f| !f.is_empty());
    let start = match from_value {
        Some(text) => Uid::parse(text).ok(),
        None => user.person.filter(|&me| me != to),
    };
    let empty = ReachView {
        to,
        from_value: from_value.unwrap_or_default().to_owned(),
        intro: String::new(),
        paths: Vec::new(),
        asked: from_value.is_some(),
    };
    let Some(start) = start else {
        return Some(empty);
    };
    match state
        .kyoso
        .warm_paths(&ctx.caller, start, to, 3, None)
        .await
    {
        Ok(found) => Some(reach_view(
            &found,
            from_value.unwrap_or_default().to_owned(),
            ctx.lang,
        )),
        Err(ServiceError::NotFound(_) | ServiceError::Invalid { .. }) => Some(empty),
        Err(err) => {
            tracing::error!(error = %err, "warm paths failed");
            Some(empty)
        }
    }
}

#[derive(Template)]
#[template(path = "network_path.html")]
struct PathPage {
    chrome: Chrome,
    reach: Option<ReachView>,
    to_name: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct PathQuery {
    from: Option<String>,
    to: Option<String>,
}

pub(crate) async fn path_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<PathQuery>,
) -> Response {
    if matches!(ctx.caller, Caller::Anonymous) {
        return see_other("/sign-in");
    }
    let nt = ctx.lang.network_texts();
    let Some(to) = query.to.as_deref().and_then(|t| Uid::parse(t.trim()).ok()) else {
        return error_page(&ctx, ServiceError::NotFound("record"));
    };
    let to_name = match to_name(&state, &ctx, to).await {
        Ok(name) => name,
        Err(err) => return error_page(&ctx, err),
    };
    let page = PathPage {
        chrome: chrome_for(&ctx, nt.reach_title, "network"),
        reach: reach(&state, &ctx, to, query.from.as_deref()).await,
        to_name,
    };
    render_page(&ctx, StatusCode::OK, &page)
}

async fn to_name(state: &AppState, ctx: &PageContext, uid: Uid) -> Result<String, ServiceError> {
    match state.kyoso.person(&ctx.caller, uid).await {
        Ok(p) => Ok(p.record.names.display(ctx.lang.code()).to_owned()),
        Err(ServiceError::NotFound(_)) => {
            let org = state.kyoso.organization(&ctx.caller, uid).await?;
            Ok(org.record.names.display(ctx.lang.code()).to_owned())
        }
        Err(err) => Err(err),
    }
}

// --- brokers ---

#[derive(Debug)]
struct BrokerRow {
    rank: usize,
    name: String,
    href: String,
    country: String,
    score: String,
    /// The bar's width in pixels, against the top broker's score.
    bar: f64,
    degree: usize,
    countries: String,
    types: String,
}

#[derive(Template)]
#[template(path = "network_brokers.html")]
struct BrokersPage {
    chrome: Chrome,
    rows: Vec<BrokerRow>,
    method: String,
    countries: Vec<view::Choice>,
    from: String,
    to: String,
    as_of: String,
    error: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct BrokersQuery {
    country: Option<String>,
    from: Option<String>,
    to: Option<String>,
    as_of: Option<String>,
}

pub(crate) async fn brokers_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<BrokersQuery>,
) -> Response {
    if matches!(ctx.caller, Caller::Anonymous) {
        return see_other("/sign-in");
    }
    let lang = ctx.lang;
    let nt = lang.network_texts();
    let text = |v: &Option<String>| v.as_deref().unwrap_or_default().trim().to_owned();
    let (from, to, country, as_of) = (
        text(&query.from),
        text(&query.to),
        text(&query.country),
        text(&query.as_of),
    );
    let question = (|| {
        let between = match (from.is_empty(), to.is_empty()) {
            (true, true) => None,
            _ => Some((
                GroupSelector::parse(&from, "from")?,
                GroupSelector::parse(&to, "to")?,
            )),
        };
        Ok::<_, ServiceError>(BrokerQuestion {
            top: 30,
            country: match country.as_str() {
                "" => None,
                c => Some(CountryCode::parse(c).map_err(|e| ServiceError::Invalid {
                    field: Some("country".into()),
                    message: e.to_string(),
                })?),
            },
            between,
            samples: None,
            as_of: date_field(Some(&as_of))?,
        })
    })();
    let result = match question {
        Ok(question) => state.kyoso.brokers(&ctx.caller, &question).await,
        Err(err) => Err(err),
    };
    let (rows, method, error) = match result {
        Ok(found) => {
            let top = found.brokers.first().map_or(1.0, |b| b.score.max(1e-12));
            let rows = found
                .brokers
                .iter()
                .map(|b| BrokerRow {
                    rank: b.rank,
                    name: name(&b.node, lang),
                    href: view::href(b.node.kind, b.node.uid),
                    country: view::country(b.node.country, lang),
                    score: if b.half_width > 0.0 {
                        format!("{:.4} ± {:.4}", b.score, b.half_width)
                    } else {
                        format!("{:.4}", b.score)
                    },
                    bar: round(120.0 * b.score / top),
                    degree: b.degree,
                    countries: b
                        .countries
                        .iter()
                        .map(|(c, n)| format!("{} {n}", c.as_str()))
                        .collect::<Vec<_>>()
                        .join(" · "),
                    types: b
                        .families
                        .iter()
                        .map(|(f, n)| format!("{} {n}", f.as_str()))
                        .collect::<Vec<_>>()
                        .join(" · "),
                })
                .collect();
            let method = if found.exact {
                nt.exact.to_owned()
            } else {
                nt.sampled
                    .replace("{k}", &found.sources.to_string())
                    .replace("{error}", &format!("{:.4}", found.error_bound))
            };
            (rows, method, None)
        }
        Err(ServiceError::Invalid { field, message }) => (
            Vec::new(),
            String::new(),
            Some(match field {
                Some(field) => format!("{field}: {message}"),
                None => message,
            }),
        ),
        Err(err) => return error_page(&ctx, err),
    };
    let page = BrokersPage {
        chrome: chrome_for(&ctx, nt.brokers, "network"),
        rows,
        method,
        countries: view::country_choices(lang, &country),
        from,
        to,
        as_of,
        error,
    };
    render_page(&ctx, StatusCode::OK, &page)
}

// --- communities ---

#[derive(Debug)]
struct CommunityRow {
    number: u32,
    colour: &'static str,
    size: usize,
    ties_inside: usize,
    countries: String,
    /// (name, link)
    leading: Vec<(String, String)>,
}

#[derive(Debug)]
pub(crate) struct MapDot {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) r: f64,
    pub(crate) colour: &'static str,
    pub(crate) label: String,
    pub(crate) title: String,
    pub(crate) href: Option<String>,
    pub(crate) square: bool,
}

#[derive(Debug)]
pub(crate) struct MapLine {
    pub(crate) x1: f64,
    pub(crate) y1: f64,
    pub(crate) x2: f64,
    pub(crate) y2: f64,
    pub(crate) width: f64,
}

#[derive(Template)]
#[template(path = "network_communities.html")]
struct CommunitiesPage {
    chrome: Chrome,
    summary: String,
    partial: bool,
    rows: Vec<CommunityRow>,
    map_caption: &'static str,
    map_size: u32,
    dots: Vec<MapDot>,
    lines: Vec<MapLine>,
    core_intro: String,
    /// (name, link)
    core: Vec<(String, String)>,
    as_of: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct AsOfQuery {
    as_of: Option<String>,
    interval: Option<String>,
}

pub(crate) async fn communities_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<AsOfQuery>,
) -> Response {
    if matches!(ctx.caller, Caller::Anonymous) {
        return see_other("/sign-in");
    }
    let lang = ctx.lang;
    let nt = lang.network_texts();
    let as_of_text = query.as_of.as_deref().unwrap_or_default().trim().to_owned();
    let result = async {
        let as_of = date_field(Some(&as_of_text))?;
        state
            .kyoso
            .communities(&ctx.caller, as_of, 20, COMMUNITY_BUDGET)
            .await
    }
    .await;
    let found = match result {
        Ok(found) => found,
        Err(err) => return error_page(&ctx, err),
    };
    let link = |n: &NodeSummary| (name(n, lang), view::href(n.kind, n.uid));
    let rows = found
        .communities
        .iter()
        .map(|c| CommunityRow {
            number: c.number,
            colour: palette(c.number as usize - 1),
            size: c.size,
            ties_inside: c.ties_inside,
            countries: c
                .countries
                .iter()
                .map(|(c, n)| format!("{} {n}", view::country(Some(*c), lang)))
                .collect::<Vec<_>>()
                .join(" · "),
            leading: c.leading.iter().map(link).collect(),
        })
        .collect();
    const MAP_SIZE: u32 = 640;
    let (dots, lines) = draw_map(&found.map, f64::from(MAP_SIZE), lang);
    let page = CommunitiesPage {
        chrome: chrome_for(&ctx, nt.communities, "network"),
        summary: format!(
            "{} {} · {} {:.3} · {} {} · {} {}",
            found.count,
            nt.communities.to_lowercase(),
            nt.modularity,
            found.modularity,
            found.nodes,
            nt.members.to_lowercase(),
            found.ties,
            nt.total_ties.to_lowercase(),
        ),
        partial: !found.complete,
        rows,
        map_caption: if found.map.aggregated {
            nt.map_aggregated
        } else {
            nt.map_members
        },
        map_size: MAP_SIZE,
        dots,
        lines,
        core_intro: nt
            .core_intro
            .replace("{k}", &found.core.k.to_string())
            .replace("{size}", &found.core.size.to_string()),
        core: found.core.members.iter().map(link).collect(),
        as_of: as_of_text,
    };
    render_page(&ctx, StatusCode::OK, &page)
}

/// Lays a map out by force (Fruchterman–Reingold) inside a square frame:
/// tied points pull together, all points push apart, a weak pull to the
/// middle keeps untied parts in view, and a last pass moves overlapping
/// circles (of the given radii) apart. Deterministic: points start on a
/// spiral in their given order.
pub(crate) fn layout(radii: &[f64], links: &[(usize, usize, usize)], size: f64) -> Vec<(f64, f64)> {
    let points = radii.len();
    if points == 0 {
        return Vec::new();
    }
    let centre = size / 2.0;
    let margin = 30.0;
    let k = (size * size / points as f64).sqrt() * 0.6;
    let mut position: Vec<(f64, f64)> = (0..points)
        .map(|i| {
            let angle = i as f64 * 2.399_963; // the golden angle
            let radius = size * 0.35 * ((i as f64 + 0.5) / points as f64).sqrt();
            (centre + radius * angle.cos(), centre + radius * angle.sin())
        })
        .collect();
    let max_weight = links.iter().map(|l| l.2).max().unwrap_or(1).max(1) as f64;
    let clamp = |v: f64, r: f64| v.clamp(margin + r, size - margin - r);
    let iterations = 300;
    for round in 0..iterations {
        let temperature = size * 0.08 * (1.0 - round as f64 / iterations as f64) + 0.5;
        let mut shift = vec![(0.0f64, 0.0f64); points];
        for a in 0..points {
            for b in (a + 1)..points {
                let (dx, dy) = (position[a].0 - position[b].0, position[a].1 - position[b].1);
                let distance = (dx * dx + dy * dy).sqrt().max(0.01);
                let push = k * k / distance;
                let (ux, uy) = (dx / distance, dy / distance);
                shift[a].0 += ux * push;
                shift[a].1 += uy * push;
                shift[b].0 -= ux * push;
                shift[b].1 -= uy * push;
            }
        }
        for &(a, b, weight) in links {
            let (dx, dy) = (position[a].0 - position[b].0, position[a].1 - position[b].1);
            let distance = (dx * dx + dy * dy).sqrt().max(0.01);
            let pull = distance * distance / k * (0.3 + 0.7 * weight as f64 / max_weight);
            let (ux, uy) = (dx / distance, dy / distance);
            shift[a].0 -= ux * pull;
            shift[a].1 -= uy * pull;
            shift[b].0 += ux * pull;
            shift[b].1 += uy * pull;
        }
        for ((p, s), r) in position.iter_mut().zip(&shift).zip(radii) {
            let gravity = 10.0 * k / size;
            let (sx, sy) = (
                s.0 - (p.0 - centre) * gravity,
                s.1 - (p.1 - centre) * gravity,
            );
            let length = (sx * sx + sy * sy).sqrt().max(1e-9);
            let step = length.min(temperature);
            p.0 = clamp(p.0 + sx / length * step, *r);
            p.1 = clamp(p.1 + sy / length * step, *r);
        }
    }
    for _ in 0..100 {
        let mut moved = false;
        for a in 0..points {
            for b in (a + 1)..points {
                let (dx, dy) = (position[a].0 - position[b].0, position[a].1 - position[b].1);
                let distance = (dx * dx + dy * dy).sqrt();
                let wanted = radii[a] + radii[b] + 4.0;
                if distance < wanted {
                    let (ux, uy) = if distance > 1e-6 {
                        (dx / distance, dy / distance)
                    } else {
                        (1.0, 0.0)
                    };
                    let half = (wanted - distance) / 2.0;
                    position[a] = (
                        clamp(position[a].0 + ux * half, radii[a]),
                        clamp(position[a].1 + uy * half, radii[a]),
                    );
                    position[b] = (
                        clamp(position[b].0 - ux * half, radii[b]),
                        clamp(position[b].1 - uy * half, radii[b]),
                    );
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
    position
        .into_iter()
        .map(|(x, y)| (round(x), round(y)))
        .collect()
}

fn draw_map(map: &CommunityMap, size: f64, lang: Lang) -> (Vec<MapDot>, Vec<MapLine>) {
    let biggest = map.points.iter().map(|p| p.size).max().unwrap_or(1).max(1) as f64;
    let heaviest = map.links.iter().map(|l| l.2).max().unwrap_or(1).max(1) as f64;
    let radii: Vec<f64> = map
        .points
        .iter()
        .map(|point| {
            if map.aggregated {
                round(6.0 + 42.0 * (point.size as f64 / biggest).sqrt())
            } else {
                5.0
            }
        })
        .collect();
    let position = layout(&radii, &map.links, size);
    let dots = map
        .points
        .iter()
        .zip(&position)
        .zip(&radii)
        .map(|((point, &(x, y)), &r)| MapDot {
            x,
            y,
            r,
            colour: palette(point.community as usize - 1),
            label: match &point.names {
                Some(names) => short(names.display(lang.code()), 14),
                None => {
                    let codes: Vec<&str> = point.countries.iter().map(|c| c.as_str()).collect();
                    format!("{} · {}", point.community, codes.join("·"))
                }
            },
            title: match &point.names {
                Some(names) => names.display(lang.code()).to_owned(),
                None => {
                    let countries: Vec<String> = point
                        .countries
                        .iter()
                        .map(|&c| view::country(Some(c), lang))
                        .collect();
                    format!("{} ({})", countries.join(", "), point.size)
                }
            },
            href: point
                .uid
                .zip(point.kind)
                .map(|(uid, kind)| view::href(kind, uid)),
            square: point.kind == Some(EntityKind::Organization),
        })
        .collect();
    let lines = map
        .links
        .iter()
        .map(|&(a, b, weight)| MapLine {
            x1: position[a].0,
            y1: position[a].1,
            x2: position[b].0,
            y2: position[b].1,
            width: if map.aggregated {
                round(0.5 + 6.0 * weight as f64 / heaviest)
            } else {
                0.6
            },
        })
        .collect();
    (dots, lines)
}

// --- growth ---

/// A line or bar chart, laid out for an SVG frame.
#[derive(Debug)]
pub(crate) struct Chart {
    pub(crate) title: String,
    pub(crate) width: f64,
    pub(crate) height: f64,
    pub(crate) series: Vec<ChartSeries>,
    pub(crate) bars: Vec<ChartBar>,
    /// (y, label) of the value axis.
    pub(crate) y_ticks: Vec<(f64, String)>,
    /// (x, label) of the period axis.
    pub(crate) x_ticks: Vec<(f64, String)>,
    pub(crate) bottom: f64,
    pub(crate) left: f64,
    pub(crate) right: f64,
}

#[derive(Debug)]
pub(crate) struct ChartSeries {
    pub(crate) name: String,
    pub(crate) colour: &'static str,
    pub(crate) points: String,
    pub(crate) legend_y: f64,
}

#[derive(Debug)]
pub(crate) struct ChartBar {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) width: f64,
    pub(crate) height: f64,
    pub(crate) title: String,
}

/// A round number at or above `value`: 1, 2 or 5 times a power of ten.
fn nice_ceiling(value: f64) -> f64 {
    if value <= 0.0 {
        return 1.0;
    }
    let power = 10f64.powf(value.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|&v| v >= value)
        .unwrap_or(10.0 * power)
}

const CHART_WIDTH: f64 = 720.0;
const CHART_HEIGHT: f64 = 260.0;
const CHART_LEFT: f64 = 60.0;
const CHART_RIGHT: f64 = 170.0;
const CHART_TOP: f64 = 30.0;
const CHART_BOTTOM: f64 = 40.0;

fn chart_frame(title: String, labels: &[String], max: f64) -> (Chart, f64) {
    let top = nice_ceiling(max);
    let plot_height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM;
    // 5 divides a top of 5 × 10ⁿ into round steps; 4 divides 1 and 2 × 10ⁿ.
    let steps = if (top / 10f64.powf(top.log10().floor()) - 5.0).abs() < 1e-9 {
        5
    } else {
        4
    };
    let y_ticks = (0..=steps)
        .map(|i| {
            let value = top * f64::from(i) / f64::from(steps);
            (
                round(CHART_HEIGHT - CHART_BOTTOM - plot_height * f64::from(i) / f64::from(steps)),
                if value >= 10_000.0 {
                    format!("{:.0}k", value / 1000.0)
                } else {
                    format!("{value:.0}")
                },
            )
        })
        .collect();
    let plot_width = CHART_WIDTH - CHART_LEFT - CHART_RIGHT;
    let count = labels.len().max(1);
    let every = count.div_ceil(8).max(1);
    let x_ticks = labels
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0 || *i + 1 == count)
        .map(|(i, label)| {
            (
                round(CHART_LEFT + plot_width * (i as f64 + 0.5) / count as f64),
                label.clone(),
            )
        })
        .collect();
    (
        Chart {
            title,
            width: CHART_WIDTH,
            height: CHART_HEIGHT,
            series: Vec::new(),
            bars: Vec::new(),
            y_ticks,
            x_ticks,
            bottom: CHART_HEIGHT - CHART_BOTTOM,
            left: CHART_LEFT,
            right: CHART_WIDTH - CHART_RIGHT,
        },
        top,
    )
}

/// Lines over periods, one per series.
pub(crate) fn line_chart(
    title: String,
    labels: &[String],
    series: &[(String, &'static str, Vec<f64>)],
) -> Chart {
    let max = series
        .iter()
        .flat_map(|s| s.2.iter().copied())
        .fold(0.0, f64::max);
    let (mut chart, top) = chart_frame(title, labels, max);
    let plot_width = CHART_WIDTH - CHART_LEFT - CHART_RIGHT;
    let plot_height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM;
    let count = labels.len().max(1) as f64;
    chart.series = series
        .iter()
        .enumerate()
        .map(|(n, (name, colour, values))| ChartSeries {
            name: name.clone(),
            colour,
            points: values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    format!(
                        "{},{}",
                        round(CHART_LEFT + plot_width * (i as f64 + 0.5) / count),
                        round(CHART_HEIGHT - CHART_BOTTOM - plot_height * v / top)
                    )
                })
                .collect::<Vec<_>>()
                .join(" "),
            legend_y: CHART_TOP + 18.0 * n as f64,
        })
        .collect();
    chart
}

/// One bar per period.
pub(crate) fn bar_chart(title: String, labels: &[String], values: &[f64]) -> Chart {
    let max = values.iter().copied().fold(0.0, f64::max);
    let (mut chart, top) = chart_frame(title, labels, max);
    let plot_width = CHART_WIDTH - CHART_LEFT - CHART_RIGHT;
    let plot_height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM;
    let slot = plot_width / labels.len().max(1) as f64;
    chart.bars = values
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (v, label))| {
            let height = plot_height * v / top;
            ChartBar {
                x: round(CHART_LEFT + slot * i as f64 + slot * 0.1),
                y: round(CHART_HEIGHT - CHART_BOTTOM - height),
                width: round((slot * 0.8).max(0.5)),
                height: round(height),
                title: format!("{label}: {v}"),
            }
        })
        .collect();
    chart
}

#[derive(Debug)]
struct CountryRow {
    country: String,
    members: usize,
    ties: usize,
    first_period: String,
    /// A small line of new members per period.
    spark: String,
}

#[derive(Template)]
#[template(path = "network_growth.html")]
struct GrowthPage {
    chrome: Chrome,
    charts: Vec<Chart>,
    countries: Vec<CountryRow>,
    monthly: bool,
    as_of: String,
}

pub(crate) async fn growth_page(
    State(state): State<AppState>,
    ctx: PageContext,
    Query(query): Query<AsOfQuery>,
) -> Response {
    if matches!(ctx.caller, Caller::Anonymous) {
        return see_other("/sign-in");
    }
    let lang = ctx.lang;
    let nt = lang.network_texts();
    let monthly = query.interval.as_deref() == Some("month");
    let interval = if monthly {
        Interval::Month
    } else {
        Interval::Year
    };
    let as_of_text = query.as_of.as_deref().unwrap_or_default().trim().to_owned();
    let result = async {
        let as_of = date_field(Some(&as_of_text))?;
        state.kyoso.growth(&ctx.caller, interval, as_of).await
    }
    .await;
    let growth = match result {
        Ok(found) => found,
        Err(err) => return error_page(&ctx, err),
    };
    let labels: Vec<String> = growth.periods.iter().map(|p| p.period.clone()).collect();
    let column = |f: fn(&network::GrowthPeriod) -> usize| -> Vec<f64> {
        growth.periods.iter().map(|p| f(p) as f64).collect()
    };
    let charts = vec![
        line_chart(
            format!("{} · {}", nt.total_members, nt.largest_group),
            &labels,
            &[
                (
                    nt.total_members.to_owned(),
                    PALETTE[0],
                    column(|p| p.members),
                ),
                (
                    nt.largest_group.to_owned(),
                    PALETTE[1],
                    column(|p| p.largest_group),
                ),
            ],
        ),
        bar_chart(
            format!(
                "{} ({})",
                nt.new_ties,
                if monthly { nt.per_month } else { nt.per_year }
            ),
            &labels,
            &column(|p| p.new_ties),
        ),
        bar_chart(
            format!(
                "{} ({})",
                nt.new_members,
                if monthly { nt.per_month } else { nt.per_year }
            ),
            &labels,
            &column(|p| p.new_members),
        ),
        line_chart(
            nt.countries_reached.to_owned(),
            &labels,
            &[(
                nt.countries_reached.to_owned(),
                PALETTE[4],
                column(|p| p.countries),
            )],
        ),
    ];
    let countries = growth
        .countries
        .iter()
        .take(30)
        .map(|c| {
            let max = c.new_members.iter().copied().max().unwrap_or(1).max(1) as f64;
            let count = c.new_members.len().max(1) as f64;
            CountryRow {
                country: view::country(Some(c.country), lang),
                members: c.members,
                ties: c.ties,
                first_period: c.first_period.clone(),
                spark: c
                    .new_members
                    .iter()
                    .enumerate()
                    .map(|(i, &n)| {
                        format!(
                            "{},{}",
                            round(120.0 * (i as f64 + 0.5) / count),
                            round(18.0 - 16.0 * n as f64 / max)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
            }
        })
        .collect();
    let page = GrowthPage {
        chrome: chrome_for(&ctx, nt.growth, "network"),
        charts,
        countries,
        monthly,
        as_of: as_of_text,
    };
    render_page(&ctx, StatusCode::OK, &page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kyoso_domain::{Names, TieKind};
    use kyoso_service::words::{StepText, path_lines};

    #[test]
    fn nice_ceilings_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(7.0), 10.0);
        assert_eq!(nice_ceiling(12.0), 20.0);
        assert_eq!(nice_ceiling(4_100.0), 5_000.0);
        assert_eq!(nice_ceiling(50.0), 50.0);
    }

    #[test]
    fn a_layout_keeps_every_point_in_the_frame_and_apart() {
        let links: Vec<(usize, usize, usize)> =
            (0..59).map(|i| (i, i + 1, 1)).chain([(0, 30, 5)]).collect();
        let radii = vec![5.0; 60];
        let position = layout(&radii, &links, 640.0);
        assert_eq!(position.len(), 60);
        for &(x, y) in &position {
            assert!((30.0..=610.0).contains(&x) && (30.0..=610.0).contains(&y));
        }
        for a in 0..60 {
            for b in (a + 1)..60 {
                let (dx, dy) = (position[a].0 - position[b].0, position[a].1 - position[b].1);
                assert!((dx * dx + dy * dy).sqrt() >= 10.0, "{a} and {b} overlap");
            }
        }
        assert_eq!(
            layout(&radii, &links, 640.0),
            position,
            "the same layout each time"
        );
        assert!(layout(&[], &[], 640.0).is_empty());
        assert_eq!(layout(&[50.0], &[], 640.0).len(), 1);
    }

    #[test]
    fn charts_scale_to_their_largest_value() {
        let labels: Vec<String> = (1970..1980).map(|y| y.to_string()).collect();
        let values: Vec<f64> = (0..10).map(f64::from).collect();
        let chart = bar_chart("ties".into(), &labels, &values);
        assert_eq!(chart.bars.len(), 10);
        assert_eq!(chart.y_ticks.last().unwrap().1, "10");
        assert!(
            chart
                .bars
                .iter()
                .all(|b| b.y >= CHART_TOP - 0.1 && b.y <= chart.bottom)
        );
        let lines = line_chart("m".into(), &labels, &[("m".into(), PALETTE[0], values)]);
        assert_eq!(lines.series[0].points.split(' ').count(), 10);
    }

    fn node(kind: EntityKind, name: &str) -> NodeSummary {
        NodeSummary {
            uid: Uid::new(),
            kind,
            names: Names::new(None, kyoso_domain::Text::line(name, 100).ok(), None).unwrap(),
            country: None,
            hub: false,
        }
    }

    #[test]
    fn two_people_tied_alike_to_an_organization_read_as_one_step() {
        use kyoso_domain::{Endpoint, Link, PartialDate, Stored, Text, Tie, Timestamp, Visibility};
        let (a, org, b) = (
            node(EntityKind::Person, "Somchai"),
            node(EntityKind::Organization, "Tokyo Tech"),
            node(EntityKind::Person, "Prasert"),
        );
        let tie = |from: &NodeSummary, to: &NodeSummary, year: &str| Stored {
            id: 1,
            uid: Uid::new(),
            external_id: None,
            owner: None,
            created_at: Timestamp::now(),
            updated_at: Timestamp::now(),
            record: Tie {
                kind: TieKind::StudiedAt,
                from: Endpoint {
                    kind: from.kind,
                    key: Link {
                        uid: from.uid,
                        external_id: None,
                    },
                },
                to: Endpoint {
                    kind: to.kind,
                    key: Link {
                        uid: to.uid,
                        external_id: None,
                    },
                },
                start: PartialDate::parse(year).unwrap(),
                end: None,
                strength: None,
                role: None,
                note: None,
                asserted_by: Text::line("test", 20).unwrap(),
                asserted_at: Timestamp::now(),
                visibility: Visibility::Network,
                event: None,
            },
        };
        let path = WarmPath {
            cost: 2.5,
            steps: vec![
                network::PathStep {
                    ties: vec![tie(&a, &org, "1972")],
                },
                network::PathStep {
                    ties: vec![tie(&b, &org, "1972")],
                },
            ],
            nodes: vec![a, org, b],
        };
        let steps = describe(&path, Lang::En);
        assert_eq!(
            steps,
            vec![StepText {
                from: 0,
                to: 2,
                text: "studied together at Tokyo Tech (1972)".into(),
                through_hub: false,
            }]
        );
        assert_eq!(
            path_lines(&path, Lang::En),
            vec![
                "Somchai".to_owned(),
                "  └ studied together at Tokyo Tech (1972) → Prasert".to_owned()
            ]
        );
        let ja = describe(&path, Lang::Ja);
        assert_eq!(ja[0].text, "Tokyo Techで共に学んだ (1972)");

        // Through a hub, the step says why it counts.
        let mut through_hub = path.clone();
        through_hub.nodes[1].hub = true;
        let steps = describe(&through_hub, Lang::En);
        assert_eq!(steps[0].text, "studied together at Tokyo Tech (1972)");
        assert!(steps[0].through_hub);
        assert_eq!(
            path_lines(&through_hub, Lang::En)[1],
            "  └ studied together at Tokyo Tech (1972) — a hub: this step counts because both \
             ties to it began within a year of each other → Prasert"
        );
        let view = path_view(1, &through_hub, Lang::Vi);
        assert_eq!(view.nodes[1].hub, Some("đầu mối"));
        assert!(view.hub_note.is_some_and(|note| note.contains("đầu mối")));
        assert_eq!(path_view(1, &path, Lang::Vi).hub_note, None);
        assert_eq!(
            kyoso_service::words::chain_name(&through_hub.nodes[1], 1, 3, Lang::Th),
            "Tokyo Tech (ศูนย์กลาง: ความสัมพันธ์เริ่มห่างกันไม่เกินหนึ่งปี)"
        );
        assert_eq!(
            kyoso_service::words::chain_name(&through_hub.nodes[1], 2, 3, Lang::En),
            "Tokyo Tech"
        );
    }
}
