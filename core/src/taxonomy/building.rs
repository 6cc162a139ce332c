//! Building a taxonomy: interning languages and concepts, adding labels (deduplicated per
//! batch), merging another taxonomy, and rebuilding the lookups when done. Reading ESCO's
//! CSV download (`esco_csv.rs`) and the pack (`pack.rs`) go through here.

use super::label_batch::{LabelBatch, LabelSet, intern_lang};
use super::*;

impl Taxonomy {
    /// Adds labels to concepts already in the taxonomy (e.g. a language's ISCO group labels,
    /// or a synonym table) and returns how many were new. Labels already present (same
    /// concept, language and text) are skipped. Every concept is looked up before any label
    /// is added: a batch with an unknown concept is an error and changes nothing.
    pub fn add_labels<'a>(&mut self, labels: impl IntoIterator<Item = NewLabel<'a>>) -> Result<usize> {
        self.add_batch(&LabelBatch::new(labels))
    }

    /// Adds a batch of labels made ready beforehand (see [`LabelBatch`]), as
    /// [`Taxonomy::add_labels`] does, and returns how many were new.
    pub(super) fn add_batch(&mut self, batch: &LabelBatch) -> Result<usize> {
        let concepts = batch
            .uris
            .iter()
            .map(|uri| self.uri_ids.get(&**uri).copied().ok_or_else(|| Error::UnknownConcept { uri: uri.to_string() }))
            .collect::<Result<Vec<u32>>>()?;
        let langs: Vec<u16> = batch.langs.iter().map(|lang| self.intern_lang(lang)).collect();
        let langs_before = self.langs_by_concept();
        let before = self.labels.len();
        self.labels.reserve(batch.labels.len());
        self.text.reserve(batch.text_len());
        for l in &batch.labels {
            let (concept, lang, text) = (concepts[l.uri as usize], langs[l.lang as usize], batch.text(l));
            let may_have = lang >= 64 || langs_before.get(concept as usize).is_some_and(|&m| m & 1 << lang != 0);
            if let Some(i) = may_have.then(|| self.existing_label(concept, lang, text)).flatten() {
                self.strengthen(i, l.kind, l.source);
                continue;
            }
            self.push_label(concept, lang, (l.kind, l.source), text);
        }
        self.finish_labels();
        Ok(self.labels.len() - before)
    }

    /// Adds a synonym table: UTF-8 text with one `term<TAB>uri[<TAB>note]` per line, `#`
    /// comments and blank lines ignored (the format of `core/data/it-synonyms.tsv`). Every
    /// URI must be in the taxonomy. Returns how many labels were new.
    pub fn add_synonyms_tsv(&mut self, tsv: &str, file_name: &str, lang: &str) -> Result<usize> {
        let entries = synonyms::parse(tsv, file_name)?;
        for e in &entries {
            if self.id(&e.uri).is_none() {
                return Err(Error::DataFile {
                    file: file_name.to_owned(),
                    line: e.line,
                    message: format!("unknown ESCO concept {:?}", e.uri),
                });
            }
        }
        self.add_labels(synonyms::labels(&entries, lang))
    }

    /// Adds everything in `other` to this taxonomy: concepts missing here, labels (in any
    /// language) and relations. Attributes this taxonomy lacks (skill type, codes) are taken
    /// from `other`. Used to search several languages together.
    pub fn merge(&mut self, other: &Taxonomy) {
        let ids: Vec<u32> = (0..other.concepts.len())
            .map(|i| {
                let c = &other.concepts[i];
                let id = self.intern_concept(&other.uris[i], c.kind);
                let mine = &mut self.concepts[id as usize];
                mine.skill_type = mine.skill_type.or(c.skill_type);
                mine.reuse_level = mine.reuse_level.or(c.reuse_level);
                if mine.code.is_empty() {
                    mine.code.clone_from(&c.code);
                }
                if mine.isco_group.is_empty() {
                    mine.isco_group.clone_from(&c.isco_group);
                }
                id
            })
            .collect();
        let mut seen = LabelSet::default();
        for l in &other.labels {
            let lang = self.intern_lang(&other.langs[l.lang as usize]);
            let text = &other.text[l.start as usize..l.end as usize];
            self.push_label_dedup(&mut seen, ids[l.concept as usize], lang, (l.kind, l.source), text);
        }
        self.occ_skill.extend(other.occ_skill.iter().map(|&(o, s, t)| (ids[o as usize], ids[s as usize], t)));
        self.broader.extend(other.broader.iter().map(|&(n, b)| (ids[n as usize], ids[b as usize])));
        self.skill_skill.extend(other.skill_skill.iter().map(|&(a, b, t)| (ids[a as usize], ids[b as usize], t)));
        if self.source.is_empty() {
            self.source.clone_from(&other.source);
        } else if !other.source.is_empty() && self.source != other.source {
            self.source = format!("{}; {}", self.source, other.source);
        }
        self.finish();
    }

    // ----- building (used by the CSV and pack readers) -----

    pub(super) fn intern_lang(&mut self, lang: &str) -> u16 {
        intern_lang(&mut self.langs, lang)
    }

    pub(super) fn intern_concept(&mut self, uri: &str, kind: ConceptKind) -> u32 {
        if let Some(&id) = self.uri_ids.get(uri) {
            return id;
        }
        let id = self.concepts.len() as u32;
        self.uris.push(uri.into());
        self.uri_ids.insert(uri.into(), id);
        self.concepts.push(ConceptData { kind, skill_type: None, reuse_level: None, code: "".into(), isco_group: "".into() });
        id
    }

    pub(super) fn push_label(&mut self, concept: u32, lang: u16, (kind, source): (LabelKind, LabelSource), text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let start = self.text.len() as u32;
        self.text.push_str(text);
        self.labels.push(LabelData { concept, start, end: self.text.len() as u32, lang, kind, source });
    }

    /// Adds a label unless the concept already has it in that language: among the labels
    /// present at the last [`Taxonomy::finish`] (looked up by concept) or among those added
    /// since (`added`, keyed by a hash of the text and checked against the text). A label
    /// that is already there keeps the strongest kind (an official preferred label beats
    /// the same text from a synonym table) and ESCO as its source if either says so.
    pub(super) fn push_label_dedup(
        &mut self,
        added: &mut LabelSet,
        concept: u32,
        lang: u16,
        (kind, source): (LabelKind, LabelSource),
        text: &str,
    ) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let key = (concept, lang, text::hash_str(text));
        let again = added.get(&key).copied().filter(|&i| self.label_text(&self.labels[i as usize]) == text);
        if let Some(i) = self.existing_label(concept, lang, text).or(again) {
            self.strengthen(i, kind, source);
            return;
        }
        added.insert(key, self.labels.len() as u32);
        self.push_label(concept, lang, (kind, source), text);
    }

    /// The label of `concept` in `lang` with this text, among those present at the last
    /// [`Taxonomy::finish`].
    fn existing_label(&self, concept: u32, lang: u16, text: &str) -> Option<u32> {
        self.derived.concept_labels.get(concept).iter().copied().find(|&i| {
            let l = &self.labels[i as usize];
            l.lang == lang && self.label_text(l) == text
        })
    }

    /// For each concept, the languages it has labels in among those [`Self::existing_label`]
    /// looks at, as bits (`1 << lang`, for the first 64 languages). Most labels added are in
    /// a language their concept has none in yet, and need no look at its labels (which,
    /// spread over the taxonomy, took a sixth of the time to add the Italian labels).
    fn langs_by_concept(&self) -> Vec<u64> {
        (0..self.concepts.len() as u32)
            .map(|c| {
                self.derived
                    .concept_labels
                    .get(c)
                    .iter()
                    .fold(0, |bits, &i| bits | self.labels.get(i as usize).and_then(|l| 1u64.checked_shl(u32::from(l.lang))).unwrap_or(0))
            })
            .collect()
    }

    /// Keeps the stronger kind and source of a label added again.
    fn strengthen(&mut self, label: u32, kind: LabelKind, source: LabelSource) {
        let l = &mut self.labels[label as usize];
        l.kind = l.kind.min(kind);
        l.source = l.source.min(source);
    }

    /// Sorts and deduplicates the relations, rebuilds the lookups and drops the search
    /// index (rebuilt on the next search).
    pub(super) fn finish(&mut self) {
        self.occ_skill.sort_unstable();
        self.occ_skill.dedup_by_key(|r| (r.0, r.1));
        self.broader.sort_unstable();
        self.broader.dedup();
        self.broader.retain(|&(n, b)| n != b);
        self.skill_skill.sort_unstable();
        self.skill_skill.dedup_by_key(|r| (r.0, r.1));
        self.skill_skill.retain(|&(a, b, _)| a != b);

        let n = self.concepts.len();
        let occ: Vec<(u32, (u32, RelationType))> = self.occ_skill.iter().map(|&(o, s, t)| (o, (s, t))).collect();
        let occ_inv: Vec<(u32, (u32, RelationType))> = self.occ_skill.iter().map(|&(o, s, t)| (s, (o, t))).collect();
        let up: Vec<(u32, u32)> = self.broader.clone();
        let down: Vec<(u32, u32)> = self.broader.iter().map(|&(a, b)| (b, a)).collect();
        let rel: Vec<(u32, (u32, RelationType))> = self.skill_skill.iter().flat_map(|&(a, b, t)| [(a, (b, t)), (b, (a, t))]).collect();
        let isco_by_code = self
            .concepts
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind == ConceptKind::IscoGroup && !c.code.is_empty())
            .map(|(i, c)| (c.code.clone(), i as u32))
            .collect();
        self.derived = Derived {
            concept_labels: Csr::default(),
            occ_skills: Csr::build(n, &occ),
            skill_occs: Csr::build(n, &occ_inv),
            broader: Csr::build(n, &up),
            narrower: Csr::build(n, &down),
            skill_rel: Csr::build(n, &rel),
            isco_by_code,
        };
        self.finish_labels();
    }

    /// Rebuilds the concept → labels lookup and drops the search index, after labels were
    /// added.
    pub(super) fn finish_labels(&mut self) {
        let pairs: Vec<(u32, u32)> = self.labels.iter().enumerate().map(|(i, l)| (l.concept, i as u32)).collect();
        self.derived.concept_labels = Csr::build(self.concepts.len(), &pairs);
        self.index = OnceLock::new();
    }
}
