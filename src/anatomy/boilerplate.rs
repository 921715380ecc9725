//! The furniture a story copied from a news website carries along:
//!
//! ```text
//! ADVERTISEMENT · Article continues below · Share this article · 12 Comments   markers
//! Read more: … · RELATED: … · WATCH | … · `Related` alone, then link titles    pointers
//! Sign up for our newsletter … · Download the app for alerts                   prompts
//! Email: jane@example.com | Twitter: @janeroe · Follow Jane on Twitter @jroe   contact lines
//! Published Jan. 5, 2019 3:45 p.m. ET · Updated: … · Monday 5 January 2019     timestamps
//! World News · Politics (above the headline)                                   section labels
//! Jane Roe is a Vancouver journalist who writes about … (the last line)        author bios
//! ```
//!
//! Everything is recognized by its form: a short line that opens with the words such
//! lines use (`data/web_furniture.txt`), stands where such lines stand, and does not
//! read as a story sentence (no quotation marks; a prompt must name what it offers, a
//! timestamp must give a date or a time). So `Read more about the plan in the report.`
//! in a paragraph stays, while `Read more: Plan unveiled` goes.
//!
//! Knowingly wrong: furniture in a form not listed (a site's own slogan) stays in the
//! body; a story's last line introducing a writer (`Jane Roe is a reporter who …`) is
//! taken for the author's bio; a link title after a pointer line that ends with a
//! period is read as body.

use crate::calendar::{month_number, weekday_number};
use crate::wordlists::{contains, opening, List};

/// The most words of a marker, pointer, prompt or contact line.
const MAX_FURNITURE_WORDS: usize = 30;

/// The most words of a timestamp line: `Updated 5:30 PM EST, Mon January 7, 2019`.
const MAX_TIMESTAMP_WORDS: usize = 16;

/// Lines longer than this are never furniture (and are not read further).
const MAX_FURNITURE_BYTES: usize = 400;

/// What kind of furniture a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FurnitureLine {
    /// An advertisement marker, share line, prompt or contact line.
    Boilerplate,
    /// A pointer label alone on its line (`Related`, `READ MORE:`): the short lines
    /// after it are the titles it points to.
    Pointer,
    /// A timestamp; `published` when it says when the story first appeared.
    Timestamp { published: bool },
}

/// When `line` (trimmed) is a furniture line, which kind.
pub fn furniture_line(line: &str) -> Option<FurnitureLine> {
    let line = line.trim();
    if line.is_empty() || line.len() > MAX_FURNITURE_BYTES || has_quotation_mark(line) {
        return None;
    }
    let words = line.split_whitespace().count();
    if let Some(stamp) = timestamp(line, words) {
        return Some(stamp);
    }
    if words > MAX_FURNITURE_WORDS {
        return None;
    }
    if is_marker(line) || is_prompt(line) || is_contact_line(line) {
        return Some(FurnitureLine::Boilerplate);
    }
    pointer(line)
}

/// `Advertisement`, `ARTICLE CONTINUES BELOW`, `Share this article »`, `12 Comments`:
/// the whole line is a marker, give or take arrows, colons and a count.
fn is_marker(line: &str) -> bool {
    let decoration =
        |c: char| c.is_whitespace() || c.is_ascii_digit() || ":|»›>→←•·-–—()[]".contains(c);
    let core = line.trim_matches(decoration);
    !core.is_empty() && opening(List::MarkerLines, core) == Some(core.len())
}

/// `Read more: …`, `RELATED: …`, `WATCH | …`, `Related` alone.
fn pointer(line: &str) -> Option<FurnitureLine> {
    let open = opening(List::LabelOpenings, line)?;
    let rest = line[open..].trim_start();
    let shouted = !line[..open].chars().any(char::is_lowercase);
    let label_end =
        rest.starts_with([':', '|', '»', '›']) || (shouted && rest.starts_with(['-', '–', '—']));
    let title = rest
        .trim_start_matches([':', '|', '»', '›', '-', '–', '—'])
        .trim();
    if rest.is_empty() || (label_end && title.is_empty()) {
        return Some(FurnitureLine::Pointer);
    }
    // `Listen to the interview below:`, `Watch the video here.`: a pointer to a player.
    let to_player = line.trim_end_matches(['.', ':']).ends_with(" below")
        || line.trim_end_matches(['.', ':']).ends_with(" here");
    let player = !label_end && to_player && line.split_whitespace().count() <= 15;
    (label_end || player).then_some(FurnitureLine::Boilerplate)
}

/// `Sign up for our newsletter`, `Download the app for breaking news alerts`: an
/// imperative opening and the thing offered.
fn is_prompt(line: &str) -> bool {
    opening(List::PromptOpenings, line).is_some()
        && words(line).any(|w| contains(List::PromptNouns, w))
}

/// `Email: jane@example.com | Twitter: @janeroe`, `Follow Jane Roe on Twitter @jroe.`:
/// a handle or address with a network's name, in a line that opens with it or is cut
/// in fields by bars.
fn is_contact_line(line: &str) -> bool {
    if !line.contains('@') {
        return false;
    }
    let has_handle = line
        .split_whitespace()
        .any(|w| w.len() > 1 && (w.starts_with('@') || w.contains('@')));
    if !has_handle {
        return false;
    }
    let names_network = words(line).any(|w| contains(List::SocialWords, w));
    let first = words(line).next().unwrap_or("");
    let opens = first.eq_ignore_ascii_case("follow")
        || first.eq_ignore_ascii_case("contact")
        || contains(List::SocialWords, first);
    names_network && (opens || line.contains('|'))
}

