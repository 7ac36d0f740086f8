//! The JSON contract of `spec/interfaces.md`: for every diagnostic the bytes
//! at `range` are the words it reports, and `line`/`column` agree with the
//! bytes (columns in Unicode scalar values).

mod common;
use common::*;
use serde_json::Value;

/// An independent line/column computation to hold the reporter to.
fn line_col(text: &str, byte: usize) -> (u64, u64) {
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line as u64, col as u64)
}

fn assert_position(text: &str, pos: &Value) {
    let byte = pos["byte"].as_u64().unwrap() as usize;
    assert!(
        text.is_char_boundary(byte),
        "byte {byte} is inside a character"
    );
    let (line, col) = line_col(text, byte);
    assert_eq!(pos["line"].as_u64(), Some(line), "line of byte {byte}");
    assert_eq!(pos["column"].as_u64(), Some(col), "column of byte {byte}");
}

#[test]
fn ranges_agree_with_bytes_lines_and_columns() {
    let dir = fixtures();
    let out = run_in(
        &dir,
        &[
            "check",
            "--no-config",
            "--format",
            "json",
            "--fail-on",
            "never",
            "drafts",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let doc: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(doc["version"], 1);
    assert!(doc["files_checked"].as_u64().unwrap() >= 2);
    let diags = doc["diagnostics"].as_array().unwrap();
    assert!(!diags.is_empty());
    let mut last = (String::new(), 0u64);
    for d in diags {
        let path = d["path"].as_str().unwrap();
        assert!(!path.contains('\\'));
        let text = std::fs::read_to_string(dir.join(path)).unwrap();
        for key in ["kind", "rule", "severity", "message"] {
            assert!(d[key].is_string(), "{key} in {d}");
        }
        assert!(["error", "warning", "info"].contains(&d["severity"].as_str().unwrap()));
        let start = d["range"]["start"]["byte"].as_u64().unwrap();
        let end = d["range"]["end"]["byte"].as_u64().unwrap();
        assert!(start < end && end as usize <= text.len());
        assert_position(&text, &d["range"]["start"]);
        assert_position(&text, &d["range"]["end"]);
        // The message quotes the words under the range.
        let words = &text[start as usize..end as usize];
        assert!(
            d["message"].as_str().unwrap().contains(words),
            "{words:?} not in {}",
            d["message"]
        );
        if let Some(fix) = d["fix"].as_object() {
            assert_eq!(fix["range"], d["range"]);
            assert!(fix["replacement"].is_string());
        }
        // Sorted by path, then start byte.
        let key = (path.to_string(), start);
        assert!(key >= last, "diagnostics out of order at {key:?}");
        last = key;
    }
}
