//! Importing and exporting records as CSV or JSON files.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use kyoso_domain::BulkSummary;
use kyoso_domain::{
    Event, Incoming, Link, Organization, Person, RecordRef, RowError, Stored, Text, Tie, Timestamp,
};
use kyoso_exchange::{Defaults, Exportable, Format, Item, ReadError, Reader, Record, Writer};
use kyoso_store::{BulkOptions, BulkWriter, PreparedPeople, Store, StoreError, Table};
use serde::Serialize;
use tokio::sync::mpsc;

use crate::Kyoso;
use crate::progress::{Stage, Unit};
use crate::{Progress, ServiceError};

/// Records handed from the reading thread to the writer at a time.
const BATCH: usize = 5_000;
/// Row errors kept for the report; more are counted, not kept.
const MAX_REPORTED: usize = 1_000;

/// The registry's records that files carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Records {
    People,
    Organizations,
    Ties,
    Events,
}

impl Records {
    fn table(self) -> Table {
        match self {
            Records::People => Table::People,
            Records::Organizations => Table::Organizations,
            Records::Ties => Table::Ties,
            Records::Events => Table::Events,
        }
    }

    pub fn name(self) -> &'static str {
        self.table().name()
    }
}

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The file's format; by default, from its name.
    pub format: Option<Format>,
    /// The organization that owns rows that name no owner.
    pub owner: Option<RecordRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum ImportOutcome {
    /// Every row was good, and all of them are in.
    Committed(BulkSummary),
    /// Some rows were bad; nothing was changed.
    Rejected {
        /// The first errors, in file order.
        errors: Vec<RowError>,
        /// How many errors there were in all.
        total: u64,
    },
}

/// A record type the store can write in bulk. `prepare` runs on the
/// reading thread, doing there what needs no database.
trait Load: Record {
    type Batch: Send + 'static;
    fn prepare(rows: Vec<Incoming<Self>>) -> Self::Batch;
    fn write(
        writer: &mut BulkWriter,
        batch: Self::Batch,
    ) -> impl Future<Output = Result<Vec<RowError>, StoreError>> + Send;
}

impl Load for Person {
    type Batch = PreparedPeople;
    fn prepare(rows: Vec<Incoming<Self>>) -> PreparedPeople {
        PreparedPeople::new(rows)
    }
    async fn write(
        writer: &mut BulkWriter,
        batch: PreparedPeople,
    ) -> Result<Vec<RowError>, StoreError> {
        writer.write_prepared_people(batch).await
    }
}

impl Load for Organization<RecordRef> {
    type Batch = Vec<Incoming<Self>>;
    fn prepare(rows: Vec<Incoming<Self>>) -> Self::Batch {
        rows
    }
    async fn write(
        writer: &mut BulkWriter,
        rows: Self::Batch,
    ) -> Result<Vec<RowError>, StoreError> {
        writer.write_organizations(rows).await
    }
}

impl Load for Tie<RecordRef> {
    type Batch = Vec<Incoming<Self>>;
    fn prepare(rows: Vec<Incoming<Self>>) -> Self::Batch {
        rows
    }
    async fn write(
        writer: &mut BulkWriter,
        rows: Self::Batch,
    ) -> Result<Vec<RowError>, StoreError> {
        writer.write_ties(rows).await
    }
}

impl Load for Event<RecordRef> {
    type Batch = Vec<Incoming<Self>>;
    fn prepare(rows: Vec<Incoming<Self>>) -> Self::Batch {
        rows
    }
    async fn write(
        writer: &mut BulkWriter,
        rows: Self::Batch,
    ) -> Result<Vec<RowError>, StoreError> {
        writer.write_events(rows).await
    }
}

