//! `--format json`: the contract in `spec/interfaces.md`.
//!
//! The document is written by hand, byte for byte what `serde_json`'s
//! pretty printer makes of the serde structs below (which the tests keep
//! as the reference): a run can have hundreds of thousands of
//! diagnostics, and going through serde cost an intermediate value, a
//! buffer and a second pass to indent each of them.

use crate::finding::Finding;
#[cfg(test)]
use crate::finding::Label;
use crate::run::Report;
use crate::source::{Position, SourceFile};
#[cfg(test)]
use serde::Serialize;
use std::ops::Range;

#[cfg(test)]
#[derive(Serialize)]
struct Point {
    byte: usize,
    column: usize,
    line: usize,
}

#[cfg(test)]
impl From<Position> for Point {
    fn from(p: Position) -> Point {
        Point {
            byte: p.byte,
            column: p.column,
            line: p.line,
        }
    }
}

#[cfg(test)]
#[derive(Serialize)]
struct Span {
    end: Point,
    start: Point,
}

#[cfg(test)]
fn range(file: &SourceFile, span: &Range<usize>) -> Span {
    let (s, e) = file.range(span);
    Span {
        end: e.into(),
        start: s.into(),
    }
}

#[cfg(test)]
#[derive(Serialize)]
struct JsonLabel<'a> {
    message: &'a str,
    path: &'a str,
    range: Span,
}

#[cfg(test)]
#[derive(Serialize)]
struct JsonFix<'a> {
    range: Span,
    replacement: &'a str,
}

#[cfg(test)]
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

#[cfg(test)]
fn label<'a>(report: &'a Report, l: &'a Label) -> JsonLabel<'a> {
    let lf = &report.files[l.file];
    JsonLabel {
        message: &l.message,
        path: &lf.path,
        range: range(lf, &l.span),
    }
}

#[cfg(test)]
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

/// Writes JSON text by hand, as `serde_json`'s pretty printer (two spaces a
/// level) would.
struct Writer<'a>(&'a mut Vec<u8>);

impl Writer<'_> {
    fn raw(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    /// A new line, indented `depth` levels.
    fn line(&mut self, depth: usize) {
        const SPACES: &[u8] = b"\n                                ";
        let n = 1 + 2 * depth;
        if n <= SPACES.len() {
            self.raw(&SPACES[..n]);
        } else {
            self.raw(b"\n");
            self.0.resize(self.0.len() + 2 * depth, b' ');
        }
    }

    /// `"key": `, on a new line. Keys are this file's own words, none of
    /// which needs an escape.
    fn key(&mut self, depth: usize, key: &'static str) {
        debug_assert!(!key.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\'));
        self.line(depth);
        self.raw(b"\"");
        self.raw(key.as_bytes());
        self.raw(b"\": ");
    }

    fn number(&mut self, mut n: usize) {
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.raw(&digits[i..]);
    }

    /// A string, escaped as `serde_json` escapes: `"`, `\\` and control
    /// characters; everything else as it is.
    fn string(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let bytes = s.as_bytes();
        self.raw(b"\"");
        // Most strings need no escape: checked without branching (so it
        // vectorizes), then copied whole.
        let needs = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
        if !bytes.iter().fold(false, |any, &b| any | needs(b)) {
            self.raw(bytes);
            self.raw(b"\"");
            return;
        }
        let mut from = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let escape: &[u8] = match b {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x08 => b"\\b",
                0x0c => b"\\f",
                0..0x20 => &[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 0xf)],
                ],
                _ => continue,
            };
            self.raw(&bytes[from..i]);
            self.raw(escape);
            from = i + 1;
        }
        self.raw(&bytes[from..]);
        self.raw(b"\"");
    }

    /// A list of strings at `depth`.
    fn strings<'s>(&mut self, depth: usize, items: impl ExactSizeIterator<Item = &'s str>) {
        if items.len() == 0 {
            return self.raw(b"[]");
        }
        self.raw(b"[");
        for (i, item) in items.enumerate() {
            if i > 0 {
                self.raw(b",");
            }
            self.line(depth + 1);
            self.string(item);
        }
        self.line(depth);
        self.raw(b"]");
    }

    fn point(&mut self, depth: usize, p: Position) {
        self.raw(b"{");
        self.key(depth + 1, "byte");
        self.number(p.byte);
        self.raw(b",");
        self.key(depth + 1, "column");
        self.number(p.column);
        self.raw(b",");
        self.key(depth + 1, "line");
        self.number(p.line);
        self.line(depth);
        self.raw(b"}");
    }

    /// A span's `{"end": .., "start": ..}`.
    fn range(&mut self, depth: usize, file: &SourceFile, span: &Range<usize>) {
        let (start, end) = file.range(span);
        self.raw(b"{");
        self.key(depth + 1, "end");
        self.point(depth + 1, end);
        self.raw(b",");
        self.key(depth + 1, "start");
        self.point(depth + 1, start);
        self.line(depth);
        self.raw(b"}");
    }

    /// One diagnostic, as an element of `diagnostics` (the `{` at `depth`).
    fn diagnostic(&mut self, depth: usize, report: &Report, f: &Finding) {
        let file = &report.files[f.file];
        let d = depth + 1;
        self.raw(b"{");
        self.key(d, "fix");
        match &f.fix {
            None => self.raw(b"null"),
            Some(fix) => {
                self.raw(b"{");
                self.key(d + 1, "range");
                self.range(d + 1, file, &fix.span);
                self.raw(b",");
                self.key(d + 1, "replacement");
                self.string(&fix.replacement);
                self.line(d);
                self.raw(b"}");
            }
        }
        self.raw(b",");
        self.key(d, "kind");
        self.string(f.kind);
        self.raw(b",");
        self.key(d, "labels");
        if f.labels.is_empty() {
            self.raw(b"[]");
        } else {
            self.raw(b"[");
            for (i, l) in f.labels.iter().enumerate() {
                if i > 0 {
                    self.raw(b",");
                }
                let lf = &report.files[l.file];
                self.line(d + 1);
                self.raw(b"{");
                self.key(d + 2, "message");
                self.string(&l.message);
                self.raw(b",");
                self.key(d + 2, "path");
                self.string(&lf.path);
                self.raw(b",");
                self.key(d + 2, "range");
                self.range(d + 2, lf, &l.span);
                self.line(d + 1);
                self.raw(b"}");
            }
            self.line(d);
            self.raw(b"]");
        }
        self.raw(b",");
        self.key(d, "message");
        self.string(&f.message);
        self.raw(b",");
        self.key(d, "notes");
        self.strings(d, f.notes.iter().map(|n| n.as_ref()));
        self.raw(b",");
        self.key(d, "path");
        self.string(&file.path);
        self.raw(b",");
        self.key(d, "range");
        self.range(d, file, &f.span);
        self.raw(b",");
        self.key(d, "rule");
        self.string(&f.rule);
        self.raw(b",");
        self.key(d, "severity");
        self.string(f.severity.as_str());
        self.line(depth);
        self.raw(b"}");
    }
}

