//! A digest of a taxonomy's contents: everything a label search depends on (concepts,
//! labels, relations, Sportello's core skills). Work saved with one taxonomy, such as the
//! labels a vacancy index has already placed (`matching::memo`), is reused only with a
//! taxonomy of the same digest: importing a language pack or a new ESCO release changes it.

use std::hash::{Hash, Hasher};

use sha2::{Digest, Sha256};

use super::Taxonomy;

/// `std::hash::Hash` into SHA-256: one digest, whatever the process or the hasher seed.
struct Sha(Sha256);

impl Hasher for Sha {
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    fn finish(&self) -> u64 {
        let d = self.0.clone().finalize();
        u64::from_le_bytes([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]])
    }
}

impl Taxonomy {
    /// The hex SHA-256 digest of the concepts, labels, relations and core skills (not of
    /// [`Taxonomy::source`], a note). Two taxonomies with the same digest answer every
    /// search alike, within one version of Sportello. About 20 ms for the embedded one.
    pub fn fingerprint(&self) -> String {
        let mut h = Sha(Sha256::new());
        self.langs.hash(&mut h);
        self.uris.hash(&mut h);
        for c in &self.concepts {
            (c.kind, c.skill_type, c.reuse_level, &c.code, &c.isco_group).hash(&mut h);
        }
        self.text.hash(&mut h);
        for l in &self.labels {
            (l.concept, l.start, l.end, l.lang, l.kind, l.source).hash(&mut h);
        }
        self.occ_skill.hash(&mut h);
        self.broader.hash(&mut h);
        self.skill_skill.hash(&mut h);
        let mut core: Vec<_> = self.core_skills.iter().collect();
        core.sort_unstable();
        core.hash(&mut h);
        h.0.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::super::{LabelKind, LabelSource, NewLabel};
    use super::*;

    #[test]
    fn the_same_contents_give_the_same_digest_and_a_new_label_another() {
        let a = Taxonomy::load_embedded().unwrap();
        let mut b = Taxonomy::load_embedded().unwrap();
        b.set_source("a note does not count");
        assert_eq!(a.fingerprint(), b.fingerprint());
        assert_eq!(a.fingerprint().len(), 64);
        let uri = a.concepts().next().unwrap().uri().to_owned();
        let label =
            NewLabel { uri: &uri, lang: "it", kind: LabelKind::Alternative, source: LabelSource::Sportello, text: "etichetta nuova" };
        b.add_labels([label]).unwrap();
        assert_ne!(a.fingerprint(), b.fingerprint());
    }
}
