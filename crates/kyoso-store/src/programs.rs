//! Programs, cohorts and participations, and each participation's journey.
//!
//! Reads are on [`Store`]; writes are on a [`BulkWriter`], so that a change,
//! the ties it implies and its audit entry commit together. A journey's
//! entries are only ever added: the schema refuses to change one.

use kyoso_domain::{
    COHORT_NAME_CHARS, PARTICIPATION_NOTE_CHARS, ParticipantCard, StateCounts, StoredParticipation,
};
use kyoso_domain::{
    Cohort, CountryCode, Currency, Demonstration, DevelopmentStage, Funder, FundingSource,
    Incoming, Journey, JourneyAction, JourneyEntry, JourneyState, LanguageSkill, Link, Milestone,
    Money, PartialDate, ParticipantRole, Participation, Program, ProgramType, RecordRef, RowError,
    SdgTarget, SectorCode, Stored, Text, Tie, Timestamp, Uid, Visibility,
};
use serde::{Deserialize, Serialize};
use sqlx::types::Json;
use uuid::Uuid;

use crate::bulk::on_tx;
use crate::directory::ReadScope;
use crate::query::{Bind, Sql};
use crate::read::Checker;
use crate::trail::Number;
use crate::value::DbTime;
use crate::{BulkWriter, Pool, Store, StoreError, dispatch};

const PROGRAM_SELECT: &str = "SELECT pr.id, pr.uid, pr.external_id, \
    ow.uid AS owner_uid, ow.external_id AS owner_external_id, pr.program_type, \
    pr.name_native, pr.name_latin, pr.name_japanese, \
    og.uid AS organizer_uid, og.external_id AS organizer_external_id, \
    pr.countries, pr.sectors, pr.sdgs, pr.start_date, pr.end_date, pr.budget_amount, pr.budget_currency, \
    pr.stage, pr.description, pv.uid AS provider_uid, pv.external_id AS provider_external_id, \
    lp.uid AS local_partner_uid, lp.external_id AS local_partner_external_id, pr.demonstration, \
    pr.visibility, pr.created_at, pr.updated_at \
    FROM programs pr \
    JOIN organizations og ON og.id = pr.organizer_id \
    LEFT JOIN organizations ow ON ow.id = pr.owner_id \
    LEFT JOIN organizations pv ON pv.id = pr.provider_id \
    LEFT JOIN organizations lp ON lp.id = pr.local_partner_id";

#[derive(sqlx::FromRow)]
struct ProgramRow {
    id: i64,
    uid: Uuid,
    external_id: Option<String>,
    owner_uid: Option<Uuid>,
    owner_external_id: Option<String>,
    program_type: String,
    name_native: Option<String>,
    name_latin: Option<String>,
    name_japanese: Option<String>,
    organizer_uid: Uuid,
    organizer_external_id: Option<String>,
    countries: Json<serde_json::Value>,
    sectors: Json<serde_json::Value>,
    sdgs: Json<serde_json::Value>,
    start_date: String,
    end_date: Option<String>,
    budget_amount: Option<i64>,
    budget_currency: Option<String>,
    stage: Option<String>,
    description: Option<String>,
    provider_uid: Option<Uuid>,
    provider_external_id: Option<String>,
    local_partner_uid: Option<Uuid>,
    local_partner_external_id: Option<String>,
    demonstration: Option<Json<serde_json::Value>>,
    visibility: String,
    created_at: DbTime,
    updated_at: DbTime,
}

/// The parts of a demonstration project kept as JSON.
#[derive(Serialize, Deserialize)]
struct DemonstrationColumn {
    technology: Text,
    recipient_country: CountryCode,
    milestones: Vec<Milestone>,
    results: Option<Text>,
}

/// A partner or funder of a program, as read back.
#[derive(sqlx::FromRow)]
struct RelatedRow {
    uid: Uuid,
    external_id: Option<String>,
    relation: String,
    source: Option<String>,
}

impl ProgramRow {
    fn into_stored(self, related: Vec<RelatedRow>) -> Result<Stored<Program<Link>>, StoreError> {
        let c = Checker {
            table: "programs",
            id: self.id,
        };
        let organizer = c
            .link(
                "organizer",
                Some(self.organizer_uid),
                self.organizer_external_id,
            )?
            .ok_or_else(|| c.damaged("organizer", "is missing"))?;
        let mut partners = Vec::new();
        let mut funders = Vec::new();
        for row in related {
            let link = c
                .link("partners", Some(row.uid), row.external_id)?
                .ok_or_else(|| c.damaged("partners", "is missing"))?;
            match (row.relation.as_str(), row.source) {
                ("partner", _) => partners.push(link),
                ("funder", Some(source)) => funders.push(Funder {
                    organization: link,
                    source: c.value("funders", &source, |s| s.parse::<FundingSource>())?,
                }),
                (other, _) => return Err(c.damaged("partners", format!("relation {other}"))),
            }
        }
        let demonstration = match (self.provider_uid, self.demonstration) {
            (Some(provider), Some(json)) => {
                let rest: DemonstrationColumn = c.json("demonstration", json)?;
                Some(Demonstration {
                    provider: c
                        .link("provider", Some(provider), self.provider_external_id)?
                        .ok_or_else(|| c.damaged("provider", "is missing"))?,
                    technology: rest.technology,
                    recipient_country: rest.recipient_country,
                    local_partner: c.link(
                        "local_partner",
                        self.local_partner_uid,
                        self.local_partner_external_id,
                    )?,
                    milestones: rest.milestones,
                    results: rest.results,
                })
            }
            _ => None,
        };
        let budget = match (self.budget_amount, self.budget_currency) {
            (Some(amount), Some(currency)) => Some(Money {
                amount,
                currency: c.value("budget_currency", &currency, Currency::parse)?,
            }),
            _ => None,
        };
        let program = Program {
            names: c.names(self.name_native, self.name_latin, self.name_japanese)?,
            program_type: c.value("program_type", &self.program_type, |s| {
                s.parse::<ProgramType>()
            })?,
            organizer,
            partners,
            funders,
            countries: c.json::<Vec<CountryCode>>("countries", self.countries)?,
            sectors: c.json::<Vec<SectorCode>>("sectors", self.sectors)?,
            sdgs: c.json::<Vec<SdgTarget>>("sdgs", self.sdgs)?,
            start: c.value("start_date", &self.start_date, PartialDate::parse)?,
            end: c.optional("end_date", self.end_date, PartialDate::parse)?,
            budget,
            stage: c.optional("stage", self.stage, |s| s.parse::<DevelopmentStage>())?,
            description: c.optional("description", self.description, |s| {
                Text::multiline(s, Program::<Link>::MAX_DESCRIPTION_CHARS)
            })?,
            demonstration,
            visibility: c.value("visibility", &self.visibility, |s| s.parse::<Visibility>())?,
        };
        let owner = c.link("owner", self.owner_uid, self.owner_external_id)?;
        c.stored(
            self.uid,
            self.external_id,
            owner,
            self.created_at,
            self.updated_at,
            program,
        )
    }
}

