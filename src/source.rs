//! A loaded file: its name, its decoded text, and byte offset → line/column.

use crate::span::Span;

/// A source file, decoded to UTF-8.
#[derive(Clone, Debug)]
pub struct Source {
    pub name: String,
    pub text: String,
    /// Byte offset of the start of every line.
    line_starts: Vec<usize>,
    /// For a workbook's text view: where each cell's stretch of text ends and the cell's name
    /// (`Misure!C12`), in order; empty for a file that is text itself.
    places: Vec<(usize, String)>,
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
            places: Vec::new(),
        }
    }

    /// The source with named places: `(end, name)` for consecutive stretches of the text, in
    /// order (a workbook's cells in its text view).
    pub fn with_places(mut self, places: Vec<(usize, String)>) -> Self {
        self.places = places;
        self
    }

    /// The name of the place an offset is in (`Misure!C12`), for a source with places.
    pub fn place(&self, offset: usize) -> Option<&str> {
        let i = self.places.partition_point(|(end, _)| *end < offset);
        self.places
            .get(i)
            .or(self.places.last())
            .map(|(_, name)| name.as_str())
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

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// True when the text looks like binary data rather than a plan: NUL bytes in the first
    /// few kilobytes.
    pub fn looks_binary(&self) -> bool {
        self.text.bytes().take(8192).any(|b| b == 0)
    }
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
    fn windows_1252_euro_is_decoded() {
        let (s, enc) = Source::from_bytes("x", b"risorse 5 \x80\n");
        assert_eq!(enc, Encoding::Windows1252);
        assert_eq!(s.text, "risorse 5 €\n");
    }

    #[test]
    fn places_name_stretches_of_text() {
        let s = Source::new("x.xlsx", "ab | c\n").with_places(vec![
            (2, "M!A1".into()),
            (6, "M!B1".into()),
            (7, "M!A2".into()),
        ]);
        assert_eq!(s.place(0), Some("M!A1"));
        assert_eq!(s.place(2), Some("M!A1"));
        assert_eq!(s.place(3), Some("M!B1"));
        assert_eq!(s.place(7), Some("M!A2"));
        assert_eq!(s.place(99), Some("M!A2"));
        assert_eq!(Source::new("x", "ab").place(0), None);
    }

    #[test]
    fn bom_is_dropped() {
        let (s, enc) = Source::from_bytes("x", b"\xEF\xBB\xBFanno");
        assert_eq!(enc, Encoding::Utf8);
        assert_eq!(s.text, "anno");
    }
}
