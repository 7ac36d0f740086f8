//! A small tokenizer for the figure checks: words, numbers and single
//! punctuation marks, with byte offsets into the draft and a lowercase copy
//! for lexicon look-ups.

use super::lexicon::Vocab;
use std::ops::Range;

/// The id of a token whose word is in no lexicon.
pub const UNKNOWN: u32 = u32::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Starts with a letter: `army`, `U.S`, `F-35`, `would-be`.
    Word,
    /// Starts with a digit: `1,234`, `2.5`, `50-60`, `4:30`, `6km`, `20th`.
    Number,
    /// One character that is neither: `,`, `$`, `%`, `“`.
    Punct,
}

#[derive(Clone, Debug)]
pub struct Tok {
    /// Byte range in the draft.
    pub span: Range<usize>,
    /// The word's id in the lexicons' vocabulary, or [`UNKNOWN`].
    pub id: u32,
    /// Byte range of the lowercase text in [`Tokens::lower`].
    lower: (u32, u32),
    pub kind: TokKind,
    /// The first character is uppercase.
    pub cap: bool,
    /// Every letter is uppercase (`USD`, `IDF`).
    pub upper: bool,
    /// The token holds a `-` (`ninety-nine`, `Hamas-run`, or `-` alone).
    pub hyphen: bool,
}

/// The tokens of one stretch of prose. Reused between sentences so that
/// tokenizing does not allocate once the buffers have grown.
#[derive(Default)]
pub struct Tokens {
    pub toks: Vec<Tok>,
    /// The text with its ASCII letters lowercased, at the text's own
    /// offsets (an ASCII token's lowercase is there), then the lowercase
    /// of every token that is not ASCII.
    lower: String,
}

