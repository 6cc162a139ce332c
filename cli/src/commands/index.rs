//! `sportello index add|remove|stats|reindex`: the on-disk vacancy index.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sportello::matching::Matcher;
use sportello::matching::index::VacancyIndex;
use sportello::matching::indexing::{Added, DEFAULT_COMMIT_EVERY, MAX_NAMED, Progress, add_json_lines, add_vacancies};
use sportello::matching::memo::{MemoLoad, MemoStats};
use sportello::model::PartialDate;

use crate::inputs;
use crate::output::{CmdResult, Failure, OutputFormat, progress, today};

/// The default index folder.
pub const DEFAULT_INDEX: &str = "sportello-index";

/// Arguments of `index`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// Add vacancies (YAML/JSON files, folders, JSON Lines feeds); a vacancy whose id is
    /// already indexed is replaced. A `.jsonl` feed is read a batch of lines at a time,
    /// whatever its length; the labels placed in ESCO are kept in the index folder, so the
    /// next feed searches only its new ones.
    Add {
        /// Files or folders.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Index folder (created if missing).
        #[arg(long, default_value = DEFAULT_INDEX)]
        index: PathBuf,
        /// Commit every N vacancies (what is committed survives a crash).
        #[arg(long, default_value_t = DEFAULT_COMMIT_EVERY)]
        commit_every: usize,
    },
    /// Remove vacancies by id.
    Remove {
        /// Vacancy ids.
        #[arg(required = true)]
        ids: Vec<String>,
        /// Index folder.
        #[arg(long, default_value = DEFAULT_INDEX)]
        index: PathBuf,
    },
    /// Show how many vacancies the index holds and its size.
    Stats {
        /// Index folder.
        #[arg(long, default_value = DEFAULT_INDEX)]
        index: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// Rebuild the index from the vacancies it stores (after an upgrade of sportello or
    /// of the taxonomy).
    Reindex {
        /// Index folder.
        #[arg(long, default_value = DEFAULT_INDEX)]
        index: PathBuf,
    },
}

