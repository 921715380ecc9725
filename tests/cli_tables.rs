//! The command-line tool for data teams: `--table quotes|entities|dates` in every
//! `--format`, folders walked for `*.txt`, `--output FILE`. The CSV of the seed stories'
//! quotes, read back by Python's `csv` module, has exactly the rows of the JSON table.

mod common;

use article_analyzer::OffsetUnit;
use common::check_spans_json;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_article-analyzer"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn stdout(args: &[&str]) -> String {
    String::from_utf8(run(args).stdout).expect("UTF-8 output")
}

fn fixtures() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")
}

/// The benchmark stories: money, percentages and measures for the figures table.
fn stories() -> &'static str {
    concat!(env!("CARGO_MANIFEST_DIR"), "/benches/stories")
}

/// A fresh folder under the system's temp folder.
fn temp_folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("article-analyzer-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    dir
}

/// The JSON table as rows of strings, as a CSV reader sees them (`null` is empty), each
/// row's `(column, value)` pairs sorted by column.
fn as_strings(rows: &Value) -> Vec<Vec<(String, String)>> {
    rows.as_array()
        .expect("an array of rows")
        .iter()
        .map(|row| {
            let mut pairs: Vec<(String, String)> = row
                .as_object()
                .expect("a row object")
                .iter()
                .map(|(column, value)| {
                    let value = match value {
                        Value::Null => String::new(),
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    (column.clone(), value)
                })
                .collect();
            pairs.sort();
            pairs
        })
        .collect()
}

#[test]
fn the_csv_of_the_seeds_quotes_reads_in_python_as_the_json_rows() {
    let json: Value = serde_json::from_str(&stdout(&["--table", "quotes", fixtures()])).unwrap();
    let rows = json.as_array().unwrap();
    // Every quote of every seed story, each with its article.
    let stories = std::fs::read_dir(fixtures())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().unwrap() == "txt")
        .count();
    assert!(rows.len() >= 2 * stories, "{} quote rows", rows.len());
    let articles: std::collections::BTreeSet<&str> = rows
        .iter()
        .map(|r| r["article"].as_str().unwrap())
        .collect();
    assert_eq!(articles.len(), stories);
    assert!(rows
        .iter()
        .any(|r| r["text"].as_str().unwrap().contains(',')));
    assert!(rows
        .iter()
        .any(|r| r["speaker"].is_string() && r["value"].is_string()));

    let csv_path = temp_folder("csv").join("quotes.csv");
    let csv = csv_path.to_str().unwrap();
    run(&[
        "--table",
        "quotes",
        "--format",
        "csv",
        "--output",
        csv,
        fixtures(),
    ]);
    assert_eq!(
        read_csv_in_python(&csv_path, Unescape::Yes),
        as_strings(&json)
    );
    std::fs::remove_dir_all(csv_path.parent().unwrap()).ok();
}

#[derive(Clone, Copy, PartialEq)]
enum Unescape {
    /// Undo the formula escape as the README says: one `'` off a cell that starts with
    /// `'`s and then `=`, `+`, `-`, `@`, a tab or a carriage return.
    Yes,
    /// The cells as a spreadsheet gets them.
    No,
}

/// A CSV file's rows as Python's `csv.DictReader` reads them, each row's
/// `(column, value)` pairs sorted by column.
fn read_csv_in_python(path: &Path, unescape: Unescape) -> Vec<Vec<(String, String)>> {
    let script = "import csv, json, re, sys\n\
                  escaped = re.compile(r\"^'(?='*[=+\\-@\\t\\r])\")\n\
                  unescape = sys.argv[2] == 'yes'\n\
                  with open(sys.argv[1], newline='', encoding='utf-8') as f:\n\
                  \x20   rows = [[(k, escaped.sub('', v, count=1) if unescape else v) for k, v in row.items()]\n\
                  \x20           for row in csv.DictReader(f)]\n\
                  print(json.dumps(rows))";
    let flag = if unescape == Unescape::Yes {
        "yes"
    } else {
        "no"
    };
    let python = Command::new("python3")
        .args(["-c", script, path.to_str().unwrap(), flag])
        .output()
        .expect("python3 runs");
    assert!(
        python.status.success(),
        "{}",
        String::from_utf8_lossy(&python.stderr)
    );
    let mut read: Vec<Vec<(String, String)>> = serde_json::from_slice(&python.stdout).unwrap();
    read.iter_mut().for_each(|row| row.sort());
    read
}

