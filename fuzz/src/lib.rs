//! What the fuzz targets check, in one place: the test suite's own contract checks
//! (`tests/common/mod.rs`, included as it is, so the fuzzers and `cargo test` hold the
//! analysis to the same rules), and how a target picks its options from its input.

use article_analyzer::{Analysis, CalendarDate, OffsetUnit, Options};

#[path = "../../tests/common/mod.rs"]
mod common;

/// Panics unless `analysis` keeps the contract on `text`: every span slices to its text
/// in the declared unit, lists are in text order, values are well formed.
pub fn check_analysis(text: &str, analysis: &Analysis) {
    common::check_spans(text, analysis);
    common::check_fields(analysis);
}

/// The options an input is analyzed with, from its length: every offset unit gets a
/// third of the inputs, and every choice of `REFERENCE_DATES` (or none) a quarter of
/// those, while the input stays plain text that `cargo test` replays as it is
/// (`tests/data/regressions/`, in every unit, without and with each reference date).
pub fn options_for(input: &[u8]) -> Options {
    let offsets = match input.len() % 3 {
        0 => OffsetUnit::Utf16,
        1 => OffsetUnit::Utf8,
        _ => OffsetUnit::Chars,
    };
    let reference_date = match input.len() / 3 % 4 {
        0 => None,
        i => Some(REFERENCE_DATES[i - 1]),
    };
    Options {
        offsets,
        reference_date,
        ..Options::default()
    }
}

/// An ordinary reference date (the date arithmetic of `last week` runs only with one)
/// and the ends of what `YYYY-MM-DD` can write; the regression replay in
/// `tests/robustness.rs` uses the same.
pub const REFERENCE_DATES: [CalendarDate; 3] = [
    CalendarDate {
        year: 2023,
        month: 9,
        day: 14,
    },
    CalendarDate {
        year: 0,
        month: 1,
        day: 1,
    },
    CalendarDate {
        year: 9999,
        month: 12,
        day: 31,
    },
];
