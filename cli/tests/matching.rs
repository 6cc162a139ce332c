//! End-to-end tests of the matching commands: the on-disk index, `match` in both
//! directions, `match-batch`, and that killing the indexer loses nothing committed.

#![allow(clippy::unwrap_used)]

mod common;

use common::{fixtures, sportello, text};

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

fn indexed(dir: &Path) -> PathBuf {
    let idx = dir.join("idx");
    let out = sportello(&["index", "add", fixtures().join("vacancies").to_str().unwrap(), "--index", idx.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    idx
}

fn count(idx: &Path) -> u64 {
    let out = sportello(&["index", "stats", "--index", idx.to_str().unwrap(), "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out));
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["vacancies"].as_u64().unwrap()
}

#[test]
fn index_add_again_replaces_and_remove_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let idx = indexed(dir.path());
    assert_eq!(count(&idx), 12);
    // The same vacancies again, as JSON Lines: updated, not duplicated, and their labels
    // found in the memo the first addition kept in the index.
    assert!(idx.join("sportello-labels.json").exists());
    let out = sportello(&["index", "add", fixtures().join("vacancies.jsonl").to_str().unwrap(), "--index", idx.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(count(&idx), 12);
    let t = text(&out);
    let share: f64 = t.split("labels placed, ").nth(1).and_then(|r| r.split('%').next()).and_then(|n| n.parse().ok()).unwrap_or(-1.0);
    assert!(share >= 90.0, "{t}");
    assert!(sportello(&["index", "remove", "nov-01", "nov-02", "--index", idx.to_str().unwrap()]).status.success());
    assert_eq!(count(&idx), 10);
    let out = sportello(&["index", "reindex", "--index", idx.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(count(&idx), 10);
}

#[test]
fn match_explains_in_both_languages_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    let idx = indexed(dir.path());
    let franco = fixtures().join("profiles/franco-magazziniere-58.yaml");
    let out = sportello(&["match", franco.to_str().unwrap(), "--index", idx.to_str().unwrap(), "--top", "3", "--explain"]);
    assert!(out.status.success(), "{}", text(&out));
    let t = text(&out);
    assert!(t.contains("nov-01") && t.contains("competenze essenziali") && t.contains("distanza da casa"), "{t}");
    let out = sportello(&["match", franco.to_str().unwrap(), "--index", idx.to_str().unwrap(), "--format", "json", "--all", "--top", "20"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let all = v.as_array().unwrap();
    assert_eq!(all[0]["vacancy_id"], "nov-01");
    let expired = all.iter().find(|r| r["vacancy_id"] == "nov-11").expect("expired vacancy listed with --all");
    assert_eq!(expired["excluded"], true);
    assert_eq!(expired["exclusions"][0]["reason"], "expired");
    let out = sportello(&["match", franco.to_str().unwrap(), "--index", idx.to_str().unwrap(), "--format", "csv", "--lang", "en"]);
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.starts_with("profile_id,vacancy_id,title,score"), "{csv}");
}

#[test]
fn people_for_a_vacancy() {
    let dir = tempfile::tempdir().unwrap();
    let idx = indexed(dir.path());
    let out = sportello(&[
        "match",
        "--vacancy",
        "nov-09",
        "--profiles",
        fixtures().join("profiles").to_str().unwrap(),
        "--index",
        idx.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["profile_id"], "giulia-tirocinio", "{v:#}");
    let missing = sportello(&[
        "match",
        "--vacancy",
        "nov-99",
        "--profiles",
        fixtures().join("profiles").to_str().unwrap(),
        "--index",
        idx.to_str().unwrap(),
    ]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing).contains("no vacancy \"nov-99\""));
}

#[test]
fn batch_writes_one_line_per_match() {
    let dir = tempfile::tempdir().unwrap();
    let idx = indexed(dir.path());
    let out_file = dir.path().join("out.jsonl");
    let out = sportello(&[
        "match-batch",
        "--profiles",
        fixtures().join("profiles").to_str().unwrap(),
        "--index",
        idx.to_str().unwrap(),
        "--top",
        "2",
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let lines: Vec<serde_json::Value> =
        std::fs::read_to_string(&out_file).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(lines.len() >= 8 && lines.len() <= 16, "{}", lines.len());
    assert!(lines.iter().all(|l| l["excluded"] == false));
}

#[test]
fn missing_or_damaged_index_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let franco = fixtures().join("profiles/franco-magazziniere-58.yaml");
    let out = sportello(&["match", franco.to_str().unwrap(), "--index", dir.path().join("none").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("is not a sportello index") && text(&out).contains("hint:"), "{}", text(&out));
}

/// Kills `index add` at random moments (the seed is printed on failure); the index must
/// always reopen with exactly the vacancies of its last commit: the first multiple of the
/// commit interval, in feed order, or all of them. It stays usable afterwards.
#[test]
fn killing_the_indexer_loses_nothing_committed() {
    const TOTAL: usize = 6000;
    const EVERY: usize = 500;
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    let lines: Vec<String> = std::fs::read_to_string(fixtures().join("vacancies.jsonl")).unwrap().lines().map(str::to_owned).collect();
    let mut big = String::new();
    for i in 0..TOTAL {
        let mut v: serde_json::Value = serde_json::from_str(&lines[i % lines.len()]).unwrap();
        v["id"] = format!("syn-{i:05}").into();
        big.push_str(&v.to_string());
        big.push('\n');
    }
    std::fs::write(&feed, big).unwrap();
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    let mut state = u64::from(seed) | 1;
    let mut random_ms = move || {
        // xorshift: enough to spread the kills over the run.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        50 + state % 2500
    };
    for round in 0..6 {
        let delay_ms = random_ms();
        let idx = dir.path().join(format!("idx-{round}"));
        let mut child = common::command()
            .args(["index", "add", feed.to_str().unwrap(), "--index", idx.to_str().unwrap(), "--commit-every", &EVERY.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        if !idx.join("sportello-index.json").exists() {
            continue; // killed before the index was created
        }
        let ctx = format!("seed {seed}, round {round}, killed after {delay_ms} ms");
        let index = sportello::matching::index::VacancyIndex::open(&idx).unwrap_or_else(|e| panic!("{ctx}: {e}"));
        let mut ids: Vec<String> = index.vacancies().unwrap().into_iter().map(|v| v.id).collect();
        ids.sort();
        let n = ids.len();
        assert!(n.is_multiple_of(EVERY) || n == TOTAL, "{ctx}: {n} vacancies is not a committed state");
        let expected: Vec<String> = (0..n).map(|i| format!("syn-{i:05}")).collect();
        assert!(ids == expected, "{ctx}: the index holds other vacancies than the first {n}");
        drop(index);
        // The index stays usable: adding more works and the count is right.
        let out = sportello(&["index", "add", fixtures().join("vacancies").to_str().unwrap(), "--index", idx.to_str().unwrap()]);
        assert!(out.status.success(), "{ctx}: {}", text(&out));
        assert_eq!(count(&idx), n as u64 + 12, "{ctx}");
    }
}