/// Cells a spreadsheet would run as formulas (CSV injection) get a `'` in front; the
/// README's rule for reading them back gives the JSON rows exactly.
#[test]
fn cells_that_look_like_formulas_are_escaped_for_spreadsheets_and_read_back_exactly() {
    let dir = temp_folder("formulas");
    // A file name and quotes that start with what a spreadsheet reads as a formula, and
    // one that starts with a quote mark before `@` (escaped too, so the escape undoes).
    let story =
        "LONDON (Reuters) - \"=SUM(A1:A9) is how we count,\" said John Smith, the mayor.\n\n\
                 \"-2+3 is a sum,\" Smith said on Monday, and \"'@home is not,\" he added.\n\n\
                 \"+1 for the river,\" said Jane Doe.\n";
    std::fs::write(dir.join("=1+2.txt"), story).unwrap();
    let cli = |format: &str, input: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_article-analyzer"))
            .args(["--table", "quotes", "--format", format, input])
            .current_dir(&dir)
            .output()
            .expect("the binary runs");
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let json: Value = serde_json::from_str(&cli("json", "=1+2.txt")).unwrap();
    let texts: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["text"].as_str().unwrap())
        .collect();
    for start in ["=SUM", "-2+3", "'@home", "+1"] {
        assert!(
            texts.iter().any(|t| t.starts_with(start)),
            "a quote starting {start:?} in {texts:?}"
        );
    }

    let csv_path = dir.join("quotes.csv");
    std::fs::write(&csv_path, cli("csv", "=1+2.txt")).unwrap();
    let raw = read_csv_in_python(&csv_path, Unescape::No);
    let triggers = ['=', '+', '-', '@', '\t', '\r'];
    for (column, cell) in raw.iter().flatten() {
        assert!(
            cell.len() <= 1 || !cell.starts_with(triggers),
            "{column}: {cell:?} reaches a spreadsheet unescaped"
        );
    }
    let cells: Vec<&str> = raw
        .iter()
        .flatten()
        .map(|(_, cell)| cell.as_str())
        .collect();
    assert!(cells.contains(&"'=1+2.txt"), "{cells:?}");
    assert!(cells.iter().any(|c| c.starts_with("''@home")), "{cells:?}");
    assert_eq!(
        read_csv_in_python(&csv_path, Unescape::Yes),
        as_strings(&json)
    );

    // TSV escapes the same cells the same way.
    let tsv = cli("tsv", "=1+2.txt");
    let tsv_texts: Vec<&str> = tsv
        .lines()
        .skip(1)
        .map(|l| l.split('\t').nth(2).unwrap())
        .collect();
    let expected: Vec<String> = texts
        .iter()
        .map(|t| match t.trim_start_matches('\'').chars().next() {
            Some(c) if triggers.contains(&c) => format!("'{t}"),
            _ => t.to_string(),
        })
        .collect();
    assert_eq!(tsv_texts, expected);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn standard_input_keeps_its_name_a_lone_minus_is_no_formula() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_article-analyzer"))
        .args(["--table", "quotes", "--format", "csv"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"\"We are ready,\" said Jane Doe.")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let csv = String::from_utf8(output.stdout).unwrap();
    assert!(csv.lines().nth(1).unwrap().starts_with("-,full,"), "{csv}");
}

#[test]
fn tsv_and_jsonl_hold_the_same_rows() {
    let json: Value = serde_json::from_str(&stdout(&["--table", "entities", fixtures()])).unwrap();
    let jsonl: Vec<Value> = stdout(&["--table", "entities", "--format", "jsonl", fixtures()])
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(Value::Array(jsonl), json);

    let tsv = stdout(&["--table", "entities", "--format", "tsv", fixtures()]);
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let unescape = |field: &str| {
        field
            .replace("\\t", "\t")
            .replace("\\n", "\n")
            .replace("\\r", "\r")
            .replace("\\\\", "\\")
    };
    let read: Vec<Vec<(String, String)>> = lines
        .map(|line| {
            let mut row: Vec<(String, String)> = header
                .iter()
                .zip(line.split('\t'))
                .map(|(column, field)| (column.to_string(), unescape(field)))
                .collect();
            row.sort();
            row
        })
        .collect();
    assert_eq!(read, as_strings(&json));
}

#[test]
fn every_row_slices_its_article_to_its_text_in_the_unit_asked() {
    for table in ["quotes", "entities", "dates", "figures"] {
        for unit in [OffsetUnit::Utf16, OffsetUnit::Chars] {
            let json: Value = serde_json::from_str(&stdout(&[
                "--table",
                table,
                "--offsets",
                unit.as_str(),
                fixtures(),
                stories(),
            ]))
            .unwrap();
            let rows = json.as_array().unwrap();
            assert!(!rows.is_empty(), "{table}: no rows");
            if table == "figures" {
                assert!(rows
                    .iter()
                    .all(|r| r["value"].is_number() && r["kind"].is_string()));
            }
            for row in rows {
                let text = std::fs::read_to_string(row["article"].as_str().unwrap()).unwrap();
                assert_eq!(check_spans_json(&text, unit, row), 1, "{table}: {row}");
            }
        }
    }
}

