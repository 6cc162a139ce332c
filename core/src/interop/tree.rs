//! Reading a source tree while keeping count of what was read.
//!
//! The importers read JSON, YAML and (converted) XML through a [`Tracker`]: every value
//! they take is marked, and at the end [`Tracker::finish`] lists every non-empty value
//! that nobody took as [`Unmapped`](super::Unmapped). This is what makes "never silently
//! dropped" hold for fields no importer has ever heard of.

use std::cell::{Cell, RefCell};
use std::collections::HashSet;

use serde_json::Value;

use super::report::{Coverage, MappingReport, summary};

/// The root of a source tree and the set of paths read so far.
pub struct Tracker<'a> {
    root: &'a Value,
    used: RefCell<HashSet<String>>,
    explicit: RefCell<MappingReport>,
    left_out: Cell<usize>,
}

/// One place in the tree (which may hold nothing).
#[derive(Clone)]
pub struct Node<'t, 'a> {
    t: &'t Tracker<'a>,
    v: Option<&'a Value>,
    path: String,
}

impl<'a> Tracker<'a> {
    /// Starts tracking a tree.
    pub fn new(root: &'a Value) -> Self {
        Self { root, used: RefCell::new(HashSet::new()), explicit: RefCell::new(MappingReport::default()), left_out: Cell::new(0) }
    }

    /// The root node.
    pub fn root(&self) -> Node<'_, 'a> {
        Node { t: self, v: Some(self.root), path: String::new() }
    }

    /// The report: what the mapping recorded itself, then every value nobody read, with
    /// `reason` as the reason.
    pub fn finish(self, reason: &str) -> MappingReport {
        let used = self.used.into_inner();
        let mut touched: HashSet<String> = HashSet::new();
        for p in &used {
            for (i, c) in p.char_indices() {
                if c == '.' || c == '[' {
                    touched.insert(p[..i].to_owned());
                }
            }
            touched.insert(p.clone());
        }
        let mut report = self.explicit.into_inner();
        let left_out = walk(self.root, &mut String::new(), &used, &touched, reason, &mut report);
        report.coverage = Coverage { values: Coverage::count(self.root), left_out: self.left_out.get() + left_out };
        report
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.iter().all(is_empty),
        Value::Object(m) => m.values().all(is_empty),
        _ => false,
    }
}

/// Reports every value under `v` nobody read; returns how many values that left out.
fn walk(v: &Value, path: &mut String, used: &HashSet<String>, touched: &HashSet<String>, reason: &str, r: &mut MappingReport) -> usize {
    if used.contains(path.as_str()) || is_empty(v) {
        return 0;
    }
    let untouched = !touched.contains(path.as_str());
    let mut left_out = 0;
    match v {
        Value::Array(items) if untouched && !items.iter().any(Value::is_object) => {
            r.unmapped(path.clone(), summary(v), reason);
            left_out += Coverage::count(v);
        }
        Value::Object(_) if untouched && !path.is_empty() => {
            r.unmapped(path.clone(), summary(v), reason);
            left_out += Coverage::count(v);
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                left_out += walk(item, path, used, touched, reason, r);
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
                left_out += walk(item, path, used, touched, reason, r);
                path.truncate(len);
            }
        }
        _ => {
            r.unmapped(path.clone(), summary(v), reason);
            left_out += 1;
        }
    }
    left_out
}

impl<'t, 'a> Node<'t, 'a> {
    /// The child at `key` (case-sensitive).
    pub fn get(&self, key: &str) -> Node<'t, 'a> {
        let v = self.v.and_then(|v| v.get(key));
        let path = if self.path.is_empty() { key.to_owned() } else { format!("{}.{key}", self.path) };
        Node { t: self.t, v, path }
    }

    /// The first of `keys` that holds something (or the first key, empty).
    pub fn get_any(&self, keys: &[&str]) -> Node<'t, 'a> {
        keys.iter().map(|k| self.get(k)).find(Node::is_present).unwrap_or_else(|| self.get(keys.first().copied().unwrap_or_default()))
    }

    /// The items of a list; a single value counts as a list of one, nothing as none.
    pub fn items(&self) -> Vec<Node<'t, 'a>> {
        match self.v {
            Some(Value::Array(a)) => {
                a.iter().enumerate().map(|(i, v)| Node { t: self.t, v: Some(v), path: format!("{}[{i}]", self.path) }).collect()
            }
            Some(Value::Null) | None => Vec::new(),
            Some(_) => vec![self.clone()],
        }
    }

    /// Whether there is a non-empty value here.
    pub fn is_present(&self) -> bool {
        self.v.is_some_and(|v| !is_empty(v))
    }

    /// The value, if any.
    pub fn value(&self) -> Option<&'a Value> {
        self.v
    }

    /// The path, e.g. `work[0].startDate`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The keys of an object, in order.
    pub fn keys(&self) -> Vec<String> {
        match self.v {
            Some(Value::Object(m)) => m.keys().cloned().collect(),
            _ => Vec::new(),
        }
    }

    /// Marks this value (and everything under it) as read.
    pub fn mark(&self) {
        self.t.used.borrow_mut().insert(self.path.clone());
    }

    /// The value as trimmed text (numbers and booleans too; an XML element with attributes
    /// gives its `$text`), marking it read. Empty text is none.
    pub fn text(&self) -> Option<String> {
        let v = self.v?;
        let s = match v {
            Value::String(s) => s.trim().to_owned(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Object(m) => match m.get("$text") {
                Some(Value::String(s)) => {
                    self.get("$text").mark();
                    return Some(s.trim().to_owned()).filter(|s| !s.is_empty());
                }
                _ => return None,
            },
            _ => return None,
        };
        self.mark();
        Some(s).filter(|s| !s.is_empty())
    }

    /// Text of the child `key`.
    pub fn str(&self, key: &str) -> Option<String> {
        self.get(key).text()
    }

    /// Records this value as not carried over, with a specific reason, and marks it read.
    pub fn unmapped(&self, reason: impl Into<String>) {
        if let Some(v) = self.v
            && !is_empty(v)
        {
            self.t.explicit.borrow_mut().unmapped(self.path.clone(), summary(v), reason);
            self.t.left_out.set(self.t.left_out.get() + Coverage::count(v));
        }
        self.mark();
    }

    /// Records a note in the report.
    pub fn note(&self, note: impl Into<String>) {
        self.t.explicit.borrow_mut().note(note);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unread_values_are_reported_at_the_highest_unread_level() {
        let v = json!({"a": {"b": "x", "c": "y"}, "list": [{"k": 1}, {"k": 2, "z": 3}], "empty": "", "tags": ["p", "q"]});
        let t = Tracker::new(&v);
        let r = t.root();
        assert_eq!(r.get("a").str("b").as_deref(), Some("x"));
        r.get("list").items()[1].get("k").text();
        r.get("tags").unmapped("no place for tags");
        let report = t.finish("no matching field");
        let paths: Vec<&str> = report.unmapped.iter().map(|u| u.path.as_str()).collect();
        assert_eq!(paths, ["tags", "a.c", "list[0]", "list[1].z"]);
        assert_eq!(report.unmapped[0].reason, "no place for tags");
        // 7 values in all; 5 left out (the two tags, a.c, list[0].k, list[1].z).
        assert_eq!((report.coverage.values, report.coverage.left_out), (7, 5));
    }
}
