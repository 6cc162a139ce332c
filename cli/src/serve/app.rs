//! The application: every route, the CSRF check on every change and the security headers
//! on every answer, and serving it (plain TCP or TLS).

use std::net::SocketAddr;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};

use super::problem::Problem;
use super::session::same_token;
use super::state::{Shared, form_value, lang_of, session_token};
use super::tls::Client;

/// The largest form or JSON body a change may send (an uploaded feed has its own limit).
pub const MAX_FORM_BYTES: usize = 2 * 1024 * 1024;

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
