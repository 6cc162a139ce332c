//! The console's accounts: who may log in, with which role, at which desk.
//!
//! Passwords are kept only as Argon2id hashes (PHC strings with their own salt and
//! parameters). Every login, accepted or refused, is written to the audit log; a refused
//! login says the same thing whether the name or the password was wrong, and takes the
//! same time (an unknown name is checked against a stand-in hash).

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::audit::{self, Change, Subject};
use super::error::{DeskError, DeskErrorKind, Result};
use super::model::Reader;
use super::store::{Desk, check_code, desk_id};
use super::words::Role;

/// The shortest password an account may have, in characters.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// The longest, in bytes (hashing is deliberately slow; a limit keeps it bounded).
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// A console account as the server sees it after login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    /// Login name (also the name the audit records).
    pub username: String,
    /// What they may do.
    pub role: Role,
    /// Their desk's code (a coordinator may have none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub desk: Option<String>,
    /// May see special-category data (Law 68/99 paths and targets, the profile's
    /// sensitive block).
    pub sensitive: bool,
}

/// An account to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    /// Login name: lowercase letters, digits, `-`, `_`, `.`.
    pub username: String,
    /// Role.
    pub role: Role,
    /// Desk code (required for operators and read-only accounts).
    pub desk: Option<String>,
    /// May see special-category data.
    pub sensitive: bool,
}

impl Account {
    /// The reader this account acts as.
    pub fn reader(&self) -> Reader {
        Reader { username: self.username.clone(), sensitive: self.sensitive }
    }

    /// Whether the account may change anything.
    pub fn may_change(&self) -> bool {
        self.role != Role::Lettura
    }

    /// Whether the account sees the people of desk `code`.
    pub fn sees_desk(&self, code: &str) -> bool {
        self.role == Role::Coordinatore || self.desk.as_deref() == Some(code)
    }

    /// `Forbidden` for a read-only account (changes outside the caseload, such as the
    /// vacancy index, need only this).
    pub fn check_may_change(&self) -> Result<()> {
        if self.may_change() { Ok(()) } else { Err(read_only()) }
    }

    /// Whether the account may add or change records at desk `code` (`Forbidden` if not).
    pub fn check_change(&self, code: &str) -> Result<()> {
        self.check_may_change()?;
        if !self.sees_desk(code) { Err(forbidden_desk(code)) } else { Ok(()) }
    }

    /// The desk a list is limited to for this account: the one asked for, if the account
    /// sees it; for an operator or read-only account, their own when none is asked.
    pub fn list_desk(&self, asked: Option<&str>) -> Result<Option<String>> {
        match asked {
            Some(code) if !self.sees_desk(code) => Err(forbidden_desk(code)),
            Some(code) => Ok(Some(code.to_owned())),
            None if self.role == Role::Coordinatore => Ok(None),
            None => Ok(self.desk.clone()),
        }
    }
}

impl Desk {
    /// Creates an account with `password` (hashed with Argon2id; the password is not kept).
    pub fn add_account(&mut self, actor: &str, a: &NewAccount, password: &str) -> Result<()> {
        check_code("username", &a.username)?;
        if a.desk.is_none() && a.role != Role::Coordinatore {
            return Err(DeskError::invalid(
                "desk",
                format!("un account {} deve avere uno sportello (--desk)", a.role.label(crate::lang::Lang::It)),
                format!("a {} account needs a desk (--desk)", a.role.label(crate::lang::Lang::En)),
            ));
        }
        let hash = hash_password(password)?;
        self.write(|tx| {
            let desk = a.desk.as_deref().map(|d| desk_id(tx, d)).transpose()?;
            if account_id(tx, &a.username)?.is_some() {
                return Err(DeskError::invalid(
                    "username",
                    format!("l'account {:?} esiste già", a.username),
                    format!("the account {:?} already exists", a.username),
                ));
            }
            tx.execute(
                "INSERT INTO accounts (username, role, desk_id, sensitive, password_hash) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![a.username, a.role.as_str(), desk, a.sensitive, hash],
            )?;
            let id = tx.last_insert_rowid();
            let mut changes = vec![Change::set("username", &a.username), Change::set("role", a.role)];
            changes.extend(a.desk.as_deref().map(|d| Change::set("desk", d)));
            changes.push(Change::set("sensitive", a.sensitive));
            audit::record(tx, &Subject { actor, action: "create", entity: "account", entity_id: id, person_id: None }, &changes)
        })
    }

    /// Sets a new password for `username` (audited, without the password).
    pub fn set_password(&mut self, actor: &str, username: &str, password: &str) -> Result<()> {
        let hash = hash_password(password)?;
        self.write(|tx| {
            let id = account_id(tx, username)?.ok_or_else(|| DeskError::not_found("username", ("l'account", "the account"), username))?;
            tx.execute("UPDATE accounts SET password_hash = ?1 WHERE id = ?2", params![hash, id])?;
            let change = Change::set("password", "(cambiata / changed)");
            audit::record(tx, &Subject { actor, action: "update", entity: "account", entity_id: id, person_id: None }, &[change])
        })
    }

