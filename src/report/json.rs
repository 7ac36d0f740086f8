//! `--format json`: the contract in `spec/interfaces.md`.

use crate::finding::Finding;
use crate::run::Report;
use crate::source::SourceFile;
use serde_json::{Value, json};
use std::ops::Range;

fn range(file: &SourceFile, span: &Range<usize>) -> Value {
    let (s, e) = file.range(span);
    json!({
        "start": {"byte": s.byte, "line": s.line, "column": s.column},
        "end": {"byte": e.byte, "line": e.line, "column": e.column},
    })
}

pub fn diagnostic(report: &Report, f: &Finding) -> Value {
    let file = &report.files[f.file];
    json!({
        "path": file.path,
        "kind": f.kind,
        "rule": f.rule,
        "severity": f.severity.as_str(),
        "message": f.message,
        "range": range(file, &f.span),
        "labels": f.labels.iter().map(|l| {
            let lf = &report.files[l.file];
            json!({"range": range(lf, &l.span), "path": lf.path, "message": l.message})
        }).collect::<Vec<_>>(),
        "notes": f.notes,
        "fix": f.fix.as_ref().map(|x| json!({"replacement": x.replacement, "range": range(file, &x.span)})),
    })
}

pub fn render(report: &Report) -> String {
    let doc = json!({
        "version": 1,
        "files_checked": report.files_checked,
        "diagnostics": report.findings.iter().map(|f| diagnostic(report, f)).collect::<Vec<_>>(),
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("JSON values serialize");
    s.push('\n');
    s
}
