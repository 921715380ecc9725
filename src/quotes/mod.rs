//! Quotations and who said them.
//!
//! Two steps: `marks` finds the stretches between quotation marks in the body
//! (headline, notes, captions and a web page's furniture left out), and `attribution` finds for each one its
//! cue and speaker and resolves the speaker to a name and entity. A quotation is
//! `full` when it opens its clause (at the start of a sentence, after a colon or right
//! after a cue: `said “we are …”`) and `partial` when it is a phrase inside the
//! reporter's sentence (`a “sacred fight”`). `attribution` also finds the reported
//! statements without marks (`indirect`: `Putin said afterwards that …`); all quotes
//! go through one speaker memory in text order, so `he said` after a reported statement
//! may be its speaker.

mod attribution;
mod marks;

use crate::analysis::{Entity, Quote, QuoteKind, Span, Speaker};
use crate::anatomy::Anatomy;
use crate::text::Document;
use crate::wordlists::{contains, List};
use attribution::{Attribution, Attributor, ReportedStatement, ResolvedSpeaker, Speakers};
use std::ops::Range;

/// Finds every quotation of the body with its kind, cue and speaker (byte offsets).
pub fn find_quotes(doc: &Document, anatomy: &Anatomy, entities: &[Entity]) -> Vec<Quote> {
    let excluded = anatomy.unquotable();
    let quotations = marks::find_quotations(doc.text, &doc.lines, &excluded);
    let attributor = Attributor::new(doc, entities, &quotations);
    let mut speakers = Speakers::default();
    let reported = attributor.reported_statements(&excluded);
    let mut reported = reported.into_iter().peekable();
    let mut quotes = Vec::with_capacity(quotations.len() + reported.len());
    // The last attribution and the line it ended on, for `“…,” he said. “…”`.
    let mut last: Option<(u32, Option<Range<usize>>, ResolvedSpeaker)> = None;
    for q in &quotations {
        let tokens = attributor.quote_tokens(q);
        if tokens.is_empty() {
            continue;
        }
        while let Some(statement) = reported.next_if(|r| r.content.start < q.inner.start) {
            quotes.extend(indirect_quote(doc, &attributor, &mut speakers, statement));
        }
        let full = attributor.opens_clause(tokens.clone());
        let line = attributor.line_at(tokens.start);
        let found = attributor
            .attribute(tokens.clone(), full)
            .or_else(|| {
                attributor
                    .colon_intro(tokens.clone())
                    .map(|speaker| Attribution { cue: None, speaker })
            })
            .or_else(|| {
                // Only when no quotation before it in the paragraph gave a speaker.
                let keeps = last.as_ref().is_some_and(|(l, _, _)| *l == line);
                (full && !keeps)
                    .then(|| attributor.previous_sentence_attribution(tokens.clone()))
                    .flatten()
            });
        let (mut cue, mut speaker) = match found {
            Some(found) => (
                found.cue,
                Some(speakers.resolve(&attributor, found.speaker)),
            ),
            None => (None, None),
        };
        // A full quotation without attribution keeps the speaker of the one before it
        // in its paragraph, or of the paragraph before when it opens its own.
        if speaker.is_none() && full {
            if let Some((l, c, s)) = &last {
                let whole_line =
                    attributor.opens_line(tokens.start) && attributor.closes_line(tokens.end - 1);
                if *l == line || (whole_line && *l + 1 == line) {
                    cue = c.clone();
                    speaker = Some(s.clone());
                }
            }
        }
        let end_line = attributor.line_at(tokens.end - 1);
        if let Some(s) = &speaker {
            last = Some((end_line, cue.clone(), s.clone()));
        }
        quotes.push(Quote {
            span: Span::new(doc.text, q.inner.clone()),
            kind: if full {
                QuoteKind::Full
            } else {
                QuoteKind::Partial
            },
            speaker: speaker.map(|s| Speaker {
                span: Span::new(doc.text, s.mention),
                name: s.name,
                entity: s.entity,
            }),
            cue: cue.map(|c| Span::new(doc.text, c)),
        });
    }
    for statement in reported {
        quotes.extend(indirect_quote(doc, &attributor, &mut speakers, statement));
    }
    quotes
}

/// The quote of a reported statement, or `None` when its speaker is a pronoun that
/// names nobody in the text (an indirect quote without a speaker is dropped).
fn indirect_quote(
    doc: &Document,
    attributor: &Attributor,
    speakers: &mut Speakers,
    statement: ReportedStatement,
) -> Option<Quote> {
    let speaker = speakers.resolve(attributor, statement.attribution.speaker);
    let unnamed = speaker.entity.is_none() && doc.text[speaker.mention.clone()] == speaker.name;
    let pronoun = |list| contains(list, &speaker.name);
    if unnamed && (pronoun(List::PersonPronouns) || pronoun(List::ThingPronouns)) {
        return None;
    }
    Some(Quote {
        span: Span::new(doc.text, statement.content),
        kind: QuoteKind::Indirect,
        speaker: Some(Speaker {
            span: Span::new(doc.text, speaker.mention),
            name: speaker.name,
            entity: speaker.entity,
        }),
        cue: statement.attribution.cue.map(|c| Span::new(doc.text, c)),
    })
}
