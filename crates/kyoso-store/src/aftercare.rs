//! What a participation gathers along the way: technical intern training
//! placements, monitoring visits, confidential grievances with their own
//! trail, and after return, follow-ups and outcomes.

use kyoso_domain::{
    AFTERCARE_TEXT_CHARS, Grievance, GrievanceEvent, StoredFollowUp, StoredOutcome, StoredVisit,
};
use kyoso_domain::{
    FollowUp, FollowUpChannel, FollowUpStatus, GrievanceCategory, GrievanceStatus, Link,
    MonitoringVisit, Outcome, OutcomeKind, PartialDate, RecordRef, RowError, Text, Timestamp,
    TitpPhase, TitpPlacement, Uid,
};
use uuid::Uuid;

use crate::bulk::on_tx;
use crate::query::Bind;
use crate::read::Checker;
use crate::value::DbTime;
use crate::{BulkWriter, Store, StoreError, dispatch};

fn multiline(
    c: &Checker,
    field: &'static str,
    raw: Option<String>,
) -> Result<Option<Text>, StoreError> {
    c.optional(field, raw, |s| Text::multiline(s, AFTERCARE_TEXT_CHARS))
}

const PLACEMENT_SELECT: &str = "SELECT tp.id, tp.phase, tp.start_date, tp.end_date, \
    so.uid AS supervising_uid, so.external_id AS supervising_external_id, \
    io.uid AS implementing_uid, io.external_id AS implementing_external_id, tp.job_category \
    FROM titp_placements tp \
    JOIN organizations so ON so.id = tp.supervising_id \
    JOIN organizations io ON io.id = tp.implementing_id \
    JOIN participations pa ON pa.id = tp.participation_id \
    WHERE pa.uid = $1 ORDER BY tp.start_date";

#[derive(sqlx::FromRow)]
struct PlacementRow {
    id: i64,
    phase: String,
    start_date: time::Date,
    end_date: time::Date,
    supervising_uid: Uuid,
    supervising_external_id: Option<String>,
    implementing_uid: Uuid,
    implementing_external_id: Option<String>,
    job_category: String,
}

impl PlacementRow {
    fn into_placement(self) -> Result<TitpPlacement<Link>, StoreError> {
        let c = Checker {
            table: "titp_placements",
            id: self.id,
        };
        let link = |field, uid, external| {
            c.link(field, Some(uid), external)?
                .ok_or_else(|| c.damaged(field, "is missing"))
        };
        Ok(TitpPlacement {
            phase: c.value("phase", &self.phase, |s| s.parse::<TitpPhase>())?,
            start: self.start_date,
            end: self.end_date,
            supervising: link(
                "supervising",
                self.supervising_uid,
                self.supervising_external_id,
            )?,
            implementing: link(
                "implementing",
                self.implementing_uid,
                self.implementing_external_id,
            )?,
            job_category: c.value("job_category", &self.job_category, |s| {
                Text::line(s, TitpPlacement::<Link>::MAX_JOB_CATEGORY_CHARS)
            })?,
        })
    }
}

#[derive(sqlx::FromRow)]
struct VisitRow {
    id: i64,
    uid: Uuid,
    visited_on: time::Date,
    findings: String,
    actions: Option<String>,
    recorded_by: String,
}

const GRIEVANCE_SELECT: &str = "SELECT g.id, g.uid, pa.uid AS participation_uid, pe.uid AS person_uid, \
    so.uid AS supervising_uid, g.raised_on, g.category, g.description, g.status \
    FROM grievances g JOIN participations pa ON pa.id = g.participation_id \
    JOIN people pe ON pe.id = pa.person_id JOIN organizations so ON so.id = g.supervising_id";

#[derive(sqlx::FromRow)]
struct GrievanceRow {
    id: i64,
    uid: Uuid,
    participation_uid: Uuid,
    person_uid: Uuid,
    supervising_uid: Uuid,
    raised_on: time::Date,
    category: String,
    description: String,
    status: String,
}

