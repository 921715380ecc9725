//! The dateline at the start of a story's body, in every common wire style:
//!
//! ```text
//! SEOUL, Sept. 14 (Yonhap) --        Yonhap, Xinhua, UPI, Kyodo
//! Seoul, Sep 14 (EFE).-              EFE
//! LONDON, March 3 (Reuters) -        Reuters; 1980s Reuters: SALVADOR, Feb 26 -
//! NAIROBI, Kenya (AP) _              AP (also `WASHINGTON (AP) —`, `(AP)_ The`)
//! Paris (AFP) -                      AFP, dpa, Bloomberg
//! MIAMI _                            NYT News Service (all-caps place only; also alone on
//!                                    its line, the story after a blank line)
//! MOSCOW —                           websites (em or en dash, with or without agency)
//! (ANSA) - ROME, SEP 14 -            ANSA, agency first
//! BRUSSELS 1996-08-22                CoNLL/RCV1, alone on its line
//! ```
//!
//! It reads tokens from the start of one line: a place (capitalized words, with
//! particles as in `RIO DE JANEIRO`), up to two qualifiers (`, Minn.`, `, Kenya`), an
//! optional date (`Sept. 14`, `2 March`), an optional agency (`(Yonhap)`, `, Reuter`)
//! and a separator dash. A place with a comma is not enough: `Paris, the capital, ...`
//! has no date, agency or separator, so it is no dateline; a place with a bare dash
//! must be in capitals (`WASHINGTON -`), since `Moscow - the Kremlin ...` is prose.
//!
//! Knowingly wrong: a misspelled month (`Narch 2`) loses the whole dateline.

use crate::calendar::{is_month_abbreviation, month_number, parse_iso_date, weekday_number};
use crate::text::{Document, TokenKind};
use crate::wordlists::agency_name;
use std::ops::Range;

/// A dateline read at the start of a line (byte ranges).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatelineMatch {
    /// From the first character to the end of the separator (`SEOUL, ... --`).
    pub range: Range<usize>,
    /// The place part as written, qualifiers included: `NAIROBI, Kenya`.
    pub location: Range<usize>,
    pub date: Option<DatelineDateMatch>,
    pub source: Option<String>,
    /// Has a date or a known agency, not only a place and a dash.
    pub strong: bool,
}

/// The month and day a dateline writes (`Sept. 14`), as a byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatelineDateMatch {
    pub range: Range<usize>,
    /// Only the CoNLL style `1996-08-22` writes the year.
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

/// Lowercase words inside a place name: `Rio de Janeiro`, `Port of Spain`.
const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "les", "el", "al",
    "am", "an", "der", "den", "aan", "au", "aux", "sur", "sous", "upon", "of", "y", "en",
];

/// The most capitalized words a place or a qualifier can have (`SALT LAKE CITY`,
/// `RIO DE JANEIRO`); more is a headline (`BANK OF FRANCE BUYS DOLLARS, SELLS YEN -`).
const MAX_PLACE_WORDS: usize = 4;

/// Capitalized words that are never part of a place, as in the headline
/// `ROTTERDAM PORT SUBSIDY TO END JULY 1 - MINISTER` or a sentence `In Seoul, ...`.
const NOT_PLACE_WORDS: &[&str] = &[
    "to",
    "in",
    "on",
    "at",
    "for",
    "by",
    "with",
    "from",
    "and",
    "is",
    "are",
    "was",
    "will",
    "says",
    "said",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "corrected",
    "correction",
    "update",
    "exclusive",
    "breaking",
    "analysis",
    "opinion",
    "watch",
    "live",
    "urgent",
];

struct DatelineReader<'d, 'a> {
    doc: &'d Document<'a>,
    /// One past the last token of the line.
    end: usize,
}