const COHORT_SELECT: &str = "SELECT c.id, c.uid, p.uid AS program_uid, p.external_id AS program_external_id, \
    ow.uid AS owner_uid, ow.external_id AS owner_external_id, \
    c.name, c.start_date, c.end_date, c.capacity, c.apply_by, c.mode, c.languages, c.created_at, \
    c.updated_at \
    FROM cohorts c JOIN programs p ON p.id = c.program_id \
    LEFT JOIN organizations ow ON ow.id = p.owner_id";

#[derive(sqlx::FromRow)]
struct CohortRow {
    id: i64,
    uid: Uuid,
    program_uid: Uuid,
    program_external_id: Option<String>,
    owner_uid: Option<Uuid>,
    owner_external_id: Option<String>,
    name: String,
    start_date: String,
    end_date: Option<String>,
    capacity: Option<i64>,
    apply_by: Option<time::Date>,
    mode: Option<String>,
    languages: String,
    created_at: DbTime,
    updated_at: DbTime,
}

impl CohortRow {
    fn into_stored(self) -> Result<Stored<Cohort<Link>>, StoreError> {
        let c = Checker {
            table: "cohorts",
            id: self.id,
        };
        let cohort = Cohort {
            program: c
                .link("program", Some(self.program_uid), self.program_external_id)?
                .ok_or_else(|| c.damaged("program", "is missing"))?,
            name: c.value("name", &self.name, |s| Text::line(s, COHORT_NAME_CHARS))?,
            start: c.value("start_date", &self.start_date, PartialDate::parse)?,
            end: c.optional("end_date", self.end_date, PartialDate::parse)?,
            capacity: self
                .capacity
                .map(|n| u32::try_from(n).map_err(|e| c.damaged("capacity", e)))
                .transpose()?,
            apply_by: self.apply_by,
            mode: c.optional("mode", self.mode, |s| s.parse())?,
            languages: crate::matching::list::<Vec<String>>(&c, "languages", &self.languages)?
                .iter()
                .map(|l| c.value("languages", l, LanguageSkill::parse))
                .collect::<Result<_, _>>()?,
        };
        let owner = c.link("owner", self.owner_uid, self.owner_external_id)?;
        c.stored(
            self.uid,
            None,
            owner,
            self.created_at,
            self.updated_at,
            cohort,
        )
    }
}

const PARTICIPATION_SELECT: &str = "SELECT pa.id, pa.uid, pa.external_id, \
    ow.uid AS owner_uid, ow.external_id AS owner_external_id, \
    pe.uid AS person_uid, pe.external_id AS person_external_id, \
    pr.uid AS program_uid, pr.external_id AS program_external_id, co.uid AS cohort_uid, \
    pa.role, ho.uid AS host_uid, ho.external_id AS host_external_id, pa.note, \
    pa.applied_on, pa.created_at, pa.updated_at \
    FROM participations pa \
    JOIN people pe ON pe.id = pa.person_id \
    JOIN programs pr ON pr.id = pa.program_id \
    LEFT JOIN organizations ow ON ow.id = pr.owner_id \
    LEFT JOIN cohorts co ON co.id = pa.cohort_id \
    LEFT JOIN organizations ho ON ho.id = pa.host_id";

#[derive(sqlx::FromRow)]
struct ParticipationRow {
    id: i64,
    uid: Uuid,
    external_id: Option<String>,
    owner_uid: Option<Uuid>,
    owner_external_id: Option<String>,
    person_uid: Uuid,
    person_external_id: Option<String>,
    program_uid: Uuid,
    program_external_id: Option<String>,
    cohort_uid: Option<Uuid>,
    role: String,
    host_uid: Option<Uuid>,
    host_external_id: Option<String>,
    note: Option<String>,
    applied_on: time::Date,
    created_at: DbTime,
    updated_at: DbTime,
}

impl ParticipationRow {
    fn into_stored(self) -> Result<Stored<Participation<Link>>, StoreError> {
        let c = Checker {
            table: "participations",
            id: self.id,
        };
        let participation = Participation {
            person: c
                .link("person", Some(self.person_uid), self.person_external_id)?
                .ok_or_else(|| c.damaged("person", "is missing"))?,
            program: c
                .link("program", Some(self.program_uid), self.program_external_id)?
                .ok_or_else(|| c.damaged("program", "is missing"))?,
            cohort: c.link("cohort", self.cohort_uid, None)?,
            role: c.value("role", &self.role, |s| s.parse::<ParticipantRole>())?,
            host: c.link("host", self.host_uid, self.host_external_id)?,
            note: c.optional("note", self.note, |s| {
                Text::multiline(s, PARTICIPATION_NOTE_CHARS)
            })?,
        };
        let owner = c.link("owner", self.owner_uid, self.owner_external_id)?;
        c.stored(
            self.uid,
            self.external_id,
            owner,
            self.created_at,
            self.updated_at,
            participation,
        )
    }
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    number: i64,
    action: String,
    to_state: Option<String>,
    retracts: Option<i64>,
    on_date: time::Date,
    recorded_by: String,
    note: Option<String>,
}

/// A journey entry with the participation it belongs to.
#[derive(sqlx::FromRow)]
struct PageEntryRow {
    participation_id: i64,
    #[sqlx(flatten)]
    entry: EntryRow,
}

#[derive(sqlx::FromRow)]
struct CardRow {
    id: i64,
    uid: Uuid,
    person_uid: Uuid,
    name_native: Option<String>,
    name_latin: Option<String>,
    name_japanese: Option<String>,
    role: String,
    state: String,
    state_since: Option<time::Date>,
    program_uid: Uuid,
}

impl CardRow {
    fn into_card(self) -> Result<ParticipantCard, StoreError> {
        let c = Checker {
            table: "participations",
            id: self.id,
        };
        Ok(ParticipantCard {
            participation: Uid::from_uuid(self.uid),
            person: Uid::from_uuid(self.person_uid),
            name_native: self.name_native,
            name_latin: self.name_latin,
            name_japanese: self.name_japanese,
            role: c.value("role", &self.role, |s| s.parse::<ParticipantRole>())?,
            state: c.value("state", &self.state, |s| s.parse::<JourneyState>())?,
            since: self.state_since,
            program: Uid::from_uuid(self.program_uid),
        })
    }
}

const CARD_COLUMNS: &str = "SELECT pa.id, pa.uid, pe.uid AS person_uid, pe.name_native, pe.name_latin, \
    pe.name_japanese, pa.role, pa.state, pa.state_since, pr.uid AS program_uid";

const CARD_JOINS: &str =
    "JOIN people pe ON pe.id = pa.person_id JOIN programs pr ON pr.id = pa.program_id";

/// The programs an organization organizes; the organization's uid follows.
const ORGANIZER_PROGRAMS: &str = "SELECT pr2.id FROM programs pr2 JOIN organizations og ON og.id = pr2.organizer_id WHERE og.uid = ";

