//! What can go wrong in a binding call ([`Failure`]), before it becomes a Python exception
//! in [`crate::errors`]; the converters (`convert.rs`) return it too.

use sportello::Error;
use sportello::validate::Problem;

/// A failure of a binding call, turned into a Python exception once the GIL is held again.
#[derive(Debug)]
pub enum Failure {
    /// An error of the core.
    Core(Error),
    /// Documents read in bulk that had errors: every problem, each tagged with the
    /// document's row (0-based) and id.
    Rows(Vec<RowFailure>),
    /// A bad argument value (a `ValueError`).
    Value(String),
    /// A bad argument that Python should see as a `ValidationError` naming the field.
    Field { path: String, message: String },
    /// The index was closed.
    Closed,
    /// An error of the desk's caseload.
    Desk(sportello::desk::DeskError),
    /// A bug.
    Internal(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        match e {
            // An argument out of range is a `ValueError`, as Python expects.
            Error::InvalidOption { .. } => Failure::Value(e.to_string()),
            e => Failure::Core(e),
        }
    }
}

impl From<sportello::desk::DeskError> for Failure {
    fn from(e: sportello::desk::DeskError) -> Self {
        Failure::Desk(e)
    }
}

impl From<sportello::lang::UnknownLang> for Failure {
    fn from(e: sportello::lang::UnknownLang) -> Self {
        Failure::Value(format!("lang: {e}"))
    }
}

/// One document of a bulk read that could not be used.
#[derive(Debug, serde::Serialize)]
pub struct RowFailure {
    /// Its position in the input, 0-based.
    pub row: usize,
    /// Its id.
    pub id: String,
    /// The core's kind of error.
    pub kind: &'static str,
    /// The error message.
    pub message: String,
    /// Its problems, each with `row` and `id` (a syntax error is one problem at `""`).
    pub problems: Vec<serde_json::Value>,
}

impl RowFailure {
    /// Describes the error of the document at `row`.
    pub fn new(row: usize, id: &str, e: &Error) -> Self {
        let tag = |p: &Problem| {
            let mut v = serde_json::to_value(p).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                o.entry("hint").or_insert(serde_json::Value::Null);
                o.insert("row".into(), row.into());
                o.insert("id".into(), id.into());
            }
            v
        };
        let problems = match e {
            Error::Invalid(r) => r.problems.iter().map(tag).collect(),
            other => vec![tag(&other.to_problem())],
        };
        RowFailure { row, id: id.to_owned(), kind: e.kind(), message: e.to_string(), problems }
    }
}
