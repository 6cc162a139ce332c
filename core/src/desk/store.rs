//! The desk database: opening (creating, migrating, refusing what is not ours), the
//! write transaction every change runs in, name lookups, backup.
//!
//! Every change runs in one `BEGIN IMMEDIATE` transaction that checks the rules, writes,
//! appends to the audit log and commits, or leaves nothing behind: a full disk, a killed
//! process or a rule broken half-way lose nothing committed before. Two processes writing
//! at once queue on SQLite's write lock (waiting up to [`BUSY_WAIT`]); records carry a
//! `version` so that a change made on a stale reading (a console form open for an hour)
//! is refused with a conflict instead of overwriting what someone else saved.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};

use super::audit::{self, Change, Subject, Verification};
use super::day::Day;
use super::error::{DeskError, DeskErrorKind, Result};
use super::model::{DeskInfo, Operator};
use super::schema::{APPLICATION_ID, CURRENT_VERSION, MIGRATIONS};

/// How long a write waits for another process's write to finish.
pub const BUSY_WAIT: Duration = Duration::from_secs(10);

/// An open desk database.
pub struct Desk {
    pub(crate) conn: Connection,
    path: PathBuf,
    today: Day,
    /// Inside [`Desk::batch`]: each change runs in a savepoint of the batch's transaction.
    pub(crate) in_batch: bool,
}

impl Desk {
    /// Opens the desk database at `path`, creating it if the file does not exist and
    /// bringing an earlier schema version up to date.
    pub fn open(path: &Path) -> Result<Desk> {
        let conn = Connection::open(path)?;
        Desk::prepare(conn, path)
    }

    /// Opens an existing desk database (an error if the file is missing, so that a typo
    /// in `--db` does not create an empty one).
    pub fn open_existing(path: &Path) -> Result<Desk> {
        if !path.exists() {
            return Err(DeskError::new(
                DeskErrorKind::NotFound,
                "db",
                format!("il file {} non esiste (crearlo con `sportello desk init`)", path.display()),
                format!("the file {} does not exist (create it with `sportello desk init`)", path.display()),
            ));
        }
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        Desk::prepare(conn, path)
    }

    /// Opens an existing desk database for reading only (analysts' tables, reports): no
    /// change, no migration (a file of an earlier version is refused until opened for
    /// writing once).
    pub fn open_read_only(path: &Path) -> Result<Desk> {
        if !path.exists() {
            return Desk::open_existing(path);
        }
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
        conn.busy_timeout(BUSY_WAIT)?;
        let desk = Desk { conn, path: path.to_owned(), today: Day::today(), in_batch: false };
        let version = desk.schema_version()?;
        let id: i32 = desk.conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(damaged)?;
        if id != APPLICATION_ID || version != CURRENT_VERSION {
            return Err(DeskError::new(
                DeskErrorKind::Database,
                "db",
                format!(
                    "{} non è un database di sportello alla versione {CURRENT_VERSION} (aprirlo una volta in scrittura per aggiornarlo)",
                    path.display()
                ),
                format!(
                    "{} is not a desk database at version {CURRENT_VERSION} (open it once for writing to bring it up to date)",
                    path.display()
                ),
            ));
        }
        desk.conn.pragma_update(None, "query_only", true)?;
        Ok(desk)
    }

    fn prepare(conn: Connection, path: &Path) -> Result<Desk> {
        conn.busy_timeout(BUSY_WAIT)?;
        let mut desk = Desk { conn, path: path.to_owned(), today: Day::today(), in_batch: false };
        desk.migrate()?;
        desk.conn.pragma_update(None, "journal_mode", "WAL")?;
        desk.conn.pragma_update(None, "synchronous", "FULL")?;
        desk.conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(desk)
    }

    /// Uses `today` instead of the system clock (tests, demos, golden outputs).
    pub fn with_today(mut self, today: Day) -> Desk {
        self.today = today;
        self
    }

    /// The day the desk takes as today.
    pub fn today(&self) -> Day {
        self.today
    }

    /// Caps the file's size for this connection (SQLite's `max_page_count`): a write that
    /// would grow it beyond `bytes` fails as on a full disk, and saves nothing. For a quota
    /// on a shared disk (and for testing what a full disk does).
    pub fn limit_size(&self, bytes: u64) -> Result<()> {
        let page: i64 = self.conn.pragma_query_value(None, "page_size", |r| r.get(0))?;
        let pages = i64::try_from(bytes).unwrap_or(i64::MAX) / page.max(1);
        self.conn.pragma_update(None, "max_page_count", pages)?;
        Ok(())
    }

    /// The database file.
    pub fn file(&self) -> &Path {
        &self.path
    }

