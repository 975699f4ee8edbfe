//! The texts of the program pages, read from the message files; a test
//! fails if one of them is missing in any language.

use kyoso_domain::{
    DevelopmentStage, FollowUpChannel, FollowUpStatus, FundingSource, GrievanceCategory,
    GrievanceStatus, JourneyState, OutcomeKind, ParticipantRole, ProgramType,
};

use std::sync::LazyLock;

use crate::i18n::{Arg, Lang, leak};

#[derive(Debug)]
pub(crate) struct ProgramTexts {
    pub(crate) programs: &'static str,
    pub(crate) program_type: &'static str,
    pub(crate) organizer: &'static str,
    pub(crate) partners: &'static str,
    pub(crate) funders: &'static str,
    pub(crate) budget: &'static str,
    pub(crate) stage: &'static str,
    pub(crate) sdgs: &'static str,
    pub(crate) countries: &'static str,
    pub(crate) period: &'static str,
    pub(crate) cohorts: &'static str,
    pub(crate) capacity: &'static str,
    pub(crate) by_state: &'static str,
    pub(crate) no_participants: &'static str,
    pub(crate) no_programs: &'static str,
    pub(crate) board: &'static str,
    pub(crate) journey: &'static str,
    pub(crate) move_to: &'static str,
    pub(crate) move_button: &'static str,
    pub(crate) on_date: &'static str,
    pub(crate) retract: &'static str,
    pub(crate) reason: &'static str,
    pub(crate) retracted: &'static str,
    pub(crate) retraction_of: &'static str,
    pub(crate) recorded_by: &'static str,
    pub(crate) work_list: &'static str,
    pub(crate) applications: &'static str,
    pub(crate) overdue: &'static str,
    /// Holds `{months}`, the follow-up period shown.
    pub(crate) overdue_hint: &'static str,
    pub(crate) follow_up_months: &'static str,
    pub(crate) show: &'static str,
    pub(crate) nothing_waiting: &'static str,
    pub(crate) since: &'static str,
    pub(crate) provider: &'static str,
    pub(crate) technology: &'static str,
    pub(crate) local_partner: &'static str,
    pub(crate) milestones: &'static str,
    pub(crate) results: &'static str,
    pub(crate) placements: &'static str,
    pub(crate) phase: &'static str,
    pub(crate) supervising: &'static str,
    pub(crate) implementing: &'static str,
    pub(crate) job_category: &'static str,
    pub(crate) visits: &'static str,
    pub(crate) findings: &'static str,
    pub(crate) actions: &'static str,
    pub(crate) grievances: &'static str,
    pub(crate) raise_grievance: &'static str,
    pub(crate) grievance_private: &'static str,
    pub(crate) category: &'static str,
    pub(crate) description: &'static str,
    pub(crate) status: &'static str,
    pub(crate) follow_ups: &'static str,
    pub(crate) channel: &'static str,
    pub(crate) outcomes: &'static str,
    pub(crate) outcome: &'static str,
    pub(crate) organization: &'static str,
    pub(crate) japanese_affiliated: &'static str,
    pub(crate) jobs_created: &'static str,
    pub(crate) people_supported: &'static str,
    pub(crate) record: &'static str,
    pub(crate) open_grievances: &'static str,
    pub(crate) category_names: [&'static str; 8],
    pub(crate) grievance_status_names: [&'static str; 4],
    pub(crate) channel_names: [&'static str; 6],
    pub(crate) follow_up_status_names: [&'static str; 3],
    pub(crate) outcome_names: [&'static str; 5],
    pub(crate) state_names: [&'static str; 9],
    pub(crate) role_names: [&'static str; 6],
    pub(crate) type_names: [&'static str; 8],
    pub(crate) stage_names: [&'static str; 4],
    pub(crate) source_names: [&'static str; 3],
}

/// The name of `value`, from `names` listed in the order of `all`.
fn pick<T: PartialEq>(all: &[T], names: &[&'static str], value: T) -> &'static str {
    let index = all.iter().position(|v| *v == value).unwrap_or(0);
    names.get(index).copied().unwrap_or_default()
}

impl ProgramTexts {
    pub(crate) fn state(&self, state: JourneyState) -> &'static str {
        pick(JourneyState::ALL, &self.state_names, state)
    }

    pub(crate) fn role(&self, role: ParticipantRole) -> &'static str {
        pick(ParticipantRole::ALL, &self.role_names, role)
    }

    pub(crate) fn program_type(&self, kind: ProgramType) -> &'static str {
        pick(ProgramType::ALL, &self.type_names, kind)
    }

    pub(crate) fn stage(&self, stage: DevelopmentStage) -> &'static str {
        pick(DevelopmentStage::ALL, &self.stage_names, stage)
    }

    pub(crate) fn category(&self, category: GrievanceCategory) -> &'static str {
        pick(GrievanceCategory::ALL, &self.category_names, category)
    }

    pub(crate) fn grievance_status(&self, status: GrievanceStatus) -> &'static str {
        pick(GrievanceStatus::ALL, &self.grievance_status_names, status)
    }

    pub(crate) fn channel(&self, channel: FollowUpChannel) -> &'static str {
        pick(FollowUpChannel::ALL, &self.channel_names, channel)
    }

    pub(crate) fn follow_up_status(&self, status: FollowUpStatus) -> &'static str {
        pick(FollowUpStatus::ALL, &self.follow_up_status_names, status)
    }

    pub(crate) fn outcome(&self, kind: OutcomeKind) -> &'static str {
        pick(OutcomeKind::ALL, &self.outcome_names, kind)
    }

    pub(crate) fn source(&self, source: FundingSource) -> &'static str {
        pick(FundingSource::ALL, &self.source_names, source)
    }
}

/// The texts in `lang`, from its message files.
fn load(lang: Lang) -> ProgramTexts {
    ProgramTexts {
        programs: lang.text("programs-programs"),
        program_type: lang.text("programs-program-type"),
        organizer: lang.text("programs-organizer"),
        partners: lang.text("programs-partners"),
        funders: lang.text("programs-funders"),
        budget: lang.text("programs-budget"),
        stage: lang.text("programs-stage"),
        sdgs: lang.text("programs-sdgs"),
        countries: lang.text("programs-countries"),
        period: lang.text("programs-period"),
        cohorts: lang.text("programs-cohorts"),
        capacity: lang.text("programs-capacity"),
        by_state: lang.text("programs-by-state"),
        no_participants: lang.text("programs-no-participants"),
        no_programs: lang.text("programs-no-programs"),
        board: lang.text("programs-board"),
        journey: lang.text("programs-journey"),
        move_to: lang.text("programs-move-to"),
        move_button: lang.text("programs-move-button"),
        on_date: lang.text("programs-on-date"),
        retract: lang.text("programs-retract"),
        reason: lang.text("programs-reason"),
        retracted: lang.text("programs-retracted"),
        retraction_of: lang.text("programs-retraction-of"),
        recorded_by: lang.text("programs-recorded-by"),
        work_list: lang.text("programs-work-list"),
        applications: lang.text("programs-applications"),
        overdue: lang.text("programs-overdue"),
        overdue_hint: leak(lang.format(
            "programs-overdue-hint",
            &[("months", Arg::Text("{months}"))],
        )),
        follow_up_months: lang.text("programs-follow-up-months"),
        show: lang.text("programs-show"),
        nothing_waiting: lang.text("programs-nothing-waiting"),
        since: lang.text("programs-since"),
        provider: lang.text("programs-provider"),
        technology: lang.text("programs-technology"),
        local_partner: lang.text("programs-local-partner"),
        milestones: lang.text("programs-milestones"),
        results: lang.text("programs-results"),
        placements: lang.text("programs-placements"),
        phase: lang.text("programs-phase"),
        supervising: lang.text("programs-supervising"),
        implementing: lang.text("programs-implementing"),
        job_category: lang.text("programs-job-category"),
        visits: lang.text("programs-visits"),
        findings: lang.text("programs-findings"),
        actions: lang.text("programs-actions"),
        grievances: lang.text("programs-grievances"),
        raise_grievance: lang.text("programs-raise-grievance"),
        grievance_private: lang.text("programs-grievance-private"),
        category: lang.text("programs-category"),
        description: lang.text("programs-description"),
        status: lang.text("programs-status"),
        follow_ups: lang.text("programs-follow-ups"),
        channel: lang.text("programs-channel"),
        outcomes: lang.text("programs-outcomes"),
        outcome: lang.text("programs-outcome"),
        organization: lang.text("programs-organization"),
        japanese_affiliated: lang.text("programs-japanese-affiliated"),
        jobs_created: lang.text("programs-jobs-created"),
        people_supported: lang.text("programs-people-supported"),
        record: lang.text("programs-record"),
        open_grievances: lang.text("programs-open-grievances"),
        category_names: [
            lang.text("programs-grievance-category-wages"),
            lang.text("programs-grievance-category-working-hours"),
            lang.text("programs-grievance-category-safety"),
            lang.text("programs-grievance-category-housing"),
            lang.text("programs-grievance-category-harassment"),
            lang.text("programs-grievance-category-contract"),
            lang.text("programs-grievance-category-health"),
            lang.text("programs-grievance-category-other"),
        ],
        grievance_status_names: [
            lang.text("programs-grievance-status-open"),
            lang.text("programs-grievance-status-in-progress"),
            lang.text("programs-grievance-status-resolved"),
            lang.text("programs-grievance-status-closed"),
        ],
        channel_names: [
            lang.text("programs-follow-up-channel-visit"),
            lang.text("programs-follow-up-channel-phone"),
            lang.text("programs-follow-up-channel-email"),
            lang.text("programs-follow-up-channel-online"),
            lang.text("programs-follow-up-channel-survey"),
            lang.text("programs-follow-up-channel-event"),
        ],
        follow_up_status_names: [
            lang.text("programs-follow-up-status-reached"),
            lang.text("programs-follow-up-status-unreachable"),
            lang.text("programs-follow-up-status-declined"),
        ],
        outcome_names: [
            lang.text("programs-outcome-kind-employed"),
            lang.text("programs-outcome-kind-promoted"),
            lang.text("programs-outcome-kind-founded"),
            lang.text("programs-outcome-kind-became-trainer"),
            lang.text("programs-outcome-kind-contributed-knowledge"),
        ],
        state_names: [
            lang.text("programs-journey-state-applied"),
            lang.text("programs-journey-state-selected"),
            lang.text("programs-journey-state-pre-departure"),
            lang.text("programs-journey-state-active"),
            lang.text("programs-journey-state-completed"),
            lang.text("programs-journey-state-returned"),
            lang.text("programs-journey-state-follow-up"),
            lang.text("programs-journey-state-withdrawn"),
            lang.text("programs-journey-state-rejected"),
        ],
        role_names: [
            lang.text("programs-participant-role-trainee"),
            lang.text("programs-participant-role-intern"),
            lang.text("programs-participant-role-technical-intern"),
            lang.text("programs-participant-role-expert"),
            lang.text("programs-participant-role-mentor"),
            lang.text("programs-participant-role-lecturer"),
        ],
        type_names: [
            lang.text("programs-program-type-training-in-japan"),
            lang.text("programs-program-type-overseas-training"),
            lang.text("programs-program-type-expert-dispatch"),
            lang.text("programs-program-type-internship"),
            lang.text("programs-program-type-technical-intern-training"),
            lang.text("programs-program-type-demonstration-project"),
            lang.text("programs-program-type-pre-departure-training"),
            lang.text("programs-program-type-seminar-series"),
        ],
        stage_names: [
            lang.text("programs-development-stage-technology-transfer"),
            lang.text("programs-development-stage-promotion"),
            lang.text("programs-development-stage-diffusion"),
            lang.text("programs-development-stage-education"),
        ],
        source_names: [
            lang.text("programs-funding-source-oda"),
            lang.text("programs-funding-source-private"),
            lang.text("programs-funding-source-fund"),
        ],
    }
}

static LOADED: LazyLock<[ProgramTexts; 4]> = LazyLock::new(|| Lang::ALL.map(load));

/// The ProgramTexts of each language.
pub(crate) fn program_texts(lang: Lang) -> &'static ProgramTexts {
    &LOADED[lang as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Interface as _;

    #[test]
    fn every_state_role_type_and_stage_has_a_name_in_every_language() {
        assert_eq!(
            JourneyState::ALL.len(),
            Lang::En.program_texts().state_names.len()
        );
        assert_eq!(
            ParticipantRole::ALL.len(),
            Lang::En.program_texts().role_names.len()
        );
        assert_eq!(
            ProgramType::ALL.len(),
            Lang::En.program_texts().type_names.len()
        );
        assert_eq!(
            DevelopmentStage::ALL.len(),
            Lang::En.program_texts().stage_names.len()
        );
        assert_eq!(
            FundingSource::ALL.len(),
            Lang::En.program_texts().source_names.len()
        );
        assert_eq!(
            GrievanceCategory::ALL.len(),
            Lang::En.program_texts().category_names.len()
        );
        assert_eq!(
            GrievanceStatus::ALL.len(),
            Lang::En.program_texts().grievance_status_names.len()
        );
        assert_eq!(
            FollowUpChannel::ALL.len(),
            Lang::En.program_texts().channel_names.len()
        );
        assert_eq!(
            FollowUpStatus::ALL.len(),
            Lang::En.program_texts().follow_up_status_names.len()
        );
        assert_eq!(
            OutcomeKind::ALL.len(),
            Lang::En.program_texts().outcome_names.len()
        );
        for lang in Lang::ALL {
            let t = lang.program_texts();
            for state in JourneyState::ALL {
                assert!(!t.state(*state).is_empty());
            }
            assert_eq!(t.state(JourneyState::Rejected), t.state_names[8]);
        }
        assert_eq!(
            Lang::Ja.program_texts().state(JourneyState::Completed),
            "修了"
        );
    }
}