impl Store {
    pub async fn program(&self, uid: Uid) -> Result<Option<Stored<Program<Link>>>, StoreError> {
        let sql = format!("{PROGRAM_SELECT} WHERE pr.uid = $1");
        let row: Option<ProgramRow> = dispatch!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(uid.uuid()).fetch_optional(pool).await?
        });
        let Some(row) = row else { return Ok(None) };
        let related = self.program_organizations(row.id).await?;
        row.into_stored(related).map(Some)
    }

    pub async fn program_by_external_id(
        &self,
        external_id: &kyoso_domain::ExternalId,
    ) -> Result<Option<Uid>, StoreError> {
        let uid: Option<Uuid> = dispatch!(self, pool => {
            sqlx::query_scalar("SELECT uid FROM programs WHERE external_id = $1")
                .bind(external_id.as_str())
                .fetch_optional(pool)
                .await?
        });
        Ok(uid.map(Uid::from_uuid))
    }

    async fn program_organizations(&self, program: i64) -> Result<Vec<RelatedRow>, StoreError> {
        let sql = "SELECT o.uid, o.external_id, po.relation, po.source \
                   FROM program_organizations po JOIN organizations o ON o.id = po.organization_id \
                   WHERE po.program_id = $1 ORDER BY po.relation, po.position";
        Ok(dispatch!(self, pool => {
            sqlx::query_as(sql).bind(program).fetch_all(pool).await?
        }))
    }

    /// Programs within `scope`, organized by `organizer` if given, in
    /// local-key order after `after`.
    pub async fn list_programs(
        &self,
        organizer: Option<Uid>,
        scope: &ReadScope,
        after: i64,
        limit: i64,
    ) -> Result<Vec<Stored<Program<Link>>>, StoreError> {
        let mut sql = Sql::new(self.engine(), format!("{PROGRAM_SELECT} WHERE 1 = 1"));
        scope.restrict(&mut sql, "pr");
        if let Some(organizer) = organizer {
            sql.push(" AND og.uid = ");
            sql.bind(Bind::Uid(organizer.uuid()));
        }
        sql.push(" AND pr.id > ");
        sql.bind(Bind::Int(after));
        sql.push(" ORDER BY pr.id LIMIT ");
        sql.bind(Bind::Int(limit));
        let rows: Vec<ProgramRow> = match &self.pool {
            Pool::Sqlite(pool) => sql.sqlite_as().fetch_all(pool).await?,
            Pool::Postgres(pool) => sql.postgres_as().fetch_all(pool).await?,
        };
        let mut programs = Vec::with_capacity(rows.len());
        for row in rows {
            let related = self.program_organizations(row.id).await?;
            programs.push(row.into_stored(related)?);
        }
        Ok(programs)
    }

    /// How many of a program's participants stand in each state.
    pub async fn program_state_counts(&self, program: Uid) -> Result<StateCounts, StoreError> {
        let sql = "SELECT pa.state, count(*) FROM participations pa \
                   JOIN programs p ON p.id = pa.program_id WHERE p.uid = $1 GROUP BY pa.state";
        let rows: Vec<(String, i64)> = dispatch!(self, pool => {
            sqlx::query_as(sql).bind(program.uuid()).fetch_all(pool).await?
        });
        let mut counts: StateCounts = rows
            .into_iter()
            .filter_map(|(state, n)| Some((state.parse().ok()?, n)))
            .collect();
        counts.sort();
        Ok(counts)
    }

    pub async fn cohort(&self, uid: Uid) -> Result<Option<Stored<Cohort<Link>>>, StoreError> {
        let sql = format!("{COHORT_SELECT} WHERE c.uid = $1");
        let row: Option<CohortRow> = dispatch!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(uid.uuid()).fetch_optional(pool).await?
        });
        row.map(CohortRow::into_stored).transpose()
    }

    pub async fn cohorts_of(&self, program: Uid) -> Result<Vec<Stored<Cohort<Link>>>, StoreError> {
        let sql = format!("{COHORT_SELECT} WHERE p.uid = $1 ORDER BY c.start_date, c.id");
        let rows: Vec<CohortRow> = dispatch!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(program.uuid()).fetch_all(pool).await?
        });
        rows.into_iter().map(CohortRow::into_stored).collect()
    }

    pub async fn participation(&self, uid: Uid) -> Result<Option<StoredParticipation>, StoreError> {
        let sql = format!("{PARTICIPATION_SELECT} WHERE pa.uid = $1");
        let row: Option<ParticipationRow> = dispatch!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(uid.uuid()).fetch_optional(pool).await?
        });
        let Some(row) = row else { return Ok(None) };
        let id = row.id;
        let entries: Vec<EntryRow> = dispatch!(self, pool => {
            sqlx::query_as(ENTRIES_SELECT).bind(id).fetch_all(pool).await?
        });
        Ok(Some(StoredParticipation {
            applied_on: row.applied_on,
            stored: row.into_stored()?,
            journey: journey_of(id, entries)?,
        }))
    }

    /// Participations in local-key order after `after`, with their journeys:
    /// a page of an export.
    pub async fn list_participations(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<(i64, StoredParticipation)>, StoreError> {
        let sql = format!("{PARTICIPATION_SELECT} WHERE pa.id > $1 ORDER BY pa.id LIMIT $2");
        let rows: Vec<ParticipationRow> = dispatch!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(after).bind(limit).fetch_all(pool).await?
        });
        // The entries of the whole page in one read, grouped by participation.
        let last = rows.last().map_or(after, |row| row.id);
        let all: Vec<PageEntryRow> = dispatch!(self, pool => {
            sqlx::query_as(
                "SELECT participation_id, number, action, to_state, retracts, on_date, recorded_by, note \
                 FROM journey_entries WHERE participation_id > $1 AND participation_id <= $2 \
                 ORDER BY participation_id, number",
            )
            .bind(after)
            .bind(last)
            .fetch_all(pool)
            .await?
        });
        let mut by_participation: std::collections::HashMap<i64, Vec<EntryRow>> =
            std::collections::HashMap::new();
        for entry in all {
            by_participation
                .entry(entry.participation_id)
                .or_default()
                .push(entry.entry);
        }
        let mut page = Vec::with_capacity(rows.len());
        for row in rows {
            let id = row.id;
            let entries = by_participation.remove(&id).unwrap_or_default();
            page.push((
                id,
                StoredParticipation {
                    applied_on: row.applied_on,
                    stored: row.into_stored()?,
                    journey: journey_of(id, entries)?,
                },
            ));
        }
        Ok(page)
    }

    /// The participants of a cohort, by state then name.
    pub async fn cohort_board(&self, cohort: Uid) -> Result<Vec<ParticipantCard>, StoreError> {
        let sql = format!(
            "{CARD_COLUMNS} FROM participations pa {CARD_JOINS} JOIN cohorts co ON co.id = pa.cohort_id WHERE co.uid = $1 \
             ORDER BY pa.state, coalesce(pe.name_latin, pe.name_native), pa.id"
        );
        self.cards(sql, cohort.uuid()).await
    }

    /// Everything a person takes or took part in.
    pub async fn participations_of(&self, person: Uid) -> Result<Vec<ParticipantCard>, StoreError> {
        let sql = format!(
            "{CARD_COLUMNS} FROM participations pa {CARD_JOINS} WHERE pe.uid = $1 ORDER BY pa.id"
        );
        self.cards(sql, person.uuid()).await
    }

    /// Applicants of programs organized by `organization` waiting longest
    /// for review: those still in `state`, oldest first.
    pub async fn waiting_in(
        &self,
        organization: Uid,
        state: JourneyState,
        limit: i64,
    ) -> Result<Vec<ParticipantCard>, StoreError> {
        let filter = ("pa.state =", Bind::Text(state.as_str().to_owned()));
        self.organizer_cards(organization, filter, "pa.state_since", limit)
            .await
    }

    /// Returnees of programs organized by `organization` not followed up
    /// since `cutoff`: their last follow-up, or their return if none, is
    /// older. Longest waiting first.
    pub async fn overdue_follow_ups(
        &self,
        organization: Uid,
        cutoff: time::Date,
        limit: i64,
    ) -> Result<Vec<ParticipantCard>, StoreError> {
        let filter = ("pa.follow_up_due <", Bind::Date(cutoff));
        self.organizer_cards(organization, filter, "pa.follow_up_due", limit)
            .await
    }

    /// A page of the participants of an organization's programs matching
    /// `filter`, in `order`. The page is chosen from the participations
    /// alone, in index order; only its rows are joined to people.
    async fn organizer_cards(
        &self,
        organization: Uid,
        (filter, value): (&str, Bind),
        order: &str,
        limit: i64,
    ) -> Result<Vec<ParticipantCard>, StoreError> {
        let mut sql = Sql::new(
            self.engine(),
            format!(
                "{CARD_COLUMNS} FROM (SELECT * FROM participations pa WHERE pa.program_id IN ({ORGANIZER_PROGRAMS}"
            ),
        );
        sql.bind(Bind::Uid(organization.uuid()));
        sql.push(&format!(") AND {filter} "));
        sql.bind(value);
        sql.push(&format!(" ORDER BY {order}, pa.id LIMIT "));
        sql.bind(Bind::Int(limit));
        sql.push(&format!(") pa {CARD_JOINS} ORDER BY {order}, pa.id"));
        let rows: Vec<CardRow> = match &self.pool {
            Pool::Sqlite(pool) => sql.sqlite_as().fetch_all(pool).await?,
            Pool::Postgres(pool) => sql.postgres_as().fetch_all(pool).await?,
        };
        rows.into_iter().map(CardRow::into_card).collect()
    }

    async fn cards(&self, sql: String, uid: Uuid) -> Result<Vec<ParticipantCard>, StoreError> {
        let rows: Vec<CardRow> = dispatch!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(uid).fetch_all(pool).await?
        });
        rows.into_iter().map(CardRow::into_card).collect()
    }
}

