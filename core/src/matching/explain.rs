//! Explanations of a [`MatchResult`] in Italian and English, for counsellors and the
//! people they help: each part's contribution, the occupation and skills matched and how,
//! the gap, and why a vacancy is excluded.

use super::score::{Evidence, Exclusion, Hint, MatchResult, OccupationLink, OccupationMatch, PartName};
use serde::Serialize;

pub use crate::lang::Lang;
use crate::taxonomy::RelationKind;

fn t(lang: Lang, it: &'static str, en: &'static str) -> &'static str {
    lang.pick(it, en)
}

/// The name of a part.
pub fn part_name(name: PartName, lang: Lang) -> &'static str {
    match name {
        PartName::EssentialSkills => t(lang, "competenze essenziali", "essential skills"),
        PartName::OptionalSkills => t(lang, "competenze utili", "optional skills"),
        PartName::Occupation => t(lang, "professione", "occupation"),
        PartName::Languages => t(lang, "lingue", "languages"),
        PartName::Education => t(lang, "istruzione", "education"),
        PartName::Experience => t(lang, "esperienza", "experience"),
        PartName::Distance => t(lang, "distanza", "distance"),
    }
}

/// How a skill matched, in words.
pub fn evidence(e: &Evidence, lang: Lang) -> String {
    match e {
        Evidence::Exact => t(lang, "stessa competenza ESCO", "same ESCO skill").into(),
        Evidence::Related { relation } => {
            let what = match relation {
                RelationKind::Same => t(lang, "stessa competenza", "same skill"),
                RelationKind::Narrower => t(lang, "competenza più specifica", "more specific skill"),
                RelationKind::Broader => t(lang, "competenza più generale", "broader skill"),
                RelationKind::EssentialRelated | RelationKind::OptionalRelated => {
                    t(lang, "competenza collegata in ESCO", "skill related in ESCO")
                }
                RelationKind::SameGroup => {
                    t(lang, "competenza affine (stessa competenza più generale)", "sibling skill (same broader skill)")
                }
            };
            what.into()
        }
        Evidence::Label { similarity } => format!("{} {:.0}%", t(lang, "nome simile", "similar name"), similarity * 100.0),
    }
}

/// How the person's occupation relates to the vacancy's, in words.
pub fn occupation(o: &OccupationMatch, lang: Lang) -> String {
    let link = match &o.link {
        OccupationLink::Same => t(lang, "stessa professione ESCO", "same ESCO occupation").to_owned(),
        OccupationLink::SameUnitGroup { isco } => format!("{} {isco}", t(lang, "stesso gruppo ISCO", "same ISCO unit group")),
        OccupationLink::SameMinorGroup { isco } => format!("{} {isco}", t(lang, "stesso gruppo minore ISCO", "same ISCO minor group")),
    };
    let inferred = if o.inferred { t(lang, ", dedotta dalle competenze", ", inferred from the skills") } else { "" };
    format!("{} [{link}{inferred}]", o.by)
}

/// Why a vacancy is excluded, in words.
pub fn exclusion(e: &Exclusion, lang: Lang) -> String {
    match e {
        Exclusion::MissingLicence { licence } => {
            format!("{} {licence}", t(lang, "manca la patente richiesta", "missing the required licence"))
        }
        Exclusion::Expired { expires } => format!("{} {expires}", t(lang, "offerta scaduta il", "vacancy expired on")),
        Exclusion::OutsideCommute { distance_km, max_km } => match lang {
            Lang::It => format!("a {distance_km} km da casa, oltre i {max_km} km indicati"),
            Lang::En => format!("{distance_km} km from home, beyond the {max_km} km given"),
        },
        Exclusion::ContractRefused { contract } => {
            format!("{} ({contract})", t(lang, "tipo di contratto non accettato", "contract type not accepted"))
        }
        Exclusion::ReservedLaw68 => t(lang, "riservata al collocamento mirato (L. 68/99)", "reserved for Law 68/99 placements").into(),
    }
}

/// A part of the score, named in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartText {
    /// Stable name, e.g. `essential_skills`.
    pub name: PartName,
    /// In words, in the explanation's language.
    pub label: &'static str,
    /// Weight among the parts that apply (they sum to 1).
    pub weight: f64,
    /// Credit earned, 0 to 1.
    pub credit: f64,
    /// Weight × credit: what the part adds to the score.
    pub contribution: f64,
}

