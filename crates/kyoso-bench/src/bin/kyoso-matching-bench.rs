//! The matching benchmark: ranking the best candidates for a need among a
//! million expert profiles, beside a full scan that scores every profile
//! (the peer: what ranking without an index costs), and the ranking's
//! quality on needs whose best candidates were planted; then assignment
//! rounds beside OR-tools' min-cost flow (from PyPI, in a virtual
//! environment under `--work`), whose objective must equal kyoso's.
//! Timings are printed, never judged.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::Parser;
use kyoso_matching::{
    CandidateId, Index, Instance, LanguageNeed, Mode, Need, Profile, Ranked, Term, Weights,
};
use kyoso_network::generate::SplitMix64;

#[path = "../peers.rs"]
mod peers;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(about = "kyoso's matching beside a full scan, and its quality on planted needs")]
struct Args {
    /// Expert profiles in the index.
    #[arg(long, default_value_t = 1_000_000)]
    profiles: u32,
    /// Needs asked.
    #[arg(long, default_value_t = 300)]
    needs: usize,
    /// Candidates per need.
    #[arg(long, default_value_t = 20)]
    top: usize,
    /// Participants in the assignment round.
    #[arg(long, default_value_t = 50_000)]
    participants: u32,
    /// Hosts in the assignment round.
    #[arg(long, default_value_t = 5_000)]
    hosts: u32,
    /// Candidate hosts per participant.
    #[arg(long, default_value_t = 50)]
    choices: u32,
    /// `required`: fail if OR-tools cannot be installed; `optional`: say so and go on.
    #[arg(long, default_value = "required")]
    peers: String,
    /// Where the peer's environment and the rounds' files are kept.
    #[arg(long, default_value = "target/bench-matching")]
    work: PathBuf,
}

const SKILLS: u64 = 2_000;
/// The concepts a profile's own text (headline, biography) speaks of, as
/// the vocabulary reads them: numbered after the skills, and more of them.
const TOPICS: u64 = 6_000;
const CATEGORIES: u64 = 60;
const COUNTRIES: u64 = 60;
const LANGUAGES: u64 = 20;
/// The language every need asks for (Japanese in the product).
const JAPANESE: u16 = 0;

/// Skewed towards small numbers, as skills' popularity is.
fn skewed(random: &mut SplitMix64, bound: u64) -> u64 {
    let a = random.below(bound);
    random.below(a + 1)
}

fn profile(random: &mut SplitMix64) -> Profile {
    Profile {
        topics: (0..4 + random.below(12))
            .map(|_| (SKILLS + skewed(random, TOPICS)) as Term)
            .collect(),
        skills: (0..3 + random.below(6))
            .map(|_| skewed(random, SKILLS) as Term)
            .collect(),
        sectors: (0..1 + random.below(3))
            .map(|_| 11_000 + 100 * random.below(CATEGORIES) as u32 + 10 * random.below(3) as u32)
            .collect(),
        languages: vec![
            (JAPANESE, 1 + random.below(7) as u8),
            (1 + random.below(LANGUAGES) as u16, 7),
        ],
        countries: (0..random.below(4))
            .map(|_| random.below(COUNTRIES) as u16)
            .collect(),
        available: random.below(3) > 0,
        matches: random.below(6) as u32,
        successes: random.below(3) as u32,
        concluded: 0,
    }
}

fn need(random: &mut SplitMix64) -> Need {
    Need {
        skills: (0..3).map(|_| skewed(random, SKILLS) as Term).collect(),
        // The further topics of its title and description.
        topics: (0..2 + random.below(4))
            .map(|_| (SKILLS + skewed(random, TOPICS)) as Term)
            .collect(),
        sectors: vec![11_000 + 100 * random.below(CATEGORIES) as u32],
        country: Some(random.below(COUNTRIES) as u16),
        languages: vec![LanguageNeed {
            language: JAPANESE,
            level: 4,
            must: false,
            or: [None; 2],
        }],
        ..Need::default()
    }
}

