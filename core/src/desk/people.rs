//! People in the caseload: taking someone in from their profile, reading them back,
//! updating their profile or assignment.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde_json::Value;

use super::audit::{self, Change, HIDDEN, Subject};
use super::demographics;
use super::error::{DeskError, Result};
use super::model::{NewPerson, Person, Reader};
use super::store::{Desk, check_version, desk_id, operator_id};
use crate::fold::fold;
use crate::model::Profile;

/// The columns [`person_from_row`] reads, in order.
pub(crate) const PERSON_COLUMNS: &str =
    "p.id, p.version, p.given_name, p.family_name, p.codice_fiscale, p.comune, d.code, o.username, p.arrival, p.arrival_date, p.created_on";
/// The joins [`PERSON_COLUMNS`] needs.
pub(crate) const PERSON_JOINS: &str = "people p JOIN desks d ON d.id = p.desk_id LEFT JOIN operators o ON o.id = p.case_manager_id";

impl Desk {
    /// Takes a person into the caseload; returns their number.
    pub fn add_person(&mut self, by: &Reader, p: &NewPerson) -> Result<i64> {
        let profile = profile_json(&p.profile)?;
        let today = self.today();
        self.write(|tx| {
            let desk = desk_id(tx, &p.desk)?;
            let manager = p.case_manager.as_deref().map(|u| operator_id(tx, u)).transpose()?;
            let cf = p.codice_fiscale.as_ref().map(|c| c.as_str().to_owned());
            if let Some(cf) = &cf {
                let holder: Option<i64> = tx.query_row("SELECT id FROM people WHERE codice_fiscale = ?1", [cf], |r| r.get(0)).optional()?;
                if let Some(holder) = holder {
                    return Err(DeskError::invalid(
                        "codice_fiscale",
                        format!("{cf} appartiene già alla persona {holder}"),
                        format!("{cf} already belongs to person {holder}"),
                    ));
                }
            }
            let (given, family) = (p.profile.person.given_name.trim(), p.profile.person.family_name.trim());
            if given.is_empty() && family.is_empty() {
                return Err(DeskError::invalid("person.given_name", "serve almeno il nome o il cognome", "a given or family name is needed"));
            }
            tx.execute(
                "INSERT INTO people (given_name, family_name, search_name, codice_fiscale, comune, desk_id, case_manager_id, arrival, arrival_date, profile, created_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    given,
                    family,
                    search_name(given, family),
                    cf,
                    p.comune,
                    desk,
                    manager,
                    p.arrival.as_str(),
                    p.arrival_date.map(|d| d.to_string()),
                    profile.to_string(),
                    today.to_string()
                ],
            )?;
            let id = tx.last_insert_rowid();
            demographics::refresh(tx, id, today.parts().0)?;
            let mut changes = vec![Change::set("desk", &p.desk), Change::set("arrival", p.arrival)];
            changes.extend(cf.map(|c| Change::set("codice_fiscale", c)));
            changes.extend(p.comune.as_ref().map(|c| Change::set("comune", c)));
            changes.extend(p.case_manager.as_ref().map(|c| Change::set("case_manager", c)));
            changes.extend(p.arrival_date.map(|d| Change::set("arrival_date", d)));
            changes.extend(profile_changes(&Value::Null, &profile));
            audit::record(tx, &Subject { actor: &by.username, action: "create", entity: "person", entity_id: id, person_id: Some(id) }, &changes)?;
            Ok(id)
        })
    }

    /// A person, without their file (no audit entry: lists and lookups use this).
    pub fn person(&self, id: i64) -> Result<Person> {
        person(&self.conn, id)
    }

    /// The number of the person with this codice fiscale, or with this number.
    pub fn find_person(&self, key: &str) -> Result<i64> {
        let key = key.trim();
        if let Ok(id) = key.parse::<i64>() {
            return person(&self.conn, id).map(|p| p.id);
        }
        self.conn
            .query_row("SELECT id FROM people WHERE codice_fiscale = ?1", [key.to_ascii_uppercase()], |r| r.get(0))
            .optional()?
            .ok_or_else(|| DeskError::not_found("person", ("la persona", "the person"), key))
    }

    /// Replaces a person's profile (their name follows it); audited field by field. A reader
    /// without access to sensitive data never saw the profile's `sensitive` block (their
    /// copy has it empty): an empty block from them keeps the stored one, so saving their
    /// copy loses nothing. A block they fill in themselves is written.
    pub fn update_profile(&mut self, by: &Reader, id: i64, profile: &Profile, expected_version: Option<i64>) -> Result<()> {
        let mut new = profile_json(profile)?;
        let this_year = self.today().parts().0;
        self.write(|tx| {
            let (version, old): (i64, String) = tx
                .query_row("SELECT version, profile FROM people WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?
                .ok_or_else(|| DeskError::not_found("person", ("la persona", "the person"), id))?;
            check_version("person", id, version, expected_version)?;
            let old: Value = serde_json::from_str(&old).unwrap_or(Value::Null);
            if !by.sensitive && profile.sensitive.is_empty() {
                keep_sensitive(&old, &mut new);
            }
            let changes = profile_changes(&old, &new);
            if changes.is_empty() {
                return Ok(());
            }
            let (given, family) = (profile.person.given_name.trim(), profile.person.family_name.trim());
            tx.execute(
                "UPDATE people SET profile = ?1, given_name = ?2, family_name = ?3, search_name = ?4, version = version + 1 WHERE id = ?5",
                params![new.to_string(), given, family, search_name(given, family), id],
            )?;
            demographics::refresh(tx, id, this_year)?;
            audit::record(
                tx,
                &Subject { actor: &by.username, action: "update", entity: "person", entity_id: id, person_id: Some(id) },
                &changes,
            )
        })
    }

    /// Moves a person to another desk or case manager.
    pub fn assign(
        &mut self,
        by: &Reader,
        id: i64,
        desk: Option<&str>,
        case_manager: Option<&str>,
        expected_version: Option<i64>,
    ) -> Result<()> {
        self.write(|tx| {
            let before = person(tx, id)?;
            check_version("person", id, before.version, expected_version)?;
            let mut changes = Vec::new();
            if let Some(code) = desk.filter(|c| *c != before.desk) {
                let d = desk_id(tx, code)?;
                tx.execute("UPDATE people SET desk_id = ?1 WHERE id = ?2", params![d, id])?;
                changes.push(Change::from_to("desk", &before.desk, code));
            }
            if let Some(user) = case_manager.filter(|u| Some(*u) != before.case_manager.as_deref()) {
                let o = operator_id(tx, user)?;
                tx.execute("UPDATE people SET case_manager_id = ?1 WHERE id = ?2", params![o, id])?;
                changes.push(Change { field: "case_manager".into(), old: before.case_manager.clone(), new: Some(user.to_owned()) });
            }
            if changes.is_empty() {
                return Ok(());
            }
            tx.execute("UPDATE people SET version = version + 1 WHERE id = ?1", [id])?;
            audit::record(
                tx,
                &Subject { actor: &by.username, action: "update", entity: "person", entity_id: id, person_id: Some(id) },
                &changes,
            )
        })
    }
}

