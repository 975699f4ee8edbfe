//! The graph: undirected, simple, weighted, dated.

/// A node's number: its index among the snapshot's records.
pub type NodeId = u32;

/// Takes one tie: its ends, its weight and the day it began.
pub type AddEdge<'a> = dyn FnMut(NodeId, NodeId, f32, i32) + 'a;

/// One end of a tie as seen from the other.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Neighbor {
    pub node: NodeId,
    /// How strong the tie is, in `0.0..=1.0`.
    pub weight: f32,
    /// The day the tie began, as days since 1970-01-01.
    pub since: i32,
}

/// Collects ties, then packs them into a [`Graph`].
#[derive(Debug, Clone, Default)]
pub struct GraphBuilder {
    nodes: usize,
    edges: Vec<(NodeId, NodeId, f32, i32)>,
}

impl GraphBuilder {
    /// A builder for a graph of `nodes` nodes, numbered `0..nodes`.
    pub fn new(nodes: usize) -> GraphBuilder {
        GraphBuilder {
            nodes,
            edges: Vec::new(),
        }
    }

    /// Room for `edges` ties, to spare reallocation on large snapshots.
    pub fn with_capacity(nodes: usize, edges: usize) -> GraphBuilder {
        GraphBuilder {
            nodes,
            edges: Vec::with_capacity(edges),
        }
    }

    /// Adds a tie between `a` and `b`. Loops are dropped; a node number at
    /// or past the builder's size grows the graph to hold it.
    pub fn add_edge(&mut self, a: NodeId, b: NodeId, weight: f32, since: i32) {
        if a == b {
            return;
        }
        self.nodes = self.nodes.max(a.max(b) as usize + 1);
        self.edges.push((a, b, weight, since));
    }

    /// Packs the ties. Two records tied more than once are neighbors once,
    /// by their strongest tie and since their earliest.
    pub fn build(self) -> Graph {
        let edges = self.edges;
        Graph::from_edges(self.nodes, &|add| {
            for &(a, b, weight, since) in &edges {
                add(a, b, weight, since);
            }
        })
    }
}

