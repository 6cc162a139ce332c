//! The cover letter for one vacancy (see the module docs of [`crate::apply`]).

use serde::Serialize;

use crate::lang::Lang;
use crate::matching::MatchResult;
use crate::model::{PartialDate, Profile, Vacancy, WorkExperience};
use crate::outreach::{Document, Letter, Sender, letters, short_date};

/// The most matched skills a letter names.
const NAMED_SKILLS: usize = 3;

/// One paragraph and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    /// The template it was filled from (`opening`, `skills`, `experience`, `distance`,
    /// `availability`, `closing`), or `edited`: the person's own text.
    pub template: &'static str,
    /// The fields that filled it, as paths (`vacancy.title`, `skills[2].label`,
    /// `cover_letters[0].paragraphs[1]`).
    pub fields: Vec<String>,
    /// The text.
    pub text: String,
}

/// A cover letter: its paragraphs with their sources, and the letter to lay out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverLetter {
    /// The vacancy's id.
    pub vacancy: String,
    /// The body, paragraph by paragraph.
    pub paragraphs: Vec<Paragraph>,
    /// Whether the body is the person's own (`cover_letters` of the profile).
    pub edited: bool,
    /// The whole letter, worded.
    #[serde(skip)]
    pub letter: Letter,
}

impl CoverLetter {
    /// The document to lay out (`Renderer::render_outreach`): the person is the sender.
    pub fn document(&self, profile: &Profile, lang: Lang) -> Document {
        let p = &profile.person;
        let sender = Sender {
            name: full_name(profile),
            address: p.address.clone(),
            phone: p.phone.clone(),
            email: p.email.clone(),
            ..Sender::default()
        };
        let mut doc = letters(std::slice::from_ref(&self.letter), Some(&sender), lang);
        // A letter of one's own has no footer (the desk's letters carry the desk's name).
        doc.data["footer"] = serde_json::Value::Null;
        doc
    }
}

/// The cover letter of `profile` for `v`, from the match `m` (see the module docs), dated
/// `today` from the person's home comune.
pub fn cover_letter(profile: &Profile, v: &Vacancy, m: &MatchResult, today: PartialDate, lang: Lang) -> CoverLetter {
    let own = profile.cover_letters.iter().position(|c| c.vacancy == v.id);
    let paragraphs = match own {
        Some(k) => profile.cover_letters[k]
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.trim().is_empty())
            .map(|(j, t)| Paragraph {
                template: "edited",
                fields: vec![format!("cover_letters[{k}].paragraphs[{j}]")],
                text: t.trim().to_owned(),
            })
            .collect(),
        None => drafted(profile, v, m, lang),
    };
    let employer = v.employer.as_deref().map(str::trim).filter(|e| !e.is_empty());
    let mut recipient: Vec<String> = employer.map(str::to_owned).into_iter().collect();
    recipient.extend(v.place.as_ref().and_then(|p| p.name.clone()));
    let home = profile.mobility.home.as_ref().and_then(|h| h.name.clone());
    let date = short_date(today, lang);
    let letter = Letter {
        place_date: home.map_or(date.clone(), |h| format!("{}, {date}", h.split(" (").next().unwrap_or(&h))),
        recipient,
        subject: format!(
            "{} {} ({} {})",
            lang.pick("Oggetto: candidatura per", "Subject: application for"),
            v.title.trim(),
            lang.pick("rif.", "ref."),
            v.id
        ),
        salutation: match (employer, lang) {
            (Some(e), Lang::It) => format!("Spettabile {e},"),
            (None, Lang::It) => "Gentili responsabili della selezione,".to_owned(),
            (_, Lang::En) => "Dear Sir or Madam,".to_owned(),
        },
        paragraphs: paragraphs.iter().map(|p| p.text.clone()).collect(),
        details: Vec::new(),
        bring: Vec::new(),
        closing: lang.pick("Distinti saluti", "Yours faithfully").to_owned(),
        signature: vec![full_name(profile)],
    };
    CoverLetter { vacancy: v.id.clone(), paragraphs, edited: own.is_some(), letter }
}