impl Tokens {
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The lowercase text of token `i` (curly apostrophes made straight).
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        let (a, b) = self.toks[i].lower;
        &self.lower[a as usize..b as usize]
    }

    /// Whether token `i` exists and its lowercase text is `w`.
    #[inline]
    pub fn low_is(&self, i: usize, w: &str) -> bool {
        i < self.toks.len() && self.low(i) == w
    }

    #[inline]
    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Word)
    }

    #[inline]
    pub fn is_punct(&self, i: usize, c: &str) -> bool {
        self.kind(i) == Some(TokKind::Punct) && self.low(i) == c
    }

    /// Whether token `i` is a quotation mark, straight or curly.
    pub fn is_quote(&self, i: usize) -> bool {
        self.is_punct(i, "\"") || self.is_punct(i, "\u{201c}") || self.is_punct(i, "\u{201d}")
    }

    /// Token `i` ends where token `i + 1` starts.
    pub fn adjacent(&self, i: usize) -> bool {
        i + 1 < self.toks.len() && self.toks[i].span.end == self.toks[i + 1].span.start
    }

    /// Byte range from the start of token `a` to the end of token `b - 1`.
    pub fn span(&self, a: usize, b: usize) -> Range<usize> {
        self.toks[a].span.start..self.toks[b - 1].span.end
    }

    /// Whether token `i` is a word of two or more characters, all capitals
    /// (`WHO`, `U.S.`).
    pub fn in_capitals(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == TokKind::Word && t.upper && t.span.len() > 1
    }

    /// The vocabulary id of token `i`.
    #[inline]
    pub fn id(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(UNKNOWN, |t| t.id)
    }

    /// Tokenizes `text`, which starts at byte `base` of the draft, giving
    /// each token its id in `vocab`.
    ///
    /// ASCII is read a byte at a time through [`CLASS`]; other characters
    /// take the Unicode tests. The two agree on every ASCII character.
    pub fn tokenize(&mut self, text: &str, base: usize, vocab: Option<&Vocab>) {
        self.toks.clear();
        self.lower.clear();
        // Offsets into `lower` are `u32`: it holds the text and at most
        // three bytes of lowercase per byte of it, and drafts are at most
        // 256 MB (`run::MAX_FILE_BYTES`).
        assert!(
            u32::try_from(4 * text.len()).is_ok(),
            "a text of {} bytes to tokenize",
            text.len()
        );
        // One copy and one pass lowercase every ASCII token at once.
        self.lower.push_str(text);
        self.lower.make_ascii_lowercase();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let (c, len) = if b < 0x80 {
                match CLASS[b as usize] {
                    SPACE => {
                        i += 1;
                        continue;
                    }
                    OTHER => {
                        self.push_ascii(text, base, i, i + 1, TokKind::Punct, b == b'-', vocab);
                        i += 1;
                        continue;
                    }
                    _ => (char::from(b), 1),
                }
            } else {
                let c = char_at(text, i).expect("a character boundary");
                let len = c.len_utf8();
                if c.is_whitespace() {
                    i += len;
                    continue;
                }
                if !c.is_alphanumeric() {
                    self.push_other(text, base, i, i + len, TokKind::Punct, vocab);
                    i += len;
                    continue;
                }
                (c, len)
            };
            let kind = if c.is_ascii_digit() {
                TokKind::Number
            } else {
                TokKind::Word
            };
            let mut ascii = len == 1;
            let mut hyphen = false;
            let mut end = i + len;
            let mut seg_len = 1usize; // letters since the last `.` (for `U.S`)
            // `j` is the next character to read; it is `end` whenever the
            // loop stops, as a joining mark is always followed by a letter
            // or digit.
            let mut j = end;
            while let Some(&db) = bytes.get(j) {
                // The ASCII letters and digits, a byte at a time.
                if CLASS[db as usize] == ALNUM {
                    j += 1;
                    seg_len += 1;
                    end = j;
                    continue;
                }
                let d = if db < 0x80 {
                    char::from(db)
                } else {
                    char_at(text, j).expect("a character boundary")
                };
                let d_len = d.len_utf8();
                if db >= 0x80 && d.is_alphanumeric() {
                    ascii = false;
                    j += d_len;
                    seg_len += 1;
                    end = j;
                    continue;
                }
                let joins = match d {
                    '-' => next_is(text, j + 1, char::is_alphanumeric),
                    '.' => {
                        (bytes[j - 1].is_ascii_digit()
                            && next_is(text, j + 1, |n| n.is_ascii_digit()))
                            || (seg_len == 1 && next_is(text, j + 1, char::is_alphabetic))
                    }
                    ',' => {
                        bytes[j - 1].is_ascii_digit()
                            && kind == TokKind::Number
                            && bytes
                                .get(j + 1..j + 4)
                                .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
                            && !bytes.get(j + 4).is_some_and(u8::is_ascii_digit)
                    }
                    ':' => {
                        bytes[j - 1].is_ascii_digit()
                            && next_is(text, j + 1, |n| n.is_ascii_digit())
                    }
                    // `1990's` stays apart; a name's `M23's` joins.
                    '\'' | '’' => {
                        next_is(text, j + d_len, char::is_alphabetic)
                            && !(kind == TokKind::Number && bytes[j - 1].is_ascii_digit())
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                seg_len = if d == '.' { 0 } else { seg_len };
                hyphen |= d == '-';
                ascii &= d_len == 1;
                j += d_len;
            }
            // `U.S.`, `a.m.`: an abbreviation keeps its final full stop.
            if kind == TokKind::Word
                && seg_len == 1
                && bytes.get(end) == Some(&b'.')
                && bytes[i..end].contains(&b'.')
            {
                end += 1;
            }
            if ascii {
                self.push_ascii(text, base, i, end, kind, hyphen, vocab);
            } else {
                self.push_other(text, base, i, end, kind, vocab);
            }
            i = end;
        }
    }

    /// Pushes an ASCII token, whose lowercase is already in `lower` at its
    /// own offsets.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn push_ascii(
        &mut self,
        text: &str,
        base: usize,
        start: usize,
        end: usize,
        kind: TokKind,
        hyphen: bool,
        vocab: Option<&Vocab>,
    ) {
        let b = &text.as_bytes()[start..end];
        let cap = b[0].is_ascii_uppercase();
        let upper = cap && !b.iter().any(u8::is_ascii_lowercase);
        // Numbers are read from their digits, never looked up. A word in
        // capitals is looked up as written first (`WHO` the agency).
        let id = match vocab {
            Some(v) if kind != TokKind::Number => v.id_as_written(
                &self.lower[start..end],
                (upper && end - start > 1).then(|| &text[start..end]),
            ),
            _ => UNKNOWN,
        };
        self.toks.push(Tok {
            span: base + start..base + end,
            id,
            lower: (start as u32, end as u32),
            kind,
            cap,
            upper,
            hyphen,
        });
    }

    /// Pushes a token that is not ASCII: its lowercase goes after the text
    /// in `lower`.
    fn push_other(
        &mut self,
        text: &str,
        base: usize,
        start: usize,
        end: usize,
        kind: TokKind,
        vocab: Option<&Vocab>,
    ) {
        let s = &text[start..end];
        let from = self.lower.len();
        for c in s.chars() {
            match c {
                '’' => self.lower.push('\''),
                c => self.lower.extend(c.to_lowercase()),
            }
        }
        let cap = s.chars().next().is_some_and(char::is_uppercase);
        let upper = cap && !s.chars().any(char::is_lowercase);
        let id = match vocab {
            Some(v) if kind != TokKind::Number => v.id_as_written(
                &self.lower[from..],
                (upper && s.chars().nth(1).is_some()).then_some(s),
            ),
            _ => UNKNOWN,
        };
        self.toks.push(Tok {
            span: base + start..base + end,
            id,
            lower: (from as u32, self.lower.len() as u32),
            kind,
            cap,
            upper,
            hyphen: s.contains('-'),
        });
    }
}

