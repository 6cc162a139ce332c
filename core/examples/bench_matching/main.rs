//! Benchmarks matching (issue 5): ranking quality against a plain BM25 baseline, and the
//! speed of indexing, single queries and batches. It prints figures; it never fails.
//!
//! ```text
//! cargo run -q -p sportello --example bench_matching [-- --quick] [--only quality|speed|feed] [--show N] [--seed N] [--sizes 10000,1000000] [--corpus DIR] [--query-skills N]
//! ```
//!
//! **Quality.** Labelled sets are generated from ESCO's occupation–skill relations with a
//! fixed seed (xorshift64*), so runs repeat exactly, as three sets (and their label-only
//! twins, below): `alt` as below, in
//! English; `pref` where profiles never write an alternative label; and `it`, as `alt` but
//! in Italian, from Sportello's own Italian labels, over the occupations that have them
//! (vacancies, profiles and the BM25 baseline all see the same Italian text):
//! * vacancies: 5 for each of 400 occupations sampled round-robin over ISCO 3-digit groups
//!   (so most groups hold several occupations); essential skills are a random subset of
//!   the occupation's essential skills, optional ones a few of its optional skills, all
//!   with ESCO preferred labels and 80% with URIs; the occupation is given; the place is
//!   one of a few comuni around Novara–Milano; expiry far in the future;
//! * profiles: 300 (150 with `--quick`), each from one of those occupations, with label-only skills (the core
//!   normalises them): 30–50% of the occupation's skills dropped, the rest written as the
//!   preferred label (40%), an ESCO alternative label (35%) or the preferred label with one
//!   typo (25%), plus 2–5 skills of other occupations; every other profile has a work
//!   entry with the occupation; home among the same comuni, 150 km commute.
//!
//! Relevance of a vacancy to a profile: 2 for the profile's occupation, 1 for another
//! occupation of the same ISCO 3-digit group, else 0. Reported: nDCG@10 (gain 2^rel − 1,
//! ideal ranking over all vacancies), recall@10 (share of the 5 relevance-2 vacancies in
//! the top 10) and hit@1 (the first result has relevance 2), for the full engine
//! (`Matcher::vacancies_for`) and the BM25 baseline (`VacancyIndex::search_text` of the
//! skill labels). Diagnostics: normalisation accuracy, retrieval recall, and what-ifs: the
//! same candidates scored by the core's own scorer with other [`Weights`] (no distance
//! part, no label-similarity matches, no credit for a sibling skill, the occupation part's
//! earlier defaults of weight 0.15 and minor-group credit 0.3, and combinations), and
//! retrieval without the person's ISCO groups or by URIs only (no text clause). Two
//! what-ifs of earlier rounds, IDF-weighted and smoothed skill coverage, needed a second
//! scorer here and never beat the engine; they were dropped with it.
//! `--seed N` draws other labelled sets, to check that the defaults are not fitted to one.
//!
//! **Speed.** Synthetic vacancies of every ESCO occupation with URIs on all skills, placed
//! in random comuni of Piemonte and Lombardia, indexed at 10k, 100k and (without `--quick`)
//! 1M in a temp dir: indexing time (prepare + upsert + commit; generating the vacancies is
//! timed apart and left out; the writer is then closed, its merges waited for apart),
//! size on disk, the CPU time (user and system), page faults and peak memory of indexing
//! and of the first (cold) queries, single-query latency (retrieve + score + explain the top 20; one query
//! at a time, each using both cores as `vacancies_for` does, and again on one thread; 200
//! queries after 20 warm-up ones, the index's vacancy cache emptied first; then the same
//! queries with the cache warm, the phases apart, and as what-ifs retrieval by URIs only,
//! retrieval without the ISCO groups and fewer candidates) and the throughput of
//! `Matcher::batch` against the 100k index (all cores). `--corpus DIR` also writes the
//! speed part's vacancies (`vacancies-N.tsv`: id, title and skill labels) and latency queries
//! (`queries.tsv`: the profile's skill labels, warm-up ones first) as text, for a side-by-side
//! run of another engine on the same data (`bm25s_side_by_side.py` beside this file);
//! `--query-skills N` keeps the first N skills of each latency query.
//!
//! **Label-only feed.** Vacancies as real feeds write them: no URIs, no occupation, a job
//! title (preferred or alternative label) as the title, skills drawn as in the speed part
//! but written as the preferred label (50%), an alternative label (40%) or with one typo
//! (10%), in Italian for most vacancies of occupations with Sportello's Italian labels,
//! else English. At 100k and (without `--quick`) 1M, written to a JSON Lines file, then
//! timed end to end from the file as `sportello index add` reads it
//! (`matching::indexing::add_json_lines`: read and placed through the index's label memo
//! on all cores, written, committed, merged), and again with the memo the first run saved.
//! The quality sets `alt-labels` and `it-labels` are `alt` and `it` with the same draws but
//! label-only vacancies: the engine's quality on real feeds beside the sets with URIs.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use sportello::geo::{Comune, Gazetteer};
use sportello::matching::explain::{self, Lang};
use sportello::matching::index::{DEFAULT_RETRIEVE, Filters, VacancyIndex};
use sportello::matching::score::{Evidence, MatchResult};
use sportello::matching::{Matcher, PreparedProfile, PreparedVacancy, Weights};
use sportello::model::{Concept, PartialDate, Place, Profile, Skill, Vacancy, WorkExperience};
use sportello::taxonomy::{ConceptKind, LabelKind, SkillLink, Taxonomy};

