//! The text a snapshot test records for one input file: the Italian report as a user sees it,
//! then the English short form.

use piano::diagnostics::render::{Format, Options, render};
use piano::diagnostics::{Diagnostic, Lang};
use piano::source::Source;
use std::path::Path;

/// Reads a test input as `tests/<dir>/<file>`, so that snapshots do not depend on where the
/// repository is.
pub fn source(path: &Path, dir: &str) -> Source {
    let bytes = std::fs::read(path).expect("test input is readable");
    let name = format!(
        "tests/{dir}/{}",
        path.file_name().unwrap_or_default().to_string_lossy()
    );
    // Plans are decoded as plans; measurement files as they are.
    if path.extension().is_some_and(|e| e == "piano") {
        Source::plan_from_bytes(name, &bytes).0
    } else {
        Source::from_bytes(name, &bytes).0
    }
}

pub fn report(source: &Source, diagnostics: &[Diagnostic]) -> String {
    let options = |lang, format| Options {
        lang,
        format,
        color: false,
    };
    let it = render(source, diagnostics, options(Lang::It, Format::Human));
    let en = render(source, diagnostics, options(Lang::En, Format::Short));
    format!("{it}\n--- en, short ---\n{en}")
}
