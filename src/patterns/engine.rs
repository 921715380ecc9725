//! The pattern engine: the `regex` crate, in the builds with the `full` feature (the
//! CLI, and the browser package's full module).

use super::{Found, OwnMention, Pattern, PatternError};
use crate::analysis::{EntityType, PatternMatch, Span};
use crate::text::Document;
use regex::{Regex, RegexBuilder, RegexSetBuilder};
use std::ops::Range;

/// At most this many patterns.
pub const MAX_PATTERNS: usize = 100;
/// Bytes of one pattern's text (its regex, or its phrases together).
pub const MAX_SOURCE: usize = 256 * 1024;
/// Bytes of all the patterns' text.
pub const MAX_SOURCE_IN_ALL: usize = 1024 * 1024;
/// Bytes one compiled pattern may take (the regex crate's `size_limit`).
pub const MAX_COMPILED: usize = 2 * 1024 * 1024;
/// Bytes all compiled patterns may take together (compiled once more as one set).
pub const MAX_COMPILED_IN_ALL: usize = 8 * 1024 * 1024;
/// Matches kept per text, typed and untyped together: a pattern such as `\w` on a 10 MB
/// story would otherwise make millions.
pub const MAX_MATCHES: usize = 10_000;

/// The lazy DFA's cache of one pattern: past it the search slows, never stops.
const DFA_CACHE: usize = 1024 * 1024;

/// The patterns compiled, ready for any number of texts.
#[derive(Debug, Clone, Default)]
pub struct CompiledPatterns {
    patterns: Vec<Compiled>,
}

#[derive(Debug, Clone)]
struct Compiled {
    label: String,
    regex: Regex,
    entity: Option<(EntityType, Option<String>)>,
}

impl CompiledPatterns {
    /// Compiles every pattern, or says which one is wrong and why.
    pub fn compile(patterns: &[Pattern]) -> Result<CompiledPatterns, PatternError> {
        let whole = |message: String| PatternError {
            index: None,
            field: "",
            message,
        };
        if patterns.len() > MAX_PATTERNS {
            return Err(whole(format!(
                "{} patterns, at most {MAX_PATTERNS} allowed",
                patterns.len()
            )));
        }
        let mut sources = Vec::with_capacity(patterns.len());
        let mut compiled = Vec::with_capacity(patterns.len());
        for (index, pattern) in patterns.iter().enumerate() {
            let (source, field) = source_of(pattern).map_err(|(field, message)| PatternError {
                index: Some(index),
                field,
                message,
            })?;
            let regex = compile_one(&source).map_err(|message| PatternError {
                index: Some(index),
                field,
                message,
            })?;
            compiled.push(Compiled {
                label: pattern.label.clone(),
                regex,
                entity: pattern.entity_type.map(|t| (t, pattern.subtype.clone())),
            });
            sources.push(source);
        }
        let total: usize = sources.iter().map(String::len).sum();
        if total > MAX_SOURCE_IN_ALL {
            return Err(whole(format!(
                "{total} bytes of pattern text, at most {MAX_SOURCE_IN_ALL} in all"
            )));
        }
        // All together, once, for the limit in all.
        if sources.len() > 1 {
            RegexSetBuilder::new(&sources)
                .size_limit(MAX_COMPILED_IN_ALL)
                .build()
                .map_err(|_| {
                    whole(format!(
                        "together they compile to more than {} MiB",
                        MAX_COMPILED_IN_ALL >> 20
                    ))
                })?;
        }
        Ok(CompiledPatterns { patterns: compiled })
    }

    /// The patterns that compile, the others left out: for `analyze`, which never fails
    /// (`Analyzer::new` gives the errors).
    pub fn compile_lenient(patterns: &[Pattern]) -> CompiledPatterns {
        CompiledPatterns::compile(patterns).unwrap_or_else(|_| CompiledPatterns {
            patterns: patterns
                .iter()
                .take(MAX_PATTERNS)
                .filter_map(|p| CompiledPatterns::compile(std::slice::from_ref(p)).ok())
                .flat_map(|c| c.patterns)
                .collect(),
        })
    }

    /// Every match in `doc`, in text order (byte offsets); at most [`MAX_MATCHES`].
    pub fn find(&self, doc: &Document) -> Found {
        let mut found = Found::default();
        let text = doc.text;
        let mut kept = 0;
        for pattern in &self.patterns {
            for caps in pattern.regex.captures_iter(text) {
                if kept == MAX_MATCHES {
                    break;
                }
                let Some(whole) = caps.get(0).filter(|m| !m.is_empty()) else {
                    continue;
                };
                match &pattern.entity {
                    Some((entity_type, subtype)) => {
                        if on_token_boundaries(doc, whole.range()) {
                            found.mentions.push(OwnMention {
                                bytes: whole.range(),
                                entity_type: *entity_type,
                                subtype: subtype.clone(),
                            });
                            kept += 1;
                        }
                    }
                    None => {
                        let groups = caps.iter().skip(1);
                        found.matches.push(PatternMatch {
                            span: Span::new(text, whole.range()),
                            label: pattern.label.clone(),
                            groups: groups
                                .map(|g| g.map(|g| Span::new(text, g.range())))
                                .collect(),
                        });
                        kept += 1;
                    }
                }
            }
        }
        found.matches.sort_by_key(|m| (m.span.start, m.span.end));
        // Longest first where two start together.
        found
            .mentions
            .sort_by_key(|m| (m.bytes.start, std::cmp::Reverse(m.bytes.end)));
        found
    }
}

