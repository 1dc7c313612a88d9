//! Numbers and dates written the Italian way: `1.234,56`, `31/12/2024`.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// `1234.5` → `1.234,5`: comma for decimals, dots for thousands. The scale of the decimal is
/// kept (`20.0` → `20,0`), since it is how the user wrote it.
pub fn number(value: Decimal) -> String {
    let text = value.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int_part, frac_part) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(text.len() + int_part.len() / 3);
    out.push_str(sign);
    out.push_str(&group_thousands(int_part));
    if let Some(frac) = frac_part {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// `1234567` → `1.234.567`.
pub fn group_thousands(int_digits: &str) -> String {
    let len = int_digits.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in int_digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A number rounded to `places` decimals, half away from zero, without trailing zeros.
pub fn rounded(value: Decimal, places: u32) -> String {
    let r = value
        .round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    number(r)
}

/// `31/12/2024`.
pub fn date(value: NaiveDate) -> String {
    value.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn formats_numbers() {
        assert_eq!(number(d("439846.96")), "439.846,96");
        assert_eq!(number(d("20.0")), "20,0");
        assert_eq!(number(d("-5")), "-5");
        assert_eq!(number(d("1234567")), "1.234.567");
        assert_eq!(number(d("999")), "999");
        assert_eq!(number(d("-1234.5")), "-1.234,5");
    }

    #[test]
    fn rounds_half_up() {
        assert_eq!(rounded(d("53.75"), 0), "54");
        assert_eq!(rounded(d("33.333"), 1), "33,3");
        assert_eq!(rounded(d("100.0"), 1), "100");
    }
}
