//! The sentence splitter, as `spec/checks.md` defines a sentence: split on
//! sentence-final punctuation, but not after abbreviations, initials or
//! decimals, nor inside a quotation that continues.

use super::quotes::Quote;
use rustc_hash::FxHashSet as HashSet;
use std::ops::Range;

/// The language data the splitter needs; it comes from the rule pack's
/// lexicons (`rules/language.toml`).
#[derive(Clone, Debug, Default)]
pub struct Language {
    /// Abbreviations that never end a sentence because a name or number
    /// always follows them: `Gen.`, `Mr.`, `Jan.`, `No.`.
    pub prefix_abbreviations: HashSet<String>,
    /// Abbreviations that may end a sentence: `U.S.`, `a.m.`, `etc.`. They
    /// end one only when the next word is a common sentence opener.
    pub abbreviations: HashSet<String>,
    /// Words that open sentences (`The`, `He`, `But`): after an abbreviation
    /// that may end a sentence, one of these says it did.
    pub sentence_starters: HashSet<String>,
}

impl Language {
    pub fn new(prefix: &[&str], other: &[&str], starters: &[&str]) -> Language {
        let set = |words: &[&str]| words.iter().map(|w| w.to_string()).collect();
        Language {
            prefix_abbreviations: set(prefix),
            abbreviations: set(other),
            sentence_starters: set(starters),
        }
    }
}

const TERMINALS: [char; 4] = ['.', '!', '?', '…'];
const CLOSERS: [char; 8] = ['"', '”', '’', '\'', ')', ']', '»', '*'];
const OPENERS: [char; 6] = ['"', '“', '‘', '\'', '(', '['];

/// Splits the prose of one paragraph into sentences. Spans are trimmed of
/// surrounding white space and lie inside `block`.
pub fn split(
    prose: &str,
    block: Range<usize>,
    quotes: &[Quote],
    lang: &Language,
) -> Vec<Range<usize>> {
    let text = &prose[block.clone()];
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut from = 0usize;
    while let Some((i, c)) = next_terminal(text, from) {
        // Take the rest of the punctuation cluster and any closing marks.
        let mut j = i + c.len_utf8();
        let mut closed = false;
        for d in text[j..].chars() {
            let closer = CLOSERS.contains(&d);
            if !closer && !TERMINALS.contains(&d) {
                break;
            }
            closed |= closer;
            j += d.len_utf8();
        }
        from = j;
        let rest = &text[j..];
        let next_at = j + rest.len() - rest.trim_start().len();
        if next_at == j || next_at >= text.len() {
            // Not followed by white space (`7.0`, `U.S.-led`), or at the end.
            continue;
        }
        let next = &text[next_at..];
        let Some(first) = next.chars().next() else {
            continue;
        };
        if !(first.is_uppercase() || first.is_ascii_digit() || OPENERS.contains(&first)) {
            continue;
        }
        if c == '.' && !closed && !ends_sentence_after_abbreviation(&text[..i + 1], next, lang) {
            continue;
        }
        let abs = block.start + i;
        // Quotations are sorted and disjoint: only the last one opening
        // before this mark can hold it.
        let around = quotes
            .partition_point(|q| q.span.start < abs)
            .checked_sub(1)
            .map(|k| &quotes[k]);
        if around
            .is_some_and(|q| q.closed && block.start + j < q.span.end && continues_after(prose, q))
        {
            continue;
        }
        push_trimmed(text, block.start, start..j, &mut out);
        start = next_at;
    }
    push_trimmed(text, block.start, start..text.len(), &mut out);
    out
}

