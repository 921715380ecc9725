//! The analysis contract reads back: every story the project ships, analyzed in every
//! offset unit, serialized to JSON and deserialized gives the same `Analysis`, and
//! serializing that again gives the same JSON (so no field is dropped, renamed or
//! defaulted on the way).

mod common;

use article_analyzer::{analyze, Analysis, CalendarDate, OffsetUnit, Options};

#[test]
fn every_analysis_survives_a_json_round_trip() {
    let stories = common::stories();
    assert!(stories.len() >= 11, "the stories went missing");
    for (path, text) in &stories {
        for offsets in [OffsetUnit::Utf16, OffsetUnit::Utf8, OffsetUnit::Chars] {
            let options = Options {
                offsets,
                reference_date: Some(CalendarDate {
                    year: 2023,
                    month: 9,
                    day: 14,
                }),
                ..Options::default()
            };
            let analysis = analyze(text, &options);
            let json = serde_json::to_string(&analysis).expect("an analysis serializes");
            let back: Analysis = serde_json::from_str(&json)
                .unwrap_or_else(|e| panic!("{path} ({offsets}): does not read back: {e}"));
            assert!(
                back == analysis,
                "{path} ({offsets}): differs after reading back"
            );
            let again = serde_json::to_string(&back).expect("serializes");
            assert!(
                again == json,
                "{path} ({offsets}): JSON differs after a round trip"
            );
        }
    }
}

#[test]
fn an_empty_analysis_survives_a_json_round_trip() {
    let analysis = analyze("", &Options::default());
    let json = serde_json::to_string(&analysis).expect("serializes");
    let back: Analysis = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, analysis);
}
