//! The span contract, checked on any analysis: every `start`/`end`, read in the unit
//! the analysis declares, falls on a character boundary inside the input, and slicing
//! the input there gives exactly the span's `text`.
//!
//! The check walks the analysis as JSON so no field can be missed, and maps offsets to
//! bytes through one table built per input, so it stays linear on 50 MB stories.
#![allow(dead_code)] // each test crate uses a different part of this module

pub mod cases;

use article_analyzer::{analyze, Analysis, CalendarDate, OffsetUnit, Options};
use serde_json::Value;

/// Analyzes `text` with offsets in UTF-8 bytes (so a test slices with `&text[start..end]`)
/// and the given reference date (`YYYY-MM-DD`), and checks the span contract on the
/// result.
pub fn analyze_bytes(text: &str, reference_date: Option<&str>) -> Analysis {
    let options = Options {
        offsets: OffsetUnit::Utf8,
        reference_date: reference_date.map(|d| {
            d.parse::<CalendarDate>()
                .unwrap_or_else(|e| panic!("reference date {d:?}: {e}"))
        }),
        ..Options::default()
    };
    let analysis = analyze(text, &options);
    check_spans(text, &analysis);
    analysis
}

/// For each offset in `unit`, the byte offset it stands for; `None` inside a character
/// (the second UTF-16 unit of an astral character).
fn byte_offsets(text: &str, unit: OffsetUnit) -> Vec<Option<usize>> {
    let mut table = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        match unit {
            OffsetUnit::Utf8 => {
                table.push(Some(at));
                table.extend(std::iter::repeat_n(None, c.len_utf8() - 1));
            }
            OffsetUnit::Utf16 => {
                table.push(Some(at));
                table.extend(std::iter::repeat_n(None, c.len_utf16() - 1));
            }
            OffsetUnit::Chars => table.push(Some(at)),
        }
    }
    table.push(Some(text.len()));
    table
}

/// Panics with the offending span unless every span of `analysis` slices `text` to its
/// own text; returns how many spans were checked.
pub fn check_spans(text: &str, analysis: &Analysis) -> usize {
    let json = serde_json::to_value(analysis).expect("an analysis serializes");
    check_spans_json(text, analysis.offsets, &json)
}

/// The same check on an analysis already in JSON (as the CLI prints it).
pub fn check_spans_json(text: &str, unit: OffsetUnit, analysis: &Value) -> usize {
    let table = byte_offsets(text, unit);
    let to_byte = |offset: &Value| -> Option<usize> {
        let offset = usize::try_from(offset.as_u64()?).ok()?;
        *table.get(offset)?
    };
    let mut checked = 0;
    let mut pending = vec![analysis];
    while let Some(value) = pending.pop() {
        match value {
            Value::Object(map) => {
                if let (Some(start), Some(end), Some(Value::String(want))) =
                    (map.get("start"), map.get("end"), map.get("text"))
                {
                    let (start, end) = (to_byte(start), to_byte(end));
                    let got = start.zip(end).and_then(|(s, e)| text.get(s..e));
                    assert_eq!(
                        got,
                        Some(want.as_str()),
                        "span does not slice to its text ({unit} offsets): {}",
                        shorten(&Value::Object(map.clone()))
                    );
                    checked += 1;
                }
                pending.extend(map.values());
            }
            Value::Array(items) => pending.extend(items),
            _ => {}
        }
    }
    checked
}

/// A value's JSON, cut short enough to read in a failure message.
fn shorten(value: &Value) -> String {
    let json = value.to_string();
    match json.char_indices().nth(300) {
        Some((at, _)) => format!("{}…", &json[..at]),
        None => json,
    }
}

/// The stories the project ships for tests and benchmarks: the two seeds and the
/// self-written benchmark stories.
pub fn stories() -> Vec<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut found = Vec::new();
    for dir in ["tests/fixtures", "benches/stories"] {
        let entries = std::fs::read_dir(format!("{root}/{dir}")).expect("story folder");
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("story is UTF-8");
                found.push((path.display().to_string(), text));
            }
        }
    }
    found.sort();
    found
}

/// Panics unless `analysis` keeps what SCHEMA.md promises beyond its spans: lists said
/// to be in text order are (quotes, figures, dates, each entity's mentions; paragraphs,
/// notes, captions and emails too), a figure's numbers are finite (JSON has no room for
/// infinity) and it lies in its sentence, a speaker's `entity` indexes `entities`, date
/// values are `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real month and day (so years
/// 0-9999), and a dateline's date has its month in 1-12 and its day in 1-31.
pub fn check_fields(analysis: &Analysis) {
    use article_analyzer::Span;
    fn in_order<'a>(what: &str, spans: impl IntoIterator<Item = &'a Span>) {
        let mut last: Option<&Span> = None;
        for span in spans {
            if let Some(before) = last {
                assert!(
                    (before.start, before.end) <= (span.start, span.end),
                    "{what} out of text order: {before:?} before {span:?}"
                );
            }
            last = Some(span);
        }
    }
    in_order("quotes", analysis.quotes.iter().map(|q| &q.span));
    in_order("figures", analysis.figures.iter().map(|f| &f.span));
    for figure in &analysis.figures {
        let (value, sentence) = (&figure.value, &figure.sentence);
        assert!(
            value.number.is_finite() && value.scale.is_finite(),
            "a figure's number is no JSON number: {figure:?}"
        );
        assert!(
            sentence.start <= figure.span.start && figure.span.end <= sentence.end,
            "a figure outside its sentence: {figure:?}"
        );
    }
    in_order("dates", analysis.dates.iter().map(|d| &d.span));
    in_order("paragraphs", &analysis.paragraphs);
    in_order("notes", &analysis.notes);
    in_order("captions", analysis.captions.iter().map(|c| &c.span));
    in_order("credits", analysis.credits.iter().map(|c| &c.span));
    in_order("boilerplate", &analysis.boilerplate);
    in_order("emails", &analysis.emails);
    for caption in &analysis.captions {
        if let Some(credit) = &caption.credit {
            assert!(
                caption.span.start <= credit.start && credit.end <= caption.span.end,
                "a credit outside its caption: {caption:?}"
            );
        }
    }
    for entity in &analysis.entities {
        in_order(&format!("mentions of {:?}", entity.name), &entity.mentions);
    }
    for quote in &analysis.quotes {
        if let Some(index) = quote.speaker.as_ref().and_then(|s| s.entity) {
            assert!(
                index < analysis.entities.len(),
                "speaker entity {index} of {} entities: {quote:?}",
                analysis.entities.len()
            );
        }
    }
    for date in &analysis.dates {
        if let Some(value) = &date.value {
            assert!(is_calendar_value(value), "date value {value:?}: {date:?}");
        }
    }
    if let Some(date) = analysis.dateline.as_ref().and_then(|d| d.date.as_ref()) {
        assert!(
            (1..=12).contains(&date.month) && (1..=31).contains(&date.day),
            "dateline date {date:?}"
        );
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a month in 1-12 and a day the month has.
fn is_calendar_value(value: &str) -> bool {
    let number = |part: &str, width: usize| {
        (part.len() == width && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let parts: Vec<&str> = value.split('-').collect();
    let Some(year) = parts.first().and_then(|y| number(y, 4)) else {
        return false;
    };
    let month = match parts.get(1) {
        None => return parts.len() == 1,
        Some(m) => match number(m, 2) {
            Some(m @ 1..=12) => m,
            _ => return false,
        },
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    match parts.get(2) {
        None => parts.len() == 2,
        Some(d) => parts.len() == 3 && number(d, 2).is_some_and(|d| (1..=days).contains(&d)),
    }
}
