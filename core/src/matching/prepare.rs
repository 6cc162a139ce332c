//! Profiles and vacancies made ready for scoring: skills and occupations normalised to
//! ESCO URIs (keeping how each was found), places located, experience counted.
//!
//! A profile is prepared once per query and a vacancy once when it is indexed, so the
//! scorer itself does no text search. Preparing a profile reads nothing sensitive except,
//! with the person's consent, the single fact of Law 68/99 registration, used only as an
//! eligibility filter for reserved vacancies (see [`PreparedProfile::law_68_99_eligible`]).

use serde::{Deserialize, Serialize};

use super::memo::LabelMemo;
use crate::geo::Gazetteer;
use crate::model::{CefrLevel, Concept, ContractType, LicenceCategory, PartialDate, Place, Profile, Remote, Vacancy};
use crate::taxonomy::Taxonomy;
pub use crate::taxonomy::normalise::{Normalisation, normalise_occupation, normalise_skill};

/// A skill or occupation with its ESCO URI, given or found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConceptRef {
    /// The label as written.
    pub label: String,
    /// The ESCO URI, if given or found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    /// How the URI was found when it was not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found: Option<Normalisation>,
    /// The folded label, computed once when first compared.
    #[serde(skip)]
    folded: std::sync::OnceLock<String>,
}

impl ConceptRef {
    /// A concept with a label and, if known, its URI and how it was found.
    pub fn new(label: impl Into<String>, uri: Option<String>, found: Option<Normalisation>) -> Self {
        ConceptRef { label: label.into(), uri, found, folded: std::sync::OnceLock::new() }
    }

    /// The label folded for comparison (lowercase, no accents or punctuation).
    pub fn folded(&self) -> &str {
        self.folded.get_or_init(|| crate::fold::fold(&self.label))
    }
}

/// A point, in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
}

impl Point {
    /// Great-circle distance in km.
    pub fn distance_km(self, other: Point) -> f64 {
        crate::geo::distance_km(
            crate::geo::Coordinates { lat: self.lat, lon: self.lon },
            crate::geo::Coordinates { lat: other.lat, lon: other.lon },
        )
    }
}

/// A profile ready for scoring. It holds no sensitive data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PreparedProfile {
    /// The caller's identifier (file name, case number...).
    pub id: String,
    /// Skills and digital skills.
    pub skills: Vec<ConceptRef>,
    /// Occupations from work history and wishes.
    pub occupations: Vec<ConceptRef>,
    /// ISCO 4-digit groups of those occupations placed in ESCO, without repeats, worked
    /// out from `occupations` when the profile is prepared (change both together):
    /// retrieval also looks for vacancies of neighbouring occupations.
    pub isco_groups: Vec<String>,
    /// Months of experience per occupation URI.
    pub months_by_occupation: Vec<(String, u32)>,
    /// Months of experience in all.
    pub total_months: u32,
    /// Mother tongues (ISO 639-1).
    pub mother_tongues: Vec<String>,
    /// Other languages with the five CEFR levels.
    pub languages: Vec<(String, [CefrLevel; 5])>,
    /// Highest EQF level.
    pub max_eqf: Option<u8>,
    /// Home.
    pub home: Option<Point>,
    /// Home's name, for explanations.
    pub home_name: Option<String>,
    /// Longest commute in km, if given.
    pub max_commute_km: Option<f64>,
    /// Willing to relocate (distance then never excludes).
    pub willing_to_relocate: bool,
    /// Driving licences.
    pub licences: Vec<LicenceCategory>,
    /// Acceptable contracts; empty means any.
    pub contract_types: Vec<ContractType>,
    /// Registered under Law 68/99 *and* consenting to its use for eligibility. Used only to
    /// admit the person to vacancies reserved to it; never in the score.
    pub law_68_99_eligible: bool,
}

/// A vacancy ready for scoring, stored as is in the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreparedVacancy {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The employer.
    #[serde(default)]
    pub employer: Option<String>,
    /// The place's name, for explanations.
    #[serde(default)]
    pub place_name: Option<String>,
    /// ISTAT code of the comune.
    #[serde(default)]
    pub istat: Option<String>,
    /// Where.
    #[serde(default)]
    pub point: Option<Point>,
    /// Occupation.
    #[serde(default)]
    pub occupation: Option<ConceptRef>,
    /// ISCO 4-digit group of the occupation.
    #[serde(default)]
    pub isco: Option<String>,
    /// Essential skills.
    pub essential: Vec<ConceptRef>,
    /// Optional skills.
    pub optional: Vec<ConceptRef>,
    /// Required languages and levels.
    pub languages: Vec<(String, CefrLevel)>,
    /// Minimum EQF level.
    #[serde(default)]
    pub min_eqf: Option<u8>,
    /// Minimum months of experience.
    #[serde(default)]
    pub min_months: Option<u32>,
    /// Required licences.
    pub licences: Vec<LicenceCategory>,
    /// Contract.
    #[serde(default)]
    pub contract: Option<ContractType>,
    /// Fully remote.
    #[serde(default)]
    pub remote: bool,
    /// Last day to apply.
    #[serde(default)]
    pub expires: Option<PartialDate>,
    /// Reserved for Law 68/99.
    #[serde(default)]
    pub reserved_law_68_99: bool,
    /// Labels that could not be placed in ESCO (kept and matched by label).
    #[serde(default)]
    pub unplaced: Vec<String>,
}

