//! Units: whether a literal fits its UdM, and the unit algebra of formulas.

use super::Sink;
use super::error::{CheckError, Dim, ValueKind};
use super::model::{Function, RExpr, RExprKind, TargetValue};
use crate::italian;
use crate::span::Span;
use crate::syntax::ast::{BinOp, LitUnit, Quantity, Udm, Value};
use rust_decimal::Decimal;

/// A literal's value in the unit `udm` (percentages as fractions), or a diagnostic saying why
/// it does not fit.
pub(super) fn value_in(value: &Value, udm: Udm, sink: &mut Sink) -> Option<TargetValue> {
    let wrong = |found| CheckError::WrongKind { udm, found };
    match (value, udm) {
        (Value::Date(d), Udm::Date) => Some(TargetValue::Date(d.value)),
        (Value::Bool(b), Udm::YesNo) => Some(TargetValue::Bool(b.value)),
        (Value::NotAvailable(_), _) => None,
        (Value::Date(d), _) => {
            sink.report(d.span, wrong(ValueKind::Date));
            None
        }
        (Value::Bool(b), _) => {
            sink.report(b.span, wrong(ValueKind::YesNo));
            None
        }
        (Value::Quantity(q), Udm::Date | Udm::YesNo) => {
            sink.report(q.span, wrong(ValueKind::Number));
            None
        }
        (Value::Quantity(q), udm) => quantity_in(q, udm, sink).map(TargetValue::Number),
    }
}

/// A number written for a quantity in `udm`: `%` is required on percentages (and turned into
/// a fraction), `€` on amounts; a bare number is read in the indicator's unit otherwise, and a
/// written unit must agree.
pub(super) fn quantity_in(q: &Quantity, udm: Udm, sink: &mut Sink) -> Option<Decimal> {
    let written = q.unit.as_ref().and_then(|u| u.known);
    let unit_span = q.unit.as_ref().map_or(q.span, |u| u.span);
    let expected = match udm {
        Udm::Percent => Some(LitUnit::Percent),
        Udm::Euro => Some(LitUnit::Euro),
        Udm::Days => Some(LitUnit::Days),
        Udm::Hours => Some(LitUnit::Hours),
        Udm::Years => Some(LitUnit::Years),
        Udm::Points => Some(LitUnit::Points),
        Udm::Count | Udm::Date | Udm::YesNo => None,
    };
    match (written, udm) {
        (Some(w), _) if Some(w) != expected => {
            sink.report(unit_span, CheckError::UnitMismatch { udm, written: w });
            None
        }
        (None, Udm::Percent) => {
            let number = italian::number(q.number);
            sink.report(q.span, CheckError::PercentWithoutSign { number });
            None
        }
        (None, Udm::Euro) => {
            let number = italian::number(q.number);
            sink.report(q.span, CheckError::AmountWithoutEuro { number });
            None
        }
        // A smaller magnitude always fits: `checked_div` only keeps this free of panics.
        (_, Udm::Percent) => q.number.checked_div(Decimal::ONE_HUNDRED),
        _ => Some(q.number),
    }
}

/// What the unit algebra needs to know about the names in a formula.
pub(super) trait Units {
    fn measure_udm(&self, id: usize) -> Option<Udm>;
    fn indicator_udm(&self, index: usize) -> Option<Udm>;
}

/// The unit of a formula, or `None` after reporting why it has none (or when a name it uses
/// has an unknown unit, already reported elsewhere). `text` is the plan's source, to quote
/// the formula in suggestions.
pub(super) fn unit_of(e: &RExpr, names: &dyn Units, text: &str, sink: &mut Sink) -> Option<Dim> {
    match &e.kind {
        RExprKind::Number(_) => Some(Dim::Scalar),
        RExprKind::Measure(id) => names.measure_udm(*id).map(Dim::of),
        RExprKind::Indicator(i) => names.indicator_udm(*i).map(Dim::of),
        RExprKind::Neg(x) => {
            let d = unit_of(x, names, text, sink)?;
            numeric(d, x.span, sink)
        }
        RExprKind::Binary { op, lhs, rhs } => {
            let l = unit_of(lhs, names, text, sink);
            let r = unit_of(rhs, names, text, sink);
            let (l, r) = (l?, r?);
            let op_span = between(lhs.span, rhs.span, text, op.symbol());
            match op {
                BinOp::Add | BinOp::Sub => sum(*op, l, r, lhs.span, rhs.span, op_span, sink),
                BinOp::Mul => {
                    hundred(e, lhs, rhs, l, r, text, sink);
                    product(l, r, op_span, (lhs.span, rhs.span), sink)
                }
                BinOp::Div => quotient(l, r, op_span, (lhs.span, rhs.span), sink),
            }
        }
        RExprKind::Call { function, args } => {
            let dims: Vec<Option<Dim>> =
                args.iter().map(|a| unit_of(a, names, text, sink)).collect();
            if args.len() != function.arity() {
                sink.report(
                    e.span,
                    CheckError::Arity {
                        function: function.name(),
                        expected: function.arity(),
                        found: args.len(),
                    },
                );
                return None;
            }
            let dims: Vec<Dim> = dims.into_iter().collect::<Option<_>>()?;
            match function {
                Function::Abs => numeric(dims[0], args[0].span, sink),
                Function::Min | Function::Max => {
                    let (l, r) = (dims[0], dims[1]);
                    match (l, r) {
                        (Dim::YesNo, _) | (_, Dim::YesNo) => {
                            sink.report(e.span, CheckError::NoArithmetic { dim: Dim::YesNo });
                            None
                        }
                        (Dim::Scalar, x) | (x, Dim::Scalar) if x != Dim::Date => Some(x),
                        (a, b) if a == b => Some(a),
                        _ => {
                            sink.report(
                                e.span,
                                CheckError::SumMismatch {
                                    op: function.name(),
                                    left: l,
                                    right: r,
                                    left_span: args[0].span,
                                    right_span: args[1].span,
                                },
                            );
                            None
                        }
                    }
                }
            }
        }
    }
}

