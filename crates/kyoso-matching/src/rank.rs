//! Ranking candidates for a need: retrieval from an inverted index, hard
//! constraints as filters, preferences as a weighted sum whose every term
//! is kept as a reason.
//!
//! A candidate's score is `Σ weight × value` over the [`Factor`]s, each
//! value in `0.0..=1.0`:
//!
//! - **skills**: the share of what the need asks that the candidate has:
//!   each skill it names counts two units, each further topic its text
//!   speaks of ([`Need::topics`]) one;
//! - **sectors**: 1 for a sector of the need, ½ for one of the same DAC
//!   category (the first three digits), else 0;
//! - **languages**: per language asked for, 1 at or above the level asked,
//!   falling by ¼ per level short (JLPT and CEFR share one scale, see
//!   `kyoso_domain::LanguageLevel::rank`); the mean over the languages;
//! - **country**: 1 if the candidate has worked or lived in the need's
//!   country;
//! - **availability**: 1 if available for the kind of work asked;
//! - **track record**: past matches' outcomes, `(successes + 1) / (matches + 2)`
//!   (a new candidate starts at ½), times the share of matches that ended
//!   at all;
//! - **network**: 1 for a candidate tied directly to the need's owner, ½ at
//!   two steps, ⅓ at three, 0 beyond.
//!
//! A candidate who holds none of the need's skills (or, for a need that
//! names none, none of its topics) comes after every one who holds one,
//! whatever the other factors say: being near and speaking the language
//! does not make someone do the work.
//! Ties in score are broken by candidate number, so a ranking is
//! reproducible. Adding a matching skill to a candidate never lowers their
//! score (a property test holds this).

use std::cell::Cell;
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// A skill, interned to a number by whoever builds the index.
pub type Term = u32;
/// A candidate's number: its index in the profiles given to [`Index::new`].
pub type CandidateId = u32;

/// What a candidate offers, in interned form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    pub skills: Vec<Term>,
    /// What the candidate's own text (a biography, a description) speaks
    /// of: it scores as the skills do, but never meets a required skill,
    /// which only a skill the candidate names can.
    pub topics: Vec<Term>,
    /// OECD DAC 5-digit purpose codes.
    pub sectors: Vec<u32>,
    /// `(language, rank)`: rank 1 (beginner) to 7 (native).
    pub languages: Vec<(u16, u8)>,
    /// Countries worked or lived in.
    pub countries: Vec<u16>,
    pub available: bool,
    pub matches: u32,
    pub successes: u32,
    /// Matches that reached an outcome (success or not).
    pub concluded: u32,
}

/// A language a need asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageNeed {
    pub language: u16,
    /// The least rank asked for, 1 to 7.
    pub level: u8,
    /// A hard constraint: candidates below `level` (and below the level of
    /// every other language that would do) are left out.
    pub must: bool,
    /// `(language, level)` of up to two other languages that would do as
    /// well ("Thai B2 or English C1").
    pub or: [Option<(u16, u8)>; 2],
}

/// What a need asks for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Need {
    pub skills: Vec<Term>,
    /// Skills every candidate must have.
    pub required_skills: Vec<Term>,
    /// What the need's text speaks of besides its skills: each counts half
    /// a skill in the skills factor.
    pub topics: Vec<Term>,
    pub sectors: Vec<u32>,
    pub country: Option<u16>,
    /// Leave out candidates who have not worked or lived in `country`.
    pub require_country: bool,
    pub languages: Vec<LanguageNeed>,
    /// Leave out candidates not available.
    pub require_available: bool,
}

/// The weight of each factor in a score. The defaults favour fit over
/// reputation: what the candidate can do counts most, then whether they
/// can talk to the people and know the country, then who knows them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    pub skills: f64,
    pub sectors: f64,
    pub languages: f64,
    pub country: f64,
    pub availability: f64,
    pub track_record: f64,
    pub network: f64,
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            skills: 0.50,
            sectors: 0.10,
            languages: 0.15,
            country: 0.10,
            availability: 0.10,
            track_record: 0.08,
            network: 0.12,
        }
    }
}

impl Weights {
    fn of(&self, kind: FactorKind) -> f64 {
        match kind {
            FactorKind::Skills => self.skills,
            FactorKind::Sectors => self.sectors,
            FactorKind::Languages => self.languages,
            FactorKind::Country => self.country,
            FactorKind::Availability => self.availability,
            FactorKind::TrackRecord => self.track_record,
            FactorKind::Network => self.network,
        }
    }
}

/// The parts of a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FactorKind {
    Skills,
    Sectors,
    Languages,
    Country,
    Availability,
    TrackRecord,
    Network,
}

impl FactorKind {
    pub const ALL: [FactorKind; 7] = [
        FactorKind::Skills,
        FactorKind::Sectors,
        FactorKind::Languages,
        FactorKind::Country,
        FactorKind::Availability,
        FactorKind::TrackRecord,
        FactorKind::Network,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FactorKind::Skills => "skills",
            FactorKind::Sectors => "sectors",
            FactorKind::Languages => "languages",
            FactorKind::Country => "country",
            FactorKind::Availability => "availability",
            FactorKind::TrackRecord => "track_record",
            FactorKind::Network => "network",
        }
    }
}

/// One reason in a score: how much the factor counts, how well the
/// candidate meets it, and what that adds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Factor {
    pub kind: FactorKind,
    pub weight: f64,
    /// How well the candidate meets it, `0.0..=1.0`.
    pub value: f64,
    /// `weight × value`.
    pub contribution: f64,
}

/// A candidate with their score and its reasons.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub candidate: CandidateId,
    /// Holds one of the need's skills (or, for a need that names none, one
    /// of its topics): such candidates rank before all others.
    pub meets: bool,
    pub score: f64,
    pub factors: [Factor; 7],
    /// Steps from the need's owner, if within reach.
    pub hops: Option<u8>,
}

