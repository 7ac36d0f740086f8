//! The CI-facing formats as a workflow sees them: `--format github` lines
//! obey the workflow-command grammar whatever the message holds, and
//! `--format sarif` agrees with `--format json`.

mod common;
use common::*;
use std::fs;
use std::path::Path;

fn write(dir: &Path, name: &str, text: &str) {
    let p = dir.join(name);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, text).unwrap();
}

/// A folder whose house rule's message holds `%`, `:`, `,` and a line
/// break, and whose draft's name holds `,` and `:`.
fn awkward_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "copydesk.toml",
        "[rules]\npacks = [\"house\"]\n",
    );
    write(
        dir.path(),
        "house/style.toml",
        r#"
[[rule]]
id = "percent"
kind = "substitution"
severity = "error"
message = "100% wrong: `{match}`, write `{replacement}`\nsee the style guide, p. 3"
description = "Spell out per cent."
swap = { "per-cent" = "per cent" }
"#,
    );
    write(
        dir.path(),
        "drafts/a,b:c.md",
        "Prices rose 5 per-cent in Al Qaeda’s area.\n\nSend an e-mail.\n",
    );
    write(dir.path(), "drafts/clean.md", "Nothing to see here.\n");
    dir
}

/// `::error|warning|notice key=value(,key=value)*::data`, values and data
/// without raw line breaks, values without raw `,` or `:`.
fn grammar() -> regex::Regex {
    regex::Regex::new(
        r"^::(error|warning|notice) ([A-Za-z]+=[^,:\r\n]*)(,[A-Za-z]+=[^,:\r\n]*)*::([^\r\n]*)$",
    )
    .unwrap()
}

fn unescape(s: &str) -> String {
    s.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

#[test]
fn github_lines_obey_the_workflow_command_grammar() {
    let dir = awkward_folder();
    let out = run_in(dir.path(), &["check", "--format", "github", "drafts"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    let re = grammar();
    for line in &lines {
        let caps = re
            .captures(line)
            .unwrap_or_else(|| panic!("not a workflow command: {line:?}"));
        let props: Vec<(&str, &str)> = line[caps.get(1).unwrap().end() + 1..]
            .split("::")
            .next()
            .unwrap()
            .split(',')
            .map(|kv| kv.split_once('=').unwrap())
            .collect();
        let keys: Vec<&str> = props.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            keys,
            ["file", "line", "col", "endLine", "endColumn", "title"],
            "{line}"
        );
        assert_eq!(unescape(props[0].1), "drafts/a,b:c.md");
    }
    // Sorted by start byte: the house rule, then al-qaida, then e-mail.
    assert!(
        lines[0].starts_with(
            "::error file=drafts/a%2Cb%3Ac.md,line=1,col=15,endLine=1,endColumn=22,title=percent::"
        ),
        "{}",
        lines[0]
    );
    let data = re.captures(lines[0]).unwrap().get(4).unwrap().as_str();
    assert_eq!(
        unescape(data),
        "100% wrong: `per-cent`, write `per cent`\nsee the style guide, p. 3\n\
         help: replace with `per cent`"
    );
    assert!(lines[1].starts_with("::warning "), "{}", lines[1]);
    assert!(lines[1].contains(",title=al-qaida::"), "{}", lines[1]);
    assert!(lines[2].starts_with("::notice "), "{}", lines[2]);
}

#[test]
fn github_help_notes_follow_the_message() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", "Send an e-mail.\n");
    let out = run_in(
        dir.path(),
        &["check", "--no-config", "--format", "github", "a.md"],
    );
    let text = stdout(&out);
    let expected_notes: Vec<String> = {
        let json = run_in(
            dir.path(),
            &["check", "--no-config", "--format", "json", "a.md"],
        );
        let doc: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
        doc["diagnostics"][0]["notes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap().to_string())
            .collect()
    };
    let data = grammar()
        .captures(text.trim_end())
        .unwrap()
        .get(4)
        .unwrap()
        .as_str()
        .to_string();
    let mut parts = unescape(&data)
        .split('\n')
        .map(str::to_string)
        .collect::<Vec<_>>();
    let message = parts.remove(0);
    assert!(message.contains("e-mail"), "{message}");
    assert_eq!(parts, expected_notes);
}

#[test]
fn github_reports_unreadable_files_as_errors() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bin.md"), b"a\0b").unwrap();
    let out = run_in(
        dir.path(),
        &["check", "--no-config", "--format", "github", "bin.md"],
    );
    assert_eq!(code(&out), 2);
    let text = stdout(&out);
    assert!(grammar().is_match(text.trim_end()), "{text}");
    assert!(text.starts_with("::error file=bin.md,"), "{text}");
}

#[test]
fn sarif_agrees_with_json() {
    let dir = awkward_folder();
    let sarif = run_in(dir.path(), &["check", "--format", "sarif", "drafts"]);
    assert_eq!(code(&sarif), 1);
    let json = run_in(dir.path(), &["check", "--format", "json", "drafts"]);
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&sarif)).unwrap();
    let json: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "copydesk");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    // Every loaded rule, the house rule included, with its help.
    for id in ["e-mail", "al-qaida", "percent"] {
        let rule = rules.iter().find(|r| r["id"] == id).expect(id);
        let help = rule["help"]["text"].as_str().unwrap();
        assert!(
            help.contains(&format!("copydesk-disable-next-line {id}")),
            "{help}"
        );
    }
    let results = run["results"].as_array().unwrap();
    let diags = json["diagnostics"].as_array().unwrap();
    assert_eq!(results.len(), diags.len());
    for (r, d) in results.iter().zip(diags) {
        assert_eq!(r["ruleId"], d["rule"]);
        assert_eq!(
            rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"],
            d["rule"]
        );
        let loc = &r["locations"][0]["physicalLocation"];
        // A colon in a relative URI reference could read as a scheme.
        assert_eq!(loc["artifactLocation"]["uri"], "drafts/a,b%3Ac.md");
        let region = &loc["region"];
        let (start, end) = (&d["range"]["start"], &d["range"]["end"]);
        assert_eq!(region["startLine"], start["line"]);
        assert_eq!(region["startColumn"], start["column"]);
        assert_eq!(region["endLine"], end["line"]);
        assert_eq!(region["endColumn"], end["column"]);
        assert_eq!(region["byteOffset"], start["byte"]);
        assert_eq!(
            region["byteLength"].as_u64().unwrap(),
            end["byte"].as_u64().unwrap() - start["byte"].as_u64().unwrap()
        );
        assert_eq!(r["fixes"].is_array(), !d["fix"].is_null());
    }
}
