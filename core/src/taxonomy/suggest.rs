//! Suggestions from ESCO's occupation–skill relations: the essential and optional skills
//! of an occupation, and the occupations that best fit a set of skills.
//!
//! [`Taxonomy::occupations_for_skills`] ranks occupations by the cosine between the skill
//! set and each occupation's skill profile, TF-IDF style: an occupation weighs each of its
//! skills by `relation × idf`, with `relation` 1 for essential and 0.5 for optional skills
//! and `idf = 1 + ln(occupations / occupations that have the skill)`, so that a rare skill
//! ("operate forklift") says more about the job than a common one ("work in teams"). The
//! skill set weighs each skill by its `idf`. Scores are in [0, 1].

use serde::Serialize;

use super::{ConceptId, ConceptKind, LabelSource, RelationType, ReuseLevel, SkillType, Taxonomy};
use crate::error::{Error, Result};

/// Weight of an optional skill relative to an essential one.
pub const OPTIONAL_WEIGHT: f64 = 0.5;

/// A skill linked to an occupation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillLink<'t> {
    /// The skill's id in this taxonomy.
    #[serde(skip)]
    pub id: ConceptId,
    /// The skill's URI.
    pub uri: &'t str,
    /// Its preferred label, in the language asked for when there is one (see
    /// [`Taxonomy::occupation_skills_in`]), else in the taxonomy's first language.
    pub preferred_label: &'t str,
    /// The language of `preferred_label` (`en` where an Italian reader gets the English
    /// label because no Italian one exists).
    pub preferred_label_lang: &'t str,
    /// Who wrote `preferred_label`.
    pub preferred_label_source: LabelSource,
    /// Essential or optional for the occupation.
    pub relation: RelationType,
    /// Skill/competence or knowledge.
    pub skill_type: Option<SkillType>,
    /// How widely the skill applies.
    pub reuse_level: Option<ReuseLevel>,
}

/// An occupation suggested for a set of skills.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OccupationScore<'t> {
    /// The occupation's id in this taxonomy.
    #[serde(skip)]
    pub id: ConceptId,
    /// Its URI.
    pub uri: &'t str,
    /// Its preferred label (in the taxonomy's first language).
    pub preferred_label: &'t str,
    /// The language of `preferred_label`.
    pub preferred_label_lang: &'t str,
    /// Who wrote `preferred_label`.
    pub preferred_label_source: LabelSource,
    /// Its ISCO-08 unit group, e.g. `"9333"`.
    pub isco_group: Option<&'t str>,
    /// Cosine similarity of the TF-IDF skill profiles, from 0 to 1.
    pub score: f64,
    /// How many of the given skills are essential for the occupation.
    pub essential_matched: u32,
    /// How many essential skills the occupation has.
    pub essential_total: u32,
    /// How many of the given skills are optional for the occupation.
    pub optional_matched: u32,
    /// How many optional skills the occupation has.
    pub optional_total: u32,
}

fn kind_name(kind: ConceptKind) -> &'static str {
    match kind {
        ConceptKind::Skill => "a skill",
        ConceptKind::Occupation => "an occupation",
        ConceptKind::IscoGroup => "an ISCO group",
        ConceptKind::SkillGroup => "a skill group",
    }
}

impl Taxonomy {
    /// The id of a concept that must be of `kind`.
    fn expect_kind(&self, uri: &str, kind: ConceptKind) -> Result<u32> {
        let id = self.id(uri).ok_or_else(|| Error::UnknownConcept { uri: uri.to_owned() })?;
        match self.kind_of(id.0) {
            Some(k) if k == kind => Ok(id.0),
            Some(k) => Err(Error::WrongConcept { uri: uri.to_owned(), expected: kind_name(kind), found: kind_name(k) }),
            None => Err(Error::UnknownConcept { uri: uri.to_owned() }),
        }
    }

