//! A finding: one result of one rule at one place in a draft. Checks produce
//! findings; reporters print them.

use serde::Serialize;
use std::borrow::Cow;
use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

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

/// A rule's id, shared by the rule and every finding of it: a run can have
/// hundreds of thousands of findings, and copying the id into each one
/// would be an allocation apiece.
pub type RuleId = Arc<str>;

/// A note's or label's text: most are constant help texts, which are
/// borrowed rather than copied into every finding.
pub type Text = Cow<'static, str>;

/// A secondary place that explains a finding, possibly in another file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Range<usize>,
    pub message: Text,
}

/// A machine-applicable fix: replace `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub span: Range<usize>,
    pub replacement: String,
}

/// A finding's notes: a list that can also be a constant one
/// ([`Notes::fixed`]), which costs no allocation. Reads as a slice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notes(Cow<'static, [Text]>);

impl Notes {
    /// Notes that every finding of a kind shares.
    pub const fn fixed(notes: &'static [Text]) -> Notes {
        Notes(Cow::Borrowed(notes))
    }

    pub fn push(&mut self, note: impl Into<Text>) {
        self.0.to_mut().push(note.into());
    }

    pub fn insert(&mut self, at: usize, note: impl Into<Text>) {
        self.0.to_mut().insert(at, note.into());
    }
}

impl Deref for Notes {
    type Target = [Text];

    fn deref(&self) -> &[Text] {
        &self.0
    }
}

impl<'a> IntoIterator for &'a Notes {
    type Item = &'a Text;
    type IntoIter = std::slice::Iter<'a, Text>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl From<Vec<Text>> for Notes {
    fn from(notes: Vec<Text>) -> Notes {
        Notes(Cow::Owned(notes))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub file: FileId,
    pub rule: RuleId,
    /// `title-consistency`, `unattributed-figure`, `unverified-figure`,
    /// `debunked-claim` or `pattern`.
    pub kind: &'static str,
    pub severity: Severity,
    pub message: String,
    pub span: Range<usize>,
    pub labels: Vec<Label>,
    /// Notes; a note that tells the editor what to do starts with `help: `.
    pub notes: Notes,
    /// Boxed: most findings have none, and the box keeps them small.
    pub fix: Option<Box<Fix>>,
}

impl Finding {
    /// The order every output uses: file, start, rule, then the rest so that
    /// equal findings sort stably.
    pub fn sort_key(&self) -> (FileId, usize, &str, usize) {
        (self.file, self.span.start, &self.rule, self.span.end)
    }
}
