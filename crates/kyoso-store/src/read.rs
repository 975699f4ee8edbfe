//! Rows as they come out of the database, and their conversion back into
//! domain records. Every value is checked again on the way out: a database
//! changed behind kyoso's back is reported as damaged, not trusted.

use kyoso_domain::{
    Availability, Consent, Contact, EntityKind, Event, ExternalId, Link, Names, OrganisationType,
    Organization, PartialDate, Person, Strength, Text, Tie, TieKind, Uid, ValueError,
};
use serde::de::DeserializeOwned;
use sqlx::types::Json;
use uuid::Uuid;

use crate::StoreError;
use crate::value::DbTime;
use kyoso_domain::Stored;

pub(crate) const PERSON_SELECT: &str = "SELECT p.id, p.uid, p.external_id, \
    ow.uid AS owner_uid, ow.external_id AS owner_external_id, \
    p.name_native, p.name_latin, p.name_japanese, p.gender, p.residence, p.nationality, \
    p.languages, p.skills, p.sectors, p.available_mentoring, p.available_dispatch, \
    p.email, p.phone, p.bio, p.consent_processing, p.consent_contact, p.consent_public_listing, \
    p.visibility, p.created_at, p.updated_at, p.available_from, p.experience_countries, \
    p.available_training \
    FROM people p LEFT JOIN organizations ow ON ow.id = p.owner_id";

/// One person by uid: the statement both read paths use.
pub(crate) static PERSON_BY_UID: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| format!("{PERSON_SELECT} WHERE p.uid = $1"));

pub(crate) const ORGANIZATION_SELECT: &str = "SELECT o.id, o.uid, o.external_id, \
    ow.uid AS owner_uid, ow.external_id AS owner_external_id, \
    o.name_native, o.name_latin, o.name_japanese, o.acronym, o.org_type, o.country, o.sectors, \
    pa.uid AS parent_uid, pa.external_id AS parent_external_id, \
    o.website, o.visibility, o.created_at, o.updated_at \
    FROM organizations o \
    LEFT JOIN organizations ow ON ow.id = o.owner_id \
    LEFT JOIN organizations pa ON pa.id = o.parent_id";

pub(crate) const TIE_SELECT: &str = "SELECT t.id, t.uid, t.external_id, \
    ow.uid AS owner_uid, ow.external_id AS owner_external_id, t.kind, \
    fp.uid AS from_person_uid, fp.external_id AS from_person_external_id, \
    fo.uid AS from_org_uid, fo.external_id AS from_org_external_id, \
    tp.uid AS to_person_uid, tp.external_id AS to_person_external_id, \
    tg.uid AS to_org_uid, tg.external_id AS to_org_external_id, \
    t.start_date, t.end_date, t.strength, t.role, t.note, t.asserted_by, t.asserted_at, \
    t.visibility, t.created_at, t.updated_at, \
    te.uid AS to_event_uid, te.external_id AS to_event_external_id, \
    ev.uid AS event_uid, ev.external_id AS event_external_id \
    FROM ties t \
    LEFT JOIN organizations ow ON ow.id = t.owner_id \
    LEFT JOIN people fp ON fp.id = t.from_person_id \
    LEFT JOIN organizations fo ON fo.id = t.from_org_id \
    LEFT JOIN people tp ON tp.id = t.to_person_id \
    LEFT JOIN organizations tg ON tg.id = t.to_org_id \
    LEFT JOIN events te ON te.id = t.to_event_id \
    LEFT JOIN events ev ON ev.id = t.event_id";

pub(crate) const EVENT_SELECT: &str = "SELECT e.id, e.uid, e.external_id, \
    ow.uid AS owner_uid, ow.external_id AS owner_external_id, \
    e.name_native, e.name_latin, e.name_japanese, e.kind, e.start_date, e.end_date, e.place, \
    e.country, og.uid AS organizer_uid, og.external_id AS organizer_external_id, \
    e.visibility, e.created_at, e.updated_at \
    FROM events e \
    LEFT JOIN organizations ow ON ow.id = e.owner_id \
    LEFT JOIN organizations og ON og.id = e.organizer_id";

/// Turns one stored column back into a domain value, or names the damage.
pub(crate) struct Checker {
    pub(crate) table: &'static str,
    pub(crate) id: i64,
}

