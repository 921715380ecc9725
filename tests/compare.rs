//! The comparison of several stories: the seed pair against what
//! `tests/fixtures/yonhap-efe.compare.json` says a reader must be shown, and the span
//! contract of every comparison span.

mod common;

use article_analyzer::{analyze, compare, CalendarDate, Comparison, OffsetUnit, Options};
use serde_json::Value;

const YONHAP: &str = include_str!("fixtures/yonhap-2023-09-14-kim-putin.txt");
const EFE: &str = include_str!("fixtures/efe-2023-09-14-kim-putin.txt");
const EXPECTED: &str = include_str!("fixtures/yonhap-efe.compare.json");

fn options(offsets: OffsetUnit) -> Options {
    // The EFE story gives no year of its own (as in seeds-check.py).
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

/// As seeds-check.py compares text: quote marks and spaces stripped, lowercased.
fn norm(s: &str) -> String {
    s.trim_matches(|c| "\"“”‘’' ".contains(c)).to_lowercase()
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|s| s.as_str().expect("a string"))
        .collect()
}

/// The seed comparison, with the story labels the expectations use (`yonhap`, `efe`:
/// the first word of each article's file name).
struct Seeds {
    expected: Value,
    labels: Vec<String>,
    texts: Vec<&'static str>,
    analyses: Vec<article_analyzer::Analysis>,
    comparison: Comparison,
}

fn seeds(unit: OffsetUnit) -> Seeds {
    let expected: Value = serde_json::from_str(EXPECTED).expect("the fixture is JSON");
    let labels: Vec<String> = strings(&expected["articles"])
        .iter()
        .map(|f| f.split('-').next().unwrap_or_default().to_string())
        .collect();
    let texts: Vec<&'static str> = strings(&expected["articles"])
        .iter()
        .map(|f| match *f {
            "yonhap-2023-09-14-kim-putin.txt" => YONHAP,
            "efe-2023-09-14-kim-putin.txt" => EFE,
            other => panic!("no fixture text for {other}"),
        })
        .collect();
    let analyses: Vec<_> = texts.iter().map(|t| analyze(t, &options(unit))).collect();
    let pairs: Vec<(&str, &article_analyzer::Analysis)> =
        texts.iter().copied().zip(analyses.iter()).collect();
    let comparison = compare(&pairs);
    Seeds {
        expected,
        labels,
        texts,
        analyses,
        comparison,
    }
}

impl Seeds {
    fn story(&self, label: &str) -> usize {
        self.labels
            .iter()
            .position(|l| l == label)
            .unwrap_or_else(|| panic!("no story labelled {label}"))
    }

    /// The row holding `name` as its name or one of its aliases (as seeds-check.py
    /// finds an entity by name, then by another of its forms).
    fn row(&self, name: &str) -> usize {
        let rows = &self.comparison.entities;
        rows.iter()
            .position(|r| norm(&r.name) == norm(name))
            .or_else(|| {
                rows.iter()
                    .position(|r| r.aliases.iter().any(|a| norm(a) == norm(name)))
            })
            .unwrap_or_else(|| panic!("no entity row for {name:?}"))
    }

    fn stories_of_row(&self, row: usize) -> Vec<&str> {
        self.comparison.entities[row]
            .stories
            .iter()
            .map(|s| self.labels[s.story].as_str())
            .collect()
    }
}

