//! Claims learned from the newsroom's own drafts (spec section 4, "Debunked
//! elsewhere"): a draft that says a claim is false in a standard
//! construction (`the false claim that X`, `falsely said that X`, `X, which
//! is false,`) teaches the claim X; a sentence of any other draft that
//! repeats X is then a `debunked-claim` finding.
//!
//! The constructions are lexicons of `rules/claims.toml`:
//! `claim-harvest-adjectives` × `claim-harvest-nouns` (`the bogus rumor
//! that X`), `claim-harvest-verbs` (`falsely claimed [on Tuesday] that X`),
//! `claim-harvest-after` (`X — a claim that has been debunked`). X runs to
//! the end of its clause: the sentence's end, `;`, a dash, a parenthesis, a
//! comma before a word of `claim-harvest-clause-stops`, or the next
//! construction. Before an `after` construction, X starts after the last
//! reporting verb (`claim-harvest-reporting`) of its clause.
//!
//! [`Harvester`] finds the claims of one draft (the `learn` pass);
//! [`Index`] holds every claim of the run, compiled once (`prepare`) into
//! hash maps from a word (name or number) or a stem (content word) to the
//! claims that use it, so that matching a sentence is one lookup per word
//! and a check of the few claims that share a word with it.

use crate::claim_words::{self, ClaimWords, is_capitalized, stem, strip_possessive};
use crate::draft::Draft;
use crate::finding::FileId;
use crate::rules::Pack;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::{Regex, RegexBuilder};
use regex_automata::{Anchored, Input, meta};
use rustc_hash::FxHashMap;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// A claim with fewer required words than this says too little to be
/// recognised in another sentence (`the false claim that Kim resigned`).
const MIN_WORDS: usize = 3;
/// Nor is a clause with more words than this a claim one could repeat.
const MAX_WORDS: usize = 48;

/// Pronouns that, leading X, stand for the subject of the marking sentence.
const PRONOUNS: [&str; 3] = ["he", "she", "they"];

/// A claim marked false in a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Harvested {
    /// The clause X as written (white space collapsed).
    pub claim: String,
    /// The subject of the marking sentence, when one was found.
    pub subject: Option<String>,
    /// The marking draft.
    pub file: FileId,
    pub path: String,
    /// The marking sentence.
    pub sentence: Range<usize>,
    /// Its 1-based line.
    pub line: usize,
    /// The draft's date, from front matter.
    pub date: Option<crate::date::Date>,
    pub words: ClaimWords,
}

