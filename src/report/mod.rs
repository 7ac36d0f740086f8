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

/// How many findings a run reported, by severity, and in how many drafts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Indexed by [`Severity`] (`Info`, `Warning`, `Error`).
    pub by_severity: [usize; 3],
    pub drafts: usize,
}

impl Tally {
    /// Adds the findings of one draft.
    pub fn add_draft(&mut self, findings: &[crate::finding::Finding]) {
        for f in findings {
            self.by_severity[f.severity as usize] += 1;
        }
        self.drafts += usize::from(!findings.is_empty());
    }

    pub fn add(&mut self, other: Tally) {
        for (a, b) in self.by_severity.iter_mut().zip(other.by_severity) {
            *a += b;
        }
        self.drafts += other.drafts;
    }

    pub fn max_severity(&self) -> Option<crate::finding::Severity> {
        use crate::finding::Severity;
        [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .find(|&s| self.by_severity[s as usize] > 0)
    }
}

/// "3 warnings in 2 drafts", for the summary line.
pub fn summary(report: &Report) -> String {
    use crate::finding::Severity;
    let tally = report.tally();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut parts = Vec::new();
    for (s, word) in [
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Info, "note"),
    ] {
        let n = tally.by_severity[s as usize];
        if n > 0 {
            parts.push(plural(n, word));
        }
    }
    let mut line = if parts.is_empty() {
        format!("no findings in {}", plural(report.files_checked, "draft"))
    } else {
        format!(
            "{} in {} ({} checked)",
            parts.join(", "),
            plural(tally.drafts, "draft"),
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

/// A reporter that writes a run's findings as they are found: the head once
/// the drafts are read, then each draft's findings (rendered on any thread,
/// written in file order), then the tail. A run over an archive then never
/// holds all its findings, nor all its output.
pub trait Sink: Sync {
    /// Written before any finding ([`Report::errors`] and the file table are
    /// complete by then).
    fn head(&mut self, _report: &Report, _out: &mut dyn std::io::Write) -> std::io::Result<()> {
        Ok(())
    }

    /// Renders the sorted findings of one draft into `buf`.
    fn render(&self, report: &Report, findings: &[crate::finding::Finding], buf: &mut Vec<u8>);

    /// Writes what [`Sink::render`] made for one draft, in file order.
    fn write(&mut self, rendered: &[u8], out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(rendered)
    }

    /// Written after every finding ([`Report::tally`] is complete by then).
    fn tail(&mut self, _report: &Report, _out: &mut dyn std::io::Write) -> std::io::Result<()> {
        Ok(())
    }

    /// The sink needs every finding at the end ([`Report::findings`]) rather
    /// than one draft's at a time.
    fn keeps_findings(&self) -> bool {
        false
    }
}

/// Writes a finished report through `sink`: findings grouped by draft,
/// rendered in parallel, in chunks so the output is never all in memory.
pub fn write_report(
    report: &Report,
    sink: &mut dyn Sink,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    sink.head(report, out)?;
    let mut by_draft: Vec<&[crate::finding::Finding]> = Vec::new();
    let mut rest = report.findings.as_slice();
    while let Some(first) = rest.first() {
        let n = rest.iter().take_while(|f| f.file == first.file).count();
        let (draft, after) = rest.split_at(n);
        by_draft.push(draft);
        rest = after;
    }
    for chunk in by_draft.chunks(WRITE_CHUNK) {
        let parts: Vec<Vec<u8>> = chunk
            .par_iter()
            .map(|findings| {
                let mut buf = Vec::new();
                sink.render(report, findings, &mut buf);
                buf
            })
            .collect();
        for part in &parts {
            sink.write(part, out)?;
        }
    }
    sink.tail(report, out)
}

/// Drafts rendered in parallel before their output is written.
pub const WRITE_CHUNK: usize = 256;
