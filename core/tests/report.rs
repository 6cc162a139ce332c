//! The desk's reports: the Trecate year's seed figures, counts that add up on generated
//! caseloads, the small-count rule on real breakdowns, the CSV and JSON drawn from the same
//! tables, and the figures a report counts by (sex, year of birth) filled on migration.
#![cfg(feature = "desk")]
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use sportello::desk::demo::{self, DemoPlan};
use sportello::desk::report::{Figure, Month, Report, ReportRequest, Table, to_csv};
use sportello::desk::{Arrival, Day, Desk, DeskInfo, NewPath, NewPerson, Operator, PathEventKind, PathKind, Reader};
use sportello::lang::Lang;

fn month(s: &str) -> Month {
    s.parse().unwrap()
}

fn count(t: &Table, key: &str, column: &str) -> u64 {
    t.figure(key, column).and_then(Figure::count).unwrap_or_else(|| panic!("{}: {key}/{column} is not a shown count", t.name))
}

fn demo_desk(dir: &std::path::Path) -> Desk {
    let plan = DemoPlan::trecate();
    let mut desk = Desk::open(&dir.join("demo.db")).unwrap().with_today(plan.to);
    demo::generate(&mut desk, &plan, 7).unwrap();
    desk
}

/// Every month: activated = concluded + ongoing + closed otherwise; the total row adds
/// the months up; the headline agrees with the totals.
fn check_sums(r: &Report) {
    let by_month = r.table("by_month").unwrap();
    for row in by_month.rows.iter().chain(&by_month.total) {
        let n = |c: &str| count(by_month, &row.key, c);
        assert_eq!(n("activated"), n("concluded") + n("ongoing") + n("closed_otherwise"), "month {}", row.key);
    }
    for column in ["taken_in_charge", "activated", "concluded", "ongoing", "closed_otherwise", "appointments_held", "outcomes"] {
        let sum: u64 = by_month.rows.iter().map(|row| count(by_month, &row.key, column)).sum();
        assert_eq!(sum, count(by_month, "total", column), "{column}");
    }
    let headline = r.table("headline").unwrap();
    for column in
        ["taken_in_charge", "assigned_by_cpi", "activated", "concluded", "ongoing", "closed_otherwise", "appointments_held", "no_shows"]
    {
        assert_eq!(count(headline, column, "value"), count(by_month, "total", column), "{column}");
    }
    let by_desk = r.table("by_desk").unwrap();
    for column in ["taken_in_charge", "activated", "concluded", "ongoing", "closed_otherwise"] {
        assert_eq!(count(by_desk, "total", column), count(headline, column, "value"), "by desk: {column}");
    }
}

#[test]
fn the_trecate_year_prints_the_conventions_figures() {
    let dir = tempfile::tempdir().unwrap();
    let desk = demo_desk(dir.path());
    let r = desk.report(&ReportRequest::new(month("2022-11"), month("2023-10"))).unwrap();
    let headline = r.table("headline").unwrap();
    assert_eq!(count(headline, "activated", "value"), 534);
    assert_eq!(count(headline, "concluded", "value"), 207);
    assert_eq!(count(headline, "ongoing", "value"), 327);
    assert_eq!(count(headline, "assigned_by_cpi", "value"), 256);
    assert_eq!(count(headline, "taken_in_charge", "value"), 312);
    check_sums(&r);
    // Every person lives in one of the convention's ten comuni; sex and age are known.
    assert_eq!(headline.figure("share_in_territory", "value"), Some(Figure::Share(1.0)));
    let by_sex = r.table("by_sex").unwrap();
    assert_eq!(by_sex.figure("not_stated", "taken_in_charge"), Some(Figure::Count(0)));
    assert_eq!(by_sex.rows.len(), 3);
    let by_age = r.table("by_age").unwrap();
    assert_eq!(count(by_age, "total", "taken_in_charge"), 312);
    assert!(matches!(headline.figure("days_to_first_outcome", "value"), Some(Figure::Decimal(d)) if d > 0.0));
    // The month table, its twelve months.
    assert_eq!(r.table("by_month").unwrap().rows.len(), 12);
    // The same period in English has the same figures.
    let en = desk.report(&ReportRequest { lang: Lang::En, ..ReportRequest::new(month("2022-11"), month("2023-10")) }).unwrap();
    assert_eq!(
        en.table("headline").unwrap().rows.iter().map(|r| r.cells.clone()).collect::<Vec<_>>(),
        headline.rows.iter().map(|r| r.cells.clone()).collect::<Vec<_>>()
    );
    assert_eq!(en.table("by_kind").unwrap().title, "By kind of path");
}

