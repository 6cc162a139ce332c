//! A vacancy feed held in memory and ranked for one person at a time, without an index:
//! the widget's matches, `sportello match --feed` and Python's `match_feed`.
//!
//! The feed is read ([`crate::feed`]) and prepared once; each ranking scores every vacancy
//! with the one scorer and explains the results in the language asked for.

use serde::Serialize;

use super::explain::{Explanation, Lang};
use super::memo::LabelMemo;
use super::prepare::prepare_vacancy_with;
use super::{MatchResult, Matcher, PreparedProfile, PreparedVacancy};
use crate::feed::{Feed, FeedProblem};
use crate::geo::Gazetteer;
use crate::model::Vacancy;
use crate::taxonomy::Taxonomy;

/// A feed's vacancies, prepared for scoring, and the entries left out.
#[derive(Debug, Clone, Default)]
pub struct PreparedFeed {
    vacancies: Vec<Vacancy>,
    prepared: Vec<PreparedVacancy>,
    problems: Vec<FeedProblem>,
}

/// A vacancy of the feed ranked for the person.
#[derive(Debug, Clone, Serialize)]
pub struct Ranked {
    /// The vacancy as published.
    pub vacancy: Vacancy,
    /// The score with its parts and evidence.
    pub result: MatchResult,
    /// The same in words.
    pub explanation: Explanation,
}

impl PreparedFeed {
    /// Prepares a feed read by [`crate::feed::read`] (no date needed: "today" only
    /// matters when scoring).
    pub fn new(feed: Feed, taxonomy: &Taxonomy, gazetteer: &Gazetteer) -> PreparedFeed {
        // A feed repeats its labels: each distinct one is searched once.
        let memo = LabelMemo::new(taxonomy);
        let (vacancies, prepared) = feed
            .vacancies
            .into_iter()
            .map(|v| {
                let prepared = prepare_vacancy_with(&v.vacancy, taxonomy, gazetteer, Some(&memo));
                (v.vacancy, prepared)
            })
            .unzip();
        PreparedFeed { vacancies, prepared, problems: feed.problems }
    }

    /// How many vacancies can be ranked.
    pub fn len(&self) -> usize {
        self.vacancies.len()
    }

    /// Whether no vacancy can be ranked.
    pub fn is_empty(&self) -> bool {
        self.vacancies.is_empty()
    }

    /// The entries of the feed left out.
    pub fn problems(&self) -> &[FeedProblem] {
        &self.problems
    }

    /// The first vacancy of the feed with id `id` and the person's match with it.
    pub fn score(&self, matcher: &Matcher<'_>, person: &PreparedProfile, id: &str) -> Option<(&Vacancy, MatchResult)> {
        let i = self.vacancies.iter().position(|v| v.id == id)?;
        Some((&self.vacancies[i], matcher.score(person, &self.prepared[i])))
    }

    /// The best `top` vacancies for a person (see [`Matcher::vacancies_in`]), explained in
    /// `lang`.
    pub fn rank(&self, matcher: &Matcher<'_>, person: &PreparedProfile, top: usize, include_excluded: bool, lang: Lang) -> Vec<Ranked> {
        matcher
            .vacancies_in(person, &self.prepared, top, include_excluded)
            .into_iter()
            .map(|(i, result)| Ranked { vacancy: self.vacancies[i].clone(), explanation: Explanation::new(&result, lang), result })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::load::{Format, load_profile};
    use crate::model::PartialDate;

    #[test]
    fn ranks_a_feed_with_explanations_and_keeps_repeated_ids_apart() {
        let today: PartialDate = "2026-11-23".parse().unwrap();
        let line = include_str!("../../../tests/fixtures/vacancies.jsonl").lines().next().unwrap();
        let text = format!("{line}\n{line}\n");
        let matcher = Matcher::embedded(today);
        let feed = PreparedFeed::new(crate::feed::read(text.as_bytes(), None).unwrap(), matcher.taxonomy, matcher.gazetteer);
        let yaml = include_str!("../../../tests/fixtures/profiles/giulia-tirocinio.yaml");
        let me = matcher.prepare_profile("me", &load_profile(yaml.as_bytes(), Format::Yaml, None).unwrap().value);
        let ranked = feed.rank(&matcher, &me, 10, true, Lang::It);
        assert_eq!(ranked.len(), 2, "the same id twice is two entries");
        assert_eq!(ranked[0].result.score, ranked[1].result.score);
        assert!(ranked[0].explanation.text.starts_with(&ranked[0].explanation.heading));
        assert_eq!(feed.rank(&matcher, &me, 1, true, Lang::En).len(), 1);
    }
}
