//! Needs, offers, open cohorts, matches and track records, kept in memory
//! and read again when any of them changes (see [`crate::kept`]): a
//! ranking reads nothing of them from the database.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use kyoso_domain::{
    Candidate, CandidateKind, CountryCode, CourseMode, DealFit, LanguageSkill, MatchFilter, Need,
    NeedFilter, OfferKind, Poster, Readiness, SectorCode, Seek, StoredNeed, StoredOffer, Timestamp,
    Uid, Usd, deal_fit,
};
use kyoso_matching::{Index, Profile};
use kyoso_store::{OpenCohort, ReadScope, Store, TrackRecord};

use super::people::country_number;
use super::topic::{NeedRead, Terms};
use super::{Holds, MatchSummary};
use crate::ServiceError;
use crate::kept::Kept;

/// What matching keeps of needs, offers and courses.
#[derive(Default)]
pub struct Catalogue {
    /// The day the open cohorts were read for: a course that starts
    /// takes no more applications.
    pub(super) day: Option<time::Date>,
    pub(super) needs: HashMap<Uid, StoredNeed>,
    pub(super) technologies: SmallIndex,
    pub(super) partnerships: SmallIndex,
    pub(super) cohorts: SmallIndex,
    /// Every candidate's track record.
    pub(crate) records: HashMap<Uid, TrackRecord>,
    /// The matches made for each need, by candidate.
    pub(super) matches: HashMap<Uid, HashMap<Uid, MatchSummary>>,
    /// Needs as the vocabulary read them, by id and version: read at the
    /// first ranking, not at every one.
    reads: Mutex<HashMap<(Uid, Timestamp), Arc<NeedRead>>>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue")
            .field("needs", &self.needs.len())
            .finish_non_exhaustive()
    }
}

impl Catalogue {
    /// `need` as the vocabulary reads it.
    pub(super) fn read_of(&self, need: &StoredNeed) -> Arc<NeedRead> {
        let key = (need.uid, need.updated_at);
        let mut reads = self.reads.lock().unwrap_or_else(|e| e.into_inner());
        Arc::clone(
            reads
                .entry(key)
                .or_insert_with(|| Arc::new(super::read_need(&need.need))),
        )
    }

    /// The offers or courses that answer a need of `kind`.
    pub(super) fn answering(&self, kind: kyoso_domain::NeedKind) -> &SmallIndex {
        match kind.offer_kind() {
            Some(OfferKind::Technology) => &self.technologies,
            Some(OfferKind::Partnership) => &self.partnerships,
            None => &self.cohorts,
        }
    }

    async fn read(store: Store) -> Result<Catalogue, ServiceError> {
        let today = time::OffsetDateTime::now_utc().date();
        let everything = ReadScope {
            everything: true,
            ..ReadScope::default()
        };
        let needs = store
            .needs(&NeedFilter::default(), &everything, i64::MAX)
            .await?
            .into_iter()
            .map(|n| (n.uid, n))
            .collect();
        let records: HashMap<Uid, TrackRecord> = store
            .track_records()
            .await?
            .into_iter()
            .map(|(c, r)| (c.uid, r))
            .collect();
        let offers = store.shared_offers().await?;
        let cohorts = store.open_cohorts(today).await?;
        let mut matches: HashMap<Uid, HashMap<Uid, MatchSummary>> = HashMap::new();
        for found in store.matches(&MatchFilter::default(), i64::MAX).await? {
            matches.entry(found.need).or_default().insert(
                found.candidate.uid,
                MatchSummary {
                    uid: found.uid,
                    status: found.status,
                },
            );
        }
        Ok(Catalogue {
            day: Some(today),
            needs,
            technologies: offers_index(&offers, OfferKind::Technology, &records),
            partnerships: offers_index(&offers, OfferKind::Partnership, &records),
            cohorts: cohorts_index(cohorts, &records),
            records,
            matches,
            reads: Mutex::default(),
        })
    }
}

/// The catalogue, read again when needs, offers, programs or matches change.
pub type CatalogueCache = Kept<Catalogue>;

