//! Decides whether each candidate mention is an entity, and of which type, with a
//! trained linear model over sparse hashed features.
//!
//! The recognizer's candidates (capitalized runs cut by the word lists) are the
//! high-recall first step; this stage scores each against five classes (not an entity,
//! person, organization, location, misc) from features of the candidate and its
//! context: its words lowercased, first and last word, word shapes, prefixes and
//! suffixes, membership of each word list, the phrase lists' answer, the recognizer's
//! own guess, two tokens either side, and the line it stands in (all-caps, first line,
//! sentence start). Feature strings are hashed (FNV-1a) into `BUCKETS` rows of
//! i8 weights, one column a class, with a scale per class.
//!
//! Two passes: the first reads, besides a candidate's own context, the words around
//! every other mention of the same name in the story (`in Łódź` … `Łódź has`), so
//! the clearest mention of a name (`President Ruto`) speaks for its others (`RUTO` in
//! a headline); the second weighs names listed together, the recognizer's readings
//! and the word lists.
//!
//! The weights (`data/entity-model.bin`) are trained by `src/bin/train-entities.rs` on
//! CoNLL-2003 and GUM (see `data/README.md`). Knowingly wrong: the model only types
//! and drops what the recognizer cut, so a wrong boundary stays wrong; subtypes come
//! from the word lists and head words (`subtype`), not from the model.
//!
//! Last, the story overrides the model for misc names it shows plainly: a name
//! followed by `language` or `speakers` is a language, one after `the novel` or `the
//! film` a work (every mention of it, `StoryContexts::misc_reading`), a name ending in
//! a model code a product.

use super::lexicon::{phrase_key, Lexicon, ListedPhrase};
use super::recognize::{is_all_caps, is_korean_given_name, Mention};
use crate::analysis::EntityType;
use crate::text::{starts_upper, Document, TokenKind};
use crate::wordlists::{contains, lists_of, List};
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// The classes, in the column order of the weights.
pub const CLASSES: [Option<EntityType>; 5] = [
    None,
    Some(EntityType::Person),
    Some(EntityType::Organization),
    Some(EntityType::Location),
    Some(EntityType::Misc),
];

/// Rows of the weight table (a power of two: a feature's row is its hash masked).
pub const BUCKETS: usize = 1 << 15;

/// How much the names a candidate is listed with weigh (`Britain, France and Angola`).
const LISTED_WITH_WEIGHT: f32 = 1.0;

/// What a listed name's type adds to that class, in probability.
const LISTED_BONUS: f32 = 0.3;

/// The probability a lone unlisted word needs to be a person (see `second_pass`).
const LONE_PERSON_MIN: f32 = 0.97;

/// Particles inside a person's name: `Ludwig van Beethoven`, `Osama bin Laden`.
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "bin", "ibn", "de", "da", "del", "der", "dos", "zu",
];

/// What a person reading by the recognizer (a role, a listed given name) adds to the
/// person class, in probability.
const PERSON_READING_BONUS: f32 = 0.5;

/// The compiled-in weights: `EMW1`, then per class an `f32` scale (little-endian),
/// then `BUCKETS` rows of one `i8` per class. Empty until a model is trained: then
/// the recognizer's guesses stand.
static WEIGHTS: &[u8] = include_bytes!("../../data/entity-model.bin");

struct Model {
    scales: [f32; CLASSES.len()],
    weights: &'static [u8],
}

fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| {
            let body = WEIGHTS.strip_prefix(b"EMW1")?;
            let (scale_bytes, weights) = body.split_at_checked(4 * CLASSES.len())?;
            if weights.len() != BUCKETS * CLASSES.len() {
                return None;
            }
            let mut scales = [0.0; CLASSES.len()];
            for (s, b) in scales.iter_mut().zip(scale_bytes.chunks_exact(4)) {
                *s = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            }
            Some(Model { scales, weights })
        })
        .as_ref()
}

