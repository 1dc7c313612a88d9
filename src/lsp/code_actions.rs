//! Code actions for the diagnostics under the cursor: one quick fix per fix the diagnostic
//! carries (the safe ones preferred), "accept this warning" (a `# consenti CODE: motivo`
//! comment on the line above), and "Spiega CODE", which shows `piano explain`'s text.

use super::diagnostics::to_lsp;
use super::documents::Document;
use crate::diagnostics::{Applicability, Code, Diagnostic, Lang, Severity};
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
    for d in analysis
        .checked
        .diagnostics
        .iter()
        .filter(|d| d.span.start <= range.end && range.start <= d.span.end)
    {
        let lsp = to_lsp(doc, d, options.lang);
        if wanted(&CodeActionKind::QUICKFIX) {
            for fix in d.texts(options.lang).fixes {
                let edits = fix
                    .edits
                    .iter()
                    .map(|e| {
                        TextEdit::new(doc.lines.range(&doc.text, e.span), e.replacement.clone())
                    })
                    .collect();
                out.push(action(CodeAction {
                    title: fix.title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp.clone()]),
                    edit: Some(workspace_edit(doc, edits)),
                    is_preferred: Some(fix.applicability == Applicability::Safe),
                    ..CodeAction::default()
                }));
            }
            let line = doc.lines.line_of(d.span.start);
            if d.severity() == Severity::Warning && !accepted.contains(&(line, d.code())) {
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

/// `# consenti CODE: motivo` above the warning's line, indented like it; when the line above
/// already accepts other codes, the code is added to it.
fn accept(
    doc: &Document,
    d: &Diagnostic,
    lsp: &lsp_types::Diagnostic,
    options: &Options,
) -> Option<Value> {
    let text = &doc.text;
    let line_no = doc.lines.line_of(d.span.start);
    let line = doc.lines.line_span(text, line_no);
    let line_text = text.get(line.range())?;
    let indent_len = line_text.len() - line_text.trim_start_matches([' ', '\t']).len();
    let indent = &line_text[..indent_len];
    let code = d.code().as_str();
    let reason = options.lang.pick("motivo", "reason");
    let title = options.lang.pick(
        format!("Accetta l'avviso {code} (# consenti)"),
        format!("Accept warning {code} (# consenti)"),
    );
    let above = line_no
        .checked_sub(1)
        .map(|n| doc.lines.line_span(text, n))
        .and_then(|s| Some((s, text.get(s.range())?)));
    let (edit, snippet) = match above {
        Some((span, above)) if consenti_codes(above).is_some() => {
            let (codes_end, codes) = consenti_codes(above)?;
            if codes.contains(&code) {
                return None;
            }
            let at = span.start + codes_end;
            (
                TextEdit::new(doc.lines.range(text, Span::point(at)), format!(" {code}")),
                false,
            )
        }
        _ => {
            let eol = if text.get(line.end..).is_some_and(|r| r.starts_with("\r\n")) {
                "\r\n"
            } else {
                "\n"
            };
            let body = if options.snippet_edits {
                format!("{indent}# consenti {code}: ${{1:{reason}}}{eol}")
            } else {
                format!("{indent}# consenti {code}: {reason}{eol}")
            };
            (
                TextEdit::new(doc.lines.range(text, Span::point(line.start)), body),
                options.snippet_edits,
            )
        }
    };
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

/// A `# consenti A B: motivo` line: where its list of codes ends and the codes.
fn consenti_codes(line: &str) -> Option<(usize, Vec<&str>)> {
    let rest = line.trim_start().strip_prefix('#')?.trim_start();
    let after_keyword = rest.strip_prefix("consenti")?;
    if !after_keyword.starts_with([' ', '\t']) {
        return None;
    }
    let list_start = line.len() - after_keyword.len();
    let list_end = after_keyword
        .find(':')
        .map_or(line.len(), |i| list_start + i);
    let list = line.get(list_start..list_end)?;
    let codes = list.split_whitespace().collect();
    Some((list_start + list.trim_end().len(), codes))
}

#[cfg(test)]
mod tests {
    use super::consenti_codes;

    #[test]
    fn reads_a_consenti_line() {
        assert_eq!(
            consenti_codes("  # consenti C0603 W0505: codici ufficiali"),
            Some((24, vec!["C0603", "W0505"]))
        );
        assert_eq!(
            consenti_codes("# consenti C0603"),
            Some((16, vec!["C0603"]))
        );
        assert_eq!(consenti_codes("# consentito"), None);
        assert_eq!(consenti_codes("  udm n."), None);
    }
}
