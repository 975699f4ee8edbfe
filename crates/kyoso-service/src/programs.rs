//! Programs, their cohorts and participants' journeys, on someone's behalf.
//!
//! A program belongs to its owner organization: its officers and
//! coordinators run it (add cohorts and participants, move participants
//! along their journeys); others read it as its visibility allows. A
//! participant may always read their own participation.
//!
//! Journeys only grow. Completing a program implies a tie (`trained_at`
//! with the organizer, or `hosted_intern` from the host); the tie is written
//! with the entry that implies it and goes when that entry is retracted or
//! the participant withdraws.

use kyoso_domain::{AuditAction, AuditEntry, ParticipantCard, StateCounts, StoredParticipation};
use kyoso_domain::{
    Cohort, Endpoint, EntityKind, Incoming, JourneyAction, JourneyState, Link, PartialDate,
    Participation, Program, RecordRef, Stored, Text, Tie, TieKind, Timestamp, Uid, Visibility,
};
use kyoso_store::{BulkOptions, BulkWriter, Table};

use crate::Kyoso;
use crate::registry::{Page, cursor, json, limit, new_owner, not_found, page, refused};

use crate::access::{Action, Resource, require};
use crate::{Caller, ServiceError};

/// One change for the audit log.
pub(crate) struct Change {
    pub(crate) action: AuditAction,
    pub(crate) table: &'static str,
    pub(crate) record: Uid,
    pub(crate) organization: Option<Uid>,
    pub(crate) before: Option<serde_json::Value>,
    pub(crate) after: Option<serde_json::Value>,
}

pub(crate) async fn audit(
    writer: &mut BulkWriter,
    caller: &Caller,
    change: Change,
) -> Result<(), ServiceError> {
    writer
        .audit(&AuditEntry {
            at: Timestamp::now(),
            actor: caller.actor(),
            action: change.action,
            table: change.table.to_owned(),
            record: change.record,
            organization: change.organization,
            before: change.before,
            after: change.after,
        })
        .await?;
    Ok(())
}

fn owner_of<T>(stored: &Stored<T>) -> Option<Uid> {
    stored.owner.as_ref().map(|o| o.uid)
}

// --- programs ---

impl Kyoso {
    pub async fn program(
        &self,
        caller: &Caller,
        uid: Uid,
    ) -> Result<Stored<Program<Link>>, ServiceError> {
        let store = &self.store;
        let program = store.program(uid).await?.ok_or(not_found("program"))?;
        require(
            caller,
            Action::Read,
            &Resource::program(&program),
            "program",
        )?;
        Ok(program)
    }

    /// The programs the caller may see, of one organizer if given.
    pub async fn programs(
        &self,
        caller: &Caller,
        organizer: Option<Uid>,
        after: Option<&str>,
        requested: Option<i64>,
    ) -> Result<Page<Stored<Program<Link>>>, ServiceError> {
        let store = &self.store;
        let limit = limit(requested)?;
        let items = store
            .list_programs(organizer, &caller.scope(), cursor(after)?, limit + 1)
            .await?;
        Ok(page(items, limit))
    }

    /// How many of a program's participants stand in each state.
    pub async fn program_figures(
        &self,
        caller: &Caller,
        uid: Uid,
    ) -> Result<StateCounts, ServiceError> {
        let store = &self.store;
        self.program(caller, uid).await?;
        Ok(store.program_state_counts(uid).await?)
    }

    pub async fn create_program(
        &self,
        caller: &Caller,
        mut incoming: Incoming<Program<RecordRef>>,
    ) -> Result<Stored<Program<Link>>, ServiceError> {
        let store = &self.store;
        incoming.owner = new_owner(caller, incoming.owner.take())?;
        self.check_references(caller, &incoming.record).await?;
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        let uid = match writer.write_program(incoming).await? {
            Ok(uid) => uid,
            Err(errors) => {
                refused(errors)?;
                return Err(not_found("program"));
            }
        };
        let created = writer
            .read_program(uid)
            .await?
            .ok_or(not_found("program"))?;
        audit(
            &mut writer,
            caller,
            Change {
                action: AuditAction::Create,
                table: "programs",
                record: uid,
                organization: owner_of(&created),
                before: None,
                after: json(&created),
            },
        )
        .await?;
        self.commit(writer).await?;
        Ok(created)
    }