#[test]
fn seed_entities_are_matched_across_the_stories_as_the_fixture_says() {
    let seeds = seeds(OffsetUnit::Utf16);
    let all: Vec<&str> = seeds.labels.iter().map(String::as_str).collect();
    for name in strings(&seeds.expected["shared_entities"]) {
        let row = seeds.row(name);
        assert_eq!(seeds.stories_of_row(row), all, "{name} is in both stories");
    }
    for pair in seeds.expected["same_place_different_names"]
        .as_array()
        .unwrap()
    {
        let names = strings(pair);
        let rows: Vec<usize> = names.iter().map(|n| seeds.row(n)).collect();
        assert!(
            rows.iter().all(|&r| r == rows[0]),
            "{names:?} are one row, got rows {rows:?}"
        );
        assert_eq!(seeds.stories_of_row(rows[0]), all, "{names:?} in both");
    }
    for label in &seeds.labels {
        let key = format!("only_{label}");
        let s = seeds.story(label);
        for name in strings(&seeds.expected[&key]) {
            let row = seeds.row(name);
            assert_eq!(seeds.stories_of_row(row), [label], "{name} only in {label}");
            assert!(
                seeds.comparison.only_in[s].entities.contains(&row),
                "{name} is listed as only in {label}"
            );
        }
    }
    for (name, quoted_in) in seeds.expected["quoted_in"].as_object().unwrap() {
        let row = &seeds.comparison.entities[seeds.row(name)];
        let got: Vec<&str> = row
            .stories
            .iter()
            .filter(|s| s.quoted > 0)
            .map(|s| seeds.labels[s.story].as_str())
            .collect();
        assert_eq!(got, strings(quoted_in), "stories quoting {name}");
    }
}

#[test]
fn seed_must_nots_hold() {
    let seeds = seeds(OffsetUnit::Utf16);
    let must_not = strings(&seeds.expected["must_not"]);
    assert_eq!(
        must_not.len(),
        2,
        "the fixture's must-nots, each checked below"
    );
    // 1. Kim Jong-un, Kim Jong-il and Kim Yung-ho are three rows.
    let kims = ["Kim Jong-un", "Kim Jong-il", "Kim Yung-ho"].map(|n| seeds.row(n));
    assert!(
        kims[0] != kims[1] && kims[0] != kims[2] && kims[1] != kims[2],
        "{}: rows {kims:?}",
        must_not[0]
    );
    // 2. The partial quotes `significant` (Yonhap) and `top priority` (EFE) align with
    // nothing: no statement holds them, and each is only in its story.
    for (label, words) in [("yonhap", "significant"), ("efe", "top priority")] {
        let s = seeds.story(label);
        let q = seeds.analyses[s]
            .quotes
            .iter()
            .position(|q| norm(&q.span.text).trim_end_matches(',') == words)
            .unwrap_or_else(|| panic!("{label} quotes {words:?}"));
        let aligned = seeds.comparison.quotes.iter().any(|a| {
            a.versions
                .iter()
                .any(|v| v.story == s && v.quotes.contains(&q))
        });
        assert!(!aligned, "{}: {words:?} aligned", must_not[1]);
        assert!(seeds.comparison.only_in[s].quotes.contains(&q));
    }
}

