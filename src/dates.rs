//! Date expressions, resolved to calendar dates against the story's own date.

use crate::analysis::Analysis;
use crate::text::Document;
use std::fmt;
use std::str::FromStr;

/// A calendar date, e.g. the caller's reference date `2023-09-14`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CalendarDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl CalendarDate {
    pub fn new(year: i32, month: u32, day: u32) -> Option<CalendarDate> {
        (1..=12).contains(&month).then_some(())?;
        (1..=days_in_month(year, month))
            .contains(&day)
            .then_some(CalendarDate { year, month, day })
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for CalendarDate {
    type Err = String;
    /// Parses `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("invalid date {s:?}: expected YYYY-MM-DD");
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse()) else {
            return Err(bad());
        };
        CalendarDate::new(y, m, d).ok_or_else(bad)
    }
}

/// Fills `analysis.dates`, and the year of the dateline date.
pub fn find_dates(_doc: &Document, _analysis: &mut Analysis, _reference: Option<CalendarDate>) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_reference_dates() {
        assert_eq!(
            "2023-09-14".parse(),
            Ok(CalendarDate {
                year: 2023,
                month: 9,
                day: 14
            })
        );
        assert!("2023-02-30".parse::<CalendarDate>().is_err());
        assert!("14/09/2023".parse::<CalendarDate>().is_err());
    }
}
