//! What a report reads from the database: the paths of the period (and those still open
//! when it began), the people they belong to, and appointments, targets and outcomes
//! already summed by SQL. Everything else is counted in memory (`count.rs`), so the same
//! rules apply to a generated caseload in the property tests.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use super::month::Month;
use crate::desk::day::Day;
use crate::desk::error::Result;
use crate::desk::sql::{parse_col, parse_opt};
use crate::desk::words::{AppointmentState, Arrival, OutcomeKind, PathKind, PathState, Service, Sex, Target};

/// A path as a report counts it.
#[derive(Debug, Clone, PartialEq)]
pub struct PathFact {
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
    /// The desk of their path (else of the person).
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
    /// The people of the paths activated and of the outcomes of the period.
    pub people: HashMap<i64, PersonFact>,
    /// Paths activated in the period with each target.
    pub targets: Vec<(Target, u64)>,
    /// Appointments of the period.
    pub appointments: Vec<AppointmentFact>,
    /// People with at least one appointment held, by service.
    pub served: Vec<(Service, u64)>,
    /// Outcomes of the period.
    pub outcomes: Vec<OutcomeFact>,
    /// People whose first outcome fell in the period.
    pub first_outcomes: Vec<FirstOutcome>,
}

/// Reads the facts of `from..=to` for desk number `desk` (every desk if `None`).
pub fn read(conn: &Connection, from: Day, to: Day, desk: Option<i64>) -> Result<Facts> {
    let (f, t) = (from.to_string(), to.to_string());
    let mut facts = Facts::default();
    facts.desks = conn
        .prepare("SELECT id, code, name FROM desks WHERE ?1 IS NULL OR id = ?1 ORDER BY code")?
        .query_map([desk], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    facts.paths = conn
        .prepare(
            "SELECT person_id, kind, state, desk_id, proposed_on, ended_on FROM paths
             WHERE proposed_on <= ?2 AND (ended_on IS NULL OR ended_on >= ?1) AND (?3 IS NULL OR desk_id = ?3)",
        )?
        .query_map(params![f, t, desk], |r| {
            Ok(PathFact {
                person: r.get(0)?,
                kind: parse_col(r, 1)?,
                state: parse_col(r, 2)?,
                desk: r.get(3)?,
                proposed: parse_col(r, 4)?,
                ended: parse_opt(r, 5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(
        "SELECT id, arrival, sex, birth_year, comune FROM people WHERE id IN (
             SELECT person_id FROM paths WHERE proposed_on BETWEEN ?1 AND ?2 AND (?3 IS NULL OR desk_id = ?3)
             UNION SELECT person_id FROM outcomes WHERE start_on BETWEEN ?1 AND ?2)",
    )?;
    let rows = stmt.query_map(params![f, t, desk], |r| {
        let person = PersonFact {
            arrival: parse_col(r, 1)?,
            sex: parse_opt(r, 2)?,
            birth_year: r.get(3)?,
            comune: r.get::<_, Option<String>>(4)?.filter(|c| !c.trim().is_empty()),
        };
        Ok((r.get(0)?, person))
    })?;
    facts.people = rows.collect::<rusqlite::Result<_>>()?;
    facts.targets = conn
        .prepare(
            "SELECT t.target, count(*) FROM path_targets t JOIN paths p ON p.id = t.path_id
             WHERE p.proposed_on BETWEEN ?1 AND ?2 AND (?3 IS NULL OR p.desk_id = ?3) GROUP BY t.target",
        )?
        .query_map(params![f, t, desk], |r| Ok((parse_col(r, 0)?, r.get::<_, i64>(1)?.unsigned_abs())))?
        .collect::<rusqlite::Result<_>>()?;
    // An appointment belongs to its path's desk, else to the person's.
    let scoped = "FROM appointments a JOIN people pe ON pe.id = a.person_id LEFT JOIN paths pa ON pa.id = a.path_id
                  WHERE a.on_date BETWEEN ?1 AND ?2 AND (?3 IS NULL OR COALESCE(pa.desk_id, pe.desk_id) = ?3)";
    facts.appointments = conn
        .prepare(&format!(
            "SELECT substr(a.on_date, 1, 7), a.state, a.service, COALESCE(pa.desk_id, pe.desk_id), count(*),
                    sum(COALESCE(a.actual_minutes, a.expected_minutes)) {scoped} GROUP BY 1, 2, 3, 4"
        ))?
        .query_map(params![f, t, desk], |r| {
            Ok(AppointmentFact {
                month: parse_col(r, 0)?,
                state: parse_col(r, 1)?,
                service: parse_col(r, 2)?,
                desk: r.get(3)?,
                count: r.get::<_, i64>(4)?.unsigned_abs(),
                minutes: r.get::<_, Option<i64>>(5)?.unwrap_or(0).unsigned_abs(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    facts.served = conn
        .prepare(&format!("SELECT a.service, count(DISTINCT a.person_id) {scoped} AND a.state = 'erogato' GROUP BY a.service"))?
        .query_map(params![f, t, desk], |r| Ok((parse_col(r, 0)?, r.get::<_, i64>(1)?.unsigned_abs())))?
        .collect::<rusqlite::Result<_>>()?;
    facts.outcomes = conn
        .prepare(
            "SELECT o.person_id, o.kind, o.lasting, o.start_on FROM outcomes o JOIN people pe ON pe.id = o.person_id
             LEFT JOIN paths pa ON pa.id = o.path_id
             WHERE o.start_on BETWEEN ?1 AND ?2 AND (?3 IS NULL OR COALESCE(pa.desk_id, pe.desk_id) = ?3)",
        )?
        .query_map(params![f, t, desk], |r| {
            Ok(OutcomeFact { person: r.get(0)?, kind: parse_col(r, 1)?, lasting: r.get(2)?, month: Month::of(parse_col(r, 3)?) })
        })?
        .collect::<rusqlite::Result<_>>()?;
    facts.first_outcomes = conn
        .prepare(
            "SELECT (SELECT min(p.proposed_on) FROM paths p WHERE p.person_id = o.person_id), min(o.start_on)
             FROM outcomes o JOIN people pe ON pe.id = o.person_id WHERE ?3 IS NULL OR pe.desk_id = ?3
             GROUP BY o.person_id HAVING min(o.start_on) BETWEEN ?1 AND ?2",
        )?
        .query_map(params![f, t, desk], |r| Ok((parse_opt::<Day>(r, 0)?, parse_col::<Day>(r, 1)?)))?
        .filter_map(|row| match row {
            Ok((Some(taken_in_charge), outcome)) => Some(Ok(FirstOutcome { taken_in_charge, outcome })),
            Ok((None, _)) => None,
            Err(e) => Some(Err(e)),
        })
        .collect::<rusqlite::Result<_>>()?;
    Ok(facts)
}
