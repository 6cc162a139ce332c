//! `sportello redact PROFILE... --key-file KEY`: pseudonymised copies of profiles for
//! analysts (what is kept and what is masked: `sportello::redact`).
//!
//! The copies are written as JSON Lines on standard output, or one file each in `--out`,
//! named by pseudonym (never by the original file name, which often holds the person's
//! name).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use sportello::redact::{RedactOptions, redact};

use crate::inputs;
use crate::output::{CmdResult, EXIT_INVALID, Failure, today};

/// The environment variable that may hold the key instead of `--key-file`.
const KEY_ENV: &str = "SPORTELLO_REDACT_KEY";

/// Arguments of `redact`.
#[derive(clap::Args)]
pub struct Args {
    /// Profile files or folders of them (JSON or YAML).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// File holding the secret key of the pseudonyms (at least 16 bytes; keep it safe and
    /// reuse it so that the same person gets the same pseudonym). The environment
    /// variable SPORTELLO_REDACT_KEY may hold the key instead.
    #[arg(long, value_name = "FILE")]
    key_file: Option<PathBuf>,
    /// Folder to write one `P-….json` file per profile to; without it, JSON Lines go to
    /// standard output.
    #[arg(long, short, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Keep the year of birth (for age-band statistics); all other sensitive data go.
    #[arg(long)]
    keep_birth_year: bool,
}

fn key(args: &Args) -> Result<Vec<u8>, Failure> {
    match (&args.key_file, std::env::var(KEY_ENV)) {
        (Some(path), _) => {
            let mut bytes = std::fs::read(path).map_err(|e| Failure::io("read", path, e))?;
            // A trailing newline from `echo` or an editor is not part of the key.
            while bytes.last().is_some_and(u8::is_ascii_whitespace) {
                bytes.pop();
            }
            Ok(bytes)
        }
        (None, Ok(text)) => Ok(text.trim().as_bytes().to_vec()),
        (None, Err(_)) => Err(Failure::other(
            format!("no key for the pseudonyms (expected --key-file FILE or {KEY_ENV})"),
            Some("make one once and keep it: head -c 32 /dev/urandom | base64 > redact.key".into()),
            EXIT_INVALID,
        )),
    }
}

/// Runs `redact`.
pub fn run(args: Args) -> CmdResult {
    let options = RedactOptions { key: key(&args)?, keep_birth_year: args.keep_birth_year };
    let read = inputs::profiles(&args.files, today()?)?;
    inputs::warn_skipped(&read);
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).map_err(|e| Failure::io("create", dir, e))?;
    }
    let mut stdout = std::io::stdout().lock();
    for (_, profile) in &read.items {
        let copy = redact(profile, &options).map_err(|e| Failure::core(None, &e))?;
        let json = serde_json::to_string(&copy).map_err(|e| Failure::other(e.to_string(), None, 1))?;
        match &args.out {
            Some(dir) => {
                let path = dir.join(format!("{}.json", copy.person.given_name));
                std::fs::write(&path, json + "\n").map_err(|e| Failure::io("write", &path, e))?;
            }
            None => writeln!(stdout, "{json}").map_err(|e| Failure::other(format!("cannot write: {e}"), None, 1))?,
        }
    }
    if let Some(dir) = &args.out {
        eprintln!("redacted {} profiles into {}", read.items.len(), dir.display());
    }
    Ok(if read.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_INVALID) })
}
