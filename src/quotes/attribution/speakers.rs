//! Names and entities for speaker mentions. The entity whose mention overlaps the
//! speaker mention names it; a pronoun goes to the nearest earlier mention that fits
//! in number and gender: the last speaker who fits, or a nearer subject of one of the
//! last sentences (`Maria Lopez runs a bakery. … “…,” she said.`). `he`/`she` never
//! go to a group nor to someone whose title, given name or earlier pronoun tells the
//! other gender; `they` goes only to a group (`officials`, `the protesters`, a named
//! organization), `it` to the last organization; else the nearest such entity
//! mentioned shortly before. A surname goes to an earlier speaker or entity of that
//! surname. `the ministry`, `the company`, `officials` go to the organization the
//! story named for them (`organization_named_by`); the mention stays as written.
//! Without entities the name is the mention without its titles (`Prime
//! Minister Han Duck-soo` → `Han Duck-soo`).
//!
//! `Speakers` is the memory of who spoke: the only state that changes from one
//! quotation to the next.
//!
//! Knowingly wrong: `she said` may still go to the last man who spoke when neither
//! gender is known; a subject more than `SUBJECT_SENTENCES` sentences back is seen
//! only as a mention; `they` for a single person of unknown gender names nobody.

use super::lexicon::{
    gender_of, gender_word_of, is_title_word, looks_like_organization, strip_titles, Gender,
};
use super::{
    Attributor, FRAME_TOKENS, MAX_SUBJECT_TOKENS, PRONOUN_LOOKBACK, RECENT_SPEAKERS,
    SUBJECT_SENTENCES,
};
use crate::analysis::EntityType;
use crate::text::{starts_upper, TokenKind};
use crate::wordlists::{contains, entries, List};
use std::ops::Range;

/// How many entity mentions back `the ministry` looks for the organization it means.
const ORGANIZATION_LOOKBACK: usize = 400;

#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedSpeaker {
    pub mention: Range<usize>,
    pub name: String,
    pub entity: Option<usize>,
    pub is_organization: bool,
    /// Known from a given name or title (`Donald`, `Mrs.`, `spokeswoman`), or from a
    /// `he`/`she` that referred to the speaker.
    pub gender: Option<Gender>,
}

impl ResolvedSpeaker {
    /// An organization or people in the plural (`officials`, `the protesters`, `fellow
    /// Democrats`): what `they` may stand for, and `he` or `she` may not.
    pub fn is_group(&self) -> bool {
        self.is_organization || (self.entity.is_none() && is_plural_people(&self.name))
    }
}

/// Whether a speaker phrase names people in the plural: its last word is a plural
/// (`officials`, `the Saudis`, `Democrats`) and, when capitalized, not a surname
/// (`Sanders`, `Williams`) unless a lowercase word comes before it (`fellow Democrats`).
pub(super) fn is_plural_people(name: &str) -> bool {
    let mut words = name.split_whitespace().rev();
    let Some(last) = words.next() else {
        return false;
    };
    let plural = last.len() > 3
        && last.ends_with('s')
        && !last.ends_with("ss")
        && !last.ends_with("us")
        && !last.ends_with("is")
        && !last.ends_with("'s")
        && !last.ends_with("’s")
        && last.chars().all(char::is_alphabetic);
    plural
        && (!starts_upper(last)
            || !contains(List::Surnames, last)
            || words.any(|w| w.chars().all(char::is_lowercase) && !is_title_word(w)))
}

/// The organization subtype a noun stands for (`company` → `company`).
fn organization_noun_subtype(noun: &str) -> Option<&'static str> {
    entries(List::OrganizationNounSubtypes)
        .iter()
        .find_map(|l| match l.split_once(' ')? {
            (n, subtype) if n.eq_ignore_ascii_case(noun) => Some(subtype),
            _ => None,
        })
}

/// The speakers met so far, for pronouns and surnames (`he added`, `Kim said`).
#[derive(Debug, Default)]
pub struct Speakers {
    last_organization: Option<ResolvedSpeaker>,
    recent: Vec<ResolvedSpeaker>,
}

