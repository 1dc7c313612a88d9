//! The commands behind the CLI, as library functions: each returns what to print and the exit
//! status, so tests call them without spawning a process.

pub mod check;
pub mod eval;
pub mod files;
pub mod fix;
pub mod fmt;
pub mod template;
pub mod write;

use crate::diagnostics::Lang;

/// What a command produced.
#[derive(Debug, Default)]
pub struct Outcome {
    /// For standard output: reports, diagnostics, formatted text.
    pub stdout: String,
    /// For standard error: the one-line summary and usage problems.
    pub stderr: String,
    pub status: i32,
}

/// Exit statuses.
pub const OK: i32 = 0;
pub const FAILED: i32 = 1;
pub const USAGE: i32 = 2;

/// "1 errore" / "2 errori", "1 avviso" / "2 avvisi".
pub fn count(lang: Lang, n: usize, it: (&str, &str), en: (&str, &str)) -> String {
    let (one, many) = lang.pick(it, en);
    format!("{n} {}", if n == 1 { one } else { many })
}
