//! Gives each entity the subtype a careful reader would give it, from the words of its
//! name, where the word lists that found it gave none.
//!
//! | type | subtypes | read from |
//! |---|---|---|
//! | location | `mountain`, `water`, `island`, `facility` | `Mount Kilimanjaro`, `Pacific Ocean`, `Coron Island`, `Heathrow Airport` |
//! | organization | `company`, `agency`, `party`, `school`, `media`, `team` | `Apple Inc`, `Environmental Protection Agency`, `Labour Party`, `Harvard University`, `New York Times`, `Manchester United` |
//! | misc | `holiday`, `law`, `event` | `Christmas`, `Clean Air Act`, `World Cup` |
//! | misc | `work`, `product` | `the novel Thyrza`, `Galaxy S23` (given by `model`, from the story) |
//!
//! A head word also settles types the model gets wrong from context alone: a name
//! ending in `Strait`, `Island` or `Ocean` is a place, one headed by `Ministry` or
//! `Party` an organization, and `Christmas` a holiday.
//!
//! `city`, `country`, `region`, `nationality`, `agency` (news agencies) and `event` also
//! come from the lists the recognizer reads (`data/`), and those stand. Knowingly
//! wrong: a name whose head word says nothing (`Apple`, `Ford`) keeps no subtype; the
//! head word is trusted over the story (`Times Square` is no newspaper only because
//! `Square` is a place word the recognizer types first). Titles of works and products
//! have no head word to read: `model` gives `work` and `product` from the words
//! before a title and from model codes.

use crate::analysis::{Entity, EntityType};

/// Head words: the last word of a name (or its first, for `Mount`) and the subtype it
/// gives, per type. Compared case-insensitively.
const LOCATION_LAST: &[(&str, &str)] = &[
    ("mountain", "mountain"),
    ("mountains", "mountain"),
    ("peak", "mountain"),
    ("volcano", "mountain"),
    ("hill", "mountain"),
    ("ocean", "water"),
    ("sea", "water"),
    ("river", "water"),
    ("lake", "water"),
    ("bay", "water"),
    ("gulf", "water"),
    ("strait", "water"),
    ("channel", "water"),
    ("island", "island"),
    ("islands", "island"),
    ("isle", "island"),
    ("airport", "facility"),
    ("stadium", "facility"),
    ("station", "facility"),
    ("bridge", "facility"),
    ("hospital", "facility"),
    ("museum", "facility"),
    ("center", "facility"),
    ("centre", "facility"),
];

const LOCATION_FIRST: &[(&str, &str)] = &[
    ("mount", "mountain"),
    ("mt", "mountain"),
    ("lake", "water"),
    ("isle", "island"),
];

const ORGANIZATION_LAST: &[(&str, &str)] = &[
    ("inc", "company"),
    ("corp", "company"),
    ("corporation", "company"),
    ("co", "company"),
    ("company", "company"),
    ("ltd", "company"),
    ("llc", "company"),
    ("plc", "company"),
    ("ag", "company"),
    ("group", "company"),
    ("holdings", "company"),
    ("airlines", "company"),
    ("motors", "company"),
    ("bank", "company"),
    ("agency", "agency"),
    ("bureau", "agency"),
    ("department", "agency"),
    ("ministry", "agency"),
    ("commission", "agency"),
    ("administration", "agency"),
    ("service", "agency"),
    ("office", "agency"),
    ("authority", "agency"),
    ("police", "agency"),
    ("party", "party"),
    ("university", "school"),
    ("college", "school"),
    ("school", "school"),
    ("academy", "school"),
    ("institute", "school"),
    ("times", "media"),
    ("post", "media"),
    ("journal", "media"),
    ("herald", "media"),
    ("tribune", "media"),
    ("gazette", "media"),
    ("news", "media"),
    ("radio", "media"),
    ("television", "media"),
    ("tv", "media"),
    ("broadcasting", "media"),
    ("fc", "team"),
    ("united", "team"),
];

const ORGANIZATION_FIRST: &[(&str, &str)] = &[
    ("university", "school"),
    ("ministry", "agency"),
    ("department", "agency"),
    ("fc", "team"),
];

const MISC_LAST: &[(&str, &str)] = &[
    ("act", "law"),
    ("law", "law"),
    ("amendment", "law"),
    ("treaty", "law"),
    ("christmas", "holiday"),
    ("easter", "holiday"),
    ("thanksgiving", "holiday"),
    ("ramadan", "holiday"),
    ("hanukkah", "holiday"),
    ("diwali", "holiday"),
    ("eid", "holiday"),
    ("passover", "holiday"),
    ("halloween", "holiday"),
    ("day", "holiday"),
];

