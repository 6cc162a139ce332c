//! `sportello serve` from outside: the real binary on a free port of 127.0.0.1, a desk
//! database made by `desk demo`, the shared vacancy fixtures in a real index, and plain
//! HTTP/1.1 over a socket. These are the refusals (wrong password and the throttle,
//! another desk's person, a change without the CSRF token, a read-only account, a session
//! after logout, a stale form), the API's shape and the security headers; the browser
//! tests (cli/tests/console/) walk the pages.

#![allow(clippy::unwrap_used)]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};

use common::{command, fixtures, text};
use serde_json::{Value, json};

/// The demo's last day: its appointments and paths are current.
const TODAY: &str = "2023-10-31";

/// A running console on a fresh demo database, stopped when dropped.
struct Console {
    _dir: tempfile::TempDir,
    db: std::path::PathBuf,
    child: Child,
    addr: String,
}

impl Drop for Console {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An answer.
#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// A logged-in client.
#[derive(Debug)]
struct Session {
    cookie: String,
    csrf: String,
}

fn run(args: &[&str], stdin: Option<&str>) {
    let mut c = command()
        .env("SPORTELLO_TODAY", TODAY)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(s) = stdin {
        c.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    }
    let out = c.wait_with_output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", text(&out));
}

impl Console {
    fn start() -> Console {
        Console::start_with(&[])
    }

    /// Started with more `serve` options (the paths may name files in the returned folder,
    /// written beforehand by `prepare`).
    fn start_with(extra: &[&str]) -> Console {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("desk.db");
        let index = dir.path().join("index");
        let dbs = db.to_str().unwrap();
        run(&["desk", "demo", "--db", dbs], None);
        let vacancies = fixtures().join("vacancies.jsonl");
        run(&["index", "add", vacancies.to_str().unwrap(), "--index", index.to_str().unwrap()], None);
        for (name, role, desk) in
            [("lmarchetti", "operatore", "trecate"), ("cerano1", "operatore", "cerano"), ("lettore", "lettura", "trecate")]
        {
            run(
                &["serve", "user", "add", name, "--role", role, "--desk", desk, "--password-stdin", "--db", dbs],
                Some("una-password-lunga\n"),
            );
        }
        run(&["serve", "user", "add", "coord", "--role", "coordinatore", "--password-stdin", "--db", dbs], Some("una-password-lunga\n"));
        let mut child = command()
            .env("SPORTELLO_TODAY", TODAY)
            .args(["serve", "--db", dbs, "--index", index.to_str().unwrap(), "--addr", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let addr = line.trim().rsplit("//").next().unwrap().trim_end_matches('/').to_owned();
        Console { _dir: dir, db, child, addr }
    }

    fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Reply {
        let mut s = TcpStream::connect(&self.addr).unwrap();
        let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n", self.addr, body.len());
        for (k, v) in headers {
            req.push_str(&format!("{k}: {v}\r\n"));
        }
        req.push_str("\r\n");
        req.push_str(body);
        // A refused upload may be answered (and the socket closed) before it is all sent.
        let _ = s.write_all(req.as_bytes());
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).unwrap();
        let raw = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = raw.split_once("\r\n\r\n").unwrap();
        let mut lines = head.lines();
        let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
        let headers = lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned())).collect();
        Reply { status, headers, body: body.to_owned() }
    }

    fn login(&self, user: &str, password: &str) -> Result<Session, Reply> {
        let body = json!({"username": user, "password": password}).to_string();
        let r = self.request("POST", "/api/login", &[("Content-Type", "application/json")], &body);
        if r.status != 200 {
            return Err(r);
        }
        let cookie = r.header("set-cookie").unwrap().split(';').next().unwrap().to_owned();
        Ok(Session { cookie, csrf: r.json()["csrf_token"].as_str().unwrap().to_owned() })
    }

    fn get(&self, s: &Session, path: &str) -> Reply {
        self.request("GET", path, &[("Cookie", &s.cookie)], "")
    }

    fn post(&self, s: &Session, path: &str, body: &Value) -> Reply {
        self.request(
            "POST",
            path,
            &[("Cookie", &s.cookie), ("X-CSRF-Token", &s.csrf), ("Content-Type", "application/json")],
            &body.to_string(),
        )
    }

    /// A person of desk `desk` in the demo.
    fn person_of(&self, s: &Session, desk: &str) -> i64 {
        let page = self.get(s, &format!("/api/caseload?desk={desk}")).json();
        page["rows"][0]["person_id"].as_i64().unwrap()
    }
}

