//! The layering of `src/`: each stage reads only what runs before it.
//!
//! The foundation modules (the contract, offsets, text, calendar, word lists) use no
//! stage; a stage uses the foundation and the stages before it in the pipeline of
//! `src/lib.rs::analyze`, never one after it. Checked on the source: every `crate::X`
//! path outside comments names its module `X`.

use std::path::{Path, PathBuf};

/// Modules every stage may use; they use no stage themselves.
const FOUNDATION: &[&str] = &[
    "analysis",
    "offsets",
    "text",
    "calendar",
    "wordlists",
    "timings",
];

/// The stages, in the order `analyze` runs them; then `compare`, which reads analyses.
const PIPELINE: &[&str] = &[
    "anatomy", "patterns", "entities", "quotes", "dates", "figures", "compare",
];

/// The shells around the core: they may use anything.
const SHELLS: &[&str] = &["lib", "main", "bin", "jsonl", "wasm", "options"];

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to: `src/quotes/marks.rs` → `quotes`.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("inside src");
    let first = relative.components().next().expect("a file");
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_string()
}

/// The modules named by `crate::X` paths in the code of `source` (comments left out).
fn crate_paths(source: &str) -> Vec<(usize, String)> {
    let mut used = Vec::new();
    for (n, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                used.push((n + 1, name));
            }
        }
    }
    used
}

#[test]
fn no_module_uses_a_stage_that_runs_after_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        if SHELLS.contains(&module.as_str()) {
            continue;
        }
        let own_rank = PIPELINE.iter().position(|s| *s == module);
        assert!(
            own_rank.is_some() || FOUNDATION.contains(&module.as_str()),
            "{}: module `{module}` is in no layer; add it to tests/layering.rs",
            file.display()
        );
        let source = std::fs::read_to_string(file).expect("readable source");
        for (line, used) in crate_paths(&source) {
            let Some(used_rank) = PIPELINE.iter().position(|s| *s == used) else {
                continue; // the foundation, or a shell-free helper
            };
            if own_rank.is_none_or(|own| used_rank > own) {
                wrong.push(format!(
                    "{}:{line}: `{module}` uses `crate::{used}`",
                    file.display()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken:\n{}", wrong.join("\n"));
}

#[test]
fn the_checker_sees_paths() {
    let uses = crate_paths("use crate::quotes::x; // crate::dates\nlet a = crate::entities::f();");
    let names: Vec<&str> = uses.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(names, ["quotes", "entities"]);
}
