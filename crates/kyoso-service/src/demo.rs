//! Filling a database with the demonstration network.

use std::sync::Arc;

use kyoso_demo::Demo;
use kyoso_store::{BulkOptions, BulkSummary, Counts, Store, Table};
use serde::Serialize;
use tokio::sync::mpsc;

use crate::{Progress, ServiceError};

/// People generated and written at a time.
const BATCH: u64 = 10_000;

#[derive(Debug, Clone, Copy)]
pub struct DemoOptions {
    pub people: u64,
    pub seed: u64,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            people: 5_000,
            seed: 1,
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct DemoSummary {
    pub organizations: BulkSummary,
    pub people: BulkSummary,
    pub ties: BulkSummary,
    pub counts: Counts,
}

/// Writes the demonstration network. Writing it again with the same
/// options changes nothing; into an empty database it takes the fast path.
pub async fn demo(
    store: &Store,
    options: DemoOptions,
    progress: &dyn Progress,
) -> Result<DemoSummary, ServiceError> {
    let started = std::time::Instant::now();
    let demo = Arc::new(Demo::new(options.people, options.seed));
    let fast = BulkOptions {
        fast_empty_load: true,
    };
    let organizations = {
        let mut writer = store.bulk(Table::Organizations, fast).await?;
        let mut errors = writer.write_organizations(demo.organizations()).await?;
        errors.extend(writer.resolve_deferred().await?);
        refuse_errors(&errors)?;
        writer.commit().await?
    };

    tracing::info!(elapsed = ?started.elapsed(), "organizations written");
    let people = {
        progress.start("people", Some(options.people));
        let mut writer = store.bulk(Table::People, fast).await?;
        let mut batches = generate(demo.clone(), Demo::person);
        let mut done = 0;
        while let Some(batch) = batches.recv().await {
            done += batch.len() as u64;
            refuse_errors(&writer.write_people(batch).await?)?;
            progress.set(done);
        }
        let summary = writer.commit().await?;
        progress.finish();
        summary
    };

    tracing::info!(elapsed = ?started.elapsed(), "people written");
    let ties = {
        progress.start("ties", Some(options.people));
        let mut writer = store.bulk(Table::Ties, fast).await?;
        writer.preload_references(Table::People).await?;
        writer.preload_references(Table::Organizations).await?;
        refuse_errors(&writer.write_ties(demo.organization_ties()).await?)?;
        let mut batches = generate(demo.clone(), Demo::ties_of);
        let mut done = 0;
        while let Some(batch) = batches.recv().await {
            done += batch.len() as u64;
            let ties = batch.into_iter().flatten().collect();
            refuse_errors(&writer.write_ties(ties).await?)?;
            progress.set(done);
        }
        let summary = writer.commit().await?;
        progress.finish();
        summary
    };
    tracing::info!(elapsed = ?started.elapsed(), "ties written");
    Ok(DemoSummary {
        organizations,
        people,
        ties,
        counts: store.counts().await?,
    })
}

/// Generates the items for every person on a blocking thread, a batch at a
/// time, so that generating the next batch overlaps writing this one.
fn generate<T: Send + 'static>(
    demo: Arc<Demo>,
    make: fn(&Demo, u64) -> T,
) -> mpsc::Receiver<Vec<T>> {
    let (sender, receiver) = mpsc::channel(2);
    tokio::task::spawn_blocking(move || {
        let people = demo.people();
        let mut start = 0;
        while start < people {
            let end = (start + BATCH).min(people);
            let batch = (start..end).map(|i| make(&demo, i)).collect();
            if sender.blocking_send(batch).is_err() {
                return;
            }
            start = end;
        }
    });
    receiver
}

/// The demo's own records must all be accepted; a refusal is a defect.
fn refuse_errors(errors: &[kyoso_domain::RowError]) -> Result<(), ServiceError> {
    match errors.first() {
        None => Ok(()),
        Some(first) => Err(ServiceError::Failed(format!(
            "the demonstration network was refused ({} errors), first: line {} {}: {}",
            errors.len(),
            first.line,
            first.field.as_deref().unwrap_or("-"),
            first.message
        ))),
    }
}
