//! Warm introduction paths: the best few chains of people who know each
//! other, from one record to another.
//!
//! A step's cost is one hop plus a penalty for a weak tie and for an old
//! one, so that fewer introductions never lose and, among chains
//! of the same length, strong and recent ties win:
//!
//! `cost = 1 + STRENGTH_PENALTY × (1 − strength) + AGE_PENALTY × min(age, 30 years) / 30 years`
//!
//! A hop costs between 1 and 1 + [`STRENGTH_PENALTY`] + [`AGE_PENALTY`], so a
//! two-step chain of the weakest, oldest ties costs no more than any
//! three-step one.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, HashSet};

use crate::graph::{Graph, Neighbor, NodeId};

/// What a tie of no strength adds to a step.
pub const STRENGTH_PENALTY: f64 = 0.3;
/// What a tie of thirty years or more adds to a step.
pub const AGE_PENALTY: f64 = 0.2;
/// The age past which a tie counts as no older.
const AGE_CAP_DAYS: f64 = 30.0 * 365.25;

/// A chain of records from the first to the last, each tied to the next.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub nodes: Vec<NodeId>,
    /// The sum of the steps' costs.
    pub cost: f64,
}

/// The cost of a step along `tie` on day `today`.
pub fn step_cost(tie: &Neighbor, today: i32) -> f64 {
    let strength = f64::from(tie.weight).clamp(0.0, 1.0);
    let age = f64::from(today.saturating_sub(tie.since).max(0)).min(AGE_CAP_DAYS);
    1.0 + STRENGTH_PENALTY * (1.0 - strength) + AGE_PENALTY * age / AGE_CAP_DAYS
}

/// Up to `k` best simple paths from `from` to `to`, cheapest first, through
/// records that `visible` allows only (both ends included): a path never
/// passes through a record the asker may not see. Yen's algorithm over
/// Dijkstra's.
pub fn warm_paths(
    graph: &Graph,
    from: NodeId,
    to: NodeId,
    k: usize,
    today: i32,
    visible: &dyn Fn(NodeId) -> bool,
) -> Vec<Path> {
    let n = graph.node_count() as u64;
    if k == 0 || u64::from(from) >= n || u64::from(to) >= n || !visible(from) || !visible(to) {
        return Vec::new();
    }
    let search = Search {
        graph,
        today,
        visible,
    };
    let Some(first) = search.cheapest(from, to, &HashSet::new(), &HashSet::new()) else {
        return Vec::new();
    };
    let mut found = vec![first];
    let mut candidates: BinaryHeap<Candidate> = BinaryHeap::new();
    let mut offered: HashSet<Vec<NodeId>> = HashSet::new();
    while found.len() < k {
        let last = found[found.len() - 1].clone();
        for spur_at in 0..last.nodes.len() - 1 {
            let root = &last.nodes[..=spur_at];
            let spur = root[spur_at];
            // Leave the ways the paths found so far went on from this root.
            let banned_ties: HashSet<(NodeId, NodeId)> = found
                .iter()
                .filter(|p| p.nodes.len() > spur_at + 1 && p.nodes[..=spur_at] == *root)
                .map(|p| (p.nodes[spur_at], p.nodes[spur_at + 1]))
                .collect();
            let banned_nodes: HashSet<NodeId> = root[..spur_at].iter().copied().collect();
            let Some(rest) = search.cheapest(spur, to, &banned_nodes, &banned_ties) else {
                continue;
            };
            let mut nodes = root[..spur_at].to_vec();
            nodes.extend(&rest.nodes);
            if offered.insert(nodes.clone()) {
                let cost = search.cost_of(&nodes);
                candidates.push(Candidate(Path { nodes, cost }));
            }
        }
        match candidates.pop() {
            Some(Candidate(next)) => found.push(next),
            None => break,
        }
    }
    found
}

struct Search<'g> {
    graph: &'g Graph,
    today: i32,
    visible: &'g dyn Fn(NodeId) -> bool,
}

