//! The reference data Sportello ships in `core/data/`: the ESCO pack, Sportello's own Italian
//! labels, synonyms and core skills, and the comuni with their coordinates.
//!
//! Native builds embed these files in the binary (the `embedded-data` feature, on by
//! default), and [`Taxonomy::embedded`] and [`Gazetteer::embedded`] decode them on first use.
//! The browser widget leaves them out of its WebAssembly module, so that the first preview of
//! a CV does not wait for them, and hands them in once they have arrived: [`provide`]. Until
//! then [`loaded`] is false and the shared taxonomy and gazetteer are empty; callers that need
//! them check [`loaded`] first (the widget's worker waits for the data).
//!
//! ```
//! use sportello::reference_data::{self, ReferenceData};
//!
//! // In a native build the data is embedded, so nothing can be handed in.
//! let embedded = reference_data::embedded().unwrap();
//! assert_eq!(embedded.esco_pack.len(), sportello::taxonomy::Taxonomy::embedded_pack_len());
//! assert!(reference_data::provide(embedded).is_err());
//! assert!(reference_data::loaded());
//! ```

use crate::error::{Error, Result};
use crate::geo::Gazetteer;
use crate::taxonomy::Taxonomy;

/// The reference-data files, borrowed: the embedded copy, or bytes a caller has read.
#[derive(Debug, Clone, Copy)]
pub struct ReferenceData<'a> {
    /// `esco-en.pack`: ESCO v1.1.1 in English with the Italian ISCO group labels.
    pub esco_pack: &'a [u8],
    /// `esco-it-sportello.tsv`: Sportello's own Italian labels.
    pub it_labels: &'a str,
    /// `it-synonyms.tsv`: Sportello's own Italian synonyms (desk words).
    pub it_synonyms: &'a str,
    /// `core-skills.tsv`: the skills that define the trades desks see most.
    pub core_skills: &'a str,
    /// `comuni_it_coords.csv.gz`: the Italian comuni with their coordinates, gzipped.
    pub comuni_csv_gz: &'a [u8],
}

impl ReferenceData<'_> {
    /// The files' names, in the order of the fields (as in `core/data/` and the widget's
    /// `data/` folder).
    pub const FILES: [&'static str; 5] =
        ["esco-en.pack", "esco-it-sportello.tsv", "it-synonyms.tsv", "core-skills.tsv", "comuni_it_coords.csv.gz"];
}

#[cfg(feature = "embedded-data")]
static EMBEDDED: ReferenceData<'static> = ReferenceData {
    esco_pack: include_bytes!("../data/esco-en.pack"),
    it_labels: include_str!("../data/esco-it-sportello.tsv"),
    it_synonyms: include_str!("../data/it-synonyms.tsv"),
    core_skills: include_str!("../data/core-skills.tsv"),
    comuni_csv_gz: include_bytes!("../data/comuni_it_coords.csv.gz"),
};

/// The copy embedded in this build, or an error naming the feature when it was left out.
pub fn embedded() -> Result<&'static ReferenceData<'static>> {
    #[cfg(feature = "embedded-data")]
    return Ok(&EMBEDDED);
    #[cfg(not(feature = "embedded-data"))]
    return Err(not_here("this build has no embedded copy (the `embedded-data` feature is off): hand the files in with provide"));
}

/// Whether the shared taxonomy and gazetteer have their data: always in a build that embeds
/// it, after a successful [`provide`] otherwise.
pub fn loaded() -> bool {
    cfg!(feature = "embedded-data") || (Taxonomy::shared_is_set() && Gazetteer::shared_is_set())
}

/// Hands in the reference data of a build without an embedded copy (the browser widget).
/// Every file is decoded first (the taxonomy is also indexed for search); a file that does
/// not decode is named in the error and nothing is installed, so the call can be repeated
/// with good files. The data can be handed in once; a build that embeds it refuses.
pub fn provide(data: &ReferenceData<'_>) -> Result<()> {
    if cfg!(feature = "embedded-data") {
        return Err(not_here("this build embeds its reference data; it cannot be replaced"));
    }
    if loaded() {
        return Err(not_here("the reference data was already handed in; it cannot be replaced"));
    }
    let taxonomy = Taxonomy::from_reference(data)?;
    taxonomy.prepare();
    let gazetteer = Gazetteer::from_reference(data)?;
    Taxonomy::set_shared(taxonomy);
    Gazetteer::set_shared(gazetteer);
    Ok(())
}

fn not_here(message: &str) -> Error {
    Error::DataFile { file: "reference data".into(), line: 0, message: message.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_copy_decodes_and_cannot_be_replaced() {
        let data = embedded().expect("the default build embeds the data");
        assert!(Taxonomy::from_reference(data).expect("taxonomy").label_count() > 100_000);
        assert!(Gazetteer::from_reference(data).expect("gazetteer").len() > 7_000);
        let e = provide(data).expect_err("embedded data is never replaced");
        assert!(e.to_string().contains("embeds"), "{e}");
    }

    #[test]
    fn a_damaged_file_is_named() {
        let data = embedded().expect("embedded");
        let pack = &data.esco_pack[..data.esco_pack.len() / 2];
        let e = Taxonomy::from_reference(&ReferenceData { esco_pack: pack, ..*data }).expect_err("half a pack");
        assert!(matches!(e, Error::Pack { .. }), "{e:?}");
        let e = Taxonomy::from_reference(&ReferenceData { it_synonyms: "no tabs here\n", ..*data }).expect_err("bad table");
        assert!(e.to_string().starts_with("it-synonyms.tsv"), "{e}");
        let e = Gazetteer::from_reference(&ReferenceData { comuni_csv_gz: b"not gzip", ..*data }).expect_err("not gzip");
        assert!(e.to_string().contains("comuni_it_coords.csv"), "{e}");
    }
}
