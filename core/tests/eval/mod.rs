//! Sportello's Italian search evaluation, shared by the `italian_search` test (which
//! asserts the targets) and the `bench_taxonomy` example (which prints the figures with
//! latencies).
//!
//! The sets live in `tests/fixtures/taxonomy/` and were written apart from the labels they
//! test, as jobseekers and counsellors write (typos, colloquial forms, gender variants,
//! abbreviations, missing accents, capitals, elisions). A second judge, who never saw what
//! the engine returns, added the equally correct answers the first judge had
//! left out (ESCO often has two near-identical skills). A third review judged pools
//! (`examples/eval_pool.rs`: for each phrase, the concepts already accepted and the
//! engine's first four hits at a minimum similarity of 0.6, sorted by URI so that the
//! judge could tell neither where a concept came from nor the engine's order) against
//! strict written rules, and its acceptances were added. A fourth review, after the search
//! and labels had changed much, pooled again the same way and had each pool judged by two
//! judges apart; the 19 concepts both accepted were added (it changed no figure: the two
//! judges agreed with the set on every phrase the search misses, and were stricter than the
//! earlier judges, rejecting 169 of the 1,179 pooled concepts already acceptable, which stay).
//! A concept stays acceptable when any judge accepted it:
//! * `skills-it.tsv`: `phrase<TAB>acceptable skill URIs (space-separated)<TAB>occupation`;
//!   job titles typed as skills accept the occupation's core skills;
//! * `occupations-it.tsv`: `phrase<TAB>acceptable occupation URIs<TAB>-`;
//! * `junk.tsv`: one phrase per line that is not a skill ("non lo so", "Trecate") and must
//!   find nothing with the default options;
//! * `skills-it-dev-sentences.tsv`, `skills-it-dev-entries.tsv` and
//!   `skills-it-dev-keywords.tsv`, in the format of `skills-it.tsv`: development sets
//!   (sentences that tell what a person did, a CV's short entries, a counsellor's keywords
//!   for the tasks beyond the first ones), written apart from the labels and from the engine by writers who saw
//!   only the occupations' lists of skills, one strict judge, and phrases close to the
//!   evaluation sets set aside. They were used to tune search and labels, so their figures
//!   show ground kept, not a target.

#![allow(dead_code)]

use std::collections::BTreeSet;

use sportello::taxonomy::{ConceptKind, SearchOptions, Taxonomy};

/// The ESCO prefix the sets leave out.
const ESCO: &str = "http://data.europa.eu/esco/";

/// One phrase and the concepts a counsellor would accept for it.
#[derive(Debug, Clone)]
pub struct Case {
    /// The text typed.
    pub phrase: String,
    /// Full URIs of the acceptable concepts.
    pub acceptable: Vec<String>,
    /// The occupation the phrase comes from (`occupation/...`), or `-`.
    pub occupation: String,
}

/// The text of a set file.
pub fn read_file(name: &str) -> String {
    let path = format!("{}/../tests/fixtures/taxonomy/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#')).map(|(i, l)| (i + 1, l))
}

/// Reads a set of phrases with acceptable concepts.
pub fn read_cases(name: &str) -> Vec<Case> {
    let text = read_file(name);
    lines(&text)
        .map(|(n, line)| {
            let f: Vec<&str> = line.split('\t').collect();
            assert!(f.len() >= 2, "{name}:{n}: expected phrase<TAB>uris");
            let acceptable =
                f[1].split_whitespace().map(|u| if u.starts_with("http") { u.to_owned() } else { format!("{ESCO}{u}") }).collect();
            Case { phrase: f[0].trim().to_owned(), acceptable, occupation: f.get(2).unwrap_or(&"-").trim().to_owned() }
        })
        .collect()
}

/// Reads the junk set.
pub fn read_junk() -> Vec<String> {
    lines(&read_file("junk.tsv")).map(|(_, l)| l.trim().to_owned()).collect()
}

/// How a set fared.
#[derive(Debug, Default)]
pub struct Score {
    /// Phrases.
    pub n: usize,
    /// An acceptable concept first.
    pub top1: usize,
    /// An acceptable concept among the first three.
    pub top3: usize,
    /// Nothing found.
    pub empty: usize,
    /// The phrases that missed, with what came first.
    pub misses: Vec<String>,
    /// Distinct occupations the phrases come from.
    pub occupations: usize,
}

impl Score {
    /// Share of phrases with an acceptable concept first.
    pub fn top1_share(&self) -> f64 {
        self.top1 as f64 / self.n.max(1) as f64
    }
    /// Share with one among the first three.
    pub fn top3_share(&self) -> f64 {
        self.top3 as f64 / self.n.max(1) as f64
    }
}

/// Searches every phrase of a set.
pub fn score(t: &Taxonomy, kind: ConceptKind, cases: &[Case], options: &SearchOptions<'_>) -> Score {
    let mut s = Score { n: cases.len(), ..Score::default() };
    s.occupations = cases.iter().map(|c| c.occupation.as_str()).filter(|o| *o != "-").collect::<BTreeSet<_>>().len();
    for c in cases {
        let hits = t.search(kind, &c.phrase, options).unwrap_or_default();
        let ok = |i: usize| hits.iter().take(i).any(|h| c.acceptable.iter().any(|a| a == h.uri));
        s.top1 += usize::from(ok(1));
        s.top3 += usize::from(ok(3));
        s.empty += usize::from(hits.is_empty());
        if !ok(1) {
            let got =
                hits.first().map_or("nothing".to_owned(), |h| format!("{:?} ({} {:.2})", h.preferred_label, h.kind.as_str(), h.similarity));
            let want = c.acceptable.first().and_then(|u| t.concept(u)).map_or("?".to_owned(), |c| c.label_in("it").text.to_owned());
            s.misses.push(format!("{:?}: got {got}, want {want:?}{}", c.phrase, if ok(3) { " (in top 3)" } else { "" }));
        }
    }
    s
}

/// How the junk set fared.
#[derive(Debug, Default)]
pub struct Junk {
    /// Phrases.
    pub n: usize,
    /// The phrases that found something, with what came first.
    pub found: Vec<String>,
}

impl Junk {
    /// Share of the phrases that found nothing.
    pub fn nothing_share(&self) -> f64 {
        1.0 - self.found.len() as f64 / self.n.max(1) as f64
    }
}

/// Searches every junk phrase as a skill.
pub fn junk(t: &Taxonomy, phrases: &[String], options: &SearchOptions<'_>) -> Junk {
    let found: Vec<String> = phrases
        .iter()
        .filter_map(|p| {
            let hits = t.search_skills(p, options).unwrap_or_default();
            hits.first().map(|h| format!("{p:?}: {:?} ({} {:.2})", h.preferred_label, h.kind.as_str(), h.similarity))
        })
        .collect();
    Junk { n: phrases.len(), found }
}
