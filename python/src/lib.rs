//! Python binding of Sportello (`sportello._sportello`). It only converts and forwards to
//! the core crate; the Python package `sportello` wraps it with docs and types.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

pyo3::create_exception!(_sportello, SportelloError, pyo3::exceptions::PyException, "Base class of every Sportello error.");
pyo3::create_exception!(_sportello, ValidationError, SportelloError, "A profile or vacancy breaks the data model.");

/// Validates a profile or vacancy (JSON or YAML text) and returns the list of problems as
/// JSON text; raises `ValidationError` (with the problems as JSON in `args[1]`) when it
/// has errors.
#[pyfunction]
fn validate(py: Python<'_>, text: &str) -> PyResult<String> {
    let format = sportello::load::Format::sniff(text.as_bytes());
    let result = py.detach(|| sportello::load::load_document(text.as_bytes(), format, None));
    match result {
        Ok(l) => serde_json::to_string(&l.report.problems).map_err(|e| PyValueError::new_err(e.to_string())),
        Err(sportello::Error::Invalid(r)) => {
            let problems = serde_json::to_string(&r.problems).unwrap_or_default();
            Err(ValidationError::new_err((r.to_string(), problems)))
        }
        Err(e) => Err(SportelloError::new_err(e.to_string())),
    }
}

/// The native module.
#[pymodule]
fn _sportello(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SportelloError", m.py().get_type::<SportelloError>())?;
    m.add("ValidationError", m.py().get_type::<ValidationError>())?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    Ok(())
}
