//! Figures: the money, percentages and measured quantities a story states, each with a
//! normalized value and the sentence it sits in, so a fact-checker can list them.
//!
//! | written | kind | value |
//! |---|---|---|
//! | `$44.5 million`, `C$3 billion`, `£1.2bn`, `5 billion won`, `1.5 mln dlrs` | money | number, currency code, scale |
//! | `60 cents a barrel`, `25 cts a share` | money | 0.6, the sentence's currency, `per` |
//! | `23 per cent`, `0.5%`, `12 pct`, `a third of`, `25 basis points` | percent | number, unit `%` |
//! | `280 km`, `3,000 tonnes`, `7.5 magnitude`, `magnitude-7.5`, `30 degrees Celsius` | quantity | number, unit |
//!
//! How: one pass over the tokens of `text.rs`, reading at each token an optional
//! currency before the number (`$`, `C$`, `USD`), the number (digits with `,` groups
//! and a decimal part, or a word: `five`, `twenty-five`, `a` before a scale), a scale
//! (`million`, `bn`, glued `1.2bn`), then what makes it a figure: a currency after it
//! (`dollars`, `Canadian dollars`, `yen`, `€`), a percent sign or word, or a unit
//! (`km`, `square kilometres`, glued `280km` or `280-km`); last an optional rate
//! (`a barrel`, `per share`, `/tonne`). A number with none of these (a count, a year,
//! a phone number, a score) is no figure. Dates found earlier are skipped. Why not
//! regular expressions: the word tables (currency adjectives, units, number words)
//! are lookups on tokens the story already has, the pass is linear with no compiled
//! automaton to build or ship, and each rule reads as what it means.
//!
//! Knowingly wrong: a range (`3-5%`, `$3 to $5`) gives its parts or nothing, never a
//! range; `pounds` is money only after a scale or with `sterling`/`British`, else
//! weight; `5m` or `$3b` without a currency is no figure (metres? millions?); a bare
//! `won` needs a scale or at least 100 (`they won 3 games` would read `3 won`); cents
//! take the currency of another money figure in their sentence, else none; decimal
//! commas (`2,5 %`) are read as thousands groups only when three digits follow.

mod words;

use crate::analysis::{DateMention, Figure, FigureKind, FigureValue, Span};
use crate::text::{Document, TokenKind};
use std::ops::Range;

/// Every figure of the story, in order. `dates`: the date mentions found before (their
/// numbers are not figures).
pub fn find_figures(doc: &Document, dates: &[DateMention]) -> Vec<Figure> {
    let mut date_ranges: Vec<Range<usize>> = dates.iter().map(|d| d.span.range()).collect();
    date_ranges.sort_by_key(|r| r.start);
    let reader = Reader { doc };
    let mut found: Vec<(Range<usize>, FigureKind, FigureValue)> = Vec::new();
    let mut next_date = 0;
    let mut i = 0;
    while i < doc.tokens.len() {
        let at = doc.tokens[i].start();
        while next_date < date_ranges.len() && date_ranges[next_date].end <= at {
            next_date += 1;
        }
        if date_ranges.get(next_date).is_some_and(|d| d.start <= at) {
            i += 1;
            continue;
        }
        match reader.read_figure(i) {
            Some(read) => {
                let bytes = doc.token_span(i..read.end);
                let overlaps_date = date_ranges
                    .get(next_date)
                    .is_some_and(|d| d.start < bytes.end);
                // A number past the largest double (`$` and 400 nines) has no value
                // JSON can write (serde_json prints `null`): no figure.
                let finite = read.value.number.is_finite() && read.value.scale.is_finite();
                if !overlaps_date && finite {
                    found.push((i..read.end, read.kind, read.value));
                }
                i = read.end;
            }
            None => i += 1,
        }
    }
    let mut figures = with_sentences(doc, found);
    give_cents_a_currency(&mut figures);
    figures
}

