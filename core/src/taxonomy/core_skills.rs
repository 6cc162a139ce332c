//! The skills that define a trade: `core/data/core-skills.tsv`, Sportello's own list for the
//! occupations Italian job desks see most.
//!
//! A job title typed where a skill is expected ("cameriere", "badante", "magazziniere")
//! stands for the trade's hands-on tasks: serving food at the table and taking orders, not
//! "identify customer needs", which ESCO also lists as essential. ESCO's structure cannot
//! tell them apart, so the project keeps, for each occupation of its Italian labels, the
//! three essential skills a counsellor would name (written with the labels, see
//! `core/data/README.md`). Search uses them first when it routes a job title to skills; for
//! other occupations it falls back on a rule (see `search::route_through_occupation`).
//!
//! Format: UTF-8, one occupation per line, `occupation uri<TAB>skill uris separated by
//! spaces<TAB>English preferred label of the occupation` (checked by the crate's tests so
//! that a line cannot drift); URIs with or without the `http://data.europa.eu/esco/` prefix;
//! blank lines and lines starting with `#` are ignored. Every skill must be an essential
//! skill of its occupation.

use super::data_table::{full_uri, rows};
use super::text::FxHashMap;
use super::{RelationType, Taxonomy};
use crate::error::Result;

/// The most skills a line may list.
const MAX_CORE_SKILLS: usize = 5;

/// Occupation → its core skills, in order.
pub(super) type CoreSkills = FxHashMap<u32, Box<[u32]>>;

impl Taxonomy {
    /// Reads a core-skill table into this taxonomy, checking that every occupation is in it
    /// and that every skill is one of its essential skills.
    pub(super) fn add_core_skills(&mut self, text: &str, file: &str) -> Result<()> {
        for row in rows(text, file) {
            let err = |message: String| row.error(message);
            let [occupation, skills, _english] = row.fields[..] else {
                return Err(err(format!("expected 3 tab-separated fields (occupation, skills, english), found {}", row.fields.len())));
            };
            let occ = self.id(&full_uri(occupation)).ok_or_else(|| err(format!("unknown ESCO occupation {occupation:?}")))?;
            let essential: Vec<u32> =
                self.derived.occ_skills.get(occ.0).iter().filter(|&&(_, r)| r == RelationType::Essential).map(|&(s, _)| s).collect();
            let mut core = Vec::new();
            for skill in skills.split_whitespace() {
                let id = self.id(&full_uri(skill)).ok_or_else(|| err(format!("unknown ESCO skill {skill:?}")))?;
                if !essential.contains(&id.0) {
                    return Err(err(format!("{skill} is not an essential skill of {occupation}")));
                }
                if !core.contains(&id.0) {
                    core.push(id.0);
                }
            }
            if core.is_empty() || core.len() > MAX_CORE_SKILLS {
                return Err(err(format!("expected 1 to {MAX_CORE_SKILLS} skills, found {}", core.len())));
            }
            self.core_skills.insert(occ.0, core.into_boxed_slice());
        }
        Ok(())
    }

    /// The core skills kept for an occupation, if any (see the module docs).
    pub(super) fn core_skills_of(&self, occupation: u32) -> &[u32] {
        self.core_skills.get(&occupation).map_or(&[], |s| s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::taxonomy::ConceptKind;

    #[test]
    fn the_shipped_table_matches_esco() {
        let esco = Taxonomy::from_pack(crate::reference_data::files::embedded().expect("embedded").esco_pack).expect("pack");
        let mut lines = 0;
        for (i, raw) in crate::reference_data::files::embedded().expect("embedded").core_skills.lines().enumerate() {
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            lines += 1;
            let f: Vec<&str> = raw.split('\t').collect();
            let concept = esco.concept(&full_uri(f[0])).unwrap_or_else(|| panic!("line {}: unknown {}", i + 1, f[0]));
            assert_eq!(concept.kind(), ConceptKind::Occupation, "line {}", i + 1);
            assert_eq!(concept.preferred_label("en"), Some(f[2].trim()), "line {}", i + 1);
        }
        let mut t = esco;
        t.add_core_skills(crate::reference_data::files::embedded().expect("embedded").core_skills, "core-skills.tsv")
            .expect("every skill is essential");
        assert_eq!(t.core_skills.len(), lines);
        assert!(lines >= 400, "{lines} occupations");
    }

    #[test]
    fn a_skill_that_is_not_essential_is_refused_with_its_line() {
        let mut t = Taxonomy::from_pack(crate::reference_data::files::embedded().expect("embedded").esco_pack).expect("pack");
        let waiter = "occupation/d5db9d5c-2ebf-4a54-a79a-1b7e7ff70471";
        // "operate forklift" is no skill of a waiter.
        let text = format!("# comment\n{waiter}\tskill/28cb374e-6261-4133-8371-f9a5470145da\twaiter/waitress\n");
        let Err(Error::DataFile { line, message, .. }) = t.add_core_skills(&text, "c.tsv") else { panic!("accepted") };
        assert_eq!(line, 2);
        assert!(message.contains("not an essential skill"), "{message}");
        let Err(Error::DataFile { message, .. }) = t.add_core_skills(&format!("{waiter}\t\tw\n"), "c.tsv") else { panic!("accepted") };
        assert!(message.contains("expected 1 to 5 skills"), "{message}");
        let Err(Error::DataFile { message, .. }) = t.add_core_skills("occupation/no-such\tskill/x\tw\n", "c.tsv") else {
            panic!("accepted")
        };
        assert!(message.contains("unknown ESCO occupation \"occupation/no-such\""), "{message}");
        let Err(Error::DataFile { message, .. }) = t.add_core_skills(&format!("{waiter}\tskill/no-such\tw\n"), "c.tsv") else {
            panic!("accepted")
        };
        assert!(message.contains("unknown ESCO skill \"skill/no-such\""), "{message}");
        let Err(Error::DataFile { message, .. }) = t.add_core_skills(&format!("{waiter}\n"), "c.tsv") else { panic!("accepted") };
        assert!(message.contains("expected 3 tab-separated fields"), "{message}");
    }
}
