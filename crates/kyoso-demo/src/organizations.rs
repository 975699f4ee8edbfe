//! The organizations of the demonstration network: the real ones the
//! sources name, and generated companies, universities, alumni societies,
//! supervising and sending organizations, and returnees' start-ups.

use crate::countries::{COUNTRIES, Country};

/// What an organization is, for choosing the ties people have to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Role {
    /// A named organization of the sources.
    Real,
    /// A university in Japan.
    JapaneseUniversity,
    /// A Japanese SME; some are in Sakai and host TNI interns.
    JapaneseSme {
        sakai: bool,
    },
    /// A company in a partner country; some are Japanese-affiliated.
    LocalCompany {
        japanese_affiliated: bool,
    },
    LocalUniversity,
    AlumniSociety,
    Federation,
    /// A TITP supervising organization in Japan.
    Supervising,
    /// An organization that trains and sends technical interns.
    Sending,
    /// An enterprise founded by a returnee.
    StartUp,
}

#[derive(Debug, Clone)]
pub(crate) struct Org {
    pub(crate) external_id: String,
    pub(crate) role: Role,
    pub(crate) country: Option<&'static str>,
    pub(crate) native: Option<String>,
    pub(crate) latin: String,
    pub(crate) japanese: Option<String>,
    pub(crate) acronym: Option<&'static str>,
    pub(crate) org_type: &'static str,
    pub(crate) sectors: &'static [&'static str],
    pub(crate) parent: Option<String>,
    pub(crate) website: Option<&'static str>,
}

struct Real {
    id: &'static str,
    latin: &'static str,
    native: &'static str,
    japanese: &'static str,
    acronym: &'static str,
    org_type: &'static str,
    country: &'static str,
    sectors: &'static [&'static str],
    website: &'static str,
}

