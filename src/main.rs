//! The `article-analyzer` command: the analysis of files, folders (their `*.txt`) or
//! standard input as pretty JSON or JSON lines, or one of its tables (quotes,
//! entities, dates, figures) as CSV, TSV, JSON or JSON lines; a streaming JSON-lines
//! filter with `--jsonl`; or `compare` for several stories on one event.

mod jsonl;

use article_analyzer::{compare, Analysis, Analyzer, CalendarDate, OffsetUnit, Options, Pattern};
use std::io::{self, BufRead, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const USAGE: &str = "\
usage: article-analyzer [OPTIONS] [FILE|FOLDER...]
       article-analyzer --jsonl [OPTIONS] < in.jsonl > out.jsonl
       article-analyzer compare [OPTIONS] FILE FILE [FILE...]

Reads news articles and prints their structure (dateline, quotes with speakers,
entities, dates) as JSON. With no FILE, reads standard input; a FOLDER stands for
every *.txt file under it. `compare` analyzes several stories on one event and prints
{\"files\", \"analyses\", \"comparison\"}: the entities across them, the quotes they
share with their differences, what only one has.

options:
  --format json|jsonl|csv|tsv  json: pretty JSON (default); jsonl: one line per
                             article ({\"id\": file, \"analysis\"}) or per table row;
                             csv, tsv: a table (needs --table); a text cell
                             starting with = + - @ tab or CR gets a ' in front,
                             so spreadsheets show it as text (see the README)
  --table quotes|entities|dates|figures  one row per quote, entity mention, date
                             or figure, with the columns article, kind, text,
                             speaker, entity, type, value, start, end; with
                             compare, quotes or entities: the aligned quotes (or
                             entities), with a group column in front
  --output FILE              write there instead of standard output
  --jsonl                    JSON lines in ({\"id\", \"text\", \"reference_date\"?}),
                             JSON lines out ({\"id\", \"analysis\"} or {\"id\", \"error\"}),
                             in input order
  --reference-date YYYY-MM-DD  date to resolve \"Thursday\" or a year-less dateline against
  --offsets utf16|utf8|chars   unit of every start/end (default utf16, as JavaScript)
  --patterns FILE.json       your own patterns, compiled once for every input: a JSON
                             array of {\"label\", \"regex\" or \"phrases\", \"type\"?,
                             \"subtype\"?, \"case_sensitive\"?} (see SCHEMA.md)
  --timings                  add how long each stage took (\"timings\")
  --threads N                threads (default: every core)
  -h, --help                 this text
  -V, --version              the version

A progress line goes to standard error when it is a terminal.";

struct Args {
    /// `article-analyzer compare ...`.
    compare: bool,
    jsonl: bool,
    /// Worker threads.
    threads: usize,
    options: Options,
    /// The options with their patterns compiled, once for every input.
    analyzer: Analyzer,
    format: Format,
    table: Option<Table>,
    output: Option<String>,
    files: Vec<String>,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        compare: false,
        jsonl: false,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        options: Options::default(),
        analyzer: Analyzer::default(),
        format: Format::Json,
        table: None,
        output: None,
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
            "--format" => args.format = value("--format")?.parse::<Format>()?,
            "--table" => args.table = Some(value("--table")?.parse::<Table>()?),
            "--output" | "-o" => args.output = Some(value("--output")?),
            "-" => args.files.push(arg),
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ => args.files.push(arg),
        }
    }
    if args.jsonl && (args.table.is_some() || args.format != Format::Json) {
        return Err(
            "--jsonl writes the JSON-lines protocol; --table and --format are for files".into(),
        );
    }
    if args.table.is_none() && matches!(args.format, Format::Csv | Format::Tsv) {
        return Err("--format csv and tsv need --table quotes, entities or dates".into());
    }
    Ok(Some(args))
}

/// The patterns of a `--patterns` file: a JSON array in the shape of `options.patterns`.
fn read_patterns(path: &str) -> Result<Vec<Pattern>, String> {
    let json = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    serde_json::from_str(&json).map_err(|e| format!("{path}: not a list of patterns: {e}"))
}

fn main() -> ExitCode {
    let mut args = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => return ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("article-analyzer: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    // The patterns compile once, here, for every input.
    args.analyzer = match Analyzer::new(args.options.clone()) {
        Ok(analyzer) => analyzer,
        Err(e) => {
            eprintln!("article-analyzer: {e}");
            return ExitCode::from(2);
        }
    };
    let result = if args.compare {
        run_compare(&args)
    } else if args.jsonl {
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

fn run_compare(args: &Args) -> Result<(), String> {
    if args.jsonl || args.files.len() < 2 {
        return Err("compare needs two files or more (and no --jsonl)".to_string());
    }
    let names: Vec<&str> = args.files.iter().map(String::as_str).collect();
    let texts: Vec<String> = read_inputs(&names)?
        .iter()
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    let analyses: Vec<_> = texts.iter().map(|t| args.analyzer.analyze(t)).collect();
    let stories: Vec<_> = texts.iter().map(String::as_str).zip(&analyses).collect();
    if let Some(table) = args.table {
        let comparison = compare(&stories);
        let rows = table::compare_rows(table, &names, &analyses, &comparison)?;
        let mut writer = TableWriter::new(args.format, &table::COMPARE_COLUMNS, output(args)?)
            .map_err(|e| e.to_string())?;
        for row in &rows {
            writer.write(row).map_err(|e| e.to_string())?;
        }
        return writer
            .finish()
            .map_err(|e| format!("cannot write the output: {e}"));
    }
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

fn run_files(args: &Args) -> Result<(), String> {
    let inputs = input_files(&args.files)?;
    let total = inputs.iter().map(|input| input.size).sum::<Option<u64>>();
    let mut progress = Progress::new(total, "files");
    let mut out = Output::new(args)?;
    let mut rest = &inputs[..];
    while !rest.is_empty() {
        // A batch of files, read and analyzed on every thread, written in order.
        let mut count = 0;
        let mut bytes = 0;
        while count < rest.len() && count < BATCH_LINES && bytes < BATCH_BYTES as u64 {
            bytes += rest[count].size.unwrap_or(0);
            count += 1;
        }
        let (batch, after) = rest.split_at(count);
        rest = after;
        let analyses = in_parallel(batch, args.threads, |input| input.analyze(&args.analyzer));
        for (input, analysis) in batch.iter().zip(analyses) {
            out.write(&input.name, &analysis?)?;
            progress.read(input.size.unwrap_or(0) as usize);
        }
        progress.done_lines(batch.len());
    }
    progress.finish();
    out.finish()
}

/// One article to read: a file, or standard input (`-`).
struct Input {
    /// The name given (or found in a folder): the article's id in the output.
    name: String,
    path: Option<PathBuf>,
    /// The file's size, for batches and the progress line.
    size: Option<u64>,
}

impl Input {
    fn analyze(&self, analyzer: &Analyzer) -> Result<Analysis, String> {
        // `fs::read` sizes its buffer from the file's length: no doubling past it.
        let read = match &self.path {
            None => {
                let mut bytes = Vec::new();
                io::stdin().read_to_end(&mut bytes).map(|_| bytes)
            }
            Some(path) => std::fs::read(path),
        };
        let bytes = read.map_err(|e| format!("cannot read {}: {e}", self.name))?;
        // Not UTF-8 (binary garbage, latin-1): analyze what can be read.
        Ok(analyzer.analyze(&String::from_utf8_lossy(&bytes)))
    }
}

/// The files named, folders replaced by the `*.txt` files under them (sorted), each
/// checked to open before any output, so a typo fails at once.
fn input_files(names: &[String]) -> Result<Vec<Input>, String> {
    if names.is_empty() {
        return Ok(vec![Input {
            name: "-".into(),
            path: None,
            size: None,
        }]);
    }
    let mut inputs = Vec::new();
    for name in names {
        if name == "-" {
            inputs.push(Input {
                name: name.clone(),
                path: None,
                size: None,
            });
            continue;
        }
        let path = Path::new(name);
        if path.is_dir() {
            let mut found = Vec::new();
            walk_txt(path, &mut found)
                .map_err(|e| format!("cannot read the folder {name}: {e}"))?;
            if found.is_empty() {
                return Err(format!("no *.txt file in the folder {name}"));
            }
            found.sort();
            for path in found {
                inputs.push(Input {
                    name: path.display().to_string(),
                    path: Some(path),
                    size: None,
                });
            }
        } else {
            inputs.push(Input {
                name: name.clone(),
                path: Some(path.to_path_buf()),
                size: None,
            });
        }
    }
    for input in &mut inputs {
        if let Some(path) = &input.path {
            let file = std::fs::File::open(path)
                .map_err(|e| format!("cannot read {}: {e}", input.name))?;
            let meta = file
                .metadata()
                .map_err(|e| format!("cannot read {}: {e}", input.name))?;
            if meta.is_dir() {
                return Err(format!("cannot read {}: it is a folder", input.name));
            }
            input.size = Some(meta.len());
        }
    }
    Ok(inputs)
}

/// Collects the `*.txt` files under `folder` (following links to files, not to folders,
/// so a link cycle cannot loop).
fn walk_txt(folder: &Path, found: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            walk_txt(&path, found)?;
        } else if path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
            && path.is_file()
        {
            found.push(path);
        }
    }
    Ok(())
}

/// Where the output goes: `--output FILE`, else standard output.
fn output(args: &Args) -> Result<Box<dyn Write>, String> {
    Ok(match &args.output {
        Some(path) => Box::new(BufWriter::new(
            std::fs::File::create(path).map_err(|e| format!("cannot write {path}: {e}"))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

/// Where the articles go: the whole analysis (pretty JSON, or one JSON line per
/// article), or the rows of a table.
enum Output {
    Analyses {
        format: Format,
        out: Box<dyn Write>,
    },
    Table {
        table: Table,
        writer: TableWriter<Box<dyn Write>>,
    },
}

impl Output {
    fn new(args: &Args) -> Result<Output, String> {
        let out = output(args)?;
        Ok(match args.table {
            None => Output::Analyses {
                format: args.format,
                out,
            },
            Some(table) => Output::Table {
                table,
                writer: TableWriter::new(args.format, &table::COLUMNS, out)
                    .map_err(|e| e.to_string())?,
            },
        })
    }

    fn write(&mut self, article: &str, analysis: &Analysis) -> Result<(), String> {
        match self {
            Output::Analyses {
                format: Format::Jsonl,
                out,
            } => {
                #[derive(serde::Serialize)]
                struct Line<'a> {
                    id: &'a str,
                    analysis: &'a Analysis,
                }
                serde_json::to_writer(
                    &mut *out,
                    &Line {
                        id: article,
                        analysis,
                    },
                )
                .map_err(|e| e.to_string())?;
                writeln!(out).map_err(|e| e.to_string())
            }
            Output::Analyses { out, .. } => {
                serde_json::to_writer_pretty(&mut *out, analysis).map_err(|e| e.to_string())?;
                writeln!(out).map_err(|e| e.to_string())
            }
            Output::Table { table, writer } => {
                for row in table::rows(*table, article, analysis) {
                    writer.write(&row).map_err(|e| e.to_string())?;
                }
                Ok(())
            }
        }
    }

    fn finish(self) -> Result<(), String> {
        match self {
            Output::Analyses { mut out, .. } => out.flush(),
            Output::Table { writer, .. } => writer.finish(),
        }
        .map_err(|e| format!("cannot write the output: {e}"))
    }
}

/// A batch ends after this many lines or this many bytes, whichever comes first, so
/// memory stays bounded however long the lines are (one line may still be any size).
const BATCH_LINES: usize = 256;
const BATCH_BYTES: usize = 16 << 20;

fn run_jsonl(args: &Args) -> Result<(), String> {
    let stdin = io::stdin();
    let mut progress = Progress::new(stdin_size(), "lines");
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
        for row in analyze_batch(&batch, &args.analyzer, args.threads) {
            writeln!(out, "{row}").map_err(|e| e.to_string())?;
        }
        progress.done_lines(batch.len());
    }
    progress.finish();
    out.flush().map_err(|e| e.to_string())
}

/// Processes the lines on `workers` threads; the answers come back in input order.
fn analyze_batch(lines: &[Vec<u8>], analyzer: &Analyzer, workers: usize) -> Vec<String> {
    // `process_line` catches panics in the analysis, so a helper thread can only fail on
    // something like memory exhaustion.
    in_parallel(lines, workers, |line| jsonl::process_line(line, analyzer))
}

/// `work` on every item, on `workers` threads each taking the next unprocessed item (so
/// one long story does not hold up a fixed share of the batch); results in input order.
/// Items of a helper thread that died (say, out of memory) are redone on this thread.
fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    workers: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let take = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, work(item)));
        }
    };
    let mut results: Vec<Option<R>> = items.iter().map(|_| None).collect();
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..workers.clamp(1, items.len().max(1)))
            .map(|_| scope.spawn(take))
            .collect();
        let mine = take();
        for (i, result) in mine.into_iter().chain(
            helpers
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default()),
        ) {
            results[i] = Some(result);
        }
    });
    results
        .into_iter()
        .zip(items)
        .map(|(result, item)| result.unwrap_or_else(|| work(item)))
        .collect()
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
    /// What is counted: `lines` or `files`.
    unit: &'static str,
    total_bytes: Option<u64>,
    bytes: u64,
    lines: u64,
    started: Instant,
    drawn: Instant,
}

impl Progress {
    fn new(total_bytes: Option<u64>, unit: &'static str) -> Progress {
        let now = Instant::now();
        Progress {
            enabled: io::stderr().is_terminal(),
            unit,
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
            "\r{share}{} {}, {mb:.1} MB, {rate:.1} MB/s   ",
            self.lines, self.unit
        );
    }

    fn finish(&self) {
        if self.enabled {
            self.draw();
            eprintln!();
        }
    }
}

/// How the output is written (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// Pretty JSON: each analysis, or the table as one array of row objects.
    Json,
    /// One JSON object per line: `{"id", "analysis"}` per article, or one per row.
    Jsonl,
    /// RFC 4180: a header line, fields quoted when they hold `,`, `"` or a line break.
    Csv,
    /// Tab-separated, a header line; a tab, line break or backslash inside a field is
    /// written `\t`, `\n`, `\r`, `\\` (the "linear TSV" convention of databases).
    Tsv,
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "json" => Ok(Format::Json),
            "jsonl" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            "tsv" => Ok(Format::Tsv),
            _ => Err(format!("--format {s:?}: use json, jsonl, csv or tsv")),
        }
    }
}

use table::Table;

/// The tables of `--table`: one row per quote, entity mention, date or figure, all with
/// the same columns (`COLUMNS`), so the rows of several tables or runs can be stacked.
mod table {
    use super::Field;
    use article_analyzer::{Analysis, Change, Comparison, EntityType, FigureKind, QuoteKind};

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Table {
        Quotes,
        Entities,
        Dates,
        Figures,
    }

    impl std::str::FromStr for Table {
        type Err = String;

        fn from_str(s: &str) -> Result<Table, String> {
            match s {
                "quotes" => Ok(Table::Quotes),
                "entities" => Ok(Table::Entities),
                "dates" => Ok(Table::Dates),
                "figures" => Ok(Table::Figures),
                _ => Err(format!(
                    "--table {s:?}: use quotes, entities, dates or figures"
                )),
            }
        }
    }

    /// What each column holds, per table:
    ///
    /// | column  | quotes                    | entities (one row per mention) | dates        | figures                      |
    /// |---------|---------------------------|--------------------------------|--------------|------------------------------|
    /// | article | the file                  | same                           | same         | same                         |
    /// | kind    | `full`, `partial`, `indirect` | the subtype (`city`, `agency`) | empty        | `money`, `percent`, `quantity` |
    /// | text    | the quoted words          | the mention as written         | the phrase   | the figure as written        |
    /// | speaker | the speaker as written    | empty                          | empty        | empty                        |
    /// | entity  | the speaker's name        | the entity's name              | empty        | empty                        |
    /// | type    | the speaker entity's type | the entity's type              | empty        | currency or unit (`USD`, `%`, `km`), `per X` |
    /// | value   | the cue (`said`)          | the role (`Foreign Minister`)  | `YYYY-MM-DD` | the number, scale applied    |
    /// | start, end | the quote's offsets    | the mention's                  | the phrase's | the figure's                 |
    pub const COLUMNS: [&str; 9] = [
        "article", "kind", "text", "speaker", "entity", "type", "value", "start", "end",
    ];

    /// The rows of `table` for one article's analysis.
    pub fn rows<'a>(table: Table, article: &'a str, analysis: &'a Analysis) -> Vec<[Field<'a>; 9]> {
        let text = |s: &'a str| Field::Text(s);
        let optional = |s: Option<&'a str>| s.map_or(Field::Empty, Field::Text);
        match table {
            Table::Quotes => analysis
                .quotes
                .iter()
                .map(|quote| {
                    let speaker = quote.speaker.as_ref();
                    let entity = speaker
                        .and_then(|s| s.entity)
                        .and_then(|i| analysis.entities.get(i));
                    [
                        text(article),
                        text(match quote.kind {
                            QuoteKind::Full => "full",
                            QuoteKind::Partial => "partial",
                            QuoteKind::Indirect => "indirect",
                        }),
                        text(&quote.span.text),
                        optional(speaker.map(|s| s.span.text.as_str())),
                        optional(speaker.map(|s| s.name.as_str())),
                        optional(entity.map(|e| entity_type(e.entity_type))),
                        optional(quote.cue.as_ref().map(|c| c.text.as_str())),
                        Field::Number(quote.span.start),
                        Field::Number(quote.span.end),
                    ]
                })
                .collect(),
            Table::Entities => analysis
                .entities
                .iter()
                .flat_map(|entity| {
                    entity.mentions.iter().map(move |mention| {
                        [
                            text(article),
                            optional(entity.subtype.as_deref()),
                            text(&mention.text),
                            Field::Empty,
                            text(&entity.name),
                            text(entity_type(entity.entity_type)),
                            optional(entity.role.as_deref()),
                            Field::Number(mention.start),
                            Field::Number(mention.end),
                        ]
                    })
                })
                .collect(),
            Table::Dates => analysis
                .dates
                .iter()
                .map(|date| {
                    [
                        text(article),
                        Field::Empty,
                        text(&date.span.text),
                        Field::Empty,
                        Field::Empty,
                        Field::Empty,
                        optional(date.value.as_deref()),
                        Field::Number(date.span.start),
                        Field::Number(date.span.end),
                    ]
                })
                .collect(),
            Table::Figures => analysis
                .figures
                .iter()
                .map(|figure| {
                    let value = &figure.value;
                    let measure = value.currency.as_ref().or(value.unit.as_ref());
                    let measure = match (measure, &value.per) {
                        (Some(m), Some(per)) => Field::Owned(format!("{m} per {per}")),
                        (None, Some(per)) => Field::Owned(format!("per {per}")),
                        (Some(m), None) => text(m),
                        (None, None) => Field::Empty,
                    };
                    [
                        text(article),
                        text(match figure.kind {
                            FigureKind::Money => "money",
                            FigureKind::Percent => "percent",
                            FigureKind::Quantity => "quantity",
                        }),
                        text(&figure.span.text),
                        Field::Empty,
                        Field::Empty,
                        measure,
                        Field::Float(value.number),
                        Field::Number(figure.span.start),
                        Field::Number(figure.span.end),
                    ]
                })
                .collect(),
        }
    }

    /// The columns of `compare --table`: `group` first (which aligned statement, or which
    /// entity row, of the comparison), then the columns of `COLUMNS`, so that a story's
    /// rows read as its own table's do:
    ///
    /// | column  | quotes (one row per quote of each version) | entities (one row per story naming it) |
    /// |---------|--------------------------------------------|----------------------------------------|
    /// | group   | the index in the comparison's `quotes`     | the index in the comparison's `entities` |
    /// | article | the file                                   | same                                   |
    /// | kind    | `full`, `partial`, `indirect`              | `quoted` or `mentioned` in that story  |
    /// | text    | the quoted words                           | the story's first mention as written   |
    /// | speaker | the speaker as written                     | empty                                  |
    /// | entity  | the speaker's name across the stories      | the name across the stories            |
    /// | type    | the speaker entity's type                  | the entity's type                      |
    /// | value   | on a version's first quote: its wording changes against the first story's (`Kim Jong Un → Kim Jong-un; the DPRK → [North Korea]`) | the story's mention count |
    /// | start, end | the quote's offsets                     | the story's first mention's            |
    pub const COMPARE_COLUMNS: [&str; 10] = [
        "group", "article", "kind", "text", "speaker", "entity", "type", "value", "start", "end",
    ];

    /// The rows of `compare --table` (quotes or entities) for the comparison of the
    /// stories `articles` (their names) with their `analyses`.
    pub fn compare_rows<'a>(
        table: Table,
        articles: &[&'a str],
        analyses: &'a [Analysis],
        comparison: &'a Comparison,
    ) -> Result<Vec<[Field<'a>; 10]>, String> {
        let mut out = Vec::new();
        match table {
            Table::Quotes => {
                // Each story's own quotes table, whose rows the versions' quotes take.
                let quotes: Vec<_> = articles
                    .iter()
                    .zip(analyses)
                    .map(|(&article, analysis)| rows(Table::Quotes, article, analysis))
                    .collect();
                for (group, statement) in comparison.quotes.iter().enumerate() {
                    for version in &statement.versions {
                        let changes = changes(&version.changes);
                        for (i, &q) in version.quotes.iter().enumerate() {
                            let [_, kind, text, speaker, _, speaker_type, _, start, end] =
                                quotes[version.story][q].clone();
                            let value = match (i, &changes) {
                                (0, Some(changes)) => Field::Owned(changes.clone()),
                                _ => Field::Empty,
                            };
                            let entity =
                                version.speaker.as_deref().map_or(Field::Empty, Field::Text);
                            out.push([
                                Field::Number(group),
                                Field::Text(articles[version.story]),
                                kind,
                                text,
                                speaker,
                                entity,
                                speaker_type,
                                value,
                                start,
                                end,
                            ]);
                        }
                    }
                }
            }
            Table::Entities => {
                for (group, shared) in comparison.entities.iter().enumerate() {
                    for here in &shared.stories {
                        let analysis = &analyses[here.story];
                        let entity = here
                            .entities
                            .first()
                            .and_then(|&i| analysis.entities.get(i));
                        let first = entity.and_then(|e| e.mentions.first());
                        out.push([
                            Field::Number(group),
                            Field::Text(articles[here.story]),
                            Field::Text(if here.quoted > 0 {
                                "quoted"
                            } else {
                                "mentioned"
                            }),
                            first.map_or(Field::Empty, |m| Field::Text(&m.text)),
                            Field::Empty,
                            Field::Text(&shared.name),
                            Field::Text(entity_type(shared.entity_type)),
                            Field::Number(here.mentions),
                            first.map_or(Field::Empty, |m| Field::Number(m.start)),
                            first.map_or(Field::Empty, |m| Field::Number(m.end)),
                        ]);
                    }
                }
            }
            Table::Dates | Table::Figures => {
                return Err("compare --table: use quotes or entities".to_string())
            }
        }
        Ok(out)
    }

    /// A version's changes as `reference words → version words; …` (`∅` for no words),
    /// or None for the reference version itself.
    fn changes(changes: &[Change]) -> Option<String> {
        let words = |spans: &[article_analyzer::Span]| {
            let words: Vec<&str> = spans.iter().map(|s| s.text.as_str()).collect();
            if words.is_empty() {
                "∅".to_string()
            } else {
                words.join(" … ")
            }
        };
        (!changes.is_empty()).then(|| {
            changes
                .iter()
                .map(|c| format!("{} → {}", words(&c.reference), words(&c.version)))
                .collect::<Vec<_>>()
                .join("; ")
        })
    }

    fn entity_type(t: EntityType) -> &'static str {
        match t {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Location => "location",
            EntityType::Misc => "misc",
        }
    }
}

