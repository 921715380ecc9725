//! Figures (money, percentages, quantities): the table `tests/data/figures.jsonl`, one
//! case per line `{"name", "text", "figures": [...]}`. The list is exact, in order: a
//! figure found that is not listed fails the case, so near-misses (years, phone numbers,
//! counts) list none. In each expected figure `currency`, `unit` and `per` left out
//! mean `null`; `scale` is checked when given.

mod common;

use article_analyzer::{analyze, Figure, Options};
use serde_json::Value;

#[test]
fn figure_table() {
    let table = include_str!("data/figures.jsonl");
    let mut failures = Vec::new();
    let mut cases = 0;
    for (n, line) in table.lines().enumerate() {
        let case: Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("figures.jsonl line {}: {e}", n + 1));
        let name = case["name"].as_str().expect("a name");
        let text = case["text"].as_str().expect("a text");
        let want = case["figures"].as_array().expect("a figures list");
        let analysis = analyze(text, &Options::default());
        common::check_spans(text, &analysis);
        let got = &analysis.figures;
        let same = got.len() == want.len() && got.iter().zip(want).all(|(g, w)| matches(g, w));
        if !same {
            let got: Vec<String> = got.iter().map(describe).collect();
            failures.push(format!("{name}:\n    want {want:?}\n    got  {got:?}"));
        }
        cases += 1;
    }
    assert!(cases >= 60, "the table lost cases: {cases}");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn matches(got: &Figure, want: &Value) -> bool {
    let close =
        |a: f64, b: Option<f64>| b.is_some_and(|b| (a - b).abs() <= 1e-9 * b.abs().max(1.0));
    let text = |key: &str| want.get(key).and_then(Value::as_str);
    let kind = serde_json::to_value(got.kind).expect("a kind");
    got.span.text == text("text").unwrap_or_default()
        && Some(&kind) == want.get("kind")
        && close(got.value.number, want["number"].as_f64())
        && want
            .get("scale")
            .is_none_or(|s| close(got.value.scale, s.as_f64()))
        && got.value.currency.as_deref() == text("currency")
        && got.value.unit.as_deref() == text("unit")
        && got.value.per.as_deref() == text("per")
}

fn describe(f: &Figure) -> String {
    let v = &f.value;
    format!(
        "{} = {:?} {} scale {} {:?} {:?} per {:?}",
        f.span.text, f.kind, v.number, v.scale, v.currency, v.unit, v.per
    )
}