/// Profiles with postings by skill, sector category and country, so that a
/// need looks only at candidates who share something with it.
#[derive(Debug, Clone)]
pub struct Index {
    profiles: Vec<Profile>,
    /// What scoring reads of each profile, packed side by side so that a
    /// candidate costs one or two cache misses, not four.
    layout: Vec<Layout>,
    facts: Vec<u32>,
    by_skill: Vec<Vec<CandidateId>>,
    /// By DAC category (the 5-digit code / 100), sorted by category.
    by_category: Vec<(u32, Vec<CandidateId>)>,
    /// By exact DAC code, sorted by code: tells a sector of the need from
    /// one of its category without reading the profile.
    by_sector: Vec<(u32, Vec<CandidateId>)>,
    by_country: Vec<Vec<CandidateId>>,
    /// Per candidate, what every need scores alike, in one byte: availability
    /// (the top bit) and the track record rounded up to 64ths, a bound that
    /// [`Index::top`] reads before the profile.
    summary: Vec<u8>,
}

impl Index {
    /// Indexes `profiles`; the candidate number of each is its position.
    /// Each profile's lists are sorted and deduplicated here.
    pub fn new(mut profiles: Vec<Profile>) -> Index {
        let mut by_skill: Vec<Vec<CandidateId>> = Vec::new();
        let mut by_category: std::collections::BTreeMap<u32, Vec<CandidateId>> =
            std::collections::BTreeMap::new();
        let mut by_sector: std::collections::BTreeMap<u32, Vec<CandidateId>> =
            std::collections::BTreeMap::new();
        let mut by_country: Vec<Vec<CandidateId>> = Vec::new();
        for (id, profile) in profiles.iter_mut().enumerate() {
            let id = id as CandidateId;
            profile.skills.sort_unstable();
            profile.skills.dedup();
            profile.topics.sort_unstable();
            profile.topics.dedup();
            let skills = &profile.skills;
            profile.topics.retain(|t| skills.binary_search(t).is_err());
            profile.sectors.sort_unstable();
            profile.sectors.dedup();
            profile.languages.sort_unstable();
            profile.languages.dedup_by_key(|l| l.0);
            profile.countries.sort_unstable();
            profile.countries.dedup();
            for &skill in profile.skills.iter().chain(&profile.topics) {
                let slot = skill as usize;
                if by_skill.len() <= slot {
                    by_skill.resize_with(slot + 1, Vec::new);
                }
                by_skill[slot].push(id);
            }
            let mut last_category = None;
            for &sector in &profile.sectors {
                by_sector.entry(sector).or_default().push(id);
                let category = sector / 100;
                if last_category != Some(category) {
                    by_category.entry(category).or_default().push(id);
                    last_category = Some(category);
                }
            }
            for &country in &profile.countries {
                let slot = country as usize;
                if by_country.len() <= slot {
                    by_country.resize_with(slot + 1, Vec::new);
                }
                by_country[slot].push(id);
            }
        }
        let mut layout = Vec::with_capacity(profiles.len());
        let mut summary = Vec::with_capacity(profiles.len());
        let mut facts = Vec::new();
        for profile in &profiles {
            summary.push(summary_of(
                profile.available,
                profile.matches,
                profile.successes,
            ));
            let start = facts.len() as u32;
            facts.extend(&profile.sectors);
            facts.extend(
                profile
                    .languages
                    .iter()
                    .map(|&(language, rank)| u32::from(language) << 8 | u32::from(rank)),
            );
            facts.extend(profile.countries.iter().map(|&c| u32::from(c)));
            layout.push(Layout {
                start,
                sectors: profile.sectors.len() as u32,
                languages: profile.languages.len() as u32,
                countries: profile.countries.len() as u32,
                available: profile.available,
                matches: profile.matches,
                successes: profile.successes,
            });
        }
        Index {
            profiles,
            layout,
            facts,
            by_skill,
            by_category: by_category.into_iter().collect(),
            by_sector: by_sector.into_iter().collect(),
            by_country,
            summary,
        }
    }

    pub fn len(&self) -> usize {
        self.profiles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.profiles.is_empty()
    }

    pub fn profile(&self, candidate: CandidateId) -> Option<&Profile> {
        self.profiles.get(candidate as usize)
    }

    /// The best `n` candidates for `need`, best first. `hops` tells how many
    /// steps a candidate is from the need's owner, if within reach.
    ///
    /// Only candidates who share a skill or a sector category with the need
    /// are looked at (or, when none does, those who know its country).
    /// Retrieval already tells, for each, the skills held, whether a sector
    /// is the need's own or only of its category, and whether the candidate
    /// knows the need's country; they are grouped by these, and the groups
    /// taken best possible score first. Once even a perfect score on every
    /// other factor could not lift a group above the n-th best so far, it
    /// and the rest are not scored at all. Within a group, a candidate is
    /// passed over as soon as a bound shows it cannot make the top: first
    /// from its availability and track record (one byte), then from every
    /// factor but the network, which is asked last.
    pub fn top(
        &self,
        need: &Need,
        n: usize,
        weights: &Weights,
        hops: &dyn Fn(CandidateId) -> Option<u8>,
    ) -> Vec<Ranked> {
        self.ranked(need, n, weights, hops, None)
    }

    /// [`Index::top`] of the candidates `except` does not leave out (those
    /// whose profile changed since the index was built, say).
    pub fn top_except(
        &self,
        need: &Need,
        n: usize,
        weights: &Weights,
        hops: &dyn Fn(CandidateId) -> Option<u8>,
        except: &dyn Fn(CandidateId) -> bool,
    ) -> Vec<Ranked> {
        self.ranked(need, n, weights, hops, Some(except))
    }

