//! Tokens, lines and sentences, found once and read by every later stage.
//!
//! All ranges are UTF-8 byte offsets into the input. A token is a word (letters and
//! digits, with inner hyphens, apostrophes and the dots of initialisms such as `U.S.`),
//! a possessive `’s`/`'s`, or a single punctuation character. Sentences never cross a
//! line break that ends a paragraph. Knowingly wrong: an initialism that ends a sentence
//! (`... to the U.S. The ...`) does not end it here.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and maybe digits), e.g. `Kim`, `Jong-un`, `U.S.`, `Soyuz-2`.
    Word,
    /// Digits first, e.g. `2023`, `14`, `1996-08-22`, `3.5`.
    Number,
    /// The possessive ending `’s` / `'s` split off its word.
    Possessive,
    /// One punctuation or symbol character.
    Punct,
}

/// A token's byte range and kind, in 12 bytes: a 10 MB story has about two million
/// tokens, and `usize` offsets made this table 48 MB instead of 24.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    pub kind: TokenKind,
}

impl Token {
    /// Offsets past `u32::MAX` never occur: `Document::new` reads at most that much.
    fn new(start: usize, end: usize, kind: TokenKind) -> Token {
        let offset = |at: usize| u32::try_from(at).unwrap_or(u32::MAX);
        Token {
            start: offset(start),
            end: offset(end),
            kind,
        }
    }

    pub fn start(&self) -> usize {
        self.start as usize
    }

    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }
}

/// The input and what is found in it once.
pub struct Document<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// Non-empty lines (byte ranges, without the line break).
    pub lines: Vec<Range<usize>>,
    /// Sentences, as token index ranges into `tokens`.
    pub sentences: Vec<Range<usize>>,
}

impl<'a> Document<'a> {
    /// Reads the first 4 GiB of a longer text (token offsets are `u32`).
    pub fn new(text: &'a str) -> Document<'a> {
        let mut limit = text.len().min(u32::MAX as usize);
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let text = &text[..limit];
        let tokens = tokenize(text);
        let lines = find_lines(text);
        let sentences = find_sentences(text, &tokens);
        Document {
            text,
            tokens,
            lines,
            sentences,
        }
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &'a str {
        &self.text[self.tokens[i].range()]
    }

    /// The text of token `i`, or `""` past the last token: the stages read a few tokens
    /// either side of where they stand without checking the end first.
    pub fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| &self.text[t.range()])
    }

    /// Token `i` exists and is a word (letters or digits, not punctuation).
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// The byte range covered by a range of tokens.
    pub fn token_span(&self, tokens: Range<usize>) -> Range<usize> {
        if tokens.is_empty() {
            let at = self
                .tokens
                .get(tokens.start)
                .map_or(self.text.len(), |t| t.start());
            return at..at;
        }
        self.tokens[tokens.start].start()..self.tokens[tokens.end - 1].end()
    }

    /// Index of the line holding byte `at` (or of the next line, between lines).
    pub fn line_of(&self, at: usize) -> usize {
        self.lines.partition_point(|l| l.end <= at)
    }

    /// Index of the first token starting at or after byte `at`.
    pub fn token_at_or_after(&self, at: usize) -> usize {
        self.tokens.partition_point(|t| t.start() < at)
    }

    /// Token index range of the tokens lying inside the byte range.
    pub fn tokens_within(&self, range: Range<usize>) -> Range<usize> {
        let start = self.token_at_or_after(range.start);
        let end = self
            .tokens
            .partition_point(|t| t.end() <= range.end)
            .max(start);
        start..end
    }
}

/// The word begins with a capital letter (`Kim`, `KCNA`, `Élysée`).
pub fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Calls `f` with `word` lowercased; short ASCII words (nearly every lookup) are
/// lowercased on the stack instead of in a new `String`.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    // Most words are lowercase ASCII already: no copy, no UTF-8 check.
    if !word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        return f(word);
    }
    let mut buffer = [0u8; 32];
    if word.len() <= buffer.len() && word.is_ascii() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Characters that may join two parts of one word.
