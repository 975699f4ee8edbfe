//! Assignment rounds: participants placed with hosts that take a limited
//! number each, over the candidate pairs a caller allows.
//!
//! Two modes:
//!
//! * [`Mode::Optimal`] finds an assignment of maximum total
//!   [`Candidate::score`], exactly. It is a minimum-cost flow (a participant
//!   sends one unit to a host or to "stays free" at cost 0; a host passes
//!   at most its capacity on) solved by cost scaling (Goldberg and Tarjan
//!   1990) with the "double push" of Goldberg and Kennedy's assignment code
//!   (1995): a participant with nowhere to be looks over its candidate
//!   hosts once, takes the best and prices itself by the second best, much
//!   as a bidder in an auction does. Scores are multiplied by the number of
//!   nodes plus one, so that the last phase's ε of 1 is below `1/nodes` in
//!   score units, and a flow that is ε-optimal is then optimal (no cycle of
//!   negative cost is left in the residual network).
//! * [`Mode::Stable`] is deferred acceptance (Gale and Shapley 1962) with
//!   capacities, participants proposing: each participant goes down its
//!   candidate hosts by [`Candidate::participant_score`], each host keeps
//!   the best offers by [`Candidate::host_score`] up to its capacity. The
//!   result is stable, and the best stable assignment for every participant.
//!
//! A pair with a score of 0 or less is never worth taking in
//! [`Mode::Optimal`]: it would not raise the total, so the participant and
//! the host's place are left free instead. [`Mode::Stable`] treats every
//! candidate pair as acceptable whatever its scores.
//!
//! Determinism: candidates are sorted by participant then host before
//! anything else, and every loop runs in that order, so the order of
//! [`Instance::candidates`] never shows in the result. In [`Mode::Stable`]
//! equal scores are broken by ids (the lower host id, the lower participant
//! id first). In [`Mode::Optimal`], when several assignments share the
//! best total, which of them comes back is fixed by the instance alone.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::fmt;
use std::ops::{Add, Div, Mul, Sub};

/// The largest magnitude a [`Candidate::score`] may have: 2⁴⁰, about
/// 10¹², room for a score in points × 1,000,000 up to a million points.
/// Kept well below `i64::MAX` so that the optimal mode's scaled costs and
/// prices have room; [`Candidate::participant_score`] and
/// [`Candidate::host_score`] are only compared and may be any `i64`.
pub const MAX_SCORE: i64 = 1 << 40;

/// The most participants an instance may have (ids are `u32`, and
/// participants and hosts together are numbered in 32 bits inside).
pub const MAX_PARTICIPANTS: usize = i32::MAX as usize;

/// The most hosts an instance may have.
pub const MAX_HOSTS: usize = i32::MAX as usize;

/// What to assign: participants `0..participants`, hosts
/// `0..capacities.len()`, and the pairs allowed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Instance {
    /// How many participants there are; a participant without candidates
    /// is simply left unassigned.
    pub participants: usize,
    /// Each host's capacity: how many participants it can take (0 is
    /// allowed: the host takes nobody).
    pub capacities: Vec<u32>,
    /// The pairs allowed, each at most once, in any order. Hard constraints
    /// (language, field, dates...) are applied by whoever builds this list.
    pub candidates: Vec<Candidate>,
}

/// One allowed participant–host pair and how good it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Candidate {
    pub participant: u32,
    pub host: u32,
    /// What the pair is worth to the round as a whole, summed in
    /// [`Assignment::total_score`] and maximised by [`Mode::Optimal`]; an
    /// integer (points × 1,000,000, say) so that the optimum is exact. At
    /// most [`MAX_SCORE`] in magnitude.
    pub score: i64,
    /// How much the participant wants this host: higher first
    /// ([`Mode::Stable`] only).
    pub participant_score: i64,
    /// How much the host wants this participant: higher first
    /// ([`Mode::Stable`] only).
    pub host_score: i64,
}

/// How to assign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The largest total score, exactly.
    Optimal,
    /// Participant-proposing deferred acceptance: no participant and host
    /// would both rather be together than where they are.
    Stable,
}

/// The result of a round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// Each participant's host, or `None`; `participants` long.
    pub host_of: Vec<Option<u32>>,
    /// The sum of [`Candidate::score`] over the pairs taken (in both modes).
    pub total_score: i64,
    /// The participants left without a host and why, in increasing id.
    pub unassigned: Vec<(u32, Unassigned)>,
}

/// Why a participant has no host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unassigned {
    /// The participant has no candidate pair at all.
    NoCandidates,
    /// Every candidate host worth taking is full with others (or has
    /// capacity 0). In [`Mode::Optimal`] "worth taking" means a score
    /// above 0; in [`Mode::Stable`] every candidate host is full with
    /// participants it prefers.
    HostsFull,
    /// [`Mode::Optimal`] only: every candidate pair scores 0 or less, and
    /// such a pair is never taken.
    NotWorthIt,
}

/// Why an instance was refused. Candidates are named by their index in
/// [`Instance::candidates`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstanceError {
    /// More than [`MAX_PARTICIPANTS`] participants.
    TooManyParticipants { participants: usize },
    /// More than [`MAX_HOSTS`] hosts.
    TooManyHosts { hosts: usize },
    /// More candidate pairs than 32-bit indices can number.
    TooManyCandidates { candidates: usize },
    /// A candidate's `participant` is not below [`Instance::participants`].
    ParticipantOutOfRange {
        candidate: usize,
        participant: u32,
        participants: usize,
    },
    /// A candidate's `host` is not below the number of capacities given.
    HostOutOfRange {
        candidate: usize,
        host: u32,
        hosts: usize,
    },
    /// A candidate's `score` is larger than [`MAX_SCORE`] in magnitude.
    ScoreOutOfRange { candidate: usize, score: i64 },
    /// The same participant–host pair twice: the two lowest indices given
    /// for the pair.
    RepeatedPair {
        first: usize,
        second: usize,
        participant: u32,
        host: u32,
    },
    /// The total score could leave the range of an `i64`: summed over
    /// participants, the best (or the worst) candidate scores pass it.
    TotalScoreOutOfRange,
}

