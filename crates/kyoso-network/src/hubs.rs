//! Hubs: records so widely tied that a tie to one says little about whom
//! one knows. Two of the hundreds of thousands of people trained by one
//! agency over fifty years have not met because of it; two who trained
//! there the same year may well have. So a walk passes through a hub only
//! from a tie to a tie begun within [`NARROW_WITHIN_DAYS`] of each other,
//! and a hub is still reached, and left, by its own ties.
//!
//! A closed hub ([`crate::Graph::close_hubs`]) is passed through by no
//! walk: a large event, whose attendees' ties all begin on its days, so
//! that being there together says nothing narrower. Two people who met
//! there are joined by their own tie.
//!
//! Which records are hubs is the caller's decision (a count of member,
//! alumni and attendance ties, or an administrator's flag); the graph
//! carries the marks ([`crate::Graph::with_hubs`]) and every walk that
//! shows a person how to reach another keeps this rule: [`crate::within`],
//! [`crate::Near::chain`] and [`crate::warm_paths`].

use crate::graph::{Graph, NodeId};

/// How far apart, in days, the two ties of a step through a hub may have
/// begun: a year, so that two people of one cohort, course or intake year
/// pass, and two alumni of different decades do not.
pub const NARROW_WITHIN_DAYS: i32 = 366;

/// How far apart the two ties of a step through a closed hub may have
/// begun: less than nothing, so no step passes.
pub(crate) const CLOSED: i32 = -1;

/// Whether ties begun on days `a` and `b` are near enough in time to pass
/// through an (open) hub.
pub fn narrow(a: i32, b: i32) -> bool {
    narrow_within(a, b, NARROW_WITHIN_DAYS)
}

fn narrow_within(a: i32, b: i32, days: i32) -> bool {
    (i64::from(a) - i64::from(b)).abs() <= i64::from(days)
}

/// The first and last days a tie may have begun to pass through a hub
/// with one begun on `day`, `days` apart at most (empty for a closed hub).
pub(crate) fn window(day: i32, days: i32) -> (i32, i32) {
    (day.saturating_sub(days), day.saturating_add(days))
}

/// Whether a walk that came into `node` by a tie begun on `arrived` (none:
/// the walk starts at `node`) may leave by a tie begun on `leaving`.
pub(crate) fn passes(graph: &Graph, node: NodeId, arrived: Option<i32>, leaving: i32) -> bool {
    match (arrived, graph.hub_within(node)) {
        (Some(arrived), Some(days)) => narrow_within(arrived, leaving, days),
        _ => true,
    }
}