fn is_word_joiner(c: char) -> bool {
    c == '-' || c == '‐' || is_apostrophe(c) || c == '.' || c == '&'
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    // Walks byte offsets and reads neighbouring characters in place: a table of every
    // character would take 16 bytes per input byte (160 MB for a 10 MB story).
    let char_at = |at: usize| text.get(at..).and_then(|rest| rest.chars().next());
    let after = |at: usize| char_at(at).map_or(at, |c| at + c.len_utf8());
    let is_alphanumeric_at = |at: usize| char_at(at).is_some_and(char::is_alphanumeric);
    // A possessive `’s`/`'s` at `at`: an apostrophe, then s, then no more letters.
    let possessive_at = |at: usize| {
        char_at(at).is_some_and(is_apostrophe)
            && matches!(char_at(after(at)), Some('s' | 'S'))
            && !is_alphanumeric_at(after(after(at)))
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(c) = char_at(i) {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if !c.is_alphanumeric() {
            // A possessive `’s` after a word: its own token.
            let follows_word = text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            if possessive_at(i) && follows_word {
                let end = after(after(i));
                tokens.push(Token::new(i, end, TokenKind::Possessive));
                i = end;
                continue;
            }
            tokens.push(Token::new(i, after(i), TokenKind::Punct));
            i = after(i);
            continue;
        }
        let start = i;
        loop {
            // Plain ASCII letters and digits first, without decoding: most of any
            // English story.
            if bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
                continue;
            }
            let Some(c) = char_at(i) else { break };
            if c.is_alphanumeric() || is_combining(c) {
                i += c.len_utf8();
                continue;
            }
            // A joiner continues the word only when a letter or digit follows it,
            // and an apostrophe never takes a possessive `’s` into the word.
            if is_word_joiner(c) && is_alphanumeric_at(after(i)) && !possessive_at(i) {
                i = after(i);
                continue;
            }
            break;
        }
        // The final dot of an initialism (`U.S.`, `N.Y.`) belongs to it.
        if char_at(i) == Some('.') && is_initialism(&text[start..i]) {
            i += 1;
        }
        let kind = if c.is_ascii_digit() {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        tokens.push(Token::new(start, i, kind));
    }
    tokens
}

/// Combining marks keep a word whole (`é` written as `e` + U+0301).
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// `U.S`, `N.Y`, `U.N`: single letters joined by dots.
fn is_initialism(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

fn find_lines(text: &str) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' || c == '\r' {
            push_line(text, start..i, &mut lines);
            start = i + 1;
        }
    }
    push_line(text, start..text.len(), &mut lines);
    lines
}

fn push_line(text: &str, range: Range<usize>, lines: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let trimmed_start = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        let start = range.start + trimmed_start;
        lines.push(start..start + trimmed.len());
    }
}

/// Abbreviations whose dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Sgt", "Capt", "Cmdr", "Adm", "Gov",
    "Sen", "Rep", "Rev", "St", "Ste", "Mt", "Ft", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "No",
    "Vol", "vs", "etc", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "approx",
];

fn find_sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let tok = &text[t.range()];
        let mut end_here = false;
        let mut last = i;
        if matches!(tok, "." | "!" | "?")
            && !(tok == "." && i > 0 && is_abbreviation(text, &tokens[i - 1], t))
        {
            // Closing quotes and brackets after the stop belong to the sentence.
            while last + 1 < tokens.len()
                && tokens[last + 1].start() == tokens[last].end()
                && matches!(
                    &text[tokens[last + 1].range()],
                    "\"" | "”" | "’" | "'" | ")" | "]"
                )
            {
                last += 1;
            }
            end_here = match tokens.get(last + 1) {
                None => true,
                Some(next) => {
                    let gap = &text[tokens[last].end()..next.start()];
                    let first = text[next.range()].chars().next().unwrap_or(' ');
                    !gap.is_empty()
                        && (first.is_uppercase()
                            || first.is_numeric()
                            || !first.is_alphanumeric()
                            || gap.contains('\n'))
                }
            };
        }
        // A paragraph break (a blank line, or a line ending in a stop) ends a sentence too.
        if !end_here {
            if let Some(next) = tokens.get(i + 1) {
                let newlines = line_breaks(&text[t.end()..next.start()]);
                if newlines >= 2 || (newlines == 1 && ends_line_as_paragraph(tok)) {
                    end_here = true;
                }
            }
        }
        if end_here || last + 1 == tokens.len() {
            sentences.push(start..last + 1);
            start = last + 1;
        }
        i = last + 1;
    }
    sentences
}

/// Line breaks in the space between two tokens; `\r\n` counts as one.
fn line_breaks(gap: &str) -> usize {
    let gap = gap.as_bytes();
    (0..gap.len())
        .filter(|&i| gap[i] == b'\n' || (gap[i] == b'\r' && gap.get(i + 1) != Some(&b'\n')))
        .count()
}

fn ends_line_as_paragraph(last_token: &str) -> bool {
    matches!(
        last_token,
        "." | "!" | "?" | "\"" | "”" | ":" | ")" | "-" | "—" | "_"
    )
}

fn is_abbreviation(text: &str, word: &Token, dot: &Token) -> bool {
    if word.end() != dot.start() || word.kind != TokenKind::Word {
        return false;
    }
    let w = &text[word.range()];
    (w.chars().count() == 1 && w.chars().all(char::is_uppercase)) || ABBREVIATIONS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.range()]).collect()
    }

    #[test]
    fn keeps_hyphenated_names_and_splits_possessives() {
        assert_eq!(
            words("Kim Jong-un’s U.S. trip"),
            ["Kim", "Jong-un", "’s", "U.S.", "trip"]
        );
        assert_eq!(
            words("the imperialists' threat"),
            ["the", "imperialists", "'", "threat"]
        );
        assert_eq!(words("“top priority,”"), ["“", "top", "priority", ",", "”"]);
    }

    #[test]
    fn splits_sentences_but_not_at_abbreviations() {
        let text = "SEOUL, Sept. 14 (Yonhap) -- Mr. Kim left. He said \"no.\" Then\n\nA new one";
        let doc = Document::new(text);
        let s: Vec<&str> = doc
            .sentences
            .iter()
            .map(|r| &text[doc.token_span(r.clone())])
            .collect();
        assert_eq!(
            s,
            [
                "SEOUL, Sept. 14 (Yonhap) -- Mr. Kim left.",
                "He said \"no.\"",
                "Then",
                "A new one"
            ]
        );
    }
}
