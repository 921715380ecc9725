//! The compiled-in word lists (`data/`), read once into hash tables.
//!
//! Multi-word names are keyed by their tokens as our tokenizer splits them, lowercased
//! and joined by spaces, so `Democratic People’s Republic of Korea` in a story and
//! `Democratic People's Republic of Korea` in a list meet at one key
//! (`democratic people 's republic of korea`). Lookups are hash probes: a phrase of up
//! to `MAX_PHRASE_TOKENS` tokens costs that many probes.

use crate::fast_hash::{FastHashMap, FastHashSet};
use crate::text::{tokenize, with_lowercase};
use std::sync::OnceLock;

/// The longest list entry, in tokens, that a lookup tries.
pub const MAX_PHRASE_TOKENS: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// A place: canonical name and subtype (`country`, `city`, `region`).
    Place(&'static str, &'static str),
    /// An organization: canonical name and subtype (`agency`, or none).
    Organization(&'static str, Option<&'static str>),
    /// A demonym (`North Korean`) and the country it belongs to.
    Demonym(&'static str),
}

pub struct Lexicon {
    phrases: FastHashMap<String, Known>,
    /// The keys of the first words of longer phrases (`united`, `united states`, for
    /// `United States of America`), so a lookup stops as soon as no phrase can match.
    phrase_starts: FastHashSet<String>,
    given_names: FastHashSet<String>,
    surnames: FastHashSet<String>,
    common_words: FastHashSet<&'static str>,
    non_entities: FastHashSet<&'static str>,
    titles: FastHashSet<&'static str>,
    honorifics: FastHashSet<&'static str>,
    org_words: FastHashSet<&'static str>,
    geo_words: FastHashSet<&'static str>,
    event_words: FastHashSet<&'static str>,
    facility_words: FastHashSet<&'static str>,
    /// Lowercase phrases after a name that make it a facility, taken into the mention.
    facility_followers: Vec<Vec<&'static str>>,
    /// Lowercase words after a name that make it a region, left out of the mention.
    region_followers: FastHashSet<&'static str>,
}

/// Lines of a list file, without comments and blank lines.
fn lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The lookup key of a phrase: its tokens, lowercased, joined by spaces.
pub fn phrase_key<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut key = String::new();
    for w in words.filter(|w| *w != ".") {
        if !key.is_empty() {
            key.push(' ');
        }
        push_key_word(&mut key, w);
    }
    key
}

