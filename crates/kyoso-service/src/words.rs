//! What the pages and the command line both say in words, from the message
//! files: the steps of a warm path, and a ranking as JSON with its reasons
//! told in the reader's language.

use kyoso_domain::{EntityKind, Link, Stored, Tie, TieKind};
use kyoso_i18n::{Arg, Lang};
use kyoso_network::hubs::narrow;
use serde_json::{Value, json};

use crate::matching::{Ranking, explain};
use crate::network::{NodeSummary, WarmPath};

/// One step of a path as a reader sees it: the records it joins (indexes
/// into the path's nodes) and what joins them.
#[derive(Debug, Clone, PartialEq)]
pub struct StepText {
    pub from: usize,
    pub to: usize,
    pub text: String,
    /// Whether the step passes through a hub, between ties begun within a
    /// year of each other (`path_lines` says why that counts).
    pub through_hub: bool,
}

/// Why a step through a hub counts, in words.
fn hub_note(lang: Lang) -> &'static str {
    lang.text("network-hub-narrowed")
}

/// A record's name in the reader's script.
pub fn name(node: &NodeSummary, lang: Lang) -> String {
    node.names.display(lang.code()).to_owned()
}

/// The name of the record at `at` in a chain of `len` records, marked
/// where the chain passes through a hub (see `kyoso_network::hubs`).
pub fn chain_name(node: &NodeSummary, at: usize, len: usize, lang: Lang) -> String {
    let plain = name(node, lang);
    if node.hub && at > 0 && at + 1 < len {
        lang.format("network-hub-passed", &[("name", Arg::Text(&plain))])
    } else {
        plain
    }
}

fn years(ties: &[Stored<Tie<Link>>]) -> Vec<i32> {
    let mut years: Vec<i32> = ties.iter().map(|t| t.record.start.year()).collect();
    years.sort_unstable();
    years.dedup();
    years
}

fn with_years(text: String, years: &[i32]) -> String {
    if years.is_empty() {
        return text;
    }
    let years: Vec<String> = years.iter().map(i32::to_string).collect();
    format!("{text} ({})", years.join(", "))
}

/// What a tie of `kind` says, read from its first end (`forward`) or from
/// its second: "studied at", "where studied".
pub fn verb(kind: TieKind, forward: bool, lang: Lang) -> &'static str {
    let direction = if forward { "forward" } else { "backward" };
    lang.text(&format!(
        "network-verb-{}-{direction}",
        kind.as_str().replace('_', "-")
    ))
}

/// The message for two people tied the same way to one organization, if
/// the kind has one: "together" when they began the same year.
fn together_message(kind: TieKind, same_year: bool) -> Option<&'static str> {
    Some(match (kind, same_year) {
        (TieKind::StudiedAt, true) => "network-studied-together",
        (TieKind::StudiedAt, false) => "network-studied-both",
        (TieKind::TrainedAt, true) => "network-trained-together",
        (TieKind::TrainedAt, false) => "network-trained-both",
        (TieKind::EmployedBy, true) => "network-worked-together",
        (TieKind::EmployedBy, false) => "network-worked-both",
        (TieKind::MemberOf, _) => "network-members-together",
        (TieKind::Founded, true) => "network-founded-together",
        (TieKind::Founded, false) => "network-founded-both",
        (TieKind::HostedIntern, _) => "network-interns-together",
        (TieKind::Attended, _) => "network-attended-together",
        _ => return None,
    })
}

/// What joins each step of `path`, in words. Two people tied the same way
/// to one organization read as one step: "studied together at Tokyo Tech (1972)".
pub fn describe(path: &WarmPath, lang: Lang) -> Vec<StepText> {
    let mut steps = Vec::new();
    let mut i = 0;
    while i < path.steps.len() {
        if let Some(step) = together(path, i, lang) {
            steps.push(step);
            i += 2;
            continue;
        }
        let ties = &path.steps[i].ties;
        let from = path.nodes[i].uid;
        let mut verbs: Vec<&str> = ties
            .iter()
            .map(|tie| verb(tie.record.kind, tie.record.from.key.uid == from, lang))
            .collect();
        verbs.dedup();
        steps.push(StepText {
            from: i,
            to: i + 1,
            text: with_years(verbs.join(" · "), &years(ties)),
            through_hub: i + 2 < path.nodes.len() && path.nodes[i + 1].hub,
        });
        i += 1;
    }
    steps
}

