//! `--format sarif`: one SARIF 2.1.0 log, for GitHub code scanning
//! (`github/codeql-action/upload-sarif`) and other SARIF viewers.
//!
//! One run: `tool.driver` describes copydesk and every loaded rule; each
//! finding is a result whose region carries both line and column (columns in
//! Unicode scalar values: `run.columnKind` is `unicodeCodePoints`, end column
//! exclusive, as SARIF counts them) and the byte offset and length, all
//! computed from the same byte span as the other formats. Secondary labels
//! become `relatedLocations`; a fix becomes a `fixes` entry. Files that could
//! not be read are tool execution notifications, and make the invocation
//! unsuccessful.

use super::Texts;
use crate::finding::{Finding, Severity};
use crate::rules::Rule;
use crate::run::Report;
use crate::source::SourceFile;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::Range;

pub const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// Where to read about copydesk: the package's homepage or repository when
/// Cargo.toml names one.
const INFORMATION_URI: &str = match (
    option_env!("CARGO_PKG_HOMEPAGE"),
    option_env!("CARGO_PKG_REPOSITORY"),
) {
    (Some(h), _) if !h.is_empty() => h,
    (_, Some(r)) if !r.is_empty() => r,
    _ => "https://crates.io/crates/copydesk",
};

pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as shown, as a URI reference: relative paths stay relative (with
/// `/` separators), absolute ones become `file://` URIs, and characters a URI
/// cannot hold are percent-encoded.
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let keep = |b: u8| b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=@/".contains(&b);
    let encode = |s: &str, colon: bool| {
        let mut out = String::with_capacity(s.len());
        for &b in s.as_bytes() {
            if keep(b) || (colon && b == b':') {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    };
    let drive = path.len() >= 3 && path.as_bytes()[0].is_ascii_alphabetic() && &path[1..3] == ":/";
    if path.starts_with('/') {
        format!("file://{}", encode(&path, true))
    } else if drive {
        format!("file:///{}", encode(&path, true))
    } else {
        // A colon in a relative reference could read as a scheme.
        encode(&path, false)
    }
}

/// The first sentence of a description, on one line.
fn first_sentence(text: &str) -> String {
    let paragraph = text.trim().split("\n\n").next().unwrap_or("");
    let line = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.find(". ") {
        Some(i) => line[..=i].to_string(),
        None => line,
    }
}

/// `al-qaida` → `AlQaida`: SARIF's readable rule name.
fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn silence_help(id: &str) -> String {
    format!(
        "To silence it: <!-- copydesk-disable-next-line {id} --> on the line before; \
         <!-- copydesk-disable {id} --> ... <!-- copydesk-enable {id} --> around a region; \
         or [rules] disable = [\"{id}\"] in copydesk.toml."
    )
}

fn rule_descriptor(r: &Rule) -> Value {
    let description = r.description.trim();
    let short = first_sentence(description);
    let short = if short.is_empty() {
        format!("{} rule {}", r.kind.name(), r.id)
    } else {
        short
    };
    let full = if description.is_empty() {
        short.clone()
    } else {
        description.to_string()
    };
    json!({
        "id": &*r.id,
        "name": pascal_case(&r.id),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": format!("{full}\n\n{}", silence_help(&r.id))},
        "defaultConfiguration": {"level": level(r.severity)},
        "properties": {"kind": r.kind.name(), "tags": ["copydesk", r.kind.name()]},
    })
}

/// A rule that produced findings but is not in the loaded pack.
fn bare_descriptor(f: &Finding) -> Value {
    json!({
        "id": &*f.rule,
        "name": pascal_case(&f.rule),
        "shortDescription": {"text": format!("{} rule {}", f.kind, f.rule)},
        "help": {"text": silence_help(&f.rule)},
        "defaultConfiguration": {"level": level(f.severity)},
        "properties": {"kind": f.kind, "tags": ["copydesk", f.kind]},
    })
}

/// A region of `file`, with the words it covers when `text` (the file's
/// text) is at hand.
pub fn region(file: &SourceFile, text: Option<&str>, span: &Range<usize>) -> Value {
    let (s, e) = file.range(span);
    let mut region = json!({
        "startLine": s.line,
        "startColumn": s.column,
        "endLine": e.line,
        "endColumn": e.column,
        "byteOffset": s.byte,
        "byteLength": e.byte.saturating_sub(s.byte),
    });
    if let Some(text) = text.and_then(|t| t.get(s.byte..e.byte)) {
        region["snippet"] = json!({"text": text});
    }
    region
}

fn location(file: &SourceFile, text: Option<&str>, span: &Range<usize>) -> Value {
    json!({
        "artifactLocation": {"uri": uri(&file.path)},
        "region": region(file, text, span),
    })
}

fn result(report: &Report, texts: &Texts, f: &Finding, rule_index: usize) -> Value {
    let file = &report.files[f.file];
    let words = texts.get(f.file);
    let mut text = f.message.clone();
    for note in &f.notes {
        text.push('\n');
        text.push_str(note);
    }
    let mut r = json!({
        "ruleId": &*f.rule,
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": {"text": text},
        "locations": [{"physicalLocation": location(file, words, &f.span)}],
        "properties": {"kind": f.kind},
    });
    if !f.labels.is_empty() {
        r["relatedLocations"] = f
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                json!({
                    "id": i,
                    "physicalLocation": location(&report.files[l.file], texts.get(l.file), &l.span),
                    "message": {"text": l.message},
                })
            })
            .collect();
    }
    if let Some(fix) = &f.fix {
        let description = if fix.replacement.is_empty() {
            "Delete the text".to_string()
        } else {
            format!("Replace with `{}`", fix.replacement)
        };
        r["fixes"] = json!([{
            "description": {"text": description},
            "artifactChanges": [{
                "artifactLocation": {"uri": uri(&file.path)},
                "replacements": [{
                    "deletedRegion": region(file, words, &fix.span),
                    "insertedContent": {"text": fix.replacement},
                }],
            }],
        }]);
    }
    r
}