    /// Every skill of an occupation: essential ones first, each group sorted by label.
    pub fn occupation_skills(&self, occupation_uri: &str) -> Result<Vec<SkillLink<'_>>> {
        self.occupation_skills_in(occupation_uri, None)
    }

    /// [`Taxonomy::occupation_skills`] with the labels a reader of `lang` should see
    /// (`None`: the taxonomy's first language); where a skill has no label in `lang`, its
    /// `preferred_label_lang` says which language is shown instead.
    pub fn occupation_skills_in(&self, occupation_uri: &str, lang: Option<&str>) -> Result<Vec<SkillLink<'_>>> {
        let occ = self.expect_kind(occupation_uri, ConceptKind::Occupation)?;
        let lang = lang.and_then(|l| self.lang_id(l));
        let mut out: Vec<SkillLink<'_>> = self
            .derived
            .occ_skills
            .get(occ)
            .iter()
            .map(|&(s, relation)| {
                let c = &self.concepts[s as usize];
                let shown = self.display_label(s, lang);
                SkillLink {
                    id: ConceptId(s),
                    uri: &self.uris[s as usize],
                    preferred_label: shown.text,
                    preferred_label_lang: shown.lang,
                    preferred_label_source: shown.source,
                    relation,
                    skill_type: c.skill_type,
                    reuse_level: c.reuse_level,
                }
            })
            .collect();
        out.sort_by(|a, b| a.relation.cmp(&b.relation).then(a.preferred_label.cmp(b.preferred_label)).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    /// The essential skills of an occupation, sorted by label.
    ///
    /// ```
    /// use sportello::taxonomy::Taxonomy;
    ///
    /// let esco = Taxonomy::embedded();
    /// let warehouse_worker = "http://data.europa.eu/esco/occupation/bea705fe-06ac-4147-b8e0-6e8ac1208d8f";
    /// let skills = esco.essential_skills(warehouse_worker).unwrap();
    /// assert!(skills.iter().any(|s| s.preferred_label == "operate warehouse materials"));
    /// ```
    pub fn essential_skills(&self, occupation_uri: &str) -> Result<Vec<SkillLink<'_>>> {
        let mut all = self.occupation_skills(occupation_uri)?;
        all.retain(|s| s.relation == RelationType::Essential);
        Ok(all)
    }

    /// The optional skills of an occupation, sorted by label.
    pub fn optional_skills(&self, occupation_uri: &str) -> Result<Vec<SkillLink<'_>>> {
        let mut all = self.occupation_skills(occupation_uri)?;
        all.retain(|s| s.relation == RelationType::Optional);
        Ok(all)
    }

    /// The occupations that best fit a set of skills, best first (see the module docs for
    /// the score). Every URI must be a skill of this taxonomy.
    pub fn occupations_for_skills(&self, skill_uris: &[&str], limit: usize) -> Result<Vec<OccupationScore<'_>>> {
        let ids = skill_uris.iter().map(|u| self.expect_kind(u, ConceptKind::Skill).map(ConceptId)).collect::<Result<Vec<_>>>()?;
        Ok(self.occupations_for_skill_ids(&ids, limit))
    }

    /// [`Taxonomy::occupations_for_skills`] with ids; ids of other kinds are ignored.
    pub fn occupations_for_skill_ids(&self, skills: &[ConceptId], limit: usize) -> Vec<OccupationScore<'_>> {
        let occupations = self.derived.occ_skills.nodes_with_items().max(1) as f64;
        let idf = |s: u32| 1.0 + (occupations / self.derived.skill_occs.get(s).len().max(1) as f64).ln();
        let rel = |r: RelationType| if r == RelationType::Essential { 1.0 } else { OPTIONAL_WEIGHT };

        let mut wanted: Vec<u32> = skills.iter().map(|s| s.0).filter(|&s| self.kind_of(s) == Some(ConceptKind::Skill)).collect();
        wanted.sort_unstable();
        wanted.dedup();
        let query_norm = wanted.iter().map(|&s| idf(s).powi(2)).sum::<f64>().sqrt();

        let mut candidates: Vec<u32> = wanted.iter().flat_map(|&s| self.derived.skill_occs.get(s).iter().map(|&(o, _)| o)).collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut out: Vec<OccupationScore<'_>> = candidates
            .into_iter()
            .map(|o| {
                let (mut dot, mut norm) = (0.0, 0.0);
                let (mut em, mut et, mut om, mut ot) = (0, 0, 0, 0);
                for &(s, r) in self.derived.occ_skills.get(o) {
                    let w = rel(r) * idf(s);
                    norm += w * w;
                    let matched = wanted.binary_search(&s).is_ok();
                    if matched {
                        dot += w * idf(s);
                    }
                    match r {
                        RelationType::Essential => (et, em) = (et + 1, em + u32::from(matched)),
                        RelationType::Optional => (ot, om) = (ot + 1, om + u32::from(matched)),
                    }
                }
                let score = if norm > 0.0 && query_norm > 0.0 { dot / (norm.sqrt() * query_norm) } else { 0.0 };
                let shown = self.display_label(o, None);
                OccupationScore {
                    id: ConceptId(o),
                    uri: &self.uris[o as usize],
                    preferred_label: shown.text,
                    preferred_label_lang: shown.lang,
                    preferred_label_source: shown.source,
                    isco_group: Some(&*self.concepts[o as usize].isco_group).filter(|g| !g.is_empty()),
                    score: (score.min(1.0) * 1e4).round() / 1e4,
                    essential_matched: em,
                    essential_total: et,
                    optional_matched: om,
                    optional_total: ot,
                }
            })
            .collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
        out.truncate(limit);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::esco_csv::tests::tiny;

    #[test]
    fn skills_of_an_occupation_and_occupations_of_skills() {
        let t = Taxonomy::from_esco_csv(&tiny("en"), "en").expect("tiny");
        let w = "http://data.europa.eu/esco/occupation/w";
        let ess = t.essential_skills(w).expect("occupation");
        assert_eq!(ess.iter().map(|s| s.preferred_label).collect::<Vec<_>>(), ["operate forklift"]);
        let opt = t.optional_skills(w).expect("occupation");
        assert_eq!(opt.iter().map(|s| s.preferred_label).collect::<Vec<_>>(), ["warehouse operations"]);

        let a = "http://data.europa.eu/esco/skill/a";
        let err = t.essential_skills(a).expect_err("a skill");
        assert_eq!(err.to_string(), format!("{a:?} is a skill, not an occupation"));
        assert_eq!(t.essential_skills("http://x").expect_err("unknown").kind(), "unknown_concept");

        let occ = t.occupations_for_skills(&[a], 5).expect("skills");
        assert_eq!(occ.len(), 1);
        assert_eq!((occ[0].essential_matched, occ[0].essential_total, occ[0].optional_total), (1, 1, 1));
        // One of two skills, the essential one: cos = 1 / sqrt(1 + 0.25).
        assert!((occ[0].score - (1.0 / 1.25f64.sqrt())).abs() < 1e-3, "{}", occ[0].score);
        let both = t.occupations_for_skills(&[a, "http://data.europa.eu/esco/skill/b"], 5).expect("skills");
        assert!(both[0].score > occ[0].score);
    }
}
