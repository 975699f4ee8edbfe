//! A ranking's reasons in words, in the reader's language, from the
//! message files (`reasons.ftl`). The pages, the API (`lang`) and
//! `kyoso match --explain` all read them from here, so that they say the
//! same.

use kyoso_domain::{CourseMode, LanguageCode, NeedKind, Seek, Usd};
use kyoso_i18n::{Arg, Lang};

use super::{Detail, Holds, LanguageFit, Reason};

/// A language's name for a reader of `lang`.
fn language_name(code: LanguageCode, lang: Lang) -> String {
    let own = format!("reasons-language-name-{}", code.as_str());
    if lang.has(&own) {
        return lang.text(&own).to_owned();
    }
    lang.language(code.as_str())
        .map(str::to_owned)
        .unwrap_or_else(|| code.name().to_owned())
}

fn level(text: &str, lang: Lang) -> String {
    if text == "native" {
        lang.text("reasons-level-native").to_owned()
    } else {
        text.to_owned()
    }
}

/// What a company seeks, named for a reader of `lang`.
pub fn seek_name(seek: Seek, lang: Lang) -> &'static str {
    lang.text(&format!(
        "matching-seek-{}",
        seek.as_str().replace('_', "-")
    ))
}

/// An amount in US dollars, its thousands grouped as the reader's language
/// groups them.
pub fn usd_amount(amount: Usd, lang: Lang) -> String {
    let digits = amount.to_string();
    let separator = lang.text("reasons-thousands-separator");
    let mut grouped = String::new();
    for (at, digit) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at).is_multiple_of(3) {
            grouped.push_str(separator);
        }
        grouped.push(digit);
    }
    lang.format("reasons-usd", &[("amount", Arg::Text(&grouped))])
}

