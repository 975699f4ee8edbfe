//! The people matching ranks, indexed and kept in memory: one index of
//! everyone, read whole, and an overlay of the people changed since, read
//! one by one as the change feed names them. A ranking asks both and reads
//! nothing from the database.

use std::collections::HashMap;
use std::sync::Arc;

use kyoso_domain::{CountryCode, LanguageCode, LanguageSkill, Names, Uid, Visibility};
use kyoso_matching::{CandidateId, Index, Profile, Ranked, Weights};
use kyoso_store::{MatchingPerson, Store, TrackRecord};

use super::topic::Terms;
use crate::ServiceError;
use crate::kept::Kept;

pub(super) fn language_number(code: LanguageCode) -> u16 {
    let bytes = code.as_str().as_bytes();
    u16::from_be_bytes([bytes[0], bytes.get(1).copied().unwrap_or(0)])
}

pub(super) fn country_number(code: CountryCode) -> u16 {
    let text = code.to_string();
    let bytes = text.as_bytes();
    u16::from_be_bytes([bytes[0], bytes.get(1).copied().unwrap_or(0)])
}

/// What a ranking shows of a person besides the score.
#[derive(Debug, Clone)]
pub(super) struct PersonFacts {
    pub(super) owner: Option<Uid>,
    pub(super) visibility: Visibility,
    pub(super) residence: Option<CountryCode>,
    pub(super) languages: Box<[LanguageSkill]>,
    /// The first day they can take up work, where that is not now.
    pub(super) available_from: Option<time::Date>,
    /// Trains others: answers training needs beside courses.
    pub(super) trains: bool,
    /// Open to dispatch: a trainer who travels to the participants.
    pub(super) dispatch: bool,
}

impl PersonFacts {
    /// Whether, as a trainer, they can train as `need` asks: in Japan if
    /// they live there; in the participants' country if they live there or
    /// travel (open to dispatch); online from anywhere.
    pub(super) fn trains_as_asked(&self, need: &kyoso_domain::Need<kyoso_domain::Poster>) -> bool {
        use kyoso_domain::CourseMode;
        let in_japan = self.residence.is_some_and(|c| c.as_str() == "JP");
        let in_country =
            self.dispatch || (need.country.is_some() && self.residence == need.country);
        match need.course_mode {
            None | Some(CourseMode::Online) => true,
            Some(CourseMode::InJapan) => in_japan,
            Some(CourseMode::InCountry) => in_country,
            Some(CourseMode::Both) => in_japan && in_country,
        }
    }
}

/// How many biographies' readings an index build keeps, to read a
/// repeated one once without holding every one.
const MOST_BIOS_KEPT: usize = 50_000;

/// People indexed twice: by availability for dispatch (expertise) and
/// for mentoring.
pub struct PeopleIndex {
    pub(super) terms: Terms,
    pub(super) uids: Vec<Uid>,
    /// Each person's candidate number.
    pub(super) position: HashMap<Uid, CandidateId>,
    pub(super) facts: Vec<PersonFacts>,
    pub(super) experts: Index,
    pub(super) mentors: Index,
    pub(super) records: HashMap<Uid, TrackRecord>,
}

impl std::fmt::Debug for PeopleIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PeopleIndex")
            .field("people", &self.uids.len())
            .finish_non_exhaustive()
    }
}

impl PeopleIndex {
    /// How many people are indexed.
    pub fn len(&self) -> usize {
        self.uids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.uids.is_empty()
    }

