//! piano: a compiler and checker for `.piano` performance plans.
//!
//! The pipeline: [`source`] (bytes → text) → [`syntax`] (text → AST) → checks → evaluation →
//! reports. Every stage reports problems as [`diagnostics::Diagnostic`]s, rendered in one place.

pub mod commands;
pub mod diagnostics;
pub mod fmt;
pub mod italian;
pub mod source;
pub mod span;
pub mod suggest;
pub mod syntax;

use diagnostics::Diagnostic;
use source::Source;

/// Checks one plan: every diagnostic, sorted by position.
pub fn check_source(source: &Source) -> Vec<Diagnostic> {
    syntax::parse(&source.text).diagnostics
}
