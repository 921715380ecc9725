//! The command-line tool at scale and on bad input, through the built binary: every
//! JSON line gets exactly one answer line, in input order, whatever the line holds
//! (bad JSON, no text, binary garbage, a 20 MB story); a 50 MB story goes through; bad
//! arguments and unreadable files exit with 2 and a message.

mod common;

use article_analyzer::OffsetUnit;
use common::check_spans_json;
use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the binary with `args`, feeding `input` on standard input.
fn run(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-analyzer"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    // Write from another thread: the child's output pipe may fill before input ends.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().expect("the binary ends");
    writer
        .join()
        .expect("writer thread")
        .expect("input written");
    output
}

fn output_rows(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .expect("output is UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("each output line is JSON"))
        .collect()
}

/// A story about `bytes` long, made of the shipped stories one after another.
fn long_story(bytes: usize) -> String {
    let stories: Vec<String> = common::stories().into_iter().map(|(_, t)| t).collect();
    let mut text = String::with_capacity(bytes + 8192);
    for story in stories.iter().cycle() {
        if text.len() >= bytes {
            break;
        }
        text.push_str(story);
        text.push_str("\n\n");
    }
    text
}

/// Debug builds analyze much more slowly: there the big inputs are a tenth the size.
fn scaled(bytes: usize) -> usize {
    if cfg!(debug_assertions) {
        bytes / 10
    } else {
        bytes
    }
}

#[test]
fn every_jsonl_line_gets_one_answer_in_input_order() {
    let big = long_story(scaled(20 << 20));
    // (line, id it must answer with, whether an analysis is expected)
    let mut lines: Vec<(Vec<u8>, Value, bool)> = vec![
        (
            json!({"id": 0, "text": big}).to_string().into(),
            json!(0),
            true,
        ),
        (b"{not json".to_vec(), Value::Null, false),
        (br#"{"id": "no-text"}"#.to_vec(), json!("no-text"), false),
        (
            b"\x00\xff\xfe garbage \x80\x81 {\"text\": ".to_vec(),
            Value::Null,
            false,
        ),
        (br#"{"id": 4, "text": 42}"#.to_vec(), json!(4), false),
        (
            br#"{"id": 5, "text": "lone \ud800 surrogate"}"#.to_vec(),
            json!(5),
            false,
        ),
        (
            br#"{"id": 6, "text": "Hi.", "reference_date": "2023-02-30"}"#.to_vec(),
            json!(6),
            false,
        ),
        // Blank lines are skipped, not answered.
        (b"\r".to_vec(), Value::Null, false),
        (b"   ".to_vec(), Value::Null, false),
    ];
    for id in 7..600 {
        let text = format!("SEOUL, Sept. 14 (Yonhap) -- \"Story {id},\" Kim said.\r");
        let line = json!({"id": id, "text": text, "reference_date": "2023-09-14"}).to_string();
        lines.push((line.into(), json!(id), true));
    }
    let mut input = Vec::new();
    for (line, _, _) in &lines {
        input.extend_from_slice(line);
        input.extend_from_slice(b"\r\n");
    }
    let expected: Vec<(Value, bool)> = lines
        .into_iter()
        .filter(|(line, _, _)| !line.iter().all(u8::is_ascii_whitespace))
        .map(|(_, id, ok)| (id, ok))
        .collect();
    let output = run(&["--jsonl", "--threads", "3"], &input);
    assert!(output.status.success(), "{output:?}");
    let rows = output_rows(&output);
    assert_eq!(rows.len(), expected.len(), "one output line per input line");
    for (row, (id, ok)) in rows.iter().zip(&expected) {
        assert_eq!(&row["id"], id, "output order = input order");
        assert_eq!(
            row.get("analysis").is_some(),
            *ok,
            "{id}: {}",
            row.to_string().chars().take(200).collect::<String>()
        );
        assert_eq!(row.get("error").is_some(), !*ok, "{id}");
    }
    let first = &rows[0]["analysis"];
    assert!(check_spans_json(&big, OffsetUnit::Utf16, first) > 0);
}

#[test]
fn a_50_mb_story_as_a_file() {
    let text = long_story(scaled(50 << 20));
    let path =
        std::env::temp_dir().join(format!("article-analyzer-50mb-{}.txt", std::process::id()));
    std::fs::write(&path, &text).expect("temp file");
    let output = run(&["--offsets", "utf8", path.to_str().unwrap()], b"");
    std::fs::remove_file(&path).ok();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let analysis: Value = serde_json::from_slice(&output.stdout).expect("one JSON document");
    assert_eq!(analysis["version"], 1);
    assert!(check_spans_json(&text, OffsetUnit::Utf8, &analysis) > 0);
}

#[test]
fn binary_garbage_as_a_file_is_analyzed_as_far_as_it_reads() {
    let garbage: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let output = run(&[], &garbage);
    assert!(output.status.success(), "{output:?}");
    let analysis: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let text = String::from_utf8_lossy(&garbage);
    check_spans_json(&text, OffsetUnit::Utf16, &analysis);
}

#[test]
fn bad_arguments_and_unreadable_files_exit_with_2() {
    let empty = std::env::temp_dir().join(format!("article-analyzer-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).expect("temp folder");
    let empty = empty.to_str().unwrap();
    for args in [
        &["--bogus"][..],
        &["--offsets", "utf32"],
        &["--offsets"],
        &["--threads", "0"],
        &["--jsonl", "--threads", "many"],
        &["--reference-date", "soon"],
        &["/nonexistent/story.txt"],
        &[empty],             // a folder without *.txt
        &["--format", "csv"], // a table format without --table
        &["--table", "people"],
        &["--format", "xml", "--table", "quotes"],
        &["--jsonl", "--table", "quotes"],
        &[
            "--output",
            "/nonexistent/out.csv",
            "--table",
            "quotes",
            "--format",
            "csv",
        ],
    ] {
        let output = run(args, b"");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(
            message.starts_with("article-analyzer: "),
            "{args:?}: {message}"
        );
        assert!(output.stdout.is_empty(), "{args:?}: nothing on stdout");
    }
    std::fs::remove_dir(empty).ok();
}

#[test]
fn no_progress_line_when_stderr_is_not_a_terminal() {
    let output = run(&["--jsonl"], br#"{"id": 1, "text": "Kim said."}"#);
    assert!(output.status.success());
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        output_rows(&output).len(),
        1,
        "a last line without a newline counts"
    );
}

#[test]
fn patterns_from_a_file_apply_to_every_line_and_a_bad_one_exits_with_2() {
    let dir = std::env::temp_dir().join(format!("aa-patterns-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let good = dir.join("good.json");
    let patterns = json!([
        {"label": "bill", "regex": r"\b(HB|SB) (\d+)"},
        {"label": "beat", "phrases": ["Jane Roe"], "type": "person", "subtype": "senator"}
    ]);
    std::fs::write(&good, patterns.to_string()).expect("written");
    let input = [
        json!({"id": 1, "text": "HB 12 passed, Jane Roe said."}),
        json!({"id": 2, "text": "SB 9 failed.", "reference_date": "2024-01-02"}),
    ]
    .map(|l| l.to_string() + "\n")
    .concat();
    let output = run(
        &["--jsonl", "--patterns", good.to_str().expect("a path")],
        input.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(0));
    let rows = output_rows(&output);
    let matches = |row: &Value| {
        row["analysis"]["matches"]
            .as_array()
            .expect("matches")
            .len()
    };
    assert_eq!([matches(&rows[0]), matches(&rows[1])], [1, 1]);
    let roe = &rows[0]["analysis"]["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .find(|e| e["name"] == "Jane Roe")
        .cloned()
        .expect("Jane Roe");
    assert_eq!(roe["subtype"], "senator");

    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"[{"label": "x", "regex": "a"}, {"label": "y", "regex": "(b"}]"#,
    )
    .expect("written");
    let output = run(&["--patterns", bad.to_str().expect("a path")], b"");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr).trim(),
        "article-analyzer: patterns[1].regex: unclosed group at 0"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Lines the `jsonl` fuzz target found once (`tests/data/regressions/*.jsonl`, see
/// `fuzz/README.md`): each gets one answer, with the request's id as it was written, and
/// an analysis within the span contract.
#[test]
fn jsonl_regressions() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/regressions");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("regression folder").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".jsonl") {
            continue;
        }
        let input = std::fs::read(entry.path()).expect("readable");
        let rows = output_rows(&run(&["--jsonl"], &input));
        let lines: Vec<&[u8]> = input
            .split(|&b| b == b'\n')
            .filter(|line| !line.iter().all(u8::is_ascii_whitespace))
            .collect();
        assert_eq!(rows.len(), lines.len(), "{name}: one answer per line");
        for (line, row) in lines.iter().zip(&rows) {
            let Ok(Value::Object(request)) = serde_json::from_slice::<Value>(line) else {
                continue;
            };
            let id = request.get("id").cloned().unwrap_or(Value::Null);
            assert_eq!(
                row["id"], id,
                "{name}: the answer's id is not the request's"
            );
            if let (Some(Value::String(text)), Some(analysis)) =
                (request.get("text"), row.get("analysis"))
            {
                check_spans_json(text, OffsetUnit::Utf16, analysis);
            }
            checked += 1;
        }
    }
    assert!(checked > 0, "no JSON-lines regressions in {dir}");
}
