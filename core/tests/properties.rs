//! Property tests over generated profiles (proptest, fixed seed so that CI repeats):
//! every score is in [0, 1], deterministic and blind to protected attributes; every valid
//! profile renders in every template; export then import loses nothing the formats share.
//!
//! Profiles are generated as JSON and read by the loader, so they are what a user could
//! write: arbitrary Unicode and Typst markup in the texts, partial dates, CEFR grids,
//! ESCO skills with and without URIs, homes in real comuni.

#![allow(clippy::unwrap_used)]

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{Value, json};
use sportello::interop::{ExportFormat, ImportOptions, Imported, SourceFormat, export_profile, import};
use sportello::load::{Format, load_profile, load_vacancy};
use sportello::matching::{MatchResult, Matcher, PreparedVacancy, score};
use sportello::model::{PartialDate, Profile};

fn today() -> PartialDate {
    "2026-11-23".parse().unwrap()
}

/// A runner with a fixed seed: failures repeat, and CI sees the same cases every time.
fn runner(cases: u32) -> TestRunner {
    let config = Config { cases, failure_persistence: None, ..Config::default() };
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]))
}

/// Free text: letters, accents, other scripts, emoji and Typst markup characters.
fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::string::string_regex(&format!("[A-Za-zÀ-ÿ][\\PC]{{0,{max}}}")).unwrap(),
        // No `<` before a letter: JSON Resume text may be HTML, so "<b>" there is a tag.
        proptest::string::string_regex(&format!("[a-zA-Z#$@*_\\[\\]{{}}>=/\\\\`\"' ]{{1,{max}}}")).unwrap(),
        Just("a < b, c > d, <> e, x<1".to_owned()),
        Just("#set page(width: 1pt) #panic(\"x\")".to_owned()),
        Just("Ανδρέας Παπαδόπουλος — 日本語 — عربي — 🙂".to_owned()),
    ]
    .prop_map(|s| s.trim().to_owned())
    .prop_filter("not blank", |s| !s.is_empty())
}

fn date() -> impl Strategy<Value = (u16, Option<u8>)> {
    (1975u16..=2026, proptest::option::of(1u8..=10))
}

fn date_text((y, m): (u16, Option<u8>)) -> String {
    m.map_or_else(|| y.to_string(), |m| format!("{y}-{m:02}"))
}

/// ESCO skills the fixtures use, as (label, URI).
const SKILLS: &[(&str, &str)] = &[
    ("inserimento dati", "http://data.europa.eu/esco/skill/f2d57f41-43b4-4f5b-8100-3df5c21eda50"),
    ("archiviare documenti", "http://data.europa.eu/esco/skill/3d427a49-4f85-42cd-8a92-62d4a34f41a1"),
    ("gestire la posta", "http://data.europa.eu/esco/skill/76f22707-8d30-453f-9eb7-3376e2960311"),
    ("usare sistemi per ufficio", "http://data.europa.eu/esco/skill/71dde84c-0058-4c52-a556-523369333db8"),
    ("Microsoft Excel", "http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be"),
];

const FREE_SKILLS: &[&str] = &["muletto", "carrello elevatore", "assistenza anziani", "pulizia", "cucina", "guida camion", "python"];
const COMUNI: &[&str] = &["003068", "003106", "003149", "003008", "002158", "015146"];
const CEFR: &[&str] = &["A1", "A2", "B1", "B2", "C1", "C2"];

fn skill() -> impl Strategy<Value = Value> {
    prop_oneof![
        proptest::sample::select(SKILLS).prop_map(|(l, u)| json!({"label": l, "uri": u})),
        proptest::sample::select(FREE_SKILLS).prop_map(|l| json!({"label": l})),
        text(30).prop_map(|l| json!({"label": l})),
    ]
}

fn work() -> impl Strategy<Value = Value> {
    (text(60), proptest::option::of(text(40)), date(), proptest::option::of(0u16..=15), proptest::option::of(text(200))).prop_map(
        |(role, employer, start, years, description)| {
            let mut w = json!({"role": role, "start": date_text(start)});
            if let Some(e) = employer {
                w["employer"] = e.into();
            }
            if let Some(y) = years {
                w["end"] = date_text(((start.0 + y).min(2026), start.1)).into();
            }
            if let Some(d) = description {
                w["description"] = d.into();
            }
            w
        },
    )
}