/// A skill of the vacancy the person has, with the evidence in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchedText {
    /// The vacancy's skill.
    pub required: String,
    /// The person's skill.
    pub by: String,
    /// Essential (else optional).
    pub essential: bool,
    /// How it matched, in words.
    pub evidence: String,
}

/// One match explained in one language: what every binding shows (the CLI as a table
/// and as text, Python as a dict, the widget as a list), built only here.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The language of every text below.
    pub lang: Lang,
    /// `id – title (87%)`.
    pub heading: String,
    /// Why the vacancy is excluded, if it is.
    pub exclusions: Vec<String>,
    /// The parts of the score.
    pub parts: Vec<PartText>,
    /// The person's occupation that counts for this vacancy, and how it relates.
    pub occupation: Option<String>,
    /// The vacancy's skills the person has.
    pub matched: Vec<MatchedText>,
    /// The vacancy's essential skills the person lacks.
    pub missing: Vec<String>,
    /// Distance from home, in km.
    pub distance_km: Option<f64>,
    /// Advice on the profile.
    pub hints: Vec<&'static str>,
    /// All of the above as lines of text (the first is the heading).
    pub text: String,
}

impl Explanation {
    /// Explains a result in `lang`.
    pub fn new(r: &MatchResult, lang: Lang) -> Explanation {
        let mut e = Explanation {
            lang,
            heading: format!("{} – {} ({:.0}%)", r.vacancy_id, r.title, r.score * 100.0),
            exclusions: r.exclusions.iter().map(|x| exclusion(x, lang)).collect(),
            parts: r
                .parts
                .iter()
                .map(|p| PartText {
                    name: p.name,
                    label: part_name(p.name, lang),
                    weight: p.weight,
                    credit: p.credit,
                    contribution: p.contribution,
                })
                .collect(),
            occupation: r.occupation.as_ref().map(|o| occupation(o, lang)),
            matched: r
                .matched
                .iter()
                .map(|m| MatchedText {
                    required: m.required.clone(),
                    by: m.by.clone(),
                    essential: m.essential,
                    evidence: evidence(&m.evidence, lang),
                })
                .collect(),
            missing: r.missing.clone(),
            distance_km: r.distance_km,
            hints: r.hints.iter().map(|h| hint(*h, lang)).collect(),
            text: String::new(),
        };
        e.text = e.lines();
        e
    }

    fn lines(&self) -> String {
        let lang = self.lang;
        let mut out = format!("{}\n", self.heading);
        for e in &self.exclusions {
            out.push_str(&format!("  {}: {e}\n", t(lang, "esclusa", "excluded")));
        }
        for p in &self.parts {
            out.push_str(&format!(
                "  {:<22} {:>3.0}% × {:>2.0}% = {:>4.1}\n",
                p.label,
                p.credit * 100.0,
                p.weight * 100.0,
                p.contribution * 100.0
            ));
        }
        if let Some(o) = &self.occupation {
            out.push_str(&format!("  {}: {o}\n", part_name(PartName::Occupation, lang)));
        }
        for m in &self.matched {
            let kind = if m.essential { t(lang, "essenziale", "essential") } else { t(lang, "utile", "optional") };
            out.push_str(&format!("  + {} ({kind}): {} [{}]\n", m.required, m.by, m.evidence));
        }
        for s in &self.missing {
            out.push_str(&format!("  - {}: {s}\n", t(lang, "manca", "missing")));
        }
        if let Some(d) = self.distance_km {
            out.push_str(&format!("  {}: {d} km\n", t(lang, "distanza da casa", "distance from home")));
        }
        for h in &self.hints {
            out.push_str(&format!("  {}: {h}\n", t(lang, "suggerimento", "hint")));
        }
        out
    }
}

/// A multi-line explanation of one match (the text of [`Explanation`]).
pub fn explain(r: &MatchResult, lang: Lang) -> String {
    Explanation::new(r, lang).text
}

/// Advice on the profile, in words (without the "hint:" prefix).
pub fn hint(h: Hint, lang: Lang) -> &'static str {
    match h {
        Hint::AddSkills => t(lang, "aggiungi le competenze al profilo", "add skills to the profile"),
        Hint::AddHome => t(lang, "indica il comune di residenza", "give the home comune"),
    }
}
