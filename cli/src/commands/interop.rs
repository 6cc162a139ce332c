//! `sportello import` and `sportello export`: CVs and vacancies from and to JSON Resume,
//! Europass, RenderCV, schema.org JobPosting and CSV, through `sportello::interop`.
//! What could not be carried over is listed on standard error as warnings; the result
//! goes to standard output or to the file given with `-o`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sportello::interop::{ExportFormat, ImportOptions, Imported, MappingReport, SourceFormat, export_profile, export_vacancies, import};
use sportello::validate::Severity;

use crate::output::{CmdResult, Failure, read_limited, today};

/// Import formats (`--from`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum From {
    /// JSON Resume CV or job-schema jobs.
    Jsonresume,
    /// Europass Candidate XML, v3 XML/JSON or v1.0 XML.
    Europass,
    /// RenderCV YAML.
    Rendercv,
    /// schema.org JobPosting JSON-LD (or an HTML page holding it).
    Jobposting,
    /// CSV of vacancies.
    Csv,
}

impl From {
    fn format(self) -> SourceFormat {
        match self {
            From::Jsonresume => SourceFormat::JsonResume,
            From::Europass => SourceFormat::Europass,
            From::Rendercv => SourceFormat::RenderCv,
            From::Jobposting => SourceFormat::JobPosting,
            From::Csv => SourceFormat::Csv,
        }
    }
}

/// Export formats (`--to`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum To {
    /// JSON Resume 1.0.0 (from a profile).
    Jsonresume,
    /// Europass Candidate XML (from a profile).
    Europass,
    /// schema.org JobPosting JSON-LD (from vacancies).
    Jobposting,
}

/// Output syntax of `import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Syntax {
    /// YAML (the default).
    Yaml,
    /// JSON.
    Json,
    /// JSON Lines, one vacancy per line (what `sportello index add` reads).
    Jsonl,
}

/// Arguments of `import`.
#[derive(clap::Args)]
pub struct ImportArgs {
    /// File to import; `-` reads standard input. The format is told by content.
    file: PathBuf,
    /// The file's format, instead of telling it by content.
    #[arg(long, value_enum)]
    from: Option<From>,
    /// Output file: .yaml/.yml, .json or .jsonl. Default: standard output.
    #[arg(short, long)]
    out: Option<PathBuf>,
    /// Output syntax (default: from the output file's extension, else YAML).
    #[arg(long, value_enum)]
    syntax: Option<Syntax>,
    /// CSV: map a column header to a vacancy field, e.g. `--column "Rif.=id"` (repeatable).
    #[arg(long = "column", value_name = "HEADER=FIELD")]
    columns: Vec<String>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    force: bool,
}

/// Arguments of `export`.
#[derive(clap::Args)]
pub struct ExportArgs {
    /// Profile (or, with `--to jobposting`, vacancy) file, JSON or YAML; `-` reads standard input.
    file: PathBuf,
    /// Target format.
    #[arg(long, value_enum)]
    to: To,
    /// Output file. Default: standard output.
    #[arg(short, long)]
    out: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long)]
    force: bool,
}

fn write_out(out: Option<&Path>, text: &str, force: bool) -> Result<(), Failure> {
    match out {
        None => {
            print!("{text}");
            if !text.ends_with('\n') {
                println!();
            }
            Ok(())
        }
        Some(path) => {
            crate::output::refuse_to_overwrite(path, force)?;
            std::fs::write(path, text).map_err(|e| Failure::io("write", path, e))?;
            eprintln!("wrote {}", path.display());
            Ok(())
        }
    }
}

/// Prints what could not be carried over, the guesses and the warnings, on stderr.
fn print_report(report: &MappingReport, what: &str) {
    for (pattern, n, u) in report.grouped() {
        let times = if n > 1 { format!(" ({n} times)") } else { String::new() };
        eprintln!("warning: not {what}: {pattern}{times} = {} ({})", u.value, u.reason);
    }
    for note in &report.notes {
        eprintln!("note: {note}");
    }
    for p in &report.warnings {
        let label = if p.severity == Severity::Error { "warning (fix before use)" } else { "warning" };
        eprintln!("{label}: {p}");
        if let Some(h) = &p.hint {
            eprintln!("hint: {h}");
        }
    }
}

