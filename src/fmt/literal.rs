//! Literals in their canonical spelling: Italian numbers with thousands separators, `dd/mm/yyyy`
//! dates, `sì`, `n.d.`, units after the number, canonical words, escaped strings and re-indented
//! long texts.

use crate::italian;
use crate::syntax::ast::{Goal, LitUnit, Quantity, Target, Text, Value, Word};
use crate::syntax::text::escape;
use crate::syntax::vocab::Vocabulary;
use rust_decimal::Decimal;

/// The indentation of one block level.
pub const INDENT: &str = "  ";

/// `1234567,5` → `1.234.567,5`, keeping the decimal places as written.
pub fn number(value: Decimal) -> String {
    italian::number(value)
}

/// A quantity with its unit after it: `80%` (attached), `439.846,96 €`, `10 gg`.
pub fn quantity(q: &Quantity) -> String {
    let number = number(q.number);
    match &q.unit {
        None => number,
        Some(unit) => match unit.known {
            Some(LitUnit::Percent) => format!("{number}%"),
            _ => format!("{number} {}", word(unit)),
        },
    }
}

pub fn value(v: &Value) -> String {
    match v {
        Value::Quantity(q) => quantity(q),
        Value::Date(d) => italian::date(d.value),
        Value::Bool(b) => if b.value { "sì" } else { "no" }.to_string(),
        Value::NotAvailable(_) => "n.d.".to_string(),
    }
}

/// `target 2024 >= 80%`, `target 2025 n.d.`.
pub fn target(t: &Target) -> String {
    let year = year(t.year.value);
    match &t.goal {
        Goal::NotAvailable(_) => format!("target {year} n.d."),
        Goal::Compare {
            comparator: c,
            value: v,
        } => {
            format!("target {year} {} {}", c.value.symbol(), value(v))
        }
    }
}

/// Years are four digits in the grammar; `0024` must stay four digits to be read again.
pub fn year(y: i32) -> String {
    format!("{y:04}")
}

/// The canonical spelling of a word from a closed vocabulary (`si/no` → `sì/no`, `qualita` →
/// `qualità`). An unknown word cannot reach the formatter (it is a syntax error); it would be
/// kept as written.
pub fn word<T: Vocabulary>(w: &Word<T>) -> String {
    match w.known {
        Some(known) => known.canonical().to_string(),
        None => w.text.clone(),
    }
}

/// A string as written in a plan: `"..."` escaped, or a long text on lines of its own, indented
/// one level deeper than the line that opens it, with the closing `"""` back at that line's
/// indentation. The lines after the first are relative to the field's indentation.
pub fn text(t: &Text) -> String {
    if !t.long {
        return format!("\"{}\"", escape(&t.value));
    }
    let mut out = String::from("\"\"\"\n");
    for line in t.value.split('\n') {
        if !line.is_empty() {
            out.push_str(INDENT);
            out.push_str(line);
        }
        out.push('\n');
    }
    out.push_str("\"\"\"");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::{Span, Spanned};
    use std::str::FromStr;

    fn q(n: &str, unit: Option<LitUnit>) -> Quantity {
        Quantity {
            number: Decimal::from_str(n).unwrap(),
            unit: unit.map(|u| Word {
                text: "x".into(),
                span: Span::default(),
                known: Some(u),
            }),
            span: Span::default(),
        }
    }

    #[test]
    fn quantities_put_the_unit_after_the_number() {
        assert_eq!(
            quantity(&q("439846.96", Some(LitUnit::Euro))),
            "439.846,96 €"
        );
        assert_eq!(quantity(&q("20.0", Some(LitUnit::Percent))), "20,0%");
        assert_eq!(quantity(&q("10", Some(LitUnit::Days))), "10 gg");
        assert_eq!(quantity(&q("-5", None)), "-5");
    }

    #[test]
    fn codes_years_and_values() {
        assert_eq!(year(24), "0024");
        let yes = Value::Bool(Spanned::new(true, Span::default()));
        assert_eq!(value(&yes), "sì");
    }

    #[test]
    fn long_text_is_reindented() {
        let t = Text {
            value: "Prima\n  rientrata\n\nultima".into(),
            long: true,
            span: Span::default(),
        };
        assert_eq!(
            text(&t),
            "\"\"\"\n  Prima\n    rientrata\n\n  ultima\n\"\"\""
        );
        let short = Text {
            value: r#"a "b" \ c"#.into(),
            long: false,
            span: Span::default(),
        };
        assert_eq!(text(&short), r#""a \"b\" \\ c""#);
    }
}
