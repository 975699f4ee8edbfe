//! Reading and writing single records of the registry. Writes go through the
//! same [`BulkWriter`] as imports, so that a record made in a form and one
//! made from a file obey the same rules.

use kyoso_domain::Counts;
use kyoso_domain::{
    CountryCode, Email, EntityKind, Event, ExternalId, Gender, Link, Organization, Person, Phone,
    Stored, Tie, Timestamp, Uid,
};

use crate::read::{self, EventRow, OrganizationRow, PersonRow, TieRow};
use crate::value::Value;
use crate::{Store, StoreError, Table, dispatch};

/// The identity and times a row is written with.
pub(crate) struct RowMeta {
    pub(crate) uid: Uid,
    pub(crate) external_id: Option<ExternalId>,
    pub(crate) owner_id: Option<i64>,
    pub(crate) created_at: Timestamp,
    pub(crate) updated_at: Timestamp,
}

impl RowMeta {
    fn head(&self) -> [Value; 3] {
        [
            Value::Uid(self.uid),
            Value::str(self.external_id.as_ref().map(ExternalId::as_str)),
            Value::id(self.owner_id),
        ]
    }

    fn tail(&self) -> [Value; 2] {
        [Value::Time(self.created_at), Value::Time(self.updated_at)]
    }
}

fn names(names: &kyoso_domain::Names) -> [Value; 3] {
    [
        Value::str(names.native.as_deref()),
        Value::str(names.latin.as_deref()),
        Value::str(names.japanese.as_deref()),
    ]
}

/// A person's values in [`Table::People`]'s column order.
pub(crate) fn person_values(meta: &RowMeta, p: &Person) -> Vec<Value> {
    let mut v = Vec::with_capacity(Table::People.columns().len());
    v.extend(meta.head());
    v.extend(names(&p.names));
    v.push(Value::str(p.gender.as_ref().map(Gender::as_str)));
    v.push(Value::str(p.residence.as_ref().map(CountryCode::as_str)));
    v.push(Value::str(p.nationality.as_ref().map(CountryCode::as_str)));
    v.push(Value::json(
        &p.languages
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
    ));
    v.push(Value::json(&p.skills));
    v.push(Value::json(&p.sectors));
    v.push(Value::Bool(p.availability.mentoring));
    v.push(Value::Bool(p.availability.dispatch));
    v.push(Value::str(p.contact.email.as_ref().map(Email::as_str)));
    v.push(Value::str(p.contact.phone.as_ref().map(Phone::as_str)));
    v.push(Value::str(p.bio.as_deref()));
    v.push(Value::Bool(p.consent.processing));
    v.push(Value::Bool(p.consent.contact));
    v.push(Value::Bool(p.consent.public_listing));
    v.push(Value::str(Some(p.visibility.as_str())));
    v.extend(meta.tail());
    v.push(Value::str(
        p.available_from.map(|d| d.to_string()).as_deref(),
    ));
    v.push(Value::json(&p.experience_countries));
    v.push(Value::Bool(p.availability.training));
    v
}

/// An organization's values in [`Table::Organizations`]'s column order.
pub(crate) fn organization_values(meta: &RowMeta, o: &Organization<Option<i64>>) -> Vec<Value> {
    let mut v = Vec::with_capacity(Table::Organizations.columns().len());
    v.extend(meta.head());
    v.extend(names(&o.names));
    v.push(Value::text(o.acronym.as_ref()));
    v.push(Value::Int(i64::from(o.org_type.code())));
    v.push(Value::text(o.country));
    v.push(Value::json(&o.sectors));
    v.push(Value::id(o.parent.flatten()));
    v.push(Value::text(o.website.as_ref()));
    v.push(Value::text(Some(o.visibility)));
    v.extend(meta.tail());
    v
}

