//! `--changed-since REF`: which files git says changed, so a run can report
//! on those drafts alone.
//!
//! A file counts as changed when it differs between the merge base of `REF`
//! and `HEAD` and the working tree — that is, `git diff REF...HEAD` (what the
//! branch changed) plus staged and unstaged edits — or when it is untracked
//! and not ignored. Deleted files are left out: there is nothing to check.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The canonical paths of the files changed since `rev`, for a repository
/// found from the current folder. The error is a sentence for the user.
pub fn since(rev: &str) -> Result<HashSet<PathBuf>, String> {
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    let top = git(&cwd, &["rev-parse", "--show-toplevel"]).map_err(|e| {
        format!("--changed-since needs a git repository, and this is not one ({e})")
    })?;
    let top = PathBuf::from(top.trim_end_matches(['\n', '\r']));
    if rev.starts_with('-') || rev.is_empty() {
        return Err(format!("--changed-since: `{rev}` is not a git ref"));
    }
    git(
        &top,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|_| {
        format!(
            "--changed-since: unknown git ref `{rev}` (in a shallow clone, fetch more history, \
             e.g. actions/checkout with fetch-depth: 0)"
        )
    })?;
    let base = git(&top, &["merge-base", rev, "HEAD"])
        .map_err(|e| format!("--changed-since: `{rev}` and HEAD have no common history ({e})"))?;
    let base = base.trim();
    // The merge base against the working tree: the branch's commits plus
    // staged and unstaged edits.
    let diff = git(
        &top,
        &[
            "-c",
            "core.quotePath=false",
            "diff",
            "--name-only",
            "-z",
            "--no-ext-diff",
            "--diff-filter=d",
            base,
            "--",
        ],
    )?;
    let untracked = git(
        &top,
        &[
            "ls-files",
            "-z",
            "--others",
            "--exclude-standard",
            "--full-name",
        ],
    )?;
    Ok(diff
        .split('\0')
        .chain(untracked.split('\0'))
        .filter(|name| !name.is_empty())
        .filter_map(|name| std::fs::canonicalize(top.join(name)).ok())
        .collect())
}

/// Runs git in `dir`, returning its standard output or a one-line reason.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => "git is not installed or not on PATH".to_string(),
            _ => format!("cannot run git: {e}"),
        })?;
    if out.status.success() {
        // A path that is not UTF-8 cannot name a draft copydesk reads.
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        let err = err.trim();
        Err(if err.is_empty() {
            format!("git {} failed", args.join(" "))
        } else {
            err.lines()
                .next()
                .unwrap_or(err)
                .trim_start_matches("fatal: ")
                .to_string()
        })
    }
}
