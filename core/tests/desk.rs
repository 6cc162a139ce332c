//! The desk's caseload through its public API on real SQLite files: rules, conflicts,
//! concurrent writers, a writer killed mid-write, a full disk, the audit chain, migrations,
//! what a reader without access to sensitive data sees, the demo year and backups.
#![cfg(feature = "desk")]
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use sportello::desk::demo::{self, DemoPlan};
use sportello::desk::{
    AcknowledgedBy, AppointmentState, Arrival, Channel, CodiceFiscale, ConsentKind, Day, Desk, DeskErrorKind, DeskInfo, Filter,
    NewAppointment, NewOutcome, NewPath, NewPerson, Operator, OutcomeKind, PathEventKind, PathKind, PathState, Reader, Service, Target,
    Visibility,
};
use sportello::lang::Lang;
use sportello::model::{ContractType, Profile};

fn day(s: &str) -> Day {
    s.parse().unwrap()
}

fn profile(given: &str, family: &str) -> Profile {
    serde_json::from_value(serde_json::json!({"person": {"given_name": given, "family_name": family}})).unwrap()
}

/// A desk database with two desks, two operators and one person; returns it, the person.
fn setup(path: &Path) -> (Desk, i64) {
    let mut desk = Desk::open(path).unwrap().with_today(day("2023-06-30"));
    for (code, name) in [("trecate", "Sportello Lavoro di Trecate"), ("cerano", "Sportello Lavoro di Cerano")] {
        desk.add_desk("admin", &DeskInfo { code: code.into(), name: name.into(), comune: None }).unwrap();
    }
    desk.add_operator("admin", &Operator { username: "lmarchetti".into(), name: "Laura Marchetti".into(), desk: "trecate".into() })
        .unwrap();
    desk.add_operator("admin", &Operator { username: "pgatti".into(), name: "Paola Gatti".into(), desk: "cerano".into() }).unwrap();
    let id = desk.add_person(&me(), &new_person(profile("Anna", "Rossi"))).unwrap();
    (desk, id)
}

fn new_person(profile: Profile) -> NewPerson {
    NewPerson {
        profile,
        codice_fiscale: None,
        comune: Some("Trecate".into()),
        desk: "trecate".into(),
        case_manager: Some("lmarchetti".into()),
        arrival: Arrival::Cpi,
        arrival_date: Some(day("2023-02-01")),
    }
}

fn me() -> Reader {
    Reader::new("lmarchetti")
}

fn path_of(person: i64, kind: PathKind) -> NewPath {
    NewPath { person_id: person, kind, proposed_on: day("2023-03-01"), gol_funded: true, targets: vec![], case_manager: None, note: None }
}

fn appointment(person: i64, on: &str) -> NewAppointment {
    NewAppointment {
        person_id: person,
        path_id: None,
        service: Service::Colloquio,
        channel: Channel::InPerson,
        on: day(on),
        at: "10:00".parse().ok(),
        expected_minutes: 45,
        operator: None,
        vacancy_id: None,
        note: None,
    }
}

