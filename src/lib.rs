//! piano: a compiler and checker for `.piano` performance plans.
//!
//! The pipeline: [`source`] (bytes → text) → [`syntax`] (text → AST) → checks → evaluation →
//! reports. Every stage reports problems as [`diagnostics::Diagnostic`]s, rendered in one place.

pub mod check;
pub mod commands;
pub mod diagnostics;
pub mod eval;
pub mod fmt;
pub mod italian;
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

/// Parses and checks one plan: the resolved plan and every diagnostic.
pub fn check_plan(source: &Source) -> check::Checked {
    let parsed = syntax::parse(&source.text);
    check::check(&parsed, &source.text)
}
