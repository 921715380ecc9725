//! Date expressions resolved against the story's date: the table
//! `tests/data/dates.jsonl` (format in `tests/data/README.md`). Each case lists every
//! date found, in order: a date found that is not listed fails the case, so the
//! near-misses (`factory`, `may`) are tested too.

mod common;

use common::analyze_bytes;
use common::cases::{check_span, run_cases, ByteSpan};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DateCase {
    #[allow(dead_code)] // the loader names a failing case by it
    name: String,
    /// `YYYY-MM-DD`, or `null` to resolve against the story alone.
    reference_date: Option<String>,
    text: String,
    dates: Vec<ExpectedDate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedDate {
    text: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `null` when the calendar date is not known.
    value: Option<String>,
    #[serde(default)]
    span: Option<ByteSpan>,
}

#[test]
fn date_table() {
    run_cases("dates.jsonl", 15, |case: &DateCase| {
        let analysis = analyze_bytes(&case.text, case.reference_date.as_deref());
        let found: Vec<(&str, Option<&str>)> = analysis
            .dates
            .iter()
            .map(|d| (d.span.text.as_str(), d.value.as_deref()))
            .collect();
        let want: Vec<(&str, Option<&str>)> = case
            .dates
            .iter()
            .map(|d| (d.text.as_str(), d.value.as_deref()))
            .collect();
        if found != want {
            return Err(format!("want {want:?}\n    got  {found:?}"));
        }
        for (want, found) in case.dates.iter().zip(&analysis.dates) {
            check_span("date", want.span, &found.span)?;
        }
        Ok(())
    });
}
