//! Quotes of different stories aligned into statements, and each version's words
//! compared with the first's.
//!
//! Alignment: two quotes of different stories share a run when three alignment tokens
//! in a row (see `words`) occur in both. They align when the tokens in shared runs hold
//! at least three content words and are either six tokens or more or three fifths of
//! the shorter quote: `Putin accepted the invitation with pleasure` (six, four of them
//! content) aligns a quote with the longer one it was cut from; `top priority` (no run)
//! and `on the common front` (two content words) align nothing. Candidates come from
//! an index of three-token runs, so quotes sharing none are never compared. Aligned
//! quotes are joined into statements transitively: EFE's one quote aligned with each of
//! Yonhap's two makes one statement with two Yonhap quotes.
//!
//! Differences: the words as written (case and `’` aside) of each version, its quotes
//! in text order, against the first version's, by longest common subsequence. A name
//! differing in part differs as a whole (`Kim Jong Un` / `Kim Jong-un`, not `Jong Un` /
//! `Jong-un`), and editorial brackets around a difference belong to it (`[North
//! Korea]`). Punctuation is no difference.
//!
//! Knowingly wrong: past `MAX_CELLS` the middle of two versions (after their common
//! start and end) is one change rather than a word-by-word comparison.

use super::entities::{DisjointSets, Rows};
use super::words::{read_quote, Interner, QuoteWords};
use super::{AlignedQuote, Change, QuoteVersion, Span, Story};
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

/// The largest word-by-word table of one comparison (4 MB of `u32`).
const MAX_CELLS: usize = 1 << 20;

type Trigram = (u32, u32, u32);

pub(super) fn align_quotes(stories: &[Story], rows: &Rows) -> Vec<AlignedQuote> {
    let mut interner = Interner::default();
    let mut quotes: Vec<QuoteWords> = Vec::new();
    for (s, story) in stories.iter().enumerate() {
        for (q, bytes) in story.quotes.iter().enumerate() {
            if let Some(bytes) = bytes {
                quotes.push(read_quote(
                    s,
                    story,
                    q,
                    bytes.clone(),
                    &rows.row_of[s],
                    &mut interner,
                ));
            }
        }
    }
    let trigrams: Vec<FxHashSet<Trigram>> = quotes.iter().map(|q| trigrams_of(&q.tokens)).collect();

    // Candidate pairs: quotes of different stories sharing a run with a content word.
    let mut index: FxHashMap<Trigram, Vec<usize>> = FxHashMap::default();
    let mut candidates: FxHashSet<(usize, usize)> = FxHashSet::default();
    for (i, q) in quotes.iter().enumerate() {
        for at in 0..q.tokens.len().saturating_sub(2) {
            if !q.content[at..at + 3].iter().any(|&c| c) {
                continue;
            }
            let t = (q.tokens[at], q.tokens[at + 1], q.tokens[at + 2]);
            let earlier = index.entry(t).or_default();
            for &p in earlier.iter() {
                if quotes[p].story != q.story {
                    candidates.insert((p, i));
                }
            }
            if earlier.last() != Some(&i) {
                earlier.push(i);
            }
        }
    }
    let mut sets = DisjointSets::new(quotes.len());
    let mut candidates: Vec<(usize, usize)> = candidates.into_iter().collect();
    candidates.sort_unstable();
    for (a, b) in candidates {
        if aligned(&quotes[a], &trigrams[b], &quotes[b], &trigrams[a]) {
            sets.union(a, b);
        }
    }

    // Statements: sets of quotes from two stories or more, in order of first quote.
    let mut members: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for i in 0..quotes.len() {
        members.entry(sets.find(i)).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = members
        .into_values()
        .filter(|g| g.iter().any(|&i| quotes[i].story != quotes[g[0]].story))
        .collect();
    groups.sort_unstable_by_key(|g| g[0]);
    groups
        .iter()
        .map(|g| statement(stories, rows, &quotes, g))
        .collect()
}

/// The three-token runs of a quote.
fn trigrams_of(tokens: &[u32]) -> FxHashSet<Trigram> {
    tokens.windows(3).map(|w| (w[0], w[1], w[2])).collect()
}

/// Whether two quotes report the same statement (see the module doc).
fn aligned(
    a: &QuoteWords,
    b_trigrams: &FxHashSet<Trigram>,
    b: &QuoteWords,
    a_trigrams: &FxHashSet<Trigram>,
) -> bool {
    let (a_shared, a_content) = shared_tokens(a, b_trigrams);
    let (b_shared, b_content) = shared_tokens(b, a_trigrams);
    let shared = a_shared.min(b_shared);
    let content = a_content.min(b_content);
    let shorter = a.tokens.len().min(b.tokens.len());
    content >= 3 && (shared >= 6 || shared * 5 >= shorter * 3)
}

/// How many of `q`'s tokens, and of its content tokens, lie in a run the other has.
fn shared_tokens(q: &QuoteWords, other: &FxHashSet<Trigram>) -> (usize, usize) {
    let mut covered = vec![false; q.tokens.len()];
    for (at, w) in q.tokens.windows(3).enumerate() {
        if other.contains(&(w[0], w[1], w[2])) {
            covered[at..at + 3].iter_mut().for_each(|c| *c = true);
        }
    }
    let shared = covered.iter().filter(|&&c| c).count();
    let content = covered
        .iter()
        .zip(&q.content)
        .filter(|(&c, &k)| c && k)
        .count();
    (shared, content)
}

/// A version's words: its quotes' words in text order, with the quote each belongs to.
struct VersionWords<'q> {
    story: usize,
    quotes: Vec<&'q QuoteWords>,
    /// `(quote within the version, word within the quote)`.
    words: Vec<(usize, usize)>,
    keys: Vec<u32>,
    /// Mention word ranges, in version word indices.
    mentions: Vec<Range<usize>>,
}