fn numeric(d: Dim, span: Span, sink: &mut Sink) -> Option<Dim> {
    if matches!(d, Dim::Date | Dim::YesNo) {
        sink.report(span, CheckError::NoArithmetic { dim: d });
        None
    } else {
        Some(d)
    }
}

/// `+`, `-` (and `min`, `max`): the same unit on both sides; a constant takes the other side's
/// unit; `data - data` is days, `data ± gg` is a date.
fn sum(
    op: BinOp,
    l: Dim,
    r: Dim,
    left_span: Span,
    right_span: Span,
    op_span: Span,
    sink: &mut Sink,
) -> Option<Dim> {
    use Dim::*;
    match (l, r) {
        (YesNo, _) => numeric(l, left_span, sink),
        (_, YesNo) => numeric(r, right_span, sink),
        (Date, Date) if op == BinOp::Sub => Some(Days),
        (Date, Days) | (Days, Date) if op == BinOp::Add => Some(Date),
        (Date, Days) if op == BinOp::Sub => Some(Date),
        (Scalar, x) | (x, Scalar) if x != Date => Some(x),
        (a, b) if a == b && a != Date => Some(a),
        _ => {
            sink.report(
                op_span,
                CheckError::SumMismatch {
                    op: op.symbol(),
                    left: l,
                    right: r,
                    left_span,
                    right_span,
                },
            );
            None
        }
    }
}

/// `*`: a constant, a ratio or a count times a unit keeps the unit.
fn product(l: Dim, r: Dim, op_span: Span, sides: (Span, Span), sink: &mut Sink) -> Option<Dim> {
    use Dim::*;
    for d in [l, r] {
        if matches!(d, Date | YesNo) {
            sink.report(op_span, CheckError::NoArithmetic { dim: d });
            return None;
        }
    }
    match (l, r) {
        (Scalar, x) | (x, Scalar) => Some(x),
        (Ratio, x) | (x, Ratio) => Some(x),
        (Count, x) | (x, Count) => Some(x),
        _ => {
            sink.report(
                op_span,
                CheckError::BadProduct {
                    left: l,
                    right: r,
                    left_span: sides.0,
                    right_span: sides.1,
                },
            );
            None
        }
    }
}

/// `/`: equal units give a ratio; dividing by a count gives an average in the other unit;
/// dividing by a constant or a ratio keeps the unit.
fn quotient(l: Dim, r: Dim, op_span: Span, sides: (Span, Span), sink: &mut Sink) -> Option<Dim> {
    use Dim::*;
    for d in [l, r] {
        if matches!(d, Date | YesNo) {
            sink.report(op_span, CheckError::NoArithmetic { dim: d });
            return None;
        }
    }
    match (l, r) {
        (x, Scalar) => Some(x),
        (a, b) if a == b => Some(if a == Scalar { Scalar } else { Ratio }),
        (x, Count) | (x, Ratio) => Some(x),
        _ => {
            sink.report(
                op_span,
                CheckError::BadQuotient {
                    left: l,
                    right: r,
                    left_span: sides.0,
                    right_span: sides.1,
                },
            );
            None
        }
    }
}

/// `ratio * 100`, as many published algorithms write it: a warning, since ratios already are
/// percentages here. The help quotes the formula without `* 100`.
fn hundred(e: &RExpr, lhs: &RExpr, rhs: &RExpr, l: Dim, r: Dim, text: &str, sink: &mut Sink) {
    let is_hundred =
        |x: &RExpr| matches!(x.kind, RExprKind::Number(n) if n == Decimal::ONE_HUNDRED);
    let kept = if is_hundred(rhs) && l == Dim::Ratio {
        lhs
    } else if is_hundred(lhs) && r == Dim::Ratio {
        rhs
    } else {
        return;
    };
    let without = text.get(kept.span.range()).unwrap_or("").to_string();
    sink.report(e.span, CheckError::RatioTimesHundred { without });
}

/// The span of the operator between two operands, for underlining it.
fn between(lhs: Span, rhs: Span, text: &str, symbol: &str) -> Span {
    let gap = text.get(lhs.end..rhs.start).unwrap_or("");
    match gap.find(symbol) {
        Some(i) => Span::new(lhs.end + i, lhs.end + i + symbol.len()),
        None => lhs.to(rhs),
    }
}
