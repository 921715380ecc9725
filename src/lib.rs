//! article-analyzer reads a news article and returns its structure: the dateline,
//! headline, byline and notes, every quotation with who said it, the people,
//! organizations and places it names, and its dates.
//!
//! ```
//! use article_analyzer::{analyze, Options};
//! let text = "SEOUL, Sept. 14 (Yonhap) -- \"We agreed,\" Kim Jong-un said.";
//! let analysis = analyze(text, &Options::default());
//! assert_eq!(analysis.version, 1);
//! ```
//!
//! `analyze` never fails: any `&str` gives a best-effort result. Spans count in UTF-16
//! code units unless `Options::offsets` asks for another unit.
#![forbid(unsafe_code)]

mod analysis;
mod anatomy;
mod dates;
mod entities;
mod fast_hash;
#[cfg(not(target_arch = "wasm32"))]
pub mod jsonl;
mod offsets;
mod quotes;
mod text;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analysis::{
    Analysis, Byline, DateMention, Dateline, DatelineDate, Entity, EntityType, Quote, QuoteKind,
    Span, Speaker, CONTRACT_VERSION,
};
pub use dates::CalendarDate;
pub use offsets::OffsetUnit;

/// What the caller can ask of `analyze`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The unit of every `start`/`end` in the result.
    pub offsets: OffsetUnit,
    /// The date to resolve `Thursday` or a year-less dateline against when the story
    /// itself does not give the year.
    pub reference_date: Option<CalendarDate>,
}

/// Analyzes one article. Infallible: odd input gives a best-effort result.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    analyze_reporting(text, options, |_| {})
}

/// The pipeline's stages, in order: what `analyze_reporting` announces as each starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stage {
    Text,
    Anatomy,
    Dates,
    Entities,
    Quotes,
    Offsets,
}

/// `analyze`, calling `starting` before each stage: the wasm layer's progress events
/// on long texts.
pub(crate) fn analyze_reporting(
    text: &str,
    options: &Options,
    mut starting: impl FnMut(Stage),
) -> Analysis {
    starting(Stage::Text);
    let doc = text::Document::new(text);
    let mut analysis = Analysis::empty(options.offsets);
    starting(Stage::Anatomy);
    anatomy::find_anatomy(&doc, &mut analysis);
    starting(Stage::Dates);
    dates::find_dates(&doc, &mut analysis, options.reference_date);
    starting(Stage::Entities);
    analysis.entities = entities::find_entities(&doc, &analysis);
    starting(Stage::Quotes);
    analysis.quotes = quotes::find_quotes(&doc, &analysis);
    starting(Stage::Offsets);
    offsets::convert_analysis(&mut analysis, text, options.offsets);
    analysis
}
