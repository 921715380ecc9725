//! The caller's patterns: compiled once by `Analyzer::new`, errors naming the pattern,
//! typed patterns making entities that join clustering, untyped ones giving `matches`
//! with their groups, offsets in the caller's unit; and a hostile pattern list, which
//! gives errors or results in bounded time and memory.

mod common;

use article_analyzer::{analyze, Analyzer, EntityType, OffsetUnit, Options, Pattern};
use common::check_spans;

fn regex(label: &str, regex: &str) -> Pattern {
    Pattern {
        label: label.into(),
        regex: Some(regex.into()),
        ..Pattern::default()
    }
}

fn phrases(label: &str, phrases: &[&str], entity_type: Option<EntityType>) -> Pattern {
    Pattern {
        label: label.into(),
        phrases: Some(phrases.iter().map(|p| p.to_string()).collect()),
        entity_type,
        ..Pattern::default()
    }
}

fn analyzer(patterns: Vec<Pattern>) -> Analyzer {
    Analyzer::new(Options {
        patterns,
        ..Options::default()
    })
    .expect("the patterns compile")
}

fn error(patterns: Vec<Pattern>) -> String {
    let options = Options {
        patterns,
        ..Options::default()
    };
    Analyzer::new(options).expect_err("refused").to_string()
}

#[test]
fn an_error_names_the_pattern_and_the_regex_crates_message() {
    let bad = vec![regex("a", "a"), regex("b", r"\d+"), regex("c", "(ab")];
    assert_eq!(error(bad), "patterns[2].regex: unclosed group at 0");
    assert_eq!(
        error(vec![regex("x", r"\p{Klingon}")]),
        "patterns[0].regex: Unicode property not found at 0"
    );
    let mut both = regex("x", "a");
    both.phrases = Some(vec!["a".into()]);
    assert!(error(vec![both]).starts_with("patterns[0].regex: give either"));
    assert!(error(vec![regex(" ", "a")]).starts_with("patterns[0].label:"));
    let mut subtype_alone = regex("x", "a");
    subtype_alone.subtype = Some("committee".into());
    assert_eq!(
        error(vec![subtype_alone]),
        "patterns[0].subtype: needs a type"
    );
    assert!(error(vec![phrases("x", &["  "], None)]).starts_with("patterns[0].phrases:"));
}

#[test]
fn untyped_patterns_give_matches_with_groups_in_the_callers_unit() {
    let analyzer = Analyzer::new(Options {
        patterns: vec![
            regex("bill", r"\b(HB|SB) (\d+)"),
            phrases("ticker", &["$AAPL"], None),
        ],
        offsets: OffsetUnit::Utf16,
        ..Options::default()
    })
    .expect("compiles");
    let text = "🎉 Déjà vu: HB 1234 passed, $AAPL rose; SB 9 and hb 5 did not.";
    let analysis = analyzer.analyze(text);
    check_spans(text, &analysis);
    let found: Vec<(&str, &str)> = analysis
        .matches
        .iter()
        .map(|m| (m.label.as_str(), m.span.text.as_str()))
        .collect();
    assert_eq!(
        found,
        [("bill", "HB 1234"), ("ticker", "$AAPL"), ("bill", "SB 9")]
    );
    let groups: Vec<Option<&str>> = analysis.matches[0]
        .groups
        .iter()
        .map(|g| g.as_ref().map(|g| g.text.as_str()))
        .collect();
    assert_eq!(groups, [Some("HB"), Some("1234")]);
    // UTF-16: the party popper is two units, `é` and `à` one each.
    assert_eq!(analysis.matches[0].span.start, 12);
}

#[test]
fn phrases_match_whole_words_case_blind_unless_asked() {
    let mut exact = phrases("exact", &["Roe"], None);
    exact.case_sensitive = true;
    let analysis = analyzer(vec![phrases("any", &["harbor commission"], None), exact])
        .analyze("The Harbor  Commission met Roe, not ROE, nor Roewe.");
    let found: Vec<&str> = analysis
        .matches
        .iter()
        .map(|m| m.span.text.as_str())
        .collect();
    assert_eq!(found, ["Harbor  Commission", "Roe"]);
}

