//! Who may open or change whose record: least privilege per desk.
//!
//! An operator and a read-only account see the people of their own desk and those shared
//! with them ([`shares`](super::shares)), a coordinator those of every desk; a read-only
//! account changes nothing. A refusal is written to the
//! audit log like an opening, so "who tried to open what" is on record too; and the
//! openings of a person's file can be listed for the file itself.

use super::accounts::{Account, forbidden_desk};
use super::audit::{self, AuditEntry, Change, Subject};
use super::error::{DeskErrorKind, Result};
use super::people::person;
use super::shares::is_shared;
use super::store::Desk;

/// What an account wants to do with a person's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Open and read.
    Read,
    /// Change (add, book, record...).
    Change,
}

/// The audit actions that say someone opened (or tried to open) a file.
pub const OPENING_ACTIONS: &[&str] = &["open", "export", "refused"];

impl Desk {
    /// Whether `account` may `access` person `id`; a refusal is audited and returned as a
    /// `Forbidden` error naming the reason. A person who does not exist is `NotFound`.
    pub fn authorize(&mut self, account: &Account, id: i64, access: Access) -> Result<()> {
        let Err(refusal) = self.check_access(account, id, access) else { return Ok(()) };
        if refusal.kind == DeskErrorKind::NotFound {
            return Err(refusal);
        }
        let wanted = match access {
            Access::Read => "read",
            Access::Change => "change",
        };
        self.write(|tx| {
            let subject = Subject { actor: &account.username, action: "refused", entity: "person", entity_id: id, person_id: Some(id) };
            audit::record(tx, &subject, &[Change::set("access", wanted)])
        })?;
        Err(refusal)
    }

    /// Whether `account` may `access` person `id`, without writing anything (to decide what
    /// a page offers); [`Desk::authorize`] is the check before the access itself.
    pub fn allowed(&self, account: &Account, id: i64, access: Access) -> Result<bool> {
        match self.check_access(account, id, access) {
            Ok(()) => Ok(true),
            Err(e) if e.kind == DeskErrorKind::Forbidden => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// The check itself: the person's desk, or a share, and the role.
    fn check_access(&self, account: &Account, id: i64, access: Access) -> Result<()> {
        let desk = person(&self.conn, id)?.desk;
        if !account.sees_desk(&desk) && !is_shared(&self.conn, id, &account.username)? {
            return Err(forbidden_desk(&desk));
        }
        match access {
            Access::Read => Ok(()),
            Access::Change => account.check_may_change(),
        }
    }

    /// Who opened person `id`'s file (or exported it, or was refused), newest first, at
    /// most `limit` entries.
    pub fn openings(&self, id: i64, limit: usize) -> Result<Vec<AuditEntry>> {
        let mut entries = audit::about(&self.conn, id, Some(OPENING_ACTIONS))?;
        entries.reverse();
        entries.truncate(limit);
        Ok(entries)
    }
}
