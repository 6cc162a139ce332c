//! The reference-data commands: `skills`, `occupations`, `places`, `normalise` and
//! `taxonomy import|info`.

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde::Serialize;
use sportello::geo::Gazetteer;
use sportello::load::{Document, load_document};
use sportello::matching::explain::Lang;
use sportello::normalise::{normalise_profile, normalise_vacancy};
use sportello::taxonomy::{DEFAULT_MIN_SIMILARITY, DEFAULT_SEARCH_LIMIT, EscoSource, SearchOptions, Taxonomy};

use crate::output::{CmdResult, EXIT_INVALID, Failure, OutputFormat, read_input, today};
use crate::taxonomy_store;

fn core(e: sportello::Error) -> Failure {
    Failure::core(None, &e)
}

fn print_json(v: &impl Serialize) -> Result<(), Failure> {
    println!("{}", serde_json::to_string_pretty(v).map_err(|e| Failure::other(e.to_string(), None, 1))?);
    Ok(())
}

/// A free-text search of the taxonomy.
#[derive(clap::Args)]
struct Search {
    /// The text.
    text: String,
    /// Language of the labels shown: it or en (a concept with no Italian label is shown in
    /// English, marked "[en]").
    #[arg(long, default_value = "it")]
    lang: String,
    /// Only match labels in this language (it, en, ...); default: every language.
    #[arg(long)]
    only_lang: Option<String>,
    /// How many hits.
    #[arg(long, default_value_t = DEFAULT_SEARCH_LIMIT)]
    limit: usize,
    /// Hits that match the text less well than this (0 to 1) are not shown (once one is,
    /// the nearest alternatives follow down to 0.8 of it): lower it to see weaker guesses.
    #[arg(long, default_value_t = DEFAULT_MIN_SIMILARITY)]
    min_similarity: f64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

impl Search {
    /// The core's options for this search, once the language and threshold are checked.
    fn options(&self) -> Result<SearchOptions<'_>, Failure> {
        crate::output::lang(&self.lang)?;
        let options = SearchOptions {
            limit: self.limit,
            lang: self.only_lang.as_deref(),
            display_lang: Some(&self.lang),
            min_similarity: self.min_similarity,
        };
        options.check().map_err(|e| Failure::core(None, &e))?;
        Ok(options)
    }

    /// What to print when nothing matched well enough, in the reader's language.
    fn nothing_found(&self, what_it: &str, what_en: &str) -> String {
        match Lang::parse(&self.lang) {
            Some(Lang::En) => {
                format!("no ESCO {what_en} matches {:?} well enough (try --min-similarity 0.5 for weaker guesses)", self.text)
            }
            _ => format!(
                "nessuna {what_it} ESCO corrisponde abbastanza a {:?} (con --min-similarity 0.5 si vedono ipotesi più deboli)",
                self.text
            ),
        }
    }
}

/// A label with its language marked when it is not the one the reader asked for.
fn shown(label: &str, label_lang: &str, wanted: &str) -> String {
    if label_lang.is_empty() || label_lang == wanted { label.to_owned() } else { format!("{label} [{label_lang}]") }
}

/// Arguments of `skills`.
#[derive(clap::Args)]
pub struct SkillsArgs {
    #[command(subcommand)]
    action: SkillsAction,
}

