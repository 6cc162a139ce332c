//! The server's shared state, the login check every page and API call goes through, the
//! CSRF check on every change, the security headers on every answer, and the routes.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use sportello::desk::{Account, Day, Desk, DeskError};
use sportello::lang::Lang;
use sportello::matching::Matcher;
use sportello::matching::index::VacancyIndex;

use super::html::percent;
use super::pool::Pool;
use super::problem::Problem;
use super::session::{COOKIE, LANG_COOKIE, Sessions, cookie, same_token};
use super::tls::Client;

/// The largest form or JSON body a change may send (an uploaded feed has its own limit).
pub const MAX_FORM_BYTES: usize = 2 * 1024 * 1024;

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

/// Refuses a change (any method but GET and HEAD) that does not carry the session's CSRF
/// token: in the `X-CSRF-Token` header (the API, scripts), in the form's `_csrf` field,
/// or, for file uploads, in the `_csrf` query parameter. The login form has its own check.
async fn csrf_check(State(state): State<Shared>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD) || matches!(req.uri().path(), "/login" | "/api/login") {
        return next.run(req).await;
    }
    let lang = lang_of(req.headers());
    let api = req.uri().path().starts_with("/api/");
    let answer = |p: Problem| if api { p.json() } else { p.page(lang) };
    let Some(session) = session_token(req.headers()).and_then(|t| state.sessions.get(&t)) else {
        return if api { Problem::login_needed().json() } else { Redirect::to("/login").into_response() };
    };
    let header_token = req.headers().get("x-csrf-token").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let query_token = req.uri().query().and_then(|q| form_value(q, "_csrf"));
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|c| c.starts_with("application/x-www-form-urlencoded"));
    let (req, form_token) = if is_form && header_token.is_none() {
        let (parts, body) = req.into_parts();
        let Ok(bytes) = to_bytes(body, MAX_FORM_BYTES).await else {
            return answer(Problem::bad("form", "il modulo è troppo grande (al massimo 2 MB)", "the form is too large (at most 2 MB)"));
        };
        let token = std::str::from_utf8(&bytes).ok().and_then(|b| form_value(b, "_csrf"));
        (Request::from_parts(parts, Body::from(bytes)), token)
    } else {
        (req, None)
    };
    match header_token.or(form_token).or(query_token) {
        Some(t) if same_token(&t, &session.csrf) => next.run(req).await,
        _ => answer(Problem::csrf()),
    }
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

/// The Content-Security-Policy of the console: nothing inline, nothing from elsewhere.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
                       form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
/// The widget's: the same, and its WebAssembly may be compiled (`wasm-unsafe-eval`), its
/// worker started and its PDFs shown from `blob:` addresses.
pub const WIDGET_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self' 'unsafe-inline'; \
                              img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-src blob:; object-src blob:; \
                              form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Headers on every answer: the CSP, no sniffing, no referrer, no framing, and no caching
/// of anything but the static files (pages hold personal data).
async fn security_headers(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let widget = path.starts_with("/widget/") || (path.starts_with("/persone/") && path.ends_with("/cv"));
    let csp = if widget { WIDGET_CSP } else { CSP };
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(csp));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !(path.starts_with("/static/") || path.starts_with("/widget/")) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// Every route of the server.
pub fn router(state: Shared) -> Router {
    Router::new()
        .merge(super::pages::routes())
        .nest("/api", super::api::routes())
        .merge(super::public::routes())
        .layer(middleware::from_fn_with_state(state.clone(), csrf_check))
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

/// Serves `app` on `listener` (plain TCP, or TLS) until interrupted (Ctrl-C).
pub async fn serve<L>(listener: L, app: Router) -> std::io::Result<()>
where
    L: axum::serve::Listener<Addr = SocketAddr>,
    Client: for<'a> axum::extract::connect_info::Connected<axum::serve::IncomingStream<'a, L>>,
{
    axum::serve(listener, app.into_make_service_with_connect_info::<Client>())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