#[test]
fn seed_shared_quote_is_aligned_with_its_two_wording_differences() {
    let seeds = seeds(OffsetUnit::Utf16);
    let expected = seeds.expected["shared_quotes"].as_array().unwrap();
    assert_eq!(
        seeds.comparison.quotes.len(),
        expected.len(),
        "statements both stories carry: {:#?}",
        seeds.comparison.quotes
    );
    for want in expected {
        let starts: Vec<(usize, String)> = seeds
            .labels
            .iter()
            .map(|l| {
                let starts = want[format!("{l}_starts")].as_str().unwrap();
                (seeds.story(l), norm(starts))
            })
            .collect();
        // The statement whose versions hold a quote starting as expected in each story.
        let statement = seeds
            .comparison
            .quotes
            .iter()
            .find(|a| {
                starts.iter().all(|(s, start)| {
                    a.versions.iter().any(|v| {
                        v.story == *s
                            && v.quotes.iter().any(|&q| {
                                norm(&seeds.analyses[*s].quotes[q].span.text).starts_with(start)
                            })
                    })
                })
            })
            .unwrap_or_else(|| panic!("no statement for {starts:?}"));
        let speaker = want["speaker"].as_str().unwrap();
        assert_eq!(statement.speaker_entity, Some(seeds.row(speaker)));
        for v in &statement.versions {
            assert_eq!(
                v.speaker_entity,
                Some(seeds.row(speaker)),
                "speaker in each"
            );
        }
        // The differences: the changes with words on both sides, reference (Yonhap)
        // first, exactly.
        assert_eq!(statement.versions.len(), 2);
        let (yonhap, efe) = (seeds.story("yonhap"), seeds.story("efe"));
        assert_eq!(
            (statement.versions[0].story, statement.versions[1].story),
            (yonhap, efe)
        );
        let join = |spans: &[article_analyzer::Span]| {
            spans
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let changes = &statement.versions[1].changes;
        let replaced: Vec<[String; 2]> = changes
            .iter()
            .filter(|c| !c.reference.is_empty() && !c.version.is_empty())
            .map(|c| [join(&c.reference), join(&c.version)])
            .collect();
        let want_replaced: Vec<[String; 2]> = want["differences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let d = strings(d);
                [d[0].to_string(), d[1].to_string()]
            })
            .collect();
        assert_eq!(replaced, want_replaced);
        // `also`: the EFE quote against both Yonhap quotes, and the words only Yonhap
        // has (its second quote runs on).
        assert_eq!(statement.versions[0].quotes.len(), 2, "both Yonhap quotes");
        assert_eq!(statement.versions[1].quotes.len(), 1, "EFE's one quote");
        let only_yonhap: Vec<String> = changes
            .iter()
            .filter(|c| c.version.is_empty())
            .map(|c| join(&c.reference))
            .collect();
        assert!(
            only_yonhap.len() == 1 && only_yonhap[0].starts_with("and reaffirmed his will"),
            "words only Yonhap has: {only_yonhap:?}"
        );
        assert!(
            changes.iter().all(|c| !c.reference.is_empty()),
            "EFE has no words Yonhap lacks: {changes:?}"
        );
    }
}

#[test]
fn comparison_spans_slice_their_own_story_in_every_unit() {
    for unit in [OffsetUnit::Utf16, OffsetUnit::Utf8, OffsetUnit::Chars] {
        let seeds = seeds(unit);
        let mut checked = 0;
        for statement in &seeds.comparison.quotes {
            let reference = seeds.texts[statement.versions[0].story];
            for v in &statement.versions {
                for c in &v.changes {
                    let json = |spans| serde_json::to_value(spans).unwrap();
                    checked += common::check_spans_json(reference, unit, &json(&c.reference));
                    checked +=
                        common::check_spans_json(seeds.texts[v.story], unit, &json(&c.version));
                }
            }
        }
        assert!(checked >= 4, "{unit}: {checked} spans");
        assert!(seeds.comparison.stories.iter().all(|s| s.offsets == unit));
    }
}

#[test]
fn the_comparison_says_its_version_and_round_trips_through_json() {
    let seeds = seeds(OffsetUnit::Utf16);
    assert_eq!(
        seeds.comparison.version,
        article_analyzer::COMPARISON_VERSION
    );
    let json = serde_json::to_string(&seeds.comparison).unwrap();
    let back: Comparison = serde_json::from_str(&json).unwrap();
    assert_eq!(back, seeds.comparison);
    assert_eq!(
        seeds.comparison.stories[0].source.as_deref(),
        Some("Yonhap")
    );
}

