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
//! Knowingly wrong: the model types what the recognizer cut, so a wrong boundary stays
//! wrong; subtypes come from the word lists only; lowercase names (`dpa`) are found
//! only when listed.

mod cluster;
mod lexicon;
mod model;
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
    let byline = anatomy.byline.as_ref().map(|b| b.span.range());
    model::type_mentions(doc, byline, &mut mentions);
    cluster::cluster(doc, mentions)
}

/// `at` lies inside one of `ranges` (sorted by start, not overlapping much).
fn within(ranges: &[std::ops::Range<usize>], at: usize) -> bool {
    let next = ranges.partition_point(|r| r.start <= at);
    ranges[..next].iter().rev().take(2).any(|r| r.contains(&at))
}

/// The recognizer's candidates with the model's features, for `train-entities`:
/// each candidate's byte range, hashed features and lowercased words.
pub fn training_candidates(text: &str) -> Vec<(std::ops::Range<usize>, Vec<u32>, String)> {
    let doc = Document::new(text);
    let anatomy = crate::anatomy::find_anatomy(&doc);
    let mentions = recognize::find_mentions(&doc, &anatomy);
    model::training_candidates(&doc, &mentions)
}

/// The model's shape, for `train-entities`: rows of the weight table and classes.
pub const MODEL_SHAPE: (usize, usize) = (model::BUCKETS, model::CLASSES.len());
