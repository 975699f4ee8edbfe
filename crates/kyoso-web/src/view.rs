//! What the pages show, prepared from records in the reader's language:
//! names in the reader's script, countries in their language, dates as the
//! record knows them.

use kyoso_domain::{
    CountryCode, EntityKind, LanguageCode, LanguageSkill, Link, Names, OrganisationType,
    Organization, Person, SectorCode, Stored, Tie, TieKind, Uid,
};

use crate::i18n::{Lang, Texts};

/// A DAC sector, with its code, in the reader's language.
pub(crate) fn sector(code: SectorCode, lang: Lang) -> String {
    let name = lang.sector(code.code()).unwrap_or_else(|| code.name());
    format!("{code} {name}")
}

/// Sectors, each with its code, in the reader's language.
pub(crate) fn sectors(codes: &[SectorCode], lang: Lang) -> String {
    codes
        .iter()
        .map(|&code| sector(code, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A language and the level held ("Thai, B2 (upper intermediate)"), or a
/// need's requirement, in the reader's language.
pub(crate) fn language_level(language: LanguageCode, level: &str, lang: Lang) -> String {
    let name = lang
        .language(language.as_str())
        .unwrap_or_else(|| language.name());
    let level = lang.level(level).unwrap_or(level);
    format!("{name} {level}")
}

/// The languages of a profile, in the reader's language.
pub(crate) fn languages(skills: &[LanguageSkill], lang: Lang) -> String {
    skills
        .iter()
        .map(|l| language_level(l.language(), l.level().as_str(), lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// An organization's type, in the reader's language.
pub(crate) fn org_type(kind: OrganisationType, lang: Lang) -> String {
    let id = format!("org-type-{}", kind.code());
    if lang.has(&id) {
        lang.text(&id).to_owned()
    } else {
        kind.name().to_owned()
    }
}

pub(crate) fn country(code: Option<CountryCode>, lang: Lang) -> String {
    code.map(|c| c.name(lang.code()).to_owned())
        .unwrap_or_default()
}

/// The name in the reader's script, and the others beside it.
pub(crate) fn names(names: &Names, lang: Lang) -> (String, String) {
    let shown = names.display(lang.code()).to_owned();
    let others: Vec<&str> = [&names.native, &names.latin, &names.japanese]
        .into_iter()
        .filter_map(|n| n.as_deref())
        .filter(|n| *n != shown)
        .collect();
    (shown, others.join(" · "))
}

pub(crate) fn dates(tie: &Tie<Link>, t: &Texts) -> String {
    match tie.end {
        Some(end) if end == tie.start => tie.start.to_string(),
        Some(end) => format!("{}–{}", tie.start, end),
        // Attending and meeting happen once; they do not go on.
        None if matches!(tie.kind, TieKind::Attended | TieKind::MetAt) => tie.start.to_string(),
        None => format!("{}–{}", tie.start, t.present),
    }
}

/// One country in a select list.
#[derive(Debug, Clone)]
pub(crate) struct Choice {
    pub(crate) value: String,
    pub(crate) label: String,
    pub(crate) selected: bool,
}

/// Every country, named and sorted in the reader's language.
pub(crate) fn country_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    let mut choices: Vec<Choice> = kyoso_domain::codelist::countries()
        .active()
        .filter_map(|item| CountryCode::parse(&item.code).ok())
        .map(|code| Choice {
            value: code.to_string(),
            label: code.name(lang.code()).to_owned(),
            selected: code.as_str() == selected,
        })
        .collect();
    choices.sort_by(|a, b| a.label.cmp(&b.label));
    choices
}

#[derive(Debug, Clone)]
pub(crate) struct PersonRow {
    pub(crate) id: Uid,
    pub(crate) name: String,
    pub(crate) other_name: String,
    pub(crate) country: String,
    pub(crate) skills: String,
}

pub(crate) fn person_row(p: &Stored<Person>, lang: Lang) -> PersonRow {
    let (name, other_name) = names(&p.record.names, lang);
    PersonRow {
        id: p.uid,
        name,
        other_name,
        country: country(p.record.residence, lang),
        skills: p
            .record
            .skills
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

#[derive(Debug, Clone)]
pub(crate) struct OrganizationRow {
    pub(crate) id: Uid,
    pub(crate) name: String,
    pub(crate) country: String,
    pub(crate) kind: String,
}

pub(crate) fn organization_row(o: &Stored<Organization<Link>>, lang: Lang) -> OrganizationRow {
    let (name, _) = names(&o.record.names, lang);
    let name = match &o.record.acronym {
        Some(acronym) if !name.contains(acronym.as_str()) => format!("{name} ({acronym})"),
        _ => name,
    };
    OrganizationRow {
        id: o.uid,
        name,
        country: country(o.record.country, lang),
        kind: org_type(o.record.org_type, lang),
    }
}

/// A tie seen from one of its ends.
#[derive(Debug, Clone)]
pub(crate) struct TieItem {
    pub(crate) href: String,
    pub(crate) other: String,
    pub(crate) dates: String,
    pub(crate) detail: String,
    /// The tie's edit page, where the reader may change it.
    pub(crate) edit: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct TieGroup {
    pub(crate) heading: String,
    pub(crate) ties: Vec<TieItem>,
}

/// The record at the other end of `tie` from `me`.
pub(crate) fn other_end(tie: &Tie<Link>, me: Uid) -> (EntityKind, Uid) {
    if tie.from.key.uid == me {
        (tie.to.kind, tie.to.key.uid)
    } else {
        (tie.from.kind, tie.from.key.uid)
    }
}

pub(crate) fn href(kind: EntityKind, uid: Uid) -> String {
    match kind {
        EntityKind::Person => format!("/people/{uid}"),
        EntityKind::Organization => format!("/organizations/{uid}"),
        EntityKind::Event => format!("/events/{uid}"),
    }
}

/// Ties grouped by kind, in the order of `TieKind::ALL`, each sorted by start.
pub(crate) fn group_ties(
    ties: &[Stored<Tie<Link>>],
    me: Uid,
    name_of: &dyn Fn(Uid) -> String,
    may_edit: &dyn Fn(&Stored<Tie<Link>>) -> bool,
    t: &Texts,
) -> Vec<TieGroup> {
    TieKind::ALL
        .iter()
        .filter_map(|kind| {
            let mut items: Vec<(&Stored<Tie<Link>>, TieItem)> = ties
                .iter()
                .filter(|s| s.record.kind == *kind)
                .map(|s| {
                    let (other_kind, other) = other_end(&s.record, me);
                    let detail = [s.record.role.as_deref(), s.record.note.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" · ");
                    (
                        s,
                        TieItem {
                            href: href(other_kind, other),
                            other: name_of(other),
                            dates: dates(&s.record, t),
                            detail,
                            edit: may_edit(s).then(|| format!("/ties/{}/edit", s.uid)),
                        },
                    )
                })
                .collect();
            if items.is_empty() {
                return None;
            }
            items.sort_by_key(|(s, _)| s.record.start);
            Some(TieGroup {
                heading: t.tie_kind(*kind).to_owned(),
                ties: items.into_iter().map(|(_, item)| item).collect(),
            })
        })
        .collect()
}

/// Every DAC sector, named and sorted in the reader's language.
pub(crate) fn sector_choices(lang: Lang, selected: &str, empty: &str) -> Vec<Choice> {
    let mut choices: Vec<Choice> = kyoso_domain::codelist::sectors()
        .active()
        .filter_map(|item| SectorCode::parse(&item.code).ok())
        .map(|code| Choice {
            value: code.to_string(),
            label: lang
                .sector(code.code())
                .unwrap_or_else(|| code.name())
                .to_owned(),
            selected: code.to_string() == selected,
        })
        .collect();
    choices.sort_by(|a, b| a.label.cmp(&b.label));
    crate::forms::with_empty(choices, empty)
}

/// Language levels, named in the reader's language.
pub(crate) fn level_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    const LEVELS: [&str; 12] = [
        "native", "N1", "N2", "N3", "N4", "N5", "C2", "C1", "B2", "B1", "A2", "A1",
    ];
    crate::forms::with_empty(
        LEVELS
            .iter()
            .map(|&level| Choice {
                value: level.to_owned(),
                label: lang.level(level).unwrap_or(level).to_owned(),
                selected: level == selected,
            })
            .collect(),
        "—",
    )
}

/// Every language, named and sorted in the reader's language.
pub(crate) fn language_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    let mut choices: Vec<Choice> = kyoso_domain::codelist::languages()
        .active()
        .filter(|item| kyoso_domain::LanguageCode::parse(&item.code).is_ok())
        .map(|item| Choice {
            value: item.code.clone(),
            label: lang.language(&item.code).unwrap_or(&item.code).to_owned(),
            selected: item.code == selected,
        })
        .collect();
    choices.sort_by(|a, b| a.label.cmp(&b.label));
    crate::forms::with_empty(choices, "—")
}