/// An event's values in [`Table::Events`]'s column order.
pub(crate) fn event_values(meta: &RowMeta, e: &Event<i64>) -> Vec<Value> {
    let mut v = Vec::with_capacity(Table::Events.columns().len());
    v.extend(meta.head());
    v.extend(names(&e.names));
    v.push(Value::text(Some(e.kind)));
    v.push(Value::text(Some(e.start)));
    v.push(Value::text(e.end));
    v.push(Value::text(e.place.as_ref()));
    v.push(Value::text(e.country));
    v.push(Value::id(e.organizer));
    v.push(Value::text(Some(e.visibility)));
    v.extend(meta.tail());
    v
}

/// A tie's values in [`Table::Ties`]'s column order; its ends are local keys.
pub(crate) fn tie_values(meta: &RowMeta, t: &Tie<i64>) -> Vec<Value> {
    // The columns of a person, an organization and an event at one end;
    // a tie starts at a person or an organization only.
    let end = |kind: EntityKind, key: i64| match kind {
        EntityKind::Person => [Value::Int(key), Value::Null, Value::Null],
        EntityKind::Organization => [Value::Null, Value::Int(key), Value::Null],
        EntityKind::Event => [Value::Null, Value::Null, Value::Int(key)],
    };
    let mut v = Vec::with_capacity(Table::Ties.columns().len());
    v.extend(meta.head());
    v.push(Value::text(Some(t.kind)));
    let [from_person, from_org, _] = end(t.from.kind, t.from.key);
    let [to_person, to_org, to_event] = end(t.to.kind, t.to.key);
    v.extend([from_person, from_org, to_person, to_org]);
    v.push(Value::text(Some(t.start)));
    v.push(Value::text(t.end));
    v.push(t.strength.map_or(Value::Null, |s| Value::Real(s.value())));
    v.push(Value::text(t.role.as_ref()));
    v.push(Value::text(t.note.as_ref()));
    v.push(Value::text(Some(&t.asserted_by)));
    v.push(Value::Time(t.asserted_at));
    v.push(Value::text(Some(t.visibility)));
    v.extend(meta.tail());
    v.push(to_event);
    v.push(Value::id(t.event));
    v
}

macro_rules! fetch_by {
    ($store:expr, $row:ty, $sql:expr, $bind:expr) => {
        dispatch!($store, pool => {
            sqlx::query_as::<_, $row>(sqlx::AssertSqlSafe($sql))
                .bind($bind)
                .fetch_optional(pool)
                .await?
        })
    };
}

macro_rules! fetch_page {
    ($store:expr, $row:ty, $sql:expr, $after:expr, $limit:expr) => {
        dispatch!($store, pool => {
            sqlx::query_as::<_, $row>(sqlx::AssertSqlSafe($sql))
                .bind($after)
                .bind($limit)
                .fetch_all(pool)
                .await?
        })
    };
}

impl Store {
    pub async fn counts(&self) -> Result<Counts, StoreError> {
        let (organizations, people, ties, events): (i64, i64, i64, i64) = dispatch!(self, pool => {
            sqlx::query_as(
                "SELECT (SELECT count(*) FROM organizations), (SELECT count(*) FROM people), \
                 (SELECT count(*) FROM ties), (SELECT count(*) FROM events)",
            )
            .fetch_one(pool)
            .await?
        });
        Ok(Counts {
            organizations,
            people,
            ties,
            events,
        })
    }

    /// A cheap mark of the records' state: the newest local key of people,
    /// organizations, ties and the audit log. Adding a record, and every
    /// change or deletion made through the service (which writes the audit
    /// log), moves it; each part is a primary-key lookup.
    pub async fn network_version(&self) -> Result<[i64; 4], StoreError> {
        let (people, organizations, ties, audit): (i64, i64, i64, i64) = dispatch!(self, pool => {
            sqlx::query_as(
                "SELECT (SELECT coalesce(max(id), 0) FROM people), \
                 (SELECT coalesce(max(id), 0) FROM organizations), \
                 (SELECT coalesce(max(id), 0) FROM ties), \
                 (SELECT coalesce(max(id), 0) FROM audit_log)",
            )
            .fetch_one(pool)
            .await?
        });
        Ok([people, organizations, ties, audit])
    }

