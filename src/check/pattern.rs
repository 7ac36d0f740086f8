//! The generic style kinds: `existence` flags any match; `substitution`
//! flags a wrong form and carries the right one as a fix.
//!
//! Every literal of every style rule goes into one Aho-Corasick automaton,
//! searched once per draft. Regexes are found through the literals every
//! match must start or end with (`unique` in `(very|really) unique`): one
//! more automaton of those says which regexes can match which paragraphs,
//! and only those run there. Regexes without such literals go into one
//! `RegexSet` that says which of them can match a paragraph.

use super::{Check, Context, fill};
use crate::draft::Draft;
use crate::finding::{Finding, Fix, Severity};
use crate::rules::{Kind, Rule};
use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use rayon::prelude::*;
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

struct StyleRule {
    id: crate::finding::RuleId,
    severity: Severity,
    message: String,
}

/// What to do with one literal or regex when it matches.
struct Target {
    rule: usize,
    replacement: Option<String>,
}

pub struct PatternCheck {
    rules: Vec<StyleRule>,
    /// Every literal of the style rules and every anchor of their regexes,
    /// in one automaton searched once per draft (ASCII case-insensitively,
    /// overlapping: the leftmost-longest choice is made afterwards, per
    /// group).
    automaton: Option<DFA>,
    /// For a small pack, the same words in ASCII lower case, for a
    /// leftmost search of the lowercased prose: it uses a SIMD prefilter,
    /// which no ASCII case-insensitive overlapping search of a few dozen
    /// words gets, so that `automaton` runs only where a word starts.
    starts: Option<AhoCorasick>,
    /// What each pattern of `automaton` is, and its text.
    hits: Vec<Hit>,
    words: Vec<String>,
    /// The longest of `words`, in bytes.
    longest: usize,
    /// The literal targets (`Hit::Literal` indexes them).
    targets: Vec<Target>,
    /// The regexes without anchors, and their indices.
    regex_set: Option<(RegexSet, Vec<usize>)>,
    regexes: Vec<(Regex, Target)>,
}

#[derive(Clone, Copy)]
enum Hit {
    /// A literal of `targets`, matched case-insensitively or not.
    Literal { target: usize, ignore_case: bool },
    /// An anchor of regex `regexes[i]`: one of the literals every match of
    /// it starts or ends with (`unique` in `(very|really) unique`).
    Anchor(usize),
}

/// Up to this many words, a leftmost search of them gets a SIMD prefilter
/// (aho-corasick's Teddy takes 64 patterns).
const MAX_PACKED: usize = 64;

/// Literals shorter than this say too little to be worth a prefilter.
const MIN_ANCHOR: usize = 3;
/// Nor are regexes with more alternatives than this anchored.
const MAX_ANCHORS: usize = 64;

/// Literals (lowercase) such that every match of `pattern` starts, or every
/// match ends, with one of them; `None` when there are no good ones.
fn anchor_literals(pattern: &str) -> Option<Vec<String>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    [ExtractKind::Prefix, ExtractKind::Suffix]
        .into_iter()
        .find_map(|kind| {
            let mut ex = Extractor::new();
            ex.kind(kind);
            let seq = ex.extract(&hir);
            let lits = seq.literals()?;
            let mut words: Vec<String> = lits
                .iter()
                .map(|l| String::from_utf8_lossy(l.as_bytes()).to_ascii_lowercase())
                .collect();
            words.sort();
            words.dedup();
            let good = !words.is_empty()
                && words.len() <= MAX_ANCHORS
                && words.iter().all(|w| w.trim().len() >= MIN_ANCHOR);
            good.then_some(words)
        })
}