impl fmt::Display for InstanceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InstanceError::TooManyParticipants { participants } => write!(
                f,
                "{participants} participants, more than the {MAX_PARTICIPANTS} allowed"
            ),
            InstanceError::TooManyHosts { hosts } => {
                write!(f, "{hosts} hosts, more than the {MAX_HOSTS} allowed")
            }
            InstanceError::TooManyCandidates { candidates } => {
                write!(
                    f,
                    "{candidates} candidate pairs, more than 32 bits can number"
                )
            }
            InstanceError::ParticipantOutOfRange {
                candidate,
                participant,
                participants,
            } => write!(
                f,
                "candidate {candidate}: participant {participant} is out of range \
                 (there are {participants} participants)"
            ),
            InstanceError::HostOutOfRange {
                candidate,
                host,
                hosts,
            } => write!(
                f,
                "candidate {candidate}: host {host} is out of range (there are {hosts} hosts)"
            ),
            InstanceError::ScoreOutOfRange { candidate, score } => write!(
                f,
                "candidate {candidate}: score {score} is larger than {MAX_SCORE} in magnitude"
            ),
            InstanceError::RepeatedPair {
                first,
                second,
                participant,
                host,
            } => write!(
                f,
                "candidates {first} and {second} repeat the pair of participant {participant} \
                 and host {host}"
            ),
            InstanceError::TotalScoreOutOfRange => {
                write!(f, "the total score could overflow a 64-bit integer")
            }
        }
    }
}

impl std::error::Error for InstanceError {}

/// Assigns participants to hosts in the given mode.
///
/// Every participant gets at most one host, every host at most its
/// capacity, and only candidate pairs are used. The instance is checked
/// first and refused with an [`InstanceError`] naming the first bad
/// candidate; nothing in here panics, whatever the input.
///
/// [`Mode::Optimal`] runs in `O(V²·E·log(V·C))` time at worst (`V`
/// participants and hosts, `E` candidate pairs, `C` the largest score),
/// far less in practice: a random round of 50,000 participants with 50
/// candidate hosts each takes under a second on one thread.
/// [`Mode::Stable`] runs in `O(E log E)`.
pub fn assign(instance: &Instance, mode: Mode) -> Result<Assignment, InstanceError> {
    let sorted = validate(instance)?;
    let host_of = match mode {
        Mode::Optimal => optimal(instance, &sorted).host_of,
        Mode::Stable => stable(instance, &sorted),
    };
    Ok(finish(instance, &sorted, mode, host_of))
}

/// Candidate indices sorted by participant then host, and where each
/// participant's run of them starts (`participants + 1` entries).
#[derive(Debug)]
struct Sorted {
    order: Vec<u32>,
    start: Vec<u32>,
}

impl Sorted {
    fn of(&self, participant: usize) -> &[u32] {
        &self.order[self.start[participant] as usize..self.start[participant + 1] as usize]
    }
}

fn validate(instance: &Instance) -> Result<Sorted, InstanceError> {
    let n = instance.participants;
    let hosts = instance.capacities.len();
    let candidates = &instance.candidates;
    if n > MAX_PARTICIPANTS {
        return Err(InstanceError::TooManyParticipants { participants: n });
    }
    if hosts > MAX_HOSTS {
        return Err(InstanceError::TooManyHosts { hosts });
    }
    if candidates.len() >= u32::MAX as usize / 2 {
        return Err(InstanceError::TooManyCandidates {
            candidates: candidates.len(),
        });
    }
    for (index, c) in candidates.iter().enumerate() {
        if c.participant as usize >= n {
            return Err(InstanceError::ParticipantOutOfRange {
                candidate: index,
                participant: c.participant,
                participants: n,
            });
        }
        if c.host as usize >= hosts {
            return Err(InstanceError::HostOutOfRange {
                candidate: index,
                host: c.host,
                hosts,
            });
        }
        if c.score.unsigned_abs() > MAX_SCORE as u64 {
            return Err(InstanceError::ScoreOutOfRange {
                candidate: index,
                score: c.score,
            });
        }
    }
    // A counting sort by participant, stable in the input index, then each
    // participant's few candidates by host.
    let mut start = vec![0u32; n + 1];
    for c in candidates {
        start[c.participant as usize + 1] += 1;
    }
    for p in 0..n {
        start[p + 1] += start[p];
    }
    let mut order = vec![0u32; candidates.len()];
    {
        let mut next = start.clone();
        for (index, c) in candidates.iter().enumerate() {
            let slot = &mut next[c.participant as usize];
            order[*slot as usize] = index as u32;
            *slot += 1;
        }
    }
    let mut best_sum: i128 = 0;
    let mut worst_sum: i128 = 0;
    for p in 0..n {
        let run = &mut order[start[p] as usize..start[p + 1] as usize];
        run.sort_unstable_by_key(|&index| (candidates[index as usize].host, index));
        for pair in run.windows(2) {
            let (a, b) = (&candidates[pair[0] as usize], &candidates[pair[1] as usize]);
            if a.host == b.host {
                return Err(InstanceError::RepeatedPair {
                    first: pair[0] as usize,
                    second: pair[1] as usize,
                    participant: a.participant,
                    host: a.host,
                });
            }
        }
        let scores = run.iter().map(|&index| candidates[index as usize].score);
        best_sum += i128::from(scores.clone().max().unwrap_or(0).max(0));
        worst_sum += i128::from(scores.min().unwrap_or(0).min(0));
    }
    if best_sum > i128::from(i64::MAX) || worst_sum < i128::from(i64::MIN) {
        return Err(InstanceError::TotalScoreOutOfRange);
    }
    Ok(Sorted { order, start })
}

/// The totals and reasons, the same for both modes.
fn finish(
    instance: &Instance,
    sorted: &Sorted,
    mode: Mode,
    host_of: Vec<Option<u32>>,
) -> Assignment {
    let candidates = &instance.candidates;
    let mut total_score = 0i64;
    let mut unassigned = Vec::new();
    for (p, host) in host_of.iter().enumerate() {
        let run = sorted.of(p);
        match host {
            Some(h) => {
                // The pair is among the participant's candidates, sorted by
                // host; validation bounded the sum of the best scores.
                if let Ok(at) = run.binary_search_by_key(h, |&i| candidates[i as usize].host) {
                    total_score = total_score.saturating_add(candidates[run[at] as usize].score);
                }
            }
            None => {
                let reason = if run.is_empty() {
                    Unassigned::NoCandidates
                } else if mode == Mode::Optimal
                    && run.iter().all(|&i| candidates[i as usize].score <= 0)
                {
                    Unassigned::NotWorthIt
                } else {
                    Unassigned::HostsFull
                };
                unassigned.push((p as u32, reason));
            }
        }
    }
    Assignment {
        host_of,
        total_score,
        unassigned,
    }
}

