//! The figure checks end to end: invented drafts under
//! `tests/fixtures/figures/`, each with a `.expected` file listing the exact
//! findings (kind, tab, covered text) in order.

use copydesk::check::examples;
use copydesk::date::Date;
use copydesk::draft::Draft;
use copydesk::finding::Finding;
use copydesk::run::{Engine, analyze};
use copydesk::settings::Config;
use std::path::Path;

const KINDS: [&str; 2] = ["unattributed-figure", "unverified-figure"];

fn engine() -> Engine {
    Engine::new(&Config::default()).expect("the built-in pack loads")
}

/// Every finding for one draft, dated 1 January 2024.
fn analyzed(engine: &mut Engine, name: &str, text: &str) -> Vec<Finding> {
    let draft = Draft::parse(name, text, &engine.language);
    let date = Date {
        year: 2024,
        month: 1,
        day: 1,
    };
    analyze(engine, std::slice::from_ref(&draft), &[], date)
}

/// `(kind, covered text)` of the figure findings for one draft.
fn findings(engine: &mut Engine, name: &str, text: &str) -> Vec<(String, String)> {
    analyzed(engine, name, text)
        .into_iter()
        .filter(|f| KINDS.contains(&f.kind))
        .map(|f| (f.kind.to_string(), text[f.span.clone()].to_string()))
        .collect()
}

fn check_fixture(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/figures");
    let text = std::fs::read_to_string(dir.join(format!("{name}.md"))).expect("fixture draft");
    let expected: Vec<(String, String)> =
        std::fs::read_to_string(dir.join(format!("{name}.expected")))
            .expect("fixture expectations")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let (kind, covered) = l.split_once('\t').expect("kind<TAB>text");
                (kind.to_string(), covered.to_string())
            })
            .collect();
    let got = findings(&mut engine(), &format!("{name}.md"), &text);
    assert_eq!(got, expected, "findings for {name}.md");
}

#[test]
fn conflict_fixture() {
    check_fixture("conflict");
}

#[test]
fn economy_fixture() {
    check_fixture("economy");
}

#[test]
fn briefs_fixture() {
    check_fixture("briefs");
}

/// A disaster's toll from a government, counts of people no lexicon
/// names, reported counts, and sources named by a possessive, a rank, a
/// pronoun after an anonymous speaker or a forum user.
#[test]
fn aftermath_fixture() {
    check_fixture("aftermath");
}

/// A government's toll in a paragraph that tells of fighting, and one of
/// a lone gunman's victims; a people count of another clause; a plural
/// subject's `allege`; a youth leader; a state newspaper and an armed
/// group referred to by `the newspaper` and an acronym; bare counts that
/// share the noun before them; police counting whom they killed, and
/// whom others killed.
#[test]
fn crossfire_fixture() {
    check_fixture("crossfire");
}

/// A count after `all` and a casualty verb; a name closing a headline
/// after a colon; a share of the dead with a verb after it, and the count
/// of where they came from; an opening subject with an `of` phrase before
/// `estimates`; a long quoted object before `and said`; crore; a share
/// with a preposition after it; videos on social media; a name with an
/// age after an inverted verb, and the pronoun that stands for it.
#[test]
fn roundup_fixture() {
    check_fixture("roundup");
}

/// Forms of real wire copy: `are reported to have died`, `a further 22`,
/// `million-dollar`, `from ... to 20 billion`, a progressive `is
/// confirming`, a country whose name ends in `-ly`, named news sources,
/// dissidents, protesters and Islamists as sources.
#[test]
fn wire_copy_fixture() {
    check_fixture("wire-copy");
}

#[test]
fn night_desk_fixture() {
    check_fixture("night-desk");
}

