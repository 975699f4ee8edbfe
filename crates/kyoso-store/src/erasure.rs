//! Erasure: what a person's erasure removes outside their own record, in
//! the writer's transaction, and the record of erasures and of requests for
//! one (docs/DATA-PROTECTION.md).

use kyoso_domain::{ERASED, Erasure, ErasureRequest, ErasureStatus};
use kyoso_domain::{Timestamp, Uid};
use serde_json::Value as Json;
use sqlx::AssertSqlSafe;
use uuid::Uuid;

use crate::bulk::{BulkWriter, Tx, on_tx};
use crate::value::DbTime;
use crate::{Pool, Store, StoreError};

/// Keys of the audit log's snapshots that hold free text someone wrote.
const FREE_TEXT_KEYS: &[&str] = &[
    "note",
    "notes",
    "description",
    "findings",
    "actions",
    "role",
    "bio",
    "results",
    "body",
];

/// The person's local key, for the statements below.
const PERSON: &str = "(SELECT id FROM people WHERE uid = $1)";

/// Replaces every string in `json` that contains one of `values` by
/// [`ERASED`], empties the free-text fields, and cuts links to `person`
/// down to their id. Returns whether anything changed.
pub(crate) fn scrub(json: &mut Json, person: &str, values: &[String], free_text: bool) -> bool {
    let mut changed = false;
    match json {
        Json::String(text) if values.iter().any(|v| text.contains(v.as_str())) => {
            *text = ERASED.to_owned();
            changed = true;
        }
        Json::Array(items) => {
            for item in items {
                changed |= scrub(item, person, values, free_text);
            }
        }
        Json::Object(map) => {
            // A link to the person keeps only their id.
            let is_link = map.get("uid").and_then(Json::as_str) == Some(person);
            if is_link {
                let before = map.len();
                map.retain(|key, _| key == "uid");
                changed |= map.len() != before;
            }
            for (key, value) in map.iter_mut() {
                if free_text && FREE_TEXT_KEYS.contains(&key.as_str()) && !value.is_null() {
                    *value = Json::Null;
                    changed = true;
                } else {
                    changed |= scrub(value, person, values, free_text);
                }
            }
        }
        _ => {}
    }
    changed
}

impl BulkWriter {
    /// Removes what is kept of the person `uid` outside their own record:
    /// the notes and free text of their ties, participations, journeys,
    /// grievances, follow-ups, outcomes, visits and matches; their user
    /// accounts (with sessions and tokens); the questions they asked and
    /// the answers they gave; and, in the audit log, the
    /// snapshots of their record, the free text of the records about them,
    /// and every other mention of `values` (their names, email, phone,
    /// external id). Their record itself is cleared by the caller.
    pub async fn redact_person(&mut self, uid: Uid, values: &[String]) -> Result<(), StoreError> {
        let participations = format!("(SELECT id FROM participations WHERE person_id = {PERSON})");
        let matches = format!(
            "(SELECT id FROM matches WHERE person_id = {PERSON} OR champion_id = {PERSON})"
        );
        let statements = [
            format!(
                "UPDATE ties SET role = NULL, note = NULL \
                 WHERE from_person_id = {PERSON} OR to_person_id = {PERSON}"
            ),
            format!("UPDATE participations SET note = NULL WHERE person_id = {PERSON}"),
            format!(
                "UPDATE journey_entries SET note = NULL \
                 WHERE note IS NOT NULL AND participation_id IN {participations}"
            ),
            format!(
                "UPDATE grievance_events SET note = NULL WHERE note IS NOT NULL AND grievance_id IN \
                 (SELECT id FROM grievances WHERE participation_id IN {participations})"
            ),
            format!(
                "UPDATE grievances SET description = '{ERASED}' WHERE participation_id IN {participations}"
            ),
            format!("UPDATE follow_ups SET note = NULL WHERE participation_id IN {participations}"),
            format!("UPDATE outcomes SET note = NULL WHERE participation_id IN {participations}"),
            format!(
                "UPDATE monitoring_visits SET findings = '{ERASED}', actions = NULL \
                 WHERE participation_id IN {participations}"
            ),
            format!(
                "UPDATE match_events SET note = NULL WHERE note IS NOT NULL AND match_id IN {matches}"
            ),
            format!("UPDATE matches SET reasons = '[]' WHERE person_id = {PERSON}"),
            format!("DELETE FROM users WHERE person_id = {PERSON}"),
            // What they wrote to the network goes with them: their answers,
            // and their questions with the answers others gave.
            format!("DELETE FROM answers WHERE person_id = {PERSON}"),
            format!("DELETE FROM questions WHERE asked_by_id = {PERSON}"),
        ];
        for sql in statements {
            on_tx!(&mut self.tx, conn => {
                sqlx::query(AssertSqlSafe(sql)).bind(uid.uuid()).execute(&mut **conn).await?;
            });
        }
        self.scrub_needs(uid, values).await?;
        self.scrub_audit_log(uid, values).await
    }

