//! The conformance suite (`tests/conformance/`) through the command line: every case run
//! with the `sportello` binary, its answer compared with `expected/`. With
//! `UPDATE_CONFORMANCE=1` the answers are written to `expected/` instead.

#![allow(clippy::unwrap_used)]

mod common;
#[path = "../../tests/conformance/support.rs"]
mod support;

use serde_json::{Value, json};

use common::command;
use support::{case_files, check_every_case, hit, ranked, root, without_null_hint};

fn run(args: &[&str]) -> std::process::Output {
    command().current_dir(root()).args(args).output().unwrap()
}

fn stdout_json(out: &std::process::Output, args: &[&str]) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}\n{}", String::from_utf8_lossy(&out.stderr)))
}

fn validate(case: &Value) -> Value {
    let lang = case["lang"].as_str().unwrap();
    let mut answer = serde_json::Map::new();
    for file in case_files(case) {
        let args = ["validate", &file, "--format", "json", "--lang", lang];
        let outcome = stdout_json(&run(&args), &args)[0].take();
        let problems: Vec<Value> = outcome["problems"].as_array().unwrap().iter().map(without_null_hint).collect();
        answer.insert(file, json!({"ok": outcome["ok"], "problems": problems}));
    }
    Value::Object(answer)
}

fn match_feed(case: &Value) -> Value {
    let (profile, feed) = (case["profile"].as_str().unwrap(), case["feed"].as_str().unwrap());
    let top = case["top"].to_string();
    let mut args = vec!["match", profile, "--feed", feed, "--format", "json", "--lang", case["lang"].as_str().unwrap(), "--top", &top];
    if case["include_excluded"] == true {
        args.push("--all");
    }
    let out = run(&args);
    let matches: Vec<Value> =
        stdout_json(&out, &args).as_array().unwrap().iter().map(|m| ranked(&m["result"], &m["explanation"])).collect();
    // Entries left out are warned about on standard error: `warning: skipped FEED:LINE: ...`.
    let prefix = format!("warning: skipped {feed}:");
    let left_out: Vec<Value> = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter_map(|l| l.strip_prefix(&prefix)?.split(':').next()?.parse::<u64>().ok())
        .map(Value::from)
        .collect();
    json!({"matches": matches, "left_out": left_out})
}

fn search_skills(case: &Value) -> Value {
    let limit = case["limit"].to_string();
    let mut answer = serde_json::Map::new();
    for q in case["queries"].as_array().unwrap() {
        let q = q.as_str().unwrap();
        let args = ["skills", "search", q, "--format", "json", "--lang", case["lang"].as_str().unwrap(), "--limit", &limit];
        let hits: Vec<Value> = stdout_json(&run(&args), &args).as_array().unwrap().iter().map(hit).collect();
        answer.insert(q.to_owned(), Value::Array(hits));
    }
    Value::Object(answer)
}

fn render_text(case: &Value) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cv.txt");
    let args = ["render", case["profile"].as_str().unwrap(), "--format", "text", "--lang", case["lang"].as_str().unwrap(), "-o"];
    let done = command().current_dir(root()).args(args).arg(&out).output().unwrap();
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    Value::String(std::fs::read_to_string(out).unwrap())
}

#[test]
fn every_case_gives_the_expected_answer() {
    check_every_case("the command line", true, |op, case| match op {
        "validate" => validate(case),
        "match_feed" => match_feed(case),
        "search_skills" => search_skills(case),
        "render_text" => render_text(case),
        other => panic!("unknown op {other}"),
    });
}
