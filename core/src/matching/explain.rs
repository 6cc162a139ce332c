//! Explanations of a [`MatchResult`] in Italian and English, for counsellors and the
//! people they help: each part's contribution, the occupation and skills matched and how,
//! the gap, and why a vacancy is excluded.

use super::score::{Evidence, Exclusion, Hint, MatchResult, OccupationLink, OccupationMatch, PartName};
use crate::taxonomy::RelationKind;

/// Languages explanations are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Italian.
    It,
    /// English.
    En,
}

impl Lang {
    /// `it` or `en`; anything else is `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "it" => Some(Lang::It),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

fn t(lang: Lang, it: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::It => it,
        Lang::En => en,
    }
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

/// A multi-line explanation of one match.
pub fn explain(r: &MatchResult, lang: Lang) -> String {
    let mut out = format!("{} – {} ({:.0}%)\n", r.vacancy_id, r.title, r.score * 100.0);
    for e in &r.exclusions {
        out.push_str(&format!("  {}: {}\n", t(lang, "esclusa", "excluded"), exclusion(e, lang)));
    }
    for p in &r.parts {
        out.push_str(&format!(
            "  {:<22} {:>3.0}% × {:>2.0}% = {:>4.1}\n",
            part_name(p.name, lang),
            p.credit * 100.0,
            p.weight * 100.0,
            p.contribution * 100.0
        ));
    }
    if let Some(o) = &r.occupation {
        out.push_str(&format!("  {}: {}\n", part_name(PartName::Occupation, lang), occupation(o, lang)));
    }
    for m in &r.matched {
        let kind = if m.essential { t(lang, "essenziale", "essential") } else { t(lang, "utile", "optional") };
        out.push_str(&format!("  + {} ({kind}): {} [{}]\n", m.required, m.by, evidence(&m.evidence, lang)));
    }
    for s in &r.missing {
        out.push_str(&format!("  - {}: {s}\n", t(lang, "manca", "missing")));
    }
    if let Some(d) = r.distance_km {
        out.push_str(&format!("  {}: {d} km\n", t(lang, "distanza da casa", "distance from home")));
    }
    for h in &r.hints {
        out.push_str(&format!("  {}: {}\n", t(lang, "suggerimento", "hint"), hint(*h, lang)));
    }
    out
}

/// Advice on the profile, in words (without the "hint:" prefix).
pub fn hint(h: Hint, lang: Lang) -> &'static str {
    match h {
        Hint::AddSkills => t(lang, "aggiungi le competenze al profilo", "add skills to the profile"),
        Hint::AddHome => t(lang, "indica il comune di residenza", "give the home comune"),
    }
}
