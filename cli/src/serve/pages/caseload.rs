//! `GET /persone`: the caseload with its filters, name search and pages; and the form that
//! takes a new person in (`GET /persone/nuova`, `POST /persone`).

use std::fmt::Write;

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use sportello::desk::parse;
use sportello::desk::{Account, Arrival, DeskError, DeskInfo, Filter, NewPerson, Operator, PathKind, PathState, Target};
use sportello::lang::Lang;
use sportello::model::Profile;

use super::changes::{Values, read_profile};
use crate::serve::html::{Form as HtmlForm, Frame, Nav, Sent, choices, esc, percent, t};
use crate::serve::problem::Problem;
use crate::serve::state::{Auth, Shared, form_map, today};

/// Rows per page.
pub const PER_PAGE: u32 = 50;

pub async fn page(State(state): State<Shared>, auth: Auth, Query(q): Query<Vec<(String, String)>>) -> Response {
    let lang = auth.lang;
    let values = Values(form_map(q));
    let account = auth.account.clone();
    let read = {
        let values = Values(values.0.clone());
        state
            .desk(move |d| {
                let (filter, page) = filter(&account, &values)?;
                let rows = d.caseload(&account.reader(), &filter)?;
                let shared = d.shared_people(&account.username)?;
                Ok((rows, page, d.desks()?, d.operators()?, shared))
            })
            .await
    };
    let (rows, page, desks, operators, shared) = match read {
        Ok(r) => r,
        Err(p) => return p.page(lang),
    };
    let mut body = String::new();
    if auth.account.may_change() {
        let _ = write!(body, "<p><a class=\"button\" href=\"/persone/nuova\">{}</a></p>", t(lang, "Nuova persona", "New person"));
    }
    body.push_str(&filters(&auth, &values, &desks, &operators, lang));
    let _ = write!(body, "<p role=\"status\">{} {}</p>", rows.total, t(lang, "percorsi trovati", "paths found"));
    body.push_str(&super::today::paths(&rows.rows, lang));
    body.push_str(&pager(&values, page, rows.total, lang));
    if !shared.is_empty() {
        let _ = write!(
            body,
            "<section id=\"s-shared\" aria-labelledby=\"h-shared\"><h2 id=\"h-shared\">{}</h2><ul>",
            t(lang, "Persone di altri sportelli condivise con te", "People of other desks shared with you")
        );
        for p in &shared {
            let _ = write!(
                body,
                "<li><a href=\"/persone/{}\">{} {}</a> ({})</li>",
                p.id,
                esc(&p.family_name),
                esc(&p.given_name),
                esc(&p.desk)
            );
        }
        body.push_str("</ul></section>");
    }
    let frame = Frame {
        lang,
        title: t(lang, "Persone e percorsi", "People and paths"),
        account: Some(&auth.account),
        csrf: Some(&auth.csrf),
        nav: Nav::Caseload,
        here: "/persone",
    };
    Html(frame.render(&body)).into_response()
}

/// The caseload filter of a query (`desk`, `kind`, `state`, `case_manager`, `target`,
/// `name`, `page`), limited to what `account` sees; and the page number.
pub fn filter(account: &Account, v: &Values) -> Result<(Filter, u32), DeskError> {
    let page: u32 = v.text("page").and_then(|p| p.parse().ok()).unwrap_or(1).max(1);
    let filter = Filter {
        desk: account.list_desk(v.text("desk"))?,
        case_manager: v.text("case_manager").map(str::to_owned),
        kind: v.text("kind").map(|_| v.word::<PathKind>("kind")).transpose()?,
        state: v.text("state").map(|_| v.word::<PathState>("state")).transpose()?,
        target: v.text("target").map(|_| v.word::<Target>("target")).transpose()?,
        name: v.text("name").map(str::to_owned),
        offset: (page - 1).saturating_mul(PER_PAGE),
        limit: PER_PAGE,
        quiet_since: None,
    };
    Ok((filter, page))
}

