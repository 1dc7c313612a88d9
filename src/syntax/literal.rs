//! Italian literals: numbers (`12,5`, `439.846,96`), dates (`31/12/2024`). The grammar reads
//! them loosely; the rules that need an explanation when broken live here.

use crate::range::OutOfRange;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;

/// Why a number as written is not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberProblem {
    /// `2.5`, `157575.48`: a dot not followed by three digits reads as an English decimal
    /// point. The suggestion is the Italian spelling.
    Ambiguous { suggestion: String },
    /// `1,234.56`, `1,2,3`, `1.23,4`: not a number in either notation. The suggestion, when
    /// there is one, is the Italian spelling of the likely meaning.
    Malformed { suggestion: Option<String> },
    /// More digits before the comma than the numeric range allows (`crate::range`).
    TooLarge,
    /// More decimals than the range allows. The suggestion is the number rounded to them.
    TooManyDecimals { suggestion: String },
}

/// Reads an Italian number: optional `-`, digits with optional `.` thousands separators
/// (each followed by exactly three digits), optional `,` and decimals.
pub fn parse_number(text: &str) -> Result<Decimal, NumberProblem> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    if commas > 1 {
        return Err(NumberProblem::Malformed { suggestion: None });
    }
    let (int_part, frac_part) = match body.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if frac_part.is_some_and(|f| f.contains('.')) {
        // `1,234.56`: English thousands and decimals.
        let english = body.replace(',', "");
        let suggestion = Decimal::from_str(&english)
            .ok()
            .map(|d| sign(negative) + &super::super::italian::number(d));
        return Err(NumberProblem::Malformed { suggestion });
    }
    let mut groups = int_part.split('.');
    let groups_ok = groups.next().is_some_and(|g| g.len() <= 3) && groups.all(|g| g.len() == 3);
    if dots > 0 && !groups_ok {
        if dots == 1 && frac_part.is_none() {
            // `2.5` or `157575.48`: read the dot as a decimal point to suggest a spelling.
            let suggestion = Decimal::from_str(int_part)
                .map(|d| sign(negative) + &super::super::italian::number(d))
                .unwrap_or_else(|_| sign(negative) + &int_part.replace('.', ","));
            return Err(NumberProblem::Ambiguous { suggestion });
        }
        return Err(NumberProblem::Malformed { suggestion: None });
    }
    let int_digits = match dots {
        0 => std::borrow::Cow::Borrowed(int_part),
        _ => std::borrow::Cow::Owned(int_part.replace('.', "")),
    };
    let frac = frac_part.unwrap_or("");
    match crate::range::check_written(&int_digits, frac) {
        Ok(()) => {}
        Err(OutOfRange::TooLarge) => return Err(NumberProblem::TooLarge),
        Err(OutOfRange::TooManyDecimals) => {
            let suggestion = sign(negative) + &rounded(&int_digits, frac);
            return Err(NumberProblem::TooManyDecimals { suggestion });
        }
    }
    let value = match from_digits(&int_digits, frac_part) {
        Some(value) => value,
        None => {
            let plain = match frac_part {
                Some(frac) => format!("{int_digits}.{frac}"),
                None => int_digits.into_owned(),
            };
            // Within the range a number has at most 25 digits: it is always exact.
            Decimal::from_str_exact(&plain).map_err(|_| NumberProblem::TooLarge)?
        }
    };
    Ok(if negative { -value } else { value })
}

/// The decimal of digits before and after the comma, with as many decimals as written, the
/// value `Decimal::from_str_exact` gives for `int.frac`, without writing that text: a large
/// plan or measurement file has numbers by the hundred thousand. `None` for anything but
/// digits on both sides, left to `from_str_exact`.
fn from_digits(int_digits: &str, frac: Option<&str>) -> Option<Decimal> {
    if int_digits.is_empty() || frac == Some("") {
        return None;
    }
    let frac = frac.unwrap_or("");
    let mut mantissa: i128 = 0;
    for b in int_digits.bytes().chain(frac.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(i128::from(b - b'0'))?;
    }
    Decimal::try_from_i128_with_scale(mantissa, u32::try_from(frac.len()).ok()?).ok()
}

