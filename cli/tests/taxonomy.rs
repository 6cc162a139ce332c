//! End-to-end tests of the reference-data commands on the embedded data.

#![allow(clippy::unwrap_used)]

mod common;

use common::{command, fixtures};

use std::path::Path;
use std::process::Output;

fn sportello(args: &[&str], home: &Path) -> Output {
    command().args(args).env("SPORTELLO_HOME", home).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const FORKLIFT: &str = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da";

#[test]
fn skills_search_finds_italian_words_and_typos() {
    let home = tempfile::tempdir().unwrap();
    for q in ["muletto", "cariello elevatore", "operate forklfit"] {
        let out = sportello(&["skills", "search", q, "--format", "json", "--limit", "3"], home.path());
        assert!(out.status.success());
        let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(hits[0]["uri"], FORKLIFT, "{q}: {hits:#}");
        assert!(hits[0]["kind"].is_string() && hits[0]["similarity"].as_f64().unwrap() > 0.8);
    }
}

#[test]
fn occupations_suggestions_and_places() {
    let home = tempfile::tempdir().unwrap();
    let out = sportello(&["skills", "suggest", "--occupation", "warehouse worker", "--format", "json"], home.path());
    let links: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(links.as_array().unwrap().len() > 10);
    assert_eq!(links[0]["relation"], "essential");
    assert!(stdout(&sportello(&["occupations", "search", "magazziniere"], home.path())).contains("warehouse worker"));
    let places = stdout(&sportello(&["places", "search", "Garbagna"], home.path()));
    assert!(places.contains("003069") && places.contains("Garbagna Novarese"), "{places}");
    let none = sportello(&["places", "search", "Xyzville"], home.path());
    assert_eq!(none.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&none.stderr).contains("did you mean"));
}

#[test]
fn normalise_fills_uris_and_lists_what_it_could_not_place() {
    let home = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("p.yaml");
    std::fs::write(&input, "person: {given_name: A, family_name: B}\nskills:\n  - label: muletto\n  - label: qwzx plorf\n").unwrap();
    let out_path = dir.path().join("out.json");
    let out = sportello(&["normalise", input.to_str().unwrap(), "-o", out_path.to_str().unwrap()], home.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let p: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert_eq!(p["skills"][0]["uri"], FORKLIFT);
    assert!(p["skills"][1].get("uri").is_none());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not placed in ESCO (1): skills[1] \"qwzx plorf\""));
    // And a vacancy fixture round-trips through it.
    let v = sportello(&["normalise", fixtures().join("vacancies/nov-01-magazziniere-trecate.yaml").to_str().unwrap()], home.path());
    assert!(v.status.success());
    assert!(stdout(&v).contains("essential_skills"));
}

#[test]
fn taxonomy_import_adds_a_language_from_an_esco_download() {
    let home = tempfile::tempdir().unwrap();
    let esco = tempfile::tempdir().unwrap();
    // A tiny "Italian download": one skill and one occupation with Italian labels.
    std::fs::write(
        esco.path().join("skills_it.csv"),
        format!("conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description\r\nKnowledgeSkillCompetence,{FORKLIFT},skill/competence,sector-specific,condurre carrelli elevatori,\"guidare il muletto\",,released,,,,,\r\n"),
    )
    .unwrap();
    std::fs::write(esco.path().join("occupations_it.csv"), "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code\r\n").unwrap();
    let out = sportello(&["taxonomy", "import", esco.path().to_str().unwrap()], home.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let hits = sportello(&["skills", "search", "guidare il muletto", "--lang", "it", "--format", "json"], home.path());
    let hits: serde_json::Value = serde_json::from_slice(&hits.stdout).unwrap();
    assert_eq!(hits[0]["uri"], FORKLIFT);
    assert_eq!(hits[0]["kind"], "alt_label", "{hits:#}");
    assert!(stdout(&sportello(&["taxonomy", "info"], home.path())).contains("esco.pack"));
}
