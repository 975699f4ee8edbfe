//! Technical intern training (TITP): placements in three phases, and the
//! limits the law puts on them.
//!
//! Phase (i) lasts at most one year, (ii) and (iii) at most two each, so a
//! technical intern trains in Japan at most five years in all. A phase may
//! be served with more than one host when an intern is transferred; its
//! limit holds for the phase as a whole.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

use crate::entity::keyword_enum;
use crate::{Text, ValueError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TitpPhase {
    I,
    Ii,
    Iii,
}

keyword_enum!(TitpPhase, "a technical intern training phase (i, ii or iii)", {
    I => "i",
    Ii => "ii",
    Iii => "iii",
});

impl TitpPhase {
    /// The longest a phase may last, in months.
    pub fn max_months(self) -> u32 {
        match self {
            TitpPhase::I => 12,
            TitpPhase::Ii | TitpPhase::Iii => 24,
        }
    }
}

/// The longest technical intern training may last, in months, all phases
/// together.
pub const TITP_MAX_MONTHS: u32 = 60;

/// One stretch of technical intern training with one host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TitpPlacement<R> {
    pub phase: TitpPhase,
    /// The first day of training.
    pub start: Date,
    /// The last day of training.
    pub end: Date,
    /// The supervising organization (kanri dantai) that monitors the host.
    pub supervising: R,
    /// The implementing organization: the company that hosts the intern.
    pub implementing: R,
    /// The job category and work of the training plan.
    pub job_category: Text,
}

impl<R> TitpPlacement<R> {
    pub const MAX_JOB_CATEGORY_CHARS: usize = 200;
}

/// The day `months` calendar months after `date`, on the same day of the
/// month where it exists, else the month's last day.
pub fn add_months(date: Date, months: u32) -> Date {
    let total = date.year() * 12 + i32::from(date.month() as u8 - 1) + months as i32;
    let (year, month0) = (total.div_euclid(12), total.rem_euclid(12));
    let month = Month::try_from(month0 as u8 + 1).unwrap_or(Month::December);
    let last = time::util::days_in_month(month, year);
    Date::from_calendar_date(year, month, date.day().min(last)).unwrap_or(date)
}

/// Whether a stretch from `start` to `end` (both days included) fits in
/// `months` calendar months.
fn fits(start: Date, end: Date, months: u32) -> bool {
    end < add_months(start, months)
}

/// Days from `start` to `end`, both included.
fn days(start: Date, end: Date) -> i64 {
    (end - start).whole_days() + 1
}

