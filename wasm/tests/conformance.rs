//! The conformance suite (`tests/conformance/`) through the wasm binding on the host: the
//! plain-Rust twins of the exported functions, fed text as the browser feeds them.
//! (`wasm/widget/tests/conformance.test.mjs` runs the same cases in Chromium.)

#![allow(clippy::unwrap_used)]

#[path = "../../tests/conformance/support.rs"]
mod support;

use serde_json::{Value, json};

use sportello::load::{Format, load_profile};
use sportello::taxonomy::ConceptKind;
use sportello_wasm::{Engine, Feed, search_impl, validate_impl};
use support::{case_files, check_every_case, hit, ranked, root, without_null_hint};

const TODAY: &str = "2026-11-23";

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

/// A profile file as the JSON text the widget sends.
fn profile_json(path: &str) -> String {
    let text = read(path);
    let format = Format::from_file_name(path).unwrap();
    serde_json::to_string(&load_profile(text.as_bytes(), format, None).unwrap().value).unwrap()
}

fn json_of<T: serde::Serialize>(x: &T) -> Value {
    serde_json::to_value(x).unwrap()
}

fn validate(case: &Value) -> Value {
    let lang = case["lang"].as_str();
    let mut answer = serde_json::Map::new();
    for file in case_files(case) {
        let v = validate_impl(&read(&file), Some(TODAY), lang);
        let problems: Vec<Value> = v.problems.iter().map(|p| without_null_hint(&json_of(p))).collect();
        answer.insert(file, json!({"ok": v.ok, "problems": problems}));
    }
    Value::Object(answer)
}

fn match_feed(case: &Value) -> Value {
    let feed = Feed::parse(&read(case["feed"].as_str().unwrap())).unwrap();
    let top = usize::try_from(case["top"].as_u64().unwrap()).unwrap();
    let found = feed
        .matches(&profile_json(case["profile"].as_str().unwrap()), TODAY, case["lang"].as_str(), top, case["include_excluded"] == true)
        .unwrap();
    let matches: Vec<Value> = found.iter().map(|m| ranked(&json_of(&m.result), &json_of(&m.explanation))).collect();
    let left_out: Vec<Value> = feed.problem_list().iter().map(|p| Value::from(p.line)).collect();
    json!({"matches": matches, "left_out": left_out})
}

fn search_skills(case: &Value) -> Value {
    let limit = case["limit"].as_u64().map(|l| usize::try_from(l).unwrap());
    let mut answer = serde_json::Map::new();
    for q in case["queries"].as_array().unwrap() {
        let q = q.as_str().unwrap();
        let hits = search_impl(ConceptKind::Skill, q, limit, case["lang"].as_str(), None).unwrap();
        answer.insert(q.to_owned(), Value::Array(hits.iter().map(|h| hit(&json_of(h))).collect()));
    }
    Value::Object(answer)
}

fn render_text(engine: &Engine, case: &Value) -> Value {
    let lang = case["lang"].as_str().map(str::to_owned);
    Value::String(engine.text(&profile_json(case["profile"].as_str().unwrap()), None, lang, Some(TODAY)).unwrap())
}

#[test]
fn every_case_gives_the_expected_answer() {
    let engine = Engine::with_font_files(typst_assets::fonts().map(<[u8]>::to_vec).collect()).unwrap();
    check_every_case("the wasm binding (host)", false, |op, case| match op {
        "validate" => validate(case),
        "match_feed" => match_feed(case),
        "search_skills" => search_skills(case),
        "render_text" => render_text(&engine, case),
        other => panic!("unknown op {other}"),
    });
}
