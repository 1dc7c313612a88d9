//! Formulas in exact decimal arithmetic. An indicator's formula may use measures and other
//! indicators of its objective; those are computed first, once each. A division by zero, an
//! overflow or a result outside the numeric range (`crate::range`) makes that indicator "non
//! calcolabile" with a diagnostic; n.d. in, n.d. out.

use super::error::{EvalError, Uncomputable};
use super::measurements::Measurements;
use super::needs::Target;
use super::value::Val;
use crate::check::model::{Function, Indicator, Model, RExpr, RExprKind};
use crate::diagnostics::Diagnostic;
use crate::source::Quote;
use crate::span::Span;
use crate::syntax::ast::{BinOp, Udm};
use chrono::{NaiveDate, TimeDelta};
use rust_decimal::Decimal;

/// An indicator's value, measured or computed.
#[derive(Clone, Debug, PartialEq)]
pub enum Computed {
    Value(Val),
    NotComputable,
}

/// Why an expression has no value.
enum Stop {
    NotAvailable,
    /// Reported already.
    Failed,
}

/// Computes every indicator of objective `o`: measured ones from the file, the others with
/// their formula. Diagnostics (on the plan) go to `diagnostics`.
///
/// Indicators are computed in dependency order, each once, without recursion: a chain of
/// formulas referring to one another may be as long as the objective (thousands of
/// indicators), far deeper than the stack would allow.
pub fn objective_values(
    model: &Model,
    o: usize,
    measurements: &Measurements,
    plan_text: &dyn Quote,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Computed> {
    let indicators = model
        .objectives
        .get(o)
        .map_or(&[][..], |obj| &obj.indicators[..]);
    let mut e = Evaluator {
        measurements,
        plan_text,
        diagnostics,
        done: vec![None; indicators.len()],
        current: String::new(),
    };
    for i in dependency_order(indicators) {
        let result = e.indicator(o, &indicators[i], i);
        e.done[i] = Some(result);
    }
    // Indicators left out of the order are on a cycle, which the checker refuses.
    e.done
        .into_iter()
        .map(|d| d.unwrap_or(Computed::NotComputable))
        .collect()
}

/// The indicators that `e` refers to.
fn references(e: &RExpr, out: &mut Vec<usize>) {
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        match &e.kind {
            RExprKind::Indicator(i) => out.push(*i),
            RExprKind::Number(_) | RExprKind::Measure(_) => {}
            RExprKind::Neg(x) => stack.push(x),
            RExprKind::Binary { lhs, rhs, .. } => {
                stack.push(rhs);
                stack.push(lhs);
            }
            RExprKind::Call { args, .. } => stack.extend(args.iter().rev()),
        }
    }
}

/// Every indicator after the ones its formula uses (a depth-first post-order with an explicit
/// stack). An indicator on a cycle, and any that depends on one, is left out.
pub fn dependency_order(indicators: &[Indicator]) -> Vec<usize> {
    let n = indicators.len();
    let deps: Vec<Vec<usize>> = indicators
        .iter()
        .map(|ind| {
            let mut out = Vec::new();
            if let Some(f) = &ind.formula {
                references(&f.expr, &mut out);
            }
            out.retain(|&j| j < n);
            out
        })
        .collect();
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done,
        /// On a cycle, or after one: not computable.
        Blocked,
    }
    let mut state = vec![State::New; n];
    let mut order = Vec::with_capacity(n);
    for root in 0..n {
        if state[root] != State::New {
            continue;
        }
        // (indicator, how many of its dependencies have been looked at)
        let mut stack = vec![(root, 0usize)];
        state[root] = State::Open;
        while let Some(&mut (i, ref mut next)) = stack.last_mut() {
            if let Some(&j) = deps[i].get(*next) {
                *next += 1;
                match state[j] {
                    State::New => {
                        state[j] = State::Open;
                        stack.push((j, 0));
                    }
                    State::Open | State::Blocked => state[i] = State::Blocked,
                    State::Done => {}
                }
                continue;
            }
            stack.pop();
            if state[i] == State::Blocked {
                if let Some(&(parent, _)) = stack.last() {
                    state[parent] = State::Blocked;
                }
            } else {
                state[i] = State::Done;
                order.push(i);
            }
        }
    }
    order
}

