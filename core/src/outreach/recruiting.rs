//! A recruiting day: local employers meet, on one day and in one place, the people who
//! consented to appear on recruiting-day lists.
//!
//! [`plan`] scores every candidate against every vacancy of the day with the core's
//! matcher and keeps, per vacancy, the best who are not excluded and score at least
//! [`Event::min_score`]. [`Plan::documents`] then lays out, per employer, the shortlist
//! followed by the listed people's CVs (one PDF); one invitation letter per person without
//! an e-mail address (date, place, which companies, what to bring) and the same invitation
//! as text for those with one; and the attendance sheet. Who consented is the caller's
//! business (the desk's consents, or an explicit list); a person not given is never listed.

use std::collections::BTreeMap;

use serde_json::json;

use super::letter::{Letter, letters};
use super::sender::sender_views;
use super::{Assets, Document, Sender, words};
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::matching::Matcher;
use crate::model::{PartialDate, Profile, Vacancy};
use crate::render::{OutputFormat, RenderRequest, Renderer};

pub use crate::limits::MAX_DAY_VACANCIES;

/// How many people a vacancy lists unless told otherwise.
pub const DEFAULT_PER_VACANCY: usize = 10;
/// The lowest score listed unless told otherwise.
pub const DEFAULT_MIN_SCORE: f64 = 0.4;

/// Where and when.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The day.
    pub on: PartialDate,
    /// The time, "9:30".
    pub at: Option<String>,
    /// The place, one line ("Sala consiliare, Piazza Cavour 24, Trecate").
    pub place: String,
    /// What to bring; empty takes the usual list.
    pub bring: Vec<String>,
    /// The most people listed per vacancy.
    pub per_vacancy: usize,
    /// The lowest score listed (0 to 1).
    pub min_score: f64,
}

/// Someone who consented to appear.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Their number in the desk, or the file they came from.
    pub key: String,
    /// Their profile (the CV printed is the profile's, with its own privacy choices).
    pub profile: Profile,
}

/// A person on an employer's list.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    /// Index in the candidates given.
    pub candidate: usize,
    /// The vacancy they fit best among the employer's.
    pub vacancy_id: String,
    /// That score.
    pub score: f64,
}

/// One employer's part of the day.
#[derive(Debug, Clone, PartialEq)]
pub struct EmployerList {
    /// The employer as the vacancies name it.
    pub employer: String,
    /// Its vacancies (id, title).
    pub vacancies: Vec<(String, String)>,
    /// The people listed, best first.
    pub people: Vec<Listed>,
}

/// Who goes where.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Per employer, by name.
    pub employers: Vec<EmployerList>,
    /// The candidates invited (listed by at least one employer), in the order given.
    pub invited: Vec<usize>,
}

impl Event {
    /// Refuses a day without its day of the month, a time that is not `H:MM`, an empty
    /// or over-long place, a score outside 0 to 1, and 0 or more than 100 people a vacancy.
    pub fn check(&self) -> Result<()> {
        let bad = |name: &'static str, value: String, expected: &'static str| Err(Error::InvalidOption { name, value, expected });
        if self.on.get_day().is_none() {
            return bad("on", self.on.to_string(), "a full date, YYYY-MM-DD");
        }
        if let Some(at) = &self.at {
            let ok = at.split_once(':').is_some_and(|(h, m)| {
                (1..=2).contains(&h.len()) && h.parse::<u8>().is_ok_and(|h| h < 24) && m.len() == 2 && m.parse::<u8>().is_ok_and(|m| m < 60)
            });
            if !ok {
                return bad("at", at.clone(), "a time such as 9:30");
            }
        }
        let place = self.place.trim().chars().count();
        if place == 0 || place > 200 {
            return bad("place", format!("{place} characters"), "1 to 200 characters");
        }
        if !(0.0..=1.0).contains(&self.min_score) {
            return bad("min_score", self.min_score.to_string(), "0 to 1");
        }
        if !(1..=100).contains(&self.per_vacancy) {
            return bad("per_vacancy", self.per_vacancy.to_string(), "1 to 100");
        }
        Ok(())
    }
}

