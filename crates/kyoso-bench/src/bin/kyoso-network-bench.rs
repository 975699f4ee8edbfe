//! The network benchmark: kyoso's graph engine beside python-igraph (the
//! fastest common peer) and networkx, on the very same generated graphs,
//! measured in the same run; then the answers checked against networkx's.
//!
//! The peers are installed from PyPI into a virtual environment under
//! `--work` on first use. Without Python or the package index, the peers'
//! columns say so and kyoso's figures are still printed; correctness checks
//! then fail unless `--peers optional` is given. Timings never fail the run.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::Parser;
use kyoso_network::generate::{EdgeList, graph_from_edges, planted_partition, uniform_edges};
use kyoso_network::{
    BetweennessOptions, CommunityOptions, NodeId, Sources, UNREACHABLE, betweenness, communities,
    components, core_numbers, distances, modularity, warm_paths,
};
use serde_json::Value;

#[path = "../memory.rs"]
mod memory;
#[path = "../peers.rs"]
mod peers;

use memory::{reset_peak_memory, status_kb};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(about = "kyoso's network engine beside python-igraph and networkx")]
struct Args {
    /// Nodes of the uniform random graph.
    #[arg(long, default_value_t = 1_000_000)]
    nodes: u32,
    /// Ties of the uniform random graph.
    #[arg(long, default_value_t = 10_000_000)]
    edges: usize,
    /// Communities planted in the Louvain graph (same nodes and ties).
    #[arg(long, default_value_t = 1_000)]
    communities: u32,
    /// Sampled sources for betweenness.
    #[arg(long, default_value_t = 256)]
    samples: usize,
    /// Warm-path questions between random pairs.
    #[arg(long, default_value_t = 300)]
    paths: usize,
    /// People in the demo database the graph is built from (0: skip).
    #[arg(long, default_value_t = 1_000_000)]
    db_people: u64,
    /// Ties the database holds: the demo's, plus met_at ties up to this.
    #[arg(long, default_value_t = 10_000_000)]
    db_ties: u64,
    /// networkx's timings on a graph this many times smaller (networkx
    /// needs gigabytes at full size); 0 skips them.
    #[arg(long, default_value_t = 10)]
    networkx_shrink: u32,
    /// `required`: fail if the peers cannot be installed; `optional`: say so and go on.
    #[arg(long, default_value = "required")]
    peers: String,
    /// Where the graphs, the database and the peers' environment are kept.
    #[arg(long, default_value = "target/bench-network")]
    work: PathBuf,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    std::fs::create_dir_all(&args.work)?;
    let python = match peers::python(&args.work, &["igraph", "networkx"], &["igraph", "networkx"]) {
        Ok(python) => Some(python),
        Err(e) if args.peers == "optional" => {
            println!("note: the peers are not available ({e:#}); kyoso's figures only");
            None
        }
        Err(e) => {
            return Err(
                e.context("installing the peers (pass --peers optional to go on without them)")
            );
        }
    };
    if let Some(python) = &python {
        check_against_networkx(python, &args.work)?;
    }
    bench_uniform(&args, python.as_deref())?;
    bench_louvain(&args, python.as_deref())?;
    if args.db_people > 0 {
        bench_database(&args)?;
    }
    Ok(())
}

// --- the peers ---

const PEER_SCRIPT: &str = include_str!("../../peers/network_peer.py");

/// Runs the peer script and reads its JSON answer.
fn peer(python: &Path, work: &Path, args: &[String]) -> anyhow::Result<Value> {
    peers::ask(python, work, "network_peer.py", PEER_SCRIPT, args)
}

fn write_edges(path: &Path, edges: &[(NodeId, NodeId)]) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for (a, b) in edges {
        writeln!(out, "{a} {b}")?;
    }
    out.flush()?;
    Ok(())
}

// --- correctness ---

