//! The codes a plan needs from its measurement files, in plan order: each objective's
//! measured indicators, and the measures its formulas use where first used (a global measure
//! at its first use). `piano template` prints them; the loader warns about the ones missing.

use crate::check::model::{MeasureId, Model, RExpr, RExprKind};
use crate::syntax::ast::Udm;

/// What a code of a measurement file stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Measure(MeasureId),
    /// A measured indicator: objective and indicator index.
    Indicator(usize, usize),
}

/// Borrowed from the plan: a large plan's needs are listed without copying its texts.
#[derive(Clone, Debug, PartialEq)]
pub struct Need<'m> {
    pub code: &'m str,
    pub target: Target,
    pub udm: Udm,
    pub description: &'m str,
    /// The objective that needs it (first, for a global measure).
    pub objective: usize,
}

pub fn needed(model: &Model) -> Vec<Need<'_>> {
    let mut out = Vec::new();
    each_needed(model, |need| out.push(need));
    out
}

/// [`needed`], one need at a time, without a list of them all (a large plan has a need per
/// indicator).
pub fn each_needed<'m>(model: &'m Model, mut f: impl FnMut(Need<'m>)) {
    let mut listed = vec![false; model.measures.len()];
    for (o, objective) in model.objectives.iter().enumerate() {
        for (i, indicator) in objective.indicators.iter().enumerate() {
            match &indicator.formula {
                None => f(Need {
                    code: &indicator.code,
                    target: Target::Indicator(o, i),
                    udm: indicator.udm,
                    description: &indicator.title,
                    objective: o,
                }),
                Some(formula) => {
                    let mut ids = Vec::new();
                    measures_of(&formula.expr, &mut ids);
                    for id in ids {
                        let Some(measure) = model.measures.get(id) else {
                            continue;
                        };
                        if std::mem::replace(&mut listed[id], true) {
                            continue;
                        }
                        f(Need {
                            code: &measure.code,
                            target: Target::Measure(id),
                            udm: measure.udm,
                            description: &measure.description,
                            objective: o,
                        });
                    }
                }
            }
        }
    }
}

/// The measures an expression uses, in order of appearance.
pub fn measures_of(expr: &RExpr, out: &mut Vec<MeasureId>) {
    match &expr.kind {
        RExprKind::Measure(id) => {
            if !out.contains(id) {
                out.push(*id);
            }
        }
        RExprKind::Number(_) | RExprKind::Indicator(_) => {}
        RExprKind::Neg(e) => measures_of(e, out),
        RExprKind::Binary { lhs, rhs, .. } => {
            measures_of(lhs, out);
            measures_of(rhs, out);
        }
        RExprKind::Call { args, .. } => {
            for a in args {
                measures_of(a, out);
            }
        }
    }
}

/// Every code a measurement file may give: measured indicators and all measures (an unused
/// measure is the checker's warning, not a reason to refuse its value).
pub fn known(model: &Model) -> Vec<(String, Target)> {
    let mut out: Vec<(String, Target)> = model
        .measures
        .iter()
        .enumerate()
        .map(|(id, m)| (m.code.clone(), Target::Measure(id)))
        .collect();
    for (o, objective) in model.objectives.iter().enumerate() {
        for (i, indicator) in objective.indicators.iter().enumerate() {
            out.push((indicator.code.clone(), Target::Indicator(o, i)));
        }
    }
    out
}