fn filters(auth: &Auth, v: &Values, desks: &[DeskInfo], operators: &[Operator], lang: Lang) -> String {
    let any = t(lang, "(tutti)", "(all)");
    let sensitive = auth.account.sensitive;
    let visible: Vec<(String, String)> = std::iter::once((String::new(), any.to_owned()))
        .chain(desks.iter().filter(|d| auth.account.sees_desk(&d.code)).map(|d| (d.code.clone(), d.name.clone())))
        .collect();
    let managers: Vec<(String, String)> = std::iter::once((String::new(), any.to_owned()))
        .chain(operators.iter().filter(|o| auth.account.sees_desk(&o.desk)).map(|o| (o.username.clone(), o.name.clone())))
        .collect();
    let kinds: Vec<PathKind> = PathKind::ALL.iter().copied().filter(|k| sensitive || !k.is_protected()).collect();
    let targets: Vec<Target> = Target::ALL.iter().copied().filter(|k| sensitive || !k.is_protected()).collect();
    let mut h = String::from("<form method=\"get\" action=\"/persone\" class=\"filters\" role=\"search\">");
    let mut select = |name: &str, label: &str, options: &[(String, String)]| {
        let chosen = v.text(name).unwrap_or_default();
        let _ = write!(h, "<label for=\"f-{name}\">{}</label><select id=\"f-{name}\" name=\"{name}\">", esc(label));
        for (value, text) in options {
            let sel = if value == chosen { " selected" } else { "" };
            let _ = write!(h, "<option value=\"{}\"{sel}>{}</option>", esc(value), esc(text));
        }
        h.push_str("</select>");
    };
    select("desk", t(lang, "Sportello", "Desk"), &visible);
    select("kind", t(lang, "Percorso", "Path"), &choices(&kinds, |k| k.as_str(), |k| k.label(lang), Some(any)));
    select("state", t(lang, "Stato", "State"), &choices(PathState::ALL, |k| k.as_str(), |k| k.label(lang), Some(any)));
    select("case_manager", t(lang, "Case manager", "Case manager"), &managers);
    select("target", t(lang, "Destinatari", "Target group"), &choices(&targets, |k| k.as_str(), |k| k.label(lang), Some(any)));
    let _ = write!(
        h,
        "<label for=\"f-name\">{}</label><input id=\"f-name\" name=\"name\" type=\"search\" value=\"{}\"><button type=\"submit\">{}</button></form>",
        t(lang, "Nome", "Name"),
        esc(v.text("name").unwrap_or_default()),
        t(lang, "Cerca", "Search")
    );
    h
}

fn pager(v: &Values, page: u32, total: u64, lang: Lang) -> String {
    let pages = total.div_ceil(u64::from(PER_PAGE)).max(1);
    let link = |p: u64, label: &str, rel: &str| {
        let mut q: Vec<String> =
            v.0.iter()
                .filter(|(k, val)| *k != "page" && !val.is_empty())
                .map(|(k, val)| format!("{}={}", percent(k), percent(val)))
                .collect();
        q.sort();
        q.push(format!("page={p}"));
        format!("<a href=\"/persone?{}\" rel=\"{rel}\">{}</a>", esc(&q.join("&")), esc(label))
    };
    let mut h = format!("<nav class=\"pager\" aria-label=\"{}\">", t(lang, "Pagine", "Pages"));
    if page > 1 {
        h.push_str(&link(u64::from(page) - 1, t(lang, "‹ precedente", "‹ previous"), "prev"));
    }
    let _ = write!(h, " <span>{} {page} / {pages}</span> ", t(lang, "pagina", "page"));
    if u64::from(page) < pages {
        h.push_str(&link(u64::from(page) + 1, t(lang, "successiva ›", "next ›"), "next"));
    }
    h.push_str("</nav>");
    h
}

/// `GET /persone/nuova`.
pub async fn new_form(State(state): State<Shared>, auth: Auth) -> Response {
    new_page(&state, &auth, None, StatusCode::OK).await
}

