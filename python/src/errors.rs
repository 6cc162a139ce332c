//! Errors across the boundary: every core [`sportello::Error`] kind maps to one class of
//! the hierarchy declared in `sportello/_errors.py` (declared in Python for multiple
//! inheritance, e.g. `ValidationError` is also a `ValueError`, and for its docs), and no
//! Rust panic reaches Python: [`shield`] turns one into `InternalError`.
//!
//! | core kind | Python class |
//! |---|---|
//! | `too_large`, `encoding`, `syntax`, `invalid`, `unknown_document` | `ValidationError` |
//! | `unknown_template`, `unknown_locale`, `template`, `render`, `photo` | `RenderError` |
//! | `index` | `SportelloIndexError` |
//! | `data_file`, `missing_data_file`, `pack`, `unknown_concept`, `wrong_concept`, `query_too_long` | `TaxonomyError` |
//! | `unknown_place` | `PlaceError` |
//! | `import`, `unknown_format` | `ImportFormatError` |
//! | `option` (an argument out of range), an unknown `lang` | `ValueError` (see [`Failure`]) |
//! | a desk error (`invalid`, `not_found`, `order`, `conflict`, `forbidden`, `database`, `storage`) | `DeskError` |
//! | a kind added to the core later | `SportelloError` |
//! | a panic | `InternalError` (kind `internal`) |

use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyType};

use sportello::Error;
use sportello::validate::Problem;

pub use crate::failure::{Failure, RowFailure};

/// Problems as dicts, each with `severity`, `path`, `message` and `hint` (None when the
/// core has none).
pub fn problems_json(problems: &[Problem]) -> serde_json::Value {
    serde_json::Value::Array(
        problems
            .iter()
            .map(|p| {
                let mut v = serde_json::to_value(p).unwrap_or_default();
                if let Some(o) = v.as_object_mut() {
                    o.entry("hint").or_insert(serde_json::Value::Null);
                }
                v
            })
            .collect(),
    )
}

/// Runs a binding entry point; a panic anywhere inside (also in code run with the GIL
/// released, or on rayon's threads) becomes `InternalError` instead of crashing Python.
pub fn shield<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(to_py(py, Failure::Internal(format!("internal error: {what}"))))
        }
    }
}

/// Runs `f` with the GIL released, mapping its failure.
pub fn detached<T: Send>(py: Python<'_>, f: impl FnOnce() -> Result<T, Failure> + Send) -> PyResult<T> {
    py.detach(f).map_err(|e| to_py(py, e))
}

/// The Python class for a core error kind (see the module docs).
pub fn class_name(kind: &str) -> &'static str {
    match kind {
        "too_large" | "encoding" | "syntax" | "invalid" | "unknown_document" => "ValidationError",
        "unknown_template" | "unknown_locale" | "template" | "render" | "photo" => "RenderError",
        "index" => "SportelloIndexError",
        "data_file" | "missing_data_file" | "pack" | "unknown_concept" | "wrong_concept" | "query_too_long" => "TaxonomyError",
        "unknown_place" => "PlaceError",
        "import" | "unknown_format" => "ImportFormatError",
        _ => "SportelloError",
    }
}

static ERRORS_MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

fn class<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyType>> {
    let module = ERRORS_MODULE.get_or_try_init(py, || PyModule::import(py, "sportello._errors").map(Bound::unbind))?;
    Ok(module.bind(py).getattr(name)?.cast_into::<PyType>()?)
}

fn build(
    py: Python<'_>,
    class_name: &str,
    message: &str,
    kind: &str,
    hint: Option<String>,
    extra: impl FnOnce(&Bound<'_, PyAny>) -> PyResult<()>,
) -> PyResult<PyErr> {
    let cls = class(py, class_name)?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("kind", kind)?;
    kwargs.set_item("hint", hint)?;
    let err = cls.call((message,), Some(&kwargs))?;
    extra(&err)?;
    Ok(PyErr::from_value(err))
}

/// Converts a failure to the Python exception.
pub fn to_py(py: Python<'_>, f: Failure) -> PyErr {
    let made = match f {
        Failure::Core(e) => {
            let kind = e.kind();
            build(py, class_name(kind), &e.to_string(), kind, e.hint(), |err| {
                match &e {
                    Error::Invalid(report) => err.setattr("problems", crate::convert::to_py(py, &problems_json(&report.problems))?)?,
                    Error::Syntax { line, column, .. } => {
                        err.setattr("line", line)?;
                        err.setattr("column", column)?;
                        let problem = RowFailure::new(0, "", &e).problems.into_iter().map(strip_row).collect::<Vec<_>>();
                        err.setattr("problems", crate::convert::to_py(py, &serde_json::Value::Array(problem))?)?;
                    }
                    Error::UnknownPlace { suggestions, .. } => err.setattr("suggestions", PyList::new(py, suggestions)?)?,
                    _ if class_name(kind) == "ValidationError" => {
                        let problem = RowFailure::new(0, "", &e).problems.into_iter().map(strip_row).collect::<Vec<_>>();
                        err.setattr("problems", crate::convert::to_py(py, &serde_json::Value::Array(problem))?)?;
                    }
                    _ => {}
                }
                Ok(())
            })
        }
        Failure::Rows(rows) => {
            let n = rows.len();
            let first = rows.first().map(|r| format!("row {} ({:?}): {}", r.row, r.id, r.message)).unwrap_or_default();
            let message = if n == 1 { first } else { format!("{n} documents have errors; the first: {first}") };
            let problems: Vec<serde_json::Value> = rows.into_iter().flat_map(|r| r.problems).collect();
            build(
                py,
                "ValidationError",
                &message,
                "invalid",
                Some("fix the rows listed in `problems`, or pass errors=\"skip\" to leave them out".into()),
                |err| err.setattr("problems", crate::convert::to_py(py, &serde_json::Value::Array(problems))?),
            )
        }
        Failure::Value(m) => return PyValueError::new_err(m),
        Failure::Field { path, message } => {
            let problem = serde_json::json!([{"severity": "error", "path": path, "message": message, "hint": null}]);
            build(py, "ValidationError", &format!("{path}: {message}"), "invalid", None, |err| {
                err.setattr("problems", crate::convert::to_py(py, &problem)?)
            })
        }
        Failure::Desk(e) => build(py, "DeskError", &e.to_string(), e.kind.as_str(), None, |err| err.setattr("field", &e.field)),
        Failure::Closed => build(
            py,
            "SportelloIndexError",
            "the index is closed",
            "index",
            Some("open it again with sportello.Index.open(path)".into()),
            |_| Ok(()),
        ),
        Failure::Internal(m) => {
            build(py, "InternalError", &m, "internal", Some("this is a bug in sportello: please report it with the message".into()), |_| {
                Ok(())
            })
        }
    };
    // If even building the exception failed (say, the package is half installed), raise
    // that error: it is still an exception, not a crash.
    made.unwrap_or_else(|e| e)
}

fn strip_row(mut v: serde_json::Value) -> serde_json::Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("row");
        o.remove("id");
    }
    v
}
