//! Import from and export to the formats CVs and vacancies already live in.
//!
//! | format | import | export | versions |
//! |---|---|---|---|
//! | JSON Resume ([`jsonresume`]) | CV to [`Profile`]; `job-schema` jobs to [`Vacancy`] | [`Profile`] to CV | schema 1.x (1.0.0 and the pre-1.0 fields `website`, `picture`, `company`, `languages[].name/level`); job-schema 1.x and job lists (`{"jobs": [...]}` or an array) |
//! | Europass ([`europass`]) | CV to [`Profile`] | [`Profile`] to Candidate XML | the 2020+ "Candidate" XML (HR-XML 3 / EURES based, namespace `http://www.europass.eu/1.0`); the v3 XML `SkillsPassport` (XSD V3.0 to V3.4, with the CEFR grid and driving licences) and its JSON twin; the legacy v1.0 XML `learnerinfo` (2005-2012) |
//! | schema.org JobPosting ([`jobposting`]) | JSON-LD to [`Vacancy`] (also inside an HTML `<script>`, with `@graph` or arrays) | [`Vacancy`] to JSON-LD | schema.org as of 2024 |
//! | RenderCV ([`rendercv`]) | YAML to [`Profile`] | | v2 (`cv:` with `sections:`) |
//! | CSV ([`csv_vacancies`]) | rows to [`Vacancy`], with a column mapping | | any delimiter of `,` `;` tab |
//!
//! Every conversion returns a [`MappingReport`]: what could not be carried over (path and
//! value), the guesses made, and the validation warnings of the result. Imported profiles
//! always pass validation: a value the model refuses (an e-mail that is none, an end date
//! before the start) is left out and reported, never kept broken. Imported vacancies may
//! lack essential skills, which no foreign format marks; the report says so.
//!
//! Input is held to the limits of [`crate::limits`]: a CV to `MAX_DOCUMENT_BYTES`, a file
//! of vacancies to `MAX_IMPORT_BYTES` and `MAX_IMPORT_ROWS`. Text must be UTF-8 (the first
//! bad byte is named by line and column). XML is read with `roxmltree`, which refuses
//! document type declarations, so entity expansion ("billion laughs") and external
//! entities cannot happen.
//!
//! ```
//! use sportello::interop::{import, Imported, ImportOptions};
//!
//! let json = r#"{"basics": {"name": "Maria Rossi", "email": "maria@example.it", "pronouns": "she/her"},
//!                 "awards": [{"title": "Premio"}]}"#;
//! let done = import(json.as_bytes(), None, &ImportOptions::default()).unwrap();
//! assert_eq!(done.report.unmapped[0].path, "basics.pronouns");
//! assert_eq!(done.report.coverage.share(), Some(0.75));
//! let Imported::Profile(p) = done.document else { panic!() };
//! assert_eq!(p.person.family_name, "Rossi");
//! assert_eq!(p.other_sections[0].entries[0].title.as_deref(), Some("Premio"));
//! ```

pub mod csv_vacancies;
mod detect;
pub mod europass;
mod europass_candidate;
mod europass_parts;
pub mod jobposting;
pub mod jsonresume;
mod other_sections;
pub mod rendercv;
mod report;
mod text;
mod tree;
mod words;

use std::collections::HashMap;
use std::fmt;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::limits::{MAX_DOCUMENT_BYTES, MAX_IMPORT_BYTES, MAX_PROBLEMS};
use crate::load::{Format, load_profile, load_vacancy};
use crate::model::{Profile, Vacancy};
use crate::path::{self, Step};
use crate::validate::Problem;

pub use detect::detect;
pub use report::{Coverage, MappingReport, Unmapped};

/// The formats that can be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceFormat {
    /// JSON Resume (CVs and job-schema jobs).
    JsonResume,
    /// Europass XML or JSON.
    Europass,
    /// RenderCV YAML.
    RenderCv,
    /// schema.org JobPosting JSON-LD.
    JobPosting,
    /// CSV of vacancies.
    Csv,
}

impl SourceFormat {
    /// Every format, in order.
    pub const ALL: &'static [SourceFormat] =
        &[SourceFormat::JsonResume, SourceFormat::Europass, SourceFormat::RenderCv, SourceFormat::JobPosting, SourceFormat::Csv];

    /// The short name used on the command line and in messages.
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::JsonResume => "jsonresume",
            SourceFormat::Europass => "europass",
            SourceFormat::RenderCv => "rendercv",
            SourceFormat::JobPosting => "jobposting",
            SourceFormat::Csv => "csv",
        }
    }

    /// Reads a short name.
    pub fn parse(s: &str) -> std::result::Result<Self, String> {
        Self::ALL.iter().copied().find(|f| f.name().eq_ignore_ascii_case(s.trim())).ok_or_else(|| {
            let names: Vec<&str> = Self::ALL.iter().map(|f| f.name()).collect();
            format!("{s:?} is not an import format (expected one of {})", names.join(", "))
        })
    }
}

