//! Matching from the console: the vacancies of the index for a person, each explained from
//! the core's [`Explanation`], with "propose" recording the activity (the `proposals`
//! action); and the reverse, the people for a vacancy among those who consented to share
//! their CV, as a shortlist to print. The API answers from the same functions.

use std::collections::HashMap;
use std::fmt::Write;

use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use sportello::desk::{Access, Account, Person};
use sportello::lang::Lang;
use sportello::matching::MatchResult;
use sportello::matching::explain::Explanation;

use crate::serve::html::{Frame, Nav, csrf_field, esc, t};
use crate::serve::problem::Problem;
use crate::serve::state::{Auth, Shared, blocking};

/// How many vacancies a person's page lists, and how many people a shortlist.
pub const TOP: usize = 10;

/// The person and the best vacancies of the index for them.
pub async fn matches_for(state: &Shared, account: &Account, id: i64) -> Result<(Person, Vec<MatchResult>), Problem> {
    let account = account.clone();
    let (person, profile) = state
        .desk(move |d| {
            d.authorize(&account, id, Access::Read)?;
            Ok((d.person(id)?, d.profile_for_matching(&account.reader(), id)?))
        })
        .await?;
    let shared = state.clone();
    let results = blocking(move || {
        let matcher = shared.matcher()?;
        let prepared = matcher.prepare_profile(&id.to_string(), &profile);
        Ok(matcher.vacancies_for(&shared.index, &prepared, TOP, false)?)
    })
    .await?;
    Ok((person, results))
}

/// The vacancy's title and the best people for it among those the account sees who
/// consented to share their CV, each with their name.
pub async fn shortlist_for(state: &Shared, account: &Account, vacancy_id: &str) -> Result<(String, Vec<(MatchResult, String)>), Problem> {
    let shared = state.clone();
    let wanted = vacancy_id.to_owned();
    let vacancy = blocking(move || shared.index.get(&wanted).map_err(Problem::from))
        .await?
        .ok_or_else(|| Problem::not_found(&format!("vacancy {vacancy_id}")))?;
    let account = account.clone();
    let people = state
        .desk(move |d| {
            let desk = account.list_desk(None)?;
            d.shortlist_profiles(&account.reader(), desk.as_deref())
        })
        .await?;
    let names: HashMap<String, String> =
        people.iter().map(|(id, p)| (id.to_string(), format!("{} {}", p.person.family_name, p.person.given_name))).collect();
    let shared = state.clone();
    let title = vacancy.title.clone();
    let results = blocking(move || {
        let matcher = shared.matcher()?;
        let prepared: Vec<_> = sportello::matching::bulk::prepare_profiles(&matcher, &people);
        Ok(matcher.profiles_for(&vacancy, &prepared, TOP, false))
    })
    .await?;
    Ok((title, results.into_iter().map(|r| (names.get(&r.profile_id).cloned().unwrap_or_default(), r)).map(|(n, r)| (r, n)).collect()))
}

/// `GET /persone/{id}/offerte`.
pub async fn for_person(State(state): State<Shared>, auth: Auth, Path(id): Path<i64>) -> Response {
    let lang = auth.lang;
    let (person, results) = match matches_for(&state, &auth.account, id).await {
        Ok(r) => r,
        Err(p) => return p.page(lang),
    };
    let can_propose = auth.account.check_change(&person.desk).is_ok();
    let mut body = format!("<p><a href=\"/persone/{id}\">{}</a></p>", t(lang, "‹ Torna alla scheda", "‹ Back to the file"));
    if results.is_empty() {
        let _ =
            write!(body, "<p class=\"empty\">{}</p>", t(lang, "Nessuna offerta adatta nell'indice.", "No suitable vacancy in the index."));
    }
    body.push_str("<ol class=\"matches\">");
    for r in &results {
        body.push_str("<li>");
        body.push_str(&explained(r, lang));
        if can_propose {
            let _ = write!(
                body,
                "<form method=\"post\" action=\"/persone/{id}/proposte\">{}<input type=\"hidden\" name=\"_form\" value=\"propose\"><input type=\"hidden\" name=\"vacancy\" value=\"{}\"><button type=\"submit\">{} {}</button></form>",
                csrf_field(&auth.csrf),
                esc(&r.vacancy_id),
                t(lang, "Proponi", "Propose"),
                esc(&r.title),
            );
        }
        body.push_str("</li>");
    }
    body.push_str("</ol>");
    let title = format!("{} {} {}", t(lang, "Offerte per", "Vacancies for"), person.given_name, person.family_name);
    let here = format!("/persone/{id}/offerte");
    Html(Frame { lang, title: &title, account: Some(&auth.account), csrf: Some(&auth.csrf), nav: Nav::Caseload, here: &here }.render(&body))
        .into_response()
}

