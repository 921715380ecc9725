//! The JavaScript binding: `analyze(text, options?)` and `compare(stories)`, returning
//! plain objects.
//!
//! The only place where JS values meet the core: it checks the arguments (a
//! `TypeError` with a clear message on the wrong kind), and serializes the result as
//! plain JSON-compatible objects (not wasm classes, which leak in loops).

#[cfg(feature = "full")]
use crate::compare as compare_stories;
use crate::options::{Field, PatternList, RawOptions, PATTERN_FIELDS};
use crate::{Analysis, Analyzer, Options, Stage};
use js_sys::{Object, Reflect, TypeError};
use serde::Serialize;
use wasm_bindgen::prelude::*;

// The result's TypeScript types, by hand: they mirror `src/analysis.rs` field by field
// (snake_case, `Option` as `| null`); `tests/node/package.test.mjs` checks that they
// declare exactly the fields the result carries, so the two cannot drift apart silently.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** The unit every `start`/`end` of a result counts in. */
export type OffsetUnit = "utf16" | "utf8" | "chars";

/** A stretch of the input: `text.slice(start, end) === span.text` (in UTF-16, the default unit). */
export interface Span {
  text: string;
  start: number;
  end: number;
}

/** `By Chae Yun-hwan`, `By Jane Roe, CNN`: the line, the people it names and the outlet. */
export interface Byline extends Span {
  names: string[];
  /** The outlet the byline names: `CNN`, `The Associated Press`; `null` when none. */
  source: string | null;
}

/** A photo caption; `credit` is `JANE ROE/REUTERS`, `AP Photo/Jane Roe` ... when it gives one. */
export interface Caption extends Span {
  credit: Span | null;
}

/** A contributor line (`(Reporting by ...; Editing by ...)`, `... contributed.`) and its people. */
export interface Credit extends Span {
  names: string[];
}

/** `SEOUL, Sept. 14 (Yonhap) --`: where, when and by whom the story was filed. */
export interface Dateline extends Span {
  /** The place part as written: `SEOUL`, `NAIROBI, Kenya`. */
  location: string;
  /** The place normalized for display: `Seoul`. */
  place: string;
  date: DatelineDate | null;
  /** The agency: `Yonhap`, `EFE`, `AP`, `Reuters` ... */
  source: string | null;
}

export interface DatelineDate extends Span {
  /** `null` when neither the story nor `reference_date` gives it. */
  year: number | null;
  month: number;
  day: number;
}

/** `full`: a sentence or more of the speaker's words; `partial`: a phrase inside the reporter's sentence; `indirect`: reported speech, the content clause of a reporting cue in the reporter's words (it may hold a `partial` quote, which keeps its own entry). */
export type QuoteKind = "full" | "partial" | "indirect";

/** The quoted words, without the quotation marks (`indirect`: the reported clause). */
export interface Quote extends Span {
  kind: QuoteKind;
  speaker: Speaker | null;
  /** The reporting verb or phrase: `said`, `told reporters`, `according to`. */
  cue: Span | null;
}

/** The mention at the attribution as written (it may be `he`). */
export interface Speaker extends Span {
  /** The resolved canonical name. */
  name: string;
  /** Index into `Analysis.entities`. */
  entity: number | null;
}

export type EntityType = "person" | "organization" | "location" | "misc";

export interface Entity {
  /** Canonical name: the fullest form the story uses. */
  name: string;
  type: EntityType;
  /**
   * Finer type, by `type`: location `city`, `country`, `region`, `island`, `mountain`,
   * `water`, `facility`; organization `company`, `agency`, `team`, `party`, `school`,
   * `media`; misc `event`, `holiday`, `law`, `nationality`, `work`, `product`; `null` when nothing says.
   */
  subtype: string | null;
  mentions: Span[];
  /** The other forms the story uses (`KCNA` for `Korean Central News Agency`). */
  aliases: string[];
  /** A title or role the story gives: `Foreign Minister`, `North Korean leader`. */
  role: string | null;
}

export interface DateMention extends Span {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `null` when the calendar date is unknown. */
  value: string | null;
}

/** `money`: `$44.5 million`; `percent`: `23 per cent`, `a third`; `quantity`: `280 km`. */
export type FigureKind = "money" | "percent" | "quantity";

