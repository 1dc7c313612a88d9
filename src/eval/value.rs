//! A measurement cell → a typed value. Cells are read with the plan grammar's `value` rule, so
//! that `1.234,56 €`, `46,56%`, `31/12/2024`, `sì`, `no` and `n.d.` mean exactly what they mean
//! in a plan; then the value is checked against the UdM of its code.

use super::error::{Expected, Found, MeasureError, ValueProblem};
use crate::span::Span;
use crate::syntax::ast::{LitUnit, Udm};
use crate::syntax::literal::{self, DateProblem, NumberProblem};
use crate::syntax::parser::{PianoParser, Rule};
use crate::syntax::vocab::Vocabulary;
use crate::{italian, suggest};
use chrono::NaiveDate;
use pest::Parser as _;
use rust_decimal::Decimal;

/// A measured or computed value, in the unit of its code (percentages as fractions of one).
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    Number(Decimal),
    Date(NaiveDate),
    Bool(bool),
    /// `no` for a date: not done yet.
    NotDone,
    NotAvailable,
}

/// A cell of a measurement file: its text and where it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    /// The cell's content in the file (inside the quotes, for a quoted cell).
    pub span: Span,
    /// Whether `text` is the file's text at `span` byte for byte, so that a part of the cell
    /// can be pointed at (not so for a quoted cell with `""` inside).
    pub exact: bool,
}

impl Cell {
    /// The span of `range` (bytes of `text`) in the file.
    fn sub(&self, start: usize, end: usize) -> Span {
        if self.exact && end <= self.text.len() {
            Span::new(self.span.start + start, self.span.start + end)
        } else {
            self.span
        }
    }
}

/// What a cell says, before its unit is checked against the plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    Number {
        value: Decimal,
        /// The number as written, for messages.
        text: String,
        unit: Option<LitUnit>,
    },
    /// A JSON number: already in the code's unit (percentages in points: 46.56 is 46,56%).
    Plain(Decimal),
    Date(NaiveDate),
    Yes,
    No,
    NotAvailable,
}

/// Reads a cell written as in a plan. `iso_dates`: also accept `2024-06-30` (the JSON form).
pub fn read(cell: &Cell, iso_dates: bool) -> Result<Literal, (Span, MeasureError)> {
    read_with(cell, iso_dates, true)
}

