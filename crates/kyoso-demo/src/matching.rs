//! The demonstration's needs and offers: what partner-country bodies ask of
//! the network (an expert in lean automation who speaks Thai, mentors for
//! returned interns, wastewater treatment for an industrial estate, ...),
//! and what Japanese SMEs put forward (technologies with their readiness
//! levels and SDGs, and companies seeking partners). Fixed lists: the same
//! at every size and seed, posted by organizations every demo has.

use kyoso_domain::{
    CountryCode, LanguageRequirement, LanguageSkill, Need, NeedKind, Offer, OfferKind, Readiness,
    RecordRef, SdgTarget, SectorCode, Seek, Skill, Text, Visibility,
};

struct NeedSpec {
    poster: &'static str,
    kind: NeedKind,
    title: &'static str,
    description: &'static str,
    skills: &'static [&'static str],
    required: &'static [&'static str],
    sectors: &'static [&'static str],
    country: &'static str,
    languages: &'static [&'static str],
    /// Days from the day the demo is made.
    deadline_in: i64,
    visibility: Visibility,
}

const NEEDS: &[NeedSpec] = &[
    NeedSpec {
        poster: "TPA",
        kind: NeedKind::Expertise,
        title: "Lean automation for an auto-parts supplier in Chonburi",
        description: "ผู้ผลิตชิ้นส่วนยานยนต์ขนาดกลางต้องการผู้เชี่ยวชาญด้านระบบอัตโนมัติแบบลีน เพื่อลดเวลาเปลี่ยนแม่พิมพ์และของเสียในสายการผลิต 3 เดือน",
        skills: &[
            "lean manufacturing",
            "industrial automation",
            "plc programming",
            "kaizen",
        ],
        required: &[],
        sectors: &["32120"],
        country: "TH",
        languages: &["th:B2", "ja:N3"],
        deadline_in: 120,
        visibility: Visibility::Network,
    },
    NeedSpec {
        poster: "TPA",
        kind: NeedKind::Expertise,
        title: "Kaizen trainer for a two-day workshop",
        description: "A two-day 5S and kaizen workshop for 30 supervisors of member companies.",
        skills: &["kaizen", "5s", "vocational training"],
        required: &[],
        sectors: &["32120"],
        country: "TH",
        languages: &["th:native!"],
        deadline_in: 5,
        visibility: Visibility::Public,
    },
    NeedSpec {
        poster: "ESUHAI",
        kind: NeedKind::Mentoring,
        title: "Mentors for returned technical interns starting a business",
        description: "Cựu thực tập sinh kỹ năng trở về từ Nhật Bản muốn khởi nghiệp cần người hướng dẫn về quản lý doanh nghiệp nhỏ.",
        skills: &["entrepreneurship", "sme consulting", "business management"],
        required: &[],
        sectors: &["32130"],
        country: "VN",
        languages: &["vi:native!"],
        deadline_in: 90,
        visibility: Visibility::Network,
    },
    NeedSpec {
        poster: "ESUHAI",
        kind: NeedKind::Expertise,
        title: "Japanese language teachers for nursing-care trainees",
        description: "介護分野の技能実習生向けに、介護の日本語を教えられる講師を探しています。",
        skills: &["japanese language teaching", "nursing care"],
        required: &["japanese language teaching"],
        sectors: &["11330", "12220"],
        country: "VN",
        languages: &["ja:N1!", "vi:B1"],
        deadline_in: 60,
        visibility: Visibility::Network,
    },
    NeedSpec {
        poster: "IEAT",
        kind: NeedKind::Technology,
        title: "Wastewater treatment for an industrial estate",
        description: "An estate of 120 factories needs a compact plant for its food and metal-finishing effluent.",
        skills: &["water treatment", "waste management"],
        required: &[],
        sectors: &["14020"],
        country: "TH",
        languages: &[],
        deadline_in: 180,
        visibility: Visibility::Public,
    },
    NeedSpec {
        poster: "IEAT",
        kind: NeedKind::Investment,
        title: "Investors in rooftop solar for factories",
        description: "Power purchase agreements for 40 factory roofs, 12 MW in all.",
        skills: &["solar power"],
        required: &[],
        sectors: &["23230"],
        country: "TH",
        languages: &[],
        deadline_in: 150,
        visibility: Visibility::Network,
    },
    NeedSpec {
        poster: "MOI-TH",
        kind: NeedKind::BusinessPartner,
        title: "A Japanese partner for a fruit-processing cluster",
        description: "กลุ่มวิสาหกิจแปรรูปผลไม้ต้องการพันธมิตรญี่ปุ่นด้านเครื่องจักรและการตลาด",
        skills: &["food processing", "agriculture"],
        required: &[],
        sectors: &["32161"],
        country: "TH",
        languages: &[],
        deadline_in: 200,
        visibility: Visibility::Network,
    },
    NeedSpec {
        poster: "TNI",
        kind: NeedKind::Training,
        title: "Courses in industrial automation for teaching staff",
        description: "Six lecturers of production engineering, for a course in Japan or in Thailand.",
        skills: &["industrial automation", "mold design"],
        required: &[],
        sectors: &["32120", "11330"],
        country: "TH",
        languages: &[],
        deadline_in: 240,
        visibility: Visibility::Network,
    },
];

