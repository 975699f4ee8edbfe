//! The audit log: every create, update, delete and erase, with who did it,
//! when, and the record before and after. Entries are written inside the
//! transaction of the change they describe, so one never lands without the
//! other.

use kyoso_domain::Uid;
use kyoso_domain::{AuditAction, AuditEntry};
use sqlx::types::Json;
use uuid::Uuid;

use crate::value::DbTime;
use crate::{Store, StoreError, dispatch};

#[derive(sqlx::FromRow)]
struct AuditRow {
    id: i64,
    at: DbTime,
    actor: String,
    action: String,
    record_table: String,
    record_uid: Uuid,
    organization_uid: Option<Uuid>,
    before: Option<Json<serde_json::Value>>,
    after: Option<Json<serde_json::Value>>,
}

impl Store {
    /// Audit entries, newest first, before `before_id`; only those of one
    /// organization's records when `organization` is given.
    /// Every audit entry about one record, oldest first.
    pub async fn audit_log_of_record(
        &self,
        record: Uid,
    ) -> Result<Vec<(i64, AuditEntry)>, StoreError> {
        let mut entries = self
            .audit_entries(
                " WHERE a.record_uid = $1 ORDER BY a.id",
                Some(record.uuid()),
                None,
                None,
            )
            .await?;
        entries.sort_by_key(|(id, _)| *id);
        Ok(entries)
    }

    pub async fn audit_log(
        &self,
        organization: Option<Uid>,
        before_id: Option<i64>,
        limit: i64,
    ) -> Result<Vec<(i64, AuditEntry)>, StoreError> {
        let before = before_id.unwrap_or(i64::MAX);
        match organization {
            Some(org) => {
                self.audit_entries(
                    " WHERE o.uid = $1 AND a.id < $2 ORDER BY a.id DESC LIMIT $3",
                    Some(org.uuid()),
                    Some(before),
                    Some(limit),
                )
                .await
            }
            None => {
                self.audit_entries(
                    " WHERE a.id < $1 ORDER BY a.id DESC LIMIT $2",
                    None,
                    Some(before),
                    Some(limit),
                )
                .await
            }
        }
    }

    async fn audit_entries(
        &self,
        filter: &str,
        uid: Option<Uuid>,
        before: Option<i64>,
        limit: Option<i64>,
    ) -> Result<Vec<(i64, AuditEntry)>, StoreError> {
        let sql = format!(
            "SELECT a.id, a.at, a.actor, a.action, a.record_table, a.record_uid, \
             o.uid AS organization_uid, a.before, a.after \
             FROM audit_log a LEFT JOIN organizations o ON o.id = a.organization_id{filter}"
        );
        let rows: Vec<AuditRow> = dispatch!(self, pool => {
            let mut query = sqlx::query_as(sqlx::AssertSqlSafe(sql));
            if let Some(uid) = uid {
                query = query.bind(uid);
            }
            if let Some(before) = before {
                query = query.bind(before);
            }
            if let Some(limit) = limit {
                query = query.bind(limit);
            }
            query.fetch_all(pool).await?
        });
        Ok(rows
            .into_iter()
            .map(|r| {
                let action = match r.action.as_str() {
                    "create" => AuditAction::Create,
                    "update" => AuditAction::Update,
                    "delete" => AuditAction::Delete,
                    _ => AuditAction::Erase,
                };
                (
                    r.id,
                    AuditEntry {
                        at: r.at.0,
                        actor: r.actor,
                        action,
                        table: r.record_table,
                        record: Uid::from_uuid(r.record_uid),
                        organization: r.organization_uid.map(Uid::from_uuid),
                        before: r.before.map(|j| j.0),
                        after: r.after.map(|j| j.0),
                    },
                )
            })
            .collect())
    }
}
