//! Many documents at once: reading and preparing whole cohorts of profiles and feeds of
//! vacancies on all cores (one thread on wasm32). Each document gets its own result, in
//! input order, so one bad entry is reported, never silently dropped, and never stops the
//! others.
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
use super::prepare::{PreparedProfile, PreparedVacancy};
use crate::error::Result;
use crate::load::{Format, load_profile, load_vacancy};
use crate::model::Vacancy;
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
    par_map(sources, |s| {
        let loaded = load_profile(s.bytes, s.format.unwrap_or_else(|| Format::sniff(s.bytes)), Some(matcher.today))?;
        Ok((matcher.prepare_profile(s.id, &loaded.value), loaded.report))
    })
}

/// Reads and prepares vacancies, keeping each vacancy (the index stores it for rebuilds).
pub fn load_and_prepare_vacancies(matcher: &Matcher<'_>, sources: &[Source<'_>]) -> Vec<Result<(Vacancy, PreparedVacancy, Report)>> {
    par_map(sources, |s| {
        let loaded = load_vacancy(s.bytes, s.format.unwrap_or_else(|| Format::sniff(s.bytes)), Some(matcher.today))?;
        let prepared = matcher.prepare_vacancy(&loaded.value);
        Ok((loaded.value, prepared, loaded.report))
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
        let out = load_and_prepare_vacancies(&matcher, &sources);
        assert_eq!(out.len(), 20);
        for (i, r) in out.iter().enumerate() {
            match r {
                Ok((v, p, _)) => {
                    assert_eq!(v.id, format!("v{i}"));
                    assert!(p.essential[0].uri.is_some(), "muletto is placed in ESCO");
                }
                Err(e) => assert_eq!((i, e.kind()), (7, "syntax")),
            }
        }
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
