//! What a report reads from the database: the paths of the period (and those still open
//! when it began), the people they belong to, and appointments, targets and outcomes
//! already summed by SQL. Everything else is counted in memory (`count.rs`), so the same
//! rules apply to a generated caseload in the property tests.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, params};

use super::month::Month;
use crate::desk::day::Day;
use crate::desk::error::Result;
use crate::desk::sql::{parse_col, parse_opt};
use crate::desk::words::{AppointmentState, Arrival, OutcomeKind, PathKind, PathState, Service, Sex, Target};

/// A path as a report counts it.
#[derive(Debug, Clone, PartialEq)]
pub struct PathFact {
    /// Its number.
    pub id: i64,
    /// Whose.
    pub person: i64,
    /// Its kind.
    pub kind: PathKind,
    /// Its state now; it held it from `ended` on if that is a closing state.
    pub state: PathState,
    /// The desk that follows it (a number).
    pub desk: i64,
    /// When it was activated (proposed: the patto di servizio).
    pub proposed: Day,
    /// When it closed, if it did.
    pub ended: Option<Day>,
}

/// A person as a report counts them.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonFact {
    /// How they arrived.
    pub arrival: Arrival,
    /// Sex, if known.
    pub sex: Option<Sex>,
    /// Year of birth, if known.
    pub birth_year: Option<u16>,
    /// Comune of residence.
    pub comune: Option<String>,
}

/// Appointments of one month, state, service and desk.
#[derive(Debug, Clone, PartialEq)]
pub struct AppointmentFact {
    /// The month.
    pub month: Month,
    /// Their state.
    pub state: AppointmentState,
    /// Their service.
    pub service: Service,
    /// The desk that held them (their path's, else the person's when booked).
    pub desk: i64,
    /// How many.
    pub count: u64,
    /// Minutes spent (actual, else expected).
    pub minutes: u64,
}

/// An outcome of the period.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeFact {
    /// Whose.
    pub person: i64,
    /// Its kind.
    pub kind: OutcomeKind,
    /// A contract of more than six months.
    pub lasting: bool,
    /// When it started.
    pub month: Month,
}

/// A person's first outcome, if it fell in the period, and when they were first taken in
/// charge.
#[derive(Debug, Clone, PartialEq)]
pub struct FirstOutcome {
    /// Their first path's activation.
    pub taken_in_charge: Day,
    /// Their first outcome's start.
    pub outcome: Day,
}

/// Everything a report counts.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Desks in scope: number, code, name.
    pub desks: Vec<(i64, String, String)>,
    /// The convention's comuni (filled by the caller).
    pub territory: Vec<String>,
    /// Paths activated up to the period's end and not closed before it began.
    pub paths: Vec<PathFact>,
    /// The people (at least those of the paths activated and of the outcomes).
    pub people: HashMap<i64, PersonFact>,
    /// Paths activated in the period with each target.
    pub targets: Vec<(Target, u64)>,
    /// Appointments of the period.
    pub appointments: Vec<AppointmentFact>,
    /// People with at least one appointment held of specialist guidance, of training.
    pub served: Vec<(Service, u64)>,
    /// Outcomes of the period.
    pub outcomes: Vec<OutcomeFact>,
    /// People whose first outcome fell in the period.
    pub first_outcomes: Vec<FirstOutcome>,
}

