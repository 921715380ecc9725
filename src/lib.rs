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
mod patterns;
mod quotes;
mod text;
mod timings;
#[cfg(target_arch = "wasm32")]
mod wasm;
mod wordlists;

pub use analysis::{
    Analysis, Byline, Caption, Credit, DateMention, Dateline, DatelineDate, Entity, EntityType,
    Figure, FigureKind, FigureValue, PatternMatch, Quote, QuoteKind, Span, Speaker, StageTiming,
    Timings, CONTRACT_VERSION,
};
pub use calendar::CalendarDate;
pub use compare::{
    compare, AlignedQuote, Change, Comparison, EntityInStory, FigureVersion, OnlyIn, QuoteVersion,
    SharedEntity, SharedFigure, StorySummary, COMPARISON_VERSION,
};
pub use offsets::OffsetUnit;
pub use options::{OptionsError, RawOptions};
pub use patterns::{Pattern, PatternError};

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
    /// The caller's own patterns: typed ones make entities, the others `matches`.
    pub patterns: Vec<Pattern>,
    /// Fill `Analysis::timings` (and, in a browser, mark each stage for its
    /// performance panel).
    pub timings: bool,
}

/// Options made ready once for many texts: the patterns compiled.
///
/// ```
/// use article_analyzer::{Analyzer, Options, Pattern};
/// let bills = Pattern { label: "bill".into(), regex: Some(r"\bHB \d+".into()), ..Pattern::default() };
/// let analyzer = Analyzer::new(Options { patterns: vec![bills], ..Options::default() }).unwrap();
/// assert_eq!(analyzer.analyze("HB 1234 passed.").matches[0].span.text, "HB 1234");
/// ```
/// Cloning is cheap: the compiled patterns are shared. `Analyzer::default()` has the
/// default options and no patterns.
#[derive(Debug, Clone, Default)]
pub struct Analyzer {
    /// The options, their patterns moved into `patterns`.
    options: Options,
    patterns: std::sync::Arc<patterns::CompiledPatterns>,
}

impl Analyzer {
    /// Compiles the options' patterns; an error names the pattern and what is wrong
    /// (`patterns[2].regex: unclosed group at 5`).
    pub fn new(mut options: Options) -> Result<Analyzer, PatternError> {
        let patterns = patterns::CompiledPatterns::compile(&options.patterns)?;
        options.patterns = Vec::new();
        Ok(Analyzer {
            options,
            patterns: std::sync::Arc::new(patterns),
        })
    }

    /// The same analyzer resolving dates against another reference date (the CLI's
    /// JSON lines each may carry one).
    pub fn with_reference_date(&self, reference_date: Option<CalendarDate>) -> Analyzer {
        let mut analyzer = self.clone();
        analyzer.options.reference_date = reference_date;
        analyzer
    }

    /// Analyzes one article. Infallible: odd input gives a best-effort result.
    pub fn analyze(&self, text: &str) -> Analysis {
        run(text, &self.options, &self.patterns, |_| {})
    }

    /// `analyze`, telling `starting` of each stage as it starts (the wasm layer's
    /// progress events on long texts).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn analyze_reporting(&self, text: &str, starting: impl FnMut(Stage)) -> Analysis {
        run(text, &self.options, &self.patterns, starting)
    }
}

/// Analyzes one article. Infallible: odd input gives a best-effort result; patterns
/// that do not compile are left out (`Analyzer::new` says why, and compiles once).
pub fn analyze(text: &str, options: &Options) -> Analysis {
    run(
        text,
        options,
        &patterns::CompiledPatterns::compile_lenient(&options.patterns),
        |_| {},
    )
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
/// and returns its own part.
/// `starting` hears of each stage as it starts (the wasm layer's progress events).
fn run(
    text: &str,
    options: &Options,
    patterns: &patterns::CompiledPatterns,
    mut starting: impl FnMut(Stage),
) -> Analysis {
    let mut clock = timings::Clock::new(options.timings);
    starting(Stage::Text);
    let doc = clock.stage("text", || text::Document::new(text));
    starting(Stage::Anatomy);
    let anatomy = clock.stage("anatomy", || anatomy::find_anatomy(&doc));
    starting(Stage::Entities);
    let found = clock.stage("patterns", || patterns.find(&doc));
    let entities = clock.stage("entities", || {
        entities::find_entities(&doc, &anatomy, &found.mentions)
    });
    starting(Stage::Quotes);
    let quotes = clock.stage("quotes", || quotes::find_quotes(&doc, &anatomy, &entities));
    starting(Stage::Dates);
    let dates = clock.stage("dates", || {
        dates::find_dates(&doc, &anatomy, options.reference_date)
    });
    starting(Stage::Figures);
    let figures = clock.stage("figures", || figures::find_figures(&doc, &dates.mentions));

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
        paragraphs: (anatomy.paragraphs.into_iter())
            .map(|bytes| analysis::Span::new(doc.text, bytes))
            .collect(),
        quotes,
        entities,
        dates: dates.mentions,
        figures,
        matches: found.matches,
        timings: None,
    };
    starting(Stage::Offsets);
    clock.stage("offsets", || {
        offsets::convert_analysis(&mut analysis, text, options.offsets)
    });
    analysis.timings = clock.finish();
    analysis
}
