//! The paper side of the desk's work, one button each: a vacancy's poster
//! (`GET /offerte/{id}/manifesto.pdf`), the bulletin of the offers
//! (`GET /offerte/bollettino?dal=&vicino=&km=&gruppi=&formato=pdf|txt`), a letter to a person
//! (`GET /persone/{id}/lettera?tipo=appuntamento|promemoria|esito&appuntamento=`), and a
//! recruiting day (`GET /recruiting-day`: the form and who would be listed;
//! `GET /recruiting-day/scarica?...&file=`: one of its papers). Everything is worded and laid
//! out by the core (`sportello::outreach`); the desk printed as sender is the reader's own
//! (a letter: the person's).

use std::fmt::Write;

use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Response};
use sportello::desk::{Access, Account, Desk, DeskError, LetterKind, Reader};
use sportello::lang::Lang;
use sportello::matching::prepare::Point;
use sportello::model::PartialDate;
use sportello::outreach::recruiting::{Candidate, DEFAULT_MIN_SCORE, DEFAULT_PER_VACANCY, Event, plan};
use sportello::outreach::{BulletinRequest, Document, GroupBy, Near, Sender, bulletin, letters, poster};
use sportello::render::RenderRequest;

use crate::serve::html::{Frame, Nav, download, esc, percent, t};
use crate::serve::problem::Problem;
use crate::serve::state::{Auth, Shared, blocking, form_map, renderer, today};

/// The sender of what `account` prints: its desk, with the server's logo.
fn sender_of(d: &Desk, account: &Account, logo: Option<sportello::outreach::Logo>) -> Result<Option<Sender>, DeskError> {
    match &account.desk {
        Some(code) => Ok(Some(d.desk_contact(code)?.sender(logo))),
        None => Ok(None),
    }
}

/// Lays out `doc` as a PDF (off the async threads).
async fn pdf(doc: Document) -> Result<Vec<u8>, Problem> {
    blocking(move || {
        let mut req = RenderRequest::pdf("", doc.data["lang"].as_str().unwrap_or("it"));
        req.today = Some(today().as_partial());
        let out = renderer().render_outreach(&doc, &req).map_err(Problem::from)?;
        Ok(out.files.into_iter().next().unwrap_or_default())
    })
    .await
}

/// `GET /offerte/{id}/manifesto.pdf`.
pub async fn poster_pdf(State(state): State<Shared>, auth: Auth, Path(id): Path<String>) -> Response {
    let lang = auth.lang;
    let result = async {
        let shared = state.clone();
        let vid = id.clone();
        let v = blocking(move || shared.index.vacancy(&vid).map_err(Problem::from)).await?.ok_or_else(|| Problem::not_found("vacancy"))?;
        let (account, logo) = (auth.account.clone(), state.logo.clone());
        let sender = state.desk(move |d| sender_of(d, &account, logo)).await?;
        pdf(poster(&v, sender.as_ref(), lang)).await
    }
    .await;
    match result {
        Ok(bytes) => download("application/pdf", &format!("manifesto-{id}.pdf"), bytes),
        Err(p) => p.page(lang),
    }
}

