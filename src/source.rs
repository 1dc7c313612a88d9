//! A loaded file: its name, its decoded text, and byte offset → line/column.

use crate::diagnostics::{Diagnostic, FileError};
use crate::span::Span;

/// A source file, decoded to UTF-8.
#[derive(Clone, Debug)]
pub struct Source {
    pub name: String,
    pub text: String,
    /// What decoding the bytes found wrong with them (a plan's bytes that are not UTF-8, line
    /// ends of a lone CR), as diagnostics of this file.
    pub decoding: Vec<Diagnostic>,
    /// Byte offset of the start of every line: built the first time a position is asked
    /// for, so that checking a plan without diagnostics never builds it.
    line_starts: std::sync::OnceLock<Vec<usize>>,
    /// For a workbook's text view: where each cell's stretch of text ends and the cell's name
    /// (`Misure!C12`), in order; empty for a file that is text itself.
    places: Vec<(usize, String)>,
}

/// Text quoted by byte range in messages: a source's text, or a plan's text that is only read
/// again when something is quoted from it (`piano eval` lets a large plan's text go once it is
/// checked: see `commands::plan_text`).
pub trait Quote: Sync {
    /// The text of `span`, if it lies in the text.
    fn quote(&self, span: Span) -> Option<&str>;
}

impl Quote for str {
    fn quote(&self, span: Span) -> Option<&str> {
        self.get(span.range())
    }
}

impl<Q: Quote + ?Sized> Quote for &Q {
    fn quote(&self, span: Span) -> Option<&str> {
        (**self).quote(span)
    }
}

