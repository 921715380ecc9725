//! Several stories on one event, side by side: who each names and quotes, which quotes
//! they share and how the words differ, and what only one of them has.
//!
//! `compare` reads analyses (it never re-analyzes) in three steps:
//! 1. `entities`: the stories' entities become rows, one per real-world entity, matched
//!    by the keys the within-story clustering uses (`Kim Jong Un` = `Kim Jong-un` by
//!    their letters, `KCNA` = `Korean Central News Agency` through a story's aliases),
//!    plus facilities that share their name and kind (`Vostochny space center` =
//!    `Vostochny Cosmodrome`). A bare surname joins a full name only when exactly one
//!    row has it, so `Kim Jong-un` and `Kim Jong-il` never meet.
//! 2. `quotes`: quotes of different stories align when they share runs of three words
//!    or more, enough of them and with enough content words that the overlap is no
//!    stock phrase (`top priority` alone aligns nothing). Names count as one word each,
//!    so `the DPRK` and `[North Korea]` still line up. Aligned quotes form one statement
//!    (a quote split in two in one story and joined in another is one statement), and
//!    each story's version is compared word by word with the first story's.
//! 3. `figures`: figures (and dates) of different stories that state the same
//!    quantity, told by their kind and the words around them, and whether the values
//!    agree (`$44.5 million` / `$45 million` for one contract).
//! 4. What only one story has: entity rows, quotes and figures found in one story alone.
//!
//! The cost is linear in the stories' quotes and entities, plus one word-by-word
//! comparison per aligned version: quotes × stories at worst, when every story quotes
//! every statement.
//!
//! Knowingly wrong: a paraphrase (reported speech in other words) never aligns, and a
//! short quote with one word changed (`a sacred fight` / `a holy fight`) shares too
//! little to align; the differences of a version are taken against the first story's
//! version only, so two later stories are not compared with each other directly.

mod entities;
mod figures;
mod quotes;
mod words;

use crate::analysis::{Analysis, EntityType, QuoteKind, Span};
use crate::offsets::{OffsetConverter, OffsetUnit};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The version of the comparison contract; bumped on any incompatible change.
pub const COMPARISON_VERSION: u32 = 1;

/// What several stories on one event have in common and where they differ. Every span
/// slices its own story's text, in the unit that story's analysis declares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub version: u32,
    /// One per story, in the order given.
    pub stories: Vec<StorySummary>,
    /// One row per real-world entity, in order of first appearance (story by story).
    pub entities: Vec<SharedEntity>,
    /// Statements carried by two stories or more.
    pub quotes: Vec<AlignedQuote>,
    /// Figures (money, percentages, quantities) two stories or more state.
    pub figures: Vec<SharedFigure>,
    /// Dates two stories or more give for the same thing.
    pub dates: Vec<SharedFigure>,
    /// One per story, in the order given: what that story alone has.
    pub only_in: Vec<OnlyIn>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorySummary {
    /// The unit of this story's spans (its analysis's `offsets`).
    pub offsets: OffsetUnit,
    /// The dateline's agency: `Yonhap`, `EFE`.
    pub source: Option<String>,
    pub headline: Option<String>,
}

/// One real-world entity across the stories.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedEntity {
    /// The longest of the stories' names for it.
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    pub subtype: Option<String>,
    /// Every other name and alias the stories use.
    pub aliases: Vec<String>,
    /// The stories that name it, in story order.
    pub stories: Vec<EntityInStory>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityInStory {
    pub story: usize,
    /// Indices into that story's `entities` (usually one).
    pub entities: Vec<usize>,
    /// How many mentions that story has of it.
    pub mentions: usize,
    /// How many of that story's quotes it speaks.
    pub quoted: usize,
}

/// One statement as several stories report it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignedQuote {
    /// The speaker most versions name: its row's name, else a speaker's name as written.
    pub speaker: Option<String>,
    /// Index into `Comparison::entities`.
    pub speaker_entity: Option<usize>,
    /// One per story that carries it, in story order; the first is the reference the
    /// others' `changes` are taken against.
    pub versions: Vec<QuoteVersion>,
}

/// A story's words for a statement: one quote, or several (`"…," he said. "…"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteVersion {
    pub story: usize,
    /// Indices into that story's `quotes`, in text order.
    pub quotes: Vec<usize>,
    /// The speaker of its first quote: its row's name, else as the story names it.
    pub speaker: Option<String>,
    /// Index into `Comparison::entities`.
    pub speaker_entity: Option<usize>,
    /// Where its words differ from the first version's; empty for the first version.
    pub changes: Vec<Change>,
}

