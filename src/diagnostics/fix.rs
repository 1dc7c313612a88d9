//! Fixes as data (ruff's way): a diagnostic may carry edits that repair it, each set with a
//! title and how safe it is to apply without looking. `piano check --fix` applies them, the
//! JSON output lists them, and the language server offers them as code actions.

use crate::span::Span;

/// Replace the text of `span` with `replacement` (an empty span inserts, an empty
/// replacement deletes). Spans are byte ranges into the diagnostic's own file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    /// Deletes `span` from `text`, and with it its whole line when nothing but blanks would
    /// be left on it (so that no empty line stays behind), else the blanks after it.
    pub fn delete_in_line(text: &str, span: Span) -> Self {
        let bytes = text.as_bytes();
        let line_start = text
            .get(..span.start)
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |i| i + 1);
        let line_end = text
            .get(span.end..)
            .and_then(|t| t.find('\n'))
            .map_or(text.len(), |i| span.end + i);
        let blank = |a: usize, b: usize| {
            text.get(a..b)
                .is_some_and(|s| s.trim_matches([' ', '\t', '\r']).is_empty())
        };
        if blank(line_start, span.start) && blank(span.end, line_end) {
            let end = (line_end + 1).min(text.len());
            return Edit::delete(Span::new(line_start, end.max(line_end)));
        }
        let mut end = span.end;
        while end < line_end && matches!(bytes.get(end), Some(b' ' | b'\t')) {
            end += 1;
        }
        Edit::delete(Span::new(span.start, end))
    }

    pub fn replace(span: Span, replacement: impl Into<String>) -> Self {
        Edit {
            span,
            replacement: replacement.into(),
        }
    }

    pub fn insert(at: usize, text: impl Into<String>) -> Self {
        Edit::replace(Span::point(at), text)
    }

    pub fn delete(span: Span) -> Self {
        Edit::replace(span, "")
    }
}

/// How a fix may be applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Applicability {
    /// `sicura`: keeps the plan's meaning and is the only sensible repair; `--fix` applies it.
    Safe,
    /// `da verificare`: a suggestion (a "did you mean" among several, a change of meaning the
    /// writer must confirm); applied only with `--unsafe-fixes`.
    Unsafe,
}

impl Applicability {
    /// As written in JSON (never translated).
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "sicura",
            Applicability::Unsafe => "da verificare",
        }
    }
}

/// One way to repair a diagnostic: a title in the user's language and the edits, which never
/// overlap one another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(title: String, applicability: Applicability, edits: Vec<Edit>) -> Self {
        Fix {
            title,
            applicability,
            edits,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str, e: &Edit) -> String {
        format!(
            "{}{}{}",
            &text[..e.span.start],
            e.replacement,
            &text[e.span.end..]
        )
    }

    #[test]
    fn deleting_a_whole_line() {
        let text = "a {\n  peso 5%\n}\n";
        let e = Edit::delete_in_line(text, Span::new(6, 13));
        assert_eq!(apply(text, &e), "a {\n}\n");
        let crlf = "a {\r\n  peso 5%\r\n}\r\n";
        let e = Edit::delete_in_line(crlf, Span::new(7, 14));
        assert_eq!(apply(crlf, &e), "a {\r\n}\r\n");
        // The last line, without a line end.
        let e = Edit::delete_in_line("x\n  peso 5%", Span::new(4, 11));
        assert_eq!(apply("x\n  peso 5%", &e), "x\n");
    }

    #[test]
    fn deleting_before_a_comment_keeps_it() {
        let text = "  peso 5% # arrotondato\n";
        let e = Edit::delete_in_line(text, Span::new(2, 9));
        assert_eq!(apply(text, &e), "  # arrotondato\n");
    }
}
