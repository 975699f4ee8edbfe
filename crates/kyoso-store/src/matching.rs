//! Needs, offers and matches, and what matching reads of the registry:
//! people's profiles, the countries they have worked in, track records and
//! the cohorts open for applications.

use kyoso_domain::{
    Candidate, MatchEvent, MatchFilter, NeedFilter, OfferFilter, Poster, StoredMatch, StoredNeed,
    StoredOffer,
};
use kyoso_domain::{
    CandidateKind, CountryCode, CourseMode, Deployment, EntityKind, ExternalId,
    LanguageRequirement, LanguageSkill, MatchOutcome, MatchStatus, Names, Need, NeedStatus, Offer,
    Readiness, SdgTarget, SectorCode, Skill, Text, Timestamp, Uid, Usd, Visibility,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::bulk::on_tx;
use crate::query::{Bind, Sql};
use crate::read::Checker;
use crate::value::DbTime;
use crate::{BulkWriter, Pool, ReadScope, Store, StoreError, dispatch};
use sqlx::AssertSqlSafe;

/// A person as matching sees them: only people who share their record
/// with the network and agreed to its processing.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchingPerson {
    pub uid: Uid,
    pub names: Names,
    pub residence: Option<CountryCode>,
    /// The organization that manages the record.
    pub owner: Option<Uid>,
    pub visibility: Visibility,
    pub skills: Vec<Skill>,
    pub sectors: Vec<SectorCode>,
    pub languages: Vec<LanguageSkill>,
    /// Residence, nationality, the countries they have lived or worked in
    /// and the countries of organizations they are tied to.
    pub countries: Vec<CountryCode>,
    pub mentoring: bool,
    pub dispatch: bool,
    /// Trains others: answers training needs.
    pub training: bool,
    /// The first day they can take up work, where that is not now.
    pub available_from: Option<time::Date>,
    /// Their own words about their work, which matching reads for topics.
    pub bio: Option<String>,
}

/// Past matches of a candidate, for its track record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TrackRecord {
    /// Matches that got past a proposal.
    pub matches: u32,
    pub successes: u32,
    /// Matches that reached an outcome.
    pub concluded: u32,
}

/// A cohort that takes applications: one that has not started.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenCohort {
    pub uid: Uid,
    pub name: Text,
    pub program: Uid,
    pub program_name: String,
    pub organizer: Uid,
    pub start: String,
    pub sectors: Vec<SectorCode>,
    pub countries: Vec<CountryCode>,
    pub capacity: Option<u32>,
    /// Places not yet taken by participants (withdrawn and rejected ones
    /// free theirs), if the cohort has a capacity.
    pub seats_left: Option<u32>,
    pub apply_by: Option<time::Date>,
    pub mode: Option<CourseMode>,
    pub languages: Vec<LanguageSkill>,
    /// The program's description, which matching reads for topics.
    pub description: Option<String>,
}

pub(crate) fn list<T: DeserializeOwned>(
    c: &Checker,
    field: &'static str,
    raw: &str,
) -> Result<T, StoreError> {
    serde_json::from_str(raw).map_err(|e| c.damaged(field, e))
}

pub(crate) fn texts<T: ToString>(items: &[T]) -> String {
    serde_json::Value::from(items.iter().map(ToString::to_string).collect::<Vec<_>>()).to_string()
}

fn like(text: &str) -> String {
    format!(
        "%{}%",
        text.trim()
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    )
}

macro_rules! fetch_all {
    ($store:expr, $sql:expr, $row:ty) => {
        match &$store.pool {
            Pool::Sqlite(pool) => $sql.sqlite_as::<$row>().fetch_all(pool).await?,
            Pool::Postgres(pool) => $sql.postgres_as::<$row>().fetch_all(pool).await?,
        }
    };
}
pub(crate) use fetch_all;

/// People matching may propose: shared with the network, agreed to
/// processing.
pub(crate) const MATCHING_PEOPLE: &str = "SELECT p.id, p.uid, p.residence, p.nationality, \
    CAST(p.languages AS TEXT) AS languages, CAST(p.skills AS TEXT) AS skills, \
    CAST(p.sectors AS TEXT) AS sectors, p.available_mentoring, p.available_dispatch, \
    p.name_native, p.name_latin, p.name_japanese, p.visibility, o.uid AS owner_uid, p.bio, \
    p.available_from, CAST(p.experience_countries AS TEXT) AS experience_countries, \
    p.available_training \
    FROM people p LEFT JOIN organizations o ON o.id = p.owner_id \
    WHERE p.visibility <> 'private' AND p.consent_processing";

/// The countries of the organizations each person is tied to, by local key.
pub(crate) const MATCHING_PLACES: &str = "SELECT DISTINCT t.from_person_id, o.country FROM ties t \
    JOIN organizations o ON o.id = t.to_org_id \
    WHERE t.from_person_id IS NOT NULL AND o.country IS NOT NULL AND t.visibility <> 'private'";

fn bind_uids(sql: &mut Sql, uids: &[Uid]) {
    for (i, uid) in uids.iter().enumerate() {
        if i > 0 {
            sql.push(", ");
        }
        sql.bind(Bind::Uid(uid.uuid()));
    }
}

/// People's rows joined with their places; both sorted by local key.
pub(crate) fn assemble_matching_people(
    rows: Vec<MatchingPersonRow>,
    places: Vec<(i64, String)>,
) -> Result<Vec<MatchingPerson>, StoreError> {
    let mut places = places.into_iter().peekable();
    let mut people = Vec::with_capacity(rows.len());
    for row in rows {
        let c = Checker {
            table: "people",
            id: row.id,
        };
        let mut countries = Vec::new();
        let residence_code = row.residence.clone();
        for code in [row.residence, row.nationality].into_iter().flatten() {
            countries.push(c.value("residence", &code, CountryCode::parse)?);
        }
        while places.peek().is_some_and(|(id, _)| *id < row.id) {
            places.next();
        }
        while let Some((_, code)) = places.next_if(|(id, _)| *id == row.id) {
            countries.push(c.value("ties", &code, CountryCode::parse)?);
        }
        countries.extend(list::<Vec<CountryCode>>(
            &c,
            "experience_countries",
            &row.experience_countries,
        )?);
        countries.sort();
        countries.dedup();
        // The people table keeps languages in their compact form.
        let languages: Vec<String> = list(&c, "languages", &row.languages)?;
        let languages = languages
            .iter()
            .map(|l| c.value("languages", l, LanguageSkill::parse))
            .collect::<Result<Vec<_>, _>>()?;
        let name = |field, value: Option<String>| {
            value
                .map(|v| c.value(field, &v, |s| Text::line(s, 200)))
                .transpose()
        };
        let names = Names::new(
            name("name_native", row.name_native)?,
            name("name_latin", row.name_latin)?,
            name("name_japanese", row.name_japanese)?,
        )
        .map_err(|e| c.damaged("name_latin", e))?;
        people.push(MatchingPerson {
            uid: Uid::from_uuid(row.uid),
            names,
            residence: residence_code
                .map(|code| c.value("residence", &code, CountryCode::parse))
                .transpose()?,
            owner: row.owner_uid.map(Uid::from_uuid),
            visibility: c.value("visibility", &row.visibility, |s| s.parse())?,
            skills: list(&c, "skills", &row.skills)?,
            sectors: list(&c, "sectors", &row.sectors)?,
            languages,
            countries,
            mentoring: row.available_mentoring,
            dispatch: row.available_dispatch,
            training: row.available_training,
            available_from: c.optional(
                "available_from",
                row.available_from,
                kyoso_domain::PartialDate::parse_day,
            )?,
            bio: row.bio,
        });
    }
    Ok(people)
}

