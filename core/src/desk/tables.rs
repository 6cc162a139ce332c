//! The caseload as columns, for analysts (Python's DataFrames) and reports: one table per
//! kind of record, every value typed, nothing special-category unless the reader may see
//! it (a protected path kind or target reads as withheld, the profile never comes along).

use rusqlite::types::ValueRef;
use serde::Serialize;

use super::error::{DeskError, Result};
use super::model::Reader;
use super::store::Desk;
use super::words::{PathKind, Target};

/// The tables on offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableName {
    /// People (no profile, no contacts beyond the comune).
    People,
    /// Paths.
    Paths,
    /// Path events.
    Events,
    /// Appointments.
    Appointments,
    /// Outcomes.
    Outcomes,
}

wire_names!(TableName, "a caseload table", { People => "people", Paths => "paths", Events => "events", Appointments => "appointments", Outcomes => "outcomes" });

/// A column's values (missing values are `None`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Values {
    /// Whole numbers.
    Int(Vec<Option<i64>>),
    /// Text (dates are `YYYY-MM-DD` text).
    Text(Vec<Option<String>>),
    /// Yes/no.
    Bool(Vec<Option<bool>>),
}

impl Values {
    /// `int`, `text` or `bool`.
    pub fn kind(&self) -> &'static str {
        match self {
            Values::Int(_) => "int",
            Values::Text(_) => "text",
            Values::Bool(_) => "bool",
        }
    }
}

/// A named column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    /// Its name.
    pub name: &'static str,
    /// Its values, one per row.
    pub values: Values,
}

/// The kind of a column.
#[derive(Clone, Copy)]
enum Kind {
    Int,
    Text,
    Bool,
}

/// What the reader may not see: a protected path kind is withheld, a protected target is
/// dropped.
const WITHHELD: &str = "riservato";

impl Desk {
    /// A whole table as columns.
    pub fn table(&self, reader: &Reader, name: TableName) -> Result<Vec<Column>> {
        use Kind::{Bool, Int, Text};
        let (sql, columns): (&str, &[(&'static str, Kind)]) = match name {
            TableName::People => (
                "SELECT p.id, d.code, o.username, p.comune, p.arrival, p.arrival_date, p.created_on
                 FROM people p JOIN desks d ON d.id = p.desk_id LEFT JOIN operators o ON o.id = p.case_manager_id ORDER BY p.id",
                &[("person_id", Int), ("desk", Text), ("case_manager", Text), ("comune", Text), ("arrival", Text), ("arrival_date", Text), ("created_on", Text)],
            ),
            TableName::Paths => (
                "SELECT pa.id, pa.person_id, pa.kind, pa.state, d.code, o.username, pa.gol_funded, pa.proposed_on, pa.started_on, pa.ended_on,
                 (SELECT group_concat(target, ',') FROM path_targets t WHERE t.path_id = pa.id)
                 FROM paths pa JOIN desks d ON d.id = pa.desk_id LEFT JOIN operators o ON o.id = pa.case_manager_id ORDER BY pa.id",
                &[
                    ("path_id", Int),
                    ("person_id", Int),
                    ("kind", Text),
                    ("state", Text),
                    ("desk", Text),
                    ("case_manager", Text),
                    ("gol_funded", Bool),
                    ("proposed_on", Text),
                    ("started_on", Text),
                    ("ended_on", Text),
                    ("targets", Text),
                ],
            ),
            TableName::Events => (
                "SELECT e.path_id, pa.person_id, e.kind, e.on_date, e.recorded_by FROM path_events e JOIN paths pa ON pa.id = e.path_id ORDER BY e.id",
                &[("path_id", Int), ("person_id", Int), ("event", Text), ("on", Text), ("recorded_by", Text)],
            ),
            TableName::Appointments => (
                "SELECT a.id, a.person_id, a.path_id, a.service, a.channel, a.state, a.on_date, a.at_time, a.expected_minutes, a.actual_minutes,
                 o.username, a.moved_to, a.vacancy_id FROM appointments a LEFT JOIN operators o ON o.id = a.operator_id ORDER BY a.id",
                &[
                    ("appointment_id", Int),
                    ("person_id", Int),
                    ("path_id", Int),
                    ("service", Text),
                    ("channel", Text),
                    ("state", Text),
                    ("on", Text),
                    ("at", Text),
                    ("expected_minutes", Int),
                    ("actual_minutes", Int),
                    ("operator", Text),
                    ("moved_to", Int),
                    ("vacancy_id", Text),
                ],
            ),
            TableName::Outcomes => (
                "SELECT id, person_id, path_id, kind, contract, start_on, planned_months, lasting, employer, vacancy_id FROM outcomes ORDER BY id",
                &[
                    ("outcome_id", Int),
                    ("person_id", Int),
                    ("path_id", Int),
                    ("kind", Text),
                    ("contract", Text),
                    ("start_on", Text),
                    ("planned_months", Int),
                    ("lasting", Bool),
                    ("employer", Text),
                    ("vacancy_id", Text),
                ],
            ),
        };
        let mut out: Vec<Column> = columns
            .iter()
            .map(|&(name, kind)| Column {
                name,
                values: match kind {
                    Int => Values::Int(Vec::new()),
                    Text => Values::Text(Vec::new()),
                    Bool => Values::Bool(Vec::new()),
                },
            })
            .collect();
        let mut stmt = self.conn.prepare(sql)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            for (i, col) in out.iter_mut().enumerate() {
                let v = r.get_ref(i)?;
                match &mut col.values {
                    Values::Int(xs) => xs.push(v.as_i64_or_null().map_err(|e| DeskError::from(rusqlite::Error::from(e)))?),
                    Values::Bool(xs) => xs.push(v.as_i64_or_null().map_err(|e| DeskError::from(rusqlite::Error::from(e)))?.map(|b| b != 0)),
                    Values::Text(xs) => xs.push(text(v)),
                }
            }
        }
        if !reader.sensitive && name == TableName::Paths {
            withhold(&mut out);
        }
        Ok(out)
    }
}

fn text(v: ValueRef<'_>) -> Option<String> {
    match v {
        ValueRef::Null => None,
        ValueRef::Text(t) | ValueRef::Blob(t) => Some(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Integer(i) => Some(i.to_string()),
        ValueRef::Real(f) => Some(f.to_string()),
    }
}

/// Withholds protected path kinds and targets of the paths table in place.
fn withhold(columns: &mut [Column]) {
    for col in columns {
        let Values::Text(values) = &mut col.values else { continue };
        match col.name {
            "kind" => {
                for v in values.iter_mut() {
                    if v.as_deref().and_then(|k| k.parse::<PathKind>().ok()).is_some_and(PathKind::is_protected) {
                        *v = Some(WITHHELD.to_owned());
                    }
                }
            }
            "targets" => {
                for v in values.iter_mut().flatten() {
                    *v = v.split(',').filter(|t| !t.parse::<Target>().is_ok_and(Target::is_protected)).collect::<Vec<_>>().join(",");
                }
            }
            _ => {}
        }
    }
}
