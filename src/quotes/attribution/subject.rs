//! The speaker phrase of a cue and the subject of a clause. The subject is read back
//! from the cue over adverbs and an appositive (`Hugh Hill, a doctor, said:`); a few
//! cues take it after them (`“…,” said Kim`, `according to the KCNA`); without a cue,
//! the subject at the start of the clause over introductory phrases (`In an
//! incendiary press conference, Trump launched …` → Trump).
//!
//! Knowingly wrong: a dummy `it` (`it was stated that`) takes the last name before it
//! in the sentence; a lowercase head word we do not know as a noun (`the crowd`) is
//! taken only after a determiner.

use super::frame::Cue;
use super::lexicon::{is_adverb_before_cue, is_title_word};
use super::{Attributor, MAX_APPOSITIVE_TOKENS, MAX_DATELINE_TOKENS, MAX_SUBJECT_TOKENS};
use crate::text::{starts_upper, TokenKind};
use crate::wordlists::{contains, List};
use std::ops::Range;

impl Attributor<'_> {
    /// The subject at the start of the clause: `In an incendiary press conference,
    /// Trump launched …` → `Trump`.
    pub(super) fn clause_subject(&self, start: usize, limit: usize) -> Option<Range<usize>> {
        self.clause_phrase(start, limit, false)
    }

    /// The phrase at the start of the clause, as `clause_subject` finds it; with
    /// `bare`, also one without a name or determiner (`Nine states led by …`,
    /// `Democrats`), for a plural head that `they` may stand for.
    pub(super) fn clause_phrase(
        &self,
        start: usize,
        limit: usize,
        bare: bool,
    ) -> Option<Range<usize>> {
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
        (has_name || bare).then(|| self.doc.token_span(j..end))
    }

    /// The first token after a dateline that opens the sentence at `start`
    /// (`WASHINGTON, Dec. 8 (UPI) — Clinton’s aide …`), or `start`.
    pub(super) fn after_dateline(&self, start: usize, limit: usize) -> usize {
        let reach = limit.min(start + MAX_DATELINE_TOKENS);
        // `Seoul, Sep 14 (EFE).- Russia’s …`: a full stop may come between.
        let closes_source = |k: usize| {
            self.word(k) == ")"
                || self.word(k).chars().all(char::is_uppercase)
                || (k > start && self.word(k) == "." && self.word(k - 1) == ")")
        };
        let dash = (start + 1..reach)
            .find(|&k| matches!(self.word(k), "—" | "–" | "-" | "―") && closes_source(k - 1));
        let Some(mut k) = dash else {
            return start;
        };
        while k < limit && matches!(self.word(k), "—" | "–" | "-" | "―") {
            k += 1;
        }
        k
    }

    /// Whether a subject found without a cue surely names someone: `he`, `she`,
    /// `they`, two capitalized words, or a word the story also capitalizes inside a
    /// sentence (`Cruz`, not a sentence-initial `Optimism`).
    pub(super) fn is_confident_name(&self, subject: Range<usize>) -> bool {
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
    pub(super) fn noun_phrase_at(&self, s: usize, limit: usize) -> Option<usize> {
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

    /// The speaker mention of a cue: before it (`Kim said`), or after it for `according
    /// to X` and inverted cues right after a quotation (`“…,” said Kim`).
    pub(super) fn subject_of(
        &self,
        cue: &Cue,
        frame_start: usize,
        right_after: bool,
    ) -> Option<Range<usize>> {
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
            // `The White House is saying that …`: a progressive's subject is before `is`.
            let progressive = t > frame_start
                && matches!(
                    self.word(t - 1),
                    "is" | "are" | "was" | "were" | "isn’t" | "isn't" | "wasn’t" | "wasn't"
                );
            if progressive {
                return self.phrase_before(t - 1, frame_start);
            }
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
    pub(super) fn phrase_before(&self, t: usize, frame_start: usize) -> Option<Range<usize>> {
        self.phrase_before_over(t, frame_start, true)
    }

    /// `phrase_before`, stepping over one lowercase prepositional phrase between the
    /// speaker and the cue when `over_preposition` (`Trump at the time said`,
    /// `she in a later interview said`).
    pub(super) fn phrase_before_over(
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
        let over_parenthesis = |j: usize| match self.parenthesis_ending_at(j, frame_start) {
            Some(open) if open > frame_start && starts_upper(self.word(open - 1)) => open,
            _ => j,
        };
        j = over_parenthesis(j);
        // `Many speakers at the service — including two rabbis — said`: step over an
        // aside between dashes.
        if j > frame_start + 1 && matches!(self.word(j - 1), "—" | "–") && !self.is_quoted(j - 1)
        {
            let lowest = (j - 1)
                .saturating_sub(MAX_APPOSITIVE_TOKENS)
                .max(frame_start);
            let open = (lowest..j - 1)
                .rev()
                .take_while(|&k| !self.is_quoted(k))
                .find(|&k| matches!(self.word(k), "—" | "–"));
            if let Some(open) = open.filter(|&o| o > frame_start + 1 && o + 1 < j - 1) {
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
            // `Rep. Bobby Scott (D-Va.), ranking member of …, said`: after its parenthesis.
            let name_at = |t: usize| starts_upper(self.word(t)) && !self.is_quoted(t);
            let after_name = k >= 2
                && (name_at(k - 2)
                    || self
                        .parenthesis_ending_at(k - 1, frame_start)
                        .is_some_and(|open| open > frame_start && name_at(open - 1)));
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
        if appositives > 0 {
            j = over_parenthesis(j);
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
        // `Delegates from Hanoi said`: the people, not the place they come from.
        if k > frame_start + 1
            && matches!(self.word(k - 1), "from" | "of")
            && self.doc.tokens[k - 2].kind == TokenKind::Word
            && !self.is_quoted(k - 2)
            && self.word(k - 2).ends_with('s')
            && !contains(List::NotSubject, self.word(k - 2))
        {
            k -= 2;
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
            // `the agency`, and a poll's share: `54 percent said`.
            let det = contains(List::Determiners, self.word(k))
                || self.doc.tokens[k].kind == TokenKind::Number;
            if !det {
                return None;
            }
        }
        Some(self.doc.token_span(k..j))
    }

    /// The speaker phrase starting at token `t`: `the KCNA`, `Prime Minister Kim`,
    /// `a spokesman`.
    pub(super) fn phrase_after(&self, t: usize) -> Option<Range<usize>> {
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
    pub(super) fn last_name_before(&self, t: usize, frame_start: usize) -> Option<Range<usize>> {
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
}

#[cfg(test)]
mod tests {
    use super::super::read;

    /// The token index of the first `word` in the attributor's document.
    fn at(a: &super::Attributor, word: &str) -> usize {
        (0..a.doc.tokens.len())
            .find(|&t| a.word(t) == word)
            .unwrap()
    }

    #[test]
    fn the_clause_subject_comes_after_an_introduction() {
        let text = "In an incendiary press conference, Trump launched an attack.";
        read(text, |a, _| {
            let s = a.clause_subject(0, at(a, "launched")).unwrap();
            assert_eq!(&text[s], "Trump");
        });
    }

    #[test]
    fn the_speaker_before_a_cue_steps_over_an_appositive() {
        let text = "Hugh Hill, a doctor, said the wait was long.";
        read(text, |a, _| {
            let s = a.phrase_before(at(a, "said"), 0).unwrap();
            assert_eq!(&text[s], "Hugh Hill");
        });
    }

    #[test]
    fn a_determiner_before_a_cue_word_is_no_speaker() {
        let text = "Yet his claims were false.";
        read(text, |a, _| {
            assert_eq!(a.phrase_before(at(a, "claims"), 0), None);
        });
    }

    #[test]
    fn the_phrase_after_according_to() {
        let text = "According to the KCNA, the talks went well.";
        read(text, |a, _| {
            let s = a.phrase_after(at(a, "the")).unwrap();
            assert_eq!(&text[s], "the KCNA");
        });
    }
}
