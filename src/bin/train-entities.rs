//! Trains the entity typing model (`data/entity-model.bin`, read by
//! `src/entities/model.rs`).
//!
//! ```sh
//! python3 scripts/entity_training_data.py CONLL/eng.train GUM_DIR > /tmp/entity-train.jsonl
//! cargo run --release --bin train-entities -- /tmp/entity-train.jsonl data/entity-model.bin
//! ```
//!
//! Each story goes through the recognizer; every candidate it cuts gets a label from
//! the gold mentions: a CoNLL candidate is its entity's type when its span is exactly
//! a gold entity's, "no entity" when it overlaps none, and left out when it cuts one
//! wrong; a GUM candidate overlapping a proper noun takes
//! the type of the smallest annotated mention holding it, else "no entity" (GUM
//! candidates without a proper noun, such as demonyms, are not trained on). Then a
//! multinomial logistic regression is fitted by plain SGD over the hashed features,
//! in an order shuffled by a fixed seed, and its weights are written as i8 with a
//! scale per class, the smallest (`DEAD_ZONE`) as zero. The same input gives the
//! same bytes. The stories marked `held_out` are never trained on; their accuracy is
//! printed.

use article_analyzer::training::{training_candidates, MODEL_SHAPE};
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};

const EPOCHS: usize = 6;
const GUM_REPEATS: usize = 3;
const SEED: u64 = 0x5eed_2003;
const LEARNING_RATE: f32 = 0.2;
const L2: f32 = 1e-6;
/// Weights within this many quantization steps of zero are stored as zero: they
/// barely move a score, and zeros compress (3.5 steps: the model gzips to 72 KiB
/// instead of 91 KiB, with the same held-out accuracy).
const DEAD_ZONE: f32 = 3.5;

struct Example {
    features: Vec<u32>,
    label: usize,
    held_out: bool,
    source: &'static str,
}

fn label_index(kind: &str) -> usize {
    match kind {
        "PER" => 1,
        "ORG" => 2,
        "LOC" => 3,
        "MISC" => 4,
        _ => 0,
    }
}

fn spans(value: &Value, key: &str) -> Vec<(usize, usize, String)> {
    value[key]
        .as_array()
        .into_iter()
        .flatten()
        .map(|g| {
            (
                g[0].as_u64().unwrap_or(0) as usize,
                g[1].as_u64().unwrap_or(0) as usize,
                g[2].as_str().unwrap_or("O").to_string(),
            )
        })
        .collect()
}

fn read_examples(path: &str) -> Vec<Example> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = Vec::new();
    for line in BufReader::new(file).lines() {
        let line = line.expect("readable input");
        let v: Value = serde_json::from_str(&line).expect("a JSON line");
        let text = v["text"].as_str().unwrap_or_default();
        let source = if v["source"] == "gum" { "gum" } else { "conll" };
        let held_out = v["held_out"].as_bool().unwrap_or(false);
        let gold = spans(&v, "gold");
        let propn = spans(&v, "propn");
        for (bytes, features) in training_candidates(text) {
            let (s, e) = (bytes.start, bytes.end);
            let label = if source == "conll" {
                match gold.iter().find(|g| g.0 < e && s < g.1) {
                    Some(g) if g.0 == s && g.1 == e => label_index(&g.2),
                    // A cut that overlaps an entity but misses its ends says little
                    // about types: left out.
                    Some(_) => continue,
                    None => 0,
                }
            } else {
                if !propn.iter().any(|p| p.0 < e && s < p.1) {
                    continue;
                }
                // The smallest annotated mention holding the candidate whose proper
                // nouns all lie inside it: `Senegal` in `southern Senegal`, not
                // `Eegimaa` in `Eegimaa speakers` (a person).
                let holding = gold
                    .iter()
                    .filter(|g| g.0 <= s && e <= g.1)
                    .filter(|g| {
                        propn
                            .iter()
                            .filter(|p| g.0 <= p.0 && p.1 <= g.1)
                            .all(|p| s <= p.0 && p.1 <= e)
                    })
                    .min_by_key(|g| g.1 - g.0);
                match holding {
                    Some(g) => label_index(&g.2),
                    None if gold.iter().any(|g| g.0 < e && s < g.1) => continue,
                    None => 0,
                }
            };
            out.push(Example {
                features,
                label,
                held_out,
                source,
            });
        }
    }
    out
}

/// xorshift64*: a fixed sequence for a fixed seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

