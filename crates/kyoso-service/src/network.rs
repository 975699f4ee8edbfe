//! The cooperation network as analytics see it: warm introduction paths,
//! brokers, communities, the core group and growth, on someone's behalf.
//!
//! The graph is read once from the store ([`kyoso_store::Store::network_snapshot`])
//! and kept in a [`NetworkCache`] for a while, because reading a million
//! records takes seconds and every question is asked of the same network.
//!
//! What each question may see:
//! - Private ties are an organization's own notes: no analysis uses them.
//! - A path passes only through records the asker may read (their scope,
//!   checked node by node as the search reaches them).
//! - Brokers, communities, the core group and growth are computed over the
//!   records shared with the network (public or network visibility), the
//!   same for every signed-in member; lists show only what the asker may read.
//! - Anonymous visitors ask nothing of the network: a tie shared with the
//!   network is not public.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering as AtomicOrdering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kyoso_domain::{
    AuditAction, CountryCode, EntityKind, Link, Names, OrganisationType, Stored, Text, Tie,
    TieKind, Uid, Visibility,
};
use kyoso_network::{
    Betweenness, BetweennessOptions, CommunityOptions, Graph, NodeId, Partition, Sources,
};
use kyoso_store::{
    BulkOptions, NetworkSnapshot, NodeNames, ReadScope, SnapshotNode, SnapshotTie, Table,
};
use serde::Serialize;

use crate::Kyoso;
use crate::access::{Action, Resource, require};
use crate::registry::{Change, record};
use crate::{Caller, ServiceError};

/// The strength a tie counts with when none was recorded: an acquaintance,
/// neither close nor slight.
pub const UNRECORDED_STRENGTH: f32 = 0.5;
/// The most records a question of who is near looks at: three steps from
/// a hub reach most of a large network, and the nearest are what count.
pub const NEAR_BUDGET: usize = 50_000;
/// The most paths one question returns.
pub const MAX_PATHS: usize = 10;
/// Exact betweenness only up to this many records; above, sources are sampled.
pub const EXACT_BROKERS_UP_TO: usize = 50_000;
/// The most sampled sources a question may ask for.
pub const MAX_BROKER_SAMPLES: usize = 1_024;
/// How long a community search asked over the web may run before it returns
/// its best so far: well within a request's time.
pub const COMMUNITY_BUDGET: Duration = Duration::from_secs(20);
/// The most members a community map draws one by one; above, communities
/// are drawn as one circle each.
pub const MAP_MEMBERS_UP_TO: usize = 300;
/// How many communities an aggregated map draws.
const MAP_COMMUNITIES: usize = 40;
/// How many member, alumni and attendance ties make an organization a hub
/// unless the settings say otherwise (see `kyoso_network::hubs`).
pub const DEFAULT_HUB_TIES: usize = 1_000;
/// The day numbers of the snapshot count from 1970-01-01.
const JULIAN_DAY_OF_1970_01_01: i32 = 2_440_588;

/// The network read from the store, with its graph packed.
#[derive(Debug)]
pub struct LoadedNetwork {
    nodes: Vec<SnapshotNode>,
    /// Their names, to name them without a read.
    names: NodeNames,
    index: HashMap<Uid, NodeId>,
    /// Every record; the ties not private.
    graph: Graph,
    /// How many member, alumni and attendance ties made a hub.
    hub_ties: usize,
    /// The hubs and their member, alumni and attendance ties.
    hub_sizes: HashMap<NodeId, usize>,
    /// The hubs an administrator flagged.
    flagged: Vec<NodeId>,
    /// Whether any record is private, so that aggregate analyses must
    /// leave some out.
    has_private: bool,
    /// Results of the slow analyses, by question.
    memo: Mutex<HashMap<String, Arc<dyn std::any::Any + Send + Sync>>>,
}

impl LoadedNetwork {
    /// Packs a snapshot; an organization with more than `hub_ties`
    /// member, alumni and attendance ties is a hub, as are those in
    /// `flagged`.
    pub(crate) fn new(
        snapshot: NetworkSnapshot,
        hub_ties: usize,
        flagged: &[Uid],
    ) -> LoadedNetwork {
        let NetworkSnapshot { nodes, ties, names } = snapshot;
        let index: HashMap<Uid, NodeId> = nodes
            .iter()
            .enumerate()
            .map(|(n, node)| (node.uid, n as NodeId))
            .collect();
        let body_ties = body_ties(&nodes, &ties);
        let flagged: Vec<NodeId> = flagged
            .iter()
            .filter_map(|uid| index.get(uid).copied())
            .collect();
        let hubs: Vec<NodeId> = (body_ties.iter())
            .filter(|&(_, &count)| count > hub_ties)
            .map(|(&node, _)| node)
            .chain(flagged.iter().copied())
            .collect();
        // Everyone at an event was there on its days: at a large one, that
        // says nothing narrower, and no walk passes through it.
        let events: Vec<NodeId> = (hubs.iter().copied())
            .filter(|&hub| nodes.get(hub as usize).map(|n| n.kind) == Some(EntityKind::Event))
            .collect();
        let graph = Graph::from_edges(nodes.len(), &|add| {
            for tie in ties.iter().filter(|t| t.visibility != Visibility::Private) {
                let strength = tie.strength.unwrap_or(UNRECORDED_STRENGTH);
                add(tie.from, tie.to, strength, tie.since);
            }
        })
        .with_hubs(hubs)
        .close_hubs(&events);
        drop(ties);
        let hub_sizes = (graph.hubs().iter())
            .map(|&hub| (hub, body_ties.get(&hub).copied().unwrap_or(0)))
            .collect();
        let has_private = nodes.iter().any(|n| n.visibility == Visibility::Private);
        LoadedNetwork {
            nodes,
            names,
            index,
            graph,
            hub_ties,
            hub_sizes,
            flagged,
            has_private,
            memo: Mutex::new(HashMap::new()),
        }
    }

    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    pub fn tie_count(&self) -> usize {
        self.graph.edge_count()
    }

    fn node_of(&self, uid: Uid) -> Option<NodeId> {
        self.index.get(&uid).copied()
    }

    fn node(&self, node: NodeId) -> &SnapshotNode {
        &self.nodes[node as usize]
    }

    fn is_shared(&self, node: NodeId) -> bool {
        self.node(node).visibility != Visibility::Private
    }

    /// Whether `scope` may read `node`: the store's rule, for a record in hand.
    fn readable(&self, scope: &ReadScope, node: NodeId) -> bool {
        let record = self.node(node);
        let owner = record.owner.map(|o| self.node(o).uid);
        scope.allows(record.uid, owner, record.visibility)
    }

