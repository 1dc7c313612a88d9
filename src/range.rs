//! The numeric range, decided once: every number written in a plan or a measurement file has
//! at most [`MAX_INTEGER_DIGITS`] digits before the decimal comma and at most [`MAX_DECIMALS`]
//! after it. The lexer refuses anything else (`P0109`, `P0126`, and `M0710` for measurement
//! values), so that the sums, shares and ratios of later stages stay far inside the 28 digits
//! of `rust_decimal`:
//!
//! - a sum of n values is below n · 10^15, and `Decimal::MAX` is about 7.9 · 10^28: no file
//!   that fits in memory holds the 10^13 values it would take to overflow;
//! - the smallest non-zero value is 10^-10 (10^-12 for a percentage, held as a fraction), so a
//!   ratio of two values is below 10^15 / 10^-12 = 10^27;
//! - a value computed by a formula must itself be within ±10^15 ([`within`]), or its indicator
//!   is "non calcolabile" with a diagnostic, so that scoring and reports work on values of the
//!   same range as the written ones.
//!
//! The computations still use checked operations: an impossible overflow becomes a
//! diagnostic, never a panic.

use rust_decimal::Decimal;

/// Digits before the decimal comma, leading zeros not counted: up to 999.999.999.999.999.
pub const MAX_INTEGER_DIGITS: usize = 15;

/// Digits after the decimal comma, as written.
pub const MAX_DECIMALS: u32 = 10;

/// 10^15: every value's magnitude is below it.
pub fn limit() -> Decimal {
    Decimal::from(1_000_000_000_000_000u64)
}

/// The largest magnitude, as the messages write it.
pub const LARGEST: &str = "999.999.999.999.999";

/// What is wrong with a number outside the range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutOfRange {
    /// More than [`MAX_INTEGER_DIGITS`] digits before the comma.
    TooLarge,
    /// More than [`MAX_DECIMALS`] digits after it.
    TooManyDecimals,
}

/// Checks the digits of a number as written: `int_digits` before the comma (without `-` and
/// thousands dots), `decimals` after it.
pub fn check_written(int_digits: &str, decimals: &str) -> Result<(), OutOfRange> {
    let significant = int_digits.trim_start_matches('0').len();
    if significant > MAX_INTEGER_DIGITS {
        return Err(OutOfRange::TooLarge);
    }
    if decimals.len() > MAX_DECIMALS as usize {
        return Err(OutOfRange::TooManyDecimals);
    }
    Ok(())
}

/// Checks a number read some other way (a JSON number, possibly in scientific notation).
pub fn check_value(value: Decimal) -> Result<(), OutOfRange> {
    if !within(value) {
        return Err(OutOfRange::TooLarge);
    }
    if value.scale() > MAX_DECIMALS {
        return Err(OutOfRange::TooManyDecimals);
    }
    Ok(())
}

/// Whether a value (written or computed) has a magnitude below 10^15.
pub fn within(value: Decimal) -> bool {
    value.abs() < limit()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn written_digits() {
        assert_eq!(check_written("999999999999999", "9999999999"), Ok(()));
        assert_eq!(check_written("0001", ""), Ok(()));
        assert_eq!(
            check_written("1000000000000000", ""),
            Err(OutOfRange::TooLarge)
        );
        assert_eq!(
            check_written("0", "00000000001"),
            Err(OutOfRange::TooManyDecimals)
        );
    }

    #[test]
    fn values() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(check_value(d("-999999999999999.5")), Ok(()));
        assert_eq!(
            check_value(d("1000000000000000")),
            Err(OutOfRange::TooLarge)
        );
        assert_eq!(
            check_value(d("0.00000000001")),
            Err(OutOfRange::TooManyDecimals)
        );
        assert!(!within(d("-1000000000000000")));
    }
}
