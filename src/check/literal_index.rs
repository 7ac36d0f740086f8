//! A prefilter for many groups of regexes that must all match in one
//! sentence (claims databases: thousands of claims, each three or four
//! regexes).
//!
//! Each regex's possible prefixes are extracted as literals. Every group is
//! *anchored* on its most selective regex: one without short literals (a
//! name rather than `he`) whose literals the fewest groups share (a place
//! rather than a topic word like `election` that hundreds of claims name, so
//! that a hit makes few groups candidates); only the anchor literals go into an
//! Aho-Corasick automaton, scanned once per sentence. A group becomes a
//! candidate only when an anchor literal occurs, and stays one only if every
//! other regex of the group has a literal in the sentence too (a substring
//! search, for the few candidates). Candidates are then confirmed by the
//! regexes themselves, so the filter may say yes too often but never no.
//!
//! An anchor regex that starts with `\b`, whose literals are ASCII words,
//! can only match at a word start, and a literal made of word characters
//! never spans one: such anchors go into a leftmost-longest automaton
//! (non-overlapping, so cheap), whose hit at a word start stands for every
//! anchor literal that is a prefix of it. Other anchors (`O'Brien`,
//! `Erdoğan`) go into an overlapping automaton, as short as they are few.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{HirKind, Look};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

pub struct LiteralIndex {
    /// Literals of regexes that start with `\b` and whose literals are all
    /// ASCII words.
    word_literals: Vec<String>,
    /// Their automaton, leftmost-longest, for a scan of one sentence: built
    /// on first use, as a run whose literals are all words scans whole
    /// drafts with `word_starts` instead.
    words: std::sync::OnceLock<Option<AhoCorasick>>,
    /// The word literals for a scan of a whole draft: each after a space,
    /// over the draft with its ASCII word bytes lowercased and every other
    /// byte made a space (see [`LiteralIndex::draft_hits`]). `None` unless
    /// every literal is a run of word characters.
    word_starts: Option<AhoCorasick>,
    /// The other literals, overlapping.
    others: Option<AhoCorasick>,
    /// Literal id (word literals first, then the others) → groups anchored
    /// on it.
    anchored: Vec<Vec<u32>>,
    /// Word literal id → the word literals that are its prefixes, itself
    /// included: a hit stands for them all.
    prefixes: Vec<Vec<u32>>,
    /// The word literals that anchor a group, leftmost-longest: most
    /// sentences have none, and then need no scan for the other literals.
    anchors: Option<AhoCorasick>,
    /// Anchor pattern id → the word literal ids of the anchors that are its
    /// prefixes, itself included.
    anchor_prefixes: Vec<Vec<u32>>,
    /// Regex id → its literal ids; empty when none could be extracted (then
    /// the regex is taken as possibly matching anywhere).
    regex_literals: Vec<Vec<u32>>,
    /// Regex id → the id of its pattern among the distinct ones: groups
    /// share patterns, and each is judged once per sentence.
    distinct_of: Vec<u32>,
    /// How many distinct patterns there are.
    distinct: usize,
    /// Group id → its regex ids.
    groups: Vec<Range<usize>>,
    /// Groups with no regex to anchor on: always candidates.
    always: Vec<u32>,
    /// Every literal is one run of word characters, so no match crosses a
    /// sentence boundary: a scan of a whole draft finds exactly the
    /// literals that scans of its sentences would (and maybe more).
    words_only: bool,
}

/// Per-thread state for [`LiteralIndex::candidates`], reused across
/// sentences (stamps instead of clearing).
pub struct Scratch {
    stamp: u32,
    literal_seen: Vec<u32>,
    group_seen: Vec<u32>,
    /// Per distinct pattern: the stamp it was judged with, and whether one
    /// of its literals was seen.
    pattern_judged: Vec<(u32, bool)>,
}

impl Scratch {
    /// A stamp no literal or group carries yet.
    fn next_stamp(&mut self) -> u32 {
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            // Stamps wrapped: forget everything once.
            self.literal_seen.iter_mut().for_each(|s| *s = 0);
            self.group_seen.iter_mut().for_each(|s| *s = 0);
            self.pattern_judged.iter_mut().for_each(|s| *s = (0, false));
            self.stamp = 1;
        }
        self.stamp
    }
}

