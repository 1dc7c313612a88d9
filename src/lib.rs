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
    check_plan_keeping(source, check::Keep::Diagnostics).diagnostics
}

/// Drops a large plan's model on a thread of its own: freeing a 30 MB plan's model takes
/// about 5% of checking it, and the caller (the command line, about to print and exit, or to
/// check the next file) need not wait for it.
pub fn drop_aside<T: Send + 'static>(value: T, input_len: usize) {
    if input_len < syntax::parser::PARALLEL_FROM {
        return;
    }
    // A thread that cannot be started drops the value with its closure, here.
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}

/// Parses and checks one plan: the resolved plan and every diagnostic, those of decoding
/// its bytes included (`Source::plan_from_bytes`).
pub fn check_plan(source: &Source) -> check::Checked {
    check_plan_keeping(source, check::Keep::Model)
}

/// [`check_plan`], keeping of the resolved plan what `keep` says.
pub fn check_plan_keeping(source: &Source, keep: check::Keep) -> check::Checked {
    // The tree is not needed after the checks: it is built and freed as they go.
    let workers = syntax::parser::workers_for(&source.text);
    let mut checked = check::check_staged_keeping(&source.text, workers, keep);
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