mod feed;
mod labelled;
mod quality;
mod rng;
mod scores;
mod speed;

use feed::*;
use labelled::*;
use quality::*;
use rng::*;
use scores::*;
use speed::*;

const SEED: u64 = 0x5eed_2025_0005;
const QUALITY_OCCUPATIONS: usize = 400;
const VACANCIES_PER_OCCUPATION: usize = 5;
const QUALITY_PROFILES: usize = 300;
const K: usize = 10;
/// The labelled sets: a name, whether profiles may write skills as alternative labels (the
/// set the issue describes) or only as preferred labels, with or without a typo (a harder
/// set for the engine against BM25, which then shares more words), the language, and
/// whether the vacancies are label-only (no URIs, no occupation: the same draws as the set
/// without the suffix, so the two compare).
const QUALITY_SETS: [(&str, bool, &str, bool); 5] = [
    ("alt", true, "en", false),
    ("alt-labels", true, "en", true),
    ("pref", false, "en", false),
    ("it", true, "it", false),
    ("it-labels", true, "it", true),
];
const TARGET_GAIN: f64 = 0.15;
const QUALITY_COMUNI: [&str; 8] = ["Novara", "Trecate", "Vercelli", "Milano", "Magenta", "Varese", "Biella", "Pavia"];
const LATENCY_QUERIES: usize = 200;
const WARM_UP: usize = 20;
const EXPLAINED: usize = 20;

