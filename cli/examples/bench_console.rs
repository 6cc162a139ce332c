//! Load test of the desk console (`sportello serve`): simulated counsellors, each logged in
//! with an account of their own desk, working at once against 127.0.0.1 for a fixed time;
//! each opens caseload pages (filters, name searches, paging) and people's files, with a
//! short pause between actions as a person at a desk makes. Prints the 50th, 95th and 99th
//! percentile of each kind of page, the throughput and the server's memory. Bounded in
//! users, time and requests; never fails on a figure.
//!
//! ```text
//! cargo run -q --release -p sportello --features desk --example bench_desk -- --write /tmp/big.db
//! cargo build -q --release -p sportello-cli --bin sportello --example bench_console
//! target/release/examples/bench_console --db /tmp/big.db [--users 20 --seconds 120 --pause-ms 250..1000]
//! ```
//!
//! It runs the `sportello` binary of its own target folder (`target/release/sportello`), or
//! the one named by `SPORTELLO_BIN`. The database must be a desk database with the desks
//! `trecate`, `cerano`, `romentino` and `vespolate` (as the desk bench writes); accounts
//! `bench-<desk>-<n>` are added to it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sportello::desk::{Desk, NewAccount, Role};

const DESKS: [&str; 4] = ["trecate", "cerano", "romentino", "vespolate"];
const PASSWORD: &str = "bench-password-1";
/// A bound on each counsellor's requests, whatever the time.
const MAX_REQUESTS_EACH: usize = 10_000;

