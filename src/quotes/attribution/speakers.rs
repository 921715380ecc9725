//! Names and entities for speaker mentions. The entity whose mention overlaps the
//! speaker mention names it; pronouns go to the last speaker of their kind (`he added`
//! → the last person who spoke, `it said` → the last organization), else to the
//! nearest such entity mentioned shortly before; a surname goes to an earlier speaker or
//! entity of that surname. Without entities the name is the mention without its titles
//! (`Prime Minister Han Duck-soo` → `Han Duck-soo`). `he`/`she` skip speakers of the
//! other gender, and prefer a person who is the subject of their sentence or the one
//! before when named after the last speaker.
//!
//! `Speakers` is the memory of who spoke: the only state that changes from one
//! quotation to the next.
//!
//! Knowingly wrong: `she said` may still go to the last man who spoke when neither
//! gender is known; a pronoun goes to the last speaker when the person it means was
//! last the subject two sentences back or more.

use super::lexicon::{gender_of, is_title_word, looks_like_organization, strip_titles, Gender};
use super::{Attributor, FRAME_TOKENS, MAX_SUBJECT_TOKENS, PRONOUN_LOOKBACK, RECENT_SPEAKERS};
use crate::analysis::EntityType;
use crate::text::starts_upper;
use crate::wordlists::{contains, List};
use std::ops::Range;

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
            // `she said` after a man spoke: the last speaker who may be a she.
            let fits = |r: &ResolvedSpeaker| {
                !r.is_organization && (gender.is_none() || r.gender.is_none() || r.gender == gender)
            };
            let mut earlier = if organization {
                self.last_organization.clone()
            } else if lower == "they" {
                // `they said` after `Officials warned …` and a man spoke: a group.
                let group = |r: &&ResolvedSpeaker| {
                    r.is_organization
                        || (r.name.ends_with('s')
                            && !r.name.ends_with("ss")
                            && !starts_upper(&r.name))
                };
                let group = self.recent.iter().rev().take(3).find(group).cloned();
                group.or_else(|| self.recent.last().cloned())
            } else {
                self.recent.iter().rev().find(|r| fits(r)).cloned()
            };
            // `Trump spoke first. Later Cruz took the stage. “…,” he said.`: a person
            // who is the subject of this sentence or the one before, named after the
            // last speaker, is nearer.
            if gender.is_some() {
                if let Some(subject) = reader.subject_before(mention.start, gender) {
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
            } else if let Some(entity) = reader.entity_before(mention.start, organization, gender) {
                reader.speaker_for_entity(mention, entity)
            } else if let Some(name) = reader.name_before(mention.start, organization) {
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
        if let Some(entity) = reader.organization_named_by(text) {
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
    /// The organization entity a common-noun mention stands for: `the ministry` →
    /// `Ministry of Land, Infrastructure and Transport`, when exactly one organization
    /// of the story has that noun in its name.
    pub(super) fn organization_named_by(&self, mention: &str) -> Option<usize> {
        let mut words = mention.split_whitespace();
        let (first, noun) = (words.next()?, words.next()?);
        let plain = words.next().is_none()
            && contains(List::Determiners, first)
            && noun.chars().all(|c| c.is_lowercase())
            && contains(List::OrganizationNouns, noun);
        if !plain {
            return None;
        }
        let mut named = self.entities.iter().enumerate().filter(|(_, e)| {
            e.entity_type == EntityType::Organization
                && e.name
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case(noun))
        });
        let (first, _) = named.next()?;
        named.next().is_none().then_some(first)
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

    /// The person entity (of a compatible gender) that is the subject of the sentence
    /// holding byte `at`, before it, or else of the sentence before.
    pub(super) fn subject_before(
        &self,
        at: usize,
        gender: Option<Gender>,
    ) -> Option<ResolvedSpeaker> {
        let t = self.doc.token_at_or_after(at);
        let here = self.sentence_of(t);
        for s in [Some(here), here.checked_sub(1)].into_iter().flatten() {
            let Some(sentence) = self.doc.sentences.get(s) else {
                continue;
            };
            let limit = sentence.end.min(t).min(sentence.start + FRAME_TOKENS);
            if sentence.start >= limit {
                continue;
            }
            let Some(subject) = self.clause_subject(sentence.start, limit) else {
                continue;
            };
            let Some(entity) = self.entity_overlapping(subject.clone()) else {
                continue;
            };
            if self.entities[entity].entity_type != EntityType::Person {
                continue;
            }
            let known = self.entity_gender(entity, &subject);
            if gender.is_none() || known.is_none() || known == gender {
                return Some(self.speaker_for_entity(subject, entity));
            }
        }
        None
    }

    /// The nearest organization, or person of a compatible gender, mentioned before
    /// byte `at` (bounded look-back).
    pub(super) fn entity_before(
        &self,
        at: usize,
        organization: bool,
        gender: Option<Gender>,
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
                let known = self.entity_gender(m.2, &(m.0..m.1));
                gender.is_none() || known.is_none() || known == gender
            })
            .map(|m| m.2)
    }

    /// A person's gender from the mention's title (`Mrs. Okafor`), else the entity's
    /// name and role.
    pub(super) fn entity_gender(&self, entity: usize, mention: &Range<usize>) -> Option<Gender> {
        let e = &self.entities[entity];
        let from_title = gender_of(&self.doc.text[mention.clone()]);
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
}
