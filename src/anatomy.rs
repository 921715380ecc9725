//! Wire-story anatomy: headline, editor's notes, byline, dateline, captions, end
//! marker, e-mail addresses and body paragraphs.
//!
//! The front matter is read line by line from the top: parenthesized notes
//! (`(ATTN: ...)`, `(LEAD)`, `(Update 1: ...)`), a `By ...` byline, a first short line
//! without a final period as the headline, until a line opens with a dateline (see
//! `dateline`) or the body begins. Captions are lines in a caption style (Yonhap's
//! `view larger image ...`); the end marker is `(END)` or an agency sign-off (`... EFE`,
//! `Reuter`) closing the story. Paragraphs are blank-line or indentation separated
//! blocks, or single lines when each line ends a sentence (the EFE layout).
//!
//! Knowingly wrong: a headline spread over two lines keeps only its first; a photo
//! caption in a style not listed in `CAPTION_OPENINGS` is read as body.

mod byline;
mod dateline;

use crate::analysis::{Byline, Dateline, DatelineDate, Span};
use crate::text::Document;
use std::ops::Range;

use crate::wordlists::agency_name;

/// How many lines from the top may hold front matter before the body must begin.
const MAX_FRONT_LINES: usize = 12;

/// The longest line taken for a headline or a note.
const MAX_HEADLINE_BYTES: usize = 250;

/// Openings of photo-caption lines (compared ignoring case).
const CAPTION_OPENINGS: &[&str] = &[
    "view larger image",
    "photo:",
    "file photo:",
    "(photo",
    "caption:",
    "pictured:",
];

/// Whole lines that end a story.
const END_LINES: &[&str] = &[
    "(END)",
    "END",
    "ENDS",
    "(ENDS)",
    "Enditem",
    "(Enditem)",
    "-30-",
];

/// The parts of a story around its text (byte offsets); `Analysis` carries them as they
/// are, but for the dateline's year, which the dates stage resolves.
#[derive(Debug, Default)]
pub struct Anatomy {
    pub headline: Option<Span>,
    pub byline: Option<Byline>,
    pub notes: Vec<Span>,
    pub dateline: Option<Dateline>,
    pub captions: Vec<Span>,
    pub end_marker: Option<Span>,
    pub emails: Vec<Span>,
    pub paragraphs: Vec<Span>,
}

/// Reads the story's anatomy.
pub fn find_anatomy(doc: &Document) -> Anatomy {
    let mut anatomy = Anatomy::default();
    let text = doc.text;
    let lines = &doc.lines;
    let mut body_start = None;
    // The first line after the headline that could be body, if no dateline follows.
    let mut first_body_line = None;
    let mut front = 0;
    while front < lines.len().min(MAX_FRONT_LINES) {
        let line = lines[front].clone();
        let s = &text[line.clone()];
        front += 1;
        if is_caption(s) {
            continue;
        }
        if let Some(note) = note(s) {
            anatomy
                .notes
                .push(Span::new(text, line.start..line.start + note));
            // Yonhap's `(LEAD) N. Korea's Kim invites Putin`: the rest is the headline.
            let rest = &s[note..];
            let headline_start = line.start + note + (rest.len() - rest.trim_start().len());
            if headline_start < line.end && anatomy.headline.is_none() && is_headline(rest) {
                anatomy.headline = Some(Span::new(text, headline_start..line.end));
            }
            continue;
        }
        if anatomy.byline.is_none() {
            if let Some(names) = byline::byline_names(s) {
                anatomy.byline = Some(Byline {
                    span: Span::new(text, line.clone()),
                    names,
                });
                continue;
            }
        }
        let later_lines = front < lines.len();
        let headline_like = later_lines && is_headline(s);
        let awaiting_headline = anatomy.headline.is_none() && first_body_line.is_none();
        if let Some(found) = dateline::find_dateline(doc, line.clone()) {
            // A first short line is a headline when it has only a place and a dash and
            // the story goes on (`JAPAN - U.S. TRADE TALKS`), or when the next line has
            // the dateline (`SYRIA SEEKING WHITE SUGAR ON APRIL 8 - TRADE`).
            let headline_instead = headline_like
                && awaiting_headline
                && (!found.strong || strong_dateline_at(doc, front));
            // A lone headline-like line is a flash, not a story: `GENEVA - negotiators
            // agree basic elements in new rubber pact - chairman`.
            let rest = &text[found.range.end..line.end];
            let flash = !found.strong
                && !later_lines
                && (is_headline(s) || rest.contains(" - ") || rest.contains(" -- "));
            if !headline_instead && !flash {
                body_start = Some(found.range.end);
                anatomy.dateline = Some(to_dateline(text, found));
                break;
            }
        }
        if !headline_like || first_body_line.is_some() {
            first_body_line.get_or_insert(line.start);
            break;
        }
        if awaiting_headline {
            anatomy.headline = Some(Span::new(text, line.clone()));
        } else {
            // One more short line (a deck, a wrapped headline) may precede the dateline.
            first_body_line = Some(line.start);
        }
    }
    let body_start = body_start
        .or(first_body_line)
        .unwrap_or_else(|| lines.get(front).map_or(text.len(), |l| l.start));
    anatomy.captions = lines
        .iter()
        .filter(|l| is_caption(&text[(*l).clone()]))
        .map(|l| Span::new(text, l.clone()))
        .collect();
    anatomy.end_marker = end_marker(text, lines).map(|r| Span::new(text, r));
    anatomy.emails = find_emails(text)
        .into_iter()
        .map(|r| Span::new(text, r))
        .collect();
    let body_end = anatomy.end_marker.as_ref().map_or(text.len(), |e| e.start);
    anatomy.paragraphs = find_paragraphs(doc, body_start..body_end, &anatomy.emails)
        .into_iter()
        .map(|r| Span::new(text, r))
        .collect();
    anatomy
}

