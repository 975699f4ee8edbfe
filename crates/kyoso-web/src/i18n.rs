//! The interface in English, Japanese, Thai and Vietnamese: the texts of
//! the pages, read from the message files of `kyoso-i18n` into one struct
//! per language, so that templates name each text as a field.

use std::sync::LazyLock;

use kyoso_domain::{Gender, TieKind, Visibility};
pub(crate) use kyoso_i18n::{Arg, Lang};

/// The texts of each part of the interface, in a language.
pub(crate) trait Interface {
    fn texts(self) -> &'static Texts;
    fn matching_texts(self) -> &'static crate::i18n_matching::MatchingTexts;
    fn network_texts(self) -> &'static crate::i18n_network::NetworkTexts;
    fn program_texts(self) -> &'static crate::i18n_programs::ProgramTexts;
}

impl Interface for Lang {
    fn texts(self) -> &'static Texts {
        &LOADED[self as usize]
    }
    fn matching_texts(self) -> &'static crate::i18n_matching::MatchingTexts {
        crate::i18n_matching::matching_texts(self)
    }
    fn network_texts(self) -> &'static crate::i18n_network::NetworkTexts {
        crate::i18n_network::network_texts(self)
    }
    fn program_texts(self) -> &'static crate::i18n_programs::ProgramTexts {
        crate::i18n_programs::program_texts(self)
    }
}

