//! `piano fmt`'s engine: a plan's text → the same plan in the one canonical layout.
//!
//! The plan is parsed; the AST is laid out in canonical order ([`build`]); every comment is
//! placed relative to the nodes around it ([`comments`]); the layout is printed ([`print`]).
//! The result is then parsed again and compared with the original: same meaning, same
//! comments, no errors. A formatter bug therefore shows up as a refusal, never as a changed plan.

mod build;
mod comments;
pub mod diff;
mod formula;
mod layout;
pub mod literal;
pub mod meaning;
mod print;

use crate::diagnostics::Diagnostic;
use crate::syntax;

#[derive(Debug)]
pub enum FormatError {
    /// The plan has syntax errors: it is not formatted.
    Syntax(Vec<Diagnostic>),
    /// The formatted text failed the final check: a bug in the formatter. The text says which
    /// check, in English (it is for the bug report).
    Internal(String),
}

/// Formats a plan. The result uses `\n` line ends and ends with one.
pub fn format(text: &str) -> Result<String, FormatError> {
    let parsed = syntax::parse(text);
    if parsed.diagnostics.iter().any(Diagnostic::is_error) {
        return Err(FormatError::Syntax(parsed.diagnostics));
    }
    let nodes = build::plan(&parsed.plan);
    let mut placed = comments::place(text, &parsed.comments, &nodes);
    let formatted = print::print(&nodes, &mut placed);
    if placed.remaining() > 0 {
        return Err(FormatError::Internal(format!(
            "{} comment(s) were not printed",
            placed.remaining()
        )));
    }
    verify(text, &parsed, &formatted)?;
    Ok(formatted)
}

/// The formatted text must parse without errors, mean the same and keep every comment.
fn verify(original: &str, parsed: &syntax::Parsed, formatted: &str) -> Result<(), FormatError> {
    let again = syntax::parse(formatted);
    if let Some(d) = again.diagnostics.iter().find(|d| d.is_error()) {
        let line = formatted
            .get(..d.span.start)
            .unwrap_or(formatted)
            .matches('\n')
            .count()
            + 1;
        return Err(FormatError::Internal(format!(
            "the formatted plan does not parse: {} at line {line}",
            d.code()
        )));
    }
    if meaning::meaning(&again.plan) != meaning::meaning(&parsed.plan) {
        return Err(FormatError::Internal(
            "the formatted plan means something else".into(),
        ));
    }
    if comment_texts(original, &parsed.comments) != comment_texts(formatted, &again.comments) {
        return Err(FormatError::Internal(
            "the formatted plan lost or changed a comment".into(),
        ));
    }
    Ok(())
}

/// The texts of the comments, sorted: a multiset, since formatting may move them.
pub fn comment_texts(text: &str, comments: &[crate::span::Span]) -> Vec<String> {
    let mut texts: Vec<String> = comments
        .iter()
        .map(|c| comments::comment_text(text, *c).to_string())
        .collect();
    texts.sort();
    texts
}
