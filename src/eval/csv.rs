//! Reading `;`-separated files into records of cells that keep their byte spans, so that a
//! diagnostic can point at a cell. Quoted cells (`"a; b"`, `""` for a quote, line breaks
//! inside) are read as spreadsheets write them; CRLF and LF line ends alike.

use super::error::MeasureError;
use super::value::Cell;
use crate::span::Span;

/// One line of the file (more, when a quoted cell holds line breaks).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub cells: Vec<Cell>,
    /// From the first character to the end of the line, line break excluded.
    pub span: Span,
}

/// The records of `text`. Blank lines and lines of empty cells only (`;;;`, which spreadsheets
/// write for empty rows) are not records. A quote that is never closed ends the reading with
/// a diagnostic at the quote.
pub fn records(text: &str) -> (Vec<Record>, Option<(Span, MeasureError)>) {
    let mut out = Vec::new();
    for record in reader(text) {
        match record {
            Ok(r) => out.push(r),
            Err(e) => return (out, Some(e)),
        }
    }
    (out, None)
}

/// [`records`] one at a time, as they are read: a large file's cells are never all held at
/// once. After an unclosed quote's diagnostic, nothing more.
pub fn reader(text: &str) -> Reader<'_> {
    Reader {
        text,
        at: 0,
        first: true,
        done: false,
    }
}

pub struct Reader<'t> {
    text: &'t str,
    at: usize,
    /// No record read yet: the first cell may carry a byte order mark.
    first: bool,
    done: bool,
}

impl Iterator for Reader<'_> {
    type Item = Result<Record, (Span, MeasureError)>;

    fn next(&mut self) -> Option<Self::Item> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        while !self.done && self.at < bytes.len() {
            let start = self.at;
            let mut cells = Vec::new();
            loop {
                let (cell, next, error) = read_cell(text, self.at);
                cells.push(cell);
                if let Some(e) = error {
                    self.done = true;
                    return Some(Err(e));
                }
                self.at = next;
                match bytes.get(self.at) {
                    Some(b';') => self.at += 1,
                    _ => break,
                }
            }
            // `at` is at a line break or at the end.
            let mut end = self.at;
            if end > start && bytes.get(end - 1) == Some(&b'\r') {
                end -= 1;
            }
            if bytes.get(self.at) == Some(&b'\r') {
                self.at += 1;
            }
            if bytes.get(self.at) == Some(&b'\n') {
                self.at += 1;
            }
            if self.first
                && let Some(first) = cells.first_mut()
            {
                unmark(first);
            }
            if cells.iter().any(|c| !c.text.trim().is_empty()) {
                self.first = false;
                return Some(Ok(Record {
                    cells,
                    span: Span::new(start, end),
                }));
            }
        }
        None
    }
}

/// Drops a byte order mark from the file's first cell. An office that reads a CSV with a BOM as
/// Windows-1252 and saves it again in Windows-1252 keeps the mark's three bytes, inside the
/// quotes it puts around the cell (`"\u{FEFF}codice"`), where [`Source::from_bytes`] cannot
/// see it.
///
/// [`Source::from_bytes`]: crate::source::Source::from_bytes
fn unmark(cell: &mut Cell) {
    if let Some(rest) = cell.text.strip_prefix('\u{FEFF}') {
        cell.text = rest.to_string();
        if !cell.exact {
            return;
        }
        let start = cell.span.start.saturating_add('\u{FEFF}'.len_utf8());
        cell.span = Span::new(start.min(cell.span.end), cell.span.end);
    }
}

