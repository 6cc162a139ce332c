//! `Index`: a thin handle on the core's [`VacancyIndex`]. Every call releases the GIL;
//! queries share the index (two Python threads can query at once), writes are one at a
//! time, and a closed index raises `SportelloIndexError`.

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError, RwLock};

use pyo3::prelude::*;
use serde::Serialize;

use sportello::Error;
use sportello::matching::bulk::{self, Source};
use sportello::matching::explain::{Explanation, Lang};
use sportello::matching::gaps::{self, GapGroup};
use sportello::matching::index::VacancyIndex;
use sportello::matching::indexing;
use sportello::matching::{MatchResult, Matcher, PreparedProfile};

use crate::convert::{self, Docs, Text};
use crate::errors::{Failure, RowFailure, detached, shield};
use crate::table::Table;

/// The vacancy index (see the module docs).
#[pyclass(frozen, module = "sportello._sportello", name = "Index")]
pub struct PyIndex {
    inner: RwLock<Option<VacancyIndex>>,
    write: Mutex<()>,
    path: Option<PathBuf>,
}

/// A matcher for one call.
fn matcher(today: &str, weights: Option<&str>) -> Result<Matcher<'static>, Failure> {
    let mut m = Matcher::embedded(convert::today(today)?);
    m.weights = convert::weights(weights)?;
    Ok(m)
}

/// Reads and prepares profiles; bad ones are an error, or skipped and reported.
fn prepare_profiles(m: &Matcher<'_>, docs: &Docs, skip: bool) -> Result<(Vec<PreparedProfile>, Vec<RowFailure>), Failure> {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for (row, r) in bulk::load_and_prepare_profiles(m, &docs.sources()).into_iter().enumerate() {
        match r {
            Ok((p, _)) => ok.push(p),
            Err(e) => bad.push(RowFailure::new(row, docs.id(row), &e)),
        }
    }
    if !bad.is_empty() && !skip {
        return Err(Failure::Rows(bad));
    }
    Ok((ok, bad))
}

/// One profile, read and prepared (its errors raised as they are).
fn prepare_one(m: &Matcher<'_>, id: &str, text: &Text) -> Result<PreparedProfile, Failure> {
    let source = Source { id, bytes: text.as_bytes(), format: None };
    let mut out = bulk::load_and_prepare_profiles(m, &[source]);
    match out.pop() {
        Some(r) => Ok(r?.0),
        None => Err(Failure::Internal("no profile read".into())),
    }
}

fn no_vacancy(id: &str) -> Failure {
    Failure::Core(Error::Index {
        message: format!("no vacancy {id:?} in the index"),
        hint: Some("add it with Index.add, or check the id with Index.get".into()),
    })
}

/// What `add` did.
#[derive(Serialize)]
struct Added {
    added: usize,
    vacancies: u64,
    unplaced: usize,
    skipped: Vec<RowFailure>,
}

/// An explained match.
#[derive(Serialize)]
pub struct Explained {
    #[serde(flatten)]
    pub result: MatchResult,
    pub explanation: Explanation,
}

impl PyIndex {
    fn wrap(index: VacancyIndex, path: Option<PathBuf>) -> Self {
        PyIndex { inner: RwLock::new(Some(index)), write: Mutex::new(()), path }
    }

    /// Runs `f` on the open index.
    fn with<T>(&self, f: impl FnOnce(&VacancyIndex) -> Result<T, Failure>) -> Result<T, Failure> {
        let guard = self.inner.read().unwrap_or_else(PoisonError::into_inner);
        f(guard.as_ref().ok_or(Failure::Closed)?)
    }
}

#[pymethods]
impl PyIndex {
    /// Creates an empty index in a new or empty folder.
    #[staticmethod]
    fn create(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        shield(py, || detached(py, || Ok(Self::wrap(VacancyIndex::create(&path)?, Some(path)))))
    }

    /// Opens an index; a missing, damaged or other-version index raises.
    #[staticmethod]
    fn open(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        shield(py, || detached(py, || Ok(Self::wrap(VacancyIndex::open(&path)?, Some(path)))))
    }

    /// Opens the index in `path`, or creates it when the folder is missing or empty.
    #[staticmethod]
    fn open_or_create(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        shield(py, || detached(py, || Ok(Self::wrap(VacancyIndex::open_or_create(&path)?, Some(path)))))
    }

    /// An index in memory.
    #[staticmethod]
    fn in_memory(py: Python<'_>) -> PyResult<Self> {
        shield(py, || detached(py, || Ok(Self::wrap(VacancyIndex::in_ram()?, None))))
    }

    /// The folder, or None in memory.
    #[getter]
    fn path(&self) -> Option<PathBuf> {
        self.path.clone()
    }

    /// Whether `close` was called.
    #[getter]
    fn closed(&self) -> bool {
        self.inner.read().unwrap_or_else(PoisonError::into_inner).is_none()
    }

