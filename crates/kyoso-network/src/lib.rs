//! `kyoso-network`: the cooperation network as a graph, and what can be
//! asked of it.
//!
//! No IO: a caller builds a [`Graph`] from a snapshot of records and ties
//! (nodes numbered `0..n`, edges with a weight and the day they began) and
//! asks it questions. The graph is a compact adjacency array (CSR), not a
//! general-purpose graph type: a million nodes and ten million ties must
//! fit in a few hundred megabytes and be walked at memory speed.

mod brokers;
mod communities;
mod cores;
pub mod generate;
mod graph;
pub mod hubs;
mod paths;
mod traverse;

pub use brokers::{
    Betweenness, BetweennessOptions, ERROR_BOUND_CONFIDENCE, HALF_WIDTH_CONFIDENCE, Sources,
    betweenness, betweenness_between,
};
pub use communities::{CommunityOptions, Partition, communities, modularity};
pub use cores::core_numbers;
pub use graph::{AddEdge, Graph, GraphBuilder, Neighbor, NodeId};
pub use paths::{AGE_PENALTY, Path, STRENGTH_PENALTY, step_cost, warm_paths};
pub use traverse::{Near, UNREACHABLE, components, distances, within};
