//! Events of the network on someone's behalf: a conference, a seminar, an
//! alumni gathering that people and organizations attended (`attended`
//! ties) and where people met (`met_at` ties naming the event). Read and
//! changed through the access table, audited like every registry record.

use kyoso_domain::Uid;
use kyoso_domain::{AuditAction, Event, EventFilter, Incoming, Link, RecordRef, Stored, Timestamp};
use kyoso_store::{BulkOptions, Table};

use crate::Kyoso;
use crate::access::{Action, Resource, require};
use crate::registry::{
    Change, Page, cursor, json, limit, new_owner, not_found, page, record, refused,
};
use crate::{Caller, ServiceError};

impl Kyoso {
    pub async fn event(
        &self,
        caller: &Caller,
        uid: Uid,
    ) -> Result<Stored<Event<Link>>, ServiceError> {
        let event = (self.store.event(uid).await?).ok_or(not_found("event"))?;
        require(caller, Action::Read, &Resource::event(&event), "event")?;
        Ok(event)
    }

    /// The events matching `filter` that the caller may read.
    pub async fn events(
        &self,
        caller: &Caller,
        filter: &EventFilter,
        after: Option<&str>,
        requested: Option<i64>,
    ) -> Result<Page<Stored<Event<Link>>>, ServiceError> {
        let limit = limit(requested)?;
        let after = cursor(after)?;
        let items = self
            .store
            .list_events(filter, &caller.scope(), after, limit + 1)
            .await?;
        Ok(page(items, limit))
    }

    pub async fn create_event(
        &self,
        caller: &Caller,
        mut event: Incoming<Event<RecordRef>>,
    ) -> Result<Stored<Event<Link>>, ServiceError> {
        event.owner = new_owner(caller, event.owner.take())?;
        self.check_event(caller, &event.record).await?;
        let uid = Uid::new();
        event.uid = Some(uid);
        let mut writer = self
            .store
            .bulk(Table::Events, BulkOptions::default())
            .await?;
        refused(writer.write_events(vec![event]).await?)?;
        let created = (writer.read_event(uid).await?).ok_or(not_found("event"))?;
        record(
            &mut writer,
            Change {
                caller,
                action: AuditAction::Create,
                table: Table::Events,
                record: uid,
                organization: created.owner.as_ref().map(|o| o.uid),
                before: None,
                after: json(&created),
            },
        )
        .await?;
        self.commit(writer).await?;
        Ok(created)
    }

    pub async fn update_event(
        &self,
        caller: &Caller,
        uid: Uid,
        event: Event<RecordRef>,
    ) -> Result<Stored<Event<Link>>, ServiceError> {
        let mut writer = self
            .store
            .bulk(Table::Events, BulkOptions::default())
            .await?;
        let before = (writer.read_event(uid).await?).ok_or(not_found("event"))?;
        require(caller, Action::Update, &Resource::event(&before), "event")?;
        self.check_event(caller, &event).await?;
        let incoming = Incoming {
            line: 0,
            uid: Some(uid),
            external_id: before.external_id.clone(),
            owner: before.owner.as_ref().map(Link::record_ref),
            created_at: Some(before.created_at),
            updated_at: Some(Timestamp::now()),
            record: event,
        };
        refused(writer.write_events(vec![incoming]).await?)?;
        let after = (writer.read_event(uid).await?).ok_or(not_found("event"))?;
        if after.record == before.record {
            writer.rollback().await?;
            return Ok(before);
        }
        record(
            &mut writer,
            Change {
                caller,
                action: AuditAction::Update,
                table: Table::Events,
                record: uid,
                organization: before.owner.as_ref().map(|o| o.uid),
                before: json(&before),
                after: json(&after),
            },
        )
        .await?;
        self.commit(writer).await?;
        Ok(after)
    }

    /// Deletes an event; its attendance goes with it, and meetings that
    /// named it no longer do.
    pub async fn delete_event(&self, caller: &Caller, uid: Uid) -> Result<(), ServiceError> {
        let mut writer = self
            .store
            .bulk(Table::Events, BulkOptions::default())
            .await?;
        let before = (writer.read_event(uid).await?).ok_or(not_found("event"))?;
        require(caller, Action::Delete, &Resource::event(&before), "event")?;
        writer.delete(uid).await?;
        let owner = before.owner.as_ref().map(|o| o.uid);
        self.commit_deletion(writer, caller, Table::Events, uid, owner, json(&before))
            .await
    }

    /// Checks what the fields say together, and that the organizer is one
    /// the caller may read.
    async fn check_event(
        &self,
        caller: &Caller,
        event: &Event<RecordRef>,
    ) -> Result<(), ServiceError> {
        event.check().map_err(|e| ServiceError::Invalid {
            field: Some("end".into()),
            message: e.to_string(),
        })?;
        self.check_references(caller, event).await
    }
}
