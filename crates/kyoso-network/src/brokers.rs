//! Brokers: who bridges otherwise separate parts of the network, by
//! betweenness centrality over hop-count shortest paths.
//!
//! A node's betweenness is the share of shortest paths between other pairs
//! that pass through it; where a pair has several shortest paths, each
//! counts for its fraction. A broker scores high because people on either
//! side reach each other most directly through them.
//!
//! Brandes' algorithm: one breadth-first search per source counts the
//! shortest paths to every node, then a pass back over the visiting order
//! adds up each node's dependency on the source. Exactly, that is one
//! search per node — days on a million nodes — so a caller can instead
//! sample sources, as networkx's `betweenness_centrality(G, k=...)` does,
//! and is told how far the estimate can be off: for every node at once, a
//! rigorous bound (see [`Betweenness::error_bound`]), and for each node, an
//! approximate 95% confidence half-width from the spread of what the
//! sampled sources contributed to it (see [`Betweenness::half_widths`]).
//!
//! Each worker thread keeps, per node, a one-byte level tag, a path count
//! that the backward pass turns into a share, a slot for shares handed
//! back, and the visiting order: 21 bytes a node, and 16 more for its
//! partial sums of the dependencies and of their squares. Predecessors are
//! not stored but found again on the way back as the neighbors one level
//! nearer the source, which on an adjacency array costs no more than
//! reading a stored list would. Most looks at a tie read only the tag
//! array, a megabyte per million nodes, which stays in cache where the
//! counts would not; and each step between two levels goes whichever way
//! reads fewer ties (see [`Scratch::add_dependencies`]).
//!
//! Path counts are `f64`: they outgrow `u64` on large graphs, and only
//! their ratios matter. A pair would need more than 10³⁰⁸ shortest paths
//! to overflow them — a chain of hundreds of layers, each tied fully to the
//! next — after which the scores are not to be trusted (past an overflow a
//! share comes out 0 or not-a-number). Networks of people do not come near.

use std::panic;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::generate::SplitMix64;
use crate::graph::{Graph, NodeId};

/// The probability with which a sampled result's
/// [`error_bound`](Betweenness::error_bound) holds for every node at once.
pub const ERROR_BOUND_CONFIDENCE: f64 = 0.95;

/// The nominal confidence of each of a sampled result's
/// [`half_widths`](Betweenness::half_widths): the chance, by the normal
/// approximation, that one node's exact score is within its half-width.
pub const HALF_WIDTH_CONFIDENCE: f64 = 0.95;

/// The standard normal quantile for [`HALF_WIDTH_CONFIDENCE`]: a normal
/// variable is within this many standard deviations of its mean with
/// probability 0.95.
const HALF_WIDTH_Z: f64 = 1.959_963_984_540_054;

/// Which nodes the shortest paths are counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sources {
    /// Every candidate source: exact, one breadth-first search each.
    #[default]
    All,
    /// `count` distinct sources drawn uniformly from the candidates with a
    /// seeded generator, the result scaled up as an estimate. A count at or
    /// above the number of candidates is exact.
    Sample { count: usize, seed: u64 },
}

/// How to compute betweenness.
#[derive(Debug, Clone, Copy)]
pub struct BetweennessOptions<'a> {
    pub sources: Sources,
    /// Worker threads, each with its own scratch space and partial scores;
    /// 0 counts as 1.
    pub threads: usize,
    /// Set to stop early: checked before each source, so a stop takes at
    /// most one breadth-first search per worker.
    pub cancel: Option<&'a AtomicBool>,
}

impl Default for BetweennessOptions<'_> {
    fn default() -> Self {
        BetweennessOptions {
            sources: Sources::All,
            threads: 1,
            cancel: None,
        }
    }
}

/// Betweenness scores, and how far they can be trusted.
#[derive(Debug, Clone, PartialEq)]
pub struct Betweenness {
    /// One score per node, normalized as the function computing it says.
    pub scores: Vec<f64>,
    /// How many sources were searched from.
    pub sources_used: usize,
    /// Whether the scores are exact: every source searched (or none
    /// needed, when no pair can have a node between them).
    pub exact: bool,
    /// Rigorous: the half-width `ε` such that, with probability at least
    /// [`ERROR_BOUND_CONFIDENCE`] over the drawing of the sources, every
    /// node's score is within `ε` of its exact score; 0 when exact.
    ///
    /// Each sampled source `s` contributes to a node's estimate a term
    /// `X_s` in a known range `[0, R]` whose mean over all candidate
    /// sources is the exact score `μ`, and the estimate `m` is the mean of
    /// `k` such terms drawn without replacement. Writing `q = m / R` and
    /// `p = μ / R`, Hoeffding's Chernoff bound in relative-entropy form
    /// (his Theorem 1, which his Theorem 4 extends to drawing without
    /// replacement) bounds one node's miss each way by
    /// `P(q ≥ p + t) ≤ exp(−k·kl(p + t ‖ p))` and
    /// `P(q ≤ p − t) ≤ exp(−k·kl(p − t ‖ p))`, with
    /// `kl(a ‖ b) = a·ln(a/b) + (1 − a)·ln((1 − a)/(1 − b))`. So
    /// `P(kl(q ‖ p) > c) ≤ 2·exp(−kc)`, and a union bound over the `n`
    /// nodes with `c = ln(2n / (1 − confidence)) / k` makes, with the
    /// stated confidence, every node's `p` lie in
    /// `{p : kl(q ‖ p) ≤ c}`, an interval around `q`. `ε` is `R` times the
    /// largest distance from a node's `q` to an end of its interval, found
    /// by bisection and rounded outward (nodes with nearby estimates are
    /// taken together, which can only widen `ε`, by at most 1/1024 of the
    /// spread of the estimates).
    ///
    /// Since `kl(a ‖ b) ≥ 2(a − b)²`, this is never wider than the
    /// Hoeffding bound `R · √( ln(2n / (1 − confidence)) / (2k) )`, and on
    /// scores far below `R` it is much narrower: near `q = 0` it is about
    /// `R·c` rather than `R·√(c/2)`. It is capped at `R`, which no estimate
    /// can miss by more. `R` is given with each function. When cancelled,
    /// or when no source was searched, the sources searched are not a fair
    /// sample, and the bound is that sure worst case `R`.
    ///
    /// The bound is for the worst case of every node at once and knows
    /// only the range `R` of a term, not how the terms actually spread, so
    /// it stays loose: on a sparse graph the actual misses are far smaller.
    /// [`half_widths`](Self::half_widths) estimate those.
    pub error_bound: f64,
    /// Approximate, per node: the half-width of a
    /// [`HALF_WIDTH_CONFIDENCE`] (95%) confidence interval for its score by
    /// the normal approximation over the `k` sampled sources,
    ///
    /// `1.96 · s / √k · √(1 − k / N)`,
    ///
    /// where `s` is the sample standard deviation (divisor `k − 1`) of the
    /// node's per-source term `X_s` (the source's dependency scaled like the
    /// score, so the score is the terms' mean), `N` the number of candidate
    /// sources, and `√(1 − k / N)` the finite-population correction for
    /// drawing sources without replacement (the same as `√((N − k)/(N − 1))`
    /// applied to the variance with divisor `N`, which `s²` slightly
    /// overstates). Capped at `R`.
    ///
    /// Unlike [`error_bound`](Self::error_bound) this is no guarantee: it
    /// is one node at a time, not all at once (about one node in twenty
    /// misses by more), and it leans on the central limit theorem, which
    /// needs the terms not too skewed for `k`. It judges a score's spread
    /// only from what the sample saw, so a node whose few large terms were
    /// all left out of the sample looks surer than it is; in particular a
    /// node no sampled source passes through gets `0 ± 0`. Two nodes whose
    /// intervals do not overlap are, roughly, ranked in the right order.
    ///
    /// One per node, like [`scores`](Self::scores): all 0 when exact; `R`
    /// when the spread cannot be judged — fewer than two sources searched,
    /// or cancelled.
    pub half_widths: Vec<f64>,
    /// False if cancelled before every planned source was searched; the
    /// scores are then an estimate from the sources that were.
    pub complete: bool,
}