    /// Checks a login; the attempt is audited either way. A wrong name and a wrong
    /// password give the same error (kind `Forbidden`, field `login`).
    pub fn login(&mut self, username: &str, password: &str) -> Result<Account> {
        let found = account_row(&self.conn, username)?;
        // An unknown name is checked against a stand-in so both refusals take the same time.
        let stored = found.as_ref().map_or(STAND_IN_HASH, |(_, _, hash, _)| hash.as_str());
        let ok = password.len() <= MAX_PASSWORD_BYTES && verify_password(password, stored);
        let accepted = match found {
            Some((id, account, _, disabled)) if ok && !disabled => Some((id, account)),
            _ => None,
        };
        let shown: String = username.chars().take(60).collect();
        self.write(|tx| {
            let (id, result) = accepted.as_ref().map_or((0, "refused"), |(id, _)| (*id, "ok"));
            let changes = [Change::set("username", &shown), Change::set("result", result)];
            audit::record(tx, &Subject { actor: &shown, action: "login", entity: "account", entity_id: id, person_id: None }, &changes)
        })?;
        accepted
            .map(|(_, a)| a)
            .ok_or_else(|| DeskError::new(DeskErrorKind::Forbidden, "login", "nome utente o password errati", "wrong username or password"))
    }

    /// The account `username` as it stands now (a session re-reads it on every request,
    /// so a disabled account or a changed role takes effect at once).
    pub fn account(&self, username: &str) -> Result<Account> {
        match account_row(&self.conn, username)? {
            Some((_, a, _, false)) => Ok(a),
            _ => Err(DeskError::not_found("username", ("l'account", "the account"), username)),
        }
    }

    /// The accounts, by username.
    pub fn accounts(&self) -> Result<Vec<Account>> {
        let mut stmt = self.conn.prepare(
            "SELECT a.username, a.role, d.code, a.sensitive FROM accounts a LEFT JOIN desks d ON d.id = a.desk_id ORDER BY a.username",
        )?;
        let rows = stmt.query_map([], account_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A PHC string for `password`, after checking its length.
fn hash_password(password: &str) -> Result<String> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS || password.len() > MAX_PASSWORD_BYTES {
        return Err(DeskError::invalid(
            "password",
            format!("la password deve avere da {MIN_PASSWORD_CHARS} caratteri a {MAX_PASSWORD_BYTES} byte (ne ha {chars})"),
            format!("the password must have from {MIN_PASSWORD_CHARS} characters to {MAX_PASSWORD_BYTES} bytes (it has {chars})"),
        ));
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| {
        DeskError::new(
            DeskErrorKind::Storage,
            "password",
            format!("hash della password non riuscito: {e}"),
            format!("password hashing failed: {e}"),
        )
    })
}

/// Whether `password` matches the PHC string `stored`.
fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// The hash an unknown username is checked against (of a password nobody has: it was
/// thrown away), with the default parameters, so that the check costs the same.
const STAND_IN_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c3BvcnRlbGxvc3RhbmRpbg$yhD2Ud0mIJkXn5X7R1m6kF2Yx9dQvQ0Qe3u9d4YF3aE";

fn account_id(tx: &Connection, username: &str) -> Result<Option<i64>> {
    Ok(tx.query_row("SELECT id FROM accounts WHERE username = ?1", [username], |r| r.get(0)).optional()?)
}

/// The account's id, record, stored hash and whether it is disabled.
fn account_row(conn: &Connection, username: &str) -> Result<Option<(i64, Account, String, bool)>> {
    Ok(conn
        .query_row(
            "SELECT a.username, a.role, d.code, a.sensitive, a.id, a.password_hash, a.disabled
             FROM accounts a LEFT JOIN desks d ON d.id = a.desk_id WHERE a.username = ?1",
            [username],
            |r| Ok((r.get(4)?, account_from_row(r)?, r.get(5)?, r.get(6)?)),
        )
        .optional()?)
}

fn account_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Account> {
    Ok(Account { username: r.get(0)?, role: super::sql::parse_col(r, 1)?, desk: r.get(2)?, sensitive: r.get(3)? })
}

/// The refusal of a change to a read-only account.
pub(crate) fn read_only() -> DeskError {
    DeskError::new(
        DeskErrorKind::Forbidden,
        "role",
        "questo account è in sola lettura: non può cambiare nulla",
        "this account is read-only: it cannot change anything",
    )
}

/// The refusal of a list or record of another desk.
pub(crate) fn forbidden_desk(code: &str) -> DeskError {
    DeskError::new(
        DeskErrorKind::Forbidden,
        "desk",
        format!("questo account non vede le persone dello sportello {code:?}"),
        format!("this account does not see the people of the desk {code:?}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_differ_by_salt() {
        let a = hash_password("una password lunga").unwrap();
        let b = hash_password("una password lunga").unwrap();
        assert_ne!(a, b);
        assert!(a.starts_with("$argon2id$"));
        assert!(verify_password("una password lunga", &a));
        assert!(!verify_password("una password lungA", &a));
        assert!(PasswordHash::new(STAND_IN_HASH).is_ok());
        assert!(!verify_password("", STAND_IN_HASH));
    }

    #[test]
    fn short_and_huge_passwords_are_refused() {
        assert_eq!(hash_password("corta").unwrap_err().field, "password");
        assert!(hash_password(&"x".repeat(MAX_PASSWORD_BYTES + 1)).is_err());
    }

    #[test]
    fn scope_of_a_list() {
        let op = Account { username: "a".into(), role: Role::Operatore, desk: Some("trecate".into()), sensitive: false };
        assert_eq!(op.list_desk(None).unwrap().as_deref(), Some("trecate"));
        assert_eq!(op.list_desk(Some("cerano")).unwrap_err().kind, DeskErrorKind::Forbidden);
        let co = Account { role: Role::Coordinatore, desk: None, ..op.clone() };
        assert_eq!(co.list_desk(None).unwrap(), None);
        assert_eq!(co.list_desk(Some("cerano")).unwrap().as_deref(), Some("cerano"));
        assert!(!Account { role: Role::Lettura, ..op }.may_change());
    }
}
