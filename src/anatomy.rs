//! Wire-story anatomy: headline, editor's notes, byline, dateline, captions, end
//! marker, e-mail addresses and body paragraphs.

use crate::analysis::{Analysis, Span};
use crate::text::Document;

/// Fills the anatomy fields of `analysis` (byte offsets).
pub fn find_anatomy(doc: &Document, analysis: &mut Analysis) {
    analysis.paragraphs = doc
        .lines
        .iter()
        .map(|r| Span::new(doc.text, r.clone()))
        .collect();
}
