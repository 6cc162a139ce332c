//! How related two skills are, for partial credit in matching.
//!
//! [`Taxonomy::relatedness`] looks, in this order, for the closest of these links between a
//! skill `a` the person has and a skill `b` a vacancy asks for, and returns it with its
//! weight (the share of credit the matcher may give):
//!
//! | kind | meaning | weight |
//! |---|---|---|
//! | [`RelationKind::Same`] | the same concept | 1.0 |
//! | [`RelationKind::Narrower`] | `a` is a direct specialisation of `b` (ESCO broader relation `a → b`): who has `a` mostly has `b` | 0.8 |
//! | [`RelationKind::Broader`] | `a` is the direct generalisation of `b`: related, but `b` is more specific | 0.5 |
//! | [`RelationKind::EssentialRelated`] | ESCO's skill–skill relation says one is essential for the other | 0.5 |
//! | [`RelationKind::OptionalRelated`] | ESCO's skill–skill relation says one is optional for the other | 0.3 |
//! | [`RelationKind::SameGroup`] | both specialise the same broader *skill* (not a group of the skills hierarchy) of at most [`CLOSE_GROUP_MAX`] specialisations | 0.25 |
//!
//! Only links that say the person can do what the vacancy asks earn credit. Two skills that
//! merely sit in the same group of ESCO's skills hierarchy ("sorting materials or products",
//! "working in teams") do not: that group holds dozens of unrelated skills, and crediting
//! "rotate stock" for "sort waste" or "work in a logistics team" for "collaborate with
//! nurses" is a guess no counsellor could defend. Nor do two of the sixty-odd specialisations
//! of "work in teams" ("work in a logistics team", "work in a kitchen brigade"): a broader
//! skill with that many children is a group in all but name.
//!
//! Everything is a lookup in short adjacency lists of `u32` ids, so a call costs well under
//! a microsecond; [`Taxonomy::relatedness_ids`] skips the URI lookups for hot loops.

use serde::Serialize;

use super::{ConceptId, ConceptKind, RelationType, Taxonomy};

/// The kind of link between two skills (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// The same concept.
    Same,
    /// The first skill is a direct specialisation of the second.
    Narrower,
    /// The first skill is the direct generalisation of the second.
    Broader,
    /// ESCO relates the two skills as essential (in either direction).
    EssentialRelated,
    /// ESCO relates the two skills as optional (in either direction).
    OptionalRelated,
    /// Both sit directly under the same broader skill.
    SameGroup,
}

wire_names!(RelationKind, "a relation between skills", { Same => "same", Narrower => "narrower", Broader => "broader", EssentialRelated => "essential_related", OptionalRelated => "optional_related", SameGroup => "same_group" });

/// The most specialisations a broader skill may have for two of them to earn
/// [`RelationKind::SameGroup`] credit from each other.
pub const CLOSE_GROUP_MAX: usize = 12;

impl RelationKind {
    /// The share of credit for this kind of link, from 0 to 1.
    pub const fn weight(self) -> f64 {
        match self {
            RelationKind::Same => 1.0,
            RelationKind::Narrower => 0.8,
            RelationKind::Broader => 0.5,
            RelationKind::EssentialRelated => 0.5,
            RelationKind::OptionalRelated => 0.3,
            RelationKind::SameGroup => 0.25,
        }
    }
}

/// A link between two skills.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Relation {
    /// What kind of link.
    pub kind: RelationKind,
    /// Its weight, [`RelationKind::weight`].
    pub weight: f64,
    /// For [`RelationKind::SameGroup`], the shared broader skill (the one with fewest
    /// children).
    #[serde(skip)]
    pub via: Option<ConceptId>,
}

impl Relation {
    fn new(kind: RelationKind) -> Self {
        Relation { kind, weight: kind.weight(), via: None }
    }
}

impl Taxonomy {
    /// How related skill `a` (the person's) is to skill `b` (the vacancy's), or `None` if
    /// neither is a known skill or no link is found. See the module docs for the weights.
    ///
    /// ```
    /// use sportello::taxonomy::{RelationKind, Taxonomy};
    ///
    /// let esco = Taxonomy::embedded();
    /// let forklift = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da";
    /// assert_eq!(esco.relatedness(forklift, forklift).unwrap().kind, RelationKind::Same);
    /// ```
    pub fn relatedness(&self, a: &str, b: &str) -> Option<Relation> {
        self.relatedness_ids(self.id(a)?, self.id(b)?)
    }

    /// [`Taxonomy::relatedness`] by id.
    pub fn relatedness_ids(&self, a: ConceptId, b: ConceptId) -> Option<Relation> {
        let skill = |id: ConceptId| self.kind_of(id.0) == Some(ConceptKind::Skill);
        if !skill(a) || !skill(b) {
            return None;
        }
        if a == b {
            return Some(Relation::new(RelationKind::Same));
        }
        let up_a = self.derived.broader.get(a.0);
        let up_b = self.derived.broader.get(b.0);
        if up_a.contains(&b.0) {
            return Some(Relation::new(RelationKind::Narrower));
        }
        if up_b.contains(&a.0) {
            return Some(Relation::new(RelationKind::Broader));
        }
        let related = self.derived.skill_rel.get(a.0).iter().filter(|&&(s, _)| s == b.0).map(|&(_, t)| t).min();
        match related {
            Some(RelationType::Essential) => return Some(Relation::new(RelationKind::EssentialRelated)),
            Some(RelationType::Optional) => return Some(Relation::new(RelationKind::OptionalRelated)),
            None => {}
        }
        up_a.iter()
            .filter(|&&p| {
                up_b.contains(&p) && self.kind_of(p) == Some(ConceptKind::Skill) && self.derived.narrower.get(p).len() <= CLOSE_GROUP_MAX
            })
            .min_by_key(|&&p| (self.derived.narrower.get(p).len(), p))
            .map(|&p| Relation { via: Some(ConceptId(p)), ..Relation::new(RelationKind::SameGroup) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::esco_csv::tests::tiny;

    #[test]
    fn relations_in_the_tiny_download() {
        let t = Taxonomy::from_esco_csv(&tiny("en"), "en").expect("tiny");
        let a = "http://data.europa.eu/esco/skill/a";
        let b = "http://data.europa.eu/esco/skill/b";
        assert_eq!(t.relatedness(a, a).map(|r| r.kind), Some(RelationKind::Same));
        assert_eq!(t.relatedness(a, b).map(|r| (r.kind, r.weight)), Some((RelationKind::OptionalRelated, 0.3)));
        assert_eq!(t.relatedness(b, a).map(|r| r.kind), Some(RelationKind::OptionalRelated));
        // The skill group is not a skill.
        assert_eq!(t.relatedness(a, "http://data.europa.eu/esco/skill/g"), None);
        assert_eq!(t.relatedness(a, "http://nowhere"), None);
    }
}
