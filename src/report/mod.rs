//! Reporting: one module per output format. Reporters read a finished
//! [`Report`]; no check knows about output formats.

pub mod explain;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::run::Report;
use crate::source::SourceFile;
use codespan_reporting::files::{Error as FilesError, Files};
use std::ops::Range;

/// The output formats of `copydesk check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands: one annotation per finding.
    Github,
}

/// The run's file table, as codespan-reporting wants it.
pub struct FileTable<'a>(pub &'a [SourceFile]);

impl<'a> Files<'a> for FileTable<'a> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, FilesError> {
        self.0
            .get(id)
            .map(|f| f.path.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, FilesError> {
        self.0
            .get(id)
            .map(|f| f.text.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, FilesError> {
        Ok(self
            .0
            .get(id)
            .ok_or(FilesError::FileMissing)?
            .line_index(byte_index))
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, FilesError> {
        let f = self.0.get(id).ok_or(FilesError::FileMissing)?;
        if line_index >= f.line_count() {
            return Err(FilesError::LineTooLarge {
                given: line_index,
                max: f.line_count() - 1,
            });
        }
        Ok(f.line_start(line_index)..f.line_start(line_index + 1))
    }
}

/// "3 warnings in 2 drafts", for the summary line.
pub fn summary(report: &Report) -> String {
    use crate::finding::Severity;
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut parts = Vec::new();
    for (s, word) in [
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Info, "note"),
    ] {
        let n = count(s);
        if n > 0 {
            parts.push(plural(n, word));
        }
    }
    let drafts_with: std::collections::BTreeSet<usize> =
        report.findings.iter().map(|f| f.file).collect();
    let mut line = if parts.is_empty() {
        format!("no findings in {}", plural(report.files_checked, "draft"))
    } else {
        format!(
            "{} in {} ({} checked)",
            parts.join(", "),
            plural(drafts_with.len(), "draft"),
            report.files_checked
        )
    };
    if !report.errors.is_empty() {
        line.push_str(&format!(
            "; {} could not be read",
            plural(report.errors.len(), "file")
        ));
    }
    line
}
