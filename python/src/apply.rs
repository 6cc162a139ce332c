//! A CV and a cover letter for one vacancy (the core's `sportello::apply`): the person
//! scored against the vacancy by the embedded matcher, then the CV reordered (and, with a
//! page limit, shortened) or the letter drafted, and rendered by a `Renderer`.

use pyo3::prelude::*;

use sportello::apply::{cover_letter as draft_letter, tailored_cv as tailor_cv};
use sportello::lang::Lang;
use sportello::load::{Format, load_profile, load_vacancy};
use sportello::model::Vacancy;
use sportello::render::RenderRequest;

use crate::convert::{self, Text};
use crate::errors::{Failure, detached, shield};
use crate::render::{PyRenderer, rendered_to_py, request};

/// The vacancy (JSON or YAML text) and the match of the person against it.
fn scored(
    profile: &Text,
    vacancy: &Text,
    today: &str,
) -> Result<(sportello::model::Profile, Vacancy, sportello::matching::MatchResult), Failure> {
    let m = crate::matcher(today, None)?;
    let p = load_profile(profile.as_bytes(), Format::sniff(profile.as_bytes()), Some(m.today))?.value;
    let v = load_vacancy(vacancy.as_bytes(), Format::sniff(vacancy.as_bytes()), Some(m.today))?.value;
    let result = m.score(&m.prepare_profile("profile", &p), &m.prepare_vacancy(&v));
    Ok((p, v, result))
}

/// The CV of `profile` tailored to `vacancy` (both JSON or YAML text): `(files, pages,
/// warnings, changes)`, each change a dict (`path`, `item`, `from`, `to`, `why`).
#[pyfunction]
#[pyo3(signature = (renderer, profile, vacancy, today, lang="it", template=None, format="pdf", dpi=144.0, max_pages=None))]
#[allow(clippy::too_many_arguments)]
pub fn tailored_cv<'py>(
    py: Python<'py>,
    renderer: &PyRenderer,
    profile: Text,
    vacancy: Text,
    today: &str,
    lang: &str,
    template: Option<String>,
    format: &str,
    dpi: f32,
    max_pages: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    shield(py, || {
        let (t, out) = detached(py, || {
            let words: Lang = lang.parse()?;
            if max_pages == Some(0) {
                return Err(Failure::Value("max_pages: at least 1".into()));
            }
            let r = request(template, Some(lang.to_owned()), format, dpi, None, None, None, Some(today))?;
            let (p, v, m) = scored(&profile, &vacancy, today)?;
            Ok(tailor_cv(&renderer.renderer(), &p, &v, &m, &r.req, max_pages, words)?)
        })?;
        let (files, pages, warnings) = rendered_to_py(py, out)?.extract::<(Bound<'py, PyAny>, usize, Vec<String>)>()?;
        let changes = convert::to_py(py, &t.changes)?;
        Ok((files, pages, warnings, changes).into_pyobject(py)?.into_any())
    })
}

/// A cover letter from `profile` for `vacancy` (both JSON or YAML text): `(letter,
/// files, pages)`; `letter` is the letter as data, each paragraph with the template and
/// the profile's fields it came from (or the person's own, from `cover_letters`).
#[pyfunction]
#[pyo3(signature = (renderer, profile, vacancy, today, lang="it", format="pdf", dpi=144.0))]
#[allow(clippy::too_many_arguments)]
pub fn cover_letter<'py>(
    py: Python<'py>,
    renderer: &PyRenderer,
    profile: Text,
    vacancy: Text,
    today: &str,
    lang: &str,
    format: &str,
    dpi: f32,
) -> PyResult<Bound<'py, PyAny>> {
    shield(py, || {
        let (letter, out) = detached(py, || {
            let words: Lang = lang.parse()?;
            let r = request(None, Some(lang.to_owned()), format, dpi, None, None, None, Some(today))?;
            let req = RenderRequest { template: None, ..r.req };
            let (p, v, m) = scored(&profile, &vacancy, today)?;
            let day = convert::today(today)?;
            let letter = draft_letter(&p, &v, &m, day, words);
            let out = renderer.renderer().render_outreach(&letter.document(&p, words), &req)?;
            Ok((letter, out))
        })?;
        let (files, pages, _) = rendered_to_py(py, out)?.extract::<(Bound<'py, PyAny>, usize, Vec<String>)>()?;
        Ok((convert::to_py(py, &letter)?, files, pages).into_pyobject(py)?.into_any())
    })
}
