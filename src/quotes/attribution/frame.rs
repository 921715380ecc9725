//! The frame of a quotation and the cue in it. The frame is the rest of the
//! quotation's sentence within its paragraph (words inside quotations left out, at most
//! `FRAME_TOKENS` each side). The nearest cue before the quotation that has a subject
//! wins (`Kim said his trip marks a “significant” occasion, according to the KCNA` →
//! Kim); else the first one after it (`“…,” the KCNA reported`), and a trailing
//! `-Commissioner X` names one without a cue. A reported attribution names the outer
//! source: `“…,” Sanders said, according to CNN` and `According to CNN, Sanders said
//! “…”` → CNN (PolNeAR's convention). A full quotation that opens its sentence with no
//! attribution takes the cue of the sentence before it (`Bystrom agreed. “Mainstream
//! Republicans are running out of time.”`), and one opening a paragraph after `And from
//! Chairwoman X:` gets X.
//!
//! Knowingly wrong: quoted words with no cue nearby (`the crowd reprised the chant
//! “…”`) get no speaker; a cue word used as a noun after a name (`Trump’s claims`) is
//! caught only when possessive.

use super::lexicon::{cue_table, CuePhrases};
use super::{Attribution, Attributor, FRAME_TOKENS, MAX_SUBJECT_TOKENS, SHORT_ATTRIBUTION_TOKENS};
use crate::text::{starts_upper, with_lowercase, TokenKind};
use crate::wordlists::{contains, List};
use std::ops::Range;

/// A cue found in a frame: its tokens and the phrase it matched.
#[derive(Debug, Clone)]
pub(super) struct Cue {
    pub(super) tokens: Range<usize>,
    pub(super) phrase: &'static [&'static str],
}

