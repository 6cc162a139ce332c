//! A person shared with an account of another desk: an operator who follows someone with a
//! colleague elsewhere in the network shares the file with that colleague's account, who
//! then opens and changes it as their own (a read-only account still only reads). Only an
//! account of the person's own desk (or a coordinator) shares or stops sharing; both are
//! audited.

use rusqlite::{Connection, OptionalExtension, params};

use super::accounts::Account;
use super::audit::{self, Change, Subject};
use super::error::{DeskError, Result};
use super::model::Person;
use super::people::{PERSON_COLUMNS, PERSON_JOINS, person, person_from_row};
use super::store::Desk;

impl Desk {
    /// Shares person `id` with the account `with` (of another desk).
    pub fn share(&mut self, by: &Account, id: i64, with: &str) -> Result<()> {
        let today = self.today();
        self.write(|tx| {
            let desk = person(tx, id)?.desk;
            by.check_change(&desk)?;
            let target = account_desk(tx, with)?;
            if target.as_ref().is_none_or(|d| *d == desk) {
                return Err(DeskError::invalid(
                    "account",
                    format!("l'account {with:?} vede già le persone dello sportello {desk:?}"),
                    format!("the account {with:?} already sees the people of the desk {desk:?}"),
                ));
            }
            let added = tx.execute(
                "INSERT INTO shares (person_id, account, shared_by, shared_on) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                params![id, with, by.username, today.to_string()],
            )?;
            if added == 0 {
                return Ok(());
            }
            let subject = Subject { actor: &by.username, action: "share", entity: "person", entity_id: id, person_id: Some(id) };
            audit::record(tx, &subject, &[Change::set("shared_with", with)])
        })
    }

    /// Stops sharing person `id` with the account `with`.
    pub fn unshare(&mut self, by: &Account, id: i64, with: &str) -> Result<()> {
        self.write(|tx| {
            by.check_change(&person(tx, id)?.desk)?;
            if tx.execute("DELETE FROM shares WHERE person_id = ?1 AND account = ?2", params![id, with])? == 0 {
                return Err(DeskError::not_found("account", ("la condivisione con", "the share with"), with));
            }
            let subject = Subject { actor: &by.username, action: "unshare", entity: "person", entity_id: id, person_id: Some(id) };
            audit::record(tx, &subject, &[Change { field: "shared_with".into(), old: Some(with.into()), new: None }])
        })
    }

    /// The accounts person `id` is shared with, by name.
    pub fn shared_with(&self, id: i64) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached("SELECT account FROM shares WHERE person_id = ?1 ORDER BY account")?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The people shared with account `username`, by name.
    pub fn shared_people(&self, username: &str) -> Result<Vec<Person>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PERSON_COLUMNS} FROM {PERSON_JOINS} WHERE p.id IN (SELECT person_id FROM shares WHERE account = ?1)
             ORDER BY p.family_name, p.given_name, p.id"
        ))?;
        let rows = stmt.query_map([username], person_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Whether person `id` is shared with account `username`.
pub(crate) fn is_shared(conn: &Connection, id: i64, username: &str) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM shares WHERE person_id = ?1 AND account = ?2", params![id, username], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The desk of account `username` (none for a coordinator without one); an unknown account
/// is an error.
fn account_desk(conn: &Connection, username: &str) -> Result<Option<String>> {
    conn.query_row("SELECT d.code FROM accounts a LEFT JOIN desks d ON d.id = a.desk_id WHERE a.username = ?1", [username], |r| r.get(0))
        .optional()?
        .ok_or_else(|| DeskError::not_found("account", ("l'account", "the account"), username))
}
