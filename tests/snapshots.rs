//! Snapshot tests: the full analysis of every story the project ships (the seeds in
//! `tests/fixtures/` and the benchmark stories in `benches/stories/`) is kept as pretty
//! JSON under `tests/snapshots/` and compared on every run, so that any change in
//! behaviour shows up as a reviewed diff in the commit that causes it.
//!
//! `UPDATE_SNAPSHOTS=1 cargo test --release --test snapshots` rewrites the files (and
//! removes those whose story is gone); read `git diff tests/snapshots` before committing.
//!
//! Every story is analyzed with a fixed reference date, in the default unit (UTF-16),
//! and in UTF-8 bytes for the story with non-ASCII text in several scripts.

mod common;

use article_analyzer::{analyze, CalendarDate, OffsetUnit, Options};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The date every snapshot is resolved against, so that snapshots do not change with
/// the day the tests run.
const REFERENCE_DATE: CalendarDate = CalendarDate {
    year: 2023,
    month: 9,
    day: 14,
};

/// Stories also kept in UTF-8 offsets: those where the units differ.
const UTF8_TOO: &[&str] = &["mixed-scripts"];

/// How many lines of each side a mismatch shows.
const DIFF_LINES: usize = 24;

fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots")
}

/// Every snapshot to compare: its file name under `tests/snapshots/` and the analysis
/// JSON it must hold.
fn current_snapshots() -> Vec<(String, String)> {
    let mut snapshots = Vec::new();
    for (path, text) in common::stories() {
        let path = Path::new(&path);
        let folder = path
            .parent()
            .and_then(Path::file_name)
            .and_then(|f| f.to_str())
            .expect("a story lives in a folder");
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a story file name is UTF-8");
        let mut units = vec![OffsetUnit::Utf16];
        if UTF8_TOO.contains(&stem) {
            units.push(OffsetUnit::Utf8);
        }
        for unit in units {
            let options = Options {
                offsets: unit,
                reference_date: Some(REFERENCE_DATE),
                ..Options::default()
            };
            let analysis = analyze(&text, &options);
            let mut json = serde_json::to_string_pretty(&analysis).expect("analysis serializes");
            json.push('\n');
            let suffix = match unit {
                OffsetUnit::Utf16 => String::new(),
                other => format!(".{other}"),
            };
            snapshots.push((format!("{folder}/{stem}{suffix}.json"), json));
        }
    }
    snapshots
}

/// The snapshot files on disk, as names relative to `tests/snapshots/`.
fn stored_snapshots() -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let root = snapshot_dir();
    let Ok(folders) = std::fs::read_dir(&root) else {
        return found;
    };
    for folder in folders.flatten().filter(|e| e.path().is_dir()) {
        for file in std::fs::read_dir(folder.path())
            .expect("readable folder")
            .flatten()
        {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "json") {
                let name = path.strip_prefix(&root).expect("under the root");
                found.insert(name.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found
}

/// A readable diff of two texts: the changed lines (`-` stored, `+` now) with their
/// line numbers and two lines of context, cut after `DIFF_LINES` changed lines.
fn diff(expected: &str, actual: &str) -> String {
    let old: Vec<&str> = expected.lines().collect();
    let new: Vec<&str> = actual.lines().collect();
    // Common head and tail first, then a longest-common-subsequence table over the
    // rest (small: snapshots are a few thousand lines and changes are local).
    let head = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let tail = old[head..]
        .iter()
        .rev()
        .zip(new[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (a, b) = (&old[head..old.len() - tail], &new[head..new.len() - tail]);
    let width = b.len() + 1;
    let mut lcs = vec![0u32; (a.len() + 1) * width];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i * width + j] = if a[i] == b[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    // The edit script as (sign, line number in its file, line).
    let mut script: Vec<(char, usize, &str)> = (0..head).map(|k| (' ', k + 1, old[k])).collect();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            script.push((' ', head + j + 1, a[i]));
            (i, j) = (i + 1, j + 1);
        } else if i < a.len()
            && (j == b.len() || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])
        {
            script.push(('-', head + i + 1, a[i]));
            i += 1;
        } else {
            script.push(('+', head + j + 1, b[j]));
            j += 1;
        }
    }
    let after = head + b.len();
    script.extend((0..tail).map(|k| (' ', after + k + 1, new[after + k])));
    let changed = script.iter().filter(|(sign, ..)| *sign != ' ').count();
    let near_change = |k: usize| {
        script[k.saturating_sub(2)..(k + 3).min(script.len())]
            .iter()
            .any(|(sign, ..)| *sign != ' ')
    };
    let mut out = format!("{changed} lines differ (- stored, + now):\n");
    let (mut shown, mut gap) = (0, false);
    for (k, (sign, line_no, line)) in script.iter().enumerate() {
        if shown == DIFF_LINES {
            out.push_str(&format!("  … {} more changed lines\n", changed - shown));
            break;
        }
        if !near_change(k) {
            gap = true;
            continue;
        }
        if gap {
            out.push_str("  ...\n");
            gap = false;
        }
        out.push_str(&format!("  {sign} {line_no:>5} {line}\n"));
        if *sign != ' ' {
            shown += 1;
        }
    }
    out
}

#[test]
fn every_story_matches_its_snapshot() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1");
    let root = snapshot_dir();
    let current = current_snapshots();
    assert!(
        current.len() >= 11,
        "the stories went missing: {}",
        current.len()
    );

    let mut failures = Vec::new();
    for (name, json) in &current {
        let path = root.join(name);
        let stored = std::fs::read_to_string(&path).ok();
        if stored.as_deref() == Some(json.as_str()) {
            continue;
        }
        if update {
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("create folder");
            std::fs::write(&path, json).expect("write snapshot");
            eprintln!("updated tests/snapshots/{name}");
            continue;
        }
        failures.push(match stored {
            None => format!("tests/snapshots/{name}: missing"),
            Some(stored) => format!("tests/snapshots/{name}: {}", diff(&stored, json)),
        });
    }

    let wanted: BTreeSet<&str> = current.iter().map(|(name, _)| name.as_str()).collect();
    for stale in stored_snapshots()
        .iter()
        .filter(|n| !wanted.contains(n.as_str()))
    {
        if update {
            std::fs::remove_file(root.join(stale)).expect("remove stale snapshot");
            eprintln!("removed tests/snapshots/{stale}");
        } else {
            failures.push(format!(
                "tests/snapshots/{stale}: no story gives it any more"
            ));
        }
    }

    assert!(
        failures.is_empty(),
        "{} of {} snapshots differ (if the change is intended: \
         UPDATE_SNAPSHOTS=1 cargo test --release --test snapshots, then read git diff):\n\n{}",
        failures.len(),
        current.len(),
        failures.join("\n")
    );
}