const REAL: &[Real] = &[
    Real {
        id: "AOTS",
        latin: "The Association for Overseas Technical Cooperation and Sustainable Partnerships",
        native: "",
        japanese: "一般財団法人海外産業人材育成協会",
        acronym: "AOTS",
        org_type: "60",
        country: "JP",
        sectors: &["32120", "11330"],
        website: "https://www.aots.jp/",
    },
    Real {
        id: "JICA",
        latin: "Japan International Cooperation Agency",
        native: "",
        japanese: "独立行政法人国際協力機構",
        acronym: "JICA",
        org_type: "10",
        country: "JP",
        sectors: &["15110", "11330"],
        website: "https://www.jica.go.jp/",
    },
    Real {
        id: "METI",
        latin: "Ministry of Economy, Trade and Industry",
        native: "",
        japanese: "経済産業省",
        acronym: "METI",
        org_type: "10",
        country: "JP",
        sectors: &["32110"],
        website: "https://www.meti.go.jp/",
    },
    Real {
        id: "MOFA-JP",
        latin: "Ministry of Foreign Affairs of Japan",
        native: "",
        japanese: "外務省",
        acronym: "MOFA",
        org_type: "10",
        country: "JP",
        sectors: &["15110"],
        website: "https://www.mofa.go.jp/",
    },
    Real {
        id: "JETRO",
        latin: "Japan External Trade Organization",
        native: "",
        japanese: "日本貿易振興機構",
        acronym: "JETRO",
        org_type: "15",
        country: "JP",
        sectors: &["33110"],
        website: "https://www.jetro.go.jp/",
    },
    Real {
        id: "UNIDO-ITPO-TOKYO",
        latin: "UNIDO Investment and Technology Promotion Office Tokyo",
        native: "",
        japanese: "国連工業開発機関 東京投資・技術移転促進事務所",
        acronym: "UNIDO ITPO Tokyo",
        org_type: "40",
        country: "JP",
        sectors: &["32120", "25010"],
        website: "https://www.unido.org/",
    },
    Real {
        id: "TPA",
        latin: "Technology Promotion Association (Thailand-Japan)",
        native: "สมาคมส่งเสริมเทคโนโลยี (ไทย-ญี่ปุ่น)",
        japanese: "泰日経済技術振興協会",
        acronym: "TPA",
        org_type: "22",
        country: "TH",
        sectors: &["32120", "11330"],
        website: "https://www.tpa.or.th/",
    },
    Real {
        id: "TNI",
        latin: "Thai-Nichi Institute of Technology",
        native: "สถาบันเทคโนโลยีไทย-ญี่ปุ่น",
        japanese: "泰日工業大学",
        acronym: "TNI",
        org_type: "80",
        country: "TH",
        sectors: &["11420"],
        website: "https://www.tni.ac.th/",
    },
    Real {
        id: "JTECS",
        latin: "Japan-Thailand Economic Cooperation Society",
        native: "",
        japanese: "日・タイ経済協力協会",
        acronym: "JTECS",
        org_type: "22",
        country: "JP",
        sectors: &["32120"],
        website: "",
    },
    Real {
        id: "ABA",
        latin: "Asian Students Cultural Association",
        native: "",
        japanese: "アジア学生文化協会",
        acronym: "ABA",
        org_type: "22",
        country: "JP",
        sectors: &["11420"],
        website: "",
    },
    Real {
        id: "ESUHAI",
        latin: "ESUHAI Co., Ltd.",
        native: "Công ty TNHH ESUHAI",
        japanese: "エスハイ",
        acronym: "ESUHAI",
        org_type: "72",
        country: "VN",
        sectors: &["11330", "16020"],
        website: "",
    },
    Real {
        id: "DEVNET",
        latin: "Devnet International",
        native: "",
        japanese: "デブネット・インターナショナル",
        acronym: "Devnet",
        org_type: "21",
        country: "JP",
        sectors: &["16020", "25010"],
        website: "",
    },
    Real {
        id: "ICIC",
        latin: "International Cross-Industrial Cooperatives",
        native: "",
        japanese: "",
        acronym: "",
        org_type: "90",
        country: "JP",
        sectors: &["16020"],
        website: "",
    },
    Real {
        id: "MOI-TH",
        latin: "Ministry of Industry, Thailand",
        native: "กระทรวงอุตสาหกรรม",
        japanese: "タイ工業省",
        acronym: "MOI",
        org_type: "10",
        country: "TH",
        sectors: &["32110"],
        website: "",
    },
    Real {
        id: "IEAT",
        latin: "Industrial Estate Authority of Thailand",
        native: "การนิคมอุตสาหกรรมแห่งประเทศไทย",
        japanese: "タイ工業団地公社",
        acronym: "IEAT",
        org_type: "15",
        country: "TH",
        sectors: &["32120"],
        website: "",
    },
    Real {
        id: "OPU",
        latin: "Osaka Prefecture University",
        native: "",
        japanese: "大阪府立大学",
        acronym: "OPU",
        org_type: "80",
        country: "JP",
        sectors: &["11420"],
        website: "",
    },
    Real {
        id: "SAKAI-CITY",
        latin: "City of Sakai",
        native: "",
        japanese: "堺市",
        acronym: "",
        org_type: "11",
        country: "JP",
        sectors: &["43030"],
        website: "",
    },
    Real {
        id: "SAKAI-CCI",
        latin: "Sakai Chamber of Commerce and Industry",
        native: "",
        japanese: "堺商工会議所",
        acronym: "Sakai CCI",
        org_type: "90",
        country: "JP",
        sectors: &["32130"],
        website: "",
    },
    Real {
        id: "TOKYO-TECH",
        latin: "Tokyo Institute of Technology",
        native: "",
        japanese: "東京工業大学",
        acronym: "Tokyo Tech",
        org_type: "80",
        country: "JP",
        sectors: &["11420"],
        website: "",
    },
    Real {
        id: "WNF",
        latin: "World Network of Friendship",
        native: "",
        japanese: "",
        acronym: "WNF",
        org_type: "60",
        country: "JP",
        sectors: &["11330"],
        website: "",
    },
];

