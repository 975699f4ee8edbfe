//! What lists may be filtered by: the questions the service asks the store
//! on a caller's behalf, within what the caller may read.

use crate::{
    CountryCode, LanguageCode, LanguageLevel, MatchStatus, NeedKind, NeedStatus, OfferKind,
    OrganisationType, Readiness, SectorCode, Seek, Skill, Text, TieKind, Uid,
};

/// Filters on the people directory; all given ones must hold.
#[derive(Debug, Clone, Default)]
pub struct PeopleFilter {
    /// Country of residence.
    pub country: Option<CountryCode>,
    /// Owned by, or tied to, this organization.
    pub organization: Option<Uid>,
    pub skill: Option<Skill>,
    pub sector: Option<SectorCode>,
    /// Speaks this language, at least at this level.
    pub language: Option<(LanguageCode, Option<LanguageLevel>)>,
    /// Part of a name, in any script.
    pub text: Option<Text>,
}

#[derive(Debug, Clone, Default)]
pub struct OrganizationFilter {
    pub country: Option<CountryCode>,
    pub org_type: Option<OrganisationType>,
    pub sector: Option<SectorCode>,
    pub parent: Option<Uid>,
    pub text: Option<Text>,
}

/// Filters on events; all given ones must hold.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub country: Option<CountryCode>,
    pub kind: Option<crate::EventKind>,
    /// Held by this organization.
    pub organizer: Option<Uid>,
}

/// Filters on ties; all given ones must hold.
#[derive(Debug, Clone, Default)]
pub struct TieFilter {
    /// This person, organization or event at either end.
    pub end: Option<Uid>,
    pub kind: Option<TieKind>,
}

/// Filters on needs; all given must hold.
#[derive(Debug, Clone, Default)]
pub struct NeedFilter {
    pub status: Option<NeedStatus>,
    pub kind: Option<NeedKind>,
    pub country: Option<CountryCode>,
    /// Posted by this person or organization.
    pub posted_by: Option<Uid>,
    /// Part of the title or description.
    pub text: Option<Text>,
}

#[derive(Debug, Clone, Default)]
pub struct OfferFilter {
    pub kind: Option<OfferKind>,
    pub provider: Option<Uid>,
    pub sector: Option<SectorCode>,
    /// Deployed in, or seeking, this country.
    pub country: Option<CountryCode>,
    pub seeks: Option<Seek>,
    /// At least this readiness.
    pub min_readiness: Option<Readiness>,
    /// Part of the title, description or keywords.
    pub text: Option<Text>,
}

#[derive(Debug, Clone, Default)]
pub struct MatchFilter {
    pub status: Option<MatchStatus>,
    /// Matches of needs owned by this organization.
    pub owner: Option<Uid>,
    pub need: Option<Uid>,
    /// Matches that propose this person.
    pub person: Option<Uid>,
}