    /// Needs the person posted keep what they ask for, without the
    /// person's names or contact in it.
    async fn scrub_needs(&mut self, uid: Uid, values: &[String]) -> Result<(), StoreError> {
        let sql = format!(
            "SELECT id, uid, title, description FROM needs WHERE posted_by_person_id = {PERSON}"
        );
        let rows: Vec<(i64, Uuid, String, Option<String>)> = on_tx!(&mut self.tx, conn => {
            sqlx::query_as(AssertSqlSafe(sql)).bind(uid.uuid()).fetch_all(&mut **conn).await?
        });
        for (id, need, title, description) in rows {
            self.changed("needs", Some(Uid::from_uuid(need))).await?;
            let replace = |text: &str| {
                values
                    .iter()
                    .fold(text.to_owned(), |t, v| t.replace(v.as_str(), ERASED))
            };
            let (title, description) = (replace(&title), description.as_deref().map(replace));
            on_tx!(&mut self.tx, conn => {
                sqlx::query("UPDATE needs SET title = $1, description = $2 WHERE id = $3")
                    .bind(title).bind(description).bind(id).execute(&mut **conn).await?;
            });
        }
        Ok(())
    }

    /// The audit log: the person's own entries lose their snapshots; the
    /// entries of records about them lose their free text and the person's
    /// details; any other entry naming one of `values` loses that text.
    async fn scrub_audit_log(&mut self, uid: Uid, values: &[String]) -> Result<(), StoreError> {
        on_tx!(&mut self.tx, conn => {
            sqlx::query("UPDATE audit_log SET before = NULL, after = NULL WHERE record_uid = $1")
                .bind(uid.uuid()).execute(&mut **conn).await?;
        });
        let participations = format!("(SELECT id FROM participations WHERE person_id = {PERSON})");
        let related = format!(
            "SELECT uid FROM ties WHERE from_person_id = {PERSON} OR to_person_id = {PERSON} \
             UNION SELECT uid FROM participations WHERE person_id = {PERSON} \
             UNION SELECT uid FROM outcomes WHERE participation_id IN {participations} \
             UNION SELECT uid FROM follow_ups WHERE participation_id IN {participations} \
             UNION SELECT uid FROM monitoring_visits WHERE participation_id IN {participations} \
             UNION SELECT uid FROM matches WHERE person_id = {PERSON} OR champion_id = {PERSON} \
             UNION SELECT uid FROM needs WHERE posted_by_person_id = {PERSON}"
        );
        let related: Vec<Uuid> = on_tx!(&mut self.tx, conn => {
            sqlx::query_scalar(AssertSqlSafe(related)).bind(uid.uuid()).fetch_all(&mut **conn).await?
        });
        let person = uid.to_string();
        let mut candidates: Vec<(i64, Option<Json>, Option<Json>, bool)> = Vec::new();
        for record in related {
            for (id, before, after) in self.audit_snapshots_of(record).await? {
                candidates.push((id, before, after, true));
            }
        }
        for value in values.iter().filter(|v| !v.trim().is_empty()) {
            for (id, before, after) in self.audit_snapshots_naming(value).await? {
                candidates.push((id, before, after, false));
            }
        }
        for (id, mut before, mut after, free_text) in candidates {
            let mut changed = false;
            for snapshot in [&mut before, &mut after].into_iter().flatten() {
                changed |= scrub(snapshot, &person, values, free_text);
            }
            if changed {
                self.replace_audit_snapshots(id, before, after).await?;
            }
        }
        Ok(())
    }

