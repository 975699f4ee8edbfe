//! Writes without an audit entry, for the store's own tests: kyoso itself
//! writes through the service, which audits every change in the same
//! transaction (`BulkWriter::audit`).

use std::future::Future;

use kyoso_domain::{Incoming, Link, Organization, Person, RecordRef, Stored, Tie, Uid};

use crate::bulk::{BulkOptions, BulkWriter};
use crate::{Store, StoreError, Table, dispatch};

/// Writes one record through a bulk writer and returns its uid, turning a
/// row error into a store error that names the field.
async fn write_one<F, Fut>(store: &Store, table: Table, write: F) -> Result<Uid, StoreError>
where
    F: FnOnce(BulkWriter) -> Fut,
    Fut: Future<Output = Result<(BulkWriter, Vec<kyoso_domain::RowError>, Uid), StoreError>>,
{
    let writer = store.bulk(table, BulkOptions::default()).await?;
    let (mut writer, mut errors, uid) = write(writer).await?;
    errors.extend(writer.resolve_deferred().await?);
    if let Some(error) = errors.into_iter().next() {
        writer.rollback().await?;
        return Err(StoreError::Invalid {
            field: error.field,
            message: error.message,
        });
    }
    writer.commit().await?;
    Ok(uid)
}

impl Store {
    /// Adds a person (or, if the incoming record carries a known uid or
    /// external id, updates that one) and returns it as stored.
    pub async fn save_person(
        &self,
        person: Incoming<Person>,
    ) -> Result<Stored<Person>, StoreError> {
        let uid = write_one(self, Table::People, |mut w| async move {
            let uid = person.uid.unwrap_or_default();
            let person = Incoming {
                uid: Some(uid),
                ..person
            };
            let errors = w.write_people(vec![person]).await?;
            Ok((w, errors, uid))
        })
        .await?;
        self.person(uid)
            .await?
            .ok_or(StoreError::NotFound { what: "person" })
    }

    pub async fn delete_person(&self, uid: Uid) -> Result<bool, StoreError> {
        self.delete(Table::People, uid).await
    }

    pub async fn save_organization(
        &self,
        organization: Incoming<Organization<RecordRef>>,
    ) -> Result<Stored<Organization<Link>>, StoreError> {
        let uid = write_one(self, Table::Organizations, |mut w| async move {
            let uid = organization.uid.unwrap_or_default();
            let organization = Incoming {
                uid: Some(uid),
                ..organization
            };
            let errors = w.write_organizations(vec![organization]).await?;
            Ok((w, errors, uid))
        })
        .await?;
        self.organization(uid).await?.ok_or(StoreError::NotFound {
            what: "organization",
        })
    }

    pub async fn delete_organization(&self, uid: Uid) -> Result<bool, StoreError> {
        self.delete(Table::Organizations, uid).await
    }

    pub async fn save_tie(
        &self,
        tie: Incoming<Tie<RecordRef>>,
    ) -> Result<Stored<Tie<Link>>, StoreError> {
        let uid = write_one(self, Table::Ties, |mut w| async move {
            let (errors, uids) = w.write_ties_returning_uids(vec![tie]).await?;
            let uid = uids.into_iter().next().unwrap_or_default();
            Ok((w, errors, uid))
        })
        .await?;
        self.tie(uid)
            .await?
            .ok_or(StoreError::NotFound { what: "tie" })
    }

    pub async fn delete_tie(&self, uid: Uid) -> Result<bool, StoreError> {
        self.delete(Table::Ties, uid).await
    }

    async fn delete(&self, table: Table, uid: Uid) -> Result<bool, StoreError> {
        let sql = format!("DELETE FROM {table} WHERE uid = $1");
        let result = dispatch!(self, pool => {
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(uid.uuid())
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(result > 0)
    }
}
