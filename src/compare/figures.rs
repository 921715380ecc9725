//! Figures and dates across stories: the same quantity stated by several, and whether
//! they give it the same value.
//!
//! Two items (figures, or dates) of different stories are the same quantity when they
//! are of one kind (money in one currency, percentages, quantities in one unit and per
//! one thing, dates) and the words around them agree: at least one content word in
//! common among the four nearest on each side within the paragraph when their values
//! are equal, at least three when they differ (`a $44.5 million contract to build the
//! bridge` / `a $45 million contract to build the bridge`); dates of different
//! precision never differ (`2011` / `2023-09-13`). The best-agreeing pairs join first,
//! and never so that one story states a quantity twice.
//!
//! Knowingly wrong: a figure converted to another currency or unit (`$40 million` /
//! `50 billion won`) is two quantities; a quantity stated in other words around it is
//! never matched, and two different quantities in like sentences can be.

use super::entities::DisjointSets;
use super::{FigureVersion, SharedFigure, Story};
use crate::analysis::FigureKind;
use crate::text::{tokenize, TokenKind};
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

/// Content words looked at on each side of an item.
const CONTEXT_WORDS: usize = 4;
/// How far (bytes) on each side the context is looked for.
const CONTEXT_BYTES: usize = 240;

/// An item to match: which story, its index there, its bytes, kind key and value.
struct Item {
    story: usize,
    index: usize,
    bytes: Range<usize>,
    kind: String,
    value: String,
    number: Option<f64>,
    context: Vec<String>,
}