impl Speakers {
    /// Resolves a speaker mention to a name and entity, and remembers it.
    pub fn resolve(&mut self, reader: &Attributor, mention: Range<usize>) -> ResolvedSpeaker {
        let resolved = self.resolve_mention(reader, mention);
        if resolved.is_organization {
            self.last_organization = Some(resolved.clone());
        }
        self.recent.push(resolved.clone());
        if self.recent.len() > RECENT_SPEAKERS {
            self.recent.remove(0);
        }
        resolved
    }

    /// The gender the story told of a speaker: by its name or title, or by a `he` or
    /// `she` that referred to the same person before.
    fn gender_told(&self, r: &ResolvedSpeaker) -> Option<Gender> {
        r.gender.or_else(|| {
            self.recent
                .iter()
                .rev()
                .filter(|e| e.entity == r.entity && e.name == r.name)
                .find_map(|e| e.gender)
        })
    }

    /// The gender a `he` or `she` told of entity `entity` (its name may not tell it).
    fn gender_told_of(&self, entity: usize) -> Option<Gender> {
        self.recent
            .iter()
            .rev()
            .filter(|e| e.entity == Some(entity))
            .find_map(|e| e.gender)
    }

    /// Whether a `he` or `she` before told of the speaker named `name` the other
    /// gender than `gender`.
    fn contradicts(&self, name: &str, gender: Option<Gender>) -> bool {
        gender.is_some()
            && self
                .recent
                .iter()
                .rev()
                .filter(|r| r.name == name)
                .find_map(|r| r.gender)
                .is_some_and(|g| Some(g) != gender)
    }

