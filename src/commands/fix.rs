//! `piano check --fix`: apply the fixes of a plan's diagnostics (`repair.rs`), then write the
//! plan back atomically, or with `--diff` print what would change. A plan is written only if
//! the fixes added no syntax error (they may leave some they cannot repair); otherwise it is
//! left as it was and its diagnostics are reported.

use super::{Outcome, write};
use crate::diagnostics::{Code, Diagnostic, Lang};
use crate::repair::{self, Applied};
use crate::source::Source;
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
    // Through the one writer of plans (fmt's too): temporary file and rename, permissions
    // kept, never a plan that does not parse. A plan that already had syntax errors the fixes
    // could not repair is still written (it has no new one: checked above).
    let had_errors = crate::syntax::parse(&text)
        .diagnostics
        .iter()
        .any(Diagnostic::is_error);
    let written = if had_errors {
        write::file(path, &write::plan_bytes(&repaired.text, &original))
    } else {
        write::plan(path, &repaired.text, &original)
    };
    if let Err(e) = written {
        out.stderr.push_str(&e.message(lang));
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
