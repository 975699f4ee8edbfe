//! The texts of the network pages, read from the message files; the words
//! of a warm path's steps are `kyoso_service::words`, which the command
//! line shares.

use std::sync::LazyLock;

use crate::i18n::{Arg, Lang, leak};

#[derive(Debug)]
pub(crate) struct NetworkTexts {
    pub(crate) network: &'static str,
    pub(crate) reach_title: &'static str,
    /// Holds `{from}`.
    pub(crate) reach_intro: &'static str,
    pub(crate) reach_from: &'static str,
    pub(crate) reach_from_hint: &'static str,
    pub(crate) no_path: &'static str,
    pub(crate) path_number: &'static str,
    pub(crate) introductions: &'static str,
    pub(crate) direct: &'static str,
    pub(crate) cost: &'static str,
    /// Marks a hub a path passes through.
    pub(crate) hub: &'static str,
    /// Why a path through a hub was shown.
    pub(crate) hub_note: &'static str,
    pub(crate) brokers: &'static str,
    pub(crate) brokers_intro: &'static str,
    pub(crate) exact: &'static str,
    /// Holds `{k}` and `{error}`.
    pub(crate) sampled: &'static str,
    pub(crate) rank: &'static str,
    pub(crate) score: &'static str,
    pub(crate) ties: &'static str,
    pub(crate) bridges_countries: &'static str,
    pub(crate) bridges_types: &'static str,
    pub(crate) from_group: &'static str,
    pub(crate) to_group: &'static str,
    pub(crate) group_hint: &'static str,
    pub(crate) communities: &'static str,
    pub(crate) communities_intro: &'static str,
    pub(crate) modularity: &'static str,
    pub(crate) community: &'static str,
    pub(crate) members: &'static str,
    pub(crate) ties_inside: &'static str,
    pub(crate) countries: &'static str,
    pub(crate) most_connected: &'static str,
    pub(crate) partial: &'static str,
    pub(crate) map_aggregated: &'static str,
    pub(crate) map_members: &'static str,
    pub(crate) core_group: &'static str,
    /// Holds `{k}` and `{size}`.
    pub(crate) core_intro: &'static str,
    pub(crate) growth: &'static str,
    pub(crate) growth_intro: &'static str,
    pub(crate) per_year: &'static str,
    pub(crate) per_month: &'static str,
    pub(crate) new_members: &'static str,
    pub(crate) new_ties: &'static str,
    pub(crate) total_members: &'static str,
    pub(crate) total_ties: &'static str,
    pub(crate) largest_group: &'static str,
    pub(crate) countries_reached: &'static str,
    pub(crate) first_period: &'static str,
    pub(crate) as_of: &'static str,
    pub(crate) show: &'static str,
}

/// The texts in `lang`, from its message files.
fn load(lang: Lang) -> NetworkTexts {
    NetworkTexts {
        network: lang.text("network-network"),
        reach_title: lang.text("network-reach-title"),
        reach_intro: leak(lang.format("network-reach-intro", &[("from", Arg::Text("{from}"))])),
        reach_from: lang.text("network-reach-from"),
        reach_from_hint: lang.text("network-reach-from-hint"),
        no_path: lang.text("network-no-path"),
        hub: lang.text("network-hub-mark"),
        hub_note: lang.text("network-hub-note"),
        path_number: lang.text("network-path-number"),
        introductions: lang.text("network-introductions"),
        direct: lang.text("network-direct"),
        cost: lang.text("network-cost"),
        brokers: lang.text("network-brokers"),
        brokers_intro: lang.text("network-brokers-intro"),
        exact: lang.text("network-exact"),
        sampled: leak(lang.format(
            "network-sampled",
            &[
                ("sources", Arg::Text("{k}")),
                ("error", Arg::Text("{error}")),
            ],
        )),
        rank: lang.text("network-rank"),
        score: lang.text("network-score"),
        ties: lang.text("network-ties"),
        bridges_countries: lang.text("network-bridges-countries"),
        bridges_types: lang.text("network-bridges-types"),
        from_group: lang.text("network-from-group"),
        to_group: lang.text("network-to-group"),
        group_hint: lang.text("network-group-hint"),
        communities: lang.text("network-communities"),
        communities_intro: lang.text("network-communities-intro"),
        modularity: lang.text("network-modularity"),
        community: lang.text("network-community"),
        members: lang.text("network-members"),
        ties_inside: lang.text("network-ties-inside"),
        countries: lang.text("network-countries"),
        most_connected: lang.text("network-most-connected"),
        partial: lang.text("network-partial"),
        map_aggregated: lang.text("network-map-aggregated"),
        map_members: lang.text("network-map-members"),
        core_group: lang.text("network-core-group"),
        core_intro: leak(lang.format(
            "network-core-intro",
            &[("k", Arg::Text("{k}")), ("size", Arg::Text("{size}"))],
        )),
        growth: lang.text("network-growth"),
        growth_intro: lang.text("network-growth-intro"),
        per_year: lang.text("network-per-year"),
        per_month: lang.text("network-per-month"),
        new_members: lang.text("network-new-members"),
        new_ties: lang.text("network-new-ties"),
        total_members: lang.text("network-total-members"),
        total_ties: lang.text("network-total-ties"),
        largest_group: lang.text("network-largest-group"),
        countries_reached: lang.text("network-countries-reached"),
        first_period: lang.text("network-first-period"),
        as_of: lang.text("network-as-of"),
        show: lang.text("network-show"),
    }
}

static LOADED: LazyLock<[NetworkTexts; 4]> = LazyLock::new(|| Lang::ALL.map(load));

/// The NetworkTexts of each language.
pub(crate) fn network_texts(lang: Lang) -> &'static NetworkTexts {
    &LOADED[lang as usize]
}
