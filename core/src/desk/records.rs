//! What the desk records about a person besides paths and appointments: outcomes, notes,
//! the acknowledgement of the privacy notice and the optional consents.

use rusqlite::{Connection, OptionalExtension, params};

use super::audit::{self, Change, Subject};
use super::day::Day;
use super::error::{DeskError, Result};
use super::model::{NewOutcome, Reader};
use super::rules::{self, MAX_NOTE_CHARS};
use super::store::Desk;
use super::words::{AcknowledgedBy, ConsentKind, Visibility};

impl Desk {
    /// Records an outcome; returns its number.
    pub fn add_outcome(&mut self, by: &Reader, o: &NewOutcome) -> Result<i64> {
        rules::check_outcome(o.kind, o.contract, o.planned_months)?;
        let evidence = rules::check_text("evidence", o.evidence.as_deref(), 200)?;
        let employer = rules::check_text("employer", o.employer.as_deref(), 200)?;
        let lasting = rules::is_lasting(o.kind, o.contract, o.planned_months);
        self.write(|tx| {
            person_exists(tx, o.person_id)?;
            if let Some(path) = o.path_id {
                path_of(tx, path, o.person_id)?;
            }
            tx.execute(
                "INSERT INTO outcomes (person_id, path_id, kind, contract, start_on, planned_months, lasting, employer, vacancy_id, evidence, recorded_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    o.person_id,
                    o.path_id,
                    o.kind.as_str(),
                    o.contract.map(|c| c.code()),
                    o.start_on.to_string(),
                    o.planned_months,
                    lasting,
                    employer,
                    o.vacancy_id,
                    evidence,
                    by.username
                ],
            )?;
            let id = tx.last_insert_rowid();
            let mut changes = vec![Change::set("kind", o.kind), Change::set("start_on", o.start_on)];
            changes.extend(o.contract.map(|c| Change::set("contract", c)));
            changes.extend(o.planned_months.map(|m| Change::set("planned_months", m)));
            changes.extend(employer.map(|e| Change::set("employer", e)));
            changes.extend(o.vacancy_id.as_ref().map(|v| Change::set("vacancy_id", v)));
            audit::record(tx, &Subject { actor: &by.username, action: "create", entity: "outcome", entity_id: id, person_id: Some(o.person_id) }, &changes)?;
            Ok(id)
        })
    }

    /// Writes a note on a person; returns its number. The note belongs to the author's
    /// desk (an author who is not an operator can only write notes for themselves or the
    /// network).
    pub fn add_note(&mut self, by: &Reader, person: i64, visibility: Visibility, text: &str, expires_on: Option<Day>) -> Result<i64> {
        let text = rules::check_text("text", Some(text), MAX_NOTE_CHARS)?
            .ok_or_else(|| DeskError::invalid("text", "la nota è vuota", "the note is empty"))?;
        let today = self.today();
        if let Some(e) = expires_on.filter(|e| *e <= today) {
            return Err(DeskError::invalid(
                "expires_on",
                format!("{e} non è dopo oggi ({today}): la nota scadrebbe subito"),
                format!("{e} is not after today ({today}): the note would expire at once"),
            ));
        }
        self.write(|tx| {
            person_exists(tx, person)?;
            let desk: Option<i64> =
                tx.query_row("SELECT desk_id FROM operators WHERE username = ?1", [&by.username], |r| r.get(0)).optional()?;
            if desk.is_none() && visibility == Visibility::Desk {
                return Err(DeskError::invalid(
                    "visibility",
                    format!("{:?} non è un operatore di uno sportello: la nota può essere «me» o «rete»", by.username),
                    format!("{:?} is not an operator of a desk: the note can be \"me\" or \"rete\"", by.username),
                ));
            }
            tx.execute(
                "INSERT INTO notes (person_id, author, desk_id, visibility, text, written_on, expires_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![person, by.username, desk, visibility.as_str(), text, today.to_string(), expires_on.map(|d| d.to_string())],
            )?;
            let id = tx.last_insert_rowid();
            let changes = [Change::set("visibility", visibility), Change::set("text", &text)];
            audit::record(tx, &Subject { actor: &by.username, action: "create", entity: "note", entity_id: id, person_id: Some(person) }, &changes)?;
            Ok(id)
        })
    }

    /// Records that the person (or a delegate, or a parent) acknowledged the privacy notice
    /// of `notice_version` on `on`.
    pub fn acknowledge_notice(
        &mut self,
        by: &Reader,
        person: i64,
        notice_version: &str,
        on: Day,
        who: AcknowledgedBy,
        name: Option<&str>,
    ) -> Result<()> {
        let version = rules::check_text("notice_version", Some(notice_version), 40)?
            .ok_or_else(|| DeskError::invalid("notice_version", "manca la versione dell'informativa", "the notice's version is missing"))?;
        let name = rules::check_text("by_name", name, 200)?;
        if who != AcknowledgedBy::Person && name.is_none() {
            return Err(DeskError::invalid(
                "by_name",
                format!("serve il nome di chi ha preso visione ({})", who.label(crate::lang::Lang::It)),
                format!("the name of who acknowledged is needed ({})", who.label(crate::lang::Lang::En)),
            ));
        }
        rules::not_after_today("on", on, self.today())?;
        self.write(|tx| {
            person_exists(tx, person)?;
            tx.execute(
                "INSERT INTO acknowledgements (person_id, notice_version, on_date, by_whom, by_name) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![person, version, on.to_string(), who.as_str(), name],
            )?;
            let id = tx.last_insert_rowid();
            let changes = [Change::set("notice_version", &version), Change::set("on", on), Change::set("by", who)];
            audit::record(
                tx,
                &Subject { actor: &by.username, action: "create", entity: "acknowledgement", entity_id: id, person_id: Some(person) },
                &changes,
            )
        })
    }

    /// Grants (`grant`) or withdraws a consent on `on`; a consent is not granted or
    /// withdrawn twice.
    pub fn set_consent(&mut self, by: &Reader, person: i64, kind: ConsentKind, grant: bool, on: Day) -> Result<()> {
        rules::not_after_today("on", on, self.today())?;
        self.write(|tx| {
            person_exists(tx, person)?;
            let open: Option<(i64, String)> = tx
                .query_row(
                    "SELECT id, granted_on FROM consents WHERE person_id = ?1 AND kind = ?2 AND withdrawn_on IS NULL",
                    params![person, kind.as_str()],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            rules::check_consent(kind, open.is_some(), grant)?;
            let id = match open {
                None => {
                    tx.execute(
                        "INSERT INTO consents (person_id, kind, granted_on) VALUES (?1, ?2, ?3)",
                        params![person, kind.as_str(), on.to_string()],
                    )?;
                    tx.last_insert_rowid()
                }
                Some((id, granted)) => {
                    if on.to_string() < granted {
                        return Err(DeskError::order(
                            format!("consent {}", kind.as_str()),
                            format!("la revoca ({on}) è prima del consenso ({granted})"),
                            format!("the withdrawal ({on}) is before the grant ({granted})"),
                        ));
                    }
                    tx.execute("UPDATE consents SET withdrawn_on = ?1 WHERE id = ?2", params![on.to_string(), id])?;
                    id
                }
            };
            let change = Change::set(if grant { "granted_on" } else { "withdrawn_on" }, on);
            let action = if grant { "grant" } else { "withdraw" };
            audit::record(
                tx,
                &Subject { actor: &by.username, action, entity: "consent", entity_id: id, person_id: Some(person) },
                &[change],
            )
        })
    }

    /// Whether the person's consent of `kind` is granted now.
    pub fn has_consent(&self, person: i64, kind: ConsentKind) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM consents WHERE person_id = ?1 AND kind = ?2 AND withdrawn_on IS NULL",
            params![person, kind.as_str()],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    }
}

fn person_exists(tx: &Connection, id: i64) -> Result<()> {
    let found: Option<i64> = tx.query_row("SELECT id FROM people WHERE id = ?1", [id], |r| r.get(0)).optional()?;
    found.map(|_| ()).ok_or_else(|| DeskError::not_found("person", ("la persona", "the person"), id))
}

/// Checks that `path` exists and is `person`'s.
pub(crate) fn path_of(conn: &Connection, path: i64, person: i64) -> Result<()> {
    let owner: Option<i64> = conn.query_row("SELECT person_id FROM paths WHERE id = ?1", [path], |r| r.get(0)).optional()?;
    match owner {
        None => Err(DeskError::not_found("path", ("il percorso", "the path"), path)),
        Some(o) if o != person => Err(DeskError::invalid(
            "path",
            format!("il percorso {path} è di un'altra persona ({o})"),
            format!("path {path} belongs to another person ({o})"),
        )),
        Some(_) => Ok(()),
    }
}
