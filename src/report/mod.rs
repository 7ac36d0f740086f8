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
use std::borrow::Cow;
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

/// The texts of a report's files, for the reporters that show the words. A
/// run over an archive drops each draft's text once it is checked, so they
/// are read back one finding's files at a time.
pub struct Texts<'a> {
    files: &'a [SourceFile],
    loaded: Vec<(usize, Cow<'a, str>)>,
}

impl<'a> Texts<'a> {
    pub fn new(files: &'a [SourceFile]) -> Texts<'a> {
        Texts {
            files,
            loaded: Vec::new(),
        }
    }

    /// Holds the texts of `ids` (forgetting the others); an error says which
    /// file could not be read back.
    pub fn focus(&mut self, ids: &[usize]) -> Result<(), String> {
        self.loaded.retain(|(id, _)| ids.contains(id));
        for &id in ids {
            if self.get(id).is_none() {
                let file = self.files.get(id).ok_or("no such file")?;
                self.loaded.push((id, file.load()?));
            }
        }
        Ok(())
    }

    pub fn get(&self, id: usize) -> Option<&str> {
        self.loaded
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, t)| t.as_ref())
    }

    /// The files a finding shows: its own and its labels'.
    pub fn of(f: &crate::finding::Finding) -> Vec<usize> {
        let mut ids = vec![f.file];
        ids.extend(f.labels.iter().map(|l| l.file));
        ids
    }
}

/// The run's file table, as codespan-reporting wants it (with the texts
/// [`Texts::focus`] loaded).
pub struct FileTable<'a>(pub &'a [SourceFile], pub &'a Texts<'a>);

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
        self.1.get(id).ok_or(FilesError::FileMissing)
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