impl GrievanceRow {
    fn into_grievance(self) -> Result<Grievance, StoreError> {
        let c = Checker {
            table: "grievances",
            id: self.id,
        };
        Ok(Grievance {
            uid: Uid::from_uuid(self.uid),
            participation: Uid::from_uuid(self.participation_uid),
            person: Uid::from_uuid(self.person_uid),
            supervising: Uid::from_uuid(self.supervising_uid),
            raised_on: self.raised_on,
            category: c.value("category", &self.category, |s| {
                s.parse::<GrievanceCategory>()
            })?,
            description: c.value("description", &self.description, |s| {
                Text::multiline(s, AFTERCARE_TEXT_CHARS)
            })?,
            status: c.value("status", &self.status, |s| s.parse::<GrievanceStatus>())?,
            events: Vec::new(),
        })
    }
}

#[derive(sqlx::FromRow)]
struct GrievanceEventRow {
    number: i64,
    at: DbTime,
    actor: String,
    status: String,
    note: Option<String>,
}

#[derive(sqlx::FromRow)]
struct FollowUpRow {
    id: i64,
    uid: Uuid,
    on_date: time::Date,
    channel: String,
    status: String,
    note: Option<String>,
    recorded_by: String,
}

#[derive(sqlx::FromRow)]
struct OutcomeRow {
    id: i64,
    uid: Uuid,
    kind: String,
    on_date: String,
    organization_uid: Option<Uuid>,
    organization_external_id: Option<String>,
    japanese_affiliated: Option<bool>,
    jobs_created: Option<i64>,
    people_supported: Option<i64>,
    note: Option<String>,
    recorded_by: String,
}

impl OutcomeRow {
    fn into_outcome(self) -> Result<StoredOutcome, StoreError> {
        let c = Checker {
            table: "outcomes",
            id: self.id,
        };
        let count = |field, n: Option<i64>| {
            n.map(|n| u32::try_from(n).map_err(|e| c.damaged(field, e)))
                .transpose()
        };
        Ok(StoredOutcome {
            uid: Uid::from_uuid(self.uid),
            outcome: Outcome {
                kind: c.value("kind", &self.kind, |s| s.parse::<OutcomeKind>())?,
                on: c.value("on_date", &self.on_date, PartialDate::parse)?,
                organization: c.link(
                    "organization",
                    self.organization_uid,
                    self.organization_external_id,
                )?,
                japanese_affiliated: self.japanese_affiliated,
                jobs_created: count("jobs_created", self.jobs_created)?,
                people_supported: count("people_supported", self.people_supported)?,
                note: multiline(&c, "note", self.note)?,
            },
            recorded_by: self.recorded_by,
        })
    }
}

const OUTCOME_SELECT: &str = "SELECT o.id, o.uid, o.kind, o.on_date, org.uid AS organization_uid, \
    org.external_id AS organization_external_id, o.japanese_affiliated, o.jobs_created, \
    o.people_supported, o.note, o.recorded_by \
    FROM outcomes o JOIN participations pa ON pa.id = o.participation_id \
    LEFT JOIN organizations org ON org.id = o.organization_id";

impl Store {
    pub async fn placements(
        &self,
        participation: Uid,
    ) -> Result<Vec<TitpPlacement<Link>>, StoreError> {
        let rows: Vec<PlacementRow> = dispatch!(self, pool => {
            sqlx::query_as(PLACEMENT_SELECT).bind(participation.uuid()).fetch_all(pool).await?
        });
        rows.into_iter().map(PlacementRow::into_placement).collect()
    }

