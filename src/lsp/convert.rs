//! Findings to LSP: diagnostics, quick fixes and hovers.

use super::uri;
use super::workspace::Workspace;
use crate::finding::{Finding, Severity};
use crate::rules::{LoadError, Pack};
use crate::source::{SourceFile, Unit};
use lsp_types::{self as lsp, Uri};
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

pub const SOURCE: &str = "copydesk";

pub fn range(file: &SourceFile, span: &Range<usize>, unit: Unit) -> lsp::Range {
    let pos = |at: usize| {
        let (line, character) = file.editor_position(at, unit);
        lsp::Position::new(line as u32, character as u32)
    };
    lsp::Range::new(pos(span.start), pos(span.end))
}

fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// A finding as a diagnostic, without related places. The message carries
/// the notes (`help: ...`) on lines of their own. Rules have no web page, so
/// there is no `codeDescription`: hovering explains the rule instead.
pub fn diagnostic(file: &SourceFile, f: &Finding, unit: Unit) -> lsp::Diagnostic {
    let mut message = f.message.clone();
    for n in &f.notes {
        message.push('\n');
        message.push_str(n);
    }
    lsp::Diagnostic {
        range: range(file, &f.span, unit),
        severity: Some(severity(f.severity)),
        code: Some(lsp::NumberOrString::String(f.rule.to_string())),
        code_description: None,
        source: Some(SOURCE.to_string()),
        message,
        related_information: None,
        tags: None,
        data: None,
    }
}

/// Turns findings of a workspace's check into diagnostics, with their
/// secondary labels as related information in whichever draft they are.
pub struct Converter<'a> {
    unit: Unit,
    ws: &'a Workspace,
    /// The open documents' URIs by workspace id.
    open: &'a HashMap<String, Uri>,
    files: HashMap<usize, SourceFile>,
}

impl<'a> Converter<'a> {
    pub fn new(unit: Unit, ws: &'a Workspace, open: &'a HashMap<String, Uri>) -> Converter<'a> {
        Converter {
            unit,
            ws,
            open,
            files: HashMap::new(),
        }
    }

    fn file(&mut self, id: usize) -> Option<&SourceFile> {
        let n = self.ws.drafts.len();
        let draft = if id < n {
            self.ws.drafts.get(id)
        } else {
            self.ws.archive.get(id - n)
        }?;
        Some(
            self.files
                .entry(id)
                .or_insert_with(|| SourceFile::new("", draft.text.clone())),
        )
    }

    fn uri(&self, id: usize) -> Option<Uri> {
        let n = self.ws.drafts.len();
        if id < n {
            let key = &self.ws.entries[id].id;
            if let Some(u) = self.open.get(key) {
                return Some(u.clone());
            }
            return uri::from_path(Path::new(key));
        }
        let path = Path::new(&self.ws.archive.get(id - n)?.path);
        if path.is_absolute() {
            uri::from_path(path)
        } else {
            self.ws
                .key
                .root
                .as_ref()
                .and_then(|r| uri::from_path(&r.join(path)))
        }
    }

    pub fn diagnostic(&mut self, file: usize, f: &Finding) -> lsp::Diagnostic {
        let unit = self.unit;
        let mut d = match self.file(file) {
            Some(src) => diagnostic(src, f, unit),
            None => diagnostic(&SourceFile::new("", ""), f, unit),
        };
        let mut related = Vec::new();
        for l in &f.labels {
            let (Some(uri), Some(src)) = (self.uri(l.file), self.file(l.file)) else {
                continue;
            };
            related.push(lsp::DiagnosticRelatedInformation {
                location: lsp::Location::new(uri, range(src, &l.span, unit)),
                message: l.message.to_string(),
            });
        }
        if !related.is_empty() {
            d.related_information = Some(related);
        }
        d
    }
}

/// A config or rule file error as a diagnostic in that file.
pub fn load_error(e: &LoadError, unit: Unit) -> lsp::Diagnostic {
    let r = match (&e.text, &e.span) {
        (Some(text), Some(span)) => range(&SourceFile::new("", text.to_string()), span, unit),
        _ => lsp::Range::default(),
    };
    let mut message = e.message.clone();
    if let Some(h) = &e.help {
        message.push_str("\nhelp: ");
        message.push_str(h);
    }
    lsp::Diagnostic {
        range: r,
        severity: Some(lsp::DiagnosticSeverity::ERROR),
        source: Some(SOURCE.to_string()),
        message,
        ..Default::default()
    }
}

