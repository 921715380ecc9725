//! The words attribution reads by: cue phrases (`said`, `told reporters`, `according
//! to`), title words (`Sen.`, `Minister`, `former`), and the gender a name or role tells
//! (`Mrs.`, `spokeswoman`, a given name borne mostly by one sex,
//! `data/given_name_genders.txt`).
//!
//! Knowingly wrong: gender is unknown for most names outside US usage; a name whose
//! second word is hyphenated is read surname first (`Kim Yung-ho`) and tells nothing.

use crate::text::starts_upper;
use crate::wordlists::{contains, entries, List};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// A person's grammatical gender, for `he` and `she`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// The phrases a word may start, longest first (`told reporters` before `told`):
/// `cues` of quotations and statements (`## cues`), and `views`, cues of believing
/// and wanting (`## thinking`) or whose content is their object (`## objects`), that
/// report statements only, never a quotation. One table, so a word costs one look-up.
#[derive(Default)]
pub(super) struct CuePhrases {
    pub(super) cues: Vec<Vec<&'static str>>,
    pub(super) views: Vec<Vec<&'static str>>,
}

/// Cue phrases by their first word.
pub(super) fn cue_table() -> &'static FxHashMap<&'static str, CuePhrases> {
    static TABLE: OnceLock<FxHashMap<&str, CuePhrases>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: FxHashMap<&str, CuePhrases> = FxHashMap::default();
        let lists = [
            (List::Cues, false),
            (List::Thinking, true),
            (List::Objects, true),
        ];
        for (list, view) in lists {
            for phrase in entries(list) {
                let parts: Vec<&str> = phrase.split(' ').collect();
                let entry = table.entry(parts[0]).or_default();
                if view {
                    &mut entry.views
                } else {
                    &mut entry.cues
                }
                .push(parts);
            }
        }
        for entry in table.values_mut() {
            entry.cues.sort_by_key(|p| std::cmp::Reverse(p.len()));
            entry.views.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        table
    })
}

/// Given names borne mostly by one sex (`data/given_name_genders.txt`).
fn given_name_gender(name: &str) -> Option<Gender> {
    static GENDERS: OnceLock<FxHashMap<&str, Gender>> = OnceLock::new();
    let genders = GENDERS.get_or_init(|| {
        entries(List::GivenNameGenders)
            .iter()
            .filter_map(|l| match l.split_once(' ')? {
                (name, "m") => Some((name, Gender::Male)),
                (name, "f") => Some((name, Gender::Female)),
                _ => None,
            })
            .collect()
    });
    genders.get(name).copied()
}

/// A word of a title phrase before a name: a role (`Minister`), an honorific (`Mr.`)
/// or a word inside a title (`former`, `Foreign`, `U.S.`).
pub(super) fn is_title_word(word: &str) -> bool {
    contains(List::Titles, word)
        || contains(List::Honorifics, word.trim_end_matches('.'))
        || contains(List::TitleModifiers, word)
}

/// `also`, `later`, `has`, `on Wednesday`, `repeatedly`: between a speaker and a cue.
pub(super) fn is_adverb_before_cue(word: &str) -> bool {
    contains(List::BeforeCue, word)
        || (word.len() > 4 && word.ends_with("ly") && word.chars().all(|c| c.is_lowercase()))
}

/// `Prime Minister Han Duck-soo` → `Han Duck-soo`; `the KCNA` → `KCNA`.
pub(super) fn strip_titles(mention: &str) -> String {
    let parts: Vec<&str> = mention.split_whitespace().collect();
    let mut k = 0;
    while k + 1 < parts.len() && (is_title_word(parts[k]) || contains(List::Determiners, parts[k]))
    {
        k += 1;
    }
    parts[k..].join(" ")
}

/// The gender a title or role word of a mention tells (`Mrs.`, `spokeswoman`), not
/// its given name.
pub(super) fn gender_word_of(mention: &str) -> Option<Gender> {
    mention.split_whitespace().find_map(|part| {
        if contains(List::MaleWords, part) {
            Some(Gender::Male)
        } else if contains(List::FemaleWords, part) {
            Some(Gender::Female)
        } else {
            None
        }
    })
}

/// The gender a name or role tells: a gendered title or role word (`Mrs.`, `Sir`,
/// `spokeswoman`), else a given name borne mostly by one sex (`Hillary Clinton`). A
/// name whose next word is hyphenated is read surname first (`Kim Yung-ho`, `Lee
/// Min-ji`) and tells nothing by its first word.
pub(super) fn gender_of(mention: &str) -> Option<Gender> {
    if let Some(gender) = gender_word_of(mention) {
        return Some(gender);
    }
    let parts: Vec<&str> = mention.split_whitespace().collect();
    let first = parts
        .iter()
        .position(|p| starts_upper(p) && !is_title_word(p) && !contains(List::Determiners, p))?;
    if parts.get(first + 1).is_some_and(|next| next.contains('-')) {
        return None;
    }
    given_name_gender(parts[first])
}

pub(super) fn looks_like_organization(mention: &str) -> bool {
    let parts: Vec<&str> = mention.split_whitespace().collect();
    parts.iter().any(|p| contains(List::OrganizationNouns, p))
        || parts.last().is_some_and(|p| {
            p.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && p.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gender_from_titles_roles_and_given_names() {
        assert_eq!(gender_of("Mrs. Okafor"), Some(Gender::Female));
        assert_eq!(gender_of("the spokeswoman"), Some(Gender::Female));
        assert_eq!(gender_of("Donald Trump"), Some(Gender::Male));
        // Surname first: the first word tells nothing.
        assert_eq!(gender_of("Kim Yung-ho"), None);
        assert_eq!(gender_of("the KCNA"), None);
        assert_eq!(gender_word_of("Mrs. Okafor"), Some(Gender::Female));
        assert_eq!(gender_word_of("Donald Trump"), None);
    }

    #[test]
    fn titles_and_determiners_are_stripped_from_names() {
        assert_eq!(strip_titles("Prime Minister Han Duck-soo"), "Han Duck-soo");
        assert_eq!(strip_titles("the KCNA"), "KCNA");
        assert_eq!(strip_titles("Sen. Jane Fowler"), "Jane Fowler");
    }

    #[test]
    fn organizations_and_cue_words() {
        assert!(looks_like_organization("the KCNA"));
        assert!(!looks_like_organization("Jane Fowler"));
        assert!(is_adverb_before_cue("repeatedly"));
        assert!(!is_adverb_before_cue("fly"));
        let told = &cue_table()["told"].cues;
        assert!(told.iter().any(|p| p == &["told", "reporters"]));
        // Longest first: `told reporters` is tried before `told`.
        assert!(told[0].len() >= told.last().unwrap().len());
        assert!(cue_table()["believes"].cues.is_empty());
        assert!(!cue_table()["believes"].views.is_empty());
    }
}
