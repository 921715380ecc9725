//! The compiled-in word lists (`data/`), read once into hash tables.
//!
//! Multi-word names are keyed by their tokens as our tokenizer splits them, lowercased
//! and joined by spaces, so `Democratic People’s Republic of Korea` in a story and
//! `Democratic People's Republic of Korea` in a list meet at one key
//! (`democratic people 's republic of korea`). Lookups are hash probes: a phrase of up
//! to `MAX_PHRASE_TOKENS` tokens costs that many probes.

use crate::text::{tokenize, with_lowercase};
use crate::wordlists::{contains, entries, List};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// The longest list entry, in tokens, that a lookup tries.
pub const MAX_PHRASE_TOKENS: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListedPhrase {
    /// A place: canonical name and subtype (`country`, `city`, `region`).
    Place(&'static str, &'static str),
    /// An organization: canonical name and subtype (`agency`, or none).
    Organization(&'static str, Option<&'static str>),
    /// A demonym (`North Korean`) and the country it belongs to.
    Demonym(&'static str),
}

/// The phrase index over the lists of places, organizations and demonyms; the single
/// words (given names, titles, organization words …) are asked of `crate::wordlists`.
pub struct Lexicon {
    phrases: FxHashMap<String, ListedPhrase>,
    /// The keys of the first words of longer phrases (`united`, `united states`, for
    /// `United States of America`), so a lookup stops as soon as no phrase can match.
    phrase_starts: FxHashSet<String>,
    /// Lowercase phrases after a name that make it a facility, taken into the mention.
    facility_followers: Vec<Vec<&'static str>>,
}

/// The lookup key of a phrase: its tokens, lowercased, joined by spaces.
pub fn phrase_key<'a>(words: impl Iterator<Item = &'a str>) -> String {
    // Room for most names at once, rather than growing word by word.
    let mut key = String::with_capacity(32);
    for w in words.filter(|w| *w != ".") {
        if !key.is_empty() {
            key.push(' ');
        }
        push_key_word(&mut key, w);
    }
    key
}

/// Appends one token to a phrase key: lowercased, `’` read as `'`, Latin letters
/// without their accents (`Bogotá` finds the list's `Bogota`, `Łódź` its `Lodz`).
pub fn push_key_word(key: &mut String, word: &str) {
    if word.is_ascii() {
        let start = key.len();
        key.push_str(word);
        key[start..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        let c = if c == '’' { '\'' } else { c };
        for lower in c.to_lowercase() {
            match fold_accent(lower) {
                Some(plain) => key.push_str(plain),
                None => key.push(lower),
            }
        }
    }
}

/// A lowercase Latin letter with an accent or stroke, as plain ASCII.
fn fold_accent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        _ => return None,
    })
}