#[derive(clap::Subcommand)]
enum SkillsAction {
    /// Find the ESCO skills a free text means ("muletto", "excel", "cariello elevatore").
    Search(Search),
    /// The skills people in an occupation usually have (essential first).
    Suggest {
        /// The occupation, as text or ESCO URI.
        #[arg(long)]
        occupation: String,
        /// Language of the labels shown: it or en.
        #[arg(long, default_value = "it")]
        lang: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
}

/// Arguments of `occupations`.
#[derive(clap::Args)]
pub struct OccupationsArgs {
    #[command(subcommand)]
    action: OccupationsAction,
}

#[derive(clap::Subcommand)]
enum OccupationsAction {
    /// Find the ESCO occupations a job title means.
    Search(Search),
}

/// Arguments of `places`.
#[derive(clap::Args)]
pub struct PlacesArgs {
    #[command(subcommand)]
    action: PlacesAction,
}

#[derive(clap::Subcommand)]
enum PlacesAction {
    /// Find Italian comuni by name ("Trecate", "Garbagna", "Cameri (NO)") or ISTAT code.
    Search {
        /// Name or code.
        text: String,
        /// How many hits.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
}

/// Arguments of `normalise`.
#[derive(clap::Args)]
pub struct NormaliseArgs {
    /// A profile or vacancy (JSON or YAML).
    file: PathBuf,
    /// Where to write the normalised document (YAML, or JSON for a .json name); default:
    /// standard output.
    #[arg(short, long)]
    out: Option<PathBuf>,
}

/// Arguments of `taxonomy`.
#[derive(clap::Args)]
pub struct TaxonomyArgs {
    #[command(subcommand)]
    action: TaxonomyAction,
}

#[derive(clap::Subcommand)]
enum TaxonomyAction {
    /// Add the labels of an official ESCO CSV download in another language (e.g. the
    /// Italian "classification - it - csv" zip, unzipped) to the taxonomy Sportello uses.
    Import {
        /// The folder of the unzipped download (skills_xx.csv, occupations_xx.csv, ...).
        dir: PathBuf,
        /// Its language code; default: read from the file names.
        #[arg(long)]
        lang: Option<String>,
    },
    /// Show which taxonomy is in use, its languages and size.
    Info,
}

/// Runs `skills`.
pub fn skills(args: SkillsArgs) -> CmdResult {
    let t = taxonomy_store::taxonomy()?;
    match args.action {
        SkillsAction::Search(search) => {
            let hits = t.search_skills(&search.text, &search.options()?).map_err(core)?;
            match search.format {
                OutputFormat::Json => print_json(&hits)?,
                OutputFormat::Table => {
                    if hits.is_empty() {
                        eprintln!("{}", search.nothing_found("competenza", "skill"));
                    }
                    for h in &hits {
                        let via = h.via_occupation.as_ref().map(|o| format!(" ({})", o.preferred_label)).unwrap_or_default();
                        println!(
                            "{:>4.0}%  {:<45} {}{via} {:?} [{}]  {}",
                            h.similarity * 100.0,
                            shown(h.preferred_label, h.preferred_label_lang, &search.lang),
                            h.kind.as_str(),
                            h.matched_label,
                            h.lang,
                            h.uri
                        );
                    }
                }
            }
        }
        SkillsAction::Suggest { occupation, lang, format } => {
            crate::output::lang(&lang)?;
            let uri = if occupation.starts_with("http") {
                occupation.clone()
            } else {
                let opts = SearchOptions { limit: 1, display_lang: Some(&lang), ..SearchOptions::default() };
                let hits = t.search_occupations(&occupation, &opts).map_err(core)?;
                let hit = hits.first().ok_or_else(|| {
                    Failure::other(
                        format!("no ESCO occupation found for {occupation:?}"),
                        Some("try `sportello occupations search`".into()),
                        EXIT_INVALID,
                    )
                })?;
                eprintln!("occupation: {} ({})", hit.preferred_label, hit.uri);
                hit.uri.to_owned()
            };
            let links = t.occupation_skills_in(&uri, Some(&lang)).map_err(core)?;
            match format {
                OutputFormat::Json => print_json(&links)?,
                OutputFormat::Table => {
                    for l in &links {
                        let rel = l.relation.as_str();
                        println!("{rel:<9}  {:<60} {}", shown(l.preferred_label, l.preferred_label_lang, &lang), l.uri);
                    }
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `occupations`.
pub fn occupations(args: OccupationsArgs) -> CmdResult {
    let t = taxonomy_store::taxonomy()?;
    let OccupationsAction::Search(search) = args.action;
    let hits = t.search_occupations(&search.text, &search.options()?).map_err(core)?;
    match search.format {
        OutputFormat::Json => print_json(&hits)?,
        OutputFormat::Table => {
            if hits.is_empty() {
                eprintln!("{}", search.nothing_found("professione", "occupation"));
            }
            for h in &hits {
                let isco = t.concept(h.uri).and_then(|c| c.isco_group()).unwrap_or("-");
                let label = shown(h.preferred_label, h.preferred_label_lang, &search.lang);
                println!("{:>4.0}%  {label:<45} ISCO {isco}  {:?}  {}", h.similarity * 100.0, h.matched_label, h.uri);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `places`.
pub fn places(args: PlacesArgs) -> CmdResult {
    let g = Gazetteer::embedded();
    let PlacesAction::Search { text, limit, format } = args.action;
    let found = g.lookup(&text, limit).map_err(core)?;
    if found.is_empty() {
        // The error names the closest comuni.
        return Err(core(g.find(&text).err().unwrap_or(sportello::Error::UnknownDocument)));
    }
    match format {
        OutputFormat::Json => print_json(&found)?,
        OutputFormat::Table => {
            for m in &found {
                let c = m.comune;
                let note = if c.is_approximate() { " (province centre: no coordinates for this comune)" } else { "" };
                println!("{}  {:<40} {:.4}, {:.4}{note}", c.istat, c.display_name(), c.coordinates.lat, c.coordinates.lon);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `normalise`.
pub fn normalise(args: NormaliseArgs) -> CmdResult {
    let t = taxonomy_store::taxonomy()?;
    let bytes = read_input(&args.file)?;
    let format = crate::inputs::format_of(&args.file, &bytes);
    let mut doc = load_document(&bytes, format, Some(today()?)).map_err(|e| Failure::core(Some(&args.file), &e))?.value;
    let filled = match &mut doc {
        Document::Profile(p) => normalise_profile(p, t),
        Document::Vacancy(v) => normalise_vacancy(v, t),
    };
    let mut unplaced = Vec::new();
    for f in &filled {
        match (&f.uri, &f.evidence) {
            (Some(uri), Some(e)) => {
                eprintln!("{}: {:?} -> {:?} ({} {:.0}%) {uri}", f.path, f.label, e.matched_label, e.how, e.similarity * 100.0)
            }
            _ => unplaced.push(format!("{} {:?}", f.path, f.label)),
        }
    }
    if !unplaced.is_empty() {
        eprintln!("not placed in ESCO ({}): {}", unplaced.len(), unplaced.join(", "));
    }
    let json_out = args.out.as_ref().is_some_and(|o| o.extension().is_some_and(|e| e == "json"));
    let text = match (&doc, json_out) {
        (Document::Profile(p), true) => serde_json::to_string_pretty(p).map_err(|e| Failure::other(e.to_string(), None, 1))?,
        (Document::Vacancy(v), true) => serde_json::to_string_pretty(v).map_err(|e| Failure::other(e.to_string(), None, 1))?,
        (Document::Profile(p), false) => serde_norway::to_string(p).map_err(|e| Failure::other(e.to_string(), None, 1))?,
        (Document::Vacancy(v), false) => serde_norway::to_string(v).map_err(|e| Failure::other(e.to_string(), None, 1))?,
    };
    match &args.out {
        Some(path) => std::fs::write(path, text).map_err(|e| Failure::io("write", path, e))?,
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

fn dir_source(dir: &Path) -> impl EscoSource + '_ {
    move |name: &str| -> io::Result<Option<Box<dyn io::Read>>> {
        match std::fs::File::open(dir.join(name)) {
            Ok(f) => Ok(Some(Box::new(f))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// The language of an ESCO download from its `skills_xx.csv(.gz)` file name.
fn detect_lang(dir: &Path) -> Option<String> {
    std::fs::read_dir(dir).ok()?.filter_map(|e| e.ok()).find_map(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        let rest = name.strip_prefix("skills_")?;
        let lang = rest.split('.').next()?;
        (lang.len() == 2 && lang.bytes().all(|b| b.is_ascii_lowercase())).then(|| lang.to_owned())
    })
}

/// Runs `taxonomy`.
pub fn taxonomy(args: TaxonomyArgs) -> CmdResult {
    match args.action {
        TaxonomyAction::Import { dir, lang } => {
            let lang = lang.or_else(|| detect_lang(&dir)).ok_or_else(|| {
                Failure::other(
                    format!("cannot tell the language of {}", dir.display()),
                    Some("pass --lang, e.g. --lang it".into()),
                    EXIT_INVALID,
                )
            })?;
            let mut t = match taxonomy_store::pack_path() {
                p if p.exists() => Taxonomy::from_pack(&std::fs::read(&p).map_err(|e| Failure::io("read", &p, e))?).map_err(core)?,
                _ => Taxonomy::load_embedded().map_err(core)?,
            };
            let report = t.add_language_from_esco_csv(&dir_source(&dir), &lang).map_err(|e| Failure::core(Some(&dir), &e))?;
            for f in &report.files {
                eprintln!("read {}: {} records", f.name, f.records);
            }
            let path = taxonomy_store::pack_path();
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| Failure::io("create", parent, e))?;
            }
            std::fs::write(&path, t.to_pack()).map_err(|e| Failure::io("write", &path, e))?;
            eprintln!("added {lang} labels; the taxonomy in {} now has: {}", path.display(), t.languages().collect::<Vec<_>>().join(", "));
            eprintln!("hint: run `sportello index reindex` so indexed vacancies use it");
            Ok(ExitCode::SUCCESS)
        }
        TaxonomyAction::Info => {
            let t = taxonomy_store::taxonomy()?;
            let path = taxonomy_store::pack_path();
            println!(
                "taxonomy:  {}",
                if path.exists() {
                    path.display().to_string()
                } else {
                    "embedded (ESCO v1.1.1, English, with Sportello's Italian synonyms)".into()
                }
            );
            println!("source:    {}", t.source());
            println!("languages: {}", t.languages().collect::<Vec<_>>().join(", "));
            println!("labels:    {}", t.label_count());
            Ok(ExitCode::SUCCESS)
        }
    }
}
