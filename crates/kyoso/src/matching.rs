//! `kyoso match` and `kyoso needs sweep`: the ranking of a need's
//! candidates with their reasons, and the deadlines of needs.

use kyoso_i18n::Arg;
use kyoso_service::Kyoso;
use kyoso_service::matching;
use kyoso_service::words::ranking_json;
use kyoso_service::{Caller, Progress, Stage};

use crate::progress::Bar;
use crate::say::{Lang, lang, say};

pub(crate) struct MatchArgs {
    pub(crate) need: String,
    pub(crate) top: usize,
    pub(crate) explain: bool,
    pub(crate) weights: Option<String>,
    pub(crate) lang: Option<String>,
    pub(crate) json: bool,
}

pub(crate) async fn rank(kyoso: &Kyoso, args: MatchArgs, progress: &Bar) -> anyhow::Result<()> {
    let uid = kyoso_domain::Uid::parse(args.need.trim())
        .map_err(|_| anyhow::anyhow!(say!("cli-match-not-a-need-id", need = &args.need)))?;
    let weights = match &args.weights {
        Some(text) => matching::parse_weights(text)?,
        None => Default::default(),
    };
    progress.start(Stage::Named(&say!("cli-progress-ranking")), None);
    let started = std::time::Instant::now();
    let ranking = kyoso.rank(&Caller::Cli, uid, args.top, weights).await;
    progress.finish();
    let ranking = ranking?;
    let lang = args
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or(lang());
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&ranking_json(&ranking, lang))?
        );
        return Ok(());
    }
    let need = &ranking.need.need;
    println!(
        "{}",
        lang.format(
            "cli-match-summary",
            &[
                ("title", Arg::Text(need.title.as_str())),
                ("kind", Arg::Text(need.kind.as_str())),
                ("status", Arg::Text(ranking.need.status.as_str())),
                ("shown", ranking.candidates.len().into()),
                ("pool", ranking.pool.into()),
                (
                    "seconds",
                    Arg::Text(&format!("{:.1}", started.elapsed().as_secs_f64()))
                ),
            ]
        )
    );
    for c in &ranking.candidates {
        let near = match c.hops {
            Some(h) => format!(
                ", {}",
                lang.format("cli-match-steps-away", &[("steps", h.into())])
            ),
            None => String::new(),
        };
        let place = c.country.map(|c| format!(" [{c}]")).unwrap_or_default();
        println!(
            "{:>3}. {:.3}  {}{place}{near}  {}",
            c.rank, c.score, c.title, c.candidate.uid
        );
        if let Some(provider) = &c.provider {
            let provider = provider.names.display(lang.code());
            let by = lang.format("cli-match-provider", &[("provider", Arg::Text(provider))]);
            println!("       {by}");
        }
        if let Some(champion) = &c.champion {
            let name = champion.person.names.display(lang.code());
            let champion = lang.format("cli-match-champion", &[("name", Arg::Text(name))]);
            println!("       {champion}");
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
            let len = c.path.len();
            let names: Vec<String> = (c.path.iter().enumerate())
                .map(|(at, n)| kyoso_service::words::chain_name(n, at, len, lang))
                .collect();
            let path = names.join(" → ");
            let path = lang.format("cli-match-warm-path", &[("path", Arg::Text(&path))]);
            println!("       {path}");
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
    println!("{}", say!("cli-needs-expired", count = sweep.expired.len()));
    for need in &sweep.reminded {
        let date = need
            .need
            .deadline
            .map(|d| d.to_string())
            .unwrap_or_default();
        println!(
            "{}",
            say!(
                "cli-needs-reminder",
                title = need.need.title.as_str(),
                id = &need.uid.to_string(),
                date = &date
            )
        );
    }
    Ok(())
}

/// `kyoso eval match FILE`: a judged set loaded into a scratch database,
/// every need ranked, the figures printed.
pub(crate) async fn eval(
    file: &std::path::Path,
    json: bool,
    weights: Option<&str>,
) -> anyhow::Result<std::process::ExitCode> {
    use anyhow::Context as _;
    let text = std::fs::read_to_string(file)
        .with_context(|| say!("cli-reading-file", file = &file.display().to_string()))?;
    let weights = match weights {
        Some(text) => matching::parse_weights(text)?,
        None => Default::default(),
    };
    let set = matching::eval::MatchSet::parse(&text)
        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let scratch = tempfile::tempdir()?;
    let database = format!("sqlite://{}", scratch.path().join("eval.db").display());
    let kyoso = Kyoso::open(&database).await?;
    let report = kyoso
        .evaluate_matching(&set, scratch.path(), weights)
        .await
        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    kyoso.close().await;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(std::process::ExitCode::SUCCESS);
    }
    let line = |group: &str, s: &matching::eval::MatchScores| {
        say!(
            "cli-eval-match-scores",
            group = group,
            needs = s.needs,
            precision = format!("{:.3}", s.precision_at_10).as_str(),
            ndcg = format!("{:.3}", s.ndcg_at_10).as_str(),
            breakers = s.breakers
        )
    };
    println!("{}", line(&say!("cli-eval-overall"), &report.overall));
    for groups in [&report.by_kind, &report.by_language, &report.by_split] {
        for (group, scores) in groups {
            println!("{}", line(group, scores));
        }
    }
    if let Some(baselines) = &report.baselines {
        for (heading, baseline) in [
            (say!("cli-eval-bm25"), &baselines.bm25),
            (say!("cli-eval-bm25-filtered"), &baselines.bm25_filtered),
        ] {
            println!("\n{heading}");
            println!("{}", line(&say!("cli-eval-overall"), &baseline.overall));
            for groups in [&baseline.by_kind, &baseline.by_split] {
                for (group, scores) in groups {
                    println!("{}", line(group, scores));
                }
            }
        }
    }
    Ok(std::process::ExitCode::SUCCESS)
}
