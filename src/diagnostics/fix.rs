//! Fixes as data (ruff's way): a diagnostic may carry edits that repair it, each set with a
//! title and how safe it is to apply without looking. `piano check --fix` applies them, the
//! JSON output lists them, and the language server offers them as code actions.

use crate::span::Span;

/// Replace the text of `span` with `replacement` (an empty span inserts, an empty
/// replacement deletes). Spans are byte ranges into the diagnostic's own file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
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
