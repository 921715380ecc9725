//! The Gregorian calendar the other stages count with: `CalendarDate` (ISO
//! `YYYY-MM-DD`, day arithmetic), and the English names of months and weekdays as news
//! copy writes them (`Sept.`, `SEPT`, `Thursday`).
//!
//! It knows no story: the anatomy stage reads dateline dates with it, the dates stage
//! resolves date phrases with it.

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

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of `days_since_epoch` (Hinnant's `civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> CalendarDate {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        CalendarDate { year, month, day }
    }

    pub fn add_days(self, days: i64) -> CalendarDate {
        CalendarDate::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// 0 for Monday ... 6 for Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        (self.days_since_epoch() + 3).rem_euclid(7) as u32
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
        parse_iso_date(s).ok_or_else(|| format!("invalid date {s:?}: expected YYYY-MM-DD"))
    }
}

/// `1996-08-22` (the CoNLL/RCV1 dateline date), strictly four-two-two digits.
pub fn parse_iso_date(s: &str) -> Option<CalendarDate> {
    let mut parts = s.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    CalendarDate::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The month a word names: `Sept`, `Sep`, `September`, `SEPT`, `sept` all give 9.
/// Three-letter and longer prefixes of the full name, plus `Sept`; `May` is the caller's
/// worry (it is also a verb).
pub fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if word.len() < 3 || word.len() > 9 || !word.is_ascii() {
        return None;
    }
    if word.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    // Only the usual abbreviations: three letters, or the whole name.
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(word) || (word.len() == 3 && m[..3].eq_ignore_ascii_case(word))
        })
        .map(|i| i as u32 + 1)
}

/// `Sept`, `Feb`: a shortened month name, whose dot is the abbreviation's, not a full
/// stop (`in May.` ends a sentence).
pub fn is_month_abbreviation(word: &str) -> bool {
    month_number(word).is_some()
        && word.len() <= 4
        && !word.eq_ignore_ascii_case("may")
        && !word.eq_ignore_ascii_case("june")
        && !word.eq_ignore_ascii_case("july")
}

/// 0 for `Monday` ... 6 for `Sunday` (capitalized or all caps).
pub fn weekday_number(word: &str) -> Option<u32> {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    DAYS.iter()
        .position(|d| d.eq_ignore_ascii_case(word))
        .map(|i| i as u32)
}

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

    #[test]
    fn counts_days_and_weekdays() {
        let d = CalendarDate::new(2023, 9, 14).unwrap();
        assert_eq!(d.weekday(), 3); // a Thursday
        assert_eq!(d.add_days(-14).to_string(), "2023-08-31");
        assert_eq!(d.add_days(200).to_string(), "2024-04-01");
        for days in [-800_000, -1, 0, 59, 11_016, 800_000] {
            let date = CalendarDate::from_days_since_epoch(days);
            assert_eq!(date.days_since_epoch(), days);
        }
    }

    #[test]
    fn reads_month_names() {
        for (word, month) in [
            ("Sept", 9),
            ("SEP", 9),
            ("September", 9),
            ("Feb", 2),
            ("MARCH", 3),
        ] {
            assert_eq!(month_number(word), Some(month), "{word}");
        }
        for word in ["Septe", "Ma", "factory", "Marc", "Mayor"] {
            assert_eq!(month_number(word), None, "{word}");
        }
    }
}
