//! Synthetic graphs for tests and benchmarks: reproducible from a seed, so
//! that kyoso and a peer library can be given the very same graph.

use crate::graph::{Graph, NodeId};

/// A small, fast, seedable generator (SplitMix64). Not for secrets; for
/// graphs that must come out the same on every machine.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (`bound > 0`), by multiply-shift: the bias is
    /// below 2⁻³² for every bound a graph has.
    pub fn below(&mut self, bound: u64) -> u64 {
        ((u128::from(self.next_u64() >> 32) * u128::from(bound)) >> 32) as u64
    }

    /// A number in `0.0..1.0`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The ties of a graph as `(a, b)` pairs, in the order they were drawn:
/// what a benchmark hands to a peer library.
pub type EdgeList = Vec<(NodeId, NodeId)>;

/// `edges` ties drawn uniformly between `nodes` nodes (an Erdős–Rényi-like
/// graph; loops are skipped, repeated pairs kept once by the graph).
pub fn uniform_edges(nodes: u32, edges: usize, seed: u64) -> EdgeList {
    let mut random = SplitMix64::new(seed);
    let mut list = Vec::with_capacity(edges);
    while list.len() < edges {
        let a = random.below(u64::from(nodes)) as NodeId;
        let b = random.below(u64::from(nodes)) as NodeId;
        if a != b {
            list.push((a, b));
        }
    }
    list
}

/// A planted-partition graph: `nodes` nodes in `communities` equal blocks
/// (node `v` is in block `v % communities`), `edges` ties of which the
/// fraction `inside` join two nodes of the same block. Returns the ties and
/// each node's planted block.
pub fn planted_partition(
    nodes: u32,
    communities: u32,
    edges: usize,
    inside: f64,
    seed: u64,
) -> (EdgeList, Vec<u32>) {
    let communities = communities.clamp(1, nodes.max(1));
    let mut random = SplitMix64::new(seed);
    let block_of = |v: u32| v % communities;
    let block_size = |block: u32| (nodes - block).div_ceil(communities);
    let mut list = Vec::with_capacity(edges);
    while list.len() < edges {
        let a = random.below(u64::from(nodes)) as NodeId;
        let b = if random.unit() < inside {
            let block = block_of(a);
            let index = random.below(u64::from(block_size(block))) as u32;
            block + index * communities
        } else {
            random.below(u64::from(nodes)) as NodeId
        };
        if a != b {
            list.push((a, b));
        }
    }
    (list, (0..nodes).map(block_of).collect())
}

/// Builds a graph of `nodes` nodes from pairs, every tie of weight 1 and
/// begun on day 0.
pub fn graph_from_edges(nodes: u32, edges: &[(NodeId, NodeId)]) -> Graph {
    Graph::from_edges(nodes as usize, &|add| {
        for &(a, b) in edges {
            add(a, b, 1.0, 0);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_graph() {
        assert_eq!(uniform_edges(100, 500, 7), uniform_edges(100, 500, 7));
        assert_ne!(uniform_edges(100, 500, 7), uniform_edges(100, 500, 8));
    }

    #[test]
    fn planted_ties_mostly_stay_inside_their_block() {
        let (edges, block) = planted_partition(1_000, 10, 20_000, 0.9, 1);
        assert_eq!(edges.len(), 20_000);
        let inside = edges
            .iter()
            .filter(|&&(a, b)| block[a as usize] == block[b as usize])
            .count();
        // 90% planted inside, plus the 1-in-10 chance of a random tie.
        let fraction = inside as f64 / edges.len() as f64;
        assert!((0.89..0.93).contains(&fraction), "{fraction}");
        assert!(edges.iter().all(|&(a, b)| a < 1_000 && b < 1_000 && a != b));
    }

    #[test]
    fn below_stays_below_its_bound() {
        let mut random = SplitMix64::new(3);
        for bound in [1, 2, 3, 10, 1_000_000] {
            for _ in 0..1_000 {
                assert!(random.below(bound) < bound);
            }
        }
    }
}