    fn resolve_mention(&self, reader: &Attributor, mention: Range<usize>) -> ResolvedSpeaker {
        let text = &reader.doc.text[mention.clone()];
        // `Sen. Marco Rubio of Florida, who mused …`: the name before the comma.
        if text == "who" {
            let t = reader.doc.token_at_or_after(mention.start);
            let mut end = t;
            while end > 0 && end + 4 > t && !starts_upper(reader.word(end - 1)) {
                end -= 1;
            }
            let mut start = end;
            while start > 0
                && end - start < MAX_SUBJECT_TOKENS
                && starts_upper(reader.word(start - 1))
            {
                start -= 1;
            }
            if start < end {
                let named = self.resolve_mention(reader, reader.doc.token_span(start..end));
                return ResolvedSpeaker { mention, ..named };
            }
        }
        let lower = text.to_lowercase();
        if contains(List::PersonPronouns, &lower) || contains(List::ThingPronouns, &lower) {
            let organization = contains(List::ThingPronouns, &lower);
            let gender = match lower.as_str() {
                "he" | "him" => Some(Gender::Male),
                "she" | "her" => Some(Gender::Female),
                _ => None,
            };
            let group = lower == "they";
            // `she said` after a man spoke: the nearest speaker who may be a she, and
            // never a group; `they` only a group (`officials`, a named organization).
            let fits = |r: &ResolvedSpeaker| {
                if group {
                    return r.is_group();
                }
                !r.is_group()
                    && (gender.is_none()
                        || self.gender_told(r).is_none()
                        || self.gender_told(r) == gender)
            };
            let mut earlier = if organization {
                self.last_organization.clone()
            } else {
                self.recent.iter().rev().find(|r| fits(r)).cloned()
            };
            // `Trump spoke first. Later Cruz took the stage. “…,” he said.`: a person
            // (or, for `they`, a group) that is the subject of a recent sentence and
            // was named after the last speaker who fits is nearer.
            if gender.is_some() || group {
                let told = |entity: usize| self.gender_told_of(entity);
                if let Some(subject) = reader.subject_before(mention.start, gender, group, told) {
                    if earlier
                        .as_ref()
                        .is_none_or(|e| e.mention.end <= subject.mention.start)
                    {
                        earlier = Some(subject);
                    }
                }
            }
            let resolved = if let Some(e) = earlier {
                ResolvedSpeaker { mention, ..e }
            } else if let Some(entity) = group
                .then(|| {
                    let from = mention.start.saturating_sub(PRONOUN_LOOKBACK);
                    reader.organization_before(mention.start, from, |e| {
                        reader.entities[e].entity_type == EntityType::Organization
                    })
                })
                .flatten()
            {
                // `they` with no group as a subject: an organization named shortly before.
                reader.speaker_for_entity(mention, entity)
            } else if group {
                // `they` with no group before: nobody the text names.
                ResolvedSpeaker {
                    mention,
                    name: text.to_string(),
                    entity: None,
                    is_organization: false,
                    gender: None,
                }
            } else if let Some(entity) =
                reader.entity_before(mention.start, organization, gender, |e| {
                    self.gender_told_of(e)
                })
            {
                reader.speaker_for_entity(mention, entity)
            } else if let Some(name) = reader
                .name_before(mention.start, organization)
                .filter(|n| !self.contradicts(&strip_titles(&reader.doc.text[n.clone()]), gender))
            {
                ResolvedSpeaker {
                    mention,
                    name: strip_titles(&reader.doc.text[name.clone()]),
                    entity: None,
                    is_organization: organization,
                    gender: gender_of(&reader.doc.text[name]),
                }
            } else {
                ResolvedSpeaker {
                    mention,
                    name: text.to_string(),
                    entity: None,
                    is_organization: organization,
                    gender,
                }
            };
            // The pronoun tells the speaker's gender when the name did not.
            return ResolvedSpeaker {
                gender: resolved.gender.or(gender),
                ..resolved
            };
        }
        // `Farmers from Dalton` are not Dalton.
        let from_somewhere = text.contains(" from ");
        if let Some(entity) = reader
            .entity_overlapping(mention.clone())
            .filter(|_| !from_somewhere)
        {
            return reader.speaker_for_entity(mention, entity);
        }
        let name = strip_titles(text);
        let is_organization = looks_like_organization(text);
        // `the ministry`, `the company`: the organization the story named by that noun.
        if let Some(entity) = reader.organization_named_by(mention.clone()) {
            return reader.speaker_for_entity(mention, entity);
        }
        // A surname alone: an earlier speaker or a person entity with that surname.
        if !name.contains(' ') && !is_organization {
            if let Some(earlier) =
                self.recent.iter().rev().find(|r| {
                    r.name.rsplit(' ').next() == Some(name.as_str()) && !r.is_organization
                })
            {
                return ResolvedSpeaker {
                    mention,
                    ..earlier.clone()
                };
            }
            if let Some(&i) = reader.people_by_surname.get(name.as_str()) {
                return reader.speaker_for_entity(mention, i);
            }
        }
        ResolvedSpeaker {
            mention,
            name,
            entity: None,
            is_organization,
            gender: if is_organization {
                None
            } else {
                gender_of(text)
            },
        }
    }
}

