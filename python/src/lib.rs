//! Python binding of Sportello (`sportello._sportello`). It only converts and forwards to
//! the core crate; the Python package `sportello` wraps it with docs, types and
//! DataFrame conversions.
//!
//! - [`failure`]: what a call can fail with; [`errors`]: the core's error kinds as Python
//!   exceptions; panics become `InternalError`.
//! - [`convert`]: JSON text in, `json.loads` out; "today", weights, bulk documents.
//! - [`index`]: `Index` (the vacancy index: add, match, match_batch, candidates, explain,
//!   skill_gaps). [`table`]: match results as columns for DataFrames. In this file: `validate`,
//!   `load`, `explain`, `feed_entries` and `match_feed` (a feed ranked in memory), `redact`.
//! - [`render`]: `Renderer`. [`apply`]: `tailored_cv` and `cover_letter`, a CV and a
//!   letter for one vacancy. [`taxonomy`]: `Taxonomy` and the comuni gazetteer.
//!   [`desk`]: `Desk`, the desk's caseload as tables.
//!
//! Every entry point runs inside [`errors::shield`] and releases the GIL for the work.

mod apply;
mod convert;
mod desk;
mod errors;
mod failure;
mod index;
mod render;
mod table;
mod taxonomy;

use pyo3::prelude::*;

use sportello::feed;
use sportello::load::{Document, Format, load_document, load_profile, load_vacancy};
use sportello::matching::explain::{Explanation, Lang};
use sportello::matching::feed::PreparedFeed;
use sportello::matching::{DEFAULT_TOP, Matcher, PreparedProfile, Weights};
use sportello::model::PartialDate;

use crate::convert::Text;
use crate::errors::{Failure, detached, shield};

fn read(text: &Text, kind: Option<&str>, today: Option<PartialDate>) -> Result<(Document, sportello::validate::Report), Failure> {
    let bytes = text.as_bytes();
    let format = Format::sniff(bytes);
    Ok(match kind {
        None => {
            let l = load_document(bytes, format, today)?;
            (l.value, l.report)
        }
        Some("profile") => {
            let l = load_profile(bytes, format, today)?;
            (Document::Profile(Box::new(l.value)), l.report)
        }
        Some("vacancy") => {
            let l = load_vacancy(bytes, format, today)?;
            (Document::Vacancy(Box::new(l.value)), l.report)
        }
        Some(other) => return Err(Failure::Value(format!("kind={other:?} (expected \"profile\", \"vacancy\" or None)"))),
    })
}

/// Validates a profile or vacancy (JSON or YAML text) and returns its warnings; raises
/// `ValidationError` listing every problem when it has errors. Messages in `lang`.
#[pyfunction]
#[pyo3(signature = (text, kind=None, today=None, lang="en"))]
fn validate<'py>(py: Python<'py>, text: Text, kind: Option<&str>, today: Option<&str>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
    shield(py, || {
        let report = detached(py, || {
            let lang: Lang = lang.parse()?;
            match read(&text, kind, today.map(convert::today).transpose()?) {
                Ok((_, r)) => Ok(r.in_lang(lang)),
                Err(Failure::Core(sportello::Error::Invalid(r))) => Err(Failure::Core(sportello::Error::Invalid(r.in_lang(lang)))),
                Err(f) => Err(f),
            }
        })?;
        convert::to_py(py, &errors::problems_json(&report.problems))
    })
}

/// Reads a profile or vacancy: `{"kind": "profile"|"vacancy", "document": {...},
/// "warnings": [...]}`, the document with every default filled in.
#[pyfunction]
#[pyo3(signature = (text, kind=None, today=None))]
fn load<'py>(py: Python<'py>, text: Text, kind: Option<&str>, today: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
    shield(py, || {
        let (doc, report) = detached(py, || read(&text, kind, today.map(convert::today).transpose()?))?;
        let mut v = serde_json::to_value(&doc).map_err(|e| errors::to_py(py, Failure::Internal(e.to_string())))?;
        if let Some(o) = v.as_object_mut() {
            o.insert("warnings".into(), errors::problems_json(&report.problems));
        }
        let out = serde_json::json!({"kind": v["kind"], "document": v["document"], "warnings": v["warnings"]});
        convert::to_py(py, &out)
    })
}

