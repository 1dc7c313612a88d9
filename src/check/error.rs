//! Problems the checker finds, as data. Their texts are in `diagnostics/texts/check.rs`.

use crate::diagnostics::Code;
use crate::span::Span;
use crate::syntax::ast::{Comparator, Comparto, LitUnit, Udm};
use rust_decimal::Decimal;

/// What kind of thing a name or code refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Thing {
    Ambito,
    Strategico,
    Obiettivo,
    Misura,
    Modello,
    Indicatore,
    /// A name in a formula: a measure or an indicator.
    FormulaName,
    Function,
    Piano,
}

/// The unit of a formula's sub-expression, as the unit algebra computes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dim {
    /// A constant: it takes the unit of what it is added to, and scales what it multiplies.
    Scalar,
    /// A quotient of equal units, shown as `%`.
    Ratio,
    Count,
    Euro,
    Days,
    Hours,
    Years,
    Points,
    Date,
    YesNo,
}

impl Dim {
    pub fn of(udm: Udm) -> Dim {
        match udm {
            Udm::Count => Dim::Count,
            Udm::Percent => Dim::Ratio,
            Udm::Euro => Dim::Euro,
            Udm::Days => Dim::Days,
            Udm::Hours => Dim::Hours,
            Udm::Years => Dim::Years,
            Udm::Points => Dim::Points,
            Udm::Date => Dim::Date,
            Udm::YesNo => Dim::YesNo,
        }
    }
}

/// Which code of a `missione M programma P` line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Missione,
    Programma,
}

/// The kind of a literal value, for "expected a date, found a number".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    Number,
    Date,
    YesNo,
}

#[derive(Clone, Debug, PartialEq)]
pub enum CheckError {
    Duplicate {
        thing: Thing,
        name: String,
        first: Span,
    },
    Undefined {
        thing: Thing,
        name: String,
        suggestion: Option<String>,
    },
    /// Formulas that depend on each other in a circle: the names along it.
    Cycle {
        path: Vec<String>,
    },
    UnusedMeasure {
        name: String,
    },
    UnusedTemplate {
        name: String,
    },
    MissingPiano,
    RepeatedItem {
        keyword: &'static str,
        first: Span,
    },
    MissingField {
        field: &'static str,
        owner: Thing,
        name: String,
    },
    FormulaUnit {
        found: Dim,
        declared: Udm,
        udm: Option<Span>,
    },
    /// `+`, `-`, `min` or `max` between different units.
    SumMismatch {
        op: &'static str,
        left: Dim,
        right: Dim,
        left_span: Span,
        right_span: Span,
    },
    BadProduct {
        left: Dim,
        right: Dim,
        left_span: Span,
        right_span: Span,
    },
    BadQuotient {
        left: Dim,
        right: Dim,
        left_span: Span,
        right_span: Span,
    },
    /// A ratio multiplied by 100 (`a / b * 100`, `100 * a / b`, `a / (b / 100)`): the value
    /// would be a hundred times too large. `formula` is the whole formula; `without` is it
    /// without the hundred, when taking the hundred out is all it takes.
    RatioTimesHundred {
        formula: Span,
        without: Option<String>,
    },
    /// A ratio (a percentage measure, say) divided by 100: a hundred times too small.
    RatioOverHundred {
        formula: Span,
        without: Option<String>,
    },
    NoArithmetic {
        dim: Dim,
    },
    WrongKind {
        udm: Udm,
        found: ValueKind,
    },
    UnitMismatch {
        udm: Udm,
        written: LitUnit,
    },
    PercentWithoutSign {
        number: String,
    },
    AmountWithoutEuro {
        number: String,
    },
    Arity {
        function: &'static str,
        expected: usize,
        found: usize,
    },
    ComparatorNotAllowed {
        comparator: Comparator,
        udm: Udm,
    },
    EqualsOnDate,
    MissingTarget {
        year: i32,
        indicator: String,
    },
    DuplicateTarget {
        year: i32,
        first: Span,
    },
    TargetOutsideTriennio {
        year: i32,
        from: i32,
        to: i32,
        /// The one year of the triennio without a target, probably the one meant.
        meant: Option<i32>,
    },
    BadTriennio {
        anno: i32,
        from: i32,
        to: i32,
    },
    WeightSum {
        sum: Decimal,
        weights: Vec<(Span, Decimal)>,
        /// The weights look like 100% / n rounded.
        rounded_equal_split: bool,
        /// For a rounded equal split: the edits that delete the `peso` lines and write
        /// `pesi uguali` (empty when some weight comes from a template).
        equal_split: Vec<crate::diagnostics::Edit>,
    },
    EqualWeightsWithPeso {
        pesi_uguali: Span,
    },
    WeightOutOfRange {
        weight: Decimal,
    },
    MissingWeight {
        indicator: String,
    },
    ObjectiveWeights {
        sum: Decimal,
        missing: Vec<String>,
    },
    /// A mission the comparto's registry does not have; codes as written. `elsewhere`: the
    /// comparto whose registry has it.
    UnknownMission {
        missione: String,
        comparto: Option<Comparto>,
        elsewhere: Option<Comparto>,
    },
    UnknownProgramme {
        missione: String,
        programma: String,
        known: Vec<String>,
        elsewhere: Option<Comparto>,
    },
    ProgrammeMoved {
        missione: String,
        programma: String,
        to: String,
    },
    /// A code in the wrong form for the comparto (`1` or `001` where two digits are due);
    /// `right`: how to write it, when there is one spelling.
    CodeForm {
        kind: CodeKind,
        written: String,
        right: Option<String>,
        comparto: Comparto,
        span: Span,
    },
    /// A D.Lgs. 118/2011 programme "solo per le Regioni" in a local body's plan.
    RegionsOnly {
        missione: String,
        programma: String,
        name: String,
    },
    /// No `comparto` in the `piano` block; `insert_at`: the start of the line after its `{`,
    /// for the fix; `guess`: the comparto the plan's codes fit.
    MissingComparto {
        insert_at: Option<usize>,
        guess: Comparto,
    },
    /// An objective with both `peso` and `prerequisito`.
    PrerequisiteWithPeso {
        prerequisito: Span,
        /// The whole `peso` line with its line end, for the fix that removes it.
        peso_line: Span,
    },
    /// `peso 0%` on an objective: what `prerequisito` is for. `line`: the whole `peso` line.
    ObjectiveZeroWeight {
        line: Span,
    },
    /// Some objectives have a `peso`, this one has neither `peso` nor `prerequisito`.
    /// `weighted`: the others' `peso` lines; `insert_at`/`indent`: where a new line of the
    /// objective goes, for the fixes; `rest`: what is left to 100% (when positive).
    ObjectiveWithoutWeight {
        code: String,
        weighted: Vec<Span>,
        insert_at: Option<usize>,
        indent: String,
        rest: Option<Decimal>,
    },
    /// A baseline for a year of the triennio or after it.
    BaselineYear {
        year: i32,
        from: i32,
    },
    ObjectivePrefix {
        code: String,
        strategico: String,
    },
    StrategicPrefix {
        code: String,
        ambito: String,
    },
    NegativeResources,
    /// A `consenti CODE` that accepts no warning: none with that code on its line.
    AcceptUnused {
        code: Code,
        remove: crate::diagnostics::Edit,
    },
    /// A `consenti` without `: motivo`.
    AcceptWithoutReason,
    /// A `consenti` naming no known code.
    AcceptUnknownCode {
        word: String,
        suggestion: Option<Code>,
        remove: crate::diagnostics::Edit,
    },
    /// A `consenti` naming an error (or a code about `consenti` itself), which cannot be
    /// accepted.
    AcceptError {
        code: Code,
        remove: crate::diagnostics::Edit,
    },
}

