//! Reading a draft: bytes to text, front matter, Markdown to prose,
//! paragraphs, sentences, quotations and suppression comments.

pub mod front_matter;
pub mod markdown;
pub mod quotes;
pub mod sentences;
mod suppress;

pub use front_matter::FrontMatter;
pub use markdown::BlockKind;
pub use quotes::Quote;
pub use sentences::Language;
pub use suppress::{Lookup as SuppressionLookup, Suppression};

use crate::date::Date;
use std::ops::Range;

/// How a draft's text is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    PlainText,
}

impl Format {
    /// `.txt` files are plain text; everything else is read as Markdown,
    /// which plain prose also is.
    pub fn from_path(path: &str) -> Format {
        if path
            .rsplit('.')
            .next()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
            && path.contains('.')
        {
            Format::PlainText
        } else {
            Format::Markdown
        }
    }
}

/// A paragraph: a block of prose (paragraph, heading, list item, block quote
/// or table cell).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Range<usize>,
    pub kind: BlockKind,
    /// Indices into [`Draft::sentences`].
    pub sentences: Range<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Range<usize>,
    /// Index into [`Draft::paragraphs`].
    pub paragraph: usize,
}

/// A draft, read and segmented. All spans are byte ranges into `text`.
#[derive(Clone, Debug)]
pub struct Draft {
    /// The path as given on the command line, with `/` separators.
    pub path: String,
    /// The file as read.
    pub text: String,
    /// `text` with every non-prose byte blanked to a space (newlines kept):
    /// same length, same offsets.
    pub prose: String,
    pub front_matter: Option<FrontMatter>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
    pub suppressions: Vec<Suppression>,
    /// `prose` in ASCII lower case, made the first time a check asks.
    lower: std::sync::OnceLock<String>,
}

impl Draft {
    pub fn parse(path: impl Into<String>, text: impl Into<String>, lang: &Language) -> Draft {
        let path = path.into();
        let format = Format::from_path(&path);
        Draft::parse_as(path, text.into(), format, lang)
    }

    pub fn parse_as(path: String, text: String, format: Format, lang: &Language) -> Draft {
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let front_matter = front_matter::parse(&text, bom);
        let body = front_matter.as_ref().map_or(bom, |f| f.span.end);
        let converted = match format {
            Format::Markdown => markdown::markdown(&text, body),
            Format::PlainText => markdown::plain(&text, body),
        };
        let prose = converted.prose;
        let mut paragraphs = Vec::with_capacity(converted.blocks.len());
        let mut sentences = Vec::new();
        let mut quotes = Vec::new();
        // Whether the last paragraph ends with a colon, or is a block quote
        // that such a paragraph introduced.
        let mut introduces = false;
        for block in converted.blocks {
            let first_quote = quotes.len();
            quotes::find(&prose, block.span.clone(), &mut quotes);
            let first = sentences.len();
            for span in sentences::split(&prose, block.span.clone(), &quotes[first_quote..], lang) {
                sentences.push(Sentence {
                    span,
                    paragraph: paragraphs.len(),
                });
            }
            // `... said in a statement:` and then a block quote: the block
            // is a quotation, whole.
            let raw = &prose[block.span.clone()];
            let text = raw.trim();
            if block.kind == BlockKind::BlockQuote && introduces && !text.is_empty() {
                let start = block.span.start + (raw.len() - raw.trim_start().len());
                quotes.truncate(first_quote);
                quotes.push(Quote {
                    span: start..start + text.len(),
                    closed: true,
                });
            } else {
                introduces = text.ends_with(':');
            }
            if sentences.len() > first {
                paragraphs.push(Paragraph {
                    span: block.span,
                    kind: block.kind,
                    sentences: first..sentences.len(),
                });
            }
        }
        let suppressions = suppress::parse(&text, &converted.html);
        Draft {
            path,
            text,
            prose,
            front_matter,
            paragraphs,
            sentences,
            quotes,
            suppressions,
            lower: std::sync::OnceLock::new(),
        }
    }

    /// `prose` with its ASCII letters lowercased: same length, same offsets.
    /// The checks' prefilters search it with lowercase patterns, so that
    /// their automatons can use SIMD; it is made once per draft for all.
    pub fn prose_lower(&self) -> &str {
        self.lower.get_or_init(|| self.prose.to_ascii_lowercase())
    }

    /// The publication date from front matter.
    pub fn date(&self) -> Option<Date> {
        self.front_matter.as_ref().and_then(|f| f.date)
    }

    /// The prose of a span (non-prose bytes blanked).
    pub fn prose(&self, span: Range<usize>) -> &str {
        &self.prose[span]
    }

    /// The sentences of one paragraph.
    pub fn sentences_of(&self, paragraph: usize) -> &[Sentence] {
        &self.sentences[self.paragraphs[paragraph].sentences.clone()]
    }

