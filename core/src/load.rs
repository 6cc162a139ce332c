//! Reading profiles and vacancies from JSON or YAML bytes.
//!
//! Loading goes in three steps, each of which reports rather than guesses:
//! 1. the bytes are checked against the size limit and for UTF-8, then parsed into a
//!    plain tree (syntax errors carry line and column);
//! 2. the tree is checked for size limits (nesting, list lengths, text lengths), then read
//!    into the typed model; a value of the wrong form is reported with its path and set
//!    aside, and reading goes on, so that *all* such problems are found in one pass;
//!    fields the model does not know are reported as warnings;
//! 3. the typed document is validated ([`crate::validate`]).
//!
//! A document with any error is refused as a whole ([`Error::Invalid`] lists every
//! problem): never a partial, silently repaired result.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{Error, Result, json_syntax, without_position};
use crate::limits::{MAX_DEPTH, MAX_DOCUMENT_BYTES, MAX_LIST_ITEMS, MAX_LONG_TEXT_CHARS, MAX_PROBLEMS, MAX_SHORT_TEXT_CHARS};
use crate::model::{PartialDate, Profile, Vacancy};
use crate::path::{self, Step};
use crate::validate::{Problem, Report, Rule, validate_profile, validate_vacancy};

/// The text formats documents are read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// JSON.
    Json,
    /// YAML (a superset of JSON, so JSON also parses as YAML).
    Yaml,
}

impl Format {
    /// The format implied by a file name's extension, if any.
    pub fn from_file_name(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            _ => None,
        }
    }

    /// Guesses the format from the content: JSON starts with `{` or `[`.
    pub fn sniff(bytes: &[u8]) -> Format {
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
        if matches!(first, Some(b'{' | b'[')) { Format::Json } else { Format::Yaml }
    }

    fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Yaml => "yaml",
        }
    }
}

/// A document read successfully, with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    /// The document.
    pub value: T,
    /// Warnings only (a document with errors is not loaded).
    pub report: Report,
}

/// Either kind of document, as told apart by [`load_document`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "document", rename_all = "snake_case")]
pub enum Document {
    /// A CV profile.
    Profile(Box<Profile>),
    /// A vacancy.
    Vacancy(Box<Vacancy>),
}

/// Reads a profile. `today` enables checks against the calendar.
pub fn load_profile(bytes: &[u8], format: Format, today: Option<PartialDate>) -> Result<Loaded<Profile>> {
    let tree = parse_tree(bytes, format)?;
    finish(typed::<Profile>(&tree), |p| validate_profile(p, today))
}

/// Reads a vacancy. `today` enables checks against the calendar.
pub fn load_vacancy(bytes: &[u8], format: Format, today: Option<PartialDate>) -> Result<Loaded<Vacancy>> {
    let tree = parse_tree(bytes, format)?;
    finish(typed::<Vacancy>(&tree), |v| validate_vacancy(v, today))
}

/// Reads a profile or a vacancy, telling them apart by their fields (`person` for a
/// profile, `title` or `essential_skills` for a vacancy).
pub fn load_document(bytes: &[u8], format: Format, today: Option<PartialDate>) -> Result<Loaded<Document>> {
    let tree = parse_tree(bytes, format)?;
    let has = |k: &str| tree.get(k).is_some();
    if has("person") {
        let l = finish(typed::<Profile>(&tree), |p| validate_profile(p, today))?;
        Ok(Loaded { value: Document::Profile(Box::new(l.value)), report: l.report })
    } else if has("title") || has("essential_skills") {
        let l = finish(typed::<Vacancy>(&tree), |v| validate_vacancy(v, today))?;
        Ok(Loaded { value: Document::Vacancy(Box::new(l.value)), report: l.report })
    } else {
        Err(Error::UnknownDocument)
    }
}

fn finish<T>(read: (Option<T>, Report), validate: impl Fn(&T) -> Report) -> Result<Loaded<T>> {
    let (value, mut report) = read;
    if let Some(v) = &value {
        // A field already reported while reading (say, missing) is not reported again.
        let reported: Vec<String> = report.problems.iter().map(|p| p.path.clone()).collect();
        report.problems.extend(validate(v).problems.into_iter().filter(|p| !reported.contains(&p.path)));
    }
    if report.problems.len() > MAX_PROBLEMS {
        // Reading stops looking after one problem more than the limit, so the count of
        // the rest is not known.
        report.problems.truncate(MAX_PROBLEMS);
        report.push(Problem::error("", Rule::TooManyProblems { limit: MAX_PROBLEMS }));
    }
    match value {
        Some(value) if !report.has_errors() => Ok(Loaded { value, report }),
        _ => Err(Error::Invalid(report)),
    }
}