type Times = Mutex<Vec<(&'static str, Duration, u16)>>;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let db = PathBuf::from(arg("--db").unwrap_or_else(|| usage()));
    let users: usize = arg("--users").and_then(|v| v.parse().ok()).unwrap_or(20).clamp(1, 200);
    let seconds: u64 = arg("--seconds").and_then(|v| v.parse().ok()).unwrap_or(120).clamp(1, 3600);
    let (pause_min, pause_max) = arg("--pause-ms")
        .and_then(|v| v.split_once("..").and_then(|(a, b)| Some((a.parse::<u64>().ok()?, b.parse::<u64>().ok()?))))
        .unwrap_or((250, 1000));

    let mut desk = Desk::open_existing(&db).expect("a desk database");
    for u in 0..users {
        let account =
            NewAccount { username: account(u), role: Role::Operatore, desk: Some(DESKS[u % DESKS.len()].into()), sensitive: false };
        if desk.account(&account.username).is_err() {
            desk.add_account("bench", &account, PASSWORD).expect("an account");
        }
    }
    drop(desk);

    let bin = std::env::var_os("SPORTELLO_BIN").map(PathBuf::from).unwrap_or_else(|| {
        let exe = std::env::current_exe().expect("this program");
        exe.parent().and_then(|p| p.parent()).expect("target/<profile>").join("sportello")
    });
    let index = tempfile::tempdir().expect("a temp dir");
    let mut server = Command::new(&bin)
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(&db)
        .arg("--index")
        .arg(index.path().join("index"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", bin.display()));
    let mut line = String::new();
    BufReader::new(server.stdout.take().expect("stdout")).read_line(&mut line).expect("the address");
    let addr = line.trim().rsplit("//").next().expect("an address").trim_end_matches('/').to_owned();
    let pid = server.id();
    println!("# bench_console: {users} counsellors for {seconds} s against {addr} (pause {pause_min}..{pause_max} ms), {}", db.display());
    println!("server memory before: {}", memory(pid));

    let times: Arc<Times> = Arc::default();
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let workers: Vec<_> = (0..users)
        .map(|u| {
            let (addr, times) = (addr.clone(), times.clone());
            std::thread::spawn(move || counsellor(u, &addr, deadline, (pause_min, pause_max), &times))
        })
        .collect();
    for w in workers {
        w.join().expect("a counsellor");
    }
    let elapsed = started.elapsed();
    println!("server memory after: {}", memory(pid));
    let _ = server.kill();
    let _ = server.wait();

    let times = times.lock().expect("times");
    println!("{} requests in {:.1} s ({:.1}/s)", times.len(), elapsed.as_secs_f64(), times.len() as f64 / elapsed.as_secs_f64());
    for kind in ["caseload page", "person's file"] {
        let mut ms: Vec<f64> = times.iter().filter(|(k, _, _)| *k == kind).map(|(_, d, _)| d.as_secs_f64() * 1000.0).collect();
        let failed = times.iter().filter(|(k, _, s)| *k == kind && *s != 200).count();
        ms.sort_by(f64::total_cmp);
        let pct = |p: f64| ms.get(((ms.len() as f64 * p) as usize).min(ms.len().saturating_sub(1))).copied().unwrap_or(f64::NAN);
        println!(
            "{kind}: {} requests, p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms, not 200: {failed} (target p95 < 100 ms)",
            ms.len(),
            pct(0.5),
            pct(0.95),
            pct(0.99),
            ms.last().copied().unwrap_or(f64::NAN)
        );
    }
}

fn usage() -> ! {
    eprintln!("usage: bench_console --db FILE [--users 20] [--seconds 120] [--pause-ms 250..1000]");
    std::process::exit(2)
}

fn account(u: usize) -> String {
    format!("bench-{}-{u}", DESKS[u % DESKS.len()])
}

/// One counsellor: log in, then caseload pages and files until the deadline.
fn counsellor(u: usize, addr: &str, deadline: Instant, pause: (u64, u64), times: &Times) {
    let mut rng = 0x2545_F491_4F6C_DD1D_u64 ^ (u as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut next = move |n: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % n.max(1)
    };
    let body = format!("{{\"username\":\"{}\",\"password\":\"{PASSWORD}\"}}", account(u));
    let (status, head, _) = request(addr, "POST", "/api/login", &[("Content-Type", "application/json")], &body);
    assert_eq!(status, 200, "login of {}", account(u));
    let cookie = head.lines().find_map(|l| l.strip_prefix("set-cookie: ")).and_then(|c| c.split(';').next()).expect("a cookie").to_owned();
    let mut people: Vec<String> = Vec::new();
    let names = ["rossi", "bianchi", "colombo", "galli", "diallo", "anna", "marco"];
    let states = ["", "avviato", "proposto", "sospeso"];
    for _ in 0..MAX_REQUESTS_EACH {
        if Instant::now() >= deadline {
            break;
        }
        let (kind, path) = if people.is_empty() || next(3) == 0 {
            let query = match next(3) {
                0 => format!("/persone?page={}", 1 + next(40)),
                1 => format!("/persone?name={}", names[next(names.len() as u64) as usize]),
                _ => format!("/persone?state={}&page={}", states[next(states.len() as u64) as usize], 1 + next(5)),
            };
            ("caseload page", query)
        } else {
            ("person's file", people[next(people.len() as u64) as usize].clone())
        };
        let t = Instant::now();
        let (status, _, body) = request(addr, "GET", &path, &[("Cookie", &cookie)], "");
        times.lock().expect("times").push((kind, t.elapsed(), status));
        if kind == "caseload page" {
            let found = body.split("href=\"/persone/").skip(1).filter_map(|s| s.split('"').next());
            people.extend(found.filter(|id| id.bytes().all(|b| b.is_ascii_digit())).map(|id| format!("/persone/{id}")).take(50));
            people.truncate(500);
        }
        std::thread::sleep(Duration::from_millis(pause.0 + next(pause.1.saturating_sub(pause.0) + 1)));
    }
}

/// One HTTP/1.1 request on its own connection: status, raw head, body.
fn request(addr: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).expect("send");
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("receive");
    let raw = String::from_utf8_lossy(&raw);
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, head.to_owned(), body.to_owned())
}

/// The server's resident memory now and at its peak (Linux `/proc`).
fn memory(pid: u32) -> String {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| status.lines().find(|l| l.starts_with(name)).map_or_else(|| "?".into(), |l| l[name.len()..].trim().to_owned());
    format!("resident {}, peak {}", field("VmRSS:"), field("VmHWM:"))
}