/// Reads the cell starting at `at`: returns it, where it ends (at `;`, a line break or the
/// end) and, for a quote never closed, the diagnostic.
fn read_cell(text: &str, at: usize) -> (Cell, usize, Option<(Span, MeasureError)>) {
    let bytes = text.as_bytes();
    let mut i = at;
    while matches!(bytes.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    if bytes.get(i) != Some(&b'"') {
        // Unquoted: up to `;` or the line end, trimmed.
        let mut end = i;
        while end < bytes.len() && !matches!(bytes[end], b';' | b'\n') {
            end += 1;
        }
        let mut content_end = end;
        while content_end > i && matches!(bytes[content_end - 1], b' ' | b'\t' | b'\r') {
            content_end -= 1;
        }
        let cell = Cell {
            text: text[i..content_end].to_string(),
            span: Span::new(i, content_end),
            exact: true,
        };
        return (cell, end, None);
    }
    // Quoted: up to the closing quote; `""` is a quote.
    let open = i;
    let content_start = i + 1;
    let mut value = String::new();
    let mut exact = true;
    let mut j = content_start;
    loop {
        let Some(rel) = text[j..].find('"') else {
            let cell = Cell {
                text: text[content_start..].to_string(),
                span: Span::new(content_start, text.len()),
                exact: true,
            };
            return (
                cell,
                text.len(),
                Some((Span::new(open, open + 1), MeasureError::UnclosedQuote)),
            );
        };
        value.push_str(&text[j..j + rel]);
        j += rel;
        if bytes.get(j + 1) == Some(&b'"') {
            value.push('"');
            exact = false;
            j += 2;
        } else {
            break;
        }
    }
    let content_end = j;
    let mut end = j + 1;
    // Anything between the closing quote and the separator belongs to the cell too.
    let rest_start = end;
    while end < bytes.len() && !matches!(bytes[end], b';' | b'\n') {
        end += 1;
    }
    let rest = text[rest_start..end].trim_end_matches(['\r', ' ', '\t']);
    if !rest.is_empty() {
        value.push_str(rest);
        exact = false;
    }
    let span = if exact {
        Span::new(content_start, content_end)
    } else {
        Span::new(open, rest_start + rest.len())
    };
    let cell = Cell {
        text: value,
        span,
        exact,
    };
    (cell, end, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<Vec<String>> {
        let (records, error) = records(text);
        assert!(error.is_none());
        records
            .into_iter()
            .map(|r| r.cells.into_iter().map(|c| c.text).collect())
            .collect()
    }

    #[test]
    fn reads_cells_and_lines() {
        assert_eq!(
            texts("codice;valore\r\na.b;1,5 €\r\n\r\n;;\nc; 2 ;\"x; \"\"y\"\"\"\n"),
            vec![
                vec!["codice", "valore"],
                vec!["a.b", "1,5 €"],
                vec!["c", "2", "x; \"y\""],
            ]
        );
        assert_eq!(
            texts("a;\"riga\nsu due\"\n"),
            vec![vec!["a", "riga\nsu due"]]
        );
        assert_eq!(texts("a;b"), vec![vec!["a", "b"]]);
        assert!(texts("").is_empty());
    }

    #[test]
    fn a_byte_order_mark_inside_the_first_quotes_is_dropped() {
        let text = "\"\u{FEFF}codice\";\"valore\"\n\"\u{FEFF}a\";1\n";
        let (records, _) = records(text);
        let first = &records[0].cells[0];
        assert_eq!(first.text, "codice");
        assert_eq!(&text[first.span.range()], "codice");
        assert_eq!(
            records[1].cells[0].text, "\u{FEFF}a",
            "only the file's first cell"
        );
    }

    #[test]
    fn spans_point_at_cells() {
        let text = "codice;valore\nab;12\n";
        let (records, _) = records(text);
        let cell = &records[1].cells[1];
        assert_eq!(&text[cell.span.range()], "12");
        assert_eq!(&text[records[1].span.range()], "ab;12");
    }

    #[test]
    fn unclosed_quote_is_reported() {
        let (records, error) = records("a;b\nc;\"open\nd;e\n");
        assert_eq!(records.len(), 1);
        let (span, e) = error.unwrap();
        assert_eq!(span, Span::new(6, 7));
        assert_eq!(e, MeasureError::UnclosedQuote);
    }
}
