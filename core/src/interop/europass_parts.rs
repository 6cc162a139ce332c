//! What both Europass readers share (`europass.rs`: v3 XML and JSON, v1.0 XML;
//! `europass_candidate.rs`: the Candidate XML of today's Europass): CEFR grids with missing
//! cells, and ISCO-08 codes as ESCO occupation groups.

use super::tree::Node;
use crate::model::{CefrLevel, Concept};

/// The five cells of a CEFR grid; missing ones get the lowest given level (noted).
pub(super) fn fill_grid(cells: [Option<CefrLevel>; 5], at: &Node<'_, '_>) -> Option<[CefrLevel; 5]> {
    let lowest = cells.iter().flatten().min().copied()?;
    if cells.iter().any(Option::is_none) {
        at.note(format!("{}: some CEFR levels are missing and were set to {lowest}, the lowest given", at.path()));
    }
    Some(cells.map(|c| c.unwrap_or(lowest)))
}

/// An ISCO-08 code as an ESCO occupation group.
pub(super) fn isco(code: &str, label: &str) -> Option<Concept> {
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    (digits.len() == 4).then(|| Concept { label: label.to_owned(), uri: Some(format!("http://data.europa.eu/esco/isco/C{digits}")) })
}
