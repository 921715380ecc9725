//! Finds entity mentions: runs of capitalized words, cut and typed by the word lists.
//!
//! A run is a stretch of capitalized words, with the glue names carry inside
//! (`of`, `de`, `van`, `bin`, initials, `Mr.`), and a lowercase title that leads into a
//! name (`North Korean leader Kim Jong-un`). Each run is cut into mentions, first rule
//! that fits:
//! 1. a listed place, organization or demonym covering the rest of the run (`United
//!    States`, `Democratic People's Republic of Korea`, `North Korean`);
//! 2. an organization word inside (`Korean Central News Agency`, `Bank of Japan`);
//! 3. a place or facility word inside (`Korean Peninsula`, `Vostochny Cosmodrome`);
//! 4. a title (`Foreign Minister Choe Son-hui`): the words up to the last title are the
//!    role, the rest a person;
//! 5. a listed name at the start (`Russia` in `Russia's Amur`), then the rest again;
//! 6. else a name, a person when it looks like one (listed given name, listed surname at
//!    the end, Korean-style given name `Duck-soo`), else left undecided for clustering,
//!    which types it by the story's other mentions.
//!
//! Sentence openers (`During`, `The`) are dropped when the story writes them in lowercase
//! elsewhere, or when they are frequent English words never capitalized mid-sentence.
//! In all-caps lines (headlines, datelines) only listed names are taken, and words that
//! match a name found elsewhere in the story (left to clustering).
//!
//! Knowingly wrong: a person whose name is a frequent English word and only opens
//! sentences (`Young said`); `and` never joins a name unless listed (`Procter and Gamble`);
//! sports teams named after their city are places here.

use super::lexicon::{phrase_key, push_key_word, Lexicon, ListedPhrase, MAX_PHRASE_TOKENS};
use super::subtype::is_law_head;
use crate::analysis::{Dateline, EntityType};
use crate::anatomy::Anatomy;
use crate::text::{starts_upper, with_lowercase, Document, TokenKind};
use crate::wordlists::{contains, List};
use rustc_hash::FxHashSet;
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct Mention {
    /// Token index range in the document.
    pub tokens: Range<usize>,
    /// `None`: undecided, typed by clustering.
    pub kind: Option<EntityType>,
    pub subtype: Option<&'static str>,
    /// The canonical name a word list gives (`DPRK` → `North Korea`).
    pub canonical: Option<&'static str>,
    /// A role before the name, as a token range (`Foreign Minister`); `u32` because a
    /// 10 MB story has 200,000 mentions.
    pub role: Option<Range<u32>>,
    /// Weak evidence (an unlisted word in an all-caps line, or a lone unknown word
    /// opening a sentence): kept only if clustering matches it to another mention.
    pub unsure: bool,
}

impl Mention {
    /// A mention the caller's pattern found, of the pattern's type.
    pub fn of_type(tokens: Range<usize>, kind: EntityType) -> Mention {
        Mention {
            tokens,
            kind: Some(kind),
            subtype: None,
            canonical: None,
            role: None,
            unsure: false,
        }
    }

    /// The byte range in the document.
    pub fn bytes(&self, doc: &Document) -> Range<usize> {
        doc.token_span(self.tokens.clone())
    }
}

/// Glue words inside a name: `Bank of Japan`, `Ludwig van Beethoven`, `Osama bin Laden`.
const CONNECTORS: &[&str] = &[
    "of", "de", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "du", "da",
    "dos", "das", "del", "di", "y", "zu",
];

struct Recognizer<'d, 'a> {
    doc: &'d Document<'a>,
    lex: &'static Lexicon,
    /// Token is in an all-caps line.
    shouting: Vec<bool>,
    /// Token opens a sentence (after any opening quotes or brackets).
    opener: Vec<bool>,
    /// Words the story writes in lowercase (as written: they are lowercase already).
    lowercase_uses: FxHashSet<&'a str>,
    /// Words, lowercased, that the story capitalizes in the middle of a sentence.
    midsentence_caps: FxHashSet<String>,
    mentions: Vec<Mention>,
}

