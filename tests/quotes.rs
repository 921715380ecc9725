//! Quotations and their speakers, one construction per case: the table
//! `tests/data/quotes.jsonl` (format in `tests/data/README.md`). Each case lists every
//! quotation found (kinds `full` and `partial`), in order. Reported speech (kind
//! `indirect`) has its own table, `tests/data/indirect.jsonl`, listing every indirect
//! quote found. Also the quotes of the two seed stories.

mod common;

use article_analyzer::{Quote, QuoteKind};
use common::analyze_bytes;
use common::cases::{check_span, run_cases, ByteSpan};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteCase {
    #[allow(dead_code)] // the loader names a failing case by it
    name: String,
    text: String,
    quotes: Vec<ExpectedQuote>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedQuote {
    kind: QuoteKind,
    /// The quoted words, without the marks.
    text: String,
    /// `null`: the text names nobody.
    speaker: Option<ExpectedSpeaker>,
    /// The cue as written, or `null`.
    cue: Option<String>,
    #[serde(default)]
    span: Option<ByteSpan>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedSpeaker {
    /// The mention as written at the attribution.
    text: String,
    /// The resolved name.
    name: String,
}

/// A quote found, in the table's terms (without a position).
fn describe(quote: &Quote) -> ExpectedQuote {
    ExpectedQuote {
        kind: quote.kind,
        text: quote.span.text.clone(),
        speaker: quote.speaker.as_ref().map(|s| ExpectedSpeaker {
            text: s.span.text.clone(),
            name: s.name.clone(),
        }),
        cue: quote.cue.as_ref().map(|c| c.text.clone()),
        span: None,
    }
}

/// A quote on one line for a failure: `kind "text" speaker (name) cue`.
fn one_line(quote: &ExpectedQuote) -> String {
    let speaker = quote
        .speaker
        .as_ref()
        .map_or("-".to_string(), |s| format!("{:?} ({:?})", s.text, s.name));
    format!(
        "{:?} {:?} speaker {speaker} cue {:?}",
        quote.kind, quote.text, quote.cue
    )
}

#[test]
fn quote_constructions() {
    run_cases("quotes.jsonl", 30, |case: &QuoteCase| {
        check_quotes(case, |q| q.kind != QuoteKind::Indirect)
    });
}

#[test]
fn reported_speech_constructions() {
    run_cases("indirect.jsonl", 20, |case: &QuoteCase| {
        check_quotes(case, |q| q.kind == QuoteKind::Indirect)
    });
}

/// Compares the quotes of `case.text` that `keep` selects with the case's list.
fn check_quotes(case: &QuoteCase, keep: impl Fn(&Quote) -> bool) -> Result<(), String> {
    {
        let analysis = analyze_bytes(&case.text, None);
        let kept: Vec<&Quote> = analysis.quotes.iter().filter(|q| keep(q)).collect();
        let found: Vec<ExpectedQuote> = kept.iter().map(|q| describe(q)).collect();
        let same = found.len() == case.quotes.len()
            && found.iter().zip(&case.quotes).all(|(found, want)| {
                (&found.kind, &found.text, &found.speaker, &found.cue)
                    == (&want.kind, &want.text, &want.speaker, &want.cue)
            });
        if !same {
            let lines = |quotes: &[ExpectedQuote]| -> String {
                quotes
                    .iter()
                    .map(|q| format!("\n      {}", one_line(q)))
                    .collect()
            };
            return Err(format!(
                "want:{}\n    got:{}",
                lines(&case.quotes),
                lines(&found)
            ));
        }
        for (want, found) in case.quotes.iter().zip(&kept) {
            check_span("quote", want.span, &found.span)?;
        }
        Ok(())
    }
}

#[test]
fn seed_stories_quote_counts() {
    for (story, quotes) in [
        (include_str!("fixtures/yonhap-2023-09-14-kim-putin.txt"), 8),
        (include_str!("fixtures/efe-2023-09-14-kim-putin.txt"), 10),
    ] {
        let analysis = analyze_bytes(story, None);
        let direct = analysis
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Indirect);
        assert_eq!(direct.count(), quotes);
        assert!(analysis.quotes.iter().all(|q| q.speaker.is_some()));
    }
}
