//! The scaling check: analysis time must grow linearly with the input. For each kind
//! of input in `corpus::growing_inputs` it times 1 KB, 100 KB, 1 MB and 10 MB and fails
//! (exit 1) when the time per byte of any size is more than 1.5× that of another, or
//! when one analysis takes longer than a minute (a hang or something quadratic).
//!
//! `cargo bench --bench scaling` (or `scripts/bench.sh`). Prints one table row per kind.
//! Each time is the best of several rounds of at least 0.2 s, counted in CPU time of
//! the measuring thread where Linux tells it (`/proc/thread-self/schedstat`), to keep
//! other jobs on the machine out of the ratio.

mod corpus;

use article_analyzer::{analyze, Options};
use std::hint::black_box;
use std::sync::mpsc;
use std::time::{Duration, Instant};

const SIZES: [usize; 4] = [1_000, 100_000, 1_000_000, 10_000_000];
const ALLOWED_RATIO: f64 = 1.5;
const ONE_RUN_LIMIT: Duration = Duration::from_secs(60);

/// Nanoseconds this thread has run on a CPU (Linux), else wall-clock nanoseconds.
fn thread_nanos(wall_start: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .unwrap_or_else(|| wall_start.elapsed().as_nanos() as f64)
}

/// Best time per byte (ns) of analyzing `text`, over a few rounds of repeated runs.
/// The clock is read once per batch of runs lasting about 2 ms, so reading it costs
/// nothing measurable even on 1 KB inputs.
fn nanos_per_byte(text: &str) -> f64 {
    let options = Options::default();
    let clock = Instant::now();
    let once = Instant::now();
    black_box(analyze(black_box(text), &options));
    let batch = (2e6 / once.elapsed().as_nanos().max(1) as f64).ceil() as u32;
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let started = thread_nanos(clock);
        let mut runs = 0u32;
        let mut spent = 0.0;
        while runs == 0 || spent < 0.2e9 {
            for _ in 0..batch {
                black_box(analyze(black_box(text), &options));
            }
            runs += batch;
            spent = thread_nanos(clock) - started;
        }
        best = best.min(spent / f64::from(runs) / text.len() as f64);
    }
    best
}

/// `nanos_per_byte` on another thread, giving up after `ONE_RUN_LIMIT`.
fn nanos_per_byte_within_limit(text: String) -> Option<f64> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || sender.send(nanos_per_byte(&text)));
    receiver.recv_timeout(ONE_RUN_LIMIT * 4).ok()
}

fn main() {
    // `cargo bench` passes `--bench`; any other argument selects kinds by name.
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let mut failures = Vec::new();
    print!("{:<22}", "ns/byte");
    SIZES
        .iter()
        .for_each(|s| print!("{:>10}", format!("{} KB", s / 1000)));
    println!("{:>8}", "ratio");
    for (kind, unit) in corpus::growing_inputs() {
        if !wanted.is_empty() && !wanted.iter().any(|w| kind.contains(w.as_str())) {
            continue;
        }
        print!("{kind:<22}");
        let mut times = Vec::new();
        for bytes in SIZES {
            match nanos_per_byte_within_limit(corpus::repeat_to(&unit, bytes)) {
                Some(t) => {
                    print!("{t:>10.2}");
                    times.push(t);
                }
                None => {
                    println!("  over {}s at {bytes} bytes", ONE_RUN_LIMIT.as_secs());
                    failures.push(format!("{kind}: too slow at {bytes} bytes"));
                    break;
                }
            }
            use std::io::Write;
            std::io::stdout().flush().ok();
        }
        if times.len() == SIZES.len() {
            let (low, high) = times
                .iter()
                .fold((f64::INFINITY, 0f64), |(l, h), &t| (l.min(t), h.max(t)));
            let ratio = high / low;
            println!(
                "{ratio:>8.2}{}",
                if ratio > ALLOWED_RATIO {
                    "  NOT LINEAR"
                } else {
                    ""
                }
            );
            if ratio > ALLOWED_RATIO {
                failures.push(format!("{kind}: time per byte varies {ratio:.2}x"));
            }
        }
    }
    if failures.is_empty() {
        println!("scaling: linear within {ALLOWED_RATIO}x on every input");
    } else {
        println!("scaling: FAILED\n  {}", failures.join("\n  "));
        std::process::exit(1);
    }
}
