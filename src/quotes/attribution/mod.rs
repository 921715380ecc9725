//! Who said each quotation: the cue (`said`, `told reporters`, `according to` …), the
//! speaker mention at the cue as written (`Prime Minister Han Duck-soo`, `he`, `the
//! KCNA`), and the name and entity it stands for.
//!
//! Four parts, in reading order: `lexicon` (cue phrases, titles, gender from a name or
//! role), `frame` (the words around a quotation and the cue before, inside or after
//! it), `subject` (the speaker phrase a cue belongs to, or a clause's subject), and
//! `speakers` (names and entities for mentions, pronouns included: the only state that
//! changes from one quotation to the next). This module holds the reading context the
//! parts share: which tokens are quoted, the story's names and entity mentions.
//!
//! Cost: every look is bounded (the frame, `PRONOUN_LOOKBACK`, `RECENT_SPEAKERS`), so
//! the work is linear in the story; memory is one bit per token plus the entity
//! mentions, sentences and lines are found by binary search in the document's tables.
//!
//! Knowingly wrong: quoted words with no cue nearby (`the crowd reprised the chant
//! “…”`) get no speaker; see each part for its own.

mod frame;
mod lexicon;
mod reported;
mod speakers;
mod subject;

pub use reported::ReportedStatement;
pub use speakers::{ResolvedSpeaker, Speakers};

use super::marks::Quotation;
use crate::analysis::{Entity, EntityType};
use crate::text::{starts_upper, Document, TokenKind};
use crate::wordlists::{contains, List};
use lexicon::is_title_word;
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

/// How far (in tokens) a frame reaches on each side of a quotation.
const FRAME_TOKENS: usize = 60;
/// A sentence this short right after a quotation that ends its own sentence is read
/// as its attribution (`“…” Trump said.`).
const SHORT_ATTRIBUTION_TOKENS: usize = 7;
/// The longest appositive stepped over between a speaker and a cue (`Graham, who says
/// the United States and allies should contribute ground forces, tweeted`).
const MAX_APPOSITIVE_TOKENS: usize = 24;
/// How far into a sentence a dateline's dash may come (`WASHINGTON, Dec. 8 (UPI) —`).
const MAX_DATELINE_TOKENS: usize = 12;
/// The longest parenthesis stepped over after a speaker's name (`(R-Fla.)`).
const MAX_PARENTHESIS_TOKENS: usize = 8;
/// The longest speaker phrase read back from a cue, in tokens.
const MAX_SUBJECT_TOKENS: usize = 8;
/// How many recent speakers a pronoun may go back to (`she said` after two men spoke).
const RECENT_SPEAKERS: usize = 16;
/// How many sentences before its own a pronoun looks for a subject it may stand for
/// (`Maria Lopez lives on the river. …. “…,” she said.`).
const SUBJECT_SENTENCES: usize = 3;
/// How far back (in bytes) a pronoun looks for an entity mention when no speaker of its
/// kind came before.
const PRONOUN_LOOKBACK: usize = 2000;

/// Who said a quotation, as its frame tells: the cue, when one was found (a speaker
/// may be named without one: `“…” -Commissioner X`), and the speaker mention (byte
/// ranges).
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    pub cue: Option<Range<usize>>,
    pub speaker: Range<usize>,
}

/// The reading context shared by all quotations of a document.
pub struct Attributor<'a> {
    doc: &'a Document<'a>,
    entities: &'a [Entity],
    /// One bit per token: inside a quotation (marks included). Sentences and lines are
    /// found by binary search in the document's own tables, so the attributor's memory
    /// is a bit per token plus what the story names.
    quoted: Vec<u64>,
    /// Capitalized words the story uses inside sentences: names, not sentence openers.
    names_inside_sentences: FxHashSet<&'a str>,
    /// Entity mentions `(start, end, entity)`, sorted by start.
    mentions: Vec<(usize, usize, usize)>,
    /// Person entities by the last word of their name, for a surname alone.
    people_by_surname: FxHashMap<&'a str, usize>,
}

