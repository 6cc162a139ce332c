//! Calendar days and times of the caseload: `2023-03-14` and `09:30`, stored as text so
//! that they sort and read the same in SQLite, PostgreSQL and an export.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::PartialDate;

/// A calendar day, known to the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Day(PartialDate);

/// A time of day to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Time {
    hour: u8,
    minute: u8,
}

impl Day {
    /// The day `days` days after 1970-01-01.
    pub fn from_unix_days(days: i64) -> Option<Day> {
        PartialDate::from_unix_days(days).map(Day)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
    pub fn unix_days(self) -> i64 {
        let (y, m, d) = self.parts();
        let y = i64::from(y) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = (i64::from(m) + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// This day moved by `days` (negative: earlier); `None` outside the years 1900-2200.
    pub fn plus_days(self, days: i64) -> Option<Day> {
        Day::from_unix_days(self.unix_days() + days)
    }

    /// The day of the week, 0 for Monday to 6 for Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday.
        (self.unix_days() + 3).rem_euclid(7) as u8
    }

    /// Year, month and day.
    pub fn parts(self) -> (u16, u8, u8) {
        (self.0.get_year(), self.0.get_month().unwrap_or(1), self.0.get_day().unwrap_or(1))
    }

    /// Whole years from `self` to `later` (an age on a date).
    pub fn years_until(self, later: Day) -> i32 {
        let (y0, m0, d0) = self.parts();
        let (y1, m1, d1) = later.parts();
        i32::from(y1) - i32::from(y0) - i32::from((m1, d1) < (m0, d0))
    }

    /// The day as a [`PartialDate`] of the model.
    pub fn as_partial(self) -> PartialDate {
        self.0
    }

    /// Today by the system clock (UTC).
    pub fn today() -> Day {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        Day::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(0)).unwrap_or(Day(PartialDate::year(1970).expect("1970")))
    }
}

impl TryFrom<PartialDate> for Day {
    type Error = String;

    fn try_from(d: PartialDate) -> Result<Day, String> {
        if d.get_day().is_some() { Ok(Day(d)) } else { Err(format!("{d} is not a full date (expected YYYY-MM-DD)")) }
    }
}

impl FromStr for Day {
    type Err = String;

    /// `2023-03-14`, or the Italian `14/03/2023`.
    fn from_str(s: &str) -> Result<Day, String> {
        let t = s.trim();
        let iso = match t.split('/').collect::<Vec<_>>().as_slice() {
            [d, m, y] if d.len() <= 2 && m.len() <= 2 && y.len() == 4 => format!("{y}-{m:0>2}-{d:0>2}"),
            _ => t.to_owned(),
        };
        let wrong = || format!("{s:?} is not a date (expected YYYY-MM-DD or DD/MM/YYYY)");
        let d: PartialDate = iso.parse().map_err(|_| wrong())?;
        Day::try_from(d).map_err(|_| wrong())
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Time {
    /// A time of day, if `hour` < 24 and `minute` < 60.
    pub fn new(hour: u8, minute: u8) -> Option<Time> {
        (hour < 24 && minute < 60).then_some(Time { hour, minute })
    }

    /// Minutes since midnight.
    pub fn minutes(self) -> u32 {
        u32::from(self.hour) * 60 + u32::from(self.minute)
    }
}

impl FromStr for Time {
    type Err = String;

    /// `9:30`, `09:30` or `09.30`.
    fn from_str(s: &str) -> Result<Time, String> {
        let wrong = || format!("{s:?} is not a time (expected HH:MM, 00:00 to 23:59)");
        let (h, m) = s.trim().split_once([':', '.']).ok_or_else(wrong)?;
        let num =
            |p: &str| (!p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<u8>().ok()).flatten();
        Time::new(num(h).ok_or_else(wrong)?, num(m).filter(|_| m.len() == 2).ok_or_else(wrong)?).ok_or_else(wrong)
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

macro_rules! as_text {
    ($t:ty) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

as_text!(Day);
as_text!(Time);

/// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`, for the audit log.
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let day = Day::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(0)).map_or_else(|| "1970-01-01".to_owned(), |d| d.to_string());
    let s = secs % 86_400;
    format!("{day}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_through_unix_days() {
        for s in ["1970-01-01", "2000-02-29", "2023-03-14", "2024-12-31", "1900-01-01"] {
            let d: Day = s.parse().unwrap();
            assert_eq!(Day::from_unix_days(d.unix_days()), Some(d), "{s}");
        }
        let d: Day = "2023-03-14".parse().unwrap();
        assert_eq!(d.plus_days(30).unwrap().to_string(), "2023-04-13");
        assert_eq!("14/3/2023".parse::<Day>().unwrap(), d);
        assert_eq!(d.weekday(), 1, "14 March 2023 was a Tuesday");
        assert!("2023-03".parse::<Day>().unwrap_err().contains("YYYY-MM-DD"));
        assert!("2023-02-30".parse::<Day>().is_err());
        let born: Day = "1968-05-20".parse().unwrap();
        assert_eq!(born.years_until("2023-05-19".parse().unwrap()), 54);
        assert_eq!(born.years_until("2023-05-20".parse().unwrap()), 55);
    }

    #[test]
    fn times_parse_and_refuse() {
        assert_eq!("9:30".parse::<Time>().unwrap().to_string(), "09:30");
        assert_eq!("14.05".parse::<Time>().unwrap().minutes(), 845);
        for bad in ["24:00", "9:5", "930", "ab:cd", ""] {
            assert!(bad.parse::<Time>().is_err(), "{bad}");
        }
    }
}
