//! Claims learned from the newsroom's own drafts ("Debunked elsewhere",
//! spec section 4), end to end: the binary on fixture drafts under
//! `tests/fixtures/harvest/`.

mod common;

use common::{code, fixtures, run_in, stderr, stdout};
use serde_json::Value;
use std::path::Path;

fn harvest_dir(name: &str) -> std::path::PathBuf {
    fixtures().join("harvest").join(name)
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["check", "--format", "json", "--fail-on", "never"];
    all.extend_from_slice(args);
    let out = run_in(dir, &all);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

/// The debunked-claim diagnostics, with the text each covers.
fn claims(dir: &Path, v: &Value) -> Vec<(String, String, Value)> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "debunked-claim")
        .map(|d| {
            let path = d["path"].as_str().unwrap().to_string();
            let text = std::fs::read_to_string(dir.join(&path)).unwrap();
            let r = &d["range"];
            let covered = text[r["start"]["byte"].as_u64().unwrap() as usize
                ..r["end"]["byte"].as_u64().unwrap() as usize]
                .to_string();
            (path, covered, d.clone())
        })
        .collect()
}

#[test]
fn a_claim_marked_false_in_one_draft_is_flagged_in_another() {
    let dir = harvest_dir("run");
    let v = json(&dir, &["drafts"]);
    let found = claims(&dir, &v);
    let covered: Vec<(&str, &str)> = found
        .iter()
        .map(|(p, c, _)| (p.as_str(), c.as_str()))
        .collect();
    assert_eq!(
        covered,
        vec![
            // Repeated plainly in another draft.
            (
                "drafts/repeats.md",
                "bridges over the Orlen Canal had been built without any permits"
            ),
            // The pronoun rule: `she` is the senator, who need not be named.
            ("drafts/repeats.md", "shut the Kessel coal mine in 2019"),
            // In the database and harvested: one finding.
            ("drafts/repeats.md", "Varna dam was sabotaged"),
        ],
        "{v:#}"
    );
    // Not flagged: the marking draft's own repeat (marks.md), the repeat
    // with a marker in the next sentence, the near miss that shares the
    // name but too few content words.

    let bridges = &found[0].2;
    assert_eq!(
        bridges["message"],
        "repeats a claim marked false in drafts/marks.md: the Orlen Canal bridges were built without permits"
    );
    let labels = bridges["labels"].as_array().unwrap();
    assert_eq!(labels.len(), 1);
    assert_eq!(labels[0]["path"], "drafts/marks.md");
    assert_eq!(labels[0]["message"], "marked false here");
    assert_eq!(labels[0]["range"]["start"]["line"], 6);
    assert!(
        bridges["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n == "marked false in drafts/marks.md:6")
    );

    let mine = &found[1].2;
    assert_eq!(
        mine["message"],
        "repeats a claim marked false in drafts/marks.md: Senator Ruth Alden had shut the Kessel coal mine in 2019"
    );

    let dam = &found[2].2;
    assert!(
        dam["message"]
            .as_str()
            .unwrap()
            .starts_with("repeats a claim rated `False`"),
        "{dam:#}"
    );
    let notes: Vec<&str> = dam["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert!(
        notes.iter().any(|n| n.contains("varna-dam-sabotage")),
        "{notes:?}"
    );
    assert!(
        notes.contains(&"marked false in drafts/marks.md:10"),
        "{notes:?}"
    );
    assert!(notes.last().unwrap().starts_with("help:"));
    assert_eq!(dam["labels"][0]["path"], "drafts/marks.md");
}

#[test]
fn human_output_shows_the_marking_sentence_of_the_other_draft() {
    let dir = harvest_dir("run");
    let out = run_in(
        &dir,
        &[
            "check",
            "--fail-on",
            "never",
            "drafts/repeats.md",
            "drafts/marks.md",
        ],
    );
    let text = stdout(&out);
    assert!(text.contains("┌─ drafts/repeats.md:6:"), "{text}");
    assert!(text.contains("┌─ drafts/marks.md:6:1"), "{text}");
    assert!(text.contains("marked false here"), "{text}");
}

#[test]
fn checking_the_repeating_draft_alone_finds_nothing_harvested() {
    let dir = harvest_dir("run");
    let v = json(&dir, &["drafts/repeats.md"]);
    let found = claims(&dir, &v);
    // Only the database claim is left.
    assert_eq!(found.len(), 1, "{v:#}");
    assert!(found[0].2["labels"].as_array().unwrap().is_empty());
}

#[test]
fn an_archive_teaches_claims_without_being_reported_on() {
    let dir = harvest_dir("archived");
    let v = json(&dir, &["drafts"]);
    assert_eq!(v["files_checked"], 1);
    let found = claims(&dir, &v);
    assert_eq!(found.len(), 1, "{v:#}");
    assert_eq!(found[0].0, "drafts/ferry.md");
    assert_eq!(found[0].1, "Lisk ferry sank in 1987 with 90 passengers");
    assert_eq!(found[0].2["labels"][0]["path"], "archive/ferry-2019.md");
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["path"] == "drafts/ferry.md")
    );
}

#[test]
fn harvested_claims_print_as_a_database_that_flags_the_repeat() {
    let dir = harvest_dir("run");
    let out = run_in(&dir, &["claims", "harvest", "drafts/marks.md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let toml = stdout(&out);
    assert!(
        toml.contains("# from drafts/marks.md:6\n[[claim]]\n"),
        "{toml}"
    );
    assert!(toml.contains("rating = \"False\""), "{toml}");
    assert!(stderr(&out).contains("harvested 3 claims from 1 draft"));
    let claims = copydesk::rules::claims::parse("harvested.toml", toml.as_str().into())
        .unwrap_or_else(|e| panic!("{e:?}\n{toml}"));
    assert_eq!(claims.len(), 3);

    // As the only claims database, it flags the repeating draft on its own.
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("harvested.toml"), &toml).unwrap();
    std::fs::write(
        tmp.path().join("copydesk.toml"),
        "[data]\nclaims = [\"harvested.toml\"]\n",
    )
    .unwrap();
    let repeats = dir.join("drafts/repeats.md");
    let v = json(
        tmp.path(),
        &["--config", "copydesk.toml", repeats.to_str().unwrap()],
    );
    let messages: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "debunked-claim")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("the Orlen Canal bridges were built without permits")),
        "{messages:?}"
    );
}

#[test]
fn harvest_of_a_missing_path_fails() {
    let out = run_in(&harvest_dir("run"), &["claims", "harvest", "nowhere.md"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("nowhere.md"));
}
