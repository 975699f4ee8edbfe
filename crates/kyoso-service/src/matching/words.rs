//! A ranking's reasons in words, in the four languages of the interface.
//! The pages, the API (`lang`) and `kyoso match --explain` all read them
//! from here, so that they say the same.

use kyoso_domain::{LanguageCode, NeedKind};

use super::{Detail, Reason};

/// A language reasons are told in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    #[default]
    En,
    Ja,
    Th,
    Vi,
}

impl Language {
    /// The language of an interface code ("en", "ja", "th", "vi"); English
    /// for any other.
    pub fn from_code(code: &str) -> Language {
        match code {
            "ja" => Language::Ja,
            "th" => Language::Th,
            "vi" => Language::Vi,
            _ => Language::En,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ja => "ja",
            Language::Th => "th",
            Language::Vi => "vi",
        }
    }

    fn pick(self, [en, ja, th, vi]: [&'static str; 4]) -> &'static str {
        match self {
            Language::En => en,
            Language::Ja => ja,
            Language::Th => th,
            Language::Vi => vi,
        }
    }

    fn list_separator(self) -> &'static str {
        match self {
            Language::Ja => "、",
            _ => ", ",
        }
    }
}

/// A language's name for a reader of `lang`.
fn language_name(code: LanguageCode, lang: Language) -> String {
    let names: Option<[&str; 4]> = match code.as_str() {
        "ja" => Some(["Japanese", "日本語", "ภาษาญี่ปุ่น", "tiếng Nhật"]),
        "en" => Some(["English", "英語", "ภาษาอังกฤษ", "tiếng Anh"]),
        "th" => Some(["Thai", "タイ語", "ภาษาไทย", "tiếng Thái"]),
        "vi" => Some(["Vietnamese", "ベトナム語", "ภาษาเวียดนาม", "tiếng Việt"]),
        "id" => Some([
            "Indonesian",
            "インドネシア語",
            "ภาษาอินโดนีเซีย",
            "tiếng Indonesia",
        ]),
        "zh" => Some(["Chinese", "中国語", "ภาษาจีน", "tiếng Trung"]),
        "es" => Some(["Spanish", "スペイン語", "ภาษาสเปน", "tiếng Tây Ban Nha"]),
        "fr" => Some(["French", "フランス語", "ภาษาฝรั่งเศส", "tiếng Pháp"]),
        _ => None,
    };
    match names {
        Some(names) => lang.pick(names).to_owned(),
        None => code.name().to_owned(),
    }
}

fn level(text: &str, lang: Language) -> String {
    if text == "native" {
        lang.pick(["native", "母語", "เจ้าของภาษา", "bản ngữ"])
            .to_owned()
    } else {
        text.to_owned()
    }
}

/// What a reason says, in `lang`.
pub fn explain(reason: &Reason, lang: Language) -> String {
    use Language::*;
    match &reason.detail {
        Detail::Skills { held, asked } => {
            let list = held.join(lang.list_separator());
            match (held.len(), *asked) {
                (_, 0) => lang
                    .pick([
                        "No skills asked for",
                        "スキルの指定なし",
                        "ไม่ได้ระบุทักษะ",
                        "Không yêu cầu kỹ năng",
                    ])
                    .to_owned(),
                (0, n) => match lang {
                    En => format!("Has none of the {n} skills asked for"),
                    Ja => format!("求められた{n}つのスキルはどれも持っていない"),
                    Th => format!("ไม่มีทักษะที่ต้องการเลยจาก {n} อย่าง"),
                    Vi => format!("Không có kỹ năng nào trong {n} kỹ năng được yêu cầu"),
                },
                (k, n) => match lang {
                    En => format!("Has {k} of the {n} skills asked for: {list}"),
                    Ja => format!("求められた{n}つのスキルのうち{k}つを持つ：{list}"),
                    Th => format!("มีทักษะ {k} จาก {n} อย่างที่ต้องการ: {list}"),
                    Vi => format!("Có {k} trong {n} kỹ năng được yêu cầu: {list}"),
                },
            }
        }
        Detail::Sectors { exact, related } => match (exact, related) {
            (true, _) => lang.pick([
                "Works in a sector the need names",
                "ニーズが挙げる分野で活動している",
                "ทำงานในสาขาที่ความต้องการระบุ",
                "Hoạt động trong lĩnh vực mà nhu cầu nêu",
            ]),
            (false, true) => lang.pick([
                "Works in a related sector (the same category)",
                "関連する分野（同じ区分）で活動している",
                "ทำงานในสาขาที่เกี่ยวข้อง (หมวดเดียวกัน)",
                "Hoạt động trong lĩnh vực liên quan (cùng nhóm)",
            ]),
            (false, false) => lang.pick([
                "No sector in common",
                "共通の分野はない",
                "ไม่มีสาขาที่ตรงกัน",
                "Không có lĩnh vực chung",
            ]),
        }
        .to_owned(),
        Detail::Languages { languages } => {
            if languages.is_empty() {
                return lang
                    .pick([
                        "No language asked for",
                        "言語の指定なし",
                        "ไม่ได้ระบุภาษา",
                        "Không yêu cầu ngôn ngữ",
                    ])
                    .to_owned();
            }
            let parts: Vec<String> = languages
                .iter()
                .map(|fit| {
                    let name = language_name(fit.language, lang);
                    let asked = level(&fit.asked, lang);
                    match &fit.held {
                        Some(held) => {
                            let held = level(held, lang);
                            match lang {
                                En => format!("{name} {held} (asked: {asked})"),
                                Ja => format!("{name} {held}（求められた水準：{asked}）"),
                                Th => format!("{name} {held} (ที่ต้องการ: {asked})"),
                                Vi => format!("{name} {held} (yêu cầu: {asked})"),
                            }
                        }
                        None => match lang {
                            En => format!("no {name} recorded (asked: {asked})"),
                            Ja => format!("{name}の記録なし（求められた水準：{asked}）"),
                            Th => format!("ไม่มีข้อมูล{name} (ที่ต้องการ: {asked})"),
                            Vi => format!("không có {name} (yêu cầu: {asked})"),
                        },
                    }
                })
                .collect();
            parts.join(if lang == Ja { "、" } else { "; " })
        }
        Detail::Country { country, known } => match country {
            None => lang
                .pick([
                    "No country named",
                    "国の指定なし",
                    "ไม่ได้ระบุประเทศ",
                    "Không nêu quốc gia",
                ])
                .to_owned(),
            Some(country) => {
                let name = country.name(lang.code());
                match (known, lang) {
                    (true, En) => format!("Has lived or worked in {name}"),
                    (true, Ja) => format!("{name}で暮らした、または働いた経験がある"),
                    (true, Th) => format!("เคยอาศัยหรือทำงานใน{name}"),
                    (true, Vi) => format!("Đã sống hoặc làm việc tại {name}"),
                    (false, En) => format!("No time in {name} recorded"),
                    (false, Ja) => format!("{name}での経験の記録はない"),
                    (false, Th) => format!("ไม่มีบันทึกว่าเคยอยู่ใน{name}"),
                    (false, Vi) => format!("Chưa có ghi nhận thời gian ở {name}"),
                }
            }
        },
        Detail::Availability { available, kind } => match (available, kind) {
            (true, NeedKind::Expertise) => lang.pick([
                "Available for dispatch",
                "派遣に応じられる",
                "พร้อมรับการส่งไปปฏิบัติงาน",
                "Sẵn sàng được cử đi",
            ]),
            (true, NeedKind::Mentoring) => lang.pick([
                "Open to mentoring",
                "メンタリングに応じられる",
                "พร้อมเป็นพี่เลี้ยง",
                "Sẵn sàng hướng dẫn",
            ]),
            (true, _) => lang.pick([
                "Open: listed and taking requests",
                "受付中：掲載され、依頼を受け付けている",
                "เปิดรับ: มีในรายการและรับคำขอ",
                "Đang mở: được đăng và nhận yêu cầu",
            ]),
            (false, _) => lang.pick([
                "Not marked as available",
                "対応可能とされていない",
                "ไม่ได้ระบุว่าพร้อม",
                "Chưa đánh dấu là sẵn sàng",
            ]),
        }
        .to_owned(),
        Detail::TrackRecord {
            matches,
            successes,
            concluded,
        } => {
            if *matches == 0 {
                lang.pick([
                    "No past matches yet (counted as average)",
                    "過去のマッチングはまだない（平均として数える）",
                    "ยังไม่มีประวัติการจับคู่ (นับเป็นค่าเฉลี่ย)",
                    "Chưa có lần kết nối nào (tính ở mức trung bình)",
                ])
                .to_owned()
            } else {
                match lang {
                    En => format!(
                        "{successes} successful of {matches} past matches ({concluded} concluded)"
                    ),
                    Ja => format!(
                        "過去{matches}件のマッチングのうち{successes}件が成果（完了{concluded}件）"
                    ),
                    Th => format!(
                        "สำเร็จ {successes} จากการจับคู่ {matches} ครั้งที่ผ่านมา (สิ้นสุดแล้ว {concluded})"
                    ),
                    Vi => format!(
                        "{successes} thành công trong {matches} lần kết nối trước ({concluded} đã kết thúc)"
                    ),
                }
            }
        }
        Detail::Network { hops } => match hops {
            Some(0) | None => lang
                .pick([
                    "Not within three introductions of the poster",
                    "投稿者から三段階の紹介では届かない",
                    "ไม่อยู่ในระยะการแนะนำสามขั้นจากผู้โพสต์",
                    "Không nằm trong phạm vi ba bước giới thiệu từ người đăng",
                ])
                .to_owned(),
            Some(1) => lang
                .pick([
                    "Tied directly to the poster",
                    "投稿者と直接つながっている",
                    "มีความสัมพันธ์โดยตรงกับผู้โพสต์",
                    "Có quan hệ trực tiếp với người đăng",
                ])
                .to_owned(),
            Some(n) => match lang {
                En => format!("{n} steps from the poster: a warm introduction"),
                Ja => format!("投稿者から{n}ステップ：知人を通じて紹介してもらえる"),
                Th => format!("ห่างจากผู้โพสต์ {n} ขั้น: แนะนำผ่านคนรู้จักได้"),
                Vi => format!("Cách người đăng {n} bước: có thể được giới thiệu qua người quen"),
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::LanguageFit;

    fn reason(detail: Detail) -> Reason {
        Reason {
            factor: "x",
            weight: 0.1,
            value: 1.0,
            contribution: 0.1,
            detail,
        }
    }

    #[test]
    fn every_reason_reads_in_every_language() {
        let details = [
            Detail::Skills {
                held: vec!["kaizen".into(), "plc".into()],
                asked: 3,
            },
            Detail::Sectors {
                exact: false,
                related: true,
            },
            Detail::Languages {
                languages: vec![LanguageFit {
                    language: LanguageCode::parse("th").unwrap(),
                    asked: "native".into(),
                    held: Some("B2".into()),
                    must: false,
                }],
            },
            Detail::Country {
                country: Some(kyoso_domain::CountryCode::parse("TH").unwrap()),
                known: true,
            },
            Detail::Availability {
                available: true,
                kind: NeedKind::Expertise,
            },
            Detail::TrackRecord {
                matches: 4,
                successes: 3,
                concluded: 4,
            },
            Detail::Network { hops: Some(2) },
        ];
        for detail in details {
            let r = reason(detail);
            let words: Vec<String> = [Language::En, Language::Ja, Language::Th, Language::Vi]
                .iter()
                .map(|&l| explain(&r, l))
                .collect();
            for w in &words {
                assert!(!w.is_empty());
            }
            // Each language says it its own way.
            let mut distinct = words.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!(distinct.len(), 4, "{words:?}");
        }
        let skills = reason(Detail::Skills {
            held: vec!["kaizen".into(), "plc".into()],
            asked: 3,
        });
        assert_eq!(
            explain(&skills, Language::En),
            "Has 2 of the 3 skills asked for: kaizen, plc"
        );
        let thai = reason(Detail::Country {
            country: Some(kyoso_domain::CountryCode::parse("TH").unwrap()),
            known: true,
        });
        assert!(explain(&thai, Language::Ja).contains("タイ"));
    }
}
