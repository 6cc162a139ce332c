//! `Renderer`: a thin handle on the core's Typst [`Renderer`] (fonts, templates, locales
//! loaded once). Renders release the GIL; `render_many` uses all cores.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{PoisonError, RwLock};

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};

use sportello::load::{Format, load_profile};
use sportello::model::{CvOptions, PartialDate, Profile};
use sportello::render::{OutputFormat, PdfConformance, RenderRequest, Rendered, Renderer};

use crate::convert::{self, Docs, Text};
use crate::errors::{Failure, RowFailure, detached, shield, to_py};

/// The CV renderer (see the module docs).
#[pyclass(frozen, module = "sportello._sportello", name = "Renderer")]
pub struct PyRenderer {
    inner: RwLock<Renderer>,
}

/// What to render, as given from Python.
pub(crate) struct Request {
    pub(crate) req: RenderRequest,
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn request(
    template: Option<String>,
    lang: Option<String>,
    format: &str,
    dpi: f32,
    pdf_standard: Option<&str>,
    options: Option<&str>,
    photo: Option<Vec<u8>>,
    today: Option<&str>,
) -> Result<Request, Failure> {
    let format: OutputFormat = format.parse().map_err(|e| Failure::Value(format!("format: {e}")))?;
    let pdf: PdfConformance = match pdf_standard {
        None => PdfConformance::Tagged,
        Some(name) => name.parse().map_err(|e| Failure::Value(format!("pdf_standard: {e}")))?,
    };
    let overrides: CvOptions = match options {
        Some(json) => serde_json::from_str(json).map_err(|e| Failure::Field { path: "options".into(), message: e.to_string() })?,
        None => CvOptions::default(),
    };
    let today: Option<PartialDate> = today.map(convert::today).transpose()?;
    Ok(Request { req: RenderRequest { template, lang, format, dpi, pdf, overrides, photo, today } })
}

fn read_profile(text: &Text, today: Option<PartialDate>) -> Result<Profile, Failure> {
    Ok(load_profile(text.as_bytes(), Format::sniff(text.as_bytes()), today)?.value)
}

pub(crate) fn rendered_to_py<'py>(py: Python<'py>, r: Rendered) -> PyResult<Bound<'py, PyAny>> {
    let files = PyList::new(py, r.files.iter().map(|f| PyBytes::new(py, f)))?;
    Ok((files, r.pages, r.warnings).into_pyobject(py)?.into_any())
}

impl PyRenderer {
    /// The core renderer, for the other bindings that render (`apply`).
    pub(crate) fn renderer(&self) -> std::sync::RwLockReadGuard<'_, Renderer> {
        self.inner.read().unwrap_or_else(PoisonError::into_inner)
    }
}

#[pymethods]
impl PyRenderer {
    /// A renderer with the shipped templates, locales and fonts.
    #[new]
    fn new(py: Python<'_>) -> PyResult<Self> {
        shield(py, || Ok(PyRenderer { inner: RwLock::new(py.detach(Renderer::new)) }))
    }

    /// Adds a user template from its files (path relative to the template folder → text);
    /// it needs a `main.typ`.
    #[pyo3(signature = (name, files, description=""))]
    fn add_template(&self, py: Python<'_>, name: &str, files: BTreeMap<String, String>, description: &str) -> PyResult<()> {
        shield(py, || {
            detached(py, || Ok(self.inner.write().unwrap_or_else(PoisonError::into_inner).add_template(name, description, &files)?))
        })
    }

    /// Adds the user template in a folder (the core reads it: `sportello::render::read_template_dir`).
    fn add_template_dir(&self, py: Python<'_>, name: &str, path: PathBuf, description: &str) -> PyResult<()> {
        shield(py, || {
            detached(py, || Ok(self.inner.write().unwrap_or_else(PoisonError::into_inner).add_template_dir(name, description, &path)?))
        })
    }

    /// The templates: name, description, builtin.
    fn templates<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        shield(py, || {
            let r = self.inner.read().unwrap_or_else(PoisonError::into_inner);
            let list: Vec<_> = r.templates().collect();
            convert::to_py(py, &list)
        })
    }

    /// The locale codes.
    fn locales(&self) -> Vec<String> {
        self.inner.read().unwrap_or_else(PoisonError::into_inner).locales().map(str::to_owned).collect()
    }

    /// The font families templates can use.
    fn fonts(&self) -> Vec<String> {
        self.inner.read().unwrap_or_else(PoisonError::into_inner).fonts()
    }

    /// Renders one profile (JSON or YAML text): `(files, pages, warnings)`.
    #[pyo3(signature = (profile, template=None, lang=None, format="pdf", dpi=144.0, pdf_standard=None, options=None, photo=None, today=None))]
    #[allow(clippy::too_many_arguments)]
    fn render<'py>(
        &self,
        py: Python<'py>,
        profile: Text,
        template: Option<String>,
        lang: Option<String>,
        format: &str,
        dpi: f32,
        pdf_standard: Option<&str>,
        options: Option<&str>,
        photo: Option<Vec<u8>>,
        today: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        shield(py, || {
            let out = detached(py, || {
                let r = request(template, lang, format, dpi, pdf_standard, options, photo, today)?;
                let p = read_profile(&profile, r.req.today)?;
                Ok(self.inner.read().unwrap_or_else(PoisonError::into_inner).render(&p, &r.req)?)
            })?;
            rendered_to_py(py, out)
        })
    }

    /// Renders many profiles `(id, text)` with the same request, on all cores. Returns
    /// one item per profile, in order: `(files, pages, warnings)` or the exception.
    #[pyo3(signature = (docs, template=None, lang=None, format="pdf", dpi=144.0, pdf_standard=None, options=None, today=None, drop_nulls=false))]
    #[allow(clippy::too_many_arguments)]
    fn render_many<'py>(
        &self,
        py: Python<'py>,
        docs: Vec<(String, Text)>,
        template: Option<String>,
        lang: Option<String>,
        format: &str,
        dpi: f32,
        pdf_standard: Option<&str>,
        options: Option<&str>,
        today: Option<&str>,
        drop_nulls: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        shield(py, || {
            let outcomes = detached(py, || {
                let r = request(template, lang, format, dpi, pdf_standard, options, None, today)?;
                let docs = Docs::new(docs, drop_nulls);
                let read: Vec<Result<Profile, sportello::Error>> =
                    docs.sources().iter().map(|s| load_profile(s.bytes, Format::sniff(s.bytes), r.req.today).map(|l| l.value)).collect();
                let good: Vec<Profile> = read.iter().filter_map(|x| x.as_ref().ok().cloned()).collect();
                let mut rendered = self.inner.read().unwrap_or_else(PoisonError::into_inner).render_many(&good, &r.req).into_iter();
                let out: Vec<Result<Rendered, Failure>> = read
                    .into_iter()
                    .enumerate()
                    .map(|(row, x)| match x {
                        Ok(_) => rendered
                            .next()
                            .unwrap_or_else(|| Err(sportello::Error::Render { message: "missing render".into(), hint: None }))
                            .map_err(Failure::Core),
                        Err(e) => Err(Failure::Rows(vec![RowFailure::new(row, docs.id(row), &e)])),
                    })
                    .collect();
                Ok(out)
            })?;
            let items = PyList::empty(py);
            for o in outcomes {
                match o {
                    Ok(r) => items.append(rendered_to_py(py, r)?)?,
                    Err(f) => items.append(to_py(py, f).into_value(py))?,
                }
            }
            Ok(items)
        })
    }
}
