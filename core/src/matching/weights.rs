//! The scorer's weights and thresholds, with documented defaults. They can be loaded from
//! a JSON or TOML file by the caller (any serde format): missing fields keep the default.

use serde::{Deserialize, Serialize};

/// Weights of the score's parts (relative: they need not sum to one) and the tuning knobs
/// of partial credit. A part that does not apply to a vacancy (say, no language is
/// required) is left out and the others share its weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Weights {
    /// Coverage of the vacancy's essential skills. Default 0.40.
    pub essential_skills: f64,
    /// Coverage of its optional skills. Default 0.10.
    pub optional_skills: f64,
    /// Same ESCO occupation (full credit) or ISCO group (partial) in the person's history or
    /// wishes (or inferred from their skills). Default 0.35: nearly as much as the
    /// essential skills, so that after the person's own occupation come its neighbours in
    /// ISCO rather than any job that shares a few common skills.
    pub occupation: f64,
    /// Required languages at the required CEFR level. Default 0.10.
    pub languages: f64,
    /// Education at or above the minimum EQF level. Default 0.07.
    pub education: f64,
    /// Months of experience against the minimum asked. Default 0.08.
    pub experience: f64,
    /// Closeness of home to the workplace. Default 0.10.
    pub distance: f64,
    /// Credit for a skill that matches only by label similarity, multiplied by the
    /// similarity. Default 0.9.
    pub fuzzy_credit: f64,
    /// Labels less similar than this do not match. Default 0.88.
    pub fuzzy_threshold: f64,
    /// Credit for the same ISCO 4-digit group but another occupation. Default 0.6.
    pub same_isco_credit: f64,
    /// Credit for the same ISCO 3-digit group. Default 0.5.
    pub same_isco3_credit: f64,
    /// Credit for a sibling skill: both specialise the same broader skill
    /// ([`RelationKind::SameGroup`](crate::taxonomy::RelationKind::SameGroup)). Default 0.25;
    /// 0 gives none.
    pub sibling_skill_credit: f64,
    /// Commute used when the person gives none, in km. Default 30.
    pub default_commute_km: f64,
    /// Distance credit halves every this many km. Default 15.
    pub distance_half_km: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            essential_skills: 0.40,
            optional_skills: 0.10,
            occupation: 0.35,
            languages: 0.10,
            education: 0.07,
            experience: 0.08,
            distance: 0.10,
            fuzzy_credit: 0.9,
            fuzzy_threshold: 0.88,
            same_isco_credit: 0.6,
            same_isco3_credit: 0.5,
            sibling_skill_credit: crate::taxonomy::RelationKind::SameGroup.weight(),
            default_commute_km: 30.0,
            distance_half_km: 15.0,
        }
    }
}

impl Weights {
    /// Checks that every weight is a finite number >= 0, credits are within 0..=1 and at
    /// least one part weighs something; the error names the field.
    pub fn check(&self) -> Result<(), String> {
        let parts = [
            ("essential_skills", self.essential_skills),
            ("optional_skills", self.optional_skills),
            ("occupation", self.occupation),
            ("languages", self.languages),
            ("education", self.education),
            ("experience", self.experience),
            ("distance", self.distance),
        ];
        for (name, w) in parts {
            if !w.is_finite() || w < 0.0 {
                return Err(format!("{name}: {w} is not a weight (expected a number >= 0)"));
            }
        }
        if parts.iter().all(|(_, w)| *w == 0.0) {
            return Err("every weight is 0 (expected at least one above 0)".into());
        }
        for (name, c) in [
            ("fuzzy_credit", self.fuzzy_credit),
            ("fuzzy_threshold", self.fuzzy_threshold),
            ("same_isco_credit", self.same_isco_credit),
            ("same_isco3_credit", self.same_isco3_credit),
            ("sibling_skill_credit", self.sibling_skill_credit),
        ] {
            if !(0.0..=1.0).contains(&c) {
                return Err(format!("{name}: {c} is out of range (expected 0 to 1)"));
            }
        }
        for (name, km) in [("default_commute_km", self.default_commute_km), ("distance_half_km", self.distance_half_km)] {
            if !km.is_finite() || km <= 0.0 {
                return Err(format!("{name}: {km} is not a distance (expected km > 0)"));
            }
        }
        Ok(())
    }
}
