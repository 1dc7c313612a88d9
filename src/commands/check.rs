//! `piano check`: parse and check plans, print diagnostics, exit 1 on errors.

use super::{FAILED, OK, Outcome, USAGE, count, files};
use crate::diagnostics::render::{self, Options};
use crate::diagnostics::{Lang, Severity};
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct CheckArgs {
    pub paths: Vec<PathBuf>,
    pub options: Options,
    pub quiet: bool,
    pub deny_warnings: bool,
}

pub fn run(args: &CheckArgs) -> Outcome {
    let lang = args.options.lang;
    let mut out = Outcome::default();
    let (paths, missing) = files::expand(&args.paths, "piano");
    let mut errors = 0;
    let mut warnings = 0;
    let mut io_problem = false;

    let mut sources = Vec::new();
    for (path, error) in missing {
        sources.push(files::unreadable(path.display().to_string(), error));
    }
    for path in &paths {
        sources.push(files::read_plan(path));
    }
    let checked = sources.len();
    for (source, problem) in sources {
        let diagnostics = match problem {
            None => crate::check_source(&source),
            Some(d) => {
                io_problem = true;
                vec![d]
            }
        };
        for d in &diagnostics {
            match d.severity() {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
            }
        }
        out.stdout
            .push_str(&render::render(&source, &diagnostics, args.options));
    }

    if checked == 0 {
        out.stderr.push_str(lang.pick(
            "piano: nessun file .piano da controllare\n",
            "piano: no .piano file to check\n",
        ));
        out.status = USAGE;
        return out;
    }
    out.status = if io_problem {
        USAGE
    } else if errors > 0 || (args.deny_warnings && warnings > 0) {
        FAILED
    } else {
        OK
    };
    if !args.quiet || out.status != OK {
        out.stderr
            .push_str(&summary(lang, checked, errors, warnings));
    }
    out
}

fn summary(lang: Lang, files: usize, errors: usize, warnings: usize) -> String {
    let files = count(
        lang,
        files,
        ("file controllato", "file controllati"),
        ("file checked", "files checked"),
    );
    let problems = match (errors, warnings) {
        (0, 0) => lang.pick("nessun problema", "no problems").to_string(),
        (e, 0) => count(lang, e, ("errore", "errori"), ("error", "errors")),
        (0, w) => count(lang, w, ("avviso", "avvisi"), ("warning", "warnings")),
        (e, w) => format!(
            "{}, {}",
            count(lang, e, ("errore", "errori"), ("error", "errors")),
            count(lang, w, ("avviso", "avvisi"), ("warning", "warnings"))
        ),
    };
    format!("piano: {files}: {problems}\n")
}
