//! Technical intern training placements, monitoring visits, grievances,
//! follow-ups and outcomes, on someone's behalf.
//!
//! Grievances are confidential. Only admins, the officers of the
//! supervising organization that handles them, and the trainee who raised
//! them may see one; to anyone else it does not exist. Their trail is kept
//! with them, not in the audit log the program's officers read.

use kyoso_domain::{AuditAction, Grievance, StoredFollowUp, StoredOutcome, StoredVisit};
use kyoso_domain::{
    Endpoint, EntityKind, FollowUp, GrievanceCategory, GrievanceStatus, Incoming, Link,
    MonitoringVisit, Outcome, ParticipantRole, ProgramType, RecordRef, Text, Tie, Timestamp,
    TitpPlacement, Uid, Visibility, check_titp_plan,
};
use kyoso_store::{BulkOptions, Table};

use crate::Kyoso;
use crate::access::{Action, Resource, require};
use crate::programs::{Change, audit};
use crate::registry::{json, not_found, refused};
use crate::{Caller, ServiceError};

fn invalid(field: &str, message: impl Into<String>) -> ServiceError {
    ServiceError::Invalid {
        field: Some(field.into()),
        message: message.into(),
    }
}

// --- technical intern training ---

impl Kyoso {
    pub async fn placements(
        &self,
        caller: &Caller,
        uid: Uid,
    ) -> Result<Vec<TitpPlacement<Link>>, ServiceError> {
        let store = &self.store;
        self.participation_for(caller, Action::Read, uid).await?;
        Ok(store.placements(uid).await?)
    }

    /// Adds a placement to a technical intern's plan, if the plan with it keeps
    /// the law's limits.
    pub async fn add_placement(
        &self,
        caller: &Caller,
        uid: Uid,
        placement: TitpPlacement<RecordRef>,
    ) -> Result<Vec<TitpPlacement<Link>>, ServiceError> {
        let store = &self.store;
        let (found, program) = self.participation_for(caller, Action::Create, uid).await?;
        self.check_references(caller, &placement).await?;
        if program.record.program_type != ProgramType::TechnicalInternTraining
            || found.stored.record.role != ParticipantRole::TechnicalIntern
        {
            return Err(invalid(
                "phase",
                "placements belong to technical interns in technical intern training",
            ));
        }
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        let existing = writer.read_placements(uid).await?;
        let mut plan: Vec<TitpPlacement<()>> = existing.iter().map(unlinked).collect();
        plan.push(unlinked(&placement));
        check_titp_plan(&plan).map_err(|e| invalid("phase", e.to_string()))?;
        if let Err(errors) = writer.add_placement(uid, &placement).await? {
            refused(errors)?;
        }
        audit(
            &mut writer,
            caller,
            Change {
                action: AuditAction::Update,
                table: "participations",
                record: uid,
                organization: program.owner.as_ref().map(|o| o.uid),
                before: None,
                after: Some(serde_json::json!({
                    "placement": {"phase": placement.phase, "start": placement.start.to_string(),
                                  "end": placement.end.to_string(), "job_category": placement.job_category}
                })),
            },
        )
        .await?;
        self.commit(writer).await?;
        Ok(store.placements(uid).await?)
    }
}

fn unlinked<R>(p: &TitpPlacement<R>) -> TitpPlacement<()> {
    TitpPlacement {
        phase: p.phase,
        start: p.start,
        end: p.end,
        supervising: (),
        implementing: (),
        job_category: p.job_category.clone(),
    }
}