fn count(db: &Path, table: &str) -> i64 {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn every_rule_gives_a_clear_error_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let (mut desk, anna) = setup(&dir.path().join("d.db"));
    let path = desk.open_path(&me(), &path_of(anna, PathKind::Gol1)).unwrap();

    // Concluded before started.
    let e = desk.record_event(&me(), path, PathEventKind::Concluded, day("2023-04-01"), None, None).unwrap_err();
    assert_eq!((e.kind, e.field.as_str()), (DeskErrorKind::Order, "path 1: event"));
    assert!(e.message(Lang::It).contains("«conclusione» non può seguire un percorso proposto"), "{}", e.message(Lang::It));
    // An event before the last one.
    let e = desk.record_event(&me(), path, PathEventKind::Started, day("2023-02-01"), None, None).unwrap_err();
    assert!(e.message(Lang::En).contains("before the path's last event (2023-03-01)"), "{e}");

    // An actual duration on a cancelled appointment.
    let a = desk.book(&me(), &appointment(anna, "2023-05-10")).unwrap();
    let e = desk.close_appointment(&me(), a, AppointmentState::CancelledByPerson, Some(30), None).unwrap_err();
    assert_eq!(e.field, format!("appointment {a}: actual_minutes"));
    desk.close_appointment(&me(), a, AppointmentState::CancelledByPerson, None, None).unwrap();
    let e = desk.close_appointment(&me(), a, AppointmentState::Delivered, Some(30), None).unwrap_err();
    assert!(e.message(Lang::It).contains("già «disdetto dal cittadino»"), "{}", e.message(Lang::It));
    // Held in the future.
    let later = desk.book(&me(), &appointment(anna, "2023-07-10")).unwrap();
    let e = desk.close_appointment(&me(), later, AppointmentState::Delivered, Some(30), None).unwrap_err();
    assert!(e.message(Lang::En).contains("in the future"), "{e}");

    // Unknown desk and case manager.
    let mut p = new_person(profile("Bruno", "Verdi"));
    p.desk = "novara".into();
    let e = desk.add_person(&me(), &p).unwrap_err();
    assert_eq!((e.kind, e.field.as_str()), (DeskErrorKind::NotFound, "desk"));
    assert!(e.message(Lang::It).contains("\"novara\" non esiste"), "{}", e.message(Lang::It));
    let mut p = new_person(profile("Bruno", "Verdi"));
    p.case_manager = Some("nessuno".into());
    assert_eq!(desk.add_person(&me(), &p).unwrap_err().field, "case_manager");

    // A codice fiscale with a wrong check character never gets in; a right one only once.
    assert!(CodiceFiscale::parse("RSSMRA85T10A562X").unwrap_err().italian().contains("controllo"));
    let mut p = new_person(profile("Mario", "Rossi"));
    p.codice_fiscale = Some(CodiceFiscale::parse("RSSMRA85T10A562S").unwrap());
    let mario = desk.add_person(&me(), &p).unwrap();
    let e = desk.add_person(&me(), &p).unwrap_err();
    assert!(e.message(Lang::It).contains(&format!("appartiene già alla persona {mario}")));
    assert_eq!(desk.find_person("rssmra85t10a562s").unwrap(), mario);

    // A consent withdrawn twice.
    desk.set_consent(&me(), anna, ConsentKind::ShareCv, true, day("2023-03-01")).unwrap();
    desk.set_consent(&me(), anna, ConsentKind::ShareCv, false, day("2023-04-01")).unwrap();
    let e = desk.set_consent(&me(), anna, ConsentKind::ShareCv, false, day("2023-04-02")).unwrap_err();
    assert_eq!((e.kind, e.field.as_str()), (DeskErrorKind::Order, "consent condivisione_cv"));
    assert!(!desk.has_consent(anna, ConsentKind::ShareCv).unwrap());

    // A contract without its type; a delegate without a name.
    let o = NewOutcome {
        person_id: anna,
        path_id: Some(path),
        kind: OutcomeKind::Contract,
        contract: None,
        start_on: day("2023-06-01"),
        planned_months: Some(12),
        employer: None,
        vacancy_id: None,
        evidence: None,
    };
    assert_eq!(desk.add_outcome(&me(), &o).unwrap_err().field, "outcome: contract");
    let e = desk.acknowledge_notice(&me(), anna, "2022-09", day("2023-02-01"), AcknowledgedBy::Delegate, None).unwrap_err();
    assert_eq!(e.field, "by_name");
    // None of the refused steps left anything behind: one path, two appointments.
    assert_eq!(desk.person_file(&me(), anna).unwrap().appointments.len(), 2);
    assert!(desk.verify_audit().unwrap().broken.is_none());
}

#[test]
fn a_stale_change_is_refused_as_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let (mut desk, anna) = setup(&dir.path().join("d.db"));
    let path = desk.open_path(&me(), &path_of(anna, PathKind::Tirocinio)).unwrap();
    let read = desk.path(path).unwrap().version;
    // Someone else records the start meanwhile.
    desk.record_event(&Reader::new("pgatti"), path, PathEventKind::Started, day("2023-03-05"), None, Some(read)).unwrap();
    let e = desk.record_event(&me(), path, PathEventKind::Refused, day("2023-03-06"), None, Some(read)).unwrap_err();
    assert_eq!(e.kind, DeskErrorKind::Conflict);
    assert!(e.message(Lang::It).contains("qualcun altro"), "{}", e.message(Lang::It));
    assert_eq!(desk.path(path).unwrap().state, PathState::Started);
}

#[test]
fn concurrent_writers_lose_no_update() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let (_, anna) = setup(&db);
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let db = db.clone();
            std::thread::spawn(move || {
                let mut desk = Desk::open_existing(&db).unwrap().with_today(day("2023-06-30"));
                for i in 0..25 {
                    let a = desk.book(&Reader::new(format!("writer{w}")), &appointment(anna, "2023-05-10")).unwrap();
                    desk.close_appointment(&Reader::new(format!("writer{w}")), a, AppointmentState::Delivered, Some(30 + i), None).unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let desk = Desk::open_existing(&db).unwrap();
    assert_eq!(count(&db, "appointments"), 100);
    let held: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("SELECT count(*) FROM appointments WHERE state = 'erogato' AND version = 2", [], |r| r.get(0))
        .unwrap();
    assert_eq!(held, 100);
    let v = desk.verify_audit().unwrap();
    assert!(v.broken.is_none(), "{v:?}");
}

/// Run by [`a_writer_killed_mid_write_loses_nothing_committed`] as a child process.
#[test]
#[ignore = "a child process of another test"]
fn child_writer() {
    let Some(db) = std::env::var_os("SPORTELLO_DESK_CHILD_DB") else { return };
    let mut desk = Desk::open_existing(Path::new(&db)).unwrap().with_today(day("2023-06-30"));
    let by = Reader::new("child");
    for i in 0.. {
        desk.add_note(&by, 1, Visibility::Network, &format!("nota {i}"), None).unwrap();
    }
}

#[test]
fn a_writer_killed_mid_write_loses_nothing_committed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    drop(setup(&db));
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_writer", "--ignored", "--nocapture"])
        .env("SPORTELLO_DESK_CHILD_DB", &db)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Let it write for a while, then kill it without warning.
    let start = std::time::Instant::now();
    while count(&db, "notes") < 50 && start.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let c = rusqlite::Connection::open(&db).unwrap();
    let check: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    let notes = count(&db, "notes");
    assert!(notes >= 50, "{notes}");
    // Every committed note has its audit entries, and the chain holds.
    let audited: i64 = c.query_row("SELECT count(*) FROM audit WHERE entity = 'note' AND field = 'text'", [], |r| r.get(0)).unwrap();
    assert_eq!(audited, notes);
    let desk = Desk::open_existing(&db).unwrap();
    assert!(desk.verify_audit().unwrap().broken.is_none());
}

#[test]
fn a_full_disk_refuses_the_step_and_keeps_what_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let (mut desk, anna) = setup(&db);
    // A size cap stands in for a full disk: writes beyond it fail with SQLITE_FULL.
    let c = rusqlite::Connection::open(&db).unwrap();
    let (pages, page): (u64, u64) =
        (c.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap(), c.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap());
    desk.limit_size((pages + 16) * page).unwrap();
    let long = "x".repeat(3000);
    let mut saved = 0;
    let err = loop {
        match desk.add_note(&me(), anna, Visibility::Network, &long, None) {
            Ok(_) => saved += 1,
            Err(e) => break e,
        }
        assert!(saved < 1000, "the page limit never bit");
    };
    assert!(saved > 0, "the cap left room for a few notes");
    assert_eq!(err.kind, DeskErrorKind::Storage);
    assert!(err.message(Lang::It).contains("disco è pieno"), "{}", err.message(Lang::It));
    drop(desk);
    assert_eq!(count(&db, "notes"), saved);
    assert!(Desk::open_existing(&db).unwrap().verify_audit().unwrap().broken.is_none());
}