#[test]
fn built_in_figure_examples_hold() {
    let mut engine = engine();
    let only: Vec<String> = KINDS.iter().map(|k| k.to_string()).collect();
    let (count, failures) = examples::run(&mut engine, Some(&only));
    assert!(count >= 20, "the figure rules carry examples");
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn messages_labels_and_notes() {
    let mut engine = engine();
    let text = "The army said its gunners had killed 45 fighters.\n\nA storm killed at least 60 civilians.\n";
    let found = analyzed(&mut engine, "a.md", text);
    let unverified = found
        .iter()
        .find(|f| f.kind == "unverified-figure")
        .expect("unverified");
    assert_eq!(
        unverified.message,
        "casualty figure `45 fighters` comes from the army, a party to the conflict, and is not marked as unverified"
    );
    assert_eq!(&text[unverified.labels[0].span.clone()], "The army");
    assert!(
        unverified.notes[0]
            .starts_with("help: add `The figure could not be independently verified.`")
    );
    let unattributed = found
        .iter()
        .find(|f| f.kind == "unattributed-figure")
        .expect("unattributed");
    assert_eq!(
        unattributed.message,
        "figure `at least 60 civilians` has no attribution in its sentence"
    );
    assert!(unattributed.notes.iter().all(|n| n.starts_with("help: ")));
}

/// `Five soldiers were killed and 12 wounded, he said`: every figure of
/// the sentence is the pronoun's, and the pronoun stands for the speaker
/// before, not for the sentence's own opening figure. Messages keep a
/// name's first word as written (`Central Command`).
#[test]
fn a_pronoun_after_figures_stands_for_the_speaker_before() {
    let mut engine = engine();
    let text = "Attackers in canoes struck the post at dawn, the army's spokesman said on state television. Five soldiers were killed and 12 wounded, he said, adding that troops had recovered 19 bodies.\n\nCentral Command said two militants were killed in the fighting.\n";
    let found = analyzed(&mut engine, "a.md", text);
    let unverified: Vec<&str> = found
        .iter()
        .filter(|f| f.kind == "unverified-figure")
        .map(|f| &text[f.span.clone()])
        .collect();
    assert_eq!(
        unverified,
        ["Five soldiers", "12 wounded", "19 bodies", "two militants"]
    );
    let last = found.last().expect("a finding");
    assert_eq!(
        last.message,
        "casualty figure `two militants` comes from Central Command, a party to the conflict, and is not marked as unverified"
    );
}

#[test]
fn json_output_from_the_binary() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("d.md");
    std::fs::write(&path, "Floods killed 14 people in the valley.\n").expect("write draft");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(&path)
        .current_dir(dir.path())
        .output()
        .expect("run copydesk");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let diags = json["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diags.len(), 1, "{json:#}");
    assert_eq!(diags[0]["kind"], "unattributed-figure");
    assert_eq!(diags[0]["range"]["start"]["byte"], "Floods killed ".len());
    assert_eq!(
        diags[0]["range"]["end"]["byte"],
        "Floods killed 14 people".len()
    );
}

/// The source as a message names it: a class's own word is said once, a
/// long source phrase is cut to the part before its first comma, and a
/// time at its end is left out.
#[test]
fn messages_name_the_source_once() {
    let mut engine = engine();
    let text = "Witnesses said 14 people were killed.\n\nAn aide to the governor, speaking on condition of anonymity, said 9 guards were detained.\n\nThe army on Thursday said 20 soldiers were killed.\n";
    let draft = Draft::parse("a.md", text, &engine.language);
    let date = Date {
        year: 2024,
        month: 1,
        day: 1,
    };
    let messages: Vec<String> = analyze(&mut engine, std::slice::from_ref(&draft), &[], date)
        .into_iter()
        .filter(|f| f.kind == "unverified-figure")
        .map(|f| f.message.to_string())
        .collect();
    assert_eq!(
        messages,
        [
            "casualty figure `14 people` comes from witnesses and is not marked as unverified",
            "casualty figure `9 guards` comes from an aide to the governor, a local or anonymous source, and is not marked as unverified",
            "casualty figure `20 soldiers` comes from the army, a party to the conflict, and is not marked as unverified",
        ]
    );
}

/// A block quote that a paragraph ending in a colon introduces is a
/// quotation of that paragraph's speaker, every paragraph of it.
#[test]
fn a_block_quote_after_a_colon_is_its_speakers_quotation() {
    let text = "An aid worker, Lena Ivo, said in a statement:\n\n\
        > Our teams screened more than 1,000 children last week.\n\n\
        A rebel commander said on Thursday:\n\n\
        > Our fighters killed 40 soldiers. We took the town.\n>\n\
        > Another 12 soldiers were wounded.\n\n\
        A rebel commander spoke on Thursday.\n\n\
        > Our fighters killed 30 soldiers.\n";
    let got = findings(&mut engine(), "quotes.md", text);
    let want = [
        ("unverified-figure", "40 soldiers"),
        ("unverified-figure", "Another 12 soldiers"),
        ("unattributed-figure", "30 soldiers"),
    ];
    assert_eq!(
        got,
        want.map(|(k, t)| (k.to_string(), t.to_string())).to_vec()
    );
}

/// A speaker whom the next sentence makes anonymous (`She asked not to be
/// named`) is a local or anonymous source.
#[test]
fn a_pronoun_that_asks_not_to_be_named_makes_its_speaker_anonymous() {
    let text = "A doctor at the main hospital said it had received about 160 injured people. \
        She asked not to be named because she was not authorised to speak.\n\n\
        A doctor at the main hospital said it had received about 90 injured people. \
        She said most had gunshot wounds.\n";
    let got = findings(&mut engine(), "anonymous.md", text);
    assert_eq!(
        got,
        [(
            "unverified-figure".to_string(),
            "about 160 injured people".to_string()
        )]
    );
}

/// `it said` with no attribution before it in its sentence stands for the
/// sentence's opening subject, which may refer back in turn.
#[test]
fn a_pronoun_after_an_opening_subject_stands_for_it() {
    let text = "Fighting went on in the north. The Hamas-run health ministry says 40 people \
        have been killed. A foreign leader said he doubted the count. The ministry responded by \
        publishing the names of 38 people it said had been killed.\n";
    let got = findings(&mut engine(), "pronoun.md", text);
    let kinds: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
    let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(kinds, ["unverified-figure", "unverified-figure"]);
    assert_eq!(texts, ["40 people", "38 people"]);
}
