//! Data protection (docs/DATA-PROTECTION.md): a person's data exported to
//! them, their record erased on request, erasures recorded so that they can
//! be replayed after a restore.
//!
//! Personal data lives in a person's own record (and, later, the files they
//! own). The audit log and every trail name people by id; an erasure clears
//! the record, the free text about the person elsewhere, their accounts,
//! and every mention left in the audit log, in one transaction.

use kyoso_domain::{
    AuditAction, AuditEntry, Erasure, ErasureRequest, ErasureStatus, ParticipantCard, StoredMatch,
};
use kyoso_domain::{
    EntityKind, Incoming, Link, Names, Person, Stored, Text, Tie, Timestamp, Uid, Visibility,
};
use kyoso_store::{BulkOptions, BulkWriter, Table};
use serde::Serialize;
use serde_json::Value as Json;

use crate::Kyoso;
use crate::access::{Action, Resource, require};
use crate::registry::{Change, not_found, record, refused};
use crate::{Caller, ServiceError};

/// The fields of a person's record that are personal data: what an
/// erasure clears, and what the audit log never holds.
const PERSONAL_FIELDS: &[&str] = &[
    "external_id",
    "name_native",
    "name_latin",
    "name_japanese",
    "names",
    "languages",
    "skills",
    "available_mentoring",
    "available_dispatch",
    "available_training",
    "availability",
    "email",
    "phone",
    "contact",
    "bio",
];

/// Values shorter than this are not hunted for in free text: "An" or "Mai"
/// would erase unrelated words. They still go with the record.
const SHORTEST_VALUE_SEARCHED: usize = 4;

/// A person's snapshots as the audit log keeps them: the fields aggregate
/// figures keep, and under `changed` the names of the personal fields that
/// changed, never their values.
pub(crate) fn person_snapshots(
    before: Option<Json>,
    after: Option<Json>,
) -> (Option<Json>, Option<Json>) {
    let personal = |snapshot: &Option<Json>, field: &str| {
        snapshot
            .as_ref()
            .and_then(|s| s.get(field))
            .cloned()
            .unwrap_or(Json::Null)
    };
    let changed: Vec<Json> = PERSONAL_FIELDS
        .iter()
        .filter(|f| personal(&before, f) != personal(&after, f))
        .map(|f| Json::String((*f).to_owned()))
        .collect();
    let strip = |snapshot: Option<Json>| {
        snapshot.map(|mut s| {
            if let Json::Object(map) = &mut s {
                map.retain(|key, _| !PERSONAL_FIELDS.contains(&key.as_str()));
                if !changed.is_empty() {
                    map.insert("changed".into(), Json::Array(changed.clone()));
                }
            }
            s
        })
    };
    (strip(before), strip(after))
}

impl Kyoso {
    /// Removes a person's personal data for good, keeping what aggregate
    /// figures need (countries, gender, sectors, ties, participations and
    /// outcomes as counts). Admins and the officers of the organization that
    /// keeps the record carry it out. The audit log records that it happened,
    /// never what was removed; `erasures` records it for replay.
    pub async fn erase_person(
        &self,
        caller: &Caller,
        uid: Uid,
    ) -> Result<Stored<Person>, ServiceError> {
        let store = &self.store;
        let mut writer = store.bulk(Table::People, BulkOptions::default()).await?;
        let before = writer.read_person(uid).await?.ok_or(not_found("person"))?;
        require(caller, Action::Erase, &Resource::person(&before), "person")?;
        let accounts = store.emails_of_person(uid).await?;
        let after = erase_in(&mut writer, caller, &before, accounts).await?;
        self.commit(writer).await?;
        store.forget_cached_users();
        Ok(after)
    }
}

/// The erasure itself, inside `writer`'s transaction.
async fn erase_in(
    writer: &mut BulkWriter,
    caller: &Caller,
    before: &Stored<Person>,
    accounts: Vec<String>,
) -> Result<Stored<Person>, ServiceError> {
    let uid = before.uid;
    let failed = |e: kyoso_domain::ValueError| ServiceError::Failed(e.to_string());
    let erased_name = Text::line("Erased person", 50).map_err(failed)?;
    let cleared = Person {
        names: Names::new(None, Some(erased_name), None).map_err(failed)?,
        gender: before.record.gender,
        residence: before.record.residence,
        nationality: before.record.nationality,
        languages: Vec::new(),
        skills: Vec::new(),
        sectors: before.record.sectors.clone(),
        availability: Default::default(),
        available_from: None,
        experience_countries: Vec::new(),
        contact: Default::default(),
        bio: None,
        consent: Default::default(),
        visibility: Visibility::Private,
    };
    let incoming = Incoming {
        line: 0,
        uid: Some(uid),
        external_id: None,
        owner: before.owner.as_ref().map(Link::record_ref),
        created_at: Some(before.created_at),
        updated_at: Some(Timestamp::now()),
        record: cleared,
    };
    refused(writer.write_people(vec![incoming]).await?)?;
    writer.clear_external_id(uid).await?;
    writer
        .redact_person(uid, &erased_values(before, accounts))
        .await?;
    writer.record_erasure(uid, &caller.actor()).await?;
    let after = writer.read_person(uid).await?.ok_or(not_found("person"))?;
    record(
        writer,
        Change {
            caller,
            action: AuditAction::Erase,
            table: Table::People,
            record: uid,
            organization: before.owner.as_ref().map(|o| o.uid),
            before: None,
            after: None,
        },
    )
    .await?;
    Ok(after)
}