/// One cell of a table row.
#[derive(Debug, Clone)]
enum Field<'a> {
    Text(&'a str),
    Owned(String),
    Number(usize),
    /// A measured amount: whole numbers as integers (`44500000`, as JavaScript prints it).
    Float(f64),
    /// Nothing: an empty cell, `null` in JSON.
    Empty,
}

impl Field<'_> {
    fn text(&self) -> Option<&str> {
        match self {
            Field::Text(s) => Some(s),
            Field::Owned(s) => Some(s),
            _ => None,
        }
    }
}

/// `f64` as JavaScript prints it: whole numbers without `.0`.
fn write_float(out: &mut impl Write, x: f64) -> io::Result<()> {
    if x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0 {
        write!(out, "{}", x as i64)
    } else {
        write!(out, "{x}")
    }
}

/// Writes rows with fixed columns in any `Format`: a header for CSV and TSV, an object
/// per row (keyed by column) for JSON and JSON lines. Any table of the CLI goes through
/// it, so every table gets every format.
struct TableWriter<W: Write> {
    format: Format,
    columns: &'static [&'static str],
    out: W,
    rows: usize,
}

impl<W: Write> TableWriter<W> {
    fn new(format: Format, columns: &'static [&'static str], mut out: W) -> io::Result<Self> {
        match format {
            Format::Csv | Format::Tsv => {
                let header: Vec<Field> = columns.iter().map(|c| Field::Text(c)).collect();
                write_delimited(&mut out, format, &header)?;
            }
            Format::Json => out.write_all(b"[")?,
            Format::Jsonl => {}
        }
        Ok(TableWriter {
            format,
            columns,
            out,
            rows: 0,
        })
    }

    fn write(&mut self, row: &[Field]) -> io::Result<()> {
        debug_assert_eq!(row.len(), self.columns.len());
        match self.format {
            Format::Csv | Format::Tsv => write_delimited(&mut self.out, self.format, row)?,
            Format::Json | Format::Jsonl => {
                if self.format == Format::Json {
                    self.out
                        .write_all(if self.rows == 0 { b"\n  " } else { b",\n  " })?;
                }
                let object = RowObject {
                    columns: self.columns,
                    row,
                };
                serde_json::to_writer(&mut self.out, &object)?;
                if self.format == Format::Jsonl {
                    self.out.write_all(b"\n")?;
                }
            }
        }
        self.rows += 1;
        Ok(())
    }

    fn finish(mut self) -> io::Result<()> {
        if self.format == Format::Json {
            self.out
                .write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

/// A row as a JSON object, its keys in column order.
struct RowObject<'a> {
    columns: &'a [&'a str],
    row: &'a [Field<'a>],
}

