//! A person's access request (art. 15 GDPR): everything the desk holds about them, with
//! every audit entry that speaks of them, as one document. The export itself is audited.

use serde::Serialize;

pub use super::audit::AuditEntry;
use super::audit::{self, Subject};
use super::day::Day;
use super::error::Result;
use super::model::{PersonFile, Reader};
use super::store::Desk;
use super::text::{Section, person_sections};
use crate::lang::Lang;

/// Everything held about one person.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AccessExport {
    /// The day of the export.
    pub generated_on: Day,
    /// Their file in full (sensitive data included: it is theirs).
    pub file: PersonFile,
    /// Every audit entry about them, oldest first: who did or opened what, and when.
    pub audit: Vec<AuditEntry>,
}

impl Desk {
    /// Everything held about person `id` (see the module docs); recorded in the audit log.
    pub fn access_export(&mut self, by: &Reader, id: i64) -> Result<AccessExport> {
        let today = self.today();
        let full = Reader { username: by.username.clone(), sensitive: true };
        self.write(|tx| {
            let file = super::file::read(tx, &full, id, today)?;
            audit::record(
                tx,
                &Subject { actor: &by.username, action: "export", entity: "person", entity_id: id, person_id: Some(id) },
                &[],
            )?;
            let audit = audit::about(tx, id, None)?;
            Ok(AccessExport { generated_on: today, file, audit })
        })
    }
}

impl AccessExport {
    /// The export worded for the person to read, as the `access-request` document reads it
    /// (`Renderer::render_document`): title, sections of lines, the audit as a section.
    pub fn view(&self, lang: Lang) -> serde_json::Value {
        let p = &self.file.person;
        let t = |it: &'static str, en: &'static str| lang.pick(it, en);
        let mut sections = person_sections(&self.file, lang);
        let audit = self
            .audit
            .iter()
            .map(|e| {
                let what = match (&e.field, &e.new_value) {
                    (Some(f), Some(v)) => format!(" · {f}: {v}"),
                    (Some(f), None) => format!(" · {f}"),
                    _ => String::new(),
                };
                format!("{} {} — {} {}{what}", e.at.replace('T', " ").trim_end_matches('Z'), e.actor, e.action, e.entity)
            })
            .collect();
        sections.push(Section { title: t("Chi ha visto o modificato i dati", "Who saw or changed the data").to_owned(), lines: audit });
        serde_json::json!({
            "lang": lang.as_str(),
            "title": t("I tuoi dati presso lo sportello lavoro", "Your data held by the job desk"),
            "subtitle": format!("{} {} ({} {})", p.given_name, p.family_name, t("persona", "person"), p.id),
            "generated": format!("{} {}", t("Estratto del", "Extract of"), self.generated_on),
            "intro": t(
                "Questo documento riporta tutti i dati che lo sportello conserva su di te (art. 15 del Regolamento UE 2016/679), compresi i dati sensibili, e l'elenco di chi li ha consultati o modificati.",
                "This document lists all the data the desk holds about you (art. 15 of Regulation (EU) 2016/679), sensitive data included, and who consulted or changed it.",
            ),
            "sections": sections,
            "footer": t("Sportello Lavoro — richiesta di accesso ai dati", "Job desk — data access request"),
        })
    }
}
