//! People, organizations, places and misc names, one construction per case: the table
//! `tests/data/entities.txt`, checked by one harness that names every failing case.
//! Also the entities of the two seed stories.

mod table;

use article_analyzer::{analyze, Analysis, Entity, EntityType, OffsetUnit, Options};

fn run(text: &str) -> Analysis {
    let options = Options {
        offsets: OffsetUnit::Utf8,
        reference_date: None,
    };
    analyze(text, &options)
}

fn type_name(t: EntityType) -> &'static str {
    match t {
        EntityType::Person => "person",
        EntityType::Organization => "organization",
        EntityType::Location => "location",
        EntityType::Misc => "misc",
    }
}

fn find<'a>(analysis: &'a Analysis, name: &str) -> Result<&'a Entity, String> {
    analysis
        .entities
        .iter()
        .find(|e| e.name == name)
        .ok_or_else(|| format!("no entity named {name:?}; got {}", summary(analysis)))
}

fn summary(analysis: &Analysis) -> String {
    analysis
        .entities
        .iter()
        .map(|e| {
            let mentions: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
            format!("{}/{} {:?}", e.name, type_name(e.entity_type), mentions)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn check(text: &str, expectation: &str) -> Result<(), String> {
    let analysis = run(text);
    for e in &analysis.entities {
        for m in &e.mentions {
            if text.get(m.start..m.end) != Some(m.text.as_str()) {
                return Err(format!("mention {m:?} does not slice to its text"));
            }
        }
    }
    let (verb, rest) = expectation.split_once(' ').unwrap_or((expectation, ""));
    let (subject, value) = match rest.split_once(" = ") {
        Some((s, v)) => (s.trim(), v.trim()),
        None => (rest.trim(), ""),
    };
    let has_mention = |e: &Entity, t: &str| e.mentions.iter().any(|m| m.text == t);
    match verb {
        "none" | "not-person" => {
            let bad = analysis.entities.iter().find(|e| {
                has_mention(e, subject) && (verb == "none" || e.entity_type == EntityType::Person)
            });
            match bad {
                Some(e) => Err(format!(
                    "{subject:?} is in {}/{}",
                    e.name,
                    type_name(e.entity_type)
                )),
                None => Ok(()),
            }
        }
        "role" => {
            let e = find(&analysis, subject)?;
            match e.role.as_deref() == Some(value) {
                true => Ok(()),
                false => Err(format!("{subject:?} has role {:?}, want {value:?}", e.role)),
            }
        }
        "count" => {
            let e = find(&analysis, subject)?;
            match e.mentions.len().to_string() == value {
                true => Ok(()),
                false => Err(format!(
                    "{subject:?} has {} mentions, want {value}; got {}",
                    e.mentions.len(),
                    summary(&analysis)
                )),
            }
        }
        _ => {
            let e = find(&analysis, subject)?;
            if type_name(e.entity_type) != verb {
                return Err(format!(
                    "{subject:?} is a {}, want {verb}",
                    type_name(e.entity_type)
                ));
            }
            for want in value.split(", ").filter(|w| !w.is_empty()) {
                if !has_mention(e, want) {
                    return Err(format!(
                        "{subject:?} lacks mention {want:?}; got {}",
                        summary(&analysis)
                    ));
                }
            }
            Ok(())
        }
    }
}

#[test]
fn entity_constructions() {
    table::run_table(include_str!("data/entities.txt"), 20, |fields| {
        let [_, text, expectations] = fields else {
            return Err(format!("a case needs 3 fields, has {}", fields.len()));
        };
        let failed: Vec<String> = expectations
            .split(" ;; ")
            .filter_map(|x| check(text, x).err().map(|e| format!("{x}: {e}")))
            .collect();
        match failed.is_empty() {
            true => Ok(()),
            false => Err(failed.join("\n    ")),
        }
    });
}

#[test]
fn seed_stories_keep_their_people_apart() {
    let text = include_str!("fixtures/efe-2023-09-14-kim-putin.txt");
    let analysis = run(text);
    for name in [
        "Kim Jong-un",
        "Kim Jong-il",
        "Kim Yung-ho",
        "Vladimir Putin",
        "Han Duck-soo",
    ] {
        let e = find(&analysis, name).unwrap();
        assert_eq!(e.entity_type, EntityType::Person, "{name}");
    }
    for e in &analysis.entities {
        let mentions: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
        assert!(
            e.entity_type != EntityType::Person
                || !mentions
                    .iter()
                    .any(|m| ["North Korean", "South Korean", "West", "Angara"].contains(m)),
            "{} is a person with mentions {mentions:?}",
            e.name
        );
    }
}