impl serde::Serialize for RowObject<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.columns.len()))?;
        for (column, field) in self.columns.iter().zip(self.row) {
            match field {
                Field::Text(_) | Field::Owned(_) => map.serialize_entry(column, &field.text())?,
                Field::Number(n) => map.serialize_entry(column, n)?,
                Field::Float(x) if x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0 => {
                    map.serialize_entry(column, &(*x as i64))?
                }
                Field::Float(x) => map.serialize_entry(column, x)?,
                Field::Empty => map.serialize_entry(column, &())?,
            }
        }
        map.end()
    }
}

/// Whether a text cell gets a `'` in front in CSV and TSV, so that a spreadsheet shows
/// it as text instead of running it as a formula (CSV injection: a quote such as
/// `"=HYPERLINK(...)"` or a name such as `@SUM(...)` in an article would otherwise
/// compute in Excel, LibreOffice or Google Sheets). Escaped: a cell that starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return and has more after it (a lone `-`,
/// the name of standard input, is no formula), and, so that the escape can be undone
/// exactly, a cell that already starts with `'`s followed by one of those. To read the
/// text back, drop one `'` from a cell that starts with `'`s and then one of them.
/// Numbers (offsets, figures' values) are written as numbers.
fn is_formula_like(s: &str) -> bool {
    const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];
    let after_quotes = s.trim_start_matches('\'');
    match after_quotes.chars().next() {
        Some(c) if TRIGGERS.contains(&c) => after_quotes.len() < s.len() || s.len() > 1,
        _ => false,
    }
}

