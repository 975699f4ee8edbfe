//! Needs, offers and the matches between them.
//!
//! A need is what a partner-country organization or person asks for: an
//! expert, a technology, a business partner, training, a mentor, an
//! investor. An offer is what a provider puts forward: a technology
//! listing (STePP-like: readiness level, SDGs, countries already deployed,
//! what the provider seeks) or a company seeking partners. Experts are
//! people's profiles and courses are programs' cohorts; they need no offer.
//!
//! A match joins a need to a candidate and moves along a fixed lifecycle;
//! [`MatchStatus::allows`] is its one rule.

use serde::{Deserialize, Serialize};

use crate::entity::keyword_enum;
use crate::{
    CountryCode, CourseMode, LanguageCode, LanguageSkill, SdgTarget, SectorCode, Skill, Text,
    ValueError, Visibility,
};

/// What a need asks for, and so which candidates answer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NeedKind {
    Expertise,
    Technology,
    BusinessPartner,
    Training,
    Mentoring,
    Investment,
}

keyword_enum!(NeedKind, "a need kind (expertise, technology, business_partner, training, mentoring, investment)", {
    Expertise => "expertise",
    Technology => "technology",
    BusinessPartner => "business_partner",
    Training => "training",
    Mentoring => "mentoring",
    Investment => "investment",
});

/// Who or what can answer a need of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CandidateKind {
    Person,
    Offer,
    Cohort,
}

keyword_enum!(CandidateKind, "a candidate kind (person, offer or cohort)", {
    Person => "person",
    Offer => "offer",
    Cohort => "cohort",
});

impl NeedKind {
    /// The kind of record that answers this need.
    pub fn candidates(self) -> CandidateKind {
        match self {
            NeedKind::Expertise | NeedKind::Mentoring => CandidateKind::Person,
            NeedKind::Technology | NeedKind::BusinessPartner | NeedKind::Investment => {
                CandidateKind::Offer
            }
            NeedKind::Training => CandidateKind::Cohort,
        }
    }

    /// The kind of offer that answers this need, if offers do.
    pub fn offer_kind(self) -> Option<OfferKind> {
        match self {
            NeedKind::Technology => Some(OfferKind::Technology),
            NeedKind::BusinessPartner | NeedKind::Investment => Some(OfferKind::Partnership),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NeedStatus {
    Open,
    Matched,
    Closed,
    Expired,
}

keyword_enum!(NeedStatus, "a need status (open, matched, closed, expired)", {
    Open => "open",
    Matched => "matched",
    Closed => "closed",
    Expired => "expired",
});

impl NeedStatus {
    /// Whether candidates are still looked for.
    pub fn is_active(self) -> bool {
        matches!(self, NeedStatus::Open | NeedStatus::Matched)
    }
}

/// A language a need asks for, at least at a level, or up to two others
/// that would do as well; a hard constraint (`must`) leaves out candidates
/// who meet none of them, a preference only scores. Written `ja:N2!`
/// (must), `ja:N2` (should), `th:B2|en:C1!` (Thai B2 or English C1, must).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageRequirement {
    pub skill: LanguageSkill,
    /// Other languages that would do as well as `skill`.
    pub or: [Option<LanguageSkill>; 2],
    pub must: bool,
}

impl LanguageRequirement {
    pub fn parse(input: &str) -> Result<LanguageRequirement, ValueError> {
        let input = input.trim();
        let (group, must) = match input.strip_suffix('!') {
            Some(group) => (group, true),
            None => (input, false),
        };
        let mut options = group.split('|').map(|o| LanguageSkill::parse(o.trim()));
        let skill = options.next().unwrap_or_else(|| LanguageSkill::parse(""))?;
        let mut or = [None; 2];
        for (at, option) in options.enumerate() {
            let option = option?;
            let slot = or.get_mut(at).ok_or_else(|| {
                ValueError::invalid(
                    input,
                    "at most three languages, one of which will do (th:B2|en:C1|ja:N3)",
                )
            })?;
            *slot = Some(option);
        }
        let requirement = LanguageRequirement { skill, or, must };
        let mut languages: Vec<LanguageCode> =
            requirement.options().map(|o| o.language()).collect();
        languages.sort();
        if languages.windows(2).any(|w| w[0] == w[1]) {
            return Err(ValueError::invalid(
                input,
                "each language once among those that will do",
            ));
        }
        Ok(requirement)
    }

    /// Every language that would do, `skill` first.
    pub fn options(&self) -> impl Iterator<Item = LanguageSkill> + '_ {
        std::iter::once(self.skill).chain(self.or.iter().flatten().copied())
    }
}

impl TryFrom<String> for LanguageRequirement {
    type Error = ValueError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        LanguageRequirement::parse(&value)
    }
}