/// A formatted message kept for the life of the process: the templates
/// whose placeholders the pages fill in.
pub(crate) fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// Every text of the interface, in one language.
#[derive(Debug)]
pub(crate) struct Texts {
    pub(crate) tagline: &'static str,
    pub(crate) home: &'static str,
    pub(crate) people: &'static str,
    pub(crate) organizations: &'static str,
    pub(crate) ties: &'static str,
    pub(crate) audit_log: &'static str,
    pub(crate) api_reference: &'static str,
    pub(crate) sign_in: &'static str,
    pub(crate) sign_out: &'static str,
    pub(crate) signed_in_as: &'static str,
    pub(crate) email: &'static str,
    pub(crate) password: &'static str,
    pub(crate) sign_in_failed: &'static str,
    pub(crate) too_many_attempts: &'static str,
    pub(crate) recent_activity: &'static str,
    pub(crate) no_activity: &'static str,
    pub(crate) search: &'static str,
    pub(crate) name: &'static str,
    pub(crate) name_native: &'static str,
    pub(crate) name_latin: &'static str,
    pub(crate) name_japanese: &'static str,
    pub(crate) country: &'static str,
    pub(crate) any: &'static str,
    pub(crate) skill: &'static str,
    pub(crate) sector: &'static str,
    pub(crate) language: &'static str,
    pub(crate) at_least: &'static str,
    pub(crate) no_results: &'static str,
    pub(crate) next_page: &'static str,
    pub(crate) residence: &'static str,
    pub(crate) experience_countries: &'static str,
    pub(crate) another_language: &'static str,
    pub(crate) another_sector: &'static str,
    pub(crate) level: &'static str,
    pub(crate) another_country: &'static str,
    pub(crate) available_from: &'static str,
    pub(crate) nationality: &'static str,
    pub(crate) gender: &'static str,
    pub(crate) languages: &'static str,
    pub(crate) skills: &'static str,
    pub(crate) sectors: &'static str,
    pub(crate) available_mentoring: &'static str,
    pub(crate) available_dispatch: &'static str,
    pub(crate) available_training: &'static str,
    pub(crate) phone: &'static str,
    pub(crate) bio: &'static str,
    pub(crate) network: &'static str,
    pub(crate) ego_network_caption: &'static str,
    pub(crate) edit: &'static str,
    pub(crate) save: &'static str,
    pub(crate) cancel: &'static str,
    pub(crate) delete: &'static str,
    pub(crate) new_person: &'static str,
    pub(crate) new_organization: &'static str,
    pub(crate) new_tie: &'static str,
    pub(crate) edit_tie: &'static str,
    pub(crate) strength: &'static str,
    pub(crate) visibility: &'static str,
    pub(crate) sub_organizations: &'static str,
    pub(crate) parent: &'static str,
    pub(crate) website: &'static str,
    pub(crate) org_type: &'static str,
    pub(crate) acronym: &'static str,
    pub(crate) present: &'static str,
    pub(crate) fix_errors: &'static str,
    pub(crate) saved: &'static str,
    pub(crate) not_found: &'static str,
    pub(crate) forbidden: &'static str,
    pub(crate) download_my_data: &'static str,
    pub(crate) ask_erasure: &'static str,
    pub(crate) erasure_explained: &'static str,
    pub(crate) erasure_pending: &'static str,
    pub(crate) erasure_postponed: &'static str,
    pub(crate) erasure_requests: &'static str,
    pub(crate) erasure_requests_none: &'static str,
    pub(crate) erase_now: &'static str,
    pub(crate) postpone_because: &'static str,
    pub(crate) requested_on: &'static str,
    pub(crate) consent_processing: &'static str,
    pub(crate) consent_contact: &'static str,
    pub(crate) consent_public_listing: &'static str,
    pub(crate) another_skill: &'static str,
    pub(crate) word_rows_hint: &'static str,
    pub(crate) kind: &'static str,
    pub(crate) from: &'static str,
    pub(crate) to: &'static str,
    pub(crate) start: &'static str,
    pub(crate) end: &'static str,
    pub(crate) role: &'static str,
    pub(crate) note: &'static str,
    pub(crate) when: &'static str,
    pub(crate) who: &'static str,
    pub(crate) action: &'static str,
    pub(crate) record: &'static str,
    pub(crate) error_title: &'static str,
    pub(crate) vis_private: &'static str,
    pub(crate) vis_network: &'static str,
    pub(crate) vis_public: &'static str,
    pub(crate) female: &'static str,
    pub(crate) male: &'static str,
    pub(crate) other: &'static str,
    /// Group headings of a profile's ties, by kind.
    pub(crate) studied_at: &'static str,
    pub(crate) trained_at: &'static str,
    pub(crate) employed_by: &'static str,
    pub(crate) member_of: &'static str,
    pub(crate) founded: &'static str,
    pub(crate) mentored: &'static str,
    pub(crate) hosted_intern: &'static str,
    pub(crate) partnered_with: &'static str,
    pub(crate) supervises: &'static str,
    pub(crate) met_at: &'static str,
    pub(crate) attended: &'static str,
    pub(crate) events: &'static str,
    /// The event a meeting was at, on the tie form.
    pub(crate) met_at_event: &'static str,
    /// An event's facts.
    pub(crate) event_kind: &'static str,
    pub(crate) event_dates: &'static str,
    pub(crate) event_place: &'static str,
    pub(crate) event_organizer: &'static str,
}

impl Texts {
    pub(crate) fn visibility(&self, v: Visibility) -> &'static str {
        match v {
            Visibility::Private => self.vis_private,
            Visibility::Network => self.vis_network,
            Visibility::Public => self.vis_public,
        }
    }

    pub(crate) fn gender(&self, g: Gender) -> &'static str {
        match g {
            Gender::Female => self.female,
            Gender::Male => self.male,
            Gender::Other => self.other,
        }
    }

    pub(crate) fn tie_kind(&self, kind: TieKind) -> &'static str {
        match kind {
            TieKind::StudiedAt => self.studied_at,
            TieKind::TrainedAt => self.trained_at,
            TieKind::EmployedBy => self.employed_by,
            TieKind::MemberOf => self.member_of,
            TieKind::Founded => self.founded,
            TieKind::Mentored => self.mentored,
            TieKind::HostedIntern => self.hosted_intern,
            TieKind::PartneredWith => self.partnered_with,
            TieKind::Supervises => self.supervises,
            TieKind::MetAt => self.met_at,
            TieKind::Attended => self.attended,
        }
    }
}

