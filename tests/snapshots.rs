//! Fixture drafts under `tests/fixtures/drafts/`, checked with the built-in
//! pack; the human and JSON output of each is a snapshot.
//! Update with `INSTA_UPDATE=always cargo test` and review the diff.

mod common;
use common::*;

fn check(format: &str, path: &str) -> (String, i32) {
    let out = run_in(
        &fixtures(),
        &[
            "check",
            "--no-config",
            "--date",
            "2025-06-20",
            "--format",
            format,
            path,
        ],
    );
    (stdout(&out), code(&out))
}

#[test]
fn human_output() {
    insta::glob!("fixtures/drafts/*", |path| {
        let rel = format!("drafts/{}", path.file_name().unwrap().to_string_lossy());
        let (out, code) = check("human", &rel);
        insta::assert_snapshot!(format!("exit status {code}\n{out}"));
    });
}

#[test]
fn json_output() {
    insta::glob!("fixtures/drafts/*", |path| {
        let rel = format!("drafts/{}", path.file_name().unwrap().to_string_lossy());
        let (out, _) = check("json", &rel);
        let value: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
        insta::assert_json_snapshot!(value);
    });
}
