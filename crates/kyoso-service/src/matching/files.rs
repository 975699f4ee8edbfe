//! Needs and offers in files (`kyoso import needs|offers`, `kyoso export
//! needs|offers`), CSV or JSON, all or nothing. A row is held to the rules
//! the API holds a body to: the same reader, the same poster or provider
//! the caller must manage. A row with an `id` or an `external_id` that is
//! known changes that record; so importing a file twice changes nothing.

use std::io::Write;
use std::path::Path;

use kyoso_domain::{
    AuditAction, ExternalId, Incoming, Need, NeedFilter, NeedStatus, Offer, OfferFilter, Poster,
    RecordRef, RowError, StoredNeed, StoredOffer, Uid,
};
use kyoso_exchange::{Exportable, Format, Record, Writer};
use kyoso_store::{BulkOptions, BulkWriter, Table};
use serde::Serialize;

use super::{invalid, with_poster, with_provider};
use crate::access::{Action, Resource};
use crate::exchange::{
    Errors, ExportSummary, FileBatches, ImportOptions, ImportOutcome, Message, Written, read_failed,
};
use crate::programs::{Change, audit};
use crate::progress::{Progress, Stage, Unit};
use crate::registry::json;
use crate::{Caller, Kyoso, ServiceError};

/// A record as it stands in the database, for an import to compare with.
struct Known<R> {
    uid: Uid,
    external_id: Option<ExternalId>,
    owner: Option<Uid>,
    record: R,
    /// A need that expired, which a deadline moved on opens again.
    expired: bool,
    /// Whether the caller may change it.
    may_change: bool,
}

/// How a row names the record it changes.
#[derive(Clone, Copy)]
enum By<'a> {
    Id(Uid),
    Key(&'a ExternalId),
}

/// A kind of record that files hold and the service writes one by one.
trait Filed: Record {
    /// The record with what it names resolved.
    type Resolved: PartialEq + Serialize + Send + Sync;
    const TABLE: &'static str;
    /// One record, as a message names it.
    const ONE: &'static str;

    /// The record a row names, if the caller may read it.
    async fn known(
        kyoso: &Kyoso,
        caller: &Caller,
        by: By<'_>,
    ) -> Result<Option<Known<Self::Resolved>>, ServiceError>;
    /// The record as it would be written, and its owner; `known` is the
    /// record it changes, whose poster or provider stays.
    async fn resolve(
        self,
        kyoso: &Kyoso,
        caller: &Caller,
        known: Option<&Known<Self::Resolved>>,
    ) -> Result<(Self::Resolved, Option<Uid>), ServiceError>;
    async fn insert(
        writer: &mut BulkWriter,
        record: &Self::Resolved,
        owner: Option<Uid>,
    ) -> Result<Uid, ServiceError>;
    async fn update(
        writer: &mut BulkWriter,
        known: &Known<Self::Resolved>,
        record: &Self::Resolved,
        today: time::Date,
    ) -> Result<(), ServiceError>;
    async fn set_key(
        writer: &mut BulkWriter,
        uid: Uid,
        key: Option<&ExternalId>,
    ) -> Result<(), ServiceError>;
}

fn known_need(caller: &Caller, need: StoredNeed) -> Option<Known<Need<Poster>>> {
    let resource = Resource::need(&need);
    caller.may(Action::Read, &resource).then(|| Known {
        may_change: caller.may(Action::Update, &resource),
        uid: need.uid,
        external_id: need.external_id,
        owner: need.owner,
        expired: need.status == NeedStatus::Expired,
        record: need.need,
    })
}

impl Filed for Need<Option<RecordRef>> {
    type Resolved = Need<Poster>;
    const TABLE: &'static str = "needs";
    const ONE: &'static str = "need";

    async fn known(
        kyoso: &Kyoso,
        caller: &Caller,
        by: By<'_>,
    ) -> Result<Option<Known<Need<Poster>>>, ServiceError> {
        let need = match by {
            By::Id(uid) => kyoso.store.need(uid).await?,
            By::Key(key) => kyoso.store.need_by_external_id(key).await?,
        };
        Ok(need.and_then(|n| known_need(caller, n)))
    }

    async fn resolve(
        self,
        kyoso: &Kyoso,
        caller: &Caller,
        known: Option<&Known<Need<Poster>>>,
    ) -> Result<(Need<Poster>, Option<Uid>), ServiceError> {
        match known {
            Some(known) => Ok((with_poster(self, known.record.posted_by), known.owner)),
            None => {
                if self.deadline.is_some_and(|d| d < kyoso.today()) {
                    return Err(invalid("deadline", "the deadline has passed already"));
                }
                let (poster, owner) = kyoso.poster_of(caller, &self).await?;
                Ok((with_poster(self, poster), owner))
            }
        }
    }

    async fn insert(
        writer: &mut BulkWriter,
        record: &Need<Poster>,
        owner: Option<Uid>,
    ) -> Result<Uid, ServiceError> {
        Ok(writer.insert_need(record, owner).await?)
    }

