//! Compiler-style output with codespan-reporting: severity, rule id, the
//! words under a caret, secondary labels, notes and help.

use super::{FileTable, Texts};
use crate::finding::{Finding, Severity};
use crate::rules::LoadError;
use crate::run::Report;
use codespan_reporting::diagnostic::{Diagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config};
use std::io;
use termcolor::WriteColor;

fn severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

pub fn diagnostic(f: &Finding) -> Diagnostic<usize> {
    let mut labels = vec![Label::primary(f.file, f.span.clone())];
    labels.extend(
        f.labels
            .iter()
            .map(|l| Label::secondary(l.file, l.span.clone()).with_message(&l.message)),
    );
    Diagnostic::new(severity(f.severity))
        .with_code(&f.rule)
        .with_message(&f.message)
        .with_labels(labels)
        .with_notes(f.notes.iter().map(|n| n.to_string()).collect())
}

/// Prints every finding, then the summary line.
pub fn print(report: &Report, out: &mut dyn WriteColor) -> io::Result<()> {
    let mut sink = HumanSink {
        color: out.supports_color(),
    };
    super::write_report(report, &mut sink, out)
}

/// Compiler-style findings, then the summary line. Each draft's findings
/// are rendered to a buffer (with ANSI colours if `color`) on any thread.
pub struct HumanSink {
    pub color: bool,
}

impl super::Sink for HumanSink {
    fn render(&self, report: &Report, findings: &[Finding], buf: &mut Vec<u8>) {
        let config = Config::default();
        let mut out = if self.color {
            termcolor::Buffer::ansi()
        } else {
            termcolor::Buffer::no_color()
        };
        let mut texts = Texts::new(&report.files);
        for f in findings {
            // Writing to memory does not fail.
            let _ = emit(report, &mut texts, &config, f, &mut out);
        }
        buf.extend_from_slice(out.as_slice());
    }

    fn tail(&mut self, report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
        writeln!(out, "{}", super::summary(report))
    }
}

/// Prints one finding, with the words of its drafts (`texts`).
fn emit(
    report: &Report,
    texts: &mut Texts,
    config: &Config,
    f: &Finding,
    out: &mut dyn WriteColor,
) -> io::Result<()> {
    match texts.focus(&Texts::of(f)) {
        Ok(()) => {
            let files = FileTable(&report.files, texts);
            term::emit_to_write_style(out, config, &files, &diagnostic(f)).map_err(to_io)?;
        }
        // The draft changed or vanished since it was checked: no
        // snippet to show, but still where and what.
        Err(why) => {
            let file = &report.files[f.file];
            let p = file.position(f.span.start);
            writeln!(
                out,
                "{}:{}:{}: {}[{}]: {} (cannot show the text: {why})",
                file.path,
                p.line,
                p.column,
                f.severity.as_str(),
                f.rule,
                f.message
            )?;
        }
    }
    Ok(())
}

/// Prints the files that could not be checked: one line each.
pub fn print_file_errors(report: &Report, out: &mut dyn WriteColor) -> io::Result<()> {
    for e in &report.errors {
        out.set_color(
            termcolor::ColorSpec::new()
                .set_fg(Some(termcolor::Color::Red))
                .set_bold(true),
        )?;
        write!(out, "error")?;
        out.reset()?;
        writeln!(out, ": {}: {}", e.path, e.message)?;
    }
    Ok(())
}

/// Prints rule, config and data errors like findings, pointing into the
/// TOML file.
pub fn print_load_errors(errors: &[LoadError], out: &mut dyn WriteColor) -> io::Result<()> {
    let config = Config::default();
    for e in errors {
        match (&e.text, &e.span) {
            (Some(text), Some(span)) => {
                let file = SimpleFile::new(e.path.as_str(), text.as_ref());
                let mut d = Diagnostic::error()
                    .with_message(&e.message)
                    .with_label(Label::primary((), span.clone()));
                if let Some(h) = &e.help {
                    d = d.with_note(format!("help: {h}"));
                }
                term::emit_to_write_style(out, &config, &file, &d).map_err(to_io)?;
            }
            _ => {
                out.set_color(
                    termcolor::ColorSpec::new()
                        .set_fg(Some(termcolor::Color::Red))
                        .set_bold(true),
                )?;
                write!(out, "error")?;
                out.reset()?;
                writeln!(out, ": {}: {}", e.path, e.message)?;
                if let Some(h) = &e.help {
                    writeln!(out, "  = help: {h}")?;
                }
            }
        }
    }
    Ok(())
}

fn to_io(e: codespan_reporting::files::Error) -> io::Error {
    match e {
        codespan_reporting::files::Error::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}
