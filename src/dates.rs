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
//! reference date. A story without a dated dateline is dated by the page's timestamp
//! (`Published Jan. 5, 2019`) when it has one, else by the reference date; dates in a
//! web page's furniture (boilerplate, credits) are not the story's.
//!
//! Knowingly wrong: a bare weekday is taken as the nearest one before the story date
//! unless a future cue (`will`, `plans`) stands near it, so `Kim, who arrived Tuesday,
//! will visit ...` may resolve `Tuesday` forwards; seasons, quarters, decades and
//! durations are not dates here.

mod expressions;

use crate::analysis::{DateMention, Dateline, Span};
use crate::anatomy::Anatomy;
use crate::calendar::CalendarDate;
use crate::text::Document;
use expressions::{Direction, Expression};

/// How much of a calendar date a value states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateValue {
    Year(i32),
    Month(i32, u32),
    Day(CalendarDate),
}

impl DateValue {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `None` for a year that has no four digits
    /// (`next Tuesday` from a reference date of 9999-12-31), which the format cannot write.
    fn value(self) -> Option<String> {
        let year = match self {
            DateValue::Year(y) | DateValue::Month(y, _) => y,
            DateValue::Day(d) => d.year,
        };
        (0..=9999).contains(&year).then(|| match self {
            DateValue::Year(y) => format!("{y:04}"),
            DateValue::Month(y, m) => format!("{y:04}-{m:02}"),
            DateValue::Day(d) => d.to_string(),
        })
    }

    /// What every day from `first` to `last` has in common.
    fn common(first: CalendarDate, last: CalendarDate) -> Option<DateValue> {
        if first == last {
            Some(DateValue::Day(first))
        } else if (first.year, first.month) == (last.year, last.month) {
            Some(DateValue::Month(first.year, first.month))
        } else if first.year == last.year {
            Some(DateValue::Year(first.year))
        } else {
            None
        }
    }
}

/// The dates stage's result: the story's own date and every date phrase.
#[derive(Debug, Default)]
pub struct Dates {
    /// The date the story speaks from (see the module comment); it also gives the
    /// dateline's year.
    pub story_date: Option<CalendarDate>,
    pub mentions: Vec<DateMention>,
    /// The date of the page's timestamp (`Published Jan. 5, 2019 ...`).
    pub published: Option<DateMention>,
}

/// Finds the story's date and resolves every date phrase against it.
pub fn find_dates(doc: &Document, anatomy: &Anatomy, reference: Option<CalendarDate>) -> Dates {
    let mut found = expressions::find_expressions(doc);
    // The page's timestamp dates the story when the dateline does not; no other date
    // is read in the page's furniture.
    let published = anatomy.timestamp.as_ref().and_then(|line| {
        // The full date, not the weekday before it: `Monday 5 June 2023 18.30 BST`.
        let inside = || {
            found
                .iter()
                .filter(|f| line.start <= f.range.start && f.range.end <= line.end)
        };
        let phrase = inside()
            .find(|f| {
                matches!(
                    f.expression,
                    Expression::Calendar { day: Some(_), .. }
                        | Expression::Yearless { day: Some(_), .. }
                )
            })
            .or_else(|| inside().next())?;
        let value = resolve(&phrase.expression, reference)?;
        Some((phrase.range.clone(), value))
    });
    let furniture = anatomy.furniture();
    found.retain(|f| {
        let next = furniture.partition_point(|r| r.start <= f.range.start);
        !furniture[..next].iter().any(|r| r.end >= f.range.end)
    });
    let dateline = anatomy.dateline.as_ref();
    let published_day = match published {
        Some((_, DateValue::Day(day))) => Some(day),
        _ => None,
    };
    let story_date = match dateline.and_then(|d| d.date.as_ref()) {
        Some(_) => story_date(dateline, &found, reference),
        None => published_day.or(reference),
    };
    let mentions = found
        .iter()
        .map(|f| DateMention {
            span: Span::new(doc.text, f.range.clone()),
            value: resolve(&f.expression, story_date).and_then(DateValue::value),
        })
        .collect();
    Dates {
        story_date,
        mentions,
        published: published.map(|(range, value)| DateMention {
            span: Span::new(doc.text, range),
            value: value.value(),
        }),
    }
}

/// The date the story speaks from: see the module comment.
fn story_date(
    dateline: Option<&Dateline>,
    found: &[expressions::DatePhrase],
    reference: Option<CalendarDate>,
) -> Option<CalendarDate> {
    let Some(dateline_date) = dateline.and_then(|d| d.date.as_ref()) else {
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

fn resolve(expression: &Expression, anchor: Option<CalendarDate>) -> Option<DateValue> {
    match *expression {
        Expression::Calendar { year, month, day } => match (month, day) {
            (Some(m), Some(d)) => CalendarDate::new(year, m, d).map(DateValue::Day),
            (Some(m), None) => Some(DateValue::Month(year, m)),
            (None, _) => Some(DateValue::Year(year)),
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
                    Some(d) => CalendarDate::new(year, month, d).map(DateValue::Day),
                    None => Some(DateValue::Month(year, month)),
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
                Some(_) => DateValue::Day(date),
                None => DateValue::Month(date.year, date.month),
            })
        }
        Expression::DayOffset(days) => Some(DateValue::Day(anchor?.add_days(days))),
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
            Some(DateValue::Day(anchor.add_days(days)))
        }
        Expression::WeekOffset(weeks) => {
            let anchor = anchor?;
            let monday = anchor.add_days(-i64::from(anchor.weekday()) + 7 * weeks);
            DateValue::common(monday, monday.add_days(6))
        }
        Expression::MonthOffset(months) => {
            let anchor = anchor?;
            let (y, m) = add_months(anchor.year, anchor.month, months);
            Some(DateValue::Month(y, m))
        }
        Expression::YearOffset(years) => Some(DateValue::Year(anchor?.year + years as i32)),
    }
}
