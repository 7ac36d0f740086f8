//! A file's text with a position index: turns byte offsets into 1-based
//! lines and columns (in Unicode scalar values, or UTF-16 code units for
//! editors).
//!
//! The index does not need the text: it records where lines start and where
//! the (in English copy, few) non-ASCII characters are. So a run over an
//! archive can drop each draft's text once the draft is checked, and read
//! it again ([`SourceFile::load`]) only to show a snippet.

use std::borrow::Cow;
use std::ops::Range;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    /// The text, unless it was dropped ([`SourceFile::drop_text`]); then it
    /// is empty and [`SourceFile::load`] reads it again.
    pub text: String,
    len: usize,
    line_starts: Vec<usize>,
    wide: Vec<Wide>,
    /// Where to read a dropped text from, and its hash to know it is the
    /// text that was checked.
    origin: Option<(PathBuf, u64)>,
}

/// A non-ASCII character: where it starts, its UTF-8 length, and the bytes
/// beyond one character (UTF-8) and beyond its UTF-16 units in every wide
/// character before it.
#[derive(Clone, Copy, Debug)]
struct Wide {
    at: u32,
    len: u8,
    extra_utf8: u32,
    extra_utf16: u32,
}

impl Wide {
    /// (UTF-8 bytes beyond one, UTF-8 bytes beyond its UTF-16 units).
    fn extra(self) -> (usize, usize) {
        let len = usize::from(self.len);
        (len - 1, len - if len == 4 { 2 } else { 1 })
    }
}

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub byte: usize,
    pub line: usize,
    pub column: usize,
}

