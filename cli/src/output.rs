//! How the command line talks: `error: ...` / `hint: ...` lines on stderr, exit codes,
//! and the output formats shared by the commands.

use std::fmt::Display;
use std::path::Path;
use std::process::ExitCode;

/// Exit code: the input has errors.
pub const EXIT_INVALID: u8 = 1;
/// Exit code: a file could not be read or written.
pub const EXIT_IO: u8 = 3;

/// Output format for commands that print results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Human-readable text.
    Table,
    /// JSON, for tools.
    Json,
}

/// A failure that ends a command.
#[derive(Debug)]
pub struct Failure {
    message: String,
    hint: Option<String>,
    code: u8,
}

impl Failure {
    /// A failure to read or write `path`.
    pub fn io(action: &str, path: &Path, err: impl Display) -> Self {
        Self { message: format!("cannot {action} {}: {err}", path.display()), hint: None, code: EXIT_IO }
    }

    /// A failure from the core library (an option out of range is a usage error, exit 2).
    pub fn core(context: Option<&Path>, err: &sportello::Error) -> Self {
        let message = match (context, err) {
            (_, sportello::Error::InvalidOption { name, value, expected }) => {
                format!("--{}: {value} is not allowed (expected {expected})", name.replace('_', "-"))
            }
            (Some(p), _) => format!("{}: {err}", p.display()),
            (None, _) => err.to_string(),
        };
        let code = if matches!(err, sportello::Error::InvalidOption { .. }) { 2 } else { EXIT_INVALID };
        Self { message, hint: err.hint(), code }
    }

    /// What went wrong, in words.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Any other failure, with a hint.
    pub fn other(message: impl Into<String>, hint: Option<String>, code: u8) -> Self {
        Self { message: message.into(), hint, code }
    }

    /// Prints the failure and gives the exit code.
    pub fn report(self) -> ExitCode {
        eprintln!("error: {}", self.message);
        if let Some(h) = self.hint {
            eprintln!("hint: {h}");
        }
        ExitCode::from(self.code)
    }
}

/// What commands return.
pub type CmdResult = Result<ExitCode, Failure>;

/// Reads a profile or vacancy file, or standard input for `-`, up to the document size
/// limit (one byte more, so that the core can say the file is too large).
pub fn read_input(path: &Path) -> Result<Vec<u8>, Failure> {
    read_limited(path, sportello::limits::MAX_DOCUMENT_BYTES)
}

/// Refuses to overwrite an existing file without `--force`. Documents people edit
/// (`init`, `import`, `export`) are never overwritten by accident; rendered CVs are
/// outputs made again from their profile, so `render` overwrites them, as `typst compile`
/// does.
pub fn refuse_to_overwrite(path: &Path, force: bool) -> Result<(), Failure> {
    if path.exists() && !force {
        return Err(Failure::other(
            format!("{} already exists", path.display()),
            Some("pass --force to overwrite it, or choose another name".into()),
            EXIT_IO,
        ));
    }
    Ok(())
}

/// The language of a `--lang` option, or a usage error (exit 2) that says what is accepted.
pub fn lang(code: &str) -> Result<sportello::lang::Lang, Failure> {
    code.parse().map_err(|e: sportello::lang::UnknownLang| Failure::other(format!("--lang: {e}"), None, 2))
}

/// Reads a file, or standard input for `-`, up to `limit` bytes plus one.
pub fn read_limited(path: &Path, limit: usize) -> Result<Vec<u8>, Failure> {
    use std::io::Read;
    let limit = limit as u64 + 1;
    let mut buf = Vec::new();
    let result = if path == Path::new("-") {
        std::io::stdin().take(limit).read_to_end(&mut buf)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut buf))
    };
    result.map_err(|e| Failure::io("read", path, e))?;
    Ok(buf)
}

/// Today's date from the system clock, or from `SPORTELLO_TODAY` (YYYY-MM-DD) when set,
/// so that runs can be repeated.
pub fn today() -> Result<sportello::model::PartialDate, Failure> {
    if let Ok(fixed) = std::env::var("SPORTELLO_TODAY") {
        return fixed.parse().map_err(|e| Failure::other(format!("SPORTELLO_TODAY: {e}"), None, 2));
    }
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    sportello::model::PartialDate::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(0))
        .ok_or_else(|| Failure::other("the system clock is outside 1900-2200", None, EXIT_IO))
}

/// A progress bar on standard error (hidden when it is not a terminal).
pub fn progress(len: u64, what: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} ({eta})") {
        bar.set_style(style);
    }
    bar.set_message(what.to_owned());
    bar
}