impl PatternCheck {
    /// Rules must have been validated by the loader (their regexes compile).
    pub fn new<'a>(rules: &[&'a Rule]) -> PatternCheck {
        let mut style = Vec::new();
        let mut words: Vec<String> = Vec::new();
        let mut hits: Vec<Hit> = Vec::new();
        let mut targets: Vec<Target> = Vec::new();
        // The regexes to compile: pattern, case-insensitivity, target.
        let mut specs: Vec<(&str, bool, Target)> = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            style.push(StyleRule {
                id: rule.id.clone(),
                severity: rule.severity,
                message: rule.message.clone().unwrap_or_default(),
            });
            let mut add_literal = |text: &str, replacement: Option<String>| {
                words.push(text.to_string());
                hits.push(Hit::Literal {
                    target: targets.len(),
                    ignore_case: rule.ignore_case,
                });
                targets.push(Target {
                    rule: i,
                    replacement,
                });
            };
            match rule.kind {
                Kind::Existence => {
                    for t in &rule.tokens {
                        add_literal(&t.value, None);
                    }
                }
                Kind::Substitution if !rule.regex => {
                    for (from, to) in &rule.swap {
                        add_literal(&from.value, Some(to.value.clone()));
                    }
                }
                _ => {}
            }
            let mut add_regex = |pattern: &'a str, replacement: Option<String>| {
                specs.push((
                    pattern,
                    rule.ignore_case,
                    Target {
                        rule: i,
                        replacement,
                    },
                ));
            };
            match rule.kind {
                Kind::Existence => {
                    for p in &rule.patterns {
                        add_regex(&p.value, None);
                    }
                }
                Kind::Substitution if rule.regex => {
                    for (from, to) in &rule.swap {
                        add_regex(&from.value, Some(to.value.clone()));
                    }
                }
                _ => {}
            }
        }
        // Compiling a big pack's regexes is most of its start-up: on every
        // core, kept in rule order.
        let compiled: Vec<(Regex, Option<Vec<String>>)> = specs
            .par_iter()
            .map(|(pattern, ignore_case, _)| {
                let re = RegexBuilder::new(&crate::rules::ascii_boundaries(pattern))
                    .case_insensitive(*ignore_case)
                    .unicode(true)
                    .build()
                    .expect("validated when the rule was loaded");
                let anchors = anchor_literals(re.as_str());
                (re, anchors)
            })
            .collect();
        let mut regexes = Vec::with_capacity(compiled.len());
        let mut unanchored = Vec::new();
        for (i, ((re, anchors), (_, _, t))) in compiled.into_iter().zip(specs).enumerate() {
            match anchors {
                Some(anchors) => {
                    hits.extend(std::iter::repeat_n(Hit::Anchor(i), anchors.len()));
                    words.extend(anchors);
                }
                None => unanchored.push((i, rules[t.rule].ignore_case)),
            }
            regexes.push((re, t));
        }
        let starts =
            (!words.is_empty() && words.len() <= MAX_PACKED && words.iter().all(|w| !w.is_empty()))
                .then(|| {
                    AhoCorasickBuilder::new()
                        .match_kind(MatchKind::LeftmostFirst)
                        .build(words.iter().map(|w| w.to_ascii_lowercase()))
                        .expect("literal automaton")
                });
        // A DFA, even for hundreds of words: several times faster to search
        // than the default NFA, and built once. With `starts`, it is only
        // ever started where a word does.
        let automaton = (!words.is_empty()).then(|| {
            words_dfa(
                &words,
                if starts.is_some() {
                    StartKind::Anchored
                } else {
                    StartKind::Unanchored
                },
            )
        });
        let regex_set = (!unanchored.is_empty()).then(|| {
            let flagged = unanchored.iter().map(|&(i, ci)| {
                format!(
                    "{}(?:{})",
                    if ci { "(?i)" } else { "" },
                    regexes[i].0.as_str()
                )
            });
            let set = RegexSetBuilder::new(flagged)
                .build()
                .expect("patterns compiled one by one");
            (set, unanchored.iter().map(|&(i, _)| i).collect())
        });
        PatternCheck {
            rules: style,
            automaton,
            starts,
            longest: words.iter().map(String::len).max().unwrap_or(0),
            hits,
            words,
            targets,
            regex_set,
            regexes,
        }
    }

    fn finding(
        &self,
        cx: &Context,
        target: &Target,
        draft: &Draft,
        span: std::ops::Range<usize>,
    ) -> Finding {
        let rule = &self.rules[target.rule];
        let matched = &draft.text[span.clone()];
        let replacement = target
            .replacement
            .as_deref()
            .map(|r| keep_initial_case(matched, r));
        let message = fill(&rule.message, matched, replacement.as_deref().unwrap_or(""));
        Finding {
            file: cx.file,
            rule: rule.id.clone(),
            kind: "pattern",
            severity: rule.severity,
            message,
            span: span.clone(),
            labels: Vec::new(),
            notes: replacement
                .iter()
                .map(|r| format!("help: replace with `{r}`").into())
                .collect::<Vec<_>>()
                .into(),
            fix: replacement.map(|replacement| Box::new(Fix { span, replacement })),
        }
    }
}

