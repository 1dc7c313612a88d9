//! Formulas in their canonical spelling: one space around binary operators, none after a
//! unary minus, `; ` between arguments, parentheses exactly where they were written (the tree
//! keeps them, so printing it never changes what the formula means).

use super::literal::number;
use crate::syntax::ast::{Expr, ExprKind};

pub fn expr(e: &Expr) -> String {
    let mut out = String::new();
    write(e, &mut out);
    out
}

/// Depth is bounded by the parser's caps on nesting and on the number of operators.
fn write(e: &Expr, out: &mut String) {
    match &e.kind {
        ExprKind::Number(n) => out.push_str(&number(*n)),
        ExprKind::Name(name) => out.push_str(name),
        ExprKind::Neg(inner) => {
            out.push('-');
            write(inner, out);
        }
        ExprKind::Paren(inner) => {
            out.push('(');
            write(inner, out);
            out.push(')');
        }
        ExprKind::Binary { op, lhs, rhs } => {
            write(lhs, out);
            out.push(' ');
            out.push_str(op.value.symbol());
            out.push(' ');
            write(rhs, out);
        }
        ExprKind::Call { function, args } => {
            out.push_str(&function.value);
            out.push('(');
            for (i, arg) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                write(arg, out);
            }
            out.push(')');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::Item;

    fn formatted(formula: &str) -> String {
        let plan = format!("modello m {{\n  formula {formula}\n}}\n");
        let parsed = crate::syntax::parse(&plan);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let Some(Item::Modello(m)) = parsed.plan.items.first() else {
            panic!("no modello");
        };
        expr(&m.fields.formula.as_ref().unwrap().value)
    }

    #[test]
    fn spaces_operators_and_keeps_parentheses() {
        assert_eq!(formatted("a/b*100"), "a / b * 100");
        assert_eq!(formatted("-abs( a-b )/ b"), "-abs(a - b) / b");
        assert_eq!(formatted("max(a;0)"), "max(a; 0)");
        assert_eq!(formatted("a/(b*(c+1000))"), "a / (b * (c + 1.000))");
        assert_eq!(formatted("a - - b"), "a - -b");
        assert_eq!(formatted("12,50*x"), "12,50 * x");
    }
}