/// Where labels are placed in ESCO: a search each time, or a memo of the searches.
#[derive(Clone, Copy)]
enum Lookup<'a, 't> {
    Search(&'t Taxonomy),
    Memo(&'a LabelMemo<'t>),
}

impl<'a, 't> Lookup<'a, 't> {
    /// The memo when it is one of `taxonomy`'s (a memo of another taxonomy is not used).
    fn new(taxonomy: &'t Taxonomy, memo: Option<&'a LabelMemo<'t>>) -> Self {
        match memo {
            Some(m) if std::ptr::eq(m.taxonomy(), taxonomy) => Lookup::Memo(m),
            _ => Lookup::Search(taxonomy),
        }
    }
}

fn concept(lookup: Lookup<'_, '_>, c: &Concept, occupation: bool) -> ConceptRef {
    if let Some(uri) = &c.uri {
        return ConceptRef::new(c.label.clone(), Some(uri.clone()), None);
    }
    let found = match (lookup, occupation) {
        (Lookup::Search(t), false) => normalise_skill(t, &c.label),
        (Lookup::Search(t), true) => normalise_occupation(t, &c.label),
        (Lookup::Memo(m), false) => m.skill(&c.label),
        (Lookup::Memo(m), true) => m.occupation(&c.label),
    };
    match found {
        Some((uri, how)) => ConceptRef::new(c.label.clone(), Some(uri), Some(how)),
        None => ConceptRef::new(c.label.clone(), None, None),
    }
}

fn locate(gazetteer: &Gazetteer, place: Option<&Place>) -> (Option<Point>, Option<String>, Option<String>) {
    let Some(place) = place else { return (None, None, None) };
    match gazetteer.resolve(place) {
        Some(r) => (
            Some(Point { lat: r.coordinates.lat, lon: r.coordinates.lon }),
            place.name.clone().or_else(|| r.comune.map(|c| c.name.clone())),
            r.comune.map(|c| c.istat.clone()).or_else(|| place.istat.clone()),
        ),
        None => (None, place.name.clone(), place.istat.clone()),
    }
}

/// [`Normalisation::how`] of an occupation inferred from the person's skills.
pub const INFERRED_FROM_SKILLS: &str = "inferred_from_skills";

/// The occupation most likely for a person who names none, from their skills (ESCO's
/// occupation-skill relations), marked as inferred so explanations can say so.
fn inferred_occupation(taxonomy: &Taxonomy, skills: &[ConceptRef]) -> Option<ConceptRef> {
    let uris: Vec<&str> = skills.iter().filter_map(|s| s.uri.as_deref()).collect();
    if uris.len() < INFER_MIN_SKILLS {
        return None;
    }
    let best = taxonomy.occupations_for_skills(&uris, 1).ok()?.into_iter().next()?;
    let how = Normalisation { how: INFERRED_FROM_SKILLS.into(), matched_label: best.preferred_label.to_owned(), similarity: best.score };
    Some(ConceptRef::new(best.preferred_label, Some(best.uri.to_owned()), Some(how)))
}

/// The ISCO group of an occupation placed in ESCO.
fn isco_group<'t>(taxonomy: &'t Taxonomy, occupation: &ConceptRef) -> Option<&'t str> {
    taxonomy.concept(occupation.uri.as_deref()?)?.isco_group()
}

/// Skills needed before an occupation is inferred from them.
const INFER_MIN_SKILLS: usize = 3;

/// Prepares a profile; `today` closes ongoing jobs when counting experience. A profile
/// without any occupation gets the one its skills point to (see [`inferred_occupation`]).
pub fn prepare_profile(id: &str, p: &Profile, taxonomy: &Taxonomy, gazetteer: &Gazetteer, today: PartialDate) -> PreparedProfile {
    prepare_profile_with(id, p, taxonomy, gazetteer, today, None)
}

