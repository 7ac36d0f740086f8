//! The generic style kinds: `existence` flags any match; `substitution`
//! flags a wrong form and carries the right one as a fix.
//!
//! Every literal of every style rule goes into one Aho-Corasick automaton,
//! searched once per draft; regexes go into one `RegexSet` that says which
//! rules can match a paragraph before any of them runs.

use super::{Check, Context, fill};
use crate::draft::Draft;
use crate::finding::{Finding, Fix, Severity};
use crate::rules::{Kind, Rule};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

struct StyleRule {
    id: String,
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
    /// Literals that match case-insensitively (ASCII) and case-sensitively.
    literals: [(Option<AhoCorasick>, Vec<Target>); 2],
    regex_set: Option<RegexSet>,
    regexes: Vec<(Regex, Target)>,
}

impl PatternCheck {
    /// Rules must have been validated by the loader (their regexes compile).
    pub fn new(rules: &[&Rule]) -> PatternCheck {
        let mut style = Vec::new();
        let mut lits: [(Vec<String>, Vec<Target>); 2] = Default::default();
        let mut regexes = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            style.push(StyleRule {
                id: rule.id.clone(),
                severity: rule.severity,
                message: rule.message.clone().unwrap_or_default(),
            });
            let mut add_literal = |text: &str, replacement: Option<String>| {
                let slot = usize::from(!rule.ignore_case);
                lits[slot].0.push(text.to_string());
                lits[slot].1.push(Target {
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
            let mut add_regex = |pattern: &str, replacement: Option<String>| {
                let re = RegexBuilder::new(&crate::rules::ascii_boundaries(pattern))
                    .case_insensitive(rule.ignore_case)
                    .unicode(true)
                    .build()
                    .expect("validated when the rule was loaded");
                regexes.push((
                    re,
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
        let [(ci_words, ci_targets), (cs_words, cs_targets)] = lits;
        let automaton = |words: &[String], ci: bool| {
            (!words.is_empty()).then(|| {
                // A DFA, even for hundreds of words: it is several times
                // faster to search than the default NFA, and built once.
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(ci)
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(words)
                    .expect("literal automaton")
            })
        };
        let regex_set = (!regexes.is_empty()).then(|| {
            let flagged = regexes.iter().map(|(r, t): &(Regex, Target)| {
                let ci = rules[t.rule].ignore_case;
                format!("{}(?:{})", if ci { "(?i)" } else { "" }, r.as_str())
            });
            RegexSetBuilder::new(flagged)
                .build()
                .expect("patterns compiled one by one")
        });
        PatternCheck {
            rules: style,
            literals: [
                (automaton(&ci_words, true), ci_targets),
                (automaton(&cs_words, false), cs_targets),
            ],
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
                .map(|r| format!("help: replace with `{r}`"))
                .collect(),
            fix: replacement.map(|replacement| Fix { span, replacement }),
        }
    }
}

impl Check for PatternCheck {
    fn check(&self, draft: &Draft, cx: &Context, out: &mut Vec<Finding>) {
        let prose = draft.prose.as_str();
        for (automaton, targets) in &self.literals {
            let Some(ac) = automaton else { continue };
            for m in ac.find_iter(prose) {
                if is_word_bounded(prose, m.start(), m.end()) {
                    out.push(self.finding(
                        cx,
                        &targets[m.pattern().as_usize()],
                        draft,
                        m.start()..m.end(),
                    ));
                }
            }
        }
        if let Some(set) = &self.regex_set {
            // The set says which patterns match a paragraph at all; only
            // those run to find where.
            for para in &draft.paragraphs {
                let text = &prose[para.span.clone()];
                let hits = set.matches(text);
                for i in hits.iter() {
                    let (re, target) = &self.regexes[i];
                    for m in re.find_iter(text) {
                        let span = para.span.start + m.start()..para.span.start + m.end();
                        if !m.as_str().trim().is_empty() {
                            out.push(self.finding(cx, target, draft, span));
                        }
                    }
                }
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