    pub async fn monitoring_visits(
        &self,
        participation: Uid,
    ) -> Result<Vec<StoredVisit>, StoreError> {
        let rows: Vec<VisitRow> = dispatch!(self, pool => {
            sqlx::query_as(
                "SELECT v.id, v.uid, v.visited_on, v.findings, v.actions, v.recorded_by FROM monitoring_visits v \
                 JOIN participations pa ON pa.id = v.participation_id WHERE pa.uid = $1 ORDER BY v.visited_on, v.id",
            )
            .bind(participation.uuid())
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|row| {
                let c = Checker {
                    table: "monitoring_visits",
                    id: row.id,
                };
                Ok(StoredVisit {
                    uid: Uid::from_uuid(row.uid),
                    visit: MonitoringVisit {
                        on: row.visited_on,
                        findings: c.value("findings", &row.findings, |s| {
                            Text::multiline(s, AFTERCARE_TEXT_CHARS)
                        })?,
                        actions: multiline(&c, "actions", row.actions)?,
                    },
                    recorded_by: row.recorded_by,
                })
            })
            .collect()
    }

    /// A grievance with its trail.
    pub async fn grievance(&self, uid: Uid) -> Result<Option<Grievance>, StoreError> {
        let sql = format!("{GRIEVANCE_SELECT} WHERE g.uid = $1");
        let row: Option<GrievanceRow> = dispatch!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(uid.uuid()).fetch_optional(pool).await?
        });
        let Some(row) = row else { return Ok(None) };
        let id = row.id;
        let mut grievance = row.into_grievance()?;
        let events: Vec<GrievanceEventRow> = dispatch!(self, pool => {
            sqlx::query_as("SELECT number, at, actor, status, note FROM grievance_events WHERE grievance_id = $1 ORDER BY number")
                .bind(id)
                .fetch_all(pool)
                .await?
        });
        let c = Checker {
            table: "grievance_events",
            id,
        };
        for event in events {
            grievance.events.push(GrievanceEvent {
                number: u32::try_from(event.number).map_err(|e| c.damaged("number", e))?,
                at: event.at.0,
                actor: event.actor,
                status: c.value("status", &event.status, |s| s.parse::<GrievanceStatus>())?,
                note: multiline(&c, "note", event.note)?,
            });
        }
        Ok(Some(grievance))
    }

    /// The grievances of a participation, newest first, without their trails.
    pub async fn grievances_of(&self, participation: Uid) -> Result<Vec<Grievance>, StoreError> {
        let sql =
            format!("{GRIEVANCE_SELECT} WHERE pa.uid = $1 ORDER BY g.raised_on DESC, g.id DESC");
        let rows: Vec<GrievanceRow> = dispatch!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(participation.uuid()).fetch_all(pool).await?
        });
        rows.into_iter().map(GrievanceRow::into_grievance).collect()
    }

    /// The grievances a supervising organization has still to act on, oldest first.
    pub async fn open_grievances(
        &self,
        supervising: Uid,
        limit: i64,
    ) -> Result<Vec<Grievance>, StoreError> {
        let sql = format!(
            "{GRIEVANCE_SELECT} WHERE so.uid = $1 AND g.status IN ('open', 'in_progress') \
             ORDER BY g.raised_on, g.id LIMIT $2"
        );
        let rows: Vec<GrievanceRow> = dispatch!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(supervising.uuid()).bind(limit).fetch_all(pool).await?
        });
        rows.into_iter().map(GrievanceRow::into_grievance).collect()
    }

    pub async fn follow_ups(&self, participation: Uid) -> Result<Vec<StoredFollowUp>, StoreError> {
        let rows: Vec<FollowUpRow> = dispatch!(self, pool => {
            sqlx::query_as(
                "SELECT f.id, f.uid, f.on_date, f.channel, f.status, f.note, f.recorded_by FROM follow_ups f \
                 JOIN participations pa ON pa.id = f.participation_id WHERE pa.uid = $1 ORDER BY f.on_date, f.id",
            )
            .bind(participation.uuid())
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|row| {
                let c = Checker {
                    table: "follow_ups",
                    id: row.id,
                };
                Ok(StoredFollowUp {
                    uid: Uid::from_uuid(row.uid),
                    follow_up: FollowUp {
                        on: row.on_date,
                        channel: c
                            .value("channel", &row.channel, |s| s.parse::<FollowUpChannel>())?,
                        status: c.value("status", &row.status, |s| s.parse::<FollowUpStatus>())?,
                        note: multiline(&c, "note", row.note)?,
                    },
                    recorded_by: row.recorded_by,
                })
            })
            .collect()
    }

    pub async fn outcomes(&self, participation: Uid) -> Result<Vec<StoredOutcome>, StoreError> {
        let sql = format!("{OUTCOME_SELECT} WHERE pa.uid = $1 ORDER BY o.on_date, o.id");
        let rows: Vec<OutcomeRow> = dispatch!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(participation.uuid()).fetch_all(pool).await?
        });
        rows.into_iter().map(OutcomeRow::into_outcome).collect()
    }

    /// The participation an outcome belongs to.
    pub async fn outcome_participation(&self, outcome: Uid) -> Result<Option<Uid>, StoreError> {
        let uid: Option<Uuid> = dispatch!(self, pool => {
            sqlx::query_scalar(
                "SELECT pa.uid FROM outcomes o JOIN participations pa ON pa.id = o.participation_id WHERE o.uid = $1",
            )
            .bind(outcome.uuid())
            .fetch_optional(pool)
            .await?
        });
        Ok(uid.map(Uid::from_uuid))
    }
}

