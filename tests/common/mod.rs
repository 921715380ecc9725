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