/// The first sentence-final mark at or after byte `from`, found by jumping
/// between candidate bytes rather than decoding every character (`…` is
/// E2 80 A6).
fn next_terminal(text: &str, from: usize) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut at = from;
    loop {
        let k =
            at + memchr::memchr3(b'.', b'!', b'?', &bytes[at..]).map_or(bytes.len() - at, |k| k);
        // An ellipsis character before the next ASCII mark wins.
        if let Some(e) = memchr::memchr(0xE2, &bytes[at..k]) {
            let e = at + e;
            if bytes.get(e + 1..e + 3) == Some(&[0x80, 0xA6]) {
                return Some((e, '…'));
            }
            at = e + 1;
            continue;
        }
        return (k < bytes.len()).then(|| (k, bytes[k] as char));
    }
}

/// A quotation *continues* the sentence when its closing mark is followed by
/// a comma-led attribution (`," he said`) or the quotation itself ends with a
/// comma (`... we left," said Ortiz`): then a full stop inside it is not the
/// end of the reported sentence.
fn continues_after(prose: &str, q: &Quote) -> bool {
    let inner = prose[q.span.clone()].trim_end_matches(['"', '”']);
    if inner.ends_with(',') || inner.ends_with('?') || inner.ends_with('!') {
        let after = prose[q.span.end..].trim_start();
        return after.chars().next().is_some_and(|c| c.is_lowercase());
    }
    false
}

/// Decides whether a full stop after the word ending `before` ends the
/// sentence, given the text that follows.
fn ends_sentence_after_abbreviation(before: &str, next: &str, lang: &Language) -> bool {
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“' || c == '—')
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    // `then-Sen. Kelly Ayotte`, `ex-Gov. Tim Ross`: the title after the
    // hyphen is the abbreviation.
    let titled = word.rsplit('-').next().unwrap_or(word);
    if lang.prefix_abbreviations.contains(word) || lang.prefix_abbreviations.contains(titled) {
        return false;
    }
    let mut letters = word.trim_end_matches('.').chars();
    if let (Some(only), None) = (letters.next(), letters.next())
        && only.is_uppercase()
    {
        // An initial: `Donald J. Trump`.
        return false;
    }
    // `U.S.`, `N.Y.C.`: single letters between full stops; worked out only
    // for a word that is no listed abbreviation, its full stops counted
    // first (most words have one, their last byte).
    let is_acronym = |word: &str| {
        word.len() >= 4
            && word.bytes().filter(|&b| b == b'.').count() >= 2
            && word
                .split('.')
                .filter(|p| !p.is_empty())
                .all(|p| p.chars().count() == 1)
    };
    // `then-U.S. President`: the abbreviation after the hyphen, likewise.
    let known = |w: &str| lang.abbreviations.contains(w) || is_acronym(w);
    if known(word) || (titled.len() < word.len() && known(titled)) {
        let end = next
            .find(|c: char| !(c.is_alphanumeric() || c == '\''))
            .unwrap_or(next.len());
        return lang.sentence_starters.contains(&next[..end]);
    }
    true
}

