//! Field paths into a plain JSON tree, as users see them (`work[2].start`): parsing,
//! printing, and reaching or removing the value they point at. Shared by the loader,
//! which sets bad values aside, and the importers, which leave out what the model refuses.

use std::cmp::Ordering;

use serde_json::Value;

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// A field of an object.
    Key(String),
    /// An item of a list.
    Index(usize),
}

/// Keys sort before indices, so that sorting paths in reverse handles the deepest and
/// last items first.
impl Ord for Step {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Step::Index(a), Step::Index(b)) => a.cmp(b),
            (Step::Key(a), Step::Key(b)) => a.cmp(b),
            (Step::Key(_), Step::Index(_)) => Ordering::Less,
            (Step::Index(_), Step::Key(_)) => Ordering::Greater,
        }
    }
}

impl PartialOrd for Step {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Parses `work[2].start` into steps.
pub(crate) fn parse(path: &str) -> Vec<Step> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let mut rest = part;
        if let Some(open) = rest.find('[') {
            if open > 0 {
                out.push(Step::Key(rest[..open].to_owned()));
            }
            rest = &rest[open..];
            while let Some(close) = rest.find(']') {
                if let Ok(i) = rest[1..close].parse() {
                    out.push(Step::Index(i));
                }
                rest = &rest[close + 1..];
            }
        } else if !rest.is_empty() {
            out.push(Step::Key(rest.to_owned()));
        }
    }
    out
}

/// Prints steps as `work[2].start`.
pub(crate) fn render(steps: &[Step]) -> String {
    let mut out = String::new();
    for s in steps {
        match s {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// The value at `steps`.
pub(crate) fn get<'v>(tree: &'v Value, steps: &[Step]) -> Option<&'v Value> {
    steps.iter().try_fold(tree, |v, s| match s {
        Step::Key(k) => v.get(k.as_str()),
        Step::Index(i) => v.get(*i),
    })
}

/// The value at `steps`, to change it.
pub(crate) fn get_mut<'v>(tree: &'v mut Value, steps: &[Step]) -> Option<&'v mut Value> {
    steps.iter().try_fold(tree, |v, s| match s {
        Step::Key(k) => v.get_mut(k.as_str()),
        Step::Index(i) => v.get_mut(*i),
    })
}

/// Takes the value at `steps` out of its object or list.
pub(crate) fn remove(tree: &mut Value, steps: &[Step]) -> Option<Value> {
    let (last, parent) = steps.split_last()?;
    match (get_mut(tree, parent)?, last) {
        (Value::Object(m), Step::Key(k)) => m.remove(k),
        (Value::Array(a), Step::Index(i)) if *i < a.len() => Some(a.remove(*i)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_prints_and_reaches() {
        let steps = parse("work[2].start");
        assert_eq!(steps, [Step::Key("work".into()), Step::Index(2), Step::Key("start".into())]);
        assert_eq!(render(&steps), "work[2].start");
        let mut tree = serde_json::json!({"work": [{}, {}, {"start": "2021"}]});
        assert_eq!(get(&tree, &steps), Some(&Value::String("2021".into())));
        assert_eq!(remove(&mut tree, &parse("work[0]")), Some(serde_json::json!({})));
        assert_eq!(get(&tree, &parse("work[1].start")), Some(&Value::String("2021".into())));
    }
}