fn hash(text: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(text.as_bytes())
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let text = text.into();
        let bytes = text.as_bytes();
        let line_starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1))
            .collect();
        let mut wide = Vec::new();
        let (mut extra_utf8, mut extra_utf16) = (0u32, 0u32);
        let mut i = 0;
        while let Some(at) = next_non_ascii(bytes, i) {
            let len: u8 = match bytes[at] {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            let w = Wide {
                // Drafts are at most `run::MAX_FILE_BYTES` (256 MB).
                at: at as u32,
                len,
                extra_utf8,
                extra_utf16,
            };
            let (e8, e16) = w.extra();
            extra_utf8 += e8 as u32;
            extra_utf16 += e16 as u32;
            wide.push(w);
            i = (at + usize::from(len)).min(bytes.len());
        }
        SourceFile {
            path: path.into(),
            len: text.len(),
            text,
            line_starts,
            wide,
            origin: None,
        }
    }

    /// Frees the text, which `load` reads again from `origin` when a
    /// reporter needs it; positions need only the index.
    pub fn drop_text(&mut self, origin: PathBuf) {
        self.origin = Some((origin, hash(&self.text)));
        self.text = String::new();
    }

    /// The text: in memory, or read again from disk. An error says the file
    /// changed or vanished since it was checked.
    pub fn load(&self) -> Result<Cow<'_, str>, String> {
        let Some((path, expected)) = &self.origin else {
            return Ok(Cow::Borrowed(&self.text));
        };
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: {}", self.path, crate::rules::io_message(&e)))?;
        if text.len() != self.len || hash(&text) != *expected {
            return Err(format!("{}: changed while it was being checked", self.path));
        }
        Ok(Cow::Owned(text))
    }

    /// The text's length in bytes (also once the text was dropped).
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Wide characters starting before byte `at`.
    fn wide_before(&self, at: usize) -> usize {
        self.wide.partition_point(|w| (w.at as usize) < at)
    }

    /// (UTF-8 bytes beyond one per character, UTF-8 bytes beyond the UTF-16
    /// units) of every wide character before `at`, a character boundary.
    fn extra(&self, at: usize) -> (usize, usize) {
        let k = self.wide_before(at);
        match (self.wide.get(k), self.wide.last()) {
            (Some(w), _) => (w.extra_utf8 as usize, w.extra_utf16 as usize),
            (None, Some(last)) => {
                let (e8, e16) = last.extra();
                (
                    last.extra_utf8 as usize + e8,
                    last.extra_utf16 as usize + e16,
                )
            }
            (None, None) => (0, 0),
        }
    }

    /// `at`, clamped to the text and moved back to a character's start.
    pub fn floor_boundary(&self, at: usize) -> usize {
        let at = at.min(self.len);
        let k = self.wide_before(at + 1);
        match k.checked_sub(1).map(|k| self.wide[k]) {
            Some(w) if at < w.at as usize + usize::from(w.len) => w.at as usize,
            _ => at,
        }
    }

    /// The 0-based line holding byte `at`.
    pub fn line_index(&self, at: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= at)
            .saturating_sub(1)
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line).copied().unwrap_or(self.len)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Line and column of byte `at`, column counted in Unicode scalar values.
    /// An offset inside a character is moved back to its start.
    pub fn position(&self, at: usize) -> Position {
        let at = self.floor_boundary(at);
        let line = self.line_index(at);
        let start = self.line_starts[line];
        let column = (at - start) - (self.extra(at).0 - self.extra(start).0) + 1;
        Position {
            byte: at,
            line: line + 1,
            column,
        }
    }

    /// 0-based line and UTF-16 column of byte `at`, as LSP counts by default.
    pub fn utf16_position(&self, at: usize) -> (usize, usize) {
        let p = self.position(at);
        let start = self.line_starts[p.line - 1];
        let column = (p.byte - start) - (self.extra(p.byte).1 - self.extra(start).1);
        (p.line - 1, column)
    }

    pub fn range(&self, span: &Range<usize>) -> (Position, Position) {
        (self.position(span.start), self.position(span.end))
    }

    /// The start of the last character inside `span` (its start when empty).
    pub fn last_char_start(&self, span: &Range<usize>) -> usize {
        if span.end > span.start {
            self.floor_boundary(span.end - 1).max(span.start)
        } else {
            span.start
        }
    }

    /// 0-based line and column of byte `at`, the column counted in `unit`s
    /// (an editor's position encoding).
    pub fn editor_position(&self, at: usize, unit: Unit) -> (usize, usize) {
        match unit {
            Unit::Utf16 => self.utf16_position(at),
            Unit::Utf8 => {
                let p = self.position(at);
                (p.line - 1, p.byte - self.line_starts[p.line - 1])
            }
        }
    }

    /// The byte offset of a 0-based line and column counted in `unit`s: the
    /// reverse of [`SourceFile::editor_position`]. As LSP asks, a line past
    /// the end means the end of the text and a column past the end of its
    /// line means the end of the line (before `\n` or `\r\n`); a column
    /// inside a character moves back to its start.
    pub fn offset(&self, line: usize, column: usize, unit: Unit) -> usize {
        let Some(&start) = self.line_starts.get(line) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        let content = rest.find('\n').map_or(rest, |i| &rest[..i]);
        let content = content.strip_suffix('\r').unwrap_or(content);
        let mut units = 0;
        for (i, c) in content.char_indices() {
            let width = match unit {
                Unit::Utf8 => c.len_utf8(),
                Unit::Utf16 => c.len_utf16(),
            };
            if units + width > column {
                return start + i;
            }
            units += width;
        }
        start + content.len()
    }
}

/// How an editor counts columns: LSP's position encodings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Unit {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units: LSP's default.
    #[default]
    Utf16,
}

