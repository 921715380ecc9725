//! Reported statements (indirect quotes): the content clause of a reporting cue, with
//! its cue and speaker. The shapes, tried in this order:
//!
//! | shape | example | content |
//! |---|---|---|
//! | `According to X, …` | `According to Western sources, Kim could be willing …` | after the comma |
//! | speaker, cue, content | `Putin said afterwards that there are possibilities …`, `Officials warned the toll could rise`, `Trump has vowed to bring back jobs` | after the cue (and a `that` a few words on, or from the `to` of a promise), up to the next statement's cue or a trailing attribution |
//! | content, speaker and cue | `Kim made the invitation …, the KCNA said.`, `…, said Kim.`, `…, according to the KCNA.` | the sentence up to the comma before the attribution |
//! | a parenthetical attribution | `In a merger, he said, the brand would survive` | the longer side |
//! | a view or a speech act on a thing | `Republicans believe they have …`, `Sanders called for a ban on fracking` | the clause or infinitive; the object up to the reporter's adjunct (`in a ruling on Friday`) |
//!
//! | a naming cue with a quotation in its object | `Graham called both candidates “crazy”`, `described her team as “a work in progress”` | the object with the quotation (not `called the meeting to order`) |
//!
//! A sentence may hold several statements: `Perdue said X, arguing that Y`, `Merrill
//! says X and said Y`, `Fowler said X — and he noted Y` each give two. A cue with no
//! subject of its own (after `and`, a participle after a comma: `Clinton mocked the
//! complaint, saying …`) takes the sentence's previous speaker, else the clause's
//! subject; a progressive's subject stands before `is` (`The White House is saying`).
//! A poll's share is a subject too (`…, and more than 4 in 10 said`).
//!
//! The cues are `data/attribution.txt ## reporting`: verbs of saying and claiming, not
//! of perceiving (`see`), nor `urged` (an object and an infinitive) or `called` (a
//! name); findings and a few verbs that also take a plain object report only with
//! `that` (`the poll found that`, not `police found the body`; `wrote that`, not `wrote
//! the letter`), and a cue that takes the one told (`told a crowd in Berea`) only a
//! clause with a verb. Verbs of believing and wanting (`## thinking`: `believe`,
//! `hope`, `wants to`) report a view the story attributes (`Republicans believe they
//! have …`) only with a clause of their own or an infinitive, and only in the
//! reporter's main clause: not `voters who believe`, `if we thought`, `Trump may want
//! to`. A sentence with no such cue is
//! the reporter's own and gives nothing; a semicolon ends a statement. When two
//! trailing attributions stack (`…, he added, according to Yonhap`), the inner one
//! speaks and the outer is the channel. A content clause that is mostly a quotation
//! (`Kim said “we will win”`) is left to the direct quote; one with a partial quote
//! inside (`Kim said his trip marks a “significant” occasion`) is a mixed statement and
//! kept whole.
//!
//! Knowingly wrong: a content clause ends at the end of its sentence, so a statement
//! followed by the reporter's own clause (`…, which forced her to leave`) takes the
//! clause along, and one that goes on over the next sentences keeps only the first; a
//! question (`asked whether …`) is never reported (no `asked` in the list); a `that`
//! within a few words of the cue, before any verb, is taken for the conjunction.

use super::frame::Cue;
use super::lexicon::is_adverb_before_cue;
use super::{Attribution, Attributor, MAX_SUBJECT_TOKENS};
use crate::text::{starts_upper, TokenKind};
use crate::wordlists::{contains, List};
use std::ops::Range;

/// How far after a cue a `that` opening the content may come (`said on Thursday in a
/// statement that`, `assured Putin that`).
const MAX_THAT_DISTANCE: usize = 12;
/// Verbs that show a clause has begun: a `that` after one is no conjunction of the cue.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "should", "may", "might", "must", "do", "does", "did",
];
/// The longest subject of a statement joined to the one before (`…, and
/// three-quarters said`).
const MAX_JOINED_SUBJECT_TOKENS: usize = 4;
/// The longest tail after a trailing attribution (`…, the KCNA reported Thursday, as the
/// two isolated countries seek to bolster ties.`).
const MAX_TAIL_TOKENS: usize = 14;
/// The fewest words a content clause has (`the toll could rise`).
const MIN_CONTENT_WORDS: usize = 3;
/// The share of a content clause's words that must stand outside quotation marks: below
/// it the statement is a direct quote with a lead-in (`it was stated that at the
/// cosmodrome, Kim “was briefed on …”`).
const MIN_UNQUOTED_SHARE: f32 = 0.4;
/// The fewest unquoted words a content clause that opens with a quotation needs to be a
/// mixed statement, not a direct quote with a tail (`said “…” at the rally`).
const MIN_WORDS_AFTER_OPENING_QUOTE: usize = 5;

