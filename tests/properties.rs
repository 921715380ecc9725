//! Property tests of the two entry points that take untrusted input: `analyze` (any
//! `&str`) and the JSON-lines reader `jsonl::process_line` (any bytes). For generated
//! news-like text and for arbitrary Unicode: no panic, the same answer twice, and every
//! span inside the text, on character boundaries, slicing to its own text.
//!
//! Shrunk failures are recorded in `tests/data/regressions/properties.proptest-regressions`
//! and replayed first on every run. The default 256 cases per property run in a few
//! seconds; `PROPTEST_CASES=100000 cargo test --release --test properties` runs more.
//! The coverage-guided fuzz targets in `fuzz/` look further (`scripts/fuzz.sh`).

mod common;

use article_analyzer::{analyze, Analyzer, OffsetUnit, Options};

/// The CLI's JSON-lines protocol is a module of the binary; the test reads it from source.
#[path = "../src/jsonl.rs"]
#[allow(dead_code)]
mod jsonl;
use common::{check_spans, check_spans_json};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use serde_json::Value;

/// Pieces of wire copy and of the text that trips up tokenizers, glued at random: the
/// result looks enough like a story to reach every stage (datelines, quotes with
/// attributions, names, dates) while still being odd.
const FRAGMENTS: &[&str] = &[
    "Kim Jong-un",
    "Putin",
    "Vladimir",
    "Yoon Suk-yeol",
    "the U.S.",
    "Korean Central News Agency",
    "(KCNA)",
    "KCNA",
    "Ministry",
    "of",
    "the",
    "President",
    "leader",
    "Mr.",
    "Dr.",
    "St.",
    "said",
    "says",
    "told reporters",
    "according to",
    "added",
    "he",
    "she",
    "they",
    "it",
    "who",
    "SEOUL,",
    "WASHINGTON (AP) —",
    "Seoul, Sep 14 (EFE).-",
    "Sept. 14 (Yonhap) --",
    "(Reuters) -",
    "By Chae Yun-hwan",
    "(ATTN: ADDS photo)",
    "(Update 1: Adds comments)",
    "(END)",
    "EFE",
    "view larger image",
    "(Yonhap)",
    "pmj@yna.co.kr",
    "Thursday",
    "on Wednesday",
    "Sept. 13, 2023",
    "2023",
    "14",
    "May",
    "3.5%",
    "$186 million",
    "1,400",
    "1996-08-22",
    "\"",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    "「",
    "」",
    "(",
    ")",
    "[",
    "]",
    ",",
    ".",
    ".",
    ":",
    ";",
    "?",
    "!",
    "—",
    "--",
    "-",
    "…",
    "...",
    " ",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u{a0}",
    "\u{2029}",
    "😀",
    "🇰🇷",
    "👨‍👩‍👧",
    "𝒳",
    "e\u{301}",
    "\u{301}",
    "김정은",
    "岸田",
    "مرحبا",
    "שלום",
    "\u{200f}",
    "\0",
    "\u{1b}",
    "\u{feff}",
    "\u{fffd}",
    "\u{10ffff}",
];

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..300).prop_map(|parts| parts.concat())
}

/// Generated stories, and arbitrary Unicode strings half as often.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![2 => news_like(), 1 => any::<String>()]
}

fn any_unit() -> impl Strategy<Value = OffsetUnit> {
    prop::sample::select(vec![OffsetUnit::Utf16, OffsetUnit::Utf8, OffsetUnit::Chars])
}

fn config() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/data/regressions/properties.proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn analyze_gives_valid_spans(text in any_text(), offsets in any_unit()) {
        let options = Options { offsets, ..Options::default() };
        let analysis = analyze(&text, &options);
        prop_assert_eq!(analysis.offsets, offsets);
        check_spans(&text, &analysis);
        // No hidden state or hash-order dependence: the same text, the same analysis.
        prop_assert_eq!(analyze(&text, &options), analysis);
    }

    #[test]
    fn process_line_answers_any_bytes(line in prop::collection::vec(any::<u8>(), 0..400)) {
        let row: Value = serde_json::from_str(&jsonl::process_line(&line, &Analyzer::default()))
            .expect("every output line is JSON");
        prop_assert!(row.get("id").is_some(), "no id: {}", row);
        prop_assert!(row.get("analysis").is_some() != row.get("error").is_some(), "{}", row);
    }

    #[test]
    fn process_line_analyzes_any_story(
        id in any::<u32>(),
        text in any_text(),
        reference_date in prop::option::of("[0-9]{4}-[0-9]{2}-[0-9]{2}"),
    ) {
        let mut request = serde_json::json!({ "id": id, "text": text });
        if let Some(date) = &reference_date {
            request["reference_date"] = Value::from(date.as_str());
        }
        let row: Value = serde_json::from_str(&jsonl::process_line(
            request.to_string().as_bytes(),
            &Analyzer::default(),
        ))
        .expect("every output line is JSON");
        prop_assert_eq!(&row["id"], &Value::from(id));
        match row.get("analysis") {
            Some(analysis) => {
                check_spans_json(&text, OffsetUnit::Utf16, analysis);
            }
            // Only an impossible calendar date may turn a story away.
            None => prop_assert!(
                reference_date.is_some() && row["error"].as_str().unwrap_or("").contains("reference_date"),
                "{}", row
            ),
        }
    }
}
