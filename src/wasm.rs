//! The JavaScript binding: `analyze(text, options?)` returning a plain object.
//!
//! The only place where JS values meet the core: it checks the arguments (a
//! `TypeError` with a clear message on the wrong kind), and serializes the result as
//! plain JSON-compatible objects (not wasm classes, which leak in loops).

use crate::{analyze as analyze_text, CalendarDate, OffsetUnit, Options};
use js_sys::{Object, Reflect, TypeError};
use serde::Serialize;
use wasm_bindgen::prelude::*;

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
