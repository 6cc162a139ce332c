//! The labelled sets of the quality run: occupations and their skills from ESCO,
//! vacancies and label-only profiles drawn from them with noise (alternative labels, typos,
//! skills of other occupations), and the relevance of a vacancy to a profile.

use super::*;

/// An ESCO occupation with its skills.
pub(crate) struct Occ<'t> {
    pub(crate) uri: &'t str,
    pub(crate) label: &'t str,
    pub(crate) isco: &'t str,
    pub(crate) essential: Vec<SkillLink<'t>>,
    pub(crate) optional: Vec<SkillLink<'t>>,
}

/// Occupations with an ISCO unit group and at least 4 essential skills, in taxonomy order.
pub(crate) fn occupations(tax: &Taxonomy) -> Vec<Occ<'_>> {
    tax.concepts()
        .filter(|c| c.kind() == ConceptKind::Occupation)
        .filter_map(|c| {
            let isco = c.isco_group().filter(|g| g.len() == 4)?;
            let essential = tax.essential_skills(c.uri()).ok().filter(|e| e.len() >= 4)?;
            let optional = tax.optional_skills(c.uri()).ok()?;
            Some(Occ { uri: c.uri(), label: c.label(), isco, essential, optional })
        })
        .collect()
}

/// `n` occupations drawn round-robin over shuffled ISCO 3-digit groups.
pub(crate) fn sample_across_isco3<'a, 't>(occs: &[&'a Occ<'t>], n: usize, rng: &mut Rng) -> Vec<&'a Occ<'t>> {
    let mut groups: BTreeMap<&str, Vec<&'a Occ<'t>>> = BTreeMap::new();
    for &o in occs {
        groups.entry(&o.isco[..3]).or_default().push(o);
    }
    let mut groups: Vec<Vec<&Occ<'t>>> = groups.into_values().collect();
    rng.shuffle(&mut groups);
    for g in &mut groups {
        rng.shuffle(g);
    }
    let mut out = Vec::with_capacity(n);
    while out.len() < n && groups.iter().any(|g| !g.is_empty()) {
        for g in &mut groups {
            if let Some(o) = g.pop().filter(|_| out.len() < n) {
                out.push(o);
            }
        }
    }
    out
}

pub(crate) fn comuni_named<'g>(g: &'g Gazetteer, names: &[&str]) -> Vec<&'g Comune> {
    names.iter().filter_map(|n| g.find(n).ok().map(|m| m.comune)).collect()
}

pub(crate) fn comuni_of_regions<'g>(g: &'g Gazetteer, regions: &[&str]) -> Vec<&'g Comune> {
    g.iter().filter(|c| regions.contains(&c.region.as_str()) && !c.is_approximate()).collect()
}

pub(crate) fn place(c: &Comune) -> Place {
    Place { istat: Some(c.istat.clone()), name: Some(c.name.clone()), ..Place::default() }
}

pub(crate) fn blank_vacancy(id: String, title: String) -> Vacancy {
    serde_json::from_value(serde_json::json!({"id": id, "title": title})).expect("a minimal vacancy")
}

pub(crate) fn blank_profile() -> Profile {
    serde_json::from_value(serde_json::json!({"person": {"given_name": "Bench", "family_name": "Mark"}})).expect("a minimal profile")
}

/// How the labelled sets write skills: labels in one language (ESCO's English ones, or
/// Sportello's Italian ones), with or without the alternative labels.
#[derive(Clone, Copy)]
pub(crate) struct Labels<'t> {
    pub(crate) tax: &'t Taxonomy,
    /// Whether a profile may write a skill as one of its alternative labels.
    pub(crate) alternatives: bool,
    /// The language written.
    pub(crate) lang: &'static str,
}

