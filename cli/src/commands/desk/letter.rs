//! `sportello desk letter`: a printable letter to a person (an appointment, its reminder,
//! an outcome), addressed from their desk; worded by `sportello::desk` and laid out by the
//! outreach letter template.

use std::path::PathBuf;

use clap::Args;
use sportello::desk::LetterKind;
use sportello::outreach::{Logo, MAX_LOGO_BYTES, letters};

use super::{Context, OrFail};
use crate::commands::outreach::write_document;
use crate::output::{CmdResult, Failure, read_limited};

/// Arguments of `desk letter`.
#[derive(Args)]
pub struct LetterArgs {
    /// The person's number.
    person: i64,
    /// appuntamento (appointment), promemoria (reminder) or esito (outcome).
    #[arg(long)]
    kind: String,
    /// The appointment (default: the person's next one still to be held).
    #[arg(long)]
    appointment: Option<i64>,
    /// The desk's logo: a PNG, JPEG or SVG file of at most 1 MiB.
    #[arg(long)]
    logo: Option<PathBuf>,
    /// Output file: .pdf, .svg, .png or .txt.
    #[arg(short, long, default_value = "lettera.pdf")]
    out: PathBuf,
}

/// Writes the letter.
pub fn letter(ctx: &Context, a: LetterArgs) -> CmdResult {
    let kind = match a.kind.as_str() {
        "appointment" => LetterKind::Appointment,
        "reminder" => LetterKind::Reminder,
        "outcome" => LetterKind::Outcome,
        other => ctx.parse::<LetterKind>("kind", other)?,
    };
    let logo = match &a.logo {
        Some(path) => Some(Logo::new(read_limited(path, MAX_LOGO_BYTES)?).map_err(|e| Failure::core(Some(path), &e))?),
        None => None,
    };
    let (letter, contact) = ctx.open()?.letter(&ctx.reader, a.person, kind, a.appointment, ctx.lang).or_fail(ctx)?;
    let doc = letters(&[letter], Some(&contact.sender(logo)), ctx.lang);
    write_document(&doc, &a.out, ctx.today.as_partial(), ctx.lang)?;
    Ok(std::process::ExitCode::SUCCESS)
}
