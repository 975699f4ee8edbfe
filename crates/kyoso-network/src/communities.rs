//! Communities: groups of records tied more closely among themselves than
//! to the rest of the network, found by the Louvain method and measured by
//! modularity.
//!
//! Louvain (Blondel et al. 2008) alternates two steps. *Local moving*: each
//! node in turn joins the neighbouring community that raises modularity the
//! most, until no move helps. *Aggregation*: each community becomes one node
//! of a smaller graph, its inner ties a loop, its ties to another community
//! one tie of their summed weight. The two repeat on the smaller graph until
//! a round moves nothing.
//!
//! What makes it fast on a million records (Traag et al. 2019, "From
//! Louvain to Leiden", §"fast local move"): nodes are visited in a seeded
//! random order from a queue, and a node goes back on the queue only when a
//! neighbour has just moved to a community other than the node's own, so
//! settled regions cost nothing. Weights toward neighbouring communities
//! are gathered in one dense array indexed by community, reset through the
//! list of entries touched; no hash map in the inner loop. The first level walks the
//! caller's [`Graph`] itself; only the aggregated levels, far smaller, are
//! copied into arrays of their own.
//!
//! Modularity here is the standard weighted one, as networkx's
//! `community.modularity(G, parts, weight="weight", resolution=γ)` computes
//! it: with `m` the total tie weight, `L_c` the weight of the ties inside
//! community `c` and `d_c` the summed weighted degree of its members,
//! `Q = Σ_c L_c / m − γ (d_c / 2m)²`.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use crate::generate::SplitMix64;
use crate::graph::Graph;

/// How to look for communities.
#[derive(Debug, Clone, Copy)]
pub struct CommunityOptions<'a> {
    /// The resolution γ: 1.0 is standard modularity; above it favours more,
    /// smaller communities, below it fewer, larger ones. A resolution that is
    /// not a finite number leaves every node in a community of its own.
    pub resolution: f64,
    /// The seed of the order nodes are visited in: the same graph and seed
    /// give the same partition.
    pub seed: u64,
    /// When to stop and return the best partition found so far.
    pub deadline: Option<Instant>,
    /// Set by another thread to stop the run early, like the deadline.
    pub cancel: Option<&'a AtomicBool>,
}

impl Default for CommunityOptions<'_> {
    fn default() -> Self {
        CommunityOptions {
            resolution: 1.0,
            seed: 0,
            deadline: None,
            cancel: None,
        }
    }
}

/// The nodes split into communities.
#[derive(Debug, Clone, PartialEq)]
pub struct Partition {
    /// Each node's community, numbered `0..count` in order of their
    /// smallest member: node 0 is always in community 0.
    pub community: Vec<u32>,
    pub count: u32,
    /// The partition's modularity at the resolution asked for, exactly as
    /// [`modularity`] gives it.
    pub modularity: f64,
    /// How many rounds of local moving changed the partition: the depth of
    /// the hierarchy Louvain built.
    pub levels: u32,
    /// False when the deadline or the cancel flag cut the run short. The
    /// partition is then the best found so far: every move made raised
    /// modularity, so it is never worse than where the run began.
    pub complete: bool,
}