#[test]
fn typed_patterns_make_entities_that_join_clustering() {
    let mut committee = phrases(
        "committee",
        &["Harbor Commission"],
        Some(EntityType::Organization),
    );
    committee.subtype = Some("committee".into());
    let analyzer = analyzer(vec![
        phrases("beat", &["Jane Roe"], Some(EntityType::Person)),
        committee,
        regex("product", r"\bZorblax \d+\b"),
    ]);
    let text = "PORTLAND, Maine (AP) -- Sen. Jane Roe met the Harbor Commission on Monday. \
                Roe said the Harbor Commission would decide.";
    let analysis = analyzer.analyze(text);
    check_spans(text, &analysis);
    let roe = analysis
        .entities
        .iter()
        .find(|e| e.name == "Jane Roe")
        .expect("Jane Roe");
    assert_eq!(roe.entity_type, EntityType::Person);
    let mentions: Vec<&str> = roe.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(
        mentions,
        ["Jane Roe", "Roe"],
        "the bare surname joins the pattern's person"
    );
    let commission = analysis
        .entities
        .iter()
        .find(|e| e.name == "Harbor Commission")
        .expect("the commission");
    assert_eq!(commission.entity_type, EntityType::Organization);
    assert_eq!(commission.subtype.as_deref(), Some("committee"));
    assert_eq!(commission.mentions.len(), 2);
    assert!(
        analysis.matches.is_empty(),
        "typed patterns give entities, not matches"
    );
}

#[test]
fn a_typed_pattern_overrides_the_recognizers_type() {
    let text = "Officials in Paris Hilton met on Tuesday.";
    let without = analyze(text, &Options::default());
    let analysis = analyzer(vec![phrases(
        "hotel",
        &["Paris Hilton"],
        Some(EntityType::Location),
    )])
    .analyze(text);
    let hilton = analysis
        .entities
        .iter()
        .find(|e| e.name == "Paris Hilton")
        .expect("found");
    assert_eq!(hilton.entity_type, EntityType::Location);
    assert!(
        without
            .entities
            .iter()
            .all(|e| e.name != "Paris Hilton" || e.entity_type != EntityType::Location),
        "without the pattern it is something else: {:?}",
        without.entities
    );
}

#[test]
fn plain_analyze_leaves_bad_patterns_out_and_keeps_the_good() {
    let options = Options {
        patterns: vec![regex("bad", "(("), regex("bill", r"HB \d+")],
        ..Options::default()
    };
    let analysis = analyze("HB 12 passed.", &options);
    assert_eq!(analysis.matches.len(), 1);
    assert_eq!(analysis.matches[0].label, "bill");
}

/// Nested quantifiers, huge repetitions, 1,000 patterns, a 10 MB text: errors or
/// results, never a hang or unbounded memory. Not timed (budgets are measured in
/// benches); a backtracking engine would not finish this test.
#[test]
fn a_hostile_pattern_list_gives_errors_or_results_in_bounded_time_and_memory() {
    // Too many patterns.
    let many: Vec<Pattern> = (0..1000).map(|i| regex("p", &format!("w{i}"))).collect();
    assert!(error(many).contains("at most 100"));
    // Huge repetitions: over the compiled size limit.
    assert!(error(vec![regex("big", "a{1000}{1000}")]).contains("compiles to more than"));
    assert!(error(vec![regex("big", r"\w{50000}")]).contains("compiles to more than"));
    // Each fine alone, too big together.
    let together: Vec<Pattern> = (0..100).map(|_| regex("w", "[a-z]{2000}")).collect();
    assert!(error(together).starts_with("patterns: together"));
    // Too much pattern text.
    let long = "x".repeat(300 * 1024);
    assert!(error(vec![regex("long", &long)]).starts_with("patterns[0].regex: "));

    // A 10 MB text that makes backtracking engines explode, with nested quantifiers
    // and a pattern matching everywhere.
    let text = "a".repeat(10_000_000) + "!";
    let analyzer = analyzer(vec![
        regex("nested", "(a+)+$"),
        regex("alternation", "(a|aa)+b"),
        regex("everywhere", r"\w"),
        phrases("names", &["aaa aaa", "Jane Roe"], None),
    ]);
    let analysis = analyzer.analyze(&text);
    assert_eq!(analysis.matches.len(), 10_000, "matches are capped");
    assert!(analysis.matches.iter().all(|m| m.label == "everywhere"));
}
