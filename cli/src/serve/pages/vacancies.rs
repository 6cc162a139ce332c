//! `GET /offerte`: the vacancy index (search, list, remove) and the upload of a feed
//! (JSON array, JSON Lines, CSV, schema.org JobPosting, or one vacancy in JSON or YAML).
//! Each entry the core cannot read is listed with its line; the rest are indexed.

use std::fmt::Write;

use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use sportello::feed;
use sportello::interop::{self, ImportOptions, Imported};
use sportello::lang::Lang;
use sportello::load::{Document, Format, load_document};
use sportello::model::Vacancy;

use crate::serve::html::{Frame, Nav, csrf_field, esc, percent, t, table};
use crate::serve::problem::Problem;
use crate::serve::state::{Auth, Shared, blocking, form_map, today};

/// The largest feed an upload may be.
pub const MAX_UPLOAD_BYTES: usize = 20 * 1024 * 1024;
/// Vacancies listed on the page (search finds the others).
pub const LISTED: usize = 200;

/// `GET /offerte?q=`.
pub async fn page(State(state): State<Shared>, auth: Auth, Query(q): Query<Vec<(String, String)>>) -> Response {
    list(&state, &auth, form_map(q).remove("q").unwrap_or_default(), None, StatusCode::OK).await
}

async fn list(state: &Shared, auth: &Auth, query: String, report: Option<String>, status: StatusCode) -> Response {
    let lang = auth.lang;
    let shared = state.clone();
    let q = query.clone();
    let read = blocking(move || -> Result<(Vec<Vacancy>, u64), Problem> {
        let total = shared.index.stats()?.vacancies;
        let mut all = shared.index.vacancies()?;
        if !q.trim().is_empty() {
            let ids = shared.index.search_text(&q, LISTED)?;
            all.retain(|v| ids.contains(&v.id));
            all.sort_by_key(|v| ids.iter().position(|i| *i == v.id));
        }
        all.truncate(LISTED);
        Ok((all, total))
    })
    .await;
    let (vacancies, total) = match read {
        Ok(r) => r,
        Err(p) => return p.page(lang),
    };
    let mut body = report.unwrap_or_default();
    let _ = write!(
        body,
        "<form method=\"get\" action=\"/offerte\" role=\"search\" class=\"filters\"><label for=\"q\">{}</label><input id=\"q\" name=\"q\" type=\"search\" value=\"{}\"><button type=\"submit\">{}</button></form><p role=\"status\">{} {} · {} {}</p>",
        t(lang, "Cerca nelle offerte", "Search the vacancies"),
        esc(&query),
        t(lang, "Cerca", "Search"),
        total,
        t(lang, "offerte nell'indice", "vacancies in the index"),
        vacancies.len(),
        t(lang, "mostrate", "shown"),
    );
    let may_change = auth.account.may_change();
    let rows: Vec<Vec<String>> = vacancies
        .iter()
        .map(|v| {
            let mut actions = format!(
                "<a href=\"/offerte/{id}/candidati\">{}</a> <a href=\"/offerte/{id}/manifesto.pdf\" download>{}</a>",
                t(lang, "Candidati", "Candidates"),
                t(lang, "Manifesto (PDF)", "Poster (PDF)"),
                id = percent(&v.id),
            );
            if may_change {
                let _ = write!(
                    actions,
                    "<form method=\"post\" action=\"/offerte/{}/rimuovi\">{}<button type=\"submit\" data-confirm=\"{}\">{}</button></form>",
                    percent(&v.id),
                    csrf_field(&auth.csrf),
                    t(lang, "Togliere questa offerta dall'indice?", "Remove this vacancy from the index?"),
                    t(lang, "Rimuovi", "Remove")
                );
            }
            vec![
                esc(&v.id),
                esc(&v.title),
                esc(v.employer.as_deref().unwrap_or("—")),
                esc(v.place.as_ref().and_then(|p| p.name.as_deref()).unwrap_or("—")),
                actions,
            ]
        })
        .collect();
    let head = [
        t(lang, "Codice", "Id"),
        t(lang, "Titolo", "Title"),
        t(lang, "Datore di lavoro", "Employer"),
        t(lang, "Luogo", "Place"),
        t(lang, "Azioni", "Actions"),
    ];
    body.push_str(&table(t(lang, "Offerte", "Vacancies"), &head, &rows, t(lang, "Nessuna offerta.", "No vacancies.")));
    body.push_str(&paper_forms(lang));
    if may_change {
        let _ = write!(
            body,
            "<h2>{}</h2><form method=\"post\" action=\"/offerte?_csrf={}\" enctype=\"multipart/form-data\" class=\"form\"><label for=\"feed\">{}</label><input id=\"feed\" name=\"feed\" type=\"file\" required accept=\".json,.jsonl,.ndjson,.csv,.yaml,.yml\"><button type=\"submit\">{}</button></form>",
            t(lang, "Carica offerte", "Upload vacancies"),
            esc(&auth.csrf),
            t(
                lang,
                "File (JSON, JSON Lines, CSV, JobPosting; al massimo 20 MB)",
                "File (JSON, JSON Lines, CSV, JobPosting; at most 20 MB)"
            ),
            t(lang, "Carica", "Upload"),
        );
    }
    let frame = Frame {
        lang,
        title: t(lang, "Offerte", "Vacancies"),
        account: Some(&auth.account),
        csrf: Some(&auth.csrf),
        nav: Nav::Vacancies,
        here: "/offerte",
    };
    (status, Html(frame.render(&body))).into_response()
}

