//! Many documents at once: reading whole cohorts of profiles and feeds of vacancies, and
//! preparing the profiles, on all cores (one thread on wasm32), each distinct label
//! searched in ESCO once per call (a [`super::memo::LabelMemo`] shared by the threads). Each document gets its
//! own result, in input order, so one bad entry is reported, never silently dropped, and
//! never stops the others.
//!
//! ```
//! use sportello::load::Format;
//! use sportello::matching::Matcher;
//! use sportello::matching::bulk::{Source, load_and_prepare_profiles};
//!
//! let matcher = Matcher::embedded("2026-11-23".parse().unwrap());
//! let ok = "person: {given_name: Anna, family_name: Bo}\nskills: [{label: muletto}]";
//! let sources = [Source { id: "anna", bytes: ok.as_bytes(), format: Some(Format::Yaml) }, Source { id: "bad", bytes: b"[1]", format: None }];
//! let prepared = load_and_prepare_profiles(&matcher, &sources);
//! assert_eq!(prepared[0].as_ref().unwrap().0.id, "anna");
//! assert!(prepared[1].is_err());
//! ```

use super::Matcher;
use super::prepare::PreparedProfile;
use crate::error::Result;
use crate::load::{Format, load_profile, load_vacancy};
use crate::model::{Profile, Vacancy};
use crate::validate::Report;

/// One document to read.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The caller's id for it (a profile's id; for vacancies, only for the caller's
    /// messages: a vacancy's id is its `id` field).
    pub id: &'a str,
    /// Its bytes.
    pub bytes: &'a [u8],
    /// JSON or YAML; `None` guesses from the content ([`Format::sniff`]).
    pub format: Option<Format>,
}

fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(target_arch = "wasm32")]
    {
        items.iter().map(f).collect()
    }
}

/// Reads (with the matcher's "today" for the calendar checks) and prepares profiles;
/// each result has the prepared profile and the warnings of its reading.
pub fn load_and_prepare_profiles(matcher: &Matcher<'_>, sources: &[Source<'_>]) -> Vec<Result<(PreparedProfile, Report)>> {
    let memo = matcher.memo();
    par_map(sources, |s| {
        let loaded = load_profile(s.bytes, s.format.unwrap_or_else(|| Format::sniff(s.bytes)), Some(matcher.today))?;
        Ok((matcher.prepare_profile_with(s.id, &loaded.value, &memo), loaded.report))
    })
}

/// Prepares profiles already read, with their ids, in input order.
pub fn prepare_profiles<K: std::fmt::Display + Sync>(matcher: &Matcher<'_>, people: &[(K, Profile)]) -> Vec<PreparedProfile> {
    let memo = matcher.memo();
    par_map(people, |(id, p)| matcher.prepare_profile_with(&id.to_string(), p, &memo))
}

/// Reads vacancies (with the matcher's "today" for the calendar checks), each with the
/// warnings of its reading; [`super::indexing::add_vacancies`] prepares and indexes them.
pub fn load_vacancies(matcher: &Matcher<'_>, sources: &[Source<'_>]) -> Vec<Result<(Vacancy, Report)>> {
    par_map(sources, |s| {
        let loaded = load_vacancy(s.bytes, s.format.unwrap_or_else(|| Format::sniff(s.bytes)), Some(matcher.today))?;
        Ok((loaded.value, loaded.report))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_input_order_and_bad_entries_are_errors() {
        let matcher = Matcher::embedded("2026-11-23".parse().expect("date"));
        let good = |id: usize| format!(r#"{{"id": "v{id}", "title": "Magazziniere", "essential_skills": [{{"label": "muletto"}}]}}"#);
        let texts: Vec<String> = (0..20).map(|i| if i == 7 { "{\"id\": \"v7\"".to_owned() } else { good(i) }).collect();
        let sources: Vec<Source<'_>> = texts.iter().map(|t| Source { id: "", bytes: t.as_bytes(), format: Some(Format::Json) }).collect();
        let out = load_vacancies(&matcher, &sources);
        assert_eq!(out.len(), 20);
        for (i, r) in out.iter().enumerate() {
            match r {
                Ok((v, _)) => assert_eq!(v.id, format!("v{i}")),
                Err(e) => assert_eq!((i, e.kind()), (7, "syntax")),
            }
        }
    }

    #[test]
    fn profiles_prepared_together_are_those_prepared_one_by_one() {
        let matcher = Matcher::embedded("2026-11-23".parse().expect("date"));
        let yaml = [
            include_str!("../../../tests/fixtures/profiles/amina-migrante.yaml"),
            include_str!("../../../tests/fixtures/profiles/franco-magazziniere-58.yaml"),
            include_str!("../../../tests/fixtures/profiles/rosa-badante.yaml"),
        ];
        // Each twice: the second time, every label comes from the memo.
        let people: Vec<(usize, Profile)> = yaml
            .iter()
            .chain(&yaml)
            .enumerate()
            .map(|(i, y)| (i, load_profile(y.as_bytes(), Format::Yaml, None).expect("a fixture").value))
            .collect();
        let together = prepare_profiles(&matcher, &people);
        let one_by_one: Vec<PreparedProfile> = people.iter().map(|(i, p)| matcher.prepare_profile(&i.to_string(), p)).collect();
        assert_eq!(together, one_by_one);
    }

    #[test]
    fn profiles_get_the_callers_ids() {
        let matcher = Matcher::embedded("2026-11-23".parse().expect("date"));
        let yaml = "person: {given_name: A, family_name: B}\nskills: [{label: pulizie}]";
        let sources = [
            Source { id: "p-1", bytes: yaml.as_bytes(), format: None },
            Source { id: "p-2", bytes: b"person: {given_name: A}", format: None },
        ];
        let out = load_and_prepare_profiles(&matcher, &sources);
        assert_eq!(out[0].as_ref().map(|(p, _)| p.id.as_str()).ok(), Some("p-1"));
        assert_eq!(out[1].as_ref().err().map(|e| e.kind()), Some("invalid"));
    }
}