    async fn update(
        writer: &mut BulkWriter,
        known: &Known<Need<Poster>>,
        record: &Need<Poster>,
        today: time::Date,
    ) -> Result<(), ServiceError> {
        writer.update_need(known.uid, record).await?;
        if known.expired && record.deadline.is_none_or(|d| d >= today) {
            writer.set_need_status(known.uid, NeedStatus::Open).await?;
        }
        Ok(())
    }

    async fn set_key(
        writer: &mut BulkWriter,
        uid: Uid,
        key: Option<&ExternalId>,
    ) -> Result<(), ServiceError> {
        Ok(writer.set_need_external_id(uid, key).await?)
    }
}

fn known_offer(caller: &Caller, offer: StoredOffer) -> Option<Known<Offer<Uid>>> {
    let resource = Resource::offer(&offer);
    caller.may(Action::Read, &resource).then(|| Known {
        may_change: caller.may(Action::Update, &resource),
        uid: offer.uid,
        external_id: offer.external_id,
        owner: offer.owner,
        expired: false,
        record: offer.offer,
    })
}

impl Filed for Offer<Option<RecordRef>> {
    type Resolved = Offer<Uid>;
    const TABLE: &'static str = "offers";
    const ONE: &'static str = "offer";

    async fn known(
        kyoso: &Kyoso,
        caller: &Caller,
        by: By<'_>,
    ) -> Result<Option<Known<Offer<Uid>>>, ServiceError> {
        let offer = match by {
            By::Id(uid) => kyoso.store.offer(uid).await?,
            By::Key(key) => kyoso.store.offer_by_external_id(key).await?,
        };
        Ok(offer.and_then(|o| known_offer(caller, o)))
    }

    async fn resolve(
        self,
        kyoso: &Kyoso,
        caller: &Caller,
        known: Option<&Known<Offer<Uid>>>,
    ) -> Result<(Offer<Uid>, Option<Uid>), ServiceError> {
        match known {
            Some(known) => Ok((with_provider(self, known.record.provider), known.owner)),
            None => {
                let (provider, owner) = kyoso.provider_of(caller, &self).await?;
                Ok((with_provider(self, provider), owner))
            }
        }
    }

    async fn insert(
        writer: &mut BulkWriter,
        record: &Offer<Uid>,
        owner: Option<Uid>,
    ) -> Result<Uid, ServiceError> {
        Ok(writer.insert_offer(record, owner).await?)
    }

    async fn update(
        writer: &mut BulkWriter,
        known: &Known<Offer<Uid>>,
        record: &Offer<Uid>,
        _today: time::Date,
    ) -> Result<(), ServiceError> {
        writer.update_offer(known.uid, record).await?;
        Ok(())
    }

    async fn set_key(
        writer: &mut BulkWriter,
        uid: Uid,
        key: Option<&ExternalId>,
    ) -> Result<(), ServiceError> {
        Ok(writer.set_offer_external_id(uid, key).await?)
    }
}

/// A fault of one row, as an import reports it.
fn row_fault(line: u64, error: ServiceError) -> RowError {
    match error {
        ServiceError::Invalid { field, message } => RowError {
            line,
            field,
            message,
        },
        ServiceError::NotFound(what) => RowError {
            line,
            field: None,
            message: format!("names a {what} that is not known"),
        },
        other => RowError {
            line,
            field: None,
            message: other.to_string(),
        },
    }
}

impl Kyoso {
    /// Imports needs from a CSV or JSON file, all or nothing.
    pub async fn import_needs(
        &self,
        caller: &Caller,
        path: &Path,
        options: &ImportOptions,
        progress: &dyn Progress,
    ) -> Result<ImportOutcome, ServiceError> {
        self.import_filed::<Need<Option<RecordRef>>>(caller, path, options, progress)
            .await
    }

    /// Imports offers from a CSV or JSON file, all or nothing.
    pub async fn import_offers(
        &self,
        caller: &Caller,
        path: &Path,
        options: &ImportOptions,
        progress: &dyn Progress,
    ) -> Result<ImportOutcome, ServiceError> {
        self.import_filed::<Offer<Option<RecordRef>>>(caller, path, options, progress)
            .await
    }

