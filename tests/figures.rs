//! Figures (money, percentages, measured quantities): the table
//! `tests/data/figures.jsonl` (format in `tests/data/README.md`). Each case lists every
//! figure found, in order: a figure found that is not listed fails the case, so the
//! near-misses (years, phone numbers, counts, scores) list none.

mod common;

use article_analyzer::Figure;
use common::analyze_bytes;
use common::cases::{check_span, run_cases, ByteSpan};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FigureCase {
    #[allow(dead_code)] // the loader names a failing case by it
    name: String,
    text: String,
    figures: Vec<ExpectedFigure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedFigure {
    text: String,
    /// `money`, `percent` or `quantity`.
    kind: String,
    number: f64,
    /// Checked when given.
    #[serde(default)]
    scale: Option<f64>,
    /// Left out: `null`.
    #[serde(default)]
    currency: Option<String>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    per: Option<String>,
    #[serde(default)]
    span: Option<ByteSpan>,
}

#[test]
fn figure_table() {
    run_cases("figures.jsonl", 60, |case: &FigureCase| {
        let analysis = analyze_bytes(&case.text, None);
        let got = &analysis.figures;
        let same = got.len() == case.figures.len()
            && got.iter().zip(&case.figures).all(|(g, w)| matches(g, w));
        if !same {
            let want: Vec<String> = case.figures.iter().map(describe_expected).collect();
            let got: Vec<String> = got.iter().map(describe).collect();
            return Err(format!("want {want:?}\n    got  {got:?}"));
        }
        for (want, found) in case.figures.iter().zip(got) {
            check_span("figure", want.span, &found.span)?;
        }
        Ok(())
    });
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

fn matches(got: &Figure, want: &ExpectedFigure) -> bool {
    let kind = serde_json::to_value(got.kind).expect("a kind");
    let v = &got.value;
    got.span.text == want.text
        && kind.as_str() == Some(want.kind.as_str())
        && close(v.number, want.number)
        && want.scale.is_none_or(|s| close(v.scale, s))
        && v.currency == want.currency
        && v.unit == want.unit
        && v.per == want.per
}

fn describe(f: &Figure) -> String {
    let v = &f.value;
    let kind = serde_json::to_value(f.kind).expect("a kind");
    format!(
        "{} = {kind} {} (scale {}) {:?} {:?} per {:?}",
        f.span.text, v.number, v.scale, v.currency, v.unit, v.per
    )
}

fn describe_expected(f: &ExpectedFigure) -> String {
    format!(
        "{} = \"{}\" {} (scale {:?}) {:?} {:?} per {:?}",
        f.text, f.kind, f.number, f.scale, f.currency, f.unit, f.per
    )
}
