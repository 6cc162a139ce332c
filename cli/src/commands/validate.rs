//! `sportello validate FILE...`: checks profiles and vacancies (told apart by content)
//! and lists every problem, as text or JSON.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;
use sportello::load::{Document, load_document};
use sportello::model::PartialDate;
use sportello::validate::Problem;

use crate::output::{CmdResult, EXIT_INVALID, Failure, OutputFormat, read_input, today};

/// Arguments of `validate`.
#[derive(clap::Args)]
pub struct Args {
    /// Profile or vacancy files (JSON or YAML); `-` reads standard input.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
    /// Treat warnings as errors.
    #[arg(long)]
    strict: bool,
    /// Language of the problems' messages and hints: en or it (codes and paths are the same).
    #[arg(long, default_value = "en")]
    lang: String,
}

/// The outcome for one file.
#[derive(Serialize)]
struct Outcome {
    file: String,
    /// "profile", "vacancy" or null when it could not be read.
    kind: Option<&'static str>,
    ok: bool,
    problems: Vec<Problem>,
}

/// Validates each file and reports all problems; exit code 1 if any file has errors.
pub fn run(args: Args) -> CmdResult {
    let today = today()?;
    let lang = crate::output::lang(&args.lang)?;
    let mut outcomes: Vec<Outcome> = args.files.iter().map(|f| check(f, today, args.strict)).collect::<Result<_, _>>()?;
    for o in &mut outcomes {
        o.problems = o.problems.iter().map(|p| p.in_lang(lang)).collect();
    }
    match args.format {
        OutputFormat::Json => {
            println!("{}", serde_json::to_string_pretty(&outcomes).map_err(|e| Failure::other(e.to_string(), None, 1))?);
        }
        OutputFormat::Table => {
            for o in &outcomes {
                print_outcome(o);
            }
        }
    }
    Ok(if outcomes.iter().all(|o| o.ok) { ExitCode::SUCCESS } else { ExitCode::from(EXIT_INVALID) })
}

fn check(path: &Path, today: PartialDate, strict: bool) -> Result<Outcome, Failure> {
    let bytes = read_input(path)?;
    let format = crate::inputs::format_of(path, &bytes);
    let file = path.display().to_string();
    Ok(match load_document(&bytes, format, Some(today)) {
        Ok(l) => {
            let kind = match l.value {
                Document::Profile(_) => "profile",
                Document::Vacancy(_) => "vacancy",
            };
            let ok = !strict || l.report.problems.is_empty();
            Outcome { file, kind: Some(kind), ok, problems: l.report.problems }
        }
        Err(sportello::Error::Invalid(report)) => Outcome { file, kind: None, ok: false, problems: report.problems },
        Err(e) => Outcome { file, kind: None, ok: false, problems: vec![e.to_problem()] },
    })
}

fn print_outcome(o: &Outcome) {
    let errors = o.problems.iter().filter(|p| p.severity == sportello::validate::Severity::Error).count();
    let warnings = o.problems.len() - errors;
    let what = o.kind.unwrap_or("document");
    let status = match (errors, warnings) {
        (0, 0) => format!("ok ({what})"),
        (0, w) => format!("ok ({what}, {w} warning{})", plural(w)),
        (e, _) => format!("{e} error{}", plural(e)),
    };
    println!("{}: {status}", o.file);
    for p in &o.problems {
        let label = match p.severity {
            sportello::validate::Severity::Error => "error",
            sportello::validate::Severity::Warning => "warning",
        };
        println!("  {label}: {p}");
        if let Some(h) = &p.hint {
            println!("  hint: {h}");
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
