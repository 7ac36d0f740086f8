//! Markdown (or plain text) to prose.
//!
//! Prose is kept as a *mask* of the file: a string of the same length in which
//! every byte that is not prose (markup, code, HTML, link destinations, bare
//! URLs, front matter) is a space, and newlines stay where they are. Checks
//! search the mask and their spans are file offsets with no mapping at all.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// What kind of block a paragraph of prose comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    BlockQuote,
    TableCell,
}

/// A run of prose between block boundaries, as a byte range into the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub span: Range<usize>,
    pub kind: BlockKind,
}

pub struct Converted {
    pub prose: String,
    pub blocks: Vec<Block>,
    /// Byte ranges of raw HTML (where suppression comments live).
    pub html: Vec<Range<usize>>,
}

/// A mask of `text` with nothing marked as prose yet: spaces, newlines kept.
fn blank_mask(text: &str) -> Vec<u8> {
    text.bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect()
}

fn finish(text: &str, mut mask: Vec<u8>, blocks: Vec<Block>, html: Vec<Range<usize>>) -> Converted {
    blank_urls(text, &mut mask, &blocks);
    // Every copied range lies on character boundaries of `text` and every
    // blanked byte became ASCII, so the mask is valid UTF-8.
    let prose = String::from_utf8(mask)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Converted {
        prose,
        blocks,
        html,
    }
}

/// Converts Markdown starting at byte `from` (after front matter).
pub fn markdown(text: &str, from: usize) -> Converted {
    let mut mask = blank_mask(text);
    let mut blocks = Vec::new();
    let mut html = Vec::new();
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let parser = Parser::new_ext(&text[from..], options).into_offset_iter();

    // Depths of the containers that decide what text is and what kind of
    // block it belongs to.
    let mut skip = 0usize; // code blocks, images, autolinks, HTML blocks, metadata
    let mut heading = 0usize;
    let mut item = 0usize;
    let mut quote = 0usize;
    let mut cell = 0usize;
    let mut links: Vec<bool> = Vec::new();
    let mut current: Option<Block> = None;

    let close = |current: &mut Option<Block>, blocks: &mut Vec<Block>| {
        if let Some(b) = current.take() {
            blocks.push(b);
        }
    };

    for (event, range) in parser {
        let range = range.start + from..range.end + from;
        match event {
            Event::Start(tag) => {
                match &tag {
                    Tag::CodeBlock(_)
                    | Tag::HtmlBlock
                    | Tag::Image { .. }
                    | Tag::MetadataBlock(_) => skip += 1,
                    Tag::Link { link_type, .. } => {
                        // An autolink's text is its URL: not prose.
                        let autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                        links.push(autolink);
                        skip += usize::from(autolink);
                    }
                    Tag::Heading { .. } => heading += 1,
                    Tag::Item => item += 1,
                    Tag::BlockQuote(_) => quote += 1,
                    Tag::TableCell => cell += 1,
                    _ => {}
                }
                if is_block(&tag) {
                    close(&mut current, &mut blocks);
                }
            }
            Event::End(end) => {
                match end {
                    TagEnd::CodeBlock
                    | TagEnd::HtmlBlock
                    | TagEnd::Image
                    | TagEnd::MetadataBlock(_) => skip = skip.saturating_sub(1),
                    TagEnd::Link if links.pop() == Some(true) => skip = skip.saturating_sub(1),
                    TagEnd::Heading(_) => heading = heading.saturating_sub(1),
                    TagEnd::Item => item = item.saturating_sub(1),
                    TagEnd::BlockQuote(_) => quote = quote.saturating_sub(1),
                    TagEnd::TableCell => cell = cell.saturating_sub(1),
                    _ => {}
                }
                if is_block_end(&end) {
                    close(&mut current, &mut blocks);
                }
            }
            Event::Text(_) if skip == 0 => {
                if !text.is_char_boundary(range.start) || !text.is_char_boundary(range.end) {
                    continue;
                }
                mask[range.clone()].copy_from_slice(&text.as_bytes()[range.clone()]);
                let kind = if heading > 0 {
                    BlockKind::Heading
                } else if cell > 0 {
                    BlockKind::TableCell
                } else if item > 0 {
                    BlockKind::ListItem
                } else if quote > 0 {
                    BlockKind::BlockQuote
                } else {
                    BlockKind::Paragraph
                };
                match &mut current {
                    Some(b) => b.span.end = b.span.end.max(range.end),
                    None => current = Some(Block { span: range, kind }),
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => html.push(range),
            _ => {}
        }
    }
    close(&mut current, &mut blocks);
    finish(text, mask, blocks, html)
}

fn is_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::MetadataBlock(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::MetadataBlock(_)
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
    )
}

/// Converts plain text starting at byte `from`: every non-blank line is
/// prose, and blank lines separate paragraphs.
pub fn plain(text: &str, from: usize) -> Converted {
    let mut mask = blank_mask(text);
    mask[from..].copy_from_slice(&text.as_bytes()[from..]);
    // HTML comments (suppression comments among them) are not prose, even
    // in plain text.
    let mut html = Vec::new();
    let mut at = from;
    while let Some(open) = text[at..].find("<!--") {
        let start = at + open;
        let end = text[start + 4..]
            .find("-->")
            .map_or(text.len(), |e| start + 4 + e + 3);
        for (b, t) in mask[start..end]
            .iter_mut()
            .zip(&text.as_bytes()[start..end])
        {
            if *t != b'\n' && *t != b'\r' {
                *b = b' ';
            }
        }
        html.push(start..end);
        at = end;
    }
    let mut blocks = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = from;
    let mut pos = from;
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = &text[pos..line_end];
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                blocks.push(Block {
                    span: s..last_end,
                    kind: BlockKind::Paragraph,
                });
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            start.get_or_insert(pos + lead);
            last_end = pos + line.trim_end().len();
        }
        pos = line_end + 1;
    }
    if let Some(s) = start {
        blocks.push(Block {
            span: s..last_end,
            kind: BlockKind::Paragraph,
        });
    }
    finish(text, mask, blocks, html)
}