async fn new_page(state: &Shared, auth: &Auth, sent: Option<Sent>, status: StatusCode) -> Response {
    let lang = auth.lang;
    let lists = state.desk(|d| Ok((d.desks()?, d.operators()?))).await;
    let (desks, operators) = match lists {
        Ok(l) => l,
        Err(p) => return p.page(lang),
    };
    let own: Vec<(String, String)> =
        desks.iter().filter(|d| auth.account.check_change(&d.code).is_ok()).map(|d| (d.code.clone(), d.name.clone())).collect();
    let managers: Vec<(String, String)> = std::iter::once((String::new(), t(lang, "(nessuno)", "(none)").to_owned()))
        .chain(
            operators.iter().filter(|o| auth.account.sees_desk(&o.desk)).map(|o| (o.username.clone(), format!("{} ({})", o.name, o.desk))),
        )
        .collect();
    let default_manager = if operators.iter().any(|o| o.username == auth.account.username) { auth.account.username.as_str() } else { "" };
    let form = HtmlForm::new("person", "/persone", &auth.csrf, sent.as_ref(), lang)
        .input("given_name", t(lang, "Nome", "Given name"), "text", "", true)
        .input("family_name", t(lang, "Cognome", "Family name"), "text", "", true)
        .input("codice_fiscale", t(lang, "Codice fiscale", "Tax code"), "text", "", false)
        .input("comune", t(lang, "Comune di residenza", "Comune of residence"), "text", "", false)
        .select("desk", t(lang, "Sportello", "Desk"), &own, auth.account.desk.as_deref().unwrap_or_default())
        .select("case_manager", t(lang, "Case manager", "Case manager"), &managers, default_manager)
        .select("arrival", t(lang, "Arrivo", "Arrival"), &choices(Arrival::ALL, |a| a.as_str(), |a| a.label(lang), None), "")
        .input("arrival_date", t(lang, "Data di arrivo", "Arrival date"), "date", &today().to_string(), false)
        .textarea(
            "profile",
            t(
                lang,
                "Profilo (JSON o YAML, facoltativo: un CV di Sportello o del widget)",
                "Profile (JSON or YAML, optional: a Sportello or widget CV)",
            ),
            "",
        );
    let frame = Frame {
        lang,
        title: t(lang, "Nuova persona", "New person"),
        account: Some(&auth.account),
        csrf: Some(&auth.csrf),
        nav: Nav::Caseload,
        here: "/persone/nuova",
    };
    (status, Html(frame.render(&form.submit(t(lang, "Aggiungi", "Add"))))).into_response()
}

/// `POST /persone`.
pub async fn create(State(state): State<Shared>, auth: Auth, Form(pairs): Form<Vec<(String, String)>>) -> Response {
    let values = Values(form_map(pairs));
    let kept = values.0.clone();
    let account = auth.account.clone();
    let result = add_person(&state, &account, values).await;
    match result {
        Ok(id) => Redirect::to(&format!("/persone/{id}")).into_response(),
        Err(p) => {
            let sent = Sent { form: "person".into(), values: kept, field: p.field.clone(), message: p.message(auth.lang) };
            new_page(&state, &auth, Some(sent), p.status).await
        }
    }
}

/// Takes a new person in from a form's or the API's fields (`given_name`, `family_name`,
/// `codice_fiscale`, `comune`, `desk`, `case_manager`, `arrival`, `arrival_date`,
/// `profile` as JSON or YAML); their number.
pub async fn add_person(state: &Shared, account: &Account, values: Values) -> Result<i64, Problem> {
    let account = account.clone();
    state
        .desk(move |d| {
            let desk = values.required("desk")?.to_owned();
            account.check_change(&desk)?;
            let person = NewPerson {
                profile: profile_of(&values, d.today())?,
                codice_fiscale: values.text("codice_fiscale").map(|c| parse::codice_fiscale("codice_fiscale", c)).transpose()?,
                comune: values.text("comune").map(str::to_owned),
                desk,
                case_manager: values.text("case_manager").map(str::to_owned),
                arrival: values.word::<Arrival>("arrival")?,
                arrival_date: values.day_opt("arrival_date")?,
            };
            d.add_person(&account.reader(), &person)
        })
        .await
}

/// The profile typed or pasted, with the name fields of the form (which win).
fn profile_of(v: &Values, today: sportello::desk::Day) -> Result<Profile, DeskError> {
    let mut profile = match v.text("profile") {
        Some(text) => read_profile(text, today)?,
        None => {
            let bare = serde_json::json!({"person": {"given_name": v.text("given_name").unwrap_or_default(), "family_name": v.text("family_name").unwrap_or_default()}});
            serde_json::from_value(bare)
                .map_err(|e| DeskError::invalid("given_name", format!("nome o cognome non validi ({e})"), format!("invalid name ({e})")))?
        }
    };
    if let Some(g) = v.text("given_name") {
        profile.person.given_name = g.to_owned();
    }
    if let Some(f) = v.text("family_name") {
        profile.person.family_name = f.to_owned();
    }
    Ok(profile)
}
