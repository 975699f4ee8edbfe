//! `kyoso serve`: the demo set-up, the listener, and shutdown on a signal.

use std::io::Read;
use std::net::SocketAddr;

use anyhow::Context;
use kyoso_domain::{PeopleFilter, RecordKind, Role, Uid};
use kyoso_service::{Caller, DemoOptions, Kyoso, Progress};
use kyoso_web::{AppState, Limits};

use crate::say::say;

/// The password of every demo account; printed when the server starts.
pub(crate) const DEMO_PASSWORD: &str = "kyoso-demo-2026";

/// The demo accounts: (email, role, organization, own person record).
const DEMO_ACCOUNTS: &[(&str, Role, Option<&str>, Option<&str>)] = &[
    ("admin@kyoso.example", Role::Admin, None, None),
    ("officer@tpa.example", Role::Officer, Some("TPA"), None),
    (
        "coordinator@aots.example",
        Role::Coordinator,
        Some("AOTS"),
        None,
    ),
    (
        "member@tpa.example",
        Role::Member,
        Some("TPA"),
        Some("first TPA person"),
    ),
];

/// Fills an empty database with the demo network and its accounts, and
/// prints how to sign in.
pub(crate) async fn prepare_demo(kyoso: &Kyoso, progress: &dyn Progress) -> anyhow::Result<()> {
    if kyoso.counts(&Caller::Cli).await?.people == 0 {
        eprintln!("{}", say!("cli-demo-filling"));
        let summary = kyoso.demo(DemoOptions::default(), progress).await?;
        eprintln!(
            "{}",
            say!(
                "cli-demo-network-counts",
                organizations = summary.counts.organizations,
                people = summary.counts.people,
                ties = summary.counts.ties
            )
        );
    }
    if !kyoso.has_users().await? {
        for (email, role, org, person) in DEMO_ACCOUNTS {
            let person = match person {
                Some(_) => first_person_of(kyoso, "TPA").await?,
                None => None,
            };
            kyoso
                .add_user(email, DEMO_PASSWORD, *role, *org, person)
                .await?;
        }
    }
    eprintln!("{}", say!("cli-demo-accounts", password = DEMO_PASSWORD));
    for (email, role, org, _) in DEMO_ACCOUNTS {
        let role = match org {
            Some(org) => say!(
                "cli-demo-account-of",
                role = role.as_str(),
                organization = *org
            ),
            None => role.as_str().to_owned(),
        };
        eprintln!("  {email:<26} {role}");
    }
    Ok(())
}

/// The first person the organization `owner` keeps a record of.
async fn first_person_of(kyoso: &Kyoso, owner: &str) -> anyhow::Result<Option<Uid>> {
    let (_, org) = kyoso
        .find(&Caller::Cli, &[RecordKind::Organization], owner)
        .await?;
    let filter = PeopleFilter {
        organization: Some(org),
        ..Default::default()
    };
    let page = kyoso.people(&Caller::Cli, &filter, None, Some(1)).await?;
    Ok(page.items.first().map(|p| p.uid))
}

/// The person a command names, by external id or id.
pub(crate) async fn find_person(kyoso: &Kyoso, reference: &str) -> anyhow::Result<Uid> {
    Ok(kyoso
        .find(&Caller::Cli, &[RecordKind::Person], reference)
        .await?
        .1)
}

/// A password from standard input: the first line, without its line end.
pub(crate) fn read_password() -> anyhow::Result<String> {
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .context(say!("cli-password-read-failed"))?;
    let password = input.lines().next().unwrap_or_default().to_owned();
    anyhow::ensure!(!password.is_empty(), say!("cli-password-missing"));
    Ok(password)
}

/// Serves until Ctrl-C or SIGTERM, then lets open requests finish.
pub(crate) async fn run(
    kyoso: Kyoso,
    addr: SocketAddr,
    secure_cookies: bool,
    max_connections: usize,
) -> anyhow::Result<()> {
    let limits = Limits {
        max_connections,
        ..Limits::default()
    };
    tokio::spawn(sweep_deadlines(kyoso.clone()));
    let app = kyoso_web::router(AppState::new(kyoso, secure_cookies), &limits);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| say!("cli-serve-listen-failed", address = &addr.to_string()))?;
    let address = listener.local_addr()?.to_string();
    eprintln!("{}", say!("cli-serve-started", address = &address));
    kyoso_web::serve(listener, app, &limits, shutdown_signal()).await?;
    eprintln!("{}", say!("cli-serve-stopped"));
    Ok(())
}

/// Expires needs past their deadline and reminds the owners of needs about
/// to expire, now and then hourly, while the server runs.
async fn sweep_deadlines(kyoso: Kyoso) {
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        match kyoso
            .sweep_deadlines(&kyoso_service::Caller::Cli, kyoso.today())
            .await
        {
            Ok(sweep) => tracing::info!(
                expired = sweep.expired.len(),
                reminded = sweep.reminded.len(),
                "needs' deadlines swept"
            ),
            Err(error) => tracing::warn!(%error, "sweeping needs' deadlines failed"),
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}
