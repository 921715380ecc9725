//! The `article-analyzer` command: pretty JSON for files (or stdin), a streaming
//! JSON-lines filter with `--jsonl`, or `compare` for several stories on one event.

mod jsonl;

use article_analyzer::{compare, Analyzer, CalendarDate, OffsetUnit, Options, Pattern};
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const USAGE: &str = "\
usage: article-analyzer [OPTIONS] [FILE...]
       article-analyzer --jsonl [OPTIONS] < in.jsonl > out.jsonl
       article-analyzer compare [OPTIONS] FILE FILE [FILE...]

Reads news articles and prints their structure (dateline, quotes with speakers,
entities, dates) as JSON. With no FILE, reads standard input. `compare` analyzes
several stories on one event and prints {\"files\", \"analyses\", \"comparison\"}: the
entities across them, the quotes they share with their differences, what only one has.

options:
  --jsonl                    JSON lines in ({\"id\", \"text\", \"reference_date\"?}),
                             JSON lines out ({\"id\", \"analysis\"} or {\"id\", \"error\"}),
                             in input order; a progress line on a terminal
  --reference-date YYYY-MM-DD  date to resolve \"Thursday\" or a year-less dateline against
  --offsets utf16|utf8|chars   unit of every start/end (default utf16, as JavaScript)
  --patterns FILE.json       your own patterns, compiled once for every input: a JSON
                             array of {\"label\", \"regex\" or \"phrases\", \"type\"?,
                             \"subtype\"?, \"case_sensitive\"?} (see SCHEMA.md)
  --timings                  add how long each stage took (\"timings\")
  --threads N                threads for --jsonl (default: every core)
  -h, --help                 this text
  -V, --version              the version";

struct Args {
    /// `article-analyzer compare ...`.
    compare: bool,
    jsonl: bool,
    /// Worker threads for `--jsonl`.
    threads: usize,
    options: Options,
    files: Vec<String>,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        compare: false,
        jsonl: false,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        options: Options::default(),
        files: Vec::new(),
    };
    let mut it = std::env::args().skip(1).peekable();
    args.compare = it.next_if(|a| a == "compare").is_some();
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
            "--threads" => {
                args.threads = match value("--threads")?.parse::<usize>() {
                    Ok(n) if n > 0 => n,
                    _ => return Err("--threads needs a whole number above 0".to_string()),
                }
            }
            "--offsets" => args.options.offsets = value("--offsets")?.parse::<OffsetUnit>()?,
            "--patterns" => args.options.patterns = read_patterns(&value("--patterns")?)?,
            "--timings" => args.options.timings = true,
            "-" => args.files.push(arg),
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ => args.files.push(arg),
        }
    }
    Ok(Some(args))
}

/// The patterns of a `--patterns` file: a JSON array in the shape of `options.patterns`.
fn read_patterns(path: &str) -> Result<Vec<Pattern>, String> {
    let json = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    serde_json::from_str(&json).map_err(|e| format!("{path}: not a list of patterns: {e}"))
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
    // The patterns compile once, here, for every input.
    let analyzer = match Analyzer::new(args.options.clone()) {
        Ok(analyzer) => analyzer,
        Err(e) => {
            eprintln!("article-analyzer: {e}");
            return ExitCode::from(2);
        }
    };
    let result = if args.compare {
        run_compare(&args, &analyzer)
    } else if args.jsonl {
        run_jsonl(&args, &analyzer)
    } else {
        run_files(&args, &analyzer)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("article-analyzer: {message}");
            ExitCode::from(2)
        }
    }
}

/// Reads every named file (`-`: standard input), failing before any output.
fn read_inputs(names: &[&str]) -> Result<Vec<Vec<u8>>, String> {
    let mut inputs = Vec::new();
    for &name in names {
        // `fs::read` sizes its buffer from the file's length: no doubling past it.
        let read = if name == "-" {
            let mut bytes = Vec::new();
            io::stdin().read_to_end(&mut bytes).map(|_| bytes)
        } else {
            std::fs::read(name)
        };
        inputs.push(read.map_err(|e| format!("cannot read {name}: {e}"))?);
    }
    Ok(inputs)
}

fn run_compare(args: &Args, analyzer: &Analyzer) -> Result<(), String> {
    if args.jsonl || args.files.len() < 2 {
        return Err("compare needs two files or more (and no --jsonl)".to_string());
    }
    let names: Vec<&str> = args.files.iter().map(String::as_str).collect();
    let texts: Vec<String> = read_inputs(&names)?
        .iter()
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    let analyses: Vec<_> = texts.iter().map(|t| analyzer.analyze(t)).collect();
    let stories: Vec<_> = texts.iter().map(String::as_str).zip(&analyses).collect();
    /// What `compare` prints: the comparison refers to the analyses' quotes and entities.
    #[derive(serde::Serialize)]
    struct Document<'a> {
        files: Vec<&'a str>,
        analyses: &'a [article_analyzer::Analysis],
        comparison: article_analyzer::Comparison,
    }
    let document = Document {
        files: names,
        analyses: &analyses,
        comparison: compare(&stories),
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    serde_json::to_writer_pretty(&mut out, &document).map_err(|e| e.to_string())?;
    writeln!(out).map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())
}

fn run_files(args: &Args, analyzer: &Analyzer) -> Result<(), String> {
    let names: Vec<&str> = if args.files.is_empty() {
        vec!["-"]
    } else {
        args.files.iter().map(String::as_str).collect()
    };
    let inputs = read_inputs(&names)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for bytes in inputs {
        // Not UTF-8 (binary garbage, latin-1): analyze what can be read.
        let text = String::from_utf8_lossy(&bytes);
        let analysis = analyzer.analyze(&text);
        serde_json::to_writer_pretty(&mut out, &analysis).map_err(|e| e.to_string())?;
        writeln!(out).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

/// A batch ends after this many lines or this many bytes, whichever comes first, so
/// memory stays bounded however long the lines are (one line may still be any size).
const BATCH_LINES: usize = 256;
const BATCH_BYTES: usize = 16 << 20;

fn run_jsonl(args: &Args, analyzer: &Analyzer) -> Result<(), String> {
    let stdin = io::stdin();
    let mut progress = Progress::new(stdin_size());
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    loop {
        let mut batch = Vec::with_capacity(BATCH_LINES);
        let mut batch_bytes = 0;
        while batch.len() < BATCH_LINES && batch_bytes < BATCH_BYTES {
            let mut line = Vec::new();
            let n = input
                .read_until(b'\n', &mut line)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            if n == 0 {
                break;
            }
            progress.read(n);
            while matches!(line.last(), Some(b'\n' | b'\r')) {
                line.pop();
            }
            if !line.iter().all(u8::is_ascii_whitespace) {
                batch_bytes += line.len();
                batch.push(line);
            }
        }
        if batch.is_empty() {
            break;
        }
        for row in analyze_batch(&batch, analyzer, args.threads) {
            writeln!(out, "{row}").map_err(|e| e.to_string())?;
        }
        progress.done_lines(batch.len());
    }
    progress.finish();
    out.flush().map_err(|e| e.to_string())
}

/// Processes the lines on `workers` threads, each taking the next unprocessed line (so
/// one long story does not hold up a fixed share of the batch); results come back in
/// input order.
fn analyze_batch(lines: &[Vec<u8>], analyzer: &Analyzer, workers: usize) -> Vec<String> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(line) = lines.get(i) else {
                return done;
            };
            done.push((i, jsonl::process_line(line, analyzer)));
        }
    };
    let mut rows = vec![String::new(); lines.len()];
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..workers.clamp(1, lines.len().max(1)))
            .map(|_| scope.spawn(work))
            .collect();
        let mine = work();
        // `process_line` catches panics in the analysis, so a helper thread can only
        // fail on something like memory exhaustion; its lines are then redone here.
        for (i, row) in mine.into_iter().chain(
            helpers
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default()),
        ) {
            rows[i] = row;
        }
    });
    for (row, line) in rows.iter_mut().zip(lines) {
        if row.is_empty() {
            *row = jsonl::process_line(line, analyzer);
        }
    }
    rows
}