impl fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The formats a profile can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// JSON Resume 1.0.0.
    JsonResume,
    /// Europass Candidate XML.
    Europass,
}

/// What an import produced.
#[derive(Debug, Clone, PartialEq)]
pub enum Imported {
    /// A CV.
    Profile(Box<Profile>),
    /// Vacancies (one or many).
    Vacancies(Vec<Vacancy>),
}

/// A finished import.
#[derive(Debug, Clone)]
pub struct Import {
    /// The profile or the vacancies.
    pub document: Imported,
    /// The format read.
    pub format: SourceFormat,
    /// The format's version as recognised, e.g. "Europass v3.4 XML (SkillsPassport)".
    pub version: String,
    /// What could not be carried over, and the guesses made.
    pub report: MappingReport,
}

/// Options of [`import`].
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// CSV only: column header -> vacancy field, on top of the default headers (see
    /// [`csv_vacancies`]), e.g. `"Rif." -> "id"`.
    pub csv_columns: HashMap<String, String>,
}

/// An export: the text to write and what could not be carried over.
#[derive(Debug, Clone)]
pub struct Export {
    /// JSON or XML text.
    pub text: String,
    /// Profile fields the target format has no place for.
    pub report: MappingReport,
}

/// Imports a file, telling its format by content unless `format` is given.
pub fn import(bytes: &[u8], format: Option<SourceFormat>, options: &ImportOptions) -> Result<Import> {
    let text = utf8(bytes, MAX_IMPORT_BYTES, "the file")?;
    let format = match format {
        Some(f) => f,
        None => detect(text)?,
    };
    match format {
        SourceFormat::JsonResume => jsonresume::import(text),
        SourceFormat::Europass => europass::import(text),
        SourceFormat::RenderCv => rendercv::import(text),
        SourceFormat::JobPosting => jobposting::import(text),
        SourceFormat::Csv => csv_vacancies::import(text, &options.csv_columns),
    }
}

/// Exports a profile.
pub fn export_profile(profile: &Profile, to: ExportFormat) -> Result<Export> {
    match to {
        ExportFormat::JsonResume => {
            let (value, report) = jsonresume::export(profile);
            let text = serde_json::to_string_pretty(&value).map_err(|e| Error::Import {
                format: "jsonresume",
                message: e.to_string(),
                hint: None,
            })?;
            Ok(Export { text, report })
        }
        ExportFormat::Europass => {
            let (text, report) = europass_candidate::export(profile);
            Ok(Export { text, report })
        }
    }
}

/// Exports vacancies as schema.org JobPosting JSON-LD (one object, or a `@graph`).
pub fn export_vacancies(vacancies: &[Vacancy]) -> Export {
    let (value, report) = jobposting::export_all(vacancies);
    Export { text: serde_json::to_string_pretty(&value).unwrap_or_default(), report }
}

/// Checks size and encoding and gives the text, without a byte-order mark.
pub(crate) fn utf8<'b>(bytes: &'b [u8], limit: usize, what: &str) -> Result<&'b str> {
    if bytes.len() > limit {
        return Err(Error::TooLarge { what: what.into(), size: bytes.len(), limit });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Error::Encoding { line, column }
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// A CV must fit the document limit even when it came in a larger envelope.
pub(crate) fn check_cv_size(text: &str) -> Result<()> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::TooLarge { what: "the CV".into(), size: text.len(), limit: MAX_DOCUMENT_BYTES });
    }
    Ok(())
}

/// Makes an imported profile valid: every value the loader refuses is left out and
/// reported, and the validation warnings are kept in the report. Fails only when what is
/// left is no profile (no name).
pub(crate) fn finish_profile(p: Profile, report: &mut MappingReport) -> Result<Profile> {
    let mut tree = serde_json::to_value(&p).map_err(|e| Error::Import { format: "profile", message: e.to_string(), hint: None })?;
    for _ in 0..MAX_PROBLEMS {
        let bytes = serde_json::to_vec(&tree).unwrap_or_default();
        match load_profile(&bytes, Format::Json, None) {
            Ok(l) => {
                report.warnings.extend(l.report.warnings().cloned());
                return Ok(l.value);
            }
            Err(Error::Invalid(r)) => {
                if !repair(&mut tree, r.errors(), report) {
                    return Err(Error::Invalid(r));
                }
            }
            Err(e) => return Err(e),
        }
    }
    Err(Error::Import { format: "profile", message: "too many values had to be left out".into(), hint: None })
}