/// One difference between a version and the reference (the first version): words the
/// reference has there (`reference`, spans of its story) and words this version has
/// (`version`, spans of this story). One side is empty when only the other has words
/// there; a side has several spans when its words run over more than one quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub reference: Vec<Span>,
    pub version: Vec<Span>,
}

/// One quantity (or date) as several stories state it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedFigure {
    /// `money`, `percent`, `quantity` or `date`.
    pub kind: String,
    /// Whether the stories give it different values.
    pub differs: bool,
    /// The words around it that every version has (what the quantity is about).
    pub about: Vec<String>,
    /// One per figure (or date) stating it, in story order.
    pub versions: Vec<FigureVersion>,
}

/// A figure or date as one story writes it: the span, with its story, its index in that
/// story's `figures` (or `dates`), and its value (`44500000 USD`, `2023-09-13`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureVersion {
    #[serde(flatten)]
    pub span: Span,
    pub story: usize,
    pub index: usize,
    pub value: String,
}

/// What one story alone has.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OnlyIn {
    pub story: usize,
    /// Indices into `Comparison::entities`.
    pub entities: Vec<usize>,
    /// Indices into the story's `quotes`: those no other story carries.
    pub quotes: Vec<usize>,
    /// Indices into the story's `figures`: those no other story states.
    pub figures: Vec<usize>,
}

/// Compares stories on one event, each given with its analysis. Infallible: spans of
/// an analysis that do not slice its text (an analysis of another text) are left out.
///
/// ```
/// use article_analyzer::{analyze, compare, Options};
/// let a = "SEOUL (Yonhap) -- \"We will strengthen cooperation in every field with our neighbours,\" Kim Jong-un said.";
/// let b = "Seoul (EFE).- \"We will strengthen cooperation in all fields with our neighbours,\" said Kim Jong Un.";
/// let (x, y) = (analyze(a, &Options::default()), analyze(b, &Options::default()));
/// let comparison = compare(&[(a, &x), (b, &y)]);
/// let change = &comparison.quotes[0].versions[1].changes[0];
/// assert_eq!((change.reference[0].text.as_str(), change.version[0].text.as_str()), ("every field", "all fields"));
/// ```
pub fn compare(stories: &[(&str, &Analysis)]) -> Comparison {
    let read: Vec<Story> = stories
        .iter()
        .map(|&(text, analysis)| Story::new(text, analysis))
        .collect();
    let rows = entities::match_entities(&read);
    let statements = quotes::align_quotes(&read, &rows);
    let (shared_figures, mut lone_figures) = figures::align_figures(&read, false);
    let (shared_dates, _) = figures::align_figures(&read, true);
    let only_in = (0..read.len())
        .map(|s| OnlyIn {
            figures: std::mem::take(&mut lone_figures[s]),
            story: s,
            entities: rows
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.stories.len() == 1 && e.stories[0].story == s)
                .map(|(i, _)| i)
                .collect(),
            quotes: (0..stories[s].1.quotes.len())
                .filter(|&q| stories[s].1.quotes[q].kind != QuoteKind::Indirect)
                .filter(|q| {
                    !statements.iter().any(|a| {
                        a.versions
                            .iter()
                            .any(|v| v.story == s && v.quotes.contains(q))
                    })
                })
                .collect(),
        })
        .collect();
    Comparison {
        version: COMPARISON_VERSION,
        stories: stories
            .iter()
            .map(|(_, a)| StorySummary {
                offsets: a.offsets,
                source: a.dateline.as_ref().and_then(|d| d.source.clone()),
                headline: a.headline.as_ref().map(|h| h.text.clone()),
            })
            .collect(),
        entities: rows.entities,
        quotes: statements,
        figures: shared_figures,
        dates: shared_dates,
        only_in,
    }
}

/// One story as the comparison reads it: its text, its analysis, and the byte ranges of
/// its quotes and entity mentions (checked against the text).
struct Story<'a> {
    text: &'a str,
    analysis: &'a Analysis,
    /// Per quote, figure and date, its byte range when its span slices the text (and,
    /// for figures and dates, lies outside the dateline and the captions).
    quotes: Vec<Option<Range<usize>>>,
    figures: Vec<Option<Range<usize>>>,
    dates: Vec<Option<Range<usize>>>,
    /// Every entity mention that slices the text: byte range and entity index, by start.
    mentions: Vec<(Range<usize>, usize)>,
    converter: OffsetConverter<'a>,
}

