//! The one error type of the library.
//!
//! Messages are lowercase, quote the offending value and name the field or line; where a
//! fix is known a hint goes with them. Bindings map the variants: the CLI prints
//! `error: ...` and `hint: ...`, Python raises a subclass of `SportelloError`, JS gets
//! `{kind, message, hint}`.

use crate::problem::{Problem, Report, Rule};

/// Everything that can go wrong in Sportello.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is bigger than a documented limit.
    #[error("{what} is {size} bytes, more than the limit of {limit} bytes")]
    TooLarge {
        /// What was too large ("the file", "the photo").
        what: String,
        /// Its size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The input has more entries than a documented limit.
    #[error("{what} has {rows} entries (expected at most {limit})")]
    TooManyRows {
        /// What had too many ("the vacancy feed", "the CSV file").
        what: String,
        /// How many entries it has (at least).
        rows: usize,
        /// The limit.
        limit: usize,
    },
    /// The bytes are not valid UTF-8.
    #[error("line {line}, column {column}: the text is not valid UTF-8 (expected a UTF-8 file)")]
    Encoding {
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column (in characters) of the first bad byte.
        column: usize,
    },
    /// The JSON or YAML could not be parsed at all.
    #[error("{}{message}", location_prefix(*.line, *.column))]
    Syntax {
        /// "json" or "yaml".
        format: &'static str,
        /// 1-based line, 0 when unknown.
        line: usize,
        /// 1-based column, 0 when unknown.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// The document was read but breaks the data model: every problem is listed.
    #[error("{0}")]
    Invalid(Report),
    /// A template name that is not available.
    #[error("no template is called {name:?} (available: {})", available.join(", "))]
    UnknownTemplate {
        /// The name asked for.
        name: String,
        /// The names available.
        available: Vec<String>,
    },
    /// A locale that is not available.
    #[error("no locale is called {name:?} (available: {})", available.join(", "))]
    UnknownLocale {
        /// The code asked for.
        name: String,
        /// The codes available.
        available: Vec<String>,
    },
    /// A template failed to compile: `file:line:column: message`.
    #[error("template error: {message}")]
    Template {
        /// Where and what.
        message: String,
        /// Typst's hint, if any.
        hint: Option<String>,
    },
    /// Rendering failed for another reason.
    #[error("{message}")]
    Render {
        /// What went wrong.
        message: String,
        /// How to fix it.
        hint: Option<String>,
    },
    /// The photo cannot be used.
    #[error("{message}")]
    Photo {
        /// What is wrong with it.
        message: String,
    },
    /// The vacancy index cannot be opened, read or written.
    #[error("{message}")]
    Index {
        /// What went wrong, with the folder.
        message: String,
        /// How to fix it.
        hint: Option<String>,
    },
    /// A document that is neither a profile nor a vacancy.
    #[error("cannot tell whether this is a profile or a vacancy (expected a `person` or a `title` field)")]
    UnknownDocument,
    /// A reference-data file (an ESCO CSV, a synonym table, the gazetteer) is malformed.
    #[error("{file}{}: {message}", line_suffix(*.line))]
    DataFile {
        /// The file's name, e.g. `skills_it.csv`.
        file: String,
        /// 1-based line where the bad record starts (1 is the header); 0 when the file
        /// could not be read at all.
        line: u64,
        /// What is wrong, e.g. `missing column "conceptUri"`.
        message: String,
    },
    /// A file the ESCO download should contain is missing.
    #[error("missing {name:?} (looked for {})", .tried.join(", "))]
    MissingDataFile {
        /// The file wanted, e.g. `skills_it.csv`.
        name: String,
        /// The names tried, plain and gzipped.
        tried: Vec<String>,
    },
    /// Bytes that are not a taxonomy pack, or a damaged one.
    #[error("not a valid taxonomy pack: {message}")]
    Pack {
        /// What is wrong.
        message: String,
    },
    /// A URI the taxonomy does not know.
    #[error("unknown ESCO concept {uri:?}")]
    UnknownConcept {
        /// The URI asked for.
        uri: String,
    },
    /// A concept of the wrong kind, e.g. a skill where an occupation is needed.
    #[error("{uri:?} is {found}, not {expected}")]
    WrongConcept {
        /// The URI given.
        uri: String,
        /// What was needed ("an occupation").
        expected: &'static str,
        /// What it is ("a skill").
        found: &'static str,
    },
    /// A search text longer than the limit.
    #[error("the search text is {chars} characters long, more than the limit of {limit} characters")]
    QueryTooLong {
        /// Its length in characters.
        chars: usize,
        /// The limit in characters.
        limit: usize,
    },
    /// A file in a foreign format (JSON Resume, Europass, RenderCV, JobPosting, CSV) that
    /// cannot be imported, e.g. broken XML, an XML entity declaration or a CSV row that
    /// does not fit its header.
    #[error("cannot import the {format} file: {message}")]
    Import {
        /// The format being read: "jsonresume", "europass", "rendercv", "jobposting", "csv".
        format: &'static str,
        /// What is wrong, with the line and column or field where known.
        message: String,
        /// How to fix it.
        hint: Option<String>,
    },
    /// A file whose format could not be recognised for import.
    #[error("cannot tell the format of the file: {detail}")]
    UnknownFormat {
        /// What the file looked like.
        detail: String,
    },
    /// A redaction that cannot be made (e.g. a key too short).
    #[error("cannot redact: {message}")]
    Redact {
        /// What is wrong.
        message: String,
    },
    /// An option of a call out of its range (the same check in every binding).
    #[error("{name}: {value} is not allowed (expected {expected})")]
    InvalidOption {
        /// The option's name, e.g. `min_similarity`.
        name: &'static str,
        /// The value given.
        value: String,
        /// What is allowed, e.g. `0 to 1`.
        expected: &'static str,
    },
    /// A place name that is no Italian comune.
    #[error("no Italian comune is called {name:?}")]
    UnknownPlace {
        /// The name as given.
        name: String,
        /// The closest comuni names, best first (with their province), e.g. `Garbagna (AL)`.
        suggestions: Vec<String>,
    },
}

/// A parser's message without the position it appends (" at line 3 column 7"): the
/// position goes into the error's own fields.
pub(crate) fn without_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or_default()
}