fn to_dateline(text: &str, found: dateline::FoundDateline) -> Dateline {
    let location = text[found.location].to_string();
    Dateline {
        span: Span::new(text, found.range),
        place: dateline::normalize_place(&location),
        location,
        date: found.date.map(|d| DatelineDate {
            span: Span::new(text, d.range),
            year: d.year,
            month: d.month,
            day: d.day,
        }),
        source: found.source,
    }
}

fn strong_dateline_at(doc: &Document, line: usize) -> bool {
    doc.lines
        .get(line)
        .and_then(|l| dateline::find_dateline(doc, l.clone()))
        .is_some_and(|d| d.strong)
}

/// A headline is short, has letters, and does not end like a sentence or a clause; a
/// final dot is an abbreviation's in `... EXPORTS TO U.S.` or any all-capitals line.
fn is_headline(line: &str) -> bool {
    let line = line.trim();
    let last_word = line.rsplit(' ').next().unwrap_or(line);
    let abbreviation_dot = line.ends_with('.')
        && (last_word[..last_word.len() - 1].contains('.')
            || !line.chars().any(char::is_lowercase));
    line.len() <= MAX_HEADLINE_BYTES
        && line.chars().any(char::is_alphabetic)
        && (!line.ends_with(['.', ',', ';', ':']) || abbreviation_dot)
        && !line.contains('@')
        && line.split_whitespace().count() <= 30
}

/// The length of the note at the start of `line`: `(ATTN: ...)`, `(LEAD)`,
/// `(Update 1: ...)`, `(CORRECTED ...)`, or a line opening `Editor's note`.
fn note(line: &str) -> Option<usize> {
    if line.len() > 4 * MAX_HEADLINE_BYTES {
        return None;
    }
    let lower = line.to_lowercase();
    if lower.starts_with("editor's note") || lower.starts_with("editor’s note") {
        return Some(line.len());
    }
    let inner = line.strip_prefix('(')?;
    if !inner.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    // The parenthesis that closes the opening one (notes may nest: `(ADDS photo (2))`).
    let mut depth = 0;
    for (i, c) in line.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    let end = i + 1;
                    // A whole-line note, or a short tag before a headline (`(LEAD)`).
                    let tag = &line[1..i];
                    if agency_name(tag).is_some() {
                        return None; // ANSA's `(ANSA) - ROME, ...` is a dateline
                    }
                    let is_tag = (tag.len() <= 30 && !tag.chars().any(char::is_lowercase))
                        || tag.starts_with("Update")
                        || tag.starts_with("News Focus")
                        || tag.starts_with("Yonhap");
                    return (end == line.len() || is_tag).then_some(end);
                }
            }
            _ => {}
        }
    }
    None
}

fn is_caption(line: &str) -> bool {
    let head = line.get(..24).unwrap_or(line).to_lowercase();
    CAPTION_OPENINGS.iter().any(|o| head.starts_with(o))
}