#[test]
fn wrong_passwords_are_refused_then_throttled_and_audited() {
    let c = Console::start();
    let r = c.login("lmarchetti", "sbagliata-sbagliata").err().unwrap();
    assert_eq!(r.status, 403);
    assert_eq!(r.json()["error"]["field"], "login");
    // The same refusal for an unknown name (nothing tells which was wrong).
    let unknown = c.login("nessuno", "sbagliata-sbagliata").err().unwrap();
    assert_eq!(unknown.json()["error"]["it"], r.json()["error"]["it"]);
    for _ in 0..3 {
        c.login("lmarchetti", "sbagliata-sbagliata").err().unwrap();
    }
    // Five failures from this address: even the right password waits.
    let throttled = c.login("lmarchetti", "una-password-lunga").err().unwrap();
    assert_eq!(throttled.status, 429);
    assert!(throttled.json()["error"]["it"].as_str().unwrap().contains("troppi tentativi"));
    // Every attempt is in the audit log (the core's verify sees an intact chain).
    let out = command().args(["desk", "audit", "verify", "--db", c.db.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn an_operator_of_another_desk_is_refused_and_the_refusal_is_audited() {
    let c = Console::start();
    let trecate = c.login("lmarchetti", "una-password-lunga").unwrap();
    let cerano = c.login("cerano1", "una-password-lunga").unwrap();
    let anna = c.person_of(&trecate, "trecate");
    let r = c.get(&cerano, &format!("/api/people/{anna}"));
    assert_eq!(r.status, 403, "{}", r.body);
    assert_eq!(r.json()["error"]["kind"], "forbidden");
    // The page too, in Italian.
    let page = c.get(&cerano, &format!("/persone/{anna}"));
    assert_eq!(page.status, 403);
    assert!(page.body.contains("non vede le persone dello sportello"));
    // The caseload of another desk is refused, their own is theirs only.
    assert_eq!(c.get(&cerano, "/api/caseload?desk=trecate").status, 403);
    let own = c.get(&cerano, "/api/caseload").json();
    assert!(own["rows"].as_array().unwrap().iter().all(|r| r["desk"] == "cerano"));
    // Trecate's operator sees who tried.
    let openings = c.get(&trecate, &format!("/api/people/{anna}/openings")).json();
    assert!(openings.as_array().unwrap().iter().any(|e| e["actor"] == "cerano1" && e["action"] == "refused"), "{openings}");
    // A coordinator sees every desk.
    let coord = c.login("coord", "una-password-lunga").unwrap();
    assert_eq!(c.get(&coord, &format!("/api/people/{anna}")).status, 200);
    // Shared by Trecate with Cerano's operator, the file opens there and shows on their list.
    assert_eq!(c.post(&cerano, &format!("/api/people/{anna}/shares"), &json!({"account": "cerano1", "share": true})).status, 403);
    assert_eq!(c.post(&trecate, &format!("/api/people/{anna}/shares"), &json!({"account": "cerano1", "share": true})).status, 200);
    assert_eq!(c.get(&cerano, &format!("/api/people/{anna}")).status, 200);
    assert!(c.get(&cerano, "/persone").body.contains(&format!("href=\"/persone/{anna}\"")));
    assert_eq!(c.post(&trecate, &format!("/api/people/{anna}/shares"), &json!({"account": "cerano1", "share": false})).status, 200);
    assert_eq!(c.get(&cerano, &format!("/api/people/{anna}")).status, 403);
}

#[test]
fn changes_need_the_csrf_token_a_writable_account_and_a_live_session() {
    let c = Console::start();
    let s = c.login("lmarchetti", "una-password-lunga").unwrap();
    let anna = c.person_of(&s, "trecate");
    let note = json!({"text": "Ha portato il CV aggiornato.", "visibility": "sportello"});
    // No token: refused, nothing written.
    let r = c.request(
        "POST",
        &format!("/api/people/{anna}/notes"),
        &[("Cookie", &s.cookie), ("Content-Type", "application/json")],
        &note.to_string(),
    );
    assert_eq!(r.status, 403);
    assert_eq!(r.json()["error"]["kind"], "csrf");
    // A form without the token, the same.
    let form = c.request(
        "POST",
        &format!("/persone/{anna}/note"),
        &[("Cookie", &s.cookie), ("Content-Type", "application/x-www-form-urlencoded")],
        "_form=note&text=ciao&visibility=sportello",
    );
    assert_eq!(form.status, 403);
    let before = c.get(&s, &format!("/api/people/{anna}")).json()["notes"].as_array().unwrap().len();
    // With it: made.
    let made = c.post(&s, &format!("/api/people/{anna}/notes"), &note);
    assert_eq!(made.status, 201, "{}", made.body);
    assert_eq!(c.get(&s, &format!("/api/people/{anna}")).json()["notes"].as_array().unwrap().len(), before + 1);
    // A read-only account reads but changes nothing.
    let reader = c.login("lettore", "una-password-lunga").unwrap();
    assert_eq!(c.get(&reader, &format!("/api/people/{anna}")).status, 200);
    let r = c.post(&reader, &format!("/api/people/{anna}/notes"), &note);
    assert_eq!(r.status, 403);
    assert_eq!(r.json()["error"]["field"], "role");
    // After logout the session is gone.
    assert_eq!(c.post(&s, "/api/logout", &json!({})).status, 204);
    assert_eq!(c.get(&s, "/api/session").status, 401);
    assert_eq!(c.post(&s, &format!("/api/people/{anna}/notes"), &note).status, 401);
    let page = c.get(&s, "/oggi");
    assert_eq!(page.status, 303);
    assert!(page.header("location").unwrap().starts_with("/login"));
}

#[test]
fn two_counsellors_on_the_same_record_see_a_conflict_and_bad_fields_are_named() {
    let c = Console::start();
    let a = c.login("lmarchetti", "una-password-lunga").unwrap();
    let b = c.login("coord", "una-password-lunga").unwrap();
    let anna = c.person_of(&a, "trecate");
    let file = c.get(&a, &format!("/api/people/{anna}")).json();
    let version = file["person"]["version"].as_i64().unwrap();
    let mut profile = file["profile"].clone();
    // Both read version `version`; the first save wins, the second is a conflict.
    profile["headline"] = json!("Magazziniera con patentino del muletto");
    assert_eq!(c.post(&b, &format!("/api/people/{anna}/profile"), &json!({"profile": profile, "version": version})).status, 200);
    profile["headline"] = json!("Addetta alle pulizie");
    let second = c.post(&a, &format!("/api/people/{anna}/profile"), &json!({"profile": profile, "version": version}));
    assert_eq!(second.status, 409, "{}", second.body);
    assert!(second.json()["error"]["it"].as_str().unwrap().contains("qualcun altro"));
    // A bad date names its field, in Italian and English.
    let r = c.post(
        &a,
        &format!("/api/people/{anna}/appointments"),
        &json!({"service": "colloquio", "channel": "telefono", "on": "31/02/2023"}),
    );
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["error"]["field"], "on");
    assert!(r.json()["error"]["it"].as_str().unwrap().contains("non è una data"));
    // The form shows it beside the field and keeps what was typed.
    let form = c.request(
        "POST",
        &format!("/persone/{anna}/appuntamenti"),
        &[("Cookie", &a.cookie), ("Content-Type", "application/x-www-form-urlencoded")],
        &format!("_csrf={}&_form=book&service=colloquio&channel=telefono&on=31%2F02%2F2023&expected_minutes=45", a.csrf),
    );
    assert_eq!(form.status, 422);
    assert!(form.body.contains("value=\"31/02/2023\""));
    assert!(form.body.contains("aria-invalid=\"true\""));
    assert!(form.body.contains("non è una data"));
}

#[test]
fn the_api_is_documented_and_answers_carry_the_security_headers() {
    let c = Console::start();
    let doc = c.request("GET", "/api/openapi.json", &[], "").json();
    assert_eq!(doc["openapi"], "3.1.0");
    for path in
        ["/api/people/{id}/paths", "/api/paths/{id}/events", "/api/appointments/{id}/close", "/api/people/{id}/proposals", "/api/caseload"]
    {
        assert!(doc["paths"].get(path).is_some(), "{path} undocumented");
    }
    let login = c.request("GET", "/login", &[], "");
    assert_eq!(login.status, 200);
    let csp = login.header("content-security-policy").unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(login.header("x-frame-options"), Some("DENY"));
    assert_eq!(login.header("cache-control"), Some("no-store"));
    let cookie = login.header("set-cookie").unwrap();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    // No inline script anywhere in a page.
    assert!(!login.body.contains("<script>") && !login.body.contains("onclick"));
    // The public feed needs no login and holds the index's vacancies.
    let feed = c.request("GET", "/feed/vacancies.json", &[], "").json();
    assert_eq!(feed.as_array().unwrap().len(), 12);
}

#[test]
fn uploads_that_are_too_large_or_not_vacancies_are_refused_with_a_message() {
    let c = Console::start();
    let s = c.login("lmarchetti", "una-password-lunga").unwrap();
    let upload = |name: &str, content: &[u8]| {
        let boundary = "XsportelloX";
        let mut body = format!("--{boundary}\r\nContent-Disposition: form-data; name=\"feed\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").into_bytes();
        body.extend_from_slice(content);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let body = String::from_utf8_lossy(&body).into_owned();
        let ct = format!("multipart/form-data; boundary={boundary}");
        c.request("POST", &format!("/offerte?_csrf={}", s.csrf), &[("Cookie", &s.cookie), ("Content-Type", &ct)], &body)
    };
    let big = upload("big.jsonl", &vec![b'x'; 21 * 1024 * 1024]);
    assert_eq!(big.status, 422, "{}", &big.body[..big.body.len().min(300)]);
    assert!(big.body.contains("supera i 20 MB"));
    let cv = upload("cv.json", std::fs::read(fixtures().join("profiles/sara-cuoca.json")).unwrap().as_slice());
    assert_eq!(cv.status, 422);
    assert!(cv.body.contains("è un CV, non delle offerte"), "{}", cv.body);
    let broken = upload("feed.jsonl", b"{\"id\": \"x1\", \"title\": \"Cuoco\", \"essential_skills\": [{\"label\": \"cucinare\"}]}\n{\"id\": \"x2\", \"title\": \"Aiuto cuoco\"}\n");
    assert_eq!(broken.status, 200);
    assert!(broken.body.contains("1 offerte aggiunte") && broken.body.contains("riga 2: essential_skills"), "{}", broken.body);
}

#[test]
fn https_is_served_directly_with_a_certificate_and_cookies_are_secure() {
    use std::sync::Arc;
    use tokio_rustls::rustls::pki_types::{CertificateDer, ServerName};
    use tokio_rustls::rustls::{ClientConfig, ClientConnection, RootCertStore, StreamOwned};

    let certs = tempfile::tempdir().unwrap();
    let made = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    let (cert, key) = (certs.path().join("cert.pem"), certs.path().join("key.pem"));
    std::fs::write(&cert, made.cert.pem()).unwrap();
    std::fs::write(&key, made.signing_key.serialize_pem()).unwrap();
    let c = Console::start_with(&["--tls-cert", cert.to_str().unwrap(), "--tls-key", key.to_str().unwrap()]);

    let mut roots = RootCertStore::empty();
    roots.add(CertificateDer::from(made.cert.der().to_vec())).unwrap();
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth();
    let connection = ClientConnection::new(Arc::new(config), ServerName::try_from("localhost").unwrap()).unwrap();
    let mut tls = StreamOwned::new(connection, TcpStream::connect(&c.addr).unwrap());
    tls.write_all(format!("GET /login HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", c.addr).as_bytes()).unwrap();
    let mut answer = Vec::new();
    let _ = tls.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("Path=/; HttpOnly; SameSite=Strict; Secure"), "{answer}");
    // Plain HTTP on the same port gets no page.
    let plain = std::panic::catch_unwind(|| c.request("GET", "/login", &[], "").status).unwrap_or(0);
    assert_ne!(plain, 200);
}

#[test]
fn the_cv_downloads_as_a_pdf_in_each_template_and_an_unknown_one_is_refused() {
    let c = Console::start();
    let s = c.login("lmarchetti", "una-password-lunga").unwrap();
    let anna = c.person_of(&s, "trecate");
    for template in ["europass", "modern", "plain"] {
        let r = c.get(&s, &format!("/persone/{anna}/cv.pdf?modello={template}"));
        assert_eq!(r.status, 200, "{template}: {}", r.body);
        assert_eq!(r.header("content-type"), Some("application/pdf"));
        assert!(r.header("content-disposition").unwrap().contains(&format!("-{template}.pdf")));
        assert!(r.body.starts_with("%PDF-"));
    }
    let r = c.get(&s, &format!("/persone/{anna}/cv.pdf?modello=fancy"));
    assert_eq!(r.status, 422);
    assert!(r.body.contains("modello sconosciuto"));
    // Another desk's operator gets no CV either.
    let cerano = c.login("cerano1", "una-password-lunga").unwrap();
    assert_eq!(c.get(&cerano, &format!("/persone/{anna}/cv.pdf")).status, 403);
}