    pub async fn update_program(
        &self,
        caller: &Caller,
        uid: Uid,
        changed: Program<RecordRef>,
    ) -> Result<Stored<Program<Link>>, ServiceError> {
        let store = &self.store;
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        let before = writer
            .read_program(uid)
            .await?
            .ok_or(not_found("program"))?;
        let owner = owner_of(&before);
        require(
            caller,
            Action::Update,
            &Resource::program(&before),
            "program",
        )?;
        self.check_references(caller, &changed).await?;
        let incoming = Incoming {
            line: 0,
            uid: Some(uid),
            external_id: before.external_id.clone(),
            owner: before.owner.as_ref().map(Link::record_ref),
            created_at: Some(before.created_at),
            updated_at: Some(Timestamp::now()),
            record: changed,
        };
        if let Err(errors) = writer.write_program(incoming).await? {
            refused(errors)?;
        }
        let after = writer
            .read_program(uid)
            .await?
            .ok_or(not_found("program"))?;
        if after.record == before.record {
            writer.rollback().await?;
            return Ok(before);
        }
        audit(
            &mut writer,
            caller,
            Change {
                action: AuditAction::Update,
                table: "programs",
                record: uid,
                organization: owner,
                before: json(&before),
                after: json(&after),
            },
        )
        .await?;
        self.commit(writer).await?;
        Ok(after)
    }

    /// The program `uid` if the caller may run it.
    async fn managed_program(
        &self,
        caller: &Caller,
        uid: Uid,
    ) -> Result<Stored<Program<Link>>, ServiceError> {
        let program = self.program(caller, uid).await?;
        require(
            caller,
            Action::Create,
            &Resource::program(&program),
            "program",
        )?;
        Ok(program)
    }
}

// --- cohorts ---

impl Kyoso {
    pub async fn cohorts(
        &self,
        caller: &Caller,
        program_uid: Uid,
    ) -> Result<Vec<Stored<Cohort<Link>>>, ServiceError> {
        let store = &self.store;
        self.program(caller, program_uid).await?;
        Ok(store.cohorts_of(program_uid).await?)
    }

    pub async fn cohort(
        &self,
        caller: &Caller,
        uid: Uid,
    ) -> Result<Stored<Cohort<Link>>, ServiceError> {
        let store = &self.store;
        let cohort = store.cohort(uid).await?.ok_or(not_found("cohort"))?;
        let program = store
            .program(cohort.record.program.uid)
            .await?
            .ok_or(not_found("cohort"))?;
        require(caller, Action::Read, &cohort_resource(&program), "cohort")?;
        Ok(cohort)
    }

    pub async fn create_cohort(
        &self,
        caller: &Caller,
        cohort: Cohort<RecordRef>,
    ) -> Result<Stored<Cohort<Link>>, ServiceError> {
        let store = &self.store;
        let program_uid = self
            .named_reference(caller, &cohort, "program")
            .await?
            .ok_or(not_found("program"))?;
        let program = self.managed_program(caller, program_uid).await?;
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        let uid = match writer.write_cohort(None, &cohort).await? {
            Ok(uid) => uid,
            Err(errors) => {
                refused(errors)?;
                return Err(not_found("cohort"));
            }
        };
        let after = serde_json::json!({
            "program": program.uid, "name": cohort.name, "start": cohort.start, "end": cohort.end,
            "capacity": cohort.capacity,
        });
        audit(
            &mut writer,
            caller,
            Change {
                action: AuditAction::Create,
                table: "cohorts",
                record: uid,
                organization: owner_of(&program),
                before: None,
                after: Some(after),
            },
        )
        .await?;
        self.commit(writer).await?;
        store.cohort(uid).await?.ok_or(not_found("cohort"))
    }

