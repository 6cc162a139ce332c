//! Names of the enums that cross a boundary (JSON, Python, JS, the command line).
//!
//! [`wire_names!`] gives an enum of plain variants its wire name (`as_str`), `FromStr`,
//! `Display` and the list of its values (`ALL`), so that no binding goes through
//! `serde_json::to_value` to name a variant and every option lists what it accepts.
//! A test checks that the names agree with serde's.

/// A value that is not one of an enum's wire names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not {what} (expected one of {})", expected.join(", "))]
pub struct UnknownName {
    /// The text given.
    pub value: String,
    /// What was wanted, e.g. "a part of the score".
    pub what: &'static str,
    /// Every accepted name.
    pub expected: Vec<&'static str>,
}

impl UnknownName {
    pub(crate) fn new(value: &str, what: &'static str, expected: Vec<&'static str>) -> Self {
        UnknownName { value: value.to_owned(), what, expected }
    }
}

/// Gives an existing enum of unit variants its wire names:
/// `wire_names!(PartName, "a part of the score", { EssentialSkills => "essential_skills", ... });`
/// Older spellings still accepted go in a trailing `aliases { "txt" => Text }`.
macro_rules! wire_names {
    ($name:ident, $what:literal, { $($variant:ident => $code:literal),+ $(,)? } $(, aliases { $($alias:literal => $target:ident),+ $(,)? })?) => {
        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name on the wire (JSON, Python, JS, command-line options).
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::wire::UnknownName;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $($(if s == $alias { return Ok($name::$target); })+)?
                $name::ALL.iter().copied().find(|v| v.as_str() == s).ok_or_else(|| {
                    $crate::wire::UnknownName::new(s, $what, $name::ALL.iter().map(|v| v.as_str()).collect())
                })
            }
        }
    };
}

/// For tests: the wire names agree with serde's and parse back.
#[cfg(test)]
pub(crate) fn assert_names<T>(all: &[T])
where
    T: serde::Serialize + std::fmt::Display + std::str::FromStr + PartialEq + std::fmt::Debug + Copy,
    <T as std::str::FromStr>::Err: std::fmt::Debug,
{
    for v in all {
        let name = v.to_string();
        assert_eq!(serde_json::to_value(v).ok().and_then(|j| j.as_str().map(str::to_owned)).as_deref(), Some(name.as_str()));
        assert_eq!(name.parse::<T>().ok(), Some(*v), "{name}");
    }
    assert!("no such name".parse::<T>().is_err());
}
