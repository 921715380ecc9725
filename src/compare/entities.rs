//! The stories' entities matched into rows, one per real-world entity.
//!
//! Each story entity gives keys, and entities sharing a key are one row:
//! - a person: the letters of each name of two words or more, as the within-story
//!   clustering keys them (`Kim Jong Un` and `Kim Jong-un` give `kimjongun`; `Kim
//!   Jong-il` gives another key);
//! - anything else: its type and each of its names and aliases as a phrase key, so the
//!   `KCNA` of one story meets the `Korean Central News Agency (KCNA)` of another, and
//!   for a listed name its list's canonical form too (`DPRK` meets `North Korea`);
//! - a facility also: the name without its facility words, and the kind of facility
//!   with synonyms read as one (`Vostochny space center` = `Vostochny Cosmodrome`).
//!
//! A person known in a story by one word only (`Putin`) then joins the row of a full
//! name whose first or last word it is, when exactly one row has such a name: with
//! `Kim Jong-un` and `Kim Jong-il` both named, a bare `Kim` stays its own row.
//!
//! Knowingly wrong: two people sharing a full name are one row; an organization one
//! story types as a place and another as an organization is two rows.

use super::{EntityInStory, SharedEntity, Story};
use crate::analysis::{Entity, EntityType, QuoteKind};
use crate::entities::{person_key, phrase_key, Lexicon, ListedPhrase};
use crate::text::{tokenize, TokenKind};
use rustc_hash::FxHashMap;

/// Facility kinds that name the same kind of place (`Vostochny Cosmodrome` is called
/// `Vostochny space center` by Yonhap): each maps to the first of its line.
const FACILITY_SYNONYMS: &[&[&str]] = &[
    &["spaceport", "space center", "space centre", "cosmodrome"],
    &["airport", "airfield"],
    &["stadium", "arena"],
];

/// The rows, and for each story the row of each of its entities.
pub(super) struct Rows {
    pub entities: Vec<SharedEntity>,
    /// `row_of[story][entity]`.
    pub row_of: Vec<Vec<usize>>,
}

pub(super) fn match_entities(stories: &[Story]) -> Rows {
    let nodes: Vec<(usize, usize)> = stories
        .iter()
        .enumerate()
        .flat_map(|(s, story)| (0..story.analysis.entities.len()).map(move |e| (s, e)))
        .collect();
    let entity = |node: usize| -> &Entity {
        let (s, e) = nodes[node];
        &stories[s].analysis.entities[e]
    };
    let mut sets = DisjointSets::new(nodes.len());
    let mut first_with_key: FxHashMap<String, usize> = FxHashMap::default();
    for node in 0..nodes.len() {
        for key in keys_of(entity(node)) {
            let first = *first_with_key.entry(key).or_insert(node);
            sets.union(first, node);
        }
    }

    // People named by one word only join the one row with a full name holding it.
    let mut full_rows_by_word: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut one_word: Vec<(usize, String)> = Vec::new();
    for node in 0..nodes.len() {
        let e = entity(node);
        if e.entity_type != EntityType::Person {
            continue;
        }
        let full: Vec<Vec<String>> = forms(e).map(name_words).filter(|w| w.len() >= 2).collect();
        if full.is_empty() {
            if let Some(word) = name_words(&e.name).first() {
                one_word.push((node, word.to_lowercase()));
            }
        }
        for words in full {
            let named: Vec<&String> = words.iter().filter(|w| w.chars().count() > 1).collect();
            for word in [named.first(), named.last()].into_iter().flatten() {
                let roots = full_rows_by_word.entry(word.to_lowercase()).or_default();
                let root = sets.find(node);
                if !roots.contains(&root) {
                    roots.push(root);
                }
            }
        }
    }
    for (node, word) in one_word {
        if let Some([root]) = full_rows_by_word.get(&word).map(Vec::as_slice) {
            sets.union(*root, node);
        }
    }

    // Rows in order of first appearance.
    let mut row_of_root: FxHashMap<usize, usize> = FxHashMap::default();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for node in 0..nodes.len() {
        let root = sets.find(node);
        let row = *row_of_root.entry(root).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[row].push(node);
    }
    let mut row_of: Vec<Vec<usize>> = stories
        .iter()
        .map(|s| vec![0; s.analysis.entities.len()])
        .collect();
    for (row, nodes_of_row) in members.iter().enumerate() {
        for &node in nodes_of_row {
            let (s, e) = nodes[node];
            row_of[s][e] = row;
        }
    }
    let mut quoted: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for (s, story) in stories.iter().enumerate() {
        for q in story
            .analysis
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Indirect)
        {
            let speaker = q.speaker.as_ref().and_then(|sp| sp.entity);
            if let Some(&row) = speaker.and_then(|e| row_of[s].get(e)) {
                *quoted.entry((row, s)).or_default() += 1;
            }
        }
    }
    let entities = members
        .iter()
        .enumerate()
        .map(|(row, nodes_of_row)| {
            let first = entity(nodes_of_row[0]);
            let name = nodes_of_row
                .iter()
                .map(|&n| &entity(n).name)
                .fold(&first.name, |best, n| {
                    if n.chars().count() > best.chars().count() {
                        n
                    } else {
                        best
                    }
                })
                .clone();
            let mut aliases: Vec<String> = Vec::new();
            for &n in nodes_of_row {
                for form in forms(entity(n)) {
                    let known = form.eq_ignore_ascii_case(&name)
                        || aliases.iter().any(|a| a.eq_ignore_ascii_case(form));
                    if !known {
                        aliases.push(form.to_string());
                    }
                }
            }
            let mut in_stories: Vec<EntityInStory> = Vec::new();
            for &n in nodes_of_row {
                let (s, e) = nodes[n];
                let mentions = stories[s].analysis.entities[e].mentions.len();
                match in_stories.last_mut().filter(|x| x.story == s) {
                    Some(x) => {
                        x.entities.push(e);
                        x.mentions += mentions;
                    }
                    None => in_stories.push(EntityInStory {
                        story: s,
                        entities: vec![e],
                        mentions,
                        quoted: quoted.get(&(row, s)).copied().unwrap_or(0),
                    }),
                }
            }
            SharedEntity {
                name,
                entity_type: first.entity_type,
                subtype: nodes_of_row.iter().find_map(|&n| entity(n).subtype.clone()),
                aliases,
                stories: in_stories,
            }
        })
        .collect();
    Rows { entities, row_of }
}

