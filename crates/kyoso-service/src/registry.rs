//! Reading and changing people, organizations and ties on someone's behalf:
//! every call checks the caller's access (see [`crate::access`]) and every
//! change is written to the audit log in the same transaction.

use kyoso_domain::{AuditAction, AuditEntry, Counts, OrganizationFilter, PeopleFilter, TieFilter};
use kyoso_domain::{
    EntityKind, Incoming, Link, Organization, Person, RecordRef, Stored, Tie, Timestamp, Uid,
};
use kyoso_store::{BulkOptions, BulkWriter, Table};
use serde::Serialize;

use kyoso_domain::References as _;

use crate::Kyoso;
use crate::access::{Action, Resource, require};
use crate::{Caller, ServiceError};

/// The most records a list returns at once.
pub const MAX_PAGE: i64 = 200;

/// One page of a list, and where the next begins.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass back as `after` for the next page; absent on the last.
    pub next: Option<String>,
}

pub(crate) fn page<T>(mut items: Vec<Stored<T>>, limit: i64) -> Page<Stored<T>> {
    let more = items.len() as i64 > limit;
    items.truncate(limit as usize);
    let next = more
        .then(|| items.last().map(|s| s.id.to_string()))
        .flatten();
    Page { items, next }
}

/// Reads a cursor given back by a client.
pub fn cursor(after: Option<&str>) -> Result<i64, ServiceError> {
    match after {
        None | Some("") => Ok(0),
        Some(text) => {
            text.parse::<i64>()
                .ok()
                .filter(|n| *n >= 0)
                .ok_or_else(|| ServiceError::Invalid {
                    field: Some("after".into()),
                    message: "is not a cursor this service gave".into(),
                })
        }
    }
}

/// How many records a page holds: 50 unless asked, at most [`MAX_PAGE`].
pub(crate) fn limit(requested: Option<i64>) -> Result<i64, ServiceError> {
    match requested {
        None => Ok(50),
        Some(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
        Some(_) => Err(ServiceError::Invalid {
            field: Some("limit".into()),
            message: format!("must be a whole number from 1 to {MAX_PAGE}"),
        }),
    }
}

pub(crate) fn not_found(what: &'static str) -> ServiceError {
    ServiceError::NotFound(what)
}

pub(crate) fn json<T: Serialize>(value: &T) -> Option<serde_json::Value> {
    serde_json::to_value(value).ok()
}

/// Turns a row error from the writer into the service's error.
pub(crate) fn refused(errors: Vec<kyoso_domain::RowError>) -> Result<(), ServiceError> {
    match errors.into_iter().next() {
        None => Ok(()),
        Some(e) => Err(ServiceError::Invalid {
            field: e.field,
            message: e.message,
        }),
    }
}

pub(crate) struct Change<'a> {
    pub(crate) caller: &'a Caller,
    pub(crate) action: AuditAction,
    pub(crate) table: Table,
    pub(crate) record: Uid,
    pub(crate) organization: Option<Uid>,
    pub(crate) before: Option<serde_json::Value>,
    pub(crate) after: Option<serde_json::Value>,
}

impl Kyoso {
    /// Records in the audit log that `caller` deleted `uid` (as it was:
    /// `before`), and commits the writer that deleted it.
    pub(crate) async fn commit_deletion(
        &self,
        mut writer: BulkWriter,
        caller: &Caller,
        table: Table,
        uid: Uid,
        owner: Option<Uid>,
        before: Option<serde_json::Value>,
    ) -> Result<(), ServiceError> {
        record(
            &mut writer,
            Change {
                caller,
                action: AuditAction::Delete,
                table,
                record: uid,
                organization: owner,
                before,
                after: None,
            },
        )
        .await?;
        self.commit(writer).await?;
        Ok(())
    }
}

pub(crate) async fn record(
    writer: &mut BulkWriter,
    change: Change<'_>,
) -> Result<(), ServiceError> {
    // The audit log names people by id only: a person's own snapshots keep
    // what aggregate figures keep, and which personal fields changed.
    let (before, after) = match change.table {
        Table::People => crate::protection::person_snapshots(change.before, change.after),
        _ => (change.before, change.after),
    };
    let entry = AuditEntry {
        at: Timestamp::now(),
        actor: change.caller.actor(),
        action: change.action,
        table: change.table.name().to_owned(),
        record: change.record,
        organization: change.organization,
        before,
        after,
    };
    writer.audit(&entry).await?;
    Ok(())
}

