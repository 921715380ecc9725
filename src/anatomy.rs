//! The story's anatomy: headline, standfirst, editor's notes, byline, dateline,
//! captions, credits, a web page's boilerplate, end marker, e-mail addresses and body
//! paragraphs.
//!
//! First every line is classified once as furniture or not: captions (`captions`),
//! contributor credits (`byline`), and a web page's boilerplate and timestamps
//! (`boilerplate`). Then the front matter is read line by line from the top, furniture
//! skipped: parenthesized notes (`(ATTN: ...)`, `(LEAD)`, `(Update 1: ...)`), a section
//! label above the headline (`World News`), a date line, a byline (`By ...`, `Jane Roe,
//! The Associated Press`), a first short line without a final period as the headline, a
//! summary between the headline and the byline or dateline as the standfirst, until a
//! line opens with a dateline (see `dateline`; alone on its line, `WASHINGTON _`, when
//! a story sentence follows) or the body begins. A byline or an author's bio may also
//! close the story. The end marker is `(END)` or an agency sign-off (`... EFE`,
//! `Reuter`) closing the story. Paragraphs are blank-line or indentation separated
//! blocks, or single lines when each line ends a sentence (the EFE layout), furniture
//! left out.
//!
//! Knowingly wrong: a headline spread over two lines keeps only its first; a lead
//! paragraph followed directly by a byline is taken for a standfirst.

mod boilerplate;
mod byline;
mod captions;
mod dateline;

use crate::analysis::{Byline, Caption, Credit, Dateline, DatelineDate, Span};
use crate::text::Document;
use boilerplate::FurnitureLine;
use std::ops::Range;

use crate::wordlists::agency_name;

/// How many lines from the top (furniture not counted) may hold front matter before
/// the body must begin.
const MAX_FRONT_LINES: usize = 12;

/// The longest line taken for a headline or a note.
const MAX_HEADLINE_BYTES: usize = 250;

/// The most words of a standfirst.
const MAX_STANDFIRST_WORDS: usize = 70;

/// The most words of an editor's note closing the story that is taken for boilerplate.
const MAX_END_NOTE_WORDS: usize = 60;

/// How many link titles a pointer line (`Related`) alone on its line may introduce.
const MAX_LINK_TITLES: usize = 4;

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
    pub standfirst: Option<Span>,
    pub byline: Option<Byline>,
    pub credits: Vec<Credit>,
    pub notes: Vec<Span>,
    pub dateline: Option<Dateline>,
    pub captions: Vec<Caption>,
    pub end_marker: Option<Span>,
    pub emails: Vec<Span>,
    pub boilerplate: Vec<Span>,
    /// The page's timestamp line that dates the story (`Published Jan. 5, 2019 ...`);
    /// the dates stage reads the date in it.
    pub timestamp: Option<Range<usize>>,
    /// Byte ranges: `lib.rs` makes their spans last, once the later stages' working
    /// memory is gone (on a 10 MB story the paragraphs' text is a 9 MB copy).
    pub paragraphs: Vec<Range<usize>>,
}

impl Anatomy {
    /// What is not the story's text, in text order: boilerplate, credits and caption
    /// credits. No entity or date is read inside them.
    pub fn furniture(&self) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = self
            .boilerplate
            .iter()
            .chain(self.credits.iter().map(|c| &c.span))
            .chain(self.captions.iter().filter_map(|c| c.credit.as_ref()))
            .map(Span::range)
            .collect();
        ranges.sort_by_key(|r| r.start);
        ranges
    }

    /// Where no quotation is read, in text order: the furniture, whole captions, the
    /// headline and the notes.
    pub fn unquotable(&self) -> Vec<Range<usize>> {
        let mut ranges = self.furniture();
        ranges.extend(
            self.headline
                .iter()
                .chain(&self.notes)
                .chain(self.captions.iter().map(|c| &c.span))
                .map(Span::range),
        );
        ranges.sort_by_key(|r| r.start);
        ranges
    }
}