fn language() -> impl Strategy<Value = Value> {
    (proptest::sample::select(&["en", "fr", "de", "es", "ar", "ro"][..]), proptest::collection::vec(proptest::sample::select(CEFR), 5))
        .prop_map(|(l, g)| {
            json!({"language": l, "listening": g[0], "reading": g[1], "spoken_interaction": g[2], "spoken_production": g[3], "writing": g[4]})
        })
}

/// Sensitive data, all of it optional.
fn sensitive() -> impl Strategy<Value = Value> {
    (
        proptest::option::of((1950u16..=2008, 1u8..=12, 1u8..=28)),
        proptest::option::of(proptest::sample::select(&["F", "M", "X"][..])),
        proptest::collection::vec(proptest::sample::select(&["IT", "AL", "MA", "RO", "NG", "UA"][..]), 0..2),
        proptest::option::of((any::<bool>(), proptest::option::of(text(80)))),
    )
        .prop_map(|(dob, sex, nationality, disability)| {
            let mut s = json!({"nationality": nationality});
            if let Some((y, m, d)) = dob {
                s["date_of_birth"] = format!("{y}-{m:02}-{d:02}").into();
            }
            if let Some(x) = sex {
                s["sex"] = x.into();
            }
            if let Some((law, notes)) = disability {
                s["disability"] = json!({"law_68_99": law, "notes": notes});
            }
            s
        })
}

fn profile() -> impl Strategy<Value = Value> {
    (
        (
            text(30),
            text(30),
            proptest::option::of("[a-z]{1,8}@[a-z]{1,8}\\.it"),
            proptest::option::of(text(80)),
            proptest::option::of(text(400)),
        ),
        proptest::collection::vec(work(), 0..4),
        proptest::collection::vec((text(60), proptest::option::of(1u8..=8)), 0..3),
        proptest::collection::vec(skill(), 0..8),
        proptest::collection::vec(language(), 0..3),
        proptest::sample::subsequence(&["AM", "B", "C", "CE", "D"][..], 0..3),
        (proptest::option::of(proptest::sample::select(COMUNI)), proptest::option::of(0u32..=80), any::<[bool; 4]>()),
        sensitive(),
    )
        .prop_map(
            |(
                (given, family, email, headline, summary),
                work,
                education,
                mut skills,
                languages,
                licences,
                (home, commute, allow),
                sensitive,
            )| {
                // A skill listed twice is a warning, and importers keep one.
                let mut seen = std::collections::HashSet::new();
                skills.retain(|s: &Value| seen.insert(s["label"].as_str().unwrap_or_default().to_lowercase()));
                let education: Vec<Value> = education
                    .into_iter()
                    .map(|(title, eqf)| match eqf {
                        Some(l) => json!({"title": title, "eqf_level": l}),
                        None => json!({"title": title}),
                    })
                    .collect();
                let mut p = json!({
                    "person": {"given_name": given, "family_name": family, "email": email},
                    "headline": headline, "summary": summary,
                    "work": work, "education": education, "skills": skills,
                    "languages": {"mother_tongues": ["it"], "other": languages},
                    "driving_licences": licences,
                    "sensitive": sensitive,
                    "privacy": {"print_date_of_birth": allow[0], "print_nationality": allow[1], "print_disability": allow[2],
                                "use_law_68_99_for_eligibility": allow[3]},
                    "mobility": {"max_commute_km": commute},
                });
                if let Some(code) = home {
                    p["mobility"]["home"] = json!({"istat": code});
                }
                p
            },
        )
}

/// The generated JSON read as a user's file would be; `None` when the loader refuses it
/// (the generator aims at valid profiles, so that is rare and counted).
fn read(v: &Value) -> Option<Profile> {
    load_profile(&serde_json::to_vec(v).unwrap(), Format::Json, Some(today())).ok().map(|l| l.value)
}

fn vacancies(m: &Matcher<'_>) -> &'static [PreparedVacancy] {
    static V: OnceLock<Vec<PreparedVacancy>> = OnceLock::new();
    V.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/vacancies");
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        files.iter().map(|f| m.prepare_vacancy(&load_vacancy(&std::fs::read(f).unwrap(), Format::Yaml, None).unwrap().value)).collect()
    })
}