impl Harvested {
    /// The claim as a reader would state it: a leading pronoun replaced by
    /// the subject of the marking sentence (`she closed …` → `Senator Ruth
    /// Alden closed …`).
    pub fn display(&self) -> String {
        if let Some(subject) = &self.subject
            && !PRONOUNS.contains(&subject.to_lowercase().as_str())
            && let Some((first, rest)) = self.claim.split_once(' ')
            && PRONOUNS.contains(&first.to_lowercase().as_str())
        {
            return format!("{subject} {rest}");
        }
        self.claim.clone()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    /// X follows the construction.
    Before,
    /// X precedes it.
    After,
}

/// Finds the claims a draft marks false.
///
/// Its regexes are compiled on first need: most drafts hold no word a
/// construction needs (its `gate`), and most runs no such draft,
/// so compiling them up front was most of a run's start-up for nothing.
pub struct Harvester {
    /// Per construction: its pattern, side and the lexicon its phrases
    /// start with.
    specs: Vec<(String, Side, Vec<String>)>,
    /// The pattern of the end of a claim's clause.
    stops: String,
    /// The pattern of a reporting verb, when there are any.
    reporting: Option<String>,
    /// The longest word of every phrase, in ASCII lower case: a draft with
    /// none of them holds no construction, and most drafts hold none, so
    /// this quick scan spares them the scan for heads, which stops at
    /// every `a ` and `which `, and spares most runs the compiling.
    /// `None` when some phrase has no ASCII word to be its key.
    gate: Option<AhoCorasick>,
    compiled: std::sync::OnceLock<Compiled>,
    stop: HashSet<String>,
}

/// The regexes of a [`Harvester`].
struct Compiled {
    constructions: Vec<(Regex, Side)>,
    /// Where constructions can start, so that their regexes run only there
    /// (anchored) instead of over the whole prose; `None` when some phrase
    /// does not start with an ASCII word (then the regexes scan).
    heads: Option<Heads>,
    clause_stop: Option<Regex>,
    reporting: Option<Regex>,
}

/// One automaton over the first words of every construction's phrases.
struct Heads {
    ac: AhoCorasick,
    /// Pattern id → bit set of the constructions whose phrases start with it.
    constructions: Vec<u32>,
    /// The construction regexes, for anchored searches at a head.
    anchored: Vec<meta::Regex>,
}

/// The byte strings a match of `phrase` starts with: its leading ASCII
/// word (`long` of `long-debunked`) and the character after it, a space
/// standing for the first byte of any white space (the pattern has `\s+`):
/// `a` alone would stop the scan at every letter a. `None` when the phrase
/// does not start with an ASCII word. A head never spans a word start, so a
/// leftmost-longest scan cannot hide a head at a word start behind another.
fn heads(phrase: &str) -> Option<Vec<Vec<u8>>> {
    let phrase = phrase.trim();
    let n = phrase.bytes().take_while(|&b| is_word_byte(b)).count();
    if n == 0 {
        return None;
    }
    let word = phrase[..n].to_ascii_lowercase().into_bytes();
    Some(match phrase[n..].chars().next() {
        Some(' ') => white_space_lead_bytes()
            .map(|b| {
                let mut h = word.clone();
                h.push(b);
                h
            })
            .collect(),
        Some(c) if c.is_ascii() => {
            let mut h = word;
            h.push(c as u8);
            vec![h]
        }
        _ => vec![word],
    })
}

/// The word of `phrase` that a draft is least likely to hold: the first
/// longest one that is not a stop word, else the first longest. Phrases
/// become regexes word for word (`\s+` between), so no match lacks it.
/// ASCII words only: the key is looked for in ASCII lower case, and a
/// regex folds `É` into `é` too. `None` if the phrase has none.
fn key_word(phrase: &str, stop: &[String]) -> Option<String> {
    let is_stop = |w: &str| stop.iter().any(|s| s.eq_ignore_ascii_case(w));
    let mut best: Option<(bool, &str)> = None;
    for w in phrase.split_whitespace().filter(|w| w.is_ascii()) {
        // Better: not a stop word, then longer; the first of equals.
        let rank = (!is_stop(w), w);
        if best.is_none_or(|(b_ok, b)| (rank.0, rank.1.len()) > (b_ok, b.len())) {
            best = Some(rank);
        }
    }
    best.map(|(_, w)| w.to_string())
}

/// An automaton over the key words ([`key_word`]) of `phrases`, in ASCII
/// lower case, or `None` when some phrase has none. It is searched in a
/// lowercase copy of the prose: a case-sensitive search of a few words
/// runs on SIMD and reads a draft many times faster than a
/// case-insensitive automaton.
fn key_automaton<'a>(
    phrases: impl Iterator<Item = &'a String>,
    stop: &[String],
) -> Option<AhoCorasick> {
    let mut keys = Vec::new();
    for phrase in phrases.filter(|p| !p.trim().is_empty()) {
        keys.push(key_word(phrase, stop)?.to_ascii_lowercase());
    }
    keys.sort();
    keys.dedup();
    // Leftmost-first: the kind of search Teddy serves.
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostFirst)
        .build(&keys)
        .ok()
}

/// The first bytes of the characters of `\s` (Unicode `White_Space`, all
/// in the Basic Multilingual Plane).
fn white_space_lead_bytes() -> impl Iterator<Item = u8> {
    // Worked out once: it walks the whole plane.
    static LEAD: std::sync::OnceLock<[bool; 256]> = std::sync::OnceLock::new();
    let lead = LEAD.get_or_init(|| {
        let mut lead = [false; 256];
        for c in (0..=0xFFFF).filter_map(char::from_u32) {
            if c.is_whitespace() {
                let mut buf = [0; 4];
                lead[c.encode_utf8(&mut buf).as_bytes()[0] as usize] = true;
            }
        }
        lead
    });
    (0..=255u8).filter(move |&b| lead[b as usize])
}

/// Whether `text` holds a character that case-insensitive regexes fold into
/// an ASCII letter (long s, Kelvin sign): ASCII case folding would miss it.
fn folds_into_ascii(text: &str) -> bool {
    // One char at a time: that is a memchr; a set of chars goes char by char.
    text.contains('\u{17F}') || text.contains('\u{212A}')
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn alternation(words: &[String]) -> Option<String> {
    let mut words: Vec<&str> = words
        .iter()
        .map(|w| w.trim())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return None;
    }
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let alts: Vec<String> = words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect();
    Some(format!("(?:{})", alts.join("|")))
}

/// Compiled with ASCII word boundaries: a Unicode `\b` sends the engine to
/// its slowest path on any draft with an em dash or a curly quote.
fn build(pattern: &str) -> Option<Regex> {
    RegexBuilder::new(&crate::rules::ascii_boundaries(pattern))
        .case_insensitive(true)
        .build()
        .ok()
}

/// [`build`] for anchored searches.
fn build_anchored(pattern: &str) -> Option<meta::Regex> {
    meta::Regex::builder()
        .syntax(regex_automata::util::syntax::Config::new().case_insensitive(true))
        .build(&crate::rules::ascii_boundaries(pattern))
        .ok()
}

