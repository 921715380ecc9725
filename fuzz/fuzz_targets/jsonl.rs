//! The CLI's JSON-lines reader (`src/jsonl.rs`, a module of the binary, compiled in
//! from its file as `tests/properties.rs` does) on arbitrary bytes: every line gets
//! exactly one answer, `{"id", "analysis"}` or `{"id", "error"}`, on one line, with the
//! request's id; a well-formed request is analyzed, never refused; the analysis keeps
//! the contract on the request's text.
//!
//! Input: the line; its length picks the CLI's default offset unit and reference date
//! (`options_for`).
#![no_main]

use article_analyzer::{Analysis, Analyzer, CalendarDate};
use article_analyzer_fuzz::{check_analysis, options_for};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

#[path = "../../src/jsonl.rs"]
mod jsonl;

fuzz_target!(|data: &[u8]| {
    let line = data;
    let defaults = options_for(data);
    let analyzer = Analyzer::new(defaults.clone()).expect("no patterns, nothing to refuse");
    let out = jsonl::process_line(line, &analyzer);

    assert!(!out.contains('\n'), "an answer spans lines: {out}");
    let out: Value = serde_json::from_str(&out).expect("the answer is JSON");
    let out = out.as_object().expect("the answer is an object");
    assert!(out.contains_key("id"), "no id: {out:?}");
    let analysis = out.get("analysis");
    let error = out.get("error");
    assert!(
        analysis.is_some() != error.is_some() && out.len() == 2,
        "not exactly one of analysis and error: {out:?}"
    );
    if let Some(error) = error {
        let message = error.as_str().expect("the error is a string");
        assert!(!message.contains("internal error"), "{message}");
    }

    // What a correct reader makes of the line, read independently.
    let Some(request) = std::str::from_utf8(line)
        .ok()
        .and_then(|line| serde_json::from_str::<Value>(line).ok())
        .and_then(|value| value.as_object().cloned())
    else {
        assert!(analysis.is_none(), "a line that is no JSON object analyzed");
        return;
    };
    assert_eq!(
        out["id"],
        request.get("id").cloned().unwrap_or(Value::Null),
        "the answer's id is not the request's"
    );
    let text = request.get("text").and_then(Value::as_str);
    let date_ok = match request.get("reference_date") {
        None | Some(Value::Null) => true,
        Some(Value::String(date)) => date.parse::<CalendarDate>().is_ok(),
        Some(_) => false,
    };
    match (text, date_ok, analysis) {
        (Some(text), true, Some(analysis)) => {
            assert_eq!(
                analysis["offsets"].as_str(),
                Some(defaults.offsets.as_str())
            );
            let analysis: Analysis =
                serde_json::from_value(analysis.clone()).expect("the analysis reads back");
            check_analysis(text, &analysis);
        }
        (Some(_), true, None) => panic!("a well-formed request refused: {out:?}"),
        (_, _, Some(_)) => panic!("a malformed request analyzed: {request:?}"),
        (_, _, None) => {}
    }
});
