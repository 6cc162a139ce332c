//! Prints the pool of concepts a judge reviews for Sportello's Italian evaluation sets, as
//! JSON Lines, one phrase a line.
//!
//! ```text
//! cargo run -p sportello --release --example eval_pool > pool.jsonl
//! ```
//!
//! A phrase's pool is the union of the concepts its set already accepts and the first
//! [`FROM_SEARCH`] hits of the search at a lowered minimum similarity ([`POOL_MIN_SIMILARITY`]),
//! so that the judge also sees what the engine would answer after a change. The candidates
//! are sorted by URI, which tells neither where they came from nor the engine's order: the
//! judge decides each one blind. `core/tests/eval/mod.rs` says how the judgements are used.

#[path = "../tests/eval/mod.rs"]
mod eval;

use std::collections::BTreeSet;

use sportello::taxonomy::{ConceptKind, SearchOptions, Taxonomy};

/// How many search hits join each pool.
const FROM_SEARCH: usize = 4;
/// The minimum similarity of the search that fills the pool.
const POOL_MIN_SIMILARITY: f64 = 0.6;

fn main() {
    let t = Taxonomy::embedded();
    let options = SearchOptions { limit: FROM_SEARCH, min_similarity: POOL_MIN_SIMILARITY, ..SearchOptions::default() };
    for (set, kind) in [("skills-it.tsv", ConceptKind::Skill), ("occupations-it.tsv", ConceptKind::Occupation)] {
        for case in eval::read_cases(set) {
            let hits = t.search(kind, &case.phrase, &options).unwrap_or_default();
            let pool: BTreeSet<&str> = case.acceptable.iter().map(String::as_str).chain(hits.iter().map(|h| h.uri)).collect();
            let candidates: Vec<serde_json::Value> = pool
                .iter()
                .filter_map(|uri| t.concept(uri))
                .map(|c| serde_json::json!({ "uri": c.uri(), "it": c.label_in("it").text, "en": c.label_in("en").text }))
                .collect();
            let from = t.concept(&format!("http://data.europa.eu/esco/{}", case.occupation)).map(|o| o.label_in("it").text);
            let line = serde_json::json!({ "set": set, "phrase": case.phrase, "from": from, "candidates": candidates });
            println!("{line}");
        }
    }
}
