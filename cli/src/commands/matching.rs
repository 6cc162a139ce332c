//! `sportello match` and `sportello match-batch`: vacancies for a person, people for a
//! vacancy, and whole cohorts against the index, with explanations.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};

use sportello::feed;
use sportello::limits::MAX_IMPORT_BYTES;
use sportello::matching::explain::{self, Lang};
use sportello::matching::feed::PreparedFeed;
use sportello::matching::index::VacancyIndex;
use sportello::matching::{DEFAULT_TOP, MatchResult, Matcher, PreparedProfile, Weights};

use super::index::DEFAULT_INDEX;
use crate::inputs;
use crate::output::{CmdResult, EXIT_INVALID, Failure, progress, read_limited, today};

/// Output formats of matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MatchFormat {
    /// A readable table (with `--explain`, the reasons under each line).
    Table,
    /// JSON: every part, matched skill, gap and exclusion.
    Json,
    /// CSV, one row per match.
    Csv,
}

/// Arguments of `match`.
#[derive(clap::Args)]
pub struct Args {
    /// The person's profile (vacancies for them), unless `--vacancy` is given.
    #[arg(required_unless_present = "vacancy")]
    profile: Option<PathBuf>,
    /// A vacancy id in the index: rank the people in `--profiles` for it instead.
    #[arg(long, requires = "profiles")]
    vacancy: Option<String>,
    /// Profiles (files or folders) to rank for `--vacancy`.
    #[arg(long, num_args = 1..)]
    profiles: Vec<PathBuf>,
    /// Index folder.
    #[arg(long, default_value = DEFAULT_INDEX)]
    index: PathBuf,
    /// A vacancy feed (JSON array or JSON Lines) to rank in memory instead of the index;
    /// with `--format json`, each match carries the vacancy and its explanation.
    #[arg(long, conflicts_with = "vacancy")]
    feed: Option<PathBuf>,
    /// How many matches to show.
    #[arg(long, default_value_t = DEFAULT_TOP)]
    top: usize,
    /// Explain every match (parts, skills, gaps, exclusions).
    #[arg(long)]
    explain: bool,
    /// Also list excluded matches, with the reason.
    #[arg(long)]
    all: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = MatchFormat::Table)]
    format: MatchFormat,
    /// Language of explanations: it or en.
    #[arg(long, default_value = "it")]
    lang: String,
    /// Weights file (JSON or TOML); see `sportello match --help` and docs/matching.md.
    #[arg(long)]
    weights: Option<PathBuf>,
}

/// Arguments of `match-batch`.
#[derive(clap::Args)]
pub struct BatchArgs {
    /// Profiles: files or folders.
    #[arg(long, required = true, num_args = 1..)]
    profiles: Vec<PathBuf>,
    /// Index folder.
    #[arg(long, default_value = DEFAULT_INDEX)]
    index: PathBuf,
    /// Matches per person.
    #[arg(long, default_value_t = DEFAULT_TOP)]
    top: usize,
    /// Output file: `.jsonl` (one match per line) or `.csv`; `-` prints JSON Lines.
    #[arg(long, short, default_value = "-")]
    out: PathBuf,
    /// Weights file (JSON or TOML).
    #[arg(long)]
    weights: Option<PathBuf>,
}

/// Reads a weights file: JSON, or TOML by extension.
pub fn load_weights(path: Option<&Path>) -> Result<Weights, Failure> {
    let Some(path) = path else { return Ok(Weights::default()) };
    let text = std::fs::read_to_string(path).map_err(|e| Failure::io("read", path, e))?;
    let weights: Weights = if path.extension().is_some_and(|e| e == "toml") {
        toml::from_str(&text).map_err(|e| {
            Failure::other(format!("{}: {e}", path.display()), Some("see docs/matching.md for the fields".into()), EXIT_INVALID)
        })?
    } else {
        serde_json::from_str(&text).map_err(|e| {
            Failure::other(format!("{}: {e}", path.display()), Some("see docs/matching.md for the fields".into()), EXIT_INVALID)
        })?
    };
    weights.check().map_err(|e| Failure::other(format!("{}: {e}", path.display()), None, EXIT_INVALID))?;
    Ok(weights)
}

