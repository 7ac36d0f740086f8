//! Finding titled mentions in a draft and tying each to a person.
//!
//! A sentence is cut into word tokens; offices are found as token sequences
//! from the `title-offices` lexicon (longest first). Around an office:
//!
//! - before it, qualifiers: status words (`former`, `ex-`, `then-`),
//!   nationalities and countries (`U.S.`, `Israeli`, `Iran's`), and up to
//!   three other capitalized words (`Federal Reserve`);
//! - after it, an optional `-elect`, an optional comma, honorifics (`Dr.`,
//!   `Ayatollah`), then a name: capitalized words, initials, particles
//!   (`al-`, `von`), a generational suffix; a possessive ends it;
//! - or, in apposition, `NAME, the [qualifiers] office`.

use crate::date::Date;
use crate::draft::{BlockKind, Draft, Sentence};
use crate::rules::Pack;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind, Span, packed};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;
use std::ops::Range;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Current,
    Outgoing,
    Elect,
    Acting,
    Former,
    Late,
    Then,
}

/// The status classes titles are compared by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    Current,
    Former,
    Acting,
    Elect,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// From the first qualifier to the end of the name (without `'s`), or
    /// for an appositive from the name to the office.
    pub span: Range<usize>,
    /// Who: `#N` for registry person N, else the folded full name.
    pub person: String,
    /// The person's name for messages.
    pub name: String,
    /// The office, canonical form (`Defense Minister` for `Defence Minister`).
    pub office: String,
    pub status: Status,
    pub registry: Option<usize>,
    /// An appositive whose office `of` names its body (`Javad Owji, a
    /// former managing director of the National Iranian Gas Company`):
    /// perhaps no office a registry lists.
    pub of_body: bool,
}

/// An office with a status, as messages show it: `former Mayor`,
/// `Mayor-elect`.
pub fn title(o: &str, status: Status) -> String {
    match status {
        Status::Current | Status::Outgoing => o.to_string(),
        Status::Former => format!("former {o}"),
        Status::Acting => format!("acting {o}"),
        Status::Elect => format!("{o}-elect"),
        Status::Late => format!("late {o}"),
        Status::Then => format!("then-{o}"),
    }
}

impl Mention {
    /// The title as messages show it: `former Mayor`, `Mayor-elect`.
    pub fn title(&self) -> String {
        title(&self.office, self.status)
    }

    pub fn title_text<'a>(&self, draft: &'a Draft) -> &'a str {
        &draft.text[self.span.clone()]
    }
}

/// A token of a sentence, borrowed from the text and from the [`Scratch`]
/// that holds the lower-case forms differing from the word.
#[derive(Clone, Copy, Debug)]
struct Tok<'a> {
    start: usize,
    /// End of the word, without a trailing dot.
    end: usize,
    word: &'a str,
    lower: &'a str,
    dot: bool,
    punct: bool,
}

/// A token before its strings are borrowed: `lower` is a range of
/// [`Scratch::lower`], or `None` when the word is its own lower case.
#[derive(Clone, Debug)]
struct RawTok {
    start: usize,
    end: usize,
    lower: Option<Range<usize>>,
    dot: bool,
    punct: bool,
}

thread_local! {
    /// Each thread's scratch, kept from draft to draft.
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
}

/// Buffers reused by every sentence a draft tokenizes.
#[derive(Default)]
struct Scratch {
    toks: Vec<RawTok>,
    lower: String,
}

impl Scratch {
    /// Tokens `range`, borrowed from the scratch and from `text`, which
    /// starts at byte `base` of the draft, into `out` (cleared).
    fn borrow<'a>(
        &'a self,
        text: &'a str,
        base: usize,
        range: Range<usize>,
        out: &mut Vec<Tok<'a>>,
    ) {
        out.clear();
        out.extend(self.toks[range].iter().map(|t| {
            let word = &text[t.start - base..t.end - base];
            Tok {
                start: t.start,
                end: t.end,
                word,
                lower: t.lower.clone().map_or(word, |r| &self.lower[r]),
                dot: t.dot,
                punct: t.punct,
            }
        }));
    }

    /// [`Scratch::lower`] of an ASCII word.
    fn lower_ascii(&mut self, s: &str) -> Option<Range<usize>> {
        let first = s.bytes().position(|b| b.is_ascii_uppercase())?;
        let from = self.lower.len();
        self.lower.push_str(s);
        self.lower[from + first..].make_ascii_lowercase();
        Some(from..self.lower.len())
    }

    /// Where `s.to_lowercase()` is found: `None` when it is `s` itself.
    fn lower(&mut self, s: &str) -> Option<Range<usize>> {
        let from = self.lower.len();
        if s.is_ascii() {
            if !s.bytes().any(|b| b.is_ascii_uppercase()) {
                return None;
            }
            self.lower.push_str(s);
            self.lower[from..].make_ascii_lowercase();
        } else {
            let l = s.to_lowercase();
            if l == s {
                return None;
            }
            self.lower.push_str(&l);
        }
        Some(from..self.lower.len())
    }
}

impl Tok<'_> {
    fn cap(&self) -> bool {
        self.word.chars().next().is_some_and(char::is_uppercase)
    }

    /// Matches a lexicon token (lower case): with a trailing dot, the token
    /// must have one too.
    fn is(&self, entry: &str) -> bool {
        match entry.strip_suffix('.') {
            Some(e) => self.dot && self.lower == e,
            None => self.lower == entry,
        }
    }

    fn possessive(&self) -> Option<usize> {
        for s in ["'s", "’s", "'S", "’S"] {
            if self.word.len() > s.len() && self.word.ends_with(s) {
                return Some(self.end - s.len());
            }
        }
        if self.word.ends_with(['\'', '’']) && self.word.ends_with("s'") {
            return Some(self.end - 1);
        }
        None
    }
}

/// Lexicon entries, each a sequence of lower-case tokens.
#[derive(Default)]
struct Seqs {
    by_first: HashMap<String, Vec<(Vec<String>, usize)>>,
    /// For each first byte of a `by_first` key, a bit for each key length
    /// (lengths past 63 share the last bit): most tokens are no entry's
    /// first word, and this tells so without hashing them.
    first_shape: Vec<u64>,
    count: usize,
    /// One-token entries: without a trailing dot, and with one (dot cut).
    words: Words,
}

impl Seqs {
    fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Seqs {
        let mut s = Seqs::default();
        for w in words {
            s.add(w);
        }
        s
    }

    fn add(&mut self, w: &str) -> usize {
        let toks: Vec<String> = w.split_whitespace().map(|t| t.to_lowercase()).collect();
        let id = self.count;
        if let Some(first) = toks.first() {
            let key = first.trim_end_matches('.').to_string();
            if self.first_shape.is_empty() {
                self.first_shape = vec![0; 256];
            }
            if let Some(&b) = key.as_bytes().first() {
                self.first_shape[usize::from(b)] |= shape_bit(key.len());
            }
            let list = self.by_first.entry(key).or_default();
            list.push((toks.clone(), id));
            list.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        }
        if let [w] = toks.as_slice() {
            self.words.add(w);
        }
        self.count += 1;
        id
    }