    fn ranked(
        &self,
        need: &Need,
        n: usize,
        weights: &Weights,
        hops: &dyn Fn(CandidateId) -> Option<u8>,
        except: Option<&dyn Fn(CandidateId) -> bool>,
    ) -> Vec<Ranked> {
        if n == 0 || self.profiles.is_empty() {
            return Vec::new();
        }
        // The marks are all 0 between calls; a call that panics (in `hops`)
        // leaves none behind, as it has taken them out.
        let mut mark = MARKS.take();
        if mark.len() < self.profiles.len() {
            mark.resize(self.profiles.len(), 0);
        }
        let retrieved = self.retrieve(need, &mut mark);
        let kept: Vec<CandidateId>;
        let candidates = match except {
            None => &retrieved,
            Some(except) => {
                kept = retrieved
                    .iter()
                    .copied()
                    .filter(|&id| !except(id))
                    .collect();
                &kept
            }
        };
        // Those who meet something the need asks come first; the others
        // only fill what is left.
        let asks_skills = !need.skills.is_empty() || !need.required_skills.is_empty();
        let meets = |mark: u32| {
            if asks_skills {
                mark & SKILL != 0
            } else {
                mark & HELD > 1
            }
        };
        let (meeting, rest): (Vec<CandidateId>, Vec<CandidateId>) =
            candidates.iter().partition(|&&id| meets(mark[id as usize]));
        let mut list = Vec::with_capacity(n);
        for class in [meeting, rest] {
            if list.len() == n {
                break;
            }
            let best = self.best(need, n - list.len(), weights, hops, &mark, &class);
            // Reasons only for the few that made it.
            let mut ranked: Vec<Ranked> = best
                .into_iter()
                .map(|Reverse(Scored(_, id))| {
                    score(need, &self.profiles[id as usize], weights, id, hops(id))
                })
                .collect();
            ranked.sort_by(|a, b| better(b, a));
            list.extend(ranked);
        }
        for &id in &retrieved {
            mark[id as usize] = 0;
        }
        MARKS.set(mark);
        list
    }

    /// One candidate's score for `need`, whether or not they pass its hard
    /// constraints (see [`Index::passes`]).
    pub fn score(
        &self,
        need: &Need,
        candidate: CandidateId,
        weights: &Weights,
        hops: Option<u8>,
    ) -> Option<Ranked> {
        ((candidate as usize) < self.profiles.len())
            .then(|| score(need, &self.packed(candidate), weights, candidate, hops))
    }

    /// Whether a candidate meets every hard constraint of `need`.
    pub fn passes(&self, need: &Need, candidate: CandidateId) -> bool {
        (candidate as usize) < self.profiles.len() && passes(need, &self.packed(candidate))
    }
}

/// Where a candidate's facts lie in [`Index`]'s packed array, and the
/// small ones themselves.
#[derive(Debug, Clone, Copy)]
struct Layout {
    start: u32,
    sectors: u32,
    languages: u32,
    countries: u32,
    available: bool,
    matches: u32,
    successes: u32,
}

/// What scoring reads of a candidate: a [`Profile`], or its packed form.
trait Facts {
    fn skills(&self) -> &[Term];
    fn topics(&self) -> &[Term];
    fn sectors(&self) -> &[u32];
    /// The rank held in `language`, 0 for none.
    fn language_rank(&self, language: u16) -> u8;
    fn knows_country(&self, country: u16) -> bool;
    fn available(&self) -> bool;
    fn matches(&self) -> u32;
    fn successes(&self) -> u32;
}

impl Facts for Profile {
    fn skills(&self) -> &[Term] {
        &self.skills
    }
    fn topics(&self) -> &[Term] {
        &self.topics
    }
    fn sectors(&self) -> &[u32] {
        &self.sectors
    }
    fn language_rank(&self, language: u16) -> u8 {
        self.languages
            .binary_search_by_key(&language, |l| l.0)
            .map_or(0, |at| self.languages[at].1)
    }
    fn knows_country(&self, country: u16) -> bool {
        has(&self.countries, &country)
    }
    fn available(&self) -> bool {
        self.available
    }
    fn matches(&self) -> u32 {
        self.matches
    }
    fn successes(&self) -> u32 {
        self.successes
    }
}

/// A candidate as [`Index`] packs it.
struct Packed<'a> {
    layout: Layout,
    facts: &'a [u32],
    skills: &'a [Term],
    topics: &'a [Term],
}

impl Packed<'_> {
    fn part(&self, from: u32, len: u32) -> &[u32] {
        &self.facts[from as usize..(from + len) as usize]
    }
}

impl Facts for Packed<'_> {
    fn skills(&self) -> &[Term] {
        self.skills
    }
    fn topics(&self) -> &[Term] {
        self.topics
    }
    fn sectors(&self) -> &[u32] {
        self.part(0, self.layout.sectors)
    }
    fn language_rank(&self, language: u16) -> u8 {
        let languages = self.part(self.layout.sectors, self.layout.languages);
        languages
            .binary_search_by_key(&language, |l| (l >> 8) as u16)
            .map_or(0, |at| (languages[at] & 0xFF) as u8)
    }
    fn knows_country(&self, country: u16) -> bool {
        let countries = self.part(
            self.layout.sectors + self.layout.languages,
            self.layout.countries,
        );
        has(countries, &u32::from(country))
    }
    fn available(&self) -> bool {
        self.layout.available
    }
    fn matches(&self) -> u32 {
        self.layout.matches
    }
    fn successes(&self) -> u32 {
        self.layout.successes
    }
}

impl Index {
    fn packed(&self, candidate: CandidateId) -> Packed<'_> {
        let layout = self.layout[candidate as usize];
        let len = layout.sectors + layout.languages + layout.countries;
        Packed {
            layout,
            facts: &self.facts[layout.start as usize..(layout.start + len) as usize],
            skills: &self.profiles[candidate as usize].skills,
            topics: &self.profiles[candidate as usize].topics,
        }
    }
}

/// A retrieved candidate's mark: 1 + the units of the need's skills and
/// topics it holds (see [`units_asked`]; in the low 16 bits, as many as fit),
/// and what retrieval learnt of its sectors and country. 0 for a
/// candidate not retrieved.
const HELD: u32 = 0xFFFF;
/// A sector of the need's category.
const CATEGORY: u32 = 1 << 16;
/// A sector of the need itself.
const SECTOR: u32 = 1 << 17;
/// Has worked or lived in the need's country.
const COUNTRY: u32 = 1 << 18;
/// Holds one of the need's skills.
const SKILL: u32 = 1 << 19;