#[test]
fn scores_are_bounded_deterministic_and_blind_to_protected_attributes() {
    let m = Matcher::embedded(today());
    let vs = vacancies(&m);
    let loaded = std::cell::Cell::new(0);
    runner(96)
        .run(&(profile(), sensitive()), |(doc, other_sensitive)| {
            let Some(p) = read(&doc) else { return Ok(()) };
            loaded.set(loaded.get() + 1);
            let mut twin = p.clone();
            twin.sensitive = serde_json::from_value(other_sensitive).unwrap();
            let (a, b) = (m.prepare_profile("p", &p), m.prepare_profile("p", &twin));
            // Ranking scores all of a person's vacancies with one memo of their skills:
            // every result must be the one scoring the pair alone gives.
            let ranked = m.rank(vs.iter().map(|v| (&a, v)));
            #[cfg(feature = "index")]
            {
                let shared: Vec<std::sync::Arc<PreparedVacancy>> = vs.iter().cloned().map(std::sync::Arc::new).collect();
                prop_assert_eq!(&m.rank_candidates(&a, &shared, shared.len(), true), &ranked, "ranking on all cores differs");
                // Candidates are ranked on scores alone, then the best scored in full.
                let eligible: Vec<&MatchResult> = ranked.iter().filter(|r| !r.excluded).take(3).collect();
                let best = m.rank_candidates(&a, &shared, 3, false);
                prop_assert_eq!(best.iter().collect::<Vec<_>>(), eligible, "the best of the candidates differ");
            }
            for v in vs {
                let alone = m.score(&a, v);
                prop_assert_eq!(Some(&alone), ranked.iter().find(|r| r.vacancy_id == v.id), "{}: ranking changed the result", &v.id);
                // Scored for ranking only: the same result without the evidence.
                let mut have = score::PersonSkills::new(&a, m.taxonomy);
                let light = score::score_with(&mut have, v, m.taxonomy, &m.weights, m.today, score::Detail::Rank);
                let bare = MatchResult { matched: Vec::new(), missing: Vec::new(), occupation: None, ..alone };
                prop_assert_eq!(light, bare, "{}: scored for ranking, the result differs", &v.id);
            }
            for v in vs {
                let r = m.score(&a, v);
                prop_assert!(r.score.is_finite() && (0.0..=1.0).contains(&r.score), "{}: {}", v.id, r.score);
                let sum: f64 = r.parts.iter().map(|x| x.contribution).sum();
                prop_assert!((sum - r.score).abs() < 1e-9, "{}: parts add up to {sum}, score {}", v.id, r.score);
                let again = m.score(&a, v);
                prop_assert_eq!(r.score.to_bits(), again.score.to_bits(), "not deterministic");
                let rb = m.score(&b, v);
                prop_assert_eq!(r.score.to_bits(), rb.score.to_bits(), "{}: protected attributes changed the score", &v.id);
                prop_assert_eq!(&r.parts, &rb.parts);
                if !v.reserved_law_68_99 {
                    prop_assert_eq!(&r.exclusions, &rb.exclusions);
                }
            }
            Ok(())
        })
        .unwrap();
    let loaded = loaded.get();
    assert!(loaded >= 80, "only {loaded} of 96 generated profiles were valid: the generator drifted from the model");
}

#[cfg(feature = "render")]
#[test]
fn every_valid_profile_renders_in_every_template() {
    use sportello::render::{RenderRequest, Renderer};
    let renderer = Renderer::new();
    let rendered = std::cell::Cell::new(0);
    runner(24)
        .run(&(profile(), any::<bool>()), |(doc, english)| {
            let Some(p) = read(&doc) else { return Ok(()) };
            let lang = if english { "en" } else { "it" };
            for t in ["europass", "modern", "plain"] {
                let out = renderer.render(&p, &RenderRequest { today: Some(today()), ..RenderRequest::pdf(t, lang) });
                prop_assert!(out.is_ok(), "{t}/{lang}: {:?}\n{}", out.err(), serde_json::to_string_pretty(&doc).unwrap());
                let out = out.unwrap();
                prop_assert!(out.files[0].starts_with(b"%PDF-") && out.pages >= 1);
            }
            rendered.set(rendered.get() + 1);
            Ok(())
        })
        .unwrap();
    let rendered = rendered.get();
    assert!(rendered >= 20, "only {rendered} of 24 generated profiles were valid");
}

