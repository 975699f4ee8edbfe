//! Participations and programs in files: `kyoso import participations`,
//! `kyoso import programs` and their exports.
//!
//! A row is a participation with its journey so far. Importing is all or
//! nothing, like every import: every bad row is reported with its line and
//! column, and nothing changes. A row for a participation kyoso has already
//! may only add to its journey (entries at the end); the history is never
//! rewritten, so a row that differs from it is refused.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

use kyoso_domain::BulkSummary;
use kyoso_domain::{Enrolment, Incoming, Link, RecordRef, RowError, Stored, Uid};
use kyoso_exchange::{Format, Writer};
use kyoso_store::{BulkOptions, BulkWriter, Found, ImpliedTie, NewParticipation, Store, Table};

use crate::Kyoso;
use crate::exchange::{
    Errors, ExportSummary, FileBatches, ImportOutcome, Message, Written, read_failed,
};
use crate::programs::{implied_tie, settle_implied_tie};
use crate::progress::{Stage, Unit};
use crate::{Progress, ServiceError};

/// A row of a participations file.
type Row = Incoming<Enrolment<RecordRef>>;

/// The most errors an import reports one by one.
const MAX_REPORTED: usize = 1000;

impl Kyoso {
    /// Imports participations from `path` (CSV or JSON, by its extension unless
    /// `format` says).
    pub async fn import_participations(
        &self,
        path: &Path,
        format: Option<Format>,
        progress: &dyn Progress,
    ) -> Result<ImportOutcome, ServiceError> {
        let store = &self.store;
        // The writer takes the write lock first, so that what the reading
        // thread looks up stays as it is until the import ends.
        let mut writer = store
            .bulk(
                Table::Ties,
                BulkOptions {
                    many_rows: true,
                    ..BulkOptions::default()
                },
            )
            .await?;
        let reader_store = store.clone();
        let mut batches =
            FileBatches::open::<Enrolment<RecordRef>>(path, format, None, move |rows| {
                let named = Named::find_committed(&reader_store, &rows);
                (rows, named)
            })?;
        progress.start(
            Stage::Importing {
                table: "participations",
                unit: Unit::Bytes,
            },
            Some(batches.total_bytes),
        );
        let mut summary = BulkSummary::default();
        let mut errors = Errors::default();
        let mut seen = HashMap::new();
        while let Some(message) = batches.next().await {
            let (rows, named) = match message {
                Message::Batch {
                    records,
                    errors: bad,
                } => {
                    errors.add(bad);
                    match records {
                        Some(records) => records,
                        None => continue,
                    }
                }
                Message::Fatal(source) => {
                    return Err(read_failed(writer, progress, path, source).await?);
                }
            };
            let named = match named {
                Some(named) => named,
                None => Named::find(&mut writer, &rows).await?,
            };
            summary.received += rows.len() as u64;
            let (new_rows, known_rows) =
                split_known(&rows, &named.participations, &mut seen, &mut |e| {
                    errors.add([e])
                });
            // Once a row is refused nothing is kept, so rows are only checked.
            let checking_only = errors.total > 0;
            for row in known_rows {
                match write_row(&mut writer, row.clone()).await? {
                    Ok(written) => written.count(&mut summary),
                    Err(bad) => errors.add([bad]),
                }
            }
            let (inserted, bad) = insert_new(&mut writer, &new_rows, &named, checking_only).await?;
            summary.inserted += inserted;
            errors.add(bad);
            progress.set(batches.bytes_read());
        }
        batches.close().await;
        progress.finish();
        self.conclude_import(writer, errors, summary).await
    }
}

/// The records that a batch of rows names, by table, keyed by the
/// reference as written.
struct Named {
    participations: Found,
    people: Found,
    programs: Found,
    cohorts: Found,
    organizations: Found,
}