/// Steps `i` and `i + 1` as one, if they pass from a person through an
/// organization or an event to a person by ties of one kind.
fn together(path: &WarmPath, i: usize, lang: Lang) -> Option<StepText> {
    let (a, org, b) = (
        path.nodes.get(i)?,
        path.nodes.get(i + 1)?,
        path.nodes.get(i + 2)?,
    );
    if a.kind != EntityKind::Person
        || org.kind == EntityKind::Person
        || b.kind != EntityKind::Person
    {
        return None;
    }
    let (first, second) = (&path.steps[i].ties, &path.steps.get(i + 1)?.ties);
    let kind: TieKind = first
        .iter()
        .map(|t| t.record.kind)
        .find(|k| second.iter().any(|t| t.record.kind == *k))?;
    let day = |tie: &Stored<Tie<Link>>| tie.record.start.first_day().to_julian_day();
    // Through a hub, only the ties begun near one on the other side made
    // the step: they are the ones to date it by.
    let counts = |tie: &Stored<Tie<Link>>, others: &[Stored<Tie<Link>>]| {
        tie.record.kind == kind
            && (!org.hub
                || (others.iter())
                    .any(|other| other.record.kind == kind && narrow(day(tie), day(other))))
    };
    let both: Vec<Stored<Tie<Link>>> = (first.iter().filter(|t| counts(t, second)))
        .chain(second.iter().filter(|t| counts(t, first)))
        .cloned()
        .collect();
    if both.is_empty() {
        return None;
    }
    let years = years(&both);
    let message = together_message(kind, years.len() <= 1)?;
    let text = lang.format(message, &[("organization", Arg::Text(&name(org, lang)))]);
    Some(StepText {
        from: i,
        to: i + 2,
        text: with_years(text, &years),
        through_hub: org.hub,
    })
}

/// A path in plain lines, for the command line.
pub fn path_lines(path: &WarmPath, lang: Lang) -> Vec<String> {
    let node = |i: usize| {
        let n = &path.nodes[i];
        match n.country {
            Some(c) => format!("{} ({})", name(n, lang), c.as_str()),
            None => name(n, lang),
        }
    };
    let mut lines = vec![node(0)];
    for step in describe(path, lang) {
        let text = if step.through_hub {
            format!("{} — {}", step.text, hub_note(lang))
        } else {
            step.text
        };
        lines.push(format!("  └ {text} → {}", node(step.to)));
    }
    lines
}

/// A record as JSON names it.
pub fn node_json(node: &NodeSummary) -> Value {
    json!({
        "id": node.uid,
        "kind": node.kind,
        "names": node.names,
        "country": node.country.map(|c| c.as_str().to_owned()),
        "hub": node.hub,
    })
}

/// A ranking as JSON: every candidate with its score, its reasons as data
/// and in words, and its warm path.
pub fn ranking_json(ranking: &Ranking, lang: Lang) -> Value {
    json!({
        "need": ranking.need,
        "pool": ranking.pool,
        "weights": ranking.weights,
        "candidates": ranking.candidates.iter().map(|c| json!({
            "rank": c.rank,
            "kind": c.candidate.kind,
            "id": c.candidate.uid,
            "title": c.title,
            "names": c.names,
            "country": c.country.map(|c| c.as_str().to_owned()),
            "score": c.score,
            "hops": c.hops,
            "reasons": c.reasons.iter().map(|r| {
                let mut data = json!(r);
                data["words"] = json!(explain(r, lang));
                data
            }).collect::<Vec<_>>(),
            "path": c.path.iter().map(node_json).collect::<Vec<_>>(),
            "provider": c.provider.as_ref().map(node_json),
            "champion": c.champion.as_ref().map(|ch| json!({
                "person": node_json(&ch.person),
                "score": ch.score,
                "hops_from_provider": ch.hops_from_provider,
            })),
            "match": c.matched,
            "constraints": c.constraints.iter().map(|h| {
                let mut data = json!(h);
                data["words"] = json!(crate::matching::explain_holds(h, lang));
                data
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}
