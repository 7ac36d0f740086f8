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
    let mut open: Option<usize> = None;
    for (i, c) in prose[block.clone()].char_indices() {
        let at = block.start + i;
        match (c, open) {
            ('“', None) | ('"', None) => open = Some(at),
            ('”', Some(start)) | ('"', Some(start)) => {
                out.push(Quote {
                    span: start..at + c.len_utf8(),
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