impl Named {
    /// Each table's references in `rows`, without repeats.
    fn references(rows: &[Row]) -> [(&'static str, Vec<RecordRef>); 5] {
        let refs = |pick: &dyn Fn(&Row) -> Option<RecordRef>| {
            let mut all: Vec<RecordRef> = rows.iter().filter_map(pick).collect();
            all.sort();
            all.dedup();
            all
        };
        [
            ("participations", refs(&identity)),
            (
                "people",
                refs(&|r| Some(r.record.participation.person.clone())),
            ),
            (
                "programs",
                refs(&|r| Some(r.record.participation.program.clone())),
            ),
            ("cohorts", refs(&|r| r.record.participation.cohort.clone())),
            (
                "organizations",
                refs(&|r| r.record.participation.host.clone()),
            ),
        ]
    }

    fn from_found(mut found: impl Iterator<Item = Found>) -> Named {
        let mut next = || found.next().unwrap_or_default();
        Named {
            participations: next(),
            people: next(),
            programs: next(),
            cohorts: next(),
            organizations: next(),
        }
    }

    /// Looks the records up on the calling thread (the reading thread),
    /// where the store can; `None` leaves it to the writer. A failed
    /// lookup is left to the writer too, which reports what fails.
    fn find_committed(store: &Store, rows: &[Row]) -> Option<Named> {
        let mut found = Vec::with_capacity(5);
        for (table, references) in Named::references(rows) {
            let references: Vec<&RecordRef> = references.iter().collect();
            found.push(store.find_many_committed(table, &references)?.ok()?);
        }
        Some(Named::from_found(found.into_iter()))
    }

    /// Looks the records up in the writer's transaction.
    async fn find(writer: &mut BulkWriter, rows: &[Row]) -> Result<Named, ServiceError> {
        let mut found = Vec::with_capacity(5);
        for (table, references) in Named::references(rows) {
            let references: Vec<&RecordRef> = references.iter().collect();
            found.push(writer.find_many(table, &references).await?);
        }
        Ok(Named::from_found(found.into_iter()))
    }
}

/// The participation a row is about, if it names one.
fn identity(row: &Row) -> Option<RecordRef> {
    match (row.uid, &row.external_id) {
        (Some(uid), _) => Some(RecordRef::to_record(uid, None)),
        (None, Some(external)) => RecordRef::parse(external.as_str()).ok(),
        (None, None) => None,
    }
}

/// Splits rows into those kyoso does not have yet and those it has (which
/// may only add to their journeys). A row whose id repeats one earlier in
/// the file is refused.
fn split_known<'a>(
    rows: &'a [Row],
    known: &Found,
    seen: &mut HashMap<String, u64>,
    refuse: &mut dyn FnMut(RowError),
) -> (Vec<&'a Row>, Vec<&'a Row>) {
    let mut new_rows = Vec::new();
    let mut known_rows = Vec::new();
    for row in rows {
        let Some(id) = identity(row) else {
            new_rows.push(row);
            continue;
        };
        if let Some(first) = seen.insert(id.as_str().to_owned(), row.line) {
            refuse(RowError::new(
                row.line,
                "external_id",
                format!("\"{id}\" is also on line {first}; a participation is one row"),
            ));
            continue;
        }
        if known.contains_key(id.as_str()) {
            known_rows.push(row);
        } else {
            new_rows.push(row);
        }
    }
    (new_rows, known_rows)
}

