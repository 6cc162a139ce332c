//! Placing one free-text label on one ESCO concept, with the evidence: the step that
//! normalisation (`sportello normalise`) and matching (`matching::prepare`) share. Only
//! a confident hit counts: a fuzzy match needs a high similarity.

use serde::{Deserialize, Serialize};

use super::{ConceptKind, Hit, MatchKind, Taxonomy};

/// Labels normalised with at least this similarity are given the ESCO URI found.
const NORMALISE_MIN_SIMILARITY: f64 = 0.9;

/// How a label was normalised to an ESCO concept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Normalisation {
    /// `exact`, `alt_label`, `synonym`, `token`, `fuzzy` or `via_occupation` (a job title
    /// written as a skill, placed on that occupation's most specific core skill; the matched
    /// label is then the occupation's); for an occupation the person did not name,
    /// `matching::prepare::INFERRED_FROM_SKILLS`.
    pub how: String,
    /// The ESCO label that matched.
    pub matched_label: String,
    /// Similarity of the label to it, 0 to 1.
    pub similarity: f64,
}

/// Finds the ESCO URI of a skill label, with the evidence.
pub fn normalise_skill(taxonomy: &Taxonomy, label: &str) -> Option<(String, Normalisation)> {
    first_strong(taxonomy.search_strong(ConceptKind::Skill, label, NORMALISE_MIN_SIMILARITY).ok()?)
}

/// Finds the ESCO URI of an occupation or job title, with the evidence.
pub fn normalise_occupation(taxonomy: &Taxonomy, label: &str) -> Option<(String, Normalisation)> {
    first_strong(taxonomy.search_strong(ConceptKind::Occupation, label, NORMALISE_MIN_SIMILARITY).ok()?)
}

fn first_strong(hits: Vec<Hit<'_>>) -> Option<(String, Normalisation)> {
    let hit = hits.into_iter().next()?;
    let strong = !matches!(hit.kind, MatchKind::Fuzzy) || hit.similarity >= NORMALISE_MIN_SIMILARITY;
    strong.then(|| {
        (
            hit.uri.to_owned(),
            Normalisation { how: hit.kind.as_str().to_owned(), matched_label: hit.matched_label.to_owned(), similarity: hit.similarity },
        )
    })
}