/** A figure the story states, with its normalized value and its sentence. */
export interface Figure extends Span {
  kind: FigureKind;
  value: FigureValue;
  /** The sentence the figure sits in: what it is about. */
  sentence: Span;
}

/** `$44.5 million` is `{number: 44500000, scale: 1000000, currency: "USD", unit: null, per: null}`. */
export interface FigureValue {
  /** The amount with its scale applied; percentages in percent. */
  number: number;
  /** What the written number was multiplied by: 1000000 for `million`, 0.01 for cents. */
  scale: number;
  /** ISO 4217 code for money (`USD`, `CAD`, `KRW`); `null` when the text does not say. */
  currency: string | null;
  /** `%`, `percentage point`, `basis point`, or a unit symbol: `km`, `t`, `°C`, `magnitude`. */
  unit: string | null;
  /** What a rate is per: `barrel` in `60 cents a barrel`, `share`, `year`. */
  per: string | null;
}

/** The analysis contract, version 1 (see SCHEMA.md). */
export interface Analysis {
  version: 1;
  offsets: OffsetUnit;
  headline: Span | null;
  /** A web page's summary under the headline. */
  standfirst: Span | null;
  byline: Byline | null;
  /** Contributor lines; never quotes, speakers or entities. */
  credits: Credit[];
  /** Editor's and update notes before the body: `(ATTN: ...)`, `(Update 1: ...)`. */
  notes: Span[];
  dateline: Dateline | null;
  captions: Caption[];
  /** `(END)`, or a trailing agency sign-off such as `EFE`. */
  end_marker: Span | null;
  emails: Span[];
  /** A web page's furniture: ad markers, `Read more:` lines, prompts, timestamps, an author's bio. */
  boilerplate: Span[];
  /** The date of the page's timestamp (`Published Jan. 5, 2019 ...`). */
  published: DateMention | null;
  /** The body paragraphs; captions, credits and boilerplate excluded. */
  paragraphs: Span[];
  quotes: Quote[];
  entities: Entity[];
  dates: DateMention[];
  /** Money, percentages and measured quantities, in text order. */
  figures: Figure[];
  /** Matches of `options.patterns` without a `type`, in text order. */
  matches: PatternMatch[];
  /** How long each stage took, when `options.timings` asks; else `null`. */
  timings: Timings | null;
}

/** A match of a pattern without a type. */
export interface PatternMatch extends Span {
  /** The pattern's label. */
  label: string;
  /** The regex's capture groups 1, 2, ...; `null` for a group that took no part. */
  groups: (Span | null)[];
}

/** Milliseconds per stage (in pipeline order) and in all. */
export interface Timings {
  total_ms: number;
  stages: StageTiming[];
}

export interface StageTiming {
  /** `text`, `anatomy`, `patterns`, `entities`, `quotes`, `dates`, `figures`, `offsets`. */
  stage: string;
  ms: number;
}

/**
 * One of your own patterns: a regex (the Rust `regex` crate's syntax: linear time, no
 * look-around or backreferences) or phrases matched as whole words. With a `type` its
 * matches are entities of that type (joining the story's other mentions); without one
 * they are `matches`.
 */
export interface Pattern {
  label: string;
  regex?: string | null;
  phrases?: string[] | null;
  /** Phrases match case-blind unless this is true. */
  case_sensitive?: boolean;
  type?: EntityType | null;
  /** The entities' subtype; needs a `type`. */
  subtype?: string | null;
}

export interface AnalyzeOptions {
  /** The unit of every `start`/`end` in the result; `"utf16"` (JavaScript strings) by default. */
  offsets?: OffsetUnit;
  /** `"YYYY-MM-DD"`: resolves `Thursday` or a year-less dateline. */
  reference_date?: string | null;
  /** Your own patterns (at most 100). With `analyze`, compiled on every call: use `createAnalyzer`. */
  patterns?: Pattern[] | null;
  /** Fill `timings`, and mark each stage with `performance.mark`/`measure` (`article-analyzer:STAGE`). */
  timings?: boolean | null;
}

/**
 * Analyzes one article. Never fails on a string; throws a `TypeError` when `text` is not
 * a string or `options` is not an `AnalyzeOptions`.
 */
export function analyze(text: string, options?: AnalyzeOptions | null): Analysis;