/// Shortest path lengths, exact betweenness and Louvain's modularity
/// against networkx on generated graphs.
fn check_against_networkx(python: &Path, work: &Path) -> anyhow::Result<()> {
    println!("\nchecked against networkx:");
    let cases: [(&str, u32, EdgeList); 4] = [
        (
            "uniform 300 nodes, 900 ties",
            300,
            uniform_edges(300, 900, 1),
        ),
        (
            "sparse 400 nodes, 420 ties (many parts)",
            400,
            uniform_edges(400, 420, 2),
        ),
        (
            "planted 1,200 nodes in 12 communities, 7,000 ties",
            1_200,
            planted_partition(1_200, 12, 7_000, 0.8, 3).0,
        ),
        (
            "planted 1,000 nodes in 8 communities, 5,000 ties",
            1_000,
            planted_partition(1_000, 8, 5_000, 0.6, 4).0,
        ),
    ];
    let mut failed = Vec::new();
    for (name, nodes, edges) in cases {
        let file = work.join("check-edges.txt");
        write_edges(&file, &edges)?;
        let theirs = peer(
            python,
            work,
            &[
                "check".into(),
                file.display().to_string(),
                nodes.to_string(),
                "0".into(),
                "1".into(),
            ],
        )?;
        let graph = graph_from_edges(nodes, &edges);
        let ours = distances(&graph, 0);
        let their_distances: Vec<i64> = serde_json::from_value(theirs["distances"].clone())?;
        let same_lengths = ours.iter().zip(&their_distances).all(|(&a, &b)| {
            if a == UNREACHABLE {
                b == -1
            } else {
                i64::from(a) == b
            }
        });
        let exact = betweenness(&graph, &BetweennessOptions::default());
        let their_betweenness: Vec<f64> = serde_json::from_value(theirs["betweenness"].clone())?;
        let worst = exact
            .scores
            .iter()
            .zip(&their_betweenness)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        let partition = communities(&graph, &CommunityOptions::default());
        let their_q = theirs["louvain_modularity"].as_f64().unwrap_or(f64::NAN);
        let within = partition.modularity >= their_q * 0.99;
        println!(
            "  {name}: shortest path lengths {}; betweenness max difference {worst:.1e}; \
             modularity {:.4} vs networkx's Louvain {:.4} ({:+.2}%)",
            if same_lengths { "equal" } else { "DIFFER" },
            partition.modularity,
            their_q,
            100.0 * (partition.modularity / their_q - 1.0),
        );
        if !same_lengths || worst > 1e-9 || !within {
            failed.push(name);
        }
    }
    anyhow::ensure!(
        failed.is_empty(),
        "answers differ from networkx on: {failed:?}"
    );
    Ok(())
}

// --- speed and memory on a uniform graph ---

fn seconds(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values.get(values.len() / 2).copied().unwrap_or_default()
}

fn ratio(ours: f64, theirs: Option<f64>) -> String {
    match theirs {
        Some(t) if t > 0.0 => format!("{:.2}×", ours / t),
        _ => "–".into(),
    }
}