/// Lists, per employer, the candidates who fit its vacancies (see the module docs); the
/// event is checked ([`Event::check`]) and at most [`MAX_DAY_VACANCIES`] vacancies taken.
pub fn plan(event: &Event, vacancies: &[Vacancy], candidates: &[Candidate], matcher: &Matcher<'_>, lang: Lang) -> Result<Plan> {
    event.check()?;
    if vacancies.is_empty() || vacancies.len() > MAX_DAY_VACANCIES {
        return Err(Error::InvalidOption { name: "vacancies", value: vacancies.len().to_string(), expected: "1 to 50 vacancies" });
    }
    let unnamed = lang.pick("Azienda non indicata", "Employer not named");
    let prepared_people: Vec<_> = candidates.iter().map(|c| matcher.prepare_profile(&c.key, &c.profile)).collect();
    let mut by_employer: BTreeMap<String, EmployerList> = BTreeMap::new();
    for v in vacancies {
        let employer = v.employer.clone().filter(|e| !e.trim().is_empty()).unwrap_or_else(|| unnamed.to_owned());
        let pv = matcher.prepare_vacancy(v);
        let mut scored: Vec<(usize, f64)> = prepared_people
            .iter()
            .enumerate()
            .map(|(i, p)| (i, matcher.score(p, &pv)))
            .filter(|(_, r)| !r.excluded && r.score >= event.min_score)
            .map(|(i, r)| (i, r.score))
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.truncate(event.per_vacancy);
        let list = by_employer.entry(crate::fold::fold(&employer)).or_insert_with(|| EmployerList {
            employer: employer.clone(),
            vacancies: Vec::new(),
            people: Vec::new(),
        });
        list.vacancies.push((v.id.clone(), v.title.clone()));
        for (candidate, score) in scored {
            match list.people.iter_mut().find(|l| l.candidate == candidate) {
                Some(l) if l.score >= score => {}
                Some(l) => {
                    l.vacancy_id = v.id.clone();
                    l.score = score;
                }
                None => list.people.push(Listed { candidate, vacancy_id: v.id.clone(), score }),
            }
        }
    }
    let mut employers: Vec<EmployerList> = by_employer.into_values().collect();
    for e in &mut employers {
        e.people.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.candidate.cmp(&b.candidate)));
    }
    let mut invited: Vec<usize> = employers.iter().flat_map(|e| e.people.iter().map(|l| l.candidate)).collect();
    invited.sort_unstable();
    invited.dedup();
    Ok(Plan { employers, invited })
}

/// The files of a day, each with its name.
#[derive(Debug, Clone)]
pub struct DayFiles {
    /// `(file name, bytes)`: `lista-<n>-<employer>.pdf` per employer, `inviti.pdf`,
    /// `inviti-email.txt`, `presenze.pdf`.
    pub files: Vec<(String, Vec<u8>)>,
}

