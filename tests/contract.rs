//! The offset contract on every span of real stories and of text with astral
//! characters: slicing the input with a span's offsets, in the unit the analysis
//! declares, gives exactly the span's text.

mod common;

use article_analyzer::{analyze, CalendarDate, OffsetUnit, Options};
use common::check_spans;

const YONHAP: &str = include_str!("fixtures/yonhap-2023-09-14-kim-putin.txt");
const EFE: &str = include_str!("fixtures/efe-2023-09-14-kim-putin.txt");

fn options(offsets: OffsetUnit) -> Options {
    Options {
        offsets,
        reference_date: Some(CalendarDate {
            year: 2023,
            month: 9,
            day: 14,
        }),
        ..Options::default()
    }
}

#[test]
fn seed_story_spans_slice_to_their_text_in_every_unit() {
    for text in [YONHAP, EFE] {
        for unit in [OffsetUnit::Utf16, OffsetUnit::Utf8, OffsetUnit::Chars] {
            let analysis = analyze(text, &options(unit));
            assert_eq!(analysis.offsets, unit);
            assert!(
                check_spans(text, &analysis) > 10,
                "too few spans to be a real check"
            );
        }
    }
}

#[test]
fn astral_characters_shift_utf16_offsets() {
    let text = "😀🇰🇷 SEOUL, Sept. 14 (Yonhap) -- “We agreed 👍,” Kim Jong-un said.\n\nThe 𝒳 talks with Putin 🚀 ended.";
    for unit in [OffsetUnit::Utf16, OffsetUnit::Utf8, OffsetUnit::Chars] {
        let analysis = analyze(text, &options(unit));
        assert!(check_spans(text, &analysis) > 0);
    }
    let last = analyze(text, &options(OffsetUnit::Utf16))
        .paragraphs
        .pop()
        .unwrap();
    let utf16_start = text.encode_utf16().count() - last.text.encode_utf16().count();
    assert_eq!(last.start, utf16_start);
}

#[test]
fn the_contract_says_its_version_and_unit() {
    let json = serde_json::to_value(analyze(EFE, &Options::default())).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["offsets"], "utf16");
    for key in [
        "headline",
        "standfirst",
        "byline",
        "credits",
        "notes",
        "dateline",
        "captions",
        "end_marker",
        "emails",
        "boilerplate",
        "published",
        "paragraphs",
        "quotes",
        "entities",
        "dates",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
}
