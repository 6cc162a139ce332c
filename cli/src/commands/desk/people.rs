//! `desk people ...` and `desk paths ...`: taking people in, their files, paths and events,
//! and the caseload list.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use sportello::desk::{Arrival, CodiceFiscale, Filter, NewPath, NewPerson, PathEventKind, PathKind, PathState, Target};

use super::{Context, OrFail};
use crate::output::{CmdResult, Failure, OutputFormat};

#[derive(Subcommand)]
pub enum PeopleCommand {
    /// Take a person in from their Sportello profile (prints their number).
    Add(AddPerson),
    /// List people (by family name).
    List(ListArgs),
    /// A person's whole file (the opening is audited).
    Show {
        /// The person's number or codice fiscale.
        person: String,
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// Move a person to another desk or case manager.
    Assign {
        /// The person's number or codice fiscale.
        person: String,
        #[arg(long)]
        desk: Option<String>,
        #[arg(long)]
        case_manager: Option<String>,
    },
    /// Replace a person's profile with a new version of it (audited field by field).
    Update {
        /// The person's number or codice fiscale.
        person: String,
        /// The profile file (JSON or YAML).
        profile: PathBuf,
        /// The person's version as read (refused if someone changed them since).
        #[arg(long)]
        if_version: Option<i64>,
    },
}

/// Arguments of `desk people add`.
#[derive(Args)]
pub struct AddPerson {
    /// The person's Sportello profile (JSON or YAML).
    profile: PathBuf,
    /// The desk that follows them (its code).
    #[arg(long)]
    desk: String,
    /// Their case manager's username.
    #[arg(long)]
    case_manager: Option<String>,
    /// How they arrived: cpi, spontaneo, servizi_sociali, altro.
    #[arg(long, default_value = "cpi")]
    arrival: String,
    /// When (for cpi: the date of assignment), YYYY-MM-DD or DD/MM/YYYY.
    #[arg(long)]
    arrival_date: Option<String>,
    /// Codice fiscale (its check character is verified).
    #[arg(long)]
    cf: Option<String>,
    /// Comune of residence.
    #[arg(long)]
    comune: Option<String>,
}

/// Filters and paging of `people list` and `paths list`.
#[derive(Args)]
pub struct ListArgs {
    #[arg(long)]
    desk: Option<String>,
    #[arg(long)]
    case_manager: Option<String>,
    /// Part of the name (any case, accents ignored).
    #[arg(long)]
    name: Option<String>,
    /// Page number, from 1.
    #[arg(long, default_value_t = 1)]
    page: u32,
    /// Rows per page (at most 500).
    #[arg(long, default_value_t = 50)]
    per_page: u32,
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

#[derive(Subcommand)]
pub enum PathsCommand {
    /// Open a path for a person (prints its number).
    Open {
        /// The person's number or codice fiscale.
        person: String,
        /// gol_1 ... gol_5, tirocinio, collocamento_mirato, pass, cantiere, orientamento, altro.
        #[arg(long)]
        kind: String,
        /// Date proposed (the patto di servizio's), YYYY-MM-DD.
        #[arg(long)]
        proposed: String,
        /// Funded by GOL.
        #[arg(long)]
        gol: bool,
        /// Target groups (repeatable): donne, under_30, over_55, l68, disoccupati_6_mesi, ...
        #[arg(long = "target")]
        targets: Vec<String>,
        /// Case manager (default: the person's).
        #[arg(long)]
        case_manager: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// Record an event: avvio, sospensione, ripresa, conclusione, abbandono, rifiuto, annullamento.
    Event {
        /// The path's number.
        path: i64,
        /// The event.
        event: String,
        /// Its date, YYYY-MM-DD (default today).
        #[arg(long)]
        on: Option<String>,
        #[arg(long)]
        note: Option<String>,
        /// The path's version as read (refused if someone changed it since).
        #[arg(long)]
        if_version: Option<i64>,
    },
    /// Operator hours: held appointments and their actual durations, by operator and service.
    Hours {
        /// First day, YYYY-MM-DD.
        #[arg(long)]
        from: String,
        /// Last day (default today).
        #[arg(long)]
        to: Option<String>,
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// The caseload: paths with their people, most recently active first.
    List {
        #[command(flatten)]
        list: ListArgs,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        state: Option<String>,
        #[arg(long)]
        target: Option<String>,
    },
}

pub fn people(ctx: &Context, c: PeopleCommand) -> CmdResult {
    let mut desk = ctx.open()?;
    match c {
        PeopleCommand::Add(a) => {
            let profile = read_profile(ctx, &a.profile)?;
            let codice_fiscale =
                a.cf.as_deref()
                    .map(|cf| {
                        CodiceFiscale::parse(cf).map_err(|e| {
                            let why = if ctx.lang == sportello::lang::Lang::It { e.italian() } else { e.to_string() };
                            Failure::other(format!("--cf: {cf:?}: {why}"), None, 1)
                        })
                    })
                    .transpose()?;
            let p = NewPerson {
                profile,
                codice_fiscale,
                comune: a.comune,
                desk: a.desk,
                case_manager: a.case_manager,
                arrival: ctx.parse::<Arrival>("arrival", &a.arrival)?,
                arrival_date: a.arrival_date.as_deref().map(|d| ctx.parse("arrival-date", d)).transpose()?,
            };
            let id = desk.add_person(&ctx.reader, &p).or_fail(ctx)?;
            ctx.created(id)
        }
        PeopleCommand::List(l) => {
            let page = desk.people(&filter(&l)).or_fail(ctx)?;
            if l.format == OutputFormat::Json {
                return ctx.json(&page);
            }
            print!("{}", sportello::desk::text::people_table(&page.rows, page.total, ctx.lang));
            Ok(ExitCode::SUCCESS)
        }
        PeopleCommand::Show { person, format } => {
            let id = desk.find_person(&person).or_fail(ctx)?;
            let file = desk.person_file(&ctx.reader, id).or_fail(ctx)?;
            if format == OutputFormat::Json {
                return ctx.json(&file);
            }
            print!("{}", sportello::desk::text::person_file(&file, ctx.lang));
            Ok(ExitCode::SUCCESS)
        }
        PeopleCommand::Assign { person, desk: code, case_manager } => {
            let id = desk.find_person(&person).or_fail(ctx)?;
            desk.assign(&ctx.reader, id, code.as_deref(), case_manager.as_deref(), None).or_fail(ctx)?;
            Ok(ExitCode::SUCCESS)
        }
        PeopleCommand::Update { person, profile, if_version } => {
            let id = desk.find_person(&person).or_fail(ctx)?;
            let profile = read_profile(ctx, &profile)?;
            desk.update_profile(&ctx.reader, id, &profile, if_version).or_fail(ctx)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

pub fn paths(ctx: &Context, c: PathsCommand) -> CmdResult {
    let mut desk = ctx.open()?;
    match c {
        PathsCommand::Open { person, kind, proposed, gol, targets, case_manager, note } => {
            let person_id = desk.find_person(&person).or_fail(ctx)?;
            let p = NewPath {
                person_id,
                kind: ctx.parse::<PathKind>("kind", &kind)?,
                proposed_on: ctx.parse("proposed", &proposed)?,
                gol_funded: gol,
                targets: targets.iter().map(|t| ctx.parse::<Target>("target", t)).collect::<Result<_, _>>()?,
                case_manager,
                note,
            };
            let id = desk.open_path(&ctx.reader, &p).or_fail(ctx)?;
            ctx.created(id)
        }
        PathsCommand::Event { path, event, on, note, if_version } => {
            let event: PathEventKind = ctx.parse("event", &event)?;
            let on = on.as_deref().map(|d| ctx.parse("on", d)).transpose()?.unwrap_or(ctx.today);
            let state = desk.record_event(&ctx.reader, path, event, on, note.as_deref(), if_version).or_fail(ctx)?;
            println!("{}", state.label(ctx.lang));
            Ok(ExitCode::SUCCESS)
        }
        PathsCommand::Hours { from, to, format } => {
            let from = ctx.parse("from", &from)?;
            let to = to.as_deref().map(|d| ctx.parse("to", d)).transpose()?.unwrap_or(ctx.today);
            let hours = desk.hours(from, to).or_fail(ctx)?;
            if format == OutputFormat::Json {
                return ctx.json(&hours);
            }
            print!("{}", sportello::desk::text::hours_table(&hours, ctx.lang));
            Ok(ExitCode::SUCCESS)
        }
        PathsCommand::List { list, kind, state, target } => {
            let mut f = filter(&list);
            f.kind = kind.as_deref().map(|k| ctx.parse::<PathKind>("kind", k)).transpose()?;
            f.state = state.as_deref().map(|s| ctx.parse::<PathState>("state", s)).transpose()?;
            f.target = target.as_deref().map(|t| ctx.parse::<Target>("target", t)).transpose()?;
            let page = desk.caseload(&ctx.reader, &f).or_fail(ctx)?;
            if list.format == OutputFormat::Json {
                return ctx.json(&page);
            }
            print!("{}", sportello::desk::text::caseload_table(&page.rows, page.total, ctx.lang));
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn filter(l: &ListArgs) -> Filter {
    Filter {
        desk: l.desk.clone(),
        case_manager: l.case_manager.clone(),
        name: l.name.clone(),
        offset: l.page.saturating_sub(1).saturating_mul(l.per_page),
        limit: l.per_page,
        ..Filter::default()
    }
}

fn read_profile(ctx: &Context, path: &std::path::Path) -> Result<sportello::model::Profile, Failure> {
    crate::inputs::profile(path, ctx.today.as_partial())
}
