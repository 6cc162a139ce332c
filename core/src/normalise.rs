//! Filling in the ESCO URIs of a profile's or vacancy's skills and occupations from their
//! free-text labels (`sportello normalise`). Labels that already carry a URI are left
//! alone; every label looked up is reported with the evidence or as not placed.

use serde::Serialize;

use crate::model::{Concept, Profile, Skill, Vacancy};
use crate::taxonomy::Taxonomy;
use crate::taxonomy::normalise::{Normalisation, normalise_occupation, normalise_skill};

/// What happened to one label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Filled {
    /// Field path, e.g. `skills[3]`.
    pub path: String,
    /// The label.
    pub label: String,
    /// The URI found, if any.
    pub uri: Option<String>,
    /// How it was found.
    pub evidence: Option<Normalisation>,
}

enum Kind {
    Skill,
    Occupation,
}

fn fill(t: &Taxonomy, path: String, label: &str, uri: &mut Option<String>, kind: &Kind) -> Option<Filled> {
    if uri.is_some() || label.trim().is_empty() {
        return None;
    }
    let found = match kind {
        Kind::Skill => normalise_skill(t, label),
        Kind::Occupation => normalise_occupation(t, label),
    };
    let (new_uri, evidence) = found.map_or((None, None), |(u, e)| (Some(u), Some(e)));
    uri.clone_from(&new_uri);
    Some(Filled { path, label: label.to_owned(), uri: new_uri, evidence })
}

fn skills(t: &Taxonomy, field: &str, list: &mut [Skill], out: &mut Vec<Filled>) {
    for (i, s) in list.iter_mut().enumerate() {
        out.extend(fill(t, format!("{field}[{i}]"), &s.label, &mut s.uri, &Kind::Skill));
    }
}

fn concepts(t: &Taxonomy, field: &str, list: &mut [Concept], kind: &Kind, out: &mut Vec<Filled>) {
    for (i, c) in list.iter_mut().enumerate() {
        out.extend(fill(t, format!("{field}[{i}]"), &c.label, &mut c.uri, kind));
    }
}

/// Fills the URIs of a profile's skills, digital skills, work occupations and wished
/// occupations.
pub fn normalise_profile(p: &mut Profile, t: &Taxonomy) -> Vec<Filled> {
    let mut out = Vec::new();
    skills(t, "skills", &mut p.skills, &mut out);
    skills(t, "digital_skills", &mut p.digital_skills, &mut out);
    for (i, w) in p.work.iter_mut().enumerate() {
        if let Some(o) = &mut w.occupation {
            out.extend(fill(t, format!("work[{i}].occupation"), &o.label.clone(), &mut o.uri, &Kind::Occupation));
        }
    }
    concepts(t, "preferences.occupations", &mut p.preferences.occupations, &Kind::Occupation, &mut out);
    out
}

/// Fills the URIs of a vacancy's occupation and essential and optional skills.
pub fn normalise_vacancy(v: &mut Vacancy, t: &Taxonomy) -> Vec<Filled> {
    let mut out = Vec::new();
    if let Some(o) = &mut v.occupation {
        out.extend(fill(t, "occupation".into(), &o.label.clone(), &mut o.uri, &Kind::Occupation));
    }
    concepts(t, "essential_skills", &mut v.essential_skills, &Kind::Skill, &mut out);
    concepts(t, "optional_skills", &mut v.optional_skills, &Kind::Skill, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;

    #[test]
    fn fills_missing_uris_and_reports_the_rest() {
        let mut p = Profile {
            schema_version: 1,
            lang: None,
            person: Person { given_name: "A".into(), family_name: "B".into(), ..Person::default() },
            sensitive: Default::default(),
            privacy: Default::default(),
            headline: None,
            summary: None,
            work: vec![],
            education: vec![],
            skills: vec![
                Skill { label: "muletto".into(), ..Skill::default() },
                Skill { label: "qwzx plorf".into(), ..Skill::default() },
                Skill { label: "x".into(), uri: Some("http://data.europa.eu/esco/skill/given".into()), ..Skill::default() },
            ],
            languages: Default::default(),
            digital_skills: vec![],
            driving_licences: vec![],
            certifications: vec![],
            volunteering: vec![],
            projects: vec![],
            other_sections: vec![],
            mobility: Default::default(),
            preferences: Default::default(),
            render: None,
            cover_letters: vec![],
        };
        let filled = normalise_profile(&mut p, Taxonomy::embedded());
        assert_eq!(filled.len(), 2);
        assert!(p.skills[0].uri.as_deref().is_some_and(|u| u.starts_with("http://data.europa.eu/esco/skill/")), "{filled:?}");
        assert_eq!(filled[1].uri, None);
        assert_eq!(p.skills[2].uri.as_deref(), Some("http://data.europa.eu/esco/skill/given"));
    }
}