/// `(END)` on the last line, or the agency's sign-off closing the last line: `... EFE`.
fn end_marker(text: &str, lines: &[Range<usize>]) -> Option<Range<usize>> {
    let last = lines.last()?.clone();
    let line = &text[last.clone()];
    if END_LINES.contains(&line) {
        return Some(last);
    }
    let word_start = line
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map_or(0, |i| {
            i + line[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &line[word_start..];
    agency_name(word)?;
    let before = line[..word_start].trim_end();
    // Alone on the line, or after the last sentence: `... in Vladivostok. EFE`.
    let closes = before.is_empty()
        || (before.len() < line[..word_start].len()
            && before.ends_with(['.', '!', '?', '"', '”', ')']));
    closes.then_some(last.start + word_start..last.end)
}

/// E-mail addresses: `yunhwanchae@yna.co.kr`.
fn find_emails(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let is_local = |b: u8| b.is_ascii_alphanumeric() || b"._%+-".contains(&b);
    let is_domain = |b: u8| b.is_ascii_alphanumeric() || b == b'.' || b == b'-';
    let mut emails = Vec::new();
    let mut searched_to = 0;
    for (at, _) in text.match_indices('@') {
        if at < searched_to {
            continue;
        }
        // Each byte is looked at from at most one `@` on each side: linear.
        let mut start = at;
        while start > searched_to && at - start < 64 && is_local(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < bytes.len() && end - at < 255 && is_domain(bytes[end]) {
            end += 1;
        }
        while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1;
        }
        while start < at && bytes[start] == b'.' {
            start += 1;
        }
        let domain = &text[at + 1..end];
        if start < at && domain.contains('.') && !domain.starts_with('.') {
            emails.push(start..end);
            searched_to = end;
        } else {
            searched_to = at + 1;
        }
    }
    emails
}

/// The body's paragraphs inside `body`, captions and e-mail-only lines left out.
fn find_paragraphs(doc: &Document, body: Range<usize>, emails: &[Span]) -> Vec<Range<usize>> {
    let text = doc.text;
    let mut paragraphs: Vec<Range<usize>> = Vec::new();
    let mut open: Option<Range<usize>> = None;
    let first = doc.lines.partition_point(|l| l.end <= body.start);
    for line in &doc.lines[first..] {
        if line.start >= body.end {
            break;
        }
        let start = line.start.max(body.start);
        let end = line.end.min(body.end);
        let part = &text[start..end];
        let trimmed_start = start + (part.len() - part.trim_start().len());
        let trimmed_end = start + part.trim_end().len();
        if trimmed_start >= trimmed_end {
            continue;
        }
        let piece = trimmed_start..trimmed_end;
        // Emails are in text order: one binary search per line keeps this linear.
        let at = emails.partition_point(|e| e.start < piece.start);
        let only_email = emails.get(at).is_some_and(|e| e.range() == piece);
        if is_caption(&text[piece.clone()]) || only_email {
            if let Some(p) = open.take() {
                paragraphs.push(p);
            }
            continue;
        }
        match open.as_mut() {
            Some(p) if continues_paragraph(text, p, line) => p.end = piece.end,
            _ => {
                if let Some(p) = open.replace(piece) {
                    paragraphs.push(p);
                }
            }
        }
    }
    paragraphs.extend(open);
    paragraphs
}

/// A line continues the open paragraph when it follows on the next line, is not
/// indented, and the paragraph so far does not end a sentence (hard-wrapped text).
fn continues_paragraph(text: &str, open: &Range<usize>, line: &Range<usize>) -> bool {
    let gap = &text[open.end..line.start];
    let newlines = gap.matches('\n').count().max(gap.matches('\r').count());
    let indented = gap.ends_with([' ', '\t']);
    let ends_sentence = text[open.clone()].ends_with(['.', '!', '?', '"', '”', ':']);
    newlines <= 1 && !indented && !ends_sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_emails() {
        let text = "Write to yunhwanchae@yna.co.kr. Or a@b, or @@x@y.org, or me@home.";
        let found: Vec<&str> = find_emails(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["yunhwanchae@yna.co.kr", "x@y.org"]);
    }

    #[test]
    fn reads_notes() {
        assert_eq!(note("(LEAD) N. Korea's Kim invites Putin"), Some(6));
        assert_eq!(note("(Update 1: Adds comments)"), Some(25));
        assert_eq!(note("(the reception was long) and more"), None);
    }
}