#[test]
fn the_audit_chain_finds_an_edited_or_removed_entry() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let (mut desk, anna) = setup(&db);
    let path = desk.open_path(&me(), &path_of(anna, PathKind::Gol1)).unwrap();
    desk.record_event(&me(), path, PathEventKind::Started, day("2023-03-02"), None, None).unwrap();
    desk.person_file(&me(), anna).unwrap();
    let clean = desk.verify_audit().unwrap();
    assert!(clean.broken.is_none() && clean.entries > 10, "{clean:?}");
    drop(desk);

    let tamper = |sql: &str| {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;").unwrap();
        c.execute_batch(sql).unwrap();
    };
    // SQL alone cannot change the log.
    let c = rusqlite::Connection::open(&db).unwrap();
    assert!(c.execute("UPDATE audit SET actor = 'x' WHERE seq = 3", []).is_err());
    assert!(c.execute("DELETE FROM audit WHERE seq = 3", []).is_err());
    drop(c);
    let copy = dir.path().join("copy.db");
    std::fs::copy(&db, &copy).unwrap();

    tamper("UPDATE audit SET new_value = 'concluso' WHERE field = 'state' AND action = 'event'");
    let v = Desk::open_existing(&db).unwrap().verify_audit().unwrap();
    let broken = v.broken.unwrap();
    assert_eq!(broken.reason, "edited");

    let c = rusqlite::Connection::open(&copy).unwrap();
    c.execute_batch("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 5;").unwrap();
    drop(c);
    let v = Desk::open_existing(&copy).unwrap().verify_audit().unwrap();
    assert_eq!(v.broken.map(|b| (b.seq, b.reason)), Some((6, "unlinked")));
}

#[test]
fn files_that_are_not_ours_or_newer_are_refused_and_older_ones_migrate() {
    let dir = tempfile::tempdir().unwrap();
    // An empty file is created at the current version.
    let fresh = dir.path().join("fresh.db");
    assert_eq!(Desk::open(&fresh).unwrap().schema_version().unwrap(), sportello::desk::schema::CURRENT_VERSION);
    // A missing file is not created by open_existing.
    let e = Desk::open_existing(&dir.path().join("typo.db")).err().unwrap();
    assert_eq!(e.kind, DeskErrorKind::NotFound);
    // Garbage.
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, vec![0x42u8; 8192]).unwrap();
    let e = Desk::open(&junk).err().unwrap();
    assert_eq!(e.kind, DeskErrorKind::Database, "{e}");
    // Another program's database.
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE t (x)").unwrap();
    let e = Desk::open(&other).err().unwrap();
    assert!(e.message(Lang::It).contains("non di uno sportello"), "{}", e.message(Lang::It));
    // A newer version.
    let c = rusqlite::Connection::open(&fresh).unwrap();
    c.pragma_update(None, "user_version", 99).unwrap();
    drop(c);
    let e = Desk::open(&fresh).err().unwrap();
    assert!(e.to_string().contains("version 99") && e.to_string().contains("update Sportello"), "{e}");
    // Every earlier version (today: the empty file, version 0) migrates to the current one
    // and keeps what it holds.
    for from in 0..sportello::desk::schema::CURRENT_VERSION {
        let f = dir.path().join(format!("v{from}.db"));
        let c = rusqlite::Connection::open(&f).unwrap();
        for sql in &sportello::desk::schema::MIGRATIONS[..from as usize] {
            c.execute_batch(sql).unwrap();
        }
        c.pragma_update(None, "user_version", from).unwrap();
        if from > 0 {
            c.pragma_update(None, "application_id", sportello::desk::schema::APPLICATION_ID).unwrap();
            c.execute("INSERT INTO desks (code, name) VALUES ('trecate', 'Sportello Lavoro di Trecate')", []).unwrap();
        }
        drop(c);
        let desk = Desk::open(&f).unwrap();
        assert_eq!(desk.schema_version().unwrap(), sportello::desk::schema::CURRENT_VERSION);
        assert_eq!(desk.desks().unwrap().len(), usize::from(from > 0), "what the file held is kept");
    }
}

