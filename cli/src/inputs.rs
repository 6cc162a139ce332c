//! Reading many profiles and vacancies from files and folders for the matching commands:
//! YAML or JSON documents, and vacancy feeds (a JSON array or JSON Lines, read by the
//! core's [`sportello::feed`]). Problems are reported with the file and line; a bad entry
//! is skipped and counted, never dropped silently.

use std::path::{Path, PathBuf};

use sportello::feed;
use sportello::load::{Format, load_profile, load_vacancy};
use sportello::model::{PartialDate, Profile, Vacancy};

use sportello::limits::MAX_IMPORT_BYTES;

use crate::output::{Failure, read_input, read_limited};

/// What was read, and what had to be skipped.
pub struct Read<T> {
    /// The documents, each with its id (file stem or `file:line`).
    pub items: Vec<(String, T)>,
    /// `file[:line]: message` for every entry skipped.
    pub skipped: Vec<String>,
}

/// Expands folders into the YAML, JSON and JSONL files they hold (sorted), keeping files.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| Failure::io("read", p, e))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|e| ["yaml", "yml", "json", "jsonl"].contains(&e.to_string_lossy().as_ref())))
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// Reads vacancies from files, folders and feeds; an entry of a feed is `file:line`.
pub fn vacancies(paths: &[PathBuf], today: PartialDate) -> Result<Read<Vacancy>, Failure> {
    let mut read = Read { items: Vec::new(), skipped: Vec::new() };
    for path in expand(paths)? {
        let bytes = read_limited(&path, MAX_IMPORT_BYTES)?;
        if feed::is_feed(&path.to_string_lossy(), &bytes) {
            let entries = feed::read(&bytes, Some(today)).map_err(|e| Failure::core(Some(&path), &e))?;
            for v in entries.vacancies {
                read.items.push((format!("{}:{}", path.display(), v.line), v.vacancy));
            }
            for p in entries.problems {
                read.skipped.push(format!("{}:{}: {}", path.display(), p.line, p.message));
            }
        } else {
            let format = format_of(&path, &bytes);
            match load_vacancy(&bytes, format, Some(today)) {
                Ok(l) => read.items.push((path.display().to_string(), l.value)),
                Err(e) => read.skipped.push(format!("{}: {e}", path.display())),
            }
        }
    }
    Ok(read)
}

/// The format of a file: from its extension, else from its content.
pub fn format_of(path: &Path, bytes: &[u8]) -> Format {
    Format::from_file_name(&path.to_string_lossy()).unwrap_or_else(|| Format::sniff(bytes))
}

/// Reads one profile (a file, or `-` for standard input); a profile with errors is a
/// failure that lists them.
pub fn profile(path: &Path, today: PartialDate) -> Result<Profile, Failure> {
    let bytes = read_input(path)?;
    load_profile(&bytes, format_of(path, &bytes), Some(today)).map(|l| l.value).map_err(|e| Failure::core(Some(path), &e))
}

/// Reads profiles from files and folders; each profile's id is its file stem.
pub fn profiles(paths: &[PathBuf], today: PartialDate) -> Result<Read<Profile>, Failure> {
    let mut read = Read { items: Vec::new(), skipped: Vec::new() };
    for path in expand(paths)? {
        let bytes = read_input(&path)?;
        let format = format_of(&path, &bytes);
        let id = path.file_stem().map_or_else(|| path.display().to_string(), |s| s.to_string_lossy().into_owned());
        match load_profile(&bytes, format, Some(today)) {
            Ok(l) => read.items.push((id, l.value)),
            Err(e) => read.skipped.push(format!("{}: {e}", path.display())),
        }
    }
    Ok(read)
}

/// Prints the skipped entries as warnings.
pub fn warn_skipped<T>(read: &Read<T>) {
    for s in &read.skipped {
        eprintln!("warning: skipped {s}");
    }
}