fn key_of(text: &str) -> String {
    phrase_key(tokenize(text).iter().map(|t| &text[t.range()]))
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut phrases = FxHashMap::default();
        // Later inserts win: generated lists first, hand-written corrections last.
        for &line in entries(List::Regions) {
            phrases.insert(key_of(line), ListedPhrase::Place(line, "region"));
        }
        for &line in entries(List::Cities) {
            phrases.insert(key_of(line), ListedPhrase::Place(line, "city"));
        }
        for &line in entries(List::Countries) {
            let mut cols = line.split('\t');
            let name = cols.next().unwrap_or_default();
            let aliases = cols.next().unwrap_or_default();
            let demonyms = cols.next().unwrap_or_default();
            for form in std::iter::once(name).chain(aliases.split('|')) {
                if !form.is_empty() {
                    phrases.insert(key_of(form), ListedPhrase::Place(name, "country"));
                }
            }
            for form in demonyms.split('|').filter(|f| !f.is_empty()) {
                phrases
                    .entry(key_of(form))
                    .or_insert(ListedPhrase::Demonym(name));
            }
        }
        for &line in entries(List::Languages) {
            phrases
                .entry(key_of(line))
                .or_insert(ListedPhrase::Demonym(line));
        }
        for &line in entries(List::PlacesExtra) {
            let mut cols = line.split('\t');
            let (form, name, subtype) = (cols.next(), cols.next(), cols.next());
            let known = match subtype {
                Some("nationality") => ListedPhrase::Demonym(name.unwrap_or_default()),
                Some(subtype) => ListedPhrase::Place(name.unwrap_or_default(), subtype),
                None => continue,
            };
            phrases.insert(key_of(form.unwrap_or_default()), known);
        }
        for &line in entries(List::Organizations) {
            let mut cols = line.split('\t');
            let (form, name) = (cols.next().unwrap_or_default(), cols.next());
            let subtype = cols.next().filter(|s| !s.is_empty());
            if let Some(name) = name {
                phrases.insert(key_of(form), ListedPhrase::Organization(name, subtype));
            }
        }
        let facility_followers = entries(List::FacilityFollowers)
            .iter()
            .map(|line| line.split(' ').collect())
            .collect();
        let mut phrase_starts = FxHashSet::default();
        for key in phrases.keys() {
            for (at, _) in key.match_indices(' ') {
                phrase_starts.insert(key[..at].to_string());
            }
        }
        Lexicon {
            phrases,
            phrase_starts,
            facility_followers,
        }
    }

    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// A listed phrase; a plural demonym (`Serbs`, `North Koreans`) as its singular.
    pub fn phrase(&self, key: &str) -> Option<ListedPhrase> {
        self.phrases.get(key).copied().or_else(|| {
            let singular = key.strip_suffix('s')?;
            match self.phrases.get(singular) {
                Some(ListedPhrase::Demonym(d)) => Some(ListedPhrase::Demonym(d)),
                _ => None,
            }
        })
    }

    /// `phrase` of a one-word key, without building the key where the word is ASCII.
    pub fn phrase_of_word(&self, word: &str) -> Option<ListedPhrase> {
        match word.is_ascii() && word != "." {
            true => with_lowercase(word, |key| self.phrase(key)),
            false => self.phrase(&phrase_key(std::iter::once(word))),
        }
    }

    /// Some listed phrase continues `key` with more words.
    pub fn starts_phrase(&self, key: &str) -> bool {
        self.phrase_starts.contains(key)
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        contains(List::GivenNames, word)
    }

    pub fn is_surname(&self, word: &str) -> bool {
        contains(List::Surnames, word)
    }

    /// A family name written first (`Meng` in `Meng Wanzhou`).
    pub fn is_family_name(&self, word: &str) -> bool {
        contains(List::FamilyNames, word)
    }

    /// A frequent English word (`during`, `use`): capitalized, most likely a sentence opener.
    pub fn is_common_word(&self, word: &str) -> bool {
        contains(List::CommonWords, word)
    }

    /// Never an entity: `ATTN`, `Thursday`, `The`.
    pub fn is_non_entity(&self, word: &str) -> bool {
        contains(List::NonEntities, word)
    }

    /// A title or role word before a name: `Minister`, `leader`.
    pub fn is_title(&self, word: &str) -> bool {
        contains(List::Titles, word)
    }

    /// A courtesy title (`Mr`, `Dr`) or an abbreviated rank (`Sen`, `Lt`): the name
    /// after it is a person's.
    pub fn is_honorific(&self, word: &str) -> bool {
        contains(List::Honorifics, word.trim_end_matches('.'))
    }

    /// An abbreviated rank or office (`Sen.`, `Gov.`, `Lt. Gen.`): unlike a courtesy
    /// title (`Mr.`, `Dr.`), it says what the person is, so it is reported as the role.
    pub fn is_rank(&self, word: &str) -> bool {
        const COURTESY: &[&str] = &[
            "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "st",
        ];
        let word = word.trim_end_matches('.');
        self.is_honorific(word) && !COURTESY.iter().any(|c| c.eq_ignore_ascii_case(word))
    }

    pub fn is_org_word(&self, word: &str) -> bool {
        contains(List::OrgWords, word)
    }

    /// `Open`, `Cup`, `Olympics`: a name ending in one is an event (misc).
    pub fn is_event_word(&self, word: &str) -> bool {
        contains(List::EventWords, word)
    }

    pub fn is_geo_word(&self, word: &str) -> bool {
        contains(List::GeoWords, word)
    }

    pub fn is_facility_word(&self, word: &str) -> bool {
        contains(List::FacilityWords, word)
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
        contains(List::RegionFollowers, word)
    }
}