impl Attributor<'_> {
    /// The cue that starts at token `t`, if any (not running into a quotation).
    pub(super) fn cue_at(&self, t: usize, limit: usize) -> Option<Cue> {
        let phrases = self.phrases_at(t)?;
        self.longest_at(t, limit, &phrases.cues)
    }

    /// The cue of a statement at token `t`: a reporting cue that `reports` accepts,
    /// else a cue of believing or wanting (`believes`, `wants to`) or one whose content
    /// is its object (`criticized`), and whether it is such a view.
    pub(super) fn statement_cue_at(
        &self,
        t: usize,
        limit: usize,
        reports: impl Fn(&Cue) -> bool,
    ) -> Option<(Cue, bool)> {
        let phrases = self.phrases_at(t)?;
        if let Some(cue) = self.longest_at(t, limit, &phrases.cues).filter(reports) {
            return Some((cue, false));
        }
        Some((self.longest_at(t, limit, &phrases.views)?, true))
    }

    /// The phrases token `t` may start (none inside a quotation).
    fn phrases_at(&self, t: usize) -> Option<&'static CuePhrases> {
        if self.is_quoted(t) {
            return None;
        }
        let word = self.word(t);
        if word.chars().any(char::is_uppercase) {
            // `the United States should`: a capitalized cue word inside a sentence is
            // part of a name.
            if !self.opens_sentence(t) && !self.after_opening_mark(t) {
                return None;
            }
            with_lowercase(word, |lower| cue_table().get(lower))
        } else {
            cue_table().get(word)
        }
    }

    /// The longest of `phrases` that starts at token `t` and ends by `limit`, not
    /// running into a quotation.
    fn longest_at(
        &self,
        t: usize,
        limit: usize,
        phrases: &'static [Vec<&'static str>],
    ) -> Option<Cue> {
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
    pub(super) fn cue_covering(&self, t: usize, start: usize, limit: usize) -> Option<Cue> {
        let here = self.cue_at(t, limit)?;
        (1..4)
            .rev()
            .filter(|k| t >= start + k)
            .filter_map(|k| self.cue_at(t - k, limit))
            .find(|cue| cue.tokens.end > t)
            .or(Some(here))
    }

    /// The frame of a quotation: tokens before its opening mark and after its end, in
    /// the same sentence and line (or lines, where a hard wrap breaks the sentence),
    /// capped.
    pub(super) fn frame(&self, quote: Range<usize>) -> (Range<usize>, Range<usize>) {
        let (first, last) = (quote.start, quote.end.saturating_sub(1));
        let sentence = &self.doc.sentences;
        let start = sentence
            .get(self.sentence_of(first))
            .map_or(first, |s| s.start)
            .max(first.saturating_sub(FRAME_TOKENS))
            .min(first);
        // Back over line breaks only where the quotation's line goes on a sentence
        // (a hard wrap: `Mayor Ana Ferreira` / `said: “…”`).
        let mut line = self.line_of(first);
        let mut kept = first;
        for k in (start..first).rev() {
            if self.line_of(k) != line {
                if !continues_sentence(self.word(k + 1)) {
                    break;
                }
                line = self.line_of(k);
            }
            kept = k;
        }
        let start = kept;
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
        let end = end.min(quote.end + FRAME_TOKENS).min(self.doc.tokens.len());
        // On over line breaks only where the next line goes on the sentence (a hard
        // wrap: `“…,”` / `said Mayor Ana Ferreira.`).
        let mut line = self.line_of(last);
        let mut kept = quote.end;
        for k in quote.end..end {
            if self.line_of(k) != line {
                if !continues_sentence(self.word(k)) {
                    break;
                }
                line = self.line_of(k);
            }
            kept = k + 1;
        }
        (start..first, quote.end.max(start)..kept.max(quote.end))
    }

    /// Finds the cue and speaker mention for a quotation.
    pub fn attribute(&self, quote: Range<usize>, full: bool) -> Option<Attribution> {
        let (before, after) = self.frame(quote.clone());
        let found = self.nearest_attribution(quote.clone(), full, before.clone(), after.clone());
        let cue = found.as_ref().and_then(|a| a.cue.clone());
        self.outer_source(before, after, cue).or(found)
    }

    /// The source that reports the attribution, as PolNeAR and most readers count it:
    /// `According to ProPublica, Clinton praised her “wonderful donors”` and `“…,”
    /// Sanders said, according to CNN` → the outlet. A trailing `according to` after a
    /// cue that comes before the quotation does not count: in `Kim said the trip marks
    /// a “significant” occasion, according to the KCNA` the quoted word is Kim's.
    pub(super) fn outer_source(
        &self,
        before: Range<usize>,
        after: Range<usize>,
        cue: Option<Range<usize>>,
    ) -> Option<Attribution> {
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
                return (source.end <= cue.start).then_some(Attribution {
                    cue: Some(according_span),
                    speaker: source,
                });
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
                return Some(Attribution {
                    cue: Some(self.doc.token_span(according.tokens)),
                    speaker: source,
                });
            }
        }
        None
    }

    /// The nearest cue and speaker of a quotation.
    pub(super) fn nearest_attribution(
        &self,
        quote: Range<usize>,
        full: bool,
        before: Range<usize>,
        after: Range<usize>,
    ) -> Option<Attribution> {
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
            .or_else(|| {
                self.trailing_dash_name(after).map(|name| Attribution {
                    cue: None,
                    speaker: name,
                })
            })
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
                Some(Attribution {
                    cue: None,
                    speaker: subject,
                })
            })
    }

    /// Whether the quoted words end with `,` `?` `!` or a dash before the closing mark:
    /// the punctuation of a quotation that its attribution follows.
    pub(super) fn ends_open_for_attribution(&self, quote: Range<usize>) -> bool {
        quote.end >= quote.start + 2
            && matches!(self.word(quote.end - 2), "," | "?" | "!" | "—" | "-" | "–")
    }

    /// The nearest cue before the quotation with its subject. A cue without one
    /// (`…, called Russia’s war a “sacred fight”`, `Trump launched an attack, calling
    /// him “…”`) borrows the subject of an earlier cue, or of its clause.
    pub(super) fn cue_before(&self, before: Range<usize>) -> Option<Attribution> {
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
                return Some(Attribution {
                    cue: Some(nearest_cue.unwrap_or(cue_span)),
                    speaker: subject,
                });
            }
            if nearest_cue.is_none() {
                nearest_cue = Some(cue_span);
                nearest_start = cue.tokens.start;
            }
        }
        let cue = nearest_cue?;
        let subject = self.clause_subject(before.start, nearest_start)?;
        Some(Attribution {
            cue: Some(cue),
            speaker: subject,
        })
    }

    /// The first cue after the quotation that has a subject.
    pub(super) fn cue_after(&self, after: Range<usize>) -> Option<Attribution> {
        for t in after.clone() {
            if self.is_quoted(t) {
                continue;
            }
            let Some(cue) = self.cue_at(t, after.end) else {
                continue;
            };
            let right_after = self.follows_quote(t, after.start);
            if let Some(subject) = self.subject_of(&cue, after.start, right_after) {
                return Some(Attribution {
                    cue: Some(self.doc.token_span(cue.tokens)),
                    speaker: subject,
                });
            }
        }
        None
    }

    /// An attribution clause right after the closing mark: `, the KCNA reported`,
    /// `, said Kim`, or a speaker and any past-tense verb (`, an angry Hollande
    /// retaliated.`).
    pub(super) fn attribution_right_after(&self, after: Range<usize>) -> Option<Attribution> {
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
                return Some(Attribution {
                    cue: Some(self.doc.token_span(cue.tokens)),
                    speaker: subject,
                });
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
            .map(|verb_at| Attribution {
                cue: Some(self.doc.token_span(verb_at..verb_at + 1)),
                speaker: self.doc.token_span(s..verb_at),
            })
    }

    /// Whether token `t` reads as the verb of `“…,” Speaker verbed`: a lowercase
    /// past or present form that ends the clause (`retaliated.`, `riffed on …`).
    pub(super) fn verb_after_speaker(&self, t: usize, limit: usize) -> bool {
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

    /// Whether only a comma stands between token `t` and the quotation before it.
    pub(super) fn follows_quote(&self, t: usize, after_start: usize) -> bool {
        let mut j = t;
        while j > after_start && self.word(j - 1) == "," {
            j -= 1;
        }
        j == after_start || (j > 0 && self.is_quoted(j - 1))
    }

    /// `“…” -Commissioner X` or `— John Smith` ending the paragraph.
    pub(super) fn trailing_dash_name(&self, after: Range<usize>) -> Option<Range<usize>> {
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
            .map(|a| a.speaker)
            .or_else(|| self.phrase_before(colon, start))
            .or_else(|| self.clause_subject(start, colon))
    }

    /// For a full quotation that opens its sentence without attribution, the cue and
    /// subject of the sentence before it, in its paragraph or ending the paragraph
    /// before: `Ash argued in his email that the rules failed. “In light of this …”`,
    /// `Bystrom agreed.\n\n“Mainstream Republicans are running out of time.”`
    pub fn previous_sentence_attribution(&self, quote: Range<usize>) -> Option<Attribution> {
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
}

/// A line that opens with a lower-case word goes on the sentence of the line before: no
/// paragraph of a story opens so, a hard-wrapped line does.
fn continues_sentence(word: &str) -> bool {
    word.starts_with(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::super::read;

    /// The cue and speaker texts of the first quotation in `text`.
    fn attribute(text: &str) -> Option<(Option<String>, String)> {
        let mut found = None;
        read(text, |a, quotes| {
            let q = quotes[0].clone();
            found = a.attribute(q.clone(), a.opens_clause(q)).map(|at| {
                (
                    at.cue.map(|c| text[c].to_string()),
                    text[at.speaker].to_string(),
                )
            });
        });
        found
    }

    fn pair(cue: &str, speaker: &str) -> Option<(Option<String>, String)> {
        Some((Some(cue.to_string()), speaker.to_string()))
    }

    #[test]
    fn cue_after_the_quotation() {
        assert_eq!(
            attribute("“We will win,” the KCNA reported."),
            pair("reported", "the KCNA")
        );
        assert_eq!(attribute("“Why now?” asked Dunn."), pair("asked", "Dunn"));
    }

    #[test]
    fn cue_before_wins_over_a_trailing_according_to() {
        let text = "Kim said his trip marks a “significant” occasion, according to the KCNA.";
        assert_eq!(attribute(text), pair("said", "Kim"));
    }

    #[test]
    fn a_reported_attribution_names_the_outer_source() {
        let text = "“We are winning,” Sanders said, according to CNN.";
        assert_eq!(attribute(text), pair("according to", "CNN"));
    }

    #[test]
    fn a_quotation_right_after_its_cue_opens_a_clause() {
        read(
            "Kim said “we will win.” He called it a “sacred fight.”",
            |a, q| {
                assert!(a.opens_clause(q[0].clone()));
                assert!(!a.opens_clause(q[1].clone()));
            },
        );
    }
}