/// Types the candidates with the model, in place; drops those it finds no entity.
/// Without a trained model, the recognizer's guesses stand.
/// Mentions inside `settled` (the byline, whose names the anatomy stage read) keep
/// the recognizer's type.
pub fn type_mentions(doc: &Document, settled: Option<Range<usize>>, mentions: &mut Vec<Mention>) {
    let Some(model) = model() else { return };
    let context = Context::new(doc);
    let mut features = Vec::new();
    let keys = name_keys(doc, mentions);
    let story = StoryContexts::new(doc, mentions, &keys);
    let mut probs: Vec<[f32; CLASSES.len()]> = Vec::with_capacity(mentions.len());
    let mut misc = Vec::with_capacity(mentions.len());
    // Each name's own features, made once: its mentions are mostly written alike.
    let mut name_cache: FxHashMap<Vec<&str>, Range<usize>> = FxHashMap::default();
    let mut name_feature_store = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        features.clear();
        let w = words(doc, m);
        if w.is_empty() {
            featurize(doc, &context, m, story.of(k), &mut features);
        } else {
            let range = name_cache.entry(w).or_insert_with_key(|w| {
                let start = name_feature_store.len();
                name_features(w, &mut name_feature_store);
                start..name_feature_store.len()
            });
            // Not `featurize`'s order: the model's integer sums do not depend on it.
            features.extend_from_slice(&name_feature_store[range.clone()]);
            recognizer_features(m, &mut features);
            context_features(doc, &context, m, story.of(k), &mut features);
        }
        probs.push(softmax(model.scores(&features)));
        misc.push((story.misc_reading(doc, k, m), story.has_pronoun(k)));
    }
    drop(story);
    let scores = second_pass(doc, mentions, &keys, &probs);
    let mut kept = Vec::with_capacity(mentions.len());
    for ((mut m, score), (misc, pronoun)) in mentions.drain(..).zip(scores).zip(misc) {
        let bytes = m.bytes(doc);
        if settled
            .as_ref()
            .is_some_and(|s| s.start <= bytes.start && bytes.end <= s.end)
        {
            kept.push(m);
            continue;
        }
        let best = (0..CLASSES.len())
            .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)))
            .unwrap_or(0);
        // A work's title or a product's name is one whatever the model said.
        let story_subtype = match misc {
            Some(MiscReading::Work) => Some("work"),
            Some(MiscReading::Product) => Some("product"),
            _ => None,
        };
        if let Some(subtype) = story_subtype {
            m.kind = Some(EntityType::Misc);
            m.subtype = Some(subtype);
            m.canonical = None;
            m.unsure = false;
            kept.push(m);
            continue;
        }
        let Some(mut kind) = CLASSES[best] else {
            continue;
        };
        if is_label_of_number(doc, &context, &m) || is_abstract_noun(doc, &m) {
            continue;
        }
        if let Some(MiscReading::Language) = misc {
            kind = EntityType::Misc;
        }
        // `Gorbachev agreed …: he agreed`: an unlisted name (or a listed place that is
        // a given name, `Isabel`) a pronoun speaks for is a person, not the place or
        // organization one misleading context made it.
        let given_name = m.tokens.len() == 1 && {
            let w = doc.token_text(m.tokens.start);
            Lexicon::get().is_given_name(w) && !Lexicon::get().is_common_word(w)
        };
        if pronoun
            && (m.canonical.is_none() || given_name)
            && matches!(kind, EntityType::Location | EntityType::Organization)
        {
            kind = EntityType::Person;
        }
        if m.kind != Some(kind) {
            m.kind = Some(kind);
            m.subtype = None;
            m.canonical = None;
        }
        m.unsure = false;
        kept.push(m);
    }
    *mentions = kept;
}

/// `Figure 1`, `Table 2`: a frequent word before a number; `70 DKK`, `5 GB`: a short
/// all-caps code after one. Such a word alone and unlisted labels the number and is
/// no name; it is dropped after the model (which was trained with these candidates in).
fn is_label_of_number(doc: &Document, context: &Context, m: &Mention) -> bool {
    let number_at = |j: Option<usize>| {
        j.and_then(|j| doc.tokens.get(j))
            .is_some_and(|t| t.kind == TokenKind::Number)
    };
    let start = m.tokens.start;
    if m.tokens.len() != 1
        || m.canonical.is_some()
        || m.subtype.is_some()
        || context.shouting[start]
    {
        return false;
    }
    let word = doc.token_text(start);
    (number_at(Some(m.tokens.end)) && Lexicon::get().is_common_word(word))
        || (number_at(start.checked_sub(1)) && word.len() <= 3 && is_all_caps(word))
}

/// `No Redistribution`: one unlisted capitalized word with the suffix of an abstract
/// noun (`-tion`, `-ness`) is no name, unless `the` makes it one (`the Federation`,
/// `the Administration`); not `-ment`: `Parliament`, `Government`.
fn is_abstract_noun(doc: &Document, m: &Mention) -> bool {
    let start = m.tokens.start;
    if m.tokens.len() != 1 || m.canonical.is_some() || m.role.is_some() {
        return false;
    }
    let word = doc.token_text(start);
    word.len() > 6
        && ["tion", "tions", "ness"].iter().any(|s| word.ends_with(s))
        && !is_all_caps(word)
        && !start
            .checked_sub(1)
            .is_some_and(|p| doc.token_text(p).eq_ignore_ascii_case("the"))
}

/// What the story says a name is besides a person, organization or place.
#[derive(Clone, Copy)]
enum MiscReading {
    /// `Eegimaa speakers`, `the Eegimaa language`: a language (misc).
    Language,
    /// `the novel Thyrza`, `his film Querelle`: the title of a work.
    Work,
    /// `Galaxy S23`, `Airbus A380`: a make and a model code.
    Product,
}

/// A word after a language's name (`the Eegimaa language`, `Jóola speakers`).
fn is_language_follower(word: &str) -> bool {
    matches!(
        word,
        "language" | "languages" | "dialect" | "dialects" | "speakers" | "speaking"
    )
}

/// A noun before a work's title (`the novel Thyrza`, `the film Titanic`); not those
/// that are also verbs before names (`play`, `show`).
fn is_work_noun(word: &str) -> bool {
    matches!(
        word,
        "novel"
            | "novels"
            | "book"
            | "film"
            | "films"
            | "movie"
            | "movies"
            | "album"
            | "song"
            | "poem"
            | "poems"
            | "opera"
            | "musical"
            | "painting"
            | "sculpture"
            | "documentary"
            | "sitcom"
            | "memoir"
            | "novella"
            | "symphony"
            | "ballet"
    )
}

/// An opening quotation mark: `the film "Titanic"`.
fn is_opening_quote(word: &str) -> bool {
    matches!(word, "\"" | "\u{201c}" | "\u{2018}" | "'")
}