struct OfferSpec {
    provider: &'static str,
    kind: OfferKind,
    title: &'static str,
    description: &'static str,
    keywords: &'static [&'static str],
    sectors: &'static [&'static str],
    sdgs: &'static [&'static str],
    readiness: Option<u8>,
    countries: &'static [&'static str],
    seeks: &'static [Seek],
    languages: &'static [&'static str],
    capacity: Option<&'static str>,
}

const OFFERS: &[OfferSpec] = &[
    OfferSpec {
        provider: "DEMO-SME-00001",
        kind: OfferKind::Technology,
        title: "Compact membrane bioreactor for factory wastewater",
        description: "工場排水を処理するコンテナ型の膜分離活性汚泥装置。設置面積は従来の3分の1。",
        keywords: &["water treatment", "waste management"],
        sectors: &["14020"],
        sdgs: &["6", "6.3", "9.4"],
        readiness: Some(8),
        countries: &["VN", "ID"],
        seeks: &[Seek::LicenceOut, Seek::Demonstration],
        languages: &["ja:native", "en:B2", "vi:B1"],
        capacity: None,
    },
    OfferSpec {
        provider: "DEMO-SME-00002",
        kind: OfferKind::Technology,
        title: "Retrofit IoT kit for legacy machine tools",
        description: "Sensors and a gateway that bring 30-year-old lathes and presses onto a dashboard in a day.",
        keywords: &["iot", "industrial automation", "plc programming"],
        sectors: &["32120", "22040"],
        sdgs: &["9", "9.4"],
        readiness: Some(9),
        countries: &["TH", "VN", "MY"],
        seeks: &[Seek::Buyer, Seek::Distributor],
        languages: &["ja:native", "en:B1"],
        capacity: None,
    },
    OfferSpec {
        provider: "DEMO-SME-00000",
        kind: OfferKind::Technology,
        title: "Low-cost cobot cell for small assembly lines",
        description: "A collaborative robot cell that a line leader can teach, built for SMEs in Sakai.",
        keywords: &["robotics", "industrial automation", "lean manufacturing"],
        sectors: &["32120"],
        sdgs: &["8.2", "9.2"],
        readiness: Some(7),
        countries: &["TH"],
        seeks: &[Seek::JointVenture, Seek::Demonstration],
        languages: &["ja:native", "en:C1"],
        capacity: None,
    },
    OfferSpec {
        provider: "DEMO-SME-00003",
        kind: OfferKind::Technology,
        title: "Rooftop solar with battery control for factories",
        description: "Panels, storage and a controller that shaves the factory's peak demand.",
        keywords: &["solar power"],
        sectors: &["23230"],
        sdgs: &["7", "7.2", "13"],
        readiness: Some(9),
        countries: &["PH", "VN"],
        seeks: &[Seek::Investment, Seek::Buyer],
        languages: &["ja:native", "en:B2", "th:B2"],
        capacity: None,
    },
    OfferSpec {
        provider: "DEMO-SME-00004",
        kind: OfferKind::Technology,
        title: "Food-grade drying line for tropical fruit",
        description: "Low-temperature drying that keeps colour and vitamins, for mango, pineapple and durian.",
        keywords: &["food processing", "agriculture"],
        sectors: &["32161", "31120"],
        sdgs: &["2", "12.3"],
        readiness: Some(8),
        countries: &["TH"],
        seeks: &[Seek::LicenceOut, Seek::Buyer],
        languages: &["ja:native", "en:B2"],
        capacity: None,
    },
    OfferSpec {
        provider: "DEMO-SME-00006",
        kind: OfferKind::Partnership,
        title: "Precision sheet-metal maker seeking a Thai distributor",
        description: "Brackets and housings for automotive and electronics makers.",
        keywords: &["automotive parts", "welding", "cnc machining"],
        sectors: &["32120"],
        sdgs: &[],
        readiness: None,
        countries: &["TH", "VN"],
        seeks: &[Seek::Distributor, Seek::JointVenture],
        languages: &["ja:native", "en:B1", "id:B1"],
        capacity: Some("20,000 parts a month"),
    },
    OfferSpec {
        provider: "DEMO-SME-00010",
        kind: OfferKind::Partnership,
        title: "Bicycle component maker seeking an ASEAN assembly partner",
        description: "堺の自転車部品メーカーが、ASEANでの組立パートナーを探しています。",
        keywords: &["automotive parts", "cnc machining", "quality control"],
        sectors: &["32120"],
        sdgs: &[],
        readiness: None,
        countries: &["VN", "ID"],
        seeks: &[Seek::Buyer, Seek::JointVenture],
        languages: &["ja:native", "en:C1"],
        capacity: Some("5,000 sets a month"),
    },
    OfferSpec {
        provider: "DEMO-SME-00007",
        kind: OfferKind::Partnership,
        title: "Packaging machinery maker seeking investors and agents",
        description: "Form-fill-seal machines for snacks and dried fruit.",
        keywords: &["food processing", "industrial automation"],
        sectors: &["32161", "32120"],
        sdgs: &[],
        readiness: None,
        countries: &["TH", "PH"],
        seeks: &[Seek::Investment, Seek::Distributor],
        languages: &["ja:native", "en:B2"],
        capacity: None,
    },
];