const ENTRIES_SELECT: &str = "SELECT number, action, to_state, retracts, on_date, recorded_by, note \
    FROM journey_entries WHERE participation_id = $1 ORDER BY number";

fn journey_of(id: i64, rows: Vec<EntryRow>) -> Result<Journey, StoreError> {
    let c = Checker {
        table: "journey_entries",
        id,
    };
    let mut entries = Vec::with_capacity(rows.len());
    for row in rows {
        let action = match (row.action.as_str(), row.to_state, row.retracts) {
            ("move", Some(to), None) => JourneyAction::Move {
                to: c.value("to_state", &to, |s| s.parse::<JourneyState>())?,
            },
            ("retract", None, Some(entry)) => JourneyAction::Retract {
                entry: u32::try_from(entry).map_err(|e| c.damaged("retracts", e))?,
            },
            (other, _, _) => return Err(c.damaged("action", format!("unknown action {other}"))),
        };
        entries.push(JourneyEntry {
            number: u32::try_from(row.number).map_err(|e| c.damaged("number", e))?,
            action,
            on: row.on_date,
            by: c.value("recorded_by", &row.recorded_by, |s| Text::line(s, 320))?,
            note: c.optional("note", row.note, |s| {
                Text::multiline(s, PARTICIPATION_NOTE_CHARS)
            })?,
        });
    }
    Journey::from_entries(entries).map_err(|e| c.damaged("journey", e))
}

/// Whether a participant in `state` is due follow-ups.
pub(crate) fn awaits_follow_up(state: JourneyState) -> bool {
    matches!(state, JourneyState::Returned | JourneyState::FollowUp)
}

/// The outcome of an insert: done, or refused because a unique key of
/// `field` is taken (another record has it); any other failure is an error.
pub(crate) fn unique_taken(
    result: Result<u64, sqlx::Error>,
    field: &str,
    message: &str,
) -> Result<Result<(), Vec<RowError>>, StoreError> {
    match result.map_err(StoreError::from) {
        Ok(_) => Ok(Ok(())),
        Err(err) if err.is_unique_violation() => Ok(Err(vec![refused(field, message)])),
        Err(err) => Err(err),
    }
}

/// Why a write was refused: the field, and what was wrong.
fn refused(field: &str, message: impl Into<String>) -> RowError {
    RowError::new(0, field, message)
}

impl BulkWriter {
    /// The local key of the record `reference` names in `table` (by uid or
    /// external id).
    async fn key_of(
        &mut self,
        table: &'static str,
        reference: &RecordRef,
    ) -> Result<Option<i64>, StoreError> {
        let by_uid = reference.as_uid();
        let external = match table {
            "cohorts" => None,
            _ => Some(reference.as_str().to_owned()),
        };
        let sql = match (by_uid.is_some(), external.is_some()) {
            (true, _) => format!("SELECT id FROM {table} WHERE uid = $1"),
            (false, true) => format!("SELECT id FROM {table} WHERE external_id = $1"),
            (false, false) => return Ok(None),
        };
        let found: Option<i64> = on_tx!(&mut self.tx, conn => {
            match by_uid {
                Some(uid) => sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(uid.uuid()).fetch_optional(&mut **conn).await?,
                None => sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(external.clone()).fetch_optional(&mut **conn).await?,
            }
        });
        Ok(found)
    }

    async fn required_key(
        &mut self,
        table: &'static str,
        what: &str,
        field: &str,
        reference: &RecordRef,
        errors: &mut Vec<RowError>,
    ) -> Result<Option<i64>, StoreError> {
        let key = self.key_of(table, reference).await?;
        if key.is_none() {
            errors.push(refused(
                field,
                format!("no {what} has the id \"{reference}\""),
            ));
        }
        Ok(key)
    }

