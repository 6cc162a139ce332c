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

pub(crate) mod files;

pub use files::{ReferenceData, embedded};

use crate::error::Result;
use crate::geo::Gazetteer;
use crate::taxonomy::Taxonomy;
use files::not_here;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

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