/// Adds participations kyoso does not have yet, in bulk, with the ties their
/// journeys imply. Returns how many were added, and the rows refused.
async fn insert_new(
    writer: &mut BulkWriter,
    rows: &[&Row],
    named: &Named,
    checking_only: bool,
) -> Result<(u64, Vec<RowError>), ServiceError> {
    if rows.is_empty() {
        return Ok((0, Vec::new()));
    }
    let Named {
        people,
        programs,
        cohorts,
        organizations: hosts,
        ..
    } = named;
    // The program of each cohort named, and each program as stored.
    let mut cohort_program = std::collections::HashMap::new();
    for (key, _) in cohorts.values() {
        if let std::collections::hash_map::Entry::Vacant(slot) = cohort_program.entry(*key) {
            slot.insert(writer.cohort_program(*key).await?);
        }
    }
    let mut stored_programs = std::collections::HashMap::new();
    for (key, uid) in programs.values() {
        if let std::collections::hash_map::Entry::Vacant(slot) = stored_programs.entry(*key) {
            let program = writer
                .read_program(*uid)
                .await?
                .ok_or(ServiceError::NotFound("program"))?;
            slot.insert(program);
        }
    }

    let mut errors = Vec::new();
    let mut accepted = Vec::with_capacity(rows.len());
    let mut implied = Vec::new();
    for row in rows {
        let p = &row.record.participation;
        let line = row.line;
        let missing = |field: &str, what: &str, reference: &RecordRef| {
            RowError::new(
                line,
                field,
                format!("no {what} has the external id or id \"{reference}\""),
            )
        };
        let person = people.get(p.person.as_str()).copied();
        let program = programs.get(p.program.as_str()).copied();
        let cohort = p
            .cohort
            .as_ref()
            .map(|c| (c, cohorts.get(c.as_str()).copied()));
        let host = p.host.as_ref().map(|h| (h, hosts.get(h.as_str()).copied()));
        let mut bad = Vec::new();
        if person.is_none() {
            bad.push(missing("person", "person", &p.person));
        }
        if program.is_none() {
            bad.push(missing("program", "program", &p.program));
        }
        if let Some((reference, None)) = cohort {
            bad.push(missing("cohort", "cohort", reference));
        }
        if let Some((reference, None)) = host {
            bad.push(missing("host", "organization", reference));
        }
        if let (Some((_, Some((cohort_key, _)))), Some((program_key, _))) = (cohort, program)
            && cohort_program.get(&cohort_key).copied().flatten() != Some(program_key)
        {
            bad.push(RowError::new(
                line,
                "cohort",
                "is a cohort of another program",
            ));
        }
        let (Some((person_key, person_uid)), Some((program_key, _)), true) =
            (person, program, bad.is_empty())
        else {
            errors.extend(bad);
            continue;
        };
        let host = host.and_then(|(_, found)| found);
        let uid = row.uid.unwrap_or_default();
        let link = |uid: Uid| Link {
            uid,
            external_id: None,
        };
        if let Some(program) = stored_programs.get(&program_key) {
            let participation = kyoso_domain::Participation {
                person: link(person_uid),
                program: link(program.uid),
                cohort: None,
                role: p.role,
                host: host.map(|(_, uid)| link(uid)),
                note: None,
            };
            if let Some(tie) = implied_tie(program, &participation, &row.record.journey) {
                implied.push((accepted.len(), person_key, tie, program.owner.clone()));
            }
        }
        accepted.push(NewParticipation {
            uid,
            external_id: row.external_id.clone(),
            program: program_key,
            cohort: cohort.and_then(|(_, found)| found).map(|(key, _)| key),
            person: person_key,
            role: p.role,
            host: host.map(|(key, _)| key),
            note: p.note.clone(),
            applied_on: row.record.applied_on,
            journey: row.record.journey.clone(),
        });
    }
    if !errors.is_empty() || checking_only {
        return Ok((0, errors));
    }
    let keys = writer.insert_participations(&accepted).await?;
    let implied: Vec<ImpliedTie> = implied
        .into_iter()
        .map(|(index, person, tie, owner)| ImpliedTie {
            participation: keys[index],
            person,
            tie,
            owner: owner.map(|o| o.uid),
        })
        .collect();
    writer.add_implied_ties(&implied).await?;
    Ok((accepted.len() as u64, Vec::new()))
}

