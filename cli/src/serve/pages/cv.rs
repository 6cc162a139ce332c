//! `GET /persone/{id}/cv.pdf?modello=`: the person's CV as a tagged PDF, rendered by the
//! core's Typst renderer from the stored profile (sensitive data only for readers allowed
//! to see it, as in the file).

use axum::extract::{Path, Query, State};
use axum::response::Response;
use sportello::desk::Access;
use sportello::render::RenderRequest;

use super::person::CV_TEMPLATES;
use crate::serve::html::download;
use crate::serve::problem::Problem;
use crate::serve::state::{Auth, Shared, blocking, form_map, renderer, today};

pub async fn pdf(State(state): State<Shared>, auth: Auth, Path(id): Path<i64>, Query(q): Query<Vec<(String, String)>>) -> Response {
    let lang = auth.lang;
    let template = form_map(q).remove("modello").unwrap_or_else(|| "europass".to_owned());
    if !CV_TEMPLATES.contains(&template.as_str()) {
        return Problem::bad(
            "modello",
            format!("modello sconosciuto (ammessi: {})", CV_TEMPLATES.join(", ")),
            format!("unknown template (expected one of {})", CV_TEMPLATES.join(", ")),
        )
        .page(lang);
    }
    let account = auth.account.clone();
    let file = state
        .desk(move |d| {
            d.authorize(&account, id, Access::Read)?;
            d.person_file(&account.reader(), id)
        })
        .await;
    let file = match file {
        Ok(f) => f,
        Err(p) => return p.page(lang),
    };
    let name = format!("cv-{}-{}.pdf", file.person.family_name, template);
    let rendered = blocking(move || {
        let mut req = RenderRequest::pdf(&template, lang.as_str());
        req.today = Some(today().as_partial());
        renderer().render(&file.profile, &req).map_err(Problem::from)
    })
    .await;
    match rendered {
        Ok(r) => download("application/pdf", &name, r.files.into_iter().next().unwrap_or_default()),
        Err(p) => p.page(lang),
    }
}