fn scores(weights: &[f32], classes: usize, buckets: usize, features: &[u32]) -> Vec<f32> {
    let mut s = vec![0.0; classes];
    for &f in features {
        let row = (f as usize & (buckets - 1)) * classes;
        for c in 0..classes {
            s[c] += weights[row + c];
        }
    }
    s
}

fn softmax(s: &[f32]) -> Vec<f32> {
    let max = s.iter().copied().fold(f32::MIN, f32::max);
    let e: Vec<f32> = s.iter().map(|x| (x - max).exp()).collect();
    let total: f32 = e.iter().sum();
    e.iter().map(|x| x / total).collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: train-entities STORIES.jsonl OUT.bin");
        std::process::exit(2);
    }
    let (buckets, classes) = MODEL_SHAPE;
    let examples = read_examples(&args[1]);
    let train: Vec<usize> = (0..examples.len())
        .filter(|&i| !examples[i].held_out)
        .collect();
    eprintln!("{} candidates, {} to train on", examples.len(), train.len());
    let mut weights = vec![0.0f32; buckets * classes];
    let mut rng = Rng(SEED);
    // GUM is the smaller set and the nearer to today's web news: each of its
    // candidates is seen `GUM_REPEATS` times an epoch.
    let mut order: Vec<usize> = train
        .iter()
        .flat_map(|&i| {
            let n = if examples[i].source == "gum" {
                GUM_REPEATS
            } else {
                1
            };
            std::iter::repeat_n(i, n)
        })
        .collect();
    for epoch in 0..EPOCHS {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let rate = LEARNING_RATE / (1.0 + epoch as f32);
        let mut loss = 0.0f64;
        for &k in &order {
            let ex = &examples[k];
            let p = softmax(&scores(&weights, classes, buckets, &ex.features));
            loss -= f64::from(p[ex.label].max(1e-9).ln());
            for &f in &ex.features {
                let row = (f as usize & (buckets - 1)) * classes;
                for c in 0..classes {
                    let target = if c == ex.label { 1.0 } else { 0.0 };
                    let w = &mut weights[row + c];
                    *w -= rate * ((p[c] - target) + L2 * *w);
                }
            }
        }
        eprintln!("epoch {epoch}: mean loss {:.4}", loss / order.len() as f64);
    }
    // Quantize: i8 per weight, a scale per class.
    let mut scales = vec![0.0f32; classes];
    for c in 0..classes {
        let max = (0..buckets)
            .map(|r| weights[r * classes + c].abs())
            .fold(0.0f32, f32::max);
        scales[c] = if max > 0.0 { max / 127.0 } else { 1.0 };
    }
    let mut bytes = b"EMW1".to_vec();
    for s in &scales {
        bytes.extend_from_slice(&s.to_le_bytes());
    }
    let mut quantized = vec![0.0f32; buckets * classes];
    for r in 0..buckets {
        for c in 0..classes {
            let x = weights[r * classes + c] / scales[c];
            let q = if x.abs() < DEAD_ZONE {
                0
            } else {
                x.round().clamp(-127.0, 127.0) as i8
            };
            bytes.push(q as u8);
            quantized[r * classes + c] = f32::from(q) * scales[c];
        }
    }
    std::fs::File::create(&args[2])
        .and_then(|mut f| f.write_all(&bytes))
        .unwrap_or_else(|e| panic!("{}: {e}", args[2]));
    report(&examples, &quantized, classes, buckets);
}

/// Accuracy of the quantized model on the candidates, trained on and held out (the
/// analyzer's second pass, which weighs names listed together, the recognizer's
/// readings and the word lists, is left out), and the held-out confusion.
fn report(examples: &[Example], weights: &[f32], classes: usize, buckets: usize) {
    let argmax = |v: &[f32]| {
        (0..v.len())
            .max_by(|&a, &b| v[a].total_cmp(&v[b]).then(b.cmp(&a)))
            .unwrap_or(0)
    };
    for source in ["conll", "gum"] {
        for held_out in [false, true] {
            let (mut n, mut right) = (0, 0);
            let mut confusion = vec![vec![0usize; classes]; classes];
            for ex in examples {
                if ex.source != source || ex.held_out != held_out {
                    continue;
                }
                let best = argmax(&scores(weights, classes, buckets, &ex.features));
                n += 1;
                right += usize::from(best == ex.label);
                confusion[ex.label][best] += 1;
            }
            let part = if held_out { "held out" } else { "trained on" };
            eprintln!(
                "{source} {part}: {n} candidates, accuracy {:.4}",
                right as f64 / n.max(1) as f64
            );
            if held_out {
                eprintln!("  gold O/PER/ORG/LOC/MISC by predicted: {confusion:?}");
            }
        }
    }
}