/// Runs `match`.
pub fn run(args: Args) -> CmdResult {
    let today = today()?;
    let lang = crate::output::lang(&args.lang)?;
    let mut matcher = crate::taxonomy_store::matcher(today)?;
    matcher.weights = load_weights(args.weights.as_deref())?;
    if let Some(feed) = &args.feed {
        return run_feed(&args, feed, &matcher, lang);
    }
    let index = VacancyIndex::open(&args.index).map_err(|e| Failure::core(None, &e))?;
    let results = if let Some(id) = &args.vacancy {
        let vacancy = index.get(id).map_err(|e| Failure::core(None, &e))?.ok_or_else(|| {
            Failure::other(
                format!("no vacancy {id:?} in {}", args.index.display()),
                Some("list ids with `sportello index stats` or add it with `sportello index add`".into()),
                EXIT_INVALID,
            )
        })?;
        let read = inputs::profiles(&args.profiles, today)?;
        inputs::warn_skipped(&read);
        let prepared: Vec<_> = sportello::matching::bulk::prepare_profiles(&matcher, &read.items);
        matcher.profiles_for(&vacancy, &prepared, args.top, args.all)
    } else {
        let prepared = the_profile(&args, &matcher)?;
        matcher.vacancies_for(&index, &prepared, args.top, args.all).map_err(|e| Failure::core(None, &e))?
    };
    let by_profile = args.vacancy.is_some();
    print_results(&args, &results, lang, by_profile)
}

/// The one profile of `match`, read and prepared.
fn the_profile(args: &Args, matcher: &Matcher<'_>) -> Result<PreparedProfile, Failure> {
    let path = args.profile.clone().unwrap_or_default();
    let read = inputs::profiles(std::slice::from_ref(&path), matcher.today)?;
    let Some((id, profile)) = read.items.first() else {
        return Err(Failure::other(
            read.skipped.first().cloned().unwrap_or_else(|| format!("no profile in {}", path.display())),
            None,
            EXIT_INVALID,
        ));
    };
    Ok(matcher.prepare_profile(id, profile))
}

/// `match --feed`: the feed's vacancies ranked in memory, with the core's explanations.
fn run_feed(args: &Args, path: &Path, matcher: &Matcher<'_>, lang: Lang) -> CmdResult {
    let bytes = read_limited(path, MAX_IMPORT_BYTES)?;
    let read = feed::read(&bytes, Some(matcher.today)).map_err(|e| Failure::core(Some(path), &e))?;
    for p in read.problems.iter() {
        eprintln!("warning: skipped {}:{}: {}", path.display(), p.line, p.message);
    }
    let feed = PreparedFeed::new(read, matcher.taxonomy, matcher.gazetteer);
    let ranked = feed.rank(matcher, &the_profile(args, matcher)?, args.top, args.all, lang);
    if args.format == MatchFormat::Json {
        println!("{}", serde_json::to_string_pretty(&ranked).unwrap_or_default());
        return Ok(ExitCode::SUCCESS);
    }
    let results: Vec<MatchResult> = ranked.into_iter().map(|r| r.result).collect();
    print_results(args, &results, lang, false)
}

fn print_results(args: &Args, results: &[MatchResult], lang: Lang, by_profile: bool) -> CmdResult {
    match args.format {
        MatchFormat::Json => println!("{}", serde_json::to_string_pretty(results).unwrap_or_default()),
        MatchFormat::Csv => {
            let mut out = std::io::stdout().lock();
            write_csv(&mut out, results, lang).map_err(|e| Failure::other(e.to_string(), None, 3))?;
        }
        MatchFormat::Table => print_table(results, lang, args.explain, by_profile),
    }
    if results.is_empty() {
        eprintln!("no matches{}", if args.all { "" } else { " (try --all to see the excluded ones and why)" });
    }
    Ok(ExitCode::SUCCESS)
}

