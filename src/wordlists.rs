//! The word lists of `data/`, compiled in and read by one parser.
//!
//! Every file is plain text, one entry a line; `#` starts a comment line, and `## name`
//! starts a section in files that hold several lists (`data/attribution.txt`). A list
//! is named by a `List` value, never by a string, so a misspelt list is a compile error
//! rather than a lookup that silently answers false. Each list is parsed on first use
//! and kept for the life of the process.
//!
//! Lookups are hash probes. Lists that fold case store their entries lowercased and
//! lowercase the word asked about (`Minister` finds `minister`); the others compare
//! exactly (`Open` ends an event's name, `open` does not).
//!
//! Where a list comes from and under which license: `data/README.md`.

use crate::text::with_lowercase;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::OnceLock;

/// One list of `data/`. `entries` gives its lines as written, `contains` asks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum List {
    // ---- names and places (the entities stage)
    /// `data/cities.txt`: cities of at least 100,000 people.
    Cities,
    /// `data/regions.txt`: US states, continents, first-level subdivisions.
    Regions,
    /// `data/countries.tsv`: `name<TAB>other names|…<TAB>demonyms|…`.
    Countries,
    /// `data/languages.txt`: language names.
    Languages,
    /// `data/places_extra.tsv`: `form<TAB>canonical name<TAB>subtype`.
    PlacesExtra,
    /// `data/organizations.tsv`: `form<TAB>canonical name<TAB>subtype`.
    Organizations,
    /// `data/given_names.txt` (case folded).
    GivenNames,
    /// `data/given_name_genders.txt`: `Name m|f`.
    GivenNameGenders,
    /// `data/surnames.txt` (case folded).
    Surnames,
    /// `data/family_names.txt`: family names written first, `Meng`, `Xi` (case folded).
    FamilyNames,
    /// `data/common_words.txt`: the most frequent English words (case folded).
    CommonWords,
    /// `data/non_entities.txt`: capitalized words that never start an entity (case folded).
    NonEntities,
    /// `data/titles.txt ## titles`: roles before a name, `Minister`, `spokesman` (case folded).
    Titles,
    /// `data/titles.txt ## honorifics`: `Mr`, `Dr`, written without the period (case folded).
    Honorifics,
    /// `data/titles.txt ## title-modifiers`: words inside a title phrase that are no
    /// title alone, `former`, `Foreign`, `U.S.` (case folded).
    TitleModifiers,
    /// `data/org_words.txt`: capitalized words that make a name an organization.
    OrgWords,
    /// `data/geo_words.txt`: capitalized words that make a name a place.
    GeoWords,
    /// `data/event_words.txt`: words that end an event's name.
    EventWords,
    /// `data/facility_words.txt ## facility-words`: `Airport`, `Cosmodrome`.
    FacilityWords,
    /// `data/facility_words.txt ## facility-followers`: lowercase phrases after a name
    /// that make it a facility (`space center`).
    FacilityFollowers,
    /// `data/facility_words.txt ## region-followers`: lowercase words after a name that
    /// make it a region (`region`, `province`).
    RegionFollowers,
    /// `data/news-agencies.txt`: agencies as they write their names (case folded).
    NewsAgencies,

    // ---- words of quote attribution (`data/attribution.txt`, all case folded)
    /// Reporting verbs and phrases (`said`, `told reporters`).
    Cues,
    /// Cues that report a content clause: the cues of indirect quotes (`said`,
    /// `warned`, `according to`), not `urged` or `called`.
    Reporting,
    /// Cues of believing, hoping or wanting (`believes`, `wants to`): a reported
    /// statement only with a clause of its own or an infinitive, never for a quotation.
    Thinking,
    /// Cues whose content is their object (`criticized the deal`, `called for a
    /// ban`): a reported statement only, never a quotation's cue.
    Objects,
    /// Words after a reporting cue that open no content clause (`said to be`).
    NotContentStart,
    /// Reporting cues followed by the one told (`told Reuters the …`).
    CueObjects,
    According,
    Passive,
    Naming,
    BeforeCue,
    Inverted,
    AfterCue,
    PersonPronouns,
    ThingPronouns,
    Determiners,
    NotSubject,
    Prepositions,
    SentenceOpeners,
    IntroWords,
    /// Common nouns that stand for an organization as a speaker (`ministry`, `police`).
    OrganizationNouns,
    /// The organization subtype a noun of `OrganizationNouns` stands for (`company
    /// company`): `the company` is a company the story named.
    OrganizationNounSubtypes,
    /// Plural nouns of people who speak for a body (`officials`, `authorities`).
    OfficialPlurals,
    MaleWords,
    FemaleWords,
    /// Words that open a share of people as a subject before a number (`more than`,
    /// `nearly`): `more than 4 in 10 said`.
    Quantities,
    /// Particles that make a cue of `## objects` another verb (`showed up`).
    Particles,
    /// Words after a comma that open the reporter's own clause (`which`, `however`).
    ReporterClauseOpeners,

    // ---- a web page's furniture (`data/web_furniture.txt`, all case folded)
    /// Whole furniture lines: `Advertisement`, `Share this article`.
    MarkerLines,
    /// Openings of pointer lines: `Read more:`, `RELATED:`, `WATCH |`.
    LabelOpenings,
    /// Imperatives opening a subscription or follow prompt: `Sign up`.
    PromptOpenings,
    /// What a prompt offers: `newsletter`, `app`, `alerts`.
    PromptNouns,
    /// Openings of a page's timestamp line: `Published`, `Updated`.
    TimestampOpenings,
    /// Social networks in an author's contact line.
    SocialWords,
    /// Words of a site's section label: `World`, `Politics`.
    SectionWords,
    /// Prefixes of an image widget or a caption: `View image in fullscreen`, `Photo:`.
    CaptionOpenings,
    /// Words of a photo credit: `Photo`, `Getty`, `Images`.
    CreditWords,
    /// Job words of an author's bio line: `journalist`, `writes`.
    BioJobs,
    /// What opens a byline: `By`, `Story by`.
    BylinePrefixes,
    /// Words of an outlet's name in a byline: `Press`, `News`, `CNN`.
    OutletWords,

    // ---- comparing stories
    /// `data/function_words.txt`: `the`, `of`, `will` (case folded).
    FunctionWords,
}