impl Checker {
    pub(crate) fn damaged(&self, field: &'static str, message: impl ToString) -> StoreError {
        StoreError::Damaged {
            table: self.table,
            id: self.id,
            field,
            message: message.to_string(),
        }
    }

    pub(crate) fn value<T>(
        &self,
        field: &'static str,
        raw: &str,
        parse: impl FnOnce(&str) -> Result<T, ValueError>,
    ) -> Result<T, StoreError> {
        parse(raw).map_err(|e| self.damaged(field, e))
    }

    pub(crate) fn optional<T>(
        &self,
        field: &'static str,
        raw: Option<String>,
        parse: impl FnOnce(&str) -> Result<T, ValueError>,
    ) -> Result<Option<T>, StoreError> {
        raw.map(|raw| self.value(field, &raw, parse)).transpose()
    }

    pub(crate) fn line(
        &self,
        field: &'static str,
        raw: Option<String>,
        max: usize,
    ) -> Result<Option<Text>, StoreError> {
        self.optional(field, raw, |s| Text::line(s, max))
    }

    pub(crate) fn json<T: DeserializeOwned>(
        &self,
        field: &'static str,
        raw: Json<serde_json::Value>,
    ) -> Result<T, StoreError> {
        serde_json::from_value(raw.0).map_err(|e| self.damaged(field, e))
    }

    pub(crate) fn names(
        &self,
        native: Option<String>,
        latin: Option<String>,
        japanese: Option<String>,
    ) -> Result<Names, StoreError> {
        Names::new(
            self.line("name_native", native, Names::MAX_CHARS)?,
            self.line("name_latin", latin, Names::MAX_CHARS)?,
            self.line("name_japanese", japanese, Names::MAX_CHARS)?,
        )
        .map_err(|e| self.damaged("name", e))
    }

    pub(crate) fn link(
        &self,
        field: &'static str,
        uid: Option<Uuid>,
        external_id: Option<String>,
    ) -> Result<Option<Link>, StoreError> {
        uid.map(|uid| {
            Ok(Link {
                uid: Uid::from_uuid(uid),
                external_id: self.optional(field, external_id, ExternalId::parse)?,
            })
        })
        .transpose()
    }

