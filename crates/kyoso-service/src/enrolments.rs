//! Participations in files: `kyoso import participations` and `kyoso export
//! participations`.
//!
//! A row is a participation with its journey so far. Importing is all or
//! nothing, like every import: every bad row is reported with its line and
//! column, and nothing changes. A row for a participation kyoso has already
//! may only add to its journey (entries at the end); the history is never
//! rewritten, so a row that differs from it is refused.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

use kyoso_domain::{Enrolment, Incoming, Link, RecordRef, RowError, Stored, Text, Timestamp};
use kyoso_exchange::{Defaults, Format, Item, Reader, Writer};
use kyoso_store::{BulkOptions, BulkSummary, BulkWriter, Store, Table};

use crate::exchange::{ExportSummary, ImportOutcome};
use crate::programs::{implied_tie, settle_implied_tie};
use crate::{Progress, ServiceError};

/// The most errors an import reports one by one.
const MAX_REPORTED: usize = 1000;

/// Imports participations from `path` (CSV or JSON, by its extension unless
/// `format` says).
pub async fn import_participations(
    store: &Store,
    path: &Path,
    format: Option<Format>,
    progress: &dyn Progress,
) -> Result<ImportOutcome, ServiceError> {
    let io_error = |error| ServiceError::Io {
        path: path.to_owned(),
        error,
    };
    let file = File::open(path).map_err(io_error)?;
    let format = format.unwrap_or_else(|| Format::from_path(path));
    let file_name = path
        .file_name()
        .map_or_else(|| "input".into(), |n| n.to_string_lossy().into_owned());
    let defaults = Defaults {
        owner: None,
        asserted_by: Text::line(&format!("import:{file_name}"), 200)
            .map_err(|e| ServiceError::Failed(e.to_string()))?,
        asserted_at: Timestamp::now(),
    };
    // Participations are counted in thousands, not millions: read them all,
    // then write them in one transaction.
    let owned_path = path.to_owned();
    let (rows, mut errors, total_errors) = tokio::task::spawn_blocking(move || {
        let reader =
            Reader::<Enrolment<RecordRef>>::new(file, format, defaults).map_err(|error| {
                ServiceError::Read {
                    path: owned_path.clone(),
                    error,
                }
            })?;
        let mut rows = Vec::new();
        let mut errors = Vec::new();
        let mut total = 0u64;
        for item in reader {
            match item.map_err(|error| ServiceError::Read {
                path: owned_path.clone(),
                error,
            })? {
                Item::Record(row) => rows.push(row),
                Item::Invalid(bad) => {
                    total += bad.len() as u64;
                    let room = MAX_REPORTED.saturating_sub(errors.len());
                    errors.extend(bad.into_iter().take(room));
                }
            }
        }
        Ok::<_, ServiceError>((rows, errors, total))
    })
    .await
    .map_err(|e| ServiceError::Failed(e.to_string()))??;

    progress.start("importing participations", Some(rows.len() as u64));
    let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
    let mut summary = BulkSummary {
        received: rows.len() as u64,
        inserted: 0,
        updated: 0,
        unchanged: 0,
    };
    let mut total = total_errors;
    for (done, row) in rows.into_iter().enumerate() {
        match write_row(&mut writer, row).await? {
            Ok(Written::Inserted) => summary.inserted += 1,
            Ok(Written::Updated) => summary.updated += 1,
            Ok(Written::Unchanged) => summary.unchanged += 1,
            Err(bad) => {
                total += 1;
                if errors.len() < MAX_REPORTED {
                    errors.push(bad);
                }
            }
        }
        progress.set(done as u64 + 1);
    }
    progress.finish();
    if total > 0 {
        writer.rollback().await?;
        errors.sort_by_key(|e| e.line);
        errors.truncate(MAX_REPORTED);
        return Ok(ImportOutcome::Rejected { errors, total });
    }
    writer.commit().await?;
    Ok(ImportOutcome::Committed(summary))
}

enum Written {
    Inserted,
    Updated,
    Unchanged,
}