impl Heads {
    /// `sources[c]`: construction `c`'s pattern and the phrases it starts
    /// with.
    fn new(sources: Vec<(Option<meta::Regex>, &[String])>) -> Option<Heads> {
        let mut words: Vec<Vec<u8>> = Vec::new();
        let mut constructions: Vec<u32> = Vec::new();
        let mut anchored = Vec::new();
        for (c, (regex, phrases)) in sources.into_iter().enumerate() {
            anchored.push(regex?);
            for phrase in phrases.iter().filter(|p| !p.trim().is_empty()) {
                for w in heads(phrase)? {
                    match words.iter().position(|x| *x == w) {
                        Some(i) => constructions[i] |= 1 << c,
                        None => {
                            words.push(w);
                            constructions.push(1 << c);
                        }
                    }
                }
            }
        }
        // The scan reports the longest head at a place; the constructions of
        // the shorter heads there (`false` of `falsely`) must run too.
        let own = constructions.clone();
        for (i, w) in words.iter().enumerate() {
            for (j, x) in words.iter().enumerate() {
                if w.starts_with(x) {
                    constructions[i] |= own[j];
                }
            }
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            .ok()?;
        Some(Heads {
            ac,
            constructions,
            anchored,
        })
    }
}

impl Harvester {
    pub fn new(pack: &Pack) -> Harvester {
        // Per construction: its pattern, side and the lexicon its phrases
        // start with.
        let mut specs: Vec<(String, Side, &[String])> = Vec::new();
        if let (Some(adj), Some(noun)) = (
            alternation(pack.words("claim-harvest-adjectives")),
            alternation(pack.words("claim-harvest-nouns")),
        ) {
            // `the false and baseless claim that`
            let p = format!(r"\b{adj}(?:\s*(?:,|and|or)\s*{adj})*\s+{noun}\s+that\b");
            specs.push((p, Side::Before, pack.words("claim-harvest-adjectives")));
        }
        if let Some(verb) = alternation(pack.words("claim-harvest-verbs")) {
            // `falsely claimed that`, `falsely said on Tuesday that`, or
            // `falsely claimed` alone.
            let fillers = alternation(pack.words("claim-harvest-verb-fillers"));
            let between = fillers
                .map(|f| format!(r"(?:\s+{f}\b[^,;:.!?“”\x22]{{0,40}}?)?"))
                .unwrap_or_default();
            let p = format!(r"\b{verb}\b(?:{between}\s+that\b)?");
            specs.push((p, Side::Before, pack.words("claim-harvest-verbs")));
        }
        if let Some(after) = alternation(pack.words("claim-harvest-after")) {
            // The separator before the phrase is checked by hand: a regex
            // that starts with `,` would stop at every comma.
            let p = format!(r"\b{after}\b");
            specs.push((p, Side::After, pack.words("claim-harvest-after")));
        }
        let reporting = alternation(pack.words("claim-harvest-reporting"));
        let mut stops = vec![r"[;:(\[—–]|\s--".to_string(), r",\s*$".to_string()];
        if let Some(w) = alternation(pack.words("claim-harvest-clause-stops")) {
            stops.push(format!(r",\s+{w}\b"));
        }
        if let Some(r) = &reporting {
            // `…, the mayor's office said.`
            stops.push(format!(r#",(?:\s+[\w’'.-]+){{1,4}}\s+{r}\s*[.!?"”’]*\s*$"#));
        }
        let stop_words = pack.words("claim-stop-words").to_vec();
        let gate = key_automaton(
            specs.iter().flat_map(|(_, _, phrases)| phrases.iter()),
            &stop_words,
        );
        let stop = stop_words.iter().map(|w| w.to_lowercase()).collect();
        Harvester {
            specs: specs
                .into_iter()
                .map(|(p, side, phrases)| (p, side, phrases.to_vec()))
                .collect(),
            stops: stops.join("|"),
            reporting,
            gate,
            compiled: std::sync::OnceLock::new(),
            stop,
        }
    }

    /// The regexes, compiled on the first call. On one thread: a rayon
    /// join here could steal another draft's harvest, which would wait
    /// for this very initialisation.
    fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| {
            // A construction whose regex does not compile is left out.
            let mut constructions = Vec::new();
            let mut sources = Vec::new();
            for (p, side, phrases) in &self.specs {
                if let Some(r) = build(p) {
                    constructions.push((r, *side));
                    sources.push((build_anchored(p), phrases.as_slice()));
                }
            }
            Compiled {
                constructions,
                heads: Heads::new(sources),
                clause_stop: build(&self.stops),
                reporting: self
                    .reporting
                    .as_ref()
                    .and_then(|r| build(&format!(r"\b{r}\b(?:\s+that\b)?"))),
            }
        })
    }

    pub fn is_empty(&self) -> bool {
        self.specs.is_empty()
    }

    pub fn stop_words(&self) -> &HashSet<String> {
        &self.stop
    }