/// The size of standard input when it is a regular file (`< big.jsonl`), for a percentage.
#[cfg(unix)]
fn stdin_size() -> Option<u64> {
    use std::os::fd::AsFd;
    let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
    let meta = std::fs::File::from(fd).metadata().ok()?;
    meta.is_file().then_some(meta.len())
}

#[cfg(not(unix))]
fn stdin_size() -> Option<u64> {
    None
}

/// A one-line progress report on standard error, shown only when standard error is a
/// terminal (never in a pipe or a log file), redrawn at most a few times a second.
struct Progress {
    enabled: bool,
    total_bytes: Option<u64>,
    bytes: u64,
    lines: u64,
    started: Instant,
    drawn: Instant,
}

impl Progress {
    fn new(total_bytes: Option<u64>) -> Progress {
        let now = Instant::now();
        Progress {
            enabled: io::stderr().is_terminal(),
            total_bytes,
            bytes: 0,
            lines: 0,
            started: now,
            drawn: now,
        }
    }

    fn read(&mut self, bytes: usize) {
        self.bytes += bytes as u64;
    }

    fn done_lines(&mut self, lines: usize) {
        self.lines += lines as u64;
        if self.enabled && self.drawn.elapsed() >= Duration::from_millis(200) {
            self.drawn = Instant::now();
            self.draw();
        }
    }

    fn draw(&self) {
        let mb = self.bytes as f64 / 1e6;
        let rate = mb / self.started.elapsed().as_secs_f64().max(1e-3);
        let share = match self.total_bytes {
            Some(total) if total > 0 => {
                let done = self.bytes as f64 / total as f64;
                let filled = (done * 20.0).round() as usize;
                format!(
                    "[{}{}] {:3.0}% ",
                    "#".repeat(filled.min(20)),
                    " ".repeat(20 - filled.min(20)),
                    done * 100.0
                )
            }
            _ => String::new(),
        };
        eprint!(
            "\r{share}{} lines, {mb:.1} MB, {rate:.1} MB/s   ",
            self.lines
        );
    }

    fn finish(&self) {
        if self.enabled {
            self.draw();
            eprintln!();
        }
    }
}
