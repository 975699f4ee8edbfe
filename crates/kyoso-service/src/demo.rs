//! Filling a database with the demonstration network.

use kyoso_demo::Demo;
use kyoso_store::{BulkOptions, BulkSummary, Counts, Store, Table};
use serde::Serialize;

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
    let demo = Demo::new(options.people, options.seed);
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

    let people = {
        progress.start("people", Some(options.people));
        let mut writer = store.bulk(Table::People, fast).await?;
        let mut start = 0;
        while start < options.people {
            let end = (start + BATCH).min(options.people);
            let batch = generate(&demo, start, end, Demo::person).await?;
            refuse_errors(&writer.write_people(batch).await?)?;
            progress.set(end);
            start = end;
        }
        let summary = writer.commit().await?;
        progress.finish();
        summary
    };

    let ties = {
        progress.start("ties", Some(options.people));
        let mut writer = store.bulk(Table::Ties, fast).await?;
        writer.preload_references(Table::People).await?;
        writer.preload_references(Table::Organizations).await?;
        refuse_errors(&writer.write_ties(demo.organization_ties()).await?)?;
        let mut start = 0;
        while start < options.people {
            let end = (start + BATCH).min(options.people);
            let batch = generate(&demo, start, end, Demo::ties_of).await?;
            refuse_errors(
                &writer
                    .write_ties(batch.into_iter().flatten().collect())
                    .await?,
            )?;
            progress.set(end);
            start = end;
        }
        let summary = writer.commit().await?;
        progress.finish();
        summary
    };
    Ok(DemoSummary {
        organizations,
        people,
        ties,
        counts: store.counts().await?,
    })
}

/// Generates items `start..end` on a blocking thread, off the async runtime.
async fn generate<T: Send + 'static>(
    demo: &Demo,
    start: u64,
    end: u64,
    make: fn(&Demo, u64) -> T,
) -> Result<Vec<T>, ServiceError> {
    // Generation is quick per item; a scoped block keeps the borrow simple.
    let items = tokio::task::block_in_place(|| (start..end).map(|i| make(demo, i)).collect());
    Ok(items)
}

/// The demo's own records must all be accepted; a refusal is a defect.
fn refuse_errors(errors: &[kyoso_domain::RowError]) -> Result<(), ServiceError> {
    match errors.first() {
        None => Ok(()),
        Some(first) => Err(ServiceError::Invalid(format!(
            "the demonstration network was refused ({} errors), first: line {} {}: {}",
            errors.len(),
            first.line,
            first.field.as_deref().unwrap_or("-"),
            first.message
        ))),
    }
}