/// Japanese universities where the network's alumni studied.
const JAPANESE_UNIVERSITIES: &[(&str, &str, &str)] = &[
    ("UNIV-KYOTO", "Kyoto University", "京都大学"),
    ("UNIV-TOHOKU", "Tohoku University", "東北大学"),
    ("UNIV-NAGOYA", "Nagoya University", "名古屋大学"),
    (
        "UNIV-KYUTECH",
        "Kyushu Institute of Technology",
        "九州工業大学",
    ),
    (
        "UNIV-TOYOHASHI",
        "Toyohashi University of Technology",
        "豊橋技術科学大学",
    ),
];

/// Regional federations of alumni societies, and the countries in each.
pub(crate) const FEDERATIONS: &[(&str, &str, &[&str])] = &[
    (
        "AOTS-FED-SEA",
        "Federation of AOTS Alumni Societies in Southeast Asia",
        &["VN", "ID", "PH", "MY", "MM", "KH", "LA", "TH"],
    ),
    (
        "AOTS-FED-SA",
        "Federation of AOTS Alumni Societies in South Asia",
        &["BD", "IN", "LK", "NP", "PK"],
    ),
    (
        "AOTS-FED-EA",
        "Federation of AOTS Alumni Societies in East and Central Asia",
        &["MN", "CN", "UZ", "TR"],
    ),
    (
        "AOTS-FED-AF",
        "Federation of AOTS Alumni Societies in Africa",
        &["EG", "KE", "NG", "ET", "TZ", "GH"],
    ),
    (
        "AOTS-FED-LA",
        "Federation of AOTS Alumni Societies in Latin America",
        &["BR", "MX", "PE"],
    ),
];

const SME_WORDS: &[(&str, &str, &[&str])] = &[
    ("精機", "Seiki", &["32120"]),
    ("工業", "Kogyo", &["32120"]),
    ("製作所", "Seisakusho", &["32120"]),
    ("電機", "Denki", &["32172"]),
    ("化成", "Kasei", &["32120"]),
    ("金型", "Kanagata", &["32120"]),
    ("食品", "Shokuhin", &["32161"]),
    ("環境技研", "Kankyo Giken", &["41020", "14050"]),
];

const PRODUCTS: &[(&str, &[&str])] = &[
    ("Precision Parts", &["32120"]),
    ("Auto Parts", &["32120"]),
    ("Electronics", &["32172"]),
    ("Plastics", &["32120"]),
    ("Food Processing", &["32161"]),
    ("Textile", &["32163"]),
    ("Machinery", &["32120"]),
    ("Logistics", &["21010"]),
];

const JP_FAMILIES: &[(&str, &str)] = &[
    ("山田", "Yamada"),
    ("松本", "Matsumoto"),
    ("井上", "Inoue"),
    ("木村", "Kimura"),
    ("林", "Hayashi"),
    ("清水", "Shimizu"),
    ("森", "Mori"),
    ("池田", "Ikeda"),
    ("橋本", "Hashimoto"),
    ("石川", "Ishikawa"),
    ("前田", "Maeda"),
    ("藤田", "Fujita"),
    ("岡田", "Okada"),
    ("後藤", "Goto"),
    ("長谷川", "Hasegawa"),
];

const START_UPS: &[&str] = &[
    "Kaizen Consulting",
    "Smart Farm",
    "Japanese Language School",
    "Precision Machining",
    "Care Services",
    "Food Export",
    "Solar Installations",
    "Automation Solutions",
    "Quality Training Centre",
];

const START_UP_SECTORS: &[&[&str]] = &[
    &["32130"],
    &["31120"],
    &["11330"],
    &["32120"],
    &["12220"],
    &["32161"],
    &["23230"],
    &["32120"],
    &["11330"],
];