impl List {
    const ALL: [List; 62] = [
        List::Cities,
        List::Regions,
        List::Countries,
        List::Languages,
        List::PlacesExtra,
        List::Organizations,
        List::GivenNames,
        List::GivenNameGenders,
        List::Surnames,
        List::FamilyNames,
        List::CommonWords,
        List::NonEntities,
        List::Titles,
        List::Honorifics,
        List::TitleModifiers,
        List::OrgWords,
        List::GeoWords,
        List::EventWords,
        List::FacilityWords,
        List::FacilityFollowers,
        List::RegionFollowers,
        List::NewsAgencies,
        List::Cues,
        List::Reporting,
        List::Thinking,
        List::Objects,
        List::NotContentStart,
        List::CueObjects,
        List::According,
        List::Passive,
        List::Naming,
        List::BeforeCue,
        List::Inverted,
        List::AfterCue,
        List::PersonPronouns,
        List::ThingPronouns,
        List::Determiners,
        List::NotSubject,
        List::Prepositions,
        List::SentenceOpeners,
        List::IntroWords,
        List::OrganizationNouns,
        List::OrganizationNounSubtypes,
        List::OfficialPlurals,
        List::MaleWords,
        List::FemaleWords,
        List::Quantities,
        List::Particles,
        List::ReporterClauseOpeners,
        List::MarkerLines,
        List::LabelOpenings,
        List::PromptOpenings,
        List::PromptNouns,
        List::TimestampOpenings,
        List::SocialWords,
        List::SectionWords,
        List::CaptionOpenings,
        List::CreditWords,
        List::BioJobs,
        List::BylinePrefixes,
        List::OutletWords,
        List::FunctionWords,
    ];

