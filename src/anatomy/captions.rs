//! Photo captions and their credits, as wire copy and web pages write them:
//!
//! ```text
//! view larger image Kim Jong-un ... (Yonhap)        a wire caption's label
//! View image in fullscreen / Enlarge this image     an image widget's prefix line
//! Photo: … · Image: … · (Photo by Jane Roe / Getty Images)
//! Protesters march in Lima. JANE ROE/REUTERS        a caption ending in its credit
//! … on Monday. THE CANADIAN PRESS/Sean Kilpatrick   (`AGENCY PHOTO/Reuters`, `AP Photo/Jane Roe`)
//! … in Ottawa. Photograph: Jane Roe/Reuters         a credit label
//! ```
//!
//! A line is a caption when it opens with a caption label or widget prefix
//! (`data/web_furniture.txt ## caption-openings`), or when it ends in a credit: a
//! slash between a name and an agency or photo word (`Jane Roe/AFP via Getty Images`),
//! a parenthesized credit, a `Photograph:` label, or an outlet after the caption's last
//! sentence (`… Monday. The Canadian Press`). A widget prefix alone on its line takes
//! the next line as its caption.
//!
//! Knowingly wrong: a caption without a label or a credit is read as body; a credit
//! that is a single agency word after a sentence (`… Monday. EFE`) is the end mark's,
//! not a caption's; a story line that ends in a slash credit (`… said the poll by
//! Reuters/Ipsos`) would be taken for a caption, but only when it has no final period.

use crate::wordlists::{agency_name, contains, opening, List};
use std::ops::Range;

/// The most words a credit has: `THE CANADIAN PRESS/Sean Kilpatrick` has 5.
const MAX_CREDIT_WORDS: usize = 10;
/// How far from a line's end a credit's label (`Photograph:`) is looked for: the label
/// and ten words of a name and an agency.
const LABELLED_TAIL_BYTES: usize = 256;

/// The most words of a caption line (a caption is one paragraph, not a story).
pub const MAX_CAPTION_WORDS: usize = 90;

/// A caption line, with its credit (a byte range within the line) when it gives one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptionLine {
    /// The line is only an image widget's prefix (`View image in fullscreen`): the
    /// caption is on the next line.
    pub prefix_only: bool,
    pub credit: Option<Range<usize>>,
}

/// When `line` is a caption line, what it holds.
pub fn caption_line(line: &str) -> Option<CaptionLine> {
    let line = line.trim_end();
    let credit = credit(line);
    let open = opening(List::CaptionOpenings, line);
    // Counted last: most lines have neither, and counting reads the whole line.
    if (credit.is_none() && open.is_none()) || line.split_whitespace().count() > MAX_CAPTION_WORDS {
        return None;
    }
    if let Some(open) = open {
        let rest = line[open..].trim_matches(|c: char| c.is_whitespace() || c == ':');
        return Some(CaptionLine {
            prefix_only: rest.is_empty(),
            credit,
        });
    }
    credit.map(|credit| CaptionLine {
        prefix_only: false,
        credit: Some(credit),
    })
}

/// The credit closing a caption line, as a byte range of the line.
pub fn credit(line: &str) -> Option<Range<usize>> {
    parenthesized_credit(line)
        .or_else(|| labelled_credit(line))
        .or_else(|| slash_credit(line))
        .or_else(|| outlet_credit(line))
}

/// `Jane Roe/NPR`, `Getty Images`: a short line that is only a credit (taken as one
/// only under a caption).
pub fn is_credit_line(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    let (before, after) = line.split_once('/').unwrap_or((line, ""));
    (1..=6).contains(&words)
        && !line.ends_with(['.', '!', '?', ':', ','])
        && before.trim().starts_with(char::is_uppercase)
        && (after.is_empty() || after.trim().starts_with(char::is_uppercase))
        && (line.contains('/') || is_outlet(line))
}

/// `(Photo by Jane Roe / Getty Images)`, `(AP Photo/Jane Roe)`, `… Monday. (Reuters)`.
fn parenthesized_credit(line: &str) -> Option<Range<usize>> {
    let inner_end = line.strip_suffix(')')?.len();
    let open = line[..inner_end].rfind('(')?;
    let inner = &line[open + 1..inner_end];
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_CREDIT_WORDS || !inner.starts_with(char::is_uppercase)
    {
        return None;
    }
    let first = words[0].trim_end_matches(':');
    let labelled = [
        "photo",
        "photograph",
        "photos",
        "image",
        "credit",
        "courtesy",
        "file",
    ]
    .iter()
    .any(|w| first.eq_ignore_ascii_case(w));
    let slashed = inner.contains('/') && has_credit_word(inner);
    // A lone agency in parentheses is a credit only after a sentence: `… Monday. (AFP)`.
    let after_sentence = line[..open].trim_end().ends_with(['.', '!', '?']);
    let agency = after_sentence && (agency_name(inner).is_some() || is_outlet(inner));
    (labelled || slashed || agency).then_some(open + 1..inner_end)
}