impl Labels<'_> {
    pub(crate) fn alternative(&self, uri: &str, rng: &mut Rng) -> Option<String> {
        if !self.alternatives {
            return None;
        }
        let alts: Vec<&str> =
            self.tax.concept(uri)?.labels().filter(|l| l.kind == LabelKind::Alternative && l.lang == self.lang).map(|l| l.text).collect();
        (!alts.is_empty()).then(|| rng.pick(&alts).to_string())
    }
    /// The preferred label of a concept in the set's language.
    pub(crate) fn preferred(&self, uri: &str) -> String {
        self.tax.concept(uri).map_or_else(String::new, |c| c.label_in(self.lang).text.to_owned())
    }
    pub(crate) fn skill(&self, s: &SkillLink<'_>, with_uri: bool) -> Concept {
        Concept { label: self.preferred(s.uri), uri: with_uri.then(|| s.uri.to_owned()) }
    }
    pub(crate) fn occupation(&self, o: &Occ<'_>) -> Concept {
        Concept { label: self.preferred(o.uri), uri: Some(o.uri.to_owned()) }
    }
    /// Whether every skill and the occupation itself have a label in the set's language.
    pub(crate) fn covers(&self, o: &Occ<'_>) -> bool {
        let has = |uri: &str| self.tax.concept(uri).is_some_and(|c| c.label_in(self.lang).lang == self.lang);
        has(o.uri) && o.essential.iter().chain(&o.optional).all(|s| has(s.uri))
    }
}

pub(crate) fn work_entry(occupation: Concept) -> WorkExperience {
    WorkExperience {
        role: occupation.label.clone(),
        start: PartialDate::month(2019, 1),
        end: PartialDate::month(2024, 12),
        occupation: Some(occupation),
        ..WorkExperience::default()
    }
}

/// A vacancy for an occupation: a random subset of its skills.
pub(crate) fn vacancy_for(id: String, o: &Occ<'_>, labels: Labels<'_>, at: &Comune, uri_share: f64, rng: &mut Rng) -> Vacancy {
    let occupation = labels.occupation(o);
    let mut v = blank_vacancy(id, occupation.label.clone());
    v.occupation = Some(occupation);
    let mut essential: Vec<&SkillLink<'_>> = o.essential.iter().filter(|_| rng.chance(0.6)).collect();
    if essential.len() < 3 {
        essential = o.essential.iter().take(3).collect();
    }
    rng.shuffle(&mut essential);
    essential.truncate(12);
    v.essential_skills = essential.into_iter().map(|s| labels.skill(s, rng.chance(uri_share))).collect();
    let n_optional = rng.below(5);
    v.optional_skills = rng.sample(&o.optional, n_optional).iter().map(|s| labels.skill(s, rng.chance(uri_share))).collect();
    v.place = Some(place(at));
    v.expires = PartialDate::day(2099, 12, 31);
    v
}

// ---------------------------------------------------------------- noise

/// How a profile's skill label was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Noise {
    Preferred,
    Alternative,
    Typo,
}

/// One random edit of a letter: insert, delete, substitute or swap with the next.
pub(crate) fn typo(text: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let letters: Vec<usize> = chars.iter().enumerate().filter(|(_, c)| c.is_alphabetic()).map(|(i, _)| i).collect();
    if letters.is_empty() {
        return text.to_owned();
    }
    for _ in 0..20 {
        let at = *rng.pick(&letters);
        let letter = (b'a' + rng.below(26) as u8) as char;
        let before = chars.clone();
        match rng.below(4) {
            0 => chars.insert(at + rng.below(2), letter),
            1 => {
                chars.remove(at);
            }
            2 => chars[at] = letter,
            _ => {
                if at + 1 < chars.len() && chars[at + 1].is_alphabetic() {
                    chars.swap(at, at + 1);
                }
            }
        }
        if chars != before {
            break;
        }
    }
    chars.into_iter().collect()
}

/// A label as a person might write it, and how it was written.
pub(crate) fn noisy_label(labels: Labels<'_>, s: &SkillLink<'_>, rng: &mut Rng) -> (String, Noise) {
    let preferred = labels.preferred(s.uri);
    let r = rng.unit();
    if r < 0.40 {
        return (preferred, Noise::Preferred);
    }
    if r < 0.75 {
        return match labels.alternative(s.uri, rng) {
            Some(alt) => (alt, Noise::Alternative),
            None => (preferred, Noise::Preferred),
        };
    }
    (typo(&preferred, rng), Noise::Typo)
}

