//! Tests of the matching engine on the shared fixtures: scoring parts, evidence,
//! exclusions, protected-attribute invariance, and the Tantivy index on disk.

#![allow(clippy::unwrap_used)]
#![cfg(feature = "index")]

use std::path::{Path, PathBuf};

use sportello::load::{Format, load_profile, load_vacancy};
use sportello::matching::index::{Filters, VacancyIndex};
use sportello::matching::score::{Evidence, Exclusion, OccupationLink, PartName};
use sportello::matching::{Matcher, PreparedProfile, PreparedVacancy, Weights, explain};
use sportello::model::{Disability, PartialDate, Profile, Vacancy};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn today() -> PartialDate {
    "2026-11-23".parse().unwrap()
}

fn read_dir(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(fixtures().join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
    v.sort();
    v
}

fn profiles() -> Vec<(String, Profile)> {
    read_dir("profiles")
        .into_iter()
        .map(|p| {
            let f = Format::from_file_name(&p.to_string_lossy()).unwrap();
            (p.file_stem().unwrap().to_string_lossy().into_owned(), load_profile(&std::fs::read(&p).unwrap(), f, None).unwrap().value)
        })
        .collect()
}

fn vacancies() -> Vec<Vacancy> {
    read_dir("vacancies").into_iter().map(|p| load_vacancy(&std::fs::read(&p).unwrap(), Format::Yaml, None).unwrap().value).collect()
}

fn profile(name: &str) -> Profile {
    profiles().into_iter().find(|(n, _)| n.starts_with(name)).unwrap_or_else(|| panic!("no fixture {name}")).1
}

fn prepared(m: &Matcher<'_>) -> (Vec<PreparedProfile>, Vec<PreparedVacancy>) {
    let ps = profiles().iter().map(|(n, p)| m.prepare_profile(n, p)).collect();
    let vs = vacancies().iter().map(|v| m.prepare_vacancy(v)).collect();
    (ps, vs)
}

fn result(m: &Matcher<'_>, who: &str, vacancy: &str) -> sportello::matching::MatchResult {
    let p = m.prepare_profile(who, &profile(who));
    let v = m.prepare_vacancy(vacancies().iter().find(|v| v.id == vacancy).unwrap());
    m.score(&p, &v)
}

#[test]
fn scores_are_in_range_and_parts_add_up() {
    let m = Matcher::embedded(today());
    let (ps, vs) = prepared(&m);
    for p in &ps {
        for v in &vs {
            let r = m.score(p, v);
            assert!((0.0..=1.0).contains(&r.score), "{} {}: {}", p.id, v.id, r.score);
            let sum: f64 = r.parts.iter().map(|x| x.contribution).sum();
            assert!((sum - r.score).abs() < 1e-9);
            let weights: f64 = r.parts.iter().map(|x| x.weight).sum();
            assert!(r.parts.is_empty() || (weights - 1.0).abs() < 1e-9);
            assert_eq!(r.score, m.score(p, v).score, "not deterministic");
        }
    }
}

#[test]
fn the_warehouse_worker_fits_the_warehouse_job_best() {
    let m = Matcher::embedded(today());
    let (ps, vs) = prepared(&m);
    let franco = ps.iter().find(|p| p.id.starts_with("franco")).unwrap();
    let ranked = m.rank(vs.iter().map(|v| (franco, v)));
    assert_eq!(ranked[0].vacancy_id, "nov-01", "{:#?}", ranked.iter().map(|r| (&r.vacancy_id, r.score, r.excluded)).collect::<Vec<_>>());
    let best = &ranked[0];
    assert!(!best.excluded);
    assert!(best.score > 0.6, "{}", best.score);
    assert!(best.matched.iter().any(|s| s.essential && s.evidence == Evidence::Exact), "{:#?}", best.matched);
    let text = explain::explain(best, explain::Lang::It);
    assert!(text.contains("competenze essenziali") && text.contains("stessa competenza ESCO"), "{text}");
    let en = explain::explain(best, explain::Lang::En);
    assert!(en.contains("essential skills") && en.contains("distance from home"), "{en}");
}

#[test]
fn exclusions_say_why() {
    let m = Matcher::embedded(today());
    let expired = result(&m, "franco", "nov-11");
    assert!(expired.exclusions.iter().any(|e| matches!(e, Exclusion::Expired { .. })), "{:?}", expired.exclusions);
    let driver = result(&m, "giulia", "nov-10");
    assert!(driver.exclusions.iter().any(|e| matches!(e, Exclusion::MissingLicence { .. })), "{:?}", driver.exclusions);
    let far = result(&m, "sara", "nov-12");
    assert!(far.exclusions.iter().any(|e| matches!(e, Exclusion::OutsideCommute { .. })), "{:?}", far.exclusions);
    let reserved_other = result(&m, "franco", "nov-08");
    assert!(reserved_other.exclusions.contains(&Exclusion::ReservedLaw68));
    let reserved_luca = result(&m, "luca", "nov-08");
    assert!(!reserved_luca.exclusions.contains(&Exclusion::ReservedLaw68), "{:?}", reserved_luca.exclusions);
    assert!(explain::explain(&reserved_other, explain::Lang::It).contains("L. 68/99"));
}

#[test]
fn protected_attributes_never_change_a_score() {
    let m = Matcher::embedded(today());
    let vs: Vec<PreparedVacancy> = vacancies().iter().map(|v| m.prepare_vacancy(v)).collect();
    for (name, p) in profiles() {
        let mut other = p.clone();
        other.sensitive.date_of_birth =
            Some(if p.sensitive.date_of_birth.is_some() { "2004-01-01" } else { "1950-06-30" }.parse().unwrap());
        other.sensitive.sex = Some(if p.sensitive.sex.as_deref() == Some("F") { "M" } else { "F" }.into());
        other.sensitive.nationality = vec!["NG".into(), "UA".into()];
        other.sensitive.disability = match &p.sensitive.disability {
            Some(_) => None,
            None => Some(Disability { law_68_99: true, notes: Some("needs a step-free workplace".into()) }),
        };
        let a = m.prepare_profile(&name, &p);
        let b = m.prepare_profile(&name, &other);
        for v in &vs {
            let (ra, rb) = (m.score(&a, v), m.score(&b, v));
            assert_eq!(ra.score, rb.score, "{name} / {}: score changed with protected attributes", v.id);
            assert_eq!(ra.parts, rb.parts);
            if !v.reserved_law_68_99 {
                assert_eq!(ra.exclusions, rb.exclusions, "{name} / {}", v.id);
            }
        }
    }
}

#[test]
fn a_profile_without_skills_still_matches_on_occupation_and_place() {
    let m = Matcher::embedded(today());
    let mut p = profile("franco");
    p.skills.clear();
    p.digital_skills.clear();
    let prepared = m.prepare_profile("franco-noskills", &p);
    let v = m.prepare_vacancy(vacancies().iter().find(|v| v.id == "nov-01").unwrap());
    let r = m.score(&prepared, &v);
    assert!(r.score > 0.0);
    assert!(r.parts.iter().any(|x| x.name == PartName::Occupation && x.credit > 0.0), "{:?}", r.parts);
    assert!(r.hints.contains(&sportello::matching::score::Hint::AddSkills));
}

#[test]
fn weights_change_the_score_and_bad_weights_are_named() {
    let mut m = Matcher::embedded(today());
    let base = result(&m, "franco", "nov-01").score;
    m.weights = serde_json::from_str(r#"{"distance": 5.0}"#).unwrap();
    assert_ne!(result(&m, "franco", "nov-01").score, base);
    assert!(serde_json::from_str::<Weights>(r#"{"distanza": 1}"#).is_err());
    let bad = Weights { essential_skills: -1.0, ..Weights::default() };
    assert_eq!(bad.check().unwrap_err(), "essential_skills: -1 is not a weight (expected a number >= 0)");
}

fn filters() -> Filters {
    Filters { today: Some(today()), within_commute: true, default_commute_km: 30.0 }
}

#[test]
fn index_on_disk_adds_updates_removes_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("idx");
    let m = Matcher::embedded(today());
    let vs = vacancies();
    {
        let idx = VacancyIndex::create(&path).unwrap();
        let mut w = idx.writer().unwrap();
        // A commit per vacancy: a segment each, enough for merges to start.
        for v in &vs {
            w.upsert(v, &m.prepare_vacancy(v)).unwrap();
            w.commit().unwrap();
        }
        // A duplicate id replaces, it does not duplicate.
        let mut changed = vs[0].clone();
        changed.title = "Magazziniere (aggiornato)".into();
        w.upsert(&changed, &m.prepare_vacancy(&changed)).unwrap();
        w.commit().unwrap();
        assert_eq!(idx.stats().unwrap().vacancies, vs.len() as u64);
        assert_eq!(idx.get(&vs[0].id).unwrap().unwrap().title, "Magazziniere (aggiornato)");
        // Closing keeps every commit, in merged segments. (Merges this small often end
        // before the next commit: that close waits for the last ones is Tantivy's
        // `wait_merging_threads`, not something this test can time.)
        w.close().unwrap();
    }
    let idx = VacancyIndex::open(&path).unwrap();
    let stats = idx.stats().unwrap();
    assert_eq!(stats.vacancies, vs.len() as u64);
    assert!(stats.segments < vs.len(), "{} segments for {} commits", stats.segments, vs.len());
    let franco = m.prepare_profile("franco", &profile("franco"));
    let got = idx.retrieve(&franco, 50, &filters()).unwrap();
    let ids: Vec<&str> = got.iter().map(|v| v.id.as_str()).collect();
    assert!(ids.contains(&"nov-01"), "{ids:?}");
    assert!(!ids.contains(&"nov-11"), "expired vacancy retrieved: {ids:?}");
    let sara = m.prepare_profile("sara", &profile("sara"));
    let ids: Vec<String> = idx.retrieve(&sara, 50, &filters()).unwrap().into_iter().map(|v| v.id.clone()).collect();
    assert!(!ids.contains(&"nov-12".to_owned()), "Vercelli is beyond Sara's commute: {ids:?}");
    assert!(ids.contains(&"nov-04".to_owned()), "{ids:?}");
    let mut w = idx.writer().unwrap();
    w.remove("nov-01");
    w.commit().unwrap();
    assert_eq!(idx.stats().unwrap().vacancies, vs.len() as u64 - 1);
    assert!(idx.get("nov-01").unwrap().is_none());
    assert_eq!(idx.vacancies().unwrap().len(), vs.len() - 1);
}

#[test]
fn missing_corrupt_and_foreign_indexes_give_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let err = VacancyIndex::open(&dir.path().join("nothing")).err().unwrap();
    assert!(err.to_string().contains("is not a sportello index"), "{err}");
    let path = dir.path().join("idx");
    VacancyIndex::create(&path).unwrap();
    std::fs::write(path.join("sportello-index.json"), r#"{"format":"sportello-index","schema_version":99}"#).unwrap();
    let err = VacancyIndex::open(&path).err().unwrap();
    assert!(err.to_string().contains("index format 99"), "{err}");
    assert!(err.hint().unwrap().contains("newer"), "{:?}", err.hint());
    // An index of an older format: rebuild it.
    std::fs::write(path.join("sportello-index.json"), r#"{"format":"sportello-index","schema_version":1}"#).unwrap();
    let err = VacancyIndex::open(&path).err().unwrap();
    assert!(err.to_string().contains("index format 1 (expected"), "{err}");
    assert!(err.hint().unwrap().contains("reindex"), "{:?}", err.hint());
    let current = format!(r#"{{"format":"sportello-index","schema_version":{}}}"#, sportello::matching::index::INDEX_SCHEMA_VERSION);
    std::fs::write(path.join("sportello-index.json"), current).unwrap();
    std::fs::write(path.join("meta.json"), "{ not json").unwrap();
    let err = VacancyIndex::open(&path).err().unwrap();
    assert!(err.to_string().contains("damaged"), "{err}");
}

#[test]
fn a_person_who_names_no_occupation_gets_one_inferred_from_skills() {
    let m = Matcher::embedded(today());
    let mut p = profile("franco");
    p.work.clear();
    p.preferences.occupations.clear();
    let prepared = m.prepare_profile("franco-no-jobs", &p);
    let inferred = prepared.occupations.first().expect("an inferred occupation");
    assert_eq!(inferred.found.as_ref().map(|f| f.how.as_str()), Some("inferred_from_skills"));
    let isco = m.taxonomy.concept(inferred.uri.as_deref().unwrap()).and_then(|c| c.isco_group().map(str::to_owned)).unwrap();
    assert!(isco.starts_with('4') || isco.starts_with('8') || isco.starts_with('9'), "{} ({isco})", inferred.label);
    assert_eq!(prepared.isco_groups, [isco]);
    // A vacancy of that occupation credits it, and the explanation says it was inferred.
    let mut v = vacancies().into_iter().next().unwrap();
    v.occupation = Some(sportello::model::Concept { label: "x".into(), uri: inferred.uri.clone() });
    let r = m.score(&prepared, &m.prepare_vacancy(&v));
    let o = r.occupation.clone().unwrap();
    assert_eq!((o.by.as_str(), o.link, o.inferred), (inferred.label.as_str(), OccupationLink::Same, true));
    assert!(explain::explain(&r, explain::Lang::En).contains("[same ESCO occupation, inferred from the skills]"));
}

/// Readers that query while a writer commits batch after batch see only whole commits:
/// the ids they find are always exactly the first `k` batches, and `k` never goes back.
#[test]
fn concurrent_readers_see_whole_commits_only() {
    const BATCH: usize = 40;
    const BATCHES: usize = 12;
    let dir = tempfile::tempdir().unwrap();
    let m = Matcher::embedded(today());
    let base = vacancies();
    let batch_of = |b: usize| -> Vec<(Vacancy, PreparedVacancy)> {
        (0..BATCH)
            .map(|i| {
                let mut v = base[(b * BATCH + i) % base.len()].clone();
                v.id = format!("b{b:02}-{i:02}");
                let p = m.prepare_vacancy(&v);
                (v, p)
            })
            .collect()
    };
    let batches: Vec<_> = (0..BATCHES).map(batch_of).collect();
    let idx = VacancyIndex::create(&dir.path().join("idx")).unwrap();
    let done = std::sync::atomic::AtomicBool::new(false);
    let franco = m.prepare_profile("franco", &profile("franco"));
    let everything = Filters { today: None, within_commute: false, default_commute_km: 30.0 };
    std::thread::scope(|s| {
        let readers: Vec<_> = (0..3)
            .map(|_| {
                s.spawn(|| {
                    let (mut last, mut looks) = (0, 0);
                    while !done.load(std::sync::atomic::Ordering::Acquire) || looks == 0 {
                        idx.reload().unwrap();
                        let mut ids: Vec<String> = idx.vacancies().unwrap().into_iter().map(|v| v.id).collect();
                        ids.sort();
                        assert_eq!(ids.len() % BATCH, 0, "a reader saw part of a commit: {} vacancies", ids.len());
                        let k = ids.len() / BATCH;
                        let expected: Vec<String> = (0..k).flat_map(|b| (0..BATCH).map(move |i| format!("b{b:02}-{i:02}"))).collect();
                        assert_eq!(ids, expected);
                        assert!(k >= last, "went back from {last} to {k} commits");
                        // Retrieval (which caches decoded vacancies) returns each at most once.
                        let got = idx.retrieve(&franco, 1000, &everything).unwrap();
                        let distinct: std::collections::HashSet<&str> = got.iter().map(|v| v.id.as_str()).collect();
                        assert_eq!(distinct.len(), got.len(), "a vacancy came back twice");
                        last = k;
                        looks += 1;
                    }
                    looks
                })
            })
            .collect();
        let mut w = idx.writer().unwrap();
        for batch in &batches {
            for (v, p) in batch {
                w.upsert(v, p).unwrap();
            }
            w.commit().unwrap();
        }
        drop(w);
        done.store(true, std::sync::atomic::Ordering::Release);
        for r in readers {
            assert!(r.join().unwrap() > 0);
        }
    });
    idx.reload().unwrap();
    assert_eq!(idx.stats().unwrap().vacancies, (BATCH * BATCHES) as u64);
}

/// An index in RAM holding these vacancies, committed.
fn ram_index(vacancies: &[(Vacancy, PreparedVacancy)]) -> VacancyIndex {
    let idx = VacancyIndex::in_ram().unwrap();
    let mut w = idx.writer().unwrap();
    for (v, p) in vacancies {
        w.upsert(v, p).unwrap();
    }
    w.commit().unwrap();
    drop(w);
    idx
}

/// Vacancies varied over everything retrieval filters on: place (near Trecate, in Rome,
/// none), remote work, contract type and expiry.
fn filter_grid(m: &Matcher<'_>) -> Vec<(Vacancy, PreparedVacancy)> {
    use sportello::model::{ContractType, Place, Remote};
    let trecate = Place { name: Some("Trecate".into()), lat: Some(45.434), lon: Some(8.736), ..Place::default() };
    let roma = Place { name: Some("Roma".into()), lat: Some(41.893), lon: Some(12.483), ..Place::default() };
    let places = [Some(trecate), Some(roma), None];
    let remotes = [None, Some(Remote::Remote)];
    let contracts = [None, Some(ContractType::Tirocinio), Some(ContractType::TempoIndeterminato)];
    let expiries = [None, Some(PartialDate::day(2026, 11, 22).unwrap()), Some(PartialDate::day(2026, 11, 23).unwrap())];
    let base = vacancies();
    let mut out = Vec::new();
    for (i, (((place, remote), contract), expires)) in places
        .iter()
        .flat_map(|p| remotes.iter().map(move |r| (p, r)))
        .flat_map(|pr| contracts.iter().map(move |c| (pr, c)))
        .flat_map(|prc| expiries.iter().map(move |e| (prc, e)))
        .enumerate()
    {
        let mut v = base[i % base.len()].clone();
        v.id = format!("grid-{i:02}");
        (v.place, v.remote, v.contract, v.expires) = (place.clone(), *remote, *contract, *expires);
        let p = m.prepare_vacancy(&v);
        out.push((v, p));
    }
    out
}

#[test]
fn retrieval_keeps_exactly_the_vacancies_that_pass_the_filters_best_first() {
    use sportello::model::ContractType;
    let m = Matcher::embedded(today());
    let grid = filter_grid(&m);
    let idx = ram_index(&grid);
    let mut person = m.prepare_profile("franco", &profile("franco"));
    person.contract_types = vec![ContractType::Tirocinio];
    person.max_commute_km = Some(30.0);
    person.willing_to_relocate = false;
    assert!(person.home.is_some(), "the fixture lives near Trecate");
    // Expected: not expired before today, in reach (near Trecate, remote or unplaced),
    // and a contract the person accepts (or none stated).
    let passes = |p: &PreparedVacancy| {
        p.expires.is_none_or(|e| e >= today())
            && (p.remote || p.point.is_none_or(|pt| pt.lat > 45.0))
            && p.contract.is_none_or(|c| c == ContractType::Tirocinio)
    };
    let expected: std::collections::BTreeSet<&str> = grid.iter().filter(|(_, p)| passes(p)).map(|(v, _)| v.id.as_str()).collect();
    assert!(expected.len() >= 8 && expected.len() < grid.len() / 2, "the grid tests each filter: {expected:?}");

    // A person without skills or occupation retrieves everything that passes.
    let mut blank = person.clone();
    (blank.skills, blank.occupations, blank.isco_groups) = (Vec::new(), Vec::new(), Vec::new());
    let ids = |got: Vec<std::sync::Arc<PreparedVacancy>>| got.iter().map(|v| v.id.clone()).collect::<Vec<_>>();
    let all = ids(idx.retrieve(&blank, 1000, &filters()).unwrap());
    assert_eq!(all.iter().map(String::as_str).collect::<std::collections::BTreeSet<_>>(), expected);

    // With skills: only passing vacancies, and a smaller limit keeps the best of them.
    let ranked = ids(idx.retrieve(&person, 1000, &filters()).unwrap());
    assert!(!ranked.is_empty() && ranked.iter().all(|id| expected.contains(id.as_str())), "{ranked:?}");
    assert_eq!(ids(idx.retrieve(&person, 3, &filters()).unwrap()), ranked[..3]);

    // Removed vacancies are never retrieved. (The grid repeats vacancies, so equal scores
    // are ordered by address, and a commit may list the writer's segments in another
    // order: compare as sets.)
    let mut w = idx.writer().unwrap();
    w.remove(&ranked[0]);
    w.commit().unwrap();
    let after: std::collections::BTreeSet<String> = ids(idx.retrieve(&person, 1000, &filters()).unwrap()).into_iter().collect();
    assert_eq!(after, ranked[1..].iter().cloned().collect());
}

/// Four ESCO occupations, each one step further from the first: another in its ISCO unit
/// group, one in its minor group only, and one outside it.
fn occupation_ladder(m: &Matcher<'_>) -> [(String, String); 4] {
    use sportello::taxonomy::ConceptKind;
    let occs: Vec<(String, String)> = m
        .taxonomy
        .concepts()
        .filter(|c| c.kind() == ConceptKind::Occupation)
        .filter_map(|c| Some((c.uri().to_owned(), c.isco_group().filter(|g| g.len() == 4)?.to_owned())))
        .collect();
    let find = |pred: &dyn Fn(&str) -> bool| occs.iter().find(|(_, g)| pred(g)).cloned();
    occs.iter()
        .find_map(|(uri, g)| {
            let unit = occs.iter().find(|(u, h)| h == g && u != uri)?.clone();
            let minor = find(&|h| h != g && h[..3] == g[..3])?;
            let other = find(&|h| h[..3] != g[..3])?;
            Some([(uri.clone(), g.clone()), unit, minor, other])
        })
        .unwrap()
}

#[test]
fn retrieval_and_score_put_neighbouring_occupations_next() {
    let m = Matcher::embedded(today());
    let ladder = occupation_ladder(&m);
    let base = vacancies().into_iter().next().unwrap();
    let steps: Vec<(Vacancy, PreparedVacancy)> = ladder
        .iter()
        .enumerate()
        .map(|(i, (uri, _))| {
            let mut v = base.clone();
            v.id = format!("step-{i}");
            v.occupation = Some(sportello::model::Concept { label: format!("occupation {i}"), uri: Some(uri.clone()) });
            (v.essential_skills, v.optional_skills, v.place) = (Vec::new(), Vec::new(), None);
            let p = m.prepare_vacancy(&v);
            (v, p)
        })
        .collect();
    let idx = ram_index(&steps);
    let mut work = profile("franco");
    work.skills.clear();
    work.work.truncate(1);
    work.preferences.occupations.clear();
    work.work[0].occupation = Some(sportello::model::Concept { label: "first".into(), uri: Some(ladder[0].0.clone()) });
    let person = m.prepare_profile("ladder", &work);
    assert_eq!(person.isco_groups, [ladder[0].1.clone()]);
    // Retrieval: the same occupation, then its unit group, then its minor group; a vacancy
    // that shares nothing is not a candidate.
    let got = idx.retrieve(&person, 10, &filters()).unwrap();
    assert_eq!(got.iter().map(|v| v.id.as_str()).collect::<Vec<_>>(), ["step-0", "step-1", "step-2"]);
    // The score keeps that order through the occupation part, and says how each relates.
    let results: Vec<_> = got.iter().map(|v| m.score(&person, v)).collect();
    let credits: Vec<f64> = results.iter().map(|r| r.parts.iter().find(|p| p.name == PartName::Occupation).unwrap().credit).collect();
    let w = &m.weights;
    assert_eq!(credits, [1.0, w.same_isco_credit, w.same_isco3_credit]);
    let group = &ladder[0].1;
    let links: Vec<_> = results.iter().map(|r| r.occupation.clone().unwrap().link).collect();
    assert_eq!(
        links,
        [
            OccupationLink::Same,
            OccupationLink::SameUnitGroup { isco: group.clone() },
            OccupationLink::SameMinorGroup { isco: group[..3].to_owned() }
        ]
    );
    assert!(results.iter().all(|r| r.occupation.as_ref().is_some_and(|o| o.by == "first" && !o.inferred)));
    assert!(
        explain::explain(&results[2], explain::Lang::It)
            .contains(&format!("professione: first [stesso gruppo minore ISCO {}]", &group[..3]))
    );
    assert!(explain::explain(&results[1], explain::Lang::En).contains(&format!("occupation: first [same ISCO unit group {group}]")));
    // A vacancy of an unrelated occupation earns no credit and names no occupation.
    let mut unrelated = vacancies().into_iter().next().unwrap();
    unrelated.occupation = Some(sportello::model::Concept { label: "other".into(), uri: Some(ladder[3].0.clone()) });
    let r = m.score(&person, &m.prepare_vacancy(&unrelated));
    assert_eq!((r.parts.iter().find(|p| p.name == PartName::Occupation).unwrap().credit, r.occupation), (0.0, None));
}

/// Related-skill credit only for links that mean the person can do the job: across every
/// fixture pair, each related match is a hierarchy link, an ESCO skill-skill relation or two
/// specialisations of one broader skill, never two skills that merely share a group of the
/// skills hierarchy; and the two credits a counsellor could not defend are gone.
#[test]
fn related_skill_credit_is_defensible_on_the_fixtures() {
    use sportello::taxonomy::{CLOSE_GROUP_MAX, ConceptKind, RelationKind};
    let m = Matcher::embedded(today());
    let (ps, vs) = prepared(&m);
    let mut related = 0;
    for p in &ps {
        for v in &vs {
            for s in &m.score(p, v).matched {
                let Evidence::Related { relation } = s.evidence else { continue };
                related += 1;
                assert_ne!(relation, RelationKind::Same, "{} / {}: a same-concept match is exact", p.id, v.id);
                if relation == RelationKind::SameGroup {
                    let (held, want) =
                        (p.skills.iter().find(|k| k.label == s.by), v.essential.iter().chain(&v.optional).find(|k| k.label == s.required));
                    let (held, want) = (held.and_then(|k| k.uri.as_deref()).unwrap(), want.and_then(|k| k.uri.as_deref()).unwrap());
                    let via = m.taxonomy.relatedness(held, want).and_then(|r| r.via).and_then(|g| m.taxonomy.concept_by_id(g)).unwrap();
                    assert_eq!(via.kind(), ConceptKind::Skill, "{} / {}: {:?} from {:?} via a skill group", p.id, v.id, s.required, s.by);
                    assert!(m.taxonomy.narrower(via.id()).count() <= CLOSE_GROUP_MAX, "{} / {}: via {:?}", p.id, v.id, via.label());
                }
            }
        }
    }
    assert!(related > 0, "the fixtures still show some related credit");
    let nothing_from = |who: &str, vacancy: &str, required: &str| {
        let r = result(&m, who, vacancy);
        assert!(!r.matched.iter().any(|s| s.required == required), "{who} / {vacancy}: {required:?} credited: {:?}", r.matched);
        for lang in [explain::Lang::It, explain::Lang::En] {
            assert!(!explain::explain(&r, lang).contains(&format!("+ {required}")), "{}", explain::explain(&r, lang));
        }
    };
    nothing_from("franco", "nov-05", "raccolta differenziata dei rifiuti");
    nothing_from("franco", "nov-02", "collaborare con il personale infermieristico");
    nothing_from("franco", "nov-12", "lavorare in una brigata di cucina");
}