/// A number with too many decimals, rounded to the decimals allowed, the Italian way.
fn rounded(int_digits: &str, frac: &str) -> String {
    let keep = crate::range::MAX_DECIMALS as usize + 1;
    let head: String = frac.chars().take(keep).collect();
    match Decimal::from_str_exact(&format!("{int_digits}.{head}")) {
        Ok(d) => super::super::italian::number(
            d.round_dp_with_strategy(
                crate::range::MAX_DECIMALS,
                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            )
            .normalize(),
        ),
        Err(_) => "0".into(),
    }
}

fn sign(negative: bool) -> String {
    if negative { "-".into() } else { String::new() }
}

/// Why a date as written is not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateProblem {
    /// `31/02/2024`: no such day. The suggestion is the last day of that month, when the
    /// month exists.
    Impossible { suggestion: Option<String> },
}

/// Reads `31/12/2024` or `31.12.2024`.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateProblem> {
    let parts: Vec<&str> = text.split(['/', '.']).collect();
    let impossible = DateProblem::Impossible { suggestion: None };
    let [d, m, y] = parts.as_slice() else {
        return Err(impossible);
    };
    let (Ok(d), Ok(m), Ok(y)) = (d.parse::<u32>(), m.parse::<u32>(), y.parse::<i32>()) else {
        return Err(impossible);
    };
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        let suggestion = last_day(y, m, d).map(super::super::italian::date);
        DateProblem::Impossible { suggestion }
    })
}

/// For a day past the end of its month (`31/02`), the month's last day.
fn last_day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    (1..=31)
        .rev()
        .find_map(|last| NaiveDate::from_ymd_opt(y, m, last))
        .filter(|_| d > 28)
}

/// Reads an ISO date `2024-12-31`, only to suggest the Italian spelling.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Reads text of the shape of an ISO date (`2024-02-30`): the date, or, when no such day
/// exists, the last day of that month if the day is past it.
pub fn iso_date(text: &str) -> Result<NaiveDate, Option<NaiveDate>> {
    let mut parts = text.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (Some(Some(y)), Some(Some(m)), Some(Some(d))) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(None);
    };
    let y = i32::try_from(y).map_err(|_| None)?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| last_day(y, m, d))
}