    /// The participants of a cohort, for its board.
    pub async fn cohort_board(
        &self,
        caller: &Caller,
        uid: Uid,
    ) -> Result<(Stored<Cohort<Link>>, Vec<ParticipantCard>), ServiceError> {
        let store = &self.store;
        let cohort = self.cohort(caller, uid).await?;
        let program = self.program(caller, cohort.record.program.uid).await?;
        // Participants' names are the program's own records: those who run it
        // see them all; others see the participants they may see anyway.
        let cards = store.cohort_board(uid).await?;
        let cards = if caller.may(Action::Create, &Resource::program(&program)) {
            cards
        } else {
            self.visible_cards(caller, cards).await?
        };
        Ok((cohort, cards))
    }

    async fn visible_cards(
        &self,
        caller: &Caller,
        cards: Vec<ParticipantCard>,
    ) -> Result<Vec<ParticipantCard>, ServiceError> {
        let mut visible = Vec::with_capacity(cards.len());
        for card in cards {
            if self.person(caller, card.person).await.is_ok() {
                visible.push(card);
            }
        }
        Ok(visible)
    }
}

// --- participations and journeys ---

impl Kyoso {
    /// A participation, for those who run its program, the officers of the
    /// organization that supervises the intern, and the participant.
    pub async fn participation(
        &self,
        caller: &Caller,
        uid: Uid,
    ) -> Result<StoredParticipation, ServiceError> {
        self.participation_for(caller, Action::Read, uid)
            .await
            .map(|(found, _)| found)
    }

    /// A participation, if the caller may do `action` to it, and the program
    /// it belongs to.
    pub(crate) async fn participation_for(
        &self,
        caller: &Caller,
        action: Action,
        uid: Uid,
    ) -> Result<(StoredParticipation, Stored<Program<Link>>), ServiceError> {
        let store = &self.store;
        let found = store
            .participation(uid)
            .await?
            .ok_or(not_found("participation"))?;
        let program = store
            .program(found.stored.record.program.uid)
            .await?
            .ok_or(not_found("participation"))?;
        let resource = self.participation_resource(&found, &program, false).await?;
        require(caller, action, &resource, "participation")?;
        Ok((found, program))
    }

    /// What the access rules look at of a participation (`visits`: of its
    /// monitoring visits).
    pub(crate) async fn participation_resource(
        &self,
        found: &StoredParticipation,
        program: &Stored<Program<Link>>,
        visits: bool,
    ) -> Result<Resource, ServiceError> {
        let store = &self.store;
        let Resource::Program(program) = Resource::program(program) else {
            return Err(not_found("participation"));
        };
        let person = found.stored.record.person.uid;
        // The intern's supervising organization now: that of the latest placement.
        let supervising = store
            .placements(found.stored.uid)
            .await?
            .last()
            .map(|p| p.supervising.uid);
        Ok(if visits {
            Resource::Visits {
                program,
                person,
                supervising,
            }
        } else {
            Resource::Participation {
                program,
                person,
                supervising,
            }
        })
    }
}

fn cohort_resource(program: &Stored<Program<Link>>) -> Resource {
    match Resource::program(program) {
        Resource::Program(program) => Resource::Cohort { program },
        other => other,
    }
}

impl Kyoso {
    /// The participations of a person the caller may see.
    pub async fn participations_of(
        &self,
        caller: &Caller,
        person: Uid,
    ) -> Result<Vec<ParticipantCard>, ServiceError> {
        let store = &self.store;
        self.person(caller, person).await?;
        let mut visible = Vec::new();
        for card in store.participations_of(person).await? {
            if self.participation(caller, card.participation).await.is_ok() {
                visible.push(card);
            }
        }
        Ok(visible)
    }

    /// Adds a person to a program (and cohort) as an applicant on `on`.
    pub async fn add_participant(
        &self,
        caller: &Caller,
        incoming: Incoming<Participation<RecordRef>>,
        on: time::Date,
    ) -> Result<StoredParticipation, ServiceError> {
        let store = &self.store;
        // Every record named must be one the caller may read: the person, the
        // program, the cohort and the host.
        self.check_references(caller, &incoming.record).await?;
        let program_uid = self
            .named_reference(caller, &incoming.record, "program")
            .await?
            .ok_or(not_found("program"))?;
        let program = self.managed_program(caller, program_uid).await?;
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        let uid = match writer.add_participation(incoming, on).await? {
            Ok(uid) => uid,
            Err(errors) => {
                refused(errors)?;
                return Err(not_found("participation"));
            }
        };
        let created = writer
            .read_participation(uid)
            .await?
            .ok_or(not_found("participation"))?;
        audit(
            &mut writer,
            caller,
            Change {
                action: AuditAction::Create,
                table: "participations",
                record: uid,
                organization: owner_of(&program),
                before: None,
                after: json(&created.stored),
            },
        )
        .await?;
        self.commit(writer).await?;
        Ok(created)
    }

