//! End-to-end tests of the `sportello` binary: exit codes, messages and files, on the
//! shared fixtures.

#![allow(clippy::unwrap_used)]

mod common;

use common::{fixtures, sportello, text};

use std::path::PathBuf;

fn files_in(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(fixtures().join(dir)).unwrap().map(|e| e.unwrap().path()).collect();
    v.sort();
    v
}

#[test]
fn every_valid_fixture_validates() {
    let files: Vec<PathBuf> = files_in("profiles").into_iter().chain(files_in("vacancies")).collect();
    assert!(files.len() >= 18);
    let args: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
    let mut all = vec!["validate"];
    all.extend(args);
    let out = sportello(&all);
    assert!(out.status.success(), "{}", text(&out));
    assert!(!text(&out).contains("error:"), "{}", text(&out));
}

#[test]
fn every_invalid_fixture_gives_its_expected_message() {
    let mut checked = 0;
    for path in files_in("invalid") {
        if path.extension().is_some_and(|e| e == "expected") {
            continue;
        }
        let expected_path = PathBuf::from(format!("{}.expected", path.display()));
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|_| panic!("{} has no .expected file", path.display()));
        let out = sportello(&["validate", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{}: {}", path.display(), text(&out));
        assert!(text(&out).contains(expected.trim_end_matches('\n')), "{}:\nexpected {expected:?}\ngot {}", path.display(), text(&out));
        checked += 1;
    }
    assert!(checked >= 12, "only {checked} invalid fixtures");
}

#[test]
fn json_output_is_machine_readable() {
    let bad = fixtures().join("invalid/bad-date.yaml");
    let out = sportello(&["validate", "--format", "json", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["ok"], false);
    assert_eq!(v[0]["problems"][0]["severity"], "error");
    assert!(v[0]["problems"][0]["path"].as_str().unwrap().contains("start"));
}

#[test]
fn init_writes_a_valid_profile_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("me.yaml");
    let p = path.to_str().unwrap();
    assert!(sportello(&["init", p]).status.success());
    let out = sportello(&["validate", p]);
    assert!(out.status.success(), "{}", text(&out));
    let again = sportello(&["init", p]);
    assert_eq!(again.status.code(), Some(3));
    assert!(text(&again).contains("hint: pass --force"), "{}", text(&again));
}

#[test]
fn huge_and_binary_files_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.json");
    std::fs::write(&big, vec![b' '; 50 * 1024 * 1024]).unwrap();
    let out = sportello(&["validate", big.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("more than the limit of 5242880 bytes"), "{}", text(&out));
}

#[test]
fn schema_version_and_help_read_well() {
    let out = sportello(&["schema", "profile"]);
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["title"], "Profile");
    let v = text(&sportello(&["--version"]));
    assert!(v.contains("ESCO classification of the European Commission"), "{v}");
    let help = text(&sportello(&["--help"]));
    for cmd in ["init", "validate", "render", "schema", "demo"] {
        assert!(help.contains(cmd), "{help}");
    }
}

#[test]
fn render_writes_a_pdf_and_reports_bad_templates() {
    let dir = tempfile::tempdir().unwrap();
    let out_pdf = dir.path().join("cv.pdf");
    let profile = fixtures().join("profiles/giulia-tirocinio.yaml");
    let out = sportello(&["render", profile.to_str().unwrap(), "--template", "europass", "--lang", "it", "-o", out_pdf.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(std::fs::read(&out_pdf).unwrap().starts_with(b"%PDF-"));
    let bad = sportello(&["render", profile.to_str().unwrap(), "--template", "nope", "-o", out_pdf.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(text(&bad).contains("available: europass, modern, plain"), "{}", text(&bad));
}

#[test]
fn options_out_of_range_are_usage_errors_worded_by_the_core() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cv.png");
    let profile = fixtures().join("profiles/sara-cuoca.json");
    let o = sportello(&["render", &profile.to_string_lossy(), "--format", "png", "--dpi", "5", "-o", &out.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("--dpi: 5 is not allowed (expected 18 to 1200)"), "{}", text(&o));
    assert!(!out.exists(), "nothing written");
    let o = sportello(&["validate", &profile.to_string_lossy(), "--lang", "de"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("--lang: \"de\" is not a language sportello writes in (expected it or en)"), "{}", text(&o));
}

#[test]
fn validate_words_problems_in_the_language_asked_for_with_the_same_codes() {
    let bad = fixtures().join("invalid/bad-email.yaml");
    let json = |lang: &str| -> serde_json::Value {
        serde_json::from_slice(&sportello(&["validate", &bad.to_string_lossy(), "--format", "json", "--lang", lang]).stdout).unwrap()
    };
    let (it, en) = (json("it"), json("en"));
    assert_eq!(it[0]["problems"][0]["code"], "not_an_email");
    assert_eq!(it[0]["problems"][0]["code"], en[0]["problems"][0]["code"]);
    assert!(it[0]["problems"][0]["message"].as_str().unwrap().contains("non è un indirizzo e-mail"));
    assert!(en[0]["problems"][0]["message"].as_str().unwrap().contains("is not an e-mail address"));
}