impl Plan {
    /// Lays out the day's documents (see the module docs) with `renderer`; CVs with the
    /// `europass` template in `lang`.
    pub fn documents(
        &self,
        event: &Event,
        candidates: &[Candidate],
        sender: Option<&Sender>,
        renderer: &Renderer,
        today: PartialDate,
        lang: Lang,
    ) -> Result<DayFiles> {
        let req = RenderRequest { format: OutputFormat::Pdf, today: Some(today), ..RenderRequest::pdf("europass", lang.as_str()) };
        let mut cvs: BTreeMap<usize, (Vec<u8>, usize)> = BTreeMap::new();
        for &i in &self.invited {
            let out = renderer.render(&candidates[i].profile, &req)?;
            cvs.insert(i, (out.files.into_iter().next().unwrap_or_default(), out.pages));
        }
        let mut files = Vec::new();
        for (n, e) in self.employers.iter().enumerate() {
            let doc = self.shortlist(e, event, candidates, &cvs, sender, lang);
            files.push((format!("lista-{}-{}.pdf", n + 1, slug(&e.employer)), renderer.render_outreach(&doc, &req)?.files.concat()));
        }
        let (posted, emailed): (Vec<usize>, Vec<usize>) =
            self.invited.iter().partition(|&&i| candidates[i].profile.person.email.as_deref().is_none_or(|e| e.trim().is_empty()));
        let letters_of =
            |list: &[usize]| -> Vec<Letter> { list.iter().map(|&i| self.invitation(i, event, candidates, sender, today, lang)).collect() };
        if !posted.is_empty() {
            let doc = letters(&letters_of(&posted), sender, lang);
            files.push(("inviti.pdf".to_owned(), renderer.render_outreach(&doc, &req)?.files.concat()));
        }
        if !emailed.is_empty() {
            let text: Vec<String> = emailed
                .iter()
                .zip(letters_of(&emailed))
                .map(|(&i, l)| {
                    format!(
                        "{}: {}\n\n{}",
                        lang.pick("A", "To"),
                        candidates[i].profile.person.email.as_deref().unwrap_or_default(),
                        l.text(lang)
                    )
                })
                .collect();
            files.push(("inviti-email.txt".to_owned(), text.join("\n----------------------------------------\n\n").into_bytes()));
        }
        let doc = self.attendance(event, candidates, sender, lang);
        files.push(("presenze.pdf".to_owned(), renderer.render_outreach(&doc, &req)?.files.concat()));
        Ok(DayFiles { files })
    }

    fn companies_of(&self, candidate: usize) -> Vec<&str> {
        self.employers.iter().filter(|e| e.people.iter().any(|l| l.candidate == candidate)).map(|e| e.employer.as_str()).collect()
    }

    fn shortlist(
        &self,
        e: &EmployerList,
        event: &Event,
        candidates: &[Candidate],
        cvs: &BTreeMap<usize, (Vec<u8>, usize)>,
        sender: Option<&Sender>,
        lang: Lang,
    ) -> Document {
        let mut assets = Assets::default();
        let (sender_view, logo) = sender_views(sender, &mut assets, lang);
        let rows: Vec<Vec<String>> = e
            .people
            .iter()
            .enumerate()
            .map(|(n, l)| {
                let p = &candidates[l.candidate].profile;
                let home = p.mobility.home.as_ref().and_then(|h| h.name.clone()).unwrap_or_default();
                vec![(n + 1).to_string(), full_name(p), home, l.vacancy_id.clone(), format!("{:.0} %", l.score * 100.0)]
            })
            .collect();
        let cv_views: Vec<_> = e
            .people
            .iter()
            .filter_map(|l| {
                let (bytes, pages) = cvs.get(&l.candidate)?;
                let path = assets.add(&format!("cv-{}.pdf", l.candidate), bytes.clone());
                Some(json!({"name": full_name(&candidates[l.candidate].profile), "path": path, "pages": pages}))
            })
            .collect();
        let data = json!({
            "lang": lang.as_str(),
            "title": format!("Recruiting day · {}", e.employer),
            "subtitle": when_where(event, lang),
            "sender": sender_view,
            "logo": logo,
            "vacancies_title": lang.pick("Offerte", "Offers"),
            "vacancies": e.vacancies.iter().map(|(id, t)| format!("{id} · {t}")).collect::<Vec<_>>(),
            "note": lang.pick(
                "Sono elencate solo le persone che hanno acconsentito a comparire negli elenchi dei recruiting day, in ordine di corrispondenza con le offerte (calcolata da Sportello su competenze, esperienza, lingue, patenti e distanza). I curriculum seguono l'elenco, nello stesso ordine. I dati sono riservati all'azienda per la selezione di questa giornata.",
                "Only people who consented to appear on recruiting-day lists are listed, by how well they fit the offers (computed by Sportello from skills, experience, languages, licences and distance). Their CVs follow the list, in the same order. The data are for the company's selection at this event only.",
            ),
            "columns": [lang.pick("N.", "No."), lang.pick("Nome e cognome", "Name"), lang.pick("Comune", "Comune"), lang.pick("Offerta", "Offer"), lang.pick("Corrispondenza", "Fit")],
            "rows": rows,
            "empty": lang.pick("Nessuna persona in elenco per queste offerte.", "Nobody is listed for these offers."),
            "cvs_title": lang.pick("Curriculum", "CVs"),
            "cvs": cv_views,
            "footer": format!("Recruiting day · {}", e.employer),
        });
        Document { template: "shortlist", data, assets: assets.into_vec() }
    }