impl Kyoso {
    /// Imports a file into `table`, all or nothing: if any row is bad, every
    /// bad row is reported and the database is left as it was.
    pub async fn import(
        &self,
        records: Records,
        path: &Path,
        options: &ImportOptions,
        progress: &dyn Progress,
    ) -> Result<ImportOutcome, ServiceError> {
        let table = records.table();
        match table {
            Table::People => {
                self.import_as::<Person>(table, path, options, progress)
                    .await
            }
            Table::Organizations => {
                self.import_as::<Organization<RecordRef>>(table, path, options, progress)
                    .await
            }
            Table::Ties => {
                self.import_as::<Tie<RecordRef>>(table, path, options, progress)
                    .await
            }
            Table::Events => {
                self.import_as::<Event<RecordRef>>(table, path, options, progress)
                    .await
            }
        }
    }
}

/// What the reading thread hands over: a batch of good rows (prepared) and
/// the errors of the bad ones, or the fault that stopped it.
pub(crate) enum Message<B> {
    Batch {
        records: Option<B>,
        errors: Vec<RowError>,
    },
    Fatal(ReadError),
}

/// Counts the bytes read, for the progress bar.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Collects row errors: all counted, the first ones kept.
#[derive(Default)]
pub(crate) struct Errors {
    pub(crate) kept: Vec<RowError>,
    pub(crate) total: u64,
}

impl Errors {
    pub(crate) fn add(&mut self, errors: impl IntoIterator<Item = RowError>) {
        for error in errors {
            self.total += 1;
            if self.kept.len() < MAX_REPORTED {
                self.kept.push(error);
            }
        }
    }

    /// The outcome of a refused import: the errors kept, in file order.
    pub(crate) fn into_rejection(mut self) -> ImportOutcome {
        self.kept.sort_by_key(|e| e.line);
        ImportOutcome::Rejected {
            errors: self.kept,
            total: self.total,
        }
    }
}

/// What writing one row of a file did.
pub(crate) enum Written {
    Inserted,
    Updated,
    Unchanged,
}

impl Written {
    pub(crate) fn count(self, summary: &mut BulkSummary) {
        match self {
            Written::Inserted => summary.inserted += 1,
            Written::Updated => summary.updated += 1,
            Written::Unchanged => summary.unchanged += 1,
        }
    }
}

/// Gives up an import whose file cannot be read on: nothing written stays.
/// Returns the error to report.
pub(crate) async fn read_failed(
    writer: BulkWriter,
    progress: &dyn Progress,
    path: &Path,
    error: ReadError,
) -> Result<ServiceError, ServiceError> {
    writer.rollback().await?;
    progress.finish();
    Ok(ServiceError::Read {
        path: path.to_owned(),
        error,
    })
}

/// A file being read on a blocking thread while its earlier batches are
/// written: reading and writing overlap.
pub(crate) struct FileBatches<B> {
    receiver: mpsc::Receiver<Message<B>>,
    reading: tokio::task::JoinHandle<()>,
    bytes_read: Arc<AtomicU64>,
    /// The file's size, for the progress bar.
    pub(crate) total_bytes: u64,
}

impl<B: Send + 'static> FileBatches<B> {
    /// Starts reading `path` as records of `T` (in `format`, else by the
    /// file's name). `prepare` runs on the reading thread, doing there what
    /// needs no database.
    pub(crate) fn open<T: Record>(
        path: &Path,
        format: Option<Format>,
        owner: Option<RecordRef>,
        prepare: impl FnMut(Vec<Incoming<T>>) -> B + Send + 'static,
    ) -> Result<Self, ServiceError> {
        let io_error = |error| ServiceError::Io {
            path: path.to_owned(),
            error,
        };
        let file = File::open(path).map_err(io_error)?;
        let total_bytes = file.metadata().map_err(io_error)?.len();
        let format = format.unwrap_or_else(|| Format::from_path(path));
        let file_name = path
            .file_name()
            .map_or_else(|| "input".into(), |n| n.to_string_lossy().into_owned());
        let defaults = Defaults {
            owner,
            asserted_by: Text::line(&format!("import:{file_name}"), 200)
                .map_err(|e| ServiceError::Failed(e.to_string()))?,
            asserted_at: Timestamp::now(),
        };
        let bytes_read = Arc::new(AtomicU64::new(0));
        let input = Counting {
            inner: file,
            count: bytes_read.clone(),
        };
        let (sender, receiver) = mpsc::channel::<Message<B>>(4);
        let reading = tokio::task::spawn_blocking(move || {
            read_batches::<T, B>(input, format, defaults, prepare, &sender);
        });
        Ok(FileBatches {
            receiver,
            reading,
            bytes_read,
            total_bytes,
        })
    }

    /// The next batch; `None` once the whole file is read.
    pub(crate) async fn next(&mut self) -> Option<Message<B>> {
        self.receiver.recv().await
    }

    pub(crate) fn bytes_read(&self) -> u64 {
        self.bytes_read.load(Ordering::Relaxed)
    }

    /// Waits for the reading thread, which has ended once every batch is
    /// taken.
    pub(crate) async fn close(self) {
        drop(self.receiver);
        let _ = self.reading.await;
    }
}

