//! The speed run: indexing, single-query latency and batch throughput at several index
//! sizes.

use super::*;

/// Figures of one index build.
pub(crate) struct Build {
    pub(crate) index: VacancyIndex,
    pub(crate) generate: Duration,
    pub(crate) index_time: Duration,
    pub(crate) commit: Duration,
    /// Waiting for the merges the commit started, after it.
    pub(crate) merges: Duration,
    pub(crate) bytes: u64,
    pub(crate) segments: usize,
    /// Mean bytes of the two JSON documents stored per vacancy: prepared, original.
    pub(crate) stored_json: (usize, usize),
}

pub(crate) fn speed(
    matcher: &Matcher<'_>,
    occs: &[Occ<'_>],
    quick: bool,
    sizes: Option<&[usize]>,
    corpus: Option<&Path>,
    query_skills: Option<usize>,
    summary: &mut Summary,
) {
    println!("\n## Speed (synthetic vacancies, URIs on all skills; load average now {})", load_average());
    let comuni = comuni_of_regions(matcher.gazetteer, &["Piemonte", "Lombardia"]);
    let mut rng = Rng(SEED ^ 0x5bd1_e995);
    let labels = Labels { tax: matcher.taxonomy, alternatives: false, lang: "en" };
    let mut queries = speed_profiles(matcher, occs, labels, &comuni, LATENCY_QUERIES + WARM_UP, &mut rng);
    if let Some(n) = query_skills {
        queries.iter_mut().for_each(|q| q.skills.truncate(n));
    }
    if let Some(dir) = corpus {
        std::fs::create_dir_all(dir).expect("the corpus folder");
        let lines: Vec<String> =
            queries.iter().map(|q| q.skills.iter().map(|s| s.label.as_str()).collect::<Vec<_>>().join(" | ")).collect();
        std::fs::write(dir.join("queries.tsv"), lines.join("\n") + "\n").expect("queries written");
    }
    let batch_n = if quick { 1_000 } else { 10_000 };
    let t = Instant::now();
    let batch_profiles = speed_profiles(matcher, occs, labels, &comuni, batch_n, &mut rng);
    let skills = batch_profiles.iter().map(|p| p.skills.len()).sum::<usize>() as f64 / batch_n as f64;
    println!(
        "{} comuni of Piemonte and Lombardia; {LATENCY_QUERIES} latency queries; batch of {batch_n} profiles ({skills:.1} skills each, with URIs; prepared in {:.2} s)",
        comuni.len(),
        t.elapsed().as_secs_f64()
    );
    let sizes: &[usize] = sizes.unwrap_or(if quick { &[10_000, 100_000] } else { &[10_000, 100_000, 1_000_000] });
    let root = tempfile::tempdir().expect("a temp dir");
    for &n in sizes {
        let used = Used::start();
        let mut text = corpus
            .map(|dir| std::io::BufWriter::new(std::fs::File::create(dir.join(format!("vacancies-{n}.tsv"))).expect("the corpus file")));
        let dir = root.path().join(format!("i{n}"));
        let b = build_index(matcher, occs, labels, &comuni, n, Destination { dir: &dir, text: text.as_mut() }, &mut rng);
        if let Some(mut out) = text {
            std::io::Write::flush(&mut out).expect("corpus written");
        }
        report_build(n, &b, summary);
        println!("  indexing (generation included): {}", used.since());
        let l = latency(matcher, &b.index, &queries);
        report_latency(n, &l, summary);
        if n == 100_000 {
            batch(matcher, &b.index, &batch_profiles, summary);
        }
    }
}

pub(crate) fn report_build(n: usize, b: &Build, summary: &mut Summary) {
    let secs = b.index_time.as_secs_f64();
    println!(
        "\n{n} vacancies: indexed in {secs:.2} s ({:.0}/s; commit {:.2} s; generating them took {:.2} s more; background merges \
         then {:.2} s), {} on disk ({:.0} B each; JSON stored per vacancy: {} B prepared + {} B original), {} segments, RSS {}, load average {}",
        n as f64 / secs,
        b.commit.as_secs_f64(),
        b.generate.as_secs_f64(),
        b.merges.as_secs_f64(),
        mb(b.bytes),
        b.bytes as f64 / n as f64,
        b.stored_json.0,
        b.stored_json.1,
        b.segments,
        current_rss(),
        load_average()
    );
    let target = match n {
        100_000 => "< 10 s",
        1_000_000 => "< 90 s",
        _ => "",
    };
    summary.push((format!("speed {}: index (prepare + upsert + commit)", human(n)), format!("{secs:.2} s"), target.into()));
    summary.push((format!("speed {}: size on disk / segments", human(n)), format!("{} / {}", mb(b.bytes), b.segments), String::new()));
}

pub(crate) fn report_latency(n: usize, l: &Latency, summary: &mut Summary) {
    println!(
        "  query top-{EXPLAINED} + explain, cache emptied: p50 {:.2} ms, p99 {:.2} ms; phases p50: retrieve {:.2} ms (p99 {:.2}), score {} candidates {:.2} ms ({:.1} µs each), explain {:.2} ms",
        ms(l.total.0),
        ms(l.total.1),
        ms(l.retrieve.0),
        ms(l.retrieve.1),
        l.candidates,
        ms(l.score.0),
        ms(l.score.0) * 1000.0 / l.candidates.max(1) as f64,
        ms(l.explain.0)
    );
    println!("    while they ran: {}", l.cold_used);
    println!("  same queries again, vacancies cached: p50 {:.2} ms, p99 {:.2} ms", ms(l.warm.0), ms(l.warm.1));
    println!("  on one thread, cache emptied: p50 {:.2} ms, p99 {:.2} ms", ms(l.one_thread.0), ms(l.one_thread.1));
    println!("    while they ran: {}", l.one_thread_used);
    println!(
        "  what-if: retrieve by URIs only (no text clause): p50 {:.2} ms, p99 {:.2} ms",
        ms(l.retrieve_by_uri.0),
        ms(l.retrieve_by_uri.1)
    );
    println!(
        "  what-if: retrieve without the ISCO groups: p50 {:.2} ms, p99 {:.2} ms",
        ms(l.retrieve_without_isco.0),
        ms(l.retrieve_without_isco.1)
    );
    let kept: Vec<String> = l.fewer_candidates.iter().map(|(k, share)| format!("{k}: {:.1}%", share * 100.0)).collect();
    println!("  what-if fewer candidates than {DEFAULT_RETRIEVE}: share of the top {EXPLAINED} kept with {}", kept.join(", "));
    let target = if n == 1_000_000 { "p50 < 5 ms, p99 < 25 ms" } else { "" };
    summary.push((
        format!("speed {}: query top-20 + explain p50 / p99", human(n)),
        format!("{:.1} / {:.1} ms", ms(l.total.0), ms(l.total.1)),
        target.into(),
    ));
    summary.push((
        format!("speed {}:   same, on one thread p50 / p99", human(n)),
        format!("{:.1} / {:.1} ms", ms(l.one_thread.0), ms(l.one_thread.1)),
        String::new(),
    ));
    summary.push((
        format!("speed {}:   same, vacancies cached p50 / p99", human(n)),
        format!("{:.1} / {:.1} ms", ms(l.warm.0), ms(l.warm.1)),
        String::new(),
    ));
    summary.push((
        format!("speed {}:   retrieve / score / explain p50", human(n)),
        format!("{:.1} / {:.1} / {:.2} ms", ms(l.retrieve.0), ms(l.score.0), ms(l.explain.0)),
        String::new(),
    ));
    summary.push((
        format!("speed {}:   what-if retrieve by URIs only p50 / p99", human(n)),
        format!("{:.1} / {:.1} ms", ms(l.retrieve_by_uri.0), ms(l.retrieve_by_uri.1)),
        String::new(),
    ));
}

pub(crate) fn batch(matcher: &Matcher<'_>, index: &VacancyIndex, profiles: &[PreparedProfile], summary: &mut Summary) {
    index.reload().expect("reload");
    let t = Instant::now();
    let results = matcher.batch(index, profiles, K, &|| {}).expect("batch");
    let took = t.elapsed().as_secs_f64();
    let per_s = profiles.len() as f64 / took;
    println!(
        "  batch of {} profiles, top {K}: {took:.2} s, {per_s:.0} profiles/s on {} threads ({} results)",
        profiles.len(),
        threads(),
        results.iter().map(Vec::len).sum::<usize>()
    );
    summary.push((
        format!("speed 100k: batch of {} profiles", human(profiles.len())),
        format!("{took:.1} s, {per_s:.0}/s"),
        "10k in < 30 s (>= 333/s)".into(),
    ));
}

pub(crate) fn threads() -> usize {
    rayon::current_num_threads()
}

/// Prepared profiles of random occupations, skills with URIs, commute 50 km.
pub(crate) fn speed_profiles(
    matcher: &Matcher<'_>,
    occs: &[Occ<'_>],
    labels: Labels<'_>,
    comuni: &[&Comune],
    n: usize,
    rng: &mut Rng,
) -> Vec<PreparedProfile> {
    (0..n)
        .map(|i| {
            let o = rng.pick(occs);
            let mut p = blank_profile();
            let keep = rng.between(o.essential.len().div_ceil(2), o.essential.len()).min(15);
            let mut skills: Vec<Concept> = rng.sample(&o.essential, keep).iter().map(|s| labels.skill(s, true)).collect();
            for _ in 0..2 {
                let other = rng.pick(occs);
                skills.push(labels.skill(rng.pick(&other.essential), true));
            }
            p.skills = skills.into_iter().map(|c| Skill { label: c.label, uri: c.uri, ..Skill::default() }).collect();
            if i % 2 == 0 {
                p.work.push(work_entry(labels.occupation(o)));
            }
            p.mobility.home = Some(place(rng.pick_copy(comuni)));
            p.mobility.max_commute_km = Some(50);
            matcher.prepare_profile(&format!("s{i}"), &p)
        })
        .collect()
}

/// Where [`build_index`] writes: the index's folder, and the vacancies as text (`--corpus`).
pub(crate) struct Destination<'a> {
    pub(crate) dir: &'a Path,
    pub(crate) text: Option<&'a mut std::io::BufWriter<std::fs::File>>,
}

/// Builds an index of `n` synthetic vacancies in `to.dir`, timing generation apart.
pub(crate) fn build_index(
    matcher: &Matcher<'_>,
    occs: &[Occ<'_>],
    labels: Labels<'_>,
    comuni: &[&Comune],
    n: usize,
    to: Destination<'_>,
    rng: &mut Rng,
) -> Build {
    let Destination { dir, mut text } = to;
    const CHUNK: usize = 10_000;
    let index = VacancyIndex::create(dir).expect("an index");
    let mut w = index.writer().expect("a writer");
    let (mut generate, mut index_time) = (Duration::ZERO, Duration::ZERO);
    let mut stored_json = (0, 0);
    let mut done = 0;
    while done < n {
        let t = Instant::now();
        let chunk: Vec<Vacancy> = (done..(done + CHUNK).min(n))
            .map(|i| vacancy_for(format!("v{i:07}"), rng.pick(occs), labels, rng.pick_copy(comuni), 1.0, rng))
            .collect();
        generate += t.elapsed();
        if let Some(out) = text.as_deref_mut() {
            write_text(out, &chunk);
        }
        if done == 0 {
            stored_json = stored_json_sizes(matcher, &chunk);
        }
        let t = Instant::now();
        for v in &chunk {
            w.upsert(v, &matcher.prepare_vacancy(v)).expect("upsert");
        }
        index_time += t.elapsed();
        done += chunk.len();
    }
    let t = Instant::now();
    w.commit().expect("commit");
    let commit = t.elapsed();
    // The merges the commit started run apart from the queries measured next.
    let t = Instant::now();
    w.close().expect("close");
    let merges = t.elapsed();
    let stats = index.stats().expect("stats");
    Build { index, generate, index_time: index_time + commit, commit, merges, bytes: stats.bytes, segments: stats.segments, stored_json }
}

/// Writes vacancies as text for another engine: id, then the title and skill labels.
fn write_text(out: &mut impl std::io::Write, vacancies: &[Vacancy]) {
    for v in vacancies {
        let skills = v.essential_skills.iter().chain(&v.optional_skills).map(|c| c.label.as_str());
        let line = std::iter::once(v.title.as_str()).chain(skills).collect::<Vec<_>>().join(" | ");
        writeln!(out, "{}\t{line}", v.id).expect("corpus written");
    }
}

/// Mean length of the prepared and the original vacancy as JSON, as the index stores them.
pub(crate) fn stored_json_sizes(matcher: &Matcher<'_>, vacancies: &[Vacancy]) -> (usize, usize) {
    let n = vacancies.len().max(1);
    let prepared: usize = vacancies.iter().map(|v| serde_json::to_string(&matcher.prepare_vacancy(v)).map_or(0, |s| s.len())).sum();
    let original: usize = vacancies.iter().map(|v| serde_json::to_string(v).map_or(0, |s| s.len())).sum();
    (prepared / n, original / n)
}

/// Latency figures, (p50, p99) each.
pub(crate) struct Latency {
    /// `vacancies_for` + `explain`, with the vacancy cache emptied first.
    pub(crate) total: (Duration, Duration),
    /// The same queries again, every vacancy they read now cached.
    pub(crate) warm: (Duration, Duration),
    /// As `total`, on one thread.
    pub(crate) one_thread: (Duration, Duration),
    pub(crate) retrieve: (Duration, Duration),
    pub(crate) score: (Duration, Duration),
    pub(crate) explain: (Duration, Duration),
    /// Retrieval by URIs only (the text clause left out), as a what-if.
    pub(crate) retrieve_by_uri: (Duration, Duration),
    /// Retrieval without the ISCO groups' terms, as a what-if.
    pub(crate) retrieve_without_isco: (Duration, Duration),
    pub(crate) candidates: usize,
    /// (candidates, share of the usual top 20 that stays in the top 20).
    pub(crate) fewer_candidates: Vec<(usize, f64)>,
    /// What the cold queries used (`total`), and the same on one thread ([`Used`]).
    pub(crate) cold_used: String,
    pub(crate) one_thread_used: String,
}

/// One query at a time (each on all cores, as `vacancies_for` runs): `vacancies_for` top 20
/// and `explain` of each, after warm-up queries, with the index's vacancy cache emptied
/// (`reload`) before each pass; then the same queries with a warm cache, on one thread,
/// in phases, with fewer candidates, and retrieving by URIs only.
pub(crate) fn latency(matcher: &Matcher<'_>, index: &VacancyIndex, queries: &[PreparedProfile]) -> Latency {
    let (warm_up, measured) = queries.split_at(WARM_UP);
    time_queries(matcher, index, warm_up);
    index.reload().expect("reload");
    let used = Used::start();
    let mut total = time_queries(matcher, index, measured);
    let cold_used = used.since();
    let mut warm = time_queries(matcher, index, measured);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a thread pool");
    index.reload().expect("reload");
    let used = Used::start();
    let mut one_thread = pool.install(|| time_queries(matcher, index, measured));
    let one_thread_used = used.since();
    let filters = Filters { today: Some(matcher.today), within_commute: true, default_commute_km: matcher.weights.default_commute_km };
    let limit = DEFAULT_RETRIEVE.max(EXPLAINED * 5);
    index.reload().expect("reload");
    let (mut retrieves, mut scores, mut explains, mut candidates) = (Vec::new(), Vec::new(), Vec::new(), 0);
    for p in measured {
        let t = Instant::now();
        let cands = index.retrieve(p, limit, &filters).expect("retrieve");
        retrieves.push(t.elapsed());
        candidates += cands.len();
        let t = Instant::now();
        let ranked = matcher.rank_candidates(p, &cands, EXPLAINED, false);
        scores.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(ranked.iter().map(|r| explain::explain(r, Lang::It).len()).sum::<usize>());
        explains.push(t.elapsed());
    }
    // What-if: fewer candidates. Which share of the top 20 (from the usual number of
    // candidates) stays in the top 20 from fewer.
    let top_ids = |p: &PreparedProfile, k: usize| -> Vec<String> {
        let r = matcher.rank_candidates(p, &index.retrieve(p, k, &filters).expect("retrieve"), EXPLAINED, false);
        r.into_iter().map(|r| r.vacancy_id).collect()
    };
    let full: Vec<Vec<String>> = measured.iter().map(|p| top_ids(p, limit)).collect();
    let fewer_candidates: Vec<(usize, f64)> = [200, 150, 100]
        .into_iter()
        .map(|k| {
            let (mut kept, mut all) = (0, 0);
            for (p, want) in measured.iter().zip(&full) {
                let got = top_ids(p, k);
                kept += want.iter().filter(|id| got.contains(id)).count();
                all += want.len();
            }
            (k, kept as f64 / all.max(1) as f64)
        })
        .collect();
    // What-ifs of retrieval alone, each from an emptied cache.
    let retrieval = |change: fn(&PreparedProfile) -> PreparedProfile| {
        index.reload().expect("reload");
        let mut times: Vec<Duration> = measured
            .iter()
            .map(|p| {
                let changed = change(p);
                let t = Instant::now();
                std::hint::black_box(index.retrieve(&changed, limit, &filters).expect("retrieve"));
                t.elapsed()
            })
            .collect();
        p50_p99(&mut times)
    };
    let retrieve_by_uri = retrieval(uris_only);
    let retrieve_without_isco = retrieval(|p| PreparedProfile { isco_groups: Vec::new(), ..p.clone() });
    index.reload().expect("reload");
    Latency {
        total: p50_p99(&mut total),
        warm: p50_p99(&mut warm),
        one_thread: p50_p99(&mut one_thread),
        retrieve: p50_p99(&mut retrieves),
        score: p50_p99(&mut scores),
        explain: p50_p99(&mut explains),
        retrieve_by_uri,
        retrieve_without_isco,
        candidates: candidates / measured.len().max(1),
        fewer_candidates,
        cold_used,
        one_thread_used,
    }
}

/// The time of `vacancies_for` top 20 and `explain` of each, per query.
pub(crate) fn time_queries(matcher: &Matcher<'_>, index: &VacancyIndex, queries: &[PreparedProfile]) -> Vec<Duration> {
    queries
        .iter()
        .map(|p| {
            let t = Instant::now();
            let found = matcher.vacancies_for(index, p, EXPLAINED, false).expect("match");
            std::hint::black_box(found.iter().map(|r| explain::explain(r, Lang::It).len()).sum::<usize>());
            t.elapsed()
        })
        .collect()
}