/// The first byte at or after `from` that is not ASCII. Eight bytes at a
/// time: a draft is mostly ASCII, with a curly quote or dash every line.
fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let high = word & HIGH;
        if high != 0 {
            // Little-endian: the lowest set bit is the first such byte.
            return Some(i + (high.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes[i.min(bytes.len())..]
        .iter()
        .position(|&b| b >= 0x80)
        .map(|k| i + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_non_ascii_finds_the_first_high_byte() {
        let text = "plain ascii text — then “quotes”";
        let bytes = text.as_bytes();
        let expect = |from: usize| {
            bytes[from..]
                .iter()
                .position(|&b| b >= 0x80)
                .map(|k| from + k)
        };
        for from in 0..=bytes.len() {
            assert_eq!(next_non_ascii(bytes, from), expect(from), "from {from}");
        }
        assert_eq!(next_non_ascii(b"short", 0), None);
        assert_eq!(next_non_ascii(b"", 0), None);
        assert_eq!(next_non_ascii("12345678é".as_bytes(), 0), Some(8));
    }

    #[test]
    fn positions_count_scalar_values() {
        let f = SourceFile::new("a", "ab\n’é x\nlast");
        assert_eq!(
            f.position(0),
            Position {
                byte: 0,
                line: 1,
                column: 1
            }
        );
        let x = f.text.find('x').unwrap();
        assert_eq!(
            f.position(x),
            Position {
                byte: x,
                line: 2,
                column: 4
            }
        );
        assert_eq!(f.utf16_position(x), (1, 3));
        assert_eq!(f.position(f.text.len()).line, 3);
        // Inside the three-byte ’: moved back to its start.
        assert_eq!(f.position(4).column, 1);
    }

    #[test]
    fn columns_on_long_lines_cross_checkpoints() {
        let line = "é😀a".repeat(1000);
        let f = SourceFile::new("a", format!("x\n{line}"));
        for (i, (b, _)) in line.char_indices().enumerate().step_by(97) {
            let at = 2 + b;
            assert_eq!(f.position(at).column, i + 1);
            assert_eq!(f.utf16_position(at).1, line[..b].encode_utf16().count());
        }
    }

    #[test]
    fn editor_positions_round_trip() {
        let text = "Café — “x” 😀 then an e-mail\r\nnext line\n";
        let f = SourceFile::new("a", text);
        let at = text.find("e-mail").unwrap();
        let prefix = &text[..at];
        assert_eq!(
            f.editor_position(at, Unit::Utf16),
            (0, prefix.encode_utf16().count())
        );
        assert_eq!(f.editor_position(at, Unit::Utf8), (0, at));
        for unit in [Unit::Utf8, Unit::Utf16] {
            // (Between `\r` and `\n` is no place an editor can name.)
            for (b, _) in text
                .char_indices()
                .filter(|(b, _)| !text[..*b].ends_with('\r'))
            {
                let (l, c) = f.editor_position(b, unit);
                assert_eq!(f.offset(l, c, unit), b, "{unit:?} at {b}");
            }
        }
        // Past the end of a line: its end, before the CRLF.
        assert_eq!(f.offset(0, 999, Unit::Utf16), text.find('\r').unwrap());
        // Inside the surrogate pair of 😀: back to its start.
        let smiley = text.find('😀').unwrap();
        let (l, c) = f.editor_position(smiley, Unit::Utf16);
        assert_eq!(f.offset(l, c + 1, Unit::Utf16), smiley);
        // Past the last line: the end of the text.
        assert_eq!(f.offset(9, 0, Unit::Utf8), text.len());
        assert_eq!(f.offset(2, 0, Unit::Utf8), text.len());
    }

    #[test]
    fn positions_survive_dropping_the_text() {
        let text = "Ünï “x”\n😀 é—a\nlast";
        let f = SourceFile::new("a", text);
        let mut dropped = f.clone();
        dropped.drop_text(std::path::PathBuf::from("/nonexistent/copydesk/a.md"));
        assert!(dropped.text.is_empty());
        assert_eq!(dropped.len(), text.len());
        for at in 0..=text.len() + 2 {
            assert_eq!(dropped.position(at), f.position(at), "at {at}");
            assert_eq!(dropped.utf16_position(at), f.utf16_position(at));
            // Inside a character: back to its start.
            let mut b = at.min(text.len());
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            assert_eq!(dropped.floor_boundary(at), b);
        }
        // Reading a vanished file back is an error, not a panic.
        assert!(dropped.load().is_err());
        assert_eq!(f.load().unwrap(), text);
    }

    #[test]
    fn a_reloaded_text_must_be_the_checked_one() {
        let dir = std::env::temp_dir().join(format!("copydesk-src-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("d.md");
        std::fs::write(&path, "Kyiv said.\n").unwrap();
        let mut f = SourceFile::new("d.md", "Kyiv said.\n");
        f.drop_text(path.clone());
        assert_eq!(f.load().unwrap(), "Kyiv said.\n");
        std::fs::write(&path, "Kiev said.\n").unwrap();
        assert!(f.load().unwrap_err().contains("changed"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn last_character_of_a_span() {
        let f = SourceFile::new("a", "ab—c");
        assert_eq!(f.last_char_start(&(0..5)), 2);
        assert_eq!(f.last_char_start(&(0..2)), 1);
        assert_eq!(f.last_char_start(&(3..3)), 3);
    }

    #[test]
    fn astral_characters_take_two_utf16_units() {
        let f = SourceFile::new("a", "😀x");
        assert_eq!(f.utf16_position(4), (0, 2));
        assert_eq!(f.position(4).column, 2);
    }
}