    /// The longest entry starting at token `i`: (length, entry id).
    fn at(&self, toks: &[Tok], i: usize) -> Option<(usize, usize)> {
        let lower = toks.get(i)?.lower;
        let b = *lower.as_bytes().first()?;
        if self.first_shape.get(usize::from(b))? & shape_bit(lower.len()) == 0 {
            return None;
        }
        let list = self.by_first.get(lower)?;
        list.iter()
            .find(|(e, _)| {
                i + e.len() <= toks.len()
                    && e.iter().zip(&toks[i..]).enumerate().all(|(k, (w, t))| {
                        !t.punct && t.is(w) && (k + 1 == e.len() || !t.dot || w.ends_with('.'))
                    })
            })
            .map(|(e, id)| (e.len(), *id))
    }

    /// The longest entry ending just before token `end`: its length.
    fn ending_at(&self, toks: &[Tok], end: usize) -> Option<usize> {
        (1..=end.min(4))
            .rev()
            .find(|&len| self.at(toks, end - len).is_some_and(|(l, _)| l == len))
    }

    fn contains_word(&self, t: &Tok) -> bool {
        self.words.matches(t)
    }
}

/// The bit of [`Seqs::first_shape`] for a key of `len` bytes.
fn shape_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// Lower-case lexicon words, matched as [`Tok::is`] matches one.
#[derive(Default)]
struct Words {
    plain: HashSet<String>,
    /// Words written with a trailing dot, without it.
    dotted: HashSet<String>,
}

impl Words {
    fn new<'a>(words: impl IntoIterator<Item = &'a String>) -> Words {
        let mut w = Words::default();
        for x in words {
            w.add(x);
        }
        w
    }

    fn add(&mut self, w: &str) {
        match w.strip_suffix('.') {
            Some(d) => self.dotted.insert(d.to_string()),
            None => self.plain.insert(w.to_string()),
        };
    }

    fn matches(&self, t: &Tok) -> bool {
        self.plain.contains(t.lower) || (t.dot && self.dotted.contains(t.lower))
    }
}

/// The check's language, from the lexicons of `rules/titles.toml`.
pub struct Lexicon {
    offices: Seqs,
    /// Canonical office for each office entry id.
    office_canon: Vec<String>,
    /// Lower-case form → canonical office, for registry titles.
    canon: HashMap<String, String>,
    office_words: HashSet<String>,
    prefixes: HashSet<String>,
    statuses: Vec<(Status, Vec<String>)>,
    /// Hyphenated prefixes that split off a token (`ex-`, `then-`).
    split_prefixes: Vec<String>,
    /// Hyphenated suffixes that split off (`-elect`).
    elect_suffixes: Vec<String>,
    nationalities: Seqs,
    honorifics: Seqs,
    particles: HashSet<String>,
    particle_prefixes: Vec<String>,
    suffixes: Words,
    not_names: HashSet<String>,
    /// Lowercase words naming an appositive office's body (`parliament`).
    appositive_bodies: HashSet<String>,
    /// The not-names written with a trailing dot, without it.
    not_names_dotted: HashSet<String>,
    /// Not-names that may end a name after a first name when no number
    /// follows (`Theresa May`).
    surname_months: HashSet<String>,
    /// Not-names that may open a name when a name word follows them
    /// (`President Park Geun-hye`).
    surname_openers: HashSet<String>,
    /// Words that date a title to the past year after them.
    dating_words: HashSet<String>,
    /// Where an office can start: a sentence without an anchor at a word
    /// start holds no titled mention and is not tokenized.
    office_anchors: Anchors,
}

/// Word-start substrings one of which every office contains (see
/// [`office_anchors`]), searched for in the prose in ASCII lower case.
enum Anchors {
    /// No offices: no sentence is tokenized.
    NoOffices,
    /// Some office has no ASCII anchor: every sentence is tokenized.
    Every,
    Filter(WordFilter),
}

fn lower_set(words: &[String]) -> HashSet<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

/// Folds a word for comparing names: no accents, lower case, one apostrophe.
pub fn fold(s: &str) -> String {
    // ASCII has no accents to strip nor `’` to replace.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' { '\'' } else { c })
        .collect()
}

/// Whether a name word is written with a capital, after a particle joined
/// by a hyphen too (`el-Sisi`).
fn capitalized(w: &str) -> bool {
    w.split('-')
        .any(|p| p.chars().next().is_some_and(char::is_uppercase))
}

#[derive(PartialEq, Eq)]
enum NameTok {
    Word,
    Initial,
    Particle,
    Suffix,
    No,
}

/// A name read by [`Lexicon::name_after`].
struct NameAfter<'a> {
    /// The token after the name.
    end: usize,
    /// Its words, without initials.
    words: Vec<&'a str>,
    end_byte: usize,
    /// Its initials, lower case: `hw` for `George H. W. Bush`.
    initials: String,
}

/// Who a name with `key` and `initials` is: initials tell apart two people
/// of one name (`George W. Bush`, `George H. W. Bush`).
fn person_id(key: String, initials: &str) -> String {
    if initials.is_empty() {
        key
    } else {
        format!("{key} ({initials})")
    }
}

struct Raw {
    span: Range<usize>,
    words: Vec<String>,
    initials: String,
    honor: Vec<String>,
    office: String,
    status: Status,
    heading: bool,
    /// An appositive office followed by `of` and its body.
    of_body: bool,
}

/// Who a raw mention names by its own words.
enum Named {
    /// No capitalized name word.
    Nobody,
    /// One capitalized word: a surname an introduction must resolve.
    Surname,
    /// A full name: its key, and the registry person it is.
    Full(String, Option<usize>),
}

struct Intro {
    at: usize,
    key: String,
    initials: String,
    surnames: Vec<String>,
    heading: bool,
}

/// A person's first introduction under a surname form: (where, index in
/// the introductions, the person's id, registry index).
type FirstIntro = (usize, usize, String, Option<usize>);

