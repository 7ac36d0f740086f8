//! A file's text with a line index: turns byte offsets into 1-based lines and
//! columns (in Unicode scalar values, or UTF-16 code units for editors).

use std::ops::Range;

#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    line_starts: Vec<usize>,
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
        SourceFile {
            path: path.into(),
            text,
            line_starts,
        }
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
        let column = self.text[start..at].chars().count() + 1;
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
        (p.line - 1, self.text[start..p.byte].encode_utf16().count())
    }

    pub fn range(&self, span: &Range<usize>) -> (Position, Position) {
        (self.position(span.start), self.position(span.end))
    }
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
    fn astral_characters_take_two_utf16_units() {
        let f = SourceFile::new("a", "😀x");
        assert_eq!(f.utf16_position(4), (0, 2));
        assert_eq!(f.position(4).column, 2);
    }
}