    // --- people ---

    pub async fn person(&self, uid: Uid) -> Result<Option<Stored<Person>>, StoreError> {
        if let Some(fast) = &self.fast_reads {
            return fast.person(uid)?.map(PersonRow::into_stored).transpose();
        }
        let row = fetch_by!(self, PersonRow, read::PERSON_BY_UID.as_str(), uid.uuid());
        row.map(PersonRow::into_stored).transpose()
    }

    pub async fn person_by_external_id(
        &self,
        external_id: &ExternalId,
    ) -> Result<Option<Stored<Person>>, StoreError> {
        let sql = format!("{} WHERE p.external_id = $1", read::PERSON_SELECT);
        let row = fetch_by!(self, PersonRow, sql, external_id.as_str());
        row.map(PersonRow::into_stored).transpose()
    }

    /// People in local-key order, after `after_id`: a page for export and lists.
    pub async fn people_page(
        &self,
        after_id: i64,
        limit: i64,
    ) -> Result<Vec<Stored<Person>>, StoreError> {
        let sql = format!(
            "{} WHERE p.id > $1 ORDER BY p.id LIMIT $2",
            read::PERSON_SELECT
        );
        let rows = fetch_page!(self, PersonRow, sql, after_id, limit);
        rows.into_iter().map(PersonRow::into_stored).collect()
    }

    // --- organizations ---

    pub async fn organization(
        &self,
        uid: Uid,
    ) -> Result<Option<Stored<Organization<Link>>>, StoreError> {
        let sql = format!("{} WHERE o.uid = $1", read::ORGANIZATION_SELECT);
        let row = fetch_by!(self, OrganizationRow, sql, uid.uuid());
        row.map(OrganizationRow::into_stored).transpose()
    }

    pub async fn organization_by_external_id(
        &self,
        external_id: &ExternalId,
    ) -> Result<Option<Stored<Organization<Link>>>, StoreError> {
        let sql = format!("{} WHERE o.external_id = $1", read::ORGANIZATION_SELECT);
        let row = fetch_by!(self, OrganizationRow, sql, external_id.as_str());
        row.map(OrganizationRow::into_stored).transpose()
    }

    pub async fn organizations_page(
        &self,
        after_id: i64,
        limit: i64,
    ) -> Result<Vec<Stored<Organization<Link>>>, StoreError> {
        let sql = format!(
            "{} WHERE o.id > $1 ORDER BY o.id LIMIT $2",
            read::ORGANIZATION_SELECT
        );
        let rows = fetch_page!(self, OrganizationRow, sql, after_id, limit);
        rows.into_iter().map(OrganizationRow::into_stored).collect()
    }

    // --- events ---

    pub async fn event(&self, uid: Uid) -> Result<Option<Stored<Event<Link>>>, StoreError> {
        let sql = format!("{} WHERE e.uid = $1", read::EVENT_SELECT);
        let row = fetch_by!(self, EventRow, sql, uid.uuid());
        row.map(EventRow::into_stored).transpose()
    }

    /// Events in local-key order, after `after_id`: a page for export.
    pub async fn events_page(
        &self,
        after_id: i64,
        limit: i64,
    ) -> Result<Vec<Stored<Event<Link>>>, StoreError> {
        let sql = format!(
            "{} WHERE e.id > $1 ORDER BY e.id LIMIT $2",
            read::EVENT_SELECT
        );
        let rows = fetch_page!(self, EventRow, sql, after_id, limit);
        rows.into_iter().map(EventRow::into_stored).collect()
    }

