//! `desk appointments ...`: booking, holding, missing, cancelling and moving.

use std::process::ExitCode;

use clap::Subcommand;
use sportello::desk::{AppointmentState, Channel, NewAppointment, Service};

use super::{Context, OrFail};
use crate::output::CmdResult;

#[derive(Subcommand)]
pub enum AppointmentsCommand {
    /// Book an appointment (prints its number).
    Add {
        /// The person's number or codice fiscale.
        person: String,
        /// accoglienza, orientamento_base, orientamento_specialistico, ricerca_attiva,
        /// accompagnamento, tutoraggio_tirocinio, formazione, proposta_lavoro, colloquio, follow_up.
        #[arg(long)]
        service: String,
        /// Day, YYYY-MM-DD.
        #[arg(long)]
        on: String,
        /// Time, HH:MM.
        #[arg(long)]
        at: Option<String>,
        /// Expected duration in minutes.
        #[arg(long, default_value_t = 45)]
        minutes: u32,
        /// in_presenza, telefono, video, email.
        #[arg(long, default_value = "in_presenza")]
        channel: String,
        /// Within this path.
        #[arg(long)]
        path: Option<i64>,
        /// Who holds it (default: the case manager).
        #[arg(long)]
        operator: Option<String>,
        /// The vacancy proposed.
        #[arg(long)]
        vacancy: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// The appointment was held, for this many minutes.
    Done {
        id: i64,
        /// Actual duration in minutes.
        #[arg(long)]
        minutes: u32,
    },
    /// The person did not come.
    Missed { id: i64 },
    /// Cancelled by the person (cittadino) or by the operator (operatore).
    Cancel {
        id: i64,
        #[arg(long, value_parser = ["cittadino", "operatore"])]
        by: String,
    },
    /// Move to another day (a new appointment takes its place; prints its number).
    Move {
        id: i64,
        #[arg(long)]
        on: String,
        #[arg(long)]
        at: Option<String>,
    },
}

pub fn appointments(ctx: &Context, c: AppointmentsCommand) -> CmdResult {
    let mut desk = ctx.open()?;
    let close = |desk: &mut sportello::desk::Desk, id, to: AppointmentState, minutes| {
        desk.close_appointment(&ctx.reader, id, to, minutes, None).or_fail(ctx)?;
        println!("{}", to.label(ctx.lang));
        Ok(ExitCode::SUCCESS)
    };
    match c {
        AppointmentsCommand::Add { person, service, on, at, minutes, channel, path, operator, vacancy, note } => {
            let person_id = desk.find_person(&person).or_fail(ctx)?;
            let a = NewAppointment {
                person_id,
                path_id: path,
                service: ctx.parse::<Service>("service", &service)?,
                channel: ctx.parse::<Channel>("channel", &channel)?,
                on: ctx.parse("on", &on)?,
                at: at.as_deref().map(|t| ctx.parse("at", t)).transpose()?,
                expected_minutes: minutes,
                operator,
                vacancy_id: vacancy,
                note,
            };
            let id = desk.book(&ctx.reader, &a).or_fail(ctx)?;
            ctx.created(id)
        }
        AppointmentsCommand::Done { id, minutes } => close(&mut desk, id, AppointmentState::Delivered, Some(minutes)),
        AppointmentsCommand::Missed { id } => close(&mut desk, id, AppointmentState::NoShow, None),
        AppointmentsCommand::Cancel { id, by } => {
            let to = if by == "cittadino" { AppointmentState::CancelledByPerson } else { AppointmentState::CancelledByOperator };
            close(&mut desk, id, to, None)
        }
        AppointmentsCommand::Move { id, on, at } => {
            let on = ctx.parse("on", &on)?;
            let at = at.as_deref().map(|t| ctx.parse("at", t)).transpose()?;
            let new = desk.move_appointment(&ctx.reader, id, on, at, None).or_fail(ctx)?;
            ctx.created(new)
        }
    }
}
