//! The messages of the commands about what they write: files (`fmt`, `-o`, `--fix`) and
//! standard output. Each is one line for standard error, starting with `piano: `.

use super::tr;
use crate::diagnostics::{Code, Lang};
use std::path::Path;

/// A file could not be written; when it existed, it was left as it was.
pub fn cannot_write(lang: Lang, path: &Path, error: &std::io::Error, existed: bool) -> String {
    let path = path.display();
    match existed {
        true => tr!(
            lang,
            "piano: impossibile scrivere {path}: {error}; il file resta com'era\n",
            "piano: cannot write {path}: {error}; the file is left as it was\n"
        ),
        false => tr!(
            lang,
            "piano: impossibile scrivere {path}: {error}\n",
            "piano: cannot write {path}: {error}\n"
        ),
    }
}

/// `-o` names a file the command reads.
pub fn output_is_an_input(lang: Lang, output: &Path, input: &Path) -> String {
    let (output, input) = (output.display(), input.display());
    tr!(
        lang,
        "piano: `-o {output}` è un file che il comando legge ({input}): lo sostituirebbe; scegli un altro file\n",
        "piano: `-o {output}` is a file the command reads ({input}): it would be replaced; choose another file\n"
    )
}

/// The plan about to be written does not parse: a bug of the command, never written.
pub fn unparsable_plan(lang: Lang, path: &Path, code: Code, line: usize) -> String {
    let path = path.display();
    tr!(
        lang,
        "piano: {path}: non scritto: il testo nuovo non si legge come piano ({code} alla riga {line}); il file resta com'era, per favore segnalalo\n",
        "piano: {path}: not written: the new text does not read as a plan ({code} at line {line}); the file is left as it was, please report it\n"
    )
}

/// Standard output could not be written (a full disk, `> /dev/full`).
pub fn stdout_failed(lang: Lang, error: &std::io::Error) -> String {
    tr!(
        lang,
        "piano: impossibile scrivere sullo standard output: {error}\n",
        "piano: cannot write to standard output: {error}\n"
    )
}
