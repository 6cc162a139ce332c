//! Skill gaps of a cohort: which essential skills the people lack most, across their
//! match results, overall or per occupation or comune of the vacancies.
//!
//! Each [`MatchResult`] lists the vacancy's essential skills the person lacks
//! ([`MatchResult::missing`], by the vacancy's label). [`skill_gaps`] counts them over a
//! cohort's results: a skill is identified by its ESCO URI when the vacancy placed it in
//! ESCO (so "guida del carrello elevatore" and "uso del muletto" count together), else by
//! its folded label. Counts are grouped by the vacancy's occupation (its ESCO URI) or by
//! its comune (ISTAT code), or not grouped; the group of a vacancy that has none is `None`.
//!
//! For each (group, skill) a [`SkillGap`] says in how many matches the skill was missing,
//! how many distinct people lacked it, and its share of the group's matches. Rows are
//! ordered by group (`None` last), then most missing first, then most people, then label,
//! so results are deterministic.
//!
//! ```
//! use sportello::matching::gaps::{GapGroup, skill_gaps};
//! use sportello::matching::MatchResult;
//!
//! let result = |profile: &str, missing: &[&str]| MatchResult {
//!     vacancy_id: "v1".into(), title: "Magazziniere".into(), profile_id: profile.into(),
//!     score: 0.5, excluded: false, parts: vec![], matched: vec![],
//!     missing: missing.iter().map(|s| s.to_string()).collect(), occupation: None,
//!     exclusions: vec![], distance_km: None, hints: vec![],
//! };
//! let results = [result("anna", &["muletto", "HACCP"]), result("bruno", &["muletto"])];
//! let gaps = skill_gaps(&results, |_| None, GapGroup::All);
//! assert_eq!((gaps[0].skill.as_str(), gaps[0].missing, gaps[0].people), ("muletto", 2, 2));
//! assert_eq!(gaps[0].share, 1.0);
//! assert_eq!(gaps[1].skill, "HACCP");
//! ```

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::prepare::PreparedVacancy;
use super::score::MatchResult;
use crate::fold::fold;

/// How [`skill_gaps`] groups the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GapGroup {
    /// One group for the whole cohort.
    #[default]
    All,
    /// By the vacancy's ESCO occupation (its URI).
    Occupation,
    /// By the vacancy's comune (its ISTAT code).
    Comune,
}

impl GapGroup {
    /// `all` (or `none`), `occupation` or `comune`.
    pub fn parse(s: &str) -> Option<GapGroup> {
        match s {
            "all" | "none" => Some(GapGroup::All),
            "occupation" => Some(GapGroup::Occupation),
            "comune" => Some(GapGroup::Comune),
            _ => None,
        }
    }
}

/// One essential skill missing in a group of matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillGap {
    /// The group: the occupation's ESCO URI or the comune's ISTAT code; `None` for
    /// [`GapGroup::All`] and for vacancies without one.
    pub group: Option<String>,
    /// The group's label: the vacancy's occupation label or place name.
    pub group_label: Option<String>,
    /// The skill, as the vacancies name it (the most frequent label).
    pub skill: String,
    /// Its ESCO URI, when the vacancies placed it in ESCO.
    pub uri: Option<String>,
    /// In how many matches of the group the skill is missing.
    pub missing: u64,
    /// How many distinct people lack it in the group.
    pub people: u64,
    /// How many matches the group has.
    pub matches: u64,
    /// `missing / matches`, 0 to 1.
    pub share: f64,
}

#[derive(Default)]
struct Count {
    missing: u64,
    people: BTreeSet<String>,
    labels: BTreeMap<String, u64>,
    uri: Option<String>,
}

#[derive(Default)]
struct Group {
    label: Option<String>,
    matches: u64,
    skills: BTreeMap<String, Count>,
}

