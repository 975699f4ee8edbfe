//! Walking the graph: hop distances and connected components.

use std::collections::HashMap;

use crate::graph::{Graph, NodeId};
use crate::hubs;

/// The distance of a node that cannot be reached.
pub const UNREACHABLE: u32 = u32::MAX;

/// Hops from `source` to every node, by breadth-first search;
/// [`UNREACHABLE`] where there is no path.
///
/// # Panics
/// If `source` is not a node of `graph`.
pub fn distances(graph: &Graph, source: NodeId) -> Vec<u32> {
    let mut distance = vec![UNREACHABLE; graph.node_count()];
    // The frontier is a slice of one queue: nodes are appended as they are
    // found and read in order, so the queue is the visiting order.
    let mut queue = Vec::with_capacity(graph.node_count());
    distance[source as usize] = 0;
    queue.push(source);
    let mut head = 0;
    while let Some(&node) = queue.get(head) {
        head += 1;
        let next = distance[node as usize] + 1;
        for &neighbor in graph.targets(node) {
            let seen = &mut distance[neighbor as usize];
            if *seen == UNREACHABLE {
                *seen = next;
                queue.push(neighbor);
            }
        }
    }
    distance
}

/// Hop distances from one node, as far as [`within`] looked.
#[derive(Debug, Clone)]
pub struct Near {
    /// By node: the distance, or [`Near::UNKNOWN`].
    hops: Vec<u8>,
    found: usize,
    source: NodeId,
    day: i32,
    /// By hub and the step at which a walk came into it: the days the ties
    /// it came in by began, sorted. A hub's own distance is its shortest,
    /// but a walk may pass through it at a later step, by a tie in begun
    /// near a tie out that its nearest ways in do not allow.
    arrivals: HashMap<(NodeId, u8), Vec<i32>>,
}

impl Near {
    const UNKNOWN: u8 = u8::MAX;

    /// The distance of `node`, if `within` reached it.
    pub fn hops(&self, node: NodeId) -> Option<u8> {
        self.hops
            .get(node as usize)
            .copied()
            .filter(|&h| h != Near::UNKNOWN)
    }

    /// How many nodes were reached, the source included.
    pub fn len(&self) -> usize {
        self.found
    }

    pub fn is_empty(&self) -> bool {
        self.found == 0
    }

    /// Whether a walk stands at `node` after `step` steps and may go on
    /// from it by a tie begun on `leaving`: the source at step 0; another
    /// record at its distance; a hub where it was come into at that step
    /// by a tie begun near `leaving`.
    fn stands(&self, graph: &Graph, node: NodeId, step: u8, leaving: i32) -> bool {
        if node == self.source {
            return step == 0;
        }
        let Some(within) = graph.hub_within(node) else {
            return self.hops(node) == Some(step);
        };
        self.arrivals
            .get(&(node, step))
            .is_some_and(|days| hubs::any_narrow(days, leaving, within))
    }

    /// A shortest chain from the source to `node`, source first, through
    /// nodes that were reached; each step back takes the strongest tie,
    /// then the most recent, then the lowest node, among those that pass
    /// through hubs as [`crate::hubs`] allows. Empty if `node` was not
    /// reached. Costs the degrees along the chain, not a search.
    pub fn chain(&self, graph: &Graph, node: NodeId) -> Vec<NodeId> {
        let Some(mut hops) = self.hops(node) else {
            return Vec::new();
        };
        let mut chain = vec![node];
        let mut at = node;
        // The day the tie out of `at`, towards `node`, began.
        let mut leaving: Option<i32> = None;
        while hops > 0 {
            let back = graph
                .neighbors(at)
                .iter()
                .filter(|n| n.since <= self.day)
                // Through a hub, a tie in begun near the tie out.
                .filter(|n| leaving.is_none_or(|out| hubs::passes(graph, at, Some(n.since), out)))
                .filter(|n| self.stands(graph, n.node, hops - 1, n.since))
                .max_by(|a, b| {
                    a.weight
                        .total_cmp(&b.weight)
                        .then(a.since.cmp(&b.since))
                        .then(b.node.cmp(&a.node))
                });
            let Some(back) = back else {
                // Cannot happen: a node at distance h was reached from one at h - 1.
                return Vec::new();
            };
            at = back.node;
            leaving = Some(back.since);
            hops -= 1;
            chain.push(at);
        }
        chain.reverse();
        chain
    }
}

