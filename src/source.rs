//! A loaded file: its name, its decoded text, and byte offset → line/column.

use crate::span::Span;

/// A source file, decoded to UTF-8.
#[derive(Clone, Debug)]
pub struct Source {
    pub name: String,
    pub text: String,
    /// Byte offset of the start of every line.
    line_starts: Vec<usize>,
}

/// How the bytes of a file were decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// Excel's plain "CSV" and old editors on Windows: `€` is the byte 0x80.
    Windows1252,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// Decodes bytes as UTF-8 (a BOM is dropped) or, when they are not valid UTF-8, as
    /// Windows-1252. Returns the encoding used, so callers may mention it.
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> (Self, Encoding) {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => (Source::new(name, text), Encoding::Utf8),
            Err(_) => {
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                (Source::new(name, text.into_owned()), Encoding::Windows1252)
            }
        }
    }

    /// 1-based line and column of a byte offset; the column counts characters (Unicode
    /// scalar values), so `€` and `à` are one column each.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let col = self.text[start..end].chars().count();
        (line + 1, col + 1)
    }

    /// How many lines the text has (a last line without a line end counts; an empty text has
    /// one empty line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset.min(self.text.len())) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// The bytes of 0-based line `line`, without its line end (`\n` or `\r\n`).
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let Some(&start) = self.line_starts.get(line) else {
            return self.text.len()..self.text.len();
        };
        let mut end = self
            .line_starts
            .get(line + 1)
            .map_or(self.text.len(), |next| next - 1);
        if end > start && self.text.as_bytes()[end - 1] == b'\r' && end < self.text.len() {
            end -= 1;
        }
        start..end
    }

    /// `span` inside the text and on character boundaries, whatever it was: what every
    /// renderer shows.
    pub fn clamp(&self, span: Span) -> Span {
        let floor = |mut x: usize| {
            x = x.min(self.text.len());
            while !self.text.is_char_boundary(x) {
                x -= 1;
            }
            x
        };
        let start = floor(span.start);
        Span::new(start, floor(span.end).max(start))
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// True when the text looks like binary data rather than a plan or a measurement file:
    /// a NUL byte anywhere in it.
    pub fn looks_binary(&self) -> bool {
        is_binary(&self.text)
    }
}

/// A NUL byte anywhere: no text file holds one, every binary format does.
pub fn is_binary(text: &str) -> bool {
    text.as_bytes().contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let s = Source::new("x", "ab\n€à x\n");
        assert_eq!(s.line_col(0), (1, 1));
        assert_eq!(s.line_col(3), (2, 1));
        // `x` is after `€` (3 bytes), `à` (2 bytes) and a space.
        assert_eq!(s.line_col(3 + 3 + 2 + 1), (2, 4));
        assert_eq!(s.line_col(s.text.len()), (3, 1));
    }

    #[test]
    fn lines_and_clamping() {
        let s = Source::new("x", "ab\r\n€\n\nz");
        assert_eq!(s.line_count(), 4);
        assert_eq!(s.line_of(0), 0);
        assert_eq!(s.line_of(4), 1);
        assert_eq!(s.line_of(99), 3);
        assert_eq!(s.line_range(0), 0..2);
        assert_eq!(s.line_range(1), 4..7);
        assert_eq!(s.line_range(2), 8..8);
        assert_eq!(s.line_range(3), 9..10);
        assert_eq!(s.line_range(9), 10..10);
        // Inside `€` (bytes 4..7) and beyond the end.
        assert_eq!(s.clamp(Span::new(5, 6)), Span::new(4, 4));
        assert_eq!(s.clamp(Span::new(8, 99)), Span::new(8, 10));
        assert_eq!(s.clamp(Span::new(6, 2)), Span::new(4, 4));
    }

    #[test]
    fn windows_1252_euro_is_decoded() {
        let (s, enc) = Source::from_bytes("x", b"risorse 5 \x80\n");
        assert_eq!(enc, Encoding::Windows1252);
        assert_eq!(s.text, "risorse 5 €\n");
    }

    #[test]
    fn bom_is_dropped() {
        let (s, enc) = Source::from_bytes("x", b"\xEF\xBB\xBFanno");
        assert_eq!(enc, Encoding::Utf8);
        assert_eq!(s.text, "anno");
    }
}