thread_local! {
    /// [`Index::top`]'s marks, one per candidate, kept between calls so a
    /// query neither allocates nor clears them whole.
    static MARKS: Cell<Vec<u32>> = const { Cell::new(Vec::new()) };
}

/// What the top so far asks of a newcomer.
type Best = BinaryHeap<Reverse<Scored>>;

impl Index {
    /// Marks (see [`HELD`]) every candidate sharing a skill or a sector
    /// category with `need` (or, if none does, its country) and returns
    /// them, each once. `mark` must be all 0 for every candidate.
    fn retrieve(&self, need: &Need, mark: &mut [u32]) -> Vec<CandidateId> {
        let mut retrieved: Vec<CandidateId> = Vec::new();
        let reach = |list: &[CandidateId],
                     units: u32,
                     flag: u32,
                     mark: &mut [u32],
                     retrieved: &mut Vec<CandidateId>| {
            for &id in list {
                let slot = &mut mark[id as usize];
                let mut held = *slot & HELD;
                if held == 0 {
                    held = 1;
                    retrieved.push(id);
                }
                held = (held + units).min(HELD);
                let skill = if units == SKILL_UNITS { SKILL } else { 0 };
                *slot = (*slot & !HELD) | held | flag | skill;
            }
        };
        for &skill in need.skills.iter().chain(&need.required_skills) {
            if let Some(list) = self.by_skill.get(skill as usize) {
                reach(list, SKILL_UNITS, 0, mark, &mut retrieved);
            }
        }
        for &topic in &need.topics {
            if let Some(list) = self.by_skill.get(topic as usize) {
                reach(list, TOPIC_UNITS, 0, mark, &mut retrieved);
            }
        }
        for &sector in &need.sectors {
            if let Ok(at) = self
                .by_category
                .binary_search_by_key(&(sector / 100), |(c, _)| *c)
            {
                reach(&self.by_category[at].1, 0, CATEGORY, mark, &mut retrieved);
            }
        }
        if retrieved.is_empty() {
            if let Some(country) = need.country
                && let Some(list) = self.by_country.get(country as usize)
            {
                reach(list, 0, COUNTRY, mark, &mut retrieved);
            }
            return retrieved;
        }
        // Flags for those already retrieved: every holder of a sector of the
        // need holds one of its category, and so is among them.
        let flag = |list: &[CandidateId], flag: u32, mark: &mut [u32]| {
            for &id in list {
                let slot = &mut mark[id as usize];
                if *slot != 0 {
                    *slot |= flag;
                }
            }
        };
        for &sector in &need.sectors {
            if let Ok(at) = self.by_sector.binary_search_by_key(&sector, |(s, _)| *s) {
                flag(&self.by_sector[at].1, SECTOR, mark);
            }
        }
        if let Some(country) = need.country
            && let Some(list) = self.by_country.get(country as usize)
        {
            flag(list, COUNTRY, mark);
        }
        retrieved
    }

    /// The best `n` of `retrieved` that pass `need`'s hard constraints.
    fn best(
        &self,
        need: &Need,
        n: usize,
        weights: &Weights,
        hops: &dyn Fn(CandidateId) -> Option<u8>,
        mark: &[u32],
        retrieved: &[CandidateId],
    ) -> Best {
        // The bounds hold for finite weights of zero or more; others score
        // every candidate.
        let bounded = FactorKind::ALL.iter().all(|&k| {
            let weight = weights.of(k);
            weight.is_finite() && weight >= 0.0
        });
        // Groups by what the marks tell: skills held, sector level, country.
        let most_held = retrieved
            .iter()
            .map(|&id| (mark[id as usize] & HELD) - 1)
            .max()
            .unwrap_or(0) as usize;
        let group_of = |mark: u32| ((mark & HELD) - 1) as usize * 6 + Group::level(mark);
        let mut ends = vec![0usize; (most_held + 1) * 6 + 1];
        for &id in retrieved {
            ends[group_of(mark[id as usize]) + 1] += 1;
        }
        for at in 1..ends.len() {
            ends[at] += ends[at - 1];
        }
        let mut order: Vec<CandidateId> = vec![0; retrieved.len()];
        let mut next = ends.clone();
        for &id in retrieved {
            let group = group_of(mark[id as usize]);
            order[next[group]] = id;
            next[group] += 1;
        }
        // Best possible score first.
        let mut groups: Vec<(f64, usize)> = (0..ends.len() - 1)
            .filter(|&g| ends[g] < ends[g + 1])
            .map(|g| {
                let group = Group::of(g / 6, g % 6);
                (total(&upper(need, group, 1.0, 1.0), weights), g)
            })
            .collect();
        groups.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));

        let mut best: Best = BinaryHeap::with_capacity(n + 1);
        // The score to beat once the top is full: a candidate whose bound
        // is below it cannot make the top, whatever its number.
        let floor = |best: &Best| match best.peek() {
            Some(worst) if bounded && best.len() == n => worst.0.0,
            _ => f64::NEG_INFINITY,
        };
        for (ceiling, g) in groups {
            if floor(&best) > ceiling {
                // So is every group after it.
                break;
            }
            let group = Group::of(g / 6, g % 6);
            for &id in &order[ends[g]..ends[g + 1]] {
                if bounded && best.len() == n {
                    let summary = self.summary[id as usize];
                    let most = total(
                        &upper(need, group, available_of(summary), track_bound_of(summary)),
                        weights,
                    );
                    if floor(&best) > most {
                        continue;
                    }
                }
                let profile = self.packed(id);
                if !passes(need, &profile) {
                    continue;
                }
                let mut values = values(need, &profile, Some(group.held), None);
                if bounded && best.len() == n {
                    values[6] = 1.0;
                    if floor(&best) > total(&values, weights) {
                        continue;
                    }
                }
                values[6] = network(hops(id));
                let candidate = Scored(total(&values, weights), id);
                if best.len() < n {
                    best.push(Reverse(candidate));
                } else if best.peek().is_some_and(|worst| candidate > worst.0) {
                    best.pop();
                    best.push(Reverse(candidate));
                }
            }
        }
        best
    }
}