    /// Records a journey entry: a move, or the retraction of the latest move.
    /// Refused with the current state and the allowed next ones when the rules
    /// forbid it.
    pub async fn record_journey(
        &self,
        caller: &Caller,
        uid: Uid,
        action: JourneyAction,
        on: time::Date,
        note: Option<Text>,
    ) -> Result<StoredParticipation, ServiceError> {
        let store = &self.store;
        // A participant sees their journey but does not move it.
        let (_, program) = self.participation_for(caller, Action::Move, uid).await?;
        let mut writer = store.bulk(Table::Ties, BulkOptions::default()).await?;
        // Read again inside the transaction: the journey the entry follows.
        let current = writer
            .read_participation(uid)
            .await?
            .ok_or(not_found("participation"))?;
        let mut journey = current.journey.clone();
        let by =
            Text::line(&caller.actor(), 320).map_err(|e| ServiceError::Failed(e.to_string()))?;
        let entry = journey
            .record(action, on, by, note)
            .map_err(|e| ServiceError::Invalid {
                field: Some(match action {
                    JourneyAction::Move { .. } => "to".into(),
                    JourneyAction::Retract { .. } => "retract".into(),
                }),
                message: e.to_string(),
            })?
            .clone();
        let state = journey.state();
        writer
            .append_journey_entry(uid, &entry, state, journey.since())
            .await?;

        let implied = implied_tie(&program, &current.stored.record, &journey);
        settle_implied_tie(&mut writer, uid, implied, program.owner.as_ref()).await?;
        audit(
            &mut writer,
            caller,
            Change {
                action: AuditAction::Update,
                table: "participations",
                record: uid,
                organization: owner_of(&program),
                before: Some(serde_json::json!({ "state": current.journey.state() })),
                after: Some(serde_json::json!({ "state": state, "entry": entry })),
            },
        )
        .await?;
        self.commit(writer).await?;
        store
            .participation(uid)
            .await?
            .ok_or(not_found("participation"))
    }
}

/// Makes the ties of participation `uid` what its journey implies: writes
/// the implied tie (unless someone recorded it already; that one is kept
/// and not taken over), or removes the ties it implied before.
pub(crate) async fn settle_implied_tie(
    writer: &mut BulkWriter,
    uid: Uid,
    implied: Option<Tie<Uid>>,
    owner: Option<&Link>,
) -> Result<(), ServiceError> {
    let Some(tie) = implied else {
        writer.drop_implied_ties(uid).await?;
        return Ok(());
    };
    let tie_uid = tie.natural_uid();
    if writer.tie_exists(tie_uid).await? {
        // A tie another participation implies is shared; one recorded by
        // hand is not taken over.
        if writer.tie_is_implied(tie_uid).await? {
            writer.link_implied_tie(uid, tie_uid).await?;
        }
    } else {
        let mut incoming = Incoming::new(tie.map_ref(|end| RecordRef::to_record(end, None)));
        incoming.uid = Some(tie_uid);
        incoming.owner = owner.map(Link::record_ref);
        let (errors, uids) = writer.write_ties_returning_uids(vec![incoming]).await?;
        refused(errors)?;
        for written in uids {
            writer.link_implied_tie(uid, written).await?;
        }
    }
    Ok(())
}

