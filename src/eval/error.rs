//! Problems with measurement files and with evaluation, as data. Their texts are in
//! `diagnostics/texts/measure.rs` and `diagnostics/texts/eval.rs`.

use crate::diagnostics::Code;
use crate::span::Span;
use crate::syntax::ast::{LitUnit, Udm};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Why a cell is not a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueProblem {
    /// `2.5`: the dot reads as an English decimal point.
    AmbiguousNumber { suggestion: String },
    /// `1,234.56`, `1,2,3`.
    MalformedNumber { suggestion: Option<String> },
    /// More digits before the comma than the numeric range allows (`crate::range`).
    NumberTooLarge,
    /// More decimals than the range allows; the suggestion is the number rounded.
    TooManyDecimals { suggestion: String },
    /// `31/02/2024`.
    ImpossibleDate { suggestion: Option<String> },
    /// `31/12/99999`: the year does not have four digits.
    ImpossibleYear { year: String },
    /// `1e9`; the suggestion is the number in full.
    Scientific { suggestion: Option<String> },
    /// `2024-06-30` in a CSV cell.
    IsoDate { suggestion: String },
    /// `5 EUR`.
    UnknownUnit {
        word: String,
        suggestion: Option<&'static str>,
    },
    /// `€ 5 €`.
    UnitRepeated,
    /// Not a number, a date, `sì`/`no` or `n.d.` at all.
    NotAValue,
}

/// What kind of value a cell holds, for "expected a date, found a number".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Found {
    Number,
    Date,
    Yes,
    No,
}

/// What was expected instead, beyond the unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A value in this unit.
    Udm(Udm),
    /// The monitoring date (the `rilevazione` row).
    MonitoringDate,
}

#[derive(Clone, Debug, PartialEq)]
pub enum MeasureError {
    /// The file holds nothing (or only blank lines).
    Empty,
    /// The first line is not a header naming `codice` and `valore`.
    MissingHeader {
        /// The separator the line seems to use instead of `;`, if any.
        separator: Option<char>,
        /// Which of the two columns is missing.
        missing: Vec<&'static str>,
        /// The first line looks like data (a code and a value).
        looks_like_data: bool,
    },
    UnknownColumn {
        name: String,
        suggestion: Option<&'static str>,
    },
    DuplicateColumn {
        name: String,
        first: Span,
    },
    /// A row with more or fewer cells than the header.
    FieldCount {
        found: usize,
        expected: usize,
        header: Span,
    },
    /// A quoted cell whose closing `"` never comes.
    UnclosedQuote,
    /// A row with values but no code.
    MissingCode,
    UnknownCode {
        code: String,
        suggestion: Option<String>,
    },
    DuplicateCode {
        code: String,
        first: Span,
    },
    BadValue {
        text: String,
        problem: ValueProblem,
    },
    /// A unit that contradicts the declared UdM (`5 €` for a `%` indicator).
    UnitMismatch {
        code: String,
        written: LitUnit,
        udm: Udm,
    },
    /// A bare number for a `%` code: 0,5 or 50%?
    PercentWithoutSign {
        code: String,
        number: String,
    },
    /// A date where a number is expected, `sì` for a date, ...
    WrongKind {
        code: String,
        expected: Expected,
        found: Found,
    },
    /// A value for an indicator that the plan computes with a formula.
    Computed {
        code: String,
        /// The codes of the measures its formula uses.
        measures: Vec<String>,
        formula: Span,
    },
    /// The `udm` column disagrees with the plan.
    UdmColumn {
        code: String,
        written: String,
        udm: Udm,
    },
    /// Codes the plan needs that the file does not give (or gives with an empty value): they
    /// count as n.d.
    Missing {
        codes: Vec<String>,
    },
    /// The JSON form: not JSON at all.
    JsonSyntax {
        problem: JsonProblem,
    },
    /// The JSON form: JSON, but not the expected shape.
    JsonShape {
        expected: &'static str,
    },
    /// Text that was UTF-8, read as Windows-1252 and saved again (`â‚¬` for `€`): one
    /// diagnostic for the file, at the first garbled place.
    Garbled {
        /// The distinct garblings, as read and as meant, in order of appearance.
        pairs: Vec<(String, char)>,
        /// Other garbled places, on other lines (a few).
        others: Vec<Span>,
        /// How many lines hold garbled text.
        lines: usize,
    },
    /// A workbook (`.xlsx`, `.ods`) that cannot be read.
    WorkbookUnreadable {
        problem: WorkbookProblem,
    },
    /// A cell holding a spreadsheet error (`#DIV/0!`, `#N/D`).
    CellError {
        text: String,
    },
    /// A number in a `%` row, in a cell not formatted as a percentage: `80` could be 80% or
    /// 8000%, `0,8` could be 80% or 0,8%.
    UnformattedPercent {
        code: String,
        number: String,
    },
    /// The workbook's template was made for a plan that needs other codes or units.
    OtherPlan {
        /// Codes the plan needs that the template did not have.
        added: Vec<String>,
        /// Codes of the template the plan no longer needs.
        removed: Vec<String>,
        /// Codes whose unit changed: code, the template's unit, the plan's.
        changed: Vec<(String, String, Udm)>,
    },
    /// A row of the template is not in the workbook any more.
    DeletedRow {
        code: String,
        /// The code of the row it followed, if any.
        after: Option<String>,
    },
    /// Cells in a column with no name in the header row: they would be ignored.
    OutsideColumns {
        /// The column's letters (`H`).
        column: String,
        cells: usize,
    },
    /// A sheet with content that is not read (only one sheet holds the measurements).
    SheetNotRead {
        sheet: String,
        read: String,
    },
}

