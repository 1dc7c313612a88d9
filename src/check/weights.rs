//! Weights: exactly 100% per objective, computed in decimal; `pesi uguali` for exact equal
//! shares. The objectives' own weights over the plan are in `plan_weights.rs`.

use super::Sink;
use super::error::CheckError;
use super::model::Weight;
use super::units;
use crate::diagnostics::Edit;
use crate::span::Span;
use crate::syntax::ast::{Field, Quantity, Udm};
use rust_decimal::Decimal;

/// One indicator as the weight check sees it.
pub(super) struct Entry<'a> {
    pub name: &'a str,
    pub at: Span,
    pub peso: Option<&'a Field<Quantity>>,
    /// Whether the `peso` line is the indicator's own (not inherited from a template).
    pub own_peso: bool,
    /// Broken lines were reported in it: a missing weight may be one of them.
    pub has_errors: bool,
}

/// Where an objective's `pesi uguali` would be written: `text` is the plan, `children` the
/// offset of its first `misura` or `indicatore`.
pub(super) struct Place<'t> {
    pub text: &'t str,
    pub children: Option<usize>,
}

/// The indicators' weights of one objective. `check_sum` is false when some lines of the
/// objective were broken (the sum would be wrong for that reason).
pub(super) fn objective(
    entries: &[Entry],
    pesi_uguali: Option<Span>,
    check_sum: bool,
    place: Place,
    sink: &mut Sink,
) -> Vec<Weight> {
    let n = entries.len().max(1);
    if let Some(at) = pesi_uguali {
        for e in entries {
            if let (Some(p), true) = (e.peso, e.own_peso) {
                sink.report(p.span, CheckError::EqualWeightsWithPeso { pesi_uguali: at });
            }
        }
        let share = Decimal::ONE / Decimal::from(n);
        return entries
            .iter()
            .map(|_| Weight {
                relative: Decimal::ONE,
                share,
            })
            .collect();
    }

    let mut weights: Vec<Option<Decimal>> = Vec::new();
    let mut listed: Vec<(Span, Decimal)> = Vec::new();
    let mut complete = check_sum;
    for e in entries {
        let w = match e.peso {
            Some(p) => {
                let w = units::quantity_in(&p.value, Udm::Percent, sink);
                if let Some(w) = w {
                    listed.push((p.span, w));
                    if w <= Decimal::ZERO || w > Decimal::ONE {
                        sink.report(p.value.span, CheckError::WeightOutOfRange { weight: w });
                    }
                }
                w
            }
            None => {
                if !e.has_errors {
                    sink.report(
                        e.at,
                        CheckError::MissingWeight {
                            indicator: e.name.to_string(),
                        },
                    );
                }
                None
            }
        };
        complete &= w.is_some();
        weights.push(w);
    }

    let sum = saturating_sum(weights.iter().flatten());
    if complete && !entries.is_empty() && sum != Decimal::ONE {
        let rounded_equal_split = looks_like_rounded_split(entries, &listed);
        let equal_split = if rounded_equal_split {
            equal_split(entries, &place)
        } else {
            Vec::new()
        };
        if let Some((first, _)) = listed.first() {
            sink.report(
                *first,
                CheckError::WeightSum {
                    sum,
                    weights: listed.clone(),
                    rounded_equal_split,
                    equal_split,
                },
            );
        }
    }
    let total = if sum > Decimal::ZERO {
        sum
    } else {
        Decimal::ONE
    };
    weights
        .into_iter()
        .map(|w| {
            let relative = w.unwrap_or(Decimal::ZERO);
            Weight {
                relative,
                // Within the numeric range the quotient fits (below 10^27); a zero share is
                // only for weights the check has already refused.
                share: relative.checked_div(total).unwrap_or(Decimal::ZERO),
            }
        })
        .collect()
}

/// The edits that replace rounded equal weights by `pesi uguali`: each `peso` line deleted,
/// and `pesi uguali` written after the objective's last line before its measures and
/// indicators. None when a weight comes from a template (other objectives use it too).
fn equal_split(entries: &[Entry], place: &Place) -> Vec<Edit> {
    let text = place.text;
    let (Some(children), true) = (place.children, entries.iter().all(|e| e.own_peso)) else {
        return Vec::new();
    };
    let line_start = |at: usize| {
        text.get(..at)
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |i| i + 1)
    };
    let first_child_line = line_start(children);
    let indent: String = text[first_child_line..children]
        .chars()
        .take_while(|c| matches!(c, ' ' | '\t'))
        .collect();
    // Back over the blank lines and comments above the first child, to the last field line
    // (or the `{` line).
    let mut end = first_child_line;
    while end > 0 {
        let start = line_start(end - 1);
        let line = text[start..end].trim();
        if !(line.is_empty() || line.starts_with('#')) {
            break;
        }
        end = start;
    }
    let Some(line_end) = end.checked_sub(1) else {
        return Vec::new();
    };
    let (at, newline) = if text[..line_end].ends_with('\r') {
        (line_end - 1, "\r\n")
    } else {
        (line_end, "\n")
    };
    let mut edits: Vec<Edit> = entries
        .iter()
        .filter_map(|e| e.peso.map(|p| Edit::delete_in_line(text, p.span)))
        .collect();
    edits.push(Edit::insert(at, format!("{newline}{indent}pesi uguali")));
    edits.sort_by_key(|e| e.span.start);
    edits
}

/// All weights equal, and equal to 100% / n rounded to the decimals written (33,3% for 1/3,
/// 16,7% for 1/6).
fn looks_like_rounded_split(entries: &[Entry], weights: &[(Span, Decimal)]) -> bool {
    let Some((_, first)) = weights.first() else {
        return false;
    };
    if weights.len() != entries.len() || weights.iter().any(|(_, w)| w != first) {
        return false;
    }
    let Some(exact) = Decimal::ONE.checked_div(Decimal::from(weights.len())) else {
        return false;
    };
    // Half a unit of the last written decimal of the percentage: 5 · 10^-(scale + 3) of one
    // (the percentage is a fraction, two places more). The lexer allows 10 decimals, so the
    // scale stays far below `Decimal`'s 28; the checked forms keep that an invariant.
    let scale = entries
        .iter()
        .find_map(|e| e.peso.map(|p| p.value.number.scale()))
        .unwrap_or(0);
    let Ok(half_unit) = Decimal::try_new(5, scale.saturating_add(3)) else {
        return false;
    };
    first
        .checked_sub(exact)
        .is_some_and(|gap| gap.abs() <= half_unit)
}

/// A sum that cannot panic. Within the numeric range it never saturates (see `crate::range`);
/// if it did, the sum would still be far from 100% and reported as such.
fn saturating_sum<'a>(values: impl Iterator<Item = &'a Decimal>) -> Decimal {
    values.fold(Decimal::ZERO, |sum, w| sum.saturating_add(*w))
}
