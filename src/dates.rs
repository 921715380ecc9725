//! Date expressions, resolved to calendar dates against the story's own date.
//!
//! `expressions` finds the phrases (`Sept. 13, 2023`, `April 2019`, `in 2011`,
//! `Thursday`, `last week`, `earlier this month`, `three days ago`); this module picks
//! the story's date and turns each phrase into a value that is exactly as precise as
//! what is known: a day (`2023-09-14`), a month (`2023-09`), a year, or `null`.
//!
//! The story's date is the dateline's month and day, with the year written elsewhere in
//! the story when a full date lies a day or two before it (Yonhap's caption `Sept. 13, 2023`
//! under a `SEOUL, Sept. 14` dateline), else the year that puts it nearest the caller's
//! reference date. A story without a dated dateline is dated by the reference date.
//!
//! Knowingly wrong: a bare weekday is taken as the nearest one before the story date
//! unless a future cue (`will`, `plans`) stands near it, so `Kim, who arrived Tuesday,
//! will visit ...` may resolve `Tuesday` forwards; seasons, quarters, decades and
//! durations are not dates here.

mod expressions;

use crate::analysis::{Analysis, DateMention, Span};
use crate::text::Document;
use expressions::{Direction, Expression};
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
pub(crate) fn parse_iso_date(s: &str) -> Option<CalendarDate> {
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
pub(crate) fn month_number(word: &str) -> Option<u32> {
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
pub(crate) fn is_month_abbreviation(word: &str) -> bool {
    month_number(word).is_some()
        && word.len() <= 4
        && !word.eq_ignore_ascii_case("may")
        && !word.eq_ignore_ascii_case("june")
        && !word.eq_ignore_ascii_case("july")
}

/// 0 for `Monday` ... 6 for `Sunday` (capitalized or all caps).
pub(crate) fn weekday_number(word: &str) -> Option<u32> {
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

/// How much of a calendar date a value states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Known {
    Year(i32),
    Month(i32, u32),
    Day(CalendarDate),
}

impl Known {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for a year that has no four digits
    /// (`next Tuesday` from a reference date of 9999-12-31), which the format cannot write.
    fn value(self) -> Option<String> {
        let year = match self {
            Known::Year(y) | Known::Month(y, _) => y,
            Known::Day(d) => d.year,
        };
        (0..=9999).contains(&year).then(|| match self {
            Known::Year(y) => format!("{y:04}"),
            Known::Month(y, m) => format!("{y:04}-{m:02}"),
            Known::Day(d) => d.to_string(),
        })
    }

    /// What every day from `first` to `last` has in common.
    fn common(first: CalendarDate, last: CalendarDate) -> Option<Known> {
        if first == last {
            Some(Known::Day(first))
        } else if (first.year, first.month) == (last.year, last.month) {
            Some(Known::Month(first.year, first.month))
        } else if first.year == last.year {
            Some(Known::Year(first.year))
        } else {
            None
        }
    }
}

/// Fills `analysis.dates`, and the year of the dateline date.
pub fn find_dates(doc: &Document, analysis: &mut Analysis, reference: Option<CalendarDate>) {
    let found = expressions::find_expressions(doc);
    let story_date = story_date(analysis, &found, reference);
    if let (Some(dateline_date), Some(date)) = (
        analysis.dateline.as_mut().and_then(|d| d.date.as_mut()),
        story_date,
    ) {
        dateline_date.year = Some(date.year);
    }
    analysis.dates = found
        .iter()
        .map(|f| DateMention {
            span: Span::new(doc.text, f.range.clone()),
            value: resolve(&f.expression, story_date).and_then(Known::value),
        })
        .collect();
}

/// The date the story speaks from: see the module comment.
fn story_date(
    analysis: &Analysis,
    found: &[expressions::Found],
    reference: Option<CalendarDate>,
) -> Option<CalendarDate> {
    let Some(dateline_date) = analysis.dateline.as_ref().and_then(|d| d.date.as_ref()) else {
        return reference;
    };
    let (month, day) = (dateline_date.month, dateline_date.day);
    if let Some(year) = dateline_date.year {
        return CalendarDate::new(year, month, day);
    }
    // A full date written in the story, at most two days before the dateline date (the
    // caption's `Sept. 13, 2023` under `SEOUL, Sept. 14`) or the day after (filed near
    // midnight), gives the year; not one that looks ahead (`bonds due March 1, 1994`).
    // A wider window takes anniversaries: `On March 12, 1985, ...` under `March 19`.
    let mut best: Option<(i64, CalendarDate)> = None;
    for f in found.iter().filter(|f| !f.looks_ahead) {
        let Expression::Calendar {
            year: y,
            month: Some(m),
            day: Some(d),
        } = f.expression
        else {
            continue;
        };
        let Some(written) = CalendarDate::new(y, m, d) else {
            continue;
        };
        for year in [y - 1, y, y + 1] {
            let Some(candidate) = CalendarDate::new(year, month, day) else {
                continue;
            };
            let gap = written.days_since_epoch() - candidate.days_since_epoch();
            if (-2..=1).contains(&gap) && best.is_none_or(|(g, _)| gap.abs() < g) {
                best = Some((gap.abs(), candidate));
            }
        }
    }
    if let Some((_, date)) = best {
        return Some(date);
    }
    reference.and_then(|r| year_before(month, day, r))
}

/// The last `month`/`day` on or before `reference` (a week's grace for a story filed
/// ahead of the reference date): a dateline names a day that has come.
fn year_before(month: u32, day: u32, reference: CalendarDate) -> Option<CalendarDate> {
    let limit = reference.days_since_epoch() + 7;
    [reference.year + 1, reference.year, reference.year - 1]
        .into_iter()
        .filter_map(|y| CalendarDate::new(y, month, day))
        .find(|d| d.days_since_epoch() <= limit)
}

fn add_months(year: i32, month: u32, months: i64) -> (i32, u32) {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + months;
    (index.div_euclid(12) as i32, index.rem_euclid(12) as u32 + 1)
}

fn resolve(expression: &Expression, anchor: Option<CalendarDate>) -> Option<Known> {
    match *expression {
        Expression::Calendar { year, month, day } => match (month, day) {
            (Some(m), Some(d)) => CalendarDate::new(year, m, d).map(Known::Day),
            (Some(m), None) => Some(Known::Month(year, m)),
            (None, _) => Some(Known::Year(year)),
        },
        Expression::Yearless {
            month,
            day,
            years,
            direction,
        } => {
            let anchor = anchor?;
            if let Some(k) = years {
                let year = anchor.year + k as i32;
                return match day {
                    Some(d) => CalendarDate::new(year, month, d).map(Known::Day),
                    None => Some(Known::Month(year, month)),
                };
            }
            // The candidates around the anchor, earliest first, measured in days (a
            // month counts from its first day against the anchor's month).
            let anchor_month = CalendarDate::new(anchor.year, anchor.month, 1)?;
            let mut candidates = [-1, 0, 1].into_iter().filter_map(|k| {
                let date = CalendarDate::new(anchor.year + k, month, day.unwrap_or(1))?;
                let from = if day.is_some() { anchor } else { anchor_month };
                Some((date, date.days_since_epoch() - from.days_since_epoch()))
            });
            let chosen = match direction {
                Direction::Past => candidates.rev().find(|(_, gap)| *gap <= 0),
                Direction::StrictPast => candidates.rev().find(|(_, gap)| *gap < 0),
                Direction::Future => candidates.find(|(_, gap)| *gap >= 0),
                Direction::StrictFuture => candidates.find(|(_, gap)| *gap > 0),
                // On a tie (`by August` said in February) the later one.
                Direction::Nearest => candidates.min_by_key(|(_, gap)| (gap.abs(), -gap)),
            };
            let (date, _) = chosen?;
            Some(match day {
                Some(_) => Known::Day(date),
                None => Known::Month(date.year, date.month),
            })
        }
        Expression::DayOffset(days) => Some(Known::Day(anchor?.add_days(days))),
        Expression::Weekday { weekday, direction } => {
            let anchor = anchor?;
            let ahead = (i64::from(weekday) - i64::from(anchor.weekday())).rem_euclid(7);
            let days = match direction {
                Direction::Past | Direction::Nearest => -((7 - ahead) % 7),
                Direction::StrictPast => -(if ahead == 0 { 7 } else { 7 - ahead }),
                Direction::Future => ahead,
                Direction::StrictFuture => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
            };
            Some(Known::Day(anchor.add_days(days)))
        }
        Expression::WeekOffset(weeks) => {
            let anchor = anchor?;
            let monday = anchor.add_days(-i64::from(anchor.weekday()) + 7 * weeks);
            Known::common(monday, monday.add_days(6))
        }
        Expression::MonthOffset(months) => {
            let anchor = anchor?;
            let (y, m) = add_months(anchor.year, anchor.month, months);
            Some(Known::Month(y, m))
        }
        Expression::YearOffset(years) => Some(Known::Year(anchor?.year + years as i32)),
    }
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
