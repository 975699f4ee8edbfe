//! The code lists kyoso validates against, shipped inside the binary.
//!
//! The IATI lists (Country, Sector = OECD DAC purpose codes, OrganisationType,
//! Language, Currency, SDG goals and targets) are the IATI Standard's own XML
//! files, unchanged; country names in Japanese, Thai and Vietnamese come from
//! Debian's iso-codes. Each list is parsed once, on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// One code of a list, with its English name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeItem {
    pub code: String,
    pub name: String,
    pub active: bool,
    /// The parent code, where the list has one (a sector's 3-digit category).
    pub category: Option<String>,
}

/// A parsed code list: its items in file order and an index by code.
#[derive(Debug)]
pub struct CodeList {
    pub name: &'static str,
    items: Vec<CodeItem>,
    by_code: HashMap<String, usize>,
}

impl CodeList {
    fn parse(name: &'static str, xml: &str) -> CodeList {
        // The lists are compiled in and checked by a unit test, so a parse
        // failure here is a build defect, not bad input.
        let parsed: CodelistXml = quick_xml::de::from_str(xml)
            .unwrap_or_else(|err| panic!("embedded code list {name} is malformed: {err}"));
        let items: Vec<CodeItem> = parsed
            .items
            .item
            .into_iter()
            .map(|item| CodeItem {
                name: item
                    .name
                    .and_then(|n| {
                        n.narrative
                            .into_iter()
                            .find(|n| n.lang.as_deref().is_none_or(|l| l == "en"))
                    })
                    .map(|n| n.text.trim().to_owned())
                    .unwrap_or_default(),
                active: item.status.as_deref() != Some("withdrawn"),
                category: item.category.map(|c| c.trim().to_owned()),
                code: item.code.trim().to_owned(),
            })
            .collect();
        let by_code = items
            .iter()
            .enumerate()
            .map(|(i, item)| (item.code.clone(), i))
            .collect();
        CodeList {
            name,
            items,
            by_code,
        }
    }

    pub fn get(&self, code: &str) -> Option<&CodeItem> {
        self.by_code.get(code).map(|&i| &self.items[i])
    }

    pub fn items(&self) -> &[CodeItem] {
        &self.items
    }

    pub fn active(&self) -> impl Iterator<Item = &CodeItem> {
        self.items.iter().filter(|item| item.active)
    }
}

#[derive(Deserialize)]
struct CodelistXml {
    #[serde(rename = "codelist-items")]
    items: ItemsXml,
}

#[derive(Deserialize)]
struct ItemsXml {
    #[serde(rename = "codelist-item", default)]
    item: Vec<ItemXml>,
}

#[derive(Deserialize)]
struct ItemXml {
    #[serde(rename = "@status", default)]
    status: Option<String>,
    code: String,
    name: Option<NameXml>,
    category: Option<String>,
}

#[derive(Deserialize)]
struct NameXml {
    #[serde(default)]
    narrative: Vec<NarrativeXml>,
}

#[derive(Deserialize)]
struct NarrativeXml {
    #[serde(rename = "@lang", alias = "@xml:lang", default)]
    lang: Option<String>,
    #[serde(rename = "$text", default)]
    text: String,
}

macro_rules! code_list {
    ($(#[$doc:meta])* $fn:ident, $name:literal, $file:literal) => {
        $(#[$doc])*
        pub fn $fn() -> &'static CodeList {
            static LIST: OnceLock<CodeList> = OnceLock::new();
            LIST.get_or_init(|| CodeList::parse($name, include_str!(concat!("../codelists/", $file))))
        }
    };
}

code_list!(
    /// ISO 3166-1 alpha-2 as IATI publishes it (plus XK, Kosovo).
    countries, "Country", "Country.xml"
);
code_list!(
    /// OECD DAC 5-digit purpose codes.
    sectors, "Sector", "Sector.xml"
);
code_list!(
    /// OECD DAC 3-digit sector categories.
    sector_categories, "SectorCategory", "SectorCategory.xml"
);
code_list!(
    /// IATI OrganisationType: government, NGO, private sector, academic, ...
    organisation_types, "OrganisationType", "OrganisationType.xml"
);
code_list!(
    /// ISO 639-1 language codes.
    languages, "Language", "Language.xml"
);
code_list!(
    /// ISO 4217 currency codes.
    currencies, "Currency", "Currency.xml"
);
code_list!(
    /// The 17 UN Sustainable Development Goals.
    sdg_goals, "UNSDG-Goals", "UNSDG-Goals.xml"
);
code_list!(
    /// The 169 SDG targets, coded "1.1" to "17.19".
    sdg_targets, "UNSDG-Targets", "UNSDG-Targets.xml"
);

/// Country names in the four interface languages, by alpha-2 code.
#[derive(Debug, Clone, Deserialize)]
pub struct CountryNames {
    pub en: String,
    pub ja: String,
    pub th: String,
    pub vi: String,
}

pub fn country_names(alpha_2: &str) -> Option<&'static CountryNames> {
    #[derive(Deserialize)]
    struct File {
        countries: Vec<Entry>,
    }
    #[derive(Deserialize)]
    struct Entry {
        alpha_2: String,
        names: CountryNames,
    }
    static NAMES: OnceLock<HashMap<String, CountryNames>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            let file: File =
                serde_json::from_str(include_str!("../codelists/iso_3166-1_en_ja_th_vi.json"))
                    .unwrap_or_else(|err| panic!("embedded country names are malformed: {err}"));
            file.countries
                .into_iter()
                .map(|e| (e.alpha_2, e.names))
                .collect()
        })
        .get(alpha_2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_list_parses_with_the_expected_size() {
        assert_eq!(countries().items().len(), 251);
        assert_eq!(sectors().items().len(), 325);
        assert_eq!(sectors().active().count(), 295);
        assert_eq!(sector_categories().items().len(), 44);
        assert_eq!(organisation_types().items().len(), 16);
        assert_eq!(sdg_goals().items().len(), 17);
        assert_eq!(sdg_targets().items().len(), 169);
        assert!(languages().items().len() > 150);
        assert!(currencies().get("JPY").is_some());
    }

    #[test]
    fn names_are_english_and_unescaped() {
        assert_eq!(countries().get("TH").unwrap().name, "Thailand");
        assert_eq!(
            sectors().get("32120").unwrap().name,
            "Industrial development"
        );
        assert_eq!(
            sectors().get("32120").unwrap().category.as_deref(),
            Some("321")
        );
        assert_eq!(
            organisation_types().get("80").unwrap().name,
            "Academic, Training and Research"
        );
        assert!(!sectors().get("11321").unwrap().active);
    }

    #[test]
    fn every_iati_country_but_the_iati_additions_has_local_names() {
        for item in countries().active() {
            if item.code == "XK" {
                continue;
            }
            let names =
                country_names(&item.code).unwrap_or_else(|| panic!("no names for {}", item.code));
            assert!(!names.ja.is_empty());
        }
        assert_eq!(country_names("JP").unwrap().ja, "日本");
        assert_eq!(country_names("TH").unwrap().th, "ไทย");
    }
}