/// `GET /offerte/bollettino`.
pub async fn bulletin_file(State(state): State<Shared>, auth: Auth, Query(q): Query<Vec<(String, String)>>) -> Response {
    let lang = auth.lang;
    let mut q = form_map(q);
    let format = q.remove("formato").unwrap_or_else(|| "pdf".into());
    let result = async {
        if !["pdf", "txt"].contains(&format.as_str()) {
            return Err(Problem::bad("formato", "formato sconosciuto (ammessi: pdf, txt)", "unknown format (expected pdf or txt)"));
        }
        let since = match q.remove("dal").filter(|s| !s.trim().is_empty()) {
            Some(s) => Some(
                s.trim()
                    .parse::<PartialDate>()
                    .map_err(|_| Problem::bad("dal", "una data come 2026-11-24", "a date such as 2026-11-24"))?,
            ),
            None => None,
        };
        let group_by: GroupBy = q
            .remove("gruppi")
            .filter(|s| !s.is_empty())
            .map_or(Ok(GroupBy::Comune), |g| g.parse())
            .map_err(|_| Problem::bad("gruppi", "comune o sector", "comune or sector"))?;
        let km: f64 = match q.remove("km").filter(|s| !s.trim().is_empty()) {
            Some(k) => k
                .trim()
                .parse()
                .ok()
                .filter(|k: &f64| *k > 0.0 && *k <= 500.0)
                .ok_or_else(|| Problem::bad("km", "da 0 a 500", "0 to 500"))?,
            None => 20.0,
        };
        let matcher = state.matcher()?;
        let near = match q.remove("vicino").filter(|s| !s.trim().is_empty()) {
            Some(place) => {
                let m = matcher.gazetteer.find(&place).map_err(|_| Problem::bad("vicino", "comune sconosciuto", "unknown comune"))?;
                let c = m.comune.coordinates;
                Some(Near { name: m.comune.name.clone(), point: Point { lat: c.lat, lon: c.lon }, km })
            }
            None => None,
        };
        let (account, logo) = (auth.account.clone(), state.logo.clone());
        let sender = state.desk(move |d| sender_of(d, &account, logo)).await?;
        let shared = state.clone();
        let b = blocking(move || {
            let vacancies = shared.index.vacancies()?;
            let req = BulletinRequest { since, near, group_by, today: today().as_partial(), sender: sender.as_ref(), lang };
            bulletin(&vacancies, matcher.taxonomy, matcher.gazetteer, &req).map_err(Problem::from)
        })
        .await?;
        if format == "txt" { Ok(b.text.into_bytes()) } else { pdf(b.document).await }
    }
    .await;
    match result {
        Ok(bytes) if format == "txt" => download("text/plain; charset=utf-8", "bollettino.txt", bytes),
        Ok(bytes) => download("application/pdf", "bollettino.pdf", bytes),
        Err(p) => p.page(lang),
    }
}

/// `GET /persone/{id}/lettera?tipo=&appuntamento=`.
pub async fn letter_pdf(State(state): State<Shared>, auth: Auth, Path(id): Path<i64>, Query(q): Query<Vec<(String, String)>>) -> Response {
    let lang = auth.lang;
    let mut q = form_map(q);
    let result = async {
        let kind: LetterKind = q
            .remove("tipo")
            .unwrap_or_default()
            .parse()
            .map_err(|_| Problem::bad("tipo", "appuntamento, promemoria o esito", "appuntamento, promemoria or esito"))?;
        let appointment = match q.remove("appuntamento").filter(|s| !s.is_empty()) {
            Some(a) => Some(a.parse::<i64>().map_err(|_| Problem::bad("appuntamento", "un numero", "a number"))?),
            None => None,
        };
        let (account, logo) = (auth.account.clone(), state.logo.clone());
        let (letter, sender) = state
            .desk(move |d| {
                d.authorize(&account, id, Access::Read)?;
                let (letter, contact) = d.letter(&account.reader(), id, kind, appointment, lang)?;
                Ok((letter, contact.sender(logo)))
            })
            .await?;
        pdf(letters(&[letter], Some(&sender), lang)).await
    }
    .await;
    match result {
        Ok(bytes) => download("application/pdf", &format!("lettera-{id}.pdf"), bytes),
        Err(p) => p.page(lang),
    }
}

/// A recruiting day as asked on the form.
struct DayAsked {
    vacancies: String,
    on: String,
    at: String,
    place: String,
}

impl DayAsked {
    fn from_query(q: &mut std::collections::HashMap<String, String>) -> DayAsked {
        let mut take = |k: &str| q.remove(k).unwrap_or_default();
        DayAsked { vacancies: take("offerte"), on: take("giorno"), at: take("ora"), place: take("luogo") }
    }

