//! `piano fmt`: rewrite plans in the canonical layout, or (`--check`, `--diff`) say which
//! would change. Files are written back as UTF-8, keeping CRLF line ends and a byte order mark
//! when the file had them, and only when their bytes change.

use super::{FAILED, OK, Outcome, USAGE, count, files, write};
use crate::diagnostics::render::{self, Options};
use crate::diagnostics::{Diagnostic, Lang};
use crate::fmt::{self, FormatError};
use crate::source::{Encoding, Source};
use crate::span::Span;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Rewrite the files that change.
    Write,
    /// Name the files that would change.
    Check,
    /// Print a unified diff of what would change.
    Diff,
}

#[derive(Clone, Debug)]
pub struct FmtArgs {
    pub paths: Vec<PathBuf>,
    pub mode: Mode,
    /// How to print the diagnostics of plans that cannot be formatted.
    pub options: Options,
}

/// What happened to one file.
enum FileResult {
    Unchanged,
    Changed,
    /// Syntax errors, or a formatter bug: left as it was.
    NotFormatted,
    /// Could not be read or written.
    IoProblem,
}

pub fn run(args: &FmtArgs) -> Outcome {
    let lang = args.options.lang;
    let mut out = Outcome::default();
    let (paths, missing) = files::expand(&args.paths, "piano");
    let mut results = Vec::new();
    for (path, error) in missing {
        let (source, diagnostic) = files::unreadable(path.display().to_string(), error);
        let diagnostics: Vec<Diagnostic> = diagnostic.into_iter().collect();
        out.stdout
            .push_str(&render::render(&source, &diagnostics, args.options));
        results.push(FileResult::IoProblem);
    }
    for path in &paths {
        results.push(one(path, args, &mut out));
    }

    if results.is_empty() {
        out.stderr.push_str(lang.pick(
            "piano: nessun file .piano da formattare\n",
            "piano: no .piano file to format\n",
        ));
        out.status = USAGE;
        return out;
    }
    let tally = |wanted: fn(&FileResult) -> bool| results.iter().filter(|r| wanted(r)).count();
    let changed = tally(|r| matches!(r, FileResult::Changed));
    let unchanged = tally(|r| matches!(r, FileResult::Unchanged));
    let not_formatted = tally(|r| matches!(r, FileResult::NotFormatted));
    let io_problems = tally(|r| matches!(r, FileResult::IoProblem));
    out.status = if io_problems > 0 {
        USAGE
    } else if not_formatted > 0 || (args.mode != Mode::Write && changed > 0) {
        FAILED
    } else {
        OK
    };
    out.stderr.push_str(&summary(
        lang,
        args.mode,
        [changed, unchanged, not_formatted + io_problems],
    ));
    out
}

fn one(path: &Path, args: &FmtArgs, out: &mut Outcome) -> FileResult {
    let lang = args.options.lang;
    let name = path.display().to_string();
    let bytes = match files::read_bytes(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            let source = Source::new(name, "");
            let d = [Diagnostic::new(Span::point(0), e)];
            out.stdout
                .push_str(&render::render(&source, &d, args.options));
            return FileResult::IoProblem;
        }
    };
    let (source, encoding) = Source::plan_from_bytes(name.clone(), &bytes);
    if source.decoding.iter().any(Diagnostic::is_error) {
        // Formatting would write U+FFFD for the bytes that are not UTF-8, for good.
        out.stdout
            .push_str(&render::render(&source, &source.decoding, args.options));
        out.stderr.push_str(&lang.pick(
            format!("piano: {name}: non formattato, ci sono byte non UTF-8\n"),
            format!("piano: {name}: not formatted, it has bytes that are not UTF-8\n"),
        ));
        return FileResult::NotFormatted;
    }
    let formatted = match fmt::format(&source.text) {
        Ok(text) => text,
        Err(FormatError::Syntax(diagnostics)) => {
            out.stdout
                .push_str(&render::render(&source, &diagnostics, args.options));
            out.stderr.push_str(&lang.pick(
                format!("piano: {name}: non formattato, ci sono errori di sintassi\n"),
                format!("piano: {name}: not formatted, it has syntax errors\n"),
            ));
            return FileResult::NotFormatted;
        }
        Err(FormatError::Internal(why)) => {
            out.stderr.push_str(&lang.pick(
                format!("piano: {name}: non formattato per un errore interno di piano fmt ({why}); per favore segnalalo\n"),
                format!("piano: {name}: not formatted because of an internal error of piano fmt ({why}); please report it\n"),
            ));
            return FileResult::NotFormatted;
        }
    };
    if write::plan_bytes(&formatted, &bytes) == bytes {
        return FileResult::Unchanged;
    }
    match args.mode {
        Mode::Write => {
            if let Err(e) = write::plan(path, &formatted, &bytes) {
                out.stderr.push_str(&e.message(lang));
                return FileResult::IoProblem;
            }
        }
        Mode::Check => out.stdout.push_str(&format!("{name}\n")),
        Mode::Diff => {
            let old = source.text.replace("\r\n", "\n");
            let diff = fmt::diff::unified(&old, &formatted, &name);
            out.stdout.push_str(&diff);
            if diff.is_empty() {
                // Same lines: only the encoding, the line ends or a BOM differ.
                let what = match encoding {
                    Encoding::Windows1252 => lang.pick(
                        "la codifica (Windows-1252 → UTF-8)",
                        "the encoding (Windows-1252 → UTF-8)",
                    ),
                    Encoding::Utf8 => lang.pick("i fine riga", "the line ends"),
                };
                out.stderr.push_str(&lang.pick(
                    format!("piano: {name}: cambia solo {what}\n"),
                    format!("piano: {name}: only {what} would change\n"),
                ));
            }
        }
    }
    FileResult::Changed
}

/// `piano: 3 file: 1 riformattato, 2 già formattati`.
fn summary(lang: Lang, mode: Mode, [changed, unchanged, failed]: [usize; 3]) -> String {
    let total = count(
        lang,
        changed + unchanged + failed,
        ("file", "file"),
        ("file", "files"),
    );
    let mut parts = Vec::new();
    if changed > 0 {
        parts.push(match mode {
            Mode::Write => count(
                lang,
                changed,
                ("riformattato", "riformattati"),
                ("reformatted", "reformatted"),
            ),
            Mode::Check | Mode::Diff => count(
                lang,
                changed,
                ("da formattare", "da formattare"),
                ("to reformat", "to reformat"),
            ),
        });
    }
    if unchanged > 0 {
        parts.push(count(
            lang,
            unchanged,
            ("già formattato", "già formattati"),
            ("already formatted", "already formatted"),
        ));
    }
    if failed > 0 {
        parts.push(count(
            lang,
            failed,
            ("non formattato", "non formattati"),
            ("not formatted", "not formatted"),
        ));
    }
    format!("piano: {total}: {}\n", parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries() {
        assert_eq!(
            summary(Lang::It, Mode::Write, [1, 2, 0]),
            "piano: 3 file: 1 riformattato, 2 già formattati\n"
        );
        assert_eq!(
            summary(Lang::En, Mode::Check, [2, 0, 1]),
            "piano: 3 files: 2 to reformat, 1 not formatted\n"
        );
    }
}