/// The peer: every profile that passes the need's constraints and shares
/// a skill, a topic or a sector category with it scored, the best kept:
/// those who meet what is asked first, then by score.
fn full_scan(
    index: &Index,
    need: &Need,
    n: usize,
    weights: &Weights,
    hops: &dyn Fn(CandidateId) -> Option<u8>,
) -> Vec<Ranked> {
    let asked: Vec<Term> = need
        .skills
        .iter()
        .chain(&need.required_skills)
        .chain(&need.topics)
        .copied()
        .collect();
    let shares = |p: &Profile| {
        asked
            .iter()
            .any(|t| p.skills.contains(t) || p.topics.contains(t))
            || need
                .sectors
                .iter()
                .any(|s| p.sectors.iter().any(|x| x / 100 == s / 100))
    };
    let mut all: Vec<Ranked> = (0..index.len() as CandidateId)
        .filter(|&c| index.passes(need, c))
        .filter(|&c| index.profile(c).is_some_and(shares))
        .filter_map(|c| index.score(need, c, weights, hops(c)))
        .collect();
    all.sort_by(|a, b| {
        b.meets
            .cmp(&a.meets)
            .then(b.score.total_cmp(&a.score))
            .then(a.candidate.cmp(&b.candidate))
    });
    all.truncate(n);
    all
}

fn percentile(times: &mut [Duration], p: f64) -> f64 {
    times.sort();
    times[((times.len() - 1) as f64 * p).round() as usize].as_secs_f64() * 1e3
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    std::fs::create_dir_all(&args.work)?;
    let python = match peers::python(&args.work, &["ortools"], &["ortools"]) {
        Ok(python) => Some(python),
        Err(e) if args.peers == "optional" => {
            println!("note: OR-tools is not available ({e:#}); kyoso's figures only");
            None
        }
        Err(e) => {
            return Err(
                e.context("installing OR-tools (pass --peers optional to go on without it)")
            );
        }
    };
    rank(&args);
    assignment(&args, python.as_deref())
}