/** Options checked and patterns compiled once, for many texts. */
export interface CompiledAnalyzer {
  /** Analyzes one article with the analyzer's options; throws only when `text` is not a string. */
  analyze(text: string): Analysis;
  /** Frees the compiled patterns now (else the garbage collector does). */
  free(): void;
}

/** Checks `options` and compiles their patterns once; throws a `TypeError` as `analyze` does. */
export function createAnalyzer(options?: AnalyzeOptions | null): CompiledAnalyzer;

/** A story to compare: its text and the analysis `analyze` gave for it. */
export interface StoryToCompare {
  text: string;
  analysis: Analysis;
}

export interface StorySummary {
  /** The unit of this story's spans (its analysis's `offsets`). */
  offsets: OffsetUnit;
  /** The dateline's agency: `Yonhap`, `EFE`. */
  source: string | null;
  headline: string | null;
}

/** One real-world entity across the stories. */
export interface SharedEntity {
  /** The longest of the stories' names for it. */
  name: string;
  type: EntityType;
  subtype: string | null;
  /** Every other name and alias the stories use. */
  aliases: string[];
  /** The stories naming it, in story order. */
  stories: EntityInStory[];
}

export interface EntityInStory {
  story: number;
  /** Indices into that story's `entities` (usually one). */
  entities: number[];
  mentions: number;
  /** How many of that story's quotes it speaks. */
  quoted: number;
}

/** One statement as several stories report it. */
export interface AlignedQuote {
  speaker: string | null;
  /** Index into `Comparison.entities`. */
  speaker_entity: number | null;
  /** One per story carrying it, in story order; the first is the reference. */
  versions: QuoteVersion[];
}

export interface QuoteVersion {
  story: number;
  /** Indices into that story's `quotes`, in text order. */
  quotes: number[];
  speaker: string | null;
  speaker_entity: number | null;
  /** Where its words differ from the first version's; empty for the first. */
  changes: Change[];
}

/** Words the reference (first) version has there, and words this version has; one side may be empty. */
export interface Change {
  /** Spans of the reference version's story. */
  reference: Span[];
  /** Spans of this version's story. */
  version: Span[];
}

/** One quantity (or date) as several stories state it. */
export interface SharedFigure {
  /** `money`, `percent`, `quantity` or `date`. */
  kind: string;
  /** Whether the stories give it different values. */
  differs: boolean;
  /** The words around it that every version has. */
  about: string[];
  /** One per figure (or date) stating it, in story order. */
  versions: FigureVersion[];
}

/** A figure or date as one story writes it. */
export interface FigureVersion extends Span {
  story: number;
  /** Index into that story's `figures` (or `dates`). */
  index: number;
  /** `44500000 USD`, `2023-09-13`. */
  value: string;
}

/** What one story alone has. */
export interface OnlyIn {
  story: number;
  /** Indices into `Comparison.entities`. */
  entities: number[];
  /** Indices into the story's `quotes`. */
  quotes: number[];
  /** Indices into the story's `figures`. */
  figures: number[];
}

/** The comparison contract, version 1 (see SCHEMA.md). */
export interface Comparison {
  version: 1;
  stories: StorySummary[];
  entities: SharedEntity[];
  quotes: AlignedQuote[];
  figures: SharedFigure[];
  dates: SharedFigure[];
  only_in: OnlyIn[];
}

/**
 * Compares several stories on one event, each with the analysis `analyze` gave for it.
 * Throws a `TypeError` when `stories` is not an array of `{text, analysis}`.
 */
export function compare(stories: StoryToCompare[]): Comparison;
"#;

/// Analyzes one article. `options`: `{ offsets?: "utf16" | "utf8" | "chars",
/// reference_date?: "YYYY-MM-DD" }`.
#[wasm_bindgen(js_name = analyze, skip_typescript)]
pub fn analyze(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    analyze_reporting(text, options, |_, _| {})
}

/// `analyze` for the package's worker: calls `on_progress(stage, fraction)` as each
/// stage starts, `fraction` being the share of the work done before it (measured on
/// long texts; see `share_before`). Not in the package's public API.
#[wasm_bindgen(js_name = analyzeWithProgress, skip_typescript)]
pub fn analyze_with_progress(
    text: JsValue,
    options: JsValue,
    on_progress: &js_sys::Function,
) -> Result<JsValue, JsValue> {
    analyze_reporting(text, options, |stage, fraction| {
        // A throwing callback must not abort the analysis; the worker's own is plain.
        let _ = on_progress.call2(
            &JsValue::NULL,
            &JsValue::from_str(stage),
            &JsValue::from_f64(fraction),
        );
    })
}

