//! Reports for the Region and the council: for a period of months, people assigned by the
//! CPI and taken in charge, paths activated, concluded and ongoing at the end, by month,
//! kind of path, desk, comune, sex, age and target group; appointments held, no-shows and
//! operator hours; outcomes and the time to the first one.
//!
//! [`Desk::report`] reads the period's facts (`facts.rs`, a few SQL queries) and counts
//! them in memory (`count.rs`) into [`Table`]s worded in the report's language, with the
//! small-count rule (`suppress.rs`) applied to every breakdown by a person's attributes.
//! The PDF (`view.rs` feeds `templates/desk/report.typ`), the CSV (`csv.rs`), the JSON
//! and Python's DataFrames are all drawn from those tables, so they cannot disagree.
//!
//! ```
//! use sportello::desk::{Desk, demo};
//! use sportello::desk::report::ReportRequest;
//!
//! let dir = tempfile::tempdir().unwrap();
//! let plan = demo::DemoPlan::trecate();
//! let mut desk = Desk::open(&dir.path().join("desk.db")).unwrap().with_today(plan.to);
//! demo::generate(&mut desk, &plan, 1).unwrap();
//! let report = desk.report(&ReportRequest::new("2022-11".parse().unwrap(), "2023-10".parse().unwrap())).unwrap();
//! let headline = report.table("headline").unwrap();
//! assert_eq!(headline.figure("activated", "value").and_then(|f| f.count()), Some(534));
//! ```

mod count;
mod csv;
mod facts;
mod figure;
mod month;
pub mod suppress;
mod table;
mod view;
mod words;

use serde::Serialize;

pub use count::{Period, Standing, standing};
pub use csv::to_csv;
pub use facts::{AppointmentFact, Facts, FirstOutcome, OutcomeFact, PathFact, PersonFact};
pub use figure::{Figure, HIDDEN_MARK, SMALL_MARK};
pub use month::{Month, MonthError};
pub use table::{Column, Row, Table};
pub use view::view;

use super::day::Day;
use super::error::{DeskError, Result};
use super::store::{Desk, desk_id};
use crate::lang::Lang;

/// The longest period a report covers, in months.
pub const MAX_MONTHS: usize = 60;

/// What to report on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRequest {
    /// First month.
    pub from: Month,
    /// Last month (included).
    pub to: Month,
    /// One desk's code, or every desk.
    pub desk: Option<String>,
    /// The language of its words.
    pub lang: Lang,
}

impl ReportRequest {
    /// Every desk, in Italian.
    pub fn new(from: Month, to: Month) -> ReportRequest {
        ReportRequest { from, to, desk: None, lang: Lang::It }
    }
}

/// A report: its period and scope, its tables and its notes, worded in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// First month.
    pub from: Month,
    /// Last month.
    pub to: Month,
    /// The desk's code, or none for every desk.
    pub desk: Option<String>,
    /// The scope in words ("Sportello Lavoro di Trecate", "Tutti gli sportelli (4)").
    pub scope: String,
    /// The language of its words.
    pub lang: Lang,
    /// The day it was made.
    pub generated_on: Day,
    /// Its tables: `headline`, `by_month`, `by_kind`, `by_desk`, `by_comune`, `by_sex`,
    /// `by_age`, `by_target`, `services`, `outcomes`.
    pub tables: Vec<Table>,
    /// Definitions and the small-count rule.
    pub notes: Vec<String>,
}

impl Report {
    /// The table named `name`.
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.name == name)
    }
}

