//! `sportello serve`: the desk console, a web application for counsellors, served by
//! Sportello itself (axum on tokio) from the desk database and the vacancy index. Every
//! rule and every word comes from `sportello::desk`; this module reads requests, checks the
//! session, forwards to the core and writes HTML or JSON.
//!
//! Layout: [`state`] (what requests share, the login check), [`app`] (routes, CSRF,
//! security headers, serving), [`tls`] (HTTPS served directly), [`session`]
//! (sessions, cookies, login throttle), [`login`], [`pool`] (database connections),
//! [`pages`] (one file per page), [`api`] (JSON and OpenAPI), [`public`] (static files,
//! widget, feed), [`html`] and [`problem`] (errors as pages and JSON), [`users`] (accounts
//! from the terminal).

mod api;
mod app;
mod html;
mod login;
mod pages;
mod pool;
mod problem;
mod public;
mod session;
mod state;
mod tls;
mod users;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args as ClapArgs, Subcommand};
use sportello::matching::index::VacancyIndex;

use crate::commands::index::DEFAULT_INDEX;
use crate::output::{CmdResult, EXIT_IO, Failure};

/// Connections to the database the server keeps open.
const POOL_SIZE: usize = 8;

/// Arguments of `sportello serve`.
#[derive(ClapArgs)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Subcommand)]
enum Command {
    /// The console's accounts.
    #[command(subcommand)]
    User(users::UserCommand),
}

#[derive(ClapArgs)]
struct RunArgs {
    /// The desk database file (made with `sportello desk init` or `desk demo`).
    #[arg(long, env = "SPORTELLO_DB", default_value = "sportello-desk.db")]
    db: PathBuf,
    /// The vacancy index folder (created empty if missing).
    #[arg(long, default_value = DEFAULT_INDEX)]
    index: PathBuf,
    /// Address to listen on (port 0: any free port; the address is printed).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// The built jobseekers' widget folder (`wasm/widget/dist`), served at /widget/.
    #[arg(long)]
    widget: Option<PathBuf>,
    /// The desks' logo on posters, bulletins and letters (PNG, JPEG or SVG, at most 1 MiB).
    #[arg(long)]
    logo: Option<PathBuf>,
    /// The console is reached over HTTPS (through a reverse proxy): cookies get `Secure`.
    #[arg(long)]
    https: bool,
    /// Serve HTTPS directly with this certificate chain (PEM); needs --tls-key.
    #[arg(long, requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// The certificate's private key (PEM).
    #[arg(long, requires = "tls_cert")]
    tls_key: Option<PathBuf>,
}

/// Runs `sportello serve`.
pub fn run(args: Args) -> CmdResult {
    match args.command {
        Some(Command::User(c)) => users::run(c),
        None => serve(args.run),
    }
}

fn serve(a: RunArgs) -> CmdResult {
    let pool = pool::Pool::open(&a.db, POOL_SIZE)
        .map_err(|e| Failure::other(format!("{}: {}", a.db.display(), e.message(sportello::lang::Lang::It)), None, EXIT_IO))?;
    let index = VacancyIndex::open_or_create(&a.index).map_err(|e| Failure::core(Some(&a.index), &e))?;
    let widget = a.widget.or_else(|| Some(PathBuf::from("wasm/widget/dist"))).filter(|w| w.join("sportello-cv.js").is_file());
    let logo = match &a.logo {
        Some(path) => {
            let bytes = crate::output::read_limited(path, sportello::outreach::MAX_LOGO_BYTES)?;
            Some(sportello::outreach::Logo::new(bytes).map_err(|e| Failure::core(Some(path), &e))?)
        }
        None => None,
    };
    let state = Arc::new(state::AppState {
        pool,
        sessions: session::Sessions::default(),
        index,
        index_dir: a.index.clone(),
        index_writer: tokio::sync::Mutex::new(()),
        widget,
        logo,
        secure: a.https || a.tls_cert.is_some(),
    });
    let tls = match (&a.tls_cert, &a.tls_key) {
        (Some(cert), Some(key)) => Some(tls::config(cert, key).map_err(|e| Failure::other(e, None, EXIT_IO))?),
        _ => None,
    };
    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(|e| Failure::other(e.to_string(), None, EXIT_IO))?;
    runtime.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(a.addr).await.map_err(|e| Failure::other(format!("{}: {e}", a.addr), None, EXIT_IO))?;
        let local = listener.local_addr().map_err(|e| Failure::other(e.to_string(), None, EXIT_IO))?;
        let scheme = if tls.is_some() { "https" } else { "http" };
        println!("Sportello console: {scheme}://{local}/");
        eprintln!("database {}, index {}", state.pool.file().display(), state.index_dir.display());
        let app = app::router(state);
        let served = match tls {
            Some(config) => {
                app::serve(tls::TlsListener::new(listener, config).map_err(|e| Failure::other(e.to_string(), None, EXIT_IO))?, app).await
            }
            None => app::serve(listener, app).await,
        };
        served.map_err(|e| Failure::other(e.to_string(), None, EXIT_IO))?;
        Ok(ExitCode::SUCCESS)
    })
}
