//! `desk init`, `desks`, `operators`, `audit verify`, `backup`, `demo`, `retention`, `export` and `import`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use sportello::desk::demo::{self, DemoPlan};
use sportello::desk::import::ImportDefaults;
use sportello::desk::retention::Disposal;
use sportello::desk::{Desk, DeskInfo, Operator};

use super::{Context, OrFail};
use crate::output::{CmdResult, EXIT_INVALID, Failure, OutputFormat, refuse_to_overwrite};

/// Arguments of `desk init`.
#[derive(Args)]
pub struct InitArgs {
    /// Desks to create, as code:name or code:name:comune (repeatable).
    #[arg(long = "desk")]
    desks: Vec<String>,
}

#[derive(Subcommand)]
pub enum DesksCommand {
    /// Add a desk.
    Add {
        /// Short code (lowercase), e.g. trecate.
        code: String,
        /// Name, e.g. "Sportello Lavoro di Trecate".
        name: String,
        /// The comune it sits in.
        #[arg(long)]
        comune: Option<String>,
    },
    /// List the desks.
    List {
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// Set the comuni a desk serves (the convention's territory, for reports); no
    /// comuni prints the list.
    Serves {
        /// The desk's code.
        code: String,
        /// The comuni, comma-separated, e.g. "Trecate,Sozzago" (replaces the list; "" empties it).
        #[arg(long, value_delimiter = ',')]
        comuni: Option<Vec<String>>,
    },
    /// Set how a desk is reached, printed on its posters, bulletins and letters; the
    /// fields not given stay as they are ("" clears one); prints the contact as JSON.
    Contact {
        /// The desk's code.
        code: String,
        /// Street address, one line, e.g. "Piazza Cavour 24, 28069 Trecate".
        #[arg(long)]
        address: Option<String>,
        /// Telephone.
        #[arg(long)]
        phone: Option<String>,
        /// E-mail.
        #[arg(long)]
        email: Option<String>,
        /// Web page (https://...).
        #[arg(long)]
        web: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum OperatorsCommand {
    /// Add an operator to a desk.
    Add {
        /// Login name (lowercase), e.g. lmarchetti.
        username: String,
        /// Full name.
        name: String,
        /// Their desk's code.
        #[arg(long)]
        desk: String,
    },
    /// List the operators.
    List {
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
}

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Walk the audit chain; exit 1 if an entry was edited or removed.
    Verify {
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
}

/// Arguments of `desk backup`.
#[derive(Args)]
pub struct BackupArgs {
    /// The copy to write (never overwritten).
    to: PathBuf,
}

/// Arguments of `desk demo`.
#[derive(Args)]
pub struct DemoArgs {
    /// Seed of the fictitious year (the same seed, the same year).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Replace an existing file.
    #[arg(long)]
    force: bool,
}

pub fn init(ctx: &Context, a: InitArgs) -> CmdResult {
    refuse_to_overwrite(&ctx.db, false)?;
    let desks: Vec<DeskInfo> = a.desks.iter().map(|d| parse_desk(d)).collect::<Result<_, _>>()?;
    let mut desk = Desk::open(&ctx.db).or_fail(ctx)?;
    for d in &desks {
        desk.add_desk(&ctx.reader.username, d).or_fail(ctx)?;
    }
    println!("{}", ctx.db.display());
    Ok(ExitCode::SUCCESS)
}

fn parse_desk(text: &str) -> Result<DeskInfo, Failure> {
    let mut parts = text.splitn(3, ':');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(code), Some(name), comune) if !code.is_empty() && !name.is_empty() => {
            Ok(DeskInfo { code: code.into(), name: name.into(), comune: comune.map(str::to_owned) })
        }
        _ => Err(Failure::other(format!("--desk: {text:?} is not code:name or code:name:comune"), None, 2)),
    }
}

pub fn desks(ctx: &Context, c: DesksCommand) -> CmdResult {
    let mut desk = ctx.open()?;
    match c {
        DesksCommand::Add { code, name, comune } => {
            desk.add_desk(&ctx.reader.username, &DeskInfo { code, name, comune }).or_fail(ctx)?;
            Ok(ExitCode::SUCCESS)
        }
        DesksCommand::List { format } => {
            let desks = desk.desks().or_fail(ctx)?;
            if format == OutputFormat::Json {
                return ctx.json(&desks);
            }
            for d in desks {
                println!("{}\t{}\t{}", d.code, d.name, d.comune.unwrap_or_default());
            }
            Ok(ExitCode::SUCCESS)
        }
        DesksCommand::Serves { code, comuni } => {
            if let Some(comuni) = comuni {
                // `--comuni ""` empties the list.
                let comuni: Vec<String> = comuni.into_iter().filter(|c| !c.trim().is_empty()).collect();
                desk.set_served_comuni(&ctx.reader.username, &code, &comuni).or_fail(ctx)?;
            }
            for c in desk.served_comuni(Some(&code)).or_fail(ctx)? {
                println!("{c}");
            }
            Ok(ExitCode::SUCCESS)
        }
        DesksCommand::Contact { code, address, phone, email, web } => {
            let mut contact = desk.desk_contact(&code).or_fail(ctx)?;
            if [&address, &phone, &email, &web].iter().any(|f| f.is_some()) {
                contact.address = address.or(contact.address);
                contact.phone = phone.or(contact.phone);
                contact.email = email.or(contact.email);
                contact.web = web.or(contact.web);
                desk.set_desk_contact(&ctx.reader.username, &code, &contact).or_fail(ctx)?;
                contact = desk.desk_contact(&code).or_fail(ctx)?;
            }
            ctx.json(&contact)
        }
    }
}

pub fn operators(ctx: &Context, c: OperatorsCommand) -> CmdResult {
    let mut desk = ctx.open()?;
    match c {
        OperatorsCommand::Add { username, name, desk: code } => {
            desk.add_operator(&ctx.reader.username, &Operator { username, name, desk: code }).or_fail(ctx)?;
            Ok(ExitCode::SUCCESS)
        }
        OperatorsCommand::List { format } => {
            let ops = desk.operators().or_fail(ctx)?;
            if format == OutputFormat::Json {
                return ctx.json(&ops);
            }
            for o in ops {
                println!("{}\t{}\t{}", o.username, o.name, o.desk);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

pub fn audit(ctx: &Context, c: AuditCommand) -> CmdResult {
    let AuditCommand::Verify { format } = c;
    let desk = ctx.open()?;
    let v = desk.verify_audit().or_fail(ctx)?;
    let code = if v.broken.is_some() { ExitCode::from(EXIT_INVALID) } else { ExitCode::SUCCESS };
    if format == OutputFormat::Json {
        ctx.json(&v)?;
        return Ok(code);
    }
    println!("{}", sportello::desk::text::verification(&v, ctx.lang));
    Ok(code)
}

pub fn backup(ctx: &Context, a: BackupArgs) -> CmdResult {
    let desk = ctx.open()?;
    desk.backup(&a.to).or_fail(ctx)?;
    println!("{}", a.to.display());
    Ok(ExitCode::SUCCESS)
}

pub fn demo(ctx: &Context, a: DemoArgs) -> CmdResult {
    refuse_to_overwrite(&ctx.db, a.force)?;
    if a.force && ctx.db.exists() {
        std::fs::remove_file(&ctx.db).map_err(|e| Failure::io("replace", &ctx.db, e))?;
        for suffix in ["-wal", "-shm"] {
            let side = PathBuf::from(format!("{}{suffix}", ctx.db.display()));
            let _ = std::fs::remove_file(side);
        }
    }
    let plan = DemoPlan::trecate();
    let mut desk = Desk::open(&ctx.db).or_fail(ctx)?.with_today(plan.to);
    let summary = demo::generate(&mut desk, &plan, a.seed).or_fail(ctx)?;
    print!("{}", sportello::desk::text::demo_summary(&summary, &plan, ctx.lang));
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `desk retention`.
#[derive(Args)]
pub struct RetentionArgs {
    /// Delete or pseudonymise the people listed (without it: only list them).
    #[arg(long, value_parser = ["delete", "pseudonymise"])]
    apply: Option<String>,
    /// The secret key of the pseudonyms (at least 16 bytes), for --apply pseudonymise.
    #[arg(long)]
    key_file: Option<PathBuf>,
    /// Set the retention period in years first (kept in the database).
    #[arg(long)]
    years: Option<u32>,
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

pub fn retention(ctx: &Context, a: RetentionArgs) -> CmdResult {
    let mut desk = ctx.open()?;
    if let Some(years) = a.years {
        desk.set_setting(&ctx.reader.username, "retention_years", &years.to_string()).or_fail(ctx)?;
    }
    let how = match a.apply.as_deref() {
        None => None,
        Some("delete") => Some(Disposal::Delete),
        Some(_) => {
            let path = a.key_file.as_ref().ok_or_else(|| Failure::other("--apply pseudonymise needs --key-file FILE", None, 2))?;
            let key = std::fs::read(path).map_err(|e| Failure::io("read", path, e))?;
            Some(Disposal::Pseudonymise { key: key.trim_ascii_end().to_vec() })
        }
    };
    let due = match &how {
        None => desk.retention_due(),
        Some(how) => desk.apply_retention(&ctx.reader, how),
    }
    .or_fail(ctx)?;
    if a.format == OutputFormat::Json {
        return ctx.json(&due);
    }
    let years = desk.retention_years().or_fail(ctx)?;
    print!("{}", sportello::desk::text::retention(&due, years, how.as_ref(), ctx.lang));
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `desk export`.
#[derive(Args)]
pub struct ExportArgs {
    /// The person's number or codice fiscale.
    person: String,
    /// json (everything, for tools), pdf (to hand to the person) or text.
    #[arg(long, value_parser = ["json", "pdf", "text"], default_value = "json")]
    format: String,
    /// Output file (default: standard output; a PDF needs a file).
    #[arg(long, short)]
    out: Option<PathBuf>,
}

/// Everything held about a person (their access request); the export is audited.
pub fn export(ctx: &Context, a: ExportArgs) -> CmdResult {
    let mut desk = ctx.open()?;
    let id = desk.find_person(&a.person).or_fail(ctx)?;
    if a.format == "pdf" && a.out.is_none() {
        return Err(Failure::other("--format pdf needs --out FILE", None, 2));
    }
    let export = desk.access_export(&ctx.reader, id).or_fail(ctx)?;
    let bytes = match a.format.as_str() {
        "json" => serde_json::to_vec_pretty(&export).map_err(|e| Failure::other(e.to_string(), None, EXIT_INVALID))?,
        format => ctx.document("access-request", &export.view(ctx.lang), format == "pdf")?,
    };
    ctx.write_out(a.out.as_deref(), &bytes)
}

/// Arguments of `desk import`.
#[derive(Args)]
pub struct ImportArgs {
    /// The spreadsheet, saved as CSV (`,` `;` or tab; headers in Italian or English).
    file: PathBuf,
    /// The desk of rows that name none.
    #[arg(long)]
    desk: Option<String>,
    /// Import nothing if any row is refused.
    #[arg(long)]
    all_or_nothing: bool,
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

/// Takes a desk's spreadsheet into the caseload; exit 1 if any row was refused.
pub fn import(ctx: &Context, a: ImportArgs) -> CmdResult {
    let bytes = crate::output::read_limited(&a.file, sportello::limits::MAX_IMPORT_BYTES)?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Failure::other(format!("{}: not UTF-8 text (save the sheet as CSV UTF-8)", a.file.display()), None, EXIT_INVALID))?;
    let mut desk = ctx.open()?;
    let defaults = ImportDefaults { desk: a.desk, all_or_nothing: a.all_or_nothing };
    let report = desk.import_csv(&ctx.reader, &text, &defaults).or_fail(ctx)?;
    let code = if report.refused.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_INVALID) };
    if a.format == OutputFormat::Json {
        ctx.json(&report)?;
    } else {
        print!("{}", sportello::desk::text::import_report(&report, ctx.lang));
    }
    Ok(code)
}
