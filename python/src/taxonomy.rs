//! `Taxonomy` (a thin handle on the core's ESCO [`Taxonomy`]) and the comuni gazetteer.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use pyo3::prelude::*;
use serde::Serialize;

use sportello::geo::Gazetteer;
use sportello::lang::Lang;
use sportello::taxonomy::normalise::{normalise_occupation, normalise_skill};
use sportello::taxonomy::{ConceptKind, DEFAULT_MIN_SIMILARITY, DEFAULT_SEARCH_LIMIT, Label, RelationType, SearchOptions, Taxonomy};

use crate::convert;
use crate::errors::{Failure, detached, shield};

enum Held {
    Embedded(&'static Taxonomy),
    Owned(Box<Taxonomy>),
}

/// An ESCO taxonomy: the embedded one (English, with Sportello's Italian synonyms), or
/// one read from the official ESCO CSV download.
#[pyclass(frozen, module = "sportello._sportello", name = "Taxonomy")]
pub struct PyTaxonomy {
    held: Held,
}

impl PyTaxonomy {
    fn tax(&self) -> &Taxonomy {
        match &self.held {
            Held::Embedded(t) => t,
            Held::Owned(t) => t,
        }
    }
}

/// The ESCO CSV files of a folder (plain or gzipped: the core tries both names).
fn folder_source(dir: &Path) -> impl Fn(&str) -> io::Result<Option<Box<dyn Read>>> + '_ {
    move |name: &str| match std::fs::File::open(dir.join(name)) {
        Ok(f) => Ok(Some(Box::new(io::BufReader::new(f)) as Box<dyn Read>)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

fn kind(kind: &str) -> Result<ConceptKind, Failure> {
    match kind {
        "skill" | "skills" => Ok(ConceptKind::Skill),
        "occupation" | "occupations" => Ok(ConceptKind::Occupation),
        other => Err(Failure::Value(format!("kind={other:?} (expected \"skill\" or \"occupation\")"))),
    }
}

/// A concept as a dict.
#[derive(Serialize)]
struct ConceptInfo<'t> {
    uri: &'t str,
    kind: ConceptKind,
    label: &'t str,
    code: Option<&'t str>,
    isco_group: Option<&'t str>,
    skill_type: Option<&'static str>,
    reuse_level: Option<&'static str>,
    labels: Vec<Label<'t>>,
}

#[pymethods]
impl PyTaxonomy {
    /// The embedded taxonomy (shared, loaded once).
    #[staticmethod]
    fn embedded(py: Python<'_>) -> PyResult<Self> {
        shield(py, || Ok(PyTaxonomy { held: Held::Embedded(py.detach(Taxonomy::embedded)) }))
    }

    /// Reads the ESCO CSV download (classification, CSV format) of language `lang` from a
    /// folder.
    #[staticmethod]
    fn from_esco_csv(py: Python<'_>, folder: PathBuf, lang: &str) -> PyResult<Self> {
        shield(py, || {
            detached(py, || Ok(PyTaxonomy { held: Held::Owned(Box::new(Taxonomy::from_esco_csv(&folder_source(&folder), lang)?)) }))
        })
    }

    /// A copy with the labels of another language from its ESCO CSV download.
    fn with_language(&self, py: Python<'_>, folder: PathBuf, lang: &str) -> PyResult<Self> {
        shield(py, || {
            detached(py, || {
                let mut t = self.tax().clone();
                t.add_language_from_esco_csv(&folder_source(&folder), lang)?;
                Ok(PyTaxonomy { held: Held::Owned(Box::new(t)) })
            })
        })
    }

    /// The label languages, in the order loaded.
    fn languages(&self) -> Vec<String> {
        self.tax().languages().map(str::to_owned).collect()
    }

    /// Where the data comes from.
    fn source(&self) -> String {
        self.tax().source().to_owned()
    }

    /// How many skills, occupations and labels there are.
    fn counts(&self) -> (usize, usize, usize) {
        let t = self.tax();
        (t.count(ConceptKind::Skill), t.count(ConceptKind::Occupation), t.label_count())
    }

    /// Ranked concepts for free text (`kind`: skill or occupation), labels shown in `lang`.
    #[pyo3(signature = (kind, text, limit=DEFAULT_SEARCH_LIMIT, lang="it", only_lang=None, min_similarity=DEFAULT_MIN_SIMILARITY))]
    #[allow(clippy::too_many_arguments)]
    fn search<'py>(
        &self,
        py: Python<'py>,
        kind: &str,
        text: &str,
        limit: usize,
        lang: &str,
        only_lang: Option<&str>,
        min_similarity: f64,
    ) -> PyResult<Bound<'py, PyAny>> {
        shield(py, || {
            let kind = self::kind(kind).map_err(|e| crate::errors::to_py(py, e))?;
            let opts = SearchOptions { limit, lang: only_lang, display_lang: Some(lang), min_similarity };
            let hits = detached(py, || {
                let _: Lang = lang.parse()?;
                Ok(self.tax().search(kind, text, &opts)?)
            })?;
            convert::to_py(py, &hits)
        })
    }