/// What retrieval tells of a candidate: the need's skills held, whether a
/// sector is the need's (2), of its category only (1) or neither (0), and
/// whether it knows the need's country.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Group {
    held: usize,
    sector: u8,
    country: bool,
}

impl Group {
    /// The group's place among the six of a count of skills held.
    fn level(mark: u32) -> usize {
        let sector = if mark & SECTOR != 0 {
            2
        } else if mark & CATEGORY != 0 {
            1
        } else {
            0
        };
        sector * 2 + usize::from(mark & COUNTRY != 0)
    }

    fn of(held: usize, level: usize) -> Group {
        Group {
            held,
            sector: (level / 2) as u8,
            country: level % 2 == 1,
        }
    }
}

/// The most each factor can be worth for a candidate of `group`, with
/// `available` and `track_record` as known (1.0 if not), in the order of
/// [`FactorKind::ALL`]. Each is at least the candidate's value, so that
/// [`total`] of these (weights of zero or more; products and sums round
/// monotonically) is at least its score.
fn upper(need: &Need, group: Group, available: f64, track_record: f64) -> [f64; 7] {
    let asked = units_asked(need);
    let skills = if asked == 0 {
        0.0
    } else {
        group.held as f64 / asked as f64
    };
    let sectors = [0.0, 0.5, 1.0][usize::from(group.sector)];
    let languages = if need.languages.is_empty() { 0.0 } else { 1.0 };
    let country = if group.country { 1.0 } else { 0.0 };
    [
        skills,
        sectors,
        languages,
        country,
        available,
        track_record,
        1.0,
    ]
}

/// A candidate's [`Index`] summary byte: availability in the top bit, the
/// track record rounded up to 64ths below it.
fn summary_of(available: bool, matches: u32, successes: u32) -> u8 {
    // × 64 is exact, so the rounding up is too.
    let track = (track_record(matches, successes) * 64.0).ceil() as u8;
    u8::from(available) << 7 | track
}

fn available_of(summary: u8) -> f64 {
    if summary & 0x80 != 0 { 1.0 } else { 0.0 }
}

/// At least the track record the summary was made from.
fn track_bound_of(summary: u8) -> f64 {
    f64::from(summary & 0x7F) / 64.0
}

/// Orders by score, then by the lower candidate number.
fn better(a: &Ranked, b: &Ranked) -> Ordering {
    a.score
        .total_cmp(&b.score)
        .then_with(|| b.candidate.cmp(&a.candidate))
}

/// A score and its candidate, ordered as [`better`] orders them: higher
/// score first, then the lower candidate number.
#[derive(Debug, Clone, Copy)]
struct Scored(f64, CandidateId);

