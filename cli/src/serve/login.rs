//! One login attempt, as the login page and the API make it: the throttle first (per name
//! and per address), then the core's check (Argon2id, audited), then a new session.

use std::net::SocketAddr;

use axum::http::StatusCode;

use super::problem::Problem;
use super::session::MAX_FAILURES;
use super::state::AppState;

/// Logs `username` in: the new session's token, or why not.
pub async fn attempt(state: &AppState, username: &str, password: &str, from: SocketAddr) -> Result<String, Problem> {
    let keys = [format!("name:{}", username.trim().to_lowercase()), format!("addr:{}", from.ip())];
    if let Some(wait) = state.sessions.throttled(&keys) {
        let minutes = wait.as_secs().div_ceil(60);
        return Err(Problem::new(
            StatusCode::TOO_MANY_REQUESTS,
            "throttled",
            "login",
            format!("troppi tentativi falliti ({MAX_FAILURES}): riprovare tra {minutes} minuti"),
            format!("too many failed attempts ({MAX_FAILURES}): try again in {minutes} minutes"),
        ));
    }
    let (name, pass) = (username.trim().to_owned(), password.to_owned());
    match state.desk(move |d| d.login(&name, &pass)).await {
        Ok(account) => {
            state.sessions.succeeded(&keys);
            Ok(state.sessions.start(&account.username))
        }
        Err(p) => {
            state.sessions.failed(&keys);
            Err(p)
        }
    }
}
