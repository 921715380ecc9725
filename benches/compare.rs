//! The comparison's speed: twenty 5 KB stories on one event must compare in under
//! 20 ms, and the time must grow no faster than quotes × stories.
//!
//! `cargo bench --bench compare`. The stories are built here from a pool of statements
//! (each story quotes ten of them, some with a word changed, some split in two) and
//! reporter's sentences naming a pool of people and places, so every statement is
//! carried by many stories: the worst case for alignment. Analyses are made first and
//! not timed; each time is the best of several rounds. Exits 1 when twenty stories take
//! 20 ms or more, or when the time per quote × story at the largest count is more than
//! twice that at the smallest.

use article_analyzer::{analyze, compare, Analysis, Options};
use std::hint::black_box;
use std::time::Instant;

const STORY_BYTES: usize = 5_000;
const COUNTS: [usize; 4] = [5, 10, 20, 40];
const BUDGET_MS: f64 = 20.0;
const ALLOWED_GROWTH: f64 = 2.0;

const SPEAKERS: &[&str] = &[
    "Prime Minister Han Duck-soo",
    "Unification Minister Kim Yung-ho",
    "President Yoon Suk-yeol",
    "Foreign Minister Choe Son-hui",
    "Defense Minister Kang Sun-nam",
    "spokesman Lee Min-ji",
];

const STATEMENTS: &[&str] = &[
    "We are witnessing relations between the two countries drawing closer every month",
    "News about the possibility of military cooperation between the two countries is worrisome",
    "We are deeply concerned about military cooperation and arms transactions between the two nations",
    "We once again called on both governments to stop illegal and reckless acts that only deepen their isolation",
    "The talks were held in a warm and friendly atmosphere and covered every field of cooperation",
    "Any transfer of weapons would violate the resolutions of the Security Council and will be answered",
    "Our government will watch the situation closely with our allies and take the necessary measures",
    "The two leaders agreed to expand exchanges in science, agriculture, tourism and sports next year",
    "It is the consistent stand of our government to develop the tradition of deep-rooted friendship",
    "The visit opens a new chapter in the history of relations between the two neighbouring countries",
    "There is no evidence so far that any agreement on arms supplies was signed during the summit",
    "We will respond firmly to any provocation that threatens the security of the peninsula",
    "Sanctions must be enforced by every member state without exception and without delay",
    "The delegation toured the space center and was briefed on the launch of carrier rockets",
    "Both sides discussed the important issues and the immediate cooperation matters at length",
    "Economic cooperation will be the focus of the next round of talks in the capital",
];

const FILLER: &[&str] = &[
    "The summit took place at the Vostochny Cosmodrome in the Amur region of Russia on Wednesday.",
    "North Korean leader Kim Jong-un arrived in Russia by armoured train on Tuesday morning.",
    "Analysts in Seoul said the meeting could lead to a deal on artillery shells and satellite technology.",
    "Russian President Vladimir Putin hosted a reception for the visiting delegation after the talks.",
    "The United States and Japan have warned against any arms transfer between the two countries.",
    "Kim is expected to visit an aircraft factory in Komsomolsk-on-Amur and the port of Vladivostok.",
    "Officials in Washington said they were watching the visit closely and had raised concerns with Moscow.",
];

/// A small deterministic generator, so every run compares the same stories.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// A statement as one story words it: sometimes a word changed or dropped.
fn version_of(statement: &str, rng: &mut Rng) -> String {
    let mut words: Vec<&str> = statement.split(' ').collect();
    match rng.below(4) {
        0 => {
            let at = rng.below(words.len());
            words[at] = "indeed";
        }
        1 if words.len() > 8 => {
            words.remove(rng.below(words.len()));
        }
        _ => {}
    }
    words.join(" ")
}

fn story(index: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ ((index as u64 + 1) * 0x2545_F491_4F6C_DD1D));
    let mut text = format!("SEOUL, Sept. 14 (Agency{index}) -- ");
    let mut quoted = 0;
    while text.len() < STORY_BYTES {
        text.push_str(FILLER[rng.below(FILLER.len())]);
        text.push(' ');
        text.push_str(FILLER[rng.below(FILLER.len())]);
        text.push_str("\n\n");
        if quoted < 10 {
            let statement = version_of(STATEMENTS[rng.below(STATEMENTS.len())], &mut rng);
            let speaker = SPEAKERS[rng.below(SPEAKERS.len())];
            let words: Vec<&str> = statement.split(' ').collect();
            if rng.below(3) == 0 {
                // Split in two around the attribution.
                let (a, b) = words.split_at(words.len() / 2);
                text.push_str(&format!(
                    "\"{},\" {speaker} said. \"{}.\"\n\n",
                    a.join(" "),
                    b.join(" ")
                ));
            } else {
                text.push_str(&format!("\"{statement},\" {speaker} said.\n\n"));
            }
            quoted += 1;
        }
    }
    text
}

/// The best of several rounds of comparing `stories`, in milliseconds.
fn best_ms(stories: &[(&str, &Analysis)]) -> f64 {
    let rounds = 15;
    (0..rounds)
        .map(|_| {
            let clock = Instant::now();
            black_box(compare(black_box(stories)));
            clock.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let largest = *COUNTS.iter().max().unwrap_or(&1);
    let texts: Vec<String> = (0..largest).map(story).collect();
    let clock = Instant::now();
    let analyses: Vec<Analysis> = texts
        .iter()
        .map(|t| analyze(t, &Options::default()))
        .collect();
    let analyze_ms = clock.elapsed().as_secs_f64() * 1e3;
    println!(
        "analyzing {largest} stories of {} KB: {analyze_ms:.1} ms (not counted below)",
        STORY_BYTES / 1000
    );
    println!("stories  quotes  statements  compare ms  µs per quote×story");
    let mut per_unit = Vec::new();
    let mut twenty_ms = None;
    for &n in &COUNTS {
        let stories: Vec<(&str, &Analysis)> = texts[..n]
            .iter()
            .map(String::as_str)
            .zip(&analyses[..n])
            .collect();
        let quotes: usize = analyses[..n].iter().map(|a| a.quotes.len()).sum();
        let statements = compare(&stories).quotes.len();
        let ms = best_ms(&stories);
        let unit = ms * 1e3 / (quotes * n) as f64;
        println!("{n:7}  {quotes:6}  {statements:10}  {ms:10.2}  {unit:19.3}");
        per_unit.push(unit);
        if n == 20 {
            twenty_ms = Some(ms);
        }
    }
    let growth = per_unit.last().unwrap_or(&0.0) / per_unit.first().unwrap_or(&1.0);
    println!("growth of the time per quote×story, {} to {largest} stories: {growth:.2}x (allowed {ALLOWED_GROWTH}x)", COUNTS[0]);
    let mut failed = false;
    if let Some(ms) = twenty_ms.filter(|&ms| ms >= BUDGET_MS) {
        println!("FAIL: twenty stories took {ms:.1} ms (budget {BUDGET_MS} ms)");
        failed = true;
    }
    if growth > ALLOWED_GROWTH {
        println!("FAIL: the time grows faster than quotes × stories");
        failed = true;
    }
    if failed {
        std::process::exit(1);
    }
}
