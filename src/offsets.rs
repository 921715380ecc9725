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

/// Converts byte offsets of one text to `unit`. It keeps the converted offset of every
/// 64th byte and counts the rest: a 10 MB story has a million span offsets, and a
/// sorted table of them searched in the order spans come (entity by entity, all over
/// the text) missed the cache on nearly every step.
pub struct OffsetConverter<'a> {
    bytes: &'a [u8],
    unit: OffsetUnit,
    /// `blocks[i]`: the offset, in `unit`, of byte `i * BLOCK`.
    blocks: Vec<usize>,
}

const BLOCK: usize = 64;

impl<'a> OffsetConverter<'a> {
    pub fn new(text: &'a str, unit: OffsetUnit) -> OffsetConverter<'a> {
        let bytes = text.as_bytes();
        // ASCII text (most English stories) is the same in every unit.
        let unit = if text.is_ascii() {
            OffsetUnit::Utf8
        } else {
            unit
        };
        let mut blocks = Vec::new();
        if unit != OffsetUnit::Utf8 {
            blocks.reserve(bytes.len() / BLOCK + 1);
            let mut converted = 0;
            for chunk in bytes.chunks(BLOCK) {
                blocks.push(converted);
                converted += units(chunk, unit);
            }
            // The end of a text whose length is a multiple of `BLOCK` starts a block too.
            blocks.push(converted);
        }
        OffsetConverter {
            bytes,
            unit,
            blocks,
        }
    }

    /// The offset, in the unit, of byte offset `byte` (a character boundary; past the
    /// end clamps to the end).
    pub fn convert(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        if self.unit == OffsetUnit::Utf8 {
            return byte;
        }
        let block = byte / BLOCK;
        let base = self.blocks.get(block).copied().unwrap_or(0);
        base + units(&self.bytes[block * BLOCK..byte], self.unit)
    }
}

/// The UTF-16 units or code points of the characters that start in `bytes`: every
/// byte but UTF-8 continuation bytes starts one, and a 4-byte one is 2 UTF-16 units.
fn units(bytes: &[u8], unit: OffsetUnit) -> usize {
    let starts = bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    match unit {
        OffsetUnit::Utf16 => starts + bytes.iter().filter(|&&b| b >= 0xF0).count(),
        OffsetUnit::Chars => starts,
        OffsetUnit::Utf8 => bytes.len(),
    }
}

/// Converts every span of the analysis from byte offsets into `unit`.
pub fn convert_analysis(analysis: &mut crate::Analysis, text: &str, unit: OffsetUnit) {
    analysis.offsets = unit;
    let converter = OffsetConverter::new(text, unit);
    if converter.unit == OffsetUnit::Utf8 {
        return;
    }
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
        let c = OffsetConverter::new(text, OffsetUnit::Utf16);
        assert_eq!(
            [0, 1, 5, 6, 9, 10].map(|b| c.convert(b)),
            [0, 1, 3, 4, 5, 6]
        );
        let c = OffsetConverter::new(text, OffsetUnit::Chars);
        assert_eq!(
            [0, 1, 5, 6, 9, 10].map(|b| c.convert(b)),
            [0, 1, 2, 3, 4, 5]
        );
    }

    #[test]
    fn agrees_with_counting_at_every_boundary_of_a_long_text() {
        let text = "Kim’s “sacred fight” 😀 in Пхеньян, 평양. ".repeat(40);
        // Lengths just below, at and above a block boundary, ending on the text's end.
        let mut texts = vec![text.clone()];
        texts.extend((0..80).map(|n| "é".repeat(n)));
        for (text, unit) in texts
            .iter()
            .flat_map(|t| [(t, OffsetUnit::Utf16), (t, OffsetUnit::Chars)])
        {
            let c = OffsetConverter::new(text, unit);
            for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let counted = match unit {
                    OffsetUnit::Utf16 => text[..byte].encode_utf16().count(),
                    _ => text[..byte].chars().count(),
                };
                assert_eq!(c.convert(byte), counted, "{unit} at byte {byte}");
            }
        }
    }

    #[test]
    fn parses_units() {
        assert_eq!("utf8".parse::<OffsetUnit>(), Ok(OffsetUnit::Utf8));
        assert!("bytes".parse::<OffsetUnit>().is_err());
    }
}