impl Lexicon {
    pub fn new(pack: &Pack) -> Lexicon {
        let synonyms: HashMap<String, String> = pack
            .words("title-office-synonyms")
            .iter()
            .filter_map(|w| {
                w.split_once('=')
                    .map(|(a, b)| (a.trim().to_lowercase(), b.trim().to_string()))
            })
            .collect();
        // A synonym may name another synonym (`Secretary of State for
        // Justice = Justice Secretary = Justice Minister`): follow the chain,
        // a few steps at most, so a cycle in a newsroom's pack ends.
        let resolve = |o: &str| {
            let mut c = o.to_string();
            for _ in 0..8 {
                match synonyms.get(&c.to_lowercase()) {
                    Some(next) if !next.eq_ignore_ascii_case(&c) => c = next.clone(),
                    _ => break,
                }
            }
            c
        };
        let mut offices = Seqs::default();
        let mut office_canon = Vec::new();
        let mut canon = HashMap::default();
        let mut office_words = HashSet::default();
        for o in pack.words("title-offices") {
            offices.add(o);
            let c = resolve(o);
            canon.insert(o.to_lowercase(), c.clone());
            office_canon.push(c);
            for w in o.split_whitespace() {
                if w.chars().next().is_some_and(char::is_uppercase) {
                    office_words.insert(w.to_lowercase().trim_end_matches('.').to_string());
                }
            }
        }
        for a in synonyms.keys() {
            canon.entry(a.clone()).or_insert_with(|| resolve(a));
        }
        let status_words = |name: &str| -> Vec<String> {
            pack.words(name).iter().map(|w| w.to_lowercase()).collect()
        };
        let statuses = vec![
            (Status::Former, status_words("title-status-former")),
            (Status::Late, status_words("title-status-late")),
            (Status::Acting, status_words("title-status-acting")),
            (Status::Then, status_words("title-status-then")),
            (Status::Outgoing, status_words("title-status-current")),
            (Status::Elect, status_words("title-status-elect")),
        ];
        let split_prefixes = statuses
            .iter()
            .flat_map(|(_, w)| w.iter())
            .filter(|w| w.ends_with('-') || w.ends_with('–'))
            .cloned()
            .collect();
        let elect_suffixes = status_words("title-status-elect")
            .into_iter()
            .filter(|w| w.starts_with('-'))
            .collect();
        let particles_all = lower_set(pack.words("title-name-particles"));
        Lexicon {
            offices,
            office_canon,
            canon,
            office_words,
            prefixes: lower_set(pack.words("title-office-prefixes")),
            statuses,
            split_prefixes,
            elect_suffixes,
            nationalities: Seqs::new(pack.words("title-nationalities").iter().map(String::as_str)),
            honorifics: Seqs::new(pack.words("title-honorifics").iter().map(String::as_str)),
            particle_prefixes: particles_all
                .iter()
                .filter(|p| p.ends_with('-'))
                .cloned()
                .collect(),
            particles: particles_all
                .into_iter()
                .filter(|p| !p.ends_with('-'))
                .collect(),
            suffixes: Words::new(&lower_set(pack.words("title-name-suffixes"))),
            not_names: pack.words("title-not-names").iter().cloned().collect(),
            appositive_bodies: lower_set(pack.words("title-appositive-bodies")),
            surname_months: pack.words("title-surname-months").iter().cloned().collect(),
            dating_words: lower_set(pack.words("title-dating-words")),
            surname_openers: pack
                .words("title-surname-openers")
                .iter()
                .cloned()
                .collect(),
            not_names_dotted: pack
                .words("title-not-names")
                .iter()
                .filter_map(|w| w.strip_suffix('.'))
                .map(str::to_string)
                .collect(),
            office_anchors: match office_anchors(pack.words("title-offices")) {
                None => Anchors::Every,
                Some(a) => WordFilter::new(a.into_iter().collect(), Some(AhoCorasickKind::DFA))
                    .map_or(Anchors::NoOffices, Anchors::Filter),
            },
        }
    }

    /// An office's canonical form (registry titles included).
    pub fn canonical(&self, title: &str) -> String {
        self.canon
            .get(&title.trim().to_lowercase())
            .cloned()
            .unwrap_or_else(|| title.trim().to_string())
    }

    /// The initials of a name, lower case: `w` for `George W. Bush`.
    pub fn initials_of(&self, name: &str) -> String {
        let mut scratch = Scratch::default();
        let toks = self.tokenize(name, 0, &mut scratch);
        toks.iter()
            .filter(|t| !t.punct && t.word.chars().count() == 1 && t.cap())
            .flat_map(|t| t.word.chars().flat_map(char::to_lowercase))
            .collect()
    }

    /// The key a name is known by: folded words, no initials or suffixes.
    pub fn key_of(&self, name: &str) -> String {
        let mut scratch = Scratch::default();
        let toks = self.tokenize(name, 0, &mut scratch);
        let words: Vec<&str> = toks
            .iter()
            .filter(|t| {
                matches!(self.name_tok(t, false), NameTok::Word | NameTok::Particle)
                    || (!t.punct && !t.cap())
                    || self.surname_months.contains(t.word)
                    || self.surname_openers.contains(t.word)
            })
            .filter(|t| !(t.punct || t.word.chars().count() == 1 && t.cap()))
            .map(|t| t.word)
            .collect();
        key(&words)
    }

    /// The tokens of `text`, which starts at byte `base` of the draft.
    fn tokenize<'a>(&self, text: &'a str, base: usize, scratch: &'a mut Scratch) -> Vec<Tok<'a>> {
        scratch.toks.clear();
        scratch.lower.clear();
        let range = self.tokenize_into(text, base, scratch);
        let mut toks = Vec::new();
        scratch.borrow(text, base, range, &mut toks);
        toks
    }

