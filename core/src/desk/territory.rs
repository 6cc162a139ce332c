//! The comuni each desk serves: together, the convention's territory, against which a
//! report counts the share of people living in it.

use rusqlite::params;

use super::audit::{self, Change, Subject};
use super::error::{DeskError, Result};
use super::store::{Desk, desk_id};

/// The most comuni one desk may list.
pub const MAX_COMUNI_PER_DESK: usize = 200;

impl Desk {
    /// Replaces the list of comuni desk `code` serves (blank names are refused, repeats
    /// kept once); audited.
    pub fn set_served_comuni(&mut self, actor: &str, code: &str, comuni: &[String]) -> Result<()> {
        let mut list: Vec<String> = Vec::new();
        for (i, c) in comuni.iter().enumerate() {
            let c = c.trim();
            if c.is_empty() || c.chars().count() > 100 {
                return Err(DeskError::invalid(
                    format!("comuni[{i}]"),
                    "il nome di un comune va da 1 a 100 caratteri",
                    "a comune's name has 1 to 100 characters",
                ));
            }
            if !list.iter().any(|l| crate::fold::fold(l) == crate::fold::fold(c)) {
                list.push(c.to_owned());
            }
        }
        if list.len() > MAX_COMUNI_PER_DESK {
            return Err(DeskError::invalid(
                "comuni",
                format!("{} comuni per uno sportello (al massimo {MAX_COMUNI_PER_DESK})", list.len()),
                format!("{} comuni for one desk (at most {MAX_COMUNI_PER_DESK})", list.len()),
            ));
        }
        let before = self.served_comuni(Some(code))?.join(", ");
        self.write(|tx| {
            let id = desk_id(tx, code)?;
            tx.execute("DELETE FROM desk_comuni WHERE desk_id = ?1", [id])?;
            for c in &list {
                tx.execute("INSERT INTO desk_comuni (desk_id, comune) VALUES (?1, ?2)", params![id, c])?;
            }
            let change = Change { field: "comuni".into(), old: Some(before), new: Some(list.join(", ")) };
            audit::record(tx, &Subject { actor, action: "update", entity: "desk", entity_id: id, person_id: None }, &[change])
        })
    }

    /// The comuni desk `code` serves, or every desk's (the convention's territory), sorted;
    /// a desk's own comune counts as served.
    pub fn served_comuni(&self, code: Option<&str>) -> Result<Vec<String>> {
        if let Some(code) = code {
            desk_id(&self.conn, code)?;
        }
        let mut stmt = self.conn.prepare(
            "SELECT c.comune FROM desk_comuni c JOIN desks d ON d.id = c.desk_id WHERE ?1 IS NULL OR d.code = ?1
             UNION SELECT comune FROM desks WHERE comune IS NOT NULL AND (?1 IS NULL OR code = ?1)",
        )?;
        let mut all: Vec<String> = stmt.query_map([code], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        all.sort_by_key(|c| crate::fold::fold(c));
        all.dedup_by_key(|c| crate::fold::fold(c));
        Ok(all)
    }
}