pub(crate) fn catalogue_cache() -> CatalogueCache {
    Kept::with_loader(|store| Box::pin(Catalogue::read(store)))
}

impl Default for SmallIndex {
    fn default() -> SmallIndex {
        SmallIndex {
            terms: Terms::default(),
            index: Index::new(Vec::new()),
            candidates: Vec::new(),
        }
    }
}

/// Offers or cohorts as the ranking sees them.
pub(super) struct SmallIndex {
    pub(super) terms: Terms,
    pub(super) index: Index,
    pub(super) candidates: Vec<SmallCandidate>,
}

pub(super) struct SmallCandidate {
    pub(super) candidate: Candidate,
    pub(super) title: String,
    /// The provider or organizer, whose node stands for it in the network.
    pub(super) provider: Uid,
    pub(super) countries: Vec<CountryCode>,
    /// A technology's readiness level.
    pub(super) readiness: Option<Readiness>,
    /// What a company seeks in a partner.
    pub(super) seeks: Vec<Seek>,
    pub(super) sectors: Vec<SectorCode>,
    /// What a company seeking to invest puts into one enterprise.
    pub(super) invests_usd: (Option<Usd>, Option<Usd>),
    /// The languages a company works in, or a technology is supported in.
    pub(super) languages: Vec<LanguageSkill>,
    /// A course's terms.
    pub(super) course: Option<Course>,
}

/// What a course asks of its participants and offers them.
pub(super) struct Course {
    pub(super) seats_left: Option<u32>,
    pub(super) apply_by: Option<time::Date>,
    pub(super) mode: Option<CourseMode>,
    pub(super) languages: Vec<LanguageSkill>,
}

/// Where the two sides of a deal are: the need's poster, and the
/// candidate's provider.
#[derive(Debug, Clone, Copy)]
pub(super) struct Sides {
    pub(super) poster: Option<CountryCode>,
    pub(super) provider: Option<CountryCode>,
}

impl SmallCandidate {
    /// What it holds of each hard constraint `need` sets an offer, or
    /// `None` if it breaks one: a technology's least readiness and where it
    /// must be in use already; for a deal, that it stands on the other side;
    /// for an investment, that the investor invests in the need's sector,
    /// country and size.
    pub(super) fn holds(&self, need: &Need<Poster>, sides: Sides) -> Option<Vec<Holds>> {
        let mut holds = Vec::new();
        if let Some(least) = need.min_readiness {
            let held = self.readiness.filter(|&r| r >= least)?;
            holds.push(Holds::Readiness {
                least: least.level(),
                held: held.level(),
            });
        }
        if let Some(deployed) = need.deployed {
            if !deployed.met_by(&self.countries) {
                return None;
            }
            holds.push(Holds::Deployed {
                asked: deployed.to_string(),
                countries: self.countries.clone(),
            });
        }
        if self.course.is_none() && !need.located_in.is_empty() {
            // Where the company or the provider is, as far as the asker may
            // read it.
            let country = sides.provider.filter(|c| need.located_in.contains(c))?;
            holds.push(Holds::LocatedIn { country });
        }
        if let Some(course) = &self.course {
            holds.extend(self.teaches(course, need)?);
        } else if !self.languages.is_empty() {
            // A company or a technology's support in a language the need
            // must have; one silent on its languages is not held to it.
            for requirement in need.languages.iter().filter(|l| l.must) {
                holds.push(super::speaks(requirement, &self.languages)?);
            }
        }
        let asked = &need.seeks;
        if asked.is_empty() {
            return Some(holds);
        }
        let answered: Vec<Seek> = asked
            .iter()
            .copied()
            .filter(|a| self.seeks.iter().any(|&h| a.answers(h)))
            .collect();
        let answering: Vec<Seek> = self
            .seeks
            .iter()
            .copied()
            .filter(|&h| asked.iter().any(|a| a.answers(h)))
            .collect();
        match deal_fit(asked, &self.seeks) {
            DealFit::None => return None,
            // Both seek what either side of a deal may seek: a company of
            // the poster's own country stands on the poster's side.
            DealFit::Mutual => {
                if sides.provider.is_some() && sides.provider == sides.poster {
                    return None;
                }
                holds.push(Holds::Deal {
                    asked: answered,
                    held: answering,
                    from: sides.provider,
                });
            }
            DealFit::Counterpart => holds.push(Holds::Deal {
                asked: answered,
                held: answering,
                from: None,
            }),
        }
        if asked.contains(&Seek::Investment) && self.seeks.contains(&Seek::Investing) {
            holds.extend(self.invests_in(need)?);
        }
        Some(holds)
    }

