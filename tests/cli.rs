//! The command line as a user meets it: exit codes, config discovery, stdin,
//! errors in rule files and unreadable drafts.

mod common;
use common::*;
use std::fs;
use std::io::Write;
use std::process::{Command, Stdio};

fn write(dir: &std::path::Path, name: &str, text: &str) {
    let p = dir.join(name);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

#[test]
fn exit_codes_follow_fail_on() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", "Send an e-mail.\n"); // an info finding
    let info = |fail_on: &str| {
        code(&run_in(
            dir.path(),
            &["check", "--no-config", "--fail-on", fail_on, "a.md"],
        ))
    };
    assert_eq!(info("warning"), 0);
    assert_eq!(info("info"), 1);
    assert_eq!(info("never"), 0);
    write(dir.path(), "b.md", "It was claimed by Al Qaeda.\n"); // a warning
    assert_eq!(
        code(&run_in(dir.path(), &["check", "--no-config", "b.md"])),
        1
    );
    assert_eq!(
        code(&run_in(
            dir.path(),
            &["check", "--no-config", "--fail-on", "error", "b.md"]
        )),
        0
    );
}

#[test]
fn bad_flags_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["check", "--format", "yaml"]);
    assert_eq!(code(&out), 2);
    let out = run_in(dir.path(), &["check", "--date", "20 June"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("YYYY-MM-DD"), "{}", stderr(&out));
}

#[test]
fn summary_line_and_default_path() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "drafts/a.md", "Send an e-mail.\n");
    write(dir.path(), "drafts/b.txt", "Nothing to see.\n");
    write(
        dir.path(),
        "drafts/c.html",
        "An e-mail in a file that is not a draft.\n",
    );
    write(
        dir.path(),
        ".hidden/d.md",
        "An e-mail in a hidden folder.\n",
    );
    let out = run_in(dir.path(), &["check", "--no-config"]);
    let text = stdout(&out);
    assert!(text.contains("┌─ drafts/a.md:1:9"), "{text}");
    assert!(text.ends_with("1 note in 1 draft (2 checked)\n"), "{text}");
}

#[test]
fn config_is_discovered_upward_and_disables_rules() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "copydesk.toml",
        "[rules]\ndisable = [\"e-mail\"]\n",
    );
    write(
        dir.path(),
        "news/today/a.md",
        "Send an e-mail. Al Qaeda said so.\n",
    );
    let out = run_in(
        &dir.path().join("news/today"),
        &["check", "--format", "json", "a.md"],
    );
    let text = stdout(&out);
    assert!(!text.contains("\"e-mail\""), "{text}");
    assert!(text.contains("\"al-qaida\""), "{text}");
    // --no-config ignores it.
    let out = run_in(
        &dir.path().join("news/today"),
        &["check", "--no-config", "--format", "json", "a.md"],
    );
    assert!(stdout(&out).contains("\"e-mail\""));
}

#[test]
fn severity_override_include_and_exclude() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "copydesk.toml",
        "[rules.severity]\ne-mail = \"error\"\n[files]\ninclude = [\"drafts/**\"]\nexclude = [\"drafts/archive/**\"]\n",
    );
    write(dir.path(), "drafts/a.md", "Send an e-mail.\n");
    write(dir.path(), "drafts/archive/old.md", "Send an e-mail.\n");
    write(dir.path(), "notes/n.md", "Send an e-mail.\n");
    let out = run_in(dir.path(), &["check", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["files_checked"], 1);
    assert_eq!(doc["diagnostics"][0]["severity"], "error");
    assert_eq!(doc["diagnostics"][0]["path"], "drafts/a.md");
    assert_eq!(code(&out), 1);
}

#[test]
fn unknown_rule_id_in_config_points_at_it() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "copydesk.toml",
        "[rules]\ndisable = [\"no-such-rule\"]\n",
    );
    let out = run_in(dir.path(), &["check"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("unknown rule id `no-such-rule`"), "{err}");
    assert!(err.contains("copydesk.toml:2:12"), "{err}");
}

