//! The shape shared by Sportello's own data tables (`core/data/*.tsv`: labels, synonyms,
//! core skills): UTF-8 lines of tab-separated fields, blank lines and lines starting with
//! `#` skipped, ESCO URIs with or without their prefix, and errors that name the file and
//! the line.

use crate::error::Error;

/// The prefix of every ESCO URI, left out of short URIs in the tables.
const ESCO_PREFIX: &str = "http://data.europa.eu/esco/";

/// A URI as written in a table, with the ESCO prefix added when it was left out.
pub(crate) fn full_uri(uri: &str) -> String {
    if uri.starts_with("http://") || uri.starts_with("https://") { uri.to_owned() } else { format!("{ESCO_PREFIX}{uri}") }
}

/// One line of a table that says something.
pub(crate) struct Row<'a> {
    /// 1-based line in the file.
    pub(crate) line: u64,
    /// The line as written.
    pub(crate) text: &'a str,
    /// Its tab-separated fields, trimmed.
    pub(crate) fields: Vec<&'a str>,
    file: &'a str,
}

impl Row<'_> {
    /// An error about this line.
    pub(crate) fn error(&self, message: impl Into<String>) -> Error {
        Error::DataFile { file: self.file.to_owned(), line: self.line, message: message.into() }
    }
}

/// The lines of a table that say something; `file` names it in errors.
pub(crate) fn rows<'a>(text: &'a str, file: &'a str) -> impl Iterator<Item = Row<'a>> + 'a {
    text.lines().enumerate().filter(|(_, raw)| !raw.trim().is_empty() && !raw.trim_start().starts_with('#')).map(move |(i, raw)| Row {
        line: i as u64 + 1,
        text: raw,
        fields: raw.split('\t').map(str::trim).collect(),
        file,
    })
}
