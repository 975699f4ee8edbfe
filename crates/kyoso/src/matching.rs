//! `kyoso match` and `kyoso needs sweep`: the ranking of a need's
//! candidates with their reasons, and the deadlines of needs.

use std::sync::Arc;
use std::time::Duration;

use kyoso_service::matching::{self, Language, MatchingCache};
use kyoso_service::network::NetworkCache;
use kyoso_service::{Caller, Progress};
use kyoso_store::Store;

use crate::progress::Bar;

pub(crate) struct MatchArgs {
    pub(crate) need: String,
    pub(crate) top: usize,
    pub(crate) explain: bool,
    pub(crate) weights: Option<String>,
    pub(crate) lang: String,
    pub(crate) json: bool,
}

pub(crate) async fn rank(store: &Store, args: MatchArgs, progress: &Bar) -> anyhow::Result<()> {
    let uid = kyoso_domain::Uid::parse(args.need.trim())
        .map_err(|_| anyhow::anyhow!("\"{}\" is not a need's id", args.need))?;
    let weights = match &args.weights {
        Some(text) => matching::parse_weights(text)?,
        None => Default::default(),
    };
    // The command line reads the registry once; nothing to keep it for.
    let network = Arc::new(NetworkCache::new(Duration::MAX));
    let cache = Arc::new(MatchingCache::new(Duration::MAX));
    progress.start("reading the network and indexing candidates", None);
    let started = std::time::Instant::now();
    let ranking = matching::rank(
        store,
        &cache,
        &network,
        &Caller::Cli,
        uid,
        args.top,
        weights,
    )
    .await;
    progress.finish();
    let ranking = ranking?;
    let lang = Language::from_code(&args.lang);
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&kyoso_web::ranking_json(&ranking, lang))?
        );
        return Ok(());
    }
    let need = &ranking.need.need;
    println!(
        "{} ({}, {}): the best {} of {} candidates ({:.1} s)",
        need.title,
        need.kind,
        ranking.need.status,
        ranking.candidates.len(),
        ranking.pool,
        started.elapsed().as_secs_f64()
    );
    for c in &ranking.candidates {
        let near = match c.hops {
            Some(h) => format!(", {h} step{} away", if h == 1 { "" } else { "s" }),
            None => String::new(),
        };
        let place = c.country.map(|c| format!(" [{c}]")).unwrap_or_default();
        println!(
            "{:>3}. {:.3}  {}{place}{near}  {}",
            c.rank, c.score, c.title, c.candidate.uid
        );
        if let Some(provider) = &c.provider {
            println!("       by {}", provider.names.display(lang.code()));
        }
        if let Some(champion) = &c.champion {
            println!(
                "       local champion: {}",
                champion.person.names.display(lang.code())
            );
        }
        if !args.explain {
            continue;
        }
        for r in &c.reasons {
            println!(
                "       {:+.3} = {:.2} × {:.2}  {:<12} {}",
                r.contribution,
                r.weight,
                r.value,
                r.factor,
                matching::explain(r, lang)
            );
        }
        if c.path.len() > 1 {
            let names: Vec<&str> = c
                .path
                .iter()
                .map(|n| n.names.display(lang.code()))
                .collect();
            println!("       warm path: {}", names.join(" → "));
        }
    }
    Ok(())
}

pub(crate) async fn list(store: &Store, status: Option<&str>) -> anyhow::Result<()> {
    let filter = kyoso_domain::NeedFilter {
        status: status.map(str::parse).transpose()?,
        ..Default::default()
    };
    for need in matching::needs(store, &Caller::Cli, &filter, 500).await? {
        println!(
            "{}  {:<16} {:<8} {:<10} {}",
            need.uid,
            need.need.kind.as_str(),
            need.status.as_str(),
            need.need
                .deadline
                .map(|d| d.to_string())
                .unwrap_or_default(),
            need.need.title
        );
    }
    Ok(())
}

pub(crate) async fn sweep(store: &Store) -> anyhow::Result<()> {
    let today = time::OffsetDateTime::now_utc().date();
    let sweep = matching::sweep_deadlines(store, &Caller::Cli, today).await?;
    println!("{} needs expired", sweep.expired.len());
    for need in &sweep.reminded {
        println!(
            "reminder: \"{}\" ({}) expires on {}",
            need.need.title,
            need.uid,
            need.need
                .deadline
                .map(|d| d.to_string())
                .unwrap_or_default()
        );
    }
    Ok(())
}
