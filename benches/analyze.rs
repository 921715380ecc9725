//! Criterion benchmarks of `analyze`: each shipped story alone, the whole set, one long
//! story, and pathological inputs growing step by step (as pulldown-cmark does), all
//! with `Throughput::Bytes` so the report reads in MB/s.
//!
//! `cargo bench --bench analyze` (or `scripts/bench.sh`).

mod corpus;

use article_analyzer::{analyze, Options};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;

fn short_stories(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("story");
    for (name, text) in corpus::stories() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&name), &text, |b, text| {
            b.iter(|| analyze(black_box(text), &options))
        });
    }
    group.finish();

    let stories = corpus::stories();
    let total: usize = stories.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("all stories, one by one", |b| {
        b.iter(|| {
            for (_, text) in &stories {
                black_box(analyze(black_box(text), &options));
            }
        })
    });
    group.finish();
}

fn growing_inputs(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("growing");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(2));
    for (kind, unit) in corpus::growing_inputs() {
        for bytes in [10_000, 100_000, 1_000_000] {
            let text = corpus::repeat_to(&unit, bytes);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(kind, bytes), &text, |b, text| {
                b.iter(|| analyze(black_box(text), &options))
            });
        }
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(Duration::from_secs(2)).warm_up_time(Duration::from_millis(500));
    targets = short_stories, growing_inputs
}
criterion_main!(benches);
