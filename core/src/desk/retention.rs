//! How long the desk keeps a person: a set number of years after their last path closed
//! (default [`DEFAULT_RETENTION_YEARS`], the Region's figure), then their data is deleted
//! or pseudonymised. The audit log is kept (it must outlive the data it speaks of); what it
//! says of a deleted person stays there under their number.

use rusqlite::params;
use serde::Serialize;

use super::audit::{self, Change, Subject};
use super::day::Day;
use super::error::{DeskError, Result};
use super::model::Reader;
use super::store::Desk;
use crate::redact::{RedactOptions, pseudonym, redact};

/// Years kept after the last path closed unless the setting `retention_years` says
/// otherwise.
pub const DEFAULT_RETENTION_YEARS: u32 = 10;

/// A person whose retention period is over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Due {
    /// Their number.
    pub person_id: i64,
    /// The last day anything happened: their last path's close, or when they were taken
    /// in if they had no path.
    pub last_activity: Day,
    /// The day their data became due for deletion.
    pub due_on: Day,
}

/// What to do with a person whose period is over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Disposal {
    /// Delete them and everything about them (the audit log stays).
    Delete,
    /// Keep the caseload for statistics, with the profile redacted ([`crate::redact`]),
    /// names replaced by the pseudonym, the codice fiscale and the notes removed.
    Pseudonymise {
        /// The secret key of the pseudonyms (at least 16 bytes).
        key: Vec<u8>,
    },
}

impl Desk {
    /// The retention period in years (the setting `retention_years`, else the default).
    pub fn retention_years(&self) -> Result<u32> {
        match self.setting("retention_years")? {
            None => Ok(DEFAULT_RETENTION_YEARS),
            Some(v) => v.parse().map_err(|_| {
                DeskError::invalid("retention_years", format!("{v:?} non è un numero di anni"), format!("{v:?} is not a number of years"))
            }),
        }
    }

    /// People with no open path and no appointment to come whose last activity is more
    /// than the retention period before today; oldest first. Pseudonymised people are not
    /// listed again.
    pub fn retention_due(&self) -> Result<Vec<Due>> {
        let years = i64::from(self.retention_years()?);
        let today = self.today();
        let mut stmt = self.conn.prepare(
            "SELECT p.id, coalesce((SELECT max(ended_on) FROM paths WHERE person_id = p.id), p.created_on)
             FROM people p
             WHERE NOT EXISTS (SELECT 1 FROM paths WHERE person_id = p.id AND ended_on IS NULL)
               AND NOT EXISTS (SELECT 1 FROM appointments WHERE person_id = p.id AND state = 'da_erogare' AND on_date >= ?1)
               AND p.search_name <> ''
             ORDER BY 2, p.id",
        )?;
        let rows = stmt.query_map([today.to_string()], |r| Ok((r.get::<_, i64>(0)?, super::sql::parse_col::<Day>(r, 1)?)))?;
        let mut due = Vec::new();
        for row in rows {
            let (person_id, last) = row?;
            let (y, m, d) = last.parts();
            let due_on = years_later(y, m, d, years);
            if due_on <= today {
                due.push(Due { person_id, last_activity: last, due_on });
            }
        }
        Ok(due)
    }

    /// Deletes or pseudonymises every person [`Desk::retention_due`] lists, in one
    /// transaction; returns them.
    pub fn apply_retention(&mut self, by: &Reader, how: &Disposal) -> Result<Vec<Due>> {
        if let Disposal::Pseudonymise { key } = how
            && key.len() < crate::redact::MIN_KEY_BYTES
        {
            return Err(DeskError::invalid(
                "key",
                format!("la chiave ha {} byte (almeno {})", key.len(), crate::redact::MIN_KEY_BYTES),
                format!("the key has {} bytes (expected at least {})", key.len(), crate::redact::MIN_KEY_BYTES),
            ));
        }
        let due = self.retention_due()?;
        self.batch(|desk| {
            for d in &due {
                desk.dispose(by, d.person_id, how)?;
            }
            Ok(())
        })?;
        Ok(due)
    }

    fn dispose(&mut self, by: &Reader, id: i64, how: &Disposal) -> Result<()> {
        let this_year = self.today().parts().0;
        self.write(|tx| {
            let subject = |action| Subject { actor: &by.username, action, entity: "person", entity_id: id, person_id: Some(id) };
            match how {
                Disposal::Delete => {
                    tx.execute("DELETE FROM people WHERE id = ?1", [id])?;
                    audit::record(tx, &subject("delete"), &[Change { field: "retention".into(), old: None, new: Some("deleted".into()) }])
                }
                Disposal::Pseudonymise { key } => {
                    let text: String = tx.query_row("SELECT profile FROM people WHERE id = ?1", [id], |r| r.get(0))?;
                    let profile = super::people::stored_profile(id, &text)?;
                    let name = pseudonym(&profile, key);
                    let redacted = redact(&profile, &RedactOptions { key: key.clone(), keep_birth_year: true })
                        .map_err(|e| DeskError::invalid("key", e.to_string(), e.to_string()))?;
                    let json = serde_json::to_string(&redacted).map_err(|e| DeskError::invalid("profile", e.to_string(), e.to_string()))?;
                    tx.execute(
                        "UPDATE people SET given_name = ?1, family_name = '', search_name = '', codice_fiscale = NULL, profile = ?2,
                         version = version + 1 WHERE id = ?3",
                        params![name, json, id],
                    )?;
                    super::demographics::refresh(tx, id, this_year)?;
                    tx.execute("DELETE FROM notes WHERE person_id = ?1", [id])?;
                    audit::record(tx, &subject("pseudonymise"), &[Change { field: "retention".into(), old: None, new: Some(name) }])
                }
            }
        })
    }
}

/// The same day `years` later (29 February becomes 28 February in a common year).
fn years_later(y: u16, m: u8, d: u8, years: i64) -> Day {
    let year = i64::from(y) + years;
    let year = u16::try_from(year.clamp(1900, 2200)).unwrap_or(2200);
    let parse = |d: u8| format!("{year:04}-{m:02}-{d:02}").parse::<Day>().ok();
    parse(d).or_else(|| parse(d - 1)).unwrap_or_else(|| format!("{year:04}-12-31").parse().expect("a date"))
}
