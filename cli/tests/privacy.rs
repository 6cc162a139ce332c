//! Privacy end to end: sensitive values planted in a profile never show up in what the
//! command line prints or writes (rendered CVs, validation errors, match explanations,
//! batch results, exports and their reports, redacted copies) unless the profile allows
//! it; and `redact` drops identity and contacts.

#![allow(clippy::unwrap_used)]

mod common;

use common::{fixtures, sportello, text};

use std::path::Path;

/// Values that exist only in the sensitive part of the planted profile.
const BIRTH: &str = "1971-03-05";
/// How a printed date of birth can look.
const BIRTH_SHOWN: &[&str] = &["1971-03-05", "05/03/1971", "5 marzo 1971", "5 March 1971", "March 1971", "marzo 1971"];
const NATIONALITY: &str = "Plutonia";
const NOTES: &str = "NOTA-RISERVATA-4242";

/// Luca's fixture with planted sensitive values; `allow` sets every print flag.
fn planted(dir: &Path, allow: bool) -> String {
    let yaml = std::fs::read_to_string(fixtures().join("profiles/luca-legge68.yaml")).unwrap();
    let mut v: serde_json::Value = serde_norway::from_str(&yaml).unwrap();
    v["sensitive"]["date_of_birth"] = BIRTH.into();
    v["sensitive"]["nationality"] = serde_json::json!([NATIONALITY]);
    v["sensitive"]["disability"]["notes"] = NOTES.into();
    for flag in ["print_date_of_birth", "print_nationality", "print_disability"] {
        v["privacy"][flag] = allow.into();
    }
    let path = dir.join(if allow { "allowed.json" } else { "planted.json" });
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    path.to_str().unwrap().to_owned()
}

fn assert_clean(what: &str, output: &str) {
    for value in BIRTH_SHOWN.iter().chain(&[NATIONALITY, NOTES]) {
        assert!(!output.contains(value), "{what}: {value:?} leaked:\n{output}");
    }
}

/// Runs the command; returns what it printed and what it wrote to `out` (if anything).
fn run(args: &[&str], out: Option<&Path>) -> String {
    let o = sportello(args);
    let written = out.and_then(|p| std::fs::read_to_string(p).ok()).unwrap_or_default();
    format!("{}{written}", text(&o))
}

#[test]
fn rendered_cvs_show_sensitive_values_only_when_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let (planted, allowed) = (planted(dir.path(), false), planted(dir.path(), true));
    let out = dir.path().join("cv.txt");
    let o = out.to_str().unwrap();
    for template in ["europass", "modern", "plain"] {
        for lang in ["it", "en"] {
            let args = ["render", &planted, "--template", template, "--lang", lang, "--format", "txt", "-o", o];
            assert_clean(&format!("render {template} {lang}"), &run(&args, Some(&out)));
        }
    }
    // The control: with the flags set the same values do print, so the check can fail.
    let printed = run(&["render", &allowed, "--template", "europass", "--format", "txt", "-o", o], Some(&out));
    assert!(printed.contains("1971") && printed.contains(NATIONALITY) && printed.contains(NOTES), "{printed}");
}

#[test]
fn errors_about_sensitive_fields_do_not_repeat_the_value() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.yaml");
    let yaml = std::fs::read_to_string(fixtures().join("profiles/luca-legge68.yaml")).unwrap();
    std::fs::write(&path, yaml.replace("date_of_birth: \"1992-08-30\"", "date_of_birth: \"1971-13-45\"")).unwrap();
    let p = path.to_str().unwrap();
    for args in [vec!["validate", p], vec!["validate", p, "--format", "json"], vec!["render", p, "-o", "/dev/null"]] {
        let o = sportello(&args);
        assert!(!o.status.success());
        let t = text(&o);
        assert!(t.contains("sensitive.date_of_birth"), "{t}");
        assert!(!t.contains("1971-13-45"), "{}: the value was repeated: {t}", args.join(" "));
    }
    // A date of birth in the future: named, not repeated.
    std::fs::write(&path, yaml.replace("date_of_birth: \"1992-08-30\"", "date_of_birth: \"2031-02-03\"")).unwrap();
    let t = text(&sportello(&["validate", p]));
    assert!(t.contains("sensitive.date_of_birth: is in the future") && !t.contains("2031"), "{t}");
}

#[test]
fn matches_explanations_and_exports_hold_no_sensitive_values() {
    let dir = tempfile::tempdir().unwrap();
    let planted = planted(dir.path(), false);
    let idx = dir.path().join("idx");
    let i = idx.to_str().unwrap();
    assert!(sportello(&["index", "add", fixtures().join("vacancies").to_str().unwrap(), "--index", i]).status.success());
    for args in [
        vec!["match", &planted, "--index", i, "--explain", "--all", "--top", "20"],
        vec!["match", &planted, "--index", i, "--explain", "--all", "--lang", "en", "--format", "json"],
        vec!["match", "--vacancy", "nov-08", "--profiles", dir.path().to_str().unwrap(), "--index", i, "--explain", "--all"],
    ] {
        let o = sportello(&args);
        assert!(o.status.success(), "{}", text(&o));
        assert_clean(&args.join(" "), &text(&o));
    }
    let batch = dir.path().join("batch.jsonl");
    let args = ["match-batch", "--profiles", &planted, "--index", i, "--top", "20", "-o", batch.to_str().unwrap()];
    assert_clean("match-batch", &run(&args, Some(&batch)));
    for to in ["jsonresume", "europass"] {
        let out = dir.path().join(format!("export.{to}"));
        assert_clean(&format!("export {to}"), &run(&["export", &planted, "--to", to, "-o", out.to_str().unwrap()], Some(&out)));
    }
}

#[test]
fn redact_writes_pseudonymised_copies() {
    let dir = tempfile::tempdir().unwrap();
    let planted = planted(dir.path(), true);
    let key = dir.path().join("redact.key");
    std::fs::write(&key, "a-secret-key-of-the-desk\n").unwrap();
    let out = dir.path().join("out");
    let o = sportello(&["redact", &planted, "--key-file", key.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    let files: Vec<_> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 1);
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("P-") && name.ends_with(".json"), "{name}");
    let copy = std::fs::read_to_string(&files[0]).unwrap();
    assert_clean("redact", &copy);
    for identity in ["Luca", "Morandi", "example.it", "0321", "Via dei Test"] {
        assert!(!copy.contains(identity), "{identity} left in {copy}");
    }
    // The copy is a valid profile that still matches on skills and place.
    let v = sportello(&["validate", files[0].to_str().unwrap()]);
    assert!(v.status.success(), "{}", text(&v));
    assert!(copy.contains("inserimento dati") && copy.contains("003068"), "{copy}");
    // Same key, same pseudonym (as JSON Lines on standard output); no key: a clear error.
    let again = sportello(&["redact", &planted, "--key-file", key.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&again.stdout).contains(name.trim_end_matches(".json")));
    let none = common::command().args(["redact", &planted]).env_remove("SPORTELLO_REDACT_KEY").output().unwrap();
    assert!(!none.status.success());
    assert!(text(&none).contains("no key for the pseudonyms"), "{}", text(&none));
}
