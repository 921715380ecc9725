//! People, organizations, places and nationalities the story names, each with every
//! mention gathered under one canonical name.
//!
//! Three steps: `recognize` cuts candidate mentions from the tokens (runs of
//! capitalized words cut and typed by compact word lists compiled in from `data/`,
//! plus the dateline's place and agency: high recall, rough types); `model` decides
//! whether each candidate is an entity and of which type with a trained linear model
//! over hashed features, in two passes so a story's clearest mention of a name decides
//! its others; and `cluster` merges them into entities (`Vladimir Putin` / `Putin`;
//! `Kim Jong-un` / `Kim Jong Un` / `Kim`, apart from `Kim Jong-il`). Everything is
//! hash lookups over the tokens: linear in the story's length.
//!
//! Last, `subtype` reads finer types from the names' head words (`Pacific Ocean`:
//! water, `Labour Party`: party).
//!
//! Knowingly wrong: the model types what the recognizer cut, so a wrong boundary stays
//! wrong; subtypes come from word lists and head words only; lowercase names (`dpa`) are found
//! only when listed.

mod cluster;
mod lexicon;
mod model;
mod recognize;
mod subtype;

use crate::analysis::Entity;
use crate::anatomy::Anatomy;
use crate::patterns::OwnMention;
use crate::text::Document;
use recognize::Mention;

// The name keys and word lists that `compare` matches entities of several stories by.
pub(crate) use cluster::person_key;
pub(crate) use lexicon::{phrase_key, Lexicon, ListedPhrase};

/// Finds the story's entities (byte offsets). Reads the dateline the anatomy stage found
/// and leaves out its furniture; takes the mentions the caller's typed patterns found
/// (`own`, sorted).
pub fn find_entities(doc: &Document, anatomy: &Anatomy, own: &[OwnMention]) -> Vec<Entity> {
    let mut mentions = recognize::find_mentions(doc, anatomy);
    // Nobody named in boilerplate, a credit line or a photo credit is in the story.
    let furniture = anatomy.furniture();
    mentions.retain(|m| !within(&furniture, doc.token_span(m.tokens.clone()).start));
    let byline = anatomy.byline.as_ref().map(|b| b.span.range());
    model::type_mentions(doc, byline, &mut mentions);
    if !own.is_empty() {
        mentions = with_own_mentions(doc, mentions, own);
    }
    let mut entities = cluster::cluster(doc, mentions);
    subtype::give_subtypes(&mut entities);
    give_own_types(&mut entities, own);
    entities
}

/// The caller's mentions in place of the recognizer's that overlap them, typed, so they
/// join clustering like any other (`Sen. Roe` and `Roe` still meet).
fn with_own_mentions(doc: &Document, found: Vec<Mention>, own: &[OwnMention]) -> Vec<Mention> {
    let mut own_tokens: Vec<Mention> = Vec::with_capacity(own.len());
    for m in own {
        let tokens = doc.tokens_within(m.bytes.clone());
        // Overlapping own matches: the first (and longest, being sorted) wins.
        if own_tokens
            .last()
            .is_some_and(|o| o.tokens.end > tokens.start)
        {
            continue;
        }
        own_tokens.push(Mention::of_type(tokens, m.entity_type));
    }
    let mut next = 0;
    let mut kept: Vec<Mention> = found
        .into_iter()
        .filter(|m| {
            while next < own_tokens.len() && own_tokens[next].tokens.end <= m.tokens.start {
                next += 1;
            }
            own_tokens
                .get(next)
                .is_none_or(|o| o.tokens.start >= m.tokens.end)
        })
        .collect();
    kept.extend(own_tokens);
    kept.sort_by_key(|m| m.tokens.start);
    kept
}

/// An entity any of whose mentions a typed pattern made takes that pattern's type and
/// subtype, whatever the other mentions suggested.
fn give_own_types(entities: &mut [Entity], own: &[OwnMention]) {
    for entity in entities {
        let made = entity.mentions.iter().find_map(|span| {
            let at = own.partition_point(|o| o.bytes.start < span.start);
            own[at..]
                .iter()
                .take_while(|o| o.bytes.start == span.start)
                .find(|o| o.bytes == span.range())
        });
        if let Some(own) = made {
            entity.entity_type = own.entity_type;
            entity.subtype = own.subtype.clone();
        }
    }
}

/// `at` lies inside one of `ranges` (sorted by start, not overlapping much).
fn within(ranges: &[std::ops::Range<usize>], at: usize) -> bool {
    let next = ranges.partition_point(|r| r.start <= at);
    ranges[..next].iter().rev().take(2).any(|r| r.contains(&at))
}

/// The recognizer's candidates with the model's features, for `train-entities`:
/// each candidate's byte range and hashed features.
pub fn training_candidates(text: &str) -> Vec<(std::ops::Range<usize>, Vec<u32>)> {
    let doc = Document::new(text);
    let anatomy = crate::anatomy::find_anatomy(&doc);
    let mentions = recognize::find_mentions(&doc, &anatomy);
    model::training_candidates(&doc, &mentions)
}

/// The model's shape, for `train-entities`: rows of the weight table and classes.
pub const MODEL_SHAPE: (usize, usize) = (model::BUCKETS, model::CLASSES.len());
