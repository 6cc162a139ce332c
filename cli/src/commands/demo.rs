//! `sportello demo`: the main job on the shipped sample data, with nothing to set up.
//! It loads and validates a sample profile and shows what Sportello read from it.

use std::process::ExitCode;

use sportello::load::{Format, load_profile};

use crate::output::{CmdResult, Failure, today};

/// The sample profile shipped with the tests.
const SAMPLE_PROFILE: &str = include_str!("../../../tests/fixtures/profiles/franco-magazziniere-58.yaml");

/// Arguments of `demo`.
#[derive(clap::Args)]
pub struct Args {}

/// Runs the demo.
pub fn run(_args: Args) -> CmdResult {
    let today = today()?;
    let loaded = load_profile(SAMPLE_PROFILE.as_bytes(), Format::Yaml, Some(today)).map_err(|e| Failure::core(None, &e))?;
    let p = &loaded.value;
    println!("Sample profile: {} {}", p.person.given_name, p.person.family_name);
    if let Some(h) = &p.headline {
        println!("  {h}");
    }
    println!("  {} work entries, {} skills, {} languages besides the mother tongue", p.work.len(), p.skills.len(), p.languages.other.len());
    println!("  validation: {} warnings, no errors", loaded.report.warnings().count());
    for w in loaded.report.warnings() {
        println!("    warning: {w}");
    }
    Ok(ExitCode::SUCCESS)
}