/// The tie a participation implies as its journey stands: a learner who
/// completed the program was trained at its organizer, or hosted as an
/// intern by the host.
pub(crate) fn implied_tie(
    program: &Stored<Program<Link>>,
    participation: &Participation<Link>,
    journey: &kyoso_domain::Journey,
) -> Option<Tie<Uid>> {
    if !participation.role.is_learner() || !journey.state().has_completed() {
        return None;
    }
    let kind = program.record.completion_tie()?;
    let completed = journey.reached(JourneyState::Completed)?;
    let began = journey.reached(JourneyState::Active).unwrap_or(completed);
    let person = Endpoint {
        kind: EntityKind::Person,
        key: participation.person.uid,
    };
    let (from, to) = match kind {
        TieKind::HostedIntern => {
            let host = participation
                .host
                .as_ref()
                .unwrap_or(&program.record.organizer);
            (
                Endpoint {
                    kind: EntityKind::Organization,
                    key: host.uid,
                },
                person,
            )
        }
        _ => (
            person,
            Endpoint {
                kind: EntityKind::Organization,
                key: program.record.organizer.uid,
            },
        ),
    };
    let role = Text::line(
        program
            .record
            .names
            .latin
            .as_deref()
            .or(program.record.names.native.as_deref())
            .unwrap_or_default(),
        Tie::<Uid>::MAX_ROLE_CHARS,
    )
    .ok();
    Some(Tie {
        kind,
        from,
        to,
        start: PartialDate::from_date(began),
        end: Some(PartialDate::from_date(completed)),
        strength: None,
        role,
        note: None,
        asserted_by: Text::line("kyoso:programs", 200).ok()?,
        asserted_at: Timestamp::now(),
        visibility: Visibility::Network,
        event: None,
    })
}

/// What an officer has to do: applications waiting for review, returnees
/// not followed up for months, and open grievances.
#[derive(Debug, Clone)]
pub struct WorkList {
    pub applications: Vec<ParticipantCard>,
    pub overdue_follow_ups: Vec<ParticipantCard>,
    /// Grievances the caller's organization supervises and has to act on
    /// (for its officers only).
    pub open_grievances: Vec<kyoso_domain::Grievance>,
}

/// How many months after return (or after the last follow-up) a
/// participant is due a follow-up, unless the officer asks otherwise.
pub const FOLLOW_UP_MONTHS: u32 = 6;

/// The longest follow-up period an officer may ask for: five years.
pub const MAX_FOLLOW_UP_MONTHS: u32 = 60;

impl Kyoso {
    /// The caller's organization's work list; returnees count as overdue after
    /// `follow_up_months` (1 to [`MAX_FOLLOW_UP_MONTHS`]) without a follow-up.
    pub async fn work_list(
        &self,
        caller: &Caller,
        today: time::Date,
        follow_up_months: u32,
        limit: i64,
    ) -> Result<WorkList, ServiceError> {
        let store = &self.store;
        if !(1..=MAX_FOLLOW_UP_MONTHS).contains(&follow_up_months) {
            return Err(ServiceError::Invalid {
                field: Some("months".into()),
                message: format!("must be a number of months from 1 to {MAX_FOLLOW_UP_MONTHS}"),
            });
        }
        let Some((_, organization)) = caller.managed_organization() else {
            return Err(if caller.user().is_some() {
                ServiceError::Forbidden
            } else {
                ServiceError::Unauthenticated
            });
        };
        let cutoff = subtract_months(today, follow_up_months);
        Ok(WorkList {
            applications: store
                .waiting_in(organization, JourneyState::Applied, limit)
                .await?,
            overdue_follow_ups: store
                .overdue_follow_ups(organization, cutoff, limit)
                .await?,
            open_grievances: self.open_grievances(caller, limit).await?,
        })
    }
}

fn subtract_months(date: time::Date, months: u32) -> time::Date {
    let total = date.year() * 12 + i32::from(date.month() as u8) - 1 - months as i32;
    let (year, month0) = (total.div_euclid(12), total.rem_euclid(12));
    let month = time::Month::try_from(month0 as u8 + 1).unwrap_or(time::Month::January);
    let day = date.day().min(time::util::days_in_month(month, year));
    time::Date::from_calendar_date(year, month, day).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn follow_ups_fall_due_months_after_return() {
        assert_eq!(
            subtract_months(date!(2026 - 08 - 31), 6),
            date!(2026 - 02 - 28)
        );
        assert_eq!(
            subtract_months(date!(2026 - 03 - 15), 6),
            date!(2025 - 09 - 15)
        );
    }
}
