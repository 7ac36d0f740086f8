//! A finding: one result of one rule at one place in a draft. Checks produce
//! findings; reporters print them.

use serde::Serialize;
use std::fmt;
use std::ops::Range;

/// An index into the run's file table ([`crate::run::Report::files`]).
pub type FileId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary place that explains a finding, possibly in another file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Range<usize>,
    pub message: String,
}

/// A machine-applicable fix: replace `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub span: Range<usize>,
    pub replacement: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub file: FileId,
    pub rule: String,
    /// `title-consistency`, `unattributed-figure`, `unverified-figure`,
    /// `debunked-claim` or `pattern`.
    pub kind: &'static str,
    pub severity: Severity,
    pub message: String,
    pub span: Range<usize>,
    pub labels: Vec<Label>,
    /// Notes; a note that tells the editor what to do starts with `help: `.
    pub notes: Vec<String>,
    pub fix: Option<Fix>,
}

impl Finding {
    /// The order every output uses: file, start, rule, then the rest so that
    /// equal findings sort stably.
    pub fn sort_key(&self) -> (FileId, usize, &str, usize) {
        (self.file, self.span.start, &self.rule, self.span.end)
    }
}
