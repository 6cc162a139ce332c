//! `sportello about` and the long `--version`: version, licence and the attributions the
//! shipped reference data requires.

use std::process::ExitCode;

use crate::output::CmdResult;

/// Attribution lines for the reference data Sportello ships.
pub const ATTRIBUTIONS: &str = include_str!("attributions.txt");

/// The text of `--version`: version and attributions.
pub const LONG_VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\n\n", include_str!("attributions.txt"));

/// Prints version, licence and attributions.
pub fn run() -> CmdResult {
    print!("sportello {} (licence {})\n\n{ATTRIBUTIONS}", env!("CARGO_PKG_VERSION"), env!("CARGO_PKG_LICENSE"));
    Ok(ExitCode::SUCCESS)
}
