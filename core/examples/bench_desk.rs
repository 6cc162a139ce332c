//! Benchmarks the desk's caseload (issue 17) on a large generated installation: a person's
//! full file, filtered caseload pages, a one-year report (issue 19) as JSON and as PDF, and
//! a 10,000-row spreadsheet imported; prints the
//! figures and the database's size. It never fails on a figure.
//!
//! ```text
//! cargo run -q -p sportello --features desk --example bench_desk [-- --people 100000 --paths 300000 --appointments 2000000]
//! cargo run -q -p sportello --features desk --example bench_desk -- --write big.db   # only write the installation
//! ```
//!
//! `--write FILE` writes the installation to FILE (which must not exist) and stops: the
//! console's load test (`cli/examples/bench_console.rs`) serves it.
//!
//! The installation is written with plain SQL in one transaction, for speed: the same
//! tables and indexes as `sportello desk`, four desks, twenty operators, paths of every
//! kind and state with their events and targets, appointments in every state; the audit
//! log stays empty (it is not read by these queries; a real installation's log grows with
//! every change, and `person_file` appends to it as here). Each figure is the median of
//! several runs (the count is printed), after a warm-up.

use std::time::{Duration, Instant};

use rusqlite::params;
use sportello::desk::import::ImportDefaults;
use sportello::desk::report::{ReportRequest, view};
use sportello::desk::{Day, Desk, DeskInfo, Filter, Operator, PathKind, PathState, Reader, Target};
use sportello::render::{RenderRequest, Renderer};

