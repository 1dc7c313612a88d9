//! Targets: comparators allowed by the UdM, values that fit it, one target per year of the
//! triennio.

use super::Sink;
use super::error::CheckError;
use super::model::TargetSpec;
use super::units;
use crate::span::Span;
use crate::syntax::ast::{Comparator, Field, Goal, Target, Udm, Value};

/// Reports years given twice in one block (an indicator's or a template's own lines).
pub(super) fn duplicate_years(lines: &[Field<Target>], sink: &mut Sink) {
    for (i, t) in lines.iter().enumerate() {
        if let Some(first) = lines[..i]
            .iter()
            .find(|f| f.value.year.value == t.value.year.value)
        {
            sink.report(
                t.value.year.span,
                CheckError::DuplicateTarget {
                    year: t.value.year.value,
                    first: first.value.year.span,
                },
            );
        }
    }
}

/// The targets an indicator ends up with: the template's, with each year the indicator
/// writes replaced by its own line. The first line of a year counts.
pub(super) fn merged<'a>(
    own: &'a [Field<Target>],
    template: &'a [Field<Target>],
) -> Vec<&'a Field<Target>> {
    let mut out: Vec<&Field<Target>> = Vec::new();
    for t in own.iter().chain(template) {
        if !out.iter().any(|o| o.value.year.value == t.value.year.value) {
            out.push(t);
        }
    }
    out.sort_by_key(|t| t.value.year.value);
    out
}

/// Checks targets against the UdM and the triennio; returns them resolved, in year order.
/// `meant` is the one year of the triennio the targets lack, if any: a year outside the
/// triennio then most likely is it, miswritten.
pub(super) fn resolve(
    targets: &[&Field<Target>],
    udm: Option<Udm>,
    triennio: Option<(i32, i32)>,
    meant: Option<i32>,
    sink: &mut Sink,
) -> Vec<(i32, TargetSpec)> {
    let mut out = Vec::with_capacity(targets.len());
    for field in targets {
        let t = &field.value;
        let year = t.year.value;
        if let Some((from, to)) = triennio
            && !(from..=to).contains(&year)
        {
            sink.report(
                t.year.span,
                CheckError::TargetOutsideTriennio {
                    year,
                    from,
                    to,
                    meant,
                },
            );
        }
        let spec = match &t.goal {
            Goal::NotAvailable(_) => Some(TargetSpec::NotAvailable),
            Goal::Compare { comparator, value } => {
                let Some(udm) = udm else { continue };
                let comparator = allowed(comparator.value, comparator.span, udm, sink);
                let resolved = units::value_in(value, udm, sink);
                match (comparator, resolved) {
                    (Some(comparator), Some(value)) => {
                        Some(TargetSpec::Compare { comparator, value })
                    }
                    // `>= n.d.`: no target either.
                    (Some(_), None) if matches!(value, Value::NotAvailable(_)) => {
                        Some(TargetSpec::NotAvailable)
                    }
                    _ => None,
                }
            }
        };
        if let Some(spec) = spec {
            out.push((year, spec));
        }
    }
    out.shrink_to_fit();
    out
}

/// The years of the triennio without a target line.
pub(super) fn absent_years(targets: &[&Field<Target>], triennio: (i32, i32)) -> Vec<i32> {
    (triennio.0..=triennio.1)
        .filter(|year| !targets.iter().any(|t| t.value.year.value == *year))
        .collect()
}

/// Whether a target line is for a year outside the triennio.
pub(super) fn any_outside(targets: &[&Field<Target>], triennio: (i32, i32)) -> bool {
    targets
        .iter()
        .any(|t| !(triennio.0..=triennio.1).contains(&t.value.year.value))
}

/// Reports the years of the triennio without a target line.
pub(super) fn missing_years(
    targets: &[&Field<Target>],
    triennio: (i32, i32),
    indicator: &str,
    at: Span,
    sink: &mut Sink,
) {
    for year in absent_years(targets, triennio) {
        sink.report(
            at,
            CheckError::MissingTarget {
                year,
                indicator: indicator.to_string(),
            },
        );
    }
}

/// `sì/no` takes only `=`; dates take `entro`, `<=`, `>=`, and `=` (read as a deadline, with a
/// warning); numbers take every comparator but `entro`.
fn allowed(c: Comparator, span: Span, udm: Udm, sink: &mut Sink) -> Option<Comparator> {
    use Comparator::*;
    let not_allowed = CheckError::ComparatorNotAllowed { comparator: c, udm };
    match (udm, c) {
        (Udm::YesNo, Eq) => Some(Eq),
        (Udm::YesNo, _) => {
            sink.report(span, not_allowed);
            None
        }
        (Udm::Date, Entro | Le | Ge) => Some(c),
        (Udm::Date, Eq) => {
            sink.report(span, CheckError::EqualsOnDate);
            Some(Entro)
        }
        (Udm::Date, _) => {
            sink.report(span, not_allowed);
            None
        }
        (_, Entro) => {
            sink.report(span, not_allowed);
            None
        }
        _ => Some(c),
    }
}