#[test]
fn sensitive_data_stays_out_of_lists_and_files_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut desk, anna) = setup(&dir.path().join("d.db"));
    let mut p = path_of(anna, PathKind::CollocamentoMirato);
    p.targets = vec![Target::L68, Target::Women];
    desk.open_path(&me(), &p).unwrap();
    desk.open_path(&me(), &path_of(anna, PathKind::Gol1)).unwrap();
    let mut with_disability = profile("Anna", "Rossi");
    with_disability.sensitive.disability =
        serde_json::from_value(serde_json::json!({"law_68_99": true, "notes": "invalidità 67%"})).unwrap();
    desk.update_profile(&me(), anna, &with_disability, None).unwrap();

    let all = Filter { limit: 50, ..Filter::default() };
    let page = desk.caseload(&me(), &all).unwrap();
    assert_eq!(page.total, 2);
    let masked = page.rows.iter().find(|r| r.kind.is_none()).expect("the protected path is listed without its kind");
    assert_eq!(masked.targets, vec![Target::Women]);
    let e = desk.caseload(&me(), &Filter { target: Some(Target::L68), ..all.clone() }).unwrap_err();
    assert_eq!(e.kind, DeskErrorKind::Forbidden);
    let allowed = Reader { username: "lmarchetti".into(), sensitive: true };
    let only = desk.caseload(&allowed, &Filter { target: Some(Target::L68), ..all }).unwrap();
    assert_eq!(only.rows.iter().map(|r| r.kind).collect::<Vec<_>>(), vec![Some(PathKind::CollocamentoMirato)]);

    let file = desk.person_file(&me(), anna).unwrap();
    assert_eq!(file.paths.len(), 1);
    assert!(file.profile.sensitive.disability.is_none());
    assert_eq!(file.withheld, 2, "the protected path and the sensitive block");
    let full = desk.person_file(&allowed, anna).unwrap();
    assert_eq!(full.paths.len(), 2);
    assert!(full.profile.sensitive.disability.is_some());
    // The audit records the profile change without its sensitive values, and both openings.
    let c = rusqlite::Connection::open(desk.file()).unwrap();
    let leaked: i64 = c.query_row("SELECT count(*) FROM audit WHERE new_value LIKE '%67%'", [], |r| r.get(0)).unwrap();
    assert_eq!(leaked, 0);
    let opened: i64 = c.query_row("SELECT count(*) FROM audit WHERE action = 'open' AND person_id = ?1", [anna], |r| r.get(0)).unwrap();
    assert_eq!(opened, 2);
}

#[test]
fn notes_follow_their_visibility_and_expiry() {
    let dir = tempfile::tempdir().unwrap();
    let (mut desk, anna) = setup(&dir.path().join("d.db"));
    desk.add_note(&me(), anna, Visibility::Me, "solo mia", None).unwrap();
    desk.add_note(&me(), anna, Visibility::Desk, "per Trecate", None).unwrap();
    desk.add_note(&me(), anna, Visibility::Network, "per tutti", Some(day("2023-07-31"))).unwrap();
    let texts = |desk: &mut Desk, who: &str| -> Vec<String> {
        desk.person_file(&Reader::new(who), anna).unwrap().notes.into_iter().map(|n| n.text).collect()
    };
    assert_eq!(texts(&mut desk, "lmarchetti").len(), 3);
    assert_eq!(texts(&mut desk, "pgatti"), vec!["per tutti".to_owned()]);
    let mut later = Desk::open_existing(desk.file()).unwrap().with_today(day("2023-08-01"));
    assert_eq!(texts(&mut later, "pgatti"), Vec::<String>::new());
    assert!(desk.add_note(&me(), anna, Visibility::Me, "  ", None).is_err());
    assert!(desk.add_note(&Reader::new("script"), anna, Visibility::Desk, "x", None).is_err());
}