/// Turns token ranges into figures with their sentences (both in story order, so the
/// sentence cursor only moves forwards).
fn with_sentences(
    doc: &Document,
    found: Vec<(Range<usize>, FigureKind, FigureValue)>,
) -> Vec<Figure> {
    let mut sentence = 0;
    found
        .into_iter()
        .map(|(tokens, kind, value)| {
            while sentence + 1 < doc.sentences.len() && doc.sentences[sentence].end <= tokens.start
            {
                sentence += 1;
            }
            let sentence_bytes = doc
                .sentences
                .get(sentence)
                .map_or(0..0, |s| doc.token_span(s.clone()));
            Figure {
                span: Span::new(doc.text, doc.token_span(tokens)),
                kind,
                value,
                sentence: Span::new(doc.text, sentence_bytes),
            }
        })
        .collect()
}

/// `60 cents` in `oil rose 60 cents to $80.51`: the currency of another money figure in
/// the same sentence.
fn give_cents_a_currency(figures: &mut [Figure]) {
    let mut start = 0;
    while start < figures.len() {
        let sentence = figures[start].sentence.range();
        let end = start
            + figures[start..]
                .iter()
                .take_while(|f| f.sentence.range() == sentence)
                .count();
        let currency = figures[start..end]
            .iter()
            .find(|f| f.kind == FigureKind::Money && f.value.currency.is_some())
            .and_then(|f| f.value.currency.clone());
        for figure in &mut figures[start..end] {
            let cents = figure.value.scale < 1.0;
            if figure.kind == FigureKind::Money && cents && figure.value.currency.is_none() {
                figure.value.currency = currency.clone();
            }
        }
        start = end;
    }
}

/// One figure read from the tokens: its kind and value, and the token after it.
struct Read {
    kind: FigureKind,
    value: FigureValue,
    end: usize,
}

/// A number as written: its decimal digits (`44.5`, commas dropped), the power of ten
/// its scale adds (`million` → 6), and a unit glued to it (`280km`).
struct Amount {
    digits: String,
    exponent: i32,
    /// A one-letter scale (`5m`, `$3b`): a figure only on money.
    needs_currency: bool,
    unit: Option<&'static str>,
    end: usize,
}

impl Amount {
    fn value(&self, exponent: i32) -> f64 {
        format!("{}e{}", self.digits, self.exponent + exponent)
            .parse()
            .unwrap_or(f64::NAN)
    }
}

struct Reader<'d, 'a> {
    doc: &'d Document<'a>,
}

impl Reader<'_, '_> {
    fn text(&self, i: usize) -> Option<&str> {
        (i < self.doc.tokens.len()).then(|| self.doc.token_text(i))
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.text(i).is_some_and(|t| t.eq_ignore_ascii_case(word))
    }

    /// Token `b` starts where token `a` ends: `C$`, `0.5%`.
    fn glued(&self, a: usize, b: usize) -> bool {
        let tokens = &self.doc.tokens;
        b < tokens.len() && tokens[a].end() == tokens[b].start()
    }

    fn read_figure(&self, i: usize) -> Option<Read> {
        if let Some(read) = self.read_prefixed_money(i) {
            return Some(read);
        }
        if let Some(read) = self.read_magnitude_first(i) {
            return Some(read);
        }
        if let Some(read) = self.read_fraction(i) {
            return Some(read);
        }
        let amount = self.read_amount(i)?;
        self.read_after_amount(amount)
    }

    /// `$44.5 million`, `C$3 billion`, `US$5`, `€20`, `USD 5 million`, `Rs 500 crore`.
    fn read_prefixed_money(&self, i: usize) -> Option<Read> {
        let token = self.text(i)?;
        let glued_symbol = (self.doc.tokens[i].kind == TokenKind::Word && self.glued(i, i + 1))
            .then(|| currency_symbol_at(self.text(i + 1)?, token))
            .flatten();
        let (currency, number_at) = if let Some(code) = currency_symbol_at(token, "") {
            (code, i + 1)
        } else if let Some(code) = glued_symbol {
            // Letters glued to a symbol: `C$`, `HK$`, `US$`.
            (code, i + 2)
        } else {
            let code = words::currency_code(token)?;
            // `Rs. 500`
            let dot = self.is(i + 1, ".") && self.glued(i, i + 1);
            (code, i + 1 + usize::from(dot))
        };
        let amount = self.read_amount(number_at)?;
        if amount.unit.is_some() {
            return None;
        }
        let (per, end) = self.read_rate(amount.end);
        Some(Read {
            kind: FigureKind::Money,
            value: FigureValue::new(&amount, 0, Some(currency), None, per),
            end,
        })
    }