impl Search<'_> {
    fn tie(&self, a: NodeId, b: NodeId) -> Option<&Neighbor> {
        let list = self.graph.neighbors(a);
        list.binary_search_by_key(&b, |x| x.node)
            .ok()
            .map(|at| &list[at])
    }

    fn cost_of(&self, nodes: &[NodeId]) -> f64 {
        nodes
            .windows(2)
            .filter_map(|pair| self.tie(pair[0], pair[1]))
            .map(|tie| step_cost(tie, self.today))
            .sum()
    }

    /// The cheapest path from `from` to `to`, avoiding the nodes and
    /// directed steps given: Dijkstra's search from both ends at once,
    /// which in a network of millions meets after a few thousand records
    /// instead of reaching them all.
    fn cheapest(
        &self,
        from: NodeId,
        to: NodeId,
        banned_nodes: &HashSet<NodeId>,
        banned_ties: &HashSet<(NodeId, NodeId)>,
    ) -> Option<Path> {
        if from == to {
            return Some(Path {
                nodes: vec![from],
                cost: 0.0,
            });
        }
        // For each side: the best cost found to a node and the node before
        // it on that side's way.
        let mut reached = [HashMap::new(), HashMap::new()];
        let mut queues = [BinaryHeap::new(), BinaryHeap::new()];
        for (side, start) in [from, to].into_iter().enumerate() {
            reached[side].insert(start, (0.0, start));
            queues[side].push(Reached(0.0, start));
        }
        let mut best = f64::INFINITY;
        let mut meeting = None;
        while let (Some(forward), Some(backward)) = (queues[0].peek(), queues[1].peek()) {
            // No path through a node not yet taken can beat the best one.
            if forward.0 + backward.0 >= best {
                break;
            }
            let side = usize::from(backward.0 < forward.0);
            let Some(Reached(so_far, node)) = queues[side].pop() else {
                break;
            };
            if reached[side].get(&node).is_some_and(|(c, _)| so_far > *c) {
                continue;
            }
            for tie in self.graph.neighbors(node) {
                let next = tie.node;
                // The step as walked from `from` to `to`.
                let step = if side == 0 {
                    (node, next)
                } else {
                    (next, node)
                };
                if banned_nodes.contains(&next)
                    || banned_ties.contains(&step)
                    || !(self.visible)(next)
                {
                    continue;
                }
                let through = so_far + step_cost(tie, self.today);
                if reached[side].get(&next).is_none_or(|(c, _)| through < *c) {
                    reached[side].insert(next, (through, node));
                    queues[side].push(Reached(through, next));
                    if let Some((other, _)) = reached[1 - side].get(&next)
                        && through + other < best
                    {
                        best = through + other;
                        meeting = Some(next);
                    }
                }
            }
        }
        let meeting = meeting?;
        let walk = |side: usize| {
            let mut nodes = vec![meeting];
            let mut at = meeting;
            while let Some(&(_, before)) = reached[side].get(&at) {
                if before == at {
                    break;
                }
                nodes.push(before);
                at = before;
            }
            nodes
        };
        let mut nodes = walk(0);
        nodes.reverse();
        nodes.extend(walk(1).into_iter().skip(1));
        Some(Path { nodes, cost: best })
    }
}

/// A node reached at a cost; the heap pops the cheapest first.
struct Reached(f64, NodeId);

impl PartialEq for Reached {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Reached {}
impl PartialOrd for Reached {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Reached {
    fn cmp(&self, other: &Self) -> Ordering {
        other.0.total_cmp(&self.0).then(other.1.cmp(&self.1))
    }
}

/// A path not yet taken; the heap pops the cheapest, then the shortest.
struct Candidate(Path);

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Candidate {}
impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .0
            .cost
            .total_cmp(&self.0.cost)
            .then_with(|| other.0.nodes.cmp(&self.0.nodes))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::GraphBuilder;

    const TODAY: i32 = 20_000;