    /// The file's text and the section the list is (`None`: the whole file).
    fn source(self) -> (&'static str, Option<&'static str>) {
        const ATTRIBUTION: &str = include_str!("../data/attribution.txt");
        const TITLES: &str = include_str!("../data/titles.txt");
        const FACILITIES: &str = include_str!("../data/facility_words.txt");
        const WEB: &str = include_str!("../data/web_furniture.txt");
        match self {
            List::Cities => (include_str!("../data/cities.txt"), None),
            List::Regions => (include_str!("../data/regions.txt"), None),
            List::Countries => (include_str!("../data/countries.tsv"), None),
            List::Languages => (include_str!("../data/languages.txt"), None),
            List::PlacesExtra => (include_str!("../data/places_extra.tsv"), None),
            List::Organizations => (include_str!("../data/organizations.tsv"), None),
            List::GivenNames => (include_str!("../data/given_names.txt"), None),
            List::GivenNameGenders => (include_str!("../data/given_name_genders.txt"), None),
            List::Surnames => (include_str!("../data/surnames.txt"), None),
            List::FamilyNames => (include_str!("../data/family_names.txt"), None),
            List::CommonWords => (include_str!("../data/common_words.txt"), None),
            List::NonEntities => (include_str!("../data/non_entities.txt"), None),
            List::Titles => (TITLES, Some("titles")),
            List::Honorifics => (TITLES, Some("honorifics")),
            List::TitleModifiers => (TITLES, Some("title-modifiers")),
            List::OrgWords => (include_str!("../data/org_words.txt"), None),
            List::GeoWords => (include_str!("../data/geo_words.txt"), None),
            List::EventWords => (include_str!("../data/event_words.txt"), None),
            List::FacilityWords => (FACILITIES, Some("facility-words")),
            List::FacilityFollowers => (FACILITIES, Some("facility-followers")),
            List::RegionFollowers => (FACILITIES, Some("region-followers")),
            List::NewsAgencies => (include_str!("../data/news-agencies.txt"), None),
            List::Cues => (ATTRIBUTION, Some("cues")),
            List::Reporting => (ATTRIBUTION, Some("reporting")),
            List::Thinking => (ATTRIBUTION, Some("thinking")),
            List::Objects => (ATTRIBUTION, Some("objects")),
            List::NotContentStart => (ATTRIBUTION, Some("not-content-start")),
            List::CueObjects => (ATTRIBUTION, Some("cue-objects")),
            List::According => (ATTRIBUTION, Some("according")),
            List::Passive => (ATTRIBUTION, Some("passive")),
            List::Naming => (ATTRIBUTION, Some("naming")),
            List::BeforeCue => (ATTRIBUTION, Some("before-cue")),
            List::Inverted => (ATTRIBUTION, Some("inverted")),
            List::AfterCue => (ATTRIBUTION, Some("after-cue")),
            List::PersonPronouns => (ATTRIBUTION, Some("pronouns-person")),
            List::ThingPronouns => (ATTRIBUTION, Some("pronouns-thing")),
            List::Determiners => (ATTRIBUTION, Some("determiners")),
            List::NotSubject => (ATTRIBUTION, Some("not-subject")),
            List::Prepositions => (ATTRIBUTION, Some("prepositions")),
            List::SentenceOpeners => (ATTRIBUTION, Some("sentence-openers")),
            List::IntroWords => (ATTRIBUTION, Some("intro-words")),
            List::OrganizationNouns => (ATTRIBUTION, Some("organization-nouns")),
            List::OrganizationNounSubtypes => (ATTRIBUTION, Some("organization-noun-subtypes")),
            List::OfficialPlurals => (ATTRIBUTION, Some("official-plurals")),
            List::MaleWords => (ATTRIBUTION, Some("male-words")),
            List::FemaleWords => (ATTRIBUTION, Some("female-words")),
            List::Quantities => (ATTRIBUTION, Some("quantities")),
            List::Particles => (ATTRIBUTION, Some("particles")),
            List::ReporterClauseOpeners => (ATTRIBUTION, Some("reporter-clause-openers")),
            List::MarkerLines => (WEB, Some("marker-lines")),
            List::LabelOpenings => (WEB, Some("label-openings")),
            List::PromptOpenings => (WEB, Some("prompt-openings")),
            List::PromptNouns => (WEB, Some("prompt-nouns")),
            List::TimestampOpenings => (WEB, Some("timestamp-openings")),
            List::SocialWords => (WEB, Some("social-words")),
            List::SectionWords => (WEB, Some("section-words")),
            List::CaptionOpenings => (WEB, Some("caption-openings")),
            List::CreditWords => (WEB, Some("credit-words")),
            List::BioJobs => (WEB, Some("bio-jobs")),
            List::BylinePrefixes => (WEB, Some("byline-prefixes")),
            List::OutletWords => (WEB, Some("outlet-words")),
            List::FunctionWords => (include_str!("../data/function_words.txt"), None),
        }
    }