/// The literals found in a whole draft ([`LiteralIndex::draft_hits`]).
#[derive(Debug, Default)]
pub struct DraftHits {
    /// (start, pattern) of word-literal matches at word starts, in order.
    words: Vec<(usize, u32)>,
    /// (start, end, pattern) of the other literals, sorted.
    others: Vec<(usize, usize, u32)>,
}

/// What a regex can start with.
struct Prefixes {
    /// Lowercased, with both cases of non-ASCII letters.
    literals: Vec<String>,
    /// The regex starts with a word boundary.
    bounded: bool,
}

/// The literals a match of `pattern` can start with; `None` when they
/// cannot be listed (the regex may start with anything).
fn prefixes(pattern: &str) -> Option<Prefixes> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    let bounded = match hir.kind() {
        HirKind::Concat(subs) => subs.first().is_some_and(|h| {
            matches!(h.kind(), HirKind::Look(Look::WordUnicode | Look::WordAscii))
        }),
        _ => false,
    };
    let mut extractor = Extractor::new();
    extractor.kind(ExtractKind::Prefix).limit_total(64);
    let seq = extractor.extract(&hir);
    let lits = seq.literals()?;
    let mut out: Vec<String> = Vec::with_capacity(lits.len());
    for l in lits {
        let s = std::str::from_utf8(l.as_bytes()).ok()?;
        if s.is_empty() {
            return None;
        }
        let lower = s.to_lowercase();
        // ASCII case is folded by the automaton; other letters need their
        // own variants.
        if !s.is_ascii() {
            out.push(s.to_uppercase());
            out.push(s.to_string());
        }
        out.push(lower);
    }
    (!out.is_empty()).then_some(Prefixes {
        literals: out,
        bounded,
    })
}

/// A regex whose literals are all at least this long is selective enough to
/// anchor on; shorter ones (`he`, `dam`) are common words.
const SELECTIVE_LEN: usize = 4;

/// Up to this many literals, an automaton is a DFA.
const DFA_LITERALS: usize = 20_000;