#[test]
fn appointments_move_and_outcomes_flag_lasting_contracts() {
    let dir = tempfile::tempdir().unwrap();
    let (mut desk, anna) = setup(&dir.path().join("d.db"));
    let a = desk.book(&me(), &appointment(anna, "2023-05-10")).unwrap();
    let b = desk.move_appointment(&me(), a, day("2023-05-17"), "15:30".parse().ok(), None).unwrap();
    assert_eq!(desk.appointment(a).unwrap().state, AppointmentState::Moved);
    assert_eq!(desk.appointment(a).unwrap().moved_to, Some(b));
    let moved = desk.appointment(b).unwrap();
    assert_eq!(
        (moved.state, moved.on, moved.at.map(|t| t.to_string())),
        (AppointmentState::ToDeliver, day("2023-05-17"), Some("15:30".into()))
    );
    assert_eq!(moved.operator.as_deref(), Some("lmarchetti"), "the case manager holds it");
    desk.close_appointment(&me(), b, AppointmentState::Delivered, Some(50), None).unwrap();
    let o = NewOutcome {
        person_id: anna,
        path_id: None,
        kind: OutcomeKind::Contract,
        contract: Some(ContractType::TempoDeterminato),
        start_on: day("2023-06-01"),
        planned_months: Some(12),
        employer: Some("Logistica Ticino Srl".into()),
        vacancy_id: Some("v-42".into()),
        evidence: Some("UNILAV 0103000000001".into()),
    };
    desk.add_outcome(&me(), &o).unwrap();
    let file = desk.person_file(&me(), anna).unwrap();
    assert!(file.outcomes[0].lasting);
    // Operator hours count held appointments only, from their actual minutes.
    let hours = desk.hours(day("2023-05-01"), day("2023-05-31")).unwrap();
    assert_eq!(
        hours.iter().map(|h| (h.operator.as_deref(), h.service, h.held, h.minutes)).collect::<Vec<_>>(),
        vec![(Some("lmarchetti"), Service::Colloquio, 1, 50)]
    );
    assert_eq!(file.appointments.iter().filter_map(|a| a.actual_minutes).sum::<u32>(), 50);
}

#[test]
fn the_demo_year_has_the_conventions_figures_and_a_sound_audit() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let plan = DemoPlan::trecate();
    let mut desk = Desk::open(&db).unwrap().with_today(plan.to);
    let s = demo::generate(&mut desk, &plan, 7).unwrap();
    assert_eq!((s.desks, s.people, s.paths, s.concluded, s.ongoing), (4, 312, 534, 207, 327));
    assert_eq!(count(&db, "people"), 312);
    assert_eq!(count(&db, "paths"), 534);
    let c = rusqlite::Connection::open(&db).unwrap();
    let concluded: i64 = c.query_row("SELECT count(*) FROM paths WHERE state = 'concluso'", [], |r| r.get(0)).unwrap();
    assert_eq!(concluded, 207);
    let cpi: i64 = c.query_row("SELECT count(*) FROM people WHERE arrival = 'cpi'", [], |r| r.get(0)).unwrap();
    assert_eq!(cpi, 256);
    let window: i64 =
        c.query_row("SELECT count(*) FROM paths WHERE proposed_on BETWEEN '2022-11-01' AND '2023-10-31'", [], |r| r.get(0)).unwrap();
    assert_eq!(window, 534);
    assert!(s.appointments > 2000 && s.outcomes > 80, "{s:?}");
    assert!(desk.verify_audit().unwrap().broken.is_none());
    // The same seed gives the same year.
    let again = dir.path().join("again.db");
    let mut second = Desk::open(&again).unwrap().with_today(plan.to);
    assert_eq!(demo::generate(&mut second, &plan, 7).unwrap(), s);
    // A second demo in the same file is refused.
    assert!(demo::generate(&mut desk, &plan, 7).is_err());

    // A backup is a desk database of its own, with the same caseload.
    let copy: PathBuf = dir.path().join("backup.db");
    desk.backup(&copy).unwrap();
    assert_eq!(count(&copy, "appointments"), count(&db, "appointments"));
    assert!(Desk::open_existing(&copy).unwrap().verify_audit().unwrap().broken.is_none());
    assert!(desk.backup(&copy).is_err(), "a backup never overwrites");
}

#[test]
fn retention_deletes_or_pseudonymises_only_people_whose_period_is_over() {
    use sportello::desk::retention::Disposal;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let (mut desk, anna) = setup(&db);
    // Anna's only path closed in 2012: more than ten years before 2023-06-30.
    let mut old = path_of(anna, PathKind::Gol1);
    old.proposed_on = day("2011-09-01");
    let p = desk.open_path(&me(), &old).unwrap();
    desk.record_event(&me(), p, PathEventKind::Started, day("2011-09-10"), None, None).unwrap();
    desk.record_event(&me(), p, PathEventKind::Concluded, day("2012-01-10"), None, None).unwrap();
    desk.add_note(&me(), anna, Visibility::Network, "nota vecchia", None).unwrap();
    // Bruno still has an open path; Carla's closed in 2020.
    let bruno = desk.add_person(&me(), &new_person(profile("Bruno", "Verdi"))).unwrap();
    desk.open_path(&me(), &path_of(bruno, PathKind::Tirocinio)).unwrap();
    let carla = desk.add_person(&me(), &new_person(profile("Carla", "Neri"))).unwrap();
    let mut recent = path_of(carla, PathKind::Orientamento);
    recent.proposed_on = day("2020-01-01");
    let p = desk.open_path(&me(), &recent).unwrap();
    desk.record_event(&me(), p, PathEventKind::Refused, day("2020-01-05"), None, None).unwrap();

    let due = desk.retention_due().unwrap();
    assert_eq!(due.iter().map(|d| (d.person_id, d.due_on)).collect::<Vec<_>>(), vec![(anna, day("2022-01-10"))]);
    desk.set_setting("admin", "retention_years", "3").unwrap();
    assert_eq!(desk.retention_due().unwrap().len(), 2, "Carla too with three years");
    desk.set_setting("admin", "retention_years", "10").unwrap();

    let copy = dir.path().join("copy.db");
    desk.backup(&copy).unwrap();
    let deleted = desk.apply_retention(&me(), &Disposal::Delete).unwrap();
    assert_eq!(deleted.len(), 1);
    assert!(desk.person(anna).is_err() && desk.person(bruno).is_ok());
    assert_eq!(count(&db, "paths"), 2, "Anna's path went with her");
    assert!(desk.verify_audit().unwrap().broken.is_none(), "the audit log is kept, and whole");

    let mut other = Desk::open_existing(&copy).unwrap().with_today(day("2023-06-30"));
    assert!(other.apply_retention(&me(), &Disposal::Pseudonymise { key: b"short".to_vec() }).is_err());
    other.apply_retention(&me(), &Disposal::Pseudonymise { key: b"0123456789abcdef0123".to_vec() }).unwrap();
    let p = other.person(anna).unwrap();
    assert_ne!(p.given_name, "Anna");
    assert_eq!(p.family_name, "");
    assert_eq!(count(&copy, "notes"), 0);
    assert_eq!(count(&copy, "paths"), 3, "the caseload stays for statistics");
    assert!(other.retention_due().unwrap().is_empty(), "a pseudonymised person is not listed again");
}