/// Checks a technical intern's placements, in any order, against the law:
/// each ends after it starts, none overlaps another, phases come in order
/// (i, then ii, then iii, none skipped), each phase within its limit, and
/// five years at most in all.
pub fn check_titp_plan<R>(placements: &[TitpPlacement<R>]) -> Result<(), ValueError> {
    let mut sorted: Vec<&TitpPlacement<R>> = placements.iter().collect();
    sorted.sort_by_key(|p| p.start);
    let mut previous: Option<&TitpPlacement<R>> = None;
    for placement in &sorted {
        if placement.end < placement.start {
            return Err(ValueError::Rule(format!(
                "the phase {} placement ends ({}) before it starts ({})",
                placement.phase, placement.end, placement.start
            )));
        }
        match previous {
            None if placement.phase != TitpPhase::I => {
                return Err(ValueError::Rule(format!(
                    "technical intern training begins with phase i, not phase {}",
                    placement.phase
                )));
            }
            Some(before) => {
                if placement.start <= before.end {
                    return Err(ValueError::Rule(format!(
                        "the placement from {} overlaps the one ending {}",
                        placement.start, before.end
                    )));
                }
                let step = (placement.phase as u8).checked_sub(before.phase as u8);
                if !matches!(step, Some(0 | 1)) {
                    return Err(ValueError::Rule(format!(
                        "phase {} cannot follow phase {}",
                        placement.phase, before.phase
                    )));
                }
            }
            None => {}
        }
        previous = Some(placement);
    }
    for phase in [TitpPhase::I, TitpPhase::Ii, TitpPhase::Iii] {
        let stretches: Vec<&&TitpPlacement<R>> =
            sorted.iter().filter(|p| p.phase == phase).collect();
        let (Some(first), Some(last)) = (stretches.first(), stretches.last()) else {
            continue;
        };
        // A phase runs from its first day to its last, transfers included.
        if !fits(first.start, last.end, phase.max_months()) {
            return Err(ValueError::Rule(format!(
                "phase {phase} runs from {} to {}, longer than its limit of {} months",
                first.start,
                last.end,
                phase.max_months()
            )));
        }
    }
    let trained: i64 = sorted.iter().map(|p| days(p.start, p.end)).sum();
    if let (Some(first), Some(_)) = (sorted.first(), sorted.last()) {
        let limit = days(first.start, add_months(first.start, TITP_MAX_MONTHS)) - 1;
        if trained > limit {
            return Err(ValueError::Rule(format!(
                "{trained} days of training in all, more than the five years the law allows"
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn placement(phase: TitpPhase, start: Date, end: Date) -> TitpPlacement<&'static str> {
        TitpPlacement {
            phase,
            start,
            end,
            supervising: "Kansai Cooperative",
            implementing: "Sakai Precision",
            job_category: Text::line("machining", 200).unwrap(),
        }
    }

    #[test]
    fn months_are_calendar_months() {
        assert_eq!(add_months(date!(2024 - 01 - 31), 1), date!(2024 - 02 - 29));
        assert_eq!(add_months(date!(2024 - 04 - 01), 12), date!(2025 - 04 - 01));
        assert_eq!(add_months(date!(2024 - 11 - 15), 14), date!(2026 - 01 - 15));
    }

    #[test]
    fn the_full_five_years_are_allowed() {
        use TitpPhase::*;
        let plan = [
            placement(I, date!(2020 - 04 - 01), date!(2021 - 03 - 31)),
            placement(Ii, date!(2021 - 04 - 01), date!(2023 - 03 - 31)),
            // A month at home between phases ii and iii.
            placement(Iii, date!(2023 - 05 - 01), date!(2025 - 04 - 30)),
        ];
        assert_eq!(check_titp_plan(&plan), Ok(()));
    }

    #[test]
    fn a_phase_beyond_its_limit_is_refused() {
        use TitpPhase::*;
        let plan = [placement(I, date!(2020 - 04 - 01), date!(2021 - 04 - 01))];
        let error = check_titp_plan(&plan).unwrap_err().to_string();
        assert!(
            error.contains("longer than its limit of 12 months"),
            "{error}"
        );
    }

    #[test]
    fn a_transfer_within_a_phase_counts_toward_the_same_limit() {
        use TitpPhase::*;
        let plan = [
            placement(I, date!(2020 - 04 - 01), date!(2021 - 03 - 31)),
            placement(Ii, date!(2021 - 04 - 01), date!(2022 - 06 - 30)),
            placement(Ii, date!(2022 - 07 - 01), date!(2023 - 04 - 30)),
        ];
        let error = check_titp_plan(&plan).unwrap_err().to_string();
        assert!(
            error.contains("phase ii runs from 2021-04-01 to 2023-04-30"),
            "{error}"
        );
    }

    #[test]
    fn phases_come_in_order_without_gaps_in_the_sequence() {
        use TitpPhase::*;
        let skipped = [
            placement(I, date!(2020 - 04 - 01), date!(2021 - 03 - 31)),
            placement(Iii, date!(2021 - 05 - 01), date!(2023 - 03 - 31)),
        ];
        assert!(check_titp_plan(&skipped).is_err());
        let late_start = [placement(Ii, date!(2020 - 04 - 01), date!(2021 - 03 - 31))];
        assert!(check_titp_plan(&late_start).is_err());
        let overlapping = [
            placement(I, date!(2020 - 04 - 01), date!(2021 - 03 - 31)),
            placement(Ii, date!(2021 - 03 - 01), date!(2022 - 03 - 31)),
        ];
        assert!(check_titp_plan(&overlapping).is_err());
    }

    fn any_plan() -> impl Strategy<Value = Vec<TitpPlacement<&'static str>>> {
        proptest::collection::vec((0u8..3, 0i64..90, 1i64..900), 1..6).prop_map(|stretches| {
            let mut start = date!(2015 - 01 - 01);
            stretches
                .into_iter()
                .map(|(phase, gap, length)| {
                    let phase = [TitpPhase::I, TitpPhase::Ii, TitpPhase::Iii][phase as usize];
                    let begin = start + time::Duration::days(gap);
                    let end = begin + time::Duration::days(length);
                    start = end + time::Duration::days(1);
                    placement(phase, begin, end)
                })
                .collect()
        })
    }

    proptest! {
        /// Every plan the check accepts keeps each phase within its limit
        /// and the whole within five years; and the order of the list
        /// does not change the verdict.
        #[test]
        fn accepted_plans_keep_the_five_year_rule(plan in any_plan(), rotate in 0usize..6) {
            let verdict = check_titp_plan(&plan);
            let mut shuffled = plan.clone();
            let by = rotate % shuffled.len();
            shuffled.rotate_left(by);
            prop_assert_eq!(&check_titp_plan(&shuffled), &verdict);
            if verdict.is_ok() {
                let first = plan[0].start;
                let trained: i64 = plan.iter().map(|p| days(p.start, p.end)).sum();
                prop_assert!(trained < days(first, add_months(first, TITP_MAX_MONTHS)));
                for phase in [TitpPhase::I, TitpPhase::Ii, TitpPhase::Iii] {
                    let of_phase: Vec<_> = plan.iter().filter(|p| p.phase == phase).collect();
                    if let (Some(a), Some(b)) = (of_phase.first(), of_phase.last()) {
                        prop_assert!(b.end < add_months(a.start, phase.max_months()));
                    }
                }
            }
        }
    }
}
