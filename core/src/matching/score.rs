//! The one scorer: (profile, vacancy) to a score in [0, 1] made of named parts, the
//! evidence for every skill matched, the essential skills missing, and the reasons a
//! vacancy is excluded. Plain Rust, no index: the browser uses it as it is.
//!
//! The score is the weighted mean of the parts that apply to the vacancy (a vacancy that
//! asks for no language has no language part). Exclusions (a required licence missing,
//! an expired vacancy, a workplace beyond the commute, a refused contract, a vacancy
//! reserved to Law 68/99) do not change the score: they mark the match as excluded and
//! say why. Nothing sensitive is read here: [`PreparedProfile`] holds none of it.

use std::collections::HashMap;

use serde::Serialize;

use super::prepare::{ConceptRef, INFERRED_FROM_SKILLS, PreparedProfile, PreparedVacancy};
use super::weights::Weights;
use crate::model::{CefrLevel, ContractType, LicenceCategory, PartialDate};
use crate::taxonomy::{ConceptId, RelationKind, Taxonomy};

/// The parts of a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartName {
    /// Essential skills covered.
    EssentialSkills,
    /// Optional skills covered.
    OptionalSkills,
    /// Same occupation or ISCO group.
    Occupation,
    /// Required languages.
    Languages,
    /// Education level.
    Education,
    /// Experience.
    Experience,
    /// Distance from home.
    Distance,
}

wire_names!(PartName, "a part of the score", { EssentialSkills => "essential_skills", OptionalSkills => "optional_skills", Occupation => "occupation", Languages => "languages", Education => "education", Experience => "experience", Distance => "distance" });

/// One part of a score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Part {
    /// Which part.
    pub name: PartName,
    /// Its weight among the parts that apply, 0 to 1 (they sum to 1).
    pub weight: f64,
    /// The credit earned, 0 to 1.
    pub credit: f64,
    /// weight x credit: what it adds to the score.
    pub contribution: f64,
}

/// How a required skill was matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "how", rename_all = "snake_case")]
pub enum Evidence {
    /// The same ESCO skill.
    Exact,
    /// A related ESCO skill, with partial credit.
    Related {
        /// The link in ESCO.
        relation: RelationKind,
    },
    /// Similar labels (used when a skill could not be placed in ESCO).
    Label {
        /// Similarity of the two labels, 0 to 1.
        similarity: f64,
    },
}

/// A required skill the person has (or has something close to).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillMatch {
    /// The vacancy's skill.
    pub required: String,
    /// Essential (else optional).
    pub essential: bool,
    /// The person's skill that matched.
    pub by: String,
    /// How.
    pub evidence: Evidence,
    /// The credit, 0 to 1.
    pub credit: f64,
}

/// How the person's occupation relates to the vacancy's, closest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "how", rename_all = "snake_case")]
pub enum OccupationLink {
    /// The same ESCO occupation.
    Same,
    /// Another occupation of the same ISCO-08 unit group.
    SameUnitGroup {
        /// The unit group (`"5120"`).
        isco: String,
    },
    /// Another occupation of the same ISCO-08 minor group.
    SameMinorGroup {
        /// The minor group (`"512"`).
        isco: String,
    },
}

/// The person's occupation that earned the occupation part its credit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OccupationMatch {
    /// The person's occupation, as written (or the ESCO label of one inferred).
    pub by: String,
    /// How it relates to the vacancy's.
    pub link: OccupationLink,
    /// Inferred from the person's skills: they named none that could be placed in ESCO.
    pub inferred: bool,
}

/// Why a vacancy is excluded for a person.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Exclusion {
    /// A required driving licence is missing.
    MissingLicence {
        /// The licence.
        licence: LicenceCategory,
    },
    /// The vacancy has expired.
    Expired {
        /// Its last day.
        expires: PartialDate,
    },
    /// The workplace is beyond the person's commute.
    OutsideCommute {
        /// Distance in km.
        distance_km: f64,
        /// The person's maximum.
        max_km: f64,
    },
    /// The person does not accept this contract.
    ContractRefused {
        /// The contract offered.
        contract: ContractType,
    },
    /// Reserved to Law 68/99 placements, and the person is not registered or has not
    /// consented to its use.
    ReservedLaw68,
}