/// A lowercase word inside a work's title (`Elevator to the Gallows`, `Pride and
/// Prejudice`).
fn is_title_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "the" | "a" | "an" | "to" | "in" | "and" | "at" | "on" | "for" | "with" | "from"
    )
}

/// The most tokens a dated title holds.
const TITLE_MAX: usize = 12;

/// `Elevator to the Gallows (1958)`, `(Three Sinners, 1950)`, `the novel Pride and
/// Prejudice`: the mention stands in a run of capitalized words (and the lowercase
/// words inside titles) that a year in parentheses follows, or that a work noun
/// precedes. A run that holds a listed given name or surname, accents folded (a
/// citation: `Marsha Kinder (1991)`, `Croft and Cruse (2004)`, `Flores Gómez (1988)`), a listed name or a word of places or
/// organizations (`Columbia University in New York (1910)`), or that is one word
/// alone (`Quilis (1964)`) or names joined by `and` (`Palmeri and Gazio (2005)`)
/// after no work noun is no title.
fn is_in_dated_title(doc: &Document, m: &Mention) -> bool {
    let lex = Lexicon::get();
    let is_cap_word = |i: usize| doc.is_word(i) && starts_upper(doc.token_text(i));
    let in_title = |i: usize| is_cap_word(i) || is_title_connector(doc.token_text(i));
    let mut start = m.tokens.start;
    while start > 0 && m.tokens.end - start < TITLE_MAX && in_title(start - 1) {
        start -= 1;
    }
    let mut end = m.tokens.end;
    while end < doc.tokens.len() && end - start < TITLE_MAX && in_title(end) {
        end += 1;
    }
    // Trim connectors at either edge: `in Touchez`, `Gallows and`.
    while start < m.tokens.start && !is_cap_word(start) {
        start += 1;
    }
    while end > m.tokens.end && !is_cap_word(end - 1) {
        end -= 1;
    }
    let is_year = |i: usize| {
        doc.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Number
                && doc
                    .token_text(i)
                    .parse::<u16>()
                    .is_ok_and(|y| (1800..2100).contains(&y))
        })
    };
    let dated = (doc.word(end) == "(" && is_year(end + 1) && doc.word(end + 2) == ")")
        || (start > 0
            && doc.word(start - 1) == "("
            && doc.word(end) == ","
            && is_year(end + 1)
            && doc.word(end + 2) == ")");
    let after_work_noun = start > 0 && is_work_noun(doc.word(start - 1));
    if !dated && !after_work_noun {
        return false;
    }
    let caps = (start..end).filter(|&i| is_cap_word(i)).count();
    // `Palmeri and Gazio (2005)`: names joined by `and` alone before a year cite authors.
    let cited = (start..end).all(|i| is_cap_word(i) || doc.token_text(i) == "and");
    if !after_work_noun && (caps < 2 || (cited && caps < end - start)) {
        return false;
    }
    !(start..end).filter(|&i| is_cap_word(i)).any(|i| {
        let w = doc.token_text(i);
        is_listed_person_word(lex, w)
            || (!w.is_ascii() && is_listed_person_word(lex, &phrase_key(std::iter::once(w))))
            || lex.phrase_of_word(w).is_some()
            || lex.is_org_word(w)
            || lex.is_geo_word(w)
            || lex.is_facility_word(w)
    })
}

/// A listed given name or surname that is no frequent word (`Kinder`, not `Young`).
fn is_listed_person_word(lex: &Lexicon, w: &str) -> bool {
    (lex.is_given_name(w) || lex.is_surname(w)) && !lex.is_common_word(w)
}

/// How many tokens after a name a pronoun that speaks for it may stand.
const PRONOUN_REACH: usize = 12;

/// `Gorbachev agreed to a concession: he agreed …`, `Isabel left early, and she …`:
/// a name that opens a clause (no lowercase word before it: not `in Paris, she met`)
/// and whose own sentence goes on, after a clause break (`,` `:` `;` `and` `but`
/// `because` …) and with no other capitalized word between, with `he`, `she` or
/// `his` as the next clause's subject, not before a cue (`…, he said`: a speaker's
/// words about the name) and not after `that` (`Acme said that he …`). Speaks for a
/// person.
fn has_pronoun_after(doc: &Document, m: &Mention) -> bool {
    let start = m.tokens.start;
    if start > 0 {
        let before = doc.token_text(start - 1);
        if doc.is_word(start - 1)
            && before.starts_with(char::is_lowercase)
            && !matches!(
                before,
                "and" | "but" | "when" | "while" | "as" | "after" | "that" | "because" | "if"
            )
        {
            return false;
        }
    }
    let end = (m.tokens.end + PRONOUN_REACH).min(doc.tokens.len());
    // At least one word of the name's own clause first: not `Acme, he said`.
    let mut words_between = 0;
    for i in m.tokens.end..end {
        let t = doc.token_text(i);
        if matches!(
            t,
            "." | "?" | "!" | "\"" | "\u{201c}" | "\u{201d}" | "(" | ")"
        ) {
            return false;
        }
        if doc.is_word(i) && t.starts_with(char::is_uppercase) && !matches!(t, "He" | "She" | "His")
        {
            return false;
        }
        if matches!(t, "he" | "she" | "his") {
            let after_break = i > 0
                && matches!(
                    doc.token_text(i - 1),
                    "," | ":" | ";" | "and" | "but" | "because" | "so" | "until" | "although"
                );
            let cue_next = matches!(
                doc.word(i + 1),
                "said" | "says" | "told" | "added" | "wrote" | "noted" | "argued" | "claimed"
            );
            return after_break && words_between > 0 && !cue_next;
        }
        if doc.is_word(i) {
            words_between += 1;
        }
    }
    false
}