fn rank(args: &Args) {
    let mut random = SplitMix64::new(3);
    let mut profiles: Vec<Profile> = (0..args.profiles).map(|_| profile(&mut random)).collect();

    // Planted needs: for each, ten profiles made to fit it perfectly (every
    // skill, the sector, the country, fluent Japanese, available, a good
    // record) are the ones a good ranking puts first.
    let planted_needs: Vec<(Need, Vec<CandidateId>)> = (0..100)
        .map(|_| {
            let need = need(&mut random);
            let mut chosen: Vec<CandidateId> = (0..10)
                .map(|_| random.below(u64::from(args.profiles)) as CandidateId)
                .collect();
            chosen.sort_unstable();
            chosen.dedup();
            for &c in &chosen {
                let p = &mut profiles[c as usize];
                p.skills.extend(&need.skills);
                p.topics.extend(&need.topics);
                p.sectors.push(need.sectors[0]);
                p.countries.extend(need.country);
                p.languages[0] = (JAPANESE, 6);
                p.available = true;
                p.matches = 3;
                p.successes = 3;
            }
            (need, chosen)
        })
        .collect();

    let started = Instant::now();
    let index = Index::new(profiles);
    println!(
        "index of {} profiles built in {:.2} s",
        index.len(),
        started.elapsed().as_secs_f64()
    );
    let weights = Weights::default();

    // Speed, as a request pays it: the owner's neighbourhood within three
    // steps by breadth-first search on a network of the same million
    // records, the ranking, and a warm path to every candidate within reach
    // (a shortest chain, strongest ties first, read back from the search). The network is shaped like the registry's:
    // two ties each between people at random, and one to an organization
    // (the last 1,000 records), so that three steps reach far. Ties began
    // on days spread over thirty years, and the organizations are hubs,
    // passed through only between ties begun within a year of each other.
    let started = Instant::now();
    let organizations = 1_000.min(args.profiles / 10).max(1);
    let mut ties = kyoso_network::generate::uniform_edges(args.profiles, args.profiles as usize, 5);
    let mut draw = SplitMix64::new(6);
    ties.extend((0..args.profiles - organizations).map(|person| {
        let organization = args.profiles - 1 - draw.below(u64::from(organizations)) as CandidateId;
        (person, organization)
    }));
    let thirty_years = 30 * 365;
    let network = kyoso_network::Graph::from_edges(args.profiles as usize, &|add| {
        let mut days = SplitMix64::new(7);
        for &(a, b) in &ties {
            add(a, b, 1.0, days.below(thirty_years) as i32);
        }
    })
    .with_hubs((args.profiles - organizations..args.profiles).collect());
    drop(ties);
    println!(
        "network of {} records and {} ties built in {:.2} s",
        network.node_count(),
        network.edge_count(),
        started.elapsed().as_secs_f64()
    );
    let mut ours = Vec::with_capacity(args.needs);
    let mut scans = Vec::new();
    let mut same = 0;
    let mut paths = 0;
    for i in 0..args.needs {
        let need = need(&mut random);
        let owner = random.below(u64::from(args.profiles)) as CandidateId;
        let started = Instant::now();
        let near = kyoso_network::within(&network, owner, 3, i32::MAX, &|_| true, 50_000);
        let hops = |c: CandidateId| near.hops(c).filter(|&h| h > 0);
        let top = index.top(&need, args.top, &weights, &hops);
        for r in top.iter().filter(|r| r.hops.is_some()) {
            paths += usize::from(!near.chain(&network, r.candidate).is_empty());
        }
        ours.push(started.elapsed());
        // The peer on every tenth need: it is slow.
        if i % 10 == 0 {
            let started = Instant::now();
            let scanned = full_scan(&index, &need, args.top, &weights, &hops);
            scans.push(started.elapsed());
            same += usize::from(scanned == top);
        }
    }
    let (p50, p99) = (percentile(&mut ours, 0.5), percentile(&mut ours, 0.99));
    let scan50 = percentile(&mut scans, 0.5);
    println!(
        "top {} of {} by skills and the topics of their own text, with reasons, distances and warm paths ({paths} drawn), {} needs: p50 {p50:.2} ms, p99 {p99:.2} ms, max {:.2} ms",
        args.top,
        args.profiles,
        args.needs,
        percentile(&mut ours, 1.0),
    );
    println!(
        "  full scan (the peer), {} needs: p50 {scan50:.1} ms; the index is {:.1}× faster at p50; same answer on {same} of {}",
        scans.len(),
        scan50 / p50.max(1e-9),
        scans.len()
    );

    // Quality: precision@10 and nDCG@10 against the planted best.
    let (mut precision, mut ndcg) = (0.0, 0.0);
    for (need, planted) in &planted_needs {
        let top = index.top(need, 10, &weights, &|_| None);
        let relevant = |c: CandidateId| planted.contains(&c);
        let hits = top.iter().filter(|r| relevant(r.candidate)).count();
        precision += hits as f64 / 10.0;
        let dcg: f64 = top
            .iter()
            .enumerate()
            .filter(|(_, r)| relevant(r.candidate))
            .map(|(i, _)| 1.0 / (i as f64 + 2.0).log2())
            .sum();
        let ideal: f64 = (0..planted.len().min(10))
            .map(|i| 1.0 / (i as f64 + 2.0).log2())
            .sum();
        ndcg += dcg / ideal;
    }
    let count = planted_needs.len() as f64;
    println!(
        "quality on {} needs with 10 planted best candidates each: precision@10 {:.3}, nDCG@10 {:.3}",
        planted_needs.len(),
        precision / count,
        ndcg / count
    );
}

// --- assignment rounds ---

/// A round of `participants` participants and `hosts` hosts (capacities 1
/// to 30), each participant with `choices` distinct candidate hosts and
/// random scores; the two sides' preferences follow the score, disturbed.
fn round(participants: u32, hosts: u32, choices: u32, seed: u64) -> Instance {
    let mut random = SplitMix64::new(seed);
    let capacities = (0..hosts).map(|_| 1 + random.below(30) as u32).collect();
    let mut candidates = Vec::with_capacity(participants as usize * choices as usize);
    let mut picked = Vec::with_capacity(choices as usize);
    for participant in 0..participants {
        picked.clear();
        while picked.len() < choices.min(hosts) as usize {
            let host = random.below(u64::from(hosts)) as u32;
            if !picked.contains(&host) {
                picked.push(host);
            }
        }
        for &host in &picked {
            let score = random.below(1_000_000) as i64;
            candidates.push(kyoso_matching::Candidate {
                participant,
                host,
                score,
                participant_score: score + random.below(200_000) as i64,
                host_score: score + random.below(200_000) as i64,
            });
        }
    }
    Instance {
        participants: participants as usize,
        capacities,
        candidates,
    }
}

