//! The figure checks' lexicons, compiled once: single words into hash sets,
//! phrases into a table keyed by their first word. Every word comes from the
//! rule pack (`rules/figures.toml`); none is written in the code.

use super::tokens::{TokKind, Tokens};
use crate::rules::Pack;
use std::collections::HashMap;

/// A lexicon of words and phrases, matched case-insensitively on tokens.
#[derive(Debug, Default)]
pub struct Lex {
    /// Phrases by their first word, longest first. A one-word entry is a
    /// phrase of one word.
    by_first: HashMap<String, Vec<Vec<String>>>,
    /// Let one adverb in `-ly` stand between the words of a phrase.
    adverbs: bool,
}

impl Lex {
    pub fn new(words: &[String], adverbs: bool) -> Lex {
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        let mut scratch = super::tokens::Tokens::default();
        for w in words {
            // Split an entry the way drafts are split, so `per cent`,
            // `a.m.` and `al-Shabab` match their tokens.
            scratch.tokenize(w, 0);
            let parts: Vec<String> = (0..scratch.len())
                .filter(|&i| !(scratch.kind(i) == Some(TokKind::Punct) && scratch.low(i) == "." && i + 1 == scratch.len() && i > 0))
                .map(|i| scratch.low(i).to_string())
                .collect();
            if let Some(first) = parts.first() {
                by_first.entry(first.clone()).or_default().push(parts);
            }
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|p| std::cmp::Reverse(p.len()));
            v.dedup();
        }
        Lex { by_first, adverbs }
    }

    /// Whether token `i` alone is an entry.
    pub fn word(&self, t: &Tokens, i: usize) -> bool {
        i < t.len() && self.has(t.low(i))
    }

    /// Whether `lower` is a one-word entry.
    pub fn has(&self, lower: &str) -> bool {
        self.by_first.get(lower).is_some_and(|v| v.iter().any(|p| p.len() == 1))
    }

    /// The end (exclusive token index) of the longest entry starting at
    /// token `i`.
    pub fn at(&self, t: &Tokens, i: usize) -> Option<usize> {
        if i >= t.len() {
            return None;
        }
        let entries = self.by_first.get(t.low(i))?;
        'entry: for p in entries {
            let mut j = i + 1;
            for w in &p[1..] {
                if j < t.len() && t.low(j) == w {
                    j += 1;
                } else if self.adverbs && j + 1 < t.len() && t.low(j).ends_with("ly") && t.low(j + 1) == w {
                    j += 2;
                } else {
                    continue 'entry;
                }
            }
            return Some(j);
        }
        None
    }

    /// The longest entry ending at token `end` (exclusive), as its start.
    pub fn ending_at(&self, t: &Tokens, end: usize, max_words: usize) -> Option<usize> {
        (end.saturating_sub(max_words)..end).find(|&s| self.at(t, s) == Some(end))
    }

    /// The first entry inside tokens `from..to`, as a token range; hyphenated
    /// words are also tried part by part (`Hamas-run` holds `Hamas`).
    pub fn find_in(&self, t: &Tokens, from: usize, to: usize) -> Option<(usize, usize)> {
        for i in from..to.min(t.len()) {
            if let Some(e) = self.at(t, i).filter(|&e| e <= to) {
                return Some((i, e));
            }
            if t.kind(i) == Some(TokKind::Word) && t.low(i).contains('-') && t.low(i).split('-').any(|p| self.has(p)) {
                return Some((i, i + 1));
            }
        }
        None
    }
}

/// Every lexicon the figure checks use.
#[derive(Debug)]
pub struct Lexicons {
    pub number_words: Lex,
    pub one_words: Lex,
    pub scale_words: Lex,
    pub vague: Lex,
    pub qualifiers: Lex,
    pub percent: Lex,
    pub currency_symbols: Lex,
    pub dollar_prefixes: Lex,
    pub currency_codes: Lex,
    pub currency_words: Lex,
    pub people: Lex,
    pub group_nouns: Lex,
    pub continuations: Lex,
    pub casualty_nouns: Lex,
    pub casualty_heads: Lex,
    pub weapons: Lex,
    pub modifiers: Lex,
    pub casualty_words: Lex,
    pub casualty_verbs: Lex,
    pub casualty_states: Lex,
    pub auxiliaries: Lex,
    pub toll_nouns: Lex,
    pub count_nouns: Lex,
    pub toll_verbs: Lex,
    pub months: Lex,
    pub time_words: Lex,
    pub age_cues: Lex,
    pub age_after: Lex,
    pub name_prefixes: Lex,
    pub source_count_cues: Lex,
    pub function_words: Lex,
    pub determiners: Lex,
    pub speech_verbs: Lex,
    pub attribution_phrases: Lex,
    pub per_word: Lex,
    pub not_subject: Lex,
    pub transparent: Lex,
    pub clause_openers: Lex,
    pub source_nouns: Lex,
    pub pointer_nouns: Lex,
    pub pointer_openers: Lex,
    pub pointer_links: Lex,
    /// The source classes that need a caveat, in the order they are tried.
    pub sources: Vec<(SourceClass, Lex)>,
    pub caveats: Lex,
    pub negated_caveats: Lex,
    pub negations: Lex,
    /// Words of the prefilter: a sentence with none of these and no digit
    /// cannot hold a figure.
    pub prefilter: aho_corasick::AhoCorasick,
}