/// Options checked and patterns compiled once. A class only because it holds the
/// compiled patterns; what `analyze` returns is a plain object.
#[wasm_bindgen(skip_typescript)]
pub struct CompiledAnalyzer {
    analyzer: Analyzer,
}

#[wasm_bindgen]
impl CompiledAnalyzer {
    pub fn analyze(&self, text: JsValue) -> Result<JsValue, JsValue> {
        let text = read_text("analyze", &text)?;
        to_js("analyze", &self.analyzer.analyze(&text))
    }
}

/// `createAnalyzer(options?)`: checks the options and compiles their patterns once.
#[wasm_bindgen(js_name = createAnalyzer, skip_typescript)]
pub fn create_analyzer(options: JsValue) -> Result<CompiledAnalyzer, JsValue> {
    let analyzer = build_analyzer("createAnalyzer", &options)?;
    Ok(CompiledAnalyzer { analyzer })
}

fn read_text(function: &str, text: &JsValue) -> Result<String, JsValue> {
    // A JS string with a lone surrogate arrives with U+FFFD in its place: one UTF-16
    // unit for one, so offsets still line up with the caller's string.
    text.as_string().ok_or_else(|| {
        type_error(format!(
            "{function}: text must be a string, got {}",
            describe(text)
        ))
    })
}

fn build_analyzer(function: &str, options: &JsValue) -> Result<Analyzer, JsValue> {
    let options = read_options(function, options)?;
    Analyzer::new(options).map_err(|e| type_error(format!("{function}: {e}")))
}

fn to_js(function: &str, analysis: &Analysis) -> Result<JsValue, JsValue> {
    analysis
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| type_error(format!("{function}: cannot build the result: {e}")))
}

fn analyze_reporting(
    text: JsValue,
    options: JsValue,
    mut report: impl FnMut(&str, f64),
) -> Result<JsValue, JsValue> {
    // A Rust panic, which should never happen, then says what went wrong in the console
    // before the trap. Set here rather than in a `start` function, which wasm-bindgen
    // would export as the package's undocumented `start()`.
    console_error_panic_hook::set_once();
    // A JS string with a lone surrogate arrives with U+FFFD in its place: one UTF-16
    // unit for one, so offsets still line up with the caller's string.
    let Some(text) = text.as_string() else {
        return Err(type_error(format!(
            "analyze: text must be a string, got {}",
            describe(&text)
        )));
    };
    let analyzer = build_analyzer("analyze", &options)?;
    let analysis = analyzer.analyze_reporting(&text, |stage| {
        report(stage_name(stage), share_before(Some(stage)))
    });
    report("result", share_before(None));
    analysis
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| type_error(format!("analyze: cannot build the result: {e}")))
}

fn stage_name(stage: Stage) -> &'static str {
    match stage {
        Stage::Text => "text",
        Stage::Anatomy => "anatomy",
        Stage::Entities => "entities",
        Stage::Quotes => "quotes",
        Stage::Dates => "dates",
        Stage::Figures => "figures",
        Stage::Offsets => "offsets",
    }
}

/// The share of the whole work done before `stage` starts (`None`: building the JS
/// result, the last step). Measured in Node on the bench stories and seeds repeated to
/// 10 MB (wasm build, three runs): text 6.3%, anatomy 1.6%, entities 28.9%, quotes
/// 13.6%, dates 8.9%, figures 17.2%, offsets 2.7%, the JS result 20.8%.
fn share_before(stage: Option<Stage>) -> f64 {
    match stage {
        Some(Stage::Text) => 0.0,
        Some(Stage::Anatomy) => 0.06,
        Some(Stage::Entities) => 0.08,
        Some(Stage::Quotes) => 0.37,
        Some(Stage::Dates) => 0.50,
        Some(Stage::Figures) => 0.59,
        Some(Stage::Offsets) => 0.76,
        None => 0.79,
    }
}

