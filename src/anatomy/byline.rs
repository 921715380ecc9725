//! Bylines and contributor credits, as wires and websites write them:
//!
//! ```text
//! By Chae Yun-hwan                               wire
//! By CHRISTOPHER BURNS Associated Press Writer   AP (the job cuts the name)
//! By Jane Roe and John Doe, CNN                  website: names, then the outlet (`source`)
//! Story by Jane Roe · Jane Roe, The Associated Press · Jane Roe | Reporter
//! Jane Roe in Moscow                             a correspondent's place (front matter only)
//! (Reporting by Jane Roe; Editing by John Doe)   credits, Reuters
//! Jane Roe contributed to this report.           credits, newspapers and AP
//! Associated Press writer John Doe in Rome contributed.
//! ```
//!
//! A byline is a short line opening with `By` (or `Story by`, `data/web_furniture.txt ##
//! byline-prefixes`) and a capitalized word, or one that opens with a person's name (a
//! known given name and one to three more capitalized words) followed, after a comma,
//! bar or middle dot, by an outlet (`data/web_furniture.txt ## outlet-words`) or a job.
//! Its names are runs of two or more capitalized words, split at commas, `and` and `&`,
//! each cut at the first job word (`Writer`, `Correspondent`) or agency name; a segment
//! naming an outlet is its `source`. A credit line is a parenthesized `Reporting by …`
//! or a sentence whose verb is `contributed`; its names are found the same way.
//!
//! Knowingly wrong: a one-word name (`By Madonna`) gives no name; a name whose first
//! word no list knows (`Xochitl Roe, CNN`) without `By` is no byline; a person's name
//! that contains an outlet word (`Jane Post`) after a comma is taken for the outlet.

use crate::wordlists::{agency_name, contains, opening, List};

/// Words that end a name in a byline: the job, not the person.
const JOB_WORDS: &[&str] = &[
    "Associated",
    "Press",
    "Writer",
    "Writers",
    "Correspondent",
    "Correspondents",
    "Staff",
    "Reporter",
    "Reporters",
    "Editor",
    "Editors",
    "Bureau",
    "Chief",
    "Special",
    "News",
    "Service",
    "Science",
    "Business",
    "Political",
    "Diplomatic",
    "Sports",
    "Economics",
    "Senior",
    "Contributor",
    "Columnist",
    "Agency",
    "Newspaper",
    "Times",
    "Post",
    "Journal",
];

/// The first words of a parenthesized credit: `(Reporting by …; Editing by …)`.
const CREDIT_ROLES: &[&str] = &[
    "reporting",
    "additional",
    "writing",
    "written",
    "editing",
    "edited",
    "compiled",
    "research",
    "graphics",
    "photos",
    "translated",
    "translation",
    "produced",
    "reported",
];

/// The longest line taken for a byline.
const MAX_BYLINE_BYTES: usize = 160;

/// The longest line taken for a credit.
const MAX_CREDIT_BYTES: usize = 400;

/// A byline's people and outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BylineMatch {
    pub names: Vec<String>,
    /// The outlet, when the byline names one: `CNN`, `The Associated Press`.
    pub source: Option<String>,
}

/// When `line` is a byline, its names and outlet. `in_front` allows the correspondent's
/// form `Jane Roe in Moscow`, which at the end of a story could be a sentence's end.
pub fn byline(line: &str, in_front: bool) -> Option<BylineMatch> {
    let line = line.trim();
    if line.len() > MAX_BYLINE_BYTES
        || (line.ends_with('.') && !line.ends_with(" Jr."))
        || line.contains(['"', '“', '”'])
    {
        return None;
    }
    match opening(List::BylinePrefixes, line) {
        Some(prefix) => {
            let rest = line[prefix..].trim_start();
            if !rest.starts_with(char::is_uppercase) || !line.starts_with(char::is_uppercase) {
                return None;
            }
            Some(read_segments(rest))
        }
        None => named_byline(line, in_front),
    }
}