/// Each node's betweenness centrality over hop-count shortest paths,
/// normalized exactly as networkx's `betweenness_centrality(G,
/// normalized=True)` for an undirected graph:
///
/// `score(v) = 2 / ((n − 1)(n − 2)) · Σ_{s < t, s ≠ v ≠ t} σ_st(v) / σ_st`
///
/// where `σ_st` counts the shortest paths between `s` and `t` and `σ_st(v)`
/// those through `v`; scores are in `0.0..=1.0`, and all 0 when `n ≤ 2`.
///
/// Sampling `k` sources scales the sum by `n / k`, as networkx does with
/// `k=`; a source's term is then `X_s = n·δ_s(v) / ((n − 1)(n − 2))` with
/// the dependency `δ_s(v) ≤ n − 2`, so `R = n / (n − 1)` in
/// [`Betweenness::error_bound`] and [`Betweenness::half_widths`], and
/// `N = n` candidates.
pub fn betweenness(graph: &Graph, options: &BetweennessOptions) -> Betweenness {
    let n = graph.node_count();
    if n <= 2 {
        return Betweenness::nothing_between(n);
    }
    let candidates = (0..n).map(|v| v as NodeId).collect();
    let (sources, all) = choose_sources(candidates, options.sources);
    let tally = tally(graph, &sources, options, |_| 1.0);
    let pairs = ((n - 1) * (n - 2)) as f64;
    tally.into_result(n, pairs, n as f64 / (n - 1) as f64, all)
}

/// Group-to-group brokerage: each node's betweenness counted only over the
/// shortest paths from a node in `from` to a node in `to` — who connects,
/// say, Thai small firms to Japanese universities.
///
/// `from[v]` and `to[v]` say whether node `v` is in each group (entries
/// missing at the end count as not). A node gets no credit for paths it
/// starts or ends, only for those it lies inside; a node in both groups is
/// both a start and an end, and `s → t` and `t → s` are then two pairs.
///
/// Normalized as the share of the `(s, t)` pairs, `s` in `from`, `t` in
/// `to`, `s ≠ t`, whose shortest paths pass through the node:
///
/// `score(v) = 1 / P · Σ_{s ∈ from, t ∈ to, s ≠ t, v ∉ {s, t}} σ_st(v) / σ_st`
///
/// with `P` the number of such pairs, so scores are in `0.0..=1.0`; all 0
/// when `P = 0`. Pairs with no path between them count in `P` and add
/// nothing to any node. This is networkx's
/// `betweenness_centrality_subset(G, from, to, normalized=False)` times
/// `2 / P` (networkx halves each pair on an undirected graph), and with
/// both groups every node, its `betweenness_centrality(G)` times
/// `(n − 2) / n`.
///
/// Sampling draws `k` sources from `from` and scales by `|from| / k`; a
/// source's term is `X_s = |from|·δ_s(v) / P` with `δ_s(v) ≤ |to|`, so
/// `R = |from|·|to| / P` in [`Betweenness::error_bound`] and
/// [`Betweenness::half_widths`], and `N = |from|` candidates.
pub fn betweenness_between(
    graph: &Graph,
    from: &[bool],
    to: &[bool],
    options: &BetweennessOptions,
) -> Betweenness {
    let n = graph.node_count();
    let in_group = |group: &[bool], v: usize| group.get(v).copied().unwrap_or(false);
    let is_target: Vec<bool> = (0..n).map(|v| in_group(to, v)).collect();
    let candidates: Vec<NodeId> = (0..n)
        .filter(|&v| in_group(from, v))
        .map(|v| v as NodeId)
        .collect();
    let starts = candidates.len() as u128;
    let ends = is_target.iter().filter(|&&t| t).count() as u128;
    let both = candidates
        .iter()
        .filter(|&&v| is_target[v as usize])
        .count() as u128;
    let pairs = starts * ends - both;
    if pairs == 0 {
        return Betweenness::nothing_between(n);
    }
    let (sources, all) = choose_sources(candidates, options.sources);
    let tally = tally(graph, &sources, options, |w| {
        f64::from(u8::from(is_target[w as usize]))
    });
    let range = (starts * ends) as f64 / pairs as f64;
    tally.into_result(starts as usize, pairs as f64, range, all)
}

impl Betweenness {
    /// The result where no node can lie between a counted pair: all zeros,
    /// and exactly so.
    fn nothing_between(nodes: usize) -> Betweenness {
        Betweenness {
            scores: vec![0.0; nodes],
            sources_used: 0,
            exact: true,
            error_bound: 0.0,
            half_widths: vec![0.0; nodes],
            complete: true,
        }
    }
}

/// The sources to search from, and whether they are all the candidates.
/// A sample is a partial Fisher–Yates shuffle by [`SplitMix64`], so the
/// same seed draws the same sources on every machine and thread count.
fn choose_sources(mut candidates: Vec<NodeId>, sources: Sources) -> (Vec<NodeId>, bool) {
    match sources {
        Sources::Sample { count, seed } if count < candidates.len() => {
            let mut random = SplitMix64::new(seed);
            for i in 0..count {
                let j = i + random.below((candidates.len() - i) as u64) as usize;
                candidates.swap(i, j);
            }
            candidates.truncate(count);
            (candidates, false)
        }
        _ => (candidates, true),
    }
}

