//! `--format github`: GitHub Actions workflow commands, one per finding, so
//! a workflow step shows each finding as an annotation on the draft's line:
//!
//! ```text
//! ::warning file=drafts/a.md,line=3,col=27,endLine=3,endColumn=34,title=al-qaida::the house spelling is …
//! ```
//!
//! `error`, `warning` and `info` findings become `::error`, `::warning` and
//! `::notice`. Notes follow the message, one per line. Escaping follows the
//! Actions toolkit (`@actions/core`): in the message `%`, `\r` and `\n`
//! become `%25`, `%0D` and `%0A`; property values also turn `:` and `,`
//! into `%3A` and `%2C`. Columns are counted in Unicode scalar values, and
//! `endColumn` is the column of the last character (inclusive), as GitHub's
//! annotations count it. GitHub takes columns only on one-line annotations,
//! so a finding that spans lines gets `line` and `endLine` alone. Files that
//! could not be read become `::error file=PATH::reason`.

use crate::finding::{Finding, Severity};
use crate::run::Report;
use std::fmt::Write as _;

/// Escapes a command's data (the text after `::`).
pub fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s, false);
    out
}

/// Escapes a property value (`file=`, `title=`).
pub fn escape_property(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s, true);
    out
}

/// Appends `s` escaped as data, or (`property`) as a property value: in one
/// pass, copying the runs between the characters to escape.
fn push_escaped(out: &mut String, s: &str, property: bool) {
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let code = match b {
            b'%' => "%25",
            b'\r' => "%0D",
            b'\n' => "%0A",
            b':' if property => "%3A",
            b',' if property => "%2C",
            _ => continue,
        };
        out.push_str(&s[from..i]);
        out.push_str(code);
        from = i + 1;
    }
    out.push_str(&s[from..]);
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// One workflow command, without the line break.
pub fn annotation(report: &Report, f: &Finding) -> String {
    let mut line = String::new();
    push_annotation(&mut line, report, f);
    line
}

/// Appends [`annotation`] to `line`.
fn push_annotation(line: &mut String, report: &Report, f: &Finding) {
    let file = &report.files[f.file];
    let start = file.position(f.span.start);
    // The last character inside the span: GitHub's end column is inclusive.
    let end = file.position(file.last_char_start(&f.span));
    line.push_str("::");
    line.push_str(command(f.severity));
    line.push_str(" file=");
    push_escaped(line, &file.path, true);
    let _ = write!(line, ",line={}", start.line);
    if end.line == start.line {
        let _ = write!(
            line,
            ",col={},endLine={},endColumn={}",
            start.column, end.line, end.column
        );
    } else {
        let _ = write!(line, ",endLine={}", end.line);
    }
    line.push_str(",title=");
    push_escaped(line, &f.rule, true);
    line.push_str("::");
    // The message, then the notes, one per line.
    push_escaped(line, &f.message, false);
    for note in &f.notes {
        line.push_str("%0A");
        push_escaped(line, note, false);
    }
}

/// Every finding, then every unreadable file, one command per line.
pub fn render(report: &Report) -> String {
    let mut out = Vec::new();
    write(report, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("annotations are UTF-8")
}

/// Writes [`render`]'s text to `out`, a line at a time.
pub fn write(report: &Report, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    super::write_report(report, &mut GithubSink, &mut out)?;
    std::io::Write::flush(&mut out)
}

/// One annotation line per finding, then one per file that could not be
/// read.
pub struct GithubSink;

impl super::Sink for GithubSink {
    fn render(&self, report: &Report, findings: &[Finding], buf: &mut Vec<u8>) {
        let mut line = String::new();
        for f in findings {
            line.clear();
            push_annotation(&mut line, report, f);
            line.push('\n');
            buf.extend_from_slice(line.as_bytes());
        }
    }

    fn tail(&mut self, report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let mut line = String::new();
        for e in &report.errors {
            line.clear();
            let _ = writeln!(
                line,
                "::error file={},title=copydesk::{}",
                escape_property(&e.path),
                escape_data(&format!("{}: {}", e.path, e.message))
            );
            out.write_all(line.as_bytes())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Finding, Severity};
    use crate::run::{FileError, Report};
    use crate::source::SourceFile;

    fn finding(span: std::ops::Range<usize>, severity: Severity) -> Finding {
        Finding {
            file: 0,
            rule: "r,1:x".into(),
            kind: "pattern",
            severity,
            message: "100% sure: a, b\nc\r".to_string(),
            span,
            labels: Vec::new(),
            notes: vec!["help: write `x`".into()].into(),
            fix: None,
        }
    }

    fn report(text: &str, findings: Vec<Finding>) -> Report {
        Report {
            files: vec![SourceFile::new("dir,1/a:b%.md", text)],
            findings,
            errors: Vec::new(),
            files_checked: 1,
            ..Default::default()
        }
    }

    #[test]
    fn escapes_data_and_properties() {
        assert_eq!(escape_data("a%b\r\nc:d,e"), "a%25b%0D%0Ac:d,e");
        assert_eq!(escape_property("a%b\r\nc:d,e"), "a%25b%0D%0Ac%3Ad%2Ce");
    }

    #[test]
    fn one_line_annotation_with_inclusive_end_column() {
        let r = report("ab ’x’ cd\n", vec![finding(3..10, Severity::Warning)]);
        assert_eq!(
            annotation(&r, &r.findings[0]),
            "::warning file=dir%2C1/a%3Ab%25.md,line=1,col=4,endLine=1,endColumn=6,\
             title=r%2C1%3Ax::100%25 sure: a, b%0Ac%0D%0Ahelp: write `x`"
        );
    }

    #[test]
    fn severities_and_multi_line_spans() {
        let r = report("one\ntwo\n", vec![finding(1..6, Severity::Info)]);
        let a = annotation(&r, &r.findings[0]);
        assert!(
            a.starts_with("::notice file=dir%2C1/a%3Ab%25.md,line=1,endLine=2,title="),
            "{a}"
        );
        let r = report("one\n", vec![finding(0..0, Severity::Error)]);
        let a = annotation(&r, &r.findings[0]);
        assert!(a.starts_with("::error "), "{a}");
        assert!(a.contains(",line=1,col=1,endLine=1,endColumn=1,"), "{a}");
    }

    #[test]
    fn unreadable_files_are_errors() {
        let mut r = report("", Vec::new());
        r.errors.push(FileError {
            path: "b.md".to_string(),
            message: "binary file".to_string(),
        });
        assert_eq!(
            render(&r),
            "::error file=b.md,title=copydesk::b.md: binary file\n"
        );
    }
}
