//! The caller's own patterns: bill numbers, tickers, a beat's people, a council's
//! committees. Each is a regular expression or a list of phrases with a label; one with
//! an entity type makes (or overrides) entities of that type, whose mentions join the
//! story's clustering; one without yields `matches`.
//!
//! How: each pattern compiles once (`Analyzer::new`) with the `regex` crate, which
//! matches in time linear in the text whatever the pattern (no backtracking: `(a+)+$`
//! cannot hang a page as it hangs JavaScript's `RegExp`). Phrases become one
//! alternation, longest first, matched as whole words, case-blind unless asked.
//! The engine (`patterns/engine.rs`) is in the builds with the cargo feature `full`:
//! the default, and in the browser the package's full module, loaded only for callers
//! with patterns, so the regex crate costs the others no download. Without
//! it any pattern is refused. Bounds, so a pattern list from anywhere is safe to run
//! (the `MAX_` constants of the engine): at most 100 patterns, 256 KiB of pattern text
//! each and 1 MiB in all, each compiled within 2 MiB and all together within 8 MiB;
//! at most 10,000 matches per text.
//!
//! Knowingly wrong: a typed match that does not start and end where tokens do (`Roe`
//! inside `Roewe`, from a regex without `\b`) makes no entity mention; a typed match
//! replaces the recognizer's mentions it overlaps, with their roles (`Sen.`), so a
//! pattern for `Roe` inside `Sen. Jane Roe` leaves `Sen. Jane` behind. Matches past
//! the limit are dropped without a word.

use crate::analysis::{EntityType, PatternMatch};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// A pattern as the caller writes it: `{label, regex}` or `{label, phrases}`, with an
/// optional entity `type` and `subtype`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    /// What a match is: `bill`, `ticker`, `committee`.
    pub label: String,
    /// A regular expression in the regex crate's syntax.
    #[serde(default)]
    pub regex: Option<String>,
    /// Phrases matched as whole words.
    #[serde(default)]
    pub phrases: Option<Vec<String>>,
    /// Phrases match case-blind unless this is set (a regex says so itself: `(?i)`).
    #[serde(default)]
    pub case_sensitive: bool,
    /// Makes the matches entities of this type instead of `matches`.
    #[serde(default, rename = "type")]
    pub entity_type: Option<EntityType>,
    /// The entities' `subtype` (with a `type` only).
    #[serde(default)]
    pub subtype: Option<String>,
}

/// Why patterns were refused: `patterns[2].regex: unclosed group at 5`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    /// The pattern's index, `None` for the list as a whole.
    pub index: Option<usize>,
    /// The field at fault: `regex`, `phrases`, `label`, `subtype`.
    pub field: &'static str,
    pub message: String,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.index {
            Some(i) if self.field.is_empty() => write!(f, "patterns[{i}]: {}", self.message),
            Some(i) => write!(f, "patterns[{i}].{}: {}", self.field, self.message),
            None => write!(f, "patterns: {}", self.message),
        }
    }
}

impl std::error::Error for PatternError {}

#[cfg(feature = "full")]
mod engine;
#[cfg(feature = "full")]
pub use engine::CompiledPatterns;
#[cfg(not(feature = "full"))]
pub use without_engine::CompiledPatterns;

/// A match of a typed pattern: an entity mention to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnMention {
    /// Byte range, on token boundaries.
    pub bytes: Range<usize>,
    pub entity_type: EntityType,
    pub subtype: Option<String>,
}

/// What the patterns found in one text (byte offsets).
#[derive(Debug, Default)]
pub struct Found {
    pub matches: Vec<PatternMatch>,
    pub mentions: Vec<OwnMention>,
}

#[cfg(not(feature = "full"))]
mod without_engine {
    use super::{Found, Pattern, PatternError};
    use crate::text::Document;

    /// Why this build refuses patterns.
    const NO_ENGINE: &str =
        "this build has no pattern engine (in the browser package: `await initFull()`)";

    /// No patterns: the build without the `regex` crate.
    #[derive(Debug, Clone, Default)]
    pub struct CompiledPatterns;

    impl CompiledPatterns {
        pub fn compile(patterns: &[Pattern]) -> Result<CompiledPatterns, PatternError> {
            match patterns.is_empty() {
                true => Ok(CompiledPatterns),
                false => Err(PatternError {
                    index: None,
                    field: "",
                    message: NO_ENGINE.into(),
                }),
            }
        }

        pub fn compile_lenient(_: &[Pattern]) -> CompiledPatterns {
            CompiledPatterns
        }

        pub fn find(&self, _: &Document) -> Found {
            Found::default()
        }
    }
}