    /// Writes a program: a new one, or a change to the one with its uid.
    /// Returns its uid, or the fields refused.
    pub async fn write_program(
        &mut self,
        row: Incoming<Program<RecordRef>>,
    ) -> Result<Result<Uid, Vec<RowError>>, StoreError> {
        let mut errors = Vec::new();
        let p = &row.record;
        if let Err((field, error)) = p.check() {
            errors.push(refused(field, error.to_string()));
        }
        let organizer = self
            .required_key(
                "organizations",
                "organization",
                "organizer",
                &p.organizer,
                &mut errors,
            )
            .await?;
        let owner = match &row.owner {
            Some(owner) => {
                self.required_key("organizations", "organization", "owner", owner, &mut errors)
                    .await?
            }
            None => None,
        };
        let mut related = Vec::new();
        for (position, partner) in p.partners.iter().enumerate() {
            if let Some(key) = self
                .required_key(
                    "organizations",
                    "organization",
                    "partners",
                    partner,
                    &mut errors,
                )
                .await?
            {
                related.push((key, "partner", None, position));
            }
        }
        for (position, funder) in p.funders.iter().enumerate() {
            if let Some(key) = self
                .required_key(
                    "organizations",
                    "organization",
                    "funders",
                    &funder.organization,
                    &mut errors,
                )
                .await?
            {
                related.push((key, "funder", Some(funder.source.as_str()), position));
            }
        }
        let (provider, local_partner, demonstration) = match &p.demonstration {
            Some(d) => {
                let provider = self
                    .required_key(
                        "organizations",
                        "organization",
                        "provider",
                        &d.provider,
                        &mut errors,
                    )
                    .await?;
                let local = match &d.local_partner {
                    Some(partner) => {
                        self.required_key(
                            "organizations",
                            "organization",
                            "local_partner",
                            partner,
                            &mut errors,
                        )
                        .await?
                    }
                    None => None,
                };
                let rest = DemonstrationColumn {
                    technology: d.technology.clone(),
                    recipient_country: d.recipient_country,
                    milestones: d.milestones.clone(),
                    results: d.results.clone(),
                };
                (
                    provider,
                    local,
                    Some(serde_json::to_value(rest).unwrap_or_default()),
                )
            }
            None => (None, None, None),
        };
        let Some(organizer) = organizer else {
            return Ok(Err(errors));
        };
        if !errors.is_empty() {
            return Ok(Err(errors));
        }
        let uid = row.uid.unwrap_or_default();
        let now = Timestamp::now();
        let existing: Option<i64> = on_tx!(&mut self.tx, conn => {
            sqlx::query_scalar("SELECT id FROM programs WHERE uid = $1").bind(uid.uuid()).fetch_optional(&mut **conn).await?
        });
        let sql = match existing {
            Some(_) => {
                "UPDATE programs SET external_id = $2, owner_id = $3, program_type = $4, name_native = $5, \
                 name_latin = $6, name_japanese = $7, organizer_id = $8, countries = $9, sectors = $10, \
                 sdgs = $11, start_date = $12, end_date = $13, budget_amount = $14, budget_currency = $15, \
                 stage = $16, description = $17, provider_id = $18, local_partner_id = $19, \
                 demonstration = $20, visibility = $21, updated_at = $23 WHERE uid = $1"
            }
            None => {
                "INSERT INTO programs (uid, external_id, owner_id, program_type, name_native, name_latin, \
                 name_japanese, organizer_id, countries, sectors, sdgs, start_date, end_date, budget_amount, \
                 budget_currency, stage, description, provider_id, local_partner_id, demonstration, \
                 visibility, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, \
                 $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)"
            }
        };
        let text = |t: &Option<Text>| t.as_ref().map(|t| t.as_str().to_owned());
        let created = row.created_at.unwrap_or(now);
        let updated = row.updated_at.unwrap_or(now);
        let result = on_tx!(&mut self.tx, conn => {
            sqlx::query(sql)
                .bind(uid.uuid())
                .bind(row.external_id.as_ref().map(|e| e.as_str().to_owned()))
                .bind(owner)
                .bind(p.program_type.as_str())
                .bind(text(&p.names.native))
                .bind(text(&p.names.latin))
                .bind(text(&p.names.japanese))
                .bind(organizer)
                .bind(Json(&p.countries))
                .bind(Json(&p.sectors))
                .bind(Json(&p.sdgs))
                .bind(p.start.to_string())
                .bind(p.end.map(|d| d.to_string()))
                .bind(p.budget.map(|b| b.amount))
                .bind(p.budget.map(|b| b.currency.as_str().to_owned()))
                .bind(p.stage.map(|s| s.as_str()))
                .bind(text(&p.description))
                .bind(provider)
                .bind(local_partner)
                .bind(demonstration.as_ref().map(Json))
                .bind(p.visibility.as_str())
                .bind(DbTime(created))
                .bind(DbTime(updated))
                .execute(&mut **conn)
                .await
                .map(|done| done.rows_affected())
        });
        if let Err(taken) = unique_taken(
            result,
            "external_id",
            "another program has this external id",
        )? {
            return Ok(Err(taken));
        }
        on_tx!(&mut self.tx, conn => {
            sqlx::query("DELETE FROM program_organizations WHERE program_id = (SELECT id FROM programs WHERE uid = $1)")
                .bind(uid.uuid()).execute(&mut **conn).await?;
            for (key, relation, source, position) in &related {
                sqlx::query(
                    "INSERT INTO program_organizations (program_id, organization_id, relation, source, position) \
                     VALUES ((SELECT id FROM programs WHERE uid = $1), $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                )
                .bind(uid.uuid())
                .bind(*key)
                .bind(*relation)
                .bind(*source)
                .bind(*position as i64)
                .execute(&mut **conn)
                .await?;
            }
        });
        Ok(Ok(uid))
    }

    pub async fn read_program(
        &mut self,
        uid: Uid,
    ) -> Result<Option<Stored<Program<Link>>>, StoreError> {
        let sql = format!("{PROGRAM_SELECT} WHERE pr.uid = $1");
        let row: Option<ProgramRow> = on_tx!(&mut self.tx, conn => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(uid.uuid()).fetch_optional(&mut **conn).await?
        });
        let Some(row) = row else { return Ok(None) };
        let related: Vec<RelatedRow> = on_tx!(&mut self.tx, conn => {
            sqlx::query_as(
                "SELECT o.uid, o.external_id, po.relation, po.source \
                 FROM program_organizations po JOIN organizations o ON o.id = po.organization_id \
                 WHERE po.program_id = $1 ORDER BY po.relation, po.position",
            )
            .bind(row.id)
            .fetch_all(&mut **conn)
            .await?
        });
        row.into_stored(related).map(Some)
    }

