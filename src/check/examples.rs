//! Every rule carries examples of text that must (`bad`) and must not
//! (`good`) trigger it. This runs them, for the built-in pack in the test
//! suite and for a newsroom's pack with `copydesk rules --test`.
//!
//! An example is one draft, or several separated by a line `%%%` (for checks
//! that compare drafts): then only the last draft is checked, and the others
//! are checked with it, as drafts of the same run.

use crate::date::Date;
use crate::draft::Draft;
use crate::rules::Rule;
use crate::run::{Engine, analyze};

/// An example that did not behave as its rule says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    pub rule: String,
    pub origin: String,
    pub example: String,
    /// `bad` examples must trigger the rule, `good` ones must not.
    pub expected_finding: bool,
    /// What the rule reported instead (for a good example).
    pub got: Vec<String>,
}

/// A fixed date so examples give the same answer every day.
pub const EXAMPLE_DATE: Date = Date {
    year: 2025,
    month: 6,
    day: 20,
};

pub const DRAFT_SEPARATOR: &str = "\n%%%\n";

/// Runs the examples of `rules` (all rules of the engine's pack when `None`).
pub fn run(engine: &mut Engine, only: Option<&[String]>) -> (usize, Vec<ExampleFailure>) {
    let rules: Vec<Rule> = engine
        .pack
        .rules
        .iter()
        .filter(|r| only.is_none_or(|ids| ids.iter().any(|id| **id == *r.id)))
        .cloned()
        .collect();
    let mut count = 0;
    let mut failures = Vec::new();
    for rule in &rules {
        for (expected, examples) in [(true, &rule.bad), (false, &rule.good)] {
            for example in examples {
                count += 1;
                let got = findings_for(engine, &rule.id, example);
                if got.is_empty() == expected {
                    failures.push(ExampleFailure {
                        rule: rule.id.to_string(),
                        origin: format!("{}:{}", rule.origin.path, rule.origin.line()),
                        example: example.clone(),
                        expected_finding: expected,
                        got,
                    });
                }
            }
        }
    }
    (count, failures)
}

/// The messages of `rule`'s findings on the last draft of `example`.
pub fn findings_for(engine: &mut Engine, rule: &str, example: &str) -> Vec<String> {
    let parts: Vec<&str> = example.split(DRAFT_SEPARATOR).collect();
    let lang = engine.language.clone();
    let mut drafts: Vec<Draft> = Vec::new();
    // The checked draft comes first so that its file id is 0.
    let last = parts.len() - 1;
    drafts.push(Draft::parse("example.md", parts[last], &lang));
    for (i, p) in parts[..last].iter().enumerate() {
        drafts.push(Draft::parse(format!("example-{i}.md"), *p, &lang));
    }
    analyze(engine, &drafts, &[], EXAMPLE_DATE)
        .into_iter()
        .filter(|f| &*f.rule == rule && f.file == 0)
        .map(|f| f.message)
        .collect()
}
