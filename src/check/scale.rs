//! Ratios scaled by 100. Published algorithms write percentages in points (`a / b * 100`);
//! here a ratio already is a percentage (80% is 0,8), so such a formula would be a hundred
//! times too large. The unit algebra tracks, beside each sub-expression's unit, the power of
//! 100 it is scaled by and whether a ratio takes part in it, whatever the order or grouping
//! (`100 * a / b`, `(a * 100) / b`, `a / (b / 100)`): this module holds that factor, builds
//! the formula without the hundreds for the fix, and corrects the resolved formula so that
//! `piano eval` computes the ratio meant.

use super::error::Dim;
use super::model::{RExpr, RExprKind};
use crate::span::Span;
use crate::syntax::ast::BinOp;
use crate::syntax::parser::{PianoParser, Rule};
use pest::Parser as _;
use rust_decimal::Decimal;

/// How a sub-expression is scaled: by 100 to the power `hundreds`, and whether a ratio (a
/// quotient of equal units, or a `%` measure or indicator) takes part in it. A count times
/// 100 is no mistake; a ratio times 100 is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Scale {
    pub hundreds: i32,
    pub ratio: bool,
}

impl Scale {
    pub fn of_number(n: Decimal) -> Scale {
        Scale {
            hundreds: i32::from(n == Decimal::ONE_HUNDRED),
            ratio: false,
        }
    }

    pub fn of_name(d: Dim) -> Scale {
        Scale {
            hundreds: 0,
            ratio: d == Dim::Ratio,
        }
    }

    pub fn times(self, other: Scale) -> Scale {
        Scale {
            hundreds: self.hundreds.saturating_add(other.hundreds),
            ratio: self.ratio || other.ratio,
        }
    }

    /// `self / other`; `makes_ratio`: the quotient is one (equal units).
    pub fn over(self, other: Scale, makes_ratio: bool) -> Scale {
        Scale {
            hundreds: self.hundreds.saturating_sub(other.hundreds),
            ratio: self.ratio || other.ratio || makes_ratio,
        }
    }

    pub fn with_ratio(self, ratio: bool) -> Scale {
        Scale {
            ratio: self.ratio || ratio,
            ..self
        }
    }
}

/// What taking the hundreds out of a sub-expression takes.
pub(super) struct Removal {
    /// The first literal `100` that scales it, to point at.
    pub first_factor: Option<Span>,
    /// The whole formula without those hundreds, when removing the literal `100`s that
    /// multiply or divide it is all it takes (not when the hundred is inside a sum).
    pub without: Option<String>,
}

/// A literal `100` multiplying or dividing the expression, with the sign of its power.
struct Factor {
    /// The `*` or `/` node's operands.
    lhs: Span,
    rhs: Span,
    op: BinOp,
    /// Whether the `100` is the right operand.
    on_right: bool,
    power: i32,
}

/// The formula (`formula` in `text`) without the hundreds that scale `e` by `hundreds`.
pub(super) fn removal(e: &RExpr, hundreds: i32, text: &str, formula: Span) -> Removal {
    let mut factors = Vec::new();
    collect(e, 1, &mut factors);
    let first_factor = factors
        .iter()
        .map(|f| if f.on_right { f.rhs } else { f.lhs })
        .min_by_key(|s| s.start);
    let total: i32 = factors.iter().map(|f| f.power).sum();
    let without = (total == hundreds && !factors.is_empty())
        .then(|| without(&factors, text, formula))
        .flatten();
    Removal {
        first_factor,
        without,
    }
}

fn is_hundred(e: &RExpr) -> bool {
    matches!(e.kind, RExprKind::Number(n) if n == Decimal::ONE_HUNDRED)
}

/// The hundreds reachable through `*`, `/` and unary minus: those whose removal divides the
/// whole by 100. Depth is bounded by the parser's caps on formulas.
fn collect(e: &RExpr, sign: i32, out: &mut Vec<Factor>) {
    match &e.kind {
        RExprKind::Neg(x) => collect(x, sign, out),
        RExprKind::Binary { op, lhs, rhs } if matches!(op, BinOp::Mul | BinOp::Div) => {
            let rhs_sign = if *op == BinOp::Div { -sign } else { sign };
            for (side, on_right, side_sign) in [(lhs, false, sign), (rhs, true, rhs_sign)] {
                if is_hundred(side) {
                    out.push(Factor {
                        lhs: lhs.span,
                        rhs: rhs.span,
                        op: *op,
                        on_right,
                        power: side_sign,
                    });
                } else {
                    collect(side, side_sign, out);
                }
            }
        }
        _ => {}
    }
}