/// A kind of source whose casualty figures need a caveat.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceClass {
    Party,
    StateMedia,
    Authority,
    Monitors,
    Anonymous,
    Witnesses,
    SocialMedia,
}

impl SourceClass {
    /// How a message describes the class.
    pub fn describe(self) -> &'static str {
        match self {
            SourceClass::Party => "a party to the conflict",
            SourceClass::StateMedia => "state media",
            SourceClass::Authority => "an authority run by a party to the conflict",
            SourceClass::Monitors => "activists or monitors",
            SourceClass::Anonymous => "a local or anonymous source",
            SourceClass::Witnesses => "witnesses or residents",
            SourceClass::SocialMedia => "social media",
        }
    }
}

impl Lexicons {
    pub fn new(pack: &Pack) -> Lexicons {
        let lex = |name: &str| Lex::new(pack.words(&format!("figure-{name}")), false);
        let mut pre: Vec<&str> = Vec::new();
        for name in ["number-words", "vague-counts", "currency-symbols", "currency-codes", "currency-words"] {
            pre.extend(pack.words(&format!("figure-{name}")).iter().map(String::as_str));
        }
        // Only the first word of a phrase is needed to say "maybe".
        let pre: Vec<&str> = pre.iter().map(|w| w.split_whitespace().next().unwrap_or(w)).filter(|w| !w.is_empty()).collect();
        let prefilter = aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(&pre)
            .expect("plain literals");
        Lexicons {
            number_words: lex("number-words"),
            one_words: lex("one-words"),
            scale_words: lex("scale-words"),
            vague: lex("vague-counts"),
            qualifiers: lex("qualifiers"),
            percent: lex("percent-words"),
            currency_symbols: lex("currency-symbols"),
            dollar_prefixes: lex("dollar-prefixes"),
            currency_codes: lex("currency-codes"),
            currency_words: lex("currency-words"),
            people: lex("people"),
            group_nouns: lex("group-nouns"),
            continuations: lex("count-continuations"),
            casualty_nouns: lex("casualty-nouns"),
            casualty_heads: lex("casualty-heads"),
            weapons: lex("weapons"),
            modifiers: lex("head-modifiers"),
            casualty_words: lex("casualty-words"),
            casualty_verbs: lex("casualty-verbs"),
            casualty_states: lex("casualty-states"),
            auxiliaries: lex("auxiliaries"),
            toll_nouns: lex("toll-nouns"),
            count_nouns: lex("count-nouns"),
            toll_verbs: lex("toll-verbs"),
            months: lex("months"),
            time_words: lex("time-words"),
            age_cues: lex("age-cues"),
            age_after: lex("age-after"),
            name_prefixes: lex("name-prefixes"),
            source_count_cues: lex("source-count-cues"),
            function_words: lex("function-words"),
            determiners: lex("determiners"),
            speech_verbs: lex("speech-verbs"),
            attribution_phrases: lex("attribution-phrases"),
            per_word: lex("per-word"),
            not_subject: lex("not-subject"),
            transparent: lex("transparent"),
            clause_openers: lex("clause-openers"),
            source_nouns: lex("source-nouns"),
            pointer_nouns: lex("pointer-nouns"),
            pointer_openers: lex("pointer-openers"),
            pointer_links: lex("pointer-links"),
            sources: vec![
                (SourceClass::StateMedia, lex("source-state-media")),
                (SourceClass::Authority, lex("source-authority")),
                (SourceClass::Party, lex("source-party")),
                (SourceClass::Monitors, lex("source-monitors")),
                (SourceClass::Anonymous, lex("source-anonymous")),
                (SourceClass::Witnesses, lex("source-witnesses")),
                (SourceClass::SocialMedia, lex("source-social-media")),
            ],
            caveats: Lex::new(pack.words("figure-caveats"), true),
            negated_caveats: Lex::new(pack.words("figure-negated-caveats"), true),
            negations: lex("negations"),
            prefilter,
        }
    }

    /// Whether a sentence may hold a figure: a digit, or a number, count or
    /// currency word somewhere in it.
    pub fn may_hold_figure(&self, text: &str) -> bool {
        text.bytes().any(|b| b.is_ascii_digit()) || self.prefilter.is_match(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(words: &[&str], adverbs: bool) -> Lex {
        Lex::new(&words.iter().map(|w| w.to_string()).collect::<Vec<_>>(), adverbs)
    }

    #[test]
    fn phrases_match_longest_and_with_adverbs() {
        let l = lex(&["at least", "at", "could not be verified"], true);
        let mut t = Tokens::default();
        t.tokenize("At least the claim could not be independently verified", 0);
        assert_eq!(l.at(&t, 0), Some(2));
        assert_eq!(l.find_in(&t, 1, t.len()), Some((4, 9)));
        assert!(!l.word(&t, 1));
    }

    #[test]
    fn hyphenated_parts_are_found() {
        let l = lex(&["Hamas"], false);
        let mut t = Tokens::default();
        t.tokenize("the Hamas-run ministry", 0);
        assert_eq!(l.find_in(&t, 0, 3), Some((1, 2)));
    }

    #[test]
    fn entries_with_dots_match_tokens() {
        let l = lex(&["a.m.", "U.N."], false);
        let mut t = Tokens::default();
        t.tokenize("4:30 a.m. the U.N. said", 0);
        assert_eq!(l.at(&t, 1), Some(2));
        assert_eq!(l.at(&t, 3), Some(4));
    }
}
