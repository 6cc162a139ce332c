//! `sportello letter PROFILE --for VACANCY`: a cover letter as text, as JSON with the
//! source of each paragraph, and as a PDF; an unknown vacancy refused.

#![allow(clippy::unwrap_used)]

mod common;

use common::{fixtures, sportello, text};

#[test]
fn a_cover_letter_for_one_vacancy() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    assert!(sportello(&["index", "add", fixtures().join("vacancies.jsonl").to_str().unwrap(), "--index", index]).status.success());
    let profile = fixtures().join("profiles/franco-magazziniere-58.yaml");
    let profile = profile.to_str().unwrap();
    let out = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();

    let o = sportello(&["letter", profile, "--for", "nov-01", "--index", index, "-o", &out("l.txt")]);
    assert!(o.status.success(), "{}", text(&o));
    let letter = std::fs::read_to_string(out("l.txt")).unwrap();
    for want in [
        "Oggetto: candidatura per Magazziniere carrellista (rif. nov-01)",
        "Logistica Novarese Esempio",
        "guida del muletto",
        "Distinti saluti",
    ] {
        assert!(letter.contains(want), "{want:?} not in:\n{letter}");
    }
    let o = sportello(&["letter", profile, "--for", "nov-01", "--index", index, "--lang", "en", "-o", &out("l.json")]);
    assert!(o.status.success(), "{}", text(&o));
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(out("l.json")).unwrap()).unwrap();
    let templates: Vec<&str> = json["paragraphs"].as_array().unwrap().iter().map(|p| p["template"].as_str().unwrap()).collect();
    assert_eq!(templates.first(), Some(&"opening"));
    assert!(templates.contains(&"skills") && json["edited"] == false, "{json}");
    let o = sportello(&["letter", profile, "--for", "nov-01", "--index", index, "-o", &out("l.pdf")]);
    assert!(o.status.success() && std::fs::read(out("l.pdf")).unwrap().starts_with(b"%PDF"));

    let o = sportello(&["letter", profile, "--for", "nov-99", "--index", index, "-o", &out("x.pdf")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("nov-99"), "{}", text(&o));
}

#[test]
fn a_cv_tailored_to_one_vacancy_says_what_moved() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let index = index.to_str().unwrap();
    assert!(sportello(&["index", "add", fixtures().join("vacancies.jsonl").to_str().unwrap(), "--index", index]).status.success());
    let profile = fixtures().join("profiles/sara-cuoca.json");
    let out = dir.path().join("cv.txt");
    let o = sportello(&[
        "render",
        profile.to_str().unwrap(),
        "--for",
        "nov-04",
        "--index",
        index,
        "--explain",
        "--format",
        "txt",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let said = text(&o);
    assert!(said.contains("work[2]: Aiuto cuoco (3 → 1): è il lavoro che corrisponde all'occupazione dell'offerta"), "{said}");
    let cv = std::fs::read_to_string(&out).unwrap();
    let first_job = cv.find("Aiuto cuoco").unwrap();
    assert!(cv.find("Cuoca di linea").unwrap() > first_job, "the job that counts comes first:\n{cv}");
    // --for needs --index, --pages needs --for.
    assert_eq!(sportello(&["render", profile.to_str().unwrap(), "--for", "nov-04"]).status.code(), Some(2));
    assert_eq!(sportello(&["render", profile.to_str().unwrap(), "--pages", "1"]).status.code(), Some(2));
    assert_eq!(
        sportello(&["render", profile.to_str().unwrap(), "--for", "nov-04", "--index", index, "--pages", "0"]).status.code(),
        Some(2)
    );
}
