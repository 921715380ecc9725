//! The case tables under `tests/data/`: one case per line, fields separated by ` | `,
//! `#` comments, `\n` for a line break inside a field. One runner for every table, so
//! that a failure names its case.

/// Runs `check` on every case's fields; `check` returns `Err(message)` on a mismatch.
/// Panics listing every failing case, or when the table has fewer than `min_cases`.
pub fn run_table(
    table: &str,
    min_cases: usize,
    mut check: impl FnMut(&[String]) -> Result<(), String>,
) {
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in table.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<String> = line
            .split(" | ")
            .map(|f| f.trim().replace("\\n", "\n"))
            .collect();
        if let Err(message) = check(&fields) {
            failures.push(format!("{}:\n    {message}", fields[0]));
        }
        cases += 1;
    }
    assert!(cases >= min_cases, "the table lost cases: {cases}");
    assert!(
        failures.is_empty(),
        "{} of {cases} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
