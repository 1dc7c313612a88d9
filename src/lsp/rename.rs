//! Rename of measures, indicators, templates, strategic lines and ambiti: every occurrence
//! is replaced, once the new name is known to be a valid name (or code) that clashes with
//! nothing the renamed thing can see or be seen by.

use super::documents::Document;
use super::navigation::Symbol;
use crate::diagnostics::Lang;
use crate::span::Span;
use crate::syntax::parser::{PianoParser, Rule};
use lsp_types::{TextEdit, WorkspaceEdit};
use pest::Parser;
use std::collections::HashMap;

/// The span of the renamable name under the cursor.
pub fn prepare(doc: &Document, offset: usize) -> Option<Span> {
    doc.analysis().nav().at(offset).map(|o| o.span)
}

pub fn rename(
    doc: &Document,
    offset: usize,
    new: &str,
    lang: Lang,
) -> Result<WorkspaceEdit, String> {
    let nav = doc.analysis().nav();
    let Some(at) = nav.at(offset) else {
        return Err(lang
            .pick(
                "qui non c'è un nome da rinominare",
                "there is no name to rename here",
            )
            .to_string());
    };
    let symbol = &at.symbol;
    if new == symbol.name() {
        return Ok(WorkspaceEdit::default());
    }
    if !valid(symbol, new) {
        return Err(if symbol.is_code() {
            lang.pick(
                format!("`{new}` non è un codice valido: un codice comincia con una cifra e contiene cifre, lettere e `_` (per esempio `01_02`)"),
                format!("`{new}` is not a valid code: a code starts with a digit and holds digits, letters and `_` (for example `01_02`)"),
            )
        } else {
            lang.pick(
                format!("`{new}` non è un nome valido: un nome comincia con una lettera e contiene lettere, cifre e `_`"),
                format!("`{new}` is not a valid name: a name starts with a letter and holds letters, digits and `_`"),
            )
        });
    }
    if nav.clashes(symbol, new) {
        return Err(lang.pick(
            format!(
                "`{new}` è già usato nel piano: rinominare `{}` creerebbe un conflitto",
                symbol.name()
            ),
            format!(
                "`{new}` is already used in the plan: renaming `{}` would clash with it",
                symbol.name()
            ),
        ));
    }
    let edits = nav
        .occurrences_of(symbol)
        .map(|o| TextEdit::new(doc.lines.range(&doc.text, o.span), new.to_string()))
        .collect();
    Ok(WorkspaceEdit {
        changes: Some(HashMap::from([(doc.uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    })
}

/// Whether `new` is what the grammar reads as a code or a name, whole.
fn valid(symbol: &Symbol, new: &str) -> bool {
    let rule = if symbol.is_code() {
        Rule::code
    } else {
        Rule::name
    };
    PianoParser::parse(rule, new)
        .ok()
        .and_then(|mut pairs| pairs.next())
        .is_some_and(|p| p.as_str() == new)
}
