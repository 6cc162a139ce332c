//! The audit log: every change, field by field, and every opening of a person's file,
//! append-only and tamper-evident.
//!
//! Each entry's hash is SHA-256 of the previous entry's hash and the entry's own fields, so
//! editing, removing or reordering an entry breaks the chain from there on;
//! [`verify`] walks it. Triggers refuse updates and deletes through SQL, so a change needs
//! deliberate work on the file, which `verify` then finds. Removing the newest entries
//! leaves a shorter valid chain: the head hash that `verify` prints, kept elsewhere (a
//! report, a backup's log), shows that. Sensitive values (the profile's `sensitive` block)
//! are written as [`HIDDEN`].

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::day::now_utc;
use super::error::Result;

/// What the log writes instead of a sensitive value.
pub const HIDDEN: &str = "(nascosto / hidden)";
/// The previous hash of the first entry.
const GENESIS: &str = "sportello-desk-audit";

/// One field's change (both empty: an event without fields, such as an opening).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The field, e.g. `state` or `profile.person.email`.
    pub field: String,
    /// Its value before (none for a new record).
    pub old: Option<String>,
    /// Its value after (none for a removal).
    pub new: Option<String>,
}

impl Change {
    /// A field set on a new record.
    pub fn set(field: &str, new: impl ToString) -> Change {
        Change { field: field.to_owned(), old: None, new: Some(new.to_string()) }
    }

    /// A field changed from `old` to `new`.
    pub fn from_to(field: &str, old: impl ToString, new: impl ToString) -> Change {
        Change { field: field.to_owned(), old: Some(old.to_string()), new: Some(new.to_string()) }
    }
}

/// What the entries are about.
pub struct Subject<'a> {
    /// The operator (or script) acting.
    pub actor: &'a str,
    /// `create`, `update`, `event`, `open`, `delete`...
    pub action: &'a str,
    /// `person`, `path`, `appointment`...
    pub entity: &'a str,
    /// The record's number.
    pub entity_id: i64,
    /// Whose data (kept after the person is deleted).
    pub person_id: Option<i64>,
}

/// Appends one entry per change (one without fields if there are none), chained.
pub(crate) fn record(tx: &Connection, s: &Subject<'_>, changes: &[Change]) -> Result<()> {
    let mut prev: String = tx
        .query_row("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1", [], |r| r.get(0))
        .optional()?
        .unwrap_or_else(|| GENESIS.to_owned());
    let at = now_utc();
    let none = [Change { field: String::new(), old: None, new: None }];
    let changes = if changes.is_empty() { &none[..] } else { changes };
    let mut insert = tx.prepare_cached(
        "INSERT INTO audit (at, actor, action, entity, entity_id, person_id, field, old_value, new_value, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for c in changes {
        let field = (!c.field.is_empty()).then_some(c.field.as_str());
        let entry = Entry {
            at: &at,
            actor: s.actor,
            action: s.action,
            entity: s.entity,
            entity_id: Some(s.entity_id),
            person_id: s.person_id,
            field,
            old: c.old.as_deref(),
            new: c.new.as_deref(),
        };
        let hash = entry.hash(&prev);
        insert.execute(params![at, s.actor, s.action, s.entity, s.entity_id, s.person_id, field, c.old, c.new, prev, hash])?;
        prev = hash;
    }
    Ok(())
}

/// An entry's fields as hashed.
struct Entry<'a> {
    at: &'a str,
    actor: &'a str,
    action: &'a str,
    entity: &'a str,
    entity_id: Option<i64>,
    person_id: Option<i64>,
    field: Option<&'a str>,
    old: Option<&'a str>,
    new: Option<&'a str>,
}

impl Entry<'_> {
    fn hash(&self, prev: &str) -> String {
        let mut h = Sha256::new();
        let mut put = |part: Option<&str>| {
            // A unit separator between parts, and a NUL for "none", so no two entries hash
            // the same text.
            h.update(part.map_or(&b"\0"[..], str::as_bytes));
            h.update([0x1f]);
        };
        let (id, person) = (self.entity_id.map(|i| i.to_string()), self.person_id.map(|i| i.to_string()));
        for part in [Some(prev), Some(self.at), Some(self.actor), Some(self.action), Some(self.entity), id.as_deref(), person.as_deref()] {
            put(part);
        }
        for part in [self.field, self.old, self.new] {
            put(part);
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// One audit entry about a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    /// When (UTC).
    pub at: String,
    /// Who.
    pub actor: String,
    /// `create`, `update`, `event`, `open`, `export`...
    pub action: String,
    /// What kind of record.
    pub entity: String,
    /// The field changed, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Its new value, if any (sensitive values are hidden in the log itself).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_value: Option<String>,
}

/// The entries about `person`, oldest first; with `actions`, only those actions
/// (`open`, `refused`...).
pub(crate) fn about(conn: &Connection, person: i64, actions: Option<&[&str]>) -> Result<Vec<AuditEntry>> {
    let mut stmt =
        conn.prepare_cached("SELECT at, actor, action, entity, field, new_value FROM audit WHERE person_id = ?1 ORDER BY seq")?;
    let rows = stmt.query_map([person], |r| {
        Ok(AuditEntry { at: r.get(0)?, actor: r.get(1)?, action: r.get(2)?, entity: r.get(3)?, field: r.get(4)?, new_value: r.get(5)? })
    })?;
    let mut entries = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    if let Some(actions) = actions {
        entries.retain(|e| actions.contains(&e.action.as_str()));
    }
    Ok(entries)
}

/// What [`verify`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verification {
    /// Entries checked.
    pub entries: u64,
    /// The newest entry's hash (keep it elsewhere to detect removal of the newest entries).
    pub head: String,
    /// The first entry that breaks the chain, and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub broken: Option<Broken>,
}

/// An entry that breaks the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Broken {
    /// Its sequence number.
    pub seq: i64,
    /// `edited` (its hash does not match its fields) or `unlinked` (it does not follow the
    /// entry before it: one was removed or inserted).
    pub reason: &'static str,
}

/// Walks the whole chain, oldest first.
pub(crate) fn verify(conn: &rusqlite::Connection) -> Result<Verification> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, actor, action, entity, entity_id, person_id, field, old_value, new_value, prev_hash, hash FROM audit ORDER BY seq",
    )?;
    let mut rows = stmt.query([])?;
    let mut prev = GENESIS.to_owned();
    let mut entries = 0;
    while let Some(r) = rows.next()? {
        entries += 1;
        let seq: i64 = r.get(0)?;
        let (at, actor, action, entity): (String, String, String, String) = (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        let (entity_id, person_id): (Option<i64>, Option<i64>) = (r.get(5)?, r.get(6)?);
        let (field, old, new): (Option<String>, Option<String>, Option<String>) = (r.get(7)?, r.get(8)?, r.get(9)?);
        let (prev_hash, hash): (String, String) = (r.get(10)?, r.get(11)?);
        let entry = Entry {
            at: &at,
            actor: &actor,
            action: &action,
            entity: &entity,
            entity_id,
            person_id,
            field: field.as_deref(),
            old: old.as_deref(),
            new: new.as_deref(),
        };
        let broken = if prev_hash != prev {
            Some("unlinked")
        } else if entry.hash(&prev_hash) != hash {
            Some("edited")
        } else {
            None
        };
        if let Some(reason) = broken {
            return Ok(Verification { entries, head: hash, broken: Some(Broken { seq, reason }) });
        }
        prev = hash;
    }
    Ok(Verification { entries, head: prev, broken: None })
}