impl From<LanguageRequirement> for String {
    fn from(value: LanguageRequirement) -> String {
        value.to_string()
    }
}

impl std::fmt::Display for LanguageRequirement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.skill)?;
        for other in self.or.iter().flatten() {
            write!(f, "|{other}")?;
        }
        write!(f, "{}", if self.must { "!" } else { "" })
    }
}

/// What someone asks of the network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Need<R> {
    pub kind: NeedKind,
    /// Who posts it: a person or an organization.
    pub posted_by: R,
    pub title: Text,
    /// In any of the interface's languages.
    pub description: Option<Text>,
    /// Skills that score.
    pub skills: Vec<Skill>,
    /// Skills every candidate must have.
    pub required_skills: Vec<Skill>,
    pub sectors: Vec<SectorCode>,
    /// Where the work is.
    pub country: Option<CountryCode>,
    /// Leave out candidates who have not worked or lived in `country`.
    pub require_country: bool,
    pub languages: Vec<LanguageRequirement>,
    /// Leave out candidates not available for the kind of work.
    pub require_available: bool,
    /// Leave out people who are not available by this day (whose
    /// `available_from` is later).
    #[serde(default, with = "iso_day")]
    pub available_by: Option<time::Date>,
    /// A technology need: leave out technologies less ready than this.
    pub min_readiness: Option<Readiness>,
    /// A technology need: leave out technologies not in use where asked.
    pub deployed: Option<Deployment>,
    /// A technology, business-partner or investment need: what the poster
    /// seeks in a partner (a technology to license in, a supplier), which
    /// tells the side of the deal it is on. Candidates must
    /// seek a counterpart ([`Seek::answers`]).
    pub seeks: Vec<Seek>,
    /// An investment need: how much investment is sought.
    pub investment_usd: Option<Usd>,
    /// A training need: how the course must be taught (in Japan, in the
    /// country, both, online).
    pub course_mode: Option<CourseMode>,
    /// Where a candidate must be based: a person's residence, the country
    /// of a company or a technology's provider. Empty: anywhere.
    #[serde(default)]
    pub located_in: Vec<CountryCode>,
    /// After this day the need expires, unless closed before.
    #[serde(with = "iso_day")]
    pub deadline: Option<time::Date>,
    pub visibility: Visibility,
}

impl<R> Need<R> {
    pub const MAX_TITLE_CHARS: usize = 200;
    pub const MAX_DESCRIPTION_CHARS: usize = 4000;
    pub const MAX_SKILLS: usize = 30;
    pub const MAX_SECTORS: usize = 10;
    pub const MAX_LANGUAGES: usize = 6;
    pub const MAX_LOCATED_IN: usize = 10;

