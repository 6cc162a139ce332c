//! Paths (percorsi): opening one, recording its events in order, reading them back.

use rusqlite::{Connection, OptionalExtension, params};

use super::audit::{self, Change, Subject};
use super::day::Day;
use super::error::{DeskError, Result};
use super::model::{NewPath, Path, PathEvent, Reader};
use super::rules::{self, MAX_NOTE_CHARS};
use super::sql::{parse_col, parse_opt};
use super::store::{Desk, check_version, operator_id};
use super::words::{PathEventKind, PathState, Target};

impl Desk {
    /// Opens a path for a person (state `proposto`, with its proposal event); returns its
    /// number.
    pub fn open_path(&mut self, by: &Reader, p: &NewPath) -> Result<i64> {
        let today = self.today();
        let note = rules::check_text("note", p.note.as_deref(), MAX_NOTE_CHARS)?;
        rules::not_after_today("proposed_on", p.proposed_on, today)?;
        self.write(|tx| {
            let (desk, person_manager): (i64, Option<i64>) = tx
                .query_row("SELECT desk_id, case_manager_id FROM people WHERE id = ?1", [p.person_id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?
                .ok_or_else(|| DeskError::not_found("person", ("la persona", "the person"), p.person_id))?;
            let manager = match &p.case_manager {
                Some(u) => Some(operator_id(tx, u)?),
                None => person_manager,
            };
            let on = p.proposed_on.to_string();
            tx.execute(
                "INSERT INTO paths (person_id, kind, state, desk_id, case_manager_id, gol_funded, proposed_on, last_event_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
                params![p.person_id, p.kind.as_str(), PathState::Proposed.as_str(), desk, manager, p.gol_funded, on],
            )?;
            let id = tx.last_insert_rowid();
            let mut targets = p.targets.clone();
            targets.sort();
            targets.dedup();
            for t in &targets {
                tx.execute("INSERT INTO path_targets (path_id, target) VALUES (?1, ?2)", params![id, t.as_str()])?;
            }
            tx.execute(
                "INSERT INTO path_events (path_id, kind, on_date, note, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, PathEventKind::Proposed.as_str(), on, note, by.username],
            )?;
            let mut changes = vec![Change::set("kind", p.kind), Change::set("proposed_on", &on), Change::set("gol_funded", p.gol_funded)];
            if !targets.is_empty() {
                changes.push(Change::set("targets", targets.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(",")));
            }
            audit::record(
                tx,
                &Subject { actor: &by.username, action: "create", entity: "path", entity_id: id, person_id: Some(p.person_id) },
                &changes,
            )?;
            Ok(id)
        })
    }

    /// Records an event of a path, in order; returns the path's new state.
    pub fn record_event(
        &mut self,
        by: &Reader,
        path: i64,
        event: PathEventKind,
        on: Day,
        note: Option<&str>,
        expected_version: Option<i64>,
    ) -> Result<PathState> {
        let today = self.today();
        let note = rules::check_text("note", note, MAX_NOTE_CHARS)?;
        self.write(|tx| {
            let (person, version, state, last): (i64, i64, PathState, Day) = tx
                .query_row("SELECT person_id, version, state, last_event_on FROM paths WHERE id = ?1", [path], |r| {
                    Ok((r.get(0)?, r.get(1)?, parse_col(r, 2)?, parse_col(r, 3)?))
                })
                .optional()?
                .ok_or_else(|| DeskError::not_found("path", ("il percorso", "the path"), path))?;
            check_version("path", path, version, expected_version)?;
            let next = rules::next_state(path, state, event)?;
            rules::check_event_date(path, last, on, today)?;
            let on_text = on.to_string();
            let started = (event == PathEventKind::Started).then_some(&on_text);
            let ended = next.is_closed().then_some(&on_text);
            tx.execute(
                "UPDATE paths SET state = ?1, last_event_on = ?2, started_on = COALESCE(?3, started_on), ended_on = COALESCE(?4, ended_on),
                 version = version + 1 WHERE id = ?5",
                params![next.as_str(), on_text, started, ended, path],
            )?;
            tx.execute(
                "INSERT INTO path_events (path_id, kind, on_date, note, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![path, event.as_str(), on_text, note, by.username],
            )?;
            let changes = [Change::from_to("state", state, next), Change::set("event", format!("{event} {on_text}"))];
            audit::record(
                tx,
                &Subject { actor: &by.username, action: "event", entity: "path", entity_id: path, person_id: Some(person) },
                &changes,
            )?;
            Ok(next)
        })
    }

    /// A path with its events.
    pub fn path(&self, id: i64) -> Result<Path> {
        paths_where(&self.conn, "p.id = ?1", id)?.pop().ok_or_else(|| DeskError::not_found("path", ("il percorso", "the path"), id))
    }
}

/// The paths matching `condition` (on `paths p`, one `?1` parameter), newest first, with
/// their targets and events.
pub(crate) fn paths_where(conn: &Connection, condition: &str, param: i64) -> Result<Vec<Path>> {
    let sql = format!(
        "SELECT p.id, p.version, p.person_id, p.kind, p.state, d.code, o.username, p.gol_funded, p.proposed_on, p.started_on, p.ended_on
         FROM paths p JOIN desks d ON d.id = p.desk_id LEFT JOIN operators o ON o.id = p.case_manager_id
         WHERE {condition} ORDER BY p.proposed_on DESC, p.id DESC"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut paths = stmt
        .query_map([param], |r| {
            Ok(Path {
                id: r.get(0)?,
                version: r.get(1)?,
                person_id: r.get(2)?,
                kind: parse_col(r, 3)?,
                state: parse_col(r, 4)?,
                desk: r.get(5)?,
                case_manager: r.get(6)?,
                gol_funded: r.get(7)?,
                proposed_on: parse_col(r, 8)?,
                started_on: parse_opt(r, 9)?,
                ended_on: parse_opt(r, 10)?,
                targets: Vec::new(),
                events: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut targets = conn.prepare_cached("SELECT target FROM path_targets WHERE path_id = ?1 ORDER BY target")?;
    let mut events = conn.prepare_cached("SELECT kind, on_date, note, recorded_by FROM path_events WHERE path_id = ?1 ORDER BY id")?;
    for p in &mut paths {
        p.targets = targets.query_map([p.id], |r| parse_col::<Target>(r, 0))?.collect::<rusqlite::Result<_>>()?;
        p.events = events
            .query_map([p.id], |r| Ok(PathEvent { kind: parse_col(r, 0)?, on: parse_col(r, 1)?, note: r.get(2)?, recorded_by: r.get(3)? }))?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(paths)
}