/// The nodes within `max_hops` of `source` and their distances (the source
/// itself at 0), walking only ties begun by `day`, only through nodes
/// `visible` allows (a node not visible is neither reached nor walked
/// through) and through hubs only as [`crate::hubs`] allows, nearest first
/// until `budget` nodes are found: three steps from a large organization
/// reach most of a network, and the nearest are what count.
/// Costs one byte per node of the graph and a visit per node found, and
/// a hub's ties again at each step a walk comes into it.
pub fn within(
    graph: &Graph,
    source: NodeId,
    max_hops: u8,
    day: i32,
    visible: &dyn Fn(NodeId) -> bool,
    budget: usize,
) -> Near {
    let mut near = Near {
        hops: vec![Near::UNKNOWN; graph.node_count()],
        found: 0,
        source,
        day,
        arrivals: HashMap::new(),
    };
    if (source as usize) >= graph.node_count() || budget == 0 {
        return near;
    }
    let max_hops = max_hops.min(Near::UNKNOWN - 1);
    near.hops[source as usize] = 0;
    near.found = 1;
    let mut frontier = vec![source];
    'walk: for hops in 1..=max_hops {
        let mut next = Vec::new();
        for &node in &frontier {
            // Passing through a hub, only the ties begun near one the walk
            // came in by.
            let came_in = match near.arrivals.get_mut(&(node, hops - 1)) {
                Some(days) if node != source => {
                    days.sort_unstable();
                    days.dedup();
                    Some(days.as_slice())
                }
                _ => None,
            };
            let (ties, ranges) = graph.ties_leaving(node, came_in);
            for neighbor in ranges.into_iter().flat_map(|range| &ties[range]) {
                if near.found >= budget {
                    break 'walk;
                }
                let to = neighbor.node;
                if neighbor.since > day {
                    continue;
                }
                if near.hops[to as usize] == Near::UNKNOWN {
                    if !visible(to) {
                        continue;
                    }
                    near.hops[to as usize] = hops;
                    near.found += 1;
                    next.push(to);
                }
                if to != source && graph.is_hub(to) {
                    let days = near.arrivals.entry((to, hops)).or_default();
                    if days.is_empty() && near.hops[to as usize] < hops {
                        // Come into again, later: walked again from here.
                        next.push(to);
                    }
                    days.push(neighbor.since);
                }
            }
        }
        frontier = next;
    }
    // What `chain` reads, sorted.
    for days in near.arrivals.values_mut() {
        days.sort_unstable();
    }
    near
}