impl Desk {
    /// The report of a period (see the module docs). Counts only: no name, no record of a
    /// person, and small counts withheld in every breakdown by a person's attributes.
    pub fn report(&self, req: &ReportRequest) -> Result<Report> {
        let months = req.from.count_to(req.to);
        if months == 0 {
            return Err(DeskError::invalid(
                "to",
                format!("il periodo finisce ({}) prima di cominciare ({})", req.to, req.from),
                format!("the period ends ({}) before it begins ({})", req.to, req.from),
            ));
        }
        if months > MAX_MONTHS {
            return Err(DeskError::invalid(
                "to",
                format!("il periodo copre {months} mesi (al massimo {MAX_MONTHS})"),
                format!("the period covers {months} months (at most {MAX_MONTHS})"),
            ));
        }
        let this_month = Month::of(self.today());
        if req.to > this_month {
            return Err(DeskError::invalid(
                "to",
                format!("il periodo arriva a {}, oltre il mese in corso ({this_month}): non si contano mesi a venire", req.to),
                format!("the period runs to {}, past the current month ({this_month}): months to come are not counted", req.to),
            ));
        }
        let desk = req.desk.as_deref().map(|text| self.resolve_desk(text)).transpose()?;
        let (from, to) = (req.from.first_day(), req.to.last_day());
        let (mut facts, beside) = self.read_facts(from, to, desk)?;
        (facts.appointments, facts.served, facts.people) = (beside.appointments, beside.served, beside.people);
        facts.territory = self.served_comuni(None)?;
        let scope = match (&req.desk, facts.desks.first()) {
            (Some(_), Some((_, _, name))) => name.clone(),
            _ => format!("{} ({})", req.lang.pick("Tutti gli sportelli", "Every desk"), facts.desks.len()),
        };
        Ok(Report {
            from: req.from,
            to: req.to,
            desk: req.desk.as_ref().and(facts.desks.first()).map(|d| d.1.clone()),
            scope,
            lang: req.lang,
            generated_on: self.today(),
            tables: count::tables(&facts, Period { from: req.from, to: req.to }, req.lang),
            notes: words::notes(req.lang, req.to == this_month),
        })
    }

    /// The period's facts. The appointments (the largest table) and the people are read on
    /// a second reader while the paths and outcomes are read on this one; if the second
    /// reader cannot be had (no thread, a locked or unshared file, a batch under way whose
    /// rows it would not see) or fails, they are read here in turn.
    fn read_facts(&self, from: Day, to: Day, desk: Option<i64>) -> Result<(facts::Facts, facts::Beside)> {
        let second = (!self.in_batch)
            .then(|| rusqlite::Connection::open_with_flags(self.file(), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).ok())
            .flatten()
            .filter(|c| c.busy_timeout(super::store::BUSY_WAIT).is_ok());
        std::thread::scope(|s| {
            let beside =
                second.and_then(|c| std::thread::Builder::new().spawn_scoped(s, move || facts::read_beside(&c, from, to, desk)).ok());
            let facts = facts::read(&self.conn, from, to, desk)?;
            let beside = match beside.map(|handle| handle.join()) {
                Some(Ok(Ok(beside))) => beside,
                _ => facts::read_beside(&self.conn, from, to, desk)?,
            };
            Ok((facts, beside))
        })
    }

    /// A desk named by its code, or by its name or comune as a person writes them
    /// (`Trecate` for `trecate`, "Sportello Lavoro di Trecate").
    fn resolve_desk(&self, text: &str) -> Result<i64> {
        if let Ok(id) = desk_id(&self.conn, text) {
            return Ok(id);
        }
        let key = crate::fold::fold(text);
        let found: Vec<String> = self
            .desks()?
            .into_iter()
            .filter(|d| [Some(&d.code), Some(&d.name), d.comune.as_ref()].into_iter().flatten().any(|t| crate::fold::fold(t) == key))
            .map(|d| d.code)
            .collect();
        match found.as_slice() {
            [code] => desk_id(&self.conn, code),
            [] => desk_id(&self.conn, text),
            several => Err(DeskError::invalid(
                "desk",
                format!("{text:?} indica più sportelli ({}): usare il codice", several.join(", ")),
                format!("{text:?} names several desks ({}): use the code", several.join(", ")),
            )),
        }
    }
}
