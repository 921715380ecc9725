//! Stories pasted from news websites: the table `tests/data/web-anatomy.jsonl` (format
//! in `tests/data/README.md`), every case analyzed with the reference date 2023-09-14.
//! A field a case leaves out is not checked; `null` asks for nothing found.

mod common;

use article_analyzer::{Analysis, EntityType};
use common::analyze_bytes as run;
use common::cases::run_cases;
use serde::{Deserialize, Deserializer};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WebCase {
    #[allow(dead_code)] // the loader names a failing case by it
    name: String,
    text: String,
    #[serde(default, deserialize_with = "nullable")]
    headline: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    standfirst: Option<Option<String>>,
    #[serde(default, deserialize_with = "nullable")]
    byline: Option<Option<ExpectedByline>>,
    /// The dateline as written.
    #[serde(default, deserialize_with = "nullable")]
    dateline: Option<Option<String>>,
    captions: Option<Vec<ExpectedCaption>>,
    /// Each credit line's names, in order.
    credits: Option<Vec<Vec<String>>>,
    /// Every boilerplate span's text, in order.
    boilerplate: Option<Vec<String>>,
    /// The published date's value.
    #[serde(default, deserialize_with = "nullable")]
    published: Option<Option<String>>,
    /// Texts that must lie inside a paragraph: the story is all there.
    #[serde(default)]
    kept: Vec<String>,
    /// Texts that no paragraph may contain.
    #[serde(default)]
    removed: Vec<String>,
    /// Texts that no person entity may have as a mention.
    #[serde(default)]
    no_person: Vec<String>,
    /// Texts that no quote's speaker may be.
    #[serde(default)]
    no_speaker: Vec<String>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedByline {
    names: Vec<String>,
    #[serde(default)]
    source: Option<String>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedCaption {
    text: String,
    credit: Option<String>,
}

/// A field present as `null` is `Some(None)`; a field left out is `None` (by default).
fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

fn compare<T: std::fmt::Debug + PartialEq>(what: &str, want: &T, got: &T) -> Result<(), String> {
    if want == got {
        Ok(())
    } else {
        Err(format!("{what}: want {want:?}\n    got  {got:?}"))
    }
}

fn check(case: &WebCase, a: &Analysis) -> Result<(), String> {
    let text = |s: &Option<article_analyzer::Span>| s.as_ref().map(|s| s.text.clone());
    if let Some(want) = &case.headline {
        compare("headline", want, &text(&a.headline))?;
    }
    if let Some(want) = &case.standfirst {
        compare("standfirst", want, &text(&a.standfirst))?;
    }
    if let Some(want) = &case.byline {
        let got = a.byline.as_ref().map(|b| ExpectedByline {
            names: b.names.clone(),
            source: b.source.clone(),
        });
        compare("byline", want, &got)?;
    }
    if let Some(want) = &case.dateline {
        let got = a.dateline.as_ref().map(|d| d.span.text.clone());
        compare("dateline", want, &got)?;
    }
    if let Some(want) = &case.captions {
        let got: Vec<ExpectedCaption> = a
            .captions
            .iter()
            .map(|c| ExpectedCaption {
                text: c.span.text.clone(),
                credit: c.credit.as_ref().map(|c| c.text.clone()),
            })
            .collect();
        compare("captions", want, &got)?;
    }
    if let Some(want) = &case.credits {
        let got: Vec<Vec<String>> = a.credits.iter().map(|c| c.names.clone()).collect();
        compare("credits", want, &got)?;
    }
    if let Some(want) = &case.boilerplate {
        let got: Vec<String> = a.boilerplate.iter().map(|b| b.text.clone()).collect();
        compare("boilerplate", want, &got)?;
    }
    if let Some(want) = &case.published {
        let got = a.published.as_ref().and_then(|p| p.value.clone());
        compare("published", want, &got)?;
    }
    for kept in &case.kept {
        if !a.paragraphs.iter().any(|p| p.text.contains(kept.as_str())) {
            return Err(format!("{kept:?} is in no paragraph"));
        }
    }
    for removed in &case.removed {
        if let Some(p) = a
            .paragraphs
            .iter()
            .find(|p| p.text.contains(removed.as_str()))
        {
            return Err(format!("{removed:?} stays in the paragraph {:?}", p.text));
        }
    }
    for name in &case.no_person {
        let person = a.entities.iter().find(|e| {
            e.entity_type == EntityType::Person && e.mentions.iter().any(|m| m.text == *name)
        });
        if let Some(e) = person {
            return Err(format!("{name:?} is a person: {}", e.name));
        }
    }
    for name in &case.no_speaker {
        if let Some(q) = a.quotes.iter().find(|q| {
            q.speaker
                .as_ref()
                .is_some_and(|s| s.span.text == *name || s.name == *name)
        }) {
            return Err(format!("{name:?} speaks the quote {:?}", q.span.text));
        }
    }
    Ok(())
}

#[test]
fn web_anatomy_table() {
    run_cases("web-anatomy.jsonl", 60, |case: &WebCase| {
        check(case, &run(&case.text, Some("2023-09-14")))
    });
}
