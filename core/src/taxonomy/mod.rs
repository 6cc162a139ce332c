//! ESCO skills and occupations: loading, normalising free text, suggestions and skill
//! relatedness.
//!
//! A [`Taxonomy`] holds ESCO concepts (skills, occupations, ISCO-08 groups and skill
//! groups), their labels in one or more languages, and the relations between them
//! (occupation → essential/optional skill, skill → broader skill or group, skill ↔ skill).
//! Concepts are numbered with dense `u32` ids ([`ConceptId`]); all label text lives in one
//! arena; relations are compressed adjacency lists, so lookups are slices, not searches.
//!
//! Where a taxonomy comes from:
//! * [`Taxonomy::embedded`]: ESCO v1.1.1 in English, shipped inside the library as a compact
//!   pack (see [`Taxonomy::from_pack`]), plus the Italian labels of the ISCO-08 groups and
//!   Sportello's own Italian labels and synonym table (see below). Loaded once, on first use.
//! * [`Taxonomy::from_esco_csv`]: the official ESCO CSV download in any ESCO language, read
//!   through an [`EscoSource`] (the caller opens the files: the library never touches the
//!   file system). More languages can be added to the same taxonomy with
//!   [`Taxonomy::add_language_from_esco_csv`] or [`Taxonomy::merge`]; their labels are
//!   searched together and every hit says which language matched.
//! * [`Taxonomy::to_pack`] turns any taxonomy into the same compact format, so an imported
//!   language can be stored and reloaded quickly.
//!
//! What it does:
//! * [`Taxonomy::search_skills`] and [`Taxonomy::search_occupations`] normalise free text
//!   ("muletto", "operate forklfit") to ranked ESCO concepts, each [`Hit`] with its evidence
//!   (see the `search` module docs for the algorithm);
//! * [`Taxonomy::essential_skills`], [`Taxonomy::optional_skills`] and
//!   [`Taxonomy::occupations_for_skills`] suggest skills for an occupation and occupations
//!   for a set of skills;
//! * [`Taxonomy::relatedness`] gives the matcher partial credit between two skills.
//!
//! ## Italian
//! The shared reference data has no Italian ESCO labels for skills and occupations, only
//! for ISCO groups. The embedded taxonomy therefore adds **Sportello's own Italian labels**,
//! written and reviewed by the project: `core/data/esco-it-sportello.tsv` gives a preferred
//! label and the ways people write it for the 649 occupations Italian job desks see most and
//! all 5,774 of their skills (how they were chosen: `core/data/README.md`), and
//! `core/data/it-synonyms.tsv` a few hundred desk words ("muletto", "pulizie"). Every label
//! says who wrote it ([`LabelSource`]); an official Italian ESCO download, imported with
//! [`Taxonomy::add_language_from_esco_csv`], is shown first where it has a label. Search
//! shows labels in the reader's language ([`SearchOptions::display_lang`],
//! [`ConceptRef::label_in`]), falling back to English where no Italian label exists, and
//! reports the language shown.
//!
//! ```
//! use sportello::taxonomy::{LabelSource, SearchOptions, Taxonomy};
//!
//! let esco = Taxonomy::embedded();
//! let hits = esco.search_skills("muletto", &SearchOptions { display_lang: Some("it"), ..SearchOptions::default() }).unwrap();
//! assert_eq!(hits[0].preferred_label, "utilizzare il carrello elevatore");
//! assert_eq!((hits[0].preferred_label_lang, hits[0].preferred_label_source), ("it", LabelSource::Sportello));
//! // Nothing rather than a guess.
//! assert!(esco.search_skills("non lo so", &SearchOptions::default()).unwrap().is_empty());
//! ```
//!
//! ESCO is © European Union; this product uses the ESCO classification of the European
//! Commission. The embedded pack is a modified (reduced) derivative: it keeps labels,
//! classification codes and relations, and drops descriptions, definitions and notes.

mod building;
mod core_skills;
mod csr;
mod data_table;
mod esco_csv;
mod fingerprint;
mod kinds;
mod label_batch;
pub mod normalise;
mod own_labels;
mod pack;
mod related;
mod search;
mod suggest;
mod synonyms;
pub(crate) mod text;
mod thesaurus;
mod verb_forms;

