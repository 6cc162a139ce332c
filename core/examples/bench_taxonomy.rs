//! Benchmarks the embedded taxonomy: load time, pack size, search latency and top-1
//! accuracy on misspelt ESCO labels.
//!
//! ```text
//! cargo run -p sportello --no-default-features --release --example bench_taxonomy [-- --samples 2000 --show-failures]
//! ```
//!
//! The test sets are generated from the taxonomy itself with a fixed seed (xorshift64*), so
//! runs repeat exactly:
//! * **1 typo**: an English alternative label (of a skill or an occupation) with one random
//!   edit of a letter: insert, delete, substitute, or transpose with the next letter;
//! * **2 typos**: two such edits;
//! * **word order**: the label's words shuffled (labels of two or more words).
//!
//! A sample counts as correct when the top hit is a concept that has the original label
//! (a few labels belong to several concepts). A sample is skipped when the changed text is
//! exactly another concept's label (the query is then really about that concept).
//! Latency is measured per query, on one thread, after the index is built.
//!
//! Then Sportello's Italian evaluation (`tests/fixtures/taxonomy/`, see
//! `core/tests/eval/mod.rs`): skill phrases and job titles as people write them (top-1 and
//! top-3 against the acceptable concepts) and a junk set that must find nothing, with the
//! default options, and the search latency over those phrases; then the three development
//! sets (sentences, CV entries and counsellor's keywords, used to tune search, so their
//! figures show ground kept). `--min-similarity X` runs everything with another threshold
//! (the default is `DEFAULT_MIN_SIMILARITY`).

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use sportello::fold::fold;
use sportello::taxonomy::{ConceptId, ConceptKind, DEFAULT_MIN_SIMILARITY, LabelKind, SearchOptions, Taxonomy};

#[path = "../tests/eval/mod.rs"]
mod eval;

/// xorshift64* (Vigna), enough for sampling.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One random edit of a letter; `None` if the text has no letter to edit.
fn typo(text: &str, rng: &mut Rng) -> Option<String> {
    let mut chars: Vec<char> = text.chars().collect();
    let letters: Vec<usize> = chars.iter().enumerate().filter(|(_, c)| c.is_alphabetic()).map(|(i, _)| i).collect();
    if letters.is_empty() {
        return None;
    }
    for _ in 0..20 {
        let at = letters[rng.below(letters.len())];
        let letter = (b'a' + rng.below(26) as u8) as char;
        let before = chars.clone();
        match rng.below(4) {
            0 => chars.insert(at + rng.below(2), letter),
            1 => {
                chars.remove(at);
            }
            2 => chars[at] = letter,
            _ => {
                if at + 1 < chars.len() && chars[at + 1].is_alphabetic() {
                    chars.swap(at, at + 1);
                }
            }
        }
        if chars != before {
            return Some(chars.into_iter().collect());
        }
    }
    None
}

fn shuffle_words(text: &str, rng: &mut Rng) -> Option<String> {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    for _ in 0..10 {
        for i in (1..words.len()).rev() {
            words.swap(i, rng.below(i + 1));
        }
        let s = words.join(" ");
        if fold(&s) != fold(text) {
            return Some(s);
        }
    }
    None
}

struct Sample {
    query: String,
    kind: ConceptKind,
    owners: Vec<ConceptId>,
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn percentile(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    let i = ((v.len() as f64 * p).ceil() as usize).saturating_sub(1).min(v.len().saturating_sub(1));
    v.get(i).copied().unwrap_or_default()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let samples =
        args.iter().position(|a| a == "--samples").and_then(|i| args.get(i + 1)).and_then(|n| n.parse().ok()).unwrap_or(2000usize);
    let show_failures = args.iter().any(|a| a == "--show-failures");
    let min_similarity = args
        .iter()
        .position(|a| a == "--min-similarity")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_MIN_SIMILARITY);

    // Load time: decode (pack + synonyms) and index build, fresh each time.
    let (mut decode, mut index, mut total) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..7 {
        let start = Instant::now();
        let t = Taxonomy::load_embedded()?;
        let decoded = start.elapsed();
        t.prepare();
        total.push(start.elapsed());
        index.push(start.elapsed() - decoded);
        decode.push(decoded);
    }
    let taxonomy = Taxonomy::embedded();
    println!("pack size          {:>9} bytes ({:.2} MB)", Taxonomy::embedded_pack_len(), Taxonomy::embedded_pack_len() as f64 / 1e6);
    println!(
        "load (median of 7) {:>9.1} ms  = decode {:.1} ms + search index {:.1} ms",
        ms(median(&mut total)),
        ms(median(&mut decode)),
        ms(median(&mut index))
    );
    println!(
        "content            {} skills, {} occupations, {} labels, languages {:?}",
        taxonomy.count(ConceptKind::Skill),
        taxonomy.count(ConceptKind::Occupation),
        taxonomy.label_count(),
        taxonomy.languages().collect::<Vec<_>>()
    );

    let options = SearchOptions { limit: 5, min_similarity, ..SearchOptions::default() };
    italian(taxonomy, &options, show_failures);
    if samples == 0 {
        return Ok(());
    }