    /// Closes the index; later calls raise.
    fn close(&self, py: Python<'_>) {
        py.detach(|| {
            let _w = self.write.lock().unwrap_or_else(PoisonError::into_inner);
            *self.inner.write().unwrap_or_else(PoisonError::into_inner) = None;
        });
    }

    /// Adds (or replaces, by id) vacancies `(id, text)` and commits.
    #[pyo3(signature = (docs, today, drop_nulls=false, errors="raise", commit_every=100_000))]
    fn add<'py>(
        &self,
        py: Python<'py>,
        docs: Vec<(String, Text)>,
        today: &str,
        drop_nulls: bool,
        errors: &str,
        commit_every: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        shield(py, || {
            let out = detached(py, || {
                let skip = convert::skip_errors(errors)?;
                let m = matcher(today, None)?;
                let docs = Docs::new(docs, drop_nulls);
                let mut ok = Vec::new();
                let mut skipped = Vec::new();
                for (row, r) in bulk::load_vacancies(&m, &docs.sources()).into_iter().enumerate() {
                    match r {
                        Ok((v, _)) => ok.push(v),
                        Err(e) => skipped.push(RowFailure::new(row, docs.id(row), &e)),
                    }
                }
                if !skipped.is_empty() && !skip {
                    return Err(Failure::Rows(skipped));
                }
                let _w = self.write.lock().unwrap_or_else(PoisonError::into_inner);
                self.with(|idx| {
                    let added = indexing::add_vacancies(idx, &m, &ok, commit_every, |_| ())?;
                    Ok(Added { added: added.vacancies, vacancies: idx.stats()?.vacancies, unplaced: added.unplaced, skipped })
                })
            })?;
            convert::to_py(py, &out)
        })
    }

    /// Removes vacancies by id (ids not present are ignored) and commits; returns how
    /// many vacancies are left.
    fn remove(&self, py: Python<'_>, ids: Vec<String>) -> PyResult<u64> {
        shield(py, || {
            detached(py, || {
                let _w = self.write.lock().unwrap_or_else(PoisonError::into_inner);
                self.with(|idx| {
                    let mut w = idx.writer()?;
                    for id in &ids {
                        w.remove(id);
                    }
                    w.commit()?;
                    Ok(idx.stats()?.vacancies)
                })
            })
        })
    }

    /// Statistics: vacancies, bytes, segments, schema_version.
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        shield(py, || {
            let s = detached(py, || self.with(|idx| Ok(idx.stats()?)))?;
            convert::to_py(py, &s)
        })
    }

    /// The prepared vacancy with this id, or None.
    fn get<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        shield(py, || {
            let v = detached(py, || self.with(|idx| Ok(idx.get(id)?)))?;
            convert::to_py(py, &v)
        })
    }

    /// Every vacancy stored, as given.
    fn vacancies<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        shield(py, || {
            let v = detached(py, || self.with(|idx| Ok(idx.vacancies()?)))?;
            convert::to_py(py, &v)
        })
    }

    /// Rebuilds the index from the vacancies it stores; returns the count.
    fn reindex(&self, py: Python<'_>, today: &str) -> PyResult<u64> {
        shield(py, || {
            detached(py, || {
                let Some(path) = self.path.clone() else {
                    return Err(Failure::Core(Error::Index {
                        message: "an index in memory cannot be rebuilt".into(),
                        hint: Some("build a new one with Index.build".into()),
                    }));
                };
                let m = matcher(today, None)?;
                let _w = self.write.lock().unwrap_or_else(PoisonError::into_inner);
                let mut slot = self.inner.write().unwrap_or_else(PoisonError::into_inner);
                if slot.is_none() {
                    return Err(Failure::Closed);
                }
                *slot = None;
                let rebuilt = VacancyIndex::rebuild(&path, |v| m.prepare_vacancy(v));
                let reopened = VacancyIndex::open(&path);
                *slot = reopened.ok();
                Ok(rebuilt?)
            })
        })
    }

    /// The best vacancies for one profile, as result dicts.
    #[pyo3(signature = (profile, today, top=10, include_excluded=false, weights=None))]
    fn match_profile<'py>(
        &self,
        py: Python<'py>,
        profile: (String, Text),
        today: &str,
        top: usize,
        include_excluded: bool,
        weights: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        shield(py, || {
            let results = detached(py, || {
                let m = matcher(today, weights)?;
                let p = prepare_one(&m, &profile.0, &profile.1)?;
                self.with(|idx| Ok(m.vacancies_for(idx, &p, top, include_excluded)?))
            })?;
            convert::to_py(py, &results)
        })
    }

    /// `top` matches for each profile, on all cores: `(table, skipped)` where the table
    /// is a dict of columns, or a list of result dicts with `records`.
    #[pyo3(signature = (docs, today, top=10, weights=None, drop_nulls=false, errors="raise", records=false))]
    #[allow(clippy::too_many_arguments)]
    fn match_batch<'py>(
        &self,
        py: Python<'py>,
        docs: Vec<(String, Text)>,
        today: &str,
        top: usize,
        weights: Option<&str>,
        drop_nulls: bool,
        errors: &str,
        records: bool,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        shield(py, || {
            let (results, skipped) = detached(py, || {
                let skip = convert::skip_errors(errors)?;
                let m = matcher(today, weights)?;
                let docs = Docs::new(docs, drop_nulls);
                let (profiles, skipped) = prepare_profiles(&m, &docs, skip)?;
                let results = self.with(|idx| Ok(m.batch(idx, &profiles, top, &|| {})?))?;
                Ok((results, skipped))
            })?;
            let skipped = convert::to_py(py, &skipped)?;
            if records {
                let flat: Vec<&MatchResult> = results.iter().flatten().collect();
                return Ok((convert::to_py(py, &flat)?, skipped));
            }
            let table = py.detach(|| Table::new(&results));
            Ok((table.into_py(py)?.into_any(), skipped))
        })
    }

    /// The best people among `docs` for a vacancy of the index.
    #[pyo3(signature = (vacancy_id, docs, today, top=10, include_excluded=false, weights=None, drop_nulls=false, errors="raise"))]
    #[allow(clippy::too_many_arguments)]
    fn candidates<'py>(
        &self,
        py: Python<'py>,
        vacancy_id: &str,
        docs: Vec<(String, Text)>,
        today: &str,
        top: usize,
        include_excluded: bool,
        weights: Option<&str>,
        drop_nulls: bool,
        errors: &str,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        shield(py, || {
            let (results, skipped) = detached(py, || {
                let skip = convert::skip_errors(errors)?;
                let m = matcher(today, weights)?;
                let v = self.with(|idx| idx.get(vacancy_id)?.ok_or_else(|| no_vacancy(vacancy_id)))?;
                let docs = Docs::new(docs, drop_nulls);
                let (profiles, skipped) = prepare_profiles(&m, &docs, skip)?;
                Ok((m.profiles_for(&v, &profiles, top, include_excluded), skipped))
            })?;
            Ok((convert::to_py(py, &results)?, convert::to_py(py, &skipped)?))
        })
    }

    /// One profile against one vacancy of the index, explained in `lang` (it or en).
    #[pyo3(signature = (profile, vacancy_id, today, lang="it", weights=None))]
    fn explain<'py>(
        &self,
        py: Python<'py>,
        profile: (String, Text),
        vacancy_id: &str,
        today: &str,
        lang: &str,
        weights: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        shield(py, || {
            let out = detached(py, || {
                let lang: Lang = lang.parse()?;
                let m = matcher(today, weights)?;
                let v = self.with(|idx| idx.get(vacancy_id)?.ok_or_else(|| no_vacancy(vacancy_id)))?;
                let p = prepare_one(&m, &profile.0, &profile.1)?;
                let result = m.score(&p, &v);
                Ok(Explained { explanation: Explanation::new(&result, lang), result })
            })?;
            convert::to_py(py, &out)
        })
    }

    /// The essential skills a cohort lacks most across its `top` matches each, grouped
    /// by `by` (all, occupation, comune): `(rows, skipped)`.
    #[pyo3(signature = (docs, today, by="all", top=10, weights=None, drop_nulls=false, errors="raise"))]
    #[allow(clippy::too_many_arguments)]
    fn skill_gaps<'py>(
        &self,
        py: Python<'py>,
        docs: Vec<(String, Text)>,
        today: &str,
        by: &str,
        top: usize,
        weights: Option<&str>,
        drop_nulls: bool,
        errors: &str,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        shield(py, || {
            let (rows, skipped) = detached(py, || {
                let skip = convert::skip_errors(errors)?;
                let by = GapGroup::parse(by)
                    .ok_or_else(|| Failure::Value(format!("by={by:?} (expected \"all\", \"occupation\" or \"comune\")")))?;
                let m = matcher(today, weights)?;
                let docs = Docs::new(docs, drop_nulls);
                let (profiles, skipped) = prepare_profiles(&m, &docs, skip)?;
                let rows = self.with(|idx| Ok(gaps::cohort_gaps(&m, idx, &profiles, top, by)?))?;
                Ok((rows, skipped))
            })?;
            Ok((convert::to_py(py, &rows)?, convert::to_py(py, &skipped)?))
        })
    }

    fn __repr__(&self) -> String {
        let state = if self.closed() { ", closed" } else { "" };
        match &self.path {
            Some(p) => format!("Index({:?}{state})", p.display().to_string()),
            None => format!("Index(in memory{state})"),
        }
    }
}