impl<'q> VersionWords<'q> {
    fn new(quotes: Vec<&'q QuoteWords>) -> VersionWords<'q> {
        let mut words = Vec::new();
        let mut keys = Vec::new();
        let mut mentions = Vec::new();
        for (v, q) in quotes.iter().enumerate() {
            let base = words.len();
            mentions.extend(q.mentions.iter().map(|m| base + m.start..base + m.end));
            for (w, word) in q.words.iter().enumerate() {
                words.push((v, w));
                keys.push(word.key);
            }
        }
        VersionWords {
            story: quotes[0].story,
            quotes,
            words,
            keys,
            mentions,
        }
    }

    /// The spans of words `range`, one per quote they fall in, each taking in the
    /// editorial brackets around it (`[North Korea]`).
    fn spans(&self, story: &Story, range: Range<usize>) -> Vec<Span> {
        let mut spans: Vec<Span> = Vec::new();
        let mut at = range.start;
        while at < range.end {
            let quote = self.words[at].0;
            let mut end = at;
            while end < range.end && self.words[end].0 == quote {
                end += 1;
            }
            let q = self.quotes[quote];
            let (mut start, mut stop) = (
                q.words[self.words[at].1].bytes.start,
                q.words[self.words[end - 1].1].bytes.end,
            );
            let bytes = story.text.as_bytes();
            if start > 0 && bytes.get(start - 1) == Some(&b'[') && bytes.get(stop) == Some(&b']') {
                start -= 1;
                stop += 1;
            }
            spans.push(story.span(start..stop));
            at = end;
        }
        spans
    }
}

fn statement(
    stories: &[Story],
    rows: &Rows,
    quotes: &[QuoteWords],
    group: &[usize],
) -> AlignedQuote {
    let mut by_story: Vec<(usize, Vec<&QuoteWords>)> = Vec::new();
    let mut sorted: Vec<&QuoteWords> = group.iter().map(|&i| &quotes[i]).collect();
    sorted.sort_by_key(|q| (q.story, q.quote));
    for q in sorted {
        match by_story.last_mut().filter(|(s, _)| *s == q.story) {
            Some((_, list)) => list.push(q),
            None => by_story.push((q.story, vec![q])),
        }
    }
    let versions: Vec<VersionWords> = by_story
        .into_iter()
        .map(|(_, q)| VersionWords::new(q))
        .collect();
    let speaker_of = |story: usize, quote: usize| -> (Option<String>, Option<usize>) {
        let speaker = stories[story].analysis.quotes[quote].speaker.as_ref();
        let row = speaker
            .and_then(|sp| sp.entity)
            .and_then(|e| rows.row_of[story].get(e).copied());
        match row {
            Some(r) => (Some(rows.entities[r].name.clone()), Some(r)),
            None => (speaker.map(|sp| sp.name.clone()), None),
        }
    };
    // The speaker row most versions name, the first on a tie.
    let mut votes: Vec<(usize, usize)> = Vec::new();
    for v in &versions {
        let mut named: Vec<usize> = v
            .quotes
            .iter()
            .filter_map(|q| speaker_of(v.story, q.quote).1)
            .collect();
        named.dedup();
        for row in named {
            match votes.iter_mut().find(|(r, _)| *r == row) {
                Some((_, n)) => *n += 1,
                None => votes.push((row, 1)),
            }
        }
    }
    let speaker_entity = votes.iter().rev().max_by_key(|(_, n)| *n).map(|(r, _)| *r);
    let speaker = match speaker_entity {
        Some(r) => Some(rows.entities[r].name.clone()),
        None => versions
            .iter()
            .find_map(|v| speaker_of(v.story, v.quotes[0].quote).0),
    };
    let reference = &versions[0];
    AlignedQuote {
        speaker,
        speaker_entity,
        versions: versions
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let (speaker, speaker_entity) = speaker_of(v.story, v.quotes[0].quote);
                QuoteVersion {
                    story: v.story,
                    quotes: v.quotes.iter().map(|q| q.quote).collect(),
                    speaker,
                    speaker_entity,
                    changes: if i == 0 {
                        Vec::new()
                    } else {
                        changes(stories, reference, v)
                    },
                }
            })
            .collect(),
    }
}