    async fn audit_snapshots_of(
        &mut self,
        record: Uuid,
    ) -> Result<Vec<(i64, Option<Json>, Option<Json>)>, StoreError> {
        self.audit_snapshots("record_uid = $1", AuditKey::Record(record))
            .await
    }

    async fn audit_snapshots_naming(
        &mut self,
        value: &str,
    ) -> Result<Vec<(i64, Option<Json>, Option<Json>)>, StoreError> {
        self.audit_snapshots("", AuditKey::Mentions(value.to_owned()))
            .await
    }

    async fn audit_snapshots(
        &mut self,
        condition: &str,
        key: AuditKey,
    ) -> Result<Vec<(i64, Option<Json>, Option<Json>)>, StoreError> {
        let rows: Vec<(i64, Option<String>, Option<String>)> = match &mut self.tx {
            Tx::Sqlite(conn) => {
                let (sql, query) = match &key {
                    AuditKey::Record(record) => (
                        format!("SELECT id, before, after FROM audit_log WHERE {condition}"),
                        Some(*record),
                    ),
                    AuditKey::Mentions(_) => (
                        "SELECT id, before, after FROM audit_log \
                         WHERE instr(before, $1) > 0 OR instr(after, $1) > 0"
                            .to_owned(),
                        None,
                    ),
                };
                let q = sqlx::query_as(AssertSqlSafe(sql));
                match (query, &key) {
                    (Some(record), _) => q.bind(record).fetch_all(&mut **conn).await?,
                    (None, AuditKey::Mentions(value)) => {
                        q.bind(value.clone()).fetch_all(&mut **conn).await?
                    }
                    _ => Vec::new(),
                }
            }
            Tx::Postgres(conn) => {
                let (sql, query) = match &key {
                    AuditKey::Record(record) => (
                        format!(
                            "SELECT id, before::text, after::text FROM audit_log WHERE {condition}"
                        ),
                        Some(*record),
                    ),
                    AuditKey::Mentions(_) => (
                        "SELECT id, before::text, after::text FROM audit_log \
                         WHERE strpos(before::text, $1) > 0 OR strpos(after::text, $1) > 0"
                            .to_owned(),
                        None,
                    ),
                };
                let q = sqlx::query_as(AssertSqlSafe(sql));
                match (query, &key) {
                    (Some(record), _) => q.bind(record).fetch_all(&mut **conn).await?,
                    (None, AuditKey::Mentions(value)) => {
                        q.bind(value.clone()).fetch_all(&mut **conn).await?
                    }
                    _ => Vec::new(),
                }
            }
            Tx::Ended => unreachable!("a bulk writer is used after it ended"),
        };
        let parse = |text: Option<String>| text.and_then(|t| serde_json::from_str(&t).ok());
        Ok(rows
            .into_iter()
            .map(|(id, before, after)| (id, parse(before), parse(after)))
            .collect())
    }

