//! The commands behind the CLI, as library functions: each returns what to print and the exit
//! status, so tests call them without spawning a process.

pub mod check;
pub mod eval;
pub mod files;
pub mod fix;
pub mod fmt;
pub mod plan_text;
pub mod template;
pub mod template_xlsx;
pub mod write;

use crate::diagnostics::Lang;

/// What a command produced.
#[derive(Debug, Default)]
pub struct Outcome {
    /// For standard output: reports, diagnostics, formatted text.
    pub stdout: String,
    /// Binary output for standard output (a workbook), written after `stdout`.
    pub stdout_bytes: Vec<u8>,
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

/// Refuses binary output (a workbook) to a terminal, where it would be noise: the message
/// asks for `-o FILE`.
pub fn refuse_binary_to_terminal(lang: Lang, example: &str) -> Outcome {
    Outcome {
        stderr: lang.pick(
            format!("piano: una cartella di lavoro non si stampa sul terminale: scrivila in un file con `-o {example}` (oppure reindirizza l'uscita: `> {example}`)\n"),
            format!("piano: a workbook is not printed to a terminal: write it to a file with `-o {example}` (or redirect the output: `> {example}`)\n"),
        ),
        status: USAGE,
        ..Outcome::default()
    }
}
