//! A person's whole file as one reader may see it: what is held back from a reader
//! without access to sensitive data (the profile's `sensitive` block, protected path kinds
//! and targets) is left out and counted, and notes follow their visibility and expiry.
//! Opening a file ([`Desk::person_file`]) is recorded in the audit log.

use rusqlite::{Connection, OptionalExtension};

use super::appointments::appointments_where;
use super::audit::{self, Subject};
use super::day::Day;
use super::error::Result;
use super::model::{Acknowledgement, Consent, Note, Outcome, PersonFile, Reader};
use super::paths::paths_where;
use super::people::{person, stored_profile};
use super::sql::{parse_col, parse_opt};
use super::store::Desk;
use super::words::Visibility;
use crate::model::Sensitive;

impl Desk {
    /// Everything held about a person that `by` may see; the opening is audited.
    pub fn person_file(&mut self, by: &Reader, id: i64) -> Result<PersonFile> {
        let today = self.today();
        self.write(|tx| {
            let file = read(tx, by, id, today)?;
            audit::record(tx, &Subject { actor: &by.username, action: "open", entity: "person", entity_id: id, person_id: Some(id) }, &[])?;
            Ok(file)
        })
    }
}

/// Reads person `id`'s file for `reader` (no audit entry: the caller writes it).
pub(crate) fn read(conn: &Connection, reader: &Reader, id: i64, today: Day) -> Result<PersonFile> {
    let person = person(conn, id)?;
    let text: String = conn.query_row("SELECT profile FROM people WHERE id = ?1", [id], |r| r.get(0))?;
    let mut profile = stored_profile(id, &text)?;
    let mut withheld = 0;
    let mut paths = paths_where(conn, "p.person_id = ?1", id)?;
    if !reader.sensitive {
        if profile.sensitive != Sensitive::default() {
            profile.sensitive = Sensitive::default();
            withheld += 1;
        }
        let before = paths.len();
        paths.retain(|p| !p.kind.is_protected());
        withheld += (before - paths.len()) as u32;
        for p in &mut paths {
            let n = p.targets.len();
            p.targets.retain(|t| !t.is_protected());
            withheld += (n - p.targets.len()) as u32;
        }
    }
    Ok(PersonFile {
        person,
        profile,
        paths,
        appointments: appointments_where(conn, "a.person_id = ?1", id)?,
        outcomes: outcomes(conn, id)?,
        notes: notes(conn, reader, id, today)?,
        consents: consents(conn, id)?,
        acknowledgements: acknowledgements(conn, id)?,
        withheld,
    })
}

fn outcomes(conn: &Connection, person: i64) -> Result<Vec<Outcome>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, person_id, path_id, kind, contract, start_on, planned_months, lasting, employer, vacancy_id, evidence, recorded_by
         FROM outcomes WHERE person_id = ?1 ORDER BY start_on DESC, id DESC",
    )?;
    let rows = stmt.query_map([person], |r| {
        Ok(Outcome {
            id: r.get(0)?,
            person_id: r.get(1)?,
            path_id: r.get(2)?,
            kind: parse_col(r, 3)?,
            contract: parse_opt(r, 4)?,
            start_on: parse_col(r, 5)?,
            planned_months: r.get(6)?,
            lasting: r.get(7)?,
            employer: r.get(8)?,
            vacancy_id: r.get(9)?,
            evidence: r.get(10)?,
            recorded_by: r.get(11)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The notes `reader` may read: their own, their desk's, the network's; none expired.
fn notes(conn: &Connection, reader: &Reader, person: i64, today: Day) -> Result<Vec<Note>> {
    let desk: Option<i64> =
        conn.query_row("SELECT desk_id FROM operators WHERE username = ?1", [&reader.username], |r| r.get(0)).optional()?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, person_id, author, visibility, text, written_on, expires_on, desk_id FROM notes WHERE person_id = ?1
         AND (expires_on IS NULL OR expires_on >= ?2) ORDER BY written_on DESC, id DESC",
    )?;
    let rows = stmt.query_map(rusqlite::params![person, today.to_string()], |r| {
        let note = Note {
            id: r.get(0)?,
            person_id: r.get(1)?,
            author: r.get(2)?,
            visibility: parse_col(r, 3)?,
            text: r.get(4)?,
            written_on: parse_col(r, 5)?,
            expires_on: parse_opt(r, 6)?,
        };
        let note_desk: Option<i64> = r.get(7)?;
        Ok((note, note_desk))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (note, note_desk) = row?;
        let visible = match note.visibility {
            Visibility::Me => note.author == reader.username,
            Visibility::Desk => note.author == reader.username || (desk.is_some() && note_desk == desk),
            Visibility::Network => true,
        };
        if visible {
            out.push(note);
        }
    }
    Ok(out)
}

fn consents(conn: &Connection, person: i64) -> Result<Vec<Consent>> {
    let mut stmt =
        conn.prepare_cached("SELECT kind, granted_on, withdrawn_on FROM consents WHERE person_id = ?1 ORDER BY granted_on, id")?;
    let rows =
        stmt.query_map([person], |r| Ok(Consent { kind: parse_col(r, 0)?, granted_on: parse_col(r, 1)?, withdrawn_on: parse_opt(r, 2)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn acknowledgements(conn: &Connection, person: i64) -> Result<Vec<Acknowledgement>> {
    let mut stmt = conn.prepare_cached(
        "SELECT notice_version, on_date, by_whom, by_name FROM acknowledgements WHERE person_id = ?1 ORDER BY on_date, id",
    )?;
    let rows = stmt.query_map([person], |r| {
        Ok(Acknowledgement { notice_version: r.get(0)?, on: parse_col(r, 1)?, by: parse_col(r, 2)?, by_name: r.get(3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
