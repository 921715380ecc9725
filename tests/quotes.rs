//! Quotations and their speakers, one construction per case: the table
//! `tests/data/quotes.txt`, checked by one harness that names every failing case.
//! Also the quotes of the two seed stories.

mod table;

use article_analyzer::{analyze, Analysis, OffsetUnit, Options, QuoteKind};

fn run(text: &str) -> Analysis {
    let options = Options {
        offsets: OffsetUnit::Utf8,
        reference_date: None,
    };
    analyze(text, &options)
}

/// The quotes found, in the table's format.
fn describe(text: &str, analysis: &Analysis) -> Result<Vec<String>, String> {
    analysis
        .quotes
        .iter()
        .map(|q| {
            if text.get(q.span.start..q.span.end) != Some(q.span.text.as_str()) {
                return Err(format!(
                    "quote span {:?} does not slice to its text",
                    q.span
                ));
            }
            let kind = match q.kind {
                QuoteKind::Full => "full",
                QuoteKind::Partial => "partial",
            };
            let (mention, name) = q
                .speaker
                .as_ref()
                .map_or(("-", "-"), |s| (s.span.text.as_str(), s.name.as_str()));
            let cue = q.cue.as_ref().map_or("-", |c| c.text.as_str());
            Ok(format!(
                "{kind} ~ {} ~ {mention} ~ {name} ~ {cue}",
                q.span.text
            ))
        })
        .collect()
}

#[test]
fn quote_constructions() {
    table::run_table(include_str!("data/quotes.txt"), 30, |fields| {
        let [_, text, expected] = fields else {
            return Err(format!("a case needs 3 fields, has {}", fields.len()));
        };
        let got = describe(text, &run(text))?;
        let want: Vec<String> = match expected.as_str() {
            "none" => Vec::new(),
            e => e.split(" ;; ").map(str::to_string).collect(),
        };
        if got == want {
            Ok(())
        } else {
            Err(format!("want {want:#?}\n    got  {got:#?}"))
        }
    });
}

#[test]
fn seed_stories_quote_counts() {
    for (story, quotes) in [
        (include_str!("fixtures/yonhap-2023-09-14-kim-putin.txt"), 8),
        (include_str!("fixtures/efe-2023-09-14-kim-putin.txt"), 10),
    ] {
        let analysis = run(story);
        assert_eq!(analysis.quotes.len(), quotes);
        assert!(analysis.quotes.iter().all(|q| q.speaker.is_some()));
    }
}
