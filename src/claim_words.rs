//! The words of a claim, shared by `claims import`, `claims harvest` and the
//! matcher of claims harvested from drafts: a tokenizer with byte offsets, a
//! rough stemmer, and what a claim requires of a sentence that repeats it
//! (its names, numbers and content words).

use std::collections::HashSet;
use std::ops::Range;

/// The words of `s` with their byte ranges: letters and digits, with inner
/// apostrophes and hyphens (`Trump's`, `flare-up`), digit groups and
/// decimal points (`1,000`, `7.5`) and the dots of initialisms (`U.S`).
pub fn tokens(s: &str) -> Vec<(Range<usize>, &str)> {
    // About one word in six bytes of prose.
    let mut out = Vec::with_capacity(s.len() / 6 + 1);
    each_token(s, |r, w| out.push((r, w)));
    out
}

/// Calls `f` with each word of `s` that [`tokens`] lists, in order.
pub fn each_token<'a>(s: &'a str, mut f: impl FnMut(Range<usize>, &'a str)) {
    let mut start: Option<usize> = None;
    let mut prev: Option<char> = None;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII a byte at a time; the next character is read only after
        // a mark that may join two parts of a word.
        if bytes[i].is_ascii_alphanumeric() {
            start.get_or_insert(i);
            let mut j = i + 1;
            while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
                j += 1;
            }
            prev = Some(char::from(bytes[j - 1]));
            i = j;
            continue;
        }
        let (c, len) = match bytes[i] {
            b if b < 0x80 => (char::from(b), 1),
            _ => {
                let c = s[i..].chars().next().expect("a character boundary");
                (c, c.len_utf8())
            }
        };
        let inner = start.is_some() && matches!(c, '\'' | '’' | '-' | ',' | '.') && {
            let next = s[i + len..].chars().next();
            next.is_some_and(char::is_alphanumeric)
                && match c {
                    ',' => prev.is_some_and(|p| p.is_ascii_digit()),
                    '.' => {
                        prev.is_some_and(|p| p.is_ascii_digit())
                            || prev.is_some_and(char::is_uppercase)
                                && next.is_some_and(char::is_uppercase)
                    }
                    _ => true,
                }
        };
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            f(st..i, &s[st..i]);
        }
        prev = Some(c);
        i += len;
    }
    if let Some(st) = start {
        f(st..s.len(), &s[st..]);
    }
}

/// The words of `s` (see [`tokens`]).
pub fn words(s: &str) -> Vec<String> {
    tokens(s).into_iter().map(|(_, w)| w.to_string()).collect()
}

pub fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// A word as a regex: apostrophes of either kind.
pub fn pattern(w: &str) -> String {
    regex::escape(w).replace(['\'', '’'], "['’]")
}

pub fn is_number(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit())
}

pub fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A rough English stem of a lower-case word, so that `brokered`,
/// `brokering` and `brokers` meet at `broker`, and `bridge` and `bridges`
/// at `bridg`. Always a prefix of the word, at least three letters long
/// (shorter words are their own stem).
pub fn stem(w: &str) -> &str {
    const MIN: usize = 3;
    let long = |s: &str| s.chars().count() >= MIN;
    let mut s = w;
    let mut stripped = false;
    for suffix in [
        "ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s", "ly",
    ] {
        if let Some(r) = w.strip_suffix(suffix)
            && long(r)
            // not `pass`, `bus`, `analysis`
            && !(suffix == "s" && r.ends_with(['s', 'u', 'i']))
        {
            s = r;
            stripped = true;
            break;
        }
    }
    if let Some(r) = s.strip_suffix(['e', 'y'])
        && long(r)
    {
        return r;
    }
    let b = s.as_bytes();
    if stripped
        && b.len() > MIN
        && b[b.len() - 1] == b[b.len() - 2]
        && b[b.len() - 1].is_ascii_lowercase()
        && !b"aeiouls".contains(&b[b.len() - 1])
    {
        // stopped, stopping -> stop
        return &s[..s.len() - 1];
    }
    s
}