pub fn find_mentions(doc: &Document, anatomy: &Anatomy) -> Vec<Mention> {
    let mut recognizer = Recognizer::new(doc);
    let claimed = recognizer.dateline_mentions(anatomy.dateline.as_ref());
    recognizer.scan(claimed);
    recognizer.mentions.sort_by_key(|m| m.tokens.start);
    recognizer.lowercase_roles();
    recognizer.mark_teams();
    recognizer.mentions
}

pub(super) fn is_all_caps(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
        && !word.chars().any(char::is_lowercase)
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// `Jr`, `Sr`, `III`: after a full name, part of it.
fn is_name_suffix(word: &str) -> bool {
    matches!(word, "Jr" | "Sr" | "II" | "III" | "IV")
}

/// `Duck-soo`, `Jong-un`, `Son-hui`: a Korean given name written with a hyphen.
pub fn is_korean_given_name(word: &str) -> bool {
    let mut parts = word.split('-');
    let (Some(first), Some(second), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    starts_upper(first)
        && second.chars().all(|c| c.is_ascii_lowercase())
        && (2..=5).contains(&first.len())
        && (1..=5).contains(&second.len())
}

impl<'d, 'a> Recognizer<'d, 'a> {
    fn new(doc: &'d Document<'a>) -> Recognizer<'d, 'a> {
        let n = doc.tokens.len();
        let mut shouting = vec![false; n];
        for line in &doc.lines {
            let toks = doc.tokens_within(line.clone());
            let words: Vec<&str> = toks
                .clone()
                .filter(|&i| doc.tokens[i].kind == TokenKind::Word)
                .map(|i| doc.token_text(i))
                .collect();
            let loud = words.iter().filter(|w| is_all_caps(w)).count();
            let quiet = words
                .iter()
                .filter(|w| w.chars().any(char::is_lowercase))
                .count();
            if loud >= 1
                && quiet * 5 <= loud
                && !(words.len() == 1 && quiet == 0 && toks.len() == 1)
            {
                toks.for_each(|i| shouting[i] = true);
            }
        }
        let mut opener = vec![false; n];
        for s in &doc.sentences {
            let mut i = s.start;
            while i < s.end && doc.tokens[i].kind == TokenKind::Punct {
                i += 1;
            }
            if i < n {
                opener[i] = true;
            }
        }
        for line in &doc.lines {
            let i = doc.token_at_or_after(line.start);
            if i < n {
                opener[i] = true;
            }
        }
        // After an opening quote, bracket or dash, a capital opens a sentence too.
        for (i, open) in opener.iter_mut().enumerate().skip(1) {
            if matches!(
                doc.token_text(i - 1),
                "\"" | "“" | "(" | "[" | "-" | "—" | ":"
            ) {
                *open = true;
            }
        }
        let mut lowercase_uses = FxHashSet::default();
        let mut midsentence_caps = FxHashSet::default();
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.kind != TokenKind::Word || shouting[i] {
                continue;
            }
            let w = doc.token_text(i);
            if starts_upper(w) {
                if !opener[i] {
                    midsentence_caps.insert(w.to_lowercase());
                }
            } else {
                lowercase_uses.insert(w);
            }
        }
        Recognizer {
            doc,
            lex: Lexicon::get(),
            shouting,
            opener,
            lowercase_uses,
            midsentence_caps,
            mentions: Vec::new(),
        }
    }

    fn text(&self, i: usize) -> &'a str {
        self.doc.token_text(i)
    }

    fn is_word(&self, i: usize) -> bool {
        self.doc.is_word(i)
    }

    fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && starts_upper(self.text(i))
    }

    /// Tokens `i` and `i + 1` touch (no space between), as in `Kim’s`.
    fn touching(&self, i: usize) -> bool {
        i + 1 < self.doc.tokens.len() && self.doc.tokens[i].end() == self.doc.tokens[i + 1].start()
    }

    fn push(&mut self, tokens: Range<usize>, kind: Option<EntityType>) -> &mut Mention {
        let shouted = self.shouting[tokens.start];
        self.mentions.push(Mention {
            tokens,
            kind,
            subtype: None,
            canonical: None,
            role: None,
            unsure: false,
        });
        let m = self.mentions.last_mut().expect("just pushed");
        m.unsure = shouted && kind.is_none();
        m
    }

    /// The dateline's place and agency, as the anatomy stage found them; returns the
    /// token range the dateline covers, which the scan leaves alone.
    fn dateline_mentions(&mut self, dateline: Option<&Dateline>) -> Range<usize> {
        let Some(dateline) = dateline else {
            return 0..0;
        };
        let span = dateline.span.range();
        let Some(head) = self.doc.text.get(span.clone()) else {
            return 0..0;
        };
        // `MANCHESTER, England`: a city, then its region or country.
        let mut from = 0;
        for location in dateline.location.split(',').map(str::trim) {
            if location.is_empty() {
                continue;
            }
            if let Some(at) = head[from..].find(location).map(|at| at + from) {
                from = at + location.len();
                let bytes = span.start + at..span.start + at + location.len();
                let tokens = self.doc.tokens_within(bytes.clone());
                if !tokens.is_empty() {
                    let key = phrase_key(tokens.clone().map(|i| self.text(i)));
                    let known = self.lex.phrase(&key);
                    let m = self.push(tokens, Some(EntityType::Location));
                    match known {
                        Some(ListedPhrase::Place(name, subtype)) => {
                            m.canonical = Some(name);
                            m.subtype = Some(subtype);
                        }
                        _ => m.subtype = Some("city"),
                    }
                }
            }
        }
        if let Some(source) = dateline.source.as_deref().map(str::trim) {
            if let Some(at) = head.rfind(source).filter(|_| !source.is_empty()) {
                let bytes = span.start + at..span.start + at + source.len();
                let tokens = self.doc.tokens_within(bytes);
                if !tokens.is_empty() {
                    let key = phrase_key(tokens.clone().map(|i| self.text(i)));
                    let known = self.lex.phrase(&key);
                    let m = self.push(tokens, Some(EntityType::Organization));
                    m.subtype = Some("agency");
                    if let Some(ListedPhrase::Organization(name, _)) = known {
                        m.canonical = Some(name);
                    }
                }
            }
        }
        self.doc.tokens_within(span)
    }

    fn scan(&mut self, claimed: Range<usize>) {
        let n = self.doc.tokens.len();
        let mut i = 0;
        while i < n {
            if claimed.contains(&i) {
                i = claimed.end;
                continue;
            }
            if !self.is_cap(i) {
                i += 1;
                continue;
            }
            let end = self
                .run_end(i)
                .min(if i < claimed.start { claimed.start } else { n });
            let next = self.cut_run(i, end);
            i = next.max(i + 1);
        }
    }

    /// The end of the run of name words starting at `start`.
    fn run_end(&self, start: usize) -> usize {
        let n = self.doc.tokens.len();
        let shouting = self.shouting[start];
        let mut end = start + 1;
        loop {
            if end >= n
                || self.shouting[end] != shouting
                || self.doc.text[self.doc.tokens[end - 1].end()..self.doc.tokens[end].start()]
                    .contains('\n')
            {
                break;
            }
            let t = self.text(end);
            let next_cap = if shouting {
                self.is_word(end + 1)
            } else {
                self.is_cap(end + 1)
            };
            if t == "." && self.touching(end - 1) && is_name_suffix(self.text(end - 1)) {
                // `King Jr.`: the dot ends the name.
                end += 1;
                break;
            }
            let joins = (self.is_cap(end) && !self.lex.is_non_entity(t))
                || (t == "." && self.touching(end - 1) && self.is_initial(end - 1) && next_cap)
                || (self.doc.tokens[end].kind == TokenKind::Possessive && next_cap)
                || (t == "&" && next_cap)
                || (self.is_word(end)
                    && (CONNECTORS.contains(&t) || self.lex.is_title(t))
                    && self.is_cap(end + 1));
            if !joins {
                break;
            }
            end += 1;
        }
        end
    }

    /// `W` in `George W. Bush`, `Mr` in `Mr. Kim`.
    fn is_initial(&self, i: usize) -> bool {
        let w = self.text(i);
        (w.len() == 1 && starts_upper(w)) || self.lex.is_honorific(w)
    }

    /// A sentence opener to drop: `During`, `The`, `Meanwhile`.
    fn is_dropped_opener(&self, i: usize, opening: bool) -> bool {
        let w = self.text(i);
        // `A. Giles`: an initial, not the article.
        if w.len() == 1 && self.touching(i) && self.text(i + 1) == "." {
            return false;
        }
        if self
            .lex
            .is_non_entity(w.split(['\'', '’']).next().unwrap_or(w))
        {
            return !self.is_given_name_before_surname(i);
        }
        if !self.opener[i] && !opening && !self.shouting[i] {
            return false;
        }
        // `Foreign Minister Choe Son-hui`: a modifier of a title.
        let before_title = self.is_word(i + 1) && self.lex.is_title(self.text(i + 1));
        if self.lex.phrase_of_word(w).is_some()
            || before_title
            || self.lex.is_title(w)
            || self.lex.is_honorific(w)
        {
            return false;
        }
        if self.shouting[i] {
            return self.lex.is_common_word(w) && !self.lex.is_given_name(w);
        }
        let (used_lowercase, capitalized_elsewhere) = with_lowercase(w, |lower| {
            (
                self.lowercase_uses.contains(lower),
                self.midsentence_caps.contains(lower),
            )
        });
        if used_lowercase {
            return true;
        }
        // `Delegates`, `Officials`: the plural of a frequent word, unless a surname
        // (`Banks`, `Woods`).
        let plural_of_common = w
            .strip_suffix('s')
            .is_some_and(|one| one.len() > 2 && self.lex.is_common_word(one))
            && !self.lex.is_surname(w);
        (self.lex.is_common_word(w) || plural_of_common)
            && !capitalized_elsewhere
            && !self.lex.is_given_name(w)
    }

    /// `May Thompson`, `June Carter`: a month that is also a given name, right before a
    /// surname, unless a word of dates precedes it (`in May Thompson won`).
    fn is_given_name_before_surname(&self, i: usize) -> bool {
        const BEFORE_DATES: &[&str] = &[
            "in", "on", "since", "until", "by", "last", "next", "of", "early", "late", "mid",
            "from", "through", "between", "and", "to",
        ];
        let after_date_word = i > 0
            && BEFORE_DATES
                .iter()
                .any(|b| b.eq_ignore_ascii_case(self.text(i - 1)));
        self.lex.is_given_name(self.text(i))
            && self.is_cap(i + 1)
            && self.lex.is_surname(self.text(i + 1))
            && !after_date_word
    }

    /// The longest listed phrase starting at `i` (it may reach past the run).
    fn listed_at(&self, i: usize) -> Option<(usize, ListedPhrase)> {
        let n = self.doc.tokens.len();
        let mut key = String::new();
        let mut best = None;
        for len in 1..=MAX_PHRASE_TOKENS {
            let j = i + len - 1;
            if j >= n || (len > 1 && self.doc.tokens[j].start() > self.doc.tokens[j - 1].end() + 1)
            {
                break;
            }
            let t = self.doc.tokens[j];
            if t.kind == TokenKind::Punct && !matches!(self.text(j), "." | "&" | "-") {
                break;
            }
            if self.text(j) == "." {
                continue;
            }
            if len > 1 {
                key.push(' ');
            }
            push_key_word(&mut key, self.text(j));
            if let Some(known) = self.lex.phrase(&key) {
                // The last word of a listed name is a name word, not `of`.
                best = Some((len, known));
            }
            if !self.lex.starts_phrase(&key) {
                break;
            }
        }
        // `Van Gaal`, `De Klerk`: a connector-like city name leads a person's name.
        if best.is_some_and(|(len, _)| len == 1)
            && CONNECTORS.contains(&self.text(i).to_lowercase().as_str())
            && self.is_cap(i + 1)
        {
            return None;
        }
        best
    }

    /// Cuts the run `start..end` into mentions; returns where scanning goes on.
    fn cut_run(&mut self, start: usize, end: usize) -> usize {
        let mut p = start;
        let mut end = end;
        // `For Use Only`: a word after a dropped opener opens the sentence too.
        let mut opening = false;
        while p < end {
            // Glue, possessives and dropped openers never start a mention.
            let mut listed = self.listed_at(p);
            // `Vladimir Putin`, `George Bush`: a one-word town leading an unlisted name.
            if let Some((1, ListedPhrase::Place(_, "city" | "region"))) = listed {
                if self.is_cap(p + 1) && p + 1 < end && self.listed_at(p + 1).is_none() {
                    listed = None;
                }
                // `George Bush`, `Jackson Lincoln`: a given name before a surname, though
                // both are towns somewhere.
                if self.is_cap(p + 1)
                    && p + 1 < end
                    && self.lex.is_given_name(self.text(p))
                    && self.lex.is_surname(self.text(p + 1))
                    && matches!(
                        self.listed_at(p + 1),
                        None | Some((1, ListedPhrase::Place(_, "city" | "region")))
                    )
                {
                    listed = None;
                }
            }
            let listed_phrase = listed.is_some_and(|(len, _)| len > 1);
            if !self.is_cap(p) || (!listed_phrase && self.is_dropped_opener(p, opening)) {
                opening = self.is_cap(p);
                p += 1;
                continue;
            }
            opening = false;
            if let Some((len, known)) = listed {
                if p + len >= end {
                    self.push_listed(p..p + len, known);
                    return p + len;
                }
            }
            // A possessive ends a name unless a listed name spans it:
            // `North's Korean Central News Agency`, `People's Republic`.
            let seg_end = (p..end)
                .find(|&j| self.doc.tokens[j].kind == TokenKind::Possessive)
                .filter(|&j| listed.is_none_or(|(len, _)| p + len <= j))
                .unwrap_or(end);
            let rest = p..seg_end;
            let word_at = |j: usize| self.is_word(j).then(|| self.text(j));
            // `U.S. Open`, `World Cup`, `Olympic Games`: events; `Clean Air Act`: a law.
            let head = word_at(seg_end - 1);
            let misc = if head.is_some_and(|w| self.lex.is_event_word(w)) {
                Some("event")
            } else if seg_end - p > 1 && head.is_some_and(is_law_head) {
                Some("law")
            } else {
                None
            };
            if let Some(subtype) = misc {
                let m = self.push(p..seg_end, Some(EntityType::Misc));
                m.subtype = Some(subtype);
                p = seg_end;
                continue;
            }
            if let Some(q) = rest
                .clone()
                .rev()
                .find(|&j| word_at(j).is_some_and(|w| self.lex.is_org_word(w)))
            {
                // `Union` alone is no organization; `European Union`, `Bank of Japan` are.
                if q > p || seg_end - p > 1 {
                    self.push(p..seg_end, Some(EntityType::Organization));
                    p = seg_end;
                    continue;
                }
            }
            let title = rest.clone().rev().find(|&j| {
                // `Sen. Jane Roe`: the name starts after the title's period; `St. John`
                // is a saint or a place.
                let dotted = self.is_abbreviation_dot(j + 1);
                if dotted && self.text(j).eq_ignore_ascii_case("st") {
                    return false;
                }
                let name = j + 1 + usize::from(dotted);
                // `Martin Luther King Jr.`: no title before a suffix.
                self.is_title_at(j)
                    && name < seg_end
                    && self.is_cap(name)
                    && !is_name_suffix(self.text(name))
            });
            let last = seg_end - 1;
            // `Rep. Ann Park`: after a title, a surname that is also a place word ends a
            // person's name, not a park's.
            let titled_surname = title.is_some() && self.lex.is_surname(self.text(last));
            if last > p
                && !titled_surname
                && word_at(last)
                    .is_some_and(|w| self.lex.is_geo_word(w) || self.lex.is_facility_word(w))
            {
                let subtype = if self.lex.is_facility_word(self.text(last)) {
                    "facility"
                } else {
                    "region"
                };
                let m = self.push(p..seg_end, Some(EntityType::Location));
                m.subtype = Some(subtype);
                p = seg_end;
                continue;
            }
            if let Some(q) = title {
                self.push_role_and_person(p, q, seg_end);
                p = seg_end;
                continue;
            }
            if let Some((len, known)) = listed {
                self.push_listed(p..p + len, known);
                p += len;
                continue;
            }
            // A name; one word at a time in an all-caps line.
            let stop = if self.shouting[p] { p + 1 } else { seg_end };
            let mut name_end = stop;
            while name_end > p
                && !self.is_cap(name_end - 1)
                && !(self.text(name_end - 1) == "." && is_name_suffix(self.text(name_end - 2)))
            {
                name_end -= 1;
            }
            if name_end > p {
                end = end.max(self.push_name(p..name_end));
            }
            p = stop;
        }
        end
    }

    /// Token `i` is the period of the abbreviation before it (`Sen.`, `Gen.`).
    fn is_abbreviation_dot(&self, i: usize) -> bool {
        i > 0 && i < self.doc.tokens.len() && self.text(i) == "." && self.touching(i - 1)
    }

    fn is_title_at(&self, j: usize) -> bool {
        self.is_word(j) && (self.lex.is_title(self.text(j)) || self.lex.is_honorific(self.text(j)))
    }

    fn push_listed(&mut self, tokens: Range<usize>, known: ListedPhrase) {
        let (kind, subtype, canonical) = match known {
            ListedPhrase::Place(name, subtype) => (EntityType::Location, Some(subtype), Some(name)),
            ListedPhrase::Organization(name, subtype) => {
                (EntityType::Organization, subtype, Some(name))
            }
            ListedPhrase::Demonym(_) => (EntityType::Misc, Some("nationality"), None),
        };
        let m = self.push(tokens, Some(kind));
        m.subtype = subtype;
        m.canonical = canonical;
    }

    /// `Russian President Vladimir Putin`: role `Russian President`, person `Vladimir Putin`.
    fn push_role_and_person(&mut self, start: usize, last_title: usize, end: usize) {
        let mut role_start = start;
        // `Russia’s President Vladimir Putin`: the role takes the possessor in.
        if start >= 2
            && self.doc.tokens[start - 1].kind == TokenKind::Possessive
            && self
                .mentions
                .last()
                .is_some_and(|m| m.tokens.end == start - 1 && m.kind == Some(EntityType::Location))
        {
            role_start = self.mentions.last().map_or(start, |m| m.tokens.start);
        }
        // Demonyms and places inside the role are mentions of their own.
        let mut i = start;
        while i < last_title {
            match self.listed_at(i) {
                Some((len, known)) if i + len <= last_title => {
                    self.push_listed(i..i + len, known);
                    i += len;
                }
                _ => i += 1,
            }
        }
        // `Mr. Kim`: a courtesy title is no role; `Sen.`, `Lt. Gen.` are.
        let courtesy_only = (start..=last_title).all(|j| {
            !self.is_word(j)
                || (self.lex.is_honorific(self.text(j)) && !self.lex.is_rank(self.text(j)))
        }) && !self.lex.is_title(self.text(last_title));
        let role_end = last_title + 1 + usize::from(self.is_abbreviation_dot(last_title + 1));
        let mut name_start = last_title + 1;
        while name_start < end && !self.is_cap(name_start) {
            name_start += 1;
        }
        let stop = (name_start..end)
            .find(|&j| self.doc.tokens[j].kind == TokenKind::Possessive)
            .unwrap_or(end);
        if name_start >= stop {
            return;
        }
        let role = role_start as u32..role_end as u32;
        let m = self.push(name_start..stop, Some(EntityType::Person));
        if !courtesy_only {
            m.role = Some(role);
        }
    }

    /// A name that no list covers; returns the end of the mention in tokens.
    fn push_name(&mut self, tokens: Range<usize>) -> usize {
        let words: Vec<&str> = tokens
            .clone()
            .filter(|&j| self.is_word(j))
            .map(|j| self.text(j))
            .collect();
        let shouting = self.shouting[tokens.start];
        let single = words.len() == 1;
        // `(L)` in a caption; `Use Only`: frequent words, no name.
        if words.is_empty()
            || (single && words[0].chars().count() < 2)
            || (!single
                && words
                    .iter()
                    .all(|w| self.lex.is_common_word(w) && !self.lex.is_given_name(w)))
        {
            return tokens.end;
        }
        let after = tokens.end;
        // `Vostochny space center`: a facility, the lowercase words taken in.
        let followers: Vec<&str> = (after..(after + 3).min(self.doc.tokens.len()))
            .take_while(|&j| self.is_word(j) && !self.is_cap(j))
            .map(|j| self.text(j))
            .collect();
        let facility = self.lex.facility_follower_len(&followers);
        if facility > 0 && !shouting {
            let m = self.push(tokens.start..after + facility, Some(EntityType::Location));
            m.subtype = Some("facility");
            return after + facility;
        }
        if followers
            .first()
            .is_some_and(|w| self.lex.is_region_follower(w))
            && !shouting
        {
            let m = self.push(tokens, Some(EntityType::Location));
            m.subtype = Some("region");
            return after;
        }
        let before = tokens.start.checked_sub(1).map(|j| self.text(j));
        let person = words.iter().any(|w| is_korean_given_name(w))
            || before.is_some_and(|b| self.lex.is_honorific(b.trim_end_matches('.')))
            || (!single
                && (self.lex.is_given_name(words[0])
                    || self.lex.is_surname(words[words.len() - 1])))
            || (words.len() == 2 && self.lex.is_family_name(words[0]))
            || (!single && !shouting && words.iter().all(|w| !is_all_caps(w)));
        // `Borussia Dortmund`, `PSV Eindhoven`: a club named after its city; not `Meng
        // Wanzhou`, a family name before a given name that is also a town.
        let club = !single
            && !self.lex.is_given_name(words[0])
            && !self.lex.is_family_name(words[0])
            && matches!(
                self.lex
                    .phrase(&phrase_key(words[words.len() - 1..].iter().copied())),
                Some(ListedPhrase::Place(_, "city"))
            );
        let kind = if club {
            Some(EntityType::Organization)
        } else if person {
            Some(EntityType::Person)
        } else if single && is_all_caps(words[0]) && !shouting {
            Some(EntityType::Organization)
        } else {
            None
        };
        if shouting && kind.is_none() && self.lex.is_common_word(words[0]) && single {
            return after;
        }
        // A lone unknown word opening a sentence (`Attendance:`, `Bowling:`) counts only
        // if the story names it elsewhere.
        let lone_opener = single
            && kind.is_none()
            && self.opener[tokens.start]
            && !self.midsentence_caps.contains(&words[0].to_lowercase())
            && !self.lex.is_given_name(words[0])
            && !self.lex.is_surname(words[0]);
        let m = self.push(tokens.clone(), kind);
        m.unsure |= lone_opener;
        after
    }

    /// `said company spokesman John Roe`, `Huawei finance chief Meng Wanzhou`: a
    /// lowercase title right before a name is its role, with the lowercase modifiers
    /// and organization nouns before it (`company`, `finance`, `deputy`), and the name
    /// is a person's unless a list or a head word typed it.
    fn lowercase_roles(&mut self) {
        const MAX_ROLE_WORDS: usize = 4;
        // Lowercase titles have three letters or more (`ceo`): `in`, `of`, `at` and the
        // most frequent longer words before a name are not looked up.
        let role_word = |j: usize, title_only: bool| {
            let w = self.text(j);
            self.is_word(j)
                && w.len() >= 3
                && !matches!(w, "the" | "and" | "said" | "for" | "from" | "with" | "that")
                && w.starts_with(|c: char| c.is_lowercase())
                && (self.lex.is_title(w)
                    || (!title_only
                        && (contains(List::TitleModifiers, w)
                            || contains(List::OrganizationNouns, w))
                        && !contains(List::FunctionWords, w)))
        };
        let mut roles = Vec::new();
        for (k, m) in self.mentions.iter().enumerate() {
            let start = m.tokens.start;
            if m.role.is_some()
                || m.canonical.is_some()
                || m.subtype.is_some()
                || start == 0
                || !role_word(start - 1, true)
            {
                continue;
            }
            let floor = k.checked_sub(1).map_or(0, |p| self.mentions[p].tokens.end);
            let mut role_start = start - 1;
            while role_start > floor
                && start - role_start < MAX_ROLE_WORDS
                && role_word(role_start - 1, false)
            {
                role_start -= 1;
            }
            roles.push((k, role_start as u32..start as u32));
        }
        for (k, role) in roles {
            let m = &mut self.mentions[k];
            m.role = Some(role);
            m.kind = Some(EntityType::Person);
        }
    }

    /// Sports results name teams after their cities: `CHICAGO 69 59 .539`, `Leeds 2
    /// Chelsea 1`, `OAKLAND AT BOSTON`. A city or region followed by a score, or two of
    /// them alone on a line around `at`/`v`, is a team (an organization).
    fn mark_teams(&mut self) {
        let doc = self.doc;
        let is_place = |m: &Mention| {
            m.kind == Some(EntityType::Location) && matches!(m.subtype, Some("city" | "region"))
        };
        let is_score = |i: usize| {
            doc.tokens.get(i).is_some_and(|t| {
                let w = &doc.text[t.range()];
                t.kind == TokenKind::Number && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit())
            })
        };
        let line_of = |i: usize| doc.line_of(doc.tokens[i].start());
        let mut teams = vec![false; self.mentions.len()];
        for (k, m) in self.mentions.iter().enumerate() {
            if !is_place(m) || m.tokens.end >= doc.tokens.len() {
                continue;
            }
            let line = line_of(m.tokens.start);
            let same_line = |i: usize| i < doc.tokens.len() && line_of(i) == line;
            if is_score(m.tokens.end)
                && same_line(m.tokens.end)
                && (is_score(m.tokens.end + 1)
                    || self
                        .mentions
                        .get(k + 1)
                        .is_some_and(|n| is_place(n) && n.tokens.start == m.tokens.end + 1))
            {
                teams[k] = true;
            }
            if let Some(n) = self.mentions.get(k + 1) {
                let between = m.tokens.end + 1 == n.tokens.start
                    && matches!(
                        doc.token_text(m.tokens.end),
                        "AT" | "at" | "v" | "vs" | "V" | "VS"
                    );
                let alone = doc
                    .lines
                    .get(line)
                    .is_some_and(|l| l.start == m.bytes(doc).start && l.end == n.bytes(doc).end);
                if is_place(n) && between && alone {
                    teams[k] = true;
                    teams[k + 1] = true;
                }
            }
        }
        for (m, team) in self.mentions.iter_mut().zip(teams) {
            if team {
                m.kind = Some(EntityType::Organization);
                m.subtype = Some("team");
                m.canonical = None;
            }
        }
    }
}
