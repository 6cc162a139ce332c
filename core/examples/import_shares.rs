//! How much of each third-party file an import carries over: for every file in a folder
//! (default: the corpus in `../shared/data/cases/`), its format, its non-empty values, how
//! many were left out and the share kept, then the share over all files.
//!
//! `cargo run -p sportello --example import_shares [DIR]`

use std::path::{Path, PathBuf};

use sportello::interop::{ImportOptions, import};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if !path.file_name().is_some_and(|n| n == "PROVENANCE.md" || n == "README.md") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn main() {
    let dir = std::env::args().nth(1).map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/cases"), PathBuf::from);
    let (mut values, mut left_out) = (0, 0);
    println!("{:<62} {:<14} {:>7} {:>9} {:>7}", "file", "format", "values", "left out", "kept");
    for path in files(&dir) {
        let name = path.strip_prefix(&dir).unwrap_or(&path).display().to_string();
        let Ok(bytes) = std::fs::read(&path) else { continue };
        match import(&bytes, None, &ImportOptions::default()) {
            Ok(done) => {
                let c = done.report.coverage;
                let kept = c.share().map_or_else(|| "-".to_owned(), |s| format!("{:.1}%", s * 100.0));
                println!("{name:<62} {:<14} {:>7} {:>9} {kept:>7}", done.format.to_string(), c.values, c.left_out);
                values += c.values;
                left_out += c.left_out;
            }
            Err(e) => println!("{name:<62} refused: {}", e.to_string().lines().next().unwrap_or_default()),
        }
    }
    let all = sportello::interop::Coverage { values, left_out };
    println!("all files: {values} values, {left_out} left out, {:.1}% kept", all.share().unwrap_or(0.0) * 100.0);
}