fn edit(uri: &Uri, edits: Vec<lsp::TextEdit>) -> lsp::WorkspaceEdit {
    lsp::WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }
}

fn short(s: &str) -> String {
    let one_line = s.replace('\n', " ");
    if one_line.chars().count() > 40 {
        let cut: String = one_line.chars().take(39).collect();
        format!("{cut}…")
    } else {
        one_line
    }
}

/// The quick fixes for the findings that touch `wanted` (a byte range of
/// `file`): each finding's fix, "Disable RULE on this line", and a fix-all
/// for the whole document.
pub fn code_actions(
    uri: &Uri,
    file: &SourceFile,
    findings: &[Finding],
    wanted: Range<usize>,
    unit: Unit,
) -> Vec<lsp::CodeAction> {
    let here: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.span.start <= wanted.end && wanted.start <= f.span.end)
        .collect();
    let mut actions = Vec::new();
    let fixes: Vec<&Finding> = here.iter().copied().filter(|f| f.fix.is_some()).collect();
    for f in &fixes {
        let fix = f.fix.as_ref().expect("filtered");
        let old = file.text.get(fix.span.clone()).unwrap_or("");
        let title = match (old.is_empty(), fix.replacement.is_empty()) {
            (_, true) => format!("Delete `{}`", short(old)),
            (true, false) => format!("Insert `{}`", short(&fix.replacement)),
            _ => format!(
                "Replace `{}` with `{}`",
                short(old),
                short(&fix.replacement)
            ),
        };
        // Preferred (what "auto-fix" applies) unless another fix here
        // competes for the same text.
        let alone = !fixes.iter().any(|g| {
            let g = g.fix.as_ref().expect("filtered");
            !std::ptr::eq(g, fix) && g.span.start < fix.span.end && fix.span.start < g.span.end
        });
        actions.push(lsp::CodeAction {
            title,
            kind: Some(lsp::CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic(file, f, unit)]),
            edit: Some(edit(
                uri,
                vec![lsp::TextEdit::new(
                    range(file, &fix.span, unit),
                    fix.replacement.clone(),
                )],
            )),
            is_preferred: Some(alone),
            ..Default::default()
        });
    }
    let mut seen = Vec::new();
    for f in &here {
        let line = file.line_index(f.span.start);
        if seen.contains(&(line, &*f.rule)) {
            continue;
        }
        seen.push((line, &*f.rule));
        let (at, insert) = disable_edit(file, line, &f.rule);
        actions.push(lsp::CodeAction {
            title: format!("Disable {} on this line", f.rule),
            kind: Some(lsp::CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic(file, f, unit)]),
            edit: Some(edit(
                uri,
                vec![lsp::TextEdit::new(range(file, &(at..at), unit), insert)],
            )),
            is_preferred: Some(false),
            ..Default::default()
        });
    }
    let all: Vec<&crate::finding::Fix> = findings.iter().filter_map(|f| f.fix.as_deref()).collect();
    let chosen = crate::fix::non_overlapping(&file.text, all);
    if !chosen.is_empty() {
        let edits = chosen
            .iter()
            .map(|f| lsp::TextEdit::new(range(file, &f.span, unit), f.replacement.clone()))
            .collect();
        actions.push(lsp::CodeAction {
            title: "Fix all copydesk findings".to_string(),
            kind: Some(lsp::CodeActionKind::new("source.fixAll.copydesk")),
            edit: Some(edit(uri, edits)),
            ..Default::default()
        });
    }
    actions
}

/// Where to insert what to silence `rule` on 0-based `line`: a
/// `copydesk-disable-next-line` comment on a new line above it, with its
/// indentation, or the rule added to such a comment already there.
pub fn disable_edit(file: &SourceFile, line: usize, rule: &str) -> (usize, String) {
    let start = file.line_start(line);
    let text = &file.text;
    if line > 0 {
        let prev_start = file.line_start(line - 1);
        let prev = text[prev_start..start].trim_end();
        let body = prev.trim_start();
        if body.starts_with("<!--")
            && body.ends_with("-->")
            && body[4..]
                .trim_start()
                .starts_with("copydesk-disable-next-line")
        {
            let close = prev_start + prev.len() - 3;
            let pad = if text[..close].ends_with(' ') {
                ""
            } else {
                " "
            };
            return (close, format!("{pad}{rule} "));
        }
    }
    let line_text = &text[start..file.line_start(line + 1).max(start)];
    let indent: String = line_text
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let newline = if line_text.ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    (
        start,
        format!("{indent}<!-- copydesk-disable-next-line {rule} -->{newline}"),
    )
}

