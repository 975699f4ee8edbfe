//! `kyoso network`: warm paths, brokers, communities and growth on the
//! command line, as text or JSON.

use std::time::Duration;

use anyhow::Context;
use clap::{Subcommand, ValueEnum};
use kyoso_domain::{CountryCode, RecordKind, Uid};
use kyoso_service::Kyoso;
use kyoso_service::network::{BrokerQuestion, GroupSelector, Interval};
use kyoso_service::{Caller, Progress, Stage};

use crate::progress::Bar;
use crate::say::{Arg, lang, say};

#[derive(Debug, Subcommand)]
pub(crate) enum NetworkCommand {
    /// The best warm introduction paths from one record to another: chains
    /// of people who know each other, strong and recent ties first.
    Path {
        /// Where to start: a person, organization or event (external id or id).
        from: String,
        /// Whom to reach (external id or id).
        to: String,
        /// How many paths.
        #[arg(long, short, default_value_t = 3)]
        k: usize,
        #[command(flatten)]
        common: Common,
    },
    /// The hubs: organizations and events with so many members, alumni,
    /// interns or attendees (more than the `hub_ties` setting) that a path
    /// passes through an organization among them only between ties begun
    /// within a year of each other, and through an event never; and those
    /// an administrator flagged.
    Hubs {
        /// Flag this organization or event as a hub, whatever its size
        /// (external id or id).
        #[arg(long, value_name = "RECORD", conflicts_with = "unflag")]
        flag: Option<String>,
        /// Clear this organization's or event's flag.
        #[arg(long, value_name = "RECORD")]
        unflag: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Who bridges otherwise separate parts of the network (betweenness).
    Brokers {
        /// How many brokers.
        #[arg(long, default_value_t = 20)]
        top: usize,
        /// Only brokers in this country.
        #[arg(long)]
        country: Option<String>,
        /// Brokerage between two groups only, from this one
        /// (country:TH,type:private,sector:321,kind:person; any part).
        #[arg(long, requires = "to_group", value_name = "GROUP")]
        from: Option<String>,
        /// ... to this one.
        #[arg(long = "to", id = "to_group", requires = "from", value_name = "GROUP")]
        to: Option<String>,
        /// Sample this many sources instead of every record (by default:
        /// exact up to 50,000 records, else a sample sized to the network).
        #[arg(long)]
        samples: Option<usize>,
        #[command(flatten)]
        common: Common,
    },
    /// Communities (Louvain, with modularity) and the core group (k-core).
    Communities {
        /// How many communities to describe, largest first.
        #[arg(long, default_value_t = 20)]
        top: usize,
        /// Stop after this many seconds with the best grouping so far.
        #[arg(long, default_value_t = 600)]
        budget: u64,
        #[command(flatten)]
        common: Common,
    },
    /// New members and ties per period, overall or by country.
    Growth {
        /// Show the figures per country.
        #[arg(long)]
        by: Option<GrowthBy>,
        #[arg(long, default_value = "year")]
        interval: IntervalArg,
        #[command(flatten)]
        common: Common,
    },
}

#[derive(Debug, clap::Args)]
pub(crate) struct Common {
    /// The network as it stood on this day (YYYY-MM-DD).
    #[arg(long)]
    as_of: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum GrowthBy {
    Country,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum IntervalArg {
    Month,
    Year,
}

impl Common {
    fn as_of(&self) -> anyhow::Result<Option<time::Date>> {
        self.as_of
            .as_deref()
            .map(|text| {
                kyoso_domain::PartialDate::parse_day(text)
                    .map_err(|e| anyhow::anyhow!("--as-of: {e}"))
            })
            .transpose()
    }
}

/// A record of the network: a person, an organization or an event, by
/// external id or id.
async fn find_record(kyoso: &Kyoso, reference: &str) -> anyhow::Result<Uid> {
    Ok(kyoso
        .find(&Caller::Cli, NETWORK_RECORDS, reference)
        .await?
        .1)
}

const NETWORK_RECORDS: &[RecordKind] = &[
    RecordKind::Person,
    RecordKind::Organization,
    RecordKind::Event,
];

fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

pub(crate) async fn run(
    kyoso: &Kyoso,
    command: NetworkCommand,
    progress: &Bar,
) -> anyhow::Result<()> {
    let caller = Caller::Cli;
    let started = std::time::Instant::now();
    match command {
        NetworkCommand::Path {
            from,
            to,
            k,
            common,
        } => {
            let (from, to) = (
                find_record(kyoso, &from).await?,
                find_record(kyoso, &to).await?,
            );
            progress.start(Stage::Named(&say!("cli-progress-reading-network")), None);
            let found = kyoso
                .warm_paths(&caller, from, to, k, common.as_of()?)
                .await;
            progress.finish();
            let found = found?;
            if common.json {
                return print_json(&found);
            }
            if found.paths.is_empty() {
                println!("{}", say!("cli-path-none"));
            }
            for (i, path) in found.paths.iter().enumerate() {
                let hops = path.nodes.len().saturating_sub(2);
                let summary = say!(
                    "cli-path-summary",
                    introductions = hops,
                    cost = &format!("{:.3}", path.cost)
                );
                println!("{}. {summary}", i + 1);
                for line in kyoso_service::words::path_lines(path, lang()) {
                    println!("   {line}");
                }
            }
        }
        NetworkCommand::Hubs { flag, unflag, json } => {
            let change = match (flag, unflag) {
                (Some(org), _) => Some((org, true)),
                (None, Some(org)) => Some((org, false)),
                (None, None) => None,
            };
            if let Some((reference, flagged)) = change {
                const HUB: &[RecordKind] = &[RecordKind::Organization, RecordKind::Event];
                let (_, uid) = kyoso.find(&caller, HUB, &reference).await?;
                kyoso.flag_hub(&caller, uid, flagged).await?;
                let message = if flagged {
                    "cli-hub-flagged"
                } else {
                    "cli-hub-unflagged"
                };
                eprintln!(
                    "{}",
                    lang().format(message, &[("organization", Arg::Text(&reference))])
                );
            }
            progress.start(Stage::Named(&say!("cli-progress-reading-network")), None);
            let found = kyoso.hubs(&caller).await;
            progress.finish();
            let found = found?;
            if json {
                return print_json(&found);
            }
            println!("{}", say!("cli-hubs-header", hub_ties = found.hub_ties));
            if found.hubs.is_empty() {
                println!("{}", say!("cli-hubs-none"));
            }
            for hub in &found.hubs {
                let name = kyoso_service::words::name(&hub.record, lang());
                let country = (hub.record.country)
                    .map(|c| format!(" ({})", c.as_str()))
                    .unwrap_or_default();
                let flagged = if hub.flagged {
                    format!("  {}", say!("cli-hubs-flagged"))
                } else {
                    String::new()
                };
                let ties = hub.ties.map(|t| t.to_string()).unwrap_or_default();
                println!("{ties:>9}  {name}{country}{flagged}");
            }
        }
        NetworkCommand::Brokers {
            top,
            country,
            from,
            to,
            samples,
            common,
        } => {
            let between = match (from, to) {
                (Some(from), Some(to)) => Some((
                    GroupSelector::parse(&from, "--from")?,
                    GroupSelector::parse(&to, "--to")?,
                )),
                _ => None,
            };
            let question = BrokerQuestion {
                top,
                country: country
                    .map(|c| CountryCode::parse(&c))
                    .transpose()
                    .map_err(|e| anyhow::anyhow!("--country: {e}"))?,
                between,
                samples,
                as_of: common.as_of()?,
            };
            progress.start(Stage::Named(&say!("cli-progress-brokers")), None);
            let found = kyoso.brokers(&caller, &question).await;
            progress.finish();
            let found = found?;
            if common.json {
                return print_json(&found);
            }
            let method = if found.exact {
                say!("cli-brokers-exact")
            } else {
                say!(
                    "cli-brokers-sampled",
                    sources = found.sources,
                    error = &format!("{:.5}", found.error_bound),
                    confidence = &format!("{:.0}", found.confidence * 100.0)
                )
            };
            println!(
                "{}",
                say!(
                    "cli-brokers-summary",
                    records = found.nodes,
                    ties = found.ties,
                    method = &method,
                    seconds = &format!("{:.1}", started.elapsed().as_secs_f64())
                )
            );
            if let Some((from, to)) = &found.between {
                println!(
                    "{}",
                    say!(
                        "cli-brokers-between",
                        from = &from.to_string(),
                        to = &to.to_string()
                    )
                );
            }
            for broker in &found.brokers {
                let countries: Vec<String> = broker
                    .countries
                    .iter()
                    .map(|(c, n)| format!("{} {n}", c.as_str()))
                    .collect();
                let ties = say!("cli-brokers-ties", ties = &format!("{:>5}", broker.degree));
                println!(
                    "{:>4}. {:<40} {:>3} {:>10.6}  {ties}  {}",
                    broker.rank,
                    broker.node.names.display(lang().code()),
                    broker
                        .node
                        .country
                        .map(|c| c.as_str().to_owned())
                        .unwrap_or_default(),
                    broker.score,
                    countries.join(" ")
                );
            }
        }
        NetworkCommand::Communities {
            top,
            budget,
            common,
        } => {
            progress.start(Stage::Named(&say!("cli-progress-communities")), None);
            let found = kyoso
                .communities(&caller, common.as_of()?, top, Duration::from_secs(budget))
                .await;
            progress.finish();
            let found = found?;
            if common.json {
                return print_json(&found);
            }
            let id = if found.complete {
                "cli-communities-summary"
            } else {
                "cli-communities-summary-partial"
            };
            println!(
                "{}",
                lang().format(
                    id,
                    &[
                        ("count", found.count.into()),
                        ("records", found.nodes.into()),
                        ("ties", found.ties.into()),
                        ("modularity", Arg::Text(&format!("{:.4}", found.modularity))),
                        ("levels", found.levels.into()),
                        (
                            "seconds",
                            Arg::Text(&format!("{:.1}", started.elapsed().as_secs_f64()))
                        ),
                    ]
                )
            );
            for c in &found.communities {
                let countries: Vec<String> = c
                    .countries
                    .iter()
                    .map(|(c, n)| format!("{} {n}", c.as_str()))
                    .collect();
                let leading: Vec<&str> = c
                    .leading
                    .iter()
                    .map(|n| n.names.display(lang().code()))
                    .collect();
                let row = say!(
                    "cli-communities-row",
                    members = &format!("{:>7}", c.size),
                    ties = &format!("{:>8}", c.ties_inside),
                    countries = &countries.join(" "),
                    leading = &leading.join(", ")
                );
                println!("{:>4}. {row}", c.number);
            }
            println!(
                "{}",
                say!("cli-core-group", k = found.core.k, size = found.core.size)
            );
            for member in found.core.members.iter().take(20) {
                println!("  {}", member.names.display(lang().code()));
            }
        }
        NetworkCommand::Growth {
            by,
            interval,
            common,
        } => {
            let interval = match interval {
                IntervalArg::Month => Interval::Month,
                IntervalArg::Year => Interval::Year,
            };
            progress.start(Stage::Named(&say!("cli-progress-growth")), None);
            let found = kyoso.growth(&caller, interval, common.as_of()?).await;
            progress.finish();
            let found = found.context(say!("cli-growth-failed"))?;
            if common.json {
                return print_json(&found);
            }
            match by {
                None => {
                    println!(
                        "{:<8} {:>9} {:>9} {:>10} {:>10} {:>9} {:>10}",
                        say!("cli-growth-period"),
                        say!("cli-growth-new-members"),
                        say!("cli-growth-new-ties"),
                        say!("cli-growth-members"),
                        say!("cli-growth-ties"),
                        say!("cli-growth-countries"),
                        say!("cli-growth-largest")
                    );
                    for p in &found.periods {
                        println!(
                            "{:<8} {:>9} {:>9} {:>10} {:>10} {:>9} {:>10}",
                            p.period,
                            p.new_members,
                            p.new_ties,
                            p.members,
                            p.ties,
                            p.countries,
                            p.largest_group
                        );
                    }
                }
                Some(GrowthBy::Country) => {
                    println!(
                        "{:<8} {:>9} {:>9}  {:<8} {}",
                        say!("cli-growth-country"),
                        say!("cli-growth-members"),
                        say!("cli-growth-ties"),
                        say!("cli-growth-since"),
                        say!("cli-growth-recent")
                    );
                    for c in &found.countries {
                        let recent: Vec<String> = c
                            .new_members
                            .iter()
                            .rev()
                            .take(10)
                            .rev()
                            .map(usize::to_string)
                            .collect();
                        println!(
                            "{:<8} {:>9} {:>9}  {:<8} {}",
                            c.country.as_str(),
                            c.members,
                            c.ties,
                            c.first_period,
                            recent.join(" ")
                        );
                    }
                }
            }
        }
    }
    Ok(())
}