impl<'a> DatelineReader<'_, 'a> {
    fn word(&self, i: usize) -> &'a str {
        if i < self.end {
            self.doc.word(i)
        } else {
            ""
        }
    }

    fn is_word(&self, i: usize) -> bool {
        i < self.end && self.doc.is_word(i)
    }

    /// Token `i` directly follows token `i - 1`, without a space.
    fn touches_previous(&self, i: usize) -> bool {
        i > 0 && i < self.end && self.doc.tokens[i].start() == self.doc.tokens[i - 1].end()
    }

    fn is_capitalized_word(&self, i: usize) -> bool {
        self.is_word(i) && self.word(i).starts_with(char::is_uppercase)
    }

    /// Capitalized words (with their abbreviation dots and inner particles) from `i`:
    /// the index after them, or `None` when there is none.
    fn place(&self, i: usize) -> Option<usize> {
        let mut k = i;
        let mut words = 0;
        let mut after_last_capital = None;
        loop {
            let w = self.word(k);
            if self.is_capitalized_word(k) {
                if month_number(w).is_some()
                    || weekday_number(w).is_some()
                    || NOT_PLACE_WORDS.iter().any(|n| n.eq_ignore_ascii_case(w))
                {
                    break;
                }
                words += 1;
                k += 1;
                // `ST. JOHN'S, Newfoundland`
                if k < self.end && self.doc.tokens[k].kind == TokenKind::Possessive {
                    k += 1;
                }
                // `ST. PAUL`, `Minn.`: the abbreviation's dot.
                if self.word(k) == "." && self.touches_previous(k) {
                    k += 1;
                }
                after_last_capital = Some(k);
            } else if words > 0
                && self.is_word(k)
                && PARTICLES.contains(&w)
                && self.is_capitalized_word(k + 1)
            {
                k += 1;
            } else if words > 0 && self.is_word(k) && self.word(k + 1) == "," {
                // Carelessly typed: `New york, March 2 -`, `La paz, march 4 -`.
                k += 1;
                after_last_capital = Some(k);
            } else {
                break;
            }
            if words > MAX_PLACE_WORDS {
                return None;
            }
        }
        after_last_capital
    }

    /// `Sept. 14`, `Sep 14`, `Feb 26`, `2 March`, with the year where it follows
    /// (`Oct 2, 2024`, as AFP writes it): (date, index after it).
    fn date(&self, i: usize) -> Option<(DatelineDateMatch, usize)> {
        let found = |month: u32, day: u32, mut last: usize| {
            let year = (self.word(last + 1) == ",")
                .then(|| self.word(last + 2))
                .filter(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|w| w.parse().ok())
                .filter(|y| (1900..=2100).contains(y));
            if year.is_some() {
                last += 2;
            }
            let range = self.doc.tokens[i].start()..self.doc.tokens[last].end();
            let date = DatelineDateMatch {
                range,
                year,
                month,
                day,
            };
            (date, last + 1)
        };
        if self.is_word(i) {
            let month = month_number(self.word(i))?;
            let day_at = if self.word(i + 1) == "." && is_month_abbreviation(self.word(i)) {
                i + 2
            } else {
                i + 1
            };
            let day = self.day(day_at)?;
            return Some(found(month, day, day_at));
        }
        let day = self.day(i)?;
        let month = month_number(self.word(i + 1)).filter(|_| self.is_word(i + 1))?;
        Some(found(month, day, i + 1))
    }

    fn day(&self, i: usize) -> Option<u32> {
        let w = self.word(i);
        if w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        w.parse().ok().filter(|d| (1..=31).contains(d))
    }

    /// `(Yonhap)`, `(AP)`, `(dpa)`: (agency, index after `)`, whether it is a known
    /// agency rather than any short acronym such as `(DIA)`).
    fn agency_in_parens(&self, i: usize) -> Option<(String, usize, bool)> {
        if self.word(i) != "(" {
            return None;
        }
        let close = (i + 1..(i + 5).min(self.end)).find(|&k| self.word(k) == ")")?;
        if close == i + 1 || !(i + 1..close).all(|k| self.is_word(k)) {
            return None;
        }
        let name = &self.doc.text[self.doc.tokens[i + 1].start()..self.doc.tokens[close - 1].end()];
        let acronym = close == i + 2
            && (2..=6).contains(&name.len())
            && name.bytes().all(|b| b.is_ascii_uppercase());
        match agency_name(name) {
            Some(known) => Some((known.to_string(), close + 1, true)),
            None => acronym.then(|| (name.to_string(), close + 1, false)),
        }
    }

    /// `-`, `--`, `—`, `_`: the index after the separator.
    fn separator(&self, i: usize) -> Option<usize> {
        let is_dash = |k: usize| matches!(self.word(k), "-" | "—" | "–" | "―" | "_");
        if !is_dash(i) {
            return None;
        }
        let mut k = i + 1;
        while is_dash(k) && self.touches_previous(k) {
            k += 1;
        }
        Some(k)
    }
}

