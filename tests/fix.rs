//! `copydesk check --fix` and `--diff`: several and overlapping fixes,
//! idempotence, files that cannot be written, permissions, diffs.

mod common;
use common::*;
use std::fs;
use std::os::unix::fs::PermissionsExt;

/// A workspace whose pack has two overlapping substitutions.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::create_dir_all(p.join("rules")).unwrap();
    fs::create_dir_all(p.join("drafts")).unwrap();
    fs::write(
        p.join("rules/site.toml"),
        r#"
[[rule]]
id = "site-map"
kind = "substitution"
message = "write `{replacement}`, not `{match}`"
swap = { "site map" = "sitemap" }
"#,
    )
    .unwrap();
    fs::write(p.join("copydesk.toml"), "[rules]\npacks = [\"rules\"]\n").unwrap();
    dir
}

const A: &str = "The web site map is new. Send an e-mail.\nIt was on-line. It reportedly broke.\n";
const A_FIXED: &str =
    "The website map is new. Send an email.\nIt was online. It reportedly broke.\n";
const B: &str = "Another e-mail here.\n";
const B_FIXED: &str = "Another email here.\n";

#[test]
fn applies_several_and_overlapping_fixes_then_reports_the_rest() {
    let dir = workspace();
    let p = dir.path();
    fs::write(p.join("drafts/a.md"), A).unwrap();
    fs::write(p.join("drafts/b.md"), B).unwrap();
    fs::write(p.join("drafts/clean.md"), "Nothing to fix.\n").unwrap();
    let before = fs::metadata(p.join("drafts/clean.md"))
        .unwrap()
        .modified()
        .unwrap();
    let out = run_in(p, &["check", "--fix", "--fail-on", "info", "drafts"]);
    assert_eq!(fs::read_to_string(p.join("drafts/a.md")).unwrap(), A_FIXED);
    assert_eq!(fs::read_to_string(p.join("drafts/b.md")).unwrap(), B_FIXED);
    let err = stderr(&out);
    // "web site" and "site map" overlap: "web site" comes first and wins;
    // after it no "site map" is left.
    assert!(err.contains("fixed 3 findings in drafts/a.md\n"), "{err}");
    assert!(err.contains("fixed 1 finding in drafts/b.md\n"), "{err}");
    assert!(!err.contains("clean.md"), "{err}");
    assert_eq!(
        fs::metadata(p.join("drafts/clean.md"))
            .unwrap()
            .modified()
            .unwrap(),
        before,
        "a file without fixes is not touched"
    );
    // What is left is reported as usual, against the fixed text.
    let text = stdout(&out);
    assert!(text.contains("drafts/a.md:2:19"), "{text}");
    assert!(text.contains("hedge-reportedly"), "{text}");
    assert!(text.ends_with("1 note in 1 draft (3 checked)\n"), "{text}");
    assert_eq!(code(&out), 1);

    // A second run has nothing to fix and changes nothing.
    let again = run_in(p, &["check", "--fix", "drafts"]);
    assert!(!stderr(&again).contains("fixed"), "{}", stderr(&again));
    assert_eq!(fs::read_to_string(p.join("drafts/a.md")).unwrap(), A_FIXED);
    assert_eq!(code(&again), 0);
}