/// Whether any of `days` (sorted) is near enough to `day` to pass through
/// a hub whose ties may have begun `within` days apart.
pub(crate) fn any_narrow(days: &[i32], day: i32, within: i32) -> bool {
    let at = days.partition_point(|&d| d < window(day, within).0);
    days.get(at).is_some_and(|&d| narrow_within(d, day, within))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::{GraphBuilder, warm_paths, within};

    const YEAR: i32 = 365;
    const TODAY: i32 = 50 * YEAR;

    /// An agency (1) with alumni of many years, a small firm (6), and
    /// people: 0 trained at the agency in year 20 and works at the firm;
    /// 2 trained there in year 20 too, 3 in year 35; 4 knows 3; 5 works at
    /// the firm and trained at the agency in year 35.
    fn agency() -> GraphBuilder {
        let mut b = GraphBuilder::new(7);
        b.add_edge(0, 1, 0.5, 20 * YEAR);
        b.add_edge(2, 1, 0.5, 20 * YEAR + 100);
        b.add_edge(3, 1, 0.5, 35 * YEAR);
        b.add_edge(4, 3, 0.9, 36 * YEAR);
        b.add_edge(0, 6, 0.9, 30 * YEAR);
        b.add_edge(5, 6, 0.9, 30 * YEAR);
        b.add_edge(5, 1, 0.5, 35 * YEAR + 30);
        b
    }

    #[test]
    fn a_hub_introduces_only_people_whose_ties_to_it_began_within_a_year() {
        let open = agency().build();
        let g = agency().build().with_hubs(vec![1]);
        let near = within(&g, 0, 4, TODAY, &|_| true, usize::MAX);
        // The hub itself is reached, and a same-year alumna through it.
        assert_eq!(near.hops(1), Some(1));
        assert_eq!(near.hops(2), Some(2));
        assert_eq!(near.chain(&g, 2), vec![0, 1, 2]);
        // An alumnus of fifteen years later only through a colleague of his
        // intake year, who is come into the hub by at a later step.
        assert_eq!(
            within(&open, 0, 4, TODAY, &|_| true, usize::MAX).hops(3),
            Some(2)
        );
        assert_eq!(near.hops(3), Some(4));
        assert_eq!(near.chain(&g, 3), vec![0, 6, 5, 1, 3]);
        assert_eq!(within(&g, 0, 3, TODAY, &|_| true, usize::MAX).hops(3), None);
        // A walk that starts at the hub is not passing through it.
        assert_eq!(
            within(&g, 1, 1, TODAY, &|_| true, usize::MAX).hops(3),
            Some(1)
        );

        let paths: Vec<Vec<NodeId>> = warm_paths(&g, 0, 3, 3, TODAY, &|_| true)
            .into_iter()
            .map(|p| p.nodes)
            .collect();
        assert_eq!(paths, vec![vec![0, 6, 5, 1, 3]]);
        assert_eq!(
            warm_paths(&open, 0, 3, 1, TODAY, &|_| true)[0].nodes,
            vec![0, 1, 3]
        );
        assert_eq!(
            warm_paths(&g, 0, 2, 1, TODAY, &|_| true)[0].nodes,
            vec![0, 1, 2]
        );
        // As of a day before the colleague trained there, there is no way.
        assert!(warm_paths(&g, 0, 3, 3, 35 * YEAR + 10, &|_| true).is_empty());
    }

    #[test]
    fn no_walk_passes_through_a_closed_hub() {
        // A seminar (1) that 0, 2 and 3 attended on its day; 0 and 3 also
        // met there (their own tie), and 2 knows 4.
        let mut b = GraphBuilder::new(5);
        for person in [0, 2, 3] {
            b.add_edge(person, 1, 0.5, 20 * YEAR);
        }
        b.add_edge(0, 3, 0.9, 20 * YEAR);
        b.add_edge(2, 4, 0.9, 10 * YEAR);
        let open = b.clone().build().with_hubs(vec![1]);
        let closed = b.build().with_hubs(vec![1]).close_hubs(&[1]);
        assert_eq!(open.hub_within(1), Some(NARROW_WITHIN_DAYS));
        assert_eq!(closed.hub_within(1), Some(CLOSED));
        assert_eq!(closed.hub_within(0), None);
        let near = within(&closed, 0, 4, TODAY, &|_| true, usize::MAX);
        assert_eq!(near.hops(1), Some(1), "the event itself is reached");
        assert_eq!(near.hops(3), Some(1), "by their meeting");
        assert_eq!(near.hops(2), None, "not through the event");
        assert_eq!(near.hops(4), None);
        assert_eq!(
            within(&open, 0, 4, TODAY, &|_| true, usize::MAX).hops(2),
            Some(2)
        );
        assert!(warm_paths(&closed, 0, 2, 3, TODAY, &|_| true).is_empty());
        assert_eq!(
            warm_paths(&closed, 0, 3, 3, TODAY, &|_| true)[0].nodes,
            vec![0, 3]
        );
        // A walk that starts at the event leaves it by any tie.
        let from_event = within(&closed, 1, 2, TODAY, &|_| true, usize::MAX);
        assert_eq!(from_event.hops(2), Some(1));
        assert_eq!(from_event.hops(4), Some(2));
        // Only hubs close.
        assert_eq!(
            GraphBuilder::new(2).build().close_hubs(&[0]).hub_within(0),
            None
        );
    }

    /// Whether every step of `nodes` through a hub joins ties begun near
    /// enough to each other for that hub.
    fn keeps_the_rule(g: &Graph, nodes: &[NodeId]) -> bool {
        let day = |a: NodeId, b: NodeId| {
            let ties = g.neighbors(a);
            ties[ties.binary_search_by_key(&b, |t| t.node).unwrap()].since
        };
        nodes
            .windows(3)
            .all(|w| passes(g, w[1], Some(day(w[0], w[1])), day(w[1], w[2])))
    }

    /// Hop distances with the hub rule by a plain search over (record, day
    /// of the tie come in by), the slow sure way.
    fn reference_distances(
        g: &Graph,
        source: NodeId,
        visible: &dyn Fn(NodeId) -> bool,
    ) -> Vec<Option<u8>> {
        use std::collections::{HashSet, VecDeque};
        let mut best = vec![None; g.node_count()];
        best[source as usize] = Some(0);
        let mut seen = HashSet::new();
        let mut queue = VecDeque::from([(source, None::<i32>, 0u8)]);
        seen.insert((source, None));
        while let Some((node, came_in, hops)) = queue.pop_front() {
            for tie in g.neighbors(node) {
                if !visible(tie.node) || !passes(g, node, came_in, tie.since) {
                    continue;
                }
                let state = (tie.node, g.is_hub(tie.node).then_some(tie.since));
                if tie.node == source || !seen.insert(state) {
                    continue;
                }
                let slot = &mut best[tie.node as usize];
                if slot.is_none() {
                    *slot = Some(hops + 1);
                }
                queue.push_back((state.0, state.1, hops + 1));
            }
        }
        best
    }

    proptest! {
        #[test]
        fn walks_through_hubs_keep_the_rule_and_find_the_shortest_way(
            nodes in 2u32..14,
            ties in proptest::collection::vec((0u32..14, 0u32..14, 0i32..6), 0..40),
            hubs in proptest::collection::vec(0u32..14, 0..4),
            closed in proptest::collection::vec(0u32..14, 0..2),
        ) {
            let mut b = GraphBuilder::new(nodes as usize);
            for &(a, c, years) in &ties {
                b.add_edge(a % nodes, c % nodes, 0.5, years * 200);
            }
            let g = b.build().with_hubs(hubs).close_hubs(&closed);
            let visible = |n: NodeId| n % 7 != 5;
            for source in (0..nodes).filter(|&n| visible(n)) {
                let near = within(&g, source, 20, TODAY, &visible, usize::MAX);
                let reference = reference_distances(&g, source, &visible);
                for node in 0..nodes {
                    prop_assert_eq!(near.hops(node), reference[node as usize], "{} to {}", source, node);
                    let chain = near.chain(&g, node);
                    if let Some(hops) = near.hops(node) {
                        prop_assert_eq!(chain.len(), usize::from(hops) + 1);
                        prop_assert_eq!(chain[0], source);
                        prop_assert!(keeps_the_rule(&g, &chain), "{:?}", chain);
                    }
                    for path in warm_paths(&g, source, node, 3, TODAY, &visible) {
                        prop_assert!(keeps_the_rule(&g, &path.nodes), "{:?}", path.nodes);
                    }
                }
            }
        }
    }

    #[test]
    fn ties_begun_within_a_year_are_narrow() {
        assert!(narrow(1000, 1000));
        assert!(narrow(1000, 1366));
        assert!(narrow(1366, 1000));
        assert!(!narrow(1000, 1367));
        assert!(!narrow(i32::MIN, i32::MAX));
    }

    #[test]
    fn any_narrow_finds_the_nearest_day_on_either_side() {
        let days = [0, 1000, 5000];
        let open = NARROW_WITHIN_DAYS;
        assert!(any_narrow(&days, 1300, open));
        assert!(any_narrow(&days, 700, open));
        assert!(!any_narrow(&days, 2500, open));
        assert!(any_narrow(&days, 4700, open));
        assert!(!any_narrow(&[], 0, open));
        assert!(any_narrow(&[i32::MIN], i32::MIN, open));
        assert!(!any_narrow(&days, 1000, CLOSED));
    }
}