    /// Checks the rules that join the fields.
    pub fn check(&self) -> Result<(), (&'static str, ValueError)> {
        if self.require_country && self.country.is_none() {
            return Err((
                "country",
                ValueError::Rule(
                    "a need that requires country experience names the country".into(),
                ),
            ));
        }
        let mut languages: Vec<_> = self
            .languages
            .iter()
            .flat_map(|l| l.options())
            .map(|o| o.language())
            .collect();
        languages.sort();
        if languages.windows(2).any(|w| w[0] == w[1]) {
            return Err((
                "languages",
                ValueError::Rule("each language is asked for once".into()),
            ));
        }
        if self.kind != NeedKind::Technology {
            let asked = [
                ("min_readiness", self.min_readiness.is_some()),
                ("deployed", self.deployed.is_some()),
            ];
            if let Some((field, _)) = asked.into_iter().find(|(_, given)| *given) {
                return Err((
                    field,
                    ValueError::Rule("only a technology need asks this of a technology".into()),
                ));
            }
        }
        if !self.seeks.is_empty()
            && !matches!(
                self.kind,
                NeedKind::Technology | NeedKind::BusinessPartner | NeedKind::Investment
            )
        {
            return Err((
                "seeks",
                ValueError::Rule(
                    "only a technology, business-partner or investment need seeks a side of a deal"
                        .into(),
                ),
            ));
        }
        if self.available_by.is_some()
            && !matches!(self.kind, NeedKind::Expertise | NeedKind::Mentoring)
        {
            return Err((
                "available_by",
                ValueError::Rule("only a need for people asks when they are available".into()),
            ));
        }
        if self.course_mode.is_some() && self.kind != NeedKind::Training {
            return Err((
                "course_mode",
                ValueError::Rule("only a training need asks how a course is taught".into()),
            ));
        }
        if self.investment_usd.is_some() && self.kind != NeedKind::Investment {
            return Err((
                "investment_usd",
                ValueError::Rule("only an investment need sizes the investment sought".into()),
            ));
        }
        if self.skills.is_empty() && self.required_skills.is_empty() && self.sectors.is_empty() {
            return Err((
                "skills",
                ValueError::Rule("a need names at least one skill or sector to match on".into()),
            ));
        }
        Ok(())
    }
}

/// A day as `YYYY-MM-DD` in JSON.
pub(crate) mod iso_day {
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(
        day: &Option<time::Date>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match day {
            Some(day) => s.collect_str(day),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<time::Date>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|text| crate::PartialDate::parse_day(&text).map_err(serde::de::Error::custom))
            .transpose()
    }
}

/// What an offer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfferKind {
    /// A technology listing, by its provider company.
    Technology,
    /// A company seeking partners: its products, capacities and the
    /// markets it seeks.
    Partnership,
}

keyword_enum!(OfferKind, "an offer kind (technology or partnership)", {
    Technology => "technology",
    Partnership => "partnership",
});

/// What a company seeks in a partner: one side of a deal. A need that
/// seeks something is answered by a company that seeks its counterpart
/// ([`Seek::answers`]): one seeking a supplier by one seeking buyers, a
/// licence in by a licence out. Two companies that seek the same one-sided
/// thing stand on the same side of the deal and are no match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Seek {
    /// A joint-venture partner (either side may seek it).
    JointVenture,
    /// Technical cooperation (either side may seek it).
    TechnicalCooperation,
    /// Licensees for its own technology.
    LicenceOut,
    /// A technology to license in.
    LicenceIn,
    /// A site to demonstrate its technology.
    Demonstration,
    /// Buyers or customers for its products, capacity or services.
    Buyer,
    /// A supplier of products or parts.
    Supplier,
    /// Distributors for its products.
    Distributor,
    /// A contract manufacturer to make its products.
    ContractManufacturing,
    /// A partner to develop software offshore.
    OffshoreDevelopment,
    /// Investment in itself.
    Investment,
    /// An enterprise to invest in.
    Investing,
}

keyword_enum!(Seek, "what is sought (joint_venture, technical_cooperation, licence_out, licence_in, demonstration, buyer, supplier, distributor, contract_manufacturing, offshore_development, investment, investing)", {
    JointVenture => "joint_venture",
    TechnicalCooperation => "technical_cooperation",
    LicenceOut => "licence_out",
    LicenceIn => "licence_in",
    Demonstration => "demonstration",
    Buyer => "buyer",
    Supplier => "supplier",
    Distributor => "distributor",
    ContractManufacturing => "contract_manufacturing",
    OffshoreDevelopment => "offshore_development",
    Investment => "investment",
    Investing => "investing",
});