/// How [`Tokens::tokenize`] reads an ASCII byte.
const SPACE: u8 = 0;
const ALNUM: u8 = 1;
const OTHER: u8 = 2;
/// Not ASCII: read as a character.
const WIDE: u8 = 3;

/// The class of every byte: what `char::is_whitespace` and
/// `char::is_alphanumeric` say of the ASCII characters.
static CLASS: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut b = 0;
    while b < 0x80 {
        t[b] = if matches!(b, 0x09..=0x0d | 0x20) {
            SPACE
        } else if (b as u8).is_ascii_alphanumeric() {
            ALNUM
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// Whether byte `b` is an ASCII letter or digit, read through [`CLASS`].
#[inline]
pub fn is_ascii_alnum(b: u8) -> bool {
    CLASS[usize::from(b)] == ALNUM
}

/// Whether the character at byte `i` of `text` exists and passes `f`.
#[inline]
fn next_is(text: &str, i: usize, f: impl Fn(char) -> bool) -> bool {
    char_at(text, i).is_some_and(f)
}

/// The character at byte `i` of `text` (a character boundary), if any.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        None => None,
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text[i..].chars().next(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as it was before its ASCII fast path: one character at
    /// a time, every token's lowercase copied. The fast one must agree.
    mod oracle {
        use super::super::{TokKind, UNKNOWN, Vocab, char_at};

        #[derive(Debug, PartialEq)]
        pub struct Tok {
            pub span: std::ops::Range<usize>,
            pub kind: TokKind,
            pub cap: bool,
            pub upper: bool,
            pub id: u32,
            pub low: String,
        }

        #[derive(Default)]
        pub struct Tokens {
            pub toks: Vec<Tok>,
        }

        impl Tokens {
            pub fn tokenize(&mut self, text: &str, base: usize, vocab: Option<&Vocab>) {
                self.toks.clear();
                let bytes = text.as_bytes();
                let mut i = 0;
                while let Some(c) = char_at(text, i) {
                    let len = c.len_utf8();
                    if c.is_whitespace() {
                        i += len;
                        continue;
                    }
                    if !c.is_alphanumeric() {
                        self.push(text, base, i, i + len, TokKind::Punct, vocab);
                        i += len;
                        continue;
                    }
                    let kind = if c.is_ascii_digit() {
                        TokKind::Number
                    } else {
                        TokKind::Word
                    };
                    let mut end = i + len;
                    let mut seg_len = 1usize; // letters since the last `.` (for `U.S`)
                    // `j` is the next character to read; it is `end` whenever the
                    // loop stops, as a joining mark is always followed by a letter
                    // or digit.
                    let mut j = end;
                    while let Some(d) = char_at(text, j) {
                        let d_len = d.len_utf8();
                        if d.is_alphanumeric() {
                            j += d_len;
                            seg_len += 1;
                            // The ASCII letters and digits that follow, a byte at a time.
                            while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                                j += 1;
                                seg_len += 1;
                            }
                            end = j;
                            continue;
                        }
                        let next = char_at(text, j + d_len);
                        let prev_digit = bytes[j - 1].is_ascii_digit();
                        let next_alnum = next.is_some_and(char::is_alphanumeric);
                        let next_digit = next.is_some_and(|n| n.is_ascii_digit());
                        let joins = match d {
                            '-' => next_alnum,
                            '.' => {
                                (prev_digit && next_digit)
                                    || (seg_len == 1 && next.is_some_and(char::is_alphabetic))
                            }
                            ',' => {
                                prev_digit
                                    && kind == TokKind::Number
                                    && bytes
                                        .get(j + 1..j + 4)
                                        .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
                                    && !bytes.get(j + 4).is_some_and(u8::is_ascii_digit)
                            }
                            ':' => prev_digit && next_digit,
                            '\'' | '’' => {
                                next.is_some_and(char::is_alphabetic)
                                    && !(kind == TokKind::Number && prev_digit)
                            }
                            _ => false,
                        };
                        if !joins {
                            break;
                        }
                        seg_len = if d == '.' { 0 } else { seg_len };
                        j += d_len;
                    }
                    // `U.S.`, `a.m.`: an abbreviation keeps its final full stop.
                    if kind == TokKind::Word
                        && seg_len == 1
                        && bytes.get(end) == Some(&b'.')
                        && bytes[i..end].contains(&b'.')
                    {
                        end += 1;
                    }
                    self.push(text, base, i, end, kind, vocab);
                    i = end;
                }
            }

            fn push(
                &mut self,
                text: &str,
                base: usize,
                start: usize,
                end: usize,
                kind: TokKind,
                vocab: Option<&Vocab>,
            ) {
                let s = &text[start..end];
                let mut low = String::new();
                for c in s.chars() {
                    match c {
                        '’' => low.push('\''),
                        c => low.extend(c.to_lowercase()),
                    }
                }
                let cap = s.chars().next().is_some_and(char::is_uppercase);
                let upper = cap && !s.chars().any(char::is_lowercase);
                // A word in capitals is looked up as written first.
                let id = match vocab {
                    Some(v) if kind != TokKind::Number => Some(v.id(s))
                        .filter(|&id| upper && s.chars().count() > 1 && id != UNKNOWN)
                        .unwrap_or_else(|| v.id(&low)),
                    _ => UNKNOWN,
                };
                self.toks.push(Tok {
                    span: base + start..base + end,
                    kind,
                    cap,
                    upper,
                    id,
                    low,
                });
            }
        }
    }

    /// Compares every token of `text` with the oracle's.
    fn agrees_with_oracle(text: &str) {
        let vocab = &super::super::finder::tests::lexicons().vocab;
        let mut fast = Tokens::default();
        fast.tokenize(text, 7, Some(vocab));
        let mut slow = oracle::Tokens::default();
        slow.tokenize(text, 7, Some(vocab));
        let got: Vec<oracle::Tok> = (0..fast.len())
            .map(|i| {
                let t = &fast.toks[i];
                assert_eq!(t.hyphen, fast.low(i).contains('-'), "{text:?}");
                oracle::Tok {
                    span: t.span.clone(),
                    kind: t.kind,
                    cap: t.cap,
                    upper: t.upper,
                    id: t.id,
                    low: fast.low(i).to_string(),
                }
            })
            .collect();
        assert_eq!(got, slow.toks, "{text:?}");
    }

    #[test]
    fn fast_path_agrees_with_oracle() {
        for text in [
            "The U.S.-led F-35 would-be, at 4:30 a.m. GMT, US$4.4B",
            "Erdoğan’s ARMY killed TWENTY-ONE; İSTANBUL’s 1,234,5678 people",
            "\u{b}Ünal\u{a0}said 2.6% of ٣ people\u{212A}m  don’t-go 40’s",
            "1,234,567 and 12,34 and 1.2.3 and a.b.c. and x.Y. U.S.A",
            "Straße STRASSE ǅemal “We” — €18 ₹5 -5 5- x-",
        ] {
            agrees_with_oracle(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_path_agrees_with_oracle_on_any_text(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', 'b', 'Z', 'T', 'e', 'n', 's', '0', '1', '9', ' ', '\t', '\n', '\u{b}',
                '\u{a0}', '.', ',', ':', '-', '\'', '’', '$', '%', '/', '“', 'é', 'É', 'İ',
                'ß', '٣', '\u{212A}', '€', '—',
            ]), 0..40),
        ) {
            let text: String = chars.into_iter().collect();
            agrees_with_oracle(&text);
        }
    }

    fn toks(text: &str) -> Vec<String> {
        let mut t = Tokens::default();
        t.tokenize(text, 0, None);
        (0..t.len())
            .map(|i| text[t.toks[i].span.clone()].to_string())
            .collect()
    }

    #[test]
    fn numbers_keep_separators() {
        assert_eq!(
            toks("1,234 and 2.5, 50-60."),
            ["1,234", "and", "2.5", ",", "50-60", "."]
        );
        assert_eq!(toks("at 4:30 a.m. GMT"), ["at", "4:30", "a.m.", "GMT"]);
        assert_eq!(toks("US$4.4B, €18"), ["US", "$", "4.4B", ",", "€", "18"]);
        assert_eq!(toks("2.6% fewer"), ["2.6", "%", "fewer"]);
        assert_eq!(toks("In 2019, 40 died"), ["In", "2019", ",", "40", "died"]);
    }

    #[test]
    fn words_keep_hyphens_and_apostrophes() {
        assert_eq!(
            toks("The U.S.-led F-35 would-be"),
            ["The", "U.S.", "-", "led", "F-35", "would-be"]
        );
        assert_eq!(toks("to the U.S. Then"), ["to", "the", "U.S.", "Then"]);
        assert_eq!(
            toks("Sunday’s dead, don't"),
            ["Sunday’s", "dead", ",", "don't"]
        );
        assert_eq!(
            toks("the M23's men in the 1990's"),
            ["the", "M23's", "men", "in", "the", "1990", "'", "s"]
        );
        assert_eq!(
            toks("“We left,” said Osk."),
            ["“", "We", "left", ",", "”", "said", "Osk", "."]
        );
    }

    #[test]
    fn lowercase_and_offsets() {
        let mut t = Tokens::default();
        t.tokenize("Erdoğan’s ARMY", 10, None);
        assert_eq!(t.low(0), "erdoğan's");
        assert_eq!(t.low(1), "army");
        assert_eq!(
            t.toks[1].span,
            10 + "Erdoğan’s ".len()..10 + "Erdoğan’s ARMY".len()
        );
        assert!(t.toks[1].cap);
    }
}