#[test]
fn the_command_prints_files_analyses_and_the_comparison() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let files = [
        format!("{dir}/tests/fixtures/yonhap-2023-09-14-kim-putin.txt"),
        format!("{dir}/tests/fixtures/efe-2023-09-14-kim-putin.txt"),
    ];
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_article-analyzer"))
        .args([
            "compare",
            "--reference-date",
            "2023-09-14",
            &files[0],
            &files[1],
        ])
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let seeds = seeds(OffsetUnit::Utf16);
    assert_eq!(printed["files"], serde_json::json!(files));
    assert_eq!(
        printed["analyses"],
        serde_json::to_value(&seeds.analyses).unwrap()
    );
    assert_eq!(
        printed["comparison"],
        serde_json::to_value(&seeds.comparison).unwrap()
    );
    let one = std::process::Command::new(env!("CARGO_BIN_EXE_article-analyzer"))
        .args(["compare", &files[0]])
        .output()
        .expect("the binary runs");
    assert_eq!(one.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&one.stderr).contains("two files or more"));
}

/// The case table `tests/data/compare.jsonl` (fields in `tests/data/README.md`).
#[test]
fn constructed_stories_compare_as_the_table_says() {
    common::cases::run_cases("compare.jsonl", 25, check_case);
}

fn check_case(case: &Value) -> Result<(), String> {
    let texts = strings(&case["stories"]);
    let analyses: Vec<_> = texts
        .iter()
        .map(|t| analyze(t, &Options::default()))
        .collect();
    let pairs: Vec<_> = texts.iter().copied().zip(analyses.iter()).collect();
    let comparison = compare(&pairs);
    let show = || serde_json::to_string(&comparison.quotes).unwrap_or_default();
    // Every span slices its story.
    for statement in &comparison.quotes {
        let reference = texts[statement.versions[0].story];
        for v in &statement.versions {
            for c in &v.changes {
                let json = |spans| serde_json::to_value(spans).unwrap();
                common::check_spans_json(reference, OffsetUnit::Utf16, &json(&c.reference));
                common::check_spans_json(texts[v.story], OffsetUnit::Utf16, &json(&c.version));
            }
        }
    }
    for figure in comparison.figures.iter().chain(&comparison.dates) {
        for v in &figure.versions {
            let json = serde_json::to_value(&v.span).unwrap();
            common::check_spans_json(texts[v.story], OffsetUnit::Utf16, &json);
        }
    }
    let want = case["statements"].as_array().ok_or("no `statements`")?;
    if comparison.quotes.len() != want.len() {
        return Err(format!(
            "{} statements, want {}: {}",
            comparison.quotes.len(),
            want.len(),
            show()
        ));
    }
    let join = |spans: &[article_analyzer::Span]| {
        spans
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let row = |name: &str| -> Result<usize, String> {
        comparison
            .entities
            .iter()
            .position(|r| r.name == name)
            .or_else(|| {
                comparison
                    .entities
                    .iter()
                    .position(|r| r.aliases.iter().any(|a| a == name))
            })
            .ok_or(format!("no entity row for {name:?}"))
    };
    for (got, want) in comparison.quotes.iter().zip(want) {
        let stories: Vec<usize> = got.versions.iter().map(|v| v.story).collect();
        let want_stories: Vec<usize> = serde_json::from_value(want["stories"].clone())
            .map_err(|e| format!("`stories`: {e}"))?;
        if stories != want_stories {
            return Err(format!("statement in stories {stories:?}: {}", show()));
        }
        if let Some(quotes) = want.get("quotes") {
            let got: Vec<&Vec<usize>> = got.versions.iter().map(|v| &v.quotes).collect();
            same_json("versions hold quotes", &got, quotes)?;
        }
        if let Some(speaker) = want.get("speaker").and_then(Value::as_str) {
            if got.speaker.as_deref() != Some(speaker) {
                return Err(format!("speaker {:?}, want {speaker}", got.speaker));
            }
        }
        if let Some(speakers) = want.get("version_speakers") {
            let got: Vec<Option<&str>> =
                got.versions.iter().map(|v| v.speaker.as_deref()).collect();
            same_json("version speakers", &got, speakers)?;
        }
        if let Some(changes) = want.get("changes") {
            let got: Vec<Vec<[String; 2]>> = got
                .versions
                .iter()
                .map(|v| {
                    v.changes
                        .iter()
                        .map(|c| [join(&c.reference), join(&c.version)])
                        .collect()
                })
                .collect();
            same_json("changes", &got, changes)?;
        }
    }
    for (key, together) in [("same", true), ("apart", false)] {
        for pair in case
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let names = strings(pair);
            let (a, b) = (row(names[0])?, row(names[1])?);
            if (a == b) != together {
                return Err(format!("{names:?}: rows {a} and {b}"));
            }
            if together && comparison.entities[a].stories.len() < 2 {
                return Err(format!("{names:?}: in one story only"));
            }
        }
    }
    for (s, names) in case
        .get("only")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        for name in strings(names) {
            let r = row(name)?;
            if !comparison.only_in[s].entities.contains(&r) {
                return Err(format!("{name} is not listed as only in story {s}"));
            }
        }
    }
    for (key, got) in [
        ("figures", &comparison.figures),
        ("dates", &comparison.dates),
    ] {
        let Some(want) = case.get(key) else { continue };
        let got: Vec<Value> = got
            .iter()
            .map(|f| {
                let texts: Vec<&str> = f.versions.iter().map(|v| v.span.text.as_str()).collect();
                serde_json::json!({"texts": texts, "differs": f.differs})
            })
            .collect();
        same_json(key, &got, want)?;
    }
    if let Some(only) = case.get("only_figures") {
        let got: Vec<&Vec<usize>> = comparison.only_in.iter().map(|o| &o.figures).collect();
        same_json("figures only in one story", &got, only)?;
    }
    if let Some(only) = case.get("only_quotes") {
        let got: Vec<&Vec<usize>> = comparison.only_in.iter().map(|o| &o.quotes).collect();
        same_json("quotes only in one story", &got, only)?;
    }
    for (name, stories) in case
        .get("quoted_in")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let got: Vec<usize> = comparison.entities[row(name)?]
            .stories
            .iter()
            .filter(|s| s.quoted > 0)
            .map(|s| s.story)
            .collect();
        same_json(&format!("{name} quoted in"), &got, stories)?;
    }
    Ok(())
}