/// Makes an imported vacancy as valid as it can be made: values the loader refuses are left
/// out and reported; problems only people can fix (no essential skills) stay, reported.
pub(crate) fn finish_vacancy(v: Vacancy, report: &mut MappingReport) -> Vacancy {
    let Ok(mut tree) = serde_json::to_value(&v) else { return v };
    let label = v.id.clone();
    for _ in 0..MAX_PROBLEMS {
        let bytes = serde_json::to_vec(&tree).unwrap_or_default();
        match load_vacancy(&bytes, Format::Json, None) {
            Ok(l) => {
                report.warnings.extend(l.report.warnings().map(|p| prefixed(&label, p)));
                return l.value;
            }
            Err(Error::Invalid(r)) => {
                if !repair(&mut tree, r.errors(), report) {
                    report.warnings.extend(r.problems.iter().map(|p| prefixed(&label, p)));
                    return serde_json::from_value(tree).unwrap_or(v);
                }
            }
            Err(_) => return v,
        }
    }
    v
}

fn prefixed(id: &str, p: &Problem) -> Problem {
    let mut p = p.clone();
    p.path = if p.path.is_empty() { format!("vacancy {id}") } else { format!("vacancy {id}: {}", p.path) };
    p
}

/// Fields without which a list item is nothing: the item goes with them.
const REQUIRED: &[&str] =
    &["role", "title", "label", "name", "url", "language", "listening", "reading", "spoken_interaction", "spoken_production", "writing"];

/// Removes what each error points at (the value, or the list item it cannot live
/// without), deepest and last first so that indices stay right. Whether anything changed.
fn repair<'p>(tree: &mut Value, errors: impl Iterator<Item = &'p Problem>, report: &mut MappingReport) -> bool {
    let mut targets: Vec<(Vec<Step>, &'p Problem)> = Vec::new();
    for p in errors {
        let s = path::parse(&p.path);
        let target = match s.last() {
            Some(Step::Key(k)) if REQUIRED.contains(&k.as_str()) => match s.iter().rposition(|x| matches!(x, Step::Index(_))) {
                Some(i) => s[..=i].to_vec(),
                None => continue,
            },
            Some(_) => s,
            None => continue,
        };
        if !targets.iter().any(|(t, _)| target.starts_with(t)) {
            targets.retain(|(t, _)| !t.starts_with(&target));
            targets.push((target, p));
        }
    }
    targets.sort_by(|a, b| b.0.cmp(&a.0));
    let mut changed = false;
    for (target, problem) in targets {
        let empty = path::get(tree, &target)
            .is_none_or(|v| v.is_null() || v.as_array().is_some_and(Vec::is_empty) || v.as_str().is_some_and(str::is_empty));
        if empty {
            // Nothing to leave out: a problem only people can fix (no essential skills).
            continue;
        }
        if let Some(removed) = path::remove(tree, &target) {
            let at = path::render(&target);
            let message = if at == problem.path { problem.message.clone() } else { format!("{}: {}", problem.path, problem.message) };
            report.unmapped(at, report::summary(&removed), format!("left out: {message}"));
            changed = true;
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Person, WorkExperience};

    #[test]
    fn invalid_values_are_left_out_and_reported() {
        let mut p: Profile = serde_json::from_str(r#"{"person": {"given_name": "A", "family_name": "B"}}"#).unwrap();
        p.person.email = Some("not an address".into());
        p.person.links = vec![Link { label: "x".into(), url: "ftp://x".into() }, Link { label: "ok".into(), url: "https://ok.it".into() }];
        let w = |role: &str, start: &str, end: &str| WorkExperience {
            role: role.into(),
            start: start.parse().ok(),
            end: end.parse().ok(),
            ..Default::default()
        };
        p.work = vec![w("a", "2020", "2019"), w("", "2020", "2019"), w("c", "2020", "2021")];
        let mut r = MappingReport::default();
        let fixed = finish_profile(p, &mut r).unwrap();
        assert_eq!(fixed.person.email, None);
        assert_eq!(fixed.person.links.len(), 1);
        assert_eq!(fixed.work.len(), 2, "{r:?}");
        assert_eq!(fixed.work[0].end, None);
        let paths: Vec<&str> = r.unmapped.iter().map(|u| u.path.as_str()).collect();
        assert!(paths.contains(&"person.email") && paths.contains(&"work[1]") && paths.contains(&"work[0].end"), "{paths:?}");
        assert!(r.warnings.iter().any(|w| w.path == "skills"));
        let _ = Person::default();
    }

    #[test]
    fn formats_by_name() {
        assert_eq!(SourceFormat::parse("Europass"), Ok(SourceFormat::Europass));
        assert!(SourceFormat::parse("docx").unwrap_err().contains("expected one of jsonresume"));
    }

    #[test]
    fn encoding_and_size_are_checked_first() {
        let err = import(b"{\"basics\":\n {\"name\": \"\xff\"}}", None, &ImportOptions::default()).unwrap_err();
        assert!(matches!(err, Error::Encoding { line: 2, column: 12 }), "{err:?}");
        let big = vec![b' '; MAX_IMPORT_BYTES + 1];
        let err = import(&big, None, &ImportOptions::default()).unwrap_err();
        assert!(err.to_string().contains("more than the limit of 20971520 bytes"), "{err}");
    }
}
