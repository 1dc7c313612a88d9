//! The objectives' own weights over the plan: all or none (prerequisites aside), summing to
//! 100%. A `prerequisito` objective carries no weight: it conditions the plan instead.

use super::Sink;
use super::error::CheckError;
use super::units;
use crate::span::Span;
use crate::syntax::ast::{Field, Obiettivo, Quantity, Udm};
use rust_decimal::Decimal;

/// One objective as the plan's weight check sees it.
/// Owned, so that an objective's syntax tree can be dropped once it is resolved.
pub(super) struct Entry {
    pub code: String,
    pub at: Span,
    pub peso: Option<Field<Quantity>>,
    pub prerequisito: bool,
    /// The start of the line after the objective's header, where a fix adds a line.
    pub insert_at: Option<usize>,
    /// The indentation of the objective's fields.
    pub indent: String,
}

impl Entry {
    pub fn of(o: &Obiettivo, text: &str) -> Self {
        let after_header = text
            .get(o.title.span.end..o.span.end)
            .and_then(|rest| {
                let brace = rest.find('{')?;
                let newline = rest[brace..].find('\n')?;
                Some(o.title.span.end + brace + newline + 1)
            })
            .filter(|at| *at < o.span.end);
        let indent = after_header
            .and_then(|at| {
                let rest = text.get(at..o.span.end)?;
                rest.lines()
                    .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('}'))
                    .map(|l| l[..l.len() - l.trim_start().len()].to_string())
            })
            .filter(|i| !i.is_empty())
            .unwrap_or_else(|| "  ".to_string());
        Entry {
            code: o.code.value.clone(),
            at: o.code.span,
            peso: o.peso.clone(),
            prerequisito: o.prerequisito.is_some(),
            insert_at: after_header,
            indent,
        }
    }
}

/// The objectives' weights as fractions, when the plan gives them (prerequisites: `None`).
/// Nothing is checked unless `all_known`: a duplicate objective, one that did not parse or
/// a broken `peso` line would make the sum wrong for that reason alone.
pub(super) fn plan(
    entries: &[Entry],
    all_known: bool,
    sink: &mut Sink,
) -> Option<Vec<Option<Decimal>>> {
    let counting = || entries.iter().filter(|e| !e.prerequisito);
    if !all_known || counting().all(|e| e.peso.is_none()) {
        return None;
    }
    let mut weights: Vec<Option<Option<Decimal>>> = Vec::with_capacity(entries.len());
    let mut sum = Some(Decimal::ZERO);
    let mut readable = true;
    for e in entries {
        if e.prerequisito {
            weights.push(Some(None));
            continue;
        }
        let Some(p) = &e.peso else {
            weights.push(None);
            continue;
        };
        let w = units::quantity_in(&p.value, Udm::Percent, sink);
        match w {
            Some(w) if w.is_zero() => sink.report(
                p.value.span,
                CheckError::ObjectiveZeroWeight { line: p.span },
            ),
            Some(w) if w < Decimal::ZERO || w > Decimal::ONE => {
                sink.report(p.value.span, CheckError::WeightOutOfRange { weight: w })
            }
            _ => {}
        }
        match w {
            Some(w) => sum = sum.and_then(|s| s.checked_add(w)),
            None => readable = false,
        }
        weights.push(Some(w));
    }
    let weighted: Vec<Span> = counting()
        .filter_map(|e| e.peso.as_ref().map(|p| p.span))
        .collect();
    let missing: Vec<&Entry> = counting().filter(|e| e.peso.is_none()).collect();
    let rest = sum
        .and_then(|s| Decimal::ONE.checked_sub(s))
        .filter(|r| *r > Decimal::ZERO && missing.len() == 1);
    for e in &missing {
        sink.report(
            e.at,
            CheckError::ObjectiveWithoutWeight {
                code: e.code.to_string(),
                weighted: weighted.clone(),
                insert_at: e.insert_at,
                indent: e.indent.clone(),
                rest,
            },
        );
    }
    if !missing.is_empty() || !readable {
        return None;
    }
    let sum = sum?;
    if sum != Decimal::ONE
        && let Some(at) = weighted.first()
    {
        sink.report(
            *at,
            CheckError::ObjectiveWeights {
                sum,
                missing: Vec::new(),
            },
        );
    }
    weights.into_iter().collect()
}

/// The whole line holding `span`, with its line end: what a fix deletes to remove a field.
pub(super) fn whole_line(text: &str, span: Span) -> Span {
    let start = text
        .get(..span.start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let end = text
        .get(span.end..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| span.end + i + 1);
    Span::new(start, end)
}
