//! `kyoso search` and `kyoso eval search`: finding records in any of the
//! four languages, and judging how well that works.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand};
use kyoso_service::search::{Collection, EvalReport, SearchQuery};
use kyoso_service::{Caller, Kyoso};

use crate::say::say;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub(crate) struct SearchArgs {
    #[command(subcommand)]
    command: Option<SearchCommand>,
    /// What to look for, in any language: "潤滑 manual", "boi tron".
    query: Option<String>,
    /// The reader's language for titles and snippets: en, ja, th or vi.
    #[arg(long)]
    lang: Option<String>,
    /// Only records of these kinds: person, organization, event, need,
    /// technology, company, program, lesson, question (repeat or separate
    /// with commas).
    #[arg(long, value_delimiter = ',')]
    kind: Vec<String>,
    /// Only records about these countries (ISO 3166 codes: TH, VN).
    #[arg(long, value_delimiter = ',')]
    country: Vec<String>,
    /// How many records, 1 to 100.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..=100))]
    top: u16,
    /// Print the results as JSON, with facets.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
enum SearchCommand {
    /// Read every record into the search index again.
    Reindex,
    /// The vocabulary search reads queries with: print it as a file to edit,
    /// or with --coverage how many concepts and names it has per language.
    Vocabulary {
        #[arg(long)]
        coverage: bool,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum EvalCommand {
    /// Run a judged collection (format kyoso-search-eval/1, see
    /// docs/FORMATS.md) and print nDCG@10 and recall@10 per language, per
    /// split and overall.
    Search {
        file: PathBuf,
        /// Print every query's figures and first ten results as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Load a judged matching set (format kyoso-match-eval/1, see
    /// docs/FORMATS.md) into a scratch database, rank every need and print
    /// P@10, nDCG@10 and the hard-constraint breakers in the top ten per
    /// need kind, language and split.
    Match {
        file: PathBuf,
        /// Print every need's figures and first ten candidates as JSON.
        #[arg(long)]
        json: bool,
        /// Rank with these weights, written skills=0.5,network=0.2 (the
        /// factors not named keep their defaults).
        #[arg(long)]
        weights: Option<String>,
    },
}

/// Answers what needs no database.
pub(crate) fn run_without_database(args: &SearchArgs) -> Option<anyhow::Result<ExitCode>> {
    match &args.command {
        Some(SearchCommand::Vocabulary { coverage }) => Some(vocabulary(*coverage)),
        _ => None,
    }
}

fn vocabulary(coverage: bool) -> anyhow::Result<ExitCode> {
    if !coverage {
        print!("{}", kyoso_service::search::vocabulary_file());
        return Ok(ExitCode::SUCCESS);
    }
    let c = kyoso_service::search::vocabulary_coverage();
    println!(
        "{}",
        say!(
            "cli-vocabulary-total",
            concepts = c.concepts,
            abbreviations = c.abbreviations,
            homonyms = c.homonyms
        )
    );
    for (language, (concepts, names)) in &c.languages {
        println!(
            "{}",
            say!(
                "cli-vocabulary-language",
                language = language.as_str(),
                concepts = *concepts,
                names = *names
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) async fn run(kyoso: &Kyoso, args: SearchArgs) -> anyhow::Result<ExitCode> {
    if let Some(SearchCommand::Reindex) = args.command {
        let count = kyoso.reindex().await?;
        println!("{}", say!("cli-search-reindexed", count = count));
        return Ok(ExitCode::SUCCESS);
    }
    let query = SearchQuery {
        text: args.query.unwrap_or_default(),
        reader: Some(
            args.lang
                .unwrap_or_else(|| crate::say::lang().code().to_owned()),
        ),
        kinds: args.kind,
        countries: args.country.iter().map(|c| c.to_uppercase()).collect(),
        limit: usize::from(args.top),
        ..SearchQuery::default()
    };
    let results = kyoso.search(&Caller::Cli, &query).await?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&results)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("{}", say!("cli-search-found", count = results.total));
    for hit in &results.hits {
        let marker = if hit.translated {
            format!(" {}", say!("cli-search-translated"))
        } else {
            String::new()
        };
        println!(
            "{:.3}  {:<14} {}{marker}  [{}]",
            hit.score,
            kind_name(&hit.kind),
            hit.title,
            hit.id
        );
        let snippet: String = hit
            .snippet
            .iter()
            .map(|f| {
                if f.hit {
                    format!("[{}]", f.text)
                } else {
                    f.text.clone()
                }
            })
            .collect();
        if !snippet.is_empty() {
            println!("       {}", snippet.replace('\n', " "));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A record kind in the reader's words.
fn kind_name(kind: &str) -> String {
    match kind {
        "person" => say!("cli-search-kind-person"),
        "organization" => say!("cli-search-kind-organization"),
        "need" => say!("cli-search-kind-need"),
        "technology" => say!("cli-search-kind-technology"),
        "company" => say!("cli-search-kind-company"),
        "program" => say!("cli-search-kind-program"),
        "lesson" => say!("cli-search-kind-lesson"),
        "question" => say!("cli-search-kind-question"),
        other => other.to_owned(),
    }
}

pub(crate) async fn eval(command: &EvalCommand) -> anyhow::Result<ExitCode> {
    let (file, json) = match command {
        EvalCommand::Search { file, json } => (file, json),
        EvalCommand::Match {
            file,
            json,
            weights,
        } => return crate::matching::eval(file, *json, weights.as_deref()).await,
    };
    let text = std::fs::read_to_string(file)
        .with_context(|| say!("cli-reading-file", file = &file.display().to_string()))?;
    let collection =
        Collection::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let report = kyoso_service::search::evaluate(&collection)?;
    if *json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_report(&report);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_report(report: &EvalReport) {
    let line = |group: &str, s: &kyoso_service::search::Scores| {
        say!(
            "cli-eval-scores",
            group = group,
            queries = s.queries,
            ndcg = format!("{:.3}", s.ndcg_at_10).as_str(),
            recall = format!("{:.3}", s.recall_at_10).as_str()
        )
    };
    println!("{}", line(&say!("cli-eval-overall"), &report.overall));
    for (language, scores) in &report.by_language {
        println!("{}", line(language, scores));
    }
    for (split, scores) in &report.by_split {
        println!("{}", line(split, scores));
    }
}
