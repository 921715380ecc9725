//! Quotations and who said them.

use crate::analysis::{Analysis, Quote};
use crate::text::Document;

pub fn find_quotes(_doc: &Document, _analysis: &Analysis) -> Vec<Quote> {
    Vec::new()
}