use std::fmt;
use std::sync::OnceLock;

use crate::error::{Error, Result};
use text::FxHashMap;

use csr::Csr;
pub use esco_csv::{EscoSource, ImportReport};
pub use kinds::{ConceptId, ConceptKind, Label, LabelKind, LabelSource, NewLabel, RelationType, ReuseLevel, SkillType};
pub use related::{CLOSE_GROUP_MAX, Relation, RelationKind};
pub use search::{
    DEFAULT_MIN_SIMILARITY, DEFAULT_SEARCH_LIMIT, Hit, MAX_QUERY_CHARS, MAX_SEARCH_LIMIT, MatchKind, SearchOptions, ViaOccupation,
};
pub use suggest::{OPTIONAL_WEIGHT, OccupationScore, SkillLink};

/// The shared taxonomy: decoded from the embedded reference data on first use, or handed in
/// through `reference_data::provide` by a build without it.
static SHARED: OnceLock<Taxonomy> = OnceLock::new();

#[derive(Debug, Clone)]
struct ConceptData {
    kind: ConceptKind,
    skill_type: Option<SkillType>,
    reuse_level: Option<ReuseLevel>,
    /// ESCO code of an occupation (`2654.1.7`), ISCO code of a group, code of a skill group.
    code: Box<str>,
    /// ISCO-08 unit group of an occupation (`2654`).
    isco_group: Box<str>,
}

#[derive(Debug, Clone, Copy)]
struct LabelData {
    concept: u32,
    start: u32,
    end: u32,
    lang: u16,
    kind: LabelKind,
    source: LabelSource,
}

/// Lookups derived from the stored concepts, labels and relations.
#[derive(Debug, Clone, Default)]
struct Derived {
    concept_labels: Csr<u32>,
    occ_skills: Csr<(u32, RelationType)>,
    skill_occs: Csr<(u32, RelationType)>,
    broader: Csr<u32>,
    narrower: Csr<u32>,
    skill_rel: Csr<(u32, RelationType)>,
    isco_by_code: FxHashMap<Box<str>, u32>,
}

/// ESCO concepts, labels and relations, with search and suggestions (see the module docs).
#[derive(Default)]
pub struct Taxonomy {
    source: String,
    langs: Vec<Box<str>>,
    uris: Vec<Box<str>>,
    uri_ids: FxHashMap<Box<str>, u32>,
    concepts: Vec<ConceptData>,
    text: String,
    labels: Vec<LabelData>,
    /// (occupation, skill, type), sorted and deduplicated.
    occ_skill: Vec<(u32, u32, RelationType)>,
    /// (narrower, broader), sorted and deduplicated.
    broader: Vec<(u32, u32)>,
    /// (original skill, related skill, type), sorted and deduplicated.
    skill_skill: Vec<(u32, u32, RelationType)>,
    derived: Derived,
    /// Occupation → the skills that define the trade (Sportello's own list, `core_skills`).
    core_skills: core_skills::CoreSkills,
    index: OnceLock<search::Indexes>,
}

impl Clone for Taxonomy {
    fn clone(&self) -> Self {
        let index = OnceLock::new();
        if let Some(built) = self.index.get() {
            let _ = index.set(built.clone());
        }
        Taxonomy {
            source: self.source.clone(),
            langs: self.langs.clone(),
            uris: self.uris.clone(),
            uri_ids: self.uri_ids.clone(),
            concepts: self.concepts.clone(),
            text: self.text.clone(),
            labels: self.labels.clone(),
            occ_skill: self.occ_skill.clone(),
            broader: self.broader.clone(),
            skill_skill: self.skill_skill.clone(),
            derived: self.derived.clone(),
            core_skills: self.core_skills.clone(),
            index,
        }
    }
}

impl fmt::Debug for Taxonomy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Taxonomy")
            .field("source", &self.source)
            .field("languages", &self.langs)
            .field("concepts", &self.concepts.len())
            .field("labels", &self.labels.len())
            .field("occupation_skill_relations", &self.occ_skill.len())
            .finish_non_exhaustive()
    }
}

