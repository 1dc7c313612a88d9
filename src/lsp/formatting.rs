//! Formatting is `piano fmt`: the canonical text, sent as one edit covering the lines that
//! change (so that the editor keeps the cursor and marks elsewhere). A plan with syntax
//! errors is not formatted, and the client is told why.

use super::documents::Document;
use crate::diagnostics::Lang;
use crate::fmt::{self, FormatError};
use crate::span::Span;
use lsp_types::TextEdit;

pub fn format(doc: &Document, lang: Lang) -> Result<Vec<TextEdit>, String> {
    let formatted = match fmt::format(&doc.text) {
        Ok(f) => f,
        Err(FormatError::Syntax(diagnostics)) => {
            let n = diagnostics.iter().filter(|d| d.is_error()).count();
            let errors = match (lang, n) {
                (Lang::It, 1) => "un errore di sintassi".to_string(),
                (Lang::It, n) => format!("{n} errori di sintassi"),
                (Lang::En, 1) => "a syntax error".to_string(),
                (Lang::En, n) => format!("{n} syntax errors"),
            };
            return Err(lang.pick(
                format!("piano: il piano non è stato formattato perché ha {errors}; correggilo e riprova"),
                format!("piano: the plan was not formatted because it has {errors}; fix it and try again"),
            ));
        }
        Err(FormatError::Internal(why)) => {
            return Err(lang.pick(
                format!("piano: il formattatore ha rinunciato (è un difetto di piano: {why})"),
                format!("piano: the formatter gave up (a bug in piano: {why})"),
            ));
        }
    };
    Ok(minimal_edit(doc, &formatted).into_iter().collect())
}

/// One edit replacing the lines between the common first and last lines of the two texts.
pub(super) fn minimal_edit(doc: &Document, new: &str) -> Option<TextEdit> {
    let old = doc.text.as_str();
    if old == new {
        return None;
    }
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    let prefix = old_lines
        .iter()
        .zip(&new_lines)
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = old_lines[prefix..]
        .iter()
        .rev()
        .zip(new_lines[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let bytes = |lines: &[&str]| lines.iter().map(|l| l.len()).sum::<usize>();
    let start = bytes(&old_lines[..prefix]);
    let old_end = old.len() - bytes(&old_lines[old_lines.len() - suffix..]);
    let new_start = bytes(&new_lines[..prefix]);
    let new_end = new.len() - bytes(&new_lines[new_lines.len() - suffix..]);
    let range = doc.lines.range(old, Span::new(start, old_end));
    Some(TextEdit::new(range, new[new_start..new_end].to_string()))
}