// --- needs ---

/// An amount as stored: a whole number of dollars, never below nought.
fn usd(c: &Checker, field: &'static str, stored: Option<i64>) -> Result<Option<Usd>, StoreError> {
    stored
        .map(|amount| Usd::try_from(amount).map_err(|e| c.damaged(field, e)))
        .transpose()
}

/// An amount as stored.
fn stored_usd(amount: Option<Usd>) -> Option<i64> {
    // Forms and files cap amounts far below i64::MAX.
    amount.map(|a| i64::try_from(a).unwrap_or(i64::MAX))
}

const NEED_SELECT: &str = "SELECT n.id, n.uid, ow.uid AS owner_uid, pp.uid AS person_uid, \
    po.uid AS org_uid, n.kind, n.title, n.description, n.skills, n.required_skills, n.sectors, \
    n.country, n.require_country, n.languages, n.require_available, n.min_readiness, n.deployed, \
    n.seeks, n.investment_usd, n.course_mode, n.located_in, n.available_by, n.deadline, n.status, \
    n.visibility, n.reminded_at, n.created_at, n.updated_at, n.external_id \
    FROM needs n LEFT JOIN organizations ow ON ow.id = n.owner_id \
    LEFT JOIN people pp ON pp.id = n.posted_by_person_id \
    LEFT JOIN organizations po ON po.id = n.posted_by_org_id";

#[derive(sqlx::FromRow)]
struct NeedRow {
    id: i64,
    uid: Uuid,
    owner_uid: Option<Uuid>,
    person_uid: Option<Uuid>,
    org_uid: Option<Uuid>,
    kind: String,
    title: String,
    description: Option<String>,
    skills: String,
    required_skills: String,
    sectors: String,
    country: Option<String>,
    require_country: bool,
    languages: String,
    require_available: bool,
    min_readiness: Option<i64>,
    deployed: Option<String>,
    seeks: String,
    investment_usd: Option<i64>,
    course_mode: Option<String>,
    located_in: String,
    available_by: Option<time::Date>,
    deadline: Option<time::Date>,
    status: String,
    visibility: String,
    reminded_at: Option<DbTime>,
    created_at: DbTime,
    updated_at: DbTime,
    external_id: Option<String>,
}

impl NeedRow {
    fn into_need(self) -> Result<StoredNeed, StoreError> {
        let c = Checker {
            table: "needs",
            id: self.id,
        };
        let posted_by = match (self.person_uid, self.org_uid) {
            (Some(uid), _) => Poster {
                kind: EntityKind::Person,
                uid: Uid::from_uuid(uid),
            },
            (None, Some(uid)) => Poster {
                kind: EntityKind::Organization,
                uid: Uid::from_uuid(uid),
            },
            (None, None) => return Err(c.damaged("posted_by", "is missing")),
        };
        let languages: Vec<String> = list(&c, "languages", &self.languages)?;
        Ok(StoredNeed {
            uid: Uid::from_uuid(self.uid),
            external_id: c.optional("external_id", self.external_id, ExternalId::parse)?,
            owner: self.owner_uid.map(Uid::from_uuid),
            status: c.value("status", &self.status, |s| s.parse())?,
            need: Need {
                kind: c.value("kind", &self.kind, |s| s.parse())?,
                posted_by,
                title: c.value("title", &self.title, |s| {
                    Text::line(s, Need::<()>::MAX_TITLE_CHARS)
                })?,
                description: c.optional("description", self.description, |s| {
                    Text::multiline(s, Need::<()>::MAX_DESCRIPTION_CHARS)
                })?,
                skills: list(&c, "skills", &self.skills)?,
                required_skills: list(&c, "required_skills", &self.required_skills)?,
                sectors: list(&c, "sectors", &self.sectors)?,
                country: c.optional("country", self.country, CountryCode::parse)?,
                require_country: self.require_country,
                languages: languages
                    .iter()
                    .map(|l| c.value("languages", l, LanguageRequirement::parse))
                    .collect::<Result<_, _>>()?,
                require_available: self.require_available,
                min_readiness: self
                    .min_readiness
                    .map(|r| {
                        u8::try_from(r)
                            .map_err(|e| c.damaged("min_readiness", e))
                            .and_then(|r| {
                                Readiness::new(r).map_err(|e| c.damaged("min_readiness", e))
                            })
                    })
                    .transpose()?,
                deployed: c.optional("deployed", self.deployed, Deployment::parse)?,
                seeks: list(&c, "seeks", &self.seeks)?,
                investment_usd: usd(&c, "investment_usd", self.investment_usd)?,
                course_mode: c.optional("course_mode", self.course_mode, |s| s.parse())?,
                located_in: list(&c, "located_in", &self.located_in)?,
                available_by: self.available_by,
                deadline: self.deadline,
                visibility: c.value("visibility", &self.visibility, |s| s.parse())?,
            },
            reminded_at: self.reminded_at.map(|t| t.0),
            created_at: self.created_at.0,
            updated_at: self.updated_at.0,
        })
    }
}

// --- offers ---

const OFFER_SELECT: &str = "SELECT f.id, f.uid, ow.uid AS owner_uid, pr.uid AS provider_uid, \
    f.kind, f.title, f.description, f.keywords, f.sectors, f.sdgs, f.readiness, f.countries, \
    f.seeks, f.invests_from_usd, f.invests_up_to_usd, f.languages, f.capacity, f.visibility, \
    f.created_at, f.updated_at, f.external_id \
    FROM offers f LEFT JOIN organizations ow ON ow.id = f.owner_id \
    JOIN organizations pr ON pr.id = f.provider_id";