    pub(super) fn build(
        mut people: Vec<MatchingPerson>,
        records: HashMap<Uid, TrackRecord>,
    ) -> PeopleIndex {
        // Candidates of equal score rank by candidate number: numbered by
        // name, the same people rank alike whatever order they were loaded in.
        people.sort_by_cached_key(|p| (p.names.display("en").to_lowercase(), p.uid));
        let mut terms = Terms::default();
        let mut experts = Vec::with_capacity(people.len());
        let mut mentors = Vec::with_capacity(people.len());
        let mut uids = Vec::with_capacity(people.len());
        let mut facts = Vec::with_capacity(people.len());
        let mut kept_records = HashMap::new();
        // Biographies written from one pattern are read once.
        let mut read_bios: HashMap<String, Vec<u32>> = HashMap::new();
        for person in people {
            let record = records.get(&person.uid).copied().unwrap_or_default();
            if record != TrackRecord::default() {
                kept_records.insert(person.uid, record);
            }
            let profile = Profile {
                skills: person.skills.iter().flat_map(|s| terms.intern(s)).collect(),
                topics: match &person.bio {
                    Some(bio) => match read_bios.get(bio) {
                        Some(topics) => topics.clone(),
                        None => {
                            let topics = terms.intern_text(bio);
                            if read_bios.len() < MOST_BIOS_KEPT {
                                read_bios.insert(bio.clone(), topics.clone());
                            }
                            topics
                        }
                    },
                    None => Vec::new(),
                },
                sectors: person.sectors.iter().map(|s| s.code()).collect(),
                languages: person
                    .languages
                    .iter()
                    .map(|l| (language_number(l.language()), l.level().rank()))
                    .collect(),
                countries: person
                    .countries
                    .iter()
                    .map(|&c| country_number(c))
                    .collect(),
                available: person.dispatch,
                matches: record.matches,
                successes: record.successes,
                concluded: record.concluded,
            };
            mentors.push(Profile {
                available: person.mentoring,
                ..profile.clone()
            });
            experts.push(profile);
            uids.push(person.uid);
            facts.push(PersonFacts {
                owner: person.owner,
                visibility: person.visibility,
                residence: person.residence,
                languages: person.languages.into_boxed_slice(),
                available_from: person.available_from,
                trains: person.training,
                dispatch: person.dispatch,
            });
        }
        let position = uids
            .iter()
            .enumerate()
            .map(|(at, &uid)| (uid, at as CandidateId))
            .collect();
        PeopleIndex {
            terms,
            position,
            uids,
            facts,
            experts: Index::new(experts),
            mentors: Index::new(mentors),
            records: kept_records,
        }
    }

    fn index(&self, mentoring: bool) -> &Index {
        if mentoring {
            &self.mentors
        } else {
            &self.experts
        }
    }
}

/// People read again since the whole index was read; `None` for one who
/// left matching (made private, withdrew consent, erased).
#[derive(Debug)]
pub(crate) struct Overlay {
    changed: HashMap<Uid, Stamped>,
    index: PeopleIndex,
    /// The names of those in the overlay, for those the network has not
    /// read yet.
    names: HashMap<Uid, Names>,
}

#[derive(Debug, Clone)]
struct Stamped {
    /// The whole index's generation when it was read.
    stamp: u64,
    person: Option<MatchingPerson>,
}

impl Overlay {
    fn new(changed: HashMap<Uid, Stamped>, records: &HashMap<Uid, TrackRecord>) -> Overlay {
        let people: Vec<MatchingPerson> = {
            let mut people: Vec<&MatchingPerson> =
                changed.values().filter_map(|s| s.person.as_ref()).collect();
            // A fixed order, so that equal scores come out alike each time.
            people.sort_by_key(|p| p.uid);
            people.into_iter().cloned().collect()
        };
        let names = people.iter().map(|p| (p.uid, p.names.clone())).collect();
        Overlay {
            index: PeopleIndex::build(people, records.clone()),
            changed,
            names,
        }
    }
}

/// The people index as a ranking sees it: the whole, and what changed.
#[derive(Debug, Clone)]
pub struct People {
    pub(super) base: Arc<PeopleIndex>,
    pub(super) overlay: Arc<Overlay>,
}

/// A person a ranking found, with the index that holds them.
pub(super) struct Found<'a> {
    pub(super) uid: Uid,
    pub(super) ranked: Ranked,
    pub(super) index: &'a PeopleIndex,
}

impl Found<'_> {
    pub(super) fn facts(&self) -> &PersonFacts {
        &self.index.facts[self.ranked.candidate as usize]
    }

    pub(super) fn record(&self) -> TrackRecord {
        self.index
            .records
            .get(&self.uid)
            .copied()
            .unwrap_or_default()
    }
}

