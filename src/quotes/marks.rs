//! Finds the stretches of text between quotation marks, in one pass over the body.
//!
//! Marks: straight and curly double quotes (`"…"`, `“…”`, and the mixed `“…"` that
//! pasted text produces), `„…“`/`„…”`, guillemets `«…»`, the ``` ``…'' ``` pairs of
//! old wire archives and the `''…''` of archives that typed both marks as two
//! apostrophes (`''It's anti-reform,'' he said`). Single marks (`‘…’`, `'…'`) only nest inside those, so an
//! apostrophe (`Kim’s`, `imperialists'`) can never open or close a quotation; a story
//! that uses no double marks at all (British style) gets single marks as its outer ones.
//!
//! Lines (paragraphs) bound a quotation: the wire convention for a quote over several
//! paragraphs opens each paragraph with a mark and closes only the last, so a quotation
//! still open at a line end continues when the next line opens with a mark, and
//! otherwise ends there (an unbalanced mark never swallows the rest of the story).
//! A second opening mark of the same kind at the outer level closes the runaway quote
//! before it (`“We won. “They lost.”`). Marks inside the headline, notes and captions
//! are ignored.
//!
//! Knowingly wrong: an unclosed quote is taken to run to its line end even when the
//! writer meant it to stop earlier; a straight `"` between two spaces is read by state.

use std::ops::Range;

/// One quotation: the words between the marks (without them, trimmed). A quotation
/// over several paragraphs keeps the inner paragraph breaks and opening marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    pub inner: Range<usize>,
    /// The opening mark.
    pub open: Range<usize>,
    /// The closing mark; `None` when a line end closed a runaway quote.
    pub close: Option<Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// `“”`, `"`, `„`, ``` `` ``` / `''`.
    Double,
    /// `«»`.
    Guillemet,
    /// `‘’`, `'`: outer marks only in stories without double marks.
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    family: Family,
    role: Role,
    /// The character that wrote it (the first one for ``` `` ``` and `''`).
    glyph: char,
    /// Length in bytes.
    len: usize,
}

/// Nesting deeper than this is treated as flat: it bounds the state, not the input.
const MAX_DEPTH: usize = 4;

/// Finds every quotation in `text` along `lines` (sorted byte ranges without their
/// line breaks), ignoring marks inside the `excluded` ranges (sorted).
pub fn find_quotations(
    text: &str,
    lines: &[Range<usize>],
    excluded: &[Range<usize>],
) -> Vec<Quotation> {
    let has_double =
        text.contains(['"', '“', '”', '„', '«', '»']) || text.contains("``") || text.contains("''");
    let mut scanner = MarkScanner {
        singles_are_outer: !has_double,
        found: Vec::new(),
        open: None,
        stack: Vec::with_capacity(MAX_DEPTH),
    };
    let mut skip = excluded.iter().peekable();
    let mut continuing = false;
    for (n, line) in lines.iter().enumerate() {
        let mut chars = text[line.clone()].char_indices().peekable();
        let mut prev = ' ';
        while let Some((i, c)) = chars.next() {
            let at = line.start + i;
            while skip.peek().is_some_and(|r| r.end <= at) {
                skip.next();
            }
            if skip.peek().is_some_and(|r| r.start <= at) {
                scanner.close_runaway(text, at);
                continuing = false;
                prev = c;
                continue;
            }
            // Letters, digits and spaces, most of a story, are no marks.
            let maybe_mark = !(c.is_ascii_alphanumeric() || c == ' ');
            let next = chars.peek().map_or(' ', |&(_, c)| c);
            let Some(mark) = maybe_mark
                .then(|| scanner.classify(prev, c, next))
                .flatten()
            else {
                prev = c;
                continuing = false;
                continue;
            };
            if mark.len > c.len_utf8() {
                chars.next();
            }
            // A line that continues an open quote starts with an opening mark.
            if !(continuing && i == 0 && mark.role == Role::Open) {
                scanner.take(text, at, mark);
            }
            continuing = false;
            prev = c;
        }
        // Line end: go on into the next line if it opens with a mark, else close here.
        continuing = false;
        if let Some(open) = scanner.open {
            let next_opens = lines.get(n + 1).is_some_and(|next| {
                let mut cs = text[next.clone()].chars();
                let first = cs.next().unwrap_or(' ');
                let second = cs.next().unwrap_or(' ');
                let excluded = skip.peek().is_some_and(|r| r.start < next.end);
                !excluded
                    && scanner
                        .classify(' ', first, second)
                        .is_some_and(|m| m.role == Role::Open && m.family == open.family)
            });
            if next_opens {
                scanner.stack.truncate(1);
                continuing = true;
            } else {
                scanner.close_runaway(text, line.end);
            }
        }
    }
    scanner.found
}