/// The embedded matcher for `today` with `weights` (JSON text; the defaults when none).
pub(crate) fn matcher(today: &str, weights: Option<&str>) -> Result<Matcher<'static>, Failure> {
    let mut m = Matcher::embedded(convert::today(today)?);
    m.weights = convert::weights(weights)?;
    Ok(m)
}

/// The matcher for `today` with `weights`, and the person's profile (JSON or YAML text)
/// prepared by it.
fn person(profile: &Text, id: &str, today: &str, weights: Option<&str>) -> Result<(Matcher<'static>, PreparedProfile), Failure> {
    let m = matcher(today, weights)?;
    let p = load_profile(profile.as_bytes(), Format::sniff(profile.as_bytes()), Some(m.today))?.value;
    let person = m.prepare_profile(id, &p);
    Ok((m, person))
}

/// Scores one profile against one vacancy (both JSON or YAML text) and explains it in
/// `lang` (it or en): the result dict with its `explanation` (heading, parts, matched,
/// missing, exclusions, hints and the whole `text`).
#[pyfunction]
#[pyo3(signature = (profile, vacancy, today, lang="it", weights=None, profile_id="profile"))]
fn explain<'py>(
    py: Python<'py>,
    profile: Text,
    vacancy: Text,
    today: &str,
    lang: &str,
    weights: Option<&str>,
    profile_id: &str,
) -> PyResult<Bound<'py, PyAny>> {
    shield(py, || {
        let out = detached(py, || {
            let lang: Lang = lang.parse()?;
            let (m, person) = person(&profile, profile_id, today, weights)?;
            let v = load_vacancy(vacancy.as_bytes(), Format::sniff(vacancy.as_bytes()), Some(m.today))?.value;
            let result = m.score(&person, &m.prepare_vacancy(&v));
            Ok(index::Explained { explanation: Explanation::new(&result, lang), result })
        })?;
        convert::to_py(py, &out)
    })
}

/// The entries of a vacancy feed (a JSON array or JSON Lines, read by the core's
/// `sportello::feed`): `[(line, text)]`, each entry's JSON text with the line where it
/// starts; a broken line is kept as written, for the loader to report.
#[pyfunction]
fn feed_entries(py: Python<'_>, data: Text) -> PyResult<Vec<(usize, String)>> {
    shield(py, || {
        detached(py, || {
            let entries = feed::split(data.as_bytes())?;
            Ok(entries.into_iter().map(|e| (e.line, e.text.to_owned())).collect())
        })
    })
}

/// Where the files of a render go: `[target]`, or `stem-1.ext`, `stem-2.ext`... beside it
/// for one file per page (`sportello::render::page_files`, as the command line names them).
#[pyfunction]
fn page_files(target: std::path::PathBuf, n: usize) -> Vec<std::path::PathBuf> {
    sportello::render::page_files(&target, n)
}

/// Whether a file holds a feed (JSON Lines by name, a JSON array by content) rather than
/// one document (`sportello::feed::is_feed`).
#[pyfunction]
fn is_feed(file_name: &str, data: Text) -> bool {
    feed::is_feed(file_name, data.as_bytes())
}