    /// The graph the aggregate analyses see as of `day`: shared records
    /// only, and the ties begun by then.
    fn shared_graph(&self, day: Option<i32>) -> std::borrow::Cow<'_, Graph> {
        match (self.has_private, day) {
            (false, None) => std::borrow::Cow::Borrowed(&self.graph),
            (_, day) => std::borrow::Cow::Owned(
                self.graph
                    .restricted(&|v| self.is_shared(v), day.unwrap_or(i32::MAX)),
            ),
        }
    }

    /// A slow analysis, computed once per question and network.
    fn memo<T: Send + Sync + 'static>(&self, key: String, compute: impl FnOnce() -> T) -> Arc<T> {
        if let Some(found) = self.lock_memo().get(&key)
            && let Ok(found) = Arc::clone(found).downcast::<T>()
        {
            return found;
        }
        let value = Arc::new(compute());
        let mut memo = self.lock_memo();
        // Questions "as of" many days would grow the memo without end.
        if memo.len() >= 64 {
            memo.clear();
        }
        memo.insert(key, value.clone());
        value
    }

    fn lock_memo(
        &self,
    ) -> std::sync::MutexGuard<'_, HashMap<String, Arc<dyn std::any::Any + Send + Sync>>> {
        // A panic while holding the lock leaves only a cache behind.
        self.memo.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Who is near one record: hop distances from it, through records a caller
/// may read, as far as the search from it looked.
#[derive(Debug)]
pub struct Nearby {
    near: Option<kyoso_network::Near>,
}

impl LoadedNetwork {
    /// The records within `max_hops` of `from` that `scope` may read, on the
    /// network as it stands on `today`, walking only through such records:
    /// the nearest [`NEAR_BUDGET`] of them. Kept for the next question of
    /// the same reader from the same record: every ranking for one poster
    /// walks the same neighbourhood.
    pub(crate) fn near(
        &self,
        scope: &ReadScope,
        from: Uid,
        max_hops: u8,
        today: time::Date,
    ) -> Arc<Nearby> {
        let reader = (
            scope.everything,
            scope.network,
            scope.organization.map(|o| o.1),
            scope.person,
        );
        let key = format!("near {from} {max_hops} {today} {reader:?}");
        self.memo(key, || {
            let near = self.node_of(from).map(|source| {
                let visible = |n: NodeId| self.readable(scope, n);
                kyoso_network::within(
                    &self.graph,
                    source,
                    max_hops,
                    day_of(today),
                    &visible,
                    NEAR_BUDGET,
                )
            });
            Nearby { near }
        })
    }

    /// How many steps `uid` is from where `nearby` was asked (0 for that
    /// record itself), if it was reached.
    pub fn hops(&self, nearby: &Nearby, uid: Uid) -> Option<u8> {
        nearby.near.as_ref()?.hops(self.node_of(uid)?)
    }

    /// A shortest chain from where `nearby` was asked to `to`, strongest
    /// and most recent ties first, named for `caller`; empty if `to` was
    /// not reached.
    pub(crate) fn chain(&self, caller: &Caller, nearby: &Nearby, to: Uid) -> Vec<NodeSummary> {
        let (Some(near), Some(node)) = (&nearby.near, self.node_of(to)) else {
            return Vec::new();
        };
        let scope = caller.scope();
        near.chain(&self.graph, node)
            .into_iter()
            .map_while(|node| self.summary(&scope, node))
            .collect()
    }

    /// The country a record is in (an organization's, a person's
    /// residence), if `scope` may read the record: a rule weighs only what
    /// the asker could see.
    pub(crate) fn country_of(&self, scope: &ReadScope, uid: Uid) -> Option<CountryCode> {
        let node = self.node_of(uid)?;
        if !self.readable(scope, node) {
            return None;
        }
        self.node(node).country
    }

    /// A record named for `caller`, if it is in the network and readable.
    pub(crate) fn summary_of(&self, caller: &Caller, uid: Uid) -> Option<NodeSummary> {
        self.summary(&caller.scope(), self.node_of(uid)?)
    }

    /// Node `node` named for a reader with `scope`, if they may read it:
    /// from the names kept with the network, without a read.
    fn summary(&self, scope: &ReadScope, node: NodeId) -> Option<NodeSummary> {
        if !self.readable(scope, node) {
            return None;
        }
        let record = self.node(node);
        let text = |s: &str| (!s.is_empty()).then(|| Text::line(s, 200).ok()).flatten();
        let [native, latin, japanese] = self.names.get(node);
        let names = Names::new(text(native), text(latin), text(japanese)).ok()?;
        Some(NodeSummary {
            uid: record.uid,
            kind: record.kind,
            names,
            country: record.country,
            hub: self.graph.is_hub(node),
        })
    }

    /// A record named for `caller`: not found if they may not read it.
    fn named(&self, caller: &Caller, node: NodeId) -> Result<NodeSummary, ServiceError> {
        self.summary(&caller.scope(), node)
            .ok_or(ServiceError::NotFound("record"))
    }
}

/// The loaded network, read again when the records change (see the `kept`
/// module).
pub type NetworkCache = crate::kept::Kept<LoadedNetwork>;

impl NetworkCache {
    /// A cache whose networks take organizations with more than
    /// `hub_ties` member, alumni and attendance ties (read at each load) as hubs.
    pub fn new(hub_ties: Arc<AtomicUsize>) -> NetworkCache {
        crate::kept::Kept::with_loader(move |store| {
            let hub_ties = hub_ties.load(AtomicOrdering::Relaxed);
            Box::pin(async move {
                let flagged = store.flagged_hubs().await?;
                let snapshot = store.network_snapshot().await?;
                blocking("packing the network", move || {
                    LoadedNetwork::new(snapshot, hub_ties, &flagged)
                })
                .await
            })
        })
    }
}

/// How many records each organization has as members, alumni or interns
/// hosted, and each event as attendees, whatever their visibility: the
/// size that makes a body or an event a hub, which introduces nobody by
/// itself.
fn body_ties(nodes: &[SnapshotNode], ties: &[SnapshotTie]) -> HashMap<NodeId, usize> {
    let mut counts: HashMap<NodeId, usize> = HashMap::new();
    for tie in ties {
        let body = match tie.kind {
            TieKind::MemberOf | TieKind::TrainedAt | TieKind::StudiedAt | TieKind::Attended => {
                tie.to
            }
            TieKind::HostedIntern => tie.from,
            _ => continue,
        };
        if nodes.get(body as usize).map(|n| n.kind) != Some(EntityKind::Person) {
            *counts.entry(body).or_default() += 1;
        }
    }
    counts
}

