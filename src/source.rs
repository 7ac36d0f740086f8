//! A file's text with a line index: turns byte offsets into 1-based lines and
//! columns (in Unicode scalar values, or UTF-16 code units for editors).

use std::ops::Range;

#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    line_starts: Vec<usize>,
    /// Characters and UTF-16 units before every `CHECKPOINT`-th byte, so a
    /// column on a 10 MB line costs at most `CHECKPOINT` bytes of counting.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 1024;

/// (Unicode scalar values, UTF-16 code units) in `bytes`, which starts on a
/// character boundary: every byte that is not a continuation byte starts a
/// character, and four-byte characters take two UTF-16 units.
fn count(bytes: &[u8]) -> (usize, usize) {
    let chars = bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
    let astral = bytes.iter().filter(|&&b| b >= 0xF0).count();
    (chars, chars + astral)
}

/// The Unicode scalar values in `bytes` (the first half of [`count`]).
fn chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// A 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub byte: usize,
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let mut total = (0, 0);
        checkpoints.push(total);
        for chunk in text.as_bytes().chunks(CHECKPOINT) {
            let (c, u) = count(chunk);
            total = (total.0 + c, total.1 + u);
            checkpoints.push(total);
        }
        SourceFile {
            path: path.into(),
            text,
            line_starts,
            checkpoints,
        }
    }

    /// (characters, UTF-16 units) in `text[..at]`; `at` is a char boundary.
    fn prefix(&self, at: usize) -> (usize, usize) {
        let k = at / CHECKPOINT;
        let (c, u) = self.checkpoints[k];
        let (c2, u2) = count(&self.text.as_bytes()[k * CHECKPOINT..at]);
        (c + c2, u + u2)
    }

    /// The 0-based line holding byte `at`.
    pub fn line_index(&self, at: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= at)
            .saturating_sub(1)
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len())
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Line and column of byte `at`, column counted in Unicode scalar values.
    /// An offset inside a character is moved back to its start.
    pub fn position(&self, at: usize) -> Position {
        let mut at = at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let line = self.line_index(at);
        let start = self.line_starts[line];
        // Counting the line itself is cheaper than counting from two
        // checkpoints unless the line is long.
        let column = if at - start <= CHECKPOINT {
            chars(&self.text.as_bytes()[start..at]) + 1
        } else {
            self.prefix(at).0 - self.prefix(start).0 + 1
        };
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
        (p.line - 1, self.prefix(p.byte).1 - self.prefix(start).1)
    }

    pub fn range(&self, span: &Range<usize>) -> (Position, Position) {
        (self.position(span.start), self.position(span.end))
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn astral_characters_take_two_utf16_units() {
        let f = SourceFile::new("a", "😀x");
        assert_eq!(f.utf16_position(4), (0, 2));
        assert_eq!(f.position(4).column, 2);
    }
}