/// A word mixing letters and digits: `L2`, `A380`, `S23`, `F-35`.
fn is_code(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit()) && word.chars().any(char::is_alphabetic)
}

/// The second pass: each candidate's probabilities plus
/// - for a word alone, the mean of the longer names it begins or ends (`PUTIN` and
///   `Vladimir Putin`);
/// - the mean of the names it is listed with (`Soyuz-2, Angara and other rockets`:
///   names joined by commas and `and` are mostly of one type);
/// - for a person the recognizer read from a role, a listed given name or a Korean
///   given name or a particle (`Ludwig van Beethoven`), a bonus as a person, and no drop;
/// - a listed name, `LISTED_BONUS` for its listed type;
/// - a lone unlisted word named nowhere else (not even in a longer name) is a person
///   only with `LONE_PERSON_MIN`, and what spoke for a person then speaks for no
///   entity (`Vossen` in a list of authors is no place);
/// - an unlisted code alone (`L2`, `A380`) is no person and no place, rather a thing;
/// - an unlisted word alone that a number follows in each of its mentions (`Tab 8`,
///   `Extract 2`) labels the numbers: no organization and no place;
/// - a listed demonym is no organization and no place, a saint's name (`St. John`) no
///   person.
///
/// The story's other mentions of a name already spoke in the first pass, through its
/// story features. Classes scoring `f32::MIN` are ruled out.
fn second_pass(
    doc: &Document,
    mentions: &[Mention],
    keys: &[String],
    probs: &[[f32; CLASSES.len()]],
) -> Vec<[f32; CLASSES.len()]> {
    let lex = Lexicon::get();
    // How often the story names each mention's words, alone or as the first or last
    // word of a longer name (`Koike` in `Koike Yuriko`, `Putin` in `Vladimir Putin`).
    let mut counts: FxHashMap<String, usize> = FxHashMap::default();
    // The summed probabilities of the longer names each word begins or ends.
    let mut longer: FxHashMap<String, ([f32; CLASSES.len()], usize)> = FxHashMap::default();
    for ((m, key), p) in mentions.iter().zip(keys).zip(probs) {
        let w = words(doc, m);
        // A titled name (`Seoul Mayor Oh Se-hoon`) is a person's, whatever the model says.
        let titled = [0.0, 1.0, 0.0, 0.0, 0.0];
        let p = if is_titled_person(m) { &titled } else { p };
        if let [first, .., last] = w.as_slice() {
            // `Bogotá` in `International Book Fair of Bogotá` only says where the fair is.
            let last_modifies = m.tokens.len() > 2
                && matches!(doc.token_text(m.tokens.end - 2), "of" | "de" | "in");
            let ends = if last_modifies {
                &[*first][..]
            } else {
                &[*first, *last][..]
            };
            for end in ends {
                let end = phrase_key(std::iter::once(*end));
                let entry = longer
                    .entry(end.clone())
                    .or_insert(([0.0; CLASSES.len()], 0));
                for (s, x) in entry.0.iter_mut().zip(p) {
                    *s += x;
                }
                entry.1 += 1;
                *counts.entry(end).or_insert(0) += 1;
            }
        }
        match counts.get_mut(key.as_str()) {
            Some(n) => *n += 1,
            None => {
                counts.insert(key.clone(), 1);
            }
        }
    }
    // Per one-word name: its mentions, those a number of digits follows (`Tab 8`,
    // `Extract 2`, not `Chelsea 2-1`), and whether one of those stands in a sentence,
    // a lowercase word before it and no name or number after the number (`at Tab 8,`;
    // not a results table, `division two: Ayr 2 Stirling 1`).
    let number_after = |m: &Mention| {
        doc.tokens.get(m.tokens.end).is_some_and(|t| {
            t.kind == TokenKind::Number
                && doc
                    .token_text(m.tokens.end)
                    .bytes()
                    .all(|b| b.is_ascii_digit())
        })
    };
    let lowercase_before = |m: &Mention| {
        m.tokens.start > 0
            && doc.is_word(m.tokens.start - 1)
            && doc
                .token_text(m.tokens.start - 1)
                .starts_with(|c: char| c.is_lowercase())
    };
    // `Ayr 2 Stirling 1`: a name or a number after the number.
    let name_after_number = |m: &Mention| {
        let j = m.tokens.end + 1;
        doc.tokens.get(j).is_some_and(|t| {
            t.kind == TokenKind::Number
                || (doc.is_word(j) && doc.token_text(j).starts_with(char::is_uppercase))
        })
    };
    let mut labels: FxHashMap<&str, (u32, u32, bool)> = FxHashMap::default();
    for (m, key) in mentions.iter().zip(keys) {
        if m.tokens.len() == 1 {
            let entry = labels.entry(key.as_str()).or_insert((0, 0, false));
            let numbered = number_after(m);
            entry.0 += 1;
            entry.1 += u32::from(numbered);
            entry.2 |= numbered && lowercase_before(m) && !name_after_number(m);
        }
    }
    let listed_with = |a: &Mention, b: &Mention| {
        a.tokens.end < b.tokens.start
            && (a.tokens.end..b.tokens.start)
                .all(|i| matches!(doc.token_text(i), "," | "and" | "or"))
    };
    let mut out = Vec::with_capacity(mentions.len());
    for (k, (m, p)) in mentions.iter().zip(probs).enumerate() {
        let count = counts[keys[k].as_str()];
        let mut score = *p;
        // `Oh` after `Oh Se-hoon`, `PUTIN` after `Vladimir Putin`: a word alone
        // leans to the type of the longer names it begins or ends.
        if let Some((sum, n)) = longer.get(keys[k].as_str()).filter(|_| m.tokens.len() == 1) {
            for c in 0..CLASSES.len() {
                score[c] += sum[c] / *n as f32;
            }
            // A surname alone joins the person the story named in full: kept, even
            // where it opens a sentence and reads like a common word (`Oh recommended`).
            if sum[1] / *n as f32 > 0.5 {
                score[0] = f32::MIN;
            }
        }
        let siblings: Vec<usize> = [
            k.checked_sub(1).filter(|&j| listed_with(&mentions[j], m)),
            Some(k + 1).filter(|&j| j < mentions.len() && listed_with(m, &mentions[j])),
        ]
        .into_iter()
        .flatten()
        .collect();
        for &j in &siblings {
            for c in 0..CLASSES.len() {
                score[c] += LISTED_WITH_WEIGHT * probs[j][c] / siblings.len() as f32;
            }
        }
        let w = words(doc, m);
        let read_as_person = m.kind == Some(EntityType::Person)
            && (m.role.is_some()
                || w.iter().any(|x| is_korean_given_name(x))
                || (w.len() > 1 && lex.is_given_name(w[0]))
                || (w.len() == 2 && lex.is_family_name(w[0]))
                || (w.len() > 2 && w[1..w.len() - 1].iter().any(|x| NAME_PARTICLES.contains(x))));
        // `Angara` alone, unlisted, never named in full, saying nothing (`Putin
        // said`): a person only on strong evidence from its context.
        let speaks = contains(List::Cues, doc.word(m.tokens.end));
        let lone_name = w.len() == 1
            && count == 1
            && !speaks
            && m.role.is_none()
            && !lex.is_given_name(w[0])
            && !lex.is_surname(w[0]);
        let code = w.len() == 1 && m.canonical.is_none() && is_code(w[0]);
        if lone_name && p[1] < LONE_PERSON_MIN && !code {
            // What spoke for a person speaks for no entity, not for the next type:
            // `Vossen` in `Cohen, Vossen, Ide` is no place.
            score[0] += score[1].max(0.0);
            score[1] = f32::MIN;
        }
        // `L2`, `A380`, `Soyuz-2`: a code alone, unlisted, names no person and no
        // place; what spoke for them speaks for a thing (misc).
        if code {
            score[4] += score[1].max(0.0) + score[3].max(0.0);
            score[1] = f32::MIN;
            score[3] = f32::MIN;
        }
        // `Tab 8` … `Tab 4`, `Extract 1`: a word alone, unlisted, that a number follows
        // wherever the story names it labels the numbers: no organization, no place.
        if m.tokens.len() == 1
            && m.canonical.is_none()
            && m.role.is_none()
            && !code
            && labels
                .get(keys[k].as_str())
                .is_some_and(|&(n, numbered, in_text)| numbered == n && in_text)
        {
            score[0] += score[2].max(0.0) + score[3].max(0.0);
            score[2] = f32::MIN;
            score[3] = f32::MIN;
        }
        // A listed name (`Busan`, `Alps`) keeps its listed type unless the model is
        // clearly against it (`CHICAGO 69 59`: the recognizer already calls it a team).
        if let Some(listed) = m.canonical.and(m.kind) {
            if let Some(c) = CLASSES.iter().position(|&k| k == Some(listed)) {
                score[c] += LISTED_BONUS;
            }
        }
        // `St. John`, `Saint Lucia`: a saint's name names a church, a place or a day,
        // not a person in the story.
        if w.first().is_some_and(|f| matches!(*f, "St" | "Saint")) {
            score[1] = f32::MIN;
        }
        // `Iraqi`, `Indonesian`: a listed demonym is no organization and no place
        // (`Iraqis`, `the Maori` may be people).
        if m.kind == Some(EntityType::Misc) && m.subtype == Some("nationality") {
            score[2] = f32::MIN;
            score[3] = f32::MIN;
        }
        if read_as_person {
            score[0] = f32::MIN;
            score[4] = f32::MIN;
            score[1] += PERSON_READING_BONUS;
        }
        // A name after a person's title (`Seoul Mayor Oh Se-hoon`) is that person.
        if is_titled_person(m) {
            score[2] = f32::MIN;
            score[3] = f32::MIN;
        }
        out.push(score);
    }
    out
}

