//! The reference-data files themselves: borrowed bytes, and the copy embedded in this build
//! (feature `embedded-data`). The taxonomy and the gazetteer are built from them; handing
//! them in is `reference_data::provide`.

use crate::error::{Error, Result};

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
    esco_pack: include_bytes!("../../data/esco-en.pack"),
    it_labels: include_str!("../../data/esco-it-sportello.tsv"),
    it_synonyms: include_str!("../../data/it-synonyms.tsv"),
    core_skills: include_str!("../../data/core-skills.tsv"),
    comuni_csv_gz: include_bytes!("../../data/comuni_it_coords.csv.gz"),
};

/// The copy embedded in this build, or an error naming the feature when it was left out.
pub fn embedded() -> Result<&'static ReferenceData<'static>> {
    #[cfg(feature = "embedded-data")]
    return Ok(&EMBEDDED);
    #[cfg(not(feature = "embedded-data"))]
    return Err(not_here("this build has no embedded copy (the `embedded-data` feature is off): hand the files in with provide"));
}

pub(crate) fn not_here(message: &str) -> Error {
    Error::DataFile { file: "reference data".into(), line: 0, message: message.into() }
}
