//! Vacancy feeds: many vacancies in one text, as a JSON array (the widget's
//! `vacancies.json`) or as JSON Lines (one vacancy per line, the CLI's and the index's
//! exchange format).
//!
//! One reader for every binding. The whole feed is refused only when it cannot be split
//! into entries (not JSON, a broken array, beyond the size or row limits); an entry that is
//! not a usable vacancy (a broken line, a missing title, a bad date) is left out and listed
//! with its position, line and id, so nothing is dropped silently.

use serde::Serialize;
use serde::de::IgnoredAny;
use serde_json::Value;

use crate::error::{Error, Result, without_position};
use crate::limits::{MAX_IMPORT_BYTES, MAX_IMPORT_ROWS};
use crate::load::{Format, line_column, load_vacancy};
use crate::model::{PartialDate, Vacancy};
use crate::validate::Problem;

/// One entry of a feed, before it is read as a vacancy.
#[derive(Debug)]
pub struct Entry<'a> {
    /// 0-based position in the feed.
    pub index: usize,
    /// 1-based line where the entry starts.
    pub line: usize,
    /// The entry as written (one line of JSON Lines, one item of an array).
    pub text: &'a str,
    /// Whether the text is JSON at all, and if not why (JSON Lines only: a broken array is
    /// refused whole). Splitting only checks the syntax; the loader reads the entry.
    pub syntax: Result<()>,
}

/// A vacancy read from a feed.
#[derive(Debug, Clone, Serialize)]
pub struct FeedVacancy {
    /// 0-based position in the feed.
    pub index: usize,
    /// 1-based line where it starts.
    pub line: usize,
    /// The vacancy.
    pub vacancy: Vacancy,
    /// Its warnings (a vacancy with errors is left out).
    pub warnings: Vec<Problem>,
}

/// A feed entry left out, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeedProblem {
    /// 0-based position in the feed.
    pub index: usize,
    /// 1-based line where the entry starts.
    pub line: usize,
    /// The entry's id, when it has one.
    pub id: Option<String>,
    /// What is wrong, in one line.
    pub message: String,
    /// Every problem with its field path, when the entry is JSON but not a valid vacancy.
    pub problems: Vec<Problem>,
}

/// A feed read: the usable vacancies in feed order, and the entries left out.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Feed {
    /// The vacancies.
    pub vacancies: Vec<FeedVacancy>,
    /// The entries left out.
    pub problems: Vec<FeedProblem>,
}

/// Reads a feed: every entry as a vacancy (checked as [`load_vacancy`] checks a file;
/// `today` enables the checks against the calendar).
pub fn read(bytes: &[u8], today: Option<PartialDate>) -> Result<Feed> {
    let mut feed = Feed::default();
    for Entry { index, line, text, syntax } in split(bytes)? {
        match entry(index, line, text, syntax, today) {
            Ok(v) => feed.vacancies.push(v),
            Err(p) => feed.problems.push(p),
        }
    }
    Ok(feed)
}

/// One entry read as a vacancy, or left out with why.
pub(crate) fn entry(
    index: usize,
    line: usize,
    text: &str,
    syntax: Result<()>,
    today: Option<PartialDate>,
) -> std::result::Result<FeedVacancy, FeedProblem> {
    match syntax.and_then(|()| load_entry(text, today)) {
        Ok((vacancy, warnings)) => Ok(FeedVacancy { index, line, vacancy, warnings }),
        Err(e) => {
            let problems = match &e {
                Error::Invalid(report) => report.problems.clone(),
                _ => Vec::new(),
            };
            Err(FeedProblem { index, line, id: id_of(text), message: e.to_string(), problems })
        }
    }
}

/// An entry's `id`, when it has a text one: read again from the text, since only an entry
/// left out needs it.
fn id_of(text: &str) -> Option<String> {
    let value: Value = serde_json::from_str(text).ok()?;
    value.get("id")?.as_str().map(str::to_owned)
}

fn load_entry(text: &str, today: Option<PartialDate>) -> Result<(Vacancy, Vec<Problem>)> {
    let loaded = load_vacancy(text.as_bytes(), Format::Json, today)?;
    Ok((loaded.value, loaded.report.problems))
}

/// Whether a file holds a feed rather than one document: JSON Lines by name (`.jsonl`),
/// or a JSON array by content. The command line and Python use it to tell a feed from
/// a single vacancy.
pub fn is_feed(file_name: &str, bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    file_name.to_ascii_lowercase().ends_with(".jsonl") || text.trim_ascii_start().starts_with(b"[")
}