/// `Err` naming `what` unless `got` is `want` as JSON.
fn same_json(what: &str, got: &impl serde::Serialize, want: &Value) -> Result<(), String> {
    let got = serde_json::to_value(got).map_err(|e| e.to_string())?;
    match got == *want {
        true => Ok(()),
        false => Err(format!("{what} {got}, want {want}")),
    }
}

#[test]
fn analyses_of_other_texts_give_a_best_effort_comparison_whose_spans_still_slice() {
    let yonhap_analysis = analyze(YONHAP, &options(OffsetUnit::Utf16));
    let efe_analysis = analyze(EFE, &options(OffsetUnit::Utf8));
    let odd = "Kim’s “sacred fight” 😀 in Пхеньян, 평양.";
    // Each analysis handed over with the wrong text, in mixed units, and an empty story.
    let stories = [
        (EFE, &yonhap_analysis),
        (odd, &efe_analysis),
        ("", &yonhap_analysis),
    ];
    let comparison = compare(&stories);
    assert_eq!(comparison.stories.len(), 3);
    for statement in &comparison.quotes {
        let reference = statement.versions[0].story;
        for v in &statement.versions {
            for c in &v.changes {
                for (story, spans) in [(reference, &c.reference), (v.story, &c.version)] {
                    let unit = comparison.stories[story].offsets;
                    let json = serde_json::to_value(spans).unwrap();
                    common::check_spans_json(stories[story].0, unit, &json);
                }
            }
        }
    }
    for figure in comparison.figures.iter().chain(&comparison.dates) {
        for v in &figure.versions {
            let unit = comparison.stories[v.story].offsets;
            let json = serde_json::to_value(&v.span).unwrap();
            common::check_spans_json(stories[v.story].0, unit, &json);
        }
    }
}