/// The recognizer read a person's title before the name: `Sen. Jane Roe`.
fn is_titled_person(m: &Mention) -> bool {
    m.kind == Some(EntityType::Person) && m.role.is_some()
}

impl Model {
    fn scores(&self, features: &[u32]) -> [f32; CLASSES.len()] {
        let mut sums = [0i32; CLASSES.len()];
        for &f in features {
            let row = (f as usize & (BUCKETS - 1)) * CLASSES.len();
            for (s, &w) in sums.iter_mut().zip(&self.weights[row..row + CLASSES.len()]) {
                *s += i32::from(w as i8);
            }
        }
        let mut out = [0.0; CLASSES.len()];
        for c in 0..CLASSES.len() {
            out[c] = sums[c] as f32 * self.scales[c];
        }
        out
    }
}

fn softmax(scores: [f32; CLASSES.len()]) -> [f32; CLASSES.len()] {
    let max = scores.iter().copied().fold(f32::MIN, f32::max);
    let mut out = scores.map(|s| (s - max).exp());
    let total: f32 = out.iter().sum();
    for x in &mut out {
        *x /= total;
    }
    out
}

fn words<'a>(doc: &Document<'a>, m: &Mention) -> Vec<&'a str> {
    m.tokens
        .clone()
        .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
        .map(|i| doc.token_text(i))
        .collect()
}