/// The dependencies summed over the sources searched.
struct Tally {
    /// `[Σ_s δ_s(v), Σ_s δ_s(v)²]` for each node `v`, unscaled: side by
    /// side, so that adding a dependency and its square touches one cache
    /// line.
    sums: Vec<[f64; 2]>,
    searched: usize,
    complete: bool,
}

impl Tally {
    /// Scales the sums into scores: by `candidates / searched` (1 when
    /// every candidate was searched), then by `1 / pairs`; and judges how
    /// far they can be off, a source's term lying in `[0, range]`.
    fn into_result(self, candidates: usize, pairs: f64, range: f64, all: bool) -> Betweenness {
        let exact = all && self.complete;
        let k = self.searched as f64;
        let scale = if self.searched == 0 {
            0.0
        } else {
            candidates as f64 / k / pairs
        };
        // A source's term is `X_s(v) = candidates · δ_s(v) / pairs`, and
        // the score their mean; the half-width is
        // `z · (candidates / pairs) · s_δ · √((1 − k/N) / k)` with `s_δ`
        // the sample standard deviation of the dependencies.
        let spread_judged = !exact && self.complete && self.searched >= 2;
        let spread_scale = if spread_judged {
            let correction = (1.0 - k / candidates as f64).max(0.0);
            HALF_WIDTH_Z * candidates as f64 / pairs * (correction / k).sqrt()
        } else {
            0.0
        };
        let mut scores = Vec::with_capacity(self.sums.len());
        let mut half_widths = Vec::with_capacity(self.sums.len());
        for [sum, squares] in self.sums {
            scores.push(sum * scale);
            half_widths.push(if exact {
                0.0
            } else if spread_judged {
                let variance = ((squares - sum * sum / k) / (k - 1.0)).max(0.0);
                (spread_scale * variance.sqrt()).min(range)
            } else {
                range
            });
        }
        let error_bound = if exact {
            0.0
        } else if self.complete && self.searched > 0 {
            let nodes = scores.len();
            chernoff_half_width(&scores, range, self.searched, nodes)
        } else {
            range
        };
        Betweenness {
            scores,
            sources_used: self.searched,
            exact,
            error_bound,
            half_widths,
            complete: self.complete,
        }
    }
}

/// Hoeffding's bound: the `ε` such that `n` nodes' estimates, each the
/// mean of `k` terms in `[0, range]`, are all within `ε` of their means
/// with probability [`ERROR_BOUND_CONFIDENCE`]; `range` itself when `k`
/// is 0. Never narrower than [`chernoff_half_width`], which
/// [`Betweenness::error_bound`] reports.
fn hoeffding_half_width(range: f64, samples: usize, nodes: usize) -> f64 {
    let failure = 1.0 - ERROR_BOUND_CONFIDENCE;
    let spread = (2.0 * nodes.max(1) as f64 / failure).ln() / (2.0 * samples as f64);
    (range * spread.sqrt()).min(range)
}

/// How many groups of nearby estimates [`chernoff_half_width`] bounds
/// together.
const ESTIMATE_GROUPS: usize = 1024;

/// The `ε` of [`Betweenness::error_bound`]: the largest distance, over the
/// nodes, from an estimate to an end of its relative-entropy confidence
/// interval, for `samples` terms in `[0, range]` and a union over `nodes`
/// nodes (at least the number of `scores`).
///
/// Bisecting for every node's interval would cost more than a hundred
/// logarithms a node. Instead the estimates, as fractions `q` of `range`,
/// are spread over [`ESTIMATE_GROUPS`] groups of equal width, and each
/// group's least `a` and greatest `b` bound all its nodes at once: both
/// ends of the interval `{p : kl(q ‖ p) ≤ c}` rise with `q` (a `p` above
/// `b`'s interval has `kl(b ‖ p) > c`, and `kl(· ‖ p)` falls towards `p`,
/// so `kl(q ‖ p) ≥ kl(b ‖ p) > c` for any `q ≤ b`; likewise below), so a
/// node at `q` in the group is within `max(upper(b) − a, b − lower(a))` of
/// every `p` its interval holds. That overstates the exact maximum by at
/// most the group's width; and as every node's interval lies within
/// Hoeffding's, [`hoeffding_half_width`] caps it.
fn chernoff_half_width(scores: &[f64], range: f64, samples: usize, nodes: usize) -> f64 {
    if samples == 0 || range <= 0.0 || scores.iter().any(|s| s.is_nan()) {
        return range.max(0.0);
    }
    let failure = 1.0 - ERROR_BOUND_CONFIDENCE;
    let budget = (2.0 * nodes.max(1) as f64 / failure).ln() / samples as f64;
    let fraction = |score: f64| (score / range).clamp(0.0, 1.0);
    let (least, greatest) = scores
        .iter()
        .map(|&s| fraction(s))
        .fold((1.0f64, 0.0f64), |(lo, hi), q| (lo.min(q), hi.max(q)));
    if least > greatest {
        return 0.0;
    }
    let width = (greatest - least) / ESTIMATE_GROUPS as f64;
    let mut groups = vec![(f64::INFINITY, f64::NEG_INFINITY); ESTIMATE_GROUPS];
    for &score in scores {
        let q = fraction(score);
        let group = if width > 0.0 {
            (((q - least) / width) as usize).min(ESTIMATE_GROUPS - 1)
        } else {
            0
        };
        let (a, b) = &mut groups[group];
        *a = a.min(q);
        *b = b.max(q);
    }
    let worst = groups
        .into_iter()
        .filter(|(a, b)| a <= b)
        .map(|(a, b)| (kl_upper(b, budget) - a).max(b - kl_lower(a, budget)))
        .fold(0.0, f64::max);
    (range * worst).min(hoeffding_half_width(range, samples, nodes))
}

/// The relative entropy `kl(q ‖ p)` between coins that come up heads with
/// probabilities `q` and `p`, with `0 · ln 0 = 0`.
fn kl(q: f64, p: f64) -> f64 {
    let term = |a: f64, b: f64| if a > 0.0 { a * (a / b).ln() } else { 0.0 };
    term(q, p) + term(1.0 - q, 1.0 - p)
}

/// The greatest `p ≥ q` with `kl(q ‖ p) ≤ budget`, for `q` in `[0, 1]`,
/// by bisection, rounded up. `kl(q ‖ p) ≥ 2(p − q)²` puts it at most
/// `√(budget / 2)` above `q`.
fn kl_upper(q: f64, budget: f64) -> f64 {
    let mut low = q;
    let mut high = (q + (budget / 2.0).sqrt()).min(1.0);
    if kl(q, high) <= budget {
        return high;
    }
    for _ in 0..64 {
        let middle = 0.5 * (low + high);
        if middle <= low || middle >= high {
            break;
        }
        if kl(q, middle) <= budget {
            low = middle;
        } else {
            high = middle;
        }
    }
    high
}

