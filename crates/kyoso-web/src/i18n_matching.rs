//! The texts of the matching pages (needs, the technology catalogue, the
//! pipeline, assignment rounds), read from the message files. The reasons
//! of a ranking are told in `kyoso_service::matching::explain`, which the
//! command line shares.

use kyoso_domain::{MatchOutcome, MatchStatus, NeedKind, NeedStatus, OfferKind, Seek};

use std::sync::LazyLock;

use crate::i18n::{Arg, Lang, leak};

#[derive(Debug)]
pub(crate) struct MatchingTexts {
    pub(crate) needs: &'static str,
    pub(crate) needs_intro: &'static str,
    pub(crate) post_need: &'static str,
    pub(crate) no_needs: &'static str,
    pub(crate) kind: &'static str,
    pub(crate) status: &'static str,
    pub(crate) title: &'static str,
    pub(crate) description: &'static str,
    pub(crate) skills: &'static str,
    pub(crate) another_keyword: &'static str,
    pub(crate) located_in: &'static str,
    pub(crate) or_located_in: &'static str,
    pub(crate) located_in_hint: &'static str,
    pub(crate) another_required_skill: &'static str,
    pub(crate) required_skills: &'static str,
    pub(crate) sectors: &'static str,
    pub(crate) country: &'static str,
    pub(crate) require_country: &'static str,
    pub(crate) languages: &'static str,
    pub(crate) another_language: &'static str,
    pub(crate) works_in: &'static str,
    pub(crate) least_level: &'static str,
    pub(crate) must_hold: &'static str,
    pub(crate) require_available: &'static str,
    pub(crate) deadline: &'static str,
    pub(crate) candidates: &'static str,
    /// Holds `{n}` and `{pool}`.
    pub(crate) candidates_intro: &'static str,
    pub(crate) score: &'static str,
    pub(crate) why: &'static str,
    pub(crate) warm_path: &'static str,
    pub(crate) provider: &'static str,
    pub(crate) champion: &'static str,
    pub(crate) champion_hint: &'static str,
    pub(crate) ask_introduction: &'static str,
    pub(crate) already_matched: &'static str,
    pub(crate) no_candidates: &'static str,
    pub(crate) sign_in_to_match: &'static str,
    pub(crate) matches: &'static str,
    pub(crate) no_matches: &'static str,
    pub(crate) move_to: &'static str,
    pub(crate) outcome: &'static str,
    pub(crate) note: &'static str,
    pub(crate) note_hint: &'static str,
    pub(crate) save: &'static str,
    pub(crate) close_need: &'static str,
    pub(crate) reopen_need: &'static str,
    /// Holds `{date}`.
    pub(crate) expires_soon: &'static str,
    pub(crate) expired_note: &'static str,
    pub(crate) weights_note: &'static str,
    pub(crate) pipeline: &'static str,
    pub(crate) pipeline_intro: &'static str,
    pub(crate) candidate: &'static str,
    pub(crate) catalogue: &'static str,
    pub(crate) catalogue_intro: &'static str,
    pub(crate) list_offer: &'static str,
    pub(crate) no_offers: &'static str,
    pub(crate) search: &'static str,
    pub(crate) readiness: &'static str,
    pub(crate) min_readiness: &'static str,
    pub(crate) sdgs: &'static str,
    pub(crate) deployed_in: &'static str,
    pub(crate) deployed_abroad: &'static str,
    pub(crate) another_sector: &'static str,
    pub(crate) technology_only: &'static str,
    pub(crate) markets_sought: &'static str,
    pub(crate) seeks: &'static str,
    pub(crate) seeks_hint: &'static str,
    pub(crate) seeks_offer_hint: &'static str,
    pub(crate) investment_usd: &'static str,
    pub(crate) invests_from_usd: &'static str,
    pub(crate) invests_up_to_usd: &'static str,
    pub(crate) investing_only: &'static str,
    pub(crate) invests: &'static str,
    pub(crate) course_mode: &'static str,
    pub(crate) or_above: &'static str,
    pub(crate) available_by: &'static str,
    pub(crate) people_only: &'static str,
    pub(crate) offer_countries: &'static str,
    pub(crate) sdgs_hint: &'static str,
    pub(crate) offer_countries_hint: &'static str,
    pub(crate) another_country: &'static str,
    pub(crate) training_only: &'static str,
    pub(crate) keywords: &'static str,
    pub(crate) capacity: &'static str,
    pub(crate) any: &'static str,
    pub(crate) assignment: &'static str,
    pub(crate) assignment_intro: &'static str,
    pub(crate) round_file: &'static str,
    pub(crate) mode: &'static str,
    pub(crate) mode_optimal: &'static str,
    pub(crate) mode_stable: &'static str,
    pub(crate) assign: &'static str,
    pub(crate) participants: &'static str,
    pub(crate) hosts: &'static str,
    pub(crate) places: &'static str,
    pub(crate) placed: &'static str,
    pub(crate) total_score: &'static str,
    pub(crate) participant: &'static str,
    pub(crate) host: &'static str,
    pub(crate) reason: &'static str,
    pub(crate) fairness: &'static str,
    pub(crate) by_country: &'static str,
    pub(crate) by_gender: &'static str,
    pub(crate) share_placed: &'static str,
    pub(crate) mean_score: &'static str,
    pub(crate) no_candidates_reason: &'static str,
    pub(crate) hosts_full_reason: &'static str,
    pub(crate) not_worth_it_reason: &'static str,
    /// In the order of [`NeedKind`]'s kinds.
    pub(crate) need_kinds: [&'static str; 6],
    /// In the order of [`NeedStatus`].
    pub(crate) need_statuses: [&'static str; 4],
    /// In the order of [`MatchStatus`].
    pub(crate) match_statuses: [&'static str; 6],
    /// In the order of [`MatchOutcome`].
    pub(crate) outcomes: [&'static str; 4],
    /// In the order of [`OfferKind`].
    pub(crate) offer_kinds: [&'static str; 2],
    /// In the order of [`Seek`].
    pub(crate) seek_names: [&'static str; 12],
    /// skills, sectors, languages, country, availability, track_record, network.
    pub(crate) factors: [&'static str; 7],
}

impl MatchingTexts {
    pub(crate) fn need_kind(&self, kind: NeedKind) -> &'static str {
        self.need_kinds[kind as usize]
    }
    pub(crate) fn need_status(&self, status: NeedStatus) -> &'static str {
        self.need_statuses[status as usize]
    }
    pub(crate) fn match_status(&self, status: MatchStatus) -> &'static str {
        self.match_statuses[status as usize]
    }
    pub(crate) fn outcome(&self, outcome: MatchOutcome) -> &'static str {
        self.outcomes[outcome as usize]
    }
    pub(crate) fn offer_kind(&self, kind: OfferKind) -> &'static str {
        self.offer_kinds[kind as usize]
    }
    pub(crate) fn seek(&self, seek: Seek) -> &'static str {
        self.seek_names[seek as usize]
    }
    pub(crate) fn factor(&self, name: &str) -> &'static str {
        let at = [
            "skills",
            "sectors",
            "languages",
            "country",
            "availability",
            "track_record",
            "network",
        ]
        .iter()
        .position(|f| *f == name)
        .unwrap_or(0);
        self.factors[at]
    }
}