async fn write_row(
    writer: &mut BulkWriter,
    row: Row,
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

impl Kyoso {
    /// Writes every participation, with its journey, to `out`.
    pub async fn export_participations(
        &self,
        format: Format,
        out: Box<dyn Write + Send>,
        progress: &dyn Progress,
    ) -> Result<ExportSummary, ServiceError> {
        let store = &self.store;
        let io_error = |error: io::Error| ServiceError::Io {
            path: "output".into(),
            error,
        };
        progress.start(
            Stage::Exporting {
                table: "participations",
            },
            None,
        );
        let mut writer = Writer::new::<Enrolment<RecordRef>>(io::BufWriter::new(out), format)
            .map_err(io_error)?;
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

    /// Imports programs from a JSON file (an array, or one object per line).
    /// A program whose id or external id kyoso has is updated to the file's.
    pub async fn import_programs(
        &self,
        path: &Path,
        progress: &dyn Progress,
    ) -> Result<ImportOutcome, ServiceError> {
        let store = &self.store;
        let io_error = |error| ServiceError::Io {
            path: path.to_owned(),
            error,
        };
        let file = File::open(path).map_err(io_error)?;
        let owned_path = path.to_owned();
        let (rows, mut errors) = tokio::task::spawn_blocking(move || {
            let mut rows = Vec::new();
            let mut errors = Vec::new();
            for item in kyoso_exchange::ProgramReader::new(file) {
                match item.map_err(|error| ServiceError::Read {
                    path: owned_path.clone(),
                    error,
                })? {
                    Ok(row) => rows.push(row),
                    Err(bad) => errors.extend(bad),
                }
            }
            Ok::<_, ServiceError>((rows, errors))
        })
        .await
        .map_err(|e| ServiceError::Failed(e.to_string()))??;

        progress.start(
            Stage::Importing {
                table: "programs",
                unit: Unit::Rows,
            },
            Some(rows.len() as u64),
        );
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        let mut summary = BulkSummary {
            received: rows.len() as u64,
            inserted: 0,
            updated: 0,
            unchanged: 0,
        };
        for (done, mut row) in rows.into_iter().enumerate() {
            let line = row.line;
            if row.uid.is_none()
                && let Some(external) = &row.external_id
            {
                row.uid = store.program_by_external_id(external).await?;
            }
            let before = match row.uid {
                Some(uid) => writer.read_program(uid).await?,
                None => None,
            };
            match writer.write_program(row).await? {
                Ok(uid) => match before {
                    None => summary.inserted += 1,
                    Some(before) => {
                        let after = writer.read_program(uid).await?;
                        if after.is_some_and(|a| a.record == before.record) {
                            summary.unchanged += 1;
                        } else {
                            summary.updated += 1;
                        }
                    }
                },
                Err(bad) => errors.extend(bad.into_iter().map(|mut e| {
                    e.line = line;
                    e
                })),
            }
            progress.set(done as u64 + 1);
        }
        progress.finish();
        if !errors.is_empty() {
            writer.rollback().await?;
            errors.sort_by_key(|e| e.line);
            let total = errors.len() as u64;
            errors.truncate(MAX_REPORTED);
            return Ok(ImportOutcome::Rejected { errors, total });
        }
        self.commit(writer).await?;
        Ok(ImportOutcome::Committed(summary))
    }

    /// Writes every program to `out` as a JSON array, one program a line.
    pub async fn export_programs(
        &self,
        mut out: Box<dyn Write + Send>,
        progress: &dyn Progress,
    ) -> Result<ExportSummary, ServiceError> {
        let store = &self.store;
        let io_error = |error: io::Error| ServiceError::Io {
            path: "output".into(),
            error,
        };
        progress.start(Stage::Exporting { table: "programs" }, None);
        let everything = kyoso_store::ReadScope {
            everything: true,
            ..Default::default()
        };
        let mut after = 0;
        let mut records = 0u64;
        out.write_all(b"[\n").map_err(io_error)?;
        loop {
            let page = store.list_programs(None, &everything, after, 500).await?;
            let Some(last) = page.last() else { break };
            after = last.id;
            for program in &page {
                let line = serde_json::to_string(&kyoso_exchange::program_to_json(program))
                    .map_err(|e| ServiceError::Failed(e.to_string()))?;
                let separator = if records == 0 { "" } else { ",\n" };
                write!(out, "{separator}{line}").map_err(io_error)?;
                records += 1;
            }
            progress.set(records);
        }
        out.write_all(b"\n]\n").map_err(io_error)?;
        out.flush().map_err(io_error)?;
        progress.finish();
        Ok(ExportSummary { records })
    }
}
