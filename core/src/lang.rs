//! The languages Sportello writes in: Italian first, English second.
//!
//! Every text the core words for a person (explanations, problems, labels in search
//! results) takes a [`Lang`]. Bindings read the user's code with [`Lang::from_str`], which
//! refuses anything else with the same message everywhere.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language the core writes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Italian (the default).
    #[default]
    It,
    /// English.
    En,
}

impl Lang {
    /// Every language, Italian first.
    pub const ALL: [Lang; 2] = [Lang::It, Lang::En];

    /// `it` or `en`; anything else is `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "it" => Some(Lang::It),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The ISO 639-1 code.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
        }
    }

    /// One of two wordings.
    pub fn pick<'a>(self, it: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::It => it,
            Lang::En => en,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A language code that is not `it` or `en`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a language sportello writes in (expected it or en)")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(code: &str) -> Result<Lang, UnknownLang> {
        Lang::parse(code).ok_or_else(|| UnknownLang(code.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_others_are_refused() {
        for lang in Lang::ALL {
            assert_eq!(lang.as_str().parse::<Lang>(), Ok(lang));
        }
        let e = "fr".parse::<Lang>().unwrap_err();
        assert_eq!(e.to_string(), "\"fr\" is not a language sportello writes in (expected it or en)");
        assert_eq!(Lang::default(), Lang::It);
    }
}