/// Text with every run of Unicode white space as one space: the importers tidy white
/// space (an en quad becomes a space), which is not a loss.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where two texts part, with some context.
fn first_difference(a: &str, b: &str) -> String {
    let at = a.char_indices().zip(b.chars()).find(|((_, x), y)| x != y).map_or(a.len().min(b.len()), |((i, _), _)| i);
    let from = a[..at].char_indices().rev().nth(60).map_or(0, |(i, _)| i);
    format!("\n first: …{}\nsecond: …{}", a[from..].chars().take(160).collect::<String>(), b[from..].chars().take(160).collect::<String>())
}

/// Export, import, export again: the second export equals the first (up to white
/// space), so nothing the export wrote was lost on the way back in.
fn round_trip(to: ExportFormat, from: SourceFormat) {
    runner(128)
        .run(&profile(), |doc| {
            let Some(p) = read(&doc) else { return Ok(()) };
            let first = export_profile(&p, to).unwrap();
            let back = import(first.text.as_bytes(), Some(from), &ImportOptions::default());
            prop_assert!(back.is_ok(), "{:?} on\n{}", back.err(), first.text);
            let Imported::Profile(mut q) = back.unwrap().document else { panic!("not a profile") };
            // What may be printed is Sportello's own setting, not part of either format:
            // an import starts from "nothing sensitive printed".
            q.privacy = p.privacy.clone();
            let second = export_profile(&q, to).unwrap();
            let (a, b) = (squash(&first.text), squash(&second.text));
            prop_assert!(a == b, "the second export differs: {}", first_difference(&a, &b));
            Ok(())
        })
        .unwrap();
}

#[test]
fn json_resume_round_trips() {
    round_trip(ExportFormat::JsonResume, SourceFormat::JsonResume);
}

#[test]
fn europass_round_trips() {
    round_trip(ExportFormat::Europass, SourceFormat::Europass);
}

/// Tailoring a CV to a vacancy never adds or rewords a word: over generated profiles and
/// every fixture vacancy, the tailored profile holds exactly the profile's strings, and
/// with a page limit a subset of them.
#[cfg(feature = "render")]
#[test]
fn tailoring_never_adds_text_absent_from_the_profile() {
    use sportello::apply::{tailor, tailored_cv};
    use sportello::render::{RenderRequest, Renderer};
    fn strings(p: &Profile) -> Vec<String> {
        fn walk(v: &Value, out: &mut Vec<String>) {
            match v {
                Value::String(s) => out.push(s.clone()),
                Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
                Value::Object(o) => o.values().for_each(|x| walk(x, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(&serde_json::to_value(p).unwrap(), &mut out);
        out.sort();
        out
    }
    let m = Matcher::embedded(today());
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/vacancies");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let vacancies: Vec<_> = files.iter().map(|f| load_vacancy(&std::fs::read(f).unwrap(), Format::Yaml, None).unwrap().value).collect();
    let renderer = Renderer::new();
    let req = RenderRequest { today: Some(today()), ..RenderRequest::pdf("plain", "it") };
    runner(16)
        .run(&profile(), |doc| {
            let Some(p) = read(&doc) else { return Ok(()) };
            let mine = strings(&p);
            let prepared = m.prepare_profile("p", &p);
            for (i, v) in vacancies.iter().enumerate() {
                let r = m.score(&prepared, &m.prepare_vacancy(v));
                let lang = if i % 2 == 0 { sportello::lang::Lang::It } else { sportello::lang::Lang::En };
                prop_assert_eq!(&strings(&tailor(&p, v, &r, lang).profile), &mine, "{}: the words changed", &v.id);
                if i < 2 {
                    let (t, _) = tailored_cv(&renderer, &p, v, &r, &req, Some(1), lang).unwrap();
                    for s in strings(&t.profile) {
                        prop_assert!(mine.binary_search(&s).is_ok(), "{}: {s:?} is not the profile's", &v.id);
                    }
                }
            }
            Ok(())
        })
        .unwrap();
}