    /// Adds the tokens of `text`, which starts at byte `base` of the draft,
    /// to the scratch: the range of them.
    fn tokenize_into(&self, text: &str, base: usize, scratch: &mut Scratch) -> Range<usize> {
        let first = scratch.toks.len();
        let char_at = |at: usize| match *text.as_bytes().get(at)? {
            b if b.is_ascii() => Some(char::from(b)),
            _ => text[at..].chars().next(),
        };
        let mut i = 0;
        while let Some(c) = char_at(i) {
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            if !word_char(c) {
                scratch.toks.push(RawTok {
                    start: base + i,
                    end: base + i + c.len_utf8(),
                    lower: None,
                    dot: false,
                    punct: true,
                });
                i += c.len_utf8();
                continue;
            }
            let mut j = i + c.len_utf8();
            loop {
                // ASCII letters and digits, most of a word, go by bytes.
                while text
                    .as_bytes()
                    .get(j)
                    .is_some_and(u8::is_ascii_alphanumeric)
                {
                    j += 1;
                }
                let Some(d) = char_at(j) else {
                    break;
                };
                let next_word = || char_at(j + d.len_utf8()).is_some_and(word_char);
                if word_char(d) || (matches!(d, '-' | '\'' | '’' | '.' | '‐') && next_word()) {
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            let word = &text[i..j];
            // A possessive plural (`ministers'`) keeps its apostrophe.
            let dot = char_at(j) == Some('.');
            self.push_word(scratch, word, base + i, dot);
            i = j + usize::from(dot);
        }
        first..scratch.toks.len()
    }

    /// Adds a word token, splitting `ex-President` and `President-elect`.
    fn push_word(&self, scratch: &mut Scratch, word: &str, start: usize, dot: bool) {
        // Split prefixes end with `-` or `–` and suffixes start with `-`:
        // an ASCII word without `-` is one token.
        if word.is_ascii() && !word.as_bytes().contains(&b'-') {
            let lower = scratch.lower_ascii(word);
            scratch.toks.push(RawTok {
                start,
                end: start + word.len(),
                lower,
                dot,
                punct: false,
            });
            return;
        }
        let mut mk = |w: &str, s: usize, dot: bool| {
            let lower = scratch.lower(w);
            scratch.toks.push(RawTok {
                start: s,
                end: s + w.len(),
                lower,
                dot,
                punct: false,
            });
        };
        // Lower-case comparisons; an ASCII word is compared in place.
        let owned;
        let lower = if word.is_ascii() {
            None
        } else {
            owned = word.to_lowercase();
            Some(owned.as_str())
        };
        let len = lower.map_or(word.len(), str::len);
        let starts_with = |p: &str| match lower {
            Some(l) => l.starts_with(p),
            None => word
                .as_bytes()
                .get(..p.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes())),
        };
        let ends_with = |p: &str| match lower {
            Some(l) => l.ends_with(p),
            None => word
                .len()
                .checked_sub(p.len())
                .is_some_and(|at| word.as_bytes()[at..].eq_ignore_ascii_case(p.as_bytes())),
        };
        for p in &self.split_prefixes {
            if starts_with(p) && len > p.len() {
                mk(&word[..p.len()], start, false);
                self.push_word(scratch, &word[p.len()..], start + p.len(), dot);
                return;
            }
        }
        for s in &self.elect_suffixes {
            if ends_with(s) && len > s.len() {
                let cut = word.len() - s.len();
                mk(&word[..cut], start, false);
                mk(&word[cut..], start + cut, dot);
                return;
            }
        }
        mk(word, start, dot);
    }

    fn name_tok(&self, t: &Tok, strict: bool) -> NameTok {
        if t.punct {
            return NameTok::No;
        }
        if self.suffixes.matches(t) {
            return NameTok::Suffix;
        }
        // How many letters, and whether all are capitals.
        let letters = || {
            t.word
                .chars()
                .filter(|c| c.is_alphabetic())
                .fold((0, true), |(n, up), c| (n + 1, up && c.is_uppercase()))
        };
        if t.dot && t.cap() && letters().0 == 1 {
            return NameTok::Initial;
        }
        if self.particles.contains(t.lower) {
            return NameTok::Particle;
        }
        if let Some(p) = self
            .particle_prefixes
            .iter()
            .find(|p| t.lower.starts_with(p.as_str()))
        {
            return if t.word[p.len()..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            {
                NameTok::Word
            } else {
                NameTok::No
            };
        }
        if !t.cap() {
            return NameTok::No;
        }
        let bare = t.possessive().map_or(t.word, |e| &t.word[..e - t.start]);
        if self.not_names.contains(bare) || t.dot && self.not_names_dotted.contains(bare) {
            return NameTok::No;
        }
        if let (2.., true) = letters() {
            return NameTok::No;
        }
        if strict && (self.office_words.contains(t.lower) || self.honorifics.contains_word(t)) {
            return NameTok::No;
        }
        NameTok::Word
    }

    fn status_of(&self, t: &Tok) -> Option<Status> {
        self.statuses
            .iter()
            .find(|(_, words)| words.iter().any(|w| t.is(w)))
            .map(|(s, _)| *s)
    }

    /// Qualifiers before token `start`: (first token of the mention, status,
    /// whether a status or nationality qualifier was seen).
    fn qualifiers_before(&self, toks: &[Tok], start: usize) -> (usize, Status, bool) {
        let mut k = start;
        let mut first = start;
        let mut status = Status::Current;
        let mut seen = false;
        let mut skipped = 0;
        while k > 0 {
            let t = &toks[k - 1];
            if t.punct {
                if matches!(t.word, "-" | "–" | "—") && k >= 2 && toks[k - 2].lower == "then" {
                    status = status.max(Status::Then);
                    k -= 2;
                    first = k;
                    seen = true;
                    continue;
                }
                break;
            }
            if let Some(s) = self.status_of(t) {
                status = status.max(s);
                k -= 1;
                first = k;
                seen = true;
                continue;
            }
            if let Some(len) = self.nationalities.ending_at(toks, k) {
                k -= len;
                first = k;
                seen = true;
                continue;
            }
            if t.cap() && t.possessive().is_some() && !self.not_names.contains(t.word) {
                k -= 1;
                first = k;
                seen = true;
                continue;
            }
            // `World Bank`, `WHO`: the body whose office it is.
            let acronym = t.word.len() >= 2 && t.word.chars().all(|c| c.is_ascii_uppercase());
            if t.cap()
                && skipped < 3
                && (acronym || matches!(self.name_tok(t, false), NameTok::Word))
            {
                k -= 1;
                skipped += 1;
                continue;
            }
            break;
        }
        (first, status, seen)
    }

    /// The name that starts at token `j`: its words, initials and end.
    fn name_after<'a>(&self, toks: &[Tok<'a>], mut j: usize) -> NameAfter<'a> {
        let mut words = Vec::new();
        let mut initials = String::new();
        let mut end_byte = 0;
        let start = j;
        while j < toks.len() {
            let t = &toks[j];
            let kind = match self.name_tok(t, true) {
                // `Theresa May`, not `President Obama May 5`.
                NameTok::No
                    if !words.is_empty()
                        && !t.dot
                        && self.surname_months.contains(t.word)
                        && !toks
                            .get(j + 1)
                            .is_some_and(|n| n.word.starts_with(|c: char| c.is_ascii_digit())) =>
                {
                    NameTok::Word
                }
                // `President Park Geun-hye`, not `Mayor Ann Reyes Park`.
                NameTok::No
                    if words.is_empty()
                        && !t.dot
                        && self.surname_openers.contains(t.word)
                        && toks
                            .get(j + 1)
                            .is_some_and(|n| self.name_tok(n, true) == NameTok::Word) =>
                {
                    NameTok::Word
                }
                kind => kind,
            };
            match kind {
                NameTok::Word => {
                    j += 1;
                    if let Some(e) = t.possessive() {
                        words.push(&t.word[..e - t.start]);
                        end_byte = e;
                        break;
                    }
                    words.push(t.word);
                    end_byte = t.end;
                    if t.dot && !self.suffixes.matches(t) {
                        break;
                    }
                }
                NameTok::Initial => {
                    initials.extend(
                        t.word
                            .chars()
                            .filter(|c| c.is_alphabetic())
                            .flat_map(char::to_lowercase),
                    );
                    j += 1;
                    end_byte = t.end + 1;
                }
                NameTok::Particle
                    if toks
                        .get(j + 1)
                        .is_some_and(|n| matches!(self.name_tok(n, true), NameTok::Word)) =>
                {
                    words.push(t.word);
                    j += 1;
                }
                // A suffix ends the name: `Jesse Jackson Jr. Prosecutors
                // said` names no `Prosecutors`.
                NameTok::Suffix if j > start && !words.is_empty() => {
                    j += 1;
                    end_byte = t.end + usize::from(t.dot);
                    break;
                }
                // An honorific inside a name, with more of the name after it
                // (`Sheikh Sharif Sheikh Ahmed`), is part of it, as the
                // registry's key has it.
                NameTok::No
                    if !words.is_empty()
                        && !t.dot
                        && self.honorifics.contains_word(t)
                        && !self.office_words.contains(t.lower)
                        && toks
                            .get(j + 1)
                            .is_some_and(|n| matches!(self.name_tok(n, true), NameTok::Word)) =>
                {
                    words.push(t.word);
                    j += 1;
                }
                _ => break,
            }
        }
        NameAfter {
            end: j,
            words,
            end_byte,
            initials,
        }
    }

    /// Every titled mention of a draft, tied to a person; `registry` finds a
    /// registry person by name key.
    pub fn mentions(
        &self,
        draft: &Draft,
        registry: &dyn Fn(&str, &str) -> Option<usize>,
    ) -> Vec<Mention> {
        let mut raws = Vec::new();
        let heading =
            |s: &crate::draft::Sentence| draft.paragraphs[s.paragraph].kind == BlockKind::Heading;
        // The filters search the prose in ASCII lower case.
        let lower = draft.prose_lower();
        // Every sentence is tokenized at most once, onto one scratch: the
        // range of its tokens there.
        // The buffers of the thread's last draft, grown already.
        let mut scratch = SCRATCH.take();
        scratch.toks.clear();
        scratch.lower.clear();
        let mut tokenized: Vec<Option<Range<usize>>> = vec![None; draft.sentences.len()];
        let offices = match &self.office_anchors {
            Anchors::NoOffices => vec![false; draft.sentences.len()],
            Anchors::Every => vec![true; draft.sentences.len()],
            Anchors::Filter(f) => office_sentences(f, lower, draft),
        };
        for (k, s) in draft.sentences.iter().enumerate() {
            if offices[k] {
                let text = draft.prose(s.span.clone());
                tokenized[k] = Some(self.tokenize_into(text, s.span.start, &mut scratch));
            }
        }
        let mut toks = Vec::new();
        for (k, s) in draft.sentences.iter().enumerate() {
            if let Some(range) = tokenized[k].clone() {
                scratch.borrow(&draft.prose, 0, range, &mut toks);
                self.sentence(&toks, heading(s), draft.date(), &mut raws);
            }
        }
        drop(toks);
        // Initials part two people of one name (`George W. Bush`, `George
        // H. W. Bush`) only where the draft writes the name with two sets
        // of them; elsewhere `Yara K. Lind` and `Yara Lind` are one person.
        let mut variants: HashMap<String, Vec<String>> = HashMap::default();
        for r in raws.iter().filter(|r| !r.initials.is_empty()) {
            let v = variants.entry(key(&r.words)).or_default();
            if !v.contains(&r.initials) {
                v.push(r.initials.clone());
            }
        }
        let id_of = |k: String, initials: &str| {
            if variants.get(&k).is_some_and(|v| v.len() > 1) {
                person_id(k, initials)
            } else {
                k
            }
        };
        // The key of a mention's name with its honorifics (`Sheikh
        // Hasina`), if it has any.
        let honored_key = |r: &Raw| {
            (!r.honor.is_empty()).then(|| {
                let mut with_honor = r.honor.clone();
                with_honor.extend(r.words.iter().cloned());
                key(&with_honor)
            })
        };
        // Who each raw mention names, so far as its own words tell.
        let named: Vec<Named> = raws
            .iter()
            .map(|r| {
                let caps = r.words.iter().filter(|w| capitalized(w)).count();
                match caps {
                    0 => Named::Nobody,
                    // `Sheikh Hasina`: an honorific and one name may be a
                    // registry person's whole name.
                    1 => honored_key(r)
                        .and_then(|k| {
                            let reg = registry(&k, &r.initials)?;
                            Some(Named::Full(id_of(k, &r.initials), Some(reg)))
                        })
                        .unwrap_or(Named::Surname),
                    _ => {
                        let k = key(&r.words);
                        // Without honorifics the second key is the first.
                        let reg = registry(&k, &r.initials)
                            .or_else(|| registry(&honored_key(r)?, &r.initials));
                        Named::Full(id_of(k, &r.initials), reg)
                    }
                }
            })
            .collect();
        // Introductions (full names) resolve surnames and confirm heading
        // names; only sentences holding a form of the last name word of a
        // mention that needs them can introduce one, so only those are
        // tokenized. A surname needs introductions before it only.
        let needs = |r: &Raw, n: &Named| match n {
            Named::Surname => true,
            Named::Full(_, reg) => r.heading && reg.is_none(),
            Named::Nobody => false,
        };
        let mut limit = 0;
        for (r, n) in raws.iter().zip(&named) {
            match n {
                Named::Surname => limit = limit.max(r.span.start),
                Named::Full(..) if needs(r, n) => limit = usize::MAX,
                _ => {}
            }
        }
        let mut intros = Vec::new();
        let needles: HashSet<String> = raws
            .iter()
            .zip(&named)
            .filter(|(r, n)| needs(r, n))
            .filter_map(|(r, _)| r.words.last())
            .flat_map(|w| {
                let folded = fold(w);
                let ascii: String = folded.chars().take_while(char::is_ascii).collect();
                let mut v = surname_forms(&folded, &self.particle_prefixes);
                v.push(w.clone());
                if ascii.len() >= 3 {
                    v.push(ascii);
                }
                v
            })
            .collect();
        // Built for every draft: an NFA is much quicker to build than a DFA.
        if let Some(filter) = WordFilter::new(needles, Some(AhoCorasickKind::ContiguousNFA)) {
            let marks = filter.sentences(lower, &draft.sentences, limit);
            let mut wanted = Vec::new();
            for (k, s) in draft.sentences.iter().enumerate() {
                if marks[k] {
                    let range = tokenized[k].clone().unwrap_or_else(|| {
                        let text = draft.prose(s.span.clone());
                        self.tokenize_into(text, s.span.start, &mut scratch)
                    });
                    wanted.push((range, heading(s)));
                }
            }
            let mut toks = Vec::new();
            for (range, heading) in wanted {
                scratch.borrow(&draft.prose, 0, range, &mut toks);
                self.introductions(&toks, heading, &mut intros);
            }
        }
        SCRATCH.set(scratch);
        // Per surname form, each person's first introduction under it, in
        // order: a long draft introduces the same few people again and
        // again, and a surname is resolved without reading them all. Made
        // on first need, as are the other two.
        let mut by_surname: Option<HashMap<&str, Vec<FirstIntro>>> = None;
        let mut introduced: Option<HashSet<String>> = None;
        // The name each person's first mention gives, kept once a surname
        // needs it.
        let surnames = named.iter().any(|n| matches!(n, Named::Surname));
        let mut first_names: HashMap<String, String> = HashMap::default();
        let mut out: Vec<Mention> = Vec::new();
        for (r, n) in raws.into_iter().zip(named) {
            let (person, name, reg) = match n {
                Named::Full(k, reg) => {
                    if r.heading
                        && reg.is_none()
                        && !introduced
                            .get_or_insert_with(|| {
                                intros
                                    .iter()
                                    .filter(|i| !i.heading)
                                    .map(|i| id_of(i.key.clone(), &i.initials))
                                    .collect()
                            })
                            .contains(&k)
                    {
                        continue;
                    }
                    match reg {
                        Some(p) => (format!("#{p}"), String::new(), Some(p)),
                        None => (k, r.words.join(" "), None),
                    }
                }
                Named::Surname => {
                    let surname = r
                        .words
                        .iter()
                        .find(|w| capitalized(w))
                        .expect("one capitalized word");
                    let s = surname_forms(&fold(surname), &self.particle_prefixes);
                    // (first introduction, person, registry) of each person
                    // introduced before the mention under one of its forms.
                    let by_surname = by_surname.get_or_insert_with(|| {
                        let mut firsts: HashMap<&str, Vec<FirstIntro>> = HashMap::default();
                        for (n, i) in intros.iter().enumerate() {
                            let reg = registry(&i.key, &i.initials);
                            let id = reg.map_or_else(
                                || id_of(i.key.clone(), &i.initials),
                                |p| format!("#{p}"),
                            );
                            for x in &i.surnames {
                                let f = firsts.entry(x.as_str()).or_default();
                                if !f.iter().any(|f| f.2 == id) {
                                    f.push((i.at, n, id.clone(), reg));
                                }
                            }
                        }
                        firsts
                    });
                    let mut found: Vec<(usize, &str, Option<usize>)> = Vec::new();
                    for x in &s {
                        let Some(firsts) = by_surname.get(x.as_str()) else {
                            continue;
                        };
                        for (_, n, id, reg) in firsts.iter().take_while(|f| f.0 < r.span.start) {
                            match found.iter_mut().find(|f| f.1 == id) {
                                Some(f) => f.0 = f.0.min(*n),
                                None => found.push((*n, id, *reg)),
                            }
                        }
                    }
                    let [(n, id, reg)] = found[..] else {
                        continue;
                    };
                    let display = first_names
                        .get(id)
                        .cloned()
                        .unwrap_or_else(|| title_case(&intros[n].key));
                    (id.to_string(), display, reg)
                }
                Named::Nobody => continue,
            };
            if surnames && !first_names.contains_key(&person) {
                first_names.insert(person.clone(), name.clone());
            }
            out.push(Mention {
                span: r.span,
                person,
                name,
                office: r.office,
                status: r.status,
                registry: reg,
                of_body: r.of_body,
            });
        }
        out
    }

    /// Full names (two or more name words) anywhere in a sentence, for
    /// resolving surnames on later reference.
    fn introductions(&self, toks: &[Tok], heading: bool, intros: &mut Vec<Intro>) {
        let mut i = 0;
        while i < toks.len() {
            if !matches!(self.name_tok(&toks[i], true), NameTok::Word)
                || self.nationalities.contains_word(&toks[i])
            {
                i += 1;
                continue;
            }
            let NameAfter {
                end: j,
                words,
                initials,
                ..
            } = self.name_after(toks, i);
            let caps = words.iter().filter(|w| capitalized(w)).count();
            if caps >= 2 {
                let last = fold(words.last().expect("two words"));
                intros.push(Intro {
                    at: toks[i].start,
                    key: key(&words),
                    initials,
                    surnames: surname_forms(&last, &self.particle_prefixes),
                    heading,
                });
            }
            i = j.max(i + 1);
        }
    }

    fn sentence(&self, toks: &[Tok], heading: bool, date: Option<Date>, out: &mut Vec<Raw>) {
        // `In 2015, Prime Minister ...`: the sentence dates its titles.
        let opens_dated = self.dated_at(toks, 0, date);
        let mut i = 0;
        while i < toks.len() {
            let Some((len, id)) = self.offices.at(toks, i) else {
                i += 1;
                continue;
            };
            let office_end = i + len;
            // `Deputy Foreign Minister` is another office.
            let mut office = self.office_canon[id].clone();
            let mut start = i;
            if i > 0 && toks[i - 1].cap() && self.prefixes.contains(toks[i - 1].lower) {
                office = format!("{} {office}", toks[i - 1].word);
                start = i - 1;
            }
            if let Some(r) = self.before_name(toks, start, i, office_end, &office, heading) {
                out.push(as_dated(r, opens_dated));
            } else if let Some(r) = self.appositive(toks, start, i, office_end, &office, heading) {
                // `X, Ethiopia's prime minister from 2012 to 2018,`.
                let mut after = office_end + usize::from(r.status == Status::Elect);
                // `prime minister of Ethiopia between 2012 and 2018`.
                if toks.get(after).is_some_and(|t| t.lower == "of") {
                    after += 1;
                    while toks.get(after).is_some_and(|t| t.cap() && !t.punct) {
                        after += 1;
                    }
                }
                let dated = opens_dated || self.dated_at(toks, after, date);
                out.push(as_dated(r, dated));
            }
            i = office_end;
        }
    }

    /// Whether token `i` is a dating word and a year no later than
    /// `date`'s (any year, when the draft has no date) follows it, after at
    /// most one capitalized word (`in March 2015`).
    fn dated_at(&self, toks: &[Tok], i: usize, date: Option<Date>) -> bool {
        let past_year = |t: &Tok| {
            t.word.len() == 4
                && t.word.bytes().all(|b| b.is_ascii_digit())
                && t.word
                    .parse::<i32>()
                    .is_ok_and(|y| y >= 1800 && date.is_none_or(|d| y <= d.year))
        };
        toks.get(i)
            .is_some_and(|t| self.dating_words.contains(t.lower))
            && (toks.get(i + 1).is_some_and(past_year)
                || toks.get(i + 1).is_some_and(|t| t.cap() && !t.punct)
                    && toks.get(i + 2).is_some_and(past_year))
    }

    fn before_name(
        &self,
        toks: &[Tok],
        start: usize,
        i: usize,
        end: usize,
        office: &str,
        heading: bool,
    ) -> Option<Raw> {
        let mut j = end;
        let mut status = Status::Current;
        if toks
            .get(j)
            .is_some_and(|t| self.elect_suffixes.iter().any(|s| s.as_str() == t.lower))
        {
            status = Status::Elect;
            j += 1;
        }
        if toks[j - 1].possessive().is_some()
            || (toks[j - 1].dot && !toks[j - 1].lower.contains('.') && toks[j - 1].lower.len() > 3)
        {
            return None;
        }
        // `The prime minister of Israel, Ariel Sharon`: the country after
        // the office, then a comma; `President of the United States Barack
        // Obama`: or the name.
        let mut of_country = false;
        if toks.get(j).is_some_and(|t| t.lower == "of") {
            let k = if toks.get(j + 1).is_some_and(|t| t.lower == "the") {
                j + 2
            } else {
                j + 1
            };
            if let Some((len, _)) = self.nationalities.at(toks, k)
                && toks
                    .get(k + len)
                    .is_some_and(|t| t.punct && t.word == "," || (k > j + 1 && !t.punct && t.cap()))
            {
                j = k + len;
                of_country = true;
            }
        }
        let comma = toks.get(j).is_some_and(|t| t.punct && t.word == ",");
        if comma {
            j += 1;
        }
        let hon_start = j;
        while let Some((l, _)) = self.honorifics.at(toks, j) {
            j += l;
        }
        let honor: Vec<String> = toks[hon_start..j]
            .iter()
            .map(|t| t.word.to_string())
            .collect();
        let NameAfter {
            words,
            end_byte,
            initials,
            ..
        } = self.name_after(toks, j);
        let caps = words.iter().filter(|w| capitalized(w)).count();
        if caps == 0 || (comma && caps < 2) {
            return None;
        }
        let (first, before, seen) = self.qualifiers_before(toks, start);
        if !toks[i].cap() && !seen && !of_country {
            return None;
        }
        // `then-President-elect`: a title of the past all the same.
        if status != Status::Elect || before == Status::Then {
            status = before;
        }
        Some(Raw {
            span: toks[first].start..end_byte,
            words: words.into_iter().map(str::to_string).collect(),
            initials,
            honor,
            office: office.to_string(),
            status,
            heading,
            of_body: false,
        })
    }

    /// Whether `t` may name the body of an appositive's office: a word of
    /// `title-appositive-bodies`, or a capitalized word that is no status,
    /// nationality or function word (`Knesset`, `UN`).
    fn names_body(&self, t: &Tok) -> bool {
        if t.punct {
            return false;
        }
        if !t.cap() {
            return self.appositive_bodies.contains(t.lower);
        }
        self.status_of(t).is_none()
            && t.possessive().is_none()
            && (t.word.len() >= 2 && t.word.chars().all(|c| c.is_ascii_uppercase())
                || matches!(self.name_tok(t, false), NameTok::Word))
    }

    fn appositive(
        &self,
        toks: &[Tok],
        start: usize,
        i: usize,
        end: usize,
        office: &str,
        heading: bool,
    ) -> Option<Raw> {
        let mut j = end;
        let mut elect = false;
        if toks
            .get(j)
            .is_some_and(|t| self.elect_suffixes.iter().any(|s| s.as_str() == t.lower))
        {
            elect = true;
            j += 1;
        }
        if toks[j - 1].possessive().is_some() {
            return None;
        }
        if let Some(next) = toks.get(j)
            && !next.punct
            && (next.cap()
                || next.lower == "of"
                    && toks
                        .get(j + 1)
                        .is_some_and(|t| !t.cap() && t.lower != "the"))
        {
            return None;
        }
        let (mut first, mut status, _) = self.qualifiers_before(toks, start);
        // `the Crimean parliament speaker`, `the Knesset speaker`: up to two
        // words naming the body, then the qualifiers before them.
        let mut body = first;
        while body > 0 && first - body < 2 && self.names_body(&toks[body - 1]) {
            body -= 1;
        }
        if body < first {
            let (f, s, _) = self.qualifiers_before(toks, body);
            first = f;
            status = status.max(s);
        }
        if first < 2 {
            return None;
        }
        let is_comma = |t: &Tok| t.punct && t.word == ",";
        // `NAME, South Korea's foreign minister`: the country's other words
        // before its possessive.
        let mut lead = first;
        if toks[first].cap() && toks[first].possessive().is_some() {
            while lead > 1
                && first - lead < 2
                && toks[lead - 1].cap()
                && !toks[lead - 1].punct
                && toks[lead - 1].possessive().is_none()
            {
                lead -= 1;
            }
        }
        // `NAME, the prime minister`, `NAME, Israel's prime minister`, or
        // with no article before a nationality or status (`NAME, South
        // Korean foreign minister`, `NAME, former prime minister`).
        let country = (first..start)
            .take_while(|&k| toks[k].cap() && !toks[k].punct)
            .any(|k| toks[k].possessive().is_some());
        let comma = if is_comma(&toks[lead - 1])
            && (country
                || lead == first
                    && (self.status_of(&toks[first]).is_some()
                        || self.nationalities.at(toks, first).is_some()))
        {
            lead - 1
        } else {
            let article = toks[first - 1].lower;
            if !(article == "the"
                || ((article == "a" || article == "an") && status == Status::Former))
            {
                return None;
            }
            if !is_comma(&toks[first - 2]) {
                return None;
            }
            first - 2
        };
        let mut k = comma;
        while k > 0
            && matches!(
                self.name_tok(&toks[k - 1], true),
                NameTok::Word | NameTok::Initial | NameTok::Particle | NameTok::Suffix
            )
        {
            if toks[k - 1].possessive().is_some()
                || (k < comma && toks[k - 1].dot && toks[k - 1].word.chars().count() > 1)
            {
                break;
            }
            k -= 1;
        }
        // `R.K. Singh, a former home secretary`: initials run together read
        // as an abbreviation, and the surname alone would name whichever
        // Singh came first; whose title it is stays unknown.
        if k > 0
            && k < comma
            && toks[k - 1].dot
            && toks[k - 1].cap()
            && toks[k - 1].word.contains('.')
        {
            return None;
        }
        while k < comma && !matches!(self.name_tok(&toks[k], true), NameTok::Word) {
            k += 1;
        }
        let NameAfter {
            words, initials, ..
        } = self.name_after(toks, k);
        if words.is_empty() {
            return None;
        }
        if elect {
            status = Status::Elect;
        }
        let _ = i;
        Some(Raw {
            span: toks[k].start..toks[j - 1].end,
            words: words.into_iter().map(str::to_string).collect(),
            initials,
            honor: Vec::new(),
            office: office.to_string(),
            status,
            heading,
            of_body: toks.get(j).is_some_and(|t| !t.punct && t.lower == "of"),
        })
    }
}