#[test]
fn overlapping_fixes_are_applied_one_at_a_time() {
    let dir = workspace();
    let p = dir.path();
    // The rules are applied again after each round: "site map" is fixed
    // first (it starts first), then "web site" no longer matches.
    fs::write(
        p.join("drafts/a.md"),
        "A site map and a web site.\nThe web site map.\n",
    )
    .unwrap();
    let out = run_in(p, &["check", "--fix", "drafts/a.md"]);
    assert_eq!(
        fs::read_to_string(p.join("drafts/a.md")).unwrap(),
        "A sitemap and a website.\nThe website map.\n"
    );
    assert!(
        stderr(&out).contains("fixed 3 findings in drafts/a.md"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn without_fix_nothing_is_written() {
    let dir = workspace();
    let p = dir.path();
    fs::write(p.join("drafts/a.md"), A).unwrap();
    for args in [
        &["check", "drafts"][..],
        &["check", "--format", "json", "drafts"],
    ] {
        run_in(p, args);
        assert_eq!(fs::read_to_string(p.join("drafts/a.md")).unwrap(), A);
    }
}

#[test]
fn diff_prints_the_changes_and_writes_nothing() {
    let dir = workspace();
    let p = dir.path();
    fs::write(p.join("drafts/a.md"), A).unwrap();
    fs::write(p.join("drafts/clean.md"), "Nothing to fix.\n").unwrap();
    let out = run_in(p, &["check", "--diff", "drafts"]);
    assert_eq!(
        stdout(&out),
        "--- a/drafts/a.md\n+++ b/drafts/a.md\n@@ -1,2 +1,2 @@\n\
         -The web site map is new. Send an e-mail.\n\
         -It was on-line. It reportedly broke.\n\
         +The website map is new. Send an email.\n\
         +It was online. It reportedly broke.\n"
    );
    assert!(stderr(&out).contains("would fix 3 findings in drafts/a.md"));
    assert_eq!(code(&out), 1);
    assert_eq!(fs::read_to_string(p.join("drafts/a.md")).unwrap(), A);
    let clean = run_in(p, &["check", "--diff", "drafts/clean.md"]);
    assert_eq!(stdout(&clean), "");
    assert_eq!(code(&clean), 0);
}

#[test]
fn permissions_and_symbolic_links_are_kept() {
    let dir = workspace();
    let p = dir.path();
    fs::write(p.join("drafts/a.md"), A).unwrap();
    fs::set_permissions(p.join("drafts/a.md"), fs::Permissions::from_mode(0o640)).unwrap();
    fs::write(p.join("real.md"), B).unwrap();
    std::os::unix::fs::symlink(p.join("real.md"), p.join("drafts/link.md")).unwrap();
    let out = run_in(p, &["check", "--fix", "drafts"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let mode = fs::metadata(p.join("drafts/a.md"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o640);
    assert!(
        fs::symlink_metadata(p.join("drafts/link.md"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(p.join("real.md")).unwrap(), B_FIXED);
    // No temporary file is left behind.
    let left: Vec<_> = fs::read_dir(p.join("drafts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("copydesk"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

fn is_root() -> bool {
    // Root writes through mode bits: a probe file that is read-only for
    // everyone still opens for writing.
    let dir = tempfile::tempdir().unwrap();
    let probe = dir.path().join("probe");
    fs::write(&probe, "").unwrap();
    fs::set_permissions(&probe, fs::Permissions::from_mode(0o444)).unwrap();
    fs::OpenOptions::new().write(true).open(&probe).is_ok()
}

#[test]
fn a_read_only_file_is_an_error_and_the_others_are_still_fixed() {
    // copydesk refuses a file whose mode has no write bit, whoever runs it
    // (root included), rather than replacing it.
    let dir = workspace();
    let p = dir.path();
    fs::write(p.join("drafts/a.md"), A).unwrap();
    fs::write(p.join("drafts/b.md"), B).unwrap();
    fs::set_permissions(p.join("drafts/a.md"), fs::Permissions::from_mode(0o444)).unwrap();
    let out = run_in(p, &["check", "--fix", "drafts"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains(
            "error: drafts/a.md: cannot write the fixes (3 findings): the file is read-only"
        ),
        "{err}"
    );
    assert_eq!(fs::read_to_string(p.join("drafts/a.md")).unwrap(), A);
    assert_eq!(fs::read_to_string(p.join("drafts/b.md")).unwrap(), B_FIXED);
    // Its findings are reported against the text as it is.
    let text = stdout(&out);
    assert!(text.contains("drafts/a.md:1:5"), "{text}");
}

#[test]
fn a_folder_that_cannot_hold_the_temporary_file_is_an_error() {
    if is_root() {
        // Folder permissions do not stop root; the library test below
        // covers a folder gone from under the file.
        return;
    }
    let dir = workspace();
    let p = dir.path();
    fs::create_dir(p.join("drafts/locked")).unwrap();
    fs::write(p.join("drafts/locked/a.md"), A).unwrap();
    fs::write(p.join("drafts/b.md"), B).unwrap();
    fs::set_permissions(p.join("drafts/locked"), fs::Permissions::from_mode(0o555)).unwrap();
    let out = run_in(p, &["check", "--fix", "drafts"]);
    fs::set_permissions(p.join("drafts/locked"), fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("cannot create a temporary file"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(p.join("drafts/locked/a.md")).unwrap(), A);
    assert_eq!(fs::read_to_string(p.join("drafts/b.md")).unwrap(), B_FIXED);
}

#[test]
fn a_missing_file_is_an_error_and_the_others_are_still_fixed() {
    let dir = workspace();
    let p = dir.path();
    fs::write(p.join("drafts/b.md"), B).unwrap();
    let out = run_in(p, &["check", "--fix", "drafts/gone.md", "drafts/b.md"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("error: drafts/gone.md: no such file or directory"));
    assert_eq!(fs::read_to_string(p.join("drafts/b.md")).unwrap(), B_FIXED);
}

/// The write step on its own, for files that change between the check and
/// the write.
#[test]
fn write_refuses_files_that_vanished_or_changed() {
    use copydesk::fix::write_fixed;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let path = p.join("a.md");
    fs::write(&path, A).unwrap();
    fs::remove_file(&path).unwrap();
    let e = write_fixed(&path, A, A_FIXED).unwrap_err();
    assert!(e.contains("the file is gone"), "{e}");
    assert!(!path.exists(), "a vanished file is not created again");

    // Its folder replaced by a file: nothing can be written there, not
    // even by root.
    fs::create_dir(p.join("sub")).unwrap();
    fs::write(p.join("sub/a.md"), A).unwrap();
    fs::remove_dir_all(p.join("sub")).unwrap();
    fs::write(p.join("sub"), "not a folder").unwrap();
    assert!(write_fixed(&p.join("sub/a.md"), A, A_FIXED).is_err());

    fs::write(&path, "edited meanwhile\n").unwrap();
    let e = write_fixed(&path, A, A_FIXED).unwrap_err();
    assert!(e.contains("changed on disk"), "{e}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "edited meanwhile\n");

    fs::write(&path, A).unwrap();
    write_fixed(&path, A, A_FIXED).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), A_FIXED);
}

#[test]
fn fix_conflicts_with_stdin() {
    let dir = workspace();
    let out = run_in(dir.path(), &["check", "--fix", "--stdin"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn fix_with_json_output_reports_the_rest() {
    let dir = workspace();
    let p = dir.path();
    fs::write(p.join("drafts/a.md"), A).unwrap();
    let out = run_in(p, &["check", "--fix", "--format", "json", "drafts"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let rules: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["hedge-reportedly"]);
}