    /// The matches of each construction in `prose`, as `find_iter` gives
    /// them: with [`Heads`], anchored searches at the heads only. Empty
    /// (no list at all) when the draft holds no key word.
    /// `lower`: `prose` in ASCII lower case ([`Draft::prose_lower`]).
    fn construction_matches(&self, prose: &str, lower: &str) -> Vec<Vec<Range<usize>>> {
        let folds = folds_into_ascii(prose);
        if let Some(gate) = &self.gate
            && !folds
            && !gate.is_match(lower)
        {
            return Vec::new();
        }
        let c = self.compiled();
        let mut out: Vec<Vec<Range<usize>>> = vec![Vec::new(); c.constructions.len()];
        let Some(heads) = c.heads.as_ref().filter(|_| !folds) else {
            for ((re, _), v) in c.constructions.iter().zip(&mut out) {
                v.extend(re.find_iter(prose).map(|m| m.range()));
            }
            return out;
        };
        let bytes = prose.as_bytes();
        // Where each construction's next match may start: matches of one
        // construction do not overlap.
        let mut next = vec![0; c.constructions.len()];
        for h in heads.ac.find_iter(prose) {
            let at = h.start();
            if at > 0 && is_word_byte(bytes[at - 1]) {
                continue;
            }
            let mut set = heads.constructions[h.pattern().as_usize()];
            while set != 0 {
                let k = set.trailing_zeros() as usize;
                set &= set - 1;
                if at < next[k] {
                    continue;
                }
                let input = Input::new(prose).range(at..).anchored(Anchored::Yes);
                if let Some(m) = heads.anchored[k].search(&input) {
                    next[k] = m.end();
                    out[k].push(m.range());
                }
            }
        }
        out
    }

    /// The claims `draft` (file `file`) marks false, in order.
    pub fn harvest(&self, draft: &Draft, file: FileId) -> Vec<Harvested> {
        let mut found: Vec<(Range<usize>, Side, usize)> = Vec::new();
        let matches = self.construction_matches(&draft.prose, draft.prose_lower());
        if matches.is_empty() {
            return Vec::new();
        }
        let c = self.compiled();
        for ((_, side), ms) in c.constructions.iter().zip(matches) {
            for mut m in ms {
                if *side == Side::After {
                    let before = draft.prose[..m.start].trim_end();
                    let Some(sep) = ["--", ",", "—", "–"]
                        .iter()
                        .find(|sep| before.ends_with(**sep))
                    else {
                        continue;
                    };
                    m.start = before[..before.len() - sep.len()].trim_end().len();
                }
                if let Some(s) = draft.sentence_at(m.start)
                    && draft.sentences[s].span.end >= m.end
                {
                    found.push((m, *side, s));
                }
            }
        }
        if found.is_empty() {
            return Vec::new();
        }
        found.sort_by_key(|(r, _, _)| (r.start, std::cmp::Reverse(r.end)));
        // A construction inside another (`falsely said` in `falsely said
        // that`) is the same one.
        found.dedup_by(|b, a| b.0.start < a.0.end);
        let mut out = Vec::new();
        let starts: Vec<usize> = found
            .iter()
            .map(|(_, _, s)| draft.sentences[*s].span.start)
            .collect();
        let lines = crate::draft::lines_of(&draft.text, &starts);
        for (k, (m, side, s)) in found.iter().enumerate() {
            let sentence = draft.sentences[*s].span.clone();
            // In start order the constructions of a sentence are together:
            // its neighbours in the list, if any, are the ones before and
            // after in the sentence.
            let prev_end = k
                .checked_sub(1)
                .map(|p| &found[p])
                .filter(|(_, _, t)| t == s)
                .map_or(sentence.start, |(r, _, _)| r.end);
            let next_start = found
                .get(k + 1)
                .filter(|(_, _, t)| t == s)
                .map_or(sentence.end, |(r, _, _)| r.start);
            let x = match side {
                Side::Before => c.clause_after(&draft.prose, m.end..next_start),
                Side::After => c.clause_before(&draft.prose, prev_end..m.start),
            };
            let Some(x) = x else { continue };
            let text = collapse(&draft.prose[x.clone()]);
            let initial = draft.prose[sentence.start..x.start]
                .chars()
                .all(|c| !c.is_alphanumeric());
            let words = ClaimWords::of(&text, &self.stop, initial);
            if words.len() < MIN_WORDS || words.len() > MAX_WORDS || words.content.is_empty() {
                continue;
            }
            let subject = match side {
                Side::Before => subject(&draft.prose[sentence.start..m.start]),
                Side::After => None,
            };
            out.push(Harvested {
                claim: text,
                subject,
                file,
                path: draft.path.clone(),
                line: lines[k],
                sentence,
                date: draft.date(),
                words,
            });
        }
        out
    }
}

impl Compiled {
    /// X after a construction: to the end of its clause within `within`.
    fn clause_after(&self, prose: &str, within: Range<usize>) -> Option<Range<usize>> {
        let text = &prose[within.clone()];
        let end = self
            .clause_stop
            .as_ref()
            .and_then(|r| r.find(text))
            .map_or(text.len(), |m| m.start());
        trim(prose, within.start..within.start + end)
    }