fn refused(field: &str, message: impl Into<String>) -> RowError {
    RowError::new(0, field, message)
}

impl BulkWriter {
    async fn participation_key(&mut self, participation: Uid) -> Result<i64, StoreError> {
        let key: Option<i64> = on_tx!(&mut self.tx, conn => {
            sqlx::query_scalar("SELECT id FROM participations WHERE uid = $1")
                .bind(participation.uuid())
                .fetch_optional(&mut **conn)
                .await?
        });
        key.ok_or(StoreError::NotFound {
            what: "participation",
        })
    }

    async fn organization_ref_key(
        &mut self,
        field: &str,
        reference: &RecordRef,
        errors: &mut Vec<RowError>,
    ) -> Result<Option<i64>, StoreError> {
        let key: Option<i64> = on_tx!(&mut self.tx, conn => {
            match reference.as_uid() {
                Some(uid) => sqlx::query_scalar("SELECT id FROM organizations WHERE uid = $1").bind(uid.uuid()).fetch_optional(&mut **conn).await?,
                None => sqlx::query_scalar("SELECT id FROM organizations WHERE external_id = $1").bind(reference.as_str()).fetch_optional(&mut **conn).await?,
            }
        });
        if key.is_none() {
            errors.push(refused(
                field,
                format!("no organization has the id \"{reference}\""),
            ));
        }
        Ok(key)
    }

    /// The placements of a participation inside this transaction.
    pub async fn read_placements(
        &mut self,
        participation: Uid,
    ) -> Result<Vec<TitpPlacement<Link>>, StoreError> {
        let rows: Vec<PlacementRow> = on_tx!(&mut self.tx, conn => {
            sqlx::query_as(PLACEMENT_SELECT).bind(participation.uuid()).fetch_all(&mut **conn).await?
        });
        rows.into_iter().map(PlacementRow::into_placement).collect()
    }