/// The least `p ≤ q` with `kl(q ‖ p) ≤ budget`, rounded down: the mirror
/// image of [`kl_upper`], as `kl(q ‖ p) = kl(1 − q ‖ 1 − p)`.
fn kl_lower(q: f64, budget: f64) -> f64 {
    (1.0 - kl_upper(1.0 - q, budget)).max(0.0)
}

/// Searches from every source in `sources`, spread over the workers, and
/// sums each node's dependency `δ_s(v) = Σ_w σ_sv/σ_sw · (target(w) + δ_s(w))`
/// over its successors `w` on shortest paths from `s`, and its square.
fn tally<T>(graph: &Graph, sources: &[NodeId], options: &BetweennessOptions, target: T) -> Tally
where
    T: Fn(NodeId) -> f64 + Sync,
{
    let n = graph.node_count();
    let workers = options.threads.clamp(1, sources.len().max(1));
    // Sources are handed out one at a time, so a worker that drew small
    // components is not left idle while another searches the giant one.
    let next = AtomicUsize::new(0);
    let cancelled = || options.cancel.is_some_and(|c| c.load(Ordering::Relaxed));
    let work = || {
        let mut scratch = Scratch::new(n);
        let mut sums = vec![[0.0; 2]; n];
        let mut searched = 0;
        while !cancelled() {
            let Some(&source) = sources.get(next.fetch_add(1, Ordering::Relaxed)) else {
                break;
            };
            scratch.add_dependencies(graph, source, &target, &mut sums);
            searched += 1;
        }
        (sums, searched)
    };
    let partials: Vec<(Vec<[f64; 2]>, usize)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers).map(|_| scope.spawn(work)).collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap_or_else(|e| panic::resume_unwind(e)))
            .collect()
    });
    // The first worker's sums take in the others'.
    let mut partials = partials.into_iter();
    let (mut sums, mut searched) = partials.next().unwrap_or_else(|| (vec![[0.0; 2]; n], 0));
    for (part, count) in partials {
        for (sum, [dependency, square]) in sums.iter_mut().zip(part) {
            sum[0] += dependency;
            sum[1] += square;
        }
        searched += count;
    }
    Tally {
        sums,
        searched,
        complete: searched == sources.len(),
    }
}

/// The level tag of a node not yet reached from the current source.
const UNSEEN: u8 = 0;

/// The level tag of a node one hop further out than a node tagged `tag`.
///
/// A neighbor of a node `d` hops from the source is `d − 1`, `d` or `d + 1`
/// hops out (or not yet reached), so hops modulo 3 tell apart all a search
/// ever needs to: a tag `1 + hops % 3` in one byte a node keeps the array
/// looked at for every tie small enough to stay in cache.
fn next_level(tag: u8) -> u8 {
    tag % 3 + 1
}

/// The level tag of nodes `hops` from the source.
fn tag_of(hops: usize) -> u8 {
    1 + (hops % 3) as u8
}

/// One worker's scratch space, reused from source to source.
struct Scratch {
    /// Each node's level tag (see [`next_level`]), or [`UNSEEN`].
    level: Vec<u8>,
    /// Forward, `σ_sv`: the number of shortest paths from the source to
    /// `v`. Backward, once `v`'s dependency is known, its share
    /// `(target(v) + δ_s(v)) / σ_sv`, which each predecessor `u`
    /// multiplies by its own `σ_su`.
    paths_then_share: Vec<f64>,
    /// Successors' shares handed back to a node, when its successors push
    /// them; 0 between uses.
    pending: Vec<f64>,
    /// The nodes in the order the search reached them, so by hops.
    order: Vec<NodeId>,
    /// Where each level starts in `order`, and past the last, its end.
    level_starts: Vec<usize>,
    /// Each level's ties, counted from its nodes' side.
    level_ties: Vec<usize>,
}

impl Scratch {
    fn new(nodes: usize) -> Scratch {
        Scratch {
            level: vec![UNSEEN; nodes],
            paths_then_share: vec![0.0; nodes],
            pending: vec![0.0; nodes],
            order: Vec::with_capacity(nodes),
            level_starts: Vec::new(),
            level_ties: Vec::new(),
        }
    }

    /// Adds `δ_source(v)` to `sums[v][0]` and its square to `sums[v][1]`
    /// for every node `v` but the source, then forgets the search.
    ///
    /// Each step between two levels can go either way, and takes the one
    /// that reads fewer ties (Beamer's direction-optimizing search, applied
    /// to both passes). On a small-world network nearly every node is
    /// within a few hops, and the last big level's ties lead mostly back
    /// or sideways: expanding it from the few nodes still unreached, and
    /// handing shares back from the few beyond it, skips most of the
    /// graph's ties in both passes.
    fn add_dependencies<T>(
        &mut self,
        graph: &Graph,
        source: NodeId,
        target: &T,
        sums: &mut [[f64; 2]],
    ) where
        T: Fn(NodeId) -> f64,
    {
        self.count_paths(graph, source);
        self.add_shares(graph, target, sums);
        for &node in &self.order {
            self.level[node as usize] = UNSEEN;
        }
    }

    /// Forward: hops and shortest-path counts from `source`, level by level.
    /// A node's count is final before its level is expanded, since all its
    /// predecessors are on the level before.
    fn count_paths(&mut self, graph: &Graph, source: NodeId) {
        let Scratch {
            level,
            paths_then_share: paths,
            order,
            level_starts,
            level_ties,
            ..
        } = self;
        let nodes = level.len();
        order.clear();
        level_starts.clear();
        level_ties.clear();
        level[source as usize] = tag_of(0);
        paths[source as usize] = 1.0;
        order.push(source);
        level_starts.push(0);
        // The ties of the nodes not yet reached, counted from their side.
        let mut unreached_ties = 2 * graph.edge_count();
        let mut start = 0;
        while start < order.len() {
            let end = order.len();
            let here = level[order[start] as usize];
            let next = next_level(here);
            let frontier_ties: usize = order[start..end].iter().map(|&v| graph.degree(v)).sum();
            level_ties.push(frontier_ties);
            unreached_ties -= frontier_ties;
            // Pulling reads every node's tag and every unreached node's
            // ties; pushing, the frontier's ties.
            if frontier_ties > unreached_ties + nodes {
                for v in 0..nodes {
                    if level[v] != UNSEEN {
                        continue;
                    }
                    let mut count = 0.0;
                    let mut reached = false;
                    for &neighbor in graph.targets(v as NodeId) {
                        if level[neighbor as usize] == here {
                            count += paths[neighbor as usize];
                            reached = true;
                        }
                    }
                    if reached {
                        level[v] = next;
                        paths[v] = count;
                        order.push(v as NodeId);
                    }
                }
            } else {
                for i in start..end {
                    let node = order[i];
                    let count = paths[node as usize];
                    for &neighbor in graph.targets(node) {
                        let w = neighbor as usize;
                        if level[w] == UNSEEN {
                            level[w] = next;
                            paths[w] = count;
                            order.push(neighbor);
                        } else if level[w] == next {
                            paths[w] += count;
                        }
                    }
                }
            }
            level_starts.push(end);
            start = end;
        }
    }