/// A number written in scientific notation (`1e9`, `2,5E-3`, `1.5e3`, as spreadsheets export
/// them), written in full the Italian way when it is within the numeric range.
pub fn scientific(text: &str) -> Option<String> {
    let (mantissa, exponent) = text.split_once(['e', 'E'])?;
    // `,` or `.` before the exponent is the decimal separator: nothing else is one there.
    let mantissa = mantissa.replace(',', ".");
    let value = Decimal::from_scientific(&format!("{mantissa}e{exponent}")).ok()?;
    crate::range::check_value(value.normalize()).ok()?;
    Some(super::super::italian::number(value.normalize()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The digits read without text give the value and the scale `from_str_exact` gives,
    /// since reports print a value with the decimals it was written with.
    #[test]
    fn digits_read_as_from_str_exact_reads_them() {
        let ints = [
            "0",
            "7",
            "000",
            "0007",
            "10",
            "999999999999999",
            "123456789012345",
        ];
        let fracs = [
            None,
            Some("0"),
            Some("5"),
            Some("50"),
            Some("0000000001"),
            Some("9999999999"),
        ];
        for int in ints {
            for frac in fracs {
                let text = match frac {
                    Some(f) => format!("{int}.{f}"),
                    None => int.to_string(),
                };
                let expected = Decimal::from_str_exact(&text).unwrap();
                let got = from_digits(int, frac).unwrap();
                assert_eq!(got, expected, "{text}");
                assert_eq!(got.scale(), expected.scale(), "{text}");
                assert_eq!(got.to_string(), expected.to_string(), "{text}");
            }
        }
        let zeros = format!("{}1", "0".repeat(2000));
        assert_eq!(
            from_digits(&zeros, Some("5")),
            Decimal::from_str_exact("1.5").ok()
        );
        for odd in [
            ("", Some("5")),
            ("5", Some("")),
            ("1a", None),
            ("1", Some("x")),
            ("", None),
        ] {
            assert_eq!(from_digits(odd.0, odd.1), None, "{odd:?}");
        }
    }

    fn ok(s: &str) -> String {
        parse_number(s).unwrap().to_string()
    }

    #[test]
    fn italian_numbers() {
        assert_eq!(ok("80"), "80");
        assert_eq!(ok("12,5"), "12.5");
        assert_eq!(ok("439.846,96"), "439846.96");
        assert_eq!(ok("1.234.567"), "1234567");
        assert_eq!(ok("-5"), "-5");
        assert_eq!(ok("20,0"), "20.0");
        assert_eq!(ok("0,00"), "0.00");
    }

    #[test]
    fn ambiguous_numbers_get_a_suggestion() {
        assert_eq!(
            parse_number("2.5"),
            Err(NumberProblem::Ambiguous {
                suggestion: "2,5".into()
            })
        );
        assert_eq!(
            parse_number("157575.48"),
            Err(NumberProblem::Ambiguous {
                suggestion: "157.575,48".into()
            })
        );
        assert_eq!(
            parse_number("-0.5"),
            Err(NumberProblem::Ambiguous {
                suggestion: "-0,5".into()
            })
        );
    }

    #[test]
    fn english_numbers_are_malformed_with_a_suggestion() {
        assert_eq!(
            parse_number("1,234.56"),
            Err(NumberProblem::Malformed {
                suggestion: Some("1.234,56".into())
            })
        );
        assert_eq!(
            parse_number("1,2,3"),
            Err(NumberProblem::Malformed { suggestion: None })
        );
        assert_eq!(
            parse_number("1.23.456"),
            Err(NumberProblem::Malformed { suggestion: None })
        );
    }

    #[test]
    fn numbers_outside_the_range_are_refused() {
        assert_eq!(parse_number(&"9".repeat(40)), Err(NumberProblem::TooLarge));
        assert_eq!(parse_number(&"9".repeat(16)), Err(NumberProblem::TooLarge));
        assert_eq!(ok("999.999.999.999.999"), "999999999999999");
        assert_eq!(ok(&format!("0{}", "9".repeat(15))), "999999999999999");
        assert_eq!(ok("-0,0000000001"), "-0.0000000001");
        assert_eq!(
            parse_number(&format!("0,{}", "1".repeat(40))),
            Err(NumberProblem::TooManyDecimals {
                suggestion: "0,1111111111".into()
            })
        );
        assert_eq!(
            parse_number("-2,00000000005"),
            Err(NumberProblem::TooManyDecimals {
                suggestion: "-2,0000000001".into()
            })
        );
        assert_eq!(
            parse_number("0,0000000000000000000000000001"),
            Err(NumberProblem::TooManyDecimals {
                suggestion: "0".into()
            })
        );
    }

    #[test]
    fn iso_dates_and_scientific_numbers() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(iso_date("2024-02-29"), Ok(d(2024, 2, 29)));
        assert_eq!(iso_date("2024-02-30"), Err(Some(d(2024, 2, 29))));
        assert_eq!(iso_date("2023-02-29"), Err(Some(d(2023, 2, 28))));
        assert_eq!(iso_date("2024-13-01"), Err(None));
        assert_eq!(scientific("1e9").as_deref(), Some("1.000.000.000"));
        assert_eq!(scientific("2,5E-3").as_deref(), Some("0,0025"));
        assert_eq!(scientific("-1.5e3").as_deref(), Some("-1.500"));
        assert_eq!(scientific("1e20"), None);
        assert_eq!(scientific("1e-20"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("31/12/2024").unwrap(),
            NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()
        );
        assert_eq!(
            parse_date("1.2.2024").unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 1).unwrap()
        );
        assert_eq!(
            parse_date("31/02/2024"),
            Err(DateProblem::Impossible {
                suggestion: Some("29/02/2024".into())
            })
        );
        assert_eq!(
            parse_date("10/13/2024"),
            Err(DateProblem::Impossible { suggestion: None })
        );
    }
}
