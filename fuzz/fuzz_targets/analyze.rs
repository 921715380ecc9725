//! `analyze` on arbitrary text in every offset unit: it must not panic or hang, and the
//! analysis must keep the contract (`check_analysis`).
//!
//! Input: the text (bytes that are not UTF-8 become U+FFFD, as a JavaScript caller's
//! lone surrogates do); its length picks the offset unit and reference date
//! (`options_for`), so a crash file is a plain text file to replay.
#![no_main]

use article_analyzer::analyze;
use article_analyzer_fuzz::{check_analysis, options_for};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = options_for(data);
    let analysis = analyze(&text, &options);
    assert_eq!(analysis.offsets, options.offsets);
    check_analysis(&text, &analysis);
});