    async fn import_filed<T: Filed>(
        &self,
        caller: &Caller,
        path: &Path,
        options: &ImportOptions,
        progress: &dyn Progress,
    ) -> Result<ImportOutcome, ServiceError> {
        super::require_member(caller)?;
        let mut batches = FileBatches::open::<T>(path, options.format, None, |rows| rows)?;
        progress.start(
            Stage::Importing {
                table: T::TABLE,
                unit: Unit::Bytes,
            },
            Some(batches.total_bytes),
        );
        let mut summary = kyoso_domain::BulkSummary::default();
        let mut errors = Errors::default();
        let mut writer = self.store.bulk(Table::Ties, BulkOptions::default()).await?;
        let today = self.today();
        while let Some(message) = batches.next().await {
            let rows: Vec<Incoming<T>> = match message {
                Message::Batch {
                    records,
                    errors: bad,
                } => {
                    errors.add(bad);
                    records.unwrap_or_default()
                }
                Message::Fatal(source) => {
                    return Err(read_failed(writer, progress, path, source).await?);
                }
            };
            for row in rows {
                summary.received += 1;
                let line = row.line;
                match self.import_row::<T>(caller, &mut writer, row, today).await {
                    Ok(written) => written.count(&mut summary),
                    Err(error @ (ServiceError::Store(_) | ServiceError::Failed(_))) => {
                        writer.rollback().await?;
                        progress.finish();
                        return Err(error);
                    }
                    Err(error) => errors.add([row_fault(line, error)]),
                }
            }
            progress.set(batches.bytes_read());
        }
        batches.close().await;
        progress.finish();
        self.conclude_import(writer, errors, summary).await
    }

    async fn import_row<T: Filed>(
        &self,
        caller: &Caller,
        writer: &mut BulkWriter,
        row: Incoming<T>,
        today: time::Date,
    ) -> Result<Written, ServiceError> {
        let known = match (row.uid, &row.external_id) {
            (Some(uid), _) => {
                Some(T::known(self, caller, By::Id(uid)).await?.ok_or_else(|| {
                    invalid(
                        "id",
                        format!(
                            "no {} has this id here; to add the row as a new one, leave out its id \
                                 (an external_id keeps it known)",
                            T::ONE
                        ),
                    )
                })?)
            }
            (None, Some(key)) => T::known(self, caller, By::Key(key)).await?,
            (None, None) => None,
        };
        if known.as_ref().is_some_and(|k| !k.may_change) {
            return Err(invalid("id", "you may not change this record"));
        }
        let external_id = row.external_id.clone().or_else(|| {
            // A row naming only an id keeps the key the record has.
            known.as_ref().and_then(|k| k.external_id.clone())
        });
        let (record, owner) = row.record.resolve(self, caller, known.as_ref()).await?;
        match known {
            Some(known) => {
                if known.record == record && known.external_id == external_id {
                    return Ok(Written::Unchanged);
                }
                T::update(writer, &known, &record, today).await?;
                if known.external_id != external_id {
                    T::set_key(writer, known.uid, external_id.as_ref()).await?;
                }
                audit(
                    writer,
                    caller,
                    Change {
                        action: AuditAction::Update,
                        table: T::TABLE,
                        record: known.uid,
                        organization: known.owner,
                        before: json(&known.record),
                        after: json(&record),
                    },
                )
                .await?;
                Ok(Written::Updated)
            }
            None => {
                let uid = T::insert(writer, &record, owner).await?;
                if external_id.is_some() {
                    T::set_key(writer, uid, external_id.as_ref()).await?;
                }
                audit(
                    writer,
                    caller,
                    Change {
                        action: AuditAction::Create,
                        table: T::TABLE,
                        record: uid,
                        organization: owner,
                        before: None,
                        after: json(&record),
                    },
                )
                .await?;
                Ok(Written::Inserted)
            }
        }
    }

    /// Writes every need the caller may read to `out`, in a file that
    /// imports back unchanged.
    pub async fn export_needs(
        &self,
        caller: &Caller,
        format: Format,
        out: Box<dyn Write + Send>,
        progress: &dyn Progress,
    ) -> Result<ExportSummary, ServiceError> {
        let needs = self
            .store
            .needs(&NeedFilter::default(), &caller.scope(), i64::MAX)
            .await?;
        write_all::<StoredNeed>("needs", &needs, format, out, progress)
    }

    /// Writes every offer the caller may read to `out`, in a file that
    /// imports back unchanged.
    pub async fn export_offers(
        &self,
        caller: &Caller,
        format: Format,
        out: Box<dyn Write + Send>,
        progress: &dyn Progress,
    ) -> Result<ExportSummary, ServiceError> {
        let offers = self
            .store
            .offers(&OfferFilter::default(), &caller.scope(), i64::MAX)
            .await?;
        write_all::<StoredOffer>("offers", &offers, format, out, progress)
    }
}

fn write_all<E: Exportable>(
    table: &'static str,
    records: &[E],
    format: Format,
    out: Box<dyn Write + Send>,
    progress: &dyn Progress,
) -> Result<ExportSummary, ServiceError> {
    let io_error = |error| ServiceError::Io {
        path: "output".into(),
        error,
    };
    progress.start(Stage::Exporting { table }, Some(records.len() as u64));
    let mut writer = Writer::new::<E::Record>(out, format).map_err(io_error)?;
    for (at, record) in records.iter().enumerate() {
        writer.write(record).map_err(io_error)?;
        progress.set(at as u64 + 1);
    }
    writer
        .finish()
        .map_err(io_error)?
        .flush()
        .map_err(io_error)?;
    progress.finish();
    Ok(ExportSummary {
        records: records.len() as u64,
    })
}