async fn write_row(
    writer: &mut BulkWriter,
    row: Incoming<Enrolment<RecordRef>>,
) -> Result<Result<Written, RowError>, ServiceError> {
    let line = row.line;
    let at = |field: &str, message: String| RowError::new(line, field, message);
    let existing = match (row.uid, &row.external_id) {
        (Some(uid), _) => writer.read_participation(uid).await?,
        (None, Some(external)) => match writer.participation_by_external_id(external).await? {
            Some(uid) => writer.read_participation(uid).await?,
            None => None,
        },
        (None, None) => None,
    };
    let Enrolment {
        participation,
        applied_on,
        journey,
    } = row.record;
    let (uid, stored_journey, fresh) = match existing {
        Some(found) => {
            let same = |a: &Link, b: &RecordRef| {
                b.as_uid() == Some(a.uid)
                    || a.external_id
                        .as_ref()
                        .is_some_and(|e| e.as_str() == b.as_str())
            };
            let s = &found.stored.record;
            let unchanged = same(&s.person, &participation.person)
                && same(&s.program, &participation.program)
                && s.role == participation.role
                && found.applied_on == applied_on;
            if !unchanged {
                return Ok(Err(at(
                    "person",
                    "a participation's person, program, role and application day are what it is; \
                     record another participation instead"
                        .into(),
                )));
            }
            if !journey.extends(&found.journey) {
                return Ok(Err(at(
                    "journey",
                    format!(
                        "differs from the journey kyoso has recorded ({}), which is never rewritten; \
                         a file may only add entries at its end",
                        found.journey.to_line()
                    ),
                )));
            }
            (found.stored.uid, found.journey, false)
        }
        None => {
            let mut incoming = Incoming::new(participation);
            incoming.uid = row.uid;
            incoming.external_id = row.external_id;
            incoming.created_at = row.created_at;
            match writer.add_participation(incoming, applied_on).await? {
                Ok(uid) => (uid, kyoso_domain::Journey::default(), true),
                Err(mut errors) => {
                    let mut first = errors.remove(0);
                    first.line = line;
                    return Ok(Err(first));
                }
            }
        }
    };
    let new_entries = &journey.entries()[stored_journey.entries().len()..];
    if new_entries.is_empty() {
        return Ok(Ok(if fresh {
            Written::Inserted
        } else {
            Written::Unchanged
        }));
    }
    let mut replay = stored_journey;
    for entry in new_entries {
        let recorded = replay
            .record(entry.action, entry.on, entry.by.clone(), entry.note.clone())
            .map_err(|e| ServiceError::Failed(e.to_string()))?
            .clone();
        writer
            .append_journey_entry(uid, &recorded, replay.state(), replay.since())
            .await?;
    }
    let stored = writer
        .read_participation(uid)
        .await?
        .ok_or(ServiceError::NotFound("participation"))?;
    let program = writer
        .read_program(stored.stored.record.program.uid)
        .await?
        .ok_or(ServiceError::NotFound("program"))?;
    let implied = implied_tie(&program, &stored.stored.record, &stored.journey);
    settle_implied_tie(writer, uid, implied, program.owner.as_ref()).await?;
    Ok(Ok(if fresh {
        Written::Inserted
    } else {
        Written::Updated
    }))
}

/// Writes every participation, with its journey, to `out`.
pub async fn export_participations(
    store: &Store,
    format: Format,
    out: Box<dyn Write + Send>,
    progress: &dyn Progress,
) -> Result<ExportSummary, ServiceError> {
    let io_error = |error: io::Error| ServiceError::Io {
        path: "output".into(),
        error,
    };
    progress.start("exporting participations", None);
    let mut writer =
        Writer::new::<Enrolment<RecordRef>>(io::BufWriter::new(out), format).map_err(io_error)?;
    let mut after = 0;
    let mut records = 0;
    loop {
        let page = store.list_participations(after, 1000).await?;
        let Some((last, _)) = page.last() else { break };
        after = *last;
        for (_, found) in page {
            let row = Stored {
                id: found.stored.id,
                uid: found.stored.uid,
                external_id: found.stored.external_id,
                owner: found.stored.owner,
                created_at: found.stored.created_at,
                updated_at: found.stored.updated_at,
                record: Enrolment {
                    participation: found.stored.record,
                    applied_on: found.applied_on,
                    journey: found.journey,
                },
            };
            writer.write(&row).map_err(io_error)?;
            records += 1;
        }
        progress.set(records);
    }
    writer
        .finish()
        .map_err(io_error)?
        .flush()
        .map_err(io_error)?;
    progress.finish();
    Ok(ExportSummary { records })
}