    /// Adds a placement; the caller has checked the plan with it.
    pub async fn add_placement(
        &mut self,
        participation: Uid,
        placement: &TitpPlacement<RecordRef>,
    ) -> Result<Result<(), Vec<RowError>>, StoreError> {
        let mut errors = Vec::new();
        let key = self.participation_key(participation).await?;
        let supervising = self
            .organization_ref_key("supervising", &placement.supervising, &mut errors)
            .await?;
        let implementing = self
            .organization_ref_key("implementing", &placement.implementing, &mut errors)
            .await?;
        let (Some(supervising), Some(implementing)) = (supervising, implementing) else {
            return Ok(Err(errors));
        };
        on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "INSERT INTO titp_placements (participation_id, phase, start_date, end_date, supervising_id, \
                 implementing_id, job_category, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(key)
            .bind(placement.phase.as_str())
            .bind(placement.start)
            .bind(placement.end)
            .bind(supervising)
            .bind(implementing)
            .bind(placement.job_category.as_str())
            .bind(DbTime(Timestamp::now()))
            .execute(&mut **conn)
            .await?;
        });
        Ok(Ok(()))
    }

    pub async fn add_monitoring_visit(
        &mut self,
        participation: Uid,
        visit: &MonitoringVisit,
        recorded_by: &str,
    ) -> Result<Uid, StoreError> {
        let key = self.participation_key(participation).await?;
        let uid = Uid::new();
        on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "INSERT INTO monitoring_visits (uid, participation_id, visited_on, findings, actions, recorded_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(uid.uuid())
            .bind(key)
            .bind(visit.on)
            .bind(visit.findings.as_str())
            .bind(visit.actions.as_ref().map(|a| a.as_str().to_owned()))
            .bind(recorded_by)
            .bind(DbTime(Timestamp::now()))
            .execute(&mut **conn)
            .await?;
        });
        Ok(uid)
    }

    /// Raises a grievance, handled by `supervising`; its trail begins.
    pub async fn raise_grievance(
        &mut self,
        participation: Uid,
        supervising: Uid,
        raised_on: time::Date,
        category: GrievanceCategory,
        description: &Text,
        actor: &str,
    ) -> Result<Uid, StoreError> {
        let key = self.participation_key(participation).await?;
        let uid = Uid::new();
        let now = DbTime(Timestamp::now());
        on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "INSERT INTO grievances (uid, participation_id, supervising_id, raised_on, category, description, \
                 status, created_at, updated_at) \
                 VALUES ($1, $2, (SELECT id FROM organizations WHERE uid = $3), $4, $5, $6, 'open', $7, $7)",
            )
            .bind(uid.uuid())
            .bind(key)
            .bind(supervising.uuid())
            .bind(raised_on)
            .bind(category.as_str())
            .bind(description.as_str())
            .bind(now)
            .execute(&mut **conn)
            .await?;
        });
        self.grievance_event(uid, GrievanceStatus::Open, None, actor)
            .await?;
        Ok(uid)
    }

    /// Adds to a grievance's trail, and sets its status.
    pub async fn grievance_event(
        &mut self,
        grievance: Uid,
        status: GrievanceStatus,
        note: Option<&Text>,
        actor: &str,
    ) -> Result<(), StoreError> {
        self.append_to_trail(
            crate::trail::GRIEVANCE,
            grievance,
            crate::trail::Number::Next,
            ("at", Timestamp::now()),
            vec![
                ("actor", Bind::Text(actor.to_owned())),
                ("status", Bind::Text(status.as_str().to_owned())),
                (
                    "note",
                    Bind::OptionalText(note.map(|n| n.as_str().to_owned())),
                ),
            ],
        )
        .await?;
        let now = DbTime(Timestamp::now());
        on_tx!(&mut self.tx, conn => {
            sqlx::query("UPDATE grievances SET status = $2, updated_at = $3 WHERE uid = $1")
                .bind(grievance.uuid())
                .bind(status.as_str())
                .bind(now)
                .execute(&mut **conn)
                .await?;
        });
        Ok(())
    }

    pub async fn add_follow_up(
        &mut self,
        participation: Uid,
        follow_up: &FollowUp,
        recorded_by: &str,
    ) -> Result<Uid, StoreError> {
        let key = self.participation_key(participation).await?;
        let uid = Uid::new();
        on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "INSERT INTO follow_ups (uid, participation_id, on_date, channel, status, note, recorded_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(uid.uuid())
            .bind(key)
            .bind(follow_up.on)
            .bind(follow_up.channel.as_str())
            .bind(follow_up.status.as_str())
            .bind(follow_up.note.as_ref().map(|n| n.as_str().to_owned()))
            .bind(recorded_by)
            .bind(DbTime(Timestamp::now()))
            .execute(&mut **conn)
            .await?;
            sqlx::query(
                "UPDATE participations SET follow_up_due = $2 WHERE id = $1 \
                 AND follow_up_due IS NOT NULL AND follow_up_due < $2",
            )
            .bind(key)
            .bind(follow_up.on)
            .execute(&mut **conn)
            .await?;
        });
        Ok(uid)
    }

    pub async fn add_outcome(
        &mut self,
        participation: Uid,
        outcome: &Outcome<RecordRef>,
        recorded_by: &str,
    ) -> Result<Result<Uid, Vec<RowError>>, StoreError> {
        let mut errors = Vec::new();
        if let Err((field, error)) = outcome.check() {
            errors.push(refused(field, error.to_string()));
        }
        let key = self.participation_key(participation).await?;
        let organization = match &outcome.organization {
            Some(reference) => {
                self.organization_ref_key("organization", reference, &mut errors)
                    .await?
            }
            None => None,
        };
        if !errors.is_empty() {
            return Ok(Err(errors));
        }
        let uid = Uid::new();
        on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "INSERT INTO outcomes (uid, participation_id, kind, on_date, organization_id, japanese_affiliated, \
                 jobs_created, people_supported, note, recorded_by, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            )
            .bind(uid.uuid())
            .bind(key)
            .bind(outcome.kind.as_str())
            .bind(outcome.on.to_string())
            .bind(organization)
            .bind(outcome.japanese_affiliated)
            .bind(outcome.jobs_created.map(i64::from))
            .bind(outcome.people_supported.map(i64::from))
            .bind(outcome.note.as_ref().map(|n| n.as_str().to_owned()))
            .bind(recorded_by)
            .bind(DbTime(Timestamp::now()))
            .execute(&mut **conn)
            .await?;
        });
        Ok(Ok(uid))
    }

    /// Remembers that outcome `outcome` implies tie `tie`.
    pub async fn link_outcome_tie(&mut self, outcome: Uid, tie: Uid) -> Result<(), StoreError> {
        on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "INSERT INTO outcome_ties (outcome_id, tie_id) \
                 VALUES ((SELECT id FROM outcomes WHERE uid = $1), (SELECT id FROM ties WHERE uid = $2)) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(outcome.uuid())
            .bind(tie.uuid())
            .execute(&mut **conn)
            .await?;
        });
        Ok(())
    }

    /// Deletes an outcome and the ties it alone implied.
    pub async fn delete_outcome(&mut self, outcome: Uid) -> Result<bool, StoreError> {
        let ties: Vec<Uuid> = on_tx!(&mut self.tx, conn => {
            sqlx::query_scalar(
                "SELECT t.uid FROM outcome_ties ot JOIN ties t ON t.id = ot.tie_id \
                 WHERE ot.outcome_id = (SELECT id FROM outcomes WHERE uid = $1) \
                 AND NOT EXISTS (SELECT 1 FROM outcome_ties other WHERE other.tie_id = ot.tie_id \
                 AND other.outcome_id <> ot.outcome_id)",
            )
            .bind(outcome.uuid())
            .fetch_all(&mut **conn)
            .await?
        });
        let deleted = on_tx!(&mut self.tx, conn => {
            sqlx::query("DELETE FROM outcomes WHERE uid = $1").bind(outcome.uuid()).execute(&mut **conn).await?.rows_affected()
        });
        for tie in ties {
            on_tx!(&mut self.tx, conn => {
                sqlx::query("DELETE FROM ties WHERE uid = $1").bind(tie).execute(&mut **conn).await?;
            });
        }
        Ok(deleted > 0)
    }
}