    /// Backward: each node's dependency from its successors' shares,
    /// farthest level first, so a level's successors are always done.
    /// The source, level 0, gets no credit for its own paths.
    fn add_shares<T>(&mut self, graph: &Graph, target: &T, sums: &mut [[f64; 2]])
    where
        T: Fn(NodeId) -> f64,
    {
        let Scratch {
            level,
            paths_then_share: paths,
            pending,
            order,
            level_starts,
            level_ties,
        } = self;
        let levels = level_ties.len();
        for hops in (1..levels).rev() {
            let this = tag_of(hops);
            let nodes = &order[level_starts[hops]..level_starts[hops + 1]];
            let beyond = level_starts
                .get(hops + 2)
                .map_or(&[][..], |&end| &order[level_starts[hops + 1]..end]);
            let beyond_ties = level_ties.get(hops + 1).copied().unwrap_or(0);
            if beyond_ties < level_ties[hops] {
                // Push: the successors hand their shares back.
                for &w in beyond {
                    let share = paths[w as usize];
                    for &neighbor in graph.targets(w) {
                        if level[neighbor as usize] == this {
                            pending[neighbor as usize] += share;
                        }
                    }
                }
                for &v in nodes {
                    let v = v as usize;
                    let shares = std::mem::take(&mut pending[v]);
                    let delta = paths[v] * shares;
                    let sum = &mut sums[v];
                    sum[0] += delta;
                    sum[1] += delta * delta;
                    paths[v] = (target(v as NodeId) + delta) / paths[v];
                }
            } else {
                // Pull: each node gathers its successors' shares.
                let next = next_level(this);
                for &node in nodes {
                    let v = node as usize;
                    let shares: f64 = graph
                        .targets(node)
                        .iter()
                        .filter(|&&neighbor| level[neighbor as usize] == next)
                        .map(|&neighbor| paths[neighbor as usize])
                        .sum();
                    let delta = paths[v] * shares;
                    let sum = &mut sums[v];
                    sum[0] += delta;
                    sum[1] += delta * delta;
                    paths[v] = (target(node) + delta) / paths[v];
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;

    use proptest::prelude::*;

    use super::*;
    use crate::generate::{graph_from_edges, uniform_edges};
    use crate::graph::tests::graph;

    const TOLERANCE: f64 = 1e-9;

    fn exact(g: &Graph) -> Betweenness {
        betweenness(g, &BetweennessOptions::default())
    }

    fn sampled(count: usize, seed: u64, threads: usize) -> BetweennessOptions<'static> {
        BetweennessOptions {
            sources: Sources::Sample { count, seed },
            threads,
            cancel: None,
        }
    }

    fn assert_close(actual: &[f64], expected: &[f64]) {
        assert_eq!(actual.len(), expected.len());
        for (v, (a, e)) in actual.iter().zip(expected).enumerate() {
            assert!((a - e).abs() <= TOLERANCE, "node {v}: {a} != {e}");
        }
    }

    #[test]
    fn a_path_is_bridged_most_at_its_middle() {
        let g = graph(5, &[(0, 1), (1, 2), (2, 3), (3, 4)]);
        let result = exact(&g);
        assert_close(&result.scores, &[0.0, 0.5, 2.0 / 3.0, 0.5, 0.0]);
        assert!(result.exact && result.complete);
        assert_eq!(result.error_bound, 0.0);
        assert_eq!(result.half_widths, vec![0.0; 5]);
        assert_eq!(result.sources_used, 5);
    }

    #[test]
    fn a_star_center_lies_between_every_pair() {
        let g = graph(5, &[(0, 1), (0, 2), (0, 3), (0, 4)]);
        assert_close(&exact(&g).scores, &[1.0, 0.0, 0.0, 0.0, 0.0]);
    }

    #[test]
    fn cycles_split_ties_between_equal_paths() {
        let five = graph(5, &[(0, 1), (1, 2), (2, 3), (3, 4), (4, 0)]);
        assert_close(&exact(&five).scores, &[1.0 / 6.0; 5]);
        // In a 4-cycle each opposite pair has two paths, one through each
        // other node.
        let four = graph(4, &[(0, 1), (1, 2), (2, 3), (3, 0)]);
        assert_close(&exact(&four).scores, &[1.0 / 6.0; 4]);
    }

    #[test]
    fn a_bridge_between_two_triangles_carries_every_crossing() {
        let g = graph(6, &[(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 5), (5, 3)]);
        assert_close(&exact(&g).scores, &[0.0, 0.0, 0.6, 0.6, 0.0, 0.0]);
    }

    #[test]
    fn a_disconnected_graph_counts_no_paths_across_its_parts() {
        let g = graph(6, &[(0, 1), (1, 2), (3, 4)]);
        assert_close(&exact(&g).scores, &[0.0, 0.1, 0.0, 0.0, 0.0, 0.0]);
    }

    #[test]
    fn two_nodes_or_fewer_have_nothing_between_them() {
        for g in [graph(0, &[]), graph(1, &[]), graph(2, &[(0, 1)])] {
            for options in [BetweennessOptions::default(), sampled(0, 1, 4)] {
                let result = betweenness(&g, &options);
                assert_eq!(result.scores, vec![0.0; g.node_count()]);
                assert!(result.exact && result.complete);
                assert_eq!(result.error_bound, 0.0);
                assert_eq!(result.half_widths, vec![0.0; g.node_count()]);
            }
        }
    }

    #[test]
    fn isolated_nodes_and_a_sample_of_none_give_zeros_honestly() {
        let g = graph(10, &[]);
        let result = betweenness(&g, &BetweennessOptions::default());
        assert_eq!(result.scores, vec![0.0; 10]);
        assert!(result.exact);
        let none = betweenness(&graph(4, &[(0, 1), (1, 2)]), &sampled(0, 7, 2));
        assert_eq!(none.scores, vec![0.0; 4]);
        assert_eq!(none.sources_used, 0);
        assert!(!none.exact && none.complete);
        assert_eq!(none.error_bound, 4.0 / 3.0, "the sure worst case");
        assert_eq!(none.half_widths, vec![4.0 / 3.0; 4]);
        // One source shows no spread.
        let one = betweenness(&graph(4, &[(0, 1), (1, 2)]), &sampled(1, 7, 2));
        assert_eq!(one.half_widths, vec![4.0 / 3.0; 4]);
        assert!(one.error_bound <= 4.0 / 3.0);
    }

    #[test]
    fn a_cancelled_run_says_it_is_incomplete() {
        let stop = AtomicBool::new(true);
        let g = graph(5, &[(0, 1), (1, 2), (2, 3), (3, 4)]);
        let options = BetweennessOptions {
            cancel: Some(&stop),
            threads: 2,
            ..BetweennessOptions::default()
        };
        let result = betweenness(&g, &options);
        assert!(!result.complete && !result.exact);
        assert_eq!(result.sources_used, 0);
        assert_eq!(result.scores, vec![0.0; 5]);
        assert!(result.error_bound >= 1.0);
        assert_eq!(result.half_widths, vec![result.error_bound; 5]);
        let between = betweenness_between(&g, &[true; 5], &[true; 5], &options);
        assert!(!between.complete && !between.exact);
    }

    #[test]
    fn a_path_s_inner_nodes_broker_between_its_ends() {
        let g = graph(4, &[(0, 1), (1, 2), (2, 3)]);
        let from = [true, false, false, false];
        let to = [false, false, false, true];
        let result = betweenness_between(&g, &from, &to, &BetweennessOptions::default());
        assert_close(&result.scores, &[0.0, 1.0, 1.0, 0.0]);
        assert!(result.exact && result.complete);
        // Short group lists count the missing nodes as outside.
        let short = betweenness_between(&g, &[true], &to, &BetweennessOptions::default());
        assert_eq!(short, result);
        let nobody = betweenness_between(&g, &[], &to, &BetweennessOptions::default());
        assert_eq!(nobody.scores, vec![0.0; 4]);
        assert!(nobody.exact);
    }

    #[test]
    fn sampling_every_node_is_exact() {
        let g = graph_from_edges(300, &uniform_edges(300, 900, 5));
        let all = exact(&g);
        for count in [300, 301, usize::MAX] {
            let result = betweenness(&g, &sampled(count, 9, 2));
            assert!(result.exact && result.complete);
            assert_eq!(result.error_bound, 0.0);
            assert_eq!(result.half_widths, vec![0.0; 300]);
            assert_eq!(result.sources_used, 300);
            assert_close(&result.scores, &all.scores);
        }
        let from = [true; 300];
        let between = betweenness_between(&g, &from, &from, &sampled(300, 9, 2));
        assert!(between.exact);
        assert_eq!(between.half_widths, vec![0.0; 300]);
        // One source short of all, the spread is judged, and the
        // finite-population correction all but closes it.
        let nearly = betweenness(&g, &sampled(299, 9, 2));
        assert!(!nearly.exact);
        assert!(nearly.half_widths.iter().any(|&h| h > 0.0));
        for (v, h) in nearly.half_widths.iter().enumerate() {
            assert!(*h <= 0.25 * all.scores[v] + TOLERANCE, "node {v}: {h}");
        }
    }

    #[test]
    fn a_seed_gives_the_same_sample_on_any_number_of_threads() {
        let g = graph_from_edges(500, &uniform_edges(500, 1_500, 11));
        let one = betweenness(&g, &sampled(60, 3, 1));
        for threads in [0, 2, 3, 7] {
            let many = betweenness(&g, &sampled(60, 3, threads));
            assert_close(&many.scores, &one.scores);
            assert_close(&many.half_widths, &one.half_widths);
            assert!((many.error_bound - one.error_bound).abs() <= TOLERANCE);
            assert_eq!(many.sources_used, 60);
            let from: Vec<bool> = (0..500).map(|v| v % 3 == 0).collect();
            let to: Vec<bool> = (0..500).map(|v| v % 2 == 0).collect();
            let a = betweenness_between(&g, &from, &to, &sampled(40, 3, 1));
            let b = betweenness_between(&g, &from, &to, &sampled(40, 3, threads));
            assert_close(&b.scores, &a.scores);
            assert_close(&b.half_widths, &a.half_widths);
            assert!((b.error_bound - a.error_bound).abs() <= TOLERANCE);
        }
        assert!(one.half_widths.iter().any(|&h| h > 0.0));
        let other = betweenness(&g, &sampled(60, 4, 2));
        assert_ne!(other.scores, one.scores);
        let exact_one = exact(&g);
        let exact_three = betweenness(
            &g,
            &BetweennessOptions {
                threads: 3,
                ..BetweennessOptions::default()
            },
        );
        assert_close(&exact_three.scores, &exact_one.scores);
    }

    #[test]
    fn the_stated_error_bound_holds() {
        let g = graph_from_edges(2_000, &uniform_edges(2_000, 6_000, 21));
        let truth = exact(&g);
        let estimate = betweenness(&g, &sampled(200, 8, 2));
        assert!(!estimate.exact && estimate.complete);
        assert_eq!(estimate.sources_used, 200);
        let worst = estimate
            .scores
            .iter()
            .zip(&truth.scores)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        assert!(
            worst <= estimate.error_bound,
            "{worst} > {}",
            estimate.error_bound
        );
        // Hoeffding's ε = R·√(ln(2n/0.05)/(2k)) with R = n/(n−1) is wider.
        let range = 2_000.0 / 1_999.0;
        let hoeffding = range * ((4_000.0f64 / 0.05).ln() / 400.0).sqrt();
        assert!((hoeffding_half_width(range, 200, 2_000) - hoeffding).abs() < 1e-12);
        assert!(estimate.error_bound < 0.5 * hoeffding);
        // Bisecting every node's own interval gives nearly the same.
        let budget = (4_000.0f64 / 0.05).ln() / 200.0;
        let each = estimate
            .scores
            .iter()
            .map(|&s| {
                let q = s / range;
                (kl_upper(q, budget) - q).max(q - kl_lower(q, budget))
            })
            .fold(0.0, f64::max)
            * range;
        assert!(each <= estimate.error_bound + 1e-15);
        assert!(estimate.error_bound <= each * 1.001, "{each}");
        let between = betweenness_between(&g, &[true; 2_000], &[true; 2_000], &sampled(200, 8, 2));
        let scaled: Vec<f64> = truth.scores.iter().map(|s| s * 1_998.0 / 2_000.0).collect();
        let worst_between = between
            .scores
            .iter()
            .zip(&scaled)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        assert!(worst_between <= between.error_bound);
    }

    /// How often, over 40 seeds, each of the ten top nodes' exact score is
    /// within the half-width of its estimate.
    fn coverage_of_the_top(truth: &[f64], estimate: impl Fn(u64) -> Betweenness) -> Vec<usize> {
        let mut order: Vec<usize> = (0..truth.len()).collect();
        order.sort_by(|&a, &b| truth[b].total_cmp(&truth[a]));
        let top = &order[..10];
        let mut covered = vec![0; top.len()];
        let mut relative_width = 0.0;
        for seed in 0..40 {
            let result = estimate(1_000 + seed);
            for (hits, &v) in covered.iter_mut().zip(top) {
                relative_width += result.half_widths[v] / truth[v] / 400.0;
                if (result.scores[v] - truth[v]).abs() <= result.half_widths[v] {
                    *hits += 1;
                }
            }
        }
        // Not vacuous: narrower on average than the scores themselves.
        assert!(relative_width < 0.75, "{relative_width}");
        covered
    }

    /// Asserts that at least `least` of the 400 trials were covered, each
    /// node at least 30 times in 40, and not all: a true 95% would cover
    /// about 380, give or take 4.4.
    fn assert_covered(covered: &[usize], least: usize) {
        let total: usize = covered.iter().sum();
        assert!(
            (least..=398).contains(&total),
            "{total} of 400: {covered:?}"
        );
        assert!(covered.iter().all(|&c| c >= 30), "{covered:?}");
    }

    #[test]
    fn half_widths_cover_the_top_nodes_exact_scores_most_of_the_time() {
        // As dense as the million-node benchmark: 20 ties a node.
        let g = graph_from_edges(2_000, &uniform_edges(2_000, 20_000, 21));
        let truth = exact(&g);
        let covered = coverage_of_the_top(&truth.scores, |seed| {
            betweenness(&g, &sampled(200, seed, 2))
        });
        // 355 of 400 when written.
        assert_covered(&covered, 340);
        // Groups: from a third of the nodes to half of them.
        let from: Vec<bool> = (0..2_000).map(|v| v % 3 == 0).collect();
        let to: Vec<bool> = (0..2_000).map(|v| v % 2 == 1).collect();
        let truth = betweenness_between(&g, &from, &to, &BetweennessOptions::default());
        let covered = coverage_of_the_top(&truth.scores, |seed| {
            betweenness_between(&g, &from, &to, &sampled(150, seed, 2))
        });
        assert_covered(&covered, 340);
    }

    #[test]
    fn half_widths_undercover_somewhat_on_a_sparse_graph() {
        // Six ties a node: a top node's score comes mostly from the few
        // sources whose paths funnel through it, which a sample of a tenth
        // often misses, taking the spread down with the estimate.
        let g = graph_from_edges(2_000, &uniform_edges(2_000, 6_000, 21));
        let truth = exact(&g);
        let covered = coverage_of_the_top(&truth.scores, |seed| {
            betweenness(&g, &sampled(200, seed, 2))
        });
        // 337 of 400 when written.
        assert_covered(&covered, 320);
    }

    /// Hops and shortest-path counts from `source`, by a plain
    /// breadth-first search over adjacency lists.
    fn counts(adjacent: &[Vec<usize>], source: usize) -> (Vec<Option<usize>>, Vec<f64>) {
        let mut hops = vec![None; adjacent.len()];
        let mut paths = vec![0.0; adjacent.len()];
        hops[source] = Some(0);
        paths[source] = 1.0;
        let mut queue = VecDeque::from([source]);
        while let Some(v) = queue.pop_front() {
            let next = hops[v].map(|h| h + 1);
            for &w in &adjacent[v] {
                if hops[w].is_none() {
                    hops[w] = next;
                    queue.push_back(w);
                }
                if hops[w] == next {
                    paths[w] += paths[v];
                }
            }
        }
        (hops, paths)
    }

    /// `Σ σ_st(v) / σ_st` over the pairs `(s, t)` that `counted` allows,
    /// straight from the definition: `v` lies on a shortest `s`–`t` path
    /// when its hops from both ends add up to theirs, and
    /// `σ_st(v) = σ_sv · σ_vt`.
    fn by_definition(
        nodes: usize,
        edges: &[(u32, u32)],
        counted: impl Fn(usize, usize) -> bool,
    ) -> Vec<f64> {
        let mut adjacent = vec![Vec::new(); nodes];
        for &(a, b) in edges {
            let (a, b) = (a as usize, b as usize);
            if a != b && !adjacent[a].contains(&b) {
                adjacent[a].push(b);
                adjacent[b].push(a);
            }
        }
        let from_each: Vec<_> = (0..nodes).map(|s| counts(&adjacent, s)).collect();
        let mut sums = vec![0.0; nodes];
        for s in 0..nodes {
            for t in 0..nodes {
                let (hops_s, paths_s) = &from_each[s];
                let (hops_t, paths_t) = &from_each[t];
                let Some(length) = hops_s[t] else { continue };
                if s == t || !counted(s, t) {
                    continue;
                }
                for v in (0..nodes).filter(|&v| v != s && v != t) {
                    if let (Some(a), Some(b)) = (hops_s[v], hops_t[v])
                        && a + b == length
                    {
                        sums[v] += paths_s[v] * paths_t[v] / paths_s[t];
                    }
                }
            }
        }
        sums
    }

    fn small_graph() -> impl Strategy<Value = (usize, Vec<(u32, u32)>)> {
        (1usize..18).prop_flat_map(|n| {
            let node = 0..n as u32;
            (Just(n), prop::collection::vec((node.clone(), node), 0..90))
        })
    }

    /// A graph's size and ties, and who is in `from` and in `to`.
    type GroupCase = (usize, Vec<(u32, u32)>, Vec<bool>, Vec<bool>);

    fn small_graph_and_groups() -> impl Strategy<Value = GroupCase> {
        small_graph().prop_flat_map(|(n, edges)| {
            let group = prop::collection::vec(any::<bool>(), n);
            (Just(n), Just(edges), group.clone(), group)
        })
    }

    proptest! {
        #[test]
        fn exact_betweenness_matches_the_definition(
            (nodes, edges) in small_graph(),
            threads in 1usize..4,
        ) {
            let g = graph(nodes, &edges);
            let options = BetweennessOptions { threads, ..BetweennessOptions::default() };
            let result = betweenness(&g, &options);
            // Ordered pairs count each unordered pair twice, which the
            // 2 / ((n − 1)(n − 2)) of unordered pairs halves back.
            let norm = if nodes > 2 { 1.0 / ((nodes - 1) * (nodes - 2)) as f64 } else { 0.0 };
            let expected: Vec<f64> = by_definition(nodes, &edges, |_, _| true)
                .into_iter()
                .map(|sum| sum * norm)
                .collect();
            for (v, (a, e)) in result.scores.iter().zip(&expected).enumerate() {
                prop_assert!((a - e).abs() <= TOLERANCE, "node {}: {} != {}", v, a, e);
            }
            prop_assert!(result.exact && result.complete);
        }

        #[test]
        fn group_brokerage_matches_the_definition(
            (nodes, edges, from, to) in small_graph_and_groups(),
            threads in 1usize..4,
        ) {
            let g = graph(nodes, &edges);
            let options = BetweennessOptions { threads, ..BetweennessOptions::default() };
            let result = betweenness_between(&g, &from, &to, &options);
            let pairs = (0..nodes)
                .flat_map(|s| (0..nodes).map(move |t| (s, t)))
                .filter(|&(s, t)| s != t && from[s] && to[t])
                .count();
            let expected: Vec<f64> = by_definition(nodes, &edges, |s, t| from[s] && to[t])
                .into_iter()
                .map(|sum| if pairs == 0 { 0.0 } else { sum / pairs as f64 })
                .collect();
            for (v, (a, e)) in result.scores.iter().zip(&expected).enumerate() {
                prop_assert!((a - e).abs() <= TOLERANCE, "node {}: {} != {}", v, a, e);
            }
            prop_assert!(result.exact && result.complete);
        }

        #[test]
        fn sampled_scores_are_finite_and_in_range(
            (nodes, edges, from, to) in small_graph_and_groups(),
            count in 0usize..20,
            seed in any::<u64>(),
        ) {
            let g = graph(nodes, &edges);
            let options = sampled(count, seed, 2);
            for result in [betweenness(&g, &options), betweenness_between(&g, &from, &to, &options)] {
                prop_assert!(result.complete);
                prop_assert!(result.error_bound.is_finite() && result.error_bound >= 0.0);
                prop_assert_eq!(result.half_widths.len(), nodes);
                for &score in &result.scores {
                    prop_assert!(score >= 0.0 && score <= 1.0 + result.error_bound + TOLERANCE);
                }
                for &half_width in &result.half_widths {
                    prop_assert!(half_width.is_finite() && half_width >= 0.0);
                    if result.exact {
                        prop_assert_eq!(half_width, 0.0);
                    }
                }
            }
            if nodes > 2 {
                let result = betweenness(&g, &options);
                let range = nodes as f64 / (nodes - 1) as f64;
                prop_assert!(result.error_bound <= range);
                prop_assert!(result.half_widths.iter().all(|&h| h <= range));
                if result.sources_used > 0 {
                    let hoeffding = hoeffding_half_width(range, result.sources_used, nodes);
                    prop_assert!(result.error_bound <= hoeffding + 1e-15);
                }
            }
        }

        #[test]
        fn relative_entropy_intervals_hold_their_estimate_and_rise_with_it(
            q in 0.0f64..=1.0,
            step in 0.0f64..0.2,
            budget in 1e-6f64..20.0,
        ) {
            let (lower, upper) = (kl_lower(q, budget), kl_upper(q, budget));
            prop_assert!((0.0..=q).contains(&lower) && (q..=1.0).contains(&upper));
            // Inside, and no wider than Hoeffding's interval.
            prop_assert!(kl(q, 0.5 * (q + upper)) <= budget);
            prop_assert!(kl(q, 0.5 * (q + lower)) <= budget);
            prop_assert!(upper - q <= (budget / 2.0).sqrt() + 1e-12);
            prop_assert!(q - lower <= (budget / 2.0).sqrt() + 1e-12);
            // Rounded outward: just past either end is out.
            if upper < 1.0 {
                prop_assert!(kl(q, (upper + 1e-9).min(1.0)) > budget);
            }
            if lower > 0.0 {
                prop_assert!(kl(q, (lower - 1e-9).max(0.0)) > budget);
            }
            let further = (q + step).min(1.0);
            prop_assert!(kl_upper(further, budget) >= upper - 1e-12);
            prop_assert!(kl_lower(further, budget) >= lower - 1e-12);
        }

        #[test]
        fn grouped_estimates_bound_every_node_s_interval(
            scores in prop::collection::vec(0.0f64..1.2, 1..300),
            samples in 1usize..500,
        ) {
            let range = 1.2;
            let nodes = scores.len();
            let bound = chernoff_half_width(&scores, range, samples, nodes);
            let budget = (2.0 * nodes as f64 / 0.05).ln() / samples as f64;
            let each = scores
                .iter()
                .map(|&s| {
                    let q = s / range;
                    (kl_upper(q, budget) - q).max(q - kl_lower(q, budget))
                })
                .fold(0.0, f64::max)
                * range;
            let spread = scores.iter().copied().fold(0.0, f64::max)
                - scores.iter().copied().fold(range, f64::min);
            prop_assert!(bound >= each - 1e-12, "{} < {}", bound, each);
            prop_assert!(bound <= each + spread / 1024.0 + 1e-12, "{} > {}", bound, each);
            prop_assert!(bound <= hoeffding_half_width(range, samples, nodes) + 1e-12);
        }
    }

    /// The benchmark: 256 sampled sources on a million nodes and ten
    /// million ties, on two threads.
    #[test]
    #[ignore = "a benchmark: run in release with --ignored --nocapture"]
    fn sampled_betweenness_on_a_million_nodes() {
        let start = std::time::Instant::now();
        let g = graph_from_edges(1_000_000, &uniform_edges(1_000_000, 10_000_000, 42));
        println!(
            "built {} nodes, {} ties in {:.1} s",
            g.node_count(),
            g.edge_count(),
            start.elapsed().as_secs_f64()
        );
        let start = std::time::Instant::now();
        let result = betweenness(&g, &sampled(256, 7, 2));
        let seconds = start.elapsed().as_secs_f64();
        let top = (0..result.scores.len())
            .max_by(|&a, &b| result.scores[a].total_cmp(&result.scores[b]))
            .unwrap_or(0);
        println!(
            "sampled betweenness, k = {}, 2 threads: {seconds:.1} s; \
             top score {:.3e} ± {:.2e} (approximate, {:.0}%); \
             rigorous error bound {:.4} at {:.0}% confidence \
             (Hoeffding's {:.4})",
            result.sources_used,
            result.scores[top],
            result.half_widths[top],
            HALF_WIDTH_CONFIDENCE * 100.0,
            result.error_bound,
            ERROR_BOUND_CONFIDENCE * 100.0,
            hoeffding_half_width(1_000_000.0 / 999_999.0, 256, 1_000_000),
        );
        assert!(result.complete && !result.exact);
    }
}
