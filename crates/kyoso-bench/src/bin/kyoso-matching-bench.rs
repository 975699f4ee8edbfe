//! The matching benchmark: ranking the best candidates for a need among a
//! million expert profiles, beside a full scan that scores every profile
//! (the peer: what ranking without an index costs), and the ranking's
//! quality on needs whose best candidates were planted.
//! Timings are printed, never judged.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use clap::Parser;
use kyoso_matching::{CandidateId, Index, LanguageNeed, Need, Profile, Ranked, Term, Weights};
use kyoso_network::generate::SplitMix64;

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
}

const SKILLS: u64 = 2_000;
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
        sectors: vec![11_000 + 100 * random.below(CATEGORIES) as u32],
        country: Some(random.below(COUNTRIES) as u16),
        languages: vec![LanguageNeed {
            language: JAPANESE,
            level: 4,
            must: false,
        }],
        ..Need::default()
    }
}

/// The peer: every profile scored, the best kept.
fn full_scan(
    index: &Index,
    need: &Need,
    n: usize,
    weights: &Weights,
    hops: &dyn Fn(CandidateId) -> Option<u8>,
) -> Vec<Ranked> {
    let mut all: Vec<Ranked> = (0..index.len() as CandidateId)
        .filter(|&c| index.passes(need, c))
        .filter_map(|c| index.score(need, c, weights, hops(c)))
        .filter(|r| r.factors[0].value > 0.0 || r.factors[1].value > 0.0)
        .collect();
    all.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.candidate.cmp(&b.candidate))
    });
    all.truncate(n);
    all
}

fn percentile(times: &mut [Duration], p: f64) -> f64 {
    times.sort();
    times[((times.len() - 1) as f64 * p).round() as usize].as_secs_f64() * 1e3
}

fn main() {
    let args = Args::parse();
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

    // Speed, with a warm-path distance for 2,000 records near each need's owner.
    let mut ours = Vec::with_capacity(args.needs);
    let mut scans = Vec::new();
    let mut same = 0;
    for i in 0..args.needs {
        let need = need(&mut random);
        let near: HashMap<CandidateId, u8> = (0..2_000)
            .map(|_| {
                (
                    random.below(u64::from(args.profiles)) as CandidateId,
                    1 + random.below(3) as u8,
                )
            })
            .collect();
        let hops = |c: CandidateId| near.get(&c).copied();
        let started = Instant::now();
        let top = index.top(&need, args.top, &weights, &hops);
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
        "top {} of {} with reasons and warm-path distances, {} needs: p50 {p50:.2} ms, p99 {p99:.2} ms, max {:.2} ms",
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