/// Rows of the final summary: figure, value, target.
type Summary = Vec<(String, String, String)>;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    let only = args.iter().position(|a| a == "--only").and_then(|i| args.get(i + 1)).cloned();
    let show = args.iter().position(|a| a == "--show").and_then(|i| args.get(i + 1)).and_then(|n| n.parse().ok());
    // Index sizes of the speed part (default: 10k, 100k and, without --quick, 1M).
    let sizes: Option<Vec<usize>> = args
        .iter()
        .position(|a| a == "--sizes")
        .and_then(|i| args.get(i + 1))
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect());
    // Another seed draws another labelled set: a check that the default weights are not
    // fitted to the one set.
    let seed = args.iter().position(|a| a == "--seed").and_then(|i| args.get(i + 1)).and_then(|n| n.parse().ok()).unwrap_or(SEED);
    let corpus = args.iter().position(|a| a == "--corpus").and_then(|i| args.get(i + 1)).map(std::path::PathBuf::from);
    // The latency queries keep at most this many skills (default: all, 14.3 on average).
    let query_skills = args.iter().position(|a| a == "--query-skills").and_then(|i| args.get(i + 1)).and_then(|n| n.parse().ok());
    let today = PartialDate::day(2025, 9, 1).expect("a date");
    let t = Instant::now();
    let matcher = Matcher::embedded(today);
    matcher.taxonomy.prepare();
    let occs = occupations(matcher.taxonomy);
    println!(
        "# bench_matching{}  (taxonomy and {} occupations with >= 4 essential skills ready in {:.1} s)",
        if quick { " --quick" } else { "" },
        occs.len(),
        t.elapsed().as_secs_f64()
    );
    println!("load average before: {}; {} threads", load_average(), threads());
    let mut summary = Summary::new();
    if only.is_none() || only.as_deref() == Some("quality") {
        for set in QUALITY_SETS {
            quality(&matcher, &occs, set, seed, quick, show, &mut summary);
        }
    }
    if only.is_none() || only.as_deref() == Some("speed") {
        speed(&matcher, &occs, quick, sizes.as_deref(), corpus.as_deref(), query_skills, &mut summary);
    }
    if only.is_none() || only.as_deref() == Some("feed") {
        let default: &[usize] = if quick { &[100_000] } else { &[100_000, 1_000_000] };
        feed_run(&matcher, &occs, sizes.as_deref().unwrap_or(default), &mut summary);
    }
    println!("\n## Summary");
    println!("{:<52} {:>20}  target", "figure", "value");
    for (name, value, target) in &summary {
        println!("{name:<52} {value:>20}  {target}");
    }
    println!("load average after: {}; peak RSS {}", load_average(), peak_rss());
}

// ---------------------------------------------------------------- helpers

fn p50_p99(xs: &mut [Duration]) -> (Duration, Duration) {
    xs.sort_unstable();
    let at = |q: f64| xs.get(((xs.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or_default();
    (at(0.50), at(0.99))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn human(n: usize) -> String {
    match n {
        n if n >= 1_000_000 && n % 1_000_000 == 0 => format!("{}M", n / 1_000_000),
        n if n >= 1_000 && n % 1_000 == 0 => format!("{}k", n / 1_000),
        n => n.to_string(),
    }
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

fn proc_status(key: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with(key)).map(|l| l[key.len()..].trim().to_owned()))
        .unwrap_or_else(|| "?".into())
}

/// What this process used over a stretch of the run: CPU time in user and system mode,
/// page faults (minor: a page mapped without reading the disk; major: read from it) and
/// the peak resident memory, from `/proc/self` (Linux; elsewhere the figures read 0).
/// Printed beside the timings, so that a slower machine shows where its time went.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Used {
    user: f64,
    system: f64,
    minor_faults: u64,
    major_faults: u64,
}

impl Used {
    /// Starts a stretch: the counters now, with the peak memory reset where the kernel
    /// allows it (`/proc/self/clear_refs`), so that the peak is this stretch's.
    pub(crate) fn start() -> Used {
        let _ = std::fs::write("/proc/self/clear_refs", "5");
        Used::now()
    }

    fn now() -> Used {
        // Fields after the command name, which ends at the last ')': minflt is the 10th
        // field of the line, majflt the 12th, utime and stime the 14th and 15th, in clock
        // ticks of 1/100 s.
        let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
        let fields: Vec<u64> =
            stat.rsplit_once(')').map_or("", |(_, rest)| rest).split_whitespace().map(|f| f.parse().unwrap_or(0)).collect();
        let at = |field: usize| fields.get(field - 3).copied().unwrap_or(0);
        Used { user: at(14) as f64 / 100.0, system: at(15) as f64 / 100.0, minor_faults: at(10), major_faults: at(12) }
    }

    /// What was used since `self`, as a line.
    pub(crate) fn since(self) -> String {
        let now = Used::now();
        format!(
            "CPU user {:.1} s, system {:.1} s; page faults {} minor, {} major; peak RSS {}",
            now.user - self.user,
            now.system - self.system,
            now.minor_faults - self.minor_faults,
            now.major_faults - self.major_faults,
            peak_rss()
        )
    }
}

fn peak_rss() -> String {
    proc_status("VmHWM:")
}

fn current_rss() -> String {
    proc_status("VmRSS:")
}
