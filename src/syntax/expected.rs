//! pest's errors in the user's words: rule names become "un numero", "una data", "`}`".

use super::error::{Expected, SyntaxError};
use super::parser::Rule;
use crate::diagnostics::Diagnostic;
use crate::span::Span;
use pest::error::{ErrorVariant, InputLocation};

/// Turns a pest error on `source` (which starts at byte `base` of the file) into a diagnostic
/// that names what was expected and what was found.
pub fn from_pest(error: &pest::error::Error<Rule>, source: &str, base: usize) -> Diagnostic {
    let pos = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    }
    .min(source.len());
    let rest = &source[pos..];
    let found: String = if rest.starts_with(['\n', '\r']) || rest.is_empty() {
        String::new()
    } else {
        let len = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
        rest[..len].chars().take(30).collect()
    };
    let mut expected: Vec<Expected> = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => {
            positives.iter().filter_map(|r| describe(*r)).collect()
        }
        ErrorVariant::CustomError { .. } => Vec::new(),
    };
    expected.sort();
    expected.dedup();
    // "a value" already says "a number or a date"; after a name, "(" (a function call) is
    // rarely what the user meant when an operator would do.
    if expected.contains(&Expected::Value) {
        expected.retain(|e| !matches!(e, Expected::Number));
    }
    if expected.contains(&Expected::Operator) {
        expected.retain(|e| *e != Expected::Keyword("("));
    }
    let start = base + pos;
    let span = Span::new(start, start + found.len());
    Diagnostic::new(span, SyntaxError::Expected { expected, found })
}

fn describe(rule: Rule) -> Option<Expected> {
    use Expected as E;
    Some(match rule {
        Rule::string
        | Rule::long_text
        | Rule::unclosed_text
        | Rule::string_inner
        | Rule::curly_text => E::Text,
        Rule::name => E::Name,
        Rule::code => E::Code,
        Rule::year => E::Year,
        Rule::number | Rule::currency | Rule::quantity | Rule::unsigned | Rule::scientific => {
            E::Number
        }
        Rule::value
        | Rule::not_available
        | Rule::yes
        | Rule::no
        | Rule::date
        | Rule::bad_date
        | Rule::bad_year => E::Value,
        Rule::comparator | Rule::bad_comparator => E::Comparator,
        Rule::udm => E::Udm,
        Rule::expr | Rule::paren | Rule::call | Rule::neg => E::Expression,
        Rule::add | Rule::sub | Rule::mul | Rule::div => E::Operator,
        Rule::open_brace
        | Rule::piano_block
        | Rule::punteggio_block
        | Rule::ambito_block
        | Rule::strategico_block
        | Rule::modello_block
        | Rule::obiettivo_block
        | Rule::indicatore_block
        | Rule::risorse_block => E::OpenBrace,
        Rule::close_paren => E::CloseParen,
        Rule::open_paren => E::Keyword("("),
        Rule::semicolon => E::Keyword(";"),
        Rule::dash => E::Keyword("-"),
        Rule::EOI | Rule::close_brace => E::LineEnd,
        Rule::kw_interne | Rule::risorse_interne => E::Keyword("interne"),
        Rule::kw_uguali => E::Keyword("uguali"),
        Rule::kw_programma => E::Keyword("programma"),
        Rule::kw_entro => E::Comparator,
        Rule::kw_piano => E::Keyword("piano"),
        Rule::kw_punteggio => E::Keyword("punteggio"),
        Rule::kw_ambito => E::Keyword("ambito"),
        Rule::kw_strategico => E::Keyword("strategico"),
        Rule::kw_misura => E::Keyword("misura"),
        Rule::kw_modello => E::Keyword("modello"),
        Rule::kw_obiettivo => E::Keyword("obiettivo"),
        Rule::kw_indicatore => E::Keyword("indicatore"),
        _ => return None,
    })
}
