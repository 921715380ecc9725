//! Gathers mentions into entities: one per person, organization, place or nationality.
//!
//! - Full person names (two words or more) meet when they spell the same letters:
//!   `Kim Jong-un` = `Kim Jong Un`, but `Kim Jong-il` and `Kim Yung-ho` stay apart.
//! - A one-word mention (`Kim`, `Putin`) joins a person whose first or last word it is:
//!   the one most recently named in full in the same paragraph, else the story's main
//!   one (most full mentions). It is never the reason two full names merge.
//! - Listed names meet at their canonical form (`DPRK`, `North Korea`); acronyms meet
//!   what the story defines them as (`Korean Central News Agency (KCNA)`, `DPRK stands
//!   for the Democratic People's Republic of Korea`) or the initials of a longer name
//!   (`UNSC` = `UN Security Council`).
//! - Undecided mentions take the type of the same name elsewhere in the story, else a
//!   guess from the word lists and the word before (`in Vladivostok` is a place).
//!
//! The canonical name is the longest form the story uses. Knowingly wrong: two people
//! sharing a full name are one; a one-word mention matching nobody named in full is
//! its own entity even when it is the surname of someone in the word lists.

use super::lexicon::{phrase_key, Lexicon};
use super::recognize::Mention;
use crate::analysis::{Entity, EntityType, Span};
use crate::text::{Document, TokenKind};
use rustc_hash::FxHashMap;

/// Words before a one-word name that make it a place: `in Vladivostok`.
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near", "from", "to", "into", "outside"];

/// Gathers the mentions into entities, in five passes: acronym definitions, full
/// names, one-word mentions, typing the rest, building entities.
pub fn cluster(doc: &Document, mentions: Vec<Mention>) -> Vec<Entity> {
    let mut clustering = Clustering::new(doc, mentions);
    let acronyms = clustering.acronym_definitions();
    clustering.key_full_names(&acronyms);
    let people = clustering.people_named_in_full();
    // Read before one-word mentions join people: a name typed where it was decided.
    let decided = clustering.decided_names();
    clustering.join_one_word_mentions(&people);
    clustering.type_the_rest(&decided);
    clustering.build_entities()
}

/// The state the passes share: the mentions, and what each has been decided to be.
struct Clustering<'d, 'a> {
    doc: &'d Document<'a>,
    mentions: Vec<Mention>,
    table: KeyTable,
    /// Per mention: the key of the entity it belongs to, once decided.
    keys: Vec<Option<KeyId>>,
    /// Per mention: its type, once decided.
    kinds: Vec<Option<EntityType>>,
}

/// Acronyms the story defines (`Korean Central News Agency (KCNA)`, `DPRK stands for
/// …`) and the initials of its longer names (`UNSC`), each to the mention it stands for.
struct Acronyms {
    defined: FxHashMap<String, usize>,
    initials: FxHashMap<String, usize>,
}

/// The people the story names in full, for its one-word mentions to join.
struct People {
    /// For each first or last word of a full name, the person it most likely means
    /// alone: the one with most full mentions, the earliest on a tie.
    main_by_word: FxHashMap<String, KeyId>,
    /// Each person's first and last word, lowercased.
    words_of_person: FxHashMap<KeyId, Vec<String>>,
}

impl<'d, 'a> Clustering<'d, 'a> {
    fn new(doc: &'d Document<'a>, mentions: Vec<Mention>) -> Clustering<'d, 'a> {
        let n = mentions.len();
        let kinds = mentions.iter().map(|m| m.kind).collect();
        Clustering {
            doc,
            mentions,
            table: KeyTable::default(),
            keys: vec![None; n],
            kinds,
        }
    }