/// [`read`]; `fast`: plain integers without the parser (tests compare both ways).
fn read_with(cell: &Cell, iso_dates: bool, fast: bool) -> Result<Literal, (Span, MeasureError)> {
    let lead = cell.text.len() - cell.text.trim_start().len();
    let trimmed = cell.text.trim();
    // Excel writes a non-breaking space before `€` and `%`: read it as a space, keeping byte
    // offsets (U+00A0 is two bytes, U+202F three).
    let text = if trimmed.contains(['\u{A0}', '\u{202F}']) {
        std::borrow::Cow::Owned(trimmed.replace('\u{A0}', "  ").replace('\u{202F}', "   "))
    } else {
        std::borrow::Cow::Borrowed(trimmed)
    };
    let whole = cell.sub(lead, lead + trimmed.len());
    let bad = |problem: ValueProblem| {
        (
            whole,
            MeasureError::BadValue {
                text: trimmed.to_string(),
                problem,
            },
        )
    };
    if iso_dates && let Some(d) = literal::parse_iso_date(&text) {
        return Ok(Literal::Date(d));
    }
    // The most common cell, a plain integer: what the grammar and `parse_number` give it,
    // without a parser run (a number `parse_number` refuses takes the long way, for its
    // diagnostic).
    let digits = text.strip_prefix('-').unwrap_or(&text);
    if fast
        && (1..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(value) = literal::parse_number(&text)
    {
        return Ok(Literal::Number {
            value,
            text: text.into_owned(),
            unit: None,
        });
    }
    let pair = match PianoParser::parse(Rule::value, &text) {
        Ok(mut pairs) => pairs.next(),
        Err(_) => None,
    };
    let Some(pair) = pair.filter(|p| p.as_span().end() == text.len()) else {
        return Err(bad(ValueProblem::NotAValue));
    };
    let Some(inner) = pair.into_inner().next() else {
        return Err(bad(ValueProblem::NotAValue));
    };
    match inner.as_rule() {
        Rule::not_available => Ok(Literal::NotAvailable),
        Rule::yes => Ok(Literal::Yes),
        Rule::no => Ok(Literal::No),
        Rule::date => literal::parse_date(inner.as_str())
            .map(Literal::Date)
            .map_err(|DateProblem::Impossible { suggestion }| {
                bad(ValueProblem::ImpossibleDate { suggestion })
            }),
        Rule::bad_date => Err(bad(match literal::iso_date(inner.as_str()) {
            Ok(d) => ValueProblem::IsoDate {
                suggestion: italian::date(d),
            },
            // `2024-02-30`: no such day. The JSON form takes ISO dates, so the suggestion is
            // written as the date was.
            Err(last) => ValueProblem::ImpossibleDate {
                suggestion: last.map(|d| {
                    if iso_dates {
                        d.format("%Y-%m-%d").to_string()
                    } else {
                        italian::date(d)
                    }
                }),
            },
        })),
        Rule::bad_year => {
            let year = inner.as_str().rsplit('/').next().unwrap_or("").to_string();
            Err(bad(ValueProblem::ImpossibleYear { year }))
        }
        Rule::quantity => {
            let mut number = None;
            let mut unit = None;
            for p in inner.into_inner() {
                let span = p.as_span();
                let at = cell.sub(lead + span.start(), lead + span.end());
                match p.as_rule() {
                    Rule::currency => unit = Some(LitUnit::Euro),
                    Rule::scientific => {
                        let suggestion = literal::scientific(p.as_str());
                        return Err((
                            at,
                            MeasureError::BadValue {
                                text: p.as_str().to_string(),
                                problem: ValueProblem::Scientific { suggestion },
                            },
                        ));
                    }
                    Rule::number => {
                        let written = p.as_str().to_string();
                        let value = literal::parse_number(&written).map_err(|problem| {
                            let problem = match problem {
                                NumberProblem::Ambiguous { suggestion } => {
                                    ValueProblem::AmbiguousNumber { suggestion }
                                }
                                NumberProblem::Malformed { suggestion } => {
                                    ValueProblem::MalformedNumber { suggestion }
                                }
                                NumberProblem::TooLarge => ValueProblem::NumberTooLarge,
                                NumberProblem::TooManyDecimals { suggestion } => {
                                    ValueProblem::TooManyDecimals { suggestion }
                                }
                            };
                            (
                                at,
                                MeasureError::BadValue {
                                    text: written.clone(),
                                    problem,
                                },
                            )
                        })?;
                        number = Some((value, written));
                    }
                    Rule::unit => {
                        if unit.is_some() {
                            return Err(bad(ValueProblem::UnitRepeated));
                        }
                        let word = p.as_str().to_string();
                        match LitUnit::lookup(&word) {
                            Some(u) => unit = Some(u),
                            None => {
                                let suggestion = unit_suggestion(&word);
                                return Err((
                                    at,
                                    MeasureError::BadValue {
                                        text: trimmed.to_string(),
                                        problem: ValueProblem::UnknownUnit { word, suggestion },
                                    },
                                ));
                            }
                        }
                    }
                    _ => {}
                }
            }
            match number {
                Some((value, text)) => Ok(Literal::Number { value, text, unit }),
                None => Err(bad(ValueProblem::NotAValue)),
            }
        }
        _ => Err(bad(ValueProblem::NotAValue)),
    }
}

fn unit_suggestion(word: &str) -> Option<&'static str> {
    match word.to_lowercase().as_str() {
        "eur" | "euro" | "e" => Some("€"),
        "giorni" | "gg." | "g" | "giorno" => Some("gg"),
        "h" | "ora" | "ore." => Some("ore"),
        "anno" => Some("anni"),
        "punto" | "pt" | "pti" => Some("punti"),
        other => suggest::closest(other, LitUnit::canonical_words()),
    }
}

/// Checks a literal against the UdM of `code` and gives the typed value.
pub fn typed(literal: Literal, udm: Udm, code: &str) -> Result<Val, MeasureError> {
    let kind = |found: Found| MeasureError::WrongKind {
        code: code.to_string(),
        expected: Expected::Udm(udm),
        found,
    };
    match literal {
        Literal::NotAvailable => Ok(Val::NotAvailable),
        Literal::Yes => match udm {
            Udm::YesNo => Ok(Val::Bool(true)),
            _ => Err(kind(Found::Yes)),
        },
        Literal::No => match udm {
            Udm::YesNo => Ok(Val::Bool(false)),
            Udm::Date => Ok(Val::NotDone),
            _ => Err(kind(Found::No)),
        },
        Literal::Date(d) => match udm {
            Udm::Date => Ok(Val::Date(d)),
            _ => Err(kind(Found::Date)),
        },
        Literal::Plain(value) => match udm {
            Udm::Date | Udm::YesNo => Err(kind(Found::Number)),
            Udm::Percent => percent(value, code),
            _ => Ok(Val::Number(value)),
        },
        Literal::Number { value, text, unit } => {
            let mismatch = |written: LitUnit| MeasureError::UnitMismatch {
                code: code.to_string(),
                written,
                udm,
            };
            match (udm, unit) {
                (Udm::Date | Udm::YesNo, _) => Err(kind(Found::Number)),
                (Udm::Percent, Some(LitUnit::Percent)) => percent(value, code),
                (Udm::Percent, None) => Err(MeasureError::PercentWithoutSign {
                    code: code.to_string(),
                    number: text,
                }),
                (_, None) => Ok(Val::Number(value)),
                (Udm::Euro, Some(LitUnit::Euro))
                | (Udm::Days, Some(LitUnit::Days))
                | (Udm::Hours, Some(LitUnit::Hours))
                | (Udm::Years, Some(LitUnit::Years))
                | (Udm::Points, Some(LitUnit::Points)) => Ok(Val::Number(value)),
                (_, Some(written)) => Err(mismatch(written)),
            }
        }
    }
}