/// A JSON syntax error of serde_json, with its position.
pub(crate) fn json_syntax(e: &serde_json::Error) -> Error {
    Error::Syntax { format: "json", line: e.line(), column: e.column(), message: without_position(&e.to_string()).to_owned() }
}

fn location_prefix(line: usize, column: usize) -> String {
    match (line, column) {
        (0, _) => String::new(),
        (l, 0) => format!("line {l}: "),
        (l, c) => format!("line {l}, column {c}: "),
    }
}

fn line_suffix(line: u64) -> String {
    if line == 0 { String::new() } else { format!(", line {line}") }
}

impl Error {
    /// A short stable name for the kind of error, for tools and bindings.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::TooLarge { .. } | Error::TooManyRows { .. } => "too_large",
            Error::Encoding { .. } => "encoding",
            Error::Syntax { .. } => "syntax",
            Error::Invalid(_) => "invalid",
            Error::UnknownDocument => "unknown_document",
            Error::DataFile { .. } => "data_file",
            Error::MissingDataFile { .. } => "missing_data_file",
            Error::Pack { .. } => "pack",
            Error::UnknownConcept { .. } => "unknown_concept",
            Error::WrongConcept { .. } => "wrong_concept",
            Error::QueryTooLong { .. } => "query_too_long",
            Error::UnknownPlace { .. } => "unknown_place",
            Error::UnknownTemplate { .. } => "unknown_template",
            Error::UnknownLocale { .. } => "unknown_locale",
            Error::Template { .. } => "template",
            Error::Render { .. } => "render",
            Error::Photo { .. } => "photo",
            Error::Index { .. } => "index",
            Error::Import { .. } => "import",
            Error::UnknownFormat { .. } => "unknown_format",
            Error::Redact { .. } => "redact",
            Error::InvalidOption { .. } => "option",
        }
    }

    /// The error as one problem of the whole document, for a list of documents checked
    /// (an invalid document has its own problems: list those).
    pub fn to_problem(&self) -> Problem {
        let mut p = Problem::error("", Rule::Unreadable { kind: self.kind().to_owned(), message: self.to_string() });
        p.hint = self.hint();
        p
    }

    /// A hint on how to fix the problem, where one helps.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::TooLarge { .. } => Some("split the input or remove embedded data such as photos".into()),
            Error::TooManyRows { .. } => Some("split the input into several files".into()),
            Error::Encoding { .. } => Some("save the file as UTF-8 (most editors offer it in 'Save as')".into()),
            Error::Syntax { format: "yaml", .. } => Some("check the indentation and quote values that contain ': '".into()),
            Error::Syntax { .. } => Some("check for a missing comma, quote or bracket just before that point".into()),
            Error::UnknownDocument => Some("run `sportello init` for an example profile".into()),
            Error::Template { hint, .. } | Error::Render { hint, .. } | Error::Index { hint, .. } | Error::Import { hint, .. } => {
                hint.clone()
            }
            Error::UnknownFormat { .. } => Some(
                "supported: JSON Resume, Europass XML/JSON, RenderCV YAML, schema.org JobPosting JSON-LD and CSV; name one with --from"
                    .into(),
            ),
            Error::UnknownTemplate { .. } => Some("run `sportello templates` to list them, or pass --template-dir".into()),
            Error::UnknownLocale { .. } => Some("a locale is one JSON file in templates/locales/".into()),
            Error::Photo { .. } => Some("use a JPEG or PNG photo, at most 5 MB".into()),
            Error::Invalid(_) | Error::InvalidOption { .. } => None,
            Error::DataFile { .. } => Some("the file looks damaged or edited: download it again (ESCO: CSV from esco.ec.europa.eu)".into()),
            Error::MissingDataFile { .. } => Some("point to the folder of the unzipped ESCO download (classification, CSV)".into()),
            Error::Pack { .. } => Some("import the ESCO CSV download again to rebuild the pack".into()),
            Error::UnknownConcept { .. } => Some("look the concept up by its label; ESCO URIs change rarely, but they do".into()),
            Error::WrongConcept { .. } => Some("skills and occupations are searched separately: search the right kind".into()),
            Error::QueryTooLong { .. } => Some("search for one short skill or job title at a time, e.g. \"carrello elevatore\"".into()),
            Error::UnknownPlace { suggestions, .. } if !suggestions.is_empty() => {
                let list: Vec<String> = suggestions.iter().map(|s| format!("{s:?}")).collect();
                Some(format!("did you mean {}? The 6-digit ISTAT code also works, e.g. \"003149\"", list.join(", ")))
            }
            Error::Redact { .. } => Some("give a secret key of at least 16 characters (the same key gives the same pseudonyms)".into()),
            Error::UnknownPlace { .. } => Some("check the spelling, or give the 6-digit ISTAT code, e.g. \"003149\" (Trecate)".into()),
        }
    }
}

/// Shorthand for results of this library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