/// Ranks the vacancies of a feed (JSON array or JSON Lines) for one profile in memory, no
/// index: `(matches, problems)`, each match `{vacancy, result, explanation}` with the
/// explanation in `lang`, each problem an entry left out `{index, line, id, message,
/// problems}`.
#[pyfunction]
#[pyo3(signature = (profile, feed_text, today, lang="it", top=DEFAULT_TOP, include_excluded=false, weights=None, profile_id="profile"))]
#[allow(clippy::too_many_arguments)]
fn match_feed<'py>(
    py: Python<'py>,
    profile: Text,
    feed_text: Text,
    today: &str,
    lang: &str,
    top: usize,
    include_excluded: bool,
    weights: Option<&str>,
    profile_id: &str,
) -> PyResult<Bound<'py, PyAny>> {
    shield(py, || {
        let out = detached(py, || {
            let lang: Lang = lang.parse()?;
            let (m, person) = person(&profile, profile_id, today, weights)?;
            let feed = PreparedFeed::new(feed::read(feed_text.as_bytes(), Some(m.today))?, m.taxonomy, m.gazetteer);
            let ranked = feed.rank(&m, &person, top, include_excluded, lang);
            Ok((ranked, feed.problems().to_vec()))
        })?;
        convert::to_py(py, &out)
    })
}

/// A pseudonymised copy of a profile (JSON or YAML text) for analysis
/// (`sportello::redact`): the name becomes a keyed pseudonym; contacts and sensitive data go.
#[pyfunction]
#[pyo3(signature = (profile, key, keep_birth_year=false))]
fn redact<'py>(py: Python<'py>, profile: Text, key: Text, keep_birth_year: bool) -> PyResult<Bound<'py, PyAny>> {
    shield(py, || {
        let copy = detached(py, || {
            let p = load_profile(profile.as_bytes(), Format::sniff(profile.as_bytes()), None)?.value;
            let options = sportello::redact::RedactOptions { key: key.as_bytes().to_vec(), keep_birth_year };
            Ok(sportello::redact::redact(&p, &options)?)
        })?;
        convert::to_py(py, &copy)
    })
}

/// The default weights of the matcher.
#[pyfunction]
fn default_weights(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    convert::to_py(py, &Weights::default())
}

/// For tests of the panic shield only: panics inside the binding, with the GIL released,
/// so that the caller can check it becomes `InternalError`.
#[pyfunction]
fn _provoke_panic(py: Python<'_>, message: &str) -> PyResult<()> {
    shield(py, || {
        detached(py, || -> Result<(), Failure> {
            let parts: Vec<&str> = Vec::new();
            // An out-of-bounds index: a real bug of the kind the shield is for.
            let which = message.len() + parts.len();
            let _ = parts[which];
            Ok(())
        })
    })
}

/// The native module.
#[pymodule]
fn _sportello(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("MATCH_COLUMNS", table::columns())?;
    m.add("DEFAULT_MIN_SIMILARITY", sportello::taxonomy::DEFAULT_MIN_SIMILARITY)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    m.add_function(wrap_pyfunction!(explain, m)?)?;
    m.add_function(wrap_pyfunction!(feed_entries, m)?)?;
    m.add_function(wrap_pyfunction!(is_feed, m)?)?;
    m.add_function(wrap_pyfunction!(page_files, m)?)?;
    m.add_function(wrap_pyfunction!(match_feed, m)?)?;
    m.add("DEFAULT_TOP", DEFAULT_TOP)?;
    m.add("DEFAULT_SEARCH_LIMIT", sportello::taxonomy::DEFAULT_SEARCH_LIMIT)?;
    m.add_function(wrap_pyfunction!(default_weights, m)?)?;
    m.add_function(wrap_pyfunction!(_provoke_panic, m)?)?;
    m.add_function(wrap_pyfunction!(redact, m)?)?;
    m.add_function(wrap_pyfunction!(apply::tailored_cv, m)?)?;
    m.add_function(wrap_pyfunction!(apply::cover_letter, m)?)?;
    m.add_function(wrap_pyfunction!(taxonomy::find_place, m)?)?;
    m.add_function(wrap_pyfunction!(taxonomy::search_places, m)?)?;
    m.add_class::<index::PyIndex>()?;
    m.add_class::<desk::PyDesk>()?;
    m.add_class::<render::PyRenderer>()?;
    m.add_class::<taxonomy::PyTaxonomy>()?;
    Ok(())
}