/// The paragraphs Sportello drafts, each from its template and fields.
fn drafted(profile: &Profile, v: &Vacancy, m: &MatchResult, lang: Lang) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let place = v.place.as_ref().and_then(|p| p.name.as_deref());
    let mut fields = vec!["vacancy.title".to_owned(), "vacancy.id".to_owned()];
    let at = match place {
        Some(p) => {
            fields.push("vacancy.place".into());
            format!(" {} {p}", lang.pick("presso la sede di", "in"))
        }
        None => String::new(),
    };
    out.push(Paragraph {
        template: "opening",
        fields,
        text: match lang {
            Lang::It => format!("Vi scrivo per candidarmi all'offerta «{}» (rif. {}){at}.", v.title.trim(), v.id),
            Lang::En => format!("I am writing to apply for your offer \"{}\" (ref. {}){at}.", v.title.trim(), v.id),
        },
    });

    // The person's own words for the skills that matched, essential ones first.
    let mut matched: Vec<&crate::matching::score::SkillMatch> = m.matched.iter().collect();
    matched.sort_by(|a, b| b.essential.cmp(&a.essential).then(b.credit.total_cmp(&a.credit)));
    let mut named: Vec<(usize, &str)> = Vec::new();
    for s in matched {
        if let Some(i) = profile.skills.iter().position(|k| k.label == s.by)
            && !named.iter().any(|(j, _)| *j == i)
        {
            named.push((i, profile.skills[i].label.as_str()));
        }
        if named.len() == NAMED_SKILLS {
            break;
        }
    }
    if !named.is_empty() {
        let words: Vec<&str> = named.iter().map(|(_, l)| *l).collect();
        out.push(Paragraph {
            template: "skills",
            fields: named.iter().map(|(i, _)| format!("skills[{i}].label")).collect(),
            text: match lang {
                Lang::It => format!("So fare quello che l'offerta chiede: {}.", list(&words, "e")),
                Lang::En => format!("I can do what the offer asks for: {}.", list(&words, "and")),
            },
        });
    }

    if let Some((i, w)) = job_that_counts(profile, m) {
        let mut fields = vec![format!("work[{i}].role")];
        let with = match &w.employer {
            Some(e) if !e.trim().is_empty() => {
                fields.push(format!("work[{i}].employer"));
                format!(" {} {}", lang.pick("presso", "at"), e.trim())
            }
            _ => String::new(),
        };
        let when = match (w.start, w.end) {
            (Some(s), Some(e)) => {
                fields.push(format!("work[{i}].start"));
                fields.push(format!("work[{i}].end"));
                format!(" {} {} {} {}", lang.pick("da", "from"), short_date(s, lang), lang.pick("a", "to"), short_date(e, lang))
            }
            (Some(s), None) => {
                fields.push(format!("work[{i}].start"));
                format!(" {} {}", lang.pick("dal", "since"), short_date(s, lang))
            }
            _ => String::new(),
        };
        let tense = if w.end.is_none() && w.start.is_some() { lang.pick("Lavoro", "I work") } else { lang.pick("Ho lavorato", "I worked") };
        out.push(Paragraph {
            template: "experience",
            fields,
            text: match lang {
                Lang::It => format!("{tense} come {}{with}{when}.", w.role.trim()),
                Lang::En => format!("{tense} as {}{with}{when}.", w.role.trim()),
            },
        });
    }

    let home = profile.mobility.home.as_ref().and_then(|h| h.name.as_deref());
    let mob = &profile.mobility;
    let mut fields = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    if let (Some(h), Some(km)) = (home, m.distance_km) {
        fields.push("mobility.home".to_owned());
        parts.push(match lang {
            Lang::It => format!("Abito a {h}, a circa {:.0} km dal luogo di lavoro", km.max(1.0)),
            Lang::En => format!("I live in {h}, about {:.0} km from the workplace", km.max(1.0)),
        });
        if mob.own_vehicle {
            fields.push("mobility.own_vehicle".into());
            parts.push(lang.pick("ho un mezzo proprio", "I have my own means of transport").to_owned());
        }
    }
    if mob.willing_to_relocate {
        fields.push("mobility.willing_to_relocate".into());
        parts.push(lang.pick("sono disponibile a trasferirmi", "I am willing to relocate").to_owned());
    }
    if !parts.is_empty() {
        let mut text = list(&parts.iter().map(String::as_str).collect::<Vec<_>>(), lang.pick("e", "and"));
        text = crate::outreach::words::capitalise(&text) + ".";
        out.push(Paragraph { template: "distance", fields, text });
    }

    let prefs = &profile.preferences;
    let mut fields = Vec::new();
    let mut said = Vec::new();
    if let Some(d) = prefs.available_from {
        fields.push("preferences.available_from".to_owned());
        let from = if d.get_day().is_some() { lang.pick("dal", "from") } else { lang.pick("da", "from") };
        said.push(format!("{from} {}", short_date(d, lang)));
    }
    if let Some(h) = prefs.hours {
        fields.push("preferences.hours".to_owned());
        said.push(format!("{} {}", lang.pick("con orario", "for"), crate::outreach::words::hours(h, lang)));
    }
    if !said.is_empty() {
        out.push(Paragraph {
            template: "availability",
            fields,
            text: format!("{} {}.", lang.pick("Sono disponibile", "I am available"), said.join(" ")),
        });
    }

    out.push(Paragraph {
        template: "closing",
        fields: Vec::new(),
        text: lang
            .pick(
                "Allego il mio curriculum e resto a disposizione per un colloquio.",
                "I enclose my CV and would welcome the chance of an interview.",
            )
            .to_owned(),
    });
    out
}

/// The job that counts most for the vacancy: the one whose role earned the occupation its
/// credit, else the most recent.
fn job_that_counts<'p>(profile: &'p Profile, m: &MatchResult) -> Option<(usize, &'p WorkExperience)> {
    let by = m.occupation.as_ref().map(|o| o.by.as_str());
    let named = profile
        .work
        .iter()
        .enumerate()
        .find(|(_, w)| Some(w.role.as_str()) == by || w.occupation.as_ref().is_some_and(|o| Some(o.label.as_str()) == by));
    named.or_else(|| {
        profile.work.iter().enumerate().filter(|(_, w)| !w.role.trim().is_empty()).max_by_key(|(_, w)| (w.end.is_none(), w.end, w.start))
    })
}

/// "a, b e c".
fn list(items: &[&str], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

fn full_name(p: &Profile) -> String {
    format!("{} {}", p.person.given_name.trim(), p.person.family_name.trim()).trim().to_owned()
}
