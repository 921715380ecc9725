//! A quote's words, read twice: as written (for the word-by-word differences) and as
//! alignment tokens (for finding the same statement in another story).
//!
//! Alignment tokens forgive what translation and editing change without changing the
//! statement: case, hyphens (`nation-building` = `nation building`), brackets, and the
//! form of a name (every mention of one entity row is one token, so `the DPRK` and
//! `[North Korea]` differ by `the` alone). Words as written keep hyphens, so `Kim Jong
//! Un` and `Kim Jong-un` show as a difference while still aligning.

use super::Story;
use crate::text::{tokenize, TokenKind};
use crate::wordlists::{contains, List};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// A word as written: its bytes in the story and its comparison key (lowercase, `’`
/// read as `'`).
pub(super) struct Word {
    pub bytes: Range<usize>,
    pub key: u32,
}

/// One quote of one story, read for comparison.
pub(super) struct QuoteWords {
    pub story: usize,
    /// Index into the story's `quotes`.
    pub quote: usize,
    pub words: Vec<Word>,
    /// Word ranges (indices into `words`) of the entity mentions inside the quote.
    pub mentions: Vec<Range<usize>>,
    /// Alignment tokens, and whether each is a content word.
    pub tokens: Vec<u32>,
    pub content: Vec<bool>,
}

/// Gives each distinct string one number, so comparisons are integer comparisons.
#[derive(Default)]
pub(super) struct Interner {
    ids: FxHashMap<String, u32>,
}

impl Interner {
    pub fn id(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(key.to_string(), id);
        id
    }
}

/// Reads quote `quote` of `story` (its bytes checked against the text); `row_of` maps
/// the story's entities to comparison rows.
pub(super) fn read_quote(
    story_index: usize,
    story: &Story,
    quote: usize,
    bytes: Range<usize>,
    row_of: &[usize],
    interner: &mut Interner,
) -> QuoteWords {
    let text = &story.text[bytes.clone()];
    let mut words = Vec::new();
    let mut key = String::new();
    for t in tokenize(text) {
        if t.kind == TokenKind::Punct {
            continue;
        }
        key.clear();
        for c in text[t.range()].chars() {
            key.extend(if c == '’' { '\'' } else { c }.to_lowercase());
        }
        words.push(Word {
            bytes: bytes.start + t.start()..bytes.start + t.end(),
            key: interner.id(&key),
        });
    }
    // Mentions as word ranges; a mention inside an earlier one is skipped.
    let mut mentions: Vec<(Range<usize>, usize)> = Vec::new();
    for (m, entity) in story.mentions_in(bytes) {
        let first = words.partition_point(|w| w.bytes.start < m.start);
        let end = words.partition_point(|w| w.bytes.end <= m.end);
        let after_last = mentions.last().map_or(0, |(r, _)| r.end);
        if first < end && first >= after_last {
            mentions.push((
                first..end,
                row_of.get(*entity).copied().unwrap_or(usize::MAX),
            ));
        }
    }
    let mut tokens = Vec::with_capacity(words.len());
    let mut content = Vec::with_capacity(words.len());
    let mut next_mention = mentions.iter().peekable();
    let mut i = 0;
    while i < words.len() {
        if let Some((range, row)) = next_mention.next_if(|(r, _)| r.start == i) {
            tokens.push(interner.id(&format!("\u{0}{row}")));
            content.push(true);
            i = range.end;
            continue;
        }
        let written = &story.text[words[i].bytes.clone()];
        for piece in written.split(|c: char| !c.is_alphanumeric()) {
            if piece.is_empty() {
                continue;
            }
            let lower = piece.to_lowercase();
            content.push(!is_function_word(&lower));
            tokens.push(interner.id(&lower));
        }
        i += 1;
    }
    QuoteWords {
        story: story_index,
        quote,
        words,
        mentions: mentions.into_iter().map(|(r, _)| r).collect(),
        tokens,
        content,
    }
}

/// `the`, `of`, `will`: a word that says nothing of what a sentence is about.
pub(super) fn is_function_word(lowercase: &str) -> bool {
    contains(List::FunctionWords, lowercase)
}