impl Exclusion {
    /// The stable name of the reason, as serialised in `reason`.
    pub fn reason(&self) -> &'static str {
        match self {
            Exclusion::MissingLicence { .. } => "missing_licence",
            Exclusion::Expired { .. } => "expired",
            Exclusion::OutsideCommute { .. } => "outside_commute",
            Exclusion::ContractRefused { .. } => "contract_refused",
            Exclusion::ReservedLaw68 => "reserved_law68",
        }
    }
}

/// Advice on the profile that would improve matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Hint {
    /// The profile lists no skills.
    AddSkills,
    /// The profile's home could not be located.
    AddHome,
}

wire_names!(Hint, "a hint", { AddSkills => "add_skills", AddHome => "add_home" });

/// A scored pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchResult {
    /// The vacancy.
    pub vacancy_id: String,
    /// Its title.
    pub title: String,
    /// The profile.
    pub profile_id: String,
    /// The score, 0 to 1.
    pub score: f64,
    /// Whether an exclusion applies.
    pub excluded: bool,
    /// The parts that apply.
    pub parts: Vec<Part>,
    /// Skills matched.
    pub matched: Vec<SkillMatch>,
    /// Essential skills the person lacks: their gap for this vacancy.
    pub missing: Vec<String>,
    /// The person's occupation closest to the vacancy's, if any earns credit.
    pub occupation: Option<OccupationMatch>,
    /// Why the vacancy is excluded.
    pub exclusions: Vec<Exclusion>,
    /// Distance from home to the workplace, km.
    pub distance_km: Option<f64>,
    /// Advice on the profile.
    pub hints: Vec<Hint>,
}

/// How much of a [`MatchResult`] to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// All of it.
    Full,
    /// The score, parts and exclusions, without the evidence (`matched`, `missing` and
    /// `occupation` left empty, no skill labels copied): enough to rank hundreds of
    /// candidates, of which only the best are then scored in full.
    Rank,
}

/// Scores one pair.
pub fn score(p: &PreparedProfile, v: &PreparedVacancy, taxonomy: &Taxonomy, weights: &Weights, today: PartialDate) -> MatchResult {
    score_with(&mut PersonSkills::new(p, taxonomy), v, taxonomy, weights, today, Detail::Full)
}