    fn invitation(
        &self,
        i: usize,
        event: &Event,
        candidates: &[Candidate],
        sender: Option<&Sender>,
        today: PartialDate,
        lang: Lang,
    ) -> Letter {
        let p = &candidates[i].profile;
        let name = full_name(p);
        let companies = self.companies_of(i).join(", ");
        let desk = sender.map_or_else(|| lang.pick("lo sportello lavoro", "the job desk").to_owned(), |s| s.name.clone());
        let mut details = vec![(lang.pick("Data", "Date").to_owned(), words::long_date(event.on, lang))];
        if let Some(at) = &event.at {
            details.push((lang.pick("Ora", "Time").to_owned(), at.clone()));
        }
        details.push((lang.pick("Luogo", "Place").to_owned(), event.place.clone()));
        details.push((lang.pick("Aziende", "Companies").to_owned(), companies.clone()));
        let bring = if event.bring.is_empty() {
            vec![
                lang.pick("un documento d'identità valido", "a valid identity document").to_owned(),
                lang.pick("alcune copie del curriculum", "a few copies of your CV").to_owned(),
                lang.pick("questa lettera", "this letter").to_owned(),
            ]
        } else {
            event.bring.clone()
        };
        let contact = sender.and_then(|s| s.phone.as_deref()).map(|ph| match lang {
            Lang::It => format!("Se non può partecipare, La preghiamo di avvisarci al numero {ph}."),
            Lang::En => format!("If you cannot come, please let us know on {ph}."),
        });
        let mut paragraphs = vec![match lang {
            Lang::It => format!(
                "La invitiamo al recruiting day organizzato da {desk}: potrà incontrare di persona {} e presentare la Sua candidatura per le offerte che corrispondono al Suo profilo.",
                if self.companies_of(i).len() == 1 { "l'azienda" } else { "le aziende" }
            ),
            Lang::En => format!(
                "We invite you to the recruiting day organised by {desk}: you will meet the employers in person and apply for the offers that fit your profile."
            ),
        }];
        paragraphs.extend(contact);
        Letter {
            place_date: match sender.and_then(|s| s.comune.as_deref()) {
                Some(c) => format!("{c}, {}", words::short_date(today, lang)),
                None => words::short_date(today, lang),
            },
            recipient: std::iter::once(name.clone()).chain(p.person.address.clone()).collect(),
            subject: format!(
                "{} {}",
                lang.pick("Oggetto: invito al recruiting day del", "Subject: invitation to the recruiting day of"),
                words::short_date(event.on, lang)
            ),
            salutation: format!("{} {name},", lang.pick("Gentile", "Dear")),
            paragraphs,
            details,
            bring,
            closing: lang.pick("Cordiali saluti", "Kind regards").to_owned(),
            signature: vec![desk],
        }
    }

