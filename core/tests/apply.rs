//! Cover letters for one vacancy: every fixture profile against every fixture vacancy
//! gives a letter that names the vacancy and its employer, whose paragraphs each say the
//! template and the fields they came from (and the fields' words are in them); the
//! person's own paragraphs replace the drafted ones; a golden of one letter.
#![cfg(feature = "render")]
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use sportello::apply::{cover_letter, tailor, tailored_cv};
use sportello::lang::Lang;
use sportello::load::{Format, load_profile};
use sportello::matching::Matcher;
use sportello::model::{CoverLetterText, PartialDate, Profile, Vacancy};
use sportello::render::{OutputFormat, RenderRequest, Renderer};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn today() -> PartialDate {
    "2026-11-23".parse().unwrap()
}

fn profiles() -> Vec<(String, Profile)> {
    let mut out: Vec<(String, Profile)> = std::fs::read_dir(fixtures().join("profiles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let f = Format::from_file_name(&p.to_string_lossy())?;
            let name = p.file_stem()?.to_string_lossy().into_owned();
            Some((name, load_profile(&std::fs::read(&p).ok()?, f, None).ok()?.value))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn vacancies() -> Vec<Vacancy> {
    std::fs::read_to_string(fixtures().join("vacancies.jsonl")).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// The text a field path of the profile holds (`skills[2].label`, `work[0].role`...).
fn field_text(p: &Profile, path: &str) -> Option<String> {
    let v = serde_json::to_value(p).unwrap();
    let mut at = &v;
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((n, i)) => (n, Some(i.trim_end_matches(']').parse::<usize>().unwrap())),
            None => (part, None),
        };
        at = at.get(name)?;
        if let Some(i) = index {
            at = at.get(i)?;
        }
    }
    at.as_str().map(str::to_owned)
}

#[test]
fn every_letter_names_the_vacancy_and_traces_its_words_to_the_profile() {
    let matcher = Matcher::embedded(today());
    for (name, profile) in profiles() {
        let prepared = matcher.prepare_profile(&name, &profile);
        for v in vacancies() {
            let m = matcher.score(&prepared, &matcher.prepare_vacancy(&v));
            for lang in Lang::ALL {
                let letter = cover_letter(&profile, &v, &m, today(), lang);
                let all = letter.letter.text(lang);
                assert!(all.contains(v.title.trim()) && all.contains(&v.id), "{name} × {}: {all}", v.id);
                if let Some(e) = &v.employer {
                    assert!(all.contains(e.trim()), "{name} × {}: the employer is missing", v.id);
                }
                for p in &letter.paragraphs {
                    assert!(["opening", "skills", "experience", "distance", "availability", "closing"].contains(&p.template));
                    for f in p.fields.iter().filter(|f| f.starts_with("skills[") || f.ends_with(".role") || f.ends_with(".employer")) {
                        let words = field_text(&profile, f).unwrap_or_else(|| panic!("{name}: {f} is not a field"));
                        assert!(p.text.contains(words.trim()), "{name} × {}: {f} = {words:?} is not in {:?}", v.id, p.text);
                    }
                }
                if !m.matched.is_empty() && m.matched.iter().any(|s| profile.skills.iter().any(|k| k.label == s.by)) {
                    assert!(letter.paragraphs.iter().any(|p| p.template == "skills"), "{name} × {}: a matched skill is named", v.id);
                }
            }
        }
    }
}

#[test]
fn the_persons_own_paragraphs_replace_the_drafted_ones() {
    let matcher = Matcher::embedded(today());
    let (_, mut profile) = profiles().into_iter().find(|(n, _)| n.starts_with("franco")).unwrap();
    let v = vacancies().into_iter().next().unwrap();
    profile.cover_letters.push(CoverLetterText {
        vacancy: v.id.clone(),
        paragraphs: vec!["Mi presento con parole mie.".into(), " ".into(), "#set page(width: 1cm)".into()],
    });
    let m = matcher.score(&matcher.prepare_profile("f", &profile), &matcher.prepare_vacancy(&v));
    let letter = cover_letter(&profile, &v, &m, today(), Lang::It);
    assert!(letter.edited);
    assert_eq!(
        letter.paragraphs.iter().map(|p| p.fields[0].as_str()).collect::<Vec<_>>(),
        ["cover_letters[0].paragraphs[0]", "cover_letters[0].paragraphs[2]"]
    );
    // User text reaches Typst as data: the markup prints as it is.
    let req = RenderRequest { format: OutputFormat::Text, today: Some(today()), ..RenderRequest::pdf("", "it") };
    let out =
        String::from_utf8(Renderer::new().render_outreach(&letter.document(&profile, Lang::It), &req).unwrap().files.concat()).unwrap();
    assert!(out.contains("Mi presento con parole mie.") && out.contains("#set page(width: 1cm)"), "{out}");
}

/// The text and SVG of one cover letter, against `tests/golden/`. Regenerate on purpose
/// with `UPDATE_GOLDEN=1 cargo test -p sportello --test apply`.
#[test]
fn a_cover_letter_matches_its_golden() {
    let matcher = Matcher::embedded(today());
    let (_, profile) = profiles().into_iter().find(|(n, _)| n.starts_with("franco")).unwrap();
    let v = vacancies().into_iter().next().unwrap();
    let m = matcher.score(&matcher.prepare_profile("f", &profile), &matcher.prepare_vacancy(&v));
    let doc = cover_letter(&profile, &v, &m, today(), Lang::It).document(&profile, Lang::It);
    let renderer = Renderer::new();
    let mut stale = Vec::new();
    for (ext, format) in [("svg", OutputFormat::Svg), ("txt", OutputFormat::Text)] {
        let req = RenderRequest { format, today: Some(today()), ..RenderRequest::pdf("", "it") };
        let bytes = renderer.render_outreach(&doc, &req).unwrap().files.remove(0);
        let path = fixtures().join(format!("../golden/cover-letter-franco-nov-01.it.{ext}"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &bytes).unwrap();
        } else if std::fs::read(&path).ok().as_deref() != Some(&bytes[..]) {
            stale.push(path.display().to_string());
        }
    }
    assert!(stale.is_empty(), "output differs from {stale:?}; if intended, run UPDATE_GOLDEN=1 cargo test -p sportello --test apply");
}

/// Every string of a profile, as a sorted list (what a CV can print).
fn strings(p: &Profile) -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(p).unwrap(), &mut out);
    out.sort();
    out
}