fn bench_uniform(args: &Args, python: Option<&Path>) -> anyhow::Result<()> {
    println!(
        "\nuniform random graph: {} nodes, {} ties (seed 7)",
        args.nodes, args.edges
    );
    let edges = uniform_edges(args.nodes, args.edges, 7);
    reset_peak_memory();
    let before = status_kb("VmRSS:");
    let started = Instant::now();
    let graph = graph_from_edges(args.nodes, &edges);
    let build = started.elapsed();
    let peak = status_kb("VmHWM:").saturating_sub(before) / 1024;
    let resident = status_kb("VmRSS:").saturating_sub(before) / 1024;
    let file = args
        .work
        .join(format!("uniform-{}-{}.txt", args.nodes, args.edges));
    if python.is_some() && !file.exists() {
        write_edges(&file, &edges)?;
    }
    drop(edges);
    let sources: Vec<NodeId> = (0..5).map(|i| (i * 7919) % args.nodes).collect();
    let bfs = median(
        sources
            .iter()
            .map(|&s| {
                let started = Instant::now();
                std::hint::black_box(distances(&graph, s));
                started.elapsed()
            })
            .collect(),
    );
    let started = Instant::now();
    let (_, parts) = components(&graph);
    let components_time = started.elapsed();
    let started = Instant::now();
    let cores = core_numbers(&graph);
    let cores_time = started.elapsed();
    let k = cores.iter().max().copied().unwrap_or(0);

    let igraph = match python {
        Some(python) => {
            let mut call = vec![
                "bench".to_owned(),
                file.display().to_string(),
                args.nodes.to_string(),
            ];
            call.extend(sources.iter().map(u32::to_string));
            Some(peer(python, &args.work, &call)?)
        }
        None => None,
    };
    let networkx = match (python, args.networkx_shrink) {
        (Some(python), shrink) if shrink > 0 => {
            let nodes = args.nodes / shrink;
            let small = uniform_edges(nodes, args.edges / shrink as usize, 7);
            let small_file = args.work.join(format!("uniform-{nodes}.txt"));
            write_edges(&small_file, &small)?;
            let small_graph = graph_from_edges(nodes, &small);
            let started = Instant::now();
            std::hint::black_box(distances(&small_graph, 0));
            let ours_small = started.elapsed();
            let theirs = peer(
                python,
                &args.work,
                &[
                    "networkx".into(),
                    small_file.display().to_string(),
                    nodes.to_string(),
                    "0".into(),
                ],
            )?;
            Some((nodes, ours_small, theirs))
        }
        _ => None,
    };
    let theirs = |key: &str| igraph.as_ref().and_then(|v| v[key].as_f64());
    println!(
        "  {:<34} {:>10} {:>12} {:>8}",
        "", "kyoso", "igraph", "ratio"
    );
    let row = |what: &str, ours: Duration, key: &str| {
        println!(
            "  {what:<34} {:>10} {:>12} {:>8}",
            seconds(ours),
            theirs(key).map_or("–".into(), |t| format!("{t:.3} s")),
            ratio(ours.as_secs_f64(), theirs(key))
        );
    };
    row("build the graph", build, "build_s");
    row("BFS from one source (median of 5)", bfs, "bfs_s");
    row(
        &format!("connected components ({parts})"),
        components_time,
        "components_s",
    );
    row(
        &format!("k-core numbers (max k {k})"),
        cores_time,
        "cores_s",
    );
    println!(
        "  {:<34} {:>10} {:>12}",
        "memory for the graph (MiB)",
        format!("{resident} (peak {peak})"),
        theirs("memory_mib").map_or("–".into(), |m| format!("{m:.0}"))
    );
    if let Some((nodes, ours_small, theirs)) = networkx {
        println!(
            "  networkx at 1/{} size ({nodes} nodes): BFS {:.3} s (kyoso {:.4} s, {:.0}× faster), \
             components {:.2} s, k-core {:.2} s, memory {:.0} MiB",
            args.networkx_shrink,
            theirs["bfs_s"].as_f64().unwrap_or(f64::NAN),
            ours_small.as_secs_f64(),
            theirs["bfs_s"].as_f64().unwrap_or(f64::NAN) / ours_small.as_secs_f64().max(1e-9),
            theirs["components_s"].as_f64().unwrap_or(f64::NAN),
            theirs["cores_s"].as_f64().unwrap_or(f64::NAN),
            theirs["memory_mib"].as_f64().unwrap_or(f64::NAN),
        );
    }

    // Warm paths between random pairs, every record visible.
    let mut random = kyoso_network::generate::SplitMix64::new(11);
    let mut times = Vec::with_capacity(args.paths);
    let mut found = 0;
    let today = 20_000;
    for _ in 0..args.paths {
        let (a, b) = (
            random.below(u64::from(args.nodes)) as NodeId,
            random.below(u64::from(args.nodes)) as NodeId,
        );
        let started = Instant::now();
        let paths = warm_paths(&graph, a, b, 3, today, &|_| true);
        times.push(started.elapsed());
        found += usize::from(!paths.is_empty());
    }
    times.sort();
    let percentile = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    println!(
        "  warm paths, k = 3, {} random pairs ({found} joined): p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        args.paths,
        percentile(0.5).as_secs_f64() * 1e3,
        percentile(0.99).as_secs_f64() * 1e3,
        percentile(1.0).as_secs_f64() * 1e3,
    );

    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(2);
    let started = Instant::now();
    let sampled = betweenness(
        &graph,
        &BetweennessOptions {
            sources: Sources::Sample {
                count: args.samples,
                seed: 1,
            },
            threads,
            cancel: None,
        },
    );
    println!(
        "  sampled betweenness, k = {} sources on {threads} threads: {:.1} s, \
         every score within ±{:.2e} with {:.0}% confidence",
        sampled.sources_used,
        started.elapsed().as_secs_f64(),
        sampled.error_bound,
        100.0 * kyoso_network::ERROR_BOUND_CONFIDENCE
    );
    Ok(())
}

// --- Louvain on a planted partition ---