    /// `magnitude 7.5`, `a magnitude-7.5 quake`.
    fn read_magnitude_first(&self, i: usize) -> Option<Read> {
        let token = self.text(i)?;
        let value = |number: f64| FigureValue {
            number,
            scale: 1.0,
            currency: None,
            unit: Some("magnitude".into()),
            per: None,
        };
        if token.eq_ignore_ascii_case("magnitude") {
            let amount = self.read_amount(i + 1)?;
            return (amount.exponent == 0 && amount.unit.is_none()).then(|| Read {
                kind: FigureKind::Quantity,
                value: value(amount.value(0)),
                end: amount.end,
            });
        }
        let prefix = "magnitude-";
        let digits = token
            .get(..prefix.len())
            .filter(|p| p.eq_ignore_ascii_case(prefix))
            .map(|_| &token[prefix.len()..])?;
        let (number, rest) = split_number(digits);
        (!number.is_empty() && rest.is_empty()).then(|| Read {
            kind: FigureKind::Quantity,
            value: value(number.parse().unwrap_or(f64::NAN)),
            end: i + 1,
        })
    }

    /// `a third of`, `two-thirds of`, `half of` as percentages; never `a third term`
    /// or `a quarter of a century`.
    fn read_fraction(&self, i: usize) -> Option<Read> {
        let token = self.text(i)?;
        let (numerator, denominator, end) = if let Some((n, d)) = token.split_once('-') {
            let numerator = words::number_word(n)?;
            (numerator, words::fraction_denominator(d)?, i + 1)
        } else if token.eq_ignore_ascii_case("half") {
            (1, 2, i + 1)
        } else {
            let numerator = match words::number_word(token) {
                Some(n) => n,
                None if token.eq_ignore_ascii_case("a") => 1,
                None => return None,
            };
            (
                numerator,
                words::fraction_denominator(self.text(i + 1)?)?,
                i + 2,
            )
        };
        let denominator_word = self.text(end - 1)?;
        // `two third` is no fraction; `half` is `half of`, never `a half`.
        let plural = denominator_word.ends_with('s');
        if (numerator > 1) != plural && denominator != 2
            || (denominator == 2 && end != i + 1)
            || numerator == 0
            || numerator >= denominator
        {
            return None;
        }
        if !self.is(end, "of") || self.is(end + 1, "a") || self.is(end + 1, "an") {
            return None;
        }
        Some(Read {
            kind: FigureKind::Percent,
            value: FigureValue {
                number: 100.0 * f64::from(numerator) / f64::from(denominator),
                scale: 1.0,
                currency: None,
                unit: Some("%".into()),
                per: None,
            },
            end,
        })
    }

    /// A number with its scale: `44.5`, `3,000`, `1.2bn`, `280-km`, `five`, `a` (before a
    /// scale word), then `million`, `bn`, `hundred million`.
    fn read_amount(&self, i: usize) -> Option<Amount> {
        let token = self.text(i)?;
        let mut amount = Amount {
            digits: String::new(),
            exponent: 0,
            needs_currency: false,
            unit: None,
            end: i + 1,
        };
        if self.doc.tokens[i].kind == TokenKind::Number {
            let (number, mut rest) = split_number(token);
            if number.is_empty() {
                return None;
            }
            amount.digits.push_str(number);
            // Thousands groups: `3` `,` `000`, each group three digits, glued.
            while rest.is_empty() && !amount.digits.contains('.') {
                let end = amount.end;
                let group = self.text(end + 1).filter(|_| {
                    self.is(end, ",") && self.glued(end - 1, end) && self.glued(end, end + 1)
                });
                let Some(group) = group else { break };
                let (number, after) = split_number(group);
                let whole = number.split('.').next().unwrap_or("");
                if whole.len() != 3 {
                    break;
                }
                amount.digits.push_str(number);
                rest = after;
                amount.end = end + 2;
            }
            if !rest.is_empty() {
                let word = rest.strip_prefix('-').unwrap_or(rest);
                if let Some((exponent, needs_currency)) = words::scale(word) {
                    amount.exponent = exponent;
                    amount.needs_currency = needs_currency && !rest.starts_with('-');
                } else {
                    amount.unit = Some(words::unit(word)?);
                    return Some(amount);
                }
            }
        } else if let Some(n) = words::number_word(token) {
            amount.digits = n.to_string();
        } else if token.eq_ignore_ascii_case("a") || token.eq_ignore_ascii_case("an") {
            // `a billion dollars`: only before a spelled-out scale.
            let next = self.text(i + 1)?;
            words::scale(next).filter(|(_, letter)| !letter)?;
            amount.digits.push('1');
        } else {
            return None;
        }
        // Scale words after: `million`, `bn`, `hundred million`.
        for _ in 0..2 {
            let Some(word) = self.text(amount.end) else {
                break;
            };
            let exponent = match words::scale(word) {
                Some((e, false)) => e,
                _ if word.eq_ignore_ascii_case("hundred") => 2,
                _ => break,
            };
            amount.exponent += exponent;
            amount.end += 1;
        }
        Some(amount)
    }

