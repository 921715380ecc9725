//! People, organizations, places and misc names, one construction per case: the table
//! `tests/data/entities.jsonl` (format in `tests/data/README.md`). Also the entities of
//! the two seed stories.

mod common;

use article_analyzer::{Analysis, Entity, EntityType};
use common::analyze_bytes;
use common::cases::{run_cases, ByteSpan};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityCase {
    #[allow(dead_code)] // the loader names a failing case by it
    name: String,
    text: String,
    /// Entities that must be found, by name.
    #[serde(default)]
    entities: Vec<ExpectedEntity>,
    /// Texts no entity may have as a mention.
    #[serde(default)]
    no_mention: Vec<String>,
    /// Texts no person may have as a mention.
    #[serde(default)]
    no_person: Vec<String>,
}

/// An entity named `name`; each other field, when given, must hold too.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedEntity {
    name: String,
    #[serde(rename = "type")]
    entity_type: Option<EntityType>,
    subtype: Option<String>,
    /// Mentions it has among others, as written.
    #[serde(default)]
    mentions: Vec<String>,
    role: Option<String>,
    /// How many mentions it has, exactly.
    count: Option<usize>,
    /// Where some of its mentions are.
    #[serde(default)]
    spans: Vec<ByteSpan>,
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
            format!("{}/{:?} {:?}", e.name, e.entity_type, mentions)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn check_entity(analysis: &Analysis, want: &ExpectedEntity) -> Result<(), String> {
    let name = &want.name;
    let entity = find(analysis, name)?;
    if let Some(kind) = want.entity_type {
        if entity.entity_type != kind {
            return Err(format!(
                "{name:?} is a {:?}, want {kind:?}",
                entity.entity_type
            ));
        }
    }
    if want.subtype.is_some() && entity.subtype != want.subtype {
        return Err(format!(
            "{name:?} has subtype {:?}, want {:?}",
            entity.subtype, want.subtype
        ));
    }
    for mention in &want.mentions {
        if !entity.mentions.iter().any(|m| &m.text == mention) {
            return Err(format!(
                "{name:?} lacks mention {mention:?}; got {}",
                summary(analysis)
            ));
        }
    }
    if want.role.is_some() && entity.role != want.role {
        return Err(format!(
            "{name:?} has role {:?}, want {:?}",
            entity.role, want.role
        ));
    }
    if let Some(count) = want.count {
        if entity.mentions.len() != count {
            return Err(format!(
                "{name:?} has {} mentions, want {count}; got {}",
                entity.mentions.len(),
                summary(analysis)
            ));
        }
    }
    for span in &want.spans {
        if !entity.mentions.iter().any(|m| [m.start, m.end] == *span) {
            let found: Vec<_> = entity.mentions.iter().map(|m| [m.start, m.end]).collect();
            return Err(format!("{name:?} has no mention at {span:?}; at {found:?}"));
        }
    }
    Ok(())
}

#[test]
fn entity_constructions() {
    run_cases("entities.jsonl", 20, |case: &EntityCase| {
        let analysis = analyze_bytes(&case.text, None);
        let mut failed: Vec<String> = case
            .entities
            .iter()
            .filter_map(|want| check_entity(&analysis, want).err())
            .collect();
        for entity in &analysis.entities {
            for mention in &entity.mentions {
                let forbidden = case.no_mention.contains(&mention.text)
                    || (entity.entity_type == EntityType::Person
                        && case.no_person.contains(&mention.text));
                if forbidden {
                    failed.push(format!(
                        "{:?} is in {}/{:?}",
                        mention.text, entity.name, entity.entity_type
                    ));
                }
            }
        }
        match failed.is_empty() {
            true => Ok(()),
            false => Err(failed.join("\n    ")),
        }
    });
}

#[test]
fn seed_stories_keep_their_people_apart() {
    let text = include_str!("fixtures/efe-2023-09-14-kim-putin.txt");
    let analysis = analyze_bytes(text, None);
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