impl Seek {
    /// The counterparts of each deal: one side seeks the first, the other
    /// the second. A pair of one seek with itself is a deal either side
    /// may seek.
    const DEALS: [(Seek, Seek); 10] = [
        (Seek::JointVenture, Seek::JointVenture),
        (Seek::TechnicalCooperation, Seek::TechnicalCooperation),
        (Seek::LicenceOut, Seek::LicenceIn),
        (Seek::Demonstration, Seek::LicenceIn),
        (Seek::Demonstration, Seek::TechnicalCooperation),
        (Seek::Buyer, Seek::Supplier),
        (Seek::Buyer, Seek::ContractManufacturing),
        (Seek::Buyer, Seek::OffshoreDevelopment),
        (Seek::Distributor, Seek::Supplier),
        (Seek::Investment, Seek::Investing),
    ];

    /// The words earlier versions wrote, as a provider's offer in return,
    /// and what they read as now.
    pub const EARLIER_WORDS: [(&'static str, Seek); 4] = [
        ("licence", Seek::LicenceOut),
        ("sale", Seek::Buyer),
        ("supply", Seek::Buyer),
        ("distribution", Seek::Distributor),
    ];

    /// Reads a seek, or one of the [`Seek::EARLIER_WORDS`] for it.
    pub fn parse(input: &str) -> Result<Seek, ValueError> {
        let word = input.trim().to_ascii_lowercase();
        match Seek::EARLIER_WORDS
            .iter()
            .find(|(earlier, _)| *earlier == word)
        {
            Some(&(_, seek)) => Ok(seek),
            None => input.parse(),
        }
    }

    /// Whether a company seeking `other` answers one seeking `self`.
    pub fn answers(self, other: Seek) -> bool {
        Seek::DEALS
            .iter()
            .any(|&(a, b)| (a, b) == (self, other) || (b, a) == (self, other))
    }

    /// Whether either side of the deal may seek it, so that what both
    /// seek does not tell their sides apart.
    pub fn is_mutual(self) -> bool {
        Seek::DEALS.contains(&(self, self))
    }
}

impl TryFrom<String> for Seek {
    type Error = ValueError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Seek::parse(&value)
    }
}

impl From<Seek> for String {
    fn from(value: Seek) -> String {
        value.as_str().to_owned()
    }
}

/// How a company's seeks meet a need's: through a one-sided deal, which
/// tells the two sides apart, or only through one either side may seek.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DealFit {
    /// It seeks a counterpart of a one-sided deal the need seeks.
    Counterpart,
    /// It seeks only deals either side may seek (a joint venture,
    /// technical cooperation) that the need seeks too.
    Mutual,
    /// It seeks no counterpart of anything the need seeks.
    None,
}

/// How a candidate seeking `held` answers a need seeking `asked`.
pub fn deal_fit(asked: &[Seek], held: &[Seek]) -> DealFit {
    let mut fit = DealFit::None;
    for &a in asked {
        for &h in held {
            if a.answers(h) {
                if !a.is_mutual() {
                    return DealFit::Counterpart;
                }
                fit = DealFit::Mutual;
            }
        }
    }
    fit
}

/// An amount of money in whole US dollars, as investments are sized.
pub type Usd = u64;

/// The most an amount may be: far beyond any one investment, well within
/// what both engines store.
pub const MAX_USD: Usd = 1_000_000_000_000;

