//! A prefilter for many groups of regexes that must all match in one
//! sentence (claims databases: thousands of claims, each three or four
//! regexes).
//!
//! Each regex's possible prefixes are extracted as literals and all of them go
//! into one Aho-Corasick automaton, scanned once per sentence. Every group is
//! *anchored* on its most selective regex (the one whose shortest literal is
//! longest: a name rather than `he`); a group becomes a candidate only when an
//! anchor literal occurs, and stays one only if every other regex of the group
//! has a literal in the sentence too. Candidates are then confirmed by the
//! regexes themselves, so the filter may say yes too often but never no.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use std::collections::HashMap;
use std::ops::Range;

pub struct LiteralIndex {
    ac: Option<AhoCorasick>,
    /// Literal id → groups anchored on a regex with that literal.
    anchored: Vec<Vec<u32>>,
    /// Regex id → its literal ids; empty when none could be extracted (then
    /// the regex is taken as possibly matching anywhere).
    regex_literals: Vec<Vec<u32>>,
    /// Group id → its regex ids.
    groups: Vec<Range<usize>>,
    /// Groups with no regex to anchor on: always candidates.
    always: Vec<u32>,
}

/// Per-thread state for [`LiteralIndex::candidates`], reused across
/// sentences (stamps instead of clearing).
pub struct Scratch {
    stamp: u32,
    literal_seen: Vec<u32>,
    group_seen: Vec<u32>,
}

/// The literals a match of `pattern` can start with, lowercased; `None` when
/// they cannot be listed (the regex may start with anything).
fn literals(pattern: &str) -> Option<Vec<String>> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
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
    (!out.is_empty()).then_some(out)
}

impl LiteralIndex {
    /// `groups[g]` holds the patterns of group `g`.
    pub fn new(groups: &[Vec<String>]) -> LiteralIndex {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut words: Vec<String> = Vec::new();
        let mut regex_literals = Vec::new();
        let mut ranges = Vec::with_capacity(groups.len());
        let mut anchored: Vec<Vec<u32>> = Vec::new();
        let mut always = Vec::new();
        for (g, patterns) in groups.iter().enumerate() {
            let first = regex_literals.len();
            let mut best: Option<(usize, usize, usize)> = None; // (min len, -count, regex)
            for p in patterns {
                let r = regex_literals.len();
                let lits = literals(p).unwrap_or_default();
                let mut lit_ids = Vec::with_capacity(lits.len());
                for l in &lits {
                    let next = words.len() as u32;
                    let id = *ids.entry(l.clone()).or_insert_with(|| {
                        words.push(l.clone());
                        anchored.push(Vec::new());
                        next
                    });
                    lit_ids.push(id);
                }
                if let Some(min) = lits.iter().map(|l| l.chars().count()).min() {
                    let key = (min, usize::MAX - lits.len(), r);
                    if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
                        best = Some(key);
                    }
                }
                lit_ids.sort_unstable();
                lit_ids.dedup();
                regex_literals.push(lit_ids);
            }
            ranges.push(first..regex_literals.len());
            match best {
                Some((_, _, r)) => {
                    for &l in &regex_literals[r] {
                        anchored[l as usize].push(g as u32);
                    }
                }
                None => always.push(g as u32),
            }
        }
        let ac = (!words.is_empty()).then(|| {
            // A contiguous NFA: builds in milliseconds for tens of thousands
            // of literals, where a DFA takes a second.
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                .match_kind(MatchKind::Standard)
                .build(&words)
                .expect("literal automaton")
        });
        LiteralIndex {
            ac,
            anchored,
            regex_literals,
            groups: ranges,
            always,
        }
    }

    pub fn scratch(&self) -> Scratch {
        Scratch {
            stamp: 0,
            literal_seen: vec![0; self.anchored.len()],
            group_seen: vec![0; self.groups.len()],
        }
    }

    /// The regex ids of group `g`.
    pub fn group(&self, g: u32) -> Range<usize> {
        self.groups[g as usize].clone()
    }

    /// Appends to `out` the groups whose regexes may all match in `text`, in
    /// ascending order.
    pub fn candidates(&self, text: &str, scratch: &mut Scratch, out: &mut Vec<u32>) {
        let start = out.len();
        scratch.stamp = scratch.stamp.wrapping_add(1);
        if scratch.stamp == 0 {
            // Stamps wrapped: forget everything once.
            scratch.literal_seen.iter_mut().for_each(|s| *s = 0);
            scratch.group_seen.iter_mut().for_each(|s| *s = 0);
            scratch.stamp = 1;
        }
        let stamp = scratch.stamp;
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(text) {
                let l = m.pattern().as_usize();
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
        }
        let seen = &scratch.literal_seen;
        let mut kept = start;
        for k in start..out.len() {
            let g = out[k];
            let all = self.groups[g as usize].clone().all(|r| {
                let lits = &self.regex_literals[r];
                lits.is_empty() || lits.iter().any(|&l| seen[l as usize] == stamp)
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