    fn attendance(&self, event: &Event, candidates: &[Candidate], sender: Option<&Sender>, lang: Lang) -> Document {
        let mut assets = Assets::default();
        let (sender_view, logo) = sender_views(sender, &mut assets, lang);
        let rows: Vec<Vec<String>> = self
            .invited
            .iter()
            .enumerate()
            .map(|(n, &i)| vec![(n + 1).to_string(), full_name(&candidates[i].profile), self.companies_of(i).join(", ")])
            .collect();
        let data = json!({
            "lang": lang.as_str(),
            "title": lang.pick("Foglio presenze", "Attendance sheet"),
            "subtitle": format!("Recruiting day · {}", when_where(event, lang)),
            "sender": sender_view,
            "logo": logo,
            "columns": [lang.pick("N.", "No."), lang.pick("Nome e cognome", "Name"), lang.pick("Aziende", "Companies"), lang.pick("Ora di arrivo", "Arrival time"), lang.pick("Firma", "Signature")],
            "rows": rows,
            "blank_rows": 5,
            "footer": format!("Recruiting day · {}", words::short_date(event.on, lang)),
        });
        Document { template: "attendance", data, assets: assets.into_vec() }
    }
}

fn full_name(p: &Profile) -> String {
    format!("{} {}", p.person.given_name.trim(), p.person.family_name.trim()).trim().to_owned()
}

fn when_where(event: &Event, lang: Lang) -> String {
    let at = event.at.as_ref().map(|t| format!(", {} {t}", lang.pick("ore", "at"))).unwrap_or_default();
    format!("{}{at} · {}", words::long_date(event.on, lang), event.place)
}

/// A file-name-safe form of a name: lower-case ASCII letters and digits, dashes between.
fn slug(s: &str) -> String {
    let folded = crate::fold::fold(s);
    let words: Vec<&str> = folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let joined = words.join("-");
    let cut: String = joined.chars().take(40).collect();
    if cut.is_empty() { "azienda".into() } else { cut.trim_end_matches('-').to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> Event {
        Event {
            on: "2026-12-15".parse().unwrap(),
            at: Some("9:30".into()),
            place: "Trecate".into(),
            bring: vec![],
            per_vacancy: 10,
            min_score: 0.4,
        }
    }

    #[test]
    fn an_event_is_checked_field_by_field() {
        assert!(event().check().is_ok());
        let refused = |e: Event| match e.check() {
            Err(Error::InvalidOption { name, .. }) => name,
            other => panic!("{other:?}"),
        };
        assert_eq!(refused(Event { on: "2026-12".parse().unwrap(), ..event() }), "on");
        assert_eq!(refused(Event { at: Some("25:00".into()), ..event() }), "at");
        assert_eq!(refused(Event { at: Some("9.30".into()), ..event() }), "at");
        assert_eq!(refused(Event { place: " ".into(), ..event() }), "place");
        assert_eq!(refused(Event { place: "x".repeat(201), ..event() }), "place");
        assert!(Event { place: "x".repeat(200), ..event() }.check().is_ok());
        assert_eq!(refused(Event { min_score: 1.5, ..event() }), "min_score");
        assert_eq!(refused(Event { per_vacancy: 0, ..event() }), "per_vacancy");
        let matcher = Matcher::embedded("2026-12-03".parse().unwrap());
        let v: Vacancy = serde_json::from_str(r#"{"id": "a", "title": "b"}"#).unwrap();
        assert!(plan(&event(), &vec![v.clone(); MAX_DAY_VACANCIES], &[], &matcher, Lang::It).is_ok());
        assert!(plan(&event(), &vec![v; MAX_DAY_VACANCIES + 1], &[], &matcher, Lang::It).is_err());
        assert!(plan(&event(), &[], &[], &matcher, Lang::It).is_err());
    }

    #[test]
    fn slugs_are_safe() {
        assert_eq!(super::slug("Logistica Novarese S.r.l. (tramite agenzia)"), "logistica-novarese-s-r-l-tramite-agenzia");
        assert_eq!(super::slug("../.."), "azienda");
    }
}
