//! Formulas: pest's flat `expr` pairs → an expression tree, by operator precedence.

use super::ast::{BinOp, Expr, ExprKind};
use super::parser::{Builder, MAX_OPERATORS, Rule};
use crate::span::Spanned;
use pest::iterators::Pair;
use pest::pratt_parser::{Assoc, Op, PrattParser};
use std::cell::RefCell;
use std::sync::LazyLock;

static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::add, Assoc::Left) | Op::infix(Rule::sub, Assoc::Left))
        .op(Op::infix(Rule::mul, Assoc::Left) | Op::infix(Rule::div, Assoc::Left))
        .op(Op::prefix(Rule::neg))
});

/// Builds a formula, or reports why not. Nesting was capped by the scanner; the number of
/// operators is capped here, before any recursion, so the tree stays shallow.
pub(super) fn build(b: &mut Builder, expr: Pair<Rule>) -> Option<Expr> {
    let operators = expr
        .clone()
        .into_inner()
        .flatten()
        .filter(|p| {
            matches!(
                p.as_rule(),
                Rule::add | Rule::sub | Rule::mul | Rule::div | Rule::neg
            )
        })
        .count();
    if operators > MAX_OPERATORS {
        let span = b.span(&expr);
        b.formula_too_long(span);
        return None;
    }
    let cell = RefCell::new(b);
    build_expr(&cell, expr)
}

fn build_expr(b: &RefCell<&mut Builder>, expr: Pair<Rule>) -> Option<Expr> {
    PRATT
        .map_primary(|p| primary(b, p))
        .map_prefix(|op, operand| {
            let operand = operand?;
            let span = b.borrow().span(&op).to(operand.span);
            Some(Expr {
                kind: ExprKind::Neg(Box::new(operand)),
                span,
            })
        })
        .map_infix(|lhs, op, rhs| {
            let (lhs, rhs) = (lhs?, rhs?);
            let op_span = b.borrow().span(&op);
            let bin = match op.as_rule() {
                Rule::add => BinOp::Add,
                Rule::sub => BinOp::Sub,
                Rule::mul => BinOp::Mul,
                _ => BinOp::Div,
            };
            let span = lhs.span.to(rhs.span);
            Some(Expr {
                kind: ExprKind::Binary {
                    op: Spanned::new(bin, op_span),
                    lhs: Box::new(lhs),
                    rhs: Box::new(rhs),
                },
                span,
            })
        })
        .parse(expr.into_inner())
}

fn primary(b: &RefCell<&mut Builder>, p: Pair<Rule>) -> Option<Expr> {
    let span = b.borrow().span(&p);
    match p.as_rule() {
        Rule::scientific => {
            b.borrow_mut().scientific(&p);
            None
        }
        Rule::unsigned => {
            let n = b.borrow_mut().number(&p)?;
            Some(Expr {
                kind: ExprKind::Number(n),
                span,
            })
        }
        Rule::name => {
            let name = b.borrow_mut().name(p);
            Some(Expr {
                kind: ExprKind::Name(name.value),
                span,
            })
        }
        Rule::paren => {
            let inner = p.into_inner().find(|x| x.as_rule() == Rule::expr)?;
            let e = build_expr(b, inner)?;
            Some(Expr {
                kind: ExprKind::Paren(Box::new(e)),
                span,
            })
        }
        Rule::call => {
            let mut it = p.into_inner();
            let name = it.next()?;
            let function = b.borrow_mut().name(name);
            let mut args = Vec::new();
            for arg in it.filter(|x| x.as_rule() == Rule::expr) {
                args.push(build_expr(b, arg));
            }
            let args = args.into_iter().collect::<Option<Vec<_>>>()?;
            Some(Expr {
                kind: ExprKind::Call { function, args },
                span,
            })
        }
        _ => None,
    }
}
