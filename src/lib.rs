//! piano: a compiler and checker for `.piano` performance plans.
//!
//! The pipeline: [`source`] (bytes → text) → [`syntax`] (text → AST) → checks → evaluation →
//! reports. Every stage reports problems as [`diagnostics::Diagnostic`]s, rendered in one place.

// pest's parser, generated without its `std` feature (no stack probe), names `alloc::`.
extern crate alloc;

pub mod check;
pub mod cli;
pub mod commands;
pub mod controls;
pub mod diagnostics;
pub mod eval;
pub mod fmt;
pub mod italian;
pub mod lsp;
pub mod range;
pub mod repair;
pub mod report;
pub mod source;
pub mod span;
pub mod suggest;
pub mod syntax;

use diagnostics::Diagnostic;
use source::Source;

/// Checks one plan: every diagnostic (syntax and semantics), sorted by position.
pub fn check_source(source: &Source) -> Vec<Diagnostic> {
    check_plan(source).diagnostics
}

/// Parses and checks one plan: the resolved plan and every diagnostic, those of decoding
/// its bytes included (`Source::plan_from_bytes`).
pub fn check_plan(source: &Source) -> check::Checked {
    // The tree is not needed after the checks: it is built and freed as they go.
    let workers = syntax::parser::workers_for(&source.text);
    let mut checked = check::check_staged(&source.text, workers);
    let binary = checked
        .diagnostics
        .iter()
        .any(|d| d.code() == diagnostics::Code::F0002);
    if !source.decoding.is_empty() && !binary {
        // A byte that is not UTF-8 is reported as such; what the parser says about the U+FFFD
        // standing for it would be the same mistake again.
        let invalid: Vec<span::Span> = source
            .decoding
            .iter()
            .filter(|d| d.code() == diagnostics::Code::F0003)
            .map(|d| d.span)
            .collect();
        checked.diagnostics.retain(|d| {
            !invalid
                .iter()
                .any(|b| d.span.start <= b.end && b.start <= d.span.end)
        });
        checked.diagnostics.extend(source.decoding.iter().cloned());
        diagnostics::sort(&mut checked.diagnostics);
    }
    checked
}