/// What a held hard constraint says, in `lang`.
pub fn explain_holds(holds: &Holds, lang: Lang) -> String {
    let spoken = |l: &super::LanguageLevel| {
        format!(
            "{} {}",
            language_name(l.language, lang),
            level(&l.level, lang)
        )
    };
    match holds {
        Holds::RequiredSkill { skill, by } => lang.format(
            "reasons-holds-required-skill",
            &[("skill", Arg::Text(skill)), ("by", Arg::Text(by))],
        ),
        Holds::Language { asked, held } => {
            let asked: Vec<String> = asked.iter().map(spoken).collect();
            lang.format(
                "reasons-holds-language",
                &[
                    (
                        "asked",
                        Arg::Text(&asked.join(lang.text("reasons-language-or"))),
                    ),
                    ("held", Arg::Text(&spoken(held))),
                ],
            )
        }
        Holds::LocatedIn { country } => lang.format(
            "reasons-holds-located-in",
            &[("country", Arg::Text(country.name(lang.code())))],
        ),
        Holds::Country { country } => lang.format(
            "reasons-holds-country",
            &[("country", Arg::Text(country.name(lang.code())))],
        ),
        Holds::Available { kind } => match kind {
            NeedKind::Mentoring => lang.text("reasons-availability-mentoring").to_owned(),
            NeedKind::Expertise => lang.text("reasons-availability-dispatch").to_owned(),
            NeedKind::Training => lang.text("reasons-availability-training").to_owned(),
            _ => lang.text("reasons-availability-open").to_owned(),
        },
        Holds::AvailableBy { by, from } => match from {
            Some(from) => lang.format(
                "reasons-holds-available-from",
                &[
                    ("from", Arg::Text(&from.to_string())),
                    ("by", Arg::Text(&by.to_string())),
                ],
            ),
            None => lang.format(
                "reasons-holds-available-now",
                &[("by", Arg::Text(&by.to_string()))],
            ),
        },
        Holds::Readiness { least, held } => lang.format(
            "reasons-holds-readiness",
            &[("least", (*least).into()), ("held", (*held).into())],
        ),
        Holds::Deployed { asked, countries } => {
            let places: Vec<&str> = countries.iter().map(|c| c.name(lang.code())).collect();
            let asked = if asked == "abroad" {
                lang.text("reasons-holds-abroad").to_owned()
            } else {
                kyoso_domain::CountryCode::parse(asked)
                    .map(|c| c.name(lang.code()).to_owned())
                    .unwrap_or_else(|_| asked.clone())
            };
            lang.format(
                "reasons-holds-deployed",
                &[
                    ("asked", Arg::Text(&asked)),
                    (
                        "countries",
                        Arg::Text(&places.join(lang.text("reasons-list-separator"))),
                    ),
                ],
            )
        }
        Holds::Deal { asked, held, from } => {
            let names = |seeks: &[Seek]| {
                seeks
                    .iter()
                    .map(|&s| seek_name(s, lang))
                    .collect::<Vec<_>>()
                    .join(lang.text("reasons-list-separator"))
            };
            let (asked, held) = (names(asked), names(held));
            match from {
                Some(country) => lang.format(
                    "reasons-holds-deal-from",
                    &[
                        ("asked", Arg::Text(&asked)),
                        ("held", Arg::Text(&held)),
                        ("country", Arg::Text(country.name(lang.code()))),
                    ],
                ),
                None => lang.format(
                    "reasons-holds-deal",
                    &[("asked", Arg::Text(&asked)), ("held", Arg::Text(&held))],
                ),
            }
        }
        Holds::InvestmentSize { asked, from, up_to } => {
            let any = lang.text("reasons-any-amount");
            let amount =
                |a: &Option<Usd>| a.map_or_else(|| any.to_owned(), |a| usd_amount(a, lang));
            lang.format(
                "reasons-holds-investment-size",
                &[
                    ("asked", Arg::Text(&usd_amount(*asked, lang))),
                    ("from", Arg::Text(&amount(from))),
                    ("up_to", Arg::Text(&amount(up_to))),
                ],
            )
        }
        Holds::InvestsInSectors { sectors } => {
            let names: Vec<String> = sectors
                .iter()
                .map(|s| {
                    lang.sector(s.code())
                        .map_or_else(|| s.name().to_owned(), str::to_owned)
                })
                .collect();
            lang.format(
                "reasons-holds-invests-in-sectors",
                &[(
                    "sectors",
                    Arg::Text(&names.join(lang.text("reasons-list-separator"))),
                )],
            )
        }
        Holds::InvestsInCountry { country } => lang.format(
            "reasons-holds-invests-in-country",
            &[("country", Arg::Text(country.name(lang.code())))],
        ),
        Holds::Eligible { country } => lang.format(
            "reasons-holds-eligible",
            &[("country", Arg::Text(country.name(lang.code())))],
        ),
        Holds::TaughtIn {
            language,
            level: at,
        } => lang.format(
            "reasons-holds-taught-in",
            &[
                ("language", Arg::Text(&language_name(*language, lang))),
                ("level", Arg::Text(&level(at, lang))),
            ],
        ),
        Holds::Mode { mode } => lang.format(
            "reasons-holds-mode",
            &[("mode", Arg::Text(course_mode_name(*mode, lang)))],
        ),
        Holds::SeatsLeft { seats } => {
            lang.format("reasons-holds-seats-left", &[("seats", (*seats).into())])
        }
        Holds::ApplyBy { day } => lang.format(
            "reasons-holds-apply-by",
            &[("day", Arg::Text(&day.to_string()))],
        ),
    }
}

/// How a course is taught, named for a reader of `lang`.
pub fn course_mode_name(mode: CourseMode, lang: Lang) -> &'static str {
    lang.text(&format!(
        "matching-course-mode-{}",
        mode.as_str().replace('_', "-")
    ))
}

