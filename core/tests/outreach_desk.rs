//! The desk's papers: letters to a person (an appointment, its reminder, an outcome)
//! never show sensitive data, and a recruiting day lists only the people who consented,
//! with their CVs, invitations and the attendance sheet.
#![cfg(all(feature = "desk", feature = "render"))]
#![allow(clippy::unwrap_used)]

use std::path::Path;

use sportello::desk::{
    Arrival, Channel, CodiceFiscale, ConsentKind, Day, Desk, DeskContact, DeskInfo, LetterKind, NewAppointment, NewOutcome, NewPath,
    NewPerson, Operator, OutcomeKind, PathKind, Reader, Service, Target, Visibility,
};
use sportello::lang::Lang;
use sportello::matching::Matcher;
use sportello::model::{ContractType, PartialDate, Profile, Vacancy};
use sportello::outreach::letters;
use sportello::outreach::recruiting::{Candidate, Event, plan};
use sportello::render::{OutputFormat, RenderRequest, Renderer};

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn day(s: &str) -> Day {
    s.parse().unwrap()
}

fn me() -> Reader {
    // A reader who may see sensitive data: the letter must still leave it out.
    Reader { username: "lmarchetti".into(), sensitive: true }
}

/// Values that exist only where a letter must not look.
const PLANTED: &[&str] = &["DISABILITA-PIANTATA-7731", "NOTA-PIANTATA-5521", "RSSMRA85T10A562S", "L.68/99", "collocamento mirato", "1985"];

fn profile_file(name: &str) -> Profile {
    let text = std::fs::read_to_string(fixtures().join("profiles").join(name)).unwrap();
    serde_norway::from_str(&text).unwrap()
}

fn desk_with_people(path: &Path) -> (Desk, i64) {
    let mut desk = Desk::open(path).unwrap().with_today(day("2026-12-03"));
    desk.add_desk(
        "admin",
        &DeskInfo { code: "trecate".into(), name: "Sportello Lavoro di Trecate".into(), comune: Some("Trecate".into()) },
    )
    .unwrap();
    desk.add_operator("admin", &Operator { username: "lmarchetti".into(), name: "Laura Marchetti".into(), desk: "trecate".into() })
        .unwrap();
    let contact = DeskContact {
        address: Some("Piazza Cavour 24, 28069 Trecate".into()),
        phone: Some("0321 776311".into()),
        email: Some("lavoro@trecate.example.it".into()),
        web: Some("https://lavoro.trecate.example.it".into()),
        ..DeskContact::default()
    };
    desk.set_desk_contact("admin", "trecate", &contact).unwrap();
    let mut p = profile_file("luca-legge68.yaml");
    p.sensitive.date_of_birth = Some("1985-12-10".parse().unwrap());
    if let Some(d) = p.sensitive.disability.as_mut() {
        d.notes = Some("DISABILITA-PIANTATA-7731".into());
    }
    let luca = desk
        .add_person(
            &me(),
            &NewPerson {
                profile: p,
                codice_fiscale: Some(CodiceFiscale::parse("RSSMRA85T10A562S").unwrap()),
                comune: Some("Galliate".into()),
                desk: "trecate".into(),
                case_manager: Some("lmarchetti".into()),
                arrival: Arrival::Cpi,
                arrival_date: Some(day("2026-10-01")),
            },
        )
        .unwrap();
    let path = desk
        .open_path(
            &me(),
            &NewPath {
                person_id: luca,
                kind: PathKind::CollocamentoMirato,
                proposed_on: day("2026-10-02"),
                gol_funded: false,
                targets: vec![Target::L68],
                case_manager: None,
                note: None,
            },
        )
        .unwrap();
    desk.add_note(&me(), luca, Visibility::Desk, "NOTA-PIANTATA-5521", None).unwrap();
    desk.book(
        &me(),
        &NewAppointment {
            person_id: luca,
            path_id: Some(path),
            service: Service::OrientamentoSpecialistico,
            channel: Channel::InPerson,
            on: day("2026-12-10"),
            at: "9:30".parse().ok(),
            expected_minutes: 60,
            operator: Some("lmarchetti".into()),
            vacancy_id: None,
            note: None,
        },
    )
    .unwrap();
    (desk, luca)
}