#[test]
fn missing_data_file_points_at_config() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "copydesk.toml",
        "[data]\npeople = [\"data/missing.toml\"]\n",
    );
    let out = run_in(dir.path(), &["check"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("people registry `data/missing.toml` does not exist"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn stdin_with_filename() {
    let mut child = Command::new(bin())
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            "--stdin",
            "--stdin-filename",
            "desk/draft.md",
        ])
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Café — by e-mail.\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let doc: serde_json::Value =
        serde_json::from_str(&String::from_utf8(out.stdout).unwrap()).unwrap();
    assert_eq!(doc["files_checked"], 1);
    let d = &doc["diagnostics"][0];
    assert_eq!(d["path"], "desk/draft.md");
    assert_eq!(d["range"]["start"]["column"], 11);
    assert_eq!(d["range"]["start"]["byte"], 13);
}

/// Each bad rule file exits 2 naming the file, line and column, with a caret.
#[test]
fn rule_file_errors_point_into_the_toml() {
    let cases = [
        (
            "invalid-regex.toml",
            "invalid-regex.toml:5:25",
            "invalid regular expression",
        ),
        ("wrong-type.toml", "wrong-type.toml:5:10", "invalid type"),
        (
            "unknown-key.toml",
            "unknown-key.toml:6:1",
            "unknown field `replace_with`",
        ),
        (
            "unknown-kind.toml",
            "unknown-kind.toml:3:8",
            "unknown rule kind `spellcheck`",
        ),
        (
            "bad-syntax.toml",
            "bad-syntax.toml:3:18",
            "invalid basic string",
        ),
    ];
    for (file, place, message) in cases {
        let dir = tempfile::tempdir().unwrap();
        fs::copy(
            fixtures().join("bad-rules").join(file),
            dir.path().join(file),
        )
        .unwrap();
        write(
            dir.path(),
            "copydesk.toml",
            &format!("[rules]\npacks = [\"{file}\"]\n"),
        );
        write(dir.path(), "a.md", "Text.\n");
        let out = run_in(dir.path(), &["check", "a.md"]);
        let err = stderr(&out);
        assert_eq!(code(&out), 2, "{file}: {err}");
        assert!(
            err.contains(&format!("┌─ {place}")),
            "{file}: expected {place} in\n{err}"
        );
        assert!(
            err.contains(message),
            "{file}: expected {message:?} in\n{err}"
        );
        assert!(err.contains('^'), "{file}: no caret in\n{err}");
        assert!(stdout(&out).is_empty());
    }
}

#[test]
fn rule_error_snapshots() {
    for file in ["invalid-regex.toml", "unknown-key.toml"] {
        let dir = tempfile::tempdir().unwrap();
        fs::copy(
            fixtures().join("bad-rules").join(file),
            dir.path().join(file),
        )
        .unwrap();
        write(
            dir.path(),
            "copydesk.toml",
            &format!("[rules]\npacks = [\"{file}\"]\n"),
        );
        let out = run_in(dir.path(), &["check", "."]);
        insta::assert_snapshot!(file, stderr(&out));
    }
}

/// A folder with a binary file, an invalid UTF-8 file and an unreadable one:
/// one clear error line each, the good file still checked, exit status 2.
#[test]
fn bad_files_are_reported_and_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "drafts/good.md", "Send an e-mail.\n");
    fs::write(
        d.join("drafts/binary.md"),
        b"PK\x03\x04\x00\x00binary\x00data",
    )
    .unwrap();
    fs::write(d.join("drafts/latin1.md"), b"Caf\xe9 owners said.\n").unwrap();
    std::os::unix::fs::symlink(d.join("drafts/nowhere.md"), d.join("drafts/broken-link.md"))
        .unwrap();
    write(d, "drafts/locked.md", "Locked.\n");
    let locked = d.join("drafts/locked.md");
    let mut perms = fs::metadata(&locked).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o000);
    fs::set_permissions(&locked, perms).unwrap();
    // Root reads anything: then the locked file is simply checked.
    let locked_is_unreadable = fs::read(&locked).is_err();

    let out = run_in(d, &["check", "--no-config", "--format", "json", "drafts"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("error: drafts/binary.md: binary file")),
        "{err}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("error: drafts/latin1.md: not valid UTF-8 (line 1, byte 3)")),
        "{err}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("error: drafts/broken-link.md:")),
        "{err}"
    );
    if locked_is_unreadable {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("error: drafts/locked.md: permission denied")),
            "{err}"
        );
    }
    assert_eq!(
        lines.len(),
        3 + usize::from(locked_is_unreadable),
        "one line per bad file:\n{err}"
    );
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["diagnostics"][0]["path"], "drafts/good.md");
    assert!(!err.contains("panicked"));
}

#[test]
fn missing_path_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["check", "--no-config", "nowhere.md"]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error: nowhere.md: no such file or directory\n"
    );
}

#[test]
fn rules_lists_and_explain_explains() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["rules", "--no-config"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).lines().any(|l| l.starts_with("e-mail")
        && l.contains("substitution")
        && l.contains("<built-in>/rules/style.toml:")));
    let out = run_in(dir.path(), &["explain", "--no-config", "e-mail"]);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    assert!(
        text.contains("Flagged:") && text.contains("copydesk-disable-next-line e-mail"),
        "{text}"
    );
    let out = run_in(dir.path(), &["explain", "--no-config", "nope"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn rules_test_runs_a_newsroom_pack() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "house/style.toml",
        r#"
[[rule]]
id = "colour"
kind = "substitution"
message = "use `{replacement}`"
description = "American spelling."
swap = { colour = "color" }
bad = ["The colour of money."]
good = ["The color of money."]

[[rule]]
id = "rotten"
kind = "existence"
message = "found `{match}`"
description = "A rule whose examples have rotted."
tokens = ["synergy"]
bad = ["No match here."]
good = ["Synergy is flagged."]
"#,
    );
    let out = run_in(dir.path(), &["rules", "--no-config", "--test", "house"]);
    let text = stdout(&out);
    assert_eq!(code(&out), 1, "{text}");
    assert!(
        text.contains("FAIL rotten (house/style.toml:11): bad example not flagged"),
        "{text}"
    );
    assert!(
        text.contains("FAIL rotten (house/style.toml:11): good example flagged"),
        "{text}"
    );
    assert!(text.ends_with("2 passed, 2 failed\n"), "{text}");
}