    /// Whether lookups ignore case.
    fn folds_case(self) -> bool {
        !matches!(
            self,
            List::OrgWords
                | List::GeoWords
                | List::EventWords
                | List::FacilityWords
                | List::FacilityFollowers
                | List::RegionFollowers
        )
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The entries of a list file's section (`None`: the lines before any `## ` heading),
/// trimmed, without comments and blank lines. The one parser of `data/`.
fn parse(file: &'static str, section: Option<&str>) -> Vec<&'static str> {
    // A section's lines run from its heading to the next: jump to the heading rather
    // than read every line of the file (the index parses every list at start).
    let body = match section {
        None => file,
        Some(name) => {
            let heading = |at: usize| {
                let line = file[at..].lines().next().unwrap_or("");
                line.trim().strip_prefix("## ").map(str::trim) == Some(name)
            };
            let Some(at) = file
                .match_indices("## ")
                .map(|(i, _)| i)
                .find(|&i| (i == 0 || file.as_bytes()[i - 1] == b'\n') && heading(i))
            else {
                return Vec::new();
            };
            &file[at..]
        }
    };
    let mut lines = body.lines().map(str::trim);
    if section.is_some() {
        lines.next();
    }
    lines
        .take_while(|line| !line.starts_with("## "))
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
}

/// The lines of a list, as written and in file order.
pub fn entries(list: List) -> &'static [&'static str] {
    static ENTRIES: [OnceLock<Vec<&'static str>>; List::ALL.len()] =
        [const { OnceLock::new() }; List::ALL.len()];
    ENTRIES[list.index()].get_or_init(|| {
        let (file, section) = list.source();
        parse(file, section)
    })
}

/// A set of lists, one bit a list: what one probe of the index answers about a word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListSet(u64);

// One bit a list: a 65th list needs a wider set.
const _: () = assert!(List::ALL.len() <= 64);

impl ListSet {
    pub fn has(self, list: List) -> bool {
        self.0 >> list.index() & 1 == 1
    }
}

/// Every list's entries in two tables, so that the lists a word is in cost one probe
/// (`list_features` asks ten lists about each word of a name): entries of the lists
/// that fold case, lowercased, and the others as written.
struct Index {
    folded: FxHashMap<Cow<'static, str>, ListSet>,
    exact: FxHashMap<&'static str, ListSet>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = Index {
            folded: FxHashMap::default(),
            exact: FxHashMap::default(),
        };
        for list in List::ALL {
            let bit: u64 = 1 << list.index();
            for &e in entries(list) {
                let sets = if !list.folds_case() {
                    index.exact.entry(e).or_default()
                } else if e.chars().any(char::is_uppercase) {
                    index
                        .folded
                        .entry(Cow::Owned(e.to_lowercase()))
                        .or_default()
                } else {
                    index.folded.entry(Cow::Borrowed(e)).or_default()
                };
                sets.0 |= bit;
            }
        }
        index
    })
}