fn render_text(doc: &sportello::outreach::Document) -> String {
    let req = RenderRequest { format: OutputFormat::Text, today: Some("2026-12-03".parse().unwrap()), ..RenderRequest::pdf("", "it") };
    String::from_utf8(Renderer::new().render_outreach(doc, &req).unwrap().files.concat()).unwrap()
}

#[test]
fn letters_name_the_appointment_and_never_show_sensitive_data() {
    let dir = tempfile::tempdir().unwrap();
    let (mut desk, luca) = desk_with_people(&dir.path().join("d.db"));
    let (letter, contact) = desk.letter(&me(), luca, LetterKind::Appointment, None, Lang::It).unwrap();
    let text = render_text(&letters(std::slice::from_ref(&letter), Some(&contact.sender(None)), Lang::It));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for want in [
        "Trecate, 3 dicembre 2026",
        "Luca Morandi",
        "Via dei Test 3, 28066 Galliate (NO)",
        "Oggetto: appuntamento del giovedì 10 dicembre 2026",
        "orientamento specialistico",
        "09:30",
        "Piazza Cavour 24",
        "Laura Marchetti",
        "0321 776311",
        "documento d'identità",
    ] {
        assert!(flat.contains(want), "{want:?} is missing:\n{text}");
    }
    // Every kind, both languages, as the letter's own text and as laid out.
    desk.add_outcome(
        &me(),
        &NewOutcome {
            person_id: luca,
            path_id: None,
            kind: OutcomeKind::Contract,
            contract: Some(ContractType::TempoDeterminato),
            start_on: day("2026-12-01"),
            planned_months: Some(12),
            employer: Some("Studio Esempio".into()),
            vacancy_id: None,
            evidence: None,
        },
    )
    .unwrap();
    for kind in LetterKind::ALL {
        for lang in Lang::ALL {
            let (letter, contact) = desk.letter(&me(), luca, *kind, None, lang).unwrap();
            let laid_out = render_text(&letters(std::slice::from_ref(&letter), Some(&contact.sender(None)), lang));
            for out in [letter.text(lang), laid_out] {
                for planted in PLANTED {
                    assert!(!out.contains(planted), "{kind:?} in {lang}: {planted:?} leaked:\n{out}");
                }
            }
        }
    }
    let (outcome, _) = desk.letter(&me(), luca, LetterKind::Outcome, None, Lang::It).unwrap();
    assert!(outcome.text(Lang::It).contains("Studio Esempio") && outcome.text(Lang::It).contains("1 dicembre 2026"));
    // Writing a letter is audited.
    let db = rusqlite::Connection::open(dir.path().join("d.db")).unwrap();
    let n: i64 = db.query_row("SELECT count(*) FROM audit WHERE action = 'letter'", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 1 + 2 * LetterKind::ALL.len() as i64 + 1);
}

#[test]
fn a_letter_without_an_appointment_or_outcome_says_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut desk, luca) = desk_with_people(&dir.path().join("d.db"));
    let e = desk.letter(&me(), luca, LetterKind::Outcome, None, Lang::It).unwrap_err();
    assert_eq!(e.field, "outcome");
    assert!(e.message(Lang::It).contains("nessun esito") || e.message(Lang::It).contains("alcun esito"), "{}", e.message(Lang::It));
    let e = desk.letter(&me(), luca, LetterKind::Reminder, Some(999), Lang::En).unwrap_err();
    assert_eq!(e.field, "appointment");
    assert!(desk.letter(&me(), 4242, LetterKind::Appointment, None, Lang::It).is_err());
    // A bad contact is refused with its field.
    let e =
        desk.set_desk_contact("admin", "trecate", &DeskContact { web: Some("lavoro.it".into()), ..DeskContact::default() }).unwrap_err();
    assert_eq!(e.field, "web");
    let at_limit = DeskContact { address: Some("a".repeat(sportello::desk::MAX_CONTACT_CHARS)), ..DeskContact::default() };
    desk.set_desk_contact("admin", "trecate", &at_limit).unwrap();
    let over = DeskContact { address: Some("a".repeat(sportello::desk::MAX_CONTACT_CHARS + 1)), ..DeskContact::default() };
    assert_eq!(desk.set_desk_contact("admin", "trecate", &over).unwrap_err().field, "address");
}

