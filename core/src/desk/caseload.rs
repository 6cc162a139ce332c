//! The caseload as lists: paths with their people, and people, filtered and paged; and
//! operator hours from the actual durations of held appointments.
//!
//! Lists never show a protected path kind or target (they tell a disability) to a reader
//! without access to sensitive data: the row is there, its kind reads as withheld, and
//! filtering on a protected value is refused.

use rusqlite::types::Value as Sql;
use serde::Serialize;

use super::day::Day;
use super::error::{DeskError, DeskErrorKind, Result};
use super::model::Reader;
use super::people::{PERSON_COLUMNS, PERSON_JOINS, person_from_row};
use super::sql::parse_col;
use super::store::Desk;
use super::words::{PathKind, PathState, Target};
use crate::fold::fold;

/// The most rows one page holds.
pub const MAX_PAGE: u32 = 500;

/// Which paths or people to list. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Desk code.
    pub desk: Option<String>,
    /// Case manager's username.
    pub case_manager: Option<String>,
    /// Kind of path (paths only).
    pub kind: Option<PathKind>,
    /// State of the path (paths only).
    pub state: Option<PathState>,
    /// Target group (paths only).
    pub target: Option<Target>,
    /// Part of the name, any case and accents.
    pub name: Option<String>,
    /// Only open paths whose last event is on or before this day (paths that need an
    /// event; paths only).
    pub quiet_since: Option<Day>,
    /// Rows to skip.
    pub offset: u32,
    /// Rows to return (at most [`MAX_PAGE`]).
    pub limit: u32,
}

/// One page of a list and how many rows match in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page<T> {
    /// The rows.
    pub rows: Vec<T>,
    /// Rows matching the filter, in all pages.
    pub total: u64,
}

/// A path in the caseload with its person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseRow {
    /// The path.
    pub path_id: i64,
    /// The person.
    pub person_id: i64,
    /// Given name.
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// Desk code.
    pub desk: String,
    /// Case manager.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_manager: Option<String>,
    /// Kind (none: withheld from this reader).
    pub kind: Option<PathKind>,
    /// State.
    pub state: PathState,
    /// Proposed on.
    pub proposed_on: Day,
    /// Last event.
    pub last_event_on: Day,
    /// Target groups this reader may see.
    pub targets: Vec<Target>,
}

impl Desk {
    /// A page of the caseload's paths, most recently active first.
    pub fn caseload(&self, reader: &Reader, f: &Filter) -> Result<Page<CaseRow>> {
        check_page(f)?;
        if !reader.sensitive && (f.kind.is_some_and(PathKind::is_protected) || f.target.is_some_and(Target::is_protected)) {
            return Err(DeskError::new(
                DeskErrorKind::Forbidden,
                "filter",
                "filtrare per collocamento mirato o L.68/99 richiede l'accesso ai dati sensibili",
                "filtering by targeted placement or Law 68/99 needs access to sensitive data",
            ));
        }
        // Conditions on the paths table alone (desk, manager, name, target through
        // subqueries on their indexes), so that counting needs no join and a page is read in
        // the order of an index.
        let (mut conditions, mut params) = (Vec::new(), Vec::new());
        if let Some(d) = &f.desk {
            conditions.push("pa.desk_id = (SELECT id FROM desks WHERE code = ?)".to_owned());
            params.push(Sql::Text(d.clone()));
        }
        if let Some(k) = f.kind {
            conditions.push("pa.kind = ?".into());
            params.push(Sql::Text(k.as_str().into()));
        }
        if let Some(s) = f.state {
            conditions.push("pa.state = ?".into());
            params.push(Sql::Text(s.as_str().into()));
        }
        if let Some(o) = &f.case_manager {
            conditions.push("pa.case_manager_id = (SELECT id FROM operators WHERE username = ?)".to_owned());
            params.push(Sql::Text(o.clone()));
        }
        if let Some(t) = f.target {
            conditions.push("pa.id IN (SELECT path_id FROM path_targets WHERE target = ?)".into());
            params.push(Sql::Text(t.as_str().into()));
        }
        if let Some(day) = f.quiet_since {
            let open: Vec<String> = PathState::ALL.iter().filter(|s| !s.is_closed()).map(|s| format!("'{}'", s.as_str())).collect();
            conditions.push(format!("pa.state IN ({}) AND pa.last_event_on <= ?", open.join(", ")));
            params.push(Sql::Text(day.to_string()));
        }
        if let Some(pattern) = name_pattern(f) {
            conditions.push("pa.person_id IN (SELECT id FROM people WHERE search_name LIKE ? ESCAPE '\\')".to_owned());
            params.push(Sql::Text(pattern));
        }
        let from = "paths pa JOIN people p ON p.id = pa.person_id JOIN desks d ON d.id = pa.desk_id LEFT JOIN operators o ON o.id = pa.case_manager_id";
        let condition = where_clause(&conditions);
        // Counting a name search is quicker from the people found (through their paths)
        // than through the whole desk's paths: `+` keeps SQLite off the desk's index there.
        // The page itself reads the desk's paths in order and stops after its rows.
        let count_condition =
            if name_pattern(f).is_some() { condition.replace("pa.desk_id =", "+pa.desk_id =") } else { condition.clone() };
        let total: i64 =
            self.conn.query_row(&format!("SELECT count(*) FROM paths pa {count_condition}"), rusqlite::params_from_iter(&params), |r| {
                r.get(0)
            })?;
        params.extend([Sql::Integer(i64::from(f.limit)), Sql::Integer(i64::from(f.offset))]);
        let mut stmt = self.conn.prepare(&format!(
            "SELECT pa.id, p.id, p.given_name, p.family_name, d.code, o.username, pa.kind, pa.state, pa.proposed_on, pa.last_event_on,
             (SELECT group_concat(target, ',') FROM path_targets t WHERE t.path_id = pa.id)
             FROM {from} {condition} ORDER BY pa.last_event_on DESC, pa.id DESC LIMIT ? OFFSET ?"
        ))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(&params), |r| {
            let kind: PathKind = parse_col(r, 6)?;
            let targets: Option<String> = r.get(10)?;
            let targets = targets
                .unwrap_or_default()
                .split(',')
                .filter_map(|t| t.parse::<Target>().ok())
                .filter(|t| reader.sensitive || !t.is_protected())
                .collect();
            Ok(CaseRow {
                path_id: r.get(0)?,
                person_id: r.get(1)?,
                given_name: r.get(2)?,
                family_name: r.get(3)?,
                desk: r.get(4)?,
                case_manager: r.get(5)?,
                kind: (reader.sensitive || !kind.is_protected()).then_some(kind),
                state: parse_col(r, 7)?,
                proposed_on: parse_col(r, 8)?,
                last_event_on: parse_col(r, 9)?,
                targets,
            })
        })?;
        Ok(Page { rows: rows.collect::<rusqlite::Result<_>>()?, total: u64::try_from(total).unwrap_or(0) })
    }

    /// A page of people, by family and given name.
    pub fn people(&self, f: &Filter) -> Result<Page<super::model::Person>> {
        check_page(f)?;
        if f.kind.is_some() || f.state.is_some() || f.target.is_some() {
            return Err(DeskError::invalid(
                "filter",
                "le persone si filtrano per sportello, operatore e nome (i percorsi anche per tipo, stato e target)",
                "people are filtered by desk, case manager and name (paths also by kind, state and target)",
            ));
        }
        let (conditions, mut params) = people_conditions(f);
        let condition = where_clause(&conditions);
        let total: i64 =
            self.conn.query_row(&format!("SELECT count(*) FROM {PERSON_JOINS} {condition}"), rusqlite::params_from_iter(&params), |r| {
                r.get(0)
            })?;
        params.extend([Sql::Integer(i64::from(f.limit)), Sql::Integer(i64::from(f.offset))]);
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {PERSON_COLUMNS} FROM {PERSON_JOINS} {condition} ORDER BY p.family_name, p.given_name, p.id LIMIT ? OFFSET ?"
        ))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(&params), person_from_row)?;
        Ok(Page { rows: rows.collect::<rusqlite::Result<_>>()?, total: u64::try_from(total).unwrap_or(0) })
    }
}