    /// Writes a cohort: a new one, or a change to the one with `uid`.
    pub async fn write_cohort(
        &mut self,
        uid: Option<Uid>,
        cohort: &Cohort<RecordRef>,
    ) -> Result<Result<Uid, Vec<RowError>>, StoreError> {
        let mut errors = Vec::new();
        if let Some(end) = cohort.end
            && end.last_day() < cohort.start.first_day()
        {
            errors.push(refused(
                "end",
                format!("it ends ({end}) before it starts ({})", cohort.start),
            ));
        }
        let program = self
            .required_key(
                "programs",
                "program",
                "program",
                &cohort.program,
                &mut errors,
            )
            .await?;
        let (Some(program), true) = (program, errors.is_empty()) else {
            return Ok(Err(errors));
        };
        let uid = uid.unwrap_or_default();
        let now = DbTime(Timestamp::now());
        let capacity = cohort.capacity.map(i64::from);
        on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "INSERT INTO cohorts (uid, program_id, name, start_date, end_date, capacity, created_at, updated_at, \
                 apply_by, mode, languages) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10) \
                 ON CONFLICT (uid) DO UPDATE SET program_id = excluded.program_id, name = excluded.name, \
                 start_date = excluded.start_date, end_date = excluded.end_date, capacity = excluded.capacity, \
                 updated_at = excluded.updated_at, apply_by = excluded.apply_by, mode = excluded.mode, \
                 languages = excluded.languages",
            )
            .bind(uid.uuid())
            .bind(program)
            .bind(cohort.name.as_str())
            .bind(cohort.start.to_string())
            .bind(cohort.end.map(|d| d.to_string()))
            .bind(capacity)
            .bind(now)
            .bind(cohort.apply_by)
            .bind(cohort.mode.map(|m| m.as_str()))
            .bind(crate::matching::texts(&cohort.languages))
            .execute(&mut **conn)
            .await?;
        });
        Ok(Ok(uid))
    }

    /// Adds a participation, its journey begun (applied on `on`).
    pub async fn add_participation(
        &mut self,
        row: Incoming<Participation<RecordRef>>,
        on: time::Date,
    ) -> Result<Result<Uid, Vec<RowError>>, StoreError> {
        let mut errors = Vec::new();
        let p = &row.record;
        let person = self
            .required_key("people", "person", "person", &p.person, &mut errors)
            .await?;
        let program = self
            .required_key("programs", "program", "program", &p.program, &mut errors)
            .await?;
        let cohort = match &p.cohort {
            Some(cohort) => {
                self.required_key("cohorts", "cohort", "cohort", cohort, &mut errors)
                    .await?
            }
            None => None,
        };
        let host = match &p.host {
            Some(host) => {
                self.required_key("organizations", "organization", "host", host, &mut errors)
                    .await?
            }
            None => None,
        };
        if let (Some(cohort), Some(program)) = (cohort, program) {
            let of_program: Option<i64> = on_tx!(&mut self.tx, conn => {
                sqlx::query_scalar("SELECT program_id FROM cohorts WHERE id = $1").bind(cohort).fetch_optional(&mut **conn).await?
            });
            if of_program != Some(program) {
                errors.push(refused("cohort", "is a cohort of another program"));
            }
        }
        let (Some(person), Some(program), true) = (person, program, errors.is_empty()) else {
            return Ok(Err(errors));
        };
        let uid = row.uid.unwrap_or_default();
        let now = DbTime(row.created_at.unwrap_or_else(Timestamp::now));
        let result = on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "INSERT INTO participations (uid, external_id, program_id, cohort_id, person_id, role, host_id, \
                 note, applied_on, state, state_since, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'applied', $9, $10, $10)",
            )
            .bind(uid.uuid())
            .bind(row.external_id.as_ref().map(|e| e.as_str().to_owned()))
            .bind(program)
            .bind(cohort)
            .bind(person)
            .bind(p.role.as_str())
            .bind(host)
            .bind(p.note.as_ref().map(|n| n.as_str().to_owned()))
            .bind(on)
            .bind(now)
            .execute(&mut **conn)
            .await
            .map(|done| done.rows_affected())
        });
        if let Err(taken) =
            unique_taken(result, "external_id", "another participation has this id")?
        {
            return Ok(Err(taken));
        }
        Ok(Ok(uid))
    }

    /// The participation with this external id, inside this transaction.
    pub async fn participation_by_external_id(
        &mut self,
        external_id: &kyoso_domain::ExternalId,
    ) -> Result<Option<Uid>, StoreError> {
        let uid: Option<Uuid> = on_tx!(&mut self.tx, conn => {
            sqlx::query_scalar("SELECT uid FROM participations WHERE external_id = $1")
                .bind(external_id.as_str())
                .fetch_optional(&mut **conn)
                .await?
        });
        Ok(uid.map(Uid::from_uuid))
    }

    /// Reads a participation and its journey inside this transaction.
    pub async fn read_participation(
        &mut self,
        uid: Uid,
    ) -> Result<Option<StoredParticipation>, StoreError> {
        let sql = format!("{PARTICIPATION_SELECT} WHERE pa.uid = $1");
        let row: Option<ParticipationRow> = on_tx!(&mut self.tx, conn => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(uid.uuid()).fetch_optional(&mut **conn).await?
        });
        let Some(row) = row else { return Ok(None) };
        let id = row.id;
        let entries: Vec<EntryRow> = on_tx!(&mut self.tx, conn => {
            sqlx::query_as(ENTRIES_SELECT).bind(id).fetch_all(&mut **conn).await?
        });
        Ok(Some(StoredParticipation {
            applied_on: row.applied_on,
            stored: row.into_stored()?,
            journey: journey_of(id, entries)?,
        }))
    }

    /// Appends `entry` to the journey of participation `uid` and keeps the
    /// state beside it. The caller has checked the entry against the journey
    /// read in this transaction; a concurrent entry with the same number
    /// makes this a conflict.
    pub async fn append_journey_entry(
        &mut self,
        uid: Uid,
        entry: &JourneyEntry,
        state: JourneyState,
        since: Option<time::Date>,
    ) -> Result<(), StoreError> {
        let (action, to, retracts) = match entry.action {
            JourneyAction::Move { to } => ("move", Some(to.as_str()), None),
            JourneyAction::Retract { entry } => ("retract", None, Some(i64::from(entry))),
        };
        self.append_to_trail(
            crate::trail::JOURNEY,
            uid,
            Number::Given(entry.number),
            ("recorded_at", Timestamp::now()),
            vec![
                ("action", Bind::Text(action.into())),
                ("to_state", Bind::OptionalText(to.map(str::to_owned))),
                ("retracts", Bind::OptionalInt(retracts)),
                ("on_date", Bind::Date(entry.on)),
                ("recorded_by", Bind::Text(entry.by.as_str().to_owned())),
                (
                    "note",
                    Bind::OptionalText(entry.note.as_ref().map(|n| n.as_str().to_owned())),
                ),
            ],
        )
        .await?;
        let now = DbTime(Timestamp::now());
        on_tx!(&mut self.tx, conn => {
            // A returnee is due a follow-up from their return or their last
            // follow-up, whichever is later; others are not.
            sqlx::query(
                "UPDATE participations SET state = $2, state_since = $3, updated_at = $4, \
                 follow_up_due = CASE WHEN $5 THEN (CASE WHEN follow_up_due IS NULL OR follow_up_due < $3 \
                 THEN $3 ELSE follow_up_due END) ELSE NULL END WHERE uid = $1",
            )
            .bind(uid.uuid())
            .bind(state.as_str())
            .bind(since)
            .bind(now)
            .bind(awaits_follow_up(state))
            .execute(&mut **conn)
            .await?;
        });
        Ok(())
    }

    /// Remembers that participation `participation` implies tie `tie`.
    pub async fn link_implied_tie(
        &mut self,
        participation: Uid,
        tie: Uid,
    ) -> Result<(), StoreError> {
        on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "INSERT INTO participation_ties (participation_id, tie_id) \
                 VALUES ((SELECT id FROM participations WHERE uid = $1), (SELECT id FROM ties WHERE uid = $2)) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(participation.uuid())
            .bind(tie.uuid())
            .execute(&mut **conn)
            .await?;
        });
        Ok(())
    }

    /// Forgets the ties participation `participation` implied, and deletes
    /// those that nothing else implies; returns the uids of those deleted.
    pub async fn drop_implied_ties(&mut self, participation: Uid) -> Result<Vec<Uid>, StoreError> {
        let uids: Vec<Uuid> = on_tx!(&mut self.tx, conn => {
            let uids = sqlx::query_scalar(
                "SELECT t.uid FROM participation_ties pt JOIN ties t ON t.id = pt.tie_id \
                 WHERE pt.participation_id = (SELECT id FROM participations WHERE uid = $1) \
                 AND NOT EXISTS (SELECT 1 FROM participation_ties other WHERE other.tie_id = pt.tie_id \
                 AND other.participation_id <> pt.participation_id)",
            )
            .bind(participation.uuid())
            .fetch_all(&mut **conn)
            .await?;
            sqlx::query(
                "DELETE FROM participation_ties \
                 WHERE participation_id = (SELECT id FROM participations WHERE uid = $1)",
            )
            .bind(participation.uuid())
            .execute(&mut **conn)
            .await?;
            uids
        });
        if !uids.is_empty() {
            // Deleted ties' ends are not known afterwards: "many ties".
            self.changed("ties", None).await?;
        }
        // The other links go by hand: a writer for many rows may run
        // without the cascades of foreign keys.
        for uid in &uids {
            on_tx!(&mut self.tx, conn => {
                for sql in [
                    "DELETE FROM outcome_ties WHERE tie_id = (SELECT id FROM ties WHERE uid = $1)",
                    "DELETE FROM ties WHERE uid = $1",
                ] {
                    sqlx::query(sql).bind(*uid).execute(&mut **conn).await?;
                }
            });
        }
        Ok(uids.into_iter().map(Uid::from_uuid).collect())
    }

    /// Whether the tie with `uid` is implied by some participation (rather
    /// than recorded by hand).
    pub async fn tie_is_implied(&mut self, uid: Uid) -> Result<bool, StoreError> {
        let found: Option<i64> = on_tx!(&mut self.tx, conn => {
            sqlx::query_scalar(
                "SELECT pt.tie_id FROM participation_ties pt JOIN ties t ON t.id = pt.tie_id \
                 WHERE t.uid = $1 LIMIT 1",
            )
            .bind(uid.uuid())
            .fetch_optional(&mut **conn)
            .await?
        });
        Ok(found.is_some())
    }

    /// Whether a tie with `uid` exists.
    pub async fn tie_exists(&mut self, uid: Uid) -> Result<bool, StoreError> {
        let found: Option<i64> = on_tx!(&mut self.tx, conn => {
            sqlx::query_scalar("SELECT id FROM ties WHERE uid = $1").bind(uid.uuid()).fetch_optional(&mut **conn).await?
        });
        Ok(found.is_some())
    }
}

