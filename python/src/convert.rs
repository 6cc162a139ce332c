//! Conversions between Python and the core's types. Data crosses as JSON text: the
//! Python side turns dicts into JSON (`json.dumps`, or `DataFrame.to_json` for tables,
//! which needs no Python loop over rows), and results come back through `json.loads`,
//! which keeps the field order of the core's types.

use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::sync::PyOnceLock;
use pyo3::types::PyString;
use serde::Serialize;

use sportello::matching::Weights;
use sportello::matching::bulk::Source;
use sportello::model::PartialDate;

use crate::failure::Failure;

static JSON_LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Any serialisable value as Python objects, through `json.loads`. The core's types always
/// serialise; should one not, that is a bug, raised as `RuntimeError` (this module stays
/// below `errors`, which uses it).
pub fn to_py<'py, T: Serialize + ?Sized>(py: Python<'py>, v: &T) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(v).map_err(|e| {
        pyo3::exceptions::PyRuntimeError::new_err(format!("internal error: {e} (this is a bug in sportello: please report it)"))
    })?;
    loads(py, &text)
}

fn loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let f = JSON_LOADS.get_or_try_init(py, || py.import("json")?.getattr("loads").map(Bound::unbind))?;
    f.bind(py).call1((PyString::new(py, text),))
}

/// "Today" from `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`); the Python side passes the clock's
/// date or `SPORTELLO_TODAY`.
pub fn today(text: &str) -> Result<PartialDate, Failure> {
    text.parse().map_err(|e| Failure::Value(format!("today: {e}")))
}

/// Weights from JSON text (a dict on the Python side); missing fields keep the default.
pub fn weights(json: Option<&str>) -> Result<Weights, Failure> {
    let Some(json) = json else { return Ok(Weights::default()) };
    let w: Weights = serde_json::from_str(json).map_err(|e| Failure::Field { path: "weights".into(), message: e.to_string() })?;
    w.check().map_err(|m| Failure::Field { path: "weights".into(), message: m })?;
    Ok(w)
}

/// A document's text: `str`, or `bytes` as read from a file (the core then checks that
/// it is UTF-8 and says where it is not).
#[derive(FromPyObject)]
pub enum Text {
    /// Text.
    Str(PyBackedStr),
    /// Bytes.
    Bytes(PyBackedBytes),
}

impl Text {
    /// The bytes of the text.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Text::Str(s) => s.as_bytes(),
            Text::Bytes(b) => b,
        }
    }
}

/// Documents given as `(id, text)`: JSON or YAML text, told apart by the content. Rows of
/// a DataFrame come with `drop_nulls`: a null (NaN, None) cell is an absent field, so the
/// document's top-level nulls are removed before reading; and since a column of whole
/// numbers with an empty cell turns into floats (`1` becomes `1.0`), whole top-level
/// floats are read back as integers (a float field still accepts them).
pub struct Docs {
    items: Vec<(String, Vec<u8>)>,
}

impl Docs {
    /// Prepares the documents; with `drop_nulls`, JSON objects lose their null fields.
    pub fn new(docs: Vec<(String, Text)>, drop_nulls: bool) -> Self {
        let items = docs
            .into_iter()
            .map(|(id, text)| {
                let bytes = text.as_bytes();
                let cleaned = if drop_nulls { std::str::from_utf8(bytes).ok().and_then(without_nulls) } else { None };
                (id, cleaned.unwrap_or_else(|| bytes.to_vec()))
            })
            .collect();
        Docs { items }
    }

    /// The documents as core sources.
    pub fn sources(&self) -> Vec<Source<'_>> {
        self.items.iter().map(|(id, bytes)| Source { id, bytes, format: None }).collect()
    }

    /// The id of the document at `row`.
    pub fn id(&self, row: usize) -> &str {
        self.items.get(row).map_or("", |(id, _)| id.as_str())
    }
}

/// A DataFrame row as a document (see [`Docs`]), or `None` when it needs no change or is
/// not a JSON object (it is then read as it is, and any problem reported by the core).
fn without_nulls(text: &str) -> Option<Vec<u8>> {
    let mut v: serde_json::Value = serde_json::from_str(text).ok()?;
    let o = v.as_object_mut()?;
    let whole = |x: &serde_json::Value| x.as_f64().filter(|f| x.is_f64() && f.fract() == 0.0 && f.abs() < 9.0e15);
    if !o.values().any(|x| x.is_null() || whole(x).is_some()) {
        return None;
    }
    o.retain(|_, x| !x.is_null());
    for x in o.values_mut() {
        if let Some(f) = whole(x) {
            *x = serde_json::Value::from(f as i64);
        }
    }
    serde_json::to_vec(&v).ok()
}

/// `"raise"` or `"skip"`.
pub fn skip_errors(mode: &str) -> Result<bool, Failure> {
    match mode {
        "raise" => Ok(false),
        "skip" => Ok(true),
        other => Err(Failure::Value(format!("errors={other:?} (expected \"raise\" or \"skip\")"))),
    }
}
