//! `kyoso match` and `kyoso needs sweep`: the ranking of a need's
//! candidates with their reasons, and the deadlines of needs.

use kyoso_service::Kyoso;
use kyoso_service::matching::{self, Language};
use kyoso_service::{Caller, Progress};

use crate::progress::Bar;

pub(crate) struct MatchArgs {
    pub(crate) need: String,
    pub(crate) top: usize,
    pub(crate) explain: bool,
    pub(crate) weights: Option<String>,
    pub(crate) lang: String,
    pub(crate) json: bool,
}

pub(crate) async fn rank(kyoso: &Kyoso, args: MatchArgs, progress: &Bar) -> anyhow::Result<()> {
    let uid = kyoso_domain::Uid::parse(args.need.trim())
        .map_err(|_| anyhow::anyhow!("\"{}\" is not a need's id", args.need))?;
    let weights = match &args.weights {
        Some(text) => matching::parse_weights(text)?,
        None => Default::default(),
    };
    progress.start("reading the network and indexing candidates", None);
    let started = std::time::Instant::now();
    let ranking = kyoso.rank(&Caller::Cli, uid, args.top, weights).await;
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

pub(crate) async fn list(kyoso: &Kyoso, status: Option<&str>) -> anyhow::Result<()> {
    let filter = kyoso_domain::NeedFilter {
        status: status.map(str::parse).transpose()?,
        ..Default::default()
    };
    for need in kyoso.needs(&Caller::Cli, &filter, 500).await? {
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

pub(crate) async fn sweep(kyoso: &Kyoso) -> anyhow::Result<()> {
    let sweep = kyoso.sweep_deadlines(&Caller::Cli, kyoso.today()).await?;
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