impl Kyoso {
    /// What the caller may do about a technical intern's supervision: record
    /// and read monitoring visits (admins, those who run the program, the
    /// officers of the supervising organization), and handle grievances
    /// (admins and the supervising officers).
    pub async fn supervision_rights(
        &self,
        caller: &Caller,
        uid: Uid,
    ) -> Result<(bool, bool), ServiceError> {
        let (found, program) = self.participation_for(caller, Action::Read, uid).await?;
        let visits = self.participation_resource(&found, &program, true).await?;
        let handles = match &visits {
            Resource::Visits {
                person,
                supervising: Some(supervising),
                ..
            } => caller.may(
                Action::Move,
                &Resource::Grievance {
                    person: *person,
                    supervising: *supervising,
                },
            ),
            _ => false,
        };
        let has_placement = matches!(
            visits,
            Resource::Visits {
                supervising: Some(_),
                ..
            }
        );
        Ok((
            has_placement && caller.may(Action::Create, &visits),
            handles,
        ))
    }

    /// The monitoring visits of a technical intern, for those who may record
    /// them.
    pub async fn monitoring_visits(
        &self,
        caller: &Caller,
        uid: Uid,
    ) -> Result<Vec<StoredVisit>, ServiceError> {
        let store = &self.store;
        self.visits_for(caller, Action::Read, uid).await?;
        Ok(store.monitoring_visits(uid).await?)
    }

    /// The participation `uid`'s visits, if the caller may do `action` to them;
    /// and the supervising organization, if the intern has a placement.
    async fn visits_for(
        &self,
        caller: &Caller,
        action: Action,
        uid: Uid,
    ) -> Result<Option<Uid>, ServiceError> {
        let store = &self.store;
        let found = store
            .participation(uid)
            .await?
            .ok_or(not_found("participation"))?;
        let program = store
            .program(found.stored.record.program.uid)
            .await?
            .ok_or(not_found("participation"))?;
        let visits = self.participation_resource(&found, &program, true).await?;
        require(caller, action, &visits, "participation")?;
        Ok(match visits {
            Resource::Visits { supervising, .. } => supervising,
            _ => None,
        })
    }

    /// Records a monitoring visit: by the supervising organization's officers,
    /// those who run the program, or an admin.
    pub async fn record_visit(
        &self,
        caller: &Caller,
        uid: Uid,
        visit: MonitoringVisit,
    ) -> Result<Uid, ServiceError> {
        let store = &self.store;
        let supervising = self
            .visits_for(caller, Action::Create, uid)
            .await?
            .ok_or_else(|| {
                invalid(
                    "on",
                    "monitoring visits follow a technical intern's placement",
                )
            })?;
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        let visit_uid = writer
            .add_monitoring_visit(uid, &visit, &caller.actor())
            .await?;
        audit(
            &mut writer,
            caller,
            Change {
                action: AuditAction::Create,
                table: "monitoring_visits",
                record: visit_uid,
                organization: Some(supervising),
                before: None,
                after: json(&visit),
            },
        )
        .await?;
        self.commit(writer).await?;
        Ok(visit_uid)
    }
}

// --- grievances ---

fn grievance_resource(g: &Grievance) -> Resource {
    Resource::Grievance {
        person: g.person,
        supervising: g.supervising,
    }
}

impl Kyoso {
    /// Raises a grievance about a technical intern's training. The trainee
    /// raises their own; the supervising organization's officers and admins may
    /// record one on a trainee's behalf.
    pub async fn raise_grievance(
        &self,
        caller: &Caller,
        uid: Uid,
        category: GrievanceCategory,
        description: Text,
        raised_on: time::Date,
    ) -> Result<Grievance, ServiceError> {
        let store = &self.store;
        let (found, program) = self.participation_for(caller, Action::Read, uid).await?;
        let Resource::Visits {
            supervising: Some(supervising),
            ..
        } = self.participation_resource(&found, &program, true).await?
        else {
            return Err(invalid(
                "category",
                "grievances concern a technical intern's placement, and this participation has none",
            ));
        };
        let raising = Resource::Grievance {
            person: found.stored.record.person.uid,
            supervising,
        };
        // The participation is readable here: not being one who may raise a
        // grievance is forbidden, not unknown.
        if !caller.may(Action::Create, &raising) {
            return Err(ServiceError::Forbidden);
        }
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        let grievance = writer
            .raise_grievance(
                uid,
                supervising,
                raised_on,
                category,
                &description,
                &caller.actor(),
            )
            .await?;
        self.commit(writer).await?;
        store
            .grievance(grievance)
            .await?
            .ok_or(not_found("grievance"))
    }

