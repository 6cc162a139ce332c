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
fn skills_are_shown_in_the_readers_language_and_guesses_are_not() {
    let home = tempfile::tempdir().unwrap();
    let json = |args: &[&str]| -> serde_json::Value {
        let out = sportello(args, home.path());
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    // Italian by default, with who wrote the label; English on request.
    let it = json(&["skills", "search", "operate forklift", "--format", "json", "--limit", "1"]);
    assert_eq!(
        (&it[0]["uri"], &it[0]["preferred_label_lang"], &it[0]["preferred_label_source"]),
        (&FORKLIFT.into(), &"it".into(), &"sportello".into())
    );
    assert_eq!(it[0]["lang"], "en", "the text matched the English label");
    let en = json(&["skills", "search", "muletto", "--format", "json", "--limit", "1", "--lang", "en"]);
    assert_eq!((&en[0]["preferred_label"], &en[0]["lang"]), (&"operate forklift".into(), &"it".into()));
    // A concept with no Italian label is shown in English and says so.
    let haskell = json(&["skills", "search", "Haskell", "--format", "json", "--limit", "1"]);
    assert_eq!((&haskell[0]["preferred_label"], &haskell[0]["preferred_label_lang"]), (&"Haskell".into(), &"en".into()), "{haskell:#}");
    // A phrase that names no skill finds nothing, with a message in the reader's language;
    // --min-similarity shows weaker guesses.
    let none = sportello(&["skills", "search", "badante convivente per la signora", "--min-similarity", "0.95"], home.path());
    assert!(none.status.success() && none.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&none.stderr).contains("nessuna competenza ESCO corrisponde"),
        "{}",
        String::from_utf8_lossy(&none.stderr)
    );
    assert_eq!(json(&["skills", "search", "non lo so", "--format", "json"]), serde_json::json!([]));
    assert!(!json(&["skills", "search", "non lo so", "--format", "json", "--min-similarity", "0.3"]).as_array().unwrap().is_empty());
    let bad = sportello(&["skills", "search", "muletto", "--min-similarity", "2"], home.path());
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--min-similarity: 2 is not allowed (expected 0 to 1)"));
    let wrong_lang: [&[&str]; 2] =
        [&["skills", "search", "muletto", "--lang", "fr"], &["skills", "suggest", "--occupation", "cuoco", "--lang", "fr"]];
    for args in wrong_lang {
        let bad = sportello(args, home.path());
        assert_eq!(bad.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&bad.stderr).contains("--lang: \"fr\" is not a language sportello writes in (expected it or en)"),
            "{args:?}"
        );
    }
    // A job title typed as a skill leads to the occupation's core skills, route in the evidence.
    let routed = json(&["skills", "search", "carrellista", "--format", "json", "--limit", "3"]);
    assert_eq!(routed[0]["kind"], "via_occupation", "{routed:#}");
    assert!(routed[0]["via_occupation"]["uri"].as_str().unwrap().contains("/occupation/"));
    assert!(routed.as_array().unwrap().iter().any(|h| h["uri"] == FORKLIFT), "{routed:#}");
    // Suggestions in Italian.
    let links = json(&["skills", "suggest", "--occupation", "magazziniere", "--format", "json"]);
    assert!(links.as_array().unwrap().iter().all(|l| l["preferred_label_lang"] == "it"), "{links:#}");
}

#[test]
fn occupations_suggestions_and_places() {
    let home = tempfile::tempdir().unwrap();
    let out = sportello(&["skills", "suggest", "--occupation", "warehouse worker", "--format", "json"], home.path());
    let links: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(links.as_array().unwrap().len() > 10);
    assert_eq!(links[0]["relation"], "essential");
    assert!(stdout(&sportello(&["occupations", "search", "magazziniere", "--lang", "en"], home.path())).contains("warehouse worker"));
    let italian = stdout(&sportello(&["occupations", "search", "addetta alle pulizie"], home.path()));
    assert!(italian.lines().next().is_some_and(|l| l.contains("addetto alle pulizie")), "{italian}");
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
    let hits = sportello(&["skills", "search", "guidare il muletto", "--only-lang", "it", "--format", "json"], home.path());
    let hits: serde_json::Value = serde_json::from_slice(&hits.stdout).unwrap();
    assert_eq!(hits[0]["uri"], FORKLIFT);
    assert_eq!(hits[0]["kind"], "alt_label", "{hits:#}");
    // The official Italian label is shown before Sportello's own.
    assert_eq!(
        (&hits[0]["preferred_label"], &hits[0]["preferred_label_source"]),
        (&"condurre carrelli elevatori".into(), &"esco".into()),
        "{hits:#}"
    );
    assert!(stdout(&sportello(&["taxonomy", "info"], home.path())).contains("esco.pack"));
}