/// `Published Jan. 5, 2019 3:45 p.m. ET`, `Updated: 12:30 GMT`, `Posted on March 3`.
fn timestamp(line: &str, words: usize) -> Option<FurnitureLine> {
    if words > MAX_TIMESTAMP_WORDS {
        return None;
    }
    let open = opening(List::TimestampOpenings, line)?;
    let opener = line[..open].to_lowercase();
    let rest = &line[open..];
    // A date or a time right after the opening (and its `:`, `on` or `at`).
    let dated = rest
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|w| !(w.is_empty() || ["on", "at"].contains(&w.to_lowercase().as_str())))
        .is_some_and(is_date_word);
    let published = !opener.contains("updated") && !opener.contains("modified");
    dated.then_some(FurnitureLine::Timestamp { published })
}

/// A line that is only a date and maybe a time: `Monday 5 January 2019 12.00 GMT`,
/// `Jan. 5, 2019 | 3:45 PM`, `September 14, 2023 at 9:00 a.m. EDT`.
pub fn is_date_only(line: &str) -> bool {
    let line = line.trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 || line.len() > 80 {
        return false;
    }
    let mut has_month = false;
    let mut has_number = false;
    for w in &words {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() {
            continue;
        }
        if month_number(core).is_some() {
            has_month = true;
        } else if core.starts_with(|c: char| c.is_ascii_digit()) {
            has_number = true;
        } else if !(weekday_number(core).is_some() || is_clock_word(core)) {
            return false;
        }
    }
    has_month && has_number
}

/// Words of a clock time or its zone: `a.m`, `PM`, `ET`, `GMT`, `at`.
fn is_clock_word(word: &str) -> bool {
    const CLOCK: &[&str] = &[
        "a.m", "p.m", "am", "pm", "at", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt",
        "pt", "pst", "pdt", "gmt", "bst", "utc", "cet", "cest", "aest", "ist", "jst", "kst", "mon",
        "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ];
    CLOCK.iter().any(|c| c.eq_ignore_ascii_case(word))
}

/// A number, a month or a weekday: what a timestamp gives.
fn is_date_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        || month_number(word).is_some()
        || weekday_number(word).is_some()
        || ["today", "yesterday"].contains(&word.to_lowercase().as_str())
}

/// `World News`, `Politics`, `US & Canada`: a short line of section words, standing
/// above a headline.
pub fn is_section_label(line: &str) -> bool {
    let line = line.trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && line.len() <= 40
        && words.iter().all(|w| {
            matches!(*w, "&" | "|" | "/" | "and" | "·" | "›" | ">")
                || contains(List::SectionWords, w.trim_end_matches([':', ',']))
        })
}

/// `Jane Roe is a Vancouver journalist who writes about housing.`: a name, `is a`
/// (or `writes`, `covers`) and a writer's job word early in the line.
pub fn is_author_bio(line: &str) -> bool {
    let line = line.trim();
    if line.len() > MAX_FURNITURE_BYTES || has_quotation_mark(line) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let name_words = words
        .iter()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .count();
    if !(2..=4).contains(&name_words) {
        return false;
    }
    let after: Vec<String> = words[name_words..]
        .iter()
        .take(12)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let introduces = matches!(
        after.first().map(String::as_str),
        Some("is" | "writes" | "covers" | "reports")
    );
    introduces && after.iter().any(|w| contains(List::BioJobs, w))
}

fn has_quotation_mark(line: &str) -> bool {
    // `»` alone is an arrow (`Share this article »`), not a closing guillemet.
    line.contains(['"', '“', '”', '«'])
}

/// The words of a line, without the punctuation around them.
fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_furniture() {
        for line in [
            "ADVERTISEMENT",
            "Article continues below",
            "Share this article »",
            "12 Comments",
            "Read more: Flood waters recede in the north",
            "RELATED: Senate passes budget",
            "WATCH | Premier speaks on housing",
            "Listen to both interviews below:",
            "Sign up for our morning newsletter",
            "Email: jane@example.com | Twitter: @janeroe",
            "Follow John Roe on Twitter @jroe.",
        ] {
            assert_eq!(
                furniture_line(line),
                Some(FurnitureLine::Boilerplate),
                "{line}"
            );
        }
        assert_eq!(furniture_line("Related"), Some(FurnitureLine::Pointer));
        assert_eq!(
            furniture_line("Published Jan. 5, 2019 3:45 p.m. ET"),
            Some(FurnitureLine::Timestamp { published: true })
        );
        assert_eq!(
            furniture_line("Last updated: 12:30 GMT"),
            Some(FurnitureLine::Timestamp { published: false })
        );
    }

    #[test]
    fn story_sentences_stay() {
        for line in [
            "Read more about the plan in the report, the minister said.",
            "\"Read my lips,\" he said.",
            "The advertisement ran in three newspapers.",
            "Updated figures released Monday showed growth.",
            "Follow-up talks are planned for March.",
            "Trump wrote on Twitter at @realDonaldTrump that he would win.",
            "Share prices fell 3 percent on Monday.",
            "Watch closely, she told the crowd.",
        ] {
            assert_eq!(furniture_line(line), None, "{line}");
        }
    }

    #[test]
    fn reads_labels_dates_and_bios() {
        assert!(is_section_label("World News"));
        assert!(is_section_label("Politics"));
        assert!(!is_section_label("Putin visits Pyongyang"));
        assert!(is_date_only("Monday 5 January 2019 12.00 GMT"));
        assert!(is_date_only("Sept. 14, 2023 at 9:00 a.m. EDT"));
        assert!(!is_date_only("March 2023 was wet"));
        assert!(is_author_bio(
            "Jane Roe is a Vancouver journalist who writes about housing."
        ));
        assert!(!is_author_bio("Jane Roe is a nurse who lost her home."));
    }
}
