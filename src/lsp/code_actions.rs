//! Code actions for the diagnostics under the cursor: one quick fix per fix the diagnostic
//! carries (the safe ones preferred), "accept this warning" (a `# consenti CODE: motivo`
//! comment where the checker reads it), "Spiega CODE", which shows `piano explain`'s text,
//! and a source action that applies every safe fix of the document.

use super::diagnostics::to_lsp;
use super::documents::Document;
use super::formatting::minimal_edit;
use crate::check::accept;
use crate::diagnostics::{Applicability, Code, Diagnostic, Lang};
use crate::span::Span;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Command, TextEdit, WorkspaceEdit,
};
use serde_json::{Value, json};
use std::collections::HashMap;

/// The command that shows a code's explanation (its argument: the code).
pub const EXPLAIN_COMMAND: &str = "piano.spiega";

/// The kind of the explanation action: not a fix, but offered with them.
pub fn explain_kind() -> CodeActionKind {
    CodeActionKind::new("quickfix.explain")
}

/// The kind of "apply every safe fix", which editors can run on save (VS Code's
/// `editor.codeActionsOnSave: {"source.fixAll": "explicit"}`).
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.piano")
}

pub struct Options<'a> {
    pub lang: Lang,
    /// The client applies snippet text edits (rust-analyzer's `snippetTextEdit` extension):
    /// the reason of `consenti` is then a placeholder to type over.
    pub snippet_edits: bool,
    /// `context.only`: the kinds the client asked for.
    pub only: Option<&'a [CodeActionKind]>,
}

/// The actions for the diagnostics whose spans meet `range`, as JSON (a snippet edit is not
/// a type of the protocol's library).
pub fn actions(doc: &Document, range: Span, options: &Options) -> Vec<Value> {
    let analysis = doc.analysis();
    let wanted = |kind: &CodeActionKind| {
        options.only.is_none_or(|only| {
            only.iter().any(|o| {
                kind.as_str() == o.as_str()
                    || kind.as_str().starts_with(&format!("{}.", o.as_str()))
            })
        })
    };
    let mut out = Vec::new();
    let mut accepted: Vec<(usize, Code)> = Vec::new();
    let mut explained: Vec<Code> = Vec::new();
    let mut safe_fix = false;
    // Accepted warnings are not shown (see `diagnostics::publish`): nothing to act on.
    for d in analysis
        .checked
        .diagnostics
        .iter()
        .filter(|d| d.accepted.is_none())
        .filter(|d| d.span.start <= range.end && range.start <= d.span.end)
    {
        let lsp = to_lsp(doc, d, options.lang);
        if wanted(&CodeActionKind::QUICKFIX) {
            for fix in d.texts(options.lang).fixes {
                if fix.edits.is_empty() {
                    continue;
                }
                safe_fix |= fix.applicability == Applicability::Safe;
                let edits = fix
                    .edits
                    .iter()
                    .map(|e| {
                        TextEdit::new(doc.lines.range(&doc.text, e.span), e.replacement.clone())
                    })
                    .collect();
                out.push(action(CodeAction {
                    title: sentence_case(&fix.title),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp.clone()]),
                    edit: Some(workspace_edit(doc, edits)),
                    is_preferred: Some(fix.applicability == Applicability::Safe),
                    ..CodeAction::default()
                }));
            }
            let line = doc.lines.line_of(d.span.start);
            if accept::can_accept(d.code()) && !accepted.contains(&(line, d.code())) {
                accepted.push((line, d.code()));
                if let Some(a) = accept(doc, d, &lsp, options) {
                    out.push(a);
                }
            }
        }
        if wanted(&explain_kind()) && !explained.contains(&d.code()) {
            explained.push(d.code());
            let title = format!("{} {}", options.lang.pick("Spiega", "Explain"), d.code());
            out.push(action(CodeAction {
                title: title.clone(),
                kind: Some(explain_kind()),
                diagnostics: Some(vec![lsp]),
                command: Some(Command::new(
                    title,
                    EXPLAIN_COMMAND.into(),
                    Some(vec![json!(d.code().as_str())]),
                )),
                ..CodeAction::default()
            }));
        }
    }
    // Asked for (the editor's source actions, or on save), or offered beside a safe fix
    // under the cursor.
    let asked = options.only.is_some_and(|_| wanted(&fix_all_kind()));
    if asked || (options.only.is_none() && safe_fix) {
        out.extend(fix_all(doc, options.lang));
    }
    out
}

fn action(a: CodeAction) -> Value {
    serde_json::to_value(CodeActionOrCommand::CodeAction(a)).unwrap_or(Value::Null)
}

fn workspace_edit(doc: &Document, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(doc.uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

/// "Accept this warning": the `consenti` edit that the checker reads as accepting it (see
/// `check::accept`), with the reason a snippet placeholder when the client takes them.
fn accept(
    doc: &Document,
    d: &Diagnostic,
    lsp: &lsp_types::Diagnostic,
    options: &Options,
) -> Option<Value> {
    let code = d.code();
    let reason = options.lang.pick("motivo", "reason");
    let placeholder = format!("${{1:{reason}}}");
    let written = if options.snippet_edits {
        placeholder.as_str()
    } else {
        reason
    };
    let comments = &doc.analysis().parsed.comments;
    let acceptance = accept::acceptance(&doc.text, comments, d.span.start, code, written)?;
    let snippet = options.snippet_edits && acceptance.new_comment;
    let edit = TextEdit::new(
        doc.lines.range(&doc.text, acceptance.edit.span),
        acceptance.edit.replacement,
    );
    let title = options.lang.pick(
        format!("Accetta l'avviso {code} (# consenti)"),
        format!("Accept warning {code} (# consenti)"),
    );
    let mut value = action(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![lsp.clone()]),
        edit: Some(workspace_edit(doc, vec![edit])),
        is_preferred: Some(false),
        ..CodeAction::default()
    });
    if snippet {
        // rust-analyzer's extension: a text edit with `insertTextFormat: 2` is a snippet.
        for edits in value
            .pointer_mut("/edit/changes")
            .and_then(Value::as_object_mut)
            .into_iter()
            .flat_map(|m| m.values_mut())
            .filter_map(Value::as_array_mut)
        {
            for e in edits {
                e["insertTextFormat"] = json!(2);
            }
        }
    }
    Some(value)
}

/// "Fix all": every safe fix of the document, applied as `piano check --fix` does (rounds,
/// never a new syntax error), as one edit over the lines that change.
fn fix_all(doc: &Document, lang: Lang) -> Option<Value> {
    let repaired = doc.analysis().repaired(&doc.text);
    let edit = minimal_edit(doc, &repaired.text)?;
    let n = repaired.applied.len();
    let title = match (lang, n) {
        (Lang::It, 1) => "Applica la correzione sicura (1)".to_string(),
        (Lang::It, n) => format!("Applica tutte le correzioni sicure ({n})"),
        (Lang::En, 1) => "Apply the safe fix (1)".to_string(),
        (Lang::En, n) => format!("Apply all safe fixes ({n})"),
    };
    Some(action(CodeAction {
        title,
        kind: Some(fix_all_kind()),
        edit: Some(workspace_edit(doc, vec![edit])),
        ..CodeAction::default()
    }))
}

/// A fix's title as an editor menu item: the diagnostics' "scrivi `x`" becomes "Scrivi `x`",
/// like the other actions of the menu.
fn sentence_case(title: &str) -> String {
    let mut chars = title.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