/// Results as an aligned table (vacancies for a person, or people for a vacancy).
pub(crate) fn print_table(results: &[MatchResult], lang: Lang, explain_each: bool, by_profile: bool) {
    let (who, km) = match lang {
        Lang::It => (if by_profile { "persona" } else { "offerta" }, "km"),
        Lang::En => (if by_profile { "person" } else { "vacancy" }, "km"),
    };
    println!("{:>3}  {:>5}  {:<22} {:<40} {:>6}", "#", "score", who, if by_profile { "" } else { "title" }, km);
    for (i, r) in results.iter().enumerate() {
        let id = if by_profile { &r.profile_id } else { &r.vacancy_id };
        let title = if by_profile { String::new() } else { r.title.chars().take(40).collect() };
        let d = r.distance_km.map_or_else(|| "-".into(), |d| format!("{d:.1}"));
        let flag = if r.excluded { " x" } else { "" };
        println!("{:>3}  {:>4.0}%  {:<22} {:<40} {:>6}{flag}", i + 1, r.score * 100.0, id, title, d);
        if explain_each {
            for line in explain::explain(r, lang).lines().skip(1) {
                println!("       {line}");
            }
        } else {
            for e in &r.exclusions {
                println!("       x {}", explain::exclusion(e, lang));
            }
        }
    }
}

/// One CSV row per match.
fn write_csv(out: &mut impl Write, results: &[MatchResult], lang: Lang) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["profile_id", "vacancy_id", "title", "score", "excluded", "distance_km", "matched", "missing", "exclusions"])?;
    for r in results {
        let matched: Vec<String> = r.matched.iter().map(|m| m.required.clone()).collect();
        let exclusions: Vec<String> = r.exclusions.iter().map(|e| explain::exclusion(e, lang)).collect();
        w.write_record([
            r.profile_id.clone(),
            r.vacancy_id.clone(),
            r.title.clone(),
            format!("{:.4}", r.score),
            r.excluded.to_string(),
            r.distance_km.map(|d| d.to_string()).unwrap_or_default(),
            matched.join("; "),
            r.missing.join("; "),
            exclusions.join("; "),
        ])?;
    }
    w.flush()
}

/// Runs `match-batch`.
pub fn batch(args: BatchArgs) -> CmdResult {
    let today = today()?;
    let mut matcher = crate::taxonomy_store::matcher(today)?;
    matcher.weights = load_weights(args.weights.as_deref())?;
    let index = VacancyIndex::open(&args.index).map_err(|e| Failure::core(None, &e))?;
    let read = inputs::profiles(&args.profiles, today)?;
    inputs::warn_skipped(&read);
    let prepared: Vec<_> = sportello::matching::bulk::prepare_profiles(&matcher, &read.items);
    let bar = progress(prepared.len() as u64, "matching");
    let done = AtomicU64::new(0);
    let started = std::time::Instant::now();
    let results = matcher
        .batch(&index, &prepared, args.top, &|| {
            bar.set_position(done.fetch_add(1, Ordering::Relaxed) + 1);
        })
        .map_err(|e| Failure::core(None, &e))?;
    bar.finish_and_clear();
    let flat: Vec<MatchResult> = results.into_iter().flatten().collect();
    let write = |out: &mut dyn Write| -> std::io::Result<()> {
        if args.out.extension().is_some_and(|e| e == "csv") {
            write_csv(&mut std::io::BufWriter::new(out), &flat, Lang::It)
        } else {
            let mut out = std::io::BufWriter::new(out);
            for r in &flat {
                serde_json::to_writer(&mut out, r)?;
                out.write_all(b"\n")?;
            }
            out.flush()
        }
    };
    if args.out.as_os_str() == "-" {
        write(&mut std::io::stdout().lock()).map_err(|e| Failure::other(e.to_string(), None, 3))?;
    } else {
        let mut file = std::fs::File::create(&args.out).map_err(|e| Failure::io("create", &args.out, e))?;
        write(&mut file).map_err(|e| Failure::io("write", &args.out, e))?;
    }
    eprintln!("{} profiles, {} matches in {:.2} s", prepared.len(), flat.len(), started.elapsed().as_secs_f64());
    Ok(if read.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_INVALID) })
}