/// A current title that its sentence dates to a year reads as `then-`.
fn as_dated(mut r: Raw, dated: bool) -> Raw {
    if dated && r.status == Status::Current {
        r.status = Status::Then;
    }
    r
}

/// Words searched for in text in ASCII lower case, in ASCII lower case
/// themselves: it finds what an ASCII-case-insensitive search of the text
/// would, and can use SIMD searchers such a search cannot. Matches are
/// leftmost-first: no match starts before the one reported.
enum WordFilter {
    /// Teddy, when the words allow it.
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
}

impl WordFilter {
    /// A filter for `words`, if there are any: Teddy if it takes them, else
    /// an automaton of `kind`.
    fn new(words: HashSet<String>, kind: Option<AhoCorasickKind>) -> Option<WordFilter> {
        let mut words: Vec<String> = words
            .into_iter()
            .filter(|w| !w.is_empty())
            .map(|w| w.to_ascii_lowercase())
            .collect();
        words.sort();
        words.dedup();
        if words.is_empty() {
            return None;
        }
        // Past 16 words, fat Teddy's 16 buckets keep false candidates few.
        let mut fat = packed::Config::new();
        fat.only_teddy_fat(Some(true));
        let packed = Some(&fat)
            .filter(|_| words.len() > 16)
            .and_then(|c| c.builder().extend(&words).build())
            .or_else(|| packed::Config::new().builder().extend(&words).build());
        if let Some(s) = packed {
            return Some(WordFilter::Packed(s));
        }
        let a = AhoCorasick::builder()
            .kind(kind)
            .match_kind(MatchKind::LeftmostFirst)
            .build(&words)
            .expect("word automaton");
        Some(WordFilter::Automaton(a))
    }

