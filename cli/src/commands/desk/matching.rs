//! `desk match`, `desk propose` and `desk shortlist`: the core's matcher on the caseload's
//! profiles, proposals recorded as activities, shortlists of consenting people only.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use sportello::matching::DEFAULT_TOP;
use sportello::matching::index::VacancyIndex;

use super::{Context, OrFail};
use crate::commands::index::DEFAULT_INDEX;
use crate::commands::matching::print_table;
use crate::output::{CmdResult, EXIT_INVALID, Failure, OutputFormat};

/// Arguments of `desk match`.
#[derive(Args)]
pub struct MatchArgs {
    /// The person's number or codice fiscale.
    person: String,
    /// The vacancy index folder.
    #[arg(long, default_value = DEFAULT_INDEX)]
    index: PathBuf,
    /// How many vacancies.
    #[arg(long, default_value_t = DEFAULT_TOP)]
    top: usize,
    /// Explain each match.
    #[arg(long)]
    explain: bool,
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

/// Arguments of `desk propose`.
#[derive(Args)]
pub struct ProposeArgs {
    /// The person's number or codice fiscale.
    person: String,
    /// The vacancy's id.
    vacancy: String,
    /// When the proposal is made (default today).
    #[arg(long)]
    on: Option<String>,
    #[arg(long)]
    at: Option<String>,
    /// Within this path.
    #[arg(long)]
    path: Option<i64>,
}

/// Arguments of `desk shortlist`.
#[derive(Args)]
pub struct ShortlistArgs {
    /// The vacancy's id in the index.
    vacancy: String,
    /// The vacancy index folder.
    #[arg(long, default_value = DEFAULT_INDEX)]
    index: PathBuf,
    /// Only people of this desk.
    #[arg(long)]
    desk: Option<String>,
    /// How many people.
    #[arg(long, default_value_t = DEFAULT_TOP)]
    top: usize,
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

pub fn run_match(ctx: &Context, a: MatchArgs) -> CmdResult {
    let mut desk = ctx.open()?;
    let id = desk.find_person(&a.person).or_fail(ctx)?;
    let profile = desk.profile_for_matching(&ctx.reader, id).or_fail(ctx)?;
    let matcher = crate::taxonomy_store::matcher(ctx.today.as_partial())?;
    let index = VacancyIndex::open(&a.index).map_err(|e| Failure::core(None, &e))?;
    let prepared = matcher.prepare_profile(&id.to_string(), &profile);
    let results = matcher.vacancies_for(&index, &prepared, a.top, false).map_err(|e| Failure::core(None, &e))?;
    if a.format == OutputFormat::Json {
        return ctx.json(&results);
    }
    print_table(&results, ctx.lang, a.explain, false);
    Ok(ExitCode::SUCCESS)
}

pub fn propose(ctx: &Context, a: ProposeArgs) -> CmdResult {
    let mut desk = ctx.open()?;
    let id = desk.find_person(&a.person).or_fail(ctx)?;
    let on = a.on.as_deref().map(|d| ctx.parse("on", d)).transpose()?.unwrap_or(ctx.today);
    let at = a.at.as_deref().map(|t| ctx.parse("at", t)).transpose()?;
    let activity = desk.propose(&ctx.reader, id, &a.vacancy, on, at, a.path).or_fail(ctx)?;
    ctx.created(activity)
}

pub fn shortlist(ctx: &Context, a: ShortlistArgs) -> CmdResult {
    let mut desk = ctx.open()?;
    let matcher = crate::taxonomy_store::matcher(ctx.today.as_partial())?;
    let index = VacancyIndex::open(&a.index).map_err(|e| Failure::core(None, &e))?;
    let vacancy = index
        .get(&a.vacancy)
        .map_err(|e| Failure::core(None, &e))?
        .ok_or_else(|| Failure::other(format!("no vacancy {:?} in {}", a.vacancy, a.index.display()), None, EXIT_INVALID))?;
    let people = desk.shortlist_profiles(&ctx.reader, a.desk.as_deref()).or_fail(ctx)?;
    let prepared: Vec<_> = sportello::matching::bulk::prepare_profiles(&matcher, &people);
    let results = matcher.profiles_for(&vacancy, &prepared, a.top, false);
    if a.format == OutputFormat::Json {
        return ctx.json(&results);
    }
    print_table(&results, ctx.lang, false, true);
    Ok(ExitCode::SUCCESS)
}
