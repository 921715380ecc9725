//! Who said each quotation: the cue (`said`, `told reporters`, `according to` …), the
//! speaker mention at the cue as written (`Prime Minister Han Duck-soo`, `he`, `the
//! KCNA`), and the name and entity it stands for.
//!
//! How: the frame of a quotation is the rest of its sentence within its paragraph
//! (words inside quotations left out, at most `FRAME_TOKENS` each side). The nearest
//! cue before the quotation that has a subject wins (`Kim said his trip marks a
//! “significant” occasion, according to the KCNA` → Kim); else the first one after it
//! (`“…,” the KCNA reported`). The subject is read back from the cue over adverbs and
//! an appositive (`Hugh Hill, a doctor, said:`); a few cues take it after them (`“…,”
//! said Kim`, `according to the KCNA`), and a trailing `-Commissioner X` names one
//! without a cue. A full quotation without a cue keeps the speaker of the quotation
//! before it in its paragraph (`“…,” he said. “…”`), and one opening a paragraph after
//! `And from Chairwoman X:` gets X.
//!
//! Names: the entity whose mention overlaps the speaker mention; pronouns go to the last
//! speaker of their kind (`he added` → the last person who spoke, `it said` → the last
//! organization), else to the nearest such entity mentioned shortly before; a surname
//! goes to an earlier speaker or entity of that surname. Without entities the name is
//! the mention without its titles (`Prime Minister Han Duck-soo` → `Han Duck-soo`).
//!
//! `he`/`she` skip speakers of the other gender, known from a title or role (`Mrs.`,
//! `spokeswoman`) or a given name most borne by one sex (`data/given_name_genders.txt`),
//! and prefer a person who is the subject of their sentence or the one before when
//! named after the last speaker. A reported attribution names the outer source: `“…,”
//! Sanders said, according to CNN` and `According to CNN, Sanders said “…”` → CNN
//! (PolNeAR's convention). A full quotation that opens its sentence with no attribution
//! takes the cue of the sentence before it (`Bystrom agreed. “Mainstream Republicans
//! are running out of time.”`).
//!
//! Cost: every look is bounded (the frame, `PRONOUN_LOOKBACK`, `RECENT_SPEAKERS`), so
//! the work is linear in the story; memory is one bit per token plus the entity
//! mentions, sentences and lines are found by binary search in the document's tables.
//!
//! Knowingly wrong: gender is unknown for most names outside US usage, so `she said`
//! may still go to the last man who spoke; a pronoun goes to the last speaker when the
//! person it means was last the subject two sentences back or more; a dummy `it` (`it
//! was stated that`) takes the last name before it in the sentence; quoted words with no
//! cue nearby (`the crowd reprised the chant “…”`) get no speaker.

use super::marks::Quotation;
use crate::analysis::{Entity, EntityType};
use crate::text::{starts_upper, with_lowercase, Document, TokenKind};
use crate::wordlists::{contains, entries, List};
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;
use std::sync::OnceLock;

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
/// How far back (in bytes) a pronoun looks for an entity mention when no speaker of its
/// kind came before.
const PRONOUN_LOOKBACK: usize = 2000;

#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedSpeaker {
    pub mention: Range<usize>,
    pub name: String,
    pub entity: Option<usize>,
    pub is_organization: bool,
    /// Known from a given name or title (`Donald`, `Mrs.`, `spokeswoman`), or from a
    /// `he`/`she` that referred to the speaker.
    pub gender: Option<Gender>,
}

/// A person's grammatical gender, for `he` and `she`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// Cue phrases by their first word, longest first (`told reporters` before `told`).
fn cues() -> &'static FxHashMap<&'static str, Vec<Vec<&'static str>>> {
    static CUES: OnceLock<FxHashMap<&str, Vec<Vec<&str>>>> = OnceLock::new();
    CUES.get_or_init(|| {
        let mut cues: FxHashMap<&str, Vec<Vec<&str>>> = FxHashMap::default();
        for phrase in entries(List::Cues) {
            let parts: Vec<&str> = phrase.split(' ').collect();
            cues.entry(parts[0]).or_default().push(parts);
        }
        for list in cues.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        cues
    })
}

/// Given names borne mostly by one sex (`data/given_name_genders.txt`).
fn given_name_gender(name: &str) -> Option<Gender> {
    static GENDERS: OnceLock<FxHashMap<&str, Gender>> = OnceLock::new();
    let genders = GENDERS.get_or_init(|| {
        entries(List::GivenNameGenders)
            .iter()
            .filter_map(|l| match l.split_once(' ')? {
                (name, "m") => Some((name, Gender::Male)),
                (name, "f") => Some((name, Gender::Female)),
                _ => None,
            })
            .collect()
    });
    genders.get(name).copied()
}

/// A word of a title phrase before a name: a role (`Minister`), an honorific (`Mr.`)
/// or a word inside a title (`former`, `Foreign`, `U.S.`).
fn is_title_word(word: &str) -> bool {
    contains(List::Titles, word)
        || contains(List::Honorifics, word.trim_end_matches('.'))
        || contains(List::TitleModifiers, word)
}

/// A cue found in a frame: its tokens and the phrase it matched.
#[derive(Debug, Clone)]
struct Cue {
    tokens: Range<usize>,
    phrase: &'static [&'static str],
}

