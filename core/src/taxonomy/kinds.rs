//! The vocabulary of the taxonomy: concept ids and kinds, ESCO's skill types and reuse
//! levels, label kinds and sources, relation types, and labels as read and as added.

use serde::Serialize;

/// A concept's number inside one [`Taxonomy`]: dense, starting at 0. Ids are not stable
/// across taxonomies; store URIs, not ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConceptId(pub(super) u32);

impl ConceptId {
    /// The id as an index (0-based).
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What an ESCO concept is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConceptKind {
    /// A skill, competence or knowledge concept (`skills_xx.csv`).
    Skill,
    /// An occupation (`occupations_xx.csv`).
    Occupation,
    /// An ISCO-08 group, levels 1 to 4 (`ISCOGroups_xx.csv`).
    IscoGroup,
    /// A group of the skills hierarchy, including ISCED-F fields (`skillGroups_xx.csv`).
    SkillGroup,
}

wire_names!(ConceptKind, "a kind of concept", { Skill => "skill", Occupation => "occupation", IscoGroup => "isco_group", SkillGroup => "skill_group" });

impl ConceptKind {
    pub(super) fn code(self) -> u8 {
        match self {
            ConceptKind::Skill => 0,
            ConceptKind::Occupation => 1,
            ConceptKind::IscoGroup => 2,
            ConceptKind::SkillGroup => 3,
        }
    }
    pub(super) fn from_code(c: u8) -> Option<Self> {
        Some(match c {
            0 => ConceptKind::Skill,
            1 => ConceptKind::Occupation,
            2 => ConceptKind::IscoGroup,
            3 => ConceptKind::SkillGroup,
            _ => return None,
        })
    }
}

/// ESCO's `skillType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkillType {
    /// `skill/competence`: the ability to do something.
    SkillCompetence,
    /// `knowledge`: what one knows.
    Knowledge,
}

wire_names!(SkillType, "a skill type", { SkillCompetence => "skill_competence", Knowledge => "knowledge" });

impl SkillType {
    /// The ESCO code, e.g. `skill/competence` (the wire name is `skill_competence`).
    pub fn code(self) -> &'static str {
        match self {
            SkillType::SkillCompetence => "skill/competence",
            SkillType::Knowledge => "knowledge",
        }
    }
    pub(super) fn parse(s: &str) -> Option<Self> {
        match s {
            "skill/competence" => Some(SkillType::SkillCompetence),
            "knowledge" => Some(SkillType::Knowledge),
            _ => None,
        }
    }
}

/// ESCO's `reuseLevel`: how widely a skill applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReuseLevel {
    /// Useful in any job (e.g. "work in teams").
    Transversal,
    /// Used across several sectors.
    CrossSector,
    /// Specific to one sector.
    SectorSpecific,
    /// Specific to one occupation.
    OccupationSpecific,
}

wire_names!(ReuseLevel, "a reuse level", {
    Transversal => "transversal",
    CrossSector => "cross_sector",
    SectorSpecific => "sector_specific",
    OccupationSpecific => "occupation_specific",
});

impl ReuseLevel {
    /// The ESCO code, e.g. `cross-sector` (the wire name is `cross_sector`).
    pub fn code(self) -> &'static str {
        match self {
            ReuseLevel::Transversal => "transversal",
            ReuseLevel::CrossSector => "cross-sector",
            ReuseLevel::SectorSpecific => "sector-specific",
            ReuseLevel::OccupationSpecific => "occupation-specific",
        }
    }
    pub(super) fn parse(s: &str) -> Option<Self> {
        ReuseLevel::ALL.iter().copied().find(|r| r.code() == s)
    }
}

/// Where a label comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelKind {
    /// ESCO's preferred label.
    Preferred,
    /// One of ESCO's alternative labels.
    Alternative,
    /// One of ESCO's hidden labels (misspellings and obsolete terms, for search only).
    Hidden,
    /// A synonym added outside ESCO, e.g. Sportello's Italian table.
    Synonym,
}

wire_names!(LabelKind, "a kind of label", { Preferred => "preferred", Alternative => "alternative", Hidden => "hidden", Synonym => "synonym" });

impl LabelKind {
    pub(super) fn code(self) -> u8 {
        match self {
            LabelKind::Preferred => 0,
            LabelKind::Alternative => 1,
            LabelKind::Hidden => 2,
            LabelKind::Synonym => 3,
        }
    }
    pub(super) fn from_code(c: u8) -> Option<Self> {
        Some(match c {
            0 => LabelKind::Preferred,
            1 => LabelKind::Alternative,
            2 => LabelKind::Hidden,
            3 => LabelKind::Synonym,
            _ => return None,
        })
    }
}

/// Who wrote a label: ESCO itself (an official download or the embedded pack), or Sportello
/// (its own Italian labels and synonym table, written and reviewed by the project). Where
/// both give a preferred label in one language, ESCO's is the one shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelSource {
    /// The European Commission's ESCO classification.
    #[default]
    Esco,
    /// Sportello's own labels (`core/data/esco-it-sportello.tsv`, `core/data/it-synonyms.tsv`).
    Sportello,
}

wire_names!(LabelSource, "a label source", { Esco => "esco", Sportello => "sportello" });

/// How strongly an occupation needs a skill (ESCO's `relationType`), or how one skill needs
/// another in `skillSkillRelations`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationType {
    /// Essential.
    Essential,
    /// Optional.
    #[default]
    Optional,
}

wire_names!(RelationType, "a relation (essential or optional)", { Essential => "essential", Optional => "optional" });

/// One label of a concept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Label<'t> {
    /// The text, as ESCO (or the synonym table) writes it.
    pub text: &'t str,
    /// Its language, an ESCO language code such as `en` or `it`.
    pub lang: &'t str,
    /// Preferred, alternative, hidden or synonym.
    pub kind: LabelKind,
    /// Who wrote it.
    pub source: LabelSource,
}

/// A label to add with [`Taxonomy::add_labels`].
#[derive(Debug, Clone, Copy)]
pub struct NewLabel<'a> {
    /// The concept's URI; it must already be in the taxonomy.
    pub uri: &'a str,
    /// The language code, e.g. `it`.
    pub lang: &'a str,
    /// The kind of label.
    pub kind: LabelKind,
    /// Who wrote it.
    pub source: LabelSource,
    /// The text.
    pub text: &'a str,
}