    /// The ESCO concept a label stands for, as the matcher places it (`uri`, `how`,
    /// `matched_label`, `similarity`), or None.
    fn normalise<'py>(&self, py: Python<'py>, kind: &str, label: &str) -> PyResult<Bound<'py, PyAny>> {
        shield(py, || {
            let kind = self::kind(kind).map_err(|e| crate::errors::to_py(py, e))?;
            let found = detached(py, || {
                Ok(match kind {
                    ConceptKind::Occupation => normalise_occupation(self.tax(), label),
                    _ => normalise_skill(self.tax(), label),
                })
            })?;
            let found = found.map(
                |(uri, n)| serde_json::json!({"uri": uri, "how": n.how, "matched_label": n.matched_label, "similarity": n.similarity}),
            );
            convert::to_py(py, &found)
        })
    }

    /// The skills of an occupation: `relation` essential, optional or all; labels in `lang`.
    #[pyo3(signature = (occupation_uri, relation="essential", lang="it"))]
    fn occupation_skills<'py>(&self, py: Python<'py>, occupation_uri: &str, relation: &str, lang: &str) -> PyResult<Bound<'py, PyAny>> {
        shield(py, || {
            let links = detached(py, || {
                let mut links = self.tax().occupation_skills_in(occupation_uri, Some(lang))?;
                match relation {
                    "essential" => links.retain(|l| l.relation == RelationType::Essential),
                    "optional" => links.retain(|l| l.relation == RelationType::Optional),
                    "all" => {}
                    other => return Err(Failure::Value(format!("relation={other:?} (expected \"essential\", \"optional\" or \"all\")"))),
                }
                Ok(links)
            })?;
            convert::to_py(py, &links)
        })
    }

    /// The occupations that best fit a set of skill URIs, best first.
    #[pyo3(signature = (skill_uris, limit=10))]
    fn occupations_for_skills<'py>(&self, py: Python<'py>, skill_uris: Vec<String>, limit: usize) -> PyResult<Bound<'py, PyAny>> {
        shield(py, || {
            let found = detached(py, || {
                let uris: Vec<&str> = skill_uris.iter().map(String::as_str).collect();
                Ok(self.tax().occupations_for_skills(&uris, limit)?)
            })?;
            convert::to_py(py, &found)
        })
    }

    /// A concept by URI, with every label, or None.
    fn concept<'py>(&self, py: Python<'py>, uri: &str) -> PyResult<Bound<'py, PyAny>> {
        shield(py, || {
            let info = self.tax().concept(uri).map(|c| ConceptInfo {
                uri: c.uri(),
                kind: c.kind(),
                label: c.label(),
                code: c.code(),
                isco_group: c.isco_group(),
                skill_type: c.skill_type().map(|s| s.code()),
                reuse_level: c.reuse_level().map(|r| r.code()),
                labels: c.labels().collect(),
            });
            convert::to_py(py, &info)
        })
    }

    fn __repr__(&self) -> String {
        let (skills, occupations, _) = self.counts();
        format!("Taxonomy(languages={:?}, skills={skills}, occupations={occupations})", self.languages())
    }
}

/// The comune a place name stands for (`comune`, `kind`, `similarity`, `ambiguous`);
/// raises `PlaceError` with suggestions when none does.
#[pyfunction]
pub fn find_place<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    shield(py, || {
        let found = detached(py, || Ok(Gazetteer::embedded().find(text)?))?;
        convert::to_py(py, &found)
    })
}

/// Comuni matching a name (or the comune of an ISTAT code), best first.
#[pyfunction]
#[pyo3(signature = (text, limit=DEFAULT_SEARCH_LIMIT))]
pub fn search_places<'py>(py: Python<'py>, text: &str, limit: usize) -> PyResult<Bound<'py, PyAny>> {
    shield(py, || {
        let found = detached(py, || Ok(Gazetteer::embedded().lookup(text, limit)?))?;
        convert::to_py(py, &found)
    })
}