    /// What a course holds of a training need: it takes participants from
    /// the need's country, is taught in a language they speak at a level
    /// they have, as the need asks, and has seats left; `None` if it breaks
    /// one. A course silent on a term is not held to it.
    fn teaches(&self, course: &Course, need: &Need<Poster>) -> Option<Vec<Holds>> {
        let mut holds = Vec::new();
        if let Some(country) = need.country
            && !self.countries.is_empty()
        {
            if !self.countries.contains(&country) {
                return None;
            }
            holds.push(Holds::Eligible { country });
        }
        if !course.languages.is_empty() {
            for requirement in need.languages.iter().filter(|l| l.must) {
                let taught = requirement.options().find_map(|spoken| {
                    course.languages.iter().find(|taught| {
                        taught.language() == spoken.language()
                            && taught.level().rank() <= spoken.level().rank()
                    })
                })?;
                holds.push(Holds::TaughtIn {
                    language: taught.language(),
                    level: taught.level().as_str().to_owned(),
                });
            }
        }
        if let (Some(asked), Some(mode)) = (need.course_mode, course.mode) {
            if !mode.serves(asked) {
                return None;
            }
            holds.push(Holds::Mode { mode });
        }
        if let Some(seats) = course.seats_left {
            if seats == 0 {
                return None;
            }
            holds.push(Holds::SeatsLeft { seats });
        }
        if let Some(day) = course.apply_by {
            holds.push(Holds::ApplyBy { day });
        }
        Some(holds)
    }

    /// What an investor holds of an investment need: the size, sectors and
    /// country it invests in, where both state them; `None` if it breaks one.
    fn invests_in(&self, need: &Need<Poster>) -> Option<Vec<Holds>> {
        let mut holds = Vec::new();
        let (from, up_to) = self.invests_usd;
        if let Some(asked) = need.investment_usd
            && (from.is_some() || up_to.is_some())
        {
            if from.is_some_and(|f| asked < f) || up_to.is_some_and(|u| asked > u) {
                return None;
            }
            holds.push(Holds::InvestmentSize { asked, from, up_to });
        }
        if !self.sectors.is_empty() && !need.sectors.is_empty() {
            // By DAC category: an investor in agriculture (311) invests in
            // food crop production (31161).
            let shared: Vec<SectorCode> = need
                .sectors
                .iter()
                .copied()
                .filter(|n| self.sectors.iter().any(|o| o.category() == n.category()))
                .collect();
            if shared.is_empty() {
                return None;
            }
            holds.push(Holds::InvestsInSectors { sectors: shared });
        }
        if let Some(country) = need.country
            && !self.countries.is_empty()
        {
            if !self.countries.contains(&country) {
                return None;
            }
            holds.push(Holds::InvestsInCountry { country });
        }
        Some(holds)
    }
}

