//! Bylines: `By Chae Yun-hwan`, `By CHRISTOPHER BURNS Associated Press Writer`,
//! `By Kim Tong-hyung and Hyung-jin Kim, Associated Press`.
//!
//! A byline is a short line starting with `By` and a capitalized word; its names are
//! runs of two or more capitalized words, split at commas, `and` and `&`, each cut at
//! the first job word (`Writer`, `Correspondent`) or agency name.
//! Knowingly wrong: a one-word name (`By Madonna`) gives no name.

use crate::wordlists::agency_name;

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

/// The longest line taken for a byline.
const MAX_BYLINE_BYTES: usize = 160;

/// When `line` is a byline, the names it gives (possibly none).
pub fn byline_names(line: &str) -> Option<Vec<String>> {
    if line.len() > MAX_BYLINE_BYTES || (line.ends_with('.') && !line.ends_with(" Jr.")) {
        return None;
    }
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))?;
    if !rest.starts_with(char::is_uppercase) {
        return None;
    }
    let mut names = Vec::new();
    for part in rest.split([',', ';', '&']).flat_map(|p| p.split(" and ")) {
        let mut words = Vec::new();
        for word in part.split_whitespace() {
            let is_job = JOB_WORDS
                .iter()
                .any(|j| j.eq_ignore_ascii_case(word.trim_end_matches('.')))
                || agency_name(word).is_some();
            if is_job || !word.starts_with(char::is_uppercase) {
                break;
            }
            words.push(word);
        }
        if words.len() >= 2 {
            names.push(words.join(" "));
        }
    }
    Some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names() {
        for (line, names) in [
            ("By Chae Yun-hwan", vec!["Chae Yun-hwan"]),
            (
                "By CHRISTOPHER BURNS Associated Press Writer",
                vec!["CHRISTOPHER BURNS"],
            ),
            (
                "By Kim Tong-hyung and Hyung-jin Kim, Associated Press",
                vec!["Kim Tong-hyung", "Hyung-jin Kim"],
            ),
            ("By Reuters Staff", vec![]),
        ] {
            assert_eq!(
                byline_names(line),
                Some(names.iter().map(|s| s.to_string()).collect())
            );
        }
        assert_eq!(byline_names("By the way, nothing happened."), None);
    }
}