/// A record as a result names it.
#[derive(Debug, Clone, Serialize)]
pub struct NodeSummary {
    pub uid: Uid,
    pub kind: EntityKind,
    pub names: Names,
    pub country: Option<CountryCode>,
    /// Whether the record is a hub, which a path passes through only
    /// between ties begun within a year of each other.
    pub hub: bool,
}

/// Day numbers and dates.
fn day_of(date: time::Date) -> i32 {
    date.to_julian_day() - JULIAN_DAY_OF_1970_01_01
}

fn date_of(day: i32) -> Option<time::Date> {
    time::Date::from_julian_day(day + JULIAN_DAY_OF_1970_01_01).ok()
}

/// Runs graph work on a blocking thread, off the async workers.
async fn blocking<T: Send + 'static>(
    what: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ServiceError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| ServiceError::Failed(format!("{what} failed: {e}")))
}

/// Analytics are for signed-in members and the command line.
fn require_member(caller: &Caller) -> Result<(), ServiceError> {
    match caller {
        Caller::Anonymous => Err(ServiceError::Unauthenticated),
        _ => Ok(()),
    }
}

// --- hubs ---

/// A hub of the network, as administrators review them.
#[derive(Debug, Clone, Serialize)]
pub struct Hub {
    /// The organization or event.
    pub record: NodeSummary,
    /// Its members, alumni, interns hosted and attendees, private ones
    /// included: told to administrators only, who may read them all.
    pub ties: Option<usize>,
    /// Whether an administrator flagged it; if not, it has more ties than
    /// the installation's `hub_ties`.
    pub flagged: bool,
}

/// The hubs a reader may see, most ties first.
#[derive(Debug, Clone, Serialize)]
pub struct Hubs {
    /// How many member, alumni and attendance ties make an organization a hub.
    pub hub_ties: usize,
    pub hubs: Vec<Hub>,
}

impl Kyoso {
    /// The hubs of the network that `caller` may read, most ties first.
    pub async fn hubs(&self, caller: &Caller) -> Result<Hubs, ServiceError> {
        require_member(caller)?;
        let network = self.network.get(&self.store).await?;
        let scope = caller.scope();
        // Largest first, sized by every tie; the sizes told to those who
        // may read every tie.
        let mut sized: Vec<(usize, Hub)> = (network.graph.hubs().iter())
            .filter_map(|&node| {
                let size = network.hub_sizes.get(&node).copied().unwrap_or(0);
                let hub = Hub {
                    record: network.summary(&scope, node)?,
                    ties: caller.is_admin().then_some(size),
                    flagged: network.flagged.contains(&node),
                };
                Some((size, hub))
            })
            .collect();
        sized.sort_by(|(a, x), (b, y)| b.cmp(a).then(x.record.uid.cmp(&y.record.uid)));
        let hubs = sized.into_iter().map(|(_, hub)| hub).collect();
        Ok(Hubs {
            hub_ties: network.hub_ties,
            hubs,
        })
    }

    /// Flags `uid` (an organization or an event) as a hub of the network,
    /// or clears the flag: a decision for the whole installation, so its
    /// administrators'.
    pub async fn flag_hub(
        &self,
        caller: &Caller,
        uid: Uid,
        flagged: bool,
    ) -> Result<(), ServiceError> {
        let table = if self.store.event(uid).await?.is_some() {
            Table::Events
        } else {
            Table::Organizations
        };
        let mut writer = self.store.bulk(table, BulkOptions::default()).await?;
        let (resource, owner) = match table {
            Table::Events => {
                let event =
                    (writer.read_event(uid).await?).ok_or(ServiceError::NotFound("record"))?;
                (Resource::event(&event), event.owner)
            }
            _ => {
                let org = (writer.read_organization(uid).await?)
                    .ok_or(ServiceError::NotFound("record"))?;
                (Resource::organization(&org), org.owner)
            }
        };
        require(caller, Action::Read, &resource, "record")?;
        require(caller, Action::Update, &Resource::Installation, "record")?;
        if !writer.set_network_hub(uid, flagged).await? {
            writer.rollback().await?;
            return Ok(());
        }
        // The audit entry also enters the change feed: the network is read again.
        record(
            &mut writer,
            Change {
                caller,
                action: AuditAction::Update,
                table,
                record: uid,
                organization: owner.as_ref().map(|o| o.uid),
                before: Some(serde_json::json!({ "network_hub": !flagged })),
                after: Some(serde_json::json!({ "network_hub": flagged })),
            },
        )
        .await?;
        self.commit(writer).await?;
        Ok(())
    }
}

// --- warm paths ---

/// A warm introduction path, its records and the ties of each step.
#[derive(Debug, Clone, Serialize)]
pub struct WarmPath {
    /// The sum of the steps' costs: one per introduction, more for weak
    /// and old ties (see `kyoso_network::step_cost`).
    pub cost: f64,
    pub nodes: Vec<NodeSummary>,
    /// `steps[i]` joins `nodes[i]` and `nodes[i + 1]`.
    pub steps: Vec<PathStep>,
}

/// The ties that join two neighbors of a path, oldest first.
#[derive(Debug, Clone, Serialize)]
pub struct PathStep {
    pub ties: Vec<Stored<Tie<Link>>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WarmPaths {
    pub from: NodeSummary,
    pub to: NodeSummary,
    pub as_of: Option<time::Date>,
    pub paths: Vec<WarmPath>,
}

impl Kyoso {
    /// Up to `k` warm paths from `from` to `to`, through records `caller` may
    /// read, on the network as it stood on `as_of` (today if none).
    pub async fn warm_paths(
        &self,
        caller: &Caller,
        from: Uid,
        to: Uid,
        k: usize,
        as_of: Option<time::Date>,
    ) -> Result<WarmPaths, ServiceError> {
        let store = &self.store;
        let cache = &self.network;
        require_member(caller)?;
        if !(1..=MAX_PATHS).contains(&k) {
            return Err(ServiceError::Invalid {
                field: Some("k".into()),
                message: format!("must be from 1 to {MAX_PATHS}"),
            });
        }
        let network = cache.get(store).await?;
        let scope = caller.scope();
        let end = |uid: Uid, what: &'static str| {
            network
                .node_of(uid)
                .filter(|&n| network.readable(&scope, n))
                .ok_or(ServiceError::NotFound(what))
        };
        let (from_node, to_node) = (end(from, "from")?, end(to, "to")?);
        let day = day_of(as_of.unwrap_or_else(|| self.today()));
        let found = {
            let network = network.clone();
            blocking("the path search", move || {
                // Ties begun after `day` are not walked: no copy of the graph.
                let visible = |n: NodeId| network.readable(&scope, n);
                kyoso_network::warm_paths(&network.graph, from_node, to_node, k, day, &visible)
            })
            .await?
        };
        let mut names: HashMap<NodeId, NodeSummary> = HashMap::new();
        let mut steps: HashMap<(NodeId, NodeId), PathStep> = HashMap::new();
        let mut paths = Vec::with_capacity(found.len());
        for path in found {
            for &node in &path.nodes {
                if let std::collections::hash_map::Entry::Vacant(slot) = names.entry(node) {
                    slot.insert(network.named(caller, node)?);
                }
            }
            for pair in path.nodes.windows(2) {
                let key = (pair[0].min(pair[1]), pair[0].max(pair[1]));
                if steps.contains_key(&key) {
                    continue;
                }
                let (a, b) = (network.node(pair[0]), network.node(pair[1]));
                let mut ties: Vec<_> = store
                    .ties_joining((a.kind, a.uid), (b.kind, b.uid))
                    .await?
                    .into_iter()
                    .filter(|t| t.record.visibility != Visibility::Private)
                    .filter(|t| as_of.is_none_or(|d| t.record.start.first_day() <= d))
                    .collect();
                self.hide_unreadable_events(caller, &mut ties).await?;
                steps.insert(key, PathStep { ties });
            }
            paths.push(WarmPath {
                cost: path.cost,
                nodes: path.nodes.iter().map(|n| names[n].clone()).collect(),
                steps: path
                    .nodes
                    .windows(2)
                    .map(|p| steps[&(p[0].min(p[1]), p[0].max(p[1]))].clone())
                    .collect(),
            });
        }
        Ok(WarmPaths {
            from: network.named(caller, from_node)?,
            to: network.named(caller, to_node)?,
            as_of,
            paths,
        })
    }
}