    pub async fn grievance(&self, caller: &Caller, uid: Uid) -> Result<Grievance, ServiceError> {
        let store = &self.store;
        let found = store.grievance(uid).await?.ok_or(not_found("grievance"))?;
        require(
            caller,
            Action::Read,
            &grievance_resource(&found),
            "grievance",
        )?;
        Ok(found)
    }

    /// The grievances of a participation the caller may see.
    pub async fn grievances_of(
        &self,
        caller: &Caller,
        uid: Uid,
    ) -> Result<Vec<Grievance>, ServiceError> {
        let store = &self.store;
        self.participation_for(caller, Action::Read, uid).await?;
        Ok(store
            .grievances_of(uid)
            .await?
            .into_iter()
            .filter(|g| caller.may(Action::Read, &grievance_resource(g)))
            .collect())
    }

    /// Adds to a grievance's trail. The supervising organization's officers and
    /// admins change its status; the trainee may add a note.
    pub async fn update_grievance(
        &self,
        caller: &Caller,
        uid: Uid,
        status: Option<GrievanceStatus>,
        note: Option<Text>,
    ) -> Result<Grievance, ServiceError> {
        let store = &self.store;
        let current = self.grievance(caller, uid).await?;
        let resource = grievance_resource(&current);
        let status = status.unwrap_or(current.status);
        let action = if status == current.status {
            Action::Update
        } else {
            Action::Move
        };
        require(caller, action, &resource, "grievance")?;
        if status == current.status && note.is_none() {
            return Err(invalid("note", "say what happened, or change the status"));
        }
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        writer
            .grievance_event(uid, status, note.as_ref(), &caller.actor())
            .await?;
        self.commit(writer).await?;
        store.grievance(uid).await?.ok_or(not_found("grievance"))
    }

    /// The grievances the caller's organization has still to act on.
    pub async fn open_grievances(
        &self,
        caller: &Caller,
        limit: i64,
    ) -> Result<Vec<Grievance>, ServiceError> {
        let store = &self.store;
        match caller.officer_of() {
            Some(org) => Ok(store.open_grievances(org, limit).await?),
            None => Ok(Vec::new()),
        }
    }
}

// --- after return ---

impl Kyoso {
    pub async fn follow_ups(
        &self,
        caller: &Caller,
        uid: Uid,
    ) -> Result<Vec<StoredFollowUp>, ServiceError> {
        let store = &self.store;
        self.participation_for(caller, Action::Read, uid).await?;
        Ok(store.follow_ups(uid).await?)
    }

    pub async fn record_follow_up(
        &self,
        caller: &Caller,
        uid: Uid,
        follow_up: FollowUp,
    ) -> Result<Uid, ServiceError> {
        let store = &self.store;
        let (found, _) = self.participation_for(caller, Action::Create, uid).await?;
        if !found.journey.state().has_completed() {
            return Err(invalid(
                "on",
                format!(
                    "follow-ups come after the program; this participant is {}",
                    found.journey.state()
                ),
            ));
        }
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        let follow_up_uid = writer
            .add_follow_up(uid, &follow_up, &caller.actor())
            .await?;
        audit(
            &mut writer,
            caller,
            Change {
                action: AuditAction::Create,
                table: "follow_ups",
                record: follow_up_uid,
                organization: found.stored.owner.as_ref().map(|o| o.uid),
                before: None,
                after: json(&follow_up),
            },
        )
        .await?;
        self.commit(writer).await?;
        Ok(follow_up_uid)
    }

    pub async fn outcomes(
        &self,
        caller: &Caller,
        uid: Uid,
    ) -> Result<Vec<StoredOutcome>, ServiceError> {
        let store = &self.store;
        self.participation_for(caller, Action::Read, uid).await?;
        Ok(store.outcomes(uid).await?)
    }