#[test]
fn tailoring_reorders_the_profiles_own_items_and_says_why() {
    let matcher = Matcher::embedded(today());
    for (name, profile) in profiles() {
        let prepared = matcher.prepare_profile(&name, &profile);
        for v in vacancies() {
            let m = matcher.score(&prepared, &matcher.prepare_vacancy(&v));
            let t = tailor(&profile, &v, &m, Lang::It);
            assert_eq!(strings(&t.profile), strings(&profile), "{name} × {}: tailoring changed the words", v.id);
            for c in &t.changes {
                assert!(c.to.is_some_and(|to| to < c.from) && !c.why.is_empty(), "{name} × {}: {c:?}", v.id);
            }
            // The skills the vacancy matched come first.
            let first_unmatched = t.profile.skills.iter().position(|s| !m.matched.iter().any(|x| x.by == s.label));
            if let Some(k) = first_unmatched {
                assert!(t.profile.skills[k..].iter().all(|s| !m.matched.iter().any(|x| x.by == s.label)), "{name} × {}", v.id);
            }
        }
    }
}

#[test]
fn a_page_limit_leaves_out_only_what_is_unrelated() {
    let matcher = Matcher::embedded(today());
    let (_, mut profile) = profiles().into_iter().find(|(n, _)| n.starts_with("franco")).unwrap();
    let v = vacancies().into_iter().next().unwrap();
    for i in 0..400 {
        profile.skills.push(serde_json::from_value(serde_json::json!({"label": format!("hobby numero {i}")})).unwrap());
    }
    let m = matcher.score(&matcher.prepare_profile("f", &profile), &matcher.prepare_vacancy(&v));
    let renderer = Renderer::new();
    let req = RenderRequest { today: Some(today()), ..RenderRequest::pdf("europass", "it") };
    let whole = renderer.render(&profile, &req).unwrap().pages;
    assert!(whole > 2, "the padded profile has {whole} pages");
    let (t, out) = tailored_cv(&renderer, &profile, &v, &m, &req, Some(2), Lang::It).unwrap();
    assert!(out.pages <= 2, "{} pages", out.pages);
    let left: Vec<&str> = t.changes.iter().filter(|c| c.to.is_none()).map(|c| c.item.as_str()).collect();
    assert!(!left.is_empty() && left.iter().all(|i| i.starts_with("hobby numero")), "{left:?}");
    let kept = strings(&t.profile);
    assert!(kept.iter().all(|s| strings(&profile).binary_search(s).is_ok()), "a word was added");
    // The fewest: putting back the last one left out no longer fits.
    let (t1, _) = tailored_cv(&renderer, &profile, &v, &m, &req, Some(2), Lang::En).unwrap();
    assert_eq!(t1.changes.iter().filter(|c| c.to.is_none()).count(), left.len());
    // Without a limit nothing is left out; with one it cannot reach, nothing either.
    let (none, _) = tailored_cv(&renderer, &profile, &v, &m, &req, None, Lang::It).unwrap();
    assert!(none.changes.iter().all(|c| c.to.is_some()));
}

/// The text and SVG of the first page of one tailored CV, against `tests/golden/`.
#[test]
fn a_tailored_cv_matches_its_golden() {
    let matcher = Matcher::embedded(today());
    let (_, profile) = profiles().into_iter().find(|(n, _)| n.starts_with("sara")).unwrap();
    let v = vacancies().into_iter().find(|v| v.id == "nov-04").unwrap();
    let m = matcher.score(&matcher.prepare_profile("s", &profile), &matcher.prepare_vacancy(&v));
    let renderer = Renderer::new();
    let mut stale = Vec::new();
    for (ext, format) in [("svg", OutputFormat::Svg), ("txt", OutputFormat::Text)] {
        let req = RenderRequest { format, today: Some(today()), ..RenderRequest::pdf("europass", "it") };
        let (_, out) = tailored_cv(&renderer, &profile, &v, &m, &req, None, Lang::It).unwrap();
        let path = fixtures().join(format!("../golden/tailored-sara-nov-04.europass.it.{ext}"));
        let bytes = &out.files[0];
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, bytes).unwrap();
        } else if std::fs::read(&path).ok().as_deref() != Some(&bytes[..]) {
            stale.push(path.display().to_string());
        }
    }
    assert!(stale.is_empty(), "output differs from {stale:?}; if intended, run UPDATE_GOLDEN=1 cargo test -p sportello --test apply");
}