// ---------------------------------------------------------------------------
// Stable: deferred acceptance.

/// An offer as a host weighs it, ordered worst first: a lower host_score,
/// then a higher participant id, is worse.
type Offer = Reverse<(i64, Reverse<u32>)>;

fn stable(instance: &Instance, sorted: &Sorted) -> Vec<Option<u32>> {
    let n = instance.participants;
    let candidates = &instance.candidates;
    // Each participant's candidates, most wanted first: higher
    // participant_score, then lower host id.
    let mut order = sorted.order.clone();
    for p in 0..n {
        order[sorted.start[p] as usize..sorted.start[p + 1] as usize].sort_unstable_by_key(
            |&index| {
                let c = &candidates[index as usize];
                (Reverse(c.participant_score), c.host)
            },
        );
    }
    // What each host holds, worst on top: lower host_score, then higher
    // participant id, is worse.
    let mut held: Vec<BinaryHeap<Offer>> = vec![BinaryHeap::new(); instance.capacities.len()];
    let mut next: Vec<u32> = sorted.start[..n].to_vec();
    let mut host_of: Vec<Option<u32>> = vec![None; n];
    // Free participants, lowest id proposing first.
    let mut free: Vec<u32> = (0..n as u32).rev().collect();
    while let Some(p) = free.pop() {
        let end = sorted.start[p as usize + 1];
        while next[p as usize] < end {
            let c = &candidates[order[next[p as usize] as usize] as usize];
            next[p as usize] += 1;
            let h = c.host as usize;
            let capacity = instance.capacities[h] as usize;
            let offer = Reverse((c.host_score, Reverse(p)));
            if held[h].len() < capacity {
                held[h].push(offer);
                host_of[p as usize] = Some(c.host);
                break;
            }
            // Full (or capacity 0): the offer replaces the worst held if
            // the host prefers it.
            let better = held[h].peek().is_some_and(|worst| offer < *worst);
            if better {
                if let Some(Reverse((_, Reverse(rejected)))) = held[h].pop() {
                    host_of[rejected as usize] = None;
                    free.push(rejected);
                }
                held[h].push(offer);
                host_of[p as usize] = Some(c.host);
                break;
            }
        }
    }
    host_of
}

// ---------------------------------------------------------------------------
// Optimal: cost scaling on the participant → host → sink network.

/// The integer type prices are kept in: `i64` when the scaled scores leave
/// room, `i128` otherwise.
trait Price:
    Copy
    + Ord
    + fmt::Debug
    + From<i64>
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
{
    /// Prices only ever fall below 0 (hosts and the sink are relabelled
    /// downwards); one below this means the bound the type was chosen by
    /// was wrong, and the round is redone in a wider type.
    const FLOOR: Self;
    /// Below every price.
    const BOTTOM: Self;
}

impl Price for i64 {
    const FLOOR: i64 = i64::MIN / 4;
    const BOTTOM: i64 = i64::MIN;
}

impl Price for i128 {
    const FLOOR: i128 = i128::MIN / 4;
    const BOTTOM: i128 = i128::MIN;
}

/// Each phase divides ε by this (8 to 32 time alike on random rounds).
const SCALING: i64 = 16;

/// A participant's state: the candidate arc it sends its unit along, or one
/// of these.
const FREE: u32 = u32::MAX;
const ACTIVE: u32 = u32::MAX - 1;

/// The network in local numbers: only participants and hosts that have a
/// candidate pair worth taking (score above 0, host capacity above 0).
#[derive(Debug)]
struct Network {
    /// Local participant → its id.
    participant_id: Vec<u32>,
    /// Local host → its id.
    host_id: Vec<u32>,
    /// Each local participant's arcs: `arc_start[p]..arc_start[p + 1]`.
    arc_start: Vec<u32>,
    arc_host: Vec<u32>,
    arc_score: Vec<i64>,
    /// Capacity of each local host, at most its number of arcs.
    capacity: Vec<u32>,
    /// Scores are multiplied by this: the number of nodes (participants,
    /// hosts and the sink) plus one.
    scale: i64,
}

#[derive(Debug)]
struct Optimum {
    host_of: Vec<Option<u32>>,
    /// For checks: the network and the final prices in scaled units, for
    /// participants, hosts and the sink, in local numbers.
    #[cfg_attr(not(test), allow(dead_code))]
    network: Network,
    #[cfg_attr(not(test), allow(dead_code))]
    prices: Vec<i128>,
}

fn optimal(instance: &Instance, sorted: &Sorted) -> Optimum {
    let network = build_network(instance, sorted);
    let n = network.participant_id.len();
    let m = network.host_id.len();
    let max_score = network.arc_score.iter().copied().max().unwrap_or(0);
    // Prices drift by at most about 3·V·C over all phases (C the largest
    // scaled score); i64 when 32 times that fits.
    let nodes = (n + m + 1) as i128;
    let bound = i128::from(max_score) * i128::from(network.scale) * (4 * nodes + 8) * 32;
    let solved = if bound < i128::from(i64::MAX) {
        solve::<i64>(&network).map(|(a, p)| (a, p.into_iter().map(i128::from).collect()))
    } else {
        None
    };
    let (state, prices) = match solved {
        Some(found) => found,
        // The wide type has room for 2⁴⁰ · 2³³ · 2³⁵ and more; it cannot
        // run out, but were it to, everyone stays free rather than panic.
        None => solve::<i128>(&network).unwrap_or_else(|| (vec![FREE; n], vec![0; n + m + 1])),
    };
    let mut host_of = vec![None; instance.participants];
    for (p, &arc) in state.iter().enumerate() {
        if arc != FREE && arc != ACTIVE {
            let host = network.arc_host[arc as usize] as usize;
            host_of[network.participant_id[p] as usize] = Some(network.host_id[host]);
        }
    }
    Optimum {
        host_of,
        network,
        prices,
    }
}