#[test]
fn an_access_export_holds_everything_and_is_audited() {
    let dir = tempfile::tempdir().unwrap();
    let (mut desk, anna) = setup(&dir.path().join("d.db"));
    let mut p = path_of(anna, PathKind::CollocamentoMirato);
    p.targets = vec![Target::L68];
    desk.open_path(&me(), &p).unwrap();
    desk.person_file(&Reader::new("pgatti"), anna).unwrap();
    let export = desk.access_export(&me(), anna).unwrap();
    assert_eq!(export.file.paths.len(), 1, "protected data is the person's own");
    assert_eq!(export.file.withheld, 0);
    assert!(export.audit.iter().any(|e| e.action == "open" && e.actor == "pgatti"));
    assert_eq!(export.audit.last().map(|e| e.action.as_str()), Some("export"));
}

#[test]
fn a_desks_spreadsheet_goes_in_row_by_row_with_a_mapping_report() {
    use sportello::desk::import::ImportDefaults;
    let dir = tempfile::tempdir().unwrap();
    let (mut desk, _) = setup(&dir.path().join("d.db"));
    let sheet = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/desk/foglio-sportello.csv")).unwrap();
    let defaults = ImportDefaults { desk: Some("trecate".into()), all_or_nothing: false };
    let r = desk.import_csv(&me(), &sheet, &defaults).unwrap();
    assert_eq!((r.rows, r.people, r.paths), (8, 3, 4));
    // Every refused row says its line and the field.
    let refused: Vec<(usize, &str)> = r.refused.iter().map(|x| (x.line, x.en.as_str())).collect();
    assert_eq!(refused.iter().map(|x| x.0).collect::<Vec<_>>(), vec![5, 6, 7, 8]);
    assert!(refused[0].1.starts_with("codice_fiscale:") && refused[1].1.starts_with("case_manager:"), "{refused:?}");
    assert!(refused[2].1.contains("before the path's last event") && refused[3].1.contains("corso di ricamo"), "{refused:?}");
    assert!(r.refused[0].it.contains("carattere di controllo"));
    // The column nobody asked for is reported as left out.
    assert_eq!(r.columns.iter().filter(|c| c.field.is_none()).map(|c| c.header.as_str()).collect::<Vec<_>>(), vec!["Note interne"]);
    // Mario's two rows are one person with two paths; a refused row left nothing behind.
    let mario = desk.find_person("RSSMRA85T10A562S").unwrap();
    let file = desk.person_file(&Reader { username: "lmarchetti".into(), sensitive: true }, mario).unwrap();
    assert_eq!(
        file.paths.iter().map(|p| (p.kind, p.state)).collect::<Vec<_>>(),
        vec![(PathKind::Tirocinio, PathState::Started), (PathKind::Gol1, PathState::Concluded)]
    );
    assert_eq!(file.paths[1].targets, vec![Target::Naspi]);
    let total = desk.people(&Filter { limit: 50, ..Filter::default() }).unwrap().total;
    assert_eq!(total, 4, "Anna from the setup and the three taken in");
    assert!(desk.verify_audit().unwrap().broken.is_none());

    // All or nothing: the same file is refused whole.
    let (mut strict, _) = setup(&dir.path().join("strict.db"));
    let e = strict.import_csv(&me(), &sheet, &ImportDefaults { all_or_nothing: true, ..defaults }).unwrap_err();
    assert!(e.message(Lang::It).contains("4 righe rifiutate"), "{}", e.message(Lang::It));
    assert_eq!(strict.people(&Filter { limit: 50, ..Filter::default() }).unwrap().total, 1);
    // A file with no name column is refused with what it expected.
    let e = strict.import_csv(&me(), "a;b\n1;2\n", &ImportDefaults::default()).unwrap_err();
    assert!(e.to_string().contains("no column of given or family name"), "{e}");
}