/// One CSV or TSV line.
fn write_delimited(out: &mut impl Write, format: Format, row: &[Field]) -> io::Result<()> {
    for (i, field) in row.iter().enumerate() {
        if i > 0 {
            out.write_all(if format == Format::Csv { b"," } else { b"\t" })?;
        }
        let s = match field {
            Field::Empty => continue,
            Field::Number(n) => {
                write!(out, "{n}")?;
                continue;
            }
            Field::Float(x) => {
                write_float(out, *x)?;
                continue;
            }
            Field::Text(s) => *s,
            Field::Owned(s) => s.as_str(),
        };
        let escaped;
        let s = if is_formula_like(s) {
            escaped = format!("'{s}");
            escaped.as_str()
        } else {
            s
        };
        match s {
            s if format == Format::Csv => {
                if s.contains([',', '"', '\n', '\r']) {
                    write!(out, "\"{}\"", s.replace('"', "\"\""))?;
                } else {
                    out.write_all(s.as_bytes())?;
                }
            }
            s => {
                let mut rest = s;
                while let Some(at) = rest.find(['\t', '\n', '\r', '\\']) {
                    out.write_all(&rest.as_bytes()[..at])?;
                    out.write_all(match rest.as_bytes()[at] {
                        b'\t' => b"\\t",
                        b'\n' => b"\\n",
                        b'\r' => b"\\r",
                        _ => b"\\\\",
                    })?;
                    rest = &rest[at + 1..];
                }
                out.write_all(rest.as_bytes())?;
            }
        }
    }
    // CRLF, as RFC 4180 writes CSV; TSV lines end with LF.
    out.write_all(if format == Format::Csv {
        b"\r\n"
    } else {
        b"\n"
    })
}
