//! Date expressions resolved against the story's date: the table
//! `tests/data/dates.txt`, one case per line, checked by one harness that names every
//! failing case.

mod table;

use article_analyzer::{analyze, CalendarDate, OffsetUnit, Options};

#[test]
fn date_table() {
    table::run_table(include_str!("data/dates.txt"), 15, |fields| {
        let reference =
            (fields[1] != "-").then(|| fields[1].parse::<CalendarDate>().expect("reference"));
        let expected: Vec<&str> = fields
            .get(3)
            .map(|f| f.split("; ").filter(|s| !s.is_empty()).collect())
            .unwrap_or_default();
        let options = Options {
            offsets: OffsetUnit::Utf8,
            reference_date: reference,
        };
        let got: Vec<String> = analyze(&fields[2], &options)
            .dates
            .iter()
            .map(|d| format!("{}={}", d.span.text, d.value.as_deref().unwrap_or("null")))
            .collect();
        match got == expected {
            true => Ok(()),
            false => Err(format!("want {expected:?}\n    got  {got:?}")),
        }
    });
}