#[derive(sqlx::FromRow)]
struct OfferRow {
    id: i64,
    uid: Uuid,
    owner_uid: Option<Uuid>,
    provider_uid: Uuid,
    kind: String,
    title: String,
    description: Option<String>,
    keywords: String,
    sectors: String,
    sdgs: String,
    readiness: Option<i64>,
    countries: String,
    seeks: String,
    invests_from_usd: Option<i64>,
    invests_up_to_usd: Option<i64>,
    languages: String,
    capacity: Option<String>,
    visibility: String,
    created_at: DbTime,
    updated_at: DbTime,
    external_id: Option<String>,
}

impl OfferRow {
    fn into_offer(self) -> Result<StoredOffer, StoreError> {
        let c = Checker {
            table: "offers",
            id: self.id,
        };
        let sdgs: Vec<String> = list(&c, "sdgs", &self.sdgs)?;
        Ok(StoredOffer {
            uid: Uid::from_uuid(self.uid),
            external_id: c.optional("external_id", self.external_id, ExternalId::parse)?,
            owner: self.owner_uid.map(Uid::from_uuid),
            offer: Offer {
                kind: c.value("kind", &self.kind, |s| s.parse())?,
                provider: Uid::from_uuid(self.provider_uid),
                title: c.value("title", &self.title, |s| {
                    Text::line(s, Offer::<()>::MAX_TITLE_CHARS)
                })?,
                description: c.optional("description", self.description, |s| {
                    Text::multiline(s, Offer::<()>::MAX_DESCRIPTION_CHARS)
                })?,
                keywords: list(&c, "keywords", &self.keywords)?,
                sectors: list(&c, "sectors", &self.sectors)?,
                sdgs: sdgs
                    .iter()
                    .map(|s| c.value("sdgs", s, SdgTarget::parse))
                    .collect::<Result<_, _>>()?,
                readiness: self
                    .readiness
                    .map(|r| {
                        u8::try_from(r)
                            .map_err(|e| c.damaged("readiness", e))
                            .and_then(|r| Readiness::new(r).map_err(|e| c.damaged("readiness", e)))
                    })
                    .transpose()?,
                countries: list(&c, "countries", &self.countries)?,
                seeks: list(&c, "seeks", &self.seeks)?,
                invests_from_usd: usd(&c, "invests_from_usd", self.invests_from_usd)?,
                invests_up_to_usd: usd(&c, "invests_up_to_usd", self.invests_up_to_usd)?,
                languages: list::<Vec<String>>(&c, "languages", &self.languages)?
                    .iter()
                    .map(|l| c.value("languages", l, LanguageSkill::parse))
                    .collect::<Result<_, _>>()?,
                capacity: c.line("capacity", self.capacity, Offer::<()>::MAX_CAPACITY_CHARS)?,
                visibility: c.value("visibility", &self.visibility, |s| s.parse())?,
            },
            created_at: self.created_at.0,
            updated_at: self.updated_at.0,
        })
    }
}

// --- matches ---

const MATCH_SELECT: &str = "SELECT m.id, m.uid, n.uid AS need_uid, pe.uid AS person_uid, \
    f.uid AS offer_uid, co.uid AS cohort_uid, ch.uid AS champion_uid, m.score, m.reasons, \
    m.status, m.outcome, m.created_at, m.updated_at \
    FROM matches m JOIN needs n ON n.id = m.need_id \
    LEFT JOIN people pe ON pe.id = m.person_id \
    LEFT JOIN offers f ON f.id = m.offer_id \
    LEFT JOIN cohorts co ON co.id = m.cohort_id \
    LEFT JOIN people ch ON ch.id = m.champion_id";

#[derive(sqlx::FromRow)]
struct MatchRow {
    id: i64,
    uid: Uuid,
    need_uid: Uuid,
    person_uid: Option<Uuid>,
    offer_uid: Option<Uuid>,
    cohort_uid: Option<Uuid>,
    champion_uid: Option<Uuid>,
    score: f64,
    reasons: String,
    status: String,
    outcome: Option<String>,
    created_at: DbTime,
    updated_at: DbTime,
}

impl MatchRow {
    fn into_match(self) -> Result<StoredMatch, StoreError> {
        let c = Checker {
            table: "matches",
            id: self.id,
        };
        let candidate = match (self.person_uid, self.offer_uid, self.cohort_uid) {
            (Some(uid), _, _) => (CandidateKind::Person, uid),
            (_, Some(uid), _) => (CandidateKind::Offer, uid),
            (_, _, Some(uid)) => (CandidateKind::Cohort, uid),
            _ => return Err(c.damaged("candidate", "is missing")),
        };
        Ok(StoredMatch {
            uid: Uid::from_uuid(self.uid),
            need: Uid::from_uuid(self.need_uid),
            candidate: Candidate {
                kind: candidate.0,
                uid: Uid::from_uuid(candidate.1),
            },
            champion: self.champion_uid.map(Uid::from_uuid),
            score: self.score,
            reasons: list(&c, "reasons", &self.reasons)?,
            status: c.value("status", &self.status, |s| s.parse())?,
            outcome: c.optional("outcome", self.outcome, |s| s.parse())?,
            created_at: self.created_at.0,
            updated_at: self.updated_at.0,
            events: Vec::new(),
        })
    }
}

#[derive(sqlx::FromRow)]
struct MatchEventRow {
    number: i64,
    at: DbTime,
    actor: String,
    status: String,
    outcome: Option<String>,
    note: Option<String>,
}

/// A candidate's person, offer or cohort key, then matches, successes and
/// conclusions.
type TrackRow = (Option<Uuid>, Option<Uuid>, Option<Uuid>, i64, i64, i64);

#[derive(sqlx::FromRow)]
pub(crate) struct MatchingPersonRow {
    pub(crate) id: i64,
    pub(crate) uid: Uuid,
    pub(crate) residence: Option<String>,
    pub(crate) nationality: Option<String>,
    pub(crate) languages: String,
    pub(crate) skills: String,
    pub(crate) sectors: String,
    pub(crate) available_mentoring: bool,
    pub(crate) available_dispatch: bool,
    pub(crate) name_native: Option<String>,
    pub(crate) name_latin: Option<String>,
    pub(crate) name_japanese: Option<String>,
    pub(crate) visibility: String,
    pub(crate) owner_uid: Option<Uuid>,
    pub(crate) bio: Option<String>,
    pub(crate) available_from: Option<String>,
    pub(crate) experience_countries: String,
    pub(crate) available_training: bool,
}

