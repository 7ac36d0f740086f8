//! Machine-applicable fixes: applying them to drafts (`copydesk check --fix`
//! and `--diff`, an editor's quick fixes), writing fixed files safely, and
//! unified diffs.
//!
//! Fixes are applied in rounds: the fixes of a round never overlap; a fix
//! that overlaps an earlier one waits, the drafts are checked again, and the
//! next round applies what the new findings still ask for. A draft whose
//! fixes are all applied has no fix left, so a second run changes nothing.

use crate::date::Date;
use crate::draft::Draft;
use crate::finding::{FileId, Finding, Fix};
use crate::run::{self, Engine, FileError, Report};
use crate::source::SourceFile;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The most rounds of fixing one run does; fixes that keep asking for more
/// after that are left as findings.
pub const MAX_ROUNDS: usize = 10;

/// A draft whose text the fixes changed.
#[derive(Clone, Debug)]
pub struct Fixed {
    pub file: FileId,
    /// The file to write.
    pub path: PathBuf,
    /// The text as read.
    pub original: String,
    /// How many fixes were applied, over every round.
    pub applied: usize,
    /// The findings of the text as read: what is reported for the draft if
    /// the fixed text cannot be written.
    pub original_findings: Vec<Finding>,
}

/// The fixes to apply in one round, in text order: a fix that overlaps (or
/// starts where) an earlier one does is left out, and so is a fix that
/// changes nothing or does not fit the text.
pub fn non_overlapping<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> Vec<&'a Fix> {
    let mut fixes: Vec<&Fix> = fixes
        .into_iter()
        .filter(|f| {
            f.span.start <= f.span.end
                && text
                    .get(f.span.clone())
                    .is_some_and(|old| old != f.replacement)
        })
        .collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    let mut chosen: Vec<&Fix> = Vec::with_capacity(fixes.len());
    for f in fixes {
        match chosen.last() {
            Some(prev) if f.span.start < prev.span.end || f.span.start == prev.span.start => {}
            _ => chosen.push(f),
        }
    }
    chosen
}

/// `text` with `fixes` applied; they must be sorted and disjoint, as
/// [`non_overlapping`] returns them.
pub fn apply(text: &str, fixes: &[&Fix]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for f in fixes {
        out.push_str(&text[at..f.span.start]);
        out.push_str(&f.replacement);
        at = f.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Applies the fixes of `findings` (those of [`run::analyze`] on `drafts`
/// and `archive`) to the drafts `fixable` picks, round after round, until no
/// fix is left or [`MAX_ROUNDS`]. Returns the findings of the fixed drafts
/// and what changed.
pub fn fix_drafts(
    engine: &mut Engine,
    drafts: &mut [Draft],
    archive: &[Draft],
    default_date: Date,
    mut findings: Vec<Finding>,
    fixable: impl Fn(FileId) -> bool,
) -> (Vec<Finding>, Vec<Fixed>) {
    let mut fixed: BTreeMap<FileId, Fixed> = BTreeMap::new();
    for _ in 0..MAX_ROUNDS {
        let mut by_file: BTreeMap<FileId, Vec<&Fix>> = BTreeMap::new();
        for f in &findings {
            if let Some(fix) = &f.fix
                && f.file < drafts.len()
                && fixable(f.file)
            {
                by_file.entry(f.file).or_default().push(fix);
            }
        }
        let mut changed = false;
        for (file, fixes) in by_file {
            let draft = &drafts[file];
            let chosen = non_overlapping(&draft.text, fixes);
            if chosen.is_empty() {
                continue;
            }
            let text = apply(&draft.text, &chosen);
            let entry = fixed.entry(file).or_insert_with(|| Fixed {
                file,
                path: PathBuf::from(&draft.path),
                original: draft.text.clone(),
                applied: 0,
                original_findings: findings
                    .iter()
                    .filter(|f| f.file == file)
                    .cloned()
                    .collect(),
            });
            entry.applied += chosen.len();
            let format = crate::draft::Format::from_path(&draft.path);
            drafts[file] = Draft::parse_as(draft.path.clone(), text, format, &engine.language);
            changed = true;
        }
        if !changed {
            break;
        }
        findings = run::analyze(engine, drafts, archive, default_date);
    }
    // Fixes that undid each other leave nothing to write.
    fixed.retain(|_, f| drafts[f.file].text != f.original);
    (findings, fixed.into_values().collect())
}

/// Replaces the file at `path`, which held `original` when it was read, with
/// `text`: written to a temporary file in the same folder, given the
/// original's permissions, then renamed over it, so a reader sees the old
/// text or the new, never half. A symbolic link is followed and kept.
/// Refuses a file that is read-only, gone, or changed since it was read.
pub fn write_fixed(path: &Path, original: &str, text: &str) -> Result<(), String> {
    let gone = |e: &io::Error| {
        if e.kind() == io::ErrorKind::NotFound {
            "the file is gone (it was moved or deleted after it was read)".to_string()
        } else {
            crate::rules::io_message(e)
        }
    };
    let target = std::fs::canonicalize(path).map_err(|e| gone(&e))?;
    let meta = std::fs::metadata(&target).map_err(|e| gone(&e))?;
    if meta.permissions().readonly() {
        return Err("the file is read-only".to_string());
    }
    let now = std::fs::read(&target).map_err(|e| gone(&e))?;
    if now != original.as_bytes() {
        return Err("the file changed on disk after it was read; run again".to_string());
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let (tmp, mut file) = temp_file(dir).map_err(|e| {
        format!(
            "cannot create a temporary file in its folder: {}",
            crate::rules::io_message(&e)
        )
    })?;
    let written = (|| {
        file.write_all(text.as_bytes())?;
        file.set_permissions(meta.permissions())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            // Best effort: only root can give a file to another owner.
            let _ = std::os::unix::fs::chown(&tmp, Some(meta.uid()), Some(meta.gid()));
        }
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, &target)
    })();
    written.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        crate::rules::io_message(&e)
    })
}