/// A participation to add in bulk, its references already resolved.
#[derive(Debug, Clone)]
pub struct NewParticipation {
    pub uid: Uid,
    pub external_id: Option<kyoso_domain::ExternalId>,
    pub program: i64,
    pub cohort: Option<i64>,
    pub person: i64,
    pub role: ParticipantRole,
    pub host: Option<i64>,
    pub note: Option<Text>,
    pub applied_on: time::Date,
    pub journey: Journey,
}

/// A date as sqlx writes it on SQLite (`YYYY-MM-DD`), so that both ways
/// in read alike; by hand, as this runs for every row of an import.
pub(crate) fn sqlite_date(date: time::Date) -> String {
    let mut text = String::with_capacity(10);
    let digits = |text: &mut String, value: u32, width: u32| {
        for place in (0..width).rev() {
            let digit = (value / 10u32.pow(place)) % 10;
            text.push(char::from(b'0' + digit as u8));
        }
    };
    digits(&mut text, u32::try_from(date.year()).unwrap_or(0), 4);
    text.push('-');
    digits(&mut text, u32::from(u8::from(date.month())), 2);
    text.push('-');
    digits(&mut text, u32::from(date.day()), 2);
    text
}

/// The columns of a journey entry: action, the state moved to, the entry
/// retracted.
pub(crate) fn entry_columns(
    entry: &JourneyEntry,
) -> (&'static str, Option<&'static str>, Option<i64>) {
    match entry.action {
        JourneyAction::Move { to } => ("move", Some(to.as_str()), None),
        JourneyAction::Retract { entry } => ("retract", None, Some(i64::from(entry))),
    }
}

/// Participations a statement carries.
pub(crate) const PARTICIPATIONS_PER_STATEMENT: usize = 32;

/// Journey entries a statement carries: entries outnumber participations
/// several times, and a statement's fixed cost is spread over many rows.
pub(crate) const ENTRIES_PER_STATEMENT: usize = 64;

impl Store {
    /// Finds committed records of `table` by the references given, on the
    /// calling thread, as [`BulkWriter::find_many`] does in a transaction.
    /// `None` where the store cannot read on the caller's thread (it is
    /// not a SQLite file).
    ///
    /// A load whose writer holds the write lock can look up here, on its
    /// reading thread, the records that were there before it began: no
    /// one else can change them until it ends.
    pub fn find_many_committed(
        &self,
        table: &'static str,
        references: &[&RecordRef],
    ) -> Option<Result<Found, StoreError>> {
        let reads = self.fast_reads.as_ref()?;
        Some(reads.with(|conn| crate::sqlite::programs::find_many_sqlite(conn, table, references)))
    }
}

/// Up to this many implied ties, each enters the change feed by itself.
const IMPLIED_TIES_ONE_BY_ONE: usize = 100;

/// A tie a new participation implies.
#[derive(Debug, Clone)]
pub struct ImpliedTie {
    /// The participation's local key.
    pub participation: i64,
    /// The participant's local key: the person at one end of the tie.
    pub person: i64,
    pub tie: Tie<Uid>,
    /// The organization that owns the tie: the program's owner.
    pub owner: Option<Uid>,
}

/// Ties a statement carries.
pub(crate) const TIES_PER_STATEMENT: usize = 32;

/// Links a statement carries.
pub(crate) const LINKS_PER_STATEMENT: usize = 128;

/// Rows bound as arrays in one PostgreSQL statement.
pub(crate) const ROWS_PER_ARRAY_STATEMENT: usize = 5000;

/// Rows a bulk statement carries at most.
const ROWS_PER_STATEMENT: usize = 200;

/// A referenced record found in bulk: its local key and uid.
pub type Found = std::collections::HashMap<String, (i64, Uid)>;

impl BulkWriter {
    async fn fetch_sql<T>(&mut self, sql: &Sql) -> Result<Vec<T>, StoreError>
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
            + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
            + Send
            + Unpin,
    {
        Ok(match &mut self.tx {
            crate::bulk::Tx::Sqlite(conn) => sql.sqlite_as().fetch_all(&mut **conn).await?,
            crate::bulk::Tx::Postgres(conn) => sql.postgres_as().fetch_all(&mut **conn).await?,
            crate::bulk::Tx::Ended => unreachable!("a bulk writer is used after it ended"),
        })
    }

    pub(crate) async fn execute_sql(&mut self, sql: &Sql) -> Result<(), StoreError> {
        match &mut self.tx {
            crate::bulk::Tx::Sqlite(conn) => {
                sql.sqlite_query().execute(&mut **conn).await?;
            }
            crate::bulk::Tx::Postgres(conn) => {
                sql.postgres_query().execute(&mut **conn).await?;
            }
            crate::bulk::Tx::Ended => unreachable!("a bulk writer is used after it ended"),
        }
        Ok(())
    }

