//! What the server's requests share: the state (database connections, sessions, the
//! index), the login check every page and API call goes through ([`Auth`]), the reader's
//! language, today, and the reading of URL-encoded forms.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use sportello::desk::{Account, Day, Desk, DeskError};
use sportello::lang::Lang;
use sportello::matching::Matcher;
use sportello::matching::index::VacancyIndex;

use super::html::percent;
use super::pool::Pool;
use super::problem::Problem;
use super::session::{COOKIE, LANG_COOKIE, Sessions, cookie};

/// What every request shares.
pub struct AppState {
    pub pool: Pool,
    pub sessions: Sessions,
    /// The vacancy index (Tantivy), read by matching and written by uploads.
    pub index: VacancyIndex,
    pub index_dir: PathBuf,
    /// Uploads to the index one at a time (Tantivy has one writer).
    pub index_writer: tokio::sync::Mutex<()>,
    /// The jobseekers' widget (its built `dist/` folder), served publicly if present.
    pub widget: Option<PathBuf>,
    /// The desks' logo, printed on posters, bulletins and letters.
    pub logo: Option<sportello::outreach::Logo>,
    /// Cookies get `Secure` (the server is reached over HTTPS, directly or through a proxy).
    pub secure: bool,
}

/// The state as handlers receive it.
pub type Shared = Arc<AppState>;

impl AppState {
    /// Runs `f` on a database connection (on a blocking thread).
    pub async fn desk<T: Send + 'static>(&self, f: impl FnOnce(&mut Desk) -> Result<T, DeskError> + Send + 'static) -> Result<T, Problem> {
        self.pool.run(today(), f).await.map_err(Problem::from)
    }

    /// The core's matcher for today.
    pub fn matcher(&self) -> Result<Matcher<'static>, Problem> {
        crate::taxonomy_store::matcher(today().as_partial()).map_err(|e| {
            Problem::new(
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "taxonomy",
                "taxonomy",
                e.message().to_owned(),
                e.message().to_owned(),
            )
        })
    }
}

/// Runs CPU-heavy or blocking work (matching, rendering, the index) off the async threads.
/// Work that panicked answers 500; nothing else is lost.
pub async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T, Problem> + Send + 'static) -> Result<T, Problem> {
    tokio::task::spawn_blocking(f).await.unwrap_or_else(|_| Err(Problem::internal()))
}

/// One Typst renderer for the server's life (its fonts are loaded once): CVs and reports.
pub fn renderer() -> &'static sportello::render::Renderer {
    static R: std::sync::OnceLock<sportello::render::Renderer> = std::sync::OnceLock::new();
    R.get_or_init(sportello::render::Renderer::new)
}

/// Today (`SPORTELLO_TODAY` when set, for tests and demos).
pub fn today() -> Day {
    crate::output::today().ok().and_then(|d| Day::try_from(d).ok()).unwrap_or_else(Day::today)
}

/// The reader's language: the language cookie, else Italian.
pub fn lang_of(headers: &HeaderMap) -> Lang {
    headers.get(header::COOKIE).and_then(|v| v.to_str().ok()).and_then(|c| cookie(c, LANG_COOKIE)).and_then(Lang::parse).unwrap_or(Lang::It)
}

/// A logged-in request: the account as it stands now, the session's CSRF token and the
/// reader's language. Pages without a session redirect to the login; the API answers 401.
pub struct Auth {
    pub account: Account,
    pub csrf: String,
    pub lang: Lang,
    pub token: String,
}

impl FromRequestParts<Shared> for Auth {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Auth, Response> {
        let lang = lang_of(&parts.headers);
        // Inside `/api` the router sees the path without its prefix: read the original.
        let uri = parts.extensions.get::<axum::extract::OriginalUri>().map_or(&parts.uri, |o| &o.0);
        let api = uri.path().starts_with("/api/");
        let refuse = || {
            if api {
                Problem::login_needed().json()
            } else {
                let back = uri.path_and_query().map_or("/oggi", |p| p.as_str());
                Redirect::to(&format!("/login?torna={}", percent(back))).into_response()
            }
        };
        let token = session_token(&parts.headers);
        let Some((token, session)) = token.and_then(|t| state.sessions.get(&t).map(|s| (t, s))) else { return Err(refuse()) };
        let username = session.username.clone();
        match state.desk(move |d| d.account(&username)).await {
            Ok(account) => Ok(Auth { account, csrf: session.csrf, lang, token }),
            Err(_) => {
                state.sessions.end(&token);
                Err(refuse())
            }
        }
    }
}

/// The session token of a request's cookie.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    headers.get(header::COOKIE).and_then(|v| v.to_str().ok()).and_then(|c| cookie(c, COOKIE)).map(str::to_owned)
}

/// The value of `key` in a URL-encoded form or query.
pub fn form_value(encoded: &str, key: &str) -> Option<String> {
    form_pairs(encoded).into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// The pairs of a URL-encoded form or query.
pub fn form_pairs(encoded: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str(encoded).unwrap_or_default()
}

/// Form pairs as a map (the last value of a repeated key wins).
pub fn form_map(pairs: Vec<(String, String)>) -> HashMap<String, String> {
    pairs.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn work_that_panics_off_the_async_threads_answers_500_in_both_languages() {
        let p = blocking::<()>(|| panic!("a bug")).await.unwrap_err();
        assert_eq!(p.status, axum::http::StatusCode::INTERNAL_SERVER_ERROR);
        assert!(p.message(Lang::It).contains("niente è stato cambiato"));
        assert_eq!(blocking(|| Ok(7)).await.ok(), Some(7));
    }
}