impl Attributor<'_> {
    /// The organization entity a common-noun mention stands for, when the story has
    /// named it: `the ministry` → the nearest organization named before with that noun
    /// in its name (`Ministry of Defence`, `the Defence Ministry`), else whose subtype
    /// the noun tells (`the company` → `Acme Corp.`); `officials`, `authorities` → the
    /// nearest organization named in their sentence or the one before.
    pub(super) fn organization_named_by(&self, mention: Range<usize>) -> Option<usize> {
        let text = &self.doc.text[mention.clone()];
        let mut words = text.split_whitespace();
        let (first, second) = (words.next()?, words.next());
        if words.next().is_some() {
            return None;
        }
        let lowercase = |w: &str| w.chars().all(char::is_lowercase);
        let is_organization = |e: usize| self.entities[e].entity_type == EntityType::Organization;
        match second {
            Some(noun)
                if contains(List::Determiners, first)
                    && lowercase(noun)
                    && contains(List::OrganizationNouns, noun) =>
            {
                let named = |e: usize| {
                    is_organization(e)
                        && self.entities[e]
                            .name
                            .split_whitespace()
                            .any(|w| w.eq_ignore_ascii_case(noun))
                };
                let subtype = organization_noun_subtype(noun);
                let typed = |e: usize| {
                    is_organization(e)
                        && subtype.is_some()
                        && self.entities[e].subtype.as_deref() == subtype
                };
                self.organization_before(mention.start, 0, named)
                    .or_else(|| self.organization_before(mention.start, 0, typed))
            }
            None if contains(List::OfficialPlurals, first) => {
                let t = self.doc.token_at_or_after(mention.start);
                let sentence = self.sentence_of(t).saturating_sub(1);
                let from = self.doc.sentences.get(sentence).map_or(0, |s| {
                    self.doc.tokens.get(s.start).map_or(0, |tok| tok.start())
                });
                self.organization_before(mention.start, from, is_organization)
            }
            _ => None,
        }
    }

    /// The organization entity of the nearest mention before byte `at` and from byte
    /// `from`, after the dateline, that `fits` (bounded: `ORGANIZATION_LOOKBACK`
    /// mentions).
    pub(super) fn organization_before(
        &self,
        at: usize,
        from: usize,
        fits: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        // `LONDON (Reuters) —`: the dateline's agency is no body of the story.
        let dateline_end = self.doc.sentences.first().map_or(0, |s| {
            let t = self.after_dateline(s.start, s.end);
            if t > s.start {
                self.doc.tokens.get(t).map_or(0, |tok| tok.start())
            } else {
                0
            }
        });
        let end = self.mentions.partition_point(|m| m.0 < at);
        self.mentions[..end]
            .iter()
            .rev()
            .take(ORGANIZATION_LOOKBACK)
            .take_while(|m| m.0 >= from.max(dateline_end))
            .find(|m| fits(m.2))
            .map(|m| m.2)
    }

    /// Without entities: the nearest name before byte `at` (bounded look-back) that
    /// looks like an organization (`the KCNA` for `it`) or a person (two capitalized
    /// words or a title, for `he`).
    pub(super) fn name_before(&self, at: usize, organization: bool) -> Option<Range<usize>> {
        let mut end = self.doc.token_at_or_after(at);
        let lowest = self
            .doc
            .token_at_or_after(at.saturating_sub(PRONOUN_LOOKBACK));
        while end > lowest {
            if !starts_upper(self.word(end - 1)) || self.is_quoted(end - 1) {
                end -= 1;
                continue;
            }
            let mut start = end - 1;
            while start > lowest
                && starts_upper(self.word(start - 1))
                && !self.is_quoted(start - 1)
                && !self.opens_sentence(start)
            {
                start -= 1;
            }
            while start < end && contains(List::SentenceOpeners, self.word(start)) {
                start += 1;
            }
            if start < end {
                let text = &self.doc.text[self.doc.token_span(start..end)];
                let fits = if organization {
                    looks_like_organization(text)
                } else {
                    !looks_like_organization(text)
                        && (end - start >= 2 || is_title_word(self.word(start)))
                };
                if fits {
                    return Some(self.doc.token_span(start..end));
                }
            }
            end = start.min(end - 1);
        }
        None
    }

    pub(super) fn speaker_for_entity(
        &self,
        mention: Range<usize>,
        entity: usize,
    ) -> ResolvedSpeaker {
        let e = &self.entities[entity];
        let is_person = e.entity_type == EntityType::Person;
        ResolvedSpeaker {
            // `Sen. Jane Fowler` → `Jane Fowler`, should the entity keep a title.
            name: if is_person {
                strip_titles(&e.name)
            } else {
                e.name.clone()
            },
            entity: Some(entity),
            // `Mr. Okafor`, should the entities stage take him for an organization.
            is_organization: e.entity_type == EntityType::Organization
                && gender_of(&self.doc.text[mention.clone()]).is_none(),
            gender: self.entity_gender(entity, &mention),
            mention,
        }
    }

    /// The person or organization entity mentioned inside `range` (the rightmost wins:
    /// `South Korean President Yoon Suk-yeol` → Yoon Suk-yeol).
    pub(super) fn entity_overlapping(&self, range: Range<usize>) -> Option<usize> {
        let from = self
            .mentions
            .partition_point(|m| m.0 < range.start.saturating_sub(200));
        self.mentions[from..]
            .iter()
            .take_while(|m| m.0 < range.end)
            .filter(|m| m.1 > range.start)
            // `Kim’s aide`: the possessor is not the speaker.
            .filter(|m| !(m.1 < range.end && self.doc.text[m.1..].starts_with(['’', '\''])))
            .filter(|m| {
                matches!(
                    self.entities[m.2].entity_type,
                    EntityType::Person | EntityType::Organization
                )
            })
            .max_by_key(|m| m.1)
            .map(|m| m.2)
    }

    /// The nearest subject of a recent sentence that a pronoun may stand for: a person
    /// entity of a compatible gender (`told` gives the gender an earlier pronoun told
    /// of an entity), or for `they` (`group`) an organization entity or people in the
    /// plural (`the protesters`). Reads the sentence holding byte `at` up to it, then
    /// up to `SUBJECT_SENTENCES` sentences before it (within `PRONOUN_LOOKBACK`).
    pub(super) fn subject_before(
        &self,
        at: usize,
        gender: Option<Gender>,
        group: bool,
        told: impl Fn(usize) -> Option<Gender>,
    ) -> Option<ResolvedSpeaker> {
        let t = self.doc.token_at_or_after(at);
        let here = self.sentence_of(t);
        for s in (0..=here).rev().take(SUBJECT_SENTENCES + 1) {
            let Some(sentence) = self.doc.sentences.get(s) else {
                continue;
            };
            if self
                .doc
                .tokens
                .get(sentence.start)
                .is_none_or(|tok| tok.start() + PRONOUN_LOOKBACK < at)
            {
                break;
            }
            let limit = sentence.end.min(t).min(sentence.start + FRAME_TOKENS);
            if sentence.start >= limit {
                continue;
            }
            let Some(subject) = self.clause_phrase(sentence.start, limit, group) else {
                continue;
            };
            let entity = self.entity_overlapping(subject.clone());
            if group {
                let found = match entity.map(|e| (e, self.entities[e].entity_type)) {
                    Some((e, EntityType::Organization)) => {
                        Some(self.speaker_for_entity(subject, e))
                    }
                    Some((_, EntityType::Person)) => None,
                    _ => self
                        .plural_head(subject, limit)
                        .map(|head| ResolvedSpeaker {
                            name: strip_titles(&self.doc.text[head.clone()]),
                            entity: None,
                            is_organization: false,
                            gender: None,
                            mention: head,
                        }),
                };
                if found.is_some() {
                    return found;
                }
                continue;
            }
            let Some(entity) = entity else {
                // `Mrs. Osei runs the shelter.`: a titled name the entities stage left.
                let text = &self.doc.text[subject.clone()];
                let titled = gender_word_of(text);
                let name = strip_titles(text);
                if titled.is_some()
                    && (gender.is_none() || titled == gender)
                    && name.split_whitespace().all(starts_upper)
                    && name != text
                {
                    return Some(ResolvedSpeaker {
                        name,
                        entity: None,
                        is_organization: false,
                        gender: titled,
                        mention: subject,
                    });
                }
                continue;
            };
            // `The two Republican presidents`: the name must end the subject.
            let heads = self
                .mentions
                .iter()
                .any(|m| m.2 == entity && m.0 < subject.end && m.1 >= subject.end);
            if self.entities[entity].entity_type != EntityType::Person || !heads {
                continue;
            }
            let known = self
                .entity_gender(entity, &subject)
                .or_else(|| told(entity));
            if gender.is_none() || known.is_none() || known == gender {
                return Some(self.speaker_for_entity(subject, entity));
            }
        }
        None
    }

    /// The words of a subject up to its plural head (`The protesters gathered …` →
    /// `The protesters`, `Nine states led by …` → `Nine states`): a plural first
    /// word, or second after a determiner, a number or a capitalized word (`Local
    /// officials`), or third after a determiner and a capitalized word (`the Yemeni
    /// rebels`). `The law requires` has none.
    /// The head may lie past the phrase (`Nine states …`: `states` read as a cue), not
    /// past token `limit`.
    pub(super) fn plural_head(&self, subject: Range<usize>, limit: usize) -> Option<Range<usize>> {
        let s = self.doc.tokens_within(subject).start;
        let n = limit.saturating_sub(s);
        let opens = |t: usize| {
            let w = self.word(t);
            contains(List::Determiners, w)
                || self.doc.tokens[t].kind == TokenKind::Number
                || self.is_number_word(t)
                || starts_upper(w)
        };
        let head = (0..n.min(3)).find(|&k| {
            let fits = match k {
                0 => true,
                1 => opens(s),
                _ => contains(List::Determiners, self.word(s)) && starts_upper(self.word(s + 1)),
            };
            fits && is_plural_people(self.word(s + k))
        })?;
        Some(self.doc.token_span(s..s + head + 1))
    }

    /// The nearest organization, or person of a compatible gender, mentioned before
    /// byte `at` (bounded look-back).
    pub(super) fn entity_before(
        &self,
        at: usize,
        organization: bool,
        gender: Option<Gender>,
        told: impl Fn(usize) -> Option<Gender>,
    ) -> Option<usize> {
        let want = if organization {
            EntityType::Organization
        } else {
            EntityType::Person
        };
        let end = self.mentions.partition_point(|m| m.0 < at);
        self.mentions[..end]
            .iter()
            .rev()
            .take_while(|m| m.0 + PRONOUN_LOOKBACK >= at)
            .filter(|m| self.entities[m.2].entity_type == want)
            .find(|m| {
                let known = self.entity_gender(m.2, &(m.0..m.1)).or_else(|| told(m.2));
                gender.is_none() || known.is_none() || known == gender
            })
            .map(|m| m.2)
    }

    /// A person's gender from the mention's title (`Mrs. Okafor`), else the entity's
    /// name and role. A surname alone tells nothing by itself (`Malkia Cyril`, then
    /// `Cyril`: no man).
    pub(super) fn entity_gender(&self, entity: usize, mention: &Range<usize>) -> Option<Gender> {
        let e = &self.entities[entity];
        let text = &self.doc.text[mention.clone()];
        let from_title = if e.name.ends_with(text) && e.name != text {
            gender_word_of(text)
        } else {
            gender_of(text)
        };
        if e.entity_type != EntityType::Person {
            return from_title;
        }
        from_title
            .or_else(|| gender_of(&e.name))
            .or_else(|| e.role.as_deref().and_then(gender_of))
    }
}