/// The connected components: each node's component number (`0..count`,
/// numbered in order of their smallest node), and the count.
pub fn components(graph: &Graph) -> (Vec<u32>, u32) {
    const NONE: u32 = u32::MAX;
    let mut label = vec![NONE; graph.node_count()];
    let mut queue = Vec::new();
    let mut count = 0;
    for start in 0..graph.node_count() {
        if label[start] != NONE {
            continue;
        }
        label[start] = count;
        queue.clear();
        queue.push(start as NodeId);
        let mut head = 0;
        while let Some(&node) = queue.get(head) {
            head += 1;
            for &neighbor in graph.targets(node) {
                let seen = &mut label[neighbor as usize];
                if *seen == NONE {
                    *seen = count;
                    queue.push(neighbor);
                }
            }
        }
        count += 1;
    }
    (label, count)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::graph::tests::graph;

    #[test]
    fn a_path_and_an_island() {
        let g = graph(5, &[(0, 1), (1, 2), (2, 3)]);
        assert_eq!(distances(&g, 0), vec![0, 1, 2, 3, UNREACHABLE]);
        assert_eq!(components(&g), (vec![0, 0, 0, 0, 1], 2));
    }

    /// Hop distances of every pair by Floyd–Warshall, the slow sure way.
    fn all_pairs(nodes: usize, edges: &[(u32, u32)]) -> Vec<Vec<u32>> {
        let mut d = vec![vec![UNREACHABLE; nodes]; nodes];
        for (v, row) in d.iter_mut().enumerate() {
            row[v] = 0;
        }
        for &(a, b) in edges {
            if a != b {
                d[a as usize][b as usize] = 1;
                d[b as usize][a as usize] = 1;
            }
        }
        for k in 0..nodes {
            for i in 0..nodes {
                for j in 0..nodes {
                    let via = d[i][k].saturating_add(d[k][j]);
                    if via < d[i][j] {
                        d[i][j] = via;
                    }
                }
            }
        }
        d
    }

    fn small_graph() -> impl Strategy<Value = (usize, Vec<(u32, u32)>)> {
        (1usize..24).prop_flat_map(|n| {
            let node = 0..n as u32;
            (Just(n), prop::collection::vec((node.clone(), node), 0..60))
        })
    }

    proptest! {
        #[test]
        fn breadth_first_distances_are_the_shortest((nodes, edges) in small_graph()) {
            let g = graph(nodes, &edges);
            let expected = all_pairs(nodes, &edges);
            for (source, row) in expected.iter().enumerate() {
                prop_assert_eq!(&distances(&g, source as u32), row);
            }
        }

        #[test]
        fn within_hops_agrees_with_full_distances((nodes, edges) in small_graph(), max in 0u8..4) {
            let g = graph(nodes, &edges);
            let expected = all_pairs(nodes, &edges);
            let near = within(&g, 0, max, i32::MAX, &|_| true, usize::MAX);
            for (v, &d) in expected[0].iter().enumerate() {
                let listed = near.hops(v as u32).map(u32::from);
                prop_assert_eq!(listed, (d <= u32::from(max)).then_some(d));
                // The chain back is a shortest path, tie by tie.
                let chain = near.chain(&g, v as u32);
                if listed.is_some() {
                    prop_assert_eq!(chain.len() as u32, d + 1);
                    prop_assert_eq!(chain[0], 0);
                    prop_assert_eq!(*chain.last().unwrap(), v as u32);
                    for pair in chain.windows(2) {
                        prop_assert!(g.targets(pair[0]).contains(&pair[1]));
                    }
                } else {
                    prop_assert!(chain.is_empty());
                }
            }
            // A budget keeps the nearest: every node listed is at its true
            // distance, and none left out is nearer than one listed.
            let few = within(&g, 0, max, i32::MAX, &|_| true, 3);
            prop_assert!(few.len() <= 3);
            let farthest = (0..nodes as u32).filter_map(|v| few.hops(v)).max().unwrap_or(0);
            for (v, &d) in expected[0].iter().enumerate() {
                match few.hops(v as u32) {
                    Some(h) => prop_assert_eq!(u32::from(h), d),
                    None => prop_assert!(d >= u32::from(farthest) || d > u32::from(max)),
                }
            }
        }

        #[test]
        fn components_join_exactly_the_reachable((nodes, edges) in small_graph()) {
            let g = graph(nodes, &edges);
            let (label, count) = components(&g);
            let reach = all_pairs(nodes, &edges);
            for a in 0..nodes {
                prop_assert!(label[a] < count);
                for b in 0..nodes {
                    prop_assert_eq!(label[a] == label[b], reach[a][b] != UNREACHABLE);
                }
            }
        }
    }
}