fn build_network(instance: &Instance, sorted: &Sorted) -> Network {
    let candidates = &instance.candidates;
    let worth = |index: u32| {
        let c = &candidates[index as usize];
        c.score > 0 && instance.capacities[c.host as usize] > 0
    };
    let mut host_local = vec![u32::MAX; instance.capacities.len()];
    let mut degree = vec![0u32; instance.capacities.len()];
    let mut participant_id = Vec::new();
    let mut arc_start = vec![0u32];
    let mut arcs = Vec::new();
    for p in 0..instance.participants {
        let before = arcs.len();
        arcs.extend(sorted.of(p).iter().copied().filter(|&i| worth(i)));
        if arcs.len() > before {
            participant_id.push(p as u32);
            arc_start.push(arcs.len() as u32);
        }
    }
    for &index in &arcs {
        degree[candidates[index as usize].host as usize] += 1;
    }
    let mut host_id = Vec::new();
    let mut capacity = Vec::new();
    for (h, &d) in degree.iter().enumerate() {
        if d > 0 {
            host_local[h] = host_id.len() as u32;
            host_id.push(h as u32);
            capacity.push(instance.capacities[h].min(d));
        }
    }
    let arc_host = arcs
        .iter()
        .map(|&i| host_local[candidates[i as usize].host as usize])
        .collect();
    let arc_score = arcs.iter().map(|&i| candidates[i as usize].score).collect();
    let scale = (participant_id.len() + host_id.len() + 2) as i64;
    Network {
        participant_id,
        host_id,
        arc_start,
        arc_host,
        arc_score,
        capacity,
        scale,
    }
}

/// Cost scaling. Nodes: participants (supply 1), hosts, the sink `t`
/// (demand: every participant). Arcs: participant → host of cost
/// `-score·scale`, capacity 1; participant → `t` of cost 0, capacity 1
/// (staying free); host → `t` of cost 0 and the host's capacity.
///
/// Reduced costs are `c(u, v) + p(u) - p(v)`; a pseudoflow is ε-optimal
/// when every residual arc's reduced cost is at least `-ε`, and an arc is
/// admissible when its reduced cost is below 0. For a participant the
/// "value" of an arc to `v` is `p(v) - c(u, v)`: it wants the largest.
///
/// Returns each participant's arc (or [`FREE`]) and the prices, or `None`
/// if a price fell below [`Price::FLOOR`].
fn solve<T: Price>(network: &Network) -> Option<(Vec<u32>, Vec<T>)> {
    let mut solver = Solver::<T>::new(network);
    let max_gain = solver.gain.iter().copied().max().unwrap_or(T::from(0));
    let one = T::from(1);
    let mut epsilon = max_gain;
    while epsilon > one {
        epsilon = (epsilon / T::from(SCALING)).max(one);
        solver.refine(epsilon)?;
    }
    let mut prices = solver.participant_price;
    prices.extend(solver.host_price);
    prices.push(solver.sink_price);
    Some((solver.state, prices))
}

/// `value - epsilon`, or `None` when `value` is already below the floor
/// prices may reach (or is [`Price::BOTTOM`], "no arc").
fn lower<T: Price>(value: T, epsilon: T) -> Option<T> {
    if value < T::FLOOR {
        None
    } else {
        Some(value - epsilon)
    }
}

#[derive(Debug)]
struct Solver<'a, T> {
    network: &'a Network,
    /// `score·scale` per arc: minus the arc's cost.
    gain: Vec<T>,
    epsilon: T,
    participant_price: Vec<T>,
    host_price: Vec<T>,
    sink_price: T,
    /// Per participant: its arc, [`FREE`] or [`ACTIVE`] (holding its unit).
    state: Vec<u32>,
    /// Flow on each host → `t` arc.
    fill: Vec<u32>,
    /// Each host's participants as `(participant, arc)`, at
    /// `slot_start[h]..slot_start[h] + slot_len[h]`; room for its capacity
    /// plus one (a host holds one too many for a moment).
    slots: Vec<(u32, u32)>,
    slot_start: Vec<u32>,
    slot_len: Vec<u32>,
    /// Excess at `t`: what flows in less the demand.
    sink_excess: i64,
    queue: VecDeque<u32>,
    host_queued: Vec<bool>,
    sink_queued: bool,
    /// The sink's current arc: its arcs are participants `0..n` then hosts.
    sink_cursor: usize,
}

impl<'a, T: Price> Solver<'a, T> {
    fn new(network: &'a Network) -> Self {
        let n = network.participant_id.len();
        let m = network.host_id.len();
        let scale = T::from(network.scale);
        let gain = network
            .arc_score
            .iter()
            .map(|&s| T::from(s) * scale)
            .collect();
        let mut slot_start = Vec::with_capacity(m + 1);
        let mut total = 0u32;
        for &c in &network.capacity {
            slot_start.push(total);
            total += c + 1;
        }
        slot_start.push(total);
        Solver {
            network,
            gain,
            epsilon: T::from(1),
            participant_price: vec![T::from(0); n],
            host_price: vec![T::from(0); m],
            sink_price: T::from(0),
            state: vec![FREE; n],
            fill: vec![0; m],
            slots: vec![(0, 0); total as usize],
            slot_start,
            slot_len: vec![0; m],
            sink_excess: 0,
            queue: VecDeque::new(),
            host_queued: vec![false; m],
            sink_queued: false,
            sink_cursor: 0,
        }
    }

    fn arcs(&self, p: usize) -> std::ops::Range<usize> {
        self.network.arc_start[p] as usize..self.network.arc_start[p + 1] as usize
    }

    /// Turns the `ε·SCALING`-optimal circulation into an ε-optimal one.
    fn refine(&mut self, epsilon: T) -> Option<()> {
        self.epsilon = epsilon;
        let n = self.state.len();
        let m = self.fill.len();
        // Participants keep their place when a price of their own can make
        // all their arcs ε-optimal again; the others let go and bid anew.
        for p in 0..n {
            let current = self.state[p];
            let mut best_other = if current == FREE {
                T::BOTTOM
            } else {
                self.sink_price
            };
            let mut own = self.sink_price;
            for a in self.arcs(p) {
                let value = self.host_price[self.network.arc_host[a] as usize] + self.gain[a];
                if a as u32 == current {
                    own = value;
                } else if value > best_other {
                    best_other = value;
                }
            }
            let low = lower(best_other, epsilon)?;
            let high = own + epsilon;
            if low <= high {
                let price = self.participant_price[p];
                self.participant_price[p] = price.max(low).min(high);
            } else {
                if current == FREE {
                    self.sink_excess -= 1;
                } else {
                    let h = self.network.arc_host[current as usize] as usize;
                    self.remove_slot(h, p as u32);
                }
                self.participant_price[p] = low.max(lower(own, epsilon)?);
                self.state[p] = ACTIVE;
                self.queue.push_back(p as u32);
            }
        }
        // Hosts settle their arc to the sink the same way, by moving flow.
        for h in 0..m {
            let capacity = self.network.capacity[h];
            let price = self.host_price[h];
            if self.fill[h] < capacity && price - self.sink_price < T::from(0) - epsilon {
                self.sink_excess += i64::from(capacity - self.fill[h]);
                self.fill[h] = capacity;
            } else if self.fill[h] > 0 && self.sink_price - price < T::from(0) - epsilon {
                self.sink_excess -= i64::from(self.fill[h]);
                self.fill[h] = 0;
            }
            if self.slot_len[h] > self.fill[h] {
                self.enqueue_host(h);
            }
        }
        self.sink_cursor = 0;
        if self.sink_excess > 0 {
            self.sink_queued = true;
            self.queue.push_back((n + m) as u32);
        }
        while let Some(u) = self.queue.pop_front() {
            let u = u as usize;
            if u < n {
                if self.state[u] == ACTIVE {
                    self.discharge_participant(u)?;
                }
            } else if u < n + m {
                self.host_queued[u - n] = false;
                self.discharge_host(u - n)?;
            } else {
                self.sink_queued = false;
                self.discharge_sink()?;
            }
        }
        Some(())
    }