// --- groups of records ---

/// A kind of organization, by its IATI type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgFamily {
    Government,
    Ngo,
    Partnership,
    Multilateral,
    Foundation,
    Private,
    Academic,
    Other,
}

impl OrgFamily {
    pub const ALL: [OrgFamily; 8] = [
        OrgFamily::Government,
        OrgFamily::Ngo,
        OrgFamily::Partnership,
        OrgFamily::Multilateral,
        OrgFamily::Foundation,
        OrgFamily::Private,
        OrgFamily::Academic,
        OrgFamily::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgFamily::Government => "government",
            OrgFamily::Ngo => "ngo",
            OrgFamily::Partnership => "partnership",
            OrgFamily::Multilateral => "multilateral",
            OrgFamily::Foundation => "foundation",
            OrgFamily::Private => "private",
            OrgFamily::Academic => "academic",
            OrgFamily::Other => "other",
        }
    }

    /// The family of an IATI organisation type code.
    pub fn of(org_type: OrganisationType) -> OrgFamily {
        match org_type.code() {
            10..=19 => OrgFamily::Government,
            20..=29 => OrgFamily::Ngo,
            30..=39 => OrgFamily::Partnership,
            40..=49 => OrgFamily::Multilateral,
            60..=69 => OrgFamily::Foundation,
            70..=79 => OrgFamily::Private,
            80..=89 => OrgFamily::Academic,
            _ => OrgFamily::Other,
        }
    }
}

/// Which records a group holds: every condition given must hold.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GroupSelector {
    pub kind: Option<EntityKind>,
    pub country: Option<CountryCode>,
    pub family: Option<OrgFamily>,
    /// A DAC sector category: the first three digits of a purpose code.
    pub sector: Option<u32>,
}

impl GroupSelector {
    /// Reads `country:TH,type:private,sector:321,kind:organization`; any
    /// part may be left out, in any order.
    pub fn parse(text: &str, field: &str) -> Result<GroupSelector, ServiceError> {
        let invalid = |message: String| ServiceError::Invalid {
            field: Some(field.to_owned()),
            message,
        };
        let mut group = GroupSelector::default();
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once(':').ok_or_else(|| {
                invalid(format!(
                    "{part:?} is not key:value (country:TH, type:private, sector:321, kind:person)"
                ))
            })?;
            let value = value.trim();
            match key.trim() {
                "country" => {
                    group.country = Some(
                        CountryCode::parse(value).map_err(|e| invalid(format!("country: {e}")))?,
                    )
                }
                "type" => {
                    group.family = Some(
                        OrgFamily::ALL
                            .into_iter()
                            .find(|f| f.as_str() == value)
                            .ok_or_else(|| {
                                let names: Vec<_> =
                                    OrgFamily::ALL.iter().map(|f| f.as_str()).collect();
                                invalid(format!(
                                    "type {value:?} is not one of {}",
                                    names.join(", ")
                                ))
                            })?,
                    );
                    group.kind = Some(EntityKind::Organization);
                }
                "sector" => {
                    group.sector = Some(
                        value
                            .parse::<u32>()
                            .ok()
                            .filter(|s| (100..1000).contains(s))
                            .ok_or_else(|| {
                                invalid(format!(
                                    "sector {value:?} is not a 3-digit DAC category such as 321"
                                ))
                            })?,
                    )
                }
                "kind" => {
                    group.kind = Some(value.parse().map_err(|e| invalid(format!("kind: {e}")))?)
                }
                other => {
                    return Err(invalid(format!(
                        "{other:?} is not country, type, sector or kind"
                    )));
                }
            }
        }
        Ok(group)
    }

    pub(crate) fn contains(&self, node: &SnapshotNode) -> bool {
        self.kind.is_none_or(|k| k == node.kind)
            && self.country.is_none_or(|c| Some(c) == node.country)
            && self
                .family
                .is_none_or(|f| node.org_type.map(OrgFamily::of) == Some(f))
            && self
                .sector
                .is_none_or(|s| node.sector.map(|x| x.category()) == Some(s))
    }
}

impl std::fmt::Display for GroupSelector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts = Vec::new();
        if let Some(kind) = self.kind {
            parts.push(format!("kind:{kind}"));
        }
        if let Some(country) = self.country {
            parts.push(format!("country:{}", country.as_str()));
        }
        if let Some(family) = self.family {
            parts.push(format!("type:{}", family.as_str()));
        }
        if let Some(sector) = self.sector {
            parts.push(format!("sector:{sector}"));
        }
        f.write_str(&parts.join(","))
    }
}

// --- brokers ---

