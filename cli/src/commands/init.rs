//! `sportello init`: writes a commented example profile to start from.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::output::{CmdResult, Failure};

/// The example profile, in Italian with English notes; a test checks that it validates.
pub const EXAMPLE_PROFILE: &str = include_str!("example-profile.yaml");

/// Arguments of `init`.
#[derive(clap::Args)]
pub struct Args {
    /// Where to write the profile; `-` prints it.
    #[arg(default_value = "profile.yaml")]
    path: PathBuf,
    /// Overwrite the file if it exists.
    #[arg(long)]
    force: bool,
}

/// Writes the example profile.
pub fn run(args: Args) -> CmdResult {
    if args.path.as_os_str() == "-" {
        print!("{EXAMPLE_PROFILE}");
        return Ok(ExitCode::SUCCESS);
    }
    crate::output::refuse_to_overwrite(&args.path, args.force)?;
    std::fs::write(&args.path, EXAMPLE_PROFILE).map_err(|e| Failure::io("write", &args.path, e))?;
    eprintln!("wrote {}: edit it, then run `sportello validate {}`", args.path.display(), args.path.display());
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_profile_is_valid_without_warnings() {
        let l = sportello::load::load_profile(EXAMPLE_PROFILE.as_bytes(), sportello::load::Format::Yaml, None).unwrap();
        assert!(l.report.problems.is_empty(), "{:?}", l.report);
    }
}
