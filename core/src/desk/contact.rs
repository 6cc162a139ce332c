//! How each desk is reached (address, telephone, e-mail, web page): what its posters,
//! bulletins and letters print under its name.

use rusqlite::params;
use serde::Serialize;

use super::audit::{self, Change, Subject};
use super::error::{DeskError, Result};
use super::store::{Desk, desk_id};

/// The longest contact field, in characters.
pub const MAX_CONTACT_CHARS: usize = 200;

/// A desk's contact details; every field may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DeskContact {
    /// The desk's name.
    pub name: String,
    /// The comune it sits in (where its letters are dated from).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comune: Option<String>,
    /// Street address, one line ("Piazza Cavour 24, 28069 Trecate").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Telephone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Web page (`https://...`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub web: Option<String>,
}

impl DeskContact {
    /// The document sender for this desk, with its logo if one is given.
    #[cfg(feature = "render-engine")]
    pub fn sender(&self, logo: Option<crate::outreach::Logo>) -> crate::outreach::Sender {
        crate::outreach::Sender {
            name: self.name.clone(),
            comune: self.comune.clone(),
            address: self.address.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
            web: self.web.clone(),
            logo,
        }
    }

    fn check(&self) -> Result<()> {
        for (field, value) in [("address", &self.address), ("phone", &self.phone), ("email", &self.email), ("web", &self.web)] {
            if value.as_ref().is_some_and(|v| v.chars().count() > MAX_CONTACT_CHARS) {
                return Err(DeskError::invalid(
                    field,
                    format!("al massimo {MAX_CONTACT_CHARS} caratteri"),
                    format!("at most {MAX_CONTACT_CHARS} characters"),
                ));
            }
        }
        if self.email.as_ref().is_some_and(|e| !e.contains('@') || e.contains(char::is_whitespace)) {
            return Err(DeskError::invalid("email", "un indirizzo e-mail come nome@comune.it", "an e-mail address such as name@comune.it"));
        }
        if self.web.as_ref().is_some_and(|w| !(w.starts_with("https://") || w.starts_with("http://"))) {
            return Err(DeskError::invalid("web", "un indirizzo che inizia con https://", "an address starting with https://"));
        }
        Ok(())
    }
}

fn blank_to_none(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

impl Desk {
    /// Sets how desk `code` is reached (blank fields are cleared; the name is not
    /// changed here); audited field by field.
    pub fn set_desk_contact(&mut self, actor: &str, code: &str, contact: &DeskContact) -> Result<()> {
        let new = DeskContact {
            name: String::new(),
            comune: None,
            address: blank_to_none(&contact.address),
            phone: blank_to_none(&contact.phone),
            email: blank_to_none(&contact.email),
            web: blank_to_none(&contact.web),
        };
        new.check()?;
        let old = self.desk_contact(code)?;
        self.write(|tx| {
            let id = desk_id(tx, code)?;
            tx.execute(
                "UPDATE desks SET address = ?2, phone = ?3, email = ?4, web = ?5 WHERE id = ?1",
                params![id, new.address, new.phone, new.email, new.web],
            )?;
            let changes: Vec<Change> = [
                ("address", &old.address, &new.address),
                ("phone", &old.phone, &new.phone),
                ("email", &old.email, &new.email),
                ("web", &old.web, &new.web),
            ]
            .into_iter()
            .filter(|(_, o, n)| o != n)
            .map(|(f, o, n)| Change { field: f.into(), old: o.clone(), new: n.clone() })
            .collect();
            audit::record(tx, &Subject { actor, action: "update", entity: "desk", entity_id: id, person_id: None }, &changes)
        })
    }

    /// Desk `code`'s name and contact details.
    pub fn desk_contact(&self, code: &str) -> Result<DeskContact> {
        let id = desk_id(&self.conn, code)?;
        Ok(self.conn.query_row("SELECT name, comune, address, phone, email, web FROM desks WHERE id = ?1", [id], |r| {
            Ok(DeskContact { name: r.get(0)?, comune: r.get(1)?, address: r.get(2)?, phone: r.get(3)?, email: r.get(4)?, web: r.get(5)? })
        })?)
    }
}
