//! `GET /oggi`: the desk's day (the core's [`Desk::agenda`](sportello::desk::Desk::agenda)).

use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use sportello::desk::agenda::{AgendaRow, QUIET_DAYS};
use sportello::desk::{Agenda, CaseRow};
use sportello::lang::Lang;

use crate::serve::html::{Frame, Nav, esc, t, table};
use crate::serve::state::{Auth, Shared, today};

pub async fn page(State(state): State<Shared>, auth: Auth) -> Response {
    let lang = auth.lang;
    let account = auth.account.clone();
    let agenda = state
        .desk(move |d| {
            let desk = account.list_desk(None)?;
            d.agenda(&account.reader(), desk.as_deref(), today())
        })
        .await;
    match agenda {
        Ok(a) => {
            let title = format!("{} {}", t(lang, "Oggi,", "Today,"), a.day);
            let frame = Frame { lang, title: &title, account: Some(&auth.account), csrf: Some(&auth.csrf), nav: Nav::Today, here: "/oggi" };
            Html(frame.render(&body(&a, lang))).into_response()
        }
        Err(p) => p.page(lang),
    }
}

fn body(a: &Agenda, lang: Lang) -> String {
    let quiet_title = match lang {
        Lang::It => format!("Percorsi aperti senza eventi da {QUIET_DAYS} giorni"),
        Lang::En => format!("Open paths without events for {QUIET_DAYS} days"),
    };
    format!(
        "<section id=\"s-day\" aria-labelledby=\"h-day\"><h2 id=\"h-day\">{}</h2>{}</section>\
         <section id=\"s-overdue\" aria-labelledby=\"h-overdue\"><h2 id=\"h-overdue\">{}</h2>{}</section>\
         <section id=\"s-quiet\" aria-labelledby=\"h-quiet\"><h2 id=\"h-quiet\">{}</h2>{}</section>",
        t(lang, "Appuntamenti del giorno", "Appointments of the day"),
        appointments(&a.appointments, lang, t(lang, "Nessun appuntamento oggi.", "No appointments today.")),
        t(lang, "Appuntamenti passati da registrare", "Past appointments to record"),
        appointments(&a.overdue, lang, t(lang, "Niente da registrare.", "Nothing to record.")),
        esc(&quiet_title),
        paths(&a.quiet_paths, lang),
    )
}

fn person_link(id: i64, given: &str, family: &str) -> String {
    format!("<a href=\"/persone/{id}\">{} {}</a>", esc(family), esc(given))
}

fn appointments(rows: &[AgendaRow], lang: Lang, empty: &str) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let a = &r.appointment;
            vec![
                format!("{} {}", a.on, a.at.map(|x| x.to_string()).unwrap_or_default()),
                person_link(a.person_id, &r.given_name, &r.family_name),
                esc(a.service.label(lang)),
                esc(a.state.label(lang)),
                esc(a.operator.as_deref().unwrap_or("—")),
                esc(&r.desk),
            ]
        })
        .collect();
    let head = [
        t(lang, "Quando", "When"),
        t(lang, "Persona", "Person"),
        t(lang, "Servizio", "Service"),
        t(lang, "Stato", "State"),
        t(lang, "Operatore", "Operator"),
        t(lang, "Sportello", "Desk"),
    ];
    table(t(lang, "Appuntamenti", "Appointments"), &head, &cells, empty)
}

/// The caseload's rows as a table (also the caseload page's).
pub fn paths(rows: &[CaseRow], lang: Lang) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                person_link(r.person_id, &r.given_name, &r.family_name),
                esc(&r.desk),
                esc(r.kind.map_or(t(lang, "(riservato)", "(withheld)"), |k| k.label(lang))),
                esc(r.state.label(lang)),
                esc(r.case_manager.as_deref().unwrap_or("—")),
                r.last_event_on.to_string(),
            ]
        })
        .collect();
    let head = [
        t(lang, "Persona", "Person"),
        t(lang, "Sportello", "Desk"),
        t(lang, "Percorso", "Path"),
        t(lang, "Stato", "State"),
        t(lang, "Case manager", "Case manager"),
        t(lang, "Ultimo evento", "Last event"),
    ];
    table(t(lang, "Percorsi", "Paths"), &head, &cells, t(lang, "Nessun percorso.", "No paths."))
}
