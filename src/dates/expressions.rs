//! Finds date phrases in the tokens, one left-to-right pass per sentence, and says what
//! each one means relative to an unknown anchor; `dates` resolves them.
//!
//! False dates this guards against: `factory` (no month is a prefix match), `may` and
//! `march` the verbs (a month name alone needs a cue such as `in March`, and month
//! names must be capitalized), `2000 troops` (a year alone is not followed by a plural
//! noun unless a cue such as `in` precedes it).

use crate::calendar::{is_month_abbreviation, month_number, parse_iso_date, weekday_number};
use crate::text::{with_lowercase, Document, TokenKind};
use std::ops::Range;

/// Which occurrence of a weekday a phrase means, from the anchor date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// The anchor day or one of the six before: `Thursday` in a past-tense sentence.
    Past,
    /// Strictly before: `last Monday`.
    StrictPast,
    /// The anchor day or one of the six after: `Kim plans to visit on Thursday`.
    Future,
    /// Strictly after: `next Monday`.
    StrictFuture,
    /// Whichever is nearest the anchor: `Nov. 21` said on Nov. 2 with no cue either way.
    Nearest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expression {
    /// A date written with its year: `Sept. 13, 2023`, `April 2019`, `2011`.
    Calendar {
        year: i32,
        month: Option<u32>,
        day: Option<u32>,
    },
    /// A month (and day) without a year: `Feb 26`, `in March`, `last May`, `June last
    /// year`. `years` is the year relative to the anchor's when the phrase says it;
    /// otherwise `direction` says whether it is the last one or the next one.
    Yearless {
        month: u32,
        day: Option<u32>,
        years: Option<i64>,
        direction: Direction,
    },
    /// `today` (0), `yesterday` (-1), `tomorrow` (1), `three days ago` (-3).
    DayOffset(i64),
    Weekday {
        weekday: u32,
        direction: Direction,
    },
    /// `last week` (-1), `this week`, `earlier this week` (0), `next week` (1).
    WeekOffset(i64),
    /// `last month`, `earlier this month`, `two months ago`.
    MonthOffset(i64),
    /// `last year`, `this year`, `a year ago`.
    YearOffset(i64),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatePhrase {
    /// Byte range of the phrase.
    pub range: Range<usize>,
    pub expression: Expression,
    /// Follows a word that points ahead of the story (`bonds due March 1, 1994`), so it
    /// does not date the story.
    pub looks_ahead: bool,
}

/// Words a few tokens before a date that make it a deadline rather than an event.
const AHEAD_WORDS: &[&str] = &[
    "due",
    "maturing",
    "matures",
    "mature",
    "maturity",
    "expiring",
    "expires",
    "expire",
    "until",
    "till",
    "through",
    "by",
    "redeemable",
    "payable",
    "ending",
    "ends",
    "to",
    "dated",
    "from",
    "starting",
    "effective",
    "between",
    "after",
    "before",
];

/// Words before a bare month or year that make it a date: `in March`, `since 2011`.
const TIME_PREPOSITIONS: &[&str] = &[
    "in", "since", "until", "till", "by", "before", "after", "through", "during", "from", "early",
    "late", "mid", "of", "last", "next", "this", "between", "to", "year", "fiscal", "around",
    "circa",
];

/// Words near a weekday that put it after the story date: `Kim plans to visit ... on
/// Thursday`, `will meet Friday`.
const FUTURE_CUES: &[&str] = &[
    "will",
    "shall",
    "plans",
    "plan",
    "planning",
    "scheduled",
    "expected",
    "due",
    "upcoming",
    "going",
    "won't",
    "tomorrow",
    "next",
    "later",
    "until",
    "resume",
    "resumes",
    "meet",
    "meets",
    "begin",
    "begins",
    "starts",
    "opens",
];

/// Words just before a month that put it before the story date: `the year ended March
/// 31`, `since March`.
const PAST_CUES: &[&str] = &["ended", "since", "was", "were", "earlier", "previous"];

/// Number words before `days ago`.
fn count_word(word: &str) -> Option<i64> {
    // Every token is asked: the longest answer has six letters, so nothing longer is
    // lowercased.
    if word.len() > 6 {
        return None;
    }
    with_lowercase(word, count_word_lowercase)
}

fn count_word_lowercase(word: &str) -> Option<i64> {
    let n = match word {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        w if !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) => {
            w.parse().ok()?
        }
        _ => return None,
    };
    Some(n)
}