impl Check for PatternCheck {
    fn check(&self, draft: &Draft, cx: &Context, out: &mut Vec<Finding>) {
        let prose = draft.prose.as_str();
        // Literal matches as (start, end, target), per case group.
        let mut literals: [Vec<(usize, usize, usize)>; 2] = Default::default();
        // (regex, paragraph) pairs worth running.
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let paragraph_of = |at: usize| {
            let p = draft.paragraphs.partition_point(|p| p.span.end <= at);
            draft
                .paragraphs
                .get(p)
                .is_some_and(|para| para.span.start <= at)
                .then_some(p)
        };
        let mut hit = |start: usize, end: usize, pattern: usize| match self.hits[pattern] {
            Hit::Literal {
                target,
                ignore_case,
            } => {
                // Case-sensitive words must match exactly, and every word
                // as a whole word: a part of a longer word hides no match.
                if (ignore_case || prose[start..end] == self.words[pattern])
                    && is_word_bounded(prose, start, end)
                {
                    literals[usize::from(!ignore_case)].push((start, end, target));
                }
            }
            Hit::Anchor(i) => runs.extend(paragraph_of(start).map(|p| (i, p))),
        };
        match (&self.automaton, &self.starts) {
            (Some(ac), Some(starts)) => {
                // Every match starts where the leftmost search from the
                // byte after the last such start finds one; there, the
                // anchored overlapping search finds them all.
                let lower = draft.prose_lower();
                let mut at = 0;
                while let Some(first) = starts.find(Input::new(lower).range(at..)) {
                    overlapping(ac, prose.as_bytes(), first.start(), Anchored::Yes, &mut hit);
                    at = first.start() + 1;
                }
            }
            (Some(ac), None) => {
                overlapping_in_lanes(ac, prose.as_bytes(), self.longest, &mut hit);
            }
            _ => {}
        }
        for group in &mut literals {
            // Leftmost-longest, as a search would choose: the earliest
            // match, the longest there, then on after its end.
            group.sort_unstable_by_key(|&(start, end, target)| {
                (start, std::cmp::Reverse(end), target)
            });
            let mut from = 0;
            for &(start, end, target) in group.iter() {
                if start < from {
                    continue;
                }
                from = end;
                out.push(self.finding(cx, &self.targets[target], draft, start..end));
            }
        }
        if let Some((set, index)) = &self.regex_set {
            // The set says which patterns match a paragraph at all.
            for (p, para) in draft.paragraphs.iter().enumerate() {
                for i in set.matches(&prose[para.span.clone()]).iter() {
                    runs.push((index[i], p));
                }
            }
        }
        runs.sort_unstable();
        runs.dedup();
        for (i, p) in runs {
            let (re, target) = &self.regexes[i];
            let para = &draft.paragraphs[p];
            let text = &prose[para.span.clone()];
            for m in re.find_iter(text) {
                let span = para.span.start + m.start()..para.span.start + m.end();
                if !m.as_str().trim().is_empty() {
                    out.push(self.finding(cx, target, draft, span));
                }
            }
        }
    }
}