/// The line index `line_at` gives a token outside the document.
const NO_LINE: u32 = u32::MAX;

impl<'a> Attributor<'a> {
    pub fn new(doc: &'a Document<'a>, entities: &'a [Entity], quotes: &[Quotation]) -> Self {
        let n = doc.tokens.len();
        let mut quoted = vec![0u64; n.div_ceil(64)];
        for q in quotes {
            let end = q.close.as_ref().map_or(q.inner.end, |c| c.end);
            for t in doc.tokens_within(q.open.start..end) {
                quoted[t / 64] |= 1 << (t % 64);
            }
        }
        let mut names_inside_sentences = FxHashSet::default();
        let mut sentence_starts = doc.sentences.iter().map(|s| s.start).peekable();
        for (t, tok) in doc.tokens.iter().enumerate() {
            while sentence_starts.next_if(|&start| start < t).is_some() {}
            let starts_sentence = sentence_starts.peek() == Some(&t);
            let text = doc.token_text(t);
            let after_mark =
                t > 0 && matches!(doc.token_text(t - 1), "\"" | "“" | ":" | "(" | "-" | "—");
            if t > 0
                && tok.kind == TokenKind::Word
                && starts_upper(text)
                && !starts_sentence
                && !after_mark
            {
                names_inside_sentences.insert(text);
            }
        }
        let mut mentions: Vec<(usize, usize, usize)> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.start, m.end, i)))
            .collect();
        mentions.sort_unstable();
        let mut people_by_surname = FxHashMap::default();
        for (i, e) in entities.iter().enumerate() {
            if e.entity_type == EntityType::Person {
                if let Some(surname) = e.name.rsplit(' ').next() {
                    people_by_surname.entry(surname).or_insert(i);
                }
            }
        }
        Attributor {
            doc,
            entities,
            quoted,
            mentions,
            people_by_surname,
            names_inside_sentences,
        }
    }

    /// The index of the sentence holding token `t` (the next one if `t` falls between).
    fn sentence_of(&self, t: usize) -> usize {
        self.doc.sentences.partition_point(|s| s.end <= t)
    }

    /// The index of the line holding token `t`.
    fn line_of(&self, t: usize) -> u32 {
        let line = self.doc.line_of(self.doc.tokens[t].start());
        line.min(self.doc.lines.len().saturating_sub(1)) as u32
    }

    fn word(&self, t: usize) -> &'a str {
        self.doc.word(t)
    }

    fn is_quoted(&self, t: usize) -> bool {
        self.quoted[t / 64] & (1 << (t % 64)) != 0
    }

    /// First and last token of quotation `q` (marks included).
    pub fn quote_tokens(&self, q: &Quotation) -> Range<usize> {
        let end = q.close.as_ref().map_or(q.inner.end, |c| c.end);
        self.doc.tokens_within(q.open.start..end)
    }

    /// The line of the token at byte `at`.
    pub fn line_at(&self, token: usize) -> u32 {
        if token < self.doc.tokens.len() {
            self.line_of(token)
        } else {
            NO_LINE
        }
    }

    /// Whether token `t` is the first of its line.
    pub fn opens_line(&self, t: usize) -> bool {
        t == 0 || self.line_of(t - 1) != self.line_of(t)
    }

    /// Whether token `t` is the last of its line (a full stop after it allowed).
    pub fn closes_line(&self, t: usize) -> bool {
        let n = self.doc.tokens.len();
        let line = self.line_of(t);
        let mut k = t + 1;
        while k < n && self.line_of(k) == line && self.word(k) == "." {
            k += 1;
        }
        k >= n || self.line_of(k) != line
    }

    /// Whether token `t` may be (part of) a name: capitalized, not a determiner, and
    /// not a common word that is capitalized only because it opens the sentence
    /// (`Legislative leaders noted`, `More importantly,`), unless the story also
    /// capitalizes it inside sentences.
    fn is_name_word(&self, t: usize) -> bool {
        let text = self.word(t);
        if !starts_upper(text) || contains(List::Determiners, text) {
            return false;
        }
        let opens = self.opens_sentence(t) || self.after_opening_mark(t);
        !(opens && contains(List::CommonWords, text) && !self.names_inside_sentences.contains(text))
    }

    /// Whether token `t` follows an opening mark or a dash (`“Says who?”`, `— Said …`).
    fn after_opening_mark(&self, t: usize) -> bool {
        t > 0 && matches!(self.word(t - 1), "\"" | "“" | "(" | "-" | "—" | ":")
    }

    /// Whether token `t` starts a sentence.
    fn opens_sentence(&self, t: usize) -> bool {
        self.doc
            .sentences
            .get(self.sentence_of(t))
            .is_some_and(|s| s.start == t)
    }

    fn any_upper(&self, range: Range<usize>) -> bool {
        range.into_iter().any(|t| starts_upper(self.word(t)))
    }

    /// `the 43-year-old asked`: a number joined to words is a noun.
    fn is_number_word(&self, t: usize) -> bool {
        let text = self.word(t);
        self.doc.tokens[t].kind == TokenKind::Number
            && text.contains('-')
            && text.chars().any(char::is_alphabetic)
    }

    /// Whether token `t` and the full stop after it are a title (`Sen.`, `Gov.`).
    fn is_abbreviated_title(&self, t: usize) -> bool {
        let (title, stop) = (&self.doc.tokens[t], &self.doc.tokens[t + 1]);
        title.end() == stop.start()
            && !self.is_quoted(t)
            && is_title_word(&self.doc.text[title.start()..stop.end()])
    }

    /// The opening `(` of a short parenthesis whose `)` is token `j - 1`.
    fn parenthesis_ending_at(&self, j: usize, frame_start: usize) -> Option<usize> {
        if j == 0 || self.word(j - 1) != ")" || self.is_quoted(j - 1) {
            return None;
        }
        let lowest = (j - 1)
            .saturating_sub(MAX_PARENTHESIS_TOKENS)
            .max(frame_start);
        (lowest..j - 1)
            .rev()
            .take_while(|&k| !self.is_quoted(k) && self.word(k) != ")")
            .find(|&k| self.word(k) == "(")
    }
}

