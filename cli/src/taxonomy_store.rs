//! Where the command line keeps an imported ESCO taxonomy: `taxonomy/esco.pack` under
//! `$SPORTELLO_HOME`, else `$XDG_DATA_HOME/sportello`, else `~/.local/share/sportello`.
//! When that pack exists it replaces the embedded one (it holds the embedded English
//! labels plus the languages imported); otherwise the embedded taxonomy is used.

use std::path::PathBuf;
use std::sync::OnceLock;

use sportello::taxonomy::Taxonomy;

use crate::output::{EXIT_INVALID, Failure};

/// The folder of Sportello's data.
pub fn home() -> PathBuf {
    if let Some(h) = std::env::var_os("SPORTELLO_HOME") {
        return PathBuf::from(h);
    }
    if let Some(x) = std::env::var_os("XDG_DATA_HOME") {
        return PathBuf::from(x).join("sportello");
    }
    std::env::var_os("HOME").map_or_else(|| PathBuf::from(".sportello"), |h| PathBuf::from(h).join(".local/share/sportello"))
}

/// The imported pack's path.
pub fn pack_path() -> PathBuf {
    home().join("taxonomy").join("esco.pack")
}

/// The taxonomy to use: the imported pack if there is one, else the embedded one.
pub fn taxonomy() -> Result<&'static Taxonomy, Failure> {
    static LOADED: OnceLock<Result<Taxonomy, String>> = OnceLock::new();
    let path = pack_path();
    if !path.exists() {
        return Ok(Taxonomy::embedded());
    }
    let loaded = LOADED.get_or_init(|| {
        let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        Taxonomy::from_pack(&bytes).map_err(|e| format!("{}: {e}", path.display()))
    });
    loaded.as_ref().map_err(|e| {
        Failure::other(e.clone(), Some(format!("re-import it, or delete {} to use the embedded taxonomy", path.display())), EXIT_INVALID)
    })
}

/// A matcher on the taxonomy in use, the embedded gazetteer and default weights.
pub fn matcher(today: sportello::model::PartialDate) -> Result<sportello::matching::Matcher<'static>, Failure> {
    Ok(sportello::matching::Matcher {
        taxonomy: taxonomy()?,
        gazetteer: sportello::geo::Gazetteer::embedded(),
        weights: sportello::matching::Weights::default(),
        today,
    })
}