/// The automaton [`overlapping`] reads: `words`, ASCII case-insensitively,
/// every match reported, no prefilter.
fn words_dfa<W: AsRef<[u8]>>(words: &[W], start: StartKind) -> DFA {
    DFA::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .prefilter(false)
        .start_kind(start)
        .build(words)
        .expect("literal automaton")
}

/// Every match of `dfa` (built by [`words_dfa`]) in `hay` from byte
/// `from`, or only those that start there when `anchored`, as (start, end,
/// pattern): what aho-corasick's overlapping search finds, by a loop that
/// keeps its state in registers and reads a big pack's automaton several
/// times faster.
fn overlapping(
    dfa: &DFA,
    hay: &[u8],
    from: usize,
    anchored: Anchored,
    hit: &mut impl FnMut(usize, usize, usize),
) {
    let Ok(mut sid) = dfa.start_state(anchored) else {
        return;
    };
    let mut report = |sid, end: usize| {
        for k in 0..dfa.match_len(sid) {
            let p = dfa.match_pattern(sid, k);
            hit(end - dfa.pattern_len(p), end, p.as_usize());
        }
    };
    // An empty word matches where the search starts.
    if dfa.is_match(sid) {
        report(sid, from);
    }
    for (i, &b) in hay[from..].iter().enumerate() {
        sid = dfa.next_state(anchored, sid, b);
        // Without a prefilter, only dead and match states are special.
        if dfa.is_special(sid) {
            if dfa.is_dead(sid) {
                return;
            }
            if dfa.is_match(sid) {
                report(sid, from + i + 1);
            }
        }
    }
}

/// How many parts of a draft [`overlapping_in_lanes`] reads at once.
const LANES: usize = 4;

/// Every match of an unanchored `dfa` (built by [`words_dfa`]) in `hay`, as
/// [`overlapping`] finds them, in another order. The draft is cut into
/// [`LANES`] parts read side by side, one byte of each in turn: each step
/// of one part waits on the last (a look-up in a table too big for the
/// fastest cache), and the parts' look-ups overlap. A part's scan starts
/// `longest` bytes before it, so that it sees every match ending in it,
/// and reports only those.
fn overlapping_in_lanes(
    dfa: &DFA,
    hay: &[u8],
    longest: usize,
    hit: &mut impl FnMut(usize, usize, usize),
) {
    let Ok(start) = dfa.start_state(Anchored::No) else {
        return;
    };
    // An empty word matches everywhere; a short draft is not worth it.
    if dfa.is_match(start) || hay.len() < LANES * (longest + 64) {
        return overlapping(dfa, hay, 0, Anchored::No, hit);
    }
    let part = hay.len() / LANES;
    // Lane `k` reports the matches ending in `ends[k]..=ends[k + 1]` (from
    // 1 for the first), reading from `from[k]`.
    let ends: [usize; LANES + 1] =
        std::array::from_fn(|k| if k == LANES { hay.len() } else { k * part });
    let from: [usize; LANES] = std::array::from_fn(|k| ends[k].saturating_sub(longest));
    let mut sid = [start; LANES];
    let mut report = |k: usize, sid, end: usize| {
        if end <= ends[k] {
            return;
        }
        for m in 0..dfa.match_len(sid) {
            let p = dfa.match_pattern(sid, m);
            hit(end - dfa.pattern_len(p), end, p.as_usize());
        }
    };
    let steps = (0..LANES).map(|k| ends[k + 1] - from[k]).min().unwrap_or(0);
    // The step is written out in both loops: as one closure over the lanes'
    // states, the 500-rule search took a fifth more time.
    for step in 0..steps {
        for k in 0..LANES {
            let i = from[k] + step;
            sid[k] = dfa.next_state(Anchored::No, sid[k], hay[i]);
            // Unanchored, only match states are special.
            if dfa.is_special(sid[k]) && dfa.is_match(sid[k]) {
                report(k, sid[k], i + 1);
            }
        }
    }
    for k in 0..LANES {
        let rest = from[k] + steps;
        for (i, &b) in hay[rest..ends[k + 1]].iter().enumerate() {
            sid[k] = dfa.next_state(Anchored::No, sid[k], b);
            if dfa.is_special(sid[k]) && dfa.is_match(sid[k]) {
                report(k, sid[k], rest + i + 1);
            }
        }
    }
}