/// Splits a feed into its entries: a JSON array, JSON Lines, or one JSON object. A byte
/// order mark and blank lines are allowed.
pub fn split(bytes: &[u8]) -> Result<Vec<Entry<'_>>> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(Error::TooLarge { what: "the vacancy feed".into(), size: bytes.len(), limit: MAX_IMPORT_BYTES });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(&bytes[..e.valid_up_to()]);
        Error::Encoding { line, column }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let start = text.len() - text.trim_start().len();
    let entries = match text[start..].chars().next() {
        Some('[') => array(text, start)?,
        Some('{') => match serde_json::from_str::<IgnoredAny>(text) {
            // One document, perhaps over several lines.
            Ok(_) => vec![Entry { index: 0, line: line_of(text, start), text: text[start..].trim_end(), syntax: Ok(()) }],
            Err(_) => lines(text),
        },
        None => Vec::new(),
        Some(_) => {
            return Err(Error::Syntax {
                format: "json",
                line: line_of(text, start),
                column: 0,
                message: "the vacancy feed is not JSON (expected a JSON array of vacancies or JSON Lines)".into(),
            });
        }
    };
    within_rows(entries.len())?;
    Ok(entries)
}

fn within_rows(rows: usize) -> Result<()> {
    if rows > MAX_IMPORT_ROWS {
        return Err(Error::TooManyRows { what: "the vacancy feed".into(), rows, limit: MAX_IMPORT_ROWS });
    }
    Ok(())
}

/// JSON Lines: each non-blank line an entry; a broken line is an entry with its error.
fn lines(text: &str) -> Vec<Entry<'_>> {
    text.split('\n')
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .enumerate()
        .map(|(index, (i, l))| Entry { index, line: i + 1, text: l.trim_end_matches('\r'), syntax: line_syntax(l, i + 1) })
        .collect()
}

/// Whether one line of JSON Lines is JSON, and if not where it breaks.
pub(crate) fn line_syntax(text: &str, line: usize) -> Result<()> {
    serde_json::from_str::<IgnoredAny>(text).map(|_| ()).map_err(|e| Error::Syntax {
        format: "json",
        line,
        column: e.column(),
        message: without_position(&e.to_string()).to_owned(),
    })
}

/// A JSON array, read item by item to know the line where each starts (lines counted as
/// the reading goes, so a large array is read in one pass).
fn array(text: &str, open: usize) -> Result<Vec<Entry<'_>>> {
    let mut entries = Vec::new();
    let mut pos = skip_space(text, open + 1);
    if text[pos..].starts_with(']') {
        return trailing(text, pos + 1).map(|()| entries);
    }
    let (mut line, mut counted) = (line_of(text, open), open);
    loop {
        let mut stream = serde_json::Deserializer::from_str(&text[pos..]).into_iter::<IgnoredAny>();
        match stream.next() {
            Some(Ok(_)) => {}
            Some(Err(e)) => return Err(syntax_at(text, pos, &e)),
            None => return Err(expected(text, pos, "a vacancy or ']'")),
        }
        let end = pos + stream.byte_offset();
        line += text[counted..pos].matches('\n').count();
        counted = pos;
        entries.push(Entry { index: entries.len(), line, text: &text[pos..end], syntax: Ok(()) });
        pos = skip_space(text, end);
        match text[pos..].chars().next() {
            Some(',') => pos = skip_space(text, pos + 1),
            Some(']') => return trailing(text, pos + 1).map(|()| entries),
            _ => return Err(expected(text, pos, "',' or ']'")),
        }
        within_rows(entries.len())?;
    }
}

fn trailing(text: &str, pos: usize) -> Result<()> {
    let rest = skip_space(text, pos);
    if rest == text.len() { Ok(()) } else { Err(expected(text, rest, "nothing after the closing ']'")) }
}

fn skip_space(text: &str, pos: usize) -> usize {
    pos + (text[pos..].len() - text[pos..].trim_start().len())
}

fn line_of(text: &str, pos: usize) -> usize {
    line_column(&text.as_bytes()[..pos]).0
}

fn expected(text: &str, pos: usize, what: &str) -> Error {
    let (line, column) = line_column(&text.as_bytes()[..pos]);
    Error::Syntax { format: "json", line, column, message: format!("the vacancy feed is not a valid JSON array (expected {what})") }
}

