//! `sportello desk ...`: the desk's caseload (people, paths, appointments, outcomes,
//! notes, consents, audit, backup, demo, retention, export, matching) in one SQLite file. Every rule and every word
//! comes from `sportello::desk`; this module reads options, opens the file and prints.

mod admin;
mod letter;
mod matching;
mod people;
mod records;
mod report;
mod schedule;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args as ClapArgs, Subcommand};
use sportello::desk::{Day, Desk, DeskError, DeskErrorKind, Reader};
use sportello::lang::Lang;

use crate::output::{EXIT_INVALID, EXIT_IO, Failure, today};

/// Arguments of `sportello desk`.
#[derive(ClapArgs)]
pub struct Args {
    #[command(flatten)]
    common: Common,
    #[command(subcommand)]
    command: Command,
}

/// Options every desk command takes.
#[derive(ClapArgs, Clone)]
pub struct Common {
    /// The desk database file.
    #[arg(long, global = true, env = "SPORTELLO_DB", default_value = "sportello-desk.db")]
    db: PathBuf,
    /// Who is acting (an operator's username; the audit records it).
    #[arg(long = "as", global = true, env = "SPORTELLO_OPERATOR")]
    actor: Option<String>,
    /// Show sensitive data (protected paths and targets, the profile's sensitive block);
    /// the opening is audited.
    #[arg(long, global = true)]
    sensitive: bool,
    /// Language of messages and listings: it or en.
    #[arg(long, global = true, default_value = "it")]
    lang: String,
}

#[derive(Subcommand)]
enum Command {
    /// Create a desk database (with its desks: --desk code:name[:comune]).
    Init(admin::InitArgs),
    /// Desks of the installation.
    #[command(subcommand)]
    Desks(admin::DesksCommand),
    /// Operators (case managers).
    #[command(subcommand)]
    Operators(admin::OperatorsCommand),
    /// People in the caseload.
    #[command(subcommand)]
    People(people::PeopleCommand),
    /// Paths (percorsi) and their events; `paths list` is the caseload.
    #[command(subcommand)]
    Paths(people::PathsCommand),
    /// Appointments and activities (incontri).
    #[command(subcommand)]
    Appointments(schedule::AppointmentsCommand),
    /// Outcomes (contracts, traineeships, training started).
    #[command(subcommand)]
    Outcomes(records::OutcomesCommand),
    /// Operators' notes on a person.
    #[command(subcommand)]
    Notes(records::NotesCommand),
    /// The privacy notice's acknowledgement and the optional consents.
    #[command(subcommand)]
    Consents(records::ConsentsCommand),
    /// The audit log.
    #[command(subcommand)]
    Audit(admin::AuditCommand),
    /// Copy the database while it is in use (SQLite online backup).
    Backup(admin::BackupArgs),
    /// Create a database holding a fictitious year of the Trecate convention.
    Demo(admin::DemoArgs),
    /// People whose retention period is over; --apply deletes or pseudonymises them.
    Retention(admin::RetentionArgs),
    /// A period's report for the Region and the council (PDF with charts, CSV, JSON).
    Report(report::ReportArgs),
    /// A letter to a person, from their desk: an appointment, its reminder, an outcome.
    Letter(letter::LetterArgs),
    /// Everything held about a person, as JSON (an access request).
    Export(admin::ExportArgs),
    /// Take a desk's spreadsheet (CSV of people and paths) into the caseload.
    Import(admin::ImportArgs),
    /// Vacancies for a person of the caseload (their own profile, the core's matcher).
    Match(matching::MatchArgs),
    /// Record a vacancy proposed to a person (an activity, prints its number).
    Propose(matching::ProposeArgs),
    /// The people best suited to a vacancy, among those who consented to share their CV.
    Shortlist(matching::ShortlistArgs),
}

/// Runs a desk command.
pub fn run(args: Args) -> crate::output::CmdResult {
    let ctx = Context::new(args.common)?;
    match args.command {
        Command::Init(a) => admin::init(&ctx, a),
        Command::Desks(c) => admin::desks(&ctx, c),
        Command::Operators(c) => admin::operators(&ctx, c),
        Command::People(c) => people::people(&ctx, c),
        Command::Paths(c) => people::paths(&ctx, c),
        Command::Appointments(c) => schedule::appointments(&ctx, c),
        Command::Outcomes(c) => records::outcomes(&ctx, c),
        Command::Notes(c) => records::notes(&ctx, c),
        Command::Consents(c) => records::consents(&ctx, c),
        Command::Audit(c) => admin::audit(&ctx, c),
        Command::Backup(a) => admin::backup(&ctx, a),
        Command::Demo(a) => admin::demo(&ctx, a),
        Command::Retention(a) => admin::retention(&ctx, a),
        Command::Report(a) => report::report(&ctx, a),
        Command::Letter(a) => letter::letter(&ctx, a),
        Command::Export(a) => admin::export(&ctx, a),
        Command::Import(a) => admin::import(&ctx, a),
        Command::Match(a) => matching::run_match(&ctx, a),
        Command::Propose(a) => matching::propose(&ctx, a),
        Command::Shortlist(a) => matching::shortlist(&ctx, a),
    }
}

