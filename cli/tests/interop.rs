//! End-to-end tests of `sportello import` and `sportello export` on the interop fixtures.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn sportello(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sportello")).args(args).env("SPORTELLO_TODAY", "2026-11-23").output().expect("run sportello")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn imports_json_resume_to_a_valid_profile_and_lists_what_was_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mario.yaml");
    let src = fixtures().join("interop/it-phoinixi-react-sample.json");
    let o = sportello(&["import", path(&src), "-o", path(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("imported a profile") && err.contains("JSON Resume"), "{err}");
    assert!(err.contains("warning: not imported: projects[].roles (2 times)"), "{err}");
    assert!(!err.contains("awards") && err.contains("carried over 85% of the file's values"), "{err}");
    let yaml = std::fs::read_to_string(&out).unwrap();
    assert!(yaml.contains("other_sections:") && yaml.contains("title: Premi e riconoscimenti"), "{yaml}");
    let v = sportello(&["validate", path(&out)]);
    assert!(v.status.success(), "{}{}", String::from_utf8_lossy(&v.stdout), stderr(&v));
    // Never overwrites without --force.
    let again = sportello(&["import", path(&src), "-o", path(&out)]);
    assert_eq!(again.status.code(), Some(3));
    assert!(stderr(&again).contains("hint: pass --force"));
}

#[test]
fn imports_vacancies_as_json_lines_and_yaml() {
    let src = fixtures().join("interop/vacancies-own.csv");
    let o = sportello(&["import", path(&src), "--syntax", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert_eq!(stdout.lines().count(), 3);
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["id"].as_str().unwrap().starts_with("CS-"));
    }
    assert!(stderr(&o).contains("line 4, column 9 (Scadenza)"), "{}", stderr(&o));
    let ld = fixtures().join("interop/jobposting-own-graph.jsonld");
    let o = sportello(&["import", path(&ld)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let y: serde_json::Value = serde_norway::from_slice(&o.stdout).unwrap();
    assert_eq!(y["id"], "LE-2026-14");
}

#[test]
fn csv_columns_can_be_mapped() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("offerte.csv");
    std::fs::write(&src, "Rif.,Figura ricercata,Dove\n7,Barista,Arona\n").unwrap();
    let o = sportello(&[
        "import",
        path(&src),
        "--from",
        "csv",
        "--column",
        "Figura ricercata=title",
        "--column",
        "Rif.=id",
        "--syntax",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!((v["id"].as_str(), v["title"].as_str(), v["place"]["name"].as_str()), (Some("7"), Some("Barista"), Some("Arona")));
}

#[test]
fn attacks_and_unknown_formats_are_refused_with_a_reason() {
    let o = sportello(&["import", path(&fixtures().join("interop/billion-laughs.xml"))]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("error:") && err.contains("document type declaration") && err.contains("hint:"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("job.md");
    std::fs::write(&md, "---\ntitle: x\n---\n# Job\n").unwrap();
    let o = sportello(&["import", path(&md)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot tell the format"), "{}", stderr(&o));
}

#[test]
fn exports_round_trip_through_import() {
    let dir = tempfile::tempdir().unwrap();
    let profile = fixtures().join("profiles/marco-ict.yaml");
    for (to, ext) in [("jsonresume", "json"), ("europass", "xml")] {
        let out = dir.path().join(format!("marco.{ext}"));
        let o = sportello(&["export", path(&profile), "--to", to, "-o", path(&out)]);
        assert!(o.status.success(), "{to}: {}", stderr(&o));
        let back = dir.path().join(format!("back-{to}.yaml"));
        let i = sportello(&["import", path(&out), "-o", path(&back)]);
        assert!(i.status.success(), "{to}: {}", stderr(&i));
        let v = sportello(&["validate", path(&back)]);
        assert!(v.status.success(), "{to}: {}", String::from_utf8_lossy(&v.stdout));
        let text = std::fs::read_to_string(&back).unwrap();
        assert!(text.contains("Galli"), "{to}");
    }
    let o = sportello(&["export", path(&profile), "--to", "jsonresume"]);
    assert!(stderr(&o).contains("warning: not exported: driving_licences") || stderr(&o).contains("not exported"), "{}", stderr(&o));
    let vacancy = fixtures().join("vacancies/nov-01-magazziniere-trecate.yaml");
    let o = sportello(&["export", path(&vacancy), "--to", "jobposting"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let ld: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(ld["@type"], "JobPosting");
}