    /// Whether `text[span]` holds one of the words.
    fn is_match(&self, text: &str, span: Range<usize>) -> bool {
        self.find(text, span).is_some()
    }

    /// The leftmost match inside `text[span]`.
    fn find(&self, text: &str, span: Range<usize>) -> Option<Range<usize>> {
        match self {
            WordFilter::Packed(s) => s.find_in(text, Span::from(span)).map(|m| m.range()),
            WordFilter::Automaton(a) => a.find(Input::new(text).span(span)).map(|m| m.range()),
        }
    }

    /// The sentences (indexes into `sentences`, which are in order and do
    /// not overlap) holding a match, among those starting before `limit`.
    /// One leftmost-first search runs over the text; it tells for each
    /// sentence what a search of the sentence alone would.
    fn sentences(&self, lower: &str, sentences: &[Sentence], limit: usize) -> Vec<bool> {
        let mut marks = vec![false; sentences.len()];
        let mut k = 0;
        let mut at = 0;
        while k < sentences.len() && sentences[k].span.start < limit {
            let span = sentences[k].span.clone();
            at = at.max(span.start);
            let Some(m) = self.find(lower, at..lower.len()) else {
                break;
            };
            if m.start >= span.end {
                // No match in this sentence: on to the one holding `m`.
                k += 1;
                while sentences.get(k).is_some_and(|s| s.span.end <= m.start) {
                    k += 1;
                }
                continue;
            }
            // A match running past the sentence's end may hide a shorter
            // one inside it.
            marks[k] = m.end <= span.end || self.is_match(lower, span.clone());
            k += 1;
            at = span.end;
        }
        marks
    }
}

