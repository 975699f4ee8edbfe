use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{ValueError, codelist};

/// An IATI OrganisationType code: 10 government, 22 national NGO, 70 private
/// sector, 80 academic, training and research, ...
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrganisationType(u8);

impl OrganisationType {
    pub const GOVERNMENT: OrganisationType = OrganisationType(10);
    pub const OTHER_PUBLIC_SECTOR: OrganisationType = OrganisationType(15);
    pub const INTERNATIONAL_NGO: OrganisationType = OrganisationType(21);
    pub const NATIONAL_NGO: OrganisationType = OrganisationType(22);
    pub const REGIONAL_NGO: OrganisationType = OrganisationType(23);
    pub const PARTNER_COUNTRY_NGO: OrganisationType = OrganisationType(24);
    pub const PUBLIC_PRIVATE_PARTNERSHIP: OrganisationType = OrganisationType(30);
    pub const MULTILATERAL: OrganisationType = OrganisationType(40);
    pub const FOUNDATION: OrganisationType = OrganisationType(60);
    pub const PRIVATE_SECTOR: OrganisationType = OrganisationType(70);
    pub const PRIVATE_SECTOR_IN_PROVIDER_COUNTRY: OrganisationType = OrganisationType(71);
    pub const PRIVATE_SECTOR_IN_RECIPIENT_COUNTRY: OrganisationType = OrganisationType(72);
    pub const ACADEMIC: OrganisationType = OrganisationType(80);
    pub const OTHER: OrganisationType = OrganisationType(90);

    pub fn parse(input: &str) -> Result<OrganisationType, ValueError> {
        const HINT: &str = " (expected an IATI OrganisationType code such as 22 or 80)";
        let code = input.trim();
        match (code.parse::<u8>(), codelist::organisation_types().get(code)) {
            (Ok(n), Some(item)) if item.active => Ok(OrganisationType(n)),
            (Ok(_), Some(_)) => Err(ValueError::WithdrawnCode {
                list: "organization type",
                code: code.to_owned(),
            }),
            _ => Err(ValueError::unknown("organization type", input, HINT)),
        }
    }

    pub fn code(&self) -> u8 {
        self.0
    }

    pub fn name(&self) -> &'static str {
        codelist::organisation_types()
            .get(&self.0.to_string())
            .map_or("", |item| item.name.as_str())
    }
}

impl fmt::Display for OrganisationType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl fmt::Debug for OrganisationType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OrganisationType({})", self.0)
    }
}

impl TryFrom<String> for OrganisationType {
    type Error = ValueError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        OrganisationType::parse(&value)
    }
}

impl From<OrganisationType> for String {
    fn from(value: OrganisationType) -> Self {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_are_in_the_code_list() {
        for t in [
            OrganisationType::GOVERNMENT,
            OrganisationType::OTHER_PUBLIC_SECTOR,
            OrganisationType::INTERNATIONAL_NGO,
            OrganisationType::NATIONAL_NGO,
            OrganisationType::REGIONAL_NGO,
            OrganisationType::PARTNER_COUNTRY_NGO,
            OrganisationType::PUBLIC_PRIVATE_PARTNERSHIP,
            OrganisationType::MULTILATERAL,
            OrganisationType::FOUNDATION,
            OrganisationType::PRIVATE_SECTOR,
            OrganisationType::PRIVATE_SECTOR_IN_PROVIDER_COUNTRY,
            OrganisationType::PRIVATE_SECTOR_IN_RECIPIENT_COUNTRY,
            OrganisationType::ACADEMIC,
            OrganisationType::OTHER,
        ] {
            assert_eq!(OrganisationType::parse(&t.to_string()), Ok(t));
            assert!(!t.name().is_empty());
        }
    }

    #[test]
    fn unknown_codes_are_refused() {
        let err = OrganisationType::parse("99").unwrap_err();
        assert!(err.to_string().contains("\"99\""));
        assert!(OrganisationType::parse("NGO").is_err());
    }
}