    /// X before an `after` construction: from the start of its clause, or
    /// after its last reporting verb.
    fn clause_before(&self, prose: &str, within: Range<usize>) -> Option<Range<usize>> {
        let text = &prose[within.clone()];
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if matches!(c, ';' | ':' | '—' | '–' | '(' | ')') {
                start = i + c.len_utf8();
            }
        }
        if let Some(r) = &self.reporting
            && let Some(m) = r.find_iter(&text[start..]).last()
        {
            start += m.end();
        }
        trim(prose, within.start + start..within.end)
    }
}

/// `span` without surrounding white space, quotation marks and punctuation;
/// `None` when nothing is left.
fn trim(prose: &str, span: Range<usize>) -> Option<Range<usize>> {
    let text = &prose[span.clone()];
    let junk = |c: char| c.is_whitespace() || "\"'“”‘’,.;:!?*_".contains(c);
    let left = text.len() - text.trim_start_matches(junk).len();
    let right = text.trim_end_matches(junk).len();
    (left < right).then(|| span.start + left..span.start + right)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The subject of a marking sentence, from the words before the
/// construction: a pronoun, a run of capitalized words (`Council President
/// Dev Anand`), or a determiner and its noun (`the president`).
fn subject(before: &str) -> Option<String> {
    // After an introductory phrase (`In an interview, the president …`).
    let clause = before
        .rsplit_once(", ")
        .map_or(before, |(_, tail)| tail)
        .trim();
    let ws: Vec<&str> = clause.split_whitespace().collect();
    let first = *ws.first()?;
    let lower = first.to_lowercase();
    if PRONOUNS.contains(&lower.as_str()) || lower == "it" {
        return Some(first.to_string());
    }
    let name: Vec<&str> = if is_capitalized(first) && !matches!(lower.as_str(), "the" | "a" | "an")
    {
        ws.iter()
            .take_while(|w| is_capitalized(w) || matches!(**w, "of" | "de" | "van" | "von"))
            .copied()
            .collect()
    } else if matches!(lower.as_str(), "the" | "a" | "an" | "his" | "her" | "their") {
        let mut v = vec![first];
        for w in &ws[1..] {
            let l = w.to_lowercase();
            let verbish = l.ends_with("ed")
                || l.ends_with("ly")
                || matches!(
                    l.as_str(),
                    "has" | "had" | "have" | "is" | "was" | "were" | "again" | "also" | "repeats"
                );
            if verbish || v.len() >= 4 {
                break;
            }
            v.push(w);
        }
        v
    } else {
        return None;
    };
    let s = name
        .join(" ")
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    (!s.is_empty() && s.split(' ').count() <= 6).then_some(s)
}

/// A claim of the index: the first draft that marked it, and every draft
/// that did (those are never flagged for it).
pub struct Entry {
    pub first: Harvested,
    pub markers: Vec<FileId>,
    /// Bits of the names and numbers: all must be found.
    required: u64,
    /// Bits of the content words, of which `needed` must be found.
    content: u64,
    needed: u32,
}

/// A harvested claim found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`Index::claims`].
    pub claim: usize,
    /// The matched words, relative to the sentence, in order.
    pub words: Vec<Range<usize>>,
}

/// A claim that uses a word, and the word's bit in the claim.
type Posting = (u32, u8);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Name,
    Number,
    Content,
}

/// Every harvested claim of a run, compiled for matching.
#[derive(Default)]
pub struct Index {
    pub claims: Vec<Entry>,
    /// Lower-case last words of names → (claim, bit).
    names: FxHashMap<String, Vec<Posting>>,
    numbers: FxHashMap<String, Vec<Posting>>,
    /// Stems of content words → (claim, bit).
    stems: FxHashMap<String, Vec<Posting>>,
    /// The starts of every key of the three maps: most words of a sentence
    /// start no key, and are passed over before they are stemmed or hashed.
    starts: Starts,
}

/// A set of the first three bytes of strings (the whole string when
/// shorter), as bits of a table: a string whose start is not in it is no
/// key, and one whose start is may be. A stem is a prefix of its word at
/// least three letters long, or the word itself, so a word and its stem
/// have the same start.
struct Starts(Box<[u64; Starts::WORDS]>);

impl Default for Starts {
    fn default() -> Starts {
        Starts(Box::new([0; Starts::WORDS]))
    }
}

impl Starts {
    const WORDS: usize = 1024;

    fn bit(s: &[u8]) -> usize {
        let n = s.len().min(3);
        let mut k = n as u32;
        for &b in &s[..n] {
            k = k << 8 | u32::from(b);
        }
        (k.wrapping_mul(0x9E37_79B1) >> 16) as usize % (Self::WORDS * 64)
    }

