//! Byte offsets ↔ LSP positions. The protocol counts lines from 0 and columns in UTF-16 code
//! units (`€` and `à` are one unit, an emoji two); the project counts bytes. Lines end at
//! `\n`, `\r\n` or a lone `\r`, as the protocol says.

use lsp_types::{Position, Range};

use crate::span::Span;

/// The line starts of one text, to convert positions in O(line length).
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of the start of every line; the first is 0.
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The byte range of line `line` without its line end (empty past the last line).
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let Some(&start) = self.starts.get(line) else {
            return Span::point(self.len);
        };
        let end = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let body = text.get(start..end).unwrap_or("");
        let body = body.strip_suffix('\n').unwrap_or(body);
        let body = body.strip_suffix('\r').unwrap_or(body);
        Span::new(start, start + body.len())
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset.min(self.len)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The position of a byte offset (clamped to the text, moved back to a char boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let start = self.starts[line].min(offset);
        let character: usize = text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(to_u32(line), to_u32(character))
    }

    pub fn range(&self, text: &str, span: Span) -> Range {
        Range::new(
            self.position(text, span.start),
            self.position(text, span.end.max(span.start)),
        )
    }

    /// The byte offset of a position. A line past the end gives the end of the text; a column
    /// past the end of its line gives the line's end; a column inside a character (between the
    /// two halves of an emoji) gives the start of that character.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.starts.len() {
            return text.len();
        }
        let span = self.line_span(text, line);
        let mut units = 0usize;
        for (i, c) in text[span.range()].char_indices() {
            let next = units + c.len_utf16();
            if next > position.character as usize {
                return span.start + i;
            }
            units = next;
        }
        span.end
    }

    /// The byte span of a range (start and end ordered).
    pub fn span(&self, text: &str, range: Range) -> Span {
        let a = self.offset(text, range.start);
        let b = self.offset(text, range.end);
        Span::new(a.min(b), a.max(b))
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units() {
        // `€` is 3 bytes and 1 unit, `à` 2 bytes and 1 unit, `😀` 4 bytes and 2 units.
        let text = "a€à😀b\nx";
        let index = LineIndex::new(text);
        let b = text.find('b').unwrap();
        assert_eq!(index.position(text, b), Position::new(0, 5));
        assert_eq!(index.offset(text, Position::new(0, 5)), b);
        // Inside the emoji: back to its start.
        let emoji = text.find('😀').unwrap();
        assert_eq!(index.offset(text, Position::new(0, 4)), emoji);
        assert_eq!(index.offset(text, Position::new(0, 3)), emoji);
        // Past the line's end: the line's end; past the last line: the text's end.
        assert_eq!(index.offset(text, Position::new(0, 99)), b + 1);
        assert_eq!(index.offset(text, Position::new(7, 0)), text.len());
        assert_eq!(index.position(text, text.len()), Position::new(1, 1));
    }

    #[test]
    fn every_line_end_counts() {
        let text = "a\r\nb\rc\nd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(
            index.position(text, text.find('c').unwrap()),
            Position::new(2, 0)
        );
        assert_eq!(index.line_span(text, 0), Span::new(0, 1));
        // The `\r` of `\r\n` is not a column of its line.
        assert_eq!(index.offset(text, Position::new(0, 5)), 1);
    }

    #[test]
    fn offsets_inside_characters_move_back() {
        let text = "€x";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 1), Position::new(0, 0));
        assert_eq!(index.position(text, 3), Position::new(0, 1));
    }
}