impl Taxonomy {
    /// An empty taxonomy.
    pub fn new() -> Self {
        Self::default()
    }

    /// The embedded taxonomy: ESCO v1.1.1 in English, the Italian labels of the ISCO-08
    /// groups and Sportello's Italian synonym table. Decoded and indexed once, on first
    /// use (about 50 ms in a release build), then shared.
    ///
    /// The pack is checked by the crate's tests; should it ever fail to decode, this
    /// returns an empty taxonomy rather than panicking. A build without the embedded data
    /// (the widget) gets the taxonomy handed in (`reference_data::provide`), and an
    /// empty one until then.
    pub fn embedded() -> &'static Taxonomy {
        if let Some(t) = SHARED.get() {
            return t;
        }
        if crate::reference_data::files::embedded().is_err() {
            // Not handed in yet (crate::reference_data): empty, and not kept.
            static EMPTY: OnceLock<Taxonomy> = OnceLock::new();
            return EMPTY.get_or_init(Taxonomy::default);
        }
        SHARED.get_or_init(|| {
            let t = Self::load_embedded().unwrap_or_default();
            t.prepare();
            t
        })
    }

    /// Decodes a fresh copy of the embedded taxonomy (what [`Taxonomy::embedded`] does once),
    /// without building its search index. For benchmarks and for callers that want to
    /// extend it: `let mut t = Taxonomy::load_embedded()?; t.merge(&italian);`.
    pub fn load_embedded() -> Result<Taxonomy> {
        Self::from_reference(crate::reference_data::files::embedded()?)
    }

    /// Decodes the taxonomy of a set of reference-data files: the ESCO pack with Sportello's
    /// Italian labels, synonyms and core skills. Errors name the file.
    pub fn from_reference(data: &crate::reference_data::files::ReferenceData<'_>) -> Result<Taxonomy> {
        // The Italian files are parsed, and their labels made ready, beside the pack's
        // decoding; one batch, so the concept → labels lookup is rebuilt once.
        let (pack, italian) = crate::both::both(
            || Taxonomy::from_pack(data.esco_pack),
            || {
                let labels = own_labels::parse(data.it_labels, "esco-it-sportello.tsv")?;
                let synonyms = synonyms::parse(data.it_synonyms, "it-synonyms.tsv")?;
                Ok::<_, Error>(label_batch::LabelBatch::new(labels.labels("it").chain(synonyms::labels(&synonyms, "it"))))
            },
        );
        let mut t = pack?;
        t.add_batch(&italian?)?;
        t.add_core_skills(data.core_skills, "core-skills.tsv")?;
        Ok(t)
    }

    /// Whether the shared taxonomy has been decoded or handed in.
    pub(crate) fn shared_is_set() -> bool {
        SHARED.get().is_some()
    }

    /// Installs the shared taxonomy (`reference_data::provide`); a second call
    /// changes nothing.
    pub(crate) fn set_shared(t: Taxonomy) {
        let _ = SHARED.set(t);
    }

    /// The size in bytes of the embedded pack (0 in a build without the embedded data).
    pub fn embedded_pack_len() -> usize {
        crate::reference_data::files::embedded().map_or(0, |d| d.esco_pack.len())
    }

    /// Builds the search index now instead of on the first search (it takes a few tens of
    /// milliseconds; searching from several threads at once is fine either way).
    pub fn prepare(&self) {
        self.indexes();
    }

    fn indexes(&self) -> &search::Indexes {
        self.index.get_or_init(|| search::Indexes::build(self))
    }

    /// A free-text note on where this taxonomy comes from (kept in packs).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Sets the note returned by [`Taxonomy::source`].
    pub fn set_source(&mut self, source: impl Into<String>) {
        self.source = source.into();
    }

    /// The language codes of the labels, in the order they were added.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.langs.iter().map(|l| &**l)
    }

    /// How many concepts of a kind there are.
    pub fn count(&self, kind: ConceptKind) -> usize {
        self.concepts.iter().filter(|c| c.kind == kind).count()
    }

    /// How many labels there are, in all languages.
    pub fn label_count(&self) -> usize {
        self.labels.len()
    }

    /// The id of the concept with this URI.
    pub fn id(&self, uri: &str) -> Option<ConceptId> {
        self.uri_ids.get(uri.trim()).map(|&i| ConceptId(i))
    }

    /// The concept with this URI.
    pub fn concept(&self, uri: &str) -> Option<ConceptRef<'_>> {
        self.id(uri).map(|id| ConceptRef { tax: self, id: id.0 })
    }

    /// The concept with this id.
    pub fn concept_by_id(&self, id: ConceptId) -> Option<ConceptRef<'_>> {
        (id.index() < self.concepts.len()).then_some(ConceptRef { tax: self, id: id.0 })
    }

    /// Every concept, in id order.
    pub fn concepts(&self) -> impl Iterator<Item = ConceptRef<'_>> {
        (0..self.concepts.len() as u32).map(|id| ConceptRef { tax: self, id })
    }

    /// The ISCO-08 group with this code (`"8344"`, `"83"`), if known.
    pub fn isco_group(&self, code: &str) -> Option<ConceptRef<'_>> {
        self.derived.isco_by_code.get(code.trim()).map(|&id| ConceptRef { tax: self, id })
    }

    /// The direct broader concepts (skills or skill groups) of a skill or skill group.
    pub fn broader(&self, id: ConceptId) -> impl Iterator<Item = ConceptId> + '_ {
        self.derived.broader.get(id.0).iter().map(|&b| ConceptId(b))
    }

    /// The direct narrower concepts of a skill or skill group.
    pub fn narrower(&self, id: ConceptId) -> impl Iterator<Item = ConceptId> + '_ {
        self.derived.narrower.get(id.0).iter().map(|&b| ConceptId(b))
    }

    fn label_text(&self, l: &LabelData) -> &str {
        self.text.get(l.start as usize..l.end as usize).unwrap_or("")
    }

    fn lang_code(&self, lang: u16) -> &str {
        self.langs.get(lang as usize).map(|l| &**l).unwrap_or("")
    }

    /// The label shown for a concept: its preferred label in `lang`, else in the first
    /// language loaded, else any preferred label, else any label, else its URI. Among
    /// preferred labels of one language, ESCO's comes before Sportello's.
    fn display_label(&self, concept: u32, lang: Option<u16>) -> Label<'_> {
        let ids = self.derived.concept_labels.get(concept);
        let pref = |want: Option<u16>| {
            ids.iter()
                .map(|&i| &self.labels[i as usize])
                .filter(|l| l.kind == LabelKind::Preferred && want.is_none_or(|w| l.lang == w))
                .min_by_key(|l| l.source)
        };
        let found = lang
            .and_then(|l| pref(Some(l)))
            .or_else(|| pref(Some(0)))
            .or_else(|| pref(None))
            .or_else(|| ids.first().map(|&i| &self.labels[i as usize]));
        match found {
            Some(l) => Label { text: self.label_text(l), lang: self.lang_code(l.lang), kind: l.kind, source: l.source },
            None => Label {
                text: self.uris.get(concept as usize).map(|u| &**u).unwrap_or(""),
                lang: "",
                kind: LabelKind::Preferred,
                source: LabelSource::Esco,
            },
        }
    }

    /// The number of a language code, if any label is in that language.
    fn lang_id(&self, code: &str) -> Option<u16> {
        self.langs.iter().position(|l| &**l == code).map(|i| i as u16)
    }

    fn kind_of(&self, concept: u32) -> Option<ConceptKind> {
        self.concepts.get(concept as usize).map(|c| c.kind)
    }
}