fn syntax_for(args_syntax: Option<Syntax>, out: Option<&Path>) -> Syntax {
    args_syntax.unwrap_or_else(|| match out.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        Some("json") => Syntax::Json,
        Some("jsonl") => Syntax::Jsonl,
        _ => Syntax::Yaml,
    })
}

fn serialise<T: serde::Serialize>(value: &T, syntax: Syntax) -> Result<String, Failure> {
    let e = |e: String| Failure::other(format!("cannot write the result: {e}"), None, 1);
    match syntax {
        Syntax::Yaml => serde_norway::to_string(value).map_err(|x| e(x.to_string())),
        Syntax::Json => serde_json::to_string_pretty(value).map(|s| s + "\n").map_err(|x| e(x.to_string())),
        Syntax::Jsonl => serde_json::to_string(value).map(|s| s + "\n").map_err(|x| e(x.to_string())),
    }
}

/// `sportello import FILE`.
pub fn run_import(args: ImportArgs) -> CmdResult {
    let mut columns = HashMap::new();
    for c in &args.columns {
        let Some((header, field)) = c.rsplit_once('=') else {
            return Err(Failure::other(format!("--column {c:?} is not HEADER=FIELD"), Some("e.g. --column \"Rif.=id\"".into()), 2));
        };
        columns.insert(header.trim().to_owned(), field.trim().to_owned());
    }
    let bytes = read_limited(&args.file, sportello::limits::MAX_IMPORT_BYTES)?;
    let done = import(&bytes, args.from.map(From::format), &ImportOptions { csv_columns: columns })
        .map_err(|e| Failure::core(Some(&args.file), &e))?;
    let syntax = syntax_for(args.syntax, args.out.as_deref());
    let text = match &done.document {
        Imported::Profile(p) if syntax == Syntax::Jsonl => serialise(p, Syntax::Json)?,
        Imported::Profile(p) => serialise(p, syntax)?,
        Imported::Vacancies(vs) => match (vs.as_slice(), syntax) {
            (_, Syntax::Jsonl) => vs.iter().map(|v| serialise(v, Syntax::Jsonl)).collect::<Result<String, _>>()?,
            ([one], _) => serialise(one, syntax)?,
            (many, _) => serialise(&many, syntax)?,
        },
    };
    let what = match &done.document {
        Imported::Profile(_) => "a profile".to_owned(),
        Imported::Vacancies(v) if v.len() == 1 => "1 vacancy".to_owned(),
        Imported::Vacancies(v) => format!("{} vacancies", v.len()),
    };
    eprintln!("imported {what} from {} ({})", args.file.display(), done.version);
    let c = done.report.coverage;
    if let Some(share) = c.share() {
        eprintln!("carried over {:.0}% of the file's values ({} of {})", share * 100.0, c.values - c.left_out.min(c.values), c.values);
    }
    print_report(&done.report, "imported");
    write_out(args.out.as_deref(), &text, args.force)?;
    Ok(ExitCode::SUCCESS)
}

/// `sportello export FILE --to FORMAT`.
pub fn run_export(args: ExportArgs) -> CmdResult {
    let today = today()?;
    let export = match args.to {
        To::Jobposting => {
            let read = crate::inputs::vacancies(std::slice::from_ref(&args.file), today)?;
            crate::inputs::warn_skipped(&read);
            if read.items.is_empty() {
                return Err(Failure::other(format!("{}: no vacancy could be read", args.file.display()), None, 1));
            }
            let vs: Vec<_> = read.items.into_iter().map(|(_, v)| v).collect();
            export_vacancies(&vs)
        }
        To::Jsonresume | To::Europass => {
            let profile = crate::inputs::profile(&args.file, today)?;
            let to = if args.to == To::Europass { ExportFormat::Europass } else { ExportFormat::JsonResume };
            export_profile(&profile, to).map_err(|e| Failure::core(Some(&args.file), &e))?
        }
    };
    print_report(&export.report, "exported");
    write_out(args.out.as_deref(), &export.text, args.force)?;
    Ok(ExitCode::SUCCESS)
}