#[derive(Debug, Clone, Copy)]
struct OpenQuote {
    family: Family,
    glyph: char,
    /// Byte range of the opening mark.
    mark: (usize, usize),
}

struct MarkScanner {
    singles_are_outer: bool,
    found: Vec<Quotation>,
    /// The outer quotation being read.
    open: Option<OpenQuote>,
    /// Opening glyphs of the nested quotations (the outer one first).
    stack: Vec<(Family, char)>,
}

impl MarkScanner {
    /// What `c` is, between `prev` and `next`; `None` when it is no quotation mark here.
    fn classify(&self, prev: char, c: char, next: char) -> Option<Mark> {
        let opens_word = is_open_context(prev) && !next.is_whitespace();
        let closes_word = !prev.is_whitespace();
        let mark = |family, role| {
            Some(Mark {
                family,
                role,
                glyph: c,
                len: c.len_utf8(),
            })
        };
        let double = |role| mark(Family::Double, role);
        match c {
            '“' if self.outer_is('„') && closes_word => double(Role::Close),
            // `“Do you want that?“ he asked.`: a wrong-way mark that ends a word closes.
            '“' if self.open.is_some() && closes_word && !next.is_alphanumeric() => {
                double(Role::Close)
            }
            '“' | '„' => double(Role::Open),
            '”' if opens_word && self.open.is_none() => double(Role::Open),
            '”' => double(Role::Close),
            '"' if opens_word => double(Role::Open),
            '"' if closes_word || self.open.is_some() => double(Role::Close),
            '«' => mark(Family::Guillemet, Role::Open),
            '»' => mark(Family::Guillemet, Role::Close),
            '`' if next == '`' => Some(Mark {
                family: Family::Double,
                role: Role::Open,
                glyph: '`',
                len: 2,
            }),
            '\'' if next == '\'' && closes_word && (self.outer_is('`') || self.outer_is('\'')) => {
                Some(Mark {
                    family: Family::Double,
                    role: Role::Close,
                    glyph: '\'',
                    len: 2,
                })
            }
            // `''It's anti-reform,''`: two apostrophes open where a word may start.
            '\'' if next == '\'' && is_open_context(prev) => Some(Mark {
                family: Family::Double,
                role: Role::Open,
                glyph: '\'',
                len: 2,
            }),
            // Single marks: only as outer marks in a story without double ones, and
            // never inside a word (`Kim’s`) or after one as an apostrophe opener.
            '‘' | '\'' if self.singles_are_outer && opens_word && next.is_alphanumeric() => {
                mark(Family::Single, Role::Open)
            }
            '’' | '\''
                if self.singles_are_outer
                    && self.open.is_some()
                    && closes_word
                    && !next.is_alphanumeric() =>
            {
                mark(Family::Single, Role::Close)
            }
            _ => None,
        }
    }

    fn outer_is(&self, glyph: char) -> bool {
        self.open.is_some_and(|o| o.glyph == glyph)
    }