/// Scores a person (the one `have` was made for) against a vacancy; scoring many
/// vacancies with the same `have` works out each required ESCO skill only once. The
/// score, parts and exclusions are the same whatever the `detail`.
pub fn score_with(
    have: &mut PersonSkills<'_>,
    v: &PreparedVacancy,
    taxonomy: &Taxonomy,
    weights: &Weights,
    today: PartialDate,
    detail: Detail,
) -> MatchResult {
    let full = detail == Detail::Full;
    let p = have.person;
    let mut raw: Vec<(PartName, f64, f64)> = Vec::new(); // (name, weight, credit)
    let mut matched = Vec::new();
    let mut missing = Vec::new();

    if !v.essential.is_empty() {
        let mut total = 0.0;
        for req in &v.essential {
            match best_skill(req, have, taxonomy, weights) {
                Some(m) => {
                    total += m.2;
                    if full {
                        matched.push(skill_match(req, p, m, true));
                    }
                }
                None if full => missing.push(req.label.clone()),
                None => {}
            }
        }
        raw.push((PartName::EssentialSkills, weights.essential_skills, total / v.essential.len() as f64));
    }
    if !v.optional.is_empty() {
        let mut total = 0.0;
        for req in &v.optional {
            if let Some(m) = best_skill(req, have, taxonomy, weights) {
                total += m.2;
                if full {
                    matched.push(skill_match(req, p, m, false));
                }
            }
        }
        raw.push((PartName::OptionalSkills, weights.optional_skills, total / v.optional.len() as f64));
    }
    let mut occupation = None;
    if let Some(occ) = v.occupation.as_ref().and_then(|o| o.uri.as_deref()) {
        let mut best = 0.0;
        for have in &p.occupations {
            if let Some((credit, link)) = occupation_link(have, occ, v.isco.as_deref(), taxonomy, weights).filter(|(c, _)| *c > best) {
                best = credit;
                if full {
                    let inferred = have.found.as_ref().is_some_and(|f| f.how == INFERRED_FROM_SKILLS);
                    occupation = Some(OccupationMatch { by: have.label.clone(), link, inferred });
                }
            }
        }
        raw.push((PartName::Occupation, weights.occupation, best));
    }
    if !v.languages.is_empty() {
        let credit = v.languages.iter().map(|(code, level)| language_credit(p, code, *level)).sum::<f64>() / v.languages.len() as f64;
        raw.push((PartName::Languages, weights.languages, credit));
    }
    if let Some(min) = v.min_eqf {
        let credit = match p.max_eqf {
            Some(have) if have >= min => 1.0,
            Some(have) if have + 1 == min => 0.5,
            _ => 0.0,
        };
        raw.push((PartName::Education, weights.education, credit));
    }
    if let Some(min) = v.min_months.filter(|m| *m > 0) {
        let months = relevant_months(p, v, taxonomy);
        raw.push((PartName::Experience, weights.experience, (f64::from(months) / f64::from(min)).min(1.0)));
    }

    let mut exclusions = Vec::new();
    let distance_km = if v.remote { None } else { p.home.zip(v.point).map(|(h, w)| h.distance_km(w)) };
    if let Some(d) = distance_km {
        raw.push((PartName::Distance, weights.distance, 0.5_f64.powf(d / weights.distance_half_km)));
        let max = p.max_commute_km.unwrap_or(weights.default_commute_km);
        if d > max && !p.willing_to_relocate {
            exclusions.push(Exclusion::OutsideCommute { distance_km: round1(d), max_km: max });
        }
    }
    for l in &v.licences {
        if !p.licences.iter().any(|h| licence_covers(*h, *l)) {
            exclusions.push(Exclusion::MissingLicence { licence: *l });
        }
    }
    if let Some(x) = v.expires
        && today.is_after(&x)
    {
        exclusions.push(Exclusion::Expired { expires: x });
    }
    if let Some(c) = v.contract
        && !p.contract_types.is_empty()
        && !p.contract_types.contains(&c)
    {
        exclusions.push(Exclusion::ContractRefused { contract: c });
    }
    if v.reserved_law_68_99 && !p.law_68_99_eligible {
        exclusions.push(Exclusion::ReservedLaw68);
    }

    let total_weight: f64 = raw.iter().map(|(_, w, _)| w).sum();
    let parts: Vec<Part> = raw
        .iter()
        .map(|&(name, w, credit)| {
            let weight = if total_weight > 0.0 { w / total_weight } else { 0.0 };
            Part { name, weight, credit, contribution: weight * credit }
        })
        .collect();
    let score = parts.iter().map(|p| p.contribution).sum::<f64>().clamp(0.0, 1.0);
    let mut hints = Vec::new();
    if p.skills.is_empty() {
        hints.push(Hint::AddSkills);
    }
    if p.home.is_none() {
        hints.push(Hint::AddHome);
    }
    MatchResult {
        vacancy_id: v.id.clone(),
        title: v.title.clone(),
        profile_id: p.id.clone(),
        score,
        excluded: !exclusions.is_empty(),
        parts,
        matched,
        missing,
        occupation,
        exclusions,
        distance_km: distance_km.map(round1),
        hints,
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The best credit any of the person's skills earns for a required skill: (which of the
/// person's skills, evidence, credit). Skills that both carry an ESCO URI are compared
/// through ESCO only; labels are compared (by
/// Jaro-Winkler similarity of their folded forms) only when one side could not be placed,
/// and only when some word of one starts like a word of the other (same first three
/// letters): labels without that cannot reach the similarity threshold in practice, and
/// the check is far cheaper than the comparison. On equal credit the person's earlier
/// skill wins.
fn best_skill(req: &ConceptRef, have: &mut PersonSkills<'_>, taxonomy: &Taxonomy, w: &Weights) -> Option<(usize, Evidence, f64)> {
    // Through ESCO: the same for every vacancy asking for this skill, so kept.
    let by_uri = match req.uri.as_deref() {
        None => None,
        Some(uri) => match have.by_uri.get(uri) {
            Some(known) => known.clone(),
            None => {
                let found = best_by_uri(uri, taxonomy.id(uri), have, taxonomy, w);
                have.by_uri.insert(uri.to_owned(), found.clone());
                found
            }
        },
    };
    // By label, where either side has no URI.
    let mut best = by_uri;
    for (i, h) in have.person.skills.iter().enumerate() {
        if req.uri.is_some() && h.uri.is_some() || !share_a_word(req.folded(), h.folded()) {
            continue;
        }
        let sim = strsim::jaro_winkler(req.folded(), h.folded());
        if sim < w.fuzzy_threshold {
            continue;
        }
        let credit = w.fuzzy_credit * sim;
        if best.as_ref().is_none_or(|b| credit > b.2 || credit == b.2 && i < b.0) {
            best = Some((i, Evidence::Label { similarity: (sim * 100.0).round() / 100.0 }, credit));
        }
    }
    best
}

/// The evidence of a required skill matched by the person's skill `i`: labels are copied
/// here, for results built in full only.
fn skill_match(req: &ConceptRef, p: &PreparedProfile, (i, evidence, credit): (usize, Evidence, f64), essential: bool) -> SkillMatch {
    SkillMatch { required: req.label.clone(), essential, by: p.skills[i].label.clone(), evidence, credit }
}

/// The best of the person's skills with a URI for a required skill's URI: (which,
/// evidence, credit). A sibling skill earns `w.sibling_skill_credit`, other links their
/// relation's weight.
fn best_by_uri(
    uri: &str,
    req_id: Option<ConceptId>,
    have: &PersonSkills<'_>,
    taxonomy: &Taxonomy,
    w: &Weights,
) -> Option<(usize, Evidence, f64)> {
    let mut best: Option<(usize, Evidence, f64)> = None;
    for (i, h) in have.person.skills.iter().enumerate() {
        let Some(held) = h.uri.as_deref() else { continue };
        let candidate = if held == uri {
            Some((Evidence::Exact, 1.0))
        } else {
            req_id
                .zip(have.ids[i])
                .and_then(|(want, held)| taxonomy.relatedness_ids(held, want))
                .map(|r| {
                    let credit = if r.kind == RelationKind::SameGroup { w.sibling_skill_credit } else { r.weight };
                    (Evidence::Related { relation: r.kind }, credit)
                })
                .filter(|&(_, credit)| credit > 0.0)
        };
        if let Some((evidence, credit)) = candidate
            && best.as_ref().is_none_or(|b| credit > b.2)
        {
            best = Some((i, evidence, credit));
        }
    }
    best
}

/// A person's skills as the scorer reads them: with their ESCO ids in the taxonomy in
/// use, and the best match already found for each required ESCO skill (the vacancies
/// retrieved for a person share many skills).
pub struct PersonSkills<'a> {
    person: &'a PreparedProfile,
    ids: Vec<Option<ConceptId>>,
    /// By the required skill's URI as written (the same skill written otherwise, e.g.
    /// with a space, is compared anew: an exact match is by the text).
    by_uri: HashMap<String, Option<(usize, Evidence, f64)>>,
}

impl<'a> PersonSkills<'a> {
    /// Reads the person's skills.
    pub fn new(person: &'a PreparedProfile, taxonomy: &Taxonomy) -> Self {
        let ids = person.skills.iter().map(|s| s.uri.as_deref().and_then(|u| taxonomy.id(u))).collect();
        PersonSkills { person, ids, by_uri: HashMap::new() }
    }

    /// The person these skills are of.
    pub fn person(&self) -> &'a PreparedProfile {
        self.person
    }
}