/// The names an entity goes by: its name, then its aliases.
fn forms(e: &Entity) -> impl Iterator<Item = &str> {
    std::iter::once(e.name.as_str()).chain(e.aliases.iter().map(String::as_str))
}

/// The words of a name as the tokenizer cuts them (`Kim Jong-un` → `Kim`, `Jong-un`).
fn name_words(name: &str) -> Vec<String> {
    tokenize(name)
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .map(|t| name[t.range()].to_string())
        .collect()
}

/// The keys an entity meets entities of other stories by (see the module doc).
fn keys_of(e: &Entity) -> Vec<String> {
    let mut keys = Vec::new();
    if e.entity_type == EntityType::Person {
        for words in forms(e).map(name_words) {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            if words.len() >= 2 {
                keys.push(format!("p:{}", person_key(&words)));
            }
        }
        if keys.is_empty() {
            // One word only: it meets the same word in another story.
            let words = name_words(&e.name);
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            keys.push(format!("p1:{}", person_key(&words)));
        }
        return keys;
    }
    let kind = match e.entity_type {
        EntityType::Organization => "o",
        EntityType::Location => "l",
        _ => "m",
    };
    for form in forms(e) {
        let words = name_words(form);
        if words.is_empty() {
            continue;
        }
        let key = phrase_key(words.iter().map(String::as_str));
        // A listed name also meets its list's canonical form (`DPRK` → `North Korea`).
        if let Some(ListedPhrase::Place(canonical, _) | ListedPhrase::Organization(canonical, _)) =
            Lexicon::get().phrase(&key)
        {
            keys.push(format!("{kind}:{}", phrase_key(canonical.split(' '))));
        }
        keys.push(format!("{kind}:{key}"));
    }
    if e.subtype.as_deref() == Some("facility") {
        keys.extend(facility_key(&e.name));
    }
    keys
}

/// `Vostochny Cosmodrome` and `Vostochny space center` → `f:vostochny:spaceport`.
fn facility_key(name: &str) -> Option<String> {
    let lex = Lexicon::get();
    let words = name_words(name);
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let n = words.len();
    let kind_words = if n >= 2 && lex.is_facility_word(&words[n - 1]) {
        1
    } else {
        (1..n.min(4))
            .find(|&k| {
                let tail: Vec<&str> = lower[n - k..].iter().map(String::as_str).collect();
                lex.facility_follower_len(&tail) == k
            })
            .unwrap_or(0)
    };
    if kind_words == 0 {
        return None;
    }
    let kind = lower[n - kind_words..].join(" ");
    let kind = FACILITY_SYNONYMS
        .iter()
        .find(|line| line.contains(&kind.as_str()))
        .map_or(kind.as_str(), |line| line[0]);
    let base = phrase_key(words[..n - kind_words].iter().map(String::as_str));
    Some(format!("f:{base}:{kind}"))
}

/// Union-find over entity (or quote) indices, with path halving.
pub(super) struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    pub fn new(n: usize) -> DisjointSets {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`; the smaller index stays the root.
    pub fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.parent[a.max(b)] = a.min(b);
        }
    }
}