impl People {
    /// How many people matching may propose.
    pub fn len(&self) -> usize {
        let left = self
            .overlay
            .changed
            .keys()
            .filter(|uid| self.base.position.contains_key(uid))
            .count();
        self.base.len() - left + self.overlay.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The names of one changed since the network was read.
    pub(super) fn names_of(&self, uid: Uid) -> Option<&Names> {
        self.overlay.names.get(&uid)
    }

    /// The best `n` people for `need`, best first: `query` builds the
    /// index's own form of the need, `hops` tells how far each is.
    pub(super) fn top(
        &self,
        mentoring: bool,
        query: &dyn Fn(&Terms) -> kyoso_matching::Need,
        n: usize,
        weights: &Weights,
        hops: &dyn Fn(Uid) -> Option<u8>,
        breaks: &dyn Fn(&PersonFacts) -> bool,
    ) -> Vec<Found<'_>> {
        let base = &self.base;
        let overlay = &self.overlay;
        // Those read again since are ranked from the overlay.
        let changed = |id: CandidateId| {
            overlay.changed.contains_key(&base.uids[id as usize])
                || breaks(&base.facts[id as usize])
        };
        let mut found: Vec<Found<'_>> = base
            .index(mentoring)
            .top_except(
                &query(&base.terms),
                n,
                weights,
                &|id| hops(base.uids[id as usize]),
                &changed,
            )
            .into_iter()
            .map(|ranked| Found {
                uid: base.uids[ranked.candidate as usize],
                ranked,
                index: base,
            })
            .collect();
        if !overlay.index.is_empty() {
            let fresh = &overlay.index;
            found.extend(
                fresh
                    .index(mentoring)
                    .top_except(
                        &query(&fresh.terms),
                        n,
                        weights,
                        &|id| hops(fresh.uids[id as usize]),
                        &|id| breaks(&fresh.facts[id as usize]),
                    )
                    .into_iter()
                    .map(|ranked| Found {
                        uid: fresh.uids[ranked.candidate as usize],
                        ranked,
                        index: fresh,
                    }),
            );
            // As each index orders them: those who meet something asked
            // first, then by score.
            found.sort_by(|a, b| {
                b.ranked
                    .meets
                    .cmp(&a.ranked.meets)
                    .then(b.ranked.score.total_cmp(&a.ranked.score))
                    .then(a.uid.cmp(&b.uid))
            });
            found.truncate(n);
        }
        found
    }

    /// One person's score for `need`, whether or not they pass its hard
    /// constraints; none if matching may not propose them.
    pub(super) fn score(
        &self,
        mentoring: bool,
        query: &dyn Fn(&Terms) -> kyoso_matching::Need,
        uid: Uid,
        weights: &Weights,
        hops: Option<u8>,
    ) -> Option<Found<'_>> {
        let index: &PeopleIndex = match self.overlay.changed.get(&uid) {
            Some(_) => &self.overlay.index,
            None => &self.base,
        };
        let &id = index.position.get(&uid)?;
        let ranked = index
            .index(mentoring)
            .score(&query(&index.terms), id, weights, hops)?;
        Some(Found { uid, ranked, index })
    }

    /// Whether `uid` is one matching may propose, and if so their profile
    /// as the expert index holds it.
    pub(super) fn profile(&self, uid: Uid) -> Option<&Profile> {
        let index: &PeopleIndex = match self.overlay.changed.get(&uid) {
            Some(_) => &self.overlay.index,
            None => &self.base,
        };
        index.experts.profile(*index.position.get(&uid)?)
    }
}

/// The people index, read whole when many people changed, person by person
/// when few did (see the `kept` and `feed` modules).
#[derive(Debug)]
pub struct MatchingCache {
    base: Arc<Kept<PeopleIndex>>,
    overlay: std::sync::Mutex<Arc<Overlay>>,
}

/// Past this many people changed, the whole index is read again.
const OVERLAY_MOST: usize = 5_000;