/// Where `version`'s words differ from `reference`'s (see the module doc).
fn changes(stories: &[Story], reference: &VersionWords, version: &VersionWords) -> Vec<Change> {
    let (a, b) = (&reference.keys, &version.keys);
    let mut partner_a: Vec<Option<usize>> = vec![None; a.len()];
    let mut partner_b: Vec<Option<usize>> = vec![None; b.len()];
    for (i, j) in common_subsequence(a, b) {
        partner_a[i] = Some(j);
        partner_b[j] = Some(i);
    }
    // A name that differs in part differs as a whole, on both sides.
    while widen_names(&reference.mentions, &mut partner_a, &mut partner_b)
        | widen_names(&version.mentions, &mut partner_b, &mut partner_a)
    {}
    let pairs: Vec<(usize, usize)> = partner_a
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.map(|j| (i, j)))
        .chain([(a.len(), b.len())])
        .collect();
    let mut out = Vec::new();
    let (mut i0, mut j0) = (0, 0);
    for (i, j) in pairs {
        if i > i0 || j > j0 {
            out.push(Change {
                reference: reference.spans(&stories[reference.story], i0..i),
                version: version.spans(&stories[version.story], j0..j),
            });
        }
        (i0, j0) = (i + 1, j + 1);
    }
    out
}

/// Unpairs every word of a mention some of whose words are unpaired; whether any was.
fn widen_names(
    mentions: &[Range<usize>],
    mine: &mut [Option<usize>],
    theirs: &mut [Option<usize>],
) -> bool {
    let mut changed = false;
    for m in mentions {
        let paired = mine[m.clone()].iter().filter(|p| p.is_some()).count();
        if paired == 0 || paired == m.len() {
            continue;
        }
        for i in m.clone() {
            if let Some(j) = mine[i].take() {
                theirs[j] = None;
                changed = true;
            }
        }
    }
    changed
}

/// Index pairs of a longest common subsequence of `a` and `b`: common start and end
/// first, then a table over the middle when it fits in `MAX_CELLS`.
fn common_subsequence(a: &[u32], b: &[u32]) -> Vec<(usize, usize)> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut pairs: Vec<(usize, usize)> = (0..prefix).map(|i| (i, i)).collect();
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let (n, m) = (ma.len(), mb.len());
    if n > 0 && m > 0 && (n + 1) * (m + 1) <= MAX_CELLS {
        // lengths[i][j]: the longest common subsequence of ma[i..] and mb[j..].
        let width = m + 1;
        let mut lengths = vec![0u32; (n + 1) * width];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lengths[i * width + j] = if ma[i] == mb[j] {
                    lengths[(i + 1) * width + j + 1] + 1
                } else {
                    lengths[(i + 1) * width + j].max(lengths[i * width + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n && j < m {
            if ma[i] == mb[j] {
                pairs.push((prefix + i, prefix + j));
                i += 1;
                j += 1;
            } else if lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    pairs.extend((0..suffix).map(|k| (a.len() - suffix + k, b.len() - suffix + k)));
    pairs
}