/// The dateline at the start of `line` (a byte range of `doc.text`), if it has one.
pub fn find_dateline(doc: &Document, line: Range<usize>) -> Option<DatelineMatch> {
    let tokens = doc.tokens_within(line);
    let r = DatelineReader {
        doc,
        end: tokens.end,
    };
    let first = tokens.start;
    if first >= r.end {
        return None;
    }
    let mut i = first;
    let mut source = None;
    // ANSA: `(ANSA) - ROME, SEP 14 - ...`
    let mut known_agency = false;
    if let Some((agency, after, known)) = r.agency_in_parens(i) {
        i = r.separator(after)?;
        source = Some(agency);
        known_agency = known;
    }
    let place_start = i;
    i = r.place(i)?;
    let mut location_end = i;
    let place_words = &doc.text[doc.tokens[place_start].start()..doc.tokens[i - 1].end()];
    let mut all_caps = !place_words.chars().any(char::is_lowercase);
    // A real place has a word of three letters or more (not `U.S.` or `A`).
    if !place_words
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().count() >= 3)
    {
        return None;
    }
    for _ in 0..2 {
        match r.word(i) {
            "," => match r.place(i + 1) {
                Some(after) => {
                    i = after;
                    location_end = after;
                }
                None => break,
            },
            _ => break,
        }
    }
    let location = doc.tokens[place_start].start()..doc.tokens[location_end - 1].end();

    // The date: `, Sept. 14`, ` March 11` (after `Okla.`), or CoNLL's ` 1996-08-22`.
    let mut date = None;
    let date_at = if r.word(i) == "," { i + 1 } else { i };
    if let Some((d, after)) = r.date(date_at) {
        date = Some(d);
        i = after;
        all_caps = false;
    } else if let Some(iso) = parse_iso_date(r.word(i)) {
        // Alone on its line: `BRUSSELS 1996-08-22`.
        if i + 1 != r.end {
            return None;
        }
        let range = doc.tokens[i].range();
        let date = DatelineDateMatch {
            range,
            year: Some(iso.year),
            month: iso.month,
            day: iso.day,
        };
        return Some(DatelineMatch {
            range: doc.tokens[first].start()..doc.tokens[i].end(),
            location,
            date: Some(date),
            source,
            strong: true,
        });
    }
    // `, Reuter -` (1980s Reuters) or `(Yonhap)`.
    if r.word(i) == "," && r.is_word(i + 1) {
        if let Some(agency) = agency_name(r.word(i + 1)) {
            source = Some(agency.to_string());
            known_agency = true;
            i += 2;
        }
    }
    if r.word(i) == "," && r.separator(i + 1).is_some() {
        i += 1; // `TULSA, Okla., April 1,  - `, `CHEVY CHASE, Md., - March 4 -`
    }
    if let Some((agency, after, known)) = r.agency_in_parens(i) {
        source = Some(agency);
        known_agency |= known;
        i = after;
        // EFE's `(EFE).-`
        if r.word(i) == "." && r.touches_previous(i) {
            i += 1;
        }
    }
    let strong = date.is_some() || known_agency;
    let end = match r.separator(i) {
        Some(after) => {
            // A bare dash after a place alone: `WASHINGTON - `, spaced, in capitals.
            if !strong && source.is_none() && (!all_caps || r.touches_previous(i)) {
                return None;
            }
            doc.tokens[after - 1].end()
        }
        // A known agency in parentheses needs no dash: `Paris (AFP) The ...`.
        None if known_agency && i > place_start && r.word(i - 1) == ")" => doc.tokens[i - 1].end(),
        None => return None,
    };
    Some(DatelineMatch {
        range: doc.tokens[first].start()..end,
        location,
        date,
        source,
        strong,
    })
}

/// The place for display: `SEOUL` → `Seoul`, `RIO DE JANEIRO` → `Rio de Janeiro`,
/// `ST. PAUL, MINN.` → `St. Paul, Minn.`; mixed-case words and initialisms (`N.Y.`) stay.
pub fn normalize_place(location: &str) -> String {
    let mut out = String::with_capacity(location.len());
    let mut first = true;
    for (k, piece) in location.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let letters: String = piece.chars().filter(|c| c.is_alphabetic()).collect();
        let keep = letters.is_empty()
            || letters.chars().any(char::is_lowercase)
            || piece.matches('.').count() > 1
            || (letters.chars().count() <= 2
                && !piece.contains('.')
                && !PARTICLES.contains(&letters.to_lowercase().as_str()));
        if keep {
            out.push_str(piece);
        } else {
            out.push_str(&title_case(piece, first));
        }
        if !letters.is_empty() {
            first = false;
        }
    }
    out
}

/// `PORT-AU-PRINCE` → `Port-au-Prince`, `N'DJAMENA` → `N'Djamena`.
fn title_case(word: &str, first_word: bool) -> String {
    let mut out = String::with_capacity(word.len());
    for (k, part) in word.split('-').enumerate() {
        if k > 0 {
            out.push('-');
        }
        let lower = part.to_lowercase();
        let bare = lower.trim_end_matches(['.', ',']);
        if (k > 0 || !first_word) && PARTICLES.contains(&bare) {
            out.push_str(&lower);
            continue;
        }
        let mut capital_next = true;
        for c in lower.chars() {
            if capital_next && c.is_alphabetic() {
                out.extend(c.to_uppercase());
                capital_next = false;
            } else {
                out.push(c);
            }
            if c == '\'' || c == '’' {
                capital_next = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_places() {
        for (written, place) in [
            ("SEOUL", "Seoul"),
            ("Seoul", "Seoul"),
            ("RIO DE JANEIRO", "Rio de Janeiro"),
            ("ST. PAUL, Minn.", "St. Paul, Minn."),
            ("NEW YORK, N.Y.", "New York, N.Y."),
            ("PORT-AU-PRINCE", "Port-au-Prince"),
            ("N'DJAMENA", "N'Djamena"),
            ("KANSAS CITY, MO.", "Kansas City, Mo."),
            ("WINSTON-SALEM, N.C.", "Winston-Salem, N.C."),
        ] {
            assert_eq!(normalize_place(written), place);
        }
    }
}
