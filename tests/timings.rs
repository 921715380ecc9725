//! `Options::timings`: absent unless asked; when asked, every stage in pipeline order
//! with its milliseconds, and a total that covers them.

use article_analyzer::{analyze, Options};

#[test]
fn timings_only_when_asked_with_every_stage_in_order() {
    let text = "SEOUL, Sept. 14 (Yonhap) -- Kim Jong-un said exports rose 5% to $55.9 billion.";
    assert_eq!(analyze(text, &Options::default()).timings, None);
    let options = Options {
        timings: true,
        ..Options::default()
    };
    let timings = analyze(text, &options).timings.expect("timings");
    let stages: Vec<&str> = timings.stages.iter().map(|s| s.stage.as_str()).collect();
    assert_eq!(
        stages,
        ["text", "anatomy", "patterns", "entities", "quotes", "dates", "figures", "offsets"]
    );
    let sum: f64 = timings.stages.iter().map(|s| s.ms).sum();
    assert!(timings.stages.iter().all(|s| s.ms >= 0.0));
    // Rounded to microseconds, so allow one per stage.
    assert!(timings.total_ms + 0.01 >= sum, "{timings:?}");
}
