//! The one place where byte offsets become the unit the caller asked for.
//!
//! The core works in UTF-8 byte offsets (what Rust slices with). JavaScript slices
//! strings in UTF-16 code units, so that is the default unit of the result: an emoji
//! is 4 bytes, 2 UTF-16 units and 1 code point.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OffsetUnit {
    /// UTF-16 code units: `text.slice(start, end)` in JavaScript.
    #[default]
    Utf16,
    /// UTF-8 bytes: `&text[start..end]` in Rust.
    Utf8,
    /// Unicode code points: `text[start:end]` in Python.
    Chars,
}

impl OffsetUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            OffsetUnit::Utf16 => "utf16",
            OffsetUnit::Utf8 => "utf8",
            OffsetUnit::Chars => "chars",
        }
    }
}

impl fmt::Display for OffsetUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for OffsetUnit {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "utf16" => Ok(OffsetUnit::Utf16),
            "utf8" => Ok(OffsetUnit::Utf8),
            "chars" => Ok(OffsetUnit::Chars),
            other => Err(format!(
                "unknown offset unit {other:?}: expected utf16, utf8 or chars"
            )),
        }
    }
}

/// Converts byte offsets into `unit`, all at once.
///
/// Takes the sorted set of offsets and walks the text once, so the cost is
/// O(text + offsets·log offsets) with no per-byte table (a 10 MB story would need a
/// 40 MB one).
pub struct OffsetConverter {
    /// Sorted, unique byte offsets and their converted values.
    table: Vec<(usize, usize)>,
}

impl OffsetConverter {
    pub fn new(text: &str, unit: OffsetUnit, mut byte_offsets: Vec<usize>) -> OffsetConverter {
        byte_offsets.sort_unstable();
        byte_offsets.dedup();
        let mut table = Vec::with_capacity(byte_offsets.len());
        if unit == OffsetUnit::Utf8 {
            table.extend(byte_offsets.iter().map(|&b| (b, b)));
            return OffsetConverter { table };
        }
        let mut wanted = byte_offsets.into_iter().peekable();
        let mut converted = 0;
        for (byte, ch) in text
            .char_indices()
            .chain(std::iter::once((text.len(), '\0')))
        {
            while let Some(&b) = wanted.peek() {
                if b > byte {
                    break;
                }
                // An offset inside a character (never produced by the core) maps to its start.
                table.push((b, converted));
                wanted.next();
            }
            if wanted.peek().is_none() {
                break;
            }
            converted += match unit {
                OffsetUnit::Utf16 => ch.len_utf16(),
                _ => 1,
            };
        }
        // Offsets past the end of the text (never produced by the core) clamp to the end.
        for b in wanted {
            table.push((b, converted));
        }
        OffsetConverter { table }
    }

    pub fn convert(&self, byte_offset: usize) -> usize {
        match self.table.binary_search_by_key(&byte_offset, |&(b, _)| b) {
            Ok(i) => self.table[i].1,
            Err(_) => byte_offset, // not registered: cannot happen through `convert_analysis`
        }
    }
}

/// Rewrites every span of `analysis` (built in byte offsets over `text`) into `unit`.
pub fn convert_analysis(analysis: &mut crate::Analysis, text: &str, unit: OffsetUnit) {
    analysis.offsets = unit;
    if unit == OffsetUnit::Utf8 {
        return;
    }
    let mut all = Vec::new();
    analysis.for_each_offset_pair(|s, e| {
        all.push(*s);
        all.push(*e);
    });
    let converter = OffsetConverter::new(text, unit, all);
    analysis.for_each_offset_pair(|s, e| {
        *s = converter.convert(*s);
        *e = converter.convert(*e);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_astral_and_multibyte() {
        let text = "a😀b’c";
        // bytes: a=0, 😀=1..5, b=5, ’=6..9, c=9
        let c = OffsetConverter::new(text, OffsetUnit::Utf16, vec![0, 1, 5, 6, 9, 10]);
        assert_eq!(
            [0, 1, 5, 6, 9, 10].map(|b| c.convert(b)),
            [0, 1, 3, 4, 5, 6]
        );
        let c = OffsetConverter::new(text, OffsetUnit::Chars, vec![0, 1, 5, 6, 9, 10]);
        assert_eq!(
            [0, 1, 5, 6, 9, 10].map(|b| c.convert(b)),
            [0, 1, 2, 3, 4, 5]
        );
    }

    #[test]
    fn parses_units() {
        assert_eq!("utf8".parse::<OffsetUnit>(), Ok(OffsetUnit::Utf8));
        assert!("bytes".parse::<OffsetUnit>().is_err());
    }
}