    async fn replace_audit_snapshots(
        &mut self,
        id: i64,
        before: Option<Json>,
        after: Option<Json>,
    ) -> Result<(), StoreError> {
        match &mut self.tx {
            Tx::Sqlite(conn) => {
                sqlx::query("UPDATE audit_log SET before = $1, after = $2 WHERE id = $3")
                    .bind(before.map(|j| j.to_string()))
                    .bind(after.map(|j| j.to_string()))
                    .bind(id)
                    .execute(&mut **conn)
                    .await?;
            }
            Tx::Postgres(conn) => {
                sqlx::query("UPDATE audit_log SET before = $1, after = $2 WHERE id = $3")
                    .bind(before)
                    .bind(after)
                    .bind(id)
                    .execute(&mut **conn)
                    .await?;
            }
            Tx::Ended => unreachable!("a bulk writer is used after it ended"),
        }
        Ok(())
    }

    /// Records that the person `uid` was erased, by whom (as trails name them).
    pub async fn record_erasure(&mut self, uid: Uid, by: &str) -> Result<(), StoreError> {
        let now = Timestamp::now();
        on_tx!(&mut self.tx, conn => {
            sqlx::query("INSERT INTO erasures (person_uid, erased_at, erased_by) VALUES ($1, $2, $3)")
                .bind(uid.uuid()).bind(DbTime(now)).bind(by).execute(&mut **conn).await?;
        });
        on_tx!(&mut self.tx, conn => {
            sqlx::query(AssertSqlSafe(format!(
                "UPDATE erasure_requests SET status = 'done', decided_at = $2, decided_by = $3, reason = NULL \
                 WHERE person_id = {PERSON} AND status <> 'done'"
            )))
            .bind(uid.uuid()).bind(DbTime(now)).bind(by).execute(&mut **conn).await?;
        });
        Ok(())
    }

    /// Records a person's request to have their record erased.
    pub async fn request_erasure(&mut self, person: Uid, by: &str) -> Result<Uid, StoreError> {
        let uid = Uid::new();
        let inserted = on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "INSERT INTO erasure_requests (uid, person_id, requested_at, requested_by, status) \
                 SELECT $2, id, $3, $4, 'pending' FROM people WHERE uid = $1",
            )
            .bind(person.uuid()).bind(uid.uuid()).bind(DbTime(Timestamp::now())).bind(by)
            .execute(&mut **conn).await?.rows_affected()
        });
        if inserted == 0 {
            return Err(StoreError::NotFound { what: "person" });
        }
        Ok(uid)
    }

    /// Records why an erasure request cannot be carried out yet.
    pub async fn postpone_erasure(
        &mut self,
        request: Uid,
        reason: &str,
        by: &str,
    ) -> Result<(), StoreError> {
        on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "UPDATE erasure_requests SET status = 'postponed', reason = $2, decided_at = $3, \
                 decided_by = $4 WHERE uid = $1 AND status <> 'done'",
            )
            .bind(request.uuid()).bind(reason).bind(DbTime(Timestamp::now())).bind(by)
            .execute(&mut **conn).await?;
        });
        Ok(())
    }
}

enum AuditKey {
    Record(Uuid),
    Mentions(String),
}

#[derive(sqlx::FromRow)]
struct RequestRow {
    uid: Uuid,
    person_uid: Uuid,
    owner_uid: Option<Uuid>,
    requested_at: DbTime,
    requested_by: String,
    status: String,
    reason: Option<String>,
    decided_at: Option<DbTime>,
    decided_by: Option<String>,
}

impl RequestRow {
    fn into_request(self) -> ErasureRequest {
        ErasureRequest {
            uid: Uid::from_uuid(self.uid),
            person: Uid::from_uuid(self.person_uid),
            owner: self.owner_uid.map(Uid::from_uuid),
            requested_at: self.requested_at.0,
            requested_by: self.requested_by,
            status: ErasureStatus::parse(&self.status),
            reason: self.reason,
            decided_at: self.decided_at.map(|t| t.0),
            decided_by: self.decided_by,
        }
    }
}