/// The sentences of `draft` where an office may start: an anchor at a
/// token start (after a non-word character, or at the sentence's start).
fn office_sentences(anchors: &WordFilter, lower: &str, draft: &Draft) -> Vec<bool> {
    let sentences = &draft.sentences;
    let mut marks = vec![false; sentences.len()];
    let mut k = 0;
    let mut at = 0;
    while k < sentences.len() {
        let span = sentences[k].span.clone();
        at = at.max(span.start);
        let Some(m) = anchors.find(lower, at..lower.len()) else {
            break;
        };
        if m.start >= span.end {
            // Matches are dense: stepping beats a binary search.
            k += 1;
            while sentences.get(k).is_some_and(|s| s.span.end <= m.start) {
                k += 1;
            }
            continue;
        }
        let starts_token = m.start == span.start
            || !draft.prose[..m.start]
                .chars()
                .next_back()
                .is_some_and(word_char);
        if starts_token {
            marks[k] = true;
            k += 1;
            at = span.end;
        } else {
            // Inside a word. Resuming after the match cannot skip a token
            // start unless the anchor holds a non-word character before
            // its last one (`u.n.`).
            let a = &lower[m.clone()];
            let body = a.char_indices().next_back().map_or("", |(i, _)| &a[..i]);
            at = if body.chars().all(word_char) {
                m.end
            } else {
                m.start + 1
            };
            // The next sentence may start inside the match.
            at = at.min(span.end);
        }
    }
    marks
}

/// A character of a word, as [`Lexicon::tokenize_into`] reads words.
fn word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