#[cfg(test)]
mod tests {
    use super::super::read;
    use super::Speakers;

    /// The names the speakers of every quotation in `text` resolve to, in order.
    fn speaker_names(text: &str) -> Vec<String> {
        let mut names = Vec::new();
        read(text, |a, quotes| {
            let mut speakers = Speakers::default();
            for q in quotes {
                if let Some(found) = a.attribute(q.clone(), a.opens_clause(q.clone())) {
                    names.push(speakers.resolve(a, found.speaker).name);
                }
            }
        });
        names
    }

    #[test]
    fn she_skips_a_man_who_spoke_last() {
        let text =
            "“We won,” Mary Smith said. “We lost,” John Brown said. “We will see,” she said.";
        assert_eq!(
            speaker_names(text),
            ["Mary Smith", "John Brown", "Mary Smith"]
        );
    }

    #[test]
    fn it_goes_to_the_last_organization() {
        let text = "“Talks went well,” the KCNA reported. “They will go on,” it said.";
        assert_eq!(speaker_names(text), ["KCNA", "KCNA"]);
    }

    #[test]
    fn a_surname_goes_to_the_earlier_speaker() {
        let text = "“Yes,” Sen. Jane Fowler said. “No,” Fowler said.";
        assert_eq!(speaker_names(text), ["Jane Fowler", "Jane Fowler"]);
    }

