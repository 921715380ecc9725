//! The options of `analyze` as a JavaScript or JSON caller writes them
//! (`{offsets: "utf8", reference_date: "2023-09-14"}`), checked into [`Options`] with one
//! clear error per mistake.
//!
//! It knows no JS types, so the wasm binding (`src/wasm.rs`, which reads each value
//! through serde-wasm-bindgen) and native code (through serde_json, as the fuzz target
//! `fuzz/fuzz_targets/options.rs` does) share one checker, and it is tested natively.
//!
//! The rules, as the JavaScript package has always had them: a key whose value is
//! `null` or `undefined` is left out; any other key `analyze` does not know is an error
//! (a misspelt option must not pass silently); the first problem in the caller's key
//! order is the one reported.
//!
//! To add an option: a name in [`KNOWN`], a field in [`Options`], an arm in
//! [`RawOptions::into_options`], a line in the TypeScript `AnalyzeOptions` of
//! `src/wasm.rs`, and a case in the tests below.

use crate::{CalendarDate, OffsetUnit, Options, Pattern};
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The option names `analyze` knows, in the order its error message lists them.
pub const KNOWN: &[&str] = &["offsets", "reference_date", "patterns", "timings"];

/// The options as given: every key with its value, in the caller's order, unchecked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawOptions {
    fields: Vec<(String, Field)>,
}

/// One option's value as given, reduced to the kinds some option takes; everything
/// else (numbers, booleans, arrays, objects) is `Other`. An option that takes another
/// kind (a flag) adds its variant here and in `FieldVisitor`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Field {
    /// `null` or `undefined`: the option is left out.
    Absent,
    Text(String),
    Flag(bool),
    /// The value of `patterns`, read as a list of patterns ([`PatternList`]).
    Patterns(Vec<Pattern>),
    /// The value of `patterns` when it is no list of patterns: why (the wasm binding
    /// reads each option itself; serde_json stops at the error instead).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    BadPatterns(String),
    Other,
}

/// The fields of one pattern, as `Pattern` (de)serializes them.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) const PATTERN_FIELDS: &[&str] = &[
    "label",
    "regex",
    "phrases",
    "case_sensitive",
    "type",
    "subtype",
];

/// The value of `patterns`: a list of `{label, regex | phrases, type?, subtype?,
/// case_sensitive?}`. A wrong item is named by its index: `[1]: unknown field
/// `regexp`, expected one of ...`.
pub(crate) struct PatternList(pub Vec<Pattern>);

impl<'de> Deserialize<'de> for PatternList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor;
        impl<'de> Visitor<'de> for ListVisitor {
            type Value = PatternList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of patterns")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<PatternList, A::Error> {
                let mut patterns = Vec::new();
                loop {
                    let index = patterns.len();
                    match seq.next_element::<Pattern>() {
                        Ok(Some(pattern)) => patterns.push(pattern),
                        Ok(None) => return Ok(PatternList(patterns)),
                        Err(e) => return Err(de::Error::custom(format!("[{index}]: {e}"))),
                    }
                }
            }
        }
        deserializer.deserialize_seq(ListVisitor)
    }
}

/// Why options were refused. Its `Display` is the message the caller sees (the wasm
/// binding puts `analyze: ` before it and throws it as a `TypeError`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum OptionsError {
    /// A key `analyze` does not know, with a value that is not `null`.
    Unknown(String),
    /// A known option whose value is not of the kind it takes: `expected` says which.
    WrongKind {
        option: &'static str,
        expected: &'static str,
    },
    /// A known option of the right kind whose value does not parse.
    BadValue {
        option: &'static str,
        reason: String,
    },
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionsError::Unknown(key) => {
                write!(f, "unknown option {key:?} (known: {})", KNOWN.join(", "))
            }
            OptionsError::WrongKind { option, expected } => {
                write!(f, "options.{option} must be {expected}")
            }
            OptionsError::BadValue { option, reason } => write!(f, "options.{option}: {reason}"),
        }
    }
}

impl std::error::Error for OptionsError {}

