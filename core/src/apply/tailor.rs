//! A CV for one vacancy: the same profile with its skills, jobs and each job's highlights
//! in the order the vacancy asks for them, from the matcher's evidence; with a page limit,
//! what is unrelated to the vacancy left out, least related first. Nothing is invented or
//! reworded: the tailored profile holds only the profile's own items, and every change is
//! listed with its reason ([`Change`]).

use serde::Serialize;

use crate::fold::fold;
use crate::lang::Lang;
use crate::matching::MatchResult;
use crate::model::{Profile, Vacancy};

/// One item moved up or left out, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Where it was in the profile (`skills[3]`, `work[1]`, `work[0].highlights[2]`).
    pub path: String,
    /// The item, as the profile words it.
    pub item: String,
    /// Its position in its list before (0-based).
    pub from: usize,
    /// Its position after; `None`: left out.
    pub to: Option<usize>,
    /// Why, in the reader's language.
    pub why: String,
}

/// The tailored profile and what changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tailored {
    /// The profile, reordered (and shortened when left-outs were asked for).
    pub profile: Profile,
    /// What moved up or was left out, in the order of the CV.
    pub changes: Vec<Change>,
    /// What may still be left out, least related first: (list, index in the original).
    #[serde(skip)]
    spare: Vec<Spare>,
}

#[derive(Debug, Clone, PartialEq)]
enum Spare {
    Skill(String),
    Highlight { job: usize, orig: usize, text: String },
    Project(String),
}

/// The words of the vacancy a profile's text may share: the title's and its skills', as
/// stems of six letters (words of five or fewer letters are too common to tell).
fn vacancy_stems(v: &Vacancy) -> Vec<String> {
    let mut text = v.title.clone();
    for s in v.essential_skills.iter().chain(&v.optional_skills) {
        text.push(' ');
        text.push_str(&s.label);
    }
    let mut stems: Vec<String> =
        fold(&text).split_whitespace().filter(|w| w.chars().count() >= 6).map(|w| w.chars().take(6).collect()).collect();
    stems.sort();
    stems.dedup();
    stems
}

/// The first stem of the vacancy `text` shares, if any.
fn shared_word(text: &str, stems: &[String]) -> Option<String> {
    fold(text).split_whitespace().find(|w| w.chars().count() >= 6 && stems.iter().any(|s| w.starts_with(s.as_str()))).map(str::to_owned)
}