/// A desk result as the command line reports it (see [`Context::fail`]).
trait OrFail<T> {
    fn or_fail(self, ctx: &Context) -> Result<T, Failure>;
}

impl<T> OrFail<T> for sportello::desk::Result<T> {
    fn or_fail(self, ctx: &Context) -> Result<T, Failure> {
        self.map_err(|e| ctx.fail(&e))
    }
}

/// What every desk command needs: the file, the reader, the language, today.
pub struct Context {
    db: PathBuf,
    reader: Reader,
    lang: Lang,
    today: Day,
}

impl Context {
    fn new(c: Common) -> Result<Context, Failure> {
        let lang = crate::output::lang(&c.lang)?;
        let username = c.actor.or_else(|| std::env::var("USER").ok()).unwrap_or_else(|| "operatore".into());
        let today = Day::try_from(today()?).map_err(|e| Failure::other(format!("SPORTELLO_TODAY: {e}"), None, 2))?;
        Ok(Context { db: c.db, reader: Reader { username, sensitive: c.sensitive }, lang, today })
    }

    /// The existing database.
    fn open(&self) -> Result<Desk, Failure> {
        Desk::open_existing(&self.db).map(|d| d.with_today(self.today)).or_fail(self)
    }

    /// A desk error as the command line reports it, in the reader's language: rule
    /// breaks exit 1, file problems exit 3.
    fn fail(&self, e: &DeskError) -> Failure {
        let code = match e.kind {
            DeskErrorKind::Database | DeskErrorKind::Storage => EXIT_IO,
            _ => EXIT_INVALID,
        };
        Failure::other(format!("{}: {}", self.db.display(), e.message(self.lang)), None, code)
    }

    /// A value of an option, parsed by the core, or a usage error naming the option.
    fn parse<T: std::str::FromStr>(&self, option: &str, value: &str) -> Result<T, Failure>
    where
        T::Err: std::fmt::Display,
    {
        value.parse().map_err(|e: T::Err| Failure::other(format!("--{option}: {e}"), None, 2))
    }

    /// Prints `value` as pretty JSON.
    fn json(&self, value: &impl serde::Serialize) -> Result<ExitCode, Failure> {
        println!("{}", serde_json::to_string_pretty(value).map_err(|e| Failure::other(e.to_string(), None, EXIT_IO))?);
        Ok(ExitCode::SUCCESS)
    }

    /// One of the core's documents other than CVs (`access-request`, `report`) laid out by
    /// Typst from `data`: a PDF, or its text in reading order.
    fn document(&self, name: &str, data: &serde_json::Value, pdf: bool) -> Result<Vec<u8>, Failure> {
        use sportello::render::{OutputFormat, RenderRequest, Renderer};
        let mut req = RenderRequest::pdf("", self.lang.as_str());
        req.format = if pdf { OutputFormat::Pdf } else { OutputFormat::Text };
        req.today = Some(self.today.as_partial());
        let rendered = Renderer::new().render_document(name, data, &req).map_err(|e| Failure::core(None, &e))?;
        Ok(rendered.files.into_iter().next().unwrap_or_default())
    }

    /// Writes `bytes` to `out` (and prints its path), or to standard output.
    fn write_out(&self, out: Option<&std::path::Path>, bytes: &[u8]) -> Result<ExitCode, Failure> {
        match out {
            Some(path) => {
                std::fs::write(path, bytes).map_err(|e| Failure::io("write", path, e))?;
                println!("{}", path.display());
            }
            None => {
                use std::io::Write;
                std::io::stdout().write_all(bytes).map_err(|e| Failure::other(e.to_string(), None, EXIT_IO))?;
            }
        }
        Ok(ExitCode::SUCCESS)
    }

    /// Prints the number of a record just created (alone on its line, for scripts).
    fn created(&self, id: i64) -> Result<ExitCode, Failure> {
        println!("{id}");
        Ok(ExitCode::SUCCESS)
    }
}
