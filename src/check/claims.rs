//! `debunked-claim` (spec section 4): a sentence that repeats a claim
//! fact-checkers rated false, without marking it false.
//!
//! The literals every claim's regexes can start with go into an
//! Aho-Corasick automaton ([`LiteralIndex`]), scanned once per sentence:
//! only claims anchored on a literal of the sentence, whose other regexes
//! also have a literal there, compile their regexes (once, lazily, with
//! ASCII word boundaries and no engine that is slow to build) and run them. 5,000 claims cost one automaton scan
//! per sentence, not 15,000 regexes.
//!
//! A claim is a [`KnownClaim`]: its references (rating, reviewer, URL) and a
//! [`Matcher`]. Claims from the database match by regexes. Claims harvested
//! from the drafts of the run and the archive ([`super::harvest`]) are
//! learned in the first pass and compiled in `prepare`; they share the
//! marker rule. A sentence gets one finding per claim; a harvested claim
//! that matches the same words as another claim of the sentence (from the
//! database, or harvested in other words) joins its finding: one more note
//! and a label on the sentence that marked it false.

use super::harvest::{Harvested, Harvester, Hit, Index};
use super::literal_index::LiteralIndex;
use super::{Check, Context, Data, Learned, finding};
use crate::draft::Draft;
use crate::finding::{FileId, Finding, Label};
use crate::rules::claims::{self, Claim};
use crate::rules::{LoadError, Pack, Rule};
use regex::{Regex, RegexBuilder};
use regex_automata::meta;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// How a claim is recognised in a sentence.
enum Matcher {
    /// Indices into [`ClaimCheck::regexes`]: all must match in the sentence.
    Regexes(Range<usize>),
}

/// A claim known to be false, with what the editor needs to see.
struct KnownClaim {
    claim: Claim,
    matcher: Matcher,
}

pub struct ClaimCheck {
    rule: Rule,
    claims: Vec<KnownClaim>,
    patterns: Vec<String>,
    /// Pattern → its compiled regex in `regexes`: claims share patterns
    /// (`\b(Marek|he|she)\b`), and each is compiled once.
    compiled: Vec<u32>,
    regexes: Vec<OnceLock<Option<meta::Regex>>>,
    /// Claim `g` of [`ClaimCheck::claims`] is group `g`.
    index: LiteralIndex,
    markers: Option<Regex>,
    harvester: Option<Harvester>,
    harvested: Index,
    /// The database's findings for each checked draft, found while it was
    /// learned from: a streaming run uses them when no draft of the run
    /// marked a claim false (see [`Check::check_learned`]).
    early: HashMap<FileId, Vec<Finding>>,
}

/// What one draft teaches: the claims it marks false, and (for a checked
/// draft) the findings of the database in it.
struct Taught {
    harvested: Vec<Harvested>,
    findings: Vec<Finding>,
}

pub fn build(
    pack: &Pack,
    rule: Option<&Rule>,
    data: &Data,
    loaded: Option<Result<Vec<claims::Claim>, Vec<LoadError>>>,
) -> Result<Option<Box<dyn Check>>, Vec<LoadError>> {
    let Some(rule) = rule else { return Ok(None) };
    let loaded = loaded.unwrap_or_else(|| claims::load_all(&data.claims))?;
    // The harvester's regexes compile while the claims are indexed.
    let (mut check, harvester) = rayon::join(
        || ClaimCheck::new(rule.clone(), pack.words("claim-markers"), loaded),
        || Harvester::new(pack),
    );
    if !harvester.is_empty() {
        check.harvester = Some(harvester);
    }
    Ok(Some(Box::new(check)))
}

/// A case-insensitive alternation of phrases, as whole words.
pub fn phrase_regex(words: &[String]) -> Option<Regex> {
    let mut words: Vec<&String> = words.iter().filter(|w| !w.trim().is_empty()).collect();
    if words.is_empty() {
        return None;
    }
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let alts: Vec<String> = words
        .iter()
        .map(|w| regex::escape(w.trim()).replace(' ', r"\s+"))
        .collect();
    RegexBuilder::new(&crate::rules::ascii_boundaries(&format!(
        r"\b(?:{})\b",
        alts.join("|")
    )))
    .case_insensitive(true)
    .build()
    .ok()
}