/// `… Photograph: Jane Roe/Reuters`, `Credit: Jane Roe`, `Photo: Jane Roe`.
fn labelled_credit(line: &str) -> Option<Range<usize>> {
    const LABELS: &[&str] = &[
        "photograph:",
        "photo:",
        "photo credit:",
        "credit:",
        "image:",
    ];
    // A label is followed by a credit of a few words: only the line's end is read (this
    // runs on every line of the story).
    let mut from = line.len().saturating_sub(LABELLED_TAIL_BYTES);
    while !line.is_char_boundary(from) {
        from += 1;
    }
    if !line[from..].contains(':') {
        return None; // every label ends in one
    }
    let lower = line[from..].to_lowercase();
    if lower.len() != line.len() - from {
        return None; // lowercasing changed the offsets: no label is that exotic
    }
    let (at, label) = LABELS
        .iter()
        .filter_map(|l| lower.rfind(l).map(|at| (from + at, l.len())))
        .max()?;
    let before = line[..at].trim_end();
    if !(before.is_empty() || before.ends_with(['.', '!', '?', '"', '”', ')'])) {
        return None;
    }
    let credit = trimmed(line, at + label..line.len());
    let words = line[credit.clone()].split_whitespace().count();
    (words > 0 && words <= MAX_CREDIT_WORDS && !line.ends_with('.')).then_some(credit)
}

/// `JANE ROE/REUTERS`, `AGENCY PHOTO/Reuters`, `Jane Roe/AFP via Getty Images` at the
/// end of the line, after its last sentence.
fn slash_credit(line: &str) -> Option<Range<usize>> {
    let slash = line.rfind('/')?;
    if line.ends_with(['.', '!', '?', '"', '”', ',', ';', ':']) || line.contains("://") {
        return None;
    }
    let start = sentence_tail_start(line, slash);
    let credit = trimmed(line, start..line.len());
    let text = &line[credit.clone()];
    let after = line[slash + 1..].trim_start();
    let before_word = line[..slash].split_whitespace().next_back().unwrap_or("");
    let words = text.split_whitespace().count();
    let ok = words <= MAX_CREDIT_WORDS
        && after.starts_with(char::is_uppercase)
        && before_word.starts_with(char::is_uppercase)
        && (has_credit_word(before_word) || has_credit_word(after));
    ok.then_some(credit)
}

/// `… in Ottawa on Monday. The Canadian Press`, `… . Getty Images`: an outlet of two
/// words or more after the caption's last sentence.
fn outlet_credit(line: &str) -> Option<Range<usize>> {
    let end = line.trim_end().len();
    let start = sentence_tail_start(line, end);
    if start == 0 {
        return None;
    }
    let credit = trimmed(line, start..end);
    let text = &line[credit.clone()];
    let words: Vec<&str> = text.split_whitespace().collect();
    let ok = (2..=5).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && is_outlet(text);
    ok.then_some(credit)
}

/// Where the text after the last sentence end (`. `, `! `, `? `, `.” `, `." `, `: `)
/// before `at` begins, or 0. One backward scan: it runs on every line of the story.
fn sentence_tail_start(line: &str, at: usize) -> usize {
    let head = &line.as_bytes()[..at];
    let ends_sentence = |before: &[u8]| {
        matches!(before.last(), Some(b'.' | b'!' | b'?' | b':'))
            || before.ends_with(b".\"")
            || before.ends_with(".”".as_bytes())
    };
    (1..head.len())
        .rev()
        .find(|&i| head[i] == b' ' && ends_sentence(&head[..i]))
        .map_or(0, |i| i + 1)
}

fn trimmed(line: &str, range: Range<usize>) -> Range<usize> {
    let part = &line[range.clone()];
    let start = range.start + (part.len() - part.trim_start().len());
    start..range.start + part.trim_end().len()
}

/// A word of the text is a photo-credit word or an agency: `Getty`, `Photo`, `Reuters`.
fn has_credit_word(text: &str) -> bool {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .any(|w| contains(List::CreditWords, w) || agency_name(w).is_some())
}

/// An outlet written as a credit: `The Canadian Press`, `Getty Images`, `AP`.
fn is_outlet(text: &str) -> bool {
    contains(List::CreditWords, text)
        || text
            .split_whitespace()
            .last()
            .is_some_and(|w| ["press", "images", "photos"].contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credit_of(line: &str) -> Option<&str> {
        caption_line(line)?.credit.map(|r| &line[r])
    }

    #[test]
    fn finds_credits() {
        for (line, want) in [
            (
                "Protesters march in Lima. JANE ROE/REUTERS",
                "JANE ROE/REUTERS",
            ),
            ("A rally in Ohio. (AP Photo/Jane Roe)", "AP Photo/Jane Roe"),
            (
                "Smoke rises. (Photo by Jane Roe / Getty Images)",
                "Photo by Jane Roe / Getty Images",
            ),
            (
                "The minister in Ottawa on Monday. THE CANADIAN PRESS/Sean Kilpatrick",
                "THE CANADIAN PRESS/Sean Kilpatrick",
            ),
            (
                "Crowds in Kyiv. Photograph: Jane Roe/Reuters",
                "Jane Roe/Reuters",
            ),
            (
                "Flooded streets in Lagos. The Canadian Press",
                "The Canadian Press",
            ),
            (
                "Rescuers at work. AGENCY PHOTO/Reuters",
                "AGENCY PHOTO/Reuters",
            ),
        ] {
            assert_eq!(credit_of(line), Some(want), "{line}");
        }
    }

    #[test]
    fn story_lines_are_no_captions() {
        for line in [
            "A Reuters/Ipsos poll found Clinton ahead.",
            "Gold fell. EFE",
            "The photo shows the minister at the podium.",
            "He works 24/7 for the campaign, he said.",
            "See https://example.com/Reuters for more",
        ] {
            assert_eq!(caption_line(line), None, "{line}");
        }
        assert_eq!(
            caption_line("View image in fullscreen"),
            Some(CaptionLine {
                prefix_only: true,
                credit: None
            })
        );
    }
}