    fn words(&self, m: &Mention) -> Vec<&'a str> {
        let doc = self.doc;
        m.tokens
            .clone()
            .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
            .map(|i| doc.token_text(i))
            .collect()
    }

    fn text(&self, m: &Mention) -> &'a str {
        &self.doc.text[m.bytes(self.doc)]
    }

    /// Pass 1: acronyms the story defines, and initials of longer names.
    fn acronym_definitions(&self) -> Acronyms {
        let doc = self.doc;
        let mut defined: FxHashMap<String, usize> = FxHashMap::default();
        let mut initials: FxHashMap<String, usize> = FxHashMap::default();
        for (k, m) in self.mentions.iter().enumerate() {
            if m.kind == Some(EntityType::Person) || m.tokens.len() < 2 {
                continue;
            }
            let t = m.tokens.end;
            let abbr = initials_of(&self.words(m));
            if t + 2 < doc.tokens.len()
                && doc.token_text(t) == "("
                && doc.token_text(t + 2) == ")"
                && is_acronym(doc.token_text(t + 1))
                // `Korean Central News Agency (KCNA)`, not `Jim Courier (U.S.)`.
                && abbr.as_ref().is_some_and(|i| i.get(..1) == doc.token_text(t + 1).get(..1))
            {
                defined.insert(acronym_key(doc.token_text(t + 1)), k);
            }
            if let Some(abbr) = abbr {
                initials.entry(abbr).or_insert(k);
            }
        }
        // `DPRK stands for the Democratic People's Republic of Korea`
        for (k, pair) in self.mentions.windows(2).enumerate() {
            let between: Vec<&str> = (pair[0].tokens.end..pair[1].tokens.start)
                .map(|i| doc.token_text(i))
                .collect();
            if is_acronym(self.text(&pair[0]))
                && matches!(
                    between.as_slice(),
                    ["stands", "for"] | ["stands", "for", "the"]
                )
            {
                defined.insert(acronym_key(self.text(&pair[0])), k + 1);
            }
        }
        Acronyms { defined, initials }
    }

    /// The key of a name typed `kind`.
    fn key_of_name(&self, m: &Mention, kind: Option<EntityType>) -> String {
        match (kind, m.canonical) {
            (Some(EntityType::Person), _) => format!("p:{}", person_key(&self.words(m))),
            // `CHICAGO 69 59`: the team stays apart from the city.
            _ if m.subtype == Some("team") => {
                format!("t:{}", phrase_key(self.words(m).into_iter()))
            }
            (_, Some(canonical)) => format!("n:{}", phrase_key(canonical.split(' '))),
            _ => format!("n:{}", phrase_key(self.words(m).into_iter())),
        }
    }

    /// Pass 2: keys of everything but one-word person and undecided mentions; an
    /// acronym takes the key of what it stands for.
    fn key_full_names(&mut self, acronyms: &Acronyms) {
        for k in 0..self.mentions.len() {
            let m = &self.mentions[k];
            let w = self.words(m);
            if w.len() == 1 && is_acronym(w[0]) && m.kind != Some(EntityType::Person) {
                // A listed acronym (`U.S.`) follows only the story's own definition.
                let by_initials = || {
                    acronyms
                        .initials
                        .get(&acronym_key(w[0]))
                        .filter(|_| m.canonical.is_none())
                };
                let target = acronyms
                    .defined
                    .get(&acronym_key(w[0]))
                    .or_else(by_initials)
                    .copied()
                    .filter(|&d| d != k);
                if let Some(d) = target {
                    let key = self.key_of_name(&self.mentions[d], self.kinds[d]);
                    self.keys[k] = Some(self.table.intern(key));
                    self.kinds[k] = self.kinds[d].or(self.kinds[k]);
                    continue;
                }
            }
            if m.kind.is_some() && !(m.kind == Some(EntityType::Person) && w.len() == 1) {
                let key = self.key_of_name(m, m.kind);
                self.keys[k] = Some(self.table.intern(key));
            }
        }
    }

    /// The people named in full so far, and the words they go by alone.
    fn people_named_in_full(&self) -> People {
        let mut full: FxHashMap<KeyId, Vec<usize>> = FxHashMap::default();
        let mut order: Vec<KeyId> = Vec::new();
        for (k, key) in self.keys.iter().enumerate() {
            if let Some(key) = key.filter(|&key| self.table.is_person(key)) {
                let list = full.entry(key).or_default();
                if list.is_empty() {
                    order.push(key);
                }
                list.push(k);
            }
        }
        let mut main_by_word: FxHashMap<String, KeyId> = FxHashMap::default();
        let mut words_of_person: FxHashMap<KeyId, Vec<String>> = FxHashMap::default();
        let weight = |key: KeyId| (full[&key].len(), std::cmp::Reverse(full[&key][0]));
        for &key in &order {
            let w = self.words(&self.mentions[full[&key][0]]);
            let named: Vec<&&str> = w.iter().filter(|x| x.chars().count() > 1).collect();
            let mut name_words: Vec<String> = [named.first(), named.last()]
                .into_iter()
                .flatten()
                .map(|word| word.to_lowercase())
                .collect();
            name_words.dedup();
            for word in &name_words {
                let best = main_by_word.entry(word.clone()).or_insert(key);
                if weight(key) > weight(*best) {
                    *best = key;
                }
            }
            words_of_person.insert(key, name_words);
        }
        People {
            main_by_word,
            words_of_person,
        }
    }

    /// Pass 3: a one-word mention joins the person most recently named in full with
    /// that word in its paragraph, else the story's main person by that word. One pass
    /// in story order: `latest_full` holds, for each name word, the person most
    /// recently named in full with it (a look-up, not a look-back).
    fn join_one_word_mentions(&mut self, people: &People) {
        let doc = self.doc;
        let mut latest_full: FxHashMap<&str, (usize, KeyId)> = FxHashMap::default();
        for k in 0..self.mentions.len() {
            // Keys given before this pass are full names; it only keys mentions without one.
            if let Some(key) = self.keys[k].filter(|&key| self.table.is_person(key)) {
                for word in people.words_of_person.get(&key).into_iter().flatten() {
                    latest_full.insert(word, (self.mentions[k].bytes(doc).start, key));
                }
            }
            if self.keys[k].is_some() {
                continue;
            }
            let m = &self.mentions[k];
            let w = self.words(m);
            if w.len() != 1 {
                continue;
            }
            let lower = phrase_key(w.iter().copied());
            let here = doc.line_of(m.bytes(doc).start);
            let recent = latest_full
                .get(lower.as_str())
                .filter(|(at, _)| doc.line_of(*at) == here)
                .map(|(_, key)| *key);
            if let Some(key) = recent.or_else(|| people.main_by_word.get(&lower).copied()) {
                self.keys[k] = Some(key);
                self.kinds[k] = Some(EntityType::Person);
            }
        }
    }

    /// The type each name got where it was decided: the last such mention's.
    fn decided_names(&self) -> FxHashMap<String, EntityType> {
        let mut last_decided: Vec<Option<(usize, EntityType)>> = vec![None; self.table.len()];
        for (k, (key, kind)) in self.keys.iter().zip(&self.kinds).enumerate() {
            if let (Some(key), Some(kind)) = (key, kind) {
                last_decided[*key as usize] = Some((k, *kind));
            }
        }
        let mut decided_names: FxHashMap<&str, (usize, EntityType)> = FxHashMap::default();
        for (key, decided) in last_decided.into_iter().enumerate() {
            if let Some(decided) = decided {
                let name = &self.table.name(key as KeyId)[2..];
                let entry = decided_names.entry(name).or_insert(decided);
                if decided.0 > entry.0 {
                    *entry = decided;
                }
            }
        }
        decided_names
            .into_iter()
            .map(|(name, (_, kind))| (name.to_string(), kind))
            .collect()
    }

    /// Pass 4: a mention still without a key takes the type of the same name
    /// decided elsewhere, else a guess from the word lists and the word before
    /// (`in Vladivostok` is a place); unsure mentions nothing matched are left out.
    fn type_the_rest(&mut self, decided: &FxHashMap<String, EntityType>) {
        let lex = Lexicon::get();
        for k in 0..self.mentions.len() {
            if self.keys[k].is_some() {
                continue;
            }
            let m = &self.mentions[k];
            let w = self.words(m);
            let lower = phrase_key(w.iter().copied());
            if let Some(&kind) = decided.get(&lower) {
                self.keys[k] = Some(self.table.intern(format!("n:{lower}")));
                self.kinds[k] = Some(kind);
                continue;
            }
            if m.unsure {
                continue;
            }
            let before = m
                .tokens
                .start
                .checked_sub(1)
                .map(|i| self.doc.token_text(i));
            let kind = if m.kind == Some(EntityType::Person)
                || lex.is_given_name(w[0])
                || lex.is_surname(w[w.len() - 1])
            {
                EntityType::Person
            } else if before.is_some_and(|b| PLACE_PREPOSITIONS.contains(&b)) {
                EntityType::Location
            } else if w.len() > 1 {
                EntityType::Person
            } else {
                EntityType::Organization
            };
            self.kinds[k] = Some(kind);
            let key = if kind == EntityType::Person {
                format!("p:{}", person_key(&w))
            } else {
                format!("n:{lower}")
            };
            self.keys[k] = Some(self.table.intern(key));
        }
    }

    /// Pass 5: one entity per key, in order of first mention.
    fn build_entities(self) -> Vec<Entity> {
        let mut group_of_key: Vec<Option<usize>> = vec![None; self.table.len()];
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (k, key) in self.keys.iter().enumerate() {
            let Some(key) = key else { continue };
            let g = *group_of_key[*key as usize].get_or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(k);
        }
        groups
            .iter()
            .map(|g| entity_of(self.doc, &self.mentions, &self.kinds, g))
            .collect()
    }
}

