//! Calendar months, the report's unit of time: `2022-11`.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use crate::desk::day::Day;
use crate::lang::Lang;
use crate::model::PartialDate;

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Month {
    year: u16,
    month: u8,
}

const MESI: [&str; 12] = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MESI_INTERI: [&str; 12] =
    ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"];
const MONTHS_FULL: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

impl Month {
    /// The month of a day.
    pub fn of(day: Day) -> Month {
        let (year, month, _) = day.parts();
        Month { year, month }
    }

    /// Its first day.
    pub fn first_day(self) -> Day {
        PartialDate::day(self.year, self.month, 1).and_then(|d| Day::try_from(d).ok()).expect("a month's first day is a day")
    }

    /// Its year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// Its last day.
    pub fn last_day(self) -> Day {
        let leap = self.year.is_multiple_of(4) && (!self.year.is_multiple_of(100) || self.year.is_multiple_of(400));
        let days = match self.month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        PartialDate::day(self.year, self.month, days).and_then(|d| Day::try_from(d).ok()).expect("a month's last day is a day")
    }

    /// The month after.
    pub fn next(self) -> Month {
        if self.month == 12 { Month { year: self.year + 1, month: 1 } } else { Month { year: self.year, month: self.month + 1 } }
    }

    /// The month `months` before this one (January 1900 at the earliest).
    pub fn minus(self, months: u32) -> Month {
        let index = (u32::from(self.year) * 12 + u32::from(self.month - 1)).saturating_sub(months).max(1900 * 12);
        Month { year: (index / 12) as u16, month: (index % 12) as u8 + 1 }
    }

    /// Months from `self` to `later`, both counted (0 if `later` comes first).
    pub fn count_to(self, later: Month) -> usize {
        let index = |m: Month| i64::from(m.year) * 12 + i64::from(m.month);
        usize::try_from(index(later) - index(self) + 1).unwrap_or(0)
    }

    /// `nov 22` / `Nov 22`: a chart's axis.
    pub fn short(self, lang: Lang) -> String {
        let names = if lang == Lang::It { &MESI } else { &MONTHS };
        format!("{} {:02}", names[usize::from(self.month - 1)], self.year % 100)
    }

    /// `novembre 2022` / `November 2022`.
    pub fn long(self, lang: Lang) -> String {
        let names = if lang == Lang::It { &MESI_INTERI } else { &MONTHS_FULL };
        format!("{} {}", names[usize::from(self.month - 1)], self.year)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Why a text is not a month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthError(String);

impl MonthError {
    /// The reason, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::It => format!("{:?} non è un mese (atteso AAAA-MM, per esempio 2022-11)", self.0),
            Lang::En => format!("{:?} is not a month (expected YYYY-MM, e.g. 2022-11)", self.0),
        }
    }
}

impl fmt::Display for MonthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for MonthError {}

impl FromStr for Month {
    type Err = MonthError;

    fn from_str(s: &str) -> Result<Month, MonthError> {
        let err = || MonthError(s.to_owned());
        let t = s.trim();
        let (y, m) = t.split_once('-').ok_or_else(err)?;
        if y.len() != 4 || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let (year, month): (u16, u8) = (y.parse().map_err(|_| err())?, m.parse().map_err(|_| err())?);
        if !(1..=12).contains(&month) || !(1900..=2199).contains(&year) {
            return Err(err());
        }
        Ok(Month { year, month })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_step_and_word() {
        let m: Month = "2022-11".parse().unwrap();
        assert_eq!(m.next().next().to_string(), "2023-01");
        assert_eq!(m.last_day().to_string(), "2022-11-30");
        assert_eq!("2024-02".parse::<Month>().unwrap().last_day().to_string(), "2024-02-29");
        assert_eq!(m.count_to("2023-10".parse().unwrap()), 12);
        assert_eq!(m.minus(11).to_string(), "2021-12");
        assert_eq!(m.minus(0), m);
        assert_eq!(m.minus(u32::MAX).to_string(), "1900-01");
        assert_eq!(m.short(Lang::It), "nov 22");
        assert_eq!(m.long(Lang::En), "November 2022");
        for bad in ["2022-13", "2022/11", "22-11", "2022-1", "novembre"] {
            let e = bad.parse::<Month>().unwrap_err();
            assert!(e.message(Lang::It).contains("AAAA-MM"), "{bad}");
        }
    }
}