/// Aggregates the missing essential skills of `results` (see the module docs).
/// `vacancy` looks up a vacancy by id; a vacancy it does not find counts in the group
/// `None` and its skills by label.
pub fn skill_gaps<'v>(results: &[MatchResult], vacancy: impl Fn(&str) -> Option<&'v PreparedVacancy>, by: GapGroup) -> Vec<SkillGap> {
    // Key `None` sorts first in a BTreeMap; it is moved last when the rows are built.
    let mut groups: BTreeMap<Option<String>, Group> = BTreeMap::new();
    for r in results {
        let v = vacancy(&r.vacancy_id);
        let (key, label) = match (by, v) {
            (GapGroup::All, _) | (_, None) => (None, None),
            (GapGroup::Occupation, Some(v)) => match &v.occupation {
                Some(o) => (o.uri.clone().or_else(|| Some(o.label.clone())), Some(o.label.clone())),
                None => (None, None),
            },
            (GapGroup::Comune, Some(v)) => (v.istat.clone().or_else(|| v.place_name.clone()), v.place_name.clone()),
        };
        let group = groups.entry(key).or_default();
        if group.label.is_none() {
            group.label = label;
        }
        group.matches += 1;
        for missing in &r.missing {
            let uri = v.and_then(|v| v.essential.iter().find(|c| &c.label == missing)).and_then(|c| c.uri.clone());
            let key = uri.clone().unwrap_or_else(|| format!("label:{}", fold(missing)));
            let count = group.skills.entry(key).or_default();
            count.missing += 1;
            count.people.insert(r.profile_id.clone());
            *count.labels.entry(missing.clone()).or_default() += 1;
            count.uri = count.uri.take().or(uri);
        }
    }
    let mut rows = Vec::new();
    let (unknown, known): (Vec<_>, Vec<_>) = groups.into_iter().partition(|(k, _)| k.is_none());
    for (key, group) in known.into_iter().chain(unknown) {
        let mut these: Vec<SkillGap> = group
            .skills
            .into_values()
            .map(|c| {
                // The most frequent label; ties go to the first in sort order.
                let skill = c.labels.iter().fold((0, ""), |best, (l, &n)| if n > best.0 { (n, l.as_str()) } else { best }).1.to_owned();
                SkillGap {
                    group: key.clone(),
                    group_label: group.label.clone(),
                    skill,
                    uri: c.uri,
                    missing: c.missing,
                    people: c.people.len() as u64,
                    matches: group.matches,
                    share: if group.matches > 0 { c.missing as f64 / group.matches as f64 } else { 0.0 },
                }
            })
            .collect();
        these.sort_by(|a, b| b.missing.cmp(&a.missing).then(b.people.cmp(&a.people)).then_with(|| a.skill.cmp(&b.skill)));
        rows.extend(these);
    }
    rows
}

