//! The outreach commands through the binary: a poster and a bulletin from an index, with
//! the desk's contacts from a desk database; a letter; a recruiting day from a folder of
//! consenting profiles; and bad requests refused with the option named.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::process::Output;

use common::{command, fixtures, sportello, text};

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "{}", text(out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn refused(out: &Output, code: i32, says: &str) {
    assert_eq!(out.status.code(), Some(code), "{}", text(out));
    assert!(text(out).contains(says), "{says:?} not in: {}", text(out));
}

/// An index of the shared vacancies and a desk database whose Trecate desk has contacts.
fn setup(dir: &Path) -> (String, String) {
    let index = dir.join("index").to_str().unwrap().to_owned();
    let db = dir.join("desk.db").to_str().unwrap().to_owned();
    ok(&sportello(&["index", "add", fixtures().join("vacancies.jsonl").to_str().unwrap(), "--index", &index]));
    ok(&sportello(&["desk", "--db", &db, "init", "--desk", "trecate:Sportello Lavoro di Trecate:Trecate"]));
    let contact = ok(&sportello(&[
        "desk",
        "--db",
        &db,
        "desks",
        "contact",
        "trecate",
        "--phone",
        "0321 776311",
        "--web",
        "https://lavoro.trecate.example.it",
    ]));
    assert!(contact.contains("\"phone\": \"0321 776311\""), "{contact}");
    (index, db)
}

#[test]
fn a_poster_and_a_bulletin_from_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let (index, db) = setup(dir.path());
    let out = dir.path().join("poster.txt");
    ok(&sportello(&["poster", "nov-01", "--index", &index, "--db", &db, "-o", out.to_str().unwrap()]));
    let poster = std::fs::read_to_string(&out).unwrap();
    for want in ["Magazziniere carrellista", "Sportello Lavoro di Trecate", "0321 776311", "Rif. nov-01"] {
        assert!(poster.contains(want), "{want:?} not in:\n{poster}");
    }
    let pdf = dir.path().join("poster.pdf");
    ok(&sportello(&["poster", "nov-03", "--index", &index, "--lang", "en", "-o", pdf.to_str().unwrap()]));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    let bulletin = dir.path().join("bollettino.pdf");
    let said = ok(&sportello(&[
        "bulletin",
        "--index",
        &index,
        "--db",
        &db,
        "--near",
        "Trecate",
        "--km",
        "15",
        "--group",
        "sector",
        "-o",
        bulletin.to_str().unwrap(),
    ]));
    assert!(said.contains("bollettino.pdf") && said.contains("bollettino.txt"), "{said}");
    let plain = std::fs::read_to_string(dir.path().join("bollettino.txt")).unwrap();
    assert!(plain.contains("[nov-01]") && !plain.contains("[nov-03]"), "{plain}");
    assert!(std::fs::read(&bulletin).unwrap().starts_with(b"%PDF"));
}

#[test]
fn bad_requests_name_the_option() {
    let dir = tempfile::tempdir().unwrap();
    let (index, db) = setup(dir.path());
    let o = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    refused(&sportello(&["poster", "nov-99", "--index", &index, "-o", &o("p.pdf")]), 1, "nessuna offerta con l'identificativo \"nov-99\"");
    refused(&sportello(&["poster", "nov-01", "--index", &index, "-o", &o("p.docx")]), 2, "l'estensione del file dice il formato");
    refused(
        &sportello(&["poster", "nov-01", "--index", &index, "--logo", &o("none.png"), "-o", &o("p.pdf")]),
        2,
        "--logo e --desk vogliono --db",
    );
    std::fs::write(o("logo.gif"), b"GIF89a....").unwrap();
    refused(
        &sportello(&["poster", "nov-01", "--index", &index, "--db", &db, "--logo", &o("logo.gif"), "-o", &o("p.pdf")]),
        1,
        "PNG, JPEG or SVG",
    );
    refused(&sportello(&["bulletin", "--index", &index, "--group", "mese", "-o", &o("b.pdf")]), 2, "--group");
    refused(&sportello(&["bulletin", "--index", &index, "--km", "0", "-o", &o("b.pdf")]), 2, "--km");
    refused(&sportello(&["bulletin", "--index", &index, "--since", "ieri", "-o", &o("b.pdf")]), 2, "--since");
    let day = ["recruiting-day", "--index", &index, "--vacancies", "nov-01", "--place", "Trecate", "-o", &o("day")];
    refused(&sportello(&[&day[..], &["--on", "2026-12"]].concat()), 2, "--on");
    refused(&sportello(&[&day[..], &["--on", "2026-12-15"]].concat()), 2, "--db");
    refused(&sportello(&[&day[..], &["--on", "2026-12-15", "--at", "25:00", "--db", &db]].concat()), 2, "--at");
}

#[test]
fn a_recruiting_day_from_consenting_profiles_and_a_letter_from_the_desk() {
    let dir = tempfile::tempdir().unwrap();
    let (index, db) = setup(dir.path());
    let profiles = fixtures().join("profiles");
    let day = dir.path().join("day");
    let said = ok(&sportello(&[
        "recruiting-day",
        "--index",
        &index,
        "--vacancies",
        "nov-01",
        "nov-10",
        "--on",
        "2026-12-15",
        "--at",
        "9:30",
        "--place",
        "Sala consiliare, Trecate",
        "--profiles",
        profiles.to_str().unwrap(),
        "--consented",
        "franco-magazziniere-58.yaml,kofi-autista.yaml",
        "--db",
        &db,
        "-o",
        day.to_str().unwrap(),
    ]));
    let mut files: Vec<String> = std::fs::read_dir(&day).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    files.sort();
    assert!(files.iter().filter(|f| f.starts_with("lista-")).count() == 2, "{files:?}\n{said}");
    assert!(files.contains(&"presenze.pdf".to_owned()) && files.contains(&"inviti-email.txt".to_owned()), "{files:?}");
    let mail = std::fs::read_to_string(day.join("inviti-email.txt")).unwrap();
    assert!(
        mail.contains("Oggetto: invito al recruiting day del 15 dicembre 2026") && mail.contains("Trecate, 23 novembre 2026"),
        "{mail}"
    );

    // A letter from the desk to a person of its caseload.
    let desk =
        |args: &[&str]| command().env("SPORTELLO_OPERATOR", "lmarchetti").arg("desk").arg("--db").arg(&db).args(args).output().unwrap();
    let person = ok(&desk(&["people", "add", profiles.join("rosa-badante.yaml").to_str().unwrap(), "--desk", "trecate"])).trim().to_owned();
    let letter = dir.path().join("lettera.txt");
    refused(&desk(&["letter", &person, "--kind", "appointment", "-o", letter.to_str().unwrap()]), 1, "non ha appuntamenti da erogare");
    ok(&desk(&["appointments", "add", &person, "--service", "colloquio", "--on", "2026-11-30", "--at", "10:00"]));
    ok(&desk(&["letter", &person, "--kind", "promemoria", "-o", letter.to_str().unwrap()]));
    let text = std::fs::read_to_string(&letter).unwrap();
    assert!(text.contains("Oggetto: promemoria dell'appuntamento del lunedì 30 novembre 2026") && text.contains("0321 776311"), "{text}");
    refused(&desk(&["letter", &person, "--kind", "lettera", "-o", letter.to_str().unwrap()]), 2, "--kind");
}