/// What an upload read: the vacancies, and the entries left out with why.
pub struct Upload {
    pub vacancies: Vec<Vacancy>,
    pub left_out: Vec<String>,
}

/// Reads an uploaded file by its name and content.
pub fn read_upload(name: &str, bytes: &[u8], lang: Lang) -> Result<Upload, Problem> {
    let today = Some(today().as_partial());
    if feed::is_feed(name, bytes) {
        let f = feed::read(bytes, today)?;
        let left_out = f.problems.iter().map(|p| left_out(p, lang)).collect();
        return Ok(Upload { vacancies: f.vacancies.into_iter().map(|v| v.vacancy).collect(), left_out });
    }
    if let Ok(import) = interop::import(bytes, None, &ImportOptions::default()) {
        return match import.document {
            Imported::Vacancies(vacancies) => Ok(Upload { vacancies, left_out: vec![] }),
            Imported::Profile(_) => Err(a_cv()),
        };
    }
    let format = Format::from_file_name(name).unwrap_or_else(|| Format::sniff(bytes));
    match load_document(bytes, format, today)?.value {
        Document::Vacancy(v) => Ok(Upload { vacancies: vec![*v], left_out: vec![] }),
        Document::Profile(_) => Err(a_cv()),
    }
}

/// A feed entry left out, in `lang` where the core words it (a broken line's syntax error
/// comes from the JSON reader, in English).
fn left_out(p: &feed::FeedProblem, lang: Lang) -> String {
    let why = if p.problems.is_empty() {
        p.message.clone()
    } else {
        p.problems
            .iter()
            .map(|x| if x.path.is_empty() { x.rule.message(lang) } else { format!("{}: {}", x.path, x.rule.message(lang)) })
            .collect::<Vec<_>>()
            .join("; ")
    };
    format!("{} {}: {why}", t(lang, "riga", "line"), p.line)
}

fn a_cv() -> Problem {
    Problem::bad("feed", "il file è un CV, non delle offerte", "the file is a CV, not vacancies")
}