#[derive(sqlx::FromRow)]
struct CohortRow {
    id: i64,
    uid: Uuid,
    name: String,
    program_uid: Uuid,
    name_latin: Option<String>,
    name_native: Option<String>,
    organizer_uid: Uuid,
    start_date: String,
    sectors: String,
    countries: String,
    capacity: Option<i64>,
    description: Option<String>,
    apply_by: Option<time::Date>,
    mode: Option<String>,
    languages: String,
    taken: i64,
}

impl Store {
    pub async fn need(&self, uid: Uid) -> Result<Option<StoredNeed>, StoreError> {
        let sql = format!("{NEED_SELECT} WHERE n.uid = $1");
        let row: Option<NeedRow> = dispatch!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(uid.uuid()).fetch_optional(pool).await?
        });
        row.map(NeedRow::into_need).transpose()
    }

    /// The need a file knows by `key`.
    pub async fn need_by_external_id(
        &self,
        key: &ExternalId,
    ) -> Result<Option<StoredNeed>, StoreError> {
        let sql = format!("{NEED_SELECT} WHERE n.external_id = $1");
        let row: Option<NeedRow> = dispatch!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(key.as_str()).fetch_optional(pool).await?
        });
        row.map(NeedRow::into_need).transpose()
    }

    /// Needs within `scope` (and the ones the scope's person posted),
    /// newest first.
    pub async fn needs(
        &self,
        filter: &NeedFilter,
        scope: &ReadScope,
        limit: i64,
    ) -> Result<Vec<StoredNeed>, StoreError> {
        let mut sql = Sql::new(self.engine(), format!("{NEED_SELECT} WHERE (1 = 1"));
        scope.restrict(&mut sql, "n");
        if let Some(person) = scope.person {
            sql.push(" OR pp.uid = ");
            sql.bind(Bind::Uid(person.uuid()));
        }
        sql.push(")");
        if let Some(status) = filter.status {
            sql.push(" AND n.status = ");
            sql.bind(Bind::Text(status.as_str().into()));
        }
        if let Some(kind) = filter.kind {
            sql.push(" AND n.kind = ");
            sql.bind(Bind::Text(kind.as_str().into()));
        }
        if let Some(country) = filter.country {
            sql.push(" AND n.country = ");
            sql.bind(Bind::Text(country.to_string()));
        }
        if let Some(poster) = filter.posted_by {
            sql.push(" AND (pp.uid = ");
            sql.bind(Bind::Uid(poster.uuid()));
            sql.push(" OR po.uid = ");
            sql.bind(Bind::Uid(poster.uuid()));
            sql.push(")");
        }
        if let Some(text) = filter.text.as_ref().map(Text::as_str) {
            let pattern = like(text);
            sql.push(" AND (lower(n.title) LIKE ");
            sql.bind(Bind::Text(pattern.clone()));
            sql.push(" ESCAPE '\\' OR lower(coalesce(n.description, '')) LIKE ");
            sql.bind(Bind::Text(pattern));
            sql.push(" ESCAPE '\\')");
        }
        sql.push(" ORDER BY n.id DESC LIMIT ");
        sql.bind(Bind::Int(limit));
        let rows = fetch_all!(self, sql, NeedRow);
        rows.into_iter().map(NeedRow::into_need).collect()
    }

    /// Active needs whose deadline falls on or before `by` and whose owner
    /// has not been reminded since `since`.
    pub async fn needs_to_remind(
        &self,
        by: time::Date,
        since: Timestamp,
    ) -> Result<Vec<StoredNeed>, StoreError> {
        let sql = format!(
            "{NEED_SELECT} WHERE n.status IN ('open', 'matched') AND n.deadline <= $1 \
             AND (n.reminded_at IS NULL OR n.reminded_at < $2) ORDER BY n.id"
        );
        let rows: Vec<NeedRow> = dispatch!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(by).bind(DbTime(since)).fetch_all(pool).await?
        });
        rows.into_iter().map(NeedRow::into_need).collect()
    }

    pub async fn offer(&self, uid: Uid) -> Result<Option<StoredOffer>, StoreError> {
        let sql = format!("{OFFER_SELECT} WHERE f.uid = $1");
        let row: Option<OfferRow> = dispatch!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(uid.uuid()).fetch_optional(pool).await?
        });
        row.map(OfferRow::into_offer).transpose()
    }

    /// The offer a file knows by `key`.
    pub async fn offer_by_external_id(
        &self,
        key: &ExternalId,
    ) -> Result<Option<StoredOffer>, StoreError> {
        let sql = format!("{OFFER_SELECT} WHERE f.external_id = $1");
        let row: Option<OfferRow> = dispatch!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(key.as_str()).fetch_optional(pool).await?
        });
        row.map(OfferRow::into_offer).transpose()
    }

    /// Offers within `scope`, most recently changed first.
    pub async fn offers(
        &self,
        filter: &OfferFilter,
        scope: &ReadScope,
        limit: i64,
    ) -> Result<Vec<StoredOffer>, StoreError> {
        let mut sql = Sql::new(self.engine(), format!("{OFFER_SELECT} WHERE 1 = 1"));
        scope.restrict(&mut sql, "f");
        if let Some(kind) = filter.kind {
            sql.push(" AND f.kind = ");
            sql.bind(Bind::Text(kind.as_str().into()));
        }
        if let Some(provider) = filter.provider {
            sql.push(" AND pr.uid = ");
            sql.bind(Bind::Uid(provider.uuid()));
        }
        // The lists are JSON arrays of quoted texts, so a quoted value
        // matches one item whole.
        let mut contains = |column: &str, item: String| {
            sql.push(&format!(" AND {column} LIKE "));
            sql.bind(Bind::Text(format!("%\"{item}\"%")));
        };
        if let Some(sector) = filter.sector {
            contains("f.sectors", sector.to_string());
        }
        if let Some(country) = filter.country {
            contains("f.countries", country.to_string());
        }
        if let Some(seeks) = filter.seeks {
            contains("f.seeks", seeks.as_str().to_owned());
        }
        if let Some(readiness) = filter.min_readiness {
            sql.push(" AND f.readiness >= ");
            sql.bind(Bind::Int(i64::from(readiness.level())));
        }
        if let Some(text) = filter.text.as_ref().map(Text::as_str) {
            let pattern = like(text);
            sql.push(" AND (");
            for (i, column) in ["f.title", "coalesce(f.description, '')", "f.keywords"]
                .iter()
                .enumerate()
            {
                if i > 0 {
                    sql.push(" OR ");
                }
                sql.push(&format!("lower({column}) LIKE "));
                sql.bind(Bind::Text(pattern.clone()));
                sql.push(" ESCAPE '\\'");
            }
            sql.push(")");
        }
        sql.push(" ORDER BY f.updated_at DESC, f.id DESC LIMIT ");
        sql.bind(Bind::Int(limit));
        let rows = fetch_all!(self, sql, OfferRow);
        rows.into_iter().map(OfferRow::into_offer).collect()
    }

    /// Every offer shared with the network, for matching.
    pub async fn shared_offers(&self) -> Result<Vec<StoredOffer>, StoreError> {
        let sql = format!("{OFFER_SELECT} WHERE f.visibility <> 'private' ORDER BY f.id");
        let rows: Vec<OfferRow> = dispatch!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(pool).await?
        });
        rows.into_iter().map(OfferRow::into_offer).collect()
    }

    /// One match, with its trail.
    pub async fn find_match(&self, uid: Uid) -> Result<Option<StoredMatch>, StoreError> {
        let sql = format!("{MATCH_SELECT} WHERE m.uid = $1");
        let row: Option<MatchRow> = dispatch!(self, pool => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(uid.uuid()).fetch_optional(pool).await?
        });
        let Some(row) = row else { return Ok(None) };
        let id = row.id;
        let mut found = row.into_match()?;
        let events: Vec<MatchEventRow> = dispatch!(self, pool => {
            sqlx::query_as(
                "SELECT number, at, actor, status, outcome, note FROM match_events \
                 WHERE match_id = $1 ORDER BY number",
            )
            .bind(id)
            .fetch_all(pool)
            .await?
        });
        let c = Checker {
            table: "match_events",
            id,
        };
        found.events = events
            .into_iter()
            .map(|e| {
                Ok(MatchEvent {
                    number: u32::try_from(e.number).map_err(|err| c.damaged("number", err))?,
                    at: e.at.0,
                    actor: e.actor,
                    status: c.value("status", &e.status, |s| s.parse())?,
                    outcome: c.optional("outcome", e.outcome, |s| s.parse())?,
                    note: c.optional("note", e.note, |s| {
                        Text::multiline(s, kyoso_domain::MatchMove::MAX_NOTE_CHARS)
                    })?,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(Some(found))
    }

    /// Matches, most recently moved first, without their trails.
    pub async fn matches(
        &self,
        filter: &MatchFilter,
        limit: i64,
    ) -> Result<Vec<StoredMatch>, StoreError> {
        let mut sql = Sql::new(self.engine(), format!("{MATCH_SELECT} WHERE 1 = 1"));
        if let Some(status) = filter.status {
            sql.push(" AND m.status = ");
            sql.bind(Bind::Text(status.as_str().into()));
        }
        if let Some(owner) = filter.owner {
            sql.push(" AND n.owner_id = (SELECT id FROM organizations WHERE uid = ");
            sql.bind(Bind::Uid(owner.uuid()));
            sql.push(")");
        }
        if let Some(need) = filter.need {
            sql.push(" AND n.uid = ");
            sql.bind(Bind::Uid(need.uuid()));
        }
        if let Some(person) = filter.person {
            sql.push(" AND m.person_id = (SELECT id FROM people WHERE uid = ");
            sql.bind(Bind::Uid(person.uuid()));
            sql.push(")");
        }
        sql.push(" ORDER BY m.updated_at DESC, m.id DESC LIMIT ");
        sql.bind(Bind::Int(limit));
        let rows = fetch_all!(self, sql, MatchRow);
        rows.into_iter().map(MatchRow::into_match).collect()
    }

    /// Everyone matching may propose. On a SQLite file the rows are read on
    /// a blocking thread through a connection of its own, several times
    /// faster than through sqlx for a million people.
    pub async fn matching_people(&self) -> Result<Vec<MatchingPerson>, StoreError> {
        if let Some(reads) = self.fast_reads.clone() {
            return tokio::task::spawn_blocking(move || {
                reads.with(crate::sqlite::reads::read_matching_people_sqlite)
            })
            .await
            .map_err(|e| StoreError::Invalid {
                field: None,
                message: format!("the people's reader stopped: {e}"),
            })?;
        }
        let rows: Vec<MatchingPersonRow> = dispatch!(self, pool => {
            sqlx::query_as(AssertSqlSafe(format!("{MATCHING_PEOPLE} ORDER BY p.id")))
                .fetch_all(pool)
                .await?
        });
        let places: Vec<(i64, String)> = dispatch!(self, pool => {
            sqlx::query_as(AssertSqlSafe(format!("{MATCHING_PLACES} ORDER BY t.from_person_id")))
                .fetch_all(pool)
                .await?
        });
        assemble_matching_people(rows, places)
    }

    /// Those of `uids` whom matching may propose (the others are private,
    /// did not agree, or are gone).
    pub async fn matching_people_among(
        &self,
        uids: &[Uid],
    ) -> Result<Vec<MatchingPerson>, StoreError> {
        let mut rows: Vec<MatchingPersonRow> = Vec::new();
        let mut places: Vec<(i64, String)> = Vec::new();
        for chunk in uids.chunks(500) {
            let mut sql = Sql::new(self.engine(), format!("{MATCHING_PEOPLE} AND p.uid IN ("));
            bind_uids(&mut sql, chunk);
            sql.push(")");
            rows.extend(fetch_all!(self, sql, MatchingPersonRow));
            let mut sql = Sql::new(
                self.engine(),
                format!(
                    "{MATCHING_PLACES} AND t.from_person_id IN (SELECT id FROM people WHERE uid IN ("
                ),
            );
            bind_uids(&mut sql, chunk);
            sql.push("))");
            places.extend(fetch_all!(self, sql, (i64, String)));
        }
        rows.sort_by_key(|r| r.id);
        places.sort();
        assemble_matching_people(rows, places)
    }

    /// The people proposed in the matches `matches` (their track records
    /// move with the matches).
    pub async fn people_matched_in(&self, matches: &[Uid]) -> Result<Vec<Uid>, StoreError> {
        let mut people = Vec::new();
        for chunk in matches.chunks(500) {
            let mut sql = Sql::new(
                self.engine(),
                "SELECT pe.uid FROM matches m JOIN people pe ON pe.id = m.person_id WHERE m.uid IN (",
            );
            bind_uids(&mut sql, chunk);
            sql.push(")");
            let rows = fetch_all!(self, sql, (Uuid,));
            people.extend(rows.into_iter().map(|(uid,)| Uid::from_uuid(uid)));
        }
        people.sort();
        people.dedup();
        Ok(people)
    }

    /// The people at either end of the ties `ties`, and whether every tie
    /// was found (a deleted tie's ends are not known any more).
    pub async fn people_tied_by(&self, ties: &[Uid]) -> Result<(Vec<Uid>, bool), StoreError> {
        let mut people = Vec::new();
        let mut found = 0;
        for chunk in ties.chunks(500) {
            let mut sql = Sql::new(
                self.engine(),
                "SELECT a.uid, b.uid FROM ties t LEFT JOIN people a ON a.id = t.from_person_id \
                 LEFT JOIN people b ON b.id = t.to_person_id WHERE t.uid IN (",
            );
            bind_uids(&mut sql, chunk);
            sql.push(")");
            let rows = fetch_all!(self, sql, (Option<Uuid>, Option<Uuid>));
            found += rows.len();
            people.extend(
                rows.into_iter()
                    .flat_map(|(a, b)| [a, b])
                    .flatten()
                    .map(Uid::from_uuid),
            );
        }
        people.sort();
        people.dedup();
        Ok((people, found == ties.len()))
    }

    /// Every candidate's past matches that got past a proposal.
    pub async fn track_records(&self) -> Result<Vec<(Candidate, TrackRecord)>, StoreError> {
        let rows: Vec<TrackRow> = dispatch!(self, pool => {
            sqlx::query_as(
                "SELECT pe.uid, f.uid, co.uid, count(*), \
                 sum(CASE WHEN m.outcome IN ('agreement_signed', 'demonstration_done', 'hired') THEN 1 ELSE 0 END), \
                 sum(CASE WHEN m.status = 'concluded' THEN 1 ELSE 0 END) \
                 FROM matches m LEFT JOIN people pe ON pe.id = m.person_id \
                 LEFT JOIN offers f ON f.id = m.offer_id LEFT JOIN cohorts co ON co.id = m.cohort_id \
                 WHERE m.status <> 'proposed' GROUP BY pe.uid, f.uid, co.uid",
            )
            .fetch_all(pool)
            .await?
        });
        Ok(rows
            .into_iter()
            .filter_map(|(person, offer, cohort, matches, successes, concluded)| {
                let candidate = match (person, offer, cohort) {
                    (Some(uid), _, _) => (CandidateKind::Person, uid),
                    (_, Some(uid), _) => (CandidateKind::Offer, uid),
                    (_, _, Some(uid)) => (CandidateKind::Cohort, uid),
                    _ => return None,
                };
                let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
                Some((
                    Candidate {
                        kind: candidate.0,
                        uid: Uid::from_uuid(candidate.1),
                    },
                    TrackRecord {
                        matches: count(matches),
                        successes: count(successes),
                        concluded: count(concluded),
                    },
                ))
            })
            .collect())
    }

    /// Cohorts of programs shared with the network that start after
    /// `today`: courses open for applications.
    pub async fn open_cohorts(&self, today: time::Date) -> Result<Vec<OpenCohort>, StoreError> {
        let rows: Vec<CohortRow> = dispatch!(self, pool => {
            sqlx::query_as(
                "SELECT c.id, c.uid, c.name, p.uid AS program_uid, p.name_latin, p.name_native, \
                 o.uid AS organizer_uid, c.start_date, CAST(p.sectors AS TEXT) AS sectors, \
                 CAST(p.countries AS TEXT) AS countries, c.capacity, p.description, c.apply_by, c.mode, \
                 c.languages, (SELECT COUNT(*) FROM participations pa WHERE pa.cohort_id = c.id \
                 AND pa.state NOT IN ('withdrawn', 'rejected')) AS taken \
                 FROM cohorts c JOIN programs p ON p.id = c.program_id \
                 JOIN organizations o ON o.id = p.organizer_id \
                 WHERE p.visibility <> 'private' AND c.start_date > $1 \
                 AND (c.apply_by IS NULL OR c.apply_by >= $2) ORDER BY c.id",
            )
            .bind(today.to_string())
            .bind(today)
            .fetch_all(pool)
            .await?
        });
        rows.into_iter()
            .map(|row| {
                let c = Checker {
                    table: "cohorts",
                    id: row.id,
                };
                Ok(OpenCohort {
                    uid: Uid::from_uuid(row.uid),
                    name: c.value("name", &row.name, |s| Text::line(s, 200))?,
                    program: Uid::from_uuid(row.program_uid),
                    program_name: row.name_latin.or(row.name_native).unwrap_or_default(),
                    organizer: Uid::from_uuid(row.organizer_uid),
                    start: row.start_date,
                    sectors: list(&c, "sectors", &row.sectors)?,
                    countries: list(&c, "countries", &row.countries)?,
                    capacity: row.capacity.and_then(|n| u32::try_from(n).ok()),
                    seats_left: row.capacity.map(|n| {
                        u32::try_from(n.saturating_sub(row.taken).max(0)).unwrap_or(u32::MAX)
                    }),
                    apply_by: row.apply_by,
                    mode: c.optional("mode", row.mode, |s| s.parse())?,
                    languages: list::<Vec<String>>(&c, "languages", &row.languages)?
                        .iter()
                        .map(|l| c.value("languages", l, LanguageSkill::parse))
                        .collect::<Result<_, _>>()?,
                    description: row.description,
                })
            })
            .collect()
    }
}

impl BulkWriter {
    /// Adds a need, open; its owner is the organization that manages it.
    pub async fn insert_need(
        &mut self,
        need: &Need<Poster>,
        owner: Option<Uid>,
    ) -> Result<Uid, StoreError> {
        let uid = Uid::new();
        let now = DbTime(Timestamp::now());
        let (person, org) = poster_columns(need.posted_by);
        on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "INSERT INTO needs (uid, owner_id, posted_by_person_id, posted_by_org_id, kind, title, \
                 description, skills, required_skills, sectors, country, require_country, languages, \
                 require_available, deadline, status, visibility, created_at, updated_at, \
                 min_readiness, deployed, seeks, investment_usd, course_mode, available_by, located_in) \
                 VALUES ($1, (SELECT id FROM organizations WHERE uid = $2), \
                 (SELECT id FROM people WHERE uid = $3), (SELECT id FROM organizations WHERE uid = $4), \
                 $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'open', $16, $17, $17, $18, $19, \
                 $20, $21, $22, $23, $24)",
            )
            .bind(uid.uuid())
            .bind(owner.map(|o| o.uuid()))
            .bind(person)
            .bind(org)
            .bind(need.kind.as_str())
            .bind(need.title.as_str())
            .bind(need.description.as_ref().map(|d| d.as_str().to_owned()))
            .bind(texts(&need.skills))
            .bind(texts(&need.required_skills))
            .bind(texts(&need.sectors))
            .bind(need.country.map(|c| c.to_string()))
            .bind(need.require_country)
            .bind(texts(&need.languages))
            .bind(need.require_available)
            .bind(need.deadline)
            .bind(need.visibility.as_str())
            .bind(now)
            .bind(need.min_readiness.map(|r| i64::from(r.level())))
            .bind(need.deployed.map(|d| d.to_string()))
            .bind(texts(&need.seeks))
            .bind(stored_usd(need.investment_usd))
            .bind(need.course_mode.map(|m| m.as_str()))
            .bind(need.available_by)
            .bind(texts(&need.located_in))
            .execute(&mut **conn)
            .await?;
        });
        Ok(uid)
    }

    /// Replaces what a need asks for (not who posted it, nor its status).
    pub async fn update_need(&mut self, uid: Uid, need: &Need<Poster>) -> Result<bool, StoreError> {
        let now = DbTime(Timestamp::now());
        let done = on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "UPDATE needs SET kind = $2, title = $3, description = $4, skills = $5, \
                 required_skills = $6, sectors = $7, country = $8, require_country = $9, \
                 languages = $10, require_available = $11, deadline = $12, visibility = $13, \
                 updated_at = $14, min_readiness = $15, deployed = $16, seeks = $17, \
                 investment_usd = $18, course_mode = $19, available_by = $20, located_in = $21 \
                 WHERE uid = $1",
            )
            .bind(uid.uuid())
            .bind(need.kind.as_str())
            .bind(need.title.as_str())
            .bind(need.description.as_ref().map(|d| d.as_str().to_owned()))
            .bind(texts(&need.skills))
            .bind(texts(&need.required_skills))
            .bind(texts(&need.sectors))
            .bind(need.country.map(|c| c.to_string()))
            .bind(need.require_country)
            .bind(texts(&need.languages))
            .bind(need.require_available)
            .bind(need.deadline)
            .bind(need.visibility.as_str())
            .bind(now)
            .bind(need.min_readiness.map(|r| i64::from(r.level())))
            .bind(need.deployed.map(|d| d.to_string()))
            .bind(texts(&need.seeks))
            .bind(stored_usd(need.investment_usd))
            .bind(need.course_mode.map(|m| m.as_str()))
            .bind(need.available_by)
            .bind(texts(&need.located_in))
            .execute(&mut **conn)
            .await?
            .rows_affected()
        });
        Ok(done == 1)
    }

    pub async fn set_need_status(
        &mut self,
        uid: Uid,
        status: NeedStatus,
    ) -> Result<bool, StoreError> {
        let done = on_tx!(&mut self.tx, conn => {
            sqlx::query("UPDATE needs SET status = $2, updated_at = $3 WHERE uid = $1")
                .bind(uid.uuid())
                .bind(status.as_str())
                .bind(DbTime(Timestamp::now()))
                .execute(&mut **conn)
                .await?
                .rows_affected()
        });
        Ok(done == 1)
    }

    /// Marks active needs whose deadline passed before `today` as expired,
    /// and returns them with their owners.
    pub async fn expire_needs(
        &mut self,
        today: time::Date,
    ) -> Result<Vec<(Uid, Option<Uid>)>, StoreError> {
        let now = DbTime(Timestamp::now());
        let rows: Vec<(Uuid, Option<Uuid>)> = on_tx!(&mut self.tx, conn => {
            sqlx::query_as(
                "UPDATE needs SET status = 'expired', updated_at = $2 \
                 WHERE status IN ('open', 'matched') AND deadline < $1 \
                 RETURNING uid, (SELECT o.uid FROM organizations o WHERE o.id = needs.owner_id)",
            )
            .bind(today)
            .bind(now)
            .fetch_all(&mut **conn)
            .await?
        });
        Ok(rows
            .into_iter()
            .map(|(uid, owner)| (Uid::from_uuid(uid), owner.map(Uid::from_uuid)))
            .collect())
    }

    pub async fn mark_reminded(&mut self, uid: Uid, at: Timestamp) -> Result<(), StoreError> {
        on_tx!(&mut self.tx, conn => {
            sqlx::query("UPDATE needs SET reminded_at = $2 WHERE uid = $1")
                .bind(uid.uuid())
                .bind(DbTime(at))
                .execute(&mut **conn)
                .await?;
        });
        Ok(())
    }

    pub async fn insert_offer(
        &mut self,
        offer: &Offer<Uid>,
        owner: Option<Uid>,
    ) -> Result<Uid, StoreError> {
        let uid = Uid::new();
        let now = DbTime(Timestamp::now());
        on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "INSERT INTO offers (uid, owner_id, provider_id, kind, title, description, keywords, \
                 sectors, sdgs, readiness, countries, seeks, capacity, visibility, created_at, updated_at, \
                 invests_from_usd, invests_up_to_usd, languages) \
                 VALUES ($1, (SELECT id FROM organizations WHERE uid = $2), \
                 (SELECT id FROM organizations WHERE uid = $3), $4, $5, $6, $7, $8, $9, $10, $11, $12, \
                 $13, $14, $15, $15, $16, $17, $18)",
            )
            .bind(uid.uuid())
            .bind(owner.map(|o| o.uuid()))
            .bind(offer.provider.uuid())
            .bind(offer.kind.as_str())
            .bind(offer.title.as_str())
            .bind(offer.description.as_ref().map(|d| d.as_str().to_owned()))
            .bind(texts(&offer.keywords))
            .bind(texts(&offer.sectors))
            .bind(texts(&offer.sdgs))
            .bind(offer.readiness.map(|r| i64::from(r.level())))
            .bind(texts(&offer.countries))
            .bind(texts(&offer.seeks))
            .bind(offer.capacity.as_ref().map(|c| c.as_str().to_owned()))
            .bind(offer.visibility.as_str())
            .bind(now)
            .bind(stored_usd(offer.invests_from_usd))
            .bind(stored_usd(offer.invests_up_to_usd))
            .bind(texts(&offer.languages))
            .execute(&mut **conn)
            .await?;
        });
        Ok(uid)
    }

    pub async fn update_offer(&mut self, uid: Uid, offer: &Offer<Uid>) -> Result<bool, StoreError> {
        let done = on_tx!(&mut self.tx, conn => {
            sqlx::query(
                "UPDATE offers SET kind = $2, title = $3, description = $4, keywords = $5, sectors = $6, \
                 sdgs = $7, readiness = $8, countries = $9, seeks = $10, capacity = $11, visibility = $12, \
                 updated_at = $13, invests_from_usd = $14, invests_up_to_usd = $15, languages = $16 \
                 WHERE uid = $1",
            )
            .bind(uid.uuid())
            .bind(offer.kind.as_str())
            .bind(offer.title.as_str())
            .bind(offer.description.as_ref().map(|d| d.as_str().to_owned()))
            .bind(texts(&offer.keywords))
            .bind(texts(&offer.sectors))
            .bind(texts(&offer.sdgs))
            .bind(offer.readiness.map(|r| i64::from(r.level())))
            .bind(texts(&offer.countries))
            .bind(texts(&offer.seeks))
            .bind(offer.capacity.as_ref().map(|c| c.as_str().to_owned()))
            .bind(offer.visibility.as_str())
            .bind(DbTime(Timestamp::now()))
            .bind(stored_usd(offer.invests_from_usd))
            .bind(stored_usd(offer.invests_up_to_usd))
            .bind(texts(&offer.languages))
            .execute(&mut **conn)
            .await?
            .rows_affected()
        });
        Ok(done == 1)
    }

    /// Sets the key a file knows need `uid` by.
    pub async fn set_need_external_id(
        &mut self,
        uid: Uid,
        key: Option<&ExternalId>,
    ) -> Result<(), StoreError> {
        self.set_external_id("UPDATE needs SET external_id = $2 WHERE uid = $1", uid, key)
            .await
    }

    /// Sets the key a file knows offer `uid` by.
    pub async fn set_offer_external_id(
        &mut self,
        uid: Uid,
        key: Option<&ExternalId>,
    ) -> Result<(), StoreError> {
        self.set_external_id(
            "UPDATE offers SET external_id = $2 WHERE uid = $1",
            uid,
            key,
        )
        .await
    }

    async fn set_external_id(
        &mut self,
        statement: &'static str,
        uid: Uid,
        key: Option<&ExternalId>,
    ) -> Result<(), StoreError> {
        on_tx!(&mut self.tx, conn => {
            sqlx::query(statement)
                .bind(uid.uuid())
                .bind(key.map(|k| k.as_str().to_owned()))
                .execute(&mut **conn)
                .await?;
        });
        Ok(())
    }

    pub async fn delete_offer(&mut self, uid: Uid) -> Result<bool, StoreError> {
        let done = on_tx!(&mut self.tx, conn => {
            sqlx::query("DELETE FROM offers WHERE uid = $1")
                .bind(uid.uuid())
                .execute(&mut **conn)
                .await?
                .rows_affected()
        });
        Ok(done == 1)
    }

    /// Proposes a match; `Ok(None)` if the need already has this candidate.
    pub async fn insert_match(
        &mut self,
        need: Uid,
        candidate: Candidate,
        champion: Option<Uid>,
        score: f64,
        reasons: &serde_json::Value,
        actor: &str,
    ) -> Result<Option<Uid>, StoreError> {
        let uid = Uid::new();
        let now = DbTime(Timestamp::now());
        let column = match candidate.kind {
            CandidateKind::Person => "person_id",
            CandidateKind::Offer => "offer_id",
            CandidateKind::Cohort => "cohort_id",
        };
        let table = match candidate.kind {
            CandidateKind::Person => "people",
            CandidateKind::Offer => "offers",
            CandidateKind::Cohort => "cohorts",
        };
        let sql = format!(
            "INSERT INTO matches (uid, need_id, {column}, champion_id, score, reasons, status, created_at, updated_at) \
             VALUES ($1, (SELECT id FROM needs WHERE uid = $2), (SELECT id FROM {table} WHERE uid = $3), \
             (SELECT id FROM people WHERE uid = $4), $5, $6, 'proposed', $7, $7)"
        );
        let result = on_tx!(&mut self.tx, conn => {
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(uid.uuid())
                .bind(need.uuid())
                .bind(candidate.uid.uuid())
                .bind(champion.map(|c| c.uuid()))
                .bind(score)
                .bind(reasons.to_string())
                .bind(now)
                .execute(&mut **conn)
                .await
                .map(|done| done.rows_affected())
        });
        if crate::programs::unique_taken(result, "candidate", "")?.is_err() {
            return Ok(None);
        }
        self.match_event(uid, MatchStatus::Proposed, None, None, actor)
            .await?;
        Ok(Some(uid))
    }

    /// Adds to a match's trail and moves it to `status`.
    pub async fn match_event(
        &mut self,
        uid: Uid,
        status: MatchStatus,
        outcome: Option<MatchOutcome>,
        note: Option<&Text>,
        actor: &str,
    ) -> Result<(), StoreError> {
        self.append_to_trail(
            crate::trail::MATCH,
            uid,
            crate::trail::Number::Next,
            ("at", Timestamp::now()),
            vec![
                ("actor", Bind::Text(actor.to_owned())),
                ("status", Bind::Text(status.as_str().to_owned())),
                (
                    "outcome",
                    Bind::OptionalText(outcome.map(|o| o.as_str().to_owned())),
                ),
                (
                    "note",
                    Bind::OptionalText(note.map(|n| n.as_str().to_owned())),
                ),
            ],
        )
        .await?;
        let now = DbTime(Timestamp::now());
        on_tx!(&mut self.tx, conn => {
            sqlx::query("UPDATE matches SET status = $2, outcome = $3, updated_at = $4 WHERE uid = $1")
                .bind(uid.uuid())
                .bind(status.as_str())
                .bind(outcome.map(|o| o.as_str()))
                .bind(now)
                .execute(&mut **conn)
                .await?;
        });
        Ok(())
    }
}

fn poster_columns(poster: Poster) -> (Option<Uuid>, Option<Uuid>) {
    match poster.kind {
        EntityKind::Person => (Some(poster.uid.uuid()), None),
        EntityKind::Organization => (None, Some(poster.uid.uuid())),
        // A need is posted by a person or an organization: its reference
        // field names no other kind, and the table refuses a need without.
        EntityKind::Event => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kyoso_domain::Visibility;

    #[test]
    fn lists_are_json_arrays_of_their_text_forms() {
        let skills = vec![
            Skill::parse("Kaizen").unwrap(),
            Skill::parse("PLC").unwrap(),
        ];
        let text = texts(&skills);
        let back: Vec<Skill> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, skills);
        let languages = vec![LanguageRequirement::parse("ja:N2!").unwrap()];
        assert_eq!(texts(&languages), r#"["ja:N2!"]"#);
    }

    #[test]
    fn search_patterns_escape_wildcards() {
        assert_eq!(like(" 100%_Water "), "%100\\%\\_water%");
    }

    #[test]
    fn visibility_forms_are_those_the_tables_check() {
        for v in Visibility::ALL {
            assert!(["private", "network", "public"].contains(&v.as_str()));
        }
    }
}
