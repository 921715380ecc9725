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
mod calendar;
mod compare;
mod dates;
mod entities;
mod figures;
mod offsets;
mod options;
mod quotes;
mod text;
#[cfg(target_arch = "wasm32")]
mod wasm;
mod wordlists;

pub use analysis::{
    Analysis, Byline, Caption, Credit, DateMention, Dateline, DatelineDate, Entity, EntityType,
    Figure, FigureKind, FigureValue, Quote, QuoteKind, Span, Speaker, CONTRACT_VERSION,
};
pub use calendar::CalendarDate;
pub use compare::{
    compare, AlignedQuote, Change, Comparison, EntityInStory, FigureVersion, OnlyIn, QuoteVersion,
    SharedEntity, SharedFigure, StorySummary, COMPARISON_VERSION,
};
pub use offsets::OffsetUnit;
pub use options::{OptionsError, RawOptions};

/// What `src/bin/train-entities.rs` needs of the entities stage; no stable API.
#[doc(hidden)]
pub mod training {
    pub use crate::entities::{training_candidates, MODEL_SHAPE};
}

/// What the caller can ask of `analyze`. From JSON or JavaScript: [`RawOptions`].
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
    Entities,
    Quotes,
    Dates,
    Figures,
    Offsets,
}

/// The pipeline: each stage reads the document and what the stages before it found,
/// and returns its own part. `starting` hears of each stage as it starts (the wasm
/// layer's progress events on long texts).
pub(crate) fn analyze_reporting(
    text: &str,
    options: &Options,
    mut starting: impl FnMut(Stage),
) -> Analysis {
    starting(Stage::Text);
    let doc = text::Document::new(text);
    starting(Stage::Anatomy);
    let anatomy = anatomy::find_anatomy(&doc);
    starting(Stage::Entities);
    let entities = entities::find_entities(&doc, &anatomy);
    starting(Stage::Quotes);
    let quotes = quotes::find_quotes(&doc, &anatomy, &entities);
    starting(Stage::Dates);
    let dates = dates::find_dates(&doc, &anatomy, options.reference_date);
    starting(Stage::Figures);
    let figures = figures::find_figures(&doc, &dates.mentions);

    let mut dateline = anatomy.dateline;
    // The dateline writes a month and day; the year is the story date's.
    if let (Some(date), Some(story_date)) = (
        dateline.as_mut().and_then(|d| d.date.as_mut()),
        dates.story_date,
    ) {
        date.year = Some(story_date.year);
    }
    let mut analysis = Analysis {
        version: CONTRACT_VERSION,
        offsets: options.offsets,
        headline: anatomy.headline,
        standfirst: anatomy.standfirst,
        byline: anatomy.byline,
        credits: anatomy.credits,
        notes: anatomy.notes,
        dateline,
        captions: anatomy.captions,
        end_marker: anatomy.end_marker,
        emails: anatomy.emails,
        boilerplate: anatomy.boilerplate,
        published: dates.published,
        paragraphs: anatomy.paragraphs,
        quotes,
        entities,
        dates: dates.mentions,
        figures,
    };
    starting(Stage::Offsets);
    offsets::convert_analysis(&mut analysis, text, options.offsets);
    analysis
}