    fn insert(&mut self, s: &str) {
        let b = Self::bit(s.as_bytes());
        self.0[b / 64] |= 1 << (b % 64);
    }

    fn may_hold(&self, s: &str) -> bool {
        self.may_hold_start(s.as_bytes())
    }

    /// Whether a string starting with `start` (its first three bytes, or
    /// all of it when shorter) may be a key.
    fn may_hold_start(&self, start: &[u8]) -> bool {
        let b = Self::bit(start);
        self.0[b / 64] & (1 << (b % 64)) != 0
    }
}

impl Index {
    /// Compiles `harvested` (in file order). The same claim (same names,
    /// numbers and content words) marked in several drafts is one entry.
    pub fn new(harvested: Vec<Harvested>) -> Index {
        let mut index = Index::default();
        let mut seen: HashMap<ClaimWords, usize> = HashMap::new();
        for h in harvested {
            if let Some(&i) = seen.get(&h.words) {
                let e: &mut Entry = &mut index.claims[i];
                if !e.markers.contains(&h.file) {
                    e.markers.push(h.file);
                }
                continue;
            }
            let id = index.claims.len();
            seen.insert(h.words.clone(), id);
            let mut bit = 0u8;
            let (mut required, mut content) = (0u64, 0u64);
            let w = &h.words;
            for (slot, list, map) in [
                (Slot::Name, &w.names, &mut index.names),
                (Slot::Number, &w.numbers, &mut index.numbers),
                (Slot::Content, &w.content, &mut index.stems),
            ] {
                for word in list {
                    index.starts.insert(word);
                    map.entry(word.clone()).or_default().push((id as u32, bit));
                    if slot == Slot::Content {
                        content |= 1 << bit;
                    } else {
                        required |= 1 << bit;
                    }
                    bit += 1;
                }
            }
            index.claims.push(Entry {
                needed: w.content_needed() as u32,
                markers: vec![h.file],
                first: h,
                required,
                content,
            });
        }
        index
    }

    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }

    /// Calls `f` with each word of `sentence` that is a key, and the
    /// claims that use it. `lower` is a scratch buffer.
    fn postings(
        &self,
        sentence: &str,
        lower: &mut String,
        f: &mut dyn FnMut(&Range<usize>, &[Posting]),
    ) {
        claim_words::each_token(sentence, |range, w| {
            let w = strip_possessive(w);
            // Most words are passed over on their first letters, before
            // the whole word is lowercased.
            let head = &w.as_bytes()[..w.len().min(3)];
            if head.is_ascii() {
                let mut low = [0u8; 3];
                for (l, b) in low.iter_mut().zip(head) {
                    *l = b.to_ascii_lowercase();
                }
                if !self.starts.may_hold_start(&low[..head.len()]) {
                    return;
                }
            }
            lower.clear();
            if w.is_ascii() {
                lower.push_str(w);
                lower.make_ascii_lowercase();
            } else {
                lower.extend(w.chars().flat_map(char::to_lowercase));
            }
            if !self.starts.may_hold(lower) {
                return;
            }
            if is_capitalized(w)
                && let Some(v) = self.names.get(lower.as_str())
            {
                f(&range, v);
            }
            if claim_words::is_number(w) {
                if let Some(v) = self.numbers.get(lower.as_str()) {
                    f(&range, v);
                }
            } else if let Some(v) = self.stems.get(stem(lower)) {
                f(&range, v);
            }
        });
    }

    /// The harvested claims that `sentence` (of draft `file`) repeats.
    pub fn matches(&self, sentence: &str, file: FileId) -> Vec<Hit> {
        if self.claims.is_empty() {
            return Vec::new();
        }
        let mut found: FxHashMap<u32, u64> = FxHashMap::default();
        let mut lower = String::new();
        self.postings(sentence, &mut lower, &mut |_, v| {
            for &(c, b) in v {
                *found.entry(c).or_default() |= 1 << b;
            }
        });
        let mut ok: Vec<u32> = found
            .into_iter()
            .filter(|&(c, bits)| {
                let e = &self.claims[c as usize];
                bits & e.required == e.required
                    && (bits & e.content).count_ones() >= e.needed
                    && !e.markers.contains(&file)
            })
            .map(|(c, _)| c)
            .collect();
        if ok.is_empty() {
            return Vec::new();
        }
        ok.sort_unstable();
        // Where: the first occurrence of each of the claim's words (the
        // sentence read again, as few sentences get this far).
        let mut hits: Vec<(u32, u64, Vec<Range<usize>>)> =
            ok.iter().map(|&c| (c, 0, Vec::new())).collect();
        self.postings(sentence, &mut lower, &mut |range, v| {
            for &(c, b) in v {
                if let Ok(k) = hits.binary_search_by_key(&c, |h| h.0) {
                    let h = &mut hits[k];
                    if h.1 & (1 << b) == 0 {
                        h.1 |= 1 << b;
                        h.2.push(range.clone());
                    }
                }
            }
        });
        hits.into_iter()
            .map(|(c, _, mut words)| {
                words.sort_by_key(|r| r.start);
                words.dedup();
                Hit {
                    claim: c as usize,
                    words,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn harvest(text: &str) -> Vec<Harvested> {
        let pack = Pack::builtin().unwrap();
        let d = Draft::parse("a.md", text, &pack.language());
        Harvester::new(&pack).harvest(&d, 0)
    }

    fn claims(text: &str) -> Vec<String> {
        harvest(text).into_iter().map(|h| h.claim).collect()
    }

    #[test]
    fn regexes_are_compiled_only_for_a_draft_with_a_key_word() {
        let pack = Pack::builtin().unwrap();
        let h = Harvester::new(&pack);
        let lang = pack.language();
        let plain = Draft::parse("a.md", "The council met on Monday. It said 40 died.", &lang);
        assert!(h.harvest(&plain, 0).is_empty());
        assert!(h.compiled.get().is_none());
        let marked = Draft::parse(
            "b.md",
            "He repeated the false claim that the Orlen Canal bridges were built without permits.",
            &lang,
        );
        assert_eq!(h.harvest(&marked, 1).len(), 1);
        assert!(h.compiled.get().is_some());
    }

    #[test]
    fn constructions() {
        assert_eq!(
            claims(
                "Council member Ivo Brandt repeated the false claim that the Orlen Canal bridges were built without permits. Records show otherwise."
            ),
            vec!["the Orlen Canal bridges were built without permits"]
        );
        assert_eq!(
            claims(
                "In a post, the senator falsely claimed on Monday that she had shut the Kessel coal mine in 2019; her office did not reply."
            ),
            vec!["she had shut the Kessel coal mine in 2019"]
        );
        assert_eq!(
            claims(
                "Posts said the Varna dam was sabotaged by 40 engineers — a claim that has been debunked."
            ),
            vec!["the Varna dam was sabotaged by 40 engineers"]
        );
        assert_eq!(
            claims(
                "The Varna dam was sabotaged by 40 engineers, which is false, and the posts spread."
            ),
            vec!["The Varna dam was sabotaged by 40 engineers"]
        );
        assert_eq!(
            claims(
                "He spread the bogus rumor that the Tessel mayor sold 300 city buses, which officials denied."
            ),
            vec!["the Tessel mayor sold 300 city buses"]
        );
        // Too little to recognise.
        assert!(claims("She denied the false rumor that Kim resigned.").is_empty());
    }

    #[test]
    fn anchored_searches_at_heads_find_what_the_regexes_find() {
        let pack = Pack::builtin().unwrap();
        let h = Harvester::new(&pack);
        assert!(h.compiled().heads.is_some());
        for text in [
            "The long-debunked claim that X held, a claim that has been debunked.",
            "He FALSELY\n said on Tuesday that Y; posts, which\u{a0}is false, spread.",
            "Falsely claimed. the false and baseless rumor that Z, A\tclaim that was debunked",
            "stalsely falsehood bogus theory that, widely  discredited claims that Q",
            "the \u{17F}ad claim that K, which is untrue",
            // No key word: the scan for heads is skipped.
            "A minister said a claim was made, which is a fact.",
            "Which is true? A CLAIM THAT HAS BEEN DEBUNKED, falsehoods",
        ] {
            let want: Vec<Vec<Range<usize>>> = h
                .compiled()
                .constructions
                .iter()
                .map(|(re, _)| re.find_iter(text).map(|m| m.range()).collect())
                .collect();
            let lower = text.to_ascii_lowercase();
            let got = h.construction_matches(text, &lower);
            if got.is_empty() {
                // Passed over: no key word.
                assert!(want.iter().all(Vec::is_empty), "{text}");
            } else {
                assert_eq!(got, want, "{text}");
            }
        }
        assert_eq!(
            heads("a claim").unwrap().len(),
            white_space_lead_bytes().count()
        );
        let keys = h.gate.as_ref().unwrap();
        assert!(!keys.is_match("a minister said a claim was made, which is a fact."));
        assert!(keys.is_match("claims, which is untrue"));
        let stop = ["which".to_string(), "is".to_string(), "not".to_string()];
        assert_eq!(
            key_word("which is not true", &stop).as_deref(),
            Some("true")
        );
        assert_eq!(
            key_word("falsely claimed", &stop).as_deref(),
            Some("falsely")
        );
        assert_eq!(key_word("which is", &stop).as_deref(), Some("which"));
        assert_eq!(key_word("  ", &stop), None);
        assert_eq!(
            key_word("which is d\u{e9}bunk\u{e9}", &stop).as_deref(),
            Some("which")
        );
        assert_eq!(key_word("long-d\u{e9}bunk\u{e9}", &stop), None);
        assert_eq!(heads("long-debunked"), Some(vec![b"long-".to_vec()]));
        assert_eq!(heads("Bogus"), Some(vec![b"bogus".to_vec()]));
        assert_eq!(heads("\u{e9}lan"), None);
        assert!(folds_into_ascii("\u{212A}elvin") && !folds_into_ascii("Kelvin"));
    }

    #[test]
    fn a_phrase_word_outside_ascii_is_never_the_key() {
        let mut pack = Pack::builtin().unwrap();
        let mut errors = Vec::new();
        pack.add_file(
            "house.toml",
            std::sync::Arc::from(
                "[lexicon.claim-harvest-after]\nadd = [\"which is d\u{e9}bunk\u{e9} now\"]\n",
            ),
            &mut errors,
        );
        assert!(errors.is_empty());
        let h = Harvester::new(&pack);
        assert!(h.compiled().heads.is_some());
        // The longest word is not ASCII: `now` is the key.
        let text = "The dam was sold, WHICH IS D\u{c9}BUNK\u{c9} NOW.";
        let want: Vec<Vec<Range<usize>>> = h
            .compiled()
            .constructions
            .iter()
            .map(|(re, _)| re.find_iter(text).map(|m| m.range()).collect())
            .collect();
        assert!(want.iter().any(|m| !m.is_empty()));
        assert_eq!(
            h.construction_matches(text, &text.to_ascii_lowercase()),
            want
        );
    }

    #[test]
    fn subjects_and_display() {
        let h = harvest(
            "Senator Ruth Alden falsely claimed that she had shut the Kessel coal mine in 2019.",
        );
        assert_eq!(h[0].subject.as_deref(), Some("Senator Ruth Alden"));
        assert_eq!(
            h[0].display(),
            "Senator Ruth Alden had shut the Kessel coal mine in 2019"
        );
        assert_eq!(h[0].words.names, vec!["kessel"]);
        let h = harvest(
            "In an interview, the president falsely said that he had ended the Omir strike in 2023.",
        );
        assert_eq!(h[0].subject.as_deref(), Some("the president"));
    }

    #[test]
    fn index_matches_by_names_numbers_and_two_thirds_of_stems() {
        let h = harvest(
            "Ivo Brandt repeated the false claim that the Orlen Canal bridges were built without permits.",
        );
        let index = Index::new(h);
        let m = |s: &str, f: FileId| index.matches(s, f);
        let s =
            "A neighbour said the bridges over the Orlen Canal had been built without any permit.";
        let hits = m(s, 1);
        assert_eq!(hits.len(), 1);
        let words: Vec<&str> = hits[0].words.iter().map(|r| &s[r.clone()]).collect();
        assert_eq!(words, vec!["bridges", "Canal", "built", "permit"]);
        // Not in the marking draft.
        assert!(m(s, 0).is_empty());
        // The name is required, and two of three content words.
        assert!(m("The bridges were built without permits.", 1).is_empty());
        assert!(m("The Orlen Canal bridges need repairs.", 1).is_empty());
        assert_eq!(m("The Orlen Canal bridges lacked permits.", 1).len(), 1);
    }

    #[test]
    fn a_claim_of_three_common_words_needs_all_three() {
        let h =
            harvest("Messages spread the false claim that the country was running out of salt.");
        let index = Index::new(h);
        let m = |s: &str| index.matches(s, 1);
        assert_eq!(
            m("Traders said the country would soon run out of salt.").len(),
            1
        );
        assert!(m("She runs a driving school for young people in country towns.").is_empty());
    }

    #[test]
    fn starts_pass_every_key_and_every_word_whose_stem_is_one() {
        let h = harvest(
            "Ivo Brandt repeated the false claim that the UN paid Ahmet Erdo\u{11f}an for 40 Kessel tanks in 2019.",
        );
        let index = Index::new(h);
        let keys: Vec<&String> = index
            .names
            .keys()
            .chain(index.numbers.keys())
            .chain(index.stems.keys())
            .collect();
        assert!(keys.iter().any(|k| !k.is_ascii()), "{keys:?}");
        assert!(keys.iter().any(|k| k.len() < 3), "{keys:?}");
        for k in keys {
            assert!(index.starts.may_hold(k), "{k}");
        }
        for word in ["tanks", "tanked", "erdo\u{11f}an", "un", "40"] {
            assert!(index.starts.may_hold(word), "{word}");
        }
        // A sentence made only of other words is passed over word by word,
        // and one with the claim's words in other forms still matches.
        assert!(
            index
                .matches("Nobody here wrote about anything.", 1)
                .is_empty()
        );
        assert_eq!(
            index
                .matches(
                    "In 2019 the UN paid Ahmet ERDO\u{11e}AN for 40 Kessel tanks.",
                    1
                )
                .len(),
            1
        );
    }
}