/// What the features read about the lines of the story, found once.
pub struct Context {
    /// Per token: its line is all capitals.
    shouting: Vec<bool>,
    /// Per token: it opens a sentence or a line.
    opener: Vec<bool>,
}

impl Context {
    pub fn new(doc: &Document) -> Context {
        let n = doc.tokens.len();
        let mut shouting = vec![false; n];
        for line in &doc.lines {
            let toks = doc.tokens_within(line.clone());
            let mut loud = 0;
            let mut quiet = 0;
            for i in toks.clone() {
                let w = doc.token_text(i);
                if w.chars().any(char::is_lowercase) {
                    quiet += 1;
                } else if w.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                    loud += 1;
                }
            }
            if loud > 0 && quiet * 5 <= loud {
                toks.for_each(|i| shouting[i] = true);
            }
        }
        let mut opener = vec![false; n];
        for s in &doc.sentences {
            if let Some(o) = opener.get_mut(s.start) {
                *o = true;
            }
        }
        for line in &doc.lines {
            if let Some(o) = opener.get_mut(doc.token_at_or_after(line.start)) {
                *o = true;
            }
        }
        Context { shouting, opener }
    }
}

/// FNV-1a over a feature's name and its value, so `w:` + `paris` and `f:` + `paris`
/// are different features.
struct FeatureHash(u32);

impl FeatureHash {
    fn new(name: &str) -> FeatureHash {
        let mut h = FeatureHash(0x811c_9dc5);
        h.bytes(name.as_bytes());
        h
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u32::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0193);
        }
    }

    fn lowercase(&mut self, word: &str) {
        if word.is_ascii() {
            for b in word.bytes() {
                self.bytes(&[b.to_ascii_lowercase()]);
            }
        } else {
            let mut buf = [0u8; 4];
            for c in word.chars().flat_map(char::to_lowercase) {
                self.bytes(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
}

fn feature(out: &mut Vec<u32>, name: &str, value: &str) {
    let mut h = FeatureHash::new(name);
    h.lowercase(value);
    out.push(h.0);
}

/// Small counts as feature values, without formatting them.
const DIGITS: [&str; 9] = ["0", "1", "2", "3", "4", "5", "6", "7", "8"];

/// The feature of two words, as `feature` would hash them joined by a space.
fn pair_feature(out: &mut Vec<u32>, name: &str, a: &str, b: &str) {
    let mut h = FeatureHash::new(name);
    h.lowercase(a);
    h.bytes(b" ");
    h.lowercase(b);
    out.push(h.0);
}

/// Appends `word`'s shape to `out`: `Kim` → `Xx`, `U.S.` → `X.X.`, `Jong-un` → `Xx-x`,
/// `1996` → `d`.
fn push_shape(out: &mut String, word: &str) {
    let mut last = None;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if last != Some(s) || !matches!(s, 'X' | 'x' | 'd') {
            out.push(s);
            last = Some(s);
        }
    }
}

/// The word lists a word's features name, with the feature's value.
const LIST_FEATURES: [(List, &str); 9] = [
    (List::GivenNames, "given"),
    (List::Surnames, "surname"),
    (List::CommonWords, "common"),
    (List::NonEntities, "nonentity"),
    (List::Titles, "title"),
    (List::OrgWords, "orgword"),
    (List::EventWords, "eventword"),
    (List::GeoWords, "geoword"),
    (List::FacilityWords, "facilityword"),
];

/// The word lists a word is in, as feature names.
fn list_features(out: &mut Vec<u32>, lex: &Lexicon, at: &str, word: &str) {
    let lists = lists_of(word);
    for (list, name) in LIST_FEATURES {
        if lists.has(list) {
            feature(out, at, name);
        }
    }
    if lex.is_honorific(word) {
        feature(out, at, "honorific");
    }
    if let Some(known) = lex.phrase_of_word(word) {
        feature(out, at, listed_name(known));
    }
}

fn listed_name(known: ListedPhrase) -> &'static str {
    match known {
        ListedPhrase::Place(_, "country") => "place-country",
        ListedPhrase::Place(_, "city") => "place-city",
        ListedPhrase::Place(..) => "place",
        ListedPhrase::Organization(..) => "organization",
        ListedPhrase::Demonym(_) => "demonym",
    }
}

fn kind_name(kind: Option<EntityType>) -> &'static str {
    match kind {
        None => "none",
        Some(EntityType::Person) => "person",
        Some(EntityType::Organization) => "organization",
        Some(EntityType::Location) => "location",
        Some(EntityType::Misc) => "misc",
    }
}