impl RawOptions {
    /// The options of a binding that walks the caller's object itself, key by key.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn from_fields(fields: Vec<(String, Field)>) -> RawOptions {
        RawOptions { fields }
    }

    /// Checks every field in the caller's order and returns the options, or the first
    /// problem found.
    pub fn into_options(self) -> Result<Options, OptionsError> {
        let mut options = Options::default();
        for (key, value) in self.fields {
            let (text, flag) = match &value {
                Field::Absent => continue,
                Field::Text(text) => (Some(text.clone()), None),
                Field::Flag(flag) => (None, Some(*flag)),
                _ => (None, None),
            };
            match key.as_str() {
                "patterns" => match value {
                    Field::Patterns(patterns) => options.patterns = patterns,
                    Field::BadPatterns(reason) => {
                        return Err(OptionsError::BadValue {
                            option: "patterns",
                            reason,
                        })
                    }
                    _ => {
                        return Err(OptionsError::WrongKind {
                            option: "patterns",
                            expected: "a list of {label, regex or phrases} objects",
                        })
                    }
                },
                "timings" => {
                    options.timings = flag.ok_or(OptionsError::WrongKind {
                        option: "timings",
                        expected: "true or false",
                    })?;
                }
                "offsets" => {
                    let unit = text.ok_or(OptionsError::WrongKind {
                        option: "offsets",
                        expected: r#""utf16", "utf8" or "chars""#,
                    })?;
                    options.offsets =
                        unit.parse::<OffsetUnit>()
                            .map_err(|reason| OptionsError::BadValue {
                                option: "offsets",
                                reason,
                            })?;
                }
                "reference_date" => {
                    let date = text.ok_or(OptionsError::WrongKind {
                        option: "reference_date",
                        expected: r#"a string "YYYY-MM-DD""#,
                    })?;
                    let date =
                        date.parse::<CalendarDate>()
                            .map_err(|reason| OptionsError::BadValue {
                                option: "reference_date",
                                reason,
                            })?;
                    options.reference_date = Some(date);
                }
                _ => return Err(OptionsError::Unknown(key)),
            }
        }
        Ok(options)
    }
}

/// From a map (a JSON object): keys in order, each value read as a [`Field`].
impl<'de> Deserialize<'de> for RawOptions {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor;
        impl<'de> Visitor<'de> for MapVisitor {
            type Value = RawOptions;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of options")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawOptions, A::Error> {
                let mut fields = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let field = if key == "patterns" {
                        // `null` leaves it out, like any option. A value that is no list
                        // of patterns refuses the whole object (a reader cannot go on
                        // after a wrong value), naming the option and the item.
                        let list = map.next_value::<Option<PatternList>>().map_err(|e| {
                            let e = e.to_string();
                            let colon = if e.starts_with('[') { "" } else { ": " };
                            de::Error::custom(format!("options.patterns{colon}{e}"))
                        })?;
                        match list {
                            Some(list) => Field::Patterns(list.0),
                            None => Field::Absent,
                        }
                    } else {
                        map.next_value::<Field>()?
                    };
                    fields.push((key, field));
                }
                Ok(RawOptions { fields })
            }
        }
        deserializer.deserialize_map(MapVisitor)
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FieldVisitor)
    }
}