    fn take(&mut self, text: &str, at: usize, mark: Mark) {
        let Some(open) = self.open else {
            if mark.role == Role::Open {
                self.start(at, mark);
            }
            return;
        };
        match mark.role {
            Role::Open => {
                let same_as_outer = mark.family == open.family && mark.glyph == open.glyph;
                if self.stack.len() <= 1 && same_as_outer {
                    // `“We won. “They lost.”`: the first quote never closed.
                    self.close_runaway(text, at);
                    self.start(at, mark);
                } else if self.stack.len() < MAX_DEPTH {
                    self.stack.push((mark.family, mark.glyph));
                }
            }
            Role::Close => {
                if self.stack.len() > 1 {
                    self.stack.pop();
                } else if mark.family == open.family {
                    let inner = trim(text, open.mark.1..at);
                    self.push(inner, open.mark.0..open.mark.1, Some(at..at + mark.len));
                    self.open = None;
                    self.stack.clear();
                }
            }
        }
    }

    fn start(&mut self, at: usize, mark: Mark) {
        self.open = Some(OpenQuote {
            family: mark.family,
            glyph: mark.glyph,
            mark: (at, at + mark.len),
        });
        self.stack.clear();
        self.stack.push((mark.family, mark.glyph));
    }

    /// Ends the open quotation (if any) at byte `at` without a closing mark.
    fn close_runaway(&mut self, text: &str, at: usize) {
        if let Some(open) = self.open.take() {
            let inner = trim(text, open.mark.1..at.max(open.mark.1));
            self.push(inner, open.mark.0..open.mark.1, None);
        }
        self.stack.clear();
    }

    fn push(&mut self, inner: Range<usize>, open: Range<usize>, close: Option<Range<usize>>) {
        if inner.is_empty() {
            return;
        }
        self.found.push(Quotation { inner, open, close });
    }
}

/// Characters after which a mark opens a quotation: start of line, space, brackets, dashes.
fn is_open_context(prev: char) -> bool {
    prev.is_whitespace() || matches!(prev, '(' | '[' | '{' | '-' | '—' | '–' | '/' | ':')
}

/// `range` without surrounding whitespace; empty when it holds no letter or digit.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    if !s.chars().any(char::is_alphanumeric) {
        return range.start..range.start;
    }
    let start = range.start + (s.len() - s.trim_start().len());
    start..start + s.trim().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        let lines: Vec<Range<usize>> = {
            let mut out = Vec::new();
            let mut start = 0;
            for (i, c) in text.char_indices() {
                if c == '\n' {
                    if i > start {
                        out.push(start..i);
                    }
                    start = i + 1;
                }
            }
            if start < text.len() {
                out.push(start..text.len());
            }
            out
        };
        find_quotations(text, &lines, &[])
            .into_iter()
            .map(|q| &text[q.inner])
            .collect()
    }

    #[test]
    fn pairs_curly_straight_and_mixed_marks() {
        assert_eq!(quotes("“a b,” he said, \"c d.\""), ["a b,", "c d."]);
        assert_eq!(quotes("“a b\" he said"), ["a b"]);
        assert_eq!(quotes("x ``a b,'' he said"), ["a b,"]);
        assert_eq!(
            quotes("''a b,'' he said. ''c 'd' e.''"),
            ["a b,", "c 'd' e."]
        );
        assert_eq!(quotes("x „a b“ y «c d» z"), ["a b", "c d"]);
    }

    #[test]
    fn apostrophes_and_nested_singles_do_not_count() {
        assert_eq!(
            quotes("\"the imperialists' threat,\" Kim’s aide said"),
            ["the imperialists' threat,"]
        );
        assert_eq!(
            quotes("“He said ‘no’ twice,” she said"),
            ["He said ‘no’ twice,"]
        );
    }

    #[test]
    fn runaway_quote_stops_at_line_end_unless_continued() {
        assert_eq!(quotes("“a b\nc d “e f” g"), ["a b", "e f"]);
        assert_eq!(quotes("“a b\n“c d.”\ne"), ["a b\n“c d."]);
    }
}