/// Appends one token to a phrase key: lowercased, `’` read as `'`.
pub fn push_key_word(key: &mut String, word: &str) {
    if word.is_ascii() {
        key.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    for c in word.chars() {
        let c = if c == '’' { '\'' } else { c };
        key.extend(c.to_lowercase());
    }
}

fn key_of(text: &str) -> String {
    phrase_key(tokenize(text).iter().map(|t| &text[t.range()]))
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut phrases = FastHashMap::default();
        // Later inserts win: generated lists first, hand-written corrections last.
        for line in lines(include_str!("../../data/regions.txt")) {
            phrases.insert(key_of(line), Known::Place(line, "region"));
        }
        for line in lines(include_str!("../../data/cities.txt")) {
            phrases.insert(key_of(line), Known::Place(line, "city"));
        }
        for line in lines(include_str!("../../data/countries.tsv")) {
            let mut cols = line.split('\t');
            let name = cols.next().unwrap_or_default();
            let aliases = cols.next().unwrap_or_default();
            let demonyms = cols.next().unwrap_or_default();
            for form in std::iter::once(name).chain(aliases.split('|')) {
                if !form.is_empty() {
                    phrases.insert(key_of(form), Known::Place(name, "country"));
                }
            }
            for form in demonyms.split('|').filter(|f| !f.is_empty()) {
                phrases.entry(key_of(form)).or_insert(Known::Demonym(name));
            }
        }
        for line in lines(include_str!("../../data/languages.txt")) {
            phrases.entry(key_of(line)).or_insert(Known::Demonym(line));
        }
        for line in lines(include_str!("../../data/places_extra.tsv")) {
            let mut cols = line.split('\t');
            let (form, name, subtype) = (cols.next(), cols.next(), cols.next());
            let known = match subtype {
                Some("nationality") => Known::Demonym(name.unwrap_or_default()),
                Some(subtype) => Known::Place(name.unwrap_or_default(), subtype),
                None => continue,
            };
            phrases.insert(key_of(form.unwrap_or_default()), known);
        }
        for line in lines(include_str!("../../data/organizations.tsv")) {
            let mut cols = line.split('\t');
            let (form, name) = (cols.next().unwrap_or_default(), cols.next());
            let subtype = cols.next().filter(|s| !s.is_empty());
            if let Some(name) = name {
                phrases.insert(key_of(form), Known::Organization(name, subtype));
            }
        }
        let lower_set = |file: &'static str| -> FastHashSet<String> {
            lines(file).map(str::to_lowercase).collect()
        };
        let mut titles = FastHashSet::default();
        let mut honorifics = FastHashSet::default();
        for line in lines(include_str!("../../data/titles.txt")) {
            match line.strip_prefix('=') {
                Some(h) => honorifics.insert(h),
                None => titles.insert(line),
            };
        }
        let mut facility_words = FastHashSet::default();
        let mut facility_followers = Vec::new();
        let mut region_followers = FastHashSet::default();
        for line in lines(include_str!("../../data/facility_words.txt")) {
            if let Some(word) = line.strip_prefix("> ") {
                region_followers.insert(word);
            } else if line.starts_with(char::is_lowercase) {
                facility_followers.push(line.split(' ').collect());
            } else {
                facility_words.insert(line);
            }
        }
        let mut phrase_starts = FastHashSet::default();
        for key in phrases.keys() {
            for (at, _) in key.match_indices(' ') {
                phrase_starts.insert(key[..at].to_string());
            }
        }
        Lexicon {
            phrases,
            phrase_starts,
            given_names: lower_set(include_str!("../../data/given_names.txt")),
            surnames: lower_set(include_str!("../../data/surnames.txt")),
            common_words: lines(include_str!("../../data/common_words.txt")).collect(),
            non_entities: lines(include_str!("../../data/non_entities.txt")).collect(),
            titles,
            honorifics,
            org_words: lines(include_str!("../../data/org_words.txt")).collect(),
            geo_words: lines(include_str!("../../data/geo_words.txt")).collect(),
            event_words: lines(include_str!("../../data/event_words.txt")).collect(),
            facility_words,
            facility_followers,
            region_followers,
        }
    }

    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// A listed phrase; a plural demonym (`Serbs`, `North Koreans`) as its singular.
    pub fn phrase(&self, key: &str) -> Option<Known> {
        self.phrases.get(key).copied().or_else(|| {
            let singular = key.strip_suffix('s')?;
            match self.phrases.get(singular) {
                Some(Known::Demonym(d)) => Some(Known::Demonym(d)),
                _ => None,
            }
        })
    }

    /// Some listed phrase continues `key` with more words.
    pub fn starts_phrase(&self, key: &str) -> bool {
        self.phrase_starts.contains(key)
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.given_names.contains(w))
    }

    pub fn is_surname(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.surnames.contains(w))
    }

    /// A frequent English word (`during`, `use`): capitalized, most likely a sentence opener.
    pub fn is_common_word(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.common_words.contains(w))
    }

    /// Never an entity: `ATTN`, `Thursday`, `The`.
    pub fn is_non_entity(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.non_entities.contains(w))
    }

    /// A title or role word before a name: `Minister`, `leader`.
    pub fn is_title(&self, word: &str) -> bool {
        with_lowercase(word, |w| self.titles.contains(w))
    }

    /// A courtesy title (`Mr`, `Dr`): the name after it is a person's.
    pub fn is_honorific(&self, word: &str) -> bool {
        with_lowercase(word.trim_end_matches('.'), |w| self.honorifics.contains(w))
    }

    pub fn is_org_word(&self, word: &str) -> bool {
        self.org_words.contains(word)
    }

    /// `Open`, `Cup`, `Olympics`: a name ending in one is an event (misc).
    pub fn is_event_word(&self, word: &str) -> bool {
        self.event_words.contains(word)
    }

    pub fn is_geo_word(&self, word: &str) -> bool {
        self.geo_words.contains(word)
    }

    pub fn is_facility_word(&self, word: &str) -> bool {
        self.facility_words.contains(word)
    }

    /// How many of `words` (lowercase words after a name) form a facility phrase.
    pub fn facility_follower_len(&self, words: &[&str]) -> usize {
        self.facility_followers
            .iter()
            .filter(|f| f.len() <= words.len() && f.iter().zip(words).all(|(a, b)| a == b))
            .map(Vec::len)
            .max()
            .unwrap_or(0)
    }

    pub fn is_region_follower(&self, word: &str) -> bool {
        self.region_followers.contains(word)
    }
}

/// The person type a title word gives (for the quotes stage: `Minister`, `spokesman`,
/// `Mr.` all introduce a person's name).
#[allow(dead_code)] // for the quotes stage
pub(crate) fn is_person_title(word: &str) -> bool {
    let lexicon = Lexicon::get();
    lexicon.is_title(word) || lexicon.is_honorific(word)
}