impl Kyoso {
    /// Ends an import read row by row: all of it if no row was refused,
    /// else none of it.
    pub(crate) async fn conclude_import(
        &self,
        writer: BulkWriter,
        errors: Errors,
        summary: BulkSummary,
    ) -> Result<ImportOutcome, ServiceError> {
        if errors.total > 0 {
            writer.rollback().await?;
            return Ok(errors.into_rejection());
        }
        self.commit(writer).await?;
        Ok(ImportOutcome::Committed(summary))
    }

    async fn import_as<T: Load>(
        &self,
        table: Table,
        path: &Path,
        options: &ImportOptions,
        progress: &dyn Progress,
    ) -> Result<ImportOutcome, ServiceError> {
        let store = &self.store;
        let mut batches =
            FileBatches::open(path, options.format, options.owner.clone(), T::prepare)?;
        progress.start(
            Stage::Importing {
                table: table.name(),
                unit: Unit::Bytes,
            },
            Some(batches.total_bytes),
        );
        let mut writer = store
            .bulk(
                table,
                BulkOptions {
                    fast_empty_load: true,
                    ..BulkOptions::default()
                },
            )
            .await?;
        let mut errors = Errors::default();
        while let Some(message) = batches.next().await {
            match message {
                Message::Batch {
                    records,
                    errors: bad,
                } => {
                    if !bad.is_empty() {
                        errors.add(bad);
                        writer.stop_writing();
                    }
                    if let Some(records) = records {
                        errors.add(T::write(&mut writer, records).await?);
                    }
                }
                Message::Fatal(source) => {
                    return Err(read_failed(writer, progress, path, source).await?);
                }
            }
            progress.set(batches.bytes_read());
        }
        batches.close().await;
        errors.add(writer.resolve_deferred().await?);
        progress.finish();
        if errors.total > 0 {
            writer.rollback().await?;
            return Ok(errors.into_rejection());
        }
        Ok(ImportOutcome::Committed(self.commit(writer).await?))
    }
}

