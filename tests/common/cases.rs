//! The case tables under `tests/data/`: JSON lines, one case per line with named fields
//! (blank lines allowed), read by this one loader; the format is in
//! `tests/data/README.md`. A test names its table, the struct one case reads into (or
//! `serde_json::Value`), and a check; every failing case is named by `file:line` and
//! its `name`, so one run lists them all.

use article_analyzer::Span;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// A span as a case writes it: `[start, end]` in UTF-8 bytes, as Rust slices the text
/// (the CLI prints them with `--offsets utf8`).
pub type ByteSpan = [usize; 2];

/// `Err` unless `found` is at `want`, when the case gives a position.
pub fn check_span(what: &str, want: Option<ByteSpan>, found: &Span) -> Result<(), String> {
    match want {
        Some(want) if want != [found.start, found.end] => Err(format!(
            "{what} {:?} is at {:?}, want {want:?}",
            found.text,
            [found.start, found.end]
        )),
        _ => Ok(()),
    }
}

/// How a case is called in a failure: its `name`, else the start of its `text`.
fn label(case: &Value) -> String {
    let name = case.get("name").or_else(|| case.get("text"));
    let name = name.and_then(Value::as_str).unwrap_or("(no name)");
    match name.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &name[..at]),
        None => name.to_string(),
    }
}

/// What a panic inside a check said.
fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "panicked".to_string())
}

/// Runs `check` on every case of `tests/data/{table}`, read into `T`; `check` returns
/// `Err(message)` on a mismatch (a panic counts as one too). Panics listing every
/// failing case, or when the table has fewer than `min_cases` (cases lost by mistake).
pub fn run_cases<T: DeserializeOwned>(
    table: &str,
    min_cases: usize,
    mut check: impl FnMut(&T) -> Result<(), String>,
) {
    let path = format!("{}/tests/data/{table}", env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut failures = Vec::new();
    let mut cases = 0;
    for (index, line) in source.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        cases += 1;
        let at = format!("tests/data/{table}:{}", index + 1);
        let value: Value = match serde_json::from_str(line) {
            Ok(value) => value,
            Err(e) => {
                failures.push(format!("{at}: not a JSON object on one line: {e}"));
                continue;
            }
        };
        let at = format!("{at} ({})", label(&value));
        let case: T = match serde_json::from_value(value) {
            Ok(case) => case,
            Err(e) => {
                failures.push(format!("{at}: not a case of this table: {e}"));
                continue;
            }
        };
        match catch_unwind(AssertUnwindSafe(|| check(&case))) {
            Ok(Ok(())) => {}
            Ok(Err(message)) => failures.push(format!("{at}:\n    {message}")),
            Err(panic) => failures.push(format!("{at}: panicked: {}", panic_message(panic))),
        }
    }
    assert!(
        cases >= min_cases,
        "tests/data/{table} has {cases} cases, fewer than {min_cases}: were some lost?"
    );
    assert!(
        failures.is_empty(),
        "{} of {cases} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
