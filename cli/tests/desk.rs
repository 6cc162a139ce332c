//! End-to-end tests of `sportello desk`: a real database file through the binary, the
//! messages a counsellor reads (Italian by default) and the exit codes.

#![allow(clippy::unwrap_used)]

mod common;

use common::{command, fixtures, text};
use std::path::Path;
use std::process::Output;

/// Runs `sportello desk --db DB ARGS...` as operator `lmarchetti`, today 2023-06-30.
fn desk(db: &Path, args: &[&str]) -> Output {
    desk_on("2023-06-30", db, args)
}

/// The same on another day.
fn desk_on(today: &str, db: &Path, args: &[&str]) -> Output {
    command()
        .env("SPORTELLO_TODAY", today)
        .env("SPORTELLO_OPERATOR", "lmarchetti")
        .arg("desk")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "{}", text(out));
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

#[test]
fn a_person_their_path_and_appointments_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    ok(&desk(&db, &["init", "--desk", "trecate:Sportello Lavoro di Trecate:Trecate"]));
    // init never overwrites.
    assert_eq!(desk(&db, &["init"]).status.code(), Some(3));
    ok(&desk(&db, &["operators", "add", "lmarchetti", "Laura Marchetti", "--desk", "trecate"]));
    let profile = fixtures().join("profiles/luca-legge68.yaml");
    let luca = ok(&desk(
        &db,
        &["people", "add", profile.to_str().unwrap(), "--desk", "trecate", "--case-manager", "lmarchetti", "--arrival-date", "01/03/2023"],
    ));
    assert_eq!(luca, "1");

    // A wrong check character: exit 1, in Italian, naming the option.
    let bad = desk(&db, &["people", "add", profile.to_str().unwrap(), "--desk", "trecate", "--cf", "RSSMRA85T10A562X"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(text(&bad).contains("--cf") && text(&bad).contains("carattere di controllo"), "{}", text(&bad));

    let path = ok(&desk(&db, &["paths", "open", "1", "--kind", "collocamento_mirato", "--proposed", "2023-03-02", "--target", "l68"]));
    // Out of order: concluded before started.
    let out = desk(&db, &["paths", "event", &path, "conclusione", "--on", "2023-04-01"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("«conclusione» non può seguire un percorso proposto"), "{}", text(&out));
    let out = desk(&db, &["--lang", "en", "paths", "event", &path, "conclusione", "--on", "2023-04-01"]);
    assert!(text(&out).contains("cannot follow a path that is proposed"), "{}", text(&out));
    assert_eq!(ok(&desk(&db, &["paths", "event", &path, "avvio", "--on", "2023-03-10"])), "avviato");
    // An unknown name lists what is accepted.
    let out = desk(&db, &["paths", "event", &path, "finito"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("conclusione"), "{}", text(&out));

    let a = ok(&desk(&db, &["appointments", "add", "1", "--service", "colloquio", "--on", "2023-05-10", "--at", "9:30", "--path", &path]));
    let out = desk(&db, &["appointments", "cancel", &a, "--by", "cittadino"]);
    assert_eq!(ok(&out), "disdetto dal cittadino");
    let out = desk(&db, &["appointments", "done", &a, "--minutes", "30"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("già «disdetto dal cittadino»"), "{}", text(&out));
    ok(&desk(&db, &["consents", "grant", "1", "condivisione_cv", "--on", "2023-03-01"]));
    ok(&desk(&db, &["consents", "withdraw", "1", "condivisione_cv", "--on", "2023-04-01"]));
    let twice = desk(&db, &["consents", "withdraw", "1", "condivisione_cv"]);
    assert_eq!(twice.status.code(), Some(1));
    assert!(text(&twice).contains("già revocato o mai dato"), "{}", text(&twice));
    ok(&desk(
        &db,
        &["outcomes", "add", "1", "--kind", "contratto", "--contract", "tempo_determinato", "--months", "12", "--start", "2023-06-01"],
    ));

    // The list never shows the protected kind without --sensitive; the file leaves it out.
    let list = ok(&desk(&db, &["paths", "list"]));
    assert!(list.contains("(riservato)") && !list.contains("collocamento"), "{list}");
    assert_eq!(desk(&db, &["paths", "list", "--target", "l68"]).status.code(), Some(1));
    let file = ok(&desk(&db, &["people", "show", "1"]));
    assert!(file.contains("Luca Morandi") && file.contains("Percorsi (0)") && !file.contains("67%"), "{file}");
    assert!(file.contains("dati sensibili non mostrati"), "{file}");
    let full = ok(&desk(&db, &["--sensitive", "people", "show", "1", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&full).unwrap();
    assert_eq!(json["paths"][0]["kind"], "collocamento_mirato");
    assert_eq!(json["outcomes"][0]["lasting"], true);

    // The access request holds everything, protected data included, with the audit.
    let export: serde_json::Value = serde_json::from_str(&ok(&desk(&db, &["export", "1"]))).unwrap();
    assert_eq!(export["file"]["paths"][0]["kind"], "collocamento_mirato");
    assert!(export["audit"].as_array().unwrap().iter().any(|e| e["action"] == "open"));
    // The same as a document to hand over, in Italian or English (Typst).
    let pdf = dir.path().join("accesso.pdf");
    ok(&desk(&db, &["export", "1", "--format", "pdf", "-o", pdf.to_str().unwrap()]));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let doc = ok(&desk(&db, &["--lang", "en", "export", "1", "--format", "text"]));
    assert!(doc.starts_with("Your data held by the job desk") && doc.contains("targeted placement (Law 68/99)"), "{doc}");
    assert!(doc.contains("Who saw or changed the data") && doc.contains("lmarchetti"), "{doc}");
    assert_eq!(desk(&db, &["export", "1", "--format", "pdf"]).status.code(), Some(2), "a PDF needs a file");
    // Nobody is due for deletion yet (an open path); the period is a setting.
    let retention = ok(&desk(&db, &["retention", "--years", "5"]));
    assert!(retention.starts_with("Conservazione: 5 anni") && retention.contains(": 0 da trattare"), "{retention}");
    let no_key = desk(&db, &["retention", "--apply", "pseudonymise"]);
    assert_eq!(no_key.status.code(), Some(2));

    assert!(ok(&desk(&db, &["audit", "verify"])).contains("integro"));
    let copy = dir.path().join("copy.db");
    ok(&desk(&db, &["backup", copy.to_str().unwrap()]));
    assert!(ok(&desk(&copy, &["--lang", "en", "audit", "verify"])).contains("intact"));
    // A typo in --db is not a new empty database.
    let typo = desk(&dir.path().join("typo.db"), &["people", "list"]);
    assert_eq!(typo.status.code(), Some(1));
    assert!(text(&typo).contains("sportello desk init"), "{}", text(&typo));
}

#[test]
fn the_demo_year_lists_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let summary = ok(&desk(&db, &["demo", "--seed", "3"]));
    assert!(
        summary.contains("534 percorsi attivati") && summary.contains("207 percorsi conclusi") && summary.contains("327 percorsi in corso"),
        "{summary}"
    );
    assert_eq!(desk(&db, &["demo"]).status.code(), Some(3), "never over an existing file without --force");
    let list = ok(&desk(&db, &["paths", "list", "--desk", "cerano", "--state", "concluso", "--per-page", "5", "--format", "json"]));
    let page: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(page["rows"].as_array().unwrap().len(), 5);
    assert!(page["total"].as_u64().unwrap() > 5);
    assert!(page["rows"].as_array().unwrap().iter().all(|r| r["desk"] == "cerano" && r["state"] == "concluso"));
    let people = ok(&desk(&db, &["people", "list", "--name", "rossi", "--lang", "en"]));
    assert!(people.lines().next().unwrap().starts_with("person"), "{people}");
    assert!(ok(&desk(&db, &["audit", "verify"])).contains("integro"));
}

#[test]
fn matching_from_the_caseload_proposes_and_shortlists_only_consenting_people() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let idx = dir.path().join("idx");
    // The fixtures' vacancies expire in 2026: "today" is in their window here.
    let run =
        |args: &[&str]| command().env("SPORTELLO_OPERATOR", "lmarchetti").arg("desk").arg("--db").arg(&db).args(args).output().unwrap();
    let out = command()
        .args(["index", "add", fixtures().join("vacancies").to_str().unwrap(), "--index", idx.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    ok(&run(&["init", "--desk", "trecate:Sportello Lavoro di Trecate"]));
    ok(&run(&["operators", "add", "lmarchetti", "Laura Marchetti", "--desk", "trecate"]));
    for f in ["franco-magazziniere-58.yaml", "sara-cuoca.json"] {
        ok(&run(&["people", "add", fixtures().join("profiles").join(f).to_str().unwrap(), "--desk", "trecate"]));
    }
    let matches: serde_json::Value =
        serde_json::from_str(&ok(&run(&["match", "1", "--index", idx.to_str().unwrap(), "--format", "json"]))).unwrap();
    assert_eq!(matches[0]["vacancy_id"], "nov-01", "the warehouse worker's first match is the warehouse job");
    let activity = ok(&run(&["propose", "1", "nov-01"]));
    let file: serde_json::Value = serde_json::from_str(&ok(&run(&["people", "show", "1", "--format", "json"]))).unwrap();
    let proposal = &file["appointments"][0];
    assert_eq!(
        (proposal["id"].to_string(), &proposal["service"], &proposal["vacancy_id"]),
        (activity, &serde_json::json!("proposta_lavoro"), &serde_json::json!("nov-01"))
    );

    // Nobody has consented to share their CV: the shortlist is empty; then Sara consents.
    let shortlist = |run: &dyn Fn(&[&str]) -> Output| -> Vec<String> {
        let out: serde_json::Value =
            serde_json::from_str(&ok(&run(&["shortlist", "nov-04", "--index", idx.to_str().unwrap(), "--format", "json"]))).unwrap();
        out.as_array().unwrap().iter().map(|r| r["profile_id"].as_str().unwrap().to_owned()).collect()
    };
    assert!(shortlist(&run).is_empty());
    ok(&run(&["consents", "grant", "2", "condivisione_cv"]));
    assert_eq!(shortlist(&run), vec!["2".to_owned()]);
}

#[test]
fn a_spreadsheet_imports_with_its_report_and_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    ok(&desk(&db, &["init", "--desk", "trecate:Trecate", "--desk", "cerano:Cerano"]));
    ok(&desk(&db, &["operators", "add", "lmarchetti", "Laura Marchetti", "--desk", "trecate"]));
    let sheet = fixtures().join("desk/foglio-sportello.csv");
    let out = desk(&db, &["import", sheet.to_str().unwrap(), "--desk", "trecate"]);
    assert_eq!(out.status.code(), Some(1), "rows were refused");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.starts_with("8 righe lette: 3 persone aggiunte, 4 percorsi aperti, 4 righe rifiutate"), "{report}");
    assert!(report.contains("colonna \"Note interne\" → (non importata)") && report.contains("riga 5: codice_fiscale"), "{report}");
    assert_eq!(ok(&desk(&db, &["paths", "list", "--format", "json"])).matches("\"path_id\"").count(), 4);
}

#[test]
fn the_report_gives_the_same_figures_as_json_csv_and_the_pdfs_text() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    ok(&desk(&db, &["demo", "--seed", "3"]));
    // The day the demo's year ends: its months are all past.
    const END: &str = "2023-10-31";
    let period = ["report", "--from", "2022-11", "--to", "2023-10"];
    let json: serde_json::Value = serde_json::from_str(&ok(&desk_on(END, &db, &[&period[..], &["--format", "json"]].concat()))).unwrap();
    let headline = json["tables"].as_array().unwrap().iter().find(|t| t["name"] == "headline").unwrap();
    let value = |key: &str| headline["rows"].as_array().unwrap().iter().find(|r| r["key"] == key).unwrap()["cells"][0].clone();
    assert_eq!(
        (value("activated"), value("concluded"), value("ongoing"), value("assigned_by_cpi")),
        (534.into(), 207.into(), 327.into(), 256.into())
    );
    let csv = ok(&desk_on(END, &db, &[&period[..], &["--format", "csv"]].concat()));
    for (key, n) in [("activated", 534), ("concluded", 207), ("ongoing", 327), ("assigned_by_cpi", 256)] {
        assert!(csv.lines().any(|l| l.starts_with(&format!("headline,{key},")) && l.ends_with(&format!(",value,{n}"))), "{key}");
    }
    // The PDF's text (the same layout): every figure of the month table, in Italian.
    let txt = dir.path().join("report.txt");
    ok(&desk_on(END, &db, &[&period[..], &["-o", txt.to_str().unwrap()]].concat()));
    let text = std::fs::read_to_string(&txt).unwrap();
    assert!(text.contains("Percorsi attivati") && text.contains("534") && text.contains("novembre 2022 – ottobre 2023"), "{text}");
    let pdf = dir.path().join("report.pdf");
    ok(&desk_on(END, &db, &[&period[..], &["--desk", "Trecate", "--lang", "en", "-o", pdf.to_str().unwrap()]].concat()));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    // The desks' comuni are the convention's territory.
    assert_eq!(ok(&desk(&db, &["desks", "serves", "trecate"])), "Sozzago\nTrecate");
}

#[test]
fn a_bad_report_request_says_what_was_expected() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    ok(&desk(&db, &["init", "--desk", "trecate:Sportello Lavoro di Trecate"]));
    let out = desk(&db, &["report", "--from", "2022-13", "--to", "2023-10"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("--from") && text(&out).contains("AAAA-MM"), "{}", text(&out));
    let out = desk(&db, &["report", "--from", "2023-10", "--to", "2022-11"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("prima di cominciare"), "{}", text(&out));
    let out = desk(&db, &["report", "--from", "2023-01", "--to", "2023-02", "--desk", "atlantide"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("atlantide"), "{}", text(&out));
    let out = desk(&db, &["report", "--from", "2023-01", "--to", "2023-02", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2), "a PDF needs a file");
    // Months to come are not counted as if they had happened.
    let out = desk(&db, &["report", "--from", "2023-01", "--to", "2023-07"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("oltre il mese in corso"), "{}", text(&out));
}
