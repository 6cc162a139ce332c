//! What the Rust runners of the conformance suite share (`cli/tests/conformance.rs`,
//! `wasm/tests/conformance.rs`): the cases, the rounding and the comparison. See
//! `tests/conformance/README.md`.

#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

/// The repository root, from a crate folder.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every number rounded to 6 decimals, as a float (see the suite's README).
pub fn rounded(v: Value) -> Value {
    match v {
        Value::Number(n) => {
            let x = n.as_f64().unwrap_or_default();
            json!(x.signum() * ((x.abs() * 1e6) + 0.5).floor() / 1e6)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(rounded).collect()),
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, rounded(v))).collect()),
        other => other,
    }
}

/// The files of a `validate` case, sorted, as paths from the repository root.
pub fn case_files(case: &Value) -> Vec<String> {
    let skip: Vec<&str> = case["skip"].as_array().map(|s| s.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let mut files = Vec::new();
    for dir in case["dirs"].as_array().unwrap() {
        let dir = dir.as_str().unwrap();
        let mut names: Vec<String> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.ends_with(".expected") && !n.starts_with("README") && !skip.contains(&n.as_str()))
            .collect();
        names.sort();
        files.extend(names.into_iter().map(|n| format!("{dir}/{n}")));
    }
    files
}

/// A problem as compared: its hint left out when there is none.
pub fn without_null_hint(p: &Value) -> Value {
    let mut p = p.clone();
    if p.get("hint").is_some_and(Value::is_null) {
        p.as_object_mut().unwrap().remove("hint");
    }
    p
}

/// A ranked vacancy as compared.
pub fn ranked(result: &Value, explanation: &Value) -> Value {
    json!({"vacancy_id": result["vacancy_id"], "score": result["score"], "excluded": result["excluded"], "explanation": explanation})
}

/// A search hit as compared.
pub fn hit(h: &Value) -> Value {
    json!({"uri": h["uri"], "preferred_label": h["preferred_label"], "preferred_label_lang": h["preferred_label_lang"],
           "kind": h["kind"], "similarity": h["similarity"]})
}

/// Runs every case through `answer` (the binding's runner) and compares with
/// `expected/`; with `UPDATE_CONFORMANCE=1` and `writes`, writes `expected/` instead.
pub fn check_every_case(binding: &str, writes: bool, answer: impl Fn(&str, &Value) -> Value) {
    let cases = root().join("tests/conformance/cases");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&cases).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    assert!(names.len() >= 9, "cases: {names:?}");
    let update = writes && std::env::var_os("UPDATE_CONFORMANCE").is_some();
    let mut failed = Vec::new();
    for path in names {
        let case: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let got = rounded(answer(case["op"].as_str().unwrap(), &case));
        let expected_path = root().join("tests/conformance/expected").join(path.file_name().unwrap());
        if update {
            std::fs::write(&expected_path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
            continue;
        }
        let expected: Value = serde_json::from_str(&std::fs::read_to_string(&expected_path).unwrap()).unwrap();
        if rounded(expected) != got {
            failed.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    assert!(failed.is_empty(), "{binding} differs from tests/conformance/expected on: {failed:?}");
}