/// Takes any self-describing value; what no option takes becomes `Other`.
struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = Field;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Field, E> {
        Ok(Field::Absent)
    }
    fn visit_none<E: de::Error>(self) -> Result<Field, E> {
        Ok(Field::Absent)
    }
    fn visit_some<D: Deserializer<'de>>(self, value: D) -> Result<Field, D::Error> {
        Field::deserialize(value)
    }
    fn visit_bool<E: de::Error>(self, flag: bool) -> Result<Field, E> {
        Ok(Field::Flag(flag))
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<Field, E> {
        Ok(Field::Text(value.to_string()))
    }
    fn visit_string<E: de::Error>(self, value: String) -> Result<Field, E> {
        Ok(Field::Text(value))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Field, E> {
        Ok(Field::Other)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Field, E> {
        Ok(Field::Other)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Field, E> {
        Ok(Field::Other)
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Field, E> {
        Ok(Field::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Field, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Field::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Field, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Field::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(json: &str) -> Result<Options, String> {
        let raw: RawOptions = serde_json::from_str(json).map_err(|e| e.to_string())?;
        raw.into_options().map_err(|e| e.to_string())
    }

    #[test]
    fn reads_every_option() {
        let options = check(r#"{"offsets": "utf8", "reference_date": "2023-09-14"}"#).unwrap();
        assert_eq!(options.offsets, OffsetUnit::Utf8);
        assert_eq!(
            options.reference_date,
            Some(CalendarDate {
                year: 2023,
                month: 9,
                day: 14
            })
        );
        assert_eq!(check("{}").unwrap(), Options::default());
    }

    #[test]
    fn a_patterns_value_that_is_no_list_of_patterns_is_named() {
        let error = check(r#"{"timings": true, "patterns": ["x"]}"#).unwrap_err();
        assert!(
            error.starts_with("options.patterns[0]: invalid type"),
            "{error}"
        );
        let error = check(r#"{"patterns": 5}"#).unwrap_err();
        assert!(
            error.starts_with("options.patterns: invalid type"),
            "{error}"
        );
    }

    #[test]
    fn null_leaves_an_option_out_even_an_unknown_one() {
        let options = check(r#"{"offsets": null, "reference_date": null, "bogus": null}"#);
        assert_eq!(options.unwrap(), Options::default());
    }

    #[test]
    fn says_what_is_wrong() {
        let cases = [
            (
                r#"{"offsets": 5}"#,
                r#"options.offsets must be "utf16", "utf8" or "chars""#,
            ),
            (
                r#"{"offsets": "bytes"}"#,
                r#"options.offsets: unknown offset unit "bytes": expected utf16, utf8 or chars"#,
            ),
            (
                r#"{"bogus": 1}"#,
                r#"unknown option "bogus" (known: offsets, reference_date, patterns, timings)"#,
            ),
            (
                r#"{"reference_date": 20230914}"#,
                r#"options.reference_date must be a string "YYYY-MM-DD""#,
            ),
            (
                r#"{"reference_date": "14/09/2023"}"#,
                r#"options.reference_date: invalid date "14/09/2023": expected YYYY-MM-DD"#,
            ),
            (
                r#"{"offsets": ["utf8"]}"#,
                r#"options.offsets must be "utf16", "utf8" or "chars""#,
            ),
            (
                r#"{"offsets": {"unit": "utf8"}}"#,
                r#"options.offsets must be "utf16", "utf8" or "chars""#,
            ),
        ];
        for (json, message) in cases {
            assert_eq!(check(json).unwrap_err(), message, "{json}");
        }
    }

    #[test]
    fn reads_patterns_and_timings() {
        let options = check(
            r#"{"timings": true, "patterns": [{"label": "bill", "regex": "HB \\d+"},
                {"label": "beat", "phrases": ["Jane Roe"], "type": "person"}]}"#,
        )
        .unwrap();
        assert!(options.timings);
        assert_eq!(options.patterns.len(), 2);
        assert_eq!(options.patterns[0].regex.as_deref(), Some(r"HB \d+"));
        assert_eq!(check(r#"{"patterns": null}"#).unwrap(), Options::default());
        assert_eq!(
            check(r#"{"timings": "yes"}"#).unwrap_err(),
            "options.timings must be true or false"
        );
        let err =
            check(r#"{"patterns": [{"label": "a", "regex": "a"}, {"label": "b", "regexp": "b"}]}"#)
                .unwrap_err();
        assert!(err.contains("[1]: unknown field `regexp`"), "{err}");
        let err =
            check(r#"{"patterns": [{"label": "a", "regex": "a", "type": "people"}]}"#).unwrap_err();
        assert!(err.contains("[0]: unknown variant `people`"), "{err}");
    }

    #[test]
    fn the_first_problem_in_key_order_is_reported() {
        let err = check(r#"{"bogus": 1, "offsets": 5}"#).unwrap_err();
        assert!(err.starts_with("unknown option"), "{err}");
        let err = check(r#"{"offsets": 5, "bogus": 1}"#).unwrap_err();
        assert!(err.starts_with("options.offsets"), "{err}");
    }
}