/// The descriptors of the loaded `rules` and of rules only findings name
/// (in the order findings first name them), and each finding's index into
/// them.
fn descriptors(report: &Report, rules: &[Rule]) -> (Vec<Value>, Vec<usize>) {
    let mut descriptors: Vec<Value> = rules.iter().map(rule_descriptor).collect();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, r) in rules.iter().enumerate() {
        index.entry(&*r.id).or_insert(i);
    }
    let indexes = report
        .findings
        .iter()
        .map(|f| {
            *index.entry(&*f.rule).or_insert_with(|| {
                descriptors.push(bare_descriptor(f));
                descriptors.len() - 1
            })
        })
        .collect();
    (descriptors, indexes)
}

/// The log around `results`.
fn document(report: &Report, descriptors: Vec<Value>, results: Vec<Value>) -> Value {
    let notifications: Vec<Value> = report
        .errors
        .iter()
        .map(|e| {
            json!({
                "level": "error",
                "message": {"text": format!("{}: {}", e.path, e.message)},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(&e.path)}}}],
            })
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "copydesk",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": INFORMATION_URI,
                "rules": descriptors,
            }},
            "invocations": [{
                "executionSuccessful": report.errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// The SARIF log for a finished run with the loaded `rules`, as one value
/// ([`write`] writes the same text without building it).
pub fn log(report: &Report, rules: &[Rule]) -> Value {
    let (descriptors, indexes) = descriptors(report, rules);
    let mut texts = Texts::new(&report.files);
    let results = report
        .findings
        .iter()
        .zip(indexes)
        .map(|(f, i)| {
            // A text that cannot be read back only loses its snippets.
            let _ = texts.focus(&Texts::of(f));
            result(report, &texts, f, i)
        })
        .collect();
    document(report, descriptors, results)
}

pub fn render(report: &Report, rules: &[Rule]) -> String {
    let mut out = Vec::new();
    write(report, rules, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// Writes the log of [`log`], pretty-printed, to `out`. The results are
/// not gathered into one value: they are serialized in parallel, a batch at
/// a time, into the document around them (where an empty `results` list
/// stands).
pub fn write(report: &Report, rules: &[Rule], out: &mut impl Write) -> io::Result<()> {
    use rayon::prelude::*;
    let (descriptors, indexes) = descriptors(report, rules);
    let skeleton = serde_json::to_string_pretty(&document(report, descriptors, Vec::new()))
        .expect("JSON values serialize");
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    if report.findings.is_empty() {
        out.write_all(skeleton.as_bytes())?;
        out.write_all(b"\n")?;
        return out.flush();
    }
    // The run's `results`, three levels deep. No string holds a raw line
    // break, so this is the key itself.
    const EMPTY: &str = "\n      \"results\": [";
    let at = skeleton
        .find(&format!("{EMPTY}]"))
        .expect("the document has an empty results list")
        + EMPTY.len();
    out.write_all(&skeleton.as_bytes()[..at])?;
    // A batch of results, each after `,` but the first, four levels deep.
    let batch = |first: bool, findings: &[Finding], indexes: &[usize]| {
        let mut texts = Texts::new(&report.files);
        let mut buf = Vec::new();
        for (k, (f, &i)) in findings.iter().zip(indexes).enumerate() {
            // A text that cannot be read back only loses its snippets.
            let _ = texts.focus(&Texts::of(f));
            let text = serde_json::to_vec_pretty(&result(report, &texts, f, i))
                .expect("JSON values serialize");
            if !(first && k == 0) {
                buf.push(b',');
            }
            buf.extend_from_slice(b"\n        ");
            for &b in &text {
                buf.push(b);
                if b == b'\n' {
                    buf.extend_from_slice(b"        ");
                }
            }
        }
        buf
    };
    // In chunks, so that the output is never all in memory at once.
    for (c, (findings, indexes)) in report
        .findings
        .chunks(CHUNK)
        .zip(indexes.chunks(CHUNK))
        .enumerate()
    {
        let parts: Vec<Vec<u8>> = findings
            .par_chunks(BATCH)
            .zip(indexes.par_chunks(BATCH))
            .enumerate()
            .map(|(b, (f, i))| batch(c == 0 && b == 0, f, i))
            .collect();
        for part in &parts {
            out.write_all(part)?;
        }
    }
    out.write_all(b"\n      ")?;
    out.write_all(&skeleton.as_bytes()[at..])?;
    out.write_all(b"\n")?;
    out.flush()
}

/// SARIF names its rules before its results: the log is written at the end,
/// from every finding of the run.
pub struct SarifSink<'a> {
    pub rules: &'a [Rule],
}

impl super::Sink for SarifSink<'_> {
    fn render(&self, _: &Report, _: &[Finding], _: &mut Vec<u8>) {}

    fn tail(&mut self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let mut out = out;
        write(report, self.rules, &mut out)
    }

    fn keeps_findings(&self) -> bool {
        true
    }
}

/// Results serialized in parallel before they are written out.
const CHUNK: usize = 4096;

/// Results one worker serializes into one buffer (reading back the texts
/// of their drafts once).
const BATCH: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Fix, Label};

    fn report() -> Report {
        let finding = Finding {
            file: 0,
            rule: "made-up".into(),
            kind: "title-consistency",
            severity: Severity::Warning,
            message: "`Mr Ng` is `Minister Ng` elsewhere".to_string(),
            span: 10..15,
            labels: vec![Label {
                file: 1,
                span: 0..11,
                message: "called this here".into(),
            }],
            notes: vec!["help: pick one title".into()].into(),
            fix: Some(Box::new(Fix {
                span: 10..15,
                replacement: "Minister Ng".to_string(),
            })),
        };
        Report {
            files: vec![
                SourceFile::new("drafts/a é.md", "Ünïcode Mr Ng said.\n"),
                SourceFile::new("drafts/b.md", "Minister Ng spoke.\n"),
            ],
            findings: vec![finding],
            errors: Vec::new(),
            files_checked: 2,
            ..Default::default()
        }
    }

    /// Writing result by result gives the bytes of the whole log at once:
    /// with no findings, one, and more than a batch and a chunk of them (of
    /// a rule not in the pack), with a file that could not be read.
    #[test]
    fn pieces_make_the_whole_log() {
        let rules = crate::rules::Pack::builtin().expect("builtin pack").rules;
        let mut many = report();
        let f = many.findings[0].clone();
        many.findings = vec![f; CHUNK + BATCH + 1];
        many.errors.push(crate::run::FileError {
            path: "c.md".to_string(),
            message: "gone".to_string(),
        });
        let mut none = report();
        none.findings.clear();
        for r in [report(), many, none] {
            let whole = serde_json::to_string_pretty(&log(&r, &rules)).unwrap() + "\n";
            assert_eq!(render(&r, &rules), whole);
        }
    }

    #[test]
    fn results_carry_regions_labels_and_fixes() {
        let log = log(&report(), &[]);
        assert_eq!(log["version"], "2.1.0");
        let run = &log["runs"][0];
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        assert_eq!(run["tool"]["driver"]["rules"][0]["id"], "made-up");
        let r = &run["results"][0];
        assert_eq!(r["ruleIndex"], 0);
        assert_eq!(r["level"], "warning");
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "drafts/a%20%C3%A9.md");
        // "Ünïcode " is 8 scalar values but 10 bytes.
        assert_eq!(
            loc["region"],
            json!({"startLine": 1, "startColumn": 9, "endLine": 1, "endColumn": 14,
                   "byteOffset": 10, "byteLength": 5, "snippet": {"text": "Mr Ng"}})
        );
        let related = &r["relatedLocations"][0];
        assert_eq!(
            related["physicalLocation"]["artifactLocation"]["uri"],
            "drafts/b.md"
        );
        assert_eq!(related["message"]["text"], "called this here");
        let replacement = &r["fixes"][0]["artifactChanges"][0]["replacements"][0];
        assert_eq!(replacement["insertedContent"]["text"], "Minister Ng");
        assert_eq!(replacement["deletedRegion"]["byteOffset"], 10);
    }

    #[test]
    fn uris() {
        assert_eq!(uri("drafts/a.md"), "drafts/a.md");
        assert_eq!(uri("a:b.md"), "a%3Ab.md");
        assert_eq!(uri("/tmp/x y.md"), "file:///tmp/x%20y.md");
        assert_eq!(uri("C:\\d\\a.md"), "file:///C:/d/a.md");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
    }

    #[test]
    fn rule_text() {
        assert_eq!(
            first_sentence("Name the source. Or drop\nit.\n\nMore."),
            "Name the source."
        );
        assert_eq!(pascal_case("al-qaida"), "AlQaida");
        assert_eq!(pascal_case("e.mail_x"), "EMailX");
    }
}