/// The texts in `lang`, from its message files.
fn load(lang: Lang) -> Texts {
    Texts {
        tagline: lang.text("web-tagline"),
        home: lang.text("web-home"),
        people: lang.text("web-people"),
        organizations: lang.text("web-organizations"),
        ties: lang.text("web-ties"),
        audit_log: lang.text("web-audit-log"),
        api_reference: lang.text("web-api-reference"),
        sign_in: lang.text("web-sign-in"),
        sign_out: lang.text("web-sign-out"),
        signed_in_as: lang.text("web-signed-in-as"),
        email: lang.text("web-email"),
        password: lang.text("web-password"),
        sign_in_failed: lang.text("web-sign-in-failed"),
        too_many_attempts: lang.text("web-too-many-attempts"),
        recent_activity: lang.text("web-recent-activity"),
        no_activity: lang.text("web-no-activity"),
        search: lang.text("web-search"),
        name: lang.text("web-name"),
        name_native: lang.text("web-name-native"),
        name_latin: lang.text("web-name-latin"),
        name_japanese: lang.text("web-name-japanese"),
        country: lang.text("web-country"),
        any: lang.text("web-any"),
        skill: lang.text("web-skill"),
        sector: lang.text("web-sector"),
        language: lang.text("web-language"),
        at_least: lang.text("web-at-least"),
        no_results: lang.text("web-no-results"),
        next_page: lang.text("web-next-page"),
        residence: lang.text("web-residence"),
        experience_countries: lang.text("web-experience-countries"),
        another_language: lang.text("web-another-language"),
        another_sector: lang.text("web-another-sector"),
        level: lang.text("web-level"),
        another_country: lang.text("web-another-country"),
        available_from: lang.text("web-available-from"),
        nationality: lang.text("web-nationality"),
        gender: lang.text("web-gender"),
        languages: lang.text("web-languages"),
        skills: lang.text("web-skills"),
        sectors: lang.text("web-sectors"),
        available_mentoring: lang.text("web-available-mentoring"),
        available_dispatch: lang.text("web-available-dispatch"),
        available_training: lang.text("web-available-training"),
        phone: lang.text("web-phone"),
        bio: lang.text("web-bio"),
        network: lang.text("web-network"),
        ego_network_caption: lang.text("web-ego-network-caption"),
        edit: lang.text("web-edit"),
        save: lang.text("web-save"),
        cancel: lang.text("web-cancel"),
        delete: lang.text("web-delete"),
        new_person: lang.text("web-new-person"),
        new_organization: lang.text("web-new-organization"),
        new_tie: lang.text("web-new-tie"),
        edit_tie: lang.text("web-edit-tie"),
        strength: lang.text("web-strength"),
        visibility: lang.text("web-visibility"),
        sub_organizations: lang.text("web-sub-organizations"),
        parent: lang.text("web-parent"),
        website: lang.text("web-website"),
        org_type: lang.text("web-org-type"),
        acronym: lang.text("web-acronym"),
        present: lang.text("web-present"),
        fix_errors: lang.text("web-fix-errors"),
        saved: lang.text("web-saved"),
        not_found: lang.text("web-not-found"),
        forbidden: lang.text("web-forbidden"),
        download_my_data: lang.text("web-download-my-data"),
        ask_erasure: lang.text("web-ask-erasure"),
        erasure_explained: lang.text("web-erasure-explained"),
        erasure_pending: lang.text("web-erasure-pending"),
        erasure_postponed: lang.text("web-erasure-postponed"),
        erasure_requests: lang.text("web-erasure-requests"),
        erasure_requests_none: lang.text("web-erasure-requests-none"),
        erase_now: lang.text("web-erase-now"),
        postpone_because: lang.text("web-postpone-because"),
        requested_on: lang.text("web-requested-on"),
        consent_processing: lang.text("web-consent-processing"),
        consent_contact: lang.text("web-consent-contact"),
        consent_public_listing: lang.text("web-consent-public-listing"),
        another_skill: lang.text("web-another-skill"),
        word_rows_hint: lang.text("web-word-rows-hint"),
        kind: lang.text("web-kind"),
        from: lang.text("web-from"),
        to: lang.text("web-to"),
        start: lang.text("web-start"),
        end: lang.text("web-end"),
        role: lang.text("web-role"),
        note: lang.text("web-note"),
        when: lang.text("web-when"),
        who: lang.text("web-who"),
        action: lang.text("web-action"),
        record: lang.text("web-record"),
        error_title: lang.text("web-error-title"),
        vis_private: lang.text("web-vis-private"),
        vis_network: lang.text("web-vis-network"),
        vis_public: lang.text("web-vis-public"),
        female: lang.text("web-female"),
        male: lang.text("web-male"),
        other: lang.text("web-other"),
        studied_at: lang.text("web-studied-at"),
        trained_at: lang.text("web-trained-at"),
        employed_by: lang.text("web-employed-by"),
        member_of: lang.text("web-member-of"),
        founded: lang.text("web-founded"),
        mentored: lang.text("web-mentored"),
        hosted_intern: lang.text("web-hosted-intern"),
        partnered_with: lang.text("web-partnered-with"),
        supervises: lang.text("web-supervises"),
        met_at: lang.text("web-met-at"),
        attended: lang.text("web-attended"),
        events: lang.text("web-events"),
        met_at_event: lang.text("web-met-at-event"),
        event_kind: lang.text("web-event-kind"),
        event_dates: lang.text("web-event-dates"),
        event_place: lang.text("web-event-place"),
        event_organizer: lang.text("web-event-organizer"),
    }
}