fn offers_index(
    offers: &[StoredOffer],
    kind: OfferKind,
    records: &HashMap<Uid, TrackRecord>,
) -> SmallIndex {
    let mut terms = Terms::with_words();
    let mut profiles = Vec::new();
    let mut candidates = Vec::new();
    // Numbered by title, so that equal scores rank alike whatever order
    // the offers were loaded in.
    let mut offers: Vec<&StoredOffer> = offers.iter().filter(|o| o.offer.kind == kind).collect();
    offers.sort_by_cached_key(|o| (o.offer.title.as_str().to_lowercase(), o.uid));
    for offer in offers {
        let record = records.get(&offer.uid).copied().unwrap_or_default();
        profiles.push(Profile {
            // What it is: its keywords, and the topics its title and
            // description name.
            skills: offer
                .offer
                .keywords
                .iter()
                .flat_map(|k| terms.intern(k))
                .collect(),
            topics: {
                let mut topics = terms.intern_text(offer.offer.title.as_str());
                if let Some(description) = &offer.offer.description {
                    topics.extend(terms.intern_text(description.as_str()));
                }
                // And their words, for skills the vocabulary does not know.
                let mut texts: Vec<&str> =
                    offer.offer.keywords.iter().map(|k| k.as_str()).collect();
                texts.push(offer.offer.title.as_str());
                texts.extend(offer.offer.description.as_ref().map(|d| d.as_str()));
                topics.extend(terms.words_of(&texts));
                topics
            },
            sectors: offer.offer.sectors.iter().map(|s| s.code()).collect(),
            languages: Vec::new(),
            countries: offer
                .offer
                .countries
                .iter()
                .map(|&c| country_number(c))
                .collect(),
            available: true,
            matches: record.matches,
            successes: record.successes,
            concluded: record.concluded,
        });
        candidates.push(SmallCandidate {
            candidate: Candidate {
                kind: CandidateKind::Offer,
                uid: offer.uid,
            },
            title: offer.offer.title.to_string(),
            provider: offer.offer.provider,
            countries: offer.offer.countries.clone(),
            readiness: offer.offer.readiness,
            seeks: offer.offer.seeks.clone(),
            sectors: offer.offer.sectors.clone(),
            invests_usd: (offer.offer.invests_from_usd, offer.offer.invests_up_to_usd),
            languages: offer.offer.languages.clone(),
            course: None,
        });
    }
    SmallIndex {
        terms,
        index: Index::new(profiles),
        candidates,
    }
}

fn cohorts_index(mut cohorts: Vec<OpenCohort>, records: &HashMap<Uid, TrackRecord>) -> SmallIndex {
    cohorts.sort_by_cached_key(|c| {
        (
            c.program_name.to_lowercase(),
            c.start.clone(),
            c.name.as_str().to_lowercase(),
            c.uid,
        )
    });
    let mut terms = Terms::with_words();
    let mut profiles = Vec::new();
    let mut candidates = Vec::new();
    for cohort in cohorts {
        let record = records.get(&cohort.uid).copied().unwrap_or_default();
        profiles.push(Profile {
            // What it teaches, as its program's name and description and
            // its own name say.
            skills: Vec::new(),
            topics: {
                let text = format!(
                    "{}\n{}\n{}",
                    cohort.program_name,
                    cohort.name,
                    cohort.description.as_deref().unwrap_or_default()
                );
                let mut topics = terms.intern_text(&text);
                topics.extend(terms.words_of(&[&text]));
                topics
            },
            sectors: cohort.sectors.iter().map(|s| s.code()).collect(),
            languages: Vec::new(),
            countries: cohort
                .countries
                .iter()
                .map(|&c| country_number(c))
                .collect(),
            available: cohort.seats_left != Some(0),
            matches: record.matches,
            successes: record.successes,
            concluded: record.concluded,
        });
        candidates.push(SmallCandidate {
            candidate: Candidate {
                kind: CandidateKind::Cohort,
                uid: cohort.uid,
            },
            title: format!(
                "{} — {} ({})",
                cohort.program_name, cohort.name, cohort.start
            ),
            provider: cohort.organizer,
            countries: cohort.countries,
            readiness: None,
            seeks: Vec::new(),
            sectors: cohort.sectors,
            invests_usd: (None, None),
            languages: Vec::new(),
            course: Some(Course {
                seats_left: cohort.seats_left,
                apply_by: cohort.apply_by,
                mode: cohort.mode,
                languages: cohort.languages,
            }),
        });
    }
    SmallIndex {
        terms,
        index: Index::new(profiles),
        candidates,
    }
}