impl Quote for String {
    fn quote(&self, span: Span) -> Option<&str> {
        self.as_str().quote(span)
    }
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
        Source {
            name: name.into(),
            text: text.into(),
            decoding: Vec::new(),
            line_starts: std::sync::OnceLock::new(),
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

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// Decodes bytes as UTF-8 (a BOM is dropped) or, when they are not valid UTF-8, as
    /// Windows-1252. Returns the encoding used, so callers may mention it.
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> (Self, Encoding) {
        Source::from_vec(name, bytes.to_vec())
    }

    /// As [`Source::from_bytes`], keeping the bytes as the text when they are UTF-8.
    pub fn from_vec(name: impl Into<String>, bytes: Vec<u8>) -> (Self, Encoding) {
        match String::from_utf8(without_bom(bytes)) {
            Ok(text) => (Source::new(name, text), Encoding::Utf8),
            Err(e) => {
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(e.as_bytes());
                (Source::new(name, text.into_owned()), Encoding::Windows1252)
            }
        }
    }

    /// Decodes the bytes of a plan. UTF-8 (a BOM is dropped) or, for a file without a single
    /// UTF-8 character beyond ASCII, Windows-1252, as [`Source::from_bytes`]. But a file that
    /// is UTF-8 save for some bytes is not read as Windows-1252, which would turn every `è`
    /// into `Ã¨` and move the errors far from their cause: each invalid byte becomes U+FFFD
    /// and an error (F0003) where it is. Line ends of a lone CR (old Mac files) are read as
    /// line ends; a file that has no other kind gets a warning (F0004).
    pub fn plan_from_bytes(name: impl Into<String>, bytes: &[u8]) -> (Self, Encoding) {
        Source::plan_from_vec(name, bytes.to_vec())
    }

    /// As [`Source::plan_from_bytes`], keeping the bytes as the text when they are UTF-8: a
    /// copy of a large plan would double the memory while reading it.
    pub fn plan_from_vec(name: impl Into<String>, bytes: Vec<u8>) -> (Self, Encoding) {
        let (text, encoding, invalid) = match String::from_utf8(without_bom(bytes)) {
            Ok(text) => (text, Encoding::Utf8, Vec::new()),
            Err(e) => {
                let bytes = e.as_bytes();
                match utf8_with_invalid_bytes(bytes) {
                    Some((text, invalid)) => (text, Encoding::Utf8, invalid),
                    None => {
                        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                        (text.into_owned(), Encoding::Windows1252, Vec::new())
                    }
                }
            }
        };
        let (text, first_cr) = lone_carriage_returns(text);
        let mut source = Source::new(name, text);
        source.decoding = invalid
            .into_iter()
            .map(|(span, bytes)| Diagnostic::new(span, FileError::InvalidUtf8 { bytes }))
            .collect();
        if let Some(at) = first_cr {
            source.decoding.push(Diagnostic::new(
                Span::new(at, at + 1),
                FileError::CarriageReturns,
            ));
        }
        (source, encoding)
    }

    /// 1-based line and column of a byte offset; the column counts characters (Unicode
    /// scalar values), so `€` and `à` are one column each.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts().binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts()[line];
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
        self.line_starts().len()
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self
            .line_starts()
            .binary_search(&offset.min(self.text.len()))
        {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// The bytes of 0-based line `line`, without its line end (`\n` or `\r\n`).
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let Some(&start) = self.line_starts().get(line) else {
            return self.text.len()..self.text.len();
        };
        let mut end = self
            .line_starts()
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

/// Bytes that are UTF-8 but for some invalid sequences, decoded with U+FFFD for each run of
/// them; with the span of each U+FFFD in the text and the bytes it stands for (the first few).
/// `None` when the bytes hold no UTF-8 character beyond ASCII: then they are not UTF-8 at all.
#[allow(clippy::type_complexity)]
fn utf8_with_invalid_bytes(bytes: &[u8]) -> Option<(String, Vec<(Span, Vec<u8>)>)> {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut invalid: Vec<(Span, Vec<u8>)> = Vec::new();
    let mut multibyte = false;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        multibyte |= !valid.is_ascii();
        text.push_str(valid);
        let bad = chunk.invalid();
        if bad.is_empty() {
            continue;
        }
        match invalid.last_mut() {
            // The same run, when nothing valid came between.
            Some((span, run)) if valid.is_empty() && span.end == text.len() => {
                if run.len() < 4 {
                    run.extend(bad.iter().take(4 - run.len()));
                }
            }
            _ => {
                let at = text.len();
                text.push(char::REPLACEMENT_CHARACTER);
                invalid.push((
                    Span::new(at, text.len()),
                    bad.iter().take(4).copied().collect(),
                ));
            }
        }
    }
    multibyte.then_some((text, invalid))
}

/// Every CR not followed by LF turned into LF (the same length, so spans keep), and where the
/// first one was when the text has no LF of its own: CR-only line ends.
fn without_bom(mut bytes: Vec<u8>) -> Vec<u8> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    bytes
}

fn lone_carriage_returns(text: String) -> (String, Option<usize>) {
    if !text.contains('\r') {
        return (text, None);
    }
    let cr_only = !text.contains('\n');
    let first = text.find('\r').filter(|_| cr_only);
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // Replacing one ASCII byte by another keeps the text UTF-8.
    let text = String::from_utf8(bytes).unwrap_or_default();
    (text, first)
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
    fn a_plan_that_is_utf8_but_for_a_byte_is_read_as_utf8() {
        let (s, enc) = Source::plan_from_bytes("x", b"s\xC3\xAC e qualit\xE0\xE8 \x80");
        assert_eq!(enc, Encoding::Utf8);
        assert_eq!(s.text, "sì e qualit\u{FFFD} \u{FFFD}");
        let spans: Vec<_> = s.decoding.iter().map(|d| d.span).collect();
        assert_eq!(spans, vec![Span::new(12, 15), Span::new(16, 19)]);
        assert_eq!(
            s.decoding[0].kind,
            crate::diagnostics::Kind::File(FileError::InvalidUtf8 {
                bytes: vec![0xE0, 0xE8]
            })
        );
        // No UTF-8 character at all: Windows-1252, as Excel and old editors write.
        let (s, enc) = Source::plan_from_bytes("x", b"qualit\xE0 5 \x80");
        assert_eq!(enc, Encoding::Windows1252);
        assert_eq!(s.text, "qualità 5 €");
        assert!(s.decoding.is_empty());
    }

    #[test]
    fn lone_carriage_returns_are_line_ends() {
        let (s, _) = Source::plan_from_bytes("x", b"a\rb\r\rc");
        assert_eq!(s.text, "a\nb\n\nc");
        assert_eq!(s.line_count(), 4);
        assert_eq!(s.decoding.len(), 1);
        assert_eq!(s.decoding[0].span, Span::new(1, 2));
        // Mixed with CRLF: read the same way, without a warning.
        let (s, _) = Source::plan_from_bytes("x", b"a\r\nb\rc");
        assert_eq!(s.text, "a\r\nb\nc");
        assert!(s.decoding.is_empty());
    }

    #[test]
    fn bom_is_dropped() {
        let (s, enc) = Source::from_bytes("x", b"\xEF\xBB\xBFanno");
        assert_eq!(enc, Encoding::Utf8);
        assert_eq!(s.text, "anno");
    }
}