impl ClaimCheck {
    fn new(rule: Rule, markers: &[String], loaded: Vec<Claim>) -> ClaimCheck {
        let mut patterns = Vec::new();
        let mut claims = Vec::new();
        for claim in loaded {
            let start = patterns.len();
            patterns.extend(claim.all.iter().cloned());
            claims.push(KnownClaim {
                matcher: Matcher::Regexes(start..patterns.len()),
                claim,
            });
        }
        let groups: Vec<Vec<String>> = claims
            .iter()
            .map(|k| {
                let Matcher::Regexes(ids) = &k.matcher;
                patterns[ids.clone()].to_vec()
            })
            .collect();
        let index = LiteralIndex::new(&groups);
        let mut slots: rustc_hash::FxHashMap<&str, u32> = Default::default();
        let compiled = patterns
            .iter()
            .map(|p| {
                let next = slots.len() as u32;
                *slots.entry(p.as_str()).or_insert(next)
            })
            .collect();
        let regexes = (0..slots.len()).map(|_| OnceLock::new()).collect();
        ClaimCheck {
            rule,
            claims,
            patterns,
            compiled,
            regexes,
            index,
            markers: phrase_regex(markers),
            harvester: None,
            harvested: Index::default(),
            early: HashMap::new(),
        }
    }

    /// Claim regex `i`, compiled on first use (with ASCII word boundaries,
    /// for speed). `None` if it does not compile (a size limit the loader's
    /// syntax check cannot see): then it matches nothing.
    fn regex(&self, i: usize) -> Option<&meta::Regex> {
        self.regexes[self.compiled[i] as usize]
            .get_or_init(|| {
                compile(&crate::rules::ascii_boundaries(&self.patterns[i]))
                    .or_else(|| compile(&self.patterns[i]))
            })
            .as_ref()
    }

    fn marked(&self, text: &str) -> bool {
        self.markers.as_ref().is_some_and(|m| m.is_match(text))
    }

    fn finding_for(&self, cx: &Context, claim: &Claim, span: Range<usize>) -> Finding {
        let mut f = finding(
            &self.rule,
            cx,
            span,
            format!(
                "repeats a claim rated `{}`: {}",
                claim.rating,
                claim.claim.trim_end_matches('.')
            ),
        );
        let by = claim
            .reviewed_by
            .as_deref()
            .map(|r| format!(" by {r}"))
            .unwrap_or_default();
        let on = claim.date.map(|d| format!(" on {d}")).unwrap_or_default();
        f.notes.push(format!(
            "rated `{}`{by}{on} (claim `{}` in {})",
            claim.rating, claim.id, claim.source
        ));
        if let Some(url) = &claim.url {
            f.notes.push(format!("fact check: {url}"));
        }
        f.notes.push(HELP);
        f
    }

    /// A finding for a harvested claim alone.
    fn harvested_finding(&self, cx: &Context, claim: &Harvested, span: Range<usize>) -> Finding {
        let mut f = finding(
            &self.rule,
            cx,
            span,
            format!(
                "repeats a claim marked false in {}: {}",
                claim.path,
                claim.display()
            ),
        );
        f.notes.push(HELP);
        f
    }