    /// Records an outcome; one with an employer or an enterprise founded
    /// implies the tie (`employed_by`, `founded`).
    pub async fn record_outcome(
        &self,
        caller: &Caller,
        uid: Uid,
        outcome: Outcome<RecordRef>,
    ) -> Result<Uid, ServiceError> {
        let store = &self.store;
        let (found, _) = self.participation_for(caller, Action::Create, uid).await?;
        self.check_references(caller, &outcome).await?;
        if !found.journey.state().has_completed() {
            return Err(invalid(
                "kind",
                format!(
                    "outcomes come after the program; this participant is {}",
                    found.journey.state()
                ),
            ));
        }
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        let outcome_uid = match writer.add_outcome(uid, &outcome, &caller.actor()).await? {
            Ok(outcome_uid) => outcome_uid,
            Err(errors) => {
                refused(errors)?;
                return Err(not_found("outcome"));
            }
        };
        write_outcome_tie(
            &mut writer,
            outcome_uid,
            found.stored.record.person.uid,
            &outcome,
            found.stored.owner.as_ref(),
        )
        .await?;
        audit(
            &mut writer,
            caller,
            Change {
                action: AuditAction::Create,
                table: "outcomes",
                record: outcome_uid,
                organization: found.stored.owner.as_ref().map(|o| o.uid),
                before: None,
                after: json(&outcome),
            },
        )
        .await?;
        self.commit(writer).await?;
        Ok(outcome_uid)
    }
}

/// Writes the tie an outcome implies (`employed_by`, `founded`), if any,
/// and remembers that the outcome implies it.
pub(crate) async fn write_outcome_tie(
    writer: &mut kyoso_store::BulkWriter,
    outcome_uid: Uid,
    person: Uid,
    outcome: &Outcome<RecordRef>,
    owner: Option<&Link>,
) -> Result<(), ServiceError> {
    let (Some(kind), Some(organization)) = (outcome.kind.implied_tie(), &outcome.organization)
    else {
        return Ok(());
    };
    let mut tie = Incoming::new(Tie {
        kind,
        from: Endpoint {
            kind: EntityKind::Person,
            key: RecordRef::to_record(person, None),
        },
        to: Endpoint {
            kind: EntityKind::Organization,
            key: organization.clone(),
        },
        start: outcome.on,
        end: None,
        strength: None,
        role: None,
        note: outcome.note.clone(),
        asserted_by: Text::line("kyoso:programs", 200)
            .map_err(|e| ServiceError::Failed(e.to_string()))?,
        asserted_at: Timestamp::now(),
        visibility: Visibility::Network,
        event: None,
    });
    tie.owner = owner.map(Link::record_ref);
    let (errors, uids) = writer.write_ties_returning_uids(vec![tie]).await?;
    refused(errors)?;
    for tie_uid in uids {
        writer.link_outcome_tie(outcome_uid, tie_uid).await?;
    }
    Ok(())
}

impl Kyoso {
    /// Withdraws an outcome recorded in error; the tie it implied goes with it.
    pub async fn withdraw_outcome(
        &self,
        caller: &Caller,
        outcome: Uid,
    ) -> Result<(), ServiceError> {
        let store = &self.store;
        let uid = store
            .outcome_participation(outcome)
            .await?
            .ok_or(not_found("outcome"))?;
        let (found, _) = match self.participation_for(caller, Action::Create, uid).await {
            Err(ServiceError::NotFound(_)) => return Err(not_found("outcome")),
            other => other?,
        };
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        if !writer.delete_outcome(outcome).await? {
            return Err(not_found("outcome"));
        }
        audit(
            &mut writer,
            caller,
            Change {
                action: AuditAction::Delete,
                table: "outcomes",
                record: outcome,
                organization: found.stored.owner.as_ref().map(|o| o.uid),
                before: None,
                after: None,
            },
        )
        .await?;
        self.commit(writer).await?;
        Ok(())
    }
}
