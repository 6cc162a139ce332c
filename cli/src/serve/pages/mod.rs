//! The console's pages: plain HTML forms that work without script, Italian by default.

pub mod caseload;
pub mod changes;
mod cv;
mod cv_editor;
mod login;
pub mod matches;
mod outreach;
mod person;
mod reports;
mod today;
mod vacancies;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::response::Redirect;
use axum::routing::{get, post};

use super::state::Shared;
use changes::form;

pub use vacancies::MAX_UPLOAD_BYTES;

/// Every page and form.
pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/oggi") }))
        .route("/login", get(login::form).post(login::submit))
        .route("/logout", post(login::logout))
        .route("/lingua/{code}", get(login::language))
        .route("/oggi", get(today::page))
        .route("/persone", get(caseload::page).post(caseload::create))
        .route("/persone/nuova", get(caseload::new_form))
        .route("/persone/{id}", get(person::page))
        .route("/persone/{id}/profilo", form(&changes::PROFILE))
        .route("/persone/{id}/percorsi", form(&changes::OPEN_PATH))
        .route("/persone/{id}/appuntamenti", form(&changes::BOOK))
        .route("/persone/{id}/esiti", form(&changes::OUTCOME))
        .route("/persone/{id}/note", form(&changes::NOTE))
        .route("/persone/{id}/informativa", form(&changes::NOTICE))
        .route("/persone/{id}/consensi", form(&changes::CONSENT))
        .route("/persone/{id}/condivisioni", form(&changes::SHARE))
        .route("/persone/{id}/cv.pdf", get(cv::pdf))
        .route("/persone/{id}/lettera", get(outreach::letter_pdf))
        .route("/persone/{id}/cv", get(cv_editor::page))
        .route("/persone/{id}/offerte", get(matches::for_person))
        .route("/persone/{id}/proposte", form(&changes::PROPOSE))
        .route("/percorsi/{id}/eventi", form(&changes::EVENT))
        .route("/appuntamenti/{id}/chiudi", form(&changes::CLOSE))
        .route("/appuntamenti/{id}/sposta", form(&changes::MOVE))
        .route("/offerte", get(vacancies::page).post(vacancies::upload).layer(DefaultBodyLimit::max(MAX_UPLOAD_BYTES)))
        .route("/offerte/{id}/rimuovi", post(vacancies::remove))
        .route("/offerte/{id}/manifesto.pdf", get(outreach::poster_pdf))
        .route("/offerte/bollettino", get(outreach::bulletin_file))
        .route("/recruiting-day", get(outreach::recruiting_page))
        .route("/recruiting-day/scarica", get(outreach::recruiting_file))
        .route("/offerte/{id}/candidati", get(matches::shortlist))
        .route("/rapporti", get(reports::page))
        .route("/rapporti/scarica", get(reports::download))
}