    /// Adds a harvested claim's reference to a finding: a note (before the
    /// help) and a label on the marking sentence, once per marking draft.
    fn add_reference(&self, f: &mut Finding, hit: &Hit) {
        let entry = &self.harvested.claims[hit.claim];
        let h = &entry.first;
        if f.labels
            .iter()
            .any(|l| l.file == h.file && l.span == h.sentence)
        {
            return;
        }
        let others = entry.markers.len() - 1;
        let also = if others > 0 {
            format!(
                " (and in {others} other draft{})",
                if others == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        };
        let at = f.notes.len() - usize::from(f.notes.last().is_some_and(|n| n == HELP));
        f.notes
            .insert(at, format!("marked false in {}:{}{also}", h.path, h.line));
        f.labels.push(Label {
            file: h.file,
            span: h.sentence.clone(),
            message: "marked false here".into(),
        });
    }
}

/// A claim regex as [`claims::compile`] builds it (same syntax, size limit
/// and matches), without the engines that cost more to build than they save
/// on one sentence: a full DFA and a one-pass DFA (hundreds of claim regexes
/// get compiled in a run; each runs on a few sentences).
fn compile(pattern: &str) -> Option<meta::Regex> {
    meta::Regex::builder()
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(1 << 22))
                .hybrid_cache_capacity(2 * (1 << 20))
                .match_kind(regex_automata::MatchKind::LeftmostFirst)
                .utf8_empty(true)
                .dfa(false)
                .onepass(false)
                // Sentences are short: a literal prefilter saves little
                // searching and costs much building, for hundreds of
                // patterns.
                .auto_prefilter(false),
        )
        .syntax(
            regex_automata::util::syntax::Config::new()
                .case_insensitive(true)
                .utf8(true),
        )
        .build(pattern)
        .ok()
}

const HELP: &str = "help: say in this sentence or the next that the claim is false, or cut it";

/// Whether a harvested hit matched the same words as a finding's: at least
/// half of the smaller of the two sets of words.
fn same_claim(matched: &[Range<usize>], hit: &Hit) -> bool {
    let shared = hit
        .words
        .iter()
        .filter(|w| matched.iter().any(|m| m.start <= w.start && w.end <= m.end))
        .count();
    shared > 0 && 2 * shared >= hit.words.len().min(matched.len())
}

impl Check for ClaimCheck {
    /// Claims harvested from other drafts are known only after all are read.
    fn needs_run(&self) -> bool {
        self.harvester.is_some()
    }

    fn learn(&self, draft: &Draft, cx: &Context) -> Option<Learned> {
        let harvested = self.harvester.as_ref()?.harvest(draft, cx.file);
        let mut findings = Vec::new();
        if cx.checked {
            self.find(draft, cx, &Index::default(), &mut findings);
        }
        Some(Box::new(Taught {
            harvested,
            findings,
        }))
    }

    fn prepare(&mut self, learned: Vec<(FileId, Learned)>) {
        let mut all: Vec<Harvested> = Vec::new();
        self.early.clear();
        for (file, l) in learned {
            if let Ok(t) = l.downcast::<Taught>() {
                all.extend(t.harvested);
                self.early.insert(file, t.findings);
            }
        }
        self.harvested = Index::new(all);
    }

    fn check(&self, draft: &Draft, cx: &Context, out: &mut Vec<Finding>) {
        self.find(draft, cx, &self.harvested, out);
    }

    /// With no claim harvested from the run, the findings are the
    /// database's, found in `learn`.
    fn check_learned(&self, cx: &Context, out: &mut Vec<Finding>) -> bool {
        if !self.harvested.is_empty() {
            return false;
        }
        out.extend(self.early.get(&cx.file).into_iter().flatten().cloned());
        true
    }
}

