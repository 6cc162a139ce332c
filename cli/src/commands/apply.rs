//! `sportello letter PROFILE --for VACANCY --index DIR`: a cover letter for one vacancy,
//! drafted by the core (`sportello::apply`) from the profile and the match, or the
//! person's own paragraphs from the profile's `cover_letters`.

use std::path::PathBuf;
use std::process::ExitCode;

use sportello::apply::cover_letter;

use super::outreach::{one_vacancy, write_document};
use crate::output::{CmdResult, EXIT_INVALID, Failure, today};

/// Arguments of `letter`.
#[derive(clap::Args)]
pub struct LetterArgs {
    /// The person's profile (JSON or YAML).
    profile: PathBuf,
    /// The vacancy's id in the index.
    #[arg(long = "for")]
    vacancy: String,
    /// The vacancy index folder.
    #[arg(long)]
    index: PathBuf,
    /// Output file: .pdf, .svg, .png, .txt, or .json (each paragraph with the template and
    /// the profile's fields it came from).
    #[arg(short, long, default_value = "lettera.pdf")]
    out: PathBuf,
    /// Language: it or en.
    #[arg(long, default_value = "it")]
    lang: String,
}

/// Writes the cover letter.
pub fn run_letter(a: LetterArgs) -> CmdResult {
    let lang = crate::output::lang(&a.lang)?;
    let today = today()?;
    let profile = crate::inputs::profile(&a.profile, today)?;
    let vacancy = one_vacancy(&a.index, &a.vacancy, lang)?;
    let matcher = crate::taxonomy_store::matcher(today)?;
    let m = matcher.score(&matcher.prepare_profile("profile", &profile), &matcher.prepare_vacancy(&vacancy));
    let letter = cover_letter(&profile, &vacancy, &m, today, lang);
    if a.out.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        let json = serde_json::to_vec_pretty(&letter).map_err(|e| Failure::other(e.to_string(), None, EXIT_INVALID))?;
        std::fs::write(&a.out, json).map_err(|e| Failure::io("write", &a.out, e))?;
        println!("{}", a.out.display());
    } else {
        write_document(&letter.document(&profile, lang), &a.out, today, lang)?;
    }
    Ok(ExitCode::SUCCESS)
}
