//! Datelines in every wire style, and near-misses that must not be datelines: the
//! table `tests/data/datelines.jsonl` (format in `tests/data/README.md`), every case
//! analyzed with the reference date 2023-09-14. Also the anatomy of the two seed stories.

mod common;

use common::analyze_bytes as run;
use common::cases::{check_span, run_cases, ByteSpan};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DatelineCase {
    #[allow(dead_code)] // the loader names a failing case by it
    name: String,
    text: String,
    /// `null`: the story has no dateline.
    dateline: Option<ExpectedDateline>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedDateline {
    text: String,
    location: String,
    place: String,
    /// `YYYY-MM-DD`, or `--MM-DD` when nothing gives the year; `null` for no date.
    date: Option<String>,
    source: Option<String>,
    /// Where the dateline is, when the case says.
    #[serde(default)]
    span: Option<ByteSpan>,
}

#[test]
fn dateline_table() {
    run_cases("datelines.jsonl", 30, |case: &DatelineCase| {
        let analysis = run(&case.text, Some("2023-09-14"));
        let found = analysis.dateline.as_ref().map(|d| ExpectedDateline {
            text: d.span.text.clone(),
            location: d.location.clone(),
            place: d.place.clone(),
            date: d.date.as_ref().map(|date| match date.year {
                Some(year) => format!("{year:04}-{:02}-{:02}", date.month, date.day),
                None => format!("--{:02}-{:02}", date.month, date.day),
            }),
            source: d.source.clone(),
            span: None,
        });
        let want = case.dateline.as_ref().map(|d| ExpectedDateline {
            span: None,
            ..d.clone()
        });
        if found != want {
            return Err(format!("want {want:?}\n    got  {found:?}"));
        }
        match (&case.dateline, &analysis.dateline) {
            (Some(want), Some(found)) => check_span("dateline", want.span, &found.span),
            _ => Ok(()),
        }
    });
}

const YONHAP: &str = include_str!("fixtures/yonhap-2023-09-14-kim-putin.txt");
const EFE: &str = include_str!("fixtures/efe-2023-09-14-kim-putin.txt");

#[test]
fn yonhap_anatomy() {
    let a = run(YONHAP, None);
    assert_eq!(a.headline, None);
    let notes: Vec<&str> = a.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(
        notes,
        ["(ATTN: RECASTS lead, headline; UPDATES with more details throughout; REPLACES, ADDS photo)"]
    );
    assert_eq!(
        a.byline.as_ref().map(|b| b.names.clone()),
        Some(vec!["Chae Yun-hwan".to_string()])
    );
    let d = a.dateline.as_ref().expect("dateline");
    assert_eq!(d.span.text, "SEOUL, Sept. 14 (Yonhap) --");
    assert_eq!(
        d.date.as_ref().and_then(|d| d.year),
        Some(2023),
        "year from the caption"
    );
    assert_eq!(a.captions.len(), 2);
    assert!(a
        .captions
        .iter()
        .all(|c| c.span.text.starts_with("view larger image")));
    assert_eq!(
        a.end_marker.as_ref().map(|e| e.text.as_str()),
        Some("(END)")
    );
    let emails: Vec<&str> = a.emails.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(emails, ["yunhwanchae@yna.co.kr"]);
    // The body: the first paragraph starts after the dateline; no caption, e-mail or
    // end mark is a paragraph.
    assert_eq!(a.paragraphs.len(), 15);
    assert!(a.paragraphs[0]
        .text
        .starts_with("North Korean leader Kim Jong-un has invited"));
    assert!(a
        .paragraphs
        .iter()
        .all(|p| !p.text.contains("view larger image")
            && !p.text.contains('@')
            && !p.text.contains("(END)")));
}

#[test]
fn efe_anatomy() {
    let a = run(EFE, Some("2023-09-14"));
    assert_eq!(
        a.headline.as_ref().map(|h| h.text.as_str()),
        Some("Putin accepts Kim’s invitation to North Korea: KCNA")
    );
    let notes: Vec<&str> = a.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(
        notes,
        ["(Update 1: Adds comments from South Korean government)"]
    );
    assert_eq!(a.byline, None);
    let d = a.dateline.as_ref().expect("dateline");
    assert_eq!(
        (d.location.as_str(), d.source.as_deref()),
        ("Seoul", Some("EFE"))
    );
    assert_eq!(
        d.date.as_ref().and_then(|d| d.year),
        Some(2023),
        "year from the reference"
    );
    assert_eq!(a.end_marker.as_ref().map(|e| e.text.as_str()), Some("EFE"));
    assert_eq!(a.paragraphs.len(), 19);
    let last = a.paragraphs.last().expect("paragraphs");
    assert!(
        last.text.ends_with("military facilities in Vladivostok."),
        "sign-off left out"
    );
    // Without a reference date nothing gives the year.
    let a = run(EFE, None);
    assert_eq!(a.dateline.and_then(|d| d.date).map(|d| d.year), Some(None));
}

#[test]
fn ends_and_captions() {
    let a = run("ROME, Sept. 14 (EFE).- It rained.\nRome was wet. EFE", None);
    assert_eq!(a.end_marker.map(|e| e.text), Some("EFE".to_string()));
    let a = run("LONDON, March 3 - Gold fell.\n    Reuter", None);
    assert_eq!(a.end_marker.map(|e| e.text), Some("Reuter".to_string()));
    // An agency named in the last sentence is no sign-off.
    let a = run("LONDON, March 3 - Gold fell, said Reuters", None);
    assert_eq!(a.end_marker, None);
}

#[test]
fn huge_input_stays_fast_and_whole() {
    // Long lines without breaks, many `@` and dashes: linear-time paths only.
    let mut text = String::from("WASHINGTON (AP) — ");
    for _ in 0..20_000 {
        text.push_str("a@b@c - Monday, in March 2011 -- x ");
    }
    let a = run(&text, Some("2023-09-14"));
    assert_eq!(
        a.dateline.map(|d| d.location),
        Some("WASHINGTON".to_string())
    );
    assert!(a.dates.len() >= 40_000);
}