/// A small set of substrings that every office contains, for a prefilter:
/// each starts a word of the office or follows a non-word character inside
/// one (`general` of `Attorney-General`), so a match is where a token could
/// start; an office word's trailing dot (`Sen.`) is kept, since a token
/// matching it must have one. Chosen greedily, longest-covering first and
/// at least four bytes where an office allows, so the search stays fast.
/// `None` if some office has no ASCII anchor (the prose is searched in ASCII
/// lower case only).
fn office_anchors(offices: &[String]) -> Option<Vec<String>> {
    let mut cover: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, o) in offices.iter().enumerate() {
        for w in o.split_whitespace() {
            let w = w.to_lowercase();
            let cuts: Vec<usize> = w
                .char_indices()
                .filter(|(_, c)| !word_char(*c))
                .map(|(k, _)| k)
                .collect();
            let starts = std::iter::once(0).chain(cuts.iter().map(|&k| k + 1));
            for s in starts.filter(|&s| s < w.len()) {
                let ends = cuts.iter().copied().chain([w.len()]);
                for e in ends.filter(|&e| e > s) {
                    let mut add = |a: &str| {
                        if a.is_ascii() {
                            cover.entry(a.to_string()).or_default().push(i);
                        }
                    };
                    add(&w[s..e]);
                    if e + 1 == w.len() && w.ends_with('.') {
                        add(&w[s..]);
                    }
                }
            }
        }
    }
    let mut left: Vec<bool> = vec![true; offices.len()];
    let mut left_n = offices.len();
    let mut picked = Vec::new();
    while left_n > 0 {
        let best = cover
            .iter()
            .map(|(a, ids)| {
                let mut ids = ids.clone();
                ids.dedup();
                let n = ids.iter().filter(|&&i| left[i]).count();
                ((a.len() >= 4 && n > 0, n, a.len()), a)
            })
            .max_by(|x, y| x.0.cmp(&y.0).then_with(|| y.1.cmp(x.1)))?;
        if best.0.1 == 0 {
            return None;
        }
        let a = best.1.clone();
        for &i in &cover[&a] {
            if left[i] {
                left[i] = false;
                left_n -= 1;
            }
        }
        picked.push(a);
    }
    // `K` (KELVIN SIGN) lowers to `k`: a token holding it can match an
    // office the ASCII-lowered prose does not show.
    let mut all = Vec::new();
    for a in picked {
        let mut forms = vec![String::new()];
        for c in a.chars() {
            let alts: &[char] = if c == 'k' { &['k', '\u{212A}'] } else { &[c] };
            if alts.len() > 1 && forms.len() >= 8 {
                return None;
            }
            forms = forms
                .iter()
                .flat_map(|f| {
                    alts.iter().map(move |&x| {
                        let mut f = f.clone();
                        f.push(x);
                        f
                    })
                })
                .collect();
        }
        all.extend(forms);
    }
    Some(all)
}

fn surname_forms(s: &str, prefixes: &[String]) -> Vec<String> {
    let mut v = vec![s.to_string()];
    if let Some(p) = prefixes.iter().find(|p| s.starts_with(p.as_str())) {
        v.push(s[p.len()..].to_string());
    }
    v
}

fn key(words: &[impl AsRef<str>]) -> String {
    let mut k = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            k.push(' ');
        }
        let w = w.as_ref();
        if w.is_ascii() {
            let from = k.len();
            k.push_str(w);
            k[from..].make_ascii_lowercase();
        } else {
            k.push_str(&fold(w));
        }
    }
    k
}

fn title_case(k: &str) -> String {
    k.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Language;

    fn strings(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn anchors_cover_every_office_at_a_token_start() {
        let pack = Pack::builtin().unwrap();
        let offices = pack.words("title-offices");
        let anchors = office_anchors(offices).unwrap();
        assert!(anchors.len() < offices.len() / 2, "{anchors:?}");
        for o in offices {
            let o = o.to_lowercase();
            let found = anchors.iter().any(|a| {
                o.match_indices(a.as_str())
                    .any(|(at, _)| !o[..at].chars().next_back().is_some_and(word_char))
            });
            assert!(found, "no anchor for {o}");
        }
    }

    #[test]
    fn anchors_keep_dots_and_kelvin_forms() {
        let a = office_anchors(&strings(&["Sen.", "Lt. Gov.", "King"])).unwrap();
        assert!(a.contains(&"sen.".to_string()), "{a:?}");
        assert!(a.contains(&"gov.".to_string()), "{a:?}");
        assert!(a.contains(&"king".to_string()) && a.contains(&"\u{212A}ing".to_string()));
        // Only non-ASCII words: the ASCII-lowered prose cannot be searched.
        assert_eq!(office_anchors(&strings(&["Präsident"])), None);
        assert_eq!(
            office_anchors(&strings(&["Ministre d'État"])).unwrap(),
            ["ministre"]
        );
    }

    fn office_marks(text: &str) -> Vec<bool> {
        let pack = Pack::builtin().unwrap();
        let lex = Lexicon::new(&pack);
        let d = Draft::parse("a.md", text, &Language::default());
        let Anchors::Filter(f) = &lex.office_anchors else {
            panic!("builtin offices have anchors");
        };
        office_sentences(f, &d.prose.to_ascii_lowercase(), &d)
    }

    #[test]
    fn office_prefilter_wants_a_token_start() {
        assert_eq!(
            office_marks(
                "The present report was built. Mayor Ana Lopez spoke. \
                 He met the ex-mayor. The U.N. Ambassador left. It was a submayoral vote."
            ),
            [false, true, true, true, false]
        );
    }

    #[test]
    fn sentence_marks_see_matches_inside_each_sentence_only() {
        let needles =
            |w: &[&str]| WordFilter::new(w.iter().map(|w| w.to_string()).collect(), None).unwrap();
        let d = Draft::parse("a.md", "Xx ab. Cd ef.", &Language::default());
        assert_eq!(d.sentences.len(), 2);
        let lower = d.prose.to_ascii_lowercase();
        // `ab. c` runs past the first sentence; `b` lies inside it.
        let f = needles(&["ab. c", "b"]);
        assert_eq!(f.sentences(&lower, &d.sentences, usize::MAX), [true, false]);
        let f = needles(&["ab. c", "ef"]);
        assert_eq!(f.sentences(&lower, &d.sentences, usize::MAX), [false, true]);
        // Sentences starting at or after the limit are not searched.
        assert_eq!(f.sentences(&lower, &d.sentences, 3), [false, false]);
    }

    #[test]
    fn office_lookup_skips_impossible_first_words() {
        let pack = Pack::builtin().unwrap();
        let lex = Lexicon::new(&pack);
        let mut scratch = Scratch::default();
        let toks = lex.tokenize(
            "President Presidents Lt. Gov. Vice President",
            0,
            &mut scratch,
        );
        let at = |i| lex.offices.at(&toks, i).map(|(len, _)| len);
        assert_eq!(at(0), Some(1));
        assert_eq!(at(1), None);
        assert_eq!(at(2), Some(2));
        assert_eq!(at(4), Some(2));
    }

    #[test]
    fn ascii_fast_paths_agree_with_folding() {
        assert_eq!(fold("McKinley’s"), "mckinley's");
        assert_eq!(fold("Ana"), "ana");
        assert_eq!(key(&["Ana", "LÓPEZ", "Jr"]), "ana lopez jr");
        let mut s = Scratch::default();
        assert_eq!(s.lower_ascii("lower"), None);
        let r = s.lower_ascii("McKinley").unwrap();
        assert_eq!(&s.lower[r], "mckinley");
    }
}