pub(crate) fn organizations(people: u64) -> Vec<Org> {
    let mut orgs = Vec::new();
    for r in REAL {
        orgs.push(Org {
            external_id: r.id.into(),
            role: Role::Real,
            country: Some(r.country),
            native: (!r.native.is_empty()).then(|| r.native.into()),
            latin: r.latin.into(),
            japanese: (!r.japanese.is_empty()).then(|| r.japanese.into()),
            acronym: (!r.acronym.is_empty()).then_some(r.acronym),
            org_type: r.org_type,
            sectors: r.sectors,
            parent: None,
            website: (!r.website.is_empty()).then_some(r.website),
        });
    }
    for (id, latin, japanese) in JAPANESE_UNIVERSITIES {
        orgs.push(plain(
            id,
            Role::JapaneseUniversity,
            Some("JP"),
            latin,
            Some(japanese),
            "80",
            &["11420"],
        ));
    }
    for (id, name, _) in FEDERATIONS {
        let mut fed = plain(id, Role::Federation, None, name, None, "23", &["11330"]);
        fed.parent = Some("AOTS".into());
        orgs.push(fed);
    }
    for country in COUNTRIES
        .iter()
        .filter(|c| c.code != "JP" && c.code != "TH")
    {
        let federation = FEDERATIONS
            .iter()
            .find(|(_, _, members)| members.contains(&country.code))
            .map(|(id, _, _)| (*id).to_owned());
        let name = kyoso_domain::CountryCode::parse(country.code)
            .map(|c| c.name("en"))
            .unwrap_or(country.code);
        let mut society = plain(
            &format!("AOTS-AS-{}", country.code),
            Role::AlumniSociety,
            Some(country.code),
            &format!("AOTS Alumni Society of {name}"),
            None,
            "22",
            &["11330", "32120"],
        );
        society.parent = federation;
        orgs.push(society);
        for (n, kind) in ["University of Technology", "Technical College"]
            .iter()
            .enumerate()
        {
            orgs.push(local(
                country,
                &format!("DEMO-UNI-{}-{n}", country.code),
                Role::LocalUniversity,
                kind,
                "80",
                &["11420"],
            ));
        }
        if country.sends_interns {
            for n in 0..2 {
                let latin = format!(
                    "{} Human Resources {}",
                    country.city.1,
                    ["JSC", "Training Centre"][n]
                );
                orgs.push(plain(
                    &format!("DEMO-SEND-{}-{n}", country.code),
                    Role::Sending,
                    Some(country.code),
                    &latin,
                    None,
                    "72",
                    &["11330", "16020"],
                ));
            }
        }
    }
    // Thailand's universities besides TNI.
    let thailand = &COUNTRIES[0];
    for (n, kind) in ["University of Technology", "Technical College"]
        .iter()
        .enumerate()
    {
        orgs.push(local(
            thailand,
            &format!("DEMO-UNI-TH-{n}"),
            Role::LocalUniversity,
            kind,
            "80",
            &["11420"],
        ));
    }

    let scale = |per: u64, min: u64| (people / per).max(min);
    for n in 0..scale(200, 40) {
        let (family_native, family_latin) = JP_FAMILIES[(n as usize) % JP_FAMILIES.len()];
        let (word_native, word_latin, sectors) =
            SME_WORDS[(n as usize / JP_FAMILIES.len()) % SME_WORDS.len()];
        let sakai = n % 10 == 0;
        let (place_native, place_latin) = if sakai { ("堺", "Sakai ") } else { ("", "") };
        let suffix = if n as usize >= JP_FAMILIES.len() * SME_WORDS.len() {
            format!(" {}", n / 120 + 1)
        } else {
            String::new()
        };
        orgs.push(plain(
            &format!("DEMO-SME-{n:05}"),
            Role::JapaneseSme { sakai },
            Some("JP"),
            &format!("{place_latin}{family_latin} {word_latin}{suffix} Co., Ltd."),
            Some(&format!(
                "株式会社{place_native}{family_native}{word_native}{suffix}"
            )),
            "71",
            sectors,
        ));
    }
    let partners: Vec<&Country> = COUNTRIES.iter().filter(|c| c.code != "JP").collect();
    let weights: Vec<u32> = partners.iter().map(|c| c.weight).collect();
    for n in 0..scale(150, 40) {
        let country = partners[pick_weighted(&weights, n)];
        let (product, sectors) = PRODUCTS[(n as usize) % PRODUCTS.len()];
        let japanese_affiliated = n % 3 != 2;
        let latin = if japanese_affiliated {
            let (_, family) = JP_FAMILIES[(n as usize / 3) % JP_FAMILIES.len()];
            format!("{} {family} {product} Co., Ltd. {}", country.city.1, n + 1)
        } else {
            format!("{} {product} Co., Ltd. {}", country.city.1, n + 1)
        };
        orgs.push(plain(
            &format!("DEMO-CO-{n:05}"),
            Role::LocalCompany {
                japanese_affiliated,
            },
            Some(country.code),
            &latin,
            None,
            "72",
            sectors,
        ));
    }
    for n in 0..scale(5_000, 5) {
        let region = ["Kansai", "Chubu", "Kanto", "Kyushu", "Tohoku", "Chugoku"][(n as usize) % 6];
        orgs.push(plain(
            &format!("DEMO-SUP-{n:04}"),
            Role::Supervising,
            Some("JP"),
            &format!("{region} Industrial Cooperative Association {}", n + 1),
            Some(&format!(
                "{}産業協同組合 第{}",
                ["関西", "中部", "関東", "九州", "東北", "中国"][(n as usize) % 6],
                n + 1
            )),
            "90",
            &["16020"],
        ));
    }
    for n in 0..scale(400, 10) {
        let country = partners[pick_weighted(&weights, n.wrapping_mul(7919))];
        let i = (n as usize) % START_UPS.len();
        orgs.push(plain(
            &format!("DEMO-START-{n:05}"),
            Role::StartUp,
            Some(country.code),
            &format!("{} {} {}", country.city.1, START_UPS[i], n + 1),
            None,
            "72",
            START_UP_SECTORS[i],
        ));
    }
    orgs
}