/// `Jane Roe, The Associated Press`, `Jane Roe | Reporter`, `Jane Roe in Moscow`.
fn named_byline(line: &str, in_front: bool) -> Option<BylineMatch> {
    if line.split_whitespace().count() > 12 {
        return None;
    }
    let mut segments = split_segments(line);
    let first = segments.next()?;
    let (people, place) = match first.split_once(" in ") {
        Some((people, place)) if in_front => (people, Some(place)),
        _ => (first, None),
    };
    let names: Vec<String> = people
        .split(" and ")
        .map(|p| is_person_name(p.trim()).then(|| p.trim().to_string()))
        .collect::<Option<_>>()?;
    let place_ok = place.is_some_and(|p| {
        let words: Vec<&str> = p.split_whitespace().collect();
        (1..=3).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase))
    });
    let mut source = None;
    let mut job = false;
    for segment in segments {
        if source.is_none() && is_outlet(segment) {
            source = Some(outlet_name(segment));
        } else if segment.split_whitespace().any(is_job_word) {
            job = true;
        } else {
            return None;
        }
    }
    (source.is_some() || job || place_ok).then_some(BylineMatch { names, source })
}

/// The names and outlet of a byline's text after `By`.
fn read_segments(rest: &str) -> BylineMatch {
    let mut names = Vec::new();
    let mut source = None;
    for (k, segment) in split_segments(rest).enumerate() {
        let found: Vec<String> = segment
            .split(['&', ';'])
            .flat_map(|p| p.split(" and "))
            .filter_map(|p| name_run(p, false))
            .collect();
        if found.is_empty() || (k > 0 && is_outlet(segment)) {
            if source.is_none() && is_outlet(segment) {
                source = Some(outlet_name(segment));
            }
            continue;
        }
        names.extend(found);
    }
    BylineMatch { names, source }
}

/// A byline's parts: `Jane Roe, CNN`, `Jane Roe | Reporter`, `Jane Roe · Senior Writer`.
fn split_segments(line: &str) -> impl Iterator<Item = &str> {
    line.split([',', '|', '·', '•', '—', '–'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// `Jane Roe`, `Kim Tong-hyung`, `JANE ROE`: two to four capitalized words, the first a
/// known given name, none a job or outlet word.
fn is_person_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && contains(List::GivenNames, words[0])
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && !is_job_word(w)
                && !contains(List::OutletWords, w)
                && agency_name(w).is_none()
        })
}

/// A segment naming an outlet: `CNN`, `The Associated Press`, `Reuters`.
fn is_outlet(segment: &str) -> bool {
    let words: Vec<&str> = segment.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && words
            .iter()
            .any(|w| contains(List::OutletWords, w) || agency_name(w).is_some())
}

/// The outlet without the job after it: `Associated Press Writer` → `Associated Press`.
fn outlet_name(segment: &str) -> String {
    let mut words: Vec<&str> = segment.split_whitespace().collect();
    while words.len() > 1
        && words.last().is_some_and(|w| {
            is_job_word(w) && !contains(List::OutletWords, w) && !w.eq_ignore_ascii_case("Press")
        })
    {
        words.pop();
    }
    words.join(" ")
}

fn is_job_word(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',']);
    JOB_WORDS.iter().any(|j| j.eq_ignore_ascii_case(word))
}

/// The first run of two or more capitalized words in `part`, cut at a job word or an
/// agency name; with `skip_jobs`, leading job and lowercase words are passed over
/// (`Associated Press writer Jane Roe in Rome` gives `Jane Roe`).
fn name_run(part: &str, skip_jobs: bool) -> Option<String> {
    let mut words = Vec::new();
    for word in part.split_whitespace() {
        let is_job = is_job_word(word)
            || agency_name(word.trim_end_matches(['.', ','])).is_some()
            || word == "The";
        if is_job || !word.starts_with(char::is_uppercase) {
            if skip_jobs && words.is_empty() {
                continue;
            }
            break;
        }
        words.push(word.trim_end_matches([',', ';', ':']));
    }
    (words.len() >= 2).then(|| words.join(" "))
}