#[test]
fn one_desk_and_a_short_period_withhold_small_counts() {
    let dir = tempfile::tempdir().unwrap();
    let desk = demo_desk(dir.path());
    let r =
        desk.report(&ReportRequest { desk: Some("romentino".into()), ..ReportRequest::new(month("2023-03"), month("2023-03")) }).unwrap();
    assert_eq!(r.scope, "Sportello Lavoro di Romentino");
    check_sums(&r);
    let mut withheld = 0;
    for t in r.tables.iter().filter(|t| t.small_counts_withheld) {
        for row in &t.rows {
            for cell in &row.cells {
                assert!(!matches!(cell, Figure::Count(1 | 2)), "{}: a small count is shown in {}", t.name, row.key);
                withheld += usize::from(matches!(cell, Figure::Small | Figure::Hidden));
            }
        }
    }
    assert!(withheld > 0, "a month of one desk has small counts");
    // Tables that are not about people's attributes show every count.
    let by_month = r.table("by_month").unwrap();
    assert!(by_month.rows.iter().all(|row| row.cells.iter().all(|c| matches!(c, Figure::Count(_) | Figure::Decimal(_)))));
}

#[test]
fn csv_and_json_carry_the_same_figures() {
    let dir = tempfile::tempdir().unwrap();
    let desk = demo_desk(dir.path());
    let r = desk.report(&ReportRequest::new(month("2022-11"), month("2023-10"))).unwrap();
    let csv = to_csv(&r);
    let json = serde_json::to_value(&r).unwrap();
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("table,key,label,column,value"));
    let mut n = 0;
    for t in json["tables"].as_array().unwrap() {
        let columns: Vec<&str> = t["columns"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
        for row in t["rows"].as_array().unwrap().iter().chain(t.get("total")) {
            for (c, cell) in columns.iter().zip(row["cells"].as_array().unwrap()) {
                let line = lines.next().unwrap();
                let value = line.rsplit(',').next().unwrap();
                let expected = match cell {
                    serde_json::Value::Null => String::new(),
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                assert_eq!(value, expected, "{} {} {c}", t["name"], row["key"]);
                assert!(line.starts_with(&format!("{},", t["name"].as_str().unwrap())), "{line}");
                n += 1;
            }
        }
    }
    assert_eq!(lines.next(), None);
    assert!(n > 100);
    assert!(csv.contains("headline,activated,Percorsi attivati,value,534\n"));
}

#[test]
fn bad_periods_and_desks_are_refused_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let desk = Desk::open(&dir.path().join("d.db")).unwrap();
    let e = desk.report(&ReportRequest::new(month("2023-10"), month("2022-11"))).unwrap_err();
    assert_eq!(e.field, "to");
    assert!(e.message(Lang::It).contains("prima di cominciare"), "{}", e.message(Lang::It));
    let e = desk.report(&ReportRequest::new(month("2015-01"), month("2023-10"))).unwrap_err();
    assert!(e.message(Lang::En).contains("at most 60"), "{}", e.message(Lang::En));
    let e =
        desk.report(&ReportRequest { desk: Some("nowhere".into()), ..ReportRequest::new(month("2023-01"), month("2023-02")) }).unwrap_err();
    assert!(e.message(Lang::It).contains("nowhere"), "{}", e.message(Lang::It));
    // Months to come are not counted as if they had happened; the current one is, said partial.
    let desk = desk.with_today("2023-02-15".parse().unwrap());
    let e = desk.report(&ReportRequest::new(month("2023-01"), month("2023-03"))).unwrap_err();
    assert!(e.message(Lang::It).contains("oltre il mese in corso"), "{}", e.message(Lang::It));
    let partial = desk.report(&ReportRequest::new(month("2023-01"), month("2023-02"))).unwrap();
    assert!(partial.notes[0].contains("parziali"), "{:?}", partial.notes);
    // An empty database gives a report of zeros, not an error.
    let r = desk.report(&ReportRequest::new(month("2023-01"), month("2023-02"))).unwrap();
    assert_eq!(r.table("headline").unwrap().figure("activated", "value"), Some(Figure::Count(0)));
    assert_eq!(r.table("headline").unwrap().figure("days_to_first_outcome", "value"), Some(Figure::Blank));
}