fn share_a_word(a: &str, b: &str) -> bool {
    fn stem(w: &str) -> Option<&str> {
        w.get(..3)
    }
    a.split(' ').filter_map(stem).any(|w| b.split(' ').filter_map(stem).any(|x| x == w))
}

/// The credit one of the person's occupations earns against the vacancy's (`want`, in
/// ISCO unit group `want_isco`), and how they relate; `None` when they do not.
fn occupation_link(
    have: &ConceptRef,
    want: &str,
    want_isco: Option<&str>,
    taxonomy: &Taxonomy,
    w: &Weights,
) -> Option<(f64, OccupationLink)> {
    let have = have.uri.as_deref()?;
    if have == want {
        return Some((1.0, OccupationLink::Same));
    }
    let (a, b) = (taxonomy.concept(have)?.isco_group()?, want_isco?);
    if a == b {
        Some((w.same_isco_credit, OccupationLink::SameUnitGroup { isco: b.to_owned() }))
    } else {
        // An imported taxonomy's codes are not checked: `get` never splits a character.
        let minor = b.get(..3).filter(|m| m.len() < b.len() && a.get(..3) == Some(*m))?;
        Some((w.same_isco3_credit, OccupationLink::SameMinorGroup { isco: minor.to_owned() }))
    }
}