/// A reported statement: the content clause (byte range) and who is reported.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportedStatement {
    pub content: Range<usize>,
    pub attribution: Attribution,
}

impl Attributor<'_> {
    /// The reported statements of the body, in text order; sentences that start inside
    /// an `excluded` byte range (headline, notes, captions; sorted) are skipped.
    pub fn reported_statements(&self, excluded: &[Range<usize>]) -> Vec<ReportedStatement> {
        self.doc
            .sentences
            .iter()
            .filter(|s| !s.is_empty())
            .flat_map(|s| self.line_pieces(s.clone()))
            .filter(|s| {
                let at = self.doc.tokens[s.start].start();
                let k = excluded.partition_point(|r| r.end <= at);
                excluded.get(k).is_none_or(|r| r.start > at)
            })
            .flat_map(|s| self.reported_in(s))
            .collect()
    }

    /// A sentence's pieces, one per line it runs over: a statement never crosses a line
    /// break, and a heading without a stop must not hide the paragraph after it.
    fn line_pieces(&self, sentence: Range<usize>) -> Vec<Range<usize>> {
        let last = self.line_of(sentence.end - 1);
        let mut line = self.line_of(sentence.start);
        if line == last {
            return vec![sentence];
        }
        let mut pieces = Vec::new();
        let mut start = sentence.start;
        for t in sentence.start + 1..sentence.end {
            let here = self.line_of(t);
            if here != line {
                pieces.push(start..t);
                start = t;
                line = here;
            }
        }
        pieces.push(start..sentence.end);
        pieces
    }

    /// The reported statements of one sentence (token range): one after each reporting
    /// cue with a speaker (`Fowler said X — and he noted Y`, `Perdue said X, arguing
    /// that Y`), else one before a trailing attribution.
    fn reported_in(&self, sentence: Range<usize>) -> Vec<ReportedStatement> {
        let mut found = Vec::new();
        let Some((start, end)) = self.statement_bounds(sentence) else {
            return found;
        };
        let mut keep = |content: Range<usize>, attribution: Attribution| {
            if self.is_reported_content(content.clone()) {
                found.push(ReportedStatement {
                    content: self.doc.token_span(content),
                    attribution,
                });
            }
        };
        if let Some((content, attribution)) = self.leading_according(start, end) {
            keep(content, attribution);
            return found;
        }
        let mut from = start;
        let mut previous: Option<Range<usize>> = None;
        while let Some((content, attribution)) =
            self.cue_then_content(start, from, end, previous.clone())
        {
            from = content.end;
            previous = Some(attribution.speaker.clone());
            keep(content, attribution);
        }
        if previous.is_some() {
            return found;
        }
        if let Some((comma, attribution, tail)) = self.trailing_attribution(start, end) {
            // Of the words before and after a parenthetical attribution, the more.
            let words = |r: Range<usize>| r.filter(|&k| self.doc.is_word(k)).count();
            let after = (tail < end && self.word(tail) == ",").then(|| tail + 1..end);
            match after {
                Some(after) if words(after.clone()) > words(start..comma) => {
                    keep(after, attribution)
                }
                _ => keep(start..comma, attribution),
            }
        }
        found
    }

    /// A sentence's tokens (within one line) without its closing stop or a dateline.
    fn statement_bounds(&self, sentence: Range<usize>) -> Option<(usize, usize)> {
        let mut end = sentence.end;
        while end > sentence.start
            && matches!(self.word(end - 1), "." | "!" | "?")
            && !self.is_quoted(end - 1)
        {
            end -= 1;
        }
        let start = self.after_dateline(sentence.start, end);
        (start < end).then_some((start, end))
    }

    /// Whether a cue reports a content clause (`said`, `warned`, not `urged`).
    fn is_reporting(&self, cue: &Cue) -> bool {
        contains(List::Reporting, &cue.phrase.join(" "))
    }

    fn is_according(&self, cue: &Cue) -> bool {
        contains(List::According, &cue.phrase.join(" "))
    }

    /// `According to Western sources, Kim could be willing …`: the source up to the
    /// comma, the content after it.
    fn leading_according(&self, start: usize, end: usize) -> Option<(Range<usize>, Attribution)> {
        let mut t = start;
        while t < end
            && contains(List::SentenceOpeners, self.word(t))
            && self.cue_at(t, end).is_none()
        {
            t += 1;
        }
        let cue = self.cue_at(t, end).filter(|c| self.is_according(c))?;
        let source = self.phrase_after(cue.tokens.end)?;
        let first = self.doc.token_at_or_after(source.start);
        // The source runs to the comma (`Western sources`, not just `Western`).
        let comma = (first..end.min(first + MAX_THAT_DISTANCE))
            .take_while(|&k| !self.is_quoted(k))
            .find(|&k| self.word(k) == ",")?;
        Some((
            comma + 1..end,
            Attribution {
                cue: Some(self.doc.token_span(cue.tokens)),
                speaker: self.doc.token_span(first..comma),
            },
        ))
    }

    /// `Putin said afterwards that there are …`, `Officials warned the toll could
    /// rise`: the first reporting cue from token `from` on with a subject, and the
    /// clause after it, up to the next statement's cue. A cue without a subject of its
    /// own (`… and warned`, `…, saying`) takes the `previous` statement's speaker in the
    /// sentence, else the clause's subject.
    fn cue_then_content(
        &self,
        start: usize,
        from: usize,
        end: usize,
        previous: Option<Range<usize>>,
    ) -> Option<(Range<usize>, Attribution)> {
        let mut t = from;
        while t < end {
            let reports = |c: &Cue| self.is_reporting(c) && !self.is_according(c);
            let Some((cue, view)) = self.statement_cue_at(t, end, reports) else {
                t += 1;
                continue;
            };
            let object = view && contains(List::Objects, &cue.phrase.join(" "));
            t = cue.tokens.end;
            // `Obama praised Clinton and said his former secretary …`: the clause's subject.
            // `Clinton mocked the complaint, saying …`: a participle after a comma, too.
            let before = self.word(cue.tokens.start.wrapping_sub(1));
            let participle =
                before == "," && cue.phrase.len() == 1 && cue.phrase[0].ends_with("ing");
            let takes_clause_subject =
                cue.tokens.start > start && (matches!(before, "and" | "but") || participle);
            let speaker = self
                .subject_of(&cue, from, false)
                .or_else(|| self.quantity_before(cue.tokens.start, from))
                .or_else(|| {
                    takes_clause_subject
                        .then(|| {
                            previous
                                .clone()
                                .or_else(|| self.clause_subject(start, cue.tokens.start - 1))
                        })
                        .flatten()
                });
            let Some(speaker) = speaker else {
                continue;
            };
            // `…, said Daniel Ross, the state's …`: an inverted cue ends the statement.
            if speaker.start >= self.doc.tokens[t - 1].end() || self.is_inverted_at(&cue, end) {
                continue;
            }
            let content_start = if object {
                self.object_start(cue.tokens.end, end)
            } else {
                self.content_start(cue.tokens.end, end)
            };
            let Some(content_start) = content_start else {
                continue;
            };
            // `believes the deal will help`, not `believes him`, `knows the area`.
            let clause = object || self.opens_clause_with_verb(cue.tokens.end, content_start, end);
            if view && (!clause || !self.holds_view(&speaker, &cue, start)) {
                continue;
            }
            // The statement ends at a semicolon (`…; hours later, she …`), at the next
            // statement's cue (`…, arguing that`, `— and he noted`) or at an attribution
            // of its own.
            let clause_end = (content_start..end)
                .find(|&k| {
                    !self.is_quoted(k)
                        && (self.word(k) == ";"
                            || self.next_statement_at(k, end)
                            || self.reporters_clause_at(k, end))
                })
                .unwrap_or(end);
            let mut content_end = self
                .trailing_attribution(content_start, clause_end)
                .map_or(clause_end, |(comma, _, _)| comma);
            if object {
                content_end = self.object_end(content_start, content_end);
                // `called both candidates “crazy”`: a naming cue reports only a
                // quotation's words (not `called the meeting to order`).
                let naming = contains(List::Naming, &cue.phrase.join(" "));
                if naming && !(content_start..content_end).any(|k| self.is_quoted(k)) {
                    continue;
                }
            }
            return Some((
                content_start..content_end,
                Attribution {
                    cue: Some(self.doc.token_span(cue.tokens)),
                    speaker,
                },
            ));
        }
        None
    }

    /// `…, and the meeting soured, said one GOP source in the room.`: a cue after a comma
    /// with its speaker after it and nothing but an appositive or a time word to follow.
    fn is_inverted_at(&self, cue: &Cue, end: usize) -> bool {
        let at = cue.tokens.start;
        if at == 0 || self.word(at - 1) != "," || !contains(List::Inverted, &cue.phrase.join(" ")) {
            return false;
        }
        let Some(speaker) = self.speaker_after(cue) else {
            return false;
        };
        let tail = self.doc.token_at_or_after(speaker.end);
        tail >= end || self.word(tail) == "," || contains(List::AfterCue, self.word(tail))
    }

    /// The speaker after an inverted cue or `according to` (`said Kim`, `according to
    /// the agency`), not the subject of a clause the cue reports (`, said the two firms
    /// had coordinated`: a verb inside or right after it).
    fn speaker_after(&self, cue: &Cue) -> Option<Range<usize>> {
        let speaker = self.phrase_after(cue.tokens.end)?;
        let tokens = self.doc.tokens_within(speaker.clone());
        let verb = |k: usize| k < self.doc.tokens.len() && AUXILIARIES.contains(&self.word(k));
        (!tokens.clone().any(verb) && !verb(tokens.end)).then_some(speaker)
    }

    /// Whether the reporter's own words start at token `k`: a comma before a word of
    /// `## reporter-clause-openers` (`…, which forced her to leave a memorial event`,
    /// `…, compared with 64 percent who …`)
    /// or a dash before an appositive (`… — a controversial proposal he has raised`).
    fn reporters_clause_at(&self, k: usize, end: usize) -> bool {
        if k + 1 >= end || self.is_quoted(k + 1) {
            return false;
        }
        let next = self.word(k + 1);
        match self.word(k) {
            "," => contains(List::ReporterClauseOpeners, next),
            "—" | "--" => matches!(next, "a" | "an"),
            _ => false,
        }
    }

    /// Whether token `k` (a comma, dash or conjunction) ends a content clause because
    /// another statement starts after it: `…, arguing that`, `… and warned`, `…, but he
    /// said`, `— and he noted`, `…, though she acknowledged`.
    fn next_statement_at(&self, k: usize, end: usize) -> bool {
        let joint = self.word(k);
        if !matches!(joint, "," | "—" | "–" | "and" | "but") {
            return false;
        }
        let mut j = k + 1;
        while j < end
            && matches!(
                self.word(j),
                "and" | "but" | "though" | "although" | "while"
            )
        {
            j += 1;
        }
        let pronoun = |w| contains(List::PersonPronouns, w) || contains(List::ThingPronouns, w);
        // `…, and three-quarters said`, `… but Senate leaders warned`: a short subject.
        let subject_end = if j < end && pronoun(self.word(j)) {
            Some(j + 1)
        } else if let Some(e) = self.quantity_subject_at(j, end) {
            Some(e)
        } else if j > k + 1 && j < end && !self.is_quoted(j) {
            self.noun_phrase_at(j, end)
                .filter(|&e| e - j <= MAX_JOINED_SUBJECT_TOKENS)
        } else {
            None
        };
        let subject = subject_end.is_some();
        if let Some(e) = subject_end {
            j = e;
        }
        let mut adverbs = 0;
        while j < end && adverbs < 2 && is_adverb_before_cue(self.word(j)) {
            j += 1;
            adverbs += 1;
        }
        if j >= end {
            return false;
        }
        let Some(cue) = self.cue_at(j, end).filter(|c| self.is_reporting(c)) else {
            return false;
        };
        if subject || self.is_according(&cue) {
            return !self.is_according(&cue);
        }
        // Without a subject of its own: `and said`, `, saying` (not `, said Kim`).
        let participle = cue.phrase.len() == 1 && cue.phrase[0].ends_with("ing");
        match joint {
            "and" | "but" => j == k + 1 && !participle,
            "," => j == k + 1 && participle,
            _ => false,
        }
    }

    /// A poll's share as the subject of the cue at token `cue` (`…, and more than 4 in
    /// 10 said`): it opens the clause, at `from` or after a comma or conjunction.
    fn quantity_before(&self, cue: usize, from: usize) -> Option<Range<usize>> {
        let lowest = cue.saturating_sub(MAX_SUBJECT_TOKENS).max(from);
        (lowest..cue)
            .find(|&s| {
                // Not the digits after a thousands comma (`40,000 commuters`).
                let spaced = s > 0 && self.doc.tokens[s - 1].end() < self.doc.tokens[s].start();
                let opens = s == from
                    || (spaced
                        && matches!(self.word(s - 1), "," | "and" | "but" | "while" | "whereas"));
                opens && self.quantity_subject_at(s, cue + 1) == Some(cue)
            })
            .map(|s| self.doc.token_span(s..cue))
    }

    /// The end of a poll's share as a subject starting at token `j`, when a reporting
    /// cue follows it: `more than 4 in 10 said`, `58 percent of Republicans say`.
    fn quantity_subject_at(&self, j: usize, end: usize) -> Option<usize> {
        let mut number = false;
        let mut k = j;
        while k < end && k - j < MAX_SUBJECT_TOKENS && !self.is_quoted(k) {
            let kind = self.doc.tokens[k].kind;
            if kind == TokenKind::Number || self.word(k) == "%" {
                number = true;
            } else if kind != TokenKind::Word
                || AUXILIARIES.contains(&self.word(k))
                || contains(List::Determiners, self.word(k))
                || matches!(self.word(k), "that" | "which" | "who")
            {
                // `40,000 commuters onto a detour that adds`: no share of people.
                return None;
            } else if k > j && number && self.cue_at(k, end).is_some() {
                return Some(k);
            } else if !number && !contains(List::Quantities, self.word(k)) {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Where the content clause after a cue ending at token `after` starts: after a
    /// `that` a few words on (`said on Thursday that`), else right after the cue, the time
    /// words that may follow it (`said Thursday the …`) and the one told (`told Reuters
    /// the …`), if a clause can start there.
    fn content_start(&self, after: usize, end: usize) -> Option<usize> {
        // `said that …`, and `vowed to bring back jobs`: the infinitive is the content.
        match self.word(after.wrapping_sub(1)) {
            // `said that, in addition to Scott, …`: over the comma.
            "that" => {
                return Some(
                    if self.word(after) == "," {
                        after + 1
                    } else {
                        after
                    }
                    .min(end),
                )
            }
            "to" => return Some(after - 1),
            _ => {}
        }
        // `says at a campaign stop in Toledo, Ohio, that …`: over commas, not over a cue
        // nor a verb (`said officials have video that shows …` starts at `officials`).
        let that = (after..end.min(after + MAX_THAT_DISTANCE))
            .take_while(|&k| {
                !self.is_quoted(k)
                    && !matches!(self.word(k), ";" | ":")
                    && !AUXILIARIES.contains(&self.word(k))
                    && (k == after || self.cue_at(k, end).is_none())
            })
            .find(|&k| {
                self.word(k) == "that" && (k + 1 >= end || !matches!(self.word(k + 1), "’s" | "'s"))
            });
        if let Some(that) = that {
            return Some(
                if self.word(that + 1) == "," {
                    that + 2
                } else {
                    that + 1
                }
                .min(end),
            );
        }
        let mut k = after;
        // `Clinton added: the plan would cost …` (a quotation after the colon is direct).
        if k + 1 < end && self.word(k) == ":" && !self.is_quoted(k + 1) {
            k += 1;
        }
        while k < end && contains(List::AfterCue, self.word(k)) && self.word(k) != "on" {
            k += 1;
        }
        // `told Reuters the talks …`, `assured him it would …`: over the one told.
        // `told the Wall Street Journal …`: a determiner before the name told.
        if k + 1 < end
            && contains(List::CueObjects, self.word(after - 1))
            && contains(List::Determiners, self.word(k))
            && self.is_name_word(k + 1)
        {
            k += 1;
        }
        let told =
            |k: usize| starts_upper(self.word(k)) || contains(List::PersonPronouns, self.word(k));
        if contains(List::CueObjects, self.word(after - 1))
            && k < end
            && told(k)
            && !self.is_quoted(k)
        {
            k = self.noun_phrase_at(k, end).unwrap_or(k + 1);
        }
        let first = self.word(k);
        // `said no decision had been made`, not `said no to` or `said no.`
        let no_as_determiner =
            first == "no" && k + 1 < end && self.doc.is_word(k + 1) && self.word(k + 1) != "to";
        // `told a crowd in Berea …`: after a cue that takes the one told, a clause only
        // when a verb shows within a few words (`told reporters the talks had failed`).
        let has_verb = || self.has_auxiliary(k, end);
        let opens_clause = k < end
            && (self.doc.tokens[k].kind == TokenKind::Word || self.is_quoted(k))
            && !contains(List::Prepositions, first)
            && (!contains(List::NotContentStart, first) || no_as_determiner)
            && (!contains(List::CueObjects, self.word(after - 1)) || has_verb());
        opens_clause.then_some(k)
    }

    /// Whether the subject of a cue of believing or wanting holds the view in the
    /// reporter's main clause: it opens a clause (`Republicans believe`, `…, and he
    /// thinks`), is no relative pronoun (`voters who believe`) and no modal stands
    /// before the cue (`Trump may want to`, `may have thought`); not `if we thought`,
    /// `the things he wants to`.
    fn holds_view(&self, speaker: &Range<usize>, cue: &Cue, start: usize) -> bool {
        let first = self.doc.token_at_or_after(speaker.start);
        let opens = first <= start
            || matches!(
                self.word(first - 1),
                "," | ";" | ":" | "—" | "–" | "and" | "but" | "so" | "yet" | "that" | "now"
            );
        let relative = matches!(self.word(first), "who" | "which" | "that" | "you");
        let modal = (first..cue.tokens.start).any(|k| {
            matches!(
                self.word(k),
                "may" | "might" | "could" | "would" | "should" | "must" | "can" | "will"
            )
        });
        opens && !relative && !modal
    }

    /// Where the object of a cue ending at token `after` starts (`criticized the deal`):
    /// right after it, over time words, if a word that opens a noun phrase stands there.
    fn object_start(&self, after: usize, end: usize) -> Option<usize> {
        let mut k = after;
        while k < end && contains(List::AfterCue, self.word(k)) && self.word(k) != "on" {
            k += 1;
        }
        let first = self.word(k);
        let opens = k < end
            && self.doc.tokens[k].kind == TokenKind::Word
            && !self.is_quoted(k)
            && !contains(List::Prepositions, first)
            && !contains(List::NotContentStart, first)
            && !contains(List::Particles, first);
        opens.then_some(k)
    }

    /// Where the object starting at token `start` ends: at a comma or where the
    /// reporter's adjunct begins (`rejected that argument in a ruling released
    /// Thursday`, `criticized the law during a stop in Flint`, `endorsed Trump last
    /// week`), or the subject's next verb (`… and has appeared with him`).
    fn object_end(&self, start: usize, end: usize) -> usize {
        (start + 1..end)
            .find(|&k| {
                !self.is_quoted(k)
                    && match self.word(k) {
                        "," | "—" | "–" | "(" | "during" | "while" | "but" | "when" | "after" => {
                            true
                        }
                        "in" | "on" | "at" => {
                            k + 1 < end
                                && matches!(
                                    self.word(k + 1),
                                    "a" | "an" | "the" | "his" | "her" | "their"
                                )
                                || contains(List::AfterCue, self.word(k + 1))
                        }
                        // `endorsed Trump last week`, `… and has appeared with him`
                        "last" => {
                            k + 1 < end
                                && (matches!(self.word(k + 1), "week" | "month" | "year")
                                    || contains(List::AfterCue, self.word(k + 1)))
                        }
                        "and" => k + 1 < end && AUXILIARIES.contains(&self.word(k + 1)),
                        w => w != "on" && contains(List::AfterCue, w),
                    }
            })
            .unwrap_or(end)
    }

    /// Whether an auxiliary (`will`, `is`, `could`) comes within a few words of token
    /// `k`: a clause has begun (`told reporters the talks had failed`).
    fn has_auxiliary(&self, k: usize, end: usize) -> bool {
        (k..end.min(k + MAX_THAT_DISTANCE)).any(|t| AUXILIARIES.contains(&self.word(t)))
    }

    /// Whether the content of a cue of believing or wanting ending at token `after`,
    /// starting at `content`, is a clause: after `that` or an infinitive's `to`, or with
    /// an auxiliary of its own.
    fn opens_clause_with_verb(&self, after: usize, content: usize, end: usize) -> bool {
        content > after
            || matches!(self.word(after - 1), "that" | "to")
            || self.has_auxiliary(content, end)
    }

    /// An attribution ending the sentence after a comma: `…, the KCNA said [Thursday]`,
    /// `…, said Kim`, `…, according to the KCNA`, and the comma token before it. Of two
    /// stacked ones (`…, he added, according to Yonhap`) the inner one.
    fn trailing_attribution(
        &self,
        start: usize,
        end: usize,
    ) -> Option<(usize, Attribution, usize)> {
        let lowest = start.max(end.saturating_sub(MAX_TAIL_TOKENS + 12));
        let mut t = end;
        while t > lowest {
            t -= 1;
            if self.is_quoted(t) {
                break;
            }
            let Some(cue) = self.cue_at(t, end).filter(|c| self.is_reporting(c)) else {
                continue;
            };
            let found = self.attribution_after_comma(&cue, start, end);
            let Some((comma, attribution, tail)) = found else {
                continue;
            };
            if self.is_according(&cue) {
                if let Some(inner) = self.trailing_attribution(start, comma) {
                    return Some(inner);
                }
            }
            return Some((comma, attribution, tail));
        }
        None
    }

    /// The speaker of a cue near the end of a sentence that a comma sets off from the
    /// content before it, and that comma; the words after it must be a short tail
    /// without quotation (`Thursday`, `in an English dispatch`).
    fn attribution_after_comma(
        &self,
        cue: &Cue,
        start: usize,
        end: usize,
    ) -> Option<(usize, Attribution, usize)> {
        let at = cue.tokens.start;
        let before_comma = |k: usize| k > start && self.word(k - 1) == ",";
        let (comma, speaker, tail) = if self.is_according(cue) || before_comma(at) {
            // `…, according to the KCNA`, `…, said Kim`
            if !before_comma(at) {
                return None;
            }
            let speaker = self.speaker_after(cue)?;
            if !self.is_according(cue) && !contains(List::Inverted, &cue.phrase.join(" ")) {
                return None;
            }
            let tail = self.doc.token_at_or_after(speaker.end);
            (at - 1, speaker, tail)
        } else {
            // `…, the KCNA said`, `…,” it said`
            let speaker = self.subject_of(cue, start, false)?;
            let first = self.doc.token_at_or_after(speaker.start);
            let comma = (first.saturating_sub(3).max(start)..first)
                .rev()
                .find(|&k| self.word(k) == ",")?;
            let between_is_mark = (comma + 1..first).all(|k| self.is_quoted(k));
            if !between_is_mark {
                return None;
            }
            (comma, speaker, cue.tokens.end)
        };
        // A tail set off by a comma may be the rest of the statement: `In a merger, he
        // said, the HP brand would survive`.
        let parenthetical = tail < end && self.word(tail) == ",";
        let tail_ok = (parenthetical || end.saturating_sub(tail) <= MAX_TAIL_TOKENS)
            && (tail..end).all(|k| !self.is_quoted(k) && self.cue_at(k, end).is_none());
        (tail_ok && comma > start).then(|| {
            (
                comma,
                Attribution {
                    cue: Some(self.doc.token_span(cue.tokens.clone())),
                    speaker,
                },
                tail,
            )
        })
    }

    /// Whether tokens `content` read as a reported clause: a few words, most of them
    /// outside quotation marks, not opening with a quotation (`said „Wir schaffen das“
    /// at the rally` is a direct quote) unless the clause goes on for a while after it
    /// (`said “it gets me mad” every time he thinks about the victims`: a mixed
    /// statement).
    fn is_reported_content(&self, content: Range<usize>) -> bool {
        if content.is_empty() {
            return false;
        }
        let (mut words, mut unquoted, mut after_quote) = (0usize, 0usize, 0usize);
        let mut left_quote = !self.is_quoted(content.start);
        for k in content {
            if !self.doc.is_word(k) {
                continue;
            }
            words += 1;
            if !self.is_quoted(k) {
                unquoted += 1;
                left_quote = true;
            }
            if left_quote {
                after_quote += 1;
            }
        }
        let opens_quoted = after_quote < words;
        words >= MIN_CONTENT_WORDS
            && unquoted as f32 >= MIN_UNQUOTED_SHARE * words as f32
            && (!opens_quoted || unquoted >= MIN_WORDS_AFTER_OPENING_QUOTE)
    }
}

#[cfg(test)]
mod tests {
    use super::super::read;

    /// The content, cue and speaker texts of each reported statement in `text`.
    fn reported(text: &str) -> Vec<(String, String, String)> {
        let mut found = Vec::new();
        read(text, |a, _| {
            for s in a.reported_statements(&[]) {
                let cue = s.attribution.cue.map_or("", |c| &text[c]);
                found.push((
                    text[s.content].to_string(),
                    cue.to_string(),
                    text[s.attribution.speaker].to_string(),
                ));
            }
        });
        found
    }

    fn one(content: &str, cue: &str, speaker: &str) -> Vec<(String, String, String)> {
        vec![(content.into(), cue.into(), speaker.into())]
    }

    #[test]
    fn cue_then_content_with_and_without_that() {
        assert_eq!(
            reported("Putin said afterwards that there are possibilities for cooperation."),
            one("there are possibilities for cooperation", "said", "Putin")
        );
        assert_eq!(
            reported("Officials warned the toll could rise."),
            one("the toll could rise", "warned", "Officials")
        );
    }

    #[test]
    fn content_then_cue() {
        assert_eq!(
            reported("The toll could rise sharply, officials said Thursday."),
            one("The toll could rise sharply", "said", "officials")
        );
    }

    #[test]
    fn according_to_before_and_after() {
        assert_eq!(
            reported("According to Western sources, Kim could be willing to help."),
            one(
                "Kim could be willing to help",
                "According to",
                "Western sources"
            )
        );
        assert_eq!(
            reported("The talks were joined by the foreign minister, according to the KCNA."),
            one(
                "The talks were joined by the foreign minister",
                "according to",
                "the KCNA"
            )
        );
    }

    #[test]
    fn the_inner_of_two_trailing_attributions_speaks() {
        assert_eq!(
            reported("The program poses threats to Europe, he added, according to Yonhap."),
            one("The program poses threats to Europe", "added", "he")
        );
    }

    #[test]
    fn a_mostly_quoted_clause_is_left_to_the_direct_quote() {
        assert!(reported("Kim said “we are deeply concerned about the deal.”").is_empty());
        assert!(reported("“We will win the war,” the KCNA reported.").is_empty());
    }

    #[test]
    fn no_cue_no_statement() {
        assert!(reported("It would violate UN resolutions if they agree.").is_empty());
        assert!(reported("Kim believed him at the time.").is_empty());
        assert!(reported("Yoon urged Russia to behave in a responsible manner.").is_empty());
    }

    #[test]
    fn a_second_cue_ends_the_first_statement_and_starts_its_own() {
        assert_eq!(
            reported("Kim said the talks went well and warned that sanctions would fail."),
            vec![
                ("the talks went well".into(), "said".into(), "Kim".into()),
                ("sanctions would fail".into(), "warned".into(), "Kim".into()),
            ]
        );
        // `, said Kim` after a clause is a trailing attribution, not a second statement.
        assert_eq!(
            reported("The bridge will reopen in May, said Kim."),
            one("The bridge will reopen in May", "said", "Kim")
        );
    }

    #[test]
    fn a_view_held_in_the_main_clause_is_reported() {
        assert_eq!(
            reported("Republicans believe they have a new round of ammunition."),
            one(
                "they have a new round of ammunition",
                "believe",
                "Republicans"
            )
        );
        assert_eq!(
            reported("The senator wants to see the program expanded."),
            one("to see the program expanded", "wants to", "The senator")
        );
        assert!(reported("If we thought they were secure, we would leave.").is_empty());
        assert!(reported("Voters who believe the race is over stayed home.").is_empty());
        assert!(reported("Investors may want to wait for the report.").is_empty());
    }

    #[test]
    fn a_speech_act_reports_its_object_up_to_the_reporters_adjunct() {
        assert_eq!(
            reported("Judge Alan Pierce rejected the defense's motion in a ruling on Friday."),
            one("the defense's motion", "rejected", "Judge Alan Pierce")
        );
        assert!(reported("Lawmakers who criticized the budget plan left early.").is_empty());
    }

    #[test]
    fn a_clause_after_an_inverted_cue_is_content_not_speaker() {
        assert_eq!(
            reported("The chief, Nora Quinn, said the two firms had agreed on the terms."),
            one(
                "the two firms had agreed on the terms",
                "said",
                "Nora Quinn"
            )
        );
    }

    #[test]
    fn a_participle_and_a_progressive_find_their_subject() {
        assert_eq!(
            reported("Ann Lee defended the tweets, saying it shows she is awake."),
            one("it shows she is awake", "saying", "Ann Lee")
        );
        assert_eq!(
            reported("The White House is saying that reform is needed now."),
            one("reform is needed now", "saying", "The White House")
        );
    }
}