/// The automaton of `list`, in any ASCII case if `fold`; `None` for none.
fn automaton<S: AsRef<[u8]>>(list: &[S], kind: MatchKind, fold: bool) -> Option<AhoCorasick> {
    (!list.is_empty()).then(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(fold)
            // A DFA scans fastest; for tens of thousands of literals a
            // contiguous NFA, which builds in milliseconds where a DFA takes
            // a second.
            .kind(Some(if list.len() <= DFA_LITERALS {
                AhoCorasickKind::DFA
            } else {
                AhoCorasickKind::ContiguousNFA
            }))
            .match_kind(kind)
            .build(list)
            .expect("literal automaton")
    })
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl LiteralIndex {
    /// `groups[g]` holds the patterns of group `g`.
    pub fn new(groups: &[Vec<String>]) -> LiteralIndex {
        use rayon::prelude::*;
        let mut ranges = Vec::with_capacity(groups.len());
        let mut all: Vec<&str> = Vec::new();
        for patterns in groups {
            let first = all.len();
            all.extend(patterns.iter().map(String::as_str));
            ranges.push(first..all.len());
        }
        // Parsing thousands of regexes is most of a large database's load:
        // each distinct one (claims share most) is parsed once.
        let mut distinct: Vec<&str> = all.clone();
        distinct.sort_unstable();
        distinct.dedup();
        let parsed: HashMap<&str, Option<Prefixes>> =
            distinct.par_iter().map(|p| (*p, prefixes(p))).collect();
        let regexes: Vec<Option<&Prefixes>> = all.iter().map(|p| parsed[p].as_ref()).collect();
        let distinct_of: Vec<u32> = all
            .iter()
            .map(|p| distinct.binary_search(p).unwrap_or(0) as u32)
            .collect();
        // Literals of word-start regexes, then the others.
        let word_regex =
            |p: &Prefixes| p.bounded && p.literals.iter().all(|l| l.bytes().all(is_word_byte));
        let mut ids: [HashMap<&str, u32>; 2] = Default::default();
        let mut lists: [Vec<&str>; 2] = Default::default();
        for p in regexes.iter().flatten() {
            let side = usize::from(!word_regex(p));
            for l in &p.literals {
                let next = lists[side].len() as u32;
                ids[side].entry(l.as_str()).or_insert_with(|| {
                    lists[side].push(l.as_str());
                    next
                });
            }
        }
        let offset = lists[0].len() as u32;
        let id = |p: &Prefixes, l: &str| {
            if word_regex(p) {
                ids[0][l]
            } else {
                offset + ids[1][l]
            }
        };
        let regex_literals: Vec<Vec<u32>> = regexes
            .iter()
            .map(|p| {
                let mut v: Vec<u32> = p
                    .iter()
                    .flat_map(|p| p.literals.iter().map(|l| id(p, l)))
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect();
        let literal_count = lists[0].len() + lists[1].len();
        // Literal id → how many groups have a regex with it: a literal that
        // many claims share is a topic word (`million`, `election`), likely
        // common in drafts too, and a hit on it makes every one of those
        // groups a candidate.
        let mut shared = vec![0u32; literal_count];
        let mut last_group = vec![u32::MAX; literal_count];
        for (g, range) in ranges.iter().enumerate() {
            for r in range.clone() {
                for &l in &regex_literals[r] {
                    if last_group[l as usize] != g as u32 {
                        last_group[l as usize] = g as u32;
                        shared[l as usize] += 1;
                    }
                }
            }
        }
        let mut anchored = vec![Vec::new(); literal_count];
        let mut always = Vec::new();
        for (g, range) in ranges.iter().enumerate() {
            // The most selective regex: no literal shorter than
            // `SELECTIVE_LEN` (not `he`), then the fewest groups sharing its
            // literals (a name or place rather than a topic word), then the
            // longest shortest literal and the fewest literals.
            let mut best: Option<((usize, u32, usize, usize), usize)> = None;
            for r in range.clone() {
                let Some(p) = &regexes[r] else { continue };
                if let Some(min) = p.literals.iter().map(|l| l.chars().count()).min() {
                    let most_shared = regex_literals[r]
                        .iter()
                        .map(|&l| shared[l as usize])
                        .max()
                        .unwrap_or(0);
                    let key = (
                        min.min(SELECTIVE_LEN),
                        u32::MAX - most_shared,
                        min,
                        usize::MAX - p.literals.len(),
                    );
                    if best.is_none_or(|b| key > b.0) {
                        best = Some((key, r));
                    }
                }
            }
            match best {
                Some((_, r)) => {
                    for &l in &regex_literals[r] {
                        anchored[l as usize].push(g as u32);
                    }
                }
                None => always.push(g as u32),
            }
        }
        let prefixes = lists[0]
            .iter()
            .map(|w| {
                (1..=w.len())
                    .filter_map(|k| w.get(..k).and_then(|p| ids[0].get(p).copied()))
                    .collect()
            })
            .collect();
        let anchor_list: Vec<&str> = lists[0]
            .iter()
            .enumerate()
            .filter(|&(i, _)| !anchored[i].is_empty())
            .map(|(_, w)| *w)
            .collect();
        let anchor_prefixes = anchor_list
            .iter()
            .map(|w| {
                (1..=w.len())
                    .filter_map(|k| w.get(..k).and_then(|p| ids[0].get(p).copied()))
                    .filter(|&id| !anchored[id as usize].is_empty())
                    .collect()
            })
            .collect();
        let word_run = |l: &&str| l.chars().all(|c| c.is_alphanumeric() || c == '_');
        let words_only = lists.iter().flatten().all(word_run);
        let word_starts = if words_only {
            let spaced: Vec<String> = lists[0]
                .iter()
                .map(|l| format!(" {}", l.to_ascii_lowercase()))
                .collect();
            automaton(&spaced, MatchKind::LeftmostLongest, false)
        } else {
            None
        };
        let others = automaton(&lists[1], MatchKind::Standard, true);
        let anchors = automaton(&anchor_list, MatchKind::LeftmostLongest, true);
        LiteralIndex {
            words_only,
            word_starts,
            word_literals: lists[0].iter().map(|l| l.to_string()).collect(),
            words: std::sync::OnceLock::new(),
            others,
            anchors,
            anchor_prefixes,
            anchored,
            prefixes,
            regex_literals,
            distinct: distinct_of.iter().max().map_or(0, |&d| d as usize + 1),
            distinct_of,
            groups: ranges,
            always,
        }
    }

    pub fn scratch(&self) -> Scratch {
        Scratch {
            stamp: 0,
            literal_seen: vec![0; self.anchored.len()],
            group_seen: vec![0; self.groups.len()],
            pattern_judged: vec![(0, false); self.distinct],
        }
    }

    /// The automaton of the word literals ([`LiteralIndex::words`]).
    fn words(&self) -> Option<&AhoCorasick> {
        self.words
            .get_or_init(|| automaton(&self.word_literals, MatchKind::LeftmostLongest, true))
            .as_ref()
    }

    /// Whether `scratch`, made by an index, is as long as this one needs.
    /// Its stamps are all older than any it gives next, so what it saw for
    /// another index never counts here.
    pub fn fits(&self, scratch: &Scratch) -> bool {
        scratch.literal_seen.len() == self.anchored.len()
            && scratch.group_seen.len() == self.groups.len()
            && scratch.pattern_judged.len() == self.distinct
    }

    /// The regex ids of group `g`.
    pub fn group(&self, g: u32) -> Range<usize> {
        self.groups[g as usize].clone()
    }

    /// Appends to `out` the groups whose regexes may all match in `text`, in
    /// ascending order.
    /// The literals of a whole draft (its prose `text`), found in one scan
    /// instead of one per sentence: `None` unless every literal is a run of
    /// word characters (then no match crosses a sentence boundary, and the
    /// draft's matches inside a sentence are the sentence's own).
    pub fn draft_hits(&self, text: &str) -> Option<DraftHits> {
        if !self.words_only {
            return None;
        }
        let bytes = text.as_bytes();
        let mut hits = DraftHits::default();
        if let Some(ac) = &self.word_starts {
            // Only word starts count, and a literal is all word bytes, so a
            // match elsewhere ends inside its word and hides none there: the
            // hits are, per word, the longest literal it starts with. With
            // every other byte a space, a literal after a space matches only
            // there, and `he` inside `the` or `when` is not even reported.
            let mut folded = Vec::with_capacity(bytes.len() + 1);
            folded.push(b' ');
            folded.extend(bytes.iter().map(|&b| {
                if is_word_byte(b) {
                    b.to_ascii_lowercase()
                } else {
                    b' '
                }
            }));
            hits.words = ac
                .find_iter(&folded)
                .map(|m| (m.start(), m.pattern().as_u32()))
                .collect();
        }
        if let Some(ac) = &self.others {
            hits.others = ac
                .find_overlapping_iter(text)
                .map(|m| (m.start(), m.end(), m.pattern().as_u32()))
                .collect();
            hits.others.sort_unstable();
        }
        Some(hits)
    }

    /// [`LiteralIndex::candidates`] of the sentence at `span` of a draft,
    /// from the draft's hits.
    pub fn candidates_in(
        &self,
        hits: &DraftHits,
        span: Range<usize>,
        scratch: &mut Scratch,
        out: &mut Vec<u32>,
    ) {
        let start = out.len();
        let stamp = scratch.next_stamp();
        let from = hits.words.partition_point(|h| h.0 < span.start);
        for &(_, pattern) in hits.words[from..].iter().take_while(|h| h.0 < span.end) {
            for &l in &self.prefixes[pattern as usize] {
                scratch.literal_seen[l as usize] = stamp;
                for &g in &self.anchored[l as usize] {
                    if scratch.group_seen[g as usize] != stamp {
                        scratch.group_seen[g as usize] = stamp;
                        out.push(g);
                    }
                }
            }
        }
        let offset = self.prefixes.len() as u32;
        let from = hits.others.partition_point(|h| h.0 < span.start);
        for &(_, end, pattern) in hits.others[from..].iter().take_while(|h| h.0 < span.end) {
            if end > span.end {
                continue;
            }
            let l = (offset + pattern) as usize;
            if scratch.literal_seen[l] == stamp {
                continue;
            }
            scratch.literal_seen[l] = stamp;
            for &g in &self.anchored[l] {
                if scratch.group_seen[g as usize] != stamp {
                    scratch.group_seen[g as usize] = stamp;
                    out.push(g);
                }
            }
        }
        self.keep_complete(start, stamp, scratch, out);
    }

    pub fn candidates(&self, text: &str, scratch: &mut Scratch, out: &mut Vec<u32>) {
        let start = out.len();
        let stamp = scratch.next_stamp();
        let bytes = text.as_bytes();
        let see = |l: u32, scratch: &mut Scratch, out: &mut Vec<u32>| {
            if scratch.literal_seen[l as usize] == stamp {
                return;
            }
            scratch.literal_seen[l as usize] = stamp;
            for &g in &self.anchored[l as usize] {
                if scratch.group_seen[g as usize] != stamp {
                    scratch.group_seen[g as usize] = stamp;
                    out.push(g);
                }
            }
        };
        let at_word_start =
            |m: &aho_corasick::Match| m.start() == 0 || !is_word_byte(bytes[m.start() - 1]);
        if let Some(ac) = &self.anchors {
            for m in ac.find_iter(text).filter(at_word_start) {
                for &l in &self.anchor_prefixes[m.pattern().as_usize()] {
                    for &g in &self.anchored[l as usize] {
                        if scratch.group_seen[g as usize] != stamp {
                            scratch.group_seen[g as usize] = stamp;
                            out.push(g);
                        }
                    }
                }
            }
        }
        if let Some(ac) = &self.others {
            let offset = self.prefixes.len() as u32;
            for m in ac.find_overlapping_iter(text) {
                see(offset + m.pattern().as_u32(), scratch, out);
            }
        }
        if out.len() > start
            && let Some(ac) = self.words()
        {
            // Which literals the candidates' other regexes find here.
            for m in ac.find_iter(text).filter(at_word_start) {
                for &l in &self.prefixes[m.pattern().as_usize()] {
                    scratch.literal_seen[l as usize] = stamp;
                }
            }
        }
        self.keep_complete(start, stamp, scratch, out);
    }

    /// Keeps, of the candidates from `start` on, the groups every regex of
    /// which has a literal seen (with `stamp`); adds the groups without
    /// literals; sorts.
    fn keep_complete(&self, start: usize, stamp: u32, scratch: &mut Scratch, out: &mut Vec<u32>) {
        let seen = &scratch.literal_seen;
        let judged = &mut scratch.pattern_judged;
        let mut kept = start;
        for k in start..out.len() {
            let g = out[k];
            let all = self.groups[g as usize].clone().all(|r| {
                let d = self.distinct_of[r] as usize;
                if judged[d].0 != stamp {
                    let lits = &self.regex_literals[r];
                    let ok = lits.is_empty() || lits.iter().any(|&l| seen[l as usize] == stamp);
                    judged[d] = (stamp, ok);
                }
                judged[d].1
            });
            if all {
                out[kept] = g;
                kept += 1;
            }
        }
        out.truncate(kept);
        out.extend_from_slice(&self.always);
        out[start..].sort_unstable();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(groups: &[&[&str]]) -> LiteralIndex {
        LiteralIndex::new(
            &groups
                .iter()
                .map(|g| g.iter().map(|p| p.to_string()).collect())
                .collect::<Vec<_>>(),
        )
    }

    /// Candidates from one scan of the draft are those of scanning each
    /// sentence.
    #[test]
    fn draft_hits_give_each_sentence_its_own_candidates() {
        let ix = index(&[
            &[r"\b(Marek|he|she)\b", r"\bHalim\b", r"\bdams?\b"],
            &[r"\bhere\b", r"\bHalim\b"],
            &[r"\bsold\b", r"(?i)dam"],
        ]);
        let text =
            "Marek sold the Halim dam. Here she is. Halim dams sold here, he said. xHalim dam.";
        let hits = ix.draft_hits(text).expect("word literals only");
        let mut s = ix.scratch();
        for (a, b) in [(0, 25), (26, 38), (39, 69), (70, text.len())] {
            let mut out = Vec::new();
            ix.candidates_in(&hits, a..b, &mut s, &mut out);
            assert_eq!(out, candidates(&ix, &text[a..b]), "{}", &text[a..b]);
        }
        // The spaced scan finds what a scan at word starts finds.
        let ix = index(&[
            &[r"\b(he|hen|she)\b", r"\bHalim\b", r"\bdams?\b", r"\bx_1\b"],
            &[r"\b(Marek|h)\b"],
        ]);
        let tricky = "The hen, HE said; xhe he_llo he1 \u{e9}he Hen-she dams damn X_1 h";
        let spaced = ix.draft_hits(tricky).expect("word literals only").words;
        let by_words = ix
            .words()
            .unwrap()
            .find_iter(tricky)
            .filter(|m| m.start() == 0 || !is_word_byte(tricky.as_bytes()[m.start() - 1]))
            .map(|m| (m.start(), m.pattern().as_u32()))
            .collect::<Vec<_>>();
        assert!(ix.word_starts.is_some());
        assert_eq!(spaced, by_words);
        assert!(spaced.len() >= 8, "{spaced:?}");
        // A literal with a dot could cross a sentence end: no draft scan.
        assert!(index(&[&[r"\bU\.S\. army\b"]]).draft_hits(text).is_none());
    }

    fn candidates(ix: &LiteralIndex, text: &str) -> Vec<u32> {
        let mut s = ix.scratch();
        let mut out = Vec::new();
        ix.candidates(text, &mut s, &mut out);
        out
    }

    #[test]
    fn a_group_needs_its_anchor_and_every_other_regex() {
        let ix = index(&[
            &[
                r"\b(Marek|he|she)\b",
                r"\bHalim\b",
                r"\b(sold|sells)\b",
                r"\bdam\b",
            ],
            &[r"\b(Farrow|he)\b", r"\bRikar\b", r"\bowns?\b"],
        ]);
        assert_eq!(
            candidates(&ix, "He said Marek sold the HALIM dam."),
            vec![0]
        );
        assert_eq!(
            candidates(&ix, "Marek sold the Halim bridge."),
            Vec::<u32>::new()
        );
        assert_eq!(
            candidates(&ix, "The owner in Rikar, Farrow, owns it."),
            vec![1]
        );
        assert_eq!(candidates(&ix, "Nothing here."), Vec::<u32>::new());
    }

    #[test]
    fn a_group_anchors_on_its_least_shared_regex() {
        let ix = index(&[
            &[r"\b(Marek|he)\b", r"\belection\b", r"\bHalim\b"],
            &[r"\bToma\b", r"\belection\b", r"\bIren\b"],
            &[r"\bFarrow\b", r"\belections?\b", r"\bSarek\b"],
        ]);
        let anchor_of = |g: u32| -> Vec<&str> {
            (0..ix.word_literals.len())
                .filter(|&l| ix.anchored[l].contains(&g))
                .map(|l| ix.word_literals[l].as_str())
                .collect()
        };
        // `election`, longest but in every group, anchors none of them; nor
        // does `he`.
        assert_eq!(anchor_of(0), ["halim"]);
        assert_eq!(anchor_of(1), ["toma"]);
        assert_eq!(anchor_of(2), ["farrow"]);
        assert_eq!(candidates(&ix, "Toma lost the election in Iren."), vec![1]);
        assert_eq!(candidates(&ix, "He won the election."), Vec::<u32>::new());
    }

    #[test]
    fn unextractable_regexes_never_hide_a_match() {
        let ix = index(&[&[r"\w+gate\b", r"\bscandal\b"], &[r".*"]]);
        assert_eq!(candidates(&ix, "The watergate scandal"), vec![0, 1]);
        assert_eq!(candidates(&ix, "Another story"), vec![1]);
    }

    #[test]
    fn non_ascii_literals_match_in_either_case() {
        let ix = index(&[&[r"\bErdoğan\b", r"\bwon\b"]]);
        assert_eq!(candidates(&ix, "ERDOĞAN won"), vec![0]);
        assert_eq!(candidates(&ix, "erdoğan won"), vec![0]);
    }

    #[test]
    fn a_longer_word_hit_stands_for_its_prefixes_and_only_word_starts_count() {
        let ix = index(&[
            &[r"\bHalim", r"\bdam\b"],
            &[r"\bHalimson\b", r"\bdam\b"],
            &[r"Halim", r"\bdam\b"],
        ]);
        assert_eq!(candidates(&ix, "The Halimson dam"), vec![0, 1, 2]);
        assert_eq!(candidates(&ix, "HALIM-dam"), vec![0, 2]);
        // Inside a word, only the regex without `\b` may match.
        assert_eq!(candidates(&ix, "Mahalimson dam"), vec![2]);
        assert_eq!(candidates(&ix, "Halimson damp"), vec![0, 1, 2]);
    }

    #[test]
    fn scratch_is_reused_across_sentences() {
        let ix = index(&[&[r"\bHalim\b", r"\bdam\b"]]);
        let mut s = ix.scratch();
        let mut out = Vec::new();
        ix.candidates("Halim dam", &mut s, &mut out);
        assert_eq!(out, vec![0]);
        out.clear();
        ix.candidates("Halim bridge", &mut s, &mut out);
        assert!(out.is_empty());
    }
}