/// Reads the facts of `from..=to` for desk number `desk` (every desk if `None`), all but
/// the appointments and the people ([`read_beside`]).
pub fn read(conn: &Connection, from: Day, to: Day, desk: Option<i64>) -> Result<Facts> {
    let (f, t) = (from.to_string(), to.to_string());
    let desks: Vec<_> = conn
        .prepare("SELECT id, code, name FROM desks WHERE ?1 IS NULL OR id = ?1 ORDER BY code")?
        .query_map([desk], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let paths: Vec<_> = conn
        .prepare(
            "SELECT id, person_id, kind, state, desk_id, proposed_on, ended_on FROM paths
             WHERE proposed_on <= ?2 AND (ended_on IS NULL OR ended_on >= ?1) AND (?3 IS NULL OR desk_id = ?3)",
        )?
        .query_map(params![f, t, desk], |r| {
            Ok(PathFact {
                id: r.get(0)?,
                person: r.get(1)?,
                kind: parse_col(r, 2)?,
                state: parse_col(r, 3)?,
                desk: r.get(4)?,
                proposed: parse_col(r, 5)?,
                ended: parse_opt(r, 6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let activated: HashSet<i64> = paths.iter().filter(|p| from <= p.proposed && p.proposed <= to).map(|p| p.id).collect();
    let targets = {
        let mut n: HashMap<Target, u64> = HashMap::new();
        let mut stmt = conn.prepare("SELECT path_id, target FROM path_targets")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if activated.contains(&r.get(0)?) {
                *n.entry(parse_col(r, 1)?).or_default() += 1;
            }
        }
        n.into_iter().collect()
    };
    let outcomes: Vec<_> = conn
        .prepare(
            "SELECT o.person_id, o.kind, o.lasting, o.start_on FROM outcomes o JOIN people pe ON pe.id = o.person_id
             LEFT JOIN paths pa ON pa.id = o.path_id
             WHERE o.start_on BETWEEN ?1 AND ?2 AND (?3 IS NULL OR COALESCE(pa.desk_id, pe.desk_id) = ?3)",
        )?
        .query_map(params![f, t, desk], |r| {
            Ok(OutcomeFact { person: r.get(0)?, kind: parse_col(r, 1)?, lasting: r.get(2)?, month: Month::of(parse_col(r, 3)?) })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let first_outcomes: Vec<_> = conn
        .prepare(
            // A person's first outcome, in the desk that recorded it (its path's, else the
            // person's), as the outcomes of the period are counted.
            "SELECT (SELECT min(p.proposed_on) FROM paths p WHERE p.person_id = f.person_id), f.first
             FROM (SELECT person_id, min(start_on) AS first FROM outcomes GROUP BY person_id) f
             WHERE f.first BETWEEN ?1 AND ?2 AND (?3 IS NULL OR EXISTS (
                 SELECT 1 FROM outcomes o JOIN people pe ON pe.id = o.person_id LEFT JOIN paths pa ON pa.id = o.path_id
                 WHERE o.person_id = f.person_id AND o.start_on = f.first AND COALESCE(pa.desk_id, pe.desk_id) = ?3))",
        )?
        .query_map(params![f, t, desk], |r| Ok((parse_opt::<Day>(r, 0)?, parse_col::<Day>(r, 1)?)))?
        .filter_map(|row| match row {
            Ok((Some(taken_in_charge), outcome)) => Some(Ok(FirstOutcome { taken_in_charge, outcome })),
            Ok((None, _)) => None,
            Err(e) => Some(Err(e)),
        })
        .collect::<rusqlite::Result<_>>()?;
    Ok(Facts { desks, paths, targets, outcomes, first_outcomes, ..Facts::default() })
}

/// What [`read_beside`] reads.
pub struct Beside {
    /// The appointments.
    pub appointments: Vec<AppointmentFact>,
    /// People with at least one appointment held of specialist guidance, of training.
    pub served: Vec<(Service, u64)>,
    /// Every person (a scan of the table costs less than looking up those counted).
    pub people: HashMap<i64, PersonFact>,
}

/// The appointments of `from..=to` for desk number `desk` (every desk if `None`), summed
/// by month, state, service and desk; the people served with specialist guidance and with
/// training; and every person. Read on a connection of its own, beside [`read`].
pub fn read_beside(conn: &Connection, from: Day, to: Day, desk: Option<i64>) -> Result<Beside> {
    let (f, t) = (from.to_string(), to.to_string());
    // Grouped in the order of the index `appointments_for_reports`, so SQLite sums as it
    // reads; the days are folded into months here.
    let mut stmt = conn.prepare(
        "SELECT on_date, state, service, desk_id, count(*), sum(COALESCE(actual_minutes, expected_minutes)) FROM appointments
         WHERE on_date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR desk_id = ?3) GROUP BY on_date, state, service, desk_id",
    )?;
    let mut rows = stmt.query(params![f, t, desk])?;
    let mut sums: HashMap<(Month, AppointmentState, Service, i64), (u64, u64)> = HashMap::new();
    while let Some(r) = rows.next()? {
        let key = (Month::of(parse_col::<Day>(r, 0)?), parse_col(r, 1)?, parse_col(r, 2)?, r.get::<_, Option<i64>>(3)?.unwrap_or(0));
        let sum = sums.entry(key).or_default();
        sum.0 += r.get::<_, i64>(4)?.unsigned_abs();
        sum.1 += r.get::<_, Option<i64>>(5)?.unwrap_or(0).unsigned_abs();
    }
    let mut appointments: Vec<AppointmentFact> = sums
        .into_iter()
        .map(|((month, state, service, desk), (count, minutes))| AppointmentFact { month, state, service, desk, count, minutes })
        .collect();
    appointments.sort_by_key(|a| (a.month, a.state, a.service, a.desk));
    // Distinct people only for the services the Region follows by person (counting them
    // for every service would cost more than the rest of the report).
    let served = conn
        .prepare(
            "SELECT service, count(DISTINCT person_id) FROM appointments
             WHERE on_date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR desk_id = ?3) AND state = 'erogato'
               AND service IN ('orientamento_specialistico', 'formazione') GROUP BY service",
        )?
        .query_map(params![f, t, desk], |r| Ok((parse_col(r, 0)?, r.get::<_, i64>(1)?.unsigned_abs())))?
        .collect::<rusqlite::Result<_>>()?;
    let mut people = HashMap::new();
    let mut stmt = conn.prepare("SELECT id, arrival, sex, birth_year, comune FROM people")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let person = PersonFact {
            arrival: parse_col(r, 1)?,
            sex: parse_opt(r, 2)?,
            birth_year: r.get(3)?,
            comune: r.get::<_, Option<String>>(4)?.filter(|c| !c.trim().is_empty()),
        };
        people.insert(r.get(0)?, person);
    }
    Ok(Beside { appointments, served, people })
}
