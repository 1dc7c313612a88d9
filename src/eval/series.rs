//! Several monitoring dates in one report (`piano eval PLAN A.csv B.csv …`): each file is
//! evaluated on its own by [`super::evaluate`]; this puts the evaluations in date order and
//! refuses a set that cannot make one report — two files at the same date (`E0810`), or files
//! that score different years, so different targets (`E0811`).

use super::Evaluation;
use super::error::EvalError;
use crate::diagnostics::Diagnostic;
use crate::span::Span;

/// One file's evaluation, with what the diagnostics need to point at it.
pub struct Dated {
    pub evaluation: Evaluation,
    /// The file's name as the user wrote it.
    pub name: String,
    /// The `rilevazione` row, if the file has one.
    pub monitoring: Option<Span>,
}

/// The evaluations oldest first, or the diagnostics (by index into `files`) that forbid one
/// report.
pub fn order(files: Vec<Dated>) -> Result<Vec<Evaluation>, Vec<(usize, Diagnostic)>> {
    let mut problems = Vec::new();
    for (k, file) in files.iter().enumerate() {
        let span = file.monitoring.unwrap_or(Span::point(0));
        let earlier = &files[..k];
        if let Some(other) = earlier
            .iter()
            .find(|o| o.evaluation.as_of == file.evaluation.as_of)
        {
            problems.push((
                k,
                Diagnostic::new(
                    span,
                    EvalError::SameMonitoringDate {
                        date: file.evaluation.as_of,
                        other: other.name.clone(),
                    },
                ),
            ));
        } else if let Some(first) = files
            .first()
            .filter(|f| f.evaluation.year != file.evaluation.year)
        {
            problems.push((
                k,
                Diagnostic::new(
                    span,
                    EvalError::YearsDisagree {
                        year: file.evaluation.year,
                        other_year: first.evaluation.year,
                        other: first.name.clone(),
                    },
                ),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut evaluations: Vec<Evaluation> = files.into_iter().map(|f| f.evaluation).collect();
    evaluations.sort_by_key(|e| e.as_of);
    Ok(evaluations)
}