fn write_round(path: &Path, instance: &Instance) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(
        out,
        "{} {} {}",
        instance.participants,
        instance.capacities.len(),
        instance.candidates.len()
    )?;
    for capacity in &instance.capacities {
        writeln!(out, "{capacity}")?;
    }
    for c in &instance.candidates {
        writeln!(out, "{} {} {}", c.participant, c.host, c.score)?;
    }
    out.flush()?;
    Ok(())
}

const PEER_SCRIPT: &str = include_str!("../../peers/assignment_peer.py");

/// OR-tools' objective and time on `instance`.
fn or_tools(python: &Path, work: &Path, instance: &Instance) -> anyhow::Result<(i64, f64)> {
    let file = work.join("round.txt");
    write_round(&file, instance)?;
    let answer = peers::ask(
        python,
        work,
        "assignment_peer.py",
        PEER_SCRIPT,
        &[file.display().to_string()],
    )?;
    let objective = answer["objective"]
        .as_i64()
        .ok_or_else(|| anyhow::anyhow!("the peer gave no objective: {answer}"))?;
    Ok((objective, answer["seconds"].as_f64().unwrap_or(f64::NAN)))
}

fn assignment(args: &Args, python: Option<&Path>) -> anyhow::Result<()> {
    // The same objective as OR-tools on small generated rounds.
    if let Some(python) = python {
        let mut failed = Vec::new();
        for seed in 0..12 {
            let small = round(40 + 30 * seed as u32, 6 + 2 * seed as u32, 5, 100 + seed);
            let ours = kyoso_matching::assign(&small, Mode::Optimal)?;
            let (theirs, _) = or_tools(python, &args.work, &small)?;
            if ours.total_score != theirs {
                failed.push((seed, ours.total_score, theirs));
            }
        }
        anyhow::ensure!(
            failed.is_empty(),
            "optimal totals differ from OR-tools' (seed, kyoso, OR-tools): {failed:?}"
        );
        println!("\noptimal assignment: the same total score as OR-tools on 12 generated rounds");
    }
    let instance = round(args.participants, args.hosts, args.choices, 2026);
    println!(
        "round of {} participants, {} hosts (capacities 1–30), {} candidate pairs",
        instance.participants,
        instance.capacities.len(),
        instance.candidates.len()
    );
    let started = Instant::now();
    let optimal = kyoso_matching::assign(&instance, Mode::Optimal)?;
    let optimal_time = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let stable = kyoso_matching::assign(&instance, Mode::Stable)?;
    let stable_time = started.elapsed().as_secs_f64();
    let peer = match python {
        Some(python) => Some(or_tools(python, &args.work, &instance)?),
        None => None,
    };
    println!(
        "  optimal: {optimal_time:.3} s, total score {}, {} unassigned{}",
        optimal.total_score,
        optimal.unassigned.len(),
        match peer {
            Some((objective, seconds)) => format!(
                "; OR-tools min-cost flow {seconds:.3} s, total {objective} ({}); kyoso/OR-tools time {:.2}×",
                if objective == optimal.total_score {
                    "the same"
                } else {
                    "DIFFERENT"
                },
                optimal_time / seconds
            ),
            None => String::new(),
        }
    );
    println!(
        "  stable (participant-proposing deferred acceptance): {stable_time:.3} s, total score {}, {} unassigned",
        stable.total_score,
        stable.unassigned.len()
    );
    if let Some((objective, _)) = peer {
        anyhow::ensure!(
            objective == optimal.total_score,
            "the optimal total differs from OR-tools'"
        );
    }
    Ok(())
}
