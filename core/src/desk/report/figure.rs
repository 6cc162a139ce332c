//! One cell of a report: a count, a decimal, a share, nothing, or a count the small-count
//! rule withholds; written as a number in JSON, as text in a language for the PDF and the
//! console.

use serde::{Serialize, Serializer};

use super::suppress::Mark;
use crate::lang::Lang;

/// A cell's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Figure {
    /// A whole count.
    Count(u64),
    /// A measure to one decimal place (hours, days).
    Decimal(f64),
    /// A share from 0 to 1, shown as a percentage to one decimal place.
    Share(f64),
    /// No value (nothing to measure, e.g. a median of no one).
    Blank,
    /// A count of 1 or 2 withheld: "<3".
    Small,
    /// A count hidden so that a small one cannot be worked out: "*".
    Hidden,
}

/// What a withheld small count reads as.
pub const SMALL_MARK: &str = "<3";
/// What a count hidden by secondary suppression reads as.
pub const HIDDEN_MARK: &str = "*";

impl Figure {
    /// A decimal rounded to one place.
    pub fn decimal(v: f64) -> Figure {
        Figure::Decimal((v * 10.0).round() / 10.0)
    }

    /// A count as the small-count rule marks it.
    pub fn marked(v: u64, mark: Mark) -> Figure {
        match mark {
            Mark::Shown => Figure::Count(v),
            Mark::Small => Figure::Small,
            Mark::Hidden => Figure::Hidden,
        }
    }

    /// The count, if this is one that is shown.
    pub fn count(self) -> Option<u64> {
        match self {
            Figure::Count(n) => Some(n),
            _ => None,
        }
    }

    /// The value as a number, if shown.
    pub fn number(self) -> Option<f64> {
        match self {
            Figure::Count(n) => Some(n as f64),
            Figure::Decimal(v) | Figure::Share(v) => Some(v),
            _ => None,
        }
    }

    /// The text a person reads: `1.234` and `12,5` in Italian, `1,234` and `12.5` in
    /// English; `—` for no value.
    pub fn shown(self, lang: Lang) -> String {
        match self {
            Figure::Count(n) => group(&n.to_string(), lang),
            Figure::Decimal(v) => decimal(v, lang),
            Figure::Share(v) => format!("{}%", decimal(v * 100.0, lang)),
            Figure::Blank => "—".into(),
            Figure::Small => SMALL_MARK.into(),
            Figure::Hidden => HIDDEN_MARK.into(),
        }
    }

    /// The text of a CSV cell: numbers as JSON writes them, withheld counts by their mark,
    /// nothing for no value.
    pub fn csv(self) -> String {
        match self {
            Figure::Count(n) => n.to_string(),
            Figure::Decimal(v) | Figure::Share(v) => serde_json::Number::from_f64(v).map_or_else(String::new, |n| n.to_string()),
            Figure::Blank => String::new(),
            Figure::Small => SMALL_MARK.into(),
            Figure::Hidden => HIDDEN_MARK.into(),
        }
    }
}

impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Figure::Count(n) => s.serialize_u64(n),
            Figure::Decimal(v) | Figure::Share(v) => s.serialize_f64(v),
            Figure::Blank => s.serialize_none(),
            Figure::Small => s.serialize_str(SMALL_MARK),
            Figure::Hidden => s.serialize_str(HIDDEN_MARK),
        }
    }
}

/// Digits grouped by thousands (`.` in Italian, `,` in English).
fn group(digits: &str, lang: Lang) -> String {
    let sep = if lang == Lang::It { '.' } else { ',' };
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// One decimal place, grouped (`1.130,5` / `1,130.5`).
fn decimal(v: f64, lang: Lang) -> String {
    let tenths = (v * 10.0).round() as i64;
    let (whole, tenth) = (tenths.abs() / 10, tenths.abs() % 10);
    let sign = if tenths < 0 { "-" } else { "" };
    let point = if lang == Lang::It { ',' } else { '.' };
    format!("{sign}{}{point}{tenth}", group(&whole.to_string(), lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_in_each_language() {
        assert_eq!(Figure::Count(1234567).shown(Lang::It), "1.234.567");
        assert_eq!(Figure::Count(534).shown(Lang::En), "534");
        assert_eq!(Figure::decimal(1130.04).shown(Lang::It), "1.130,0");
        assert_eq!(Figure::decimal(1130.55).shown(Lang::En), "1,130.6");
        assert_eq!(Figure::Share(0.9712).shown(Lang::It), "97,1%");
        assert_eq!(Figure::Small.shown(Lang::En), "<3");
        assert_eq!(
            serde_json::to_string(&[Figure::Count(3), Figure::Small, Figure::Hidden, Figure::Blank]).unwrap(),
            r#"[3,"<3","*",null]"#
        );
    }
}
