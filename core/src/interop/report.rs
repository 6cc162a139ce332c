//! What a conversion could not carry over, so that nothing is ever dropped silently.
//!
//! Every importer and exporter returns a [`MappingReport`] next to its result: one
//! [`Unmapped`] entry for each value of the source that has no place in the target (with
//! its path and a short summary of the value), notes on the guesses made on the way (a
//! name split in two, an identifier made up, an EQF level read from a degree's name), and
//! the validation warnings of the result.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::validate::Problem;

/// A source value that was not carried over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unmapped {
    /// Where it was in the source, e.g. `awards[0]`, `LearnerInfo.Headline.Type` or
    /// `line 4, column 7 (scadenza)`.
    pub path: String,
    /// A short summary of the value (texts are quoted and cut at 80 characters).
    pub value: String,
    /// Why it was not carried over.
    pub reason: String,
}

impl fmt::Display for Unmapped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} = {} ({})", self.path, self.value, self.reason)
    }
}

/// Everything worth knowing about one conversion besides its result.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MappingReport {
    /// Values of the source that the target has no place for.
    pub unmapped: Vec<Unmapped>,
    /// Guesses and repairs made on the way, one sentence each.
    pub notes: Vec<String>,
    /// Validation warnings of the result (errors are never left in a result).
    pub warnings: Vec<Problem>,
    /// How much of the source was carried over (for sources read as a tree).
    pub coverage: Coverage,
}

/// How much of a source was carried over: its non-empty values (texts, numbers, yes/no;
/// a list or a record counts as the values inside it) and how many of them were left out.
/// Known for sources read as a tree (JSON, YAML, XML); zero for the others.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// The source's non-empty values.
    pub values: usize,
    /// How many of them are under an [`Unmapped`] entry.
    pub left_out: usize,
}

impl Coverage {
    /// The share of the source's values carried over (0 to 1), if known.
    pub fn share(&self) -> Option<f64> {
        #[allow(clippy::cast_precision_loss)]
        (self.values > 0).then(|| 1.0 - self.left_out.min(self.values) as f64 / self.values as f64)
    }

    /// The non-empty values (texts, numbers, yes/no) in a tree.
    pub fn count(v: &Value) -> usize {
        match v {
            Value::Null => 0,
            Value::String(s) => usize::from(!s.trim().is_empty()),
            Value::Array(items) => items.iter().map(Self::count).sum(),
            Value::Object(map) => map.values().map(Self::count).sum(),
            Value::Bool(_) | Value::Number(_) => 1,
        }
    }
}

impl MappingReport {
    /// Records a value that was not carried over.
    /// The value of a field that holds sensitive data (date of birth, sex, nationality,
    /// disability, in any of the formats) is not repeated: reports are printed.
    pub fn unmapped(&mut self, path: impl Into<String>, value: impl Into<String>, reason: impl Into<String>) {
        let path = path.into();
        let value = if is_sensitive(&path) { HIDDEN.to_owned() } else { value.into() };
        self.unmapped.push(Unmapped { path, value, reason: reason.into() });
    }

    /// Records a guess or a repair.
    pub fn note(&mut self, note: impl Into<String>) {
        self.notes.push(note.into());
    }

    /// Whether the conversion was exact.
    pub fn is_empty(&self) -> bool {
        self.unmapped.is_empty() && self.notes.is_empty() && self.warnings.is_empty()
    }

    /// The unmapped entries grouped by path pattern (list indices replaced by `[]`), each
    /// with its count, one example value and the reason: a feed of a hundred postings that
    /// all carry a `salary` gives one line, not a hundred.
    pub fn grouped(&self) -> Vec<(String, usize, &Unmapped)> {
        let mut groups: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for (i, u) in self.unmapped.iter().enumerate() {
            let e = groups.entry(pattern(&u.path)).or_insert((0, i));
            e.0 += 1;
        }
        let mut out: Vec<(String, usize, &Unmapped)> = groups.into_iter().map(|(p, (n, i))| (p, n, &self.unmapped[i])).collect();
        out.sort_by_key(|(_, _, u)| self.unmapped.iter().position(|x| std::ptr::eq(x, *u)));
        out
    }
}

/// `jobs[12].salary` -> `jobs[].salary`.
fn pattern(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index && c.is_ascii_digit() => {}
            _ => out.push(c),
        }
    }
    out
}

/// What a report shows instead of a sensitive value.
pub const HIDDEN: &str = "(not shown: sensitive data)";

/// Whether a field path, in Sportello's model or in an imported format, names sensitive
/// data.
fn is_sensitive(path: &str) -> bool {
    let p = path.to_lowercase();
    ["sensitive", "birth", "gender", "sex", "nationalit", "citizenship", "disabilit", "demographics"].iter().any(|w| p.contains(w))
}

/// A short, one-line summary of a JSON value for reports.
pub fn summary(v: &Value) -> String {
    match v {
        Value::String(s) => quoted(s),
        Value::Array(items) => match items.as_slice() {
            [] => "[]".into(),
            [one] => format!("[{}]", summary(one)),
            [first, ..] => format!("[{} items: {}, ...]", items.len(), summary(first)),
        },
        Value::Object(_) => cut(&v.to_string(), 100),
        other => other.to_string(),
    }
}

/// A text quoted and cut to 80 characters, on one line.
pub fn quoted(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("{:?}", cut(&one_line, 80))
}

fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max { s.to_owned() } else { format!("{}...", s.chars().take(max).collect::<String>()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sensitive_values_are_not_repeated() {
        let mut r = MappingReport::default();
        r.unmapped("LearnerInfo.Identification.Demographics.Birthdate", "\"1971-13-45\"", "not a date");
        r.unmapped("basics.gender", "\"F\"", "no field");
        r.unmapped("work[0].summary", "\"x\"", "kept");
        let shown: Vec<&str> = r.unmapped.iter().map(|u| u.value.as_str()).collect();
        assert_eq!(shown, [HIDDEN, HIDDEN, "\"x\""]);
    }

    #[test]
    fn coverage_counts_values_inside_lists_and_records() {
        let v = serde_json::json!({"a": "x", "b": ["", "y", {"c": 1, "d": null}], "e": true});
        assert_eq!(Coverage::count(&v), 4);
        assert_eq!(Coverage { values: 4, left_out: 1 }.share(), Some(0.75));
        assert_eq!(Coverage::default().share(), None);
    }

    #[test]
    fn groups_by_path_pattern() {
        let mut r = MappingReport::default();
        r.unmapped("jobs[0].salary", "\"1\"", "x");
        r.unmapped("awards[0]", "{}", "y");
        r.unmapped("jobs[1].salary", "\"2\"", "x");
        let g = r.grouped();
        assert_eq!(g.len(), 2);
        assert_eq!((g[0].0.as_str(), g[0].1), ("jobs[].salary", 2));
        assert_eq!(g[1].0, "awards[]");
    }

    #[test]
    fn summaries_are_short() {
        let long = "x".repeat(200);
        assert_eq!(summary(&Value::String(long)).chars().count(), 85);
        assert_eq!(summary(&serde_json::json!(["a", "b"])), "[2 items: \"a\", ...]");
    }
}