    // Labels by folded text and kind, to find owners and skip ambiguous samples.
    let mut owners: HashMap<(String, ConceptKind), Vec<ConceptId>> = HashMap::new();
    let mut alt_labels: Vec<(&str, ConceptKind)> = Vec::new();
    for c in taxonomy.concepts() {
        if !matches!(c.kind(), ConceptKind::Skill | ConceptKind::Occupation) {
            continue;
        }
        for l in c.labels() {
            owners.entry((fold(l.text), c.kind())).or_default().push(c.id());
            if l.kind == LabelKind::Alternative && l.lang == "en" {
                alt_labels.push((l.text, c.kind()));
            }
        }
    }
    let mut rng = Rng(0x5eed_2024_0000_0001);
    type Make = fn(&str, &mut Rng) -> Option<String>;
    let sets: [(&str, Make); 3] =
        [("1 typo", |t, r| typo(t, r)), ("2 typos", |t, r| typo(t, r).and_then(|t| typo(&t, r))), ("word order", shuffle_words)];
    let mut all_latencies = Vec::new();
    println!("\n{:<12} {:>7} {:>7} {:>9} {:>9} {:>9} {:>9}", "test set", "samples", "skipped", "top-1", "top-5", "median", "p99");
    for (name, make) in sets {
        let mut set = Vec::new();
        let mut skipped = 0;
        let mut seen = HashSet::new();
        while set.len() < samples {
            let (label, kind) = alt_labels[rng.below(alt_labels.len())];
            let Some(query) = make(label, &mut rng) else { continue };
            if !seen.insert(query.clone()) {
                continue;
            }
            let own = owners.get(&(fold(label), kind)).cloned().unwrap_or_default();
            if owners.get(&(fold(&query), kind)).is_some_and(|o| o.iter().any(|c| !own.contains(c))) {
                skipped += 1;
                continue;
            }
            set.push(Sample { query, kind, owners: own });
        }
        let (mut top1, mut top5) = (0, 0);
        let mut latencies = Vec::with_capacity(set.len());
        let mut failures = Vec::new();
        for s in &set {
            let start = Instant::now();
            let hits = taxonomy.search(s.kind, &s.query, &options)?;
            latencies.push(start.elapsed());
            if hits.first().is_some_and(|h| s.owners.contains(&h.id)) {
                top1 += 1;
            } else if failures.len() < 25 {
                let got = hits.first().map_or("-".to_owned(), |h| {
                    format!("{} [{:?} {:.3} via {:?}]", h.preferred_label, h.kind, h.similarity, h.matched_label)
                });
                let want = s.owners.first().and_then(|&id| taxonomy.concept_by_id(id)).map_or("?", |c| c.label());
                failures.push(format!("  {:?}: got {got}, want {want:?}", s.query));
            }
            if hits.iter().any(|h| s.owners.contains(&h.id)) {
                top5 += 1;
            }
        }
        let n = set.len() as f64;
        println!(
            "{:<12} {:>7} {:>7} {:>8.2}% {:>8.2}% {:>7.3}ms {:>7.3}ms",
            name,
            set.len(),
            skipped,
            100.0 * top1 as f64 / n,
            100.0 * top5 as f64 / n,
            ms(median(&mut latencies)),
            ms(percentile(&mut latencies, 0.99))
        );
        if show_failures {
            failures.iter().for_each(|f| println!("{f}"));
        }
        all_latencies.extend(latencies);
    }
    println!(
        "{:<12} {:>7} {:>7} {:>9} {:>9} {:>7.3}ms {:>7.3}ms",
        "all",
        all_latencies.len(),
        "",
        "",
        "",
        ms(median(&mut all_latencies)),
        ms(percentile(&mut all_latencies, 0.99))
    );
    Ok(())
}

/// Sportello's Italian sets and the junk set, with the median search time per phrase.
fn italian(taxonomy: &Taxonomy, options: &SearchOptions<'_>, show_failures: bool) {
    println!("\n{:<22} {:>7} {:>11} {:>7} {:>7} {:>9} {:>9}", "Italian set", "phrases", "occupations", "top-1", "top-3", "median", "p99");
    for (name, file, kind) in [
        ("skills (it)", "skills-it.tsv", ConceptKind::Skill),
        ("occupations (it)", "occupations-it.tsv", ConceptKind::Occupation),
        ("sentences (it, dev)", "skills-it-dev-sentences.tsv", ConceptKind::Skill),
        ("CV entries (it, dev)", "skills-it-dev-entries.tsv", ConceptKind::Skill),
        ("keywords (it, dev)", "skills-it-dev-keywords.tsv", ConceptKind::Skill),
    ] {
        let cases = eval::read_cases(file);
        let score = eval::score(taxonomy, kind, &cases, options);
        let mut times: Vec<Duration> = cases
            .iter()
            .map(|c| {
                let start = Instant::now();
                let _ = taxonomy.search(kind, &c.phrase, options);
                start.elapsed()
            })
            .collect();
        println!(
            "{name:<22} {:>7} {:>11} {:>6.1}% {:>6.1}% {:>7.3}ms {:>7.3}ms",
            score.n,
            score.occupations,
            100.0 * score.top1_share(),
            100.0 * score.top3_share(),
            ms(median(&mut times)),
            ms(percentile(&mut times, 0.99))
        );
        if show_failures {
            score.misses.iter().for_each(|m| println!("    {m}"));
        }
    }
    let junk = eval::read_junk();
    let junk = eval::junk(taxonomy, &junk, options);
    println!(
        "{:<22} {:>7} {:>11} {:>6.1}% find nothing (min similarity {})",
        "junk",
        junk.n,
        "",
        100.0 * junk.nothing_share(),
        options.min_similarity
    );
    if show_failures {
        junk.found.iter().for_each(|f| println!("    {f}"));
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