/// Runs an index command.
pub fn run(args: Args) -> CmdResult {
    let today = today()?;
    let matcher = crate::taxonomy_store::matcher(today)?;
    match args.action {
        Action::Add { files, index, commit_every } => add(&files, &index, commit_every, &matcher, today),
        Action::Remove { ids, index } => {
            let idx = VacancyIndex::open(&index).map_err(|e| Failure::core(None, &e))?;
            let mut w = idx.writer().map_err(|e| Failure::core(None, &e))?;
            for id in &ids {
                w.remove(id);
            }
            w.commit().map_err(|e| Failure::core(None, &e))?;
            eprintln!("removed {} id(s); {} vacancies left", ids.len(), idx.stats().map_err(|e| Failure::core(None, &e))?.vacancies);
            Ok(ExitCode::SUCCESS)
        }
        Action::Stats { index, format } => {
            let idx = VacancyIndex::open(&index).map_err(|e| Failure::core(None, &e))?;
            let s = idx.stats().map_err(|e| Failure::core(None, &e))?;
            match format {
                OutputFormat::Json => println!("{}", serde_json::to_string_pretty(&s).unwrap_or_default()),
                OutputFormat::Table => {
                    println!("index:      {}", index.display());
                    println!("vacancies:  {}", s.vacancies);
                    println!("size:       {:.1} MB", s.bytes as f64 / 1e6);
                    println!("segments:   {}", s.segments);
                    println!("format:     {}", s.schema_version);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Action::Reindex { index } => {
            let memo = matcher.memo();
            let n = VacancyIndex::rebuild(&index, |v| matcher.prepare_vacancy_with(v, &memo)).map_err(|e| Failure::core(None, &e))?;
            eprintln!("reindexed {n} vacancies in {}", index.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `index add`: JSON Lines feeds are read a batch of lines at a time (any length); other
/// files are read whole, then added together.
fn add(files: &[PathBuf], index: &Path, commit_every: usize, matcher: &Matcher<'_>, today: PartialDate) -> CmdResult {
    let (streams, documents): (Vec<PathBuf>, Vec<PathBuf>) =
        inputs::expand(files)?.into_iter().partition(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl")));
    let idx = VacancyIndex::open_or_create(index).map_err(|e| Failure::core(None, &e))?;
    let mut totals = Totals::default();
    if !documents.is_empty() {
        let read = inputs::vacancies(&documents, today)?;
        inputs::warn_skipped(&read);
        totals.skipped += read.skipped.len();
        let vacancies: Vec<_> = read.items.into_iter().map(|(_, v)| v).collect();
        let bar = progress_share();
        let added =
            add_vacancies(&idx, matcher, &vacancies, commit_every, |p| show(&bar, "indexing", p)).map_err(|e| Failure::core(None, &e))?;
        bar.finish_and_clear();
        totals.note(&added, None);
    }
    for path in &streams {
        let file = std::fs::File::open(path).map_err(|e| Failure::io("read", path, e))?;
        let size = file.metadata().ok().map(|m| m.len());
        let bar = progress_share();
        let what = format!("indexing {}", path.display());
        let reader = std::io::BufReader::with_capacity(1 << 20, file);
        let added = add_json_lines(&idx, matcher, reader, size, commit_every, |p| show(&bar, &what, p))
            .map_err(|e| Failure::core(Some(path), &e))?;
        bar.finish_and_clear();
        totals.note(&added, Some(path));
    }
    let stats = idx.stats().map_err(|e| Failure::core(None, &e))?;
    eprintln!(
        "indexed {} vacancies ({} skipped); {} now in {}; {} labels placed, {:.0}% from the memo",
        totals.vacancies,
        totals.skipped,
        stats.vacancies,
        index.display(),
        totals.memo.lookups,
        100.0 * totals.memo.reused_share()
    );
    if totals.unplaced > 0 {
        eprintln!("note: {} skill labels could not be placed in ESCO (try `sportello normalise`)", totals.unplaced);
    }
    Ok(if totals.skipped == 0 { ExitCode::SUCCESS } else { ExitCode::from(crate::output::EXIT_INVALID) })
}

/// A progress bar by share of the input read (per mille).
fn progress_share() -> indicatif::ProgressBar {
    let bar = progress(1_000, "indexing");
    if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} {bar:40} {percent}% ({eta})") {
        bar.set_style(style);
    }
    bar
}

/// How far it got, with the labels placed per second and the share found in the memo.
fn show(bar: &indicatif::ProgressBar, what: &str, p: &Progress) {
    bar.set_position((p.read * 1_000.0) as u64);
    bar.set_message(format!(
        "{what}: {} vacancies, {:.0} labels/s, {:.0}% from the memo",
        p.done,
        p.labels_per_second(),
        100.0 * p.memo.reused_share()
    ));
}

/// What the additions of one `index add` did together.
#[derive(Default)]
struct Totals {
    vacancies: usize,
    skipped: usize,
    unplaced: usize,
    /// The memos' use, summed (`labels` left at 0: the additions share one memo file).
    memo: MemoStats,
    named: usize,
}

impl Totals {
    /// Adds one addition's figures, and prints its notes (`path`: the feed read).
    fn note(&mut self, added: &Added, path: Option<&Path>) {
        self.vacancies += added.vacancies;
        self.skipped += added.left_out;
        self.unplaced += added.unplaced;
        self.memo.lookups += added.memo.lookups;
        self.memo.reused += added.memo.reused;
        let file = path.map_or_else(String::new, |p| format!("{}:", p.display()));
        for p in &added.left_out_named {
            eprintln!("warning: skipped {file}{}: {}", p.line, p.message);
        }
        if added.left_out > added.left_out_named.len() {
            eprintln!("warning: skipped {} more entries of {}", added.left_out - added.left_out_named.len(), file.trim_end_matches(':'));
        }
        for (id, label) in added.unplaced_named.iter().take(MAX_NAMED.saturating_sub(self.named)) {
            eprintln!("note: {id}: skill {label:?} is not in ESCO; it will be matched by name");
        }
        self.named += added.unplaced_named.len();
        match &added.memo_load {
            MemoLoad::Stale => {
                eprintln!("note: the labels placed by earlier additions were for another taxonomy or sportello: placed again")
            }
            MemoLoad::Damaged(why) => eprintln!("note: the labels placed by earlier additions could not be read ({why}): placed again"),
            MemoLoad::Missing | MemoLoad::Reused { .. } => {}
        }
        if let Some(why) = &added.memo_not_saved {
            eprintln!("note: the labels placed could not be kept for the next addition: {why}");
        }
    }
}