impl MatchingCache {
    pub fn new() -> MatchingCache {
        MatchingCache {
            base: Arc::new(Kept::with_loader(|store| {
                Box::pin(async move {
                    let people = store.matching_people().await?;
                    let records = person_records(&store).await?;
                    tokio::task::spawn_blocking(move || PeopleIndex::build(people, records))
                        .await
                        .map_err(|e| ServiceError::Failed(format!("indexing people failed: {e}")))
                })
            })),
            overlay: std::sync::Mutex::new(Arc::new(Overlay::new(HashMap::new(), &HashMap::new()))),
        }
    }

    fn overlay(&self) -> std::sync::MutexGuard<'_, Arc<Overlay>> {
        self.overlay.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Everyone changed: the whole index is read again.
    pub(crate) fn stale(&self) {
        self.base.stale();
    }

    /// The index, read if it never was.
    pub(crate) async fn get(&self, store: &Store) -> Result<People, ServiceError> {
        let base = self.base.get(store).await?;
        let overlay = {
            let mut overlay = self.overlay();
            // A whole read begun after a person was read afresh holds them
            // as they are: they leave the overlay.
            let read_at = self.base.read_generation();
            if overlay.changed.values().any(|s| s.stamp < read_at) {
                let kept: HashMap<Uid, Stamped> = overlay
                    .changed
                    .iter()
                    .filter(|(_, s)| s.stamp >= read_at)
                    .map(|(uid, s)| (*uid, s.clone()))
                    .collect();
                *overlay = Arc::new(Overlay::new(kept, &overlay.index.records));
            }
            Arc::clone(&overlay)
        };
        Ok(People { base, overlay })
    }

    /// Reads `uids` again and puts them in the overlay (or, past
    /// [`OVERLAY_MOST`], has the whole index read again).
    pub(crate) async fn refresh(
        &self,
        store: &Store,
        uids: &[Uid],
        records: &HashMap<Uid, TrackRecord>,
    ) -> Result<(), ServiceError> {
        if uids.is_empty() {
            return Ok(());
        }
        if self.overlay().changed.len() + uids.len() > OVERLAY_MOST {
            self.stale();
            return Ok(());
        }
        // Taken before reading: a whole read begun later holds what this
        // read holds, or newer.
        let stamp = self.base.generation();
        let read: HashMap<Uid, MatchingPerson> = store
            .matching_people_among(uids)
            .await?
            .into_iter()
            .map(|p| (p.uid, p))
            .collect();
        let mut overlay = self.overlay();
        let mut changed = overlay.changed.clone();
        for &uid in uids {
            changed.insert(
                uid,
                Stamped {
                    stamp,
                    person: read.get(&uid).cloned(),
                },
            );
        }
        let records: HashMap<Uid, TrackRecord> = changed
            .keys()
            .filter_map(|uid| records.get(uid).map(|r| (*uid, *r)))
            .collect();
        *overlay = Arc::new(Overlay::new(changed, &records));
        Ok(())
    }
}

impl Default for MatchingCache {
    fn default() -> MatchingCache {
        MatchingCache::new()
    }
}

/// People's track records, by person.
pub(super) async fn person_records(
    store: &Store,
) -> Result<HashMap<Uid, TrackRecord>, ServiceError> {
    Ok(store
        .track_records()
        .await?
        .into_iter()
        .filter(|(c, _)| c.kind == kyoso_domain::CandidateKind::Person)
        .map(|(c, r)| (c.uid, r))
        .collect())
}

#[cfg(test)]
mod tests {
    use kyoso_domain::{SectorCode, Skill, Text};
    use proptest::prelude::*;

    use super::*;
    use crate::matching::topic::NeedRead;

    const PEOPLE: usize = 30;