/// What a line of a web page's furniture is (or a wire caption's).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Furniture {
    /// A caption line with its credit (byte range); `joins_next` when it is only an
    /// image widget's prefix and the caption is the next line.
    Caption {
        credit: Option<Range<usize>>,
        joins_next: bool,
    },
    Boilerplate,
    Timestamp {
        published: bool,
    },
    Credit(Vec<String>),
}

/// Each line's furniture, if it is some (see the module comment).
fn classify_lines(doc: &Document) -> Vec<Option<Furniture>> {
    let text = doc.text;
    let lines = &doc.lines;
    let mut kinds: Vec<Option<Furniture>> = vec![None; lines.len()];
    let shift = |r: Range<usize>, by: usize| r.start + by..r.end + by;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].clone();
        let s = &text[line.clone()];
        if let Some(caption) = captions::caption_line(s) {
            let credit = caption.credit.map(|r| shift(r, line.start));
            // `View image in fullscreen` and the caption right on the next line.
            let next_caption = caption.prefix_only
                && lines.get(i + 1).is_some_and(|n| {
                    text[line.end..n.start].matches('\n').count() <= 1
                        && text[n.clone()].split_whitespace().count() <= captions::MAX_CAPTION_WORDS
                });
            kinds[i] = Some(Furniture::Caption {
                credit,
                joins_next: next_caption,
            });
            if next_caption {
                i += 1;
                let next = lines[i].clone();
                let credit = captions::credit(&text[next.clone()]).map(|r| shift(r, next.start));
                kinds[i] = Some(Furniture::Caption {
                    credit,
                    joins_next: false,
                });
            }
        } else if let Some(names) = byline::credit_names(s) {
            kinds[i] = Some(Furniture::Credit(names));
        } else {
            match boilerplate::furniture_line(s) {
                Some(FurnitureLine::Boilerplate) => kinds[i] = Some(Furniture::Boilerplate),
                Some(FurnitureLine::Timestamp { published }) => {
                    kinds[i] = Some(Furniture::Timestamp { published })
                }
                Some(FurnitureLine::Pointer) => {
                    kinds[i] = Some(Furniture::Boilerplate);
                    // The titles it points to: short lines without a final period.
                    let mut titles = 0;
                    while titles < MAX_LINK_TITLES
                        && lines
                            .get(i + 1)
                            .is_some_and(|n| is_link_title(&text[n.clone()]))
                    {
                        i += 1;
                        titles += 1;
                        kinds[i] = Some(Furniture::Boilerplate);
                    }
                }
                None => {}
            }
        }
        i += 1;
    }
    // `Jane Roe/NPR` alone under a caption: its credit.
    for i in 1..lines.len() {
        let line = lines[i].clone();
        if kinds[i].is_none()
            && matches!(kinds[i - 1], Some(Furniture::Caption { .. }))
            && captions::is_credit_line(&text[line.clone()])
        {
            kinds[i] = Some(Furniture::Caption {
                credit: Some(line),
                joins_next: false,
            });
        }
    }
    kinds
}

/// A linked story's title under a pointer line: short, no final period, no quotation.
fn is_link_title(line: &str) -> bool {
    let line = line.trim();
    is_headline(line)
        && line.split_whitespace().count() <= 20
        && boilerplate::furniture_line(line).is_none()
        && !line.ends_with(['"', '”'])
}