/// The regex a pattern compiles to, and the field it comes from.
fn source_of(pattern: &Pattern) -> Result<(String, &'static str), (&'static str, String)> {
    if pattern.label.trim().is_empty() {
        return Err(("label", "must be a non-empty string".into()));
    }
    if pattern.subtype.is_some() && pattern.entity_type.is_none() {
        return Err(("subtype", "needs a type".into()));
    }
    match (&pattern.regex, &pattern.phrases) {
        (Some(_), Some(_)) => Err(("regex", "give either regex or phrases, not both".into())),
        (None, None) => Err(("regex", "give a regex or a list of phrases".into())),
        (Some(regex), None) => {
            if regex.len() > MAX_SOURCE {
                return Err(("regex", too_long(regex.len())));
            }
            Ok((regex.clone(), "regex"))
        }
        (None, Some(phrases)) => {
            let mut phrases: Vec<&str> = phrases
                .iter()
                .map(|p| p.trim())
                .filter(|p| !p.is_empty())
                .collect();
            if phrases.is_empty() {
                return Err(("phrases", "must hold at least one phrase".into()));
            }
            let length: usize = phrases.iter().map(|p| p.len() + 1).sum();
            if length > MAX_SOURCE {
                return Err(("phrases", too_long(length)));
            }
            // Longest first: the alternation takes the first that matches.
            phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
            let alternatives: Vec<String> = phrases
                .iter()
                .map(|p| whole_words(p, pattern.case_sensitive))
                .collect();
            Ok((format!("(?:{})", alternatives.join("|")), "phrases"))
        }
    }
}

fn too_long(length: usize) -> String {
    format!("{length} bytes, at most {MAX_SOURCE}")
}

/// A phrase as a regex matching it as whole words: a word boundary on the sides that
/// are word characters, and any run of spaces where it has one.
fn whole_words(phrase: &str, case_sensitive: bool) -> String {
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let words: Vec<String> = phrase.split_whitespace().map(regex::escape).collect();
    // ASCII boundaries where the phrase's edge is ASCII: the regex crate's fast engines
    // cannot see a Unicode `\b` and fall back to the slow one on any non-ASCII text.
    let boundary = |c: Option<char>| match c {
        Some(c) if c.is_ascii_alphanumeric() || c == '_' => r"(?-u:\b)",
        c if is_word(c) => r"\b",
        _ => "",
    };
    let left = boundary(phrase.chars().next());
    let right = boundary(phrase.chars().next_back());
    let case = if case_sensitive { "" } else { "(?i)" };
    format!("{left}(?:{case}{}){right}", words.join(r"\s+"))
}

fn compile_one(source: &str) -> Result<Regex, String> {
    RegexBuilder::new(source)
        .size_limit(MAX_COMPILED)
        .dfa_size_limit(DFA_CACHE)
        .build()
        .map_err(|e| match e {
            regex::Error::CompiledTooBig(limit) => {
                format!("compiles to more than {} MiB", limit >> 20)
            }
            _ => syntax_error(source),
        })
}

/// The regex crate's own message for a syntax error, one line: `unclosed group at 5`
/// (the position counts characters from 0).
fn syntax_error(source: &str) -> String {
    let error = regex_syntax::ParserBuilder::new().build().parse(source);
    let (kind, at) = match &error {
        Err(regex_syntax::Error::Parse(e)) => (e.kind().to_string(), e.span().start.offset),
        Err(regex_syntax::Error::Translate(e)) => (e.kind().to_string(), e.span().start.offset),
        _ => return "not a valid regular expression".into(),
    };
    let at = source.get(..at).map_or(at, |s| s.chars().count());
    format!("{kind} at {at}")
}

/// Whether a byte range starts and ends where tokens do (an entity mention is tokens).
fn on_token_boundaries(doc: &Document, bytes: Range<usize>) -> bool {
    let tokens = doc.tokens_within(bytes.clone());
    !tokens.is_empty() && doc.token_span(tokens) == bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regex(label: &str, regex: &str) -> Pattern {
        Pattern {
            label: label.into(),
            regex: Some(regex.into()),
            ..Pattern::default()
        }
    }

    #[test]
    fn names_the_pattern_and_the_regex_crates_message() {
        let patterns = [regex("a", "a"), regex("b", "b"), regex("c", "ab(cd")];
        let error = CompiledPatterns::compile(&patterns).unwrap_err();
        assert_eq!(error.to_string(), "patterns[2].regex: unclosed group at 2");
    }

    #[test]
    fn phrases_are_whole_words_longest_first() {
        let pattern = Pattern {
            label: "committee".into(),
            phrases: Some(vec!["Finance".into(), "Finance Committee".into()]),
            ..Pattern::default()
        };
        let compiled = CompiledPatterns::compile(&[pattern]).unwrap();
        let doc = Document::new("The finance  committee met; Refinance was not.");
        let found: Vec<String> = compiled
            .find(&doc)
            .matches
            .iter()
            .map(|m| m.span.text.clone())
            .collect();
        assert_eq!(found, ["finance  committee"]);
    }
}