/// An entity's key: `p:kimjongun` (a person, by the letters of the name), `n:north
/// korea` (a name), `t:chicago` (a team).
type KeyId = u32;

/// Each key stored once; mentions hold its id (a 10 MB story has 200,000 mentions and
/// a few thousand keys).
#[derive(Default)]
struct KeyTable {
    ids: FxHashMap<String, KeyId>,
    names: Vec<String>,
}

impl KeyTable {
    fn intern(&mut self, key: String) -> KeyId {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.names.len() as KeyId;
        self.names.push(key.clone());
        self.ids.insert(key, id);
        id
    }

    fn name(&self, id: KeyId) -> &str {
        &self.names[id as usize]
    }

    fn is_person(&self, id: KeyId) -> bool {
        self.name(id).starts_with("p:")
    }

    fn len(&self) -> usize {
        self.names.len()
    }
}

fn entity_of(
    doc: &Document,
    mentions: &[Mention],
    kinds: &[Option<EntityType>],
    group: &[usize],
) -> Entity {
    let mut votes: Vec<(EntityType, usize)> = Vec::new();
    for &k in group {
        if let Some(kind) = kinds[k] {
            match votes.iter_mut().find(|(t, _)| *t == kind) {
                Some((_, c)) => *c += 1,
                None => votes.push((kind, 1)),
            }
        }
    }
    let entity_type = votes
        .iter()
        .max_by_key(|(_, c)| *c)
        .map_or(EntityType::Organization, |(t, _)| *t);
    let forms: Vec<String> = group
        .iter()
        .map(|&k| display_form(&doc.text[mentions[k].bytes(doc)], mentions[k].canonical))
        .collect();
    let name = forms
        .iter()
        .enumerate()
        .max_by_key(|(i, f)| (f.chars().count(), std::cmp::Reverse(*i)))
        .map(|(_, f)| f.clone())
        .unwrap_or_default();
    let mut aliases: Vec<String> = Vec::new();
    for &k in group {
        let t = &doc.text[mentions[k].bytes(doc)];
        if !t.eq_ignore_ascii_case(&name) && !aliases.iter().any(|a| a == t) {
            aliases.push(t.to_string());
        }
    }
    let mut spans: Vec<Span> = group
        .iter()
        .map(|&k| Span::new(doc.text, mentions[k].bytes(doc)))
        .collect();
    spans.dedup_by(|a, b| a.start == b.start);
    Entity {
        name,
        entity_type,
        subtype: group
            .iter()
            .find_map(|&k| mentions[k].subtype)
            .map(str::to_string),
        mentions: spans,
        aliases,
        role: group.iter().find_map(|&k| {
            let role = mentions[k].role.clone()?;
            Some(doc.text[doc.token_span(role.start as usize..role.end as usize)].to_string())
        }),
    }
}