impl CheckError {
    pub fn code(&self) -> Code {
        use CheckError::*;
        match self {
            Duplicate { .. } => Code::N0201,
            Undefined { .. } => Code::N0202,
            Cycle { .. } => Code::N0203,
            UnusedMeasure { .. } => Code::N0204,
            UnusedTemplate { .. } => Code::N0205,
            MissingPiano => Code::N0206,
            RepeatedItem { .. } => Code::N0207,
            MissingField { .. } => Code::N0208,
            FormulaUnit { .. } => Code::U0301,
            SumMismatch { .. } => Code::U0302,
            BadProduct { .. } => Code::U0303,
            BadQuotient { .. } => Code::U0304,
            RatioTimesHundred { .. } => Code::U0305,
            RatioOverHundred { .. } => Code::U0312,
            NoArithmetic { .. } => Code::U0306,
            WrongKind { .. } => Code::U0307,
            UnitMismatch { .. } => Code::U0308,
            PercentWithoutSign { .. } => Code::U0309,
            AmountWithoutEuro { .. } => Code::U0310,
            Arity { .. } => Code::U0311,
            ComparatorNotAllowed { .. } => Code::T0401,
            EqualsOnDate => Code::T0402,
            MissingTarget { .. } => Code::T0403,
            DuplicateTarget { .. } => Code::T0404,
            TargetOutsideTriennio { .. } => Code::T0405,
            BadTriennio { .. } => Code::T0406,
            WeightSum { .. } => Code::W0501,
            EqualWeightsWithPeso { .. } => Code::W0502,
            WeightOutOfRange { .. } => Code::W0503,
            MissingWeight { .. } => Code::W0504,
            ObjectiveWeights { .. } | ObjectiveWithoutWeight { .. } => Code::W0505,
            PrerequisiteWithPeso { .. } => Code::W0506,
            ObjectiveZeroWeight { .. } => Code::W0503,
            CodeForm { .. } => Code::C0606,
            RegionsOnly { .. } => Code::C0607,
            MissingComparto { .. } => Code::C0608,
            BaselineYear { .. } => Code::T0407,
            UnknownMission { .. } | UnknownProgramme { .. } => Code::C0601,
            ProgrammeMoved { .. } => Code::C0602,
            ObjectivePrefix { .. } => Code::C0603,
            StrategicPrefix { .. } => Code::C0604,
            NegativeResources => Code::C0605,
            AcceptUnused { .. } => Code::N0210,
            AcceptWithoutReason => Code::N0211,
            AcceptUnknownCode { .. } => Code::N0212,
            AcceptError { .. } => Code::N0213,
        }
    }
}
