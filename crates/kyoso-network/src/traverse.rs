//! Walking the graph: hop distances and connected components.

use crate::graph::{Graph, NodeId};

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

/// The nodes within `max_hops` of `source` and their distances (the source
/// itself at 0), walking only ties begun by `day` and only through nodes
/// `visible` allows (a node not visible is neither listed nor walked
/// through). Touches only the nodes it finds, so a few hops in a large
/// graph cost little.
pub fn within(
    graph: &Graph,
    source: NodeId,
    max_hops: u8,
    day: i32,
    visible: &dyn Fn(NodeId) -> bool,
) -> std::collections::HashMap<NodeId, u8> {
    let mut found = std::collections::HashMap::new();
    if (source as usize) >= graph.node_count() {
        return found;
    }
    found.insert(source, 0);
    let mut frontier = vec![source];
    for hops in 1..=max_hops {
        let mut next = Vec::new();
        for &node in &frontier {
            for neighbor in graph.neighbors(node) {
                if neighbor.since <= day
                    && !found.contains_key(&neighbor.node)
                    && visible(neighbor.node)
                {
                    found.insert(neighbor.node, hops);
                    next.push(neighbor.node);
                }
            }
        }
        frontier = next;
    }
    found
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
            let near = within(&g, 0, max, i32::MAX, &|_| true);
            for (v, &d) in expected[0].iter().enumerate() {
                let listed = near.get(&(v as u32)).map(|&h| u32::from(h));
                prop_assert_eq!(listed, (d <= u32::from(max)).then_some(d));
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