/// What identifies the person in text others hold: their names, contact,
/// external id and the emails of their accounts.
fn erased_values(person: &Stored<Person>, accounts: Vec<String>) -> Vec<String> {
    let names = &person.record.names;
    let contact = &person.record.contact;
    let mut values: Vec<String> = [
        names.native.as_ref().map(|t| t.to_string()),
        names.latin.as_ref().map(|t| t.to_string()),
        names.japanese.as_ref().map(|t| t.to_string()),
        contact.email.as_ref().map(|e| e.as_str().to_owned()),
        contact.phone.as_ref().map(|p| p.as_str().to_owned()),
        person.external_id.as_ref().map(|e| e.as_str().to_owned()),
        person.record.bio.as_ref().map(|t| t.to_string()),
    ]
    .into_iter()
    .flatten()
    .chain(accounts)
    .filter(|v| v.chars().count() >= SHORTEST_VALUE_SEARCHED)
    .collect();
    values.sort();
    values.dedup();
    values
}

/// Everything kyoso holds about a person, for that person (or an
/// administrator): their record, their ties, their participations with
/// their journeys, the matches they were proposed for, their accounts'
/// erasure requests, and the audit entries about them.
#[derive(Debug, Serialize)]
pub struct SubjectData {
    pub person: Stored<Person>,
    pub ties: Vec<Stored<Tie<Link>>>,
    pub participations: Vec<ParticipationData>,
    pub matches: Vec<StoredMatch>,
    pub erasure_requests: Vec<ErasureRequestData>,
    pub audit: Vec<AuditEntry>,
}

#[derive(Debug, Serialize)]
pub struct ParticipationData {
    pub participation: Uid,
    pub program: Uid,
    pub state: String,
    pub journey: Vec<kyoso_domain::JourneyEntry>,
}

/// An erasure request as it is shown and exported.
#[derive(Debug, Clone, Serialize)]
pub struct ErasureRequestData {
    pub id: Uid,
    pub person: Uid,
    pub requested_at: Timestamp,
    pub status: ErasureStatus,
    /// Why it cannot be carried out yet.
    pub reason: Option<String>,
    pub decided_at: Option<Timestamp>,
}

impl From<ErasureRequest> for ErasureRequestData {
    fn from(r: ErasureRequest) -> Self {
        ErasureRequestData {
            id: r.uid,
            person: r.person,
            requested_at: r.requested_at,
            status: r.status,
            reason: r.reason,
            decided_at: r.decided_at,
        }
    }
}

impl Kyoso {
    pub async fn subject_data(
        &self,
        caller: &Caller,
        uid: Uid,
    ) -> Result<SubjectData, ServiceError> {
        let store = &self.store;
        let person = store.person(uid).await?.ok_or(not_found("person"))?;
        require(caller, Action::Export, &Resource::person(&person), "person")?;
        let ties = store.ties_of(EntityKind::Person, uid).await?;
        let mut participations = Vec::new();
        for ParticipantCard { participation, .. } in store.participations_of(uid).await? {
            if let Some(found) = store.participation(participation).await? {
                participations.push(ParticipationData {
                    participation,
                    program: found.stored.record.program.uid,
                    state: found.journey.state().to_string(),
                    journey: found.journey.entries().to_vec(),
                });
            }
        }
        let matches = store
            .matches(
                &kyoso_domain::MatchFilter {
                    person: Some(uid),
                    ..Default::default()
                },
                10_000,
            )
            .await?;
        let erasure_requests = store
            .erasure_requests(None, Some(uid))
            .await?
            .into_iter()
            .map(ErasureRequestData::from)
            .collect();
        let audit = store
            .audit_log_of_record(uid)
            .await?
            .into_iter()
            .map(|(_, entry)| entry)
            .collect();
        Ok(SubjectData {
            person,
            ties,
            participations,
            matches,
            erasure_requests,
            audit,
        })
    }

    /// A person asks for their own record to be erased. An admin or an officer
    /// of the organization that keeps the record carries it out, or records
    /// why it cannot be yet.
    pub async fn request_erasure(
        &self,
        caller: &Caller,
        person: Uid,
    ) -> Result<ErasureRequestData, ServiceError> {
        let store = &self.store;
        let found = store.person(person).await?.ok_or(not_found("person"))?;
        require(caller, Action::Export, &Resource::person(&found), "person")?;
        let open = store.erasure_requests(None, Some(person)).await?;
        if let Some(pending) = open.into_iter().find(|r| r.status != ErasureStatus::Done) {
            return Ok(pending.into());
        }
        let mut writer = store.bulk(Table::People, BulkOptions::default()).await?;
        let uid = writer.request_erasure(person, &caller.actor()).await?;
        self.commit(writer).await?;
        store
            .erasure_request(uid)
            .await?
            .map(Into::into)
            .ok_or(not_found("erasure request"))
    }