/// Puts `old`'s `sensitive` block into `new` (or takes it out of `new` if `old` has none).
fn keep_sensitive(old: &Value, new: &mut Value) {
    if let Some(object) = new.as_object_mut() {
        match old.get("sensitive") {
            Some(kept) => {
                object.insert("sensitive".to_owned(), kept.clone());
            }
            None => {
                object.remove("sensitive");
            }
        }
    }
}

/// A person by number.
pub(crate) fn person(conn: &Connection, id: i64) -> Result<Person> {
    conn.query_row(&format!("SELECT {PERSON_COLUMNS} FROM {PERSON_JOINS} WHERE p.id = ?1"), [id], person_from_row)
        .optional()?
        .ok_or_else(|| DeskError::not_found("person", ("la persona", "the person"), id))
}

/// A stored profile read back; one that does not read is a damaged row.
pub(crate) fn stored_profile(id: i64, text: &str) -> Result<Profile> {
    serde_json::from_str(text).map_err(|e| {
        DeskError::new(
            super::error::DeskErrorKind::Database,
            format!("person {id}: profile"),
            format!("il profilo salvato non si legge ({e})"),
            format!("the stored profile cannot be read ({e})"),
        )
    })
}

/// Reads [`PERSON_COLUMNS`].
pub(crate) fn person_from_row(r: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        version: r.get(1)?,
        given_name: r.get(2)?,
        family_name: r.get(3)?,
        codice_fiscale: r.get(4)?,
        comune: r.get(5)?,
        desk: r.get(6)?,
        case_manager: r.get(7)?,
        arrival: super::sql::parse_col(r, 8)?,
        arrival_date: super::sql::parse_opt(r, 9)?,
        created_on: super::sql::parse_col(r, 10)?,
    })
}

/// The text names are searched by: folded (no accents, lowercase), given then family name.
pub(crate) fn search_name(given: &str, family: &str) -> String {
    fold(&format!("{given} {family}"))
}

fn profile_json(p: &Profile) -> Result<Value> {
    serde_json::to_value(p).map_err(|e| {
        DeskError::invalid("profile", format!("profilo non serializzabile: {e}"), format!("profile cannot be serialised: {e}"))
    })
}

/// The profile's changes field by field (`profile.person.email`, `profile.work[0].role`),
/// with the values of the `sensitive` block hidden.
pub(crate) fn profile_changes(old: &Value, new: &Value) -> Vec<Change> {
    let (mut a, mut b) = (BTreeMap::new(), BTreeMap::new());
    leaves(old, "profile", &mut a);
    leaves(new, "profile", &mut b);
    let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    let hide =
        |field: &str, v: Option<&String>| v.map(|v| if field.starts_with("profile.sensitive") { HIDDEN.to_owned() } else { v.clone() });
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| Change { field: k.clone(), old: hide(k, a.get(k)), new: hide(k, b.get(k)) })
        .collect()
}

fn leaves(v: &Value, path: &str, out: &mut BTreeMap<String, String>) {
    match v {
        Value::Null => {}
        Value::Object(m) => m.iter().for_each(|(k, v)| leaves(v, &format!("{path}.{k}"), out)),
        Value::Array(xs) => xs.iter().enumerate().for_each(|(i, v)| leaves(v, &format!("{path}[{i}]"), out)),
        Value::String(s) => {
            out.insert(path.to_owned(), s.clone());
        }
        other => {
            out.insert(path.to_owned(), other.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_changes_are_field_by_field_and_hide_sensitive_values() {
        let old =
            serde_json::json!({"person": {"given_name": "Anna", "email": "a@example.it"}, "sensitive": {"disability": {"l68": true}}});
        let new =
            serde_json::json!({"person": {"given_name": "Anna", "email": "anna@example.it"}, "sensitive": {"disability": {"l68": false}}});
        let c = profile_changes(&old, &new);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0], Change::from_to("profile.person.email", "a@example.it", "anna@example.it"));
        assert_eq!(c[1], Change::from_to("profile.sensitive.disability.l68", HIDDEN, HIDDEN));
    }
}