/// When `line` credits contributors, their names: `(Reporting by Jane Roe; Editing by
/// John Doe)`, `Jane Roe contributed to this report.`, `Contributing: Jane Roe`.
pub fn credit_names(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    if line.len() > MAX_CREDIT_BYTES || line.contains(['"', '“', '”']) {
        return None;
    }
    let names_in = |text: &str| -> Vec<String> {
        text.split([',', '&', ';'])
            .flat_map(|p| p.split(" and "))
            .filter_map(|p| name_run(p, true))
            .collect()
    };
    // `(Reporting by Jane Roe; Editing by John Doe)`
    if let Some(inner) = line
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(").").or_else(|| l.strip_suffix(')')))
    {
        let first = inner.split_whitespace().next().unwrap_or("").to_lowercase();
        if !CREDIT_ROLES.contains(&first.as_str()) || !inner.contains(" by ") {
            return None;
        }
        let names = inner
            .split(';')
            .filter_map(|part| part.split_once(" by ").map(|(_, who)| who))
            .flat_map(names_in)
            .collect();
        return Some(names);
    }
    // `Contributing: Jane Roe, John Doe`
    if let Some(rest) = line
        .strip_prefix("Contributing:")
        .or_else(|| line.strip_prefix("Contributors:"))
    {
        return Some(names_in(rest));
    }
    // `Jane Roe in Rome contributed to this report.`
    let at = line.find(" contributed")?;
    let after = &line[at + " contributed".len()..];
    let credits = [
        ".",
        " to this",
        " reporting",
        " from",
        " research",
        " additional",
    ]
    .iter()
    .any(|a| after.starts_with(a));
    if !credits || !line.ends_with('.') || !line.starts_with(char::is_uppercase) {
        return None;
    }
    let names = names_in(&line[..at]);
    (!names.is_empty()).then_some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(line: &str) -> Option<(Vec<String>, Option<String>)> {
        byline(line, true).map(|b| (b.names, b.source))
    }

    fn owned(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn reads_names() {
        for (line, want, source) in [
            ("By Chae Yun-hwan", vec!["Chae Yun-hwan"], None),
            (
                "By CHRISTOPHER BURNS Associated Press Writer",
                vec!["CHRISTOPHER BURNS"],
                None,
            ),
            (
                "By Kim Tong-hyung and Hyung-jin Kim, Associated Press",
                vec!["Kim Tong-hyung", "Hyung-jin Kim"],
                Some("Associated Press"),
            ),
            ("By Reuters Staff", vec![], Some("Reuters")),
            (
                "By Jane Roe and John Doe, CNN",
                vec!["Jane Roe", "John Doe"],
                Some("CNN"),
            ),
            (
                "Jane Roe, The Associated Press",
                vec!["Jane Roe"],
                Some("The Associated Press"),
            ),
            ("Jane Roe | Reporter", vec!["Jane Roe"], None),
            ("Jane Roe · Senior Writer", vec!["Jane Roe"], None),
            ("Story by Jane Roe", vec!["Jane Roe"], None),
            ("Jane Roe in Moscow", vec!["Jane Roe"], None),
        ] {
            assert_eq!(
                names(line),
                Some((owned(&want), source.map(str::to_string))),
                "{line}"
            );
        }
        for line in [
            "By the way, nothing happened.",
            "Putin visits Pyongyang",
            "Paris, the capital",
            "Biden in Moscow",
        ] {
            assert_eq!(names(line), None, "{line}");
        }
    }

    #[test]
    fn reads_credits() {
        for (line, want) in [
            (
                "(Reporting by Jane Roe; Additional reporting by John Doe; Editing by Mary Major)",
                vec!["Jane Roe", "John Doe", "Mary Major"],
            ),
            (
                "John Doe contributed to this report from Singapore.",
                vec!["John Doe"],
            ),
            (
                "Associated Press writers Jane Roe in Rome and John Doe in Paris contributed.",
                vec!["Jane Roe", "John Doe"],
            ),
        ] {
            assert_eq!(credit_names(line), Some(owned(&want)), "{line}");
        }
        assert_eq!(credit_names("The money was contributed by donors."), None);
        assert_eq!(credit_names("(Reuters) - Stocks rose."), None);
    }
}