impl ClaimCheck {
    /// The findings of `draft`: claims of the database and of `harvested`.
    fn find(&self, draft: &Draft, cx: &Context, harvested: &Index, out: &mut Vec<Finding>) {
        if self.claims.is_empty() && harvested.is_empty() {
            return;
        }
        // The thread's scratch from its last draft, when it fits this index:
        // its stamps make it good as new, and it is as long as the index.
        let mut scratch = SCRATCH
            .take()
            .filter(|s| self.index.fits(s))
            .unwrap_or_else(|| self.index.scratch());
        let mut candidates: Vec<u32> = Vec::new();
        // One scan of the draft finds the literals of every sentence.
        let draft_hits = if self.claims.is_empty() {
            None
        } else {
            self.index.draft_hits(&draft.prose)
        };
        for (i, sentence) in draft.sentences.iter().enumerate() {
            let text = draft.prose(sentence.span.clone());
            candidates.clear();
            if !self.claims.is_empty() {
                match &draft_hits {
                    Some(hits) => self.index.candidates_in(
                        hits,
                        sentence.span.clone(),
                        &mut scratch,
                        &mut candidates,
                    ),
                    None => self.index.candidates(text, &mut scratch, &mut candidates),
                }
            }
            let hits = harvested.matches(text, cx.file);
            if candidates.is_empty() && hits.is_empty() {
                continue;
            }
            let marked = || {
                self.marked(text)
                    || draft
                        .next_in_paragraph(i)
                        .is_some_and(|n| self.marked(draft.prose(n.span.clone())))
            };
            // Findings of this sentence, with the words each matched
            // (relative to the sentence).
            let mut found: Vec<(Finding, Vec<Range<usize>>)> = Vec::new();
            let mut checked_markers = None;
            for known in candidates.iter().map(|&g| &self.claims[g as usize]) {
                let Matcher::Regexes(ids) = &known.matcher;
                if !ids
                    .clone()
                    .all(|r| self.regex(r).is_some_and(|re| re.is_match(text)))
                {
                    continue;
                }
                if *checked_markers.get_or_insert_with(marked) {
                    break;
                }
                let matched: Vec<Range<usize>> = ids
                    .clone()
                    .filter_map(|r| {
                        self.regex(r)
                            .and_then(|re| re.find(text))
                            .map(|m| m.range())
                    })
                    .collect();
                let start = matched.iter().map(|m| m.start).min().unwrap_or(0);
                let end = matched.iter().map(|m| m.end).max().unwrap_or(0);
                let span = if start < end {
                    sentence.span.start + start..sentence.span.start + end
                } else {
                    sentence.span.clone()
                };
                found.push((self.finding_for(cx, &known.claim, span), matched));
            }
            if !hits.is_empty() && !*checked_markers.get_or_insert_with(marked) {
                for hit in &hits {
                    if let Some((f, _)) = found.iter_mut().find(|(_, m)| same_claim(m, hit)) {
                        self.add_reference(f, hit);
                        continue;
                    }
                    let start = hit.words.first().map_or(0, |w| w.start);
                    let end = hit.words.last().map_or(0, |w| w.end);
                    let span = sentence.span.start + start..sentence.span.start + end;
                    let mut f =
                        self.harvested_finding(cx, &harvested.claims[hit.claim].first, span);
                    self.add_reference(&mut f, hit);
                    found.push((f, hit.words.clone()));
                }
            }
            out.extend(found.into_iter().map(|(f, _)| f));
        }
        SCRATCH.set(Some(scratch));
    }
}

thread_local! {
    static SCRATCH: std::cell::Cell<Option<crate::check::literal_index::Scratch>> =
        const { std::cell::Cell::new(None) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Kind;

    fn check(text: &str) -> Vec<String> {
        let pack = Pack::builtin().unwrap();
        let rule = pack
            .rules
            .iter()
            .find(|r| r.kind == Kind::DebunkedClaim)
            .unwrap()
            .clone();
        let claim = Claim {
            id: "canal".into(),
            claim: "The canal was finished in 2019".into(),
            rating: "False".into(),
            reviewed_by: Some("Desk".into()),
            url: Some("https://e.example/canal".into()),
            date: None,
            all: vec![
                r"\bcanal\b".into(),
                r"\b(finished|completed)\b".into(),
                r"\b2019\b".into(),
            ],
            source: "claims.toml".into(),
        };
        let c = ClaimCheck::new(rule, pack.words("claim-markers"), vec![claim]);
        crate::check::check_text(&c, text)
            .iter()
            .map(|f| text[f.span.clone()].to_string())
            .collect()
    }

    #[test]
    fn flags_a_plain_repeat_and_spans_the_matched_words() {
        assert_eq!(
            check("Officials said the canal was completed in 2019 after delays."),
            vec!["canal was completed in 2019"]
        );
    }

    #[test]
    fn a_marker_in_the_sentence_or_the_next_one_silences() {
        assert!(check("He falsely said the canal was finished in 2019.").is_empty());
        assert!(check("He said the canal was finished in 2019. That is not true.").is_empty());
        assert_eq!(
            check("He said the canal was finished in 2019.\n\nThat is not true.").len(),
            1
        );
        assert!(check("The canal opened. It was finished in 2019.").is_empty());
    }
}
