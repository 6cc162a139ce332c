//! `Desk`: the desk's caseload (an SQLite file) read from Python: whole tables as typed
//! columns for DataFrames, a page of the caseload, a period's report, the audit check, and (when opened for
//! writing, as a named operator) a person's file, whose opening is audited.

use std::path::PathBuf;
use std::sync::Mutex;

use pyo3::prelude::*;
use serde::Serialize;

use sportello::desk::report::{Month, ReportRequest};
use sportello::desk::tables::{TableName, Values};
use sportello::desk::{Desk, Filter, Reader};
use sportello::lang::Lang;

use crate::convert;
use crate::errors::{Failure, detached, shield};

/// The desk's caseload (see the module docs).
#[pyclass(frozen, module = "sportello._sportello", name = "Desk")]
pub struct PyDesk {
    inner: Mutex<Desk>,
    reader: Reader,
    writable: bool,
}

/// One column as Python builds a DataFrame from it.
#[derive(Serialize)]
struct Column<'a> {
    name: &'a str,
    kind: &'static str,
    values: &'a Values,
}

#[pymethods]
impl PyDesk {
    /// Opens the desk database at `path`: for reading only unless `writable` (then
    /// `operator`, the username the audit records, is required). `sensitive` lets protected
    /// path kinds and targets show.
    #[new]
    #[pyo3(signature = (path, writable=false, operator=None, sensitive=false))]
    fn new(py: Python<'_>, path: PathBuf, writable: bool, operator: Option<String>, sensitive: bool) -> PyResult<Self> {
        shield(py, || {
            let username = match (writable, operator) {
                (true, None) => {
                    return Err(crate::errors::to_py(
                        py,
                        Failure::Value("writable=True needs operator= (the username the audit records)".into()),
                    ));
                }
                (_, o) => o.unwrap_or_else(|| "python".into()),
            };
            let desk = detached(py, || Ok(if writable { Desk::open_existing(&path)? } else { Desk::open_read_only(&path)? }))?;
            Ok(PyDesk { inner: Mutex::new(desk), reader: Reader { username, sensitive }, writable })
        })
    }

    /// A whole table (`people`, `paths`, `events`, `appointments`, `outcomes`) as a list of
    /// `{"name", "kind", "values"}` columns (`kind`: `int`, `text` or `bool`).
    fn table<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        shield(py, || {
            let columns = detached(py, || {
                let name: TableName = name.parse().map_err(|e: sportello::wire::UnknownName| Failure::Value(e.to_string()))?;
                Ok(self.desk().table(&self.reader, name)?)
            })?;
            let out: Vec<Column<'_>> = columns.iter().map(|c| Column { name: c.name, kind: c.values.kind(), values: &c.values }).collect();
            convert::to_py(py, &out)
        })
    }

    /// A page of the caseload (paths with their people), most recently active first:
    /// `{"rows": [...], "total": n}`.
    #[pyo3(signature = (desk=None, case_manager=None, kind=None, state=None, target=None, name=None, offset=0, limit=50))]
    #[allow(clippy::too_many_arguments)]
    fn caseload<'py>(
        &self,
        py: Python<'py>,
        desk: Option<String>,
        case_manager: Option<String>,
        kind: Option<&str>,
        state: Option<&str>,
        target: Option<&str>,
        name: Option<String>,
        offset: u32,
        limit: u32,
    ) -> PyResult<Bound<'py, PyAny>> {
        shield(py, || {
            let page = detached(py, || {
                let value = |e: sportello::wire::UnknownName| Failure::Value(e.to_string());
                let filter = Filter {
                    desk,
                    case_manager,
                    kind: kind.map(str::parse).transpose().map_err(value)?,
                    state: state.map(str::parse).transpose().map_err(value)?,
                    target: target.map(str::parse).transpose().map_err(value)?,
                    name,
                    offset,
                    limit,
                    ..Filter::default()
                };
                Ok(self.desk().caseload(&self.reader, &filter)?)
            })?;
            convert::to_py(py, &page)
        })
    }

    /// A person's whole file (by number or codice fiscale); only when opened for writing,
    /// since the opening is recorded in the audit log.
    fn person<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        shield(py, || {
            let file = detached(py, || {
                if !self.writable {
                    return Err(Failure::Value("person files are audited: open the Desk with writable=True and operator=".into()));
                }
                let mut desk = self.desk();
                let id = desk.find_person(key)?;
                Ok(desk.person_file(&self.reader, id)?)
            })?;
            convert::to_py(py, &file)
        })
    }

    /// The report of the months `start` to `end` (`YYYY-MM`), of one desk or every desk,
    /// worded in `lang`: `{"from", "to", "desk", "scope", "lang", "generated_on", "tables":
    /// [{"name", "title", "note"?, "key", "columns", "rows", "total"?,
    /// "small_counts_withheld"}], "notes"}`; a withheld count reads `"<3"` or `"*"`.
    #[pyo3(signature = (start, end, desk=None, lang="it"))]
    fn report<'py>(&self, py: Python<'py>, start: &str, end: &str, desk: Option<String>, lang: &str) -> PyResult<Bound<'py, PyAny>> {
        shield(py, || {
            let report = detached(py, || {
                let lang: Lang = lang.parse().map_err(|e: sportello::lang::UnknownLang| Failure::Value(e.to_string()))?;
                let month = |name: &str, text: &str| -> Result<Month, Failure> {
                    text.parse().map_err(|e: sportello::desk::report::MonthError| Failure::Value(format!("{name}: {}", e.message(lang))))
                };
                let req = ReportRequest { from: month("start", start)?, to: month("end", end)?, desk, lang };
                Ok(self.desk().report(&req)?)
            })?;
            convert::to_py(py, &report)
        })
    }

    /// Walks the audit chain: `{"entries", "head", "broken"?: {"seq", "reason"}}`.
    fn verify_audit<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        shield(py, || {
            let v = detached(py, || Ok(self.desk().verify_audit()?))?;
            convert::to_py(py, &v)
        })
    }
}

impl PyDesk {
    fn desk(&self) -> std::sync::MutexGuard<'_, Desk> {
        self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
