//! Errors as the server answers them: each kind of desk error has its HTTP status
//! (a refusal 403, a missing record 404, a stale form 409, a broken rule 422, a busy or
//! full disk 503), worded in Italian and English by the core; pages show them in the
//! reader's language, the API gives both.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use sportello::desk::{DeskError, DeskErrorKind};
use sportello::lang::Lang;

use super::html::{Frame, Nav, esc, t};

/// A refusal or failure, with its status and wording.
#[derive(Debug, Clone)]
pub struct Problem {
    pub status: StatusCode,
    /// A short wire name (`forbidden`, `conflict`...).
    pub kind: &'static str,
    /// The field or record it is about.
    pub field: String,
    pub it: String,
    pub en: String,
}

impl Problem {
    pub fn new(status: StatusCode, kind: &'static str, field: &str, it: impl Into<String>, en: impl Into<String>) -> Problem {
        Problem { status, kind, field: field.to_owned(), it: it.into(), en: en.into() }
    }

    /// The wording in `lang`, with the field first.
    pub fn message(&self, lang: Lang) -> String {
        let text = lang.pick(&self.it, &self.en);
        if self.field.is_empty() { text.to_owned() } else { format!("{}: {text}", self.field) }
    }

    /// Not logged in (or the session ended).
    pub fn login_needed() -> Problem {
        Problem::new(
            StatusCode::UNAUTHORIZED,
            "unauthenticated",
            "",
            "accedere di nuovo: la sessione non è attiva",
            "log in again: the session is not active",
        )
    }

    /// A change without the right CSRF token.
    pub fn csrf() -> Problem {
        Problem::new(
            StatusCode::FORBIDDEN,
            "csrf",
            "_csrf",
            "modifica rifiutata: il modulo non viene da questa sessione (ricaricare la pagina)",
            "change refused: the form does not come from this session (reload the page)",
        )
    }

    /// Something that is not there.
    pub fn not_found(what: &str) -> Problem {
        Problem::new(StatusCode::NOT_FOUND, "not_found", what, "non trovato", "not found")
    }

    /// A failure inside the server (work that panicked): nothing was changed.
    pub fn internal() -> Problem {
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "",
            "errore interno del server: niente è stato cambiato, riprovare",
            "internal server error: nothing was changed, try again",
        )
    }

    /// A bad request: an option or an upload the server cannot take.
    pub fn bad(field: &str, it: impl Into<String>, en: impl Into<String>) -> Problem {
        Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid", field, it, en)
    }

    /// As a page in `lang`.
    pub fn page(&self, lang: Lang) -> Response {
        let title = t(lang, "Non è stato possibile", "This could not be done");
        let back = t(lang, "Torna alla pagina di prima o a", "Go back to the page before or to");
        let body = format!(
            "<p class=\"problem\" role=\"alert\">{}</p><p>{back} <a href=\"/oggi\">{}</a>.</p>",
            esc(&self.message(lang)),
            t(lang, "Oggi", "Today")
        );
        let frame = Frame { lang, title, account: None, csrf: None, nav: Nav::None, here: "/oggi" };
        (self.status, Html(frame.render(&body))).into_response()
    }

    /// As JSON: `{"error": {"kind", "field", "it", "en"}}`.
    pub fn json(&self) -> Response {
        let body = serde_json::json!({"error": {"kind": self.kind, "field": self.field, "it": self.it, "en": self.en}});
        (self.status, Json(body)).into_response()
    }
}

impl From<DeskError> for Problem {
    fn from(e: DeskError) -> Problem {
        let (status, kind) = match e.kind {
            DeskErrorKind::Invalid => (StatusCode::UNPROCESSABLE_ENTITY, "invalid"),
            DeskErrorKind::NotFound => (StatusCode::NOT_FOUND, "not_found"),
            DeskErrorKind::Order => (StatusCode::UNPROCESSABLE_ENTITY, "order"),
            DeskErrorKind::Conflict => (StatusCode::CONFLICT, "conflict"),
            DeskErrorKind::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
            DeskErrorKind::Database => (StatusCode::INTERNAL_SERVER_ERROR, "database"),
            _ => (StatusCode::SERVICE_UNAVAILABLE, "storage"),
        };
        Problem { status, kind, field: e.field.clone(), it: e.wording(Lang::It).to_owned(), en: e.wording(Lang::En).to_owned() }
    }
}

impl From<sportello::Error> for Problem {
    fn from(e: sportello::Error) -> Problem {
        let (it, en) = match &e {
            sportello::Error::Invalid(report) => (words(report, Lang::It), words(report, Lang::En)),
            other => (other.to_string(), other.to_string()),
        };
        Problem::new(StatusCode::UNPROCESSABLE_ENTITY, e.kind(), "", it, en)
    }
}

/// A report's problems in `lang`, one after the other.
fn words(report: &sportello::problem::Report, lang: Lang) -> String {
    report
        .problems
        .iter()
        .map(|p| if p.path.is_empty() { p.rule.message(lang) } else { format!("{}: {}", p.path, p.rule.message(lang)) })
        .collect::<Vec<_>>()
        .join("; ")
}
