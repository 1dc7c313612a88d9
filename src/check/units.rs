//! Units: whether a literal fits its UdM, and the unit algebra of formulas.

use super::Sink;
use super::error::{CheckError, Dim, ValueKind};
use super::model::{Correction, Function, RExpr, RExprKind, TargetValue};
use super::scale::{self, Scale};
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
/// has an unknown unit, already reported elsewhere). `formula` is the formula's whole span in
/// `text` (the plan's source), to quote it in suggestions.
///
/// A ratio scaled by 100 (`a / b * 100`, `100 * a / b`, `a / (b / 100)`, a percentage measure
/// divided by 100) is reported, and `e` is corrected to compute the ratio meant: the resolved
/// plan holds what the writer meant, and the diagnostic says so.
pub(super) fn unit_of(
    e: &mut RExpr,
    names: &dyn Units,
    text: &str,
    formula: Span,
    sink: &mut Sink,
) -> (Option<Dim>, Option<Correction>) {
    let mut ctx = Context {
        names,
        text,
        formula,
        sink,
        corrections: Vec::new(),
    };
    let root = ctx.info(e);
    if let Some((_, scale)) = root {
        ctx.hundreds(e, scale);
    }
    let corrections = std::mem::take(&mut ctx.corrections);
    scale::correct(e, &corrections);
    let corrected = corrections.first().map(|(_, hundreds)| {
        if *hundreds > 0 {
            Correction::TimesHundred
        } else {
            Correction::OverHundred
        }
    });
    (root.map(|(dim, _)| dim), corrected)
}

struct Context<'a> {
    names: &'a dyn Units,
    text: &'a str,
    formula: Span,
    sink: &'a mut Sink,
    /// Sub-expressions (by span) scaled by 100 to the power given, to divide back.
    corrections: Vec<(Span, i32)>,
}

impl Context<'_> {
    fn info(&mut self, e: &RExpr) -> Option<(Dim, Scale)> {
        match &e.kind {
            RExprKind::Number(n) => Some((Dim::Scalar, Scale::of_number(*n))),
            RExprKind::Measure(id) => {
                let d = Dim::of(self.names.measure_udm(*id)?);
                Some((d, Scale::of_name(d)))
            }
            RExprKind::Indicator(i) => {
                let d = Dim::of(self.names.indicator_udm(*i)?);
                Some((d, Scale::of_name(d)))
            }
            RExprKind::Neg(x) => {
                let (d, s) = self.info(x)?;
                numeric(d, x.span, self.sink).map(|d| (d, s))
            }
            RExprKind::Binary { op, lhs, rhs } => {
                let l = self.info(lhs);
                let r = self.info(rhs);
                let ((l, ls), (r, rs)) = (l?, r?);
                let op_span = between(lhs.span, rhs.span, self.text, op.symbol());
                let sink = &mut *self.sink;
                match op {
                    BinOp::Add | BinOp::Sub => {
                        let d = sum(*op, l, r, lhs.span, rhs.span, op_span, sink)?;
                        Some((d, self.sum_scale((lhs, l, ls), (rhs, r, rs))))
                    }
                    BinOp::Mul => {
                        let d = product(l, r, op_span, (lhs.span, rhs.span), sink)?;
                        Some((d, ls.times(rs)))
                    }
                    BinOp::Div => {
                        let d = quotient(l, r, op_span, (lhs.span, rhs.span), sink)?;
                        Some((d, ls.over(rs, d == Dim::Ratio && l != Dim::Scalar)))
                    }
                }
            }
            RExprKind::Call { function, args } => {
                let infos: Vec<Option<(Dim, Scale)>> = args.iter().map(|a| self.info(a)).collect();
                let sink = &mut *self.sink;
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
                let infos: Vec<(Dim, Scale)> = infos.into_iter().collect::<Option<_>>()?;
                match function {
                    Function::Abs => {
                        numeric(infos[0].0, args[0].span, sink).map(|d| (d, infos[0].1))
                    }
                    Function::Min | Function::Max => {
                        let ((l, ls), (r, rs)) = (infos[0], infos[1]);
                        let d = match (l, r) {
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
                        }?;
                        Some((d, self.sum_scale((&args[0], l, ls), (&args[1], r, rs))))
                    }
                }
            }
        }
    }

    /// The scale of a sum: a constant is in the scale of the other side (`a / b * 100 - 5`
    /// is in points, as a whole); two sides in different scales are each reported, and
    /// corrected, where they are scaled.
    fn sum_scale(&mut self, l: (&RExpr, Dim, Scale), r: (&RExpr, Dim, Scale)) -> Scale {
        let ((le, ld, ls), (re, rd, rs)) = (l, r);
        match (ld, rd) {
            (Dim::Scalar, _) => rs.with_ratio(ls.ratio),
            (_, Dim::Scalar) => ls.with_ratio(rs.ratio),
            _ if ls.hundreds == rs.hundreds => ls.with_ratio(rs.ratio),
            _ => {
                self.hundreds(le, ls);
                self.hundreds(re, rs);
                Scale {
                    hundreds: 0,
                    ratio: ls.ratio || rs.ratio,
                }
            }
        }
    }

    /// Reports `e` if it is a ratio scaled by 100, and marks it for correction.
    fn hundreds(&mut self, e: &RExpr, scale: Scale) {
        if scale.hundreds == 0 || !scale.ratio {
            return;
        }
        let removal = scale::removal(e, scale.hundreds, self.text, self.formula);
        let at = removal.first_factor.unwrap_or(e.span);
        let (formula, without) = (self.formula, removal.without);
        let error = if scale.hundreds > 0 {
            CheckError::RatioTimesHundred { formula, without }
        } else {
            CheckError::RatioOverHundred { formula, without }
        };
        self.sink.report(at, error);
        self.corrections.push((e.span, scale.hundreds));
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

/// The span of the operator between two operands, for underlining it.
fn between(lhs: Span, rhs: Span, text: &str, symbol: &str) -> Span {
    let gap = text.get(lhs.end..rhs.start).unwrap_or("");
    match gap.find(symbol) {
        Some(i) => Span::new(lhs.end + i, lhs.end + i + symbol.len()),
        None => lhs.to(rhs),
    }
}
