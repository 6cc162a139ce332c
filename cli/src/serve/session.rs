//! Who is logged in: sessions kept in the server's memory, named by a random token in an
//! HttpOnly, SameSite=Strict cookie (Secure under HTTPS), each with its own CSRF token;
//! and the login throttle, which refuses further attempts for a name or an address after
//! [`MAX_FAILURES`] failures within [`WINDOW`].

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The session cookie's name.
pub const COOKIE: &str = "sportello_session";
/// The cookie that carries the login form's CSRF token (before there is a session).
pub const LOGIN_COOKIE: &str = "sportello_login";
/// The language cookie (`it` or `en`).
pub const LANG_COOKIE: &str = "sportello_lang";
/// A session ends after this long without a request.
pub const IDLE: Duration = Duration::from_secs(60 * 60);
/// And after this long in any case.
pub const MAX_AGE: Duration = Duration::from_secs(10 * 60 * 60);
/// Failed logins allowed per name and per address within [`WINDOW`].
pub const MAX_FAILURES: u32 = 5;
/// The window of the throttle.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

/// A logged-in session.
#[derive(Debug, Clone)]
pub struct Session {
    /// The account's username (the account itself is read again on every request).
    pub username: String,
    /// The token every change must carry.
    pub csrf: String,
    started: Instant,
    seen: Instant,
}

/// The sessions and the login throttle.
#[derive(Default)]
pub struct Sessions {
    live: Mutex<HashMap<String, Session>>,
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

impl Sessions {
    /// Starts a session for `username`: returns its token.
    pub fn start(&self, username: &str) -> String {
        let token = random_token();
        let now = Instant::now();
        let session = Session { username: username.to_owned(), csrf: random_token(), started: now, seen: now };
        if let Ok(mut live) = self.live.lock() {
            live.retain(|_, s| s.alive(now));
            live.insert(token.clone(), session);
        }
        token
    }

    /// The session of `token`, if it is alive (and marks it seen).
    pub fn get(&self, token: &str) -> Option<Session> {
        let now = Instant::now();
        let mut live = self.live.lock().ok()?;
        match live.get_mut(token) {
            Some(s) if s.alive(now) => {
                s.seen = now;
                Some(s.clone())
            }
            Some(_) => {
                live.remove(token);
                None
            }
            None => None,
        }
    }

    /// Ends the session of `token`.
    pub fn end(&self, token: &str) {
        if let Ok(mut live) = self.live.lock() {
            live.remove(token);
        }
    }

    /// How long `keys` (a name, an address) must still wait before trying again, if they
    /// have used up their failures.
    pub fn throttled(&self, keys: &[String]) -> Option<Duration> {
        let now = Instant::now();
        let failures = self.failures.lock().ok()?;
        keys.iter()
            .filter_map(|k| failures.get(k))
            .filter(|(n, first)| *n >= MAX_FAILURES && now.duration_since(*first) < WINDOW)
            .map(|(_, first)| WINDOW.saturating_sub(now.duration_since(*first)))
            .max()
    }

    /// Counts a failed login against `keys`.
    pub fn failed(&self, keys: &[String]) {
        let now = Instant::now();
        if let Ok(mut failures) = self.failures.lock() {
            failures.retain(|_, (_, first)| now.duration_since(*first) < WINDOW);
            for k in keys {
                failures.entry(k.clone()).or_insert((0, now)).0 += 1;
            }
        }
    }

    /// Forgets the failures of `keys` (after a successful login).
    pub fn succeeded(&self, keys: &[String]) {
        if let Ok(mut failures) = self.failures.lock() {
            for k in keys {
                failures.remove(k);
            }
        }
    }
}

impl Session {
    fn alive(&self, now: Instant) -> bool {
        now.duration_since(self.seen) < IDLE && now.duration_since(self.started) < MAX_AGE
    }
}

/// 32 random bytes as hex, from the operating system's generator.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    // The OS generator does not fail on the systems the server runs on; if it ever did,
    // a token of zeros would be guessable, so stop rather than go on.
    getrandom::fill(&mut bytes).expect("the operating system's random generator failed");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two tokens in time independent of where they differ.
pub fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The value of cookie `name` in a `Cookie` header.
pub fn cookie<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').filter_map(|c| c.trim().split_once('=')).find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Strict, path `/`, Secure when `secure`;
/// `max_age` 0 removes it.
pub fn set_cookie(name: &str, value: &str, secure: bool, max_age: Option<u64>) -> String {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict");
    if secure {
        c.push_str("; Secure");
    }
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_start_and_end() {
        let s = Sessions::default();
        let t = s.start("anna");
        assert_eq!(t.len(), 64);
        let got = s.get(&t).unwrap();
        assert_eq!(got.username, "anna");
        assert_ne!(got.csrf, t);
        s.end(&t);
        assert!(s.get(&t).is_none());
        assert!(s.get("nonsense").is_none());
    }

    #[test]
    fn the_throttle_counts_per_key() {
        let s = Sessions::default();
        let keys = ["name:anna".to_owned(), "ip:127.0.0.1".to_owned()];
        for _ in 0..MAX_FAILURES - 1 {
            s.failed(&keys);
        }
        assert!(s.throttled(&keys).is_none());
        s.failed(&keys);
        assert!(s.throttled(&keys[..1]).is_some());
        assert!(s.throttled(&["name:bruno".to_owned()]).is_none());
        s.succeeded(&keys);
        assert!(s.throttled(&keys).is_none());
    }

    #[test]
    fn cookies_and_tokens() {
        assert_eq!(cookie("a=1; sportello_session=xyz; b=2", COOKIE), Some("xyz"));
        assert_eq!(cookie("a=1", COOKIE), None);
        assert!(set_cookie(COOKIE, "v", true, None).contains("HttpOnly; SameSite=Strict; Secure"));
        assert!(same_token("abc", "abc") && !same_token("abc", "abd") && !same_token("abc", "ab"));
    }
}
