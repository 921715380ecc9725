//! The `article-analyzer` command: pretty JSON for files (or stdin), or a streaming
//! JSON-lines filter with `--jsonl`.

use article_analyzer::{analyze, jsonl, CalendarDate, OffsetUnit, Options};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
usage: article-analyzer [OPTIONS] [FILE...]
       article-analyzer --jsonl [OPTIONS] < in.jsonl > out.jsonl

Reads news articles and prints their structure (dateline, quotes with speakers,
entities, dates) as JSON. With no FILE, reads standard input.

options:
  --jsonl                    JSON lines in ({\"id\", \"text\", \"reference_date\"?}),
                             JSON lines out ({\"id\", \"analysis\"} or {\"id\", \"error\"})
  --reference-date YYYY-MM-DD  date to resolve \"Thursday\" or a year-less dateline against
  --offsets utf16|utf8|chars   unit of every start/end (default utf16, as JavaScript)
  -h, --help                 this text
  -V, --version              the version";

struct Args {
    jsonl: bool,
    options: Options,
    files: Vec<String>,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        jsonl: false,
        options: Options::default(),
        files: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or(format!("{name} needs a value"))
        };
        match name.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("article-analyzer {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--jsonl" => args.jsonl = true,
            "--reference-date" => {
                args.options.reference_date =
                    Some(value("--reference-date")?.parse::<CalendarDate>()?)
            }
            "--offsets" => args.options.offsets = value("--offsets")?.parse::<OffsetUnit>()?,
            "-" => args.files.push(arg),
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ => args.files.push(arg),
        }
    }
    Ok(Some(args))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => return ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("article-analyzer: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = if args.jsonl {
        run_jsonl(&args)
    } else {
        run_files(&args)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("article-analyzer: {message}");
            ExitCode::from(2)
        }
    }
}

fn run_files(args: &Args) -> Result<(), String> {
    let names: Vec<&str> = if args.files.is_empty() {
        vec!["-"]
    } else {
        args.files.iter().map(String::as_str).collect()
    };
    // Read every file first, so an unreadable one fails before any output.
    let mut inputs = Vec::new();
    for name in names {
        let mut bytes = Vec::new();
        let read = if name == "-" {
            io::stdin().read_to_end(&mut bytes)
        } else {
            std::fs::File::open(name).and_then(|mut f| f.read_to_end(&mut bytes))
        };
        read.map_err(|e| format!("cannot read {name}: {e}"))?;
        inputs.push(bytes);
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for bytes in inputs {
        // Not UTF-8 (binary garbage, latin-1): analyze what can be read.
        let text = String::from_utf8_lossy(&bytes);
        let analysis = analyze(&text, &args.options);
        serde_json::to_writer_pretty(&mut out, &analysis).map_err(|e| e.to_string())?;
        writeln!(out).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

/// Lines read per batch: analyzed on every core, written in input order.
const BATCH_LINES: usize = 256;

fn run_jsonl(args: &Args) -> Result<(), String> {
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    loop {
        let mut batch = Vec::with_capacity(BATCH_LINES);
        for _ in 0..BATCH_LINES {
            let mut line = Vec::new();
            let n = input
                .read_until(b'\n', &mut line)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            if n == 0 {
                break;
            }
            while matches!(line.last(), Some(b'\n' | b'\r')) {
                line.pop();
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                batch.push(line);
            }
        }
        if batch.is_empty() {
            break;
        }
        for row in analyze_batch(&batch, &args.options, workers) {
            writeln!(out, "{row}").map_err(|e| e.to_string())?;
        }
    }
    out.flush().map_err(|e| e.to_string())
}

/// Processes the lines on `workers` threads; results come back in input order.
fn analyze_batch(lines: &[Vec<u8>], options: &Options, workers: usize) -> Vec<String> {
    let chunk = lines.len().div_ceil(workers.max(1));
    std::thread::scope(|scope| {
        let handles: Vec<_> = lines
            .chunks(chunk.max(1))
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|l| jsonl::process_line(l, options))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}