/// The formula's text with every factor taken out; `None` if the result would not read as a
/// formula (an unusual layout of parentheses).
fn without(factors: &[Factor], text: &str, formula: Span) -> Option<String> {
    let mut edits: Vec<(Span, &str)> = Vec::new();
    for f in factors {
        let gap = text.get(f.lhs.end..f.rhs.start)?;
        let op_at = f.lhs.end + gap.find(f.op.symbol())?;
        let after_op = text.get(op_at + 1..f.rhs.start)?;
        if f.on_right {
            // `x * 100`, `x / 100`, `x * (100)`: from the operator to the hundred's end.
            let start = f.lhs.end + text.get(f.lhs.end..op_at)?.trim_end().len();
            let end = skip_closing(text, f.rhs.end, after_op.matches('(').count())?;
            edits.push((Span::new(start, end), ""));
            // `(a * 100) / b`: `(a)` left alone in its parentheses loses them too.
            if let Some((open, close)) = lone_parens(text, f.lhs, end) {
                edits.push((Span::new(open, open + 1), ""));
                edits.push((Span::new(close, close + 1), ""));
            }
        } else if f.op == BinOp::Mul {
            // `100 * x`, `(100) * x`: from the hundred to the operand after the operator.
            let before_op = text.get(f.lhs.end..op_at)?;
            let start = skip_opening(text, f.lhs.start, before_op.matches(')').count())?;
            let end = op_at + 1 + (after_op.len() - after_op.trim_start().len());
            edits.push((Span::new(start, end), ""));
        } else {
            // `100 / x`: `1 / x`.
            edits.push((f.lhs, "1"));
        }
    }
    edits.sort_by_key(|(s, _)| s.start);
    let mut out = String::new();
    let mut at = formula.start;
    for (span, with) in &edits {
        if span.start < at || span.end > formula.end {
            return None;
        }
        out.push_str(text.get(at..span.start)?);
        out.push_str(with);
        at = span.end;
    }
    out.push_str(text.get(at..formula.end)?);
    let reads = PianoParser::parse(Rule::field_line, &format!("formula {out}")).is_ok();
    reads.then_some(out)
}

/// The offset after `count` closing parentheses (and the blanks before them) from `at`.
fn skip_closing(text: &str, mut at: usize, count: usize) -> Option<usize> {
    for _ in 0..count {
        let rest = text.get(at..)?;
        let blanks = rest.len() - rest.trim_start().len();
        rest.trim_start().starts_with(')').then_some(())?;
        at += blanks + 1;
    }
    Some(at)
}

/// The offset of the `count`-th opening parenthesis before `at` (blanks skipped).
fn skip_opening(text: &str, mut at: usize, count: usize) -> Option<usize> {
    for _ in 0..count {
        let before = text.get(..at)?.trim_end();
        before.ends_with('(').then_some(())?;
        at = before.len() - 1;
    }
    Some(at)
}

/// The parentheses around `kept` when, once the text up to `end` is removed, they hold
/// nothing else: `(a * 100)` becomes `a`, not `(a)`. Not those of a function call.
fn lone_parens(text: &str, kept: Span, end: usize) -> Option<(usize, usize)> {
    let before = text.get(..kept.start)?.trim_end();
    let open = before.len().checked_sub(1)?;
    if !before.ends_with('(') {
        return None;
    }
    let called = before[..open]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '_');
    let inside = text.get(kept.range())?;
    let atomic = inside
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == ',' || c == '.');
    let rest = text.get(end..)?;
    let close = end + (rest.len() - rest.trim_start().len());
    (!called && atomic && rest.trim_start().starts_with(')')).then_some((open, close))
}

/// Divides (or, for `/ 100`, multiplies) each marked sub-expression back by its hundreds, so
/// that the resolved formula computes the ratio meant. Depth is bounded as for parsing.
pub(super) fn correct(e: &mut RExpr, corrections: &[(Span, i32)]) {
    if corrections.is_empty() {
        return;
    }
    match &mut e.kind {
        RExprKind::Neg(x) => correct(x, corrections),
        RExprKind::Binary { lhs, rhs, .. } => {
            correct(lhs, corrections);
            correct(rhs, corrections);
        }
        RExprKind::Call { args, .. } => args.iter_mut().for_each(|a| correct(a, corrections)),
        _ => {}
    }
    if let Some((_, hundreds)) = corrections.iter().find(|(s, _)| *s == e.span)
        && let Some(factor) = power_of_hundred(hundreds.unsigned_abs())
    {
        let span = e.span;
        let inner = std::mem::replace(
            e,
            RExpr {
                kind: RExprKind::Number(Decimal::ZERO),
                span,
            },
        );
        let op = if *hundreds > 0 {
            BinOp::Div
        } else {
            BinOp::Mul
        };
        *e = RExpr {
            kind: RExprKind::Binary {
                op,
                lhs: Box::new(inner),
                rhs: Box::new(RExpr {
                    kind: RExprKind::Number(factor),
                    span,
                }),
            },
            span,
        };
    }
}

/// 100 to the power `n`, while it fits (a formula written with more hundreds than that is
/// left as it is).
fn power_of_hundred(n: u32) -> Option<Decimal> {
    (0..n).try_fold(Decimal::ONE, |acc, _| acc.checked_mul(Decimal::ONE_HUNDRED))
}