/// The conditions of a list of people: desk, case manager and name.
fn people_conditions(f: &Filter) -> (Vec<String>, Vec<Sql>) {
    let (mut c, mut p) = (Vec::new(), Vec::new());
    if let Some(d) = &f.desk {
        c.push("d.code = ?".to_owned());
        p.push(Sql::Text(d.clone()));
    }
    if let Some(o) = &f.case_manager {
        c.push("o.username = ?".to_owned());
        p.push(Sql::Text(o.clone()));
    }
    if let Some(pattern) = name_pattern(f) {
        c.push("p.search_name LIKE ? ESCAPE '\\'".to_owned());
        p.push(Sql::Text(pattern));
    }
    (c, p)
}

/// The `LIKE` pattern of a name filter: folded, its wildcards escaped.
fn name_pattern(f: &Filter) -> Option<String> {
    let n = f.name.as_deref().map(fold).filter(|n| !n.is_empty())?;
    let escaped = n.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    Some(format!("%{escaped}%"))
}

fn where_clause(conditions: &[String]) -> String {
    if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) }
}

fn check_page(f: &Filter) -> Result<()> {
    if f.limit == 0 || f.limit > MAX_PAGE {
        return Err(DeskError::invalid(
            "limit",
            format!("{} righe per pagina fuori dai limiti (da 1 a {MAX_PAGE})", f.limit),
            format!("{} rows per page is out of range (expected 1 to {MAX_PAGE})", f.limit),
        ));
    }
    Ok(())
}

/// Operator hours of one operator and service: held appointments and their actual minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hours {
    /// The operator (none: appointments with no operator).
    pub operator: Option<String>,
    /// The service.
    pub service: super::words::Service,
    /// Appointments held.
    pub held: u64,
    /// Their actual minutes, summed.
    pub minutes: u64,
}

impl Desk {
    /// Operator hours from the actual durations of held appointments between `from` and
    /// `to` (both included), by operator and service.
    pub fn hours(&self, from: Day, to: Day) -> Result<Vec<Hours>> {
        let mut stmt = self.conn.prepare(
            "SELECT o.username, a.service, count(*), sum(a.actual_minutes) FROM appointments a LEFT JOIN operators o ON o.id = a.operator_id
             WHERE a.state = 'erogato' AND a.on_date BETWEEN ?1 AND ?2 GROUP BY o.username, a.service ORDER BY o.username, a.service",
        )?;
        let rows = stmt.query_map(rusqlite::params![from.to_string(), to.to_string()], |r| {
            Ok(Hours { operator: r.get(0)?, service: parse_col(r, 1)?, held: r.get(2)?, minutes: r.get::<_, Option<u64>>(3)?.unwrap_or(0) })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