/// Why a workbook cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkbookProblem {
    /// Not a zip archive of a workbook, or a damaged one: the reader's words.
    Damaged(String),
    /// A cell whose reference (`E99999999999`) is past any sheet's rows or columns.
    BadCellReference,
    /// Protected by a password (encrypted).
    Encrypted,
    /// Excel 97-2003 (`.xls`) or binary (`.xlsb`).
    OldFormat,
    /// No worksheet at all.
    NoSheets,
    /// Far more cells than a measurement file has.
    TooLarge,
}

impl MeasureError {
    pub fn code(&self) -> Code {
        match self {
            MeasureError::Empty => Code::M0701,
            MeasureError::MissingHeader { .. } => Code::M0702,
            MeasureError::UnknownColumn { .. } => Code::M0703,
            MeasureError::DuplicateColumn { .. } => Code::M0704,
            MeasureError::FieldCount { .. } => Code::M0705,
            MeasureError::UnclosedQuote => Code::M0706,
            MeasureError::MissingCode => Code::M0707,
            MeasureError::UnknownCode { .. } => Code::M0708,
            MeasureError::DuplicateCode { .. } => Code::M0709,
            MeasureError::BadValue { .. } => Code::M0710,
            MeasureError::UnitMismatch { .. } => Code::M0711,
            MeasureError::PercentWithoutSign { .. } => Code::M0712,
            MeasureError::WrongKind { .. } => Code::M0713,
            MeasureError::Computed { .. } => Code::M0714,
            MeasureError::UdmColumn { .. } => Code::M0715,
            MeasureError::Missing { .. } => Code::M0716,
            MeasureError::JsonSyntax { .. } => Code::M0717,
            MeasureError::JsonShape { .. } => Code::M0718,
            MeasureError::Garbled { .. } => Code::M0730,
            MeasureError::WorkbookUnreadable { .. } => Code::M0731,
            MeasureError::CellError { .. } => Code::M0732,
            MeasureError::UnformattedPercent { .. } => Code::M0733,
            MeasureError::OtherPlan { .. } => Code::M0734,
            MeasureError::DeletedRow { .. } => Code::M0735,
            MeasureError::OutsideColumns { .. } => Code::M0736,
            MeasureError::SheetNotRead { .. } => Code::M0737,
        }
    }
}

/// What is wrong with a JSON text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonProblem {
    /// A character that cannot start or continue what is being read.
    Unexpected(char),
    UnexpectedEnd,
    BadEscape,
    BadNumber,
    /// Nesting deeper than any measurement file needs.
    TooDeep,
    /// Something after the end of the document.
    Trailing,
    /// An object with the same key twice.
    DuplicateKey(String),
}

/// Why a formula (or a performance) could not be computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Uncomputable {
    /// An operation beyond exact decimal arithmetic (28 digits).
    Overflow,
    /// A result outside the numeric range of the plans (`crate::range`). `percent`: the value
    /// is a fraction, shown as a percentage.
    OutOfRange { value: Decimal, percent: bool },
    /// The value and the target give a ratio beyond exact arithmetic.
    Ratio,
    /// Values of kinds that do not combine (a date where a number is needed).
    Mismatch,
}

#[derive(Clone, Debug, PartialEq)]
pub enum EvalError {
    /// A division by zero in a formula: that indicator is "non calcolabile".
    DivisionByZero { indicator: String, divisor: String },
    /// Any other formula that cannot be computed.
    NotComputable {
        indicator: String,
        reason: Uncomputable,
    },
    /// The scored year is not a year of the plan's triennio.
    YearOutsideTriennio {
        year: i32,
        triennio: (i32, i32),
        /// Where the year came from: `--year`, `--as-of` or `rilevazione`.
        from: YearFrom,
    },
    /// No `rilevazione` and no `--as-of`: the date is taken as 31/12 of the scored year.
    NoMonitoringDate {
        assumed: NaiveDate,
        /// The file has the `rilevazione` row (as the template does) with an empty value.
        blank: bool,
    },
    /// Two measurement files of one report with the same monitoring date.
    SameMonitoringDate { date: NaiveDate, other: String },
    /// Measurement files of one report that score different years.
    YearsDisagree {
        year: i32,
        other_year: i32,
        other: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearFrom {
    YearOption,
    AsOfOption,
    Rilevazione,
}

impl EvalError {
    pub fn code(&self) -> Code {
        match self {
            EvalError::DivisionByZero { .. } => Code::E0801,
            EvalError::NotComputable { .. } => Code::E0802,
            EvalError::YearOutsideTriennio { .. } => Code::E0803,
            EvalError::NoMonitoringDate { .. } => Code::E0804,
            EvalError::SameMonitoringDate { .. } => Code::E0810,
            EvalError::YearsDisagree { .. } => Code::E0811,
        }
    }
}