/// Blanks bare URLs (`https://…`, `www.…`) inside prose.
fn blank_urls(text: &str, mask: &mut [u8], blocks: &[Block]) {
    let www = memchr::memmem::Finder::new(b"www.");
    let mut starts = Vec::new();
    for block in blocks {
        let bytes = &text.as_bytes()[block.span.clone()];
        let at_word_start = |i: usize| i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        // Every URL starts with `http://`, `https://` or `www.`: found by
        // their rare `:` and by `www.`, not by every `h` and `w`.
        starts.clear();
        for colon in memchr::memchr_iter(b':', bytes) {
            if !bytes[colon + 1..].starts_with(b"//") {
                continue;
            }
            let start = if bytes[..colon].ends_with(b"https") {
                colon - 5
            } else if bytes[..colon].ends_with(b"http") {
                colon - 4
            } else {
                continue;
            };
            if at_word_start(start) {
                starts.push(start);
            }
        }
        starts.extend(www.find_iter(bytes).filter(|&i| at_word_start(i)));
        starts.sort_unstable();
        // Where the last URL ended: a start inside it is part of it.
        let mut after = 0;
        for &i in &starts {
            if i >= after {
                after = blank_url(text, mask, &block.span, i).max(i + 1);
            }
        }
    }
}

/// Blanks the URL starting at byte `i` of `block`, and returns where it
/// ends in the block.
fn blank_url(text: &str, mask: &mut [u8], block: &Range<usize>, i: usize) -> usize {
    let bytes = &text.as_bytes()[block.clone()];
    let mut j = i;
    while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'<' {
        j += 1;
    }
    // Trailing sentence punctuation belongs to the sentence.
    while j > i && matches!(bytes[j - 1], b'.' | b',' | b';' | b':' | b')' | b'!' | b'?') {
        j -= 1;
    }
    // URL bytes up to the first non-ASCII char are ASCII; stop there so the
    // mask stays on character boundaries.
    let mut k = block.start + i;
    while k < block.start + j && text.as_bytes()[k].is_ascii() {
        mask[k] = b' ';
        k += 1;
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first way [`blank_urls`] was written: from every `h` and `w`.
    fn blank_urls_by_letters(text: &str, mask: &mut [u8], blocks: &[Block]) {
        for block in blocks {
            let bytes = &text.as_bytes()[block.span.clone()];
            let mut i = 0;
            while i < bytes.len() {
                // Every URL starts with `h` or `w`: jump between those.
                match memchr::memchr2(b'h', b'w', &bytes[i..]) {
                    Some(k) => i += k,
                    None => break,
                }
                let rest = &bytes[i..];
                let at_word_start = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
                let is_url = at_word_start
                    && (rest.starts_with(b"http://")
                        || rest.starts_with(b"https://")
                        || rest.starts_with(b"www."));
                if is_url {
                    let j = blank_url(text, mask, &block.span, i);
                    i = j.max(i + 1);
                } else {
                    i += 1;
                }
            }
        }
    }

    #[test]
    fn a_url_ends_with_its_block() {
        let text = "see www.a.com*next";
        let block = |span| Block {
            span,
            kind: BlockKind::Paragraph,
        };
        let mut mask = text.as_bytes().to_vec();
        blank_urls(text, &mut mask, &[block(0..13), block(13..text.len())]);
        assert_eq!(String::from_utf8(mask).unwrap(), "see          *next");
    }

    proptest::proptest! {
        #[test]
        fn urls_are_blanked_as_a_search_from_every_h_and_w_blanks_them(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "http://", "https://", "www.", "h", "w", "x", ":", "//", " ", ".", ",",
                "é", "<", "\n", "ttp", "s", "ww",
            ]), 0..30)
        ) {
            let text = parts.concat();
            // Two blocks, and a URL does not run on into the next one.
            let mut mid = text.len() / 2;
            while !text.is_char_boundary(mid) {
                mid += 1;
            }
            let block = |span| Block { span, kind: BlockKind::Paragraph };
            let blocks = [block(0..mid), block(mid..text.len())];
            let mut ours = text.as_bytes().to_vec();
            let mut theirs = ours.clone();
            blank_urls(&text, &mut ours, &blocks);
            blank_urls_by_letters(&text, &mut theirs, &blocks);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    fn prose_of(md: &str) -> String {
        let c = markdown(md, 0);
        c.prose.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn mask_keeps_length_and_offsets() {
        let md = "# Head ’é\n\nSome *bold* text with `code` and [a link](https://x.example/p).\n";
        let c = markdown(md, 0);
        assert_eq!(c.prose.len(), md.len());
        let at = md.find("bold").unwrap();
        assert_eq!(&c.prose[at..at + 4], "bold");
        assert_eq!(prose_of(md), "Head ’é Some bold text with and a link .");
    }

    #[test]
    fn code_html_and_urls_are_not_prose() {
        let md = "Text.\n\n```\nlet x = 45 percent;\n```\n\n<!-- comment 12 -->\n\nSee https://example.com/a-12 now. <https://auto.example/9>\n";
        assert_eq!(prose_of(md), "Text. See now.");
    }

    #[test]
    fn blocks_follow_structure() {
        let md = "# Title\n\nPara one\nstill one.\n\n- item a\n- item b\n\n> quoted text\n";
        let c = markdown(md, 0);
        let kinds: Vec<_> = c
            .blocks
            .iter()
            .map(|b| (b.kind, &md[b.span.clone()]))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Heading, "Title"),
                (BlockKind::Paragraph, "Para one\nstill one."),
                (BlockKind::ListItem, "item a"),
                (BlockKind::ListItem, "item b"),
                (BlockKind::BlockQuote, "quoted text"),
            ]
        );
    }

    #[test]
    fn plain_text_comments_are_not_prose() {
        let t = "<!-- copydesk-disable-next-line e-mail -->\nAn e-mail. <!-- note\nmore -->End.";
        let c = plain(t, 0);
        assert_eq!(
            c.prose.split_whitespace().collect::<Vec<_>>(),
            ["An", "e-mail.", "End."]
        );
        assert_eq!(c.html.len(), 2);
    }

    #[test]
    fn plain_text_paragraphs() {
        let t = "First para\nline two.\n\n  Second.\n";
        let c = plain(t, 0);
        let spans: Vec<_> = c.blocks.iter().map(|b| &t[b.span.clone()]).collect();
        assert_eq!(spans, vec!["First para\nline two.", "Second."]);
    }
}