/// Reads an amount in US dollars: digits, optionally grouped by commas,
/// spaces or underscores, after an optional `$` or `USD` ("2,500,000",
/// "USD 300000").
pub fn parse_usd(input: &str) -> Result<Usd, ValueError> {
    let expected = "an amount in whole US dollars, such as 2,500,000";
    let trimmed = input.trim();
    let digits = trimmed
        .strip_prefix("USD")
        .or_else(|| trimmed.strip_prefix('$'))
        .unwrap_or(trimmed)
        .trim();
    if digits.is_empty() || !digits.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return Err(ValueError::invalid(input, expected));
    }
    let mut amount: Usd = 0;
    for c in digits.chars() {
        match c {
            '0'..='9' => {
                amount = amount
                    .checked_mul(10)
                    .and_then(|a| a.checked_add(Usd::from(c as u8 - b'0')))
                    .filter(|&a| a <= MAX_USD)
                    .ok_or_else(|| {
                        ValueError::invalid(input, "at most 1,000,000,000,000 dollars")
                    })?;
            }
            ',' | ' ' | '_' => {}
            _ => return Err(ValueError::invalid(input, expected)),
        }
    }
    Ok(amount)
}

/// Where a technology a need asks for must already be in use: anywhere
/// outside Japan (`abroad`), or in one country (`TH`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Deployment {
    Abroad,
    In(CountryCode),
}

impl Deployment {
    pub fn parse(input: &str) -> Result<Deployment, ValueError> {
        let input = input.trim();
        if input.eq_ignore_ascii_case("abroad") {
            return Ok(Deployment::Abroad);
        }
        CountryCode::parse(input)
            .map(Deployment::In)
            .map_err(|_| ValueError::invalid(input, "abroad, or a country (ISO 3166-1 alpha-2)"))
    }

    /// Whether a technology in use in `countries` is in use where asked.
    pub fn met_by(self, countries: &[CountryCode]) -> bool {
        match self {
            Deployment::Abroad => countries.iter().any(|c| c.as_str() != "JP"),
            Deployment::In(country) => countries.contains(&country),
        }
    }
}

impl std::fmt::Display for Deployment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Deployment::Abroad => f.write_str("abroad"),
            Deployment::In(country) => write!(f, "{country}"),
        }
    }
}

impl TryFrom<String> for Deployment {
    type Error = ValueError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Deployment::parse(&value)
    }
}

impl From<Deployment> for String {
    fn from(value: Deployment) -> String {
        value.to_string()
    }
}

/// Technology readiness level, 1 (principles observed) to 9 (proven in
/// operation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Readiness(u8);

impl Readiness {
    pub fn new(level: u8) -> Result<Readiness, ValueError> {
        if (1..=9).contains(&level) {
            Ok(Readiness(level))
        } else {
            Err(ValueError::invalid(
                &level.to_string(),
                "a technology readiness level from 1 to 9",
            ))
        }
    }

    pub fn parse(input: &str) -> Result<Readiness, ValueError> {
        let trimmed = input.trim();
        let digits = trimmed
            .strip_prefix("TRL")
            .or_else(|| trimmed.strip_prefix("trl"))
            .unwrap_or(trimmed)
            .trim();
        digits
            .parse::<u8>()
            .map_err(|_| ValueError::invalid(input, "a technology readiness level from 1 to 9"))
            .and_then(Readiness::new)
    }

    pub fn level(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Readiness {
    type Error = ValueError;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Readiness::new(value)
    }
}

impl From<Readiness> for u8 {
    fn from(value: Readiness) -> u8 {
        value.0
    }
}

/// What a provider puts forward.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer<R> {
    pub kind: OfferKind,
    /// The company or body that provides it.
    pub provider: R,
    pub title: Text,
    pub description: Option<Text>,
    /// What it is and does, as skills are: "wastewater treatment",
    /// "lean automation", "injection moulding".
    pub keywords: Vec<Skill>,
    pub sectors: Vec<SectorCode>,
    pub sdgs: Vec<SdgTarget>,
    /// Technologies only.
    pub readiness: Option<Readiness>,
    /// A technology: where it is already deployed. A partnership: the
    /// markets sought.
    pub countries: Vec<CountryCode>,
    pub seeks: Vec<Seek>,
    /// A partnership seeking to invest: the least and the most it invests
    /// in one enterprise.
    pub invests_from_usd: Option<Usd>,
    pub invests_up_to_usd: Option<Usd>,
    /// The languages the provider works in (a company) or gives support in
    /// (a technology), each at the level it can: a need's must-languages
    /// hold it where it states any.
    #[serde(default)]
    pub languages: Vec<LanguageSkill>,
    /// A partnership's capacities: "10,000 units a month".
    pub capacity: Option<Text>,
    pub visibility: Visibility,
}