impl<'a> Story<'a> {
    fn new(text: &'a str, analysis: &'a Analysis) -> Story<'a> {
        let unit = analysis.offsets;
        let mut wanted: Vec<usize> = Vec::new();
        let spans = analysis
            .quotes
            .iter()
            .map(|q| &q.span)
            .chain(analysis.figures.iter().map(|f| &f.span))
            .chain(analysis.dates.iter().map(|d| &d.span))
            .chain(analysis.dateline.iter().map(|d| &d.span))
            .chain(analysis.captions.iter().map(|c| &c.span));
        for span in spans {
            wanted.extend([span.start, span.end]);
        }
        for e in &analysis.entities {
            for m in &e.mentions {
                wanted.extend([m.start, m.end]);
            }
        }
        let bytes = ByteOffsets::new(text, unit, wanted);
        let range_of = |span: &Span| -> Option<Range<usize>> {
            let range = bytes.get(span.start)?..bytes.get(span.end)?;
            (text.get(range.clone()) == Some(span.text.as_str())).then_some(range)
        };
        // Quotations only: reported speech (kind `indirect`) is the reporter's wording,
        // which differs from story to story by design; it is not aligned.
        let quotes = analysis
            .quotes
            .iter()
            .map(|q| range_of(&q.span).filter(|_| q.kind != QuoteKind::Indirect))
            .collect();
        // The dateline's date is the filing date and a caption's the photo's: neither
        // states a quantity of the story.
        let asides: Vec<Range<usize>> = analysis
            .dateline
            .iter()
            .map(|d| &d.span)
            .chain(analysis.captions.iter().map(|c| &c.span))
            .filter_map(&range_of)
            .collect();
        let in_story = |span: &Span| {
            range_of(span).filter(|r| !asides.iter().any(|a| a.start <= r.start && r.end <= a.end))
        };
        let figures = analysis.figures.iter().map(|f| in_story(&f.span)).collect();
        let dates = analysis.dates.iter().map(|d| in_story(&d.span)).collect();
        let mut mentions: Vec<(Range<usize>, usize)> = analysis
            .entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m, i)))
            .filter_map(|(m, i)| Some((range_of(m)?, i)))
            .collect();
        mentions.sort_by_key(|(r, _)| (r.start, r.end));
        Story {
            text,
            analysis,
            quotes,
            figures,
            dates,
            mentions,
            converter: OffsetConverter::new(text, unit),
        }
    }

    /// A span of this story over `bytes`, in its analysis's unit.
    fn span(&self, bytes: Range<usize>) -> Span {
        Span {
            text: self.text[bytes.clone()].to_string(),
            start: self.converter.convert(bytes.start),
            end: self.converter.convert(bytes.end),
        }
    }

    /// The entity mentions inside `bytes`, by start.
    fn mentions_in(&self, bytes: Range<usize>) -> &[(Range<usize>, usize)] {
        let from = self
            .mentions
            .partition_point(|(r, _)| r.start < bytes.start);
        let to = self.mentions.partition_point(|(r, _)| r.start < bytes.end);
        &self.mentions[from..to]
    }
}

/// Offsets in an analysis's unit mapped back to bytes: the wanted ones only, found in
/// one walk over the text.
struct ByteOffsets {
    /// Sorted `(offset in the unit, byte offset)`.
    table: Vec<(usize, usize)>,
}

impl ByteOffsets {
    fn new(text: &str, unit: OffsetUnit, mut wanted: Vec<usize>) -> ByteOffsets {
        wanted.sort_unstable();
        wanted.dedup();
        let mut table = Vec::with_capacity(wanted.len());
        if unit == OffsetUnit::Utf8 || text.is_ascii() {
            table.extend(
                wanted
                    .into_iter()
                    .filter(|&w| text.is_char_boundary(w))
                    .map(|w| (w, w)),
            );
            return ByteOffsets { table };
        }
        let mut wanted = wanted.into_iter().peekable();
        let mut at_unit = 0;
        for (byte, c) in text.char_indices().chain([(text.len(), ' ')]) {
            while wanted.next_if(|&w| w < at_unit).is_some() {}
            if wanted.next_if(|&w| w == at_unit).is_some() {
                table.push((at_unit, byte));
            }
            if wanted.peek().is_none() {
                break;
            }
            at_unit += match unit {
                OffsetUnit::Utf16 => c.len_utf16(),
                _ => 1,
            };
        }
        ByteOffsets { table }
    }

    fn get(&self, offset: usize) -> Option<usize> {
        let i = self.table.binary_search_by_key(&offset, |&(u, _)| u).ok()?;
        Some(self.table[i].1)
    }
}