/// A view of one concept of a [`Taxonomy`].
#[derive(Clone, Copy)]
pub struct ConceptRef<'t> {
    tax: &'t Taxonomy,
    id: u32,
}

impl fmt::Debug for ConceptRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConceptRef").field("uri", &self.uri()).field("label", &self.label()).finish()
    }
}

impl<'t> ConceptRef<'t> {
    fn data(&self) -> &'t ConceptData {
        &self.tax.concepts[self.id as usize]
    }

    /// The concept's id in its taxonomy.
    pub fn id(&self) -> ConceptId {
        ConceptId(self.id)
    }

    /// The ESCO URI.
    pub fn uri(&self) -> &'t str {
        &self.tax.uris[self.id as usize]
    }

    /// Skill, occupation, ISCO group or skill group.
    pub fn kind(&self) -> ConceptKind {
        self.data().kind
    }

    /// The preferred label in a language, if the taxonomy has one (ESCO's before Sportello's).
    pub fn preferred_label(&self, lang: &str) -> Option<&'t str> {
        self.labels().filter(|l| l.kind == LabelKind::Preferred && l.lang == lang).min_by_key(|l| l.source).map(|l| l.text)
    }

    /// The label to show: the preferred label in the first language loaded (English for
    /// the embedded taxonomy), else any label, else the URI.
    pub fn label(&self) -> &'t str {
        self.tax.display_label(self.id, None).text
    }

    /// The label to show to a reader of `lang`: the preferred label in that language (ESCO's
    /// if there is one, else Sportello's), else in the first language loaded; the label's
    /// `lang` and `source` say which it is, so a fallback can be shown as such.
    ///
    /// ```
    /// use sportello::taxonomy::{LabelSource, Taxonomy};
    ///
    /// let forklift = Taxonomy::embedded().concept("http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da").unwrap();
    /// let shown = forklift.label_in("it");
    /// assert_eq!((shown.text, shown.lang, shown.source), ("utilizzare il carrello elevatore", "it", LabelSource::Sportello));
    /// assert_eq!(forklift.label_in("en").text, "operate forklift");
    /// ```
    pub fn label_in(&self, lang: &str) -> Label<'t> {
        self.tax.display_label(self.id, self.tax.lang_id(lang))
    }

    /// Every label, in every language.
    pub fn labels(&self) -> impl Iterator<Item = Label<'t>> + 't {
        let tax = self.tax;
        tax.derived.concept_labels.get(self.id).iter().map(move |&i| {
            let l = &tax.labels[i as usize];
            Label { text: tax.label_text(l), lang: tax.lang_code(l.lang), kind: l.kind, source: l.source }
        })
    }

    /// ESCO's `skillType` (skills only).
    pub fn skill_type(&self) -> Option<SkillType> {
        self.data().skill_type
    }

    /// ESCO's `reuseLevel` (skills only).
    pub fn reuse_level(&self) -> Option<ReuseLevel> {
        self.data().reuse_level
    }

    /// The ESCO code of an occupation (`"2654.1.7"`), the ISCO code of an ISCO group
    /// (`"2654"`) or the code of a skill group (`"S1.2"`).
    pub fn code(&self) -> Option<&'t str> {
        Some(&*self.data().code).filter(|c| !c.is_empty())
    }

    /// The ISCO-08 unit group of an occupation (`"2654"`); see [`Taxonomy::isco_group`].
    pub fn isco_group(&self) -> Option<&'t str> {
        Some(&*self.data().isco_group).filter(|c| !c.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_agree_with_serde() {
        use crate::wire::assert_names;
        assert_names(ConceptKind::ALL);
        assert_names(LabelKind::ALL);
        assert_names(LabelSource::ALL);
        assert_names(RelationType::ALL);
        assert_names(RelationKind::ALL);
        assert_names(SkillType::ALL);
        assert_names(ReuseLevel::ALL);
        assert_names(MatchKind::ALL);
        assert_names(crate::model::Section::ALL);
    }

    #[test]
    fn embedded_pack_decodes_with_synonyms() {
        let t = Taxonomy::load_embedded().expect("embedded pack decodes");
        assert_eq!(t.count(ConceptKind::Skill), 13_896);
        assert_eq!(t.count(ConceptKind::Occupation), 3_007);
        assert_eq!(t.count(ConceptKind::IscoGroup), 619);
        assert!(t.languages().any(|l| l == "it"));
        let forklift = t.concept("http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da").expect("operate forklift");
        assert_eq!(forklift.label(), "operate forklift");
        assert!(forklift.labels().any(|l| l.text == "muletto" && l.lang == "it" && l.source == LabelSource::Sportello));
        let group = t.isco_group("8344").expect("ISCO 8344");
        assert_eq!(group.preferred_label("it"), Some("Conduttori di carrelli elevatori"));
    }
}
