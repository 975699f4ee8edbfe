use serde::{Deserialize, Serialize};

use crate::{
    CountryCode, Email, LanguageSkill, Names, OrganisationType, Phone, SectorCode, Skill, Text,
    ValueError, WebAddress,
};

/// Who may see a record: only its owner organization, everyone signed in to
/// the network, or the public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    Private,
    Network,
    Public,
}

/// The kinds of record a tie joins: the records of the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organization,
    /// An event people and organizations attended.
    Event,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
    Other,
}

macro_rules! keyword_enum {
    ($ty:ident, $expected:literal, { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            pub fn as_str(&self) -> &'static str {
                match self {
                    $($ty::$variant => $text),+
                }
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = ValueError;
            fn from_str(input: &str) -> Result<Self, Self::Err> {
                match input.trim().to_ascii_lowercase().as_str() {
                    $($text => Ok($ty::$variant),)+
                    _ => Err(ValueError::invalid(input, $expected)),
                }
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use keyword_enum;

keyword_enum!(Visibility, "private, network or public", {
    Private => "private",
    Network => "network",
    Public => "public",
});
keyword_enum!(EntityKind, "person, organization or event", {
    Person => "person",
    Organization => "organization",
    Event => "event",
});
keyword_enum!(Gender, "female, male or other", {
    Female => "female",
    Male => "male",
    Other => "other",
});

/// What someone is open to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Availability {
    /// Mentoring others: trainees, returnees, young entrepreneurs.
    pub mentoring: bool,
    /// Being dispatched as an expert.
    pub dispatch: bool,
    /// Training others as a trainer or instructor: a course, on-the-job
    /// training. Training needs are answered by trainers as by courses.
    #[serde(default)]
    pub training: bool,
}

/// What a person has agreed to. Without `processing`, a record holds only
/// what a program must keep by law; `contact` lets the network reach them;
/// `public_listing` lets the public see their profile.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Consent {
    pub processing: bool,
    pub contact: bool,
    pub public_listing: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
}

/// A person in the registry: an alumnus, an ex-trainee, a returned technical
/// intern, an expert, a mentor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub names: Names,
    pub gender: Option<Gender>,
    /// Country of residence.
    pub residence: Option<CountryCode>,
    pub nationality: Option<CountryCode>,
    pub languages: Vec<LanguageSkill>,
    pub skills: Vec<Skill>,
    pub sectors: Vec<SectorCode>,
    pub availability: Availability,
    /// The first day they can take up work, where that is not now.
    #[serde(default, with = "crate::matching::iso_day")]
    pub available_from: Option<time::Date>,
    /// The countries they have lived or worked in, beside their residence
    /// and their organizations' countries.
    #[serde(default)]
    pub experience_countries: Vec<CountryCode>,
    pub contact: Contact,
    pub bio: Option<Text>,
    pub consent: Consent,
    pub visibility: Visibility,
}

impl Person {
    pub const MAX_BIO_CHARS: usize = 4000;
    pub const MAX_LANGUAGES: usize = 20;
    pub const MAX_SKILLS: usize = 50;
    pub const MAX_SECTORS: usize = 20;
    pub const MAX_EXPERIENCE_COUNTRIES: usize = 10;
}

/// An organization: a training body, an alumni society, a federation of
/// them, a company, a university, a ministry, an agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization<R> {
    pub names: Names,
    /// The short name people use: AOTS, TPA, TNI, JICA.
    pub acronym: Option<Text>,
    pub org_type: OrganisationType,
    /// Where it is based; none for an international body.
    pub country: Option<CountryCode>,
    pub sectors: Vec<SectorCode>,
    /// The organization it belongs to: an alumni society's federation, a
    /// company's parent.
    pub parent: Option<R>,
    pub website: Option<WebAddress>,
    pub visibility: Visibility,
}

impl<R> Organization<R> {
    pub const MAX_ACRONYM_CHARS: usize = 30;

    pub fn map_ref<S>(self, f: impl FnOnce(R) -> S) -> Organization<S> {
        Organization {
            names: self.names,
            acronym: self.acronym,
            org_type: self.org_type,
            country: self.country,
            sectors: self.sectors,
            parent: self.parent.map(f),
            website: self.website,
            visibility: self.visibility,
        }
    }
}

/// Checks a person's languages: each language once, within the limit.
pub fn check_languages(languages: &[LanguageSkill]) -> Result<(), ValueError> {
    if languages.len() > Person::MAX_LANGUAGES {
        return Err(ValueError::Rule(format!(
            "at most {} languages",
            Person::MAX_LANGUAGES
        )));
    }
    for (i, skill) in languages.iter().enumerate() {
        if languages[..i]
            .iter()
            .any(|s| s.language() == skill.language())
        {
            return Err(ValueError::Rule(format!(
                "{} is listed twice",
                skill.language().name()
            )));
        }
    }
    Ok(())
}

/// Sorts and de-duplicates a list of codes or tags, refusing one too long.
pub fn normalize_set<T: Ord>(
    mut items: Vec<T>,
    max: usize,
    what: &str,
) -> Result<Vec<T>, ValueError> {
    items.sort();
    items.dedup();
    if items.len() > max {
        return Err(ValueError::Rule(format!("at most {max} {what}")));
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_parse_in_any_case() {
        assert_eq!(
            "Network".parse::<Visibility>().unwrap(),
            Visibility::Network
        );
        assert_eq!(
            "ORGANIZATION".parse::<EntityKind>().unwrap(),
            EntityKind::Organization
        );
        let err = "secret".parse::<Visibility>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"secret\" is not private, network or public"
        );
    }

    #[test]
    fn a_language_may_be_listed_once() {
        let langs = vec![
            LanguageSkill::parse("ja:N2").unwrap(),
            LanguageSkill::parse("ja:N1").unwrap(),
        ];
        assert!(check_languages(&langs).is_err());
    }

    #[test]
    fn sets_are_sorted_and_deduplicated() {
        let skills = ["welding", "cad", "welding"]
            .map(|s| Skill::parse(s).unwrap())
            .to_vec();
        let skills = normalize_set(skills, 10, "skills").unwrap();
        assert_eq!(
            skills.iter().map(Skill::as_str).collect::<Vec<_>>(),
            ["cad", "welding"]
        );
        assert!(normalize_set(vec![1, 2, 3], 2, "things").is_err());
    }
}