    #[test]
    fn they_goes_to_a_group_before_a_person_who_spoke_last() {
        let text = "“It is over,” officials said. “Not yet,” John Brown said. “It is,” they said.";
        assert_eq!(
            speaker_names(text),
            ["officials", "John Brown", "officials"]
        );
    }

    #[test]
    fn a_resident_named_before_goes_to_she_after_a_man_spoke() {
        let text = "Maria Lopez lives on the river.\n“We won,” Mayor John Brown said.\n“The water rose at night,” she said.";
        assert_eq!(speaker_names(text), ["John Brown", "Maria Lopez"]);
    }

    #[test]
    fn plural_people_are_not_surnames() {
        use super::is_plural_people;
        assert!(is_plural_people("officials"));
        assert!(is_plural_people("the protesters"));
        assert!(is_plural_people("Democrats"));
        assert!(is_plural_people("fellow Democrats"));
        assert!(!is_plural_people("Sanders"));
        assert!(!is_plural_people("the spokesman"));
        assert!(!is_plural_people("Congress"));
    }

    #[test]
    fn they_never_goes_to_a_single_person() {
        let text = "“It is over,” John Brown said. “It is not,” they said.";
        assert_eq!(speaker_names(text), ["John Brown", "they"]);
    }

    #[test]
    fn they_goes_to_a_plural_subject() {
        let text = "The protesters gathered outside the hall.\n“We stay,” John Brown said.\n“We stay too,” they said.";
        assert_eq!(speaker_names(text), ["John Brown", "protesters"]);
    }