const REQUEST_SELECT: &str = "SELECT r.uid, p.uid AS person_uid, o.uid AS owner_uid, \
    r.requested_at, r.requested_by, r.status, r.reason, r.decided_at, r.decided_by \
    FROM erasure_requests r JOIN people p ON p.id = r.person_id \
    LEFT JOIN organizations o ON o.id = p.owner_id";

impl Store {
    /// Every erasure carried out, oldest first.
    pub async fn erasures(&self) -> Result<Vec<Erasure>, StoreError> {
        let rows: Vec<(Uuid, DbTime, String)> = crate::dispatch!(self, pool => {
            sqlx::query_as("SELECT person_uid, erased_at, erased_by FROM erasures ORDER BY id")
                .fetch_all(pool).await?
        });
        Ok(rows
            .into_iter()
            .map(|(person, at, by)| Erasure {
                person: Uid::from_uuid(person),
                at: at.0,
                by,
            })
            .collect())
    }

    /// One erasure request.
    pub async fn erasure_request(&self, uid: Uid) -> Result<Option<ErasureRequest>, StoreError> {
        let sql = format!("{REQUEST_SELECT} WHERE r.uid = $1");
        let row: Option<RequestRow> = crate::dispatch!(self, pool => {
            sqlx::query_as(AssertSqlSafe(sql)).bind(uid.uuid()).fetch_optional(pool).await?
        });
        Ok(row.map(RequestRow::into_request))
    }

    /// Erasure requests not yet carried out, of people owned by `owner`
    /// (of everyone, if none), oldest first; or every request of `person`.
    pub async fn erasure_requests(
        &self,
        owner: Option<Uid>,
        person: Option<Uid>,
    ) -> Result<Vec<ErasureRequest>, StoreError> {
        let sql = format!(
            "{REQUEST_SELECT} WHERE ($1 IS NULL OR o.uid = $1) AND ($2 IS NULL OR p.uid = $2) \
             AND ($2 IS NOT NULL OR r.status <> 'done') ORDER BY r.id"
        );
        let rows: Vec<RequestRow> = match &self.pool {
            Pool::Sqlite(pool) => {
                sqlx::query_as(AssertSqlSafe(sql))
                    .bind(owner.map(|o| o.uuid()))
                    .bind(person.map(|p| p.uuid()))
                    .fetch_all(pool)
                    .await?
            }
            Pool::Postgres(pool) => {
                sqlx::query_as(AssertSqlSafe(
                    sql.replace("$1 IS NULL", "$1::uuid IS NULL")
                        .replace("$2 IS NULL", "$2::uuid IS NULL")
                        .replace("$2 IS NOT NULL", "$2::uuid IS NOT NULL"),
                ))
                .bind(owner.map(|o| o.uuid()))
                .bind(person.map(|p| p.uuid()))
                .fetch_all(pool)
                .await?
            }
        };
        Ok(rows.into_iter().map(RequestRow::into_request).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrubbing_removes_values_free_text_and_link_details() {
        let person = "01a2";
        let mut json = serde_json::json!({
            "name_latin": "Somchai Prasert",
            "note": "met at the seminar",
            "from": {"uid": "01a2", "external_id": "ALUMNI-7"},
            "to": {"uid": "0999", "external_id": "TPA"},
            "list": ["call Somchai Prasert", "kaizen"],
            "start": "2020"
        });
        assert!(scrub(
            &mut json,
            person,
            &["Somchai Prasert".to_owned()],
            true
        ));
        assert_eq!(
            json,
            serde_json::json!({
                "name_latin": ERASED,
                "note": null,
                "from": {"uid": "01a2"},
                "to": {"uid": "0999", "external_id": "TPA"},
                "list": [ERASED, "kaizen"],
                "start": "2020"
            })
        );
        let mut untouched = serde_json::json!({"note": "kept", "kind": "member_of"});
        assert!(!scrub(
            &mut untouched,
            person,
            &["Somchai".to_owned()],
            false
        ));
    }
}
