//! Partial ISO 8601 dates: `2021`, `2021-03` or `2021-03-15`.
//!
//! CVs rarely know the day a job started, so the precision is part of the value. Ordering
//! compares the known parts, treating a missing month or day as the earliest one.

use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a string is not a [`PartialDate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)", self.0)
    }
}

impl std::error::Error for DateError {}

impl PartialDate {
    /// A year-only date.
    pub fn year(year: u16) -> Option<Self> {
        (1900..=2200).contains(&year).then_some(Self { year, month: None, day: None })
    }

    /// A year-month date.
    pub fn month(year: u16, month: u8) -> Option<Self> {
        let y = Self::year(year)?;
        (1..=12).contains(&month).then_some(Self { month: Some(month), ..y })
    }

    /// A full date.
    pub fn day(year: u16, month: u8, day: u8) -> Option<Self> {
        let m = Self::month(year, month)?;
        (1..=days_in_month(year, month)).contains(&day).then_some(Self { day: Some(day), ..m })
    }

    /// The calendar day `days` days after 1970-01-01 (for callers that read a clock).
    pub fn from_unix_days(days: i64) -> Option<Self> {
        // Howard Hinnant's civil-from-days algorithm.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self::day(u16::try_from(year).ok()?, u8::try_from(month).ok()?, u8::try_from(day).ok()?)
    }

    /// The year.
    pub fn get_year(&self) -> u16 {
        self.year
    }

    /// The month (1-12), if known.
    pub fn get_month(&self) -> Option<u8> {
        self.month
    }

    /// The day of the month, if known.
    pub fn get_day(&self) -> Option<u8> {
        self.day
    }

    /// Months from year 0 to this date (an unknown month counts as January); used for
    /// durations of experience.
    pub fn month_index(&self) -> i32 {
        i32::from(self.year) * 12 + i32::from(self.month.unwrap_or(1)) - 1
    }

    /// Whole months from `self` to `later` (0 if `later` is earlier). An unknown month of
    /// `later` counts as December, so `2019`..`2020` is two years.
    pub fn months_until(&self, later: &PartialDate) -> u32 {
        let end = i32::from(later.year) * 12 + i32::from(later.month.unwrap_or(12));
        u32::try_from(end - self.month_index()).unwrap_or(0)
    }

    /// Whether `self` could be later than `other` at the precision both are known to:
    /// `2021-03` is not after `2021`.
    pub fn is_after(&self, other: &PartialDate) -> bool {
        let common = |a: &PartialDate, b: &PartialDate| {
            let month = a.month.zip(b.month);
            let day = a.day.zip(b.day);
            (a.year, month.map(|m| m.0), day.map(|d| d.0)) > (b.year, month.map(|m| m.1), day.map(|d| d.1))
        };
        common(self, other)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        _ => 31,
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateError(s.to_owned());
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Result<u16, DateError> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) { p.parse().map_err(|_| err()) } else { Err(err()) }
        };
        let narrow = |n: u16| u8::try_from(n).map_err(|_| err());
        match parts.as_slice() {
            [y] => Self::year(num(y, 4)?),
            [y, m] => Self::month(num(y, 4)?, narrow(num(m, 2)?)?),
            [y, m, d] => Self::day(num(y, 4)?, narrow(num(m, 2)?)?, narrow(num(d, 2)?)?),
            _ => None,
        }
        .ok_or_else(err)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // YAML reads `2021` as a number, so accept integers as years too.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            Year(i64),
        }
        let text = match Raw::deserialize(d)? {
            Raw::Text(s) => s,
            Raw::Year(y) => y.to_string(),
        };
        text.parse().map_err(|_| crate::problem::Rule::NotADate { value: text.clone() }.to_parser_error())
    }
}

impl JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A partial ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD.",
            "type": "string",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
            "examples": ["2021", "2021-03", "2021-03-15"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!("2021".parse::<PartialDate>().unwrap().to_string(), "2021");
        assert_eq!("2021-03".parse::<PartialDate>().unwrap().to_string(), "2021-03");
        assert_eq!("2024-02-29".parse::<PartialDate>().unwrap().to_string(), "2024-02-29");
    }

    #[test]
    fn rejects_impossible_dates_with_the_expected_form() {
        for bad in ["2021-13", "2023-02-29", "21", "2021/03", "2021-3", "", "march 2021"] {
            let err = bad.parse::<PartialDate>().unwrap_err().to_string();
            assert!(err.contains("expected YYYY, YYYY-MM or YYYY-MM-DD"), "{bad}: {err}");
        }
    }

    #[test]
    fn compares_at_the_shared_precision() {
        let d = |s: &str| s.parse::<PartialDate>().unwrap();
        assert!(!d("2021-03").is_after(&d("2021")));
        assert!(d("2021-03").is_after(&d("2021-02")));
        assert!(d("2022").is_after(&d("2021-12-31")));
        assert_eq!(d("2019").months_until(&d("2020")), 24);
        assert_eq!(d("2020-01").months_until(&d("2020-06")), 6);
    }

    #[test]
    fn from_unix_days() {
        assert_eq!(PartialDate::from_unix_days(0).unwrap().to_string(), "1970-01-01");
        assert_eq!(PartialDate::from_unix_days(20_415).unwrap().to_string(), "2025-11-23");
        assert_eq!(PartialDate::from_unix_days(19_782).unwrap().to_string(), "2024-02-29");
    }

    #[test]
    fn yaml_years_are_numbers() {
        let d: PartialDate = serde_json::from_str("2019").unwrap();
        assert_eq!(d.to_string(), "2019");
    }
}