/// Orders `profile` for `v` by the match `m` (see the module docs).
pub fn tailor(profile: &Profile, v: &Vacancy, m: &MatchResult, lang: Lang) -> Tailored {
    let stems = vacancy_stems(v);
    let mut out = profile.clone();
    let mut changes = Vec::new();

    // Skills: those that matched, essential first then by credit, then the rest as listed.
    let rank = |label: &str| {
        m.matched
            .iter()
            .filter(|s| s.by == label)
            .map(|s| (s.essential, (s.credit * 1000.0) as i64, s.required.clone()))
            .max_by_key(|r| (r.0, r.1))
    };
    let mut order: Vec<usize> = (0..profile.skills.len()).collect();
    order.sort_by_key(|&i| match rank(&profile.skills[i].label) {
        Some((essential, credit, _)) => (0, !essential, -credit, i),
        None => (1, true, 0, i),
    });
    out.skills = order.iter().map(|&i| profile.skills[i].clone()).collect();
    for (to, &from) in order.iter().enumerate() {
        if let Some((essential, _, required)) = rank(&profile.skills[from].label).filter(|_| to < from) {
            let why = match lang {
                Lang::It => format!("corrisponde a «{required}», {} dall'offerta", if essential { "richiesta" } else { "gradita" }),
                Lang::En => format!("matches \"{required}\", {} by the vacancy", if essential { "required" } else { "welcome" }),
            };
            changes.push(Change { path: format!("skills[{from}]"), item: profile.skills[from].label.clone(), from, to: Some(to), why });
        }
    }

    // Jobs: the one that earned the occupation part first, then those sharing the vacancy's
    // words, then the rest as listed (most recent first in a CV).
    let by = m.occupation.as_ref().map(|o| o.by.as_str());
    let job_rank = |i: usize| {
        let w = &profile.work[i];
        if Some(w.role.as_str()) == by || w.occupation.as_ref().is_some_and(|o| Some(o.label.as_str()) == by) {
            (0, None)
        } else if let Some(word) = shared_word(&w.role, &stems) {
            (1, Some(word))
        } else {
            (2, None)
        }
    };
    let mut jobs: Vec<usize> = (0..profile.work.len()).collect();
    jobs.sort_by_key(|&i| (job_rank(i).0, i));
    out.work = jobs.iter().map(|&i| profile.work[i].clone()).collect();
    for (to, &from) in jobs.iter().enumerate() {
        if to < from {
            let why = match (job_rank(from), lang) {
                ((0, _), Lang::It) => "è il lavoro che corrisponde all'occupazione dell'offerta".to_owned(),
                ((0, _), Lang::En) => "the job that matches the vacancy's occupation".to_owned(),
                ((_, Some(w)), Lang::It) => format!("il ruolo parla di «{w}», come l'offerta"),
                ((_, Some(w)), Lang::En) => format!("the role mentions \"{w}\", as the vacancy does"),
                (_, _) => continue,
            };
            changes.push(Change { path: format!("work[{from}]"), item: profile.work[from].role.clone(), from, to: Some(to), why });
        }
    }

    // Each job's highlights: those sharing the vacancy's words first.
    let mut spare_highlights = Vec::new();
    for (j, &orig) in jobs.iter().enumerate() {
        let hs = &profile.work[orig].highlights;
        let mut h_order: Vec<(usize, Option<String>)> = hs.iter().enumerate().map(|(i, h)| (i, shared_word(h, &stems))).collect();
        h_order.sort_by_key(|(i, w)| (w.is_none(), *i));
        out.work[j].highlights = h_order.iter().map(|(i, _)| hs[*i].clone()).collect();
        for (to, (from, word)) in h_order.iter().enumerate() {
            match word {
                Some(w) if to < *from => changes.push(Change {
                    path: format!("work[{orig}].highlights[{from}]"),
                    item: hs[*from].clone(),
                    from: *from,
                    to: Some(to),
                    why: match lang {
                        Lang::It => format!("parla di «{w}», come l'offerta"),
                        Lang::En => format!("mentions \"{w}\", as the vacancy does"),
                    },
                }),
                None => spare_highlights.push(Spare::Highlight { job: j, orig, text: hs[*from].clone() }),
                _ => {}
            }
        }
    }

    // What may be left out, least related first: skills the vacancy does not ask for (last
    // listed first), then unrelated projects, then highlights of the jobs furthest down.
    let mut spare: Vec<Spare> = out
        .skills
        .iter()
        .rev()
        .filter(|s| rank(&s.label).is_none() && shared_word(&s.label, &stems).is_none())
        .map(|s| Spare::Skill(s.label.clone()))
        .collect();
    spare.extend(out.projects.iter().rev().filter(|p| shared_word(&p.name, &stems).is_none()).map(|p| Spare::Project(p.name.clone())));
    spare_highlights.reverse();
    spare.extend(spare_highlights);
    Tailored { profile: out, changes, spare }
}

impl Tailored {
    /// How many items may be left out.
    pub fn spare(&self) -> usize {
        self.spare.len()
    }

    /// Leaves out the least related item still in (see the module docs), recording why;
    /// `false` when nothing unrelated is left to leave out.
    pub fn leave_out_one(&mut self, original: &Profile, pages: usize, lang: Lang) -> bool {
        let Some(next) = (!self.spare.is_empty()).then(|| self.spare.remove(0)) else { return false };
        let why = match lang {
            Lang::It => format!("tolta per stare in {pages} {}: non riguarda l'offerta", if pages == 1 { "pagina" } else { "pagine" }),
            Lang::En => format!("left out to fit {pages} page{}: unrelated to the vacancy", if pages == 1 { "" } else { "s" }),
        };
        let (path, item, from) = match next {
            Spare::Skill(label) => {
                self.profile.skills.retain(|s| s.label != label);
                let from = original.skills.iter().position(|s| s.label == label).unwrap_or(0);
                (format!("skills[{from}]"), label, from)
            }
            Spare::Project(name) => {
                self.profile.projects.retain(|p| p.name != name);
                let from = original.projects.iter().position(|p| p.name == name).unwrap_or(0);
                (format!("projects[{from}]"), name, from)
            }
            Spare::Highlight { job, orig, text } => {
                self.profile.work[job].highlights.retain(|h| *h != text);
                let from = original.work[orig].highlights.iter().position(|h| *h == text).unwrap_or(0);
                (format!("work[{orig}].highlights[{from}]"), text, from)
            }
        };
        self.changes.push(Change { path, item, from, to: None, why });
        true
    }
}