    /// What follows a number and makes it a figure: a percent, a currency, a unit.
    fn read_after_amount(&self, amount: Amount) -> Option<Read> {
        let j = amount.end;
        if let Some(unit) = amount.unit {
            let (per, end) = self.read_rate(j);
            return Some(Read {
                kind: FigureKind::Quantity,
                value: FigureValue::new(&amount, 0, None, Some(unit), per),
                end,
            });
        }
        if let Some((unit, end)) = self.read_percent(j) {
            let (per, end) = self.read_rate(end);
            return (!amount.needs_currency).then(|| Read {
                kind: FigureKind::Percent,
                value: FigureValue::new(&amount, 0, None, Some(unit), per),
                end,
            });
        }
        if let Some((currency, cents, end)) = self.read_currency_after(&amount) {
            let (per, end) = self.read_rate(end);
            let exponent = if cents { -2 } else { 0 };
            return Some(Read {
                kind: FigureKind::Money,
                value: FigureValue::new(&amount, exponent, currency, None, per),
                end,
            });
        }
        if amount.needs_currency {
            return None;
        }
        let (unit, per, end) = self.read_unit(j)?;
        let (per, end) = match per {
            Some(per) => (Some(per.to_string()), end),
            None => self.read_rate(end),
        };
        Some(Read {
            kind: FigureKind::Quantity,
            value: FigureValue {
                per,
                ..FigureValue::new(&amount, 0, None, Some(unit), None)
            },
            end,
        })
    }

    /// `%`, `percent`, `per cent`, `pct`, `percentage point(s)`, `basis points`.
    fn read_percent(&self, j: usize) -> Option<(&'static str, usize)> {
        let word = self.text(j)?;
        if word == "%" || words::is_percent_word(word) {
            return Some(("%", j + 1));
        }
        let points = self
            .text(j + 1)
            .is_some_and(|w| w.eq_ignore_ascii_case("point") || w.eq_ignore_ascii_case("points"));
        match word.to_ascii_lowercase().as_str() {
            "per" if self.is(j + 1, "cent") => Some(("%", j + 2)),
            "percentage" if points => Some(("percentage point", j + 2)),
            "basis" if points => Some(("basis point", j + 2)),
            _ => None,
        }
    }