// ---------------------------------------------------------------- quality set

/// A generated profile with what is known about it.
pub(crate) struct Case {
    pub(crate) profile: Profile,
    /// Index of its occupation among the sampled ones.
    pub(crate) occ: usize,
    pub(crate) has_work: bool,
    /// The true URI and noise of each skill, in the profile's order (extras: `None`).
    pub(crate) truth: Vec<Option<(String, Noise)>>,
}

pub(crate) fn quality_profile(
    labels: Labels<'_>,
    occ: usize,
    o: &Occ<'_>,
    all: &[&Occ<'_>],
    home: &Comune,
    has_work: bool,
    rng: &mut Rng,
) -> Case {
    let mut pool: Vec<&SkillLink<'_>> = o.essential.iter().collect();
    let n_optional = rng.below(6);
    pool.extend(rng.sample(&o.optional.iter().collect::<Vec<_>>(), n_optional));
    let keep = 0.5 + 0.2 * rng.unit();
    let mut kept: Vec<&SkillLink<'_>> = pool.iter().copied().filter(|_| rng.chance(keep)).collect();
    if kept.len() < 2 {
        kept = pool.iter().copied().take(2).collect();
    }
    kept.truncate(20);
    let mut skills: Vec<(Skill, Option<(String, Noise)>)> = kept
        .into_iter()
        .map(|s| {
            let (label, noise) = noisy_label(labels, s, rng);
            (Skill { label, ..Skill::default() }, Some((s.uri.to_owned(), noise)))
        })
        .collect();
    for _ in 0..rng.between(2, 5) {
        let other = rng.pick(all);
        let s = rng.pick(&other.essential);
        skills.push((Skill { label: labels.preferred(s.uri), ..Skill::default() }, None));
    }
    rng.shuffle(&mut skills);
    let mut profile = blank_profile();
    if has_work {
        profile.work.push(work_entry(labels.occupation(o)));
    }
    profile.mobility.home = Some(place(home));
    profile.mobility.max_commute_km = Some(150);
    let (list, truth) = skills.into_iter().unzip();
    profile.skills = list;
    Case { profile, occ, has_work, truth }
}

/// The labelled set: vacancies (with their occupation index) and profiles.
pub(crate) struct QualitySet<'a, 't> {
    pub(crate) occs: Vec<&'a Occ<'t>>,
    pub(crate) vacancies: Vec<Vacancy>,
    pub(crate) vacancy_occ: Vec<usize>,
    pub(crate) cases: Vec<Case>,
}

pub(crate) fn quality_set<'a, 't>(
    labels: Labels<'_>,
    all: &[&'a Occ<'t>],
    comuni: &[&Comune],
    profiles: usize,
    label_only: bool,
    rng: &mut Rng,
) -> QualitySet<'a, 't> {
    let occs = sample_across_isco3(all, QUALITY_OCCUPATIONS, rng);
    let mut vacancies = Vec::new();
    let mut vacancy_occ = Vec::new();
    for (i, o) in occs.iter().enumerate() {
        for k in 0..VACANCIES_PER_OCCUPATION {
            // Label-only: the same draws, then no URIs and no occupation, as real feeds come.
            let mut v = vacancy_for(format!("q{i:03}-{k}"), o, labels, rng.pick_copy(comuni), if label_only { 0.0 } else { 0.8 }, rng);
            if label_only {
                v.occupation = None;
            }
            vacancies.push(v);
            vacancy_occ.push(i);
        }
    }
    let cases = (0..profiles)
        .map(|i| {
            let occ = rng.below(occs.len());
            quality_profile(labels, occ, occs[occ], all, rng.pick_copy(comuni), i % 2 == 0, rng)
        })
        .collect();
    QualitySet { occs, vacancies, vacancy_occ, cases }
}

impl QualitySet<'_, '_> {
    pub(crate) fn relevance(&self, case: usize, vacancy: usize) -> u8 {
        let (p, v) = (self.cases[case].occ, self.vacancy_occ[vacancy]);
        if p == v {
            2
        } else if self.occs[p].isco[..3] == self.occs[v].isco[..3] {
            1
        } else {
            0
        }
    }
}