    #[test]
    fn fewer_introductions_first_then_stronger_and_newer_ties() {
        // 0 — 1 — 3 strong and recent; 0 — 2 — 3 weak and old; 0 — 4 — 5 — 3.
        let mut b = GraphBuilder::new(6);
        b.add_edge(0, 1, 1.0, TODAY);
        b.add_edge(1, 3, 1.0, TODAY);
        b.add_edge(0, 2, 0.0, 0);
        b.add_edge(2, 3, 0.0, 0);
        b.add_edge(0, 4, 1.0, TODAY);
        b.add_edge(4, 5, 1.0, TODAY);
        b.add_edge(5, 3, 1.0, TODAY);
        let g = b.build();
        let paths = warm_paths(&g, 0, 3, 5, TODAY, &|_| true);
        let nodes: Vec<_> = paths.iter().map(|p| p.nodes.clone()).collect();
        assert_eq!(nodes, vec![vec![0, 1, 3], vec![0, 2, 3], vec![0, 4, 5, 3]]);
        assert!((paths[0].cost - 2.0).abs() < 1e-12);
        // Both ties are weak and older than the thirty years counted.
        assert!((paths[1].cost - 2.0 * (1.0 + STRENGTH_PENALTY + AGE_PENALTY)).abs() < 1e-9);
    }

    #[test]
    fn a_path_never_passes_through_a_hidden_record() {
        let mut b = GraphBuilder::new(4);
        b.add_edge(0, 1, 1.0, TODAY);
        b.add_edge(1, 3, 1.0, TODAY);
        b.add_edge(0, 2, 0.1, 0);
        b.add_edge(2, 3, 0.1, 0);
        let g = b.build();
        let paths = warm_paths(&g, 0, 3, 3, TODAY, &|node| node != 1);
        assert_eq!(paths.len(), 1);
        assert_eq!(paths[0].nodes, vec![0, 2, 3]);
        assert!(warm_paths(&g, 0, 3, 3, TODAY, &|node| node != 3).is_empty());
    }

    /// Every simple path's cost, by depth-first search: the slow sure way.
    fn all_simple_costs(
        g: &Graph,
        from: NodeId,
        to: NodeId,
        visible: &dyn Fn(NodeId) -> bool,
    ) -> Vec<f64> {
        fn walk(
            g: &Graph,
            at: NodeId,
            to: NodeId,
            cost: f64,
            on: &mut Vec<NodeId>,
            out: &mut Vec<f64>,
            visible: &dyn Fn(NodeId) -> bool,
        ) {
            if at == to {
                out.push(cost);
                return;
            }
            for tie in g.neighbors(at) {
                if !on.contains(&tie.node) && visible(tie.node) {
                    on.push(tie.node);
                    walk(
                        g,
                        tie.node,
                        to,
                        cost + step_cost(tie, TODAY),
                        on,
                        out,
                        visible,
                    );
                    on.pop();
                }
            }
        }
        let mut out = Vec::new();
        if visible(from) && visible(to) {
            walk(g, from, to, 0.0, &mut vec![from], &mut out, visible);
        }
        out.sort_by(f64::total_cmp);
        out
    }

    proptest! {
        #[test]
        fn the_k_best_paths_are_the_k_cheapest_simple_paths(
            (nodes, edges, hidden) in (2usize..8).prop_flat_map(|n| (
                Just(n),
                prop::collection::vec((0..n as u32, 0..n as u32, 0.0f32..=1.0, 0i32..TODAY), 0..16),
                prop::collection::vec(0..n as u32, 0..2),
            )),
            k in 1usize..6,
        ) {
            let mut b = GraphBuilder::new(nodes);
            for &(a, c, w, since) in &edges {
                b.add_edge(a, c, w, since);
            }
            let g = b.build();
            let visible = |node: NodeId| node == 0 || node == 1 || !hidden.contains(&node);
            let expected = all_simple_costs(&g, 0, 1, &visible);
            let paths = warm_paths(&g, 0, 1, k, TODAY, &visible);
            prop_assert_eq!(paths.len(), expected.len().min(k));
            for (path, want) in paths.iter().zip(&expected) {
                prop_assert!((path.cost - want).abs() < 1e-9, "{} vs {}", path.cost, want);
                prop_assert_eq!(path.nodes.first(), Some(&0));
                prop_assert_eq!(path.nodes.last(), Some(&1));
                let distinct: HashSet<_> = path.nodes.iter().collect();
                prop_assert_eq!(distinct.len(), path.nodes.len(), "simple");
                prop_assert!(path.nodes.iter().all(|n| visible(*n)));
            }
            let distinct: HashSet<_> = paths.iter().map(|p| p.nodes.clone()).collect();
            prop_assert_eq!(distinct.len(), paths.len(), "no path twice");
        }
    }
}