/// Reads `text` as the pipeline does and hands the attributor and the quotations
/// (as token ranges) to `check`.
#[cfg(test)]
pub(super) fn read(text: &str, check: impl FnOnce(&Attributor, &[Range<usize>])) {
    let doc = Document::new(text);
    let anatomy = crate::anatomy::find_anatomy(&doc);
    let entities = crate::entities::find_entities(&doc, &anatomy, &[]);
    let quotations = super::marks::find_quotations(doc.text, &doc.lines, &[]);
    let attributor = Attributor::new(&doc, &entities, &quotations);
    let tokens: Vec<Range<usize>> = quotations
        .iter()
        .map(|q| attributor.quote_tokens(q))
        .collect();
    check(&attributor, &tokens);
}

#[cfg(test)]
mod tests {
    use super::read;

    #[test]
    fn marks_quoted_tokens_and_names_inside_sentences() {
        read("Later Kim said “we will win” in Seoul.", |a, quotes| {
            assert_eq!(quotes.len(), 1);
            assert!(quotes[0].clone().all(|t| a.is_quoted(t)));
            assert!(!a.is_quoted(quotes[0].start - 1));
            assert!(a.names_inside_sentences.contains("Kim"));
            assert!(!a.names_inside_sentences.contains("Later"));
        });
    }

    #[test]
    fn a_common_word_opening_a_sentence_is_no_name() {
        read("Legislative leaders noted the cost. Cruz spoke.", |a, _| {
            assert!(!a.is_name_word(0));
            let cruz = (0..a.doc.tokens.len()).find(|&t| a.word(t) == "Cruz");
            assert!(a.is_name_word(cruz.unwrap()));
        });
    }
}
