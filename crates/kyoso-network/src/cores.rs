//! The k-core decomposition: how committed a member of the core group is.

use crate::graph::Graph;

/// Each node's core number: the largest `k` such that the node belongs to
/// a subgraph where every node has at least `k` neighbors. The nodes of
/// the highest cores are the network's committed core group.
///
/// Batagelj and Zaversnik's peeling, in time linear in the ties: nodes are
/// kept in buckets by current degree and removed from the lowest.
pub fn core_numbers(graph: &Graph) -> Vec<u32> {
    let n = graph.node_count();
    // 32-bit arrays: a simple graph's degrees and positions are below the
    // node count, and half the bytes means fewer cache misses on the
    // random reads that dominate the peeling.
    let mut degree: Vec<u32> = (0..n).map(|v| graph.degree(v as u32) as u32).collect();
    let max_degree = degree.iter().copied().max().unwrap_or(0) as usize;
    // Nodes sorted by degree, with where each degree's bucket starts.
    let mut bucket_start = vec![0u32; max_degree + 2];
    for &d in &degree {
        bucket_start[d as usize + 1] += 1;
    }
    for d in 1..bucket_start.len() {
        bucket_start[d] += bucket_start[d - 1];
    }
    let mut order = vec![0u32; n];
    let mut position = vec![0u32; n];
    {
        let mut next = bucket_start.clone();
        for v in 0..n {
            let slot = &mut next[degree[v] as usize];
            order[*slot as usize] = v as u32;
            position[v] = *slot;
            *slot += 1;
        }
    }
    for i in 0..n {
        let v = order[i];
        let dv = degree[v as usize];
        for &u in graph.targets(v) {
            let u = u as usize;
            let du = degree[u];
            if du > dv {
                // Move u to the front of its bucket, then shrink the bucket
                // past it: u's degree drops by one.
                let front = bucket_start[du as usize];
                let w = order[front as usize] as usize;
                if u != w {
                    order.swap(position[u] as usize, front as usize);
                    position[w] = position[u];
                    position[u] = front;
                }
                bucket_start[du as usize] += 1;
                degree[u] = du - 1;
            }
        }
    }
    degree
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::graph::tests::graph;

    #[test]
    fn a_triangle_with_a_tail() {
        let g = graph(5, &[(0, 1), (1, 2), (2, 0), (2, 3)]);
        assert_eq!(core_numbers(&g), vec![2, 2, 2, 1, 0]);
    }

    /// Core numbers by repeated peeling, the slow sure way.
    fn peeled(g: &Graph) -> Vec<u32> {
        let n = g.node_count();
        let mut core = vec![0u32; n];
        for k in 1..=n as u32 {
            let mut alive: Vec<bool> = vec![true; n];
            loop {
                let mut changed = false;
                for v in 0..n {
                    if alive[v] {
                        let live = g
                            .neighbors(v as u32)
                            .iter()
                            .filter(|x| alive[x.node as usize])
                            .count() as u32;
                        if live < k {
                            alive[v] = false;
                            changed = true;
                        }
                    }
                }
                if !changed {
                    break;
                }
            }
            for v in 0..n {
                if alive[v] {
                    core[v] = k;
                }
            }
        }
        core
    }

    proptest! {
        #[test]
        fn core_numbers_match_peeling(
            (nodes, edges) in (1usize..20).prop_flat_map(|n| {
                (Just(n), prop::collection::vec((0..n as u32, 0..n as u32), 0..70))
            })
        ) {
            let g = graph(nodes, &edges);
            prop_assert_eq!(core_numbers(&g), peeled(&g));
        }
    }
}
