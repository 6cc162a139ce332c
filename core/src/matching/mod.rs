//! Matching people and vacancies, in two stages so that every score can be explained
//! and the browser gets the same answers:
//! 1. retrieve ([`index`], native only): a Tantivy index of vacancies on disk, queried
//!    with the person's ESCO skills and occupations, filtered by place and date;
//! 2. score ([`score`]): one plain-Rust scorer of (profile, vacancy) with named parts,
//!    evidence and exclusions, explained in Italian and English ([`explain`]).
//!
//! [`Matcher`] ties the reference data, the weights and "today" together.

pub mod bulk;
#[cfg(feature = "index")]
mod candidates;
pub mod explain;
pub mod feed;
pub mod gaps;
#[cfg(feature = "index")]
pub mod index;
#[cfg(feature = "index")]
pub mod indexing;
pub mod memo;
pub mod prepare;
pub mod score;
#[cfg(feature = "index")]
mod stem_memo;
pub mod weights;

use crate::geo::Gazetteer;
use crate::model::{PartialDate, Profile, Vacancy};
use crate::taxonomy::Taxonomy;
pub use memo::LabelMemo;
pub use prepare::{PreparedProfile, PreparedVacancy};
pub use score::{MatchResult, licence_covers};
pub use weights::Weights;

/// How many matches are shown unless told otherwise, in every binding.
pub const DEFAULT_TOP: usize = 10;

/// Scores with given reference data, weights and date.
pub struct Matcher<'a> {
    /// ESCO.
    pub taxonomy: &'a Taxonomy,
    /// Comuni.
    pub gazetteer: &'a Gazetteer,
    /// Weights.
    pub weights: Weights,
    /// Today, for expiry and ongoing jobs.
    pub today: PartialDate,
}