struct Evaluator<'a> {
    measurements: &'a Measurements,
    /// The plan, quoted in messages (a division's divisor).
    plan_text: &'a dyn Quote,
    diagnostics: &'a mut Vec<Diagnostic>,
    /// The indicators computed so far (every one a formula may use, in dependency order).
    done: Vec<Option<Computed>>,
    /// The code of the indicator being computed, for messages.
    current: String,
}

impl Evaluator<'_> {
    fn indicator(&mut self, o: usize, indicator: &Indicator, i: usize) -> Computed {
        let Some(formula) = &indicator.formula else {
            return Computed::Value(
                self.measurements
                    .get(Target::Indicator(o, i))
                    .map_or(Val::NotAvailable, |e| e.value.clone()),
            );
        };
        self.current = indicator.code.clone();
        match self.expr(&formula.expr) {
            Ok(Val::Number(n)) if !shown_within_range(n, indicator.udm) => {
                let reason = Uncomputable::OutOfRange {
                    value: n,
                    percent: indicator.udm == Udm::Percent,
                };
                self.fail(formula.span, reason);
                Computed::NotComputable
            }
            Ok(v) => match fit(v, indicator.udm) {
                Some(v) => Computed::Value(v),
                None => {
                    self.fail(formula.span, Uncomputable::Mismatch);
                    Computed::NotComputable
                }
            },
            Err(Stop::NotAvailable) => Computed::Value(Val::NotAvailable),
            Err(Stop::Failed) => Computed::NotComputable,
        }
    }

    fn fail(&mut self, span: Span, reason: Uncomputable) {
        self.diagnostics.push(Diagnostic::new(
            span,
            EvalError::NotComputable {
                indicator: self.current.clone(),
                reason,
            },
        ));
    }

    fn failed(&mut self, span: Span, reason: Uncomputable) -> Stop {
        self.fail(span, reason);
        Stop::Failed
    }

    fn expr(&mut self, e: &RExpr) -> Result<Val, Stop> {
        match &e.kind {
            RExprKind::Number(n) => Ok(Val::Number(*n)),
            RExprKind::Measure(id) => match self.measurements.get(Target::Measure(*id)) {
                Some(entry) if entry.value != Val::NotAvailable => Ok(entry.value.clone()),
                _ => Err(Stop::NotAvailable),
            },
            // Computed before this one (see `dependency_order`).
            RExprKind::Indicator(i) => match self.done.get(*i).cloned().flatten() {
                Some(Computed::Value(Val::NotAvailable)) => Err(Stop::NotAvailable),
                Some(Computed::Value(v)) => Ok(v),
                Some(Computed::NotComputable) | None => Err(Stop::Failed),
            },
            RExprKind::Neg(inner) => match self.expr(inner)? {
                Val::Number(n) => Ok(Val::Number(-n)),
                other => self.mismatch(e.span, other),
            },
            RExprKind::Binary { op, lhs, rhs } => {
                let (l, r) = match (self.expr(lhs), self.expr(rhs)) {
                    (Ok(l), Ok(r)) => (l, r),
                    (Err(Stop::Failed), _) | (_, Err(Stop::Failed)) => return Err(Stop::Failed),
                    _ => return Err(Stop::NotAvailable),
                };
                self.binary(*op, l, r, e.span, rhs)
            }
            RExprKind::Call { function, args } => {
                let mut values = Vec::with_capacity(args.len());
                let mut stop = None;
                for a in args {
                    match self.expr(a) {
                        Ok(v) => values.push(v),
                        Err(s) => {
                            // A failure wins over n.d.: it has been reported.
                            if !matches!(stop, Some(Stop::Failed)) {
                                stop = Some(s);
                            }
                        }
                    }
                }
                if let Some(s) = stop {
                    return Err(s);
                }
                self.call(*function, values, e.span)
            }
        }
    }

    fn mismatch(&mut self, span: Span, _found: Val) -> Result<Val, Stop> {
        match _found {
            // `no` for a date not done: the formula has no value yet.
            Val::NotDone => Err(Stop::NotAvailable),
            _ => Err(self.failed(span, Uncomputable::Mismatch)),
        }
    }

    fn binary(&mut self, op: BinOp, l: Val, r: Val, span: Span, rhs: &RExpr) -> Result<Val, Stop> {
        use Val::{Date, Number as Num};
        let overflow = |s: &mut Self| Err(s.failed(span, Uncomputable::Overflow));
        match (op, l, r) {
            (BinOp::Add, Num(a), Num(b)) => {
                a.checked_add(b).map(Num).map_or_else(|| overflow(self), Ok)
            }
            (BinOp::Sub, Num(a), Num(b)) => {
                a.checked_sub(b).map(Num).map_or_else(|| overflow(self), Ok)
            }
            (BinOp::Mul, Num(a), Num(b)) => {
                a.checked_mul(b).map(Num).map_or_else(|| overflow(self), Ok)
            }
            (BinOp::Div, Num(a), Num(b)) => {
                if b.is_zero() {
                    let divisor = self
                        .plan_text
                        .quote(rhs.span)
                        .unwrap_or("")
                        .trim()
                        .to_string();
                    self.diagnostics.push(Diagnostic::new(
                        rhs.span,
                        EvalError::DivisionByZero {
                            indicator: self.current.clone(),
                            divisor,
                        },
                    ));
                    return Err(Stop::Failed);
                }
                a.checked_div(b).map(Num).map_or_else(|| overflow(self), Ok)
            }
            (BinOp::Sub, Date(a), Date(b)) => Ok(Num(Decimal::from((a - b).num_days()))),
            (BinOp::Add, Date(d), Num(n)) | (BinOp::Add, Num(n), Date(d)) => shift(d, n, false)
                .map(Date)
                .map_or_else(|| overflow(self), Ok),
            (BinOp::Sub, Date(d), Num(n)) => shift(d, n, true)
                .map(Date)
                .map_or_else(|| overflow(self), Ok),
            (_, Val::NotDone, _) | (_, _, Val::NotDone) => Err(Stop::NotAvailable),
            _ => Err(self.failed(span, Uncomputable::Mismatch)),
        }
    }

    fn call(&mut self, function: Function, values: Vec<Val>, span: Span) -> Result<Val, Stop> {
        match (function, values.as_slice()) {
            (Function::Abs, [Val::Number(n)]) => Ok(Val::Number(n.abs())),
            (Function::Min, [Val::Number(a), Val::Number(b)]) => Ok(Val::Number(*a.min(b))),
            (Function::Max, [Val::Number(a), Val::Number(b)]) => Ok(Val::Number(*a.max(b))),
            (Function::Min, [Val::Date(a), Val::Date(b)]) => Ok(Val::Date(*a.min(b))),
            (Function::Max, [Val::Date(a), Val::Date(b)]) => Ok(Val::Date(*a.max(b))),
            (_, vs) if vs.contains(&Val::NotDone) => Err(Stop::NotAvailable),
            _ => Err(self.failed(span, Uncomputable::Mismatch)),
        }
    }
}