#[derive(Debug, Clone, Default)]
pub struct BrokerQuestion {
    pub top: usize,
    /// Only brokers in this country.
    pub country: Option<CountryCode>,
    /// Brokerage between two groups only: who lies on the shortest paths
    /// from records of `between.0` to records of `between.1`.
    pub between: Option<(GroupSelector, GroupSelector)>,
    /// Sampled sources; `None` chooses: exact up to
    /// [`EXACT_BROKERS_UP_TO`] records, else a sample sized to the network.
    pub samples: Option<usize>,
    pub as_of: Option<time::Date>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Broker {
    pub rank: usize,
    pub node: NodeSummary,
    /// Betweenness: the share of shortest paths between other records that
    /// pass through this one (normalized as in the literature).
    pub score: f64,
    /// An approximate 95% half-width of a sampled score (0 when exact):
    /// the spread of the sampled sources' shares, by the normal approximation.
    pub half_width: f64,
    pub degree: usize,
    /// The countries of the records this one is tied to, most first.
    pub countries: Vec<(CountryCode, u32)>,
    /// The kinds of organization this one is tied to, most first.
    pub families: Vec<(OrgFamily, u32)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Brokers {
    pub nodes: usize,
    pub ties: usize,
    pub exact: bool,
    pub sources: usize,
    /// With probability [`kyoso_network::ERROR_BOUND_CONFIDENCE`], every
    /// score is within this of its exact value.
    pub error_bound: f64,
    pub confidence: f64,
    pub as_of: Option<time::Date>,
    pub between: Option<(String, String)>,
    pub brokers: Vec<Broker>,
}

impl Kyoso {
    /// The records that bridge otherwise separate parts of the network.
    pub async fn brokers(
        &self,
        caller: &Caller,
        question: &BrokerQuestion,
    ) -> Result<Brokers, ServiceError> {
        let store = &self.store;
        let cache = &self.network;
        require_member(caller)?;
        if question
            .samples
            .is_some_and(|k| !(1..=MAX_BROKER_SAMPLES).contains(&k))
        {
            return Err(ServiceError::Invalid {
                field: Some("samples".into()),
                message: format!("must be from 1 to {MAX_BROKER_SAMPLES}"),
            });
        }
        let network = cache.get(store).await?;
        let day = question.as_of.map(day_of);
        let key = format!(
            "brokers {:?} {:?} {:?}",
            day,
            question.samples,
            question
                .between
                .as_ref()
                .map(|(a, b)| format!("{a} -> {b}"))
        );
        let result = {
            let network = network.clone();
            let question = question.clone();
            blocking("the broker search", move || {
                network.memo(key, || compute_brokers(&network, &question, day))
            })
            .await?
        };
        let ties = result.ties;
        let result = &result.betweenness;
        let scope = caller.scope();
        let mut ranked: Vec<NodeId> = (0..network.node_count() as NodeId)
            .filter(|&v| result.scores[v as usize] > 0.0)
            .filter(|&v| {
                question
                    .country
                    .is_none_or(|c| network.node(v).country == Some(c))
            })
            .filter(|&v| network.readable(&scope, v))
            .collect();
        ranked.sort_by(|&a, &b| {
            result.scores[b as usize]
                .total_cmp(&result.scores[a as usize])
                .then(a.cmp(&b))
        });
        ranked.truncate(question.top.max(1));
        let mut brokers = Vec::with_capacity(ranked.len());
        for (rank, v) in ranked.into_iter().enumerate() {
            let mut countries: HashMap<CountryCode, u32> = HashMap::new();
            let mut families: HashMap<OrgFamily, u32> = HashMap::new();
            for neighbor in network.graph.neighbors(v) {
                let other = network.node(neighbor.node);
                if let Some(country) = other.country {
                    *countries.entry(country).or_default() += 1;
                }
                if let Some(org_type) = other.org_type {
                    *families.entry(OrgFamily::of(org_type)).or_default() += 1;
                }
            }
            brokers.push(Broker {
                rank: rank + 1,
                node: network.named(caller, v)?,
                score: result.scores[v as usize],
                half_width: result.half_widths.get(v as usize).copied().unwrap_or(0.0),
                degree: network.graph.degree(v),
                countries: most_first(countries),
                families: most_first(families),
            });
        }
        Ok(Brokers {
            nodes: network.node_count(),
            ties,
            exact: result.exact,
            sources: result.sources_used,
            error_bound: result.error_bound,
            confidence: kyoso_network::ERROR_BOUND_CONFIDENCE,
            as_of: question.as_of,
            between: question
                .between
                .as_ref()
                .map(|(a, b)| (a.to_string(), b.to_string())),
            brokers,
        })
    }
}

fn most_first<K: Ord + Copy>(counts: HashMap<K, u32>) -> Vec<(K, u32)> {
    let mut list: Vec<(K, u32)> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list.truncate(5);
    list
}

/// How many sources a sample takes when the question does not say: about
/// a billion tie visits, between 16 and 256 sources.
fn automatic_samples(graph: &Graph) -> usize {
    let per_source = (2 * graph.edge_count()).max(1);
    (1_000_000_000 / per_source).clamp(16, 256)
}

/// Betweenness over the graph the aggregate analyses see, and its size.
#[derive(Debug)]
struct BrokerAnalysis {
    betweenness: Betweenness,
    ties: usize,
}

fn compute_brokers(
    network: &LoadedNetwork,
    question: &BrokerQuestion,
    day: Option<i32>,
) -> BrokerAnalysis {
    let graph = network.shared_graph(day);
    let n = graph.node_count();
    let sources = match question.samples {
        Some(count) if count < n => Sources::Sample { count, seed: 1 },
        Some(_) => Sources::All,
        None if n <= EXACT_BROKERS_UP_TO => Sources::All,
        None => Sources::Sample {
            count: automatic_samples(&graph),
            seed: 1,
        },
    };
    let options = BetweennessOptions {
        sources,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        cancel: None,
    };
    let betweenness = match &question.between {
        None => kyoso_network::betweenness(&graph, &options),
        Some((from, to)) => {
            let mask = |group: &GroupSelector| -> Vec<bool> {
                network
                    .nodes
                    .iter()
                    .map(|node| node.visibility != Visibility::Private && group.contains(node))
                    .collect()
            };
            kyoso_network::betweenness_between(&graph, &mask(from), &mask(to), &options)
        }
    };
    BrokerAnalysis {
        betweenness,
        ties: graph.edge_count(),
    }
}

// --- communities and the core group ---

#[derive(Debug, Clone, Serialize)]
pub struct CommunitySummary {
    /// Numbered by size, largest first, from 1.
    pub number: u32,
    pub size: usize,
    pub ties_inside: usize,
    pub countries: Vec<(CountryCode, u32)>,
    /// The members with the most ties, that the asker may read.
    pub leading: Vec<NodeSummary>,
}

/// A drawing's worth of the network: records (or whole communities) and
/// the ties between them.
#[derive(Debug, Clone, Serialize)]
pub struct CommunityMap {
    /// Whether each point is a community rather than a record.
    pub aggregated: bool,
    pub points: Vec<MapPoint>,
    /// `(a, b, ties)`: indexes into `points`.
    pub links: Vec<(usize, usize, usize)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MapPoint {
    /// A record's names; none for a community.
    pub names: Option<Names>,
    /// A community's two commonest countries; empty for a record.
    pub countries: Vec<CountryCode>,
    /// A record's uid, for a link to its profile; none for a community.
    pub uid: Option<Uid>,
    pub kind: Option<EntityKind>,
    pub community: u32,
    /// Members: 1 for a record.
    pub size: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Communities {
    pub nodes: usize,
    pub ties: usize,
    pub count: u32,
    pub modularity: f64,
    pub levels: u32,
    /// False when the time budget ran out: the partition is then the best
    /// found so far.
    pub complete: bool,
    pub as_of: Option<time::Date>,
    /// The largest communities (records without ties are left out).
    pub communities: Vec<CommunitySummary>,
    /// The k-core of highest k: the committed core group.
    pub core: CoreGroup,
    pub map: CommunityMap,
}

#[derive(Debug, Clone, Serialize)]
pub struct CoreGroup {
    /// Every member has at least this many ties to other members.
    pub k: u32,
    pub size: usize,
    /// The members the asker may read, most ties first (at most 100).
    pub members: Vec<NodeSummary>,
}

/// The analyses behind [`communities`] that do not depend on the asker.
#[derive(Debug)]
struct CommunityAnalysis {
    partition: Partition,
    /// Community numbers by size, largest first.
    order: Vec<u32>,
    sizes: Vec<usize>,
    inside: Vec<usize>,
    /// Records with ties, by community, most ties first.
    members: Vec<Vec<NodeId>>,
    core: Vec<u32>,
    ties: usize,
}

impl Kyoso {
    /// The communities of the network, its core group, and a map to draw.
    pub async fn communities(
        &self,
        caller: &Caller,
        as_of: Option<time::Date>,
        top: usize,
        budget: Duration,
    ) -> Result<Communities, ServiceError> {
        let store = &self.store;
        let cache = &self.network;
        require_member(caller)?;
        let network = cache.get(store).await?;
        let day = as_of.map(day_of);
        let analysis = {
            let network = network.clone();
            blocking("the community search", move || {
                network.memo(format!("communities {day:?}"), || {
                    analyse_communities(&network, day, budget)
                })
            })
            .await?
        };
        let scope = caller.scope();
        let mut summaries = Vec::new();
        for (rank, &c) in analysis.order.iter().take(top.max(1)).enumerate() {
            let members = &analysis.members[c as usize];
            let mut countries: HashMap<CountryCode, u32> = HashMap::new();
            for &v in members {
                if let Some(country) = network.node(v).country {
                    *countries.entry(country).or_default() += 1;
                }
            }
            let mut leading = Vec::new();
            for &v in members
                .iter()
                .filter(|&&v| network.readable(&scope, v))
                .take(3)
            {
                leading.push(network.named(caller, v)?);
            }
            summaries.push(CommunitySummary {
                number: rank as u32 + 1,
                size: analysis.sizes[c as usize],
                ties_inside: analysis.inside[c as usize],
                countries: most_first(countries),
                leading,
            });
        }
        let k = analysis.core.iter().copied().max().unwrap_or(0);
        let mut core_members: Vec<NodeId> = (0..network.node_count() as NodeId)
            .filter(|&v| k > 0 && analysis.core[v as usize] == k)
            .collect();
        let core_size = core_members.len();
        core_members.sort_by_key(|&v| (std::cmp::Reverse(network.graph.degree(v)), v));
        let mut core_summaries = Vec::new();
        for &v in core_members
            .iter()
            .filter(|&&v| network.readable(&scope, v))
            .take(100)
        {
            core_summaries.push(network.named(caller, v)?);
        }
        let map = self.community_map(caller, &network, &analysis, day).await?;
        Ok(Communities {
            nodes: network.node_count(),
            ties: analysis.ties,
            count: analysis.order.len() as u32,
            modularity: analysis.partition.modularity,
            levels: analysis.partition.levels,
            complete: analysis.partition.complete,
            as_of,
            communities: summaries,
            core: CoreGroup {
                k,
                size: core_size,
                members: core_summaries,
            },
            map,
        })
    }
}

fn analyse_communities(
    network: &LoadedNetwork,
    day: Option<i32>,
    budget: Duration,
) -> CommunityAnalysis {
    let graph = network.shared_graph(day);
    let partition = kyoso_network::communities(
        &graph,
        &CommunityOptions {
            deadline: Some(Instant::now() + budget),
            ..CommunityOptions::default()
        },
    );
    let count = partition.count as usize;
    let mut sizes = vec![0usize; count];
    let mut inside = vec![0usize; count];
    let mut members: Vec<Vec<NodeId>> = vec![Vec::new(); count];
    for v in 0..graph.node_count() as NodeId {
        if graph.degree(v) == 0 {
            continue;
        }
        let c = partition.community[v as usize] as usize;
        sizes[c] += 1;
        members[c].push(v);
        inside[c] += graph
            .neighbors(v)
            .iter()
            .filter(|x| x.node > v && partition.community[x.node as usize] as usize == c)
            .count();
    }
    for list in &mut members {
        list.sort_by_key(|&v| (std::cmp::Reverse(graph.degree(v)), v));
    }
    let mut order: Vec<u32> = (0..count as u32)
        .filter(|&c| sizes[c as usize] > 0)
        .collect();
    order.sort_by_key(|&c| (std::cmp::Reverse(sizes[c as usize]), c));
    CommunityAnalysis {
        core: kyoso_network::core_numbers(&graph),
        ties: graph.edge_count(),
        partition,
        order,
        sizes,
        inside,
        members,
    }
}

impl Kyoso {
    async fn community_map(
        &self,
        caller: &Caller,
        network: &LoadedNetwork,
        analysis: &CommunityAnalysis,
        day: Option<i32>,
    ) -> Result<CommunityMap, ServiceError> {
        let scope = caller.scope();
        let community = &analysis.partition.community;
        let tied: usize = analysis.sizes.iter().sum();
        if tied <= MAP_MEMBERS_UP_TO {
            // Every record with ties, one point each.
            let mut point_of: HashMap<NodeId, usize> = HashMap::new();
            let mut points = Vec::new();
            for (rank, &c) in analysis.order.iter().enumerate() {
                for &v in &analysis.members[c as usize] {
                    if !network.readable(&scope, v) {
                        continue;
                    }
                    let node = network.named(caller, v)?;
                    point_of.insert(v, points.len());
                    points.push(MapPoint {
                        names: Some(node.names),
                        countries: Vec::new(),
                        uid: Some(node.uid),
                        kind: Some(node.kind),
                        community: rank as u32 + 1,
                        size: 1,
                    });
                }
            }
            let mut links = Vec::new();
            for (&v, &a) in &point_of {
                for neighbor in network.graph.neighbors(v) {
                    if neighbor.node > v
                        && day.is_none_or(|d| neighbor.since <= d)
                        && let Some(&b) = point_of.get(&neighbor.node)
                    {
                        links.push((a.min(b), a.max(b), 1));
                    }
                }
            }
            links.sort_unstable();
            return Ok(CommunityMap {
                aggregated: false,
                points,
                links,
            });
        }
        // Too many to draw: the largest communities, one point each, joined by
        // the ties between them.
        let shown: Vec<u32> = analysis
            .order
            .iter()
            .take(MAP_COMMUNITIES)
            .copied()
            .collect();
        let mut slot = vec![usize::MAX; analysis.sizes.len()];
        let mut points = Vec::new();
        for (i, &c) in shown.iter().enumerate() {
            slot[c as usize] = i;
            let mut countries: HashMap<CountryCode, u32> = HashMap::new();
            for &v in &analysis.members[c as usize] {
                if let Some(country) = network.node(v).country {
                    *countries.entry(country).or_default() += 1;
                }
            }
            points.push(MapPoint {
                names: None,
                countries: most_first(countries)
                    .into_iter()
                    .take(2)
                    .map(|(c, _)| c)
                    .collect(),
                uid: None,
                kind: None,
                community: i as u32 + 1,
                size: analysis.sizes[c as usize],
            });
        }
        let mut between: HashMap<(usize, usize), usize> = HashMap::new();
        for v in 0..network.node_count() as NodeId {
            let a = slot[community[v as usize] as usize];
            if a == usize::MAX || !network.is_shared(v) {
                continue;
            }
            for neighbor in network.graph.neighbors(v) {
                if neighbor.node <= v
                    || day.is_some_and(|d| neighbor.since > d)
                    || !network.is_shared(neighbor.node)
                {
                    continue;
                }
                let b = slot[community[neighbor.node as usize] as usize];
                if b != usize::MAX && a != b {
                    *between.entry((a.min(b), a.max(b))).or_default() += 1;
                }
            }
        }
        let mut links: Vec<(usize, usize, usize)> =
            between.into_iter().map(|((a, b), n)| (a, b, n)).collect();
        links.sort_unstable();
        Ok(CommunityMap {
            aggregated: true,
            points,
            links,
        })
    }
}

// --- growth ---

/// The length of a growth period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Interval {
    Month,
    Year,
}

impl std::str::FromStr for Interval {
    type Err = ServiceError;
    fn from_str(text: &str) -> Result<Interval, ServiceError> {
        match text {
            "month" => Ok(Interval::Month),
            "year" => Ok(Interval::Year),
            other => Err(ServiceError::Invalid {
                field: Some("interval".into()),
                message: format!("{other:?} is not month or year"),
            }),
        }
    }
}

/// One period of growth. A record joins the network with its first tie.
#[derive(Debug, Clone, Serialize)]
pub struct GrowthPeriod {
    /// "1973" or "1973-04".
    pub period: String,
    pub new_members: usize,
    pub new_ties: usize,
    /// Totals at the period's end.
    pub members: usize,
    pub ties: usize,
    /// Countries with members.
    pub countries: usize,
    /// The largest group of members all reachable from one another: the
    /// network's reach.
    pub largest_group: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct CountryGrowth {
    pub country: CountryCode,
    pub members: usize,
    /// Ties with at least one end in the country.
    pub ties: usize,
    pub first_period: String,
    /// New members per period, aligned with [`Growth::periods`].
    pub new_members: Vec<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Growth {
    pub interval: Interval,
    pub as_of: Option<time::Date>,
    pub periods: Vec<GrowthPeriod>,
    /// Countries by members, most first.
    pub countries: Vec<CountryGrowth>,
}

impl Kyoso {
    /// How the network grew, per period: members and ties, overall and by country.
    pub async fn growth(
        &self,
        caller: &Caller,
        interval: Interval,
        as_of: Option<time::Date>,
    ) -> Result<Growth, ServiceError> {
        let store = &self.store;
        let cache = &self.network;
        require_member(caller)?;
        let network = cache.get(store).await?;
        let day = as_of.map(day_of);
        let growth = blocking("the growth count", move || {
            network.memo(format!("growth {interval:?} {day:?}"), || {
                compute_growth(&network, interval, day)
            })
        })
        .await?;
        let mut growth = (*growth).clone();
        growth.as_of = as_of;
        Ok(growth)
    }
}

fn period_of(day: i32, interval: Interval) -> (i32, u8) {
    let date = date_of(day).unwrap_or(time::Date::MIN);
    match interval {
        Interval::Month => (date.year(), u8::from(date.month())),
        Interval::Year => (date.year(), 1),
    }
}

fn period_label((year, month): (i32, u8), interval: Interval) -> String {
    match interval {
        Interval::Month => format!("{year:04}-{month:02}"),
        Interval::Year => format!("{year:04}"),
    }
}

fn next_period((year, month): (i32, u8), interval: Interval) -> (i32, u8) {
    match interval {
        Interval::Year => (year + 1, 1),
        Interval::Month if month == 12 => (year + 1, 1),
        Interval::Month => (year, month + 1),
    }
}

fn compute_growth(network: &LoadedNetwork, interval: Interval, day: Option<i32>) -> Growth {
    let graph = network.shared_graph(day);
    // Ties by the day they began, each once.
    let mut ties: Vec<(i32, NodeId, NodeId)> = Vec::with_capacity(graph.edge_count());
    for v in 0..graph.node_count() as NodeId {
        for neighbor in graph.neighbors(v) {
            if neighbor.node > v {
                ties.push((neighbor.since, v, neighbor.node));
            }
        }
    }
    ties.sort_unstable();
    let (Some(first), Some(last)) = (ties.first(), ties.last()) else {
        return Growth {
            interval,
            as_of: None,
            periods: Vec::new(),
            countries: Vec::new(),
        };
    };
    let mut periods = Vec::new();
    let mut period = period_of(first.0, interval);
    let end = period_of(last.0, interval);
    let mut joined = vec![false; graph.node_count()];
    let mut groups = UnionFind::new(graph.node_count());
    let mut country_index: HashMap<CountryCode, usize> = HashMap::new();
    let mut countries: Vec<CountryGrowth> = Vec::new();
    let (mut members, mut total_ties) = (0usize, 0usize);
    let mut next = 0usize;
    loop {
        let mut new_members = 0;
        let start = next;
        while next < ties.len() && period_of(ties[next].0, interval) == period {
            let (_, a, b) = ties[next];
            groups.union(a, b);
            let mut tie_countries: Vec<CountryCode> = Vec::with_capacity(2);
            for v in [a, b] {
                let country = network.node(v).country;
                if let Some(c) = country
                    && !tie_countries.contains(&c)
                {
                    tie_countries.push(c);
                }
                if joined[v as usize] {
                    continue;
                }
                joined[v as usize] = true;
                new_members += 1;
                if let Some(c) = country {
                    let index = *country_index.entry(c).or_insert_with(|| {
                        countries.push(CountryGrowth {
                            country: c,
                            members: 0,
                            ties: 0,
                            first_period: period_label(period, interval),
                            new_members: vec![0; periods.len()],
                        });
                        countries.len() - 1
                    });
                    countries[index].members += 1;
                    countries[index].new_members.resize(periods.len() + 1, 0);
                    countries[index].new_members[periods.len()] += 1;
                }
            }
            for c in tie_countries {
                if let Some(&index) = country_index.get(&c) {
                    countries[index].ties += 1;
                }
            }
            next += 1;
        }
        members += new_members;
        total_ties += next - start;
        periods.push(GrowthPeriod {
            period: period_label(period, interval),
            new_members,
            new_ties: next - start,
            members,
            ties: total_ties,
            countries: countries.len(),
            largest_group: groups.largest(),
        });
        if period >= end {
            break;
        }
        period = next_period(period, interval);
    }
    for country in &mut countries {
        country.new_members.resize(periods.len(), 0);
    }
    countries.sort_by(|a, b| b.members.cmp(&a.members).then(a.country.cmp(&b.country)));
    Growth {
        interval,
        as_of: None,
        periods,
        countries,
    }
}

/// Disjoint sets with their sizes, for the largest group as ties arrive.
#[derive(Debug)]
struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
    largest: u32,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
            largest: 0,
        }
    }

    fn find(&mut self, mut v: u32) -> u32 {
        while self.parent[v as usize] != v {
            let grandparent = self.parent[self.parent[v as usize] as usize];
            self.parent[v as usize] = grandparent;
            v = grandparent;
        }
        v
    }

    fn union(&mut self, a: u32, b: u32) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a != b {
            if self.size[a as usize] < self.size[b as usize] {
                std::mem::swap(&mut a, &mut b);
            }
            self.parent[b as usize] = a;
            self.size[a as usize] += self.size[b as usize];
        }
        self.largest = self.largest.max(self.size[a as usize]);
    }

    fn largest(&self) -> usize {
        self.largest as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_selector_reads_every_part_in_any_order() {
        let group = GroupSelector::parse("type:private, country:TH,sector:321", "from").unwrap();
        assert_eq!(group.country.unwrap().as_str(), "TH");
        assert_eq!(group.family, Some(OrgFamily::Private));
        assert_eq!(group.kind, Some(EntityKind::Organization));
        assert_eq!(group.sector, Some(321));
        assert_eq!(
            GroupSelector::parse(&group.to_string(), "from").unwrap(),
            group
        );
        for bad in [
            "TH",
            "country:XX",
            "type:company",
            "sector:32120",
            "colour:red",
        ] {
            let err = GroupSelector::parse(bad, "from").unwrap_err();
            assert!(err.to_string().starts_with("from: "), "{bad}: {err}");
        }
    }

    #[test]
    fn periods_follow_one_another_across_the_year_end() {
        assert_eq!(next_period((1999, 12), Interval::Month), (2000, 1));
        assert_eq!(next_period((1999, 3), Interval::Year), (2000, 1));
        assert_eq!(period_label((1973, 4), Interval::Month), "1973-04");
        let day = day_of(time::macros::date!(1973 - 04 - 15));
        assert_eq!(period_of(day, Interval::Month), (1973, 4));
        assert_eq!(date_of(day), Some(time::macros::date!(1973 - 04 - 15)));
    }

    #[test]
    fn the_largest_group_grows_as_ties_join_groups() {
        let mut groups = UnionFind::new(5);
        groups.union(0, 1);
        assert_eq!(groups.largest(), 2);
        groups.union(2, 3);
        groups.union(3, 4);
        assert_eq!(groups.largest(), 3);
        groups.union(1, 4);
        assert_eq!(groups.largest(), 5);
    }
}

#[cfg(test)]
mod kept_tests {
    use std::sync::Arc;
    use std::time::Duration;

    use kyoso_testkit::{TestDb, engines};

    use super::*;

    fn newcomer(name: &str) -> kyoso_domain::Incoming<kyoso_domain::Person> {
        let person: kyoso_domain::Person = serde_json::from_value(serde_json::json!({
            "names": {"latin": name}, "gender": null, "residence": null, "nationality": null,
            "languages": [], "skills": [], "sectors": [], "availability": {"mentoring": false, "dispatch": false},
            "contact": {}, "bio": null, "consent": {"processing": false, "contact": false, "public_listing": false},
            "visibility": "network"
        }))
        .unwrap();
        kyoso_domain::Incoming::new(person)
    }

    /// A write through kyoso is seen by its next question; a write of
    /// another process, once the change feed brings it.
    #[tokio::test(flavor = "multi_thread")]
    async fn the_network_follows_the_writes() {
        for engine in engines() {
            let db = TestDb::new(engine).await;
            let kyoso = Kyoso::over(db.store().await);
            kyoso
                .demo(
                    crate::DemoOptions {
                        people: 100,
                        seed: 3,
                    },
                    &crate::NoProgress,
                )
                .await
                .unwrap();
            let first = kyoso.network.get(&kyoso.store).await.unwrap();
            for _ in 0..5 {
                let same = kyoso.network.get(&kyoso.store).await.unwrap();
                assert!(
                    Arc::ptr_eq(&first, &same),
                    "an unchanged network is not read again"
                );
                tokio::time::sleep(Duration::from_millis(30)).await;
            }
            kyoso
                .create_person(&Caller::Cli, newcomer("Newcomer"))
                .await
                .unwrap();
            let next = kyoso.network.get(&kyoso.store).await.unwrap();
            assert_eq!(next.node_count(), first.node_count() + 1, "{engine:?}");

            let elsewhere = Kyoso::over(db.store().await);
            elsewhere
                .create_person(&Caller::Cli, newcomer("Elsewhere"))
                .await
                .unwrap();
            let written = std::time::Instant::now();
            loop {
                let now = kyoso.network.get(&kyoso.store).await.unwrap();
                if now.node_count() == first.node_count() + 2 {
                    break;
                }
                assert!(
                    written.elapsed() < Duration::from_secs(3),
                    "another process's write never reached the network ({engine:?})"
                );
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            elsewhere.close().await;
            kyoso.close().await;
        }
    }
}