    pub async fn event_by_external_id(
        &self,
        external_id: &ExternalId,
    ) -> Result<Option<Stored<Event<Link>>>, StoreError> {
        let sql = format!("{} WHERE e.external_id = $1", read::EVENT_SELECT);
        let row = fetch_by!(self, EventRow, sql, external_id.as_str());
        row.map(EventRow::into_stored).transpose()
    }

    // --- ties ---

    pub async fn tie(&self, uid: Uid) -> Result<Option<Stored<Tie<Link>>>, StoreError> {
        let sql = format!("{} WHERE t.uid = $1", read::TIE_SELECT);
        let row = fetch_by!(self, TieRow, sql, uid.uuid());
        row.map(TieRow::into_stored).transpose()
    }

    pub async fn ties_page(
        &self,
        after_id: i64,
        limit: i64,
    ) -> Result<Vec<Stored<Tie<Link>>>, StoreError> {
        let sql = format!(
            "{} WHERE t.id > $1 ORDER BY t.id LIMIT $2",
            read::TIE_SELECT
        );
        let rows = fetch_page!(self, TieRow, sql, after_id, limit);
        rows.into_iter().map(TieRow::into_stored).collect()
    }

    /// The ties joining two records, in either direction, oldest first.
    pub async fn ties_joining(
        &self,
        a: (EntityKind, Uid),
        b: (EntityKind, Uid),
    ) -> Result<Vec<Stored<Tie<Link>>>, StoreError> {
        let (a_table, a_from, a_to) = end_columns(a.0, "t");
        let (b_table, b_from, b_to) = end_columns(b.0, "t");
        // By local key, so that the indexes on the end columns serve.
        let sql = format!(
            "{select} WHERE ({a_from} = (SELECT id FROM {a_table} WHERE uid = $1) \
                 AND {b_to} = (SELECT id FROM {b_table} WHERE uid = $2)) \
              OR ({b_from} = (SELECT id FROM {b_table} WHERE uid = $2) \
                 AND {a_to} = (SELECT id FROM {a_table} WHERE uid = $1)) \
             ORDER BY t.start_date, t.id",
            select = read::TIE_SELECT
        );
        let rows = dispatch!(self, pool => {
            sqlx::query_as::<_, TieRow>(sqlx::AssertSqlSafe(sql))
                .bind(a.1.uuid())
                .bind(b.1.uuid())
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(TieRow::into_stored).collect()
    }

    /// Every tie with `uid` (a person or an organization) at either end, oldest first.
    pub async fn ties_of(
        &self,
        kind: EntityKind,
        uid: Uid,
    ) -> Result<Vec<Stored<Tie<Link>>>, StoreError> {
        let (table, from, to) = end_columns(kind, "t2");
        let sql = format!(
            "{select} WHERE t.id IN ( \
                 SELECT t2.id FROM ties t2 JOIN {table} e ON e.id = {from} WHERE e.uid = $1 \
                 UNION SELECT t2.id FROM ties t2 JOIN {table} e ON e.id = {to} WHERE e.uid = $1) \
             ORDER BY t.start_date, t.id",
            select = read::TIE_SELECT
        );
        let rows = dispatch!(self, pool => {
            sqlx::query_as::<_, TieRow>(sqlx::AssertSqlSafe(sql))
                .bind(uid.uuid())
                .fetch_all(pool)
                .await?
        });
        rows.into_iter().map(TieRow::into_stored).collect()
    }
}

/// The table of a kind of record, and the columns of a tie `t` that name it
/// at its start and at its end. No tie starts at an event: its start is
/// NULL, which equals nothing.
fn end_columns(kind: EntityKind, t: &str) -> (&'static str, String, String) {
    match kind {
        EntityKind::Person => (
            "people",
            format!("{t}.from_person_id"),
            format!("{t}.to_person_id"),
        ),
        EntityKind::Organization => (
            "organizations",
            format!("{t}.from_org_id"),
            format!("{t}.to_org_id"),
        ),
        EntityKind::Event => ("events", "NULL".into(), format!("{t}.to_event_id")),
    }
}