const DESKS: [&str; 4] = ["trecate", "cerano", "romentino", "vespolate"];
const OPERATORS_PER_DESK: usize = 5;
/// Comuni people live in: the desks' and a few beyond.
const COMUNI: [&str; 6] = ["trecate", "cerano", "romentino", "vespolate", "Novara", "Galliate"];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |name: &str, default: usize| -> usize {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok()).unwrap_or(default)
    };
    let (people, paths, appointments) = (arg("--people", 100_000), arg("--paths", 300_000), arg("--appointments", 2_000_000));
    let dir = tempfile::tempdir().expect("a temp dir");
    let write_to = args.iter().position(|a| a == "--write").and_then(|i| args.get(i + 1)).map(std::path::PathBuf::from);
    if write_to.as_ref().is_some_and(|w| w.exists()) {
        eprintln!("--write: the file exists already");
        std::process::exit(2);
    }
    let db = write_to.clone().unwrap_or_else(|| dir.path().join("bench.db"));
    let today: Day = "2024-12-31".parse().expect("a date");
    let mut desk = Desk::open(&db).expect("a desk").with_today(today);
    for d in DESKS {
        desk.add_desk("bench", &DeskInfo { code: d.into(), name: format!("Sportello {d}"), comune: Some(d.into()) }).expect("desk");
        for o in 0..OPERATORS_PER_DESK {
            desk.add_operator("bench", &Operator { username: format!("{d}{o}"), name: format!("Operatore {o} di {d}"), desk: d.into() })
                .expect("operator");
        }
    }
    drop(desk);
    let t = Instant::now();
    generate(&db, people, paths, appointments);
    let size = std::fs::metadata(&db).map_or(0, |m| m.len());
    println!("# bench_desk: {people} people, {paths} paths, {appointments} appointments");
    println!("generated with SQL in {:.1} s; database {:.0} MB", t.elapsed().as_secs_f64(), size as f64 / 1e6);
    if write_to.is_some() {
        return;
    }

    let mut desk = Desk::open_existing(&db).expect("the desk").with_today(today);
    let reader = Reader::new("trecate0");
    let mut rng = 0x9E37_79B9_7F4A_7C15_u64;
    let mut next = move |n: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % n as u64) as i64 + 1
    };
    let files = median(200, || {
        let id = next(people);
        let t = Instant::now();
        let f = desk.person_file(&reader, id).expect("a file");
        std::hint::black_box(f);
        t.elapsed()
    });
    println!("person's full file (read + audited opening, committed): median {:.2} ms over 200 people (target < 10 ms)", ms(files));

    let pages: [(&str, Filter); 6] = [
        ("all, first page", Filter { limit: 50, ..Filter::default() }),
        ("desk + state", Filter { desk: Some("cerano".into()), state: Some(PathState::Started), limit: 50, ..Filter::default() }),
        (
            "desk + kind + state",
            Filter {
                desk: Some("trecate".into()),
                kind: Some(PathKind::Gol1),
                state: Some(PathState::Concluded),
                limit: 50,
                ..Filter::default()
            },
        ),
        ("case manager", Filter { case_manager: Some("romentino3".into()), limit: 50, ..Filter::default() }),
        ("target over 55, page 20", Filter { target: Some(Target::Over55), offset: 950, limit: 50, ..Filter::default() }),
        ("name search", Filter { name: Some("rossi".into()), limit: 50, ..Filter::default() }),
    ];
    for (name, f) in &pages {
        let mut total = 0;
        let m = median(20, || {
            let t = Instant::now();
            let page = desk.caseload(&reader, f).expect("a page");
            total = page.total;
            t.elapsed()
        });
        println!("caseload page, {name:<24} median {:>7.2} ms over 20 runs ({total} rows match; target < 100 ms)", ms(m));
    }

    // A one-year report of every desk: its figures as JSON, and as the PDF (Typst, charts).
    let year = ReportRequest::new("2024-01".parse().expect("a month"), "2024-12".parse().expect("a month"));
    let mut bytes = 0;
    let json = median(7, || {
        let t = Instant::now();
        let r = desk.report(&year).expect("a report");
        bytes = serde_json::to_vec(&r).expect("JSON").len();
        t.elapsed()
    });
    println!("one-year report of every desk to JSON: median {:.0} ms over 7 runs ({bytes} bytes; target < 300 ms)", ms(json));
    // Typst's cache is emptied before each run, so every run lays the report out afresh
    // (as a new period would); the fonts stay loaded, as in a running console.
    let renderer = Renderer::new();
    let mut pages = 0;
    let pdf = median(5, || {
        typst::comemo::evict(0);
        let t = Instant::now();
        let r = desk.report(&year).expect("a report");
        let rendered = renderer.render_document("report", &view(&r), &RenderRequest::pdf("", "it")).expect("a PDF");
        pages = rendered.pages;
        t.elapsed()
    });
    println!("one-year report of every desk to PDF: median {:.0} ms over 5 runs ({pages} pages; target < 2 s)", ms(pdf));

    // A desk's spreadsheet of 10,000 rows: a person and a path each, some concluded.
    let mut sheet =
        String::from("Cognome;Nome;Codice fiscale;Comune;Operatore;Tipo percorso;Data patto;Data avvio;Data fine;Stato;Target\n");
    for i in 0..10_000 {
        let (start, end, state) = if i % 3 == 0 { ("10/02/2024", "30/06/2024", "concluso") } else { ("10/02/2024", "", "avviato") };
        sheet.push_str(&format!("Importata {i};Persona;;Trecate;trecate1;GOL {};01/02/2024;{start};{end};{state};naspi\n", i % 4 + 1));
    }
    let t = Instant::now();
    let defaults = ImportDefaults { desk: Some("trecate".into()), all_or_nothing: true };
    let report = desk.import_csv(&Reader::new("trecate0"), &sheet, &defaults).expect("the import");
    println!(
        "spreadsheet import, 10,000 rows ({} people, {} paths, every rule and the audit): {:.2} s (target < 5 s)",
        report.people,
        report.paths,
        t.elapsed().as_secs_f64()
    );
    let size = std::fs::metadata(&db).map_or(0, |m| m.len());
    println!("database after: {:.0} MB", size as f64 / 1e6);
}

