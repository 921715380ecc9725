//! The offset contract on every span of real stories and of text with astral
//! characters: slicing the input with a span's offsets, in the unit the analysis
//! declares, gives exactly the span's text.

use article_analyzer::{analyze, Analysis, CalendarDate, OffsetUnit, Options};

const YONHAP: &str = include_str!("fixtures/yonhap-2023-09-14-kim-putin.txt");
const EFE: &str = include_str!("fixtures/efe-2023-09-14-kim-putin.txt");

/// Slices `text` in `unit`, or `None` when the offsets are out of range or split a character.
fn slice(text: &str, unit: OffsetUnit, start: usize, end: usize) -> Option<String> {
    match unit {
        OffsetUnit::Utf8 => text.get(start..end).map(str::to_string),
        OffsetUnit::Chars => {
            let n = text.chars().count();
            (start <= end && end <= n).then(|| text.chars().skip(start).take(end - start).collect())
        }
        OffsetUnit::Utf16 => {
            let units: Vec<u16> = text.encode_utf16().collect();
            let part = units.get(start..end)?;
            String::from_utf16(part).ok()
        }
    }
}

/// Checks every span of the analysis (through its JSON, so no field is missed) and
/// returns how many were checked.
fn check_spans(text: &str, analysis: &Analysis) -> usize {
    fn walk(text: &str, unit: OffsetUnit, v: &serde_json::Value, count: &mut usize) {
        match v {
            serde_json::Value::Object(map) => {
                if let (Some(s), Some(e), Some(t)) =
                    (map.get("start"), map.get("end"), map.get("text"))
                {
                    let (s, e) = (s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize);
                    assert_eq!(
                        slice(text, unit, s, e).as_deref(),
                        t.as_str(),
                        "span {map:?}"
                    );
                    *count += 1;
                }
                map.values().for_each(|v| walk(text, unit, v, count));
            }
            serde_json::Value::Array(items) => {
                items.iter().for_each(|v| walk(text, unit, v, count))
            }
            _ => {}
        }
    }
    let json = serde_json::to_value(analysis).unwrap();
    let mut count = 0;
    walk(text, analysis.offsets, &json, &mut count);
    count
}

fn options(offsets: OffsetUnit) -> Options {
    Options {
        offsets,
        reference_date: Some(CalendarDate {
            year: 2023,
            month: 9,
            day: 14,
        }),
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
        "byline",
        "notes",
        "dateline",
        "captions",
        "end_marker",
        "emails",
        "paragraphs",
        "quotes",
        "entities",
        "dates",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
}
