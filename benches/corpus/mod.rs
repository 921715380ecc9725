//! The benchmark corpus: the seed stories and the self-written stories in
//! `benches/stories/`, and longer inputs built from them, normal and pathological.
#![allow(dead_code)] // each bench uses a different part of this module

use std::path::Path;

/// Every `*.txt` story the project ships, as `(file name, text)`, sorted by name.
pub fn stories() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in ["tests/fixtures", "benches/stories"] {
        let entries = std::fs::read_dir(root.join(dir)).expect("story folder");
        for path in entries.flatten().map(|e| e.path()) {
            if path.extension().is_some_and(|e| e == "txt") {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                let text = std::fs::read_to_string(&path).expect("story is UTF-8");
                found.push((name.into_owned(), text));
            }
        }
    }
    found.sort();
    found
}

/// `bytes` (or a little more, never splitting a character) of `unit` repeated.
pub fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut text = unit.repeat(bytes / unit.len().max(1) + 1);
    let mut cut = bytes.min(text.len());
    while !text.is_char_boundary(cut) {
        cut += 1;
    }
    text.truncate(cut);
    text
}

/// The kinds of input whose analysis time must grow linearly with their size: a long
/// story of many paragraphs, and the shapes that make naive code quadratic.
pub fn growing_inputs() -> Vec<(&'static str, String)> {
    let mixed: String = stories()
        .into_iter()
        .map(|(_, text)| text + "\n\n")
        .collect();
    vec![
        ("stories", mixed.clone()),
        ("one-paragraph", mixed.replace(['\n', '\r'], " ")),
        ("straight-quotes", "\"".into()),
        ("unclosed-quotes", "“He said (no, ‘maybe, ".into()),
        (
            "pronoun-attributions",
            "\"Yes,\" he said. \"No,\" she told them. ".into(),
        ),
        (
            "capitalized-run",
            "Kim Jong Un Putin Seoul Korean Central ".into(),
        ),
        ("one-word", "a".into()),
    ]
}