fn text(s: &str, max: usize) -> Text {
    Text::multiline(s, max).expect("demo texts are valid")
}

fn list<T>(items: &[&str], parse: impl Fn(&str) -> Result<T, kyoso_domain::ValueError>) -> Vec<T> {
    items
        .iter()
        .map(|s| parse(s).expect("demo values are valid"))
        .collect()
}

/// A set of values as the readers keep one: in order, each once.
fn set<T: Ord>(
    items: &[&str],
    parse: impl Fn(&str) -> Result<T, kyoso_domain::ValueError>,
) -> Vec<T> {
    let mut values = list(items, parse);
    values.sort();
    values.dedup();
    values
}

/// The demo's needs, their deadlines counted from `today`.
pub fn needs(today: time::Date) -> Vec<Need<Option<RecordRef>>> {
    NEEDS
        .iter()
        .map(|n| Need {
            kind: n.kind,
            posted_by: Some(RecordRef::parse(n.poster).expect("demo ids are valid")),
            title: text(n.title, Need::<()>::MAX_TITLE_CHARS),
            description: Some(text(n.description, Need::<()>::MAX_DESCRIPTION_CHARS)),
            skills: set(n.skills, Skill::parse),
            required_skills: set(n.required, Skill::parse),
            sectors: set(n.sectors, SectorCode::parse),
            country: Some(CountryCode::parse(n.country).expect("demo countries are valid")),
            require_country: false,
            languages: list(n.languages, LanguageRequirement::parse),
            require_available: false,
            min_readiness: None,
            deployed: None,
            seeks: Vec::new(),
            investment_usd: None,
            course_mode: None,
            located_in: Vec::new(),
            available_by: None,
            deadline: Some(today + time::Duration::days(n.deadline_in)),
            visibility: n.visibility,
        })
        .collect()
}

/// The demo's offers.
pub fn offers() -> Vec<Offer<Option<RecordRef>>> {
    OFFERS
        .iter()
        .map(|o| Offer {
            kind: o.kind,
            provider: Some(RecordRef::parse(o.provider).expect("demo ids are valid")),
            title: text(o.title, Offer::<()>::MAX_TITLE_CHARS),
            description: Some(text(o.description, Offer::<()>::MAX_DESCRIPTION_CHARS)),
            keywords: set(o.keywords, Skill::parse),
            sectors: set(o.sectors, SectorCode::parse),
            sdgs: set(o.sdgs, SdgTarget::parse),
            readiness: o
                .readiness
                .map(|r| Readiness::new(r).expect("demo levels are valid")),
            countries: set(o.countries, CountryCode::parse),
            seeks: {
                let mut seeks = o.seeks.to_vec();
                seeks.sort();
                seeks
            },
            invests_from_usd: None,
            invests_up_to_usd: None,
            languages: list(o.languages, LanguageSkill::parse),
            capacity: o.capacity.map(|c| text(c, Offer::<()>::MAX_CAPACITY_CHARS)),
            visibility: Visibility::Public,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_need_and_offer_keeps_the_rules() {
        let today = time::macros::date!(2026 - 12 - 03);
        for need in needs(today) {
            need.check()
                .unwrap_or_else(|e| panic!("{}: {e:?}", need.title));
        }
        for offer in offers() {
            offer
                .check()
                .unwrap_or_else(|e| panic!("{}: {e:?}", offer.title));
        }
    }
}