impl Graph {
    /// Packs the ties that `edges` hands to its argument, without a copy of
    /// them: `edges` is called twice, once to count each node's ties and
    /// once to place them, and must hand over the same ties both times.
    /// Loops are dropped; a node number at or past `nodes` grows the graph.
    /// Two records tied more than once are neighbors once, by their
    /// strongest tie and since their earliest.
    pub fn from_edges(nodes: usize, edges: &dyn Fn(&mut AddEdge<'_>)) -> Graph {
        let mut degree = vec![0usize; nodes];
        edges(&mut |a, b, _, _| {
            if a == b {
                return;
            }
            let top = a.max(b) as usize;
            if top >= degree.len() {
                degree.resize(top + 1, 0);
            }
            degree[a as usize] += 1;
            degree[b as usize] += 1;
        });
        let n = degree.len();
        let mut offsets = Vec::with_capacity(n + 1);
        let mut total = 0usize;
        for d in &degree {
            offsets.push(total);
            total += d;
        }
        offsets.push(total);
        drop(degree);
        let mut fill = offsets.clone();
        let empty = Neighbor {
            node: 0,
            weight: 0.0,
            since: 0,
        };
        let mut neighbors = vec![empty; total];
        edges(&mut |a, b, weight, since| {
            if a == b {
                return;
            }
            for (from, to) in [(a, b), (b, a)] {
                // A tie not counted in the first pass has no room.
                let Some(slot) = fill.get_mut(from as usize) else {
                    return;
                };
                if *slot >= offsets[from as usize + 1] {
                    return;
                }
                neighbors[*slot] = Neighbor {
                    node: to,
                    weight,
                    since,
                };
                *slot += 1;
            }
        });
        drop(fill);
        // Sort each list and merge repeated neighbors in place.
        let mut packed_offsets = Vec::with_capacity(n + 1);
        let mut write = 0usize;
        for node in 0..n {
            packed_offsets.push(write);
            let list = &mut neighbors[offsets[node]..offsets[node + 1]];
            list.sort_unstable_by_key(|x| x.node);
            let mut last: Option<usize> = None;
            for read in offsets[node]..offsets[node + 1] {
                let next = neighbors[read];
                match last {
                    Some(at) if neighbors[at].node == next.node => {
                        let kept = &mut neighbors[at];
                        kept.weight = kept.weight.max(next.weight);
                        kept.since = kept.since.min(next.since);
                    }
                    _ => {
                        neighbors[write] = next;
                        last = Some(write);
                        write += 1;
                    }
                }
            }
        }
        packed_offsets.push(write);
        neighbors.truncate(write);
        neighbors.shrink_to_fit();
        Graph::packed(packed_offsets, neighbors)
    }
}

/// An undirected graph in compressed adjacency form: node `v`'s neighbors
/// are `neighbors[offsets[v]..offsets[v + 1]]`, sorted by node.
#[derive(Debug, Clone, PartialEq)]
pub struct Graph {
    offsets: Vec<usize>,
    neighbors: Vec<Neighbor>,
    /// `neighbors[i].node` again, alone: walks that need only who is tied
    /// to whom (BFS, components, cores, betweenness) read a third of the bytes.
    targets: Vec<NodeId>,
    /// The hubs, sorted: records too widely tied to introduce anyone by
    /// themselves (see [`crate::hubs`]).
    hubs: Vec<NodeId>,
    /// By hub (as placed in `hubs`): its ties again, sorted by the day they
    /// began, so that a walk through it reads only the ties begun near the
    /// one it came in by, not all of a body's hundreds of thousands.
    hub_ties: Vec<Vec<Neighbor>>,
    /// By hub: how many days apart the ties of a step through it may have
    /// begun ([`crate::hubs`]; less than zero for a closed hub).
    hub_within: Vec<i32>,
}

impl Graph {
    pub fn node_count(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Ties, each counted once.
    pub fn edge_count(&self) -> usize {
        self.neighbors.len() / 2
    }

    /// The neighbors of `node`, sorted by node number.
    ///
    /// # Panics
    /// If `node` is not a node of this graph.
    pub fn neighbors(&self, node: NodeId) -> &[Neighbor] {
        let v = node as usize;
        &self.neighbors[self.offsets[v]..self.offsets[v + 1]]
    }

    /// The nodes tied to `node`, sorted: `neighbors(node)` without the
    /// ties' weights and days.
    ///
    /// # Panics
    /// If `node` is not a node of this graph.
    pub fn targets(&self, node: NodeId) -> &[NodeId] {
        let v = node as usize;
        &self.targets[self.offsets[v]..self.offsets[v + 1]]
    }

    pub fn degree(&self, node: NodeId) -> usize {
        let v = node as usize;
        self.offsets[v + 1] - self.offsets[v]
    }

    /// The network as it stood at the end of day `day`: only the ties that
    /// had begun by then.
    pub fn as_of(&self, day: i32) -> Graph {
        self.restricted(&|_| true, day)
    }

    /// The ties that had begun by the end of day `day` between nodes that
    /// `keep` keeps; the nodes keep their numbers (the others are left
    /// without ties).
    pub fn restricted(&self, keep: &dyn Fn(NodeId) -> bool, day: i32) -> Graph {
        let mut offsets = Vec::with_capacity(self.offsets.len());
        let mut neighbors = Vec::new();
        for v in 0..self.node_count() as NodeId {
            offsets.push(neighbors.len());
            if keep(v) {
                neighbors.extend(
                    self.neighbors(v)
                        .iter()
                        .filter(|x| x.since <= day && keep(x.node))
                        .copied(),
                );
            }
        }
        offsets.push(neighbors.len());
        neighbors.shrink_to_fit();
        Graph::packed(offsets, neighbors).with_hubs(self.hubs.clone())
    }

    fn packed(offsets: Vec<usize>, neighbors: Vec<Neighbor>) -> Graph {
        let targets = neighbors.iter().map(|x| x.node).collect();
        Graph {
            offsets,
            neighbors,
            targets,
            hubs: Vec::new(),
            hub_ties: Vec::new(),
            hub_within: Vec::new(),
        }
    }

    /// The graph with `hubs` marked as its hubs (numbers past the graph's
    /// nodes are dropped).
    pub fn with_hubs(mut self, mut hubs: Vec<NodeId>) -> Graph {
        hubs.retain(|&h| (h as usize) < self.node_count());
        hubs.sort_unstable();
        hubs.dedup();
        self.hub_ties = (hubs.iter())
            .map(|&hub| {
                let mut ties = self.neighbors(hub).to_vec();
                ties.sort_by_key(|tie| (tie.since, tie.node));
                ties
            })
            .collect();
        self.hub_within = vec![crate::hubs::NARROW_WITHIN_DAYS; hubs.len()];
        self.hubs = hubs;
        self
    }

    /// The graph with the hubs among `closed` closed: no walk passes
    /// through them (see [`crate::hubs`]).
    pub fn close_hubs(mut self, closed: &[NodeId]) -> Graph {
        for node in closed {
            if let Ok(at) = self.hubs.binary_search(node) {
                self.hub_within[at] = crate::hubs::CLOSED;
            }
        }
        self
    }

    /// How many days apart the two ties of a step through `node` may have
    /// begun, if it is a hub (less than zero: it is closed).
    pub fn hub_within(&self, node: NodeId) -> Option<i32> {
        if self.hubs.is_empty() {
            return None;
        }
        let at = self.hubs.binary_search(&node).ok()?;
        self.hub_within.get(at).copied()
    }

    /// The ties a walk may leave `node` by, having come into it by ties
    /// begun on `came_in` (sorted; none where the walk starts): all of
    /// them, but for a hub (see [`crate::hubs`]). The list, and the ranges
    /// of it to read.
    pub(crate) fn ties_leaving(
        &self,
        node: NodeId,
        came_in: Option<&[i32]>,
    ) -> (&[Neighbor], Vec<std::ops::Range<usize>>) {
        match came_in {
            Some(days) if self.is_hub(node) => self.hub_ties_near(node, days),
            _ => {
                let ties = self.neighbors(node);
                (ties, std::iter::once(0..ties.len()).collect())
            }
        }
    }

    /// The ties of hub `hub` begun within [`crate::hubs::NARROW_WITHIN_DAYS`]
    /// of one of `days` (sorted), each once: the list, and the ranges of it
    /// that hold them. Empty if `hub` is not a hub.
    fn hub_ties_near(
        &self,
        hub: NodeId,
        days: &[i32],
    ) -> (&[Neighbor], Vec<std::ops::Range<usize>>) {
        let Ok(at) = self.hubs.binary_search(&hub) else {
            return (&[], Vec::new());
        };
        let ties = &self.hub_ties[at];
        let within = self.hub_within[at];
        let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
        for &day in days {
            let (low, high) = crate::hubs::window(day, within);
            let start = ties.partition_point(|tie| tie.since < low);
            let end = ties.partition_point(|tie| tie.since <= high);
            match ranges.last_mut() {
                Some(last) if start <= last.end => last.end = last.end.max(end),
                _ if start < end => ranges.push(start..end),
                _ => {}
            }
        }
        (ties, ranges)
    }

    /// Whether `node` is a hub.
    pub fn is_hub(&self, node: NodeId) -> bool {
        !self.hubs.is_empty() && self.hubs.binary_search(&node).is_ok()
    }

    /// The hubs, sorted.
    pub fn hubs(&self) -> &[NodeId] {
        &self.hubs
    }

    /// Bytes the graph holds, for memory reports.
    pub fn heap_bytes(&self) -> usize {
        self.offsets.capacity() * std::mem::size_of::<usize>()
            + self.neighbors.capacity() * std::mem::size_of::<Neighbor>()
            + self.targets.capacity() * std::mem::size_of::<NodeId>()
            + self.hubs.capacity() * std::mem::size_of::<NodeId>()
            + (self.hub_ties.iter())
                .map(|ties| ties.capacity() * std::mem::size_of::<Neighbor>())
                .sum::<usize>()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A graph of `nodes` nodes and plain ties between the pairs given.
    pub(crate) fn graph(nodes: usize, edges: &[(u32, u32)]) -> Graph {
        let mut builder = GraphBuilder::new(nodes);
        for &(a, b) in edges {
            builder.add_edge(a, b, 1.0, 0);
        }
        builder.build()
    }

    #[test]
    fn repeated_ties_are_one_neighbor_with_the_strongest_weight_and_earliest_day() {
        let mut builder = GraphBuilder::new(3);
        builder.add_edge(0, 1, 0.2, 100);
        builder.add_edge(1, 0, 0.9, 50);
        builder.add_edge(1, 2, 0.5, 10);
        builder.add_edge(2, 2, 1.0, 0);
        let graph = builder.build();
        assert_eq!(graph.node_count(), 3);
        assert_eq!(graph.edge_count(), 2);
        assert_eq!(
            graph.neighbors(0),
            &[Neighbor {
                node: 1,
                weight: 0.9,
                since: 50
            }]
        );
        assert_eq!(graph.degree(1), 2);
        assert_eq!(graph.degree(2), 1, "a loop is dropped");
    }

    #[test]
    fn as_of_keeps_the_ties_begun_by_then() {
        let mut builder = GraphBuilder::new(3);
        builder.add_edge(0, 1, 1.0, 10);
        builder.add_edge(1, 2, 1.0, 20);
        let graph = builder.build();
        let early = graph.as_of(15);
        assert_eq!(early.edge_count(), 1);
        assert_eq!(early.node_count(), 3, "nodes stay numbered as they were");
        assert_eq!(graph.as_of(20), graph);
    }

    #[test]
    fn a_restricted_graph_drops_the_ties_of_the_nodes_left_out() {
        let full = graph(4, &[(0, 1), (1, 2), (2, 3), (3, 0)]);
        let without_two = full.restricted(&|v| v != 2, i32::MAX);
        assert_eq!(without_two.node_count(), 4);
        assert_eq!(without_two.edge_count(), 2);
        assert_eq!(without_two.degree(2), 0);
        assert!(without_two.neighbors(1).iter().all(|x| x.node != 2));
    }

    #[test]
    fn a_node_past_the_size_grows_the_graph() {
        let mut builder = GraphBuilder::new(0);
        builder.add_edge(4, 1, 1.0, 0);
        let graph = builder.build();
        assert_eq!(graph.node_count(), 5);
        assert_eq!(graph.degree(3), 0);
    }
}
