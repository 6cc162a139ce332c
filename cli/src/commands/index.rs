//! `sportello index add|remove|stats|reindex`: the on-disk vacancy index.

use std::path::PathBuf;
use std::process::ExitCode;

use sportello::matching::index::VacancyIndex;

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
    /// already indexed is replaced.
    Add {
        /// Files or folders.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Index folder (created if missing).
        #[arg(long, default_value = DEFAULT_INDEX)]
        index: PathBuf,
        /// Commit every N vacancies (what is committed survives a crash).
        #[arg(long, default_value_t = 10_000)]
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
        Action::Add { files, index, commit_every } => {
            let read = inputs::vacancies(&files, today)?;
            inputs::warn_skipped(&read);
            let idx = VacancyIndex::open_or_create(&index).map_err(|e| Failure::core(None, &e))?;
            let mut w = idx.writer().map_err(|e| Failure::core(None, &e))?;
            let bar = progress(read.items.len() as u64, "indexing");
            let mut unplaced = 0;
            for (i, (_, v)) in read.items.iter().enumerate() {
                let prepared = matcher.prepare_vacancy(v);
                for label in &prepared.unplaced {
                    unplaced += 1;
                    if unplaced <= 20 {
                        bar.suspend(|| eprintln!("note: {}: skill {label:?} is not in ESCO; it will be matched by name", v.id));
                    }
                }
                w.upsert(v, &prepared).map_err(|e| Failure::core(None, &e))?;
                if (i + 1) % commit_every.max(1) == 0 {
                    w.commit().map_err(|e| Failure::core(None, &e))?;
                }
                bar.inc(1);
            }
            w.commit().map_err(|e| Failure::core(None, &e))?;
            bar.set_message("merging segments");
            w.close().map_err(|e| Failure::core(None, &e))?;
            bar.finish_and_clear();
            let stats = idx.stats().map_err(|e| Failure::core(None, &e))?;
            eprintln!(
                "indexed {} vacancies ({} skipped); {} now in {}",
                read.items.len(),
                read.skipped.len(),
                stats.vacancies,
                index.display()
            );
            if unplaced > 0 {
                eprintln!("note: {unplaced} skill labels could not be placed in ESCO (try `sportello normalise`)");
            }
            Ok(if read.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(crate::output::EXIT_INVALID) })
        }
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
            let n = VacancyIndex::rebuild(&index, |v| matcher.prepare_vacancy(v)).map_err(|e| Failure::core(None, &e))?;
            eprintln!("reindexed {n} vacancies in {}", index.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}
