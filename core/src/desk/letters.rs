//! Letters to a person of the caseload, addressed from their desk: an invitation to an
//! appointment, its reminder, the notice of an outcome (`sportello desk letter`).
//!
//! The letter is worded from the person's file as read **without** sensitive access, so
//! no disability, Law 68/99 status, protected path or note can reach it; the codice fiscale
//! is not printed either. Writing one is audited (`letter`).

use super::audit::{self, Subject};
use super::contact::DeskContact;
use super::day::Day;
use super::error::{DeskError, Result};
use super::model::{Appointment, Outcome, PersonFile, Reader};
use super::store::Desk;
use super::words::{AppointmentState, Channel, LetterKind, OutcomeKind};
use crate::lang::Lang;
use crate::outreach::{Letter, long_date, short_date};

impl Desk {
    /// The letter of `kind` to person `id`, with their desk's contact details (its
    /// sender). An appointment letter or reminder is about appointment `appointment`, else
    /// the person's next one still to be held; an outcome letter about their latest outcome.
    pub fn letter(
        &mut self,
        by: &Reader,
        id: i64,
        kind: LetterKind,
        appointment: Option<i64>,
        lang: Lang,
    ) -> Result<(Letter, DeskContact)> {
        let today = self.today();
        let plain = Reader { username: by.username.clone(), sensitive: false };
        let file = self.write(|tx| {
            let file = super::file::read(tx, &plain, id, today)?;
            audit::record(
                tx,
                &Subject { actor: &by.username, action: "letter", entity: "person", entity_id: id, person_id: Some(id) },
                &[],
            )?;
            Ok(file)
        })?;
        let contact = self.desk_contact(&file.person.desk)?;
        let letter = match kind {
            LetterKind::Appointment | LetterKind::Reminder => {
                let a = chosen_appointment(&file, appointment, today)?;
                let operator = match &a.operator {
                    Some(u) => self.operators()?.into_iter().find(|o| &o.username == u).map(|o| o.name),
                    None => None,
                };
                appointment_letter(&file, a, operator.as_deref(), kind, &contact, today, lang)
            }
            LetterKind::Outcome => {
                let o = file.outcomes.iter().max_by_key(|o| (o.start_on, o.id)).ok_or_else(|| {
                    DeskError::invalid(
                        "outcome",
                        "per questa persona non è registrato alcun esito",
                        "no outcome is recorded for this person",
                    )
                })?;
                outcome_letter(&file, o, &contact, today, lang)
            }
        };
        Ok((letter, contact))
    }
}

fn chosen_appointment(file: &PersonFile, id: Option<i64>, today: Day) -> Result<&Appointment> {
    match id {
        Some(n) => file
            .appointments
            .iter()
            .find(|a| a.id == n)
            .ok_or_else(|| DeskError::not_found("appointment", ("l'appuntamento di questa persona", "this person's appointment"), n)),
        None => file
            .appointments
            .iter()
            .filter(|a| a.state == AppointmentState::ToDeliver && a.on >= today)
            .min_by_key(|a| (a.on, a.at, a.id))
            .ok_or_else(|| {
                DeskError::invalid(
                    "appointment",
                    "questa persona non ha appuntamenti da erogare da oggi in poi (indicane uno con --appointment)",
                    "this person has no appointment to be held from today on (name one with --appointment)",
                )
            }),
    }
}

/// The frame every letter shares: place and date, addressee, salutation, closing.
fn frame(file: &PersonFile, contact: &DeskContact, today: Day, lang: Lang, subject: String, paragraphs: Vec<String>) -> Letter {
    let p = &file.profile.person;
    let name = format!("{} {}", p.given_name.trim(), p.family_name.trim()).trim().to_owned();
    let date = short_date(today.as_partial(), lang);
    Letter {
        place_date: contact.comune.as_ref().map_or(date.clone(), |c| format!("{c}, {date}")),
        recipient: std::iter::once(name.clone()).chain(p.address.clone().filter(|a| !a.trim().is_empty())).collect(),
        subject,
        salutation: format!("{} {name},", lang.pick("Gentile", "Dear")),
        paragraphs,
        details: Vec::new(),
        bring: Vec::new(),
        closing: lang.pick("Cordiali saluti", "Kind regards").to_owned(),
        signature: vec![contact.name.clone()],
    }
}