/// A deterministic weighted choice for the n-th generated item.
fn pick_weighted(weights: &[u32], n: u64) -> usize {
    crate::rng::Rng::for_item(0x6f72_6773, 1, n).weighted(weights)
}

fn plain(
    id: &str,
    role: Role,
    country: Option<&'static str>,
    latin: &str,
    japanese: Option<&str>,
    org_type: &'static str,
    sectors: &'static [&'static str],
) -> Org {
    Org {
        external_id: id.into(),
        role,
        country,
        native: None,
        latin: latin.into(),
        japanese: japanese.map(Into::into),
        acronym: None,
        org_type,
        sectors,
        parent: None,
        website: None,
    }
}

fn local(
    country: &Country,
    id: &str,
    role: Role,
    kind: &str,
    org_type: &'static str,
    sectors: &'static [&'static str],
) -> Org {
    let mut org = plain(
        id,
        role,
        Some(country.code),
        &format!("{} {kind}", country.city.1),
        None,
        org_type,
        sectors,
    );
    let college = usize::from(kind.contains("College"));
    org.native = match country.code {
        "TH" => Some(format!(
            "{}{}",
            ["มหาวิทยาลัยเทคโนโลยี", "วิทยาลัยเทคนิค"][college],
            country.city.0
        )),
        "VN" => Some(format!(
            "{} {}",
            ["Đại học Công nghệ", "Cao đẳng Kỹ thuật"][college],
            country.city.0
        )),
        _ => None,
    };
    org
}
