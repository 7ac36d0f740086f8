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
    pub kind: TokKind,
    /// The first character is uppercase.
    pub cap: bool,
    /// Every letter is uppercase (`USD`, `IDF`).
    pub upper: bool,
    /// The word's id in the lexicons' vocabulary, or [`UNKNOWN`].
    pub id: u32,
    lower: Range<usize>,
}

/// The tokens of one stretch of prose. Reused between sentences so that
/// tokenizing does not allocate once the buffers have grown.
#[derive(Default)]
pub struct Tokens {
    pub toks: Vec<Tok>,
    lower: String,
}

impl Tokens {
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The lowercase text of token `i` (curly apostrophes made straight).
    pub fn low(&self, i: usize) -> &str {
        &self.lower[self.toks[i].lower.clone()]
    }

    /// Whether token `i` exists and its lowercase text is `w`.
    pub fn low_is(&self, i: usize, w: &str) -> bool {
        i < self.toks.len() && self.low(i) == w
    }

    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Word)
    }

    pub fn is_punct(&self, i: usize, c: &str) -> bool {
        self.kind(i) == Some(TokKind::Punct) && self.low(i) == c
    }

    /// Token `i` ends where token `i + 1` starts.
    pub fn adjacent(&self, i: usize) -> bool {
        i + 1 < self.toks.len() && self.toks[i].span.end == self.toks[i + 1].span.start
    }

    /// Byte range from the start of token `a` to the end of token `b - 1`.
    pub fn span(&self, a: usize, b: usize) -> Range<usize> {
        self.toks[a].span.start..self.toks[b - 1].span.end
    }

    /// The vocabulary id of token `i`.
    pub fn id(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(UNKNOWN, |t| t.id)
    }

    /// Tokenizes `text`, which starts at byte `base` of the draft, giving
    /// each token its id in `vocab`.
    pub fn tokenize(&mut self, text: &str, base: usize, vocab: Option<&Vocab>) {
        self.toks.clear();
        self.lower.clear();
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
                    '\'' | '’' => next.is_some_and(char::is_alphabetic) && !prev_digit,
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
        let from = self.lower.len();
        let (cap, upper);
        if s.is_ascii() {
            self.lower.push_str(s);
            self.lower[from..].make_ascii_lowercase();
            let b = s.as_bytes();
            cap = b[0].is_ascii_uppercase();
            upper = cap && !b.iter().any(u8::is_ascii_lowercase);
        } else {
            for c in s.chars() {
                match c {
                    '’' => self.lower.push('\''),
                    c => self.lower.extend(c.to_lowercase()),
                }
            }
            cap = s.chars().next().is_some_and(char::is_uppercase);
            upper = cap && !s.chars().any(char::is_lowercase);
        }
        // Numbers are read from their digits, never looked up.
        let id = match vocab {
            Some(v) if kind != TokKind::Number => v.id(&self.lower[from..]),
            _ => UNKNOWN,
        };
        self.toks.push(Tok {
            span: base + start..base + end,
            kind,
            cap,
            upper,
            id,
            lower: from..self.lower.len(),
        });
    }
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
