//! The options checker the wasm binding uses (`RawOptions`, `src/options.rs`) on
//! arbitrary bytes read as JSON: every JSON object is read (no value kind breaks the
//! reader); what it accepts round-trips and analyzes two dated stories within the
//! contract (reference dates at the ends of the calendar reach the date arithmetic);
//! what it refuses says which option is wrong.
#![no_main]

use article_analyzer::{analyze, RawOptions};
use article_analyzer_fuzz::check_analysis;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// A story dated by its dateline without a year, and one dated by the reference date
/// alone, both full of relative dates.
const STORIES: [&str; 2] = [
    "SEOUL, Feb. 29 (Yonhap) -- Kim Jong-un arrived Thursday, a week after talks on Dec. 31, \
     the KCNA said. \"We met last May,\" he said on Monday. The summit ends next Monday.",
    "WASHINGTON (AP) -- The senator said Thursday that talks held last week, three days ago \
     and earlier this month would resume next Tuesday, in March or on Jan. 1.",
];

fuzz_target!(|data: &[u8]| {
    let raw = match serde_json::from_slice::<RawOptions>(data) {
        Ok(raw) => raw,
        Err(error) => {
            // An object is refused only for a `patterns` value that is no list of
            // patterns, and the error says so.
            let value = serde_json::from_slice::<Value>(data);
            assert!(
                !matches!(value, Ok(Value::Object(_)))
                    || error.to_string().starts_with("options.patterns"),
                "a JSON object the options reader refused: {error}"
            );
            return;
        }
    };
    let options = match raw.into_options() {
        Ok(options) => options,
        Err(error) => {
            let message = error.to_string();
            let named = ["offsets", "reference_date", "patterns", "timings"]
                .iter()
                .any(|option| message.starts_with(&format!("options.{option}")));
            assert!(
                message.starts_with("unknown option \"") || named,
                "{message}"
            );
            return;
        }
    };
    let mut written = serde_json::Map::new();
    written.insert("offsets".into(), options.offsets.as_str().into());
    if let Some(date) = options.reference_date {
        written.insert("reference_date".into(), date.to_string().into());
    }
    if options.timings {
        written.insert("timings".into(), true.into());
    }
    if !options.patterns.is_empty() {
        let patterns = serde_json::to_value(&options.patterns).expect("patterns write");
        written.insert("patterns".into(), patterns);
    }
    let again: RawOptions =
        serde_json::from_value(Value::Object(written)).expect("written options read back");
    assert_eq!(again.into_options().as_ref(), Ok(&options));
    for story in STORIES {
        let analysis = analyze(story, &options);
        assert_eq!(analysis.offsets, options.offsets);
        check_analysis(story, &analysis);
    }
});