    fn enqueue_host(&mut self, h: usize) {
        if !self.host_queued[h] {
            self.host_queued[h] = true;
            self.queue.push_back((self.state.len() + h) as u32);
        }
    }

    fn enqueue_sink(&mut self) {
        if !self.sink_queued && self.sink_excess > 0 {
            self.sink_queued = true;
            self.queue
                .push_back((self.state.len() + self.fill.len()) as u32);
        }
    }

    fn remove_slot(&mut self, h: usize, p: u32) {
        let start = self.slot_start[h] as usize;
        let len = self.slot_len[h] as usize;
        if let Some(k) = self.slots[start..start + len].iter().position(|s| s.0 == p) {
            self.slots[start + k] = self.slots[start + len - 1];
            self.slot_len[h] -= 1;
        }
    }

    /// Double push: the participant takes its best arc and prices itself by
    /// the second best less ε; the host it lands on passes its excess on at
    /// once.
    fn discharge_participant(&mut self, p: usize) -> Option<()> {
        let mut best = self.sink_price;
        let mut best_arc = FREE;
        let mut second = T::BOTTOM;
        for a in self.arcs(p) {
            let value = self.host_price[self.network.arc_host[a] as usize] + self.gain[a];
            if value > best {
                second = best;
                best = value;
                best_arc = a as u32;
            } else if value > second {
                second = value;
            }
        }
        self.participant_price[p] = lower(second, self.epsilon)?;
        self.state[p] = best_arc;
        if best_arc == FREE {
            self.sink_excess += 1;
            self.enqueue_sink();
            return Some(());
        }
        let h = self.network.arc_host[best_arc as usize] as usize;
        let at = (self.slot_start[h] + self.slot_len[h]) as usize;
        if at >= self.slot_start[h + 1] as usize {
            // Never: a host holds at most one more than its capacity.
            return None;
        }
        self.slots[at] = (p as u32, best_arc);
        self.slot_len[h] += 1;
        self.discharge_host(h)
    }

    fn discharge_host(&mut self, h: usize) -> Option<()> {
        let capacity = self.network.capacity[h];
        let start = self.slot_start[h] as usize;
        while self.slot_len[h] > self.fill[h] {
            let len = self.slot_len[h] as usize;
            // The best residual arc: to the sink if there is room, or back
            // to a participant held.
            let (mut best, mut target) = if self.fill[h] < capacity {
                (self.sink_price, usize::MAX)
            } else {
                (T::BOTTOM, usize::MAX)
            };
            for k in 0..len {
                let (p, a) = self.slots[start + k];
                let value = self.participant_price[p as usize] - self.gain[a as usize];
                if value > best {
                    best = value;
                    target = k;
                }
            }
            if best <= self.host_price[h] {
                self.host_price[h] = lower(best, self.epsilon)?;
            }
            if target == usize::MAX {
                let amount = (self.slot_len[h] - self.fill[h]).min(capacity - self.fill[h]);
                self.fill[h] += amount;
                self.sink_excess += i64::from(amount);
                self.enqueue_sink();
            } else {
                let (p, _) = self.slots[start + target];
                self.slots[start + target] = self.slots[start + len - 1];
                self.slot_len[h] -= 1;
                self.state[p as usize] = ACTIVE;
                self.queue.push_back(p);
            }
        }
        Some(())
    }

