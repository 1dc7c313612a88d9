//! The resolved plan: names bound, templates applied, units known. Built once by the checker;
//! the evaluator, the reports, `piano template` and (later) the language server read it.
//!
//! Values are exact decimals. A percentage is held as a fraction of one (`80%` is `0.8`), in
//! targets, weights and measure values alike, so that ratios of measures need no scaling;
//! reports multiply by 100 to show them.

use crate::span::Span;
use crate::syntax::ast::{
    BinOp, Comparator, Comparto, CostNature, MissingData, Tipo, Tipologia, Udm,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    pub plan: PlanInfo,
    pub scoring: Scoring,
    pub ambiti: Vec<Ambito>,
    pub strategici: Vec<Strategico>,
    /// Every measure: global ones, then each objective's (local and from templates), in plan
    /// order. `MeasureId` indexes this.
    pub measures: Vec<Measure>,
    pub objectives: Vec<Objective>,
    /// Whether the objectives carry their own weights (`peso` on every objective), summing
    /// to 100% over the plan; otherwise roll-ups are plain means.
    pub weighted_objectives: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanInfo {
    pub title: String,
    pub ente: String,
    /// The year scored by default.
    pub anno: i32,
    pub triennio: (i32, i32),
    pub approvato: Option<String>,
    /// `None`: not declared (the Chambers' registry is used, with a warning).
    pub comparto: Option<Comparto>,
}

impl PlanInfo {
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.triennio.0..=self.triennio.1
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scoring {
    /// Cap on an indicator's performance, as a fraction (1 = 100%).
    pub cap: Decimal,
    /// Days after which a late deadline scores 0%, losing performance linearly until then;
    /// `None`: a late deadline scores 0% at once.
    pub lateness_days: Option<Decimal>,
    pub missing: MissingData,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring {
            cap: Decimal::ONE,
            lateness_days: None,
            missing: MissingData::Excluded,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ambito {
    pub code: String,
    pub title: String,
    pub span: Span,
}

impl Model {
    /// The objectives that count in roll-ups: every one but the prerequisites.
    pub fn counts(&self, o: usize) -> bool {
        self.objectives.get(o).is_some_and(|x| !x.prerequisite)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Strategico {
    pub code: String,
    pub title: String,
    pub ambito: Option<String>,
    pub span: Span,
}

/// Index into `Model::measures`.
pub type MeasureId = usize;

#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    /// Its code in measurement files: `name` for a global measure, `OBJ.name` otherwise.
    pub code: String,
    pub name: String,
    pub description: String,
    pub udm: Udm,
    /// The objective it belongs to (index into `Model::objectives`), `None` if global.
    pub objective: Option<usize>,
    /// Where it is declared (in a template, for template measures).
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Objective {
    pub code: String,
    pub title: String,
    pub span: Span,
    pub strategico: Option<String>,
    /// Through the strategic line.
    pub ambito: Option<String>,
    /// In the comparto's form (three digits for the Chambers, two for local bodies).
    pub missione: Option<(String, String)>,
    pub risorse: Resources,
    pub finanziamento: Option<String>,
    pub area: Option<String>,
    pub ufficio: Option<String>,
    /// Its own `responsabile`, else its ambito's, else the plan's.
    pub responsabile: Option<String>,
    pub descrizione: Option<String>,
    pub note: Vec<String>,
    /// The objective's weight in the plan, as a fraction, when declared.
    pub weight: Option<Decimal>,
    /// `prerequisito`: no weight; when not fully met, it conditions the plan's performance.
    pub prerequisite: bool,
    pub equal_weights: bool,
    pub indicators: Vec<Indicator>,
}

impl Objective {
    /// An objective with nothing but its place and whether it is a prerequisite: what a caller
    /// that wants only the diagnostics keeps (`check::Keep::Diagnostics`).
    pub fn skeleton(span: Span, prerequisite: bool) -> Self {
        Objective {
            code: String::new(),
            title: String::new(),
            span,
            strategico: None,
            ambito: None,
            missione: None,
            risorse: Resources::default(),
            finanziamento: None,
            area: None,
            ufficio: None,
            responsabile: None,
            descrizione: None,
            note: Vec::new(),
            weight: None,
            prerequisite,
            equal_weights: false,
            indicators: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Resources {
    /// `risorse 439.846,96 €`.
    pub amount: Option<Decimal>,
    /// `risorse interne`.
    pub internal: bool,
    /// `risorse { 2025 personale 1.088.574,57 € ... }`.
    pub per_year: Vec<(i32, CostNature, Decimal)>,
}

impl Resources {
    /// The resources for `year`: the single amount, or the year's rows summed.
    pub fn for_year(&self, year: i32) -> Option<Decimal> {
        if let Some(a) = self.amount {
            return Some(a);
        }
        let mut rows = self
            .per_year
            .iter()
            .filter(|(y, _, _)| *y == year)
            .peekable();
        rows.peek()?;
        // Each amount is below 10^15 (`crate::range`): the sum of a plan's rows cannot reach
        // `Decimal::MAX`, and saturating cannot panic.
        Some(rows.fold(Decimal::ZERO, |sum, (_, _, a)| sum.saturating_add(*a)))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    /// `OBJ.name`: its code in measurement files, when measured directly, and its name after
    /// the dot (see [`Indicator::name`]): a `String` of its own for the name cost 56 bytes an
    /// indicator.
    pub code: String,
    pub title: String,
    pub span: Span,
    pub algoritmo: Option<String>,
    /// `None`: measured directly (its value comes from the measurement file).
    /// Boxed: inline, it was 72 of an indicator's 368 bytes, measured directly or not.
    pub formula: Option<Box<Formula>>,
    pub tipologia: Option<Tipologia>,
    pub tipo: Option<Tipo>,
    pub udm: Udm,
    /// One entry per year with a target line, in year order.
    pub targets: Vec<(i32, TargetSpec)>,
    pub weight: Weight,
    /// What most indicators do not have, out of line (`None` when it would be all empty).
    pub extra: Option<Box<IndicatorExtra>>,
}

/// The fields most indicators leave out. Inline they were 120 of an indicator's 304 bytes,
/// and `eval` holds every indicator of the plan at once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndicatorExtra {
    pub fonte: Option<String>,
    pub kpi: Option<String>,
    pub note: Vec<String>,
    /// `baseline YEAR VALUE`: the year and the value (`None` for `n.d.`).
    pub baseline: Option<(i32, Option<TargetValue>)>,
    /// The template it was made from, if any.
    pub template: Option<String>,
}

impl IndicatorExtra {
    /// Boxed, or `None` when every field is empty, as for most indicators.
    pub fn boxed(self) -> Option<Box<Self>> {
        (self != IndicatorExtra::default()).then(|| Box::new(self))
    }
}

impl Indicator {
    /// Its name: the code after the objective's code, which has no dot.
    pub fn name(&self) -> &str {
        self.code
            .split_once('.')
            .map_or(&self.code, |(_, name)| name)
    }

    pub fn fonte(&self) -> Option<&str> {
        self.extra.as_ref()?.fonte.as_deref()
    }

    pub fn kpi(&self) -> Option<&str> {
        self.extra.as_ref()?.kpi.as_deref()
    }

    pub fn note(&self) -> &[String] {
        self.extra.as_ref().map_or(&[], |e| &e.note)
    }

    pub fn baseline(&self) -> Option<&(i32, Option<TargetValue>)> {
        self.extra.as_ref()?.baseline.as_ref()
    }

    /// The template it was made from, if any.
    pub fn template(&self) -> Option<&str> {
        self.extra.as_ref()?.template.as_deref()
    }

    pub fn target(&self, year: i32) -> Option<&TargetSpec> {
        self.targets
            .iter()
            .find(|(y, _)| *y == year)
            .map(|(_, t)| t)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum TargetSpec {
    NotAvailable,
    Compare {
        comparator: Comparator,
        value: TargetValue,
    },
}

/// A target's value, in the indicator's unit (percentages as fractions).
#[derive(Clone, Debug, PartialEq)]
pub enum TargetValue {
    Number(Decimal),
    Date(NaiveDate),
    Bool(bool),
}

/// An indicator's weight within its objective.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weight {
    /// As used in weighted means: the declared fraction, or 1 for every indicator under
    /// `pesi uguali` (exact: no 33,3% rounding).
    pub relative: Decimal,
    /// As a fraction of the objective (for display): `relative` normalised.
    pub share: Decimal,
}

/// A formula with its names resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Formula {
    pub expr: RExpr,
    pub span: Span,
    /// The formula as written scales a ratio by 100: `expr` computes the ratio meant, and
    /// reports say so beside the indicator.
    pub corrected: Option<Correction>,
}

/// How a formula written in points was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Correction {
    /// `a / b * 100` read as `a / b` (U0305).
    TimesHundred,
    /// A percentage divided by 100, read without the division (U0312).
    OverHundred,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RExpr {
    pub kind: RExprKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RExprKind {
    Number(Decimal),
    Measure(MeasureId),
    /// Another indicator of the same objective (index into its `indicators`).
    Indicator(usize),
    Neg(Box<RExpr>),
    Binary {
        op: BinOp,
        lhs: Box<RExpr>,
        rhs: Box<RExpr>,
    },
    Call {
        function: Function,
        args: Vec<RExpr>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Function {
    Min,
    Max,
    Abs,
}

impl Function {
    pub const ALL: &'static [(&'static str, Function)] = &[
        ("min", Function::Min),
        ("max", Function::Max),
        ("abs", Function::Abs),
    ];

    pub fn arity(self) -> usize {
        match self {
            Function::Min | Function::Max => 2,
            Function::Abs => 1,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Function::Min => "min",
            Function::Max => "max",
            Function::Abs => "abs",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `eval` holds every indicator of a plan at once (100,000 for the benchmark's 10k plan):
    /// a field added inline costs its size that many times. Rare fields go in `IndicatorExtra`.
    #[test]
    fn an_indicator_stays_small() {
        let size = std::mem::size_of::<Indicator>();
        eprintln!("Indicator: {size} bytes");
        assert!(size <= 168, "Indicator is {size} bytes");
    }
}