    /// The index of the sentence holding byte `at`.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        (i < self.sentences.len() && self.sentences[i].span.start <= at).then_some(i)
    }

    /// The sentence right after sentence `i`, if it is in the same paragraph.
    pub fn next_in_paragraph(&self, i: usize) -> Option<&Sentence> {
        let s = self.sentences.get(i)?;
        self.sentences
            .get(i + 1)
            .filter(|n| n.paragraph == s.paragraph)
    }

    /// The direct quotation containing `span`, if any.
    pub fn quote_around(&self, span: &Range<usize>) -> Option<&Quote> {
        // Quotations are sorted and disjoint.
        let k = self
            .quotes
            .partition_point(|q| q.span.start <= span.start)
            .checked_sub(1)?;
        Some(&self.quotes[k]).filter(|q| span.end <= q.span.end)
    }

    /// Panics unless the invariants of `lib.rs` hold: prose has the file's
    /// length and offsets (each byte the file's own or a blank, newlines
    /// kept); paragraphs, sentences and quotations lie on character
    /// boundaries inside the file, in order, sentences inside their
    /// paragraph. Property tests and fuzz targets call it.
    pub fn assert_invariants(&self) {
        let text = &self.text;
        assert_eq!(self.prose.len(), text.len());
        for (p, t) in self.prose.bytes().zip(text.bytes()) {
            assert!(
                p == t || (p == b' ' && t != b'\n'),
                "prose byte {p} is neither the file's {t} nor a blank"
            );
        }
        let on_boundary = |r: &Range<usize>| {
            r.start <= r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        };
        let mut last_para = 0;
        for (i, para) in self.paragraphs.iter().enumerate() {
            assert!(
                on_boundary(&para.span),
                "paragraph {:?} off the file's characters",
                para.span
            );
            assert!(para.span.start >= last_para, "paragraphs out of order");
            last_para = para.span.end;
            let mut last = para.span.start;
            for s in self.sentences_of(i) {
                assert!(
                    on_boundary(&s.span),
                    "sentence {:?} off the file's characters",
                    s.span
                );
                assert!(
                    s.span.start >= last && s.span.end <= para.span.end,
                    "sentence outside its paragraph"
                );
                assert_eq!(s.paragraph, i);
                last = s.span.end;
            }
        }
        let mut last_quote = 0;
        for q in &self.quotes {
            assert!(
                on_boundary(&q.span),
                "quotation {:?} off the file's characters",
                q.span
            );
            assert!(
                q.span.start >= last_quote,
                "quotations overlap or are out of order"
            );
            last_quote = q.span.end;
        }
        for s in &self.suppressions {
            assert!(s.region.start <= s.region.end && s.region.end <= text.len());
        }
        if let Some(fm) = &self.front_matter {
            assert!(on_boundary(&fm.span));
        }
    }

    /// The draft's suppressions, ready for many look-ups: whether a finding
    /// of a rule (or kind) at a byte is silenced by a comment in the draft.
    pub fn suppression_lookup(&self) -> suppress::Lookup<'_> {
        suppress::Lookup::new(&self.suppressions)
    }
}

/// The 1-based line of byte `at`, counted the slow way: what tests check
/// [`lines_of`] against.
#[cfg(test)]
pub(crate) fn line_of(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

/// The 1-based line of each of `offsets`, in their order: one count over
/// the text up to the last of them.
pub fn lines_of(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut lines = vec![0; offsets.len()];
    let (mut at, mut line) = (0, 1);
    for i in order {
        let to = offsets[i].min(text.len());
        line += memchr::memchr_iter(b'\n', &text.as_bytes()[at..to]).count();
        at = to;
        lines[i] = line;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang() -> Language {
        Language::new(&["Gen."], &["U.S."], &["The"])
    }

    #[test]
    fn paragraphs_and_sentences_with_front_matter() {
        let text = "---\ndate: 2025-01-02\n---\n\n# Head line\n\nOne. Two.\n\nThree.\n";
        let d = Draft::parse("a.md", text, &lang());
        assert_eq!(d.date(), Date::new(2025, 1, 2));
        let sents: Vec<_> = d.sentences.iter().map(|s| &text[s.span.clone()]).collect();
        assert_eq!(sents, vec!["Head line", "One.", "Two.", "Three."]);
        assert_eq!(d.paragraphs.len(), 3);
        assert_eq!(d.paragraphs[0].kind, BlockKind::Heading);
        assert_eq!(
            d.next_in_paragraph(1).map(|s| &text[s.span.clone()]),
            Some("Two.")
        );
        assert!(d.next_in_paragraph(2).is_none());
        assert_eq!(d.sentence_at(text.find("Two").unwrap()), Some(2));
        assert!(!d.prose.contains("date"));
    }

    #[test]
    fn a_block_quote_after_a_colon_is_a_quotation() {
        let text = "He said:\n\n> One. \"Two.\"\n>\n> Three.\n\nThen:\n\nFour.\n\n> Five.\n";
        let d = Draft::parse("a.md", text, &lang());
        let quotes: Vec<_> = d.quotes.iter().map(|q| &text[q.span.clone()]).collect();
        assert_eq!(quotes, ["One. \"Two.\"", "Three."]);
        d.assert_invariants();
    }

    #[test]
    fn bom_is_skipped() {
        let text = "\u{feff}---\ndate: 2025-01-02\n---\nText.";
        let d = Draft::parse("a.md", text, &lang());
        assert_eq!(d.date(), Date::new(2025, 1, 2));
        assert_eq!(d.sentences.len(), 1);
    }

    #[test]
    fn txt_is_plain_text() {
        assert_eq!(Format::from_path("notes/a.TXT"), Format::PlainText);
        assert_eq!(Format::from_path("a.md"), Format::Markdown);
        assert_eq!(Format::from_path("README"), Format::Markdown);
        let d = Draft::parse("a.txt", "# not a heading\n\n`kept`", &lang());
        assert!(d.prose.contains("# not a heading"));
        assert!(d.prose.contains("`kept`"));
    }
}
