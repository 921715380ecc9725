//! The scaling check: analysis time must grow linearly with the input. For each kind
//! of input in `corpus::growing_inputs` it times 1 KB, 100 KB, 1 MB and 10 MB and fails
//! (exit 1) when the time per byte of any size is more than 1.5× that of another, or
//! when one analysis takes longer than a minute (a hang or something quadratic).
//!
//! `cargo bench --bench scaling` (or `scripts/bench.sh`). Prints one table row per kind.
//! Each time is the best of several rounds of about 0.1 s, so a busy moment on the
//! machine does not count.

mod corpus;

use article_analyzer::{analyze, Options};
use std::hint::black_box;
use std::sync::mpsc;
use std::time::{Duration, Instant};

const SIZES: [usize; 4] = [1_000, 100_000, 1_000_000, 10_000_000];
const ALLOWED_RATIO: f64 = 1.5;
const ONE_RUN_LIMIT: Duration = Duration::from_secs(60);

/// Wall-clock nanoseconds per byte of analyzing `text` `runs` times in a row. (Thread
/// CPU time from `/proc/thread-self/schedstat` looked better under load, but Linux only
/// updates it at scheduler ticks: a 1 KB run read as zero time and the batch size
/// computed from it never finished.)
fn nanos_per_byte(text: &str, runs: u32) -> f64 {
    let options = Options::default();
    // One untimed run first: the first small analysis after a 10 MB one pays about
    // 25 ms while the allocator tidies what the big one freed, which made 1 KB read
    // 5-40x slower per byte than it is.
    black_box(analyze(black_box(text), &options));
    let clock = Instant::now();
    for _ in 0..runs {
        black_box(analyze(black_box(text), &options));
    }
    clock.elapsed().as_nanos() as f64 / f64::from(runs) / text.len() as f64
}

/// Best time per byte for each input: rounds that visit every size in turn (so a busy
/// moment on the machine hits all sizes alike), each visit a batch of runs of about
/// 0.1 s; the clock is read once per batch, so reading it costs nothing even at 1 KB.
/// `None` when a single run takes longer than `ONE_RUN_LIMIT` (a hang, or quadratic).
fn best_nanos_per_byte(inputs: Vec<String>) -> Option<Vec<f64>> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let once: Vec<f64> = inputs.iter().map(|t| nanos_per_byte(t, 1)).collect();
        sender.send(None).ok(); // the single runs are over: no hang
        let batches: Vec<u32> = inputs
            .iter()
            .zip(&once)
            .map(|(t, ns)| (1e8 / (ns * t.len() as f64).max(1.0)).ceil().min(1e6) as u32)
            .collect();
        let mut best = once;
        for _ in 0..7 {
            for ((text, runs), best) in inputs.iter().zip(&batches).zip(&mut best) {
                *best = best.min(nanos_per_byte(text, *runs));
            }
        }
        sender.send(Some(best)).ok();
    });
    receiver.recv_timeout(ONE_RUN_LIMIT).ok()?;
    receiver.recv().ok().flatten()
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
        std::io::Write::flush(&mut std::io::stdout()).ok();
        let inputs = SIZES.iter().map(|&n| corpus::repeat_to(&unit, n)).collect();
        let Some(times) = best_nanos_per_byte(inputs) else {
            println!("  a single run took over {}s", ONE_RUN_LIMIT.as_secs());
            failures.push(format!("{kind}: too slow (hang or quadratic)"));
            continue;
        };
        times.iter().for_each(|t| print!("{t:>10.2}"));
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