impl<R> Offer<R> {
    pub const MAX_TITLE_CHARS: usize = 200;
    pub const MAX_DESCRIPTION_CHARS: usize = 4000;
    pub const MAX_CAPACITY_CHARS: usize = 500;
    pub const MAX_KEYWORDS: usize = 30;
    pub const MAX_SECTORS: usize = 10;
    pub const MAX_COUNTRIES: usize = 60;
    pub const MAX_LANGUAGES: usize = 10;

    pub fn check(&self) -> Result<(), (&'static str, ValueError)> {
        match (self.kind, self.readiness) {
            (OfferKind::Partnership, Some(_)) => Err((
                "readiness",
                ValueError::Rule("a readiness level belongs to a technology".into()),
            )),
            (OfferKind::Technology, None) => Err((
                "readiness",
                ValueError::Rule("a technology states its readiness level (TRL 1-9)".into()),
            )),
            _ if self.keywords.is_empty() && self.sectors.is_empty() => Err((
                "keywords",
                ValueError::Rule("an offer names at least one keyword or sector".into()),
            )),
            _ if (self.invests_from_usd.is_some() || self.invests_up_to_usd.is_some())
                && !self.seeks.contains(&Seek::Investing) =>
            {
                Err((
                    "invests_from_usd",
                    ValueError::Rule(
                        "only a company seeking to invest sizes its investments".into(),
                    ),
                ))
            }
            _ if self
                .invests_from_usd
                .zip(self.invests_up_to_usd)
                .is_some_and(|(from, up_to)| from > up_to) =>
            {
                Err((
                    "invests_up_to_usd",
                    ValueError::Rule("the most invested is not below the least".into()),
                ))
            }
            _ => Ok(()),
        }
    }
}

/// Where a match stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchStatus {
    /// Suggested to the need's owner, or asked for by them.
    Proposed,
    /// The two sides have been put in touch.
    Introduced,
    Accepted,
    Declined,
    Collaborating,
    /// Over, with an [`MatchOutcome`].
    Concluded,
}

keyword_enum!(MatchStatus, "a match status (proposed, introduced, accepted, declined, collaborating, concluded)", {
    Proposed => "proposed",
    Introduced => "introduced",
    Accepted => "accepted",
    Declined => "declined",
    Collaborating => "collaborating",
    Concluded => "concluded",
});

impl MatchStatus {
    /// The pipeline's columns, in order.
    pub const PIPELINE: [MatchStatus; 6] = [
        MatchStatus::Proposed,
        MatchStatus::Introduced,
        MatchStatus::Accepted,
        MatchStatus::Collaborating,
        MatchStatus::Concluded,
        MatchStatus::Declined,
    ];

    /// The moves the lifecycle allows from here.
    pub fn next(self) -> &'static [MatchStatus] {
        use MatchStatus::*;
        match self {
            Proposed => &[Introduced, Declined],
            Introduced => &[Accepted, Declined],
            Accepted => &[Collaborating, Concluded],
            Collaborating => &[Concluded],
            Declined | Concluded => &[],
        }
    }

    pub fn allows(self, to: MatchStatus) -> bool {
        self.next().contains(&to)
    }

    /// Whether the match is over.
    pub fn is_final(self) -> bool {
        self.next().is_empty()
    }
}

/// How a match ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchOutcome {
    AgreementSigned,
    DemonstrationDone,
    Hired,
    NoResult,
}

keyword_enum!(MatchOutcome, "an outcome (agreement_signed, demonstration_done, hired, no_result)", {
    AgreementSigned => "agreement_signed",
    DemonstrationDone => "demonstration_done",
    Hired => "hired",
    NoResult => "no_result",
});