#[test]
fn a_file_brought_to_version_4_learns_sex_and_year_of_birth() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("v3.db");
    let c = rusqlite::Connection::open(&f).unwrap();
    for sql in &sportello::desk::schema::MIGRATIONS[..3] {
        c.execute_batch(sql).unwrap();
    }
    c.pragma_update(None, "user_version", 3).unwrap();
    c.pragma_update(None, "application_id", sportello::desk::schema::APPLICATION_ID).unwrap();
    c.execute_batch(
        "INSERT INTO desks (code, name) VALUES ('trecate', 'Sportello Lavoro di Trecate');
         INSERT INTO people (given_name, family_name, search_name, codice_fiscale, desk_id, arrival, profile, created_on)
         VALUES ('Gianna', 'Bianchi', 'gianna bianchi', 'BNCGNN70A41L219N', 1, 'cpi', '{\"person\":{\"given_name\":\"Gianna\",\"family_name\":\"Bianchi\"}}', '2023-01-01'),
                ('Ada', 'Neri', 'ada neri', NULL, 1, 'cpi', '{\"person\":{\"given_name\":\"Ada\",\"family_name\":\"Neri\"},\"sensitive\":{\"sex\":\"donna\",\"date_of_birth\":\"1999-05\"}}', '2023-01-01'),
                ('Bo', 'Li', 'bo li', NULL, 1, 'cpi', '{\"person\":{\"given_name\":\"Bo\",\"family_name\":\"Li\"}}', '2023-01-01');",
    )
    .unwrap();
    drop(c);
    drop(Desk::open(&f).unwrap());
    let c = rusqlite::Connection::open(&f).unwrap();
    let rows: Vec<(Option<String>, Option<i64>)> = c
        .prepare("SELECT sex, birth_year FROM people ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows, [(Some("f".into()), Some(1970)), (Some("f".into()), Some(1999)), (None, None)]);
}

/// One generated path: its kind, when it is proposed (days into the year), and what
/// happens to it (0 nothing, 1 started, 2 concluded, 3 abandoned, 4 refused, 5 cancelled,
/// 6 suspended), after how many days.
type GenPath = (usize, i64, u8, i64);