impl<'a> Matcher<'a> {
    /// A matcher on the embedded taxonomy and gazetteer with default weights.
    pub fn embedded(today: PartialDate) -> Matcher<'static> {
        Matcher { taxonomy: Taxonomy::embedded(), gazetteer: Gazetteer::embedded(), weights: Weights::default(), today }
    }

    /// Prepares a profile (see [`prepare::prepare_profile`]).
    pub fn prepare_profile(&self, id: &str, p: &Profile) -> PreparedProfile {
        prepare::prepare_profile(id, p, self.taxonomy, self.gazetteer, self.today)
    }

    /// Prepares a vacancy (see [`prepare::prepare_vacancy`]).
    pub fn prepare_vacancy(&self, v: &Vacancy) -> PreparedVacancy {
        prepare::prepare_vacancy(v, self.taxonomy, self.gazetteer)
    }

    /// Prepares a profile, placing its labels through a memo of the matcher's taxonomy
    /// (see [`memo`]): many profiles share their labels.
    pub fn prepare_profile_with(&self, id: &str, p: &Profile, memo: &LabelMemo<'_>) -> PreparedProfile {
        prepare::prepare_profile_with(id, p, self.taxonomy, self.gazetteer, self.today, Some(memo))
    }

    /// Prepares a vacancy, placing its labels through a memo of the matcher's taxonomy.
    pub fn prepare_vacancy_with(&self, v: &Vacancy, memo: &LabelMemo<'_>) -> PreparedVacancy {
        prepare::prepare_vacancy_with(v, self.taxonomy, self.gazetteer, Some(memo))
    }

    /// A new, empty memo of label lookups in the matcher's taxonomy.
    pub fn memo(&self) -> LabelMemo<'a> {
        LabelMemo::new(self.taxonomy)
    }

    /// Scores one pair.
    pub fn score(&self, p: &PreparedProfile, v: &PreparedVacancy) -> MatchResult {
        score::score(p, v, self.taxonomy, &self.weights, self.today)
    }

    /// The best `top` vacancies of the index for a person: retrieves a few hundred
    /// candidates, scores them all, ranks them. Excluded vacancies come after the eligible
    /// ones and only when `include_excluded` is set.
    #[cfg(feature = "index")]
    pub fn vacancies_for(
        &self,
        index: &index::VacancyIndex,
        p: &PreparedProfile,
        top: usize,
        include_excluded: bool,
    ) -> crate::Result<Vec<MatchResult>> {
        let filters = index::Filters {
            today: (!include_excluded).then_some(self.today),
            within_commute: !include_excluded,
            default_commute_km: self.weights.default_commute_km,
        };
        let candidates = index.retrieve(p, index::DEFAULT_RETRIEVE.max(top * 5), &filters)?;
        Ok(self.rank_candidates(p, &candidates, top, include_excluded))
    }

    /// [`Matcher::vacancies_for`] for many people at once, on all cores; results in the
    /// order of `profiles`.
    #[cfg(feature = "index")]
    pub fn batch(
        &self,
        index: &index::VacancyIndex,
        profiles: &[PreparedProfile],
        top: usize,
        on_done: &(dyn Fn() + Sync),
    ) -> crate::Result<Vec<Vec<MatchResult>>> {
        use rayon::prelude::*;
        profiles
            .par_iter()
            .map(|p| {
                let r = self.vacancies_for(index, p, top, false);
                on_done();
                r
            })
            .collect()
    }

    /// The best `top` of a person's candidates (from [`index::VacancyIndex::retrieve`]),
    /// ranked as [`Matcher::rank`] does; excluded ones only with `include_excluded`. Every
    /// candidate is scored without evidence first, on all cores (a chunk per thread, each
    /// with its own memo of the person's skills); only the best are then scored in full.
    #[cfg(feature = "index")]
    pub fn rank_candidates(
        &self,
        p: &PreparedProfile,
        candidates: &[std::sync::Arc<PreparedVacancy>],
        top: usize,
        include_excluded: bool,
    ) -> Vec<MatchResult> {
        use rayon::prelude::*;
        let score_all = |vs: &[&PreparedVacancy], detail| -> Vec<MatchResult> {
            vs.par_iter()
                // One chunk per thread: each chunk works out the person's skills afresh.
                .with_min_len(vs.len().div_ceil(rayon::current_num_threads()).max(1))
                .map_init(
                    || score::PersonSkills::new(p, self.taxonomy),
                    |have, v| score::score_with(have, v, self.taxonomy, &self.weights, self.today, detail),
                )
                .collect()
        };
        let all: Vec<&PreparedVacancy> = candidates.iter().map(|v| &**v).collect();
        let mut order: Vec<(MatchResult, &PreparedVacancy)> = score_all(&all, score::Detail::Rank).into_iter().zip(all).collect();
        order.sort_by(|a, b| compare_results(&a.0, &b.0));
        let best: Vec<&PreparedVacancy> =
            order.into_iter().filter(|(r, _)| include_excluded || !r.excluded).take(top).map(|(_, v)| v).collect();
        let mut results = score_all(&best, score::Detail::Full);
        sort_results(&mut results);
        results
    }

    /// The best `top` people for a vacancy among `profiles`, ranked the same way.
    pub fn profiles_for<'b>(
        &self,
        v: &'b PreparedVacancy,
        profiles: &'b [PreparedProfile],
        top: usize,
        include_excluded: bool,
    ) -> Vec<MatchResult> {
        let mut results = self.rank(profiles.iter().map(|p| (p, v)));
        if !include_excluded {
            results.retain(|r| !r.excluded);
        }
        results.truncate(top);
        results
    }

    /// The best `top` of a feed's vacancies for a person, held in memory (no index), ranked
    /// as [`Matcher::rank`] does; excluded ones only with `include_excluded`. Each result
    /// comes with its vacancy's position in `vacancies`, since ids may repeat in a feed.
    pub fn vacancies_in(
        &self,
        p: &PreparedProfile,
        vacancies: &[PreparedVacancy],
        top: usize,
        include_excluded: bool,
    ) -> Vec<(usize, MatchResult)> {
        let mut have = score::PersonSkills::new(p, self.taxonomy);
        let mut results: Vec<(usize, MatchResult)> = vacancies
            .iter()
            .enumerate()
            .map(|(i, v)| (i, score::score_with(&mut have, v, self.taxonomy, &self.weights, self.today, score::Detail::Full)))
            .filter(|(_, r)| include_excluded || !r.excluded)
            .collect();
        results.sort_by(|a, b| compare_results(&a.1, &b.1).then(a.0.cmp(&b.0)));
        results.truncate(top);
        results
    }

    /// Scores many pairs and ranks them: eligible first by score, then excluded ones;
    /// ties broken by vacancy id, then profile id, so the order is stable.
    pub fn rank<'b>(&self, pairs: impl IntoIterator<Item = (&'b PreparedProfile, &'b PreparedVacancy)>) -> Vec<MatchResult> {
        // One person's skills serve all their pairs in a row (a person's vacancies).
        let mut have: Option<score::PersonSkills<'b>> = None;
        let mut results: Vec<MatchResult> = pairs
            .into_iter()
            .map(|(p, v)| {
                let h = match have.take() {
                    Some(h) if std::ptr::eq(h.person(), p) => h,
                    _ => score::PersonSkills::new(p, self.taxonomy),
                };
                score::score_with(have.insert(h), v, self.taxonomy, &self.weights, self.today, score::Detail::Full)
            })
            .collect();
        sort_results(&mut results);
        results
    }
}

/// Sorts results: eligible before excluded, higher score first, then by ids.
pub fn sort_results(results: &mut [MatchResult]) {
    results.sort_by(compare_results);
}

/// The order of [`sort_results`].
fn compare_results(a: &MatchResult, b: &MatchResult) -> std::cmp::Ordering {
    a.excluded
        .cmp(&b.excluded)
        .then(b.score.total_cmp(&a.score))
        .then_with(|| a.vacancy_id.cmp(&b.vacancy_id))
        .then_with(|| a.profile_id.cmp(&b.profile_id))
}