/// The two tokens either side of a mention on its line (`<s>`, `</s>` past its ends).
fn neighbours<'a>(doc: &Document<'a>, m: &Mention) -> [&'a str; 4] {
    let start = m.tokens.start;
    let end = m.tokens.end;
    let before = |k: usize| start.checked_sub(k).map_or("<s>", |i| doc.token_text(i));
    let after = |k: usize| {
        doc.tokens
            .get(end + k - 1)
            .map_or("</s>", |_| doc.word(end + k - 1))
    };
    let line = doc.line_of(doc.tokens[start].start());
    let same_line = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|t| doc.line_of(t.start()) == line)
    };
    let p1 = if start > 0 && same_line(start - 1) {
        before(1)
    } else {
        "<s>"
    };
    let p2 = if start > 1 && same_line(start - 2) && p1 != "<s>" {
        before(2)
    } else {
        "<s>"
    };
    let n1 = if same_line(end) { after(1) } else { "</s>" };
    let n2 = if same_line(end + 1) && n1 != "</s>" {
        after(2)
    } else {
        "</s>"
    };
    [p2, p1, n1, n2]
}

/// The most words around a name's other mentions that each of them reads.
const STORY_CONTEXTS: usize = 12;

/// The words around every mention of the same name in the story, as hashed
/// features (`in Łódź` … `Łódź has`: the place reads both): the first pass's evidence
/// from the story, so that one clear context types a name's every mention. Each
/// mention's group (by its words, `keys`), and each group's features.
struct StoryContexts {
    group_of: Vec<u32>,
    features: Vec<Vec<u32>>,
    /// Per group: language evidence less people evidence (`Eegimaa speakers` …
    /// `Moriori people`), and whether a work noun stands before a mention.
    misc: Vec<(i32, bool)>,
    /// Per group: whether a pronoun after a mention speaks for a person
    /// (`has_pronoun_after`).
    pronoun: Vec<bool>,
}

impl StoryContexts {
    fn new(doc: &Document, mentions: &[Mention], keys: &[String]) -> StoryContexts {
        let mut groups: FxHashMap<&str, u32> = FxHashMap::default();
        let mut features: Vec<Vec<u32>> = Vec::new();
        let mut group_of = Vec::with_capacity(mentions.len());
        let mut misc = Vec::new();
        let mut pronoun = Vec::new();
        for (m, key) in mentions.iter().zip(keys) {
            let g = *groups.entry(key).or_insert(features.len() as u32);
            if g as usize == features.len() {
                features.push(Vec::new());
                misc.push((0, false));
                pronoun.push(false);
            }
            group_of.push(g);
            let seen = &mut features[g as usize];
            let [p2, p1, n1, _] = neighbours(doc, m);
            if m.canonical.is_none() && m.role.is_none() {
                let (language, work) = &mut misc[g as usize];
                if is_language_follower(n1) {
                    *language += 1;
                } else if matches!(n1, "people" | "peoples") {
                    *language -= 1;
                }
                *work |= is_work_noun(p1)
                    || (is_opening_quote(p1) && is_work_noun(p2))
                    || is_in_dated_title(doc, m);
            }
            if m.role.is_none() {
                pronoun[g as usize] |= has_pronoun_after(doc, m);
            }
            let mut f = Vec::with_capacity(2);
            feature(&mut f, "story-p1", p1);
            feature(&mut f, "story-n1", n1);
            for h in f {
                if seen.len() < 2 * STORY_CONTEXTS && !seen.contains(&h) {
                    seen.push(h);
                }
            }
        }
        StoryContexts {
            group_of,
            features,
            misc,
            pronoun,
        }
    }

    /// Mention `k`'s misc reading from the story: a name that its mentions show to be
    /// a language (`Eegimaa speakers`, more often than `Eegimaa people`) or a work
    /// (`the novel Thyrza`) is that in every mention; a name of several words ending
    /// in a model code is a product (`Airbus A380`). Codes alone are left to the
    /// model: `the M1` is a road. Listed names and people with a role have none.
    fn misc_reading(&self, doc: &Document, k: usize, m: &Mention) -> Option<MiscReading> {
        if m.canonical.is_some() || m.role.is_some() {
            return None;
        }
        match self.misc[self.group_of[k] as usize] {
            (_, true) => return Some(MiscReading::Work),
            (language, _) if language > 0 => return Some(MiscReading::Language),
            _ => {}
        }
        if m.tokens.len() < 2 {
            return None;
        }
        let last = m
            .tokens
            .clone()
            .rev()
            .find(|&i| doc.tokens[i].kind == TokenKind::Word)?;
        is_code(doc.token_text(last)).then_some(MiscReading::Product)
    }

    /// Whether a pronoun after one of the mentions of `k`'s name speaks for a person.
    fn has_pronoun(&self, k: usize) -> bool {
        self.pronoun[self.group_of[k] as usize]
    }

    /// The story features of mention `k`.
    fn of(&self, k: usize) -> &[u32] {
        &self.features[self.group_of[k] as usize]
    }
}

