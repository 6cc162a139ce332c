//! Logging in and out, and the language switch.

use axum::Form;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{AppendHeaders, Html, IntoResponse, Redirect, Response};
use serde::Deserialize;
use sportello::lang::Lang;

use crate::serve::html::{Frame, Nav, esc, t};
use crate::serve::problem::Problem;
use crate::serve::session::{COOKIE, LANG_COOKIE, LOGIN_COOKIE, cookie, random_token, same_token, set_cookie};
use crate::serve::state::{Auth, Shared, lang_of};
use crate::serve::tls::Client;

#[derive(Deserialize, Default)]
pub struct Back {
    torna: Option<String>,
}

#[derive(Deserialize)]
pub struct LoginForm {
    username: String,
    password: String,
    #[serde(default)]
    _login: String,
    #[serde(default)]
    torna: String,
}

/// Only a path of this site is a place to go back to.
fn local(path: Option<&str>) -> String {
    match path {
        Some(p) if p.starts_with('/') && !p.starts_with("//") && !p.contains('\\') => p.to_owned(),
        _ => "/oggi".to_owned(),
    }
}

fn login_page(lang: Lang, token: &str, back: &str, username: &str, problem: Option<&str>) -> String {
    let problem = problem.map(|p| format!("<p class=\"problem\" role=\"alert\" id=\"login-problem\">{}</p>", esc(p))).unwrap_or_default();
    let body = format!(
        "{problem}<form method=\"post\" action=\"/login\" class=\"form\"><input type=\"hidden\" name=\"_login\" value=\"{token}\">\
         <input type=\"hidden\" name=\"torna\" value=\"{back}\">\
         <label for=\"username\">{user}</label><input id=\"username\" name=\"username\" autocomplete=\"username\" required value=\"{username}\">\
         <label for=\"password\">{pass}</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\
         <button type=\"submit\">{enter}</button></form>",
        back = esc(back),
        username = esc(username),
        user = t(lang, "Nome utente", "Username"),
        pass = t(lang, "Password", "Password"),
        enter = t(lang, "Accedi", "Log in"),
    );
    Frame { lang, title: t(lang, "Accesso alla console", "Console login"), account: None, csrf: None, nav: Nav::None, here: "/login" }
        .render(&body)
}

/// The login form, with a fresh token in its own cookie (login CSRF).
pub async fn form(State(state): State<Shared>, headers: HeaderMap, Query(q): Query<Back>) -> Response {
    let token = random_token();
    let lang = lang_of(&headers);
    let page = login_page(lang, &token, &local(q.torna.as_deref()), "", None);
    (AppendHeaders([(header::SET_COOKIE, set_cookie(LOGIN_COOKIE, &token, state.secure, None))]), Html(page)).into_response()
}

/// Checks the login: throttled per name and per address, audited by the core.
pub async fn submit(
    State(state): State<Shared>,
    ConnectInfo(Client(addr)): ConnectInfo<Client>,
    headers: HeaderMap,
    Form(f): Form<LoginForm>,
) -> Response {
    let lang = lang_of(&headers);
    let back = local(Some(&f.torna));
    let again = |status: StatusCode, message: &str| {
        let token = random_token();
        let page = login_page(lang, &token, &back, &f.username, Some(message));
        (status, AppendHeaders([(header::SET_COOKIE, set_cookie(LOGIN_COOKIE, &token, state.secure, None))]), Html(page)).into_response()
    };
    let cookie_token = headers.get(header::COOKIE).and_then(|v| v.to_str().ok()).and_then(|c| cookie(c, LOGIN_COOKIE)).unwrap_or_default();
    if cookie_token.is_empty() || !same_token(cookie_token, &f._login) {
        return again(StatusCode::FORBIDDEN, &Problem::csrf().message(lang));
    }
    match super::super::login::attempt(&state, &f.username, &f.password, addr).await {
        Ok(token) => (
            AppendHeaders([
                (header::SET_COOKIE, set_cookie(COOKIE, &token, state.secure, None)),
                (header::SET_COOKIE, set_cookie(LOGIN_COOKIE, "", state.secure, Some(0))),
            ]),
            Redirect::to(&back),
        )
            .into_response(),
        Err(p) => again(p.status, &p.message(lang)),
    }
}

/// Ends the session.
pub async fn logout(State(state): State<Shared>, auth: Auth) -> Response {
    state.sessions.end(&auth.token);
    (AppendHeaders([(header::SET_COOKIE, set_cookie(COOKIE, "", state.secure, Some(0)))]), Redirect::to("/login")).into_response()
}

/// Switches the language and goes back.
pub async fn language(State(state): State<Shared>, Path(code): Path<String>, Query(q): Query<Back>) -> Response {
    let lang = Lang::parse(&code).unwrap_or(Lang::It);
    let cookie = set_cookie(LANG_COOKIE, lang.as_str(), state.secure, Some(365 * 24 * 60 * 60));
    (AppendHeaders([(header::SET_COOKIE, cookie)]), Redirect::to(&local(q.torna.as_deref()))).into_response()
}
