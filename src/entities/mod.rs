//! People, organizations, places and nationalities the story names, each with every
//! mention gathered under one canonical name.
//!
//! Two steps: `recognize` finds typed mentions in the tokens (runs of capitalized
//! words cut and typed by compact word lists compiled in from `data/`, plus the
//! dateline's place and agency), and `cluster` merges them into entities (`Vladimir
//! Putin` / `Putin`; `Kim Jong-un` / `Kim Jong Un` / `Kim`, apart from `Kim Jong-il`).
//! Everything is hash lookups over the tokens: linear in the story's length.
//!
//! Knowingly wrong: no statistical model, so a name no list knows and no context types
//! is guessed (a person when it has two words or more, an organization when it has
//! one); lowercase names (`dpa`) are found only when listed.

mod cluster;
mod lexicon;
mod recognize;

use crate::analysis::Entity;
use crate::anatomy::Anatomy;
use crate::text::Document;

// The name keys and word lists that `compare` matches entities of several stories by.
pub(crate) use cluster::person_key;
pub(crate) use lexicon::{phrase_key, Lexicon, ListedPhrase};

/// Finds the story's entities (byte offsets). Reads the dateline the anatomy stage found
/// and leaves out its furniture.
pub fn find_entities(doc: &Document, anatomy: &Anatomy) -> Vec<Entity> {
    let mut mentions = recognize::find_mentions(doc, anatomy);
    // Nobody named in boilerplate, a credit line or a photo credit is in the story.
    let furniture = anatomy.furniture();
    mentions.retain(|m| !within(&furniture, doc.token_span(m.tokens.clone()).start));
    cluster::cluster(doc, mentions)
}

/// `at` lies inside one of `ranges` (sorted by start, not overlapping much).
fn within(ranges: &[std::ops::Range<usize>], at: usize) -> bool {
    let next = ranges.partition_point(|r| r.start <= at);
    ranges[..next].iter().rev().take(2).any(|r| r.contains(&at))
}
