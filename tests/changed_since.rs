//! `copydesk check --changed-since REF` in a temporary git repository: only
//! drafts changed since REF (on the branch, staged, unstaged or untracked)
//! are reported, every draft is still learned from, and git trouble exits 2.

mod common;
use common::*;
use copydesk::check::{Check, Context, Learned};
use copydesk::draft::Draft;
use copydesk::finding::{FileId, Finding, Severity};
use copydesk::run::{self, Engine, Options};
use std::collections::HashSet;
use std::fs;
use std::path::Path;
use std::process::Command;

const BAD: &str = "The attack was claimed by Al Qaeda.\n"; // a warning
const GOOD: &str = "The attack was claimed by al-Qaida.\n";

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "core.hooksPath=/dev/null",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Desk")
        .env("GIT_AUTHOR_EMAIL", "desk@example.com")
        .env("GIT_COMMITTER_NAME", "Desk")
        .env("GIT_COMMITTER_EMAIL", "desk@example.com")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A repository whose `main` has four drafts with a finding each, and a
/// branch `feature` that adds one draft and edits another; then, uncommitted:
/// a staged edit, an unstaged edit, an untracked draft and a deleted draft.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    for name in ["old", "edited", "staged", "unstaged"] {
        write(d, &format!("drafts/{name}.md"), BAD);
    }
    write(d, "drafts/gone.md", BAD);
    write(d, "notes.txt", BAD);
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "main"]);
    git(d, &["checkout", "-q", "-b", "feature"]);
    write(d, "drafts/new.md", BAD);
    write(d, "drafts/edited.md", &format!("{BAD}More.\n"));
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "feature"]);
    write(d, "drafts/staged.md", &format!("{BAD}Staged.\n"));
    git(d, &["add", "drafts/staged.md"]);
    write(d, "drafts/unstaged.md", &format!("{BAD}Unstaged.\n"));
    write(d, "drafts/untracked.md", BAD);
    fs::remove_file(d.join("drafts/gone.md")).unwrap();
    dir
}

fn paths_with_findings(dir: &Path, args: &[&str]) -> (Vec<String>, usize, i32) {
    let mut all = vec!["check", "--no-config", "--format", "json"];
    all.extend_from_slice(args);
    let out = run_in(dir, &all);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out))
        .unwrap_or_else(|_| panic!("JSON: {} {}", stdout(&out), stderr(&out)));
    let mut paths: Vec<String> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_string())
        .collect();
    paths.dedup();
    (
        paths,
        doc["files_checked"].as_u64().unwrap() as usize,
        code(&out),
    )
}

#[test]
fn reports_drafts_changed_on_the_branch_and_in_the_working_tree() {
    let dir = repository();
    let (paths, checked, status) = paths_with_findings(dir.path(), &["--changed-since", "main"]);
    assert_eq!(
        paths,
        [
            "drafts/edited.md",
            "drafts/new.md",
            "drafts/staged.md",
            "drafts/unstaged.md",
            "drafts/untracked.md",
        ]
    );
    assert_eq!(checked, 5);
    assert_eq!(status, 1);
    // Without the flag every draft is reported.
    let (paths, checked, _) = paths_with_findings(dir.path(), &[]);
    assert_eq!(paths.len(), 7, "{paths:?}");
    assert_eq!(checked, 7);
}

#[test]
fn intersects_with_the_paths_given() {
    let dir = repository();
    let (paths, checked, _) = paths_with_findings(
        dir.path(),
        &["--changed-since", "main", "drafts/new.md", "drafts/old.md"],
    );
    assert_eq!(paths, ["drafts/new.md"]);
    assert_eq!(checked, 1);
    // From a subfolder, with paths relative to it.
    let (paths, _, _) = paths_with_findings(
        &dir.path().join("drafts"),
        &["--changed-since", "main", "."],
    );
    assert_eq!(paths.len(), 5, "{paths:?}");
    assert!(paths.iter().all(|p| p.starts_with("./")), "{paths:?}");
}

#[test]
fn a_ref_at_head_leaves_only_uncommitted_changes() {
    let dir = repository();
    let (paths, _, _) = paths_with_findings(dir.path(), &["--changed-since", "HEAD"]);
    assert_eq!(
        paths,
        [
            "drafts/staged.md",
            "drafts/unstaged.md",
            "drafts/untracked.md"
        ]
    );
    // Once everything is committed and fixed, nothing is left to report.
    for name in ["staged", "unstaged", "untracked"] {
        write(dir.path(), &format!("drafts/{name}.md"), GOOD);
    }
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "fix"]);
    let (paths, checked, status) = paths_with_findings(dir.path(), &["--changed-since", "HEAD"]);
    assert!(paths.is_empty(), "{paths:?}");
    assert_eq!((checked, status), (0, 0));
}

#[test]
fn git_trouble_exits_2_with_a_clear_error() {
    let dir = repository();
    let out = run_in(
        dir.path(),
        &["check", "--no-config", "--changed-since", "no-such-branch"],
    );
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("unknown git ref `no-such-branch`"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());

    let plain = tempfile::tempdir().unwrap();
    write(plain.path(), "a.md", BAD);
    let out = run_in(
        plain.path(),
        &["check", "--no-config", "--changed-since", "main"],
    );
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("needs a git repository"),
        "{}",
        stderr(&out)
    );

    let out = run_in(dir.path(), &["check", "--stdin", "--changed-since", "main"]);
    assert_eq!(code(&out), 2, "--stdin and --changed-since conflict");
}

/// A check that learns every draft's path and, in each draft it checks,
/// reports the drafts it learned from.
struct Spy(Vec<String>);

impl Check for Spy {
    fn learn(&self, draft: &Draft, _cx: &Context) -> Option<Learned> {
        Some(Box::new(draft.path.clone()))
    }

    fn prepare(&mut self, learned: Vec<(FileId, Learned)>) {
        self.0 = learned
            .into_iter()
            .map(|(_, l)| *l.downcast::<String>().unwrap())
            .collect();
    }

    fn needs_run(&self) -> bool {
        true
    }

    fn check(&self, _draft: &Draft, cx: &Context, out: &mut Vec<Finding>) {
        out.push(Finding {
            file: cx.file,
            rule: "spy".into(),
            kind: "pattern",
            severity: Severity::Warning,
            message: self.0.join(" "),
            span: 0..0,
            labels: Vec::new(),
            notes: Default::default(),
            fix: None,
        });
    }
}

#[test]
fn unchanged_drafts_still_teach() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a", "b", "c"] {
        write(dir.path(), &format!("{name}.md"), GOOD);
    }
    let pack = copydesk::rules::Pack::default();
    let mut engine = Engine {
        language: pack.language(),
        pack,
        checks: vec![Box::new(Spy(Vec::new()))],
    };
    let root = dir.path().to_string_lossy().replace('\\', "/");
    let changed: HashSet<_> = [fs::canonicalize(dir.path().join("b.md")).unwrap()].into();
    let options = Options {
        paths: vec![root.clone()],
        changed: Some(changed),
        ..Options::default()
    };
    let report = run::run(
        &mut engine,
        &copydesk::settings::Config::default(),
        &options,
    );
    assert_eq!(report.files_checked, 1);
    assert_eq!(report.findings.len(), 1);
    let f = &report.findings[0];
    assert_eq!(report.files[f.file].path, format!("{root}/b.md"));
    assert_eq!(
        f.message,
        format!("{root}/a.md {root}/b.md {root}/c.md"),
        "every draft was learned from"
    );
}