fn percent(points: Decimal, code: &str) -> Result<Val, MeasureError> {
    points
        .checked_div(Decimal::ONE_HUNDRED)
        .map(Val::Number)
        .ok_or_else(|| MeasureError::BadValue {
            text: format!("{code}: {points}"),
            problem: ValueProblem::NumberTooLarge,
        })
}

/// The monitoring date of a `rilevazione` row.
pub fn monitoring_date(literal: Literal) -> Result<NaiveDate, MeasureError> {
    let found = match literal {
        Literal::Date(d) => return Ok(d),
        Literal::Number { .. } | Literal::Plain(_) => Found::Number,
        Literal::Yes => Found::Yes,
        Literal::No => Found::No,
        Literal::NotAvailable => Found::No,
    };
    Err(MeasureError::WrongKind {
        code: "rilevazione".into(),
        expected: Expected::MonitoringDate,
        found,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str) -> Cell {
        Cell {
            text: text.into(),
            span: Span::new(100, 100 + text.len()),
            exact: true,
        }
    }

    fn lit(text: &str) -> Literal {
        read(&cell(text), false).unwrap()
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn plain_integers_read_without_the_parser_read_as_with_it() {
        for text in [
            "0",
            "5",
            "-12",
            "007",
            "-0",
            "42 ",
            "123456789012345",
            "1234567890123456",
            "-",
            "12a",
            "1.234",
            "2024",
        ] {
            assert_eq!(
                read_with(&cell(text), false, true),
                read_with(&cell(text), false, false),
                "{text}"
            );
        }
    }

    #[test]
    fn reads_plan_literals() {
        assert_eq!(
            typed(lit("30.789,29 €"), Udm::Euro, "x"),
            Ok(Val::Number(dec("30789.29")))
        );
        assert_eq!(
            typed(lit("€ 1.234,5"), Udm::Euro, "x"),
            Ok(Val::Number(dec("1234.5")))
        );
        assert_eq!(
            typed(lit("46,56%"), Udm::Percent, "x"),
            Ok(Val::Number(dec("0.4656")))
        );
        assert_eq!(
            typed(lit("46,56\u{A0}%"), Udm::Percent, "x"),
            Ok(Val::Number(dec("0.4656")))
        );
        assert_eq!(typed(lit("n.d."), Udm::Count, "x"), Ok(Val::NotAvailable));
        assert_eq!(typed(lit("--"), Udm::Count, "x"), Ok(Val::NotAvailable));
        assert_eq!(typed(lit("sì"), Udm::YesNo, "x"), Ok(Val::Bool(true)));
        assert_eq!(typed(lit("si"), Udm::YesNo, "x"), Ok(Val::Bool(true)));
        assert_eq!(typed(lit("no"), Udm::Date, "x"), Ok(Val::NotDone));
        assert_eq!(
            typed(lit("26/03/2024"), Udm::Date, "x"),
            Ok(Val::Date(NaiveDate::from_ymd_opt(2024, 3, 26).unwrap()))
        );
        assert_eq!(
            typed(lit("10 gg"), Udm::Days, "x"),
            Ok(Val::Number(dec("10")))
        );
        assert_eq!(
            typed(lit("-5%"), Udm::Percent, "x"),
            Ok(Val::Number(dec("-0.05")))
        );
    }

    #[test]
    fn refuses_what_does_not_fit() {
        assert!(matches!(
            typed(lit("50"), Udm::Percent, "x"),
            Err(MeasureError::PercentWithoutSign { .. })
        ));
        assert!(matches!(
            typed(lit("5%"), Udm::Count, "x"),
            Err(MeasureError::UnitMismatch { .. })
        ));
        assert!(matches!(
            typed(lit("no"), Udm::Count, "x"),
            Err(MeasureError::WrongKind { .. })
        ));
        assert!(matches!(
            typed(lit("3"), Udm::Date, "x"),
            Err(MeasureError::WrongKind { .. })
        ));
    }

    #[test]
    fn bad_cells_point_inside_the_cell() {
        let (span, e) = read(&cell("2.5 €"), false).unwrap_err();
        assert_eq!(span, Span::new(100, 103));
        assert!(matches!(
            e,
            MeasureError::BadValue {
                problem: ValueProblem::AmbiguousNumber { .. },
                ..
            }
        ));
        for bad in ["abc", "12 abc def", "31/12/2024 x", "", "1;2"] {
            assert!(read(&cell(bad), false).is_err(), "{bad}");
        }
        assert!(matches!(
            read(&cell("2024-06-30"), false),
            Err((
                _,
                MeasureError::BadValue {
                    problem: ValueProblem::IsoDate { .. },
                    ..
                }
            ))
        ));
        assert!(read(&cell("2024-06-30"), true).is_ok());
    }
}
