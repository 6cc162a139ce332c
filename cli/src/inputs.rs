//! Reading many profiles and vacancies from files and folders for the matching commands:
//! YAML or JSON documents, and JSON Lines feeds of vacancies (one per line). Problems are
//! reported with the file and line; a bad entry is skipped and counted, never dropped
//! silently.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use sportello::load::{Format, load_profile, load_vacancy};
use sportello::model::{PartialDate, Profile, Vacancy};

use crate::output::{Failure, read_input};

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

fn is_jsonl(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "jsonl")
}

/// Reads vacancies from files, folders and JSON Lines feeds.
pub fn vacancies(paths: &[PathBuf], today: PartialDate) -> Result<Read<Vacancy>, Failure> {
    let mut read = Read { items: Vec::new(), skipped: Vec::new() };
    for path in expand(paths)? {
        if is_jsonl(&path) {
            let file = std::fs::File::open(&path).map_err(|e| Failure::io("read", &path, e))?;
            for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
                let line = line.map_err(|e| Failure::io("read", &path, e))?;
                if line.trim().is_empty() {
                    continue;
                }
                match load_vacancy(line.as_bytes(), Format::Json, Some(today)) {
                    Ok(l) => read.items.push((format!("{}:{}", path.display(), i + 1), l.value)),
                    Err(e) => read.skipped.push(format!("{}:{}: {e}", path.display(), i + 1)),
                }
            }
        } else {
            let bytes = read_input(&path)?;
            let format = Format::from_file_name(&path.to_string_lossy()).unwrap_or_else(|| Format::sniff(&bytes));
            match load_vacancy(&bytes, format, Some(today)) {
                Ok(l) => read.items.push((path.display().to_string(), l.value)),
                Err(e) => read.skipped.push(format!("{}: {e}", path.display())),
            }
        }
    }
    Ok(read)
}

/// Reads profiles from files and folders; each profile's id is its file stem.
pub fn profiles(paths: &[PathBuf], today: PartialDate) -> Result<Read<Profile>, Failure> {
    let mut read = Read { items: Vec::new(), skipped: Vec::new() };
    for path in expand(paths)? {
        let bytes = read_input(&path)?;
        let format = Format::from_file_name(&path.to_string_lossy()).unwrap_or_else(|| Format::sniff(&bytes));
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
