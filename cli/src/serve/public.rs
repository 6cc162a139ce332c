//! What is served without login: the console's own style sheet and script, the jobseekers'
//! widget (its built folder, on a page of its own) and the vacancy feed it reads, made from
//! the index, so that a comune can link to both.

use std::path::{Component, Path as FsPath};

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;

use super::html::{Frame, Nav, t};
use super::problem::Problem;
use super::state::{Shared, blocking, lang_of};

const CSS: &str = include_str!("assets/console.css");
const JS: &str = include_str!("assets/console.js");
const CV_JS: &str = include_str!("assets/console-cv.js");

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/static/console.css", get(|| async { ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], CSS) }))
        .route("/static/console.js", get(|| async { ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], JS) }))
        .route("/static/console-cv.js", get(|| async { ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], CV_JS) }))
        .route("/widget/", get(widget_page))
        .route("/widget/{*file}", get(widget_file))
        .route("/feed/vacancies.json", get(feed))
}

/// The widget on a page of the server, reading the server's feed.
async fn widget_page(State(state): State<Shared>, headers: axum::http::HeaderMap) -> Response {
    let lang = lang_of(&headers);
    if state.widget.is_none() {
        return Problem::not_found("widget").page(lang);
    }
    let body = format!(
        "<p>{}</p><script type=\"module\" src=\"/widget/sportello-cv.js\"></script><sportello-cv feed=\"/feed/vacancies.json\" lang=\"{}\"></sportello-cv>",
        t(
            lang,
            "Scrivi il tuo CV: resta su questo computer, niente viene inviato.",
            "Write your CV: it stays on this computer, nothing is sent."
        ),
        lang.as_str()
    );
    Html(Frame { lang, title: t(lang, "Il tuo CV", "Your CV"), account: None, csrf: None, nav: Nav::None, here: "/widget/" }.render(&body))
        .into_response()
}

/// A file of the widget's folder (no path outside it).
async fn widget_file(State(state): State<Shared>, Path(file): Path<String>) -> Response {
    let Some(root) = &state.widget else { return StatusCode::NOT_FOUND.into_response() };
    let rel = FsPath::new(&file);
    if !rel.components().all(|c| matches!(c, Component::Normal(_))) {
        return StatusCode::NOT_FOUND.into_response();
    }
    match tokio::fs::read(root.join(rel)).await {
        Ok(bytes) => ([(header::CONTENT_TYPE, content_type(&file))], bytes).into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

fn content_type(file: &str) -> &'static str {
    match file.rsplit_once('.').map(|(_, e)| e) {
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("css") => "text/css; charset=utf-8",
        Some("html") => "text/html; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("ttf") => "font/ttf",
        Some("otf") => "font/otf",
        Some("woff2") => "font/woff2",
        Some("txt" | "ts") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Every vacancy of the index as the widget's JSON feed.
async fn feed(State(state): State<Shared>) -> Response {
    let shared = state.clone();
    let all = blocking(move || shared.index.vacancies().map_err(Problem::from)).await;
    match all {
        Ok(v) => axum::Json(v).into_response(),
        Err(p) => p.json(),
    }
}