/// The stories' figures (`dates == false`) or dates aligned into shared quantities, and
/// for each story the indices of the items no other story matches.
pub(super) fn align_figures(
    stories: &[Story],
    dates: bool,
) -> (Vec<SharedFigure>, Vec<Vec<usize>>) {
    let mut items: Vec<Item> = Vec::new();
    for (s, story) in stories.iter().enumerate() {
        if dates {
            for (i, d) in story.analysis.dates.iter().enumerate() {
                let (Some(bytes), Some(value)) = (story.dates[i].clone(), d.value.clone()) else {
                    continue;
                };
                items.push(Item {
                    story: s,
                    index: i,
                    context: context_words(story.text, bytes.clone()),
                    bytes,
                    kind: "date".to_string(),
                    value,
                    number: None,
                });
            }
        } else {
            for (i, f) in story.analysis.figures.iter().enumerate() {
                let Some(bytes) = story.figures[i].clone() else {
                    continue;
                };
                let v = &f.value;
                let kind = match f.kind {
                    FigureKind::Money => "money",
                    FigureKind::Percent => "percent",
                    FigureKind::Quantity => "quantity",
                };
                let measure = v.currency.as_deref().or(v.unit.as_deref()).unwrap_or("");
                items.push(Item {
                    story: s,
                    index: i,
                    context: context_words(story.text, bytes.clone()),
                    bytes,
                    kind: format!("{kind}|{measure}|{}", v.per.as_deref().unwrap_or("")),
                    value: [
                        Some(format_number(v.number)),
                        v.currency.clone(),
                        v.unit.clone(),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" "),
                    number: Some(v.number),
                });
            }
        }
    }

    // Pairs of items of different stories with a context word in common, counted.
    let mut by_word: FxHashMap<(&str, &str), Vec<usize>> = FxHashMap::default();
    let mut shared: FxHashMap<(usize, usize), usize> = FxHashMap::default();
    for (i, item) in items.iter().enumerate() {
        for word in &item.context {
            let earlier = by_word.entry((&item.kind, word)).or_default();
            for &j in earlier.iter() {
                if items[j].story != item.story {
                    *shared.entry((j, i)).or_default() += 1;
                }
            }
            earlier.push(i);
        }
    }
    // Best-agreeing pairs first; a pair joins two groups only when no story would then
    // state the quantity twice (which keeps like sentences from chaining into a blob).
    let mut pairs: Vec<((usize, usize), usize)> = shared
        .into_iter()
        .filter(|&((a, b), common)| common >= words_needed(&items[a], &items[b]))
        .collect();
    pairs.sort_unstable_by_key(|&(pair, common)| (std::cmp::Reverse(common), pair));
    let mut sets = DisjointSets::new(items.len());
    let mut stories_of: Vec<Vec<usize>> = items.iter().map(|i| vec![i.story]).collect();
    for ((a, b), _) in pairs {
        let (ra, rb) = (sets.find(a), sets.find(b));
        if ra == rb || stories_of[ra].iter().any(|s| stories_of[rb].contains(s)) {
            continue;
        }
        sets.union(ra, rb);
        let root = sets.find(ra);
        let merged = [
            std::mem::take(&mut stories_of[ra]),
            std::mem::take(&mut stories_of[rb]),
        ]
        .concat();
        stories_of[root] = merged;
    }
    let mut members: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for i in 0..items.len() {
        members.entry(sets.find(i)).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = members.into_values().collect();
    groups.sort_unstable_by_key(|g| g[0]);
    let mut alone: Vec<Vec<usize>> = vec![Vec::new(); stories.len()];
    let mut shared_figures = Vec::new();
    for group in groups {
        let first = &items[group[0]];
        if group.iter().all(|&i| items[i].story == first.story) {
            alone[first.story].extend(group.iter().map(|&i| items[i].index));
            continue;
        }
        let mut about: Vec<String> = first.context.clone();
        about.retain(|w| group.iter().all(|&i| items[i].context.contains(w)));
        about.dedup();
        shared_figures.push(SharedFigure {
            kind: first.kind.split('|').next().unwrap_or_default().to_string(),
            differs: group.iter().any(|&i| !same_value(first, &items[i])),
            about,
            versions: group
                .iter()
                .map(|&i| {
                    let item = &items[i];
                    FigureVersion {
                        span: stories[item.story].span(item.bytes.clone()),
                        story: item.story,
                        index: item.index,
                        value: item.value.clone(),
                    }
                })
                .collect(),
        });
    }
    for list in &mut alone {
        list.sort_unstable();
    }
    (shared_figures, alone)
}

/// Context words two items must share to be one quantity: one when their values agree,
/// three when they differ, and never for dates of different precision (`2011` and
/// `2023-09-13` are no two readings of one date).
fn words_needed(a: &Item, b: &Item) -> usize {
    if same_value(a, b) {
        1
    } else if a.number.is_none() && a.value.len() != b.value.len() {
        usize::MAX
    } else {
        3
    }
}

fn same_value(a: &Item, b: &Item) -> bool {
    match (a.number, b.number) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * x.abs().max(y.abs()),
        _ => a.value == b.value,
    }
}

/// `44500000`, `0.5`: a whole number without a fraction.
fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 9e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// The content words (lowercase) nearest to `item` on each side, within its paragraph.
fn context_words(text: &str, item: Range<usize>) -> Vec<String> {
    let floor = |mut at: usize| {
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let from = floor(item.start.saturating_sub(CONTEXT_BYTES));
    let to = floor((item.end + CONTEXT_BYTES).min(text.len()));
    let before = &text[from..item.start];
    let before = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let after = &text[item.end..to];
    let after = &after[..after.find('\n').unwrap_or(after.len())];
    let words = |t: &str| -> Vec<String> {
        tokenize(t)
            .iter()
            .filter(|tok| tok.kind == TokenKind::Word)
            .map(|tok| t[tok.range()].to_lowercase())
            .filter(|w| w.chars().count() > 1 && !super::words::is_function_word(w))
            .collect()
    };
    let mut out: Vec<String> = words(before)
        .into_iter()
        .rev()
        .take(CONTEXT_WORDS)
        .collect();
    out.extend(words(after).into_iter().take(CONTEXT_WORDS));
    let mut seen = FxHashSet::default();
    out.retain(|w| seen.insert(w.clone()));
    out
}
