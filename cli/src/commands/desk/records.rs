//! `desk outcomes`, `desk notes` and `desk consents`.

use std::process::ExitCode;

use clap::Subcommand;
use sportello::desk::{AcknowledgedBy, ConsentKind, NewOutcome, OutcomeKind, Visibility};
use sportello::model::ContractType;

use super::{Context, OrFail};
use crate::output::CmdResult;

#[derive(Subcommand)]
pub enum OutcomesCommand {
    /// Record an outcome (prints its number).
    Add {
        /// The person's number or codice fiscale.
        person: String,
        /// contratto, tirocinio, formazione.
        #[arg(long)]
        kind: String,
        /// Start date, YYYY-MM-DD.
        #[arg(long)]
        start: String,
        /// Contract type (contracts): tempo_determinato, tempo_indeterminato, apprendistato, ...
        #[arg(long)]
        contract: Option<String>,
        /// Planned length in months (leave out when open-ended).
        #[arg(long)]
        months: Option<u32>,
        /// Employer or training body.
        #[arg(long)]
        employer: Option<String>,
        /// Evidence, e.g. a UNILAV code.
        #[arg(long)]
        evidence: Option<String>,
        /// Of this path.
        #[arg(long)]
        path: Option<i64>,
        /// The vacancy, when it came from a Sportello match.
        #[arg(long)]
        vacancy: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum NotesCommand {
    /// Write a note on a person (prints its number).
    Add {
        /// The person's number or codice fiscale.
        person: String,
        /// The text.
        text: String,
        /// Who may read it: me, sportello, rete.
        #[arg(long, default_value = "sportello")]
        visibility: String,
        /// Hidden after this day.
        #[arg(long)]
        expires: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum ConsentsCommand {
    /// Grant a consent: condivisione_cv, promemoria_sms, promemoria_email, recruiting_day.
    Grant {
        person: String,
        consent: String,
        /// Date, YYYY-MM-DD (default today).
        #[arg(long)]
        on: Option<String>,
    },
    /// Withdraw a consent.
    Withdraw {
        person: String,
        consent: String,
        #[arg(long)]
        on: Option<String>,
    },
    /// Record the acknowledgement of the privacy notice.
    Ack {
        person: String,
        /// The notice's version, e.g. 2022-09.
        #[arg(long)]
        notice: String,
        #[arg(long)]
        on: Option<String>,
        /// interessato, delegato, genitore.
        #[arg(long, default_value = "interessato")]
        by: String,
        /// The delegate's or parent's name.
        #[arg(long)]
        name: Option<String>,
    },
}

pub fn outcomes(ctx: &Context, c: OutcomesCommand) -> CmdResult {
    let OutcomesCommand::Add { person, kind, start, contract, months, employer, evidence, path, vacancy } = c;
    let mut desk = ctx.open()?;
    let person_id = desk.find_person(&person).or_fail(ctx)?;
    let o = NewOutcome {
        person_id,
        path_id: path,
        kind: ctx.parse::<OutcomeKind>("kind", &kind)?,
        contract: contract.as_deref().map(|c| ctx.parse::<ContractType>("contract", c)).transpose()?,
        start_on: ctx.parse("start", &start)?,
        planned_months: months,
        employer,
        vacancy_id: vacancy,
        evidence,
    };
    let id = desk.add_outcome(&ctx.reader, &o).or_fail(ctx)?;
    ctx.created(id)
}

pub fn notes(ctx: &Context, c: NotesCommand) -> CmdResult {
    let NotesCommand::Add { person, text, visibility, expires } = c;
    let mut desk = ctx.open()?;
    let id = desk.find_person(&person).or_fail(ctx)?;
    let visibility: Visibility = ctx.parse("visibility", &visibility)?;
    let expires = expires.as_deref().map(|d| ctx.parse("expires", d)).transpose()?;
    let note = desk.add_note(&ctx.reader, id, visibility, &text, expires).or_fail(ctx)?;
    ctx.created(note)
}

pub fn consents(ctx: &Context, c: ConsentsCommand) -> CmdResult {
    let mut desk = ctx.open()?;
    let grant = matches!(c, ConsentsCommand::Grant { .. });
    let day = |on: Option<String>| on.as_deref().map(|d| ctx.parse("on", d)).transpose().map(|d| d.unwrap_or(ctx.today));
    match c {
        ConsentsCommand::Grant { person, consent, on } | ConsentsCommand::Withdraw { person, consent, on } => {
            let id = desk.find_person(&person).or_fail(ctx)?;
            let kind: ConsentKind = ctx.parse("consent", &consent)?;
            desk.set_consent(&ctx.reader, id, kind, grant, day(on)?).or_fail(ctx)?;
        }
        ConsentsCommand::Ack { person, notice, on, by, name } => {
            let id = desk.find_person(&person).or_fail(ctx)?;
            let by: AcknowledgedBy = ctx.parse("by", &by)?;
            desk.acknowledge_notice(&ctx.reader, id, &notice, day(on)?, by, name.as_deref()).or_fail(ctx)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