/// Each mention's words, lowercased: the key a story's mentions of a name share.
fn name_keys(doc: &Document, mentions: &[Mention]) -> Vec<String> {
    mentions
        .iter()
        .map(|m| phrase_key(words(doc, m).into_iter()))
        .collect()
}

/// The hashed features of one candidate; `story` are its name's story features.
pub fn featurize(
    doc: &Document,
    context: &Context,
    m: &Mention,
    story: &[u32],
    out: &mut Vec<u32>,
) {
    let w = words(doc, m);
    if w.is_empty() {
        feature(out, "empty", "");
        return;
    }
    // In the order the model was trained with: the training sums in floating point.
    recognizer_features(m, out);
    name_features(&w, out);
    context_features(doc, context, m, story, out);
}

/// The features of a name's words alone (`w`, shapes, affixes, word lists): the same
/// for each of its mentions, so `type_mentions` makes them once a name.
fn name_features(w: &[&str], out: &mut Vec<u32>) {
    let lex = Lexicon::get();
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
        return;
    };
    feature(out, "len", DIGITS[w.len().min(4)]);
    let mut shapes = String::new();
    let mut word_shape = String::new();
    for word in w {
        feature(out, "w", word);
        if is_korean_given_name(word) {
            feature(out, "korean-given-name", "");
        }
        word_shape.clear();
        push_shape(&mut word_shape, word);
        feature(out, "s", &word_shape);
        if shapes.len() < 24 {
            shapes.push_str(&word_shape);
            shapes.push(' ');
        }
    }
    feature(out, "shapes", &shapes);
    feature(out, "f", first);
    feature(out, "l", last);
    let key = phrase_key(w.iter().copied());
    if w.len() <= 4 {
        feature(out, "ph", &key);
    }
    // The last word's last 2, 3 and 4 characters, where it has more; the first's first 3.
    let ends: Vec<usize> = last
        .char_indices()
        .rev()
        .map(|(at, _)| at)
        .take(5)
        .collect();
    for n in [2, 3, 4] {
        if ends.len() > n {
            feature(out, "suf", &last[ends[n - 1]..]);
        }
    }
    if let Some((third_end, _)) = first.char_indices().nth(3) {
        feature(out, "pre", &first[..third_end]);
    }
    list_features(out, lex, "f-list", first);
    list_features(out, lex, "l-list", last);
    for word in &w[1..w.len().saturating_sub(1).max(1)] {
        list_features(out, lex, "m-list", word);
    }
    if let Some(known) = lex.phrase(&key) {
        feature(out, "listed-phrase", listed_name(known));
    }
}

/// What the recognizer read of one mention: its guess, listing and role.
fn recognizer_features(m: &Mention, out: &mut Vec<u32>) {
    feature(out, "bias", "");
    feature(out, "prior", kind_name(m.kind));
    feature(out, "prior-subtype", m.subtype.unwrap_or("none"));
    if m.canonical.is_some() {
        feature(out, "listed", kind_name(m.kind));
    }
    if m.role.is_some() {
        feature(out, "role", "");
    }
}

/// The features of one mention's place: its neighbours, its line and the story's other
/// mentions of the name.
fn context_features(
    doc: &Document,
    context: &Context,
    m: &Mention,
    story: &[u32],
    out: &mut Vec<u32>,
) {
    let lex = Lexicon::get();
    let mut word_shape = String::new();
    // Two tokens either side.
    let start = m.tokens.start;
    let [p2, p1, n1, n2] = neighbours(doc, m);
    let line = doc.line_of(doc.tokens[start].start());
    feature(out, "p1", p1);
    feature(out, "p2", p2);
    feature(out, "n1", n1);
    feature(out, "n2", n2);
    pair_feature(out, "p2p1", p2, p1);
    pair_feature(out, "n1n2", n1, n2);
    for (name, word) in [("p1-shape", p1), ("n1-shape", n1)] {
        word_shape.clear();
        push_shape(&mut word_shape, word);
        feature(out, name, &word_shape);
    }
    for (at, word) in [("p1-list", p1), ("n1-list", n1)] {
        if lex.is_title(word) {
            feature(out, at, "title");
        }
        if lex.is_honorific(word.trim_end_matches('.')) {
            feature(out, at, "honorific");
        }
    }
    // The line it stands in.
    if context.shouting[start] {
        feature(out, "shouting", "");
    }
    if context.opener[start] {
        feature(out, "opener", "");
    }
    if line == 0 {
        feature(out, "first-line", "");
    }
    if m.unsure {
        feature(out, "unsure", "");
    }
    let line_tokens = doc
        .lines
        .get(line)
        .map_or(0, |l| doc.tokens_within(l.clone()).len());
    feature(out, "line-len", DIGITS[line_tokens.min(8)]);
    out.extend_from_slice(story);
}

/// Reading the corpora for `train-entities`: each candidate's byte range and
/// features, as the model sees them.
pub fn training_candidates(doc: &Document, mentions: &[Mention]) -> Vec<(Range<usize>, Vec<u32>)> {
    let context = Context::new(doc);
    let keys = name_keys(doc, mentions);
    let story = StoryContexts::new(doc, mentions, &keys);
    mentions
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let mut features = Vec::new();
            featurize(doc, &context, m, story.of(k), &mut features);
            (m.bytes(doc), features)
        })
        .collect()
}