/// The owner a new record gets: the caller's organization, unless an
/// administrator names another.
pub(crate) fn new_owner(
    caller: &Caller,
    requested: Option<RecordRef>,
) -> Result<Option<RecordRef>, ServiceError> {
    let mine = caller.managed_organization().map(|(_, org)| org);
    let owner = match &requested {
        Some(named) if caller.is_admin() => named.as_uid(),
        Some(named) if named.as_uid() == mine => mine,
        // Naming another organization than one's own is refused alike
        // whatever it names, so that it tells nothing of it.
        Some(_) => return Err(ServiceError::Forbidden),
        None => mine,
    };
    require(
        caller,
        Action::Create,
        &Resource::NewRecord { owner },
        "organization",
    )?;
    Ok(match (requested, mine) {
        (Some(named), _) => Some(named),
        (None, Some(mine)) => Some(RecordRef::to_record(mine, None)),
        (None, None) => None,
    })
}

/// Refuses to delete a record others still name, saying which: a
/// conflict, not a database failure.
pub(crate) async fn refuse_if_used(
    writer: &mut BulkWriter,
    uid: Uid,
    what: &str,
) -> Result<(), ServiceError> {
    let uses = writer.still_used_by(uid).await?;
    if uses.is_empty() {
        return Ok(());
    }
    let uses: Vec<String> = uses.iter().map(ToString::to_string).collect();
    Err(ServiceError::Conflict(format!(
        "the {what} is still named by {}; change or remove those first",
        uses.join(", ")
    )))
}

// --- counts ---

impl Kyoso {
    /// Whether the database answers.
    pub async fn health(&self) -> Result<(), ServiceError> {
        let store = &self.store;
        store.counts().await?;
        Ok(())
    }

    /// How many people, organizations and ties the caller may read.
    pub async fn counts(&self, caller: &Caller) -> Result<Counts, ServiceError> {
        let store = &self.store;
        Ok(store.visible_counts(&caller.scope()).await?)
    }
}

// --- people ---

impl Kyoso {
    pub async fn person(&self, caller: &Caller, uid: Uid) -> Result<Stored<Person>, ServiceError> {
        let store = &self.store;
        let person = store.person(uid).await?.ok_or(not_found("person"))?;
        require(caller, Action::Read, &Resource::person(&person), "person")?;
        Ok(person)
    }

    pub async fn people(
        &self,
        caller: &Caller,
        filter: &PeopleFilter,
        after: Option<&str>,
        requested: Option<i64>,
    ) -> Result<Page<Stored<Person>>, ServiceError> {
        let store = &self.store;
        let limit = limit(requested)?;
        let after = cursor(after)?;
        // Filtering by an organization one may not read finds nothing, as by
        // one that does not exist.
        if let Some(org) = filter.organization
            && self.organization(caller, org).await.is_err()
        {
            return Ok(page(Vec::new(), limit));
        }
        let items = store
            .list_people(filter, &caller.scope(), after, limit + 1)
            .await?;
        Ok(page(items, limit))
    }

    /// The newest people the caller may see.
    pub async fn recent_people(
        &self,
        caller: &Caller,
        limit: i64,
    ) -> Result<Vec<Stored<Person>>, ServiceError> {
        let store = &self.store;
        Ok(store
            .recent_people(&caller.scope(), limit.clamp(1, MAX_PAGE))
            .await?)
    }