    #[test]
    fn a_trainer_trains_where_they_live_or_travel_or_online() {
        use kyoso_domain::{CourseMode, Need, NeedKind, Poster};
        let country = |c: &str| Some(CountryCode::parse(c).unwrap());
        let trainer = |residence: Option<CountryCode>, dispatch: bool| PersonFacts {
            owner: None,
            visibility: Visibility::Network,
            residence,
            languages: Box::new([]),
            available_from: None,
            trains: true,
            dispatch,
        };
        let need = |mode: Option<CourseMode>| Need::<Poster> {
            kind: NeedKind::Training,
            posted_by: Poster {
                kind: kyoso_domain::EntityKind::Organization,
                uid: Uid::new(),
            },
            title: Text::line("Kaizen for supervisors", 200).unwrap(),
            description: None,
            skills: vec![Skill::parse("kaizen").unwrap()],
            required_skills: Vec::new(),
            sectors: Vec::new(),
            country: country("TH"),
            require_country: false,
            languages: Vec::new(),
            require_available: false,
            min_readiness: None,
            deployed: None,
            seeks: Vec::new(),
            investment_usd: None,
            course_mode: mode,
            located_in: Vec::new(),
            available_by: None,
            deadline: None,
            visibility: Visibility::Network,
        };
        let in_japan = trainer(country("JP"), false);
        let travels = trainer(country("JP"), true);
        let in_thailand = trainer(country("TH"), false);
        for (who, mode, trains) in [
            (&in_japan, Some(CourseMode::InJapan), true),
            (&in_japan, Some(CourseMode::InCountry), false),
            (&in_japan, Some(CourseMode::Both), false),
            (&in_japan, Some(CourseMode::Online), true),
            (&in_japan, None, true),
            (&travels, Some(CourseMode::InCountry), true),
            (&travels, Some(CourseMode::Both), true),
            (&in_thailand, Some(CourseMode::InCountry), true),
            (&in_thailand, Some(CourseMode::InJapan), false),
        ] {
            assert_eq!(who.trains_as_asked(&need(mode)), trains, "{mode:?}");
        }
    }

    /// Person `at`: few skill sets and names among many people, so that
    /// many scores tie.
    fn person(at: usize) -> MatchingPerson {
        let skills: &[&str] = match at % 3 {
            0 => &["溶接"],
            1 => &["tig welding", "การบำรุงรักษาเชิงป้องกัน"],
            _ => &["hàn TIG"],
        };
        let name = ["Somchai", "Mai", "Kenji", "An", "Siti"][at % 5];
        MatchingPerson {
            uid: Uid::parse(&format!("01900000-0000-7000-8000-{at:012}")).unwrap(),
            names: Names::new(None, Some(Text::line(name, 200).unwrap()), None).unwrap(),
            residence: None,
            owner: None,
            visibility: Visibility::Network,
            skills: skills.iter().map(|s| Skill::parse(s).unwrap()).collect(),
            sectors: vec![SectorCode::parse("32120").unwrap()],
            languages: Vec::new(),
            countries: Vec::new(),
            mentoring: at.is_multiple_of(2),
            dispatch: true,
            training: false,
            available_from: None,
            bio: at
                .is_multiple_of(4)
                .then(|| "Welding instructor".to_owned()),
        }
    }

    fn ranking(people: Vec<MatchingPerson>) -> Vec<(Uid, u64)> {
        let index = PeopleIndex::build(people, HashMap::new());
        let read = NeedRead::of(
            &[Skill::parse("welding").unwrap()],
            &[],
            &["TIG welding for a Rayong plant"],
        );
        let asked = index.terms.ask(&read);
        let need = kyoso_matching::Need {
            skills: asked.skills,
            required_skills: asked.required,
            topics: asked.topics,
            sectors: vec![32120],
            ..kyoso_matching::Need::default()
        };
        index
            .experts
            .top(&need, 12, &Weights::default(), &|_| None)
            .iter()
            .map(|r| (index.uids[r.candidate as usize], r.score.to_bits()))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// The same people loaded in any order rank alike, ties included.
        #[test]
        fn any_load_order_ranks_alike(
            order in Just((0..PEOPLE).collect::<Vec<usize>>()).prop_shuffle()
        ) {
            let people: Vec<MatchingPerson> = (0..PEOPLE).map(person).collect();
            let shuffled: Vec<MatchingPerson> = order.iter().map(|&at| person(at)).collect();
            let expected = ranking(people);
            prop_assert_eq!(expected.len(), 12);
            prop_assert_eq!(ranking(shuffled), expected);
        }
    }
}