/// Compares stories on one event: `stories` is `[{text, analysis}, ...]`, each analysis
/// as `analyze` returned it.
/// In the full module only (the cargo feature `full`): it costs the first 78 KiB.
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = compare, skip_typescript)]
pub fn compare(stories: JsValue) -> Result<JsValue, JsValue> {
    if !js_sys::Array::is_array(&stories) {
        return Err(type_error(format!(
            "compare: stories must be an array of {{text, analysis}}, got {}",
            describe(&stories)
        )));
    }
    let list: &js_sys::Array = stories.unchecked_ref();
    let mut texts = Vec::with_capacity(list.length() as usize);
    let mut analyses = Vec::with_capacity(list.length() as usize);
    for (i, story) in list.iter().enumerate() {
        let field = |name: &str| Reflect::get(&story, &JsValue::from_str(name)).ok();
        let text = field("text")
            .and_then(|t| t.as_string())
            .ok_or_else(|| type_error(format!("compare: stories[{i}].text must be a string")))?;
        let analysis: Analysis = field("analysis")
            .filter(|a| a.is_object())
            .ok_or_else(|| format!("got {}", describe(&field("analysis").unwrap_or_default())))
            .and_then(|a| serde_wasm_bindgen::from_value(a).map_err(|e| e.to_string()))
            .map_err(|e| {
                type_error(format!(
                    "compare: stories[{i}].analysis must be an analysis from analyze(): {e}"
                ))
            })?;
        texts.push(text);
        analyses.push(analysis);
    }
    let pairs: Vec<(&str, &Analysis)> = texts.iter().map(String::as_str).zip(&analyses).collect();
    compare_stories(&pairs)
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| type_error(format!("compare: cannot build the result: {e}")))
}

/// The JS side of option checking: `null`/`undefined` mean none, anything but a plain
/// object is refused here (naming what it is), and each value goes through
/// serde-wasm-bindgen to `RawOptions`, which checks them (`src/options.rs`).
fn read_options(function: &str, value: &JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(type_error(format!(
            "{function}: options must be an object, got {}",
            describe(value)
        )));
    }
    let object: &Object = value.unchecked_ref();
    let fields = Object::keys(object)
        .iter()
        .map(|key| {
            let value = Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
            let key = key.as_string().unwrap_or_default();
            let field = if key == "patterns" && !(value.is_undefined() || value.is_null()) {
                read_patterns(&value)
            } else {
                // A value with no serde form (a function, a symbol) is no option's kind.
                serde_wasm_bindgen::from_value(value).unwrap_or(Field::Other)
            };
            (key, field)
        })
        .collect();
    RawOptions::from_fields(fields)
        .into_options()
        .map_err(|e| type_error(format!("{function}: {e}")))
}

/// `options.patterns`: an array of plain objects with known keys only (serde-wasm-bindgen
/// reads the fields a struct knows and never sees the others, so a misspelt `regexp`
/// is caught here).
fn read_patterns(value: &JsValue) -> Field {
    if !js_sys::Array::is_array(value) {
        return Field::Other;
    }
    let array: &js_sys::Array = value.unchecked_ref();
    for (index, item) in array.iter().enumerate() {
        if !item.is_object() || js_sys::Array::is_array(&item) {
            return Field::BadPatterns(format!(
                "[{index}] must be an object, got {}",
                describe(&item)
            ));
        }
        for key in Object::keys(item.unchecked_ref::<Object>()).iter() {
            let key = key.as_string().unwrap_or_default();
            if !PATTERN_FIELDS.contains(&key.as_str()) {
                return Field::BadPatterns(format!(
                    "[{index}]: unknown field `{key}`, expected one of {}",
                    PATTERN_FIELDS.join(", ")
                ));
            }
        }
    }
    match serde_wasm_bindgen::from_value::<PatternList>(value.clone()) {
        Ok(list) => Field::Patterns(list.0),
        Err(e) => Field::BadPatterns(e.to_string()),
    }
}

fn type_error(message: String) -> JsValue {
    TypeError::new(&message).into()
}

fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".into()
    } else if value.is_null() {
        "null".into()
    } else if let Some(n) = value.as_f64() {
        format!("number {n}")
    } else if value.as_bool().is_some() {
        "a boolean".into()
    } else if js_sys::Array::is_array(value) {
        "an array".into()
    } else {
        value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "a value".into())
    }
}