/// A literal matches only as a whole word or phrase.
fn is_word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    !word(before) && !word(after)
}

/// `E-mail` → `Email`: keep a capital at the start of a sentence.
fn keep_initial_case(matched: &str, replacement: &str) -> String {
    let upper = matched.chars().next().is_some_and(char::is_uppercase);
    let repl_lower = replacement.chars().next().is_some_and(char::is_lowercase);
    let all_lower_matched = matched.chars().skip(1).all(|c| !c.is_uppercase());
    if upper && repl_lower && all_lower_matched {
        let mut c = replacement.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        replacement.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// A pack whose words overlap and nest: `mail` in `e-mail`, a case-
    /// sensitive word, a phrase, a regex anchored on words that share a
    /// start with a literal.
    const PACK: &str = r#"
[[rule]]
id = "swap"
kind = "substitution"
message = "m"
swap = { "e-mail" = "email", "mail" = "post", "web site" = "website", "site" = "place" }

[[rule]]
id = "exact"
kind = "substitution"
message = "m"
ignore_case = false
swap = { "Web" = "web", "ee" = "e" }

[[rule]]
id = "re"
kind = "substitution"
message = "m"
regex = true
swap = { "e-?mail(?:s|ed)" = "emailed" }

[[rule]]
id = "there"
kind = "existence"
message = "m"
tokens = ["a", "an e"]
"#;

    fn check(text: &str, use_starts: bool) -> Vec<(std::ops::Range<usize>, String)> {
        let mut pack = crate::rules::Pack::default();
        let mut errors = Vec::new();
        pack.add_file("p.toml", Arc::from(PACK), &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        let rules: Vec<&Rule> = pack.rules.iter().collect();
        let mut c = PatternCheck::new(&rules);
        assert!(c.starts.is_some());
        if !use_starts {
            // One unanchored search of every byte, as for a big pack.
            c.starts = None;
            c.automaton = Some(words_dfa(&c.words, StartKind::Unanchored));
        }
        crate::check::check_text(&c, text)
            .into_iter()
            .map(|f| (f.span, f.message.to_string()))
            .collect()
    }

    #[test]
    fn overlapping_and_nested_words_are_all_found() {
        let text = "An e-mail, E-MAILS and a web site: Web mail. Emailed ee a site.";
        let found = check(text, true);
        let words: Vec<&str> = found.iter().map(|(r, _)| &text[r.clone()]).collect();
        assert_eq!(
            words,
            // Each group leftmost-longest (`An e` hides `e-mail`), then
            // the case-sensitive group, then the regex.
            [
                "An e", "mail", "a", "web site", "mail", "a", "site", "Web", "ee", "E-MAILS",
                "Emailed"
            ]
        );
        assert_eq!(found, check(text, false));
    }

    #[test]
    fn a_part_of_a_longer_word_hides_no_match() {
        // `e-mail` inside `xe-mail` is no match, so it does not hide `mail`.
        for use_starts in [true, false] {
            let found = check("Send xe-mail now.", use_starts);
            let spans: Vec<_> = found.iter().map(|f| f.0.clone()).collect();
            assert_eq!(spans, vec![8..12]);
        }
    }

    /// Matches by [`overlapping`], and by aho-corasick's own overlapping
    /// search, anchored at `from` or not.
    fn both(
        words: &[&str],
        hay: &str,
        from: usize,
        anchored: bool,
    ) -> [Vec<(usize, usize, usize)>; 2] {
        let kind = if anchored {
            StartKind::Anchored
        } else {
            StartKind::Unanchored
        };
        let a = if anchored {
            Anchored::Yes
        } else {
            Anchored::No
        };
        let dfa = words_dfa(words, kind);
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .start_kind(kind)
            .build(words)
            .expect("automaton");
        let mut ours = Vec::new();
        overlapping(&dfa, hay.as_bytes(), from, a, &mut |s, e, p| {
            ours.push((s, e, p))
        });
        let mut theirs = Vec::new();
        let mut state = aho_corasick::automaton::OverlappingState::start();
        let input = Input::new(hay).range(from..).anchored(a);
        loop {
            ac.find_overlapping(input.clone(), &mut state);
            let Some(m) = state.get_match() else { break };
            theirs.push((m.start(), m.end(), m.pattern().as_usize()));
        }
        [ours, theirs]
    }

    #[test]
    fn the_scan_finds_what_aho_corasick_finds() {
        let words = ["he", "she", "his", "hers", "e-mail", "MAIL", "’s"];
        for hay in ["ushers", "She sent his E-Mail’s hers", "", "hhhe"] {
            for from in 0..=hay.len() {
                for anchored in [false, true] {
                    let [ours, theirs] = both(&words, hay, from, anchored);
                    assert_eq!(ours, theirs, "{hay:?} from {from}, anchored {anchored}");
                }
            }
        }
        // Every match, overlapping: `she` and `he`, then `hers`.
        assert_eq!(
            both(&words, "ushers", 0, false)[0],
            [(1, 4, 1), (2, 4, 0), (2, 6, 3)]
        );
        // An empty word matches at every byte.
        let [ours, theirs] = both(&["", "ab"], "xab", 0, false);
        assert_eq!(ours, theirs);
        let empties: std::collections::BTreeSet<usize> =
            ours.iter().filter(|m| m.2 == 0).map(|m| m.0).collect();
        assert_eq!(empties.into_iter().collect::<Vec<_>>(), [0, 1, 2, 3]);
    }

    proptest::proptest! {
        #[test]
        fn the_scan_finds_what_aho_corasick_finds_anywhere(
            words in proptest::collection::vec("[abAB’-]{1,4}", 1..6),
            hay in "[abAB’ -]{0,30}",
            from in 0usize..32,
            anchored: bool,
        ) {
            let from = from.min(hay.len());
            proptest::prop_assume!(hay.is_char_boundary(from));
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let [ours, theirs] = both(&words, &hay, from, anchored);
            proptest::prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn the_scan_in_lanes_finds_what_one_scan_finds(
            words in proptest::collection::vec("[abAB’-]{1,6}", 1..8),
            hay in "[abAB’ -]{260,700}",
        ) {
            let dfa = words_dfa(&words, StartKind::Unanchored);
            let longest = words.iter().map(String::len).max().unwrap_or(0);
            let mut one = Vec::new();
            overlapping(&dfa, hay.as_bytes(), 0, Anchored::No, &mut |s, e, p| one.push((s, e, p)));
            let mut lanes = Vec::new();
            overlapping_in_lanes(&dfa, hay.as_bytes(), longest, &mut |s, e, p| {
                lanes.push((s, e, p))
            });
            lanes.sort_unstable();
            one.sort_unstable();
            proptest::prop_assert_eq!(lanes, one);
        }

        #[test]
        fn searching_from_word_starts_finds_what_one_overlapping_search_finds(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "e-", "E-", "mail", "MAIL", "s", "ed", "web", "Web", " ", "site", "a", "An",
                "an e", "ee", "E", "x", "’", ".", "\n\n", "-",
            ]), 0..40)
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(check(&text, true), check(&text, false));
        }
    }
}
