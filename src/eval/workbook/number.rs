//! Spreadsheet numbers and dates → exact values.

use calamine::ExcelDateTime;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Significant digits kept from a spreadsheet number.
const DIGITS: usize = 15;

/// A spreadsheet number as an exact decimal, or `None` when it has none (infinite, NaN, beyond
/// 28 digits).
///
/// Excel and LibreOffice keep every number as a binary double, so `0,1 + 0,2` is
/// 0.30000000000000004 in the cell and 0,1 itself is 0.1000000000000000055…. A double holds
/// 15 significant decimal digits faithfully (every decimal of 15 digits survives the trip to
/// binary and back), and Excel shows and keeps typed numbers to 15 digits. So the double is
/// written with 15 significant digits and that text is read as a decimal: what the clerk typed
/// comes back exactly, and the noise past the 15th digit never reaches a value.
pub fn decimal(x: f64) -> Option<Decimal> {
    if !x.is_finite() {
        return None;
    }
    if x == 0.0 {
        return Some(Decimal::ZERO);
    }
    let text = format!("{x:.prec$e}", prec = DIGITS - 1);
    Decimal::from_scientific(&text).ok().map(|d| d.normalize())
}

/// The day of a date cell, or `None` for a serial that is no day: below 1 (a time of day
/// alone), past 31/12/9999, or Excel's 29/02/1900 (serial 60, which never was: Excel keeps it
/// for Lotus 1-2-3). A time of day in the cell is left out: deadlines are days.
pub fn excel_date(cell: &ExcelDateTime) -> Option<NaiveDate> {
    let serial = cell.as_f64();
    if !cell.is_datetime() || !serial.is_finite() || !(1.0..LAST_SERIAL).contains(&serial) {
        return None;
    }
    let (y, m, d, ..) = cell.to_ymd_hms_milli();
    NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
}

/// How a date cell that is no day reads: Excel's 29/02/1900 as such, else its serial.
pub fn excel_date_text(cell: &ExcelDateTime) -> String {
    let serial = cell.as_f64();
    if serial.is_finite() && (1.0..LAST_SERIAL).contains(&serial) {
        let (y, m, d, ..) = cell.to_ymd_hms_milli();
        format!("{d:02}/{m:02}/{y}")
    } else {
        serial.to_string()
    }
}

/// The serial after 31/12/9999 in the 1900 date system.
const LAST_SERIAL: f64 = 2_958_466.0;

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::ExcelDateTimeType;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn fifteen_digits_drop_binary_noise() {
        assert_eq!(decimal(0.1 + 0.2), Some(dec("0.3")));
        assert_eq!(decimal(0.1), Some(dec("0.1")));
        assert_eq!(decimal(1234.56), Some(dec("1234.56")));
        assert_eq!(decimal(439_846.96), Some(dec("439846.96")));
        assert_eq!(decimal(0.935), Some(dec("0.935")));
        assert_eq!(decimal(-0.05), Some(dec("-0.05")));
        assert_eq!(decimal(64488.0), Some(dec("64488")));
        assert_eq!(decimal(1.0 / 3.0), Some(dec("0.333333333333333")));
        assert_eq!(decimal(123_456_789_012_345.0), Some(dec("123456789012345")));
        assert_eq!(decimal(0.0), Some(Decimal::ZERO));
        assert_eq!(decimal(-0.0), Some(Decimal::ZERO));
        assert_eq!(decimal(f64::NAN), None);
        assert_eq!(decimal(f64::INFINITY), None);
        assert_eq!(decimal(1e300), None);
    }

    #[test]
    fn serial_dates_follow_excel() {
        let at = |serial: f64| {
            excel_date(&ExcelDateTime::new(
                serial,
                ExcelDateTimeType::DateTime,
                false,
            ))
        };
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(at(1.0), d(1900, 1, 1));
        assert_eq!(at(59.0), d(1900, 2, 28));
        assert_eq!(at(60.0), None);
        assert_eq!(at(61.0), d(1900, 3, 1));
        assert_eq!(at(45473.0), d(2024, 6, 30));
        assert_eq!(at(45473.75), d(2024, 6, 30));
        assert_eq!(at(45657.0), d(2024, 12, 31));
        assert_eq!(at(0.5), None);
        assert_eq!(at(-5.0), None);
        assert_eq!(at(f64::NAN), None);
        assert_eq!(at(1e12), None);
        let mac = ExcelDateTime::new(43_937.0, ExcelDateTimeType::DateTime, true);
        assert_eq!(excel_date(&mac), d(2024, 4, 17));
    }
}
