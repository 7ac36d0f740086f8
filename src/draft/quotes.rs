//! Direct quotations: where they open and close, so checks can tell quoted
//! from reported text.

use std::ops::Range;

/// A direct quotation, quote marks included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub span: Range<usize>,
    /// False when the quotation runs to the end of its paragraph without a
    /// closing mark (the newsroom convention for a quote that continues in the
    /// next paragraph).
    pub closed: bool,
}

/// Finds the double-quoted quotations in one block of prose. Straight quotes
/// alternate open/close; curly quotes say which they are.
pub fn find(prose: &str, block: Range<usize>, out: &mut Vec<Quote>) {
    let bytes = &prose.as_bytes()[..block.end];
    let mut open: Option<usize> = None;
    // Every quote mark is `"` or starts with 0xE2 (`“` E2 80 9C, `”` E2 80
    // 9D): jump between those bytes instead of decoding every character.
    let mut from = block.start;
    while let Some(k) = memchr::memchr2(b'"', 0xE2, &bytes[from..]) {
        let at = from + k;
        from = at + 1;
        let (opening, closing, len) = match bytes[at] {
            b'"' => (true, true, 1),
            _ => match bytes.get(at + 1..at + 3) {
                Some([0x80, 0x9C]) => (true, false, 3),
                Some([0x80, 0x9D]) => (false, true, 3),
                _ => continue,
            },
        };
        match open {
            None if opening => open = Some(at),
            Some(start) if closing => {
                out.push(Quote {
                    span: start..at + len,
                    closed: true,
                });
                open = None;
            }
            // A stray closing mark with nothing open, or an opening mark while
            // one is open (nested or unbalanced): no quotation change.
            _ => {}
        }
    }
    if let Some(start) = open {
        out.push(Quote {
            span: start..block.end,
            closed: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        find(text, 0..text.len(), &mut out);
        out.into_iter().map(|q| (&text[q.span], q.closed)).collect()
    }

    #[test]
    fn straight_and_curly_quotes() {
        assert_eq!(
            quotes(r#""We counted 19 bodies," said Brell. He added “it was awful”."#),
            vec![
                (r#""We counted 19 bodies,""#, true),
                ("“it was awful”", true)
            ]
        );
    }

    #[test]
    fn unclosed_quote_runs_to_block_end() {
        assert_eq!(
            quotes("“The first part of a long quote."),
            vec![("“The first part of a long quote.", false)]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quotes("The town’s hospital didn't say.").is_empty());
    }
}