/// The texts in `lang`, from its message files.
fn load(lang: Lang) -> MatchingTexts {
    MatchingTexts {
        needs: lang.text("matching-needs"),
        needs_intro: lang.text("matching-needs-intro"),
        post_need: lang.text("matching-post-need"),
        no_needs: lang.text("matching-no-needs"),
        kind: lang.text("matching-kind"),
        status: lang.text("matching-status"),
        title: lang.text("matching-title"),
        description: lang.text("matching-description"),
        skills: lang.text("matching-skills"),
        another_keyword: lang.text("matching-another-keyword"),
        located_in: lang.text("matching-located-in"),
        or_located_in: lang.text("matching-or-located-in"),
        located_in_hint: lang.text("matching-located-in-hint"),
        another_required_skill: lang.text("matching-another-required-skill"),
        required_skills: lang.text("matching-required-skills"),
        sectors: lang.text("matching-sectors"),
        country: lang.text("matching-country"),
        require_country: lang.text("matching-require-country"),
        languages: lang.text("matching-languages"),
        another_language: lang.text("matching-another-language"),
        works_in: lang.text("matching-works-in"),
        least_level: lang.text("matching-least-level"),
        must_hold: lang.text("matching-must-hold"),
        require_available: lang.text("matching-require-available"),
        deadline: lang.text("matching-deadline"),
        candidates: lang.text("matching-candidates"),
        candidates_intro: leak(lang.format(
            "matching-candidates-intro",
            &[("shown", Arg::Text("{n}")), ("pool", Arg::Text("{pool}"))],
        )),
        score: lang.text("matching-score"),
        why: lang.text("matching-why"),
        warm_path: lang.text("matching-warm-path"),
        provider: lang.text("matching-provider"),
        champion: lang.text("matching-champion"),
        champion_hint: lang.text("matching-champion-hint"),
        ask_introduction: lang.text("matching-ask-introduction"),
        already_matched: lang.text("matching-already-matched"),
        no_candidates: lang.text("matching-no-candidates"),
        sign_in_to_match: lang.text("matching-sign-in-to-match"),
        matches: lang.text("matching-matches"),
        no_matches: lang.text("matching-no-matches"),
        move_to: lang.text("matching-move-to"),
        outcome: lang.text("matching-outcome"),
        note: lang.text("matching-note"),
        note_hint: lang.text("matching-note-hint"),
        save: lang.text("matching-save"),
        close_need: lang.text("matching-close-need"),
        reopen_need: lang.text("matching-reopen-need"),
        expires_soon: leak(lang.format("matching-expires-soon", &[("date", Arg::Text("{date}"))])),
        expired_note: lang.text("matching-expired-note"),
        weights_note: lang.text("matching-weights-note"),
        pipeline: lang.text("matching-pipeline"),
        pipeline_intro: lang.text("matching-pipeline-intro"),
        candidate: lang.text("matching-candidate"),
        catalogue: lang.text("matching-catalogue"),
        catalogue_intro: lang.text("matching-catalogue-intro"),
        list_offer: lang.text("matching-list-offer"),
        no_offers: lang.text("matching-no-offers"),
        search: lang.text("matching-search"),
        readiness: lang.text("matching-readiness"),
        min_readiness: lang.text("matching-min-readiness"),
        sdgs: lang.text("matching-sdgs"),
        deployed_in: lang.text("matching-deployed-in"),
        deployed_abroad: lang.text("matching-deployed-abroad"),
        another_sector: lang.text("matching-another-sector"),
        technology_only: lang.text("matching-technology-only"),
        markets_sought: lang.text("matching-markets-sought"),
        seeks: lang.text("matching-seeks"),
        seeks_hint: lang.text("matching-seeks-hint"),
        seeks_offer_hint: lang.text("matching-seeks-offer-hint"),
        investment_usd: lang.text("matching-investment-usd"),
        invests_from_usd: lang.text("matching-invests-from-usd"),
        invests_up_to_usd: lang.text("matching-invests-up-to-usd"),
        investing_only: lang.text("matching-investing-only"),
        invests: lang.text("matching-invests"),
        course_mode: lang.text("matching-course-mode"),
        or_above: lang.text("matching-or-above"),
        available_by: lang.text("matching-available-by"),
        people_only: lang.text("matching-people-only"),
        offer_countries: lang.text("matching-offer-countries"),
        sdgs_hint: lang.text("matching-sdgs-hint"),
        offer_countries_hint: lang.text("matching-offer-countries-hint"),
        another_country: lang.text("matching-another-country"),
        training_only: lang.text("matching-training-only"),
        keywords: lang.text("matching-keywords"),
        capacity: lang.text("matching-capacity"),
        any: lang.text("matching-any"),
        assignment: lang.text("matching-assignment"),
        assignment_intro: lang.text("matching-assignment-intro"),
        round_file: lang.text("matching-round-file"),
        mode: lang.text("matching-mode"),
        mode_optimal: lang.text("matching-mode-optimal"),
        mode_stable: lang.text("matching-mode-stable"),
        assign: lang.text("matching-assign"),
        participants: lang.text("matching-participants"),
        hosts: lang.text("matching-hosts"),
        places: lang.text("matching-places"),
        placed: lang.text("matching-placed"),
        total_score: lang.text("matching-total-score"),
        participant: lang.text("matching-participant"),
        host: lang.text("matching-host"),
        reason: lang.text("matching-reason"),
        fairness: lang.text("matching-fairness"),
        by_country: lang.text("matching-by-country"),
        by_gender: lang.text("matching-by-gender"),
        share_placed: lang.text("matching-share-placed"),
        mean_score: lang.text("matching-mean-score"),
        no_candidates_reason: lang.text("matching-no-candidates-reason"),
        hosts_full_reason: lang.text("matching-hosts-full-reason"),
        not_worth_it_reason: lang.text("matching-not-worth-it-reason"),
        need_kinds: [
            lang.text("matching-need-kind-expertise"),
            lang.text("matching-need-kind-technology"),
            lang.text("matching-need-kind-business-partner"),
            lang.text("matching-need-kind-training"),
            lang.text("matching-need-kind-mentoring"),
            lang.text("matching-need-kind-investment"),
        ],
        need_statuses: [
            lang.text("matching-need-status-open"),
            lang.text("matching-need-status-matched"),
            lang.text("matching-need-status-closed"),
            lang.text("matching-need-status-expired"),
        ],
        match_statuses: [
            lang.text("matching-match-status-proposed"),
            lang.text("matching-match-status-introduced"),
            lang.text("matching-match-status-accepted"),
            lang.text("matching-match-status-declined"),
            lang.text("matching-match-status-collaborating"),
            lang.text("matching-match-status-concluded"),
        ],
        outcomes: [
            lang.text("matching-match-outcome-agreement-signed"),
            lang.text("matching-match-outcome-demonstration-done"),
            lang.text("matching-match-outcome-hired"),
            lang.text("matching-match-outcome-no-result"),
        ],
        offer_kinds: [
            lang.text("matching-offer-kind-technology"),
            lang.text("matching-offer-kind-partnership"),
        ],
        seek_names: std::array::from_fn(|at| {
            lang.text(&format!(
                "matching-seek-{}",
                Seek::ALL[at].as_str().replace('_', "-")
            ))
        }),
        factors: [
            lang.text("matching-factor-skills"),
            lang.text("matching-factor-sectors"),
            lang.text("matching-factor-languages"),
            lang.text("matching-factor-country"),
            lang.text("matching-factor-availability"),
            lang.text("matching-factor-track-record"),
            lang.text("matching-factor-network"),
        ],
    }
}