/// A new file with a short name of its own in `dir`.
fn temp_file(dir: &Path) -> io::Result<(PathBuf, std::fs::File)> {
    let pid = std::process::id();
    let mut last = None;
    for n in 0..100u32 {
        let p = dir.join(format!(".copydesk-{pid}-{n}.tmp"));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&p)
        {
            Ok(f) => return Ok((p, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

/// A unified diff of one file, `a/PATH` to `b/PATH`, as `git diff` shows it.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    let path = path.strip_prefix("./").unwrap_or(path);
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// After [`run::run_fixing`]: writes every fixed draft (or,
/// with `diff`, prints its diff on `out` and writes nothing), saying what
/// changed on `log`. A draft that cannot be written becomes an error of the
/// report, and its findings are those of its text as read. Returns how many
/// drafts were (or would be) changed.
pub fn settle(
    report: &mut Report,
    fixed: Vec<Fixed>,
    diff: bool,
    out: &mut dyn Write,
    log: &mut dyn Write,
) -> io::Result<usize> {
    let mut changed = 0;
    for f in fixed {
        let shown = report.files[f.file].path.clone();
        let (n, s) = (f.applied, plural(f.applied));
        if diff {
            out.write_all(
                unified_diff(&shown, &f.original, &report.files[f.file].text).as_bytes(),
            )?;
            writeln!(log, "would fix {n} finding{s} in {shown}")?;
            changed += 1;
            continue;
        }
        match write_fixed(&f.path, &f.original, &report.files[f.file].text) {
            Ok(()) => {
                writeln!(log, "fixed {n} finding{s} in {shown}")?;
                changed += 1;
            }
            Err(message) => {
                report.errors.push(FileError {
                    path: shown.clone(),
                    message: format!("cannot write the fixes ({n} finding{s}): {message}"),
                });
                report.files[f.file] = SourceFile::new(shown, f.original);
                report.findings.retain(|x| x.file != f.file);
                report.findings.extend(f.original_findings);
                report
                    .findings
                    .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            }
        }
    }
    report.errors.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(span: std::ops::Range<usize>, r: &str) -> Fix {
        Fix {
            span,
            replacement: r.to_string(),
        }
    }

    #[test]
    fn overlapping_fixes_wait_for_the_next_round() {
        let text = "a web site map here";
        let fixes = [
            fix(2..10, "website"),
            fix(6..14, "sitemap"),
            fix(15..19, "there"),
        ];
        let chosen = non_overlapping(text, &fixes);
        assert_eq!(chosen.len(), 2);
        assert_eq!(apply(text, &chosen), "a website map there");
    }

    #[test]
    fn no_op_and_out_of_range_fixes_are_dropped() {
        let text = "same";
        let fixes = [fix(0..4, "same"), fix(2..9, "x"), fix(0..0, "<")];
        let chosen = non_overlapping(text, &fixes);
        assert_eq!(apply(text, &chosen), "<same");
    }

    #[test]
    fn insertions_at_one_place_are_one_at_a_time() {
        let fixes = [fix(1..1, "x"), fix(1..1, "y")];
        assert_eq!(non_overlapping("ab", &fixes).len(), 1);
    }

    #[test]
    fn diff_has_headers_and_hunks() {
        let d = unified_diff("d/a.md", "one\ntwo\n", "one\n2\n");
        assert!(
            d.starts_with("--- a/d/a.md\n+++ b/d/a.md\n@@ -1,2 +1,2 @@\n"),
            "{d}"
        );
        assert!(d.contains("-two\n+2\n"), "{d}");
    }
}