fn push_trimmed(text: &str, base: usize, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        let start = base + r.start + lead;
        out.push(start..start + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::super::quotes;
    use super::*;

    fn lang() -> Language {
        Language::new(
            &[
                "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Lt.", "Col.", "Sgt.", "Sen.", "Rep.", "Gov.",
                "St.", "No.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "Prof.",
                "Rev.",
            ],
            &[
                "U.S.", "U.K.", "U.N.", "a.m.", "p.m.", "e.g.", "i.e.", "etc.", "Inc.", "Co.",
                "Ltd.", "Jr.", "Sr.",
            ],
            &[
                "The",
                "He",
                "She",
                "It",
                "They",
                "We",
                "I",
                "But",
                "In",
                "A",
                "An",
                "This",
                "That",
                "There",
                "On",
                "At",
                "Officials",
                "Police",
            ],
        )
    }

    fn sentences(text: &str) -> Vec<&str> {
        let mut qs = Vec::new();
        quotes::find(text, 0..text.len(), &mut qs);
        split(text, 0..text.len(), &qs, &lang())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        assert_eq!(sentences(text), expected, "splitting {text:?}");
    }

    #[test]
    fn plain_sentences() {
        check(
            "One thing. Another thing! A third? Yes.",
            &["One thing.", "Another thing!", "A third?", "Yes."],
        );
    }

    #[test]
    fn title_abbreviations_never_end_sentences() {
        check(
            "Gen. Mark Milley spoke. Sen. Warren replied.",
            &["Gen. Mark Milley spoke.", "Sen. Warren replied."],
        );
        check(
            "Mr. Smith and Mrs. Jones met Dr. Who.",
            &["Mr. Smith and Mrs. Jones met Dr. Who."],
        );
        check(
            "Lt. Col. Ann Reyes and Sgt. Bo Lim arrived.",
            &["Lt. Col. Ann Reyes and Sgt. Bo Lim arrived."],
        );
        check(
            "Rep. Ann Kay and Gov. Tim Ross agreed.",
            &["Rep. Ann Kay and Gov. Tim Ross agreed."],
        );
        check(
            "She beat then-Sen. Kay Lund. Ex-Gov. Tim Ross conceded.",
            &["She beat then-Sen. Kay Lund.", "Ex-Gov. Tim Ross conceded."],
        );
    }

    #[test]
    fn country_abbreviations_inside_sentences() {
        check(
            "U.S. President Donald Trump said so.",
            &["U.S. President Donald Trump said so."],
        );
        check(
            "The U.N. Security Council met. It voted.",
            &["The U.N. Security Council met.", "It voted."],
        );
        check(
            "Troops from the U.K. Royal Navy landed.",
            &["Troops from the U.K. Royal Navy landed."],
        );
        // After a hyphen: `then-U.S.`, `ex-U.N.`.
        check(
            "It fell after then-U.S. President Donald Trump left. Ex-U.N. envoy Ana Ruiz spoke.",
            &[
                "It fell after then-U.S. President Donald Trump left.",
                "Ex-U.N. envoy Ana Ruiz spoke.",
            ],
        );
        check(
            "Aid came from the anti-U.S. The group said so.",
            &["Aid came from the anti-U.S.", "The group said so."],
        );
    }

    #[test]
    fn abbreviation_at_sentence_end() {
        check(
            "He moved to the U.S. The family followed.",
            &["He moved to the U.S.", "The family followed."],
        );
        check(
            "The blast hit at 4:30 a.m. Police arrived soon after.",
            &["The blast hit at 4:30 a.m.", "Police arrived soon after."],
        );
        check(
            "Talks ended at 5 p.m. on Friday.",
            &["Talks ended at 5 p.m. on Friday."],
        );
    }

    #[test]
    fn abbreviations_before_lowercase_words() {
        check(
            "Bring fruit, e.g. apples, etc. and more.",
            &["Bring fruit, e.g. apples, etc. and more."],
        );
        check(
            "They sell tea, coffee, etc. The shop opens daily.",
            &["They sell tea, coffee, etc.", "The shop opens daily."],
        );
    }

    #[test]
    fn months_and_numbers() {
        check(
            "It began on Jan. 5 and ended Sept. 30.",
            &["It began on Jan. 5 and ended Sept. 30."],
        );
        check(
            "He lives at No. 10 Downing St. near the park.",
            &["He lives at No. 10 Downing St. near the park."],
        );
    }

    #[test]
    fn initials() {
        check(
            "Donald J. Trump spoke. George W. Bush listened.",
            &["Donald J. Trump spoke.", "George W. Bush listened."],
        );
        check(
            "J. R. R. Tolkien wrote it.",
            &["J. R. R. Tolkien wrote it."],
        );
    }

    #[test]
    fn decimals_and_money() {
        check(
            "A 7.0 magnitude quake struck. It killed 12.",
            &["A 7.0 magnitude quake struck.", "It killed 12."],
        );
        check(
            "The budget is $2.4 billion. It rose 3.5 percent.",
            &["The budget is $2.4 billion.", "It rose 3.5 percent."],
        );
        check(
            "Shares fell to £1.05. Trading resumed.",
            &["Shares fell to £1.05.", "Trading resumed."],
        );
    }

    #[test]
    fn sentence_starting_with_digits() {
        check(
            "The count ended. 40 people were freed.",
            &["The count ended.", "40 people were freed."],
        );
    }

    #[test]
    fn quotes_closing_sentences() {
        check(
            r#"He said, "We will stay." The army left."#,
            &[r#"He said, "We will stay.""#, "The army left."],
        );
        check(
            "She said: “It is over.” Then she left.",
            &["She said: “It is over.”", "Then she left."],
        );
    }

    #[test]
    fn quotation_that_continues() {
        check(
            r#""We counted 19 bodies. It was terrible," said Tomas Brell, a rescue worker."#,
            &[r#""We counted 19 bodies. It was terrible," said Tomas Brell, a rescue worker."#],
        );
        check(
            "“Where are they? We do not know,” the mother said. Police searched.",
            &[
                "“Where are they? We do not know,” the mother said.",
                "Police searched.",
            ],
        );
    }

    #[test]
    fn question_and_exclamation_inside_quotes_before_attribution() {
        check(r#""Why now?" he asked."#, &[r#""Why now?" he asked."#]);
        check(
            r#""Stop!" shouted a guard. Nobody did."#,
            &[r#""Stop!" shouted a guard."#, "Nobody did."],
        );
    }

    #[test]
    fn datelines() {
        check(
            "GAZA CITY, June 13 (AP) — Strikes hit the city. At least 12 died.",
            &[
                "GAZA CITY, June 13 (AP) — Strikes hit the city.",
                "At least 12 died.",
            ],
        );
        check(
            "WASHINGTON, D.C. — The vote failed.",
            &["WASHINGTON, D.C. — The vote failed."],
        );
    }

    #[test]
    fn ellipsis_and_clusters() {
        check(
            "He paused... Then he spoke. Really?! Yes.",
            &["He paused...", "Then he spoke.", "Really?!", "Yes."],
        );
    }

    #[test]
    fn hyphenated_and_parenthetical() {
        check(
            "The U.S.-led coalition struck. (Officials confirmed it.) Fighting went on.",
            &[
                "The U.S.-led coalition struck.",
                "(Officials confirmed it.)",
                "Fighting went on.",
            ],
        );
    }

    #[test]
    fn no_terminal_punctuation() {
        check("Valley toll rises to 95", &["Valley toll rises to 95"]);
        check("   ", &[]);
    }

    #[test]
    fn line_breaks_inside_a_paragraph() {
        check(
            "The army said it\nkilled 80. Witnesses\ndisagreed.",
            &["The army said it\nkilled 80.", "Witnesses\ndisagreed."],
        );
    }

    #[test]
    fn company_suffixes() {
        check(
            "Acme Inc. said profits rose. Shares fell.",
            &["Acme Inc. said profits rose.", "Shares fell."],
        );
    }

    #[test]
    fn multibyte_text() {
        check(
            "Erdoğan spoke in Ankara. Macron’s aide replied.",
            &["Erdoğan spoke in Ankara.", "Macron’s aide replied."],
        );
    }

    #[test]
    fn unclosed_quote_does_not_block_splitting() {
        check(
            "“We will return. The city is ours.",
            &["“We will return.", "The city is ours."],
        );
    }

    #[test]
    fn lowercase_after_full_stop_is_not_a_new_sentence() {
        check(
            "The vote was 5-4. a clerk said.",
            &["The vote was 5-4. a clerk said."],
        );
    }

    #[test]
    fn acronym_not_in_the_list() {
        check(
            "Forces of the A.U. Mission patrolled. They left.",
            &["Forces of the A.U. Mission patrolled.", "They left."],
        );
    }
}