#[test]
fn a_recruiting_day_lists_only_who_consented_with_cvs_invitations_and_attendance() {
    let dir = tempfile::tempdir().unwrap();
    let (mut desk, luca) = desk_with_people(&dir.path().join("d.db"));
    let mut ids = vec![];
    for (file, consent) in [("franco-magazziniere-58.yaml", true), ("kofi-autista.yaml", true), ("rosa-badante.yaml", false)] {
        let mut p = profile_file(file);
        if file.starts_with("kofi") {
            p.person.email = None; // no e-mail: a letter by post
        }
        let id = desk
            .add_person(
                &me(),
                &NewPerson {
                    profile: p,
                    codice_fiscale: None,
                    comune: Some("Trecate".into()),
                    desk: "trecate".into(),
                    case_manager: None,
                    arrival: Arrival::SelfReferred,
                    arrival_date: None,
                },
            )
            .unwrap();
        if consent {
            desk.set_consent(&me(), id, ConsentKind::RecruitingDays, true, day("2026-11-01")).unwrap();
        }
        ids.push(id);
    }
    let _ = luca; // no consent: never listed
    let people = desk.recruiting_profiles(&me(), None).unwrap();
    assert_eq!(people.iter().map(|(id, _)| *id).collect::<Vec<_>>(), [ids[0], ids[1]]);
    let candidates: Vec<Candidate> = people.into_iter().map(|(id, profile)| Candidate { key: id.to_string(), profile }).collect();

    let vacancies: Vec<Vacancy> = std::fs::read_to_string(fixtures().join("vacancies.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .filter(|v: &Vacancy| ["nov-01", "nov-10"].contains(&v.id.as_str()))
        .collect();
    let today: PartialDate = "2026-12-03".parse().unwrap();
    let matcher = Matcher::embedded(today);
    let event = Event {
        on: "2026-12-15".parse().unwrap(),
        at: Some("9:30".into()),
        place: "Sala consiliare, Trecate".into(),
        bring: vec![],
        per_vacancy: 10,
        min_score: 0.0,
    };
    let day_plan = plan(&event, &vacancies, &candidates, &matcher, Lang::It).unwrap();
    assert_eq!(day_plan.employers.len(), 2);
    assert!(day_plan.invited.len() == 2, "{:?}", day_plan.invited);
    let contact = desk.desk_contact("trecate").unwrap();
    let files = day_plan.documents(&event, &candidates, Some(&contact.sender(None)), &Renderer::new(), today, Lang::It).unwrap();
    let names: Vec<&str> = files.files.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.iter().filter(|n| n.starts_with("lista-")).count() == 2, "{names:?}");
    assert!(names.contains(&"inviti.pdf") && names.contains(&"inviti-email.txt") && names.contains(&"presenze.pdf"), "{names:?}");
    let mail = String::from_utf8(files.files.iter().find(|(n, _)| n == "inviti-email.txt").unwrap().1.clone()).unwrap();
    assert!(mail.contains("Franco") && !mail.contains("Kofi") && mail.contains("15 dicembre 2026"), "{mail}");
    for (name, bytes) in files.files.iter().filter(|(n, _)| n.ends_with(".pdf")) {
        assert!(bytes.starts_with(b"%PDF"), "{name}");
    }
}
