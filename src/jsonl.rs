//! (A module of the command-line binary, not of the library.)
//!
//! The JSON-lines contract of the CLI: one `{"id", "text", "reference_date"?}` object
//! in, one `{"id", "analysis"}` or `{"id", "error"}` object out, for every line.
//!
//! A bad line never stops the stream: it becomes an error line with its id (when one
//! could be read) so the output stays aligned with the input.

use article_analyzer::{Analysis, Analyzer, CalendarDate};
use serde::Serialize;
use serde_json::{json, Value};

/// Analyzes one input line and returns the output line (without its newline).
/// `analyzer` has the offset unit, the patterns, and the reference date used when a
/// line has none.
pub fn process_line(line: &[u8], analyzer: &Analyzer) -> String {
    let (id, result) = match read_request(line, analyzer) {
        // `analyze` is meant never to panic; if it does, the line still gets an answer.
        Ok((id, text, analyzer)) => match std::panic::catch_unwind(|| analyzer.analyze(&text)) {
            Ok(analysis) => (id, Ok(analysis)),
            Err(_) => (
                id,
                Err("internal error while analyzing this text (please report it)".to_string()),
            ),
        },
        Err((id, message)) => (id, Err(message)),
    };
    // Written straight from the analysis (no `serde_json::Value` in between, which
    // tripled the cost of a line), `id` first.
    let row = match &result {
        Ok(analysis) => serde_json::to_string(&Row {
            id: &id,
            analysis: Some(analysis),
            error: None,
        }),
        Err(message) => serde_json::to_string(&Row {
            id: &id,
            analysis: None,
            error: Some(message),
        }),
    };
    row.unwrap_or_else(|e| {
        json!({ "id": id, "error": format!("cannot write the result: {e}") }).to_string()
    })
}

/// One output line: `{"id", "analysis"}` or `{"id", "error"}`.
#[derive(Serialize)]
struct Row<'a> {
    id: &'a Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    analysis: Option<&'a Analysis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

type Request = (Value, String, Analyzer);

fn read_request(line: &[u8], defaults: &Analyzer) -> Result<Request, (Value, String)> {
    let line = std::str::from_utf8(line)
        .map_err(|e| (Value::Null, format!("line is not valid UTF-8: {e}")))?;
    let value: Value = serde_json::from_str(line)
        .map_err(|e| (salvage_id(line), format!("line is not valid JSON: {e}")))?;
    let Value::Object(mut object) = value else {
        return Err((Value::Null, "line is not a JSON object".to_string()));
    };
    let id = object.remove("id").unwrap_or(Value::Null);
    let text = match object.remove("text") {
        Some(Value::String(text)) => text,
        Some(_) => return Err((id, "\"text\" must be a string".to_string())),
        None => return Err((id, "missing \"text\"".to_string())),
    };
    let mut analyzer = defaults.clone();
    match object.remove("reference_date") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) => match s.parse::<CalendarDate>() {
            Ok(date) => analyzer = defaults.with_reference_date(Some(date)),
            Err(message) => return Err((id, format!("\"reference_date\": {message}"))),
        },
        Some(_) => {
            return Err((
                id,
                "\"reference_date\" must be a string YYYY-MM-DD".to_string(),
            ))
        }
    }
    Ok((id, text, analyzer))
}

/// The id of a line that failed to parse only because a string holds a lone surrogate
/// (`"\ud800"`, valid in JavaScript, not in Unicode text), so its error keeps its id.
fn salvage_id(line: &str) -> Value {
    if !line.contains("\\u") {
        return Value::Null;
    }
    let mut tamed = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("\\u") {
        let (before, escape) = rest.split_at(at);
        tamed.push_str(before);
        let hex = escape.get(2..6).unwrap_or("");
        let surrogate = u16::from_str_radix(hex, 16).is_ok_and(|u| (0xd800..0xe000).contains(&u));
        let taken = if surrogate { 6 } else { 2 };
        tamed.push_str(if surrogate { "\\ufffd" } else { &escape[..2] });
        rest = &escape[taken..];
    }
    tamed.push_str(rest);
    serde_json::from_str::<Value>(&tamed)
        .ok()
        .and_then(|mut v| v.get_mut("id").map(Value::take))
        .unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: &str) -> Value {
        serde_json::from_str(&process_line(line.as_bytes(), &Analyzer::default())).unwrap()
    }

    #[test]
    fn answers_every_line() {
        assert_eq!(row(r#"{"id": 7, "text": "Hi."}"#)["analysis"]["version"], 1);
        assert!(row("not json")["error"]
            .as_str()
            .unwrap()
            .contains("not valid JSON"));
        assert_eq!(row(r#"{"id": "a"}"#)["id"], "a");
        assert!(row(r#"{"id": "a"}"#)["error"]
            .as_str()
            .unwrap()
            .contains("missing"));
        assert!(row(r#"{"id": 1, "text": "\ud800"}"#)["error"].is_string());
        assert_eq!(row(r#"{"id": 1, "text": "a\ud800\\u0041"}"#)["id"], 1);
        assert!(row(r#"{"id": 1, "text": "x", "reference_date": "soon"}"#)["error"].is_string());
        assert!(row("[1]")["error"].is_string());
    }

    #[test]
    fn rejects_invalid_utf8() {
        let out: Value =
            serde_json::from_str(&process_line(b"{\"text\": \"\xff\"}", &Analyzer::default()))
                .unwrap();
        assert!(out["error"].as_str().unwrap().contains("UTF-8"));
    }
}