    /// The schema version of the file (after opening, always [`CURRENT_VERSION`]).
    pub fn schema_version(&self) -> Result<i32> {
        Ok(self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Checks the file's identity and version, and applies the migrations it lacks.
    fn migrate(&mut self) -> Result<()> {
        let id: i32 = self.conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(damaged)?;
        let version: i32 = self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let tables: i64 = self.conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if id != APPLICATION_ID && (tables > 0 || version != 0) {
            return Err(DeskError::new(
                DeskErrorKind::Database,
                "db",
                format!("{} è un database SQLite ma non di uno sportello Sportello", self.path.display()),
                format!("{} is an SQLite database but not a Sportello desk's", self.path.display()),
            ));
        }
        if version > CURRENT_VERSION {
            return Err(DeskError::new(
                DeskErrorKind::Database,
                "db",
                format!(
                    "il database è alla versione {version}, questa versione di Sportello arriva alla {CURRENT_VERSION}: aggiornare Sportello"
                ),
                format!("the database is at version {version}, this Sportello reads up to {CURRENT_VERSION}: update Sportello"),
            ));
        }
        if version == CURRENT_VERSION {
            return Ok(());
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
        for sql in &MIGRATIONS[usize::try_from(version).unwrap_or(0)..] {
            tx.execute_batch(sql)?;
        }
        if version < 4 {
            super::demographics::refresh_all(&tx, self.today.parts().0)?;
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", CURRENT_VERSION)?;
        tx.commit()?;
        Ok(())
    }

    /// Runs `f` in one immediate transaction (in a batch, a savepoint of it): all of it is
    /// saved, or none.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        if self.in_batch {
            let sp = self.conn.savepoint()?;
            let value = f(&sp)?;
            sp.commit()?;
            return Ok(value);
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Runs many changes as one transaction: all are saved, or none (an import, the demo).
    /// A change that fails inside leaves the others as they were; `f` decides whether to
    /// go on or to return the error, which undoes the whole batch.
    pub fn batch<T>(&mut self, f: impl FnOnce(&mut Desk) -> Result<T>) -> Result<T> {
        if self.in_batch {
            return f(self);
        }
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        self.in_batch = true;
        let result = f(self);
        self.in_batch = false;
        match result {
            Ok(v) => {
                self.conn.execute_batch("COMMIT")?;
                Ok(v)
            }
            Err(e) => {
                // The batch's error is the one to report; a failed rollback leaves SQLite
                // to roll back when the connection closes.
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// Runs `f` as one step inside a [`Desk::batch`] (or alone): if it fails, what it wrote
    /// is undone and the batch goes on.
    pub fn atomically<T>(&mut self, f: impl FnOnce(&mut Desk) -> Result<T>) -> Result<T> {
        if !self.in_batch {
            return self.batch(f);
        }
        self.conn.execute_batch("SAVEPOINT step")?;
        match f(self) {
            Ok(v) => {
                self.conn.execute_batch("RELEASE step")?;
                Ok(v)
            }
            Err(e) => {
                self.conn.execute_batch("ROLLBACK TO step; RELEASE step")?;
                Err(e)
            }
        }
    }

    /// Adds a desk.
    pub fn add_desk(&mut self, actor: &str, d: &DeskInfo) -> Result<()> {
        check_code("desk", &d.code)?;
        self.write(|tx| {
            let exists: Option<i64> = tx.query_row("SELECT id FROM desks WHERE code = ?1", [&d.code], |r| r.get(0)).optional()?;
            if exists.is_some() {
                return Err(DeskError::invalid(
                    "desk",
                    format!("lo sportello {:?} esiste già", d.code),
                    format!("the desk {:?} already exists", d.code),
                ));
            }
            tx.execute("INSERT INTO desks (code, name, comune) VALUES (?1, ?2, ?3)", params![d.code, d.name, d.comune])?;
            let id = tx.last_insert_rowid();
            let changes = [Change::set("code", &d.code), Change::set("name", &d.name)];
            audit::record(tx, &Subject { actor, action: "create", entity: "desk", entity_id: id, person_id: None }, &changes)
        })
    }

    /// Adds an operator to a desk.
    pub fn add_operator(&mut self, actor: &str, o: &Operator) -> Result<()> {
        check_code("operator", &o.username)?;
        self.write(|tx| {
            let desk = desk_id(tx, &o.desk)?;
            let exists: Option<i64> =
                tx.query_row("SELECT id FROM operators WHERE username = ?1", [&o.username], |r| r.get(0)).optional()?;
            if exists.is_some() {
                return Err(DeskError::invalid(
                    "operator",
                    format!("l'operatore {:?} esiste già", o.username),
                    format!("the operator {:?} already exists", o.username),
                ));
            }
            tx.execute("INSERT INTO operators (username, name, desk_id) VALUES (?1, ?2, ?3)", params![o.username, o.name, desk])?;
            let id = tx.last_insert_rowid();
            let changes = [Change::set("username", &o.username), Change::set("name", &o.name), Change::set("desk", &o.desk)];
            audit::record(tx, &Subject { actor, action: "create", entity: "operator", entity_id: id, person_id: None }, &changes)
        })
    }

    /// The desks, by code.
    pub fn desks(&self) -> Result<Vec<DeskInfo>> {
        let mut stmt = self.conn.prepare("SELECT code, name, comune FROM desks ORDER BY code")?;
        let rows = stmt.query_map([], |r| Ok(DeskInfo { code: r.get(0)?, name: r.get(1)?, comune: r.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The operators, by username.
    pub fn operators(&self) -> Result<Vec<Operator>> {
        let mut stmt =
            self.conn.prepare("SELECT o.username, o.name, d.code FROM operators o JOIN desks d ON d.id = o.desk_id ORDER BY o.username")?;
        let rows = stmt.query_map([], |r| Ok(Operator { username: r.get(0)?, name: r.get(1)?, desk: r.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Walks the audit chain (see [`audit`](super::audit)).
    pub fn verify_audit(&self) -> Result<Verification> {
        audit::verify(&self.conn)
    }

    /// Copies the database to `to` with SQLite's online backup, while others may go on
    /// writing; the copy is a consistent desk database of its own. Refuses to overwrite.
    pub fn backup(&self, to: &Path) -> Result<()> {
        if to.exists() {
            return Err(DeskError::invalid(
                "backup",
                format!("{} esiste già: scegliere un altro nome", to.display()),
                format!("{} already exists: choose another name", to.display()),
            ));
        }
        let mut dest = Connection::open(to)?;
        let backup = rusqlite::backup::Backup::new(&self.conn, &mut dest)?;
        backup.run_to_completion(256, Duration::from_millis(10), None)?;
        Ok(())
    }

    /// A setting of the installation (`retention_years`, `privacy_notice`...).
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    }

    /// Sets a setting, audited.
    pub fn set_setting(&mut self, actor: &str, key: &str, value: &str) -> Result<()> {
        self.write(|tx| {
            let old: Option<String> = tx.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?;
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )?;
            let change = Change { field: key.to_owned(), old, new: Some(value.to_owned()) };
            audit::record(tx, &Subject { actor, action: "update", entity: "settings", entity_id: 0, person_id: None }, &[change])
        })
    }
}

/// An SQLite error on the very first read: the file is not a database at all.
fn damaged(e: rusqlite::Error) -> DeskError {
    DeskError::from(e)
}

/// A code or username: lowercase letters, digits, `-`, `_` and `.`, 1 to 40 characters.
pub(crate) fn check_code(field: &str, code: &str) -> Result<()> {
    let ok = !code.is_empty()
        && code.len() <= 40
        && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.'));
    if ok {
        Ok(())
    } else {
        Err(DeskError::invalid(
            field,
            format!("{code:?} non è un codice valido (lettere minuscole, cifre, - _ . ; al massimo 40)"),
            format!("{code:?} is not a valid code (lowercase letters, digits, - _ . ; at most 40)"),
        ))
    }
}

/// The id of the desk with `code`.
pub(crate) fn desk_id(tx: &Connection, code: &str) -> Result<i64> {
    tx.query_row("SELECT id FROM desks WHERE code = ?1", [code], |r| r.get(0))
        .optional()?
        .ok_or_else(|| DeskError::not_found("desk", ("lo sportello", "the desk"), code))
}

/// The id of the operator `username`.
pub(crate) fn operator_id(tx: &Connection, username: &str) -> Result<i64> {
    tx.query_row("SELECT id FROM operators WHERE username = ?1", [username], |r| r.get(0))
        .optional()?
        .ok_or_else(|| DeskError::not_found("case_manager", ("l'operatore", "the operator"), username))
}

/// Refuses a change made on a stale reading of a record.
pub(crate) fn check_version(what: &str, id: i64, found: i64, expected: Option<i64>) -> Result<()> {
    match expected {
        Some(v) if v != found => Err(DeskError::new(
            DeskErrorKind::Conflict,
            format!("{what} {id}"),
            format!(
                "qualcun altro l'ha modificato dopo che è stato letto (versione letta {v}, ora {found}): rileggere e ripetere la modifica"
            ),
            format!("someone else changed it after it was read (version read {v}, now {found}): read it again and redo the change"),
        )),
        _ => Ok(()),
    }
}