/// Runs on a blocking thread: parses the file and sends batches.
fn read_batches<T: Record, B>(
    input: impl Read + Send + 'static,
    format: Format,
    defaults: Defaults,
    mut prepare: impl FnMut(Vec<Incoming<T>>) -> B,
    sender: &mpsc::Sender<Message<B>>,
) {
    let reader = match Reader::<T>::new(input, format, defaults) {
        Ok(reader) => reader,
        Err(fatal) => {
            let _ = sender.blocking_send(Message::Fatal(fatal));
            return;
        }
    };
    let mut records = Vec::with_capacity(BATCH);
    let mut errors = Vec::new();
    for item in reader {
        match item {
            Ok(Item::Record(record)) => records.push(record),
            Ok(Item::Invalid(bad)) => errors.extend(bad),
            Err(fatal) => {
                let _ = sender.blocking_send(Message::Fatal(fatal));
                return;
            }
        }
        if records.len() >= BATCH {
            let batch = Message::Batch {
                records: Some(prepare(std::mem::replace(
                    &mut records,
                    Vec::with_capacity(BATCH),
                ))),
                errors: std::mem::take(&mut errors),
            };
            if sender.blocking_send(batch).is_err() {
                return;
            }
        }
    }
    let records = (!records.is_empty()).then(|| prepare(records));
    let _ = sender.blocking_send(Message::Batch { records, errors });
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ExportSummary {
    pub records: u64,
}

/// A stored record type that can be exported page by page.
trait Page: Exportable + Send + Sized + 'static {
    fn page(
        store: &Store,
        after: i64,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<Self>, StoreError>> + Send;
    fn local_id(&self) -> i64;
}

impl Page for Stored<Person> {
    async fn page(store: &Store, after: i64, limit: i64) -> Result<Vec<Self>, StoreError> {
        store.people_page(after, limit).await
    }
    fn local_id(&self) -> i64 {
        self.id
    }
}

impl Page for Stored<Organization<Link>> {
    async fn page(store: &Store, after: i64, limit: i64) -> Result<Vec<Self>, StoreError> {
        store.organizations_page(after, limit).await
    }
    fn local_id(&self) -> i64 {
        self.id
    }
}

impl Page for Stored<Event<Link>> {
    async fn page(store: &Store, after: i64, limit: i64) -> Result<Vec<Self>, StoreError> {
        store.events_page(after, limit).await
    }
    fn local_id(&self) -> i64 {
        self.id
    }
}

impl Page for Stored<Tie<Link>> {
    async fn page(store: &Store, after: i64, limit: i64) -> Result<Vec<Self>, StoreError> {
        store.ties_page(after, limit).await
    }
    fn local_id(&self) -> i64 {
        self.id
    }
}

impl Kyoso {
    /// Writes every record of `table` to `out`, in the order they were added.
    pub async fn export(
        &self,
        records: Records,
        format: Format,
        out: Box<dyn Write + Send>,
        progress: &dyn Progress,
    ) -> Result<ExportSummary, ServiceError> {
        let store = &self.store;
        let table = records.table();
        let total = match table {
            Table::People => store.counts().await?.people,
            Table::Organizations => store.counts().await?.organizations,
            Table::Ties => store.counts().await?.ties,
            Table::Events => store.counts().await?.events,
        };
        progress.start(
            Stage::Exporting {
                table: table.name(),
            },
            u64::try_from(total).ok(),
        );
        let summary = match table {
            Table::People => {
                self.export_as::<Stored<Person>>(format, out, progress)
                    .await
            }
            Table::Organizations => {
                self.export_as::<Stored<Organization<Link>>>(format, out, progress)
                    .await
            }
            Table::Ties => {
                self.export_as::<Stored<Tie<Link>>>(format, out, progress)
                    .await
            }
            Table::Events => {
                self.export_as::<Stored<Event<Link>>>(format, out, progress)
                    .await
            }
        };
        progress.finish();
        summary
    }

    async fn export_as<P: Page>(
        &self,
        format: Format,
        out: Box<dyn Write + Send>,
        progress: &dyn Progress,
    ) -> Result<ExportSummary, ServiceError> {
        let store = &self.store;
        let io_error = |error| ServiceError::Io {
            path: "output".into(),
            error,
        };
        let (sender, mut receiver) = mpsc::channel::<Vec<P>>(4);
        let writing = tokio::task::spawn_blocking(move || -> io::Result<u64> {
            let mut writer =
                Writer::new::<P::Record>(io::BufWriter::with_capacity(1 << 16, out), format)?;
            let mut written = 0;
            while let Some(page) = receiver.blocking_recv() {
                for record in &page {
                    writer.write(record)?;
                }
                written += page.len() as u64;
            }
            writer.finish()?.flush()?;
            Ok(written)
        });
        let mut after = 0;
        let mut sent = 0;
        loop {
            let page = P::page(store, after, 5_000).await?;
            let Some(last) = page.last() else { break };
            after = last.local_id();
            sent += page.len() as u64;
            if sender.send(page).await.is_err() {
                break;
            }
            progress.set(sent);
        }
        drop(sender);
        let records = writing
            .await
            .map_err(|e| ServiceError::Failed(format!("the export writer stopped: {e}")))?
            .map_err(io_error)?;
        Ok(ExportSummary { records })
    }
}
