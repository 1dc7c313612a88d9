//! The checker's diagnostics as the protocol shows them: the project's code, the severity,
//! the primary span as the range, the other labels as related information, and the help
//! appended to the message.

use super::documents::Document;
use crate::diagnostics::{self, Lang, Severity};
use lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    PublishDiagnosticsParams,
};

/// Shown as the diagnostic's source in editors.
pub const SOURCE: &str = "piano";

pub fn to_lsp(doc: &Document, d: &diagnostics::Diagnostic, lang: Lang) -> Diagnostic {
    let texts = d.texts(lang);
    let range = doc.lines.range(&doc.text, d.span);
    let mut message = texts.message.clone();
    if let Some(help) = &texts.help {
        message.push('\n');
        message.push_str(lang.pick("aiuto: ", "help: "));
        message.push_str(help);
    }
    let location = |span| Location::new(doc.uri.clone(), doc.lines.range(&doc.text, span));
    // The primary label is left out: the range already marks the place, and its words
    // ("qui", a weight) say little without the snippet around them.
    let related: Vec<DiagnosticRelatedInformation> = texts
        .related
        .iter()
        .map(|(span, label)| DiagnosticRelatedInformation {
            location: location(*span),
            message: label.clone(),
        })
        .collect();
    Diagnostic {
        range,
        severity: Some(match d.severity() {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code().as_str().to_string())),
        code_description: None,
        source: Some(SOURCE.to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// Every diagnostic of the document's current version but the warnings a `consenti` accepts:
/// they were looked at and settled (as `piano check` hides them without `--show-accepted`),
/// and a `consenti` that no longer accepts anything is itself reported (N0210).
pub fn publish(doc: &Document, lang: Lang) -> PublishDiagnosticsParams {
    let diagnostics = doc
        .analysis()
        .checked
        .diagnostics
        .iter()
        .filter(|d| d.accepted.is_none())
        .map(|d| to_lsp(doc, d, lang))
        .collect();
    PublishDiagnosticsParams::new(doc.uri.clone(), diagnostics, Some(doc.version))
}
