//! The analysis contract, version 1: the result `analyze` returns, as the CLI prints it
//! and as JavaScript receives it. Field names are snake_case everywhere.
//!
//! Inside the crate every `start`/`end` is a UTF-8 byte offset into the input; the last
//! step of `analyze` converts them to the unit the caller asked for (see `offsets`), and
//! `Analysis::offsets` says which unit that is.

use crate::offsets::OffsetUnit;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The version of this contract; bumped on any incompatible change.
pub const CONTRACT_VERSION: u32 = 1;

/// A stretch of the input: slicing the input with `start..end` (in the unit the
/// analysis declares) gives exactly `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span over `doc[range]` (byte offsets, on char boundaries).
    pub(crate) fn new(doc: &str, range: Range<usize>) -> Span {
        Span {
            text: doc[range.clone()].to_string(),
            start: range.start,
            end: range.end,
        }
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub version: u32,
    /// The unit every `start`/`end` counts in.
    pub offsets: OffsetUnit,
    pub headline: Option<Span>,
    /// A web page's summary under the headline, before the byline or the body.
    #[serde(default)]
    pub standfirst: Option<Span>,
    pub byline: Option<Byline>,
    /// Contributor lines: `(Reporting by …; Editing by …)`, `Jane Roe contributed.`
    #[serde(default)]
    pub credits: Vec<Credit>,
    /// Editor's and update notes before the body, e.g. `(ATTN: ...)`, `(Update 1: ...)`.
    pub notes: Vec<Span>,
    pub dateline: Option<Dateline>,
    /// Photo captions (Yonhap's `view larger image ...`, a website's `Photo: ...` or a
    /// line ending `JANE ROE/REUTERS`); never quote sources.
    pub captions: Vec<Caption>,
    /// `(END)`, or a trailing agency sign-off such as `EFE` or `Reuter`.
    pub end_marker: Option<Span>,
    pub emails: Vec<Span>,
    /// A web page's furniture inside the text: advertisement markers, `Read more:`
    /// lines, newsletter prompts, contact lines, timestamps, an author's bio. No
    /// paragraph, quote, entity or date comes from it.
    #[serde(default)]
    pub boilerplate: Vec<Span>,
    /// When the page says the story was published (`Published Jan. 5, 2019 ...`): the
    /// date as written inside that line, with its value.
    #[serde(default)]
    pub published: Option<DateMention>,
    /// The body paragraphs, captions and boilerplate excluded.
    pub paragraphs: Vec<Span>,
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
    pub dates: Vec<DateMention>,
    /// Money, percentages and measured quantities, in story order.
    pub figures: Vec<Figure>,
    /// Matches of the caller's untyped patterns (`Options::patterns`), in text order.
    #[serde(default)]
    pub matches: Vec<PatternMatch>,
    /// How long each stage took, when `Options::timings` asks.
    #[serde(default)]
    pub timings: Option<Timings>,
}