fn bench_louvain(args: &Args, python: Option<&Path>) -> anyhow::Result<()> {
    println!(
        "\nplanted partition: {} nodes in {} communities, {} ties, 80% inside (seed 5)",
        args.nodes, args.communities, args.edges
    );
    let (edges, planted) = planted_partition(args.nodes, args.communities, args.edges, 0.8, 5);
    let graph = graph_from_edges(args.nodes, &edges);
    let file = args.work.join(format!(
        "planted-{}-{}-{}.txt",
        args.nodes, args.communities, args.edges
    ));
    if python.is_some() && !file.exists() {
        write_edges(&file, &edges)?;
    }
    drop(edges);
    let started = Instant::now();
    let ours = communities(&graph, &CommunityOptions::default());
    let ours_time = started.elapsed();
    let igraph = match python {
        Some(python) => Some(peer(
            python,
            &args.work,
            &[
                "louvain".into(),
                file.display().to_string(),
                args.nodes.to_string(),
            ],
        )?),
        None => None,
    };
    let their_time = igraph.as_ref().and_then(|v| v["seconds"].as_f64());
    let their_q = igraph.as_ref().and_then(|v| v["modularity"].as_f64());
    println!(
        "  Louvain: kyoso {} ({} communities, modularity {:.4}); igraph multilevel {} ({} communities, modularity {}); \
         time {}, modularity {}",
        seconds(ours_time),
        ours.count,
        ours.modularity,
        their_time.map_or("–".into(), |t| format!("{t:.3} s")),
        igraph
            .as_ref()
            .and_then(|v| v["communities"].as_u64())
            .map_or("–".into(), |c| c.to_string()),
        their_q.map_or("–".into(), |q| format!("{q:.4}")),
        ratio(ours_time.as_secs_f64(), their_time),
        ratio(ours.modularity, their_q),
    );
    println!(
        "  the planted partition's own modularity: {:.4}",
        modularity(&graph, &planted, 1.0)
    );
    drop(graph);

    // No structure to find: the time budget returns the best so far.
    let random = graph_from_edges(args.nodes, &uniform_edges(args.nodes, args.edges, 9));
    let budget = Duration::from_secs(2);
    let started = Instant::now();
    let cut = communities(
        &random,
        &CommunityOptions {
            deadline: Some(Instant::now() + budget),
            ..CommunityOptions::default()
        },
    );
    println!(
        "  with a {} s budget on the uniform graph (no communities to find): returned after {}, \
         complete: {}, modularity {:.4}",
        budget.as_secs(),
        seconds(started.elapsed()),
        cut.complete,
        cut.modularity
    );
    Ok(())
}

// --- building the graph from the database ---

fn bench_database(args: &Args) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let path = args.work.join(format!(
            "network-{}-{}.sqlite",
            args.db_people, args.db_ties
        ));
        let url = format!("sqlite://{}", path.display());
        let store = kyoso_store::Store::open(&url).await?;
        let counts = store.counts().await?;
        if counts.people == 0 {
            println!(
                "\nmaking the database: the demo network at {} people…",
                args.db_people
            );
            let kyoso = kyoso_service::Kyoso::open(&url).await?;
            kyoso
                .demo(
                    kyoso_service::DemoOptions {
                        people: args.db_people,
                        seed: 1,
                    },
                    &kyoso_service::NoProgress,
                )
                .await?;
        }
        let counts = store.counts().await?;
        let store = if (counts.ties as u64) < args.db_ties {
            let more = args.db_ties - counts.ties as u64;
            println!("adding {more} met_at ties between random people…");
            store.close().await;
            add_random_ties(&path, more, counts.people as u64).await?;
            // Read the counts through a store opened after the ties went in.
            kyoso_store::Store::open(&url).await?
        } else {
            store
        };
        let counts = store.counts().await?;
        store.close().await;
        let kyoso = kyoso_service::Kyoso::open(&url).await?;
        reset_peak_memory();
        let before = status_kb("VmRSS:");
        let warm = kyoso.warm_up().await?;
        println!(
            "\nthe graph from the database (SQLite, {} people, {} organizations, {} ties): \
             read and packed in {}; {} nodes, {} ties in the graph; peak +{} MiB, resident +{} MiB",
            counts.people,
            counts.organizations,
            counts.ties,
            seconds(warm.network),
            warm.records,
            warm.ties,
            status_kb("VmHWM:").saturating_sub(before) / 1024,
            status_kb("VmRSS:").saturating_sub(before) / 1024,
        );
        kyoso.close().await;
        Ok::<_, anyhow::Error>(())
    })
}

/// Adds `count` met_at ties between random people, in one statement.
async fn add_random_ties(path: &Path, count: u64, people: u64) -> anyhow::Result<()> {
    use sqlx::ConnectOptions as _;
    let mut connection = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(path)
        .connect()
        .await?;
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1), \
              first(id) AS (SELECT min(id) FROM people) \
         INSERT INTO ties (uid, kind, from_person_id, to_person_id, start_date, strength, \
                           asserted_by, asserted_at, visibility, created_at, updated_at) \
         SELECT randomblob(16), 'met_at', first.id + abs(random() % ?2), first.id + abs(random() % ?2), \
                printf('%04d', 1970 + abs(random() % 56)), 0.5, 'benchmark', 0, 'network', 0, 0 \
         FROM n, first",
    )
    .bind(count as i64)
    .bind(people as i64)
    .execute(&mut connection)
    .await?;
    Ok(())
}