/// The skill gaps of a cohort against an index: runs [`super::Matcher::batch`] with
/// `top` matches per person, looks up each vacancy matched, and aggregates with
/// [`skill_gaps`].
#[cfg(feature = "index")]
pub fn cohort_gaps(
    matcher: &super::Matcher<'_>,
    index: &super::index::VacancyIndex,
    profiles: &[super::PreparedProfile],
    top: usize,
    by: GapGroup,
) -> crate::Result<Vec<SkillGap>> {
    let results: Vec<MatchResult> = matcher.batch(index, profiles, top, &|| {})?.into_iter().flatten().collect();
    let ids: BTreeSet<&str> = results.iter().map(|r| r.vacancy_id.as_str()).collect();
    let mut vacancies = BTreeMap::new();
    for id in ids {
        if let Some(v) = index.get(id)? {
            vacancies.insert(id.to_owned(), v);
        }
    }
    Ok(skill_gaps(&results, |id| vacancies.get(id), by))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::prepare::ConceptRef;

    fn result(profile: &str, vacancy: &str, missing: &[&str]) -> MatchResult {
        MatchResult {
            vacancy_id: vacancy.into(),
            title: String::new(),
            profile_id: profile.into(),
            score: 0.5,
            excluded: false,
            parts: vec![],
            matched: vec![],
            missing: missing.iter().map(|s| (*s).to_owned()).collect(),
            occupation: None,
            exclusions: vec![],
            distance_km: None,
            hints: vec![],
        }
    }

    fn vacancy(id: &str, occupation: Option<(&str, &str)>, istat: Option<&str>, skills: &[(&str, Option<&str>)]) -> PreparedVacancy {
        let concept = |label: &str, uri: Option<&str>| ConceptRef::new(label, uri.map(Into::into), None);
        PreparedVacancy {
            id: id.into(),
            title: id.into(),
            employer: None,
            place_name: istat.map(|i| format!("comune {i}")),
            istat: istat.map(Into::into),
            point: None,
            occupation: occupation.map(|(label, uri)| concept(label, Some(uri))),
            isco: None,
            essential: skills.iter().map(|(l, u)| concept(l, *u)).collect(),
            optional: vec![],
            languages: vec![],
            min_eqf: None,
            min_months: None,
            licences: vec![],
            contract: None,
            remote: false,
            expires: None,
            reserved_law_68_99: false,
            unplaced: vec![],
        }
    }

    fn fixture() -> (Vec<MatchResult>, BTreeMap<String, PreparedVacancy>) {
        let forklift = Some("esco:forklift");
        let vacancies = [
            vacancy(
                "v1",
                Some(("carrellista", "esco:occ1")),
                Some("003149"),
                &[("guida del carrello elevatore", forklift), ("HACCP", None)],
            ),
            vacancy("v2", Some(("magazziniere", "esco:occ2")), Some("003106"), &[("uso del muletto", forklift)]),
            vacancy("v3", None, None, &[("haccp", None)]),
        ];
        let results = vec![
            result("anna", "v1", &["guida del carrello elevatore", "HACCP"]),
            result("anna", "v2", &["uso del muletto"]),
            result("bruno", "v1", &["guida del carrello elevatore"]),
            result("bruno", "v3", &["haccp"]),
            result("carla", "gone", &["patente C"]),
        ];
        (results, vacancies.into_iter().map(|v| (v.id.clone(), v)).collect())
    }

    #[test]
    fn the_same_esco_skill_counts_once_whatever_its_label() {
        let (results, vacancies) = fixture();
        let gaps = skill_gaps(&results, |id| vacancies.get(id), GapGroup::All);
        let skills: Vec<(&str, Option<&str>, u64, u64)> =
            gaps.iter().map(|g| (g.skill.as_str(), g.uri.as_deref(), g.missing, g.people)).collect();
        assert_eq!(
            skills,
            [("guida del carrello elevatore", Some("esco:forklift"), 3, 2), ("HACCP", None, 2, 2), ("patente C", None, 1, 1),]
        );
        assert!(gaps.iter().all(|g| g.group.is_none() && g.matches == 5));
        assert_eq!(gaps[0].share, 3.0 / 5.0);
    }

    #[test]
    fn grouped_by_occupation_and_comune_with_unknown_last() {
        let (results, vacancies) = fixture();
        let by_occ = skill_gaps(&results, |id| vacancies.get(id), GapGroup::Occupation);
        let rows: Vec<(Option<&str>, &str, u64, u64)> =
            by_occ.iter().map(|g| (g.group.as_deref(), g.skill.as_str(), g.missing, g.matches)).collect();
        assert_eq!(
            rows,
            [
                (Some("esco:occ1"), "guida del carrello elevatore", 2, 2),
                (Some("esco:occ1"), "HACCP", 1, 2),
                (Some("esco:occ2"), "uso del muletto", 1, 1),
                (None, "haccp", 1, 2),
                (None, "patente C", 1, 2),
            ]
        );
        assert_eq!(by_occ[0].group_label.as_deref(), Some("carrellista"));
        let by_comune = skill_gaps(&results, |id| vacancies.get(id), GapGroup::Comune);
        assert_eq!(by_comune[0].group.as_deref(), Some("003106"));
        assert_eq!(by_comune[0].group_label.as_deref(), Some("comune 003106"));
    }

    #[test]
    fn no_results_no_gaps_and_parse() {
        assert!(skill_gaps(&[], |_| None, GapGroup::Comune).is_empty());
        assert_eq!(GapGroup::parse("comune"), Some(GapGroup::Comune));
        assert_eq!(GapGroup::parse("none"), Some(GapGroup::All));
        assert_eq!(GapGroup::parse("region"), None);
    }
}
