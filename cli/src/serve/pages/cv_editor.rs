//! `GET /persone/{id}/cv`: the person's CV in the jobseekers' editor (`<sportello-cv>`, when
//! the widget is served), loaded from the file and saved back to it through the API with
//! the version it was loaded at, so a save over someone else's change is a conflict. The
//! page has the widget's Content-Security-Policy (its WebAssembly); the file page keeps
//! the strict one. The widget's service worker is off here (`offline="off"`): a page about a
//! person is never kept in the browser.

use axum::extract::{Path, State};
use axum::response::{Html, IntoResponse, Response};
use sportello::desk::Access;

use crate::serve::html::{Frame, Nav, esc, t};
use crate::serve::problem::Problem;
use crate::serve::state::{Auth, Shared};

pub async fn page(State(state): State<Shared>, auth: Auth, Path(id): Path<i64>) -> Response {
    let lang = auth.lang;
    if state.widget.is_none() {
        return Problem::not_found("widget").page(lang);
    }
    let account = auth.account.clone();
    let person = state
        .desk(move |d| {
            d.authorize(&account, id, Access::Change)?;
            d.person(id)
        })
        .await;
    let person = match person {
        Ok(p) => p,
        Err(p) => return p.page(lang),
    };
    let body = format!(
        "<p><a href=\"/persone/{id}\">{back}</a></p>\
         <div id=\"cv-editor\" data-person=\"{id}\" data-csrf=\"{csrf}\" data-saved=\"{saved}\" data-conflict=\"{conflict}\">\
         <p><button type=\"button\" data-save-cv>{save}</button></p><p role=\"status\" id=\"cv-status\"></p>\
         <sportello-cv lang=\"{code}\" storage-key=\"sportello-console-cv\" offline=\"off\"></sportello-cv></div>\
         <script type=\"module\" src=\"/widget/sportello-cv.js\"></script><script type=\"module\" src=\"/static/console-cv.js\"></script>",
        back = t(lang, "‹ Torna alla scheda", "‹ Back to the file"),
        csrf = esc(&auth.csrf),
        save = t(lang, "Salva il CV nella scheda", "Save the CV to the file"),
        saved = t(lang, "Salvato nella scheda.", "Saved to the file."),
        conflict = t(lang, "Non salvato:", "Not saved:"),
        code = lang.as_str(),
    );
    let title = format!("{} {} {}", t(lang, "CV di", "CV of"), person.given_name, person.family_name);
    let here = format!("/persone/{id}/cv");
    Html(Frame { lang, title: &title, account: Some(&auth.account), csrf: Some(&auth.csrf), nav: Nav::Caseload, here: &here }.render(&body))
        .into_response()
}
