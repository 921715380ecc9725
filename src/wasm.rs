//! The JavaScript binding: `analyze(text, options?)` returning a plain object.
//!
//! The only place where JS values meet the core: it checks the arguments (a
//! `TypeError` with a clear message on the wrong kind), and serializes the result as
//! plain JSON-compatible objects (not wasm classes, which leak in loops).

use crate::{analyze as analyze_text, CalendarDate, OffsetUnit, Options};
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

/** `By Chae Yun-hwan`: the line, and the people it names. */
export interface Byline extends Span {
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

/** `full`: a sentence or more of the speaker's words; `partial`: a phrase inside the reporter's sentence. */
export type QuoteKind = "full" | "partial";

/** The quoted words, without the quotation marks. */
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
  /** Finer type: `country`, `city`, `region`, `facility`, `agency`, `nationality` ... */
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
  byline: Byline | null;
  /** Editor's and update notes before the body: `(ATTN: ...)`, `(Update 1: ...)`. */
  notes: Span[];
  dateline: Dateline | null;
  captions: Span[];
  /** `(END)`, or a trailing agency sign-off such as `EFE`. */
  end_marker: Span | null;
  emails: Span[];
  /** The body paragraphs, captions excluded. */
  paragraphs: Span[];
  quotes: Quote[];
  entities: Entity[];
  dates: DateMention[];
  /** Money, percentages and measured quantities, in text order. */
  figures: Figure[];
}

export interface AnalyzeOptions {
  /** The unit of every `start`/`end` in the result; `"utf16"` (JavaScript strings) by default. */
  offsets?: OffsetUnit;
  /** `"YYYY-MM-DD"`: resolves `Thursday` or a year-less dateline. */
  reference_date?: string | null;
}

/**
 * Analyzes one article. Never fails on a string; throws a `TypeError` when `text` is not
 * a string or `options` is not an `AnalyzeOptions`.
 */
export function analyze(text: string, options?: AnalyzeOptions | null): Analysis;
"#;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Analyzes one article. `options`: `{ offsets?: "utf16" | "utf8" | "chars",
/// reference_date?: "YYYY-MM-DD" }`.
#[wasm_bindgen(js_name = analyze, skip_typescript)]
pub fn analyze(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    // A JS string with a lone surrogate arrives with U+FFFD in its place: one UTF-16
    // unit for one, so offsets still line up with the caller's string.
    let Some(text) = text.as_string() else {
        return Err(type_error(format!(
            "analyze: text must be a string, got {}",
            describe(&text)
        )));
    };
    let options = read_options(&options)?;
    let analysis = analyze_text(&text, &options);
    analysis
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| type_error(format!("analyze: cannot build the result: {e}")))
}

fn read_options(value: &JsValue) -> Result<Options, JsValue> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(type_error(format!(
            "analyze: options must be an object, got {}",
            describe(value)
        )));
    }
    let object: &Object = value.unchecked_ref();
    for key in Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        let field = Reflect::get(object, &JsValue::from_str(&key)).unwrap_or(JsValue::UNDEFINED);
        if field.is_undefined() || field.is_null() {
            continue;
        }
        match key.as_str() {
            "offsets" => {
                let unit = field.as_string().ok_or_else(|| {
                    type_error(
                        "analyze: options.offsets must be \"utf16\", \"utf8\" or \"chars\"".into(),
                    )
                })?;
                options.offsets = unit
                    .parse::<OffsetUnit>()
                    .map_err(|e| type_error(format!("analyze: options.offsets: {e}")))?;
            }
            "reference_date" => {
                let date = field.as_string().ok_or_else(|| {
                    type_error(
                        "analyze: options.reference_date must be a string \"YYYY-MM-DD\"".into(),
                    )
                })?;
                options.reference_date =
                    Some(date.parse::<CalendarDate>().map_err(|e| {
                        type_error(format!("analyze: options.reference_date: {e}"))
                    })?);
            }
            other => {
                return Err(type_error(format!(
                    "analyze: unknown option {other:?} (known: offsets, reference_date)"
                )))
            }
        }
    }
    Ok(options)
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