    fn discharge_sink(&mut self) -> Option<()> {
        let n = self.state.len();
        let m = self.fill.len();
        while self.sink_excess > 0 {
            if self.sink_cursor == n + m {
                // No admissible arc left: relabel.
                let mut best = T::BOTTOM;
                for p in 0..n {
                    if self.state[p] == FREE {
                        best = best.max(self.participant_price[p]);
                    }
                }
                for h in 0..m {
                    if self.fill[h] > 0 {
                        best = best.max(self.host_price[h]);
                    }
                }
                self.sink_price = lower(best, self.epsilon)?;
                self.sink_cursor = 0;
                continue;
            }
            let v = self.sink_cursor;
            if v < n {
                if self.state[v] == FREE && self.participant_price[v] > self.sink_price {
                    self.state[v] = ACTIVE;
                    self.sink_excess -= 1;
                    self.queue.push_back(v as u32);
                } else {
                    self.sink_cursor += 1;
                }
            } else {
                let h = v - n;
                if self.fill[h] > 0 && self.host_price[h] > self.sink_price {
                    let amount = self.sink_excess.min(i64::from(self.fill[h]));
                    self.fill[h] -= amount as u32;
                    self.sink_excess -= amount;
                    if self.slot_len[h] > self.fill[h] {
                        self.enqueue_host(h);
                    }
                } else {
                    self.sink_cursor += 1;
                }
            }
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::time::Instant;

    /// SplitMix64, as `kyoso-network`'s generator has it.
    struct SplitMix64(u64);

    impl SplitMix64 {
        fn next_u64(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        fn below(&mut self, bound: u64) -> u64 {
            ((u128::from(self.next_u64() >> 32) * u128::from(bound)) >> 32) as u64
        }

        fn range(&mut self, low: i64, high: i64) -> i64 {
            low + self.below((high - low + 1) as u64) as i64
        }
    }

    /// A random round: `per` distinct candidate hosts for each participant
    /// (fewer if there are fewer hosts), capacities in `capacity`, every
    /// score in `score`.
    fn random_instance(
        seed: u64,
        participants: usize,
        hosts: usize,
        per: usize,
        capacity: (i64, i64),
        score: (i64, i64),
    ) -> Instance {
        let mut random = SplitMix64(seed);
        let capacities = (0..hosts)
            .map(|_| random.range(capacity.0, capacity.1) as u32)
            .collect();
        let mut candidates = Vec::with_capacity(participants * per);
        let mut seen = vec![u32::MAX; hosts];
        for p in 0..participants as u32 {
            let want = per.min(hosts);
            let mut taken = 0;
            while taken < want {
                let h = random.below(hosts as u64) as u32;
                if seen[h as usize] == p {
                    continue;
                }
                seen[h as usize] = p;
                taken += 1;
                candidates.push(Candidate {
                    participant: p,
                    host: h,
                    score: random.range(score.0, score.1),
                    participant_score: random.range(score.0, score.1),
                    host_score: random.range(score.0, score.1),
                });
            }
        }
        Instance {
            participants,
            capacities,
            candidates,
        }
    }

    fn shuffled(instance: &Instance, seed: u64) -> Instance {
        let mut random = SplitMix64(seed);
        let mut shuffled = instance.clone();
        let list = &mut shuffled.candidates;
        for i in (1..list.len()).rev() {
            list.swap(i, random.below(i as u64 + 1) as usize);
        }
        shuffled
    }

    fn find(instance: &Instance, p: u32, h: u32) -> Option<&Candidate> {
        instance
            .candidates
            .iter()
            .find(|c| c.participant == p && c.host == h)
    }

    /// Capacities kept, only candidate pairs, the total and the reasons
    /// consistent with the hosts.
    fn check_feasible(instance: &Instance, mode: Mode, result: &Assignment) {
        assert_eq!(result.host_of.len(), instance.participants);
        let mut load = vec![0u32; instance.capacities.len()];
        let mut total = 0i64;
        for (p, host) in result.host_of.iter().enumerate() {
            if let Some(h) = *host {
                let c = find(instance, p as u32, h).expect("a candidate pair");
                total += c.score;
                load[h as usize] += 1;
                if mode == Mode::Optimal {
                    assert!(c.score > 0, "a pair scoring {} was taken", c.score);
                }
            }
        }
        for (h, &l) in load.iter().enumerate() {
            assert!(l <= instance.capacities[h], "host {h} over capacity");
        }
        assert_eq!(total, result.total_score);
        let mut expected = Vec::new();
        for (p, host) in result.host_of.iter().enumerate() {
            if host.is_some() {
                continue;
            }
            let mine: Vec<_> = instance
                .candidates
                .iter()
                .filter(|c| c.participant == p as u32)
                .collect();
            let reason = if mine.is_empty() {
                Unassigned::NoCandidates
            } else if mode == Mode::Optimal && mine.iter().all(|c| c.score <= 0) {
                Unassigned::NotWorthIt
            } else {
                Unassigned::HostsFull
            };
            if reason == Unassigned::HostsFull {
                for c in &mine {
                    if mode == Mode::Stable || c.score > 0 {
                        let h = c.host as usize;
                        assert_eq!(load[h], instance.capacities[h], "host {h} is not full");
                    }
                }
            }
            expected.push((p as u32, reason));
        }
        assert_eq!(result.unassigned, expected);
    }

    /// The best total over every feasible assignment.
    fn brute_force(instance: &Instance) -> i64 {
        fn go(instance: &Instance, p: u32, load: &mut Vec<u32>) -> i64 {
            if p as usize == instance.participants {
                return 0;
            }
            let mut best = go(instance, p + 1, load);
            for c in instance.candidates.iter().filter(|c| c.participant == p) {
                let h = c.host as usize;
                if load[h] < instance.capacities[h] {
                    load[h] += 1;
                    best = best.max(c.score + go(instance, p + 1, load));
                    load[h] -= 1;
                }
            }
            best
        }
        go(instance, 0, &mut vec![0; instance.capacities.len()])
    }

    /// A pair that blocks: the participant strictly prefers the host to
    /// where it is, and the host has room or strictly prefers the
    /// participant to someone it holds (scores, then ids, as documented).
    fn blocking_pair(instance: &Instance, result: &Assignment) -> Option<(u32, u32)> {
        let rank_p = |c: &Candidate| (c.participant_score, Reverse(c.host));
        let rank_h = |c: &Candidate| (c.host_score, Reverse(c.participant));
        let mut held: Vec<Vec<&Candidate>> = vec![Vec::new(); instance.capacities.len()];
        for (p, host) in result.host_of.iter().enumerate() {
            if let Some(h) = *host {
                held[h as usize].push(find(instance, p as u32, h)?);
            }
        }
        for c in &instance.candidates {
            let current = result.host_of[c.participant as usize];
            if current == Some(c.host) {
                continue;
            }
            let wants = match current {
                None => true,
                Some(h) => rank_p(c) > rank_p(find(instance, c.participant, h)?),
            };
            let h = c.host as usize;
            let room = (held[h].len() as u32) < instance.capacities[h];
            let takes = room || held[h].iter().any(|d| rank_h(c) > rank_h(d));
            if wants && takes {
                return Some((c.participant, c.host));
            }
        }
        None
    }

    /// Whether the residual network of `result` has no cycle of negative
    /// cost: Bellman–Ford with a queue, from `start` (any potentials; good
    /// ones make it quick), gives up after a node is lowered more often
    /// than there are nodes. Nodes: participants, hosts, the sink.
    fn no_negative_cycle(instance: &Instance, result: &Assignment, start: Vec<i128>) -> bool {
        let n = instance.participants;
        let m = instance.capacities.len();
        let t = n + m;
        let nodes = n + m + 1;
        let mut arcs: Vec<Vec<(usize, i128)>> = vec![Vec::new(); nodes];
        let mut load = vec![0u32; m];
        for c in &instance.candidates {
            let (p, h) = (c.participant as usize, c.host as usize);
            if result.host_of[p] == Some(c.host) {
                arcs[n + h].push((p, i128::from(c.score)));
            } else {
                arcs[p].push((n + h, -i128::from(c.score)));
            }
        }
        for (p, host) in result.host_of.iter().enumerate() {
            match host {
                Some(h) => {
                    load[*h as usize] += 1;
                    arcs[p].push((t, 0));
                }
                None => arcs[t].push((p, 0)),
            }
        }
        for h in 0..m {
            if load[h] < instance.capacities[h] {
                arcs[n + h].push((t, 0));
            }
            if load[h] > 0 {
                arcs[t].push((n + h, 0));
            }
        }
        let mut distance = start;
        let mut lowered = vec![0usize; nodes];
        let mut queued = vec![true; nodes];
        let mut queue: VecDeque<usize> = (0..nodes).collect();
        while let Some(u) = queue.pop_front() {
            queued[u] = false;
            for &(v, cost) in &arcs[u] {
                if distance[u] + cost < distance[v] {
                    distance[v] = distance[u] + cost;
                    lowered[v] += 1;
                    if lowered[v] > nodes {
                        return false;
                    }
                    if !queued[v] {
                        queued[v] = true;
                        queue.push_back(v);
                    }
                }
            }
        }
        true
    }

    /// The solver's own prices in score units, as a start for
    /// [`no_negative_cycle`]; not trusted, only a head start.
    fn solver_potentials(instance: &Instance) -> (Assignment, Vec<i128>) {
        let sorted = validate(instance).expect("a valid instance");
        let optimum = optimal(instance, &sorted);
        let network = &optimum.network;
        let (n, m) = (instance.participants, instance.capacities.len());
        let local_n = network.participant_id.len();
        let local_m = network.host_id.len();
        let scale = i128::from(network.scale);
        let mut start = vec![0i128; n + m + 1];
        for (local, &p) in network.participant_id.iter().enumerate() {
            start[p as usize] = optimum.prices[local].div_euclid(scale);
        }
        for (local, &h) in network.host_id.iter().enumerate() {
            start[n + h as usize] = optimum.prices[local_n + local].div_euclid(scale);
        }
        start[n + m] = optimum.prices[local_n + local_m].div_euclid(scale);
        let result = finish(instance, &sorted, Mode::Optimal, optimum.host_of);
        (result, start)
    }

    fn tiny_instance() -> impl Strategy<Value = Instance> {
        (1usize..=6, 1usize..=3).prop_flat_map(|(n, m)| {
            let pairs: Vec<(u32, u32)> = (0..n as u32)
                .flat_map(|p| (0..m as u32).map(move |h| (p, h)))
                .collect();
            let count = pairs.len();
            (
                proptest::collection::vec(0u32..=3, m),
                proptest::collection::vec((any::<bool>(), -3i64..=10, -2i64..=2, -2i64..=2), count),
            )
                .prop_map(move |(capacities, picks)| Instance {
                    participants: n,
                    capacities,
                    candidates: pairs
                        .iter()
                        .zip(picks)
                        .filter(|(_, pick)| pick.0)
                        .map(|(&(p, h), (_, score, ps, hs))| Candidate {
                            participant: p,
                            host: h,
                            score,
                            participant_score: ps,
                            host_score: hs,
                        })
                        .collect(),
                })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn optimal_matches_brute_force(instance in tiny_instance()) {
            let result = assign(&instance, Mode::Optimal).expect("valid");
            check_feasible(&instance, Mode::Optimal, &result);
            prop_assert_eq!(result.total_score, brute_force(&instance));
            prop_assert!(no_negative_cycle(&instance, &result, vec![0; instance.participants + instance.capacities.len() + 1]));
        }

        #[test]
        fn stable_has_no_blocking_pair(instance in tiny_instance()) {
            let result = assign(&instance, Mode::Stable).expect("valid");
            check_feasible(&instance, Mode::Stable, &result);
            prop_assert_eq!(blocking_pair(&instance, &result), None);
        }

        #[test]
        fn order_of_candidates_does_not_matter(instance in tiny_instance(), seed in any::<u64>()) {
            let again = shuffled(&instance, seed);
            for mode in [Mode::Optimal, Mode::Stable] {
                prop_assert_eq!(assign(&instance, mode), assign(&again, mode));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Larger random rounds, with many equal scores: stable has no
        /// blocking pair, optimal leaves no negative cycle, and neither
        /// depends on the order of candidates.
        #[test]
        fn random_rounds(seed in any::<u64>(), n in 1usize..120, m in 1usize..30, per in 1usize..8, top in 1i64..20) {
            let instance = random_instance(seed, n, m, per, (0, 4), (-2, top));
            let again = shuffled(&instance, seed ^ 1);
            let stable = assign(&instance, Mode::Stable).expect("valid");
            check_feasible(&instance, Mode::Stable, &stable);
            prop_assert_eq!(blocking_pair(&instance, &stable), None);
            prop_assert_eq!(&stable, &assign(&again, Mode::Stable).expect("valid"));
            let best = assign(&instance, Mode::Optimal).expect("valid");
            check_feasible(&instance, Mode::Optimal, &best);
            prop_assert!(no_negative_cycle(&instance, &best, vec![0; n + m + 1]));
            prop_assert_eq!(&best, &assign(&again, Mode::Optimal).expect("valid"));
            prop_assert!(best.total_score >= stable.total_score);
        }
    }

    #[test]
    fn the_wide_type_gives_the_same_optimum() {
        for seed in 0..20 {
            let instance = random_instance(seed, 300, 40, 6, (0, 5), (-5, 1000));
            let sorted = validate(&instance).expect("valid");
            let network = build_network(&instance, &sorted);
            let (narrow, _) = solve::<i64>(&network).expect("room");
            let (wide, _) = solve::<i128>(&network).expect("room");
            let total = |state: &[u32]| -> i64 {
                state
                    .iter()
                    .filter(|&&a| a != FREE)
                    .map(|&a| network.arc_score[a as usize])
                    .sum()
            };
            assert_eq!(total(&narrow), total(&wide));
        }
    }

    #[test]
    fn the_largest_scores_are_exact() {
        // Scores near 2⁴⁰ on 2,000 participants need the wide type.
        let mut instance = random_instance(7, 2_000, 100, 8, (1, 12), (0, 1000));
        for c in &mut instance.candidates {
            c.score = MAX_SCORE - c.score * 3;
        }
        let (result, start) = solver_potentials(&instance);
        check_feasible(&instance, Mode::Optimal, &result);
        assert!(no_negative_cycle(&instance, &result, start));
        let mut negative = instance.clone();
        for c in &mut negative.candidates {
            c.score = -c.score;
        }
        let result = assign(&negative, Mode::Stable).expect("valid");
        assert!(result.total_score < 0);
    }

    #[test]
    fn a_medium_round_is_optimal() {
        let instance = random_instance(11, 5_000, 500, 20, (1, 15), (0, 1_000_000));
        let (result, start) = solver_potentials(&instance);
        check_feasible(&instance, Mode::Optimal, &result);
        assert!(no_negative_cycle(&instance, &result, start));
    }

    #[test]
    fn empty_and_degenerate_instances() {
        let empty = Instance::default();
        for mode in [Mode::Optimal, Mode::Stable] {
            let result = assign(&empty, mode).expect("valid");
            assert_eq!(
                result,
                Assignment {
                    host_of: vec![],
                    total_score: 0,
                    unassigned: vec![]
                }
            );
        }
        let lonely = Instance {
            participants: 3,
            capacities: vec![0, 1],
            candidates: vec![
                Candidate {
                    participant: 0,
                    host: 0,
                    score: 5,
                    participant_score: 1,
                    host_score: 1,
                },
                Candidate {
                    participant: 1,
                    host: 1,
                    score: 0,
                    participant_score: 1,
                    host_score: 1,
                },
            ],
        };
        let optimal = assign(&lonely, Mode::Optimal).expect("valid");
        assert_eq!(optimal.host_of, vec![None, None, None]);
        assert_eq!(
            optimal.unassigned,
            vec![
                (0, Unassigned::HostsFull),
                (1, Unassigned::NotWorthIt),
                (2, Unassigned::NoCandidates)
            ]
        );
        let stable = assign(&lonely, Mode::Stable).expect("valid");
        assert_eq!(stable.host_of, vec![None, Some(1), None]);
        assert_eq!(
            stable.unassigned,
            vec![(0, Unassigned::HostsFull), (2, Unassigned::NoCandidates)]
        );
        let huge = Instance {
            participants: 2,
            capacities: vec![u32::MAX],
            candidates: vec![
                Candidate {
                    participant: 0,
                    host: 0,
                    score: MAX_SCORE,
                    participant_score: i64::MIN,
                    host_score: i64::MAX,
                },
                Candidate {
                    participant: 1,
                    host: 0,
                    score: -MAX_SCORE,
                    participant_score: i64::MAX,
                    host_score: i64::MIN,
                },
            ],
        };
        assert_eq!(
            assign(&huge, Mode::Optimal).expect("valid").total_score,
            MAX_SCORE
        );
        assert_eq!(assign(&huge, Mode::Stable).expect("valid").total_score, 0);
    }

    #[test]
    fn bad_instances_are_named() {
        let pair = |participant, host, score| Candidate {
            participant,
            host,
            score,
            participant_score: 0,
            host_score: 0,
        };
        let instance = |candidates| Instance {
            participants: 2,
            capacities: vec![1, 1],
            candidates,
        };
        let run = |i: &Instance| {
            let optimal = assign(i, Mode::Optimal);
            assert_eq!(optimal, assign(i, Mode::Stable));
            optimal.err()
        };
        assert_eq!(
            run(&instance(vec![pair(0, 0, 1), pair(2, 0, 1)])),
            Some(InstanceError::ParticipantOutOfRange {
                candidate: 1,
                participant: 2,
                participants: 2
            })
        );
        assert_eq!(
            run(&instance(vec![pair(0, 7, 1)])),
            Some(InstanceError::HostOutOfRange {
                candidate: 0,
                host: 7,
                hosts: 2
            })
        );
        assert_eq!(
            run(&instance(vec![pair(0, 0, 1), pair(1, 1, -MAX_SCORE - 1)])),
            Some(InstanceError::ScoreOutOfRange {
                candidate: 1,
                score: -MAX_SCORE - 1
            })
        );
        assert_eq!(
            run(&instance(vec![
                pair(1, 1, 1),
                pair(0, 1, 1),
                pair(1, 0, 1),
                pair(1, 1, 2),
                pair(1, 1, 3)
            ])),
            Some(InstanceError::RepeatedPair {
                first: 0,
                second: 3,
                participant: 1,
                host: 1
            })
        );
        let many = Instance {
            participants: MAX_PARTICIPANTS + 1,
            ..Instance::default()
        };
        assert_eq!(
            run(&many),
            Some(InstanceError::TooManyParticipants {
                participants: MAX_PARTICIPANTS + 1
            })
        );
        // 2²³ participants at the largest score reach i64::MAX.
        let crowd = Instance {
            participants: 8_400_000,
            capacities: vec![1],
            candidates: (0..8_400_000).map(|p| pair(p, 0, MAX_SCORE)).collect(),
        };
        assert_eq!(run(&crowd), Some(InstanceError::TotalScoreOutOfRange));
        let message = InstanceError::HostOutOfRange {
            candidate: 4,
            host: 9,
            hosts: 3,
        }
        .to_string();
        assert_eq!(
            message,
            "candidate 4: host 9 is out of range (there are 3 hosts)"
        );
    }

    #[test]
    #[ignore = "a benchmark: run with --release -- --ignored --nocapture"]
    fn assignment_at_scale() {
        let started = Instant::now();
        let instance = random_instance(2026, 50_000, 5_000, 50, (1, 30), (0, 999_999));
        println!(
            "instance: {} participants, {} hosts, {} candidates, built in {:.2} s",
            instance.participants,
            instance.capacities.len(),
            instance.candidates.len(),
            started.elapsed().as_secs_f64()
        );
        if let Ok(path) = std::env::var("KYOSO_MATCH_DUMP") {
            use std::io::Write;
            let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("file"));
            writeln!(
                out,
                "{} {} {}",
                instance.participants,
                instance.capacities.len(),
                instance.candidates.len()
            )
            .expect("write");
            for c in &instance.capacities {
                writeln!(out, "{c}").expect("write");
            }
            for c in &instance.candidates {
                writeln!(out, "{} {} {}", c.participant, c.host, c.score).expect("write");
            }
        }
        let started = Instant::now();
        let optimal = assign(&instance, Mode::Optimal).expect("valid");
        let optimal_seconds = started.elapsed().as_secs_f64();
        let started = Instant::now();
        let stable = assign(&instance, Mode::Stable).expect("valid");
        let stable_seconds = started.elapsed().as_secs_f64();
        println!(
            "optimal: {optimal_seconds:.3} s, total score {}, {} unassigned",
            optimal.total_score,
            optimal.unassigned.len()
        );
        println!(
            "stable: {stable_seconds:.3} s, total score {}, {} unassigned",
            stable.total_score,
            stable.unassigned.len()
        );
        assert!(stable_seconds < 1.0);
        let started = Instant::now();
        let (again, start) = solver_potentials(&instance);
        assert_eq!(again, optimal);
        assert!(no_negative_cycle(&instance, &optimal, start));
        println!(
            "optimality certificate checked in {:.2} s",
            started.elapsed().as_secs_f64()
        );
    }
}