/// The lists `word` is an entry of (ignoring case where a list does).
pub fn lists_of(word: &str) -> ListSet {
    let index = index();
    let folded = with_lowercase(word, |w| index.folded.get(w).copied());
    let exact = index.exact.get(word).copied();
    ListSet(folded.unwrap_or_default().0 | exact.unwrap_or_default().0)
}

/// Whether `word` is an entry of `list` (ignoring case where the list does).
pub fn contains(list: List, word: &str) -> bool {
    let index = index();
    let sets = match list.folds_case() {
        true => with_lowercase(word, |w| index.folded.get(w).copied()),
        false => index.exact.get(word).copied(),
    };
    sets.is_some_and(|s| s.has(list))
}

/// The length in bytes of the longest entry of `list` that opens `line` as whole words
/// (ignoring case): `Read more: ...` opens with `read more` (9).
pub fn opening(list: List, line: &str) -> Option<usize> {
    // Runs on every line: the first letter rules out most entries at once.
    let first = line.as_bytes().first()?.to_ascii_lowercase();
    entries(list)
        .iter()
        .filter(|e| {
            e.as_bytes()[0].to_ascii_lowercase() == first
                && line.len() >= e.len()
                && line.is_char_boundary(e.len())
                && line[..e.len()].eq_ignore_ascii_case(e)
                && !line[e.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
        })
        .map(|e| e.len())
        .max()
}

/// The agency's name as `data/news-agencies.txt` writes it, when `name` is one (any case).
pub fn agency_name(name: &str) -> Option<&'static str> {
    entries(List::NewsAgencies)
        .iter()
        .find(|a| a.eq_ignore_ascii_case(name))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_has_entries() {
        for list in List::ALL {
            assert!(
                !entries(list).is_empty(),
                "{list:?} is empty: a section name that no file has?"
            );
            assert_eq!(List::ALL[list.index()], list);
        }
    }

    #[test]
    fn sections_are_read_apart() {
        assert!(contains(List::Cues, "said"));
        assert!(!contains(List::Determiners, "said"));
        assert!(contains(List::Titles, "Minister"));
        assert!(contains(List::Honorifics, "mr"));
        assert!(!contains(List::Titles, "mr"));
    }

    #[test]
    fn case_folds_only_where_the_list_says() {
        assert!(contains(List::GivenNames, "MARY"));
        assert!(contains(List::EventWords, "Open"));
        assert!(!contains(List::EventWords, "open"));
    }

    #[test]
    fn one_probe_answers_every_list() {
        let lists = lists_of("MARY");
        assert!(lists.has(List::GivenNames));
        assert!(!lists.has(List::Cues));
        assert!(lists_of("Open").has(List::EventWords));
        assert!(!lists_of("open").has(List::EventWords));
        for list in List::ALL {
            for &e in entries(list) {
                assert!(contains(list, e), "{list:?} {e:?}");
                assert_eq!(lists_of(e).has(list), contains(list, e));
            }
        }
    }

    #[test]
    fn openings_are_whole_words() {
        assert_eq!(
            opening(List::LabelOpenings, "Read more: the story"),
            Some(9)
        );
        assert_eq!(opening(List::LabelOpenings, "Readers said"), None);
        assert_eq!(opening(List::MarkerLines, "ADVERTISEMENT"), Some(13));
    }

    #[test]
    fn a_section_runs_from_its_heading_to_the_next() {
        let file = "# comment\nloose\n## a\none\n# note\ntwo words\n\n## ab \nthree\n## b\nfour\n";
        assert_eq!(parse(file, None), vec!["loose"]);
        assert_eq!(parse(file, Some("a")), vec!["one", "two words"]);
        assert_eq!(parse(file, Some("ab")), vec!["three"]);
        assert_eq!(parse(file, Some("b")), vec!["four"]);
        assert!(parse(file, Some("c")).is_empty());
    }

    #[test]
    fn agencies_keep_their_spelling() {
        assert_eq!(agency_name("yonhap"), Some("Yonhap"));
        assert_eq!(agency_name("Seoul"), None);
    }
}