/// Communities by Louvain's multilevel modularity optimisation, weighted by
/// the ties' weights (a tie of weight 1.0 everywhere is the unweighted
/// case). A weight that is negative or not finite counts as zero, here
/// and in [`modularity`] alike.
///
/// A node without ties stays in a community of its own; a graph without
/// ties comes back as all singletons with modularity 0.
pub fn communities(graph: &Graph, options: &CommunityOptions) -> Partition {
    let n = graph.node_count();
    let mut budget = Budget::new(options.deadline, options.cancel);
    // Louvain's result depends on the order nodes are visited in; on a
    // small graph a few orders cost little and the best is kept, so that
    // an unlucky order does not show.
    let tries = if graph.edge_count() <= SMALL_GRAPH_TIES {
        TRIES_ON_SMALL_GRAPHS
    } else {
        1
    };
    let mut best: Option<Partition> = None;
    for attempt in 0..tries {
        if attempt > 0 && budget.check_now() {
            break;
        }
        // Each node's community in the current level's numbering: at first
        // its own, then that of the aggregated node it was folded into.
        let mut assignment: Vec<u32> = (0..n as u32).collect();
        let mut levels = 0;
        let mut complete = !budget.check_now();
        if complete && options.resolution.is_finite() {
            let seed = options
                .seed
                .wrapping_add(attempt.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let (finished, rounds) = louvain(
                graph,
                options.resolution,
                seed,
                &mut assignment,
                &mut budget,
            );
            complete = finished;
            levels = rounds;
        }
        let (community, count) = numbered_by_smallest_member(&assignment);
        let modularity = modularity(graph, &community, options.resolution);
        let found = Partition {
            community,
            count: count as u32,
            modularity,
            levels,
            complete,
        };
        best = Some(match best {
            // A finished run beats a cut-short one; then the higher modularity.
            Some(kept)
                if (kept.complete, kept.modularity) >= (found.complete, found.modularity) =>
            {
                kept
            }
            _ => found,
        });
    }
    best.unwrap_or_else(|| Partition {
        community: (0..n as u32).collect(),
        count: n as u32,
        modularity: modularity(
            graph,
            &(0..n as u32).collect::<Vec<_>>(),
            options.resolution,
        ),
        levels: 0,
        complete: false,
    })
}

/// Graphs with at most this many ties get several visiting orders.
const SMALL_GRAPH_TIES: usize = 200_000;
/// How many visiting orders a small graph gets.
const TRIES_ON_SMALL_GRAPHS: u64 = 8;

/// The modularity of the partition that gives node `v` the community
/// `community[v]` (any numbers; only which nodes share one matters), at
/// resolution `resolution`. Zero for a graph without ties (or whose ties
/// all weigh nothing), where networkx would divide by zero.
///
/// # Panics
/// If `community` does not have one entry per node of `graph`.
pub fn modularity(graph: &Graph, community: &[u32], resolution: f64) -> f64 {
    assert_eq!(
        community.len(),
        graph.node_count(),
        "one community per node of the graph"
    );
    let (community, count) = numbered_by_smallest_member(community);
    // Per community: the weight of the ties inside, counted from both ends
    // (2 L_c), and the summed degree d_c.
    let mut inside = vec![0.0f64; count];
    let mut degree = vec![0.0f64; count];
    for (v, &c) in community.iter().enumerate() {
        let c = c as usize;
        for neighbor in graph.neighbors(v as u32) {
            let w = tie_weight(neighbor.weight);
            degree[c] += w;
            if community[neighbor.node as usize] as usize == c {
                inside[c] += w;
            }
        }
    }
    let twice_m: f64 = degree.iter().sum();
    if twice_m <= 0.0 {
        return 0.0;
    }
    let covered: f64 = inside.iter().sum::<f64>() / twice_m;
    let expected: f64 = degree.iter().map(|d| (d / twice_m) * (d / twice_m)).sum();
    covered - resolution * expected
}

/// A tie's weight as modularity counts it: what is not a finite,
/// non-negative number counts as no tie.
fn tie_weight(weight: f32) -> f64 {
    if weight.is_finite() && weight > 0.0 {
        f64::from(weight)
    } else {
        0.0
    }
}

/// Labels renumbered `0..count` in order of each label's first node, and
/// the count.
fn numbered_by_smallest_member(labels: &[u32]) -> (Vec<u32>, usize) {
    const NONE: u32 = u32::MAX;
    let mut next = 0u32;
    let mut fresh = |slot: &mut u32| {
        if *slot == NONE {
            *slot = next;
            next += 1;
        }
        *slot
    };
    let dense = if labels.iter().all(|&c| (c as usize) < labels.len()) {
        let mut number = vec![NONE; labels.len()];
        labels
            .iter()
            .map(|&c| fresh(&mut number[c as usize]))
            .collect()
    } else {
        // Labels chosen by a caller may be any numbers.
        let mut number: HashMap<u32, u32> = HashMap::new();
        labels
            .iter()
            .map(|&c| fresh(number.entry(c).or_insert(NONE)))
            .collect()
    };
    (dense, next as usize)
}

/// Runs Louvain's rounds, folding each level's communities into
/// `assignment`. Returns whether it ran to the end and how many rounds
/// moved nodes.
fn louvain(
    graph: &Graph,
    resolution: f64,
    seed: u64,
    assignment: &mut [u32],
    budget: &mut Budget,
) -> (bool, u32) {
    let mut random = SplitMix64::new(seed);
    let mut levels = 0;
    let mut aggregate: Option<Aggregate> = None;
    loop {
        let moved = match &aggregate {
            None => move_nodes(graph, resolution, &mut random, budget),
            Some(level) => move_nodes(level, resolution, &mut random, budget),
        };
        let Moved {
            community,
            count,
            changed,
        } = moved;
        if changed {
            levels += 1;
            for c in assignment.iter_mut() {
                *c = community[*c as usize];
            }
        }
        if budget.exhausted {
            return (false, levels);
        }
        if !changed {
            return (true, levels);
        }
        let next = match &aggregate {
            None => aggregate_level(graph, &community, count, budget),
            Some(level) => aggregate_level(level, &community, count, budget),
        };
        match next {
            Some(next) => aggregate = Some(next),
            None => return (false, levels),
        }
    }
}

/// One level of the hierarchy as local moving sees it: nodes, their ties to
/// other nodes, and the weight folded inside each.
trait Level {
    fn node_count(&self) -> usize;
    fn degree(&self, node: usize) -> usize;
    /// The weight of the ties folded inside `node`, counted from both ends
    /// as it counts toward the node's degree.
    fn inner(&self, node: usize) -> f64;
    /// Calls `visit(neighbour, weight)` for each tie of `node` to another
    /// node.
    fn for_each_tie(&self, node: usize, visit: impl FnMut(usize, f64));
}

impl Level for Graph {
    fn node_count(&self) -> usize {
        Graph::node_count(self)
    }

    fn degree(&self, node: usize) -> usize {
        Graph::degree(self, node as u32)
    }

    fn inner(&self, _node: usize) -> f64 {
        0.0
    }

    #[inline]
    fn for_each_tie(&self, node: usize, mut visit: impl FnMut(usize, f64)) {
        for neighbor in self.neighbors(node as u32) {
            visit(neighbor.node as usize, tie_weight(neighbor.weight));
        }
    }
}

/// A level past the first: each node a community of the level below, in
/// compressed adjacency form. Weights are summed in `f64` and stored as
/// `f32`, which halves the copy; the modularity reported is computed on the
/// caller's graph, so the rounding only nudges which moves look best.
#[derive(Debug)]
struct Aggregate {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f32>,
    inner: Vec<f64>,
}

impl Level for Aggregate {
    fn node_count(&self) -> usize {
        self.inner.len()
    }

    fn degree(&self, node: usize) -> usize {
        self.offsets[node + 1] - self.offsets[node]
    }

    fn inner(&self, node: usize) -> f64 {
        self.inner[node]
    }

    #[inline]
    fn for_each_tie(&self, node: usize, mut visit: impl FnMut(usize, f64)) {
        let span = self.offsets[node]..self.offsets[node + 1];
        for (&target, &weight) in self.targets[span.clone()].iter().zip(&self.weights[span]) {
            visit(target as usize, f64::from(weight));
        }
    }
}

/// What a round of local moving left: each node's community (numbered
/// `0..count` in order of their first node), and whether any node moved.
#[derive(Debug)]
struct Moved {
    community: Vec<u32>,
    count: usize,
    changed: bool,
}

/// Weights toward communities, gathered in one array indexed by community
/// and reset through the list of entries touched, so that gathering a
/// node's ties costs its degree and not the number of communities. (Local
/// moving does the same inline, beside each community's degree.)
#[derive(Debug)]
struct Tally {
    weight: Vec<f64>,
    touched: Vec<usize>,
}

impl Tally {
    /// Marks an entry not yet touched; weights are never negative.
    const UNTOUCHED: f64 = -1.0;

    fn new(size: usize) -> Tally {
        Tally {
            weight: vec![Tally::UNTOUCHED; size],
            touched: Vec::new(),
        }
    }

    #[inline]
    fn add(&mut self, at: usize, weight: f64) {
        let slot = &mut self.weight[at];
        if *slot < 0.0 {
            *slot = weight;
            self.touched.push(at);
        } else {
            *slot += weight;
        }
    }

    fn clear(&mut self) {
        for &at in &self.touched {
            self.weight[at] = Tally::UNTOUCHED;
        }
        self.touched.clear();
    }
}

/// What local moving keeps per community, side by side so that one cache
/// line serves both: the weight of the visited node's ties into it
/// ([`Tally::UNTOUCHED`] until one is seen) and its summed degree.
#[derive(Debug, Clone, Copy)]
struct Slot {
    toward: f64,
    total: f64,
}

/// Local moving from singletons: each node, taken from a queue, joins the
/// neighbouring community that gains the most modularity, if any gains.
///
/// Moving node `v` of degree `k` out of its community into community `c`
/// changes modularity by `(w_vc − γ k d_c / 2m) / m` less the same for the
/// community it leaves (with `v` taken out of it), where `w_vc` is the weight
/// of `v`'s ties into `c` and `d_c` is `c`'s summed degree: so the best
/// community is the one of largest `w_vc − γ k d_c / 2m`.
fn move_nodes<L: Level>(
    level: &L,
    resolution: f64,
    random: &mut SplitMix64,
    budget: &mut Budget,
) -> Moved {
    let n = level.node_count();
    let mut community: Vec<u32> = (0..n as u32).collect();
    let mut degree = vec![0.0f64; n];
    for (v, d) in degree.iter_mut().enumerate() {
        let mut sum = level.inner(v);
        level.for_each_tie(v, |_, w| sum += w);
        *d = sum;
    }
    let twice_m: f64 = degree.iter().sum();
    let mut changed = false;
    if twice_m > 0.0 {
        let scale = resolution / twice_m;
        // Communities are named after the node that began them, so there
        // are never more than `n`.
        let mut slot: Vec<Slot> = degree
            .iter()
            .map(|&total| Slot {
                toward: Tally::UNTOUCHED,
                total,
            })
            .collect();
        let mut touched: Vec<usize> = Vec::new();
        let mut order: Vec<u32> = (0..n as u32).collect();
        for i in (1..n).rev() {
            let j = random.below(i as u64 + 1) as usize;
            order.swap(i, j);
        }
        let mut queue = VecDeque::from(order);
        let mut queued = vec![true; n];
        while let Some(v) = queue.pop_front() {
            let v = v as usize;
            queued[v] = false;
            if budget.spend(level.degree(v) + 1) {
                break;
            }
            let k = degree[v];
            let own = community[v] as usize;
            slot[own].toward = 0.0;
            touched.push(own);
            level.for_each_tie(v, |u, w| {
                let c = community[u] as usize;
                let entry = &mut slot[c].toward;
                if *entry < 0.0 {
                    *entry = w;
                    touched.push(c);
                } else {
                    *entry += w;
                }
            });
            slot[own].total -= k;
            let stay = slot[own].toward - slot[own].total * k * scale;
            let mut best = own;
            let mut best_gain = stay;
            for &c in &touched[1..] {
                let gain = slot[c].toward - slot[c].total * k * scale;
                if gain > best_gain {
                    best = c;
                    best_gain = gain;
                }
            }
            // Only a gain clear of rounding moves a node, so that no two
            // communities trade a node back and forth forever.
            if best_gain - stay <= 1e-12 * k {
                best = own;
            }
            slot[best].total += k;
            for &c in &touched {
                slot[c].toward = Tally::UNTOUCHED;
            }
            touched.clear();
            if best != own {
                community[v] = best as u32;
                changed = true;
                // The neighbours left behind, or in a third community, may
                // now do better elsewhere; those in `best` were just joined.
                level.for_each_tie(v, |u, _| {
                    if !queued[u] && community[u] as usize != best {
                        queued[u] = true;
                        queue.push_back(u as u32);
                    }
                });
            }
        }
    }
    let (community, count) = numbered_by_smallest_member(&community);
    Moved {
        community,
        count,
        changed,
    }
}

/// The next level: each community of `level` one node, tied to each other
/// community by the summed weight of the ties between them, its inner ties
/// folded into its loop. `None` if the budget ran out on the way.
fn aggregate_level<L: Level>(
    level: &L,
    community: &[u32],
    count: usize,
    budget: &mut Budget,
) -> Option<Aggregate> {
    let n = level.node_count();
    // The nodes grouped by community, by counting sort.
    let mut start = vec![0usize; count + 1];
    for &c in community {
        start[c as usize + 1] += 1;
    }
    for c in 1..=count {
        start[c] += start[c - 1];
    }
    let mut members = vec![0u32; n];
    {
        let mut fill = start.clone();
        for (v, &c) in community.iter().enumerate() {
            members[fill[c as usize]] = v as u32;
            fill[c as usize] += 1;
        }
    }
    let mut offsets = Vec::with_capacity(count + 1);
    offsets.push(0);
    let mut targets = Vec::new();
    let mut weights = Vec::new();
    let mut inner = vec![0.0f64; count];
    let mut tally = Tally::new(count);
    for c in 0..count {
        let mut folded = 0.0;
        for &v in &members[start[c]..start[c + 1]] {
            let v = v as usize;
            if budget.spend(level.degree(v) + 1) {
                return None;
            }
            folded += level.inner(v);
            level.for_each_tie(v, |u, w| {
                let d = community[u] as usize;
                if d == c {
                    folded += w;
                } else {
                    tally.add(d, w);
                }
            });
        }
        inner[c] = folded;
        for &d in &tally.touched {
            targets.push(d as u32);
            weights.push(tally.weight[d] as f32);
        }
        tally.clear();
        offsets.push(targets.len());
    }
    targets.shrink_to_fit();
    weights.shrink_to_fit();
    Some(Aggregate {
        offsets,
        targets,
        weights,
        inner,
    })
}

/// The time and the will left: checks the deadline and the cancel flag
/// once per [`Budget::CHECK_EVERY`] units of work (a tie looked at, a node
/// visited), a fraction of a millisecond apart, and stays exhausted once it
/// has run out.
#[derive(Debug)]
struct Budget<'a> {
    deadline: Option<Instant>,
    cancel: Option<&'a AtomicBool>,
    until_check: usize,
    exhausted: bool,
}