#[test]
fn accounts_log_in_with_their_password_only_and_every_attempt_is_audited() {
    use sportello::desk::{NewAccount, Role};
    let dir = tempfile::tempdir().unwrap();
    let (mut desk, _) = setup(&dir.path().join("desk.db"));
    let new = NewAccount { username: "lmarchetti".into(), role: Role::Operatore, desk: Some("trecate".into()), sensitive: false };
    desk.add_account("admin", &new, "una-password-lunga").unwrap();
    // Names are unique; an operator needs a desk; a short password is refused.
    assert!(desk.add_account("admin", &new, "una-password-lunga").is_err());
    let deskless = NewAccount { username: "x".into(), desk: None, ..new.clone() };
    assert_eq!(desk.add_account("admin", &deskless, "una-password-lunga").unwrap_err().field, "desk");
    assert_eq!(desk.add_account("admin", &NewAccount { username: "y".into(), ..new.clone() }, "corta").unwrap_err().field, "password");

    let a = desk.login("lmarchetti", "una-password-lunga").unwrap();
    assert_eq!((a.role, a.desk.as_deref()), (Role::Operatore, Some("trecate")));
    let wrong = desk.login("lmarchetti", "un'altra-password").unwrap_err();
    let unknown = desk.login("nessuno", "un'altra-password").unwrap_err();
    assert_eq!(wrong.kind, DeskErrorKind::Forbidden);
    assert_eq!(wrong.message(Lang::It), unknown.message(Lang::It), "nothing tells which part was wrong");
    desk.set_password("admin", "lmarchetti", "una-nuova-password").unwrap();
    assert!(desk.login("lmarchetti", "una-password-lunga").is_err());
    assert!(desk.login("lmarchetti", "una-nuova-password").is_ok());
    // No password is stored: only an Argon2id hash.
    let stored: String = rusqlite::Connection::open(desk.file())
        .unwrap()
        .query_row("SELECT password_hash FROM accounts WHERE username = 'lmarchetti'", [], |r| r.get(0))
        .unwrap();
    assert!(stored.starts_with("$argon2id$") && !stored.contains("una-nuova-password"));
    let logins: i64 = rusqlite::Connection::open(desk.file())
        .unwrap()
        .query_row("SELECT count(DISTINCT seq) FROM audit WHERE action = 'login' AND field = 'result'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(logins, 5);
    assert!(desk.verify_audit().unwrap().broken.is_none());
}

#[test]
fn an_account_opens_and_changes_only_what_its_desk_and_role_allow() {
    use sportello::desk::{Access, Account, Role};
    let dir = tempfile::tempdir().unwrap();
    let (mut desk, anna) = setup(&dir.path().join("desk.db"));
    let account = |role, d: Option<&str>| Account { username: "u".into(), role, desk: d.map(str::to_owned), sensitive: false };
    let trecate = account(Role::Operatore, Some("trecate"));
    let cerano = Account { username: "pgatti".into(), ..account(Role::Operatore, Some("cerano")) };
    let reader = account(Role::Lettura, Some("trecate"));
    let coordinator = account(Role::Coordinatore, None);
    desk.authorize(&trecate, anna, Access::Change).unwrap();
    desk.authorize(&coordinator, anna, Access::Change).unwrap();
    desk.authorize(&reader, anna, Access::Read).unwrap();
    assert_eq!(desk.authorize(&reader, anna, Access::Change).unwrap_err().field, "role");
    let e = desk.authorize(&cerano, anna, Access::Read).unwrap_err();
    assert_eq!(e.kind, DeskErrorKind::Forbidden);
    assert!(e.message(Lang::It).contains("non vede le persone dello sportello \"trecate\""));
    assert_eq!(desk.authorize(&trecate, 999, Access::Read).unwrap_err().kind, DeskErrorKind::NotFound);
    // The refusals are on record with the openings, newest first.
    desk.person_file(&me(), anna).unwrap();
    let openings = desk.openings(anna, 10).unwrap();
    let seen: Vec<(&str, &str)> = openings.iter().map(|e| (e.actor.as_str(), e.action.as_str())).collect();
    assert_eq!(seen, [("lmarchetti", "open"), ("pgatti", "refused"), ("u", "refused")]);
    // Lists: an operator's own desk by default, another desk refused, a coordinator any.
    assert_eq!(trecate.list_desk(None).unwrap().as_deref(), Some("trecate"));
    assert!(cerano.list_desk(Some("trecate")).is_err());
    assert_eq!(coordinator.list_desk(None).unwrap(), None);
}

#[test]
fn the_agenda_lists_the_day_the_overdue_and_the_quiet_paths_of_a_desk() {
    let dir = tempfile::tempdir().unwrap();
    let (mut desk, anna) = setup(&dir.path().join("desk.db"));
    let path = desk.open_path(&me(), &path_of(anna, PathKind::Gol1)).unwrap();
    desk.record_event(&me(), path, PathEventKind::Started, day("2023-03-10"), None, None).unwrap();
    desk.book(&me(), &appointment(anna, "2023-06-30")).unwrap();
    let old = desk.book(&me(), &appointment(anna, "2023-06-01")).unwrap();
    let held = desk.book(&me(), &appointment(anna, "2023-06-02")).unwrap();
    desk.close_appointment(&me(), held, AppointmentState::Delivered, Some(30), None).unwrap();
    let a = desk.agenda(&me(), Some("trecate"), day("2023-06-30")).unwrap();
    assert_eq!(a.appointments.len(), 1);
    assert_eq!((a.appointments[0].family_name.as_str(), a.appointments[0].desk.as_str()), ("Rossi", "trecate"));
    assert_eq!(a.overdue.iter().map(|r| r.appointment.id).collect::<Vec<_>>(), [old], "held ones are not overdue");
    assert_eq!(a.quiet_paths.iter().map(|r| r.path_id).collect::<Vec<_>>(), [path], "no event since 10 March");
    // Another desk's day is empty; a path with a recent event is not quiet.
    assert!(desk.agenda(&me(), Some("cerano"), day("2023-06-30")).unwrap().overdue.is_empty());
    desk.record_event(&me(), path, PathEventKind::Suspended, day("2023-06-20"), None, None).unwrap();
    assert!(desk.agenda(&me(), Some("trecate"), day("2023-06-30")).unwrap().quiet_paths.is_empty());
}

#[test]
fn a_person_shared_with_another_desk_opens_there_and_only_their_desk_shares() {
    use sportello::desk::{Access, Account, NewAccount, Role};
    let dir = tempfile::tempdir().unwrap();
    let (mut desk, anna) = setup(&dir.path().join("desk.db"));
    for (name, role, d) in
        [("lmarchetti", Role::Operatore, "trecate"), ("pgatti", Role::Operatore, "cerano"), ("lettore", Role::Lettura, "cerano")]
    {
        desk.add_account(
            "admin",
            &NewAccount { username: name.into(), role, desk: Some(d.into()), sensitive: false },
            "una-password-lunga",
        )
        .unwrap();
    }
    let account = |name: &str| desk.account(name).unwrap();
    let (laura, paola, lettore): (Account, Account, Account) = (account("lmarchetti"), account("pgatti"), account("lettore"));
    assert!(!desk.allowed(&paola, anna, Access::Read).unwrap());
    // Cerano cannot share Trecate's person; Trecate shares with Cerano's operator.
    assert_eq!(desk.share(&paola, anna, "pgatti").unwrap_err().kind, DeskErrorKind::Forbidden);
    assert_eq!(desk.share(&laura, anna, "lmarchetti").unwrap_err().field, "account", "they see her already");
    assert_eq!(desk.share(&laura, anna, "nessuno").unwrap_err().kind, DeskErrorKind::NotFound);
    desk.share(&laura, anna, "pgatti").unwrap();
    desk.share(&laura, anna, "lettore").unwrap();
    assert_eq!(desk.shared_with(anna).unwrap(), ["lettore", "pgatti"]);
    desk.authorize(&paola, anna, Access::Change).unwrap();
    assert_eq!(desk.shared_people("pgatti").unwrap().iter().map(|p| p.id).collect::<Vec<_>>(), [anna]);
    // A read-only account of the other desk reads, and still changes nothing.
    desk.authorize(&lettore, anna, Access::Read).unwrap();
    assert!(!desk.allowed(&lettore, anna, Access::Change).unwrap());
    // Only Trecate stops sharing; then Cerano is refused again.
    assert!(desk.unshare(&paola, anna, "pgatti").is_err());
    desk.unshare(&laura, anna, "pgatti").unwrap();
    assert_eq!(desk.authorize(&paola, anna, Access::Read).unwrap_err().kind, DeskErrorKind::Forbidden);
    assert!(desk.verify_audit().unwrap().broken.is_none());
}

#[test]
fn a_reader_without_sensitive_access_saving_a_profile_keeps_its_sensitive_block() {
    let dir = tempfile::tempdir().unwrap();
    let (mut desk, _) = setup(&dir.path().join("desk.db"));
    let luca: Profile = serde_json::from_value(serde_json::json!({
        "person": {"given_name": "Luca", "family_name": "Verdi"},
        "sensitive": {"date_of_birth": "1992-08-30", "disability": {"law_68_99": true}}
    }))
    .unwrap();
    let id = desk.add_person(&me(), &new_person(luca)).unwrap();
    // The operator's copy has the block emptied; they change the headline and save it.
    let file = desk.person_file(&me(), id).unwrap();
    assert!(file.profile.sensitive.is_empty());
    let mut edited = file.profile.clone();
    edited.headline = Some("Impiegato amministrativo".into());
    desk.update_profile(&me(), id, &edited, Some(file.person.version)).unwrap();
    let full = Reader { username: "lmarchetti".into(), sensitive: true };
    let after = desk.person_file(&full, id).unwrap().profile;
    assert_eq!(after.headline.as_deref(), Some("Impiegato amministrativo"));
    assert!(after.sensitive.disability.as_ref().is_some_and(|d| d.law_68_99), "the Law 68/99 status survives");
    assert!(after.sensitive.date_of_birth.is_some());
    // A reader allowed to see it may change it.
    let mut cleared = after.clone();
    cleared.sensitive = Default::default();
    desk.update_profile(&full, id, &cleared, None).unwrap();
    assert!(desk.person_file(&full, id).unwrap().profile.sensitive.is_empty());
}
