//! `piano check --fix`: apply the fixes of a plan's diagnostics (`repair.rs`), then write the
//! plan back atomically, or with `--diff` print what would change. A plan is written only if
//! the fixes added no syntax error (they may leave some they cannot repair); otherwise it is
//! left as it was and its diagnostics are reported.

use super::Outcome;
use crate::diagnostics::{Code, Diagnostic, Lang};
use crate::repair::{self, Applied};
use crate::source::Source;
use std::io::Write;
use std::path::Path;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FixArgs {
    /// Print a unified diff instead of writing.
    pub diff: bool,
    /// Apply the fixes to verify too.
    pub unsafe_fixes: bool,
}

/// One plan after fixing: the text to report on and its diagnostics.
pub struct Fixed {
    pub source: Source,
    pub diagnostics: Vec<Diagnostic>,
    /// How many fixes were applied (or would be, with `--diff`).
    pub applied: usize,
}

/// Fixes the plan read from `path` as `source`. `None` after a problem reported on standard
/// error (the file could not be written).
pub fn one(
    path: &Path,
    source: Source,
    args: &FixArgs,
    out: &mut Outcome,
    lang: Lang,
) -> Option<Fixed> {
    let name = source.name.clone();
    // Fixes are computed on `\n` line ends; CRLF and a BOM are put back when writing.
    let text = source.text.replace("\r\n", "\n");
    let options = repair::Options {
        unsafe_fixes: args.unsafe_fixes,
    };
    let repaired = repair::repair(&text, options, lang);
    let unchanged = |source: Source| {
        let diagnostics = crate::check_source(&source);
        Fixed {
            source,
            diagnostics,
            applied: 0,
        }
    };
    if !repaired.changed() {
        return Some(unchanged(source));
    }
    let fixed = Source::new(name.clone(), repaired.text.as_str());
    let diagnostics = crate::check_source(&fixed);
    let applied = repaired.applied.len();
    let syntax_error = new_syntax_error(&text, &repaired.text, lang);
    if args.diff {
        out.stdout
            .push_str(&crate::fmt::diff::unified(&text, &repaired.text, &name));
        if syntax_error {
            out.stderr.push_str(&lang.pick(
                format!("piano: {name}: `--fix` non lo scriverebbe: avrebbe un errore di sintassi che prima non c'era (un difetto di una correzione: per favore segnalalo)\n"),
                format!("piano: {name}: `--fix` would not write it: it would have a syntax error it did not have before (a defect of a fix: please report it)\n"),
            ));
        }
        return Some(Fixed {
            source: fixed,
            diagnostics,
            applied,
        });
    }
    if syntax_error {
        out.stderr.push_str(&lang.pick(
            format!("piano: {name}: non corretto: il risultato avrebbe un errore di sintassi che prima non c'era (un difetto di una correzione: per favore segnalalo)\n"),
            format!("piano: {name}: not fixed: the result would have a syntax error it did not have before (a defect of a fix: please report it)\n"),
        ));
        return Some(unchanged(source));
    }
    let original = std::fs::read(path).unwrap_or_default();
    let bytes = plan_bytes(&repaired.text, &original);
    if let Err(e) = write_atomically(path, &bytes) {
        out.stderr.push_str(&lang.pick(
            format!("piano: {name}: impossibile scrivere il file: {e}\n"),
            format!("piano: {name}: cannot write the file: {e}\n"),
        ));
        return None;
    }
    out.stderr
        .push_str(&applied_line(lang, &name, &repaired.applied));
    Some(Fixed {
        source: fixed,
        diagnostics,
        applied,
    })
}

/// Whether `fixed` has a syntax error that `original` did not have. A plan is written only
/// if not: the fixes may leave errors they cannot repair, never add one, so a plan that
/// parsed still parses.
fn new_syntax_error(original: &str, fixed: &str, lang: Lang) -> bool {
    let errors = |text: &str| {
        let mut e: Vec<(Code, String)> = crate::syntax::parse(text)
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| (d.code(), d.texts(lang).message))
            .collect();
        e.sort();
        e
    };
    let mut before = errors(original);
    for e in errors(fixed) {
        match before.iter().position(|b| *b == e) {
            Some(i) => {
                before.remove(i);
            }
            None => return true,
        }
    }
    false
}

/// `piano: p.piano: 3 correzioni applicate (P0113, P0119 ×2)`.
fn applied_line(lang: Lang, name: &str, applied: &[Applied]) -> String {
    let mut codes: Vec<(Code, usize)> = Vec::new();
    for a in applied {
        match codes.iter_mut().find(|(c, _)| *c == a.code) {
            Some((_, n)) => *n += 1,
            None => codes.push((a.code, 1)),
        }
    }
    codes.sort();
    let list: Vec<String> = codes
        .iter()
        .map(|(c, n)| {
            if *n == 1 {
                c.to_string()
            } else {
                format!("{c} ×{n}")
            }
        })
        .collect();
    let n = super::count(
        lang,
        applied.len(),
        ("correzione applicata", "correzioni applicate"),
        ("fix applied", "fixes applied"),
    );
    format!("piano: {name}: {n} ({})\n", list.join(", "))
}

/// The bytes of a plan's new text: UTF-8, with CRLF line ends if the original's first line
/// ended so, and the original's byte order mark if it had one.
fn plan_bytes(text: &str, original: &[u8]) -> Vec<u8> {
    let bom: &[u8] = b"\xEF\xBB\xBF";
    let crlf = original
        .iter()
        .position(|&b| b == b'\n')
        .is_some_and(|i| i > 0 && original[i - 1] == b'\r');
    let mut out = Vec::with_capacity(text.len() + 16);
    if original.starts_with(bom) {
        out.extend_from_slice(bom);
    }
    if crlf {
        out.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    } else {
        out.extend_from_slice(text.as_bytes());
    }
    out
}

/// Replaces `path` with `bytes` through a temporary file in the same directory, renamed over
/// it (atomic: a crash leaves the old file whole), keeping the file's permissions.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let permissions = std::fs::metadata(path)?.permissions();
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
    let file_name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp_name = format!(".{file_name}.{}.piano-fix", std::process::id());
    let temp = match dir {
        Some(d) => d.join(temp_name),
        None => temp_name.into(),
    };
    let result = (|| {
        let mut f = std::fs::File::create(&temp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::set_permissions(&temp, permissions)?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
