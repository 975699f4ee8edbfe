//! `kyoso db check`: the database engine's own integrity checks, the
//! registry's invariants, and every record read back through the domain
//! rules.

use kyoso_domain::CheckReport;
use std::collections::{HashMap, HashSet};

use crate::{Engine, Store, StoreError, dispatch};

/// The secondary indexes the migrations create; a missing one is a problem
/// (a bulk load that dropped it must have rebuilt it before committing).
const EXPECTED_INDEXES: &[&str] = &[
    "organizations_uid",
    "organizations_external_id",
    "organizations_parent",
    "organizations_owner",
    "people_uid",
    "people_external_id",
    "people_owner",
    "people_residence",
    "ties_uid",
    "ties_external_id",
    "ties_from_person",
    "ties_from_org",
    "ties_to_person",
    "ties_to_org",
    "ties_to_event",
    "ties_event",
    "events_uid",
    "events_external_id",
];

/// Queries that must return no rows, each with what a row would mean.
const INVARIANTS: &[(&str, &str)] = &[
    (
        "ties whose person at the 'from' end is missing",
        "SELECT t.id FROM ties t LEFT JOIN people p ON p.id = t.from_person_id \
         WHERE t.from_person_id IS NOT NULL AND p.id IS NULL",
    ),
    (
        "ties whose person at the 'to' end is missing",
        "SELECT t.id FROM ties t LEFT JOIN people p ON p.id = t.to_person_id \
         WHERE t.to_person_id IS NOT NULL AND p.id IS NULL",
    ),
    (
        "ties whose organization at the 'from' end is missing",
        "SELECT t.id FROM ties t LEFT JOIN organizations o ON o.id = t.from_org_id \
         WHERE t.from_org_id IS NOT NULL AND o.id IS NULL",
    ),
    (
        "ties whose organization at the 'to' end is missing",
        "SELECT t.id FROM ties t LEFT JOIN organizations o ON o.id = t.to_org_id \
         WHERE t.to_org_id IS NOT NULL AND o.id IS NULL",
    ),
    (
        "ties whose event at the 'to' end is missing",
        "SELECT t.id FROM ties t LEFT JOIN events e ON e.id = t.to_event_id \
         WHERE t.to_event_id IS NOT NULL AND e.id IS NULL",
    ),
    (
        "ties without exactly one record at each end",
        "SELECT id FROM ties WHERE (from_person_id IS NULL) = (from_org_id IS NULL) \
         OR (CASE WHEN to_person_id IS NULL THEN 0 ELSE 1 END \
             + CASE WHEN to_org_id IS NULL THEN 0 ELSE 1 END \
             + CASE WHEN to_event_id IS NULL THEN 0 ELSE 1 END) <> 1",
    ),
    (
        "people whose owner organization is missing",
        "SELECT p.id FROM people p LEFT JOIN organizations o ON o.id = p.owner_id \
         WHERE p.owner_id IS NOT NULL AND o.id IS NULL",
    ),
    (
        "organizations whose parent is missing",
        "SELECT c.id FROM organizations c LEFT JOIN organizations p ON p.id = c.parent_id \
         WHERE c.parent_id IS NOT NULL AND p.id IS NULL",
    ),
    (
        "records sharing a uid",
        "SELECT uid FROM people GROUP BY uid HAVING count(*) > 1 \
         UNION ALL SELECT uid FROM organizations GROUP BY uid HAVING count(*) > 1 \
         UNION ALL SELECT uid FROM ties GROUP BY uid HAVING count(*) > 1 \
         UNION ALL SELECT uid FROM events GROUP BY uid HAVING count(*) > 1",
    ),
    (
        "records updated before they were created",
        "SELECT id FROM people WHERE updated_at < created_at \
         UNION ALL SELECT id FROM organizations WHERE updated_at < created_at \
         UNION ALL SELECT id FROM ties WHERE updated_at < created_at \
         UNION ALL SELECT id FROM events WHERE updated_at < created_at",
    ),
];

/// Records read back per page.
const PAGE: i64 = 5_000;