impl MatchOutcome {
    /// Whether it counts as a success in a candidate's track record.
    pub fn is_success(self) -> bool {
        self != MatchOutcome::NoResult
    }
}

/// A move of a match: to a status, with what that status asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchMove {
    pub to: MatchStatus,
    /// Required to conclude.
    pub outcome: Option<MatchOutcome>,
    /// Required to decline: why.
    pub note: Option<Text>,
}

impl MatchMove {
    pub const MAX_NOTE_CHARS: usize = 2000;

    /// Checks the move from `from`: the lifecycle allows it, a decline
    /// says why and a conclusion says how it ended.
    pub fn check(&self, from: MatchStatus) -> Result<(), (&'static str, ValueError)> {
        if !from.allows(self.to) {
            let allowed: Vec<&str> = from.next().iter().map(|s| s.as_str()).collect();
            return Err((
                "status",
                ValueError::Rule(if allowed.is_empty() {
                    format!("the match is {from}; it moves no further")
                } else {
                    format!(
                        "a {from} match moves to {}, not {}",
                        allowed.join(" or "),
                        self.to
                    )
                }),
            ));
        }
        match (self.to, self.outcome, &self.note) {
            (MatchStatus::Declined, _, None) => {
                Err(("note", ValueError::Rule("a decline says why".into())))
            }
            (MatchStatus::Concluded, None, _) => Err((
                "outcome",
                ValueError::Rule("a concluded match says how it ended".into()),
            )),
            (to, Some(_), _) if to != MatchStatus::Concluded => Err((
                "outcome",
                ValueError::Rule("only a concluded match has an outcome".into()),
            )),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_requirements_read_must_from_a_bang() {
        let must = LanguageRequirement::parse("th:native!").unwrap();
        assert!(must.must);
        assert_eq!(must.to_string(), "th:native!");
        let should = LanguageRequirement::parse(" ja:N2 ").unwrap();
        assert!(!should.must);
        assert_eq!(should.skill.level().rank(), 4);
        assert!(LanguageRequirement::parse("ja:B2!").is_err());
        let either = LanguageRequirement::parse("th:B2 | en:C1!").unwrap();
        assert!(either.must);
        assert_eq!(either.options().count(), 2);
        assert_eq!(either.to_string(), "th:B2|en:C1!");
        assert_eq!(
            LanguageRequirement::parse(&either.to_string()).unwrap(),
            either
        );
        assert!(LanguageRequirement::parse("th:B2|en:C1|ja:N3").is_ok());
        assert!(LanguageRequirement::parse("th:B2|en:C1|ja:N3|vi:B1").is_err());
        assert!(LanguageRequirement::parse("th:B2|th:C1").is_err());
        assert!(LanguageRequirement::parse("th:B2|").is_err());
    }

    #[test]
    fn a_course_taught_both_ways_serves_either() {
        use CourseMode::*;
        assert!(Both.serves(InJapan) && Both.serves(InCountry) && Both.serves(Both));
        assert!(InJapan.serves(InJapan) && !InJapan.serves(InCountry));
        assert!(!InJapan.serves(Both) && !Online.serves(InCountry) && !Both.serves(Online));
        assert!(Online.serves(Online));
    }

    #[test]
    fn a_deal_is_answered_from_its_other_side_only() {
        use Seek::*;
        // A firm seeking a supplier is answered by one seeking buyers, not by
        // another seeking a supplier.
        assert_eq!(deal_fit(&[Supplier], &[Buyer]), DealFit::Counterpart);
        assert_eq!(deal_fit(&[Supplier], &[Supplier]), DealFit::None);
        assert_eq!(deal_fit(&[Buyer], &[Buyer, Investment]), DealFit::None);
        assert_eq!(deal_fit(&[LicenceIn], &[LicenceOut]), DealFit::Counterpart);
        assert_eq!(deal_fit(&[Investment], &[Investment]), DealFit::None);
        assert_eq!(deal_fit(&[Investment], &[Investing]), DealFit::Counterpart);
        // Either side seeks a joint venture: the sides are told otherwise.
        assert_eq!(deal_fit(&[JointVenture], &[JointVenture]), DealFit::Mutual);
        assert_eq!(
            deal_fit(&[JointVenture, Buyer], &[JointVenture, Supplier]),
            DealFit::Counterpart
        );
        assert_eq!(deal_fit(&[], &[Buyer]), DealFit::None);
        // The relation is symmetric.
        for &a in Seek::ALL {
            for &b in Seek::ALL {
                assert_eq!(a.answers(b), b.answers(a), "{a} {b}");
            }
        }
        // Earlier words still read.
        assert_eq!(Seek::parse("sale").unwrap(), Buyer);
        assert_eq!(Seek::parse("Licence").unwrap(), LicenceOut);
        assert_eq!(Seek::parse("distribution").unwrap(), Distributor);
        assert!(Seek::parse("friendship").is_err());
        let read: Vec<Seek> = serde_json::from_str(r#"["supply", "investing"]"#).unwrap();
        assert_eq!(read, vec![Buyer, Investing]);
    }

    #[test]
    fn amounts_read_as_people_write_them() {
        assert_eq!(parse_usd("2,500,000").unwrap(), 2_500_000);
        assert_eq!(parse_usd("USD 300000").unwrap(), 300_000);
        assert_eq!(parse_usd("$ 1 000").unwrap(), 1_000);
        assert!(parse_usd("").is_err());
        assert!(parse_usd("-5").is_err());
        assert!(parse_usd("2.5m").is_err());
        assert!(parse_usd("99999999999999999999999").is_err());
        assert!(parse_usd("1000000000001").is_err());
    }

    #[test]
    fn readiness_is_one_to_nine() {
        assert_eq!(Readiness::parse("TRL 7").unwrap().level(), 7);
        assert_eq!(Readiness::parse("9").unwrap().level(), 9);
        assert!(Readiness::parse("0").is_err());
        assert!(Readiness::parse("10").is_err());
        assert!(Readiness::parse("high").is_err());
    }

    #[test]
    fn every_status_reaches_an_end_and_none_returns() {
        // From every status, following allowed moves reaches a final one,
        // and no move goes back to a status already passed.
        fn walk(from: MatchStatus, seen: &mut Vec<MatchStatus>) {
            assert!(!seen.contains(&from), "{from} reached twice");
            seen.push(from);
            for &to in from.next() {
                walk(to, seen);
            }
            seen.pop();
        }
        for status in MatchStatus::ALL {
            walk(*status, &mut Vec::new());
        }
        assert!(MatchStatus::Declined.is_final());
        assert!(MatchStatus::Concluded.is_final());
    }

    #[test]
    fn moves_ask_for_what_their_status_needs() {
        let decline = MatchMove {
            to: MatchStatus::Declined,
            outcome: None,
            note: None,
        };
        assert_eq!(decline.check(MatchStatus::Proposed).unwrap_err().0, "note");
        let conclude = MatchMove {
            to: MatchStatus::Concluded,
            outcome: None,
            note: None,
        };
        assert_eq!(
            conclude.check(MatchStatus::Accepted).unwrap_err().0,
            "outcome"
        );
        let skip = MatchMove {
            to: MatchStatus::Collaborating,
            outcome: None,
            note: None,
        };
        let (field, error) = skip.check(MatchStatus::Proposed).unwrap_err();
        assert_eq!(field, "status");
        assert!(
            error.to_string().contains("introduced or declined"),
            "{error}"
        );
        let done = MatchMove {
            to: MatchStatus::Concluded,
            outcome: Some(MatchOutcome::Hired),
            note: None,
        };
        assert!(done.check(MatchStatus::Collaborating).is_ok());
        assert!(done.check(MatchStatus::Concluded).is_err());
    }
}