/// Parses bytes into a plain tree, enforcing the size, encoding and nesting limits.
pub fn parse_tree(bytes: &[u8], format: Format) -> Result<Value> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(Error::TooLarge { what: "the document".into(), size: bytes.len(), limit: MAX_DOCUMENT_BYTES });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(&bytes[..e.valid_up_to()]);
        Error::Encoding { line, column }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let tree: Value = match format {
        Format::Json => serde_json::from_str(text).map_err(|e| json_syntax(&e))?,
        Format::Yaml => serde_norway::from_str(text).map_err(|e| {
            let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
            Error::Syntax { format: format.name(), line, column, message: without_position(&e.to_string()).to_owned() }
        })?,
    };
    if !tree.is_object() {
        let problem = Problem::error("", Rule::NotAnObject { found: kind_of(&tree).to_owned() });
        return Err(Error::Invalid(Report { problems: vec![problem] }));
    }
    let mut report = Report::default();
    check_sizes(&tree, &mut String::new(), "", 0, &mut report);
    if report.has_errors() { Err(Error::Invalid(report)) } else { Ok(tree) }
}

/// The 1-based line and column (in characters) just after `valid`.
pub(crate) fn line_column(valid: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(valid);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "empty",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Fields whose text may be long; every other text is short.
const LONG_TEXT_FIELDS: &[&str] = &["summary", "description", "notes", "highlights", "photo"];

fn check_sizes(v: &Value, path: &mut String, key: &str, depth: usize, r: &mut Report) {
    if depth > MAX_DEPTH {
        let shown: String =
            if path.chars().count() > 60 { format!("{}...", path.chars().take(60).collect::<String>()) } else { path.clone() };
        r.push(Problem::error(shown, Rule::TooDeep { limit: MAX_DEPTH }));
        return;
    }
    match v {
        Value::String(s) => {
            let limit = if LONG_TEXT_FIELDS.contains(&key) { MAX_LONG_TEXT_CHARS } else { MAX_SHORT_TEXT_CHARS };
            let n = s.chars().count();
            if n > limit {
                r.push(Problem::error(path.clone(), Rule::TooLong { chars: n, limit }));
            }
        }
        Value::Array(items) => {
            if items.len() > MAX_LIST_ITEMS {
                r.push(Problem::error(path.clone(), Rule::TooManyItems { items: items.len(), limit: MAX_LIST_ITEMS }));
                return;
            }
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                check_sizes(item, path, key, depth + 1, r);
                path.truncate(len);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                check_sizes(item, path, k, depth + 1, r);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

/// Reads the tree into `T`, collecting every value of the wrong form and every unknown
/// field. A bad value is reported, replaced by null (which optional fields accept) or, if
/// that does not help, removed, and reading starts again; a bounded number of rounds.
fn typed<T: DeserializeOwned>(tree: &Value) -> (Option<T>, Report) {
    let mut tree = tree.clone();
    let mut report = Report::default();
    let mut nulled: Vec<Vec<Step>> = Vec::new();
    let mut placeholders: Vec<Vec<Step>> = Vec::new();
    // One round more than the problems listed, so that `finish` can tell there are more.
    for _ in 0..=MAX_PROBLEMS {
        let mut ignored = Vec::new();
        let mut on_ignored = |p: serde_ignored::Path<'_>| ignored.push(ignored_path(&p));
        let de = serde_ignored::Deserializer::new(&tree, &mut on_ignored);
        match serde_path_to_error::deserialize::<_, T>(de) {
            Ok(value) => {
                for path in ignored {
                    report.push(Problem::warning(path, Rule::UnknownField));
                }
                return (Some(value), report);
            }
            Err(e) => {
                let steps = steps_of(e.path());
                let message = e.inner().to_string();
                if let Some(field) = message.strip_prefix("missing field `").and_then(|m| m.strip_suffix('`')) {
                    let mut at = steps.clone();
                    at.push(Step::Key(field.to_owned()));
                    if !placeholders.contains(&at) {
                        report.push(Problem::error(path::render(&at), Rule::Missing));
                        // Put an empty text in its place so that reading can go on.
                        if let Some(Value::Object(m)) = path::get_mut(&mut tree, &steps) {
                            m.insert(field.to_owned(), Value::String(String::new()));
                            placeholders.push(at);
                            continue;
                        }
                    }
                    return (None, report);
                }
                if nulled.contains(&steps) || placeholders.contains(&steps) {
                    // The field cannot be set aside: drop the list item holding it, or stop.
                    if !remove_nearest_item(&mut tree, &steps) {
                        return (None, report);
                    }
                    continue;
                }
                // Under `sensitive.` the value is never repeated.
                let sensitive = matches!(steps.first(), Some(Step::Key(k)) if k == "sensitive");
                let rule = if sensitive { Rule::SensitiveNotValid } else { Rule::from_parser(&message) };
                report.push(Problem::error(path::render(&steps), rule));
                if !set_null(&mut tree, &steps) {
                    return (None, report);
                }
                nulled.push(steps);
            }
        }
    }
    (None, report)
}

fn steps_of(p: &serde_path_to_error::Path) -> Vec<Step> {
    p.iter()
        .filter_map(|s| match s {
            serde_path_to_error::Segment::Seq { index } => Some(Step::Index(*index)),
            serde_path_to_error::Segment::Map { key } => Some(Step::Key(key.clone())),
            _ => None,
        })
        .collect()
}

fn ignored_path(p: &serde_ignored::Path<'_>) -> String {
    use serde_ignored::Path;
    match p {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", ignored_path(parent)),
        Path::Map { parent, key } => {
            let parent = ignored_path(parent);
            if parent.is_empty() { key.clone() } else { format!("{parent}.{key}") }
        }
        Path::Some { parent } | Path::NewtypeStruct { parent } | Path::NewtypeVariant { parent } => ignored_path(parent),
    }
}

fn set_null(tree: &mut Value, steps: &[Step]) -> bool {
    if steps.is_empty() {
        return false;
    }
    path::get_mut(tree, steps).map(|v| *v = Value::Null).is_some()
}

/// Removes the innermost list item on the path (a bad skill, a bad work entry).
fn remove_nearest_item(tree: &mut Value, steps: &[Step]) -> bool {
    match steps.iter().rposition(|s| matches!(s, Step::Index(_))) {
        Some(pos) => path::remove(tree, &steps[..=pos]).is_some(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile_yaml(extra: &str) -> String {
        format!("person:\n  given_name: Maria\n  family_name: Rossi\nskills:\n  - label: pulizia\n{extra}")
    }

    #[test]
    fn reads_a_minimal_profile() {
        let l = load_profile(profile_yaml("").as_bytes(), Format::Yaml, None).unwrap();
        assert_eq!(l.value.person.given_name, "Maria");
        assert!(!l.report.has_errors());
    }

    #[test]
    fn collects_every_bad_value_with_its_path() {
        let y = profile_yaml(
            "work:\n  - role: a\n    start: 2021-13\n  - role: b\n    start: 2020\n    end: 2019\nlanguages:\n  other:\n    - {language: en, listening: B1, reading: X9, spoken_interaction: A1, spoken_production: A1, writing: A1}\n",
        );
        let Err(Error::Invalid(r)) = load_profile(y.as_bytes(), Format::Yaml, None) else { panic!("expected invalid") };
        let lines: Vec<String> = r.errors().map(ToString::to_string).collect();
        assert!(
            lines.contains(&r#"work[0].start: "2021-13" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"#.to_owned()),
            "{lines:?}"
        );
        assert!(lines.iter().any(|l| l.starts_with("languages.other[0].reading: \"X9\" is not a CEFR level")), "{lines:?}");
        assert!(lines.iter().any(|l| l.starts_with("work[1].end: \"2019\" is before")), "{lines:?}");
    }

    #[test]
    fn unknown_fields_are_warnings() {
        let l = load_profile(profile_yaml("hobbies: [chess]\n").as_bytes(), Format::Yaml, None).unwrap();
        let w: Vec<String> = l.report.warnings().map(ToString::to_string).collect();
        assert!(w.iter().any(|w| w.starts_with("hobbies: is not a known field")), "{w:?}");
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let err = load_profile(b"{\"person\": {\"given_name\": \"a\",}}", Format::Json, None).unwrap_err();
        let Error::Syntax { line: 1, column, .. } = err else { panic!("{err:?}") };
        assert!(column > 0);
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let err = load_profile(b"person:\n  given_name: \xff\n", Format::Yaml, None).unwrap_err();
        assert!(matches!(err, Error::Encoding { line: 2, column: 15 }), "{err:?}");
    }

    #[test]
    fn oversized_and_deep_inputs_are_refused() {
        let big = vec![b' '; MAX_DOCUMENT_BYTES + 1];
        assert!(matches!(load_profile(&big, Format::Json, None), Err(Error::TooLarge { .. })));
        let deep = format!("{{\"person\": {}{}}}", "[".repeat(100), "]".repeat(100));
        assert!(load_profile(deep.as_bytes(), Format::Json, None).is_err());
        let deep_yaml = format!("person: {}{}", "[".repeat(100), "]".repeat(100));
        assert!(load_profile(deep_yaml.as_bytes(), Format::Yaml, None).is_err());
    }

    #[test]
    fn missing_required_fields_are_named() {
        let Err(Error::Invalid(r)) = load_profile(b"person: {given_name: Ada}\n", Format::Yaml, None) else { panic!() };
        let errors: Vec<String> = r.errors().map(ToString::to_string).collect();
        assert_eq!(errors, ["person.family_name: is missing (expected a value)"]);
        let y = "person: {given_name: Ada}\nwork: [{start: 2021}, {role: b, start: 2021-13}]\n";
        let Err(Error::Invalid(r)) = load_profile(y.as_bytes(), Format::Yaml, None) else { panic!() };
        let errors: Vec<String> = r.errors().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
    }

    #[test]
    fn tells_profiles_from_vacancies() {
        let v = "id: v1\ntitle: Magazziniere\nessential_skills:\n  - label: carrello elevatore\n";
        let l = load_document(v.as_bytes(), Format::Yaml, None).unwrap();
        assert!(matches!(l.value, Document::Vacancy(_)));
        assert!(matches!(load_document(b"foo: 1", Format::Yaml, None), Err(Error::UnknownDocument)));
    }
}