/// A parser error inside an item, placed in the whole text.
fn syntax_at(text: &str, pos: usize, e: &serde_json::Error) -> Error {
    let (line, column) = line_column(&text.as_bytes()[..pos]);
    let (line, column) = match e.line() {
        1 => (line, column + e.column().saturating_sub(1)),
        l => (line + l - 1, e.column()),
    };
    Error::Syntax { format: "json", line, column, message: without_position(&e.to_string()).to_owned() }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const FEED: &str = include_str!("../../tests/fixtures/vacancies.jsonl");

    fn as_array(jsonl: &str) -> String {
        format!("[\n{}\n]", jsonl.lines().filter(|l| !l.trim().is_empty()).collect::<Vec<_>>().join(",\n"))
    }

    #[test]
    fn json_lines_and_arrays_give_the_same_vacancies() {
        let lines = read(FEED.as_bytes(), None).unwrap();
        let array = read(as_array(FEED).as_bytes(), None).unwrap();
        assert_eq!(lines.vacancies.len(), 12);
        assert!(lines.problems.is_empty() && array.problems.is_empty());
        let ids = |f: &Feed| f.vacancies.iter().map(|v| v.vacancy.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&lines), ids(&array));
        assert_eq!(array.vacancies[1].line, 3, "the line where the second item starts");
        let text = as_array(FEED);
        let entries = split(text.as_bytes()).unwrap();
        assert_eq!(entries[1].text, FEED.lines().nth(1).unwrap().trim_end());
    }

    #[test]
    fn a_bad_line_is_listed_and_the_rest_kept() {
        let text = "{\"id\": \"a\", \"title\": \"A\", \"essential_skills\": [{\"label\": \"x\"}]}\n\n{\"id\": \"b\",\n{\"id\": \"c\", \"title\": \"\"}\n";
        let feed = read(text.as_bytes(), None).unwrap();
        assert_eq!(feed.vacancies.len(), 1);
        assert_eq!(feed.problems.len(), 2);
        assert_eq!((feed.problems[0].index, feed.problems[0].line), (1, 3));
        assert!(feed.problems[0].message.starts_with("line 3"), "{}", feed.problems[0].message);
        assert_eq!(feed.problems[1].id.as_deref(), Some("c"));
        assert!(feed.problems[1].problems.iter().any(|p| p.path == "title"));
    }

    #[test]
    fn feeds_are_told_from_single_documents() {
        assert!(is_feed("x.JSONL", b"{}"));
        assert!(is_feed("vacancies.json", "\u{feff} \n[{}]".as_bytes()));
        assert!(!is_feed("v.json", b"{\"id\": \"a\"}"));
        assert!(!is_feed("v.yaml", b"- a"));
    }

    #[test]
    fn one_pretty_printed_vacancy_is_a_feed_of_one() {
        let text = "{\n  \"id\": \"a\",\n  \"title\": \"A\",\n  \"essential_skills\": [{\"label\": \"x\"}]\n}\n";
        assert_eq!(read(text.as_bytes(), None).unwrap().vacancies.len(), 1);
    }

    #[test]
    fn broken_arrays_and_other_text_are_refused_with_the_place() {
        let e = split(b"[\n{\"id\": 1},\n{\"id\": 2,}\n]").unwrap_err();
        assert!(matches!(e, Error::Syntax { line: 3, .. }), "{e:?}");
        let e = split(b"[{\"id\": 1} {\"id\": 2}]").unwrap_err();
        assert!(e.to_string().contains("expected ',' or ']'"), "{e}");
        assert!(split(b"[] x").is_err());
        assert!(matches!(split(b"hello").unwrap_err(), Error::Syntax { .. }));
        assert!(split(b"  \n").unwrap().is_empty());
        assert_eq!(split("\u{feff}[{}]".as_bytes()).unwrap().len(), 1);
    }

    #[test]
    fn limits_at_and_beyond() {
        let padded = |n: usize| format!("[{}]", " ".repeat(n - 2));
        assert!(split(padded(MAX_IMPORT_BYTES).as_bytes()).is_ok());
        assert!(matches!(split(padded(MAX_IMPORT_BYTES + 1).as_bytes()), Err(Error::TooLarge { .. })));
        let items = |n: usize| format!("[{}]", vec!["{}"; n].join(","));
        assert_eq!(split(items(MAX_IMPORT_ROWS).as_bytes()).unwrap().len(), MAX_IMPORT_ROWS);
        let e = split(items(MAX_IMPORT_ROWS + 1).as_bytes()).unwrap_err();
        assert!(e.to_string().contains("20001"), "{e}");
        let lines = vec!["{}"; MAX_IMPORT_ROWS + 1].join("\n");
        assert!(matches!(split(lines.as_bytes()), Err(Error::TooManyRows { .. })));
    }
}