    fn ids(&self) -> Vec<String> {
        self.vacancies.split([',', ' ', ';']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
    }

    fn event(&self) -> Result<Event, Problem> {
        let on: PartialDate =
            self.on.trim().parse().map_err(|_| Problem::bad("giorno", "una data come 2026-12-15", "a date such as 2026-12-15"))?;
        let at = Some(self.at.trim().to_owned()).filter(|a| !a.is_empty());
        let event = Event {
            on,
            at,
            place: self.place.trim().to_owned(),
            bring: Vec::new(),
            per_vacancy: DEFAULT_PER_VACANCY,
            min_score: DEFAULT_MIN_SCORE,
        };
        event.check().map_err(on_form)?;
        Ok(event)
    }

    fn query(&self) -> String {
        format!(
            "offerte={}&giorno={}&ora={}&luogo={}",
            percent(&self.vacancies),
            percent(&self.on),
            percent(&self.at),
            percent(&self.place)
        )
    }
}

/// A refusal of the core's, on the form's field.
fn on_form(e: sportello::Error) -> Problem {
    let field = match &e {
        sportello::Error::InvalidOption { name, .. } => match *name {
            "on" => "giorno",
            "at" => "ora",
            "place" => "luogo",
            _ => "offerte",
        },
        _ => "",
    };
    let mut p = Problem::from(e);
    p.field = field.to_owned();
    p
}

/// Everything a recruiting day needs, read once: its plan and people.
struct Day {
    event: Event,
    candidates: Vec<Candidate>,
    plan: sportello::outreach::recruiting::Plan,
    sender: Option<Sender>,
}

/// The day asked for: the vacancies from the index, the people of the reader's desks who
/// consented to recruiting-day lists (audited), the plan.
async fn day_of(state: &Shared, auth: &Auth, asked: &DayAsked) -> Result<Day, Problem> {
    let event = asked.event()?;
    let ids = asked.ids();
    let shared = state.clone();
    let vacancies = blocking(move || {
        ids.iter()
            .map(|id| {
                shared
                    .index
                    .vacancy(id)
                    .map_err(Problem::from)?
                    .ok_or_else(|| Problem::bad("offerte", format!("nessuna offerta {id:?}"), format!("no vacancy {id:?}")))
            })
            .collect::<Result<Vec<_>, _>>()
    })
    .await?;
    let (account, logo) = (auth.account.clone(), state.logo.clone());
    let (people, sender) = state
        .desk(move |d| {
            let reader = Reader { username: account.username.clone(), sensitive: false };
            Ok((d.recruiting_profiles(&reader, account.desk.as_deref())?, sender_of(d, &account, logo)?))
        })
        .await?;
    let candidates: Vec<Candidate> = people.into_iter().map(|(id, profile)| Candidate { key: id.to_string(), profile }).collect();
    let matcher = state.matcher()?;
    let lang = auth.lang;
    let (plan, event, candidates) =
        blocking(move || Ok((plan(&event, &vacancies, &candidates, &matcher, lang).map_err(on_form)?, event, candidates))).await?;
    Ok(Day { event, candidates, plan, sender })
}

/// `GET /recruiting-day`: the form; with its fields, who would be listed and the papers.
pub async fn recruiting_page(State(state): State<Shared>, auth: Auth, Query(q): Query<Vec<(String, String)>>) -> Response {
    let lang = auth.lang;
    let mut q = form_map(q);
    let asked = DayAsked::from_query(&mut q);
    let mut body = String::new();
    let mut problem = None;
    if !asked.vacancies.is_empty() || !asked.on.is_empty() {
        match day_of(&state, &auth, &asked).await {
            Ok(day) => body.push_str(&day_html(&day, &asked, lang)),
            Err(p) => problem = Some(p),
        }
    }
    let form = day_form(&asked, problem.as_ref(), lang);
    let frame = Frame {
        lang,
        title: "Recruiting day",
        account: Some(&auth.account),
        csrf: Some(&auth.csrf),
        nav: Nav::Vacancies,
        here: "/recruiting-day",
    };
    let status = problem.as_ref().map_or(axum::http::StatusCode::OK, |p| p.status);
    (status, Html(frame.render(&(form + &body)))).into_response()
}

fn day_form(asked: &DayAsked, problem: Option<&Problem>, lang: Lang) -> String {
    let field = |name: &str, label: &str, kind: &str, value: &str, hint: &str| {
        let bad = problem.filter(|p| p.field == name);
        format!(
            "<label for=\"{name}\">{label}</label><input id=\"{name}\" name=\"{name}\" type=\"{kind}\" value=\"{}\"{}{}>{}",
            esc(value),
            if bad.is_some() { format!(" aria-invalid=\"true\" aria-describedby=\"{name}-problem\"") } else { String::new() },
            if hint.is_empty() { String::new() } else { format!(" placeholder=\"{}\"", esc(hint)) },
            bad.map(|p| format!("<p id=\"{name}-problem\" class=\"problem\" role=\"alert\">{}</p>", esc(&p.message(lang))))
                .unwrap_or_default()
        )
    };
    format!(
        "<p>{}</p><form method=\"get\" action=\"/recruiting-day\" class=\"form\">{}{}{}{}<button type=\"submit\">{}</button></form>",
        t(
            lang,
            "Le persone in elenco sono solo quelle del tuo sportello che hanno acconsentito a comparire negli elenchi dei recruiting day.",
            "Only the people of your desk who consented to appear on recruiting-day lists are listed."
        ),
        field(
            "offerte",
            t(lang, "Codici delle offerte (separati da virgole)", "Vacancy ids (comma-separated)"),
            "text",
            &asked.vacancies,
            "nov-01, nov-04"
        ),
        field("giorno", t(lang, "Giorno", "Day"), "date", &asked.on, ""),
        field("ora", t(lang, "Ora", "Time"), "time", &asked.at, ""),
        field("luogo", t(lang, "Luogo", "Place"), "text", &asked.place, ""),
        t(lang, "Prepara", "Prepare"),
    )
}

fn day_html(day: &Day, asked: &DayAsked, lang: Lang) -> String {
    let link = |file: &str, label: &str| {
        format!("<a href=\"/recruiting-day/scarica?{}&amp;file={}\" download>{}</a>", esc(&asked.query()), percent(file), esc(label))
    };
    let mut h = format!(
        "<section aria-labelledby=\"h-day\"><h2 id=\"h-day\">{}</h2><ul class=\"papers\">",
        t(lang, "I documenti della giornata", "The day's papers")
    );
    for (n, e) in day.plan.employers.iter().enumerate() {
        let names: Vec<String> = e.people.iter().map(|l| esc(&full_name(&day.candidates[l.candidate].profile))).collect();
        let _ = write!(
            h,
            "<li>{}: {} ({} {}{})</li>",
            esc(&e.employer),
            link(&format!("lista-{}", n + 1), t(lang, "elenco e CV (PDF)", "list and CVs (PDF)")),
            names.len(),
            t(lang, "persone", "people"),
            if names.is_empty() { String::new() } else { format!(": {}", names.join(", ")) }
        );
    }
    let _ = write!(
        h,
        "<li>{}</li><li>{}</li><li>{}</li></ul></section>",
        link("inviti.pdf", t(lang, "Lettere d'invito per posta (PDF)", "Invitation letters by post (PDF)")),
        link("inviti-email.txt", t(lang, "Inviti per e-mail (testo)", "Invitations by e-mail (text)")),
        link("presenze.pdf", t(lang, "Foglio presenze (PDF)", "Attendance sheet (PDF)")),
    );
    h
}

fn full_name(p: &sportello::model::Profile) -> String {
    format!("{} {}", p.person.given_name, p.person.family_name)
}

/// `GET /recruiting-day/scarica?...&file=`: one paper of the day (`lista-N`, `inviti.pdf`,
/// `inviti-email.txt`, `presenze.pdf`).
pub async fn recruiting_file(State(state): State<Shared>, auth: Auth, Query(q): Query<Vec<(String, String)>>) -> Response {
    let lang = auth.lang;
    let mut q = form_map(q);
    let file = q.remove("file").unwrap_or_default();
    let asked = DayAsked::from_query(&mut q);
    let result = async {
        let day = day_of(&state, &auth, &asked).await?;
        blocking(move || {
            let files = day.plan.documents(&day.event, &day.candidates, day.sender.as_ref(), renderer(), today().as_partial(), lang)?;
            files
                .files
                .into_iter()
                .find(|(name, _)| *name == file || name.starts_with(&format!("{file}-")))
                .ok_or_else(|| Problem::bad("file", "documento non disponibile per questa giornata", "no such paper for this day"))
        })
        .await
    }
    .await;
    match result {
        Ok((name, bytes)) if name.ends_with(".txt") => download("text/plain; charset=utf-8", &name, bytes),
        Ok((name, bytes)) => download("application/pdf", &name, bytes),
        Err(p) => p.page(lang),
    }
}