/// What a reason says, in `lang`.
pub fn explain(reason: &Reason, lang: Lang) -> String {
    let text = |id: &str| lang.text(id).to_owned();
    match &reason.detail {
        Detail::Skills {
            held,
            asked,
            through,
            topics,
        } => {
            let separator = lang.text("reasons-list-separator");
            let named: Vec<String> = held
                .iter()
                .map(|skill| match through.iter().find(|t| &t.skill == skill) {
                    Some(t) => lang.format(
                        "reasons-skill-through",
                        &[("skill", Arg::Text(skill)), ("by", Arg::Text(&t.by))],
                    ),
                    None => skill.clone(),
                })
                .collect();
            let list = named.join(separator);
            let skills = match (held.len(), *asked) {
                (_, 0) => text("reasons-skills-none-asked"),
                (0, asked) => lang.format("reasons-skills-none-held", &[("asked", asked.into())]),
                (held, asked) => lang.format(
                    "reasons-skills-held",
                    &[
                        ("held", held.into()),
                        ("asked", asked.into()),
                        ("list", Arg::Text(&list)),
                    ],
                ),
            };
            if topics.is_empty() {
                return skills;
            }
            let vocabulary = crate::search::vocabulary();
            let labels: Vec<&str> = topics
                .iter()
                .filter_map(|key| vocabulary.by_key(key))
                .map(|id| vocabulary.concept(id).label(lang.code()))
                .collect();
            let topics = lang.format(
                "reasons-topics",
                &[("list", Arg::Text(&labels.join(separator)))],
            );
            format!(
                "{skills}{}{topics}",
                lang.text("reasons-languages-separator")
            )
        }
        Detail::Sectors { exact, related } => match (exact, related) {
            (true, _) => text("reasons-sectors-exact"),
            (false, true) => text("reasons-sectors-related"),
            (false, false) => text("reasons-sectors-none"),
        },
        Detail::Languages { languages } => {
            if languages.is_empty() {
                return text("reasons-languages-none-asked");
            }
            let one = |fit: &LanguageFit| {
                let name = language_name(fit.language, lang);
                let asked = level(&fit.asked, lang);
                match &fit.held {
                    Some(held) => lang.format(
                        "reasons-language-held",
                        &[
                            ("language", Arg::Text(&name)),
                            ("held", Arg::Text(&level(held, lang))),
                            ("asked", Arg::Text(&asked)),
                        ],
                    ),
                    None => lang.format(
                        "reasons-language-missing",
                        &[("language", Arg::Text(&name)), ("asked", Arg::Text(&asked))],
                    ),
                }
            };
            let parts: Vec<String> = languages
                .iter()
                .map(|fit| {
                    std::iter::once(fit)
                        .chain(&fit.or)
                        .map(one)
                        .collect::<Vec<_>>()
                        .join(lang.text("reasons-language-or"))
                })
                .collect();
            parts.join(lang.text("reasons-languages-separator"))
        }
        Detail::Country { country, known } => match country {
            None => text("reasons-country-none-named"),
            Some(country) => {
                let id = if *known {
                    "reasons-country-known"
                } else {
                    "reasons-country-unknown"
                };
                lang.format(id, &[("country", Arg::Text(country.name(lang.code())))])
            }
        },
        Detail::Availability { available, kind } => match (available, kind) {
            (true, NeedKind::Expertise) => text("reasons-availability-dispatch"),
            (true, NeedKind::Mentoring) => text("reasons-availability-mentoring"),
            (true, _) => text("reasons-availability-open"),
            (false, _) => text("reasons-availability-not-marked"),
        },
        Detail::TrackRecord {
            matches,
            successes,
            concluded,
        } => {
            if *matches == 0 {
                text("reasons-track-record-none")
            } else {
                lang.format(
                    "reasons-track-record",
                    &[
                        ("successes", (*successes).into()),
                        ("matches", (*matches).into()),
                        ("concluded", (*concluded).into()),
                    ],
                )
            }
        }
        Detail::Network { hops } => match hops {
            Some(0) | None => text("reasons-network-out-of-reach"),
            Some(1) => text("reasons-network-direct"),
            Some(steps) => lang.format("reasons-network-steps", &[("steps", (*steps).into())]),
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
                through: Vec::new(),
                topics: Vec::new(),
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
                    or: Vec::new(),
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
            let words: Vec<String> = Lang::ALL.iter().map(|&l| explain(&r, l)).collect();
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
            through: Vec::new(),
            topics: Vec::new(),
        });
        assert_eq!(
            explain(&skills, Lang::En),
            "Has 2 of the 3 skills asked for: kaizen, plc"
        );
        let translated = reason(Detail::Skills {
            held: vec!["lubrication".into()],
            asked: 1,
            through: vec![super::super::Through {
                skill: "lubrication".into(),
                by: "bôi trơn".into(),
            }],
            topics: vec!["forklift".into()],
        });
        let said = explain(&translated, Lang::Ja);
        assert!(said.contains("「bôi trơn」"), "{said}");
        assert!(said.contains("フォークリフト"), "{said}");
        let thai = reason(Detail::Country {
            country: Some(kyoso_domain::CountryCode::parse("TH").unwrap()),
            known: true,
        });
        assert!(explain(&thai, Lang::Ja).contains("タイ"));
        let holds = [
            Holds::RequiredSkill {
                skill: "haccp".into(),
                by: "ระบบ haccp".into(),
            },
            Holds::Language {
                asked: vec![
                    super::super::LanguageLevel {
                        language: LanguageCode::parse("th").unwrap(),
                        level: "B2".into(),
                    },
                    super::super::LanguageLevel {
                        language: LanguageCode::parse("en").unwrap(),
                        level: "C1".into(),
                    },
                ],
                held: super::super::LanguageLevel {
                    language: LanguageCode::parse("th").unwrap(),
                    level: "native".into(),
                },
            },
            Holds::Country {
                country: kyoso_domain::CountryCode::parse("VN").unwrap(),
            },
            Holds::Readiness { least: 7, held: 8 },
            Holds::Deployed {
                asked: "abroad".into(),
                countries: vec![kyoso_domain::CountryCode::parse("VN").unwrap()],
            },
            Holds::Deal {
                asked: vec![Seek::Supplier],
                held: vec![Seek::Buyer],
                from: None,
            },
            Holds::Deal {
                asked: vec![Seek::JointVenture],
                held: vec![Seek::JointVenture],
                from: Some(kyoso_domain::CountryCode::parse("JP").unwrap()),
            },
            Holds::InvestmentSize {
                asked: 2_500_000,
                from: Some(1_000_000),
                up_to: None,
            },
            Holds::InvestsInSectors {
                sectors: vec![kyoso_domain::SectorCode::parse("23270").unwrap()],
            },
            Holds::InvestsInCountry {
                country: kyoso_domain::CountryCode::parse("TH").unwrap(),
            },
            Holds::Eligible {
                country: kyoso_domain::CountryCode::parse("MM").unwrap(),
            },
            Holds::TaughtIn {
                language: LanguageCode::parse("ja").unwrap(),
                level: "N3".into(),
            },
            Holds::Mode {
                mode: CourseMode::Both,
            },
            Holds::SeatsLeft { seats: 3 },
            Holds::ApplyBy {
                day: time::macros::date!(2028 - 02 - 29),
            },
        ];
        for held in &holds {
            let words: Vec<String> = Lang::ALL.iter().map(|&l| explain_holds(held, l)).collect();
            let mut distinct = words.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!(distinct.len(), 4, "{words:?}");
        }
        assert!(explain_holds(&holds[3], Lang::En).contains("TRL 8"));
        assert_eq!(
            explain_holds(&holds[5], Lang::En),
            "The other side of the deal: seeks “Buyers or customers” where the need seeks “A supplier”"
        );
        assert!(explain_holds(&holds[6], Lang::Ja).contains("日本"));
        assert_eq!(
            explain_holds(&holds[7], Lang::En),
            "Invests US$1,000,000 to any amount (US$2,500,000 sought)"
        );
        assert!(explain_holds(&holds[7], Lang::Vi).contains("2.500.000"));
        assert_eq!(explain_holds(&holds[13], Lang::En), "3 seats left");
        assert!(explain_holds(&holds[12], Lang::Th).contains("ญี่ปุ่น"));
        // Every seek and course mode is named in every language.
        for lang in Lang::ALL {
            for &mode in CourseMode::ALL {
                assert!(!course_mode_name(mode, lang).starts_with("matching-"));
            }
        }
        for lang in Lang::ALL {
            for &seek in Seek::ALL {
                assert!(!seek_name(seek, lang).starts_with("matching-"), "{seek}");
            }
        }
    }
}
