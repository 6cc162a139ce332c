//! `sportello desk report`: a period's report for the Region and the council, as a PDF
//! (drawn by Typst, with charts), CSV, JSON or text; the figures come from
//! `sportello::desk::report`.

use std::path::PathBuf;

use clap::Args;
use sportello::desk::report::{Month, ReportRequest, to_csv, view};

use super::{Context, OrFail};
use crate::output::{CmdResult, EXIT_INVALID, Failure};

/// Arguments of `desk report`.
#[derive(Args)]
pub struct ReportArgs {
    /// First month, YYYY-MM.
    #[arg(long)]
    from: String,
    /// Last month, YYYY-MM (included).
    #[arg(long)]
    to: String,
    /// One desk, by code or name (default: every desk).
    #[arg(long)]
    desk: Option<String>,
    /// pdf, csv, json or text (default: the output file's extension; json without a file).
    #[arg(long, value_parser = ["pdf", "csv", "json", "text"])]
    format: Option<String>,
    /// Output file (default: standard output; a PDF needs a file).
    #[arg(long, short)]
    out: Option<PathBuf>,
}

/// Writes the report of a period.
pub fn report(ctx: &Context, a: ReportArgs) -> CmdResult {
    let format = match (&a.format, &a.out) {
        (Some(f), _) => f.clone(),
        (None, Some(out)) => match out.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some(e @ ("pdf" | "csv" | "json")) => e.to_owned(),
            Some("txt") => "text".to_owned(),
            _ => {
                let say = ctx.lang.pick("indicare --format pdf, csv, json o text", "say --format pdf, csv, json or text");
                return Err(Failure::other(format!("{}: {say}", out.display()), None, 2));
            }
        },
        (None, None) => "json".to_owned(),
    };
    if format == "pdf" && a.out.is_none() {
        return Err(Failure::other(ctx.lang.pick("--format pdf vuole --out FILE", "--format pdf needs --out FILE"), None, 2));
    }
    let month = |option: &str, text: &str| -> Result<Month, Failure> {
        text.parse::<Month>().map_err(|e| Failure::other(format!("--{option}: {}", e.message(ctx.lang)), None, 2))
    };
    let req = ReportRequest { from: month("from", &a.from)?, to: month("to", &a.to)?, desk: a.desk.clone(), lang: ctx.lang };
    let report = ctx.open()?.report(&req).or_fail(ctx)?;
    let bytes = match format.as_str() {
        "json" => serde_json::to_vec_pretty(&report).map_err(|e| Failure::other(e.to_string(), None, EXIT_INVALID))?,
        "csv" => to_csv(&report).into_bytes(),
        format => ctx.document("report", &view(&report), format == "pdf")?,
    };
    ctx.write_out(a.out.as_deref(), &bytes)
}