/// [`prepare_profile`], placing labels through a memo of `taxonomy` when given one: the
/// same result, each distinct label searched once.
pub fn prepare_profile_with(
    id: &str,
    p: &Profile,
    taxonomy: &Taxonomy,
    gazetteer: &Gazetteer,
    today: PartialDate,
    memo: Option<&LabelMemo<'_>>,
) -> PreparedProfile {
    let lookup = Lookup::new(taxonomy, memo);
    let skills: Vec<ConceptRef> = p
        .skills
        .iter()
        .chain(&p.digital_skills)
        .map(|s| concept(lookup, &Concept { label: s.label.clone(), uri: s.uri.clone() }, false))
        .collect();
    let mut occupations: Vec<ConceptRef> = Vec::new();
    let mut months_by_occupation: Vec<(String, u32)> = Vec::new();
    let mut total_months = 0;
    for w in &p.work {
        let months = w.start.map_or(0, |s| s.months_until(&w.end.unwrap_or(today)));
        total_months += months;
        let c = match &w.occupation {
            Some(o) => concept(lookup, o, true),
            None => concept(lookup, &Concept { label: w.role.clone(), uri: None }, true),
        };
        if let Some(uri) = &c.uri {
            match months_by_occupation.iter_mut().find(|(u, _)| u == uri) {
                Some((_, m)) => *m += months,
                None => months_by_occupation.push((uri.clone(), months)),
            }
        }
        occupations.push(c);
    }
    occupations.extend(p.preferences.occupations.iter().map(|o| concept(lookup, o, true)));
    if !occupations.iter().any(|o| o.uri.is_some()) {
        occupations.extend(inferred_occupation(taxonomy, &skills));
    }
    let mut isco_groups: Vec<String> = Vec::new();
    for group in occupations.iter().filter_map(|o| isco_group(taxonomy, o)) {
        if !isco_groups.iter().any(|g| g == group) {
            isco_groups.push(group.to_owned());
        }
    }
    let (home, home_name, _) = locate(gazetteer, p.mobility.home.as_ref());
    PreparedProfile {
        id: id.to_owned(),
        skills,
        occupations,
        isco_groups,
        months_by_occupation,
        total_months,
        mother_tongues: p.languages.mother_tongues.clone(),
        languages: p.languages.other.iter().map(|l| (l.language.clone(), l.grid())).collect(),
        max_eqf: p.education.iter().filter_map(|e| e.eqf_level.map(|l| l.get())).max(),
        home,
        home_name,
        max_commute_km: p.mobility.max_commute_km.map(f64::from),
        willing_to_relocate: p.mobility.willing_to_relocate,
        licences: p.driving_licences.clone(),
        contract_types: p.preferences.contract_types.clone(),
        law_68_99_eligible: p.privacy.use_law_68_99_for_eligibility && p.sensitive.disability.as_ref().is_some_and(|d| d.law_68_99),
    }
}

/// Prepares a vacancy.
pub fn prepare_vacancy(v: &Vacancy, taxonomy: &Taxonomy, gazetteer: &Gazetteer) -> PreparedVacancy {
    prepare_vacancy_with(v, taxonomy, gazetteer, None)
}

/// [`prepare_vacancy`], placing labels and the title through a memo of `taxonomy` when
/// given one: the same result, each distinct label searched once.
pub fn prepare_vacancy_with(v: &Vacancy, taxonomy: &Taxonomy, gazetteer: &Gazetteer, memo: Option<&LabelMemo<'_>>) -> PreparedVacancy {
    let lookup = Lookup::new(taxonomy, memo);
    let essential: Vec<ConceptRef> = v.essential_skills.iter().map(|c| concept(lookup, c, false)).collect();
    let optional: Vec<ConceptRef> = v.optional_skills.iter().map(|c| concept(lookup, c, false)).collect();
    let occupation = v.occupation.as_ref().map(|o| concept(lookup, o, true)).or_else(|| {
        let c = concept(lookup, &Concept { label: v.title.clone(), uri: None }, true);
        c.uri.is_some().then_some(c)
    });
    let isco = occupation.as_ref().and_then(|o| isco_group(taxonomy, o)).map(str::to_owned);
    let unplaced = essential.iter().chain(&optional).filter(|c| c.uri.is_none()).map(|c| c.label.clone()).collect();
    let (point, place_name, istat) = locate(gazetteer, v.place.as_ref());
    PreparedVacancy {
        id: v.id.clone(),
        title: v.title.clone(),
        employer: v.employer.clone(),
        place_name,
        istat,
        point,
        occupation,
        isco,
        essential,
        optional,
        languages: v.languages.iter().map(|l| (l.language.clone(), l.level)).collect(),
        min_eqf: v.min_eqf_level.map(|l| l.get()),
        min_months: v.min_experience_months,
        licences: v.driving_licences.clone(),
        contract: v.contract,
        remote: v.remote == Some(Remote::Remote),
        expires: v.expires,
        reserved_law_68_99: v.reserved_law_68_99,
        unplaced,
    }
}