impl Store {
    pub async fn check(&self) -> Result<CheckReport, StoreError> {
        let mut report = CheckReport::default();
        self.check_engine(&mut report).await?;
        self.check_indexes(&mut report).await?;
        for (what, sql) in INVARIANTS {
            let count: i64 = dispatch!(self, pool => {
                sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT count(*) FROM ({sql}) found")))
                    .fetch_one(pool)
                    .await?
            });
            if count > 0 {
                report.problems.push(format!("{count} {what}"));
            }
        }
        self.check_parent_cycles(&mut report).await?;
        self.check_records(&mut report).await?;
        Ok(report)
    }

    async fn check_engine(&self, report: &mut CheckReport) -> Result<(), StoreError> {
        let crate::Pool::Sqlite(pool) = &self.pool else {
            // PostgreSQL enforces its constraints on every write and has no
            // page-level check built in; the invariants below cover the rest.
            return Ok(());
        };
        let integrity: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_all(pool)
            .await?;
        if integrity != ["ok"] {
            report.problems.extend(
                integrity
                    .into_iter()
                    .map(|line| format!("integrity: {line}")),
            );
        }
        let foreign: Vec<(String, Option<i64>, String)> =
            sqlx::query_as("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check")
                .fetch_all(pool)
                .await?;
        for (table, rowid, parent) in foreign {
            report.problems.push(format!(
                "foreign key: {table} row {} refers to a missing {parent} record",
                rowid.unwrap_or_default()
            ));
        }
        Ok(())
    }

    async fn check_indexes(&self, report: &mut CheckReport) -> Result<(), StoreError> {
        let sql = match self.engine() {
            Engine::Sqlite => "SELECT name FROM sqlite_master WHERE type = 'index'",
            Engine::Postgres => {
                "SELECT indexname::text FROM pg_indexes WHERE schemaname = current_schema()"
            }
        };
        let present: HashSet<String> = dispatch!(self, pool => {
            sqlx::query_scalar::<_, String>(sql).fetch_all(pool).await?.into_iter().collect()
        });
        for index in EXPECTED_INDEXES {
            if !present.contains(*index) {
                report.problems.push(format!("index {index} is missing"));
            }
        }
        Ok(())
    }

    async fn check_parent_cycles(&self, report: &mut CheckReport) -> Result<(), StoreError> {
        let rows: Vec<(i64, i64)> = dispatch!(self, pool => {
            sqlx::query_as("SELECT id, parent_id FROM organizations WHERE parent_id IS NOT NULL")
                .fetch_all(pool)
                .await?
        });
        let parent: HashMap<i64, i64> = rows.into_iter().collect();
        let mut in_cycle = HashSet::new();
        for &start in parent.keys() {
            let mut at = start;
            for _ in 0..=parent.len() {
                match parent.get(&at) {
                    Some(&next) if next == start => {
                        in_cycle.insert(start);
                        break;
                    }
                    Some(&next) => at = next,
                    None => break,
                }
            }
        }
        if !in_cycle.is_empty() {
            report.problems.push(format!(
                "{} organizations are their own ancestors",
                in_cycle.len()
            ));
        }
        Ok(())
    }

    /// Reads every record back through the domain rules.
    async fn check_records(&self, report: &mut CheckReport) -> Result<(), StoreError> {
        macro_rules! read_all {
            ($page:ident, $count:expr) => {{
                let mut after = 0;
                loop {
                    match self.$page(after, PAGE).await {
                        Ok(page) => {
                            let Some(last) = page.last() else { break };
                            after = last.id;
                            $count += page.len() as i64;
                        }
                        Err(StoreError::Damaged {
                            table,
                            id,
                            field,
                            message,
                        }) => {
                            report
                                .problems
                                .push(format!("{table} record {id}: {field}: {message}"));
                            // Skip past the damaged record and go on.
                            after = id;
                        }
                        Err(other) => return Err(other),
                    }
                }
            }};
        }
        read_all!(organizations_page, report.checked.organizations);
        read_all!(people_page, report.checked.people);
        read_all!(ties_page, report.checked.ties);
        read_all!(events_page, report.checked.events);
        Ok(())
    }
}