fn run_caseload(people: &[(u8, Vec<GenPath>)]) -> Report {
    let dir = tempfile::tempdir().unwrap();
    let start: Day = "2023-01-01".parse().unwrap();
    let mut desk = Desk::open(&dir.path().join("p.db")).unwrap().with_today("2025-12-31".parse().unwrap());
    let me = Reader { username: "gen".into(), sensitive: true };
    for (code, name) in [("a", "Desk A"), ("b", "Desk B")] {
        desk.add_desk("admin", &DeskInfo { code: code.into(), name: name.into(), comune: None }).unwrap();
        desk.add_operator("admin", &Operator { username: format!("op{code}"), name: name.into(), desk: code.into() }).unwrap();
    }
    for (i, (arrival, paths)) in people.iter().enumerate() {
        let profile = serde_json::from_value(serde_json::json!({"person": {"given_name": format!("P{i}"), "family_name": "Gen"}})).unwrap();
        let person = desk
            .add_person(
                &me,
                &NewPerson {
                    profile,
                    codice_fiscale: None,
                    comune: Some(["Trecate", "Cerano", "Novara"][i % 3].into()),
                    desk: if i % 2 == 0 { "a".into() } else { "b".into() },
                    case_manager: None,
                    arrival: if *arrival % 2 == 0 { Arrival::Cpi } else { Arrival::SelfReferred },
                    arrival_date: None,
                },
            )
            .unwrap();
        for &(kind, offset, fate, after) in paths {
            let proposed = start.plus_days(offset).unwrap();
            let path = desk
                .open_path(
                    &me,
                    &NewPath {
                        person_id: person,
                        kind: PathKind::ALL[kind % PathKind::ALL.len()],
                        proposed_on: proposed,
                        gol_funded: false,
                        targets: vec![],
                        case_manager: None,
                        note: None,
                    },
                )
                .unwrap();
            let on = proposed.plus_days(after).unwrap();
            let events: &[PathEventKind] = match fate {
                1 => &[PathEventKind::Started],
                2 => &[PathEventKind::Started, PathEventKind::Concluded],
                3 => &[PathEventKind::Started, PathEventKind::Abandoned],
                4 => &[PathEventKind::Refused],
                5 => &[PathEventKind::Cancelled],
                6 => &[PathEventKind::Started, PathEventKind::Suspended],
                _ => &[],
            };
            for e in events {
                desk.record_event(&me, path, *e, on, None, None).unwrap();
            }
        }
    }
    desk.report(&ReportRequest::new(month("2023-01"), month("2023-12"))).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// On generated caseloads (paths proposed before, in and after the year, closed in
    /// every way, some after the year's end), the counts add up per month and in total.
    #[test]
    fn counts_add_up_on_generated_caseloads(
        people in prop::collection::vec((0u8..2, prop::collection::vec((0usize..11, -60i64..420, 0u8..7, 0i64..200), 1..4)), 1..25)
    ) {
        let r = run_caseload(&people);
        check_sums(&r);
        let paths_in_year = people.iter().flat_map(|p| &p.1).filter(|p| (0..365).contains(&p.1)).count() as u64;
        prop_assert_eq!(count(r.table("headline").unwrap(), "activated", "value"), paths_in_year);
    }
}

/// The report's Typst documents on the shared sample (withheld counts, empty cells, long
/// labels): the PDF lays out with every table and chart title, the chart pages as SVG.
#[test]
fn the_report_documents_lay_out_the_sample() {
    use sportello::render::{OutputFormat, RenderRequest, Renderer};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/report/view-sample.json");
    let data: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let renderer = Renderer::new();
    let mut req = RenderRequest::pdf("", "it");
    req.format = OutputFormat::Text;
    let text = renderer.render_document("report", &data, &req).unwrap();
    let text = String::from_utf8(text.files.concat()).unwrap();
    for t in data["tables"].as_array().unwrap() {
        assert!(text.contains(t["title"].as_str().unwrap()), "{} missing", t["title"]);
    }
    for chart in ["by_month", "by_kind", "by_desk", "open_caseload"] {
        assert!(text.contains(data["charts"][chart]["title"].as_str().unwrap()), "{chart} missing");
    }
    assert!(text.contains("<3"));
    req.format = OutputFormat::Svg;
    let charts = renderer.render_document("report-charts", &data, &req).unwrap();
    assert_eq!(charts.pages, 4);
    assert!(charts.files.iter().all(|svg| svg.starts_with(b"<svg")));
}