    pub async fn create_person(
        &self,
        caller: &Caller,
        mut person: Incoming<Person>,
    ) -> Result<Stored<Person>, ServiceError> {
        let store = &self.store;
        person.owner = new_owner(caller, person.owner.take())?;
        let uid = Uid::new();
        person.uid = Some(uid);
        let mut writer = store.bulk(Table::People, BulkOptions::default()).await?;
        refused(writer.write_people(vec![person]).await?)?;
        let created = writer.read_person(uid).await?.ok_or(not_found("person"))?;
        record(
            &mut writer,
            Change {
                caller,
                action: AuditAction::Create,
                table: Table::People,
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

    pub async fn update_person(
        &self,
        caller: &Caller,
        uid: Uid,
        person: Person,
    ) -> Result<Stored<Person>, ServiceError> {
        let store = &self.store;
        let mut writer = store.bulk(Table::People, BulkOptions::default()).await?;
        let before = writer.read_person(uid).await?.ok_or(not_found("person"))?;
        let owner = before.owner.as_ref().map(|o| o.uid);
        require(caller, Action::Update, &Resource::person(&before), "person")?;
        let incoming = Incoming {
            line: 0,
            uid: Some(uid),
            external_id: before.external_id.clone(),
            owner: before.owner.as_ref().map(Link::record_ref),
            created_at: Some(before.created_at),
            updated_at: Some(Timestamp::now()),
            record: person,
        };
        refused(writer.write_people(vec![incoming]).await?)?;
        let after = writer.read_person(uid).await?.ok_or(not_found("person"))?;
        if after.record != before.record {
            record(
                &mut writer,
                Change {
                    caller,
                    action: AuditAction::Update,
                    table: Table::People,
                    record: uid,
                    organization: owner,
                    before: json(&before),
                    after: json(&after),
                },
            )
            .await?;
            self.commit(writer).await?;
            Ok(after)
        } else {
            // Nothing changed: keep the record as it was, times included.
            writer.rollback().await?;
            Ok(before)
        }
    }

    pub async fn delete_person(&self, caller: &Caller, uid: Uid) -> Result<(), ServiceError> {
        let store = &self.store;
        let mut writer = store.bulk(Table::People, BulkOptions::default()).await?;
        let before = writer.read_person(uid).await?.ok_or(not_found("person"))?;
        let owner = before.owner.as_ref().map(|o| o.uid);
        require(caller, Action::Delete, &Resource::person(&before), "person")?;
        refuse_if_used(&mut writer, uid, "person").await?;
        writer.delete(uid).await?;
        self.commit_deletion(writer, caller, Table::People, uid, owner, json(&before))
            .await
    }
}

// --- organizations ---

impl Kyoso {
    pub async fn organization(
        &self,
        caller: &Caller,
        uid: Uid,
    ) -> Result<Stored<Organization<Link>>, ServiceError> {
        let store = &self.store;
        let org = store
            .organization(uid)
            .await?
            .ok_or(not_found("organization"))?;
        require(
            caller,
            Action::Read,
            &Resource::organization(&org),
            "organization",
        )?;
        Ok(org)
    }

    pub async fn organizations(
        &self,
        caller: &Caller,
        filter: &OrganizationFilter,
        after: Option<&str>,
        requested: Option<i64>,
    ) -> Result<Page<Stored<Organization<Link>>>, ServiceError> {
        let store = &self.store;
        let limit = limit(requested)?;
        let after = cursor(after)?;
        if let Some(parent) = filter.parent
            && self.organization(caller, parent).await.is_err()
        {
            return Ok(page(Vec::new(), limit));
        }
        let items = store
            .list_organizations(filter, &caller.scope(), after, limit + 1)
            .await?;
        Ok(page(items, limit))
    }

    pub async fn create_organization(
        &self,
        caller: &Caller,
        mut org: Incoming<Organization<RecordRef>>,
    ) -> Result<Stored<Organization<Link>>, ServiceError> {
        let store = &self.store;
        org.owner = new_owner(caller, org.owner.take())?;
        self.check_references(caller, &org.record).await?;
        let uid = Uid::new();
        org.uid = Some(uid);
        let mut writer = store
            .bulk(Table::Organizations, BulkOptions::default())
            .await?;
        refused(writer.write_organizations(vec![org]).await?)?;
        refused(writer.resolve_deferred().await?)?;
        let created = writer
            .read_organization(uid)
            .await?
            .ok_or(not_found("organization"))?;
        record(
            &mut writer,
            Change {
                caller,
                action: AuditAction::Create,
                table: Table::Organizations,
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

    pub async fn update_organization(
        &self,
        caller: &Caller,
        uid: Uid,
        org: Organization<RecordRef>,
    ) -> Result<Stored<Organization<Link>>, ServiceError> {
        let store = &self.store;
        let mut writer = store
            .bulk(Table::Organizations, BulkOptions::default())
            .await?;
        let before = writer
            .read_organization(uid)
            .await?
            .ok_or(not_found("organization"))?;
        let owner = before.owner.as_ref().map(|o| o.uid);
        require(
            caller,
            Action::Update,
            &Resource::organization(&before),
            "organization",
        )?;
        self.check_references(caller, &org).await?;
        let incoming = Incoming {
            line: 0,
            uid: Some(uid),
            external_id: before.external_id.clone(),
            owner: before.owner.as_ref().map(Link::record_ref),
            created_at: Some(before.created_at),
            updated_at: Some(Timestamp::now()),
            record: org,
        };
        refused(writer.write_organizations(vec![incoming]).await?)?;
        refused(writer.resolve_deferred().await?)?;
        let after = writer
            .read_organization(uid)
            .await?
            .ok_or(not_found("organization"))?;
        if after.record == before.record {
            writer.rollback().await?;
            return Ok(before);
        }
        record(
            &mut writer,
            Change {
                caller,
                action: AuditAction::Update,
                table: Table::Organizations,
                record: uid,
                organization: owner,
                before: json(&before),
                after: json(&after),
            },
        )
        .await?;
        self.commit(writer).await?;
        Ok(after)
    }

    pub async fn delete_organization(&self, caller: &Caller, uid: Uid) -> Result<(), ServiceError> {
        let store = &self.store;
        let mut writer = store
            .bulk(Table::Organizations, BulkOptions::default())
            .await?;
        let before = writer
            .read_organization(uid)
            .await?
            .ok_or(not_found("organization"))?;
        let owner = before.owner.as_ref().map(|o| o.uid);
        require(
            caller,
            Action::Delete,
            &Resource::organization(&before),
            "organization",
        )?;
        refuse_if_used(&mut writer, uid, "organization").await?;
        writer.delete(uid).await?;
        self.commit_deletion(
            writer,
            caller,
            Table::Organizations,
            uid,
            owner,
            json(&before),
        )
        .await
    }
}

// --- ties ---

impl Kyoso {
    pub async fn tie(&self, caller: &Caller, uid: Uid) -> Result<Stored<Tie<Link>>, ServiceError> {
        let store = &self.store;
        let mut tie = store.tie(uid).await?.ok_or(not_found("tie"))?;
        let resource = Resource::tie(&tie, self.ends_readable(caller, &tie.record).await?);
        require(caller, Action::Read, &resource, "tie")?;
        self.hide_unreadable_events(caller, std::slice::from_mut(&mut tie))
            .await?;
        Ok(tie)
    }

    /// Meetings at an event the caller may not read are shown as meetings
    /// at no named event: the event is not there for them. Each event is
    /// looked up once, however many ties name it.
    pub(crate) async fn hide_unreadable_events(
        &self,
        caller: &Caller,
        ties: &mut [Stored<Tie<Link>>],
    ) -> Result<(), ServiceError> {
        let mut readable: std::collections::HashMap<Uid, bool> = Default::default();
        for tie in ties {
            let Some(event) = &tie.record.event else {
                continue;
            };
            let may_read = match readable.get(&event.uid) {
                Some(&known) => known,
                None => {
                    let known = match self.event(caller, event.uid).await {
                        Ok(_) => true,
                        Err(ServiceError::NotFound(_)) => false,
                        Err(other) => return Err(other),
                    };
                    readable.insert(event.uid, known);
                    known
                }
            };
            if !may_read {
                tie.record.event = None;
            }
        }
        Ok(())
    }

    async fn ends_readable(&self, caller: &Caller, tie: &Tie<Link>) -> Result<bool, ServiceError> {
        for end in [&tie.from, &tie.to] {
            let readable = match end.kind {
                EntityKind::Person => self.person(caller, end.key.uid).await.is_ok(),
                EntityKind::Organization => self.organization(caller, end.key.uid).await.is_ok(),
                EntityKind::Event => self.event(caller, end.key.uid).await.is_ok(),
            };
            if !readable {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// The ties matching `filter` that the caller may see, ends included.
    pub async fn ties(
        &self,
        caller: &Caller,
        filter: &TieFilter,
        after: Option<&str>,
        requested: Option<i64>,
    ) -> Result<Page<Stored<Tie<Link>>>, ServiceError> {
        let store = &self.store;
        let limit = limit(requested)?;
        let mut items = store
            .list_ties(filter, &caller.scope(), cursor(after)?, limit + 1)
            .await?;
        self.hide_unreadable_events(caller, &mut items).await?;
        Ok(page(items, limit))
    }

    /// The ties of a person or organization that the caller may see.
    pub async fn ties_of(
        &self,
        caller: &Caller,
        uid: Uid,
        after: Option<&str>,
        requested: Option<i64>,
    ) -> Result<Page<Stored<Tie<Link>>>, ServiceError> {
        let filter = TieFilter {
            end: Some(uid),
            kind: None,
        };
        self.ties(caller, &filter, after, requested).await
    }

    pub async fn create_tie(
        &self,
        caller: &Caller,
        mut tie: Incoming<Tie<RecordRef>>,
    ) -> Result<Stored<Tie<Link>>, ServiceError> {
        let store = &self.store;
        tie.owner = new_owner(caller, tie.owner.take())?;
        // Both ends must exist for the caller: a tie cannot point at what
        // they may not see.
        self.check_references(caller, &tie.record).await?;
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        let (errors, uids) = writer.write_ties_returning_uids(vec![tie]).await?;
        refused(errors)?;
        let uid = uids.into_iter().next().ok_or(not_found("tie"))?;
        let created = writer.read_tie(uid).await?.ok_or(not_found("tie"))?;
        record(
            &mut writer,
            Change {
                caller,
                action: AuditAction::Create,
                table: Table::Ties,
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

    /// Changes a tie's dates, strength, role, note and visibility. Its kind and
    /// its ends are what the tie is: to change those, delete it and record
    /// another.
    pub async fn update_tie(
        &self,
        caller: &Caller,
        uid: Uid,
        changed: Tie<RecordRef>,
    ) -> Result<Stored<Tie<Link>>, ServiceError> {
        let store = &self.store;
        let before = self.tie(caller, uid).await?;
        let owner = before.owner.as_ref().map(|o| o.uid);
        require(caller, Action::Update, &Resource::tie(&before, true), "tie")?;
        let fixed = |field: &str, what: &str| ServiceError::Invalid {
            field: Some(field.into()),
            message: format!(
                "a tie's {what} cannot change; delete the tie and record another instead"
            ),
        };
        if changed.kind != before.record.kind {
            return Err(fixed("kind", "kind"));
        }
        let mut ends = Vec::with_capacity(2);
        for reference in changed.references() {
            let is_end = reference.field.field != "event";
            let (kind, uid) = self.readable_reference_kind(caller, reference).await?;
            if !is_end {
                // The event met at may be named, changed or dropped.
                continue;
            }
            let kind = match kind {
                kyoso_domain::RecordKind::Person => EntityKind::Person,
                kyoso_domain::RecordKind::Event => EntityKind::Event,
                _ => EntityKind::Organization,
            };
            ends.push((kind, uid));
        }
        let stored = [&before.record.from, &before.record.to].map(|e| (e.kind, e.key.uid));
        let same_ends =
            ends == stored || (changed.kind.is_symmetric() && ends.iter().rev().eq(stored.iter()));
        if !same_ends {
            let field = if ends.first() == stored.first() {
                "to"
            } else {
                "from"
            };
            return Err(fixed(field, "ends"));
        }
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        let incoming = Incoming {
            line: 0,
            uid: Some(uid),
            external_id: before.external_id.clone(),
            owner: before.owner.as_ref().map(Link::record_ref),
            created_at: Some(before.created_at),
            updated_at: Some(Timestamp::now()),
            record: changed,
        };
        refused(writer.write_ties(vec![incoming]).await?)?;
        let after = writer.read_tie(uid).await?.ok_or(not_found("tie"))?;
        if after.record == before.record {
            // Nothing changed: keep the tie as it was, times included.
            writer.rollback().await?;
            return Ok(before);
        }
        record(
            &mut writer,
            Change {
                caller,
                action: AuditAction::Update,
                table: Table::Ties,
                record: uid,
                organization: owner,
                before: json(&before),
                after: json(&after),
            },
        )
        .await?;
        self.commit(writer).await?;
        Ok(after)
    }

    pub async fn delete_tie(&self, caller: &Caller, uid: Uid) -> Result<(), ServiceError> {
        let store = &self.store;
        let before = self.tie(caller, uid).await?;
        let owner = before.owner.as_ref().map(|o| o.uid);
        require(caller, Action::Delete, &Resource::tie(&before, true), "tie")?;
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        if !writer.delete(uid).await? {
            return Err(not_found("tie"));
        }
        self.commit_deletion(writer, caller, Table::Ties, uid, owner, json(&before))
            .await
    }

    /// The audit log the caller may read: everything for an administrator,
    /// their organization's for an officer.
    pub async fn audit_log(
        &self,
        caller: &Caller,
        before: Option<i64>,
    ) -> Result<Vec<(i64, AuditEntry)>, ServiceError> {
        let store = &self.store;
        let log = caller.audit_log();
        require(caller, Action::Read, &log, "audit log")?;
        let Resource::AuditLog { organization } = log else {
            return Err(not_found("audit log"));
        };
        Ok(store.audit_log(organization, before, 100).await?)
    }
}
