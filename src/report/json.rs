//! `--format json`: the contract in `spec/interfaces.md`.
//!
//! The document is serialized straight from borrowed views of the report:
//! the fields of every object are declared in alphabetical order, the order
//! the contract (and a `serde_json::Value` map) prints them in.

use crate::finding::{Finding, Label};
use crate::run::Report;
use crate::source::{Position, SourceFile};
use serde::Serialize;
use std::ops::Range;

#[derive(Serialize)]
struct Point {
    byte: usize,
    column: usize,
    line: usize,
}

impl From<Position> for Point {
    fn from(p: Position) -> Point {
        Point {
            byte: p.byte,
            column: p.column,
            line: p.line,
        }
    }
}

#[derive(Serialize)]
struct Span {
    end: Point,
    start: Point,
}

fn range(file: &SourceFile, span: &Range<usize>) -> Span {
    let (s, e) = file.range(span);
    Span {
        end: e.into(),
        start: s.into(),
    }
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    message: &'a str,
    path: &'a str,
    range: Span,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    range: Span,
    replacement: &'a str,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    fix: Option<JsonFix<'a>>,
    kind: &'a str,
    labels: Vec<JsonLabel<'a>>,
    message: &'a str,
    notes: &'a [crate::finding::Text],
    path: &'a str,
    range: Span,
    rule: &'a str,
    severity: &'a str,
}

/// The whole document, as one value: what [`write`] writes piece by piece.
#[cfg(test)]
#[derive(Serialize)]
struct Document<'a> {
    diagnostics: Vec<Diagnostic<'a>>,
    files_checked: usize,
    version: u32,
}

fn label<'a>(report: &'a Report, l: &'a Label) -> JsonLabel<'a> {
    let lf = &report.files[l.file];
    JsonLabel {
        message: &l.message,
        path: &lf.path,
        range: range(lf, &l.span),
    }
}

fn diagnostic<'a>(report: &'a Report, f: &'a Finding) -> Diagnostic<'a> {
    let file = &report.files[f.file];
    Diagnostic {
        fix: f.fix.as_ref().map(|x| JsonFix {
            range: range(file, &x.span),
            replacement: &x.replacement,
        }),
        kind: f.kind,
        labels: f.labels.iter().map(|l| label(report, l)).collect(),
        message: &f.message,
        notes: &f.notes,
        path: &file.path,
        range: range(file, &f.span),
        rule: &f.rule,
        severity: f.severity.as_str(),
    }
}

pub fn render(report: &Report) -> String {
    let mut out = Vec::new();
    write(report, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// Writes the document to `out`. Diagnostics are serialized in parallel,
/// each on its own, and written in order: the bytes are those of the whole
/// document serialized at once.
pub fn write(report: &Report, out: &mut impl std::io::Write) -> std::io::Result<()> {
    use rayon::prelude::*;
    use std::io::Write;
    let serialize = |f: &Finding| {
        let text =
            serde_json::to_vec_pretty(&diagnostic(report, f)).expect("JSON values serialize");
        // Two levels deeper than on its own: inside `diagnostics`.
        let mut indented = Vec::with_capacity(text.len() + text.len() / 8);
        indented.extend_from_slice(b"    ");
        for &b in &text {
            indented.push(b);
            if b == b'\n' {
                indented.extend_from_slice(b"    ");
            }
        }
        indented
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    if report.findings.is_empty() {
        out.write_all(b"{\n  \"diagnostics\": [],\n")?;
    } else {
        out.write_all(b"{\n  \"diagnostics\": [\n")?;
        // In chunks, so that the output is never all in memory at once.
        for (c, chunk) in report.findings.chunks(CHUNK).enumerate() {
            let parts: Vec<Vec<u8>> = chunk.par_iter().map(serialize).collect();
            for (i, part) in parts.iter().enumerate() {
                if c > 0 || i > 0 {
                    out.write_all(b",\n")?;
                }
                out.write_all(part)?;
            }
        }
        out.write_all(b"\n  ],\n")?;
    }
    writeln!(
        out,
        "  \"files_checked\": {},\n  \"version\": {VERSION}\n}}",
        report.files_checked
    )?;
    out.flush()
}

/// Diagnostics serialized in parallel before they are written.
const CHUNK: usize = 2048;

/// The contract's version.
const VERSION: u32 = 1;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Fix, Severity};

    fn finding(file: usize, span: Range<usize>, labels: Vec<Label>) -> Finding {
        Finding {
            file,
            rule: "r".into(),
            kind: "pattern",
            severity: Severity::Warning,
            message: "“quoted” \\ and \"escaped\"\nline".to_string(),
            span: span.clone(),
            labels,
            notes: vec!["help: one".into(), "two".into()].into(),
            fix: Some(Box::new(Fix {
                span,
                replacement: "é".to_string(),
            })),
        }
    }

    /// Writing diagnostic by diagnostic gives the bytes of serializing the
    /// whole document at once.
    #[test]
    fn pieces_make_the_whole_document() {
        let files = vec![
            SourceFile::new("a é.md", "Ünïcode Mr Ng said.\nNext line.\n"),
            SourceFile::new("b.md", "Minister Ng spoke.\n"),
        ];
        let label = Label {
            file: 1,
            span: 0..11,
            message: "here".into(),
        };
        for findings in [
            vec![],
            vec![finding(0, 8..13, vec![])],
            vec![
                finding(0, 8..13, vec![label.clone()]),
                finding(1, 0..8, vec![label]),
            ],
        ] {
            let report = Report {
                files: files.clone(),
                findings,
                errors: Vec::new(),
                files_checked: 2,
            };
            let doc = Document {
                diagnostics: report
                    .findings
                    .iter()
                    .map(|f| diagnostic(&report, f))
                    .collect(),
                files_checked: report.files_checked,
                version: VERSION,
            };
            let whole = serde_json::to_string_pretty(&doc).unwrap() + "\n";
            assert_eq!(render(&report), whole);
        }
    }
}