/// A cue (if one was found) and the speaker mention (byte ranges).
pub type Found = Option<(Option<Range<usize>>, Range<usize>)>;

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
    last_organization: Option<ResolvedSpeaker>,
    recent: Vec<ResolvedSpeaker>,
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
            last_organization: None,
            recent: Vec::new(),
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

    /// The frame of a quotation: tokens before its opening mark and after its end, in
    /// the same sentence and line, capped.
    fn frame(&self, quote: Range<usize>) -> (Range<usize>, Range<usize>) {
        let (first, last) = (quote.start, quote.end.saturating_sub(1));
        let sentence = &self.doc.sentences;
        let mut start = sentence
            .get(self.sentence_of(first))
            .map_or(first, |s| s.start)
            .max(first.saturating_sub(FRAME_TOKENS))
            .min(first);
        let first_line = self.line_of(first);
        while start < first && self.line_of(start) != first_line {
            start += 1;
        }
        let mut end = sentence
            .get(self.sentence_of(last))
            .map_or(quote.end, |s| s.end);
        // `“Why’s he attacking me?” Trump said.`: the sentence ended with the quotation,
        // but a short one after it is its attribution.
        if end <= quote.end {
            if let Some(next) = sentence.get(self.sentence_of(last) + 1) {
                // `…, ‘What can we do?’” Renteria told`: over the inner closing mark.
                let mut k = quote.end.saturating_sub(2);
                while k > quote.start && matches!(self.word(k), "’" | "'" | "”" | "\"") {
                    k -= 1;
                }
                let asks = matches!(self.word(k), "?" | "!");
                if asks || next.len() <= SHORT_ATTRIBUTION_TOKENS {
                    end = next.end;
                }
            }
        }
        let mut end = end.min(quote.end + FRAME_TOKENS).min(self.doc.tokens.len());
        let last_line = self.line_of(last);
        while end > quote.end && self.line_of(end - 1) != last_line {
            end -= 1;
        }
        (start..first, quote.end.max(start)..end.max(quote.end))
    }

    /// The cue that starts at token `t`, if any (not running into a quotation).
    fn cue_at(&self, t: usize, limit: usize) -> Option<Cue> {
        if self.is_quoted(t) {
            return None;
        }
        let word = self.word(t);
        let phrases = if word.chars().any(char::is_uppercase) {
            // `the United States should`: a capitalized cue word inside a sentence is
            // part of a name.
            if !self.opens_sentence(t) && !self.after_opening_mark(t) {
                return None;
            }
            with_lowercase(word, |lower| cues().get(lower))?
        } else {
            cues().get(word)?
        };
        'phrase: for phrase in phrases {
            if t + phrase.len() > limit {
                continue;
            }
            for (k, part) in phrase.iter().enumerate().skip(1) {
                let tok = t + k;
                if self.is_quoted(tok) || !self.word(tok).eq_ignore_ascii_case(part) {
                    continue 'phrase;
                }
            }
            return Some(Cue {
                tokens: t..t + phrase.len(),
                phrase,
            });
        }
        None
    }

    /// The longest cue holding token `t` (`it was stated that` over `stated`).
    fn cue_covering(&self, t: usize, start: usize, limit: usize) -> Option<Cue> {
        let here = self.cue_at(t, limit)?;
        (1..4)
            .rev()
            .filter(|k| t >= start + k)
            .filter_map(|k| self.cue_at(t - k, limit))
            .find(|cue| cue.tokens.end > t)
            .or(Some(here))
    }

    /// Finds the cue and speaker mention for a quotation.
    pub fn attribute(&self, quote: Range<usize>, full: bool) -> Found {
        let (before, after) = self.frame(quote.clone());
        let found = self.nearest_attribution(quote.clone(), full, before.clone(), after.clone());
        let cue = found.as_ref().and_then(|(cue, _)| cue.clone());
        self.outer_source(before, after, cue).or(found)
    }

    /// The source that reports the attribution, as PolNeAR and most readers count it:
    /// `According to ProPublica, Clinton praised her “wonderful donors”` and `“…,”
    /// Sanders said, according to CNN` → the outlet. A trailing `according to` after a
    /// cue that comes before the quotation does not count: in `Kim said the trip marks
    /// a “significant” occasion, according to the KCNA` the quoted word is Kim's.
    fn outer_source(
        &self,
        before: Range<usize>,
        after: Range<usize>,
        cue: Option<Range<usize>>,
    ) -> Found {
        let cue = cue?;
        let is_according = |c: &Cue| contains(List::According, &c.phrase.join(" "));
        // Leading: the sentence opens with `According to Y,` before the cue.
        let mut t = before.start;
        while t < before.end
            && contains(List::SentenceOpeners, self.word(t))
            && self.cue_at(t, before.end).is_none()
        {
            t += 1;
        }
        if let Some(according) = self.cue_at(t, before.end).filter(is_according) {
            let according_span = self.doc.token_span(according.tokens.clone());
            if according_span.end <= cue.start {
                let source = self.phrase_after(according.tokens.end)?;
                return (source.end <= cue.start).then_some((Some(according_span), source));
            }
        }
        // Trailing: `“…,” X said [in a statement], according to Y`.
        let quote_end = self.doc.tokens.get(after.start)?.start();
        if cue.start < quote_end {
            return None;
        }
        let from = self.doc.token_at_or_after(cue.end);
        for t in from..after.end {
            if self.is_quoted(t) {
                return None;
            }
            if let Some(according) = self.cue_at(t, after.end).filter(is_according) {
                let source = self.phrase_after(according.tokens.end)?;
                return Some((Some(self.doc.token_span(according.tokens)), source));
            }
        }
        None
    }

    /// The nearest cue and speaker of a quotation.
    fn nearest_attribution(
        &self,
        quote: Range<usize>,
        full: bool,
        before: Range<usize>,
        after: Range<usize>,
    ) -> Found {
        // `“…,” the KCNA reported` / `“…?” asked Dunn` right after the closing mark
        // outranks a cue earlier in the sentence.
        if self.ends_open_for_attribution(quote.clone()) {
            if let Some(found) = self.attribution_right_after(after.clone()) {
                return Some(found);
            }
        }
        self.cue_before(before.clone())
            .or_else(|| self.cue_after(after.clone()))
            // `“…” -Commissioner X` at the end of the paragraph.
            .or_else(|| self.trailing_dash_name(after).map(|name| (None, name)))
            // `Cruz blamed the law on “knuckleheaded politicians.”`: no cue we know,
            // but the quotation sits in a clause whose subject is a name.
            .or_else(|| {
                if full {
                    return None;
                }
                let confident = |s: &Range<usize>| self.is_confident_name(s.clone());
                // `Speaking to MSNBC on Monday, Bush referred to Rubio as “…”`: else the
                // subject after the last comma.
                let subject = self
                    .clause_subject(before.start, before.end)
                    .filter(confident)
                    .or_else(|| {
                        let comma = (before.clone())
                            .rev()
                            .find(|&t| self.word(t) == "," && !self.is_quoted(t))?;
                        let subject = self.clause_subject(comma + 1, before.end)?;
                        // … and a verb right after it (`Bush referred`).
                        let next = self.doc.token_at_or_after(subject.end);
                        let verb = next < before.end
                            && self.doc.tokens[next].kind == TokenKind::Word
                            && !starts_upper(self.word(next))
                            && !contains(List::NotSubject, self.word(next));
                        Some(subject).filter(|s| verb && confident(s))
                    })?;
                Some((None, subject))
            })
    }

    /// Whether the quoted words end with `,` `?` `!` or a dash before the closing mark:
    /// the punctuation of a quotation that its attribution follows.
    fn ends_open_for_attribution(&self, quote: Range<usize>) -> bool {
        quote.end >= quote.start + 2
            && matches!(self.word(quote.end - 2), "," | "?" | "!" | "—" | "-" | "–")
    }

    /// The nearest cue before the quotation with its subject. A cue without one
    /// (`…, called Russia’s war a “sacred fight”`, `Trump launched an attack, calling
    /// him “…”`) borrows the subject of an earlier cue, or of its clause.
    fn cue_before(&self, before: Range<usize>) -> Found {
        let mut nearest_cue: Option<Range<usize>> = None;
        let mut nearest_start = before.end;
        let mut t = before.end;
        while t > before.start {
            t -= 1;
            if self.is_quoted(t) {
                continue;
            }
            let Some(cue) = self.cue_covering(t, before.start, before.end) else {
                continue;
            };
            t = cue.tokens.start;
            let cue_span = self.doc.token_span(cue.tokens.clone());
            let right_after = t > before.start && self.follows_quote(t, before.start);
            if let Some(subject) = self.subject_of(&cue, before.start, right_after) {
                return Some((Some(nearest_cue.unwrap_or(cue_span)), subject));
            }
            if nearest_cue.is_none() {
                nearest_cue = Some(cue_span);
                nearest_start = cue.tokens.start;
            }
        }
        let cue = nearest_cue?;
        let subject = self.clause_subject(before.start, nearest_start)?;
        Some((Some(cue), subject))
    }

    /// The first cue after the quotation that has a subject.
    fn cue_after(&self, after: Range<usize>) -> Found {
        for t in after.clone() {
            if self.is_quoted(t) {
                continue;
            }
            let Some(cue) = self.cue_at(t, after.end) else {
                continue;
            };
            let right_after = self.follows_quote(t, after.start);
            if let Some(subject) = self.subject_of(&cue, after.start, right_after) {
                return Some((Some(self.doc.token_span(cue.tokens)), subject));
            }
        }
        None
    }

    /// An attribution clause right after the closing mark: `, the KCNA reported`,
    /// `, said Kim`, or a speaker and any past-tense verb (`, an angry Hollande
    /// retaliated.`).
    fn attribution_right_after(
        &self,
        after: Range<usize>,
    ) -> Option<(Option<Range<usize>>, Range<usize>)> {
        let mut s = after.start;
        while s < after.end && self.word(s) == "," {
            s += 1;
        }
        if s >= after.end || self.is_quoted(s) {
            return None;
        }
        let first = self.doc.tokens[s].start();
        let reach = after.end.min(s + MAX_SUBJECT_TOKENS + 4);
        for t in s..reach {
            if self.is_quoted(t) {
                break;
            }
            let Some(cue) = self.cue_at(t, after.end) else {
                continue;
            };
            let subject = self.subject_of(&cue, s, t == s)?;
            if t == s || subject.start == first {
                return Some((Some(self.doc.token_span(cue.tokens)), subject));
            }
            return None;
        }
        let end = self.noun_phrase_at(s, reach)?;
        // `the Republican vice-presidential nominee riffed`: a phrase that opens with a
        // determiner may go on over lowercase words to its verb.
        let determined = contains(List::Determiners, self.word(s));
        let longest = if determined {
            (end..reach)
                .take_while(|&k| {
                    let w = self.word(k);
                    self.doc.tokens[k].kind == TokenKind::Word
                        && !self.is_quoted(k)
                        && !contains(List::NotSubject, w)
                })
                .last()
                .map_or(end, |k| k + 1)
        } else {
            end
        };
        // The last verb-like word wins: `the embattled senator fumed`.
        let first_verb = if determined { s + 1 } else { end };
        (first_verb..=longest.min(after.end - 1))
            .rev()
            .find(|&verb_at| self.verb_after_speaker(verb_at, after.end))
            .map(|verb_at| {
                (
                    Some(self.doc.token_span(verb_at..verb_at + 1)),
                    self.doc.token_span(s..verb_at),
                )
            })
    }

    /// Whether token `t` reads as the verb of `“…,” Speaker verbed`: a lowercase
    /// past or present form that ends the clause (`retaliated.`, `riffed on …`).
    fn verb_after_speaker(&self, t: usize, limit: usize) -> bool {
        if t >= limit || self.is_quoted(t) {
            return false;
        }
        let verb = self.word(t);
        let past_or_present = (verb.ends_with("ed") || verb.ends_with('s'))
            && verb.chars().all(|c| c.is_lowercase())
            && !contains(List::NotSubject, verb);
        let closes = t + 1 >= limit
            || matches!(self.word(t + 1), "." | "," | ";" | "—")
            || contains(List::AfterCue, self.word(t + 1))
            || verb.ends_with("ed");
        past_or_present && closes
    }

    /// The subject at the start of the clause: `In an incendiary press conference,
    /// Trump launched …` → `Trump`.
    fn clause_subject(&self, start: usize, limit: usize) -> Option<Range<usize>> {
        let mut j = self.after_dateline(start, limit);
        // `Here in Columbia, Sanders …`: openers before an introductory phrase.
        while j + 1 < limit
            && contains(List::SentenceOpeners, self.word(j))
            && contains(List::IntroWords, self.word(j + 1))
        {
            j += 1;
        }
        let opener = self.word(j.min(self.doc.tokens.len().saturating_sub(1)));
        // `In three interviews, the justice …`, `Flying home, she …`: skip to the comma.
        let intro = j < limit
            && (contains(List::IntroWords, opener)
                || (starts_upper(opener) && opener.ends_with("ing")));
        if intro {
            let comma = (j..limit.min(j + MAX_APPOSITIVE_TOKENS))
                .find(|&k| self.word(k) == "," && !self.is_quoted(k));
            j = comma.map_or(j + 1, |k| k + 1);
        }
        while j < limit
            && contains(List::SentenceOpeners, self.word(j))
            && !contains(List::Determiners, self.word(j))
        {
            j += 1;
        }
        // `First, Trump identified the judge as “Spanish,”`, `Domestically, …`: an
        // opening adverb.
        let adverb = |t: usize| !self.is_name_word(t) || self.word(t).ends_with("ly");
        if j + 2 < limit && self.word(j + 1) == "," && adverb(j) {
            j += 2;
        }
        if j >= limit || self.is_quoted(j) {
            return None;
        }
        let mut end = self.noun_phrase_at(j, limit)?;
        // `A month later, he paid a visit`: a time phrase, then the subject.
        if end + 1 < limit
            && self.word(end) == ","
            && matches!(self.word(end - 1), "later" | "earlier" | "ago")
        {
            j = end + 1;
            if self.is_quoted(j) {
                return None;
            }
            end = self.noun_phrase_at(j, limit)?;
        }
        // `Speaking in Salem, New Hampshire, Trump went after Bush`: the intro ran on
        // over a place; the subject is the phrase after it that a verb follows.
        if intro && end + 1 < limit && self.word(end) == "," && !self.is_quoted(end + 1) {
            if let Some(next_end) = self.noun_phrase_at(end + 1, limit) {
                let verb = next_end < limit
                    && self.doc.tokens[next_end].kind == TokenKind::Word
                    && !starts_upper(self.word(next_end))
                    && !contains(List::NotSubject, self.word(next_end));
                if verb && (end + 1..next_end).any(|k| self.is_name_word(k)) {
                    j = end + 1;
                    end = next_end;
                }
            }
        }
        // `the justice`, `his campaign` are subjects too; a bare `policies` is not.
        let has_name = (j..end).any(|k| self.is_name_word(k))
            || contains(List::PersonPronouns, self.word(j))
            || contains(List::ThingPronouns, self.word(j))
            || (end - j >= 2 && contains(List::Determiners, self.word(j)));
        has_name.then(|| self.doc.token_span(j..end))
    }

    /// The first token after a dateline that opens the sentence at `start`
    /// (`WASHINGTON, Dec. 8 (UPI) — Clinton’s aide …`), or `start`.
    fn after_dateline(&self, start: usize, limit: usize) -> usize {
        let reach = limit.min(start + MAX_DATELINE_TOKENS);
        let dash = (start + 1..reach).find(|&k| {
            matches!(self.word(k), "—" | "–" | "-")
                && (self.word(k - 1) == ")" || self.word(k - 1).chars().all(char::is_uppercase))
        });
        let Some(mut k) = dash else {
            return start;
        };
        while k < limit && matches!(self.word(k), "—" | "–" | "-") {
            k += 1;
        }
        k
    }

    /// Whether a subject found without a cue surely names someone: `he`, `she`,
    /// `they`, two capitalized words, or a word the story also capitalizes inside a
    /// sentence (`Cruz`, not a sentence-initial `Optimism`).
    fn is_confident_name(&self, subject: Range<usize>) -> bool {
        let tokens = self.doc.tokens_within(subject);
        if tokens.len() == 1 && contains(List::PersonPronouns, self.word(tokens.start)) {
            return true;
        }
        let names: Vec<&str> = tokens
            .map(|t| self.word(t))
            .filter(|t| {
                starts_upper(t)
                    && !contains(List::Determiners, t)
                    && !contains(List::SentenceOpeners, t)
            })
            .collect();
        names.len() >= 2
            || names
                .iter()
                .any(|n| self.names_inside_sentences.contains(n))
    }

    /// The end (exclusive token) of a speaker phrase starting at token `s`: a pronoun,
    /// or words up to a name's end (`an angry Hollande`, `the KCNA`, `a spokesman`).
    fn noun_phrase_at(&self, s: usize, limit: usize) -> Option<usize> {
        let first = self.word(s);
        if contains(List::PersonPronouns, first) || contains(List::ThingPronouns, first) {
            return Some(s + 1);
        }
        let mut j = s;
        let mut has_name = false;
        while j < limit && j - s < MAX_SUBJECT_TOKENS && !self.is_quoted(j) {
            let tok = self.doc.tokens[j];
            let text = self.word(j);
            // `Sen. Jeff Sessions`: an abbreviated title and its full stop.
            if j + 1 < limit && self.word(j + 1) == "." && self.is_abbreviated_title(j) {
                j += 2;
                continue;
            }
            if !matches!(tok.kind, TokenKind::Word | TokenKind::Possessive)
                && !self.is_number_word(j)
            {
                break;
            }
            if self.is_name_word(j) {
                has_name = true;
            } else if has_name
                || (contains(List::NotSubject, text) && !contains(List::Determiners, text))
                || (j > s && self.cue_at(j, limit).is_some())
            {
                break;
            }
            j += 1;
        }
        (j > s).then_some(j)
    }

    /// Whether only a comma stands between token `t` and the quotation before it.
    fn follows_quote(&self, t: usize, after_start: usize) -> bool {
        let mut j = t;
        while j > after_start && self.word(j - 1) == "," {
            j -= 1;
        }
        j == after_start || (j > 0 && self.is_quoted(j - 1))
    }

    /// The speaker mention of a cue: before it (`Kim said`), or after it for `according
    /// to X` and inverted cues right after a quotation (`“…,” said Kim`).
    fn subject_of(&self, cue: &Cue, frame_start: usize, right_after: bool) -> Option<Range<usize>> {
        let phrase = cue.phrase.join(" ");
        if contains(List::According, &phrase) {
            return self.phrase_after(cue.tokens.end);
        }
        if contains(List::Passive, &phrase) {
            return self
                .last_name_before(cue.tokens.start, frame_start)
                .or_else(|| Some(self.doc.token_span(cue.tokens.start..cue.tokens.start + 1)));
        }
        // `Trump launched an attack on Obama, calling him …`: a participle's subject is
        // its clause's, not the words before it.
        // But `Ryan saying he was “very encouraged” and Trump calling it …` names it.
        if phrase.ends_with("ing") && cue.phrase.len() == 1 {
            let t = cue.tokens.start;
            let named = t > frame_start
                && starts_upper(self.word(t - 1))
                && !contains(List::SentenceOpeners, self.word(t - 1));
            if !named {
                return None;
            }
        }
        if let Some(s) = self.phrase_before(cue.tokens.start, frame_start) {
            // `a book called “Women Who Work”` names a thing, nobody speaks.
            if contains(List::Naming, &phrase) && !self.any_upper(self.doc.tokens_within(s.clone()))
            {
                let text = &self.doc.text[s.clone()];
                let pronoun = contains(List::PersonPronouns, text) || text == "who";
                if !pronoun {
                    return None;
                }
            }
            return Some(s);
        }
        let after_comma = cue.tokens.start > frame_start && self.word(cue.tokens.start - 1) == ",";
        if (right_after || after_comma) && contains(List::Inverted, &phrase) {
            // `said Kim`, `said the agency`, but not `said places such as Iowa`.
            let subject = self.phrase_after(cue.tokens.end)?;
            let tokens = self.doc.tokens_within(subject.clone());
            let named = tokens.clone().any(|t| starts_upper(self.word(t)))
                || contains(List::Determiners, self.word(tokens.start));
            return named.then_some(subject);
        }
        None
    }

    /// The speaker phrase ending just before token `t` (over adverbs and an appositive).
    fn phrase_before(&self, t: usize, frame_start: usize) -> Option<Range<usize>> {
        self.phrase_before_over(t, frame_start, true)
    }

    /// `phrase_before`, stepping over one lowercase prepositional phrase between the
    /// speaker and the cue when `over_preposition` (`Trump at the time said`,
    /// `she in a later interview said`).
    fn phrase_before_over(
        &self,
        t: usize,
        frame_start: usize,
        over_preposition: bool,
    ) -> Option<Range<usize>> {
        let mut j = t;
        let mut skipped = 0;
        while j > frame_start && skipped < 3 && is_adverb_before_cue(self.word(j - 1)) {
            j -= 1;
            skipped += 1;
        }
        // `Sen. Marco Rubio (R-Fla.) said`: step over a short parenthesis after a name.
        if let Some(open) = self.parenthesis_ending_at(j, frame_start) {
            if open > frame_start && starts_upper(self.word(open - 1)) {
                j = open;
            }
        }
        // `Hugh Hill, a doctor, said`, `Ramil Carr, 31, a photographer, said`: step
        // over the appositives between commas.
        let mut appositives = 0;
        let mut comma = (j > frame_start && self.word(j - 1) == ",").then(|| j - 1);
        while let Some(c) = comma.filter(|_| appositives < 2) {
            let mut k = c;
            let lowest = c.saturating_sub(MAX_APPOSITIVE_TOKENS).max(frame_start);
            while k > lowest && self.word(k - 1) != "," && !self.is_quoted(k - 1) {
                k -= 1;
            }
            let bounded = k > lowest && self.word(k - 1) == "," && k < c;
            if !bounded {
                // What is left before the appositives is the speaker's name.
                if appositives == 0 {
                    return None;
                }
                break;
            }
            let first = self.word(k);
            let opens = first.chars().next().unwrap_or(' ');
            // `Matdos Santos, legal director for ACLU of Oregon, said`: after a name.
            let after_name = k >= 2 && starts_upper(self.word(k - 2)) && !self.is_quoted(k - 2);
            let appositive = contains(List::Determiners, first)
                || matches!(first, "who" | "which" | "whose")
                || opens.is_ascii_digit()
                || is_title_word(first)
                || opens.is_uppercase()
                || after_name;
            if starts_upper(first) && (k..c).all(|t| starts_upper(self.word(t))) {
                // `the nominee, Donald Trump, tweeted`: the name between commas.
                return Some(self.doc.token_span(k..c));
            } else if appositive {
                // `Jeff Weaver, Sanders' campaign manager, said`, `Ramil Carr, 31, a
                // photographer, said`
                j = k - 1;
                appositives += 1;
                comma = Some(k - 1);
            } else if appositives == 0 {
                return None;
            } else {
                break;
            }
        }
        if j == frame_start || j == 0 || self.is_quoted(j - 1) {
            return None;
        }
        let last = j - 1;
        let word = self.word(last);
        // `his claims`, `Rubio’s proposed credit`: the cue word is a noun or adjective.
        if self.doc.tokens[last].kind == TokenKind::Possessive
            || (contains(List::Determiners, word) && !contains(List::PersonPronouns, word))
        {
            return None;
        }
        if contains(List::PersonPronouns, word)
            || contains(List::ThingPronouns, word)
            || word == "who"
        {
            return Some(self.doc.token_span(last..j));
        }
        // Read the phrase back: capitalized words, possessives, determiners, nouns.
        let mut k = j;
        while k > frame_start && j - k < MAX_SUBJECT_TOKENS {
            let tok = self.doc.tokens[k - 1];
            let text = self.word(k - 1);
            // `Sen. Jane Fowler`: an abbreviated title's full stop.
            if text == "." && k >= frame_start + 2 && k < j && self.is_abbreviated_title(k - 2) {
                k -= 2;
                continue;
            }
            let is_word = matches!(tok.kind, TokenKind::Word | TokenKind::Possessive)
                || (tok.kind == TokenKind::Number && k < j)
                || self.is_number_word(k - 1);
            if !is_word || self.is_quoted(k - 1) || contains(List::NotSubject, text) {
                break;
            }
            if k < j && self.cue_at(k - 1, j).is_some() && !starts_upper(text) {
                break;
            }
            k -= 1;
        }
        if over_preposition
            && k > frame_start + 1
            && k < j
            && contains(List::Prepositions, self.word(k - 1))
            && !self.any_upper(k..j)
        {
            return self.phrase_before_over(k - 1, frame_start, false);
        }
        // Drop sentence openers (`But`, `Meanwhile`) the run may start with.
        while k < j
            && starts_upper(self.word(k))
            && contains(List::SentenceOpeners, self.word(k))
            && !contains(List::Determiners, self.word(k))
        {
            k += 1;
        }
        if k == j {
            return None;
        }
        // A lowercase head word must be a noun-like speaker (`the agency`, `officials`),
        // not an adverb or verb we do not know.
        let head = self.word(last);
        if !starts_upper(head) && !head.ends_with('s') && !self.any_upper(k..j) {
            let det = contains(List::Determiners, self.word(k));
            if !det {
                return None;
            }
        }
        Some(self.doc.token_span(k..j))
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

    fn any_upper(&self, range: Range<usize>) -> bool {
        range.into_iter().any(|t| starts_upper(self.word(t)))
    }

    /// The speaker phrase starting at token `t`: `the KCNA`, `Prime Minister Kim`,
    /// `a spokesman`.
    fn phrase_after(&self, t: usize) -> Option<Range<usize>> {
        let n = self.doc.tokens.len();
        let mut j = t;
        while j < n && j < t + 2 && contains(List::AfterCue, self.word(j)) && !self.is_quoted(j) {
            j += 1;
        }
        if j >= n || self.is_quoted(j) {
            return None;
        }
        let end = self.noun_phrase_at(j, n)?;
        Some(self.doc.token_span(j..end))
    }

    /// The last capitalized run before token `t` in the frame (`In another KCNA report,
    /// it was stated that` → `KCNA`).
    fn last_name_before(&self, t: usize, frame_start: usize) -> Option<Range<usize>> {
        let mut end = t;
        while end > frame_start {
            let text = self.word(end - 1);
            if starts_upper(text)
                && !contains(List::SentenceOpeners, text)
                && !self.is_quoted(end - 1)
            {
                break;
            }
            end -= 1;
        }
        if end == frame_start {
            return None;
        }
        let mut start = end - 1;
        while start > frame_start
            && starts_upper(self.word(start - 1))
            && !contains(List::SentenceOpeners, self.word(start - 1))
        {
            start -= 1;
        }
        Some(self.doc.token_span(start..end))
    }

    /// `“…” -Commissioner X` or `— John Smith` ending the paragraph.
    fn trailing_dash_name(&self, after: Range<usize>) -> Option<Range<usize>> {
        let first = after.start;
        if first >= after.end || !matches!(self.word(first), "-" | "—" | "–" | "--") {
            return None;
        }
        let mut j = first + 1;
        while j < after.end && self.word(j) == "-" {
            j += 1;
        }
        let start = j;
        while j < after.end && starts_upper(self.word(j)) {
            j += 1;
        }
        let rest_is_end = j == after.end || matches!(self.word(j), "." | ",");
        (j > start && rest_is_end).then(|| self.doc.token_span(start..j))
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

    /// A colon introducing the quotation: `Clinton’s response was: “…”`, or `And from
    /// Chairwoman X:` ending the line before a quotation that opens a line.
    pub fn colon_intro(&self, quote: Range<usize>) -> Option<Range<usize>> {
        let first = quote.start;
        if first == 0 || self.word(first - 1) != ":" || self.is_quoted(first - 1) {
            return None;
        }
        if !self.opens_line(first) {
            let (before, _) = self.frame(quote);
            let colon = before.end - 1;
            // `McConnell delivered a blunt message to Trump: “…”`: a phrase right
            // after a lowercase word is an object; the speaker is the clause's subject.
            let phrase = self.phrase_before(colon, before.start);
            let object = phrase.as_ref().is_some_and(|p| {
                let t = self.doc.token_at_or_after(p.start);
                t > before.start
                    && self.doc.tokens[t - 1].kind == TokenKind::Word
                    && !starts_upper(self.word(t - 1))
            });
            if object {
                if let Some(subject) = self.clause_subject(before.start, colon) {
                    return Some(subject);
                }
            }
            return phrase.or_else(|| self.clause_subject(before.start, colon));
        }
        let limit = (first - 1).saturating_sub(FRAME_TOKENS);
        let line = self.line_of(first - 1);
        let mut start = first - 1;
        while start > limit && self.line_of(start - 1) == line {
            start -= 1;
        }
        // `Partial transcript as follows:`: the speaker is before `as follows`.
        let mut colon = first - 1;
        if colon >= start + 2
            && self.word(colon - 2).eq_ignore_ascii_case("as")
            && self.word(colon - 1) == "follows"
        {
            colon -= 2;
        }
        self.cue_before(start..colon)
            .map(|(_, subject)| subject)
            .or_else(|| self.phrase_before(colon, start))
            .or_else(|| self.clause_subject(start, colon))
    }

    /// For a full quotation that opens its sentence without attribution, the cue and
    /// subject of the sentence before it, in its paragraph or ending the paragraph
    /// before: `Ash argued in his email that the rules failed. “In light of this …”`,
    /// `Bystrom agreed.\n\n“Mainstream Republicans are running out of time.”`
    pub fn previous_sentence_attribution(&self, quote: Range<usize>) -> Found {
        let (before, _) = self.frame(quote.clone());
        if before.start != before.end {
            return None;
        }
        let first = quote.start;
        let sentence = self.sentence_of(first);
        let previous = self.doc.sentences.get(sentence.checked_sub(1)?)?;
        if previous.end == 0 || previous.end > first {
            return None;
        }
        let last = previous.end - 1;
        let (line, line_before) = (self.line_of(first), self.line_of(last));
        let adjacent = line == line_before || (self.opens_line(first) && line_before + 1 == line);
        if !adjacent || self.is_quoted(last) {
            return None;
        }
        let mut start = previous
            .start
            .max(previous.end.saturating_sub(FRAME_TOKENS));
        while start < last && self.line_of(start) != line_before {
            start += 1;
        }
        self.cue_before(start..previous.end)
    }

    /// Whether the words right before the quotation (over `,`/`:`) are a cue or the
    /// start of its sentence: then a quotation is a full one.
    pub fn opens_clause(&self, quote: Range<usize>) -> bool {
        let (before, _) = self.frame(quote.clone());
        let mut j = before.end;
        let mut dash = false;
        while j > before.start && matches!(self.word(j - 1), "," | ":" | "—" | "-" | "–") {
            if self.word(j - 1) == ":" {
                return true;
            }
            dash |= self.word(j - 1) != ",";
            j -= 1;
        }
        if j == before.start || self.is_quoted(j - 1) {
            return true;
        }
        // `SEOUL, Sept. 14 (Yonhap) -- “We will win,” …`: a dateline's dash.
        let word = self.word(j - 1);
        if dash && (word == ")" || word.chars().all(|c| c.is_uppercase())) {
            return true;
        }
        let mut k = j - 1;
        // `said “we are …`, `told reporters “…`, `added, “…`
        for _ in 0..3 {
            if let Some(cue) = self.cue_at(k, j) {
                if cue.tokens.end == j {
                    return true;
                }
            }
            if k == before.start {
                break;
            }
            k -= 1;
        }
        false
    }

    /// Resolves a speaker mention to a name and entity, and remembers it.
    pub fn resolve(&mut self, mention: Range<usize>) -> ResolvedSpeaker {
        let resolved = self.resolve_mention(mention);
        if resolved.is_organization {
            self.last_organization = Some(resolved.clone());
        }
        self.recent.push(resolved.clone());
        if self.recent.len() > RECENT_SPEAKERS {
            self.recent.remove(0);
        }
        resolved
    }

    fn resolve_mention(&self, mention: Range<usize>) -> ResolvedSpeaker {
        let text = &self.doc.text[mention.clone()];
        // `Sen. Marco Rubio of Florida, who mused …`: the name before the comma.
        if text == "who" {
            let t = self.doc.token_at_or_after(mention.start);
            let mut end = t;
            while end > 0 && end + 4 > t && !starts_upper(self.word(end - 1)) {
                end -= 1;
            }
            let mut start = end;
            while start > 0
                && end - start < MAX_SUBJECT_TOKENS
                && starts_upper(self.word(start - 1))
            {
                start -= 1;
            }
            if start < end {
                let named = self.resolve_mention(self.doc.token_span(start..end));
                return ResolvedSpeaker { mention, ..named };
            }
        }
        let lower = text.to_lowercase();
        if contains(List::PersonPronouns, &lower) || contains(List::ThingPronouns, &lower) {
            let organization = contains(List::ThingPronouns, &lower);
            let gender = match lower.as_str() {
                "he" | "him" => Some(Gender::Male),
                "she" | "her" => Some(Gender::Female),
                _ => None,
            };
            // `she said` after a man spoke: the last speaker who may be a she.
            let fits = |r: &ResolvedSpeaker| {
                !r.is_organization && (gender.is_none() || r.gender.is_none() || r.gender == gender)
            };
            let mut earlier = if organization {
                self.last_organization.clone()
            } else if lower == "they" {
                self.recent.last().cloned()
            } else {
                self.recent.iter().rev().find(|r| fits(r)).cloned()
            };
            // `Trump spoke first. Later Cruz took the stage. “…,” he said.`: a person
            // who is the subject of this sentence or the one before, named after the
            // last speaker, is nearer.
            if gender.is_some() {
                if let Some(subject) = self.subject_before(mention.start, gender) {
                    if earlier
                        .as_ref()
                        .is_none_or(|e| e.mention.end <= subject.mention.start)
                    {
                        earlier = Some(subject);
                    }
                }
            }
            let resolved = if let Some(e) = earlier {
                ResolvedSpeaker { mention, ..e }
            } else if let Some(entity) = self.entity_before(mention.start, organization, gender) {
                self.speaker_for_entity(mention, entity)
            } else if let Some(name) = self.name_before(mention.start, organization) {
                ResolvedSpeaker {
                    mention,
                    name: strip_titles(&self.doc.text[name.clone()]),
                    entity: None,
                    is_organization: organization,
                    gender: gender_of(&self.doc.text[name]),
                }
            } else {
                ResolvedSpeaker {
                    mention,
                    name: text.to_string(),
                    entity: None,
                    is_organization: organization,
                    gender,
                }
            };
            // The pronoun tells the speaker's gender when the name did not.
            return ResolvedSpeaker {
                gender: resolved.gender.or(gender),
                ..resolved
            };
        }
        if let Some(entity) = self.entity_overlapping(mention.clone()) {
            return self.speaker_for_entity(mention, entity);
        }
        let name = strip_titles(text);
        let is_organization = looks_like_organization(text);
        // A surname alone: an earlier speaker or a person entity with that surname.
        if !name.contains(' ') && !is_organization {
            if let Some(earlier) =
                self.recent.iter().rev().find(|r| {
                    r.name.rsplit(' ').next() == Some(name.as_str()) && !r.is_organization
                })
            {
                return ResolvedSpeaker {
                    mention,
                    ..earlier.clone()
                };
            }
            if let Some(&i) = self.people_by_surname.get(name.as_str()) {
                return self.speaker_for_entity(mention, i);
            }
        }
        ResolvedSpeaker {
            mention,
            name,
            entity: None,
            is_organization,
            gender: if is_organization {
                None
            } else {
                gender_of(text)
            },
        }
    }

    /// Without entities: the nearest name before byte `at` (bounded look-back) that
    /// looks like an organization (`the KCNA` for `it`) or a person (two capitalized
    /// words or a title, for `he`).
    fn name_before(&self, at: usize, organization: bool) -> Option<Range<usize>> {
        let mut end = self.doc.token_at_or_after(at);
        let lowest = self
            .doc
            .token_at_or_after(at.saturating_sub(PRONOUN_LOOKBACK));
        while end > lowest {
            if !starts_upper(self.word(end - 1)) || self.is_quoted(end - 1) {
                end -= 1;
                continue;
            }
            let mut start = end - 1;
            while start > lowest
                && starts_upper(self.word(start - 1))
                && !self.is_quoted(start - 1)
                && !self.opens_sentence(start)
            {
                start -= 1;
            }
            while start < end && contains(List::SentenceOpeners, self.word(start)) {
                start += 1;
            }
            if start < end {
                let text = &self.doc.text[self.doc.token_span(start..end)];
                let fits = if organization {
                    looks_like_organization(text)
                } else {
                    !looks_like_organization(text)
                        && (end - start >= 2 || is_title_word(self.word(start)))
                };
                if fits {
                    return Some(self.doc.token_span(start..end));
                }
            }
            end = start.min(end - 1);
        }
        None
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

    fn speaker_for_entity(&self, mention: Range<usize>, entity: usize) -> ResolvedSpeaker {
        let e = &self.entities[entity];
        let is_person = e.entity_type == EntityType::Person;
        ResolvedSpeaker {
            // `Sen. Jane Fowler` → `Jane Fowler`, should the entity keep a title.
            name: if is_person {
                strip_titles(&e.name)
            } else {
                e.name.clone()
            },
            entity: Some(entity),
            // `Mr. Okafor`, should the entities stage take him for an organization.
            is_organization: e.entity_type == EntityType::Organization
                && gender_of(&self.doc.text[mention.clone()]).is_none(),
            gender: self.entity_gender(entity, &mention),
            mention,
        }
    }

    /// The person or organization entity mentioned inside `range` (the rightmost wins:
    /// `South Korean President Yoon Suk-yeol` → Yoon Suk-yeol).
    fn entity_overlapping(&self, range: Range<usize>) -> Option<usize> {
        let from = self
            .mentions
            .partition_point(|m| m.0 < range.start.saturating_sub(200));
        self.mentions[from..]
            .iter()
            .take_while(|m| m.0 < range.end)
            .filter(|m| m.1 > range.start)
            // `Kim’s aide`: the possessor is not the speaker.
            .filter(|m| !(m.1 < range.end && self.doc.text[m.1..].starts_with(['’', '\''])))
            .filter(|m| {
                matches!(
                    self.entities[m.2].entity_type,
                    EntityType::Person | EntityType::Organization
                )
            })
            .max_by_key(|m| m.1)
            .map(|m| m.2)
    }

    /// The person entity (of a compatible gender) that is the subject of the sentence
    /// holding byte `at`, before it, or else of the sentence before.
    fn subject_before(&self, at: usize, gender: Option<Gender>) -> Option<ResolvedSpeaker> {
        let t = self.doc.token_at_or_after(at);
        let here = self.sentence_of(t);
        for s in [Some(here), here.checked_sub(1)].into_iter().flatten() {
            let Some(sentence) = self.doc.sentences.get(s) else {
                continue;
            };
            let limit = sentence.end.min(t).min(sentence.start + FRAME_TOKENS);
            if sentence.start >= limit {
                continue;
            }
            let Some(subject) = self.clause_subject(sentence.start, limit) else {
                continue;
            };
            let Some(entity) = self.entity_overlapping(subject.clone()) else {
                continue;
            };
            if self.entities[entity].entity_type != EntityType::Person {
                continue;
            }
            let known = self.entity_gender(entity, &subject);
            if gender.is_none() || known.is_none() || known == gender {
                return Some(self.speaker_for_entity(subject, entity));
            }
        }
        None
    }

    /// The nearest organization, or person of a compatible gender, mentioned before
    /// byte `at` (bounded look-back).
    fn entity_before(
        &self,
        at: usize,
        organization: bool,
        gender: Option<Gender>,
    ) -> Option<usize> {
        let want = if organization {
            EntityType::Organization
        } else {
            EntityType::Person
        };
        let end = self.mentions.partition_point(|m| m.0 < at);
        self.mentions[..end]
            .iter()
            .rev()
            .take_while(|m| m.0 + PRONOUN_LOOKBACK >= at)
            .filter(|m| self.entities[m.2].entity_type == want)
            .find(|m| {
                let known = self.entity_gender(m.2, &(m.0..m.1));
                gender.is_none() || known.is_none() || known == gender
            })
            .map(|m| m.2)
    }

    /// A person's gender from the mention's title (`Mrs. Okafor`), else the entity's
    /// name and role.
    fn entity_gender(&self, entity: usize, mention: &Range<usize>) -> Option<Gender> {
        let e = &self.entities[entity];
        let from_title = gender_of(&self.doc.text[mention.clone()]);
        if e.entity_type != EntityType::Person {
            return from_title;
        }
        from_title
            .or_else(|| gender_of(&e.name))
            .or_else(|| e.role.as_deref().and_then(gender_of))
    }
}

/// `also`, `later`, `has`, `on Wednesday`, `repeatedly`: between a speaker and a cue.
fn is_adverb_before_cue(word: &str) -> bool {
    contains(List::BeforeCue, word)
        || (word.len() > 4 && word.ends_with("ly") && word.chars().all(|c| c.is_lowercase()))
}

/// `Prime Minister Han Duck-soo` → `Han Duck-soo`; `the KCNA` → `KCNA`.
pub fn strip_titles(mention: &str) -> String {
    let parts: Vec<&str> = mention.split_whitespace().collect();
    let mut k = 0;
    while k + 1 < parts.len() && (is_title_word(parts[k]) || contains(List::Determiners, parts[k]))
    {
        k += 1;
    }
    parts[k..].join(" ")
}

/// The gender a name or role tells: a gendered title or role word (`Mrs.`, `Sir`,
/// `spokeswoman`), else a given name borne mostly by one sex (`Hillary Clinton`). A
/// name whose next word is hyphenated is read surname first (`Kim Yung-ho`, `Lee
/// Min-ji`) and tells nothing by its first word.
fn gender_of(mention: &str) -> Option<Gender> {
    let parts: Vec<&str> = mention.split_whitespace().collect();
    for part in &parts {
        if contains(List::MaleWords, part) {
            return Some(Gender::Male);
        }
        if contains(List::FemaleWords, part) {
            return Some(Gender::Female);
        }
    }
    let first = parts
        .iter()
        .position(|p| starts_upper(p) && !is_title_word(p) && !contains(List::Determiners, p))?;
    if parts.get(first + 1).is_some_and(|next| next.contains('-')) {
        return None;
    }
    given_name_gender(parts[first])
}

fn looks_like_organization(mention: &str) -> bool {
    let parts: Vec<&str> = mention.split_whitespace().collect();
    parts.iter().any(|p| contains(List::OrganizationNouns, p))
        || parts.last().is_some_and(|p| {
            p.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && p.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        })
}