/// `Act` in `Clean Air Act`: a name of two words or more ending in it is a law (the
/// recognizer reads this before the model, so that `Clean Air Act`, all frequent
/// words, is not dropped). Not `Law`, also a surname (`Jude Law`): the model decides.
pub fn is_law_head(word: &str) -> bool {
    // `act`, `amendment`, `treaty`: most words are refused by their first letter.
    word.starts_with(['A', 'a', 'T', 't'])
        && MISC_LAST
            .iter()
            .any(|&(w, s)| s == "law" && w != "law" && w.eq_ignore_ascii_case(word))
}

/// Head words that make a name a place, whatever else it looked like (not `Channel`,
/// `Bay`: `Discovery Channel`, `Tampa Bay` are also a broadcaster and a team).
const PLACE_HEADS: &[&str] = &[
    "ocean",
    "sea",
    "river",
    "lake",
    "gulf",
    "strait",
    "mountain",
    "mountains",
    "volcano",
    "island",
    "islands",
];

/// Head words that make a name an organization whatever else it looked like.
const ORGANIZATION_HEADS: &[&str] = &[
    "ministry",
    "department",
    "agency",
    "bureau",
    "commission",
    "university",
    "college",
    "party",
    "inc",
    "corp",
    "corporation",
    "ltd",
    "plc",
    "llc",
];

/// Holidays the model may have typed as a place or a person (`Christmas` alone):
/// they are misc whatever their type.
const HOLIDAYS: &[&str] = &[
    "christmas",
    "easter",
    "thanksgiving",
    "ramadan",
    "hanukkah",
    "diwali",
    "passover",
    "halloween",
];

/// Fills in `subtype` where it is missing; types a holiday as misc and a name with a
/// place's head word as a location.
pub fn give_subtypes(entities: &mut [Entity]) {
    for entity in entities {
        let words: Vec<&str> = entity
            .name
            .split([' ', '.'])
            .filter(|w| !w.is_empty())
            .collect();
        let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
            continue;
        };
        // `Federal Bureau of Investigation`: the head word stands before `of`.
        let last = words
            .iter()
            .position(|w| *w == "of")
            .filter(|&at| at > 0)
            .map_or(last, |at| words[at - 1]);
        if words.len() == 1 && HOLIDAYS.iter().any(|h| h.eq_ignore_ascii_case(first)) {
            entity.entity_type = EntityType::Misc;
            entity.subtype = Some("holiday".to_string());
            continue;
        }
        // `Korea Strait`, `Coron Island`: a name ending in one of these is a place
        // whatever the model read from its context.
        if entity.entity_type != EntityType::Location
            && words.len() > 1
            && PLACE_HEADS.iter().any(|h| h.eq_ignore_ascii_case(last))
        {
            entity.entity_type = EntityType::Location;
            entity.subtype = None;
        }
        // `Ministry of Land`, `Labour Party`: an organization's head word.
        if entity.entity_type != EntityType::Organization
            && words.len() > 1
            && ORGANIZATION_HEADS
                .iter()
                .any(|h| h.eq_ignore_ascii_case(last))
        {
            entity.entity_type = EntityType::Organization;
            entity.subtype = None;
        }
        if entity.subtype.is_some() && entity.subtype.as_deref() != Some("region") {
            continue;
        }
        let (by_last, by_first) = match entity.entity_type {
            EntityType::Location => (LOCATION_LAST, LOCATION_FIRST),
            EntityType::Organization => (ORGANIZATION_LAST, ORGANIZATION_FIRST),
            EntityType::Misc => (MISC_LAST, &[][..]),
            EntityType::Person => continue,
        };
        let look = |table: &[(&str, &'static str)], word: &str| {
            table
                .iter()
                .find(|(w, _)| w.eq_ignore_ascii_case(word))
                .map(|&(_, s)| s)
        };
        // `Independence Day`, `Memorial Day`: a day is a holiday only as a name of
        // two words or more.
        let found = look(by_first, first)
            .filter(|_| words.len() > 1)
            .or_else(|| look(by_last, last).filter(|_| words.len() > 1 || last != "Day"));
        if let Some(subtype) = found {
            entity.subtype = Some(subtype.to_string());
        }
    }
}