/// A mention as a name: `SEOUL` reads `Seoul`.
fn display_form(text: &str, canonical: Option<&str>) -> String {
    if !text.chars().any(char::is_lowercase) && text.chars().count() > 4 {
        if let Some(c) = canonical.filter(|c| c.eq_ignore_ascii_case(text)) {
            return c.to_string();
        }
        return text
            .split(' ')
            .map(|w| {
                let mut cs = w.chars();
                cs.next()
                    .map(|f| {
                        f.to_uppercase()
                            .chain(cs.flat_map(char::to_lowercase))
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect::<Vec<String>>()
            .join(" ");
    }
    text.to_string()
}

/// `Kim Jong-un` and `Kim Jong Un` both give `kimjongun`.
pub(crate) fn person_key(words: &[&str]) -> String {
    words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `KCNA`, `U.S.`, `DPRK`: capitals (and dots) only.
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
}

fn acronym_key(word: &str) -> String {
    word.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// `UN Security Council` → `UNSC`; `Korean Central News Agency` → `KCNA`.
fn initials_of(words: &[&str]) -> Option<String> {
    let mut out = String::new();
    for w in words {
        if is_acronym(w) {
            out.push_str(&acronym_key(w));
        } else if let Some(c) = w.chars().next().filter(|c| c.is_uppercase()) {
            out.push(c);
        }
    }
    (out.chars().count() >= 2).then_some(out)
}