fn calendar(year: i32, month: Option<u32>, day: Option<u32>) -> Expression {
    Expression::Calendar { year, month, day }
}

/// A four-digit year from 1000 to 2199.
fn four_digit_year(w: &str) -> Option<i32> {
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = w.parse().ok()?;
    (1000..2200).contains(&year).then_some(year)
}

/// `ninety-six` → 96, `seventy` → 70 (the last two digits of a spoken year).
fn spoken_tens(word: &str) -> Option<i32> {
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const ONES: [&str; 9] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    let (tens, ones) = word.split_once('-').unwrap_or((word, ""));
    let t = TENS.iter().position(|x| *x == tens)? as i32 + 2;
    let o = match ones {
        "" => 0,
        o => ONES.iter().position(|x| *x == o)? as i32 + 1,
    };
    Some(t * 10 + o)
}

/// The reading of one sentence: token index `i` within `range`.
struct SentenceReader<'d, 'a> {
    doc: &'d Document<'a>,
    range: Range<usize>,
}

impl<'a> SentenceReader<'_, 'a> {
    fn word(&self, i: usize) -> &'a str {
        if self.range.contains(&i) {
            self.doc.word(i)
        } else {
            ""
        }
    }

    fn lower_is(&self, i: usize, words: &[&str]) -> bool {
        let w = self.word(i);
        words.iter().any(|x| w.eq_ignore_ascii_case(x))
    }

    /// The token before `i` in this sentence, if any.
    fn before(&self, i: usize) -> Option<usize> {
        (i > self.range.start).then(|| i - 1)
    }

    fn is_dot_after(&self, i: usize) -> bool {
        self.word(i + 1) == "."
            && self.doc.tokens.get(i + 1).map(|t| t.start())
                == self.doc.tokens.get(i).map(|t| t.end())
    }

    /// A day of the month, `14` or `14th`.
    fn day(&self, i: usize) -> Option<u32> {
        let w = self.word(i);
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        if digits.is_empty()
            || digits.len() > 2
            || !digits.bytes().all(|b| b.is_ascii_digit())
            || !matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        {
            return None;
        }
        let day: u32 = digits.parse().ok()?;
        (1..=31).contains(&day).then_some(day)
    }

    /// A year at `i`, `1998` or spoken as in broadcast transcripts (`nineteen
    /// ninety-six`, `two thousand`): (year, index after it).
    fn year(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(year) = four_digit_year(self.word(i)) {
            return Some((year, i + 1));
        }
        if self.lower_is(i, &["nineteen"]) {
            let next = self.word(i + 1).to_ascii_lowercase();
            return spoken_tens(&next).map(|n| (1900 + n, i + 2));
        }
        (self.lower_is(i, &["two"]) && self.lower_is(i + 1, &["thousand"])).then_some((2000, i + 2))
    }

    /// A month name at `i` (with its abbreviation dot): (month, next token index).
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.word(i);
        if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
            return None;
        }
        let month = month_number(w)?;
        let next = if self.is_dot_after(i) && is_month_abbreviation(w) {
            i + 2
        } else {
            i + 1
        };
        Some((month, next))
    }

    fn end_of(&self, i: usize) -> usize {
        self.doc.tokens[i].end()
    }

    fn start_of(&self, i: usize) -> usize {
        self.doc.tokens[i].start()
    }

    /// Whether a future cue stands within a few tokens of `i`.
    fn near_future_cue(&self, i: usize) -> bool {
        let from = i.saturating_sub(6).max(self.range.start);
        let to = (i + 6).min(self.range.end);
        (from..to).any(|k| {
            let w = self.word(k);
            self.lower_is(k, FUTURE_CUES) || w.ends_with("'ll") || w.ends_with("’ll")
        })
    }

    /// The phrase starting at token `i`: (expression, index after its last token).
    fn phrase_at(&self, i: usize) -> Option<(Expression, usize)> {
        let w = self.word(i);
        const OPENERS: &[&str] = &[
            "today",
            "yesterday",
            "tomorrow",
            "earlier",
            "later",
            "early",
            "late",
            "last",
            "this",
            "next",
            "coming",
        ];
        let lower = OPENERS
            .iter()
            .find(|o| o.eq_ignore_ascii_case(w))
            .copied()
            .unwrap_or("");
        match lower {
            "today" => return Some((Expression::DayOffset(0), i + 1)),
            "yesterday" => return Some((Expression::DayOffset(-1), i + 1)),
            "tomorrow" => return Some((Expression::DayOffset(1), i + 1)),
            "earlier" | "later" | "early" | "late" if self.lower_is(i + 1, &["this"]) => {
                return self.relative_unit(i + 1, 0);
            }
            "last" | "this" | "next" | "coming" => {
                let offset = match lower {
                    "last" => -1,
                    "this" => 0,
                    _ => 1,
                };
                // `last May`: the last May before this month; `this May`: this year's.
                if let Some((month, next)) = self.month(i + 1) {
                    let (expression, end) = self.month_phrase(i, month, next, Some(0))?;
                    let direction = match offset {
                        -1 => Direction::StrictPast,
                        1 => Direction::StrictFuture,
                        _ => return Some((expression, end)),
                    };
                    let day = match expression {
                        Expression::Yearless { day, .. } => day,
                        _ => None,
                    };
                    let expression = Expression::Yearless {
                        month,
                        day,
                        years: None,
                        direction,
                    };
                    return Some((expression, end));
                }
                return self.relative_unit(i, offset);
            }
            _ => {}
        }
        if let Some(weekday) = weekday_number(w) {
            let direction = self.tense(i);
            return Some((Expression::Weekday { weekday, direction }, i + 1));
        }
        // `mid-November`, `mid-1996`
        if let Some(rest) = w.strip_prefix("mid-").or_else(|| w.strip_prefix("Mid-")) {
            if let Some(month) = month_number(rest).filter(|_| rest.starts_with(char::is_uppercase))
            {
                return Some((self.yearless(i, month, None, None), i + 1));
            }
            if let Some(year) = four_digit_year(rest) {
                return Some((calendar(year, None, None), i + 1));
            }
        }
        if let Some(n) = count_word(w) {
            if let Some(found) = self.ago(i, n) {
                return Some(found);
            }
        }
        if let Some((month, next)) = self.month(i) {
            return self.month_phrase(i, month, next, None);
        }
        if let Some(day) = self.day(i) {
            if let Some((month, next)) = self.month(i + 1) {
                return Some(match self.year(next) {
                    Some((year, end)) => (calendar(year, Some(month), Some(day)), end),
                    None => (self.yearless(i, month, Some(day), None), next),
                });
            }
        }
        if let Some((year, end)) = self.year(i) {
            return self.bare_year(i, year, end).map(|e| (e, end));
        }
        if self.doc.tokens[i].kind == TokenKind::Number {
            if let Some(date) = parse_iso_date(w) {
                return Some((calendar(date.year, Some(date.month), Some(date.day)), i + 1));
            }
        }
        None
    }

    /// `Past` unless a future cue stands near token `i`.
    fn tense(&self, i: usize) -> Direction {
        if self.near_future_cue(i) {
            Direction::Future
        } else {
            Direction::Past
        }
    }

    /// `the year ended March 31` (past), `payable Dec. 7` (ahead), `in January` (the
    /// nearest January, without a cue).
    fn yearless(&self, i: usize, month: u32, day: Option<u32>, years: Option<i64>) -> Expression {
        let just_before = i.saturating_sub(3).max(self.range.start)..i;
        let direction = if just_before.clone().any(|k| self.lower_is(k, AHEAD_WORDS)) {
            Direction::Future
        } else if just_before.clone().any(|k| self.lower_is(k, PAST_CUES)) {
            Direction::Past
        } else if self.near_future_cue(i) {
            Direction::Future
        } else {
            Direction::Nearest
        };
        Expression::Yearless {
            month,
            day,
            years,
            direction,
        }
    }

    /// `last week`, `this month`, `next year`, `last Monday`, `next Monday`, with the
    /// modifier at `i`.
    fn relative_unit(&self, i: usize, offset: i64) -> Option<(Expression, usize)> {
        let unit = self.word(i + 1);
        let expression = match unit.to_ascii_lowercase().as_str() {
            "week" | "weekend" => Expression::WeekOffset(offset),
            "month" => Expression::MonthOffset(offset),
            "year" => Expression::YearOffset(offset),
            _ => {
                let weekday = weekday_number(unit)?;
                let direction = match offset {
                    -1 => Direction::StrictPast,
                    1 => Direction::StrictFuture,
                    _ if self.near_future_cue(i) => Direction::Future,
                    _ => Direction::Past,
                };
                Expression::Weekday { weekday, direction }
            }
        };
        Some((expression, i + 2))
    }

    /// `three days ago`, `a year ago`, `a year earlier`.
    fn ago(&self, i: usize, n: i64) -> Option<(Expression, usize)> {
        let earlier = self.lower_is(i + 2, &["earlier"]) && self.lower_is(i + 1, &["year"]);
        if !self.lower_is(i + 2, &["ago"]) && !earlier {
            return None;
        }
        let expression = match self.word(i + 1).to_ascii_lowercase().trim_end_matches('s') {
            "day" => Expression::DayOffset(-n),
            "week" => Expression::DayOffset(-7 * n),
            "month" => Expression::MonthOffset(-n),
            "year" => Expression::YearOffset(-n),
            _ => return None,
        };
        Some((expression, i + 3))
    }

    /// `Sept. 13, 2023`, `Feb 26`, `April 2019`, `April of 2019`, `in March`, `June
    /// last year`; from `i`, which is the month or a `last`/`this`/`next` before it
    /// (`years` then says which).
    fn month_phrase(
        &self,
        i: usize,
        month: u32,
        next: usize,
        years: Option<i64>,
    ) -> Option<(Expression, usize)> {
        let mut day = None;
        let mut end = next;
        if let Some(d) = self.day(next) {
            day = Some(d);
            end = next + 1;
        }
        // `Feb 26, 1987`, `Feb 26 1987`, `April 2019`, `April, 2019`, `April of 2019`
        let year_at = if self.word(end) == "," || (day.is_none() && self.lower_is(end, &["of"])) {
            end + 1
        } else {
            end
        };
        if years.is_none() {
            if let Some((year, after)) = self.year(year_at) {
                return Some((calendar(year, Some(month), day), after));
            }
        }
        // `June last year`, `January of next year`
        let relative_at = if self.lower_is(end, &["of"]) {
            end + 1
        } else {
            end
        };
        let mut years = years;
        if years.is_none() && self.lower_is(relative_at + 1, &["year"]) {
            let offset = match self.word(relative_at).to_ascii_lowercase().as_str() {
                "last" => Some(-1),
                "this" => Some(0),
                "next" => Some(1),
                _ => None,
            };
            if offset.is_some() {
                years = offset;
                end = relative_at + 2;
            }
        }
        // A month alone is a date only after a cue word: `in March`, not `to March on`.
        let cue = years.is_some()
            || day.is_some()
            || self
                .before(i)
                .is_some_and(|b| self.lower_is(b, TIME_PREPOSITIONS) && self.word(b) != "to");
        cue.then(|| (self.yearless(i, month, day, years), end))
    }

    /// `2011` alone: after a cue word, or not followed by a plural noun (`2000 troops`).
    fn bare_year(&self, i: usize, year: i32, end: usize) -> Option<Expression> {
        let before = self.before(i);
        if before.is_some_and(|b| matches!(self.word(b), "$" | "#" | "No" | "no" | "No.")) {
            return None;
        }
        let cue = before.is_some_and(|b| self.lower_is(b, TIME_PREPOSITIONS));
        let next = self.word(end);
        let plural_noun = next.len() > 3
            && next.starts_with(|c: char| c.is_ascii_lowercase())
            && next.ends_with('s')
            && !next.ends_with("ss");
        (next != "%" && (cue || !plural_noun)).then_some(calendar(year, None, None))
    }
}

/// Every date phrase of the document, in order.
pub fn find_expressions(doc: &Document) -> Vec<DatePhrase> {
    let mut found = Vec::new();
    for sentence in &doc.sentences {
        let cursor = SentenceReader {
            doc,
            range: sentence.clone(),
        };
        let mut i = sentence.start;
        while i < sentence.end {
            match cursor.phrase_at(i) {
                Some((expression, end)) if end > i && end <= sentence.end => {
                    // `earlier this month`: the span starts at the first word read.
                    // A list inherits it: `mature March 26, 1990, March 25, 1992 and ...`.
                    let in_list = found.last().is_some_and(|f: &DatePhrase| {
                        f.looks_ahead
                            && (i.saturating_sub(2).max(sentence.start)..i)
                                .any(|k| cursor.end_of(k) == f.range.end)
                    });
                    let looks_ahead = in_list
                        || (i.saturating_sub(3).max(sentence.start)..i)
                            .any(|k| cursor.lower_is(k, AHEAD_WORDS));
                    found.push(DatePhrase {
                        range: cursor.start_of(i)..cursor.end_of(end - 1),
                        expression,
                        looks_ahead,
                    });
                    i = end;
                }
                _ => i += 1,
            }
        }
    }
    found
}