/// Writes the installation with plain SQL in one transaction.
fn generate(db: &std::path::Path, people: usize, paths: usize, appointments: usize) {
    let mut c = rusqlite::Connection::open(db).expect("open");
    let tx = c.transaction().expect("a transaction");
    let family = ["Rossi", "Bianchi", "Colombo", "Ferrari", "Galli", "Ricci", "Moretti", "Diallo", "Popescu", "Hoxha", "Conti", "Greco"];
    let given = ["Anna", "Luca", "Sara", "Marco", "Fatima", "Ivan", "Giulia", "Youssef", "Rosa", "Paolo"];
    let kinds = ["gol_1", "gol_2", "gol_3", "gol_4", "tirocinio", "orientamento", "collocamento_mirato", "pass", "cantiere"];
    let states = ["proposto", "avviato", "avviato", "avviato", "sospeso", "concluso", "concluso", "abbandonato"];
    let services = ["accoglienza", "orientamento_base", "ricerca_attiva", "colloquio", "follow_up", "tutoraggio_tirocinio"];
    let a_states = ["erogato", "erogato", "erogato", "erogato", "non_presentato", "disdetto_cittadino", "da_erogare"];
    let targets = ["donne", "under_30", "over_55", "naspi", "disoccupati_12_mesi"];
    let day = |n: usize| Day::from_unix_days(19_000 + (n % 1800) as i64).expect("a day").to_string();
    {
        let mut p = tx
            .prepare(
                "INSERT INTO people (given_name, family_name, search_name, desk_id, case_manager_id, arrival, arrival_date, profile, created_on,
                                     comune, sex, birth_year)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'cpi', ?6, ?7, ?6, ?8, ?9, ?10)",
            )
            .expect("prepare");
        for i in 0..people {
            let (g, f) = (given[i % given.len()], family[(i / 7) % family.len()]);
            let desk = (i % 4) as i64 + 1;
            let manager = (desk - 1) * OPERATORS_PER_DESK as i64 + (i % OPERATORS_PER_DESK) as i64 + 1;
            let profile = format!(r#"{{"schema_version":1,"person":{{"given_name":"{g}","family_name":"{f} {i}"}}}}"#);
            let family_name = format!("{f} {i}");
            let search = sportello::fold::fold(&format!("{g} {family_name}"));
            let comune = COMUNI[i * 7 % COMUNI.len()];
            let sex = ["f", "m"][i % 2];
            let birth_year = 1960 + (i * 13 % 45) as i64;
            p.execute(params![g, family_name, search, desk, manager, day(i), profile, comune, sex, birth_year]).expect("person");
        }
        let mut pa = tx
            .prepare(
                "INSERT INTO paths (person_id, kind, state, desk_id, case_manager_id, gol_funded, proposed_on, started_on, ended_on, last_event_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?8, ?9)",
            )
            .expect("prepare");
        let mut ev =
            tx.prepare("INSERT INTO path_events (path_id, kind, on_date, recorded_by) VALUES (?1, ?2, ?3, 'bench')").expect("prepare");
        let mut tg = tx.prepare("INSERT INTO path_targets (path_id, target) VALUES (?1, ?2)").expect("prepare");
        let mut oc = tx
            .prepare("INSERT INTO outcomes (person_id, path_id, kind, start_on, lasting, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, 'bench')")
            .expect("prepare");
        for i in 0..paths {
            let person = (i % people) as i64 + 1;
            let desk = (person - 1) % 4 + 1;
            let manager = (desk - 1) * OPERATORS_PER_DESK as i64 + (person - 1) % OPERATORS_PER_DESK as i64 + 1;
            // A cheap hash of the index, so that kind, state and desk do not move together.
            let h = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32;
            let state = states[(h % states.len() as u64) as usize];
            let proposed = day(i * 3);
            let started = (state != "proposto").then(|| day(i * 3 + 10));
            let ended = matches!(state, "concluso" | "abbandonato").then(|| day(i * 3 + 120));
            let last = ended.clone().or_else(|| started.clone()).unwrap_or_else(|| proposed.clone());
            pa.execute(params![person, kinds[(h / 8 % kinds.len() as u64) as usize], state, desk, manager, proposed, started, ended, last])
                .expect("path");
            let id = i as i64 + 1;
            ev.execute(params![id, "proposta", proposed]).expect("event");
            if let Some(s) = &started {
                ev.execute(params![id, "avvio", s]).expect("event");
            }
            if i % 3 == 0 {
                tg.execute(params![id, targets[i % targets.len()]]).expect("target");
            }
            if state == "concluso" && i % 2 == 0 {
                let (kind, lasting) = [("contratto", true), ("contratto", false), ("tirocinio", false), ("formazione", false)][i / 2 % 4];
                oc.execute(params![person, id, kind, day(i * 3 + 120), lasting]).expect("outcome");
            }
        }
        let mut ap = tx
            .prepare(
                "INSERT INTO appointments (person_id, path_id, service, channel, state, on_date, at_time, expected_minutes, actual_minutes, operator_id,
                                           desk_id)
                 VALUES (?1, ?2, ?3, 'in_presenza', ?4, ?5, '10:00', 45, ?6, ?7, ?8)",
            )
            .expect("prepare");
        for i in 0..appointments {
            let path = (i % paths) as i64 + 1;
            let person = (path - 1) % people as i64 + 1;
            let state = a_states[i % a_states.len()];
            let actual = (state == "erogato").then_some(40);
            let operator = (person - 1) % (4 * OPERATORS_PER_DESK as i64) + 1;
            let desk = (person - 1) % 4 + 1;
            ap.execute(params![person, path, services[i % services.len()], state, day(i), actual, operator, desk]).expect("appointment");
        }
    }
    tx.commit().expect("commit");
}

fn median(runs: usize, mut f: impl FnMut() -> Duration) -> Duration {
    for _ in 0..runs.min(5) {
        f();
    }
    let mut xs: Vec<Duration> = (0..runs).map(|_| f()).collect();
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