pub fn render(report: &Report) -> String {
    let mut out = Vec::new();
    write(report, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// Writes the document to `out`: see [`JsonSink`].
pub fn write(report: &Report, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    super::write_report(report, &mut JsonSink::default(), &mut out)?;
    std::io::Write::flush(&mut out)
}

/// The JSON document, a draft's diagnostics at a time: each rendered after
/// `,` (the first one written drops it).
#[derive(Default)]
pub struct JsonSink {
    wrote_any: bool,
}

impl super::Sink for JsonSink {
    fn head(&mut self, _: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(b"{\n  \"diagnostics\": [")
    }

    fn render(&self, report: &Report, findings: &[Finding], buf: &mut Vec<u8>) {
        let mut w = Writer(buf);
        for f in findings {
            w.raw(b",");
            // Inside `diagnostics`: two levels deep.
            w.line(2);
            w.diagnostic(2, report, f);
        }
    }

    fn write(&mut self, rendered: &[u8], out: &mut dyn std::io::Write) -> std::io::Result<()> {
        match rendered.split_first() {
            Some((_comma, rest)) if !self.wrote_any => {
                self.wrote_any = true;
                out.write_all(rest)
            }
            _ => out.write_all(rendered),
        }
    }

    fn tail(&mut self, report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        if self.wrote_any {
            out.write_all(b"\n  ")?;
        }
        write!(
            out,
            "],\n  \"files_checked\": {},\n  \"version\": {VERSION}\n}}\n",
            report.files_checked
        )
    }
}

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
                finding(1, 0..8, vec![label.clone()]),
            ],
            // More drafts than are rendered at once.
            (0..crate::report::WRITE_CHUNK + 2)
                .map(|i| finding(i % 2, 8..13, vec![]))
                .collect(),
            // Every escape, no notes, no fix, two labels.
            vec![Finding {
                message: "\u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f} \u{7f}\"\\/é😀".to_string(),
                notes: Default::default(),
                fix: None,
                rule: "r\tq".into(),
                ..finding(0, 0..31, vec![label.clone(), label])
            }],
        ] {
            let report = Report {
                files: files.clone(),
                findings,
                errors: Vec::new(),
                files_checked: 2,
                ..Default::default()
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