static LOADED: LazyLock<[MatchingTexts; 4]> = LazyLock::new(|| Lang::ALL.map(load));

/// The MatchingTexts of each language.
pub(crate) fn matching_texts(lang: Lang) -> &'static MatchingTexts {
    &LOADED[lang as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Interface as _;

    #[test]
    fn label_tables_follow_the_enums() {
        // The arrays are indexed by the enums' order; a new variant must
        // grow them.
        assert_eq!(
            NeedKind::ALL.len(),
            Lang::En.matching_texts().need_kinds.len()
        );
        assert_eq!(
            NeedStatus::ALL.len(),
            Lang::En.matching_texts().need_statuses.len()
        );
        assert_eq!(
            MatchStatus::ALL.len(),
            Lang::En.matching_texts().match_statuses.len()
        );
        assert_eq!(
            MatchOutcome::ALL.len(),
            Lang::En.matching_texts().outcomes.len()
        );
        assert_eq!(
            OfferKind::ALL.len(),
            Lang::En.matching_texts().offer_kinds.len()
        );
        assert_eq!(Seek::ALL.len(), Lang::En.matching_texts().seek_names.len());
        for (i, kind) in NeedKind::ALL.iter().enumerate() {
            assert_eq!(*kind as usize, i);
        }
        for (i, status) in MatchStatus::ALL.iter().enumerate() {
            assert_eq!(*status as usize, i);
        }
    }
}