fn appointment_letter(
    file: &PersonFile,
    a: &Appointment,
    operator: Option<&str>,
    kind: LetterKind,
    contact: &DeskContact,
    today: Day,
    lang: Lang,
) -> Letter {
    let when = long_date(a.on.as_partial(), lang);
    let service = a.service.label(lang);
    let desk = &contact.name;
    let (subject, opening) = match (kind, lang) {
        (LetterKind::Reminder, Lang::It) => (
            format!("Oggetto: promemoria dell'appuntamento del {when}"),
            format!("Le ricordiamo l'appuntamento di {service} fissato con {desk}."),
        ),
        (LetterKind::Reminder, Lang::En) => (
            format!("Subject: reminder of your appointment on {when}"),
            format!("This is a reminder of your {service} appointment with {desk}."),
        ),
        (_, Lang::It) => (format!("Oggetto: appuntamento del {when}"), format!("La invitiamo a un incontro di {service} con {desk}.")),
        (_, Lang::En) => (format!("Subject: appointment on {when}"), format!("We invite you to a {service} meeting with {desk}.")),
    };
    let mut paragraphs = vec![opening];
    if a.channel != Channel::InPerson {
        paragraphs.push(match lang {
            Lang::It => format!("L'incontro si terrà per {}: La contatteremo noi all'ora indicata.", a.channel.label(lang)),
            Lang::En => format!("The meeting will be held by {}: we will contact you at the time given.", a.channel.label(lang)),
        });
    }
    paragraphs.push(match (&contact.phone, lang) {
        (Some(ph), Lang::It) => format!("Se non può partecipare, La preghiamo di avvisarci al numero {ph}, così da fissare un'altra data."),
        (Some(ph), Lang::En) => format!("If you cannot come, please call us on {ph} so that we can find another date."),
        (None, Lang::It) => "Se non può partecipare, La preghiamo di avvisarci, così da fissare un'altra data.".to_owned(),
        (None, Lang::En) => "If you cannot come, please let us know so that we can find another date.".to_owned(),
    });
    let mut letter = frame(file, contact, today, lang, subject, paragraphs);
    letter.details.push((lang.pick("Data", "Date").to_owned(), when));
    if let Some(t) = a.at {
        letter.details.push((lang.pick("Ora", "Time").to_owned(), t.to_string()));
    }
    if a.channel == Channel::InPerson {
        let place = contact.address.as_ref().map_or_else(|| desk.clone(), |ad| format!("{desk}, {ad}"));
        letter.details.push((lang.pick("Luogo", "Place").to_owned(), place));
    } else {
        letter.details.push((lang.pick("Modalità", "How").to_owned(), a.channel.label(lang).to_owned()));
    }
    letter.details.push((lang.pick("Servizio", "Service").to_owned(), service.to_owned()));
    if let Some(op) = operator {
        letter.details.push((lang.pick("Operatore", "Counsellor").to_owned(), op.to_owned()));
    }
    if a.channel == Channel::InPerson {
        letter.bring = vec![
            lang.pick("un documento d'identità valido", "a valid identity document").to_owned(),
            lang.pick("la tessera sanitaria", "your health card (tessera sanitaria)").to_owned(),
            lang.pick("il curriculum, se lo ha", "your CV, if you have one").to_owned(),
            lang.pick("questa lettera", "this letter").to_owned(),
        ];
    }
    letter
}

fn outcome_letter(file: &PersonFile, o: &Outcome, contact: &DeskContact, today: Day, lang: Lang) -> Letter {
    let start = short_date(o.start_on.as_partial(), lang);
    let with = o.employer.as_ref().map(|e| format!(" {} {e}", lang.pick("presso", "with"))).unwrap_or_default();
    let (what_it, what_en) = match o.kind {
        OutcomeKind::Contract => ("del Suo contratto di lavoro", "your work contract"),
        OutcomeKind::Tirocinio => ("del Suo tirocinio", "your traineeship"),
        OutcomeKind::Training => ("del Suo percorso di formazione", "your training"),
    };
    let paragraphs = match lang {
        Lang::It => vec![
            format!("siamo lieti di aver registrato l'avvio {what_it}{with} dal {start}, e Le facciamo i nostri migliori auguri."),
            format!("{} resta a Sua disposizione per ogni necessità, anche in futuro.", contact.name),
        ],
        Lang::En => vec![
            format!("We are glad to have recorded the start of {what_en}{with} on {start}, and we wish you every success."),
            format!("{} remains at your disposal for anything you may need, now and in the future.", contact.name),
        ],
    };
    let subject = format!("{} {}", lang.pick("Oggetto:", "Subject:"), o.kind.label(lang));
    frame(file, contact, today, lang, subject, paragraphs)
}
