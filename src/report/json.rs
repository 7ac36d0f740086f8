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
    notes: &'a [String],
    path: &'a str,
    range: Span,
    rule: &'a str,
    severity: &'a str,
}

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

/// Writes the document to `out` as it serializes, so a large report is never held twice in memory. Positions
/// are computed in parallel.
pub fn write(report: &Report, out: &mut impl std::io::Write) -> std::io::Result<()> {
    use rayon::prelude::*;
    let doc = Document {
        diagnostics: report
            .findings
            .par_iter()
            .map(|f| diagnostic(report, f))
            .collect(),
        files_checked: report.files_checked,
        version: 1,
    };
    // serde writes in small pieces: buffer them here, in one place.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, &doc)?;
    std::io::Write::write_all(&mut out, b"\n")?;
    std::io::Write::flush(&mut out)
}