/// The hover over findings: each one's message, then its rule explained as
/// `copydesk explain` does.
pub fn hover(
    file: &SourceFile,
    here: &[&Finding],
    pack: Option<&Pack>,
    markdown: bool,
    unit: Unit,
) -> lsp::Hover {
    let mut parts = Vec::new();
    for f in here {
        let explain = pack
            .and_then(|p| p.rule(&f.rule))
            .map(crate::report::explain::explain)
            .unwrap_or_default();
        parts.push(if markdown {
            format!(
                "**{}** `{}`: {}\n\n```text\n{}```",
                SOURCE,
                f.rule,
                f.message.replace('*', "\\*"),
                explain
            )
        } else {
            format!("{} {}: {}\n\n{}", SOURCE, f.rule, f.message, explain)
        });
    }
    let value = parts.join(if markdown { "\n\n---\n\n" } else { "\n\n" });
    let start = here.iter().map(|f| f.span.start).min().unwrap_or(0);
    let end = here.iter().map(|f| f.span.end).max().unwrap_or(start);
    lsp::Hover {
        contents: lsp::HoverContents::Markup(lsp::MarkupContent {
            kind: if markdown {
                lsp::MarkupKind::Markdown
            } else {
                lsp::MarkupKind::PlainText
            },
            value,
        }),
        range: Some(range(file, &(start..end), unit)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disable_comment_keeps_indentation_and_line_endings() {
        let f = SourceFile::new("", "Intro.\r\n  - an e-mail here\r\n");
        let (at, s) = disable_edit(&f, 1, "e-mail");
        assert_eq!(at, 8);
        assert_eq!(s, "  <!-- copydesk-disable-next-line e-mail -->\r\n");
    }

    #[test]
    fn disable_adds_to_an_existing_comment() {
        let text = "<!-- copydesk-disable-next-line hedge-reportedly -->\nan e-mail\n";
        let f = SourceFile::new("", text);
        let (at, s) = disable_edit(&f, 1, "e-mail");
        let mut out = text.to_string();
        out.insert_str(at, &s);
        assert!(
            out.starts_with("<!-- copydesk-disable-next-line hedge-reportedly e-mail -->\n"),
            "{out}"
        );
    }
}

#[cfg(test)]
mod label_tests {
    use super::*;
    use crate::finding::Label;
    use crate::lsp::workspace::{Key, Workspace};

    #[test]
    fn labels_in_other_drafts_become_related_information() {
        let mut ws = Workspace::load(Key::default());
        ws.set_text(
            "/news/a.md",
            Some(Path::new("/news/a.md")),
            "Café x\n".into(),
            false,
        );
        ws.set_text(
            "/news/b.md",
            Some(Path::new("/news/b.md")),
            "ab\n😀 here\n".into(),
            false,
        );
        let open = HashMap::from([(
            "/news/a.md".to_string(),
            "file:///news/a.md".parse::<Uri>().unwrap(),
        )]);
        let here = "ab\n😀 ".len();
        let f = Finding {
            file: 0,
            rule: "r".into(),
            kind: "title-consistency",
            severity: Severity::Warning,
            message: "m".into(),
            span: 6..7,
            labels: vec![Label {
                file: 1,
                span: here..here + 4,
                message: "called this here".into(),
            }],
            notes: vec!["help: do this".into()].into(),
            fix: None,
        };
        let mut conv = Converter::new(Unit::Utf16, &ws, &open);
        let d = conv.diagnostic(0, &f);
        assert_eq!(
            d.range,
            lsp::Range::new(lsp::Position::new(0, 5), lsp::Position::new(0, 6))
        );
        assert_eq!(d.message, "m\nhelp: do this");
        let related = d.related_information.unwrap();
        assert_eq!(related[0].location.uri.as_str(), "file:///news/b.md");
        assert_eq!(
            related[0].location.range,
            lsp::Range::new(lsp::Position::new(1, 3), lsp::Position::new(1, 7))
        );
        assert_eq!(related[0].message, "called this here");
    }
}