    /// Finds records of `table` by the references given (uid or external
    /// id), a few hundred at a time. The map is keyed by the reference.
    pub async fn find_many(
        &mut self,
        table: &'static str,
        references: &[&RecordRef],
    ) -> Result<Found, StoreError> {
        if let crate::bulk::Tx::Sqlite(conn) = &mut self.tx {
            let mut handle = conn.lock_handle().await?;
            return crate::sqlite::rows::with_connection(&mut handle, |conn| {
                Ok(crate::sqlite::programs::find_many_sqlite(
                    conn, table, references,
                )?)
            });
        }
        let engine = self.engine();
        let mut found = Found::new();
        let has_external = table != "cohorts";
        for chunk in references.chunks(ROWS_PER_STATEMENT) {
            let mut sql = Sql::new(
                engine,
                format!(
                    "SELECT id, uid, {} FROM {table} WHERE uid IN (",
                    if has_external {
                        "external_id"
                    } else {
                        "NULL AS external_id"
                    }
                ),
            );
            let mut any = false;
            for (i, reference) in chunk.iter().filter_map(|r| r.as_uid()).enumerate() {
                if i > 0 {
                    sql.push(", ");
                }
                sql.bind(Bind::Uid(reference.uuid()));
                any = true;
            }
            if !any {
                sql.push("NULL");
            }
            sql.push(")");
            if has_external {
                let texts: Vec<String> = chunk.iter().map(|r| r.as_str().to_owned()).collect();
                sql.push(match engine {
                    crate::Engine::Sqlite => " OR external_id IN (",
                    crate::Engine::Postgres => " OR external_id = ANY(",
                });
                sql.bind(Bind::TextList(texts));
                sql.push(")");
            }
            let rows: Vec<(i64, Uuid, Option<String>)> = self.fetch_sql(&sql).await?;
            for (id, uid, external) in rows {
                let uid = Uid::from_uuid(uid);
                found.insert(uid.to_string(), (id, uid));
                if let Some(external) = external {
                    found.insert(external, (id, uid));
                }
            }
        }
        Ok(found)
    }

    /// Adds participations with their journeys. Returns their local keys,
    /// in order.
    ///
    /// Imports add hundreds of thousands at once, so each engine gets its
    /// fastest way in: on SQLite, prepared statements stepped on the locked
    /// handle; on PostgreSQL, a few thousand rows a statement bound as arrays.
    pub async fn insert_participations(
        &mut self,
        rows: &[NewParticipation],
    ) -> Result<Vec<i64>, StoreError> {
        let now = Timestamp::now();
        match &mut self.tx {
            crate::bulk::Tx::Sqlite(conn) => {
                let mut handle = conn.lock_handle().await?;
                crate::sqlite::rows::with_connection(&mut handle, |conn| {
                    crate::sqlite::programs::insert_participations_sqlite(conn, rows, now)
                })
            }
            crate::bulk::Tx::Postgres(conn) => {
                crate::postgres::copy::insert_participations_postgres(conn, rows, now).await
            }
            crate::bulk::Tx::Ended => unreachable!("a bulk writer is used after it ended"),
        }
    }

    /// The program a cohort belongs to.
    pub async fn cohort_program(&mut self, cohort: i64) -> Result<Option<i64>, StoreError> {
        Ok(on_tx!(&mut self.tx, conn => {
            sqlx::query_scalar("SELECT program_id FROM cohorts WHERE id = $1").bind(cohort).fetch_optional(&mut **conn).await?
        }))
    }

    /// Writes the ties that new participations imply, and remembers which
    /// participation implies which tie. Participations that imply the same
    /// tie share it; a tie recorded by hand is kept as it is and not taken
    /// over.
    pub async fn add_implied_ties(&mut self, implied: &[ImpliedTie]) -> Result<(), StoreError> {
        // The ties enter the change feed one by one when they are few (a
        // single enrolment), as "many ties" when they are many (an import).
        if implied.len() <= IMPLIED_TIES_ONE_BY_ONE {
            for tie in implied {
                self.changed("ties", Some(tie.tie.natural_uid())).await?;
            }
        } else {
            self.changed("ties", None).await?;
        }
        let now = Timestamp::now();
        if let crate::bulk::Tx::Sqlite(conn) = &mut self.tx {
            let mut handle = conn.lock_handle().await?;
            return crate::sqlite::rows::with_connection(&mut handle, |conn| {
                crate::sqlite::programs::add_implied_ties_sqlite(conn, implied, now)
            });
        }
        let natural: Vec<Uid> = implied.iter().map(|i| i.tie.natural_uid()).collect();
        let existing = self.existing_ties(&natural).await?;
        let mut ties = Vec::new();
        let mut links = Vec::new();
        let mut writing = std::collections::HashSet::new();
        for (implied, tie_uid) in implied.iter().zip(natural) {
            if existing.contains(&tie_uid) {
                if self.tie_is_implied(tie_uid).await? {
                    links.push((implied.participation, tie_uid));
                }
                continue;
            }
            links.push((implied.participation, tie_uid));
            if writing.insert(tie_uid) {
                let mut incoming = Incoming::new(
                    implied
                        .tie
                        .clone()
                        .map_ref(|end| RecordRef::to_record(end, None)),
                );
                incoming.uid = Some(tie_uid);
                incoming.owner = implied.owner.map(|owner| RecordRef::to_record(owner, None));
                ties.push(incoming);
            }
        }
        let (refused, _) = self.write_ties_returning_uids(ties).await?;
        if let Some(first) = refused.into_iter().next() {
            return Err(StoreError::Invalid {
                field: first.field,
                message: format!("an implied tie was refused: {}", first.message),
            });
        }
        self.link_implied_ties(&links).await
    }

    /// Of the tie uids given, those that exist.
    async fn existing_ties(
        &mut self,
        uids: &[Uid],
    ) -> Result<std::collections::HashSet<Uid>, StoreError> {
        let engine = self.engine();
        let mut existing = std::collections::HashSet::new();
        for chunk in uids.chunks(ROWS_PER_STATEMENT) {
            let mut sql = Sql::new(engine, "SELECT uid FROM ties WHERE uid IN (");
            for (i, uid) in chunk.iter().enumerate() {
                if i > 0 {
                    sql.push(", ");
                }
                sql.bind(Bind::Uid(uid.uuid()));
            }
            sql.push(")");
            let rows: Vec<(Uuid,)> = self.fetch_sql(&sql).await?;
            existing.extend(rows.into_iter().map(|(uid,)| Uid::from_uuid(uid)));
        }
        Ok(existing)
    }

    /// Remembers, in bulk, that participations imply ties: (participation
    /// key, tie uid).
    async fn link_implied_ties(&mut self, links: &[(i64, Uid)]) -> Result<(), StoreError> {
        let engine = self.engine();
        for chunk in links.chunks(ROWS_PER_STATEMENT) {
            let mut sql = Sql::new(
                engine,
                "INSERT INTO participation_ties (participation_id, tie_id) SELECT v.p, t.id FROM (",
            );
            for (i, (key, uid)) in chunk.iter().enumerate() {
                sql.push(if i == 0 {
                    "SELECT "
                } else {
                    " UNION ALL SELECT "
                });
                sql.bind(Bind::Int(*key));
                sql.push(" AS p, ");
                sql.bind(Bind::Uid(uid.uuid()));
                sql.push(" AS u");
            }
            sql.push(") v JOIN ties t ON t.uid = v.u ON CONFLICT DO NOTHING");
            self.execute_sql(&sql).await?;
        }
        Ok(())
    }
}