/// A TOML basic string.
pub fn toml_quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A claim id from its first content words: `calder-river-bridges-built`.
pub fn slug(claim: &str, stop: &HashSet<String>) -> String {
    let words: Vec<String> = words(claim)
        .into_iter()
        .map(|w| w.to_lowercase())
        .filter(|w| !stop.contains(w))
        .map(|w| {
            w.chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    if words.is_empty() {
        "claim".to_string()
    } else {
        words.join("-")
    }
}

/// What a sentence must contain to repeat a claim (spec section 4): every
/// name (a run of capitalized words stands by its last word, lower case),
/// every number, and two-thirds of the other content words, by stem.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ClaimWords {
    pub names: Vec<String>,
    pub numbers: Vec<String>,
    /// Stems of the content words, each once, in order.
    pub content: Vec<String>,
}

impl ClaimWords {
    /// The words of `claim`. Stop words (lower case) are neither names nor
    /// content words. With `sentence_initial`, the claim starts its
    /// sentence, so a lone capitalized first word is an ordinary word.
    pub fn of(claim: &str, stop: &HashSet<String>, sentence_initial: bool) -> ClaimWords {
        let ws: Vec<&str> = tokens(claim)
            .into_iter()
            .map(|(_, w)| strip_possessive(w))
            .collect();
        let name_word = |w: &str| is_capitalized(w) && !stop.contains(&w.to_lowercase());
        let mut out = ClaimWords::default();
        let mut i = 0;
        while i < ws.len() {
            let w = ws[i];
            let lower = w.to_lowercase();
            if is_number(w) {
                push_once(&mut out.numbers, lower);
                i += 1;
                continue;
            }
            if name_word(w) {
                let mut j = i;
                while j + 1 < ws.len() && name_word(ws[j + 1]) && !is_number(ws[j + 1]) {
                    j += 1;
                }
                if !(i == 0 && j == 0 && sentence_initial) {
                    push_once(&mut out.names, ws[j].to_lowercase());
                    i = j + 1;
                    continue;
                }
            }
            if !stop.contains(&lower) && lower.chars().count() >= 3 {
                let s = stem(&lower).to_string();
                push_once(&mut out.content, s);
            }
            i += 1;
        }
        out
    }

    /// How many content words a repeating sentence needs: two-thirds,
    /// rounded up; with no name or number to anchor it, all of three (two
    /// common words of three, such as `country` and `run`, meet by chance).
    pub fn content_needed(&self) -> usize {
        let n = self.content.len();
        let two_thirds = (2 * n).div_ceil(3);
        if self.names.is_empty() && self.numbers.is_empty() {
            two_thirds.max(n.min(3))
        } else {
            two_thirds
        }
    }

    pub fn len(&self) -> usize {
        self.names.len() + self.numbers.len() + self.content.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn push_once(v: &mut Vec<String>, w: String) {
    if !v.contains(&w) {
        v.push(w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet() {
        for (a, b) in [
            ("brokered", "brokering"),
            ("bridge", "bridges"),
            ("permit", "permits"),
            ("closed", "close"),
            ("study", "studies"),
            ("stopped", "stop"),
            ("passes", "pass"),
            ("mine", "mines"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} ~ {b}");
        }
        assert_eq!(stem("secretly"), "secret");
        assert_eq!(stem("sold"), "sold");
    }

    #[test]
    fn tokens_keep_offsets_initialisms_and_numbers() {
        let s = "The U.S. paid $1,200.50 to Kim's firm — a flare-up.";
        let t: Vec<&str> = tokens(s).into_iter().map(|(_, w)| w).collect();
        assert_eq!(
            t,
            vec![
                "The", "U.S", "paid", "1,200.50", "to", "Kim's", "firm", "a", "flare-up"
            ]
        );
        for (r, w) in tokens(s) {
            assert_eq!(&s[r], w);
        }
    }

    /// `tokens` as first written: a character at a time, each with the
    /// next one in view.
    fn tokens_oracle(s: &str) -> Vec<(Range<usize>, &str)> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut prev: Option<char> = None;
        let mut iter = s.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let next = iter.peek().map(|&(_, n)| n);
            let inner = start.is_some()
                && next.is_some_and(char::is_alphanumeric)
                && match c {
                    '\'' | '’' | '-' => true,
                    ',' => prev.is_some_and(|p| p.is_ascii_digit()),
                    '.' => {
                        prev.is_some_and(|p| p.is_ascii_digit())
                            || prev.is_some_and(char::is_uppercase)
                                && next.is_some_and(char::is_uppercase)
                    }
                    _ => false,
                };
            if c.is_alphanumeric() || inner {
                start.get_or_insert(i);
            } else if let Some(st) = start.take() {
                out.push((st..i, &s[st..i]));
            }
            prev = Some(c);
        }
        if let Some(st) = start {
            out.push((st..s.len(), &s[st..]));
        }
        out
    }

    #[test]
    fn tokens_agree_with_a_reading_a_character_at_a_time() {
        for s in [
            "",
            "Erdoğan's U.S.-backed plan cost 1,200.50 — or 7.5%.",
            "O’Brien's -5 5- x- ,1 1, 1,a A.B a.b É.É 12.x",
            "Straße ǅemal İstanbul ٣,٣ 3,٣",
        ] {
            assert_eq!(tokens(s), tokens_oracle(s), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn tokens_agree_with_a_reading_a_character_at_a_time_on_any_text(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'Z', 'T', '0', '9', ' ', '\u{a0}', '.', ',', '-', '\'', '’', '$',
                'é', 'É', 'İ', 'ß', '٣', '—',
            ]), 0..40),
        ) {
            let s: String = chars.into_iter().collect();
            proptest::prop_assert_eq!(tokens(&s), tokens_oracle(&s));
        }
    }

    #[test]
    fn claim_words() {
        let stop: HashSet<String> = ["the", "in", "were", "he", "had", "been"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let c = ClaimWords::of(
            "he had closed the Calder River bridges in 2019",
            &stop,
            false,
        );
        assert_eq!(c.names, vec!["river"]);
        assert_eq!(c.numbers, vec!["2019"]);
        assert_eq!(c.content, vec!["clos", "bridg"]);
        assert_eq!(c.content_needed(), 2);
        let c = ClaimWords::of("Officials closed Mayor Ortiz's bridge", &stop, true);
        assert_eq!(c.names, vec!["ortiz"]);
        assert_eq!(c.content, vec!["official", "clos", "bridg"]);
    }
}