static LOADED: LazyLock<[Texts; 4]> = LazyLock::new(|| Lang::ALL.map(load));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_first_supported() {
        assert_eq!(
            Lang::from_accept_language("th-TH,th;q=0.9,en;q=0.8"),
            Some(Lang::Th)
        );
        assert_eq!(
            Lang::from_accept_language("fr-FR, ja;q=0.5"),
            Some(Lang::Ja)
        );
        assert_eq!(Lang::from_accept_language("de"), None);
    }

    /// Every text the pages name is in every language's files.
    #[test]
    fn every_text_of_the_pages_is_in_the_message_files() {
        for lang in Lang::ALL {
            let _ = (
                lang.texts(),
                lang.matching_texts(),
                lang.network_texts(),
                lang.program_texts(),
            );
        }
        let source = [
            include_str!("i18n.rs"),
            include_str!("i18n_matching.rs"),
            include_str!("i18n_network.rs"),
            include_str!("i18n_programs.rs"),
        ]
        .concat();
        let mut missing = Vec::new();
        for quoted in source
            .split("lang.text(\"")
            .skip(1)
            .chain(source.split("lang.format(\"").skip(1))
        {
            let id = quoted.split('"').next().unwrap_or_default();
            for lang in Lang::ALL {
                if !lang.has(id) {
                    missing.push(format!("{}: {id}", lang.code()));
                }
            }
        }
        assert!(missing.is_empty(), "missing messages: {missing:?}");
    }

    #[test]
    fn translations_differ_from_english() {
        // A translation left in English is a slip; a few words are the same
        // on purpose (API, Email in Vietnamese).
        for lang in [Lang::Ja, Lang::Th, Lang::Vi] {
            let (t, en) = (lang.texts(), Lang::En.texts());
            assert_ne!(t.people, en.people);
            assert_ne!(t.sign_in, en.sign_in);
            assert_ne!(t.fix_errors, en.fix_errors);
            assert_ne!(t.studied_at, en.studied_at);
        }
    }
}