/// Reads the story's anatomy.
pub fn find_anatomy(doc: &Document) -> Anatomy {
    let mut anatomy = Anatomy::default();
    let text = doc.text;
    let lines = &doc.lines;
    let mut kinds = classify_lines(doc);
    let mut body_start = None;
    // The first line after the headline that could be body, if no dateline follows.
    let mut first_body_line = None;
    let mut front = 0;
    let mut front_read = 0;
    while front < lines.len() && front_read < MAX_FRONT_LINES {
        let line = lines[front].clone();
        let s = &text[line.clone()];
        front += 1;
        if kinds[front - 1].is_some() {
            continue;
        }
        front_read += 1;
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
        let later_lines = front < lines.len();
        let awaiting_headline = anatomy.headline.is_none() && first_body_line.is_none();
        // `World News` above the headline; a date line (`Monday 5 January 2019`).
        if awaiting_headline && later_lines && boilerplate::is_section_label(s) {
            kinds[front - 1] = Some(Furniture::Boilerplate);
            continue;
        }
        if first_body_line.is_none() && boilerplate::is_date_only(s) {
            kinds[front - 1] = Some(Furniture::Timestamp { published: true });
            continue;
        }
        if anatomy.byline.is_none() {
            if let Some(found) = byline::byline(s, anatomy.headline.is_some()) {
                anatomy.byline = Some(Byline {
                    span: Span::new(text, line.clone()),
                    names: found.names,
                    source: found.source,
                });
                // A deck read before the byline was the standfirst.
                if let Some(deck) = first_body_line.take() {
                    let deck_end = doc.lines[doc.line_of(deck)].end;
                    anatomy.standfirst = Some(Span::new(text, deck..deck_end));
                }
                continue;
            }
        }
        // A headline written as a sentence (`Clinton wins Iowa.`) over the dateline.
        let over_dateline = awaiting_headline
            && s.len() <= MAX_HEADLINE_BYTES
            && lines.get(front).is_some_and(|next| {
                dateline::find_dateline(doc, next.clone())
                    .is_some_and(|d| !text[d.range.end..next.end].trim().is_empty())
            });
        let headline_like = later_lines && (is_headline(s) || over_dateline);
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
            // `WASHINGTON _` alone on its line, and a story sentence after it.
            let own_line = rest.trim().is_empty()
                && lines
                    .get(front)
                    .is_some_and(|next| !is_headline(&text[next.clone()]));
            if own_line || (!headline_instead && !flash) {
                body_start = Some(found.range.end);
                anatomy.dateline = Some(to_dateline(text, found));
                break;
            }
        }
        // A summary under the headline, with the byline, a timestamp, a caption or the
        // dateline after it: the standfirst.
        if anatomy.headline.is_some()
            && anatomy.standfirst.is_none()
            && anatomy.byline.is_none()
            && first_body_line.is_none()
            && s.split_whitespace().count() <= MAX_STANDFIRST_WORDS
            && front_matter_follows(doc, &kinds, front)
        {
            anatomy.standfirst = Some(Span::new(text, line.clone()));
            continue;
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
    let body_first_line = doc.line_of(body_start);
    read_story_end(doc, &mut kinds, &mut anatomy, body_first_line);
    collect_furniture(doc, &kinds, &mut anatomy);
    anatomy.end_marker = end_marker(text, lines).map(|r| Span::new(text, r));
    anatomy.emails = find_emails(text)
        .into_iter()
        .map(|r| Span::new(text, r))
        .collect();
    let body_end = anatomy.end_marker.as_ref().map_or(text.len(), |e| e.start);
    let mut skip: Vec<bool> = kinds.iter().map(Option::is_some).collect();
    if let Some(b) = anatomy
        .byline
        .as_ref()
        .filter(|b| b.span.start >= body_start)
    {
        skip[doc.line_of(b.span.start)] = true;
    }
    anatomy.paragraphs = find_paragraphs(doc, body_start..body_end, &anatomy.emails, &skip);
    anatomy
}

/// The next line that is not a caption is a byline, a timestamp or a dateline (or a
/// caption stands between): what follows a standfirst.
fn front_matter_follows(doc: &Document, kinds: &[Option<Furniture>], from: usize) -> bool {
    let mut j = from;
    while let Some(Some(Furniture::Caption { .. })) = kinds.get(j) {
        j += 1;
    }
    if j > from {
        return true;
    }
    let Some(line) = doc.lines.get(j) else {
        return false;
    };
    let s = &doc.text[line.clone()];
    matches!(kinds[j], Some(Furniture::Timestamp { .. }))
        || byline::byline(s, true).is_some()
        || boilerplate::is_date_only(s)
        || dateline::find_dateline(doc, line.clone()).is_some_and(|d| {
            d.strong || doc.text[d.range.end..line.end].trim().is_empty() || !is_headline(s)
        })
}

/// A byline, an author's bio or an editor's note among the story's last two lines that
/// are not furniture.
fn read_story_end(
    doc: &Document,
    kinds: &mut [Option<Furniture>],
    anatomy: &mut Anatomy,
    body_first_line: usize,
) {
    let last_lines: Vec<usize> = (body_first_line + 1..doc.lines.len())
        .rev()
        .filter(|&i| kinds[i].is_none())
        .take(2)
        .collect();
    for i in last_lines {
        let line = doc.lines[i].clone();
        let s = &doc.text[line.clone()];
        // A standing editor's note is short; a correction is part of the record.
        let lower = s.get(..16).unwrap_or(s).to_lowercase();
        let standing_note = (lower.starts_with("editor's note")
            || lower.starts_with("editor’s note"))
            && s.split_whitespace().count() <= MAX_END_NOTE_WORDS;
        if boilerplate::is_author_bio(s) || standing_note {
            kinds[i] = Some(Furniture::Boilerplate);
        } else if anatomy.byline.is_none() {
            if let Some(found) = byline::byline(s, false) {
                anatomy.byline = Some(Byline {
                    span: Span::new(doc.text, line),
                    names: found.names,
                    source: found.source,
                });
            }
        }
    }
}

/// Captions, credits, boilerplate and the story's timestamp from the lines' kinds.
fn collect_furniture(doc: &Document, kinds: &[Option<Furniture>], anatomy: &mut Anatomy) {
    let text = doc.text;
    let mut published = None;
    let mut updated = None;
    let mut i = 0;
    while i < kinds.len() {
        let line = doc.lines[i].clone();
        match &kinds[i] {
            Some(Furniture::Caption { credit, joins_next }) => {
                let (end, credit) = match (joins_next, kinds.get(i + 1)) {
                    (true, Some(Some(Furniture::Caption { credit: next, .. }))) => {
                        i += 1;
                        (doc.lines[i].end, next.clone().or(credit.clone()))
                    }
                    _ => (line.end, credit.clone()),
                };
                anatomy.captions.push(Caption {
                    span: Span::new(text, line.start..end),
                    credit: credit.map(|r| Span::new(text, r)),
                });
            }
            Some(Furniture::Credit(names)) => anatomy.credits.push(Credit {
                span: Span::new(text, line),
                names: names.clone(),
            }),
            Some(Furniture::Boilerplate) => anatomy.boilerplate.push(Span::new(text, line)),
            Some(Furniture::Timestamp { published: first }) => {
                let slot = if *first { &mut published } else { &mut updated };
                slot.get_or_insert(line.clone());
                anatomy.boilerplate.push(Span::new(text, line));
            }
            None => {}
        }
        i += 1;
    }
    anatomy.timestamp = published.or(updated);
}

fn to_dateline(text: &str, found: dateline::DatelineMatch) -> Dateline {
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

/// The body's paragraphs inside `body`, the `skip` lines (furniture) and e-mail-only
/// lines left out.
fn find_paragraphs(
    doc: &Document,
    body: Range<usize>,
    emails: &[Span],
    skip: &[bool],
) -> Vec<Range<usize>> {
    let text = doc.text;
    let mut paragraphs: Vec<Range<usize>> = Vec::new();
    let mut open: Option<Range<usize>> = None;
    let first = doc.lines.partition_point(|l| l.end <= body.start);
    for (index, line) in doc.lines.iter().enumerate().skip(first) {
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
        if skip[index] || only_email {
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