    pub(crate) fn stored<T>(
        &self,
        uid: Uuid,
        external_id: Option<String>,
        owner: Option<Link>,
        created_at: DbTime,
        updated_at: DbTime,
        record: T,
    ) -> Result<Stored<T>, StoreError> {
        Ok(Stored {
            id: self.id,
            uid: Uid::from_uuid(uid),
            external_id: self.optional("external_id", external_id, ExternalId::parse)?,
            owner,
            created_at: created_at.0,
            updated_at: updated_at.0,
            record,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct PersonRow {
    pub(crate) id: i64,
    pub(crate) uid: Uuid,
    pub(crate) external_id: Option<String>,
    pub(crate) owner_uid: Option<Uuid>,
    pub(crate) owner_external_id: Option<String>,
    pub(crate) name_native: Option<String>,
    pub(crate) name_latin: Option<String>,
    pub(crate) name_japanese: Option<String>,
    pub(crate) gender: Option<String>,
    pub(crate) residence: Option<String>,
    pub(crate) nationality: Option<String>,
    pub(crate) languages: Json<serde_json::Value>,
    pub(crate) skills: Json<serde_json::Value>,
    pub(crate) sectors: Json<serde_json::Value>,
    pub(crate) available_mentoring: bool,
    pub(crate) available_dispatch: bool,
    pub(crate) email: Option<String>,
    pub(crate) phone: Option<String>,
    pub(crate) bio: Option<String>,
    pub(crate) consent_processing: bool,
    pub(crate) consent_contact: bool,
    pub(crate) consent_public_listing: bool,
    pub(crate) visibility: String,
    pub(crate) created_at: DbTime,
    pub(crate) updated_at: DbTime,
    pub(crate) available_from: Option<String>,
    pub(crate) experience_countries: Json<serde_json::Value>,
    pub(crate) available_training: bool,
}

impl PersonRow {
    pub(crate) fn into_stored(self) -> Result<Stored<Person>, StoreError> {
        let c = Checker {
            table: "people",
            id: self.id,
        };
        let person = Person {
            names: c.names(self.name_native, self.name_latin, self.name_japanese)?,
            gender: c.optional("gender", self.gender, str::parse)?,
            residence: c.optional(
                "residence",
                self.residence,
                kyoso_domain::CountryCode::parse,
            )?,
            nationality: c.optional(
                "nationality",
                self.nationality,
                kyoso_domain::CountryCode::parse,
            )?,
            languages: c
                .json::<Vec<String>>("languages", self.languages)?
                .iter()
                .map(|l| c.value("languages", l, kyoso_domain::LanguageSkill::parse))
                .collect::<Result<_, _>>()?,
            skills: c.json("skills", self.skills)?,
            sectors: c.json("sectors", self.sectors)?,
            availability: Availability {
                mentoring: self.available_mentoring,
                dispatch: self.available_dispatch,
                training: self.available_training,
            },
            available_from: c.optional(
                "available_from",
                self.available_from,
                kyoso_domain::PartialDate::parse_day,
            )?,
            experience_countries: c.json("experience_countries", self.experience_countries)?,
            contact: Contact {
                email: c.optional("email", self.email, kyoso_domain::Email::parse)?,
                phone: c.optional("phone", self.phone, kyoso_domain::Phone::parse)?,
            },
            bio: c.optional("bio", self.bio, |s| {
                Text::multiline(s, Person::MAX_BIO_CHARS)
            })?,
            consent: Consent {
                processing: self.consent_processing,
                contact: self.consent_contact,
                public_listing: self.consent_public_listing,
            },
            visibility: c.value("visibility", &self.visibility, str::parse)?,
        };
        let owner = c.link("owner", self.owner_uid, self.owner_external_id)?;
        c.stored(
            self.uid,
            self.external_id,
            owner,
            self.created_at,
            self.updated_at,
            person,
        )
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct OrganizationRow {
    id: i64,
    uid: Uuid,
    external_id: Option<String>,
    owner_uid: Option<Uuid>,
    owner_external_id: Option<String>,
    name_native: Option<String>,
    name_latin: Option<String>,
    name_japanese: Option<String>,
    acronym: Option<String>,
    org_type: i32,
    country: Option<String>,
    sectors: Json<serde_json::Value>,
    parent_uid: Option<Uuid>,
    parent_external_id: Option<String>,
    website: Option<String>,
    visibility: String,
    created_at: DbTime,
    updated_at: DbTime,
}

impl OrganizationRow {
    pub(crate) fn into_stored(self) -> Result<Stored<Organization<Link>>, StoreError> {
        let c = Checker {
            table: "organizations",
            id: self.id,
        };
        let organization = Organization {
            names: c.names(self.name_native, self.name_latin, self.name_japanese)?,
            acronym: c.line(
                "acronym",
                self.acronym,
                Organization::<Link>::MAX_ACRONYM_CHARS,
            )?,
            org_type: c.value(
                "org_type",
                &self.org_type.to_string(),
                OrganisationType::parse,
            )?,
            country: c.optional("country", self.country, kyoso_domain::CountryCode::parse)?,
            sectors: c.json("sectors", self.sectors)?,
            parent: c.link("parent", self.parent_uid, self.parent_external_id)?,
            website: c.optional("website", self.website, kyoso_domain::WebAddress::parse)?,
            visibility: c.value("visibility", &self.visibility, str::parse)?,
        };
        let owner = c.link("owner", self.owner_uid, self.owner_external_id)?;
        c.stored(
            self.uid,
            self.external_id,
            owner,
            self.created_at,
            self.updated_at,
            organization,
        )
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct TieRow {
    id: i64,
    uid: Uuid,
    external_id: Option<String>,
    owner_uid: Option<Uuid>,
    owner_external_id: Option<String>,
    kind: String,
    from_person_uid: Option<Uuid>,
    from_person_external_id: Option<String>,
    from_org_uid: Option<Uuid>,
    from_org_external_id: Option<String>,
    to_person_uid: Option<Uuid>,
    to_person_external_id: Option<String>,
    to_org_uid: Option<Uuid>,
    to_org_external_id: Option<String>,
    start_date: String,
    end_date: Option<String>,
    strength: Option<f64>,
    role: Option<String>,
    note: Option<String>,
    asserted_by: String,
    asserted_at: DbTime,
    visibility: String,
    created_at: DbTime,
    updated_at: DbTime,
    to_event_uid: Option<Uuid>,
    to_event_external_id: Option<String>,
    event_uid: Option<Uuid>,
    event_external_id: Option<String>,
}

impl TieRow {
    pub(crate) fn into_stored(self) -> Result<Stored<Tie<Link>>, StoreError> {
        let c = Checker {
            table: "ties",
            id: self.id,
        };
        let end = |field: &'static str,
                   person: (Option<Uuid>, Option<String>),
                   org: (Option<Uuid>, Option<String>),
                   event: (Option<Uuid>, Option<String>)| {
            let (kind, (uid, external_id)) = match (person, org, event) {
                (p @ (Some(_), _), _, _) => (EntityKind::Person, p),
                (_, o @ (Some(_), _), _) => (EntityKind::Organization, o),
                (_, _, e @ (Some(_), _)) => (EntityKind::Event, e),
                _ => return Err(c.damaged(field, "the record at this end is missing")),
            };
            let link = c
                .link(field, uid, external_id)?
                .ok_or_else(|| c.damaged(field, "the record at this end is missing"))?;
            Ok(kyoso_domain::Endpoint { kind, key: link })
        };
        let tie = Tie {
            kind: c.value("kind", &self.kind, str::parse::<TieKind>)?,
            from: end(
                "from",
                (self.from_person_uid, self.from_person_external_id),
                (self.from_org_uid, self.from_org_external_id),
                (None, None),
            )?,
            to: end(
                "to",
                (self.to_person_uid, self.to_person_external_id),
                (self.to_org_uid, self.to_org_external_id),
                (self.to_event_uid, self.to_event_external_id),
            )?,
            start: c.value("start_date", &self.start_date, PartialDate::parse)?,
            end: c.optional("end_date", self.end_date, PartialDate::parse)?,
            strength: self
                .strength
                .map(Strength::new)
                .transpose()
                .map_err(|e| c.damaged("strength", e))?,
            role: c.line("role", self.role, Tie::<Link>::MAX_ROLE_CHARS)?,
            note: c.optional("note", self.note, |s| {
                Text::multiline(s, Tie::<Link>::MAX_NOTE_CHARS)
            })?,
            asserted_by: c.value("asserted_by", &self.asserted_by, |s| Text::line(s, 200))?,
            asserted_at: self.asserted_at.0,
            visibility: c.value("visibility", &self.visibility, str::parse)?,
            event: c.link("event", self.event_uid, self.event_external_id)?,
        };
        let owner = c.link("owner", self.owner_uid, self.owner_external_id)?;
        c.stored(
            self.uid,
            self.external_id,
            owner,
            self.created_at,
            self.updated_at,
            tie,
        )
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct EventRow {
    id: i64,
    uid: Uuid,
    external_id: Option<String>,
    owner_uid: Option<Uuid>,
    owner_external_id: Option<String>,
    name_native: Option<String>,
    name_latin: Option<String>,
    name_japanese: Option<String>,
    kind: String,
    start_date: String,
    end_date: Option<String>,
    place: Option<String>,
    country: Option<String>,
    organizer_uid: Option<Uuid>,
    organizer_external_id: Option<String>,
    visibility: String,
    created_at: DbTime,
    updated_at: DbTime,
}

impl EventRow {
    pub(crate) fn into_stored(self) -> Result<Stored<Event<Link>>, StoreError> {
        let c = Checker {
            table: "events",
            id: self.id,
        };
        let event = Event {
            names: c.names(self.name_native, self.name_latin, self.name_japanese)?,
            kind: c.value("kind", &self.kind, str::parse)?,
            start: c.value("start_date", &self.start_date, PartialDate::parse)?,
            end: c.optional("end_date", self.end_date, PartialDate::parse)?,
            place: c.line("place", self.place, Event::<Link>::MAX_PLACE_CHARS)?,
            country: c.optional("country", self.country, kyoso_domain::CountryCode::parse)?,
            organizer: c.link("organizer", self.organizer_uid, self.organizer_external_id)?,
            visibility: c.value("visibility", &self.visibility, str::parse)?,
        };
        let owner = c.link("owner", self.owner_uid, self.owner_external_id)?;
        c.stored(
            self.uid,
            self.external_id,
            owner,
            self.created_at,
            self.updated_at,
            event,
        )
    }
}