    /// The caller's own latest erasure request about `person`, if any (for the
    /// person's own profile).
    pub async fn own_erasure_request(
        &self,
        caller: &Caller,
        person: Uid,
    ) -> Result<Option<ErasureRequestData>, ServiceError> {
        let store = &self.store;
        let found = store.person(person).await?.ok_or(not_found("person"))?;
        require(caller, Action::Export, &Resource::person(&found), "person")?;
        Ok(store
            .erasure_requests(None, Some(person))
            .await?
            .into_iter()
            .next_back()
            .map(Into::into))
    }

    /// The erasure requests the caller carries out: all of them for an admin,
    /// those of the people their organization keeps for an officer; not yet
    /// done, oldest first.
    pub async fn erasure_requests(
        &self,
        caller: &Caller,
    ) -> Result<Vec<ErasureRequestData>, ServiceError> {
        let store = &self.store;
        let owner = if caller.is_admin() {
            None
        } else {
            Some(caller.officer_of().ok_or(ServiceError::Forbidden)?)
        };
        Ok(store
            .erasure_requests(owner, None)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }
}

/// What is done about an erasure request.
#[derive(Debug, Clone)]
pub enum ErasureDecision {
    /// Erase the record now.
    CarryOut,
    /// Not yet, and why: "the program's funder requires the records until
    /// the final report in March".
    Postpone(Text),
}

impl Kyoso {
    pub async fn decide_erasure(
        &self,
        caller: &Caller,
        request: Uid,
        decision: ErasureDecision,
    ) -> Result<ErasureRequestData, ServiceError> {
        let store = &self.store;
        let found = store
            .erasure_request(request)
            .await?
            .ok_or(not_found("erasure request"))?;
        let person = store
            .person(found.person)
            .await?
            .ok_or(not_found("erasure request"))?;
        // Those who may erase the person decide; others who may read the
        // person's record are refused, the rest find nothing.
        match crate::access::decide(caller, Action::Erase, &Resource::person(&person)) {
            crate::Decision::Allowed => {}
            crate::Decision::NotFound => return Err(not_found("erasure request")),
            crate::Decision::Forbidden => return Err(ServiceError::Forbidden),
            crate::Decision::SignIn => return Err(ServiceError::Unauthenticated),
        }
        if found.status == ErasureStatus::Done {
            return Err(ServiceError::Conflict(
                "this request has been carried out".into(),
            ));
        }
        match decision {
            ErasureDecision::CarryOut => {
                self.erase_person(caller, found.person).await?;
            }
            ErasureDecision::Postpone(reason) => {
                let mut writer = store.bulk(Table::People, BulkOptions::default()).await?;
                writer
                    .postpone_erasure(request, reason.as_str(), &caller.actor())
                    .await?;
                self.commit(writer).await?;
            }
        }
        store
            .erasure_request(request)
            .await?
            .map(Into::into)
            .ok_or(not_found("erasure request"))
    }

    /// Every erasure carried out, for an administrator to keep beside the
    /// backups (`kyoso db erasures`).
    pub async fn erasures(&self, caller: &Caller) -> Result<Vec<Erasure>, ServiceError> {
        let store = &self.store;
        if !caller.is_admin() {
            return Err(ServiceError::Forbidden);
        }
        Ok(store.erasures().await?)
    }

    /// Carries out again the erasures of a list kept from before a restore:
    /// each person still holding data is erased; those already erased, or no
    /// longer there, are skipped. Returns how many were erased again.
    pub async fn replay_erasures(
        &self,
        caller: &Caller,
        people: &[Uid],
    ) -> Result<usize, ServiceError> {
        let store = &self.store;
        if !caller.is_admin() {
            return Err(ServiceError::Forbidden);
        }
        let done: std::collections::HashSet<Uid> = store
            .erasures()
            .await?
            .into_iter()
            .map(|e| e.person)
            .collect();
        let mut erased = 0;
        for &person in people {
            if done.contains(&person) || store.person(person).await?.is_none() {
                continue;
            }
            self.erase_person(caller, person).await?;
            erased += 1;
        }
        Ok(erased)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_snapshots_keep_no_personal_values() {
        let before = serde_json::json!({
            "id": "x", "name_latin": "Somchai Prasert", "email": "s@example.org",
            "residence": "TH", "bio": "Welder", "skills": ["welding"], "visibility": "network"
        });
        let mut after = before.clone();
        after["email"] = "new@example.org".into();
        after["residence"] = "JP".into();
        let (b, a) = person_snapshots(Some(before), Some(after));
        let text = format!("{b:?}{a:?}");
        for value in ["Somchai", "example.org", "Welder", "welding"] {
            assert!(!text.contains(value), "{value} in {text}");
        }
        let a = a.unwrap();
        assert_eq!(a["residence"], "JP");
        assert_eq!(a["changed"], serde_json::json!(["email"]));
        assert_eq!(b.unwrap()["residence"], "TH");
    }
}