/// Share of the five CEFR skills at the level (half credit one level below).
fn language_credit(p: &PreparedProfile, code: &str, level: CefrLevel) -> f64 {
    if p.mother_tongues.iter().any(|m| m == code) {
        return 1.0;
    }
    let Some((_, grid)) = p.languages.iter().find(|(c, _)| c == code) else { return 0.0 };
    let one_below = CefrLevel::ALL.iter().position(|l| *l == level).and_then(|i| i.checked_sub(1)).map(|i| CefrLevel::ALL[i]);
    grid.iter()
        .map(|g| {
            if *g >= level {
                1.0
            } else if Some(*g) == one_below {
                0.5
            } else {
                0.0
            }
        })
        .sum::<f64>()
        / 5.0
}

/// Months in the vacancy's occupation or its ISCO group; all months when the vacancy
/// names no occupation.
fn relevant_months(p: &PreparedProfile, v: &PreparedVacancy, taxonomy: &Taxonomy) -> u32 {
    let Some(occ) = v.occupation.as_ref().and_then(|o| o.uri.as_deref()) else { return p.total_months };
    p.months_by_occupation
        .iter()
        .filter(|(uri, _)| uri == occ || (v.isco.is_some() && taxonomy.concept(uri).and_then(|c| c.isco_group()) == v.isco.as_deref()))
        .map(|(_, m)| m)
        .sum()
}

/// Whether holding `held` satisfies a requirement of `required` (a C licence presupposes
/// B, CE presupposes C, and so on).
pub fn licence_covers(held: LicenceCategory, required: LicenceCategory) -> bool {
    use LicenceCategory::*;
    held == required
        || match required {
            B => matches!(held, Be | C1 | C1e | C | Ce | D1 | D1e | D | De),
            C1 => matches!(held, C1e | C | Ce),
            C => matches!(held, Ce),
            D1 => matches!(held, D1e | D | De),
            D => matches!(held, De),
            A2 => matches!(held, A),
            A1 => matches!(held, A2 | A),
            Am => matches!(held, A1 | A2 | A | B),
            _ => false,
        }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn wire_names_agree_with_serde() {
        crate::wire::assert_names(PartName::ALL);
        crate::wire::assert_names(Hint::ALL);
        for e in [Exclusion::ReservedLaw68, Exclusion::Expired { expires: PartialDate::year(2020).unwrap() }] {
            assert_eq!(serde_json::to_value(&e).unwrap()["reason"], e.reason());
        }
    }
}
