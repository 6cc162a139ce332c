//! The label-only feed run: vacancies as real feeds write them, written to a JSON Lines file
//! and indexed from it end to end as `sportello index add` does (read, placed in ESCO
//! through the index's label memo and prepared on all cores, written, committed, merged);
//! then the same file into the same index again, every label now in the saved memo.

use std::io::Write;

use sportello::matching::indexing::{Added, DEFAULT_COMMIT_EVERY, add_json_lines};

use super::*;

/// Share of skills written as the preferred label, as an alternative label; the rest
/// carry one typo.
const PREFERRED: f64 = 0.5;
const ALTERNATIVE: f64 = 0.9;

pub(crate) fn feed_run(matcher: &Matcher<'_>, occs: &[Occ<'_>], sizes: &[usize], summary: &mut Summary) {
    println!(
        "\n## Label-only feed (no URIs, no occupation; job titles as titles; skills as preferred ({:.0}%) or alternative labels, \
         else with a typo; in Italian where Sportello has the label, else English; load average now {})",
        PREFERRED * 100.0,
        load_average()
    );
    let comuni = comuni_of_regions(matcher.gazetteer, &["Piemonte", "Lombardia"]);
    let mut rng = Rng(SEED ^ 0x0fee_d0fe_ed00);
    let root = tempfile::tempdir().expect("a temp dir");
    for &n in sizes {
        let path = root.path().join(format!("feed-{n}.jsonl"));
        let t = Instant::now();
        let (labels, distinct) = write_feed(&path, matcher.taxonomy, occs, &comuni, n, &mut rng);
        let generated = t.elapsed();
        let dir = root.path().join(format!("index-{n}"));
        let index = VacancyIndex::create(&dir).expect("an index");
        let used = Used::start();
        let (first, took) = index_file(&index, matcher, &path);
        let first_used = used.since();
        let used = Used::start();
        let (again, took_again) = index_file(&index, matcher, &path);
        let again_used = used.since();
        let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
        println!(
            "\n{n} vacancies, {} JSON Lines ({:.1} s to generate), {labels} skill labels and titles of which {distinct} distinct:\n  \
             indexed from the file in {:.2} s ({:.0} vacancies/s, {:.0} labels/s; {} labels searched, {:.1}% from the memo)\n    {first_used}\n  \
             the same file again, into the same index: {:.2} s ({:.1}% of the labels from the saved memo of {} labels)\n    {again_used}",
            mb(bytes),
            generated.as_secs_f64(),
            took.as_secs_f64(),
            n as f64 / took.as_secs_f64(),
            first.memo.lookups as f64 / took.as_secs_f64(),
            first.memo.lookups - first.memo.reused,
            100.0 * first.memo.reused_share(),
            took_again.as_secs_f64(),
            100.0 * again.memo.reused_share(),
            again.memo.labels
        );
        let target = match n {
            100_000 => "< 10 s",
            1_000_000 => "< 90 s",
            _ => "",
        };
        summary.push((format!("feed {}: label-only, indexed from JSONL", human(n)), format!("{:.2} s", took.as_secs_f64()), target.into()));
        summary.push((
            format!("feed {}:   again, labels from the saved memo", human(n)),
            format!("{:.2} s", took_again.as_secs_f64()),
            String::new(),
        ));
        drop(index);
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::remove_file(&path);
    }
}

/// Indexes a JSON Lines file as `sportello index add` does, timed end to end.
fn index_file(index: &VacancyIndex, matcher: &Matcher<'_>, path: &Path) -> (Added, Duration) {
    let t = Instant::now();
    let file = std::fs::File::open(path).expect("the feed");
    let size = file.metadata().ok().map(|m| m.len());
    let added = add_json_lines(index, matcher, std::io::BufReader::with_capacity(1 << 20, file), size, DEFAULT_COMMIT_EVERY, |_| ())
        .expect("indexed");
    (added, t.elapsed())
}

/// Writes `n` label-only vacancies; returns how many labels (skills and titles) were
/// written and how many distinct ones.
fn write_feed(path: &Path, tax: &Taxonomy, occs: &[Occ<'_>], comuni: &[&Comune], n: usize, rng: &mut Rng) -> (usize, usize) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("a feed file"));
    let italian = Labels { tax, alternatives: true, lang: "it" };
    let english = Labels { tax, alternatives: true, lang: "en" };
    let mut seen: HashSet<String> = HashSet::new();
    let mut labels = 0;
    for i in 0..n {
        let o = rng.pick(occs);
        // Most vacancies of an occupation with an Italian label are written in Italian; a
        // skill without one keeps its English label, as `Labels::preferred` gives it.
        let has_italian = tax.concept(o.uri).is_some_and(|c| c.label_in("it").lang == "it");
        let lang = if has_italian && rng.chance(0.7) { italian } else { english };
        let title = if rng.chance(0.3) { lang.alternative(o.uri, rng) } else { None };
        let mut v = blank_vacancy(format!("f{i:07}"), title.unwrap_or_else(|| lang.preferred(o.uri)));
        let mut essential: Vec<&SkillLink<'_>> = o.essential.iter().filter(|_| rng.chance(0.6)).collect();
        if essential.len() < 3 {
            essential = o.essential.iter().take(3).collect();
        }
        rng.shuffle(&mut essential);
        essential.truncate(12);
        v.essential_skills = essential.into_iter().map(|s| Concept { label: written(lang, s.uri, rng), uri: None }).collect();
        let n_optional = rng.below(5);
        v.optional_skills =
            rng.sample(&o.optional, n_optional).iter().map(|s| Concept { label: written(lang, s.uri, rng), uri: None }).collect();
        v.place = Some(place(rng.pick_copy(comuni)));
        v.expires = PartialDate::day(2099, 12, 31);
        for label in std::iter::once(&v.title).chain(v.essential_skills.iter().chain(&v.optional_skills).map(|c| &c.label)) {
            labels += 1;
            if !seen.contains(label) {
                seen.insert(label.clone());
            }
        }
        serde_json::to_writer(&mut out, &v).expect("written");
        out.write_all(b"\n").expect("written");
    }
    out.flush().expect("written");
    (labels, seen.len())
}

/// A skill as a feed writes it: its preferred label, an alternative one, or the preferred
/// label with one typo.
fn written(labels: Labels<'_>, uri: &str, rng: &mut Rng) -> String {
    let preferred = labels.preferred(uri);
    let r = rng.unit();
    if r < PREFERRED {
        preferred
    } else if r < ALTERNATIVE {
        labels.alternative(uri, rng).unwrap_or(preferred)
    } else {
        typo(&preferred, rng)
    }
}