    /// A currency after the number: `dollars`, `Canadian dollars`, `yen`, `KRW`, `€`,
    /// `cents`. Gives the code (`None`: money of a currency the words do not say),
    /// whether it counts cents, and the token after it.
    #[allow(clippy::type_complexity)]
    fn read_currency_after(&self, amount: &Amount) -> Option<(Option<&'static str>, bool, usize)> {
        let j = amount.end;
        let word = self.text(j)?;
        if let Some(code) = currency_symbol_at(word, "").or_else(|| words::currency_code(word)) {
            return Some((Some(code), false, j + 1));
        }
        if let Some(currency) = words::cents(word) {
            return (amount.exponent == 0).then_some((currency, true, j + 1));
        }
        let lower = word.to_ascii_lowercase();
        match lower.as_str() {
            // `2 billion pounds`, `5 pounds sterling`; else a weight.
            "pounds" | "pound" => {
                let sterling = self.is(j + 1, "sterling");
                return (amount.exponent > 0 || sterling).then_some((
                    Some("GBP"),
                    false,
                    j + 1 + usize::from(sterling),
                ));
            }
            // `5 billion won`, `10,000 won`; never `3 won` (the verb).
            "won" if amount.exponent == 0 && amount.value(0) < 100.0 => return None,
            _ => {}
        }
        if let Some(code) = words::currency_word("", word) {
            return Some((code, false, j + 1));
        }
        // An adjective of one or two words, then the currency: `Hong Kong dollars`.
        let mut adjective = lower;
        for k in j + 1..j + 3 {
            if words::is_currency_adjective(&adjective) {
                let noun = self.text(k)?;
                if let Some(code) = words::currency_word(&adjective, noun) {
                    return Some((code, false, k + 1));
                }
            }
            adjective.push(' ');
            adjective.push_str(&self.text(k)?.to_ascii_lowercase());
        }
        None
    }

    /// A unit after the number: `km`, `square kilometres`, `metric tons`, `°C`, `bpd`.
    /// Also gives the rate noun a unit carries (`bpd`: barrels a day).
    fn read_unit(&self, j: usize) -> Option<(&'static str, Option<&'static str>, usize)> {
        let word = self.text(j)?;
        if word == "°" {
            let scale = self.text(j + 1).filter(|_| self.glued(j, j + 1));
            return Some(match scale {
                Some("C") => ("°C", None, j + 2),
                Some("F") => ("°F", None, j + 2),
                _ => ("°", None, j + 1),
            });
        }
        if word.eq_ignore_ascii_case("bpd") {
            return Some(("barrel", Some("day"), j + 1));
        }
        if let Some(unit) = self.text(j + 1).and_then(|w| words::two_word_unit(word, w)) {
            return Some((unit, None, j + 2));
        }
        let unit = words::unit(word)?;
        // `km/h`: three tokens.
        if unit == "km" && self.is(j + 1, "/") && self.is(j + 2, "h") {
            return Some(("km/h", None, j + 3));
        }
        Some((unit, None, j + 1))
    }

    /// A rate after a figure: `a barrel`, `per share`, `/tonne`, `a year`. Gives the
    /// noun (if any) and the token after the figure.
    fn read_rate(&self, j: usize) -> (Option<String>, usize) {
        let Some(word) = self.text(j) else {
            return (None, j);
        };
        let by = matches!(word.to_ascii_lowercase().as_str(), "a" | "an" | "per")
            || (word == "/" && self.glued(j - 1, j) && self.glued(j, j + 1));
        match self.text(j + 1).and_then(words::rate_noun) {
            Some(noun) if by => (Some(noun.to_string()), j + 2),
            _ => (None, j),
        }
    }
}

/// The currency a symbol token names, with the letters glued before it.
fn currency_symbol_at(symbol: &str, letters: &str) -> Option<&'static str> {
    words::currency_symbol(symbol, letters)
}

/// Splits `44.5bn` into `44.5` and `bn`: digits, then a decimal part only when a digit
/// follows the dot.
fn split_number(token: &str) -> (&str, &str) {
    let bytes = token.as_bytes();
    let mut end = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if end > 0
        && bytes.get(end) == Some(&b'.')
        && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        end += 1 + bytes[end + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
    }
    token.split_at(end)
}

impl FigureValue {
    fn new(
        amount: &Amount,
        exponent: i32,
        currency: Option<&str>,
        unit: Option<&str>,
        per: Option<String>,
    ) -> FigureValue {
        FigureValue {
            number: amount.value(exponent),
            scale: format!("1e{}", amount.exponent + exponent)
                .parse()
                .unwrap_or(1.0),
            currency: currency.map(str::to_string),
            unit: unit.map(str::to_string),
            per,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_numbers_from_their_suffix() {
        assert_eq!(split_number("44.5bn"), ("44.5", "bn"));
        assert_eq!(split_number("280-km"), ("280", "-km"));
        assert_eq!(split_number("3."), ("3", "."));
        assert_eq!(split_number("Soyuz"), ("", "Soyuz"));
    }
}
