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

/// An evaluation's values and scores as the snapshots record them: the date, then one line per
/// indicator (value, performance, status, notes). `exact` adds a number's exact decimal, for
/// inputs that went through binary floats (workbooks): no binary noise may reach it.
pub fn scores(
    model: &piano::check::model::Model,
    evaluation: &piano::eval::Evaluation,
    exact: bool,
) -> String {
    use piano::report;
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "al {}, anno {}", evaluation.as_of, evaluation.year);
    for (objective, result) in model.objectives.iter().zip(&evaluation.objectives) {
        for (indicator, r) in objective.indicators.iter().zip(&result.indicators) {
            let exact = match &r.value {
                piano::eval::value::Val::Number(d) if exact => format!(" = {d}"),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "{}: {}{exact} → {} ({}){}",
                indicator.code,
                report::value_text(&r.value, indicator.udm, Lang::It),
                report::performance_text(r.score.performance),
                r.score.status.key(),
                r.notes
                    .iter()
                    .map(|n| format!(" [{}: {}]", n.code, n.text))
                    .collect::<String>()
            );
        }
    }
    out
}