    #[test]
    fn a_plural_head_ends_a_bare_subject() {
        read(
            "Nine states led by Ohio sued. The law requires a vote.",
            |a, _| {
                let head = |t: usize, limit: usize| {
                    a.plural_head(a.doc.token_span(t..t + 1), limit)
                        .map(|r| a.doc.text[r].to_string())
                };
                assert_eq!(head(0, 6).as_deref(), Some("Nine states"));
                let law = (0..a.doc.tokens.len())
                    .find(|&t| a.word(t) == "The")
                    .unwrap();
                assert_eq!(head(law, law + 5), None);
            },
        );
    }

    #[test]
    fn she_goes_to_a_nearer_subject_than_the_woman_who_spoke() {
        let text = "“We are ready,” Ana Silva said.\nMrs. Osei runs the shelter.\n“We stay open,” Mayor Tom Reed said.\n“It is full,” she said.";
        assert_eq!(speaker_names(text), ["Ana Silva", "Tom Reed", "Osei"]);
    }

    #[test]
    fn a_gender_an_earlier_pronoun_told_is_kept() {
        let text = "“We are ready,” Ridley Okafor said. “It is late,” she added.\nTom Reed stayed. Ridley Okafor walked home.\n“The road is closed,” he said.";
        assert_eq!(
            speaker_names(text),
            ["Ridley Okafor", "Ridley Okafor", "Tom Reed"]
        );
    }

    #[test]
    fn a_surname_alone_tells_no_gender() {
        // `Cyril` alone is no man's given name here.
        let text = "“We won,” Malkia Cyril said.\nCyril smiled at the crowd.\n“We stay,” she said.";
        assert_eq!(speaker_names(text), ["Malkia Cyril", "Malkia Cyril"]);
    }

    #[test]
    fn organization_nouns_tell_a_subtype() {
        use super::organization_noun_subtype;
        assert_eq!(organization_noun_subtype("company"), Some("company"));
        assert_eq!(organization_noun_subtype("party"), Some("party"));
        assert_eq!(organization_noun_subtype("ministry"), None);
    }

    #[test]
    fn the_ministry_and_officials_stand_for_the_named_body() {
        let text = "The Defence Ministry closed the base. Acme Corp. sold the land.\nThe ministry said it was over. The company said so too. Officials said it was sold.";
        read(text, |a, _| {
            let at = |s: &str| {
                let i = a.doc.text.find(s).unwrap();
                i..i + s.len()
            };
            let name = |s: &str| {
                a.organization_named_by(at(s))
                    .map(|e| a.entities[e].name.as_str())
            };
            assert_eq!(name("The ministry"), Some("Defence Ministry"));
            assert_eq!(name("The company"), Some("Acme Corp"));
            // Acme Corp was named two sentences before `Officials`: too far.
            assert_eq!(name("Officials"), None);
            // `the base` names no organization.
            assert_eq!(name("the base"), None);
        });
    }

    #[test]
    fn they_goes_to_an_organization_named_shortly_before() {
        let text = "The European Commission fined the bank.\n“It broke the rules,” they said.";
        assert_eq!(speaker_names(text), ["European Commission"]);
    }
}