#[test]
fn a_folder_is_walked_for_txt_files_in_order() {
    let dir = temp_folder("walk");
    let story = std::fs::read_to_string(Path::new(fixtures()).join("efe-2023-09-14-kim-putin.txt"))
        .unwrap();
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::write(dir.join("b/second.txt"), &story).unwrap();
    std::fs::write(dir.join("a.txt"), "Kim said \"yes\" on Monday.").unwrap();
    std::fs::write(dir.join("notes.md"), "not an article").unwrap();
    let lines: Vec<Value> = stdout(&["--format", "jsonl", dir.to_str().unwrap()])
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    let expected = [dir.join("a.txt"), dir.join("b/second.txt")];
    assert_eq!(
        ids,
        expected
            .iter()
            .map(|p| p.to_str().unwrap())
            .collect::<Vec<_>>()
    );
    // The same analysis as the file alone gives.
    let alone: Value = serde_json::from_str(&stdout(&[expected[1].to_str().unwrap()])).unwrap();
    assert_eq!(lines[1]["analysis"], alone);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn output_goes_to_the_file_named_and_nothing_to_stdout() {
    let dir = temp_folder("output");
    let out = dir.join("dates.csv");
    let output = run(&[
        "--table",
        "dates",
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
        fixtures(),
    ]);
    assert!(output.stdout.is_empty());
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.starts_with("article,kind,text,speaker,entity,type,value,start,end\r\n"));
    assert!(csv.lines().count() > 2, "{csv}");
    std::fs::remove_dir_all(&dir).ok();
}

/// `compare --table quotes|entities`: the comparison's aligned quotes (or entities) as
/// rows, `group` saying which statement (or entity row) each belongs to, through the
/// same table writer and formats.
#[test]
fn compare_tables_hold_the_aligned_quotes_and_entities_of_the_seeds() {
    let yonhap = format!("{}/yonhap-2023-09-14-kim-putin.txt", fixtures());
    let efe = format!("{}/efe-2023-09-14-kim-putin.txt", fixtures());
    let compare = |table: &str, format: &str| {
        stdout(&[
            "compare",
            "--reference-date",
            "2023-09-14",
            "--format",
            format,
            "--table",
            table,
            &yonhap,
            &efe,
        ])
    };

    let json: Value = serde_json::from_str(&compare("quotes", "json")).unwrap();
    let rows = json.as_array().unwrap();
    // The KCNA statement: the Yonhap version is the reference, EFE's names its changes.
    let kcna: Vec<&Value> = rows
        .iter()
        .filter(|r| r["entity"] == "Korean Central News Agency")
        .collect();
    let group = &kcna[0]["group"];
    let versions: Vec<&Value> = rows.iter().filter(|r| &r["group"] == group).collect();
    assert_eq!(versions[0]["article"], yonhap.as_str());
    assert!(
        versions[0]["value"].is_null(),
        "the reference has no changes"
    );
    let efe_first = versions
        .iter()
        .find(|r| r["article"] == efe.as_str())
        .unwrap();
    let changes = efe_first["value"].as_str().unwrap();
    assert!(changes.contains("Kim Jong Un → Kim Jong-un"), "{changes}");
    assert!(changes.contains("the DPRK → [North Korea]"), "{changes}");
    for row in rows {
        let text = std::fs::read_to_string(row["article"].as_str().unwrap()).unwrap();
        assert_eq!(check_spans_json(&text, OffsetUnit::Utf16, row), 1, "{row}");
    }

    // The TSV holds the same rows, under the same header.
    let tsv = compare("quotes", "tsv");
    let mut lines = tsv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "group\tarticle\tkind\ttext\tspeaker\tentity\ttype\tvalue\tstart\tend"
    );
    assert_eq!(lines.count(), rows.len());

    // Entities: one row per story naming each; Kim Jong-il in EFE only, never merged
    // with Kim Jong-un, who is quoted in both.
    let csv = compare("entities", "csv");
    let entities: Value = serde_json::from_str(&compare("entities", "json")).unwrap();
    let entities = entities.as_array().unwrap();
    assert_eq!(csv.lines().count(), entities.len() + 1);
    let stories_of = |name: &str| -> Vec<(String, String)> {
        entities
            .iter()
            .filter(|r| r["entity"] == name)
            .map(|r| {
                let article = r["article"].as_str().unwrap();
                let agency = if article == yonhap { "Yonhap" } else { "EFE" };
                (agency.to_string(), r["kind"].as_str().unwrap().to_string())
            })
            .collect()
    };
    assert_eq!(
        stories_of("Kim Jong-un"),
        [
            ("Yonhap".into(), "quoted".into()),
            ("EFE".into(), "quoted".into())
        ]
    );
    assert_eq!(
        stories_of("Kim Jong-il"),
        [("EFE".into(), "mentioned".into())]
    );
    for row in entities {
        assert!(row["value"].as_u64().unwrap() >= 1);
        let text = std::fs::read_to_string(row["article"].as_str().unwrap()).unwrap();
        assert_eq!(check_spans_json(&text, OffsetUnit::Utf16, row), 1, "{row}");
    }

    // Dates and figures have no comparison table: an error, not an empty table.
    let refused = Command::new(env!("CARGO_BIN_EXE_article-analyzer"))
        .args([
            "compare", "--format", "csv", "--table", "dates", &yonhap, &efe,
        ])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("use quotes or entities"));
}
