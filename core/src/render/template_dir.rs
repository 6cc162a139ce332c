//! Reading a user's template folder: the Typst sources and the data files they read, keyed
//! by their path inside the folder. The one reader for the command line (`--template-dir`)
//! and Python (`Renderer.add_template` with a folder).

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::{Error, Result};

/// The kinds of file a template folder may hold: Typst sources and data they read.
pub const TEMPLATE_FILE_EXTENSIONS: [&str; 6] = ["typ", "json", "yaml", "yml", "txt", "csv"];

/// Every file of `dir` (recursively) with one of [`TEMPLATE_FILE_EXTENSIONS`], keyed by its
/// `/`-separated path relative to `dir`.
pub fn read_template_dir(dir: &Path) -> Result<BTreeMap<String, String>> {
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files)?;
    Ok(files)
}

fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, String>) -> Result<()> {
    let cannot = |path: &Path, e: std::io::Error| Error::Render {
        message: format!("cannot read {}: {e}", path.display()),
        hint: Some("a template folder holds main.typ and the files it reads".into()),
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| cannot(dir, e))? {
        paths.push(entry.map_err(|e| cannot(dir, e))?.path());
    }
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(root, &path, out)?;
        } else if path.extension().is_some_and(|e| TEMPLATE_FILE_EXTENSIONS.iter().any(|x| e == *x)) {
            let relative = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            out.insert(relative, std::fs::read_to_string(&path).map_err(|e| cannot(&path, e))?);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn reads_sources_and_data_and_nothing_else() {
        let dir = std::env::temp_dir().join(format!("sportello-template-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("parts")).unwrap();
        for (name, text) in [("main.typ", "= CV"), ("parts/head.typ", "x"), ("words.json", "{}"), ("photo.png", "")] {
            std::fs::write(dir.join(name), text).unwrap();
        }
        let files = read_template_dir(&dir).unwrap();
        assert_eq!(files.keys().collect::<Vec<_>>(), ["main.typ", "parts/head.typ", "words.json"]);
        assert!(matches!(read_template_dir(&dir.join("missing")), Err(Error::Render { .. })));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
