//! Property tests for the invariants in `lib.rs`: whatever the input, every
//! span lies on character boundaries inside the file, prose keeps the file's
//! offsets (the offset map is the identity, so monotonic), sentences nest in
//! their paragraphs in order, and rule loading never panics.

use copydesk::draft::Draft;
use copydesk::rules::Pack;
use proptest::prelude::*;
use std::sync::Arc;

/// Text built from the pieces that stress a Markdown reader and a sentence
/// splitter: markup, quotes, abbreviations, multi-byte characters.
fn drafty() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "The",
        " army",
        " said",
        " 12",
        " people",
        ".",
        " ",
        "\n",
        "\n\n",
        "# ",
        "> ",
        "- ",
        "1. ",
        "```",
        "`",
        "*",
        "_",
        "[",
        "](",
        ")",
        "<!--",
        "-->",
        "<b>",
        "\"",
        "“",
        "”",
        "’",
        "U.S.",
        " Gen.",
        " a.m.",
        " J.",
        "é",
        "😀",
        "—",
        "\r\n",
        "---\n",
        "+++\n",
        "date: 2025-01-01\n",
        "https://x.example/a",
        "|",
        "\t",
        "?",
        "!",
        "...",
        "\u{feff}",
        "<!-- copydesk-disable -->",
        "&amp;",
        "\\",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

fn check_draft(text: &str, path: &str) {
    let lang = Pack::builtin().unwrap().language();
    Draft::parse(path, text, &lang).assert_invariants();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn markdown_spans_hold(text in drafty()) {
        check_draft(&text, "a.md");
    }

    #[test]
    fn plain_text_spans_hold(text in drafty()) {
        check_draft(&text, "a.txt");
    }

    #[test]
    fn any_unicode_text_holds(text in "\\PC{0,200}") {
        check_draft(&text, "a.md");
    }

    #[test]
    fn rule_files_never_panic_and_errors_point_inside(text in rule_file()) {
        let mut pack = Pack::builtin().unwrap();
        let mut errors = Vec::new();
        pack.add_file("r.toml", Arc::from(text.as_str()), &mut errors);
        for e in errors {
            if let Some(span) = e.span {
                prop_assert!(span.end <= text.len() && text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
        }
    }
}

fn rule_file() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "[[rule]]\n",
        "id = \"x\"\n",
        "id = \"e-mail\"\n",
        "kind = \"existence\"\n",
        "kind = \"substitution\"\n",
        "kind = \"bogus\"\n",
        "message = \"m\"\n",
        "tokens = [\"a\"]\n",
        "patterns = ['(']\n",
        "patterns = ['a+']\n",
        "swap = { a = \"b\" }\n",
        "swap = { \"(\" = \"b\" }\n",
        "regex = true\n",
        "severity = \"loud\"\n",
        "bad = [\"a\"]\n",
        "[lexicon.abbreviations]\n",
        "add = [\"x.\"]\n",
        "[lexicon.nope]\n",
        "words = 3\n",
        "é = 1\n",
        "\"",
        "[",
        "]",
        "=",
        "\n",
        "#",
        "'''",
        "x = {",
        "}",
    ]);
    prop::collection::vec(pieces, 0..25).prop_map(|v| v.concat())
}