/// One result explained: heading, exclusions, the parts of the score, skills matched and missing.
pub fn explained(r: &MatchResult, lang: Lang) -> String {
    let e = Explanation::new(r, lang);
    let mut h = format!("<article class=\"match\"><h2>{}</h2>", esc(&e.heading));
    for x in &e.exclusions {
        let _ = write!(h, "<p class=\"problem\">{}</p>", esc(x));
    }
    h.push_str("<ul class=\"parts\">");
    for p in &e.parts {
        let _ = write!(h, "<li>{}: {:.0}% × {:.0}%</li>", esc(p.label), p.credit * 100.0, p.weight * 100.0);
    }
    h.push_str("</ul>");
    if let Some(o) = &e.occupation {
        let _ = write!(h, "<p>{}</p>", esc(o));
    }
    if !e.matched.is_empty() {
        let _ = write!(h, "<h3>{}</h3><ul>", t(lang, "Competenze che ha", "Skills they have"));
        for m in &e.matched {
            let _ = write!(h, "<li>{} ← {} <span class=\"by\">({})</span></li>", esc(&m.required), esc(&m.by), esc(&m.evidence));
        }
        h.push_str("</ul>");
    }
    if !e.missing.is_empty() {
        let _ = write!(h, "<h3>{}</h3><ul>", t(lang, "Competenze essenziali che mancano", "Essential skills missing"));
        for m in &e.missing {
            let _ = write!(h, "<li>{}</li>", esc(m));
        }
        h.push_str("</ul>");
    }
    if let Some(km) = e.distance_km {
        let _ = write!(h, "<p>{}: {km:.0} km</p>", t(lang, "Distanza da casa", "Distance from home"));
    }
    h.push_str("</article>");
    h
}

/// `GET /offerte/{id}/candidati`: people who consented, best first, to print.
pub async fn shortlist(State(state): State<Shared>, auth: Auth, Path(vacancy_id): Path<String>) -> Response {
    let lang = auth.lang;
    let (title_of, results) = match shortlist_for(&state, &auth.account, &vacancy_id).await {
        Ok(r) => r,
        Err(p) => return p.page(lang),
    };
    let mut body = format!(
        "<p>{}</p><p><button type=\"button\" data-print>{}</button></p>",
        t(lang, "Solo le persone che hanno dato il consenso a condividere il CV.", "Only people who consented to share their CV."),
        t(lang, "Stampa", "Print")
    );
    if results.is_empty() {
        let _ = write!(
            body,
            "<p class=\"empty\">{}</p>",
            t(lang, "Nessuna persona adatta che abbia dato il consenso.", "No suitable person who consented.")
        );
    }
    body.push_str("<ol class=\"matches\">");
    for (r, name) in &results {
        let _ = write!(body, "<li><a href=\"/persone/{}\">{}</a> — {:.0}%</li>", esc(&r.profile_id), esc(name), r.score * 100.0);
    }
    body.push_str("</ol>");
    let title = format!("{} {}", t(lang, "Candidati per", "Candidates for"), title_of);
    let here = format!("/offerte/{vacancy_id}/candidati");
    Html(
        Frame { lang, title: &title, account: Some(&auth.account), csrf: Some(&auth.csrf), nav: Nav::Vacancies, here: &here }.render(&body),
    )
    .into_response()
}
