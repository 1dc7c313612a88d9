//! `piano check`: parse and check plans, print diagnostics, exit 1 on errors. With `--fix`
//! the fixes are applied first (see `fix.rs`), and what remains is reported.

use super::{FAILED, OK, Outcome, USAGE, count, files, fix};
use crate::diagnostics::render::{self, Options};
use crate::diagnostics::{Applicability, Diagnostic, Lang, Severity};
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct CheckArgs {
    pub paths: Vec<PathBuf>,
    pub options: Options,
    pub quiet: bool,
    pub deny_warnings: bool,
    /// `--fix`: apply fixes before reporting.
    pub fix: Option<fix::FixArgs>,
    /// Print accepted warnings too (JSON always has them).
    pub show_accepted: bool,
}

/// What was found, for the closing summary.
#[derive(Debug, Default)]
struct Tally {
    files: usize,
    errors: usize,
    warnings: usize,
    accepted: usize,
    /// Diagnostics whose first fix is safe / only to verify (when not fixing).
    fixable: usize,
    fixable_unsafe: usize,
    /// Fixes applied (or, with `--diff`, to apply).
    fixed: usize,
    /// Files that `--fix --diff` would change.
    to_change: usize,
    io_problem: bool,
}

impl Tally {
    fn add(&mut self, diagnostics: &[Diagnostic], lang: Lang, fixing: bool) {
        for d in diagnostics {
            match (d.severity(), &d.accepted) {
                (Severity::Error, _) => self.errors += 1,
                (Severity::Warning, None) => self.warnings += 1,
                (Severity::Warning, Some(_)) => self.accepted += 1,
            }
            if fixing || d.accepted.is_some() {
                continue;
            }
            match d.texts(lang).fixes.first().map(|f| f.applicability) {
                Some(Applicability::Safe) => self.fixable += 1,
                Some(Applicability::Unsafe) => self.fixable_unsafe += 1,
                None => {}
            }
        }
    }
}

pub fn run(args: &CheckArgs) -> Outcome {
    let lang = args.options.lang;
    let mut out = Outcome::default();
    let (paths, missing) = files::expand(&args.paths, "piano");
    let mut tally = Tally {
        files: missing.len() + paths.len(),
        ..Tally::default()
    };

    // Each file is read when its turn comes and dropped once its diagnostics are rendered, so
    // that checking a directory of many plans holds one plan at a time.
    let unreadable = missing.into_iter().map(|(path, error)| {
        let read = files::unreadable(path.display().to_string(), error);
        (path, read)
    });
    let readable = paths
        .iter()
        .map(|path| (path.clone(), files::read_plan(path)));
    for (path, (source, problem)) in unreadable.chain(readable) {
        if let Some(d) = problem {
            tally.io_problem = true;
            tally.add(std::slice::from_ref(&d), lang, false);
            out.stdout
                .push_str(&render::render(&source, &[d], args.options));
            continue;
        }
        let (source, diagnostics) = match &args.fix {
            Some(f) => match fix::one(&path, source, f, &mut out, lang) {
                Some(fixed) => {
                    tally.fixed += fixed.applied;
                    tally.to_change += usize::from(fixed.applied > 0 && f.diff);
                    (fixed.source, fixed.diagnostics)
                }
                None => {
                    tally.io_problem = true;
                    continue;
                }
            },
            None => {
                let diagnostics = crate::check_source(&source);
                (source, diagnostics)
            }
        };
        tally.add(&diagnostics, lang, args.fix.is_some());
        if args.fix.as_ref().is_some_and(|f| f.diff) {
            continue; // the diff is the output
        }
        let shown: Vec<Diagnostic> = diagnostics
            .into_iter()
            .filter(|d| {
                args.show_accepted
                    || d.accepted.is_none()
                    || args.options.format == render::Format::Json
            })
            .collect();
        out.stdout
            .push_str(&render::render(&source, &shown, args.options));
    }

    if tally.files == 0 {
        out.stderr.push_str(lang.pick(
            "piano: nessun file .piano da controllare\n",
            "piano: no .piano file to check\n",
        ));
        out.status = USAGE;
        return out;
    }
    out.status = if tally.io_problem {
        USAGE
    } else if tally.errors > 0 || (args.deny_warnings && tally.warnings > 0) || tally.to_change > 0
    {
        FAILED
    } else {
        OK
    };
    if !args.quiet || out.status != OK {
        let diff = args.fix.as_ref().is_some_and(|f| f.diff);
        out.stderr.push_str(&summary(lang, &tally, diff));
    }
    out
}

/// `piano: 2 file controllati: 1 errore, 2 avvisi accettati (1 correggibile con `--fix`)`;
/// with `--fix`, `piano: 1 file controllato: 3 correzioni applicate; resta 1 errore`.
fn summary(lang: Lang, t: &Tally, diff: bool) -> String {
    let files = count(
        lang,
        t.files,
        ("file controllato", "file controllati"),
        ("file checked", "files checked"),
    );
    let mut problems = Vec::new();
    if t.errors > 0 {
        problems.push(count(
            lang,
            t.errors,
            ("errore", "errori"),
            ("error", "errors"),
        ));
    }
    if t.warnings > 0 {
        problems.push(count(
            lang,
            t.warnings,
            ("avviso", "avvisi"),
            ("warning", "warnings"),
        ));
    }
    if t.accepted > 0 {
        problems.push(count(
            lang,
            t.accepted,
            ("avviso accettato", "avvisi accettati"),
            ("accepted warning", "accepted warnings"),
        ));
    }
    let found = problems.join(", ");
    let text = match (t.fixed, diff, found.is_empty()) {
        (0, _, true) => lang.pick("nessun problema", "no problems").to_string(),
        (0, _, false) => found,
        (n, false, _) => {
            let applied = count(
                lang,
                n,
                ("correzione applicata", "correzioni applicate"),
                ("fix applied", "fixes applied"),
            );
            if found.is_empty() {
                lang.pick(
                    format!("{applied}; nessun problema rimasto"),
                    format!("{applied}; no problems left"),
                )
            } else {
                let verb = if t.errors + t.warnings + t.accepted == 1 {
                    "resta"
                } else {
                    "restano"
                };
                lang.pick(
                    format!("{applied}; {verb} {found}"),
                    format!("{applied}; left: {found}"),
                )
            }
        }
        (n, true, _) => {
            let to_apply = count(
                lang,
                n,
                ("correzione da applicare", "correzioni da applicare"),
                ("fix to apply", "fixes to apply"),
            );
            if found.is_empty() {
                lang.pick(
                    format!("{to_apply}; poi nessun problema"),
                    format!("{to_apply}; then no problems"),
                )
            } else {
                lang.pick(
                    format!("{to_apply}; poi {found}"),
                    format!("{to_apply}; then {found}"),
                )
            }
        }
    };
    let hint = if t.fixable > 0 {
        let n = t.fixable;
        lang.pick(
            format!(
                " ({n} correggibil{} con `--fix`)",
                if n == 1 { "e" } else { "i" }
            ),
            format!(" ({n} fixable with `--fix`)"),
        )
    } else if t.fixable_unsafe > 0 {
        let n = t.fixable_unsafe;
        lang.pick(
            format!(" ({n} con una correzione da verificare: `--fix --unsafe-fixes`)"),
            format!(" ({n} with a fix to verify: `--fix --unsafe-fixes`)"),
        )
    } else {
        String::new()
    };
    format!("piano: {files}: {text}{hint}\n")
}