impl Analysis {
    /// Calls `f` on every `(start, end)` pair in the analysis, so that offset conversion
    /// (and span checking) lives in one place and cannot miss a field.
    pub(crate) fn for_each_offset_pair(&mut self, mut f: impl FnMut(&mut usize, &mut usize)) {
        let mut span = |s: &mut Span| f(&mut s.start, &mut s.end);
        if let Some(h) = &mut self.headline {
            span(h);
        }
        if let Some(s) = &mut self.standfirst {
            span(s);
        }
        if let Some(b) = &mut self.byline {
            span(&mut b.span);
        }
        for c in &mut self.credits {
            span(&mut c.span);
        }
        self.notes.iter_mut().for_each(&mut span);
        if let Some(d) = &mut self.dateline {
            span(&mut d.span);
            if let Some(date) = &mut d.date {
                span(&mut date.span);
            }
        }
        for c in &mut self.captions {
            span(&mut c.span);
            if let Some(credit) = &mut c.credit {
                span(credit);
            }
        }
        if let Some(e) = &mut self.end_marker {
            span(e);
        }
        self.emails.iter_mut().for_each(&mut span);
        self.boilerplate.iter_mut().for_each(&mut span);
        if let Some(p) = &mut self.published {
            span(&mut p.span);
        }
        self.paragraphs.iter_mut().for_each(&mut span);
        for q in &mut self.quotes {
            span(&mut q.span);
            if let Some(s) = &mut q.speaker {
                span(&mut s.span);
            }
            if let Some(c) = &mut q.cue {
                span(c);
            }
        }
        for e in &mut self.entities {
            e.mentions.iter_mut().for_each(&mut span);
        }
        for d in &mut self.dates {
            span(&mut d.span);
        }
        for f in &mut self.figures {
            span(&mut f.span);
            span(&mut f.sentence);
        }
        for m in &mut self.matches {
            span(&mut m.span);
            m.groups.iter_mut().flatten().for_each(&mut span);
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Byline {
    #[serde(flatten)]
    pub span: Span,
    /// The people named, e.g. `["Chae Yun-hwan"]` for `By Chae Yun-hwan`.
    pub names: Vec<String>,
    /// The outlet the byline names: `CNN` in `By Jane Roe, CNN`.
    #[serde(default)]
    pub source: Option<String>,
}

/// A photo caption, with its credit when it gives one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Caption {
    #[serde(flatten)]
    pub span: Span,
    /// `JANE ROE/REUTERS`, `AP Photo/Jane Roe`, `The Canadian Press`.
    #[serde(default)]
    pub credit: Option<Span>,
}

/// A contributor line and the people it credits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Credit {
    #[serde(flatten)]
    pub span: Span,
    pub names: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    #[serde(flatten)]
    pub span: Span,
    /// The place part as written: `SEOUL`, `NAIROBI, Kenya`, `ST. PAUL, Minn.`.
    pub location: String,
    /// The place normalized for display: `SEOUL` → `Seoul`.
    pub place: String,
    pub date: Option<DatelineDate>,
    /// The agency: `Yonhap`, `EFE`, `AP`, `Reuters` ...
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatelineDate {
    #[serde(flatten)]
    pub span: Span,
    /// `None` when neither the story nor the caller's reference date gives it.
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A sentence or more of the speaker's words.
    Full,
    /// A phrase inside the reporter's sentence: `a “sacred fight”`.
    Partial,
    /// Reported speech: the content clause of a reporting cue, in the reporter's words
    /// (`Putin said afterwards that there are possibilities …`); it may hold a partial
    /// quote, which keeps its own entry.
    Indirect,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words without the quotation marks.
    #[serde(flatten)]
    pub span: Span,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    /// The reporting verb or phrase: `said`, `told reporters`, `according to`.
    pub cue: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The mention at the attribution as written; it may be `he` or `it`.
    #[serde(flatten)]
    pub span: Span,
    /// The resolved canonical name (the entity's name when there is one).
    pub name: String,
    /// Index into `Analysis::entities`.
    pub entity: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityType {
    Person,
    Organization,
    Location,
    Misc,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical name: the fullest form the story uses.
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Finer type, by type: location `city`, `country`, `region`, `island`, `mountain`,
    /// `water`, `facility`; organization `company`, `agency`, `team`, `party`,
    /// `school`, `media`; misc `event`, `holiday`, `law`, `nationality`, `work`,
    /// `product`.
    pub subtype: Option<String>,
    pub mentions: Vec<Span>,
    /// The other forms the story uses (`KCNA` for `Korean Central News Agency`).
    pub aliases: Vec<String>,
    /// A title or role the story gives: `Foreign Minister`, `North Korean leader`.
    pub role: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    #[serde(flatten)]
    pub span: Span,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `None` when the calendar date is unknown.
    pub value: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// `$44.5 million`, `C$3 billion`, `60 cents a barrel`.
    Money,
    /// `23 per cent`, `0.5%`, `a third of`, `2 percentage points`.
    Percent,
    /// A measured amount: `280 km`, `3,000 tonnes`, `7.5 magnitude`.
    Quantity,
}

/// A figure the story states: `$44.5 million`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    #[serde(flatten)]
    pub span: Span,
    pub kind: FigureKind,
    pub value: FigureValue,
    /// The sentence the figure sits in: what it is about.
    pub sentence: Span,
}

/// A figure's normalized value: `$44.5 million` is `{number: 44500000, scale: 1000000,
/// currency: "USD"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureValue {
    /// The amount with its scale applied; percentages in percent (`a third` is 33.33...).
    #[serde(serialize_with = "serialize_number")]
    pub number: f64,
    /// What the written number was multiplied by: 1000000 for `million`, 0.01 for cents.
    #[serde(serialize_with = "serialize_number")]
    pub scale: f64,
    /// ISO 4217 code for money (`USD`, `CAD`, `KRW`); `None` when the text does not say.
    pub currency: Option<String>,
    /// `%`, `percentage point`, `basis point`, or a unit symbol: `km`, `t`, `°C`, `magnitude`.
    pub unit: Option<String>,
    /// What a rate is per: `barrel` in `60 cents a barrel`, `share`, `year`.
    pub per: Option<String>,
}

/// A whole number as a JSON integer (`44500000`, not serde_json's `44500000.0`), so the
/// CLI prints what JavaScript does.
fn serialize_number<S: serde::Serializer>(number: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every integer below is exact
    if number.fract() == 0.0 && number.abs() < EXACT {
        serializer.serialize_i64(*number as i64)
    } else {
        serializer.serialize_f64(*number)
    }
}

/// A match of one of the caller's patterns without a type: `HB 1234` for `{label: "bill",
/// regex: "HB (\\d+)"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PatternMatch {
    #[serde(flatten)]
    pub span: Span,
    /// The pattern's label.
    pub label: String,
    /// The regex's capture groups 1, 2, ...; `None` for a group that took no part.
    pub groups: Vec<Option<Span>>,
}

/// Milliseconds each stage of one analysis took, and in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timings {
    pub total_ms: f64,
    /// In pipeline order: `text`, `anatomy`, `entities`, ...
    pub stages: Vec<StageTiming>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageTiming {
    pub stage: String,
    pub ms: f64,
}