/// `POST /offerte` (multipart, the CSRF token in the query).
pub async fn upload(State(state): State<Shared>, auth: Auth, mut form: Multipart) -> Response {
    let lang = auth.lang;
    if let Err(e) = auth.account.check_may_change() {
        return Problem::from(e).page(lang);
    }
    let too_large = || Problem::bad("feed", "il file supera i 20 MB", "the file is larger than 20 MB");
    let mut file = None;
    loop {
        match form.next_field().await {
            Ok(Some(field)) if field.name() == Some("feed") => {
                let name = field.file_name().unwrap_or("feed.json").to_owned();
                match field.bytes().await {
                    Ok(bytes) => file = Some((name, bytes)),
                    Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                        return list(&state, &auth, String::new(), Some(problem_html(&too_large(), lang)), too_large().status).await;
                    }
                    Err(e) => {
                        return Problem::bad("feed", format!("caricamento interrotto ({e})"), format!("upload interrupted ({e})"))
                            .page(lang);
                    }
                }
            }
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return list(&state, &auth, String::new(), Some(problem_html(&too_large(), lang)), too_large().status).await;
            }
            Err(e) => return Problem::bad("feed", format!("modulo non leggibile ({e})"), format!("unreadable form ({e})")).page(lang),
        }
    }
    let Some((name, bytes)) = file else {
        let p = Problem::bad("feed", "manca il file", "no file was sent");
        return list(&state, &auth, String::new(), Some(problem_html(&p, lang)), p.status).await;
    };
    let shared = state.clone();
    let _one_writer = state.index_writer.lock().await;
    let done = blocking(move || -> Result<(usize, Vec<String>), Problem> {
        let upload = read_upload(&name, &bytes, lang)?;
        let matcher = shared.matcher()?;
        let mut w = shared.index.writer()?;
        for v in &upload.vacancies {
            w.upsert(v, &matcher.prepare_vacancy(v))?;
        }
        w.commit()?;
        shared.index.reload()?;
        Ok((upload.vacancies.len(), upload.left_out))
    })
    .await;
    match done {
        Ok((added, left_out)) => {
            let mut report = format!(
                "<p role=\"status\" class=\"done\">{added} {}</p>",
                t(lang, "offerte aggiunte o aggiornate.", "vacancies added or updated.")
            );
            if !left_out.is_empty() {
                let _ = write!(
                    report,
                    "<div class=\"problem\" role=\"alert\"><p>{} {}</p><ul>",
                    left_out.len(),
                    t(lang, "voci lasciate fuori:", "entries left out:")
                );
                for l in &left_out {
                    let _ = write!(report, "<li>{}</li>", esc(l));
                }
                report.push_str("</ul></div>");
            }
            list(&state, &auth, String::new(), Some(report), StatusCode::OK).await
        }
        Err(p) => list(&state, &auth, String::new(), Some(problem_html(&p, lang)), p.status).await,
    }
}

fn problem_html(p: &Problem, lang: Lang) -> String {
    format!("<p class=\"problem\" role=\"alert\">{}</p>", esc(&p.message(lang)))
}

/// `POST /offerte/{id}/rimuovi`.
pub async fn remove(State(state): State<Shared>, auth: Auth, Path(id): Path<String>) -> Response {
    if let Err(e) = auth.account.check_may_change() {
        return Problem::from(e).page(auth.lang);
    }
    let shared = state.clone();
    let _one_writer = state.index_writer.lock().await;
    let done = blocking(move || -> Result<(), Problem> {
        let mut w = shared.index.writer()?;
        w.remove(&id);
        w.commit()?;
        Ok(shared.index.reload()?)
    })
    .await;
    match done {
        Ok(()) => Redirect::to("/offerte").into_response(),
        Err(p) => p.page(auth.lang),
    }
}

/// The bulletin's form and the way to a recruiting day, under the list.
fn paper_forms(lang: Lang) -> String {
    format!(
        "<h2>{}</h2><form method=\"get\" action=\"/offerte/bollettino\" class=\"form\">\
         <label for=\"dal\">{}</label><input id=\"dal\" name=\"dal\" type=\"date\">\
         <label for=\"vicino\">{}</label><input id=\"vicino\" name=\"vicino\" type=\"text\">\
         <label for=\"km\">{}</label><input id=\"km\" name=\"km\" type=\"number\" min=\"1\" max=\"500\" value=\"20\">\
         <label for=\"gruppi\">{}</label><select id=\"gruppi\" name=\"gruppi\"><option value=\"comune\">{}</option><option value=\"sector\">{}</option></select>\
         <label for=\"formato\">{}</label><select id=\"formato\" name=\"formato\"><option value=\"pdf\">PDF</option><option value=\"txt\">{}</option></select>\
         <button type=\"submit\">{}</button></form><p><a href=\"/recruiting-day\">{}</a></p>",
        t(lang, "Bollettino delle offerte", "Bulletin of the offers"),
        t(lang, "Pubblicate dal (vuoto: tutte)", "Published since (empty: all)"),
        t(lang, "Vicino a (comune; vuoto: ovunque)", "Near (comune; empty: anywhere)"),
        t(lang, "Entro km", "Within km"),
        t(lang, "Raggruppa per", "Group by"),
        t(lang, "comune", "comune"),
        t(lang, "settore", "sector"),
        t(lang, "Formato", "Format"),
        t(lang, "testo per social o e-mail", "text for social media or e-mail"),
        t(lang, "Scarica il bollettino", "Download the bulletin"),
        t(lang, "Prepara un recruiting day", "Prepare a recruiting day"),
    )
}