impl PartialEq for Scored {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Scored {}
impl PartialOrd for Scored {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Scored {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .total_cmp(&other.0)
            .then_with(|| other.1.cmp(&self.1))
    }
}

fn has<T: Ord>(sorted: &[T], item: &T) -> bool {
    sorted.binary_search(item).is_ok()
}

fn passes(need: &Need, profile: &impl Facts) -> bool {
    need.required_skills
        .iter()
        .all(|s| has(profile.skills(), s))
        && (!need.require_country || need.country.is_none_or(|c| profile.knows_country(c)))
        && (!need.require_available || profile.available())
        && need
            .languages
            .iter()
            .filter(|l| l.must)
            .all(|l| language_fit(l, profile) >= 1.0)
}

/// How well `profile` speaks what `asked` asks: 1 at or above the level,
/// falling by ¼ per level short, the best of the languages that would do.
fn language_fit(asked: &LanguageNeed, profile: &impl Facts) -> f64 {
    std::iter::once((asked.language, asked.level))
        .chain(asked.or.iter().flatten().copied())
        .map(|(language, level)| {
            let short = f64::from(level.saturating_sub(profile.language_rank(language)));
            (1.0 - 0.25 * short).max(0.0)
        })
        .fold(0.0, f64::max)
}

/// How well `profile` meets each factor of `need`, in the order of
/// [`FactorKind::ALL`]. `held` is the units of the need's skills and topics it holds,
/// if already counted.
fn values(need: &Need, profile: &impl Facts, held: Option<usize>, hops: Option<u8>) -> [f64; 7] {
    let asked = units_asked(need);
    let skills = if asked == 0 {
        0.0
    } else {
        let held = held.unwrap_or_else(|| units_held(need, profile.skills(), profile.topics()));
        held as f64 / asked as f64
    };
    let sectors = need
        .sectors
        .iter()
        .map(|s| {
            if has(profile.sectors(), s) {
                1.0
            } else if profile.sectors().iter().any(|p| p / 100 == s / 100) {
                0.5
            } else {
                0.0
            }
        })
        .fold(0.0, f64::max);
    let languages = if need.languages.is_empty() {
        0.0
    } else {
        let total: f64 = need
            .languages
            .iter()
            .map(|l| language_fit(l, profile))
            .sum();
        total / need.languages.len() as f64
    };
    let country = match need.country {
        Some(c) if profile.knows_country(c) => 1.0,
        _ => 0.0,
    };
    let availability = if profile.available() { 1.0 } else { 0.0 };
    let track_record = track_record(profile.matches(), profile.successes());
    let network = network(hops);
    [
        skills,
        sectors,
        languages,
        country,
        availability,
        track_record,
        network,
    ]
}

/// Units a skill of the need counts in the skills factor.
const SKILL_UNITS: u32 = 2;
/// Units a further topic of the need's text counts.
const TOPIC_UNITS: u32 = 1;

/// The units of the skills factor a need asks: two per skill, one per
/// further topic.
fn units_asked(need: &Need) -> usize {
    (need.skills.len() + need.required_skills.len()) * SKILL_UNITS as usize
        + need.topics.len() * TOPIC_UNITS as usize
}

/// The units of `need` that `skills` and `topics` (sorted) hold.
fn units_held(need: &Need, skills: &[Term], topics: &[Term]) -> usize {
    let count = |asked: &[Term]| {
        asked
            .iter()
            .filter(|s| has(skills, s) || has(topics, s))
            .count()
    };
    (count(&need.skills) + count(&need.required_skills)) * SKILL_UNITS as usize
        + count(&need.topics) * TOPIC_UNITS as usize
}

/// Whether a candidate holds one of the need's skills, or, for a need
/// that names none, one of its topics.
fn meets_asked(need: &Need, profile: &impl Facts) -> bool {
    let holds = |t: &Term| has(profile.skills(), t) || has(profile.topics(), t);
    if need.skills.is_empty() && need.required_skills.is_empty() {
        need.topics.iter().any(holds)
    } else {
        need.skills.iter().chain(&need.required_skills).any(holds)
    }
}

/// Past matches' outcomes: `(successes + 1) / (matches + 2)`, at most 1.
fn track_record(matches: u32, successes: u32) -> f64 {
    let successes = f64::from(successes.min(matches));
    (successes + 1.0) / (f64::from(matches) + 2.0)
}

/// 1 for a candidate tied directly to the need's owner, ½ at two steps, ⅓
/// at three, 0 beyond: at most 1.
fn network(hops: Option<u8>) -> f64 {
    match hops {
        Some(h) if (1..=3).contains(&h) => 1.0 / f64::from(h),
        _ => 0.0,
    }
}

/// The score of `values`: the weighted sum, added in factor order, so that
/// it is the same number [`score`] reports.
fn total(values: &[f64; 7], weights: &Weights) -> f64 {
    FactorKind::ALL
        .iter()
        .zip(values)
        .map(|(&kind, value)| weights.of(kind) * value)
        .sum()
}

fn score(
    need: &Need,
    profile: &impl Facts,
    weights: &Weights,
    candidate: CandidateId,
    hops: Option<u8>,
) -> Ranked {
    let values = values(need, profile, None, hops);
    let mut at = 0;
    let factors = FactorKind::ALL.map(|kind| {
        let weight = weights.of(kind);
        let value = values[at];
        at += 1;
        Factor {
            kind,
            weight,
            value,
            contribution: weight * value,
        }
    });
    Ranked {
        candidate,
        meets: meets_asked(need, profile),
        score: total(&values, weights),
        factors,
        hops,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn expert(skills: &[Term], countries: &[u16], japanese: u8) -> Profile {
        Profile {
            topics: Vec::new(),
            skills: skills.to_vec(),
            sectors: vec![32120],
            languages: vec![(1, japanese), (2, 7)],
            countries: countries.to_vec(),
            available: true,
            ..Profile::default()
        }
    }

    #[test]
    fn the_best_fit_comes_first_with_its_reasons() {
        let index = Index::new(vec![
            expert(&[1, 2], &[10], 5),
            expert(&[1, 2, 3], &[10], 5),
            expert(&[1], &[11], 2),
            expert(&[9], &[10], 7),
        ]);
        let need = Need {
            skills: vec![1, 2, 3],
            sectors: vec![32120],
            country: Some(10),
            languages: vec![LanguageNeed {
                language: 1,
                level: 4,
                must: false,
                or: [None; 2],
            }],
            ..Need::default()
        };
        let ranked = index.top(&need, 10, &Weights::default(), &|_| None);
        let order: Vec<CandidateId> = ranked.iter().map(|r| r.candidate).collect();
        // 3 knows the country and the language better than 2, but holds
        // none of the skills asked: it comes last.
        assert_eq!(order, vec![1, 0, 2, 3]);
        let best = &ranked[0];
        assert_eq!(best.factors[0].kind, FactorKind::Skills);
        assert_eq!(best.factors[0].value, 1.0);
        let sum: f64 = best.factors.iter().map(|f| f.contribution).sum();
        assert!((sum - best.score).abs() < 1e-12);
        // Candidate 2 is two levels short in Japanese: ½ for languages.
        let short = ranked.iter().find(|r| r.candidate == 2).unwrap();
        assert_eq!(short.factors[2].value, 0.5);
    }

    #[test]
    fn hard_constraints_filter_and_preferences_only_score() {
        let index = Index::new(vec![expert(&[1], &[10], 3), expert(&[1], &[11], 6)]);
        let mut need = Need {
            skills: vec![1],
            country: Some(10),
            languages: vec![LanguageNeed {
                language: 1,
                level: 4,
                must: true,
                or: [None; 2],
            }],
            ..Need::default()
        };
        let only = index.top(&need, 5, &Weights::default(), &|_| None);
        assert_eq!(only.len(), 1);
        assert_eq!(only[0].candidate, 1);
        need.require_country = true;
        assert!(
            index
                .top(&need, 5, &Weights::default(), &|_| None)
                .is_empty()
        );
        need.languages[0].must = false;
        let both = index.top(&need, 5, &Weights::default(), &|_| None);
        assert_eq!(both.len(), 1, "the country is a must now");
        assert_eq!(both[0].candidate, 0);
    }

    #[test]
    fn a_warm_path_lifts_a_candidate() {
        let index = Index::new(vec![expert(&[1], &[10], 5), expert(&[1], &[10], 5)]);
        let need = Need {
            skills: vec![1],
            ..Need::default()
        };
        let cold = index.top(&need, 2, &Weights::default(), &|_| None);
        assert_eq!(cold[0].candidate, 0, "equal scores: the lower number first");
        let warm = index.top(&need, 2, &Weights::default(), &|c| (c == 1).then_some(2));
        assert_eq!(warm[0].candidate, 1);
        assert_eq!(warm[0].hops, Some(2));
        assert_eq!(warm[0].factors[6].value, 0.5);
    }

    #[test]
    fn a_need_sharing_nothing_retrieves_nothing() {
        let index = Index::new(vec![expert(&[1], &[10], 5)]);
        let need = Need {
            skills: vec![7],
            sectors: vec![11110],
            ..Need::default()
        };
        assert!(
            index
                .top(&need, 5, &Weights::default(), &|_| None)
                .is_empty()
        );
        assert!(
            Index::new(Vec::new())
                .top(&need, 5, &Weights::default(), &|_| None)
                .is_empty()
        );
    }

    fn profile() -> impl Strategy<Value = Profile> {
        (
            prop::collection::vec(0u32..12, 0..5),
            prop::collection::vec(
                prop::sample::select(vec![11110u32, 11120, 32120, 32130, 25010]),
                0..3,
            ),
            prop::collection::vec((0u16..3, 1u8..8), 0..3),
            prop::collection::vec(0u16..4, 0..3),
            any::<bool>(),
            0u32..5,
            0u32..5,
            prop::collection::vec(0u32..12, 0..3),
        )
            .prop_map(
                |(skills, sectors, languages, countries, available, matches, successes, topics)| {
                    Profile {
                        skills,
                        topics,
                        sectors,
                        languages,
                        countries,
                        available,
                        matches,
                        successes: successes.min(matches),
                        concluded: matches,
                    }
                },
            )
    }

    fn need() -> impl Strategy<Value = Need> {
        (
            prop::collection::vec(0u32..12, 0..4),
            prop::collection::vec(0u32..12, 0..2),
            prop::collection::vec(prop::sample::select(vec![11110u32, 32120, 25010]), 0..2),
            prop::option::of(0u16..4),
            any::<bool>(),
            prop::collection::vec(
                (
                    0u16..3,
                    1u8..8,
                    any::<bool>(),
                    prop::option::of((0u16..3, 1u8..8)),
                ),
                0..2,
            ),
            any::<bool>(),
            prop::collection::vec(0u32..12, 0..3),
        )
            .prop_map(
                |(
                    skills,
                    required_skills,
                    sectors,
                    country,
                    require_country,
                    languages,
                    require_available,
                    topics,
                )| Need {
                    skills,
                    required_skills,
                    topics,
                    sectors,
                    country,
                    require_country,
                    languages: languages
                        .into_iter()
                        .map(|(language, level, must, other)| LanguageNeed {
                            language,
                            level,
                            must,
                            or: [other, None],
                        })
                        .collect(),
                    require_available,
                },
            )
    }

    fn weights() -> impl Strategy<Value = Weights> {
        prop::collection::vec(prop_oneof![Just(0.0), 0.0f64..1.0], 7).prop_map(|w| Weights {
            skills: w[0],
            sectors: w[1],
            languages: w[2],
            country: w[3],
            availability: w[4],
            track_record: w[5],
            network: w[6],
        })
    }

    /// A small, fast, seedable generator for the scale test (SplitMix64).
    struct Random(u64);
    impl Random {
        fn below(&mut self, bound: u64) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            ((u128::from((z ^ (z >> 31)) >> 32) * u128::from(bound)) >> 32) as u64
        }
        /// Skewed towards small numbers, as skills' popularity is.
        fn skewed(&mut self, bound: u64) -> u64 {
            let a = self.below(bound);
            self.below(a + 1)
        }
    }

    #[test]
    #[ignore = "a scale measurement: cargo test --release -p kyoso-matching -- --ignored --nocapture ranking_at_scale"]
    fn ranking_at_scale() {
        let mut random = Random(3);
        let profiles: Vec<Profile> = (0..1_000_000)
            .map(|_| Profile {
                topics: Vec::new(),
                skills: (0..3 + random.below(6))
                    .map(|_| random.skewed(2_000) as Term)
                    .collect(),
                sectors: (0..1 + random.below(3))
                    .map(|_| 11_000 + 100 * random.below(60) as u32 + random.below(3) as u32 * 10)
                    .collect(),
                languages: vec![
                    (0, 1 + random.below(7) as u8),
                    (1 + random.below(20) as u16, 7),
                ],
                countries: (0..random.below(4))
                    .map(|_| random.below(60) as u16)
                    .collect(),
                available: random.below(3) > 0,
                matches: random.below(6) as u32,
                successes: random.below(3) as u32,
                concluded: 0,
            })
            .collect();
        let started = std::time::Instant::now();
        let index = Index::new(profiles);
        println!(
            "index of 1,000,000 profiles built in {:.2} s",
            started.elapsed().as_secs_f64()
        );
        let mut times = Vec::new();
        for _ in 0..300 {
            let need = Need {
                skills: (0..3).map(|_| random.skewed(2_000) as Term).collect(),
                sectors: vec![11_000 + 100 * random.below(60) as u32],
                country: Some(random.below(60) as u16),
                languages: vec![LanguageNeed {
                    language: 0,
                    level: 4,
                    must: false,
                    or: [None; 2],
                }],
                ..Need::default()
            };
            let near: std::collections::HashMap<CandidateId, u8> = (0..2_000)
                .map(|_| {
                    (
                        random.below(1_000_000) as CandidateId,
                        1 + random.below(3) as u8,
                    )
                })
                .collect();
            let started = std::time::Instant::now();
            let top = index.top(&need, 20, &Weights::default(), &|c| near.get(&c).copied());
            times.push(started.elapsed());
            assert!(top.len() <= 20);
        }
        times.sort();
        let at = |p: f64| times[((times.len() - 1) as f64 * p) as usize].as_secs_f64() * 1e3;
        println!(
            "top 20 of 1,000,000: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            at(0.5),
            at(0.99),
            at(1.0)
        );
    }

    proptest! {
        #[test]
        fn adding_a_matching_skill_never_lowers_a_score(
            mut candidate in profile(),
            need in need(),
            pick in any::<prop::sample::Index>(),
        ) {
            let asked: Vec<Term> = need.skills.iter().chain(&need.required_skills).copied().collect();
            prop_assume!(!asked.is_empty());
            let skill = asked[pick.index(asked.len())];
            let before = Index::new(vec![candidate.clone()]).score(&need, 0, &Weights::default(), None).unwrap();
            candidate.skills.push(skill);
            let after = Index::new(vec![candidate]).score(&need, 0, &Weights::default(), None).unwrap();
            prop_assert!(after.score >= before.score - 1e-12, "{} < {}", after.score, before.score);
        }

        /// The top n are exactly the n best of every candidate that passes
        /// and shares something with the need, found by scoring them all.
        #[test]
        fn the_top_is_the_best_of_a_full_scan(
            profiles in prop::collection::vec(profile(), 0..40),
            need in need(),
            n in 1usize..8,
        ) {
            let index = Index::new(profiles);
            let hops = |c: CandidateId| (!c.is_multiple_of(4)).then_some((c % 4) as u8);
            let top = index.top(&need, n, &Weights::default(), &hops);
            let shares = |p: &Profile| {
                need.skills.iter().chain(&need.required_skills).chain(&need.topics).any(|s| p.skills.contains(s) || p.topics.contains(s))
                    || need.sectors.iter().any(|s| p.sectors.iter().any(|x| x / 100 == s / 100))
            };
            let any_share = (0..index.len()).any(|c| shares(index.profile(c as u32).unwrap()));
            let mut all: Vec<Ranked> = (0..index.len() as CandidateId)
                .filter(|&c| index.passes(&need, c))
                .filter(|&c| {
                    let p = index.profile(c).unwrap();
                    if any_share { shares(p) } else { need.country.is_some_and(|k| p.countries.contains(&k)) }
                })
                .map(|c| index.score(&need, c, &Weights::default(), hops(c)).unwrap())
                .collect();
            // Those who meet something asked first, then by score.
            all.sort_by(|a, b| b.meets.cmp(&a.meets).then_with(|| better(b, a)));
            all.truncate(n);
            prop_assert_eq!(top, all);
        }

        /// What retrieval marks is what the profile holds, and every bound
        /// `top` skips by is at least the candidate's score.
        #[test]
        fn marks_are_right_and_bounds_hold(
            profiles in prop::collection::vec(profile(), 0..40),
            need in need(),
            weights in weights(),
        ) {
            let index = Index::new(profiles);
            let hops = |c: CandidateId| (!c.is_multiple_of(3)).then_some((c % 5) as u8);
            let mut mark = vec![0u32; index.len()];
            let retrieved = index.retrieve(&need, &mut mark);
            let mut seen = retrieved.clone();
            seen.sort_unstable();
            seen.dedup();
            prop_assert_eq!(seen.len(), retrieved.len(), "each candidate once");
            let country_only = need.skills.iter().chain(&need.required_skills).chain(&need.topics).all(|s| index.by_skill.get(*s as usize).is_none_or(Vec::is_empty))
                && need.sectors.iter().all(|s| index.by_category.binary_search_by_key(&(s / 100), |(c, _)| *c).is_err());
            for c in 0..index.len() as CandidateId {
                let p = index.profile(c).unwrap();
                let held = units_held(&need, &p.skills, &p.topics);
                let category = need.sectors.iter().any(|s| p.sectors.iter().any(|x| x / 100 == s / 100));
                let sector = need.sectors.iter().any(|s| p.sectors.contains(s));
                let country = need.country.is_some_and(|k| p.countries.contains(&k));
                let m = mark[c as usize];
                let wanted = if country_only { country } else { held > 0 || category };
                prop_assert_eq!(m != 0, wanted);
                if m == 0 {
                    continue;
                }
                prop_assert_eq!((m & HELD) as usize, held + 1);
                prop_assert_eq!(m & CATEGORY != 0, category && !country_only);
                prop_assert_eq!(m & SECTOR != 0, sector && !country_only);
                prop_assert_eq!(m & COUNTRY != 0, country);
                let group = Group::of(held, Group::level(m));
                let score = index.score(&need, c, &weights, hops(c)).unwrap().score;
                let summary = index.summary[c as usize];
                prop_assert_eq!(available_of(summary), if p.available { 1.0 } else { 0.0 });
                prop_assert!(track_bound_of(summary) >= track_record(p.matches, p.successes));
                let ceiling = total(&upper(&need, group, 1.0, 1.0), &weights);
                let known = total(&upper(&need, group, available_of(summary), track_bound_of(summary)), &weights);
                let mut values = values(&need, &index.packed(c), Some(held), None);
                values[6] = 1.0;
                let besides_network = total(&values, &weights);
                prop_assert!(ceiling >= known && known >= besides_network && besides_network >= score,
                    "{} {} {} {}", ceiling, known, besides_network, score);
            }
        }

        /// `top` is the best of a full scan under any weights of zero or
        /// more, and leaves its marks clean for the next call.
        #[test]
        fn the_top_is_the_best_of_a_full_scan_under_any_weights(
            profiles in prop::collection::vec(profile(), 0..40),
            need in need(),
            weights in weights(),
            n in 1usize..8,
        ) {
            let index = Index::new(profiles);
            let hops = |c: CandidateId| (!c.is_multiple_of(3)).then_some((c % 5) as u8);
            let top = index.top(&need, n, &weights, &hops);
            let mut mark = vec![0u32; index.len()];
            let retrieved = index.retrieve(&need, &mut mark);
            let mut all: Vec<Ranked> = retrieved
                .into_iter()
                .filter(|&c| index.passes(&need, c))
                .map(|c| index.score(&need, c, &weights, hops(c)).unwrap())
                .collect();
            // Those who meet something asked first, then by score.
            all.sort_by(|a, b| b.meets.cmp(&a.meets).then_with(|| better(b, a)));
            all.truncate(n);
            prop_assert_eq!(top, all);
            let marks = MARKS.take();
            prop_assert!(marks.iter().all(|&m| m == 0));
            MARKS.set(marks);
        }
    }
}
