//! Match results as columns (one list per column, one row per match), so that the Python
//! side builds a DataFrame in one call, without a loop over rows.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use sportello::matching::MatchResult;
use sportello::matching::score::PartName;

/// The parts of a score, in column order.
const PARTS: [(PartName, &str); 7] = [
    (PartName::EssentialSkills, "credit_essential_skills"),
    (PartName::OptionalSkills, "credit_optional_skills"),
    (PartName::Occupation, "credit_occupation"),
    (PartName::Languages, "credit_languages"),
    (PartName::Education, "credit_education"),
    (PartName::Experience, "credit_experience"),
    (PartName::Distance, "credit_distance"),
];

/// Every column of a match table with its kind (`str`, `int`, `float`, `bool`, `list`),
/// in order; exported to Python as `MATCH_COLUMNS` so that empty tables (e.g. Dask's
/// `meta`) have the same columns and types.
pub fn columns() -> Vec<(&'static str, &'static str)> {
    let mut c = vec![
        ("profile_id", "str"),
        ("rank", "int"),
        ("vacancy_id", "str"),
        ("title", "str"),
        ("score", "float"),
        ("excluded", "bool"),
        ("distance_km", "float"),
    ];
    c.extend(PARTS.iter().map(|(_, name)| (*name, "float")));
    c.extend([("matched", "list"), ("missing", "list"), ("exclusions", "list")]);
    c
}

/// The columns of a table of matches, filled without the GIL.
#[derive(Default)]
pub struct Table {
    profile_id: Vec<String>,
    rank: Vec<usize>,
    vacancy_id: Vec<String>,
    title: Vec<String>,
    score: Vec<f64>,
    excluded: Vec<bool>,
    distance_km: Vec<Option<f64>>,
    credits: [Vec<Option<f64>>; 7],
    matched: Vec<Vec<String>>,
    missing: Vec<Vec<String>>,
    exclusions: Vec<Vec<String>>,
}

impl Table {
    /// One row per result; `rank` is the position within each person's (or vacancy's) list,
    /// from 1.
    pub fn new(groups: &[Vec<MatchResult>]) -> Self {
        let mut t = Table::default();
        for group in groups {
            for (i, r) in group.iter().enumerate() {
                t.profile_id.push(r.profile_id.clone());
                t.rank.push(i + 1);
                t.vacancy_id.push(r.vacancy_id.clone());
                t.title.push(r.title.clone());
                t.score.push(r.score);
                t.excluded.push(r.excluded);
                t.distance_km.push(r.distance_km);
                for (col, (name, _)) in t.credits.iter_mut().zip(PARTS) {
                    col.push(r.parts.iter().find(|p| p.name == name).map(|p| p.credit));
                }
                t.matched.push(r.matched.iter().map(|m| m.required.clone()).collect());
                t.missing.push(r.missing.clone());
                t.exclusions.push(r.exclusions.iter().map(|e| e.reason().to_owned()).collect());
            }
        }
        t
    }

    /// The columns as a dict of lists.
    pub fn into_py(self, py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("profile_id", PyList::new(py, self.profile_id)?)?;
        d.set_item("rank", PyList::new(py, self.rank)?)?;
        d.set_item("vacancy_id", PyList::new(py, self.vacancy_id)?)?;
        d.set_item("title", PyList::new(py, self.title)?)?;
        d.set_item("score", PyList::new(py, self.score)?)?;
        d.set_item("excluded", PyList::new(py, self.excluded)?)?;
        d.set_item("distance_km", PyList::new(py, self.distance_km)?)?;
        for (col, (_, name)) in self.credits.into_iter().zip(PARTS) {
            d.set_item(name, PyList::new(py, col)?)?;
        }
        d.set_item("matched", PyList::new(py, self.matched)?)?;
        d.set_item("missing", PyList::new(py, self.missing)?)?;
        d.set_item("exclusions", PyList::new(py, self.exclusions)?)?;
        Ok(d)
    }
}
