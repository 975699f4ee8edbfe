//! A person's ego network drawn as SVG: the person in the middle, the people
//! and organizations they are tied to around them, grouped by kind of tie.

use askama::Template;
use kyoso_domain::{EntityKind, TieKind, Uid};

/// One neighbor of the person in the middle.
#[derive(Debug, Clone)]
pub(crate) struct Neighbor {
    pub(crate) uid: Uid,
    pub(crate) kind: EntityKind,
    pub(crate) name: String,
    pub(crate) tie: TieKind,
    pub(crate) tie_label: String,
    pub(crate) strength: Option<f64>,
}

#[derive(Debug)]
pub(crate) struct Node {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) label_x: f64,
    pub(crate) label_y: f64,
    pub(crate) anchor: &'static str,
    pub(crate) label: String,
    pub(crate) title: String,
    pub(crate) href: String,
    pub(crate) fill: &'static str,
    pub(crate) organization: bool,
    pub(crate) center: bool,
}

#[derive(Debug)]
pub(crate) struct Edge {
    pub(crate) x1: f64,
    pub(crate) y1: f64,
    pub(crate) x2: f64,
    pub(crate) y2: f64,
    pub(crate) color: &'static str,
    pub(crate) width: f64,
    pub(crate) label: String,
}

#[derive(Template)]
#[template(path = "network.svg", escape = "xml")]
pub(crate) struct NetworkSvg {
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) title: String,
    pub(crate) nodes: Vec<Node>,
    pub(crate) edges: Vec<Edge>,
}

/// The most neighbors drawn; beyond that the strongest are kept.
pub(crate) const MAX_NEIGHBORS: usize = 40;

fn color(kind: TieKind) -> &'static str {
    match kind {
        TieKind::StudiedAt => "#4e79a7",
        TieKind::TrainedAt => "#f28e2b",
        TieKind::EmployedBy => "#59a14f",
        TieKind::MemberOf => "#b07aa1",
        TieKind::Founded => "#e15759",
        TieKind::Mentored => "#76b7b2",
        TieKind::HostedIntern => "#edc948",
        TieKind::PartneredWith => "#9c755f",
        TieKind::Supervises => "#bab0ac",
        TieKind::MetAt => "#ff9da7",
        TieKind::Attended => "#8cd17d",
    }
}

fn short(name: &str) -> String {
    const MAX: usize = 22;
    match name.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &name[..cut]),
        None => name.to_owned(),
    }
}

/// Lays the neighbors out on a circle, grouped by kind of tie.
pub(crate) fn draw(center: (Uid, &str), mut neighbors: Vec<Neighbor>, title: String) -> NetworkSvg {
    let (width, height) = (640u32, 480u32);
    let (cx, cy) = (f64::from(width) / 2.0, f64::from(height) / 2.0);
    neighbors.sort_by(|a, b| {
        b.strength
            .unwrap_or(0.5)
            .total_cmp(&a.strength.unwrap_or(0.5))
            .then_with(|| a.name.cmp(&b.name))
    });
    neighbors.truncate(MAX_NEIGHBORS);
    neighbors.sort_by(|a, b| a.tie.cmp(&b.tie).then_with(|| a.name.cmp(&b.name)));
    let radius = 170.0;
    let count = neighbors.len().max(1) as f64;
    let mut nodes = Vec::with_capacity(neighbors.len() + 1);
    let mut edges = Vec::with_capacity(neighbors.len());
    for (i, n) in neighbors.iter().enumerate() {
        let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / count;
        // A tenth of a pixel is precision enough, and keeps the file small.
        let round = |v: f64| (v * 10.0).round() / 10.0;
        let (x, y) = (
            round(cx + radius * angle.cos()),
            round(cy + radius * angle.sin()),
        );
        let right = angle.cos() >= 0.0;
        edges.push(Edge {
            x1: cx,
            y1: cy,
            x2: x,
            y2: y,
            color: color(n.tie),
            width: 1.0 + 2.0 * n.strength.unwrap_or(0.3),
            label: format!("{} — {}", n.tie_label, n.name),
        });
        nodes.push(Node {
            x,
            y,
            label_x: x + if right { 11.0 } else { -11.0 },
            label_y: y + 4.0,
            anchor: if right { "start" } else { "end" },
            label: short(&n.name),
            title: format!("{} ({})", n.name, n.tie_label),
            href: crate::view::href(n.kind, n.uid),
            fill: color(n.tie),
            organization: n.kind == EntityKind::Organization,
            center: false,
        });
    }
    nodes.push(Node {
        x: cx,
        y: cy,
        label_x: cx,
        label_y: cy + 28.0,
        anchor: "middle",
        label: short(center.1),
        title: center.1.to_owned(),
        href: format!("/people/{}", center.0),
        fill: "#1d1d1b",
        organization: false,
        center: true,
    });
    NetworkSvg {
        width,
        height,
        title,
        nodes,
        edges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbors_go_round_the_center_and_text_is_escaped() {
        let neighbors: Vec<Neighbor> = (0..50)
            .map(|i| Neighbor {
                uid: Uid::new(),
                kind: if i % 2 == 0 {
                    EntityKind::Person
                } else {
                    EntityKind::Organization
                },
                name: format!("<Name {i}> & co"),
                tie: TieKind::MetAt,
                tie_label: "met".into(),
                strength: Some(f64::from(i) / 50.0),
            })
            .collect();
        let svg = draw((Uid::new(), "สมชาย ใจดี"), neighbors, "ego".into());
        assert_eq!(svg.nodes.len(), MAX_NEIGHBORS + 1);
        let text = svg.render().unwrap();
        assert!(text.starts_with("<svg"));
        assert!(text.contains("สมชาย ใจดี"));
        assert!(
            text.contains("&#60;Name 49&#62; &#38; co"),
            "labels are escaped"
        );
        assert!(!text.contains("<Name"));
    }
}