impl<'a> Budget<'a> {
    const CHECK_EVERY: usize = 1 << 16;

    fn new(deadline: Option<Instant>, cancel: Option<&'a AtomicBool>) -> Budget<'a> {
        Budget {
            deadline,
            cancel,
            until_check: Budget::CHECK_EVERY,
            exhausted: false,
        }
    }

    /// Counts `work` done; true once the budget has run out.
    #[inline]
    fn spend(&mut self, work: usize) -> bool {
        if work < self.until_check {
            self.until_check -= work;
            self.exhausted
        } else {
            self.until_check = Budget::CHECK_EVERY;
            self.check_now()
        }
    }

    /// True if the deadline has passed or the cancel flag is set.
    fn check_now(&mut self) -> bool {
        if !self.exhausted {
            let late = self.deadline.is_some_and(|at| Instant::now() >= at);
            let cancelled = self.cancel.is_some_and(|flag| flag.load(Ordering::Relaxed));
            self.exhausted = late || cancelled;
        }
        self.exhausted
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use proptest::prelude::*;

    use super::*;
    use crate::generate::{graph_from_edges, planted_partition, uniform_edges};
    use crate::graph::GraphBuilder;
    use crate::graph::tests::graph;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-12 * (1.0 + a.abs().max(b.abs()))
    }

    fn two_triangles() -> Graph {
        graph(6, &[(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)])
    }

    #[test]
    fn two_triangles_joined_by_a_tie_split_at_the_tie() {
        let g = two_triangles();
        assert!(close(modularity(&g, &[0, 0, 0, 1, 1, 1], 1.0), 5.0 / 14.0));
        let found = communities(&g, &CommunityOptions::default());
        assert_eq!(found.community, vec![0, 0, 0, 1, 1, 1]);
        assert_eq!(found.count, 2);
        assert!(close(found.modularity, 5.0 / 14.0));
        assert!(found.complete);
    }

    #[test]
    fn weighted_modularity_matches_networkx() {
        let mut builder = GraphBuilder::new(7);
        for (a, b, w) in [
            (0, 1, 0.5),
            (1, 2, 1.0),
            (0, 2, 0.25),
            (2, 3, 0.75),
            (3, 4, 1.0),
            (4, 5, 0.5),
            (3, 5, 0.125),
        ] {
            builder.add_edge(a, b, w, 0);
        }
        let g = builder.build();
        // Node 6 has no ties. Figures from networkx 3.6.1's
        // community.modularity(G, parts, weight="weight", resolution=r).
        let natural = [0, 0, 0, 1, 1, 1, 2];
        let skewed = [7, 7, 9, 9, 9, 9, u32::MAX];
        for (resolution, at_natural, at_skewed) in [
            (1.0, 0.317722681359045, 0.09366391184573006),
            (0.5, 0.5679522497704317, 0.39531680440771355),
            (2.0, -0.1827364554637282, -0.5096418732782368),
        ] {
            assert!(close(modularity(&g, &natural, resolution), at_natural));
            assert!(close(modularity(&g, &skewed, resolution), at_skewed));
        }
    }

    #[test]
    fn a_graph_without_ties_has_no_modularity_and_all_singletons() {
        for g in [graph(0, &[]), graph(1, &[]), graph(5, &[])] {
            let n = g.node_count();
            assert_eq!(modularity(&g, &vec![0; n], 1.0), 0.0);
            let found = communities(&g, &CommunityOptions::default());
            assert_eq!(found.community, (0..n as u32).collect::<Vec<_>>());
            assert_eq!(found.count as usize, n);
            assert_eq!(found.modularity, 0.0);
            assert_eq!(found.levels, 0);
            assert!(found.complete);
        }
    }

    #[test]
    fn isolated_nodes_stay_alone() {
        let g = graph(8, &[(0, 1), (1, 2), (2, 0), (4, 5), (5, 6), (6, 4)]);
        let found = communities(&g, &CommunityOptions::default());
        assert_eq!(found.community, vec![0, 0, 0, 1, 2, 2, 2, 3]);
        assert!(close(found.modularity, 0.5));
    }

    #[test]
    fn zachary_karate_club_reaches_the_known_best() {
        // Each member's ties to members numbered above it.
        let later: [&[u32]; 34] = [
            &[1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 17, 19, 21, 31],
            &[2, 3, 7, 13, 17, 19, 21, 30],
            &[3, 7, 8, 9, 13, 27, 28, 32],
            &[7, 12, 13],
            &[6, 10],
            &[6, 10, 16],
            &[16],
            &[],
            &[30, 32, 33],
            &[33],
            &[],
            &[],
            &[],
            &[33],
            &[32, 33],
            &[32, 33],
            &[],
            &[],
            &[32, 33],
            &[33],
            &[32, 33],
            &[],
            &[32, 33],
            &[25, 27, 29, 32, 33],
            &[25, 27, 31],
            &[31],
            &[29, 33],
            &[33],
            &[31, 33],
            &[32, 33],
            &[32, 33],
            &[32, 33],
            &[33],
            &[],
        ];
        let edges: Vec<(u32, u32)> = (0u32..)
            .zip(later)
            .flat_map(|(a, bs)| bs.iter().map(move |&b| (a, b)))
            .collect();
        assert_eq!(edges.len(), 78);
        let g = graph(34, &edges);
        // The optimum is 0.4198; Louvain lands on it or just below.
        let best = (0..10)
            .map(|seed| {
                let options = CommunityOptions {
                    seed,
                    ..CommunityOptions::default()
                };
                communities(&g, &options).modularity
            })
            .fold(f64::MIN, f64::max);
        assert!(best > 0.4188, "{best}");
    }

    #[test]
    fn resolution_trades_size_for_number() {
        let (edges, _) = planted_partition(600, 6, 6_000, 0.9, 5);
        let g = graph_from_edges(600, &edges);
        let count = |resolution| {
            let options = CommunityOptions {
                resolution,
                ..CommunityOptions::default()
            };
            communities(&g, &options).count
        };
        assert!(count(0.05) < count(1.0));
        assert!(count(1.0) < count(20.0));
        assert_eq!(count(f64::NAN), 600, "no resolution, no moves");
    }

    #[test]
    fn finds_planted_communities() {
        let (edges, planted) = planted_partition(10_000, 100, 100_000, 0.8, 11);
        let g = graph_from_edges(10_000, &edges);
        let target = modularity(&g, &planted, 1.0);
        let found = communities(&g, &CommunityOptions::default());
        assert!(found.complete);
        assert!(
            found.modularity >= 0.98 * target,
            "found {} planted {target}",
            found.modularity
        );
    }

    #[test]
    fn a_deadline_cuts_the_run_short_with_a_valid_partition() {
        let g = graph_from_edges(200_000, &uniform_edges(200_000, 2_000_000, 1));
        let began = Instant::now();
        let options = CommunityOptions {
            deadline: Some(began + Duration::from_millis(200)),
            ..CommunityOptions::default()
        };
        let found = communities(&g, &options);
        let took = began.elapsed();
        assert!(!found.complete);
        println!("cut short after {took:?}");
        assert!(took < Duration::from_millis(500), "{took:?}");
        assert_valid(&g, &found, 1.0);
        let singletons = modularity(&g, &(0..200_000).collect::<Vec<_>>(), 1.0);
        assert!(found.modularity >= singletons);
    }

    #[test]
    fn a_cancelled_run_returns_at_once() {
        let cancel = AtomicBool::new(true);
        let g = two_triangles();
        let options = CommunityOptions {
            cancel: Some(&cancel),
            ..CommunityOptions::default()
        };
        let found = communities(&g, &options);
        assert!(!found.complete);
        assert_eq!(found.community, vec![0, 1, 2, 3, 4, 5]);
        assert_eq!(found.levels, 0);
        assert_valid(&g, &found, 1.0);
    }

    /// The invariants every partition keeps.
    fn assert_valid(g: &Graph, found: &Partition, resolution: f64) {
        assert_eq!(found.community.len(), g.node_count());
        let mut seen = vec![false; found.count as usize];
        let mut next = 0;
        for &c in &found.community {
            assert!(c < found.count);
            if !seen[c as usize] {
                assert_eq!(c, next, "numbered by smallest member");
                seen[c as usize] = true;
                next += 1;
            }
        }
        assert_eq!(next, found.count);
        let again = modularity(g, &found.community, resolution);
        assert!(found.modularity == again || (found.modularity.is_nan() && again.is_nan()));
    }

    /// Modularity from its definition, pair by pair:
    /// `Q = 1/2m Σ_ij (A_ij − γ k_i k_j / 2m) δ(c_i, c_j)`.
    fn pairwise_modularity(g: &Graph, community: &[u32], resolution: f64) -> f64 {
        let n = g.node_count();
        let mut a = vec![vec![0.0f64; n]; n];
        for (v, row) in a.iter_mut().enumerate() {
            for neighbor in g.neighbors(v as u32) {
                row[neighbor.node as usize] = tie_weight(neighbor.weight);
            }
        }
        let k: Vec<f64> = a.iter().map(|row| row.iter().sum()).collect();
        let twice_m: f64 = k.iter().sum();
        if twice_m == 0.0 {
            return 0.0;
        }
        let mut sum = 0.0;
        for i in 0..n {
            for j in 0..n {
                if community[i] == community[j] {
                    sum += a[i][j] - resolution * k[i] * k[j] / twice_m;
                }
            }
        }
        sum / twice_m
    }

    fn weighted_graph() -> impl Strategy<Value = Graph> {
        (0usize..16).prop_flat_map(|n| {
            let node = 0..n.max(1) as u32;
            let weight = prop_oneof![
                4 => 0.0f32..=1.0,
                1 => Just(1.0f32),
                1 => Just(0.0f32),
                1 => Just(-1.0f32),
                1 => Just(f32::NAN),
            ];
            prop::collection::vec((node.clone(), node, weight), 0..50).prop_map(move |edges| {
                let mut builder = GraphBuilder::new(n);
                for (a, b, w) in edges {
                    builder.add_edge(a, b, w, 0);
                }
                builder.build()
            })
        })
    }

    proptest! {
        #[test]
        fn modularity_matches_its_pairwise_definition(
            g in weighted_graph(),
            labels in prop::collection::vec(prop_oneof![0u32..4, any::<u32>()], 16),
            resolution in 0.0f64..3.0,
        ) {
            let labels = &labels[..g.node_count()];
            let fast = modularity(&g, labels, resolution);
            let slow = pairwise_modularity(&g, labels, resolution);
            prop_assert!((fast - slow).abs() < 1e-9, "{fast} vs {slow}");
        }

        #[test]
        fn every_partition_is_valid_and_the_same_for_a_seed(
            g in weighted_graph(),
            seed in any::<u64>(),
            resolution in prop_oneof![0.0f64..3.0, Just(-1.0), Just(f64::INFINITY)],
        ) {
            let options = CommunityOptions { resolution, seed, ..CommunityOptions::default() };
            let found = communities(&g, &options);
            assert_valid(&g, &found, resolution);
            prop_assert!(found.complete);
            prop_assert_eq!(&communities(&g, &options), &found);
            if resolution.is_finite() {
                let singletons: Vec<u32> = (0..g.node_count() as u32).collect();
                prop_assert!(found.modularity >= modularity(&g, &singletons, resolution) - 1e-12);
            }
        }
    }

    /// A field of `/proc/self/status` in KiB, where there is one.
    fn resident_kib(field: &str) -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|line| line.starts_with(field))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// The benchmark: a million nodes in a thousand planted communities,
    /// ten million ties. Run with
    /// `cargo test --release -p kyoso-network -- --ignored --nocapture louvain`.
    #[test]
    #[ignore]
    fn louvain_on_a_million_nodes() {
        let (edges, planted) = planted_partition(1_000_000, 1_000, 10_000_000, 0.8, 42);
        let g = graph_from_edges(1_000_000, &edges);
        drop(edges);
        // Linux: reset the peak resident size, so that the peak read after
        // the run is the graph plus what Louvain adds to it.
        let resident_before = resident_kib("VmRSS");
        let _ = std::fs::write("/proc/self/clear_refs", "5");
        let began = Instant::now();
        let found = communities(&g, &CommunityOptions::default());
        let took = began.elapsed();
        let peak = resident_kib("VmHWM");
        let target = modularity(&g, &planted, 1.0);
        println!(
            "louvain: {took:.2?}, {} levels, {} communities, modularity {:.5} (planted {target:.5}), graph {} MiB",
            found.levels,
            found.count,
            found.modularity,
            g.heap_bytes() >> 20,
        );
        if let (Some(before), Some(peak)) = (resident_before, peak) {
            println!(
                "louvain: resident {} MiB before, peak {} MiB during: {} MiB extra",
                before >> 10,
                peak >> 10,
                peak.saturating_sub(before) >> 10
            );
        }
        assert!(found.complete);
        assert!(found.modularity >= 0.98 * target);
    }
}