/// Whether a computed value, as it is shown (a percentage for `%`), is within the numeric
/// range that written values keep to.
fn shown_within_range(n: Decimal, udm: Udm) -> bool {
    let shown = match udm {
        Udm::Percent => n.checked_mul(Decimal::ONE_HUNDRED),
        _ => Some(n),
    };
    shown.is_some_and(crate::range::within)
}

/// A date moved by a whole number of days.
fn shift(d: NaiveDate, days: Decimal, back: bool) -> Option<NaiveDate> {
    if !days.fract().is_zero() {
        return None;
    }
    let n = i64::try_from(days).ok()?;
    let delta = TimeDelta::try_days(if back { n.checked_neg()? } else { n })?;
    d.checked_add_signed(delta)
}

/// A formula's result as a value of the indicator's unit.
fn fit(v: Val, udm: Udm) -> Option<Val> {
    match (v, udm) {
        (Val::Date(d), Udm::Date) => Some(Val::Date(d)),
        (Val::NotDone, Udm::Date) => Some(Val::NotDone),
        (Val::Bool(b), Udm::YesNo) => Some(Val::Bool(b)),
        (Val::Number(n), u) if !matches!(u, Udm::Date | Udm::YesNo) => Some(Val::Number(n)),
        _ => None,
    }
}
